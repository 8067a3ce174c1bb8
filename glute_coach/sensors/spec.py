"""``--sensor SPEC`` strings, shared by the CLI and the app.

Grammar: ``KIND[:TARGET][,key=value]...``. Examples::

    sim
    sim:seed=3,channels=2,fs=1000,kind=emg
    file:/path/to/3Asen.txt,speed=10
    lsl:MyAmp            lsl:type=EMG
    brainflow:46,mac=AA:BB:CC:DD:EE:FF
    ble:AA:BB:CC:DD:EE:FF,profile=myoware2
    serial:/dev/ttyUSB0,baud=115200[,format=text|frame,channels=N,fs=HZ]
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from glute_coach.sensors.source import SignalSource

_OPTION = re.compile(r",\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([^,]*)$")


@dataclass(frozen=True, slots=True)
class SimSpec:
    seed: int | None = None
    channels: int = 2
    fs: float = 1000.0
    kind: Literal["emg", "pressure"] = "emg"


@dataclass(frozen=True, slots=True)
class FileSpec:
    path: Path
    speed: float = 1.0
    fs: float | None = None  # overrides the rate read from the file (UCI: 1000 Hz)


@dataclass(frozen=True, slots=True)
class LslSpec:
    name: str | None = None
    type: str | None = None


@dataclass(frozen=True, slots=True)
class BrainFlowSpec:
    board: str
    options: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class BleSpec:
    address: str
    profile: str | None = None


@dataclass(frozen=True, slots=True)
class SerialSpec:
    port: str
    baud: int = 115200
    format: str = "text"  # "text" lines (a,b\n) or binary "frame"s (see frames.py)
    channels: int | None = None
    fs: float | None = None


SensorSpec = SimSpec | FileSpec | LslSpec | BrainFlowSpec | BleSpec | SerialSpec

KINDS = ("sim", "file", "lsl", "brainflow", "ble", "serial")


def _split(text: str) -> tuple[str, str, dict[str, str]]:
    """``kind``, positional target and ``key=value`` options (peeled from the right)."""
    kind, _, rest = text.strip().partition(":")
    kind = kind.strip().lower()
    options: dict[str, str] = {}
    rest = rest.strip()
    while m := _OPTION.search(rest):
        key = m.group(1).lower()
        if key in options:
            raise ValueError(f"sensor spec {text!r}: option {key!r} given twice")
        options[key] = m.group(2).strip()
        rest = rest[: m.start()]
    # the first item may itself be an option ("sim:seed=3", "lsl:type=EMG")
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*\s*=.*", rest) and kind in ("sim", "lsl"):
        key, _, value = rest.partition("=")
        key = key.strip().lower()
        if key in options:
            raise ValueError(f"sensor spec {text!r}: option {key!r} given twice")
        options[key] = value.strip()
        rest = ""
    return kind, rest.strip(), options


def _number(text: str, key: str, value: str, cast: type[int] | type[float]) -> float:
    try:
        number = cast(value)
    except ValueError:
        raise ValueError(f"sensor spec {text!r}: {key}={value!r} is not a number") from None
    if key != "seed" and not number > 0:
        raise ValueError(f"sensor spec {text!r}: {key} must be positive")
    return number


def _reject_unknown(text: str, options: dict[str, str], allowed: set[str]) -> None:
    unknown = sorted(set(options) - allowed)
    if unknown:
        raise ValueError(
            f"sensor spec {text!r}: unknown option(s) {', '.join(unknown)}"
            f" (allowed: {', '.join(sorted(allowed)) or 'none'})"
        )


def parse_spec(text: str) -> SensorSpec:
    """Parse a spec string; raise ValueError with a message fit for the user."""
    if not text or not text.strip():
        raise ValueError("empty sensor spec")
    kind, target, opts = _split(text)
    if kind == "sim":
        if target:
            raise ValueError(f"sensor spec {text!r}: sim takes options only (sim:seed=3,...)")
        _reject_unknown(text, opts, {"seed", "channels", "fs", "kind"})
        sim_kind = opts.get("kind", "emg").lower()
        if sim_kind not in ("emg", "pressure"):
            raise ValueError(f"sensor spec {text!r}: kind must be emg or pressure")
        return SimSpec(
            seed=int(_number(text, "seed", opts["seed"], int)) if "seed" in opts else None,
            channels=int(_number(text, "channels", opts.get("channels", "2"), int)),
            fs=float(_number(text, "fs", opts.get("fs", "1000"), float)),
            kind="emg" if sim_kind == "emg" else "pressure",
        )
    if kind == "file":
        if not target:
            raise ValueError(f"sensor spec {text!r}: file needs a path (file:PATH)")
        _reject_unknown(text, opts, {"speed", "fs"})
        return FileSpec(
            path=Path(target).expanduser(),
            speed=float(_number(text, "speed", opts.get("speed", "1"), float)),
            fs=float(_number(text, "fs", opts["fs"], float)) if "fs" in opts else None,
        )
    if kind == "lsl":
        _reject_unknown(text, opts, {"name", "type"})
        name = target or opts.get("name")
        if target and "name" in opts:
            raise ValueError(f"sensor spec {text!r}: stream name given twice")
        if not name and not opts.get("type"):
            raise ValueError(f"sensor spec {text!r}: lsl needs a stream name or type=")
        return LslSpec(name=name or None, type=opts.get("type") or None)
    if kind == "brainflow":
        if not target:
            raise ValueError(f"sensor spec {text!r}: brainflow needs a board (brainflow:BOARD)")
        return BrainFlowSpec(board=target, options=opts)
    if kind == "ble":
        if not target:
            raise ValueError(f"sensor spec {text!r}: ble needs an address (ble:ADDRESS)")
        _reject_unknown(text, opts, {"profile"})
        return BleSpec(address=target, profile=opts.get("profile"))
    if kind == "serial":
        if not target:
            raise ValueError(f"sensor spec {text!r}: serial needs a port (serial:PORT)")
        _reject_unknown(text, opts, {"baud", "format", "channels", "fs"})
        fmt = opts.get("format", "text")
        if fmt not in ("text", "frame"):
            raise ValueError(f"sensor spec {text!r}: format must be 'text' or 'frame', not {fmt!r}")
        return SerialSpec(
            port=target,
            baud=int(_number(text, "baud", opts.get("baud", "115200"), int)),
            format=fmt,
            channels=int(_number(text, "channels", opts["channels"], int))
            if "channels" in opts
            else None,
            fs=_number(text, "fs", opts["fs"], float) if "fs" in opts else None,
        )
    raise ValueError(f"unknown sensor kind {kind!r} in {text!r} (known: {', '.join(KINDS)})")


def open_source(spec: str | SensorSpec, clock: Callable[[], float] | None = None) -> SignalSource:
    """Build (not start) the source for a spec.

    ``clock`` paces and stamps the sources that make their own time (``sim``, ``file:``), so a
    test's fake clock drives them; devices stamp with the real monotonic clock.
    """
    parsed = parse_spec(spec) if isinstance(spec, str) else spec
    paced = clock or time.monotonic
    if isinstance(parsed, SimSpec):
        from glute_coach.sensors.sim import SimSource

        return SimSource(
            channels=parsed.channels, fs=parsed.fs, kind=parsed.kind, seed=parsed.seed, clock=paced
        )
    if isinstance(parsed, FileSpec):
        from glute_coach.sensors.file_source import FileSource

        return FileSource(parsed.path, speed=parsed.speed, fs=parsed.fs, clock=paced)
    if isinstance(parsed, LslSpec):
        from glute_coach.sensors.lsl_source import LslSource

        return LslSource(name=parsed.name, stream_type=parsed.type)
    if isinstance(parsed, BleSpec):
        from glute_coach.sensors.ble_source import BleSource

        return BleSource(parsed.address, parsed.profile)
    if isinstance(parsed, BrainFlowSpec):
        from glute_coach.sensors.brainflow_source import BrainFlowSource

        return BrainFlowSource(parsed.board, parsed.options)
    if isinstance(parsed, SerialSpec):
        from glute_coach.sensors.serial_source import SerialSource

        return SerialSource(
            parsed.port,
            parsed.baud,
            format="frame" if parsed.format == "frame" else "text",
            channels=parsed.channels,
            fs=parsed.fs,
        )
    raise ValueError(f"unsupported sensor spec {parsed!r}")
