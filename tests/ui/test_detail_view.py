"""The routine page: steps with times, total, safety, references, images; pain and Start."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from glute_coach.core.loading import LoadedRoutine, load_routine
from glute_coach.core.resources import builtin_asset
from glute_coach.ui.detail_view import DetailView, step_rows
from glute_coach.ui.widgets import SvgImage, clock_text
from tests.conftest import ROUTINES, bundled_routine_files


@pytest.fixture
def view(qtbot: QtBot) -> DetailView:
    widget = DetailView()
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    return widget


@pytest.fixture
def session() -> LoadedRoutine:
    return load_routine(ROUTINES / "glute-session-15-min.json")


def _page_text(view: DetailView) -> str:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QLabel

    out = []
    for label in view.findChildren(QLabel):
        if label.textFormat() == Qt.TextFormat.RichText:
            doc = QTextDocument()
            doc.setHtml(label.text())
            out.append(doc.toPlainText())
        else:
            out.append(label.text())
    return "\n".join(out)


def test_total_time_and_facts(view: DetailView, session: LoadedRoutine) -> None:
    view.show_routine(session)
    assert view.title_label.text() == "15-minute glute session"
    assert view.total_label.text() == clock_text(session.timeline.total_s) == "15:45"
    assert "15:45" in view.total_label.accessibleName()
    assert view.frequency_label.text() == "3 times a week"
    text = _page_text(view)
    for item in session.routine.equipment:
        assert item in text
    assert "With a rest day in between" in text
    assert "Intermediate" in text


def test_steps_follow_the_timeline_blocks(view: DetailView, session: LoadedRoutine) -> None:
    view.show_routine(session)
    rows = view.step_rows
    blocks = sorted({s.block for s in session.timeline.segments})
    assert len(rows) == len(blocks) == len(view.step_labels)
    assert rows[0].start_s == 0
    for prev, row in pairwise(rows):
        assert row.start_s == pytest.approx(prev.start_s + prev.length_s)
    last = rows[-1]
    assert last.start_s + last.length_s == pytest.approx(session.timeline.total_s)
    names = [r.name for r in rows]
    assert names == [
        "Your 15-minute glute session",
        "Half-kneeling hip flexor stretch",
        "Standing glute squeeze",
        "Glute bridge",
        "Side bridge from the knees",
        "Glute bridge",
        "Side bridge from the knees",
        "Rest",
        "Step-up",
        "Split squat",
    ]
    bridge = rows[3]
    assert bridge.detail == "8 reps × 8 s hold"
    assert bridge.round_note == "Floor circuit, round 1 of 2"
    assert rows[5].round_note == "Floor circuit, round 2 of 2"
    assert rows[1].detail == "40 s · each side"
    assert rows[8].detail.startswith("8 reps × 8 s (pause 2 s, raise 2 s, hold 1 s, lower 3 s)")
    assert rows[8].detail.endswith("each side")
    # the rows on screen say the same, with their start times
    text = _page_text(view)
    assert "Floor circuit, round 2 of 2" in text
    for row in rows:
        assert clock_text(row.start_s) in text


def test_sets_reps_and_holds_are_shown(session: LoadedRoutine) -> None:
    bridges = load_routine(ROUTINES / "glute-bridge-progression.json")
    rows = {r.name: r for r in step_rows(bridges)}
    assert rows["Glute bridge"].detail == "2 sets × 8 reps × 10 s hold"
    assert rows["Single-leg bridge"].detail == "2 sets × 6 reps × 8 s hold · each side"
    assert rows["Marching bridge"].detail.startswith("2 sets × 8 reps × 6 s (raise 2 s")
    calibration = load_routine(ROUTINES / "biofeedback-session.json")
    details = [r.detail for r in step_rows(calibration)]
    assert any("gluteus maximus" in d and "each side" in d for d in details)


@pytest.mark.parametrize("path", bundled_routine_files(), ids=lambda p: p.stem)
def test_every_bundled_routine_shows_cleanly(view: DetailView, path: Path) -> None:
    loaded = load_routine(path)
    view.show_routine(loaded)
    rows = view.step_rows
    assert len(rows) == len({s.block for s in loaded.timeline.segments})
    assert all(r.name and r.length_s > 0 for r in rows)
    assert view.images
    assert not any(image.is_placeholder for image in view.images)


def test_instructions_references_and_safety_notes(view: DetailView, session: LoadedRoutine) -> None:
    view.show_routine(session)
    text = _page_text(view)
    routine = session.routine
    for note in routine.safety_notes:
        assert note in text
    assert "Before you start" in text
    for ref in routine.references:
        assert ref.citation[:40] in text
    references = view.references_label.text()
    assert "https://doi.org/10.2519/jospt.2009.2796" in references
    assert "PMC3201064" in references
    assert view.references_label.openExternalLinks()
    bridge = next(s for s in routine.steps if getattr(s, "name", "") == "Standing glute squeeze")
    for line in bridge.instructions:  # type: ignore[union-attr]
        assert line in text


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_missing_image_shows_the_placeholder(view: DetailView, tmp_path: Path) -> None:
    data = json.loads((ROUTINES / "glute-bridge-progression.json").read_text(encoding="utf-8"))
    del data["steps"][1]["image"]  # the glute bridge has no illustration now
    loaded = load_routine(_write(tmp_path / "no-image.json", data))
    view.show_routine(loaded)
    placeholders = [i for i in view.images if i.is_placeholder]
    assert len(placeholders) == 1
    image = placeholders[0]
    assert image.path == builtin_asset("images/placeholder.svg")
    assert "Glute bridge" in image.accessibleName()
    assert "no illustration" in image.accessibleName()
    others = [i for i in view.images if not i.is_placeholder]
    assert others
    assert all(i.accessibleName() for i in others)


def test_an_svg_that_cannot_be_read_falls_back_to_the_placeholder(
    qtbot: QtBot, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg this is not svg", encoding="utf-8")
    image = SvgImage(broken, alt="Broken")
    qtbot.addWidget(image)
    assert image.is_placeholder
    image.set_image(builtin_asset("images/glute-bridge.svg"), alt="")
    assert not image.is_placeholder
    assert image.accessibleName() == "Glute bridge"  # the SVG's own title
    assert image.heightForWidth(400) == 200


def test_svg_strokes_take_the_palette_text_colour(qtbot: QtBot) -> None:
    from PySide6.QtGui import QColor, QPalette

    image = SvgImage(builtin_asset("images/glute-bridge.svg"))
    qtbot.addWidget(image)
    image.resize(640, 320)
    palette = image.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#000000"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#ffffff"))
    image.setPalette(palette)
    picture = image.grab().toImage()
    colours = {picture.pixelColor(x, y).name() for x in range(0, 640, 2) for y in range(200, 300)}
    assert "#ffffff" in colours  # the figure is drawn in the (light) text colour


def test_start_carries_the_chosen_pain(
    qtbot: QtBot, view: DetailView, session: LoadedRoutine
) -> None:
    view.show_routine(session)
    assert view.pain_value() is None
    with qtbot.assertNotEmitted(view.start_requested):
        view.start_button.click()  # nothing chosen yet: a hint, no start
    assert "choose" in view.start_hint.text().lower()

    view.pain.buttons[3].click()
    assert view.pain_value() == 3
    with qtbot.waitSignal(view.start_requested, timeout=1000) as blocker:
        view.start_button.click()
    assert blocker.args == [session, 3]


def test_pain_scale_works_from_the_keyboard(
    qtbot: QtBot, view: DetailView, session: LoadedRoutine
) -> None:
    view.show_routine(session)
    view.show()
    view.activateWindow()
    qtbot.waitExposed(view)
    buttons = view.pain.buttons
    assert len(buttons) == 11
    assert all(b.height() >= 48 and b.width() >= 48 for b in buttons)
    assert [b.accessibleName() for b in buttons][:2] == ["Pain 0 out of 10", "Pain 1 out of 10"]
    view.pain.setFocus()
    qtbot.waitUntil(buttons[0].hasFocus)
    qtbot.keyClick(buttons[0], Qt.Key.Key_Right)
    qtbot.keyClick(buttons[1], Qt.Key.Key_Right)
    assert view.pain_value() == 2
    qtbot.keyClick(buttons[2], Qt.Key.Key_7)
    assert view.pain_value() == 7
    assert QApplication.focusWidget() is buttons[7]
    assert buttons[7].focusPolicy() == Qt.FocusPolicy.StrongFocus  # the row's one Tab stop
    assert buttons[0].focusPolicy() == Qt.FocusPolicy.ClickFocus
    qtbot.keyClick(buttons[7], Qt.Key.Key_End)
    assert view.pain_value() == 10
    qtbot.keyClick(buttons[10], Qt.Key.Key_Left)
    assert view.pain_value() == 9
    with qtbot.waitSignal(view.start_requested, timeout=1000) as blocker:
        view.start_button.setFocus()
        qtbot.keyClick(view.start_button, Qt.Key.Key_Space)
    assert blocker.args == [session, 9]


def test_showing_another_routine_resets_the_pain(view: DetailView, session: LoadedRoutine) -> None:
    view.show_routine(session)
    view.set_pain(5)
    view.show_routine(load_routine(ROUTINES / "single-leg-side-bridge.json"))
    assert view.pain_value() is None
    assert view.title_label.text() == "Single-leg side bridge progression"


def test_back_button_and_escape(qtbot: QtBot, view: DetailView, session: LoadedRoutine) -> None:
    view.show_routine(session)
    with qtbot.waitSignal(view.back_requested, timeout=1000):
        view.back_button.click()
    with qtbot.waitSignal(view.back_requested, timeout=1000):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.back_button.accessibleName() == "Back to the library"
    assert view.start_button.accessibleName()


def test_narrow_windows_stack_the_columns(
    qtbot: QtBot, view: DetailView, session: LoadedRoutine
) -> None:
    from PySide6.QtWidgets import QBoxLayout

    view.show_routine(session)
    view.show()
    qtbot.waitExposed(view)
    view.resize(900, 700)
    qtbot.waitUntil(lambda: view._columns.direction() == QBoxLayout.Direction.TopToBottom)
    view.resize(1600, 900)
    qtbot.waitUntil(lambda: view._columns.direction() == QBoxLayout.Direction.RightToLeft)


def test_focusing_the_page_focuses_the_pain_scale(
    qtbot: QtBot, view: DetailView, session: LoadedRoutine
) -> None:
    view.show_routine(session)
    view.show()
    view.activateWindow()
    qtbot.waitExposed(view)
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.pain.buttons[0])
