"""Every bundled routine loads, compiles and speaks the way the evidence does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from glute_coach.core.loading import load_routine
from glute_coach.core.routine import CalibrationStep, ExerciseStep, RepeatStep, Routine
from glute_coach.core.timeline import SegmentKind
from tests.conftest import bundled_routine_files

FILES = bundled_routine_files()
# Glutes do not switch off or forget; they can be weak, poorly coordinated or inhibited by pain.
MYTH_WORDS = re.compile(
    r"\b(asleep|sleeping|switched off|switch off|shut off|dormant|amnesi\w*|dead butt|forg[eo]t)\b",
    re.I,
)


def test_there_are_the_seven_bundled_routines() -> None:
    assert len(FILES) >= 7


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_bundled_routine_loads_and_compiles(path: Path) -> None:
    loaded = load_routine(path)
    assert loaded.routine.id == path.stem
    assert loaded.timeline.total_s > 60
    assert loaded.routine.references, "bundled routines cite their evidence"
    assert loaded.routine.safety_notes


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_bundled_routine_language_follows_the_evidence(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = MYTH_WORDS.findall(text)
    assert not found, f"{path.name} uses myth language: {found}"


def _by_id(routine_id: str) -> Routine:
    return load_routine(next(p for p in FILES if p.stem == routine_id)).routine


def _exercise_names(routine: Routine) -> list[str]:
    def walk(steps: list) -> list[str]:  # type: ignore[type-arg]
        out: list[str] = []
        for step in steps:
            if isinstance(step, RepeatStep):
                out += walk(step.steps)
            elif isinstance(step, ExerciseStep):
                out.append(step.name.lower())
        return out

    return walk(routine.steps)


def test_hip_flexors_are_lengthened_before_the_squeeze() -> None:
    names = _exercise_names(_by_id("hip-flexor-lengthening-and-squeeze"))
    stretch = next(i for i, n in enumerate(names) if "hip flexor" in n)
    squeeze = next(i for i, n in enumerate(names) if "squeeze" in n)
    assert stretch < squeeze


def test_full_session_is_about_fifteen_minutes_in_order() -> None:
    path = next(p for p in FILES if p.stem == "glute-session-15-min")
    loaded = load_routine(path)
    assert 13 * 60 <= loaded.timeline.total_s <= 17 * 60
    names = _exercise_names(loaded.routine)
    order = ["hip flexor", "squeeze", "bridge", "side bridge", "step-up", "split squat"]
    positions = [next(i for i, n in enumerate(names) if key in n) for key in order]
    assert positions == sorted(positions)


def test_biofeedback_session_calibrates_first_and_sets_targets() -> None:
    routine = _by_id("biofeedback-session")
    first_timed = next(s for s in routine.steps if s.kind != "info")
    assert isinstance(first_timed, CalibrationStep)
    targets = [s.target for s in routine.steps if isinstance(s, ExerciseStep) and s.target]
    assert targets
    assert all(t.mvc_percent for t in targets)
    timeline = load_routine(next(p for p in FILES if p.stem == "biofeedback-session")).timeline
    assert any(s.kind is SegmentKind.CALIBRATE for s in timeline.segments)


def test_bundled_files_are_pretty_and_utf8() -> None:
    for path in FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["format_version"] == 1
