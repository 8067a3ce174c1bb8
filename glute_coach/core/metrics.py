"""Per-exercise biofeedback results: what the finish screen shows and the session store keeps.

Plain data (no numpy), so storage and views can use it without the sensor layer. Values that
could not be measured (no calibration, no data, one side only) are None, never 0.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

# The unit of ``peak``/``mean``: "%MVC" after calibration, "mmHg" for pressure, else the
# source's own unit (e.g. "mV") when %MVC was not available.
PERCENT_MVC = "%MVC"


def _number(data: dict[str, Any], key: str) -> float | None:
    """``data[key]`` as a finite float, or None when absent or null."""
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{key} must be a number, got {value!r}")
    return float(value)


def _seconds(data: dict[str, Any], key: str) -> float:
    """A duration that is always there (absent: 0)."""
    value = _number(data, key) if key in data else 0.0
    if value is None:
        raise ValueError(f"{key} must be a number of seconds, got None")
    return value


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise ValueError(f"{key} must be text, got {value!r}")
    return value


def _optional_text(data: dict[str, Any], key: str) -> str | None:
    return None if data.get(key) is None else _text(data, key)


def _finite(value: float | None) -> float | None:
    """NaN and infinity cannot be stored in JSON: they mean "not measured", i.e. None."""
    return None if value is None or not math.isfinite(value) else float(value)


@dataclass(frozen=True)
class ChannelMetrics:
    channel: str
    muscle: str | None
    side: str  # "left", "right" or "both"
    unit: str
    peak: float | None
    mean: float | None
    zone_s: float | None  # seconds inside the target band (None: no band)
    reps: int
    onset_latency_s: float | None  # median cue-to-onset time of this channel

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; ``from_json`` reads it back equal (non-finite values become None)."""
        out = asdict(self)
        out["reps"] = max(int(self.reps), 0)  # a count: never written negative
        for key in ("peak", "mean", "zone_s", "onset_latency_s"):
            out[key] = _finite(out[key])
        return out

    @classmethod
    def from_json(cls, data: Any) -> ChannelMetrics:
        """Read stored channel metrics; raises ValueError saying what is wrong."""
        if not isinstance(data, dict):
            raise ValueError("channel metrics must be an object")
        reps = data.get("reps", 0)
        if isinstance(reps, bool) or not isinstance(reps, int) or reps < 0:
            raise ValueError(f"reps must be a whole number, got {reps!r}")
        return cls(
            channel=_text(data, "channel"),
            muscle=_optional_text(data, "muscle"),
            side=_text(data, "side") if "side" in data else "both",
            unit=_text(data, "unit"),
            peak=_number(data, "peak"),
            mean=_number(data, "mean"),
            zone_s=_number(data, "zone_s"),
            reps=reps,
            onset_latency_s=_number(data, "onset_latency_s"),
        )


@dataclass(frozen=True)
class ExerciseMetrics:
    """One exercise (timeline block) of a session with a sensor."""

    exercise: str  # the step's name as shown
    exercise_id: str | None
    active_s: float  # seconds of work/hold with data
    gap_s: float  # seconds of work/hold without data (sensor lost)
    band: tuple[float, float] | None  # the target band, in the channels' unit
    channels: list[ChannelMetrics] = field(default_factory=list)
    symmetry: float | None = None  # (L - R) / mean of the target muscle's mean levels

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; ``from_json`` reads it back equal (non-finite values become None)."""
        band = None
        if self.band is not None and all(math.isfinite(v) for v in self.band):
            band = [float(self.band[0]), float(self.band[1])]
        return {
            "exercise": self.exercise,
            "exercise_id": self.exercise_id,
            "active_s": _finite(self.active_s) or 0.0,
            "gap_s": _finite(self.gap_s) or 0.0,
            "band": band,
            "channels": [c.to_json() for c in self.channels],
            "symmetry": _finite(self.symmetry),
        }

    @classmethod
    def from_json(cls, data: Any) -> ExerciseMetrics:
        """Read stored exercise metrics; raises ValueError saying what is wrong.

        Whatever ``to_json`` writes is read back equal: only wrong types (and NaN or infinity,
        which ``to_json`` never writes) are refused, so a saved session never becomes unreadable.
        """
        if not isinstance(data, dict):
            raise ValueError("exercise metrics must be an object")
        band = data.get("band")
        if band is not None:
            if not (isinstance(band, list) and len(band) == 2):
                raise ValueError("band must be [low, high]")
            low, high = _number({"low": band[0]}, "low"), _number({"high": band[1]}, "high")
            if low is None or high is None:
                raise ValueError(f"band must be [low, high], got {band!r}")
            band = (low, high)
        channels = data.get("channels", [])
        if not isinstance(channels, list):
            raise ValueError("channels must be a list")
        read: list[ChannelMetrics] = []
        for n, channel in enumerate(channels, start=1):
            try:
                read.append(ChannelMetrics.from_json(channel))
            except ValueError as exc:
                raise ValueError(f"channel {n}: {exc}") from None
        return cls(
            exercise=_text(data, "exercise"),
            exercise_id=_optional_text(data, "exercise_id"),
            active_s=_seconds(data, "active_s"),
            gap_s=_seconds(data, "gap_s"),
            band=band,
            channels=read,
            symmetry=_number(data, "symmetry"),
        )
