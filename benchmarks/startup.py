"""Start-up time: process start to the first painted main window, against a bare Qt window.

Runs each side alternately (so machine noise hits both alike), offscreen, and prints JSON with
medians and their ratio. The bare window is the floor any PySide6 app pays (interpreter + Qt).

    .venv/bin/python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1280, 800)
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj is window:
            print(f"first-paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
            obj.removeEventFilter(self)
        return False
probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
"""


def _time_to_paint(args: list[str], env: dict[str, str]) -> float:
    started = time.time()
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, check=True)
    line = next(line for line in done.stdout.splitlines() if line.startswith("first-paint "))
    return float(line.split()[1]) - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    ns = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="glute-coach-startup-")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "GLUTE_COACH_STARTUP_PROBE": "1",
        # a fresh user: no settings, no user routines
        "XDG_CONFIG_HOME": f"{scratch}/config",
        "XDG_DATA_HOME": f"{scratch}/data",
    }
    app_cmd = [sys.executable, "-m", "glute_coach"]
    bare_cmd = [sys.executable, "-c", BARE_WINDOW]
    _time_to_paint(app_cmd, env)  # warm the file cache once for both
    _time_to_paint(bare_cmd, env)
    app_times, bare_times = [], []
    for _ in range(ns.runs):
        app_times.append(_time_to_paint(app_cmd, env))
        bare_times.append(_time_to_paint(bare_cmd, env))
    app_median, bare_median = statistics.median(app_times), statistics.median(bare_times)
    print(
        json.dumps(
            {
                "benchmark": "startup",
                "runs": ns.runs,
                "machine": f"{platform.node()} {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
                "glute_coach_first_paint_s": {
                    "median": round(app_median, 3),
                    "min": round(min(app_times), 3),
                    "max": round(max(app_times), 3),
                },
                "bare_pyside6_window_first_paint_s": {
                    "median": round(bare_median, 3),
                    "min": round(min(bare_times), 3),
                    "max": round(max(bare_times), 3),
                },
                "ratio_app_over_bare": round(app_median / bare_median, 2),
                "target_median_below_1_s": app_median < 1.0,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
