"""Keys and screen for the terminal player: raw key reads when a terminal is attached."""

from __future__ import annotations

import os
import select
import sys
from types import TracebackType
from typing import Any, TextIO

try:  # POSIX terminals; elsewhere the player runs without keys
    import termios
    import tty
except ImportError:  # pragma: no cover - Windows
    termios = None  # type: ignore[assignment]
    tty = None  # type: ignore[assignment]

ALT_SCREEN_ON, ALT_SCREEN_OFF = "\x1b[?1049h\x1b[?25l", "\x1b[?25h\x1b[?1049l"
HOME_AND_CLEAR = "\x1b[H\x1b[J"


class Terminal:
    """Reads single keys without echo and owns the screen while a session plays.

    With no terminal attached (a pipe, CI, a service), ``interactive`` is False: no keys are read
    and nothing is drawn in place, so callers print plain lines instead.
    """

    def __init__(self, stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.interactive = bool(
            termios is not None
            and self.stdin is not None
            and self.stdin.isatty()
            and self.stdout.isatty()
            and os.environ.get("TERM", "dumb") != "dumb"
        )
        self._saved: list[Any] | None = None

    def __enter__(self) -> Terminal:
        if self.interactive:
            fd = self.stdin.fileno()
            self._saved = termios.tcgetattr(fd)
            tty.setcbreak(fd)
            self.stdout.write(ALT_SCREEN_ON)
            self.stdout.flush()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.interactive and self._saved is not None:
            self.stdout.write(ALT_SCREEN_OFF)
            self.stdout.flush()
            termios.tcsetattr(self.stdin.fileno(), termios.TCSADRAIN, self._saved)

    def read_keys(self, timeout_s: float) -> str:
        """Keys typed within ``timeout_s`` (waits at most that long: it paces the display)."""
        if not self.interactive:
            return ""
        ready, _, _ = select.select([self.stdin], [], [], max(timeout_s, 0.0))
        if not ready:
            return ""
        return os.read(self.stdin.fileno(), 64).decode("utf-8", "ignore")

    def draw(self, text: str) -> None:
        self.stdout.write(HOME_AND_CLEAR + text)
        self.stdout.flush()
