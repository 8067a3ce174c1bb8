"""What the rest of the app may ask of an audio output, real or not."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from glute_coach.audio.sound import Category, Sound
from glute_coach.core.clock import Clock


class AudioStatus(StrEnum):
    PLAYING = "playing"  # a stream is open; its clock drives the session
    OFF = "off"  # the user turned sound off
    UNAVAILABLE = "unavailable"  # no audio could be opened: system clock, captions only
    LOST = "lost"  # the device went away mid-session: system clock, retrying


class AudioUnavailableError(RuntimeError):
    """Audio cannot be opened; the message is one line a user can act on."""


class AudioOutput(Protocol):
    @property
    def rate(self) -> int: ...

    @property
    def clock(self) -> Clock:
        """Seconds on this output's clock; ``play_at`` times are on it."""
        ...

    @property
    def output_latency_s(self) -> float:
        """How long after ``clock.now()`` reaches ``t`` a sound placed at ``t`` is heard."""
        ...

    @property
    def status(self) -> AudioStatus: ...

    @property
    def failed(self) -> str | None:
        """Why the output stopped working mid-session, or None while it works."""
        ...

    def play_at(
        self,
        sound: Sound,
        at: float,
        *,
        category: Category,
        gain: float = 1.0,
        duck_music: bool = False,
    ) -> int:
        """Queue ``sound`` to start at clock time ``at``; returns a handle for ``cancel``."""
        ...

    def cancel(self, handle: int) -> None: ...

    def cancel_pending(self) -> None:
        """Drop every queued sound that has not started; sounding ones play on."""
        ...

    def silence(self) -> None:
        """Drop queued sounds and fade out sounding ones."""
        ...

    def set_volume(self, category: Category, volume: float) -> None: ...

    def set_muted(self, muted: bool) -> None: ...

    def set_feedback(self, value: float | None) -> None:
        """Control value 0..1 for the feedback tone, or None to fade it out."""
        ...

    def set_music(self, sound: Sound | None) -> None: ...

    def close(self) -> None: ...
