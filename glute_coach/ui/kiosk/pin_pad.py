"""Staff PIN entry for kiosk mode: a big touch keypad and the dialog that checks or sets the PIN.

``PinPad`` is only the keypad: digits are masked as dots, never shown, and leave through
``entered`` (the pad then forgets them). ``PinDialog`` runs the two flows against a
``PinStore``: *verify* (a wrong PIN says so, a rate-limit lock counts down) and *set a new PIN*
(typed twice). Both are driven without ``exec()`` in tests; ``ask`` and ``set_new`` are the thin
modal wrappers the kiosk shell calls.

Time comes from an injectable ``Clock``: the lock countdown is a deadline re-read by a ~4 Hz
timer (nothing counts ticks), and a second OK within ``DOUBLE_OK_S`` of the first is ignored.
"""

from __future__ import annotations

import math
from enum import StrEnum

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from glute_coach.core.clock import Clock, MonotonicClock
from glute_coach.storage.kiosk_pin import MAX_DIGITS, MIN_DIGITS, PinStore, validate_pin
from glute_coach.ui.theme import FOCUS_WIDTH
from glute_coach.ui.widgets import (
    RestyledWidget,
    ScaledLabel,
    base_point_size,
    current_colors,
    set_role,
)

KEY_HEIGHT_PX = 76  # the digit keys; touch targets well above the 64 px minimum
KEY_WIDTH_PX = 150
TEXT_WIDTH_PX = 620  # title and message wrap at this width
DOUBLE_OK_S = 0.3
LOCK_REFRESH_MS = 250
DOT = "\u25cf"  # ●


class PinPad(RestyledWidget):
    """A touch keypad for a PIN: 1-9, Clear, 0, OK in a 3x4 grid, masked dots, a message line.

    The keyboard works too: digits, Backspace (one digit), Delete (all), Enter/Return (OK),
    Esc (cancel). ``entered(pin)`` fires on OK with at least one digit; the pad then clears.
    At most ``MAX_DIGITS`` digits: further presses are ignored. ``lock(seconds)`` disables
    entry and counts down "Try again in N s" until the deadline on ``clock`` passes.
    """

    entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None, *, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self._clock: Clock = clock or MonotonicClock()
        self._digits: list[str] = []
        self._last_ok: float | None = None
        self._locked_until: float | None = None
        self._lock_reason = ""
        self._error = False

        self.setObjectName("pinPad")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)

        self.title_label = ScaledLabel("", factor=1.45, bold=True)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots_label = ScaledLabel("", factor=2.2, bold=True, wrap=False)
        self.dots_label.setObjectName("pinDots")
        self.dots_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label = ScaledLabel("", factor=1.15)
        self.message_label.setObjectName("pinMessage")
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setAccessibleName(self.tr("Message"))
        for label in (self.title_label, self.message_label):
            label.setFixedWidth(TEXT_WIDTH_PX)  # long text wraps instead of widening the pad

        self.digit_buttons: dict[str, QPushButton] = {}
        # The keys sit in a fixed-size block: a long title or message never spreads them apart.
        self.keys = QWidget(self)
        self.keys.setObjectName("pinKeys")
        self.keys.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        grid = QGridLayout(self.keys)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        for n in range(10):
            digit = str(n)
            button = self._key(digit, self.tr("PIN digit {n}").format(n=n))
            button.clicked.connect(lambda _=False, d=digit: self.press_digit(d))
            self.digit_buttons[digit] = button
            row, col = (3, 1) if n == 0 else divmod(n - 1, 3)
            grid.addWidget(button, row, col)
        self.clear_button = self._key(self.tr("Clear"), self.tr("Clear the PIN"))
        self.clear_button.clicked.connect(self.clear)
        grid.addWidget(self.clear_button, 3, 0)
        self.clear_button.setObjectName("pinClear")
        self.ok_button = self._key(self.tr("OK"), self.tr("Enter the PIN"))
        self.ok_button.setObjectName("pinOk")
        self.ok_button.clicked.connect(self.press_ok)
        grid.addWidget(self.ok_button, 3, 2)

        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("pinCancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        cancel_row = QHBoxLayout()
        cancel_row.addStretch(1)
        cancel_row.addWidget(self.cancel_button)
        cancel_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        # Never squeezed below what it needs (keys would be clipped); the dialog grows instead.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.title_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.dots_label)
        layout.addWidget(self.message_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.keys, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(4)
        layout.addLayout(cancel_row)

        self.lock_timer = QTimer(self)
        self.lock_timer.setInterval(LOCK_REFRESH_MS)
        self.lock_timer.timeout.connect(self.update_lock)

        self._show_dots()
        self._restyle()

    def _key(self, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        # Keys never take focus: the pad keeps it, so typed digits, Enter and Esc reach it and
        # a dialog's Enter/Esc handling never "clicks" a key by accident.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoDefault(False)
        button.setFixedSize(KEY_WIDTH_PX, KEY_HEIGHT_PX)  # equal keys, whatever their text
        set_role(button, "pinkey")
        return button

    # --- public API ---------------------------------------------------------------------------

    @property
    def text_length(self) -> int:
        """How many digits are typed (the digits themselves are not exposed)."""
        return len(self._digits)

    @property
    def is_locked(self) -> bool:
        return self._locked_until is not None

    def set_title(self, text: str) -> None:
        self.title_label.setText(text)
        self._fit_height(self.title_label)
        self.title_label.setAccessibleName(text)
        self.setAccessibleName(text)

    def show_message(self, text: str, error: bool = False) -> None:
        """One line under the dots: a hint (muted), or an ``error`` in the theme's warning colour."""
        self._error = error and bool(text)
        self.message_label.setText(text)
        self.message_label.setAccessibleDescription(text)
        self._fit_height(self.message_label)
        self._restyle()

    def clear(self) -> None:
        """Forget every typed digit."""
        self._digits.clear()
        self._show_dots()

    def press_digit(self, digit: str) -> None:
        if self.is_locked or digit not in self.digit_buttons or len(self._digits) >= MAX_DIGITS:
            return
        self._digits.append(digit)
        self._show_dots()

    def backspace(self) -> None:
        if self._digits and not self.is_locked:
            self._digits.pop()
            self._show_dots()

    def press_ok(self) -> None:
        """Emit ``entered`` with the digits, then clear; a repeat within 300 ms is ignored."""
        if self.is_locked or not self._digits:
            return
        now = self._clock.now()
        if self._last_ok is not None and now - self._last_ok < DOUBLE_OK_S:
            return
        self._last_ok = now
        pin = "".join(self._digits)
        self.clear()
        self.entered.emit(pin)

    def cancel(self) -> None:
        self.clear()
        self.cancelled.emit()

    def lock(self, seconds: float, reason: str = "") -> None:
        """Refuse entry for ``seconds`` (from now on the pad's clock), counting down.

        ``reason`` (e.g. "That PIN is not right.") leads the countdown text. Cancel stays
        available. ``seconds <= 0`` unlocks at once.
        """
        self.clear()
        self._locked_until = self._clock.now() + max(0.0, seconds)
        self._lock_reason = reason
        self.update_lock()
        if self.is_locked and self.isVisible():
            self.lock_timer.start()

    def update_lock(self) -> None:
        """Re-read the deadline: show the seconds left, or unlock when it has passed."""
        if self._locked_until is None:
            self.lock_timer.stop()
            return
        remaining = self._locked_until - self._clock.now()
        if remaining <= 0:
            self._locked_until = None
            self.lock_timer.stop()
            self._set_keys_enabled(True)
            self.show_message("")
            return
        self._set_keys_enabled(False)
        countdown = self.tr("Try again in {n} s").format(n=math.ceil(remaining))
        text = f"{self._lock_reason} {countdown}" if self._lock_reason else countdown
        if text != self.message_label.text():
            self.show_message(text, error=True)

    # --- internals ----------------------------------------------------------------------------

    @staticmethod
    def _fit_height(label: ScaledLabel) -> None:
        """Reserve the wrapped text's height (a layout sizes wrapped labels by a guess)."""
        label.setMinimumHeight(max(0, label.heightForWidth(TEXT_WIDTH_PX)))

    def _set_keys_enabled(self, enabled: bool) -> None:
        for button in (*self.digit_buttons.values(), self.clear_button, self.ok_button):
            button.setEnabled(enabled)

    def _show_dots(self) -> None:
        n = len(self._digits)
        # A thin space between dots; an empty entry keeps its height with a non-breaking space.
        self.dots_label.setText("\u2009".join(DOT * n) if n else "\u00a0")
        self.dots_label.setAccessibleName(
            self.tr("PIN entry: {n} of at most {max} digits typed").format(n=n, max=MAX_DIGITS)
        )

    def _restyle(self) -> None:
        """Key sizes and fonts follow the app's font; an error message takes the warning colour.

        Set on the pad itself (a widget's own stylesheet wins over the app's), with the app
        stylesheet supplying every colour but the error text.
        """
        c = current_colors(self)
        base = base_point_size()
        # The size goes into the stylesheet too, or the theme's min-height would win.
        inner_w = KEY_WIDTH_PX - 2 * FOCUS_WIDTH
        inner_h = KEY_HEIGHT_PX - 2 * FOCUS_WIDTH
        message = c.work if self._error else c.muted_text
        sheet = (
            f'QPushButton[role="pinkey"] {{ padding: 0px; min-height: {inner_h}px;'
            f" max-height: {inner_h}px; min-width: {inner_w}px; max-width: {inner_w}px;"
            f" font-size: {base * 1.8:.1f}pt; font-weight: 700; }}"
            f"QPushButton#pinClear {{ font-size: {base * 1.25:.1f}pt; }}"
            f"QPushButton#pinOk {{ font-size: {base * 1.5:.1f}pt; background-color: {c.accent};"
            f" color: {c.on_accent}; border-color: {c.accent}; }}"
            f"QPushButton#pinOk:disabled {{ background-color: {c.surface}; color: {c.muted_text};"
            f" border-color: {c.border}; }}"
            f"QPushButton#pinCancel {{ min-height: 58px; min-width: 240px;"
            f" font-size: {base * 1.15:.1f}pt; }}"
            # Colours only on the labels: a font set here would fight ScaledLabel's own.
            f"QLabel#pinMessage {{ color: {message}; }}"
            f"QLabel#pinDots {{ color: {c.text}; }}"
        )
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)
        self._fit_height(self.title_label)
        self._fit_height(self.message_label)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if int(Qt.Key.Key_0) <= int(key) <= int(Qt.Key.Key_9):
            self.press_digit(str(int(key) - int(Qt.Key.Key_0)))
        elif key == Qt.Key.Key_Backspace:
            self.backspace()
        elif key == Qt.Key.Key_Delete:
            if not self.is_locked:
                self.clear()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.press_ok()
        elif key == Qt.Key.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)
            return
        event.accept()  # handled (or deliberately ignored): never reaches the dialog

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.update_lock()
        if self.is_locked:
            self.lock_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.lock_timer.stop()  # the deadline stays; showing the pad again resumes the countdown
        super().hideEvent(event)


class PinDialog(QDialog):
    """Staff PIN entry over the kiosk: check the PIN (``Mode.VERIFY``) or choose one (``NEW``).

    Accepted when the right PIN was entered, or a new one was typed twice and saved; rejected
    on Cancel or Esc. Tests construct it and drive ``pad``; the shell calls ``ask``/``set_new``.
    """

    class Mode(StrEnum):
        VERIFY = "verify"
        NEW = "new"

    def __init__(
        self,
        store: PinStore,
        mode: PinDialog.Mode = Mode.VERIFY,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.mode = PinDialog.Mode(mode)
        self._first: str | None = None  # NEW: the first entry, until confirmed
        self.setObjectName("pinDialog")
        self.setModal(True)
        self.setWindowTitle(self.tr("Staff access"))

        self.pad = PinPad(self, clock=clock)
        self.pad.entered.connect(self._on_entered)
        self.pad.cancelled.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.setFocusProxy(self.pad)

        if self.mode is PinDialog.Mode.VERIFY:
            self._start_verify()
        else:
            self._start_new()

    # --- thin modal wrappers ------------------------------------------------------------------

    @classmethod
    def ask(
        cls, store: PinStore, parent: QWidget | None = None, clock: Clock | None = None
    ) -> bool:
        """Ask for the staff PIN; True only when the right one was entered."""
        return cls._run(cls(store, cls.Mode.VERIFY, parent, clock=clock))

    @classmethod
    def set_new(
        cls, store: PinStore, parent: QWidget | None = None, clock: Clock | None = None
    ) -> bool:
        """Have staff choose a PIN (typed twice); True when it was saved."""
        return cls._run(cls(store, cls.Mode.NEW, parent, clock=clock))

    @staticmethod
    def _run(dialog: PinDialog) -> bool:
        parent = dialog.parentWidget()
        if parent is None or parent.window().isFullScreen():
            dialog.setWindowState(dialog.windowState() | Qt.WindowState.WindowFullScreen)
            screen = parent.screen() if parent is not None else dialog.screen()
            if screen is not None:  # cover the screen even without a window manager
                dialog.setGeometry(screen.geometry())
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    # --- flows --------------------------------------------------------------------------------

    def _start_verify(self) -> None:
        self.pad.set_title(self.tr("Staff PIN"))
        if self.store.problem is not None or not self.store.is_set():
            # Nothing could match: no keypad, only what staff need to know (and Cancel).
            self.pad.keys.hide()
            self.pad.dots_label.hide()
            message = self.store.problem or self.tr("No staff PIN has been set.")
            self.pad.show_message(message, error=True)
        else:
            self.pad.show_message(self.tr("Enter the staff PIN to continue."))
            wait = self.store.locked_for()
            if wait > 0:
                self.pad.lock(wait)

    def _start_new(self, message: str = "", error: bool = False) -> None:
        self._first = None
        if self.store.is_set():
            title = self.tr("Choose a new staff PIN ({min}–{max} digits)")
        else:
            title = self.tr("First run: choose a staff PIN ({min}–{max} digits)")
        self.pad.set_title(title.format(min=MIN_DIGITS, max=MAX_DIGITS))
        self.pad.show_message(message or self.tr("Only staff should know it."), error)

    def _on_entered(self, pin: str) -> None:
        if self.mode is PinDialog.Mode.VERIFY:
            self._verify(pin)
        else:
            self._choose(pin)

    def _verify(self, pin: str) -> None:
        if self.store.problem is not None:
            self.pad.show_message(self.store.problem, error=True)
            return
        check = self.store.verify(pin)
        if check.ok:
            self.pad.show_message("")
            self.accept()
        elif check.wait_s > 0:
            self.pad.lock(check.wait_s, self.tr("That PIN is not right."))
        else:
            self.pad.show_message(self.tr("That PIN is not right"), error=True)

    def _choose(self, pin: str) -> None:
        if self._first is None:
            try:
                validate_pin(pin)
            except ValueError as exc:
                self.pad.show_message(str(exc), error=True)
                return
            self._first = pin
            self.pad.set_title(self.tr("Enter the same PIN again"))
            self.pad.show_message(self.tr("To make sure it was typed as meant."))
            return
        if pin != self._first:
            self._start_new(self.tr("The two PINs were not the same. Choose again."), True)
            return
        try:
            self.store.set_pin(pin)
        except ValueError as exc:
            self._start_new(str(exc), True)
            return
        except OSError as exc:
            self._start_new(
                self.tr("The PIN could not be saved: {error}").format(error=exc.strerror or exc),
                True,
            )
            return
        self._first = None
        self.accept()

    def done(self, result: int) -> None:
        self._first = None
        self.pad.clear()
        self.pad.lock_timer.stop()
        super().done(result)
