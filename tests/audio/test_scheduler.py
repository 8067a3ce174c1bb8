"""The cue scheduler with a ManualClock and the NullAudioEngine: what is queued, when, and once."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from glute_coach.audio.null import NullAudioEngine
from glute_coach.audio.scheduler import CueScheduler
from glute_coach.audio.sound import Category
from glute_coach.audio.sounds import SoundBank, SoundOptions
from glute_coach.core.clock import ManualClock
from glute_coach.core.engine import SessionEngine
from glute_coach.core.timeline import CueKind, Timeline, Tone
from tests.audio.conftest import RATE, sine, timeline, wav_bytes, write

STEPS: list[dict[str, object]] = [
    {
        "kind": "exercise",
        "name": "Glute bridge",
        "hold_s": 5,
        "reps": 2,
        "cues": {"start": {"say": "Squeeze"}, "end": {"say": "Relax"}},
    },
    {"kind": "rest", "duration_s": 4},
]


class Rig:
    def __init__(
        self, tl: Timeline, *, options: SoundOptions | None = None, start: float = 1000.0
    ) -> None:
        self.clock = ManualClock(start)
        self.output = NullAudioEngine(self.clock, rate=RATE)
        self.session = SessionEngine(tl, self.clock)
        self.warnings: list[str] = []
        self.sounds = SoundBank.prepare(tl, rate=RATE, options=options, warn=self.warnings.append)
        self.scheduler = CueScheduler(self.session, self.output, self.sounds, look_ahead_s=1.5)

    def run(self, seconds: float, step: float = 0.03) -> None:
        """Advance in pump-sized steps, as the app's loop would."""
        end = self.clock.now() + seconds
        while self.clock.now() < end - 1e-9:
            self.clock.advance(min(step, end - self.clock.now()))
            self.scheduler.pump()
            self.session.update()

    def heard_times(self) -> list[float]:
        return [round(r.at - self.anchor, 6) for r in self.output.heard]

    anchor = 1000.0


@pytest.fixture
def rig() -> Rig:
    return Rig(timeline(STEPS, prepare_s=5))


def test_every_cue_is_scheduled_once_at_its_clock_time(rig: Rig) -> None:
    rig.session.start()
    rig.scheduler.pump()
    rig.run(rig.session.timeline.total_s + 2)
    cues = rig.session.timeline.cues
    assert len(rig.output.requests) == len(cues)
    assert rig.heard_times() == [c.at_s for c in cues]
    assert rig.scheduler.scheduled == len(cues)


def test_cues_are_queued_within_the_look_ahead_only(rig: Rig) -> None:
    rig.session.start()
    rig.scheduler.pump()
    assert [r.at - 1000.0 for r in rig.output.requests] == [0.0]
    rig.run(0.6)  # now at 0.6 s: the window reaches 2.1 s
    assert [r.at - 1000.0 for r in rig.output.requests] == [0.0, 2.0]
    for record in rig.output.requests:
        assert record.at - record.requested_at <= 1.5 + 1e-9


def test_pump_timing_does_not_change_when_a_cue_is_due(rig: Rig) -> None:
    rig.session.start()
    rig.run(30, step=0.047)  # an odd cadence
    other = Rig(timeline(STEPS, prepare_s=5))
    other.session.start()
    other.run(30, step=0.013)
    assert rig.heard_times() == other.heard_times()


def test_pause_cancels_what_is_queued_and_resume_requeues_from_the_position(rig: Rig) -> None:
    rig.session.start()
    rig.run(4.2)  # queued: ticks at 5? no: the Squeeze at 5.0 (within 1.5 s)
    queued = [r.at - 1000 for r in rig.output.pending]
    assert queued == [5.0]
    rig.session.pause()
    rig.scheduler.pump()
    assert rig.output.pending == []
    rig.clock.advance(60)  # a long pause
    rig.scheduler.pump()
    assert rig.output.pending == []
    rig.session.resume()
    rig.run(rig.session.timeline.total_s)
    times = [round(r.at - 1000, 6) for r in rig.output.heard]
    before = [t for t in times if t < 4.2]
    after = [round(t - 60, 6) for t in times if t >= 4.2]
    assert before + after == [c.at_s for c in rig.session.timeline.cues]  # each heard once


def test_a_cue_at_the_pause_position_is_heard_after_resume_not_twice(rig: Rig) -> None:
    rig.session.start()
    rig.run(5.0)  # pause exactly when "Squeeze" is due
    rig.session.pause()
    rig.scheduler.pump()
    rig.session.resume()
    rig.run(1.0)
    squeezes = [r for r in rig.output.heard if r.at - 1000 == pytest.approx(5.0)]
    assert len(squeezes) == 1


def test_seek_cancels_and_requeues_including_the_cue_at_the_target(rig: Rig) -> None:
    rig.session.start()
    rig.run(8.5)
    rig.session.seek(5.0)  # back to the start of the first hold
    rig.run(0.05)
    after_seek = [r for r in rig.output.heard if r.requested_at >= 1008.5]
    assert after_seek[0].sound is rig.sounds.voices["Squeeze"]
    assert after_seek[0].at == pytest.approx(1008.5)
    assert all(
        r.cancelled for r in rig.output.requests if r.at > 1008.5 and r.requested_at < 1008.5
    )


def test_stop_silences_the_output(rig: Rig) -> None:
    rig.session.start()
    rig.run(1.0)
    rig.session.stop()
    rig.scheduler.pump()
    rig.scheduler.pump()
    assert rig.output.silenced == 1
    assert rig.output.pending == []


def test_speed_scales_clock_times() -> None:
    tl = timeline(STEPS, prepare_s=5)
    clock = ManualClock(0.0)
    output = NullAudioEngine(clock, rate=RATE)
    session = SessionEngine(tl, clock, speed=4.0)
    scheduler = CueScheduler(session, output, SoundBank.prepare(tl, rate=RATE), look_ahead_s=1.0)
    session.start()
    while clock.now() < tl.total_s / 4 + 1:
        scheduler.pump()
        clock.advance(0.02)
    assert [r.at for r in output.heard] == pytest.approx([c.at_s / 4 for c in tl.cues])


def test_sounds_by_cue_kind(rig: Rig) -> None:
    rig.session.start()
    rig.run(rig.session.timeline.total_s + 1)
    bank = rig.sounds
    for record, cue in zip(rig.output.heard, rig.session.timeline.cues, strict=True):
        if cue.kind is CueKind.VOICE:
            assert record.sound is bank.voices[cue.text or ""]
            assert record.category is Category.VOICE
            assert record.duck_music
        else:
            assert record.sound is bank.tones[cue.tone or Tone.GO]
            assert record.category is Category.BEEPS
            assert not record.duck_music


def test_missing_voice_falls_back_to_the_tone_and_warns_once(tmp_path: Path) -> None:
    tl = timeline(STEPS, prepare_s=5)
    rig = Rig(tl, options=SoundOptions(language="xx", voice_root=tmp_path))
    assert len(rig.warnings) == 1
    assert "no recorded voice in 'xx' for 4 phrase(s)" in rig.warnings[0]
    assert "a beep stands in" in rig.warnings[0]
    rig.session.start()
    rig.run(tl.total_s + 1)
    finish = rig.output.heard[-1]
    assert finish.sound is rig.sounds.tones[Tone.FINISH]
    assert len(rig.warnings) == 1


def test_german_voices_are_used_for_english_cues() -> None:
    tl = timeline(STEPS, prepare_s=5)
    english = SoundBank.prepare(tl, rate=RATE)
    german = SoundBank.prepare(tl, rate=RATE, options=SoundOptions(language="de"))
    assert (
        set(german.voices)
        == set(english.voices)
        == {"Glute bridge", "Squeeze", "Relax", "Routine complete. Well done."}
    )
    assert german.missing_voices == []
    assert german.voices["Squeeze"].frames != english.voices["Squeeze"].frames


def test_voice_off_uses_tones() -> None:
    tl = timeline(STEPS, prepare_s=5)
    bank = SoundBank.prepare(tl, rate=RATE, options=SoundOptions(voice=False))
    sound, category = bank.for_cue(tl.cues[0])
    assert sound is bank.tones[Tone.GO]
    assert category is Category.BEEPS


def test_routine_clips_resolve_against_the_routine_folder(tmp_path: Path) -> None:
    write(tmp_path / "cheer.wav", wav_bytes(sine(0.3)))
    steps: list[dict[str, object]] = [
        {
            "kind": "exercise",
            "name": "Bridge",
            "duration_s": 5,
            "cues": {"start": {"say": "Go", "clip": "cheer.wav"}},
        }
    ]
    tl = timeline(steps, prepare_s=0)
    bank = SoundBank.prepare(tl, rate=RATE, resolve_asset=lambda ref: tmp_path / ref)
    cue = next(c for c in tl.cues if c.kind is CueKind.CLIP)
    sound, category = bank.for_cue(cue)
    assert sound.duration_s == pytest.approx(0.3, abs=1e-3)
    assert category is Category.VOICE


def test_a_bad_routine_clip_fails_at_load_with_its_reference(tmp_path: Path) -> None:
    write(tmp_path / "hush.wav", wav_bytes(np.zeros(2000, dtype=np.float32)))
    steps: list[dict[str, object]] = [
        {
            "kind": "exercise",
            "name": "Bridge",
            "duration_s": 5,
            "cues": {"start": {"clip": "hush.wav"}},
        }
    ]
    from glute_coach.audio.clips import ClipError

    with pytest.raises(ClipError, match=r"^clip 'hush.wav': the clip is silent"):
        SoundBank.prepare(
            timeline(steps, prepare_s=0), rate=RATE, resolve_asset=lambda ref: tmp_path / ref
        )


def test_announce_is_not_cancelled_by_the_pause_it_announces(rig: Rig) -> None:
    rig.session.start()
    rig.run(1.0)
    rig.session.pause()
    rig.scheduler.announce("Paused")
    rig.scheduler.pump()
    paused = [r for r in rig.output.requests if r.sound is rig.sounds.voices.get("Paused")]
    assert len(paused) == 1
    assert not paused[0].cancelled
