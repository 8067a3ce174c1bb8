"""Progression: counting sessions, pain not worse, step ups built with the editing functions."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest

from glute_coach.core.editing import document, validated
from glute_coach.core.loading import RoutineLoadError, load_routine, parse_routine
from glute_coach.core.progression import (
    SessionFacts,
    counted_sessions,
    pain_rise,
    pain_rise_advice,
    progressed_from,
    progressed_id,
    suggest,
)
from glute_coach.core.routine import Routine
from tests.conftest import ROUTINES

T0 = datetime(2025, 3, 3, 18, 0)


def routine(progression: dict[str, Any] | None = None, **top: Any) -> Routine:
    data: dict[str, Any] = {
        "format_version": 1,
        "id": "bridges",
        "version": 2,
        "title": "Bridges",
        "summary": "Bridge holds.",
        "level": "beginner",
        "author": "Test",
        "steps": [
            {
                "kind": "exercise",
                "id": "glute-bridge",
                "name": "Glute bridge",
                "reps": 8,
                "hold_s": 10,
            },
            {
                "kind": "repeat",
                "times": 2,
                "steps": [
                    {
                        "kind": "exercise",
                        "id": "glute-bridge",
                        "name": "Glute bridge",
                        "reps": 8,
                        "hold_s": 10,
                    },
                    {
                        "kind": "exercise",
                        "id": "clam",
                        "name": "Clam",
                        "reps": 10,
                        "rep_s": 3,
                        "sets": 2,
                    },
                ],
            },
            {
                "kind": "exercise",
                "id": "march",
                "name": "March",
                "reps": 6,
                "tempo": [{"action": "raise", "s": 2}, {"action": "lower", "s": 2}],
            },
            {"kind": "exercise", "id": "plank", "name": "Plank", "duration_s": 20},
        ],
        **top,
    }
    if progression is not None:
        data["progression"] = progression
    return validated(data)


RULE = {
    "after_sessions": 3,
    "suggest": [{"step": "glute-bridge", "hold_s": 5, "up_to": 20}, {"step": "clam", "reps": 2}],
}


def sessions(
    n: int, *, before: int | None = 3, after: int | None = 3, start: int = 0
) -> list[SessionFacts]:
    return [SessionFacts(True, before, after, T0 + timedelta(days=start + i)) for i in range(n)]


def test_no_rules_no_suggestion() -> None:
    assert suggest(routine(), sessions(20)) is None


def test_not_before_enough_completed_sessions() -> None:
    r = routine(RULE)
    assert suggest(r, sessions(2)) is None
    stopped = [SessionFacts(False, 3, 3, T0 + timedelta(days=9))]
    assert suggest(r, sessions(2) + stopped) is None  # a stopped session does not count
    assert suggest(r, sessions(3)) is not None


def test_suggestion_says_what_changes_and_builds_a_valid_copy() -> None:
    r = routine(RULE)
    s = suggest(r, sessions(4))
    assert s is not None
    assert s.sessions == 3
    assert s.unrecorded_pain == 0
    assert s.describe() == ["Glute bridge: hold 10 s → 15 s", "Clam: reps 10 → 12"]
    new = s.progressed
    assert new is not None
    # Every step with the id changed, inside the repeat block too; the rest untouched.
    assert new.steps[0].hold_s == 15  # type: ignore[union-attr]
    assert new.steps[1].steps[0].hold_s == 15  # type: ignore[union-attr]
    assert new.steps[1].steps[1].reps == 12  # type: ignore[union-attr]
    assert new.steps[2] == r.steps[2]
    # The user's own copy: new id, version 1, its origin, the next stage.
    assert new.id == "bridges-step-2" == progressed_id(r)
    assert new.version == 1
    assert new.title == "Bridges — step 2"
    assert new.based_on is not None
    assert (new.based_on.id, new.based_on.version) == ("bridges", 2)
    assert new.progression is not None
    assert new.progression.stage == 2
    # Valid by construction: it survives the same parse a file goes through.
    assert parse_routine(document(new), "copy") == new
    # The original is untouched.
    assert r.steps[0].hold_s == 10  # type: ignore[union-attr]


def test_worse_pain_resets_the_count() -> None:
    r = routine(RULE)
    history = [
        *sessions(2),
        SessionFacts(True, 2, 4, T0 + timedelta(days=2)),
        *sessions(2, start=3),
    ]
    assert suggest(r, history) is None
    assert len(counted_sessions(r, history)) == 2
    assert suggest(r, [*history, *sessions(1, start=5)]) is not None


def test_worse_pain_counts_when_the_rule_does_not_ask() -> None:
    r = routine({**RULE, "pain_not_worse": False})
    assert suggest(r, sessions(3, before=1, after=5)) is not None


def test_missing_pain_is_not_worse_but_is_reported() -> None:
    r = routine(RULE)
    history = [*sessions(1, before=None), *sessions(1, after=None, start=1), *sessions(1, start=2)]
    s = suggest(r, history)
    assert s is not None
    assert s.unrecorded_pain == 2


def test_sessions_before_since_do_not_count_again() -> None:
    r = routine(RULE)
    history = sessions(5)
    assert suggest(r, history, since=T0 + timedelta(days=2)) is None  # two after it
    assert suggest(r, history, since=T0 + timedelta(days=1)) is not None


def test_other_routines_and_versions_are_ignored() -> None:
    r = routine(RULE)
    mixed = [
        SessionFacts(True, 3, 3, T0, routine_id="bridges", routine_version=2),
        SessionFacts(True, 3, 3, T0 + timedelta(days=1), routine_id="other", routine_version=2),
        SessionFacts(True, 3, 3, T0 + timedelta(days=2), routine_id="bridges", routine_version=1),
        SessionFacts(True, 3, 3, T0 + timedelta(days=3), routine_id="bridges", routine_version=2),
    ]
    assert len(counted_sessions(r, mixed)) == 2
    assert suggest(r, mixed) is None


def test_up_to_caps_and_then_next_routine() -> None:
    rule = {
        "after_sessions": 1,
        "suggest": [{"step": "glute-bridge", "hold_s": 4, "up_to": 16}],
        "next_routine": "harder-bridges",
    }
    r = routine(rule)
    first = suggest(r, sessions(1))
    assert first is not None
    assert first.describe() == ["Glute bridge: hold 10 s → 14 s"]
    assert first.progressed is not None
    second = suggest(first.progressed, sessions(1))
    assert second is not None
    assert second.describe() == ["Glute bridge: hold 14 s → 16 s"]  # capped
    assert second.progressed is not None
    assert second.progressed.id == "bridges-step-3"
    assert second.progressed.title == "Bridges — step 3"
    third = suggest(second.progressed, sessions(1))
    assert third is not None
    assert third.progressed is None
    assert third.changes == ()
    assert third.next_routine == "harder-bridges"


def test_nothing_left_and_no_next_routine_means_no_suggestion() -> None:
    r = routine(
        {"after_sessions": 1, "suggest": [{"step": "glute-bridge", "hold_s": 5, "up_to": 10}]}
    )
    assert suggest(r, sessions(3)) is None


def test_next_routine_alone() -> None:
    r = routine({"after_sessions": 2, "next_routine": "harder-bridges", "note": "Ask first."})
    s = suggest(r, sessions(2))
    assert s is not None
    assert (s.next_routine, s.progressed, s.note) == ("harder-bridges", None, "Ask first.")


def test_sets_and_timed_sets_grow() -> None:
    r = routine(
        {
            "after_sessions": 1,
            "suggest": [{"step": "plank", "hold_s": 5}, {"step": "march", "sets": 1}],
        }
    )
    s = suggest(r, sessions(1))
    assert s is not None
    assert s.describe() == ["Plank: time 20 s → 25 s", "March: sets 1 → 2"]


def test_already_progressed_is_found() -> None:
    r = routine(RULE)
    s = suggest(r, sessions(3))
    assert s is not None
    assert s.progressed is not None
    assert progressed_from(r, [routine(), s.progressed]) == s.progressed
    assert progressed_from(s.progressed, [r, s.progressed]) is None


@pytest.mark.parametrize(
    ("progression", "message"),
    [
        ({"after_sessions": 3}, "needs 'suggest'"),
        (
            {"after_sessions": 3, "suggest": [{"step": "nope", "reps": 1}]},
            "no exercise has the id 'nope'",
        ),
        ({"after_sessions": 3, "suggest": [{"step": "march", "hold_s": 2}]}, "timed by its tempo"),
        ({"after_sessions": 3, "suggest": [{"step": "plank", "reps": 2}]}, "one timed set"),
        (
            {"after_sessions": 3, "suggest": [{"step": "clam", "reps": 2, "sets": 1}]},
            "exactly one of hold_s, reps or sets",
        ),
        ({"after_sessions": 0, "next_routine": "x"}, "out of range"),
        ({"after_sessions": 3, "next_routine": "bridges"}, "names this routine itself"),
    ],
)
def test_bad_progression_blocks_are_refused(progression: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        routine(progression)


def test_pain_rise_advice() -> None:
    assert pain_rise_advice(2, 4)
    assert pain_rise_advice(0, 10)
    assert not pain_rise_advice(2, 3)
    assert not pain_rise_advice(5, 1)
    assert not pain_rise_advice(None, 8)
    assert not pain_rise_advice(3, None)
    assert pain_rise(2, 5) == 3
    assert pain_rise(5, 2) == 0


@pytest.mark.parametrize("name", ["glute-bridge-progression", "hip-flexor-lengthening-and-squeeze"])
def test_bundled_progressions_step_up_validly(name: str) -> None:
    path = ROUTINES / f"{name}.json"
    current = load_routine(path).routine
    assert current.progression is not None
    seen = 0
    while True:
        s = suggest(current, sessions(current.progression.after_sessions))
        if s is None or s.progressed is None:
            break
        assert parse_routine(document(s.progressed), "copy") == s.progressed
        assert s.progressed.safety_notes == current.safety_notes
        assert s.progressed.references == current.references
        current = s.progressed
        seen += 1
        assert seen < 20, "a progression should stop growing"
    assert seen >= 2


def test_bundled_file_keeps_references_and_safety_notes() -> None:
    data = json.loads((ROUTINES / "glute-bridge-progression.json").read_text(encoding="utf-8"))
    assert data["references"]
    assert data["safety_notes"]
    with pytest.raises(RoutineLoadError):
        parse_routine({**data, "progression": {"after_sessions": 3}}, "x")


def test_progressed_id_fits_64_characters() -> None:
    r = routine(RULE, id="b" * 64)
    s = suggest(r, sessions(3))
    assert s is not None
    assert s.progressed is not None
    assert len(s.progressed.id) <= 64
    assert s.progressed.id.endswith("-step-2")
