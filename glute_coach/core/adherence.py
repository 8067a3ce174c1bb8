"""Streaks and adherence: how regularly routines were done, from the days sessions were done.

Pure functions on dates (no clock, no Qt): the caller passes ``today``. Weeks are ISO weeks,
Monday to Sunday. The history view passes only the days of *completed* sessions.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)
ONE_WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Streaks:
    """Runs of consecutive days with at least one session, in days."""

    current: int  # the run ending today, or yesterday (today is not over yet); else 0
    longest: int  # the longest run up to today (always >= current)


@dataclass(frozen=True)
class WeekAdherence:
    """One ISO week: how many sessions were done and how many were prescribed."""

    week_start: date  # the Monday
    done: int
    prescribed: int

    @property
    def week_end(self) -> date:
        """The Sunday."""
        return self.week_start + timedelta(days=6)

    @property
    def met(self) -> bool:
        return self.done >= self.prescribed

    @property
    def ratio(self) -> float:
        """``done / prescribed`` capped at 1 (1.0 when nothing was prescribed)."""
        if self.prescribed <= 0:
            return 1.0
        return min(self.done / self.prescribed, 1.0)


def week_start(day: date) -> date:
    """The Monday of ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


def streaks(days: Iterable[date], today: date) -> Streaks:
    """The current and longest streak of consecutive days in ``days`` (repeats allowed).

    Days after ``today`` (a clock that was wrong) are ignored. The current streak is still alive
    when the last session was yesterday: it only breaks once a whole day passes without one.
    """
    unique = sorted({d for d in days if d <= today})
    if not unique:
        return Streaks(0, 0)
    longest = run = 1
    for previous, day in itertools.pairwise(unique):
        run = run + 1 if day - previous == ONE_DAY else 1
        longest = max(longest, run)
    current = run if today - unique[-1] <= ONE_DAY else 0
    return Streaks(current, longest)


def weekly_adherence(
    session_days: Iterable[date], times_per_week: int, weeks: int, today: date
) -> list[WeekAdherence]:
    """The last ``weeks`` ISO weeks up to and including ``today``'s, oldest first.

    ``session_days`` has one entry per session (two sessions on one day count twice);
    ``times_per_week`` is what the routine prescribes. The current week is still going on:
    callers may show it apart from the finished ones.
    """
    if weeks < 0:
        raise ValueError("weeks must not be negative")
    if times_per_week < 0:
        raise ValueError("times_per_week must not be negative")
    counts = Counter(week_start(d) for d in session_days if d <= today)
    this_week = week_start(today)
    starts = [this_week - ONE_WEEK * back for back in range(weeks - 1, -1, -1)]
    return [WeekAdherence(start, counts.get(start, 0), times_per_week) for start in starts]


def adherence_ratio(weeks: Sequence[WeekAdherence], *, cap: bool = True) -> float | None:
    """Sessions done over sessions prescribed across ``weeks``; None when none was prescribed.

    With ``cap`` (the default) a week counts at most what it prescribed, so extra sessions in
    one week do not make up for a missed week and the ratio stays within 0..1.
    """
    prescribed = sum(w.prescribed for w in weeks)
    if prescribed <= 0:
        return None
    done = sum(min(w.done, w.prescribed) if cap else w.done for w in weeks)
    return done / prescribed


def weeks_since(first: date, today: date) -> int:
    """How many ISO weeks from ``first``'s up to and including ``today``'s (at least 1)."""
    return max(1, (week_start(today) - week_start(first)).days // 7 + 1)
