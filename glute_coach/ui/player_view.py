"""The player: what to do now, readable from 3 m away, and big controls.

Everything drawn comes from the display snapshot the controller emits each frame (the session as
it is heard, audio latency compensated), so the countdown changes when the beep is heard. The
phase is shown by colour *and* in words; the side in words; captions repeat what is spoken.

Keys: Space start/pause/resume, Right skip, Left back, R restart the step, Esc stop (asks first).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    Property,
    QEasingCurve,
    QEvent,
    QObject,
    QPointF,
    QPropertyAnimation,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from glute_coach.core.engine import SessionState, Snapshot
from glute_coach.core.routine import Side
from glute_coach.core.timeline import Segment, SegmentKind, TimelineCue
from glute_coach.storage.settings import Settings
from glute_coach.ui.session_controller import SessionController, StepInfo
from glute_coach.ui.session_keys import SessionKeys

if TYPE_CHECKING:
    from glute_coach.ui.biofeedback_panel import BiofeedbackPanel
from glute_coach.ui.theme import ThemeColors, contrast_ratio, palette_for
from glute_coach.ui.widgets import SvgImage, clock_text

INSTRUCTION_SECONDS = 8.0  # each instruction line is shown this long, in turn
FLASH_MS = 300
FLASH_MIN_GAP_MS = 334  # never more than three flashes a second (WCAG 2.3.1)
FLASH_OPACITY = 0.55
CAPTIONS_KEPT = 2
DESIGN_HEIGHT = 720
DESIGN_WIDTH = 1280
MIN_TOUCH_PX = 48

_PHASE_FIELD = {
    SegmentKind.PREPARE: "prepare",
    SegmentKind.WORK: "work",
    SegmentKind.HOLD: "hold",
    SegmentKind.REST: "rest",
    SegmentKind.SWITCH_SIDES: "switch",
    SegmentKind.INFO: "info",
    SegmentKind.CALIBRATE: "calibrate",
}


def countdown_value(seconds_left: float) -> int:
    """Whole seconds shown for ``seconds_left``: rounded up, so 0 appears only at the end."""
    return max(math.ceil(seconds_left - 1e-9), 0)


def phase_colors(colors: ThemeColors, kind: SegmentKind) -> tuple[str, str]:
    """(background, text) for a phase; the text colour always meets 4.5:1 on the background."""
    background = str(getattr(colors, _PHASE_FIELD[kind]))
    candidates = [getattr(colors, "on_phase", None), "#000000", "#ffffff"]
    text = max((c for c in candidates if c), key=lambda c: contrast_ratio(c, background))
    on_phase = getattr(colors, "on_phase", None)
    if on_phase and contrast_ratio(on_phase, background) >= 4.5:
        text = on_phase
    return background, text


def control_icon(name: str, color: str, size: int = 64) -> QIcon:
    """A flat control glyph (play, pause, back, skip, restart, stop) in ``color``.

    Drawn here rather than taken from the style: the style's media icons are black, which
    vanishes on the dark and high-contrast themes.
    """
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    u = size / 16

    def triangle(x0: float, x1: float, y0: float = 3, y1: float = 13) -> None:
        painter.drawPolygon(
            QPolygonF([QPointF(x0 * u, y0 * u), QPointF(x1 * u, 8 * u), QPointF(x0 * u, y1 * u)])
        )

    if name == "play":
        triangle(4, 13)
    elif name == "pause":
        painter.drawRect(QRectF(4 * u, 3 * u, 3 * u, 10 * u))
        painter.drawRect(QRectF(9 * u, 3 * u, 3 * u, 10 * u))
    elif name == "skip":
        triangle(2, 8)
        triangle(8, 14)
        painter.drawRect(QRectF(13 * u, 3 * u, 1.6 * u, 10 * u))
    elif name == "back":
        triangle(14, 8)
        triangle(8, 2)
        painter.drawRect(QRectF(1.4 * u, 3 * u, 1.6 * u, 10 * u))
    elif name == "stop":
        painter.drawRoundedRect(QRectF(3.5 * u, 3.5 * u, 9 * u, 9 * u), u, u)
    elif name == "restart":
        pen = QPen(QColor(color), 2 * u)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(3 * u, 3 * u, 10 * u, 10 * u), 100 * 16, 290 * 16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawPolygon(
            QPolygonF(
                [QPointF(6.5 * u, 0.6 * u), QPointF(10.4 * u, 3.1 * u), QPointF(6.5 * u, 5.8 * u)]
            )
        )
    painter.end()
    return QIcon(pixmap)


# --- small widgets ---------------------------------------------------------------------------


class BigNumber(QWidget):
    """The countdown: digits drawn as large as the widget allows (never clipped)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._color = QColor("#000000")
        self._max_px = 10_000
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(80)
        self.setAccessibleName(self.tr("Seconds left"))

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.setAccessibleDescription(text)
            self.update()

    def set_color(self, color: str) -> None:
        if QColor(color) != self._color:
            self._color = QColor(color)
            self.update()

    def set_max_pixel_size(self, px: int) -> None:
        self._max_px = px
        self.update()

    def pixel_size(self) -> int:
        """The font size the digits are drawn at, for the widget's current size."""
        if not self._text:
            return 0
        font = self._font(100)
        metrics = QFontMetrics(font)
        width = max(metrics.horizontalAdvance(self._text.replace("1", "0")), 1)
        height = max(metrics.capHeight(), 1)
        by_width = 100 * self.width() * 0.92 / width
        by_height = 100 * self.height() * 0.78 / height
        return max(int(min(by_width, by_height, self._max_px)), 1)

    def _font(self, px: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(px)
        font.setBold(True)
        return font

    def sizeHint(self) -> QSize:
        return QSize(300, 240)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._text:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font = self._font(self.pixel_size())
        painter.setFont(font)
        painter.setPen(self._color)
        metrics = QFontMetrics(font)
        cap = metrics.capHeight()
        width = metrics.horizontalAdvance(self._text)
        x = (self.width() - width) / 2
        y = (self.height() + cap) / 2  # centre the digits' cap height
        painter.drawText(round(x), round(y), self._text)
        painter.end()


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" rather than being cut off or widening the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.natural_width = False  # True: ask for the whole text's width (shrinks if needed)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.natural_width:
            margins = self.contentsMargins()
            width = QFontMetrics(self.font()).horizontalAdvance(self._full)
            hint.setWidth(width + margins.left() + margins.right() + 4)
        return hint

    def minimumSizeHint(self) -> QSize:
        return QSize(20, super().minimumSizeHint().height())

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        if text != self._full:
            self._full = text
            self.setToolTip(text)
            self.setAccessibleName(text)
            self._elide()
            if self.natural_width:
                self.updateGeometry()

    def _elide(self) -> None:
        metrics = QFontMetrics(self.font())
        shown = metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 10))
        if shown != self.text():
            self.setText(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()


class FitLabel(QLabel):
    """Word-wrapped text at up to ``max_px``, made smaller only when it would not fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max_px = 26
        self._min_px = 14
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_pixel_range(self, min_px: int, max_px: int) -> None:
        self._min_px, self._max_px = min_px, max(max_px, min_px)
        self._fit()
        self.updateGeometry()

    def setText(self, text: str) -> None:
        if text != self.text():
            super().setText(text)
            self._fit()
            self.updateGeometry()

    def _text_height(self, px: int, width: int) -> int:
        font = QFont(self.font())
        font.setPixelSize(px)
        rect = QFontMetrics(font).boundingRect(
            0, 0, max(width, 50), 100_000, int(Qt.TextFlag.TextWordWrap), self.text()
        )
        margins = self.contentsMargins()
        return rect.height() + margins.top() + margins.bottom()

    def hasHeightForWidth(self) -> bool:
        return False

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 50 else 500
        return QSize(200, self._text_height(self._max_px, width) if self.text() else 0)

    def minimumSizeHint(self) -> QSize:
        return QSize(50, QFontMetrics(self._font_at(self._min_px)).lineSpacing())

    def _font_at(self, px: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(px)
        return font

    def pixel_size(self) -> int:
        return self.font().pixelSize()

    def _fit(self) -> None:
        px = self._max_px
        while px > self._min_px and self._text_height(px, self.width()) > self.height():
            px -= 1
        if self.font().pixelSize() != px:
            self.setFont(self._font_at(px))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()


class OneLineFitLabel(QLabel):
    """One line of text at its font size, or smaller when the line would not fit the width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._px = 40
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_pixel_size(self, px: int) -> None:
        self._px = px
        self._fit()

    def setText(self, text: str) -> None:
        if text != self.text():
            super().setText(text)
            self._fit()

    def pixel_size(self) -> int:
        return self.font().pixelSize()

    def _fit(self) -> None:
        px = self._px
        font = QFont(self.font())
        width = max(self.contentsRect().width(), 50)
        while px > 12:
            font.setPixelSize(px)
            if QFontMetrics(font).horizontalAdvance(self.text()) <= width:
                break
            px -= 1
        font.setPixelSize(px)
        if self.font() != font:
            self.setFont(font)
        full = QFont(font)
        full.setPixelSize(self._px)
        self.setFixedHeight(QFontMetrics(full).height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class FillImage(SvgImage):
    """The exercise picture: takes whatever room the text leaves (drawn to fit, never cut)."""

    def hasHeightForWidth(self) -> bool:
        return False


class FlashOverlay(QWidget):
    """A translucent full-window wash that fades out; it lets every click through."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._opacity = 0.0
        self._color = QColor("#ffffff")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.animation = QPropertyAnimation(self, b"opacity", self)
        self.animation.setDuration(FLASH_MS)
        self.animation.setStartValue(FLASH_OPACITY)
        self.animation.setEndValue(0.0)
        self.animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.animation.finished.connect(self.hide)
        self.hide()

    def _get_opacity(self) -> float:
        return self._opacity

    def _set_opacity(self, value: float) -> None:
        self._opacity = value
        self.update()

    opacity = Property(float, _get_opacity, _set_opacity)

    def flash(self, color: str) -> bool:
        """Start a flash; refused (False) while the previous one is under FLASH_MIN_GAP_MS old."""
        running = self.animation.state() is QPropertyAnimation.State.Running
        if running and self.animation.currentTime() < FLASH_MIN_GAP_MS:
            return False
        self._color = QColor(color)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.animation.stop()
        self.animation.start()
        return True

    def stop(self) -> None:
        self.animation.stop()
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._opacity <= 0:
            return
        painter = QPainter(self)
        color = QColor(self._color)
        color.setAlphaF(max(0.0, min(self._opacity, 1.0)))
        painter.fillRect(QRectF(self.rect()), color)
        painter.end()


# --- the player ------------------------------------------------------------------------------


class PlayerView(SessionKeys, QWidget):
    """Shows one running session and sends the person's commands to its controller."""

    def __init__(
        self, controller: SessionController, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.colors = palette_for(settings.theme)
        self.captions: list[str] = []
        self._timeline = controller.timeline
        self._image_ref: str | bool | None = False  # False: nothing shown yet
        self._phase_kind: SegmentKind | None = None
        self._get_ready_left = 0.0
        self._last_snapshot: Snapshot | None = None
        self._unit = 1.0
        self.biofeedback: BiofeedbackPanel | None = None
        self.setObjectName("playerView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Session player"))
        self._build()
        self._apply_sizes()

        controller.frame.connect(self.show_snapshot)
        controller.cue.connect(self._on_cue)
        controller.get_ready.connect(self._on_get_ready)
        controller.state_changed.connect(self._on_state)
        controller.notice.connect(self._on_notice)
        for message in controller.notices:
            self._on_notice(message)
        self.show_snapshot(controller.snapshot())

    # --- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        self._root = root

        # Top line: routine, sound notices, state.
        top = QHBoxLayout()
        self.routine_label = ElidedLabel(self)
        self.routine_label.setProperty("role", "caption")
        self.routine_label.set_full_text(self._timeline.title)
        self.notice_label = ElidedLabel(self)
        self.notice_label.setProperty("role", "caption")
        self.notice_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.routine_label, 3)
        top.addWidget(self.notice_label, 2)
        root.addLayout(top)

        # Main row: the phase panel (colour, words, countdown) and the exercise card.
        main = QHBoxLayout()
        self._main_row = main
        self.phase_panel = QFrame(self)
        self.phase_panel.setObjectName("phasePanel")
        panel = QVBoxLayout(self.phase_panel)
        self._panel_layout = panel
        self.phase_label = OneLineFitLabel(self.phase_panel)
        self.phase_label.setObjectName("phaseLabel")
        self.phase_label.setAccessibleName(self.tr("Phase"))
        panel.addWidget(self.phase_label)
        self.side_badge = QLabel(self.phase_panel)
        self.side_badge.setObjectName("sideBadge")
        self.side_badge.setProperty("role", "badge")
        self.side_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.side_badge.setAccessibleName(self.tr("Side"))
        panel.addWidget(self.side_badge, 0, Qt.AlignmentFlag.AlignLeft)
        self.status_label = QLabel(self.phase_panel)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        panel.addWidget(self.status_label)
        self.countdown = BigNumber(self.phase_panel)
        panel.addWidget(self.countdown, 1)
        self.counters_label = QLabel(self.phase_panel)
        self.counters_label.setObjectName("countersLabel")
        self.counters_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counters_label.setWordWrap(True)
        self.counters_label.setAccessibleName(self.tr("Set and repetition"))
        panel.addWidget(self.counters_label)
        self.phase_panel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        main.addWidget(self.phase_panel, 9)

        self.card = QFrame(self)
        self.card.setObjectName("exerciseCard")
        self.card.setProperty("role", "card")
        card = QVBoxLayout(self.card)
        self._card_layout = card
        self.title_label = QLabel(self.card)
        self.title_label.setObjectName("titleLabel")
        self.title_label.setWordWrap(True)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.title_label.setAccessibleName(self.tr("Exercise"))
        card.addWidget(self.title_label)
        self.image = FillImage(None, "", self.card)
        self.image.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.image.setMinimumSize(120, 60)
        card.addWidget(self.image, 1)
        self.instruction_label = FitLabel(self.card)
        self.instruction_label.setObjectName("instructionLabel")
        self.instruction_label.setAccessibleName(self.tr("Instruction"))
        self.instruction_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        card.addWidget(self.instruction_label)
        self.card_filler = QWidget(self.card)  # takes the image's room when there is none
        self.card_filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.card_filler.hide()
        card.addWidget(self.card_filler, 1)
        self.card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        main.addWidget(self.card, 11)
        root.addLayout(main, 1)

        # Captions of what was said (newest first), then what comes next and the progress.
        self.caption_labels = [ElidedLabel(self), ElidedLabel(self)]
        self.caption_labels[0].setObjectName("captionLatest")
        self.caption_labels[1].setObjectName("captionPrevious")
        self.caption_labels[1].setProperty("role", "caption")
        self.caption_labels[0].natural_width = True
        self.caption_labels[0].setSizePolicy(
            QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred
        )
        captions = QHBoxLayout()
        captions.addWidget(self.caption_labels[0], 0)
        captions.addWidget(self.caption_labels[1], 1)
        root.addLayout(captions)

        progress = QHBoxLayout()
        self.next_label = ElidedLabel(self)
        self.next_label.setObjectName("nextLabel")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("routineProgress")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName(self.tr("Routine progress"))
        self.time_left_label = QLabel(self)
        self.time_left_label.setObjectName("timeLeftLabel")
        self.time_left_label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        progress.addWidget(self.next_label, 5)
        progress.addWidget(self.progress_bar, 4)
        progress.addWidget(self.time_left_label, 0)
        root.addLayout(progress)

        # Controls (the stop confirmation takes their place while it asks).
        self.controls_box = QWidget(self)
        controls = QHBoxLayout(self.controls_box)
        controls.setContentsMargins(0, 0, 0, 0)
        self.back_button = self._button(
            self.tr("Back"), self.tr("Left arrow"), self.controller.back
        )
        self.restart_button = self._button(
            self.tr("Restart step"), self.tr("R"), self.controller.restart_step
        )
        self.play_button = self._button(
            self.tr("Start"), self.tr("Space"), self.controller.toggle_pause
        )
        self.play_button.setProperty("role", "primary")
        self.skip_button = self._button(
            self.tr("Skip"), self.tr("Right arrow"), self.controller.skip
        )
        self.stop_button = self._button(self.tr("Stop"), self.tr("Esc"), self.ask_stop)
        text, on_accent = self.colors.text, getattr(self.colors, "on_accent", "#ffffff")
        self.back_button.setIcon(control_icon("back", text))
        self.restart_button.setIcon(control_icon("restart", text))
        self.skip_button.setIcon(control_icon("skip", text))
        self.stop_button.setIcon(control_icon("stop", text))
        self._play_icon = control_icon("play", on_accent)
        self._pause_icon = control_icon("pause", on_accent)
        self.play_button.setIcon(self._play_icon)
        controls.addWidget(self.back_button, 2)
        controls.addWidget(self.restart_button, 2)
        controls.addWidget(self.play_button, 3)
        controls.addWidget(self.skip_button, 2)
        controls.addWidget(self.stop_button, 2)
        self.controls = controls
        root.addWidget(self.controls_box)

        # The stop confirmation, shown in place (no modal dialog over a running session).
        self.confirm_bar = QFrame(self)
        self.confirm_bar.setObjectName("confirmBar")
        self.confirm_bar.setProperty("role", "card")
        confirm = QHBoxLayout(self.confirm_bar)
        self.confirm_label = QLabel(
            self.tr("Stop this session? What you have done so far is kept."), self.confirm_bar
        )
        self.confirm_label.setWordWrap(True)
        self.keep_going_button = QPushButton(self.tr("Keep going (Esc)"), self.confirm_bar)
        self.keep_going_button.setAccessibleName(self.tr("Keep going"))
        self.keep_going_button.clicked.connect(self.cancel_stop)
        self.confirm_stop_button = QPushButton(self.tr("Stop session (Enter)"), self.confirm_bar)
        self.confirm_stop_button.setAccessibleName(self.tr("Stop session"))
        self.confirm_stop_button.clicked.connect(self.confirm_stop)
        confirm.addWidget(self.confirm_label, 1)
        confirm.addWidget(self.keep_going_button)
        confirm.addWidget(self.confirm_stop_button)
        for button in (self.keep_going_button, self.confirm_stop_button):
            button.installEventFilter(self)
        self.confirm_bar.hide()
        root.addWidget(self.confirm_bar)

        self.flash_overlay = FlashOverlay(self)

    def _button(self, text: str, key: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text)
        button.setAccessibleDescription(self.tr("Shortcut: {key}").format(key=key))
        button.setToolTip(self.tr("{action} ({key})").format(action=text, key=key))
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.clicked.connect(slot)
        button.installEventFilter(self)  # the player's keys work whichever button has focus
        return button

    @property
    def buttons(self) -> list[QPushButton]:
        return [
            self.back_button,
            self.restart_button,
            self.play_button,
            self.skip_button,
            self.stop_button,
        ]

    # --- sizes and colours -----------------------------------------------------------------

    def _apply_sizes(self) -> None:
        """Fonts and spacing grow with the window (designed at 1280x720)."""
        h, w = max(self.height(), 1), max(self.width(), 1)
        unit = max(min(h / DESIGN_HEIGHT, w / DESIGN_WIDTH), 0.6)
        self._unit = unit
        text_scale = min(max(self.settings.font_scale, 0.85), 1.3)

        def px(size: float) -> int:
            return max(round(size * unit * text_scale), 12)

        def font(widget: QWidget, size: float, *, bold: bool = False, italic: bool = False) -> None:
            f = QFont(widget.font())
            f.setPixelSize(px(size))
            f.setBold(bold)
            f.setItalic(italic)
            widget.setFont(f)

        margin = round(16 * unit)
        self._root.setContentsMargins(margin, round(10 * unit), margin, round(12 * unit))
        self._root.setSpacing(round(10 * unit))
        self._panel_layout.setContentsMargins(*(round(22 * unit),) * 4)
        self._panel_layout.setSpacing(round(4 * unit))
        self._card_layout.setContentsMargins(*(round(20 * unit),) * 4)
        self._card_layout.setSpacing(round(10 * unit))
        font(self.routine_label, 18)
        font(self.notice_label, 16)
        bold = QFont(self.phase_label.font())
        bold.setBold(True)
        self.phase_label.setFont(bold)
        self.phase_label.set_pixel_size(px(46))
        font(self.side_badge, 30, bold=True)
        font(self.status_label, 28, bold=True)
        font(self.counters_label, 30, bold=True)
        font(self.title_label, 36, bold=True)
        self.instruction_label.set_pixel_range(px(15), px(27))
        font(self.caption_labels[0], 24, bold=True, italic=True)
        font(self.caption_labels[1], 20, italic=True)
        font(self.next_label, 24)
        font(self.time_left_label, 24, bold=True)
        self.progress_bar.setFixedHeight(max(round(18 * unit), 12))
        button_h = max(round(60 * unit), MIN_TOUCH_PX)
        for button in [*self.buttons, self.keep_going_button, self.confirm_stop_button]:
            # A stylesheet font size (the theme sizes primary buttons) would win over setFont.
            weight = 700 if button is self.play_button else 400
            button.setStyleSheet(f"font-size: {px(22)}px; font-weight: {weight};")
            button.setMinimumHeight(button_h)
            button.setIconSize(QSize(round(26 * unit), round(26 * unit)))
        self.play_button.setMinimumHeight(max(round(64 * unit), MIN_TOUCH_PX))
        font(self.confirm_label, 22, bold=True)
        self.countdown.set_max_pixel_size(round(420 * unit))
        if self.biofeedback is not None:
            self.biofeedback.apply_scale(unit)
        self._apply_phase_style(self._phase_kind or SegmentKind.PREPARE, force=True)

    def _apply_phase_style(self, kind: SegmentKind, *, force: bool = False) -> None:
        if kind is self._phase_kind and not force:
            return
        self._phase_kind = kind
        background, text = phase_colors(self.colors, kind)
        radius = round(18 * self._unit)
        badge_pad = f"{round(4 * self._unit)}px {round(16 * self._unit)}px"
        self.phase_panel.setStyleSheet(
            f"QFrame#phasePanel {{ background-color: {background}; border-radius: {radius}px; }}"
            f"QFrame#phasePanel QLabel {{ color: {text}; background: transparent; }}"
            f"QFrame#phasePanel QLabel#sideBadge {{ background-color: {text}; color: {background};"
            f" border-radius: {round(12 * self._unit)}px; padding: {badge_pad}; }}"
        )
        self.countdown.set_color(text)
        c = self.colors
        self.progress_bar.setStyleSheet(
            f"QProgressBar {{ background-color: {c.surface}; border: 1px solid "
            f"{getattr(c, 'border', c.muted_text)}; border-radius: {round(6 * self._unit)}px; }}"
            f"QProgressBar::chunk {{ background-color: {c.accent};"
            f" border-radius: {round(5 * self._unit)}px; }}"
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.confirm_bar.isVisible():
            self.setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_sizes()
        self.flash_overlay.setGeometry(self.rect())

    # --- words ------------------------------------------------------------------------------

    def phase_name(self, kind: SegmentKind) -> str:
        names = {
            SegmentKind.PREPARE: self.tr("GET READY"),
            SegmentKind.WORK: self.tr("WORK"),
            SegmentKind.HOLD: self.tr("HOLD"),
            SegmentKind.REST: self.tr("REST"),
            SegmentKind.SWITCH_SIDES: self.tr("SWITCH SIDES"),
            SegmentKind.INFO: self.tr("INFO"),
            SegmentKind.CALIBRATE: self.tr("CALIBRATE"),
        }
        return names[kind]

    def _tempo_name(self, action: str) -> str:
        names = {
            "lower": self.tr("LOWER"),
            "raise": self.tr("RAISE"),
            "hold": self.tr("HOLD"),
            "pause": self.tr("PAUSE"),
        }
        return names.get(action, action.upper())

    def _phase_text(self, seg: Segment) -> str:
        word = self.phase_name(seg.kind)
        if seg.phase:
            action = self._tempo_name(seg.phase)
            return action if action == word else f"{word} · {action}"
        return word

    def side_text(self, side: Side | None) -> str:
        if side is Side.LEFT:
            return self.tr("LEFT SIDE")
        if side is Side.RIGHT:
            return self.tr("RIGHT SIDE")
        return ""

    def _unit_text(self, step: StepInfo, n: int, total: int) -> str:
        if step.kind == "calibration":
            return self.tr("Effort {n} of {total}").format(n=n, total=total)
        if step.unit == "hold":
            return self.tr("Hold {n} of {total}").format(n=n, total=total)
        return self.tr("Rep {n} of {total}").format(n=n, total=total)

    def counters_text(self, seg: Segment) -> str:
        step = self.controller.step_for(seg)
        parts = []
        if seg.kind is SegmentKind.PREPARE and seg.set is None:
            if seg.sets and seg.sets > 1:
                parts.append(self.tr("{n} sets").format(n=seg.sets))
            if seg.reps:
                if step.unit == "hold":
                    each = self.tr("1 hold") if seg.reps == 1 else self.tr("{n} holds")
                else:
                    each = self.tr("1 rep") if seg.reps == 1 else self.tr("{n} reps")
                parts.append(each.format(n=seg.reps))
            return "  ·  ".join(parts)
        if seg.set and seg.sets and seg.sets > 1:
            parts.append(self.tr("Set {n} of {total}").format(n=seg.set, total=seg.sets))
        if seg.rep and seg.reps:
            counter = self._unit_text(step, seg.rep, seg.reps)
            if seg.kind is SegmentKind.REST:
                counter = self.tr("{counter} done").format(counter=counter)
            parts.append(counter)
        return "  ·  ".join(parts)

    def _changed_counters(self, seg: Segment, later: Segment) -> str:
        """The set and rep of ``later``, leaving out what is the same as now."""
        step = self.controller.step_for(later)
        parts = []
        new_set = later.set != seg.set
        if later.set and later.sets and later.sets > 1 and new_set:
            parts.append(self.tr("Set {n} of {total}").format(n=later.set, total=later.sets))
        if later.rep and later.reps and (later.rep != seg.rep or new_set):
            parts.append(self._unit_text(step, later.rep, later.reps))
        return "  ·  ".join(parts)

    def title_text(self, seg: Segment) -> str:
        step = self.controller.step_for(seg)
        if seg.kind is SegmentKind.INFO:
            return seg.label
        if seg.kind is SegmentKind.REST and seg.rep is None:
            return self.spoken_text(seg.label)
        if step.kind == "calibration":
            label = seg.label.removeprefix("Get ready: ")
            return label[:1].upper() + label[1:]
        return step.name

    def spoken_text(self, text: str) -> str:
        """Phrases the app itself says, in the interface language; the routine's own as written."""
        known = {
            "Rest": self.tr("Rest"),
            "Relax": self.tr("Relax"),
            "Switch sides": self.tr("Switch sides"),
            "Routine complete. Well done.": self.tr("Routine complete. Well done."),
            "Squeeze as hard as you can": self.tr("Squeeze as hard as you can"),
        }
        return known.get(text, text)

    def instruction_text(self, snap: Snapshot) -> str:
        seg = snap.segment
        if seg.kind is SegmentKind.INFO:
            return "\n".join(f"•  {line}" for line in seg.instructions)
        if not seg.instructions:
            return ""
        block_start = self._timeline.segments[self.controller.step_for(seg).segments[0]].start_s
        index = int(max(snap.position_s - block_start, 0.0) // INSTRUCTION_SECONDS)
        return seg.instructions[index % len(seg.instructions)]

    def next_segment(self, seg: Segment) -> Segment | None:
        """What comes next, passing over the short rests between the reps of one exercise."""
        for later in self._timeline.segments[seg.index + 1 :]:
            if later.kind is SegmentKind.REST and later.block == seg.block and later.rep:
                continue
            return later
        return None

    def next_up_text(self, seg: Segment) -> str:
        later = self.next_segment(seg)
        if later is None:
            return self.tr("Next up: finish")
        if later.block != seg.block:
            step = self.controller.step_for(later)
            segs = [self._timeline.segments[i] for i in step.segments]
            length = sum(s.duration_s for s in segs)
            return self.tr("Next up: {name} ({time})").format(
                name=self.title_text(later), time=clock_text(length)
            )
        counters = self._changed_counters(seg, later)
        if later.kind is SegmentKind.REST and later.rep is None:
            detail = self.spoken_text(later.label)
        elif later.kind is SegmentKind.SWITCH_SIDES:
            if later.side is Side.LEFT:
                detail = self.tr("Switch to the left side")
            else:
                detail = self.tr("Switch to the right side")
        elif later.phase:
            detail = self._tempo_name(later.phase).capitalize()
            detail = f"{detail}, {counters}" if counters else detail
        elif later.rep and counters:
            detail = counters  # "Hold 2 of 8" says what and which
        else:
            # The exercise itself is more telling than its phase ("Side bridge", not "Work").
            named = later.kind in (SegmentKind.WORK, SegmentKind.HOLD, SegmentKind.CALIBRATE)
            what = later.label if named else self.phase_name(later.kind).capitalize()
            detail = f"{what}, {counters}" if counters else what
        return self.tr("Next up: {what} ({time})").format(
            what=detail, time=clock_text(later.duration_s)
        )

    def status_text(self, state: SessionState) -> str:
        if self._get_ready_left > 0:
            return self.tr("Resuming — get ready")
        if state is SessionState.READY:
            return self.tr("Press Start or Space to begin")
        if state is SessionState.PAUSED:
            return self.tr("Paused — Space resumes")
        if state is SessionState.FINISHED:
            return self.tr("Finished")
        if state is SessionState.STOPPED:
            return self.tr("Stopped")
        return ""

    # --- updates ---------------------------------------------------------------------------

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        if isinstance(label, ElidedLabel):
            label.set_full_text(text)
        elif label.text() != text:
            label.setText(text)

    def show_snapshot(self, snap: Snapshot) -> None:
        """Draw one frame from the snapshot (as heard)."""
        self._last_snapshot = snap
        seg = snap.segment
        getting_ready = self._get_ready_left > 0
        kind = SegmentKind.PREPARE if getting_ready else seg.kind
        self._apply_phase_style(kind)
        self._set(
            self.phase_label, self.phase_name(kind) if getting_ready else self._phase_text(seg)
        )
        side = self.side_text(seg.side)
        self._set(self.side_badge, side)
        self.side_badge.setVisible(bool(side))
        self._set(self.status_label, self.status_text(snap.state))
        self.status_label.setVisible(bool(self.status_label.text()))
        seconds = self._get_ready_left if getting_ready else snap.segment_left_s
        self.countdown.setText(str(countdown_value(seconds)))
        counters = self.counters_text(seg)
        self._set(self.counters_label, counters)
        self.counters_label.setVisible(bool(counters))
        self._set(self.title_label, self.title_text(seg))
        self._set(self.instruction_label, self.instruction_text(snap))
        self.instruction_label.setVisible(bool(self.instruction_label.text()))
        self._show_image(seg)
        self._set(self.next_label, self.next_up_text(seg))
        value = round(snap.progress * 1000)
        if self.progress_bar.value() != value:
            self.progress_bar.setValue(value)
        left = countdown_value(snap.routine_left_s)
        self._set(self.time_left_label, self.tr("{time} left").format(time=clock_text(left)))
        description = self._progress_description(snap)
        if self.progress_bar.accessibleDescription() != description:
            self.progress_bar.setAccessibleDescription(description)
        self._update_play_button(snap.state)

    def _progress_description(self, snap: Snapshot) -> str:
        return self.tr("{percent}% done").format(percent=round(snap.progress * 100))

    def _show_image(self, seg: Segment) -> None:
        ref = seg.image
        if ref is None and seg.kind is SegmentKind.REST:
            later = self.next_segment(seg)
            ref = later.image if later is not None else None
        show = ref is not None or seg.kind not in (SegmentKind.INFO, SegmentKind.REST)
        if self.biofeedback is not None:  # the sensor panel has the picture's place
            return
        self.image.setVisible(show)
        self.card_filler.setVisible(not show)
        if ref == self._image_ref:
            return
        self._image_ref = ref
        path: Path | None = None
        if ref is not None:
            try:
                path = self.controller.loaded.resolve_asset(ref)
            except ValueError:
                path = None
        self.image.set_image(path, self.controller.step_for(seg).name)

    def _update_play_button(self, state: SessionState) -> None:
        if state is SessionState.READY:
            text, icon = self.tr("Start"), self._play_icon
        elif state is SessionState.RUNNING or self.controller.in_get_ready:
            text, icon = self.tr("Pause"), self._pause_icon
        else:
            text, icon = self.tr("Resume"), self._play_icon
        if self.play_button.text() != text:
            self.play_button.setText(text)
            self.play_button.setAccessibleName(text)
            self.play_button.setIcon(icon)
        active = state in (SessionState.READY, SessionState.RUNNING, SessionState.PAUSED)
        for button in self.buttons:
            button.setEnabled(active)

    def _on_cue(self, cue: TimelineCue) -> None:
        if cue.text:
            self.captions = [*self.captions, self.spoken_text(cue.text)][-CAPTIONS_KEPT:]
            latest = self.captions[-1]
            previous = self.captions[-2] if len(self.captions) > 1 else ""
            self.caption_labels[0].set_full_text(f"“{latest}”")
            self.caption_labels[1].set_full_text(f"“{previous}”" if previous else "")
        if self.settings.flash_on_cue:
            kind = self._timeline.segments[cue.segment].kind
            self.flash_overlay.flash(phase_colors(self.colors, kind)[0])

    def _on_get_ready(self, seconds: float) -> None:
        self._get_ready_left = seconds
        if self._last_snapshot is not None:
            self.show_snapshot(self._last_snapshot)

    def _on_state(self, state: str) -> None:
        if state in (SessionState.FINISHED.value, SessionState.STOPPED.value):
            self._hide_confirm()
            self.flash_overlay.stop()

    def _on_notice(self, message: str) -> None:
        self.notice_label.set_full_text(message)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On a focused button, Space still pauses; Enter presses the button."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if plain and enter and isinstance(watched, QPushButton) and watched.isEnabled():
                watched.click()
                return True
            if plain and self.handle_key(event.key()):
                return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flash_overlay.stop()
        if self.biofeedback is not None:
            self.biofeedback.close_panel()
        super().closeEvent(event)

    # --- biofeedback -----------------------------------------------------------------------

    def set_biofeedback(self, panel: BiofeedbackPanel) -> None:
        """Show the sensor panel in the exercise card, where the picture was."""
        self.biofeedback = panel
        panel.setParent(self.card)
        index = self._card_layout.indexOf(self.image)
        self._card_layout.insertWidget(index, panel, 1)
        self.image.hide()
        self.card_filler.hide()
        self.image.setMaximumHeight(0)
        self._main_row.setStretchFactor(self.card, 14)  # the gauges need the room
        self._main_row.setStretchFactor(self.phase_panel, 6)
        panel.apply_scale(self._unit)
