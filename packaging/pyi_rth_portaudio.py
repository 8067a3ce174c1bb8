"""PyInstaller runtime hook: sounddevice finds the PortAudio the bundle carries.

On Linux sounddevice asks ``ctypes.util.find_library("portaudio")``, which only knows the
system's libraries; the bundle carries libportaudio.so.2 (collected by the sounddevice hook), so
point it there and the frozen app plays sound without the libportaudio2 package.
"""

import ctypes.util
import os
import sys

_find_library = ctypes.util.find_library


def _find_bundled_first(name: str) -> str | None:
    if name == "portaudio":
        bundled = os.path.join(getattr(sys, "_MEIPASS", ""), "libportaudio.so.2")
        if os.path.isfile(bundled):
            return bundled
    return _find_library(name)


if sys.platform.startswith("linux"):
    ctypes.util.find_library = _find_bundled_first
