"""Replay of a recording (anything ``recordings.read_recording`` reads) as a live source.

Block timestamps keep the recording's own spacing (``1/fs``) starting at the monotonic time the
replay began; ``speed`` only changes how fast blocks are delivered.
"""

from __future__ import annotations

import time
from pathlib import Path

from glute_coach.sensors.recordings import RecordingError, read_recording
from glute_coach.sensors.source import Block, Clock, EndOfStream, ThreadedSource


class FileSource(ThreadedSource):
    def __init__(
        self,
        path: Path | str,
        *,
        speed: float = 1.0,
        fs: float | None = None,
        clock: Clock = time.monotonic,
        block_ms: float = 20.0,
        stall_timeout: float = 1.0,
        keep_blocks: int = 0,
    ) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise ValueError(f"no such recording: {self.path}")
        if speed <= 0:
            raise ValueError("speed must be positive")
        try:
            self.recording = read_recording(self.path, fs)
        except RecordingError as exc:
            raise ValueError(str(exc)) from None
        rate = fs or self.recording.fs or 1000.0
        super().__init__(
            self.recording.channels,
            self.recording.units,
            rate,
            clock=clock,
            stall_timeout=stall_timeout,
            keep_blocks=keep_blocks,
        )
        self.speed = speed
        # one block per block_ms of wall time, whatever the speed
        self.block_size = max(1, round(rate * block_ms / 1000.0 * speed))
        self._pos = 0
        self._start: float | None = None

    @property
    def total_samples(self) -> int:
        return int(self.recording.data.shape[0])

    def expected_arrival_rate(self) -> float:
        return self.sample_rate * self.speed

    def _open(self) -> None:
        if self._start is None:
            self._start = self._clock()

    def _read(self, timeout: float) -> Block | None:
        assert self._start is not None
        total = self.total_samples
        if self._pos >= total:
            raise EndOfStream
        fs = self.sample_rate
        n = min(self.block_size, total - self._pos)
        due_at = self._start + (self._pos + n) / (fs * self.speed)
        wait = due_at - self._clock()
        if wait > 0:
            if wait > timeout:
                self._stop.wait(timeout)
                return None
            self._stop.wait(wait)
        block = Block(
            self._start + self._pos / fs, fs, self.recording.data[self._pos : self._pos + n]
        )
        self._pos += n
        return block
