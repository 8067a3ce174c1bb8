"""Fades, limiter, loudness, and the built-in beeps."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from glute_coach.audio.dsp import (
    SoftLimiter,
    apply_fades,
    db_to_gain,
    fade_curve,
    gated_rms,
    resample,
)
from glute_coach.audio.synth import BEEP_RMS_DB, ToneBank, synth_tone
from glute_coach.core.timeline import Tone

RATE = 48_000


def test_fade_curve_is_a_raised_cosine_from_zero() -> None:
    curve = fade_curve(240)  # 5 ms at 48 kHz
    assert curve.size == 240
    assert curve[0] == 0.0
    assert np.all(np.diff(curve) > 0)
    assert curve[-1] < 1.0
    assert curve[120] == pytest.approx(0.5, abs=1e-6)
    # Flat at both ends: the first and last steps are the smallest (no corner, no click).
    steps = np.diff(curve)
    assert steps[0] < steps[119]
    assert steps[-1] < steps[119]


def test_apply_fades_shapes_both_ends_and_keeps_the_middle() -> None:
    ones = np.ones(RATE // 10, dtype=np.float32)
    faded = apply_fades(ones, RATE, 0.005, 0.010)
    n_in, n_out = 240, 480
    np.testing.assert_allclose(faded[:n_in], fade_curve(n_in))
    np.testing.assert_allclose(faded[-n_out:], fade_curve(n_out)[::-1])
    assert np.all(faded[n_in:-n_out] == 1.0)
    assert ones[0] == 1.0  # the input is not modified


def test_fades_shrink_on_very_short_sounds() -> None:
    faded = apply_fades(np.ones(100, dtype=np.float32), RATE, 0.01, 0.01)
    assert faded[0] == 0.0
    assert faded.size == 100


@settings(max_examples=200, deadline=None)
@given(arrays(np.float32, st.integers(1, 2048), elements=st.floats(-64, 64, width=32)))
def test_limiter_never_exceeds_full_scale(block: np.ndarray) -> None:
    limiter = SoftLimiter(2048, 0.8)
    out = block.copy()
    limiter.process(out)
    assert float(np.abs(out).max()) <= 1.0
    assert np.all(np.sign(out) == np.sign(block))  # shape kept: no polarity flips


def test_limiter_is_transparent_below_threshold_and_monotonic_above() -> None:
    limiter = SoftLimiter(4096, 0.8)
    quiet = np.linspace(-0.8, 0.8, 4001, dtype=np.float32)
    out = quiet.copy()
    limiter.process(out)
    np.testing.assert_array_equal(out, quiet)
    ramp = np.linspace(0, 10, 4096, dtype=np.float32)
    limited = ramp.copy()
    limiter.process(limited)
    assert np.all(np.diff(limited) >= 0)
    assert limited[-1] <= 1.0


def test_resample_keeps_duration_and_pitch() -> None:
    t = np.arange(22_050) / 22_050
    tone = np.sin(2 * np.pi * 1000 * t).astype(np.float32)
    out = resample(tone, 22_050, RATE)
    assert out.size == RATE
    crossings = np.count_nonzero(np.diff(np.signbit(out[1000:-1000])))
    assert crossings / ((RATE - 2000) / RATE) == pytest.approx(2000, rel=0.01)


def test_gated_rms_ignores_silence_between_words() -> None:
    word = np.sin(np.linspace(0, 2000 * np.pi, RATE // 2)).astype(np.float32) * 0.1
    with_pause = np.concatenate([word, np.zeros(RATE, dtype=np.float32), word])
    assert gated_rms(with_pause, RATE) == pytest.approx(gated_rms(word, RATE), rel=0.01)


def _dominant_hz(samples: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(samples, 1 << 16))
    return float(np.fft.rfftfreq(1 << 16, 1 / RATE)[np.argmax(spectrum)])


def test_each_tone_is_distinct() -> None:
    bank = ToneBank(RATE)
    sounds = {tone: bank[tone].samples for tone in Tone}
    signatures = {(round(s.size / RATE, 2), round(_dominant_hz(s))) for s in sounds.values()}
    assert len(signatures) == len(Tone), signatures
    for (a, x), (b, y) in itertools.combinations(sounds.items(), 2):
        n = min(x.size, y.size)
        similarity = float(np.dot(x[:n], y[:n]) / (np.linalg.norm(x[:n]) * np.linalg.norm(y[:n])))
        assert similarity < 0.5, f"{a} and {b} sound alike ({similarity:.2f})"


def test_tones_tell_phases_apart_by_shape() -> None:
    bank = ToneBank(RATE)
    assert bank[Tone.TICK].duration_s < bank[Tone.GO].duration_s  # tick is the shortest
    assert bank[Tone.FINISH].duration_s == max(bank[t].duration_s for t in Tone)
    end = bank[Tone.END].samples
    half = end.size // 2
    assert _dominant_hz(end[:half]) > _dominant_hz(end[half:])  # end falls


def test_single_beep_option_makes_every_tone_the_same() -> None:
    bank = ToneBank(RATE, single_beep=True)
    first = bank[Tone.TICK]
    assert all(bank[tone] is first for tone in Tone)


def test_tones_are_click_free_and_equally_loud() -> None:
    for tone in Tone:
        samples = synth_tone(tone, RATE).samples
        assert abs(samples[0]) < 1e-6
        assert abs(samples[-1]) < 0.01
        assert gated_rms(samples, RATE) == pytest.approx(db_to_gain(BEEP_RMS_DB), rel=0.02)
        assert float(np.abs(samples).max()) < 0.9
