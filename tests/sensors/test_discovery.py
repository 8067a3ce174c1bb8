"""Discovery: scans return (label, spec) candidates or a plain message, never an exception.

The LSL scan finds a real outlet made here (LSLAPICFG keeps discovery on this machine; see
tests/conftest.py). There is no Bluetooth on the test machines: the BLE scan must say so.
"""

from __future__ import annotations

import os
import pty
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from glute_coach.sensors import discovery
from glute_coach.sensors.discovery import Candidate, ScanOutcome
from glute_coach.sensors.spec import BleSpec, BrainFlowSpec, LslSpec, SerialSpec, parse_spec

pylsl = pytest.importorskip("pylsl")


def assert_shape(outcome: ScanOutcome, kind: str) -> None:
    assert isinstance(outcome, ScanOutcome)
    assert outcome.kind == kind
    assert isinstance(outcome.candidates, tuple)
    for candidate in outcome.candidates:
        assert isinstance(candidate, Candidate)
        label, spec = candidate
        assert label.strip()
        parse_spec(spec)  # every spec connects as it is
    if not outcome.candidates:
        assert outcome.message  # an empty list always says why


@pytest.fixture
def outlet() -> Iterator[tuple[str, Any]]:
    name = f"glute-test-{uuid.uuid4().hex[:8]}"
    info = pylsl.StreamInfo(name, "EMG", 2, 500.0, "float32", name)
    stream = pylsl.StreamOutlet(info)
    yield name, stream
    del stream


def test_lsl_scan_finds_a_real_outlet(outlet: tuple[str, Any]) -> None:
    name, _stream = outlet
    outcome = discovery.scan_lsl(timeout=1.0)
    assert_shape(outcome, "lsl")
    assert not outcome.failed
    ours = [c for c in outcome.candidates if c.label.startswith(name)]
    assert len(ours) == 1
    assert "EMG" in ours[0].label
    assert "2 ch" in ours[0].label
    assert "500 Hz" in ours[0].label
    assert ours[0].spec == f"lsl:{name},type=EMG"
    parsed = parse_spec(ours[0].spec)
    assert parsed == LslSpec(name=name, type="EMG")


def test_lsl_stream_name_that_cannot_be_a_spec_falls_back_to_its_type() -> None:
    @dataclass
    class Info:
        n: str
        t: str

        def name(self) -> str:
            return self.n

        def type(self) -> str:
            return self.t

        def channel_count(self) -> int:
            return 1

        def nominal_srate(self) -> float:
            return 0.0

        def hostname(self) -> str:
            return "here"

    candidate = discovery._lsl_candidate(Info("a,b=c", "EMG"))
    assert candidate is not None
    assert candidate.spec == "lsl:type=EMG"
    assert "irregular rate" in candidate.label
    assert discovery._lsl_candidate(Info("a,b=c", "")) is None


def test_serial_scan_returns_in_shape() -> None:
    outcome = discovery.scan_serial()
    assert_shape(outcome, "serial")
    for candidate in outcome.candidates:
        assert isinstance(parse_spec(candidate.spec), SerialSpec)


def test_serial_scan_lists_what_the_os_reports() -> None:
    """A real pseudo-terminal, reported the way list_ports reports devices (it skips ptys)."""
    leader, follower = pty.openpty()
    try:
        path = os.ttyname(follower)

        @dataclass
        class Port:
            device: str
            description: str

        ports = [Port(path, "USB Serial"), Port("/dev/ttyS0", "n/a"), Port("", "ignored")]
        outcome = discovery.scan_serial(baud=9600, comports=lambda: ports)
        assert_shape(outcome, "serial")
        labels = {c.label: c.spec for c in outcome.candidates}
        assert labels == {
            f"{path} — USB Serial": f"serial:{path},baud=9600",
            "/dev/ttyS0": "serial:/dev/ttyS0,baud=9600",
        }
        assert parse_spec(labels[f"{path} — USB Serial"]) == SerialSpec(port=path, baud=9600)
    finally:
        os.close(leader)
        os.close(follower)


def test_serial_scan_failure_is_a_message() -> None:
    def broken() -> list[object]:
        raise OSError("no /sys here")

    outcome = discovery.scan_serial(comports=broken)
    assert outcome.failed
    assert outcome.candidates == ()
    assert outcome.message == "Serial ports cannot be listed here."
    assert "no /sys here" in outcome.detail
    empty = discovery.scan_serial(comports=list)
    assert not empty.failed
    assert empty.message == "No serial ports found."


def test_ble_scan_without_an_adapter_says_so() -> None:
    outcome = discovery.scan_ble(timeout=1.0)
    assert_shape(outcome, "ble")
    assert outcome.candidates == ()
    assert outcome.failed
    assert outcome.message == discovery.NO_BLUETOOTH
    assert outcome.message.startswith("No Bluetooth adapter found")


def test_ble_scan_lists_devices_from_bleak() -> None:
    """A fake at bleak's API boundary (BleakScanner.discover with return_adv=True)."""

    @dataclass
    class Device:
        name: str | None

    @dataclass
    class Adv:
        local_name: str | None
        rssi: int

    class Scanner:
        @staticmethod
        async def discover(timeout: float, return_adv: bool) -> dict[str, Any]:
            assert return_adv
            return {
                "AA:BB:CC:DD:EE:01": (Device("MyoWare"), Adv("MyoWare", -70)),
                "AA:BB:CC:DD:EE:02": (Device(None), Adv(None, -40)),
            }

    outcome = discovery.scan_ble(timeout=0.1, profile="myoware2", scanner=Scanner)
    assert_shape(outcome, "ble")
    assert not outcome.failed
    assert [c.spec for c in outcome.candidates] == [
        "ble:AA:BB:CC:DD:EE:02,profile=myoware2",  # strongest first
        "ble:AA:BB:CC:DD:EE:01,profile=myoware2",
    ]
    assert outcome.candidates[1].label == "MyoWare (AA:BB:CC:DD:EE:01, -70 dBm)"
    assert parse_spec(outcome.candidates[0].spec) == BleSpec("AA:BB:CC:DD:EE:02", "myoware2")


def test_brainflow_boards() -> None:
    outcome = discovery.brainflow_boards()
    assert_shape(outcome, "brainflow")
    specs = [c.spec for c in outcome.candidates]
    assert specs[0] == "brainflow:synthetic"  # usable without hardware, first
    assert "brainflow:ganglion_native" in specs
    assert "brainflow:callibri_emg" in specs
    for spec in specs:
        assert isinstance(parse_spec(spec), BrainFlowSpec)


def test_scan_dispatches_and_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    assert discovery.scan("brainflow").kind == "brainflow"
    unknown = discovery.scan("sim")
    assert unknown.failed
    assert unknown.message

    def boom(**_: object) -> ScanOutcome:
        raise RuntimeError("bug")

    monkeypatch.setattr(discovery, "scan_serial", boom)
    outcome = discovery.scan("serial")
    assert outcome.failed
    assert outcome.message == "The search failed."
    assert "bug" in outcome.detail
