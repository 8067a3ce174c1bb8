"""Clinic: adjust a routine for the client in front of you, then start it or save it for them.

The page wraps the :class:`QuickEditor`: a header with the routine's title and a way back, the
editor, and "Start with these changes". Starting never writes a file; "Save as client program…"
(in the editor) writes a new routine beside the user's own and leaves the original untouched.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from glute_coach.core.loading import LoadedRoutine
from glute_coach.core.timeline import compile_timeline
from glute_coach.ui.clinic.editor import QuickEditor
from glute_coach.ui.widgets import set_role

MIN_TOUCH_PX = 48


class ClinicEditPage(QWidget):
    back_requested = Signal()
    start_requested = Signal(object)  # LoadedRoutine with the edits

    def __init__(self, loaded: LoadedRoutine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clinicEditPage")
        self.setAccessibleName(self.tr("Adjust for this client"))
        root = QVBoxLayout(self)
        root.setContentsMargins(32, 20, 32, 16)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back"))
        self.back_button.setMinimumHeight(MIN_TOUCH_PX)
        self.back_button.setAccessibleName(self.tr("Back to the routine"))
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.title_label = QLabel(self.tr("Adjust for this client"))
        set_role(self.title_label, "title")
        self.title_label.setWordWrap(True)
        top.addWidget(self.title_label, 1)
        root.addLayout(top)
        self.editor = QuickEditor(loaded, self)
        root.addWidget(self.editor, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.start_button = QPushButton(self.tr("Start with these changes"))
        set_role(self.start_button, "primary")
        self.start_button.setMinimumSize(260, 64)
        self.start_button.clicked.connect(self._start)
        bottom.addWidget(self.start_button)
        root.addLayout(bottom)

    def edited(self) -> LoadedRoutine:
        """The routine as edited, ready to play (its file and assets as before)."""
        original = self.editor.loaded
        routine = self.editor.routine
        if routine == original.routine:
            return original
        return replace(original, routine=routine, timeline=compile_timeline(routine))

    def _start(self) -> None:
        self.start_requested.emit(self.edited())
