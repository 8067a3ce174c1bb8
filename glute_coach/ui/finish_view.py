"""The finish screen: what was done and skipped, how it felt, and saving it on this computer.

After a session with a sensor it also shows the biofeedback results per exercise (peak and mean
level, time in the target band, reps, onset latency, left/right symmetry) and links the recording.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from glute_coach.core.metrics import ChannelMetrics, ExerciseMetrics
from glute_coach.storage.history import HistoryStore
from glute_coach.storage.sessions import MAX_NOTES, SessionSummary, with_feedback
from glute_coach.ui.gauge import symmetry_words
from glute_coach.ui.notices import history_notice
from glute_coach.ui.pain_advice import PainAdvice
from glute_coach.ui.widgets import (
    PainScale,
    clock_text,
    decimal_text,
    muscle_name,
    number_locale,
    set_role,
)


def grouped_names(names: list[str]) -> list[tuple[str, int]]:
    """Step names in order with repeats counted: a circuit done twice lists each step once."""
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return list(counts.items())


NONE_TEXT = "—"  # a value that could not be measured


def number_text(value: float) -> str:
    """A measured level with as many digits as it needs: 85, 4.2, 0.012."""
    size = abs(value)
    if size >= 10 or size == 0:
        return decimal_text(value, 0)
    if size >= 1:
        return decimal_text(value, 1)
    return number_locale().toString(float(value), "g", 2)


class ExerciseResults(QFrame):
    """One exercise's biofeedback: its name, a column of numbers per channel, then notes.

    Left and right sit side by side, so they compare at a glance; rows are the measures.
    """

    def __init__(
        self,
        name: str,
        heads: list[str],
        channels: list[tuple[str, list[str]]],
        notes: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bioExercise")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        self.name_label = QLabel(name, self)
        set_role(self.name_label, "exercise")
        self.name_label.setWordWrap(True)
        box.addWidget(self.name_label)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        self.head_labels: list[QLabel] = []
        for row, head in enumerate(heads, start=1):
            label = QLabel(head, self)
            set_role(label, "caption")
            grid.addWidget(label, row, 0)
            self.head_labels.append(label)
        self.channel_labels: list[QLabel] = []
        self.cells: list[list[QLabel]] = []  # per channel, one per head
        for column, (who, values) in enumerate(channels, start=1):
            label = QLabel(who, self)
            label.setObjectName("channelName")
            label.setWordWrap(True)
            grid.addWidget(label, 0, column, Qt.AlignmentFlag.AlignBottom)
            self.channel_labels.append(label)
            cells = []
            for row, (head, value) in enumerate(zip(heads, values, strict=True), start=1):
                cell = QLabel(value, self)
                cell.setAccessibleName(f"{who}, {head}: {value}")
                grid.addWidget(cell, row, column)
                cells.append(cell)
            self.cells.append(cells)
            grid.setColumnStretch(column, 1)
        box.addLayout(grid)

        self.notes: dict[str, QLabel] = {}
        for key, text in notes:
            label = QLabel(text, self)
            label.setObjectName(key)
            label.setWordWrap(True)
            if key == "gap":
                set_role(label, "caption")
            box.addWidget(label)
            self.notes[key] = label

    def values(self, channel: int) -> list[str]:
        """The shown values of one channel (0 = first), in the order of the heads."""
        return [cell.text() for cell in self.cells[channel]]


def exercise_results(metrics: ExerciseMetrics, parent: QWidget) -> ExerciseResults:
    """One exercise's biofeedback as the finish screen shows it (the history shows past
    sessions' the same way)."""
    heads = [
        QCoreApplication.translate("FinishView", "Peak"),
        QCoreApplication.translate("FinishView", "Mean"),
        QCoreApplication.translate("FinishView", "Time in zone"),
        QCoreApplication.translate("FinishView", "Reps"),
        QCoreApplication.translate("FinishView", "Reaction"),
    ]
    channels = [(channel_text(c), channel_values(c, metrics.active_s)) for c in metrics.channels]
    notes: list[tuple[str, str]] = []
    symmetry = symmetry_text(metrics)
    if symmetry is not None:
        notes.append(
            (
                "symmetry",
                QCoreApplication.translate("FinishView", "Symmetry: {text}").format(text=symmetry),
            )
        )
    if metrics.gap_s > 0:
        seconds = max(1, round(metrics.gap_s))
        notes.append(
            (
                "gap",
                QCoreApplication.translate("FinishView", "Sensor signal missing for {n} s").format(
                    n=seconds
                ),
            )
        )
    return ExerciseResults(metrics.exercise, heads, channels, notes, parent)


def channel_text(channel: ChannelMetrics) -> str:
    """Who was measured: "Gluteus maximus · left"; the channel's name without a muscle."""
    if channel.muscle:
        name = muscle_name(channel.muscle)
    else:
        name = channel.channel[:1].upper() + channel.channel[1:] or QCoreApplication.translate(
            "FinishView", "Sensor"
        )
    sides = {
        "left": QCoreApplication.translate("FinishView", "left"),
        "right": QCoreApplication.translate("FinishView", "right"),
    }
    side = sides.get(channel.side)
    return f"{name} · {side}" if side else name


def zone_text(zone_s: float | None, active_s: float) -> str:
    """Time in zone, with its share of the active time when known: "12 s (40 %)"."""
    if zone_s is None:
        return NONE_TEXT
    if active_s > 0:
        share = min(max(round(100 * zone_s / active_s), 0), 100)
        return QCoreApplication.translate("FinishView", "{s} s ({share} %)").format(
            s=round(zone_s), share=share
        )
    return QCoreApplication.translate("FinishView", "{s} s").format(s=round(zone_s))


def channel_values(channel: ChannelMetrics, active_s: float) -> list[str]:
    """Peak, mean, time in zone, reps and onset latency as shown; "—" when not measured."""

    def level(value: float | None) -> str:
        if value is None:
            return NONE_TEXT
        number = number_text(value)
        return f"{number} {channel.unit}" if channel.unit else number

    zone = zone_text(channel.zone_s, active_s)
    onset = (
        NONE_TEXT
        if channel.onset_latency_s is None
        else QCoreApplication.translate("FinishView", "{ms} ms").format(
            ms=round(channel.onset_latency_s * 1000)
        )
    )
    return [level(channel.peak), level(channel.mean), zone, str(channel.reps), onset]


def symmetry_text(metrics: ExerciseMetrics) -> str | None:
    """ "Left 12 % stronger", "Even", "—" (both sides, not measured), None (one side only)."""
    value = metrics.symmetry
    if value is None:
        sides = {c.side for c in metrics.channels}
        return NONE_TEXT if {"left", "right"} <= sides else None
    return symmetry_words(value)


class FinishView(QWidget):
    """Summary of a session; pain after, effort and notes; Save; Done returns to the library."""

    done = Signal()
    saved = Signal(int)  # the session's id in the history (storage.history)

    def __init__(self, parent: QWidget | None = None, *, store_path: Path | None = None) -> None:
        super().__init__(parent)
        self.summary: SessionSummary | None = None
        self.saved_id: int | None = None  # the shown session's id once it is in the history
        self._store_path = store_path  # the history database (None: the user's own)
        self.exercise_frames: list[ExerciseResults] = []  # the biofeedback, one per exercise
        self._dirty = False
        self._scale = 0.0
        self.setObjectName("finishView")
        self.setAccessibleName(self.tr("Session summary"))
        self._build()

    # --- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(24, 16, 24, 16)
        root.setSpacing(12)

        self.title_label = QLabel(self)
        set_role(self.title_label, "title")
        self.title_label.setWordWrap(True)
        self.subtitle_label = QLabel(self)
        self.subtitle_label.setWordWrap(True)
        root.addWidget(self.title_label)
        root.addWidget(self.subtitle_label)

        columns = QHBoxLayout()
        columns.setSpacing(16)
        self._columns = columns

        # What was done and skipped.
        steps_card = QFrame(self)
        set_role(steps_card, "card")
        steps = QVBoxLayout(steps_card)
        steps.setContentsMargins(16, 12, 16, 12)
        self.done_heading = QLabel(steps_card)
        set_role(self.done_heading, "heading")
        self.done_list = self._list(steps_card, self.tr("Steps done"))
        self.skipped_heading = QLabel(steps_card)
        set_role(self.skipped_heading, "heading")
        self.skipped_list = self._list(steps_card, self.tr("Steps skipped"))
        steps.addWidget(self.done_heading)
        steps.addWidget(self.done_list, 3)
        steps.addWidget(self.skipped_heading)
        steps.addWidget(self.skipped_list, 2)
        steps_card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # Below the steps, after a session with a sensor: the biofeedback results.
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(12)
        left.addWidget(steps_card, 1)
        left.addWidget(self._build_biofeedback(), 3)
        columns.addLayout(left, 2)

        # How it felt.
        feel_card = QFrame(self)
        set_role(feel_card, "card")
        feel = QVBoxLayout(feel_card)
        feel.setContentsMargins(16, 12, 16, 12)
        feel.setSpacing(8)
        self.pain_before_label = QLabel(feel_card)
        self.pain_before_label.setWordWrap(True)
        feel.addWidget(self.pain_before_label)

        self.pain_after_label = QLabel(self.tr("Pain now (0–10)"), feel_card)
        set_role(self.pain_after_label, "heading")
        self.pain_after = PainScale(feel_card)
        self.pain_after.setAccessibleName(self.tr("Pain now, 0 to 10"))
        self.pain_after_label.setBuddy(self.pain_after)
        pain_hint = QLabel(self.tr("0 = no pain, 10 = worst pain imaginable"), feel_card)
        set_role(pain_hint, "caption")
        feel.addWidget(self.pain_after_label)
        feel.addWidget(self.pain_after)
        feel.addWidget(pain_hint)
        # Pain that rose by 2 or more points in this session: calm advice to stop for today.
        self.pain_advice = PainAdvice(feel_card)
        feel.addWidget(self.pain_advice)

        self.rpe_label = QLabel(self.tr("Effort (0–10)"), feel_card)
        set_role(self.rpe_label, "heading")
        self.rpe = PainScale(feel_card)
        self.rpe.setAccessibleName(self.tr("Effort, 0 to 10"))
        for n, button in enumerate(self.rpe.buttons):
            button.setAccessibleName(self.tr("Effort {n} out of 10").format(n=n))
        self.rpe_label.setBuddy(self.rpe)
        rpe_hint = QLabel(self.tr("0 = rest, 5 = hard, 10 = the hardest you could do"), feel_card)
        set_role(rpe_hint, "caption")
        feel.addWidget(self.rpe_label)
        feel.addWidget(self.rpe)
        feel.addWidget(rpe_hint)

        self.notes_label = QLabel(self.tr("Notes"), feel_card)
        set_role(self.notes_label, "heading")
        self.notes = QPlainTextEdit(feel_card)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setPlaceholderText(
            self.tr("Anything to remember: what felt easy or hard, where you felt it…")
        )
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(60)
        self.notes_label.setBuddy(self.notes)
        feel.addWidget(self.notes_label)
        feel.addWidget(self.notes, 1)
        feel_card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # The 0-10 rows never wrap: keep room for all eleven buttons.
        scale_width = self.pain_after.sizeHint().width()
        feel_card.setMinimumWidth(scale_width + 2 * 16 + 8)
        columns.addWidget(feel_card, 3)
        root.addLayout(columns, 1)

        # Saving and leaving.
        bottom = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Save status"))
        self.save_button = QPushButton(self.tr("Save"), self)
        set_role(self.save_button, "primary")
        self.save_button.setAccessibleName(self.tr("Save this session"))
        self.save_button.setToolTip(self.tr("Keep this summary on this computer"))
        self.save_button.setMinimumHeight(64)
        self.save_button.setMinimumWidth(140)
        self.save_button.clicked.connect(self.save)
        self.done_button = QPushButton(self.tr("Done"), self)
        self.done_button.setAccessibleName(self.tr("Done, back to the routines"))
        self.done_button.setMinimumHeight(64)
        self.done_button.setMinimumWidth(120)
        self.done_button.clicked.connect(self.finish)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.recording_label, 2)
        bottom.addWidget(self.recording_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.done_button)
        root.addLayout(bottom)

        # Asked when leaving without saving.
        self.leave_bar = QFrame(self)
        set_role(self.leave_bar, "card")
        leave = QHBoxLayout(self.leave_bar)
        self.leave_label = QLabel(self.tr("This session is not saved yet."), self.leave_bar)
        self.leave_label.setWordWrap(True)
        self.save_and_leave_button = QPushButton(self.tr("Save and finish"), self.leave_bar)
        self.save_and_leave_button.clicked.connect(self._save_and_leave)
        self.leave_button = QPushButton(self.tr("Finish without saving"), self.leave_bar)
        self.leave_button.clicked.connect(self._leave)
        for button in (self.save_and_leave_button, self.leave_button):
            button.setMinimumHeight(48)
        leave.addWidget(self.leave_label, 1)
        leave.addWidget(self.save_and_leave_button)
        leave.addWidget(self.leave_button)
        self.leave_bar.hide()
        root.addWidget(self.leave_bar)

        self.pain_after.value_changed.connect(self._changed)
        self.rpe.value_changed.connect(self._changed)
        self.notes.textChanged.connect(self._changed)

    def _build_biofeedback(self) -> QFrame:
        self.bio_card = QFrame(self)
        self.bio_card.setObjectName("biofeedback")
        set_role(self.bio_card, "card")
        self.bio_card.setAccessibleName(self.tr("Biofeedback"))
        self.bio_card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        card = QVBoxLayout(self.bio_card)
        card.setContentsMargins(16, 12, 16, 12)
        card.setSpacing(6)
        heading_row = QHBoxLayout()
        self.bio_heading = QLabel(self.tr("Biofeedback"), self.bio_card)
        set_role(self.bio_heading, "heading")
        self.sensor_label = QLabel(self.bio_card)
        set_role(self.sensor_label, "caption")
        self.sensor_label.setWordWrap(True)
        self.sensor_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        heading_row.addWidget(self.bio_heading)
        heading_row.addWidget(self.sensor_label, 1)
        card.addLayout(heading_row)

        # The exercises, scrolling when there are more than fit.
        self.bio_scroll = QScrollArea(self.bio_card)
        self.bio_scroll.setObjectName("bioScroll")
        self.bio_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.bio_scroll.setWidgetResizable(True)
        self.bio_scroll.setAccessibleName(self.tr("Biofeedback per exercise"))
        self.bio_body = QWidget()
        self.bio_body.setObjectName("bioBody")
        self.bio_rows = QVBoxLayout(self.bio_body)
        self.bio_rows.setContentsMargins(0, 0, 4, 0)
        self.bio_rows.setSpacing(10)
        self.bio_scroll.setWidget(self.bio_body)
        card.addWidget(self.bio_scroll, 1)

        # The recording: its name and a way to its folder, in the bottom row (see _build).
        self.recording_label = QLabel(self)
        set_role(self.recording_label, "caption")
        self.recording_label.setWordWrap(True)
        self.recording_label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.recording_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.recording_button = QPushButton(self.tr("Open recording folder"), self)
        self.recording_button.setAccessibleName(self.tr("Open the folder of the recording"))
        self.recording_button.setMinimumHeight(48)
        self.recording_button.clicked.connect(self.open_recording_folder)
        self.recording_label.hide()
        self.recording_button.hide()
        self.bio_card.hide()
        return self.bio_card

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_scale()

    def _apply_scale(self) -> None:
        """Text grows with big windows (up to 1.5x at 1920x1080), like the player's."""
        factor = min(max(min(self.height() / 720, self.width() / 1280), 1.0), 1.5)
        factor = round(factor * 10) / 10
        if factor == self._scale:
            return
        self._scale = factor
        base = QApplication.font().pointSizeF()
        base = base if base > 0 else 13.0

        def pt(times: float) -> str:
            return f"{base * times * factor:.1f}pt"

        self.setStyleSheet(
            f"#finishView QLabel, #finishView QListWidget, #finishView QPlainTextEdit,"
            f" #finishView QPushButton {{ font-size: {pt(1.0)}; }}"
            f"#finishView QListWidget {{ font-size: {pt(1.15)}; }}"
            f'#finishView QLabel[role="title"] {{ font-size: {pt(1.9)}; }}'
            f'#finishView QLabel[role="heading"] {{ font-size: {pt(1.35)}; }}'
            f'#finishView QPushButton[role="primary"] {{ font-size: {pt(1.3)}; }}'
            f'#finishView QLabel[role="exercise"] {{ font-size: {pt(1.15)}; font-weight: 700; }}'
            "#bioScroll, #bioScroll > QWidget, #bioBody { background: transparent; }"
        )

    def _list(self, parent: QWidget, name: str) -> QListWidget:
        widget = QListWidget(parent)
        widget.setAccessibleName(name)
        widget.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        widget.setWordWrap(True)
        widget.setMinimumHeight(48)
        return widget

    # --- showing ---------------------------------------------------------------------------

    def show_summary(self, summary: SessionSummary) -> None:
        """Show a finished (or stopped) session and clear the answers of the last one."""
        self.summary = summary
        self.saved_id = None
        self.leave_bar.hide()
        self.pain_advice.show_for(summary.pain_before, summary.pain_after)
        if summary.completed:
            self.title_label.setText(self.tr("Well done — routine complete"))
        else:
            self.title_label.setText(self.tr("Session stopped"))
        parts = [summary.title]
        duration = summary.duration_s
        if duration is not None:
            parts.append(self.tr("time {time}").format(time=clock_text(duration)))
        total = len(summary.steps_done) + len(summary.steps_skipped)
        parts.append(
            self.tr("{done} of {total} steps done").format(
                done=len(summary.steps_done), total=total
            )
        )
        self.subtitle_label.setText("  ·  ".join(parts))
        self._fill(self.done_list, summary.steps_done, "✓")
        self._fill(self.skipped_list, summary.steps_skipped, "–")
        self.done_heading.setText(self.tr("Done ({n})").format(n=len(summary.steps_done)))
        self.skipped_heading.setText(self.tr("Skipped ({n})").format(n=len(summary.steps_skipped)))
        self.skipped_heading.setVisible(bool(summary.steps_skipped))
        self.skipped_list.setVisible(bool(summary.steps_skipped))
        if summary.pain_before is None:
            self.pain_before_label.setText(self.tr("Pain before: not recorded"))
        else:
            self.pain_before_label.setText(
                self.tr("Pain before: {n} out of 10").format(n=summary.pain_before)
            )
        for widget, value in ((self.pain_after, summary.pain_after), (self.rpe, summary.rpe)):
            widget.blockSignals(True)
            widget.set_value(value)
            widget.blockSignals(False)
        self.notes.blockSignals(True)
        self.notes.setPlainText(summary.notes)
        self.notes.blockSignals(False)
        self._show_biofeedback(summary)
        self._dirty = True
        self.save_button.setEnabled(True)
        self.status_label.setText(self.tr("Not saved yet."))
        self.save_button.setFocus()

    def _fill(self, widget: QListWidget, names: list[str], mark: str) -> None:
        widget.clear()
        for name, count in grouped_names(names):
            text = f"{mark}  {name}" if count == 1 else f"{mark}  {name}  ×{count}"
            item = QListWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            widget.addItem(item)

    # --- biofeedback -----------------------------------------------------------------------

    def _show_biofeedback(self, summary: SessionSummary) -> None:
        while self.bio_rows.count():
            item = self.bio_rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.exercise_frames = []
        shown = bool(summary.metrics) or summary.recording is not None
        self.bio_card.setVisible(shown)
        self.recording_label.setVisible(summary.recording is not None)
        self.recording_button.setVisible(summary.recording is not None)
        # The numbers need room: the left column gets as wide as the right while they show.
        self._columns.setStretch(0, 1 if shown else 2)
        self._columns.setStretch(1, 1 if shown else 3)
        if not shown:
            return
        self.sensor_label.setText(
            self.tr("Sensor: {name}").format(name=summary.sensor) if summary.sensor else ""
        )
        for metrics in summary.metrics:
            results = exercise_results(metrics, self.bio_body)
            self.exercise_frames.append(results)
            self.bio_rows.addWidget(results)
        if not summary.metrics:
            empty = QLabel(self.tr("No exercise was measured this time."), self.bio_body)
            empty.setWordWrap(True)
            set_role(empty, "caption")
            self.bio_rows.addWidget(empty)
        self.bio_rows.addStretch(1)
        self._show_recording(summary.recording)

    def _show_recording(self, recording: str | None) -> None:
        if recording is None:
            return
        path = Path(recording)
        self.recording_label.setToolTip(str(path))
        if path.is_file():
            self.recording_label.setText(self.tr("Recording: {name}").format(name=path.name))
        else:
            self.recording_label.setText(
                self.tr("The recording {name} is no longer in its folder.").format(name=path.name)
            )
        self.recording_button.setEnabled(path.parent.is_dir())

    def open_recording_folder(self) -> bool:
        """Show the recording's folder in the file manager; False (and say so) when it is gone."""
        if self.summary is None or self.summary.recording is None:
            return False
        folder = Path(self.summary.recording).parent
        if not folder.is_dir():
            self.recording_label.setText(self.tr("The recording folder is no longer there."))
            self.recording_button.setEnabled(False)
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.recording_label.setText(
                self.tr("The folder could not be opened; the recording is in {folder}").format(
                    folder=folder
                )
            )
            return False
        return True

    # --- answers and saving ----------------------------------------------------------------

    def current_summary(self) -> SessionSummary | None:
        """The shown summary with the answers given on this screen."""
        if self.summary is None:
            return None
        return with_feedback(
            self.summary,
            pain_after=self.pain_after.value(),
            rpe=self.rpe.value(),
            notes=self.notes.toPlainText()[:MAX_NOTES],
        )

    def _changed(self, *_args: object) -> None:
        if self.summary is None:
            return
        self.pain_advice.show_for(self.summary.pain_before, self.pain_after.value())
        self._dirty = True
        self.save_button.setEnabled(True)
        if self.saved_id is not None:
            self.status_label.setText(self.tr("Changed since saving: press Save again."))

    def save(self) -> bool:
        """Keep the session in the history (or, after a change, update its answers there).

        True when it was written. The history is opened for each save, so nothing stays open
        while the app runs; a damaged history is moved aside then, and the status says so.
        """
        summary = self.current_summary()
        if summary is None:
            return False
        try:
            with HistoryStore.open(self._store_path) as store:
                if self.saved_id is None or store.get(self.saved_id) is None:
                    self.saved_id = store.add(summary)
                else:
                    store.update_feedback(
                        self.saved_id,
                        pain_after=summary.pain_after,
                        rpe=summary.rpe,
                        notes=summary.notes,
                    )
                notice, where = history_notice(store), store.path
        except (OSError, ValueError) as exc:  # HistoryError is a ValueError
            reason = getattr(exc, "strerror", None) or str(exc)
            self.status_label.setText(self.tr("Could not save: {reason}").format(reason=reason))
            return False
        self.summary = summary
        self._dirty = False
        self.save_button.setEnabled(False)
        status = self.tr("Saved on this computer.")
        self.status_label.setText(f"{status} {notice}" if notice else status)
        self.status_label.setToolTip(str(where))
        self.saved.emit(self.saved_id)
        return True

    @property
    def is_saved(self) -> bool:
        return self.saved_id is not None and not self._dirty

    def finish(self) -> None:
        """Done: back to the library, asking first if there is something unsaved."""
        if self.summary is not None and not self.is_saved:
            self.leave_bar.show()
            self.save_and_leave_button.setFocus()
            return
        self._leave()

    def _save_and_leave(self) -> None:
        if self.save():
            self._leave()

    def _leave(self) -> None:
        self.leave_bar.hide()
        self.done.emit()
