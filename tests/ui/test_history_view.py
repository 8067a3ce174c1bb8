"""The history page on a real session store: calendar, streaks, adherence, charts, details, replay."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from glute_coach.core.metrics import ChannelMetrics, ExerciseMetrics
from glute_coach.sensors.recorder import Recorder
from glute_coach.sensors.source import Block
from glute_coach.storage.history import HistoryError, HistoryStore
from glute_coach.storage.sessions import SessionSummary
from glute_coach.ui.history_view import HistoryView
from glute_coach.ui.widgets import MIN_TOUCH_PX

LEFT = Qt.MouseButton.LeftButton
TODAY = date(2025, 3, 12)  # a Wednesday; its ISO week starts on Monday 10 March
GLUTE = "glute-session-15-min"  # bundled, 3 times a week
BIO = "biofeedback-session"  # bundled, 3 times a week
OWN = "my-own-routine"  # in no library: counts only


def emg(side: str, mean: float, peak: float) -> ChannelMetrics:
    return ChannelMetrics(
        f"glute-{side[0]}", "gluteus_maximus", side, "%MVC", peak, mean, 20.0, 10, 0.2
    )


def bridge(mean: float) -> ExerciseMetrics:
    return ExerciseMetrics(
        "Glute bridge",
        "glute-bridge",
        40.0,
        0.0,
        (40.0, 70.0),
        [emg("left", mean, mean + 20), emg("right", mean - 5, mean + 15)],
        symmetry=0.1,
    )


def squeeze() -> ExerciseMetrics:
    pressure = ChannelMetrics("cuff", None, "both", "mmHg", 48.0, 37.5, 31.0, 8, 0.35)
    return ExerciseMetrics(
        "Standing glute squeeze", "standing-glute-squeeze", 30.0, 0.0, None, [pressure]
    )


def session(
    routine_id: str,
    day: str,
    *,
    hour: int = 9,
    completed: bool = True,
    pain: tuple[int | None, int | None] = (5, 3),
    skipped: int = 0,
    metrics: list[ExerciseMetrics] | None = None,
    recording: Path | None = None,
    notes: str = "",
) -> SessionSummary:
    titles = {GLUTE: "15-minute glute session", BIO: "Glute biofeedback session", OWN: "Mine"}
    return SessionSummary(
        routine_id=routine_id,
        routine_version=1,
        title=titles[routine_id],
        started_at=f"{day}T{hour:02d}:00:00+01:00",
        ended_at=f"{day}T{hour:02d}:15:00+01:00",
        completed=completed,
        steps_done=["Warm-up", "Glute bridge", "Rest", "Glute bridge"],
        steps_skipped=["Split squat"] * skipped,
        pain_before=pain[0],
        pain_after=pain[1],
        rpe=6,
        notes=notes,
        metrics=metrics or [],
        recording=str(recording) if recording is not None else None,
        sensor="Two-channel EMG" if metrics else None,
    )


def write_recording(folder: Path) -> Path:
    """Two seconds of two EMG channels at 250 Hz, as a session's recorder writes them."""
    fs = 250.0
    t = np.arange(500) / fs
    data = np.column_stack([np.sin(2 * np.pi * 40 * t), 0.5 * np.sin(2 * np.pi * 60 * t)])
    with Recorder(
        folder, "20250307T090000-biofeedback-session", ["L", "R"], ["uV", "uV"], fs
    ) as rec:
        rec.write(Block(100.0, fs, data))
    return rec.path


def history(folder: Path) -> list[SessionSummary]:
    recording = write_recording(folder)
    return [
        session(GLUTE, "2025-02-24", pain=(7, 5)),
        session(BIO, "2025-02-25", pain=(6, 5), metrics=[bridge(35.0)]),
        session(GLUTE, "2025-02-26", pain=(6, 4)),
        session(GLUTE, "2025-02-28", pain=(6, None)),  # no pain after
        session(GLUTE, "2025-03-03", pain=(5, 4), skipped=1),
        session(BIO, "2025-03-04", pain=(5, 3), metrics=[bridge(42.0), squeeze()]),
        session(GLUTE, "2025-03-05", pain=(None, None)),  # no pain at all
        session(BIO, "2025-03-06", completed=False, pain=(4, 4)),  # stopped: no streak day
        session(
            BIO,
            "2025-03-07",
            pain=(4, 2),
            metrics=[bridge(50.0)],
            recording=recording,
            notes="Left side felt stronger.",
        ),
        session(OWN, "2025-03-08", pain=(3, 2)),
        session(GLUTE, "2025-03-10", pain=(3, 2)),
        session(GLUTE, "2025-03-11", pain=(3, 1)),
        session(GLUTE, "2025-03-12", hour=7, pain=(2, 1)),
        session(
            BIO, "2025-03-12", hour=18, pain=(2, 1), recording=folder / "gone.csv"
        ),  # the file was deleted
    ]


@pytest.fixture
def opener(tmp_path: Path) -> Callable[[], HistoryStore]:
    def open_store() -> HistoryStore:
        return HistoryStore.open(tmp_path / "history.sqlite3", import_from=tmp_path / "none")

    return open_store


@pytest.fixture
def filled(opener: Callable[[], HistoryStore], tmp_path: Path) -> list[int]:
    with opener() as store:
        return [store.add(summary) for summary in history(tmp_path)]


def make_view(qtbot: QtBot, opener: Callable[[], HistoryStore]) -> HistoryView:
    view = HistoryView(opener, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    view.refresh()
    return view


@pytest.fixture
def view(qtbot: QtBot, opener: Callable[[], HistoryStore], filled: list[int]) -> HistoryView:
    return make_view(qtbot, opener)


def test_calendar_marks_the_days_with_sessions(view: HistoryView) -> None:
    marks = view.marked_dates()
    assert set(marks) == {
        date(2025, 2, 24),
        date(2025, 2, 25),
        date(2025, 2, 26),
        date(2025, 2, 28),
        date(2025, 3, 3),
        date(2025, 3, 4),
        date(2025, 3, 5),
        date(2025, 3, 6),
        date(2025, 3, 7),
        date(2025, 3, 8),
        date(2025, 3, 10),
        date(2025, 3, 11),
        date(2025, 3, 12),
    }
    done = marks[date(2025, 3, 12)]
    assert done.fontWeight() == QFont.Weight.Bold
    assert done.fontUnderline()  # not colour alone
    assert "2 sessions" in done.toolTip()
    stopped = marks[date(2025, 3, 6)]
    assert stopped.fontItalic()
    assert stopped.fontWeight() != QFont.Weight.Bold
    assert "stopped early" in stopped.toolTip()
    assert view.calendar.selectedDate() == QDate(2025, 3, 12)
    assert (view.calendar.yearShown(), view.calendar.monthShown()) == (2025, 3)
    assert "2 sessions" in view.day_label.text()
    view.calendar.setSelectedDate(QDate(2025, 3, 9))
    assert "no session" in view.day_label.text()


def test_streaks_count_completed_days_only(view: HistoryView) -> None:
    # 10-12 March is alive today; 3-5 March and 24-26 February are as long; 6 March was stopped.
    assert (view.streaks.current, view.streaks.longest) == (3, 3)
    assert view.streak_label.text() == "Current streak: 3 days.  Longest streak: 3 days."


def test_adherence_against_the_prescribed_frequency(view: HistoryView) -> None:
    assert list(view.adherence_rows) == [GLUTE, BIO, OWN]  # most recently completed first
    glute = view.adherence_rows[GLUTE]
    assert glute.frequency_label.text() == "Prescribed: 3 times a week"
    assert glute.this_week_label.text() == "This week: 3 of 3 sessions"
    # Since the week of 24 February: 3 then 2 of 3 (capped per week) before this week.
    assert glute.past_label.text() == "Last 2 weeks: 5 of 6 sessions (83 %)"
    assert [cell.text() for cell in glute.week_cells] == ["3/3 ✓", "2/3", "3/3 ✓"]
    assert "Week of" in glute.week_cells[1].accessibleName()

    bio = view.adherence_rows[BIO]  # the stopped session on 6 March does not count
    assert bio.this_week_label.text() == "This week: 1 of 3 sessions"
    assert bio.past_label.text() == "Last 2 weeks: 3 of 6 sessions (50 %)"

    own = view.adherence_rows[OWN]  # not in the library: counts only
    assert own.frequency_label.text() == "No prescribed frequency known"
    assert own.this_week_label.text() == "This week: 0 sessions"
    assert own.past_label.text() == "Last week: 1 sessions"
    assert [cell.text() for cell in own.week_cells] == ["1", "0"]
    assert not view.no_adherence_label.isVisible()


def test_charts_have_a_point_per_session_with_a_value(view: HistoryView) -> None:
    assert view.pain_chart.points("before") == 13  # 14 sessions, one without any pain
    assert view.pain_chart.points("after") == 12  # and one without pain after
    assert view.completion_chart.points("done") == 14
    _, ys = view.completion_chart.curves["done"].getData()
    assert ys is not None
    assert min(ys) == pytest.approx(80.0)  # 4 of 5 steps on 3 March
    assert "before" in view.pain_chart.legend_label.accessibleName()
    assert isinstance(
        view.pain_chart.plot.getAxis("bottom"), type(view.sensor_chart.plot.getAxis("bottom"))
    )

    combo = view.exercise_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Glute bridge",  # measured last on 7 March
        "Standing glute squeeze",
    ]
    sensor = view.sensor_chart
    assert set(sensor.curves) == {"left-mean", "left-peak", "right-mean", "right-peak"}
    assert all(sensor.points(key) == 3 for key in sensor.curves)
    _, means = sensor.curves["left-mean"].getData()
    assert list(means) == [35.0, 42.0, 50.0]
    assert sensor.plot.getAxis("left").labelText == "%MVC"

    combo.setCurrentIndex(1)
    assert set(sensor.curves) == {"both-mean", "both-peak"}
    assert sensor.points("both-mean") == 1
    assert sensor.plot.getAxis("left").labelText == "mmHg"


def test_the_session_list_is_newest_first_and_shows_details(
    view: HistoryView, qtbot: QtBot, filled: list[int]
) -> None:
    items = view.session_list
    assert items.count() == 14
    assert "Glute biofeedback session" in items.item(0).text()  # 12 March, 18:00
    assert "15-minute glute session" in items.item(items.count() - 1).text()
    assert "stopped early" in items.item(6).text()  # 6 March

    assert view.select_session(filled[8])  # 7 March, with metrics and a recording
    assert view.tabs.currentIndex() == 1
    details = view.details
    assert details.title_label.text() == "Glute biofeedback session"
    assert "2025" in details.when_label.text()
    assert details.outcome_label.text() == "Completed · 4 of 4 steps done"
    assert details.pain_label.text() == "Pain before: 4 · after: 2 (0–10)"
    assert details.rpe_label.text() == "Effort: 6 out of 10"
    assert "✓  Glute bridge  ×2" in details.done_label.text()
    assert details.notes_label.text() == "Left side felt stronger."
    assert len(details.exercise_frames) == 1
    assert details.exercise_frames[0].values(0)[1] == "50 %MVC"  # the mean, left
    assert details.replay_button.isVisible()
    assert details.replay_button.height() >= MIN_TOUCH_PX
    assert "Recording:" in details.recording_label.text()

    items.setCurrentRow(0)  # 12 March: its recording was deleted
    assert not details.replay_button.isVisible()
    assert "no longer there" in details.recording_label.text()
    assert view.open_replay() is None  # the file is gone: nothing opens

    items.setCurrentRow(7)  # 5 March: no pain
    assert details.pain_label.text() == "Pain: not recorded"
    assert not details.notes_label.isVisible()
    assert not details.exercise_frames


def test_activating_a_day_opens_its_session(view: HistoryView) -> None:
    view.calendar.activated.emit(QDate(2025, 3, 4))
    assert view.tabs.currentIndex() == 1
    assert view.details.summary is not None
    assert view.details.summary.started_at.startswith("2025-03-04")


def test_replay_opens_and_closes_cleanly(
    view: HistoryView, qtbot: QtBot, filled: list[int]
) -> None:
    view.select_session(filled[8])
    qtbot.mouseClick(view.details.replay_button, LEFT)
    dialog = view.replay_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.close_button.height() >= MIN_TOUCH_PX
    qtbot.waitUntil(lambda: dialog.live_view.frames > 0, timeout=5000)
    assert len(dialog.live_view.plots) >= 2  # L and R (and their recorded envelopes)
    source = dialog.sensor.source
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        qtbot.mouseClick(dialog.close_button, LEFT)
    assert view.replay_dialog is None
    assert not dialog.running
    assert not source.running  # type: ignore[attr-defined]


def test_leaving_the_page_stops_a_replay(
    view: HistoryView, qtbot: QtBot, filled: list[int]
) -> None:
    view.select_session(filled[8])
    dialog = view.open_replay()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.live_view.frames > 0, timeout=5000)
    view.hide()
    assert view.replay_dialog is None
    assert not dialog.running


def test_back_and_touch_targets(view: HistoryView, qtbot: QtBot) -> None:
    assert view.back_button.height() >= MIN_TOUCH_PX
    assert view.exercise_combo.height() >= MIN_TOUCH_PX
    assert view.back_button.accessibleName()
    assert view.calendar.accessibleName()
    with qtbot.waitSignal(view.back_requested, timeout=1000):
        qtbot.mouseClick(view.back_button, LEFT)


def test_empty_history(qtbot: QtBot, opener: Callable[[], HistoryStore]) -> None:
    view = make_view(qtbot, opener)
    assert view.stack.currentWidget() is view.empty_page
    assert "No sessions yet" in view.empty_label.text()
    assert not view.streak_label.isVisible()
    assert view.session_list.count() == 0
    assert view.pain_chart.curves == {}
    assert not view.pain_chart.plot_widget.isVisibleTo(view.pain_chart)
    assert view.sensor_chart.empty_label.text()
    assert view.exercise_combo.count() == 0
    assert view.adherence_rows == {}


def test_a_store_that_cannot_be_opened_is_said_not_raised(qtbot: QtBot) -> None:
    def broken() -> HistoryStore:
        raise HistoryError("the folder cannot be made")

    view = HistoryView(broken, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    assert "cannot be read" in view.notice_label.text()
    assert view.stack.currentWidget() is view.empty_page


def test_refresh_shows_new_sessions(view: HistoryView, opener: Callable[[], HistoryStore]) -> None:
    with opener() as store:
        store.add(session(GLUTE, "2025-03-12", hour=20, pain=(1, 0)))
        view.refresh(store)
    assert view.session_list.count() == 15
    assert view.adherence_rows[GLUTE].this_week_label.text() == "This week: 4 of 3 sessions"
    assert view.pain_chart.points("after") == 13
