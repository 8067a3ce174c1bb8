"""BLE sources: profiles, decoding, and BleSource against a fake at bleak's API boundary.

The fake scanner and client have bleak's async methods (``find_device_by_address``, ``discover``,
``connect``, ``disconnect``, ``start_notify``, ``is_connected``) and deliver notifications and
disconnects on the source's own event loop, as bleak does. One test uses the real bleak: these
machines have no Bluetooth, and the source must say so instead of crashing.
"""

from __future__ import annotations

import asyncio
import json
import queue
import re
import struct
import threading
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from glute_coach.sensors.ble_source import (
    BleProfile,
    BleSource,
    MalformedPayload,
    ProfileError,
    available_profiles,
    decode_payload,
    load_profile,
    parse_profile,
    scan,
)
from glute_coach.sensors.source import Block, ConnectionState, EventKind
from tests.sensors.events import events_until, is_state

wait_event = partial(events_until, timeout=3.0)

ADDRESS = "AA:BB:CC:DD:EE:FF"
MYOWARE_SERVICE = "ec3af789-2154-49f4-a9fc-bc6c88e9e930"
MYOWARE_CHAR = "f3a56edf-8f1e-4533-93bf-5601b2e91308"


# --- the fake bleak -------------------------------------------------------------------------------
class FakeDevice:
    def __init__(self, address: str, name: str = "MyoWareSensor1") -> None:
        self.address = address
        self.name = name


class FakeAdv:
    def __init__(self, name: str, rssi: int) -> None:
        self.local_name = name
        self.rssi = rssi


class FakeClient:
    def __init__(
        self,
        hub: FakeBle,
        device: FakeDevice,
        disconnected_callback: Callable[[Any], None] | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.hub = hub
        self.device = device
        self.disconnected_callback = disconnected_callback
        self.timeout = timeout
        self.connected = False
        self.disconnect_calls = 0
        self.loop: asyncio.AbstractEventLoop | None = None
        self.callbacks: dict[str, Callable[[Any, bytearray], None]] = {}

    @property
    def is_connected(self) -> bool:
        return self.connected

    async def connect(self) -> None:
        self.loop = asyncio.get_running_loop()
        with self.hub.lock:
            fail = self.hub.connect_failures > 0
            if fail:
                self.hub.connect_failures -= 1
        if fail:
            from bleak.exc import BleakError

            raise BleakError("fake: connection failed")
        self.connected = True

    async def start_notify(self, uuid: str, callback: Callable[[Any, bytearray], None]) -> None:
        assert self.connected
        self.callbacks[uuid.lower()] = callback
        self.hub.subscribed.put(self)

    async def disconnect(self) -> None:
        self.disconnect_calls += 1
        self.connected = False

    # test controls (from the test's thread, delivered on the source's loop like bleak does)
    def notify(self, payload: bytes, uuid: str | None = None) -> None:
        assert self.loop is not None
        callback = self.callbacks[uuid or next(iter(self.callbacks))]
        self.loop.call_soon_threadsafe(callback, uuid, bytearray(payload))

    def drop(self) -> None:
        assert self.loop is not None
        self.connected = False
        if self.disconnected_callback is not None:
            self.loop.call_soon_threadsafe(self.disconnected_callback, self)


class FakeBle:
    """A scanner (``hub``) and a client factory (``hub.client``) sharing one fake radio."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.connect_failures = 0
        self.missing_scans = 0  # find_device_by_address returns None this many times
        self.scan_error: BaseException | None = None
        self.clients: list[FakeClient] = []
        self.subscribed: queue.Queue[FakeClient] = queue.Queue()
        self.advertising = [
            (FakeDevice(ADDRESS, "MyoWareSensor1"), FakeAdv("MyoWareSensor1", -60)),
            (FakeDevice("11:22:33:44:55:66", ""), FakeAdv("", -40)),
        ]

    async def find_device_by_address(self, address: str, timeout: float = 10.0) -> Any:
        if self.scan_error is not None:
            raise self.scan_error
        with self.lock:
            if self.missing_scans > 0:
                self.missing_scans -= 1
                return None
        return FakeDevice(address)

    async def discover(self, timeout: float = 5.0, **kwargs: Any) -> Any:
        if self.scan_error is not None:
            raise self.scan_error
        assert kwargs.get("return_adv") is True
        return {dev.address: (dev, adv) for dev, adv in self.advertising}

    def client(
        self,
        device: FakeDevice,
        disconnected_callback: Callable[[Any], None] | None = None,
        **kwargs: Any,
    ) -> FakeClient:
        c = FakeClient(self, device, disconnected_callback, **kwargs)
        self.clients.append(c)
        return c

    def wait_subscribed(self, timeout: float = 3.0) -> FakeClient:
        try:
            return self.subscribed.get(timeout=timeout)
        except queue.Empty:
            pytest.fail(f"no client subscribed within {timeout} s")


# --- helpers --------------------------------------------------------------------------------------


class Collector:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.cond = threading.Condition()

    def __call__(self, block: Block) -> None:
        with self.cond:
            self.blocks.append(block)
            self.cond.notify_all()

    def wait(self, n_blocks: int, timeout: float = 3.0) -> list[Block]:
        with self.cond:
            ok = self.cond.wait_for(lambda: len(self.blocks) >= n_blocks, timeout)
            assert ok, f"got {len(self.blocks)} of {n_blocks} blocks"
            return list(self.blocks)


@pytest.fixture
def fake() -> FakeBle:
    return FakeBle()


@pytest.fixture
def make_source(fake: FakeBle) -> Iterator[Callable[..., tuple[BleSource, Collector]]]:
    sources: list[BleSource] = []

    def make(profile: str | BleProfile | None = None, **kwargs: Any) -> tuple[BleSource, Collector]:
        kwargs.setdefault("backoff_initial", 0.01)
        kwargs.setdefault("backoff_max", 0.04)
        source = BleSource(
            ADDRESS, profile, client_factory=fake.client, scanner=fake, keep_blocks=0, **kwargs
        )
        sink = Collector()
        source.add_sink(sink)
        sources.append(source)
        return source, sink

    yield make
    for s in sources:
        s.stop()
        assert not s.running


# --- profiles -------------------------------------------------------------------------------------
def test_builtin_profiles() -> None:
    assert {"myoware2", "generic"} <= set(available_profiles())
    mw = load_profile("myoware2")
    assert mw.service_uuid == MYOWARE_SERVICE
    assert mw.characteristics == (MYOWARE_CHAR,)
    assert mw.format == "ascii"
    assert mw.channel_names == ("ENV",)
    assert mw.units == ("a.u.",)
    assert mw.sample_rate == 100.0
    assert load_profile(None) == mw  # the default
    gen = load_profile("generic")
    assert gen.format == "int16le"
    assert gen.auto_channels


def test_unknown_profile_lists_available() -> None:
    with pytest.raises(
        ProfileError, match=r"unknown BLE profile 'myoware' \(available: generic, myoware2; "
    ):
        load_profile("myoware")


def test_profile_file(tmp_path: Path) -> None:
    raw = {
        "name": "mine",
        "service_uuid": "FFF0",
        "characteristics": "0000FFF1-0000-1000-8000-00805F9B34FB",
        "format": "uint8",
        "scale": 0.5,
        "sample_rate": 50,
        "channels": ["A", {"name": "B", "unit": "mV"}],
        "unit": "V",
    }
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(raw))
    prof = load_profile(str(path))
    assert prof.service_uuid == "0000fff0-0000-1000-8000-00805f9b34fb"
    assert prof.characteristics == ("0000fff1-0000-1000-8000-00805f9b34fb",)
    assert prof.channel_names == ("A", "B")
    assert prof.units == ("V", "mV")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "int24"}, r"'format' must be one of"),
        ({"sample_rate": 0}, r"'sample_rate' must be positive"),
        ({"sample_rate": "100"}, r"'sample_rate' must be a finite number"),
        ({"service_uuid": "not-a-uuid"}, r"is not a UUID"),
        ({"characteristics": []}, r"non-empty list"),
        ({"channels": [{"unit": "V"}]}, r"channels\[0\] needs a 'name'"),
        ({"colour": "red"}, r"unknown field\(s\) colour"),
        ({"scale": 0}, r"'scale' must not be 0"),
    ],
)
def test_malformed_profiles(change: dict[str, Any], message: str) -> None:
    raw: dict[str, Any] = {
        "name": "x",
        "service_uuid": MYOWARE_SERVICE,
        "characteristics": [MYOWARE_CHAR],
        "format": "ascii",
        "sample_rate": 100,
    }
    raw.update(change)
    with pytest.raises(ProfileError, match=message):
        parse_profile(raw, "test.json")


def test_malformed_profile_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(ProfileError, match=r"bad\.json: not valid JSON"):
        load_profile(str(bad))
    missing = tmp_path / "missing.json"
    missing.write_text(json.dumps({"name": "m", "format": "ascii"}))
    with pytest.raises(ProfileError, match=r"missing field 'service_uuid'"):
        load_profile(str(missing))
    with pytest.raises(ProfileError, match=r"cannot read BLE profile file"):
        load_profile(str(tmp_path / "absent.json"))


# --- decoding -------------------------------------------------------------------------------------
def test_decode_ascii_and_binary() -> None:
    mw = load_profile("myoware2")
    np.testing.assert_array_equal(decode_payload(mw, b"512", 1), [[512.0]])
    np.testing.assert_array_equal(decode_payload(mw, b"512,498\r\n\x00", 1), [[512.0], [498.0]])
    prof = BleProfile("b", MYOWARE_SERVICE, (MYOWARE_CHAR,), "int16le", 100.0, None, None, 2.0, 1.0)
    out = decode_payload(prof, struct.pack("<4h", 1, -2, 300, -32768), 2)
    np.testing.assert_array_equal(out, [[3.0, -3.0], [601.0, -65535.0]])
    for payload, n in [(b"", 1), (b"abc", 1), (b"\xff\xfe", 1), (b"1,,2;nan", 1), (b"1,2,3", 2)]:
        with pytest.raises(MalformedPayload):
            decode_payload(mw, payload, n)
    with pytest.raises(MalformedPayload, match="whole number"):
        decode_payload(prof, b"\x01\x02\x03", 1)


def test_arrival_timestamps_are_smoothed_to_the_rate() -> None:
    source = BleSource(ADDRESS, "myoware2", client_factory=FakeBle().client, scanner=FakeBle())
    rng = np.random.default_rng(1)
    fs, t = 100.0, 1000.0
    stamps = []
    for k in range(1000):
        # notifications bunch up per connection interval: 0-30 ms late
        stamps.append(source._stamp(t + k / fs + rng.uniform(0.0, 0.03), 1))
    steps = np.diff(stamps)
    assert steps.min() > 0.6 / fs  # never backwards (the base class would restamp)
    assert abs(np.mean(steps) - 1 / fs) < 0.01 / fs
    assert np.std(steps) < 0.1 / fs  # raw arrivals jitter by ~0.9 / fs
    assert abs(stamps[-1] - (t + 999 / fs)) < 0.04  # tracks real time within the latency
    # a gap (lost link) restarts the estimate at the arrival
    assert source._stamp(t + 20.0, 1) == pytest.approx(t + 20.0)


# --- BleSource through the fake -------------------------------------------------------------------
def test_notifications_become_blocks(
    fake: FakeBle, make_source: Callable[..., tuple[BleSource, Collector]]
) -> None:
    source, sink = make_source("myoware2")
    assert source.channel_names == ("ENV",)
    assert source.units == ("a.u.",)
    assert source.sample_rate == 100.0
    source.start()
    client = fake.wait_subscribed()
    assert set(client.callbacks) == {MYOWARE_CHAR}
    wait_event(source, is_state(ConnectionState.CONNECTED))
    client.notify(b"512")
    client.notify(b"498,500")
    blocks = sink.wait(2)
    assert blocks[0].fs == 100.0
    np.testing.assert_array_equal(blocks[0].data, [[512.0]])
    np.testing.assert_array_equal(blocks[1].data, [[498.0], [500.0]])
    assert blocks[1].t0 >= blocks[0].t_end - 0.5 / 100.0
    source.stop()
    assert client.disconnect_calls == 1
    assert source.state is ConnectionState.STOPPED


def test_scale_offset_and_channels(
    fake: FakeBle, make_source: Callable[..., tuple[BleSource, Collector]]
) -> None:
    prof = BleProfile(
        "two", MYOWARE_SERVICE, (MYOWARE_CHAR,), "int16le", 200.0, ("L", "R"), ("mV", "mV"), 0.5, -1
    )
    source, sink = make_source(prof)
    source.start()
    client = fake.wait_subscribed()
    wait_event(source, is_state(ConnectionState.CONNECTED))
    client.notify(struct.pack("<4h", 10, 20, -10, 0))
    (block,) = sink.wait(1)
    assert block.fs == 200.0
    np.testing.assert_array_equal(block.data, [[4.0, 9.0], [-6.0, -1.0]])


def test_generic_profile_learns_channel_count(
    fake: FakeBle, make_source: Callable[..., tuple[BleSource, Collector]]
) -> None:
    source, sink = make_source("generic")
    assert not source.channel_names
    source.start()
    client = fake.wait_subscribed()
    client.notify(struct.pack("<3h", 1, 2, 3))
    wait_event(source, is_state(ConnectionState.CONNECTED))
    assert source.channel_names == ("ch1", "ch2", "ch3")
    assert source.units == ("a.u.",) * 3
    client.notify(struct.pack("<3h", 4, 5, 6))
    client.notify(struct.pack("<2h", 7, 8))  # wrong length: malformed
    blocks = sink.wait(2)
    np.testing.assert_array_equal(np.vstack([b.data for b in blocks]), [[1, 2, 3], [4, 5, 6]])
    wait_event(source, lambda e: e.kind is EventKind.WARNING and e.code == "malformed")


def test_malformed_payloads_are_counted_not_fatal(
    fake: FakeBle, make_source: Callable[..., tuple[BleSource, Collector]]
) -> None:
    source, sink = make_source("myoware2")
    source.start()
    client = fake.wait_subscribed()
    wait_event(source, is_state(ConnectionState.CONNECTED))
    for payload in (b"abc", b"\xff\xfe\x00", b"", b"12,x", b"inf"):
        client.notify(payload)
    client.notify(b"7")
    (block,) = sink.wait(1)
    np.testing.assert_array_equal(block.data, [[7.0]])
    events = wait_event(source, lambda e: e.kind is EventKind.WARNING and e.code == "malformed")
    assert "profile 'myoware2'" in events[-1].message
    deadline = time.monotonic() + 2
    while source.malformed < 5 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert source.malformed == 5
    assert source.running
    assert source.state is ConnectionState.CONNECTED


def test_disconnect_reconnects(
    fake: FakeBle, make_source: Callable[..., tuple[BleSource, Collector]]
) -> None:
    source, sink = make_source("myoware2")
    source.start()
    first = fake.wait_subscribed()
    wait_event(source, is_state(ConnectionState.CONNECTED))
    first.notify(b"1")
    sink.wait(1)
    fake.connect_failures = 2  # the device is not back at once
    first.drop()
    events = wait_event(source, is_state(ConnectionState.CONNECTED))
    errors = [e for e in events if e.kind is EventKind.ERROR]
    assert "disconnected" in errors[0].message
    assert [e.state for e in events if e.kind is EventKind.STATE] == [
        ConnectionState.RECONNECTING,
        ConnectionState.CONNECTED,
    ]
    delays = [re.search(r"retrying in ([\d.]+) s", e.message) for e in errors[1:]]
    assert [float(m.group(1)) for m in delays if m] == [0.01, 0.02]
    second = fake.wait_subscribed()
    assert second is not first
    second.notify(b"2")
    blocks = sink.wait(2)
    np.testing.assert_array_equal(blocks[-1].data, [[2.0]])
    assert first.disconnect_calls == 1  # cleaned up before reconnecting


def test_connect_failures_back_off_to_the_cap(
    fake: FakeBle, make_source: Callable[..., tuple[BleSource, Collector]]
) -> None:
    fake.missing_scans = 1
    fake.connect_failures = 4
    source, _ = make_source("myoware2")
    source.start()
    events = wait_event(source, is_state(ConnectionState.CONNECTED))
    errors = [e for e in events if e.kind is EventKind.ERROR]
    assert all(e.code == "connect" for e in errors)
    assert f"no BLE device {ADDRESS} found" in errors[0].message
    assert "fake: connection failed" in errors[1].message
    delays = [
        float(m.group(1)) for e in errors if (m := re.search(r"retrying in ([\d.]+)", e.message))
    ]
    assert delays == [0.01, 0.02, 0.04, 0.04, 0.04]
    assert events[0].state is ConnectionState.CONNECTING
    assert ConnectionState.RECONNECTING in {e.state for e in events}
    assert source.reconnect_delay == 0.01  # reset after success


def test_scan_with_fake(fake: FakeBle) -> None:
    found = scan(0.1, scanner=fake)
    assert found == [("11:22:33:44:55:66", "", -40), (ADDRESS, "MyoWareSensor1", -60)]

    async def inside_a_loop() -> list[tuple[str, str, int]]:
        return scan(0.1, scanner=fake)  # e.g. a GUI with an asyncio loop

    assert asyncio.run(inside_a_loop()) == found
    fake.scan_error = FileNotFoundError(2, "No such file or directory")
    empty = scan(0.1, scanner=fake)
    assert empty == []
    assert "Bluetooth is not available" in empty.message


def test_real_bleak_without_bluetooth() -> None:
    """The real library on a machine without Bluetooth: clear messages, no exceptions."""
    pytest.importorskip("bleak")
    result = scan(0.5)
    if result:
        pytest.skip("this machine has working Bluetooth")
    assert result == []
    assert "Bluetooth is not available" in result.message
    source = BleSource(ADDRESS, "myoware2", backoff_initial=0.05, backoff_max=0.1, scan_timeout=1)
    source.start()
    try:
        events = wait_event(source, lambda e: e.kind is EventKind.ERROR)
    finally:
        source.stop()
    assert events[0].state is ConnectionState.CONNECTING
    assert "Bluetooth is not available" in events[-1].message
    assert events[-1].code == "connect"
    assert not source.running
    assert source.state is ConnectionState.STOPPED
