"""The whole app as a person uses it: library, detail, a session to the end, finish, save."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from glute_coach.core.clock import ManualClock
from glute_coach.core.engine import SessionState
from glute_coach.storage.history import HistoryStore
from glute_coach.storage.settings import Settings
from glute_coach.ui.main_window import MainWindow

SHORT = {
    "format_version": 1,
    "id": "short-one",
    "title": "Short one",
    "summary": "Two quick steps.",
    "level": "beginner",
    "author": "tests",
    "defaults": {"prepare_s": 3},
    "steps": [
        {
            "kind": "exercise",
            "name": "Glute squeeze",
            "reps": 2,
            "hold_s": 3,
            "cues": {"start": {"say": "Squeeze"}, "end": {"say": "Relax"}},
        },
        {"kind": "exercise", "name": "Side bridge", "sides": "each", "duration_s": 4},
    ],
}


@pytest.fixture
def window(qtbot: QtBot) -> tuple[MainWindow, ManualClock]:
    clock = ManualClock(start=50.0)
    win = MainWindow(Settings(), clock=clock, persist_settings=False)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    yield win, clock
    win._end_session_page()


def test_a_routine_from_open_to_saved_session(
    window: tuple[MainWindow, ManualClock], tmp_path: Path, qtbot: QtBot
) -> None:
    win, clock = window
    path = tmp_path / "short.json"
    path.write_text(json.dumps(SHORT))
    assert win.open_path(path)
    assert win.pages.currentWidget() is win.detail

    win.detail.set_pain(2)
    with qtbot.waitSignal(win.session_started) as started:
        win.detail.start_requested.emit(win.detail.loaded, 2)
    controller = started.args[0]
    assert win.pages.currentWidget() is not win.detail
    total = controller.timeline.total_s
    while controller.state is not SessionState.FINISHED:
        clock.advance(0.25)
        controller.tick()
    assert clock.now() - 50.0 == pytest.approx(total, abs=0.25)
    finish = win.pages.currentWidget()
    assert finish is win._lazy_pages["finish"]
    summary = finish.current_summary()
    assert summary.completed
    assert summary.pain_before == 2
    assert summary.steps_skipped == []
    assert finish.save()
    with HistoryStore.open() as store:
        saved = store.sessions()
    assert len(saved) == 1
    assert saved[0].summary.routine_id == "short-one"
    assert saved[0].id == finish.saved_id
    finish.finish()
    assert win.pages.currentWidget() is win.library


def test_invalid_file_is_refused_with_the_validate_message(
    window: tuple[MainWindow, ManualClock], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win, _ = window
    shown: list[str] = []
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(
        QMessageBox,
        "exec",
        lambda box: shown.append(box.text() + box.informativeText() + box.detailedText()) or 0,
    )
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda *a, **k: shown.append(str(a[2])) or 0)
    )
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda *a, **k: shown.append(str(a[2])) or 0)
    )
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": 1, "id": "x"}')
    assert not win.open_path(bad)
    assert any("title: is required but missing" in text for text in shown)
    assert win.pages.currentWidget() is win.library


def test_stopping_midway_records_skipped_steps(
    window: tuple[MainWindow, ManualClock], tmp_path: Path, qtbot: QtBot
) -> None:
    win, clock = window
    path = tmp_path / "short.json"
    path.write_text(json.dumps(SHORT))
    assert win.open_path(path)
    with qtbot.waitSignal(win.session_started) as started:
        win.start_session(win.detail.loaded, 5)
    controller = started.args[0]
    for _ in range(8):
        clock.advance(0.5)
        controller.tick()
    qtbot.keyClick(win.pages.currentWidget(), Qt.Key.Key_Right)  # skip to the side bridge
    controller.tick()
    controller.stop()
    controller.tick()
    summary = win.pages.currentWidget().current_summary()
    assert not summary.completed
    assert "Side bridge" in summary.steps_skipped
    assert "Glute squeeze" in summary.steps_skipped


def test_settings_change_applies_the_theme(window: tuple[MainWindow, ManualClock]) -> None:
    win, _ = window
    from glute_coach.storage.settings import Theme

    win.show_settings()
    win.apply_settings(Settings(theme=Theme.HIGH_CONTRAST))
    assert win.settings.theme is Theme.HIGH_CONTRAST
