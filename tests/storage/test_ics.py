"""The reminder schedule as iCalendar text: required properties, CRLF, folding, RRULE."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from glute_coach.storage.ics import escape_text, fold, schedule_ics, write_ics

STAMP = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def unfold(text: str) -> list[str]:
    """Content lines, as a calendar reads them (RFC 5545 section 3.1)."""
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    lines: list[str] = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def components(lines: list[str]) -> dict[str, list[dict[str, str]]]:
    """Properties of each component by name (the last component of a name wins per key)."""
    found: dict[str, list[dict[str, str]]] = {}
    stack: list[tuple[str, dict[str, str]]] = []
    for line in lines:
        name, _, value = line.partition(":")
        if name == "BEGIN":
            stack.append((value, {}))
        elif name == "END":
            kind, props = stack.pop()
            assert kind == value, f"END:{value} closes {kind}"
            found.setdefault(kind, []).append(props)
        else:
            props = stack[-1][1]
            key, _, params = name.partition(";")
            props[key] = f"{params}|{value}" if params else value
    assert not stack
    return found


def test_floating_weekly_event() -> None:
    text = schedule_ics(
        [4, 0, 2], "18:00", summary="Glute routine", start=date(2025, 3, 4), stamp=STAMP
    )
    assert "\n" not in text.replace("\r\n", "")  # every line ends in CRLF
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"
    parts = components(lines)
    cal = parts["VCALENDAR"][0]
    assert cal["VERSION"] == "2.0"
    assert cal["PRODID"]
    event = parts["VEVENT"][0]
    assert event["RRULE"] == "FREQ=WEEKLY;BYDAY=MO,WE,FR"
    assert event["DTSTART"] == "20250305T180000"  # Tuesday 4th -> first chosen day, Wednesday
    assert event["DTSTAMP"] == "20250301T090000Z"
    assert event["UID"].endswith("@glute-coach")
    assert event["SUMMARY"] == "Glute routine"
    assert event["DURATION"] == "PT30M"
    assert parts["VALARM"][0]["ACTION"] == "DISPLAY"
    assert "VTIMEZONE" not in parts


def test_uid_is_stable_for_the_same_schedule() -> None:
    def make(days: list[int]) -> str:
        text = schedule_ics(days, "18:00", summary="S", start=date(2025, 3, 3), stamp=STAMP)
        return components(unfold(text))["VEVENT"][0]["UID"]

    assert make([0, 2]) == make([2, 0])
    assert make([0, 2]) != make([0, 3])


def test_with_a_time_zone() -> None:
    text = schedule_ics(
        [0], "07:30", summary="S", start=date(2025, 3, 3), tz="Europe/Berlin", stamp=STAMP
    )
    parts = components(unfold(text))
    assert parts["VEVENT"][0]["DTSTART"] == "TZID=Europe/Berlin|20250303T073000"
    tz = parts["VTIMEZONE"][0]
    assert tz["TZID"] == "Europe/Berlin"
    daylight = parts["DAYLIGHT"][0]
    standard = parts["STANDARD"][0]
    assert daylight["DTSTART"] == "20250330T020000"
    assert (daylight["TZOFFSETFROM"], daylight["TZOFFSETTO"]) == ("+0100", "+0200")
    assert standard["DTSTART"] == "20251026T030000"
    assert (standard["TZOFFSETFROM"], standard["TZOFFSETTO"]) == ("+0200", "+0100")
    assert "20260329T020000" in daylight["RDATE"]


def test_a_zone_without_changes() -> None:
    text = schedule_ics(
        [1], "12:00", summary="S", start=date(2025, 1, 1), tz="Asia/Tokyo", stamp=STAMP
    )
    standard = components(unfold(text))["STANDARD"][0]
    assert standard["TZOFFSETFROM"] == standard["TZOFFSETTO"] == "+0900"


def test_long_lines_are_folded_at_75_octets_without_splitting_characters() -> None:
    summary = "Zeit für deine Gesäßübungen — " * 6
    text = schedule_ics(
        [0], "18:00", summary=summary, start=date(2025, 3, 3), stamp=STAMP, description="a;b,c\nd"
    )
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    event = components(unfold(text))["VEVENT"][0]
    assert event["SUMMARY"] == escape_text(summary.strip())
    assert event["DESCRIPTION"] == "a\\;b\\,c\\nd"
    assert any(line.startswith(" ") for line in text.split("\r\n"))


def test_fold_edge() -> None:
    assert fold("x" * 75) == "x" * 75
    assert fold("x" * 76) == "x" * 75 + "\r\n x"
    folded = fold("é" * 40)  # 2 octets each
    first, second = folded.split("\r\n")
    assert len(first.encode()) == 74
    assert second == " " + "é" * 3


@pytest.mark.parametrize(
    ("days", "at", "message"),
    [([], "18:00", "at least one weekday"), ([0], "25:00", "HH:MM"), ([9], "18:00", "weekday")],
)
def test_bad_schedules_are_refused(days: list[int], at: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        schedule_ics(days, at, summary="S", start=date(2025, 3, 3))


def test_unknown_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        schedule_ics([0], "18:00", summary="S", start=date(2025, 3, 3), tz="Mars/Olympus")


def test_write_ics_keeps_crlf(tmp_path: Path) -> None:
    path = write_ics(
        tmp_path / "out" / "schedule.ics", [0, 3], "06:45", summary="S", start=date(2025, 3, 3)
    )
    raw = path.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"\r\r\n" not in raw
    assert b"RRULE:FREQ=WEEKLY;BYDAY=MO,TH\r\n" in raw
    assert sorted(p.name for p in path.parent.iterdir()) == ["schedule.ics"]
