"""Render every screen into docs/screenshots/ for people (and reviewers) to look at.

Real windows on a virtual screen: run it through `scripts/screenshots`, which starts Xvfb.
Each screen in light, dark and high-contrast, at 1280x720 and 1920x1080. The session is driven by
a hand-moved clock so the player is caught in each phase.

    scripts/screenshots [--out docs/screenshots] [--sizes 1280x720,1920x1080]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from glute_coach.core.clock import ManualClock
from glute_coach.core.loading import load_routine
from glute_coach.core.metrics import ChannelMetrics, ExerciseMetrics
from glute_coach.core.resources import bundled_routines_dir
from glute_coach.core.timeline import SegmentKind
from glute_coach.storage.sessions import SessionSummary
from glute_coach.storage.settings import Settings, Theme
from glute_coach.ui.main_window import MainWindow
from glute_coach.ui.theme import apply_theme

ROOT = Path(__file__).resolve().parent.parent
PLAYER_PHASES = (
    SegmentKind.PREPARE,
    SegmentKind.WORK,
    SegmentKind.HOLD,
    SegmentKind.REST,
    SegmentKind.SWITCH_SIDES,
    SegmentKind.INFO,
)
SESSION_ROUTINE = "glute-session-15-min"


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _grab(app: QApplication, window: QWidget, path: Path) -> None:
    _settle(app)
    screen = window.screen()
    image = screen.grabWindow(window.winId())  # what the window system shows, not a re-render
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def _finish_biofeedback(app: QApplication, window: MainWindow, path: Path) -> None:
    """The finish screen after a session with sensors: EMG left/right and a pressure cuff."""
    import dataclasses
    import tempfile

    from glute_coach.core.metrics import ChannelMetrics, ExerciseMetrics
    from glute_coach.ui.finish_view import FinishView

    finish = window.pages.currentWidget()
    assert isinstance(finish, FinishView)
    assert finish.summary is not None

    def emg(
        side: str, peak: float, mean: float, zone: float, onset: float | None
    ) -> ChannelMetrics:
        return ChannelMetrics(
            f"glute-{side[0]}", "gluteus_maximus", side, "%MVC", peak, mean, zone, 10, onset
        )

    metrics = [
        ExerciseMetrics(
            "Glute bridge",
            "glute-bridge",
            40.0,
            4.0,
            (40.0, 70.0),
            [emg("left", 78.0, 52.0, 26.0, 0.18), emg("right", 66.0, 46.0, 21.0, None)],
            symmetry=0.12,
        ),
        ExerciseMetrics(
            "Standing glute squeeze",
            "glute-squeeze",
            45.0,
            0.0,
            (30.0, 50.0),
            [ChannelMetrics("pressure", None, "both", "mmHg", 48.0, 37.5, 31.0, 8, 0.35)],
        ),
    ]
    with tempfile.TemporaryDirectory() as folder:
        recording = Path(folder) / "20250301T101500-glute-session-15-min.csv"
        recording.write_text("t,glute-l,glute-r\n", encoding="utf-8")
        summary = dataclasses.replace(
            finish.summary,
            metrics=metrics,
            recording=str(recording),
            sensor="Two-channel EMG + pressure cuff",
        )
        finish.show_summary(summary)
        _grab(app, window, path)


def shoot(out: Path, sizes: list[tuple[int, int]]) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    routine = load_routine(bundled_routines_dir() / f"{SESSION_ROUTINE}.json")
    for theme in Theme:
        settings = Settings(theme=theme)
        apply_theme(app, theme, settings.font_scale)
        for width, height in sizes:
            suffix = f"{theme.value}-{width}x{height}"
            clock = ManualClock(start=1000.0)
            window = MainWindow(settings, clock=clock, persist_settings=False)
            window.resize(width, height)
            window.show()
            screens: list[tuple[str, Callable[[], None]]] = [
                ("library", window.show_library),
                ("detail", lambda w=window: w.open_routine(routine)),
                ("education", window.show_education),
                ("settings", window.show_settings),
            ]
            for name, show in screens:
                show()
                _grab(app, window, out / f"{name}-{suffix}.png")

            window.start_session(routine, 3)
            controller = window.controller
            assert controller is not None
            for kind in PLAYER_PHASES:
                segment = next(s for s in routine.timeline.segments if s.kind is kind)
                controller.engine.seek(segment.start_s)
                clock.advance(min(2.0, segment.duration_s / 2))
                controller.tick()
                _grab(app, window, out / f"player-{kind.value}-{suffix}.png")
            controller.stop()
            controller.tick()
            _grab(app, window, out / f"finish-{suffix}.png")
            _finish_biofeedback(app, window, out / f"finish-biofeedback-{suffix}.png")
            window.close()
            window.deleteLater()
            _settle(app)
    shoot_sensor_setup(app, out, sizes)
    shoot_biofeedback(app, out, sizes)
    shoot_pin_pad(app, out, sizes)
    shoot_kiosk(app, out, sizes)
    shoot_clinic(app, out, sizes)
    shoot_clinic_adjust(app, out, sizes)
    shoot_history(app, out, sizes)


def shoot_sensor_setup(app: QApplication, out: Path, sizes: list[tuple[int, int]]) -> None:
    """The sensor setup dialog connected to ``sim``: channels mapped, the test trace running."""
    import tempfile
    import time

    from glute_coach.ui.sensor_setup import SensorSetupDialog

    with tempfile.TemporaryDirectory() as profiles:
        for theme in Theme:
            apply_theme(app, theme, Settings(theme=theme).font_scale)
            for width, height in sizes:
                dialog = SensorSetupDialog(Path(profiles))
                dialog.resize(width, height)
                dialog.show()
                dialog.set_spec_text("sim")
                dialog.name_edit.setText("Both glutes")
                dialog.connect_source()
                deadline = time.monotonic() + 10.0
                while time.monotonic() < deadline and not (
                    dialog.state_key == "connected"
                    and dialog.channel_table.rowCount() == 2
                    and dialog.live_view is not None
                    and dialog.live_view.frames > 60  # about 3 s of trace at 30 fps
                ):
                    app.processEvents()
                    time.sleep(0.01)
                _grab(app, dialog, out / f"sensor-setup-{theme.value}-{width}x{height}.png")
                dialog.close()
                dialog.deleteLater()
                _settle(app)


PRESSURE_ROUTINE = {
    "format_version": 1,
    "id": "bridge-pressure-feedback",
    "title": "Bridge with a pressure cuff",
    "summary": "Keep the cuff under your lower back steady while you bridge.",
    "level": "beginner",
    "author": "Glute Coach team",
    "defaults": {"prepare_s": 5},
    "steps": [
        {
            "kind": "exercise",
            "id": "glute-bridge",
            "name": "Glute bridge",
            "image": "asset:images/glute-bridge.svg",
            "reps": 5,
            "hold_s": 10,
            "instructions": ["Lift your hips and keep the needle inside the band."],
            "target": {"pressure_mmhg": [44, 50]},
        }
    ],
}


def shoot_biofeedback(app: QApplication, out: Path, sizes: list[tuple[int, int]]) -> None:
    """The player with a simulated sensor: calibration, EMG left/right in a hold, pressure."""
    import json
    import tempfile
    import time

    from glute_coach.core.engine import SessionState

    def step(window: MainWindow, clock: ManualClock, seconds: float = 0.1) -> None:
        clock.advance(seconds)
        bio = window.biofeedback
        deadline = time.monotonic() + 5.0
        while bio is not None and time.monotonic() < deadline:  # samples up to the fake clock
            raw = bio.sensor.raw
            if raw is not None and raw.total and raw.latest(1).t[-1] >= clock.now() - 0.05:
                break
            app.processEvents()
            time.sleep(0.002)
        controller = window.controller
        assert controller is not None
        controller.tick()
        app.processEvents()

    def run_until(window: MainWindow, clock: ManualClock, kind: SegmentKind, into: float) -> None:
        controller = window.controller
        assert controller is not None
        for _ in range(20_000):
            snap = controller.engine.snapshot()
            seg = snap.segment
            if seg.kind is kind and snap.position_s - seg.start_s >= into:
                return
            if snap.state is not SessionState.RUNNING:
                break
            step(window, clock)
        raise RuntimeError(f"the session never reached {kind}")

    with tempfile.TemporaryDirectory() as folder:
        pressure_path = Path(folder) / "bridge-pressure.json"
        pressure_path.write_text(json.dumps(PRESSURE_ROUTINE), encoding="utf-8")
        emg_routine = load_routine(bundled_routines_dir() / "biofeedback-session.json")
        shots = [
            (
                "sim:seed=5",
                emg_routine,
                [(SegmentKind.CALIBRATE, 3.0, "calibrate"), (SegmentKind.HOLD, 6.0, "emg")],
            ),
            (
                "sim:kind=pressure,channels=1,seed=5",
                load_routine(pressure_path),
                [(SegmentKind.HOLD, 5.0, "pressure")],
            ),
        ]
        for theme in Theme:
            apply_theme(app, theme, Settings(theme=theme).font_scale)
            for width, height in sizes:
                for sensor, routine, moments in shots:
                    clock = ManualClock(start=1000.0)
                    settings = Settings(theme=theme, sensor=sensor, record_sensor=False)
                    window = MainWindow(settings, clock=clock, persist_settings=False)
                    window.resize(width, height)
                    window.show()
                    window.start_session(routine, 2)
                    for kind, into, name in moments:
                        run_until(window, clock, kind, into)
                        suffix = f"{theme.value}-{width}x{height}"
                        _grab(app, window, out / f"player-biofeedback-{name}-{suffix}.png")
                    window._end_session_page()
                    window.close()
                    window.deleteLater()
                    _settle(app)


def shoot_pin_pad(app: QApplication, out: Path, sizes: list[tuple[int, int]]) -> None:
    """The kiosk's staff PIN dialog after one wrong PIN, three digits of the next one typed."""
    import tempfile

    from glute_coach.storage.kiosk_pin import PinStore
    from glute_coach.ui.kiosk.pin_pad import PinDialog

    with tempfile.TemporaryDirectory() as folder:
        store = PinStore(Path(folder) / "kiosk-pin.json")
        store.set_pin("2468")
        for theme in Theme:
            apply_theme(app, theme, Settings(theme=theme).font_scale)
            for width, height in sizes:
                dialog = PinDialog(store, PinDialog.Mode.VERIFY)
                dialog.resize(width, height)
                dialog.show()
                for digit in "1357":
                    dialog.pad.press_digit(digit)
                dialog.pad.press_ok()  # wrong: "That PIN is not right"
                for digit in "246":
                    dialog.pad.press_digit(digit)
                _grab(app, dialog, out / f"kiosk-pin-{theme.value}-{width}x{height}.png")
                dialog.reject()
                dialog.deleteLater()
                _settle(app)
                store.verify("2468")  # the next shot starts from a clean count


def shoot_kiosk(app: QApplication, out: Path, sizes: list[tuple[int, int]]) -> None:
    """The kiosk's attract screen and its library (the bundled routines as the kiosk folder)."""
    import os
    import tempfile

    from glute_coach.storage.kiosk_pin import PinStore
    from glute_coach.ui.kiosk.shell import build_kiosk_window

    with tempfile.TemporaryDirectory() as folder:
        state = os.environ.get("XDG_STATE_HOME")
        os.environ["XDG_STATE_HOME"] = folder  # the kiosk log goes here, not the real one
        store = PinStore(Path(folder) / "kiosk-pin.json")
        store.set_pin("2468")  # so the first-run PIN prompt does not open
        try:
            for theme in Theme:
                settings = Settings(theme=theme)
                apply_theme(app, theme, settings.font_scale)
                for width, height in sizes:
                    clock = ManualClock(start=1000.0)
                    window = build_kiosk_window(
                        settings, bundled_routines_dir(), clock=clock, pin_store=store
                    )
                    window.showNormal()  # the screenshot's size rather than the screen's
                    window.resize(width, height)
                    suffix = f"{theme.value}-{width}x{height}"
                    _grab(app, window, out / f"kiosk-attract-{suffix}.png")
                    window.start_from_attract()
                    _grab(app, window, out / f"kiosk-library-{suffix}.png")
                    window.shutdown()
                    window.deleteLater()
                    _settle(app)
        finally:
            if state is None:
                os.environ.pop("XDG_STATE_HOME", None)
            else:
                os.environ["XDG_STATE_HOME"] = state


def shoot_clinic(app: QApplication, out: Path, sizes: list[tuple[int, int]]) -> None:
    """Clinic mode: the therapist's console and the client's view, a sim sensor, mid-hold."""
    import time

    from glute_coach.sensors.session import SensorSession
    from glute_coach.ui.biofeedback_controller import BiofeedbackController
    from glute_coach.ui.biofeedback_panel import BiofeedbackPanel
    from glute_coach.ui.clinic.console import TherapistConsole
    from glute_coach.ui.clinic.presenter import ClientWindow, Presenter
    from glute_coach.ui.player_view import PlayerView
    from glute_coach.ui.session_controller import SessionController

    routine = load_routine(bundled_routines_dir() / "biofeedback-session.json").with_calibration()
    for theme in Theme:
        settings = Settings(theme=theme, record_sensor=False)
        apply_theme(app, theme, settings.font_scale)
        for width, height in sizes:
            clock = ManualClock(start=1000.0)
            controller = SessionController(routine, clock=clock, settings=settings)
            sensor = SensorSession("sim:seed=5", routine_id=routine.routine.id, clock=clock.now)
            bio = BiofeedbackController(sensor, controller, settings, clock=clock.now)
            player = PlayerView(controller, settings)
            player.set_biofeedback(BiofeedbackPanel(bio, settings, player))
            console = TherapistConsole(controller, bio, settings)
            console.resize(width, height)
            console.show()
            client = ClientWindow(player, beside=console)
            presenter = Presenter(client)
            console.set_presenter(presenter)
            controller.start()
            for _ in range(20_000):  # 4 s into the first hold, the sensor on the same clock
                snap = controller.engine.snapshot()
                if snap.segment.kind is SegmentKind.HOLD and snap.position_s >= (
                    snap.segment.start_s + 4.0
                ):
                    break
                clock.advance(0.1)
                deadline = time.monotonic() + 5.0
                while time.monotonic() < deadline:
                    raw = sensor.raw
                    if raw is not None and raw.total and raw.latest(1).t[-1] >= clock.now() - 0.05:
                        break
                    app.processEvents()
                    time.sleep(0.002)
                controller.tick()
            console.set_notes("Left side tires after the third hold: cue a slower lift.")
            suffix = f"{theme.value}-{width}x{height}"
            presenter.place()
            client.hide()  # one window at a time: the grab reads the screen
            _grab(app, console, out / f"clinic-console-{suffix}.png")
            presenter.show_client()
            client.showNormal()
            client.setGeometry(0, 0, width, height)
            _grab(app, client, out / f"clinic-client-{suffix}.png")
            presenter.close()
            console.close_console()
            if player.biofeedback is not None:
                player.biofeedback.close_panel()
            bio.close()
            controller.close()
            client.dispose()
            console.close()
            client.deleteLater()
            console.deleteLater()
            _settle(app)


def shoot_clinic_adjust(app: QApplication, out: Path, sizes: list[tuple[int, int]]) -> None:
    """Clinic mode: the quick editor for a client, a hold shortened and a step selected."""
    from glute_coach.ui.clinic.edit_page import ClinicEditPage

    routine = load_routine(bundled_routines_dir() / "glute-bridge-progression.json")
    for theme in Theme:
        apply_theme(app, theme, Settings(theme=theme).font_scale)
        for width, height in sizes:
            window = MainWindow(Settings(theme=theme), persist_settings=False, clinic=True)
            window.resize(width, height)
            window.show()
            window.open_routine(routine)
            window.adjust_for_client(routine)
            page = window.pages.currentWidget()
            assert isinstance(page, ClinicEditPage)
            page.editor.select((1,))
            _grab(app, window, out / f"clinic-adjust-{theme.value}-{width}x{height}.png")
            window.close()
            window.deleteLater()
            _settle(app)


def demo_sessions(today: datetime) -> list[SessionSummary]:
    """About six weeks of sessions up to ``today``: pain easing, biofeedback rising (also used by
    scripts/dist to give the bundle's report something to chart)."""
    rng = random.Random(7)
    out_: list[SessionSummary] = []
    start = today - timedelta(days=41)
    for day in range(42):
        when = start + timedelta(days=day)
        weekday = when.weekday()
        plan = []
        if weekday in (0, 2, 4) and rng.random() > 0.12:
            plan.append(("glute-session-15-min", "15-minute glute session", False))
        if weekday in (1, 3, 5) and rng.random() > 0.2:
            plan.append(("biofeedback-session", "Glute biofeedback session", True))
        for routine_id, title, sensor in plan:
            progress = day / 41
            begin = when.replace(hour=7 + rng.randint(0, 11), minute=rng.choice((0, 15, 30)))
            pain = max(0, round(6 - 4 * progress + rng.uniform(-1, 1)))
            skipped = ["Split squat"] if rng.random() < 0.15 else []
            metrics = []
            if sensor:
                level = 38 + 22 * progress
                metrics = [
                    ExerciseMetrics(
                        "Glute bridge",
                        "glute-bridge",
                        40.0,
                        0.0,
                        (40.0, 70.0),
                        [
                            ChannelMetrics(
                                f"glute-{side[0]}",
                                "gluteus_maximus",
                                side,
                                "%MVC",
                                level * k + 25 + rng.uniform(-4, 4),
                                level * k + rng.uniform(-3, 3),
                                20.0,
                                10,
                                0.2,
                            )
                            for side, k in (("left", 1.0), ("right", 0.9))
                        ],
                        symmetry=0.1,
                    )
                ]
            out_.append(
                SessionSummary(
                    routine_id=routine_id,
                    routine_version=1,
                    title=title,
                    started_at=begin.isoformat(timespec="seconds"),
                    ended_at=(begin + timedelta(minutes=15)).isoformat(timespec="seconds"),
                    completed=not (rng.random() < 0.05),
                    steps_done=["Warm-up", "Glute bridge", "Standing glute squeeze", "Step-up"],
                    steps_skipped=skipped,
                    pain_before=min(10, pain + 1),
                    pain_after=pain,
                    rpe=rng.randint(4, 7),
                    notes="Felt the left side more." if rng.random() < 0.2 else "",
                    metrics=metrics,
                    sensor="Two-channel EMG" if sensor else None,
                )
            )
    return out_


def shoot_history(app: QApplication, out: Path, sizes: list[tuple[int, int]]) -> None:
    """The history: ~6 weeks of sessions (pain easing, biofeedback rising) in a scratch store."""
    import os
    import tempfile

    from glute_coach.storage.history import HistoryStore
    from glute_coach.ui.history_view import HistoryView

    with tempfile.TemporaryDirectory() as folder:
        data = os.environ.get("XDG_DATA_HOME")
        os.environ["XDG_DATA_HOME"] = folder  # the history goes here, not the real one
        try:
            today = datetime.now().astimezone().replace(second=0, microsecond=0)
            with HistoryStore.open() as store:
                for summary in demo_sessions(today):
                    store.add(summary)
            for theme in Theme:
                apply_theme(app, theme, Settings(theme=theme).font_scale)
                for width, height in sizes:
                    view = HistoryView()
                    view.resize(width, height)
                    view.show()
                    view.refresh()
                    _grab(app, view, out / f"history-{theme.value}-{width}x{height}.png")
                    view.close()
                    view.deleteLater()
                    _settle(app)
        finally:
            if data is None:
                os.environ.pop("XDG_DATA_HOME", None)
            else:
                os.environ["XDG_DATA_HOME"] = data


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--sizes", default="1280x720,1920x1080")
    ns = parser.parse_args()
    sizes = [tuple(int(v) for v in size.split("x")) for size in ns.sizes.split(",")]
    shoot(ns.out, [(w, h) for w, h in sizes])


if __name__ == "__main__":
    main()
