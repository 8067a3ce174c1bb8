"""Clinic mode end to end: the client's player in its own window, the console in the main one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from glute_coach.core import editing
from glute_coach.core.clock import ManualClock
from glute_coach.core.engine import SessionState
from glute_coach.core.loading import load_routine
from glute_coach.storage.settings import Settings
from glute_coach.ui.clinic.console import TherapistConsole
from glute_coach.ui.main_window import MainWindow
from glute_coach.ui.player_view import PlayerView
from tests.ui.test_main_window import SHORT


def test_a_clinic_session_presents_to_the_client_and_keeps_the_notes(
    qtbot: QtBot, tmp_path: Path
) -> None:
    clock = ManualClock(start=10.0)
    win = MainWindow(Settings(), clock=clock, persist_settings=False, clinic=True)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    path = tmp_path / "short.json"
    path.write_text(json.dumps(SHORT))
    with qtbot.waitSignal(win.session_started) as started:
        win.start_session(load_routine(path), 1)
    controller = started.args[0]
    console = win.pages.currentWidget()
    assert isinstance(console, TherapistConsole)
    client = win._client
    assert client is not None
    assert client.isVisible()
    assert isinstance(client.findChild(PlayerView, "playerView"), PlayerView)
    console.set_notes("Left knee drifts in on the step-up; cue 'knee over toes'.")

    clock.advance(2.0)
    controller.tick()
    assert controller.state is SessionState.RUNNING
    while controller.state is not SessionState.FINISHED:
        clock.advance(0.5)
        controller.tick()
    finish = win.pages.currentWidget()
    summary = finish.current_summary()  # type: ignore[attr-defined]
    assert summary.notes == "Left knee drifts in on the step-up; cue 'knee over toes'."
    assert win._client is None  # the client's window went with the session
    win.close()


@pytest.mark.parametrize("clinic", [False, True])
def test_closing_mid_session_leaves_no_window_behind(qtbot: QtBot, clinic: bool) -> None:
    win = MainWindow(Settings(), clock=ManualClock(), persist_settings=False, clinic=clinic)
    qtbot.addWidget(win)
    win.show()
    routine = load_routine(
        Path(__file__).resolve().parents[2] / "routines" / "glute-session-15-min.json"
    )
    win.start_session(routine)
    win.controller.stop()  # type: ignore[union-attr]
    win._end_session_page()
    assert win._client is None
    assert win._presenter is None


def test_quick_edits_start_the_adjusted_routine_and_leave_the_original(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from glute_coach.ui.clinic.edit_page import ClinicEditPage

    path = tmp_path / "short.json"
    path.write_text(json.dumps(SHORT))
    original_text = path.read_text()
    win = MainWindow(Settings(), clock=ManualClock(), persist_settings=False, clinic=True)
    qtbot.addWidget(win)
    win.show()
    assert win.open_path(path)
    assert win.detail.adjust_button.isVisible()
    win.detail.adjust_button.click()
    page = win.pages.currentWidget()
    assert isinstance(page, ClinicEditPage)
    before = page.editor.total_s
    page.editor.select((0,))
    assert page.editor.apply(lambda routine: editing.set_reps(routine, (0,), 4))
    assert page.editor.total_s > before
    with qtbot.waitSignal(win.session_started) as started:
        page.start_button.click()
    controller = started.args[0]
    holds = [s for s in controller.timeline.segments if s.block == 0 and s.rep is not None]
    assert max(s.rep for s in holds) == 4
    assert path.read_text() == original_text
    controller.stop()
    win._end_session_page()
