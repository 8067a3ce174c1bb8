"""The "Understand your glutes" page: calm wording, myths corrected, references given."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from glute_coach.ui.education_view import REFERENCES, EducationView

# Words that frighten or that repeat the "switched off" idea; allowed only inside a myth and
# its correction.
FEAR_WORDS = (
    "asleep",
    "sleeping",
    "switched off",
    "switch off",
    "turned off",
    "shut down",
    "amnesia",
    "dormant",
    "dead butt",
    "damage",
    "dangerous",
    "danger",
    "harm",
    "fragile",
    "permanent",
    "irreversible",
    "degenerat",
    "ruin",
    "broken",
    "never recover",
    "catastroph",
)


@pytest.fixture
def view(qtbot: QtBot) -> EducationView:
    widget = EducationView()
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    return widget


def test_no_fear_words_outside_the_myth_corrections(view: EducationView) -> None:
    body = "\n".join(view.texts(myths=False)).lower()
    assert len(body) > 2000
    found = [w for w in FEAR_WORDS if re.search(rf"\b{re.escape(w)}", body)]
    assert found == []


def test_the_myths_are_named_and_corrected(view: EducationView) -> None:
    myths = view.texts(myths=True)
    assert len(myths) >= 8  # a myth and its correction, several times
    text = "\n".join(myths)
    for word in ("switched off", "asleep", "amnesia"):
        assert word in text
    assert "Glutes do not switch off, fall asleep or forget how to work" in text
    assert "burn" in text
    assert "More is always better" in text
    for line in myths[1::2]:
        assert line.startswith("What the evidence says:")


def test_the_three_reasons_and_the_hip_flexor_section(view: EducationView) -> None:
    text = "\n".join(view.texts())
    for part in ("Weakness", "Altered motor control", "Inhibition by pain"):
        assert part in text
    assert "targeted, progressive strengthening" in text
    assert "hip flexor" in text.lower()
    assert "easier to feel the glutes" in text
    assert "When to see a clinician" in text


def test_references_are_listed_with_their_dois(view: EducationView) -> None:
    text = "\n".join(view.texts())
    for name in ("Distefano", "Neumann", "Reiman", "Lewis", "Selkowitz"):
        assert any(ref.citation.startswith(name) for ref in REFERENCES)
        assert name in text
    links = view.references_label.text()
    assert "https://doi.org/10.2519/jospt.2009.2796" in links
    assert "https://doi.org/10.2519/jospt.2010.3025" in links
    assert "https://doi.org/10.3109/09593985.2011.604981" in links
    assert "https://doi.org/10.2519/jospt.2013.4116" in links
    lewis = next(r for r in REFERENCES if r.citation.startswith("Lewis"))
    assert lewis.doi is None  # no DOI is made up


def test_text_is_large_and_in_a_scroll_area(view: EducationView) -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

    assert isinstance(view.scroll_area, QScrollArea)
    base = QApplication.font().pointSizeF()
    page = view.scroll_area.widget()
    assert page is not None
    sizes = [label.font().pointSizeF() for label in page.findChildren(QLabel)]
    assert min(sizes) >= base  # nothing smaller than the base font


def test_back(qtbot: QtBot, view: EducationView) -> None:
    with qtbot.waitSignal(view.back_requested, timeout=1000):
        view.back_button.click()
    with qtbot.waitSignal(view.back_requested, timeout=1000):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
