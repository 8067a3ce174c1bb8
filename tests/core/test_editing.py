"""Quick edits for a client: each edit gives a new valid routine; the original never changes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glute_coach.core import editing
from glute_coach.core.loading import load_routine, parse_routine
from glute_coach.core.routine import ExerciseStep, RepeatStep, RestStep, Routine, Sides
from glute_coach.core.timeline import compile_timeline
from tests.conftest import ROUTINES, bundled_routine_files

BUNDLED = {path.stem: load_routine(path).routine for path in bundled_routine_files()}


@pytest.fixture
def session() -> Routine:
    """The 15-minute session: info, two exercises, a repeat of two, a rest, two tempo steps."""
    return BUNDLED["glute-session-15-min"]


def snapshot(routine: Routine) -> str:
    return json.dumps(routine.model_dump(mode="json"), sort_keys=True)


def reloads(routine: Routine) -> Routine:
    """The routine read back as a file would be: JSON text, parsed and validated."""
    return parse_routine(json.loads(json.dumps(editing.document(routine))), "edited.json")


def exercise(routine: Routine, path: editing.PathLike) -> ExerciseStep:
    step = editing.step_at(routine, path)
    assert isinstance(step, ExerciseStep)
    return step


# --- addressing --------------------------------------------------------------------------------


def test_paths_address_top_level_and_repeat_steps(session: Routine) -> None:
    paths = editing.step_paths(session)
    assert paths[:5] == [(0,), (1,), (2,), (3,), (3, 0)]
    assert isinstance(editing.step_at(session, 3), RepeatStep)
    assert exercise(session, (3, 1)).name == "Side bridge from the knees"
    assert editing.step_at(session, [1]) == editing.step_at(session, (1,))
    with pytest.raises(ValueError, match="there is no step 40"):
        editing.step_at(session, 39)
    with pytest.raises(ValueError, match=r"step 2 is not a repeat block"):
        editing.step_at(session, (1, 0))
    with pytest.raises(ValueError, match="one or more indices"):
        editing.step_at(session, ())


# --- each operation ----------------------------------------------------------------------------


def test_set_hold_changes_the_hold_and_the_total(session: Routine) -> None:
    before = snapshot(session)
    edited = editing.set_hold(session, (3, 0), 5)
    assert exercise(edited, (3, 0)).hold_s == 5
    # 8 reps x 2 rounds x 3 s shorter
    assert editing.total_seconds(edited) == editing.total_seconds(session) - 48
    assert snapshot(session) == before
    assert reloads(edited) == edited


def test_set_hold_sets_the_timing_the_step_uses(session: Routine) -> None:
    timed = editing.set_hold(session, 1, 30)  # the hip flexor stretch is a timed set
    step = exercise(timed, 1)
    assert step.duration_s == 30
    assert step.hold_s is None
    assert editing.timing_of(step) == "duration_s"
    with pytest.raises(ValueError, match="timed by its tempo"):
        editing.set_hold(session, 5, 4)  # the step-up is timed by a tempo
    with pytest.raises(ValueError, match="step 1 is not an exercise"):
        editing.set_hold(session, 0, 4)


def test_set_duration_of_rest_and_info_steps(session: Routine) -> None:
    original = editing.step_at(session, 4)
    assert isinstance(original, RestStep)
    rest = editing.set_duration(session, 4, 45)
    step = editing.step_at(rest, 4)
    assert isinstance(step, RestStep)
    assert step.duration_s == 45
    expected = editing.total_seconds(session) + 45 - original.duration_s
    assert editing.total_seconds(rest) == expected
    with pytest.raises(ValueError, match="has no duration"):
        editing.set_duration(session, 3, 10)


def test_set_reps_sets_and_rests(session: Routine) -> None:
    edited = editing.set_reps(session, 2, 10)
    edited = editing.set_sets(edited, 2, 2)
    edited = editing.set_rest(edited, 2, 20, between="sets")
    edited = editing.set_rest(edited, 2, 4, between="reps")
    step = exercise(edited, 2)
    assert (step.reps, step.sets, step.rest_between_sets_s, step.rest_between_reps_s) == (
        10,
        2,
        20,
        4,
    )
    assert editing.rest_between_reps_s(edited, step) == 4
    assert editing.rest_between_sets_s(edited, step) == 20
    assert editing.total_seconds(edited) == compile_timeline(edited).total_s
    with pytest.raises(ValueError, match="one timed set, so it has no reps"):
        editing.set_reps(session, 1, 3)
    with pytest.raises(ValueError, match="between 'reps' or 'sets'"):
        editing.set_rest(session, 2, 3, between="sides")  # type: ignore[arg-type]


def test_effective_rests_follow_the_defaults() -> None:
    routine = BUNDLED["glute-bridge-progression"]
    held = next(s for s in routine.steps if isinstance(s, ExerciseStep) and s.hold_s is not None)
    assert editing.rest_between_reps_s(routine, held) in (
        held.rest_between_reps_s,
        routine.defaults.rest_between_reps_s,
    )
    data = editing.document(BUNDLED["glute-session-15-min"])
    del data["steps"][5]["rest_between_reps_s"]  # the step-up, timed by a tempo
    session = editing.validated(data)
    tempo = exercise(session, 5)
    assert tempo.tempo is not None
    assert tempo.rest_between_reps_s is None
    assert editing.rest_between_reps_s(session, tempo) == 0  # tempo reps run on


def test_set_sides(session: Routine) -> None:
    edited = editing.set_sides(session, 2, "each")
    assert exercise(edited, 2).sides is Sides.EACH
    assert editing.total_seconds(edited) > editing.total_seconds(session)
    assert exercise(editing.set_sides(edited, 2, Sides.LEFT), 2).sides is Sides.LEFT
    with pytest.raises(ValueError, match="sides: 'both sides' is not one of both, left"):
        editing.set_sides(session, 2, "both sides")


def test_set_times_of_a_repeat_block(session: Routine) -> None:
    edited = editing.set_times(session, 3, 3)
    block = editing.step_at(edited, 3)
    assert isinstance(block, RepeatStep)
    assert block.times == 3
    assert editing.total_seconds(edited) > editing.total_seconds(session)
    with pytest.raises(ValueError, match="not a repeat block"):
        editing.set_times(session, 2, 3)


def test_remove_step(session: Routine) -> None:
    edited = editing.remove_step(session, 4)
    assert len(edited.steps) == len(session.steps) - 1
    assert not any(isinstance(s, RestStep) for s in edited.steps)
    inner = editing.remove_step(session, (3, 1))
    block = editing.step_at(inner, 3)
    assert isinstance(block, RepeatStep)
    assert [s.kind for s in block.steps] == ["exercise"]
    with pytest.raises(ValueError, match="remove the block instead"):
        editing.remove_step(inner, (3, 0))
    single = editing.validated({**editing.document(session), "steps": [session.steps[1]]})
    with pytest.raises(ValueError, match="a routine needs at least one step"):
        editing.remove_step(single, 0)


def test_move_step(session: Routine) -> None:
    edited = editing.move_step(session, 6, 0)
    assert exercise(edited, 0).name == "Split squat"
    assert editing.step_at(edited, 1) == session.steps[0]
    assert editing.total_seconds(edited) == editing.total_seconds(session)
    inner = editing.move_step(session, (3, 1), 0)
    assert exercise(inner, (3, 0)).name == "Side bridge from the knees"
    assert editing.moved_path((3, 1), 0) == (3, 0)
    assert editing.move_step(session, 2, 2) is session
    with pytest.raises(ValueError, match="positions 1 to 2, not 3"):
        editing.move_step(session, (3, 0), 2)


# --- impossible edits --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda r: editing.set_reps(r, 2, 0),
            "reps: 0 is out of range; allowed: at least 1 and at most 200",
        ),
        (
            lambda r: editing.set_hold(r, 2, 0),
            "hold: 0 is out of range; allowed: more than 0 and at most 300 seconds",
        ),
        (
            lambda r: editing.set_hold(r, 2, 301),
            "hold: 301 is out of range; allowed: more than 0 and at most 300 seconds",
        ),
        (
            lambda r: editing.set_sets(r, 2, 51),
            "sets: 51 is out of range; allowed: at least 1 and at most 50",
        ),
        (
            lambda r: editing.set_rest(r, 2, -1, between="reps"),
            "rest between reps: -1 is out of range; allowed: at least 0 and at most 120 seconds",
        ),
        (lambda r: editing.set_hold(r, 2, float("nan")), "hold: nan is not a number"),
        (lambda r: editing.set_reps(r, 2, 2.5), "reps: 2.5 is not a whole number"),
        (lambda r: editing.set_times(r, 3, 0), "rounds: 0 is out of range"),
    ],
)
def test_impossible_edits_say_why_plainly(session: Routine, edit: object, message: str) -> None:
    before = snapshot(session)
    with pytest.raises(ValueError, match=f"^{re.escape(message)}") as caught:
        edit(session)  # type: ignore[operator]
    assert "\n" not in str(caught.value)
    assert "pydantic" not in str(caught.value).lower()
    assert snapshot(session) == before


def test_an_edit_past_four_hours_is_refused(session: Routine) -> None:
    with pytest.raises(ValueError, match="lasts over 4 hours"):
        editing.set_sets(editing.set_hold(session, (3, 0), 300), (3, 0), 50)


# --- client programs ---------------------------------------------------------------------------


def test_client_program_is_a_new_routine_made_from_the_original(session: Routine) -> None:
    before = snapshot(session)
    program = editing.client_program(session, "  Jane   Doé (JD-042) ")
    assert program.id == "glute-session-15-min-jane-doe-jd-042"
    assert program.version == 1
    assert program.title == "15-minute glute session — for Jane Doé (JD-042)"
    assert program.client == "Jane Doé (JD-042)"
    assert program.based_on is not None
    assert (program.based_on.id, program.based_on.version) == (session.id, session.version)
    assert program.steps == session.steps
    assert reloads(program) == program
    assert snapshot(session) == before


def test_client_program_options_and_limits(session: Routine) -> None:
    program = editing.client_program(session, "JD-042", new_id="my-program")
    assert program.id == "my-program"
    german = editing.client_program(session, "JD-042", title_template="{title} – für {client}")
    assert german.title == "15-minute glute session – für JD-042"
    assert editing.client_program(session, "王小明").id == "glute-session-15-min-client"
    with pytest.raises(ValueError, match="name or code is required"):
        editing.client_program(session, "   ")
    with pytest.raises(ValueError, match="at most 60 characters"):
        editing.client_program(session, "x" * 61)
    with pytest.raises(ValueError, match="id: must be lower-case"):
        editing.client_program(session, "JD", new_id="Not An Id")
    long = editing.client_program(session, "a" * 60)
    assert len(long.id) <= 64
    assert long.id.startswith("glute-session-15-min-")


def test_a_program_from_a_program_names_only_the_new_client(session: Routine) -> None:
    first = editing.client_program(session, "JD-042")
    second = editing.client_program(first, "AB-7")
    assert second.id == "glute-session-15-min-ab-7"
    assert second.title == "15-minute glute session — for AB-7"
    assert second.based_on is not None
    assert second.based_on.id == first.id


def test_routines_without_the_new_keys_still_load() -> None:
    for routine in BUNDLED.values():
        assert routine.client is None
        assert routine.based_on is None
    data = json.loads((ROUTINES / "glute-bridge-progression.json").read_text())
    data["based_on"] = {"id": "x", "version": 1, "extra": 1}
    with pytest.raises(ValueError, match="unknown key 'extra'"):
        editing.validated(data)


# --- any sequence of edits -----------------------------------------------------------------------

numbers = st.one_of(
    st.sampled_from([0, -1, 0.5, 1, 2.5, 3, 8, 10, 30, 45, 120, 121, 300, 301, 1000]),
    st.floats(min_value=-10, max_value=400, allow_nan=False),
)
counts = st.integers(min_value=-1, max_value=60)
edits = st.tuples(
    st.sampled_from(
        ["hold", "duration", "reps", "sets", "rest", "sides", "times", "remove", "move"]
    ),
    st.integers(min_value=0, max_value=200),  # which step (modulo their number)
    numbers,
    counts,
    st.sampled_from(["reps", "sets"]),
    st.sampled_from(["both", "each", "left", "right"]),
)


def apply_edit(routine: Routine, edit: tuple[str, int, float, int, str, str]) -> Routine:
    op, which, seconds, count, between, sides = edit
    paths = editing.step_paths(routine)
    path = paths[which % len(paths)]
    if op == "hold":
        return editing.set_hold(routine, path, seconds)
    if op == "duration":
        return editing.set_duration(routine, path, seconds)
    if op == "reps":
        return editing.set_reps(routine, path, count)
    if op == "sets":
        return editing.set_sets(routine, path, count)
    if op == "rest":
        return editing.set_rest(routine, path, seconds, between=between)  # type: ignore[arg-type]
    if op == "sides":
        return editing.set_sides(routine, path, sides)
    if op == "times":
        return editing.set_times(routine, path, count)
    if op == "remove":
        return editing.remove_step(routine, path)
    return editing.move_step(routine, path, count % editing.sibling_count(routine, path))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(BUNDLED)), sequence=st.lists(edits, max_size=12))
def test_any_sequence_of_edits_gives_a_valid_routine(
    name: str, sequence: list[tuple[str, int, float, int, str, str]]
) -> None:
    original = BUNDLED[name]
    before = snapshot(original)
    routine = original
    for edit in sequence:
        try:
            routine = apply_edit(routine, edit)
        except ValueError as exc:
            message = str(exc)
            assert message
            assert "\n" not in message
            assert "Traceback" not in message
    loaded = reloads(routine)
    assert loaded == routine
    assert editing.total_seconds(routine) == compile_timeline(loaded).total_s
    program = editing.client_program(routine, "JD-042")
    assert reloads(program).client == "JD-042"
    assert snapshot(original) == before


def test_documents_are_what_files_hold(tmp_path: Path, session: Routine) -> None:
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(editing.document(editing.set_hold(session, (3, 0), 12))))
    loaded = load_routine(path)
    assert exercise(loaded.routine, (3, 0)).hold_s == 12
    assert "client" not in editing.document(session)
