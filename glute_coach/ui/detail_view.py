"""A routine before it starts: what happens when, how to do each exercise, and safety notes.

The step list comes from the compiled timeline (one row per block, i.e. per step as it will
run, repeats unrolled), so the times shown are the times the session will keep. At the bottom,
always in view: "Pain right now (0–10)" and a big Start button.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from itertools import groupby

from PySide6.QtCore import QCoreApplication, Qt, Signal, SignalInstance
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from glute_coach.core.loading import LoadedRoutine
from glute_coach.core.routine import (
    CalibrationStep,
    ExerciseStep,
    InfoStep,
    RepeatStep,
    RestStep,
    Routine,
    Sides,
    Step,
)
from glute_coach.core.timeline import Segment
from glute_coach.ui.progression_banner import ProgressionBanner
from glute_coach.ui.theme import BASE_POINT_SIZE
from glute_coach.ui.widgets import (
    MIN_TOUCH_PX,
    PainScale,
    ScaledLabel,
    SvgImage,
    base_point_size,
    clock_text,
    hline,
    level_text,
    reference_list,
    seconds_text,
    set_role,
)

TWO_COLUMN_MIN_WIDTH = 1100
SIDE_MIN_WIDTH = 380
SIDE_MAX_WIDTH = 560
IMAGE_WIDTH = 300
IMAGE_WIDTH_WIDE = 420
WIDE_MIN_WIDTH = 1600


@dataclass(frozen=True)
class StepRow:
    """One step as it will run: its name, what it asks for, and when."""

    name: str
    detail: str
    start_s: float
    length_s: float
    round_note: str = ""


def _flatten(steps: list[Step], note: str = "") -> list[tuple[Step, str]]:
    """Steps in the order they run, repeats unrolled (the timeline's blocks, one each)."""
    out: list[tuple[Step, str]] = []
    for step in steps:
        if isinstance(step, RepeatStep):
            name = step.label or QCoreApplication.translate("DetailView", "Repeat")
            for i in range(1, step.times + 1):
                here = QCoreApplication.translate("DetailView", "{name}, round {i} of {n}").format(
                    name=name, i=i, n=step.times
                )
                out += _flatten(step.steps, f"{note} · {here}" if note else here)
        else:
            out.append((step, note))
    return out


def _sides_text(sides: Sides) -> str:
    return {
        Sides.EACH: QCoreApplication.translate("DetailView", "each side"),
        Sides.LEFT: QCoreApplication.translate("DetailView", "left side only"),
        Sides.RIGHT: QCoreApplication.translate("DetailView", "right side only"),
        Sides.BOTH: "",
    }[sides]


def _count(n: int, one: str, many: str) -> str:
    return one if n == 1 else many.format(n=n)


def _action_text(action: str) -> str:
    return {
        "lower": QCoreApplication.translate("DetailView", "lower"),
        "raise": QCoreApplication.translate("DetailView", "raise"),
        "hold": QCoreApplication.translate("DetailView", "hold"),
        "pause": QCoreApplication.translate("DetailView", "pause"),
    }.get(action, action)


def step_name(step: Step) -> str:
    if isinstance(step, ExerciseStep):
        return step.name
    if isinstance(step, RestStep):
        return step.label
    if isinstance(step, InfoStep):
        return step.title
    if isinstance(step, CalibrationStep):
        return QCoreApplication.translate("DetailView", "Strongest-squeeze test")
    return step.label or QCoreApplication.translate("DetailView", "Repeat")


def step_detail(step: Step) -> str:
    """Sets × reps × hold (or the timed length), and which side: "2 sets × 8 reps × 10 s hold"."""
    if isinstance(step, ExerciseStep):
        parts: list[str] = []
        if step.sets > 1:
            parts.append(QCoreApplication.translate("DetailView", "{n} sets").format(n=step.sets))
        if step.duration_s is not None:
            parts.append(seconds_text(step.duration_s))
        else:
            reps = step.reps or 1
            parts.append(
                _count(
                    reps,
                    QCoreApplication.translate("DetailView", "1 rep"),
                    QCoreApplication.translate("DetailView", "{n} reps"),
                )
            )
            if step.hold_s is not None:
                parts.append(
                    QCoreApplication.translate("DetailView", "{t} hold").format(
                        t=seconds_text(step.hold_s)
                    )
                )
            elif step.rep_s is not None:
                parts.append(
                    QCoreApplication.translate("DetailView", "{t} each").format(
                        t=seconds_text(step.rep_s)
                    )
                )
            elif step.tempo is not None:
                total = sum(p.s for p in step.tempo)
                phases = ", ".join(
                    f"{_action_text(p.action)} {seconds_text(p.s)}" for p in step.tempo
                )
                parts.append(
                    QCoreApplication.translate("DetailView", "{t} ({phases})").format(
                        t=seconds_text(total), phases=phases
                    )
                )
        text = " × ".join(parts)
        sides = _sides_text(step.sides)
        return f"{text} · {sides}" if sides else text
    if isinstance(step, RestStep):
        return QCoreApplication.translate("DetailView", "Rest and breathe")
    if isinstance(step, InfoStep):
        return QCoreApplication.translate("DetailView", "Read and get ready")
    if isinstance(step, CalibrationStep):
        muscles = ", ".join(m.replace("_", " ") for m in step.muscles)
        efforts = _count(
            step.efforts,
            QCoreApplication.translate("DetailView", "1 effort"),
            QCoreApplication.translate("DetailView", "{n} efforts"),
        )
        text = f"{muscles}: {efforts} × {seconds_text(step.effort_s)}"
        sides = _sides_text(step.sides)
        return f"{text} · {sides}" if sides else text
    return ""


def step_rows(loaded: LoadedRoutine) -> list[StepRow]:
    """One row per timeline block, named after the routine step it came from."""
    blocks = [list(group) for _, group in groupby(loaded.timeline.segments, key=lambda s: s.block)]
    flat = _flatten(list(loaded.routine.steps))
    rows: list[StepRow] = []
    for i, segments in enumerate(blocks):
        start = segments[0].start_s
        length = segments[-1].end_s - start
        if len(flat) == len(blocks):
            step, note = flat[i]
            rows.append(StepRow(step_name(step), step_detail(step), start, length, note))
        else:  # cannot happen with today's compiler; keep the page useful regardless
            rows.append(StepRow(_segment_name(segments[0]), "", start, length))
    return rows


def _segment_name(segment: Segment) -> str:
    return segment.label.removeprefix("Get ready: ")


def how_to_steps(routine: Routine) -> list[Step]:
    """The steps worth explaining, each once (a circuit repeats its exercises)."""
    seen: set[tuple[str, str]] = set()
    out: list[Step] = []
    for step, _ in _flatten(list(routine.steps)):
        if isinstance(step, RestStep):
            continue
        key = (type(step).__name__, step_name(step))
        if key not in seen:
            seen.add(key)
            out.append(step)
    return out


def _heading(text: str) -> ScaledLabel:
    label = ScaledLabel(text, factor=1.35, bold=True, role="heading")
    label.setAccessibleName(text)
    return label


def _bullets(items: list[str], *, numbered: bool = False) -> QLabel:
    tag = "ol" if numbered else "ul"
    body = "".join(f"<li style='margin-bottom:6px'>{html.escape(item)}</li>" for item in items)
    label = ScaledLabel(f"<{tag} style='-qt-list-indent:1'>{body}</{tag}>", rich=True)
    label.setAccessibleName("; ".join(items))
    return label


class DetailView(QWidget):
    """The routine's page: schedule, how-to, references and safety; choose pain, then Start."""

    start_requested = Signal(object, int)  # LoadedRoutine, pain before (0..10)
    back_requested = Signal()
    handout_requested = Signal(object)  # LoadedRoutine: save a printable PDF
    share_requested = Signal(object)  # LoadedRoutine: save a routine package (zip)
    adjust_requested = Signal(object)  # LoadedRoutine: quick edits for a client (clinic mode)

    def __init__(
        self, parent: QWidget | None = None, *, exports: bool = False, clinic: bool = False
    ) -> None:
        super().__init__(parent)
        self._loaded: LoadedRoutine | None = None
        self.images: list[SvgImage] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 20, 32, 16)
        outer.setSpacing(12)

        top = QHBoxLayout()
        top.setSpacing(16)
        self.back_button = QPushButton(self.tr("← Library"))
        self.back_button.setAccessibleName(self.tr("Back to the library"))
        self.back_button.setMinimumHeight(MIN_TOUCH_PX)
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.title_label = ScaledLabel("", factor=1.9, bold=True, role="title")
        top.addWidget(self.title_label, 1)
        # Handouts for a client (off in kiosk mode: no file dialogs there).
        self.handout_button = QPushButton(self.tr("Handout (PDF)…"))
        self.handout_button.setAccessibleName(self.tr("Save a printable handout"))
        self.share_button = QPushButton(self.tr("Share file…"))
        self.share_button.setAccessibleName(self.tr("Save the routine with its pictures as a file"))
        self.adjust_button = QPushButton(self.tr("Adjust for client…"))
        self.adjust_button.setAccessibleName(self.tr("Adjust this routine for the client"))
        for button, signal, shown in (
            (self.adjust_button, self.adjust_requested, clinic),
            (self.handout_button, self.handout_requested, exports),
            (self.share_button, self.share_requested, exports),
        ):
            button.setMinimumHeight(MIN_TOUCH_PX)
            button.setVisible(shown)
            button.clicked.connect(lambda _=False, sig=signal: self._emit_loaded(sig))
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(top)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A suggested step up (progression), shown only when the main window finds one.
        self.progression_banner = ProgressionBanner(self)
        self.progression_banner.hide()
        outer.addWidget(self.progression_banner)
        outer.addWidget(self.scroll_area, 1)

        outer.addWidget(hline())
        outer.addLayout(self._start_bar())
        self.setFocusProxy(self.pain)  # the first thing to do here: say how much it hurts
        app = QApplication.instance()
        if isinstance(app, QApplication):  # a new font scale may call for one column
            app.fontChanged.connect(self._on_app_font)

    def _emit_loaded(self, signal: SignalInstance) -> None:
        if self._loaded is not None:
            signal.emit(self._loaded)

    def _on_app_font(self, _font: QFont) -> None:
        self._arrange(self.width())

    def _start_bar(self) -> QGridLayout:
        """Pain label and scale on the left, Start on the right, one hint line below."""
        bar = QGridLayout()
        bar.setHorizontalSpacing(24)
        bar.setVerticalSpacing(6)
        heading = QHBoxLayout()
        heading.setSpacing(16)
        self.pain_label = ScaledLabel(self.tr("Pain right now (0–10)"), factor=1.15, bold=True)
        self.pain_label.setWordWrap(False)
        heading.addWidget(self.pain_label)
        self.pain_hint = ScaledLabel(
            self.tr("0 = no pain, 10 = worst pain imaginable"), factor=0.9, role="caption"
        )
        heading.addWidget(self.pain_hint, 1, Qt.AlignmentFlag.AlignBottom)
        bar.addLayout(heading, 0, 0, 1, 2)
        self.pain = PainScale()
        self.pain.setAccessibleName(self.tr("Pain right now, 0 to 10"))
        self.pain.setAccessibleDescription(
            self.tr("0 means no pain, 10 the worst pain you can imagine")
        )
        self.pain_label.setBuddy(self.pain.buttons[0])
        bar.addWidget(self.pain, 1, 0, Qt.AlignmentFlag.AlignVCenter)
        self.start_button = QPushButton(self.tr("Start"))
        set_role(self.start_button, "primary")
        self.start_button.setMinimumSize(220, 64)
        self.start_button.setAccessibleName(self.tr("Start the routine"))
        self.start_button.clicked.connect(self._start)
        bar.addWidget(self.start_button, 1, 2, Qt.AlignmentFlag.AlignVCenter)
        self.start_hint = ScaledLabel("", factor=0.95, role="caption")
        bar.addWidget(self.start_hint, 2, 0, 1, 3)
        bar.setColumnStretch(1, 1)
        self.pain.value_changed.connect(self._pain_chosen)
        return bar

    # --- public API ------------------------------------------------------------------------

    @property
    def loaded(self) -> LoadedRoutine | None:
        return self._loaded

    def show_routine(self, loaded: LoadedRoutine) -> None:
        """Fill the page for ``loaded``; the pain choice starts empty each time."""
        self._loaded = loaded
        self.progression_banner.hide()
        self.title_label.setText(loaded.routine.title)
        self.setAccessibleName(loaded.routine.title)
        self.images = []
        self.step_rows = step_rows(loaded)
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll_area.setWidget(self._content(loaded))
        self.scroll_area.verticalScrollBar().setValue(0)
        self.pain.set_value(None)
        self.start_hint.setText(self.tr("Choose a number, then Start."))

    def pain_value(self) -> int | None:
        return self.pain.value()

    def set_pain(self, value: int | None) -> None:
        self.pain.set_value(value)

    # --- building the page -----------------------------------------------------------------

    def _content(self, loaded: LoadedRoutine) -> QWidget:
        """Summary on top; then the schedule and how-to beside the facts and safety notes.

        The side column (facts, safety) moves above the main one when the window is narrow.
        """
        routine = loaded.routine
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 4, 16, 24)
        outer.setSpacing(16)
        self.summary_label = ScaledLabel(routine.summary, factor=1.05)
        outer.addWidget(self.summary_label)
        outer.addWidget(self._facts(loaded))

        self._columns = QBoxLayout(QBoxLayout.Direction.RightToLeft)
        self._columns.setSpacing(28)
        outer.addLayout(self._columns)
        outer.addStretch(1)

        self._side = QWidget()
        side = QVBoxLayout(self._side)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(16)
        side.addWidget(self._safety(routine))
        side.addWidget(self._equipment(routine))
        side.addStretch(1)

        main = QWidget()
        column = QVBoxLayout(main)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(14)
        column.addWidget(_heading(self.tr("Steps")))
        column.addWidget(self._schedule())
        column.addSpacing(8)
        column.addWidget(_heading(self.tr("How to do each exercise")))
        for step in how_to_steps(routine):
            column.addWidget(self._how_to(loaded, step))
        if routine.references:
            column.addSpacing(8)
            column.addWidget(_heading(self.tr("References")))
            column.addWidget(self._references(routine))
        column.addStretch(1)

        # RightToLeft: the first item (side) sits on the right; TopToBottom: it comes first.
        self._columns.addWidget(self._side, 0)
        self._columns.addWidget(main, 1)
        self._arrange(self.width())
        return page

    def _arrange(self, width: int) -> None:
        columns = getattr(self, "_columns", None)
        if columns is None:
            return
        font_scale = base_point_size() / BASE_POINT_SIZE
        image_width = IMAGE_WIDTH_WIDE if width >= WIDE_MIN_WIDTH else IMAGE_WIDTH
        for image in self.images:
            image.setFixedSize(image_width, image.heightForWidth(image_width))
        if width >= TWO_COLUMN_MIN_WIDTH * max(1.0, font_scale):
            columns.setDirection(QBoxLayout.Direction.RightToLeft)
            self._side.setFixedWidth(max(SIDE_MIN_WIDTH, min(SIDE_MAX_WIDTH, width * 3 // 10)))
        else:
            columns.setDirection(QBoxLayout.Direction.TopToBottom)
            self._side.setMinimumWidth(0)
            self._side.setMaximumWidth(16_777_215)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(self.width())

    def _facts(self, loaded: LoadedRoutine) -> QWidget:
        """Total time, level and how often, side by side in one strip."""
        routine = loaded.routine
        box = QFrame()
        set_role(box, "card")
        row = QHBoxLayout(box)
        row.setContentsMargins(20, 12, 20, 12)
        row.setSpacing(40)
        total = clock_text(loaded.timeline.total_s)
        self.total_label = ScaledLabel(total, factor=1.6, bold=True, wrap=False)
        self.total_label.setAccessibleName(self.tr("Total time {t}").format(t=total))
        facts: list[tuple[str, QLabel]] = [
            (self.tr("Total time"), self.total_label),
            (self.tr("Level"), ScaledLabel(level_text(routine.level), factor=1.2, bold=True)),
        ]
        if routine.frequency is not None:
            freq = routine.frequency
            text = (
                self.tr("Once a week")
                if freq.times_per_week == 1
                else self.tr("{n} times a week").format(n=freq.times_per_week)
            )
            self.frequency_label = ScaledLabel(text, factor=1.2, bold=True)
            facts.append((self.tr("How often"), self.frequency_label))
        note = routine.frequency.note if routine.frequency is not None else None
        for name, value in facts:
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(ScaledLabel(name, role="caption", wrap=False))
            cell.addWidget(value)
            value.setAccessibleName(f"{name}: {value.text()}")
            if note and value is facts[-1][1] and routine.frequency is not None:
                cell.addWidget(ScaledLabel(note, role="caption"))
            cell.addStretch(1)
            row.addLayout(cell, 1 if value is facts[-1][1] else 0)
        return box

    def _equipment(self, routine: Routine) -> QWidget:
        box = QFrame()
        set_role(box, "card")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(6)
        layout.addWidget(_heading(self.tr("What you need")))
        items = list(routine.equipment) or [self.tr("No equipment needed")]
        self.equipment_label = _bullets(items)
        self.equipment_label.setAccessibleName(
            self.tr("Equipment: {items}").format(items=", ".join(items))
        )
        layout.addWidget(self.equipment_label)
        box.setAccessibleName(self.tr("Equipment"))
        return box

    def _safety(self, routine: Routine) -> QWidget:
        box = QFrame()
        box.setObjectName("safetyNotes")
        set_role(box, "card")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(6)
        layout.addWidget(_heading(self.tr("Before you start")))
        notes = list(routine.safety_notes) or [
            self.tr("Move within what feels comfortable, and stop if something feels wrong.")
        ]
        self.safety_label = _bullets(notes)
        layout.addWidget(self.safety_label)
        box.setAccessibleName(self.tr("Safety notes"))
        return box

    def _schedule(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(4)
        heads = (self.tr("Starts"), self.tr("Step"), self.tr("Length"))
        for col, text in enumerate(heads):
            label = ScaledLabel(text, role="caption", wrap=False)
            if col != 1:
                label.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(label, 0, col)
        self.step_labels: list[QLabel] = []
        for i, step in enumerate(self.step_rows, start=1):
            r = 2 * i - 1
            grid.addWidget(hline(), r, 0, 1, 3)
            start = ScaledLabel(clock_text(step.start_s), wrap=False)
            start.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            lines = f"<b>{html.escape(step.name)}</b>"
            extra = [t for t in (step.detail, step.round_note) if t]
            if extra:
                lines += "<br>" + "<br>".join(html.escape(t) for t in extra)
            name = ScaledLabel(lines, rich=True)
            name.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            spoken = ", ".join(
                [step.name, *extra, self.tr("starts at {t}").format(t=clock_text(step.start_s))]
            )
            name.setAccessibleName(spoken)
            length = ScaledLabel(seconds_text(round(step.length_s)), wrap=False)
            length.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(start, r + 1, 0)
            grid.addWidget(name, r + 1, 1)
            grid.addWidget(length, r + 1, 2)
            self.step_labels.append(name)
        grid.setColumnStretch(1, 1)
        return box

    def _how_to(self, loaded: LoadedRoutine, step: Step) -> QWidget:
        box = QFrame()
        set_role(box, "card")
        row = QHBoxLayout(box)
        row.setContentsMargins(16, 16, 20, 16)
        row.setSpacing(20)
        name = step_name(step)
        image_ref = getattr(step, "image", None)
        text_items: list[str] = []
        if isinstance(step, (ExerciseStep, CalibrationStep)):
            text_items = list(step.instructions)
        elif isinstance(step, InfoStep):
            text_items = list(step.text)
        wants_image = isinstance(step, (ExerciseStep, CalibrationStep)) or image_ref is not None
        if wants_image:
            path = None
            if image_ref:
                try:
                    path = loaded.resolve_asset(image_ref)
                except ValueError:
                    path = None
            image = SvgImage(path, alt=name)
            image.setFixedSize(IMAGE_WIDTH, image.heightForWidth(IMAGE_WIDTH))
            self.images.append(image)
            row.addWidget(image, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(6)
        title = ScaledLabel(name, factor=1.15, bold=True)
        text.addWidget(title)
        detail = step_detail(step)
        if detail and not isinstance(step, InfoStep):
            text.addWidget(ScaledLabel(detail, role="caption"))
        if text_items:
            if isinstance(step, InfoStep):
                for paragraph in text_items:
                    text.addWidget(ScaledLabel(paragraph))
            else:
                text.addWidget(_bullets(text_items, numbered=True))
        text.addStretch(1)
        row.addLayout(text, 1)
        box.setAccessibleName(name)
        return box

    def _references(self, routine: Routine) -> QLabel:
        self.references_label = reference_list(routine.references, self.tr("References"))
        return self.references_label

    # --- start -----------------------------------------------------------------------------

    def _pain_chosen(self, value: int) -> None:
        self.start_hint.setText(self.tr("Pain now: {n} of 10").format(n=value))

    def _start(self) -> None:
        if self._loaded is None:
            return
        pain = self.pain.value()
        if pain is None:
            self.start_hint.setText(self.tr("Please choose your pain right now first (0–10)."))
            self.pain.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.start_requested.emit(self._loaded, pain)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.back_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
