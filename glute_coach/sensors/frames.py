"""Incremental decoders for serial sensor streams (pure Python, no I/O, never raise on input).

Text lines (Arduino ``Serial.println`` style)
    One sample per line, channel values separated by commas, tabs, semicolons or spaces
    (``12,34``, ``12\\t34``, ``12 34``). ``\\r\\n`` and ``\\n`` both end a line. Everything from a
    ``#`` to the end of the line is a comment; empty lines are ignored. A line with a value that
    is not a number, a different number of values than the stream's channel count (given, or
    learned from the first good line), invalid ASCII/UTF-8, or more than ``max_line`` bytes counts
    as *malformed* and is skipped. ``nan``/``inf`` values are decoded as NaN and counted in
    ``nonfinite`` (the sample is kept so that timing stays right).

Binary frames
    ::

        offset  size  field
        0       1     0xAA   sync
        1       1     0x55   sync
        2       1     N      channel count (1..255)
        3       1     SEQ    sequence number, +1 per frame, wrapping 255 -> 0
        4       2*N   samples, int16 little-endian, channel order
        4+2N    1     CHK    XOR of every byte from offset 2 to 3+2N (count, SEQ, samples)

    Bytes before a sync pair are skipped and counted in ``skipped_bytes``. A frame with a bad
    checksum or an unexpected channel count is *malformed*: the decoder moves one byte past its
    sync and searches again, so a false sync inside garbage or a damaged frame cannot hide the
    next good frame. Without a declared channel count, the first valid frame sets it. A jump in SEQ counts the missing frames in ``dropped_frames``.

Both decoders give the same samples and counters however the byte stream is split into chunks.
"""

from __future__ import annotations

import math
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass

SYNC = b"\xaa\x55"
HEADER = 4  # sync (2), count, seq
MAX_LINE = 1024

_SEPARATORS = re.compile(r"[,;\s]+")


@dataclass(slots=True)
class DecodeStats:
    samples: int = 0  # decoded samples (lines or frames)
    malformed: int = 0  # lines or frames skipped as invalid
    skipped_bytes: int = 0  # garbage bytes between frames (frame decoder)
    dropped_frames: int = 0  # frames missing according to the sequence numbers
    nonfinite: int = 0  # nan/inf values in text lines (decoded as NaN)


# --- text --------------------------------------------------------------------------------------
class TextLineDecoder:
    """``feed(bytes)`` returns the complete lines' samples as tuples of floats."""

    def __init__(self, channels: int | None = None, *, max_line: int = MAX_LINE) -> None:
        if channels is not None and channels < 1:
            raise ValueError("channels must be positive")
        self.channels = channels
        self.max_line = max_line
        self.stats = DecodeStats()
        self._buf = bytearray()
        self._discarding = False  # inside an overlong line, until its newline

    def feed(self, data: bytes) -> list[tuple[float, ...]]:
        out: list[tuple[float, ...]] = []
        buf = self._buf
        buf += data
        start = 0
        while True:
            end = buf.find(b"\n", start)
            if end < 0:
                break
            line = bytes(buf[start:end])
            start = end + 1
            if self._discarding:
                self._discarding = False
                continue
            if len(line) > self.max_line:
                self.stats.malformed += 1
                continue
            sample = self._parse(line)
            if sample is not None:
                out.append(sample)
        del buf[:start]
        if len(buf) > self.max_line:
            if not self._discarding:
                self.stats.malformed += 1
                self._discarding = True
            buf.clear()
        self.stats.samples += len(out)
        return out

    def _parse(self, line: bytes) -> tuple[float, ...] | None:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            self.stats.malformed += 1
            return None
        text = text.split("#", 1)[0].strip()
        if not text:
            return None
        values: list[float] = []
        nonfinite = 0
        for item in _SEPARATORS.split(text):
            try:
                value = float(item)
            except ValueError:
                self.stats.malformed += 1
                return None
            if not math.isfinite(value):
                nonfinite += 1
                value = math.nan
            values.append(value)
        if self.channels is None:
            self.channels = len(values)
        elif len(values) != self.channels:
            self.stats.malformed += 1
            return None
        self.stats.nonfinite += nonfinite
        return tuple(values)


def encode_line(sample: Sequence[float], sep: str = ",") -> bytes:
    return (sep.join(repr(float(v)) for v in sample) + "\n").encode("ascii")


# --- binary frames -----------------------------------------------------------------------------
def checksum(body: bytes | bytearray | memoryview) -> int:
    """XOR of ``body`` (count, sequence number and samples)."""
    value = 0
    for byte in body:
        value ^= byte
    return value


def encode_frame(samples: Sequence[int], seq: int) -> bytes:
    """One frame; ``samples`` are int16 values (1..255 of them), ``seq`` is taken modulo 256."""
    n = len(samples)
    if not 1 <= n <= 255:
        raise ValueError("a frame holds 1 to 255 samples")
    body = bytes((n, seq & 0xFF)) + struct.pack(f"<{n}h", *samples)
    return SYNC + body + bytes((checksum(body),))


class FrameDecoder:
    """``feed(bytes)`` returns the valid frames' samples as tuples of ints."""

    def __init__(self, channels: int | None = None) -> None:
        if channels is not None and not 1 <= channels <= 255:
            raise ValueError("channels must be 1 to 255")
        self.channels = channels
        self.stats = DecodeStats()
        self.last_seq: int | None = None
        self._buf = bytearray()

    def feed(self, data: bytes) -> list[tuple[int, ...]]:
        out: list[tuple[int, ...]] = []
        buf = self._buf
        buf += data
        pos = 0
        size = len(buf)
        while True:
            sync = buf.find(SYNC, pos)
            if sync < 0:
                # keep a trailing 0xAA: it may be the first half of the next sync
                keep = 1 if size > pos and buf[-1] == SYNC[0] else 0
                self.stats.skipped_bytes += size - pos - keep
                pos = size - keep
                break
            self.stats.skipped_bytes += sync - pos
            pos = sync
            if size - pos < HEADER:
                break
            n = buf[pos + 2]
            if n == 0 or (self.channels is not None and n != self.channels):
                self.stats.malformed += 1
                pos += 1
                continue
            end = pos + HEADER + 2 * n + 1
            if end > size:
                break
            body = memoryview(buf)[pos + 2 : end - 1]
            if checksum(body) != buf[end - 1]:
                body.release()
                self.stats.malformed += 1
                pos += 1
                continue
            seq = buf[pos + 3]
            out.append(struct.unpack_from(f"<{n}h", body, 2))
            body.release()
            if self.channels is None:
                self.channels = n  # learned from the first valid frame
            if self.last_seq is not None:
                self.stats.dropped_frames += (seq - self.last_seq - 1) & 0xFF
            self.last_seq = seq
            pos = end
        del buf[:pos]
        self.stats.samples += len(out)
        return out
