"""Sound for one session, in one object: what ``glute-coach play`` and the app use.

Open it with ``open_session_audio(engine, loaded, language=..., warn=...)`` before
``engine.start()``; call ``pump()`` every 20–50 ms next to ``engine.update()``; draw from
``display_snapshot()`` so the screen matches what is heard; ``close()`` (or ``with``) at the end.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from glute_coach.audio.clips import ClipCache, default_cache
from glute_coach.audio.engine import AudioEngine
from glute_coach.audio.factory import open_audio
from glute_coach.audio.music import MUSIC_RMS_DB
from glute_coach.audio.null import NullAudioEngine
from glute_coach.audio.output import AudioOutput, AudioStatus
from glute_coach.audio.scheduler import CueScheduler
from glute_coach.audio.settings import AudioSettings
from glute_coach.audio.sound import Category, Sound
from glute_coach.audio.sounds import ResolveAsset, SoundBank, SoundOptions
from glute_coach.audio.supervisor import AudioSupervisor
from glute_coach.audio.synth import ToneBank, synth_chime
from glute_coach.core.clock import MonotonicClock
from glute_coach.core.engine import SessionEngine, SessionState, Snapshot
from glute_coach.core.timeline import Timeline

log = logging.getLogger("glute_coach.audio")

MAX_MUSIC_SECONDS = 600.0
MAX_MUSIC_BYTES = 100 * 1024 * 1024

Warn = Callable[[str], None]


class LoadedRoutineLike(Protocol):
    """What is needed of ``glute_coach.core.loading.LoadedRoutine``."""

    @property
    def timeline(self) -> Timeline: ...

    def resolve_asset(self, ref: str) -> Path: ...


class SessionAudio:
    def __init__(
        self,
        session: SessionEngine,
        timeline: Timeline,
        output: AudioOutput,
        settings: AudioSettings,
        *,
        resolve_asset: ResolveAsset | None = None,
        warn: Warn | None = None,
        cache: ClipCache | None = None,
    ) -> None:
        self.session = session
        self.settings = settings
        self._timeline = timeline
        self._resolve_asset = resolve_asset
        self._warn = warn
        self._cache = cache or default_cache
        self._options = SoundOptions(
            language=settings.language, voice=settings.voice, single_beep=settings.single_beep
        )
        # Raises ClipError before anything plays; with sound off only the tones are made.
        sounds = (
            SoundBank(output.rate, ToneBank(output.rate), options=self._options)
            if output.status is AudioStatus.OFF
            else self._prepare(output.rate, warn)
        )
        self._volumes = {c: settings.volume(c) for c in Category}
        self._muted = settings.muted
        self._feedback: float | None = None
        self._chimes: dict[tuple[str, int], Sound] = {}
        self._music = (
            self._load_music(settings.music, output.rate) if settings.music is not None else None
        )
        self._apply_state(output)
        if output.status is AudioStatus.PLAYING:
            session.set_clock(output.clock)  # the stream's clock drives the session
        self.scheduler = CueScheduler(session, output, sounds, look_ahead_s=settings.look_ahead_s)
        opener = None
        if settings.enabled:

            def opener() -> AudioOutput:
                return AudioEngine.open(self.settings)

        self.supervisor = AudioSupervisor(
            session, self.scheduler, opener=opener, on_new_output=self._adopt, warn=warn
        )

    # --- the loop ----------------------------------------------------------------------------

    def pump(self) -> None:
        """Call every 20–50 ms: watches the device, then queues the cues coming up."""
        self.supervisor.poll()
        self.scheduler.pump()

    @property
    def output(self) -> AudioOutput:
        return self.scheduler.output

    @property
    def status(self) -> AudioStatus:
        return self.output.status

    @property
    def output_latency_s(self) -> float:
        return self.output.output_latency_s

    def display_snapshot(self) -> Snapshot:
        """The session as it is *heard*: position moved back by the output latency."""
        snap = self.session.snapshot()
        latency = self.output.output_latency_s * self.session.speed
        if snap.state is not SessionState.RUNNING or latency <= 0:
            return snap
        timeline = self.session.timeline
        pos = max(snap.position_s - latency, 0.0)
        seg = timeline.segments[timeline.segment_index_at(pos * 1000)]
        return dataclasses.replace(
            snap,
            position_s=pos,
            segment=seg,
            segment_left_s=max(seg.end_s - pos, 0.0),
            routine_left_s=max(timeline.total_s - pos, 0.0),
        )

    # --- controls ----------------------------------------------------------------------------

    def announce(self, text: str) -> None:
        self.scheduler.announce(text)

    def set_volume(self, category: Category, volume: float) -> None:
        self._volumes[category] = volume
        self.output.set_volume(category, volume)

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        self.output.set_muted(muted)

    def set_feedback(self, value: float | None) -> None:
        self._feedback = value
        self.output.set_feedback(value)

    def chime(self, kind: str) -> None:
        """Play the biofeedback chime for entering ("enter") or leaving ("leave") the band now."""
        output = self.output
        key = (kind, output.rate)
        sound = self._chimes.get(key)
        if sound is None:
            sound = self._chimes[key] = synth_chime(kind, output.rate)
        output.play_at(sound, output.clock.now(), category=Category.FEEDBACK)

    def set_music(self, path: Path | None) -> None:
        """Loop a music file under the cues (ducked while a voice speaks), or stop it."""
        self._music = self._load_music(path, self.output.rate) if path is not None else None
        self.output.set_music(self._music)

    def close(self) -> None:
        self.scheduler.close()
        self.output.set_feedback(None)
        self.output.close()

    def __enter__(self) -> SessionAudio:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- internals ---------------------------------------------------------------------------

    def _prepare(self, rate: int, warn: Warn | None) -> SoundBank:
        return SoundBank.prepare(
            self._timeline,
            rate=rate,
            options=self._options,
            resolve_asset=self._resolve_asset,
            cache=self._cache,
            warn=warn,
        )

    def _load_music(self, path: Path, rate: int) -> Sound:
        return self._cache.load(
            path,
            rate,
            target_db=MUSIC_RMS_DB,
            max_seconds=MAX_MUSIC_SECONDS,
            max_bytes=MAX_MUSIC_BYTES,
        )

    def _apply_state(self, output: AudioOutput) -> None:
        for category, volume in self._volumes.items():
            output.set_volume(category, volume)
        output.set_muted(self._muted)
        output.set_feedback(self._feedback)
        output.set_music(self._music)

    def _adopt(self, output: AudioOutput) -> None:
        """A reopened device: same sounds if the rate is unchanged, and the user's settings."""
        if output.rate != self.scheduler.sounds.rate:
            self.scheduler.sounds = self._prepare(output.rate, warn=lambda _m: None)
            if self._music is not None and self.settings.music is not None:
                self._music = self._load_music(self.settings.music, output.rate)
        self._apply_state(output)


def open_session_audio(
    session: SessionEngine,
    loaded: LoadedRoutineLike,
    *,
    enabled: bool = True,
    language: str | None = None,
    warn: Warn | None = None,
    settings: AudioSettings | None = None,
) -> SessionAudio:
    """Open audio for ``session`` (or fall back to silence with one warning) and load its sounds.

    The session's clock becomes the stream's when audio runs. Raises ClipError for a bad
    routine clip (``glute-coach validate`` reports the same message).
    """
    settings = settings or AudioSettings()
    settings = dataclasses.replace(
        settings, enabled=enabled and settings.enabled, language=language or settings.language
    )
    output: AudioOutput = open_audio(settings, warn=warn)
    try:
        return SessionAudio(
            session,
            loaded.timeline,
            output,
            settings,
            resolve_asset=loaded.resolve_asset,
            warn=warn,
        )
    except Exception:
        output.close()
        raise


def silent_session_audio(session: SessionEngine, timeline: Timeline) -> SessionAudio:
    """Captions only, no device: for tests and ``--no-audio``."""
    output = NullAudioEngine(MonotonicClock(), status=AudioStatus.OFF, reason="sound is off")
    return SessionAudio(session, timeline, output, AudioSettings(enabled=False))
