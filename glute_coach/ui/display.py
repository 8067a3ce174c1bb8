"""Decide, before Qt is imported, whether a window can be shown at all.

Without a platform plugin that can connect, Qt aborts the whole process; a person should get one
clear line instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NO_DISPLAY_MESSAGE = (
    "no display to open a window on. Run it on a desktop, set QT_QPA_PLATFORM=offscreen to run "
    "without a screen, or use 'glute-coach play ROUTINE' in a terminal."
)
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal", "vnc", "eglfs", "linuxfb"})


def _x11_socket_exists(display: str) -> bool:
    host, _, rest = display.partition(":")
    if host not in ("", "unix"):
        return True  # a remote display: let Qt try
    number = rest.split(".")[0]
    return number.isdigit() and Path(f"/tmp/.X11-unix/X{number}").exists()


def display_problem() -> str | None:
    """A one-line reason no window can be opened here, or None when one can."""
    if sys.platform != "linux":
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if platform in HEADLESS_PLATFORMS:
        return None
    wayland = os.environ.get("WAYLAND_DISPLAY")
    x11 = os.environ.get("DISPLAY")
    if platform == "wayland":
        return None if wayland else NO_DISPLAY_MESSAGE
    if platform == "xcb":
        return None if x11 and _x11_socket_exists(x11) else NO_DISPLAY_MESSAGE
    if wayland or (x11 and _x11_socket_exists(x11)):
        return None
    return NO_DISPLAY_MESSAGE
