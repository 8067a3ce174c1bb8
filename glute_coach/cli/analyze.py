"""``glute-coach analyze FILE``: onsets, reps, envelope levels, time in zone and symmetry.

The recording goes through the same causal pipeline as live biofeedback
(:class:`glute_coach.sensors.processing.EmgProcessor`), fed in one-second blocks. Without an MVC
recording, rep thresholds are fractions of the span between the recording's rest level (quietest
500 ms) and its best 500 ms window; with ``--mvc FILE`` the envelope is in %MVC.

Exit 0 on success, 1 with a one-line message on a user error; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from typing import Any

import numpy as np

from glute_coach.cli.analyze_args import add_arguments
from glute_coach.sensors.processing import (
    EmgProcessor,
    MvcCalibration,
    OnsetDetector,
    RepCounter,
    ZoneTimer,
    best_window_mean,
    rep_thresholds,
    rest_level,
    symmetry_index,
)
from glute_coach.sensors.recordings import Recording, RecordingError, read_recording

EXIT_OK, EXIT_USER_ERROR = 0, 1
BLOCK_S = 1.0  # analysis runs the live pipeline block by block


class AnalyzeError(Exception):
    """A user error; one line."""


def parse_target(text: str) -> tuple[float, float]:
    parts = text.split(":")
    if len(parts) != 2:
        raise AnalyzeError(f"--target must be LO:HI, got {text!r}")
    try:
        lo, hi = float(parts[0]), float(parts[1])
    except ValueError:
        raise AnalyzeError(f"--target must be two numbers LO:HI, got {text!r}") from None
    if not (math.isfinite(lo) and math.isfinite(hi)) or lo > hi:
        raise AnalyzeError(f"--target needs finite LO <= HI, got {text!r}")
    return lo, hi


def parse_sides(text: str) -> dict[str, str]:
    sides: dict[str, str] = {}
    for part in text.split(","):
        key, sep, value = part.partition("=")
        key = key.strip().lower()
        if not sep or key not in ("left", "right") or not value.strip():
            raise AnalyzeError(f"--sides must be left=CH,right=CH, got {text!r}")
        sides[key] = value.strip()
    if set(sides) != {"left", "right"}:
        raise AnalyzeError(f"--sides must name both left and right, got {text!r}")
    return sides


def _envelope(
    rec: Recording, idx: list[int], fs: float, notch: float | None
) -> tuple[np.ndarray, list[str]]:
    proc = EmgProcessor(fs, len(idx), notch_hz=notch)
    data = rec.data[:, idx]
    step = max(1, round(BLOCK_S * fs))
    env = np.concatenate([proc.process(data[i : i + step]) for i in range(0, data.shape[0], step)])
    return env, proc.pop_messages()


def analyze(ns: argparse.Namespace) -> dict[str, Any]:
    target = parse_target(ns.target) if ns.target else None
    sides = parse_sides(ns.sides) if ns.sides else None
    try:
        rec = read_recording(ns.file, ns.fs)
    except RecordingError as exc:
        raise AnalyzeError(str(exc)) from None
    if rec.fs is None:
        raise AnalyzeError(f"{ns.file}: sampling rate unknown; pass --fs HZ")
    fs = rec.fs
    try:
        if ns.channels:
            idx = [rec.index(n.strip()) for n in ns.channels.split(",") if n.strip()]
        else:
            idx = [i for i in range(len(rec.channels)) if rec.is_emg(i)]
        if sides:
            for name in sides.values():
                if rec.index(name) not in idx:
                    idx.append(rec.index(name))
    except RecordingError as exc:
        raise AnalyzeError(str(exc)) from None
    if not idx:
        raise AnalyzeError(f"{ns.file}: no EMG channels; choose some with --channels")
    names = [rec.channels[i] for i in idx]
    warnings = list(rec.notes)
    env, msgs = _envelope(rec, idx, fs, ns.notch)
    warnings += msgs
    units = rec.units[idx[0]] if rec.units and rec.units[idx[0]] else "signal units"
    calibrated = False
    if ns.mvc:
        try:
            mrec = read_recording(ns.mvc, ns.fs or fs)
            midx = [mrec.index(n) for n in names]
        except RecordingError as exc:
            raise AnalyzeError(f"--mvc: {exc}") from None
        menv, mmsgs = _envelope(mrec, midx, mrec.fs or fs, ns.notch)
        warnings += [f"MVC: {m}" for m in mmsgs]
        cal = MvcCalibration(mrec.fs or fs, len(idx))
        cal.add_effort(menv)
        env = cal.normalise(env)
        units, calibrated = "%MVC", True

    rest = rest_level(env, fs)
    peak_window = np.full(len(idx), 100.0) if calibrated else best_window_mean(env, fs)
    on, off = rep_thresholds(rest, peak_window)
    reps = RepCounter(fs, len(idx), on, off)
    onset = OnsetDetector(fs, len(idx))
    # baseline for onsets: the quietest second of the recording
    w = min(env.shape[0], max(2, round(fs)))
    c = np.concatenate([np.zeros((1, len(idx))), np.cumsum(env, axis=0)])
    quiet = int(np.argmin((c[w:] - c[:-w]).sum(axis=1)))
    onset.set_baseline(env[quiet : quiet + w])
    zone = ZoneTimer(fs, len(idx), *target) if target else None
    step = max(1, round(BLOCK_S * fs))
    for i in range(0, env.shape[0], step):
        block = env[i : i + step]
        reps.process(block)
        onset.process(block)
        if zone:
            zone.process(block)
    rep_list = reps.finish()

    channels: dict[str, Any] = {}
    for k, name in enumerate(names):
        entry: dict[str, Any] = {
            "onsets_s": [round(o.time_s, 3) for o in onset.onsets if o.channel == k],
            "reps": int(reps.counts[k]),
            "rep_intervals_s": [
                [round(r.start_s, 3), None if r.end_s is None else round(r.end_s, 3)]
                for r in rep_list[k]
            ],
            "peak_envelope": float(env[:, k].max()),
            "mean_envelope": float(env[:, k].mean()),
            "rest_envelope": float(rest[k]),
            "rep_thresholds": [float(on[k]), float(off[k])],
        }
        if zone:
            entry["time_in_zone_s"] = round(float(zone.seconds[k]), 3)
            entry["zone_fraction"] = round(float(zone.fraction[k]), 4)
        channels[name] = entry
    result: dict[str, Any] = {
        "file": str(ns.file),
        "fs": fs,
        "duration_s": round(env.shape[0] / fs, 3),
        "units": units,
        "calibrated": calibrated,
        "target": list(target) if target else None,
        "channels": channels,
        "warnings": warnings,
    }
    if sides:
        li, ri = (
            names.index(rec.channels[rec.index(sides["left"])]),
            names.index(rec.channels[rec.index(sides["right"])]),
        )
        si_mean = symmetry_index(float(env[:, li].mean()), float(env[:, ri].mean()))
        si_peak = symmetry_index(float(env[:, li].max()), float(env[:, ri].max()))
        result["symmetry"] = {
            "left": names[li],
            "right": names[ri],
            "mean_envelope": None if math.isnan(si_mean) else round(si_mean, 4),
            "peak_envelope": None if math.isnan(si_peak) else round(si_peak, 4),
        }
    return result


def format_text(res: dict[str, Any]) -> str:
    lines = [
        f"{res['file']}: {res['duration_s']:.1f} s at {res['fs']:g} Hz, envelope in {res['units']}"
    ]
    for name, ch in res["channels"].items():
        line = (
            f"  {name}: {ch['reps']} reps, {len(ch['onsets_s'])} onsets, "
            f"peak {ch['peak_envelope']:.4g}, mean {ch['mean_envelope']:.4g}"
        )
        if "time_in_zone_s" in ch:
            line += f", in zone {ch['time_in_zone_s']:.1f} s ({100 * ch['zone_fraction']:.0f} %)"
        lines.append(line)
    if "symmetry" in res:
        s = res["symmetry"]
        lines.append(
            f"  symmetry {s['left']}/{s['right']}: mean {s['mean_envelope']}, peak {s['peak_envelope']}"
        )
    lines += [f"  warning: {w}" for w in res["warnings"]]
    return "\n".join(lines)


def cmd_analyze(ns: argparse.Namespace) -> int:
    try:
        res = analyze(ns)
    except AnalyzeError as exc:
        print(f"glute-coach: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except (ValueError, MemoryError) as exc:  # e.g. a degenerate recording
        print(
            f"glute-coach: {ns.file}: cannot analyse ({str(exc).splitlines()[0]})", file=sys.stderr
        )
        return EXIT_USER_ERROR
    if ns.format == "json":
        print(json.dumps(res, indent=2, allow_nan=False, default=_json_default))
    else:
        print(format_text(res))
    return EXIT_OK


def _json_default(o: object) -> object:
    if isinstance(o, np.generic):
        return o.item()
    raise TypeError(type(o).__name__)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="glute-coach analyze")
    add_arguments(parser)
    try:
        ns = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its one-line usage error
        return EXIT_OK if exc.code == 0 else EXIT_USER_ERROR
    return cmd_analyze(ns)


if __name__ == "__main__":
    sys.exit(main())
