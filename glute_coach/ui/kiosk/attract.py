"""The attract screen: routine previews in turn and a big "Touch to start".

Shown when nobody is using the kiosk. Each preview (title, summary, illustration, length and
level) stays ``CYCLE_S`` seconds; the next one is due at a deadline on the kiosk's clock, checked
by the shell's heartbeat (``advance_if_due``), so tests move a fake clock instead of waiting.
A touch, click, Enter or Space anywhere emits ``start_requested``. A line for staff (routine
files that were skipped, a folder that is missing) is shown only after the staff PIN.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from glute_coach.core.clock import Clock
from glute_coach.core.loading import LoadedRoutine
from glute_coach.core.routine import CalibrationStep, ExerciseStep, InfoStep, RepeatStep, Step
from glute_coach.ui.widgets import (
    MIN_TOUCH_PX,
    ScaledLabel,
    SvgImage,
    about_minutes_text,
    current_colors,
    level_text,
    set_role,
    short_text,
)

CYCLE_S = 8.0  # each preview is shown this long
SUMMARY_CHARS = 220
START_HEIGHT_PX = 2 * MIN_TOUCH_PX


def first_image(loaded: LoadedRoutine) -> Path | None:
    """The routine's first illustration (None when it has none or it cannot be resolved)."""

    def walk(steps: Sequence[Step]) -> Path | None:
        for step in steps:
            if isinstance(step, RepeatStep):
                found = walk(step.steps)
                if found is not None:
                    return found
            elif isinstance(step, (ExerciseStep, InfoStep, CalibrationStep)) and step.image:
                try:
                    return loaded.resolve_asset(step.image)
                except ValueError:
                    continue
        return None

    return walk(loaded.routine.steps)


class AttractView(QWidget):
    """Cycles routine previews; any touch starts."""

    start_requested = Signal()

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self._routines: list[LoadedRoutine] = []
        self._index = 0
        self._next_at = clock.now() + CYCLE_S
        self.setObjectName("attractView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Welcome screen"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(56, 40, 56, 40)
        outer.setSpacing(24)

        self.welcome_label = ScaledLabel(self.tr("Glute Coach"), factor=1.4, bold=True)
        set_role(self.welcome_label, "caption")
        outer.addWidget(self.welcome_label)

        self.card = QFrame(self)
        set_role(self.card, "card")
        self.card.setObjectName("attractCard")
        row = QHBoxLayout(self.card)
        row.setContentsMargins(40, 32, 40, 32)
        row.setSpacing(40)
        self.image = SvgImage(None, "", self.card)
        self.image.setMinimumSize(240, 200)
        row.addWidget(self.image, 4)
        text = QVBoxLayout()
        text.setSpacing(16)
        self.title_label = ScaledLabel("", factor=2.6, bold=True)
        text.addWidget(self.title_label)
        self.facts_label = ScaledLabel("", factor=1.4, bold=True)
        text.addWidget(self.facts_label)
        self.summary_label = ScaledLabel("", factor=1.35)
        text.addWidget(self.summary_label)
        text.addStretch(1)
        self.position_label = ScaledLabel("", factor=1.0)
        set_role(self.position_label, "caption")
        text.addWidget(self.position_label)
        row.addLayout(text, 5)
        outer.addWidget(self.card, 1)

        self.empty_label = ScaledLabel(
            self.tr("No routines are available right now. Please ask a member of staff."),
            factor=1.8,
            bold=True,
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        outer.addWidget(self.empty_label, 1)

        self.start_label = ScaledLabel(self.tr("Touch to start"), factor=2.6, bold=True)
        self.start_label.setObjectName("attractStart")
        self.start_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_label.setMinimumHeight(START_HEIGHT_PX)
        self.start_label.setContentsMargins(48, 12, 48, 12)
        outer.addWidget(self.start_label, 0, Qt.AlignmentFlag.AlignHCenter)
        self._style_start()

        self.staff_label = ScaledLabel("", factor=1.0, bold=True)
        self.staff_label.setObjectName("attractStaffNote")
        self.staff_label.setAccessibleName(self.tr("Note for staff"))
        self.staff_label.hide()
        outer.addWidget(self.staff_label)

        for label in self.findChildren(QLabel):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.image.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._staff_note = ""
        self._show_current()

    # --- public API ------------------------------------------------------------------------

    def set_routines(self, routines: Sequence[LoadedRoutine]) -> None:
        self._routines = list(routines)
        self._index = 0
        self._show_current()
        self.restart_cycle()

    def routines(self) -> list[LoadedRoutine]:
        return list(self._routines)

    @property
    def index(self) -> int:
        return self._index

    def current(self) -> LoadedRoutine | None:
        return self._routines[self._index] if self._routines else None

    def restart_cycle(self) -> None:
        """The current preview stays a full ``CYCLE_S`` from now."""
        self._next_at = self.clock.now() + CYCLE_S

    def advance_if_due(self) -> bool:
        """Show the next preview when its time has come; True when it changed."""
        if len(self._routines) < 2 or self.clock.now() < self._next_at:
            return False
        self._index = (self._index + 1) % len(self._routines)
        self._next_at = max(self._next_at + CYCLE_S, self.clock.now())
        self._show_current()
        return True

    def set_staff_note(self, text: str) -> None:
        """What staff should know (skipped files, a missing folder); shown after the PIN."""
        self._staff_note = text
        self.staff_label.setText(text)
        if not text:
            self.staff_label.hide()

    def set_staff_visible(self, visible: bool) -> None:
        self.staff_label.setVisible(visible and bool(self._staff_note))

    def staff_note_visible(self) -> bool:
        return not self.staff_label.isHidden()

    # --- drawing ---------------------------------------------------------------------------

    def _style_start(self) -> None:
        """ "Touch to start" as a big pill in the theme's accent colour (it reads as a button)."""
        colors = current_colors(self)
        self.start_label.setStyleSheet(
            f"QLabel#attractStart {{ background: {colors.accent}; color: {colors.on_accent};"
            f" border-radius: {START_HEIGHT_PX // 2}px; }}"
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a new theme
            self._style_start()

    def _show_current(self) -> None:
        loaded = self.current()
        self.card.setVisible(loaded is not None)
        self.empty_label.setVisible(loaded is None)
        self.start_label.setVisible(loaded is not None)
        if loaded is None:
            return
        routine = loaded.routine
        self.title_label.setText(routine.title)
        self.facts_label.setText(
            f"{about_minutes_text(loaded.timeline.total_s)} · {level_text(routine.level)}"
        )
        self.summary_label.setText(short_text(routine.summary, SUMMARY_CHARS))
        self.image.set_image(first_image(loaded), routine.title)
        self.position_label.setText(
            self.tr("Routine {i} of {n}").format(i=self._index + 1, n=len(self._routines))
        )
        self.setAccessibleDescription(
            self.tr("{title}. {summary} Touch the screen to start.").format(
                title=routine.title, summary=routine.summary
            )
        )

    # --- input -----------------------------------------------------------------------------

    def _request_start(self) -> None:
        if self._routines:
            self.start_requested.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._request_start()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self._request_start()
            event.accept()
            return
        super().keyPressEvent(event)
