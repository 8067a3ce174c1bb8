"""The feedback voice: a continuous tone whose pitch and/or loudness follows a control value.

The control thread only writes ``target`` (one attribute, atomic under the GIL). The audio
thread smooths towards it and interpolates frequency and amplitude per sample across each
block, accumulating phase so the waveform never jumps: changes glide, nothing clicks.
"""

from __future__ import annotations

import math
from enum import StrEnum

import numpy as np

from glute_coach.audio.sound import Samples


class FeedbackMode(StrEnum):
    PITCH = "pitch"  # higher value, higher note
    LOUDNESS = "loudness"  # higher value, louder
    BOTH = "both"


_SILENT = 1e-5
_TWO_PI = 2 * math.pi


class FeedbackTone:
    def __init__(
        self,
        rate: int,
        capacity: int,
        *,
        mode: FeedbackMode = FeedbackMode.PITCH,
        low_hz: float = 220.0,
        high_hz: float = 880.0,
        level: float = 0.3,
        smoothing_s: float = 0.03,
    ) -> None:
        if not 0 < low_hz < high_hz < rate / 2:
            raise ValueError("need 0 < low_hz < high_hz < rate / 2")
        self.rate = rate
        self.mode = mode
        self.low_hz = low_hz
        self.high_hz = high_hz
        self.level = level
        self.smoothing_s = smoothing_s
        self.target: float | None = None  # written by the control thread
        self._hz = low_hz
        self._amp = 0.0
        self._phase = 0.0
        self._steps = np.arange(1, capacity + 1, dtype=np.float64)
        self._hz_buf = np.zeros(capacity, dtype=np.float64)
        self._amp_buf = np.zeros(capacity, dtype=np.float64)

    def frequency_for(self, value: float) -> float:
        """Equal steps of the value are equal musical intervals (exponential mapping)."""
        if self.mode is FeedbackMode.LOUDNESS:
            return math.sqrt(self.low_hz * self.high_hz)
        return float(self.low_hz * (self.high_hz / self.low_hz) ** value)

    def amplitude_for(self, value: float) -> float:
        if self.mode is FeedbackMode.PITCH:
            return self.level
        return self.level * (0.1 + 0.9 * value)

    @property
    def sounding(self) -> bool:
        return self._amp > _SILENT or self.target is not None

    def render_add(self, mix: Samples, gain: float) -> None:
        """Add this block of tone into ``mix`` (audio thread)."""
        target = self.target
        if target is None and self._amp <= _SILENT:
            self._amp = 0.0
            return
        n = mix.size
        if target is not None:
            value = min(max(float(target), 0.0), 1.0)
            hz_target, amp_target = self.frequency_for(value), self.amplitude_for(value) * gain
            if self._amp <= _SILENT:
                self._hz = hz_target  # start on the right note instead of gliding to it
        else:
            hz_target, amp_target = self._hz, 0.0
        alpha = 1.0 - math.exp(-n / (self.smoothing_s * self.rate))
        hz_end = self._hz + (hz_target - self._hz) * alpha
        amp_end = self._amp + (amp_target - self._amp) * alpha
        if target is None and amp_end < 1e-3:
            amp_end = 0.0  # finish the fade instead of approaching zero forever
        frac = self._steps[:n] / n
        hz = self._hz_buf[:n]
        amp = self._amp_buf[:n]
        # Per-sample linear interpolation of frequency, then phase = running sum of increments.
        np.multiply(frac, hz_end - self._hz, out=hz)
        np.add(hz, self._hz, out=hz)
        np.multiply(hz, _TWO_PI / self.rate, out=hz)
        np.cumsum(hz, out=hz)
        np.add(hz, self._phase, out=hz)
        self._phase = float(hz[-1]) % _TWO_PI
        np.sin(hz, out=hz)
        np.multiply(frac, amp_end - self._amp, out=amp)
        np.add(amp, self._amp, out=amp)
        np.multiply(hz, amp, out=hz)
        np.add(mix, hz, out=mix, casting="same_kind")
        self._hz, self._amp = hz_end, amp_end
