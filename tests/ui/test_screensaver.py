"""Keeping the screen awake: real D-Bus calls to a stand-in screen saver on a private bus.

The stand-in is a QtDBus service in a subprocess on a private ``dbus-daemon``; it logs each
call and each client that leaves the bus, so the test proves Inhibit and UnInhibit arrive,
with the cookie, and that no connection closed in between (screen savers end an inhibition
when the connection that asked for it closes). (QDBusContext, which would name the caller,
crashes PySide6 6.11, hence the NameOwnerChanged watch.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from glute_coach.ui import screensaver
from glute_coach.ui.screensaver import ScreenAwake

FAKE_SERVICE = r"""
import sys
from PySide6.QtCore import QCoreApplication, QObject, Slot, ClassInfo, SLOT
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

class Watcher(QObject):
    @Slot(str, str, str)
    def changed(self, name, old, new):
        if name.startswith(":") and old and not new:
            log.write("disconnected\n")

app = QCoreApplication([])
bus = QDBusConnection.sessionBus()
saver = ScreenSaver()
watcher = Watcher()
assert bus.connect("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                   "NameOwnerChanged", watcher, SLOT("changed(QString,QString,QString)"))
assert bus.registerObject("/org/freedesktop/ScreenSaver", saver, QDBusConnection.RegisterOption.ExportAllSlots)
assert bus.registerService("org.freedesktop.ScreenSaver")
print("ready", flush=True)
app.exec()
"""

CLIENT = r"""
from glute_coach.ui.screensaver import ScreenAwake
awake = ScreenAwake()
awake.inhibit("A Glute Coach routine is running")
print("active", awake.active, flush=True)
awake.release()
print("released", awake.active, flush=True)
with ScreenAwake() as again:
    print("context", again.active, flush=True)
print("after", again.active, flush=True)
"""

needs_linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="D-Bus is Linux")
needs_dbus = pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="no dbus-daemon")


@pytest.fixture
def session_bus() -> Iterator[str]:
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


@pytest.fixture
def fake_screensaver(session_bus: str, tmp_path: Path) -> Iterator[Path]:
    calls = tmp_path / "calls.log"
    service = subprocess.Popen(
        [sys.executable, "-c", FAKE_SERVICE, str(calls)],
        env=_env(session_bus),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert service.stdout is not None
        assert service.stdout.readline().strip() == "ready"  # the service is on the bus
        yield calls
    finally:
        service.terminate()
        service.wait(timeout=10)
        assert service.stdout is not None
        service.stdout.close()


def _env(address: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if address:
        env["DBUS_SESSION_BUS_ADDRESS"] = address
    return env


def _run_client(address: str | None) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", CLIENT],
        env=_env(address),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # silent: no warnings, no tracebacks
    return done.stdout.splitlines()


@needs_linux
@needs_dbus
def test_inhibit_and_release_call_the_screen_saver(
    session_bus: str, fake_screensaver: Path
) -> None:
    lines = _run_client(session_bus)
    assert lines == ["active True", "released False", "context True", "after False"]
    calls = fake_screensaver.read_text().splitlines()
    assert [c for c in calls if c != "disconnected"] == [
        "Inhibit Glute Coach|A Glute Coach routine is running",
        "UnInhibit 4242",
        "Inhibit Glute Coach|A routine is running",
        "UnInhibit 4242",
    ]
    _assert_held_until_released(calls)


def _assert_held_until_released(calls: list[str]) -> None:
    """No client left the bus between an Inhibit and its UnInhibit."""
    holding = False
    for call in calls:
        if call.startswith("Inhibit"):
            holding = True
        elif call.startswith("UnInhibit"):
            holding = False
        else:
            assert not holding, f"the inhibiting connection closed early: {calls}"


@needs_linux
@needs_dbus
def test_connection_stays_open_while_inhibited(
    session_bus: str, fake_screensaver: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session_bus)
    awake = ScreenAwake()
    awake.inhibit("test")
    try:
        assert awake.active
        held = awake._dbus
        assert held is not None
        assert held.cookie == 4242
        assert held.unique_name.startswith(":")
    finally:
        awake.release()
    assert not awake.active
    awake.release()  # twice is fine
    calls = fake_screensaver.read_text().splitlines()
    assert [c for c in calls if c != "disconnected"] == [
        "Inhibit Glute Coach|test",
        "UnInhibit 4242",
    ]
    _assert_held_until_released(calls)


@needs_linux
@needs_dbus
def test_no_bus_or_no_service_is_silently_fine(session_bus: str) -> None:
    # no bus at all; then a bus with no screen saver on it
    for address in (None, session_bus):
        assert _run_client(address) == [
            "active False",
            "released False",
            "context False",
            "after False",
        ]


def test_no_bus_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    with ScreenAwake() as awake:
        assert not awake.active
    awake.release()


def test_windows_sets_and_clears_the_execution_state(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def fake_set(flags: int) -> bool:
        calls.append(flags)
        return True

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(screensaver, "_windows_set", fake_set)
    with ScreenAwake() as awake:
        assert awake.active
        awake.inhibit()  # already inhibited: no second call
    assert not awake.active
    continuous, display = 0x80000000, 0x00000002
    assert calls[0] & continuous
    assert calls[0] & display
    assert calls[1:] == [continuous]


def test_windows_without_windll_is_a_no_op(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    with ScreenAwake() as awake:
        assert not awake.active  # ctypes.windll does not exist here


def test_macos_without_iokit_is_a_no_op(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    with ScreenAwake() as awake:
        assert not awake.active  # the IOKit framework does not exist here


def test_macos_assertion_is_released(monkeypatch: pytest.MonkeyPatch) -> None:
    released: list[int] = []
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(screensaver, "_mac_inhibit", lambda reason: 17)
    monkeypatch.setattr(screensaver, "_mac_release", released.append)
    with ScreenAwake() as awake:
        assert awake.active
    assert released == [17]
