"""Properties every compiled timeline has, for any valid routine hypothesis can build."""

from __future__ import annotations

from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from glute_coach.core.routine import Routine
from glute_coach.core.timeline import CueKind, Timeline, TimelineError
from glute_coach.core.timeline import compile_timeline as _compile


def compile_timeline(routine: Routine) -> Timeline:
    """Compile, setting aside the generated routines the compiler refuses as over 4 hours (a
    rule of its own, tested elsewhere): nested repeats multiply quickly."""
    try:
        return _compile(routine)
    except TimelineError as exc:
        assume("lasts over" not in str(exc))
        raise


seconds = st.sampled_from([0.5, 1, 1.5, 2, 3, 4.25, 5, 7.3, 10, 12.5, 30, 45])
maybe_rest = st.sampled_from([0, 0, 1, 2.5, 3, 10])
cue = st.one_of(
    st.none(),
    st.builds(lambda text: {"say": text}, st.sampled_from(["Squeeze", "Relax", "Lift", "Hold"])),
)


@st.composite
def exercises(draw: st.DrawFn) -> dict[str, Any]:
    timing = draw(st.sampled_from(["duration_s", "hold_s", "tempo", "rep_s"]))
    step: dict[str, Any] = {
        "kind": "exercise",
        "name": draw(st.sampled_from(["Glute bridge", "Side bridge", "Split squat"])),
        "sides": draw(st.sampled_from(["both", "left", "right", "each"])),
        "sets": draw(st.integers(1, 3)),
        "rest_between_sets_s": draw(maybe_rest),
        "rest_between_reps_s": draw(maybe_rest),
        "rest_between_sides_s": draw(maybe_rest),
        "switch_sides_s": draw(maybe_rest),
        "prepare_s": draw(maybe_rest),
    }
    if timing == "duration_s":
        step["duration_s"] = draw(seconds)
    else:
        step["reps"] = draw(st.integers(1, 4))
        if timing == "tempo":
            step["tempo"] = [
                {
                    "action": a,
                    "s": draw(seconds.filter(lambda v: v <= 30)),
                    **({"say": "Down"} if draw(st.booleans()) else {}),
                }
                for a in draw(
                    st.lists(
                        st.sampled_from(["lower", "hold", "raise", "pause"]), min_size=1, max_size=3
                    )
                )
            ]
        else:
            step[timing] = draw(seconds)
    cues: dict[str, Any] = {"countdown": draw(st.integers(0, 4))}
    for key in ("start", "end"):
        value = draw(cue)
        if value:
            cues[key] = value
    if draw(st.booleans()):
        cues["halfway"] = True
    if draw(st.booleans()):
        cues["at"] = [{"offset_s": draw(st.sampled_from([-2, 1, 3, 100])), "say": "Breathe"}]
    step["cues"] = cues
    return step


leaf = st.one_of(
    exercises(),
    st.builds(lambda d: {"kind": "rest", "duration_s": d}, seconds),
    st.builds(
        lambda d: {"kind": "info", "title": "Why", "text": ["Because."], "duration_s": d}, seconds
    ),
    st.builds(
        lambda n, sides: {
            "kind": "mvc_calibration",
            "muscles": ["gluteus_maximus"] * n,
            "sides": sides,
            "efforts": 2,
            "effort_s": 3,
            "rest_s": 5,
        },
        st.integers(1, 2),
        st.sampled_from(["each", "both", "left"]),
    ),
)


def _block_of(
    children: st.SearchStrategy[list[dict[str, Any]]],
) -> st.SearchStrategy[list[dict[str, Any]]]:
    repeat = st.builds(
        lambda t, s, r: {"kind": "repeat", "times": t, "steps": s, "rest_between_s": r},
        st.integers(1, 3),
        children,
        maybe_rest,
    )
    return st.lists(st.one_of(leaf, repeat), min_size=1, max_size=3)


# Repeat blocks nested up to three deep, the most the format allows.
steps = _block_of(_block_of(_block_of(st.lists(leaf, min_size=1, max_size=3))))


@st.composite
def routines(draw: st.DrawFn) -> Routine:
    return Routine.model_validate(
        {
            "format_version": 1,
            "id": "prop",
            "title": "Property",
            "summary": "Generated.",
            "level": "beginner",
            "author": "hypothesis",
            "defaults": {
                "prepare_s": draw(maybe_rest),
                "countdown_beeps": draw(st.integers(0, 5)),
                "rest_between_steps_s": draw(maybe_rest),
                "voice": draw(st.booleans()),
            },
            "steps": draw(steps),
        }
    )


@settings(max_examples=300, deadline=None)
@given(routines())
def test_segments_are_contiguous_and_sum_to_total(routine: Routine) -> None:
    timeline = compile_timeline(routine)
    assert timeline.segments[0].start_ms == 0
    for before, after in zip(timeline.segments, timeline.segments[1:], strict=False):
        assert after.start_ms == before.end_ms  # no gap, no overlap
    assert all(s.duration_ms > 0 for s in timeline.segments)
    assert timeline.total_ms == sum(s.duration_ms for s in timeline.segments)
    assert timeline.total_ms == timeline.segments[-1].end_ms
    assert [s.index for s in timeline.segments] == list(range(len(timeline.segments)))


@settings(max_examples=300, deadline=None)
@given(routines())
def test_every_cue_is_inside_its_segment_and_in_time_order(routine: Routine) -> None:
    timeline = compile_timeline(routine)
    for cue in timeline.cues:
        seg = timeline.segments[cue.segment]
        assert seg.start_ms <= cue.at_ms <= seg.end_ms
    times = [c.at_ms for c in timeline.cues]
    assert times == sorted(times)
    assert len(times) == len(set(times))  # one heard cue per instant
    if not routine.defaults.voice:
        assert all(c.kind is not CueKind.VOICE for c in timeline.cues)
    assert timeline.cues[-1].at_ms == timeline.total_ms  # the routine ends with its finish cue


@settings(max_examples=100, deadline=None)
@given(routines())
def test_compilation_is_deterministic(routine: Routine) -> None:
    assert compile_timeline(routine) == compile_timeline(routine)
    again = Routine.model_validate_json(routine.model_dump_json())
    assert compile_timeline(again) == compile_timeline(routine)


@settings(max_examples=100, deadline=None)
@given(routines())
def test_segment_lookup_agrees_with_segment_bounds(routine: Routine) -> None:
    timeline = compile_timeline(routine)
    for seg in timeline.segments:
        assert timeline.segment_index_at(seg.start_ms) == seg.index
        assert timeline.segment_index_at(seg.end_ms - 0.5) == seg.index
