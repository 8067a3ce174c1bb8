"""The therapist's console: the session's controls, its steps, the live sensor panel and notes.

It runs on the primary screen while the client watches the player on another (see
``presenter.py``). Everything it shows comes from the session controller's signals (the frame as
heard, the get-ready, the state), and every control calls one of the controller's commands, so
the console and the client's player always agree.

Keys as in the player: Space start/pause/resume, Right skip, Left back, R restart the step, Esc
stop (asks first, in place). In the notes box keys type; Esc leaves the box.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from glute_coach.core.engine import SessionState, Snapshot
from glute_coach.core.routine import Side
from glute_coach.core.timeline import Segment, SegmentKind
from glute_coach.storage.settings import Settings
from glute_coach.ui.player_view import control_icon, countdown_value
from glute_coach.ui.session_controller import SessionController
from glute_coach.ui.session_keys import SessionKeys
from glute_coach.ui.theme import badge_style, palette_for
from glute_coach.ui.widgets import clock_text

if TYPE_CHECKING:
    from PySide6.QtGui import QScreen

    from glute_coach.ui.biofeedback_controller import BiofeedbackController
    from glute_coach.ui.biofeedback_panel import BiofeedbackPanel
    from glute_coach.ui.clinic.presenter import Presenter

MIN_TOUCH_PX = 48
BUTTON_PX = 56
STEP_ROW_PX = 48


class TherapistConsole(SessionKeys, QWidget):
    """Controls and overview of one running session, for the therapist."""

    show_client_requested = Signal()
    settings_changed = Signal(object)  # Settings, after a switch on the sensor panel

    def __init__(
        self,
        controller: SessionController,
        biofeedback: BiofeedbackController | None = None,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings or controller.settings
        self.colors = palette_for(self.settings.theme)
        self.biofeedback: BiofeedbackPanel | None = None
        self.editor: QWidget | None = None
        self._current_block: int | None = None
        self._phase_kind: SegmentKind | None = None
        self._get_ready_left = 0.0
        self._last_snapshot: Snapshot | None = None
        self._presenter: Presenter | None = None
        self.setObjectName("therapistConsole")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Therapist console"))
        self._build()
        if biofeedback is not None:
            self._add_biofeedback(biofeedback)

        controller.frame.connect(self.show_snapshot)
        controller.get_ready.connect(self._on_get_ready)
        controller.state_changed.connect(self._on_state)
        self.show_snapshot(controller.snapshot())

    # --- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 12)
        root.setSpacing(10)

        top = QHBoxLayout()
        self.title_label = QLabel(self.controller.timeline.title, self)
        self.title_label.setProperty("role", "heading")
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("sessionState")
        self.state_label.setProperty("role", "badge")
        self.state_label.setAccessibleName(self.tr("Session state"))
        self.client_label = QLabel(self)
        self.client_label.setObjectName("clientState")
        self.client_label.setProperty("role", "caption")
        self.client_label.setAccessibleName(self.tr("Client view"))
        self.show_client_button = QPushButton(self.tr("Show client view"), self)
        self.show_client_button.setAccessibleName(self.tr("Show the client view"))
        self.show_client_button.setMinimumHeight(MIN_TOUCH_PX)
        self.show_client_button.clicked.connect(self.show_client_requested)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.state_label)
        top.addSpacing(12)
        top.addWidget(self.client_label)
        top.addWidget(self.show_client_button)
        root.addLayout(top)

        body = QHBoxLayout()
        body.setSpacing(14)
        left = QVBoxLayout()
        steps_heading = QLabel(self.tr("Steps"), self)
        steps_heading.setProperty("role", "heading")
        left.addWidget(steps_heading)
        self.steps_list = QListWidget(self)
        self.steps_list.setObjectName("stepsList")
        self.steps_list.setAccessibleName(self.tr("Routine steps"))
        self.steps_list.setAccessibleDescription(self.tr("Click a step to go to its start"))
        self.steps_list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.steps_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps_list.setWordWrap(False)
        self.steps_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.steps_list.setStyleSheet("QListWidget::item { padding: 0 10px; }")
        self.steps_list.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.steps_list.itemClicked.connect(self._on_step_clicked)
        self.steps_list.itemActivated.connect(self._on_step_clicked)
        self.steps_list.installEventFilter(self)
        self._fill_steps()
        left.addWidget(self.steps_list, 1)
        # Another view (the quick editor) goes here before the session starts.
        self.editor_box = QWidget(self)
        self.editor_slot = QVBoxLayout(self.editor_box)
        self.editor_slot.setContentsMargins(0, 0, 0, 0)
        self.editor_box.hide()
        left.addWidget(self.editor_box)
        self._left = left
        body.addLayout(left, 4)

        right = QVBoxLayout()
        right.setSpacing(10)
        self.status_card = QFrame(self)
        self.status_card.setObjectName("statusCard")
        self.status_card.setProperty("role", "card")
        card = QVBoxLayout(self.status_card)
        card.setContentsMargins(16, 12, 16, 12)
        card.setSpacing(6)
        line = QHBoxLayout()
        self.phase_label = QLabel(self.status_card)
        self.phase_label.setObjectName("consolePhase")
        self.phase_label.setProperty("role", "badge")
        self.phase_label.setAccessibleName(self.tr("Phase"))
        self.phase_left_label = QLabel(self.status_card)
        self.phase_left_label.setObjectName("phaseLeft")
        self.phase_left_label.setAccessibleName(self.tr("Time left in this phase"))
        big = QFont(self.phase_left_label.font())
        big.setPixelSize(40)
        big.setBold(True)
        self.phase_left_label.setFont(big)
        self.detail_label = QLabel(self.status_card)
        self.detail_label.setObjectName("phaseDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        line.addWidget(self.phase_label, 0, Qt.AlignmentFlag.AlignVCenter)
        line.addWidget(self.phase_left_label, 0, Qt.AlignmentFlag.AlignVCenter)
        line.addSpacing(8)
        line.addWidget(self.detail_label, 1, Qt.AlignmentFlag.AlignVCenter)
        card.addLayout(line)
        self.step_label = QLabel(self.status_card)
        self.step_label.setObjectName("stepLine")
        self.step_label.setTextFormat(Qt.TextFormat.PlainText)
        self.step_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bold = QFont(self.step_label.font())
        bold.setBold(True)
        self.step_label.setFont(bold)
        card.addWidget(self.step_label)
        progress = QHBoxLayout()
        self.progress_bar = QProgressBar(self.status_card)
        self.progress_bar.setObjectName("consoleProgress")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(14)
        self.progress_bar.setAccessibleName(self.tr("Routine progress"))
        self.routine_left_label = QLabel(self.status_card)
        self.routine_left_label.setObjectName("routineLeft")
        progress.addWidget(self.progress_bar, 1)
        progress.addWidget(self.routine_left_label)
        card.addLayout(progress)
        right.addWidget(self.status_card)
        self._right = right

        self.notes_heading = QLabel(self.tr("Notes"), self)
        self.notes_heading.setProperty("role", "heading")
        right.addWidget(self.notes_heading)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("sessionNotes")
        self.notes_edit.setAccessibleName(self.tr("Session notes"))
        self.notes_edit.setPlaceholderText(
            self.tr("Notes for this session (kept with its summary)…")
        )
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(90)
        self.notes_edit.installEventFilter(self)
        right.addWidget(self.notes_edit, 1)
        body.addLayout(right, 8)
        root.addLayout(body, 1)

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
        text, on_accent = self.colors.text, self.colors.on_accent
        self.back_button.setIcon(control_icon("back", text))
        self.restart_button.setIcon(control_icon("restart", text))
        self.skip_button.setIcon(control_icon("skip", text))
        self.stop_button.setIcon(control_icon("stop", text))
        self._play_icon = control_icon("play", on_accent)
        self._pause_icon = control_icon("pause", on_accent)
        self.play_button.setIcon(self._play_icon)
        for button, stretch in zip(self.buttons, (2, 2, 3, 2, 2), strict=True):
            controls.addWidget(button, stretch)
        root.addWidget(self.controls_box)

        self.confirm_bar = QFrame(self)
        self.confirm_bar.setObjectName("consoleConfirmBar")
        self.confirm_bar.setProperty("role", "card")
        confirm = QHBoxLayout(self.confirm_bar)
        self.confirm_label = QLabel(
            self.tr("Stop this session? What has been done so far is kept."), self.confirm_bar
        )
        self.confirm_label.setWordWrap(True)
        self.keep_going_button = QPushButton(self.tr("Keep going (Esc)"), self.confirm_bar)
        self.keep_going_button.setAccessibleName(self.tr("Keep going"))
        self.keep_going_button.clicked.connect(self.cancel_stop)
        self.confirm_stop_button = QPushButton(self.tr("Stop session (Enter)"), self.confirm_bar)
        self.confirm_stop_button.setAccessibleName(self.tr("Stop session"))
        self.confirm_stop_button.setProperty("role", "primary")
        self.confirm_stop_button.clicked.connect(self.confirm_stop)
        confirm.addWidget(self.confirm_label, 1)
        for button in (self.keep_going_button, self.confirm_stop_button):
            button.setMinimumHeight(BUTTON_PX)
            button.installEventFilter(self)
            confirm.addWidget(button)
        self.confirm_bar.hide()
        root.addWidget(self.confirm_bar)
        self.client_label.hide()  # until there is a client view to speak of

    def _button(self, text: str, key: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text)
        button.setAccessibleDescription(self.tr("Shortcut: {key}").format(key=key))
        button.setToolTip(self.tr("{action} ({key})").format(action=text, key=key))
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setMinimumHeight(BUTTON_PX)
        button.setIconSize(QSize(24, 24))
        button.clicked.connect(slot)
        button.installEventFilter(self)  # the console's keys work whichever button has focus
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

    def _fill_steps(self) -> None:
        segments = self.controller.timeline.segments
        for n, step in enumerate(self.controller.steps, start=1):
            length = sum(segments[i].duration_s for i in step.segments)
            item = QListWidgetItem(f"{n}.  {step.name}  ·  {clock_text(length)}")
            item.setData(Qt.ItemDataRole.UserRole, n - 1)
            item.setToolTip(item.text())
            item.setSizeHint(QSize(0, STEP_ROW_PX))
            self.steps_list.addItem(item)

    def _add_biofeedback(self, biofeedback: BiofeedbackController) -> None:
        from glute_coach.ui.biofeedback_panel import BiofeedbackPanel

        panel = BiofeedbackPanel(biofeedback, self.settings, self)
        panel.settings_changed.connect(self.settings_changed)
        panel.apply_scale(1.0)
        self.biofeedback = panel
        # The panel takes the right-hand column; the notes go under the steps.
        for widget in (self.notes_heading, self.notes_edit):
            self._right.removeWidget(widget)
        self._left.addWidget(self.notes_heading)
        self._left.addWidget(self.notes_edit, 1)
        self._left.setStretchFactor(self.steps_list, 2)
        self._right.addWidget(panel, 1)

    # --- what the integrator plugs in ------------------------------------------------------

    def set_editor(self, widget: QWidget | None) -> None:
        """Put a widget (the quick editor) under the steps; None takes it away."""
        if self.editor is not None:
            self.editor_slot.removeWidget(self.editor)
            self.editor.hide()
            self.editor.setParent(None)
        self.editor = widget
        if widget is not None:
            self.editor_slot.addWidget(widget)
            widget.show()
        self.editor_box.setVisible(widget is not None)

    def set_presenter(self, presenter: Presenter) -> None:
        """Follow where the presenter puts the client's view; the button shows it again."""
        self._presenter = presenter
        self.show_client_requested.connect(presenter.show_client)
        presenter.placed.connect(self._on_placed)
        presenter.client.dismissed_changed.connect(lambda _: self._on_placed())
        self._on_placed()

    def _on_placed(self, *_: object) -> None:
        presenter = self._presenter
        if presenter is None:
            return
        screen: QScreen | None = presenter.client.target_screen
        self.show_client_state(
            screen.name() if screen is not None else None, shown=not presenter.client.dismissed
        )

    def show_client_state(self, screen_name: str | None, *, shown: bool) -> None:
        """Say where the client's view is: fullscreen on a screen, a window, or closed."""
        if not shown:
            text = self.tr("Client view closed")
        elif screen_name is not None:
            text = self.tr("Client view: fullscreen on {screen}").format(screen=screen_name)
        else:
            text = self.tr("Client view: a window on this screen")
        self.client_label.setText(text)
        self.client_label.show()

    # --- notes -----------------------------------------------------------------------------

    def notes(self) -> str:
        """The therapist's notes, as typed (for the session summary)."""
        return self.notes_edit.toPlainText()

    def set_notes(self, text: str) -> None:
        self.notes_edit.setPlainText(text)

    # --- words -----------------------------------------------------------------------------

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

    def state_text(self, state: SessionState) -> str:
        if self.controller.in_get_ready or self._get_ready_left > 0:
            return self.tr("Getting ready")
        return {
            SessionState.READY: self.tr("Not started"),
            SessionState.RUNNING: self.tr("Running"),
            SessionState.PAUSED: self.tr("Paused"),
            SessionState.FINISHED: self.tr("Finished"),
            SessionState.STOPPED: self.tr("Stopped"),
        }[state]

    def detail_text(self, seg: Segment) -> str:
        """Side, set and rep of the segment, e.g. "Left side · Set 1 of 2 · Hold 3 of 8"."""
        parts = []
        if seg.side is Side.LEFT:
            parts.append(self.tr("Left side"))
        elif seg.side is Side.RIGHT:
            parts.append(self.tr("Right side"))
        if seg.set and seg.sets and seg.sets > 1:
            parts.append(self.tr("Set {n} of {total}").format(n=seg.set, total=seg.sets))
        if seg.rep and seg.reps:
            step = self.controller.step_for(seg)
            if step.kind == "calibration":
                unit = self.tr("Effort {n} of {total}")
            elif step.unit == "hold":
                unit = self.tr("Hold {n} of {total}")
            else:
                unit = self.tr("Rep {n} of {total}")
            parts.append(unit.format(n=seg.rep, total=seg.reps))
        return "  ·  ".join(parts)

    # --- updates ---------------------------------------------------------------------------

    def show_snapshot(self, snap: Snapshot) -> None:
        """One frame (the session as heard): phase, time left, step, progress, the controls."""
        self._last_snapshot = snap
        seg = snap.segment
        getting_ready = self._get_ready_left > 0
        kind = SegmentKind.PREPARE if getting_ready else seg.kind
        self._set_text(self.phase_label, self.phase_name(kind))
        if kind is not self._phase_kind:
            self._phase_kind = kind
            self.phase_label.setStyleSheet(badge_style(self.colors, kind))
        seconds = self._get_ready_left if getting_ready else snap.segment_left_s
        left = clock_text(countdown_value(seconds))
        self._set_text(self.phase_left_label, left)
        self.phase_left_label.setAccessibleDescription(
            self.tr("{time} left in this phase").format(time=left)
        )
        self._set_text(self.detail_label, self.detail_text(seg))
        step = self.controller.step_for(seg)
        index = next((i for i, s in enumerate(self.controller.steps) if s.block == step.block), 0)
        self._set_text(
            self.step_label,
            self.tr("Step {n} of {total}: {name}").format(
                n=index + 1, total=len(self.controller.steps), name=step.name
            ),
        )
        value = round(snap.progress * 1000)
        if self.progress_bar.value() != value:
            self.progress_bar.setValue(value)
        routine_left = clock_text(countdown_value(snap.routine_left_s))
        self._set_text(
            self.routine_left_label, self.tr("{time} left in the routine").format(time=routine_left)
        )
        self._set_text(self.state_label, self.state_text(snap.state))
        self._highlight(index)
        self._update_play_button(snap.state)

    @staticmethod
    def _set_text(label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)

    def current_step(self) -> int | None:
        """Index (in ``controller.steps``) of the step highlighted as the current one."""
        return self._current_block

    def _highlight(self, index: int) -> None:
        if index == self._current_block:
            return
        self._current_block = index
        c = self.colors
        for row in range(self.steps_list.count()):
            item = self.steps_list.item(row)
            font = QFont(self.steps_list.font())
            font.setBold(row == index)
            item.setFont(font)
            name = item.text()
            if row == index:
                item.setBackground(QBrush(QColor(c.accent)))
                item.setForeground(QBrush(QColor(c.on_accent)))
                item.setData(
                    Qt.ItemDataRole.AccessibleTextRole,
                    self.tr("{step} (current step)").format(step=name),
                )
            else:
                item.setBackground(QBrush())
                item.setForeground(QBrush(QColor(c.muted_text if row < index else c.text)))
                item.setData(Qt.ItemDataRole.AccessibleTextRole, name)
        current = self.steps_list.item(index)
        if current is not None:
            self.steps_list.scrollToItem(current)

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

    def _on_get_ready(self, seconds: float) -> None:
        self._get_ready_left = seconds
        if self._last_snapshot is not None:
            self.show_snapshot(self._last_snapshot)

    def _on_state(self, state: str) -> None:
        if state in (SessionState.FINISHED.value, SessionState.STOPPED.value):
            self._hide_confirm()

    # --- steps -----------------------------------------------------------------------------

    def go_to_step(self, index: int) -> bool:
        """Jump to the start of step ``index`` (as skip and back do); False when not possible."""
        controller = self.controller
        if not controller.is_active() or not 0 <= index < len(controller.steps):
            return False
        first = controller.steps[index].segments[0]
        moved = controller.engine.seek(controller.timeline.segments[first].start_s)
        controller.tick()
        return moved

    def _on_step_clicked(self, item: QListWidgetItem) -> None:
        index = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(index, int):
            self.go_to_step(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Buttons and the step list pass the console's keys on; the notes keep theirs."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if watched is self.notes_edit:
            if plain and event.key() == Qt.Key.Key_Escape:
                self.setFocus()  # Esc leaves the notes; a second Esc asks to stop
                return True
            return False
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if plain and enter and isinstance(watched, QPushButton) and watched.isEnabled():
            watched.click()
            return True
        if plain and not enter and self.handle_key(event.key()):
            return True
        return super().eventFilter(watched, event)

    # --- closing ---------------------------------------------------------------------------

    def close_console(self) -> None:
        """Stop the sensor panel's traces (its controller is closed by its owner)."""
        if self.biofeedback is not None:
            self.biofeedback.close_panel()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_console()
        super().closeEvent(event)
