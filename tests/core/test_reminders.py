"""Reminder times: next and due reminders across weeks and daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from glute_coach.core.reminders import (
    clean_days,
    due_between,
    next_reminder,
    parse_time,
    previous_reminder,
    seconds_until,
)

BERLIN = ZoneInfo("Europe/Berlin")
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def test_no_days_no_reminder() -> None:
    assert next_reminder(datetime(2025, 3, 3, 12), [], "18:00") is None
    assert previous_reminder(datetime(2025, 3, 3, 12), [], "18:00") is None


def test_later_today() -> None:
    now = datetime(2025, 3, 3, 12, 0)  # a Monday
    assert next_reminder(now, [MON], "18:00") == datetime(2025, 3, 3, 18, 0)


def test_strictly_after_now() -> None:
    now = datetime(2025, 3, 3, 18, 0)
    assert next_reminder(now, [MON, WED], "18:00") == datetime(2025, 3, 5, 18, 0)


def test_across_the_week_boundary() -> None:
    saturday = datetime(2025, 3, 8, 20, 0)
    assert next_reminder(saturday, [MON, FRI], "07:30") == datetime(2025, 3, 10, 7, 30)
    sunday_late = datetime(2025, 3, 9, 23, 59)
    assert next_reminder(sunday_late, [SUN], "23:00") == datetime(2025, 3, 16, 23, 0)


def test_only_today_and_already_past_is_a_week_later() -> None:
    now = datetime(2025, 3, 3, 19, 0)
    assert next_reminder(now, [MON], time(18, 0)) == datetime(2025, 3, 10, 18, 0)


def test_across_the_year_boundary() -> None:
    now = datetime(2025, 12, 31, 21, 0)  # a Wednesday
    assert next_reminder(now, [THU], "09:00") == datetime(2026, 1, 1, 9, 0)


def test_dst_spring_forward_keeps_wall_time() -> None:
    # Clocks go forward on Sunday 30 March 2025 in Berlin (02:00 -> 03:00).
    now = datetime(2025, 3, 28, 19, 0, tzinfo=BERLIN)  # Friday, CET (+01:00)
    nxt = next_reminder(now, [MON], "18:00")
    assert nxt == datetime(2025, 3, 31, 18, 0, tzinfo=BERLIN)
    assert nxt is not None
    assert nxt.utcoffset() == timedelta(hours=2)  # CEST
    # The real time until it is one hour shorter than the wall-clock difference.
    assert seconds_until(now, nxt) == pytest.approx((3 * 24 - 1 - 1) * 3600)


def test_dst_fall_back_keeps_wall_time() -> None:
    # Clocks go back on Sunday 26 October 2025 (03:00 -> 02:00).
    now = datetime(2025, 10, 25, 12, 0, tzinfo=BERLIN)
    nxt = next_reminder(now, [SUN, MON], "18:00")
    assert nxt is not None
    assert (nxt.day, nxt.hour, nxt.minute) == (26, 18, 0)
    assert nxt.utcoffset() == timedelta(hours=1)
    assert seconds_until(now, nxt) == pytest.approx(31 * 3600)


def test_a_time_in_the_spring_gap_moves_past_it() -> None:
    now = datetime(2025, 3, 29, 12, 0, tzinfo=BERLIN)
    nxt = next_reminder(now, [SUN], "02:30")
    assert nxt is not None
    assert nxt.astimezone(UTC) == datetime(2025, 3, 30, 1, 30, tzinfo=UTC)
    assert (nxt.hour, nxt.minute) == (3, 30)


def test_a_repeated_time_in_autumn_is_taken_once() -> None:
    now = datetime(2025, 10, 25, 12, 0, tzinfo=BERLIN)
    first = next_reminder(now, [SUN], "02:30")
    assert first is not None
    assert first.astimezone(UTC) == datetime(2025, 10, 26, 0, 30, tzinfo=UTC)  # the first 02:30
    after_both = datetime(2025, 10, 26, 1, 45, tzinfo=UTC).astimezone(BERLIN)
    again = next_reminder(after_both, [SUN], "02:30")
    assert again is not None
    assert again.date().isoformat() == "2025-11-02"


def test_previous_reminder() -> None:
    now = datetime(2025, 3, 5, 17, 0)  # Wednesday before 18:00
    assert previous_reminder(now, [MON, WED], "18:00") == datetime(2025, 3, 3, 18, 0)
    assert previous_reminder(datetime(2025, 3, 5, 18, 0), [WED], "18:00") == datetime(
        2025, 3, 5, 18, 0
    )


def test_due_between_fires_once_and_only_when_crossed() -> None:
    days, at = [MON], "18:00"
    before = datetime(2025, 3, 3, 17, 59)
    after = datetime(2025, 3, 3, 18, 0, 30)
    assert due_between(datetime(2025, 3, 3, 17, 0), before, days, at) is None
    assert due_between(before, after, days, at) == datetime(2025, 3, 3, 18, 0)
    assert due_between(after, after + timedelta(minutes=1), days, at) is None


def test_due_between_after_a_long_sleep_is_not_shown_late() -> None:
    days, at = [MON, TUE], "18:00"
    asleep = datetime(2025, 3, 3, 17, 0)
    woke_soon = datetime(2025, 3, 3, 19, 0)
    woke_late = datetime(2025, 3, 4, 9, 0)
    assert due_between(asleep, woke_soon, days, at) == datetime(2025, 3, 3, 18, 0)
    assert due_between(asleep, woke_late, days, at) is None
    # Several missed: only the latest, and only if recent.
    assert due_between(asleep, datetime(2025, 3, 4, 18, 30), days, at) == datetime(
        2025, 3, 4, 18, 0
    )


def test_due_between_when_the_clock_goes_back() -> None:
    now = datetime(2025, 3, 3, 18, 30)
    assert due_between(now, now - timedelta(hours=1), [MON], "18:00") is None


def test_times_and_days_are_checked() -> None:
    assert parse_time("07:05") == time(7, 5)
    for bad in ("7:05", "24:00", "12:60", "noon", ""):
        with pytest.raises(ValueError, match="HH:MM"):
            parse_time(bad)
    assert clean_days([4, 0, 4]) == (0, 4)
    for bad_day in (7, -1, True):
        with pytest.raises(ValueError, match="weekday"):
            clean_days([bad_day])
