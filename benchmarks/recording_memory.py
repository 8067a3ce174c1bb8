"""Memory of a 1-hour recording: the streaming Recorder against accumulating rows in a list.

Simulates an 8-channel x 2 kHz session (raw + envelope = 16 columns + time) as fast as the disk
allows (no real-time waiting), samples RSS every simulated minute, and prints JSON.

    .venv/bin/python benchmarks/recording_memory.py [--minutes 60] [--naive-minutes 1] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from glute_coach.sensors.recorder import Recorder
from glute_coach.sensors.source import Block

FS = 2000.0
N_CH = 8
BLOCK = 40  # 20 ms blocks, as a device would deliver them
MB = 1024.0 * 1024.0


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB


def _pool() -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    rng = np.random.default_rng(1)
    raw = rng.normal(0.0, 40.0, size=(round(FS) * 10, N_CH))  # 10 s reused round-robin
    return raw, np.abs(raw)


def run_recorder(minutes: float, folder: Path) -> dict[str, Any]:
    raw, env = _pool()
    n_total = round(minutes * 60 * FS)
    per_minute = round(60 * FS)
    t0 = 1000.0
    start_rss = rss_mb()
    samples: list[float] = [start_rss]
    wall = time.perf_counter()
    rec = Recorder(
        folder,
        "bench",
        [f"ch{i}" for i in range(N_CH)],
        ["uV"] * N_CH,
        FS,
        {"source": "sim:", "routine_id": "benchmark"},
    )
    pos = 0
    next_sample = per_minute
    while pos < n_total:
        k = pos % raw.shape[0]
        rec.write(Block(t0 + pos / FS, FS, raw[k : k + BLOCK]), env[k : k + BLOCK])
        if rec.failed:
            raise SystemExit(rec.error)
        pos += BLOCK
        if pos >= next_sample:
            samples.append(rss_mb())
            next_sample += per_minute
    rec.close()
    elapsed = time.perf_counter() - wall
    end_rss = rss_mb()
    return {
        "simulated_minutes": minutes,
        "samples": n_total,
        "columns": 1 + 2 * N_CH,
        "start_rss_mb": round(start_rss, 1),
        "max_rss_mb": round(max([*samples, end_rss]), 1),
        "end_rss_mb": round(end_rss, 1),
        "growth_mb": round(max([*samples, end_rss]) - start_rss, 1),
        "rss_per_minute_mb": [round(s, 1) for s in samples],
        "file_size_mb": round(rec.path.stat().st_size / MB, 1),
        "wall_time_s": round(elapsed, 1),
        "realtime_factor": round(minutes * 60 / elapsed, 1),
    }


def run_naive(minutes: float) -> dict[str, Any]:
    """What a first attempt often does: keep every row in a list, write at the end."""
    raw, env = _pool()
    n_total = round(minutes * 60 * FS)
    t0 = 1000.0
    start_rss = rss_mb()
    wall = time.perf_counter()
    rows: list[list[float]] = []
    pos = 0
    while pos < n_total:
        k = pos % raw.shape[0]
        t = t0 + pos / FS + np.arange(BLOCK) / FS
        block = np.column_stack([t, raw[k : k + BLOCK], env[k : k + BLOCK]])
        rows.extend(block.tolist())
        pos += BLOCK
    end_rss = rss_mb()
    elapsed = time.perf_counter() - wall
    growth = end_rss - start_rss
    del rows
    return {
        "simulated_minutes": minutes,
        "samples": n_total,
        "start_rss_mb": round(start_rss, 1),
        "end_rss_mb": round(end_rss, 1),
        "growth_mb": round(growth, 1),
        "extrapolated_growth_per_hour_mb": round(growth * 60 / minutes, 0),
        "wall_time_s": round(elapsed, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--minutes", type=float, default=60.0)
    ap.add_argument("--naive-minutes", type=float, default=1.0)
    ap.add_argument("--keep", type=Path, default=None, help="write the recording here and keep it")
    args = ap.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="glute-coach-bench-"))
    try:
        recorder = run_recorder(args.minutes, folder)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    naive = run_naive(args.naive_minutes)
    result = {
        "benchmark": "recording_memory",
        "recorder": recorder,
        "naive_list": naive,
        "target_growth_mb_per_hour": 20,
        "recorder_within_target": recorder["growth_mb"] * 60 / args.minutes < 20,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
