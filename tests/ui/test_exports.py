"""Handout and package from the detail page: the dialogs answered, the files checked."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from glute_coach.core.clock import ManualClock
from glute_coach.core.loading import load_routine
from glute_coach.storage.settings import Settings
from glute_coach.ui.main_window import MainWindow
from tests.conftest import ROUTINES


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The platform's dialogs are the edge: answer them, keep what the app said."""
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: messages.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append("! " + a[2]))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Client 7", True))
    return messages


def window_on(qtbot: QtBot, routine: str) -> MainWindow:
    win = MainWindow(Settings(), clock=ManualClock(), persist_settings=False)
    qtbot.addWidget(win)
    win.open_routine(load_routine(ROUTINES / f"{routine}.json"))
    return win


def test_the_handout_button_writes_a_pdf(
    qtbot: QtBot, tmp_path: Path, told: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "handout"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    win = window_on(qtbot, "glute-bridge-progression")
    assert win.detail.handout_button.isVisible() or not win.isVisible()
    win.detail.handout_button.click()
    pdf = tmp_path / "handout.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert told == [f"Handout saved: {pdf}"]


def test_the_share_button_writes_a_package_the_library_takes_back(
    qtbot: QtBot, tmp_path: Path, told: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "bridge.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    win = window_on(qtbot, "glute-bridge-progression")
    win.detail.share_button.click()
    with zipfile.ZipFile(out) as zf:
        assert "routine.json" in zf.namelist()
    assert told
    assert told[0].startswith(f"Saved: {out}")
    assert win.library.add_file(out)  # imported into the user's routines


def test_a_cancelled_dialog_writes_nothing(
    qtbot: QtBot, tmp_path: Path, told: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    win = window_on(qtbot, "glute-bridge-progression")
    win.detail.handout_button.click()
    win.detail.share_button.click()
    assert told == []
    assert list(tmp_path.iterdir()) == []


def test_kiosk_detail_pages_offer_no_file_dialogs(qtbot: QtBot) -> None:
    from glute_coach.ui.detail_view import DetailView

    detail = DetailView()
    qtbot.addWidget(detail)
    detail.show()
    assert not detail.handout_button.isVisible()
    assert not detail.share_button.isVisible()


def test_an_unwritable_place_is_said_plainly(
    qtbot: QtBot, tmp_path: Path, told: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    target = blocker / "x.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    win = window_on(qtbot, "glute-bridge-progression")
    win.detail.handout_button.click()
    assert len(told) == 1
    assert told[0].startswith("! The handout could not be saved")
