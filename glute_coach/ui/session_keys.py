"""The session keys and the in-place stop question, shared by the player and the clinic console.

Space start/pause/resume, Right skip, Left back, R restart the step, Esc asks whether to stop
(Enter stops, Esc keeps going). A view mixes this in before ``QWidget`` and provides
``controller``, ``controls_box``, ``confirm_bar`` and ``confirm_stop_button``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget

from glute_coach.core.engine import SessionState

if TYPE_CHECKING:
    from glute_coach.ui.session_controller import SessionController

    _Base = QWidget
else:
    _Base = object


class SessionKeys(_Base):
    controller: SessionController
    controls_box: QWidget
    confirm_bar: QWidget
    confirm_stop_button: QPushButton

    # --- stopping --------------------------------------------------------------------------

    def ask_stop(self) -> None:
        """Ask in place whether to stop; Enter stops, Esc keeps going."""
        if not self.controller.is_active() and self.controller.state is not SessionState.READY:
            return
        self.controls_box.hide()
        self.confirm_bar.show()
        self.confirm_stop_button.setFocus()

    def cancel_stop(self) -> None:
        self._hide_confirm()
        self.setFocus()

    def confirm_stop(self) -> None:
        self._hide_confirm()
        self.controller.stop()

    def _hide_confirm(self) -> None:
        self.confirm_bar.hide()
        self.controls_box.show()

    # --- keys ------------------------------------------------------------------------------

    def handle_key(self, key: int) -> bool:
        """Act on one of the session's keys; False when the key is not one of them."""
        k = Qt.Key
        if self.confirm_bar.isVisible():
            if key in (k.Key_Return, k.Key_Enter):
                self.confirm_stop()
                return True
            if key == k.Key_Escape:
                self.cancel_stop()
                return True
        actions = {
            k.Key_Space: self.controller.toggle_pause,
            k.Key_Right: self.controller.skip,
            k.Key_Left: self.controller.back,
            k.Key_R: self.controller.restart_step,
            k.Key_Escape: self.ask_stop,
        }
        action = actions.get(Qt.Key(key))
        if action is None:
            return False
        action()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier and self.handle_key(
            event.key()
        ):
            event.accept()
            return
        super().keyPressEvent(event)
