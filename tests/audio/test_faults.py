"""No audio, lost audio, audio back: the session keeps its time and its visual cues throughout."""

from __future__ import annotations

import pytest

from glute_coach.audio.factory import open_audio
from glute_coach.audio.null import NullAudioEngine
from glute_coach.audio.output import AudioOutput, AudioStatus, AudioUnavailableError
from glute_coach.audio.scheduler import CueScheduler
from glute_coach.audio.session import SessionAudio
from glute_coach.audio.settings import AudioSettings
from glute_coach.audio.sounds import SoundBank
from glute_coach.audio.supervisor import AudioSupervisor
from glute_coach.core.clock import ManualClock, MonotonicClock
from glute_coach.core.engine import CueDue, SessionEngine
from tests.audio.conftest import RATE, DrivenEngine, FakeWall, timeline

STEPS: list[dict[str, object]] = [
    {"kind": "exercise", "name": "Glute bridge", "hold_s": 5, "reps": 3},
]


@pytest.mark.audio
def test_an_unknown_device_falls_back_to_the_monotonic_clock_with_one_warning(
    pulse_server: dict[str, str],
) -> None:
    warnings: list[str] = []
    output = open_audio(AudioSettings(device="no-such-device-glute"), warn=warnings.append)
    assert isinstance(output, NullAudioEngine)
    assert output.status is AudioStatus.UNAVAILABLE
    assert isinstance(output.clock, MonotonicClock)
    assert "no output device matching 'no-such-device-glute'" in output.reason
    assert len(warnings) == 1
    assert warnings[0].startswith("no sound: no output device matching")
    assert "shows every cue on screen" in warnings[0]


def test_without_sound_the_session_still_emits_every_visual_cue() -> None:
    tl = timeline(STEPS, prepare_s=2)
    clock = ManualClock(0.0)
    output = NullAudioEngine(clock, rate=RATE, status=AudioStatus.UNAVAILABLE, reason="no device")
    session = SessionEngine(tl, clock)
    audio = SessionAudio(session, tl, output, AudioSettings(device="nothing"))
    captions = []
    session.start()
    while clock.now() < tl.total_s + 1:
        audio.pump()
        captions += [e.cue for e in session.update() if isinstance(e, CueDue)]
        clock.advance(0.05)
    assert captions == list(tl.cues)
    assert session.clock is clock  # a stand-in's clock is never imposed as "the audio clock"


def test_sound_off_opens_nothing_and_says_nothing() -> None:
    warnings: list[str] = []
    output = open_audio(AudioSettings(enabled=False), warn=warnings.append)
    assert output.status is AudioStatus.OFF
    assert warnings == []


class Harness:
    """A session on a (fake) stream clock, a supervisor, and controllable failures."""

    def __init__(self) -> None:
        self.tl = timeline(STEPS, prepare_s=5)
        self.stream_clock = ManualClock(500.0)
        self.fallback = ManualClock(10.0)
        self.wall = FakeWall(0.0)
        self.first = NullAudioEngine(self.stream_clock, rate=RATE)
        self.session = SessionEngine(self.tl, self.stream_clock)
        self.bank = SoundBank.prepare(self.tl, rate=RATE)
        self.scheduler = CueScheduler(self.session, self.first, self.bank)
        self.warnings: list[str] = []
        self.attempts: list[float] = []
        self.failures_left = 2
        self.reopened: NullAudioEngine | None = None
        self.supervisor = AudioSupervisor(
            self.session,
            self.scheduler,
            opener=self.open,
            fallback_clock=self.fallback,
            warn=self.warnings.append,
            wall=self.wall,
        )

    def open(self) -> AudioOutput:
        self.attempts.append(self.wall.t)
        if self.failures_left:
            self.failures_left -= 1
            raise AudioUnavailableError("device busy")
        self.reopened = NullAudioEngine(ManualClock(9000.0), rate=RATE)
        return self.reopened

    def advance(self, seconds: float) -> None:
        for clock in (self.stream_clock, self.fallback):
            clock.advance(seconds)
        if self.reopened is not None:
            assert isinstance(self.reopened.clock, ManualClock)
            self.reopened.clock.advance(seconds)
        self.wall.t += seconds

    def tick(self, seconds: float, step: float = 0.05) -> None:
        for _ in range(round(seconds / step)):
            self.advance(step)
            self.supervisor.poll()
            self.scheduler.pump()
            self.session.update()


def test_losing_the_device_moves_the_session_to_the_fallback_clock_without_a_jump() -> None:
    h = Harness()
    h.session.start()
    h.tick(3.0)
    before = h.session.position_s()
    h.first.fail_reason = "the sound device stopped"
    h.supervisor.poll()
    assert h.session.clock is h.fallback
    assert h.session.position_s() == pytest.approx(before)
    assert h.supervisor.status is AudioStatus.LOST
    assert h.first.closed
    assert len(h.warnings) == 1
    assert h.warnings[0].startswith("sound lost: the sound device stopped;")
    h.tick(0.5)
    assert h.session.position_s() == pytest.approx(before + 0.5)
    # The stand-in gets the cues (nothing is heard, captions still come from the session).
    stand_in = h.scheduler.output
    assert isinstance(stand_in, NullAudioEngine)
    assert stand_in.requests


def test_reopening_backs_off_and_returns_to_an_audio_clock_without_a_jump() -> None:
    h = Harness()
    h.session.start()
    h.tick(2.0)
    h.first.fail_reason = "gone"
    h.supervisor.poll()
    lost_at = h.wall.t
    h.tick(8.0)
    # Tried after 1 s, failed; then 2 s later, failed; then 4 s later, worked.
    assert [t - lost_at for t in h.attempts] == pytest.approx([1.0, 3.0, 7.0], abs=0.16)
    assert h.reopened is not None
    assert h.session.clock is h.reopened.clock
    assert h.supervisor.status is AudioStatus.PLAYING
    assert h.session.position_s() == pytest.approx(10.0)
    assert len(h.warnings) == 1  # one line for the whole episode
    # Cues coming up are queued on the new output, at times on its clock.
    queued = h.reopened.pending
    assert queued
    assert all(r.at >= h.reopened.clock.now() for r in queued)
    assert h.supervisor.recoveries == 1


def test_a_stalled_stream_reports_failure_and_its_clock_runs_on(driven: DrivenEngine) -> None:
    engine = driven.engine
    driven.run(RATE)  # one second of callbacks
    assert engine.failed is None
    tl = timeline(STEPS, prepare_s=5)
    session = SessionEngine(tl, engine.clock)
    session.start()
    driven.run(RATE // 2)
    position = session.position_s()
    driven.wall.t += 0.6  # then the callbacks stop
    assert engine.failed == "the sound device stopped responding"
    assert engine.status is AudioStatus.LOST
    assert session.position_s() == pytest.approx(position + 0.6, abs=1e-6)  # still moving
    fallback = ManualClock(77.0)
    session.set_clock(fallback)
    assert session.position_s() == pytest.approx(position + 0.6, abs=1e-6)


def test_a_finished_stream_and_a_failing_callback_are_failures(driven: DrivenEngine) -> None:
    engine = driven.engine
    driven.run(1024)
    engine._on_finished()
    assert engine.failed == "the sound device stopped"
    engine.close()
    assert engine.failed is None  # closing on purpose is not a failure


def test_an_exception_in_the_callback_still_fills_the_buffer(driven: DrivenEngine) -> None:
    import numpy as np

    engine = driven.engine
    driven.run(256)
    engine.mixer._slots = None  # type: ignore[assignment]  # break the mixer
    out = driven.run(256)
    assert not np.isnan(out).any()
    assert engine.failed is not None
    assert engine.failed.startswith("audio callback failed")
