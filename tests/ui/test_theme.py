"""Theme colours meet WCAG AA; the stylesheet applies; SVGs pick up the text colour."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget

from glute_coach.core.timeline import SegmentKind
from glute_coach.storage.settings import Theme
from glute_coach.ui import theme
from glute_coach.ui.theme import (
    ThemeColors,
    apply_theme,
    contrast_ratio,
    palette_for,
    phase_color,
    phase_text_color,
    svg_with_color,
)

TEXT = 4.5  # WCAG AA, normal text
UI = 3.0  # WCAG AA, large text and the outlines of controls

THEMES = list(Theme)


@pytest.fixture(autouse=True)
def _restore_app_theme(qapp: QApplication):
    yield
    apply_theme(qapp, Theme.LIGHT, 1.0)


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#ffffff", "#767676") == contrast_ratio("#767676", "#ffffff")


@pytest.mark.parametrize("which", THEMES)
def test_every_field_is_a_hex_colour(which: Theme) -> None:
    colors = palette_for(which)
    for name in theme.color_fields():
        value = getattr(colors, name)
        assert isinstance(value, str)
        assert re.fullmatch(r"#[0-9a-f]{6}", value), (name, value)


@pytest.mark.parametrize("which", THEMES)
@pytest.mark.parametrize(
    ("fg", "bg"),
    [
        ("text", "background"),
        ("text", "surface"),
        ("muted_text", "background"),
        ("muted_text", "surface"),
        ("on_accent", "accent"),
        ("accent", "background"),  # links and accent-coloured text
        ("accent", "surface"),
    ],
)
def test_text_pairs_meet_aa(which: Theme, fg: str, bg: str) -> None:
    colors = palette_for(which)
    ratio = contrast_ratio(getattr(colors, fg), getattr(colors, bg))
    assert ratio >= TEXT, f"{which}: {fg} on {bg} is {ratio:.2f}:1"


@pytest.mark.parametrize("which", THEMES)
@pytest.mark.parametrize("component", ["focus", "border", "accent"])
@pytest.mark.parametrize("bg", ["background", "surface"])
def test_ui_components_meet_aa(which: Theme, component: str, bg: str) -> None:
    colors = palette_for(which)
    ratio = contrast_ratio(getattr(colors, component), getattr(colors, bg))
    assert ratio >= UI, f"{which}: {component} on {bg} is {ratio:.2f}:1"


@pytest.mark.parametrize("which", THEMES)
@pytest.mark.parametrize("kind", list(SegmentKind))
def test_phase_text_is_readable_and_phase_stands_out(which: Theme, kind: SegmentKind) -> None:
    colors = palette_for(which)
    phase = phase_color(colors, kind)
    text_ratio = contrast_ratio(phase_text_color(colors, kind), phase)
    assert text_ratio >= TEXT, f"{which}: text on {kind} is {text_ratio:.2f}:1"
    for bg in ("background", "surface"):
        ratio = contrast_ratio(phase, getattr(colors, bg))
        assert ratio >= UI, f"{which}: {kind} on {bg} is {ratio:.2f}:1"


@pytest.mark.parametrize("which", THEMES)
def test_phases_have_distinct_colours(which: Theme) -> None:
    colors = palette_for(which)
    values = [phase_color(colors, kind) for kind in SegmentKind]
    assert len(set(values)) == len(values)


def test_palette_for_accepts_string_values_and_is_frozen() -> None:
    assert palette_for("dark") is palette_for(Theme.DARK)  # type: ignore[arg-type]
    colors = palette_for(Theme.LIGHT)
    with pytest.raises(AttributeError):
        colors.text = "#000000"  # type: ignore[misc]
    assert isinstance(colors, ThemeColors)


def test_phase_color_maps_each_kind() -> None:
    colors = palette_for(Theme.LIGHT)
    assert phase_color(colors, SegmentKind.WORK) == colors.work
    assert phase_color(colors, SegmentKind.SWITCH_SIDES) == colors.switch
    assert phase_color(colors, SegmentKind.CALIBRATE) == colors.calibrate


def test_svg_with_color_replaces_current_color() -> None:
    colors = palette_for(Theme.DARK)
    svg = '<svg><path stroke="currentColor" fill="currentColor"/></svg>'
    out = svg_with_color(svg, colors)
    assert isinstance(out, bytes)
    assert b"currentColor" not in out
    assert out.count(colors.text.encode()) == 2


@pytest.mark.parametrize("which", THEMES)
def test_apply_theme_sets_palette_font_and_stylesheet(qapp: QApplication, which: Theme) -> None:
    colors = apply_theme(qapp, which, 1.5)
    palette = qapp.palette()
    assert palette.color(QPalette.ColorRole.Window).name() == colors.background
    assert palette.color(QPalette.ColorRole.WindowText).name() == colors.text
    assert palette.color(QPalette.ColorRole.Highlight).name() == colors.accent
    assert qapp.font().pointSizeF() == pytest.approx(13 * 1.5)
    sheet = qapp.styleSheet()
    assert colors.focus in sheet
    assert ":focus" in sheet
    for role in ("title", "countdown", "badge", "card", "primary", "caption"):
        assert f'[role="{role}"]' in sheet


def test_stylesheet_parses_and_buttons_are_tall_enough(qapp: QApplication, qtbot) -> None:
    problems: list[str] = []

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "style" in message.lower() or kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            problems.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        apply_theme(qapp, Theme.HIGH_CONTRAST, 1.0)
        root = QWidget()
        layout = QVBoxLayout(root)
        plain = QPushButton("OK")
        primary = QPushButton("Start")
        primary.setProperty("role", "primary")
        title = QLabel("Title")
        title.setProperty("role", "title")
        countdown = QLabel("12")
        countdown.setProperty("role", "countdown")
        for widget in (plain, primary, title, countdown, QCheckBox("Mute")):
            layout.addWidget(widget)
        qtbot.addWidget(root)
        with qtbot.waitExposed(root):
            root.show()
    finally:
        qInstallMessageHandler(previous)
    assert problems == []
    assert plain.height() >= theme.MIN_BUTTON_HEIGHT
    assert primary.height() >= theme.PRIMARY_BUTTON_HEIGHT
    assert title.fontInfo().pointSizeF() > plain.fontInfo().pointSizeF()
    assert countdown.fontInfo().pointSizeF() >= 5 * plain.fontInfo().pointSizeF()
