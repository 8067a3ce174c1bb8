"""Shared pieces of the kiosk tests: a folder of routines, a scripted PIN prompt, the window."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from glute_coach.core.clock import ManualClock
from glute_coach.storage.kiosk_pin import PinStore
from glute_coach.storage.settings import Settings
from glute_coach.ui.kiosk.shell import KioskWindow, build_kiosk_window
from tests.conftest import ROUTINES

PIN = "2468"

SHORT = {
    "format_version": 1,
    "id": "kiosk-short",
    "title": "Kiosk short",
    "summary": "Two quick steps for the kiosk tests.",
    "level": "beginner",
    "author": "tests",
    "defaults": {"prepare_s": 3},
    "steps": [
        {"kind": "exercise", "name": "Glute squeeze", "reps": 2, "hold_s": 3},
        {"kind": "exercise", "name": "Side bridge", "sides": "each", "duration_s": 4},
    ],
}
LONG = {
    "format_version": 1,
    "id": "kiosk-long",
    "title": "Kiosk long",
    "summary": "One long hold, longer than the session timeout.",
    "level": "beginner",
    "author": "tests",
    "steps": [{"kind": "exercise", "name": "Very long hold", "duration_s": 3600}],
}


def make_folder(folder: Path, *, invalid: bool = True) -> Path:
    """Two of the bundled routines, SHORT and LONG, and (optionally) one invalid file."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("glute-bridge-progression.json", "glute-session-15-min.json"):
        shutil.copy(ROUTINES / name, folder / name)
    (folder / "kiosk-short.json").write_text(json.dumps(SHORT), encoding="utf-8")
    (folder / "kiosk-long.json").write_text(json.dumps(LONG), encoding="utf-8")
    if invalid:
        (folder / "broken.json").write_text('{"format_version": 1, "id": "x"}', encoding="utf-8")
    return folder


@dataclass
class ScriptedPrompt:
    """Stands in for the PIN dialogs: each call takes the next scripted PIN (None: cancel)."""

    answers: list[str | None] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)

    def ask(self, store: Any, parent: QWidget) -> bool:
        self.calls.append("ask")
        pin = self.answers.pop(0) if self.answers else None
        return pin is not None and bool(store.verify(pin).ok)

    def set_new(self, store: Any, parent: QWidget) -> bool:
        self.calls.append("set_new")
        pin = self.answers.pop(0) if self.answers else None
        if pin is None:
            return False
        store.set_pin(pin)
        return True


@dataclass
class Kiosk:
    window: KioskWindow
    clock: ManualClock
    store: PinStore
    prompt: ScriptedPrompt
    exits: list[int]


def open_kiosk(
    folder: Path | None, pin_file: Path, *, pin: str | None = PIN, start: float = 1000.0
) -> Kiosk:
    clock = ManualClock(start=start)
    store = PinStore(pin_file, clock=clock.now)
    if pin is not None and not store.is_set():
        store.set_pin(pin)
    prompt = ScriptedPrompt()
    window = build_kiosk_window(Settings(), folder, clock=clock, pin_store=store, pin_prompt=prompt)
    exits: list[int] = []
    window.exit_app = exits.append
    return Kiosk(window, clock, store, prompt, exits)


def close_kiosk(kiosk: Kiosk) -> None:
    kiosk.window.shutdown()
    kiosk.window.deleteLater()
    app = QApplication.instance()
    assert app is not None
    for _ in range(3):
        app.processEvents()


def kiosk_fixture(folder: Path | None, pin_file: Path, **kw: Any) -> Iterator[Kiosk]:
    kiosk = open_kiosk(folder, pin_file, **kw)
    try:
        yield kiosk
    finally:
        close_kiosk(kiosk)
