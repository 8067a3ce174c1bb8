"""The finish screen: the summary, pain after, effort and notes, saving locally, and Done."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from glute_coach.core.clock import ManualClock
from glute_coach.core.loading import LoadedRoutine
from glute_coach.core.metrics import ChannelMetrics, ExerciseMetrics
from glute_coach.storage.history import HistoryStore, db_path
from glute_coach.storage.paths import user_data_dir
from glute_coach.storage.sessions import SessionSummary, save_session, sessions_dir
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


def stored() -> list[SessionSummary]:
    """The sessions in the user's history, oldest first."""
    if not db_path().exists():
        return []
    with HistoryStore.open() as store:
        return [s.summary for s in store.sessions()]


def stored_by_id(session_id: int | None) -> SessionSummary:
    assert session_id is not None
    with HistoryStore.open() as store:
        found = store.get(session_id)
    assert found is not None
    return found.summary


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


def test_saving_keeps_the_session_in_the_history(qtbot: QtBot, view: FinishView) -> None:
    view.show_summary(summary())
    qtbot.mouseClick(view.pain_after.buttons[2], LEFT)
    qtbot.mouseClick(view.rpe.buttons[7], LEFT)
    view.notes.setFocus()
    qtbot.keyClicks(view.notes, "Left side weaker")
    with qtbot.waitSignal(view.saved, timeout=1000) as blocker:
        qtbot.mouseClick(view.save_button, LEFT)
    assert blocker.args[0] == view.saved_id
    assert db_path().is_relative_to(user_data_dir())
    saved = stored_by_id(view.saved_id)
    assert saved.pain_before == 4
    assert saved.pain_after == 2
    assert saved.rpe == 7
    assert saved.notes == "Left side weaker"
    assert saved.steps_done == ["Welcome", "Bridge", "Rest", "Bridge"]
    assert stored() == [saved]
    assert not sessions_dir().exists()  # no JSON files any more
    assert view.status_label.text() == "Saved on this computer."
    assert not view.save_button.isEnabled()
    assert view.is_saved


def test_changing_after_saving_updates_the_same_session(qtbot: QtBot, view: FinishView) -> None:
    view.show_summary(summary())
    qtbot.mouseClick(view.save_button, LEFT)
    first = view.saved_id
    qtbot.mouseClick(view.rpe.buttons[3], LEFT)
    assert view.save_button.isEnabled()
    assert not view.is_saved
    assert "press Save again" in view.status_label.text()
    qtbot.mouseClick(view.save_button, LEFT)
    assert view.saved_id == first
    assert [s.rpe for s in stored()] == [3]
    assert stored_by_id(first).rpe == 3


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
    assert stored() == []
    assert not view.leave_bar.isVisible()


def test_save_and_finish(qtbot: QtBot, view: FinishView) -> None:
    view.show_summary(summary())
    qtbot.mouseClick(view.done_button, LEFT)
    with qtbot.waitSignal(view.done, timeout=1000):
        qtbot.mouseClick(view.save_and_leave_button, LEFT)
    assert len(stored()) == 1


def test_a_failed_save_says_why_and_stays(qtbot: QtBot, view: FinishView) -> None:
    db_path().mkdir(parents=True)  # a folder where the history goes
    view.show_summary(summary())
    qtbot.mouseClick(view.done_button, LEFT)
    with qtbot.assertNotEmitted(view.done):
        qtbot.mouseClick(view.save_and_leave_button, LEFT)
    assert view.status_label.text().startswith("Could not save:")
    assert view.save_button.isEnabled()


def test_a_session_deleted_from_the_history_meanwhile_is_saved_again(
    qtbot: QtBot, view: FinishView
) -> None:
    view.show_summary(summary())
    qtbot.mouseClick(view.save_button, LEFT)
    with HistoryStore.open() as store:
        store.delete(view.saved_id or 0)
    qtbot.mouseClick(view.rpe.buttons[1], LEFT)
    qtbot.mouseClick(view.save_button, LEFT)
    assert [s.rpe for s in stored()] == [1]


def test_the_first_save_imports_the_session_files_of_before(qtbot: QtBot, view: FinishView) -> None:
    old = save_session(summary(title="Old one", started_at="2025-02-01T09:00:00+01:00"))
    view.show_summary(summary())
    qtbot.mouseClick(view.save_button, LEFT)
    assert [s.title for s in stored()] == ["Old one", "Test routine"]
    assert old.is_file()  # left in place


def test_a_damaged_history_is_moved_aside_and_the_save_says_so(
    qtbot: QtBot, view: FinishView
) -> None:
    db_path().parent.mkdir(parents=True, exist_ok=True)
    db_path().write_bytes(b"not a database at all" * 100)
    view.show_summary(summary())
    qtbot.mouseClick(view.save_button, LEFT)
    assert view.is_saved
    text = view.status_label.text()
    assert text.startswith("Saved on this computer. Your session history could not be read")
    assert [p.name for p in db_path().parent.glob("history.sqlite3.corrupt-*")]
    assert len(stored()) == 1


def test_a_new_summary_clears_the_last_answers(qtbot: QtBot, view: FinishView) -> None:
    view.show_summary(summary())
    qtbot.mouseClick(view.pain_after.buttons[5], LEFT)
    view.notes.setPlainText("old")
    qtbot.mouseClick(view.save_button, LEFT)
    view.show_summary(summary(title="Another"))
    assert view.pain_after.value() is None
    assert view.notes.toPlainText() == ""
    assert view.saved_id is None
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
    (kept,) = stored()
    assert kept.pain_before == 5
    assert kept.pain_after == 3
    assert kept.steps_skipped == ["Glute squeeze"]


# --- biofeedback ------------------------------------------------------------------------------


def emg(
    side: str, peak: float | None, mean: float, zone: float, onset: float | None
) -> ChannelMetrics:
    return ChannelMetrics(f"glute-{side}", "gluteus_maximus", side, "%MVC", peak, mean, zone, 8,
                          onset)  # fmt: skip


def bridge(symmetry: float | None = 0.12, gap_s: float = 4.0) -> ExerciseMetrics:
    return ExerciseMetrics(
        exercise="Glute bridge",
        exercise_id="glute-bridge",
        active_s=40.0,
        gap_s=gap_s,
        band=(40.0, 70.0),
        channels=[emg("left", 78.0, 52.4, 26.0, 0.18), emg("right", None, 46.0, 21.2, None)],
        symmetry=symmetry,
    )


def squeeze() -> ExerciseMetrics:
    cuff = ChannelMetrics("pressure", None, "both", "mmHg", 48.0, 37.5, None, 5, 0.35)
    return ExerciseMetrics("Standing glute squeeze", None, 30.0, 0.0, None, [cuff])


def laid_out(view: FinishView) -> FinishView:
    """Let Qt show the new rows and lay them out (it does so from the event loop)."""
    QApplication.processEvents()
    return view


def test_biofeedback_shows_per_exercise_and_channel(view: FinishView) -> None:
    view.show_summary(summary(metrics=[bridge(), squeeze()], sensor="Two-channel EMG"))
    laid_out(view)
    assert view.bio_card.isVisible()
    assert view.bio_heading.text() == "Biofeedback"
    assert view.sensor_label.text() == "Sensor: Two-channel EMG"
    first, second = view.exercise_frames
    assert first.name_label.text() == "Glute bridge"
    assert [h.text() for h in first.head_labels] == [
        "Peak", "Mean", "Time in zone", "Reps", "Reaction",
    ]  # fmt: skip
    assert [c.text() for c in first.channel_labels] == [
        "Gluteus maximus · left",
        "Gluteus maximus · right",
    ]
    assert first.values(0) == ["78 %MVC", "52 %MVC", "26 s (65 %)", "8", "180 ms"]
    assert first.values(1) == ["—", "46 %MVC", "21 s (53 %)", "8", "—"]
    assert first.notes["symmetry"].text() == "Symmetry: Left 12 % stronger"
    assert first.notes["gap"].text() == "Sensor signal missing for 4 s"
    assert first.cells[1][0].accessibleName() == "Gluteus maximus · right, Peak: —"
    # One pressure channel: no symmetry, no gap, no band.
    assert [c.text() for c in second.channel_labels] == ["Pressure"]
    assert second.values(0) == ["48 mmHg", "38 mmHg", "—", "5", "350 ms"]
    assert set(second.notes) == set()
    for label in (*first.channel_labels, *first.cells[0], first.notes["gap"]):
        assert label.isVisible()


@pytest.mark.parametrize(
    ("symmetry", "text"),
    [(0.12, "Left 12 % stronger"), (-0.25, "Right 25 % stronger"), (0.09, "Even"),
     (-0.0999, "Even"), (None, "—")],
)  # fmt: skip
def test_symmetry_reads_as_which_side_is_stronger(
    view: FinishView, symmetry: float | None, text: str
) -> None:
    view.show_summary(summary(metrics=[bridge(symmetry=symmetry, gap_s=0.0)]))
    (results,) = view.exercise_frames
    assert results.notes["symmetry"].text() == f"Symmetry: {text}"
    assert "gap" not in results.notes


def test_levels_keep_the_digits_they_need(view: FinishView) -> None:
    raw = ChannelMetrics("EMG 1", "gluteus_medius", "left", "mV", 1.234, 0.0123, 3.0, 0, -0.05)
    metrics = ExerciseMetrics("Clam", None, 0.0, 0.4, None, [raw])
    view.show_summary(summary(metrics=[metrics]))
    (results,) = view.exercise_frames
    assert results.channel_labels[0].text() == "Gluteus medius · left"
    assert results.values(0) == ["1.2 mV", "0.012 mV", "3 s", "0", "-50 ms"]
    assert results.notes["gap"].text() == "Sensor signal missing for 1 s"


def test_without_metrics_there_is_no_biofeedback(view: FinishView) -> None:
    view.show_summary(summary(metrics=[bridge()], recording="/nowhere/r.csv"))
    view.show_summary(summary())
    assert view.bio_card.isHidden()
    assert view.exercise_frames == []
    assert view.recording_label.isHidden()
    assert view.recording_button.isHidden()


def test_the_recording_folder_opens(
    view: FinishView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    recording = tmp_path / "rec" / "20250301T100000-test-routine.csv"
    recording.parent.mkdir()
    recording.write_text("t,left,right\n", encoding="utf-8")
    view.show_summary(summary(metrics=[bridge()], recording=str(recording)))
    assert view.recording_label.isVisible()
    assert view.recording_label.text() == "Recording: 20250301T100000-test-routine.csv"
    assert view.recording_label.toolTip() == str(recording)
    assert view.recording_button.text() == "Open recording folder"
    assert view.recording_button.isEnabled()
    qtbot.mouseClick(view.recording_button, LEFT)
    assert [url.toLocalFile() for url in opened] == [str(recording.parent)]


def test_a_recording_that_was_moved_is_explained(
    view: FinishView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    view.show_summary(summary(recording=str(tmp_path / "gone.csv")))
    assert view.bio_card.isVisible()  # a recording without results still shows its link
    assert view.recording_label.text() == "The recording gone.csv is no longer in its folder."
    assert view.recording_button.isEnabled()  # its folder is still there
    folder = tmp_path / "removed"
    folder.mkdir()
    view.show_summary(summary(metrics=[bridge()], recording=str(folder / "r.csv")))
    folder.rmdir()  # removed while the screen shows
    qtbot.mouseClick(view.recording_button, LEFT)
    assert opened == []
    assert view.recording_label.text() == "The recording folder is no longer there."
    assert not view.recording_button.isEnabled()


def test_saving_keeps_the_biofeedback(qtbot: QtBot, view: FinishView) -> None:
    view.show_summary(summary(metrics=[bridge(), squeeze()], recording="/r.csv", sensor="sim"))
    qtbot.mouseClick(view.rpe.buttons[6], LEFT)
    qtbot.mouseClick(view.save_button, LEFT)
    kept = stored_by_id(view.saved_id)
    assert kept.metrics == [bridge(), squeeze()]
    assert kept.recording == "/r.csv"
    assert kept.sensor == "sim"
    assert kept.rpe == 6


def test_biofeedback_fits_the_width_at_1280x720(qtbot: QtBot, view: FinishView) -> None:
    view.show_summary(summary(metrics=[bridge(), squeeze()], recording="/r.csv"))
    bar = view.bio_scroll.horizontalScrollBar()
    qtbot.waitUntil(lambda: laid_out(view).exercise_frames[0].isVisible() and not bar.isVisible())
    assert bar.maximum() == 0
    (first, _) = view.exercise_frames
    for label in (*first.head_labels, *first.cells[0], *first.cells[1]):
        assert label.width() >= label.sizeHint().width()
    assert view.pain_after.isVisible()
    assert view.notes.height() >= 60
