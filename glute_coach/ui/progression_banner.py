"""A calm card offering the next small step up, which the user accepts or declines.

Nothing changes unless the user presses Accept. Accepting a change of holds, reps or sets saves
the progressed routine as the user's own copy (``storage.programs.save_client_program``: a new
file in the user routines folder, never over the original, never the bundled file) and then
emits ``accepted``; accepting a harder routine only emits ``accepted`` (the window opens it).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from glute_coach.core.progression import Change, SessionFacts, Suggestion
from glute_coach.storage.programs import ProgramSaveError, save_client_program
from glute_coach.storage.sessions import SessionSummary
from glute_coach.ui.widgets import MIN_TOUCH_PX, ScaledLabel, seconds_text, set_role


def session_facts(summaries: Iterable[SessionSummary]) -> list[SessionFacts]:
    """Stored sessions as progression reads them (with their routine id and version)."""
    out: list[SessionFacts] = []
    for summary in summaries:
        try:
            ended = datetime.fromisoformat(summary.ended_at)
        except ValueError:
            continue
        out.append(
            SessionFacts(
                completed=summary.completed,
                pain_before=summary.pain_before,
                pain_after=summary.pain_after,
                ended=ended,
                routine_id=summary.routine_id,
                routine_version=summary.routine_version,
            )
        )
    return out


class ProgressionBanner(QFrame):
    """A card: "Ready for a small step up? Glute bridge: holds 10 s → 12 s." Accept / Not now."""

    accepted = Signal(object)  # Suggestion (after its routine was saved, when it has one)
    declined = Signal()
    saved = Signal(object)  # Path of the saved step up

    def __init__(self, parent: QWidget | None = None, *, folder: Path | None = None) -> None:
        super().__init__(parent)
        self._folder = folder  # where a step up is saved; None = the user routines folder
        self._assets_from: Path | None = None
        self.suggestion: Suggestion | None = None
        self.saved_path: Path | None = None
        set_role(self, "card")
        self.setAccessibleName(self.tr("A suggestion to step up"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        self.heading = ScaledLabel("", self, factor=1.15, bold=True)
        self.text_label = ScaledLabel("", self)
        self.changes_label = ScaledLabel("", self)
        self.note_label = ScaledLabel("", self, factor=0.95, role="caption")
        self.status_label = ScaledLabel("", self, factor=0.95)
        for label in (self.heading, self.text_label, self.changes_label, self.note_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        layout.addWidget(self.status_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setAccessibleName(self.tr("Accept the step up"))
        self.decline_button = QPushButton(self.tr("Not now"), self)
        self.decline_button.setAccessibleName(self.tr("Not now, keep the routine as it is"))
        for button in (self.accept_button, self.decline_button):
            button.setMinimumHeight(MIN_TOUCH_PX)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.accept_button.clicked.connect(self.accept)
        self.decline_button.clicked.connect(self.decline)
        self.hide()

    # --- showing ---------------------------------------------------------------------------

    def show_suggestion(
        self,
        suggestion: Suggestion | None,
        *,
        assets_from: Path | None = None,
        next_title: str | None = None,
    ) -> None:
        """Offer ``suggestion`` (hidden when None). ``assets_from``: the routine's folder, so
        pictures it names by a relative path are copied beside the saved step up;
        ``next_title``: the title of the harder routine, when it suggests one."""
        self.suggestion = suggestion
        self.saved_path = None
        self._assets_from = assets_from
        self.status_label.setText("")
        self.status_label.hide()
        if suggestion is None:
            self.hide()
            return
        self.accept_button.setEnabled(True)
        self.decline_button.setEnabled(True)
        self.text_label.setText(self.intro_text(suggestion))
        if suggestion.changes:
            self.heading.setText(self.tr("Ready for a small step up?"))
            self.changes_label.setText("\n".join(self.change_text(c) for c in suggestion.changes))
        else:
            self.heading.setText(self.tr("Ready for a harder routine?"))
            name = next_title or suggestion.next_routine or ""
            self.changes_label.setText(self.tr("Next: {name}").format(name=name))
        self.note_label.setText(suggestion.note or "")
        self.note_label.setVisible(bool(suggestion.note))
        self.setAccessibleDescription(
            " ".join(
                t
                for t in (
                    self.heading.text(),
                    self.text_label.text(),
                    self.changes_label.text(),
                    self.note_label.text(),
                )
                if t
            )
        )
        self.show()

    def intro_text(self, suggestion: Suggestion) -> str:
        rule = suggestion.routine.progression
        if rule is not None and rule.pain_not_worse:
            text = self.tr("You have done this routine {n} times without more pain.").format(
                n=suggestion.sessions
            )
        else:
            text = self.tr("You have done this routine {n} times.").format(n=suggestion.sessions)
        if suggestion.unrecorded_pain:
            text += " " + self.tr(
                "Pain was not recorded in {m} of these sessions, so those could not be checked."
            ).format(m=suggestion.unrecorded_pain)
        return text

    def change_text(self, change: Change) -> str:
        if change.quantity == "hold_s":
            return self.tr("{name}: holds {before} → {after}").format(
                name=change.name,
                before=seconds_text(change.before),
                after=seconds_text(change.after),
            )
        if change.quantity in ("duration_s", "rep_s"):
            return self.tr("{name}: {before} → {after}").format(
                name=change.name,
                before=seconds_text(change.before),
                after=seconds_text(change.after),
            )
        if change.quantity == "reps":
            return self.tr("{name}: {before} → {after} reps").format(
                name=change.name, before=int(change.before), after=int(change.after)
            )
        return self.tr("{name}: {before} → {after} sets").format(
            name=change.name, before=int(change.before), after=int(change.after)
        )

    # --- answering -------------------------------------------------------------------------

    def accept(self) -> bool:
        """Save the step up as the user's own routine (if it has one), then emit ``accepted``."""
        suggestion = self.suggestion
        if suggestion is None:
            return False
        if suggestion.progressed is not None:
            try:
                self.saved_path = save_client_program(
                    suggestion.progressed, self._folder, assets_from=self._assets_from
                )
            except ProgramSaveError as exc:
                self.status_label.setText(
                    self.tr("Could not save the new level: {reason}").format(reason=exc)
                )
                self.status_label.show()
                return False
            self.saved.emit(self.saved_path)
        self.hide()
        self.accepted.emit(suggestion)
        return True

    def decline(self) -> None:
        """Keep the routine as it is; the window may ask again after more sessions."""
        if self.suggestion is None:
            return
        self.hide()
        self.declined.emit()
