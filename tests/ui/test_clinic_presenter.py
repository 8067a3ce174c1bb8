"""Clinic mode's presenter layout: where the client's view goes, and the therapist's console.

Sessions run on a ManualClock driven by ``tick()`` (no sleeps). The one edge faked is the list
of screens: the offscreen platform has a single screen, so a second *physical* screen is staged
by monkeypatching ``QGuiApplication.screens``/``primaryScreen`` around the real offscreen
screen (which then plays the second screen, so the fullscreen placement is real Qt) and by
emitting ``screenAdded``/``screenRemoved`` as the platform would.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from pytestqt.qtbot import QtBot

from glute_coach.core.clock import ManualClock
from glute_coach.core.engine import SessionState
from glute_coach.core.loading import load_routine
from glute_coach.sensors.session import SensorSession
from glute_coach.storage.settings import Settings
from glute_coach.ui.biofeedback_controller import BiofeedbackController
from glute_coach.ui.biofeedback_panel import BiofeedbackPanel
from glute_coach.ui.clinic.console import TherapistConsole
from glute_coach.ui.clinic.presenter import (
    ClientWindow,
    Presenter,
    ScreenInfo,
    beside_rect,
    client_screen,
)
from glute_coach.ui.player_view import PlayerView
from glute_coach.ui.session_controller import SessionController

# 0 prepare (3) | 3 hold 1 (3) | 6 rest (2) | 8 hold 2 (3) | 11 rest step (5) | 16 prepare (3)
# 19 work (6) | 25 end
ROUTINE = {
    "format_version": 1,
    "id": "clinic-test",
    "title": "Clinic test",
    "summary": "Three steps.",
    "level": "beginner",
    "author": "tests",
    "defaults": {"prepare_s": 3, "countdown_beeps": 0, "rest_between_reps_s": 2},
    "steps": [
        {
            "kind": "exercise",
            "id": "squeeze",
            "name": "Glute squeeze",
            "reps": 2,
            "hold_s": 3,
            "cues": {"start": {"say": "Squeeze"}, "end": {"say": "Relax"}},
            "target": {"muscle": "gluteus_maximus", "side": "both", "mvc_percent": [20, 40]},
        },
        {"kind": "rest", "duration_s": 5},
        {"kind": "exercise", "name": "Side bridge", "duration_s": 6},
    ],
}


class Session:
    """A controller on a fake clock; ``run`` advances it the way the display timer does."""

    def __init__(self, path: Path) -> None:
        self.clock = ManualClock(start=100.0)
        self.controller = SessionController(load_routine(path), clock=self.clock)

    def run(self, seconds: float, step: float = 0.1) -> None:
        for _ in range(round(seconds / step)):
            self.clock.advance(step)
            self.controller.tick()

    @property
    def position(self) -> float:
        return self.controller.engine.position_s()


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    path = tmp_path / "routine.json"
    path.write_text(json.dumps(ROUTINE))
    run = Session(path)
    yield run
    run.controller.close()


@pytest.fixture
def console(qtbot: QtBot, session: Session) -> Iterator[TherapistConsole]:
    view = TherapistConsole(session.controller, settings=Settings())
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    yield view
    view.close_console()


class Layout:
    """Console, client window (hosting a PlayerView) and presenter, closed at the end."""

    def __init__(self, qtbot: QtBot, session: Session) -> None:
        settings = Settings()
        self.console = TherapistConsole(session.controller, settings=settings)
        qtbot.addWidget(self.console)
        self.console.resize(1280, 720)
        self.console.show()
        self.player = PlayerView(session.controller, settings)
        self.client = ClientWindow(self.player, beside=self.console)
        self.presenter = Presenter(self.client)
        self.console.set_presenter(self.presenter)

    def close(self) -> None:
        self.presenter.close()
        self.client.dispose()
        self.client.deleteLater()


@pytest.fixture
def layout(qtbot: QtBot, session: Session) -> Iterator[Layout]:
    built = Layout(qtbot, session)
    yield built
    built.close()


# --- where the client's view goes -------------------------------------------------------------


def info(name: str, x: int, w: int, h: int) -> ScreenInfo:
    return ScreenInfo(name, (x, 0, w, h))


def test_one_screen_means_no_client_screen() -> None:
    laptop = info("eDP-1", 0, 1920, 1200)
    assert client_screen([laptop], laptop) is None
    assert client_screen([], laptop) is None


def test_two_screens_put_the_client_on_the_other_one() -> None:
    laptop, tv = info("eDP-1", 0, 1920, 1200), info("HDMI-1", 1920, 1280, 720)
    assert client_screen([laptop, tv], laptop) == tv
    assert client_screen([tv, laptop], tv) == laptop  # whichever is primary keeps the console


def test_three_screens_put_the_client_on_the_largest_other_one() -> None:
    laptop = info("eDP-1", 0, 1920, 1200)
    small, large = info("DP-1", 1920, 1280, 1024), info("HDMI-1", 3200, 3840, 2160)
    assert client_screen([laptop, small, large], laptop) == large
    assert client_screen([large, small, laptop], large) == laptop  # 1920x1200 beats 1280x1024
    twin = info("DP-2", 7040, 3840, 2160)
    assert client_screen([laptop, large, twin], laptop) == large  # equal: the first listed


def test_a_mirrored_screen_is_not_another_screen() -> None:
    laptop = info("eDP-1", 0, 1920, 1080)
    projector = info("HDMI-1", 0, 1920, 1080)  # duplicating the laptop's picture
    assert client_screen([laptop, projector], laptop) is None


def test_a_window_beside_the_console_stays_on_the_screen() -> None:
    area = QRect(0, 0, 2560, 1440)
    right = beside_rect(area, QRect(0, 0, 1200, 800))
    assert right.left() == 1200
    assert area.contains(right)
    assert right.width() / right.height() == pytest.approx(16 / 9, abs=0.01)
    over = beside_rect(QRect(0, 0, 1280, 720), QRect(0, 0, 1280, 720))  # no room: overlaps
    assert QRect(0, 0, 1280, 720).contains(over)


# --- the presenter with the real (single) offscreen screen -----------------------------------


def test_one_real_screen_gives_a_separate_window(layout: Layout, session: Session) -> None:
    session.controller.start()
    assert layout.presenter.place() is None
    client = layout.client
    assert client.isVisible()
    assert client.isWindow()
    assert client.window() is not layout.console.window()
    assert not client.isFullScreen()
    assert not client.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert client.target_screen is None
    assert layout.player.window() is client
    assert "window" in layout.console.client_label.text()


def test_closing_the_client_view_only_hides_it(layout: Layout, session: Session) -> None:
    session.controller.start()
    layout.presenter.place()
    session.run(1.0)
    before = session.position
    layout.client.close()
    assert not layout.client.isVisible()
    assert layout.client.dismissed
    assert "closed" in layout.console.client_label.text()
    layout.presenter.place()  # a screen change does not bring it back by itself
    assert not layout.client.isVisible()
    session.run(1.0)
    assert session.controller.state is SessionState.RUNNING
    assert session.position > before

    layout.console.show_client_button.click()  # the console's button does
    assert layout.client.isVisible()
    assert not layout.client.dismissed
    assert "window" in layout.console.client_label.text()


# --- a second screen plugged in and pulled out mid-session ----------------------------------


class FakePrimary:
    """The laptop's own panel: the primary screen the offscreen platform does not have."""

    def name(self) -> str:
        return "eDP-1"

    def geometry(self) -> QRect:
        return QRect(-1920, 0, 1920, 1080)

    def availableGeometry(self) -> QRect:
        return QRect(-1920, 0, 1920, 1040)


def test_a_second_screen_comes_and_goes_and_the_session_runs_on(
    layout: Layout, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    real = app.primaryScreen()
    assert isinstance(real, QScreen)
    laptop = FakePrimary()
    attached: list[object] = [laptop]
    monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: list(attached)))
    monkeypatch.setattr(QGuiApplication, "primaryScreen", staticmethod(lambda: laptop))
    placed: list[object] = []
    layout.presenter.placed.connect(placed.append)

    session.controller.start()
    layout.presenter.place()  # only the laptop: a window on it, beside the console
    client = layout.client
    assert client.isVisible()
    assert not client.isFullScreen()
    assert laptop.availableGeometry().contains(client.geometry())
    session.run(2.0)

    attached.append(real)  # the projector is plugged in
    app.screenAdded.emit(real)
    assert placed[-1] is real
    assert client.target_screen is real
    assert client.isFullScreen()
    assert client.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert client.screen() is real
    assert client.isVisible()
    assert layout.console.client_label.text().endswith(real.name())
    position = session.position
    session.run(2.0)
    assert session.controller.state is SessionState.RUNNING
    assert session.position == pytest.approx(position + 2.0, abs=1e-6)

    attached.remove(real)  # ... and pulled out mid-session
    app.screenRemoved.emit(real)
    assert placed[-1] is None
    assert client.target_screen is None
    assert client.isVisible()
    assert not client.isFullScreen()
    assert not client.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert laptop.availableGeometry().contains(client.geometry())
    assert "window" in layout.console.client_label.text()
    assert session.controller.state is SessionState.RUNNING
    position = session.position
    session.run(2.0)
    assert session.controller.state is SessionState.RUNNING
    assert session.position == pytest.approx(position + 2.0, abs=1e-6)
    assert layout.player.controller is session.controller  # the same player, still drawing
    assert layout.player.countdown.text() == str(
        math.ceil(session.controller.snapshot().segment_left_s - 1e-9)
    )

    attached.append(real)  # plugged back in: fullscreen there again
    app.screenAdded.emit(real)
    assert client.isFullScreen()
    assert client.target_screen is real
    session.run(1.0)
    assert session.controller.state is SessionState.RUNNING


def test_a_change_of_primary_screen_moves_the_client_view(
    layout: Layout, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    real = app.primaryScreen()
    assert isinstance(real, QScreen)
    layout.presenter.place()  # the offscreen screen alone: a window
    assert layout.client.target_screen is None
    laptop = FakePrimary()  # the laptop's panel is made primary (the offscreen one is not)
    monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: [laptop, real]))
    monkeypatch.setattr(QGuiApplication, "primaryScreen", staticmethod(lambda: laptop))
    app.primaryScreenChanged.emit(real)
    assert layout.client.target_screen is real
    assert layout.client.isFullScreen()


# --- the therapist's console ------------------------------------------------------------------


def test_console_buttons_drive_the_session(
    console: TherapistConsole, session: Session, qtbot: QtBot
) -> None:
    controller = session.controller
    assert console.play_button.text() == "Start"
    assert all(b.minimumHeight() >= 48 for b in [*console.buttons, console.show_client_button])
    console.play_button.click()
    assert controller.state is SessionState.RUNNING
    assert console.play_button.text() == "Pause"
    session.run(1.0)
    assert console.phase_label.text() == "GET READY"
    assert console.phase_left_label.text() == "0:02"
    assert console.step_label.text() == "Step 1 of 3: Glute squeeze"
    assert "left in the routine" in console.routine_left_label.text()

    console.play_button.click()
    assert controller.state is SessionState.PAUSED
    assert console.state_label.text() == "Paused"
    assert console.play_button.text() == "Resume"
    console.play_button.click()  # resume: the 3-s get-ready first
    assert controller.in_get_ready
    assert console.state_label.text() == "Getting ready"
    session.run(3.1)
    assert controller.state is SessionState.RUNNING

    console.skip_button.click()
    assert console.current_step() == 1
    assert console.step_label.text() == "Step 2 of 3: Rest"
    console.skip_button.click()
    assert console.current_step() == 2
    session.run(1.0)
    console.back_button.click()  # just inside the step: back to the previous one
    assert console.current_step() == 1
    session.run(3.0)
    console.restart_button.click()
    assert controller.engine.position_s() == pytest.approx(11.0)

    console.stop_button.click()  # asks first
    assert console.confirm_bar.isVisible()
    assert not console.controls_box.isVisible()
    assert controller.state is SessionState.RUNNING
    console.keep_going_button.click()
    assert not console.confirm_bar.isVisible()
    assert controller.state is SessionState.RUNNING
    console.stop_button.click()
    console.confirm_stop_button.click()
    assert controller.state is SessionState.STOPPED
    assert controller.summary is not None
    assert console.state_label.text() == "Stopped"
    assert not any(b.isEnabled() for b in console.buttons)


def test_console_keys_as_in_the_player(
    console: TherapistConsole, session: Session, qtbot: QtBot
) -> None:
    controller = session.controller
    controller.start()
    session.run(0.5)
    qtbot.keyClick(console, Qt.Key.Key_Space)
    assert controller.state is SessionState.PAUSED
    qtbot.keyClick(console, Qt.Key.Key_Right)
    assert console.current_step() == 1
    qtbot.keyClick(console.skip_button, Qt.Key.Key_Left)  # from a focused button too
    assert console.current_step() == 0
    qtbot.keyClick(console, Qt.Key.Key_Space)
    session.run(3.1)
    assert controller.state is SessionState.RUNNING
    session.run(4.0)
    qtbot.keyClick(console, Qt.Key.Key_R)
    assert controller.engine.position_s() == pytest.approx(0.0)

    qtbot.keyClick(console, Qt.Key.Key_Escape)
    assert console.confirm_bar.isVisible()
    qtbot.keyClick(console, Qt.Key.Key_Escape)  # Esc again keeps going
    assert not console.confirm_bar.isVisible()
    assert controller.state is SessionState.RUNNING
    qtbot.keyClick(console, Qt.Key.Key_Escape)
    qtbot.keyClick(console.confirm_stop_button, Qt.Key.Key_Return)
    assert controller.state is SessionState.STOPPED


def test_the_highlight_follows_the_session_and_a_click_jumps(
    console: TherapistConsole, session: Session, qtbot: QtBot
) -> None:
    controller = session.controller
    steps = console.steps_list
    assert steps.count() == 3
    assert steps.item(0).text().startswith("1.  Glute squeeze")
    controller.start()
    session.run(0.5)
    assert console.current_step() == 0
    assert steps.item(0).font().bold()
    session.run(11.0)  # the exercise ends; the rest step begins
    assert console.current_step() == 1
    assert steps.item(1).font().bold()
    assert not steps.item(0).font().bold()
    assert "current step" in steps.item(1).data(Qt.ItemDataRole.AccessibleTextRole)

    rect = steps.visualItemRect(steps.item(2))
    qtbot.mouseClick(steps.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert console.current_step() == 2
    assert controller.engine.position_s() == pytest.approx(16.0)
    assert controller.state is SessionState.RUNNING
    assert console.go_to_step(0)
    assert console.current_step() == 0
    session.run(0.5)
    assert controller.engine.position_s() == pytest.approx(0.5)


def test_notes_round_trip_and_keep_their_keys(
    console: TherapistConsole, session: Session, qtbot: QtBot
) -> None:
    controller = session.controller
    controller.start()
    session.run(0.5)
    console.notes_edit.setFocus()
    qtbot.keyClicks(console.notes_edit, "Right knee caves in")
    assert console.notes() == "Right knee caves in"
    assert controller.state is SessionState.RUNNING  # Space and R went into the text
    qtbot.keyClick(console.notes_edit, Qt.Key.Key_Escape)  # Esc leaves the box only
    assert not console.confirm_bar.isVisible()
    console.set_notes("Second line\nthird")
    assert console.notes() == "Second line\nthird"


def test_the_editor_slot_takes_a_widget(console: TherapistConsole) -> None:
    from PySide6.QtWidgets import QLabel

    assert not console.editor_box.isVisible()
    editor = QLabel("quick editor")
    console.set_editor(editor)
    assert console.editor_box.isVisible()
    assert editor.parent() is console.editor_box
    console.set_editor(None)
    assert not console.editor_box.isVisible()
    editor.deleteLater()


def test_the_console_shows_the_live_sensor_panel(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    clock = session.clock
    settings = Settings()
    sensor = SensorSession("sim:seed=7", routine_id="clinic-test", clock=clock.now)
    bio = BiofeedbackController(sensor, session.controller, settings, clock=clock.now)
    view = TherapistConsole(session.controller, bio, settings)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    try:
        assert isinstance(view.biofeedback, BiofeedbackPanel)
        assert view.biofeedback.isVisibleTo(view)
        session.controller.start()

        def data_until() -> float:
            raw = sensor.raw
            return -math.inf if raw is None or raw.total == 0 else float(raw.latest(1).t[-1])

        for _ in range(30):
            clock.advance(0.1)
            target = clock.now() - 0.05
            qtbot.waitUntil(lambda t=target: data_until() >= t, timeout=5000)
            session.controller.tick()
        panel = view.biofeedback
        assert len(panel.gauges) == 2  # the sim's left and right channels
        assert "connected" in panel.state_label.text()
        saved: list[Settings] = []
        view.settings_changed.connect(saved.append)
        panel.colors_button.click()
        assert saved
        assert saved[-1].feedback_colors is False
    finally:
        view.close_console()
        bio.close()
