"""Times are whole milliseconds: work the schema allows must never round away."""

from __future__ import annotations

from glute_coach.core.loading import parse_routine
from glute_coach.core.timeline import SegmentKind, compile_timeline


def test_a_sub_millisecond_hold_compiles_to_one_millisecond() -> None:
    routine = parse_routine(
        {
            "format_version": 1,
            "id": "tiny",
            "title": "Tiny",
            "summary": "x",
            "level": "beginner",
            "author": "tests",
            "steps": [{"kind": "exercise", "name": "A", "reps": 2, "hold_s": 0.0004}],
        },
        "tiny.json",
    )
    holds = [s for s in compile_timeline(routine).segments if s.kind is SegmentKind.HOLD]
    assert [s.duration_ms for s in holds] == [1, 1]
