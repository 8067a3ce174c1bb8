"""Keeping the screen awake: real D-Bus calls to a stand-in screen saver on a private bus."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

FAKE_SERVICE = r"""
import sys
from PySide6.QtCore import QCoreApplication, QObject, Slot, ClassInfo
from PySide6.QtDBus import QDBusConnection
log = open(sys.argv[1], "a", buffering=1)

@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class ScreenSaver(QObject):
    @Slot(str, str, result="uint")
    def Inhibit(self, app, reason):
        log.write(f"Inhibit {app}|{reason}\n")
        return 4242

    @Slot("uint")
    def UnInhibit(self, cookie):
        log.write(f"UnInhibit {cookie}\n")

app = QCoreApplication([])
bus = QDBusConnection.sessionBus()
saver = ScreenSaver()
assert bus.registerObject("/org/freedesktop/ScreenSaver", saver, QDBusConnection.RegisterOption.ExportAllSlots)
assert bus.registerService("org.freedesktop.ScreenSaver")
print("ready", flush=True)
app.exec()
"""

CLIENT = r"""
from PySide6.QtCore import QCoreApplication
from glute_coach.ui.screensaver import ScreenAwake
app = QCoreApplication([])
awake = ScreenAwake()
awake.inhibit("A Glute Coach routine is running")
print("active", awake.active, flush=True)
awake.release()
print("released", awake.active, flush=True)
"""


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[str]:
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        assert address.startswith("unix:")
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        assert daemon.stdout is not None
        daemon.stdout.close()


def _env(address: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if address:
        env["DBUS_SESSION_BUS_ADDRESS"] = address
    return env


def test_inhibit_and_release_call_the_screen_saver(session_bus: str, tmp_path: Path) -> None:
    calls = tmp_path / "calls.log"
    service = subprocess.Popen(
        [sys.executable, "-c", FAKE_SERVICE, str(calls)],
        env=_env(session_bus),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert service.stdout is not None
        assert (
            service.stdout.readline().strip() == "ready"
        )  # waits for the service to be on the bus
        done = subprocess.run(
            [sys.executable, "-c", CLIENT],
            env=_env(session_bus),
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
    finally:
        service.terminate()
        service.wait(timeout=10)
        assert service.stdout is not None
        service.stdout.close()
    assert done.stdout.split("\n")[:2] == ["active True", "released False"], done.stderr
    assert calls.read_text().splitlines() == [
        "Inhibit Glute Coach|A Glute Coach routine is running",
        "UnInhibit 4242",
    ]


def test_no_bus_or_no_service_is_silently_fine(session_bus: str) -> None:
    for address in (None, session_bus):  # no bus at all; a bus with no screen saver on it
        done = subprocess.run(
            [sys.executable, "-c", CLIENT],
            env=_env(address),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.split("\n")[:2] == ["active False", "released False"]
