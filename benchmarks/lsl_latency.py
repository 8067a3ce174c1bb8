"""End-to-end latency of LSL EMG through the app's path, against a bare pylsl inlet. Prints JSON.

    .venv/bin/python benchmarks/lsl_latency.py [--seconds 10]

A real pylsl StreamOutlet (8 channels x 2000 Hz, float32, type "EMG", a unique name) on this
machine; a pusher thread sends 20-sample chunks every 10 ms of wall time (real time, on an
absolute schedule), each with an explicit LSL timestamp ``T0 + index / fs`` for its last sample,
and keeps ``chunk -> monotonic time just before push_chunk``. Received samples are matched to
chunks by their timestamps (for the app path mapped back from monotonic with the same
local_clock/monotonic offset). Channel 0 also carries the global sample index (exact in float32
below 2**24): ``data_intact`` is the fraction of received samples whose channel 0 holds it.

- app: :class:`LslSource` resolved by name, with a sink that runs :class:`EmgProcessor` on every
  block and notes ``time.monotonic()`` once the envelope is ready.
- raw: a bare ``StreamInlet.pull_chunk(timeout=...)`` loop into a preallocated buffer, no
  processing, noting ``time.monotonic()`` when the chunk is returned.

Latency of a chunk = ready time of the block holding its last sample - its push time. The two
paths run one after the other (each with its own outlet) so they do not compete for the CPU; the
first 0.5 s of each run is warm-up and left out. The target is a median < 20 ms for the app path.

LSLAPICFG is pointed at tests/sensors/lsl.cfg (IPv6 off, resolve scope "machine") before pylsl
is imported, unless already set, so that discovery stays on this machine.
"""

# ruff: noqa: E402 - LSLAPICFG must be set before pylsl (and the sensors) are imported
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("LSLAPICFG", str(ROOT / "tests" / "sensors" / "lsl.cfg"))

import argparse
import json
import platform
import sys
import threading
import time
import uuid
from typing import Any

import numpy as np

sys.path.insert(0, str(ROOT))

import pylsl

from glute_coach.sensors.lsl_source import LslSource, clock_offset
from glute_coach.sensors.processing import EmgProcessor
from glute_coach.sensors.source import Block, ConnectionState

FS, CH, CHUNK, PERIOD_S = 2000, 8, 20, 0.010
WARMUP_S = 0.5
TARGET_MEDIAN_MS = 20.0


def make_outlet(tag: str) -> tuple[Any, str]:
    name = f"gc-bench-lsl-{tag}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    info = pylsl.StreamInfo(name, "EMG", CH, FS, "float32", name)
    chans = info.desc().append_child("channels")
    for i in range(CH):
        ch = chans.append_child("channel")
        ch.append_child_value("label", "seq" if i == 0 else f"emg{i}")
        ch.append_child_value("unit", "uV")
    return pylsl.StreamOutlet(info, CHUNK, 30), name


class Pusher(threading.Thread):
    """Pushes ``n_chunks`` chunks on an absolute 10 ms schedule, noting each push time."""

    def __init__(self, outlet: Any, n_chunks: int, seed: int) -> None:
        super().__init__(name="lsl-bench-pusher", daemon=True)
        self.outlet = outlet
        self.n_chunks = n_chunks
        self.push_t = np.full(n_chunks, np.nan)
        self.t0_lsl = 0.0  # LSL time of sample 0
        self.late = 0  # chunks pushed more than one period behind schedule
        rng = np.random.default_rng(seed)
        self._data = (rng.standard_normal((n_chunks * CHUNK, CH)) * 50.0).astype(np.float32)
        self._data[:, 0] = np.arange(n_chunks * CHUNK, dtype=np.float32)

    def run(self) -> None:
        self.t0_lsl = pylsl.local_clock()
        t_next = time.monotonic()
        for k in range(self.n_chunks):
            delay = t_next - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            elif -delay > PERIOD_S:
                self.late += 1
            chunk = self._data[k * CHUNK : (k + 1) * CHUNK]
            stamp = self.t0_lsl + ((k + 1) * CHUNK - 1) / FS  # of the chunk's last sample
            self.push_t[k] = time.monotonic()
            self.outlet.push_chunk(chunk, stamp)
            t_next += PERIOD_S


class Received:
    """Per received block: ready time (monotonic), LSL stamps of its samples, channel 0."""

    def __init__(self) -> None:
        self.items: list[tuple[float, np.ndarray, np.ndarray]] = []

    def add(self, ready: float, stamps_lsl: np.ndarray, seq: np.ndarray) -> None:
        self.items.append((ready, stamps_lsl, seq))

    def evaluate(self, pusher: Pusher) -> tuple[np.ndarray, float]:
        """Latency (s) of each chunk after the warm-up, and the fraction of intact samples."""
        first = round(WARMUP_S / PERIOD_S)
        out = np.full(pusher.n_chunks, np.nan)
        intact = total = 0
        for ready, stamps, seq in self.items:
            idx = np.rint((stamps - pusher.t0_lsl) * FS).astype(np.int64)
            intact += int(np.count_nonzero(seq == idx))
            total += idx.size
            ends = idx[idx % CHUNK == CHUNK - 1] // CHUNK
            ends = ends[(ends >= 0) & (ends < pusher.n_chunks)]
            out[ends] = ready - pusher.push_t[ends]
        lat = out[first:]
        return lat[np.isfinite(lat)], (intact / total if total else 0.0)


def stats(lat_s: np.ndarray, n_expected: int) -> dict[str, Any]:
    ms = lat_s * 1e3
    if ms.size == 0:
        return {"count": 0, "expected": n_expected}
    return {
        "count": int(ms.size),
        "expected": n_expected,
        "median_ms": round(float(np.median(ms)), 3),
        "p95_ms": round(float(np.percentile(ms, 95)), 3),
        "p99_ms": round(float(np.percentile(ms, 99)), 3),
        "max_ms": round(float(ms.max()), 3),
        "min_ms": round(float(ms.min()), 3),
        "mean_ms": round(float(ms.mean()), 3),
    }


def summarise(received: Received, pusher: Pusher, sizes: list[int]) -> dict[str, Any]:
    lat, intact = received.evaluate(pusher)
    out = stats(lat, pusher.n_chunks - round(WARMUP_S / PERIOD_S))
    out["blocks"] = len(sizes)
    out["block_samples_median"] = float(np.median(sizes)) if sizes else 0.0
    out["data_intact"] = round(intact, 4)
    out["pusher_late_chunks"] = pusher.late
    return out


def run_app(n_chunks: int, seed: int) -> dict[str, Any]:
    outlet, name = make_outlet("app")
    source = LslSource(name, "EMG", resolve_timeout=5.0)
    proc: list[EmgProcessor] = []
    received = Received()
    proc_s: list[float] = []
    sizes: list[int] = []
    offset = [0.0]  # monotonic - local_clock, measured like LslSource does

    def sink(block: Block) -> None:
        if not proc:
            proc.append(EmgProcessor(block.fs, block.data.shape[1]))
        t0 = time.monotonic()
        env = proc[0].process(block.data)
        t = time.monotonic()
        assert env.shape == block.data.shape
        received.add(t, block.timestamps() - offset[0], block.data[:, 0].copy())
        proc_s.append(t - t0)
        sizes.append(block.n)

    source.add_sink(sink)
    source.start()
    try:
        deadline = time.monotonic() + 10.0
        while source.state is not ConnectionState.CONNECTED and time.monotonic() < deadline:
            time.sleep(0.01)
        if source.state is not ConnectionState.CONNECTED:
            raise RuntimeError(f"LslSource did not connect: {source.poll_events()}")
        offset[0] = clock_offset(pylsl.local_clock)
        outlet.wait_for_consumers(5.0)
        pusher = Pusher(outlet, n_chunks, seed)
        pusher.start()
        pusher.join()
        time.sleep(0.3)  # let the tail arrive
    finally:
        source.stop()
    events = [f"{e.kind}:{e.code}:{e.message}" for e in source.poll_events()]
    out = summarise(received, pusher, sizes)
    out["process_ms_median"] = round(float(np.median(proc_s)) * 1e3, 4) if proc_s else None
    out["process_ms_max"] = round(float(np.max(proc_s)) * 1e3, 4) if proc_s else None
    out["source_events"] = sorted({e for e in events if not e.startswith("state:")})
    return out


def run_raw(n_chunks: int, seed: int) -> dict[str, Any]:
    outlet, name = make_outlet("raw")
    found = pylsl.resolve_byprop("name", name, 1, 5.0)
    if not found:
        raise RuntimeError(f"cannot resolve {name}")
    inlet = pylsl.StreamInlet(found[0], max_buflen=30, processing_flags=pylsl.proc_clocksync)
    inlet.open_stream(timeout=5.0)
    outlet.wait_for_consumers(5.0)
    buf = np.empty((4096, CH), dtype=np.float32)  # the stream's dtype, as dest_obj requires
    received = Received()
    sizes: list[int] = []
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            # min_samples=1: return once anything is there (without it liblsl waits for
            # max_samples or the whole timeout)
            _, stamps = inlet.pull_chunk(timeout=0.1, max_samples=4096, dest_obj=buf, min_samples=1)
            if len(stamps):
                t = time.monotonic()
                n = len(stamps)
                received.add(t, np.asarray(stamps, dtype=np.float64), buf[:n, 0].copy())
                sizes.append(n)

    reader = threading.Thread(target=loop, name="lsl-bench-raw", daemon=True)
    reader.start()
    pusher = Pusher(outlet, n_chunks, seed)
    pusher.start()
    pusher.join()
    time.sleep(0.3)
    stop.set()
    reader.join(2.0)
    inlet.close_stream()
    return summarise(received, pusher, sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="pushing time per path")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    n_chunks = round((args.seconds + WARMUP_S) / PERIOD_S)

    app = run_app(n_chunks, args.seed)
    raw = run_raw(n_chunks, args.seed)
    ratio = (
        app["median_ms"] / raw["median_ms"]
        if app.get("median_ms") is not None and raw.get("median_ms")
        else None
    )
    result = {
        "benchmark": "lsl_latency",
        "date": "2026-11-21",
        "machine": {
            "platform": platform.platform(),
            "machine": platform.machine(),
            "processor": platform.processor(),
            "python": platform.python_version(),
            "cpu_count": os.cpu_count(),
            "liblsl": pylsl.library_version(),
            "lslapicfg": os.environ.get("LSLAPICFG"),
        },
        "setup": {
            "channels": CH,
            "fs_hz": FS,
            "chunk_samples": CHUNK,
            "push_period_ms": PERIOD_S * 1e3,
            "seconds_per_path": args.seconds,
            "warmup_s": WARMUP_S,
            "latency": "envelope/chunk ready (monotonic) - monotonic time just before push_chunk",
        },
        "app": app,
        "raw_pylsl": raw,
        "ratio_median_app_over_raw": round(ratio, 3) if ratio is not None else None,
        "target_median_ms": TARGET_MEDIAN_MS,
        "target_met": app.get("median_ms") is not None and app["median_ms"] < TARGET_MEDIAN_MS,
        "enough_samples": app["count"] >= 500 and raw["count"] >= 500,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
