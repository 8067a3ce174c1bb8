"""Biofeedback gauges readable from 3 m: one channel against its target band, and left/right balance.

``BandGauge`` is one channel (a glute's %MVC, a pressure cuff's mmHg, raw mV): a vertical bar
filling from the bottom, the target band as a shaded region with bold edges, the value as a big
number with its unit, and the channel's name. With colour feedback on, the bar takes the colour of
its zone (below, in or above the band); the zone is always named in words with a glyph too, so
colour is never the only cue. No data is never shown as 0: it reads "—" and "No signal" over a
hatched bar, and a lost signal is greyed with a dashed outline and "Signal lost".

``SymmetryBar`` compares two channels: a horizontal bar from a centre line towards the stronger
side, with the difference in words ("Left 12 % stronger", "Even").

Both compute everything from their size in ``paintEvent`` (fonts scale with the widget, nothing is
a fixed tiny size), repaint only when something shown changed, and keep their accessible name and
description current for screen readers. Colours come from the theme (``gauge_colors``).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from glute_coach.core.clock import Clock, MonotonicClock
from glute_coach.ui.theme import ThemeColors, contrast_ratio
from glute_coach.ui.widgets import decimal_text

Zone = Literal["below", "in", "above"]

PEAK_HOLD_SECONDS = 2.0
EVEN_THRESHOLD = 0.1  # |symmetry| below this reads "Even"
SYMMETRY_SPAN = 1.0  # |symmetry| drawn at the bar's end (larger values clamp, the words stay true)
UNIT_RATIO = 0.55  # a unit longer than one character ("mmHg", "mV") beside the big digits
MIN_GRAPHIC_CONTRAST = 3.0  # WCAG 1.4.11: bars and edges against what they are drawn on
NO_DATA = "—"


# --- colours ---------------------------------------------------------------------------------


def mix(first: str, second: str, amount: float) -> str:
    """``first`` moved ``amount`` (0..1) of the way towards ``second``, as ``#rrggbb``."""
    a, b = QColor(first), QColor(second)
    t = min(max(amount, 0.0), 1.0)

    def channel(x: int, y: int) -> int:
        return round(x + (y - x) * t)

    return QColor(
        channel(a.red(), b.red()), channel(a.green(), b.green()), channel(a.blue(), b.blue())
    ).name()


def _readable(color: str, on: str, fallback: str) -> str:
    return color if contrast_ratio(color, on) >= MIN_GRAPHIC_CONTRAST else fallback


@dataclass(frozen=True)
class GaugeColors:
    """The gauge's colours, derived from a theme's (``ThemeColors`` has no gauge fields)."""

    track: str  # the empty bar
    outline: str  # the bar's outline
    text: str  # label and value
    muted: str  # value when the signal is lost
    below: str  # bar below the band (colour feedback on)
    in_band: str  # bar in the band
    above: str  # bar above the band
    neutral: str  # bar with colour feedback off (the theme's slate "info" colour)
    on_zone: str  # words on a zone-coloured pill (>= 4.5:1 on below, in_band, above and neutral)
    band_fill: str  # the band's shading with colour feedback on
    band_fill_neutral: str  # the band's shading with colour feedback off
    band_edge: str  # the band's edges
    no_signal: str  # hatching and greyed bar when there is no data or the signal is lost

    def zone_color(self, zone: Zone | None, *, colored: bool) -> str:
        if not colored or zone is None:
            return self.neutral
        return {"below": self.below, "in": self.in_band, "above": self.above}[zone]


def gauge_colors(colors: ThemeColors) -> GaugeColors:
    """Gauge colours for a theme: zones are the theme's switch (blue), rest (green) and work (red)
    phase colours, which every theme makes readable under ``on_phase`` text; any that would not
    stand out 3:1 against the empty bar falls back to the text colour."""
    track = colors.surface
    below = _readable(colors.switch, track, colors.text)
    in_band = _readable(colors.rest, track, colors.text)
    above = _readable(colors.work, track, colors.text)
    neutral = _readable(colors.info, track, colors.text)
    return GaugeColors(
        track=track,
        outline=colors.border,
        text=colors.text,
        muted=colors.muted_text,
        below=below,
        in_band=in_band,
        above=above,
        neutral=neutral,
        on_zone=colors.on_phase,
        band_fill=mix(track, colors.rest, 0.30),
        band_fill_neutral=mix(track, colors.text, 0.16),
        band_edge=colors.text,
        no_signal=colors.border,
    )


# --- helpers ---------------------------------------------------------------------------------


def _clean(value: float | None) -> float | None:
    """None for no data (None, NaN); infinities are treated as no data too."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def symmetry(left: float | None, right: float | None) -> float | None:
    """(L − R) / mean(L, R); None when either is missing or neither side is doing anything."""
    lv, rv = _clean(left), _clean(right)
    if lv is None or rv is None:
        return None
    mean = (lv + rv) / 2
    if mean <= 0:
        return None
    return (lv - rv) / mean


def symmetry_text(left: float | None, right: float | None) -> str:
    """ "Left 12 % stronger", "Right 30 % stronger", "Even" (|s| < 0.1) or "—" (no data)."""
    return symmetry_words(symmetry(left, right))


def symmetry_words(s: float | None) -> str:
    """A symmetry index (L - R) / mean in words, the one wording of every screen and report."""
    if s is None:
        return NO_DATA
    if abs(s) < EVEN_THRESHOLD:
        return QCoreApplication.translate("SymmetryBar", "Even")
    percent = round(abs(s) * 100)
    if s > 0:
        return QCoreApplication.translate("SymmetryBar", "Left {n} % stronger").format(n=percent)
    return QCoreApplication.translate("SymmetryBar", "Right {n} % stronger").format(n=percent)


def _bold(base: QFont, px: float) -> QFont:
    font = QFont(base)
    font.setPixelSize(max(round(px), 8))
    font.setBold(True)
    return font


def _fit(base: QFont, px: float, texts: list[str], width: float) -> QFont:
    """A bold font at ``px``, shrunk so the widest of ``texts`` fits ``width``."""
    font = _bold(base, px)
    widest = max((QFontMetricsF(font).horizontalAdvance(t) for t in texts), default=0.0)
    if widest > width > 0:
        font = _bold(base, px * width / widest)
    return font


def _glyph(painter: QPainter, zone: Zone, center: QPointF, size: float, color: QColor) -> None:
    """▼ (below), ✓ (in), ▲ (above), drawn rather than taken from a font that may lack them."""
    x, y, h = center.x(), center.y(), size / 2
    if zone == "in":
        pen = QPen(color, max(size * 0.2, 2.0))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath(QPointF(x - h * 0.8, y))
        path.lineTo(QPointF(x - h * 0.2, y + h * 0.6))
        path.lineTo(QPointF(x + h * 0.85, y - h * 0.7))
        painter.drawPath(path)
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    tip, base = (y + h * 0.8, y - h * 0.8) if zone == "below" else (y - h * 0.8, y + h * 0.8)
    painter.drawPolygon(QPolygonF([QPointF(x - h, base), QPointF(x + h, base), QPointF(x, tip)]))


# --- the gauge -------------------------------------------------------------------------------


@dataclass
class _GaugeLayout:
    label_font: QFont
    label_rect: QRectF
    value_font: QFont
    value_rect: QRectF
    pill_font: QFont
    pill_center_y: float
    pill_height: float
    track: QRectF  # the bar's full-scale extent
    band_left: float  # the band's shading reaches beyond the bar on both sides
    band_right: float
    tick_font: QFont
    edge_width: float
    outline_width: float


class BandGauge(QWidget):
    """One channel's value against its target band, big enough to read from across a room."""

    def __init__(
        self, colors: ThemeColors, parent: QWidget | None = None, *, clock: Clock | None = None
    ) -> None:
        super().__init__(parent)
        self._colors = gauge_colors(colors)
        self._clock: Clock = clock or MonotonicClock()
        self._label = ""
        self._unit = "%"
        self._scale = 100.0
        self._decimals: int | None = None
        self._lo: float | None = None
        self._hi: float | None = None
        self._value: float | None = None
        self._colored = True
        self._stale = False
        self._peak_hold = True
        self._peaks: deque[tuple[float, float]] = deque()  # (time, value), values decreasing
        self._layout: _GaugeLayout | None = None
        self._accessible = ("", "")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(90, 180)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._describe()

    # --- configuration ---

    def set_label(self, label: str) -> None:
        if label != self._label:
            self._label = label
            self._changed(relayout=True)

    def label(self) -> str:
        return self._label

    def set_unit(self, unit: str) -> None:
        if unit != self._unit:
            self._unit = unit
            self._changed(relayout=True)

    def unit(self) -> str:
        return self._unit

    def set_scale(self, maximum: float) -> None:
        """The value at the top of the bar (100 for %MVC); larger values clamp the bar only."""
        if not math.isfinite(maximum) or maximum <= 0:
            raise ValueError(f"full scale must be a positive number, not {maximum!r}")
        if maximum != self._scale:
            self._scale = float(maximum)
            self._changed(relayout=True)

    def scale(self) -> float:
        return self._scale

    def set_decimals(self, decimals: int | None) -> None:
        """Digits after the point; None chooses from the full scale (100 → 0, 5 → 1, 0.5 → 2)."""
        if decimals != self._decimals:
            self._decimals = decimals
            self._changed(relayout=True)

    def set_band(self, lo: float | None, hi: float | None) -> None:
        """The target band; None for an open end (both None: no band, so no zone)."""
        lo, hi = _clean(lo), _clean(hi)
        if lo is not None and hi is not None and lo > hi:
            raise ValueError(f"band's low end {lo} is above its high end {hi}")
        if (lo, hi) != (self._lo, self._hi):
            self._lo, self._hi = lo, hi
            self._changed(relayout=True)

    def band(self) -> tuple[float | None, float | None]:
        return self._lo, self._hi

    def set_colored(self, colored: bool) -> None:
        """Colour feedback: the bar in its zone's colour (on) or one neutral colour (off)."""
        if colored != self._colored:
            self._colored = colored
            self._changed()

    def is_colored(self) -> bool:
        return self._colored

    def set_colors(self, colors: ThemeColors) -> None:
        derived = gauge_colors(colors)
        if derived != self._colors:
            self._colors = derived
            self._changed()

    def gauge_colors(self) -> GaugeColors:
        return self._colors

    def set_peak_hold(self, enabled: bool) -> None:
        """A thin tick at the highest value of the last ``PEAK_HOLD_SECONDS`` (on by default)."""
        if enabled != self._peak_hold:
            self._peak_hold = enabled
            self._peaks.clear()
            self._changed()

    # --- data ---

    def set_value(self, value: float | None) -> None:
        """The latest value; None or NaN means no data ("—", "No signal"), never 0."""
        value = _clean(value)
        peak_before = self.peak()
        if value is not None and self._peak_hold:
            now = self._clock.now()
            while self._peaks and self._peaks[-1][1] <= value:
                self._peaks.pop()
            self._peaks.append((now, value))
            while self._peaks[0][0] < now - PEAK_HOLD_SECONDS:
                self._peaks.popleft()
        elif value is None:
            self._peaks.clear()
        if value != self._value or self.peak() != peak_before:
            self._value = value
            self._changed()

    def value(self) -> float | None:
        return self._value

    def peak(self) -> float | None:
        """The highest value of the last ``PEAK_HOLD_SECONDS`` (None without data or peak hold)."""
        return self._peaks[0][1] if self._peaks else None

    def set_stale(self, stale: bool) -> None:
        """Signal lost: greyed, a dashed outline and "Signal lost", until fresh data arrives."""
        if stale != self._stale:
            self._stale = stale
            self._changed()

    def is_stale(self) -> bool:
        return self._stale

    def zone(self) -> Zone | None:
        """Where the value is against the band; None without data, band, or with a lost signal."""
        v = self._value
        if v is None or self._stale or (self._lo is None and self._hi is None):
            return None
        if self._lo is not None and v < self._lo:
            return "below"
        if self._hi is not None and v > self._hi:
            return "above"
        return "in"

    # --- text ---

    def _digits(self) -> int:
        if self._decimals is not None:
            return max(self._decimals, 0)
        if self._scale >= 20:
            return 0
        return 1 if self._scale >= 2 else 2

    def _digits_text(self, value: float) -> str:
        text = decimal_text(value, self._digits())
        if text.lstrip("-").strip("0.") == "":
            text = text.lstrip("-")  # no "-0"
        return text

    def number_text(self, value: float) -> str:
        """``value`` with the gauge's digits and unit: "42 %", "38 mmHg", "0.12 mV"."""
        text = self._digits_text(value)
        return f"{text} {self._unit}" if self._unit else text

    def _unit_ratio(self) -> float:
        """A one-character unit ("%") is as big as the digits; a longer one ("mmHg") smaller,
        so the digits stay large on a narrow gauge."""
        return 1.0 if len(self._unit) <= 1 else UNIT_RATIO

    def _value_width(self, digits: str, px: float) -> float:
        """Width of the big number and its unit at ``px``."""
        font = _bold(self.font(), px)
        width = QFontMetricsF(font).horizontalAdvance(digits)
        if self._unit and digits != NO_DATA:
            unit_font = _bold(self.font(), px * self._unit_ratio())
            metrics = QFontMetricsF(unit_font)
            width += metrics.horizontalAdvance(" " + self._unit)
        return width

    def value_text(self) -> str:
        """The big number as shown: "42 %", "38 mmHg", "0.12 mV", or "—" without data."""
        return NO_DATA if self._value is None else self.number_text(self._value)

    def zone_text(self) -> str:
        """The words under the number: the zone, or why there is none."""
        if self._value is None:
            return self.tr("No signal")
        if self._stale:
            return self.tr("Signal lost")
        zone = self.zone()
        if zone == "below":
            return self.tr("Lower")
        if zone == "above":
            return self.tr("Higher")
        if zone == "in":
            return self.tr("In zone")
        return ""

    def _all_status_texts(self) -> list[str]:
        return [
            self.tr("No signal"),
            self.tr("Signal lost"),
            self.tr("Lower"),
            self.tr("Higher"),
            self.tr("In zone"),
        ]

    def band_text(self) -> str:
        lo, hi = self._lo, self._hi
        if lo is not None and hi is not None:
            return self.tr("target {lo} to {hi}").format(
                lo=self.number_text(lo), hi=self.number_text(hi)
            )
        if lo is not None:
            return self.tr("target at least {lo}").format(lo=self.number_text(lo))
        if hi is not None:
            return self.tr("target at most {hi}").format(hi=self.number_text(hi))
        return ""

    def _describe(self) -> None:
        label = self._label or self.tr("Gauge")
        name = self.tr("{label}: {value}").format(label=label, value=self.value_text())
        parts = [p for p in (self.zone_text(), self.band_text()) if p]
        description = ", ".join(parts)
        if (name, description) != self._accessible:
            self._accessible = (name, description)
            self.setAccessibleName(name)
            self.setAccessibleDescription(description)

    def _changed(self, *, relayout: bool = False) -> None:
        if relayout:
            self._layout = None
        self._describe()
        self.update()

    # --- geometry ---

    def sizeHint(self) -> QSize:
        return QSize(300, 560)

    def minimumSizeHint(self) -> QSize:
        return QSize(90, 180)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._layout = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._layout = None
        super().changeEvent(event)

    def _compute_layout(self) -> _GaugeLayout:
        w, h = float(self.width()), float(self.height())
        pad = max(h * 0.02, 4.0)
        inner_w = w - 2 * pad
        base = self.font()
        # rows are as tall as their nominal font, so gauges side by side line up even when a
        # long unit ("mmHg") shrinks one gauge's number to fit its width
        label_px, value_px, pill_px = max(h * 0.075, 14.0), h * 0.16, max(h * 0.05, 13.0)
        label_font = _fit(base, label_px, [self._label or " "], inner_w)
        label_h = QFontMetricsF(_bold(base, label_px)).height()
        # the value's font fits the widest number up to full scale, so it does not jump around
        reference = [self._digits_text(self._scale), self._digits_text(-self._scale / 10)]
        widest = max(self._value_width(digits, value_px) for digits in reference)
        value_font = _bold(base, value_px * min(inner_w / widest, 1.0))
        value_h = QFontMetricsF(_bold(base, value_px)).capHeight() * 1.45
        pill_font = _fit(base, pill_px, self._all_status_texts(), inner_w - pill_px * 3.2)
        pill_h = QFontMetricsF(_bold(base, pill_px)).height() * 1.45
        tick_font = _bold(base, max(h * 0.042, 12.0))

        y = pad
        label_rect = QRectF(pad, y, inner_w, label_h)
        y += label_h
        value_rect = QRectF(pad, y, inner_w, value_h)
        y += value_h + pad * 0.5
        pill_center_y = y + pill_h / 2
        y += pill_h + pad * 1.2

        tick_w = QFontMetricsF(tick_font).horizontalAdvance(self._digits_text(self._scale))
        bar_h = max(h - y - pad, 10.0)
        bar_w = min(max(w * 0.34, 16.0), 200.0, bar_h * 0.6)
        flank = bar_w * 0.22
        cx = w / 2 - (tick_w + pad) / 2 if w > bar_w + 2 * flank + 2 * (tick_w + pad) else w / 2
        track = QRectF(cx - bar_w / 2, y, bar_w, bar_h)
        return _GaugeLayout(
            label_font=label_font,
            label_rect=label_rect,
            value_font=value_font,
            value_rect=value_rect,
            pill_font=pill_font,
            pill_center_y=pill_center_y,
            pill_height=pill_h,
            track=track,
            band_left=track.left() - flank,
            band_right=track.right() + flank,
            tick_font=tick_font,
            edge_width=max(h * 0.007, 3.0),
            outline_width=max(h * 0.004, 2.0),
        )

    def _geometry(self) -> _GaugeLayout:
        if self._layout is None:
            self._layout = self._compute_layout()
        return self._layout

    def value_pixel_size(self) -> int:
        """The big number's font size in pixels at the widget's current size."""
        return self._geometry().value_font.pixelSize()

    def bar_rect(self) -> QRectF:
        """The bar's full-scale extent in widget coordinates (the bottom is 0)."""
        return QRectF(self._geometry().track)

    def value_y(self, value: float) -> float:
        """The y coordinate of ``value`` on the bar (clamped to the bar)."""
        track = self._geometry().track
        fraction = min(max(value / self._scale, 0.0), 1.0)
        return track.bottom() - fraction * track.height()

    # --- painting ---

    def paintEvent(self, event: QPaintEvent) -> None:
        geo = self._geometry()
        c = self._colors
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        no_data = self._value is None
        dimmed = no_data or self._stale
        zone = self.zone()

        # label and value
        painter.setPen(QColor(c.text))
        painter.setFont(geo.label_font)
        painter.drawText(geo.label_rect, Qt.AlignmentFlag.AlignCenter, self._label)
        digits = NO_DATA if self._value is None else self._digits_text(self._value)
        font = geo.value_font
        width = self._value_width(digits, font.pixelSize())
        room = geo.value_rect.width()
        if width > room:  # a value far above full scale: shrink to fit
            font = _bold(font, font.pixelSize() * room / width)
            width = room
        painter.setFont(font)
        painter.setPen(QColor(c.muted if dimmed else c.text))
        metrics = QFontMetricsF(font)
        baseline = geo.value_rect.center().y() + metrics.capHeight() / 2
        x = geo.value_rect.center().x() - width / 2
        painter.drawText(QPointF(x, baseline), digits)
        if self._unit and self._value is not None:
            x += metrics.horizontalAdvance(digits)
            unit_font = _bold(font, font.pixelSize() * self._unit_ratio())
            painter.setFont(unit_font)
            painter.drawText(QPointF(x, baseline), " " + self._unit)

        self._paint_pill(painter, geo, zone, dimmed)
        self._paint_bar(painter, geo, zone, no_data)
        painter.end()

    def _paint_pill(
        self, painter: QPainter, geo: _GaugeLayout, zone: Zone | None, dimmed: bool
    ) -> None:
        text = self.zone_text()
        if not text:
            return
        c = self._colors
        metrics = QFontMetricsF(geo.pill_font)
        glyph = geo.pill_height * 0.5 if zone is not None else 0.0
        gap = geo.pill_height * 0.25 if zone is not None else 0.0
        content = glyph + gap + metrics.horizontalAdvance(text)
        pill_w = content + geo.pill_height * 0.9
        rect = QRectF(
            (self.width() - pill_w) / 2,
            geo.pill_center_y - geo.pill_height / 2,
            pill_w,
            geo.pill_height,
        )
        radius = geo.pill_height / 2
        if dimmed:
            pen = QPen(QColor(c.outline), geo.outline_width, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(QColor(c.track))
            fg = QColor(c.text)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(c.zone_color(zone, colored=self._colored)))
            fg = QColor(c.on_zone)
        inset = geo.outline_width / 2
        painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), radius, radius)
        x = rect.left() + geo.pill_height * 0.45
        if zone is not None:
            _glyph(painter, zone, QPointF(x + glyph / 2, rect.center().y()), glyph, fg)
            x += glyph + gap
        painter.setPen(fg)
        painter.setFont(geo.pill_font)
        painter.drawText(QPointF(x, rect.center().y() + metrics.capHeight() / 2), text)

    def _paint_bar(
        self, painter: QPainter, geo: _GaugeLayout, zone: Zone | None, no_data: bool
    ) -> None:
        c = self._colors
        track = geo.track
        radius = min(track.width() * 0.12, 12.0)
        outline = QPen(QColor(c.outline), geo.outline_width)
        if self._stale or no_data:
            outline.setStyle(Qt.PenStyle.DashLine)
        band_top = self.value_y(self._hi) if self._hi is not None else track.top()
        band_bottom = self.value_y(self._lo) if self._lo is not None else track.bottom()
        has_band = self._lo is not None or self._hi is not None
        band = QRectF(
            geo.band_left, band_top, geo.band_right - geo.band_left, band_bottom - band_top
        )

        # the band's shading, wider than the bar so it shows either side of a full bar
        if has_band:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(c.band_fill if self._colored else c.band_fill_neutral))
            painter.drawRect(band)

        # the empty bar, with the band shading through it
        clip = QPainterPath()
        clip.addRoundedRect(track, radius, radius)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(c.track))
        painter.drawPath(clip)
        painter.save()
        painter.setClipPath(clip)
        if has_band:
            painter.setBrush(QColor(c.band_fill if self._colored else c.band_fill_neutral))
            painter.drawRect(band)
        if no_data:
            self._hatch(painter, track, QColor(c.no_signal))
        else:
            assert self._value is not None
            top = self.value_y(self._value)
            filled = QRectF(track.left(), top, track.width(), track.bottom() - top)
            if self._stale:
                painter.setBrush(QColor(c.no_signal))
                painter.drawRect(filled)
                painter.save()
                painter.setClipRect(filled)
                self._hatch(painter, track, QColor(c.track))
                painter.restore()
            else:
                painter.setBrush(QColor(c.zone_color(zone, colored=self._colored)))
                painter.drawRect(filled)
        painter.restore()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(outline)
        painter.drawPath(clip)

        # the band's edges: bold lines across the band, with a halo so they show on the bar
        if has_band:
            edges = [self.value_y(end) for end in (self._hi, self._lo) if end is not None]
            halo = QPen(QColor(c.track), geo.edge_width * 2.2)
            halo.setCapStyle(Qt.PenCapStyle.FlatCap)
            line = QPen(QColor(c.band_edge), geo.edge_width)
            line.setCapStyle(Qt.PenCapStyle.FlatCap)
            bar_top = self.value_y(self._value) if self._value is not None else track.bottom()
            for y in edges:
                if y > bar_top:  # on the filled bar: a gap either side keeps the edge visible
                    painter.setPen(halo)
                    painter.drawLine(QPointF(track.left(), y), QPointF(track.right(), y))
                painter.setPen(line)
                painter.drawLine(QPointF(geo.band_left, y), QPointF(geo.band_right, y))
            self._paint_band_numbers(painter, geo)

        # peak hold: a thin tick above the bar's top
        peak = self.peak()
        if peak is not None and not self._stale and self._value is not None:
            y = self.value_y(peak)
            if y < self.value_y(self._value) - geo.edge_width:
                pen = QPen(QColor(c.text), max(geo.edge_width * 0.7, 2.0))
                pen.setCapStyle(Qt.PenCapStyle.FlatCap)
                painter.setPen(pen)
                inset = track.width() * 0.15  # shorter than the band's edges, which reach outside
                painter.drawLine(
                    QPointF(track.left() + inset, y), QPointF(track.right() - inset, y)
                )

    def _paint_band_numbers(self, painter: QPainter, geo: _GaugeLayout) -> None:
        metrics = QFontMetricsF(geo.tick_font)
        x = geo.band_right + metrics.horizontalAdvance(" ") * 0.8
        room = self.width() - x
        painter.setFont(geo.tick_font)
        painter.setPen(QColor(self._colors.text))
        ends = [end for end in (self._lo, self._hi) if end is not None]
        ys = [self.value_y(end) for end in ends]
        min_gap = metrics.capHeight() * 1.5
        close = len(ys) == 2 and ys[0] - ys[1] < min_gap  # close together: push apart
        for i, (end, y) in enumerate(zip(ends, ys, strict=True)):
            text = decimal_text(end, self._digits())
            if metrics.horizontalAdvance(text) > room:
                return
            shown = (ys[0] + ys[1]) / 2 + (min_gap if i == 0 else -min_gap) / 2 if close else y
            painter.drawText(QPointF(x, shown + metrics.capHeight() / 2), text)

    @staticmethod
    def _hatch(painter: QPainter, rect: QRectF, color: QColor) -> None:
        """Diagonal stripes over ``rect`` (clipped by the caller), spaced by the bar's width."""
        step = max(rect.width() / 4, 8.0)
        pen = QPen(color, max(step * 0.22, 2.0))
        painter.setPen(pen)
        x = rect.left() - rect.height()
        while x < rect.right():
            painter.drawLine(QPointF(x, rect.bottom()), QPointF(x + rect.height(), rect.top()))
            x += step
        painter.setPen(Qt.PenStyle.NoPen)


# --- left/right balance ----------------------------------------------------------------------


class SymmetryBar(QWidget):
    """Left/right balance: a bar from the centre towards the stronger side, and the words."""

    def __init__(self, colors: ThemeColors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colors = gauge_colors(colors)
        self._left: float | None = None
        self._right: float | None = None
        self._colored = True
        self._accessible = ("", "")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(200, 60)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._describe()

    def set_values(self, left: float | None, right: float | None) -> None:
        left, right = _clean(left), _clean(right)
        if (left, right) != (self._left, self._right):
            old = self.text(), self.symmetry()
            self._left, self._right = left, right
            if (self.text(), self.symmetry()) != old:
                self._describe()
                self.update()

    def values(self) -> tuple[float | None, float | None]:
        return self._left, self._right

    def symmetry(self) -> float | None:
        """(L − R) / mean(L, R): positive when the left is stronger."""
        return symmetry(self._left, self._right)

    def text(self) -> str:
        return symmetry_text(self._left, self._right)

    def set_colored(self, colored: bool) -> None:
        if colored != self._colored:
            self._colored = colored
            self.update()

    def set_colors(self, colors: ThemeColors) -> None:
        derived = gauge_colors(colors)
        if derived != self._colors:
            self._colors = derived
            self.update()

    def _describe(self) -> None:
        name = self.tr("Left/right balance: {text}").format(text=self.text())
        s = self.symmetry()
        description = (
            self.tr("No signal")
            if s is None
            else self.tr("Symmetry {n} %, even within {t} %").format(
                n=round(s * 100), t=round(EVEN_THRESHOLD * 100)
            )
        )
        if (name, description) != self._accessible:
            self._accessible = (name, description)
            self.setAccessibleName(name)
            self.setAccessibleDescription(description)

    def sizeHint(self) -> QSize:
        return QSize(800, 130)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 60)

    def bar_rect(self) -> QRectF:
        """The bar's extent; its centre line is ``bar_rect().center().x()``."""
        w, h = float(self.width()), float(self.height())
        side_font = self._side_font()
        side_w = max(
            QFontMetricsF(side_font).horizontalAdvance(t) for t in (self._side(0), self._side(1))
        )
        pad = max(h * 0.06, 4.0)
        words_h = h * 0.5
        bar_h = max(h - words_h - 2 * pad, 8.0)
        left = pad + side_w + pad
        return QRectF(left, words_h + pad, max(w - 2 * left, 10.0), bar_h)

    def _side(self, i: int) -> str:
        return self.tr("Left") if i == 0 else self.tr("Right")

    def _side_font(self) -> QFont:
        return _bold(self.font(), max(self.height() * 0.2, 11.0))

    def paintEvent(self, event: QPaintEvent) -> None:
        c = self._colors
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        h = float(self.height())
        bar = self.bar_rect()
        s = self.symmetry()

        # the words, as large as the top half allows
        text = self.text()
        font = _fit(self.font(), h * 0.36, [text], self.width() * 0.9)
        painter.setFont(font)
        painter.setPen(QColor(c.text if s is not None else c.muted))
        painter.drawText(QRectF(0, 0, self.width(), bar.top()), Qt.AlignmentFlag.AlignCenter, text)

        # side names at the ends
        side_font = self._side_font()
        painter.setFont(side_font)
        painter.setPen(QColor(c.text))
        sm = QFontMetricsF(side_font)
        baseline = bar.center().y() + sm.capHeight() / 2
        painter.drawText(
            QPointF(bar.left() - sm.horizontalAdvance(self._side(0) + " "), baseline),
            self._side(0),
        )
        painter.drawText(QPointF(bar.right() + sm.horizontalAdvance(" "), baseline), self._side(1))

        # track with the "even" zone shaded around the centre
        radius = min(bar.height() * 0.2, 10.0)
        outline_w = max(h * 0.02, 2.0)
        cx = bar.center().x()
        half = bar.width() / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(c.track))
        painter.drawRoundedRect(bar, radius, radius)
        even_w = half * EVEN_THRESHOLD / SYMMETRY_SPAN
        painter.setBrush(QColor(c.band_fill if self._colored else c.band_fill_neutral))
        painter.drawRect(QRectF(cx - even_w, bar.top(), 2 * even_w, bar.height()))
        if s is not None:
            length = min(abs(s) / SYMMETRY_SPAN, 1.0) * half
            even = abs(s) < EVEN_THRESHOLD
            color = c.in_band if (self._colored and even) else c.neutral
            painter.setBrush(QColor(color))
            inset = bar.height() * 0.18
            x0 = cx - length if s > 0 else cx
            painter.drawRect(QRectF(x0, bar.top() + inset, length, bar.height() - 2 * inset))
        outline = QPen(QColor(c.outline), outline_w)
        if s is None:
            outline.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(outline)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(bar, radius, radius)
        centre = QPen(QColor(c.band_edge), max(h * 0.03, 3.0))
        centre.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(centre)
        painter.drawLine(
            QPointF(cx, bar.top() - bar.height() * 0.15),
            QPointF(cx, bar.bottom() + bar.height() * 0.15),
        )
        painter.end()
