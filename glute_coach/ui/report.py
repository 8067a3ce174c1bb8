"""A progress report for a therapist: a PDF of the saved sessions, readable in a minute.

Page 1 is the summary: who and what it covers, the key numbers (sessions done against the
routine's weekly plan, sessions done to the end, pain before and after), one plain paragraph,
how often each routine was done week by week, any session after which pain was 2 or more points
higher, and two charts (pain over time, completion per session). Then the session list, then the
sensor measurements per exercise (a chart of the mean level per side over time and a table).
Every page has a footer with its number.

Built like the handout (``glute_coach.ui.handout``): HTML in a ``QTextDocument`` painted page by
page onto a ``QPdfWriter``, so every word is real, selectable text; charts are drawn with
``QPainter`` into images at print resolution. Needs a running ``QGuiApplication``.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QPointF,
    QRectF,
    QSizeF,
    QStandardPaths,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QMessageBox, QWidget

from glute_coach.core.adherence import WeekAdherence, adherence_ratio, weekly_adherence, weeks_since
from glute_coach.core.atomic import replace_atomically
from glute_coach.core.metrics import PERCENT_MVC, ChannelMetrics, ExerciseMetrics
from glute_coach.storage.history import StoredSession
from glute_coach.storage.sessions import SessionSummary
from glute_coach.ui.finish_view import NONE_TEXT, zone_text
from glute_coach.ui.gauge import symmetry_words
from glute_coach.ui.handout import (
    ACCENT,
    BODY_PT,
    CSS_DPI,
    DPI,
    INK,
    MARGINS_MM,
    MUTED,
    RULE,
    _break_before,
    _print_font,
    paint_pages,
    pdf_writer,
)
from glute_coach.ui.widgets import date_text

CONTENT_WIDTH_MM = 210 - MARGINS_MM.left() - MARGINS_MM.right()  # A4 portrait
CHART_CSS_WIDTH = round(CONTENT_WIDTH_MM / 25.4 * CSS_DPI)
PAIN_RISE = 2  # points of pain from before to after a session that the report points out
TREND_DAYS = 14  # pain trend: the first two weeks against the last two
NOTES_CHARS = 90
KEEP_WITH_HEADING_MM = 22  # a heading, its chart and about four table rows share a page

BEFORE_COLOR = "#c2410c"  # orange and blue: told apart with colour blindness, and in grey
AFTER_COLOR = ACCENT
SIDE_COLORS = {"left": ACCENT, "right": "#c2410c", "both": "#1b6e34"}
GRID = "#e3e6ea"
BAND = "#e6f0e8"
_CELL = f"border-width:0.75px; border-style:solid; border-color:{RULE};"


# --- the numbers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Session:
    day: date | None
    stored: StoredSession

    @property
    def summary(self) -> SessionSummary:
        return self.stored.summary


@dataclass(frozen=True)
class _Plan:
    """A routine as the report needs it: its title and how often it is prescribed."""

    routine_id: str
    title: str
    times_per_week: int | None  # None: the routine is not in the library (counts only)


@dataclass(frozen=True)
class _Adherence:
    """One routine's sessions against its weekly plan (ISO weeks, as the history view counts).

    Sessions done to the end count towards the plan; the week of ``end`` counts once it is
    over or its plan is already met (an unfinished week is not a missed one).
    """

    plan: _Plan
    sessions: int
    weeks: list[WeekAdherence]
    end: date

    def open_week(self, week: WeekAdherence) -> bool:
        return week.week_end > self.end and not week.met

    @property
    def counted(self) -> list[WeekAdherence]:
        return [w for w in self.weeks if not self.open_week(w)]

    @property
    def prescribed(self) -> int:
        return sum(w.prescribed for w in self.counted)

    @property
    def on_plan(self) -> int:
        """Sessions that count towards the plan: at most the prescribed number each week."""
        return sum(min(w.done, w.prescribed) for w in self.counted)

    @property
    def ratio(self) -> float | None:
        return adherence_ratio(self.counted)


@dataclass(frozen=True)
class _PainTrend:
    before: tuple[float | None, float | None]  # mean pain before: first weeks, last weeks
    after: tuple[float | None, float | None]
    halves: bool  # the period is short: first half against second half


def session_day(summary: SessionSummary) -> date | None:
    """The day a session started, as the person's clock said; None when it cannot be read."""
    try:
        return datetime.fromisoformat(summary.started_at).date()
    except ValueError:
        return None


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def routine_adherence(
    plan: _Plan, sessions: list[_Session], start: date | None, end: date
) -> _Adherence:
    """How often ``sessions`` (all of ``plan``'s routine) kept to its weekly plan up to ``end``."""
    days = [s.day for s in sessions if s.day is not None and s.summary.completed]
    all_days = [s.day for s in sessions if s.day is not None]
    if plan.times_per_week is None or not all_days:
        return _Adherence(plan, len(sessions), [], end)
    first = start if start is not None else min(all_days)
    weeks = weekly_adherence(days, plan.times_per_week, weeks_since(first, end), end)
    return _Adherence(plan, len(sessions), weeks, end)


def find_plan(routine_id: str, title: str) -> _Plan:
    """The routine's weekly plan from the library; counts only when it cannot be found."""
    from glute_coach.core.loading import RoutineLoadError, load_routine
    from glute_coach.storage.library import find_routine

    try:
        path = find_routine(routine_id)
        if path is not None and path.is_file():
            routine = load_routine(path).routine
            if routine.id == routine_id:
                times = routine.frequency.times_per_week if routine.frequency else None
                return _Plan(routine_id, title or routine.title, times)
    except (RoutineLoadError, OSError, ValueError):
        pass
    return _Plan(routine_id, title, None)


def _mean(values: Iterable[int | None]) -> float | None:
    numbers = [v for v in values if v is not None]
    return sum(numbers) / len(numbers) if numbers else None


def pain_trend(sessions: list[_Session]) -> _PainTrend:
    """Mean pain in the first two weeks against the last two (halves of a shorter period)."""
    dated = [s for s in sessions if s.day is not None]
    if not dated:
        return _PainTrend((None, None), (None, None), halves=False)
    first_day = min(s.day for s in dated if s.day is not None)
    last_day = max(s.day for s in dated if s.day is not None)
    span = (last_day - first_day).days
    if span >= 2 * TREND_DAYS:
        early = [s for s in dated if s.day is not None and (s.day - first_day).days < TREND_DAYS]
        late = [s for s in dated if s.day is not None and (last_day - s.day).days < TREND_DAYS]
        halves = False
    else:
        middle = first_day + timedelta(days=span / 2)
        early = [s for s in dated if s.day is not None and s.day <= middle]
        late = [s for s in dated if s.day is not None and s.day > middle]
        halves = True
    return _PainTrend(
        (_mean(s.summary.pain_before for s in early), _mean(s.summary.pain_before for s in late)),
        (_mean(s.summary.pain_after for s in early), _mean(s.summary.pain_after for s in late)),
        halves,
    )


def pain_rises(sessions: list[_Session]) -> list[_Session]:
    """Sessions after which pain was ``PAIN_RISE`` or more points higher than before."""
    return [
        s
        for s in sessions
        if s.summary.pain_before is not None
        and s.summary.pain_after is not None
        and s.summary.pain_after - s.summary.pain_before >= PAIN_RISE
    ]


def steps_share(summary: SessionSummary) -> float | None:
    """The share of the session's steps done (0..1); None when no step was recorded."""
    total = len(summary.steps_done) + len(summary.steps_skipped)
    return len(summary.steps_done) / total if total else None


# --- text --------------------------------------------------------------------------------------


def day_text(day: date | None) -> str:
    """A day as the report writes it, e.g. "12 Mar 2025" (month names in the UI language)."""
    if day is None:
        return NONE_TEXT
    return date_text(day, "day_month_year")


def _short_day(day: date) -> str:
    return date_text(day, "day_month")


def _number(value: float | None) -> str:
    if value is None:
        return NONE_TEXT
    return QLocale().toString(float(value), "f", 1)


def _level(value: float | None, unit: str) -> str:
    if value is None:
        return NONE_TEXT
    size = abs(value)
    digits = 0 if size >= 10 or size == 0 else (1 if size >= 1 else 2)
    number = QLocale().toString(float(value), "f", digits)
    return f"{number} {unit}" if unit else number


def _shorten(text: str, limit: int = NOTES_CHARS) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] if " " in flat[: limit - 1] else flat[: limit - 1]
    return cut.rstrip(" ,.;:") + "…"


def _esc(text: str) -> str:
    return html.escape(text)


# --- charts ------------------------------------------------------------------------------------


@dataclass
class _Series:
    name: str
    color: str
    points: list[tuple[float, float]]  # (x, y) in the chart's units
    dashed: bool = False
    square: bool = False


@dataclass
class _Chart:
    """A small print chart: axes, grid, ticks and a legend, drawn at ``DPI``."""

    width_mm: float
    height_mm: float
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    y_title: str
    series: list[_Series] = field(default_factory=list)
    band: tuple[float, float] | None = None
    band_name: str = ""
    rings: list[tuple[float, float]] = field(default_factory=list)
    ring_name: str = ""
    bars: list[tuple[float, float, str]] = field(default_factory=list)  # x, y, colour
    bar_legend: list[tuple[str, str]] = field(default_factory=list)  # colour, name

    def render(self) -> QImage:
        px = DPI / 25.4
        image = QImage(
            round(self.width_mm * px), round(self.height_mm * px), QImage.Format.Format_RGB32
        )
        dots = round(DPI / 0.0254)
        image.setDotsPerMeterX(dots)
        image.setDotsPerMeterY(dots)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        try:
            self._draw(painter, image.width(), image.height(), px)
        finally:
            painter.end()
        return image

    def _draw(self, p: QPainter, width: int, height: int, px: float) -> None:
        font = _print_font(7.5)
        p.setFont(font)
        fm = QFontMetricsF(font, p.device())
        y_label_w = max((fm.horizontalAdvance(t) for _, t in self.y_ticks), default=0.0)
        plot = QRectF(
            y_label_w + 4.5 * px,
            fm.height() * 2 + 3 * px,
            width - y_label_w - 4.5 * px - 2 * px,
            height - fm.height() * 3 - 5 * px,
        )
        (x0, x1), (y0, y1) = self.x_range, self.y_range
        x_span, y_span = (x1 - x0) or 1.0, (y1 - y0) or 1.0

        def at(x: float, y: float) -> QPointF:
            return QPointF(
                plot.left() + (x - x0) / x_span * plot.width(),
                plot.bottom() - (min(max(y, y0), y1) - y0) / y_span * plot.height(),
            )

        # the title of the y axis and the legend, above the plot
        p.setPen(QColor(MUTED))
        p.drawText(QPointF(0, fm.ascent()), self.y_title)
        self._legend(p, fm, QPointF(plot.left(), fm.height() + fm.ascent() + 0.5 * px), px)

        if self.band is not None:
            top, bottom = at(x0, self.band[1]), at(x1, self.band[0])
            p.fillRect(QRectF(top, bottom), QColor(BAND))
        grid = QPen(QColor(GRID))
        grid.setWidthF(0.25 * px)
        for y, text in self.y_ticks:
            point = at(x0, y)
            p.setPen(grid)
            p.drawLine(point, at(x1, y))
            p.setPen(QColor(MUTED))
            box = QRectF(0, point.y() - fm.height() / 2, plot.left() - 1.5 * px, fm.height())
            p.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        axis = QPen(QColor(MUTED))
        axis.setWidthF(0.3 * px)
        p.setPen(axis)
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        last_right = -1e9
        for x, text in self.x_ticks:
            point = at(x, y0)
            p.setPen(axis)
            p.drawLine(point, point + QPointF(0, 1.2 * px))
            w = fm.horizontalAdvance(text)
            left = min(max(point.x() - w / 2, plot.left() - w / 2), width - w)
            if left < last_right + 2 * px:
                continue  # no labels on top of each other
            p.setPen(QColor(MUTED))
            p.drawText(QPointF(left, plot.bottom() + 1.8 * px + fm.ascent()), text)
            last_right = left + w

        if self.bars:
            slot = plot.width() / max(len(self.bars), 1)
            bar_w = min(slot * 0.7, 6 * px)
            for x, y, color in self.bars:
                top = at(x, y)
                p.fillRect(
                    QRectF(top.x() - bar_w / 2, top.y(), bar_w, plot.bottom() - top.y()),
                    QColor(color),
                )
        for series in self.series:
            self._line(p, series, at, px)
        ring = QPen(QColor(INK))
        ring.setWidthF(0.35 * px)
        p.setPen(ring)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for x, y in self.rings:
            p.drawEllipse(at(x, y), 2.0 * px, 2.0 * px)

    def _line(
        self, p: QPainter, series: _Series, at: Callable[[float, float], QPointF], px: float
    ) -> None:
        points = [at(x, y) for x, y in series.points]
        pen = QPen(QColor(series.color))
        pen.setWidthF(0.5 * px)
        if series.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        if len(points) > 1:
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            p.drawPath(path)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(QColor(series.color)))
        r = 0.8 * px
        for point in points:
            if series.square:
                p.drawRect(QRectF(point.x() - r, point.y() - r, 2 * r, 2 * r))
            else:
                p.drawEllipse(point, r * 1.1, r * 1.1)

    def _legend(self, p: QPainter, fm: QFontMetricsF, origin: QPointF, px: float) -> None:
        x = origin.x()
        mid = origin.y() - fm.ascent() / 2 + fm.descent() / 2
        entries: list[tuple[str, Callable[[float], None]]] = []
        for series in self.series:

            def key(left: float, s: _Series = series) -> None:
                pen = QPen(QColor(s.color))
                pen.setWidthF(0.5 * px)
                if s.dashed:
                    pen.setStyle(Qt.PenStyle.DashLine)
                p.setPen(pen)
                p.drawLine(QPointF(left, mid), QPointF(left + 6 * px, mid))
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QBrush(QColor(s.color)))
                r = 0.8 * px
                centre = QPointF(left + 3 * px, mid)
                if s.square:
                    p.drawRect(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r))
                else:
                    p.drawEllipse(centre, r * 1.1, r * 1.1)

            entries.append((series.name, key))
        for color, name in self.bar_legend:

            def swatch(left: float, c: str = color) -> None:
                p.fillRect(QRectF(left + 1.5 * px, mid - 1.5 * px, 3 * px, 3 * px), QColor(c))

            entries.append((name, swatch))
        if self.band is not None and self.band_name:

            def band(left: float) -> None:
                p.fillRect(QRectF(left, mid - 1.5 * px, 6 * px, 3 * px), QColor(BAND))

            entries.append((self.band_name, band))
        if self.rings and self.ring_name:

            def ring(left: float) -> None:
                pen = QPen(QColor(INK))
                pen.setWidthF(0.35 * px)
                p.setPen(pen)
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(QPointF(left + 3 * px, mid), 1.6 * px, 1.6 * px)

            entries.append((self.ring_name, ring))
        for name, draw_key in entries:
            draw_key(x)
            p.setPen(QColor(INK))
            p.drawText(QPointF(x + 7.5 * px, origin.y()), name)
            x += 7.5 * px + fm.horizontalAdvance(name) + 5 * px


def _date_ticks(start: date, end: date) -> list[tuple[float, str]]:
    """Mondays between ``start`` and ``end`` (every second or fourth one on long periods)."""
    span = (end - start).days
    step = 7 if span <= 10 * 7 else (14 if span <= 20 * 7 else 28)
    monday = _monday(start)
    if monday < start:
        monday += timedelta(days=7)
    ticks: list[tuple[float, str]] = []
    while monday <= end:
        ticks.append(((monday - start).days, _short_day(monday)))
        monday += timedelta(days=step)
    return ticks or [(0.0, _short_day(start))]


def _nice_top(value: float) -> tuple[float, float]:
    """A round top for a y axis that shows ``value``, and the step of its ticks."""
    if value <= 0:
        return 1.0, 0.25
    raw = value / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return math.ceil(value / step) * step, step


def _x(day: date, start: date, order: int) -> float:
    """A session's place on a time axis: its day, sessions on the same day side by side."""
    return (day - start).days + 0.2 * order


# --- building the HTML -------------------------------------------------------------------------


@dataclass
class _Builder:
    sessions: list[_Session]
    start: date
    end: date
    routine_id: str | None
    client: str | None
    today: date
    images: dict[str, QImage] = field(default_factory=dict)

    def image(self, chart: _Chart) -> str:
        picture = chart.render()
        name = f"report-chart:{len(self.images)}"
        self.images[name] = picture
        height = CHART_CSS_WIDTH * chart.height_mm / chart.width_mm
        return f"<p class='chart'><img src='{name}' width='{CHART_CSS_WIDTH}' height='{height:.0f}'></p>"

    def dated(self) -> list[tuple[_Session, float]]:
        """Sessions with a day, and their x on the time axis of the charts."""
        out: list[tuple[_Session, float]] = []
        same_day: dict[date, int] = {}
        for s in self.sessions:
            if s.day is None:
                continue
            order = same_day.get(s.day, 0)
            same_day[s.day] = order + 1
            out.append((s, _x(s.day, self.start, order)))
        return out

    # page 1

    def head(self) -> str:
        title = QCoreApplication.translate("Report", "Progress report")
        out = [f"<h1>{_esc(title)}</h1>"]
        weeks = max(1, math.ceil(((self.end - self.start).days + 1) / 7))
        period = (
            QCoreApplication.translate("Report", "{start} to {end} (1 week)")
            if weeks == 1
            else QCoreApplication.translate("Report", "{start} to {end} ({n} weeks)")
        ).format(start=day_text(self.start), end=day_text(self.end), n=weeks)
        lines = []
        if self.client:
            lines.append(
                QCoreApplication.translate("Report", "For {client}").format(client=self.client)
            )
        lines.append(period)
        if self.routine_id is not None:
            title = next(
                (s.summary.title for s in self.sessions if s.summary.title), self.routine_id
            )
            lines.append(
                QCoreApplication.translate("Report", "Routine: {title}").format(title=title)
            )
        else:
            lines.append(QCoreApplication.translate("Report", "All routines"))
        printed = day_text(date.today())
        lines.append(QCoreApplication.translate("Report", "Printed on {date}").format(date=printed))
        out.append(f"<p class='who'>{_esc(' · '.join(lines))}</p>")
        return "".join(out)

    def empty(self) -> str:
        text = QCoreApplication.translate(
            "Report",
            "No sessions were saved in this period. Sessions appear here once they are finished and saved in Glute Coach.",
        )
        return f"<p class='summary'>{_esc(text)}</p>"

    def facts(self, adherence: list[_Adherence], trend: _PainTrend) -> str:
        n = len(self.sessions)
        completed = sum(1 for s in self.sessions if s.summary.completed)
        planned = [a for a in adherence if a.weeks]
        facts: list[tuple[str, str, str]] = [
            (
                QCoreApplication.translate("Report", "Sessions"),
                str(n),
                QCoreApplication.translate("Report", "in this period"),
            )
        ]
        if planned:
            prescribed = sum(a.prescribed for a in planned)
            on_plan = sum(a.on_plan for a in planned)
            share = f"{round(100 * on_plan / prescribed)} %" if prescribed else NONE_TEXT
            facts.append(
                (
                    QCoreApplication.translate("Report", "Of the planned sessions"),
                    share,
                    QCoreApplication.translate(
                        "Report", "{done} of {planned} done to the end"
                    ).format(done=on_plan, planned=prescribed),
                )
            )
        facts.append(
            (
                QCoreApplication.translate("Report", "Done to the end"),
                f"{round(100 * completed / n)} %" if n else NONE_TEXT,
                QCoreApplication.translate("Report", "{done} of {n} sessions").format(
                    done=completed, n=n
                ),
            )
        )
        early, late = trend.before
        period_name = (
            QCoreApplication.translate("Report", "first half → second half")
            if trend.halves
            else QCoreApplication.translate("Report", "first → last 2 weeks")
        )
        facts.append(
            (
                QCoreApplication.translate("Report", "Pain before (0–10)"),
                f"{_number(early)} → {_number(late)}",
                period_name,
            )
        )
        cells = "".join(
            f"<td width='{100 // len(facts)}%' valign='top'>"
            f"<p class='caption'>{_esc(name)}</p>"
            f"<p class='fact'>{_esc(value)}</p>"
            f"<p class='small'>{_esc(note)}</p></td>"
            for name, value, note in facts
        )
        row = f"<table width='100%' cellspacing='0' cellpadding='0'><tr>{cells}</tr></table>"
        return (
            "<table width='100%' cellspacing='0' cellpadding='8'"
            " style='border-collapse:collapse; margin-top:4px'>"
            f"<tr><td style='{_CELL}'>{row}</td></tr></table>"
        )

    def summary(self, adherence: list[_Adherence], trend: _PainTrend, rises: list[_Session]) -> str:
        n = len(self.sessions)
        weeks = max(1, math.ceil(((self.end - self.start).days + 1) / 7))
        sentences = [
            (
                QCoreApplication.translate("Report", "One session was saved in {weeks} weeks.")
                if n == 1
                else QCoreApplication.translate(
                    "Report", "{n} sessions were saved in {weeks} weeks."
                )
            ).format(n=n, weeks=weeks)
            if weeks > 1
            else (
                QCoreApplication.translate("Report", "One session was saved this week.")
                if n == 1
                else QCoreApplication.translate("Report", "{n} sessions were saved this week.")
            ).format(n=n)
        ]
        planned = [a for a in adherence if a.weeks and a.prescribed]
        if planned:
            share = round(
                100 * sum(a.on_plan for a in planned) / sum(a.prescribed for a in planned)
            )
            if share >= 80:
                sentences.append(
                    QCoreApplication.translate(
                        "Report", "That is {share} % of the planned sessions: a steady routine."
                    ).format(share=share)
                )
            else:
                sentences.append(
                    QCoreApplication.translate(
                        "Report",
                        "That is {share} % of the planned sessions; the weekly table below shows when it was easier to keep up.",
                    ).format(share=share)
                )
        completed = sum(1 for s in self.sessions if s.summary.completed)
        if completed == n:
            sentences.append(
                QCoreApplication.translate("Report", "Every session was done to the end.")
            )
        else:
            sentences.append(
                QCoreApplication.translate(
                    "Report", "{done} of {n} sessions were done to the end."
                ).format(done=completed, n=n)
            )
        early, late = trend.before
        if early is not None and late is not None:
            if late <= early - 0.5:
                sentences.append(
                    QCoreApplication.translate(
                        "Report", "Pain before sessions eased from {a} to {b} on average."
                    ).format(a=_number(early), b=_number(late))
                )
            elif late >= early + 0.5:
                sentences.append(
                    QCoreApplication.translate(
                        "Report",
                        "Pain before sessions was {a} on average at first and {b} lately.",
                    ).format(a=_number(early), b=_number(late))
                )
            else:
                sentences.append(
                    QCoreApplication.translate(
                        "Report", "Pain before sessions stayed about the same (around {b})."
                    ).format(b=_number(late))
                )
        else:
            sentences.append(
                QCoreApplication.translate(
                    "Report", "Pain was not recorded often enough to compare."
                )
            )
        if rises:
            sentences.append(
                (
                    QCoreApplication.translate(
                        "Report", "One session ended with more pain than it started with (below)."
                    )
                    if len(rises) == 1
                    else QCoreApplication.translate(
                        "Report",
                        "{n} sessions ended with more pain than they started with (below).",
                    )
                ).format(n=len(rises))
            )
        measured = sum(1 for s in self.sessions if s.summary.metrics)
        if measured:
            sentences.append(
                (
                    QCoreApplication.translate("Report", "One session was measured with a sensor.")
                    if measured == 1
                    else QCoreApplication.translate(
                        "Report", "{n} sessions were measured with a sensor."
                    )
                ).format(n=measured)
            )
        return f"<p class='summary'>{_esc(' '.join(sentences))}</p>"

    def how_often(self, adherence: list[_Adherence]) -> str:
        heading = QCoreApplication.translate("Report", "How often")
        head = f"<h2>{_esc(heading)}</h2>" + _table_head(
            [
                (QCoreApplication.translate("Report", "Routine"), "left", 0),
                (QCoreApplication.translate("Report", "Sessions"), "right", 0),
                (QCoreApplication.translate("Report", "Plan"), "left", 0),
                (QCoreApplication.translate("Report", "Week by week (done / planned)"), "left", 0),
            ],
            padding=3,
        )
        rows = []
        for a in adherence:
            times = a.plan.times_per_week
            if times is None:
                plan = QCoreApplication.translate("Report", "no weekly plan on file")
                weekly = NONE_TEXT
            else:
                plan = (
                    QCoreApplication.translate("Report", "once a week")
                    if times == 1
                    else QCoreApplication.translate("Report", "{n} times a week").format(n=times)
                )
                so_far = QCoreApplication.translate("Report", "so far")
                weekly = " · ".join(
                    f"{w.done}/{w.prescribed}" + (f" ({so_far})" if a.open_week(w) else "")
                    for w in a.weeks
                )
                if a.prescribed:
                    share = round(100 * a.on_plan / a.prescribed)
                    plan += f" · {share} %"
            rows.append(
                "<tr>"
                f"<td style='{_CELL}'>{_esc(a.plan.title)}</td>"
                f"<td align='right' style='{_CELL}'>{a.sessions}</td>"
                f"<td style='{_CELL}'>{_esc(plan)}</td>"
                f"<td style='{_CELL}'>{_esc(weekly)}</td>"
                "</tr>"
            )
        note = QCoreApplication.translate(
            "Report",
            "Weeks run Monday to Sunday. Sessions done to the end count towards the plan, at most as many as planned each week.",
        )
        return head + "".join(rows) + f"</table><p class='small'>{_esc(note)}</p>"

    def pain(self, trend: _PainTrend, rises: list[_Session]) -> str:
        heading = QCoreApplication.translate("Report", "Pain")
        out = [f"<h2>{_esc(heading)}</h2>"]
        (b0, b1), (a0, a1) = trend.before, trend.after
        line = (
            QCoreApplication.translate(
                "Report",
                "Average pain (0–10), first half → second half of the period: before sessions {b0} → {b1}, after sessions {a0} → {a1}.",
            )
            if trend.halves
            else QCoreApplication.translate(
                "Report",
                "Average pain (0–10), first 2 weeks → last 2 weeks: before sessions {b0} → {b1}, after sessions {a0} → {a1}.",
            )
        ).format(b0=_number(b0), b1=_number(b1), a0=_number(a0), a1=_number(a1))
        out.append(f"<p>{_esc(line)}</p>")
        if rises:
            lead = QCoreApplication.translate(
                "Report",
                "Pain was 2 or more points higher after these sessions; they may be worth a chat:",
            )
            out.append(f"<p class='note'>{_esc(lead)}</p><ul>")
            for s in rises:
                item = QCoreApplication.translate(
                    "Report", "{day}, {routine}: pain {before} → {after}"
                ).format(
                    day=day_text(s.day),
                    routine=s.summary.title,
                    before=s.summary.pain_before,
                    after=s.summary.pain_after,
                )
                if s.summary.notes.strip():
                    item += f" (“{_shorten(s.summary.notes, 70)}”)"
                out.append(f"<li>{_esc(item)}</li>")
            out.append("</ul>")
        else:
            none = QCoreApplication.translate(
                "Report", "No session ended with pain 2 or more points higher than before it."
            )
            out.append(f"<p class='muted'>{_esc(none)}</p>")
        return "".join(out)

    def pain_chart(self, rises: list[_Session]) -> str:
        dated = self.dated()
        before = [
            (x, float(s.summary.pain_before)) for s, x in dated if s.summary.pain_before is not None
        ]
        after = [
            (x, float(s.summary.pain_after)) for s, x in dated if s.summary.pain_after is not None
        ]
        if not before and not after:
            return ""
        flagged = {id(s) for s in rises}
        rings = [
            (x, float(s.summary.pain_after))
            for s, x in dated
            if id(s) in flagged and s.summary.pain_after is not None
        ]
        span = max((self.end - self.start).days, 1)
        chart = _Chart(
            width_mm=CONTENT_WIDTH_MM,
            height_mm=46,
            x_range=(-0.5, span + 0.5),
            y_range=(0, 10),
            x_ticks=_date_ticks(self.start, self.end),
            y_ticks=[(float(v), str(v)) for v in range(0, 11, 2)],
            y_title=QCoreApplication.translate("Report", "Pain over time (0 = none, 10 = worst)"),
            series=[
                _Series(
                    QCoreApplication.translate("Report", "Before"),
                    BEFORE_COLOR,
                    before,
                    dashed=True,
                ),
                _Series(
                    QCoreApplication.translate("Report", "After"), AFTER_COLOR, after, square=True
                ),
            ],
            rings=rings,
            ring_name=QCoreApplication.translate("Report", "2 or more points higher after"),
        )
        return self.image(chart)

    def completion_chart(self) -> str:
        dated = self.dated()
        shares = [(s, x, steps_share(s.summary)) for s, x in dated]
        if not any(share is not None for _, _, share in shares):
            return ""
        bars = [
            (float(i), 100 * (share or 0.0), AFTER_COLOR if s.summary.completed else "#9db7d9")
            for i, (s, _, share) in enumerate(shares)
        ]
        count = len(bars)
        every = max(1, math.ceil(count / 8))
        ticks = [
            (float(i), _short_day(s.day))
            for i, (s, _, _) in enumerate(shares)
            if s.day is not None and (i % every == 0 or i == count - 1)
        ]
        chart = _Chart(
            width_mm=CONTENT_WIDTH_MM,
            height_mm=36,
            x_range=(-0.6, count - 0.4),
            y_range=(0, 100),
            x_ticks=ticks,
            y_ticks=[(float(v), f"{v} %") for v in (0, 50, 100)],
            y_title=QCoreApplication.translate("Report", "Steps done per session"),
            bars=bars,
            bar_legend=[
                (AFTER_COLOR, QCoreApplication.translate("Report", "Done to the end")),
                ("#9db7d9", QCoreApplication.translate("Report", "Stopped early")),
            ],
        )
        return self.image(chart)

    # the session list

    def session_list(self) -> str:
        heading = QCoreApplication.translate("Report", "Sessions")
        head = f"<h2 style='page-break-before:always'>{_esc(heading)}</h2>" + _table_head(
            [
                (QCoreApplication.translate("Report", "Date"), "left", 13),
                (QCoreApplication.translate("Report", "Routine"), "left", 27),
                (QCoreApplication.translate("Report", "Done"), "left", 15),
                (QCoreApplication.translate("Report", "Pain"), "left", 9),
                (QCoreApplication.translate("Report", "Effort"), "right", 8),
                (QCoreApplication.translate("Report", "Notes"), "left", 28),
            ],
            padding=3,
        )
        rows = []
        rises = {id(s) for s in pain_rises(self.sessions)}
        for s in self.sessions:
            m = s.summary
            skipped = len(m.steps_skipped)
            if m.completed:
                done = (
                    QCoreApplication.translate("Report", "Done")
                    if not skipped
                    else QCoreApplication.translate("Report", "Done, {n} skipped").format(n=skipped)
                )
            else:
                done = QCoreApplication.translate("Report", "Stopped early")
            before = NONE_TEXT if m.pain_before is None else str(m.pain_before)
            after = NONE_TEXT if m.pain_after is None else str(m.pain_after)
            pain = _esc(f"{before} → {after}")
            if id(s) in rises:
                pain = f"<b>{pain}</b>"
            rpe = NONE_TEXT if m.rpe is None else str(m.rpe)
            rows.append(
                "<tr>"
                f"<td style='{_CELL}'>{_esc(day_text(s.day))}</td>"
                f"<td style='{_CELL}'>{_esc(m.title)}</td>"
                f"<td style='{_CELL}'>{_esc(done)}</td>"
                f"<td style='{_CELL}'>{pain}</td>"
                f"<td align='right' style='{_CELL}'>{rpe}</td>"
                f"<td style='{_CELL}'><span class='notes'>{_esc(_shorten(m.notes))}</span></td>"
                "</tr>"
            )
        legend = QCoreApplication.translate(
            "Report",
            "Pain: before → after the session. Pain and effort (RPE) are the person's own ratings from 0 to 10. Pain in bold: 2 or more points higher after the session.",
        )
        return head + "".join(rows) + f"</table><p class='muted'>{_esc(legend)}</p>"

    # the sensor measurements

    def measurements(self) -> str:
        exercises: dict[str, list[tuple[_Session, ExerciseMetrics]]] = {}
        names: dict[str, str] = {}
        for s in self.sessions:
            for metrics in s.summary.metrics:
                key = metrics.exercise_id or metrics.exercise
                exercises.setdefault(key, []).append((s, metrics))
                names.setdefault(key, metrics.exercise)
        if not exercises:
            return ""
        heading = QCoreApplication.translate("Report", "Sensor measurements")
        intro = QCoreApplication.translate(
            "Report",
            "Per exercise, as measured in each session. %MVC is the share of the strongest squeeze measured at the start of the session. Symmetry compares the left and right target muscles; reaction is the time from the cue to the muscle switching on.",
        )
        out = [
            f"<h2 style='page-break-before:always'>{_esc(heading)}</h2>",
            f"<p class='muted'>{_esc(intro)}</p>",
        ]
        for key, items in exercises.items():
            out.append(f"<h3>{_esc(names[key])}</h3>")
            out.append(self.measurement_chart(items))
            out.append(self.measurement_table(items))
        return "".join(out)

    def measurement_chart(self, items: list[tuple[_Session, ExerciseMetrics]]) -> str:
        units = [c.unit for _, m in items for c in m.channels if c.mean is not None]
        if not units:
            return ""
        unit = PERCENT_MVC if PERCENT_MVC in units else max(set(units), key=units.count)
        by_side: dict[str, list[tuple[float, float]]] = {}
        same_day: dict[date, int] = {}
        band: tuple[float, float] | None = None
        for s, metrics in items:
            if s.day is None:
                continue
            order = same_day.get(s.day, 0)
            same_day[s.day] = order + 1
            x = _x(s.day, self.start, order)
            values: dict[str, list[float]] = {}
            for c in metrics.channels:
                if c.unit == unit and c.mean is not None:
                    values.setdefault(c.side if c.side in SIDE_COLORS else "both", []).append(
                        c.mean
                    )
            for side, means in values.items():
                by_side.setdefault(side, []).append((x, sum(means) / len(means)))
            if metrics.band is not None:
                band = metrics.band
        if not by_side:
            return ""
        names = {
            "left": QCoreApplication.translate("Report", "Left"),
            "right": QCoreApplication.translate("Report", "Right"),
            "both": QCoreApplication.translate("Report", "Both sides"),
        }
        series = [
            _Series(names[side], SIDE_COLORS[side], by_side[side], square=side == "right")
            for side in ("left", "right", "both")
            if side in by_side
        ]
        highest = max(y for points in by_side.values() for _, y in points)
        if band is not None:
            highest = max(highest, band[1])
        top, step = _nice_top(highest * 1.1)
        ticks = []
        value = 0.0
        while value <= top + step / 2:
            ticks.append((value, _level(value, "")))
            value += step
        span = max((self.end - self.start).days, 1)
        chart = _Chart(
            width_mm=CONTENT_WIDTH_MM,
            height_mm=40,
            x_range=(-0.5, span + 0.5),
            y_range=(0.0, top),
            x_ticks=_date_ticks(self.start, self.end),
            y_ticks=ticks,
            y_title=QCoreApplication.translate("Report", "Mean level per side ({unit})").format(
                unit=unit
            ),
            series=series,
            band=band,
            band_name=QCoreApplication.translate("Report", "Target zone"),
        )
        return self.image(chart)

    def measurement_table(self, items: list[tuple[_Session, ExerciseMetrics]]) -> str:
        columns = [
            (QCoreApplication.translate("Report", "Date"), "left"),
            (QCoreApplication.translate("Report", "Side"), "left"),
            (QCoreApplication.translate("Report", "Peak"), "right"),
            (QCoreApplication.translate("Report", "Mean"), "right"),
            (QCoreApplication.translate("Report", "Time in zone"), "right"),
            (QCoreApplication.translate("Report", "Reps"), "right"),
            (QCoreApplication.translate("Report", "Symmetry"), "left"),
            (QCoreApplication.translate("Report", "Reaction"), "right"),
        ]
        head = _table_head([(name, align, 0) for name, align in columns], padding=2)
        rows = []
        for s, metrics in items:
            channels: list[ChannelMetrics | None] = [*metrics.channels] or [None]
            for n, channel in enumerate(channels):
                cells = []
                if n == 0:
                    span = f" rowspan='{len(channels)}'" if len(channels) > 1 else ""
                    cells.append(
                        f"<td valign='top'{span} style='{_CELL}'>{_esc(day_text(s.day))}</td>"
                    )
                values = self.channel_values(channel, metrics.active_s)
                for (_, align), value in zip(columns[1:6], values, strict=True):
                    cells.append(f"<td align='{align}' style='{_CELL}'>{_esc(value)}</td>")
                if n == 0:
                    span = f" rowspan='{len(channels)}'" if len(channels) > 1 else ""
                    cells.append(
                        f"<td valign='top'{span} style='{_CELL}'>{_esc(symmetry_text(metrics))}</td>"
                    )
                latency = (
                    NONE_TEXT
                    if channel is None or channel.onset_latency_s is None
                    else QCoreApplication.translate("Report", "{ms} ms").format(
                        ms=round(channel.onset_latency_s * 1000)
                    )
                )
                cells.append(f"<td align='right' style='{_CELL}'>{_esc(latency)}</td>")
                rows.append("<tr>" + "".join(cells) + "</tr>")
        return head + "".join(rows) + "</table>"

    def channel_values(self, channel: ChannelMetrics | None, active_s: float) -> list[str]:
        """Side, peak, mean, time in zone and reps of one channel; "—" when not measured."""
        if channel is None:
            return [NONE_TEXT] * 5
        sides = {
            "left": QCoreApplication.translate("Report", "Left"),
            "right": QCoreApplication.translate("Report", "Right"),
            "both": QCoreApplication.translate("Report", "Both sides"),
        }
        side = sides.get(channel.side, channel.side)
        zone = zone_text(channel.zone_s, active_s)
        return [
            side,
            _level(channel.peak, channel.unit),
            _level(channel.mean, channel.unit),
            zone,
            str(channel.reps),
        ]


def _table_head(columns: list[tuple[str, str, int]], *, padding: int) -> str:
    """A table's start and its header row (repeated on every page the table runs onto).

    ``columns`` are (already translated name, alignment, width in % or 0 for "as needed").
    """
    cells = "".join(
        "<th" + (f" width='{width}%'" if width else "") + f" align='{align}' style='{_CELL}'>"
        f"{_esc(name)}</th>"
        for name, align, width in columns
    )
    return (
        f"<table width='100%' cellspacing='0' cellpadding='{padding}'"
        f" style='border-collapse:collapse'><thead><tr>{cells}</tr></thead>"
    )


def symmetry_text(metrics: ExerciseMetrics) -> str:
    """ "Even", "Left 12 % stronger", or "—" when it was not measured."""
    return NONE_TEXT if metrics.symmetry is None else symmetry_words(metrics.symmetry)


def _stylesheet() -> str:
    return f"""
    body {{ color: {INK}; }}
    h1 {{ font-size: 20pt; font-weight: bold; color: {INK}; margin-top: 0; margin-bottom: 2px; }}
    h2 {{ font-size: 13pt; font-weight: bold; color: {ACCENT}; margin-top: 12px;
          margin-bottom: 4px; }}
    h3 {{ font-size: {BODY_PT + 1.5}pt; font-weight: bold; color: {INK}; margin-top: 14px;
          margin-bottom: 2px; }}
    p {{ margin-top: 0; margin-bottom: 4px; }}
    p.who {{ color: {MUTED}; margin-bottom: 6px; }}
    p.summary {{ font-size: {BODY_PT + 0.5}pt; margin-top: 8px; margin-bottom: 2px; }}
    p.caption {{ color: {MUTED}; font-size: {BODY_PT - 1}pt; margin-bottom: 1px; }}
    p.fact {{ font-size: {BODY_PT + 4}pt; font-weight: bold; margin-bottom: 1px; }}
    p.small {{ color: {MUTED}; font-size: {BODY_PT - 1}pt; }}
    p.muted {{ color: {MUTED}; }}
    p.note {{ margin-top: 4px; margin-bottom: 0; }}
    p.chart {{ margin-top: 6px; margin-bottom: 0; }}
    th {{ font-weight: bold; background-color: #f4f6f8; font-size: {BODY_PT - 1}pt; }}
    td {{ font-size: {BODY_PT - 1}pt; }}
    span.notes {{ color: {MUTED}; }}
    ul {{ margin-top: 2px; margin-bottom: 0; -qt-list-indent: 1; }}
    li {{ margin-bottom: 1px; }}
    """


def _sessions_in(
    sessions: Iterable[StoredSession], since: date | None, routine_id: str | None
) -> list[_Session]:
    chosen = [
        _Session(session_day(s.summary), s)
        for s in sessions
        if routine_id is None or s.summary.routine_id == routine_id
    ]
    chosen = [s for s in chosen if since is None or (s.day is not None and s.day >= since)]
    chosen.sort(key=lambda s: (s.day or date.min, s.summary.started_at))
    return chosen


def report_html(
    sessions: list[StoredSession],
    *,
    since: date | None = None,
    routine_id: str | None = None,
    client: str | None = None,
    today: date | None = None,
) -> tuple[str, dict[str, QImage]]:
    """The report's HTML and the chart images it refers to (by their ``src`` names)."""
    today = today or date.today()
    chosen = _sessions_in(sessions, since, routine_id)
    days = [s.day for s in chosen if s.day is not None]
    start = since if since is not None else (min(days) if days else today)
    end = max([today, *days])
    builder = _Builder(chosen, start, end, routine_id, client, today)
    parts = [builder.head()]
    if not chosen:
        parts.append(builder.empty())
        return "<html><body>" + "".join(parts) + "</body></html>", builder.images
    plans: dict[str, list[_Session]] = {}
    for s in chosen:
        plans.setdefault(s.summary.routine_id, []).append(s)
    adherence = [
        routine_adherence(find_plan(rid, items[-1].summary.title), items, since, end)
        for rid, items in plans.items()
    ]
    trend = pain_trend(chosen)
    rises = pain_rises(chosen)
    parts += [
        builder.facts(adherence, trend),
        builder.summary(adherence, trend, rises),
        builder.how_often(adherence),
        builder.pain(trend, rises),
        builder.pain_chart(rises),
        builder.completion_chart(),
        builder.session_list(),
        builder.measurements(),
    ]
    return "<html><body>" + "".join(parts) + "</body></html>", builder.images


# --- pages -------------------------------------------------------------------------------------


def report_document(
    sessions: list[StoredSession], device: QPdfWriter, page: QSizeF, **options: Any
) -> QTextDocument:
    """The report laid out in pages of ``page`` (device pixels)."""
    html_text, images = report_html(sessions, **options)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(_print_font(BODY_PT))
    doc.setDocumentMargin(0)
    doc.setDefaultStyleSheet(_stylesheet())
    for name, image in images.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name), image)
    doc.setPageSize(page)
    doc.setHtml(html_text)
    _keep_headings(doc, KEEP_WITH_HEADING_MM * device.resolution() / 25.4)
    return doc


def _orphaned_heading(doc: QTextDocument, follow: float) -> bool:
    """Move the first heading left at a page's foot without ``follow`` of what it heads.

    "What it heads" is the paragraph after it (a chart) and ``follow`` more (the first rows of
    its table). Returns whether a heading moved (everything after it did too: measure again).
    """
    page_h = doc.pageSize().height()
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if (
            fmt.headingLevel() > 0
            and fmt.pageBreakPolicy() == QTextFormat.PageBreakFlag.PageBreak_Auto
            and QTextCursor(block).currentTable() is None
        ):
            here = layout.blockBoundingRect(block)
            bottom = here.bottom()
            nxt = block.next()
            if nxt.isValid() and QTextCursor(nxt).currentTable() is None:
                bottom = layout.blockBoundingRect(nxt).bottom()
            if int(here.top() // page_h) != int((bottom + follow) // page_h):
                _break_before(block)
                return True
        block = block.next()
    return False


def _keep_headings(doc: QTextDocument, follow: float, *, rounds: int = 100) -> None:
    for _ in range(rounds):
        if not _orphaned_heading(doc, follow):
            return


def write_report_pdf(
    sessions: list[StoredSession],
    out: Path,
    *,
    since: date | None = None,
    routine_id: str | None = None,
    client: str | None = None,
    today: date | None = None,
) -> Path:
    """Write the progress report of ``sessions`` to ``out`` (A4 portrait); return ``out``.

    Only sessions on or after ``since`` and of ``routine_id`` (when given) are reported; the
    period runs to ``today`` (default: today). With no session left the report says so. The
    file is written beside ``out`` and renamed into place, so ``out`` is never half-written.
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("write_report_pdf needs a QGuiApplication (fonts come from it)")
    options: dict[str, Any] = {
        "since": since,
        "routine_id": routine_id,
        "client": client,
        "today": today,
    }
    return replace_atomically(
        Path(out), lambda path: _write(sessions, path, options), shareable=True
    )


def _write(sessions: list[StoredSession], path: Path, options: dict[str, Any]) -> None:
    title = QCoreApplication.translate("Report", "Progress report")
    client = options.get("client")
    writer, frame = pdf_writer(
        path, QPageSize(QPageSize.PageSizeId.A4), f"{title} · {client}" if client else title
    )
    doc = report_document(sessions, writer, frame.content, **options)
    footer_left = (
        QCoreApplication.translate("Report", "Progress report for {client} · Made with Glute Coach")
        if client
        else QCoreApplication.translate("Report", "Progress report · Made with Glute Coach")
    ).format(client=client)
    paint_pages(
        writer,
        doc,
        frame,
        footer_left,
        lambda n, total: QCoreApplication.translate("Report", "Page {n} of {total}").format(
            n=n, total=total
        ),
    )


# --- the app's button --------------------------------------------------------------------------


def _suggested_name(client: str | None = None) -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    stem = "progress-report"
    if client:
        stem += "-" + (re.sub(r"[^a-z0-9]+", "-", client.lower()).strip("-") or "client")
    stem += f"-{date.today().isoformat()}"
    return str(Path(folder or Path.home()) / f"{stem}.pdf")


def save_report(
    parent: QWidget, store_opener: Callable[[], AbstractContextManager[Any]]
) -> Path | None:
    """Ask where to save (and, optionally, for whom), then write the report of every session.

    ``store_opener`` opens the session history (e.g. ``HistoryStore.open``). Says where the file
    went, or in one plain sentence why it could not be saved.
    """
    from glute_coach.ui.exports import ask_pdf_target

    title = QCoreApplication.translate("Report", "Save a progress report")
    target = ask_pdf_target(parent, title, _suggested_name())
    if target is None:
        return None
    out, client = target
    try:
        with store_opener() as store:
            sessions = list(store.sessions())
        written = write_report_pdf(sessions, out, client=client)
    except (OSError, ValueError) as exc:
        QMessageBox.warning(
            parent,
            title,
            QCoreApplication.translate("Report", "The report could not be saved: {0}").format(exc),
        )
        return None
    QMessageBox.information(
        parent, title, QCoreApplication.translate("Report", "Report saved: {0}").format(written)
    )
    return written


__all__ = [
    "day_text",
    "pain_rises",
    "pain_trend",
    "report_document",
    "report_html",
    "save_report",
    "session_day",
    "symmetry_text",
    "write_report_pdf",
]
