"""Qt test fixtures: every UI test fails if it leaves a timer running or a thread alive."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

_started: weakref.WeakSet[QTimer] = weakref.WeakSet()
_original_start = QTimer.start


def _tracking_start(self: QTimer, *args: object) -> None:
    _started.add(self)
    _original_start(self, *args)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def no_leaked_timers_or_threads(monkeypatch: pytest.MonkeyPatch, qapp: object) -> Iterator[None]:
    """napari-style leak checks: what a test starts, it must stop (views call close())."""
    monkeypatch.setattr(QTimer, "start", _tracking_start)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style_before = app.styleSheet()
    _started.clear()
    threads_before = set(threading.enumerate())
    yield
    leaked_timers = []
    for timer in list(_started):
        try:
            if timer.isActive():
                leaked_timers.append(timer)
        except RuntimeError:  # its C++ object is gone: not leaked
            continue
    for timer in leaked_timers:
        timer.stop()
    if app.styleSheet() != style_before:  # a test that themed the app: the next starts plain
        app.setStyleSheet(style_before)
    leaked_threads = [
        t
        for t in threading.enumerate()
        if t not in threads_before and t.is_alive() and not t.daemon
    ]
    assert not leaked_timers, f"{len(leaked_timers)} QTimer(s) still running after the test"
    assert not leaked_threads, f"threads still running after the test: {leaked_threads}"
