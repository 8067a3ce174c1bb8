"""SerialSource over a real pseudo-terminal pair: the source opens the slave, the test writes to
the master (no hardware)."""

from __future__ import annotations

import contextlib
import itertools
import os
import threading
import time
import tty
from collections.abc import Iterator
from functools import partial

import numpy as np
import pytest

from glute_coach.sensors.frames import encode_frame
from glute_coach.sensors.serial_source import ArrivalStamper, SerialSource
from glute_coach.sensors.source import Block, ConnectionState, EventKind, SourceEvent
from tests.sensors.events import wait_event

wait_event = partial(wait_event, timeout=4.0)

pytest.importorskip("serial")


class Pty:
    def __init__(self) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        self.path = os.ttyname(self.slave)
        self.closed = False

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.master, view) :]

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            for fd in (self.master, self.slave):
                with contextlib.suppress(OSError):
                    os.close(fd)


class Collector:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.lock = threading.Lock()
        self.count = 0

    def __call__(self, block: Block) -> None:
        with self.lock:
            self.blocks.append(block)
            self.count += block.n

    def data(self) -> np.ndarray:
        with self.lock:
            return np.concatenate([b.data for b in self.blocks])

    def wait(self, total: int, timeout: float = 4.0) -> None:
        deadline = time.monotonic() + timeout
        while self.count < total and time.monotonic() < deadline:
            time.sleep(0.005)
        assert self.count >= total, f"received {self.count} of {total} samples"


def connected(e: SourceEvent) -> bool:
    return e.kind is EventKind.STATE and e.state is ConnectionState.CONNECTED


@pytest.fixture
def pty_pair() -> Iterator[Pty]:
    pair = Pty()
    yield pair
    pair.close()


@pytest.fixture
def sources() -> Iterator[list[SerialSource]]:
    started: list[SerialSource] = []
    yield started
    for source in started:
        source.stop()


def run(source: SerialSource, sources: list[SerialSource]) -> Collector:
    sink = Collector()
    source.add_sink(sink)
    sources.append(source)
    source.start()
    wait_event(source, connected)
    return sink


def test_text_lines(pty_pair: Pty, sources: list[SerialSource]) -> None:
    source = SerialSource(pty_pair.path, 115200, fs=500.0)
    sink = run(source, sources)
    before = time.monotonic()
    pty_pair.write(b"# MyoWare\n" + b"".join(f"{i},{-i}\n".encode() for i in range(200)))
    sink.wait(200)
    data = sink.data()
    np.testing.assert_array_equal(data[:, 0], np.arange(200))
    np.testing.assert_array_equal(data[:, 1], -np.arange(200))
    assert list(source.channel_names) == ["ch1", "ch2"]
    assert all(b.fs == 500.0 for b in sink.blocks)
    assert before - 1.0 < sink.blocks[0].t0 < time.monotonic()
    blocks = sink.blocks
    assert all(b2.t0 >= b1.t_end - 0.5 / 500 for b1, b2 in itertools.pairwise(blocks))


def test_binary_frames_and_bad_input(pty_pair: Pty, sources: list[SerialSource]) -> None:
    source = SerialSource(pty_pair.path, format="frame", channels=2, fs=1000.0)
    sink = run(source, sources)
    frames = [encode_frame([i, 1000 - i], i) for i in range(100)]
    corrupt = bytearray(frames[50])
    corrupt[5] ^= 0x01
    stream = b"".join(frames[:50]) + b"\x13\x37garbage" + bytes(corrupt) + b"".join(frames[52:])
    pty_pair.write(stream)
    sink.wait(98)
    data = sink.data()
    expected = [i for i in range(100) if i not in (50, 51)]
    np.testing.assert_array_equal(data[:, 0], expected)
    stats = source.stats
    assert stats.malformed == 1
    # the garbage, then the damaged frame after its sync byte (the decoder resyncs one byte on)
    assert stats.skipped_bytes == 9 + len(corrupt) - 1
    assert stats.dropped_frames == 2
    codes = {e.code for e in source.poll_events() if e.kind is EventKind.WARNING}
    assert {"malformed", "garbage", "dropped"} <= codes


def test_malformed_and_nonfinite_text(pty_pair: Pty, sources: list[SerialSource]) -> None:
    source = SerialSource(pty_pair.path, channels=2, fs=100.0)
    sink = run(source, sources)
    pty_pair.write(b"1,2\nhello\n3,4,5\nnan,1\n1,inf\n\xff\xff\n5\t6\n")
    sink.wait(4)
    data = sink.data()
    assert data.shape == (4, 2)
    assert np.isnan(data[1, 0])
    assert np.isnan(data[2, 1])
    np.testing.assert_array_equal(data[3], [5, 6])
    assert source.stats.malformed == 3
    assert source.stats.nonfinite == 2
    codes = {e.code for e in source.poll_events() if e.kind is EventKind.WARNING}
    assert {"malformed", "nonfinite"} <= codes
    assert source.running


def test_rate_estimated_without_fs(pty_pair: Pty, sources: list[SerialSource]) -> None:
    source = SerialSource(pty_pair.path, estimate_for=0.3)
    sink = run(source, sources)
    deadline = time.monotonic() + 0.6
    i = 0
    while time.monotonic() < deadline:  # about 200 samples/s in bursts of 2
        pty_pair.write(f"{i}\n{i + 1}\n".encode())
        i += 2
        time.sleep(0.01)
    sink.wait(50)
    assert 100 < source.sample_rate < 250
    np.testing.assert_array_equal(sink.data()[:50, 0], np.arange(50))


def test_device_vanishes_then_reconnect_attempts(
    pty_pair: Pty, sources: list[SerialSource]
) -> None:
    source = SerialSource(pty_pair.path, fs=100.0, reconnect_delay=0.05)
    source.max_reconnect_delay = 0.4
    sink = run(source, sources)
    pty_pair.write(b"1\n2\n")
    sink.wait(2)
    pty_pair.close()  # unplugged
    error = wait_event(source, lambda e: e.kind is EventKind.ERROR)
    assert "read failed" in error.message
    wait_event(source, lambda e: e.state is ConnectionState.RECONNECTING)
    attempts = [
        wait_event(source, lambda e: e.kind is EventKind.ERROR and e.code == "connect")
        for _ in range(3)
    ]
    gaps = np.diff([e.time for e in attempts])
    assert gaps[1] > gaps[0] * 1.5  # backing off
    assert source.running
    source.stop()
    assert source.state is ConnectionState.STOPPED


def test_reconnects_when_the_port_returns(sources: list[SerialSource]) -> None:
    """A port that fails to open at first is retried; data flows once it opens."""
    pair = Pty()
    try:
        real_path = pair.path
        calls: list[str] = []

        def factory(port: str, baud: int, timeout: float) -> object:
            import serial

            calls.append(port)
            if len(calls) < 3:
                raise serial.SerialException(f"could not open port {port}")
            return serial.Serial(real_path, baud, timeout=timeout)

        source = SerialSource("/dev/flaky", fs=100.0, reconnect_delay=0.02, serial_factory=factory)
        sink = run(source, sources)
        pair.write(b"4\n5\n")
        sink.wait(2)
        assert len(calls) == 3
        np.testing.assert_array_equal(sink.data()[:, 0], [4, 5])
    finally:
        pair.close()


@pytest.mark.parametrize("fmt", ["text", "frame"])
def test_flood(fmt: str, pty_pair: Pty, sources: list[SerialSource]) -> None:
    source = SerialSource(
        pty_pair.path, format="frame" if fmt == "frame" else "text", channels=2, fs=1000.0
    )
    sink = run(source, sources)
    if fmt == "text":
        unit = b"1234,-5678\n"
        payload = unit * (1_000_000 // len(unit))
    else:
        unit = encode_frame([1234, -5678], 0)
        payload = b"".join(encode_frame([1234, -5678], i) for i in range(1_000_000 // len(unit)))
    expected = len(payload) // len(unit)
    writer = threading.Thread(target=pty_pair.write, args=(payload,), daemon=True)
    writer.start()
    sink.wait(expected, timeout=4.5)
    writer.join(1.0)
    assert source.running
    assert source.state is ConnectionState.CONNECTED
    data = sink.data()
    assert (data[:, 0] == 1234).all()
    assert source.stats.malformed == 0


def test_arrival_stamper_smooths_bursts() -> None:
    stamper = ArrivalStamper(100.0)
    t0 = stamper.stamp(10, 1.0)
    assert t0 == pytest.approx(1.0 - 0.09)
    # bursty arrival: 10 samples every 0.1 s, +-20 ms jitter -> contiguous timeline
    starts = [t0]
    for k, jitter in enumerate([0.02, -0.02, 0.01, -0.015, 0.0], start=1):
        starts.append(stamper.stamp(10, 1.0 + 0.1 * k + jitter))
    steps = np.diff(starts)
    assert np.allclose(steps, 0.1, atol=0.005)
    # a long silence restarts the timeline at the arrival time
    assert stamper.stamp(1, 5.0) == pytest.approx(5.0)
