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

log = logging.getLogger("glute_coach.screensaver")

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"
INTERFACE = "org.freedesktop.ScreenSaver"
APP_NAME = "Glute Coach"

_ES_CONTINUOUS = 0x80000000
_ES_DISPLAY_REQUIRED = 0x00000002


class ScreenAwake:
    """``inhibit()`` while a session runs; ``release()`` after. Safe to call in any order."""

    def __init__(self) -> None:
        self._cookie: int | None = None
        self._mac_assertion: int | None = None
        self._windows_active = False

    @property
    def active(self) -> bool:
        return self._cookie is not None or self._mac_assertion is not None or self._windows_active

    def inhibit(self, reason: str = "A routine is running") -> None:
        if self.active:
            return
        if sys.platform.startswith("linux"):
            self._cookie = _dbus_inhibit(reason)
        elif sys.platform == "win32":
            self._windows_active = _windows_set(_ES_CONTINUOUS | _ES_DISPLAY_REQUIRED)
        elif sys.platform == "darwin":
            self._mac_assertion = _mac_inhibit(reason)

    def release(self) -> None:
        if self._cookie is not None:
            _dbus_uninhibit(self._cookie)
            self._cookie = None
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


def _screensaver_call(method: str, signature: str, *args: object) -> tuple[object, ...] | None:
    """One call to the screen saver on the session bus; None when there is no bus or service.

    jeepney types the arguments exactly (the spec's cookie is a uint32, which Qt's Python
    bindings cannot send).
    """
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection
    from jeepney.wrappers import DBusErrorResponse

    address = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)
    try:
        with open_dbus_connection(bus="SESSION") as connection:
            reply = connection.send_and_get_reply(
                new_method_call(address, method, signature, args), timeout=2
            )
    except (OSError, KeyError, ValueError, TimeoutError, DBusErrorResponse) as exc:
        # No bus (KeyError: no address), no service, or a refusal: the screen may sleep.
        log.debug("screen saver %s unavailable: %s", method, exc)
        return None
    if reply.header.message_type.name == "error":
        log.debug("screen saver refused %s: %s", method, reply.body)
        return None
    return tuple(reply.body)


def _dbus_inhibit(reason: str) -> int | None:
    body = _screensaver_call("Inhibit", "ss", APP_NAME, reason)
    if not body or not isinstance(body[0], int):
        return None
    return body[0]


def _dbus_uninhibit(cookie: int) -> None:
    _screensaver_call("UnInhibit", "u", cookie)


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
        ok = iokit.IOPMAssertionCreateWithName(kind, 255, name, ctypes.byref(assertion)) == 0
        return assertion.value if ok else None
    except OSError:
        return None


def _mac_release(assertion: int) -> None:
    try:
        iokit = ctypes.cdll.LoadLibrary("/System/Library/Frameworks/IOKit.framework/IOKit")
        iokit.IOPMAssertionRelease(ctypes.c_uint32(assertion))
    except OSError:
        return
