"""Calm advice on the finish screen when pain rose by 2 or more points during the session."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from glute_coach.core.progression import pain_rise, pain_rise_advice
from glute_coach.ui.widgets import ScaledLabel, set_role


class PainAdvice(QFrame):
    """A card saying, plainly, to stop for today and tell the clinician. Hidden otherwise.

    Call ``show_for(pain_before, pain_after)`` whenever either value is known or changes; it
    shows the card only when pain rose by 2 or more points and returns whether it did.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "card")
        self.setAccessibleName(self.tr("Advice about your pain"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        self.heading = ScaledLabel(self.tr("Your pain went up"), self, factor=1.15, bold=True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label = ScaledLabel("", self)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint_label = ScaledLabel(
            self.tr(
                "If the pain is severe, or you notice numbness or weakness in a leg, "
                "get medical advice today."
            ),
            self,
            factor=0.95,
            role="caption",
        )
        layout.addWidget(self.heading)
        layout.addWidget(self.text_label)
        layout.addWidget(self.hint_label)
        self.hide()

    def show_for(self, pain_before: int | None, pain_after: int | None) -> bool:
        """Show the advice when pain rose by 2 or more; hide it otherwise. True when shown."""
        if not pain_rise_advice(pain_before, pain_after):
            self.text_label.setText("")
            self.hide()
            return False
        self.text_label.setText(self.advice_text(pain_rise(pain_before, pain_after)))
        self.setAccessibleDescription(self.text_label.text())
        self.show()
        return True

    def advice_text(self, points: int) -> str:
        return self.tr(
            "Your pain went up by {n} points during this session. Please stop for today and "
            "let your clinician know before you do this routine again. Rest in a comfortable "
            "position; it is fine to move gently."
        ).format(n=points)
