"""Clinic mode's presenter layout: the client's view fullscreen on a second screen.

The therapist's console stays on the primary screen; the client's player goes fullscreen on the
largest other screen, or into an ordinary window beside the console when there is only one.
:class:`Presenter` follows screens being plugged in, unplugged or made primary and moves the
client's window accordingly. It never touches the session: the player keeps drawing the same
controller's frames wherever its window goes, so a screen that disappears mid-session only
moves the view.

Where the view goes is decided by :func:`client_screen`, a pure function of the screens'
names and geometries, so it is tested without real screens.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

CLIENT_ASPECT = 16 / 9
CLIENT_MIN_WIDTH = 640
CLIENT_MAX_WIDTH = 1280


@dataclass(frozen=True)
class ScreenInfo:
    """What :func:`client_screen` needs of a screen: its name and (x, y, width, height)."""

    name: str
    geometry: tuple[int, int, int, int]

    @property
    def area(self) -> int:
        return max(self.geometry[2], 0) * max(self.geometry[3], 0)

    @classmethod
    def of(cls, screen: QScreen) -> ScreenInfo:
        g = screen.geometry()
        return cls(screen.name(), (g.x(), g.y(), g.width(), g.height()))


def client_screen(screens: Sequence[ScreenInfo], primary: ScreenInfo) -> ScreenInfo | None:
    """The screen for the client's view: the largest one that is not the primary.

    None when there is no other screen. A screen showing exactly the primary's area (a mirror,
    e.g. a projector set to duplicate) is not another screen. Among equally large screens the
    first listed wins, so the choice does not flip between calls.
    """
    others = [s for s in screens if s.geometry != primary.geometry]
    if not others:
        return None
    return max(others, key=lambda s: s.area)  # max keeps the first of equals


def beside_rect(area: QRect, console: QRect | None) -> QRect:
    """Where the client's window goes on a screen it shares with the console (16:9).

    Right of the console when there is room, else left of it, else against the screen's right
    edge (over part of the console, which the therapist can move).
    """
    width = max(min(area.width() // 2, CLIENT_MAX_WIDTH), min(CLIENT_MIN_WIDTH, area.width()))
    height = min(round(width / CLIENT_ASPECT), area.height())
    y = area.top() + (area.height() - height) // 2
    x = area.right() + 1 - width
    if console is not None:
        if area.right() - console.right() >= width:
            x = console.right() + 1
        elif console.left() - area.left() >= width:
            x = console.left() - width
    return QRect(x, y, width, height)


class ClientWindow(QWidget):
    """The client's view in a window of its own: fullscreen on a screen, or a normal window.

    Closing it only hides it (the session goes on; the console can show it again), until
    :meth:`dispose` closes it for good when the session page goes away.
    """

    dismissed_changed = Signal(bool)  # True: closed by hand (hidden), False: shown again

    def __init__(
        self,
        content: QWidget,
        *,
        beside: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.content = content
        self.beside = beside
        self.dismissed = False
        self._disposed = False
        self._screen: QScreen | None = None  # the screen it is fullscreen on (None: a window)
        self._windowed_once = False
        self.setObjectName("clientWindow")
        self.setWindowTitle(self.tr("Glute Coach — client view"))
        self.setAccessibleName(self.tr("Client view"))
        # The therapist keeps the keyboard: showing the client's view never takes the focus.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(content)

    # --- where it is -----------------------------------------------------------------------

    @property
    def target_screen(self) -> QScreen | None:
        """The screen it is fullscreen on; None while it is an ordinary window."""
        return self._screen

    def is_presenting(self) -> bool:
        """Fullscreen on a screen of its own."""
        return self._screen is not None

    def show_on(self, screen: QScreen | None, *, home: QScreen | None = None) -> None:
        """Fullscreen and frameless on ``screen``; with None, a normal window beside the console.

        ``home`` is the screen that window goes on (default: the console's, else the primary).
        """
        if self._disposed:
            return
        was_dismissed = self.dismissed
        self.dismissed = False
        if screen is not None:
            self._present_on(screen)
        else:
            self._show_windowed(home)
        if was_dismissed:
            self.dismissed_changed.emit(False)

    def _present_on(self, screen: QScreen) -> None:
        if screen is self._screen and self.isVisible() and self.isFullScreen():
            return
        if self.isFullScreen():
            self.showNormal()  # leave fullscreen before changing screens
        self._set_frameless(True)
        self._screen = screen
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()

    def _show_windowed(self, home: QScreen | None) -> None:
        entering = self._screen is not None or not self._windowed_once
        self._screen = None
        if self.isFullScreen():
            self.showNormal()
        self._set_frameless(False)
        if entering:
            # Moving the geometry onto the home screen moves the window there too.
            home = home or self._home_screen()
            if home is not None:
                console = self.beside.window().frameGeometry() if self.beside else None
                self.setGeometry(beside_rect(home.availableGeometry(), console))
            self._windowed_once = True
        self.show()
        self.raise_()

    def _home_screen(self) -> QScreen | None:
        if self.beside is not None:
            return self.beside.window().screen()
        return QGuiApplication.primaryScreen()

    def _set_frameless(self, on: bool) -> None:
        flag = Qt.WindowType.FramelessWindowHint
        if bool(self.windowFlags() & flag) != on:
            self.setWindowFlag(flag, on)  # hides the window; the caller shows it again

    # --- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._disposed:
            super().closeEvent(event)
            return
        event.ignore()  # the session goes on; the console can show the view again
        self.hide()
        if not self.dismissed:
            self.dismissed = True
            self.dismissed_changed.emit(True)

    def dispose(self) -> None:
        """Close for good (the session page is going away); call ``deleteLater`` after it."""
        self._disposed = True
        self.close()


class Presenter(QObject):
    """Keeps the client's window on the right screen as screens come, go or change roles."""

    placed = Signal(object)  # the QScreen the view is fullscreen on, or None (a window)

    def __init__(
        self,
        client_window: ClientWindow,
        app: QGuiApplication | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        instance = app or QGuiApplication.instance()
        if not isinstance(instance, QGuiApplication):
            raise RuntimeError("the presenter needs a running QGuiApplication")
        self.client = client_window
        self._app: QGuiApplication = instance
        self._closed = False
        self._app.screenAdded.connect(self._on_screen_added)
        self._app.screenRemoved.connect(self._on_screen_removed)
        self._app.primaryScreenChanged.connect(self._on_primary_changed)

    def choose(self, exclude: QScreen | None = None) -> tuple[QScreen | None, QScreen | None]:
        """(the client's screen or None, the primary screen), leaving out ``exclude``."""
        screens = [s for s in self._app.screens() if s is not exclude]
        primary: QScreen | None = self._app.primaryScreen()
        if primary is None or primary is exclude or not any(s is primary for s in screens):
            primary = screens[0] if screens else None
        if primary is None:
            return None, None
        infos = [ScreenInfo.of(s) for s in screens]
        chosen = client_screen(infos, ScreenInfo.of(primary))
        if chosen is None:
            return None, primary
        return next(s for s, info in zip(screens, infos, strict=True) if info is chosen), primary

    def place(self, exclude: QScreen | None = None, *, reveal: bool = False) -> QScreen | None:
        """Put the client's view where it belongs now; the screen it is fullscreen on, or None.

        A view the therapist closed stays hidden unless ``reveal`` (see ``show_client``).
        """
        if self._closed:
            return None
        screen, primary = self.choose(exclude)
        if reveal or not self.client.dismissed:
            home = self._console_screen(exclude) or primary
            self.client.show_on(screen, home=home)
        self.placed.emit(screen)
        return screen

    def show_client(self) -> QScreen | None:
        """Show the client's view again (after it was closed) where it belongs."""
        if self._closed:
            return None
        return self.place(reveal=True)

    def close(self) -> None:
        """Stop following the screens. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        for signal, slot in (
            (self._app.screenAdded, self._on_screen_added),
            (self._app.screenRemoved, self._on_screen_removed),
            (self._app.primaryScreenChanged, self._on_primary_changed),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)

    def _console_screen(self, exclude: QScreen | None) -> QScreen | None:
        beside = self.client.beside
        if beside is None:
            return None
        screen = beside.window().screen()
        live = [s for s in self._app.screens() if s is not exclude]
        return screen if any(s is screen for s in live) else None

    def _on_screen_added(self, screen: QScreen) -> None:
        self.place()

    def _on_screen_removed(self, screen: QScreen) -> None:
        # Qt has already taken it off the list; leave it out in case a platform has not.
        self.place(exclude=screen)

    def _on_primary_changed(self, screen: QScreen) -> None:
        self.place()
