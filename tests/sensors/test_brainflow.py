"""BrainFlow's synthetic and playback boards (no hardware, no network) through BrainFlowSource."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import numpy as np
import pytest

from glute_coach.sensors.brainflow_source import BrainFlowSource, resolve_board
from glute_coach.sensors.source import Block, ConnectionState, EventKind
from tests.sensors.events import wait_event

wait_event = partial(wait_event, timeout=4.0)

board_shim = pytest.importorskip("brainflow.board_shim")
data_filter = pytest.importorskip("brainflow.data_filter")
BoardShim = board_shim.BoardShim


class Collector:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.lock = threading.Lock()
        self.count = 0

    def __call__(self, block: Block) -> None:
        with self.lock:
            self.blocks.append(block)
            self.count += block.n

    def wait(self, total: int, timeout: float = 4.0) -> None:
        deadline = time.monotonic() + timeout
        while self.count < total and time.monotonic() < deadline:
            time.sleep(0.01)
        assert self.count >= total, f"received {self.count} of {total} samples"


@pytest.fixture
def started() -> Iterator[list[BrainFlowSource]]:
    sources: list[BrainFlowSource] = []
    yield sources
    for source in sources:
        source.stop()


def test_board_names_and_numbers() -> None:
    assert resolve_board("synthetic") == -1
    assert resolve_board("-1") == -1
    assert resolve_board("playback") == -3
    assert resolve_board("Cyton_Daisy") == 2
    assert resolve_board("ganglion_native") == 46
    assert resolve_board("callibri_emg") == 10
    assert resolve_board("gforce_pro") == 16


def test_synthetic_board(started: list[BrainFlowSource]) -> None:
    source = BrainFlowSource("synthetic")
    assert source.config_error is None
    assert source.sample_rate == 250.0
    assert list(source.channel_names) == [f"exg{i}" for i in range(1, 17)]
    assert set(source.units) == {"uV"}
    sink = Collector()
    source.add_sink(sink)
    before = time.monotonic()
    started.append(source)
    source.start()
    sink.wait(100)
    after = time.monotonic()
    source.stop()
    assert source.state is ConnectionState.STOPPED
    blocks = list(sink.blocks)
    assert all(b.fs == 250.0 and b.data.shape[1] == 16 for b in blocks)
    data = np.concatenate([b.data for b in blocks])
    assert np.isfinite(data).all()
    assert data.std(axis=0).min() > 0  # sinusoids, not a constant
    # timestamps on the monotonic clock, within the run, increasing
    assert before - 0.5 < blocks[0].t0 < after
    assert all(b2.t0 >= b1.t_end - 0.5 / 250 for b1, b2 in itertools.pairwise(blocks))
    events = source.poll_events()
    assert not [e for e in events if e.kind is EventKind.ERROR], events


def test_stop_releases_the_session(started: list[BrainFlowSource]) -> None:
    source = BrainFlowSource(-1)
    sink = Collector()
    source.add_sink(sink)
    started.append(source)
    source.start()
    sink.wait(10)
    source.stop()
    assert source._shim is None
    # BrainFlow refuses a second session on a board that is still prepared
    shim = BoardShim(-1, board_shim.BrainFlowInputParams())
    shim.prepare_session()
    shim.release_session()


def test_playback_board(tmp_path: Path, started: list[BrainFlowSource]) -> None:
    rows = BoardShim.get_num_rows(-1)
    exg = BoardShim.get_exg_channels(-1)
    n = 500
    data = np.zeros((rows, n))
    for k, row in enumerate(exg):
        data[row] = np.arange(n) + 1000.0 * k
    data[BoardShim.get_timestamp_channel(-1)] = 1.7e9 + np.arange(n) / 250.0
    path = tmp_path / "recording.csv"
    data_filter.DataFilter.write_file(data, str(path), "w")

    source = BrainFlowSource("playback", {"file": str(path), "master_board": "synthetic"})
    assert source.config_error is None
    assert source.sample_rate == 250.0
    sink = Collector()
    source.add_sink(sink)
    started.append(source)
    source.start()
    sink.wait(100)
    source.stop()
    got = np.concatenate([b.data for b in sink.blocks])
    assert got.shape[1] == len(exg)
    np.testing.assert_array_equal(got[:, 0], np.arange(got.shape[0]))
    np.testing.assert_array_equal(got[:, 3], np.arange(got.shape[0]) + 3000.0)


@pytest.mark.parametrize(
    ("board", "options", "message"),
    [
        ("no_such_board", {}, "unknown BrainFlow board 'no_such_board'"),
        ("12345", {}, "unknown BrainFlow board id 12345"),
        ("synthetic", {"colour": "red"}, "unknown BrainFlow option 'colour'"),
        ("synthetic", {"timeout": "soon"}, "timeout='soon' is not an integer"),
        ("playback", {"file": "/nonexistent.csv"}, "needs master_board="),
        ("playback", {"file": "/nonexistent.csv", "master_board": "-1"}, "no such file"),
    ],
)
def test_bad_board_or_option_is_an_error_event(
    board: str, options: dict[str, str], message: str, started: list[BrainFlowSource]
) -> None:
    source = BrainFlowSource(board, options)  # does not raise
    assert source.config_error is not None
    started.append(source)
    source.start()
    error = wait_event(source, lambda e: e.kind is EventKind.ERROR)
    assert message in error.message
    assert error.code == "connect"
    wait_event(source, lambda e: e.state is ConnectionState.STOPPED)
    assert not source.poll_events()  # no retries


def test_hardware_failure_is_an_error_event(started: list[BrainFlowSource]) -> None:
    # a Cyton on a port that does not exist: prepare_session fails, the source retries
    source = BrainFlowSource("cyton", {"serial_port": "/dev/nonexistent-glute-test"})
    source.reconnect_delay = 0.05
    assert source.config_error is None
    started.append(source)
    source.start()
    error = wait_event(source, lambda e: e.kind is EventKind.ERROR)
    assert "cannot connect" in error.message
    wait_event(source, lambda e: e.state is ConnectionState.RECONNECTING)
    source.stop()
    assert source.state is ConnectionState.STOPPED
