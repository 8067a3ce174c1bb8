"""An output that plays nothing and remembers everything it was asked to play.

It is the test double for the audio engine, and the stand-in when no audio can be opened:
then its clock is the monotonic one and the session keeps every visual cue.
"""

from __future__ import annotations

import itertools
from collections import deque
from dataclasses import dataclass, field

from glute_coach.audio.output import AudioStatus
from glute_coach.audio.sound import Category, Sound
from glute_coach.core.clock import Clock, MonotonicClock

# A stand-in may run for hours; keep the history bounded.
HISTORY = 100_000


@dataclass
class PlayRecord:
    handle: int
    sound: Sound
    at: float
    category: Category
    gain: float
    duck_music: bool
    requested_at: float  # clock time when play_at was called
    cancelled: bool = field(default=False)


class NullAudioEngine:
    def __init__(
        self,
        clock: Clock | None = None,
        *,
        rate: int = 48_000,
        status: AudioStatus = AudioStatus.PLAYING,
        reason: str = "",
        output_latency_s: float = 0.0,
    ) -> None:
        self._clock = clock or MonotonicClock()
        self._rate = rate
        self._status = status
        self.reason = reason
        self._latency = output_latency_s
        self._handles = itertools.count(1)
        self.requests: deque[PlayRecord] = deque(maxlen=HISTORY)
        self.volumes = dict.fromkeys(Category, 1.0)
        self.muted = False
        self.feedback: float | None = None
        self.feedback_history: deque[float | None] = deque(maxlen=HISTORY)
        self.music: Sound | None = None
        self.silenced = 0
        self.closed = False
        self.fail_reason: str | None = None  # tests set this to simulate a lost device

    @property
    def rate(self) -> int:
        return self._rate

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def output_latency_s(self) -> float:
        return self._latency

    @property
    def status(self) -> AudioStatus:
        return AudioStatus.LOST if self.fail_reason else self._status

    @property
    def failed(self) -> str | None:
        return self.fail_reason

    def play_at(
        self,
        sound: Sound,
        at: float,
        *,
        category: Category,
        gain: float = 1.0,
        duck_music: bool = False,
    ) -> int:
        handle = next(self._handles)
        now = self._clock.now()
        self.requests.append(PlayRecord(handle, sound, at, category, gain, duck_music, now))
        return handle

    def _not_started(self) -> list[PlayRecord]:
        now = self._clock.now()
        return [r for r in self.requests if not r.cancelled and r.at >= now]

    def cancel(self, handle: int) -> None:
        for record in self._not_started():
            if record.handle == handle:
                record.cancelled = True

    def cancel_pending(self) -> None:
        for record in self._not_started():
            record.cancelled = True

    def silence(self) -> None:
        self.cancel_pending()
        self.silenced += 1

    def set_volume(self, category: Category, volume: float) -> None:
        self.volumes[category] = min(max(volume, 0.0), 1.0)

    def set_muted(self, muted: bool) -> None:
        self.muted = muted

    def set_feedback(self, value: float | None) -> None:
        self.feedback = value
        self.feedback_history.append(value)

    def set_music(self, sound: Sound | None) -> None:
        self.music = sound

    def close(self) -> None:
        self.closed = True

    # --- what a test asks ------------------------------------------------------------------

    @property
    def pending(self) -> list[PlayRecord]:
        return self._not_started()

    @property
    def heard(self) -> list[PlayRecord]:
        """What would have been heard: every request not cancelled, in time order."""
        return sorted((r for r in self.requests if not r.cancelled), key=lambda r: (r.at, r.handle))
