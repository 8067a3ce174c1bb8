"""User settings: every option declared once, here, with its default and allowed values.

Stored as JSON in the user config folder with a version number. Older files are upgraded step by
step (``_UPGRADES``); a file that cannot be read is moved aside and defaults are used, and the
caller is told once (``LoadedSettings.notice``); a single bad value falls back to its default.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from glute_coach.core.atomic import write_text_atomic
from glute_coach.storage.paths import user_config_dir

SETTINGS_VERSION = 2
SETTINGS_FILE = "settings.json"


class Theme(StrEnum):
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high-contrast"


class FeedbackSound(StrEnum):
    """What is heard while a hold has a biofeedback target."""

    OFF = "off"
    TONE = "tone"  # a continuous tone whose pitch follows the level
    CHIME = "chime"  # a chime on entering and on leaving the target band


class Settings(BaseModel):
    """The one declaration of every setting and its default."""

    model_config = ConfigDict(extra="ignore", frozen=True, validate_default=True)

    audio_device: str | None = Field(
        default=None, description="Output device name; None = system default."
    )
    voice_volume: float = Field(default=1.0, ge=0, le=1)
    beep_volume: float = Field(default=0.8, ge=0, le=1)
    feedback_volume: float = Field(default=0.6, ge=0, le=1)
    music_volume: float = Field(default=0.5, ge=0, le=1)
    muted: bool = False
    voice_enabled: bool = Field(default=True, description="Speak cues; beeps stand in when off.")
    voice_language: str = Field(default="en", pattern=r"^[a-z]{2}$")
    single_beep: bool = Field(default=False, description="One beep sound for every phase.")
    countdown_beeps: int = Field(default=3, ge=0, le=10)
    theme: Theme = Theme.LIGHT
    font_scale: float = Field(default=1.0, ge=0.75, le=2.0)
    flash_on_cue: bool = False
    interface_language: str = Field(default="system", pattern=r"^(system|[a-z]{2})$")
    sensor: str | None = Field(
        default=None, max_length=400, description="Sensor profile name (or spec); None = none."
    )
    feedback_sound: FeedbackSound = FeedbackSound.TONE
    feedback_colors: bool = Field(default=True, description="Gauges coloured by target zone.")
    show_traces: bool = Field(default=True, description="Live signal traces beside the gauges.")
    record_sensor: bool = Field(default=True, description="Save each session's sensor data.")
    reminders_enabled: bool = Field(
        default=False, description="Remind me to exercise (a tray notice while the app runs)."
    )
    reminder_days: tuple[int, ...] = Field(
        default=(0, 2, 4),
        max_length=7,
        description="Weekdays to remind on: 0 = Monday … 6 = Sunday (sorted, no repeats).",
    )
    reminder_time: str = Field(
        default="18:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="HH:MM, 24-hour."
    )
    reminder_routine: str | None = Field(
        default=None,
        max_length=64,
        description="Id of the routine the reminder names; None = no routine named.",
    )

    @field_validator("reminder_days")
    @classmethod
    def _weekdays(cls, days: tuple[int, ...]) -> tuple[int, ...]:
        if any(not 0 <= day <= 6 for day in days):
            raise ValueError("weekdays are numbers from 0 (Monday) to 6 (Sunday)")
        return tuple(sorted(set(days)))


def _upgrade_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 kept one 'volume' and a 'dark_mode' flag."""
    out = dict(data)
    if "volume" in out:
        volume = out.pop("volume")
        out.setdefault("voice_volume", volume)
        out.setdefault("beep_volume", volume)
    if "dark_mode" in out:
        out.setdefault("theme", Theme.DARK.value if out.pop("dark_mode") else Theme.LIGHT.value)
    return out


_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _upgrade_1_to_2}


@dataclass(frozen=True)
class LoadedSettings:
    """The settings, and what to tell the user once about the file they came from."""

    settings: Settings
    unreadable: str | None = None  # why the file could not be read (defaults are in use)
    kept_as: str | None = None  # the name the unreadable file was moved aside to
    reset: tuple[str, ...] = ()  # settings whose values were not valid (defaults are in use)

    @property
    def notice(self) -> str | None:
        """What happened, in English (the app says it in the user's language)."""
        if self.unreadable is not None:
            where = f" It was kept as {self.kept_as}." if self.kept_as else ""
            return f"Your settings file could not be read ({self.unreadable}); defaults are in use.{where}"
        if self.reset:
            return f"Some settings were not valid and were reset: {', '.join(self.reset)}."
        return None


def settings_path() -> Path:
    return user_config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> LoadedSettings:
    path = path or settings_path()
    if not path.exists():
        return LoadedSettings(Settings())
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        version = data.pop("version", 1)
        if not isinstance(version, int) or version < 1 or version > SETTINGS_VERSION:
            raise ValueError(f"unknown settings version {version!r}")
        for step in range(version, SETTINGS_VERSION):
            data = _UPGRADES[step](data)
    except (OSError, ValueError) as exc:
        moved = _move_aside(path)
        return LoadedSettings(
            Settings(), unreadable=str(exc), kept_as=moved.name if moved else None
        )
    settings, reset = _validate_leniently(data)
    return LoadedSettings(settings, reset=tuple(reset))


def _validate_leniently(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    reset: list[str] = []
    while True:
        try:
            return Settings.model_validate(data), reset
        except ValidationError as exc:
            bad = {str(err["loc"][0]) for err in exc.errors() if err["loc"]}
            if not bad or not bad - set(reset):
                return Settings(), sorted(data)
            reset += sorted(bad)
            data = {k: v for k, v in data.items() if k not in bad}


def _move_aside(path: Path) -> Path | None:
    target = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        path.replace(target)
    except OSError:
        return None
    return target


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically: a crash mid-write leaves the old file, never half a file."""
    path = path or settings_path()
    payload = {"version": SETTINGS_VERSION, **settings.model_dump(mode="json")}
    write_text_atomic(path, json.dumps(payload, indent=2, sort_keys=True) + "\n")
