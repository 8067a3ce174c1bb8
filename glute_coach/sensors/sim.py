"""A simulated EMG or pressure sensor that responds to cues.

EMG: white noise band-passed 20–450 Hz (causal, state carried between blocks), its amplitude
following an activation envelope. A "squeeze"/"start" cue raises activation after a random
150–400 ms latency to a target level (the right side, odd channels, ``right_factor`` weaker);
"relax"/"end" lowers it. Pressure: a 40 mmHg baseline, slow drift, noise, and a rise with
activation. Deterministic for a seed; the clock is injected and :meth:`SimSource.generate` can be
driven directly by tests without any real time passing.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Sequence
from typing import Literal

import numpy as np
from scipy import signal

from glute_coach.sensors.source import Block, Clock, FloatArray, ThreadedSource

ACTIVATE = frozenset({"squeeze", "start", "on", "contract"})
RELAX = frozenset({"relax", "end", "off", "rest"})


def _names(kind: str, channels: int) -> list[str]:
    if channels == 2:
        return ["left", "right"] if kind == "emg" else ["left pressure", "right pressure"]
    if channels == 1:
        return ["emg"] if kind == "emg" else ["pressure"]
    return [f"{'L' if i % 2 == 0 else 'R'}{i // 2 + 1}" for i in range(channels)]


class SimSource(ThreadedSource):
    def __init__(
        self,
        channels: int = 2,
        fs: float = 1000.0,
        kind: Literal["emg", "pressure"] = "emg",
        seed: int | None = None,
        *,
        clock: Clock = time.monotonic,
        block_ms: float = 20.0,
        right_factor: float = 0.85,
        latency_range: tuple[float, float] = (0.15, 0.40),
        rest_mv: float = 0.005,
        max_mv: float = 0.4,
        stall_timeout: float = 1.0,
        keep_blocks: int = 0,
    ) -> None:
        unit = "mV" if kind == "emg" else "mmHg"
        super().__init__(
            _names(kind, channels),
            [unit] * channels,
            fs,
            clock=clock,
            stall_timeout=stall_timeout,
            keep_blocks=keep_blocks,
        )
        self.kind = kind
        self.n_channels = channels
        self.block_size = max(1, round(fs * block_ms / 1000.0))
        self.latency_range = latency_range
        self.rest_mv = rest_mv
        self.max_mv = max_mv
        self._rng = np.random.default_rng(seed)
        self._cue_rng = np.random.default_rng(None if seed is None else seed + 1)
        self.gains: FloatArray = np.array(
            [1.0 if i % 2 == 0 else right_factor for i in range(channels)], dtype=np.float64
        )
        self._cue_lock = threading.Lock()
        self._cue_times: list[float] = []
        self._cue_levels: list[float] = []
        self._t_next: float | None = None
        # activation envelope: first-order low-pass (tau 60 ms) of the target level
        tau = 0.06
        a = 1.0 - math.exp(-1.0 / (fs * tau))
        self._env_b = np.array([a])
        self._env_a = np.array([1.0, -(1.0 - a)])
        self._env_zi = np.zeros((1, channels))
        high = min(450.0, 0.45 * fs)
        low = min(20.0, high / 2)
        self._sos = signal.butter(4, [low, high], btype="bandpass", fs=fs, output="sos")
        self._sos_zi = np.zeros((self._sos.shape[0], 2, channels))
        self._noise_scale = 1.0 / math.sqrt((high - low) / (fs / 2))
        self._phase = self._rng.uniform(0, 2 * math.pi, size=(2, channels))

    # --- cues -------------------------------------------------------------------------------
    def on_cue(self, kind: str, at_time: float | None = None, level: float = 1.0) -> float:
        """Schedule the response to a cue; return when the activation starts to change."""
        kind = kind.lower()
        if kind in ACTIVATE:
            target = level
        elif kind in RELAX:
            target = 0.0
        else:
            raise ValueError(f"unknown cue {kind!r}")
        at = self._clock() if at_time is None else at_time
        latency = float(self._cue_rng.uniform(*self.latency_range))
        if kind in RELAX:
            latency *= 0.5  # relaxing follows the cue faster than contracting
        effective = at + latency
        with self._cue_lock:
            i = int(np.searchsorted(self._cue_times, effective, side="right"))
            self._cue_times.insert(i, effective)
            self._cue_levels.insert(i, target)
        return effective

    def _targets(self, times: FloatArray) -> FloatArray:
        with self._cue_lock:
            cue_t = np.array(self._cue_times)
            levels = np.array(self._cue_levels)
            # forget cues superseded before this block
            keep = max(0, int(np.searchsorted(cue_t, times[0], side="right")) - 1)
            if keep:
                del self._cue_times[:keep], self._cue_levels[:keep]
        if cue_t.size == 0:
            return np.zeros((times.size, self.n_channels))
        idx = np.searchsorted(cue_t, times, side="right") - 1
        level = np.where(idx >= 0, levels[np.maximum(idx, 0)], 0.0)
        return level[:, None] * self.gains[None, :]

    # --- samples ----------------------------------------------------------------------------
    def generate(self, n_samples: int) -> Block:
        """The next ``n_samples`` samples, continuing from the previous call."""
        fs = self.sample_rate
        if self._t_next is None:
            self._t_next = self._clock()
        t0 = self._t_next
        times = t0 + np.arange(n_samples, dtype=np.float64) / fs
        target = self._targets(times) if n_samples else np.zeros((0, self.n_channels))
        env, self._env_zi = signal.lfilter(
            self._env_b, self._env_a, target, axis=0, zi=self._env_zi
        )
        noise = self._rng.standard_normal((n_samples, self.n_channels))
        if self.kind == "emg":
            band, self._sos_zi = signal.sosfilt(self._sos, noise, axis=0, zi=self._sos_zi)
            data = band * self._noise_scale * (self.rest_mv + self.max_mv * env)
        else:
            tt = times[:, None]
            drift = 1.0 * np.sin(2 * np.pi * 0.05 * tt + self._phase[0]) + 0.5 * np.sin(
                2 * np.pi * 0.13 * tt + self._phase[1]
            )
            data = 40.0 + drift + 15.0 * env + 0.2 * noise
        self._t_next = t0 + n_samples / fs
        return Block(t0, fs, np.ascontiguousarray(data, dtype=np.float64))

    def activation_at(self, times: Sequence[float]) -> FloatArray:
        """The target activation (before smoothing) at the given times, for tests and display."""
        return self._targets(np.asarray(times, dtype=np.float64))

    # --- thread -----------------------------------------------------------------------------
    def _open(self) -> None:
        if self._t_next is None:
            self._t_next = self._clock()

    def _read(self, timeout: float) -> Block | None:
        assert self._t_next is not None
        fs = self.sample_rate
        lag = self._clock() - self._t_next
        due = int(lag * fs)
        if due < self.block_size:
            wait = (self.block_size - due) / fs
            if wait > timeout:
                self._stop.wait(timeout)
                return None
            self._stop.wait(wait)
            due = int((self._clock() - self._t_next) * fs)
            if due < self.block_size:
                return None
        # after a long pause (a suspended laptop) do not flood: restart at now
        if due > 10 * self.block_size:
            self._t_next = self._clock() - self.block_size / fs
            due = self.block_size
        return self.generate(min(due, 4 * self.block_size))
