"""The reminder schedule as an iCalendar file (RFC 5545) any calendar app can import.

One weekly recurring event (``RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR``) at the chosen local time,
with a display alarm when it starts. With a time zone (an IANA name such as ``Europe/Berlin``)
the start is written with ``TZID`` and a ``VTIMEZONE`` describing that zone's offsets and
daylight-saving changes for the coming years; without one it is a floating local time (the same
wall-clock time wherever the calendar is). Lines end in CRLF and are folded at 75 octets,
never inside a UTF-8 character.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from glute_coach.core.atomic import write_text_atomic
from glute_coach.core.reminders import WEEKDAY_CODES, clean_days, parse_time

PRODID = "-//Glute Coach//Reminders//EN"
MAX_OCTETS = 75
CRLF = "\r\n"
TIMEZONE_YEARS = 10  # the daylight-saving changes written into a VTIMEZONE
UID_NAMESPACE = uuid.UUID("4f0b7f5e-2d0c-4c71-9d55-5c1c5f6b3a10")


def escape_text(text: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, newlines as ``\\n``."""
    out = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return out.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """One content line folded to at most 75 octets per line (CRLF + space between parts)."""
    parts: list[str] = []
    current = ""
    size = 0
    limit = MAX_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append(current)
            current, size = " ", 1  # a continuation starts with one space, which counts
        current += char
        size += octets
    parts.append(current)
    return CRLF.join(parts)


def _local(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _offset(delta: timedelta | None) -> str:
    seconds = int((delta or timedelta()).total_seconds())
    sign = "-" if seconds < 0 else "+"
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")


def _zone(tz: str | ZoneInfo) -> ZoneInfo:
    try:
        return tz if isinstance(tz, ZoneInfo) else ZoneInfo(tz)
    except (ValueError, OSError) as exc:  # ZoneInfoNotFoundError is a KeyError; see below
        raise ValueError(f"unknown time zone {tz!r}") from exc
    except KeyError:
        raise ValueError(f"unknown time zone {tz!r}") from None


def _transitions(zone: ZoneInfo, first_year: int, years: int) -> list[tuple[datetime, timedelta]]:
    """(UTC instant, offset after) of each offset change from ``first_year`` on."""
    start = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(first_year + years, 1, 1, tzinfo=UTC)
    found: list[tuple[datetime, timedelta]] = []
    step = timedelta(days=1)
    moment = start
    before = moment.astimezone(zone).utcoffset()
    while moment < end:
        later = moment + step
        after = later.astimezone(zone).utcoffset()
        if after != before:
            low, high = moment, later  # the change is in (low, high]: narrow it to the second
            while high - low > timedelta(seconds=1):
                mid = low + (high - low) / 2
                mid = mid.replace(microsecond=0)
                if mid.astimezone(zone).utcoffset() == before:
                    low = mid
                else:
                    high = mid
            assert after is not None
            found.append((high, after))
            before = after
        moment = later
    return found


def vtimezone(tz: str | ZoneInfo, first_year: int, years: int = TIMEZONE_YEARS) -> list[str]:
    """A VTIMEZONE for ``tz``: one STANDARD/DAYLIGHT part per offset change (with RDATEs)."""
    zone = _zone(tz)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{zone.key}"]
    start = datetime(first_year, 1, 1, tzinfo=UTC)
    offset_before = start.astimezone(zone).utcoffset() or timedelta()
    changes = _transitions(zone, first_year, years)
    if not changes:
        name = start.astimezone(zone).tzname() or zone.key
        lines += [
            "BEGIN:STANDARD",
            f"DTSTART:{first_year:04d}0101T000000",
            f"TZOFFSETFROM:{_offset(offset_before)}",
            f"TZOFFSETTO:{_offset(offset_before)}",
            f"TZNAME:{escape_text(name)}",
            "END:STANDARD",
        ]
    groups: dict[tuple[bool, timedelta, timedelta, str], list[datetime]] = {}
    previous = offset_before
    for instant, after in changes:
        local = instant.astimezone(zone)
        # Local onsets are written in the offset that was in force before the change.
        onset = (instant + previous).replace(tzinfo=None)
        daylight = bool(local.dst())
        key = (daylight, previous, after, local.tzname() or zone.key)
        groups.setdefault(key, []).append(onset)
        previous = after
    for (daylight, offset_from, offset_to, name), onsets in groups.items():
        kind = "DAYLIGHT" if daylight else "STANDARD"
        lines += [
            f"BEGIN:{kind}",
            f"DTSTART:{_local(onsets[0])}",
            f"TZOFFSETFROM:{_offset(offset_from)}",
            f"TZOFFSETTO:{_offset(offset_to)}",
        ]
        if len(onsets) > 1:
            lines.append("RDATE:" + ",".join(_local(o) for o in onsets[1:]))
        lines += [f"TZNAME:{escape_text(name)}", f"END:{kind}"]
    lines.append("END:VTIMEZONE")
    return lines


def first_day(start: date, days: Iterable[int]) -> date:
    """The first chosen weekday on or after ``start`` (the event's first occurrence)."""
    chosen = clean_days(days)
    if not chosen:
        raise ValueError("choose at least one weekday")
    for offset in range(7):
        day = start + timedelta(days=offset)
        if day.weekday() in chosen:
            return day
    raise AssertionError("unreachable")


def schedule_ics(
    days: Iterable[int],
    time_of_day: time | str,
    *,
    summary: str,
    start: date,
    tz: str | ZoneInfo | None = None,
    duration: timedelta = timedelta(minutes=30),
    description: str | None = None,
    uid: str | None = None,
    stamp: datetime | None = None,
    alarm: bool = True,
) -> str:
    """An iCalendar text: a weekly event on ``days`` (0 = Monday) at ``time_of_day`` from ``start``.

    ``tz`` is an IANA zone (``"Europe/Berlin"``) or None for floating local time. ``uid`` is
    derived from the schedule when not given (re-importing the same schedule updates the event
    rather than adding a second); ``stamp`` (DTSTAMP) defaults to now.
    """
    chosen = clean_days(days)
    at = parse_time(time_of_day) if isinstance(time_of_day, str) else time_of_day
    if not summary.strip():
        raise ValueError("the event needs a summary")
    if duration <= timedelta():
        raise ValueError("the event needs a positive duration")
    begin = datetime.combine(first_day(start, chosen), at.replace(tzinfo=None, microsecond=0))
    zone = _zone(tz) if tz is not None else None
    byday = ",".join(WEEKDAY_CODES[d] for d in chosen)
    if uid is None:
        key = f"{byday}|{at:%H%M}|{zone.key if zone else ''}|{summary}"
        uid = f"{uuid.uuid5(UID_NAMESPACE, key)}@glute-coach"
    stamp = stamp or datetime.now(UTC)
    minutes = int(duration.total_seconds() // 60)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if zone is not None:
        lines += vtimezone(zone, begin.year)
        dtstart = f"DTSTART;TZID={zone.key}:{_local(begin)}"
    else:
        dtstart = f"DTSTART:{_local(begin)}"
    lines += [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_utc(stamp)}",
        dtstart,
        f"DURATION:PT{max(minutes, 1)}M",
        f"RRULE:FREQ=WEEKLY;BYDAY={byday}",
        f"SUMMARY:{escape_text(summary.strip())}",
    ]
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    if alarm:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape_text(summary.strip())}",
            "TRIGGER:PT0S",
            "END:VALARM",
        ]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + CRLF for line in lines)


def write_ics(
    path: Path,
    days: Iterable[int],
    time_of_day: time | str,
    *,
    summary: str,
    start: date,
    tz: str | ZoneInfo | None = None,
    description: str | None = None,
) -> Path:
    """Write ``schedule_ics(...)`` to ``path`` atomically (CRLF kept as is); returns ``path``."""
    text = schedule_ics(
        days, time_of_day, summary=summary, start=start, tz=tz, description=description
    )
    return write_text_atomic(path, text, newline="")
