"""Biofeedback in the running app: the real window, a simulated or file sensor, a fake clock.

The fake clock drives the session *and* the sensor (``sim`` and ``file:`` make their samples on
the clock they are given), so these runs are deterministic: each step advances the clock, waits
until the acquisition thread has delivered the samples up to it, then ticks the session.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from glute_coach.audio.null import NullAudioEngine
from glute_coach.audio.sound import Category
from glute_coach.core.clock import ManualClock
from glute_coach.core.engine import SessionState
from glute_coach.core.loading import load_routine
from glute_coach.core.timeline import SegmentKind
from glute_coach.sensors.source import ConnectionState
from glute_coach.storage.settings import FeedbackSound, Settings
from glute_coach.ui.biofeedback_controller import BiofeedbackController
from glute_coach.ui.biofeedback_panel import BiofeedbackPanel
from glute_coach.ui.main_window import MainWindow
from glute_coach.ui.session_controller import SessionController

STEP_S = 0.1

ROUTINE = {
    "format_version": 1,
    "id": "biofeedback-test",
    "title": "Biofeedback test",
    "summary": "Calibrate, then two squeezes in a band.",
    "level": "beginner",
    "author": "tests",
    "defaults": {"prepare_s": 1, "countdown_beeps": 0, "rest_between_reps_s": 2},
    "steps": [
        {
            "kind": "mvc_calibration",
            "muscles": ["gluteus_maximus"],
            "sides": "each",
            "efforts": 1,
            "effort_s": 2,
        },
        {
            "kind": "exercise",
            "id": "squeeze",
            "name": "Glute squeeze",
            "reps": 2,
            "hold_s": 3,
            "cues": {"start": {"say": "Squeeze"}, "end": {"say": "Relax"}},
            "target": {"muscle": "gluteus_maximus", "side": "both", "mvc_percent": [20, 40]},
        },
    ],
}


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal box would wait forever offscreen: fail at once with its text instead."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected dialog: {args[1:]}")

    for name in ("warning", "question", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, refuse)


class Run:
    """The app with one session running on a fake clock shared with its sensor."""

    def __init__(self, qtbot: QtBot, tmp_path: Path, sensor: str, routine: dict[str, object]):
        self.qtbot = qtbot
        self.clock = ManualClock(start=1000.0)
        self.window = MainWindow(Settings(sensor=sensor), clock=self.clock, persist_settings=False)
        # Not qtbot.addWidget: pytest-qt would close the window before this run's teardown, and
        # closing a window with a session running asks first.
        self.window.resize(1280, 720)
        self.window.show()
        path = tmp_path / "routine.json"
        path.write_text(json.dumps(routine))
        with qtbot.waitSignal(self.window.session_started) as started:
            self.window.start_session(load_routine(path))
        self.session: SessionController = started.args[0]
        bio = self.window.biofeedback
        assert bio is not None
        self.bio: BiofeedbackController = bio
        player = self.window._lazy_pages["player"]
        panel = player.biofeedback  # type: ignore[attr-defined]
        assert isinstance(panel, BiofeedbackPanel)
        self.panel = panel

    def data_until(self) -> float:
        raw = self.bio.sensor.raw
        if raw is None or raw.total == 0:
            return -math.inf
        return float(raw.latest(1).t[-1])

    def step(self, seconds: float = STEP_S, *, expect_data: bool = True) -> None:
        self.clock.advance(seconds)
        if expect_data:
            target = self.clock.now() - 0.05
            self.qtbot.waitUntil(lambda: self.data_until() >= target, timeout=5000)
        self.session.tick()

    def run(self, seconds: float, **kwargs: bool) -> None:
        for _ in range(round(seconds / STEP_S)):
            self.step(**kwargs)

    def run_until(self, kind: SegmentKind, rep: int | None = None) -> None:
        def there() -> bool:
            seg = self.session.engine.snapshot().segment
            return seg.kind is kind and (rep is None or seg.rep == rep)

        for _ in range(2000):
            if there():
                return
            self.step()
        raise AssertionError(f"never reached {kind}")

    @property
    def output(self) -> NullAudioEngine:
        out = self.session.audio.output
        assert isinstance(out, NullAudioEngine)
        return out

    def close(self) -> None:
        self.window._end_session_page()
        self.window.close()
        self.window.deleteLater()


@pytest.fixture
def sim_run(qtbot: QtBot, tmp_path: Path) -> Iterator[Run]:
    run = Run(qtbot, tmp_path, "sim:seed=7", ROUTINE)
    yield run
    run.close()


def test_calibration_then_gauges_cross_into_the_band(sim_run: Run) -> None:
    run = sim_run
    run.run_until(SegmentKind.CALIBRATE)
    run.step()
    assert run.panel.calibration_label.isVisible()
    assert "Gluteus maximus, left" in run.panel.calibration_label.text()
    assert "first effort" in run.panel.calibration_label.text()
    run.run_until(SegmentKind.HOLD, rep=1)
    model = run.bio.model
    assert model is not None
    # Both sides calibrated on their own efforts (the simulated right side is 15 % weaker).
    assert set(model.mvc) == {0, 1}
    assert model.mvc[1] == pytest.approx(0.85 * model.mvc[0], rel=0.15)
    assert not run.panel.calibration_label.isVisible()

    left, _right = run.panel.gauges
    assert left.band() == (20.0, 40.0)
    assert left.unit() == "%"
    zones: list[str | None] = []
    for _ in range(25):  # 2.5 s of the 3-s hold
        run.step()
        zones.append(left.zone())
    # The squeeze starts 150-400 ms after the cue: below the band first, then inside it.
    assert zones[0] == "below"
    assert zones[-1] == "in"
    first_in = zones.index("in")
    assert all(z == "in" for z in zones[first_in:])
    assert run.panel.live_view is not None
    assert run.panel.live_view.target_items[0] is not None
    # the traces are named like the gauges ("Left"/"Right"), not by the sensor ("left"/"right")
    trace_names = [plot.getAxis("left").labelText for plot in run.panel.live_view.plots]
    assert trace_names == [gauge.label() for gauge in run.panel.gauges] == ["Left", "Right"]
    stats = run.panel.stats_label.text()
    assert "Reps 1" in stats
    assert "In zone" in stats
    assert "Reaction" in stats
    assert run.bio.frame is not None
    assert run.bio.frame.latency_s is not None
    assert 0.1 <= run.bio.frame.latency_s <= 0.5


def test_feedback_sound_and_colours_switch(sim_run: Run) -> None:
    run = sim_run
    saved: list[Settings] = []
    run.panel.settings_changed.connect(saved.append)
    run.run_until(SegmentKind.HOLD, rep=1)
    run.run(1.5)
    # Tone (the default): a level between 0 and 1 goes to the feedback voice.
    assert run.output.feedback is not None
    assert 0 < run.output.feedback < 1

    run.panel.sound_box.setCurrentIndex(run.panel.sound_box.findData(FeedbackSound.CHIME.value))
    assert saved[-1].feedback_sound is FeedbackSound.CHIME
    assert run.output.feedback is None  # the tone stops at once
    chimes_before = len([r for r in run.output.requests if r.category is Category.FEEDBACK])
    run.run_until(SegmentKind.HOLD, rep=2)
    run.run(1.5)
    chimes = [r for r in run.output.requests if r.category is Category.FEEDBACK]
    assert len(chimes) > chimes_before
    assert chimes[-1].sound.name == "chime:enter"
    assert run.output.feedback is None

    run.panel.sound_box.setCurrentIndex(run.panel.sound_box.findData(FeedbackSound.OFF.value))
    assert saved[-1].feedback_sound is FeedbackSound.OFF

    assert all(g.is_colored() for g in run.panel.gauges)
    run.panel.colors_button.click()
    assert saved[-1].feedback_colors is False
    assert not any(g.is_colored() for g in run.panel.gauges)


def test_finish_screen_gets_metrics_and_the_recording(sim_run: Run) -> None:
    run = sim_run
    while run.session.state is not SessionState.FINISHED:
        run.step()
    finish = run.window.pages.currentWidget()
    summary = finish.current_summary()  # type: ignore[attr-defined]
    assert summary.sensor == "sim:seed=7"
    squeeze = [m for m in summary.metrics if m.exercise_id == "squeeze"]
    assert len(squeeze) == 1
    by_side = {c.side: c for c in squeeze[0].channels}
    assert by_side["left"].reps == 2
    assert by_side["right"].reps == 2
    assert by_side["left"].unit == "%MVC"
    assert 15 <= (by_side["left"].mean or 0) <= 40
    assert (by_side["left"].peak or 0) >= 20
    assert squeeze[0].symmetry is not None
    assert summary.recording is not None
    recording = Path(summary.recording)
    assert recording.is_file()
    cues = recording.with_name(recording.stem + ".cues.csv")
    with cues.open(newline="") as fh:
        texts = [row["text"] for row in csv.DictReader(fh)]
    assert "Squeeze as hard as you can" in texts
    assert "Squeeze" in texts


def write_recording(path: Path, seconds: float, fs: float = 500.0) -> None:
    """Two channels of EMG-like noise with bursts, as a plain CSV the file source reads."""
    rng = np.random.default_rng(4)
    n = round(seconds * fs)
    t = np.arange(n) / fs
    burst = (np.sin(2 * np.pi * 0.5 * t) > 0).astype(float) * 0.3 + 0.01
    data = rng.normal(0, 1, (n, 2)) * burst[:, None]
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["time_s", "left", "right"])
        for i in range(n):
            writer.writerow([f"{t[i]:.4f}", f"{data[i, 0]:.6f}", f"{data[i, 1]:.6f}"])


def test_a_sensor_that_drops_mid_hold_never_stops_the_routine(qtbot: QtBot, tmp_path: Path) -> None:
    recording = tmp_path / "short.csv"
    write_recording(recording, seconds=4.0)
    run = Run(qtbot, tmp_path, f"file:{recording}", ROUTINE)
    try:
        run.run_until(SegmentKind.CALIBRATE)
        assert run.bio.state is ConnectionState.CONNECTED
        # The recording ends 4 s in: the source stops in the middle of things.
        for _ in range(100):
            if run.bio.state is not ConnectionState.CONNECTED:
                break
            run.step(expect_data=run.data_until() < 1000.0 + 3.9)
        run.run(1.0, expect_data=False)
        assert run.bio.state is not ConnectionState.CONNECTED
        assert run.session.state is SessionState.RUNNING  # the routine keeps time
        position = run.session.engine.position_s()
        assert "Sensor" in run.panel.state_label.text()
        assert all(g.is_stale() for g in run.panel.gauges)
        assert run.panel.reconnect_button.isVisible()

        qtbot.mouseClick(run.panel.reconnect_button, Qt.MouseButton.LeftButton)
        run.qtbot.waitUntil(lambda: run.bio.state is ConnectionState.CONNECTED, timeout=5000)
        run.run(1.0)
        assert run.session.engine.position_s() > position
        assert not any(g.is_stale() for g in run.panel.gauges)
        gaps = run.bio.sensor.raw.gaps() if run.bio.sensor.raw is not None else []
        assert gaps, "the time without data is marked as a gap"
    finally:
        run.close()


def test_a_sensor_that_cannot_connect_shows_its_state(qtbot: QtBot, tmp_path: Path) -> None:
    routine = dict(ROUTINE, steps=ROUTINE["steps"][1:])  # type: ignore[index]
    run = Run(qtbot, tmp_path, "serial:/dev/glute-coach-no-such-port", routine)
    try:
        run.run(1.0, expect_data=False)
        assert run.session.state is SessionState.RUNNING
        assert run.bio.state in (ConnectionState.CONNECTING, ConnectionState.RECONNECTING)
        assert "connecting" in run.panel.state_label.text()
        assert run.panel.waiting_label.isVisible()
    finally:
        run.close()
