"""The kiosk window: the app fullscreen, frameless and on top, for a gym's wall screen.

``build_kiosk_window`` is the kiosk's composition root: it scans the kiosk folder, installs the
rotating log, and builds a ``KioskWindow`` that composes the ordinary pages (library in kiosk
mode, detail, player with its session controller) around an attract screen, a thank-you page
and a staff page. Pages never reach into each other; this window decides what comes next.

Locked down: close requests (the window manager's close, Alt+F4) are ignored, Ctrl+Q, Ctrl+W and
Alt+F4 are swallowed, links do not open a browser, there are no file dialogs and no drops. Staff
get in by holding a finger 3 s in the screen's top-right corner or with Ctrl+Alt+Shift+K, then
the PIN; the staff page offers Exit, Settings and Reload. A kiosk does not keep personal
sessions, so a routine ends on a thank-you page (not the finish page that saves a session).

Timing (documented defaults; all deadlines on the injected clock, checked by a heartbeat):

- ``IDLE_S`` (90 s) without input and no session running: back to the attract screen.
- ``SESSION_IDLE_S`` (20 min) without input in a running session, or ``PAUSED_IDLE_S`` (5 min)
  paused: the session is stopped and the attract screen shown.
- ``THANKS_S`` (20 s) on the thank-you page: back to the attract screen.
- ``CURSOR_HIDE_S`` (5 s) without input: the mouse pointer hides until it moves again.

An unexpected error anywhere in the event loop is logged with its traceback (``sys.excepthook``,
installed here and put back by ``shutdown``) and the kiosk returns to the attract screen. More
than ``ERROR_BURST`` errors within ``ERROR_WINDOW_S`` means it cannot recover by itself: it
exits with code 2 and its service restarts it. The staff Exit leaves with ``STAFF_EXIT_CODE``,
which the systemd unit does not restart.
"""

from __future__ import annotations

import logging
import sys
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from glute_coach.core.clock import Clock, MonotonicClock
from glute_coach.core.engine import SessionState
from glute_coach.core.loading import LoadedRoutine
from glute_coach.storage.kiosk_folder import FolderState, KioskFolder, scan_kiosk_folder
from glute_coach.storage.kiosk_log import install_kiosk_logging, uninstall_kiosk_logging
from glute_coach.storage.paths import user_routines_dir
from glute_coach.storage.settings import Settings, save_settings
from glute_coach.ui.detail_view import DetailView
from glute_coach.ui.kiosk.attract import AttractView
from glute_coach.ui.kiosk.idle import (
    CURSOR_HIDE_S,
    IDLE_S,
    PAUSED_IDLE_S,
    SESSION_IDLE_S,
    ActivityFilter,
    CornerHold,
    IdleAction,
    IdleTracker,
    Session,
)
from glute_coach.ui.library_view import LibraryView, clip_check
from glute_coach.ui.screensaver import ScreenAwake
from glute_coach.ui.theme import apply_theme
from glute_coach.ui.widgets import MIN_TOUCH_PX, ScaledLabel, set_role

if TYPE_CHECKING:
    from glute_coach.storage.sessions import SessionSummary
    from glute_coach.ui.session_controller import SessionController

log = logging.getLogger("glute_coach.kiosk")

__all__ = [
    "CURSOR_HIDE_S",
    "ERROR_BURST",
    "ERROR_WINDOW_S",
    "HEARTBEAT_MS",
    "IDLE_S",
    "PAUSED_IDLE_S",
    "SESSION_IDLE_S",
    "STAFF_EXIT_CODE",
    "THANKS_S",
    "KioskWindow",
    "PinPrompt",
    "build_kiosk_window",
]

HEARTBEAT_MS = 250  # how often deadlines (idle, previews, the corner gesture) are checked
THANKS_S = 20.0
STAFF_EXIT_CODE = 3  # the systemd unit's RestartPreventExitStatus
CRASH_EXIT_CODE = 2
ERROR_BURST = 10
ERROR_WINDOW_S = 60.0
_URL_SCHEMES = ("http", "https", "file", "mailto", "ftp")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


class PinPrompt(Protocol):
    """How the shell asks for the staff PIN (``PinDialog``'s classmethods by default)."""

    def ask(self, store: Any, parent: QWidget) -> bool: ...

    def set_new(self, store: Any, parent: QWidget) -> bool: ...


class _DialogPrompt:
    """The default prompt: the PIN pad dialogs (imported when first needed)."""

    def __init__(self, clock: Clock | None) -> None:
        self.clock = clock

    def ask(self, store: Any, parent: QWidget) -> bool:
        from glute_coach.ui.kiosk.pin_pad import PinDialog

        return bool(PinDialog.ask(store, parent, clock=self.clock))

    def set_new(self, store: Any, parent: QWidget) -> bool:
        from glute_coach.ui.kiosk.pin_pad import PinDialog

        return bool(PinDialog.set_new(store, parent, clock=self.clock))


def _big_button(text: str, *, primary: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text)
    button.setMinimumHeight(64 if primary else MIN_TOUCH_PX + 8)
    button.setMinimumWidth(260)
    if primary:
        set_role(button, "primary")
    return button


class ThanksView(QWidget):
    """The end of a kiosk session: a word of thanks, how much was done, back to the start."""

    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskThanks")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(56, 56, 56, 56)
        outer.setSpacing(24)
        outer.addStretch(1)
        self.title_label = ScaledLabel("", factor=2.6, bold=True)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.title_label)
        self.detail_label = ScaledLabel("", factor=1.5)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.detail_label)
        self.done_button = _big_button(self.tr("Back to the start"), primary=True)
        self.done_button.clicked.connect(self.done)
        outer.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.setFocusProxy(self.done_button)

    def show_summary(self, summary: SessionSummary) -> None:
        if summary.completed:
            self.title_label.setText(self.tr("Well done!"))
            self.detail_label.setText(
                self.tr("You finished “{title}”. Thank you for training with us.").format(
                    title=summary.title
                )
            )
        else:
            total = len(summary.steps_done) + len(summary.steps_skipped)
            self.title_label.setText(self.tr("Session ended"))
            self.detail_label.setText(
                self.tr("You did {done} of {total} steps of “{title}”.").format(
                    done=len(summary.steps_done), total=total, title=summary.title
                )
            )


class StaffView(QWidget):
    """Behind the PIN: exit the kiosk, settings, reload the folder; what the folder holds."""

    exit_requested = Signal()
    settings_requested = Signal()
    reload_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskStaff")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(56, 40, 56, 40)
        outer.setSpacing(20)
        title = ScaledLabel(self.tr("Staff"), factor=2.0, bold=True)
        outer.addWidget(title)
        self.status_label = ScaledLabel("", factor=1.1)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.status_label)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.back_button = _big_button(self.tr("Back to the kiosk"), primary=True)
        self.settings_button = _big_button(self.tr("Settings"))
        self.reload_button = _big_button(self.tr("Reload routines"))
        self.exit_button = _big_button(self.tr("Exit kiosk"))
        self.back_button.clicked.connect(self.back_requested)
        self.settings_button.clicked.connect(self.settings_requested)
        self.reload_button.clicked.connect(self.reload_requested)
        self.exit_button.clicked.connect(self.exit_requested)
        for button in (self.back_button, self.settings_button, self.reload_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.exit_button)
        outer.addLayout(row)
        outer.addStretch(1)
        self.setFocusProxy(self.back_button)

    def set_status(self, text: str) -> None:
        self.status_label.setText(text)


class _UrlRefuser(QObject):
    """Takes every link a page would open in a browser (a kiosk must not leave the app)."""

    @Slot(QUrl)
    def refuse(self, url: QUrl) -> None:
        log.info("kiosk: not opening %s", url.toString())


class KioskWindow(QMainWindow):
    """The kiosk: attract screen, library, detail, player, thank-you, staff. Never closes."""

    session_started = Signal(object)  # SessionController (tests)
    recovered = Signal()  # back on the attract screen after an unexpected error

    def __init__(
        self,
        settings: Settings,
        folder: KioskFolder,
        *,
        clock: Clock | None = None,
        pin_store: Any,
        pin_prompt: PinPrompt | None = None,
        log_path: Path | None = None,
        persist_settings: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.folder = folder
        self.pin_store = pin_store
        self.pin_prompt: PinPrompt = pin_prompt if pin_prompt is not None else _DialogPrompt(clock)
        self.log_path = log_path
        self.exit_app: Callable[[int], None] = QApplication.exit
        self._clock = clock  # None: real time and real sound
        self.clock: Clock = clock if clock is not None else MonotonicClock()
        self._persist = persist_settings
        self._controller: SessionController | None = None
        self._player: QWidget | None = None
        self._lazy: dict[str, QWidget] = {}
        self._allow_close = False
        self._prompting = False
        self._thanks_until: float | None = None
        self._errors: deque[float] = deque(maxlen=ERROR_BURST + 1)
        self._recover_pending = False
        self._shut_down = False
        self._awake = ScreenAwake()
        self.setWindowTitle(self.tr("Glute Coach"))
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setAcceptDrops(False)

        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self.attract = AttractView(self.clock, self)
        self.library = LibraryView(self, kiosk=True, routines=folder.routines)
        self.detail = DetailView(self)
        self.thanks = ThanksView(self)
        self.staff = StaffView(self)
        for page in (self.attract, self.library, self.detail, self.thanks, self.staff):
            self.pages.addWidget(page)
            _enforce_touch_targets(page)

        self.attract.start_requested.connect(self.start_from_attract)
        self.library.routine_opened.connect(self.open_routine)
        self.library.education_requested.connect(self.show_education)
        self.detail.back_requested.connect(self.show_library)
        self.detail.start_requested.connect(self.start_session)
        self.thanks.done.connect(self.show_attract)
        self.staff.back_requested.connect(lambda: self.show_attract(staff_note=True))
        self.staff.settings_requested.connect(self.show_settings)
        self.staff.reload_requested.connect(self.reload_folder)
        self.staff.exit_requested.connect(self.exit_kiosk)

        # Idle, the staff gesture and chord, the cursor.
        self.tracker = IdleTracker(self.clock)
        self.hold = CornerHold(self.clock)
        self.activity = ActivityFilter(self.tracker, self.hold, self)
        self.activity.staff_chord.connect(self.staff_access)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.activity)
        self._url_refuser = _UrlRefuser(self)
        for scheme in _URL_SCHEMES:
            QDesktopServices.setUrlHandler(scheme, self._url_refuser, "refuse")  # type: ignore[arg-type]

        # Unexpected errors in the event loop: log, back to the attract screen.
        self._previous_hook: ExceptHook = sys.excepthook
        sys.excepthook = self._excepthook

        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self.heartbeat)
        self._heartbeat.start()
        self._show_folder_state()
        self.show_attract()

    # --- folder and status -----------------------------------------------------------------

    def folder_text(self) -> str:
        """What staff should know about the kiosk folder ("" when all is well)."""
        folder = self.folder
        lines: list[str] = []
        reasons = {
            FolderState.MISSING: self.tr("The kiosk folder {0} does not exist."),
            FolderState.NOT_A_FOLDER: self.tr("{0} is not a folder."),
            FolderState.UNREADABLE: self.tr("The kiosk folder {0} cannot be read."),
            FolderState.EMPTY: self.tr("The kiosk folder {0} holds no routine files."),
            FolderState.ALL_INVALID: self.tr("No routine file in {0} could be read."),
        }
        if folder.state in reasons:
            lines.append(reasons[folder.state].format(folder.folder))
        if folder.skipped:
            lines.append(
                self.tr("{n} routine file(s) skipped: {names} (details in the log).").format(
                    n=len(folder.skipped), names=", ".join(s.path.name for s in folder.skipped)
                )
            )
        problem = getattr(self.pin_store, "problem", None)
        if problem:
            lines.append(self.tr("PIN file: {0}").format(problem))
        return "\n".join(lines)

    def _show_folder_state(self) -> None:
        text = self.folder_text()
        self.attract.set_staff_note(text)
        self.attract.set_routines(self.folder.routines)
        self.library.set_routines(self.folder.routines)
        _enforce_touch_targets(self.library)
        status = self.tr("Routines from {folder}: {n} shown.").format(
            folder=self.folder.folder, n=len(self.folder.routines)
        )
        if self.log_path is not None:
            status += "\n" + self.tr("Log: {0}").format(self.log_path)
        self.staff.set_status(f"{status}\n{text}" if text else status)

    def reload_folder(self) -> None:
        self.folder = scan_kiosk_folder(self.folder.folder, clip_check=clip_check())
        log.info(
            "kiosk: reloaded %s: %d routines, %d skipped",
            self.folder.folder,
            len(self.folder.routines),
            len(self.folder.skipped),
        )
        self._show_folder_state()

    # --- navigation ------------------------------------------------------------------------

    def current_page(self) -> QWidget | None:
        return self.pages.currentWidget()

    def show_attract(self, *, staff_note: bool = False) -> None:
        self._end_session()
        self._thanks_until = None
        self.library.clear_filters()
        self.attract.set_staff_visible(staff_note)
        self.attract.restart_cycle()
        self.pages.setCurrentWidget(self.attract)
        self.attract.setFocus()

    def start_from_attract(self) -> None:
        if self.current_page() is not self.attract:
            return  # rapid repeated touches: only the first one counts
        self.attract.set_staff_visible(False)
        self.show_library()

    def show_library(self) -> None:
        self.pages.setCurrentWidget(self.library)
        self.library.setFocus()

    def open_routine(self, loaded: LoadedRoutine) -> None:
        if self.current_page() is not self.library:
            return
        self.detail.show_routine(loaded)
        _enforce_touch_targets(self.detail)
        self.pages.setCurrentWidget(self.detail)
        self.detail.setFocus()

    def show_education(self) -> None:
        if "education" not in self._lazy:
            from glute_coach.ui.education_view import EducationView

            page = EducationView(self)
            page.back_requested.connect(self.show_library)
            self._add_lazy("education", page)
        self.pages.setCurrentWidget(self._lazy["education"])

    def show_settings(self) -> None:
        """Staff only (reached from the staff page, behind the PIN)."""
        if self.current_page() is not self.staff:
            return
        if "settings" not in self._lazy:
            from glute_coach.ui.settings_view import SettingsView

            page = SettingsView(self.settings, self)
            page.settings_changed.connect(self.apply_settings)
            page.back_requested.connect(self.show_staff)
            sensor = getattr(page, "sensor_button", None)
            no_sensor = getattr(page, "no_sensor_button", None)
            for button in (sensor, no_sensor):  # a kiosk runs without sensors
                if isinstance(button, QWidget):
                    button.hide()
            self._add_lazy("settings", page)
        self.pages.setCurrentWidget(self._lazy["settings"])

    def _add_lazy(self, name: str, page: QWidget) -> None:
        self._lazy[name] = page
        self.pages.addWidget(page)
        _enforce_touch_targets(page)

    def show_staff(self) -> None:
        self._end_session()
        self._show_folder_state()
        self.pages.setCurrentWidget(self.staff)
        self.staff.setFocus()

    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, settings.theme, settings.font_scale)
        if self._persist:
            try:
                save_settings(settings)
            except OSError as exc:
                log.warning("kiosk: settings not saved: %s", exc)

    # --- sessions --------------------------------------------------------------------------

    @property
    def controller(self) -> SessionController | None:
        return self._controller

    def start_session(self, loaded: LoadedRoutine, pain_before: int | None = None) -> None:
        from glute_coach.ui.player_view import PlayerView
        from glute_coach.ui.session_controller import SessionController

        if self.current_page() is not self.detail:
            return
        self._end_session()
        loaded = loaded.with_countdown(self.settings.countdown_beeps)
        try:
            controller = SessionController(
                loaded,
                clock=self._clock,
                settings=self.settings,
                pain_before=pain_before,
                parent=self,
            )
        except ValueError as exc:  # a routine's own clip that cannot be played
            log.warning("kiosk: cannot start %s: %s", loaded.path.name, exc)
            return
        player = PlayerView(controller, self.settings, self)
        controller.finished.connect(self._session_finished)
        controller.state_changed.connect(self._session_state)
        self._controller = controller
        self._player = player
        self.pages.addWidget(player)
        self.pages.setCurrentWidget(player)
        player.setFocus()
        self._awake.inhibit(self.tr("A Glute Coach routine is running"))
        log.info("kiosk: session started: %s", loaded.routine.id)
        self.session_started.emit(controller)
        controller.start()

    def _session_state(self, _state: str) -> None:
        controller = self._controller
        if controller is not None:
            self.tracker.set_paused(controller.state is SessionState.PAUSED)

    def _session_finished(self, summary: SessionSummary) -> None:
        self._awake.release()
        log.info(
            "kiosk: session %s: %s",
            "completed" if summary.completed else "stopped",
            summary.routine_id,
        )
        self.thanks.show_summary(summary)
        self.pages.setCurrentWidget(self.thanks)
        self.thanks.setFocus()
        self._thanks_until = self.clock.now() + THANKS_S
        self._end_session()

    def session_phase(self) -> Session:
        controller = self._controller
        if controller is None:
            return Session.NONE
        if controller.state is SessionState.RUNNING or controller.in_get_ready:
            return Session.RUNNING
        if controller.state is SessionState.PAUSED:
            return Session.PAUSED
        return Session.NONE

    def _end_session(self) -> None:
        controller, player = self._controller, self._player
        self._controller = None
        self._player = None
        self.tracker.set_paused(False)
        if controller is not None:
            try:
                controller.finished.disconnect(self._session_finished)
                controller.state_changed.disconnect(self._session_state)
            except (RuntimeError, TypeError):
                pass
            controller.close()
            controller.deleteLater()
        if player is not None:
            player.close()
            self.pages.removeWidget(player)
            player.deleteLater()
        self._awake.release()

    # --- idle and the heartbeat ------------------------------------------------------------

    def heartbeat(self) -> None:
        """Check every deadline against the clock (the timer calls this; tests call it too)."""
        if self._shut_down:
            return
        if self.hold.due():
            self.staff_access()
            return
        if self._prompting:  # a PIN pad left open returns to the kiosk too
            if self.tracker.idle_for() >= self.tracker.idle_s:
                modal = QApplication.activeModalWidget()
                if isinstance(modal, QDialog):
                    modal.reject()
            return
        phase = self.session_phase()
        action = self.tracker.check(phase)
        if action is IdleAction.STOP_SESSION and self._controller is not None:
            log.info("kiosk: session left alone; stopped")
            self._controller.stop()
            self.show_attract()
        elif action is IdleAction.ATTRACT and self.current_page() is not self.attract:
            log.info("kiosk: idle; back to the attract screen")
            self.show_attract()
        if self._thanks_until is not None and self.clock.now() >= self._thanks_until:
            self.show_attract()
        if self.current_page() is self.attract:
            self.attract.advance_if_due()
        if self.tracker.cursor_should_hide():
            self.activity.hide_cursor()

    # --- staff -----------------------------------------------------------------------------

    def check_first_run(self) -> None:
        """No PIN yet (first run): ask staff to set one."""
        if self._shut_down or self._prompting:
            return
        problem = getattr(self.pin_store, "problem", None)
        if problem:
            log.warning("kiosk: the PIN file is damaged: %s", problem)
        if not self.pin_store.is_set():
            log.warning("kiosk: no staff PIN set; asking for one")
            self._prompt(self.pin_prompt.set_new)

    def staff_access(self) -> None:
        """The gesture or chord: the PIN (or setting one first), then the staff page."""
        if self._shut_down or self._prompting:
            return
        if self.pin_store.is_set():
            ok = self._prompt(self.pin_prompt.ask)
        else:
            ok = self._prompt(self.pin_prompt.set_new)
        if ok:
            log.info("kiosk: staff signed in")
            self.show_staff()
        else:
            log.info("kiosk: staff PIN not given")

    def _prompt(self, prompt: Callable[[Any, QWidget], bool]) -> bool:
        self._prompting = True
        self.activity.show_cursor()
        try:
            return bool(prompt(self.pin_store, self))
        finally:
            self._prompting = False
            self.tracker.touch()

    @property
    def prompting(self) -> bool:
        return self._prompting

    def exit_kiosk(self) -> None:
        """Staff Exit: close for good, with the exit code the service does not restart."""
        if self.current_page() is not self.staff:
            return
        log.info("kiosk: staff exit")
        self._allow_close = True
        self.close()
        self.exit_app(STAFF_EXIT_CODE)

    # --- errors ----------------------------------------------------------------------------

    def _excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt) or self._shut_down:
            self._previous_hook(exc_type, exc, tb)
            return
        log.error(
            "kiosk: unexpected error; back to the attract screen", exc_info=(exc_type, exc, tb)
        )
        now = self.clock.now()
        self._errors.append(now)
        if len(self._errors) > ERROR_BURST and now - self._errors[0] <= ERROR_WINDOW_S:
            log.critical(
                "kiosk: %d errors in %.0f s; exiting to restart",
                ERROR_BURST + 1,
                now - self._errors[0],
            )
            self.exit_app(CRASH_EXIT_CODE)
            return
        if not self._recover_pending:
            self._recover_pending = True
            QTimer.singleShot(0, self, self.recover)

    def recover(self) -> None:
        """Back to the attract screen after an unexpected error (whatever state pages are in)."""
        self._recover_pending = False
        if self._shut_down:
            return
        try:
            self._end_session()
        except Exception:
            log.exception("kiosk: could not end the session cleanly")
            self._controller = None
            self._player = None
        self._thanks_until = None
        self.pages.setCurrentWidget(self.attract)
        self.attract.set_staff_visible(False)
        self.attract.restart_cycle()
        self.recovered.emit()

    # --- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._allow_close:
            log.info("kiosk: close request ignored")
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop timers and sessions, put back the excepthook, cursor, links and log. Idempotent."""
        if self._shut_down:
            return
        self._heartbeat.stop()
        self._end_session()
        self._shut_down = True
        if sys.excepthook == self._excepthook:
            sys.excepthook = self._previous_hook
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.activity)
        self.activity.show_cursor()
        for scheme in _URL_SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)
        uninstall_kiosk_logging()


def _enforce_touch_targets(page: QWidget) -> None:
    """Every button and list a visitor can touch is at least ``MIN_TOUCH_PX`` high."""
    widgets: Sequence[QWidget] = [
        *page.findChildren(QAbstractButton),
        *page.findChildren(QComboBox),
    ]
    for widget in widgets:
        if widget.minimumHeight() < MIN_TOUCH_PX:
            widget.setMinimumHeight(MIN_TOUCH_PX)


def build_kiosk_window(
    settings: Settings,
    kiosk_dir: Path | None,
    *,
    clock: Clock | None = None,
    pin_store: Any = None,
    pin_prompt: PinPrompt | None = None,
) -> KioskWindow:
    """The kiosk, shown fullscreen: routines from ``kiosk_dir`` (None: the user routines).

    Installs the rotating kiosk log in the user log folder. ``clock`` (tests) drives every
    deadline and silences sound; ``pin_store`` and ``pin_prompt`` default to the PIN file in
    the user config folder and the PIN pad dialogs. Asks for a PIN first when none is set."""
    log_path = install_kiosk_logging()
    folder = kiosk_dir if kiosk_dir is not None else user_routines_dir()
    scanned = scan_kiosk_folder(folder, clip_check=clip_check())
    log.info(
        "kiosk: started on %s: %d routines, %d skipped (%s)",
        folder,
        len(scanned.routines),
        len(scanned.skipped),
        scanned.state.value,
    )
    if pin_store is None:
        import time

        from glute_coach.storage.kiosk_pin import PinStore

        pin_store = PinStore(clock=clock.now if clock is not None else time.monotonic)
    window = KioskWindow(
        settings,
        scanned,
        clock=clock,
        pin_store=pin_store,
        pin_prompt=pin_prompt,
        log_path=log_path,
    )
    screen = window.screen()
    if screen is not None:  # without a window manager "fullscreen" alone may not cover it
        window.setGeometry(screen.geometry())
    window.showFullScreen()
    QTimer.singleShot(0, window, window.check_first_run)
    return window
