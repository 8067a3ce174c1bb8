"""Linux bundle: size, files, build time and start-up, trimmed (packaging/bundle_trim.py, what
scripts/dist ships) against untrimmed (the same spec with PyInstaller's defaults after our module
excludes), built in the same run into a temporary folder. Prints JSON.

    .venv/bin/python benchmarks/bundle_size.py [--runs 5]

Sizes do not depend on the machine's load; build and start-up times do, so the two bundles'
start-ups are measured alternately, each first in turn, and compared as a ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "glute-coach.spec"


def _build(out: Path, *, trimmed: bool) -> float:
    env = dict(os.environ)
    if not trimmed:
        env["GLUTE_BUNDLE_UNTRIMMED"] = "1"
    started = time.perf_counter()
    subprocess.run(
        [
            str(Path(sys.executable).parent / "pyinstaller"),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "work"),
            str(SPEC),
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def _sizes(bundle: Path, tgz: Path) -> dict[str, float | int]:
    disk = int(
        subprocess.run(
            ["du", "-sB1", str(bundle)], capture_output=True, text=True, check=True
        ).stdout.split()[0]
    )
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    apparent = sum(p.stat().st_size for p in files)
    with tarfile.open(tgz, "w:gz") as archive:
        archive.add(bundle, arcname=bundle.name)
    icu = sum(p.stat().st_size for p in files if p.name.startswith("libicudata"))
    return {
        "disk_mb": round(disk / 1e6, 1),
        "apparent_mb": round(apparent / 1e6, 1),
        "tar_gz_mb": round(tgz.stat().st_size / 1e6, 1),
        "files": len(files),
        "icu_data_mb": round(icu / 1e6, 1),
    }


def _first_paint(app: Path, home: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GLUTE_COACH_STARTUP_PROBE="1")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name)
    started = time.time()
    done = subprocess.run(
        [str(app)], env=env, capture_output=True, text=True, timeout=120, check=True, cwd=home
    )
    painted = next(line for line in done.stdout.splitlines() if line.startswith("first-paint"))
    return float(painted.split()[1]) - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="start-ups of each bundle")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        measured: dict[str, dict[str, float]] = {}
        bundles = {}
        for label, trimmed in (("trimmed", True), ("untrimmed", False)):
            seconds = _build(base / label, trimmed=trimmed)
            bundle = base / label / "dist" / "glute-coach"
            bundles[label] = bundle / "glute-coach"
            measured[label] = {
                "build_s": round(seconds, 1),
                **_sizes(bundle, base / f"{label}.tar.gz"),
            }
        paints: dict[str, list[float]] = {label: [] for label in bundles}
        (base / "home").mkdir()
        # Alternately, so machine noise hits both alike, and in turn first (the first of a
        # pair starts measurably slower: caches).
        labels = list(bundles)
        for run in range(args.runs):
            for label in labels if run % 2 == 0 else labels[::-1]:
                paints[label].append(_first_paint(bundles[label], base / "home"))
        for label, times in paints.items():
            measured[label]["first_paint_median_s"] = round(statistics.median(times), 3)
    small, full = measured["trimmed"], measured["untrimmed"]
    result: dict[str, object] = {
        "benchmark": "bundle_size",
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        **measured,
        "ratio_trimmed_to_untrimmed": {
            key: round(small[key] / full[key], 3)
            for key in ("disk_mb", "apparent_mb", "tar_gz_mb", "first_paint_median_s")
        },
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
