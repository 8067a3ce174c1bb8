"""Reminder times: chosen weekdays at one local time of day. Pure; ``now`` is always passed in.

Weekdays are Python's: 0 = Monday … 6 = Sunday. Times are wall-clock times in ``now``'s zone:
with a ``zoneinfo`` zone a reminder at 18:00 stays at 18:00 across daylight-saving changes; a
time that does not exist that day (02:30 when clocks go forward) falls on the first moment after
the gap (03:30); a time that happens twice (clocks go back) is taken the first time. Naive
datetimes are local wall-clock times.

Nothing here counts ticks: whoever checks asks "which reminder fell between the last check and
now?" (``due_between``), so a sleep, a wake-up or a late timer cannot lose or double one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

WEEKDAYS = range(7)
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # RFC 5545 BYDAY, Monday first
DEFAULT_GRACE = timedelta(hours=2)  # a reminder missed by more (e.g. asleep) is not shown late
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def parse_time(text: str) -> time:
    """``"18:05"`` -> ``time(18, 5)``; ValueError unless a 24-hour ``HH:MM``."""
    match = _TIME.match(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"a reminder time is HH:MM on a 24-hour clock, got {text!r}")
    return time(int(match.group(1)), int(match.group(2)))


def clean_days(days: Iterable[int]) -> tuple[int, ...]:
    """Sorted weekday numbers without repeats; ValueError for anything but 0 … 6."""
    out: set[int] = set()
    for day in days:
        if isinstance(day, bool) or not isinstance(day, int) or day not in WEEKDAYS:
            raise ValueError(f"a weekday is a number from 0 (Monday) to 6 (Sunday), got {day!r}")
        out.add(day)
    return tuple(sorted(out))


def _as_time(at: time | str) -> time:
    return parse_time(at) if isinstance(at, str) else at.replace(tzinfo=None)


def reminder_on(day: date, at: time | str, like: datetime) -> datetime:
    """The reminder on ``day`` as a datetime in ``like``'s zone (gaps moved past, see above)."""
    wall = datetime.combine(day, _as_time(at))
    if like.tzinfo is None:
        return wall
    aware = wall.replace(tzinfo=like.tzinfo)
    # Round trip through UTC: a time inside a spring-forward gap becomes the time after it.
    return aware.astimezone(UTC).astimezone(like.tzinfo)


def _stamp(moment: datetime) -> float:
    """A comparable instant (naive = local wall clock), so fold and offsets are respected."""
    return moment.timestamp()


def next_reminder(now: datetime, days: Iterable[int], at: time | str) -> datetime | None:
    """The first reminder strictly after ``now``; None when no day is chosen."""
    chosen = clean_days(days)
    if not chosen:
        return None
    today = now.date()
    for offset in range(8):  # today's may be past: the same weekday next week is 7 days on
        day = today + timedelta(days=offset)
        if day.weekday() in chosen:
            moment = reminder_on(day, at, now)
            if _stamp(moment) > _stamp(now):
                return moment
    raise AssertionError("unreachable: a chosen weekday recurs within 8 days")


def previous_reminder(now: datetime, days: Iterable[int], at: time | str) -> datetime | None:
    """The last reminder at or before ``now``; None when no day is chosen."""
    chosen = clean_days(days)
    if not chosen:
        return None
    today = now.date()
    for offset in range(8):
        day = today - timedelta(days=offset)
        if day.weekday() in chosen:
            moment = reminder_on(day, at, now)
            if _stamp(moment) <= _stamp(now):
                return moment
    raise AssertionError("unreachable: a chosen weekday recurs within 8 days")


def due_between(
    last_check: datetime,
    now: datetime,
    days: Iterable[int],
    at: time | str,
    *,
    grace: timedelta = DEFAULT_GRACE,
) -> datetime | None:
    """The reminder to show now: the latest one after ``last_check`` and at or before ``now``.

    At most one, however many were missed (after a long sleep only the latest could matter),
    and only when it is no more than ``grace`` old. None when the clock went backwards.
    """
    if _stamp(now) <= _stamp(last_check):
        return None
    latest = previous_reminder(now, days, at)
    if latest is None or _stamp(latest) <= _stamp(last_check):
        return None
    if _stamp(now) - _stamp(latest) > grace.total_seconds():
        return None
    return latest


def seconds_until(now: datetime, moment: datetime) -> float:
    """Real seconds from ``now`` to ``moment`` (negative when past), offsets included."""
    return _stamp(moment) - _stamp(now)
