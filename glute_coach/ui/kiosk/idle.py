"""When a kiosk is idle, on an injected clock; and the Qt filter that reports input to it.

``IdleTracker`` is pure: it holds the time of the last input and says what is due
(back to the attract screen, or stop an abandoned session). ``CornerHold`` recognises the staff
gesture (a press held in a screen corner). ``ActivityFilter`` watches the application's input
events, feeds both, hides the cursor while idle and shows it on the next movement or touch.
Nothing here counts ticks: every decision compares the clock with a deadline.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent, QMouseEvent, QTouchEvent

from glute_coach.core.clock import Clock

IDLE_S = 90.0  # no input this long (no session running) → the attract screen
SESSION_IDLE_S = 20 * 60.0  # a running session with no input this long is stopped
PAUSED_IDLE_S = 5 * 60.0  # a paused session with no input this long is stopped
CURSOR_HIDE_S = 5.0  # the mouse pointer hides after this long without input
HOLD_S = 3.0  # the staff gesture: a press held this long ...
CORNER_PX = 64  # ... within this many pixels of the screen's top-right corner


class Session(Enum):
    NONE = "none"
    RUNNING = "running"
    PAUSED = "paused"


class IdleAction(Enum):
    NOTHING = "nothing"
    ATTRACT = "attract"  # back to the attract screen
    STOP_SESSION = "stop-session"  # a session was left alone: stop it (then thank-you/attract)


class IdleTracker:
    """The last input and the deadlines that follow from it."""

    def __init__(
        self,
        clock: Clock,
        *,
        idle_s: float = IDLE_S,
        session_idle_s: float = SESSION_IDLE_S,
        paused_idle_s: float = PAUSED_IDLE_S,
        cursor_hide_s: float = CURSOR_HIDE_S,
    ) -> None:
        self.clock = clock
        self.idle_s = idle_s
        self.session_idle_s = session_idle_s
        self.paused_idle_s = paused_idle_s
        self.cursor_hide_s = cursor_hide_s
        self.last_input = clock.now()
        self.paused_since: float | None = None
        self.inputs = 0

    def touch(self) -> None:
        """Someone moved, touched or typed."""
        self.last_input = self.clock.now()
        self.inputs += 1

    def idle_for(self) -> float:
        return max(self.clock.now() - self.last_input, 0.0)

    def set_paused(self, paused: bool) -> None:
        if paused and self.paused_since is None:
            self.paused_since = self.clock.now()
        elif not paused:
            self.paused_since = None

    def deadline(self, session: Session) -> float:
        """The clock time at which ``check`` acts (if no input comes first)."""
        if session is Session.RUNNING:
            return self.last_input + self.session_idle_s
        if session is Session.PAUSED:
            since = max(self.last_input, self.paused_since or self.last_input)
            return since + self.paused_idle_s
        return self.last_input + self.idle_s

    def check(self, session: Session) -> IdleAction:
        """What is due now: nothing, the attract screen, or stopping the session."""
        if self.clock.now() < self.deadline(session):
            return IdleAction.NOTHING
        return IdleAction.ATTRACT if session is Session.NONE else IdleAction.STOP_SESSION

    def cursor_should_hide(self) -> bool:
        return self.idle_for() >= self.cursor_hide_s


class CornerHold:
    """A press held ``hold_s`` in the top-right ``corner_px`` of the screen: the staff gesture."""

    def __init__(self, clock: Clock, *, hold_s: float = HOLD_S, corner_px: int = CORNER_PX) -> None:
        self.clock = clock
        self.hold_s = hold_s
        self.corner_px = corner_px
        self.pressed_at: float | None = None
        self.fired = False  # the gesture completed; the release that ends it is swallowed

    def in_corner(self, pos: QPoint, screen: QRect) -> bool:
        return (
            screen.right() - self.corner_px < pos.x() <= screen.right()
            and screen.top() <= pos.y() < screen.top() + self.corner_px
        )

    def press(self, pos: QPoint, screen: QRect) -> None:
        self.fired = False
        self.pressed_at = self.clock.now() if self.in_corner(pos, screen) else None

    def move(self, pos: QPoint, screen: QRect) -> None:
        if self.pressed_at is not None and not self.in_corner(pos, screen):
            self.pressed_at = None

    def release(self) -> bool:
        """The press ended; True when it had completed the gesture (swallow the release).

        Stays True until the next press: a touch's release arrives more than once (as the
        touch and as the mouse event Qt makes of it), and every copy must be swallowed."""
        self.pressed_at = None
        return self.fired

    def due(self) -> bool:
        """True once, when the press has been held long enough."""
        if self.pressed_at is None or self.fired:
            return False
        if self.clock.now() - self.pressed_at >= self.hold_s:
            self.fired = True
            self.pressed_at = None
            return True
        return False


_INPUT = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.TabletPress,
}
_CHORD = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ShiftModifier
)


class ActivityFilter(QObject):
    """Reports input to the tracker, runs the corner gesture, the staff chord and the cursor.

    Installed on the application. Besides watching, it swallows the keys that would close or
    leave the window (Ctrl+Q, Alt+F4, Ctrl+W) and the release that ends a completed gesture.
    """

    activity = Signal()
    staff_chord = Signal()  # Ctrl+Alt+Shift+K

    def __init__(self, tracker: IdleTracker, hold: CornerHold, parent: QObject | None = None):
        super().__init__(parent)
        self.tracker = tracker
        self.hold = hold
        self.cursor_hidden = False
        self._last_pos: QPointF | None = None

    # cursor

    def hide_cursor(self) -> None:
        if not self.cursor_hidden:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
            self.cursor_hidden = True

    def show_cursor(self) -> None:
        if self.cursor_hidden:
            QGuiApplication.restoreOverrideCursor()
            self.cursor_hidden = False

    # events

    @staticmethod
    def _screen_rect(global_pos: QPoint) -> QRect:
        screen = QGuiApplication.screenAt(global_pos) or QGuiApplication.primaryScreen()
        return screen.geometry() if screen is not None else QRect(0, 0, 1, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _INPUT:
            return False
        if kind is QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            # Qt sends a move to every widget under the pointer: count each movement once.
            pos = event.globalPosition()
            if self._last_pos is not None and pos == self._last_pos:
                return False
            self._last_pos = pos
        self.tracker.touch()
        self.show_cursor()
        self.activity.emit()
        if isinstance(event, QKeyEvent):
            return self._key(event)
        return self._pointer(event)

    def _key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_K and (mods & _CHORD) == _CHORD:
            if not event.isAutoRepeat():
                self.staff_chord.emit()
            return True
        ctrl = mods & Qt.KeyboardModifier.ControlModifier
        alt = mods & Qt.KeyboardModifier.AltModifier
        return bool(
            (ctrl and key in (Qt.Key.Key_Q, Qt.Key.Key_W)) or (alt and key == Qt.Key.Key_F4)
        )

    def _pointer(self, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(event, QMouseEvent):
            if event.source() is not Qt.MouseEventSource.MouseEventNotSynthesized:
                return self._swallow_release(kind)  # a touch Qt turned into a click
            global_pos = event.globalPosition().toPoint()
        elif isinstance(event, QTouchEvent) and event.points():
            global_pos = event.points()[0].globalPosition().toPoint()
        else:
            return False
        screen = self._screen_rect(global_pos)
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            if self.hold.pressed_at is None:
                self.hold.press(global_pos, screen)
        elif kind in (QEvent.Type.MouseMove, QEvent.Type.TouchUpdate):
            self.hold.move(global_pos, screen)
        return self._swallow_release(kind)

    def _swallow_release(self, kind: QEvent.Type) -> bool:
        if kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd):
            return self.hold.release()
        return False
