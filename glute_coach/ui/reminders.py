"""Reminders while the app runs: a system tray notice on the chosen days at the chosen time.

The schedule itself is pure (``core.reminders``). This object keeps one single-shot QTimer
aimed at the next reminder — never more than a minute ahead, so after a sleep or a clock change
it looks again soon — and on each timeout asks which reminder fell between the last check and
the wall-clock time now. It never counts ticks, so a late timer, a sleep or a wake-up neither
loses nor doubles a reminder; one missed by more than the grace period (e.g. the computer was
asleep all evening) is not shown late.

Without a system tray (``QSystemTrayIcon.isSystemTrayAvailable()`` is False) it says so once
(``notice``, and the log) and does nothing, unless a ``notify`` callable was given (tests, or
another way of telling the user), which is then called with the title and the message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from glute_coach.core.reminders import (
    DEFAULT_GRACE,
    clean_days,
    due_between,
    next_reminder,
    parse_time,
    seconds_until,
)
from glute_coach.storage.settings import Settings

log = logging.getLogger("glute_coach.ui")

MAX_WAIT_MS = 60_000  # look again at least once a minute (sleep, wake, clock changes)
MIN_WAIT_MS = 500
MESSAGE_MS = 15_000  # how long the tray message stays

Notify = Callable[[str, str], None]

_told: set[str] = set()  # what was already said once in this process


def no_tray_notice() -> str:
    return QCoreApplication.translate(
        "ReminderTray",
        "Reminders need a system tray, and none was found; no reminders will be shown. "
        "You can export the schedule to your calendar instead.",
    )


class ReminderTray(QObject):
    """Shows "Time for your glute routine" on the chosen days and time while the app runs."""

    reminded = Signal(object)  # datetime: the reminder that was just shown
    open_requested = Signal()  # the user clicked the message or "Open Glute Coach"

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        now: Callable[[], datetime] = datetime.now,
        notify: Notify | None = None,
        icon: QIcon | None = None,
        grace: timedelta = DEFAULT_GRACE,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._notify = notify
        self._grace = grace
        self._enabled = False
        self._days: tuple[int, ...] = ()
        self._time = "18:00"
        self._routine_name: str | None = None
        self._last_check = now()
        self.notice: str | None = None
        self.tray: QSystemTrayIcon | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        if notify is None:
            if QSystemTrayIcon.isSystemTrayAvailable():
                self.tray = self._make_tray(icon)
            else:
                self.notice = no_tray_notice()
                if "no-tray" not in _told:
                    _told.add("no-tray")
                    log.info("no system tray: reminders are off while the app runs")

    def _make_tray(self, icon: QIcon | None) -> QSystemTrayIcon:
        tray = QSystemTrayIcon(self)
        app = QApplication.instance()
        chosen = icon or (app.windowIcon() if isinstance(app, QApplication) else QIcon())
        tray.setIcon(chosen)
        tray.setToolTip(self.tr("Glute Coach"))
        menu = QMenu()
        menu.addAction(self.tr("Open Glute Coach"), self.open_requested.emit)
        self._menu = menu  # the tray does not own its menu
        tray.setContextMenu(menu)
        tray.messageClicked.connect(self.open_requested.emit)
        tray.activated.connect(lambda _reason: self.open_requested.emit())
        return tray

    # --- configuration ---------------------------------------------------------------------

    @property
    def active(self) -> bool:
        """Whether reminders are scheduled: switched on, days chosen, and a way to show them."""
        return (
            self._enabled
            and bool(self._days)
            and (self._notify is not None or self.tray is not None)
        )

    def configure(
        self,
        *,
        enabled: bool,
        days: Iterable[int],
        time: str,
        routine_name: str | None = None,
    ) -> None:
        """Set the schedule; reminders already past are not shown for the new one."""
        self._days = clean_days(days)
        parse_time(time)
        self._time = time
        self._enabled = enabled
        self._routine_name = routine_name
        self._last_check = self._now()
        if self.tray is not None:
            self.tray.setVisible(self.active)
        self._arm()

    def apply_settings(self, settings: Settings, routine_name: str | None = None) -> None:
        self.configure(
            enabled=settings.reminders_enabled,
            days=settings.reminder_days,
            time=settings.reminder_time,
            routine_name=routine_name,
        )

    def next_deadline(self) -> datetime | None:
        """The next reminder after now, or None when none is scheduled."""
        if not self.active:
            return None
        return next_reminder(self._now(), self._days, self._time)

    def stop(self) -> None:
        """No more reminders (e.g. on quitting): the timer stops and the tray icon goes."""
        self._enabled = False
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    # --- checking --------------------------------------------------------------------------

    def check(self) -> bool:
        """Show the reminder that fell since the last check, if any; aim the timer again."""
        now = self._now()
        due = None
        if self.active:
            due = due_between(self._last_check, now, self._days, self._time, grace=self._grace)
        self._last_check = now
        if due is not None:
            self._show(self.title_text(), self.message_text())
            self.reminded.emit(due)
        self._arm()
        return due is not None

    def _arm(self) -> None:
        deadline = self.next_deadline()
        if deadline is None:
            self.timer.stop()
            return
        wait_ms = seconds_until(self._now(), deadline) * 1000
        self.timer.start(int(min(max(wait_ms, MIN_WAIT_MS), MAX_WAIT_MS)))

    def _show(self, title: str, message: str) -> None:
        if self._notify is not None:
            self._notify(title, message)
        elif self.tray is not None:
            self.tray.showMessage(
                title, message, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS
            )

    def title_text(self) -> str:
        return self.tr("Time for your glute routine")

    def message_text(self) -> str:
        if self._routine_name:
            return self.tr("{name} is ready when you are.").format(name=self._routine_name)
        return self.tr("Open Glute Coach when you are ready.")
