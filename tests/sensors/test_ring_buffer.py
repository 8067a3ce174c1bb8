from __future__ import annotations

import threading

import numpy as np
import pytest

from glute_coach.sensors.ring_buffer import RingBuffer
from glute_coach.sensors.source import Block

FS = 100.0


def block(start: int, n: int, channels: int = 2, t_offset: float = 0.0) -> Block:
    """Samples whose value is their absolute index (channel c holds index * 10**c)."""
    idx = np.arange(start, start + n, dtype=np.float64)
    data = np.column_stack([idx * 10**c for c in range(channels)])
    return Block(10.0 + start / FS + t_offset, FS, data)


def test_latest_and_since_before_wrap() -> None:
    ring = RingBuffer(10, 2)
    ring.push(block(0, 4))
    win = ring.latest(3)
    assert win.data[:, 0].tolist() == [1, 2, 3]
    assert win.data[:, 1].tolist() == [10, 20, 30]
    assert win.t == pytest.approx([10.01, 10.02, 10.03])
    assert ring.latest(100).n == 4
    assert ring.since(10.015).data[:, 0].tolist() == [2, 3]
    assert ring.since(99.0).n == 0
    assert ring.dropped == 0


def test_wrap_around_overflow_and_window_across_the_seam() -> None:
    ring = RingBuffer(10, 2)
    for start in range(0, 25, 5):
        ring.push(block(start, 5))
    assert len(ring) == 10
    assert ring.total == 25
    assert ring.dropped == 15
    win = ring.latest(10)
    assert win.data[:, 0].tolist() == list(range(15, 25))
    assert win.first_index == 15
    assert np.all(np.diff(win.t) > 0)
    assert ring.since(10.0 + 19.5 / FS).data[:, 0].tolist() == list(range(20, 25))
    assert ring.since(0.0).n == 10  # only what is still held


def test_block_larger_than_capacity_keeps_the_newest() -> None:
    ring = RingBuffer(8, 1)
    ring.push(block(0, 20, channels=1))
    assert ring.latest(8).data[:, 0].tolist() == list(range(12, 20))
    assert ring.dropped == 12
    assert ring.total == 20


def test_gap_marker_and_backwards_timestamps() -> None:
    ring = RingBuffer(100, 2)
    ring.push(block(0, 10))
    ring.push(block(15, 10))  # samples 10..14 missing
    gaps = ring.gaps()
    assert len(gaps) == 1
    assert gaps[0].missing == 5
    assert gaps[0].index == 10
    assert gaps[0].t_start == pytest.approx(10.09)
    assert gaps[0].t_end == pytest.approx(10.15)
    assert ring.gaps(since_t=10.2) == []
    ring.push(block(20, 5))  # goes back in time: restamped after the newest sample
    assert ring.restamped == 5
    assert np.all(np.diff(ring.latest(100).t) > 0)


def test_rejects_wrong_channel_count() -> None:
    ring = RingBuffer(10, 2)
    with pytest.raises(ValueError, match="channels"):
        ring.push(block(0, 3, channels=3))


def test_concurrent_push_and_read() -> None:
    ring = RingBuffer(256, 2)
    total = 30_000
    done = threading.Event()
    errors: list[str] = []

    def writer() -> None:
        start = 0
        while start < total:
            n = min(1 + start % 37, total - start)
            ring.push(block(start, n))
            start += n
        done.set()

    reads = 0
    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while not done.is_set() or reads == 0:
            win = ring.latest(200)
            reads += 1
            if win.n:
                values = win.data[:, 0]
                # every sample is intact: consecutive indices, matching timestamps and channels
                expected = np.arange(win.first_index, win.first_index + win.n)
                if not np.array_equal(values, expected):
                    errors.append(f"torn window at {win.first_index}")
                if not np.allclose(win.t, 10.0 + expected / FS):
                    errors.append("timestamps do not match data")
                if not np.array_equal(win.data[:, 1], values * 10):
                    errors.append("channels out of step")
            since = ring.since(10.0 + (ring.total - 50) / FS)
            if since.n and not np.all(np.diff(since.data[:, 0]) == 1):
                errors.append("since() window not contiguous")
    finally:
        thread.join(timeout=30)
    assert not thread.is_alive()
    assert errors == []
    assert reads > 0
    assert ring.total == total
    assert ring.latest(1).data[0, 0] == total - 1
