"""Soak: a simulated 24-hour kiosk day on the fake clock, in a few seconds of wall time.

Scripted visitors (seeded RNG) arrive at random, touch the attract screen, browse, start
routines, pause, resume, stop, finish or walk away; the kiosk idles back to the attract screen
and stops abandoned sessions; staff try wrong and right PINs; now and then a view raises.
The day must end with no unhandled exception, and after a two-hour warm-up the live Qt objects
and the Python heap (tracemalloc) must stay within the bounds below; the rotating log keeps the
log folder bounded.
"""

from __future__ import annotations

import gc
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from glute_coach.storage.kiosk_log import LOG_FILE, install_kiosk_logging, log_folder_bytes
from glute_coach.storage.paths import user_log_dir
from glute_coach.ui.kiosk.shell import KioskWindow
from tests.ui.kiosk_support import PIN, Kiosk, close_kiosk, make_folder, open_kiosk

DAY_S = 24 * 3600.0
WARM_UP_S = 2 * 3600.0
SEED = 20240607
# Bounds after warm-up (measured: see the report in the test's output).
MAX_OBJECT_GROWTH = 25  # live QObjects owned by the window, and widgets in the app
MAX_HEAP_GROWTH_BYTES = 3 * 1024 * 1024  # tracemalloc, current traced memory
LOG_MAX_BYTES = 4_000
LOG_BACKUPS = 3


def _flush() -> None:
    """Run deferred deletions and collect garbage, so counts measure what is really alive."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
    gc.collect()


def _counts(window: KioskWindow) -> tuple[int, int]:
    """Live objects with the kiosk in the same state each time: attract screen shown, the
    detail page holding the first routine (its content depends on the routine it shows)."""
    window.show_attract()
    window.detail.show_routine(window.folder.routines[0])
    _flush()
    return len(window.findChildren(QObject)), len(QApplication.allWidgets())


class Day:
    """The simulated day: one visitor or staff member after another."""

    def __init__(self, kiosk: Kiosk, qtbot: QtBot) -> None:
        self.k = kiosk
        self.win = kiosk.window
        self.qtbot = qtbot
        self.rng = random.Random(SEED)
        self.stats: dict[str, int] = {}
        self.errors_injected = 0

    def count(self, what: str) -> None:
        self.stats[what] = self.stats.get(what, 0) + 1

    @property
    def now(self) -> float:
        return self.k.clock.now()

    def wait(self, seconds: float, step: float = 45.0) -> None:
        """Nobody touches anything for ``seconds`` (sessions run on)."""
        end = self.now + seconds
        while self.now < end:
            self.k.clock.advance(min(step, end - self.now))
            controller = self.win.controller
            if controller is not None:
                controller.tick()
            self.win.heartbeat()
        QApplication.processEvents()

    def touch(self, widget: object) -> None:
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def mash(self) -> None:
        keys = [
            Qt.Key.Key_Space,
            Qt.Key.Key_Right,
            Qt.Key.Key_Left,
            Qt.Key.Key_Escape,
            Qt.Key.Key_Return,
            Qt.Key.Key_Tab,
            Qt.Key.Key_Q,
            Qt.Key.Key_F4,
        ]
        mods = [
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.AltModifier,
            Qt.KeyboardModifier.ControlModifier,
        ]
        for _ in range(self.rng.randint(3, 12)):
            target = QApplication.focusWidget() or self.win.current_page() or self.win
            self.qtbot.keyClick(target, self.rng.choice(keys), self.rng.choice(mods))
        self.count("key mashes")

    # --- visitors ---------------------------------------------------------------------------

    def visitor(self) -> None:
        self.count("visitors")
        for _ in range(self.rng.choice([1, 1, 1, 2, 6])):  # some tap repeatedly
            self.touch(self.win.attract)
        if self.win.current_page() is not self.win.library:
            self.win.show_attract()
            self.touch(self.win.attract)
        QApplication.processEvents()
        if self.rng.random() < 0.1:
            self.count("walked away at the library")
            return
        cards = self.win.library.cards()
        self.touch(self.rng.choice(cards))
        if self.rng.random() < 0.15:
            self.mash()
        if self.win.current_page() is not self.win.detail:
            return
        if self.rng.random() < 0.1:
            self.count("walked away at the detail page")
            return
        self.win.detail.set_pain(self.rng.randint(0, 5))
        self.touch(self.win.detail.start_button)
        controller = self.win.controller
        if controller is None:
            return
        self.count("sessions")
        self.session(controller)

    def session(self, controller: object) -> None:
        player = self.win.current_page()
        plan = self.rng.random()
        minutes = self.rng.uniform(0.5, 8.0)
        end = self.now + minutes * 60
        while self.now < end and self.win.controller is controller:
            self.k.clock.advance(3.0)
            controller.tick()  # type: ignore[attr-defined]
            self.win.heartbeat()
            roll = self.rng.random()
            if roll < 0.01:
                self.touch(player.play_button)  # type: ignore[attr-defined]  # pause / resume
            elif roll < 0.015:
                self.touch(player.skip_button)  # type: ignore[attr-defined]
            elif roll < 0.02:
                self.touch(self.win)  # a stray touch: input, nothing else
        if self.win.controller is not controller:
            self.count("sessions finished")
            if self.rng.random() < 0.5 and self.win.current_page() is self.win.thanks:
                self.touch(self.win.thanks.done_button)
            return
        if plan < 0.35:
            self.count("sessions stopped")
            self.touch(player.stop_button)  # type: ignore[attr-defined]
            self.touch(player.confirm_stop_button)  # type: ignore[attr-defined]
        elif plan < 0.55:
            self.count("sessions paused and abandoned")
            self.touch(player.play_button)  # type: ignore[attr-defined]
        else:
            self.count("sessions abandoned")

    # --- staff and faults -------------------------------------------------------------------

    def staff(self) -> None:
        self.count("staff visits")
        self.k.clock.advance(400)  # past any lock from earlier wrong PINs
        wrong = self.rng.randint(0, 2)
        self.k.prompt.answers = [f"{self.rng.randint(0, 9999):04d}" for _ in range(wrong)]
        self.k.prompt.answers = [a if a != PIN else "0000" for a in self.k.prompt.answers]
        for _ in range(wrong):
            self.win.staff_access()
            self.count("wrong PINs")
            assert self.win.current_page() is not self.win.staff
        self.k.clock.advance(400)
        self.k.prompt.answers = [PIN]
        self.win.staff_access()
        assert self.win.current_page() is self.win.staff
        self.count("right PINs")
        if self.rng.random() < 0.5:
            self.touch(self.win.staff.reload_button)
        self.touch(self.win.staff.back_button)

    def fault(self) -> None:
        """A view raises in the middle of things (the kiosk must recover by itself)."""
        self.errors_injected += 1

        def broken() -> None:
            raise RuntimeError(f"injected fault {self.errors_injected}")

        self.win.attract.start_requested.connect(broken)
        with self.qtbot.waitSignal(self.win.recovered, timeout=2000):
            self.touch(self.win.attract)
        self.win.attract.start_requested.disconnect(broken)
        self.count("faults recovered")

    def run(self, on_warm: Callable[[], None]) -> None:
        start = self.now
        warmed = False
        next_staff = start + self.rng.uniform(1, 3) * 3600
        next_fault = start + self.rng.uniform(2, 5) * 3600
        while self.now - start < DAY_S:
            if not warmed and self.now - start >= WARM_UP_S:
                on_warm()
                warmed = True
            if self.now >= next_staff:
                self.staff()
                next_staff = self.now + self.rng.uniform(2, 4) * 3600
            elif self.now >= next_fault:
                self.wait(120)
                self.fault()
                next_fault = self.now + self.rng.uniform(3, 6) * 3600
            else:
                self.visitor()
            # Until the next person comes: idle timeouts, abandoned sessions stopped.
            self.wait(self.rng.expovariate(1 / (15 * 60)) + 60)
            assert self.win.isVisible()


@pytest.mark.slow
def test_a_simulated_day(tmp_path: Path, qtbot: QtBot) -> None:
    wall = time.monotonic()
    kiosk = open_kiosk(make_folder(tmp_path / "kiosk"), tmp_path / "pin.json")
    install_kiosk_logging(user_log_dir(), max_bytes=LOG_MAX_BYTES, backups=LOG_BACKUPS)
    unhandled: list[BaseException] = []
    shell_hook = sys.excepthook

    def watching_hook(t: type[BaseException], e: BaseException, tb: object) -> None:
        if "injected fault" not in str(e):
            unhandled.append(e)
        shell_hook(t, e, tb)  # type: ignore[arg-type]

    sys.excepthook = watching_hook
    day = Day(kiosk, qtbot)
    baseline: dict[str, float] = {}

    def warm() -> None:
        _flush()
        objects, widgets = _counts(kiosk.window)
        baseline.update(objects=objects, widgets=widgets, heap=tracemalloc.get_traced_memory()[0])

    tracemalloc.start()
    try:
        day.run(warm)
        kiosk.window.show_attract()
        day.wait(60)
        _flush()
        objects, widgets = _counts(kiosk.window)
        heap = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
        sys.excepthook = shell_hook
        close_kiosk(kiosk)
    log_files = sorted(p.name for p in user_log_dir().glob(f"{LOG_FILE}*"))
    log_bytes = log_folder_bytes(user_log_dir())
    report = (
        f"soak: {day.stats}; objects {baseline['objects']:.0f} -> {objects}, widgets "
        f"{baseline['widgets']:.0f} -> {widgets}, heap {baseline['heap'] / 1e6:.2f} MB -> "
        f"{heap / 1e6:.2f} MB; log files {log_files} ({log_bytes} bytes); "
        f"wall {time.monotonic() - wall:.1f} s"
    )
    print(report)
    assert unhandled == [], report
    assert day.stats.get("sessions", 0) >= 30, report
    assert day.stats.get("right PINs", 0) >= 4, report
    assert day.stats.get("faults recovered", 0) >= 2, report
    assert objects - baseline["objects"] <= MAX_OBJECT_GROWTH, report
    assert widgets - baseline["widgets"] <= MAX_OBJECT_GROWTH, report
    assert heap - baseline["heap"] <= MAX_HEAP_GROWTH_BYTES, report
    assert f"{LOG_FILE}.1" in log_files, report  # it did rotate ...
    assert len(log_files) <= LOG_BACKUPS + 1, report  # ... and stayed bounded
    assert log_bytes <= (LOG_BACKUPS + 1) * LOG_MAX_BYTES, report
