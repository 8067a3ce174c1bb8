"""The composition root: the one place that builds the app's objects and wires them together."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from glute_coach.ui.display import display_problem

if TYPE_CHECKING:
    from glute_coach.storage.settings import Settings
    from glute_coach.ui.main_window import MainWindow
    from glute_coach.ui.reminders import ReminderTray

STARTUP_PROBE_ENV = "GLUTE_COACH_STARTUP_PROBE"


def run_gui(
    routine: Path | None = None,
    *,
    start: bool = False,
    sensor: str | None = None,
    mode: str = "normal",
    kiosk_dir: Path | None = None,
) -> int:
    """Open the main window (optionally on a routine, optionally starting it, with a sensor).

    Returns the exit code."""
    problem = display_problem()
    if problem is not None:
        print(f"glute-coach: {problem}", file=sys.stderr)
        return 1

    import os

    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from glute_coach import __version__
    from glute_coach.core.resources import assets_dir
    from glute_coach.storage.settings import load_settings
    from glute_coach.ui.i18n import install_translator
    from glute_coach.ui.main_window import MainWindow
    from glute_coach.ui.notices import settings_notice
    from glute_coach.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Glute Coach")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("glute-coach")
    icon = assets_dir() / "icons" / "glute-coach.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))

    loaded_settings = load_settings()
    settings = loaded_settings.settings
    translator = install_translator(app, settings.interface_language)  # noqa: F841 - kept alive
    apply_theme(app, settings.theme, settings.font_scale)

    if mode == "kiosk":
        from glute_coach.ui.kiosk.shell import build_kiosk_window

        kiosk = build_kiosk_window(settings, kiosk_dir)  # noqa: F841 - kept alive, fullscreen
        return int(app.exec())

    window = MainWindow(settings, sensor=sensor, clinic=mode == "clinic")
    window.resize(1280, 800)

    if os.environ.get(STARTUP_PROBE_ENV):
        # benchmarks/startup.py: report the first paint of the main window, then quit.
        class _FirstPaint(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and obj is window:
                    print(f"first-paint {time.time():.6f}", flush=True)
                    # exit(), not quit(): quit() asks each window to close, and a running
                    # session would ask whether to stop it
                    QTimer.singleShot(0, lambda: app.exit(0))
                    obj.removeEventFilter(self)
                return False

        probe = _FirstPaint(window)
        window.installEventFilter(probe)

    window.show()
    # After the first paint: opening the history (an integrity check) and the tray wait for it.
    QTimer.singleShot(0, lambda: _start_reminders(window, settings))
    QTimer.singleShot(0, lambda: _check_history(window))
    settings_said = settings_notice(loaded_settings)
    if settings_said:
        QTimer.singleShot(
            0,
            lambda: window.show_notice(
                QCoreApplication.translate("MainWindow", "Settings reset"), settings_said
            ),
        )
    if routine is not None and window.open_path(routine) and start:
        loaded = window.library.loaded_for(routine)
        if loaded is not None:
            window.start_session(loaded)
    return int(app.exec())


def _start_reminders(window: MainWindow, settings: Settings) -> ReminderTray:
    """Reminders from the system tray while the app runs, following the settings."""
    from glute_coach.storage.library import Source, find_routine, load_entry
    from glute_coach.ui.reminders import ReminderTray

    def routine_name(chosen: Settings) -> str | None:
        if chosen.reminder_routine is None:
            return None
        path = find_routine(chosen.reminder_routine)
        entry = load_entry(path, Source.USER) if path is not None else None
        return entry.loaded.routine.title if entry is not None and entry.loaded else None

    tray = ReminderTray(window)  # a child of the window: it lives as long as the window
    tray.apply_settings(settings, routine_name(settings))

    def bring_forward() -> None:
        window.showNormal()
        window.raise_()
        window.activateWindow()

    tray.open_requested.connect(bring_forward)
    window.settings_applied.connect(
        lambda chosen: tray.apply_settings(chosen, routine_name(chosen))
    )
    return tray


def _check_history(window: MainWindow) -> None:
    """Open the session history once at start: a damaged one is moved aside now, and said."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from glute_coach.storage.history import HistoryError, HistoryStore
    from glute_coach.ui.notices import history_notice

    try:
        with HistoryStore.open() as store:
            notice = history_notice(store)
    except (HistoryError, OSError) as exc:
        notice = str(exc)
    if notice:
        title = QCoreApplication.translate("MainWindow", "Session history")
        QTimer.singleShot(0, lambda: window.show_notice(title, notice))
