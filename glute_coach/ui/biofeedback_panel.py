"""The player's biofeedback panel: connection, gauges, balance, hold numbers and live traces.

It takes a :class:`BiofeedbackController` and only shows what that controller says: each frame's
readings go to one big gauge per channel, the targeted muscle's left/right balance to a bar, the
current hold's reps, time in zone and reaction time to one line, and the target band (converted
back to the signal's own unit) to the live traces. Connection state is always visible, with a
one-click Reconnect. Colours, sound and traces are switched here and saved as settings.
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from glute_coach.core.metrics import PERCENT_MVC
from glute_coach.core.routine import Side
from glute_coach.core.timeline import Segment
from glute_coach.sensors.biofeedback import (
    PRESSURE_UNITS,
    REP_ON_FRACTION,
    LiveFrame,
    Reading,
)
from glute_coach.sensors.source import ConnectionState
from glute_coach.storage.settings import FeedbackSound, Settings
from glute_coach.ui.biofeedback_controller import BiofeedbackController
from glute_coach.ui.gauge import BandGauge, SymmetryBar
from glute_coach.ui.live_view import LiveView
from glute_coach.ui.theme import ThemeColors, palette_for
from glute_coach.ui.widgets import decimal_text, muscle_name

MIN_TOUCH_PX = 48
TRACE_WINDOW_S = 8.0
MAX_GAUGES = 8
INITIAL_SCALE = {"mv": 0.5, "uv": 500.0, "µv": 500.0, "v": 0.0005, "mmhg": 60.0}  # full scale


class BiofeedbackPanel(QFrame):
    settings_changed = Signal(object)  # Settings, after a switch here

    def __init__(
        self,
        controller: BiofeedbackController,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.colors: ThemeColors = palette_for(settings.theme)
        self.gauges: list[BandGauge] = []
        self._gauge_channels: list[int] = []
        self.live_view: LiveView | None = None
        self._unit = 1.0
        self.setObjectName("biofeedbackPanel")
        self.setAccessibleName(self.tr("Biofeedback"))
        self._build()
        controller.configured.connect(self._configure)
        controller.updated.connect(self.show_frame)
        controller.connection_changed.connect(self._show_state)
        controller.segment_changed.connect(self._show_targets)
        controller.message.connect(self._show_message)
        self._show_state(controller.state.value)
        if controller.model is not None:
            self._configure()

    # --- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        self._root = root

        header = QHBoxLayout()
        self.state_label = QLabel(self)
        self.state_label.setObjectName("sensorState")
        self.state_label.setAccessibleName(self.tr("Sensor connection"))
        self.state_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.reconnect_button = QPushButton(self.tr("Reconnect"), self)
        self.reconnect_button.setAccessibleName(self.tr("Reconnect the sensor"))
        self.reconnect_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reconnect_button.clicked.connect(self.controller.reconnect)
        self.colors_button = QPushButton(self.tr("Colours"), self)
        self.colors_button.setCheckable(True)
        self.colors_button.setChecked(self.settings.feedback_colors)
        self.colors_button.setAccessibleName(self.tr("Colour the gauges by zone"))
        self.colors_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.colors_button.toggled.connect(self._toggle_colors)
        self.sound_box = QComboBox(self)
        self.sound_box.setAccessibleName(self.tr("Feedback sound"))
        self.sound_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for mode, text in (
            (FeedbackSound.TONE, self.tr("Tone")),
            (FeedbackSound.CHIME, self.tr("Chime")),
            (FeedbackSound.OFF, self.tr("No sound")),
        ):
            self.sound_box.addItem(text, mode.value)
        self.sound_box.setCurrentIndex(self.sound_box.findData(self.settings.feedback_sound.value))
        self.sound_box.currentIndexChanged.connect(self._choose_sound)
        self.traces_button = QPushButton(self.tr("Traces"), self)
        self.traces_button.setCheckable(True)
        self.traces_button.setChecked(self.settings.show_traces)
        self.traces_button.setAccessibleName(self.tr("Show the live signal"))
        self.traces_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.traces_button.toggled.connect(self._toggle_traces)
        header.addWidget(self.state_label, 1)
        header.addWidget(self.reconnect_button)
        root.addLayout(header)

        self.calibration_label = QLabel(self)
        self.calibration_label.setObjectName("calibrationLabel")
        self.calibration_label.setWordWrap(True)
        self.calibration_label.setAccessibleName(self.tr("Calibration"))
        self.calibration_label.hide()
        root.addWidget(self.calibration_label)

        body = QHBoxLayout()
        self._body = body
        gauges_box = QVBoxLayout()
        self.gauge_row = QHBoxLayout()
        gauges_box.addLayout(self.gauge_row, 1)
        self.symmetry_bar = SymmetryBar(self.colors, self)
        self.symmetry_bar.hide()
        gauges_box.addWidget(self.symmetry_bar)
        self.waiting_label = QLabel(self.tr("Waiting for the sensor…"), self)
        self.waiting_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting_label.setWordWrap(True)
        self.gauge_row.addWidget(self.waiting_label)
        body.addLayout(gauges_box, 3)
        self.traces_box = QVBoxLayout()
        body.addLayout(self.traces_box, 2)
        root.addLayout(body, 1)

        # The hold's numbers, then the switches (small: they are for the therapist).
        footer = QHBoxLayout()
        self.stats_label = QLabel(self)
        self.stats_label.setObjectName("holdStats")
        self.stats_label.setAccessibleName(self.tr("This hold"))
        footer.addWidget(self.stats_label, 1)
        for widget in (self.colors_button, self.sound_box, self.traces_button):
            footer.addWidget(widget)
        root.addLayout(footer)

    def _configure(self) -> None:
        """Build one gauge per channel and the traces, now that the channels are known."""
        model = self.controller.model
        if model is None or self.gauges:
            return
        self.waiting_label.hide()
        for ch in model.channels[:MAX_GAUGES]:
            gauge = BandGauge(self.colors, self)
            gauge.set_label(self.channel_label(ch.name, ch.muscle, ch.side, len(model.channels)))
            gauge.set_colored(self.settings.feedback_colors)
            self.gauge_row.addWidget(gauge, 1)
            self.gauges.append(gauge)
            self._gauge_channels.append(ch.index)
        labels = list(self.controller.sensor.channel_names)
        for ch in model.channels:  # the same names as the gauges
            if ch.index < len(labels):
                labels[ch.index] = self.channel_label(
                    ch.name, ch.muscle, ch.side, len(model.channels)
                )
        self.live_view = LiveView(
            self.controller.sensor,
            window_s=TRACE_WINDOW_S,
            theme=self.settings.theme,
            labels=labels,
            parent=self,
        )
        self.live_view.setAccessibleName(self.tr("Live signal"))
        self.live_view.setMinimumSize(200, 120)
        self.traces_box.addWidget(self.live_view)
        self._toggle_traces(self.settings.show_traces, save=False)
        self.apply_scale(self._unit)
        segment = self.controller.segment
        if segment is not None:
            self._show_targets(segment)

    def channel_label(self, name: str, muscle: str | None, side: Side, count: int) -> str:
        """ "Left" for a pair on one muscle, "Glute med · right" when muscles differ."""
        side_word = {Side.LEFT: self.tr("Left"), Side.RIGHT: self.tr("Right")}.get(side)
        if side_word is None:
            return muscle_name(muscle) if muscle else name[:1].upper() + name[1:]
        model = self.controller.model
        muscles = {c.muscle for c in model.channels} if model is not None else set()
        if muscle and len(muscles) > 1:
            return f"{muscle_name(muscle)} · {side_word.lower()}"
        return side_word

    # --- switches --------------------------------------------------------------------------
    def _save(self, **changes: object) -> None:
        self.settings = self.settings.model_copy(update=changes)
        self.controller.set_settings(self.settings)
        self.settings_changed.emit(self.settings)

    def _toggle_colors(self, on: bool) -> None:
        for gauge in self.gauges:
            gauge.set_colored(on)
        self.symmetry_bar.set_colored(on)
        self._save(feedback_colors=on)

    def _choose_sound(self, index: int) -> None:
        self._save(feedback_sound=FeedbackSound(self.sound_box.itemData(index)))

    def _toggle_traces(self, on: bool, *, save: bool = True) -> None:
        if self.live_view is not None:
            self.live_view.setVisible(on)
            if on:
                self.live_view.start()
            else:
                self.live_view.stop()
        if save:
            self._save(show_traces=on)

    # --- what the controller says ----------------------------------------------------------
    def state_text(self, state: str) -> str:
        name = self.controller.name
        return {
            ConnectionState.CONNECTING.value: self.tr("Sensor {0}: connecting…"),
            ConnectionState.CONNECTED.value: self.tr("Sensor {0}: connected"),
            ConnectionState.RECONNECTING.value: self.tr("Sensor {0}: reconnecting…"),
            ConnectionState.LOST.value: self.tr("Sensor {0}: signal lost"),
            ConnectionState.STOPPED.value: self.tr("Sensor {0}: stopped"),
        }.get(state, "{0}").format(name)

    def _show_state(self, state: str) -> None:
        ok = state == ConnectionState.CONNECTED.value
        waiting = state in (ConnectionState.CONNECTING.value, ConnectionState.RECONNECTING.value)
        dot = self.colors.rest if ok else (self.colors.prepare if waiting else self.colors.work)
        text = html.escape(self.state_text(state))
        self.state_label.setText(f'<span style="color:{dot}">●</span> {text}')
        self.state_label.setAccessibleDescription(self.state_text(state))
        self.reconnect_button.setProperty("role", "" if ok else "primary")
        self.reconnect_button.style().unpolish(self.reconnect_button)
        self.reconnect_button.style().polish(self.reconnect_button)
        for gauge in self.gauges:
            gauge.set_stale(not ok)

    def _show_message(self, line: str) -> None:
        self.state_label.setToolTip(line)

    def _show_targets(self, segment: Segment) -> None:
        """The segment's band on the traces, in each channel's own unit."""
        model, view = self.controller.model, self.live_view
        if model is None:
            return
        targeted, band = model.targets
        for gauge, index in zip(self.gauges, self._gauge_channels, strict=True):
            shown = band if index in targeted else None
            gauge.set_band(*(shown or (None, None)))
        if view is None:
            return
        for ch in model.channels:
            factor = self._to_source_unit(ch.index, ch.unit, ch.kind)
            if ch.index in targeted and band is not None and factor is not None:
                view.set_target(band[0] * factor, band[1] * factor, ch.index)
                # Where a rep starts to count (EMG; a pressure band has no "on" level).
                on = band[0] * REP_ON_FRACTION * factor if ch.kind == "emg" else None
                view.set_threshold(on, ch.index)
            else:
                view.clear_target(ch.index)
                view.set_threshold(None, ch.index)

    def _to_source_unit(self, index: int, unit: str, kind: str) -> float | None:
        model = self.controller.model
        assert model is not None
        if kind == "emg":
            mvc = model.mvc.get(index)
            return mvc / 100.0 if mvc else None
        if kind == "pressure":
            return 1.0 / PRESSURE_UNITS.get(unit.strip().lower(), 1.0)
        return 1.0

    def show_frame(self, frame: LiveFrame) -> None:
        connected = self.controller.state is ConnectionState.CONNECTED
        by_index = {r.channel.index: r for r in frame.readings}
        for gauge, index in zip(self.gauges, self._gauge_channels, strict=True):
            reading = by_index.get(index)
            if reading is None:
                continue
            self._show_reading(gauge, reading)
            gauge.set_stale(not connected or frame.stale)
        self._show_symmetry(frame)
        self._show_calibration(frame)
        self.stats_label.setText(self.stats_text(frame))

    def _show_reading(self, gauge: BandGauge, reading: Reading) -> None:
        unit = reading.unit
        shown = "%" if unit == PERCENT_MVC else unit
        if shown != gauge.unit():
            gauge.set_unit(shown)
            gauge.set_scale(100.0 if unit == PERCENT_MVC else INITIAL_SCALE.get(unit.lower(), 1.0))
        # Outside %MVC the scale grows to what is seen (raw levels before calibration, pressure).
        top = max([reading.value if math.isfinite(reading.value) else 0.0, *(reading.band or ())])
        if unit != PERCENT_MVC and top > gauge.scale() * 0.95:
            gauge.set_scale(top * 1.25)
        gauge.set_value(reading.value if math.isfinite(reading.value) else None)

    def _show_symmetry(self, frame: LiveFrame) -> None:
        left = [r for r in frame.readings if r.channel.side is Side.LEFT]
        right = [r for r in frame.readings if r.channel.side is Side.RIGHT]
        pair = (
            frame.symmetry is not None  # only while working towards a target
            and len(left) == 1
            and len(right) == 1
            and left[0].unit == right[0].unit
        )
        self.symmetry_bar.setVisible(pair)
        if pair:
            lv, rv = left[0].value, right[0].value
            self.symmetry_bar.set_values(
                lv if math.isfinite(lv) else None, rv if math.isfinite(rv) else None
            )

    def _show_calibration(self, frame: LiveFrame) -> None:
        progress = frame.calibration
        if progress is None:
            self.calibration_label.hide()
            return
        decimals = 2 if progress.best < 10 else 0
        where = progress.where
        if progress.muscle:
            side = {Side.LEFT: self.tr("left"), Side.RIGHT: self.tr("right")}.get(
                progress.side or Side.BOTH
            )
            where = muscle_name(progress.muscle) + (f", {side}" if side else "")
        if progress.best > 0:
            text = self.tr("Measuring {where} · best squeeze so far {best} {unit}").format(
                where=where, best=decimal_text(progress.best, decimals), unit=progress.unit
            )
        else:
            text = self.tr("Measuring {where} · first effort").format(where=where)
        self.calibration_label.setText(text)
        self.calibration_label.show()

    def stats_text(self, frame: LiveFrame) -> str:
        targeted = [r for r in frame.readings if r.band is not None]
        parts: list[str] = []
        if targeted:
            reps = max(r.reps for r in targeted)
            zone_s = max(r.zone_s for r in targeted)
            parts.append(self.tr("Reps {0}").format(reps))
            parts.append(self.tr("In zone {0} s").format(decimal_text(zone_s, 1)))
        if frame.latency_s is not None:
            parts.append(self.tr("Reaction {0} s").format(decimal_text(frame.latency_s, 2)))
        elif frame.awaiting_onset:
            parts.append(self.tr("Reaction …"))
        model = self.controller.model
        if (
            not targeted
            and model is not None
            and not model.calibrated
            and frame.calibration is None
        ):
            # short: it shares its row with the switches (a wrapping label here would take
            # height from the step's instructions)
            parts.append(self.tr("Not calibrated: raw sensor levels"))
        return "  ·  ".join(parts)

    # --- size ------------------------------------------------------------------------------
    def apply_scale(self, unit: float) -> None:
        """Fonts and touch targets follow the player's scale (designed at 1280x720)."""
        self._unit = unit
        size = max(round(17 * unit), 12)
        for widget in (self.state_label, self.stats_label, self.calibration_label):
            font = widget.font()
            font.setPixelSize(max(round(18 * unit), 13))
            font.setBold(widget is not self.state_label)
            widget.setFont(font)
        for button in (self.reconnect_button, self.colors_button, self.traces_button):
            button.setMinimumHeight(MIN_TOUCH_PX)
            button.setStyleSheet(f"font-size: {size}px;")
        self.sound_box.setMinimumHeight(MIN_TOUCH_PX)
        self.sound_box.setStyleSheet(f"font-size: {size}px;")
        # The balance is a supporting line: it must not outshine the gauges' numbers.
        self.symmetry_bar.setMaximumHeight(max(round(64 * unit), 48))
        self._root.setSpacing(round(8 * unit))

    def sizeHint(self) -> QSize:
        return QSize(640, 420)

    def close_panel(self) -> None:
        """Stop the traces' timer (the controller is closed by its owner)."""
        if self.live_view is not None:
            self.live_view.stop()
