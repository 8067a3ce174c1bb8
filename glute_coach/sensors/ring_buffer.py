"""A preallocated ring of samples and their timestamps, written by one acquisition thread.

Readers (a GUI timer) take :meth:`RingBuffer.latest` or :meth:`RingBuffer.since`: one copy of the
requested window only, never of the whole history. The lock guards index updates only; sample data
are copied outside it. A writer first *reserves* the slots it will overwrite, so a reader that
copied a region concurrently detects the overwritten prefix afterwards and trims it.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass

import numpy as np

from glute_coach.sensors.source import Block, FloatArray


@dataclass(frozen=True, slots=True)
class Gap:
    """Samples missing between ``t_start`` (after the last sample) and ``t_end`` (next sample)."""

    index: int  # absolute index of the first sample after the gap
    t_start: float
    t_end: float
    missing: int


@dataclass(frozen=True, slots=True)
class Window:
    t: FloatArray  # (n,)
    data: FloatArray  # (n, channels)
    first_index: int  # absolute sample index of row 0

    @property
    def n(self) -> int:
        return int(self.t.shape[0])


class RingBuffer:
    def __init__(self, capacity: int, channels: int, *, max_gaps: int = 1024) -> None:
        if capacity <= 0 or channels <= 0:
            raise ValueError("capacity and channels must be positive")
        self.capacity = capacity
        self.channels = channels
        self._data = np.full((capacity, channels), np.nan, dtype=np.float64)
        self._t = np.full(capacity, np.nan, dtype=np.float64)
        self._lock = threading.Lock()
        self._committed = 0  # absolute index one past the newest readable sample
        self._reserved = 0  # absolute index one past the newest slot being written
        self._last_t: float | None = None
        self._last_fs: float | None = None
        self.dropped = 0  # oldest samples overwritten (overflow)
        self.restamped = 0  # samples whose timestamps went backwards and were moved forward
        self._gaps: deque[Gap] = deque(maxlen=max_gaps)

    # --- writer -----------------------------------------------------------------------------
    def push(self, block: Block) -> None:
        data = np.asarray(block.data, dtype=np.float64)
        if data.ndim == 1:
            data = data.reshape(-1, 1)
        n = data.shape[0]
        if n == 0:
            return
        if data.shape[1] != self.channels:
            raise ValueError(f"block has {data.shape[1]} channels, buffer {self.channels}")
        fs = block.fs
        t0 = block.t0
        gap: Gap | None = None
        if self._last_t is not None:
            expected = self._last_t + 1.0 / fs
            if t0 < expected - 0.5 / fs:
                self.restamped += n
                t0 = expected
            elif t0 > expected + 1.5 / fs:
                missing = round((t0 - expected) * fs)
                gap = Gap(self._committed, self._last_t, t0, missing)
        times = t0 + np.arange(n, dtype=np.float64) / fs
        if n > self.capacity:  # keep only what fits
            skipped = n - self.capacity
            data, times = data[skipped:], times[skipped:]
        else:
            skipped = 0
        m = data.shape[0]
        with self._lock:
            start = self._committed + skipped
            self._reserved = start + m
            self.dropped += max(0, self._reserved - self.capacity) - max(
                0, self._committed - self.capacity
            )
        i0 = start % self.capacity
        first = min(m, self.capacity - i0)
        self._data[i0 : i0 + first] = data[:first]
        self._t[i0 : i0 + first] = times[:first]
        if first < m:
            self._data[: m - first] = data[first:]
            self._t[: m - first] = times[first:]
        with self._lock:
            self._committed = start + m
            if gap is not None:
                self._gaps.append(gap)
        self._last_t = float(times[-1])
        self._last_fs = fs

    # --- readers ----------------------------------------------------------------------------
    @property
    def total(self) -> int:
        """Samples ever committed (including skipped ones)."""
        with self._lock:
            return self._committed

    def __len__(self) -> int:
        with self._lock:
            return min(self._committed, self.capacity)

    def _valid_range(self) -> tuple[int, int]:
        with self._lock:
            return max(0, self._reserved - self.capacity), self._committed

    def _copy(self, lo: int, hi: int) -> Window:
        n = hi - lo
        i0 = lo % self.capacity
        if n <= 0:
            return Window(np.empty(0), np.empty((0, self.channels)), lo)
        if i0 + n <= self.capacity:
            t = self._t[i0 : i0 + n].copy()
            d = self._data[i0 : i0 + n].copy()
        else:
            first = self.capacity - i0
            t = np.concatenate((self._t[i0:], self._t[: n - first]))
            d = np.concatenate((self._data[i0:], self._data[: n - first]))
        # Trim whatever a concurrent writer reserved (and may have overwritten) meanwhile.
        oldest, _ = self._valid_range()
        cut = max(0, oldest - lo)
        if cut:
            t, d = t[cut:], d[cut:]
        return Window(t, d, lo + cut)

    def latest(self, n: int) -> Window:
        """The newest ``n`` samples (fewer if fewer are held)."""
        oldest, newest = self._valid_range()
        return self._copy(max(oldest, newest - max(0, n)), newest)

    def since(self, t: float) -> Window:
        """Samples with timestamps strictly after ``t``."""
        oldest, newest = self._valid_range()
        lo, hi = oldest, newest
        while lo < hi:  # binary search over absolute indices (timestamps are monotonic)
            mid = (lo + hi) // 2
            if self._t[mid % self.capacity] > t:
                hi = mid
            else:
                lo = mid + 1
        return self._copy(lo, newest)

    def gaps(self, since_t: float | None = None) -> list[Gap]:
        with self._lock:
            gaps = list(self._gaps)
        return gaps if since_t is None else [g for g in gaps if g.t_end > since_t]
