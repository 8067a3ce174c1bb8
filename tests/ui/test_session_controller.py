"""SessionController: one clock, signals out, a 3-s get-ready on resume, a summary at the end.

Driven by a ManualClock and ``tick()`` (what the display timer calls): no sleeps.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from glute_coach.audio.null import NullAudioEngine
from glute_coach.audio.output import AudioStatus
from glute_coach.audio.session import SessionAudio
from glute_coach.audio.settings import AudioSettings
from glute_coach.core.clock import ManualClock
from glute_coach.core.engine import SessionEngine, SessionState
from glute_coach.core.loading import LoadedRoutine, load_routine
from glute_coach.core.timeline import SegmentKind
from glute_coach.storage.sessions import SessionSummary
from glute_coach.ui.session_controller import (
    FRAME_MS,
    GET_READY_S,
    SessionController,
    audio_settings_for,
    describe_steps,
)

# A short routine touching every phase the player shows (timeline, in seconds):
#  0 info "Welcome" (6) | 6 prepare (5) | 11 hold L1 (5) | 16 rest (3) | 19 hold L2 (5)
#  24 switch (4) | 28 hold R1 (5) | 33 rest (3) | 36 hold R2 (5) | 41 rest step (8)
#  49 prepare (5) | 54 work set 1 (6) | 60 rest before set 2 (5) | 65 work set 2 (6) | 71 end
ROUTINE: dict[str, Any] = {
    "format_version": 1,
    "id": "test-routine",
    "title": "Test routine",
    "summary": "For tests.",
    "level": "beginner",
    "author": "Tests",
    "defaults": {
        "prepare_s": 5,
        "countdown_beeps": 3,
        "rest_between_sets_s": 10,
        "rest_between_reps_s": 3,
        "switch_sides_s": 4,
    },
    "steps": [
        {
            "kind": "info",
            "title": "Welcome",
            "text": ["Read this first.", "Then start."],
            "duration_s": 6,
            "say": "Welcome",
        },
        {
            "kind": "exercise",
            "name": "Side bridge",
            "image": "asset:images/side-bridge-knees.svg",
            "sides": "each",
            "reps": 2,
            "hold_s": 5,
            "instructions": ["Lie on your side.", "Lift your hips."],
            "cues": {"start": {"say": "Lift"}},
        },
        {"kind": "rest", "duration_s": 8, "label": "Rest"},
        {
            "kind": "exercise",
            "name": "Glute squeeze",
            "sets": 2,
            "duration_s": 6,
            "rest_between_sets_s": 5,
        },
    ],
}
TOTAL_S = 71.0
STEP_NAMES = ["Welcome", "Side bridge", "Rest", "Glute squeeze"]
STEP_STARTS = [0.0, 6.0, 41.0, 49.0]


def write_routine(folder: Path, routine: dict[str, Any] | None = None) -> LoadedRoutine:
    path = folder / "test-routine.json"
    path.write_text(json.dumps(routine or ROUTINE), encoding="utf-8")
    return load_routine(path)


def run_for(controller: SessionController, clock: ManualClock, seconds: float) -> None:
    """Move the clock in display-frame steps, ticking like the timer would."""
    step = 0.25
    for _ in range(round(seconds / step)):
        clock.advance(step)
        controller.tick()


def run_until(controller: SessionController, clock: ManualClock, position_s: float) -> None:
    run_for(controller, clock, position_s - controller.engine.position_s())


@pytest.fixture
def loaded(tmp_path: Path) -> LoadedRoutine:
    return write_routine(tmp_path)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(100.0)


@pytest.fixture
def controller(loaded: LoadedRoutine, clock: ManualClock) -> Iterator[SessionController]:
    ctl = SessionController(loaded, clock=clock, pain_before=4)
    yield ctl
    ctl.close()


class Recorder:
    def __init__(self, controller: SessionController) -> None:
        self.frames: list[Any] = []
        self.segments: list[Any] = []
        self.cues: list[Any] = []
        self.states: list[str] = []
        self.get_ready: list[float] = []
        self.finished: list[SessionSummary] = []
        controller.frame.connect(self.frames.append)
        controller.segment_entered.connect(self.segments.append)
        controller.cue.connect(self.cues.append)
        controller.state_changed.connect(self.states.append)
        controller.get_ready.connect(self.get_ready.append)
        controller.finished.connect(self.finished.append)


# --- steps ----------------------------------------------------------------------------------


def test_steps_are_the_timeline_blocks_with_their_names(loaded: LoadedRoutine) -> None:
    steps = describe_steps(loaded)
    assert [s.name for s in steps] == STEP_NAMES
    assert [s.kind for s in steps] == ["info", "exercise", "rest", "exercise"]
    assert [s.unit for s in steps] == ["rep", "hold", "rep", "rep"]
    assert steps[1].segments == tuple(range(1, 9))
    assert steps[3].segments == (10, 11, 12, 13)


def test_repeated_steps_appear_once_per_round(tmp_path: Path) -> None:
    routine = dict(ROUTINE)
    routine["steps"] = [{"kind": "repeat", "times": 2, "steps": ROUTINE["steps"][2:]}]
    steps = describe_steps(write_routine(tmp_path, routine))
    assert [s.name for s in steps] == ["Rest", "Glute squeeze", "Rest", "Glute squeeze"]


def test_calibration_steps_are_named_by_muscle(tmp_path: Path) -> None:
    routine = dict(ROUTINE)
    routine["steps"] = [{"kind": "mvc_calibration", "muscles": ["gluteus_maximus"], "efforts": 1}]
    steps = describe_steps(write_routine(tmp_path, routine))
    assert [(s.name, s.kind) for s in steps] == [("Calibration: gluteus maximus", "calibration")]


def test_audio_settings_follow_the_user_settings() -> None:
    from glute_coach.storage.settings import Settings

    chosen = Settings(
        audio_device="USB", voice_enabled=False, voice_language="de", beep_volume=0.3, muted=True
    )
    audio = audio_settings_for(chosen)
    assert audio.device == "USB"
    assert audio.voice is False
    assert audio.language == "de"
    assert audio.beep_volume == 0.3
    assert audio.muted is True


# --- running --------------------------------------------------------------------------------


def test_ready_until_started_and_the_timer_runs_precisely(
    controller: SessionController,
) -> None:
    assert controller.state is SessionState.READY
    assert not controller.is_active()
    assert controller.timer_active
    assert controller._timer.interval() == FRAME_MS
    assert controller.snapshot().segment.index == 0
    controller.start()
    assert controller.state is SessionState.RUNNING
    assert controller.is_active()


def test_frames_segments_and_cues_follow_the_clock(
    controller: SessionController, clock: ManualClock
) -> None:
    rec = Recorder(controller)
    controller.start()
    assert rec.states == ["running"]
    assert [c.text for c in rec.cues] == ["Welcome"]
    assert rec.segments[0].index == 0
    run_for(controller, clock, 6.5)
    assert [s.kind for s in rec.segments] == [SegmentKind.INFO, SegmentKind.PREPARE]
    assert [c.text for c in rec.cues if c.text] == ["Welcome", "Side bridge, left side"]
    last = rec.frames[-1]
    assert last.position_s == pytest.approx(6.5)
    assert last.segment.kind is SegmentKind.PREPARE
    assert last.segment_left_s == pytest.approx(4.5)


def test_ticks_without_time_change_nothing(
    controller: SessionController, clock: ManualClock
) -> None:
    controller.start()
    run_for(controller, clock, 2.0)
    for _ in range(500):  # a burst of timer events moves nothing: time comes from the clock
        controller.tick()
    assert controller.snapshot().position_s == pytest.approx(2.0)


def test_reaching_the_end_emits_one_summary(
    controller: SessionController, clock: ManualClock, qtbot: QtBot
) -> None:
    rec = Recorder(controller)
    controller.start()
    with qtbot.waitSignal(controller.finished, timeout=1000) as blocker:
        run_for(controller, clock, TOTAL_S + 1)
    summary = blocker.args[0]
    assert isinstance(summary, SessionSummary)
    assert summary.completed
    assert summary.steps_done == STEP_NAMES
    assert summary.steps_skipped == []
    assert summary.routine_id == "test-routine"
    assert summary.routine_version == 1
    assert summary.title == "Test routine"
    assert summary.pain_before == 4
    assert summary.pain_after is None
    assert summary.started_at <= summary.ended_at
    assert not controller.timer_active  # nothing left to show
    assert "finished" in rec.states
    assert rec.cues[-1].text == "Routine complete. Well done."
    controller.stop()
    controller.tick()
    assert len(rec.finished) == 1
    assert controller.summary is summary


def test_stop_emits_the_summary_once_with_done_and_skipped(
    controller: SessionController, clock: ManualClock
) -> None:
    rec = Recorder(controller)
    controller.start()
    run_until(controller, clock, 20.0)
    controller.stop()
    controller.stop()
    assert controller.state is SessionState.STOPPED
    assert len(rec.finished) == 1
    summary = rec.finished[0]
    assert not summary.completed
    assert summary.steps_done == ["Welcome"]
    assert summary.steps_skipped == ["Side bridge", "Rest", "Glute squeeze"]
    assert not controller.is_active()


def test_stop_before_starting_still_reports(controller: SessionController) -> None:
    rec = Recorder(controller)
    controller.stop()
    assert rec.finished[0].steps_skipped == STEP_NAMES
    assert rec.finished[0].started_at == rec.finished[0].ended_at


def test_skipping_straight_through_a_step_leaves_it_skipped(
    controller: SessionController, clock: ManualClock
) -> None:
    rec = Recorder(controller)
    controller.start()
    controller.skip()  # Welcome: never played
    controller.skip()  # Side bridge: landed on, never played
    assert controller.snapshot().position_s == pytest.approx(STEP_STARTS[2])
    run_for(controller, clock, 1.0)  # the rest step plays
    controller.skip()
    run_until(controller, clock, 56.0)  # into Glute squeeze, then stop
    controller.stop()
    summary = rec.finished[0]
    assert summary.steps_done == ["Rest"]
    assert summary.steps_skipped == ["Welcome", "Side bridge", "Glute squeeze"]


def test_back_and_restart_move_to_step_starts(
    controller: SessionController, clock: ManualClock
) -> None:
    controller.start()
    run_until(controller, clock, 9.0)
    controller.restart_step()
    assert controller.snapshot().position_s == pytest.approx(STEP_STARTS[1])
    run_for(controller, clock, 1.0)
    controller.back()  # within 3 s of the step's start: the previous step
    assert controller.snapshot().position_s == pytest.approx(STEP_STARTS[0])


def test_a_step_played_after_going_back_counts_as_done(
    controller: SessionController, clock: ManualClock
) -> None:
    rec = Recorder(controller)
    controller.start()
    controller.skip()
    run_until(controller, clock, 7.0)
    controller.back()
    controller.back()
    run_for(controller, clock, 1.0)  # Welcome is played this time
    controller.stop()
    assert rec.finished[0].steps_done == ["Welcome"]


# --- pause and the get-ready ----------------------------------------------------------------


def test_resume_waits_three_seconds_on_the_clock(
    controller: SessionController, clock: ManualClock
) -> None:
    rec = Recorder(controller)
    controller.start()
    run_until(controller, clock, 12.0)
    controller.pause()
    assert controller.state is SessionState.PAUSED
    run_for(controller, clock, 30.0)  # a long pause moves nothing
    assert controller.snapshot().position_s == pytest.approx(12.0)

    controller.resume()
    assert controller.in_get_ready
    assert rec.get_ready[-1] == pytest.approx(GET_READY_S)
    for _ in range(1000):  # ticks are not time: still waiting
        controller.tick()
    assert controller.state is SessionState.PAUSED
    run_for(controller, clock, 1.0)
    assert rec.get_ready[-1] == pytest.approx(2.0)
    run_for(controller, clock, 1.75)
    assert controller.state is SessionState.PAUSED
    assert rec.get_ready[-1] == pytest.approx(0.25)
    run_for(controller, clock, 0.25)
    assert controller.state is SessionState.RUNNING
    assert not controller.in_get_ready
    assert rec.get_ready[-1] == 0.0
    assert controller.snapshot().position_s == pytest.approx(12.0)  # nothing was lost
    count = len(rec.get_ready)
    run_for(controller, clock, 1.0)
    assert len(rec.get_ready) == count  # no more get-ready frames after the 0
    assert controller.snapshot().position_s == pytest.approx(13.0)


def test_get_ready_is_heard_on_the_audio_clock(
    controller: SessionController, clock: ManualClock
) -> None:
    controller.start()
    run_until(controller, clock, 3.0)
    controller.pause()
    output = controller.audio.output
    assert isinstance(output, NullAudioEngine)
    before = len(output.requests)
    controller.resume()
    times = sorted(r.at for r in list(output.requests)[before:])
    # "Get ready" now, then a tick 2 s and 1 s before the deadline, on the output's own clock
    # (silent audio keeps a monotonic clock of its own; a real stream's drives the engine).
    assert len(times) == 3
    assert times[1] - times[0] == pytest.approx(1.0, abs=0.05)
    assert times[2] - times[0] == pytest.approx(2.0, abs=0.05)


def test_toggle_pause_during_get_ready_cancels_it(
    controller: SessionController, clock: ManualClock
) -> None:
    rec = Recorder(controller)
    controller.toggle_pause()  # READY: starts
    assert controller.state is SessionState.RUNNING
    run_for(controller, clock, 2.0)
    controller.toggle_pause()
    assert controller.state is SessionState.PAUSED
    controller.toggle_pause()
    assert controller.in_get_ready
    output = controller.audio.output
    assert isinstance(output, NullAudioEngine)
    controller.toggle_pause()  # changed my mind
    assert not controller.in_get_ready
    assert rec.get_ready[-1] == 0.0
    assert any(r.cancelled for r in output.requests)
    run_for(controller, clock, 5.0)
    assert controller.state is SessionState.PAUSED
    assert controller.snapshot().position_s == pytest.approx(2.0)


def test_stop_during_get_ready(controller: SessionController, clock: ManualClock) -> None:
    rec = Recorder(controller)
    controller.start()
    controller.pause()
    controller.resume()
    controller.stop()
    assert rec.get_ready[-1] == 0.0
    assert controller.state is SessionState.STOPPED
    run_for(controller, clock, 4.0)
    assert controller.state is SessionState.STOPPED


def test_resume_only_from_pause(controller: SessionController) -> None:
    controller.resume()
    assert not controller.in_get_ready
    controller.start()
    controller.resume()
    assert not controller.in_get_ready


# --- sound and display on one clock ---------------------------------------------------------


def test_frames_are_what_is_heard(loaded: LoadedRoutine, clock: ManualClock) -> None:
    """With 100 ms of output latency the screen shows the session 100 ms behind the engine."""

    def factory(engine: SessionEngine, routine: LoadedRoutine) -> SessionAudio:
        output = NullAudioEngine(clock, status=AudioStatus.PLAYING, output_latency_s=0.1)
        return SessionAudio(
            engine,
            routine.timeline,
            output,
            AudioSettings(enabled=False, voice=False),
            resolve_asset=routine.resolve_asset,
        )

    ctl = SessionController(loaded, clock=clock, audio_factory=factory)
    try:
        frames: list[Any] = []
        ctl.frame.connect(frames.append)
        ctl.start()
        run_for(ctl, clock, 6.0)
        assert ctl.engine.snapshot().segment.kind is SegmentKind.PREPARE
        assert frames[-1].segment.kind is SegmentKind.INFO  # not heard yet
        assert frames[-1].position_s == pytest.approx(5.9)
        ctl.pause()
        ctl.resume()
        run_for(ctl, clock, 3.0)
        assert ctl.state is SessionState.RUNNING
        assert ctl.get_ready_left() == pytest.approx(0.1)  # the get-ready is heard out too
        clock.advance(0.125)
        ctl.tick()
        assert ctl.get_ready_left() == 0.0
    finally:
        ctl.close()


# --- closing --------------------------------------------------------------------------------


def test_close_stops_the_timer_and_closes_the_audio(
    loaded: LoadedRoutine, clock: ManualClock
) -> None:
    ctl = SessionController(loaded, clock=clock)
    output = ctl.audio.output
    assert isinstance(output, NullAudioEngine)
    ctl.start()
    ctl.close()
    assert not ctl.timer_active
    assert output.closed
    ctl.close()  # twice is fine
    frames: list[Any] = []
    ctl.frame.connect(frames.append)
    ctl.tick()
    ctl.skip()
    ctl.stop()
    assert frames == []


def test_pause_is_announced(controller: SessionController, clock: ManualClock) -> None:
    controller.start()
    run_for(controller, clock, 1.0)
    output = controller.audio.output
    assert isinstance(output, NullAudioEngine)
    before = len(output.requests)
    controller.pause()
    assert len(output.requests) == before + 1


def test_get_ready_survives_a_change_of_clock(
    controller: SessionController, clock: ManualClock
) -> None:
    """When the audio device goes away the engine moves to another clock; 3 s stay 3 s."""
    controller.start()
    run_for(controller, clock, 1.0)
    controller.pause()
    controller.resume()
    run_for(controller, clock, 1.0)
    other = ManualClock(9000.0)
    controller.engine.set_clock(other)
    controller.tick()
    assert controller.get_ready_left() == pytest.approx(2.0)
    run_for(controller, other, 1.75)
    assert controller.state is SessionState.PAUSED
    run_for(controller, other, 0.25)
    assert controller.state is SessionState.RUNNING
    assert controller.snapshot().position_s == pytest.approx(1.0)
