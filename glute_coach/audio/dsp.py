"""Offline signal helpers used at load time (never in the audio callback, except SoftLimiter)."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
from scipy.signal import resample_poly

from glute_coach.audio.sound import Samples

DEFAULT_FADE_S = 0.005
# Loudness target for every cue sound (gated RMS, a simple stand-in for LUFS).
TARGET_RMS_DB = -18.0
PEAK_CEILING = 0.89  # -1 dBFS: normalising never makes a clip clip
SILENCE_PEAK = 10 ** (-60 / 20)


def db_to_gain(db: float) -> float:
    return float(10 ** (db / 20))


def gain_to_db(gain: float) -> float:
    return 20 * math.log10(max(gain, 1e-12))


def fade_curve(frames: int) -> Samples:
    """Raised-cosine ramp from 0 towards 1 (smooth at both ends, so no click)."""
    if frames <= 0:
        return np.zeros(0, dtype=np.float32)
    i = np.arange(frames, dtype=np.float64)
    return (0.5 - 0.5 * np.cos(np.pi * i / frames)).astype(np.float32)


def apply_fades(
    samples: Samples,
    rate: int,
    fade_in_s: float = DEFAULT_FADE_S,
    fade_out_s: float = DEFAULT_FADE_S,
) -> Samples:
    """A copy with short fades at both ends; fades shrink on very short sounds."""
    out = np.array(samples, dtype=np.float32, copy=True)
    half = out.size // 2
    n_in = min(round(fade_in_s * rate), half)
    n_out = min(round(fade_out_s * rate), half)
    if n_in:
        out[:n_in] *= fade_curve(n_in)
    if n_out:
        out[out.size - n_out :] *= fade_curve(n_out)[::-1]
    return out


def to_mono(frames: npt.NDArray[np.floating]) -> Samples:
    """Average channels (a downmix that keeps the level of centred material)."""
    mono = frames if frames.ndim == 1 else frames.mean(axis=1, dtype=np.float64)
    return np.asarray(mono, dtype=np.float32)


def resample(samples: Samples, from_rate: int, to_rate: int) -> Samples:
    """Polyphase resampling by the exact rational ratio (e.g. 22050 → 48000 is 320/147)."""
    if from_rate == to_rate:
        return samples.astype(np.float32)
    g = math.gcd(from_rate, to_rate)
    out = resample_poly(samples.astype(np.float64), to_rate // g, from_rate // g)
    return np.asarray(out, dtype=np.float32)


def gated_rms(samples: Samples, rate: int, window_s: float = 0.05, gate_db: float = -50.0) -> float:
    """RMS over 50 ms windows, ignoring near-silent ones and those 20 dB below the loudest.

    Like the gates in EBU R128, this keeps pauses between words from making a phrase
    seem quieter than it sounds.
    """
    win = max(1, round(window_s * rate))
    n = samples.size // win
    if n == 0:
        return float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
    blocks = samples[: n * win].astype(np.float64).reshape(n, win)
    power = np.mean(blocks * blocks, axis=1)
    absolute = power > db_to_gain(gate_db) ** 2
    if not absolute.any():
        return float(np.sqrt(power.mean()))
    relative = power >= power[absolute].max() * db_to_gain(-20.0) ** 2
    return float(np.sqrt(power[absolute & relative].mean()))


def normalise_loudness(
    samples: Samples, rate: int, target_db: float = TARGET_RMS_DB, ceiling: float = PEAK_CEILING
) -> Samples:
    """Scale to the target gated RMS, then down again if that would push a peak past the ceiling."""
    rms = gated_rms(samples, rate)
    peak = float(np.max(np.abs(samples)))
    if rms <= 0 or peak <= 0:
        return samples.astype(np.float32)
    gain = min(db_to_gain(target_db) / rms, ceiling / peak)
    return (samples * np.float32(gain)).astype(np.float32)


class SoftLimiter:
    """A memoryless soft clipper: transparent below ``threshold``, never beyond ±1.

    Above the threshold the excess is squeezed by tanh into the remaining headroom.
    Scratch buffers are allocated once, so ``process`` is safe in the audio callback.
    """

    def __init__(self, capacity: int, threshold: float = 0.8) -> None:
        if not 0 < threshold < 1:
            raise ValueError("threshold must be between 0 and 1")
        self.threshold = np.float32(threshold)
        self._knee = np.float32(1 - threshold)
        self._magnitude = np.zeros(capacity, dtype=np.float32)
        self._excess = np.zeros(capacity, dtype=np.float32)

    def process(self, buf: Samples) -> None:
        n = buf.size
        mag = self._magnitude[:n]
        np.abs(buf, out=mag)
        if float(mag.max(initial=0.0)) <= self.threshold:
            return
        excess = self._excess[:n]
        np.subtract(mag, self.threshold, out=excess)
        np.maximum(excess, 0, out=excess)
        np.divide(excess, self._knee, out=excess)
        np.tanh(excess, out=excess)
        np.multiply(excess, self._knee, out=excess)
        np.minimum(mag, self.threshold, out=mag)
        np.add(mag, excess, out=mag)
        np.minimum(mag, 1.0, out=mag)  # float rounding may land a hair above 1
        np.copysign(mag, buf, out=buf)
