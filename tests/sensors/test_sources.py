from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import numpy as np
import pytest

from glute_coach.sensors.file_source import FileSource
from glute_coach.sensors.recordings import read_recording
from glute_coach.sensors.ring_buffer import RingBuffer
from glute_coach.sensors.sim import SimSource
from glute_coach.sensors.source import (
    Block,
    ConnectionState,
    EventKind,
    SignalSource,
    SourceEvent,
    ThreadedSource,
)
from glute_coach.sensors.spec import (
    BleSpec,
    BrainFlowSpec,
    FileSpec,
    LslSpec,
    SerialSpec,
    SimSpec,
    open_source,
    parse_spec,
)
from tests.sensors.events import is_state, wait_event

wait_event = partial(wait_event, timeout=5.0)

UCI = Path(__file__).resolve().parents[3] / "shared" / "data" / "emg" / "uci-lower-limb"


# --- spec ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sim", SimSpec()),
        (
            "sim:seed=3,channels=2,fs=1000,kind=emg",
            SimSpec(seed=3, channels=2, fs=1000.0, kind="emg"),
        ),
        ("SIM:kind=pressure,fs=50", SimSpec(kind="pressure", fs=50.0)),
        ("file:/tmp/a,b.txt,speed=2.5", FileSpec(Path("/tmp/a,b.txt"), speed=2.5)),
        ("file:rec.tsv", FileSpec(Path("rec.tsv"))),
        ("lsl:MyAmp", LslSpec(name="MyAmp")),
        ("lsl:type=EMG", LslSpec(type="EMG")),
        ("lsl:Amp,type=EMG", LslSpec(name="Amp", type="EMG")),
        ("brainflow:46,mac=AA:BB", BrainFlowSpec("46", {"mac": "AA:BB"})),
        ("ble:AA:BB:CC:DD:EE:FF,profile=myoware", BleSpec("AA:BB:CC:DD:EE:FF", "myoware")),
        ("serial:/dev/ttyUSB0,baud=9600", SerialSpec("/dev/ttyUSB0", 9600)),
        ("serial:COM3", SerialSpec("COM3")),
    ],
)
def test_parse_spec(text: str, expected: object) -> None:
    assert parse_spec(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("magic:1", "unknown sensor kind 'magic'"),
        ("sim:seed=x", "not a number"),
        ("sim:fs=0", "positive"),
        ("sim:kind=ecg", "emg or pressure"),
        ("sim:colour=red", "unknown option"),
        ("sim:seed=1,seed=2", "twice"),
        ("file:", "needs a path"),
        ("file:x.csv,speed=-1", "positive"),
        ("lsl:", "name or type"),
        ("ble:", "address"),
        ("serial:", "port"),
        ("serial:COM1,baud=fast", "not a number"),
    ],
)
def test_parse_spec_errors(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_spec(text)


def test_every_kind_opens_its_source() -> None:
    from glute_coach.sensors.ble_source import BleSource
    from glute_coach.sensors.brainflow_source import BrainFlowSource
    from glute_coach.sensors.serial_source import SerialSource

    assert isinstance(open_source("brainflow:synthetic"), BrainFlowSource)
    assert isinstance(open_source("ble:AA:BB:CC:DD:EE:FF,profile=myoware2"), BleSource)
    serial = open_source("serial:/dev/ttyACM0,baud=9600,format=frame,channels=2,fs=500")
    assert isinstance(serial, SerialSource)
    with pytest.raises(ValueError, match="format must be"):
        open_source("serial:/dev/ttyACM0,format=morse")


def test_open_source_builds_sources() -> None:
    sim = open_source("sim:seed=1,channels=2")
    assert isinstance(sim, SimSource)
    assert isinstance(sim, SignalSource)
    assert list(sim.channel_names) == ["left", "right"]
    assert list(sim.units) == ["mV", "mV"]
    assert sim.sample_rate == 1000.0
    with pytest.raises(ValueError, match="no such recording"):
        open_source("file:/nonexistent/x.csv")


# --- sim -------------------------------------------------------------------------------------
class FakeClock:
    def __init__(self, t: float = 100.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


def test_sim_is_deterministic_for_a_seed() -> None:
    def run(seed: int) -> np.ndarray:
        sim = SimSource(seed=seed, clock=FakeClock())
        sim.on_cue("squeeze", at_time=100.1)
        return np.concatenate([sim.generate(250).data for _ in range(4)])

    a, b, c = run(3), run(3), run(4)
    assert a.shape == (1000, 2)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def moving_rms(x: np.ndarray, window: int) -> np.ndarray:
    kernel = np.ones(window) / window
    return np.sqrt(np.convolve(x**2, kernel, mode="valid"))


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_sim_activation_follows_cue_with_latency(seed: int) -> None:
    clock = FakeClock(50.0)
    sim = SimSource(seed=seed, clock=clock)
    rest = sim.generate(1000)  # 1 s at rest
    cue_t = 51.0
    effective = sim.on_cue("squeeze", at_time=cue_t)
    assert 0.15 <= effective - cue_t <= 0.40
    active = sim.generate(2000)
    relax_eff = sim.on_cue("relax", at_time=53.0)
    relaxed = sim.generate(1500)
    assert rest.t_end == pytest.approx(active.t0)
    assert relax_eff > 53.0

    # onset from the signal: 50 ms RMS crosses 10 x rest level within the latency range (+ rise)
    rms = moving_rms(active.data[:, 0], 50)
    rest_rms = float(np.sqrt(np.mean(rest.data[200:, 0] ** 2)))
    onset = active.t0 + (int(np.argmax(rms > 10 * rest_rms)) + 50) / sim.sample_rate
    assert cue_t + 0.15 <= onset <= cue_t + 0.40 + 0.15

    late = active.data[1000:]  # well after onset
    left, right = np.sqrt(np.mean(late**2, axis=0))
    assert right < left
    assert right / left == pytest.approx(0.85, abs=0.08)
    assert np.sqrt(np.mean(relaxed.data[1000:, 0] ** 2)) < 0.1 * left


def test_sim_emg_is_band_limited() -> None:
    sim = SimSource(seed=7, clock=FakeClock())
    sim.on_cue("start", at_time=99.0)
    x = sim.generate(8192).data[:, 0]
    spectrum = np.abs(np.fft.rfft(x)) ** 2
    freqs = np.fft.rfftfreq(x.size, 1 / sim.sample_rate)
    in_band = spectrum[(freqs > 30) & (freqs < 400)].mean()
    assert spectrum[freqs < 5].mean() < 0.05 * in_band
    assert spectrum[freqs > 490].mean() < 0.2 * in_band


def test_sim_pressure_baseline_and_squeeze() -> None:
    sim = SimSource(kind="pressure", channels=1, fs=100.0, seed=2, clock=FakeClock())
    assert list(sim.units) == ["mmHg"]
    rest = sim.generate(500).data[:, 0]
    assert 37 < rest.mean() < 43
    sim.on_cue("squeeze", at_time=105.0)
    squeezed = sim.generate(500).data[200:, 0]
    assert squeezed.mean() > rest.mean() + 10


def test_sim_rejects_unknown_cue() -> None:
    with pytest.raises(ValueError, match="unknown cue"):
        SimSource(seed=1).on_cue("dance")


def test_sim_thread_delivers_real_time_blocks_into_a_ring() -> None:
    sim = SimSource(seed=1)
    ring = RingBuffer(5000, 2)
    enough = threading.Event()

    def sink(block: Block) -> None:
        ring.push(block)
        if ring.total >= 200:
            enough.set()

    sim.add_sink(sink)
    sim.start()
    try:
        wait_event(sim, is_state(ConnectionState.CONNECTED))
        assert enough.wait(5.0)
    finally:
        sim.stop()
    assert not sim.running
    assert sim.state is ConnectionState.STOPPED
    win = ring.latest(200)
    assert np.all(np.diff(win.t) > 0)
    assert ring.gaps() == []
    assert abs(win.t[-1] - time.monotonic()) < 1.0


# --- file replay -----------------------------------------------------------------------------
needs_uci = pytest.mark.usefixtures("uci_dir")  # fails in CI if the data is missing


@needs_uci
def test_read_uci_file_detects_numeric_start_and_names() -> None:
    rec = read_recording(UCI / "5Nmar.txt")
    assert rec.channels == ["RF", "BF", "VM", "ST", "FX"]
    assert rec.units == ["mV", "mV", "mV", "mV", "deg"]
    assert rec.fs == 1000.0
    assert rec.data.shape == (6563, 5)  # the header says 6563 values; FX-only rows are cut
    assert rec.data[0].tolist() == [0.0037, -0.0015, -0.0008, -0.0173, 59.9]


@needs_uci
def test_file_replay_of_uci_at_speed_100() -> None:
    source = open_source(f"file:{UCI / '5Nmar.txt'},speed=100")
    assert isinstance(source, FileSource)
    blocks: list[Block] = []
    source.add_sink(blocks.append)
    source.start()
    try:
        seen: list[SourceEvent] = []
        wait_event(source, is_state(ConnectionState.STOPPED), timeout=10, seen=seen)
    finally:
        source.stop()
    assert any(e.code == "eos" for e in seen)
    assert not [e for e in seen if e.kind is EventKind.ERROR]
    # one block per 20 ms of wall time: 2000 samples at speed 100
    assert [b.n for b in blocks] == [2000, 2000, 2000, 563]
    assert sum(b.n for b in blocks) == source.total_samples == 6563
    data = np.concatenate([b.data for b in blocks])
    np.testing.assert_array_equal(data, source.recording.data)
    t = np.concatenate([b.timestamps() for b in blocks])
    assert np.all(np.diff(t) > 0)
    assert np.allclose(np.diff(t), 1e-3)
    assert t[-1] - t[0] == pytest.approx(6.562)  # the recording's own time base


def test_csv_with_header_row(tmp_path: Path) -> None:
    path = tmp_path / "rec.csv"
    path.write_text("left,right\n" + "".join(f"{i},{-i}\n" for i in range(30)))
    source = FileSource(path, speed=1000, fs=100)
    assert list(source.channel_names) == ["left", "right"]
    blocks: list[Block] = []
    source.add_sink(blocks.append)
    source.start()
    try:
        wait_event(source, is_state(ConnectionState.STOPPED))
    finally:
        source.stop()
    assert sum(b.n for b in blocks) == 30


# --- bad input and connection states ---------------------------------------------------------
class FeedSource(ThreadedSource):
    """Delivers what the test puts in ``feed``: blocks, or exceptions to raise from ``_read``."""

    reconnect_delay = 0.01

    def __init__(self, stall_timeout: float = 0.3, fail_opens: int = 0) -> None:
        super().__init__(["a", "b"], ["mV", "mV"], 100.0, stall_timeout=stall_timeout)
        self.feed: queue.Queue[Block | Exception] = queue.Queue()
        self.fail_opens = fail_opens

    def _open(self) -> None:
        if self.fail_opens > 0:
            self.fail_opens -= 1
            raise ConnectionError("device busy")

    def _read(self, timeout: float) -> Block | None:
        try:
            item = self.feed.get(timeout=timeout)
        except queue.Empty:
            return None
        if isinstance(item, Exception):
            raise item
        return item


@pytest.fixture
def feed() -> Iterator[tuple[FeedSource, list[Block]]]:
    source = FeedSource()
    blocks: list[Block] = []
    source.add_sink(blocks.append)
    source.start()
    yield source, blocks
    source.stop()
    assert not source.running


def data(n: int, value: float = 1.0) -> np.ndarray:
    return np.full((n, 2), value)


def test_stall_lost_then_connected_again(feed: tuple[FeedSource, list[Block]]) -> None:
    source, blocks = feed
    seen: list[SourceEvent] = []
    wait_event(source, is_state(ConnectionState.CONNECTED), seen=seen)
    now = time.monotonic()
    source.feed.put(Block(now, 100.0, data(10)))
    lost = wait_event(source, is_state(ConnectionState.LOST), seen=seen)
    assert "no data" in lost.message
    source.feed.put(Block(now + 1.0, 100.0, data(10)))
    back = wait_event(source, is_state(ConnectionState.CONNECTED), seen=seen)
    assert back.message == "data again"
    assert len(blocks) == 2
    states = [e.state for e in seen if e.kind is EventKind.STATE]
    assert states == [
        ConnectionState.CONNECTING,
        ConnectionState.CONNECTED,
        ConnectionState.LOST,
        ConnectionState.CONNECTED,
    ]


def test_bad_samples_and_timestamps_are_reported_not_raised(
    feed: tuple[FeedSource, list[Block]],
) -> None:
    source, blocks = feed
    source.warn_interval = 0.0
    ring = RingBuffer(1000, 2)
    source.add_sink(ring.push)
    wait_event(source, is_state(ConnectionState.CONNECTED))
    t = time.monotonic()
    bad = data(10)
    bad[3, 0], bad[4, 1] = np.nan, np.inf
    source.feed.put(Block(t, 100.0, bad))
    assert wait_event(source, lambda e: e.code == "nonfinite").kind is EventKind.WARNING
    source.feed.put(Block(t, 100.0, data(10)))  # duplicated timestamps
    dup = wait_event(source, lambda e: e.code == "timestamps")
    assert "duplicated" in dup.message
    source.feed.put(Block(t - 5.0, 100.0, data(10)))  # out of order
    assert "out-of-order" in wait_event(source, lambda e: e.code == "timestamps").message
    source.feed.put(Block(t + 0.5, 250.0, data(10)))  # rate differs; also a gap
    assert "250" in wait_event(source, lambda e: e.code == "rate").message
    source.feed.put(RuntimeError("usb hiccup"))  # a read failure: reported, then reconnect
    err = wait_event(source, lambda e: e.kind is EventKind.ERROR)
    assert "usb hiccup" in err.message
    wait_event(source, is_state(ConnectionState.RECONNECTING))
    wait_event(source, is_state(ConnectionState.CONNECTED))
    assert source.running
    assert len(blocks) == 4
    assert all(np.all(np.diff(b.timestamps()) > 0) for b in blocks)
    starts = [b.t0 for b in blocks]
    assert starts == sorted(starts)
    assert np.isnan(blocks[0].data[3, 0])
    assert np.isnan(blocks[0].data[4, 1])
    assert len(ring.gaps()) == 1


def test_failing_sink_and_flood_do_not_stop_acquisition() -> None:
    source = FeedSource()
    source._blocks = queue.Queue(3)  # a consumer that never drains

    def broken(block: Block) -> None:
        raise ZeroDivisionError("sink bug")

    got = threading.Event()
    source.add_sink(broken)
    source.start()
    try:
        wait_event(source, is_state(ConnectionState.CONNECTED))
        t = time.monotonic()
        for i in range(10):
            source.feed.put(Block(t + i * 0.1, 100.0, data(10)))
        assert "sink bug" in wait_event(source, lambda e: e.code == "sink").message
        source._sinks = [lambda b: got.set()]
        source.feed.put(Block(t + 2.0, 100.0, data(10)))
        assert got.wait(5.0)
        assert source.running
    finally:
        source.stop()


def test_flood_drops_oldest_blocks_and_reports() -> None:
    source = FeedSource()
    source._blocks = queue.Queue(3)
    source.start()
    try:
        wait_event(source, is_state(ConnectionState.CONNECTED))
        t = time.monotonic()
        for i in range(10):
            source.feed.put(Block(t + i * 0.1, 100.0, data(10, float(i))))
        assert "dropped" in wait_event(source, lambda e: e.code == "flood").message
    finally:
        source.stop()
    kept = source.poll_blocks()
    assert len(kept) == 3
    assert kept[-1].data[0, 0] == 9.0
    assert source.dropped_blocks == 7


def test_connect_failures_are_retried_and_reported() -> None:
    source = FeedSource(fail_opens=2)
    source.start()
    try:
        seen: list[SourceEvent] = []
        wait_event(source, is_state(ConnectionState.CONNECTED), seen=seen)
    finally:
        source.stop()
    assert [e.code for e in seen if e.kind is EventKind.ERROR] == ["connect", "connect"]
    assert [e.state for e in seen if e.kind is EventKind.STATE] == [
        ConnectionState.CONNECTING,
        ConnectionState.RECONNECTING,
        ConnectionState.CONNECTED,
    ]
    rest = source.poll_events()
    assert rest[-1].state is ConnectionState.STOPPED
