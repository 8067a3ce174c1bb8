#!/usr/bin/env python3
"""Cue onset accuracy through a PulseAudio null sink: this engine against the naive way.

    .venv/bin/python benchmarks/cue_timing.py [--cues 80] [--seed 7]

Both runs play the same beep at the same irregular schedule (0.30–0.45 s apart) while the
null sink's monitor is recorded; onsets are found in the recording by content (threshold, then
matched filter) and compared with the schedule after removing one constant latency (the
median offset). Prints JSON.

- engine: the app's path: a timeline of beep cues, SessionEngine on the audio stream's clock,
  CueScheduler pumped every 20 ms, one OutputStream mixing sample-exactly.
- naive: a loop that sleeps until each cue is due, then calls ``sounddevice.play()``.

A private server is started with scripts/pulse-test-server (and stopped afterwards) unless
the environment names a running one (``eval "$(scripts/pulse-test-server start)"``). Errors are quantised to one sample (1/48000 s = 0.021 ms): an engine that is
sample-exact shows 0, and ratios use one sample as the floor.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PULSE_SCRIPT = ROOT / "scripts" / "pulse-test-server"
RATE = 48_000
PUMP_S = 0.02


def pulse_script(command: str, folder: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GLUTE_PULSE_DIR": folder}
    return subprocess.run(
        [PULSE_SCRIPT, command], env=env, capture_output=True, text=True, check=False
    )


def ensure_pulse_server() -> str | None:
    """Use the server the environment names, else start a private one (nobody else's sounds
    in its sink). Exports its env; returns the folder to stop afterwards, if we started it."""
    given = os.environ.get("GLUTE_PULSE_DIR")
    if given and os.environ.get("PULSE_SERVER") and pulse_script("status", given).returncode == 0:
        return None
    folder = f"/tmp/glute-coach-pulse-bench-{os.getpid()}"
    started = pulse_script("start", folder)
    if started.returncode != 0:
        raise SystemExit(f"could not start a PulseAudio server: {started.stderr.strip()}")
    for line in started.stdout.splitlines():
        key, _, value = line.removeprefix("export ").partition("=")
        os.environ[key] = value
    return folder


def schedule(cues: int, seed: int) -> list[int]:
    """Irregular cue times in whole ms (as timelines hold them), starting at 0."""
    rng = np.random.default_rng(seed)
    gaps = rng.integers(300, 451, size=cues - 1)
    return [0, *np.cumsum(gaps).tolist()]


def measure(recording: np.ndarray, beep: np.ndarray, scheduled_s: list[float]) -> dict[str, Any]:
    from glute_coach.audio.loopback import find_onsets, onset_errors, timing_stats

    onsets = find_onsets(recording, [beep] * len(scheduled_s), RATE)
    missing = sum(o is None for o in onsets)
    if missing:
        return {"cues": len(scheduled_s), "missing": missing}
    frames = [o.frame for o in onsets if o is not None]
    errors = onset_errors(frames, scheduled_s, RATE)
    result: dict[str, Any] = timing_stats(errors, scheduled_s).as_dict()
    result["min_match"] = round(min(o.match for o in onsets if o is not None), 5)
    return result


def run_engine(times_ms: list[int]) -> tuple[dict[str, Any], np.ndarray]:
    from glute_coach.audio.engine import AudioEngine
    from glute_coach.audio.loopback import MonitorRecorder
    from glute_coach.audio.session import SessionAudio
    from glute_coach.audio.settings import AudioSettings
    from glute_coach.core.engine import SessionEngine
    from glute_coach.core.timeline import (
        CueKind,
        CueRole,
        Segment,
        SegmentKind,
        Timeline,
        TimelineCue,
        Tone,
    )

    total = times_ms[-1] + 1000
    segment = Segment(0, SegmentKind.WORK, "benchmark", 0, total, 0)
    cues = tuple(TimelineCue(t, CueKind.BEEP, CueRole.CUSTOM, 0, tone=Tone.TICK) for t in times_ms)
    timeline = Timeline("benchmark", "Benchmark", (segment,), cues, total)
    settings = AudioSettings(device="pulse", samplerate=RATE)
    engine = AudioEngine.open(settings)
    session = SessionEngine(timeline, engine.clock)
    with MonitorRecorder(total / 1000 + 10, rate=RATE) as recorder:
        with SessionAudio(session, timeline, engine, settings) as audio:
            session.start()
            needed = recorder.frames + round((total / 1000 + 1) * RATE)
            while recorder.frames < needed:
                audio.pump()
                session.update()
                time.sleep(PUMP_S)
            stats = engine.stats()
            beep = audio.scheduler.sounds.tones[Tone.TICK].samples
        recording = recorder.samples.copy()
    result = measure(recording, beep, [t / 1000 for t in times_ms])
    result |= {
        "late_starts": stats.late_starts,
        "underflows": stats.underflows,
        "recorder_overflows": recorder.overflows,
        "output_latency_ms": round(engine.output_latency_s * 1000, 2),
    }
    return result, beep


def run_naive(times_ms: list[int], beep: np.ndarray) -> dict[str, Any]:
    import sounddevice as sd

    from glute_coach.audio.loopback import MonitorRecorder

    # The same beep as the engine plays, at the level the engine's mix gives it.
    sound = (beep * 0.5).astype(np.float32)
    total_s = times_ms[-1] / 1000 + 1
    with MonitorRecorder(total_s + 10, rate=RATE) as recorder:
        start = time.monotonic() + 0.5
        for t in times_ms:
            due = start + t / 1000
            wait = due - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            sd.play(sound, samplerate=RATE, device="pulse")
        needed = recorder.frames + round(1.5 * RATE)
        while recorder.frames < needed:
            time.sleep(PUMP_S)
        sd.stop()
        recording = recorder.samples.copy()
    return measure(recording, beep, [t / 1000 for t in times_ms])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cues", type=int, default=80)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.cues < 3:
        parser.error("--cues must be at least 3")
    started = ensure_pulse_server()  # before sounddevice is imported: PortAudio lists devices once
    try:
        times_ms = schedule(args.cues, args.seed)
        engine, beep = run_engine(times_ms)
        naive = run_naive(times_ms, beep)
    finally:
        if started is not None:
            pulse_script("stop", started)
    floor_ms = 1000 / RATE
    ratio = {
        key: round(naive[key] / max(engine[key], floor_ms), 1)
        for key in ("sd_ms", "max_abs_ms")
        if key in naive and key in engine
    }
    report = {
        "benchmark": "cue onset error through a PulseAudio null sink (after removing one constant latency)",
        "date": datetime.date.today().isoformat(),
        "machine": {
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
        },
        "rate_hz": RATE,
        "resolution_ms": round(floor_ms, 4),
        "cues": args.cues,
        "schedule": f"irregular, 300–450 ms apart (seed {args.seed}), {times_ms[-1] / 1000:.1f} s",
        "engine": engine,
        "naive_sd_play": naive,
        "naive_over_engine": ratio,
        "targets": {
            "engine_sd_below_0.5_ms": engine.get("sd_ms", 99) < 0.5,
            "engine_max_below_2_ms": engine.get("max_abs_ms", 99) < 2.0,
            "at_least_10x_better": bool(ratio) and min(ratio.values()) >= 10,
        },
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
