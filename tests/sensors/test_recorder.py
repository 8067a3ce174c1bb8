"""The session recorder: streamed CSV + sidecars, readable by read_recording, crash- and
disk-full-safe."""

from __future__ import annotations

import errno
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pytest

from glute_coach.sensors import recorder as recorder_mod
from glute_coach.sensors.recorder import Annotation, Recorder, RecorderState, read_cues
from glute_coach.sensors.recordings import read_recording
from glute_coach.sensors.source import Block
from tests.conftest import ROOT

FS = 2000.0
CH = ["L_GMed", "R_GMed"]
UNITS = ["uV", "uV"]
T0 = 1000.0
BLOCK = 40  # 20 ms


class FakeClock:
    def __init__(self, t: float = T0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


def blocks(seconds: float, t0: float = T0, seed: int = 0) -> list[Block]:
    rng = np.random.default_rng(seed)
    n_total = round(seconds * FS)
    data = rng.normal(0.0, 40.0, size=(n_total, len(CH)))
    return [Block(t0 + i / FS, FS, data[i : i + BLOCK]) for i in range(0, n_total, BLOCK)]


def make(folder: Path, name: str = "s1", **kw: object) -> Recorder:
    kw.setdefault("clock", FakeClock())
    return Recorder(
        folder, name, CH, UNITS, FS, {"source": "sim:", "routine_id": "bridge-basics"}, **kw
    )  # type: ignore[arg-type]


def feed(rec: Recorder, bs: list[Block]) -> None:
    for b in bs:
        rec.write(b, np.abs(b.data))


def test_round_trip_through_read_recording(tmp_path: Path) -> None:
    bs = blocks(2.5)
    with make(tmp_path) as rec:
        feed(rec, bs)
        rec.annotate(T0 + 0.5, "squeeze, 3 s", "cue")
    assert rec.state is RecorderState.CLOSED
    back = read_recording(rec.path)
    raw = np.concatenate([b.data for b in bs])
    # Reading it back (analyze, file: replay) gives the signal; the sidecar marks the envelope
    # columns as the app's own processing, which stay in the file for other tools.
    assert back.channels == ["L_GMed", "R_GMed"]
    assert back.units == ["uV"] * 2
    assert back.fs == FS
    assert back.data.shape == (raw.shape[0], 2)
    np.testing.assert_allclose(back.data, raw, rtol=1e-6, atol=1e-9)
    table = np.loadtxt(rec.path, delimiter=",", skiprows=1)
    np.testing.assert_allclose(table[:, 3:], np.abs(raw), rtol=1e-6, atol=1e-9)

    side = json.loads(rec.sidecar_path.read_text())
    assert side["version"] == 1
    assert side["fs"] == FS
    assert side["complete"] is True
    assert side["state"] == "closed"
    assert side["source"] == "sim:"
    assert side["routine_id"] == "bridge-basics"
    assert side["flushed"]["samples"] == raw.shape[0]
    assert [c["name"] for c in side["channels"]] == [*back.channels, "L_GMed_env", "R_GMed_env"]
    assert side["start_time"].startswith("20")
    assert side["start_monotonic"] == T0
    assert read_cues(rec.cues_path) == [Annotation(0.5, "squeeze, 3 s", "cue", 0.0)]


def test_replay_through_file_source_spec(tmp_path: Path) -> None:
    from glute_coach.sensors.file_source import FileSource

    with make(tmp_path) as rec:
        feed(rec, blocks(1.0))
    src = FileSource(rec.path, speed=50.0)
    assert list(src.channel_names) == CH
    assert src.sample_rate == pytest.approx(FS, rel=1e-6)
    assert src.total_samples == round(FS)


def test_flushes_every_second_of_block_time(tmp_path: Path) -> None:
    rec = make(tmp_path, flush_interval=1.0)
    bs = blocks(2.3)
    feed(rec, bs[: round(0.9 * FS / BLOCK)])
    assert rec.samples_written == 0
    feed(rec, bs[round(0.9 * FS / BLOCK) :])
    # flushed at 1.0 s and 2.0 s of block time; 0.3 s still buffered
    assert rec.samples_written == round(2.0 * FS)
    side = json.loads(rec.sidecar_path.read_text())
    assert side["flushed"]["samples"] == round(2.0 * FS)
    assert side["flushed"]["bytes"] == rec.path.stat().st_size
    assert side["complete"] is False
    rec.close()
    assert read_recording(rec.path).data.shape[0] == round(2.3 * FS)


def test_flushes_on_the_clock_when_data_stops(tmp_path: Path) -> None:
    clock = FakeClock()
    rec = make(tmp_path, clock=clock)
    feed(rec, blocks(0.2))
    rec.annotate(T0 + 0.1, "hold", "cue")
    rec.flush_if_due()
    assert rec.samples_written == 0
    clock.t += 1.01
    rec.flush_if_due()
    assert rec.samples_written == round(0.2 * FS)
    assert [c.text for c in read_cues(rec.cues_path)] == ["hold"]
    rec.close()


def test_buffer_is_bounded(tmp_path: Path) -> None:
    rec = make(tmp_path, flush_interval=3600.0, max_buffer_s=0.25)
    for b in blocks(3.0):
        rec.write(b, None)
        assert rec._pending_n < round(0.25 * FS)
    assert rec.samples_written >= round(2.75 * FS)
    rec.close()
    back = read_recording(rec.path)
    assert back.data.shape[0] == round(3.0 * FS)
    table = np.loadtxt(rec.path, delimiter=",", skiprows=1)
    assert np.isnan(table[:, 3:]).all()  # no envelope given: nan, still readable


def test_nonfinite_values_are_written_as_nan(tmp_path: Path) -> None:
    data = np.array([[1.0, np.nan], [np.inf, 2.0], [-np.inf, 3.0], [4.0, 5.0]])
    with make(tmp_path) as rec:
        rec.write(Block(T0, FS, data), np.array([[np.nan, 1.0]] * 4))
    text = rec.path.read_text()
    assert "inf" not in text
    assert "nan" in text
    back = read_recording(rec.path)
    assert back.data.shape == (4, 2)
    assert np.isnan(back.data[0, 1])
    assert np.isnan(back.data[1, 0])
    assert np.isnan(back.data[2, 0])
    assert back.data[3, 1] == 5.0


def test_gaps_and_annotations(tmp_path: Path) -> None:
    seen: list[Annotation] = []
    with make(tmp_path) as rec:
        rec.add_listener(seen.append)
        feed(rec, blocks(1.0))
        feed(rec, blocks(1.0, t0=T0 + 3.0))  # 2 s without data
        rec.mark_gap(T0 + 1.0, T0 + 3.0, "sensor lost")
        rec.annotate(T0 + 3.5, 'say "relax", then rest', "voice")
    cues = read_cues(rec.cues_path)
    assert [c.kind for c in cues] == ["gap", "gap", "voice"]
    assert cues[0].t == pytest.approx(1.0)
    assert cues[0].duration == pytest.approx(2.0)
    assert cues[1].text == "sensor lost"
    assert cues[2].text == 'say "relax", then rest'
    assert [n.kind for n in seen] == ["gap", "gap", "voice"]
    back = read_recording(rec.path)
    assert back.data.shape[0] == round(2.0 * FS)


def test_wrong_shape_is_dropped_not_raised(tmp_path: Path) -> None:
    with make(tmp_path) as rec:
        rec.write(Block(T0, FS, np.zeros((10, 3))), None)
        rec.write(Block(T0, FS, np.zeros((10, 2))), np.zeros((9, 2)))
        assert rec.blocks_rejected == 2
        assert rec.state is RecorderState.RECORDING


def test_existing_files_are_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "s1.csv").write_text("precious\n")
    errors: list[str] = []
    rec = make(tmp_path, on_error=errors.append)
    assert rec.failed
    assert len(errors) == 1
    assert "s1.csv" in errors[0]
    assert (tmp_path / "s1.csv").read_text() == "precious\n"


# --- failures at the OS boundary --------------------------------------------------------------


def test_folder_that_cannot_exist_fails_cleanly(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    errors: list[str] = []
    rec = make(blocker / "sub", on_error=errors.append)  # mkdir under a file: a real OSError
    assert rec.state is RecorderState.FAILED
    feed(rec, blocks(2.0))
    rec.annotate(T0, "cue")
    rec.close()
    assert len(errors) == 1
    assert "cannot start the recording" in errors[0]
    assert rec.samples_dropped == round(2.0 * FS)


def test_disk_full_from_the_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CSV is opened on /dev/full: every write returns ENOSPC for real."""
    real_open = recorder_mod._open_exclusive

    def open_full(path: Path) -> BinaryIO:
        if path.suffix == ".csv":
            return open("/dev/full", "wb")  # exists, so not exclusive; every write: ENOSPC
        return real_open(path)

    monkeypatch.setattr(recorder_mod, "_open_exclusive", open_full)
    errors: list[str] = []
    rec = make(tmp_path, on_error=errors.append)
    feed(rec, blocks(1.5))
    rec.close()
    assert rec.state is RecorderState.CLOSED
    assert len(errors) == 1
    assert "No space left on device" in errors[0]
    assert rec.error == errors[0]
    side = json.loads(rec.sidecar_path.read_text())
    assert side["state"] == "failed"
    assert side["error"] == errors[0]


def test_disk_full_mid_session_keeps_what_was_flushed(tmp_path: Path) -> None:
    """Swap the CSV's descriptor for /dev/full after 2 s: the next flush really gets ENOSPC."""
    errors: list[str] = []
    rec = make(tmp_path, on_error=errors.append)
    bs = blocks(4.0)
    feed(rec, bs[:50])  # 1.0 s -> first flush
    feed(rec, bs[50:100])  # 2.0 s -> second flush
    assert rec.samples_written == round(2.0 * FS)
    assert rec._csv is not None
    full = os.open("/dev/full", os.O_WRONLY)
    try:
        keep = os.dup(rec._csv.fileno())
        os.dup2(full, rec._csv.fileno())
    finally:
        os.close(full)
    feed(rec, bs[100:])  # the flush at 3 s fails; the rest is dropped quietly
    rec.close()
    os.close(keep)
    assert rec.state is RecorderState.CLOSED
    assert len(errors) == 1
    assert "No space left on device" in errors[0]
    assert "2.0 s of data saved" in errors[0]
    assert rec.samples_dropped == round(2.0 * FS)
    back = read_recording(rec.path)
    np.testing.assert_allclose(
        back.data[:, :2], np.concatenate([b.data for b in bs[:100]]), rtol=1e-6, atol=1e-9
    )


def test_fsync_failure_truncates_the_partial_chunk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    rec = make(tmp_path, on_error=errors.append)
    bs = blocks(3.0)
    feed(rec, bs[:50])
    good = rec.path.stat().st_size

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    feed(rec, bs[50:])
    monkeypatch.undo()
    rec.close()
    assert len(errors) == 1
    assert rec.path.stat().st_size == good  # the unsynced chunk was cut off again
    assert read_recording(rec.path).data.shape[0] == round(1.0 * FS)


# --- crashes ----------------------------------------------------------------------------------


def test_crash_without_close_keeps_everything_up_to_the_last_flush(tmp_path: Path) -> None:
    rec = make(tmp_path)
    bs = blocks(3.5)
    feed(rec, bs)  # flushes at 1, 2, 3 s; 0.5 s stays in memory
    rec.annotate(T0 + 2.5, "cue at 2.5")  # buffered, lost with the crash
    snap = tmp_path / "after-crash"
    snap.mkdir()
    for p in (rec.path, rec.sidecar_path, rec.cues_path):
        shutil.copy(p, snap / p.name)
    # a power cut in the middle of the next append leaves a torn row behind
    with open(snap / rec.path.name, "a") as f:
        f.write("3.000500000,12.5,")
    back = read_recording(snap / rec.path.name)
    assert back.data.shape[0] == round(3.0 * FS)
    side = json.loads((snap / rec.sidecar_path.name).read_text())
    assert side["complete"] is False
    assert side["flushed"]["samples"] == round(3.0 * FS)
    rec.close()


CHILD = textwrap.dedent(
    """
    import sys, time
    import numpy as np
    from glute_coach.sensors.recorder import Recorder
    from glute_coach.sensors.source import Block
    fs = 2000.0
    rec = Recorder(sys.argv[1], "crash", ["a", "b"], ["uV", "uV"], fs, {"source": "sim:"})
    data = np.arange(7000 * 2, dtype=float).reshape(7000, 2)
    for i in range(0, 7000, 40):
        b = Block(50.0 + i / fs, fs, data[i : i + 40])
        rec.write(b, np.abs(b.data))
    rec.annotate(51.0, "go")
    rec.flush()
    print("flushed", flush=True)
    time.sleep(60)
    """
)


def test_sigkill_after_flush_loses_nothing(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "flushed"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    back = read_recording(tmp_path / "crash.csv")
    assert back.data.shape == (7000, 2)
    assert back.data[-1, 0] == 13998.0
    assert back.data[-1, 1] == 13999.0
    assert back.fs == pytest.approx(2000.0, rel=1e-6)
    assert [c.text for c in read_cues(tmp_path / "crash.cues.csv")] == ["go"]
    side = json.loads((tmp_path / "crash.json").read_text())
    assert side["flushed"]["samples"] == 7000
    assert not math.isnan(side["start_monotonic"])
