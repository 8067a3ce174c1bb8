"""The bridge from the session's timeline to the audio output.

On each ``pump()`` (every 20–50 ms from whatever drives the app) every cue whose routine time
falls within the look-ahead window is handed to the output with its exact clock time, from
``SessionEngine.clock_time_at``. The pump's own timing therefore never affects when a cue is
heard, only how far ahead it is queued. A cursor makes each cue scheduled once; when the
session's ``generation`` changes (pause, resume, seek, clock change, stop) whatever was queued
but has not started is cancelled and the cursor moves back to the session's position, so the
cancelled cues are queued again on the new schedule. Cues at exactly that position are due
again, as in ``SessionEngine.seek``; the clock's lead guarantees a cue at the pause position
had not started when the pause cancelled it. Only a seek moves the cursor forward (skipping
cues, like the engine); otherwise a cue the pump never reached is played late, not lost.

The scheduler also pumps at once when the session starts, resumes, seeks or stops, so a cue
at that very position is queued before its time instead of at the next pump.
"""

from __future__ import annotations

import bisect

from glute_coach.audio.output import AudioOutput
from glute_coach.audio.sound import Category
from glute_coach.audio.sounds import SoundBank
from glute_coach.core.engine import Event, Seeked, SessionEngine, SessionState, StateChanged

DEFAULT_LOOK_AHEAD_S = 1.5
_EPS_MS = 1e-6


def _nothing() -> None:
    return None


class CueScheduler:
    def __init__(
        self,
        session: SessionEngine,
        output: AudioOutput,
        sounds: SoundBank,
        *,
        look_ahead_s: float = DEFAULT_LOOK_AHEAD_S,
    ) -> None:
        if look_ahead_s <= 0:
            raise ValueError("look_ahead_s must be positive")
        self.session = session
        self.output = output
        self.sounds = sounds
        self.look_ahead_s = look_ahead_s
        self._cues = session.timeline.cues
        self._times = [c.at_ms for c in self._cues]
        self._generation = session.generation
        self._cursor = self._cue_index_at(session.position_s())
        self._seek_target: float | None = None
        self._silenced = False
        self.scheduled = 0  # cues handed to an output, over the session
        self._unsubscribe = session.subscribe(self._on_event)

    def _on_event(self, event: Event) -> None:
        if isinstance(event, Seeked):
            self._seek_target = event.position_s
        if isinstance(event, Seeked) or (
            isinstance(event, StateChanged)
            and event.state in (SessionState.RUNNING, SessionState.STOPPED)
        ):
            self.pump()

    def _cue_index_at(self, position_s: float) -> int:
        return bisect.bisect_left(self._times, position_s * 1000 - _EPS_MS)

    def close(self) -> None:
        """Stop following the session (idempotent: the app closes it early, then again with the
        output after the last sound's tail)."""
        unsubscribe, self._unsubscribe = self._unsubscribe, _nothing
        unsubscribe()

    def set_output(self, output: AudioOutput, sounds: SoundBank | None = None) -> None:
        """Move to another output (device lost or back): drop what the old one queued."""
        self.output.cancel_pending()
        self.output = output
        if sounds is not None:
            self.sounds = sounds
        # What the old output had queued is gone: queue it again from the current position.
        self._cursor = min(self._cursor, self._cue_index_at(self.session.position_s()))

    def pump(self) -> int:
        """Queue the cues due within the look-ahead; returns how many were queued."""
        session = self.session
        self._follow_generation()
        state = session.state
        if state is SessionState.STOPPED:
            if not self._silenced:
                self.output.silence()
                self._silenced = True
            return 0
        if state is not SessionState.RUNNING:
            return 0
        horizon_ms = (session.position_s() + self.look_ahead_s * session.speed) * 1000
        queued = 0
        while self._cursor < len(self._cues) and self._times[self._cursor] <= horizon_ms + _EPS_MS:
            cue = self._cues[self._cursor]
            at = session.clock_time_at(cue.at_s)
            if at is None:  # stopped running between the checks (another thread)
                break
            sound, category = self.sounds.for_cue(cue)
            self.output.play_at(sound, at, category=category, duck_music=category is Category.VOICE)
            self._cursor += 1
            queued += 1
        self.scheduled += queued
        return queued

    def _follow_generation(self) -> None:
        session = self.session
        if session.generation == self._generation:
            return
        self.output.cancel_pending()
        self._generation = session.generation
        if self._seek_target is not None:
            self._cursor = self._cue_index_at(self._seek_target)
            self._seek_target = None
        else:
            self._cursor = min(self._cursor, self._cue_index_at(session.position_s()))

    def announce(self, text: str) -> None:
        """Say something now, outside the timeline (e.g. "Paused", "Resume")."""
        self._follow_generation()  # so the next pump does not cancel this as stale
        sound, category = self.sounds.for_text(text)
        at = self.output.clock.now()
        self.output.play_at(sound, at, category=category, duck_music=category is Category.VOICE)
