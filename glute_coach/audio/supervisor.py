"""Device faults: keep the session on a working clock, and bring sound back when possible.

While a stream runs, its clock drives the session. When the device disappears (the stream
finishes, stalls or its callback fails) the session moves to the fallback clock through
``SessionEngine.set_clock``, which rebases without a jump, and cues go to a silent stand-in.
Reopening is tried with a growing back-off; when it works the session moves back to the new
stream's clock, again without a jump, and the scheduler requeues from the current position.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from glute_coach.audio.null import NullAudioEngine
from glute_coach.audio.output import AudioOutput, AudioStatus, AudioUnavailableError
from glute_coach.audio.scheduler import CueScheduler
from glute_coach.core.clock import Clock, MonotonicClock
from glute_coach.core.engine import SessionEngine

log = logging.getLogger("glute_coach.audio")

BACKOFF_S = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)
# Reasons that retrying cannot fix.
PERMANENT = ("PortAudio library is not installed",)

Opener = Callable[[], AudioOutput]
Warn = Callable[[str], None]


class AudioSupervisor:
    def __init__(
        self,
        session: SessionEngine,
        scheduler: CueScheduler,
        *,
        opener: Opener | None,
        on_new_output: Callable[[AudioOutput], None] | None = None,
        fallback_clock: Clock | None = None,
        warn: Warn | None = None,
        wall: Callable[[], float] = time.monotonic,
        backoff_s: tuple[float, ...] = BACKOFF_S,
    ) -> None:
        self.session = session
        self.scheduler = scheduler
        self._opener = opener
        self._on_new_output = on_new_output
        self._fallback_clock = fallback_clock or MonotonicClock()
        self._warn = warn or log.warning
        self._wall = wall
        self._backoff = backoff_s
        self._attempts = 0
        self._next_try = wall() + backoff_s[0]
        self._warned = False
        self.reason: str | None = getattr(scheduler.output, "reason", None) or None
        self.recoveries = 0

    @property
    def output(self) -> AudioOutput:
        return self.scheduler.output

    @property
    def status(self) -> AudioStatus:
        return self.output.status

    def poll(self) -> None:
        """Call often (the scheduler's pump does); cheap when all is well."""
        output = self.output
        reason = output.failed
        if reason is not None:
            self._lose(output, reason)
        elif (
            output.status in (AudioStatus.LOST, AudioStatus.UNAVAILABLE)
            and self._may_retry()
            and self._wall() >= self._next_try
        ):
            self._try_reopen()

    def _may_retry(self) -> bool:
        reason = self.reason or ""
        return self._opener is not None and not any(p in reason for p in PERMANENT)

    def _lose(self, output: AudioOutput, reason: str) -> None:
        stand_in = NullAudioEngine(
            self._fallback_clock, rate=output.rate, status=AudioStatus.LOST, reason=reason
        )
        self.session.set_clock(stand_in.clock)
        self.scheduler.set_output(stand_in)
        output.close()
        self.reason = reason
        self._attempts = 0
        self._next_try = self._wall() + self._backoff[0]
        if not self._warned:
            self._warned = True
            self._warn(
                f"sound lost: {reason}; the session continues on the system clock with every "
                "cue on screen, and sound will come back when the device does"
            )

    def _try_reopen(self) -> None:
        assert self._opener is not None
        try:
            fresh = self._opener()
        except AudioUnavailableError as err:
            self.reason = str(err)
            self._attempts += 1
            delay = self._backoff[min(self._attempts, len(self._backoff) - 1)]
            self._next_try = self._wall() + delay
            return
        if self._on_new_output is not None:
            self._on_new_output(fresh)  # e.g. re-render sounds at a new rate, restore volumes
        self.session.set_clock(fresh.clock)
        self.scheduler.set_output(fresh)
        self.reason = None
        self.recoveries += 1
        log.info("sound is back")
