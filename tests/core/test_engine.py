"""The session engine against an injected clock: no drift, every cue once and in order."""

from __future__ import annotations

import random

import pytest

from glute_coach.core.clock import ManualClock
from glute_coach.core.engine import (
    CueDue,
    Event,
    Seeked,
    SegmentEntered,
    SessionEngine,
    SessionState,
)
from glute_coach.core.routine import Routine
from glute_coach.core.timeline import SegmentKind, Timeline, compile_timeline


def _routine(**overrides: object) -> Routine:
    data: dict[str, object] = {
        "format_version": 1,
        "id": "engine-test",
        "title": "Engine test",
        "summary": "A small routine for engine tests.",
        "level": "beginner",
        "author": "tests",
        "steps": [
            {
                "kind": "exercise",
                "name": "Glute squeeze",
                "sides": "each",
                "sets": 2,
                "reps": 3,
                "hold_s": 5,
                "cues": {"start": {"say": "Squeeze"}, "end": {"say": "Relax"}},
            },
            {"kind": "rest", "duration_s": 20},
            {
                "kind": "exercise",
                "name": "Hip flexor stretch",
                "duration_s": 30,
                "cues": {"halfway": True},
            },
        ],
    }
    data.update(overrides)
    return Routine.model_validate(data)


@pytest.fixture
def timeline() -> Timeline:
    return compile_timeline(_routine())


def _cues(events: list[Event]) -> list[CueDue]:
    return [e for e in events if isinstance(e, CueDue)]


def test_runs_to_the_end_with_every_cue_once_in_order(timeline: Timeline) -> None:
    clock = ManualClock()
    engine = SessionEngine(timeline, clock)
    engine.start()
    heard: list[CueDue] = []
    while engine.state is SessionState.RUNNING:
        clock.advance(0.25)
        heard += _cues(engine.update())
    assert [c.cue for c in heard] == list(timeline.cues)
    assert engine.state is SessionState.FINISHED
    assert engine.position_s() == pytest.approx(timeline.total_s)


def test_one_late_tick_delivers_everything_it_spanned_in_order(timeline: Timeline) -> None:
    clock = ManualClock()
    engine = SessionEngine(timeline, clock)
    engine.start()
    clock.advance(timeline.total_s + 100)  # the machine slept through the whole routine
    events = engine.update()
    assert [c.cue for c in _cues(events)] == list(timeline.cues)
    entered = [e.segment for e in events if isinstance(e, SegmentEntered)]
    assert entered == list(timeline.segments)
    times = [
        e.cue.at_ms if isinstance(e, CueDue) else e.segment.start_ms
        for e in events
        if isinstance(e, (CueDue, SegmentEntered))
    ]
    assert times == sorted(times)


def test_two_hour_session_with_irregular_ticks_and_pauses_has_zero_drift() -> None:
    routine = _routine(
        steps=[
            {
                "kind": "repeat",
                "times": 45,
                "steps": [
                    {
                        "kind": "exercise",
                        "name": "Bridge hold",
                        "reps": 5,
                        "hold_s": 7.3,
                        "rest_between_reps_s": 2.9,
                        "cues": {"start": {"say": "Lift"}},
                    },
                    {"kind": "rest", "duration_s": 41.7},
                    {
                        "kind": "exercise",
                        "name": "Side bridge",
                        "sides": "each",
                        "duration_s": 23.1,
                    },
                ],
            }
        ]
    )
    timeline = compile_timeline(routine)
    assert timeline.total_s > 2 * 3600
    rng = random.Random(20261121)
    clock = ManualClock(start=1_000_000.0)
    engine = SessionEngine(timeline, clock)
    engine.start()
    running_time = 0.0  # the truth, accumulated independently of the engine
    heard: list[CueDue] = []
    while engine.state is not SessionState.FINISHED:
        dt = rng.choice([rng.uniform(0.0, 0.05), rng.uniform(0.05, 0.3), rng.uniform(0.3, 4.0)])
        clock.advance(dt)
        if engine.state is SessionState.RUNNING:
            running_time += dt
        if rng.random() < 0.002:
            if engine.state is SessionState.RUNNING:
                engine.pause()
            else:
                engine.resume()
        if engine.state is SessionState.RUNNING:
            expected = min(running_time, timeline.total_s)
            assert engine.position_s() == pytest.approx(expected, abs=1e-6)
        heard += _cues(engine.update())
        if engine.state is SessionState.PAUSED and rng.random() < 0.5:
            engine.resume()
    assert [c.cue for c in heard] == list(timeline.cues)


def test_pause_freezes_position_and_silences_cues(timeline: Timeline) -> None:
    clock = ManualClock()
    engine = SessionEngine(timeline, clock)
    engine.start()
    clock.advance(12.34)
    engine.update()
    engine.pause()
    frozen = engine.position_s()
    clock.advance(600)
    assert engine.position_s() == frozen
    assert _cues(engine.update()) == []
    engine.resume()
    clock.advance(1)
    assert engine.position_s() == pytest.approx(frozen + 1)


def test_early_and_repeated_ticks_emit_nothing_twice(timeline: Timeline) -> None:
    clock = ManualClock()
    engine = SessionEngine(timeline, clock)
    engine.start()
    seen: list[CueDue] = []
    for _ in range(50):
        seen += _cues(engine.update())  # clock has not moved
    clock.advance(10.0)  # exactly at the first exercise's start
    seen += _cues(engine.update())
    seen += _cues(engine.update())
    assert len(seen) == len({id(c.cue) for c in seen})
    assert [c.cue for c in seen] == [c for c in timeline.cues if c.at_ms <= 10_000]


def test_skip_back_and_restart_step(timeline: Timeline) -> None:
    clock = ManualClock()
    engine = SessionEngine(timeline, clock)
    engine.start()
    starts = timeline.block_starts_ms
    clock.advance(20)
    engine.update()
    assert engine.skip()
    assert engine.position_s() * 1000 == starts[1]
    events = engine.update()
    assert isinstance(events[0], SegmentEntered)
    assert events[0].segment.kind is SegmentKind.REST
    clock.advance(5)
    assert engine.restart_step()
    assert engine.position_s() * 1000 == starts[1]
    assert engine.back()  # just inside a step: back goes to the previous one
    assert engine.position_s() == 0
    clock.advance(50)
    engine.back()  # well inside: back restarts this step
    assert engine.position_s() == 0
    # skipping past the last step finishes the routine
    for _ in range(len(starts)):
        engine.skip()
    engine.update()
    assert engine.state is SessionState.FINISHED


def test_cue_at_a_seek_target_fires_after_the_seek(timeline: Timeline) -> None:
    clock = ManualClock()
    engine = SessionEngine(timeline, clock)
    seen: list[Event] = []
    engine.subscribe(seen.append)
    engine.start()
    engine.skip()
    engine.update()
    target_ms = timeline.block_starts_ms[1]
    assert any(isinstance(e, Seeked) for e in seen)
    assert [c.cue.at_ms for c in _cues(seen)] == [
        c.at_ms for c in timeline.cues if c.at_ms == target_ms
    ]


def test_changing_clock_does_not_jump(timeline: Timeline) -> None:
    audio_clock = ManualClock(start=5.0)
    engine = SessionEngine(timeline, audio_clock)
    engine.start()
    audio_clock.advance(17.5)
    before = engine.position_s()
    fallback = ManualClock(start=98765.0)
    engine.set_clock(fallback)
    assert engine.position_s() == pytest.approx(before)
    fallback.advance(2.5)
    assert engine.position_s() == pytest.approx(before + 2.5)


def test_speed_factor_and_clock_mapping(timeline: Timeline) -> None:
    clock = ManualClock(start=100.0)
    engine = SessionEngine(timeline, clock, speed=10)
    assert engine.clock_time_at(5.0) is None
    engine.start()
    clock.advance(1.0)
    assert engine.position_s() == pytest.approx(10.0)
    assert engine.clock_time_at(30.0) == pytest.approx(103.0)


def test_invalid_transitions_are_ignored(timeline: Timeline) -> None:
    engine = SessionEngine(timeline, ManualClock())
    assert not engine.pause()
    assert not engine.resume()
    assert engine.start()
    assert not engine.start()
    assert engine.stop()
    assert not engine.seek(10)
    assert engine.update() == []


def test_snapshot_reports_time_left(timeline: Timeline) -> None:
    clock = ManualClock()
    engine = SessionEngine(timeline, clock)
    engine.start()
    clock.advance(11.5)
    snap = engine.snapshot()
    assert snap.segment.kind is SegmentKind.HOLD
    assert snap.segment_left_s == pytest.approx(3.5)
    assert snap.routine_left_s == pytest.approx(timeline.total_s - 11.5)
    assert 0 < snap.progress < 1


def test_user_countdown_length_replaces_the_routine_default() -> None:
    routine = _routine()
    ticks = [c for c in compile_timeline(routine).cues if c.role.value == "countdown"]
    fewer = [
        c for c in compile_timeline(routine, countdown_beeps=1).cues if c.role.value == "countdown"
    ]
    none = [
        c for c in compile_timeline(routine, countdown_beeps=0).cues if c.role.value == "countdown"
    ]
    assert len(fewer) < len(ticks)
    assert none == []
