"""LSL loopback: a real outlet in the test, received through LslSource.

LSLAPICFG must point at tests/sensors/lsl.cfg before pylsl is imported, so that liblsl's discovery
stays on this machine (no broadcast or multicast to the network).
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ["LSLAPICFG"] = str(Path(__file__).resolve().parent / "lsl.cfg")

import threading
import time
import uuid
from collections.abc import Iterator
from functools import partial

import numpy as np
import pytest

from glute_coach.sensors.lsl_source import LslSource
from glute_coach.sensors.source import Block, ConnectionState, EventKind
from glute_coach.sensors.spec import open_source
from tests.sensors.events import is_state, wait_event

wait_event = partial(wait_event, timeout=10.0)

pylsl = pytest.importorskip("pylsl")

FS = 1000.0


class Collector:
    """A sink that records blocks and their arrival time, and wakes a waiter at a sample count."""

    def __init__(self) -> None:
        self.blocks: list[tuple[float, Block]] = []
        self.count = 0
        self._want = 0
        self._lock = threading.Lock()
        self.reached = threading.Event()

    def __call__(self, block: Block) -> None:
        arrived = pylsl.local_clock()
        with self._lock:
            self.blocks.append((arrived, block))
            self.count += block.n
            if self.count >= self._want:
                self.reached.set()

    def expect(self, total: int) -> None:
        with self._lock:
            self._want = total
            if self.count < total:
                self.reached.clear()
            else:
                self.reached.set()

    def wait(self, total: int, timeout: float = 5.0) -> None:
        self.expect(total)
        assert self.reached.wait(timeout), f"received {self.count} of {total} samples"


def _make_outlet(channel_format: str) -> tuple[str, object]:
    name = f"glute-test-{uuid.uuid4().hex[:8]}"
    info = pylsl.StreamInfo(name, "EMG", 2, FS, channel_format, name)
    channels = info.desc().append_child("channels")
    for label in ("left", "right"):
        ch = channels.append_child("channel")
        ch.append_child_value("label", label)
        ch.append_child_value("unit", "mV")
    return name, pylsl.StreamOutlet(info, chunk_size=1)


@pytest.fixture
def outlet() -> Iterator[tuple[str, object]]:
    name, out = _make_outlet("double64")
    yield name, out
    del out


@pytest.mark.parametrize("channel_format", ["float32", "int16"])
def test_samples_arrive_intact_whatever_the_stream_type(channel_format: str) -> None:
    # Most amplifiers stream float32: pylsl writes into the buffer in the stream's own type.
    name, out = _make_outlet(channel_format)
    source = open_source(f"lsl:{name}")
    sink = Collector()
    source.add_sink(sink)
    source.start()
    try:
        wait_event(source, is_state(ConnectionState.CONNECTED))
        sent = np.column_stack([np.arange(100.0), 100 - np.arange(100.0)])
        base = pylsl.local_clock()
        cast = int if channel_format == "int16" else float
        for i, row in enumerate(sent):
            out.push_sample([cast(v) for v in row], base + i / FS)  # type: ignore[attr-defined]
        sink.wait(100)
        got = np.concatenate([b.data for _, b in sink.blocks])
        assert got.dtype == np.float64
        np.testing.assert_array_equal(got, sent)
    finally:
        source.stop()
        del out


def test_lsl_loopback_samples_timestamps_and_latency(outlet: tuple[str, object]) -> None:
    name, out = outlet
    source = open_source(f"lsl:{name}")
    assert isinstance(source, LslSource)
    source.stall_timeout = 5.0
    sink = Collector()
    source.add_sink(sink)
    source.start()
    try:
        wait_event(source, is_state(ConnectionState.CONNECTED))
        assert list(source.channel_names) == ["left", "right"]
        assert list(source.units) == ["mV", "mV"]
        assert source.sample_rate == FS

        # 1) a burst of 500 samples with known timestamps
        base = pylsl.local_clock()
        sent = np.column_stack([np.arange(500.0), -np.arange(500.0)])
        for i, row in enumerate(sent):
            out.push_sample(row.tolist(), base + i / FS)  # type: ignore[attr-defined]
        sink.wait(500)
        got = np.concatenate([b.data for _, b in sink.blocks])
        np.testing.assert_array_equal(got, sent)
        stamps = np.concatenate([b.timestamps() for _, b in sink.blocks])
        offset = time.monotonic() - pylsl.local_clock()
        expected = base + np.arange(500) / FS + offset
        assert np.max(np.abs(stamps - expected)) < 1e-3  # mapped to the monotonic clock
        assert np.all(np.diff(stamps) > 0)

        # 2) latency: push one sample, wait for it, repeat (no sleeps)
        latencies = []
        base = pylsl.local_clock()
        for k in range(300):
            want = 500 + k + 1
            sink.expect(want)
            pushed = pylsl.local_clock()
            out.push_sample([float(want), 0.0], base + k / FS)  # type: ignore[attr-defined]
            assert sink.reached.wait(2.0), f"sample {k} did not arrive"
            latencies.append(sink.blocks[-1][0] - pushed)
        lat_ms = np.array(latencies) * 1000
        median, p95, worst = np.median(lat_ms), np.percentile(lat_ms, 95), lat_ms.max()
        print(
            f"LSL push->block latency: median {median:.2f} ms, p95 {p95:.2f} ms, max {worst:.2f} ms"
        )
        assert median < 20.0
        assert not [e for e in source.poll_events() if e.kind is EventKind.ERROR]
    finally:
        source.stop()
    assert source.state is ConnectionState.STOPPED


def test_lsl_stall_lost_and_back(outlet: tuple[str, object]) -> None:
    name, out = outlet
    source = LslSource(name=name, stall_timeout=0.3)
    sink = Collector()
    source.add_sink(sink)
    source.start()
    try:
        wait_event(source, is_state(ConnectionState.CONNECTED))
        base = pylsl.local_clock()
        out.push_sample([1.0, 2.0], base)  # type: ignore[attr-defined]
        sink.wait(1)
        lost = wait_event(source, is_state(ConnectionState.LOST), timeout=5.0)
        assert "no data" in lost.message
        out.push_sample([3.0, 4.0], base + 1.0)  # type: ignore[attr-defined]
        wait_event(source, is_state(ConnectionState.CONNECTED), timeout=5.0)
        sink.wait(2)
    finally:
        source.stop()


def test_lsl_missing_stream_reports_and_retries() -> None:
    source = LslSource(name=f"absent-{uuid.uuid4().hex[:8]}", resolve_timeout=0.2)
    source.reconnect_delay = 0.05
    source.start()
    try:
        err = wait_event(source, lambda e: e.kind is EventKind.ERROR)
        assert "no LSL stream" in err.message
        wait_event(source, is_state(ConnectionState.RECONNECTING))
    finally:
        source.stop()
    assert source.state is ConnectionState.STOPPED
