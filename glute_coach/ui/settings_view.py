"""The settings page: edits every field of ``Settings`` and emits a new ``Settings`` on each change.

Defaults come from ``Settings()`` — this view never repeats a default value. Each control has
an accessible name, a label that is its buddy (Alt+underlined letter moves focus to it), and is
operable by keyboard; Esc or the Back button asks to leave. The sensor itself is chosen in the
sensor setup dialog: this page only asks for it (``sensor_requested``) and can clear it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPaintEvent, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from glute_coach.storage.library import scan_library
from glute_coach.storage.settings import FeedbackSound, Settings, Theme
from glute_coach.ui.widgets import MIN_TOUCH_PX

log = logging.getLogger(__name__)

VOLUME_FIELDS = ("voice_volume", "beep_volume", "feedback_volume", "music_volume")
FONT_SCALE_MIN = 75
FONT_SCALE_MAX = 200
FONT_SCALE_STEP = 5
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch"}  # each language in its own words
SENSOR_NAME_CHARS = 28  # the sensor name asks for this much room; longer names are elided


def list_output_devices() -> list[str]:
    """Names of the output devices PortAudio sees, without duplicates; [] when none or no audio."""
    try:
        from glute_coach.audio.device import load_sounddevice

        sd = load_sounddevice()
        devices: Any = sd.query_devices()
        names: list[str] = []
        for info in devices:
            name = str(info["name"])
            if int(info["max_output_channels"]) > 0 and name not in names:
                names.append(name)
        return names
    except Exception as exc:  # PortAudio missing, no server, driver errors: no list, not a crash
        log.debug("cannot list audio output devices: %s", exc)
        return []


class ElidedLabel(QLabel):
    """One line of text cut short with "…" rather than widening the page.

    A sensor can be a long spec string (a file path, a device address); ``text()`` keeps all of it.
    """

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        cap = self.fontMetrics().averageCharWidth() * SENSOR_NAME_CHARS
        return QSize(min(hint.width(), cap), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("…") * 4, hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, rect.width()
        )
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            text,
            self.foregroundRole(),
        )


class SettingsView(QWidget):
    """Edits a ``Settings``; ``settings_changed`` carries the new one after every change."""

    settings_changed = Signal(object)
    back_requested = Signal()
    sensor_requested = Signal()  # open the sensor setup dialog

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        list_devices: Callable[[], list[str]] = list_output_devices,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsView")
        self._settings = settings
        self._updating = False
        self._sensor: str | None = settings.sensor
        self._device_names = list_devices()
        self._volume_sliders: dict[str, QSlider] = {}
        self._volume_labels: dict[str, QLabel] = {}
        self._build()
        self._load(settings)

    # --- public ----------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings

    def set_settings(self, settings: Settings) -> None:
        """Show ``settings`` without emitting ``settings_changed``.

        Call it whenever settings change elsewhere (the sensor setup dialog, the biofeedback
        panel), or the page's next change would send back the old values.
        """
        self._settings = settings
        self._load(settings)

    def restore_defaults(self) -> None:
        self._settings = Settings()
        self._load(self._settings)
        self.settings_changed.emit(self._settings)

    # --- building --------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 20, 32, 20)
        outer.setSpacing(12)

        header = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.back_button.setAccessibleDescription(self.tr("Return to the previous page"))
        self.back_button.clicked.connect(self.back_requested)
        title = QLabel(self.tr("Settings"))
        title.setProperty("role", "title")
        title.setAccessibleName(self.tr("Settings"))
        self.defaults_button = QPushButton(self.tr("Restore &defaults"))
        self.defaults_button.setAccessibleName(self.tr("Restore defaults"))
        self.defaults_button.setAccessibleDescription(
            self.tr("Set every option back to how Glute Coach first started")
        )
        self.defaults_button.clicked.connect(self.restore_defaults)
        header.addWidget(self.back_button)
        header.addSpacing(16)
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.defaults_button)
        outer.addLayout(header)

        self._cards = (
            self._sound_card(),
            self._voice_card(),
            self._display_card(),
            self._biofeedback_card(),
            self._reminders_card(),
        )
        # Two column layouts side by side, or (large text) stacked: left column above right.
        self._body_box = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body_box.setSpacing(24)
        self._body_box.setContentsMargins(0, 0, 0, 0)
        self._column_boxes = (QVBoxLayout(), QVBoxLayout())
        for column, cards in zip(self._column_boxes, self._columns(), strict=True):
            column.setSpacing(24)
            column.setAlignment(Qt.AlignmentFlag.AlignTop)  # a short column does not stretch
            for card in cards:
                column.addWidget(card)
            self._body_box.addLayout(column)
        self._body_box.addStretch(0)
        self._two_columns: bool | None = None
        body = QWidget()
        body.setLayout(self._body_box)
        self._arrange(two_columns=True)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self._scroll = scroll
        outer.addWidget(scroll, 1)

        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back_requested)

    def _columns(self) -> tuple[tuple[QFrame, ...], tuple[QFrame, ...]]:
        """Sound and voice on the left, display and biofeedback on the right."""
        sound, voice, display, biofeedback, reminders = self._cards
        return (sound, voice, reminders), (display, biofeedback)

    def _arrange(self, *, two_columns: bool) -> None:
        """Two columns of cards, top-aligned; one column, in reading order, when text is large."""
        if two_columns == self._two_columns:
            return
        self._two_columns = two_columns
        box = self._body_box
        if two_columns:
            box.setDirection(QBoxLayout.Direction.LeftToRight)
            box.setStretch(0, 1)
            box.setStretch(1, 1)
            box.setStretch(2, 0)
        else:
            box.setDirection(QBoxLayout.Direction.TopToBottom)
            box.setStretch(0, 0)
            box.setStretch(1, 0)
            box.setStretch(2, 1)  # spare height goes below the last card, not between cards

    def _fits_two_columns(self) -> bool:
        left, right = (max(c.sizeHint().width() for c in cards) for cards in self._columns())
        needed = left + self._body_box.spacing() + right
        return needed <= self._scroll.viewport().width()

    def _reflow(self) -> None:
        self._arrange(two_columns=self._fits_two_columns())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._reflow()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if hasattr(self, "_scroll") and event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._reflow()

    def _card(self, heading: str) -> tuple[QFrame, QFormLayout]:
        card = QFrame()
        card.setProperty("role", "card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(20, 16, 20, 16)
        label = QLabel(heading)
        label.setProperty("role", "heading")
        label.setAccessibleName(heading)
        layout.addWidget(label)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        layout.addLayout(form)
        return card, form

    def _row(self, form: QFormLayout, text: str, name: str, field: QWidget) -> QLabel:
        label = self._label(text, field)
        field.setAccessibleName(name)
        form.addRow(label, field)
        return label

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        """A form label, its buddy's height so the two line up, and Alt+letter focuses it."""
        label = QLabel(text)
        label.setBuddy(buddy)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        label.setMinimumHeight(buddy.sizeHint().height())
        return label

    def _check(self, form: QFormLayout, text: str, name: str, description: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setAccessibleName(name)
        box.setAccessibleDescription(description)
        form.addRow(box)
        return box

    def _sound_card(self) -> QFrame:
        card, form = self._card(self.tr("Sound"))

        self.device_combo = QComboBox()
        self.device_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.device_combo.setMinimumContentsLength(16)
        self.device_combo.setAccessibleDescription(
            self.tr("Where sound plays. System default follows your computer's setting.")
        )
        self._row(form, self.tr("&Output device"), self.tr("Output device"), self.device_combo)
        self.device_combo.currentIndexChanged.connect(self._changed)

        titles = {
            "voice_volume": (self.tr("&Voice volume"), self.tr("Voice volume")),
            "beep_volume": (self.tr("&Beep volume"), self.tr("Beep volume")),
            "feedback_volume": (self.tr("&Feedback volume"), self.tr("Feedback volume")),
            "music_volume": (self.tr("M&usic volume"), self.tr("Music volume")),
        }
        for field, (text, name) in titles.items():
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, 100)
            slider.setSingleStep(5)
            slider.setPageStep(10)
            slider.setTracking(False)  # dragging updates the label; the setting changes on release
            value = QLabel()
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance("100 %") + 8)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row = QHBoxLayout()
            row.addWidget(slider, 1)
            row.addWidget(value)
            label = self._label(text, slider)
            slider.setAccessibleName(name)
            slider.setAccessibleDescription(self.tr("0 to 100 percent"))
            form.addRow(label, row)
            slider.sliderMoved.connect(lambda v, lbl=value: lbl.setText(self._percent(v)))
            slider.valueChanged.connect(lambda v, lbl=value: lbl.setText(self._percent(v)))
            slider.valueChanged.connect(self._changed)
            self._volume_sliders[field] = slider
            self._volume_labels[field] = value

        self.mute_check = self._check(
            form,
            self.tr("&Mute all sound"),
            self.tr("Mute all sound"),
            self.tr("Silence voice, beeps, feedback and music"),
        )
        self.mute_check.toggled.connect(self._changed)

        self.beeps_spin = QSpinBox()
        self.beeps_spin.setRange(0, 10)
        # Stylesheet padding does not reach a spin box's inner editor; give its text room.
        self.beeps_spin.lineEdit().setTextMargins(8, 0, 0, 0)
        self.beeps_spin.setSpecialValueText(self.tr("Off"))
        self.beeps_spin.setSuffix(self.tr(" beeps"))
        self.beeps_spin.setAccessibleDescription(
            self.tr("How many beeps count down the last seconds of a phase, 0 to 10")
        )
        self._row(form, self.tr("&Countdown beeps"), self.tr("Countdown beeps"), self.beeps_spin)
        self.beeps_spin.valueChanged.connect(self._changed)

        self.single_beep_check = self._check(
            form,
            self.tr("Use one beep &sound for every phase"),
            self.tr("Use one beep sound for every phase"),
            self.tr("When off, each phase has its own beep"),
        )
        self.single_beep_check.toggled.connect(self._changed)
        return card

    def _voice_card(self) -> QFrame:
        card, form = self._card(self.tr("Voice"))
        self.voice_check = self._check(
            form,
            self.tr("S&peak cues"),
            self.tr("Speak cues"),
            self.tr("When off, beeps stand in for spoken prompts"),
        )
        self.voice_check.toggled.connect(self._changed)

        self.voice_language_combo = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.voice_language_combo.addItem(name, code)
        self._row(
            form,
            self.tr("Voice &language"),
            self.tr("Voice language"),
            self.voice_language_combo,
        )
        self.voice_language_combo.currentIndexChanged.connect(self._changed)
        return card

    def _display_card(self) -> QFrame:
        card, form = self._card(self.tr("Display"))

        self.theme_combo = QComboBox()
        theme_names = {
            Theme.LIGHT: self.tr("Light"),
            Theme.DARK: self.tr("Dark"),
            Theme.HIGH_CONTRAST: self.tr("High contrast"),
        }
        for theme in Theme:
            self.theme_combo.addItem(theme_names[theme], theme.value)
        self._row(form, self.tr("&Theme"), self.tr("Theme"), self.theme_combo)
        self.theme_combo.currentIndexChanged.connect(self._changed)

        self.font_slider = QSlider(Qt.Orientation.Horizontal)
        self.font_slider.setRange(FONT_SCALE_MIN, FONT_SCALE_MAX)
        self.font_slider.setSingleStep(FONT_SCALE_STEP)
        self.font_slider.setPageStep(25)
        self.font_slider.setTracking(False)  # re-laying out the app on every pixel is jarring
        self.font_value = QLabel()
        self.font_value.setMinimumWidth(
            self.font_value.fontMetrics().horizontalAdvance("200 %") + 8
        )
        self.font_value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout()
        row.addWidget(self.font_slider, 1)
        row.addWidget(self.font_value)
        label = self._label(self.tr("Te&xt size"), self.font_slider)
        self.font_slider.setAccessibleName(self.tr("Text size"))
        self.font_slider.setAccessibleDescription(self.tr("75 to 200 percent"))
        form.addRow(label, row)
        self.font_slider.sliderMoved.connect(lambda v: self.font_value.setText(self._percent(v)))
        self.font_slider.valueChanged.connect(lambda v: self.font_value.setText(self._percent(v)))
        self.font_slider.valueChanged.connect(self._changed)

        self.flash_check = self._check(
            form,
            self.tr("Flas&h the screen on each cue"),
            self.tr("Flash the screen on each cue"),
            self.tr("A brief flash helps when you cannot hear the cues"),
        )
        self.flash_check.toggled.connect(self._changed)

        self.interface_language_combo = QComboBox()
        self.interface_language_combo.addItem(self.tr("System language"), "system")
        for code, name in LANGUAGE_NAMES.items():
            self.interface_language_combo.addItem(name, code)
        self.interface_language_combo.setAccessibleDescription(
            self.tr("Takes effect the next time Glute Coach starts")
        )
        self._row(
            form,
            self.tr("&Interface language"),
            self.tr("Interface language"),
            self.interface_language_combo,
        )
        self.interface_language_combo.currentIndexChanged.connect(self._changed)
        note = QLabel(self.tr("A new interface language takes effect when Glute Coach restarts."))
        note.setProperty("role", "caption")
        note.setWordWrap(True)
        form.addRow(note)
        return card

    def _biofeedback_card(self) -> QFrame:
        card, form = self._card(self.tr("Biofeedback"))

        self.sensor_label = ElidedLabel()
        self.sensor_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        caption = QLabel(self.tr("Sensor"))
        caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        row_height = self.device_combo.sizeHint().height()  # as tall as the rows of other cards
        caption.setMinimumHeight(row_height)
        self.sensor_label.setMinimumHeight(row_height)
        form.addRow(caption, self.sensor_label)

        self.sensor_button = QPushButton(self.tr("Set up se&nsor…"))
        self.sensor_button.setAccessibleName(self.tr("Set up sensor"))
        self.sensor_button.setAccessibleDescription(
            self.tr("Choose, connect and test the sensor used in your sessions")
        )
        self.sensor_button.clicked.connect(self.sensor_requested)
        self.no_sensor_button = QPushButton(self.tr("No s&ensor"))
        self.no_sensor_button.setAccessibleName(self.tr("No sensor"))
        self.no_sensor_button.setAccessibleDescription(
            self.tr("Run your sessions without a sensor")
        )
        self.no_sensor_button.clicked.connect(self._clear_sensor)
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        buttons.addWidget(self.sensor_button)
        buttons.addWidget(self.no_sensor_button)
        buttons.addStretch(1)
        form.addRow(buttons)

        # Short names in the box (as on the player's biofeedback panel); what each one sounds
        # like is spelled out underneath, where it can wrap instead of being cut off.
        self.feedback_sound_combo = QComboBox()
        self._sound_help = {
            FeedbackSound.TONE: self.tr("A note that rises with your squeeze"),
            FeedbackSound.CHIME: self.tr("A chime when you enter and leave the target band"),
            FeedbackSound.OFF: self.tr("Silent; the gauges still show your level"),
        }
        sound_names = {
            FeedbackSound.TONE: self.tr("Tone"),
            FeedbackSound.CHIME: self.tr("Chime"),
            FeedbackSound.OFF: self.tr("No sound"),
        }
        for sound, name in sound_names.items():
            self.feedback_sound_combo.addItem(name, sound.value)
            self.feedback_sound_combo.setItemData(
                self.feedback_sound_combo.count() - 1,
                self._sound_help[sound],
                Qt.ItemDataRole.ToolTipRole,
            )
        self._row(
            form,
            self.tr("Feedb&ack sound"),
            self.tr("Feedback sound"),
            self.feedback_sound_combo,
        )
        self.feedback_sound_help = QLabel()
        self.feedback_sound_help.setProperty("role", "caption")
        self.feedback_sound_help.setWordWrap(True)
        form.addRow(self.feedback_sound_help)
        self.feedback_sound_combo.currentIndexChanged.connect(self._show_sound_help)
        self.feedback_sound_combo.currentIndexChanged.connect(self._changed)

        self.colors_check = self._check(
            form,
            self.tr("Colour the &gauges by zone"),
            self.tr("Colour the gauges by zone"),
            self.tr(
                "Below, in and above the target band each get their own colour;"
                " the zone is always named in words too"
            ),
        )
        self.colors_check.toggled.connect(self._changed)
        self.traces_check = self._check(
            form,
            self.tr("Show the live signal t&races"),
            self.tr("Show the live signal traces"),
            self.tr("A scrolling plot of the last few seconds of the signal beside the gauges"),
        )
        self.traces_check.toggled.connect(self._changed)
        self.record_check = self._check(
            form,
            self.tr("Save sensor data &with each session (on this computer)"),
            self.tr("Save sensor data with each session (on this computer)"),
            self.tr("Each session's raw sensor signal is kept in a file on this computer"),
        )
        self.record_check.toggled.connect(self._changed)
        return card

    def _reminders_card(self) -> QFrame:
        card, form = self._card(self.tr("Reminders"))
        self.reminders_check = self._check(
            form,
            self.tr("Remind me to exercise"),
            self.tr("Remind me to exercise"),
            self.tr(
                "A message from the system tray at the chosen days and time while the app runs"
            ),
        )
        self.reminders_check.toggled.connect(self._changed)
        days = QGridLayout()  # two rows, so the card fits a column beside the others
        days.setHorizontalSpacing(8)
        days.setVerticalSpacing(0)
        self.reminder_day_checks: list[QCheckBox] = []
        names = (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )
        for day, name in enumerate(names):
            check = QCheckBox(name)
            check.setMinimumHeight(MIN_TOUCH_PX)
            check.setAccessibleName(name)
            check.toggled.connect(self._changed)
            days.addWidget(check, day // 4, day % 4)
            self.reminder_day_checks.append(check)
        form.addRow(self.tr("Days"), days)
        self.reminder_time_edit = QTimeEdit()
        self.reminder_time_edit.setDisplayFormat("HH:mm")
        self.reminder_time_edit.setMinimumHeight(MIN_TOUCH_PX)
        self.reminder_time_edit.timeChanged.connect(self._changed)
        self._row(form, self.tr("Time of da&y"), self.tr("Reminder time"), self.reminder_time_edit)
        self.reminder_routine_combo = QComboBox()
        self.reminder_routine_combo.addItem(self.tr("Any routine"), None)
        for entry in scan_library():
            if entry.loaded is not None:
                routine = entry.loaded.routine
                if self.reminder_routine_combo.findData(routine.id) < 0:
                    self.reminder_routine_combo.addItem(routine.title, routine.id)
        self.reminder_routine_combo.currentIndexChanged.connect(self._changed)
        self.reminder_routine_combo.setAccessibleName(self.tr("Routine to remind of"))
        routine_row = QHBoxLayout()  # no Alt+letter: every free letter is taken on this page
        routine_row.addWidget(self.reminder_routine_combo, 1)
        form.addRow(self.tr("Routine"), routine_row)
        self.ics_button = QPushButton(self.tr("Add to my calendar (.ics)…"))
        self.ics_button.setMinimumHeight(MIN_TOUCH_PX)
        self.ics_button.setAccessibleName(self.tr("Add to my calendar"))
        self.ics_button.setAccessibleDescription(
            self.tr("Save the reminder days and time as a file any calendar app can import")
        )
        self.ics_button.clicked.connect(self.export_ics)
        form.addRow(self.ics_button)

        # All of the user's data in one file (history, settings, routines, recordings).
        data_caption = QLabel(self.tr("Your data"))
        data_caption.setProperty("role", "heading")
        form.addRow(data_caption)
        self.backup_button = QPushButton(self.tr("Back up…"))
        self.backup_button.setAccessibleName(self.tr("Back up all your data to one file"))
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setAccessibleName(self.tr("Restore your data from a backup file"))
        self.restore_button.clicked.connect(self.restore_backup)
        data_row = QHBoxLayout()
        data_row.setSpacing(12)
        for button in (self.backup_button, self.restore_button):
            button.setMinimumHeight(MIN_TOUCH_PX)
            data_row.addWidget(button)
        data_row.addStretch(1)
        form.addRow(data_row)
        return card

    def back_up(self) -> Path | None:
        from datetime import date

        from glute_coach.storage.backup import BackupError, backup

        title = self.tr("Back up your data")
        path, _ = QFileDialog.getSaveFileName(
            self,
            title,
            str(Path.home() / f"glute-coach-backup-{date.today().isoformat()}.zip"),
            self.tr("Backups (*.zip)"),
        )
        if not path:
            return None
        out = Path(path) if path.lower().endswith(".zip") else Path(path + ".zip")
        try:
            written = backup(out)
        except (OSError, BackupError) as exc:
            QMessageBox.warning(self, title, self.tr("The backup failed: {0}").format(exc))
            return None
        QMessageBox.information(self, title, self.tr("Your data is saved in {0}").format(written))
        return written

    def restore_backup(self) -> bool:
        from glute_coach.storage.backup import BackupError, restore

        title = self.tr("Restore your data")
        path, _ = QFileDialog.getOpenFileName(
            self, title, str(Path.home()), self.tr("Backups (*.zip)")
        )
        if not path:
            return False
        answer = QMessageBox.question(
            self,
            title,
            self.tr(
                "Replace your sessions, settings, routines and recordings with this backup? "
                "What is here now is kept in a folder beside them."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            result = restore(Path(path))
        except (OSError, BackupError) as exc:
            QMessageBox.warning(self, title, self.tr("Nothing was changed: {0}").format(exc))
            return False
        QMessageBox.information(
            self,
            title,
            self.tr("{n} files restored. Please restart Glute Coach to use them.").format(
                n=result.files
            ),
        )
        return True

    def export_ics(self) -> Path | None:
        """Save the reminder schedule as an .ics file (asks where)."""
        from datetime import date

        from glute_coach.storage.ics import write_ics

        settings = self._settings
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Add to my calendar"),
            str(Path.home() / "glute-coach-reminders.ics"),
            self.tr("Calendar files (*.ics)"),
        )
        if not path:
            return None
        out = Path(path) if path.lower().endswith(".ics") else Path(path + ".ics")
        try:
            write_ics(
                out,
                settings.reminder_days,
                settings.reminder_time,
                summary=self.tr("Glute Coach: time for your glute routine"),
                start=date.today(),
            )
        except (OSError, ValueError) as exc:
            QMessageBox.warning(
                self,
                self.tr("Add to my calendar"),
                self.tr("The calendar file could not be saved: {0}").format(exc),
            )
            return None
        return out

    def _show_sound_help(self, *_args: object) -> None:
        sound = FeedbackSound(self.feedback_sound_combo.currentData())
        help_text = self._sound_help[sound]
        self.feedback_sound_help.setText(help_text)
        self.feedback_sound_combo.setAccessibleDescription(help_text)

    def _show_sensor(self, sensor: str | None) -> None:
        text = sensor if sensor else self.tr("No sensor")
        self.sensor_label.setText(text)
        self.sensor_label.setToolTip(sensor or "")
        self.sensor_label.setAccessibleName(self.tr("Sensor: {0}").format(text))
        self.no_sensor_button.setEnabled(sensor is not None)

    def _clear_sensor(self) -> None:
        self._sensor = None
        self._show_sensor(None)
        self._changed()

    # --- model <-> controls ----------------------------------------------------------------

    @staticmethod
    def _percent(value: int) -> str:
        return f"{value} %"

    def _fill_devices(self, current: str | None) -> None:
        combo = self.device_combo
        combo.clear()
        combo.addItem(self.tr("System default"), None)
        for name in self._device_names:
            combo.addItem(name, name)
        if current is not None and current not in self._device_names:
            # Keep a remembered device that is unplugged now rather than silently dropping it.
            combo.addItem(self.tr("%1 (not connected)").replace("%1", current), current)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)

    def _load(self, settings: Settings) -> None:
        self._updating = True
        try:
            self._fill_devices(settings.audio_device)
            for field, slider in self._volume_sliders.items():
                value = round(float(getattr(settings, field)) * 100)
                slider.setValue(value)
                self._volume_labels[field].setText(self._percent(value))
            self.mute_check.setChecked(settings.muted)
            self.beeps_spin.setValue(settings.countdown_beeps)
            self.single_beep_check.setChecked(settings.single_beep)
            self.voice_check.setChecked(settings.voice_enabled)
            self._select(self.voice_language_combo, settings.voice_language)
            self._select(self.theme_combo, Theme(settings.theme).value)
            scale = round(settings.font_scale * 100)
            self.font_slider.setValue(scale)
            self.font_value.setText(self._percent(scale))
            self.flash_check.setChecked(settings.flash_on_cue)
            self._select(self.interface_language_combo, settings.interface_language)
            self._sensor = settings.sensor
            self._show_sensor(settings.sensor)
            self._select(self.feedback_sound_combo, FeedbackSound(settings.feedback_sound).value)
            self._show_sound_help()
            self.colors_check.setChecked(settings.feedback_colors)
            self.traces_check.setChecked(settings.show_traces)
            self.record_check.setChecked(settings.record_sensor)
            self.reminders_check.setChecked(settings.reminders_enabled)
            for day, check in enumerate(self.reminder_day_checks):
                check.setChecked(day in settings.reminder_days)
            self.reminder_time_edit.setTime(QTime.fromString(settings.reminder_time, "HH:mm"))
            index = self.reminder_routine_combo.findData(settings.reminder_routine)
            self.reminder_routine_combo.setCurrentIndex(max(index, 0))
        finally:
            self._updating = False

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index < 0:  # a language this build has no name for: show its code rather than lie
            combo.addItem(value, value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def _read(self) -> Settings:
        values: dict[str, Any] = self._settings.model_dump()
        values.update(
            audio_device=self.device_combo.currentData(),
            muted=self.mute_check.isChecked(),
            voice_enabled=self.voice_check.isChecked(),
            voice_language=self.voice_language_combo.currentData(),
            single_beep=self.single_beep_check.isChecked(),
            countdown_beeps=self.beeps_spin.value(),
            theme=Theme(self.theme_combo.currentData()),
            font_scale=self.font_slider.value() / 100,
            flash_on_cue=self.flash_check.isChecked(),
            interface_language=self.interface_language_combo.currentData(),
            sensor=self._sensor,
            feedback_sound=FeedbackSound(self.feedback_sound_combo.currentData()),
            feedback_colors=self.colors_check.isChecked(),
            show_traces=self.traces_check.isChecked(),
            record_sensor=self.record_check.isChecked(),
            reminders_enabled=self.reminders_check.isChecked(),
            reminder_days=tuple(
                day for day, check in enumerate(self.reminder_day_checks) if check.isChecked()
            ),
            reminder_time=self.reminder_time_edit.time().toString("HH:mm"),
            reminder_routine=self.reminder_routine_combo.currentData(),
        )
        for field, slider in self._volume_sliders.items():
            values[field] = slider.value() / 100
        return Settings.model_validate(values)

    def _changed(self, *_args: object) -> None:
        if self._updating:
            return
        new = self._read()
        if new == self._settings:
            return
        self._settings = new
        self.settings_changed.emit(new)
