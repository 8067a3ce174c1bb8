"""Streaks and weekly adherence against a routine's prescribed frequency."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glute_coach.core.adherence import (
    Streaks,
    WeekAdherence,
    adherence_ratio,
    streaks,
    week_start,
    weekly_adherence,
    weeks_since,
)

TODAY = date(2025, 3, 12)  # a Wednesday


def days_ago(*offsets: int) -> list[date]:
    return [TODAY - timedelta(days=n) for n in offsets]


def test_no_sessions_no_streak() -> None:
    assert streaks([], TODAY) == Streaks(0, 0)


def test_a_session_today_is_a_streak_of_one() -> None:
    assert streaks(days_ago(0), TODAY) == Streaks(1, 1)


def test_the_streak_is_alive_when_the_last_session_was_yesterday() -> None:
    assert streaks(days_ago(1, 2, 3), TODAY) == Streaks(3, 3)


def test_the_streak_breaks_after_a_whole_day_without_a_session() -> None:
    assert streaks(days_ago(2, 3, 4), TODAY) == Streaks(0, 3)


def test_repeats_on_one_day_count_once_and_the_longest_run_is_kept() -> None:
    days = days_ago(0, 0, 1, 5, 6, 7, 8, 8, 20)
    assert streaks(days, TODAY) == Streaks(2, 4)


def test_days_after_today_are_ignored() -> None:
    assert streaks(days_ago(-1, -2, 0), TODAY) == Streaks(1, 1)


def test_week_start_is_monday() -> None:
    assert week_start(TODAY) == date(2025, 3, 10)
    assert week_start(date(2025, 3, 10)) == date(2025, 3, 10)
    assert week_start(date(2025, 3, 16)) == date(2025, 3, 10)  # Sunday


def test_weekly_adherence_counts_sessions_per_iso_week() -> None:
    days = [
        date(2025, 3, 10),  # this week (Mon..Sun 10..16)
        date(2025, 3, 12),
        date(2025, 3, 3),  # last week
        date(2025, 3, 9),  # Sunday of last week
        date(2025, 3, 9),  # twice that day
        date(2025, 3, 8),
        date(2025, 2, 20),  # three weeks back
        date(2025, 3, 13),  # tomorrow: not yet
    ]
    weeks = weekly_adherence(days, 3, 4, TODAY)
    assert [w.week_start for w in weeks] == [
        date(2025, 2, 17),
        date(2025, 2, 24),
        date(2025, 3, 3),
        date(2025, 3, 10),
    ]
    assert [w.done for w in weeks] == [1, 0, 4, 2]
    assert all(w.prescribed == 3 for w in weeks)
    assert weeks[2].met
    assert not weeks[3].met
    assert weeks[2].ratio == 1.0
    assert weeks[3].ratio == pytest.approx(2 / 3)
    assert weeks[3].week_end == date(2025, 3, 16)


def test_adherence_ratio_caps_each_week_unless_told_not_to() -> None:
    weeks = [
        WeekAdherence(date(2025, 3, 3), 5, 3),
        WeekAdherence(date(2025, 3, 10), 0, 3),
    ]
    assert adherence_ratio(weeks) == pytest.approx(0.5)
    assert adherence_ratio(weeks, cap=False) == pytest.approx(5 / 6)
    assert adherence_ratio([]) is None


def test_weeks_since_counts_the_current_week() -> None:
    assert weeks_since(TODAY, TODAY) == 1
    assert weeks_since(date(2025, 3, 9), TODAY) == 2
    assert weeks_since(date(2025, 1, 1), TODAY) == 11


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="weeks"):
        weekly_adherence([], 3, -1, TODAY)
    with pytest.raises(ValueError, match="times_per_week"):
        weekly_adherence([], -1, 4, TODAY)
    assert weekly_adherence([], 3, 0, TODAY) == []


# --- properties ------------------------------------------------------------------------------

day_lists = st.lists(st.integers(min_value=-5, max_value=120), max_size=60).map(
    lambda offsets: [TODAY - timedelta(days=n) for n in offsets]
)


@given(day_lists)
def test_longest_streak_is_at_least_the_current_one(days: list[date]) -> None:
    result = streaks(days, TODAY)
    assert 0 <= result.current <= result.longest
    past = {d for d in days if d <= TODAY}
    assert result.longest <= len(past)
    assert (result.longest == 0) == (not past)


@given(day_lists)
def test_streaks_do_not_depend_on_order_or_repeats(days: list[date]) -> None:
    assert streaks(days, TODAY) == streaks(sorted(set(days), reverse=True), TODAY)


@given(day_lists, st.integers(min_value=1, max_value=21), st.integers(min_value=0, max_value=20))
def test_capped_ratios_are_between_0_and_1(days: list[date], times: int, weeks: int) -> None:
    result = weekly_adherence(days, times, weeks, TODAY)
    assert len(result) == weeks
    assert all(0.0 <= w.ratio <= 1.0 for w in result)
    ratio = adherence_ratio(result)
    if weeks == 0:
        assert ratio is None
    else:
        assert ratio is not None
        assert 0.0 <= ratio <= 1.0
    starts = [w.week_start for w in result]
    assert all(s.weekday() == 0 for s in starts)
    assert all(b - a == timedelta(days=7) for a, b in itertools.pairwise(starts))
    assert sum(w.done for w in result) <= sum(1 for d in days if d <= TODAY)


@given(st.integers(min_value=1, max_value=21), st.integers(min_value=0, max_value=10))
def test_empty_history_is_zero_everywhere(times: int, weeks: int) -> None:
    assert streaks([], TODAY) == Streaks(0, 0)
    result = weekly_adherence([], times, weeks, TODAY)
    assert all(w.done == 0 and w.ratio == 0.0 for w in result)
    assert adherence_ratio(result) in (None, 0.0)
