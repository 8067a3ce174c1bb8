"""``open_audio``: the real engine when audio works, a silent stand-in (and one warning) when not."""

from __future__ import annotations

import logging
from collections.abc import Callable

from glute_coach.audio.engine import AudioEngine, StreamFactory
from glute_coach.audio.null import NullAudioEngine
from glute_coach.audio.output import AudioStatus, AudioUnavailableError
from glute_coach.audio.settings import AudioSettings
from glute_coach.core.clock import MonotonicClock

log = logging.getLogger("glute_coach.audio")

Warn = Callable[[str], None]


def no_sound_message(reason: str) -> str:
    return f"no sound: {reason}; the session runs on the system clock and shows every cue on screen"


def open_audio(
    settings: AudioSettings | None = None,
    *,
    warn: Warn | None = None,
    stream_factory: StreamFactory | None = None,
) -> AudioEngine | NullAudioEngine:
    """Open the output stream, or return a NullAudioEngine on the monotonic clock.

    Check ``.status`` on the result: PLAYING, OFF (settings.enabled is False) or UNAVAILABLE
    (then ``.reason`` says why, and ``warn`` — default: a logging warning — got one line).
    """
    settings = settings or AudioSettings()
    if not settings.enabled:
        return NullAudioEngine(
            MonotonicClock(),
            rate=settings.samplerate,
            status=AudioStatus.OFF,
            reason="sound is off",
        )
    try:
        return AudioEngine.open(settings, stream_factory=stream_factory)
    except AudioUnavailableError as err:
        (warn or log.warning)(no_sound_message(str(err)))
        return NullAudioEngine(
            MonotonicClock(),
            rate=settings.samplerate,
            status=AudioStatus.UNAVAILABLE,
            reason=str(err),
        )
