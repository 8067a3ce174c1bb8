"""LiveView frame rate, GUI-thread CPU and sample-to-screen latency, offscreen at 1280x720.

A producer thread pushes 10-ms blocks into raw and envelope ring buffers at the real rate
(2 ch x 1 kHz, then 8 ch x 2 kHz; the 10-s window is full from the start). Two ways to draw:

- ``timer``: LiveView's 60-Hz PreciseTimer drains the newest window once per frame;
- ``naive`` (the peer): the producer emits a Qt signal per block (QueuedConnection) and the GUI
  redraws (``refresh()``: new window, ``setData`` on every curve) once per block.

``fps`` counts the plot widget's real paints (its ``paintEvent`` is wrapped; Qt coalesces the
updates that ``setData`` schedules); ``refreshes_per_s`` counts the redraws asked for. Latency is
from the end of a block's push to the end of the first paint after a refresh that included its
last sample. CPU is ``time.thread_time()`` of the GUI thread over wall time.
Prints JSON. ``--png PATH`` also renders 2 channels with a target band to PATH.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import threading
import time
from collections import deque
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pyqtgraph as pg
import PySide6
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from glute_coach.sensors.ring_buffer import RingBuffer
from glute_coach.sensors.source import Block
from glute_coach.ui.live_view import LiveView

DATE = "2026-11-21"
SIZE = (1280, 720)
WINDOW_S = 10.0
BLOCK_S = 0.010
RUN_S = 5.0
CASES = [(2, 1000.0), (8, 2000.0)]


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


class BlockSignal(QObject):
    pushed = Signal()


class Producer(threading.Thread):
    def __init__(self, raw: RingBuffer, env: RingBuffer, fs: float, notify: BlockSignal | None):
        super().__init__(daemon=True)
        self.raw, self.env, self.fs, self.notify = raw, env, fs, notify
        self.n = round(fs * BLOCK_S)
        rng = np.random.default_rng(0)
        self.noise = rng.standard_normal((round(fs), raw.channels)) * 50.0
        self.pushed: deque[tuple[int, float]] = deque()  # (end index, perf_counter after push)
        self.halt = threading.Event()
        self.blocks = 0

    def prefill(self, t_end: float) -> None:
        n = round(WINDOW_S * self.fs)
        data = np.resize(self.noise, (n, self.raw.channels))
        t0 = t_end - n / self.fs
        self.raw.push(Block(t0, self.fs, data))
        self.env.push(Block(t0, self.fs, np.abs(data)))

    def run(self) -> None:
        start_perf, start_t = time.perf_counter(), time.monotonic()
        k = 0
        while not self.halt.is_set():
            due = start_perf + (k + 1) * BLOCK_S
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            i0 = (k * self.n) % (self.noise.shape[0] - self.n)
            data = self.noise[i0 : i0 + self.n]
            t0 = start_t + k * BLOCK_S
            self.raw.push(Block(t0, self.fs, data))
            self.env.push(Block(t0, self.fs, np.abs(data)))
            self.pushed.append((self.raw.total, time.perf_counter()))
            self.blocks += 1
            k += 1
            if self.notify is not None:
                self.notify.pushed.emit()


def run_case(
    app: QApplication, channels: int, fs: float, mode: str, seconds: float = RUN_S
) -> dict[str, Any]:
    capacity = round(fs * 30)
    raw, env = RingBuffer(capacity, channels), RingBuffer(capacity, channels)
    view = LiveView((raw, env), window_s=WINDOW_S, fps=60.0)
    view.set_target(20.0, 60.0)
    view.set_threshold(80.0)
    view.resize(*SIZE)
    view.show()
    notify = BlockSignal() if mode == "naive" else None
    producer = Producer(raw, env, fs, notify)
    producer.prefill(time.monotonic())
    view.refresh()
    app.processEvents()
    counter = PaintCounter()
    view.graphics.viewport().installEventFilter(counter)

    refreshes = 0
    paints = 0
    paint_ms: list[float] = []
    latencies: list[float] = []
    active = True
    drawn_at_refresh = 0
    graphics = view.graphics
    original_paint = graphics.paintEvent

    def frame() -> None:  # the timer's refresh, or the naive per-block redraw
        nonlocal refreshes, drawn_at_refresh
        if not active:
            return
        view.refresh()
        refreshes += 1
        drawn_at_refresh = view.drawn_until

    def paint(event: Any) -> None:  # the view's real paint: a frame on screen
        nonlocal paints
        t = time.perf_counter()
        original_paint(event)
        done = time.perf_counter()
        if not active:
            return
        paints += 1
        paint_ms.append((done - t) * 1000)
        pushed = producer.pushed
        while pushed and pushed[0][0] <= drawn_at_refresh:
            latencies.append((done - pushed.popleft()[1]) * 1000)

    graphics.paintEvent = paint  # type: ignore[method-assign]

    if mode == "timer":
        view.timer.timeout.disconnect(view.refresh)
        view.timer.timeout.connect(frame)
        view.start()
    else:
        assert notify is not None
        notify.pushed.connect(frame, Qt.ConnectionType.QueuedConnection)

    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    events0 = counter.paints
    cpu0, wall0 = time.thread_time(), time.perf_counter()
    producer.start()
    loop.exec()
    cpu1, wall1 = time.thread_time(), time.perf_counter()
    active = False
    paint_events = counter.paints - events0
    producer.halt.set()
    producer.join()
    view.close()
    backlog = len(producer.pushed)  # blocks pushed but never drawn within the run
    app.processEvents()  # drain queued per-block signals (ignored now)
    wall = wall1 - wall0
    lat = sorted(latencies)
    return {
        "mode": mode,
        "fps": round(paints / wall, 1),
        "refreshes_per_s": round(refreshes / wall, 1),
        "viewport_paint_events_per_s": round(paint_events / wall, 1),
        "gui_cpu_percent": round(100 * (cpu1 - cpu0) / wall, 1),
        "paint_ms_median": round(statistics.median(paint_ms), 2) if paint_ms else None,
        "latency_ms_median": round(statistics.median(lat), 1) if lat else None,
        "latency_ms_p95": round(lat[int(0.95 * (len(lat) - 1))], 1) if lat else None,
        "latency_ms_max": round(lat[-1], 1) if lat else None,
        "blocks_pushed": producer.blocks,
        "blocks_drawn": len(lat),
        "blocks_never_drawn": backlog,
        "seconds": round(wall, 2),
    }


def render_png(app: QApplication, path: str) -> None:
    fs = 1000.0
    raw, env = RingBuffer(20000, 2), RingBuffer(20000, 2)
    rng = np.random.default_rng(3)
    t = np.arange(round(10 * fs)) / fs
    burst = 0.2 + 0.8 * (np.sin(2 * np.pi * t / 4) > 0)  # 2-s squeezes
    data = rng.standard_normal((t.size, 2)) * (burst[:, None] * np.array([60.0, 40.0]))
    kernel = np.ones(100) / 100
    envelope = np.sqrt(
        np.stack([np.convolve(data[:, c] ** 2, kernel, mode="same") for c in range(2)], 1)
    )
    raw.push(Block(0.0, fs, data))
    env.push(Block(0.0, fs, envelope))
    view = LiveView((raw, env), window_s=WINDOW_S)
    view.resize(*SIZE)
    view.set_target(30.0, 55.0)
    view.set_threshold(70.0)
    view.show()
    view.refresh()
    app.processEvents()
    view.grab().save(path)
    view.close()


def machine() -> dict[str, Any]:
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "pyqtgraph": pg.__version__,
        "numpy": np.__version__,
        "qpa": os.environ.get("QT_QPA_PLATFORM"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--png", help="also render 2 channels with a target band to this file")
    parser.add_argument("--seconds", type=float, default=RUN_S)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    if args.png:
        render_png(app, args.png)
    results = []
    for channels, fs in CASES:
        timer = run_case(app, channels, fs, "timer", args.seconds)
        naive = run_case(app, channels, fs, "naive", args.seconds)
        fps_target = 60.0 if channels == 2 else 30.0
        results.append(
            {
                "channels": channels,
                "fs_hz": fs,
                "window_s": WINDOW_S,
                "block_ms": BLOCK_S * 1000,
                "timer": timer,
                "naive": naive,
                "naive_over_timer": {
                    "gui_cpu": _ratio(naive["gui_cpu_percent"], timer["gui_cpu_percent"]),
                    "latency_median": _ratio(
                        naive["latency_ms_median"], timer["latency_ms_median"]
                    ),
                    "fps": _ratio(naive["fps"], timer["fps"]),
                },
                "targets": {
                    "fps_min": fps_target,
                    "latency_ms_max": 50.0,
                    "fps_met": timer["fps"] >= fps_target,
                    "timer_cap_fps": round(1000 / (1000 // 60.0), 1),
                    "latency_met": (timer["latency_ms_median"] or 1e9) < 50.0,
                },
            }
        )
    print(
        json.dumps({"date": DATE, "machine": machine(), "size": SIZE, "results": results}, indent=2)
    )


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a is not None and b else None


if __name__ == "__main__":
    main()
