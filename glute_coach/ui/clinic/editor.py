"""Quick edits for one client: times, reps, sets, rests and sides, remove and reorder steps.

:class:`QuickEditor` shows a routine's steps on the left and, for the selected step, what can be
changed on the right; the total time at the top follows every change. Each change goes through
``core.editing``, so the edited routine is always valid; a value the format does not allow is
refused with its plain message and the field shows the previous value again. "Save as client
program…" asks for the client's name or code and writes a new routine file through
``storage.programs``; the routine the editor was given is never changed.

Keys: Ctrl+Up / Ctrl+Down move the selected step, Delete (in the list) removes it, Ctrl+Z
undoes the last edit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from glute_coach.core import editing
from glute_coach.core.editing import StepPath
from glute_coach.core.loading import LoadedRoutine
from glute_coach.core.routine import (
    CalibrationStep,
    ExerciseStep,
    InfoStep,
    RepeatStep,
    RestStep,
    Routine,
    Sides,
    Step,
)
from glute_coach.storage.programs import save_client_program
from glute_coach.ui.detail_view import step_detail, step_name
from glute_coach.ui.widgets import MIN_TOUCH_PX, ScaledLabel, clock_text, set_role

PathRole = Qt.ItemDataRole.UserRole
LIST_MIN_WIDTH = 360
PANEL_MIN_WIDTH = 440
SPIN_MIN_WIDTH = 170
MAX_UNDO = 200


class SecondsSpinBox(QDoubleSpinBox):
    """Seconds to a tenth, shown without a needless ".0" ("8 s", "2.5 s")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(1)

    def textFromValue(self, value: float) -> str:
        text = self.locale().toString(float(value), "f", self.decimals())
        point = self.locale().decimalPoint()
        if point in text:
            text = text.rstrip("0").rstrip(point)
        return text


def _touch(widget: QWidget) -> None:
    widget.setMinimumHeight(MIN_TOUCH_PX)


class QuickEditor(QWidget):
    """Adapt a routine for one client; ``saved(Path)`` when it is kept as a client program."""

    changed = Signal(object)  # Routine, after every edit (and undo)
    saved = Signal(object)  # Path of the new client program

    def __init__(
        self,
        loaded: LoadedRoutine,
        parent: QWidget | None = None,
        *,
        programs_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._loaded = loaded
        self._routine: Routine = loaded.routine
        self._original_total = editing.total_seconds(loaded.routine)
        self._programs_dir = programs_dir
        self._undo: list[tuple[Routine, StepPath | None]] = []
        self._syncing = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(12)
        outer.addLayout(self._header())

        body = QHBoxLayout()
        body.setSpacing(20)
        body.addLayout(self._step_column(), 1)
        body.addWidget(self._panel_area(), 1)
        outer.addLayout(body, 1)

        outer.addWidget(self._save_panel())
        outer.addLayout(self._footer())
        self._shortcuts()

        self._refresh(select=(0,))

    # --- building --------------------------------------------------------------------------

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(16)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title_label = ScaledLabel(
            self.tr("Quick edits: {title}").format(title=self._loaded.routine.title),
            factor=1.35,
            bold=True,
            role="heading",
        )
        titles.addWidget(self.title_label)
        self.hint_label = ScaledLabel(
            self.tr("Changes make a copy for this client; the original routine stays as it is."),
            factor=0.9,
            role="caption",
        )
        titles.addWidget(self.hint_label)
        row.addLayout(titles, 1)
        totals = QVBoxLayout()
        totals.setSpacing(2)
        self.total_label = ScaledLabel("", factor=1.6, bold=True, wrap=False)
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        totals.addWidget(self.total_label)
        self.original_total_label = ScaledLabel(
            self.tr("Original: {time}").format(time=clock_text(self._original_total)),
            factor=0.9,
            role="caption",
            wrap=False,
        )
        self.original_total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        totals.addWidget(self.original_total_label)
        row.addLayout(totals, 0)
        return row

    def _step_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(8)
        column.addWidget(self._step_list(), 1)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        self.up_button = self._button(self.tr("Move up"), self.move_up, self.tr("Ctrl+Up"))
        self.down_button = self._button(self.tr("Move down"), self.move_down, self.tr("Ctrl+Down"))
        self.remove_button = self._button(self.tr("Remove"), self.remove, self.tr("Delete"))
        for button in (self.up_button, self.down_button, self.remove_button):
            actions.addWidget(button)
        actions.addStretch(1)
        column.addLayout(actions)
        return column

    def _step_list(self) -> QListWidget:
        self.step_list = QListWidget()
        self.step_list.setAccessibleName(self.tr("Steps of the routine"))
        self.step_list.setMinimumWidth(LIST_MIN_WIDTH)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.step_list.setUniformItemSizes(False)
        self.step_list.setStyleSheet("QListWidget::item { padding: 0 10px; }")
        self.step_list.currentRowChanged.connect(self._on_row_changed)
        self.step_list.installEventFilter(self)
        return self.step_list

    def _panel_area(self) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setMinimumWidth(PANEL_MIN_WIDTH)
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(6)

        self.step_title = ScaledLabel("", factor=1.2, bold=True)
        column.addWidget(self.step_title)
        self.step_summary = ScaledLabel("", factor=0.95, role="caption")
        column.addWidget(self.step_summary)

        form = QGridLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(6)
        form.setColumnStretch(2, 1)
        form.setColumnMinimumWidth(0, 170)  # the fields stay put as rows come and go
        self._rows: dict[str, list[QWidget]] = {}

        self.time_spin = self._double_spin(0, 3600, 1)
        self.time_label = self._add_row(form, "time", self.tr("Hold"), self.time_spin)
        self.time_spin.valueChanged.connect(self._on_time)

        self.reps_spin = self._int_spin(0, 999)
        self._add_row(form, "reps", self.tr("Reps"), self.reps_spin)
        self.reps_spin.valueChanged.connect(self._on_reps)

        self.sets_spin = self._int_spin(0, 99)
        self._add_row(form, "sets", self.tr("Sets"), self.sets_spin)
        self.sets_spin.valueChanged.connect(self._on_sets)

        self.rest_reps_spin = self._double_spin(0, 3600, 1)
        self._add_row(form, "rest_reps", self.tr("Rest between reps"), self.rest_reps_spin)
        self.rest_reps_spin.valueChanged.connect(self._on_rest_reps)

        self.rest_sets_spin = self._double_spin(0, 3600, 5)
        self._add_row(form, "rest_sets", self.tr("Rest between sets"), self.rest_sets_spin)
        self.rest_sets_spin.valueChanged.connect(self._on_rest_sets)

        self.times_spin = self._int_spin(0, 999)
        self._add_row(form, "times", self.tr("Rounds"), self.times_spin)
        self.times_spin.valueChanged.connect(self._on_times)

        sides = QWidget()
        sides_row = QHBoxLayout(sides)
        sides_row.setContentsMargins(0, 0, 0, 0)
        sides_row.setSpacing(6)
        self.sides_group = QButtonGroup(self)
        self.sides_group.setExclusive(True)
        self.side_buttons: dict[Sides, QPushButton] = {}
        for value, text in (
            (Sides.BOTH, self.tr("Both")),
            (Sides.EACH, self.tr("Each side")),
            (Sides.LEFT, self.tr("Left")),
            (Sides.RIGHT, self.tr("Right")),
        ):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setStyleSheet("QPushButton { padding: 0 12px; }")
            _touch(button)
            button.setAccessibleName(self.tr("Sides: {choice}").format(choice=text))
            self.sides_group.addButton(button)
            self.side_buttons[value] = button
            sides_row.addWidget(button)
        sides_row.addStretch(1)
        self.sides_group.buttonClicked.connect(self._on_sides)
        self._add_row(form, "sides", self.tr("Sides"), sides, span=True)
        column.addLayout(form)

        self.note_label = ScaledLabel("", factor=0.9, role="caption")
        column.addWidget(self.note_label)

        self.message_label = ScaledLabel("", bold=True)
        self.message_label.setAccessibleName(self.tr("Problem"))
        column.addWidget(self.message_label)
        column.addStretch(1)
        area.setWidget(panel)
        return area

    def _save_panel(self) -> QFrame:
        self.save_panel = QFrame()
        set_role(self.save_panel, "card")
        layout = QGridLayout(self.save_panel)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(4)
        label = ScaledLabel(self.tr("Client's name or code"), bold=True, wrap=False)
        layout.addWidget(label, 0, 0)
        self.client_edit = QLineEdit()
        self.client_edit.setMaxLength(editing.CLIENT_MAX_CHARS)
        self.client_edit.setPlaceholderText(self.tr("e.g. JD-042"))
        self.client_edit.setAccessibleName(self.tr("Client's name or code"))
        self.client_edit.setMinimumWidth(260)
        self.client_edit.setStyleSheet("QLineEdit { min-height: 46px; }")
        self.client_edit.returnPressed.connect(self.save_program)
        self.client_edit.textChanged.connect(self._on_client_text)
        label.setBuddy(self.client_edit)
        layout.addWidget(self.client_edit, 0, 1)
        self.confirm_save_button = QPushButton(self.tr("Save program"))
        _touch(self.confirm_save_button)
        self.confirm_save_button.clicked.connect(self.save_program)
        layout.addWidget(self.confirm_save_button, 0, 2)
        self.cancel_save_button = QPushButton(self.tr("Cancel"))
        _touch(self.cancel_save_button)
        self.cancel_save_button.clicked.connect(self.cancel_save)
        layout.addWidget(self.cancel_save_button, 0, 3)
        self.save_hint = ScaledLabel(
            self.tr(
                "Saved as a new routine in your routines, with this name or code in it. "
                "A code keeps the client's name out of the file."
            ),
            factor=0.9,
            role="caption",
        )
        layout.addWidget(self.save_hint, 1, 0, 1, 4)
        layout.setColumnStretch(1, 1)
        self.save_panel.hide()
        return self.save_panel

    def _footer(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(12)
        self.undo_button = self._button(self.tr("Undo"), self.undo, self.tr("Ctrl+Z"))
        row.addWidget(self.undo_button)
        self.status_label = ScaledLabel("", factor=0.95, role="caption")
        row.addWidget(self.status_label, 1)
        self.save_button = QPushButton(self.tr("Save as client program…"))
        set_role(self.save_button, "primary")
        _touch(self.save_button)
        self.save_button.setAccessibleName(self.tr("Save as client program"))
        self.save_button.clicked.connect(self.begin_save)
        row.addWidget(self.save_button)
        return row

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence("Ctrl+Up"), self.move_up),
            (QKeySequence("Ctrl+Down"), self.move_down),
            (QKeySequence(QKeySequence.StandardKey.Undo), self.undo),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        cancel = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.save_panel)
        cancel.setContext(context)
        cancel.activated.connect(self.cancel_save)

    def _button(self, text: str, slot: Callable[[], object], keys: str) -> QPushButton:
        button = QPushButton(text)
        _touch(button)
        button.setToolTip(keys)
        button.clicked.connect(slot)
        return button

    def _int_spin(self, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        self._prepare_spin(spin)
        return spin

    def _double_spin(self, low: float, high: float, step: float) -> QDoubleSpinBox:
        spin = SecondsSpinBox()
        spin.setRange(low, high)
        spin.setSingleStep(step)
        spin.setSuffix(self.tr(" s"))
        self._prepare_spin(spin)
        return spin

    def _prepare_spin(self, spin: QAbstractSpinBox) -> None:
        # The ranges are wider than the format's on purpose: an out-of-range value reaches the
        # model, which refuses it with a message, instead of the field silently ignoring it.
        spin.setKeyboardTracking(False)  # one edit per value, not per keystroke
        spin.setMinimumWidth(SPIN_MIN_WIDTH)
        # The theme's inputs are 40 px inside; touch targets here are at least 48 px outside.
        # (Per widget: a sheet on a parent would re-polish the ScaledLabels without end.)
        spin.setStyleSheet("QAbstractSpinBox { min-height: 43px; }")
        spin.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        _touch(spin)

    def _add_row(
        self, form: QGridLayout, key: str, text: str, field: QWidget, *, span: bool = False
    ) -> QLabel:
        row = form.rowCount()
        label = ScaledLabel(text, wrap=False)
        label.setBuddy(field)
        field.setAccessibleName(text)
        form.addWidget(label, row, 0)
        form.addWidget(field, row, 1, 1, 2 if span else 1)
        self._rows[key] = [label, field]
        return label

    # --- public API ------------------------------------------------------------------------

    @property
    def routine(self) -> Routine:
        """The edited routine (always valid)."""
        return self._routine

    @property
    def loaded(self) -> LoadedRoutine:
        """The routine as given, never changed."""
        return self._loaded

    @property
    def total_s(self) -> float:
        return editing.total_seconds(self._routine)

    def selected_path(self) -> StepPath | None:
        item = self.step_list.currentItem()
        if item is None:
            return None
        path = item.data(PathRole)
        return tuple(path) if path is not None else None

    def select(self, path: StepPath) -> None:
        for row in range(self.step_list.count()):
            if tuple(self.step_list.item(row).data(PathRole)) == tuple(path):
                self.step_list.setCurrentRow(row)
                return

    def can_undo(self) -> bool:
        return bool(self._undo)

    def apply(self, edit: Callable[[Routine], Routine], select: StepPath | None = None) -> bool:
        """Apply one edit; False (and a message) when the routine format refuses it."""
        before = self._routine
        where = select if select is not None else self.selected_path()
        try:
            after = edit(before)
        except ValueError as exc:
            self._refuse(str(exc))
            return False
        if after == before:
            self._refresh(select=where)
            return True
        self._undo.append((before, self.selected_path()))
        del self._undo[:-MAX_UNDO]
        self._routine = after
        self.message_label.clear()
        self.status_label.clear()
        self._refresh(select=where)
        self.changed.emit(after)
        return True

    def undo(self) -> None:
        if not self._undo:
            return
        self._routine, where = self._undo.pop()
        self.message_label.clear()
        self.status_label.setText(self.tr("Last change undone."))
        self._refresh(select=where)
        self.changed.emit(self._routine)

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(+1)

    def remove(self) -> None:
        path = self.selected_path()
        if path is None:
            return
        count = editing.sibling_count(self._routine, path)
        index = path[-1]
        after = (*path[:-1], min(index, count - 2)) if count > 1 else path
        if self.apply(lambda r: editing.remove_step(r, path), select=after):
            self.step_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def begin_save(self) -> None:
        self.save_panel.show()
        self.client_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.client_edit.selectAll()

    def cancel_save(self) -> None:
        self.save_panel.hide()
        self.save_hint.setText(self._save_hint_text())
        self.save_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_program(self) -> Path | None:
        """Save the edited routine as a new client program; its path, or None when refused."""
        if not self.save_panel.isVisible():
            self.save_panel.show()
        try:
            client = editing.clean_client(self.client_edit.text())
            program = editing.client_program(
                self._routine,
                client,
                title_template=self.tr("{title} — for {client}"),
            )
            path = save_client_program(
                program, self._programs_dir, assets_from=self._loaded.path.parent
            )
        except ValueError as exc:  # includes ProgramSaveError
            self.save_hint.setText(_sentence(str(exc)))
            self.client_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        self.save_panel.hide()
        self.client_edit.clear()
        self.save_hint.setText(self._save_hint_text())
        self.status_label.setText(
            self.tr("Saved “{title}” as {file}.").format(title=program.title, file=path.name)
        )
        self.saved.emit(path)
        return path

    # --- reacting --------------------------------------------------------------------------

    def _save_hint_text(self) -> str:
        return self.tr(
            "Saved as a new routine in your routines, with this name or code in it. "
            "A code keeps the client's name out of the file."
        )

    def _on_client_text(self, _text: str) -> None:
        self.save_hint.setText(self._save_hint_text())

    def _move(self, delta: int) -> None:
        path = self.selected_path()
        if path is None:
            return
        target = path[-1] + delta
        if not 0 <= target < editing.sibling_count(self._routine, path):
            return
        moved = editing.moved_path(path, target)
        if self.apply(lambda r: editing.move_step(r, path, target), select=moved):
            self.step_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _edit_selected(self, edit: Callable[[Routine, StepPath], Routine]) -> None:
        if self._syncing:
            return
        path = self.selected_path()
        if path is None:
            return
        self.apply(lambda r: edit(r, path), select=path)

    def _on_time(self, value: float) -> None:
        self._edit_selected(lambda r, p: editing.set_duration(r, p, value))

    def _on_reps(self, value: int) -> None:
        self._edit_selected(lambda r, p: editing.set_reps(r, p, value))

    def _on_sets(self, value: int) -> None:
        self._edit_selected(lambda r, p: editing.set_sets(r, p, value))

    def _on_rest_reps(self, value: float) -> None:
        self._edit_selected(lambda r, p: editing.set_rest(r, p, value, between="reps"))

    def _on_rest_sets(self, value: float) -> None:
        self._edit_selected(lambda r, p: editing.set_rest(r, p, value, between="sets"))

    def _on_times(self, value: int) -> None:
        self._edit_selected(lambda r, p: editing.set_times(r, p, value))

    def _on_sides(self, button: QPushButton) -> None:
        chosen = next(side for side, b in self.side_buttons.items() if b is button)
        self._edit_selected(lambda r, p: editing.set_sides(r, p, chosen))

    def _refuse(self, message: str) -> None:
        """Say why, and show the values the routine still has."""
        self.message_label.setText(
            self.tr("{reason} The previous value is kept.").format(reason=_sentence(message))
        )
        self._show_step()

    def _on_row_changed(self, _row: int) -> None:
        if not self._syncing:
            self.message_label.clear()
            self._show_step()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.step_list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.remove()
            return True
        return super().eventFilter(watched, event)

    # --- showing ---------------------------------------------------------------------------

    def _refresh(self, select: StepPath | None) -> None:
        """Rebuild the list from the routine, keep a selection, show the total."""
        self._syncing = True
        try:
            self.step_list.clear()
            metrics = QFontMetrics(self.step_list.font())
            height = max(MIN_TOUCH_PX + 8, 2 * metrics.lineSpacing() + 18)
            for path in editing.step_paths(self._routine):
                step = editing.step_at(self._routine, path)
                item = QListWidgetItem(self._row_text(step, len(path) - 1))
                item.setData(PathRole, list(path))
                item.setSizeHint(QSize(0, height))
                item.setToolTip(step_name(step))
                self.step_list.addItem(item)
            paths = editing.step_paths(self._routine)
            chosen = select if select in paths else (paths[0] if paths else None)
            if chosen is not None:
                self.step_list.setCurrentRow(paths.index(chosen))
        finally:
            self._syncing = False
        total = editing.total_seconds(self._routine)
        self.total_label.setText(self.tr("Total {time}").format(time=clock_text(total)))
        self.total_label.setAccessibleName(
            self.tr("Total time {time}").format(time=clock_text(total))
        )
        self.undo_button.setEnabled(bool(self._undo))
        self._show_step()

    def _row_text(self, step: Step, depth: int) -> str:
        indent = "      " * depth
        if isinstance(step, RepeatStep):
            detail = self.tr("{n} rounds of the next {k} steps").format(
                n=step.times, k=len(step.steps)
            )
        else:
            detail = step_detail(step)
        name = step_name(step)
        return f"{indent}{name}\n{indent}{detail}" if detail else f"{indent}{name}"

    def _show_step(self) -> None:
        """Fill the right-hand side for the selected step (signals held back)."""
        path = self.selected_path()
        step = editing.step_at(self._routine, path) if path is not None else None
        self._syncing = True
        try:
            self._fill(step)
        finally:
            self._syncing = False
        count = editing.sibling_count(self._routine, path) if path is not None else 0
        index = path[-1] if path is not None else 0
        self.up_button.setEnabled(path is not None and index > 0)
        self.down_button.setEnabled(path is not None and index < count - 1)
        self.remove_button.setEnabled(path is not None and count > 1)

    def _show_rows(self, *keys: str) -> None:
        for key, widgets in self._rows.items():
            for widget in widgets:
                widget.setVisible(key in keys)

    def _fill(self, step: Step | None) -> None:
        note = ""
        if step is None:
            self.step_title.setText("")
            self.step_summary.setText("")
            self._show_rows()
        elif isinstance(step, ExerciseStep):
            self._fill_exercise(step)
            if step.tempo is not None:
                note = self.tr("Its tempo sets the time of each rep; change the reps or sets.")
        elif isinstance(step, RepeatStep):
            self._show_rows("times")
            self.times_spin.setValue(step.times)
            note = self.tr("Select a step inside the block to change it.")
        elif isinstance(step, (RestStep, InfoStep)):
            self._show_rows("time")
            self.time_label.setText(self.tr("Duration"))
            self.time_spin.setEnabled(True)
            self.time_spin.setValue(step.duration_s)
        else:
            assert isinstance(step, CalibrationStep)
            self._show_rows()
            note = self.tr("The strongest-squeeze test can be moved or removed, not changed.")
        if step is not None:
            self.step_title.setText(step_name(step))
            self.step_summary.setText(
                step_detail(step)
                if not isinstance(step, RepeatStep)
                else self.tr("A block of {k} steps").format(k=len(step.steps))
            )
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))

    def _fill_exercise(self, step: ExerciseStep) -> None:
        self._show_rows("time", "reps", "sets", "rest_reps", "rest_sets", "sides")
        kind = editing.timing_of(step)
        self.time_label.setText(
            {
                "hold_s": self.tr("Hold"),
                "duration_s": self.tr("Duration"),
                "rep_s": self.tr("Time per rep"),
                "tempo": self.tr("Tempo (one rep)"),
            }[kind]
        )
        self.time_spin.setValue(editing.work_seconds(step))
        self.time_spin.setEnabled(kind != "tempo")
        timed = step.duration_s is not None
        self.reps_spin.setValue(step.reps or 0)
        self.reps_spin.setEnabled(not timed)
        self.reps_spin.setSpecialValueText(self.tr("—") if timed else "")
        self.sets_spin.setValue(step.sets)
        self.rest_reps_spin.setValue(editing.rest_between_reps_s(self._routine, step))
        self.rest_reps_spin.setEnabled(not timed and (step.reps or 1) > 1)
        self.rest_sets_spin.setValue(editing.rest_between_sets_s(self._routine, step))
        self.rest_sets_spin.setEnabled(step.sets > 1)
        self.side_buttons[step.sides].setChecked(True)


def _sentence(message: str) -> str:
    """A message as a sentence: capital first letter, full stop."""
    text = message.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."
