"""The audio stream's clock: time counted in samples, read between callbacks.

Stream time of sample ``n`` is ``n / rate``. That is the stream's own, faithful DAC
timeline: PortAudio's ``outputBufferDacTime`` is not (on the PulseAudio path it equals
``currentTime``, which there is CLOCK_REALTIME and may jump), so we count samples instead.

``now()`` is the earliest stream time at which a sound can still be placed exactly: the
first sample of the last rendered block, plus the time since that callback, plus a lead (the
device buffer, a block and a margin, see ``engine.clock_lead_s``) so a command sent now
reaches the audio thread before its sample is rendered. A sound placed at ``t`` is heard
``output_latency_s`` after ``now()`` reaches ``t``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class StreamClock:
    def __init__(
        self, rate: int, lead_s: float, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.lead_s = lead_s
        self._monotonic = monotonic
        self._anchor: tuple[float, int] | None = None  # (monotonic at callback, first frame)
        self._last = 0.0
        self._lock = threading.Lock()  # control threads only; the audio thread never takes it

    def publish(self, wall: float, frame: int) -> None:
        """Audio thread: block starting at ``frame`` was rendered at monotonic ``wall``."""
        self._anchor = (wall, frame)  # one reference store: atomic

    @property
    def started(self) -> bool:
        return self._anchor is not None

    def frame_at(self, t: float) -> int:
        """The sample a sound due at stream time ``t`` starts on."""
        return round(t * self.rate)

    def time_of(self, frame: int) -> float:
        return frame / self.rate

    def now(self) -> float:
        anchor = self._anchor
        if anchor is None:
            return self._last
        wall, frame = anchor
        # Between callbacks the monotonic clock interpolates; it is re-anchored every block,
        # so over a session the samples, not the system clock, set the pace.
        t = frame / self.rate + self.lead_s + (self._monotonic() - wall)
        with self._lock:
            if t < self._last:  # a late callback would otherwise step time back
                return self._last
            self._last = t
            return t
