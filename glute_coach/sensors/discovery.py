"""Finding sensors to connect to: LSL streams, serial ports, Bluetooth LE devices, BrainFlow boards.

Every function here returns a :class:`ScanOutcome` and never raises: what was found as
``(label, spec)`` pairs (``spec`` is a ``--sensor`` spec string, see :mod:`.spec`) and, when the
list is empty or the scan failed, one plain sentence for the user. Scans block for up to a few
seconds (LSL waits ``timeout``; a BLE scan listens for ``timeout``): call them off the GUI thread.

No Qt here. Device libraries are imported inside the functions, so importing this module is
cheap and ``LSLAPICFG`` can still be set before pylsl loads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from glute_coach.sensors.spec import BleSpec, LslSpec, SerialSpec, parse_spec

log = logging.getLogger(__name__)

LSL_TIMEOUT_S = 1.0
BLE_TIMEOUT_S = 4.0
DEFAULT_BAUD = 115200

NO_BLUETOOTH = "No Bluetooth adapter found (or Bluetooth is switched off)."

# (BoardIds member, label, options the board needs). Boards that run without hardware first,
# then common EMG-capable boards (field notes section 7).
BRAINFLOW_BOARDS: tuple[tuple[str, str, str], ...] = (
    ("SYNTHETIC_BOARD", "Synthetic board (no hardware, test signal)", ""),
    ("GANGLION_NATIVE_BOARD", "OpenBCI Ganglion over Bluetooth LE", "mac_address=… (optional)"),
    ("GANGLION_BOARD", "OpenBCI Ganglion with its USB dongle", "serial_port=…"),
    ("CYTON_BOARD", "OpenBCI Cyton", "serial_port=…"),
    ("CYTON_DAISY_BOARD", "OpenBCI Cyton + Daisy", "serial_port=…"),
    ("CALLIBRI_EMG_BOARD", "Callibri EMG", ""),
    ("GFORCE_PRO_BOARD", "OYMotion gForcePro", ""),
    ("GFORCE_DUAL_BOARD", "OYMotion gForce Dual", ""),
)


class Candidate(NamedTuple):
    """Something found: a label for a person and the spec string that connects to it."""

    label: str
    spec: str


@dataclass(frozen=True)
class ScanOutcome:
    """What a scan found. ``message`` is empty when candidates were found and all went well.

    ``failed`` is True when the scan itself could not run (no adapter, missing library); an
    empty but successful scan has ``failed`` False and a message such as "No LSL streams found".
    ``detail`` holds the technical reason, for a tooltip or a log.
    """

    kind: str
    candidates: tuple[Candidate, ...] = ()
    message: str = ""
    failed: bool = False
    detail: str = field(default="", compare=False)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _spec_ok(spec: str, cls: type[Any], attr: str, value: str) -> bool:
    """True if ``spec`` parses back to what was meant (names with commas or '=' may not)."""
    try:
        parsed = parse_spec(spec)
    except ValueError:
        return False
    return isinstance(parsed, cls) and getattr(parsed, attr) == value


# --- Lab Streaming Layer ---------------------------------------------------------------------------
def _lsl_candidate(info: Any) -> Candidate | None:
    name = str(info.name() or "").strip()
    stype = str(info.type() or "").strip()
    channels = int(info.channel_count())
    rate = float(info.nominal_srate())
    host = str(info.hostname() or "").strip()
    rate_text = f"{rate:g} Hz" if rate > 0 else "irregular rate"
    parts = [p for p in (stype, f"{channels} ch", rate_text) if p]
    label = f"{name or '(unnamed)'} ({', '.join(parts)})" + (f" on {host}" if host else "")
    spec = f"lsl:{name}" + (f",type={stype}" if stype else "")
    if name and _spec_ok(spec, LslSpec, "name", name):
        return Candidate(label, spec)
    spec = f"lsl:type={stype}"
    if stype and _spec_ok(spec, LslSpec, "type", stype):
        return Candidate(label, spec)
    return None  # neither its name nor its type can be written as a spec


def scan_lsl(timeout: float = LSL_TIMEOUT_S) -> ScanOutcome:
    """LSL streams visible from here, after waiting ``timeout`` seconds for answers."""
    try:
        import pylsl

        infos = pylsl.resolve_streams(wait_time=timeout)
    except Exception as exc:  # liblsl missing or failing: a message, not a crash
        log.debug("LSL scan failed: %s", _reason(exc))
        return ScanOutcome(
            "lsl", message="Lab Streaming Layer is not available.", failed=True, detail=_reason(exc)
        )
    found: list[Candidate] = []
    for info in infos:
        try:
            candidate = _lsl_candidate(info)
        except Exception as exc:  # a stream with a broken description
            log.debug("LSL stream skipped: %s", _reason(exc))
            continue
        if candidate is not None and candidate not in found:
            found.append(candidate)
    found.sort(key=lambda c: c.label.lower())
    if not found:
        return ScanOutcome("lsl", message="No LSL streams found.")
    return ScanOutcome("lsl", tuple(found))


# --- serial ports ----------------------------------------------------------------------------------
def serial_spec(port: str, baud: int = DEFAULT_BAUD, fmt: str = "text") -> str:
    return f"serial:{port},baud={baud}" + (f",format={fmt}" if fmt != "text" else "")


def scan_serial(
    baud: int = DEFAULT_BAUD, comports: Callable[[], Sequence[Any]] | None = None
) -> ScanOutcome:
    """Serial ports the OS lists (USB adapters, Bluetooth serial, built-in ports).

    ``comports`` replaces ``serial.tools.list_ports.comports`` (tests).
    """
    try:
        if comports is None:
            from serial.tools import list_ports

            comports = list_ports.comports
        ports = list(comports())
    except Exception as exc:
        log.debug("serial scan failed: %s", _reason(exc))
        return ScanOutcome(
            "serial",
            message="Serial ports cannot be listed here.",
            failed=True,
            detail=_reason(exc),
        )
    found: list[Candidate] = []
    for port in ports:
        device = str(getattr(port, "device", "") or "").strip()
        if not device:
            continue
        spec = serial_spec(device, baud)
        if not _spec_ok(spec, SerialSpec, "port", device):
            continue
        description = str(getattr(port, "description", "") or "").strip()
        if description and description.lower() != "n/a" and description != device:
            label = f"{device} — {description}"
        else:
            label = device
        found.append(Candidate(label, spec))
    found.sort(key=lambda c: c.label.lower())
    if not found:
        return ScanOutcome("serial", message="No serial ports found.")
    return ScanOutcome("serial", tuple(found))


# --- Bluetooth LE ----------------------------------------------------------------------------------
def ble_spec(address: str, profile: str | None = None) -> str:
    return f"ble:{address}" + (f",profile={profile}" if profile else "")


def scan_ble(
    timeout: float = BLE_TIMEOUT_S, *, profile: str | None = None, scanner: Any = None
) -> ScanOutcome:
    """Bluetooth LE devices advertising during ``timeout`` seconds, strongest signal first.

    bleak runs in an event loop of its own (``asyncio.run`` on the calling thread). ``scanner``
    replaces ``bleak.BleakScanner`` (tests).
    """
    try:
        from glute_coach.sensors.ble_source import UNAVAILABLE, scan

        result = scan(timeout, scanner=scanner)
    except Exception as exc:  # never expected: ble_source.scan reports its own failures
        log.debug("BLE scan failed: %s", _reason(exc))
        return ScanOutcome("ble", message=NO_BLUETOOTH, failed=True, detail=_reason(exc))
    if result.message.startswith(UNAVAILABLE) or result.message.startswith("bleak is not"):
        return ScanOutcome("ble", message=NO_BLUETOOTH, failed=True, detail=result.message)
    if not list(result) and result.message and "no BLE devices" not in result.message:
        return ScanOutcome(
            "ble", message="The Bluetooth scan failed.", failed=True, detail=result.message
        )
    found: list[Candidate] = []
    for address, name, rssi in result:
        spec = ble_spec(address, profile)
        if not _spec_ok(spec, BleSpec, "address", address):
            continue
        signal = f", {rssi} dBm" if rssi > -127 else ""
        found.append(Candidate(f"{name or 'Unnamed device'} ({address}{signal})", spec))
    if not found:
        return ScanOutcome("ble", message=f"No Bluetooth LE devices found in {timeout:g} s.")
    return ScanOutcome("ble", tuple(found))


# --- BrainFlow -------------------------------------------------------------------------------------
def brainflow_boards() -> ScanOutcome:
    """Boards to choose from: the synthetic board (no hardware) and common EMG boards.

    BrainFlow cannot search for boards; this lists the ones this BrainFlow knows by name.
    """
    try:
        from brainflow.board_shim import BoardIds

        members = BoardIds.__members__
    except Exception as exc:
        log.debug("BrainFlow unavailable: %s", _reason(exc))
        return ScanOutcome(
            "brainflow", message="BrainFlow is not installed.", failed=True, detail=_reason(exc)
        )
    found: list[Candidate] = []
    for member, label, needs in BRAINFLOW_BOARDS:
        if member not in members:
            continue
        board = member.removesuffix("_BOARD").lower()
        found.append(
            Candidate(f"{label} — needs {needs}" if needs else label, f"brainflow:{board}")
        )
    if not found:
        return ScanOutcome("brainflow", message="This BrainFlow knows none of the usual boards.")
    return ScanOutcome("brainflow", tuple(found))


# --- one entry point ---------------------------------------------------------------------------------
SCANNABLE = ("lsl", "serial", "ble", "brainflow")


def scan(kind: str, **options: Any) -> ScanOutcome:
    """Run the scan for a source kind (``lsl``, ``serial``, ``ble``, ``brainflow``); never raises."""
    try:
        if kind == "lsl":
            return scan_lsl(**options)
        if kind == "serial":
            return scan_serial(**options)
        if kind == "ble":
            return scan_ble(**options)
        if kind == "brainflow":
            return brainflow_boards()
    except Exception as exc:  # a bug in a scanner must not reach the caller's thread
        log.warning("scan %s failed: %s", kind, _reason(exc))
        return ScanOutcome(kind, message="The search failed.", failed=True, detail=_reason(exc))
    return ScanOutcome(kind, message=f"{kind} sources cannot be searched for.", failed=True)
