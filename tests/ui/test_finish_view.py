"""The finish screen: the summary, pain after, effort and notes, saving locally, and Done."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from glute_coach.core.clock import ManualClock
from glute_coach.core.loading import LoadedRoutine
from glute_coach.storage.paths import user_data_dir
from glute_coach.storage.sessions import SessionSummary, read_session, sessions_dir
from glute_coach.storage.settings import Settings
from glute_coach.ui.finish_view import FinishView, grouped_names
from glute_coach.ui.player_view import PlayerView
from glute_coach.ui.session_controller import SessionController
from tests.ui.test_session_controller import run_for, run_until, write_routine

LEFT = Qt.MouseButton.LeftButton


def summary(**changes: object) -> SessionSummary:
    values: dict[str, object] = {
        "routine_id": "test-routine",
        "routine_version": 1,
        "title": "Test routine",
        "started_at": "2025-03-01T10:00:00+01:00",
        "ended_at": "2025-03-01T10:12:30+01:00",
        "completed": True,
        "steps_done": ["Welcome", "Bridge", "Rest", "Bridge"],
        "steps_skipped": [],
        "pain_before": 4,
    }
    values.update(changes)
    return SessionSummary(**values)  # type: ignore[arg-type]


@pytest.fixture
def view(qtbot: QtBot) -> FinishView:
    widget = FinishView()
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    return widget


def items(widget: object) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]  # type: ignore[attr-defined]


def saved_files() -> list[Path]:
    folder = sessions_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_a_completed_session_is_summarised(view: FinishView) -> None:
    view.show_summary(summary())
    assert view.title_label.text() == "Well done — routine complete"
    assert "Test routine" in view.subtitle_label.text()
    assert "time 12:30" in view.subtitle_label.text()
    assert "4 of 4 steps done" in view.subtitle_label.text()
    assert view.done_heading.text() == "Done (4)"
    assert items(view.done_list) == ["✓  Welcome", "✓  Bridge  ×2", "✓  Rest"]
    assert view.skipped_list.isHidden()
    assert view.pain_before_label.text() == "Pain before: 4 out of 10"
    assert view.pain_after.value() is None
    assert view.rpe.value() is None
    assert view.status_label.text() == "Not saved yet."


def test_a_stopped_session_lists_what_was_skipped(view: FinishView) -> None:
    view.show_summary(
        summary(
            completed=False,
            steps_done=["Welcome"],
            steps_skipped=["Bridge", "Rest"],
            pain_before=None,
        )
    )
    assert view.title_label.text() == "Session stopped"
    assert view.skipped_heading.text() == "Skipped (2)"
    assert items(view.skipped_list) == ["–  Bridge", "–  Rest"]
    assert view.pain_before_label.text() == "Pain before: not recorded"


def test_saving_writes_a_file_in_the_user_data_folder(qtbot: QtBot, view: FinishView) -> None:
    view.show_summary(summary())
    qtbot.mouseClick(view.pain_after.buttons[2], LEFT)
    qtbot.mouseClick(view.rpe.buttons[7], LEFT)
    view.notes.setFocus()
    qtbot.keyClicks(view.notes, "Left side weaker")
    with qtbot.waitSignal(view.saved, timeout=1000) as blocker:
        qtbot.mouseClick(view.save_button, LEFT)
    path = blocker.args[0]
    assert saved_files() == [path]
    assert path.is_relative_to(user_data_dir())
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert data["pain_before"] == 4
    assert data["pain_after"] == 2
    assert data["rpe"] == 7
    assert data["notes"] == "Left side weaker"
    assert data["steps_done"] == ["Welcome", "Bridge", "Rest", "Bridge"]
    assert view.status_label.text() == "Saved on this computer."
    assert not view.save_button.isEnabled()
    assert view.is_saved


def test_changing_after_saving_saves_to_the_same_file(qtbot: QtBot, view: FinishView) -> None:
    view.show_summary(summary())
    qtbot.mouseClick(view.save_button, LEFT)
    first = view.saved_path
    qtbot.mouseClick(view.rpe.buttons[3], LEFT)
    assert view.save_button.isEnabled()
    assert not view.is_saved
    assert "press Save again" in view.status_label.text()
    qtbot.mouseClick(view.save_button, LEFT)
    assert view.saved_path == first
    assert saved_files() == [first]
    assert first is not None
    assert read_session(first).rpe == 3


def test_done_after_saving_returns_at_once(qtbot: QtBot, view: FinishView) -> None:
    view.show_summary(summary())
    qtbot.mouseClick(view.save_button, LEFT)
    with qtbot.waitSignal(view.done, timeout=1000):
        qtbot.mouseClick(view.done_button, LEFT)


def test_done_without_saving_asks_first(qtbot: QtBot, view: FinishView) -> None:
    view.show_summary(summary())
    with qtbot.assertNotEmitted(view.done):
        qtbot.mouseClick(view.done_button, LEFT)
    assert view.leave_bar.isVisible()
    with qtbot.waitSignal(view.done, timeout=1000):
        qtbot.mouseClick(view.leave_button, LEFT)
    assert saved_files() == []
    assert not view.leave_bar.isVisible()


def test_save_and_finish(qtbot: QtBot, view: FinishView) -> None:
    view.show_summary(summary())
    qtbot.mouseClick(view.done_button, LEFT)
    with qtbot.waitSignal(view.done, timeout=1000):
        qtbot.mouseClick(view.save_and_leave_button, LEFT)
    assert len(saved_files()) == 1


def test_a_failed_save_says_why_and_stays(qtbot: QtBot, view: FinishView) -> None:
    user_data_dir().mkdir(parents=True, exist_ok=True)
    sessions_dir().write_text("in the way", encoding="utf-8")  # a file where the folder goes
    view.show_summary(summary())
    qtbot.mouseClick(view.done_button, LEFT)
    with qtbot.assertNotEmitted(view.done):
        qtbot.mouseClick(view.save_and_leave_button, LEFT)
    assert view.status_label.text().startswith("Could not save:")
    assert view.save_button.isEnabled()


def test_a_new_summary_clears_the_last_answers(qtbot: QtBot, view: FinishView) -> None:
    view.show_summary(summary())
    qtbot.mouseClick(view.pain_after.buttons[5], LEFT)
    view.notes.setPlainText("old")
    qtbot.mouseClick(view.save_button, LEFT)
    view.show_summary(summary(title="Another"))
    assert view.pain_after.value() is None
    assert view.notes.toPlainText() == ""
    assert view.saved_path is None
    assert view.save_button.isEnabled()


def test_controls_are_named_and_big(view: FinishView) -> None:
    view.show_summary(summary())
    for button in (view.save_button, view.done_button, *view.pain_after.buttons):
        assert button.height() >= 48
        assert button.accessibleName()
    assert view.rpe.buttons[6].accessibleName() == "Effort 6 out of 10"
    assert view.notes.accessibleName() == "Notes"


def test_grouped_names_keep_order_and_count_repeats() -> None:
    assert grouped_names(["a", "b", "a", "c", "b"]) == [("a", 2), ("b", 2), ("c", 1)]


def test_from_the_player_to_a_saved_session(qtbot: QtBot, tmp_path: Path) -> None:
    """The whole way: play a routine (skipping a step), finish, answer, save."""
    loaded: LoadedRoutine = write_routine(tmp_path)
    clock = ManualClock()
    controller = SessionController(loaded, clock=clock, pain_before=5)
    player = PlayerView(controller, Settings())
    finish = FinishView()
    qtbot.addWidget(player)
    qtbot.addWidget(finish)
    controller.finished.connect(finish.show_summary)
    try:
        controller.start()
        run_until(controller, clock, 42.0)  # into the rest step
        controller.skip()  # skip the rest of it...
        controller.back()  # ...no: back to it (within 3 s of the next step's start)
        controller.skip()
        controller.skip()  # and skip the last exercise straight away
        assert controller.summary is not None
        run_for(controller, clock, 1.0)
    finally:
        controller.close()
    assert finish.summary is not None
    assert finish.summary.completed
    assert finish.summary.steps_done == ["Welcome", "Side bridge", "Rest"]
    assert finish.summary.steps_skipped == ["Glute squeeze"]
    qtbot.mouseClick(finish.pain_after.buttons[3], LEFT)
    qtbot.mouseClick(finish.save_button, LEFT)
    stored = read_session(saved_files()[0])
    assert stored.pain_before == 5
    assert stored.pain_after == 3
    assert stored.steps_skipped == ["Glute squeeze"]
