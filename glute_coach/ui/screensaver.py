"""Keep the screen awake while a routine runs, and let it sleep again afterwards.

Linux: ``org.freedesktop.ScreenSaver.Inhibit`` on the session bus (KDE, GNOME, Xfce and others
implement it). Windows: ``SetThreadExecutionState``. macOS: an IOKit power assertion. Where none
is available nothing happens: a missing bus or service is never an error.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from types import TracebackType
from typing import Any

log = logging.getLogger("glute_coach.screensaver")

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"
INTERFACE = "org.freedesktop.ScreenSaver"
APP_NAME = "Glute Coach"

_ES_CONTINUOUS = 0x80000000
_ES_SYSTEM_REQUIRED = 0x00000001
_ES_DISPLAY_REQUIRED = 0x00000002
KEEP_AWAKE_FLAGS = _ES_CONTINUOUS | _ES_SYSTEM_REQUIRED | _ES_DISPLAY_REQUIRED

_told: set[str] = set()


def _debug_once(key: str, message: str, *args: object) -> None:
    """Absence is normal (no desktop, no service): say so once, at debug level."""
    if key not in _told:
        _told.add(key)
        log.debug(message, *args)


class ScreenAwake:
    """``inhibit()`` while a session runs; ``release()`` after. Safe to call in any order.

    Also a context manager: ``with ScreenAwake(): ...``.
    """

    def __init__(self) -> None:
        self._dbus: _ScreenSaverBus | None = None
        self._mac_assertion: int | None = None
        self._windows_active = False

    @property
    def active(self) -> bool:
        return self._dbus is not None or self._mac_assertion is not None or self._windows_active

    def inhibit(self, reason: str = "A routine is running") -> None:
        if self.active:
            return
        if sys.platform.startswith("linux"):
            self._dbus = _ScreenSaverBus.inhibit(reason)
        elif sys.platform == "win32":
            self._windows_active = _windows_set(KEEP_AWAKE_FLAGS)
        elif sys.platform == "darwin":
            self._mac_assertion = _mac_inhibit(reason)

    def release(self) -> None:
        if self._dbus is not None:
            self._dbus.release()
            self._dbus = None
        if self._windows_active:
            _windows_set(_ES_CONTINUOUS)
            self._windows_active = False
        if self._mac_assertion is not None:
            _mac_release(self._mac_assertion)
            self._mac_assertion = None

    def __enter__(self) -> ScreenAwake:
        self.inhibit()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


class _ScreenSaverBus:
    """An inhibition held on its own session-bus connection.

    Screen savers drop an inhibition when the connection that asked for it goes away (so a
    crashed app cannot keep the screen on forever); the connection therefore stays open until
    ``release``. jeepney types the arguments exactly: the spec's cookie is a uint32, and
    PySide6's QtDBus can only send a Python int as int32, which the services reject.
    """

    TIMEOUT_S = 2.0

    def __init__(self, connection: Any, cookie: int) -> None:
        self._connection = connection
        self.cookie = cookie

    @property
    def unique_name(self) -> str:
        return str(self._connection.unique_name)

    @classmethod
    def inhibit(cls, reason: str) -> _ScreenSaverBus | None:
        try:
            from jeepney.io.blocking import open_dbus_connection
        except ImportError:
            _debug_once("jeepney", "jeepney is not installed; the screen may sleep")
            return None
        try:
            connection = open_dbus_connection(bus="SESSION")
        except (OSError, KeyError, ValueError) as exc:  # KeyError: no bus address at all
            _debug_once("bus", "no session bus, the screen may sleep: %s", exc)
            return None
        body = cls._call(connection, "Inhibit", "ss", APP_NAME, reason)
        if not body or not isinstance(body[0], int):
            connection.close()
            return None
        return cls(connection, body[0])

    def release(self) -> None:
        try:
            self._call(self._connection, "UnInhibit", "u", self.cookie)
        finally:
            self._connection.close()  # closing alone also ends the inhibition

    @classmethod
    def _call(cls, connection: Any, method: str, signature: str, *args: object) -> Any:
        from jeepney import DBusAddress, new_method_call
        from jeepney.wrappers import DBusErrorResponse

        address = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)
        try:
            reply = connection.send_and_get_reply(
                new_method_call(address, method, signature, args), timeout=cls.TIMEOUT_S
            )
        except (OSError, TimeoutError, DBusErrorResponse) as exc:
            _debug_once(method, "screen saver %s failed: %s", method, exc)
            return None
        if reply.header.message_type.name == "error":  # no such service, or a refusal
            _debug_once(method, "screen saver refused %s: %s", method, reply.body)
            return None
        return tuple(reply.body)


def _windows_set(flags: int) -> bool:
    try:
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        return bool(kernel32.SetThreadExecutionState(ctypes.c_uint(flags)))
    except (AttributeError, OSError):
        return False


def _mac_inhibit(reason: str) -> int | None:
    try:
        iokit = ctypes.cdll.LoadLibrary("/System/Library/Frameworks/IOKit.framework/IOKit")
        cf = ctypes.cdll.LoadLibrary(
            "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"
        )
        cf.CFStringCreateWithCString.restype = ctypes.c_void_p
        cf.CFStringCreateWithCString.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32]
        kind = cf.CFStringCreateWithCString(None, b"PreventUserIdleDisplaySleep", 0x08000100)
        name = cf.CFStringCreateWithCString(None, reason.encode(), 0x08000100)
        assertion = ctypes.c_uint32(0)
        iokit.IOPMAssertionCreateWithName.argtypes = [
            ctypes.c_void_p,
            ctypes.c_uint32,
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_uint32),
        ]
        level_on = 255  # kIOPMAssertionLevelOn
        ok = iokit.IOPMAssertionCreateWithName(kind, level_on, name, ctypes.byref(assertion)) == 0
        cf.CFRelease.argtypes = [ctypes.c_void_p]
        for created in (kind, name):
            if created:
                cf.CFRelease(created)
        return assertion.value if ok else None
    except (AttributeError, OSError) as exc:
        _debug_once("iokit", "cannot keep the display awake: %s", exc)
        return None


def _mac_release(assertion: int) -> None:
    try:
        iokit = ctypes.cdll.LoadLibrary("/System/Library/Frameworks/IOKit.framework/IOKit")
        iokit.IOPMAssertionRelease(ctypes.c_uint32(assertion))
    except (AttributeError, OSError):
        return
