"""The history: a calendar with streaks, adherence per routine, charts over time, past sessions.

Everything comes from the session store (``storage.history.HistoryStore``), read once per
:meth:`HistoryView.refresh` and closed again. Streaks and adherence are computed by
``core.adherence`` from the days of *completed* sessions; a routine's prescribed frequency is its
``frequency.times_per_week``, found by id in the routine library (a routine the library no longer
has shows counts only).

Import this module lazily (when the page is first shown): it imports pyqtgraph. A past session's
recording is replayed through the ``file:`` sensor source into a :class:`LiveView`, in a dialog
that stops the source and the display timer when it closes.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QDate, QLocale, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFont, QHideEvent, QIcon, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from glute_coach.core.adherence import (
    Streaks,
    WeekAdherence,
    adherence_ratio,
    streaks,
    weekly_adherence,
    weeks_since,
)
from glute_coach.core.metrics import PERCENT_MVC, ExerciseMetrics
from glute_coach.storage.history import HistoryStore, StoredSession
from glute_coach.storage.sessions import SessionSummary
from glute_coach.storage.settings import Theme
from glute_coach.ui.chart_axes import LocalDateAxis
from glute_coach.ui.finish_view import ExerciseResults, exercise_results, grouped_names
from glute_coach.ui.notices import history_notice
from glute_coach.ui.theme import ThemeColors, palette_for
from glute_coach.ui.widgets import MIN_TOUCH_PX, clock_text, current_colors, date_text, set_role

if TYPE_CHECKING:
    from glute_coach.sensors.session import SensorSession
    from glute_coach.ui.live_view import LiveView

ADHERENCE_WEEKS = 8  # the most weeks shown per routine (the current one included)
PEN_WIDTH = 2
SYMBOL_SIZE = 9
SESSION_ROLE = Qt.ItemDataRole.UserRole
SYMBOL_TEXT = {"o": "●", "t": "▼", "s": "■"}  # pyqtgraph's symbols, for the chart keys
StoreOpener = Callable[[], HistoryStore]
RoutineLookup = Callable[[str], "RoutineInfo | None"]


# --- data ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoutineInfo:
    """What the history needs of a routine in the library."""

    title: str
    times_per_week: int | None


@cache
def library_routine(routine_id: str) -> RoutineInfo | None:
    """The routine with this id in the library (bundled or the user's), or None."""
    from glute_coach.core.loading import RoutineLoadError, load_routine
    from glute_coach.storage.library import find_routine

    try:
        path = find_routine(routine_id)
        if path is None or not path.is_file():
            return None
        routine = load_routine(path).routine
    except (RoutineLoadError, OSError, ValueError):
        return None
    if routine.id != routine_id:
        return None
    frequency = routine.frequency.times_per_week if routine.frequency is not None else None
    return RoutineInfo(routine.title, frequency)


def started(summary: SessionSummary) -> datetime | None:
    """When a session started (with its recorded UTC offset), or None if unreadable."""
    try:
        return datetime.fromisoformat(summary.started_at)
    except ValueError:
        return None


def completion_percent(summary: SessionSummary) -> float:
    """The share of steps done, 0..100 (100 when a routine had no steps to count)."""
    total = len(summary.steps_done) + len(summary.steps_skipped)
    return 100.0 if total == 0 else 100.0 * len(summary.steps_done) / total


@dataclass(frozen=True)
class ExerciseSeries:
    """One exercise's sensor levels over time: per (side, measure) the times and values."""

    key: str
    name: str
    unit: str
    series: dict[tuple[str, str], tuple[list[float], list[float]]] = field(default_factory=dict)


def exercise_key(metrics: ExerciseMetrics) -> str:
    return metrics.exercise_id or metrics.exercise


def exercise_series(pairs: Iterable[tuple[StoredSession, ExerciseMetrics]]) -> list[ExerciseSeries]:
    """Per exercise (most recently measured first), its mean and peak per side over time.

    Only channels in the exercise's main unit are drawn (%MVC when any channel has it), one
    channel per side (the first), so the lines compare like with like.
    """
    grouped: dict[str, list[tuple[float, ExerciseMetrics]]] = defaultdict(list)
    for stored, metrics in pairs:
        when = started(stored.summary)
        if when is not None and metrics.channels:
            grouped[exercise_key(metrics)].append((when.timestamp(), metrics))
    out: list[ExerciseSeries] = []
    for key, items in grouped.items():
        items.sort(key=lambda item: item[0])
        units = [c.unit for _, m in items for c in m.channels]
        unit = PERCENT_MVC if PERCENT_MVC in units else units[0]
        found = ExerciseSeries(key, items[-1][1].exercise, unit)
        for t, metrics in items:
            seen: set[str] = set()
            for channel in metrics.channels:
                if channel.unit != unit or channel.side in seen:
                    continue
                seen.add(channel.side)
                for measure, value in (("mean", channel.mean), ("peak", channel.peak)):
                    if value is not None:
                        xs, ys = found.series.setdefault((channel.side, measure), ([], []))
                        xs.append(t)
                        ys.append(value)
        if found.series:
            out.append(found)
    out.sort(key=lambda s: -max(x for xs, _ in s.series.values() for x in xs))
    return out


def theme_of(colors: ThemeColors) -> Theme:
    for theme in Theme:
        if palette_for(theme) == colors:
            return theme
    return Theme.LIGHT


# --- small widgets ---------------------------------------------------------------------------


def _card(parent: QWidget, name: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    set_role(frame, "card")
    frame.setAccessibleName(name)
    box = QVBoxLayout(frame)
    box.setContentsMargins(16, 12, 16, 12)
    box.setSpacing(6)
    return frame, box


def _label(text: str, parent: QWidget, role: str | None = None, *, wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(wrap)
    if role is not None:
        set_role(label, role)
    return label


def _time_text(when: datetime) -> str:
    return QLocale().toString(QTime(when.hour, when.minute), QLocale.FormatType.ShortFormat)


class AdherenceRow(QFrame):
    """One routine: this week and the last weeks against its prescribed frequency."""

    def __init__(
        self,
        title: str,
        times_per_week: int | None,
        weeks: Sequence[WeekAdherence],
        colors: ThemeColors,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("adherenceRow")
        self.weeks = list(weeks)
        self.times_per_week = times_per_week
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 8)
        box.setSpacing(2)
        self.title_label = _label(title, self, "exercise")
        box.addWidget(self.title_label)
        this_week, past = self.weeks[-1], self.weeks[:-1]
        if times_per_week is None:
            self.frequency_label = _label(self.tr("No prescribed frequency known"), self, "caption")
            self.this_week_label = _label(
                self.tr("This week: {n} sessions").format(n=this_week.done), self
            )
            if past:
                self.past_label = _label(
                    self.tr("{period}: {n} sessions").format(
                        period=self.period_text(len(past)), n=sum(w.done for w in past)
                    ),
                    self,
                )
            else:
                self.past_label = _label(self.tr("Started this week"), self, "caption")
        else:
            self.frequency_label = _label(
                self.tr("Prescribed: {n} times a week").format(n=times_per_week), self, "caption"
            )
            self.this_week_label = _label(
                self.tr("This week: {done} of {prescribed} sessions").format(
                    done=this_week.done, prescribed=this_week.prescribed
                ),
                self,
            )
            ratio = adherence_ratio(past)
            if past and ratio is not None:
                self.past_label = _label(
                    self.tr("{period}: {done} of {prescribed} sessions ({percent} %)").format(
                        period=self.period_text(len(past)),
                        done=sum(min(w.done, w.prescribed) for w in past),
                        prescribed=sum(w.prescribed for w in past),
                        percent=round(100 * ratio),
                    ),
                    self,
                )
            else:
                self.past_label = _label(self.tr("Started this week"), self, "caption")
        for label in (self.frequency_label, self.this_week_label, self.past_label):
            box.addWidget(label)

        # One cell per week, oldest first: "2/3", a check mark when the week was met.
        cells = QHBoxLayout()
        cells.setSpacing(4)
        self.week_cells: list[QLabel] = []
        for week in self.weeks:
            met = times_per_week is not None and week.met
            if times_per_week is None:
                text = str(week.done)
                spoken = self.tr("Week of {day}: {n} sessions")
            else:
                text = f"{week.done}/{week.prescribed}" + (" ✓" if met else "")
                spoken = self.tr("Week of {day}: {n} of {prescribed} sessions")
            cell = QLabel(text, self)
            cell.setObjectName("weekCell")
            cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cell.setMinimumHeight(28)
            description = spoken.format(
                day=date_text(week.week_start, "day_month"), n=week.done, prescribed=week.prescribed
            )
            cell.setToolTip(description)
            cell.setAccessibleName(description)
            if met:
                cell.setStyleSheet(
                    f"background: {colors.rest}; color: {colors.on_phase}; font-weight: 700;"
                    "border-radius: 6px; padding: 2px 4px;"
                )
            else:
                cell.setStyleSheet(
                    f"border: 1px solid {colors.border}; border-radius: 6px; padding: 2px 4px;"
                )
            cells.addWidget(cell, 1)
            self.week_cells.append(cell)
        box.addLayout(cells)
        weeks_caption = _label(self.tr("Week by week, oldest first; ✓ = as prescribed"), self)
        set_role(weeks_caption, "caption")
        weeks_caption.setVisible(times_per_week is not None)
        box.addWidget(weeks_caption)

    def period_text(self, weeks: int) -> str:
        return self.tr("Last week") if weeks == 1 else self.tr("Last {n} weeks").format(n=weeks)


class ChartCard(QFrame):
    """A heading, a pyqtgraph plot with dates along the bottom, and a note when there is no data."""

    def __init__(self, title: str, y_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "card")
        self.setAccessibleName(title)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(12, 8, 12, 8)
        self.box.setSpacing(4)
        self.header = QHBoxLayout()
        self.title_label = _label(title, self, "heading", wrap=False)
        self.header.addWidget(self.title_label)
        self.box.addLayout(self.header)
        self.plot_widget = pg.PlotWidget(
            parent=self, axisItems={"bottom": LocalDateAxis(orientation="bottom")}
        )
        self.plot_widget.setAccessibleName(title)
        self.plot_widget.setMinimumHeight(120)
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.setLabel("left", y_label)
        # The key sits above the plot, in words with the marks drawn: it never hides a point.
        self.legend_label = QLabel(self)
        self.legend_label.setObjectName("chartLegend")
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.legend_label.setWordWrap(True)
        self.legend_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.legend_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.header.addWidget(self.legend_label, 1)
        self.box.addWidget(self.plot_widget, 1)
        self.empty_label = _label("", self, "caption")
        self.empty_label.hide()
        self.box.addWidget(self.empty_label)
        self.curves: dict[str, pg.PlotDataItem] = {}

    def set_theme(self, colors: ThemeColors) -> None:
        self.plot_widget.setBackground(colors.surface)
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            axis.setPen(pg.mkPen(colors.border, width=1))
            axis.setTextPen(pg.mkPen(colors.text))

    def set_curves(
        self,
        curves: Sequence[tuple[str, str, list[float], list[float], QColor, str, Qt.PenStyle]],
        empty_text: str,
    ) -> None:
        """Replace the curves: (key, legend name, x, y, colour, symbol, line style) each."""
        self.plot.clear()
        self.curves = {}
        keys: list[str] = []
        for key, name, xs, ys, color, symbol, style in curves:
            if not xs:
                continue
            line = "╍╍" if style == Qt.PenStyle.DashLine else "━━"
            mark = SYMBOL_TEXT.get(symbol, "●")
            keys.append(
                f'<span style="color: {color.name()}">{line}{mark}{line}</span>&nbsp;'
                + name.replace(" ", "&nbsp;")
            )
            curve = self.plot.plot(
                xs,
                ys,
                pen=pg.mkPen(color, width=PEN_WIDTH, style=style),
                symbol=symbol,
                symbolSize=SYMBOL_SIZE,
                symbolBrush=pg.mkBrush(color),
                symbolPen=pg.mkPen(color, width=1),
                name=name,
            )
            self.curves[key] = curve
        has_data = bool(self.curves)
        self.legend_label.setText("&nbsp;&nbsp; ".join(keys))  # wraps between keys only
        self.legend_label.setAccessibleName(", ".join(c[1] for c in curves if c[2]))
        self.plot_widget.setVisible(has_data)
        self.empty_label.setText(empty_text)
        self.empty_label.setVisible(not has_data)
        if has_data:
            xs_all = [x for _, _, xs, _, _, _, _ in curves for x in xs]
            low, high = min(xs_all), max(xs_all)
            pad = max((high - low) * 0.04, 12 * 3600.0)
            self.plot.setXRange(low - pad, high + pad, padding=0.0)

    def points(self, key: str) -> int:
        curve = self.curves.get(key)
        if curve is None:
            return 0
        xs, _ = curve.getData()
        return 0 if xs is None else len(xs)


# --- replay ----------------------------------------------------------------------------------


class ReplayDialog(QDialog):
    """A recording replayed as a live sensor: the traces scroll by as they did in the session."""

    STATUS_MS = 250

    def __init__(
        self, path: Path, sensor: SensorSession, theme: Theme, parent: QWidget | None = None
    ) -> None:
        from glute_coach.ui.live_view import LiveView

        super().__init__(parent)
        self.path = path
        self.sensor = sensor
        self.setObjectName("replayDialog")
        self.setWindowTitle(self.tr("Replay recording"))
        self.setAccessibleName(self.tr("Replay of the recording {name}").format(name=path.name))
        self.resize(900, 560)
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 16, 12)
        self.title_label = _label(self.tr("Recording: {name}").format(name=path.name), self)
        set_role(self.title_label, "heading")
        self.title_label.setToolTip(str(path))
        box.addWidget(self.title_label)
        self.live_view: LiveView = LiveView(sensor, theme=theme, fps=30.0, parent=self)
        self.live_view.setAccessibleName(self.tr("Replayed sensor signals"))
        box.addWidget(self.live_view, 1)
        bottom = QHBoxLayout()
        self.status_label = _label(self.tr("Playing…"), self, "caption")
        self.status_label.setAccessibleName(self.tr("Replay status"))
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAccessibleName(self.tr("Close the replay"))
        self.close_button.setMinimumHeight(MIN_TOUCH_PX)
        self.close_button.clicked.connect(self.accept)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.close_button)
        box.addLayout(bottom)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(self.STATUS_MS)
        self._status_timer.timeout.connect(self._poll)
        self._closed = False

    def start(self) -> None:
        self.sensor.start()
        self.live_view.start()
        self._status_timer.start()

    @property
    def running(self) -> bool:
        return self.live_view.running or self._status_timer.isActive()

    def _poll(self) -> None:
        lines = self.sensor.poll_messages()
        if lines:
            self.status_label.setText(lines[-1])

    def shutdown(self) -> None:
        """Stop the display, the status timer and the file source (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self._status_timer.stop()
        self.live_view.stop()
        with contextlib.suppress(Exception):
            self.sensor.stop()

    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)


# --- one past session ------------------------------------------------------------------------


class SessionDetails(QWidget):
    """A past session: when, which routine, steps, how it felt, biofeedback and its recording."""

    replay_requested = Signal(object)  # Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionDetails")
        self.setAccessibleName(self.tr("Session details"))
        self.summary: SessionSummary | None = None
        self.exercise_frames: list[ExerciseResults] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.setSpacing(6)
        self.title_label = _label("", self, "heading")
        self.when_label = _label("", self)
        self.outcome_label = _label("", self, "caption")
        self.pain_label = _label("", self)
        self.rpe_label = _label("", self)
        self.done_heading = _label("", self, "exercise")
        self.done_label = _label("", self)
        self.skipped_heading = _label("", self, "exercise")
        self.skipped_label = _label("", self)
        self.notes_heading = _label(self.tr("Notes"), self, "exercise")
        self.notes_label = _label("", self)
        self.notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (
            self.title_label,
            self.when_label,
            self.outcome_label,
            self.pain_label,
            self.rpe_label,
            self.done_heading,
            self.done_label,
            self.skipped_heading,
            self.skipped_label,
            self.notes_heading,
            self.notes_label,
        ):
            box.addWidget(widget)
        self.bio_heading = _label(self.tr("Biofeedback"), self, "heading")
        self.sensor_label = _label("", self, "caption")
        box.addWidget(self.bio_heading)
        box.addWidget(self.sensor_label)
        self.bio_box = QVBoxLayout()
        self.bio_box.setSpacing(10)
        box.addLayout(self.bio_box)
        recording_row = QHBoxLayout()
        self.recording_label = _label("", self)
        self.recording_label.setAccessibleName(self.tr("Recording"))
        self.replay_button = QPushButton(self.tr("Replay recording"), self)
        self.replay_button.setAccessibleName(self.tr("Replay the sensor recording"))
        self.replay_button.setMinimumHeight(MIN_TOUCH_PX)
        self.replay_button.clicked.connect(self._replay)
        recording_row.addWidget(self.recording_label, 1)
        recording_row.addWidget(self.replay_button)
        box.addLayout(recording_row)
        box.addStretch(1)
        self.show_summary(None)

    def show_summary(self, summary: SessionSummary | None) -> None:
        self.summary = summary
        self._clear_biofeedback()
        widgets = [*self.findChildren(QLabel), self.replay_button]
        if summary is None:
            for widget in widgets:
                widget.hide()
            self.title_label.setText(self.tr("Choose a session to see its details."))
            self.title_label.show()
            return
        for widget in widgets:
            widget.show()
        self.title_label.setText(summary.title)
        when = started(summary)
        parts = []
        if when is not None:
            parts.append(f"{date_text(when.date(), 'weekday_year')}, {_time_text(when)}")
        else:
            parts.append(summary.started_at)
        duration = summary.duration_s
        if duration is not None:
            parts.append(self.tr("time {time}").format(time=clock_text(duration)))
        self.when_label.setText("  ·  ".join(parts))
        total = len(summary.steps_done) + len(summary.steps_skipped)
        state = self.tr("Completed") if summary.completed else self.tr("Stopped early")
        self.outcome_label.setText(
            self.tr("{state} · {done} of {total} steps done").format(
                state=state, done=len(summary.steps_done), total=total
            )
        )
        self.pain_label.setText(self.pain_text(summary))
        self.rpe_label.setText(
            self.tr("Effort: not recorded")
            if summary.rpe is None
            else self.tr("Effort: {n} out of 10").format(n=summary.rpe)
        )
        self.done_heading.setText(self.tr("Done ({n})").format(n=len(summary.steps_done)))
        self.done_label.setText(self._steps(summary.steps_done, "✓"))
        self.skipped_heading.setText(self.tr("Skipped ({n})").format(n=len(summary.steps_skipped)))
        self.skipped_label.setText(self._steps(summary.steps_skipped, "–"))
        for widget in (self.skipped_heading, self.skipped_label):
            widget.setVisible(bool(summary.steps_skipped))
        self.notes_label.setText(summary.notes)
        for widget in (self.notes_heading, self.notes_label):
            widget.setVisible(bool(summary.notes.strip()))
        self._show_biofeedback(summary)

    def pain_text(self, summary: SessionSummary) -> str:
        before, after = summary.pain_before, summary.pain_after
        if before is None and after is None:
            return self.tr("Pain: not recorded")
        unknown = self.tr("not recorded")
        return self.tr("Pain before: {before} · after: {after} (0–10)").format(
            before=unknown if before is None else before,
            after=unknown if after is None else after,
        )

    @staticmethod
    def _steps(names: list[str], mark: str) -> str:
        return "\n".join(
            f"{mark}  {name}" if n == 1 else f"{mark}  {name}  ×{n}"
            for name, n in grouped_names(names)
        )

    def _clear_biofeedback(self) -> None:
        while self.bio_box.count():
            item = self.bio_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.exercise_frames = []

    def _show_biofeedback(self, summary: SessionSummary) -> None:
        measured = bool(summary.metrics)
        self.bio_heading.setVisible(measured or summary.recording is not None)
        self.sensor_label.setVisible(bool(summary.sensor))
        self.sensor_label.setText(
            self.tr("Sensor: {name}").format(name=summary.sensor) if summary.sensor else ""
        )
        for metrics in summary.metrics:
            frame = exercise_results(metrics, self)
            self.exercise_frames.append(frame)
            self.bio_box.addWidget(frame)
        recording = Path(summary.recording) if summary.recording else None
        self.recording_label.setVisible(recording is not None)
        self.replay_button.setVisible(recording is not None and recording.is_file())
        if recording is None:
            return
        self.recording_label.setToolTip(str(recording))
        if recording.is_file():
            self.recording_label.setText(self.tr("Recording: {name}").format(name=recording.name))
        else:
            self.recording_label.setText(self.recording_gone_text(recording))

    def recording_gone_text(self, recording: Path) -> str:
        return self.tr("The recording {name} is no longer there.").format(name=recording.name)

    def _replay(self) -> None:
        if self.summary is not None and self.summary.recording:
            self.replay_requested.emit(Path(self.summary.recording))


# --- the page --------------------------------------------------------------------------------


class HistoryView(QWidget):
    """The history page; see the module docstring. ``refresh`` reads the store again."""

    back_requested = Signal()
    report_requested = Signal()  # a PDF report for the therapist
    export_requested = Signal()  # sessions and metrics as CSV

    def __init__(
        self,
        open_store: StoreOpener | None = None,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        routine_lookup: RoutineLookup = library_routine,
    ) -> None:
        super().__init__(parent)
        self._open_store: StoreOpener = open_store or HistoryStore.open
        self._today = today
        self._lookup = routine_lookup
        self.sessions: list[StoredSession] = []
        self.exercises: list[ExerciseSeries] = []
        self.streaks = Streaks(0, 0)
        self.adherence_rows: dict[str, AdherenceRow] = {}
        self.replay_dialog: ReplayDialog | None = None
        self._days: dict[date, list[SessionSummary]] = {}
        self.colors: ThemeColors = current_colors(self)
        self.setObjectName("historyView")
        self.setAccessibleName(self.tr("History"))
        self._build()

    # --- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(24, 12, 24, 12)
        root.setSpacing(10)

        header = QHBoxLayout()
        self.back_button = QPushButton(self.tr("‹ Back"), self)
        self.back_button.setAccessibleName(self.tr("Back to the routines"))
        self.back_button.setMinimumHeight(MIN_TOUCH_PX)
        self.back_button.clicked.connect(self.back_requested)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title_label = _label(self.tr("History"), self, "title", wrap=False)
        self.streak_label = _label("", self)
        self.streak_label.setObjectName("streaks")
        self.streak_label.setAccessibleName(self.tr("Streaks"))
        titles.addWidget(self.title_label)
        titles.addWidget(self.streak_label)
        header.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addSpacing(12)
        header.addLayout(titles, 1)
        self.notice_label = _label("", self, "caption")
        self.notice_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.notice_label.hide()
        header.addWidget(self.notice_label, 1)
        self.report_button = QPushButton(self.tr("Report for your therapist (PDF)…"), self)
        self.report_button.setAccessibleName(self.tr("Save a report for your therapist"))
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setAccessibleName(self.tr("Save sessions and measurements as CSV"))
        for button, signal in (
            (self.report_button, self.report_requested),
            (self.export_button, self.export_requested),
        ):
            button.setMinimumHeight(MIN_TOUCH_PX)
            button.clicked.connect(signal)
            header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        root.addLayout(header)

        self.stack = QStackedWidget(self)
        root.addWidget(self.stack, 1)

        # Nothing yet.
        self.empty_page = QWidget(self.stack)
        empty = QVBoxLayout(self.empty_page)
        empty.addStretch(1)
        self.empty_label = _label(
            self.tr(
                "No sessions yet. When you finish a routine and save it, it shows up here: "
                "the days you trained, your streaks, and how pain and effort change over time."
            ),
            self.empty_page,
            "heading",
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName(self.tr("No sessions yet"))
        empty.addWidget(self.empty_label)
        empty.addStretch(2)
        self.stack.addWidget(self.empty_page)

        # The history.
        self.content = QWidget(self.stack)
        columns = QHBoxLayout(self.content)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(16)
        columns.addWidget(self._build_overview(), 0)
        self.tabs = QTabWidget(self.content)
        self.tabs.setObjectName("historyTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_charts(), self.tr("Progress"))
        self.tabs.addTab(self._build_sessions(), self.tr("Sessions"))
        self.tabs.setAccessibleName(self.tr("Progress and sessions"))
        columns.addWidget(self.tabs, 1)
        self.stack.addWidget(self.content)

    def _build_overview(self) -> QScrollArea:
        scroll = QScrollArea(self.content)
        scroll.setObjectName("overviewScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("overviewBody")
        box = QVBoxLayout(body)
        box.setContentsMargins(0, 0, 8, 0)
        box.setSpacing(12)

        calendar_card, cal = _card(body, self.tr("Calendar"))
        self.calendar = QCalendarWidget(calendar_card)
        self.calendar.setObjectName("historyCalendar")
        self.calendar.setAccessibleName(self.tr("Calendar of sessions"))
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setGridVisible(False)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)  # ISO weeks, as adherence counts
        self.calendar.setMinimumSize(7 * MIN_TOUCH_PX, 7 * MIN_TOUCH_PX)
        self.calendar.selectionChanged.connect(self._day_chosen)
        for name, text, spoken in (
            ("qt_calendar_prevmonth", "‹", self.tr("Previous month")),
            ("qt_calendar_nextmonth", "›", self.tr("Next month")),
        ):
            arrow = self.calendar.findChild(QToolButton, name)
            if arrow is not None:  # the style's arrow icons vanish on the dark themes
                arrow.setIcon(QIcon())
                arrow.setText(text)
                arrow.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                arrow.setAccessibleName(spoken)
                arrow.setMinimumSize(MIN_TOUCH_PX, MIN_TOUCH_PX)
        self.calendar.activated.connect(self._day_activated)
        cal.addWidget(self.calendar)
        self.legend_label = _label(
            self.tr("Days in bold and underlined: at least one session done."),
            calendar_card,
            "caption",
        )
        self.day_label = _label("", calendar_card)
        self.day_label.setObjectName("dayLabel")
        self.day_label.setAccessibleName(self.tr("Sessions on the chosen day"))
        cal.addWidget(self.legend_label)
        cal.addWidget(self.day_label)
        box.addWidget(calendar_card)

        adherence_card, self.adherence_box = _card(body, self.tr("Adherence per routine"))
        heading = _label(self.tr("How often, per routine"), adherence_card, "heading")
        self.adherence_box.addWidget(heading)
        self.no_adherence_label = _label(
            self.tr("No routine completed yet."), adherence_card, "caption"
        )
        self.adherence_box.addWidget(self.no_adherence_label)
        box.addWidget(adherence_card)
        box.addStretch(1)

        scroll.setWidget(body)
        width = self.calendar.minimumWidth() + 2 * 16 + 24
        scroll.setMinimumWidth(width)
        scroll.setMaximumWidth(round(width * 1.25))
        return scroll

    def _build_charts(self) -> QWidget:
        page = QWidget()
        page.setObjectName("chartsPage")
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 8, 0, 0)
        box.setSpacing(8)
        # the title says "Pain": the axis gives the scale only (a longer label is cut off in German)
        self.pain_chart = ChartCard(self.tr("Pain"), self.tr("0–10"), page)
        self.completion_chart = ChartCard(
            self.tr("Steps done per session"), self.tr("done (%)"), page
        )
        self.sensor_chart = ChartCard(self.tr("Biofeedback"), PERCENT_MVC, page)
        self.exercise_combo = QComboBox(self.sensor_chart)
        self.exercise_combo.setAccessibleName(self.tr("Exercise shown in the biofeedback chart"))
        self.exercise_combo.setMinimumHeight(MIN_TOUCH_PX)
        self.exercise_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.exercise_combo.currentIndexChanged.connect(self._exercise_chosen)
        self.sensor_chart.header.addWidget(self.exercise_combo)
        for chart in (self.pain_chart, self.completion_chart, self.sensor_chart):
            box.addWidget(chart, 1)
        return page

    def _build_sessions(self) -> QWidget:
        page = QWidget()
        page.setObjectName("sessionsPage")
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 8, 0, 0)
        row.setSpacing(12)
        self.session_list = QListWidget(page)
        self.session_list.setObjectName("sessionList")
        self.session_list.setAccessibleName(self.tr("Past sessions, newest first"))
        self.session_list.setWordWrap(True)
        self.session_list.setUniformItemSizes(False)
        self.session_list.currentItemChanged.connect(self._session_chosen)
        row.addWidget(self.session_list, 2)
        self.details = SessionDetails()
        self.details.replay_requested.connect(self.open_replay)
        details_scroll = QScrollArea(page)
        details_scroll.setObjectName("detailsScroll")
        details_scroll.setWidgetResizable(True)
        details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        details_scroll.setWidget(self.details)
        details_scroll.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(details_scroll, 3)
        return page

    # --- reading the store -----------------------------------------------------------------

    def refresh(self, store: HistoryStore | None = None) -> None:
        """Read the history again (from ``store``, or a store opened and closed here)."""
        if store is None:
            try:
                with self._open_store() as opened:
                    self._read(opened)
            except (OSError, ValueError) as exc:  # HistoryError is a ValueError
                self._read_failed(str(exc))
                return
        else:
            self._read(store)
        self._show()

    def _read(self, store: HistoryStore) -> None:
        self.sessions = list(store.sessions())
        # One read, so the charts and the list agree (``store.metrics()`` would read again).
        self.exercises = exercise_series(
            (stored, metrics) for stored in self.sessions for metrics in stored.summary.metrics
        )
        notice = history_notice(store)
        self.notice_label.setText(notice or "")
        self.notice_label.setVisible(bool(notice))

    def _read_failed(self, message: str) -> None:
        self.sessions = []
        self.exercises = []
        self.notice_label.setText(
            self.tr("The history cannot be read: {reason}").format(reason=message)
        )
        self.notice_label.show()
        self._show()

    def _show(self) -> None:
        self.colors = current_colors(self)
        self._style()
        today = self._today()
        self._days = defaultdict(list)
        for stored in self.sessions:
            when = started(stored.summary)
            if when is not None:
                self._days[when.date()].append(stored.summary)
        done_days = [day for day, items in self._days.items() if any(s.completed for s in items)]
        self.streaks = streaks(done_days, today)
        self.streak_label.setText(self.streak_text(self.streaks))
        self.stack.setCurrentWidget(self.content if self.sessions else self.empty_page)
        self.streak_label.setVisible(bool(self.sessions))
        self._mark_calendar(today)
        self._show_adherence(today)
        self._show_charts()
        self._fill_sessions()

    def _style(self) -> None:
        c = self.colors
        self.setStyleSheet(
            f"#historyTabs QTabBar::tab {{ min-height: {MIN_TOUCH_PX - 6}px; padding: 0 24px;"
            f" margin-right: 4px; background: {c.surface}; color: {c.text};"
            f" border: 1px solid {c.border}; border-bottom: none;"
            " border-top-left-radius: 8px; border-top-right-radius: 8px; }"
            f"#historyTabs QTabBar::tab:selected {{ background: {c.accent}; color: {c.on_accent};"
            " font-weight: 700; text-decoration: underline; }"
            f"#historyTabs QTabBar::tab:focus {{ border: 3px solid {c.focus}; }}"
            '#historyView QLabel[role="exercise"] { font-weight: 700; }'
            "#overviewScroll, #overviewBody, #detailsScroll, #detailsScroll > QWidget,"
            " #sessionDetails { background: transparent; }"
            f"#sessionList::item {{ padding: 6px; border-bottom: 1px solid {c.border}; }}"
            f"#historyCalendar QAbstractItemView {{ background: {c.surface}; color: {c.text};"
            f" selection-background-color: {c.accent}; selection-color: {c.on_accent}; }}"
            f"#historyCalendar QWidget#qt_calendar_navigationbar {{ background: {c.surface}; }}"
            f"#historyCalendar QToolButton {{ color: {c.text}; font-weight: 700; padding: 0 4px;"
            " min-width: 40px; }"
            "#historyCalendar QToolButton::menu-indicator { image: none; width: 0; }"
            "#historyCalendar QToolButton#qt_calendar_prevmonth,"
            " #historyCalendar QToolButton#qt_calendar_nextmonth { font-size: 20pt; }"
        )

    # --- streaks and calendar --------------------------------------------------------------

    def streak_text(self, value: Streaks) -> str:
        def days(n: int) -> str:
            return self.tr("1 day") if n == 1 else self.tr("{n} days").format(n=n)

        if value.current == 0:
            current = self.tr("No current streak: a session today starts one.")
        else:
            current = self.tr("Current streak: {days}.").format(days=days(value.current))
        longest = self.tr("Longest streak: {days}.").format(days=days(value.longest))
        return f"{current}  {longest}"

    def _mark_calendar(self, today: date) -> None:
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every mark
        plain = QTextCharFormat()  # weekends in the text colour (Qt's red is unreadable on dark)
        plain.setForeground(QColor(self.colors.text))
        for weekday in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.calendar.setWeekdayTextFormat(weekday, plain)
        for day, items in self._days.items():
            fmt = QTextCharFormat()
            completed = [s for s in items if s.completed]
            if completed:
                fmt.setFontWeight(QFont.Weight.Bold)
                fmt.setFontUnderline(True)
                fmt.setForeground(QColor(self.colors.accent))
            else:
                fmt.setFontItalic(True)
            fmt.setToolTip(self.day_text(day, items))
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), fmt)
        self.calendar.setMaximumDate(QDate(today.year, today.month, today.day))
        self.calendar.setSelectedDate(QDate(today.year, today.month, today.day))
        self.calendar.setCurrentPage(today.year, today.month)
        self._day_chosen()

    def marked_dates(self) -> dict[date, QTextCharFormat]:
        """The days the calendar marks, with their formats (for tests and checks)."""
        return {
            qdate.toPython(): fmt  # type: ignore[misc]
            for qdate, fmt in self.calendar.dateTextFormat().items()
        }

    def day_text(self, day: date, items: Sequence[SessionSummary]) -> str:
        when = date_text(day, "weekday")
        if not items:
            return self.tr("{day}: no session").format(day=when)
        names = ", ".join(
            s.title if s.completed else self.tr("{title} (stopped early)").format(title=s.title)
            for s in items
        )
        if len(items) == 1:
            return self.tr("{day}: 1 session — {names}").format(day=when, names=names)
        return self.tr("{day}: {n} sessions — {names}").format(day=when, n=len(items), names=names)

    def _day_chosen(self) -> None:
        day = self.calendar.selectedDate().toPython()
        assert isinstance(day, date)
        self.day_label.setText(self.day_text(day, self._days.get(day, [])))

    def _day_activated(self, qdate: QDate) -> None:
        """Enter or a double click on a day with sessions: its newest session's details."""
        day = qdate.toPython()
        for row in range(self.session_list.count()):
            item = self.session_list.item(row)
            stored = self._stored(item)
            when = started(stored.summary) if stored is not None else None
            if when is not None and when.date() == day:
                self.session_list.setCurrentRow(row)
                self.tabs.setCurrentIndex(1)
                return

    # --- adherence -------------------------------------------------------------------------

    def _show_adherence(self, today: date) -> None:
        for row in self.adherence_rows.values():
            self.adherence_box.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.adherence_rows = {}
        by_routine: dict[str, list[date]] = defaultdict(list)
        titles: dict[str, str] = {}
        for stored in self.sessions:
            summary = stored.summary
            when = started(summary)
            titles[summary.routine_id] = summary.title
            if when is not None and summary.completed:
                by_routine[summary.routine_id].append(when.date())
        # The most recently done routines first.
        order = sorted(by_routine, key=lambda rid: max(by_routine[rid]), reverse=True)
        for routine_id in order:
            days = by_routine[routine_id]
            info = self._lookup(routine_id)
            times = info.times_per_week if info is not None else None
            count = min(ADHERENCE_WEEKS, weeks_since(min(days), today))
            weeks = weekly_adherence(days, times or 0, count, today)
            title = info.title if info is not None else titles[routine_id]
            row = AdherenceRow(title, times, weeks, self.colors)
            row.setAccessibleName(title)
            self.adherence_box.addWidget(row)
            self.adherence_rows[routine_id] = row
        self.no_adherence_label.setVisible(not order)

    # --- charts ----------------------------------------------------------------------------

    def _show_charts(self) -> None:
        c = self.colors
        for chart in (self.pain_chart, self.completion_chart, self.sensor_chart):
            chart.set_theme(c)
        before: tuple[list[float], list[float]] = ([], [])
        after: tuple[list[float], list[float]] = ([], [])
        done: tuple[list[float], list[float]] = ([], [])
        for stored in self.sessions:
            when = started(stored.summary)
            if when is None:
                continue
            t = when.timestamp()
            summary = stored.summary
            for series, value in ((before, summary.pain_before), (after, summary.pain_after)):
                if value is not None:
                    series[0].append(t)
                    series[1].append(float(value))
            done[0].append(t)
            done[1].append(completion_percent(summary))
        solid, dashed = Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine
        self.pain_chart.set_curves(
            [
                ("before", self.tr("before"), *before, QColor(c.work), "t", dashed),
                ("after", self.tr("after"), *after, QColor(c.accent), "o", solid),
            ],
            self.tr("No pain ratings yet."),
        )
        self.pain_chart.plot.setYRange(0, 10, padding=0.05)
        self.pain_chart.plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 11, 2)]])
        self.completion_chart.set_curves(
            [("done", self.tr("steps done"), *done, QColor(c.rest), "s", solid)],
            self.tr("No sessions yet."),
        )
        self.completion_chart.plot.setYRange(0, 100, padding=0.05)
        self.completion_chart.plot.getAxis("left").setTicks(
            [[(v, str(v)) for v in range(0, 101, 25)]]
        )
        self.completion_chart.legend_label.hide()

        self.exercise_combo.blockSignals(True)
        previous = self.exercise_combo.currentData()
        self.exercise_combo.clear()
        for exercise in self.exercises:
            self.exercise_combo.addItem(exercise.name, exercise.key)
        index = self.exercise_combo.findData(previous) if previous is not None else -1
        self.exercise_combo.setCurrentIndex(max(index, 0) if self.exercises else -1)
        self.exercise_combo.setVisible(bool(self.exercises))
        self.exercise_combo.blockSignals(False)
        self._exercise_chosen()

    def _exercise_chosen(self, *_args: object) -> None:
        c = self.colors
        key = self.exercise_combo.currentData()
        found = next((s for s in self.exercises if s.key == key), None)
        curves: list[tuple[str, str, list[float], list[float], QColor, str, Qt.PenStyle]] = []
        if found is not None:
            sides = {"left": c.accent, "right": c.hold, "both": c.calibrate}
            side_names = {"left": self.tr("left"), "right": self.tr("right"), "both": ""}
            measure_names = {"mean": self.tr("mean"), "peak": self.tr("peak")}
            for (side, measure), (xs, ys) in sorted(found.series.items()):
                color = QColor(sides.get(side, c.text))
                symbol, style = (
                    ("o", Qt.PenStyle.SolidLine)
                    if measure == "mean"
                    else ("t", Qt.PenStyle.DashLine)
                )
                name = " ".join(
                    p for p in (side_names.get(side, side), measure_names[measure]) if p
                )
                curves.append((f"{side}-{measure}", name, xs, ys, color, symbol, style))
            self.sensor_chart.plot.setLabel("left", found.unit)
        self.sensor_chart.set_curves(
            curves, self.tr("No sensor measurements yet: sessions with a sensor show here.")
        )

    # --- sessions --------------------------------------------------------------------------

    def _fill_sessions(self) -> None:
        chosen = self.details.summary
        self.session_list.blockSignals(True)
        self.session_list.clear()
        for stored in reversed(self.sessions):
            item = QListWidgetItem(self.session_text(stored.summary))
            item.setData(SESSION_ROLE, stored.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, item.text().replace("\n", ", "))
            self.session_list.addItem(item)
        self.session_list.blockSignals(False)
        self.session_list.setCurrentRow(-1)
        if chosen is None or not self.sessions:
            self.details.show_summary(None)

    def session_text(self, summary: SessionSummary) -> str:
        when = started(summary)
        first = (
            f"{date_text(when.date())}, {_time_text(when)}"
            if when is not None
            else summary.started_at
        )
        parts = [summary.title]
        parts.append(self.tr("completed") if summary.completed else self.tr("stopped early"))
        if summary.pain_before is not None or summary.pain_after is not None:
            dash = "–"
            parts.append(
                self.tr("pain {before} → {after}").format(
                    before=dash if summary.pain_before is None else summary.pain_before,
                    after=dash if summary.pain_after is None else summary.pain_after,
                )
            )
        if summary.metrics:
            parts.append(self.tr("sensor"))
        return f"{first}\n{' · '.join(parts)}"

    def _stored(self, item: QListWidgetItem | None) -> StoredSession | None:
        if item is None:
            return None
        wanted = item.data(SESSION_ROLE)
        return next((s for s in self.sessions if s.id == wanted), None)

    def _session_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        stored = self._stored(item)
        self.details.show_summary(stored.summary if stored is not None else None)

    def select_session(self, session_id: int) -> bool:
        """Show one session's details (the Sessions tab); False if it is not in the history."""
        for row in range(self.session_list.count()):
            item = self.session_list.item(row)
            if item.data(SESSION_ROLE) == session_id:
                self.tabs.setCurrentIndex(1)
                self.session_list.setCurrentRow(row)
                return True
        return False

    # --- replay ----------------------------------------------------------------------------

    def open_replay(self, path: Path | None = None) -> ReplayDialog | None:
        """Replay the shown session's recording in a dialog; None (and say why) if it cannot."""
        from glute_coach.sensors.session import SensorSession

        if path is None:
            summary = self.details.summary
            if summary is None or not summary.recording:
                return None
            path = Path(summary.recording)
        self.close_replay()
        if not path.is_file():
            self.details.recording_label.setText(self.details.recording_gone_text(path))
            self.details.replay_button.hide()
            return None
        try:
            sensor = SensorSession(f"file:{path}")
        except ValueError as exc:
            self.details.recording_label.setText(
                self.tr("The recording cannot be replayed: {reason}").format(reason=exc)
            )
            return None
        dialog = ReplayDialog(path, sensor, theme_of(self.colors), self)
        dialog.finished.connect(self._replay_finished)
        self.replay_dialog = dialog
        dialog.setModal(True)
        dialog.show()
        dialog.start()
        return dialog

    def _replay_finished(self, _result: int) -> None:
        dialog = self.replay_dialog
        self.replay_dialog = None
        if dialog is not None:
            dialog.shutdown()
            dialog.deleteLater()

    def close_replay(self) -> None:
        if self.replay_dialog is not None:
            self.replay_dialog.reject()

    def hideEvent(self, event: QHideEvent) -> None:  # leaving the page ends a replay
        self.close_replay()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_replay()
        super().closeEvent(event)
