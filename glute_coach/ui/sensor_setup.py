"""The sensor setup dialog: choose a source, connect, map channels to muscles, save a profile.

Nothing here blocks the GUI thread for long: scans (:mod:`glute_coach.sensors.discovery`),
opening a source (a file is read whole) and stopping one (joins its acquisition thread) run on
:class:`QThreadPool` workers whose results come back through a Qt signal. Only closing the dialog
stops the current source on the GUI thread, so that nothing keeps running once it is closed.

A GUI-thread timer polls the session a few times a second: its connection state and its messages
are always on screen in words, next to the live test trace (:class:`LiveView`). A source that
fails, retries or delivers garbage is shown as such; it never raises into the dialog.

Imports pyqtgraph (through ``live_view``): import this module when the dialog is first opened.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIntValidator, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from glute_coach.core.routine import Side
from glute_coach.sensors import discovery
from glute_coach.sensors.discovery import Candidate, ScanOutcome
from glute_coach.sensors.profile import (
    MUSCLES,
    ChannelRole,
    SensorProfile,
    load_profiles,
    profile_path,
    roles_for,
    save_profile,
)
from glute_coach.sensors.profile import delete_profile as remove_profile
from glute_coach.sensors.session import SensorSession
from glute_coach.sensors.source import ConnectionState, describe_error
from glute_coach.sensors.spec import (
    BleSpec,
    BrainFlowSpec,
    FileSpec,
    LslSpec,
    SensorSpec,
    SerialSpec,
    SimSpec,
    parse_spec,
)
from glute_coach.storage.settings import Theme
from glute_coach.ui import theme
from glute_coach.ui.live_view import LiveView
from glute_coach.ui.widgets import current_colors, muscle_name

log = logging.getLogger(__name__)

KINDS = ("sim", "file", "lsl", "brainflow", "ble", "serial")
POLL_MS = 250
TRACE_WINDOW_S = 5.0
TRACE_FPS = 30.0
BAUD_RATES = (9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600)
DEFAULT_BAUD = 115200
SIM_DEFAULT_FS = 1000.0
BLE_DEFAULT_PROFILE = "myoware2"
ROW_HEIGHT = 50
PROBLEM_CHARS = 240  # longer problems are cut on screen; the tooltip has all of it

# state keys (``SensorSetupDialog.state_key``)
IDLE = "idle"
CONNECTING = "connecting"
CONNECTED = "connected"
RECONNECTING = "reconnecting"
LOST = "lost"
FAILED = "failed"
FINISHED = "finished"
STOPPED = "stopped"


def _options(pairs: Sequence[tuple[str, object | None]]) -> list[str]:
    return [f"{k}={v}" for k, v in pairs if v is not None and v != ""]


def _number(value: float) -> str:
    return f"{value:g}"


class _Relay(QObject):
    """Carries a worker's result back to the GUI thread (a queued signal)."""

    finished = Signal(str, int, object)  # job kind, token, result (or the exception raised)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, kind: str, token: int, work: Callable[[], object]) -> None:
        super().__init__()
        self._relay = relay
        self._kind = kind
        self._token = token
        self._work = work

    def run(self) -> None:
        try:
            result: object = self._work()
        except BaseException as exc:  # handed to the GUI thread, which reports it
            result = exc
        with contextlib.suppress(RuntimeError):  # the dialog is gone: nobody to tell
            self._relay.finished.emit(self._kind, self._token, result)


def _open_session(spec: str) -> SensorSession:
    """Runs on a worker: build the source (a file is read here) and start acquiring."""
    session = SensorSession(spec)
    session.start()
    return session


def _stop_session(session: SensorSession) -> None:
    with contextlib.suppress(Exception):
        session.stop()


def _theme_of(widget: QWidget) -> Theme:
    colors = current_colors(widget)
    for candidate in Theme:
        if theme.palette_for(candidate) == colors:
            return candidate
    return Theme.LIGHT


class _Pages(QWidget):
    """One page shown at a time, as tall as that page (a QStackedWidget is as tall as its
    tallest page, which leaves gaps in the card for short pages)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current = -1

    def addWidget(self, page: QWidget) -> None:
        self._pages.append(page)
        self._layout.addWidget(page)
        page.setVisible(len(self._pages) - 1 == self._current)
        if self._current < 0:
            self.setCurrentIndex(0)

    def setCurrentIndex(self, index: int) -> None:
        if not 0 <= index < len(self._pages) or index == self._current:
            return
        self._current = index
        for i, page in enumerate(self._pages):
            page.setVisible(i == index)

    def currentIndex(self) -> int:
        return self._current

    def currentWidget(self) -> QWidget | None:
        return self._pages[self._current] if self._current >= 0 else None

    def count(self) -> int:
        return len(self._pages)

    def widget(self, index: int) -> QWidget:
        return self._pages[index]


class SensorSetupDialog(QDialog):
    """Choose and test a sensor source, say what each channel measures, save it as a profile.

    ``profiles_dir`` is where profiles are saved (the app passes
    ``user_config_dir() / PROFILES_DIR``); ``initial`` fills the dialog with a profile to edit.
    ``profile_saved`` carries each :class:`SensorProfile` written. Closing the dialog (or
    ``reject``/``accept``) stops the source, the trace and every timer.
    """

    profile_saved = Signal(object)  # SensorProfile
    scan_finished = Signal(object)  # ScanOutcome
    state_changed = Signal(str)  # a state key: idle, connecting, connected, ...

    def __init__(
        self,
        profiles_dir: Path,
        parent: QWidget | None = None,
        initial: SensorProfile | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sensorSetupDialog")
        self.setWindowTitle(self.tr("Sensor setup"))
        self.profiles_dir = Path(profiles_dir)
        self._syncing = False
        self._closed = False
        self._extras: dict[str, list[str]] = {kind: [] for kind in KINDS}
        self._token = 0
        self._opening = False
        self._session: SensorSession | None = None
        self._session_spec = ""
        self._ever_connected = False
        self._problem = ""
        self._connect_problem = False
        self._ended = False
        self._state_key = IDLE
        self._stopping: set[SensorSession] = set()
        self._live: LiveView | None = None
        self._base_profile: SensorProfile | None = initial
        self._channel_names: list[str] = []
        self._role_widgets: list[tuple[QCheckBox, QComboBox, QComboBox]] = []
        self._scan_widgets: dict[str, tuple[QPushButton, QComboBox, QLabel]] = {}
        self._pool = QThreadPool.globalInstance()
        self._relay = _Relay(self)  # dies with the dialog; a late worker's emit is then dropped
        self._relay.finished.connect(self._on_job_finished)
        self.confirm: Callable[[str, str], bool] = self._ask
        """Asks the user a yes/no question (title, text); tests replace it."""

        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(POLL_MS)
        self._poll_timer.timeout.connect(self.poll)

        self._build()
        self._apply_spec_text("sim")
        if initial is not None:
            self._apply_profile(initial)
        self._reload_profiles()
        self._show_state(IDLE, self.tr("Not connected"))

    # --- public ------------------------------------------------------------------------------
    @property
    def session(self) -> SensorSession | None:
        """The connected session (for the test trace only; nothing is recorded)."""
        return self._session

    @property
    def live_view(self) -> LiveView | None:
        return self._live

    @property
    def state_key(self) -> str:
        return self._state_key

    @property
    def problem(self) -> str:
        """The latest problem shown to the user, or ''."""
        return self._problem

    def spec_text(self) -> str:
        return self.spec_edit.text().strip()

    def set_spec_text(self, text: str) -> None:
        """Show ``text`` as the spec and fill the fields from it (when it is valid)."""
        self._apply_spec_text(text)

    def channel_roles(self) -> list[ChannelRole]:
        """What each channel in the table measures, as the user set it."""
        roles: list[ChannelRole] = []
        for name, (use, muscle, side) in zip(self._channel_names, self._role_widgets, strict=True):
            roles.append(
                ChannelRole(
                    channel=name,
                    muscle=muscle.currentData(),
                    side=Side(side.currentData()),
                    use=use.isChecked(),
                )
            )
        return roles

    def profile(self) -> SensorProfile | None:
        """The profile the dialog shows now, or None while the name or the spec is not valid."""
        try:
            return SensorProfile(
                name=self.name_edit.text(), spec=self.spec_text(), channels=self.channel_roles()
            )
        except (ValidationError, ValueError):
            return None

    # --- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(12)

        header = QHBoxLayout()
        title = QLabel(self.tr("Sensor setup"))
        title.setProperty("role", "title")
        title.setAccessibleName(self.tr("Sensor setup"))
        self.close_button = self._button(
            self.tr("Close"), self.tr("Close"), self.tr("Stop the test signal and close")
        )
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.close_button)
        outer.addLayout(header)

        body = QHBoxLayout()
        body.setSpacing(16)
        left = QScrollArea()
        left.setWidgetResizable(True)
        left.setFrameShape(QFrame.Shape.NoFrame)
        left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left.setWidget(self._source_card())
        left.setMinimumWidth(440)
        self._left_scroll = left
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addWidget(left, 1)
        column.addWidget(self._connection_card(), 0)
        body.addLayout(column, 2)

        right = QVBoxLayout()
        right.setSpacing(16)
        right.addWidget(self._channels_card(), 0)
        right.addWidget(self._trace_card(), 1)
        body.addLayout(right, 3)
        outer.addLayout(body, 1)

        outer.addWidget(self._profile_bar())

    def _card(self, heading: str) -> tuple[QFrame, QVBoxLayout]:
        card = QFrame()
        card.setProperty("role", "card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(20, 14, 20, 16)
        layout.setSpacing(10)
        label = QLabel(heading)
        label.setProperty("role", "heading")
        label.setAccessibleName(heading)
        layout.addWidget(label)
        return card, layout

    @staticmethod
    def _form() -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        form.setContentsMargins(0, 0, 0, 0)
        return form

    @staticmethod
    def _row(form: QFormLayout, text: str, name: str, field: QWidget, layout: Any = None) -> None:
        label = QLabel(text)
        label.setBuddy(field)
        label.setMinimumHeight(field.sizeHint().height())
        field.setAccessibleName(name)
        form.addRow(label, layout if layout is not None else field)

    @staticmethod
    def _button(text: str, name: str, description: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        if description:
            button.setAccessibleDescription(description)
            button.setToolTip(description)
        button.setMinimumHeight(theme.MIN_BUTTON_HEIGHT)
        return button

    def _source_card(self) -> QFrame:
        card, layout = self._card(self.tr("Source"))
        form = self._form()
        self.kind_combo = QComboBox()
        names = {
            "sim": self.tr("Simulated"),
            "file": self.tr("File"),
            "lsl": self.tr("LSL"),
            "brainflow": self.tr("BrainFlow"),
            "ble": self.tr("Bluetooth LE"),
            "serial": self.tr("Serial"),
        }
        for kind in KINDS:
            self.kind_combo.addItem(names[kind], kind)
        self.kind_combo.setAccessibleDescription(self.tr("Where the signal comes from"))
        self._row(form, self.tr("Source &type"), self.tr("Source type"), self.kind_combo)
        layout.addLayout(form)

        self.pages = _Pages()
        for page in (
            self._sim_page(),
            self._file_page(),
            self._lsl_page(),
            self._brainflow_page(),
            self._ble_page(),
            self._serial_page(),
        ):
            self.pages.addWidget(page)
        layout.addWidget(self.pages)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)

        spec_form = self._form()
        self.spec_edit = QLineEdit()
        self.spec_edit.setAccessibleDescription(
            self.tr("The source written as a spec string, as on the command line")
        )
        self.spec_edit.textEdited.connect(self._on_spec_edited)
        self._row(spec_form, self.tr("&Spec (advanced)"), self.tr("Source spec"), self.spec_edit)
        layout.addLayout(spec_form)
        self.spec_hint = QLabel()
        self.spec_hint.setProperty("role", "caption")
        self.spec_hint.setWordWrap(True)
        self.spec_hint.setAccessibleName(self.tr("Spec check"))
        layout.addWidget(self.spec_hint)
        layout.addStretch(1)
        return card

    def _connection_card(self) -> QFrame:
        """Connect/Disconnect and the state: outside the scrolling fields, always in view."""
        card = QFrame()
        card.setProperty("role", "card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(10)
        buttons = QHBoxLayout()
        self.connect_button = self._button(
            self.tr("&Connect"), self.tr("Connect"), self.tr("Connect to the source and show it")
        )
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.connect_source)
        self.disconnect_button = self._button(
            self.tr("&Disconnect"), self.tr("Disconnect"), self.tr("Stop the test signal")
        )
        self.disconnect_button.clicked.connect(self.disconnect_source)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setAccessibleName(self.tr("Connection state"))
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.state_label)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setAccessibleName(self.tr("Problem"))
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label.hide()
        buttons.addWidget(self.connect_button)
        buttons.addWidget(self.disconnect_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.state_label)
        layout.addWidget(self.problem_label)
        return card

    def _page(self) -> tuple[QWidget, QFormLayout]:
        page = QWidget()
        form = self._form()
        page.setLayout(form)
        return page, form

    def _scan_row(self, kind: str, form: QFormLayout, button_text: str) -> None:
        button = self._button(
            button_text,
            self.tr("Search for sources"),
            self.tr("Look for sources of this kind; this can take a few seconds"),
        )
        found = QComboBox()
        found.setPlaceholderText(self.tr("Nothing searched yet"))
        found.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        found.setMinimumContentsLength(12)
        found.setAccessibleName(self.tr("Found sources"))
        found.setAccessibleDescription(self.tr("Choose one to fill in the fields above"))
        found.setEnabled(False)
        status = QLabel()
        status.setProperty("role", "caption")
        status.setWordWrap(True)
        status.setAccessibleName(self.tr("Search result"))
        row = QHBoxLayout()
        row.addWidget(button)
        row.addWidget(found, 1)
        label = QLabel(self.tr("Found"))
        label.setBuddy(found)
        label.setMinimumHeight(theme.MIN_BUTTON_HEIGHT)
        form.addRow(label, row)
        form.addRow(status)
        button.clicked.connect(lambda: self.scan(kind))
        found.activated.connect(lambda index: self._on_found_chosen(kind, index))
        self._scan_widgets[kind] = (button, found, status)

    def _line(self, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(self._on_fields_changed)
        return edit

    def _sim_page(self) -> QWidget:
        page, form = self._page()
        self.sim_channels = QSpinBox()
        self.sim_channels.setRange(1, 8)
        self.sim_channels.setValue(2)
        self.sim_channels.lineEdit().setTextMargins(8, 0, 0, 0)
        self.sim_channels.valueChanged.connect(self._on_fields_changed)
        self._row(form, self.tr("C&hannels"), self.tr("Simulated channels"), self.sim_channels)
        self.sim_kind = QComboBox()
        self.sim_kind.addItem(self.tr("EMG (muscle activity)"), "emg")
        self.sim_kind.addItem(self.tr("Pressure cuff"), "pressure")
        self.sim_kind.currentIndexChanged.connect(self._on_fields_changed)
        self._row(form, self.tr("Si&gnal"), self.tr("Simulated signal"), self.sim_kind)
        note = QLabel(self.tr("A made-up signal that squeezes on cues: no sensor needed."))
        note.setProperty("role", "caption")
        note.setWordWrap(True)
        form.addRow(note)
        return page

    def _file_page(self) -> QWidget:
        page, form = self._page()
        self.file_path = self._line(self.tr("A recording: CSV, UCI text or EDF"))
        browse = self._button(
            self.tr("&Browse…"), self.tr("Browse for a recording"), self.tr("Choose a file")
        )
        browse.clicked.connect(self._browse)
        self.browse_button = browse
        row = QHBoxLayout()
        row.addWidget(self.file_path, 1)
        row.addWidget(browse)
        self._row(form, self.tr("&File"), self.tr("Recording file"), self.file_path, row)
        self.file_speed = QDoubleSpinBox()
        self.file_speed.setRange(0.1, 50.0)
        self.file_speed.setDecimals(1)
        self.file_speed.setSingleStep(0.5)
        self.file_speed.setValue(1.0)
        self.file_speed.setSuffix(" ×")
        self.file_speed.lineEdit().setTextMargins(8, 0, 0, 0)
        self.file_speed.valueChanged.connect(self._on_fields_changed)
        self._row(form, self.tr("Sp&eed"), self.tr("Replay speed"), self.file_speed)
        return page

    def _lsl_page(self) -> QWidget:
        page, form = self._page()
        self.lsl_name = self._line(self.tr("Stream name"))
        self._row(form, self.tr("Stream na&me"), self.tr("LSL stream name"), self.lsl_name)
        self.lsl_type = self._line(self.tr("e.g. EMG"))
        self._row(form, self.tr("Stream t&ype"), self.tr("LSL stream type"), self.lsl_type)
        self._scan_row("lsl", form, self.tr("Sc&an"))
        return page

    def _brainflow_page(self) -> QWidget:
        page, form = self._page()
        self.bf_board = self._line(self.tr("Board name or number, e.g. synthetic"))
        self._row(form, self.tr("&Board"), self.tr("BrainFlow board"), self.bf_board)
        self.bf_options = self._line(self.tr("e.g. serial_port=/dev/ttyUSB0"))
        self._row(form, self.tr("&Options"), self.tr("BrainFlow options"), self.bf_options)
        self._scan_row("brainflow", form, self.tr("L&ist boards"))
        return page

    def _ble_page(self) -> QWidget:
        page, form = self._page()
        self.ble_address = self._line("AA:BB:CC:DD:EE:FF")
        self._row(form, self.tr("&Address"), self.tr("Bluetooth address"), self.ble_address)
        self.ble_profile = QComboBox()
        self.ble_profile.setEditable(True)
        try:
            from glute_coach.sensors.ble_source import available_profiles

            for name in available_profiles():
                self.ble_profile.addItem(name)
        except Exception as exc:  # a broken install: the field stays free text
            log.debug("BLE profiles unavailable: %s", exc)
        self.ble_profile.setCurrentText(BLE_DEFAULT_PROFILE)
        self.ble_profile.currentTextChanged.connect(self._on_fields_changed)
        self._row(
            form, self.tr("Device pro&file"), self.tr("Bluetooth device profile"), self.ble_profile
        )
        self._scan_row("ble", form, self.tr("Sc&an"))
        return page

    def _serial_page(self) -> QWidget:
        page, form = self._page()
        self.serial_port = self._line("/dev/ttyUSB0, COM3")
        self._row(form, self.tr("P&ort"), self.tr("Serial port"), self.serial_port)
        self.serial_baud = QComboBox()
        self.serial_baud.setEditable(True)
        for rate in BAUD_RATES:
            self.serial_baud.addItem(str(rate))
        self.serial_baud.setValidator(QIntValidator(1, 10_000_000, self))
        self.serial_baud.setCurrentText(str(DEFAULT_BAUD))
        self.serial_baud.currentTextChanged.connect(self._on_fields_changed)
        self._row(form, self.tr("Ba&ud rate"), self.tr("Baud rate"), self.serial_baud)
        self.serial_format = QComboBox()
        self.serial_format.addItem(self.tr("Text lines"), "text")
        self.serial_format.addItem(self.tr("Binary frames"), "frame")
        self.serial_format.currentIndexChanged.connect(self._on_fields_changed)
        self._row(form, self.tr("Fo&rmat"), self.tr("Data format"), self.serial_format)
        self._scan_row("serial", form, self.tr("Sc&an"))
        return page

    def _channels_card(self) -> QFrame:
        card, layout = self._card(self.tr("Channels"))
        hint = QLabel(
            self.tr("Say where each channel's electrodes sit. Untick channels you do not use.")
        )
        hint.setProperty("role", "caption")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        table = QTableWidget(0, 4)
        table.setHorizontalHeaderLabels(
            [self.tr("Use"), self.tr("Channel"), self.tr("Muscle"), self.tr("Side")]
        )
        table.setAccessibleName(self.tr("Channels"))
        table.setAccessibleDescription(
            self.tr("Each channel of the source and the muscle it is on")
        )
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.channel_table = table
        self.channels_empty = QLabel(self.tr("Connect to list the channels."))
        self.channels_empty.setProperty("role", "caption")
        self.channels_empty.setAccessibleName(self.tr("No channels yet"))
        layout.addWidget(self.channels_empty)
        layout.addWidget(table)
        table.hide()
        self._channels_layout = layout
        return card

    def _trace_card(self) -> QFrame:
        card, layout = self._card(self.tr("Test trace"))
        self.trace_stack = QStackedWidget()
        self.trace_stack.setStyleSheet("QStackedWidget { background: transparent; }")
        self.trace_placeholder = QLabel(self.tr("Connect to see the live signal here."))
        self.trace_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.trace_placeholder.setProperty("role", "caption")
        self.trace_placeholder.setWordWrap(True)
        self.trace_stack.addWidget(self.trace_placeholder)
        self.trace_stack.setMinimumHeight(160)
        layout.addWidget(self.trace_stack, 1)
        return card

    def _profile_bar(self) -> QFrame:
        bar = QFrame()
        bar.setProperty("role", "card")
        bar.setAccessibleName(self.tr("Profile"))
        layout = QVBoxLayout(bar)
        layout.setContentsMargins(20, 10, 20, 10)
        layout.setSpacing(6)
        row = QHBoxLayout()
        row.setSpacing(10)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Both glutes, MyoWare"))
        self.name_edit.setMaxLength(60)
        self.name_edit.setAccessibleName(self.tr("Profile name"))
        name_label = QLabel(self.tr("Profile &name"))
        name_label.setBuddy(self.name_edit)
        self.save_button = self._button(
            self.tr("Save &profile"),
            self.tr("Save profile"),
            self.tr("Save the source and channels"),
        )
        self.save_button.clicked.connect(self.save)
        self.saved_combo = QComboBox()
        self.saved_combo.setPlaceholderText(self.tr("No saved profiles"))
        self.saved_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.saved_combo.setMinimumContentsLength(10)
        self.saved_combo.setAccessibleName(self.tr("Saved profiles"))
        saved_label = QLabel(self.tr("Sa&ved"))
        saved_label.setBuddy(self.saved_combo)
        self.load_button = self._button(
            self.tr("&Load"), self.tr("Load profile"), self.tr("Fill the dialog from this profile")
        )
        self.load_button.clicked.connect(self.load_selected)
        self.delete_button = self._button(
            self.tr("Delete"), self.tr("Delete profile"), self.tr("Delete this saved profile")
        )
        self.delete_button.clicked.connect(self.delete_selected)
        row.addWidget(name_label)
        row.addWidget(self.name_edit, 2)
        row.addWidget(self.save_button)
        row.addSpacing(16)
        row.addWidget(saved_label)
        row.addWidget(self.saved_combo, 2)
        row.addWidget(self.load_button)
        row.addWidget(self.delete_button)
        layout.addLayout(row)
        self.profile_status = QLabel()
        self.profile_status.setProperty("role", "caption")
        self.profile_status.setWordWrap(True)
        self.profile_status.setAccessibleName(self.tr("Profile status"))
        self.profile_status.hide()
        layout.addWidget(self.profile_status)
        return bar

    # --- spec <-> fields ---------------------------------------------------------------------
    def _kind(self) -> str:
        return str(self.kind_combo.currentData())

    def _on_kind_changed(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        if self._syncing:
            return
        self._on_fields_changed()
        if self._kind() == "brainflow" and self._scan_widgets["brainflow"][1].count() == 0:
            self.scan("brainflow")  # a list, not a search: fill it at once

    def _spec_from_fields(self) -> str:
        kind = self._kind()
        extras = self._extras.get(kind, [])
        if kind == "sim":
            opts = _options(
                [
                    (
                        "channels",
                        self.sim_channels.value() if self.sim_channels.value() != 2 else None,
                    ),
                    ("kind", None if self.sim_kind.currentData() == "emg" else "pressure"),
                ]
            )
            opts += extras
            return "sim:" + ",".join(opts) if opts else "sim"
        if kind == "file":
            speed = self.file_speed.value()
            opts = _options([("speed", _number(speed) if abs(speed - 1.0) > 1e-9 else None)])
            return ",".join([f"file:{self.file_path.text().strip()}", *opts, *extras])
        if kind == "lsl":
            name, stype = self.lsl_name.text().strip(), self.lsl_type.text().strip()
            if name:
                return ",".join([f"lsl:{name}", *_options([("type", stype)])])
            return f"lsl:type={stype}" if stype else "lsl:"
        if kind == "brainflow":
            options = ",".join(p.strip() for p in self.bf_options.text().split(",") if p.strip())
            spec = f"brainflow:{self.bf_board.text().strip()}"
            return f"{spec},{options}" if options else spec
        if kind == "ble":
            return discovery.ble_spec(
                self.ble_address.text().strip(), self.ble_profile.currentText().strip() or None
            )
        port = self.serial_port.text().strip()
        baud = self.serial_baud.currentText().strip() or str(DEFAULT_BAUD)
        opts = _options([("baud", baud), ("format", self.serial_format.currentData())])
        if self.serial_format.currentData() == "text":
            opts = opts[:1]
        return ",".join([f"serial:{port}", *opts, *extras])

    def _on_fields_changed(self, *_: object) -> None:
        if self._syncing:
            return
        text = self._spec_from_fields()
        self.spec_edit.setText(text)
        self._check_spec(text)

    def _on_spec_edited(self, text: str) -> None:
        parsed = self._check_spec(text)
        if parsed is not None:
            self._load_fields(parsed)

    def _check_spec(self, text: str) -> SensorSpec | None:
        try:
            parsed = parse_spec(text)
        except ValueError as exc:
            self.spec_hint.setText(self.tr("Not complete yet: {reason}").format(reason=str(exc)))
            return None
        self.spec_hint.setText("")
        return parsed

    def _apply_spec_text(self, text: str) -> None:
        self.spec_edit.setText(text)
        parsed = self._check_spec(text)
        if parsed is not None:
            self._load_fields(parsed)

    def _load_fields(self, parsed: SensorSpec) -> None:
        """Show a parsed spec in the fields, without rewriting the spec text."""
        self._syncing = True
        try:
            kind = self._fill(parsed)
            self.kind_combo.setCurrentIndex(KINDS.index(kind))
            self.pages.setCurrentIndex(KINDS.index(kind))
        finally:
            self._syncing = False

    def _fill(self, parsed: SensorSpec) -> str:
        if isinstance(parsed, SimSpec):
            self.sim_channels.setValue(parsed.channels)
            self.sim_kind.setCurrentIndex(0 if parsed.kind == "emg" else 1)
            self._extras["sim"] = _options(
                [
                    ("seed", parsed.seed),
                    ("fs", _number(parsed.fs) if parsed.fs != SIM_DEFAULT_FS else None),
                ]
            )
            return "sim"
        if isinstance(parsed, FileSpec):
            self.file_path.setText(str(parsed.path))
            self.file_speed.setValue(parsed.speed)
            fs = _number(parsed.fs) if parsed.fs else None
            self._extras["file"] = _options([("fs", fs)])
            return "file"
        if isinstance(parsed, LslSpec):
            self.lsl_name.setText(parsed.name or "")
            self.lsl_type.setText(parsed.type or "")
            return "lsl"
        if isinstance(parsed, BrainFlowSpec):
            self.bf_board.setText(parsed.board)
            self.bf_options.setText(",".join(f"{k}={v}" for k, v in parsed.options.items()))
            return "brainflow"
        if isinstance(parsed, BleSpec):
            self.ble_address.setText(parsed.address)
            self.ble_profile.setCurrentText(parsed.profile or "")
            return "ble"
        assert isinstance(parsed, SerialSpec)
        self.serial_port.setText(parsed.port)
        self.serial_baud.setCurrentText(str(parsed.baud))
        self.serial_format.setCurrentIndex(0 if parsed.format == "text" else 1)
        fs = _number(parsed.fs) if parsed.fs else None
        self._extras["serial"] = _options([("channels", parsed.channels), ("fs", fs)])
        return "serial"

    def _browse(self) -> None:
        start = self.file_path.text().strip() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a recording"),
            start,
            self.tr("Recordings (*.csv *.tsv *.txt *.edf *.bdf);;All files (*)"),
        )
        if path:
            self.file_path.setText(path)
            self._on_fields_changed()

    # --- scanning ----------------------------------------------------------------------------
    def scan(self, kind: str) -> None:
        """Search for sources of ``kind`` on a worker thread; ``scan_finished`` brings the result."""
        if kind not in self._scan_widgets:
            return
        button, _found, status = self._scan_widgets[kind]
        button.setEnabled(False)
        status.setText(self.tr("Scanning…"))
        status.setToolTip("")
        options: dict[str, object] = {}
        if kind == "ble":
            options["profile"] = self.ble_profile.currentText().strip() or None
        elif kind == "serial":
            baud = self.serial_baud.currentText().strip()
            options["baud"] = int(baud) if baud.isdigit() else DEFAULT_BAUD
        self._start_job("scan", 0, lambda: discovery.scan(kind, **options))

    def is_scanning(self, kind: str) -> bool:
        return kind in self._scan_widgets and not self._scan_widgets[kind][0].isEnabled()

    def _scan_done(self, outcome: object) -> None:
        if not isinstance(outcome, ScanOutcome):  # discovery.scan never raises; be safe anyway
            log.warning("scan failed: %r", outcome)
            return
        widgets = self._scan_widgets.get(outcome.kind)
        if widgets is None:
            return
        button, found, status = widgets
        button.setEnabled(True)
        found.clear()
        for candidate in outcome.candidates:
            found.addItem(candidate.label, candidate.spec)
            found.setItemData(found.count() - 1, candidate.spec, Qt.ItemDataRole.ToolTipRole)
        found.setCurrentIndex(-1)
        found.setEnabled(bool(outcome.candidates))
        if outcome.candidates:
            found.setPlaceholderText(self.tr("Choose one"))
            n = len(outcome.candidates)
            if n == 1:
                status.setText(self.tr("Found 1 source."))
            else:
                status.setText(self.tr("Found {n} sources.").format(n=n))
        else:
            found.setPlaceholderText(self.tr("Nothing found"))
            status.setText(outcome.message)
        status.setToolTip(outcome.detail)
        self.scan_finished.emit(outcome)

    def _on_found_chosen(self, kind: str, index: int) -> None:
        found = self._scan_widgets[kind][1]
        spec = found.itemData(index)
        if isinstance(spec, str):
            self._apply_spec_text(spec)

    def found_candidates(self, kind: str) -> list[Candidate]:
        found = self._scan_widgets[kind][1]
        return [Candidate(found.itemText(i), str(found.itemData(i))) for i in range(found.count())]

    # --- workers -----------------------------------------------------------------------------
    def _start_job(self, kind: str, token: int, work: Callable[[], object]) -> None:
        self._pool.start(_Job(self._relay, kind, token, work))

    def _on_job_finished(self, kind: str, token: int, result: object) -> None:
        if kind == "scan":
            self._scan_done(result)
        elif kind == "open":
            self._session_opened(token, result)
        elif kind == "stop" and isinstance(result, SensorSession):
            self._stopping.discard(result)

    def _stop_in_background(self, session: SensorSession) -> None:
        self._stopping.add(session)

        def stop() -> SensorSession:
            _stop_session(session)
            return session

        self._start_job("stop", 0, stop)

    # --- connecting --------------------------------------------------------------------------
    def connect_source(self) -> None:
        """Connect to the spec shown (replacing a running source); the state follows on screen."""
        text = self.spec_text()
        try:
            parse_spec(text)
        except ValueError as exc:
            self.disconnect_source()
            self._fail(self.tr("The source is not complete: {reason}").format(reason=str(exc)))
            return
        self.disconnect_source()
        self._token += 1
        self._opening = True
        self._ever_connected = False
        self._ended = False
        self._set_problem("")
        self._show_state(CONNECTING, self.tr("Connecting…"))
        self._update_buttons()
        self._start_job("open", self._token, lambda: _open_session(text))

    def _session_opened(self, token: int, result: object) -> None:
        if token != self._token or self._closed:
            if isinstance(result, SensorSession):
                self._stop_in_background(result)  # superseded or closed meanwhile
            return
        self._opening = False
        if not isinstance(result, SensorSession):
            if isinstance(result, BaseException):
                reason = str(result) if isinstance(result, ValueError) else describe_error(result)
            else:
                reason = repr(result)
            self._fail(self.tr("Cannot open the source: {reason}").format(reason=reason))
            self._update_buttons()
            return
        self._session = result
        self._session_spec = result.spec_text
        live = LiveView(result, window_s=TRACE_WINDOW_S, theme=_theme_of(self), fps=TRACE_FPS)
        live.setAccessibleName(self.tr("Live test trace"))
        self.trace_stack.addWidget(live)
        self.trace_stack.setCurrentWidget(live)
        live.start()
        self._live = live
        self._poll_timer.start()
        self._update_buttons()
        self.poll()

    def disconnect_source(self) -> None:
        """Stop the test signal (the source stops on a worker); the channel table stays."""
        self._token += 1  # a source still opening is stopped when it arrives
        was_active = self._opening or self._session is not None
        self._opening = False
        self._poll_timer.stop()
        self._drop_live_view()
        session, self._session = self._session, None
        if session is not None:
            self._stop_in_background(session)
        if was_active:
            self._show_state(IDLE, self.tr("Not connected"))
            self._set_problem("")
        self._update_buttons()

    def _drop_live_view(self) -> None:
        live, self._live = self._live, None
        if live is not None:
            live.stop()
            self.trace_stack.removeWidget(live)
            live.deleteLater()
        self.trace_stack.setCurrentWidget(self.trace_placeholder)

    def _fail(self, message: str) -> None:
        self._set_problem(message)
        self._show_state(FAILED, self.tr("Failed"))

    def _update_buttons(self) -> None:
        self.disconnect_button.setEnabled(self._opening or self._session is not None)

    # --- polling -----------------------------------------------------------------------------
    def poll(self) -> None:
        """Read the session's state and messages (the poll timer calls this)."""
        session = self._session
        if session is None:
            return
        try:
            messages = session.poll_messages()
            state = session.state
            names = list(session.channel_names)
            have_data = session.raw is not None
        except Exception as exc:  # never let a broken source take the dialog down
            self._set_problem(describe_error(exc))
            return
        for message in messages:
            self._take_message(message)
        if have_data or state is ConnectionState.CONNECTED:
            self._ever_connected = True
        live = have_data or state is ConnectionState.CONNECTED
        if names and live and names != self._channel_names:
            self._set_channels(names)
        self._show_session_state(session, state)

    def _take_message(self, message: str) -> None:
        text = message.removeprefix("sensor: ").strip()
        if message.startswith("sensor: connected"):
            self._ever_connected = True
            return
        if message.startswith("sensor: connecting") or message.startswith("sensor: still trying"):
            return
        if text == "end of stream":
            self._ended = True
            return
        if text.startswith("sensor warning: "):
            text = self.tr("Warning: {text}").format(text=text.removeprefix("sensor warning: "))
        else:
            text = text[:1].upper() + text[1:]
        self._set_problem(text, connecting=message.startswith("sensor: cannot connect"))

    def _show_session_state(self, session: SensorSession, state: ConnectionState) -> None:
        if state is ConnectionState.CONNECTED:
            n = len(session.channel_names)
            fs = session.source.sample_rate
            rate = _number(round(fs, 1))
            if n == 1:
                detail = self.tr("Connected: 1 channel at {rate} Hz").format(rate=rate)
            else:
                detail = self.tr("Connected: {n} channels at {rate} Hz").format(n=n, rate=rate)
            if self._connect_problem:
                self._set_problem("")  # an old connect failure is history now
            self._show_state(CONNECTED, detail)
        elif state is ConnectionState.CONNECTING and not self._connect_problem:
            self._show_state(CONNECTING, self.tr("Connecting…"))
        elif state in (ConnectionState.CONNECTING, ConnectionState.RECONNECTING):
            if self._ever_connected:
                self._show_state(RECONNECTING, self.tr("Connection lost: reconnecting…"))
            else:
                self._show_state(FAILED, self.tr("Cannot connect: still trying…"))
        elif state is ConnectionState.LOST:
            self._show_state(LOST, self.tr("No data from the sensor: waiting…"))
        elif self._ended:
            self._show_state(FINISHED, self.tr("Finished: the recording has been played"))
        elif self._problem and not self._ever_connected:
            self._show_state(FAILED, self.tr("Failed"))
        else:
            self._show_state(STOPPED, self.tr("Stopped"))

    def _show_state(self, key: str, text: str) -> None:
        c = current_colors(self)
        colors = {
            IDLE: c.info,
            CONNECTING: c.prepare,
            CONNECTED: c.rest,
            RECONNECTING: c.prepare,
            LOST: c.prepare,
            FAILED: c.work,
            FINISHED: c.info,
            STOPPED: c.info,
        }
        label = self.state_label
        if label.text() != text:
            label.setText(text)
            label.setAccessibleDescription(text)
        sheet = (
            f"QLabel {{ background-color: {colors.get(key, c.info)}; color: {c.on_phase};"
            " font-weight: 700; padding: 6px 14px; border-radius: 10px; }"
        )
        if label.styleSheet() != sheet:
            label.setStyleSheet(sheet)
        if key != self._state_key:
            self._state_key = key
            self.state_changed.emit(key)

    def _set_problem(self, text: str, *, connecting: bool = False) -> None:
        self._problem = text
        self._connect_problem = connecting
        shown = text if len(text) <= PROBLEM_CHARS else text[: PROBLEM_CHARS - 1].rstrip() + "…"
        self.problem_label.setText(shown)
        self.problem_label.setToolTip(text if shown != text else "")
        self.problem_label.setAccessibleDescription(text)
        self.problem_label.setVisible(bool(text))

    # --- channels ----------------------------------------------------------------------------
    def _set_channels(self, names: Sequence[str]) -> None:
        """Show ``names`` in the table; keep what the user set for channels already listed."""
        current = {role.channel: role for role in self.channel_roles()}
        base = roles_for(names, self._base_profile)
        roles = [current.get(name, base[name]) for name in names]
        self._fill_table(roles)

    def _fill_table(self, roles: Sequence[ChannelRole]) -> None:
        table = self.channel_table
        table.setRowCount(0)
        self._role_widgets = []
        self._channel_names = [role.channel for role in roles]
        muscles = {m: muscle_name(m) for m in MUSCLES}
        sides = {
            Side.LEFT: self.tr("Left"),
            Side.RIGHT: self.tr("Right"),
            Side.BOTH: self.tr("Both"),
        }
        table.setRowCount(len(roles))
        for row, role in enumerate(roles):
            use = QCheckBox()
            use.setChecked(role.use)
            use.setAccessibleName(self.tr("Use channel {name}").format(name=role.channel))
            holder = QWidget()
            box = QHBoxLayout(holder)
            box.setContentsMargins(8, 0, 8, 0)
            box.addWidget(use, 0, Qt.AlignmentFlag.AlignCenter)
            table.setCellWidget(row, 0, holder)

            item = QTableWidgetItem(role.channel)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setToolTip(role.channel)
            table.setItem(row, 1, item)

            muscle = QComboBox()
            muscle.addItem(self.tr("Not used"), None)
            for key, text in muscles.items():
                muscle.addItem(text, key)
            if role.muscle is not None and muscle.findData(role.muscle) < 0:
                muscle.addItem(role.muscle.replace("_", " "), role.muscle)  # from a newer file
            muscle.setCurrentIndex(max(0, muscle.findData(role.muscle)))
            muscle.setAccessibleName(self.tr("Muscle for channel {name}").format(name=role.channel))
            table.setCellWidget(row, 2, muscle)

            side = QComboBox()
            for value, text in sides.items():
                side.addItem(text, value.value)
            side.setCurrentIndex(max(0, side.findData(role.side.value)))
            side.setAccessibleName(self.tr("Side for channel {name}").format(name=role.channel))
            table.setCellWidget(row, 3, side)
            self._role_widgets.append((use, muscle, side))
        has_rows = bool(roles)
        table.setVisible(has_rows)
        self.channels_empty.setVisible(not has_rows)
        header = table.horizontalHeader().height() if has_rows else 0
        shown = min(len(roles), 4)
        table.setFixedHeight(header + shown * ROW_HEIGHT + 2 * table.frameWidth())

    # --- profiles ----------------------------------------------------------------------------
    def _apply_profile(self, profile: SensorProfile) -> None:
        self._base_profile = profile
        self.name_edit.setText(profile.name)
        self._apply_spec_text(profile.spec)
        names = self._channel_names or [role.channel for role in profile.channels]
        roles = roles_for(names, profile)
        self._fill_table([roles[n] for n in names])
        if self._session is not None and self._session_spec != profile.spec.strip():
            self._set_profile_status(
                self.tr("Loaded “{name}”. Connect again to use its source.").format(
                    name=profile.name
                )
            )
        else:
            self._set_profile_status(self.tr("Loaded “{name}”.").format(name=profile.name))

    def _reload_profiles(self, select: str | None = None) -> list[str]:
        loaded = load_profiles(self.profiles_dir)
        self.saved_combo.clear()
        for profile in loaded.profiles:
            self.saved_combo.addItem(profile.name, profile)
        index = self.saved_combo.findText(select) if select is not None else -1
        self.saved_combo.setCurrentIndex(
            index if index >= 0 else min(0, self.saved_combo.count() - 1)
        )
        has = self.saved_combo.count() > 0
        self.load_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        if loaded.problems:
            self._set_profile_status(
                self.tr("Some profiles could not be read: {problems}").format(
                    problems="; ".join(loaded.problems)
                )
            )
        return loaded.problems

    def saved_profiles(self) -> list[SensorProfile]:
        return [self.saved_combo.itemData(i) for i in range(self.saved_combo.count())]

    def _set_profile_status(self, text: str) -> None:
        self.profile_status.setText(text)
        self.profile_status.setVisible(bool(text))

    def save(self) -> SensorProfile | None:
        """Save the profile shown (asking before replacing one); returns it, or None."""
        name = " ".join(self.name_edit.text().split())
        if not name:
            self._set_profile_status(self.tr("Give the profile a name first."))
            self.name_edit.setFocus()
            return None
        try:
            parse_spec(self.spec_text())
        except ValueError as exc:
            self._set_profile_status(
                self.tr("The source is not complete: {reason}").format(reason=str(exc))
            )
            return None
        profile = self.profile()
        if profile is None:
            self._set_profile_status(self.tr("This profile cannot be saved: check the name."))
            return None
        existing = [p for p in self.saved_profiles() if p.name.lower() == profile.name.lower()]
        if profile_path(self.profiles_dir, profile.name).exists() or existing:
            question = self.tr("A profile called “{name}” exists. Replace it?").format(
                name=existing[0].name if existing else profile.name
            )
            if not self.confirm(self.tr("Replace profile"), question):
                self._set_profile_status(self.tr("Not saved."))
                return None
        try:
            save_profile(profile, self.profiles_dir)
        except OSError as exc:
            self._set_profile_status(
                self.tr("Could not save: {reason}").format(reason=describe_error(exc))
            )
            return None
        self._base_profile = profile
        self._reload_profiles(select=profile.name)
        self._set_profile_status(self.tr("Saved “{name}”.").format(name=profile.name))
        self.profile_saved.emit(profile)
        return profile

    def load_selected(self) -> None:
        profile = self.saved_combo.currentData()
        if isinstance(profile, SensorProfile):
            self._apply_profile(profile)

    def delete_selected(self) -> None:
        profile = self.saved_combo.currentData()
        if not isinstance(profile, SensorProfile):
            return
        question = self.tr("Delete the profile “{name}”?").format(name=profile.name)
        if not self.confirm(self.tr("Delete profile"), question):
            return
        try:
            removed = remove_profile(self.profiles_dir, profile.name)
        except OSError as exc:
            self._set_profile_status(
                self.tr("Could not delete: {reason}").format(reason=describe_error(exc))
            )
            return
        self._reload_profiles()
        if removed:
            self._set_profile_status(self.tr("Deleted “{name}”.").format(name=profile.name))
        else:
            self._set_profile_status(
                self.tr("“{name}” was already gone.").format(name=profile.name)
            )

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # --- closing -----------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop the trace, the timers and the source (idempotent; closing calls it)."""
        self._closed = True
        self._token += 1
        self._opening = False
        self._poll_timer.stop()
        self._drop_live_view()
        session, self._session = self._session, None
        if session is not None:
            _stop_session(session)  # on close only: joins the acquisition thread (<= 2 s)
        self._update_buttons()
        if self._state_key not in (IDLE, FAILED):
            self._show_state(IDLE, self.tr("Not connected"))

    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._closed = False
        super().showEvent(event)
