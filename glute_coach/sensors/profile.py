"""Sensor profiles: a named source spec plus what each channel measures (muscle and side).

A profile is what the sensor setup dialog saves and what ``glute-coach --sensor NAME`` starts
with. Stored as one small JSON file per profile (``{"version": 1, ...}``) in a folder the caller
chooses (the app uses ``user_config_dir()/sensor-profiles``); writes are atomic.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from glute_coach.core.atomic import write_text_atomic
from glute_coach.core.routine import Side
from glute_coach.sensors.spec import parse_spec

PROFILE_VERSION = 1
PROFILES_DIR = "sensor-profiles"

# Muscles a channel can be placed on, in the routine files' spelling.
MUSCLES: tuple[str, ...] = (
    "gluteus_maximus",
    "gluteus_medius",
    "gluteus_minimus",
    "hamstrings",
    "tensor_fasciae_latae",
    "rectus_femoris",
    "erector_spinae",
)

_LEFT = re.compile(r"(^|[^a-z])(l|left|links)([^a-z]|$)|^l\d", re.IGNORECASE)
_RIGHT = re.compile(r"(^|[^a-z])(r|right|rechts)([^a-z]|$)|^r\d", re.IGNORECASE)
_MUSCLE_HINTS: tuple[tuple[str, str], ...] = (
    ("med", "gluteus_medius"),
    ("min", "gluteus_minimus"),
    ("ham", "hamstrings"),
    ("bf", "hamstrings"),
    ("tfl", "tensor_fasciae_latae"),
    ("rf", "rectus_femoris"),
    ("erector", "erector_spinae"),
    ("max", "gluteus_maximus"),
    ("glut", "gluteus_maximus"),
)


class ChannelRole(BaseModel):
    """What one channel of the source measures."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    channel: str = Field(min_length=1, max_length=80, description="The source's channel name.")
    muscle: str | None = Field(default=None, max_length=40)
    side: Side = Side.BOTH
    use: bool = Field(default=True, description="Shown and used for feedback.")


class SensorProfile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1] = 1
    name: str = Field(min_length=1, max_length=60)
    spec: str = Field(min_length=1, max_length=400)
    channels: list[ChannelRole] = Field(default_factory=list, max_length=64)

    @field_validator("name")
    @classmethod
    def _name_text(cls, value: str) -> str:
        value = " ".join(value.split())
        if not value:
            raise ValueError("a profile needs a name")
        return value

    @field_validator("spec")
    @classmethod
    def _valid_spec(cls, value: str) -> str:
        parse_spec(value)  # raises ValueError with a message for the user
        return value.strip()

    def role_for(self, channel: str) -> ChannelRole | None:
        for role in self.channels:
            if role.channel == channel:
                return role
        return None


def guess_role(channel: str) -> ChannelRole:
    """A first guess from a channel's name ("left", "R2", "glute_med_L"), for the user to fix."""
    lowered = channel.lower()
    side = Side.BOTH
    if _LEFT.search(lowered):
        side = Side.LEFT
    elif _RIGHT.search(lowered):
        side = Side.RIGHT
    muscle: str | None = None
    for hint, name in _MUSCLE_HINTS:
        if hint in lowered:
            muscle = name
            break
    if muscle is None and side is not Side.BOTH:
        muscle = "gluteus_maximus"  # the common set-up: one electrode pair per buttock
    return ChannelRole(channel=channel, muscle=muscle, side=side)


def roles_for(
    channels: Sequence[str], profile: SensorProfile | None = None
) -> Mapping[str, ChannelRole]:
    """A role for every channel: the profile's where it has one, else a guess from the name."""
    out: dict[str, ChannelRole] = {}
    for name in channels:
        role = profile.role_for(name) if profile is not None else None
        out[name] = role if role is not None else guess_role(name)
    return out


def _file_stem(name: str) -> str:
    stem = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return stem[:60] or "profile"


def profile_path(directory: Path, name: str) -> Path:
    return directory / f"{_file_stem(name)}.json"


def save_profile(profile: SensorProfile, directory: Path) -> Path:
    """Write (or replace) a profile atomically; returns its path. Raises OSError."""
    directory.mkdir(parents=True, exist_ok=True)
    path = profile_path(directory, profile.name)
    text = json.dumps(profile.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    return write_text_atomic(path, text)


@dataclass(frozen=True)
class LoadedProfiles:
    profiles: list[SensorProfile]
    problems: list[str]  # one line per file that could not be read


def _read(path: Path) -> SensorProfile:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot be read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"is not valid JSON (line {exc.lineno})") from None
    try:
        return SensorProfile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "profile"
        raise ValueError(f"{where}: {first['msg']}") from None


def load_profiles(directory: Path) -> LoadedProfiles:
    """Every readable profile in ``directory`` (sorted by name); unreadable ones are reported."""
    profiles: list[SensorProfile] = []
    problems: list[str] = []
    if directory.is_dir():
        for path in sorted(directory.glob("*.json")):
            if path.name.startswith("."):  # a save in progress (or one a crash left behind)
                continue
            try:
                profiles.append(_read(path))
            except ValueError as exc:
                problems.append(f"{path.name}: {exc}")
    profiles.sort(key=lambda p: p.name.lower())
    return LoadedProfiles(profiles, problems)


def find_profile(directory: Path, name: str) -> SensorProfile | None:
    """The profile called ``name`` (case-insensitive), or None."""
    wanted = " ".join(name.split()).lower()
    for profile in load_profiles(directory).profiles:
        if profile.name.lower() == wanted:
            return profile
    return None


def delete_profile(directory: Path, name: str) -> bool:
    """Remove the profile called ``name``; False if there is none. Raises OSError.

    The file is usually ``profile_path(directory, name)``; a profile file copied in under another
    file name is found by the name inside it.
    """
    path = profile_path(directory, name)
    if not path.is_file() and directory.is_dir():
        wanted = " ".join(name.split()).lower()
        for other in sorted(directory.glob("*.json")):
            if not other.name.startswith(".") and _name_in(other) == wanted:
                path = other
                break
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


def _name_in(path: Path) -> str | None:
    try:
        return _read(path).name.lower()
    except ValueError:
        return None


def resolve_sensor(text: str, directory: Path) -> tuple[str, SensorProfile | None]:
    """``--sensor``'s value: a saved profile's name, or else a spec string.

    Returns (spec, profile or None); raises ValueError with one line for the user.
    """
    profile = find_profile(directory, text)
    if profile is not None:
        return profile.spec, profile
    try:
        parse_spec(text)
    except ValueError as exc:
        raise ValueError(f"{exc} (and no saved sensor profile is called {text!r})") from None
    return text.strip(), None
