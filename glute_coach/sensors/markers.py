"""An optional Lab Streaming Layer marker outlet that publishes every cue.

Lab recorders (LabRecorder, an amplifier's own software) then store the coach's cues on the same
clock as the EMG. Cue times in the app are monotonic seconds (:func:`time.monotonic`, the clock of
the blocks); they are mapped to LSL time (:func:`pylsl.local_clock`) with an offset measured at
construction (and again with :meth:`CueMarkerOutlet.resync`).

pylsl is imported lazily: without it, constructing the outlet raises :class:`MarkerError` with a
one-line message and the rest of the app carries on. In tests, ``LSLAPICFG`` must point at a
machine-only configuration before pylsl is first imported (tests/conftest.py does this).
"""

from __future__ import annotations

import threading
import time
import uuid
from typing import Any

from glute_coach.sensors.recorder import Annotation
from glute_coach.sensors.source import Clock

DEFAULT_NAME = "GluteCoachCues"
STREAM_TYPE = "Markers"


class MarkerError(Exception):
    """The marker outlet cannot be created; the message is one line for the user."""


def _import_pylsl() -> Any:
    try:
        import pylsl
    except ImportError:
        raise MarkerError("LSL markers need pylsl (pip install pylsl)") from None
    except OSError as exc:  # pylsl present but liblsl failed to load
        raise MarkerError(f"LSL markers unavailable: {exc}") from None
    return pylsl


class CueMarkerOutlet:
    """A string marker stream (one channel, irregular rate) named ``name``.

    :meth:`push` sends one marker at a monotonic time; an instance is also a listener for
    :meth:`glute_coach.sensors.recorder.Recorder.add_listener`.
    """

    def __init__(
        self,
        name: str = DEFAULT_NAME,
        source_id: str | None = None,
        *,
        clock: Clock = time.monotonic,
        include_kind: bool = False,
    ) -> None:
        self._pylsl = _import_pylsl()
        self.name = name
        self.source_id = source_id or f"glute-coach-cues-{uuid.uuid4().hex[:12]}"
        self.include_kind = include_kind
        self._clock = clock
        self._lock = threading.Lock()
        info = self._pylsl.StreamInfo(
            name, STREAM_TYPE, 1, self._pylsl.IRREGULAR_RATE, "string", self.source_id
        )
        try:
            self._outlet: Any = self._pylsl.StreamOutlet(info)
        except Exception as exc:
            raise MarkerError(f"cannot open the LSL marker outlet {name!r}: {exc}") from None
        self.offset = 0.0
        self.resync()
        self.pushed = 0

    def resync(self, rounds: int = 9) -> float:
        """Measure ``lsl_time - clock_time``: the pair read closest together wins."""
        best: tuple[float, float] | None = None
        for _ in range(rounds):
            a = self._clock()
            lsl = float(self._pylsl.local_clock())
            b = self._clock()
            if best is None or b - a < best[0]:
                best = (b - a, lsl - (a + b) / 2)
        assert best is not None
        self.offset = best[1]
        return self.offset

    def to_lsl_time(self, t: float) -> float:
        return t + self.offset

    def marker_text(self, text: str, kind: str = "") -> str:
        if self.include_kind and kind:
            return f"{kind}: {text}" if text else kind
        return text or kind

    def push(self, t: float, text: str, kind: str = "") -> float:
        """Publish one marker stamped at monotonic time ``t``; return its LSL timestamp."""
        stamp = self.to_lsl_time(float(t))
        with self._lock:
            if self._outlet is None:
                raise MarkerError("the marker outlet is closed")
            self._outlet.push_sample([self.marker_text(text, kind)], stamp)
            self.pushed += 1
        return stamp

    def __call__(self, note: Annotation) -> None:
        self.push(note.t, note.text, note.kind)

    def have_consumers(self) -> bool:
        with self._lock:
            return self._outlet is not None and bool(self._outlet.have_consumers())

    def wait_for_consumers(self, timeout: float) -> bool:
        outlet = self._outlet
        return outlet is not None and bool(outlet.wait_for_consumers(timeout))

    def close(self) -> None:
        with self._lock:
            self._outlet = None  # liblsl destroys the outlet when the last reference goes

    def __enter__(self) -> CueMarkerOutlet:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
