"""Kiosk mode (issue #7): locked window, staff PIN, folder routines, idle, error recovery.

Every deadline runs on a ManualClock and is checked by calling the shell's heartbeat, so no
test sleeps. The PIN dialogs are replaced by a scripted prompt (no modal exec()).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from glute_coach.core.engine import SessionState
from glute_coach.storage.kiosk_folder import FolderState, scan_kiosk_folder
from glute_coach.storage.kiosk_log import LOG_FILE
from glute_coach.storage.paths import user_log_dir
from glute_coach.ui.kiosk.idle import (
    CORNER_PX,
    IdleAction,
    IdleTracker,
    Session,
)
from glute_coach.ui.kiosk.shell import (
    IDLE_S,
    PAUSED_IDLE_S,
    SESSION_IDLE_S,
    STAFF_EXIT_CODE,
    THANKS_S,
)
from glute_coach.ui.widgets import MIN_TOUCH_PX
from tests.ui.kiosk_support import PIN, Kiosk, kiosk_fixture, make_folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return make_folder(tmp_path / "kiosk")


@pytest.fixture
def kiosk(folder: Path, tmp_path: Path) -> Iterator[Kiosk]:
    yield from kiosk_fixture(folder, tmp_path / "pin.json")


def beat(k: Kiosk, seconds: float = 0.0) -> None:
    k.clock.advance(seconds)
    k.window.heartbeat()


def to_library(k: Kiosk, qtbot: QtBot) -> None:
    qtbot.mouseClick(k.window.attract, Qt.MouseButton.LeftButton)
    assert k.window.current_page() is k.window.library
    QApplication.processEvents()  # lay the cards out


def card(k: Kiosk, routine_id: str) -> object:
    for c in k.window.library.cards():
        if c.loaded.routine.id == routine_id:
            return c
    raise AssertionError(routine_id)


def start(k: Kiosk, qtbot: QtBot, routine_id: str = "kiosk-short") -> object:
    to_library(k, qtbot)
    c = card(k, routine_id)
    qtbot.mouseClick(c, Qt.MouseButton.LeftButton)
    assert k.window.current_page() is k.window.detail
    k.window.detail.set_pain(2)
    with qtbot.waitSignal(k.window.session_started) as started:
        qtbot.mouseClick(k.window.detail.start_button, Qt.MouseButton.LeftButton)
    return started.args[0]


def log_text() -> str:
    return (user_log_dir() / LOG_FILE).read_text(encoding="utf-8")


def corner(k: Kiosk) -> QPoint:
    return QPoint(k.window.width() - 5, 5)


# --- 4: fullscreen, frameless, on top; nothing closes it --------------------------------------


def test_window_is_fullscreen_frameless_and_on_top(kiosk: Kiosk) -> None:
    win = kiosk.window
    flags = win.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert win.windowState() & Qt.WindowState.WindowFullScreen
    assert win.isVisible()
    assert win.current_page() is win.attract


def test_close_attempts_are_ignored(kiosk: Kiosk, qtbot: QtBot) -> None:
    win = kiosk.window
    assert not win.close()  # the window manager's close
    event = QCloseEvent()
    QApplication.sendEvent(win, event)
    assert not event.isAccepted()
    for key, mods in [
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    ]:
        qtbot.keyClick(win.attract, key, mods)
        qtbot.keyClick(win, key, mods)
    assert win.isVisible()
    assert win.current_page() is win.attract
    assert kiosk.exits == []
    # Esc in a session asks to stop the session (in place), never closes the window.
    controller = start(kiosk, qtbot)
    qtbot.keyClick(win.current_page(), Qt.Key.Key_Escape)
    assert win.isVisible()
    assert controller.state is SessionState.RUNNING


# --- 5: staff access behind the PIN -----------------------------------------------------------


def test_corner_hold_opens_the_pin_prompt_and_a_wrong_pin_keeps_it_locked(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    win = kiosk.window
    # A short press in the corner is nothing.
    qtbot.mousePress(win.attract, Qt.MouseButton.LeftButton, pos=corner(kiosk))
    beat(kiosk, 1.0)
    qtbot.mouseRelease(win.attract, Qt.MouseButton.LeftButton, pos=corner(kiosk))
    beat(kiosk, 3.0)
    assert kiosk.prompt.calls == []
    # A long press away from the corner is nothing either.
    qtbot.mousePress(win.attract, Qt.MouseButton.LeftButton, pos=QPoint(CORNER_PX + 50, 300))
    beat(kiosk, 4.0)
    assert kiosk.prompt.calls == []
    qtbot.mouseRelease(win.attract, Qt.MouseButton.LeftButton, pos=QPoint(CORNER_PX + 50, 300))
    win.show_attract()
    # Held 3 s in the top-right corner: the PIN prompt. A wrong PIN keeps the kiosk locked.
    kiosk.prompt.answers = ["1111"]
    qtbot.mousePress(win.attract, Qt.MouseButton.LeftButton, pos=corner(kiosk))
    beat(kiosk, 2.0)
    assert kiosk.prompt.calls == []
    beat(kiosk, 1.1)
    assert kiosk.prompt.calls == ["ask"]
    qtbot.mouseRelease(win.attract, Qt.MouseButton.LeftButton, pos=corner(kiosk))
    assert win.current_page() is win.attract  # the release ending the gesture starts nothing
    assert not win.attract.staff_note_visible()
    assert "staff PIN not given" in log_text()


def test_right_pin_opens_the_staff_menu_with_exit_and_settings(kiosk: Kiosk, qtbot: QtBot) -> None:
    win = kiosk.window
    chord = (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.ShiftModifier
    )
    kiosk.prompt.answers = ["0000", PIN]
    qtbot.keyClick(win.attract, Qt.Key.Key_K, chord)
    assert kiosk.prompt.calls == ["ask"]
    assert win.current_page() is win.attract  # wrong
    kiosk.clock.advance(600)  # past any lock the wrong PIN caused
    qtbot.keyClick(win.attract, Qt.Key.Key_K, chord)
    assert win.current_page() is win.staff
    assert win.staff.exit_button.isVisible()
    assert win.staff.settings_button.isVisible()
    qtbot.mouseClick(win.staff.settings_button, Qt.MouseButton.LeftButton)
    settings_page = win.current_page()
    assert settings_page is not win.staff
    assert settings_page.objectName() == "settingsView"
    settings_page.back_requested.emit()
    assert win.current_page() is win.staff
    qtbot.mouseClick(win.staff.exit_button, Qt.MouseButton.LeftButton)
    assert kiosk.exits == [STAFF_EXIT_CODE]
    assert not win.isVisible()


def test_settings_are_only_reachable_from_the_staff_page(kiosk: Kiosk, qtbot: QtBot) -> None:
    win = kiosk.window
    win.show_settings()
    assert win.current_page() is win.attract
    win.exit_kiosk()
    assert kiosk.exits == []
    assert win.isVisible()


def test_first_run_asks_staff_to_set_a_pin(folder: Path, tmp_path: Path, qtbot: QtBot) -> None:
    gen = kiosk_fixture(folder, tmp_path / "pin.json", pin=None)
    kiosk = next(gen)
    try:
        kiosk.prompt.answers = ["13579"]
        assert not kiosk.store.is_set()
        qtbot.waitUntil(lambda: kiosk.prompt.calls == ["set_new"], timeout=2000)
        assert kiosk.store.is_set()
        assert kiosk.store.verify("13579").ok
    finally:
        gen.close()


def test_without_a_pin_the_gesture_asks_for_one_first(
    folder: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    gen = kiosk_fixture(folder, tmp_path / "pin.json", pin=None)
    kiosk = next(gen)
    try:
        kiosk.window.check_first_run()  # staff cancelled the first-run prompt
        assert kiosk.prompt.calls == ["set_new"]
        assert kiosk.window.current_page() is kiosk.window.attract
        kiosk.prompt.answers = ["97531"]
        kiosk.window.staff_access()
        assert kiosk.prompt.calls == ["set_new", "set_new"]
        assert kiosk.window.current_page() is kiosk.window.staff
    finally:
        gen.close()


# --- 6: only the folder's routines; no file dialogs, no drops ---------------------------------


def test_only_the_folders_valid_routines_are_shown(
    kiosk: Kiosk, folder: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = kiosk.window
    ids = sorted(e.loaded.routine.id for e in win.library.entries() if e.loaded)
    assert ids == sorted(
        ["glute-bridge-progression", "glute-session-15-min", "kiosk-short", "kiosk-long"]
    )
    assert sorted(r.routine.id for r in win.attract.routines()) == ids
    lib = win.library
    for hidden in (lib.open_button, lib.settings_button, lib.sensor_button, lib.hint_label):
        assert hidden.isHidden()
    assert lib.invalid_button.isHidden()  # visitors are not told about broken files
    assert not lib.acceptDrops()

    def no_dialog(*_a: object, **_k: object) -> tuple[list[str], str]:
        raise AssertionError("a file dialog was opened")

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(no_dialog))
    lib.open_file_dialog()
    extra = folder.parent / "extra.json"
    extra.write_text((folder / "kiosk-short.json").read_text().replace("kiosk-short", "extra"))
    assert not lib.add_file(extra)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(extra))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    lib.dropEvent(drop)
    assert len(lib.entries()) == 4
    # The skipped file is logged, once, with its problem.
    text = log_text()
    assert text.count("skipped broken.json") == 1
    assert "title: is required but missing" in text


def test_staff_see_skipped_files_only_after_the_pin(kiosk: Kiosk, qtbot: QtBot) -> None:
    win = kiosk.window
    assert not win.attract.staff_note_visible()
    kiosk.prompt.answers = [PIN]
    win.staff_access()
    assert "broken.json" in win.staff.status_label.text()
    qtbot.mouseClick(win.staff.back_button, Qt.MouseButton.LeftButton)
    assert win.current_page() is win.attract
    assert win.attract.staff_note_visible()
    assert "broken.json" in win.attract.staff_label.text()
    beat(kiosk, IDLE_S + 1)  # the next visitor's screen does not show it
    to_library(kiosk, qtbot)
    beat(kiosk, IDLE_S + 1)
    assert win.current_page() is win.attract
    assert not win.attract.staff_note_visible()


@pytest.mark.parametrize("case", ["missing", "empty", "invalid", "not-a-folder"])
def test_a_missing_empty_or_invalid_folder_shows_no_routines(
    case: str, tmp_path: Path, qtbot: QtBot
) -> None:
    target = tmp_path / "kiosk"
    if case == "empty":
        target.mkdir()
    elif case == "invalid":
        target.mkdir()
        (target / "a.json").write_text("{not json", encoding="utf-8")
        (target / "b.json").write_text("[]", encoding="utf-8")
    elif case == "not-a-folder":
        target.write_text("x", encoding="utf-8")
    expected = {
        "missing": FolderState.MISSING,
        "empty": FolderState.EMPTY,
        "invalid": FolderState.ALL_INVALID,
        "not-a-folder": FolderState.NOT_A_FOLDER,
    }[case]
    assert scan_kiosk_folder(target).state is expected
    gen = kiosk_fixture(target, tmp_path / "pin.json")
    kiosk = next(gen)
    try:
        win = kiosk.window
        assert win.library.entries() == []
        assert win.attract.empty_label.isVisibleTo(win.attract)
        assert win.attract.staff_label.text()  # there is something for staff ...
        assert not win.attract.staff_note_visible()  # ... shown only after the PIN
        for _ in range(5):  # touching starts nothing
            qtbot.mouseClick(win.attract, Qt.MouseButton.LeftButton)
        assert win.current_page() is win.attract
        kiosk.prompt.answers = [PIN]
        win.staff_access()
        win.staff.back_requested.emit()
        assert win.attract.staff_note_visible()
    finally:
        gen.close()


# --- 7: idle, abandoned sessions, cursor, touch targets ---------------------------------------


def test_idle_returns_to_the_attract_screen(kiosk: Kiosk, qtbot: QtBot) -> None:
    win = kiosk.window
    to_library(kiosk, qtbot)
    beat(kiosk, IDLE_S - 30)
    qtbot.keyClick(win.library, Qt.Key.Key_Right)  # someone is still there
    beat(kiosk, IDLE_S - 1)
    assert win.current_page() is win.library
    beat(kiosk, 1.5)
    assert win.current_page() is win.attract
    assert "idle; back to the attract screen" in log_text()


def test_attract_screen_cycles_previews_on_the_clock(kiosk: Kiosk) -> None:
    win = kiosk.window
    first = win.attract.current()
    beat(kiosk, 7.9)
    assert win.attract.current() is first
    beat(kiosk, 0.2)
    second = win.attract.current()
    assert second is not first
    titles = set()
    for _ in range(8):
        beat(kiosk, 8.0)
        titles.add(win.attract.title_label.text())
    assert len(titles) == 4


def test_a_running_session_left_alone_is_stopped(kiosk: Kiosk, qtbot: QtBot) -> None:
    controller = start(kiosk, qtbot, "kiosk-long")
    win = kiosk.window
    for _ in range(19):
        kiosk.clock.advance(60)
        controller.tick()
        win.heartbeat()
    assert controller.state is SessionState.RUNNING
    assert win.controller is controller
    beat(kiosk, SESSION_IDLE_S - 19 * 60 + 1)
    assert controller.state is SessionState.STOPPED
    assert win.controller is None
    assert win.current_page() is win.attract
    assert "session left alone; stopped" in log_text()


def test_a_paused_session_left_alone_is_stopped_sooner(kiosk: Kiosk, qtbot: QtBot) -> None:
    controller = start(kiosk, qtbot, "kiosk-long")
    win = kiosk.window
    kiosk.clock.advance(30)
    controller.tick()
    qtbot.mouseClick(win.current_page().play_button, Qt.MouseButton.LeftButton)  # pause
    assert controller.state is SessionState.PAUSED
    beat(kiosk, PAUSED_IDLE_S - 1)
    assert controller.state is SessionState.PAUSED
    beat(kiosk, 2)
    assert controller.state is SessionState.STOPPED
    assert win.current_page() is win.attract


def test_a_finished_session_thanks_then_returns(kiosk: Kiosk, qtbot: QtBot) -> None:
    controller = start(kiosk, qtbot, "kiosk-short")
    win = kiosk.window
    while controller.state is not SessionState.FINISHED:
        kiosk.clock.advance(0.5)
        controller.tick()
    assert win.current_page() is win.thanks
    assert "Well done" in win.thanks.title_label.text()
    assert win.controller is None
    beat(kiosk, THANKS_S + 0.5)
    assert win.current_page() is win.attract


def test_the_cursor_hides_when_idle_and_comes_back(kiosk: Kiosk, qtbot: QtBot) -> None:
    win = kiosk.window
    beat(kiosk, 6.0)
    cursor = QGuiApplication.overrideCursor()
    assert cursor is not None
    assert cursor.shape() == Qt.CursorShape.BlankCursor
    qtbot.mouseMove(win.attract, QPoint(200, 200))
    qtbot.mouseMove(win.attract, QPoint(210, 205))
    assert QGuiApplication.overrideCursor() is None
    beat(kiosk, 6.0)
    assert QGuiApplication.overrideCursor() is not None
    win.shutdown()  # the cursor is given back
    assert QGuiApplication.overrideCursor() is None


def _small_buttons(page: QWidget) -> list[str]:
    return [
        f"{b.objectName() or b.text()}: {b.height()}"
        for b in page.findChildren(QAbstractButton)
        if b.isVisibleTo(page) and b.height() < MIN_TOUCH_PX
    ]


def test_touch_targets_are_at_least_48_px(kiosk: Kiosk, qtbot: QtBot) -> None:
    win = kiosk.window
    assert win.attract.start_label.height() >= MIN_TOUCH_PX
    to_library(kiosk, qtbot)
    assert _small_buttons(win.library) == []
    assert all(c.height() >= MIN_TOUCH_PX for c in win.library.cards())
    assert win.library.tag_filter.height() >= MIN_TOUCH_PX
    qtbot.mouseClick(card(kiosk, "kiosk-short"), Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert _small_buttons(win.detail) == []
    win.show_attract()
    controller = start(kiosk, qtbot, "kiosk-short")
    QApplication.processEvents()
    assert _small_buttons(win.current_page()) == []
    controller.stop()
    QApplication.processEvents()
    assert win.current_page() is win.thanks
    assert _small_buttons(win.thanks) == []
    kiosk.prompt.answers = [PIN]
    win.staff_access()
    QApplication.processEvents()
    assert _small_buttons(win.staff) == []


def test_idle_tracker_deadlines() -> None:
    from glute_coach.core.clock import ManualClock

    clock = ManualClock(10.0)
    tracker = IdleTracker(clock)
    assert tracker.check(Session.NONE) is IdleAction.NOTHING
    clock.advance(IDLE_S)
    assert tracker.check(Session.NONE) is IdleAction.ATTRACT
    assert tracker.check(Session.RUNNING) is IdleAction.NOTHING
    tracker.touch()
    tracker.set_paused(True)
    clock.advance(PAUSED_IDLE_S)
    assert tracker.check(Session.PAUSED) is IdleAction.STOP_SESSION
    tracker.set_paused(False)
    tracker.touch()
    clock.advance(SESSION_IDLE_S - 1)
    assert tracker.check(Session.RUNNING) is IdleAction.NOTHING
    clock.advance(1)
    assert tracker.check(Session.RUNNING) is IdleAction.STOP_SESSION


# --- 8: an unexpected error returns to the attract screen and is logged -----------------------


def test_an_error_in_a_view_slot_returns_to_attract_and_is_logged(
    kiosk: Kiosk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = kiosk.window
    to_library(kiosk, qtbot)

    def boom(_loaded: object) -> None:
        raise RuntimeError("boom in the detail page")

    monkeypatch.setattr(win.detail, "show_routine", boom)
    with qtbot.waitSignal(win.recovered, timeout=2000):
        qtbot.mouseClick(card(kiosk, "kiosk-short"), Qt.MouseButton.LeftButton)
    assert win.current_page() is win.attract
    assert win.isVisible()
    text = log_text()
    assert "unexpected error; back to the attract screen" in text
    assert "Traceback" in text
    assert "RuntimeError: boom in the detail page" in text


def test_an_error_during_a_session_ends_it_and_returns_to_attract(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    win = kiosk.window
    controller = start(kiosk, qtbot, "kiosk-long")

    def broken_frame(_snapshot: object) -> None:
        raise ValueError("the player could not draw")

    controller.frame.connect(broken_frame)
    with qtbot.waitSignal(win.recovered, timeout=2000):
        kiosk.clock.advance(1)
        controller.tick()
    assert win.controller is None
    assert win.current_page() is win.attract
    assert "ValueError: the player could not draw" in log_text()


def test_the_excepthook_is_restored_on_shutdown(folder: Path, tmp_path: Path) -> None:
    import sys

    before = sys.excepthook
    gen = kiosk_fixture(folder, tmp_path / "pin.json")
    kiosk = next(gen)
    assert sys.excepthook != before
    gen.close()
    assert sys.excepthook == before
    assert not kiosk.window.isVisible() or kiosk.window.current_page() is not None


# --- bad input --------------------------------------------------------------------------------


def test_key_mashing_and_rapid_touches_do_no_harm(kiosk: Kiosk, qtbot: QtBot) -> None:
    win = kiosk.window
    for _ in range(15):
        qtbot.mouseClick(win.attract, Qt.MouseButton.LeftButton)
    assert win.current_page() is win.library
    rng = random.Random(7)
    keys = [
        Qt.Key.Key_Space,
        Qt.Key.Key_Return,
        Qt.Key.Key_Escape,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Tab,
        Qt.Key.Key_A,
        Qt.Key.Key_R,
        Qt.Key.Key_F4,
        Qt.Key.Key_Q,
        Qt.Key.Key_0,
        Qt.Key.Key_Home,
    ]
    mods = [
        Qt.KeyboardModifier.NoModifier,
        Qt.KeyboardModifier.ControlModifier,
        Qt.KeyboardModifier.AltModifier,
        Qt.KeyboardModifier.ShiftModifier,
    ]
    for _ in range(300):
        target = QApplication.focusWidget() or win.current_page() or win
        qtbot.keyClick(target, rng.choice(keys), rng.choice(mods))
        kiosk.clock.advance(0.05)
        if win.controller is not None:
            win.controller.tick()
        win.heartbeat()
    assert win.isVisible()
    assert kiosk.exits == []
    assert kiosk.prompt.calls == []
    win.show_attract()
    assert win.current_page() is win.attract


def test_links_do_not_open_a_browser(kiosk: Kiosk) -> None:
    from PySide6.QtGui import QDesktopServices

    assert QDesktopServices.openUrl(QUrl("https://example.org/"))  # handled: refused, logged
    assert "not opening https://example.org/" in log_text()


def test_log_file_rotates(tmp_path: Path) -> None:
    import logging

    from glute_coach.storage.kiosk_log import (
        install_kiosk_logging,
        log_folder_bytes,
        uninstall_kiosk_logging,
    )

    path = install_kiosk_logging(tmp_path, max_bytes=2000, backups=2)
    try:
        logger = logging.getLogger("glute_coach.kiosk")
        for i in range(500):
            logger.info("line %d %s", i, "x" * 40)
    finally:
        uninstall_kiosk_logging()
    assert path.exists()
    assert len(list(tmp_path.glob(f"{LOG_FILE}*"))) == 3
    assert log_folder_bytes(tmp_path) <= 3 * 2000 + 200


def test_routine_files_written_later_are_not_shown_until_staff_reload(
    kiosk: Kiosk, folder: Path
) -> None:
    data = json.loads((folder / "kiosk-short.json").read_text())
    data["id"] = "later"
    (folder / "later.json").write_text(json.dumps(data), encoding="utf-8")
    win = kiosk.window
    assert len(win.library.entries()) == 4
    kiosk.prompt.answers = [PIN]
    win.staff_access()
    win.staff.reload_requested.emit()
    assert len(win.library.entries()) == 5
