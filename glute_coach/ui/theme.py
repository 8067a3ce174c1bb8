"""Colours, fonts and the application stylesheet: light, dark and high-contrast themes.

Every colour pair the interface draws text with meets WCAG AA (4.5:1 for text, 3:1 for large
text and for the outlines of controls and the focus ring); ``tests/ui/test_theme.py`` computes
the ratios. Phase colours are backgrounds: draw phase text on them in ``colors.on_phase``
(``phase_text_color``), and always name the phase in words too — colour is never the only cue.

Widgets style themselves by property, e.g. ``label.setProperty("role", "title")``:

- ``title``     page title (1.9x base size, bold)
- ``heading``   section heading (1.35x, bold)
- ``countdown`` the player's huge countdown (7x, bold, tabular figures)
- ``badge``     a rounded pill (bold, padded); give it a phase colour with ``badge_style``
- ``card``      a raised surface with a border and rounded corners (QFrame)
- ``primary``   the big primary button (accent background, at least 64 px tall)
- ``caption``   secondary explanatory text (muted colour)

Every button is at least 48 px tall; every focusable control draws a 3 px focus ring.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from glute_coach.core.timeline import SegmentKind
from glute_coach.storage.settings import Theme

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 13.0
MIN_BUTTON_HEIGHT = 48
PRIMARY_BUTTON_HEIGHT = 64
FOCUS_WIDTH = 3


@dataclass(frozen=True)
class ThemeColors:
    """One theme's colours, each a ``#rrggbb`` string."""

    background: str  # window background
    surface: str  # cards, inputs, lists
    text: str  # body text on background and surface
    muted_text: str  # secondary text on background and surface (still >= 4.5:1)
    accent: str  # primary buttons, selection, slider fill
    on_accent: str  # text on accent
    focus: str  # the focus ring (>= 3:1 on background and surface)
    border: str  # outlines of inputs and cards (>= 3:1 on background and surface)
    prepare: str
    work: str
    hold: str
    rest: str
    switch: str
    info: str
    calibrate: str
    on_phase: str  # text on every phase colour (>= 4.5:1)


_THEMES: dict[Theme, ThemeColors] = {
    Theme.LIGHT: ThemeColors(
        background="#f4f5f7",
        surface="#ffffff",
        text="#17191c",
        muted_text="#4f5661",
        accent="#1f5fad",
        on_accent="#ffffff",
        focus="#c2410c",
        border="#6b7280",
        prepare="#8a5300",
        work="#b3261e",
        hold="#6a1b9a",
        rest="#1b6e34",
        switch="#1456a8",
        info="#455a64",
        calibrate="#00695c",
        on_phase="#ffffff",
    ),
    Theme.DARK: ThemeColors(
        background="#121417",
        surface="#1e2227",
        text="#eceff1",
        muted_text="#aab2bc",
        accent="#8ab4f8",
        on_accent="#0b1220",
        focus="#ffd54f",
        border="#8a939e",
        prepare="#f2c94c",
        work="#ff8a80",
        hold="#ce93d8",
        rest="#81c995",
        switch="#82b1ff",
        info="#b0bec5",
        calibrate="#4dd0c4",
        on_phase="#101214",
    ),
    Theme.HIGH_CONTRAST: ThemeColors(
        background="#000000",
        surface="#0d0d0d",
        text="#ffffff",
        muted_text="#e6e6e6",
        accent="#ffff00",
        on_accent="#000000",
        focus="#00ffff",
        border="#ffffff",
        prepare="#ffd600",
        work="#ff7a7a",
        hold="#e3a8ff",
        rest="#5cff8a",
        switch="#6ec6ff",
        info="#d9d9d9",
        calibrate="#40f0e0",
        on_phase="#000000",
    ),
}

_PHASE_FIELDS: dict[SegmentKind, str] = {
    SegmentKind.PREPARE: "prepare",
    SegmentKind.WORK: "work",
    SegmentKind.HOLD: "hold",
    SegmentKind.REST: "rest",
    SegmentKind.SWITCH_SIDES: "switch",
    SegmentKind.INFO: "info",
    SegmentKind.CALIBRATE: "calibrate",
}


def palette_for(theme: Theme) -> ThemeColors:
    """The colours of ``theme`` (a ``Theme`` or its string value)."""
    return _THEMES[Theme(theme)]


def phase_color(colors: ThemeColors, kind: SegmentKind) -> str:
    """The background colour for a phase; draw its text in ``phase_text_color``."""
    return str(getattr(colors, _PHASE_FIELDS[SegmentKind(kind)]))


def phase_text_color(colors: ThemeColors, kind: SegmentKind) -> str:
    """The text colour readable on ``phase_color(colors, kind)`` (the same for every phase)."""
    SegmentKind(kind)  # reject unknown kinds like phase_color does
    return colors.on_phase


def badge_style(colors: ThemeColors, kind: SegmentKind) -> str:
    """A per-widget stylesheet colouring a ``role=badge`` label (or any widget) for a phase."""
    return f"background-color: {phase_color(colors, kind)}; color: {colors.on_phase};"


def svg_with_color(svg_text: str, colors: ThemeColors) -> bytes:
    """SVG bytes with every ``currentColor`` drawn in the theme's text colour."""
    return svg_text.replace("currentColor", colors.text).encode("utf-8")


def color_fields() -> tuple[str, ...]:
    return tuple(f.name for f in fields(ThemeColors))


# --- contrast (WCAG 2.x) ---------------------------------------------------------------------


def relative_luminance(hex_color: str) -> float:
    value = hex_color.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #rrggbb colour: {hex_color!r}")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio between two ``#rrggbb`` colours (1.0 .. 21.0)."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


# --- stylesheet and palette ------------------------------------------------------------------


@cache
def _icon_dir() -> Path:
    """A private folder for the few small SVGs the stylesheet needs (arrows, check marks).

    Qt stylesheets load images only from files or compiled resources, and the icons take the
    theme's colours, so they are written once per colour, on first use, and removed at exit.
    """
    folder = Path(tempfile.mkdtemp(prefix="glute-coach-theme-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


_ICONS = {
    "down": '<path d="M2 4 L8 11 L14 4" fill="none" stroke="{c}" stroke-width="2.5" '
    'stroke-linecap="round" stroke-linejoin="round"/>',
    "up": '<path d="M2 11 L8 4 L14 11" fill="none" stroke="{c}" stroke-width="2.5" '
    'stroke-linecap="round" stroke-linejoin="round"/>',
    "check": '<path d="M2.5 8.5 L6.5 12.5 L13.5 3.5" fill="none" stroke="{c}" stroke-width="2.5" '
    'stroke-linecap="round" stroke-linejoin="round"/>',
    "dot": '<circle cx="8" cy="8" r="4" fill="{c}"/>',
}


def _icon(name: str, color: str) -> str:
    """Path (forward slashes, as stylesheets want) of icon ``name`` drawn in ``color``."""
    path = _icon_dir() / f"{name}-{color.lstrip('#')}.svg"
    if not path.exists():
        body = _ICONS[name].format(c=color)
        path.write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" '
            f'viewBox="0 0 16 16">{body}</svg>',
            encoding="utf-8",
        )
    return path.as_posix()


def _pt(scale: float, factor: float) -> str:
    return f"{BASE_POINT_SIZE * scale * factor:.1f}pt"


def stylesheet(colors: ThemeColors, font_scale: float = 1.0) -> str:
    """The application stylesheet for ``colors`` at ``font_scale``."""
    c = colors
    s = font_scale
    focus = f"{FOCUS_WIDTH}px solid {c.focus}"
    indicator = round(20 * s)
    arrow = round(16 * s)
    arrow_box = round(34 * s)
    return f"""
QWidget {{ color: {c.text}; }}
QMainWindow, QDialog, QStackedWidget, QScrollArea, QScrollArea > QWidget > QWidget {{
    background-color: {c.background};
}}
QToolTip {{ background-color: {c.surface}; color: {c.text}; border: 1px solid {c.border}; }}

QLabel[role="title"] {{ font-size: {_pt(s, 1.9)}; font-weight: 700; }}
QLabel[role="heading"] {{ font-size: {_pt(s, 1.35)}; font-weight: 700; }}
QLabel[role="countdown"] {{ font-size: {_pt(s, 7.0)}; font-weight: 700; }}
QLabel[role="caption"] {{ color: {c.muted_text}; }}
QLabel[role="badge"] {{
    font-weight: 700; padding: 4px 14px; border-radius: 12px;
    background-color: {c.accent}; color: {c.on_accent};
}}
QFrame[role="card"] {{
    background-color: {c.surface}; border: 1px solid {c.border}; border-radius: 12px;
}}
QFrame[role="card"] QLabel {{ background: transparent; border: none; }}
QFrame[role="card"]:focus {{ border: {focus}; }}

QPushButton, QToolButton {{
    min-height: {MIN_BUTTON_HEIGHT - 2 * FOCUS_WIDTH}px; padding: 0 18px;
    background-color: {c.surface}; color: {c.text};
    border: {FOCUS_WIDTH}px solid {c.border}; border-radius: 8px;
}}
QPushButton:hover, QToolButton:hover {{ border-color: {c.accent}; }}
QPushButton:pressed, QToolButton:pressed {{ background-color: {c.background}; }}
QPushButton:disabled, QToolButton:disabled {{ color: {c.muted_text}; border-style: dashed; }}
QPushButton[role="primary"] {{
    min-height: {PRIMARY_BUTTON_HEIGHT - 2 * FOCUS_WIDTH}px; padding: 0 32px;
    background-color: {c.accent}; color: {c.on_accent}; border-color: {c.accent};
    font-size: {_pt(s, 1.3)}; font-weight: 700;
}}
QPushButton:focus, QToolButton:focus, QPushButton[role="primary"]:focus {{ border: {focus}; }}

QComboBox, QSpinBox, QDoubleSpinBox, QLineEdit, QPlainTextEdit, QTextEdit, QListView,
QListWidget, QTreeView {{
    background-color: {c.surface}; color: {c.text};
    border: 1px solid {c.border}; border-radius: 6px;
    selection-background-color: {c.accent}; selection-color: {c.on_accent};
}}
QComboBox, QSpinBox, QDoubleSpinBox, QLineEdit {{ min-height: 40px; padding: 0 8px; }}
QComboBox {{ padding-right: {arrow_box + 2}px; }}
QComboBox::drop-down {{
    subcontrol-origin: border; subcontrol-position: center right; width: {arrow_box}px;
    border: none; border-left: 1px solid {c.border};
}}
QComboBox::down-arrow {{ image: url("{_icon("down", c.text)}"); width: {arrow}px; height: {arrow}px; }}
QComboBox QAbstractItemView {{
    background-color: {c.surface}; color: {c.text}; border: 1px solid {c.border};
    selection-background-color: {c.accent}; selection-color: {c.on_accent};
}}
QSpinBox, QDoubleSpinBox {{ padding-right: {arrow_box + 6}px; }}
QAbstractSpinBox QLineEdit {{ border: none; background: transparent; min-height: 0; }}
QSpinBox::up-button, QDoubleSpinBox::up-button, QSpinBox::down-button,
QDoubleSpinBox::down-button {{
    subcontrol-origin: border; width: {arrow_box}px; background: transparent;
    border: none; border-left: 1px solid {c.border};
}}
QSpinBox::up-button, QDoubleSpinBox::up-button {{ subcontrol-position: top right; }}
QSpinBox::down-button, QDoubleSpinBox::down-button {{ subcontrol-position: bottom right; }}
QSpinBox::up-button:hover, QDoubleSpinBox::up-button:hover, QSpinBox::down-button:hover,
QDoubleSpinBox::down-button:hover {{ background: {c.background}; }}
QSpinBox::up-arrow, QDoubleSpinBox::up-arrow {{
    image: url("{_icon("up", c.text)}"); width: {arrow - 2}px; height: {arrow - 2}px;
}}
QSpinBox::down-arrow, QDoubleSpinBox::down-arrow {{
    image: url("{_icon("down", c.text)}"); width: {arrow - 2}px; height: {arrow - 2}px;
}}
QSpinBox::up-arrow:disabled, QSpinBox::up-arrow:off, QDoubleSpinBox::up-arrow:disabled,
QDoubleSpinBox::up-arrow:off {{ image: url("{_icon("up", c.border)}"); }}
QSpinBox::down-arrow:disabled, QSpinBox::down-arrow:off, QDoubleSpinBox::down-arrow:disabled,
QDoubleSpinBox::down-arrow:off {{ image: url("{_icon("down", c.border)}"); }}
QComboBox:focus, QSpinBox:focus, QDoubleSpinBox:focus, QLineEdit:focus, QPlainTextEdit:focus,
QTextEdit:focus, QListView:focus, QListWidget:focus, QTreeView:focus {{ border: {focus}; }}

QCheckBox, QRadioButton {{ spacing: 10px; padding: 4px; border: {FOCUS_WIDTH}px solid transparent;
    border-radius: 6px; }}
QCheckBox:focus, QRadioButton:focus {{ border: {focus}; }}
QCheckBox::indicator, QRadioButton::indicator {{
    width: {indicator}px; height: {indicator}px; border: 2px solid {c.border};
    background: {c.surface};
}}
QCheckBox::indicator {{ border-radius: 4px; }}
QRadioButton::indicator {{ border-radius: {indicator // 2 + 2}px; }}
QCheckBox::indicator:checked {{
    background: {c.accent}; border-color: {c.accent}; image: url("{_icon("check", c.on_accent)}");
}}
QRadioButton::indicator:checked {{ border-color: {c.accent}; image: url("{_icon("dot", c.accent)}"); }}
QCheckBox::indicator:hover, QRadioButton::indicator:hover {{ border-color: {c.accent}; }}

QSlider {{ min-height: 36px; border: {FOCUS_WIDTH}px solid transparent; border-radius: 6px; }}
QSlider:focus {{ border: {focus}; }}
QSlider::groove:horizontal {{ height: 8px; background: {c.border}; border-radius: 4px; }}
QSlider::sub-page:horizontal {{ background: {c.accent}; border-radius: 4px; }}
QSlider::handle:horizontal {{
    width: 24px; height: 24px; margin: -9px 0; border-radius: 12px;
    background: {c.text}; border: 2px solid {c.surface};
}}

QScrollBar:vertical {{ background: {c.background}; width: 14px; }}
QScrollBar::handle:vertical {{ background: {c.border}; min-height: 32px; border-radius: 6px; }}
QScrollBar:horizontal {{ background: {c.background}; height: 14px; }}
QScrollBar::handle:horizontal {{ background: {c.border}; min-width: 32px; border-radius: 6px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
"""


def apply_theme(app: QApplication, theme: Theme, font_scale: float = 1.0) -> ThemeColors:
    """Set the Fusion style, palette, base font (13 pt x scale) and stylesheet on ``app``."""
    from PySide6.QtGui import QColor, QFont, QPalette

    colors = palette_for(theme)
    app.setStyle("Fusion")

    palette = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    pairs = {
        role.Window: colors.background,
        role.WindowText: colors.text,
        role.Base: colors.surface,
        role.AlternateBase: colors.background,
        role.Text: colors.text,
        role.Button: colors.surface,
        role.ButtonText: colors.text,
        role.BrightText: colors.on_accent,
        role.Highlight: colors.accent,
        role.HighlightedText: colors.on_accent,
        role.ToolTipBase: colors.surface,
        role.ToolTipText: colors.text,
        role.PlaceholderText: colors.muted_text,
        role.Link: colors.accent,
        role.LinkVisited: colors.hold,
        role.Mid: colors.border,
        role.Dark: colors.border,
        role.Accent: colors.accent,
    }
    for palette_role, value in pairs.items():
        palette.setColor(palette_role, QColor(value))
    for palette_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, palette_role, QColor(colors.muted_text))
    app.setPalette(palette)

    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * font_scale)
    app.setFont(font)
    app.setStyleSheet(stylesheet(colors, font_scale))
    return colors
