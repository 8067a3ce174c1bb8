"""The finish screen: what was done and skipped, how it felt, and saving it on this computer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from glute_coach.storage.sessions import (
    MAX_NOTES,
    SessionSummary,
    save_session,
    with_feedback,
)
from glute_coach.ui.widgets import PainScale, clock_text, set_role


def grouped_names(names: list[str]) -> list[tuple[str, int]]:
    """Step names in order with repeats counted: a circuit done twice lists each step once."""
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return list(counts.items())


class FinishView(QWidget):
    """Summary of a session; pain after, effort and notes; Save; Done returns to the library."""

    done = Signal()
    saved = Signal(object)  # Path of the session file

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: SessionSummary | None = None
        self.saved_path: Path | None = None
        self._dirty = False
        self._scale = 0.0
        self.setObjectName("finishView")
        self.setAccessibleName(self.tr("Session summary"))
        self._build()

    # --- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(24, 16, 24, 16)
        root.setSpacing(12)

        self.title_label = QLabel(self)
        set_role(self.title_label, "title")
        self.title_label.setWordWrap(True)
        self.subtitle_label = QLabel(self)
        self.subtitle_label.setWordWrap(True)
        root.addWidget(self.title_label)
        root.addWidget(self.subtitle_label)

        columns = QHBoxLayout()
        columns.setSpacing(16)

        # What was done and skipped.
        steps_card = QFrame(self)
        set_role(steps_card, "card")
        steps = QVBoxLayout(steps_card)
        steps.setContentsMargins(16, 12, 16, 12)
        self.done_heading = QLabel(steps_card)
        set_role(self.done_heading, "heading")
        self.done_list = self._list(steps_card, self.tr("Steps done"))
        self.skipped_heading = QLabel(steps_card)
        set_role(self.skipped_heading, "heading")
        self.skipped_list = self._list(steps_card, self.tr("Steps skipped"))
        steps.addWidget(self.done_heading)
        steps.addWidget(self.done_list, 3)
        steps.addWidget(self.skipped_heading)
        steps.addWidget(self.skipped_list, 2)
        steps_card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        columns.addWidget(steps_card, 2)

        # How it felt.
        feel_card = QFrame(self)
        set_role(feel_card, "card")
        feel = QVBoxLayout(feel_card)
        feel.setContentsMargins(16, 12, 16, 12)
        feel.setSpacing(8)
        self.pain_before_label = QLabel(feel_card)
        self.pain_before_label.setWordWrap(True)
        feel.addWidget(self.pain_before_label)

        self.pain_after_label = QLabel(self.tr("Pain now (0–10)"), feel_card)
        set_role(self.pain_after_label, "heading")
        self.pain_after = PainScale(feel_card)
        self.pain_after.setAccessibleName(self.tr("Pain now, 0 to 10"))
        self.pain_after_label.setBuddy(self.pain_after)
        pain_hint = QLabel(self.tr("0 = no pain, 10 = worst pain imaginable"), feel_card)
        set_role(pain_hint, "caption")
        feel.addWidget(self.pain_after_label)
        feel.addWidget(self.pain_after)
        feel.addWidget(pain_hint)

        self.rpe_label = QLabel(self.tr("Effort (0–10)"), feel_card)
        set_role(self.rpe_label, "heading")
        self.rpe = PainScale(feel_card)
        self.rpe.setAccessibleName(self.tr("Effort, 0 to 10"))
        for n, button in enumerate(self.rpe.buttons):
            button.setAccessibleName(self.tr("Effort {n} out of 10").format(n=n))
        self.rpe_label.setBuddy(self.rpe)
        rpe_hint = QLabel(self.tr("0 = rest, 5 = hard, 10 = the hardest you could do"), feel_card)
        set_role(rpe_hint, "caption")
        feel.addWidget(self.rpe_label)
        feel.addWidget(self.rpe)
        feel.addWidget(rpe_hint)

        self.notes_label = QLabel(self.tr("Notes"), feel_card)
        set_role(self.notes_label, "heading")
        self.notes = QPlainTextEdit(feel_card)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setPlaceholderText(
            self.tr("Anything to remember: what felt easy or hard, where you felt it…")
        )
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(60)
        self.notes_label.setBuddy(self.notes)
        feel.addWidget(self.notes_label)
        feel.addWidget(self.notes, 1)
        feel_card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # The 0-10 rows never wrap: keep room for all eleven buttons.
        scale_width = self.pain_after.sizeHint().width()
        feel_card.setMinimumWidth(scale_width + 2 * 16 + 8)
        columns.addWidget(feel_card, 3)
        root.addLayout(columns, 1)

        # Saving and leaving.
        bottom = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Save status"))
        self.save_button = QPushButton(self.tr("Save"), self)
        set_role(self.save_button, "primary")
        self.save_button.setAccessibleName(self.tr("Save this session"))
        self.save_button.setToolTip(self.tr("Keep this summary on this computer"))
        self.save_button.setMinimumHeight(64)
        self.save_button.setMinimumWidth(140)
        self.save_button.clicked.connect(self.save)
        self.done_button = QPushButton(self.tr("Done"), self)
        self.done_button.setAccessibleName(self.tr("Done, back to the routines"))
        self.done_button.setMinimumHeight(64)
        self.done_button.setMinimumWidth(120)
        self.done_button.clicked.connect(self.finish)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.done_button)
        root.addLayout(bottom)

        # Asked when leaving without saving.
        self.leave_bar = QFrame(self)
        set_role(self.leave_bar, "card")
        leave = QHBoxLayout(self.leave_bar)
        self.leave_label = QLabel(self.tr("This session is not saved yet."), self.leave_bar)
        self.leave_label.setWordWrap(True)
        self.save_and_leave_button = QPushButton(self.tr("Save and finish"), self.leave_bar)
        self.save_and_leave_button.clicked.connect(self._save_and_leave)
        self.leave_button = QPushButton(self.tr("Finish without saving"), self.leave_bar)
        self.leave_button.clicked.connect(self._leave)
        for button in (self.save_and_leave_button, self.leave_button):
            button.setMinimumHeight(48)
        leave.addWidget(self.leave_label, 1)
        leave.addWidget(self.save_and_leave_button)
        leave.addWidget(self.leave_button)
        self.leave_bar.hide()
        root.addWidget(self.leave_bar)

        self.pain_after.value_changed.connect(self._changed)
        self.rpe.value_changed.connect(self._changed)
        self.notes.textChanged.connect(self._changed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_scale()

    def _apply_scale(self) -> None:
        """Text grows with big windows (up to 1.5x at 1920x1080), like the player's."""
        factor = min(max(min(self.height() / 720, self.width() / 1280), 1.0), 1.5)
        factor = round(factor * 10) / 10
        if factor == self._scale:
            return
        self._scale = factor
        base = QApplication.font().pointSizeF()
        base = base if base > 0 else 13.0

        def pt(times: float) -> str:
            return f"{base * times * factor:.1f}pt"

        self.setStyleSheet(
            f"#finishView QLabel, #finishView QListWidget, #finishView QPlainTextEdit,"
            f" #finishView QPushButton {{ font-size: {pt(1.0)}; }}"
            f"#finishView QListWidget {{ font-size: {pt(1.15)}; }}"
            f'#finishView QLabel[role="title"] {{ font-size: {pt(1.9)}; }}'
            f'#finishView QLabel[role="heading"] {{ font-size: {pt(1.35)}; }}'
            f'#finishView QPushButton[role="primary"] {{ font-size: {pt(1.3)}; }}'
        )

    def _list(self, parent: QWidget, name: str) -> QListWidget:
        widget = QListWidget(parent)
        widget.setAccessibleName(name)
        widget.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        widget.setWordWrap(True)
        widget.setMinimumHeight(48)
        return widget

    # --- showing ---------------------------------------------------------------------------

    def show_summary(self, summary: SessionSummary) -> None:
        """Show a finished (or stopped) session and clear the answers of the last one."""
        self.summary = summary
        self.saved_path = None
        self.leave_bar.hide()
        if summary.completed:
            self.title_label.setText(self.tr("Well done — routine complete"))
        else:
            self.title_label.setText(self.tr("Session stopped"))
        parts = [summary.title]
        duration = summary.duration_s
        if duration is not None:
            parts.append(self.tr("time {time}").format(time=clock_text(duration)))
        total = len(summary.steps_done) + len(summary.steps_skipped)
        parts.append(
            self.tr("{done} of {total} steps done").format(
                done=len(summary.steps_done), total=total
            )
        )
        self.subtitle_label.setText("  ·  ".join(parts))
        self._fill(self.done_list, summary.steps_done, "✓")
        self._fill(self.skipped_list, summary.steps_skipped, "–")
        self.done_heading.setText(self.tr("Done ({n})").format(n=len(summary.steps_done)))
        self.skipped_heading.setText(self.tr("Skipped ({n})").format(n=len(summary.steps_skipped)))
        self.skipped_heading.setVisible(bool(summary.steps_skipped))
        self.skipped_list.setVisible(bool(summary.steps_skipped))
        if summary.pain_before is None:
            self.pain_before_label.setText(self.tr("Pain before: not recorded"))
        else:
            self.pain_before_label.setText(
                self.tr("Pain before: {n} out of 10").format(n=summary.pain_before)
            )
        for widget, value in ((self.pain_after, summary.pain_after), (self.rpe, summary.rpe)):
            widget.blockSignals(True)
            widget.set_value(value)
            widget.blockSignals(False)
        self.notes.blockSignals(True)
        self.notes.setPlainText(summary.notes)
        self.notes.blockSignals(False)
        self._dirty = True
        self.save_button.setEnabled(True)
        self.status_label.setText(self.tr("Not saved yet."))
        self.save_button.setFocus()

    def _fill(self, widget: QListWidget, names: list[str], mark: str) -> None:
        widget.clear()
        for name, count in grouped_names(names):
            text = f"{mark}  {name}" if count == 1 else f"{mark}  {name}  ×{count}"
            item = QListWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            widget.addItem(item)

    # --- answers and saving ----------------------------------------------------------------

    def current_summary(self) -> SessionSummary | None:
        """The shown summary with the answers given on this screen."""
        if self.summary is None:
            return None
        return with_feedback(
            self.summary,
            pain_after=self.pain_after.value(),
            rpe=self.rpe.value(),
            notes=self.notes.toPlainText()[:MAX_NOTES],
        )

    def _changed(self, *_args: object) -> None:
        if self.summary is None:
            return
        self._dirty = True
        self.save_button.setEnabled(True)
        if self.saved_path is not None:
            self.status_label.setText(self.tr("Changed since saving: press Save again."))

    def save(self) -> bool:
        """Save (or re-save after a change) locally; True when the file was written."""
        summary = self.current_summary()
        if summary is None:
            return False
        try:
            self.saved_path = save_session(summary, path=self.saved_path)
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.status_label.setText(self.tr("Could not save: {reason}").format(reason=reason))
            return False
        self.summary = summary
        self._dirty = False
        self.save_button.setEnabled(False)
        self.status_label.setText(self.tr("Saved on this computer."))
        self.status_label.setToolTip(str(self.saved_path))
        self.saved.emit(self.saved_path)
        return True

    @property
    def is_saved(self) -> bool:
        return self.saved_path is not None and not self._dirty

    def finish(self) -> None:
        """Done: back to the library, asking first if there is something unsaved."""
        if self.summary is not None and not self.is_saved:
            self.leave_bar.show()
            self.save_and_leave_button.setFocus()
            return
        self._leave()

    def _save_and_leave(self) -> None:
        if self.save():
            self._leave()

    def _leave(self) -> None:
        self.leave_bar.hide()
        self.done.emit()
