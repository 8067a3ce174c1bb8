"""Causal, block-wise signal processing for EMG and pressure biofeedback.

Every stateful class here takes blocks shaped ``(n_samples, n_channels)`` and carries its state
across calls, so feeding a signal in blocks of any size gives the same output as feeding it whole
(to rounding). Work inside a block is vectorised with numpy; Python loops only run over events
(threshold crossings), never over samples.

Pipeline for surface EMG (field notes §6; De Luca et al. 2010, SENIAM)::

    raw -> sanitise (NaN/inf: hold last) -> band-pass 20-450 Hz (+ optional 50/60 Hz notch)
        -> full-wave rectification -> moving RMS (default 100 ms) = envelope
        -> %MVC (optional) -> OnsetDetector / RepCounter / ZoneTimer

No Qt here: this module is used by the app, the CLI and tests alike.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from scipy import signal

FloatArray = npt.NDArray[np.float64]

# --- defaults, with their reasons -------------------------------------------------------------

#: Band of surface EMG: 20 Hz high-pass removes movement artefact, 450 Hz low-pass keeps the
#: whole sEMG spectrum (De Luca et al. 2010; Delsys hardware uses the same band).
EMG_BAND_HZ: tuple[float, float] = (20.0, 450.0)
#: When fs is too low for 450 Hz (OpenBCI Ganglion 200 Hz, Cyton 250 Hz) the upper edge is moved
#: to this fraction of fs, safely below Nyquist (0.5 fs).
HIGH_EDGE_FRACTION_OF_FS = 0.45
#: Butterworth orders, as second-order sections (numerically safe at low cut-offs): a 4th-order
#: high-pass (> 40 dB down at 5 Hz) and a 6th-order low-pass: 4th order only gives ~17 dB at
#: 600 Hz for fs 2 kHz (bilinear warping squeezes the transition), 6th order gives > 20 dB.
FILTER_ORDER = 4
LOWPASS_ORDER = 6
#: Moving RMS window: 50-100 ms is usual; the envelope then lags by about half the window.
RMS_WINDOW_S = 0.100
#: MVC is the best mean envelope over a 500 ms window of each effort.
MVC_WINDOW_S = 0.500
#: Rep detection defaults, shared by every recording (no per-file tuning). Thresholds are
#: fractions of the span between rest and the best 500 ms window (or absolute %MVC when
#: calibrated: 30 % / 15 % MVC).
#: - ON 30 % / OFF 15 %: a rep has to clearly exceed rest; the gap between the two thresholds
#:   (hysteresis) stops the noise of the envelope from toggling the state.
REP_ON_FRACTION = 0.30
REP_OFF_FRACTION = 0.15
#: - A rep (a concentric-eccentric cycle or a hold) lasts at least ~0.5-1 s; anything shorter is
#:   a twitch or an artefact, not a repetition.
REP_MIN_ON_S = 0.5
#: - Refractory period: after the envelope falls below OFF, a rise within this time belongs to
#:   the same rep (chatter within a burst, a dip at the turn of a movement). A patient cannot
#:   relax and start a new deliberate rep in much under ~1 s. On the UCI recordings the counts of
#:   the working muscles (RF/VM seated, ST standing) stay right for refractory 0.6-1.0 s (with
#:   min on-time 0.5 s, OFF 12-15 %); 0.8 s is the middle of that plateau. OFF at 18 % already
#:   splits/merges 5Nsen VM, so the margin is modest.
REP_REFRACTORY_S = 0.8
#: Onset: baseline mean + k*SD held for a minimum time (Hodges & Bui 1996: k = 1-3,
#: 20-100 ms holds). k = 3 and 50 ms are the conservative middle of their grid.
ONSET_K = 3.0
ONSET_MIN_HOLD_S = 0.050
#: Teager-Kaiser output is smoothed before thresholding (Solnik et al. 2008 used a 50 Hz
#: low-pass; a 20 ms moving average is comparable).
TKEO_SMOOTH_S = 0.020
#: Pressure units.
MMHG_PER_KPA = 7.500616827


def _as_block(block: npt.ArrayLike, n_channels: int) -> FloatArray:
    arr = np.asarray(block, dtype=np.float64)
    if arr.ndim == 1:
        arr = arr.reshape(-1, 1) if n_channels == 1 else arr.reshape(1, -1)
    if arr.ndim != 2 or arr.shape[1] != n_channels:
        raise ValueError(f"expected a block shaped (n_samples, {n_channels}), got {arr.shape}")
    return arr


# --- sanitising --------------------------------------------------------------------------------


class NonFiniteGuard:
    """Replaces NaN/inf samples by the last finite value of the same channel (0 at the start).

    Holding the last value (rather than inserting 0) avoids a step that the band-pass would turn
    into a transient. ``bad_samples`` counts replacements per channel since creation.
    """

    def __init__(self, n_channels: int) -> None:
        self.n_channels = n_channels
        self._last = np.zeros(n_channels)
        self.bad_samples = np.zeros(n_channels, dtype=np.int64)

    def process(self, block: npt.ArrayLike) -> tuple[FloatArray, int]:
        """Return (clean block, number of samples replaced in this block)."""
        x = _as_block(block, self.n_channels)
        bad = ~np.isfinite(x)
        n_bad = int(bad.sum())
        if n_bad:
            x = x.copy()
            rows = np.arange(x.shape[0])[:, None]
            idx = np.where(bad, -1, rows)
            np.maximum.accumulate(idx, axis=0, out=idx)
            held = x[np.clip(idx, 0, None), np.arange(self.n_channels)]
            x = np.where(idx < 0, self._last[None, :], held)
            self.bad_samples += bad.sum(axis=0)
        if x.shape[0]:
            self._last = x[-1].copy()
        return x, n_bad


# --- filters -----------------------------------------------------------------------------------


@dataclass
class FilterDesign:
    sos: FloatArray
    band_hz: tuple[float, float]
    notch_hz: float | None
    messages: list[str] = field(default_factory=list)


def design_emg_filter(
    fs: float,
    band_hz: tuple[float, float] = EMG_BAND_HZ,
    notch_hz: float | None = None,
    order: int = FILTER_ORDER,
    notch_q: float = 30.0,
    lowpass_order: int = LOWPASS_ORDER,
) -> FilterDesign:
    """Band-pass (and optional notch) as second-order sections; adapts to a low ``fs``.

    Never raises for a low sampling rate: the upper edge moves to 0.45*fs (and, if even the
    lower edge does not fit, the filter becomes a high-pass), with a message saying so.
    """
    if not fs > 0:
        raise ValueError(f"sampling rate must be positive, got {fs}")
    low, high = float(band_hz[0]), float(band_hz[1])
    messages: list[str] = []
    limit = HIGH_EDGE_FRACTION_OF_FS * fs
    if high > limit:
        messages.append(
            f"fs {fs:g} Hz is too low for a {high:g} Hz upper edge; using {limit:.1f} Hz"
        )
        high = limit
    if low >= high * 0.9:
        messages.append(f"fs {fs:g} Hz leaves no room for a band; using a {low:g} Hz high-pass")
        sos = signal.butter(order, min(low, limit * 0.9), btype="highpass", fs=fs, output="sos")
        high = fs / 2
    else:
        sos = np.vstack(
            [
                signal.butter(order, low, btype="highpass", fs=fs, output="sos"),
                signal.butter(lowpass_order, high, btype="lowpass", fs=fs, output="sos"),
            ]
        )
    notch: float | None = None
    if notch_hz is not None:
        if 0 < notch_hz < fs / 2:
            b, a = signal.iirnotch(notch_hz, notch_q, fs=fs)
            sos = np.vstack([sos, signal.tf2sos(b, a)])
            notch = float(notch_hz)
        else:
            messages.append(f"notch {notch_hz:g} Hz is above Nyquist at fs {fs:g} Hz; skipped")
    return FilterDesign(np.asarray(sos, dtype=np.float64), (low, high), notch, messages)


class SosFilter:
    """A causal SOS filter over ``n_channels`` with its state (zi) carried between blocks."""

    def __init__(self, sos: FloatArray, n_channels: int) -> None:
        self.sos = np.asarray(sos, dtype=np.float64)
        self.n_channels = n_channels
        self.reset()

    def reset(self) -> None:
        self._zi = np.zeros((self.sos.shape[0], 2, self.n_channels))

    def process(self, block: npt.ArrayLike) -> FloatArray:
        x = _as_block(block, self.n_channels)
        if x.shape[0] == 0:
            return x.copy()
        y, self._zi = signal.sosfilt(self.sos, x, axis=0, zi=self._zi)
        return np.asarray(y, dtype=np.float64)


def rectify(block: npt.ArrayLike) -> FloatArray:
    """Full-wave rectification."""
    return np.abs(np.asarray(block, dtype=np.float64))


class MovingAverage:
    """Causal moving mean over the last ``window`` samples, across block boundaries.

    Keeps the last ``window`` inputs; the first window is averaged against zeros (as if the
    signal were silent before it started), so output[n] = mean(x[n-window+1 .. n]).
    """

    def __init__(self, window: int, n_channels: int) -> None:
        if window < 1:
            raise ValueError("window must be at least one sample")
        self.window = window
        self.n_channels = n_channels
        self._tail = np.zeros((window, n_channels))

    def process(self, block: npt.ArrayLike) -> FloatArray:
        x = _as_block(block, self.n_channels)
        n = x.shape[0]
        if n == 0:
            return x.copy()
        ext = np.concatenate([self._tail, x], axis=0)
        c = np.cumsum(ext, axis=0)
        # sum over (i-window, i] for i = window .. window+n-1 (ext indices)
        c0 = np.concatenate([np.zeros((1, self.n_channels)), c], axis=0)
        sums = c0[self.window + 1 :] - c0[1 : n + 1]
        self._tail = ext[-self.window :].copy()
        return np.asarray(sums / self.window, dtype=np.float64)


class MovingRms:
    """Causal moving RMS (square -> moving mean -> sqrt) across block boundaries."""

    def __init__(self, window: int, n_channels: int) -> None:
        self._mean = MovingAverage(window, n_channels)
        self.window = window

    def process(self, block: npt.ArrayLike) -> FloatArray:
        x = np.asarray(block, dtype=np.float64)
        ms = self._mean.process(x * x)
        return np.sqrt(np.maximum(ms, 0.0))


class Tkeo:
    """Causal Teager-Kaiser energy operator, psi[n] = x[n]^2 - x[n+1] x[n-1].

    psi[n] needs x[n+1], so the output lags the input by one sample: output k of the stream is
    psi[k-1] (psi[-1] = 0). State: the last two input samples.
    """

    def __init__(self, n_channels: int) -> None:
        self.n_channels = n_channels
        self._prev = np.zeros((2, n_channels))

    def process(self, block: npt.ArrayLike) -> FloatArray:
        x = _as_block(block, self.n_channels)
        n = x.shape[0]
        if n == 0:
            return x.copy()
        ext = np.concatenate([self._prev, x], axis=0)  # ext[i+2] = x[i]
        # output i = psi at ext index i+1 = ext[i+1]^2 - ext[i+2]*ext[i]
        out = ext[1 : n + 1] ** 2 - ext[2 : n + 2] * ext[0:n]
        self._prev = ext[-2:].copy()
        return np.asarray(out, dtype=np.float64)


# --- the EMG chain -----------------------------------------------------------------------------


@dataclass
class EmgBlock:
    filtered: FloatArray
    envelope: FloatArray
    bad_samples: int


class EmgProcessor:
    """Raw EMG block -> envelope block; band-pass, optional notch, rectification, moving RMS.

    ``messages`` collects warnings (low fs adaptation once, at construction; non-finite samples
    once per processor, with the running count in ``bad_samples``). Read them with
    :meth:`pop_messages`.
    """

    def __init__(
        self,
        fs: float,
        n_channels: int,
        band_hz: tuple[float, float] = EMG_BAND_HZ,
        notch_hz: float | None = None,
        rms_window_s: float = RMS_WINDOW_S,
        order: int = FILTER_ORDER,
    ) -> None:
        self.fs = float(fs)
        self.n_channels = n_channels
        self.design = design_emg_filter(fs, band_hz, notch_hz, order)
        self.messages: list[str] = list(self.design.messages)
        self.window = max(1, round(rms_window_s * fs))
        self._guard = NonFiniteGuard(n_channels)
        self._filter = SosFilter(self.design.sos, n_channels)
        self._rms = MovingRms(self.window, n_channels)
        self._warned_nonfinite = False

    @property
    def delay_s(self) -> float:
        """Approximate lag of the envelope behind the muscle: half the RMS window."""
        return (self.window - 1) / 2 / self.fs

    @property
    def bad_samples(self) -> int:
        return int(self._guard.bad_samples.sum())

    def pop_messages(self) -> list[str]:
        out, self.messages = self.messages, []
        return out

    def process_full(self, block: npt.ArrayLike) -> EmgBlock:
        clean, n_bad = self._guard.process(block)
        if n_bad and not self._warned_nonfinite:
            self._warned_nonfinite = True
            self.messages.append(
                f"{n_bad} non-finite sample(s) replaced by the last finite value; "
                "see bad_samples for the running count"
            )
        filtered = self._filter.process(clean)
        envelope = self._rms.process(rectify(filtered))
        return EmgBlock(filtered, envelope, n_bad)

    def process(self, block: npt.ArrayLike) -> FloatArray:
        """Raw block (n_samples, n_channels) -> envelope block of the same shape."""
        return self.process_full(block).envelope


# --- MVC -----------------------------------------------------------------------------------------


def best_window_mean(
    envelope: npt.ArrayLike, fs: float, window_s: float = MVC_WINDOW_S
) -> FloatArray:
    """Per channel, the highest mean of the envelope over any ``window_s`` window."""
    env = np.asarray(envelope, dtype=np.float64)
    if env.ndim == 1:
        env = env[:, None]
    n = env.shape[0]
    if n == 0:
        return np.zeros(env.shape[1])
    w = max(1, min(n, round(window_s * fs)))
    c = np.concatenate([np.zeros((1, env.shape[1])), np.cumsum(env, axis=0)], axis=0)
    means = (c[w:] - c[:-w]) / w
    return np.asarray(means.max(axis=0), dtype=np.float64)


class MvcCalibration:
    """Maximal voluntary contraction per channel from (usually three) efforts.

    Each effort is an envelope array; its score is the best 500 ms window mean per channel, and
    the MVC is the best score over the efforts. :meth:`normalise` gives %MVC.
    """

    def __init__(self, fs: float, n_channels: int, window_s: float = MVC_WINDOW_S) -> None:
        self.fs = fs
        self.n_channels = n_channels
        self.window_s = window_s
        self.efforts: list[FloatArray] = []

    def add_effort(self, envelope: npt.ArrayLike) -> FloatArray:
        score = best_window_mean(_as_block(envelope, self.n_channels), self.fs, self.window_s)
        self.efforts.append(score)
        return score

    @property
    def mvc(self) -> FloatArray:
        if not self.efforts:
            raise ValueError("no MVC effort recorded")
        return np.asarray(np.max(np.vstack(self.efforts), axis=0), dtype=np.float64)

    @property
    def calibrated(self) -> bool:
        return bool(self.efforts)

    def normalise(self, envelope: npt.ArrayLike) -> FloatArray:
        """Envelope -> %MVC (channels whose MVC is 0 give 0)."""
        env = _as_block(envelope, self.n_channels)
        mvc = self.mvc
        safe = np.where(mvc > 0, mvc, 1.0)
        return np.asarray(np.where(mvc > 0, 100.0 * env / safe, 0.0), dtype=np.float64)


def percent_mvc(envelope: npt.ArrayLike, mvc: npt.ArrayLike) -> FloatArray:
    env = np.asarray(envelope, dtype=np.float64)
    m = np.asarray(mvc, dtype=np.float64)
    safe = np.where(m > 0, m, 1.0)
    return np.asarray(np.where(m > 0, 100.0 * env / safe, 0.0), dtype=np.float64)


# --- hysteresis core -----------------------------------------------------------------------------


def _hysteresis_state(
    x: FloatArray, on: FloatArray, off: FloatArray, prev: npt.NDArray[np.bool_]
) -> npt.NDArray[np.bool_]:
    """Vectorised two-threshold state per sample: True after x > on, False after x < off."""
    n = x.shape[0]
    rows = np.arange(n)[:, None]
    last_on = np.where(x > on[None, :], rows, -1)
    last_off = np.where(x < off[None, :], rows, -1)
    np.maximum.accumulate(last_on, axis=0, out=last_on)
    np.maximum.accumulate(last_off, axis=0, out=last_off)
    state = last_on > last_off
    undecided = (last_on < 0) & (last_off < 0)
    return np.asarray(np.where(undecided, prev[None, :], state), dtype=np.bool_)


def _edges(
    state: npt.NDArray[np.bool_], prev: bool
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    s = np.concatenate([[prev], state]).astype(np.int8)
    d = np.diff(s)
    return np.flatnonzero(d == 1), np.flatnonzero(d == -1)


# --- onsets --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Onset:
    channel: int
    sample: int
    time_s: float


class OnsetDetector:
    """Muscle onsets: detection signal above baseline mean + k*SD for at least ``min_hold_s``.

    Input is the envelope, or with ``tkeo=True`` the band-passed EMG, which then goes through the
    Teager-Kaiser operator, rectification and a 20 ms moving mean (Solnik et al. 2008).
    The baseline comes from :meth:`set_baseline` or, if not set, from the first ``baseline_s`` of
    input (which must be rest). The onset time is the start of the held run. After an onset the
    channel re-arms once the signal has stayed below the threshold for ``min_hold_s``.
    """

    def __init__(
        self,
        fs: float,
        n_channels: int,
        k: float = ONSET_K,
        min_hold_s: float = ONSET_MIN_HOLD_S,
        baseline_s: float = 1.0,
        tkeo: bool = False,
        tkeo_smooth_s: float = TKEO_SMOOTH_S,
    ) -> None:
        self.fs = float(fs)
        self.n_channels = n_channels
        self.k = k
        self.hold = max(1, round(min_hold_s * fs))
        self.baseline_n = max(2, round(baseline_s * fs))
        self.tkeo = tkeo
        self._tk = Tkeo(n_channels) if tkeo else None
        self._smooth = (
            MovingAverage(max(1, round(tkeo_smooth_s * fs)), n_channels) if tkeo else None
        )
        self._base: list[FloatArray] = []
        self._base_count = 0
        self.threshold: FloatArray | None = None
        self._n = 0  # samples seen
        self._active = np.zeros(n_channels, dtype=bool)  # an onset was emitted, not re-armed
        self._run_value = np.zeros(n_channels, dtype=bool)  # value of the current run
        self._run_start = np.zeros(n_channels, dtype=np.int64)  # its absolute start sample
        self.onsets: list[Onset] = []

    def detection_signal(self, block: npt.ArrayLike) -> FloatArray:
        x = _as_block(block, self.n_channels)
        if self._tk is not None and self._smooth is not None:
            return self._smooth.process(np.abs(self._tk.process(x)))
        return x

    def set_baseline(self, detection: npt.ArrayLike) -> None:
        """Set mean + k*SD from a rest segment of the *detection signal*."""
        d = _as_block(detection, self.n_channels)
        self.threshold = np.asarray(d.mean(axis=0) + self.k * d.std(axis=0), dtype=np.float64)

    def process(self, block: npt.ArrayLike) -> list[Onset]:
        d = self.detection_signal(block)
        start = self._n
        self._n += d.shape[0]
        if self.threshold is None:
            need = self.baseline_n - self._base_count
            take = d[:need]
            self._base.append(take)
            self._base_count += take.shape[0]
            if self._base_count >= self.baseline_n:
                self.set_baseline(np.concatenate(self._base, axis=0))
                self._base = []
            d = d[take.shape[0] :]
            start += take.shape[0]
            if self.threshold is None or d.shape[0] == 0:
                return []
        assert self.threshold is not None
        found: list[Onset] = []
        above = d > self.threshold[None, :]
        n = d.shape[0]
        for ch in range(self.n_channels):
            a = above[:, ch]
            change = np.flatnonzero(a[1:] != a[:-1]) + 1
            starts = np.concatenate([[0], change])
            ends = np.concatenate([change, [n]])
            for s0, e0 in zip(starts.tolist(), ends.tolist(), strict=True):
                value = bool(a[s0])
                abs_s = start + s0
                if s0 == 0 and value == bool(self._run_value[ch]):
                    abs_s = int(self._run_start[ch])  # the run continues from the last block
                length = start + e0 - abs_s
                if value and length >= self.hold and not self._active[ch]:
                    self._active[ch] = True
                    found.append(Onset(ch, abs_s, abs_s / self.fs))
                elif not value and length >= self.hold:
                    self._active[ch] = False  # re-armed after a long enough quiet spell
                self._run_value[ch] = value
                self._run_start[ch] = abs_s
        found.sort(key=lambda o: o.sample)
        self.onsets.extend(found)
        return found


# --- reps ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rep:
    channel: int
    start_s: float
    end_s: float | None  # None while the rep is still going on
    peak: float


class RepCounter:
    """Counts reps on an envelope with hysteresis, a minimum on-time and a refractory period.

    - The state turns on above ``on`` and off below ``off`` (per channel thresholds).
    - An on-spell is a rep once it has lasted ``min_on_s`` (counted as soon as that is reached, so
      feedback is immediate); shorter spells are ignored.
    - After falling below ``off``, a rise within ``refractory_s`` continues the same rep, so a
      chattering burst counts once.
    """

    def __init__(
        self,
        fs: float,
        n_channels: int,
        on: float | Sequence[float] | FloatArray,
        off: float | Sequence[float] | FloatArray,
        min_on_s: float = REP_MIN_ON_S,
        refractory_s: float = REP_REFRACTORY_S,
    ) -> None:
        self.fs = float(fs)
        self.n_channels = n_channels
        self.on = np.broadcast_to(np.asarray(on, dtype=np.float64), (n_channels,)).copy()
        self.off = np.broadcast_to(np.asarray(off, dtype=np.float64), (n_channels,)).copy()
        if np.any(self.off > self.on):
            raise ValueError("the off threshold must not exceed the on threshold")
        self.min_on = max(1, round(min_on_s * fs))
        self.refractory = max(0, round(refractory_s * fs))
        self._n = 0
        self._state = np.zeros(n_channels, dtype=bool)
        self._rep_start = np.full(n_channels, -1, dtype=np.int64)  # current spell/rep start
        self._counted = np.zeros(n_channels, dtype=bool)  # current rep already counted
        self._last_off = np.full(n_channels, -(10**12), dtype=np.int64)  # when it last went off
        self._peak = np.zeros(n_channels)
        self.counts = np.zeros(n_channels, dtype=np.int64)
        self.reps: list[list[Rep]] = [[] for _ in range(n_channels)]
        self._pending_end = np.full(n_channels, -1, dtype=np.int64)

    def process(self, envelope: npt.ArrayLike) -> FloatArray:
        """Feed an envelope block; returns the counts per channel so far."""
        x = _as_block(envelope, self.n_channels)
        n = x.shape[0]
        start = self._n
        self._n += n
        if n == 0:
            return self.counts.astype(np.float64)
        state = _hysteresis_state(x, self.on, self.off, self._state)
        for ch in range(self.n_channels):
            ups, downs = _edges(state[:, ch], bool(self._state[ch]))
            col = x[:, ch]
            # walk through transitions in order
            marks = sorted([(int(u), 1) for u in ups] + [(int(d), 0) for d in downs])
            on_now = bool(self._state[ch])
            seg_start = 0
            for idx, kind in marks:
                if on_now:
                    self._peak[ch] = max(self._peak[ch], float(col[seg_start:idx].max(initial=0)))
                    self._check_count(ch, start + idx)
                if kind == 1:  # rise
                    t = start + idx
                    pending = self._pending_end[ch]
                    if pending >= 0 and t - pending <= self.refractory:
                        pass  # same rep continues (chatter)
                    else:
                        self._finish(ch)
                        self._rep_start[ch] = t
                        self._counted[ch] = False
                        self._peak[ch] = 0.0
                    self._pending_end[ch] = -1
                    on_now = True
                else:  # fall
                    self._pending_end[ch] = start + idx
                    on_now = False
                seg_start = idx
            if on_now:
                self._peak[ch] = max(self._peak[ch], float(col[seg_start:].max(initial=0)))
                self._check_count(ch, start + n)
            elif self._pending_end[ch] >= 0 and self._n - self._pending_end[ch] > self.refractory:
                self._finish(ch)
            self._state[ch] = on_now
        return self.counts.astype(np.float64)

    def _check_count(self, ch: int, now: int) -> None:
        if (
            not self._counted[ch]
            and self._rep_start[ch] >= 0
            and now - self._rep_start[ch] >= self.min_on
        ):
            self._counted[ch] = True
            self.counts[ch] += 1

    def _finish(self, ch: int, *, open_until: int | None = None) -> None:
        """Record the channel's rep, if one was counted, and reset for the next.

        A rep still on when the recording ends (``open_until``) ends there; otherwise a rep
        that never fell below the off threshold has no end.
        """
        if self._rep_start[ch] >= 0 and self._counted[ch]:
            end = self._pending_end[ch]
            if end < 0 and open_until is not None:
                end = open_until
            self.reps[ch].append(
                Rep(
                    ch,
                    self._rep_start[ch] / self.fs,
                    end / self.fs if end >= 0 else None,
                    float(self._peak[ch]),
                )
            )
        self._rep_start[ch] = -1
        self._counted[ch] = False
        self._pending_end[ch] = -1

    def finish(self) -> list[list[Rep]]:
        """Close any open rep (end of a recording) and return all reps per channel."""
        for ch in range(self.n_channels):
            self._finish(ch, open_until=self._n)
        return self.reps


def rep_thresholds(
    rest: npt.ArrayLike,
    peak: npt.ArrayLike,
    on_fraction: float = REP_ON_FRACTION,
    off_fraction: float = REP_OFF_FRACTION,
) -> tuple[FloatArray, FloatArray]:
    """On/off thresholds as fractions of the span between rest and peak, per channel."""
    r = np.asarray(rest, dtype=np.float64)
    p = np.asarray(peak, dtype=np.float64)
    span = np.maximum(p - r, 0.0)
    return r + on_fraction * span, r + off_fraction * span


def rest_level(envelope: npt.ArrayLike, fs: float, window_s: float = MVC_WINDOW_S) -> FloatArray:
    """Per channel, the lowest mean of the envelope over any ``window_s`` window (rest)."""
    env = np.asarray(envelope, dtype=np.float64)
    return -best_window_mean(-env, fs, window_s)


# --- zones, symmetry, latency --------------------------------------------------------------------


class ZoneTimer:
    """Seconds spent with lo <= value <= hi, per channel, across blocks."""

    def __init__(self, fs: float, n_channels: int, lo: float, hi: float) -> None:
        if lo > hi:
            raise ValueError("zone low bound is above the high bound")
        self.fs = float(fs)
        self.lo, self.hi = lo, hi
        self.n_channels = n_channels
        self.samples_in = np.zeros(n_channels, dtype=np.int64)
        self.samples_total = 0

    def process(self, block: npt.ArrayLike) -> FloatArray:
        x = _as_block(block, self.n_channels)
        self.samples_in += ((x >= self.lo) & (x <= self.hi)).sum(axis=0)
        self.samples_total += x.shape[0]
        return self.seconds

    @property
    def seconds(self) -> FloatArray:
        return np.asarray(self.samples_in / self.fs, dtype=np.float64)

    @property
    def fraction(self) -> FloatArray:
        if self.samples_total == 0:
            return np.zeros(self.n_channels)
        return np.asarray(self.samples_in / self.samples_total, dtype=np.float64)


def time_in_zone(values: npt.ArrayLike, fs: float, lo: float, hi: float) -> FloatArray:
    v = np.asarray(values, dtype=np.float64)
    if v.ndim == 1:
        v = v[:, None]
    return np.asarray(((v >= lo) & (v <= hi)).sum(axis=0) / fs, dtype=np.float64)


def symmetry_index(left: float, right: float) -> float:
    """(L - R) / ((L + R) / 2): 0 is symmetric, +2 all left, -2 all right; NaN if both are 0."""
    mean = (left + right) / 2
    if mean == 0 or not math.isfinite(mean):
        return math.nan
    return (left - right) / mean


def activation_latency(cue_s: float, onset_times_s: Sequence[float]) -> float | None:
    """Seconds from a cue to the next onset at or after it, or None if none follows."""
    later = [t for t in onset_times_s if t >= cue_s]
    return min(later) - cue_s if later else None


# --- pressure biofeedback ------------------------------------------------------------------------


def kpa_to_mmhg(kpa: npt.ArrayLike) -> FloatArray:
    return np.asarray(np.asarray(kpa, dtype=np.float64) * MMHG_PER_KPA, dtype=np.float64)


def mmhg_to_kpa(mmhg: npt.ArrayLike) -> FloatArray:
    return np.asarray(np.asarray(mmhg, dtype=np.float64) / MMHG_PER_KPA, dtype=np.float64)


class PressureMonitor:
    """Pressure cuff (e.g. a Stabilizer inflated to 40 mmHg): zeroing, target band, stability.

    Values are in mmHg after :meth:`zero` (offset = mean of a reading at atmospheric pressure,
    i.e. the cuff vented). ``unit='kPa'`` converts input samples from kPa first.
    """

    def __init__(
        self,
        fs: float,
        target_mmhg: float = 40.0,
        band_mmhg: float = 2.0,
        unit: str = "mmHg",
    ) -> None:
        if unit not in ("mmHg", "kPa"):
            raise ValueError("unit must be 'mmHg' or 'kPa'")
        self.fs = float(fs)
        self.unit = unit
        self.target = target_mmhg
        self.band = band_mmhg
        self.offset = 0.0
        self._hold: list[FloatArray] = []

    def to_mmhg(self, raw: npt.ArrayLike) -> FloatArray:
        x = np.asarray(raw, dtype=np.float64)
        return kpa_to_mmhg(x) if self.unit == "kPa" else x

    def zero(self, raw_at_rest: npt.ArrayLike) -> float:
        self.offset = float(np.nanmean(self.to_mmhg(raw_at_rest)))
        return self.offset

    def process(self, raw: npt.ArrayLike) -> FloatArray:
        """Raw samples -> zeroed mmHg (also recorded for :meth:`stability`)."""
        p = self.to_mmhg(raw) - self.offset
        self._hold.append(np.ravel(p))
        return p

    def in_band(self, mmhg: npt.ArrayLike) -> npt.NDArray[np.bool_]:
        return np.asarray(np.abs(np.asarray(mmhg, dtype=np.float64) - self.target) <= self.band)

    def start_hold(self) -> None:
        self._hold = []

    def stability(self) -> float:
        """SD (mmHg) of the pressure since :meth:`start_hold`: lower is steadier."""
        return pressure_stability(np.concatenate(self._hold) if self._hold else np.zeros(0))


def pressure_stability(mmhg: npt.ArrayLike) -> float:
    x = np.asarray(mmhg, dtype=np.float64)
    x = x[np.isfinite(x)]
    return float(x.std()) if x.size else math.nan
