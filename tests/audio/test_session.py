"""SessionAudio: the one object the CLI and the app use for sound."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from glute_coach.audio.null import NullAudioEngine
from glute_coach.audio.output import AudioStatus
from glute_coach.audio.session import SessionAudio, open_session_audio, silent_session_audio
from glute_coach.audio.settings import AudioSettings
from glute_coach.audio.sound import Category
from glute_coach.core.clock import ManualClock
from glute_coach.core.engine import SessionEngine
from glute_coach.core.timeline import Timeline
from tests.audio.conftest import RATE, sine, timeline, wav_bytes, write

STEPS: list[dict[str, object]] = [
    {"kind": "exercise", "name": "Glute bridge", "hold_s": 5, "reps": 2}
]


@dataclass(frozen=True)
class Loaded:
    timeline: Timeline
    folder: Path

    def resolve_asset(self, ref: str) -> Path:
        return self.folder / ref


def make(
    latency: float = 0.03, settings: AudioSettings | None = None
) -> tuple[SessionAudio, NullAudioEngine, ManualClock]:
    tl = timeline(STEPS, prepare_s=5)
    clock = ManualClock(0.0)
    output = NullAudioEngine(clock, rate=RATE, output_latency_s=latency)
    session = SessionEngine(tl, ManualClock(0.0))
    audio = SessionAudio(session, tl, output, settings or AudioSettings())
    return audio, output, clock


def test_a_playing_output_takes_over_the_session_clock() -> None:
    audio, output, _ = make()
    assert audio.session.clock is output.clock
    assert audio.status is AudioStatus.PLAYING


def test_the_display_shows_what_is_heard() -> None:
    audio, _, clock = make(latency=0.03)
    audio.session.start()
    clock.advance(5.01)  # position 5.01: the hold began 10 ms ago, but it is heard in 20 ms
    snap = audio.display_snapshot()
    assert snap.position_s == pytest.approx(4.98)
    assert snap.segment.label.startswith("Get ready")
    clock.advance(0.03)
    assert audio.display_snapshot().segment.label == "Glute bridge"
    audio.session.pause()
    assert audio.display_snapshot().position_s == pytest.approx(5.04)  # paused: exact


def test_sound_off_changes_nothing_and_loads_no_voices(tmp_path: Path) -> None:
    tl = timeline(STEPS, prepare_s=5)
    clock = ManualClock(3.0)
    session = SessionEngine(tl, clock)
    warnings: list[str] = []
    with open_session_audio(
        session, Loaded(tl, tmp_path), enabled=False, warn=warnings.append
    ) as audio:
        assert audio.status is AudioStatus.OFF
        assert session.clock is clock
        assert audio.scheduler.sounds.voices == {}
    assert warnings == []
    assert silent_session_audio(session, tl).status is AudioStatus.OFF


def test_settings_reach_the_output_and_survive_a_new_device() -> None:
    settings = AudioSettings(voice_volume=0.7, beep_volume=0.2, muted=True)
    audio, output, _ = make(settings=settings)
    assert output.volumes[Category.VOICE] == 0.7
    assert output.volumes[Category.BEEPS] == 0.2
    assert output.muted
    audio.set_volume(Category.FEEDBACK, 0.4)
    audio.set_feedback(0.8)
    fresh = NullAudioEngine(ManualClock(50.0), rate=RATE)
    audio._adopt(fresh)
    assert fresh.volumes[Category.FEEDBACK] == 0.4
    assert fresh.volumes[Category.VOICE] == 0.7
    assert fresh.muted
    assert fresh.feedback == 0.8


def test_music_may_be_long_and_is_quieter_than_cues(tmp_path: Path) -> None:
    audio, output, _ = make()
    path = write(tmp_path / "music.wav", wav_bytes(sine(90, rate=8_000, amplitude=0.9), rate=8_000))
    audio.set_music(path)
    assert output.music is not None
    assert output.music.duration_s == pytest.approx(90, abs=0.01)
    rms = float(np.sqrt(np.mean(output.music.samples**2)))
    assert rms < 0.06  # about -26 dBFS
    audio.set_music(None)
    assert output.music is None


def test_announce_speaks_now() -> None:
    audio, output, clock = make()
    audio.session.start()
    clock.advance(1.0)
    audio.announce("Paused")
    record = output.requests[-1]
    assert record.at == pytest.approx(clock.now())
    assert record.category is Category.VOICE


def test_close_closes_the_output_and_stops_feedback() -> None:
    audio, output, _ = make()
    audio.set_feedback(0.5)
    audio.close()
    assert output.closed
    assert output.feedback is None


def test_closing_after_the_scheduler_was_closed_still_closes_the_output() -> None:
    # The app closes the scheduler when a routine ends, then the output after the last sound.
    audio, output, _ = make()
    audio.scheduler.close()
    audio.close()
    assert output.closed


def test_the_band_chimes_play_now_on_the_feedback_channel() -> None:
    audio, output, clock = make()
    clock.advance(2.0)
    audio.chime("enter")
    audio.chime("leave")
    enter, leave = list(output.requests)[-2:]
    assert enter.sound.name == "chime:enter"
    assert leave.sound.name == "chime:leave"
    assert enter.at == pytest.approx(clock.now())
    assert enter.category is Category.FEEDBACK
    assert enter.sound.duration_s < 0.5
