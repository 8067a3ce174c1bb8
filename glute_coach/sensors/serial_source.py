"""Serial-port sensors (pyserial): Arduino-style text lines or the binary frames of ``frames.py``.

Spec: ``serial:PORT[,baud=115200,format=text|frame,channels=N,fs=HZ]``.

Serial devices carry no timestamps, so samples are stamped by arrival (:class:`ArrivalStamper`):
with a declared ``fs`` the block times advance by ``1/fs`` per sample and are pulled gently
towards the arrival times (bursty USB delivery is smoothed out; a gap of more than
``resync_after`` seconds restarts the timeline). Without ``fs`` the rate is estimated from the
first ``estimate_for`` seconds of data, which are held back until then.

A port that fails (unplugged, closed) is reported as an ``ERROR`` event; the base class closes it
and reconnects, with the delay doubling from ``reconnect_delay`` up to ``max_reconnect_delay``
while the port cannot be opened.
"""

from __future__ import annotations

import time
from typing import Any, Literal

import numpy as np

from glute_coach.sensors.frames import DecodeStats, FrameDecoder, TextLineDecoder
from glute_coach.sensors.source import Block, Clock, ThreadedSource

SerialFormat = Literal["text", "frame"]
READ_CHUNK = 65536  # bytes per read: a flood becomes many moderate blocks, not one huge one


class ArrivalStamper:
    """Block start times for samples stamped by arrival at a declared rate."""

    def __init__(self, fs: float, *, gain: float = 0.05, resync_after: float = 0.25) -> None:
        self.fs = fs
        self.gain = gain
        self.resync_after = resync_after
        self.next_t: float | None = None

    def stamp(self, n: int, arrived: float) -> float:
        """``t0`` for ``n`` samples whose last one arrived at ``arrived``."""
        period = 1.0 / self.fs
        ideal = arrived - (n - 1) * period  # t0 if the last sample was taken on arrival
        if self.next_t is None or ideal - self.next_t > self.resync_after:
            t0 = ideal if self.next_t is None else max(ideal, self.next_t)
        else:
            # small steps towards arrival time; never earlier than 0.4 sample periods back
            t0 = self.next_t + max(self.gain * (ideal - self.next_t), -0.4 * period)
        self.next_t = t0 + n * period
        return t0


class SerialSource(ThreadedSource):
    max_reconnect_delay = 5.0

    def __init__(
        self,
        port: str,
        baud: int = 115200,
        *,
        format: SerialFormat = "text",
        channels: int | None = None,
        fs: float | None = None,
        clock: Clock = time.monotonic,
        stall_timeout: float = 1.0,
        keep_blocks: int = 0,
        estimate_for: float = 1.0,
        reconnect_delay: float = 0.2,
        serial_factory: Any = None,
    ) -> None:
        if format not in ("text", "frame"):
            raise ValueError(f"serial format must be text or frame, not {format!r}")
        if channels is not None and not 1 <= channels <= 255:
            raise ValueError("channels must be 1 to 255")
        if fs is not None and not (fs > 0 and np.isfinite(fs)):
            raise ValueError("fs must be positive")
        if baud <= 0:
            raise ValueError("baud must be positive")
        super().__init__(
            _names(channels or 0),
            ("",) * (channels or 0),
            fs or 0.0,
            clock=clock,
            stall_timeout=stall_timeout,
            keep_blocks=keep_blocks,
        )
        self.port = port
        self.baud = baud
        self.format: SerialFormat = format
        self.declared_channels = channels
        self.declared_fs = fs
        self.estimate_for = estimate_for
        self.base_reconnect_delay = reconnect_delay
        self.reconnect_delay = reconnect_delay
        self._factory = serial_factory
        self._serial: Any = None
        self.decoder: TextLineDecoder | FrameDecoder = self._new_decoder()
        self._stamper: ArrivalStamper | None = ArrivalStamper(fs) if fs else None
        self._held: list[np.ndarray] = []  # samples held while estimating the rate
        self._held_since: float | None = None
        self._held_n = 0
        self._held_first_n = 0
        self._reported = DecodeStats()

    @property
    def stats(self) -> DecodeStats:
        """Counters of the current connection's decoder."""
        return self.decoder.stats

    def _new_decoder(self) -> TextLineDecoder | FrameDecoder:
        if self.format == "frame":
            return FrameDecoder(self.declared_channels)
        return TextLineDecoder(self.declared_channels)

    # --- ThreadedSource ----------------------------------------------------------------------
    def _open(self) -> None:
        factory = self._factory
        if factory is None:
            import serial

            factory = serial.Serial
        try:
            ser = factory(self.port, self.baud, timeout=0.05)
        except Exception:
            self.reconnect_delay = min(self.max_reconnect_delay, self.reconnect_delay * 2)
            raise
        self.reconnect_delay = self.base_reconnect_delay
        # a fresh decoder: a partial line or frame from before the break is meaningless
        self.decoder = self._new_decoder()
        self._reported = DecodeStats()
        self._serial = ser

    def _read(self, timeout: float) -> Block | None:
        ser = self._serial
        assert ser is not None
        ser.timeout = timeout
        data = ser.read(max(1, min(int(ser.in_waiting), READ_CHUNK)))
        if not data:
            return None
        arrived = self._clock()
        samples = self.decoder.feed(bytes(data))
        self._report()
        if not samples:
            return None
        array = np.asarray(samples, dtype=np.float64)
        if not self._channel_names or len(self._channel_names) != array.shape[1]:
            self._channel_names = _names(array.shape[1])
            self._units = ("",) * array.shape[1]
        if self._stamper is None:
            return self._estimate(array, arrived)
        return Block(self._stamper.stamp(array.shape[0], arrived), self._stamper.fs, array)

    def _estimate(self, array: np.ndarray, arrived: float) -> Block | None:
        """Hold samples for ``estimate_for`` s, then fix the rate from their arrival times."""
        self._held.append(array)
        self._held_n += array.shape[0]
        if self._held_since is None:
            self._held_since = arrived
            self._held_first_n = array.shape[0]
            return None
        elapsed = arrived - self._held_since
        if elapsed < self.estimate_for:
            return None
        fs = (self._held_n - self._held_first_n) / elapsed
        if not fs > 0:
            return None
        self._fs = float(fs)
        self._stamper = ArrivalStamper(self._fs)
        held = np.concatenate(self._held)
        self._held.clear()
        return Block(self._stamper.stamp(held.shape[0], arrived), self._fs, held)

    def _report(self) -> None:
        """Turn new decoder counts into (rate-limited) warnings."""
        stats, seen = self.decoder.stats, self._reported
        unit = "frame" if self.format == "frame" else "line"
        if stats.malformed > seen.malformed:
            self._warn("malformed", f"{stats.malformed} malformed {unit}s skipped")
        if stats.skipped_bytes > seen.skipped_bytes:
            self._warn("garbage", f"{stats.skipped_bytes} bytes of garbage skipped")
        if stats.dropped_frames > seen.dropped_frames:
            self._warn("dropped", f"{stats.dropped_frames} frames lost (sequence gaps)")
        self._reported = DecodeStats(
            stats.samples,
            stats.malformed,
            stats.skipped_bytes,
            stats.dropped_frames,
            stats.nonfinite,
        )

    def _close(self) -> None:
        ser, self._serial = self._serial, None
        if ser is not None:
            ser.close()


def _names(n: int) -> tuple[str, ...]:
    return tuple(f"ch{i + 1}" for i in range(n))
