"""The reminder tray: an injected notify is called at the right (fake) times; no leaked timers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from glute_coach.storage.settings import Settings, load_settings, save_settings
from glute_coach.ui.reminders import MAX_WAIT_MS, ReminderTray


class FakeNow:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FakeNow:
    return FakeNow(datetime(2025, 3, 3, 17, 0))  # Monday 17:00


@pytest.fixture
def shown() -> list[tuple[str, str]]:
    return []


@pytest.fixture
def tray(clock: FakeNow, shown: list[tuple[str, str]]) -> Iterator[ReminderTray]:
    tray = ReminderTray(now=clock, notify=lambda title, text: shown.append((title, text)))
    yield tray
    tray.stop()
    tray.deleteLater()


def test_off_by_default(tray: ReminderTray, clock: FakeNow, shown: list[tuple[str, str]]) -> None:
    tray.apply_settings(Settings())
    assert not tray.active
    assert not tray.timer.isActive()
    clock.advance(days=7)
    assert not tray.check()
    assert shown == []


def test_reminds_at_the_chosen_time_once(
    tray: ReminderTray, clock: FakeNow, shown: list[tuple[str, str]]
) -> None:
    tray.configure(enabled=True, days=[0, 2], time="18:00", routine_name="Glute bridge progression")
    assert tray.next_deadline() == datetime(2025, 3, 3, 18, 0)
    assert tray.timer.isActive()
    assert tray.timer.interval() == MAX_WAIT_MS  # an hour away: look again within a minute
    clock.advance(minutes=59, seconds=30)
    assert not tray.check()
    assert tray.timer.interval() == 30_000  # aimed at the deadline
    clock.advance(seconds=31)
    assert tray.check()
    assert shown == [
        ("Time for your glute routine", "Glute bridge progression is ready when you are.")
    ]
    clock.advance(minutes=1)
    assert not tray.check()  # not twice
    assert tray.next_deadline() == datetime(2025, 3, 5, 18, 0)
    clock.now = datetime(2025, 3, 5, 18, 0, 5)
    assert tray.check()
    assert len(shown) == 2


def test_the_timer_drives_the_check(
    tray: ReminderTray, clock: FakeNow, shown: list[tuple[str, str]], qtbot: QtBot
) -> None:
    clock.now = datetime(2025, 3, 3, 17, 59, 59, 700_000)
    tray.configure(enabled=True, days=[0], time="18:00")
    assert tray.timer.interval() == 500  # at least half a second
    clock.advance(seconds=1)  # the wall clock moved on while the timer ran
    with qtbot.waitSignal(tray.reminded, timeout=3000) as blocker:
        pass
    assert blocker.args == [datetime(2025, 3, 3, 18, 0)]
    assert shown == [("Time for your glute routine", "Open Glute Coach when you are ready.")]


def test_sleep_past_a_reminder(
    tray: ReminderTray, clock: FakeNow, shown: list[tuple[str, str]]
) -> None:
    tray.configure(enabled=True, days=[0, 1], time="18:00")
    clock.now = datetime(2025, 3, 3, 18, 40)  # woke 40 minutes late: still shown
    assert tray.check()
    clock.now = datetime(2025, 3, 5, 9, 0)  # slept through Tuesday evening: not shown late
    assert not tray.check()
    assert len(shown) == 1
    assert tray.next_deadline() == datetime(2025, 3, 10, 18, 0)


def test_clock_set_back_does_not_repeat(
    tray: ReminderTray, clock: FakeNow, shown: list[tuple[str, str]]
) -> None:
    tray.configure(enabled=True, days=[0], time="18:00")
    clock.now = datetime(2025, 3, 3, 18, 1)
    assert tray.check()
    clock.now = datetime(2025, 3, 3, 17, 30)  # the user set the clock back
    assert not tray.check()
    clock.now = datetime(2025, 3, 3, 18, 2)
    assert tray.check()  # crossed 18:00 again on the wall clock: shown again, once
    assert len(shown) == 2


def test_changing_the_schedule_does_not_show_past_reminders(
    tray: ReminderTray, clock: FakeNow, shown: list[tuple[str, str]]
) -> None:
    tray.configure(enabled=True, days=[0], time="16:00")
    assert not tray.check()
    tray.apply_settings(Settings(reminders_enabled=True, reminder_days=(3,), reminder_time="08:15"))
    assert tray.next_deadline() == datetime(2025, 3, 6, 8, 15)
    tray.apply_settings(Settings(reminders_enabled=False))
    assert not tray.timer.isActive()
    assert shown == []


def test_stop_leaves_no_timer(tray: ReminderTray) -> None:
    tray.configure(enabled=True, days=[0, 1, 2, 3, 4, 5, 6], time="18:00")
    assert tray.timer.isActive()
    tray.stop()
    assert not tray.timer.isActive()
    assert tray.next_deadline() is None


def test_bad_schedule_is_refused(tray: ReminderTray) -> None:
    with pytest.raises(ValueError, match="HH:MM"):
        tray.configure(enabled=True, days=[0], time="6pm")
    with pytest.raises(ValueError, match="weekday"):
        tray.configure(enabled=True, days=[8], time="18:00")


def test_without_a_tray_it_says_so_and_does_nothing(clock: FakeNow) -> None:
    if QSystemTrayIcon.isSystemTrayAvailable():
        pytest.skip("a system tray is available here")
    tray = ReminderTray(now=clock)
    try:
        assert tray.notice is not None
        assert "system tray" in tray.notice
        tray.configure(enabled=True, days=[0], time="18:00")
        assert not tray.active
        assert not tray.timer.isActive()
        clock.advance(hours=2)
        assert not tray.check()
    finally:
        tray.stop()
        tray.deleteLater()


def test_with_a_tray_the_icon_shows_while_active(clock: FakeNow) -> None:
    if not QSystemTrayIcon.isSystemTrayAvailable():
        pytest.skip("no system tray here (offscreen)")
    tray = ReminderTray(now=clock)
    try:
        assert tray.tray is not None
        tray.configure(enabled=True, days=[0], time="18:00")
        assert tray.tray.isVisible()
        tray.stop()
        assert not tray.tray.isVisible()
    finally:
        tray.stop()
        tray.deleteLater()


def test_reminder_settings_are_checked_and_reset_leniently(tmp_path: Path) -> None:
    assert Settings(reminder_days=[4, 0, 4]).reminder_days == (0, 4)  # type: ignore[arg-type]
    for bad in ({"reminder_days": [7]}, {"reminder_time": "24:00"}, {"reminder_time": "6pm"}):
        with pytest.raises(ValidationError):
            Settings.model_validate(bad)
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "version": 2,
                "reminders_enabled": True,
                "reminder_days": [1, 9],
                "reminder_time": "7:5",
            }
        )
    )
    loaded = load_settings(path)
    assert loaded.settings.reminders_enabled
    assert loaded.settings.reminder_days == Settings().reminder_days
    assert loaded.settings.reminder_time == "18:00"
    assert loaded.notice is not None
    assert "reminder_days" in loaded.notice
    save_settings(Settings(reminder_days=(5, 6), reminder_time="07:05"), path)
    assert load_settings(path).settings.reminder_days == (5, 6)
