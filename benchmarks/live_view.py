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

Then the session timer's cue error while plotting (``cue_timing``; ``--no-cues`` skips it): a
routine compiled from a dict (a single beep every 250-450 ms for 17 s) runs through
``SessionController`` on the real output, once alone and once while each case above plots (timer
mode) in the same process. The output is a PulseAudio null sink (a private server started with
scripts/pulse-test-server and stopped afterwards, or the one the environment names); its monitor
is recorded and each beep found by content, as in ``cue_timing.py`` (error = onset minus timeline
time, after removing the median offset). Also timed: how late the controller's 16-ms timer
handles each CueDue (engine clock minus the cue's due time on it), the gaps between its ticks,
and how early the scheduler queued each cue. With no audio server only the GUI side is measured
(``audio_server.available`` is false, with the reason).
Prints JSON. ``--png PATH`` also renders 2 channels with a target band to PATH.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import statistics
import subprocess
import threading
import time
from collections import deque
from pathlib import Path
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


class PlotLoad:
    """One LiveView at 1280x720 fed by a Producer, with its meters: the load of one case."""

    def __init__(self, app: QApplication, channels: int, fs: float, mode: str) -> None:
        self.app, self.mode = app, mode
        capacity = round(fs * 30)
        raw, env = RingBuffer(capacity, channels), RingBuffer(capacity, channels)
        view = self.view = LiveView((raw, env), window_s=WINDOW_S, fps=60.0)
        view.set_target(20.0, 60.0)
        view.set_threshold(80.0)
        view.resize(*SIZE)
        view.show()
        self.notify = BlockSignal() if mode == "naive" else None
        producer = self.producer = Producer(raw, env, fs, self.notify)
        producer.prefill(time.monotonic())
        view.refresh()
        app.processEvents()
        self.counter = PaintCounter()
        view.graphics.viewport().installEventFilter(self.counter)
        self.refreshes = 0
        self.paints = 0
        self.paint_ms: list[float] = []
        self.latencies: list[float] = []
        self.active = True
        self.drawn_at_refresh = 0
        self.original_paint = view.graphics.paintEvent
        view.graphics.paintEvent = self.paint  # type: ignore[method-assign]

    def frame(self) -> None:  # the timer's refresh, or the naive per-block redraw
        if not self.active:
            return
        self.view.refresh()
        self.refreshes += 1
        self.drawn_at_refresh = self.view.drawn_until

    def paint(self, event: Any) -> None:  # the view's real paint: a frame on screen
        t = time.perf_counter()
        self.original_paint(event)
        done = time.perf_counter()
        if not self.active:
            return
        self.paints += 1
        self.paint_ms.append((done - t) * 1000)
        pushed = self.producer.pushed
        while pushed and pushed[0][0] <= self.drawn_at_refresh:
            self.latencies.append((done - pushed.popleft()[1]) * 1000)

    def start(self) -> None:
        """Start drawing (timer or per block) and producing; the meters run from here."""
        view = self.view
        if self.mode == "timer":
            view.timer.timeout.disconnect(view.refresh)
            view.timer.timeout.connect(self.frame)
            view.start()
        else:
            assert self.notify is not None
            self.notify.pushed.connect(self.frame, Qt.ConnectionType.QueuedConnection)
        self.events0 = self.counter.paints
        self.cpu0, self.wall0 = time.thread_time(), time.perf_counter()
        self.producer.start()

    def finish(self) -> dict[str, Any]:
        cpu1, wall1 = time.thread_time(), time.perf_counter()
        self.active = False
        paint_events = self.counter.paints - self.events0
        producer = self.producer
        producer.halt.set()
        producer.join()
        self.view.close()
        backlog = len(producer.pushed)  # blocks pushed but never drawn within the run
        self.app.processEvents()  # drain queued per-block signals (ignored now)
        wall = wall1 - self.wall0
        lat = sorted(self.latencies)
        paint_ms = self.paint_ms
        return {
            "mode": self.mode,
            "fps": round(self.paints / wall, 1),
            "refreshes_per_s": round(self.refreshes / wall, 1),
            "viewport_paint_events_per_s": round(paint_events / wall, 1),
            "gui_cpu_percent": round(100 * (cpu1 - self.cpu0) / wall, 1),
            "paint_ms_median": round(statistics.median(paint_ms), 2) if paint_ms else None,
            "latency_ms_median": round(statistics.median(lat), 1) if lat else None,
            "latency_ms_p95": round(lat[int(0.95 * (len(lat) - 1))], 1) if lat else None,
            "latency_ms_max": round(lat[-1], 1) if lat else None,
            "blocks_pushed": producer.blocks,
            "blocks_drawn": len(lat),
            "blocks_never_drawn": backlog,
            "seconds": round(wall, 2),
        }


def run_case(
    app: QApplication, channels: int, fs: float, mode: str, seconds: float = RUN_S
) -> dict[str, Any]:
    load = PlotLoad(app, channels, fs, mode)
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    load.start()
    loop.exec()
    return load.finish()


# --- the session timer's cue error while plotting ----------------------------------------

ROOT = Path(__file__).resolve().parent.parent
PULSE_SCRIPT = ROOT / "scripts" / "pulse-test-server"
AUDIO_RATE = 48_000
CUE_WARMUP_S = 0.5  # plotting runs this long before the session starts
CUE_STOP_AFTER_S = 0.8  # the session is stopped this long after the last measured cue
# 1 s get-ready, then 16 reps of three phases 250 / 450 / 300 ms long: a beep at each phase
# (voice off, so the phases' words become beeps), then a rest that is cut short by a stop.
CUE_ROUTINE: dict[str, Any] = {
    "format_version": 1,
    "id": "cue-timing-benchmark",
    "title": "Cue timing benchmark",
    "summary": "A beep every 250-450 ms for 17 s.",
    "level": "beginner",
    "author": "benchmarks/live_view.py",
    "defaults": {"voice": False, "prepare_s": 1, "countdown_beeps": 0},
    "steps": [
        {
            "kind": "exercise",
            "name": "Squeezes",
            "reps": 16,
            "tempo": [
                {"action": "raise", "s": 0.25, "say": "Up"},
                {"action": "hold", "s": 0.45, "say": "Hold"},
                {"action": "lower", "s": 0.3, "say": "Down"},
            ],
        },
        {"kind": "rest", "duration_s": 5},
    ],
}


def _pulse_script(command: str, folder: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GLUTE_PULSE_DIR": folder}
    return subprocess.run(
        [str(PULSE_SCRIPT), command], env=env, capture_output=True, text=True, check=False
    )


def start_pulse_server() -> tuple[str | None, str | None]:
    """Use the server the environment names, else start a private null-sink server (as
    ``cue_timing.py`` does). Must run before sounddevice is imported (PortAudio lists devices
    once). Returns (folder to stop afterwards or None, reason there is no server or None)."""
    given = os.environ.get("GLUTE_PULSE_DIR")
    if given and os.environ.get("PULSE_SERVER") and _pulse_script("status", given).returncode == 0:
        return None, None
    folder = f"/tmp/glute-coach-pulse-live-view-{os.getpid()}"
    try:
        started = _pulse_script("start", folder)
    except OSError as err:
        return None, f"cannot run {PULSE_SCRIPT.name}: {err}"
    if started.returncode != 0:
        _pulse_script("stop", folder)
        return None, f"no PulseAudio server: {started.stderr.strip() or started.returncode}"
    for line in started.stdout.splitlines():
        key, _, value = line.removeprefix("export ").partition("=")
        os.environ[key] = value
    return folder, None


def _stats(values: list[float], digits: int = 2) -> dict[str, float | None]:
    ordered = sorted(values)
    if not ordered:
        return {"median": None, "p95": None, "max": None}
    return {
        "median": round(statistics.median(ordered), digits),
        "p95": round(ordered[int(0.95 * (len(ordered) - 1))], digits),
        "max": round(ordered[-1], digits),
    }


def _cue_routine() -> Any:
    from glute_coach.core.loading import LoadedRoutine, parse_routine
    from glute_coach.core.timeline import compile_timeline

    routine = parse_routine(CUE_ROUTINE, "live_view.py")
    return LoadedRoutine(routine, compile_timeline(routine), ROOT / "benchmarks" / "live_view.py")


def run_cue_case(app: QApplication, plot: tuple[int, float] | None, audio: bool) -> dict[str, Any]:
    """One session through SessionController (the app's path), alone or while a LiveView plots.

    Audio: the controller opens the real output (device ``pulse``: the null sink), single-beep
    mode; the sink's monitor is recorded and each beep found by content, as in cue_timing.py.
    GUI: every CueDue the controller's timer handles is timed against its due time on the
    engine's clock (the audio stream's), and the gaps between the timer's ticks are kept.
    """
    from glute_coach.audio.session import silent_session_audio
    from glute_coach.storage.settings import Settings
    from glute_coach.ui.session_controller import FRAME_MS, SessionController

    loaded = _cue_routine()
    timeline = loaded.timeline
    exercise_end_ms = max(s.end_ms for s in timeline.segments if s.block == 0)
    measured = [c for c in timeline.cues if c.at_ms <= exercise_end_ms]
    stop_s = measured[-1].at_s + CUE_STOP_AFTER_S
    settings = Settings(
        audio_device="pulse", voice_enabled=False, single_beep=True, countdown_beeps=0
    )
    recorder = None
    if audio:
        from glute_coach.audio.loopback import MonitorRecorder

        recorder = MonitorRecorder(timeline.total_s + 10, rate=AUDIO_RATE)
        recorder.start()
        controller = SessionController(loaded, settings=settings)
    else:  # no server to record: the GUI timer alone, on the monotonic clock
        controller = SessionController(
            loaded,
            settings=settings,
            audio_factory=lambda engine, lr: silent_session_audio(engine, lr.timeline),
        )
    engine = controller.engine
    lateness: list[float] = []
    ticks: list[float] = []
    loop = QEventLoop()

    def on_cue(cue: Any) -> None:
        due = engine.clock_time_at(cue.at_s)
        if due is not None:
            lateness.append((engine.clock.now() - due) * 1000)

    def on_frame(snapshot: Any) -> None:
        ticks.append(time.perf_counter())
        if snapshot.position_s >= stop_s and controller.is_active():
            controller.stop()  # before the routine ends: FINISHED defers closing the audio
            loop.quit()

    controller.cue.connect(on_cue)
    controller.frame.connect(on_frame)
    queued: list[tuple[float, float]] = []  # (due, clock when handed to the output)
    output = controller.audio.output
    play_at = output.play_at

    def timed_play_at(sound: Any, at: float, **kwargs: Any) -> int:
        queued.append((at, output.clock.now()))
        return play_at(sound, at, **kwargs)

    output.play_at = timed_play_at  # type: ignore[method-assign]
    load = PlotLoad(app, *plot, "timer") if plot is not None else None
    if load is not None:
        load.start()
    warm = QEventLoop()
    QTimer.singleShot(round(CUE_WARMUP_S * 1000), warm.quit)
    warm.exec()
    ticks.clear()
    cpu0, wall0 = time.thread_time(), time.perf_counter()
    controller.start()
    t0 = engine.clock_time_at(0.0) or 0.0
    QTimer.singleShot(round((timeline.total_s + 5) * 1000), loop.quit)  # a safety net only
    loop.exec()
    cpu1, wall1 = time.thread_time(), time.perf_counter()
    plotting = load.finish() if load is not None else None
    result: dict[str, Any] = {
        "plot": None if plot is None else f"{plot[0]} ch x {plot[1] / 1000:g} kHz",
        "routine": {
            "cues": len(timeline.cues),
            "measured_cues": len(measured),
            "gaps_ms": sorted({b.at_ms - a.at_ms for a, b in itertools.pairwise(measured)}),
            "stopped_at_s": round(stop_s, 3),
        },
        "cues_handled": len(lateness),
        "gui_cue_lateness_ms": _stats(lateness),
        "gui_tick_gap_ms": _stats([(b - a) * 1000 for a, b in itertools.pairwise(ticks)])
        | {"interval": FRAME_MS},
        "gui_cpu_percent": round(100 * (cpu1 - cpu0) / (wall1 - wall0), 1),
        "seconds": round(wall1 - wall0, 2),
    }
    # Cues beyond the first look-ahead were queued by a regular pump: how early, at the least.
    look_ahead = controller.audio.scheduler.look_ahead_s
    ahead = [(due - now) * 1000 for due, now in queued if due > t0 + look_ahead]
    result["audio_queued_ahead_ms_min"] = round(min(ahead), 1) if ahead else None
    result["audio"] = _audio_errors(controller, recorder, measured) if recorder else None
    result["audio_status"] = controller.audio.status.value
    result["audio_output_latency_ms"] = round(controller.audio.output_latency_s * 1000, 1)
    result["notices"] = controller.notices
    if hasattr(output, "stats"):
        stats = output.stats()
        result["audio_late_starts"] = stats.late_starts
        result["audio_underflows"] = stats.underflows
    controller.close()
    if recorder is not None:
        recorder.close()
    if plotting is not None:
        result["plotting"] = {
            k: plotting[k] for k in ("fps", "gui_cpu_percent", "latency_ms_median", "seconds")
        }
    return result


def _audio_errors(controller: Any, recorder: Any, measured: list[Any]) -> dict[str, Any]:
    """Each measured beep's onset in the recording against its timeline time (cue_timing.py's
    method: matched filter, then one constant latency, the median offset, removed)."""
    from glute_coach.audio.loopback import find_onsets, onset_errors, timing_stats

    sounds = controller.audio.scheduler.sounds
    beeps = [sounds.for_cue(c)[0].samples for c in measured]
    # The recorder needs the last measured beep and a little after it (it was stopped 0.8 s on).
    recording = recorder.samples.copy()
    onsets = find_onsets(recording, beeps, AUDIO_RATE)
    missing = sum(o is None for o in onsets)
    if missing:
        return {"cues": len(measured), "missing": missing}
    scheduled = [c.at_s for c in measured]
    errors = onset_errors([o.frame for o in onsets if o is not None], scheduled, AUDIO_RATE)
    abs_ms = [abs(float(e)) * 1000 for e in errors]
    stats = timing_stats(errors, scheduled).as_dict()
    return {
        "cues": len(measured),
        "missing": 0,
        "abs_error_ms": _stats(abs_ms, 3),
        "sd_ms": stats["sd_ms"],
        "drift_ppm": stats["drift_ppm"],
        "min_match": round(min(o.match for o in onsets if o is not None), 4),
        "recorder_overflows": recorder.overflows,
    }


def _floor_ratio(a: float | None, b: float | None, floor: float) -> float | None:
    if a is None or b is None:
        return None
    return round(max(a, floor) / max(b, floor), 2)


def cue_timing(app: QApplication) -> dict[str, Any]:
    """The session's cue error alone and while plotting each case, with in-run ratios."""
    folder, reason = start_pulse_server()
    audio = reason is None
    try:
        conditions = [run_cue_case(app, None, audio)]
        conditions += [run_cue_case(app, case, audio) for case in CASES]
    finally:
        if folder is not None:
            _pulse_script("stop", folder)
    alone = conditions[0]
    routine = alone["routine"]
    for cond in conditions:
        del cond["routine"]
    resolution = 1000 / AUDIO_RATE
    ratios = {}
    for cond in conditions[1:]:
        r: dict[str, float | None] = {}
        for key in ("median", "p95", "max"):
            r[f"gui_cue_lateness_{key}"] = _floor_ratio(
                cond["gui_cue_lateness_ms"][key], alone["gui_cue_lateness_ms"][key], 0.1
            )
        if audio and cond["audio"] and alone["audio"] and "abs_error_ms" in cond["audio"]:
            for key in ("p95", "max"):
                r[f"audio_abs_error_{key}"] = _floor_ratio(
                    cond["audio"]["abs_error_ms"][key],
                    alone["audio"]["abs_error_ms"][key],
                    resolution,
                )
        ratios[cond["plot"]] = r

    def audio_ok(cond: dict[str, Any]) -> bool:
        a = cond.get("audio") or {}
        return (
            a.get("missing") == 0
            and a["abs_error_ms"]["max"] < 2.0
            and a["sd_ms"] < 0.5
            and cond.get("audio_late_starts") == 0
            and cond.get("audio_underflows") == 0
        )

    return {
        "method": (
            "SessionController (the app's path) runs a compiled routine (single beeps, 250-450 ms "
            "apart) on the real output, alone and while a LiveView plots at display rate in the "
            "same process. audio: each beep found by content in the null sink's monitor, error = "
            "onset minus timeline time after removing the median offset (cue_timing.py's "
            "method). gui_cue_lateness: engine clock at the CueDue the controller's 16-ms timer "
            "handles, minus the cue's due time on that clock. gui_tick_gap: time between ticks."
        ),
        "audio_server": (
            {"available": True, "kind": "PulseAudio null sink", "rate_hz": AUDIO_RATE}
            if audio
            else {"available": False, "reason": reason}
        ),
        "resolution_ms": round(resolution, 4),
        "routine": routine,
        "conditions": conditions,
        "plotting_over_alone": ratios,
        "targets": {
            "audio_cue_error_unchanged": (all(audio_ok(c) for c in conditions) if audio else None),
            "unchanged_means": (
                "in every condition all beeps found, max abs error < 2 ms and SD < 0.5 ms "
                "(cue_timing.py's targets), no late start, no underflow"
            ),
        },
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
    parser.add_argument(
        "--no-cues", action="store_true", help="skip the session timer's cue error runs"
    )
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
    report: dict[str, Any] = {"date": DATE, "machine": machine(), "size": SIZE, "results": results}
    if not args.no_cues:
        report["cue_timing"] = cue_timing(app)
    print(json.dumps(report, indent=2))


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a is not None and b else None


if __name__ == "__main__":
    main()
