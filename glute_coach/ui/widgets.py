"""Small widgets shared by the screens: SVG illustrations, routine cards, the pain scale.

Also the few formatting helpers (clock times, levels, durations) the library and the detail
page share, so a routine reads the same wherever it appears.
"""

from __future__ import annotations

import dataclasses
import html
import math
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Literal, Protocol

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QObject,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from glute_coach.core.loading import LoadedRoutine
from glute_coach.core.resources import builtin_asset
from glute_coach.core.routine import Level
from glute_coach.storage.library import Source
from glute_coach.storage.settings import Theme
from glute_coach.ui import theme
from glute_coach.ui.theme import ThemeColors

PLACEHOLDER_IMAGE = "images/placeholder.svg"
MAX_SVG_BYTES = 2 * 1024 * 1024
SUMMARY_CHARS = 120
MIN_TOUCH_PX = 48

# --- formatting ------------------------------------------------------------------------------


def clock_text(seconds: float) -> str:
    """m:ss, or h:mm:ss past an hour (whole seconds, rounded)."""
    whole = round(seconds)
    h, rem = divmod(whole, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def about_minutes_text(seconds: float) -> str:
    """A routine's length for a card: "about 14 min" (under a minute: "under 1 min")."""
    if seconds < 60:
        return QCoreApplication.translate("Duration", "under 1 min")
    minutes = max(1, math.floor(seconds / 60 + 0.5))
    return QCoreApplication.translate("Duration", "about {n} min").format(n=minutes)


def number_locale() -> QLocale:
    """The interface language's way of writing numbers (1,5 in German), without thousands
    separators (short readings: 1500 µV, not 1,500)."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale


DateStyle = Literal["short", "day_month", "day_month_year", "weekday", "weekday_year"]


def date_text(day: date, style: DateStyle = "short") -> str:
    """A day in the interface language, names and order included ("Tue 3 Mar 2026",
    "Di., 3. März 2026"). Each style is a Qt date pattern the translators adapt."""
    if style == "short":
        pattern = QCoreApplication.translate("DateFormat", "ddd d MMM yyyy")
    elif style == "day_month":
        pattern = QCoreApplication.translate("DateFormat", "d MMM")
    elif style == "day_month_year":
        pattern = QCoreApplication.translate("DateFormat", "d MMM yyyy")
    elif style == "weekday":
        pattern = QCoreApplication.translate("DateFormat", "dddd d MMMM")
    else:
        pattern = QCoreApplication.translate("DateFormat", "dddd d MMMM yyyy")
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def muscle_name(muscle: str) -> str:
    """A muscle key ("gluteus_medius") as people read it, in the interface language."""
    names = {
        "gluteus_maximus": QCoreApplication.translate("Muscles", "Gluteus maximus"),
        "gluteus_medius": QCoreApplication.translate("Muscles", "Gluteus medius"),
        "gluteus_minimus": QCoreApplication.translate("Muscles", "Gluteus minimus"),
        "hamstrings": QCoreApplication.translate("Muscles", "Hamstrings"),
        "tensor_fasciae_latae": QCoreApplication.translate("Muscles", "Tensor fasciae latae"),
        "rectus_femoris": QCoreApplication.translate("Muscles", "Rectus femoris"),
        "erector_spinae": QCoreApplication.translate("Muscles", "Erector spinae"),
    }
    return names.get(muscle) or muscle.replace("_", " ").capitalize()


def decimal_text(value: float, decimals: int) -> str:
    """A number with a fixed count of decimals: "0.42", "0,42" in German."""
    return number_locale().toString(float(value), "f", decimals)


def seconds_text(seconds: float) -> str:
    """A short length: "45 s", "1.5 s", "2 min", "2 min 30 s"."""
    if seconds < 60:
        shown = number_locale().toString(float(seconds), "g", 6)
        return QCoreApplication.translate("Duration", "{n} s").format(n=shown)
    m, s = divmod(round(seconds), 60)
    if s == 0:
        return QCoreApplication.translate("Duration", "{m} min").format(m=m)
    return QCoreApplication.translate("Duration", "{m} min {s} s").format(m=m, s=s)


def level_text(level: Level) -> str:
    names = {
        Level.BEGINNER: QCoreApplication.translate("Level", "Beginner"),
        Level.INTERMEDIATE: QCoreApplication.translate("Level", "Intermediate"),
        Level.ADVANCED: QCoreApplication.translate("Level", "Advanced"),
    }
    return names[level]


def source_text(source: Source) -> str:
    names = {
        Source.BUNDLED: QCoreApplication.translate("Source", "Built in"),
        Source.USER: QCoreApplication.translate("Source", "Your routine"),
        Source.FILE: QCoreApplication.translate("Source", "Opened file"),
    }
    return names[source]


def tag_text(tag: str) -> str:
    """Tags are written with dashes in files; people read them with spaces."""
    return tag.replace("-", " ")


def short_text(text: str, limit: int = SUMMARY_CHARS) -> str:
    """Cut at a word boundary and add an ellipsis when longer than ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.-")
    return cut + "…"


# --- colours ---------------------------------------------------------------------------------


def current_colors(widget: QWidget | None = None) -> ThemeColors:
    """The theme colours in use, recognised from the palette ``theme.apply_theme`` installed.

    A palette no theme set (plain Qt, e.g. in tests) gives the light theme with the palette's
    own window and text colours, so text drawn with it stays readable.
    """
    palette = widget.palette() if widget is not None else QApplication.palette()
    window = palette.color(QPalette.ColorRole.Window).name()
    text = palette.color(QPalette.ColorRole.WindowText).name()
    for candidate in Theme:
        colors = theme.palette_for(candidate)
        if colors.background == window and colors.text == text:
            return colors
    return dataclasses.replace(theme.palette_for(Theme.LIGHT), background=window, text=text)


def set_role(widget: QWidget, role: str) -> None:
    """Tag a widget for the theme's stylesheet (``[role="title"]`` and friends)."""
    widget.setProperty("role", role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def base_point_size() -> float:
    """The application's base font size in points (the theme sets it, scale included)."""
    size = QApplication.font().pointSizeF()
    return size if size > 0 else 13.0


class ScaledLabel(QLabel):
    """A label whose font follows the application's font size, times a factor."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        factor: float = 1.0,
        bold: bool = False,
        role: str | None = None,
        wrap: bool = True,
        rich: bool = False,
    ) -> None:
        super().__init__(text, parent)
        self._factor = factor
        self._bold = bold
        self._applying = False
        if role:
            set_role(self, role)
        self.setWordWrap(wrap)
        self.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        self._apply_font()
        app = QApplication.instance()
        if isinstance(app, QApplication):  # the theme's font scale can change at any time
            app.fontChanged.connect(self._on_app_font)

    def _on_app_font(self, _font: QFont) -> None:
        self._apply_font()

    def _apply_font(self) -> None:
        # Re-entrant through changeEvent: where a style sheet fixes this label's font, setFont
        # cannot make it stick and every try would post another FontChange, without end.
        if self._applying:
            return
        size = base_point_size() * self._factor
        font = self.font()
        if abs(font.pointSizeF() - size) < 0.01 and font.bold() == self._bold:
            return
        self._applying = True
        try:
            font.setPointSizeF(size)
            font.setBold(self._bold)
            self.setFont(font)
        finally:
            self._applying = False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # A new application stylesheet (the theme) re-polishes widgets and puts back the font
        # they had before; size the text for the current base font again.
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._apply_font()


# --- SVG images ------------------------------------------------------------------------------

_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.DOTALL | re.IGNORECASE)
_DESC = re.compile(r"<desc[^>]*>(.*?)</desc>", re.DOTALL | re.IGNORECASE)


class SvgImage(QWidget):
    """An SVG illustration drawn to fit (aspect ratio kept), in the theme's text colour.

    Strokes written as ``currentColor`` take the palette's text colour, so the figures stay
    visible on dark themes. A missing or unreadable file shows the placeholder illustration;
    ``is_placeholder`` says so. The accessible name is the alt text, or the SVG's own title.
    """

    def __init__(
        self,
        path: Path | None = None,
        alt: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._renderer = QSvgRenderer(self)
        self._path: Path | None = None
        self._alt = alt
        self._placeholder = True
        self._svg_text = ""
        self._aspect = 0.5
        sp = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.set_image(path, alt)

    # public API

    @property
    def is_placeholder(self) -> bool:
        return self._placeholder

    @property
    def path(self) -> Path | None:
        """The file being shown (the placeholder's path when the image is missing)."""
        return self._path

    def set_image(self, path: Path | None, alt: str = "") -> None:
        """Show ``path`` (None, missing or unreadable: the placeholder) described by ``alt``."""
        self._alt = alt
        text = _read_svg(path)
        self._placeholder = text is None or path is None
        self._path = path
        self._svg_text = text or ""
        self._load()
        self._describe()
        self.updateGeometry()
        self.update()

    # rendering

    def _load(self) -> None:
        colors = current_colors(self)
        ok = not self._placeholder and self._renderer.load(
            QByteArray(theme.svg_with_color(self._svg_text, colors))
        )
        if not (ok and self._renderer.isValid()):  # missing, or not SVG after all
            self._placeholder = True
            self._path = builtin_asset(PLACEHOLDER_IMAGE)
            self._svg_text = _read_svg(self._path) or ""
            self._renderer.load(QByteArray(theme.svg_with_color(self._svg_text, colors)))
        box = self._renderer.viewBoxF()
        if box.width() > 0 and box.height() > 0:
            self._aspect = box.height() / box.width()

    def _describe(self) -> None:
        if self._placeholder:
            name = QCoreApplication.translate("SvgImage", "No illustration available")
            if self._alt:
                name = QCoreApplication.translate(
                    "SvgImage", "{alt} (no illustration available)"
                ).format(alt=self._alt)
            description = ""
        else:
            title = _first(_TITLE, self._svg_text)
            name = self._alt or title or QCoreApplication.translate("SvgImage", "Illustration")
            description = _first(_DESC, self._svg_text)
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)
        self.setToolTip(description or name)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(1, round(width * self._aspect))

    def sizeHint(self) -> QSize:
        return QSize(400, round(400 * self._aspect))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, round(120 * self._aspect))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._load()
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._renderer.isValid():
            return
        w, h = self.width(), self.height()
        if w / max(h, 1) > 1 / self._aspect:  # wider than the picture: fit the height
            tw, th = h / self._aspect, float(h)
        else:
            tw, th = float(w), w * self._aspect
        target = QRectF((w - tw) / 2, (h - th) / 2, tw, th)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer.render(painter, target)
        painter.end()


def _read_svg(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        if not path.is_file() or path.stat().st_size > MAX_SVG_BYTES:
            return None
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return text if "<svg" in text else None


def _first(pattern: re.Pattern[str], text: str) -> str:
    found = pattern.search(text)
    return " ".join(html.unescape(found.group(1)).split()) if found else ""


# --- routine card ----------------------------------------------------------------------------


class RoutineCard(QFrame):
    """One routine in the library: title, level, length, summary, equipment and tags.

    Enter, Return or Space (or a click) emits ``activated(loaded)``. Arrow keys are left to
    the parent (the library grid moves between cards).
    """

    activated = Signal(object)  # LoadedRoutine

    def __init__(
        self, loaded: LoadedRoutine, source: Source = Source.BUNDLED, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.loaded = loaded
        self.source = source
        routine = loaded.routine
        set_role(self, "card")
        self.setObjectName("routineCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(300)

        level = level_text(routine.level)
        length = about_minutes_text(loaded.timeline.total_s)
        equipment = ", ".join(routine.equipment) if routine.equipment else self.tr("None needed")
        tags = ", ".join(tag_text(t) for t in routine.tags)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(8)

        self.title_label = ScaledLabel(routine.title, factor=1.3, bold=True)
        layout.addWidget(self.title_label)

        facts = [level, length]
        if source is not Source.BUNDLED:
            facts.append(source_text(source))
        self.facts_label = ScaledLabel(" · ".join(facts), bold=True)
        layout.addWidget(self.facts_label)

        self.summary_label = ScaledLabel(short_text(routine.summary))
        layout.addWidget(self.summary_label)

        self.equipment_label = ScaledLabel(
            self.tr("Equipment: {items}").format(items=equipment), factor=0.9, role="caption"
        )
        layout.addWidget(self.equipment_label)
        if tags:
            self.tags_label: ScaledLabel | None = ScaledLabel(
                self.tr("Tags: {tags}").format(tags=tags), factor=0.9, role="caption"
            )
            layout.addWidget(self.tags_label)
        else:
            self.tags_label = None
        layout.addStretch(1)

        for label in self.findChildren(QLabel):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

        self.setAccessibleName(
            self.tr("{title}, {level}, {length}").format(
                title=routine.title, level=level, length=length
            )
        )
        described = self.tr("{summary} Equipment: {equipment}.").format(
            summary=routine.summary, equipment=equipment
        )
        if source is not Source.BUNDLED:
            described += " " + source_text(source) + "."
        self.setAccessibleDescription(described + " " + self.tr("Press Enter to open."))
        self.setToolTip(routine.summary)

    @property
    def title(self) -> str:
        return self.loaded.routine.title

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.loaded)
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()  # so the release comes here too
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit(self.loaded)
            event.accept()
            return
        super().mouseReleaseEvent(event)


# --- pain scale ------------------------------------------------------------------------------


class RestyledWidget(QWidget):
    """A widget that restyles itself (``_restyle``) when the palette, font or style changes:
    a theme switch, a text-size change.

    Restyling sets a style sheet, which itself sends style and font changes: the guard stops
    that re-entering, or a theme switch recurses until the stack overflows.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._restyling = False

    def _restyle(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if not self._restyling and event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._restyling = True
            try:
                self._restyle()
            finally:
                self._restyling = False
        super().changeEvent(event)


class PainScale(RestyledWidget):
    """A row of eleven big buttons, 0 to 10, for "how much pain right now".

    One Tab stop; Left/Right (and Home/End) move and choose, digit keys choose directly
    (0-9). ``value()`` is None until a number is chosen. Emits ``value_changed(int)``.
    """

    value_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, button_px: int = 56) -> None:
        super().__init__(parent)
        self._button_px = max(MIN_TOUCH_PX, button_px)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for n in range(11):
            button = QPushButton(str(n), self)
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(self.tr("Pain {n} out of 10").format(n=n))
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            button.installEventFilter(self)
            set_role(button, "pain")
            self._group.addButton(button, n)
            self.buttons.append(button)
            row.addWidget(button)
        row.addStretch(1)
        self._group.idToggled.connect(self._on_toggled)
        self.buttons[0].setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(self.buttons[0])
        self.setAccessibleName(self.tr("Pain right now, 0 to 10"))
        self._restyle()

    def _side(self) -> int:
        """Square buttons big enough for a bold "10" in the current font, never under 48 px."""
        font = QFont(self.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        return max(self._button_px, metrics.horizontalAdvance("10") + 20, metrics.height() + 18)

    def _restyle(self) -> None:
        """Numbers fill square buttons; the chosen one is filled with the accent colour.

        The size goes into the stylesheet too: the theme's ``min-height`` would win otherwise.
        """
        c = current_colors(self)
        side = self._side()
        inner = side - 2 * theme.FOCUS_WIDTH
        sheet = (
            f"QPushButton {{ padding: 0px; font-weight: 700; min-width: {inner}px;"
            f" max-width: {inner}px; min-height: {inner}px; max-height: {inner}px; }}"
            f"QPushButton:checked {{ background-color: {c.accent}; color: {c.on_accent};"
            f" border-color: {c.accent}; }}"
            f"QPushButton:checked:focus {{ border-color: {c.focus}; }}"
        )
        for button in self.buttons:
            button.setFixedSize(side, side)
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)

    def value(self) -> int | None:
        chosen = self._group.checkedId()
        return chosen if chosen >= 0 else None

    def set_value(self, value: int | None) -> None:
        if value is None:
            self._group.setExclusive(False)
            for button in self.buttons:
                button.setChecked(False)
            self._group.setExclusive(True)
            self._rove(0)
            return
        if not 0 <= value <= 10:
            raise ValueError(f"pain is 0 to 10, got {value}")
        self.buttons[value].setChecked(True)

    def _on_toggled(self, n: int, checked: bool) -> None:
        if checked:
            self._rove(n)
            self.value_changed.emit(n)

    def _rove(self, n: int) -> None:
        """Only the chosen (or first) button is a Tab stop; the arrows move within the row."""
        for i, button in enumerate(self.buttons):
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if i == n else Qt.FocusPolicy.ClickFocus
            )
        self.setFocusProxy(self.buttons[n])

    def _choose(self, n: int) -> None:
        n = min(10, max(0, n))
        self.buttons[n].setChecked(True)
        self.buttons[n].setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QPushButton)
            and watched in self.buttons
        ):
            assert isinstance(event, QKeyEvent)
            current = self.buttons.index(watched)
            key = int(event.key())
            moves: dict[int, int] = {
                int(Qt.Key.Key_Left): current - 1,
                int(Qt.Key.Key_Down): current - 1,
                int(Qt.Key.Key_Right): current + 1,
                int(Qt.Key.Key_Up): current + 1,
                int(Qt.Key.Key_Home): 0,
                int(Qt.Key.Key_End): 10,
            }
            if key in moves:
                self._choose(moves[key])
                return True
            if int(Qt.Key.Key_0) <= key <= int(Qt.Key.Key_9):
                self._choose(key - int(Qt.Key.Key_0))
                return True
        return super().eventFilter(watched, event)


def hline(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Plain)
    set_role(line, "separator")
    return line


class Citable(Protocol):
    @property
    def citation(self) -> str: ...
    @property
    def doi(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...


def citation_html(ref: Citable) -> str:
    """A citation as HTML, with its DOI and web address as links."""
    item = html.escape(ref.citation)
    if ref.doi:
        doi = html.escape(ref.doi)
        item += f" <a href='https://doi.org/{doi}'>doi:{doi}</a>"
    if ref.url:
        url = html.escape(ref.url)
        item += f" <a href='{url}'>{url}</a>"
    return item


def reference_list(references: Iterable[Citable], accessible_name: str) -> ScaledLabel:
    """A numbered list of citations with DOI and web links that open in the browser."""
    items = [f"<li style='margin-bottom:6px'>{citation_html(ref)}</li>" for ref in references]
    label = ScaledLabel(f"<ol style='-qt-list-indent:1'>{''.join(items)}</ol>", rich=True)
    label.setOpenExternalLinks(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    label.setAccessibleName(accessible_name)
    return label
