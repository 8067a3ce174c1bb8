"""The clinic's quick editor: live totals, remove and reorder, undo, and client programs."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from glute_coach.cli.main import main
from glute_coach.core import editing
from glute_coach.core.loading import LoadedRoutine, load_routine
from glute_coach.core.routine import ExerciseStep, RepeatStep, Sides
from glute_coach.storage.paths import user_routines_dir
from glute_coach.ui.clinic.editor import QuickEditor
from glute_coach.ui.widgets import MIN_TOUCH_PX, clock_text
from tests.conftest import ROUTINES

SESSION = ROUTINES / "glute-session-15-min.json"
BRIDGE = (3, 0)  # the glute bridge, first step of the floor circuit (2 rounds, 8 reps)


@pytest.fixture
def loaded() -> LoadedRoutine:
    return load_routine(SESSION)


@pytest.fixture
def editor(qtbot: QtBot, loaded: LoadedRoutine) -> QuickEditor:
    widget = QuickEditor(loaded)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def exercise(editor: QuickEditor, path: tuple[int, ...]) -> ExerciseStep:
    step = editing.step_at(editor.routine, path)
    assert isinstance(step, ExerciseStep)
    return step


def names(editor: QuickEditor) -> list[str]:
    return [
        editor.step_list.item(row).text().split("\n")[0].strip()
        for row in range(editor.step_list.count())
    ]


def test_shows_the_steps_and_the_total(editor: QuickEditor, loaded: LoadedRoutine) -> None:
    assert editor.step_list.count() == len(editing.step_paths(loaded.routine))
    assert editor.total_label.text() == "Total 15:45"
    assert editor.original_total_label.text() == "Original: 15:45"
    assert editor.selected_path() == (0,)
    assert not editor.undo_button.isEnabled()


def test_changing_the_hold_updates_the_total_live(
    qtbot: QtBot, editor: QuickEditor, loaded: LoadedRoutine
) -> None:
    editor.select(BRIDGE)
    assert editor.time_label.text() == "Hold"
    assert editor.time_spin.value() == 8
    with qtbot.waitSignal(editor.changed) as signal:
        editor.time_spin.setValue(5)
    assert exercise(editor, BRIDGE).hold_s == 5
    assert signal.args == [editor.routine]
    expected = loaded.timeline.total_s - 2 * 8 * 3
    assert editor.total_label.text() == f"Total {clock_text(expected)}"
    assert editor.total_s == expected
    assert editor.selected_path() == BRIDGE
    assert loaded.routine == load_routine(SESSION).routine  # the original is untouched


def test_reps_sets_rests_and_sides(editor: QuickEditor) -> None:
    editor.select((2,))  # the standing glute squeeze
    editor.reps_spin.setValue(10)
    editor.sets_spin.setValue(2)
    assert editor.rest_sets_spin.isEnabled()
    editor.rest_sets_spin.setValue(20)
    editor.rest_reps_spin.setValue(4)
    editor.side_buttons[Sides.EACH].click()
    step = exercise(editor, (2,))
    assert (step.reps, step.sets, step.rest_between_sets_s, step.rest_between_reps_s) == (
        10,
        2,
        20,
        4,
    )
    assert step.sides is Sides.EACH
    assert editor.total_s == editing.total_seconds(editor.routine)


def test_a_timed_set_has_a_duration_and_no_reps(editor: QuickEditor) -> None:
    editor.select((1,))  # the hip flexor stretch, 40 s each side
    assert editor.time_label.text() == "Duration"
    assert editor.time_spin.value() == 40
    assert not editor.reps_spin.isEnabled()
    editor.time_spin.setValue(30)
    assert exercise(editor, (1,)).duration_s == 30


def test_rest_steps_and_repeat_blocks(editor: QuickEditor) -> None:
    editor.select((4,))
    assert editor.time_spin.isVisible()
    assert not editor.reps_spin.isVisible()
    editor.time_spin.setValue(45)
    assert editing.step_at(editor.routine, 4).duration_s == 45  # type: ignore[union-attr]
    editor.select((3,))
    assert editor.times_spin.isVisible()
    assert not editor.time_spin.isVisible()
    editor.times_spin.setValue(3)
    block = editing.step_at(editor.routine, 3)
    assert isinstance(block, RepeatStep)
    assert block.times == 3


def test_a_bad_value_is_refused_and_the_previous_one_restored(
    qtbot: QtBot, editor: QuickEditor
) -> None:
    editor.select(BRIDGE)
    before = editor.routine
    spy: list[object] = []
    editor.changed.connect(spy.append)
    editor.reps_spin.setFocus()
    editor.reps_spin.selectAll()
    qtbot.keyClicks(editor.reps_spin, "0")
    qtbot.keyClick(editor.reps_spin, Qt.Key.Key_Return)
    assert editor.message_label.text() == (
        "Reps: 0 is out of range; allowed: at least 1 and at most 200. The previous value is kept."
    )
    assert editor.reps_spin.value() == 8
    assert editor.routine is before
    assert spy == []
    editor.time_spin.setValue(301)
    assert editor.message_label.text().startswith("Hold: 301 is out of range")
    assert editor.time_spin.value() == 8
    editor.time_spin.setValue(6)  # a good value clears the message
    assert editor.message_label.text() == ""
    assert len(spy) == 1


def test_remove_and_reorder_with_buttons(editor: QuickEditor) -> None:
    editor.select((6,))  # split squat, the last step
    assert not editor.down_button.isEnabled()
    editor.up_button.click()
    assert names(editor)[-2:] == ["Split squat", "Step-up"]
    assert editor.selected_path() == (5,)
    editor.remove_button.click()
    assert "Split squat" not in names(editor)
    assert len(editor.routine.steps) == 6
    editor.select((3, 1))
    editor.up_button.click()  # within the circuit
    block = editing.step_at(editor.routine, 3)
    assert isinstance(block, RepeatStep)
    assert [s.name for s in block.steps] == [  # type: ignore[union-attr]
        "Side bridge from the knees",
        "Glute bridge",
    ]
    editor.remove_button.click()
    assert not editor.remove_button.isEnabled()  # the block's last step stays
    editor.select((0,))
    assert not editor.up_button.isEnabled()


def test_keyboard_moves_and_removes(qtbot: QtBot, editor: QuickEditor) -> None:
    editor.select((1,))
    editor.step_list.setFocus()
    qtbot.keyClick(editor.step_list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert names(editor)[1:3] == ["Standing glute squeeze", "Half-kneeling hip flexor stretch"]
    assert editor.selected_path() == (2,)
    qtbot.keyClick(editor.step_list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert names(editor)[1] == "Half-kneeling hip flexor stretch"
    qtbot.keyClick(editor.step_list, Qt.Key.Key_Delete)
    assert "Half-kneeling hip flexor stretch" not in names(editor)
    assert editor.selected_path() == (1,)
    qtbot.keyClick(editor.step_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert names(editor)[1] == "Half-kneeling hip flexor stretch"


def test_undo_goes_back_one_edit_at_a_time(editor: QuickEditor, loaded: LoadedRoutine) -> None:
    editor.select(BRIDGE)
    editor.time_spin.setValue(5)
    editor.reps_spin.setValue(6)
    assert editor.undo_button.isEnabled()
    changed: list[object] = []
    editor.changed.connect(changed.append)
    editor.undo_button.click()
    assert exercise(editor, BRIDGE).reps == 8
    assert exercise(editor, BRIDGE).hold_s == 5
    assert editor.reps_spin.value() == 8
    editor.undo_button.click()
    assert editor.routine == loaded.routine
    assert editor.total_label.text() == "Total 15:45"
    assert not editor.undo_button.isEnabled()
    assert len(changed) == 2
    assert changed[-1] == loaded.routine


def test_save_as_client_program(qtbot: QtBot, editor: QuickEditor, loaded: LoadedRoutine) -> None:
    original = hashlib.sha256(SESSION.read_bytes()).hexdigest()
    editor.select(BRIDGE)
    editor.time_spin.setValue(10)
    assert not editor.save_panel.isVisible()
    editor.save_button.click()
    assert editor.save_panel.isVisible()
    assert editor.client_edit.hasFocus()
    qtbot.keyClicks(editor.client_edit, "  JD-042  ")
    with qtbot.waitSignal(editor.saved) as signal:
        qtbot.keyClick(editor.client_edit, Qt.Key.Key_Return)
    path = signal.args[0]
    assert isinstance(path, Path)
    assert path.parent == user_routines_dir()
    assert main(["validate", str(path)]) == 0
    saved = load_routine(path).routine
    assert saved.client == "JD-042"
    assert saved.id == "glute-session-15-min-jd-042"
    assert saved.title == "15-minute glute session — for JD-042"
    assert saved.based_on is not None
    assert saved.based_on.id == "glute-session-15-min"
    assert saved.steps == editor.routine.steps
    assert not editor.save_panel.isVisible()
    assert path.name in editor.status_label.text()
    assert hashlib.sha256(SESSION.read_bytes()).hexdigest() == original
    assert loaded.routine == load_routine(SESSION).routine
    # saving again makes another file
    editor.begin_save()
    editor.client_edit.setText("JD-042")
    second = editor.save_program()
    assert second is not None
    assert second != path
    assert main(["validate", str(second)]) == 0


def test_the_client_name_is_required(qtbot: QtBot, editor: QuickEditor) -> None:
    editor.begin_save()
    saved: list[object] = []
    editor.saved.connect(saved.append)
    editor.client_edit.setText("   ")
    assert editor.save_program() is None
    assert editor.save_hint.text() == "The client's name or code is required."
    assert editor.save_panel.isVisible()
    assert editor.client_edit.maxLength() == 60
    assert saved == []
    assert not user_routines_dir().exists() or not list(user_routines_dir().iterdir())
    editor.cancel_save_button.click()
    assert not editor.save_panel.isVisible()


def test_escape_cancels_saving(qtbot: QtBot, editor: QuickEditor) -> None:
    editor.begin_save()
    qtbot.keyClick(editor.client_edit, Qt.Key.Key_Escape)
    assert not editor.save_panel.isVisible()


def test_touch_targets_are_at_least_48_px(editor: QuickEditor) -> None:
    editor.select(BRIDGE)
    editor.begin_save()
    controls = [
        w
        for w in editor.findChildren(QPushButton)
        + editor.findChildren(QAbstractSpinBox)
        + [editor.client_edit]
        if w.isVisible()
    ]
    assert len(controls) >= 15
    small = [(type(w).__name__, w.height()) for w in controls if w.height() < MIN_TOUCH_PX]
    assert small == []
    first = editor.step_list.visualItemRect(editor.step_list.item(0))
    assert first.height() >= MIN_TOUCH_PX
    assert isinstance(editor.client_edit, QLineEdit)
