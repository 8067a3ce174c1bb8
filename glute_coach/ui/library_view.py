"""The routine library: a card for every routine, filters, and ways to add routine files.

Bundled and user routines come from ``storage.library.scan_library``; files the user opens
(the "Open routine file…" button or drag-and-drop) are validated exactly as
``glute-coach validate`` does and, when valid, get a card of their own. A file that is not
valid is not added: its problems are shown, one line each, as the command prints them.

In kiosk mode (``kiosk=True``) the library shows only the routines it is given: no Open
button, no drops, no settings or sensor buttons.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QKeyEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from glute_coach.core.loading import ClipCheck, LoadedRoutine, RoutineLoadError, load_routine
from glute_coach.core.routine import Level
from glute_coach.core.schema import is_schema_document
from glute_coach.storage.library import LibraryEntry, Source, scan_library
from glute_coach.storage.paths import user_routines_dir
from glute_coach.storage.routine_package import PackageError, import_package
from glute_coach.ui.theme import BASE_POINT_SIZE
from glute_coach.ui.widgets import (
    MIN_TOUCH_PX,
    RoutineCard,
    ScaledLabel,
    base_point_size,
    level_text,
    set_role,
    tag_text,
)

CARD_MIN_WIDTH = 340
MAX_COLUMNS = 4


def clip_check() -> ClipCheck | None:
    """The audio layer's clip check, so the app and ``glute-coach validate`` agree."""
    try:
        from glute_coach.audio.clips import check_clip
    except ImportError:  # pragma: no cover - the audio layer ships with the app
        return None
    checker: ClipCheck = check_clip
    return checker


def validate_file(path: Path) -> tuple[LoadedRoutine | None, list[str]]:
    """Load a routine file; on failure the lines ``glute-coach validate`` would print."""
    if is_schema_document(path):
        return None, [f"{path}: skipped (the routine format's JSON Schema, not a routine)"]
    try:
        return load_routine(path, clip_check=clip_check()), []
    except RoutineLoadError as exc:
        return None, [str(problem) for problem in exc.problems]


def _json_files(urls: Iterable[QUrl]) -> list[Path]:
    """The local routine files (.json) and routine packages (.zip) among dropped URLs."""
    return [
        Path(url.toLocalFile())
        for url in urls
        if url.isLocalFile() and url.toLocalFile().lower().endswith((".json", ".zip"))
    ]


class CardGrid(QWidget):
    """Routine cards in as many columns as fit; arrows move between them, one Tab stop.

    The current card is the only one reachable with Tab ("roving" focus); arrow keys, Home
    and End move it. Cards emit ``activated`` themselves on Enter or a click.
    """

    current_changed = Signal(object)  # RoutineCard | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cards: list[RoutineCard] = []
        self._current = 0
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(4, 4, 4, 4)
        self._grid.setHorizontalSpacing(20)
        self._grid.setVerticalSpacing(20)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # a new font scale changes how many cards fit
            app.fontChanged.connect(self._on_app_font)

    def _on_app_font(self, _font: QFont) -> None:
        self._reflow()

    # cards

    def cards(self) -> list[RoutineCard]:
        return list(self._cards)

    def set_cards(self, cards: list[RoutineCard]) -> None:
        for old in self._cards:
            self._grid.removeWidget(old)
            old.removeEventFilter(self)
            old.hide()
            old.deleteLater()
        self._cards = list(cards)
        for card in self._cards:
            card.setParent(self)
            card.installEventFilter(self)
            card.show()
        self._current = 0
        self._columns = 0
        self._reflow()
        self._rove()

    def columns(self) -> int:
        return max(1, self._columns)

    def current_card(self) -> RoutineCard | None:
        return self._cards[self._current] if self._cards else None

    def set_current(self, index: int, *, focus: bool = True) -> None:
        if not self._cards:
            return
        self._current = min(max(index, 0), len(self._cards) - 1)
        self._rove()
        card = self._cards[self._current]
        if focus:
            card.setFocus(Qt.FocusReason.OtherFocusReason)
        self.current_changed.emit(card)

    def _rove(self) -> None:
        for i, card in enumerate(self._cards):
            card.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if i == self._current else Qt.FocusPolicy.ClickFocus
            )

    # layout

    def _fitting_columns(self, width: int) -> int:
        spacing = self._grid.horizontalSpacing()
        margins = self._grid.contentsMargins()
        usable = width - margins.left() - margins.right()
        card = round(CARD_MIN_WIDTH * max(1.0, base_point_size() / BASE_POINT_SIZE))
        return max(1, min(MAX_COLUMNS, (usable + spacing) // (card + spacing)))

    def _reflow(self) -> None:
        columns = self._fitting_columns(self.width())
        if columns == self._columns and all(self._grid.indexOf(c) >= 0 for c in self._cards):
            return
        self._columns = columns
        for card in self._cards:
            self._grid.removeWidget(card)
        for i in range(self._grid.columnCount()):
            self._grid.setColumnStretch(i, 0)
        for i, card in enumerate(self._cards):
            self._grid.addWidget(card, i // columns, i % columns)
        for i in range(columns):
            self._grid.setColumnStretch(i, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    # keyboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, RoutineCard) and watched in self._cards:
            if event.type() == QEvent.Type.FocusIn:
                index = self._cards.index(watched)
                if index != self._current:
                    self._current = index
                    self._rove()
                    self.current_changed.emit(self._cards[index])
            elif event.type() == QEvent.Type.KeyPress:
                assert isinstance(event, QKeyEvent)
                if self._navigate(event.key()):
                    return True
        return super().eventFilter(watched, event)

    def _navigate(self, key: int) -> bool:
        n, cols, i = len(self._cards), self.columns(), self._current
        targets = {
            Qt.Key.Key_Left: i - 1,
            Qt.Key.Key_Right: i + 1,
            Qt.Key.Key_Up: i - cols if i - cols >= 0 else i,
            Qt.Key.Key_Down: min(i + cols, n - 1) if i // cols < (n - 1) // cols else i,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: n - 1,
        }
        if key not in targets or n == 0:
            return False
        self.set_current(targets[Qt.Key(key)])
        return True


class LibraryView(QWidget):
    """Every routine as a card, filters by tag and level, and adding routine files."""

    routine_opened = Signal(object)  # LoadedRoutine
    education_requested = Signal()
    settings_requested = Signal()
    sensor_requested = Signal()
    history_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        kiosk: bool = False,
        routines: Sequence[LoadedRoutine] = (),
    ) -> None:
        super().__init__(parent)
        self._kiosk = kiosk
        self._kiosk_routines = list(routines)
        self.setAcceptDrops(not kiosk)
        self._entries: list[LibraryEntry] = []
        self._opened: dict[Path, LibraryEntry] = {}
        self._invalid: list[LibraryEntry] = []

        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 16)
        outer.setSpacing(14)

        # header: title, education and settings
        # (one row; the buttons move under the title when the row is too narrow for both, as
        # in German on a 1280-px screen)
        self._header = QGridLayout()
        self._header.setHorizontalSpacing(12)
        self._header.setVerticalSpacing(8)
        self._header.setColumnStretch(1, 1)
        self._header_stacked: bool | None = None
        self.title_label = ScaledLabel(self.tr("Your routines"), factor=1.9, bold=True)
        set_role(self.title_label, "title")
        self.title_label.setWordWrap(False)
        self.education_button = self._button(
            self.tr("Understand your glutes"),
            self.tr("Open the page that explains how glutes work and how training helps"),
        )
        self.education_button.clicked.connect(self.education_requested)
        self.sensor_button = self._button(
            self.tr("Sensor: none"), self.tr("Set up a biofeedback sensor for your sessions")
        )
        self.sensor_button.clicked.connect(self.sensor_requested)
        self.history_button = self._button(
            self.tr("History"), self.tr("Your past sessions, progress and reports")
        )
        self.history_button.clicked.connect(self.history_requested)
        self.settings_button = self._button(self.tr("Settings"), self.tr("Open the settings"))
        self.settings_button.clicked.connect(self.settings_requested)
        self._header_buttons = (
            self.education_button,
            self.sensor_button,
            self.history_button,
            self.settings_button,
        )
        self._arrange_header()
        outer.addLayout(self._header)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # a larger font may no longer fit in one row
            app.fontChanged.connect(self._on_app_font)

        # filters and adding files
        bar = QHBoxLayout()
        bar.setSpacing(12)
        tag_label = ScaledLabel(self.tr("Tag:"), wrap=False)
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName(self.tr("Filter by tag"))
        self.tag_filter.setMinimumHeight(MIN_TOUCH_PX)
        self.tag_filter.setMinimumWidth(200)
        self.tag_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        tag_label.setBuddy(self.tag_filter)
        level_label = ScaledLabel(self.tr("Level:"), wrap=False)
        self.level_filter = QComboBox()
        self.level_filter.setAccessibleName(self.tr("Filter by level"))
        self.level_filter.setMinimumHeight(MIN_TOUCH_PX)
        self.level_filter.setMinimumWidth(180)
        self.level_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        level_label.setBuddy(self.level_filter)
        self.level_filter.addItem(self.tr("All levels"), None)
        for level in Level:
            self.level_filter.addItem(level_text(level), level.value)
        bar.addWidget(tag_label)
        bar.addWidget(self.tag_filter)
        bar.addSpacing(12)
        bar.addWidget(level_label)
        bar.addWidget(self.level_filter)
        bar.addStretch(1)
        self.open_button = self._button(
            self.tr("Open routine file…"),
            self.tr("Choose a routine file (.json) to add to the library"),
        )
        self.open_button.clicked.connect(self.open_file_dialog)
        bar.addWidget(self.open_button)
        outer.addLayout(bar)

        # what could not be read, and the drag-and-drop hint
        notes = QHBoxLayout()
        notes.setSpacing(12)
        self.hint_label = ScaledLabel(
            self.tr(
                "Tip: drag a routine file (.json) or a shared routine (.zip) onto this window to add it."
            ),
            factor=0.9,
            role="caption",
        )
        notes.addWidget(self.hint_label, 1)
        self.invalid_button = QPushButton()
        self.invalid_button.setFlat(True)
        self.invalid_button.setMinimumHeight(MIN_TOUCH_PX)
        self.invalid_button.setAccessibleDescription(
            self.tr("Show why some routine files in your folder could not be read")
        )
        self.invalid_button.clicked.connect(self.show_invalid_details)
        self.invalid_button.hide()
        notes.addWidget(self.invalid_button)
        outer.addLayout(notes)

        # the cards
        self.grid = CardGrid()
        self.empty_box = QWidget()
        empty = QVBoxLayout(self.empty_box)
        empty.setContentsMargins(0, 24, 0, 0)
        self.empty_label = ScaledLabel(self.tr("No routines match these filters."), factor=1.1)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        empty.addWidget(self.empty_label)
        self.clear_filters_button = self._button(self.tr("Show all routines"), "")
        self.clear_filters_button.clicked.connect(self.clear_filters)
        empty.addWidget(self.clear_filters_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.empty_box.hide()

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.grid)
        column.addWidget(self.empty_box)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(content)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setAccessibleName(self.tr("Routines"))
        outer.addWidget(self.scroll_area, 1)
        self.grid.current_changed.connect(self._ensure_visible)

        self.tag_filter.currentIndexChanged.connect(self._apply_filters)
        self.level_filter.currentIndexChanged.connect(self._apply_filters)
        if kiosk:
            self.title_label.setText(self.tr("Choose a routine"))
            for widget in (
                self.sensor_button,
                self.history_button,
                self.settings_button,
                self.open_button,
            ):
                widget.hide()
            self.hint_label.hide()
        self.refresh()

    def _arrange_header(self) -> None:
        spacing = self._header.horizontalSpacing()
        needed = (
            self.title_label.sizeHint().width()
            + sum(button.sizeHint().width() + spacing for button in self._header_buttons)
            + spacing
        )
        margins = self._outer.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        stacked = needed > room
        if stacked == self._header_stacked:
            return
        self._header_stacked = stacked
        self._header.addWidget(self.title_label, 0, 0, 1, 2 + len(self._header_buttons) * stacked)
        for column, button in enumerate(self._header_buttons, start=2):
            self._header.addWidget(button, int(stacked), column)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_header()

    def _on_app_font(self, _font: QFont) -> None:
        self._arrange_header()

    def _button(self, text: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(MIN_TOUCH_PX)
        button.setAccessibleName(text.rstrip("…"))
        if description:
            button.setAccessibleDescription(description)
            button.setToolTip(description)
        return button

    # --- public API ------------------------------------------------------------------------

    def show_sensor(self, name: str | None) -> None:
        """Name the sensor used for sessions (None: sessions run without one)."""
        text = self.tr("Sensor: {0}").format(name) if name else self.tr("Sensor: none")
        self.sensor_button.setText(text)
        self.sensor_button.setAccessibleName(text)
        self._arrange_header()

    @property
    def kiosk(self) -> bool:
        return self._kiosk

    def set_routines(self, routines: Sequence[LoadedRoutine]) -> None:
        """Kiosk mode: show exactly these routines."""
        self._kiosk_routines = list(routines)
        self.refresh()

    def refresh(self) -> None:
        """Scan the bundled and user routines again (files opened this session stay)."""
        if self._kiosk:
            self._invalid = []
            self._entries = [LibraryEntry(r.path, Source.BUNDLED, r) for r in self._kiosk_routines]
            self._update_invalid_note()
            self._fill_tag_filter()
            self._apply_filters()
            return
        scanned = list(scan_library())
        self._invalid = [e for e in scanned if not e.ok]
        seen = {e.path.resolve() for e in scanned if e.ok}
        self._entries = [e for e in scanned if e.ok]
        self._entries += [e for key, e in self._opened.items() if key not in seen]
        self._update_invalid_note()
        self._fill_tag_filter()
        self._apply_filters()

    def add_file(self, path: Path) -> bool:
        """Validate a routine file and give it a card; on problems show them and return False."""
        if self._kiosk:
            return False
        path = Path(path)
        imported = path.suffix.lower() == ".zip"
        if imported:  # a routine package: unpacked into the user's routines, then read
            try:
                path = import_package(path, user_routines_dir(), clip_check=clip_check())
            except PackageError as exc:
                QMessageBox.warning(self, self.tr("This routine was not added"), str(exc))
                return False
        loaded, problems = validate_file(path)
        if loaded is None:
            QMessageBox.warning(self, self.tr("This routine was not added"), "\n".join(problems))
            return False
        key = path.resolve()
        existing = {e.path.resolve(): e for e in self._entries}
        if key in existing and existing[key].source is not Source.FILE:
            entry = LibraryEntry(path, existing[key].source, loaded)
        else:
            entry = LibraryEntry(path, Source.USER if imported else Source.FILE, loaded)
            self._opened[key] = entry
        self._entries = [e for e in self._entries if e.path.resolve() != key] + [entry]
        self._fill_tag_filter()
        self.clear_filters()  # the new card must be visible
        self._apply_filters()
        for i, card in enumerate(self.grid.cards()):
            if card.loaded is loaded:
                self.grid.set_current(i, focus=self.isVisible())
        return True

    def loaded_for(self, path: Path) -> LoadedRoutine | None:
        """The routine the library holds for ``path`` (bundled, user or opened), if any."""
        key = Path(path).resolve()
        for entry in self._entries:
            if entry.loaded is not None and entry.path.resolve() == key:
                return entry.loaded
        return None

    def cards(self) -> list[RoutineCard]:
        """The cards shown now (after filtering), in order."""
        return self.grid.cards()

    def entries(self) -> list[LibraryEntry]:
        """Every valid routine known to the library, shown or filtered out."""
        return list(self._entries)

    def invalid_entries(self) -> list[LibraryEntry]:
        return list(self._invalid)

    def set_tag_filter(self, tag: str | None) -> None:
        index = self.tag_filter.findData(tag)
        self.tag_filter.setCurrentIndex(max(0, index))

    def set_level_filter(self, level: Level | None) -> None:
        index = self.level_filter.findData(level.value if level else None)
        self.level_filter.setCurrentIndex(max(0, index))

    def clear_filters(self) -> None:
        self.tag_filter.setCurrentIndex(0)
        self.level_filter.setCurrentIndex(0)

    def focus_cards(self) -> None:
        """Put the keyboard focus on the current card (e.g. when the page is shown)."""
        card = self.grid.current_card()
        if card is not None:
            card.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_file_dialog(self) -> None:
        if self._kiosk:
            return
        start = user_routines_dir()
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Open routine file"),
            str(start if start.is_dir() else Path.home()),
            self.tr("Routine files and packages (*.json *.zip)"),
        )
        for name in names:
            self.add_file(Path(name))

    def show_invalid_details(self) -> None:
        lines = [str(p) for e in self._invalid for p in e.problems]
        QMessageBox.information(self, self.tr("Routines that could not be read"), "\n".join(lines))

    # --- filtering -------------------------------------------------------------------------

    def _fill_tag_filter(self) -> None:
        current = self.tag_filter.currentData()
        tags = sorted({t for e in self._entries if e.loaded for t in e.loaded.routine.tags})
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All tags"), None)
        for tag in tags:
            self.tag_filter.addItem(tag_text(tag), tag)
        self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(current)))
        self.tag_filter.blockSignals(False)

    def _apply_filters(self) -> None:
        tag = self.tag_filter.currentData()
        level = self.level_filter.currentData()
        cards: list[RoutineCard] = []
        for entry in self._entries:
            loaded = entry.loaded
            if loaded is None:
                continue
            routine = loaded.routine
            if tag is not None and tag not in routine.tags:
                continue
            if level is not None and routine.level.value != level:
                continue
            card = RoutineCard(loaded, entry.source)
            card.activated.connect(self.routine_opened)
            cards.append(card)
        self.grid.set_cards(cards)
        self._update_focus_proxy()
        filtered = bool(self._entries) and not cards
        self.empty_box.setVisible(not cards)
        self.clear_filters_button.setVisible(filtered)
        if filtered:
            empty = self.tr("No routines match these filters.")
        elif self._kiosk:
            empty = self.tr("No routines are available right now.")
        else:
            empty = self.tr("No routines yet. Open a routine file to add one.")
        self.empty_label.setText(empty)

    def _update_invalid_note(self) -> None:
        count = len(self._invalid)
        if count == 0:
            self.invalid_button.hide()
            return
        text = (
            self.tr("1 routine could not be read (details)")
            if count == 1
            else self.tr("{n} routines could not be read (details)").format(n=count)
        )
        self.invalid_button.setText(text)
        self.invalid_button.setAccessibleName(text)
        self.invalid_button.show()

    def _ensure_visible(self, card: RoutineCard | None) -> None:
        if card is not None:
            self.scroll_area.ensureWidgetVisible(card, 24, 24)
        self._update_focus_proxy()

    def _update_focus_proxy(self) -> None:
        """``setFocus()`` on the page lands on the current card (or the Open button)."""
        card = self.grid.current_card()
        self.setFocusProxy(card if card is not None else self.open_button)

    # --- drag and drop ---------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self._kiosk and event.mimeData().hasUrls() and _json_files(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not self._kiosk and event.mimeData().hasUrls() and _json_files(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = _json_files(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not files or self._kiosk:
            event.ignore()
            return
        event.acceptProposedAction()
        for path in files:
            self.add_file(path)
