"""The printable handout: real text, every step, safety notes and DOIs; pages not blank.

The PDF is checked with poppler-utils (pdftoppm renders its pages, pdftotext reads its text),
as a person and a screen reader would meet it. Without poppler-utils these tests skip on a
developer's machine, and fail under CI=true (scripts/install-system-deps installs it).
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage, QPageSize, QPdfWriter, QTextCursor, QTextTable

from glute_coach.core.loading import LoadedRoutine, load_routine
from glute_coach.core.routine import (
    CalibrationStep,
    ExerciseStep,
    InfoStep,
    RepeatStep,
    Step,
)
from glute_coach.ui.detail_view import step_detail
from glute_coach.ui.handout import handout_document, handout_html, write_handout_pdf
from tests.conftest import ROUTINES
from tests.ui.pdf_support import ink, require_poppler, squash

HANDOUT_ROUTINES = ("glute-session-15-min", "glute-bridge-progression")
MIN_INK = 0.01  # share of a page's pixels that are not white


def _load(name: str) -> LoadedRoutine:
    return load_routine(ROUTINES / f"{name}.json")


def _names(steps: list[Step]) -> list[str]:
    out: list[str] = []
    for step in steps:
        if isinstance(step, RepeatStep):
            out += _names(list(step.steps))
        elif isinstance(step, ExerciseStep):
            out.append(step.name)
        elif isinstance(step, InfoStep):
            out.append(step.title)
    return out


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory, qapp: object) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("handouts")
    return {
        name: write_handout_pdf(_load(name), folder / f"{name}.pdf", client="Sam Example")
        for name in HANDOUT_ROUTINES
    }


@pytest.mark.parametrize("name", HANDOUT_ROUTINES)
def test_pages_are_a4_portrait_and_none_is_blank(
    name: str, pdfs: dict[str, Path], tmp_path: Path
) -> None:
    require_poppler()
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", str(pdfs[name]), str(tmp_path / "page")],
        check=True,
        timeout=120,
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    steps = len(_names(list(_load(name).routine.steps)))
    assert 2 <= len(pages) <= steps + 2, f"{len(pages)} pages for {steps} steps"
    for page in pages:
        image = QImage(str(page))
        # A4 at 50 dpi, portrait (pdftoppm rounds 413.2 up)
        assert abs(image.width() - 413) <= 1
        assert abs(image.height() - 585) <= 1
        assert ink(image) > MIN_INK, f"{page.name} is (nearly) blank"


@pytest.mark.parametrize("name", HANDOUT_ROUTINES)
def test_text_is_real_text_with_every_step_safety_and_a_doi(
    name: str, pdfs: dict[str, Path]
) -> None:
    require_poppler()
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdfs[name]), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    routine = _load(name).routine
    squashed = squash(text)
    assert squash(routine.title) in squashed
    assert not re.search("[\ufb00-\ufb06]", text), "ligatures do not copy or search as letters"
    for step_name in _names(list(routine.steps)):
        assert squash(step_name) in squashed, step_name
    for note in routine.safety_notes:
        assert squash(note) in squashed, note
    assert "Safety" in text
    dois = [ref.doi for ref in routine.references if ref.doi]
    assert dois
    for doi in dois:
        assert squash(doi) in squashed, doi
    assert "Sam Example" in text
    assert "Made with Glute Coach" in text
    assert re.search(r"Page 1 of \d", text)
    assert "switch off" not in text.lower()  # no fear language


def test_steps_are_in_order_with_their_numbers(pdfs: dict[str, Path]) -> None:
    require_poppler()
    text = subprocess.run(
        ["pdftotext", str(pdfs["glute-session-15-min"]), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    squashed = squash(text)
    names = _names(list(_load("glute-session-15-min").routine.steps))
    positions = [squashed.find(squash(n)) for n in names]
    assert positions == sorted(positions)
    assert "Floorcircuit" in squashed  # the repeat block says what repeats and how often
    assert "2roundsinall" in squashed


def test_html_has_an_illustration_per_illustrated_step_and_the_numbers(qapp: object) -> None:
    loaded = _load("glute-bridge-progression")
    html_text, images = handout_html(loaded)
    steps = [
        s
        for s in loaded.routine.steps
        if isinstance(s, ExerciseStep | CalibrationStep | InfoStep) and s.image
    ]
    assert len(images) == len(steps) > 0
    for image in images.values():
        assert not image.isNull()
        assert image.width() >= 600  # print resolution, not screen thumbnails
    exercises = [s for s in loaded.routine.steps if isinstance(s, ExerciseStep)]
    for step in exercises:  # sets × reps × hold or duration, and sides, as the app says them
        assert html.escape(step_detail(step)) in html_text
    assert "between reps" in html_text


@pytest.mark.parametrize("height_mm", [257, 120])
def test_no_card_is_split_across_pages(qapp: object, tmp_path: Path, height_mm: int) -> None:
    """Each exercise card (picture, numbers, instructions) sits whole on one page."""
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(300)
    mm = 300 / 25.4
    page = QSizeF(174 * mm, height_mm * mm)
    doc = handout_document(_load("glute-session-15-min"), writer, page)
    layout = doc.documentLayout()
    tables = 0
    block = doc.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if isinstance(table, QTextTable):
            if table.parentFrame() == doc.rootFrame():
                rect = layout.frameBoundingRect(table)
                first = int(rect.top() // page.height())
                last = int((rect.bottom() - 1) // page.height())
                assert first == last, f"a card runs from page {first + 1} onto page {last + 1}"
                tables += 1
            block = doc.findBlock(table.lastPosition() + 1)
            continue
        block = block.next()
    assert tables >= 7  # the facts strip and every card were checked


def test_letter_paper_and_unknown_sizes(qapp: object, tmp_path: Path) -> None:
    require_poppler()
    out = write_handout_pdf(
        _load("glute-bridge-progression"), tmp_path / "a.pdf", page_size="Letter"
    )
    subprocess.run(
        ["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", str(out), str(tmp_path / "p")],
        check=True,
        timeout=120,
    )
    image = QImage(str(next(tmp_path.glob("p-*.png"))))
    size = QPageSize(QPageSize.PageSizeId.Letter).size(QPageSize.Unit.Inch)
    assert abs(image.width() - size.width() * 50) <= 1
    assert abs(image.height() - size.height() * 50) <= 1
    with pytest.raises(ValueError, match="page size"):
        write_handout_pdf(_load("glute-bridge-progression"), tmp_path / "b.pdf", page_size="B9")
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["a.pdf"]  # no half-written files
