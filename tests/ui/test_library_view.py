"""The library: cards for every routine, filters, adding files by dialog or drag-and-drop."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from glute_coach.cli.main import main as cli_main
from glute_coach.core.loading import load_routine
from glute_coach.core.routine import Level
from glute_coach.storage.library import Source
from glute_coach.storage.paths import user_routines_dir
from glute_coach.ui.library_view import LibraryView
from glute_coach.ui.widgets import RoutineCard
from tests.conftest import ROUTINES, bundled_routine_files


class MessageCatcher:
    """Stands in for QMessageBox's static dialogs: records (title, text), shows nothing."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []

    def __call__(self, kind: str) -> Any:
        def show(parent: object, title: str, text: str, *args: object) -> object:
            self.shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> MessageCatcher:
    catcher = MessageCatcher()
    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, catcher(kind))
    return catcher


@pytest.fixture
def view(qtbot: QtBot, messages: MessageCatcher) -> LibraryView:
    widget = LibraryView()
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    return widget


def _show(qtbot: QtBot, view: LibraryView) -> None:
    """Show the view and wait until the cards are laid out (they have a size)."""
    view.show()
    view.activateWindow()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: all(c.height() > 50 for c in view.cards()))


def _titles(view: LibraryView) -> list[str]:
    return [card.title for card in view.cards()]


def _routine_data(name: str = "glute-bridge-progression.json") -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROUTINES / name).read_text(encoding="utf-8"))
    return data


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _validate_lines(path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """What `glute-coach validate PATH` prints for a bad file, one line per problem."""
    capsys.readouterr()
    assert cli_main(["validate", str(path)]) == 1
    return capsys.readouterr().err.splitlines()


def test_every_bundled_routine_has_a_card(view: LibraryView) -> None:
    expected = [load_routine(p).routine.title for p in bundled_routine_files()]
    assert sorted(_titles(view)) == sorted(expected)
    assert all(card.source is Source.BUNDLED for card in view.cards())


def test_a_card_shows_title_level_length_equipment_and_has_an_accessible_name(
    view: LibraryView,
) -> None:
    card = next(c for c in view.cards() if c.loaded.routine.id == "glute-session-15-min")
    routine, total = card.loaded.routine, card.loaded.timeline.total_s
    assert card.title_label.text() == routine.title
    assert "Intermediate" in card.facts_label.text()
    assert f"about {round(total / 60)} min" in card.facts_label.text()
    assert "Exercise mat" in card.equipment_label.text()
    assert card.summary_label.text()
    for c in view.cards():
        assert c.accessibleName().startswith(c.title)
        assert c.accessibleDescription()


def test_filtering_by_tag_and_by_level(view: LibraryView) -> None:
    all_titles = set(_titles(view))
    view.set_tag_filter("bridge")
    bridge = {p: load_routine(p) for p in bundled_routine_files()}
    with_tag = {r.routine.title for r in bridge.values() if "bridge" in r.routine.tags}
    assert set(_titles(view)) == with_tag
    assert view.tag_filter.currentData() == "bridge"

    view.set_level_filter(Level.BEGINNER)
    both = {
        r.routine.title
        for r in bridge.values()
        if "bridge" in r.routine.tags and r.routine.level is Level.BEGINNER
    }
    assert set(_titles(view)) == both
    assert both  # the biofeedback session is a beginner bridge routine

    view.set_tag_filter(None)
    beginners = {r.routine.title for r in bridge.values() if r.routine.level is Level.BEGINNER}
    assert set(_titles(view)) == beginners

    view.set_level_filter(Level.ADVANCED)  # no bundled advanced routine
    assert view.cards() == []
    assert not view.empty_box.isHidden()
    assert not view.clear_filters_button.isHidden()
    view.clear_filters_button.click()
    assert set(_titles(view)) == all_titles
    assert view.empty_box.isHidden()


def test_tag_filter_lists_every_tag_once(view: LibraryView) -> None:
    tags = [view.tag_filter.itemData(i) for i in range(view.tag_filter.count())]
    assert tags[0] is None
    assert len(tags) == len(set(tags))
    assert "glutes" in tags


def test_adding_a_valid_file_adds_a_card(
    view: LibraryView, tmp_path: Path, messages: MessageCatcher
) -> None:
    data = _routine_data()
    data.update(id="my-bridges", title="My own bridges", level="advanced")
    path = _write(tmp_path / "mine.json", data)
    before = len(view.cards())
    view.set_tag_filter("stretch")  # the new card must not be hidden by a filter

    assert view.add_file(path) is True

    assert len(view.cards()) == before + 1
    card = next(c for c in view.cards() if c.title == "My own bridges")
    assert card.source is Source.FILE
    assert "Opened file" in card.facts_label.text()
    assert messages.shown == []
    # a second add of the same file does not duplicate it; a refresh keeps it
    assert view.add_file(path) is True
    view.refresh()
    assert _titles(view).count("My own bridges") == 1


def test_an_invalid_file_shows_the_validate_lines_and_adds_nothing(
    view: LibraryView,
    tmp_path: Path,
    messages: MessageCatcher,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _routine_data()
    data["steps"][1]["hold_s"] = 9999
    data["steps"][1]["repz"] = 3
    data["level"] = "expert"
    path = _write(tmp_path / "broken.json", data)
    before = _titles(view)

    assert view.add_file(path) is False

    assert _titles(view) == before
    assert len(messages.shown) == 1
    kind, title, text = messages.shown[0]
    assert kind == "warning"
    assert title
    lines = _validate_lines(path, capsys)
    assert len(lines) >= 3
    assert text.splitlines() == lines


def test_invalid_json_and_missing_files_say_what_validate_says(
    view: LibraryView,
    tmp_path: Path,
    messages: MessageCatcher,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"format_version": 1,\n  "id": }', encoding="utf-8")
    missing = tmp_path / "nowhere.json"
    for path in (bad_json, missing):
        assert view.add_file(path) is False
        assert messages.shown[-1][2].splitlines() == _validate_lines(path, capsys)


def _drop(view: LibraryView, paths: list[Path]) -> tuple[bool, bool]:
    """Drag ``paths`` onto the view and drop them; (drag accepted, drop accepted)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view, enter)
    if not enter.isAccepted():
        return False, False
    event = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view, event)
    return True, event.isAccepted()


def test_dropping_routine_files_adds_the_valid_ones(
    view: LibraryView, tmp_path: Path, messages: MessageCatcher
) -> None:
    data = _routine_data()
    data.update(id="dropped", title="Dropped bridges")
    good = _write(tmp_path / "dropped.json", data)
    bad = _write(tmp_path / "bad.json", {"format_version": 1})
    other = tmp_path / "notes.txt"
    other.write_text("not a routine", encoding="utf-8")
    before = len(view.cards())

    assert _drop(view, [good, bad, other]) == (True, True)

    assert len(view.cards()) == before + 1
    assert "Dropped bridges" in _titles(view)
    assert [m[0] for m in messages.shown] == ["warning"]
    assert str(bad) in messages.shown[0][2]


def test_dropping_only_non_routine_files_is_ignored(view: LibraryView, tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("x", encoding="utf-8")
    before = _titles(view)
    assert _drop(view, [other]) == (False, False)
    assert _titles(view) == before


def test_user_routines_are_shown_and_unreadable_ones_are_noted(
    qtbot: QtBot, messages: MessageCatcher
) -> None:
    data = _routine_data()
    data.update(id="from-my-folder", title="From my folder")
    _write(user_routines_dir() / "mine.json", data)
    _write(user_routines_dir() / "broken.json", {"format_version": 1, "id": "x"})
    view = LibraryView()
    qtbot.addWidget(view)

    card = next(c for c in view.cards() if c.title == "From my folder")
    assert card.source is Source.USER
    assert len(view.invalid_entries()) == 1
    assert not view.invalid_button.isHidden()
    assert "1 routine could not be read" in view.invalid_button.text()
    view.invalid_button.click()
    kind, _, text = messages.shown[-1]
    assert kind == "information"
    assert "broken.json" in text
    assert "is required but missing" in text


def test_no_note_when_every_routine_reads(view: LibraryView) -> None:
    assert view.invalid_button.isHidden()


def test_keyboard_arrows_move_between_cards_and_enter_opens(
    qtbot: QtBot, view: LibraryView
) -> None:
    _show(qtbot, view)
    cards = view.cards()
    columns = view.grid.columns()
    assert columns >= 2
    first = cards[0]
    assert first.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the grid's one Tab stop
    assert all(c.focusPolicy() == Qt.FocusPolicy.ClickFocus for c in cards[1:])

    view.focus_cards()
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert view.grid.current_card() is cards[1]
    qtbot.keyClick(cards[1], Qt.Key.Key_Down)
    target = cards[1 + columns]
    assert view.grid.current_card() is target
    assert target.focusPolicy() == Qt.FocusPolicy.StrongFocus
    qtbot.keyClick(target, Qt.Key.Key_Left)
    assert view.grid.current_card() is cards[columns]
    qtbot.keyClick(cards[columns], Qt.Key.Key_Up)
    assert view.grid.current_card() is cards[0]
    qtbot.keyClick(cards[0], Qt.Key.Key_End)
    assert view.grid.current_card() is cards[-1]

    with qtbot.waitSignal(view.routine_opened, timeout=1000) as blocker:
        qtbot.keyClick(cards[-1], Qt.Key.Key_Return)
    assert blocker.args == [cards[-1].loaded]


def test_tab_reaches_the_cards(qtbot: QtBot, view: LibraryView) -> None:
    _show(qtbot, view)
    view.open_button.setFocus()
    qtbot.waitUntil(view.open_button.hasFocus)
    reached = []
    for _ in range(10):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
        if isinstance(reached[-1], RoutineCard):
            break
    assert reached[-1] is view.cards()[0]
    assert len(reached) <= 3  # the cards follow the "Open routine file" button closely


def test_clicking_a_card_opens_it(qtbot: QtBot, view: LibraryView) -> None:
    _show(qtbot, view)
    card = view.cards()[2]
    with qtbot.waitSignal(view.routine_opened, timeout=1000) as blocker:
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert blocker.args == [card.loaded]


def test_education_and_settings_buttons_emit(qtbot: QtBot, view: LibraryView) -> None:
    with qtbot.waitSignal(view.education_requested, timeout=1000):
        view.education_button.click()
    with qtbot.waitSignal(view.settings_requested, timeout=1000):
        view.settings_button.click()
    assert view.education_button.accessibleName()
    assert view.settings_button.accessibleName()
    assert view.tag_filter.accessibleName()
    assert view.level_filter.accessibleName()


def test_open_file_dialog_adds_the_chosen_files(
    view: LibraryView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    data = _routine_data()
    data.update(id="picked", title="Picked in the dialog")
    path = _write(tmp_path / "picked.json", data)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], "Routine files (*.json)")
    )
    view.open_button.click()
    assert "Picked in the dialog" in _titles(view)


def test_cards_reflow_to_the_width(qtbot: QtBot, view: LibraryView) -> None:
    _show(qtbot, view)
    view.resize(1920, 1080)
    qtbot.waitUntil(lambda: view.grid.columns() == 4)
    view.resize(800, 600)
    qtbot.waitUntil(lambda: view.grid.columns() == 2)


def test_loaded_for_finds_bundled_and_opened_files(view: LibraryView, tmp_path: Path) -> None:
    bundled = ROUTINES / "glute-session-15-min.json"
    found = view.loaded_for(bundled)
    assert found is not None
    assert found.routine.id == "glute-session-15-min"
    data = _routine_data()
    data.update(id="opened", title="Opened")
    path = _write(tmp_path / "opened.json", data)
    assert view.loaded_for(path) is None
    assert view.add_file(path)
    opened = view.loaded_for(path)
    assert opened is not None
    assert opened.routine.title == "Opened"


def test_focusing_the_page_focuses_the_current_card(qtbot: QtBot, view: LibraryView) -> None:
    _show(qtbot, view)
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.cards()[0])
    view.set_tag_filter("stretch")
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.cards()[0])


# --- routine packages (.zip) -----------------------------------------------------------------


def _package(tmp_path: Path, routine_id: str, title: str) -> Path:
    """A routine with its own illustration beside it, exported as a package."""
    from glute_coach.storage.routine_package import export_package

    folder = tmp_path / routine_id
    folder.mkdir()
    (folder / "bridge.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 5"><rect width="10" height="5"/></svg>',
        encoding="utf-8",
    )
    data = _routine_data()
    data.update(id=routine_id, title=title)
    data["steps"][1]["image"] = "bridge.svg"
    loaded = load_routine(_write(folder / "routine.json", data))
    return export_package(loaded, tmp_path / f"{routine_id}.zip")


def test_adding_a_package_imports_it_into_the_users_routines(
    view: LibraryView, tmp_path: Path, messages: MessageCatcher
) -> None:
    package = _package(tmp_path, "shared-bridges", "Shared bridges")
    view.set_tag_filter("stretch")  # the new card must not be hidden by a filter

    assert view.add_file(package) is True

    assert messages.shown == []
    card = next(c for c in view.cards() if c.title == "Shared bridges")
    assert card.source is Source.USER
    imported = user_routines_dir() / "shared-bridges" / "routine.json"
    assert imported.is_file()
    assert (imported.parent / "bridge.svg").is_file()
    loaded = view.loaded_for(imported)
    assert loaded is not None
    assert loaded.resolve_asset("bridge.svg") == (imported.parent / "bridge.svg").resolve()
    view.refresh()  # the imported routine stays for this session
    assert _titles(view).count("Shared bridges") == 1


def test_an_unsafe_package_is_refused_with_one_plain_line(
    view: LibraryView, tmp_path: Path, messages: MessageCatcher
) -> None:
    import zipfile

    bad = tmp_path / "evil.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("../../escape.json", "{}")
    before = _titles(view)

    assert view.add_file(bad) is False

    assert _titles(view) == before
    assert len(messages.shown) == 1
    kind, _title, text = messages.shown[0]
    assert kind == "warning"
    assert text.startswith("this file is not a Glute Coach routine package: ")
    assert len(text.splitlines()) == 1
    assert not user_routines_dir().exists() or list(user_routines_dir().iterdir()) == []


def test_packages_can_be_dropped_and_chosen_in_the_dialog(
    view: LibraryView, tmp_path: Path, messages: MessageCatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    dropped = _package(tmp_path, "dropped-package", "Dropped package")
    assert _drop(view, [dropped]) == (True, True)
    assert "Dropped package" in _titles(view)

    picked = _package(tmp_path, "picked-package", "Picked package")
    filters: list[str] = []

    def choose(*args: object, **kwargs: object) -> tuple[list[str], str]:
        filters.append(str(args[3]))
        return [str(picked)], str(args[3])

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    view.open_button.click()
    assert "Picked package" in _titles(view)
    assert "*.json" in filters[0]
    assert "*.zip" in filters[0]
    assert messages.shown == []
