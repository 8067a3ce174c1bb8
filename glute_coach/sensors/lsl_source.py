"""Lab Streaming Layer inlet (pylsl, which bundles liblsl).

LSL timestamps (the sender's clock, corrected to ours by liblsl's clock sync) are mapped to
:func:`time.monotonic` through the offset between ``pylsl.local_clock()`` and the monotonic clock,
measured when the inlet opens. pylsl is imported lazily so that ``LSLAPICFG`` can be set first.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from glute_coach.sensors.source import Block, Clock, ThreadedSource


def clock_offset(local_clock: Clock, clock: Clock = time.monotonic) -> float:
    """``clock() - local_clock()``, taken from the tightest of a few bracketing reads."""
    best: tuple[float, float] | None = None
    for _ in range(5):
        a = clock()
        lsl = local_clock()
        b = clock()
        if best is None or b - a < best[0]:
            best = (b - a, (a + b) / 2 - lsl)
    assert best is not None
    return best[1]


class LslSource(ThreadedSource):
    def __init__(
        self,
        name: str | None = None,
        stream_type: str | None = None,
        *,
        resolve_timeout: float = 2.0,
        clock: Clock = time.monotonic,
        stall_timeout: float = 1.0,
        keep_blocks: int = 0,
        max_chunk: int = 4096,
        poll_interval: float = 0.0005,
        dejitter: bool = False,
    ) -> None:
        if not name and not stream_type:
            raise ValueError("an LSL stream needs a name or a type")
        # channel names, units and rate are known after resolving; until then, placeholders
        super().__init__(
            [], [], 0.0, clock=clock, stall_timeout=stall_timeout, keep_blocks=keep_blocks
        )
        self.name = name
        self.stream_type = stream_type
        self.resolve_timeout = resolve_timeout
        self.max_chunk = max_chunk
        self.poll_interval = poll_interval
        self.dejitter = dejitter  # liblsl smoothing of timestamps, for regular-rate amplifiers
        self._inlet: Any = None
        self._offset = 0.0
        self._buf: np.ndarray | None = None

    def _open(self) -> None:
        import pylsl

        if self.name:
            found = pylsl.resolve_byprop("name", self.name, 1, self.resolve_timeout)
            if self.stream_type:
                found = [s for s in found if s.type() == self.stream_type]
        else:
            found = pylsl.resolve_byprop("type", self.stream_type, 1, self.resolve_timeout)
        if not found:
            what = f"name={self.name}" if self.name else f"type={self.stream_type}"
            raise ConnectionError(f"no LSL stream with {what}")
        inlet = pylsl.StreamInlet(
            found[0],
            max_buflen=30,
            recover=True,
            processing_flags=pylsl.proc_clocksync | (pylsl.proc_dejitter if self.dejitter else 0),
        )
        info = inlet.info(timeout=self.resolve_timeout)
        n = info.channel_count()
        names, units = self._describe(info, n)
        self._channel_names, self._units = tuple(names), tuple(units)
        self._fs = float(info.nominal_srate())
        inlet.open_stream(timeout=self.resolve_timeout)
        self._offset = clock_offset(pylsl.local_clock, self._clock)
        # pylsl writes samples into dest_obj in the stream's own type (float32 for most
        # amplifiers), so the buffer must have that type; blocks are converted to float64.
        try:
            dtype = np.dtype(inlet.value_type)
        except TypeError:
            raise ValueError(f"LSL stream '{info.name()}' carries text, not samples") from None
        if dtype.kind not in "fiu":
            raise ValueError(f"LSL stream '{info.name()}' carries text, not samples")
        self._buf = np.empty((self.max_chunk, n), dtype=dtype)
        self._inlet = inlet

    @staticmethod
    def _describe(info: Any, n: int) -> tuple[list[str], list[str]]:
        names: list[str] = []
        units: list[str] = []
        ch = info.desc().child("channels").child("channel")
        for i in range(n):
            if ch.empty():
                names.append(f"ch{i + 1}")
                units.append("")
                continue
            names.append(ch.child_value("label") or f"ch{i + 1}")
            units.append(ch.child_value("unit") or "")
            ch = ch.next_sibling()
        return names, units

    def _read(self, timeout: float) -> Block | None:
        inlet, buf = self._inlet, self._buf
        assert inlet is not None
        assert buf is not None
        deadline = time.monotonic() + timeout
        while True:
            _, stamps = inlet.pull_chunk(timeout=0.0, max_samples=self.max_chunk, dest_obj=buf)
            if stamps:
                break
            if time.monotonic() >= deadline or self._stop.is_set():
                return None
            time.sleep(self.poll_interval)
        n = len(stamps)
        ts = np.asarray(stamps, dtype=np.float64) + self._offset
        fs = self._fs
        if fs <= 0:  # irregular stream: estimate the spacing from the chunk
            fs = (n - 1) / (ts[-1] - ts[0]) if n > 1 and ts[-1] > ts[0] else 1.0
        elif n > 1 and abs((ts[-1] - ts[0]) - (n - 1) / fs) > 2.0 / fs:
            self._warn("timestamps", "LSL chunk timestamps do not match the nominal rate")
        return Block(float(ts[0]), fs, buf[:n].astype(np.float64))

    def _close(self) -> None:
        inlet, self._inlet = self._inlet, None
        if inlet is not None:
            inlet.close_stream()
