"""Bluetooth LE sources through bleak: ``ble:ADDRESS[,profile=NAME]``.

A :class:`BleSource` finds the device (``BleakScanner.find_device_by_address``), connects
(``BleakClient``), subscribes to the notify characteristic(s) of a *device profile* and turns each
notification into a :class:`Block`. bleak's asyncio loop runs on the source's own acquisition
thread (an :class:`asyncio.Runner` per connection); nothing is raised into the caller's thread:
state changes, connect failures and malformed payloads arrive as events.

Samples are timestamped by arrival, smoothed towards the profile's nominal rate (BLE delivers
notifications in bursts, once per connection interval). After a disconnect or a failed connect the
source retries with exponential backoff (``backoff_initial`` doubling up to ``backoff_max``).

Device profiles are JSON files: the built-ins live in ``glute_coach/sensors/ble_profiles/`` and
``profile=`` also accepts a path to a ``.json`` file of the same shape (see :class:`BleProfile`).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import math
import re
import threading
import time
from collections.abc import Callable, Coroutine, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, cast

import numpy as np

from glute_coach.sensors.source import Block, Clock, FloatArray, ThreadedSource

T = TypeVar("T")

DEFAULT_PROFILE = "myoware2"

# sample formats: numpy dtypes of binary payloads, plus "ascii" (numbers as text)
BINARY_FORMATS: dict[str, str] = {
    "uint8": "u1",
    "int8": "i1",
    "uint16le": "<u2",
    "int16le": "<i2",
    "uint16be": ">u2",
    "int16be": ">i2",
    "uint32le": "<u4",
    "int32le": "<i4",
    "float32le": "<f4",
}
FORMATS = ("ascii", *BINARY_FORMATS)

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_ASCII_SEP = re.compile(r"[\s,;]+")

UNAVAILABLE = "Bluetooth is not available"
UNAVAILABLE_HINT = (
    "no Bluetooth adapter, or no BlueZ/D-Bus on this machine (Linux: is bluetoothd running and the"
    " adapter powered? try `bluetoothctl show`)"
)


# --- profiles -------------------------------------------------------------------------------------
class ProfileError(ValueError):
    """An unknown profile name or a malformed profile file."""


@dataclass(frozen=True, slots=True)
class BleProfile:
    """How to read one kind of device.

    ``physical = raw * scale + offset``. Each characteristic in ``characteristics`` delivers whole
    samples in ``format``: for ``ascii`` numbers separated by commas, semicolons or whitespace; for
    binary formats packed values. A payload holds ``k * channels`` values, row-major (sample by
    sample). ``channel_names is None`` means one sample per notification and as many channels as
    values, fixed by the first notification (``unit`` applies to each).
    """

    name: str
    service_uuid: str
    characteristics: tuple[str, ...]
    format: str
    sample_rate: float
    channel_names: tuple[str, ...] | None
    units: tuple[str, ...] | None
    scale: float = 1.0
    offset: float = 0.0
    unit: str = ""
    description: str = ""

    @property
    def auto_channels(self) -> bool:
        return self.channel_names is None


def _uuid(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ProfileError(f"{where}: a UUID string is required, got {value!r}")
    text = value.strip().lower()
    if re.fullmatch(r"[0-9a-f]{4}", text):  # 16-bit SIG short form
        text = f"0000{text}-0000-1000-8000-00805f9b34fb"
    if not _UUID.match(text):
        raise ProfileError(f"{where}: {value!r} is not a UUID")
    return text


def _number(raw: dict[str, Any], key: str, where: str, default: float | None = None) -> float:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ProfileError(f"{where}: {key!r} must be a finite number, got {value!r}")
    return float(value)


def parse_profile(raw: object, source: str = "<profile>") -> BleProfile:
    """Validate a decoded JSON profile; raise :class:`ProfileError` naming the bad field."""
    if not isinstance(raw, dict):
        raise ProfileError(f"{source}: a profile must be a JSON object")
    known = {
        "name",
        "description",
        "service_uuid",
        "characteristics",
        "format",
        "scale",
        "offset",
        "sample_rate",
        "channels",
        "unit",
    }
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ProfileError(f"{source}: unknown field(s) {', '.join(unknown)}")
    for key in ("name", "service_uuid", "characteristics", "format", "sample_rate"):
        if key not in raw:
            raise ProfileError(f"{source}: missing field {key!r}")
    name = raw["name"]
    if not isinstance(name, str) or not name.strip():
        raise ProfileError(f"{source}: 'name' must be a non-empty string")
    chars = raw["characteristics"]
    if isinstance(chars, str):
        chars = [chars]
    if not isinstance(chars, list) or not chars:
        raise ProfileError(f"{source}: 'characteristics' must be a non-empty list of UUIDs")
    fmt = raw["format"]
    if fmt not in FORMATS:
        raise ProfileError(f"{source}: 'format' must be one of {', '.join(FORMATS)}, got {fmt!r}")
    rate = _number(raw, "sample_rate", source)
    if rate <= 0:
        raise ProfileError(f"{source}: 'sample_rate' must be positive")
    scale = _number(raw, "scale", source, 1.0)
    if scale == 0:
        raise ProfileError(f"{source}: 'scale' must not be 0")
    unit = raw.get("unit", "")
    if not isinstance(unit, str):
        raise ProfileError(f"{source}: 'unit' must be a string")
    channels = raw.get("channels")
    names: tuple[str, ...] | None = None
    units: tuple[str, ...] | None = None
    if channels is not None:
        if not isinstance(channels, list) or not channels:
            raise ProfileError(f"{source}: 'channels' must be null or a non-empty list")
        n_list: list[str] = []
        u_list: list[str] = []
        for i, item in enumerate(channels):
            ch = {"name": item} if isinstance(item, str) else item
            if not isinstance(ch, dict) or not isinstance(ch.get("name"), str) or not ch["name"]:
                raise ProfileError(f"{source}: channels[{i}] needs a 'name' string")
            ch_unit = ch.get("unit", unit)
            if not isinstance(ch_unit, str):
                raise ProfileError(f"{source}: channels[{i}].unit must be a string")
            n_list.append(ch["name"])
            u_list.append(ch_unit)
        names, units = tuple(n_list), tuple(u_list)
    description = raw.get("description", "")
    return BleProfile(
        name=name.strip(),
        service_uuid=_uuid(raw["service_uuid"], f"{source}: service_uuid"),
        characteristics=tuple(
            _uuid(c, f"{source}: characteristics[{i}]") for i, c in enumerate(chars)
        ),
        format=fmt,
        sample_rate=rate,
        channel_names=names,
        units=units,
        scale=scale,
        offset=_number(raw, "offset", source, 0.0),
        unit=unit,
        description=description if isinstance(description, str) else "",
    )


def available_profiles() -> list[str]:
    """Names of the built-in profiles."""
    folder = resources.files("glute_coach.sensors.ble_profiles")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


def load_profile(name: str | None = None) -> BleProfile:
    """A built-in profile by name (default ``myoware2``) or a profile file by path."""
    name = (name or DEFAULT_PROFILE).strip()
    if name.lower().endswith(".json") or "/" in name or "\\" in name:
        path = Path(name).expanduser()
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ProfileError(f"cannot read BLE profile file {path}: {exc}") from None
        source = str(path)
    else:
        if name.lower() not in available_profiles():
            raise ProfileError(
                f"unknown BLE profile {name!r} (available: {', '.join(available_profiles())};"
                " or give a path to a .json profile file)"
            )
        folder = resources.files("glute_coach.sensors.ble_profiles")
        text = folder.joinpath(f"{name.lower()}.json").read_text(encoding="utf-8")
        source = f"built-in profile {name.lower()!r}"
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError(f"{source}: not valid JSON ({exc})") from None
    return parse_profile(raw, source)


# --- decoding -------------------------------------------------------------------------------------
class MalformedPayload(ValueError):  # noqa: N818 - reported as a warning, not raised to callers
    """A notification that cannot be decoded with the profile."""


def decode_values(profile: BleProfile, payload: bytes) -> FloatArray:
    """The raw values of one payload (flat, before scaling)."""
    if not payload:
        raise MalformedPayload("empty payload")
    if profile.format == "ascii":
        try:
            text = payload.decode("ascii").strip().strip("\x00").strip()
        except UnicodeDecodeError:
            raise MalformedPayload(f"not ASCII text: {payload[:16]!r}") from None
        parts = [p for p in _ASCII_SEP.split(text) if p]
        if not parts:
            raise MalformedPayload(f"no numbers in {text!r}")
        try:
            values = np.array([float(p) for p in parts], dtype=np.float64)
        except ValueError:
            raise MalformedPayload(f"not numbers: {text[:40]!r}") from None
    else:
        dtype = np.dtype(BINARY_FORMATS[profile.format])
        if len(payload) % dtype.itemsize:
            raise MalformedPayload(
                f"{len(payload)} bytes is not a whole number of {profile.format} values"
            )
        values = np.frombuffer(payload, dtype=dtype).astype(np.float64)
    if not np.isfinite(values).all():
        raise MalformedPayload("non-finite values")
    return values


def decode_payload(profile: BleProfile, payload: bytes, n_channels: int) -> FloatArray:
    """``(samples, n_channels)`` physical values of one notification."""
    values = decode_values(profile, payload)
    if values.size % n_channels:
        raise MalformedPayload(f"{values.size} values do not fill samples of {n_channels} channels")
    return values.reshape(-1, n_channels) * profile.scale + profile.offset


# --- errors ---------------------------------------------------------------------------------------
class BluetoothUnavailable(ConnectionError):  # noqa: N818 - reads better in messages
    """No adapter, no BlueZ, no D-Bus: nothing to scan with."""


class BleConnectFailed(ConnectionError):  # noqa: N818
    pass


class BleDisconnected(ConnectionError):  # noqa: N818
    pass


def _bleak_errors() -> tuple[type[BaseException], ...]:
    try:
        from bleak.exc import BleakDBusError, BleakError
    except ImportError:  # pragma: no cover - bleak is installed with the app
        return (OSError,)
    return (FileNotFoundError, BleakDBusError, BleakError, OSError)


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# --- scanning -------------------------------------------------------------------------------------
class ScanResult(list[tuple[str, str, int]]):
    """``[(address, name, rssi), ...]``, strongest first; ``message`` says why it may be empty."""

    def __init__(self, devices: Iterable[tuple[str, str, int]] = (), message: str = "") -> None:
        super().__init__(devices)
        self.message = message


def _run_sync(factory: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine to completion from synchronous code (in a helper thread if a loop runs)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(factory())
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(factory())
        except BaseException as exc:
            box["error"] = exc

    thread = threading.Thread(target=target, name="ble-scan", daemon=True)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return cast(T, box["value"])


def scan(
    timeout: float = 5.0,
    *,
    service_uuids: Sequence[str] | None = None,
    scanner: Any = None,
) -> ScanResult:
    """Discover BLE devices for ``timeout`` seconds. Never raises for a missing adapter.

    Returns ``[(address, name, rssi)]``; when Bluetooth is unavailable or the scan fails the list is
    empty and ``.message`` explains why. ``scanner`` replaces ``bleak.BleakScanner`` (tests).
    """
    if scanner is None:
        try:
            from bleak import BleakScanner
        except ImportError:
            return ScanResult(message="bleak is not installed (pip install 'bleak>=0.22')")
        scanner = BleakScanner
    kwargs: dict[str, Any] = {"return_adv": True}
    if service_uuids:
        kwargs["service_uuids"] = [_uuid(u, "service_uuids") for u in service_uuids]

    async def discover() -> Any:
        return await scanner.discover(timeout=timeout, **kwargs)

    try:
        found = _run_sync(discover)
    except _bleak_errors() as exc:
        return ScanResult(message=f"{UNAVAILABLE}: {UNAVAILABLE_HINT} ({_describe(exc)})")
    except Exception as exc:
        return ScanResult(message=f"Bluetooth scan failed: {_describe(exc)}")
    devices: list[tuple[str, str, int]] = []
    for address, (device, adv) in dict(found).items():
        name = getattr(adv, "local_name", None) or getattr(device, "name", None) or ""
        rssi = getattr(adv, "rssi", None)
        devices.append((str(address), str(name), int(rssi) if rssi is not None else -127))
    devices.sort(key=lambda d: -d[2])
    message = "" if devices else f"no BLE devices found in {timeout:g} s"
    return ScanResult(devices, message)


# --- the source -----------------------------------------------------------------------------------
class BleSource(ThreadedSource):
    """A BLE notify stream decoded with a :class:`BleProfile`.

    ``client_factory`` and ``scanner`` replace ``bleak.BleakClient`` and ``bleak.BleakScanner``
    (tests inject fakes with the same async methods).
    """

    smoothing = 0.05  # weight of each arrival in the timestamp estimate
    resync_after = 0.5  # s: an arrival this far from the estimate restarts it

    def __init__(
        self,
        address: str,
        profile: str | BleProfile | None = None,
        *,
        scan_timeout: float = 10.0,
        connect_timeout: float = 10.0,
        first_data_timeout: float = 3.0,
        backoff_initial: float = 0.5,
        backoff_max: float = 8.0,
        client_factory: Callable[..., Any] | None = None,
        scanner: Any = None,
        clock: Clock = time.monotonic,
        stall_timeout: float = 2.0,
        keep_blocks: int = 0,
    ) -> None:
        if not address or not address.strip():
            raise ValueError("a BLE source needs a device address")
        prof = profile if isinstance(profile, BleProfile) else load_profile(profile)
        super().__init__(
            prof.channel_names or (),
            prof.units or (),
            prof.sample_rate,
            clock=clock,
            stall_timeout=stall_timeout,
            keep_blocks=keep_blocks,
        )
        if not 0 < backoff_initial <= backoff_max:
            raise ValueError("need 0 < backoff_initial <= backoff_max")
        self.address = address.strip()
        self.profile = prof
        self.scan_timeout = scan_timeout
        self.connect_timeout = connect_timeout
        self.first_data_timeout = first_data_timeout
        self.backoff_initial = backoff_initial
        self.backoff_max = backoff_max
        self.reconnect_delay = backoff_initial
        self._client_factory = client_factory
        self._scanner = scanner
        self._failures = 0
        self.malformed = 0  # notifications that could not be decoded
        self.notifications = 0
        self._n_channels = len(prof.channel_names) if prof.channel_names else 0
        self._runner: asyncio.Runner | None = None
        self._client: Any = None
        self._wake: asyncio.Event | None = None
        self._incoming: collections.deque[tuple[float, bytes]] = collections.deque()
        self._ready: collections.deque[Block] = collections.deque()
        self._disconnected: str | None = None
        self._t_next: float | None = None

    # --- connecting ------------------------------------------------------------------------------
    def _bleak(self) -> tuple[Callable[..., Any], Any]:
        client_factory, scanner = self._client_factory, self._scanner
        if client_factory is None or scanner is None:
            try:
                import bleak
            except ImportError:
                raise BleConnectFailed(
                    "bleak is not installed (pip install 'bleak>=0.22')"
                ) from None
            client_factory = client_factory or bleak.BleakClient
            scanner = scanner or bleak.BleakScanner
        return client_factory, scanner

    def _next_delay(self) -> float:
        delay = min(self.backoff_initial * 2.0**self._failures, self.backoff_max)
        self._failures += 1
        self.reconnect_delay = delay
        return delay

    def _open(self) -> None:
        self._incoming.clear()
        self._ready.clear()
        self._disconnected = None
        self._t_next = None
        self._runner = asyncio.Runner()
        try:
            self._call(self._connect())
        except Exception as exc:
            self._close()
            delay = self._next_delay()
            if isinstance(exc, BluetoothUnavailable):
                raise BluetoothUnavailable(f"{exc}; retrying in {delay:g} s") from exc
            raise BleConnectFailed(f"{_describe(exc)}; retrying in {delay:g} s") from exc
        self._failures = 0
        self.reconnect_delay = self.backoff_initial

    def _call(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run ``coro`` on this thread's loop; cancel it if the source is stopped meanwhile."""
        runner = self._runner
        assert runner is not None
        return runner.run(self._unless_stopped(coro))

    async def _unless_stopped(self, coro: Coroutine[Any, Any, T]) -> T:
        task = asyncio.ensure_future(coro)
        while not task.done():
            await asyncio.wait({task}, timeout=0.05)
            if self._stop.is_set() and not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
                raise BleConnectFailed("stopped")
        return task.result()

    async def _connect(self) -> None:
        client_factory, scanner = self._bleak()
        self._wake = asyncio.Event()
        try:
            device = await scanner.find_device_by_address(self.address, timeout=self.scan_timeout)
        except _bleak_errors() as exc:
            raise BluetoothUnavailable(
                f"{UNAVAILABLE}: {UNAVAILABLE_HINT} ({_describe(exc)})"
            ) from exc
        if device is None:
            raise BleConnectFailed(
                f"no BLE device {self.address} found in {self.scan_timeout:g} s"
                " (switched on, in range, not connected to another host?)"
            )
        client = client_factory(
            device, disconnected_callback=self._on_disconnect, timeout=self.connect_timeout
        )
        self._client = client
        await client.connect()
        self._check_service(client)
        for uuid in self.profile.characteristics:
            await client.start_notify(uuid, self._on_notify)
        if self.profile.auto_channels and not self._n_channels:
            await self._first_notification()

    def _check_service(self, client: Any) -> None:
        try:
            services = client.services
            found = services.get_service(self.profile.service_uuid)
        except Exception:  # a backend or fake without service discovery: start_notify will tell
            return
        if found is None:
            raise BleConnectFailed(
                f"device {self.address} has no service {self.profile.service_uuid}"
                f" (wrong profile {self.profile.name!r}?)"
            )

    async def _first_notification(self) -> None:
        """Auto-channel profiles: fix the channel count from the first decodable payload."""
        assert self._wake is not None
        deadline = time.monotonic() + self.first_data_timeout
        while self._n_channels == 0:
            while self._incoming and self._n_channels == 0:
                _, payload = self._incoming[0]
                try:
                    n = decode_values(self.profile, payload).size
                except MalformedPayload as exc:
                    self._incoming.popleft()
                    self._count_malformed(exc)
                    continue
                self._n_channels = n
                self._channel_names = tuple(f"ch{i + 1}" for i in range(n))
                self._units = (self.profile.unit,) * n
            if self._n_channels:
                return
            if self._disconnected is not None:
                raise BleDisconnected(self._disconnected)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BleConnectFailed(
                    f"no notification within {self.first_data_timeout:g} s to learn the channel count"
                )
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), remaining)

    # --- callbacks (on this thread's loop) -------------------------------------------------------
    def _on_notify(self, _sender: Any, data: bytes | bytearray) -> None:
        self._incoming.append((self._clock(), bytes(data)))
        if self._wake is not None:
            self._wake.set()

    def _on_disconnect(self, _client: Any) -> None:
        self._disconnected = f"device {self.address} disconnected"
        if self._wake is not None:
            self._wake.set()

    # --- reading ---------------------------------------------------------------------------------
    def _read(self, timeout: float) -> Block | None:
        if not self._ready:
            assert self._runner is not None
            self._runner.run(self._wait(timeout))
            self._decode_incoming()
        if self._ready:
            return self._ready.popleft()
        if self._disconnected is not None:
            raise BleDisconnected(self._disconnected)
        return None

    async def _wait(self, timeout: float) -> None:
        wake = self._wake
        assert wake is not None
        if self._incoming or self._disconnected is not None:
            return
        wake.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wake.wait(), timeout)

    def _decode_incoming(self) -> None:
        while self._incoming:
            arrival, payload = self._incoming.popleft()
            self.notifications += 1
            try:
                data = decode_payload(self.profile, payload, self._n_channels)
            except MalformedPayload as exc:
                self._count_malformed(exc)
                continue
            self._ready.append(Block(self._stamp(arrival, data.shape[0]), self._fs, data))

    def _count_malformed(self, exc: MalformedPayload) -> None:
        self.malformed += 1
        self._warn(
            "malformed",
            f"{self.malformed} malformed BLE notification(s) skipped"
            f" (profile {self.profile.name!r}): {exc}",
        )

    def _stamp(self, arrival: float, n: int) -> float:
        """``t0`` of ``n`` samples whose last one arrived at ``arrival``, smoothed to the rate."""
        fs = self._fs
        measured = arrival - (n - 1) / fs
        predicted = self._t_next
        if predicted is None or abs(measured - predicted) > self.resync_after:
            t0 = max(measured, predicted) if predicted is not None else measured
        else:
            # follow the arrivals slowly; never step back more than the base class tolerates
            t0 = max(predicted + self.smoothing * (measured - predicted), predicted - 0.4 / fs)
        self._t_next = t0 + n / fs
        return t0

    # --- closing ---------------------------------------------------------------------------------
    def _close(self) -> None:
        runner, self._runner = self._runner, None
        client, self._client = self._client, None
        if runner is None:
            return
        try:
            if client is not None:
                with contextlib.suppress(Exception):
                    runner.run(asyncio.wait_for(client.disconnect(), 2.0))
        finally:
            self._wake = None
            runner.close()
