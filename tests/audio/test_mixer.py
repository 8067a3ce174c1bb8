"""The engine's callback, driven directly with fake time info: no device involved."""

from __future__ import annotations

import numpy as np
import pytest

from glute_coach.audio.dsp import db_to_gain
from glute_coach.audio.engine import AudioEngine
from glute_coach.audio.mixer import HEADROOM_DB
from glute_coach.audio.sound import Category, Sound
from tests.audio.conftest import BLOCK, RATE, DrivenEngine, FakeStream, FakeWall

HEADROOM = db_to_gain(HEADROOM_DB)


def click(frames: int = 64, value: float = 0.5) -> Sound:
    """A sound whose first sample is non-zero, so its start is visible to the sample."""
    return Sound("click", np.full(frames, value, dtype=np.float32), RATE)


def first_sound(out: np.ndarray, after: int = 0) -> int:
    return after + int(np.flatnonzero(np.abs(out[after:]) > 1e-7)[0])


def test_the_callback_always_fills_the_whole_buffer(driven: DrivenEngine) -> None:
    out = driven.run(BLOCK * 4)
    assert not np.isnan(out).any()
    assert np.all(out == 0.0)


@pytest.mark.parametrize("at_frame", [BLOCK * 3, BLOCK * 3 + 1, BLOCK * 4 - 1, 1000, 4321])
def test_a_cue_starts_on_its_exact_sample(driven: DrivenEngine, at_frame: int) -> None:
    engine = driven.engine
    driven.run(BLOCK)  # the stream has started: the clock is anchored
    engine.play_at(click(), at_frame / RATE, category=Category.BEEPS)
    out = driven.run(BLOCK * 30)
    assert first_sound(out) + BLOCK == at_frame
    assert engine.stats().late_starts == 0


def test_placement_rounds_stream_time_to_the_nearest_sample(driven: DrivenEngine) -> None:
    driven.run(BLOCK)
    # 0.4 of a sample past frame 2000 rounds down, 0.6 rounds up.
    driven.engine.play_at(click(), (2000 + 0.4) / RATE, category=Category.BEEPS)
    driven.engine.play_at(click(), (3000 + 0.6) / RATE, category=Category.BEEPS)
    out = driven.run(BLOCK * 20)
    assert first_sound(out) + BLOCK == 2000
    assert first_sound(out, 2500) + BLOCK == 3001


def test_cues_across_a_long_session_stay_sample_exact(driven: DrivenEngine) -> None:
    """Time is counted in samples: the thousandth block is as exact as the first."""
    engine = driven.engine
    driven.run(BLOCK)
    starts = [BLOCK * 1000 + 17, BLOCK * 2000 + 255, BLOCK * 3000]
    for frame in starts:
        engine.play_at(click(), frame / RATE, category=Category.BEEPS)
    out = driven.run(BLOCK * 3001)
    found = np.flatnonzero(np.diff(np.concatenate([[0.0], np.abs(out) > 1e-7]).astype(int)) == 1)
    assert [int(f) + BLOCK for f in found] == starts


def test_irregular_callback_sizes_do_not_move_a_cue(driven: DrivenEngine) -> None:
    driven.run(BLOCK)
    driven.engine.play_at(click(), 5000 / RATE, category=Category.BEEPS)
    out = np.concatenate([driven.run(n, block=n) for n in (100, 1, 999, 3000, 77, 2000)])
    assert first_sound(out) + BLOCK == 5000


def test_the_clock_leads_the_render_position_so_now_is_never_late(driven: DrivenEngine) -> None:
    engine = driven.engine
    driven.run(BLOCK)
    for _ in range(50):
        engine.play_at(click(8), engine.clock.now(), category=Category.BEEPS)
        driven.run(BLOCK)
    assert engine.stats().late_starts == 0


def test_a_late_cue_is_played_whole_and_counted(driven: DrivenEngine) -> None:
    engine = driven.engine
    driven.run(BLOCK * 10)
    ramp = Sound("ramp", np.linspace(0.1, 0.5, 500, dtype=np.float32), RATE)
    engine.play_at(ramp, 100 / RATE, category=Category.BEEPS)  # long past
    out = driven.run(BLOCK * 4)
    assert engine.stats().late_starts == 1
    start = first_sound(out)
    assert start == 0
    np.testing.assert_allclose(out[:500], ramp.samples * HEADROOM, rtol=1e-6)


def test_overlapping_cues_mix_without_clipping(driven: DrivenEngine) -> None:
    engine = driven.engine
    driven.run(BLOCK)
    loud = Sound("loud", np.full(2000, 0.95, dtype=np.float32), RATE)
    for _ in range(6):  # 6 × 0.95 would be 5.7 × full scale
        engine.play_at(loud, 1000 / RATE, category=Category.VOICE)
    out = driven.run(BLOCK * 20)
    assert float(np.abs(out).max()) <= 1.0
    assert float(np.abs(out).max()) > 0.9  # limited, not silenced


def test_two_overlapping_cues_sum_below_the_limiter(driven: DrivenEngine) -> None:
    engine = driven.engine
    driven.run(BLOCK)
    a = Sound("a", np.full(1000, 0.3, dtype=np.float32), RATE)
    b = Sound("b", np.full(1000, 0.4, dtype=np.float32), RATE)
    engine.play_at(a, 1000 / RATE, category=Category.BEEPS)
    engine.play_at(b, 1500 / RATE, category=Category.VOICE)
    out = driven.run(BLOCK * 12)
    assert out[1000 - BLOCK] == pytest.approx(0.3 * HEADROOM)
    assert out[1600 - BLOCK] == pytest.approx(0.7 * HEADROOM)  # headroom: a plain sum


def test_cancel_pending_keeps_what_is_sounding(driven: DrivenEngine) -> None:
    engine = driven.engine
    driven.run(BLOCK)
    long = Sound("long", np.full(RATE, 0.2, dtype=np.float32), RATE)
    engine.play_at(long, 1000 / RATE, category=Category.VOICE)
    engine.play_at(click(), 20_000 / RATE, category=Category.BEEPS)
    driven.run(BLOCK * 10)  # the long sound has started
    engine.cancel_pending()
    out = driven.run(RATE)
    assert np.all(out[: 1000 + RATE - BLOCK * 11 - 10] > 0.09)  # plays to its end
    assert np.all(out[1000 + RATE - BLOCK * 11 :] == 0)  # the click never came


def test_cancel_one_handle(driven: DrivenEngine) -> None:
    engine = driven.engine
    driven.run(BLOCK)
    keep = engine.play_at(click(), 2000 / RATE, category=Category.BEEPS)
    drop = engine.play_at(click(), 4000 / RATE, category=Category.BEEPS)
    engine.cancel(drop)
    out = driven.run(BLOCK * 30)
    assert keep != drop
    assert first_sound(out) + BLOCK == 2000
    assert np.all(out[4000 - BLOCK :] == 0)


def test_silence_fades_out_within_ten_milliseconds(driven: DrivenEngine) -> None:
    engine = driven.engine
    driven.run(BLOCK)
    engine.play_at(
        Sound("hum", np.full(RATE, 0.5, dtype=np.float32), RATE),
        1000 / RATE,
        category=Category.VOICE,
    )
    driven.run(BLOCK * 10)
    engine.silence()
    out = driven.run(BLOCK * 4)
    fade = out[: round(0.008 * RATE)]
    assert np.all(np.diff(fade) <= 0)  # straight down, no step
    assert float(np.max(np.abs(np.diff(fade)))) < 0.01
    assert np.all(out[round(0.008 * RATE) :] == 0)


def test_category_volume_and_mute_glide_instead_of_stepping(driven: DrivenEngine) -> None:
    engine = driven.engine
    driven.run(BLOCK)
    engine.play_at(
        Sound("hum", np.full(RATE, 0.5, dtype=np.float32), RATE), 0.05, category=Category.VOICE
    )
    driven.run(round(0.06 * RATE))
    engine.set_volume(Category.VOICE, 0.5)
    out = driven.run(BLOCK * 2)
    assert out[-1] == pytest.approx(0.25 * HEADROOM)
    assert float(np.max(np.abs(np.diff(out)))) < 0.01
    engine.set_volume(Category.BEEPS, 0.0)  # other categories are independent
    engine.set_muted(True)
    muted = driven.run(BLOCK * 2)
    assert muted[-1] == 0.0
    assert float(np.max(np.abs(np.diff(muted)))) < 0.01


def test_output_and_clock_describe_the_stream() -> None:
    wall = FakeWall(50.0)
    engine = AudioEngine(RATE, blocksize=BLOCK, monotonic=wall)
    engine.attach(FakeStream())
    lead = FakeStream.latency + BLOCK / RATE + 0.004
    assert engine.output_latency_s == pytest.approx(lead + FakeStream.latency)
    assert engine.clock.lead_s == pytest.approx(lead)


def test_a_rate_mismatch_is_refused(driven: DrivenEngine) -> None:
    with pytest.raises(ValueError, match="22050 Hz"):
        driven.engine.play_at(
            Sound("x", np.ones(10, dtype=np.float32), 22_050), 0.0, category=Category.VOICE
        )


# --- feedback tone -----------------------------------------------------------------------------


def _zero_crossings_hz(x: np.ndarray) -> float:
    return np.count_nonzero(np.diff(np.signbit(x))) / 2 / (x.size / RATE)


def test_feedback_pitch_follows_the_value_without_clicks(driven: DrivenEngine) -> None:
    engine = driven.engine
    engine.set_feedback(0.0)
    low = driven.run(RATE // 2)
    engine.set_feedback(1.0)
    glide = driven.run(RATE // 2)
    high = glide[RATE // 4 :]
    assert _zero_crossings_hz(low[RATE // 8 :]) == pytest.approx(220, rel=0.02)
    assert _zero_crossings_hz(high) == pytest.approx(880, rel=0.02)
    # Phase-continuous: no sample-to-sample step larger than the fastest sine allows.
    whole = np.concatenate([low, glide])
    peak = float(np.abs(whole).max())
    assert float(np.abs(np.diff(whole)).max()) <= peak * 2 * np.pi * 880 / RATE * 1.05


def test_feedback_fades_out_when_cleared(driven: DrivenEngine) -> None:
    engine = driven.engine
    engine.set_feedback(0.5)
    driven.run(RATE // 4)
    engine.set_feedback(None)
    out = driven.run(RATE // 2)
    assert float(np.abs(out[-RATE // 10 :]).max()) == 0.0
    envelope = np.abs(out[: RATE // 10])
    assert float(envelope[:100].max()) > float(envelope[-100:].max())  # faded, not cut


def test_feedback_loudness_mode(driven: DrivenEngine) -> None:
    from glute_coach.audio.feedback import FeedbackMode, FeedbackTone

    wall = FakeWall()
    engine = AudioEngine(
        RATE,
        blocksize=BLOCK,
        monotonic=wall,
        feedback=FeedbackTone(RATE, 4096, mode=FeedbackMode.LOUDNESS),
    )
    engine.attach(FakeStream())
    d = DrivenEngine(engine, wall)
    engine.set_feedback(0.1)
    quiet = d.run(RATE // 2)[RATE // 4 :]
    engine.set_feedback(0.9)
    loud = d.run(RATE // 2)[RATE // 4 :]
    assert float(np.abs(loud).max()) > 4 * float(np.abs(quiet).max())
    assert _zero_crossings_hz(loud) == pytest.approx(_zero_crossings_hz(quiet), rel=0.02)


# --- music -------------------------------------------------------------------------------------


def test_music_loops_and_ducks_under_a_voice(driven: DrivenEngine) -> None:
    engine = driven.engine
    t = np.arange(RATE // 10) / RATE
    music = Sound("music", (0.4 * np.sin(2 * np.pi * 300 * t)).astype(np.float32), RATE)
    engine.set_music(music)
    voice = Sound("voice", np.zeros(RATE // 2, dtype=np.float32) + 1e-9, RATE)
    engine.play_at(voice, 1.0, category=Category.VOICE, duck_music=True)
    out = driven.run(3 * RATE)

    def level(a: float, b: float) -> float:
        return float(np.sqrt(np.mean(out[round(a * RATE) : round(b * RATE)] ** 2)))

    before, under, after = level(0.5, 0.9), level(1.1, 1.4), level(2.4, 2.9)
    assert under < before * db_to_gain(-12)
    assert after == pytest.approx(before, rel=0.05)
    # Ducking starts ahead of the voice so its first word is not masked.
    assert level(0.99, 1.0) < before * 0.5
    assert float(np.abs(np.diff(out)).max()) < 0.05  # envelope glides: no clicks
