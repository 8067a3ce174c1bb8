"""Streaming a session's samples, envelopes and cue annotations to disk.

Three files per session, in ``folder``:

- ``<name>.csv``: one row per sample, ``time_s, raw channels..., envelope channels...``. The header
  names every column (``"L_GMed [uV]"``; envelopes get an ``_env`` suffix), so
  :func:`glute_coach.sensors.recordings.read_recording` (and ``file:`` replay) reads it. ``time_s``
  counts from the session origin (the first block, unless given). Non-finite values are written
  as ``nan`` (``float("nan")`` reads them back; an empty field would end the recording there).
- ``<name>.cues.csv``: append-only cue annotations, ``time_s, duration_s, kind, text`` (CSV
  quoting). Gaps (the source lost, timestamps jumping) are ``kind = "gap"`` with a duration.
- ``<name>.json``: the sidecar (format version, fs, channels and units, start time, source spec,
  routine id, ...), rewritten atomically (temporary file, fsync, rename) on every flush with the
  count and byte size of the rows known to be on disk, and ``complete: true`` at :meth:`close`.

Nothing is held whole in memory: :meth:`Recorder.write` buffers blocks and, once at least
``flush_interval`` seconds have passed (by the block timestamps or by the clock) or the bounded
buffer is full, formats them, appends them and fsyncs. After a crash or a power cut the files hold
everything up to the last flush (a torn last row is cut off by the reader, or by truncating the CSV
to the sidecar's ``flushed.bytes``).

A write that fails (disk full, folder gone, read-only medium) never raises into the caller: the
recorder truncates the CSV back to its last good size where it can, switches to
:attr:`RecorderState.FAILED`, reports one message (:attr:`Recorder.error` and ``on_error``) and
drops further data, counting it.
"""

from __future__ import annotations

import contextlib
import csv
import enum
import io
import json
import math
import os
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

import numpy as np

from glute_coach.sensors.source import Block, Clock, FloatArray

FORMAT_NAME = "glute-coach-recording"
FORMAT_VERSION = 1
ENVELOPE_SUFFIX = "_env"
CUES_HEADER = ("time_s", "duration_s", "kind", "text")


class RecorderState(enum.StrEnum):
    RECORDING = "recording"
    FAILED = "failed"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Annotation:
    """A cue or event at monotonic time ``t`` (seconds, the clock of the blocks)."""

    t: float
    text: str
    kind: str = "cue"
    duration: float = 0.0


def _open_exclusive(path: Path) -> BinaryIO:
    """Create ``path`` for writing; fails if it exists. (Tests replace this at the OS boundary.)"""
    return open(path, "xb")


def _column_name(name: str, unit: str) -> str:
    clean = "".join("_" if ch in ',;\t\r\n"' else ch for ch in name).strip() or "ch"
    unit = "".join(ch for ch in unit if ch not in ',;\t\r\n"[]()').strip()
    return f"{clean} [{unit}]" if unit else clean


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where directories cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


class Recorder:
    """Streams blocks and annotations of one session to ``folder/<name>.csv`` (+ sidecars).

    ``write`` and ``annotate`` may be called from different threads. ``on_error`` is called once,
    outside the recorder's lock, when recording fails. ``listeners`` (see :meth:`add_listener`)
    get every annotation as it happens, e.g. a :class:`~glute_coach.sensors.markers.CueMarkerOutlet`.
    """

    def __init__(
        self,
        folder: str | Path,
        name: str,
        channels: Sequence[str],
        units: Sequence[str],
        fs: float,
        meta: Mapping[str, Any] | None = None,
        *,
        envelope_channels: Sequence[str] | None = None,
        envelope_units: Sequence[str] | None = None,
        flush_interval: float = 1.0,
        max_buffer_s: float = 5.0,
        digits: int = 7,
        t_origin: float | None = None,
        auto_gaps: bool = True,
        gap_threshold_s: float = 0.1,
        clock: Clock = time.monotonic,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        if not fs > 0 or not math.isfinite(fs):
            raise ValueError(f"sampling rate must be positive, got {fs!r}")
        if len(units) != len(channels):
            raise ValueError(f"{len(channels)} channels but {len(units)} units")
        self.folder = Path(folder)
        self.name = name
        self.channels = tuple(channels)
        self.units = tuple(units)
        self.fs = float(fs)
        self.meta: dict[str, Any] = dict(meta or {})
        self.envelope_channels = tuple(
            envelope_channels
            if envelope_channels is not None
            else [f"{c}{ENVELOPE_SUFFIX}" for c in self.channels]
        )
        self.envelope_units = tuple(envelope_units if envelope_units is not None else self.units)
        if len(self.envelope_units) != len(self.envelope_channels):
            raise ValueError("envelope channels and units differ in length")
        self.flush_interval = float(flush_interval)
        self.max_buffer = max(1, round(max_buffer_s * self.fs))
        self.auto_gaps = auto_gaps
        self.gap_threshold_s = gap_threshold_s
        self.on_error = on_error
        self._clock = clock
        n_raw, n_env = len(self.channels), len(self.envelope_channels)
        self._row_fmt = "%.9f" + f",%.{digits}g" * (n_raw + n_env) + "\n"
        self._n_cols = 1 + n_raw + n_env

        self._lock = threading.Lock()
        self._listeners: list[Callable[[Annotation], None]] = []
        self._state = RecorderState.RECORDING
        self._error = ""
        self._origin: float | None = t_origin
        self._start_wall: datetime | None = None
        self._pending: list[FloatArray] = []
        self._pending_n = 0
        self._pending_cues: list[Annotation] = []
        self._next_t: float | None = None
        self._last_flush_block_t: float | None = None
        self._last_flush_wall = clock()
        self.samples_written = 0  # rows known to be on disk (fsync'd)
        self.samples_dropped = 0  # rows lost after a failure (or in malformed blocks)
        self.blocks_rejected = 0  # blocks with the wrong shape
        self.cues_written = 0
        self._bytes_written = 0
        self._cue_bytes = 0
        self._csv: BinaryIO | None = None
        self._cues: BinaryIO | None = None

        self.path = self.folder / f"{name}.csv"
        self.cues_path = self.folder / f"{name}.cues.csv"
        self.sidecar_path = self.folder / f"{name}.json"
        if t_origin is not None:
            self._set_origin(t_origin)
        message = ""
        try:
            self._open_files()
        except OSError as exc:
            message = self._fail_locked("cannot start the recording", exc)
        if message:
            self._report(message)

    # --- public ----------------------------------------------------------------------------------
    @property
    def state(self) -> RecorderState:
        return self._state

    @property
    def failed(self) -> bool:
        return self._state is RecorderState.FAILED

    @property
    def error(self) -> str:
        """The one-line failure message, or ``""``."""
        return self._error

    @property
    def columns(self) -> list[str]:
        return (
            ["time_s"]
            + [_column_name(c, u) for c, u in zip(self.channels, self.units, strict=True)]
            + [
                _column_name(c, u)
                for c, u in zip(self.envelope_channels, self.envelope_units, strict=True)
            ]
        )

    def add_listener(self, listener: Callable[[Annotation], None]) -> None:
        self._listeners.append(listener)

    def write(self, block: Block, envelope: Block | FloatArray | None = None) -> None:
        """Queue one block of raw samples and its envelope (same number of rows; NaN if None)."""
        message = ""
        gap: Annotation | None = None
        with self._lock:
            raw = np.asarray(block.data, dtype=np.float64)
            if raw.ndim == 1:
                raw = raw.reshape(-1, 1)
            n = raw.shape[0]
            if self._state is not RecorderState.RECORDING:
                self.samples_dropped += n
                return
            if n == 0:
                return
            env = self._envelope_rows(envelope, n)
            if raw.shape[1] != len(self.channels) or env is None:
                self.blocks_rejected += 1
                self.samples_dropped += n
                return
            if self._origin is None:
                self._set_origin(block.t0)
            assert self._origin is not None
            if (
                self.auto_gaps
                and self._next_t is not None
                and block.t0 - self._next_t > max(self.gap_threshold_s, 2.0 / block.fs)
            ):
                gap = Annotation(self._next_t, "no data", "gap", block.t0 - self._next_t)
                self._pending_cues.append(gap)
            self._next_t = block.t_end
            rows = np.empty((n, self._n_cols), dtype=np.float64)
            rows[:, 0] = block.timestamps() - self._origin
            rows[:, 1 : 1 + raw.shape[1]] = raw
            rows[:, 1 + raw.shape[1] :] = env
            self._pending.append(rows)
            self._pending_n += n
            if self._last_flush_block_t is None:
                self._last_flush_block_t = block.t0
            if self._due(block.t_end) or self._pending_n >= self.max_buffer:
                message = self._flush_locked()
        if gap is not None:
            self._notify(gap)
        if message:
            self._report(message)

    def annotate(self, t: float, text: str, kind: str = "cue", duration: float = 0.0) -> None:
        """Record a cue (or any event) at monotonic time ``t``; written with the next flush."""
        self._add(Annotation(float(t), str(text), str(kind), float(duration)))

    def mark_gap(self, t_start: float, t_end: float, text: str = "source lost") -> None:
        self._add(Annotation(float(t_start), text, "gap", max(0.0, float(t_end) - float(t_start))))

    def flush(self) -> None:
        """Write and fsync everything buffered now."""
        with self._lock:
            message = self._flush_locked() if self._state is RecorderState.RECORDING else ""
        if message:
            self._report(message)

    def flush_if_due(self) -> None:
        """Flush if ``flush_interval`` has passed on the clock (call it when data stops coming)."""
        with self._lock:
            due = self._state is RecorderState.RECORDING and self._due(None)
            message = self._flush_locked() if due else ""
        if message:
            self._report(message)

    def close(self) -> None:
        with self._lock:
            if self._state is RecorderState.CLOSED:
                return
            message = ""
            if self._state is RecorderState.RECORDING:
                message = self._flush_locked()
            if self._state is RecorderState.RECORDING:
                self._state = RecorderState.CLOSED
                try:
                    self._write_sidecar()
                except OSError as exc:
                    message = self._fail_locked("cannot finish the recording's sidecar", exc)
                    self._state = RecorderState.CLOSED
            else:
                self._state = RecorderState.CLOSED
            self._close_files()
        if message:
            self._report(message)

    def __enter__(self) -> Recorder:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- internals -------------------------------------------------------------------------------
    def _envelope_rows(self, envelope: Block | FloatArray | None, n: int) -> FloatArray | None:
        n_env = len(self.envelope_channels)
        if envelope is None:
            return np.full((n, n_env), np.nan)
        data = envelope.data if isinstance(envelope, Block) else envelope
        env = np.asarray(data, dtype=np.float64)
        if env.ndim == 1:
            env = env.reshape(-1, 1)
        if env.shape != (n, n_env):
            return None
        return env

    def _set_origin(self, t: float) -> None:
        self._origin = float(t)
        now_wall = datetime.now(UTC).astimezone()
        self._start_wall = now_wall - timedelta(seconds=self._clock() - self._origin)

    def _due(self, block_t: float | None) -> bool:
        if self._clock() - self._last_flush_wall >= self.flush_interval:
            return True
        return (
            block_t is not None
            and self._last_flush_block_t is not None
            and block_t - self._last_flush_block_t >= self.flush_interval
        )

    def _add(self, note: Annotation) -> None:
        with self._lock:
            if self._state is not RecorderState.RECORDING:
                accepted = False
            else:
                accepted = True
                if self._origin is None:
                    self._set_origin(note.t)
                self._pending_cues.append(note)
            message = self._flush_locked() if accepted and self._due(None) else ""
        self._notify(note)
        if message:
            self._report(message)

    def _notify(self, note: Annotation) -> None:
        for listener in list(self._listeners):
            with contextlib.suppress(Exception):  # a marker outlet must not stop the recording
                listener(note)

    def _open_files(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        header = ",".join(self.columns) + "\n"
        self._csv = _open_exclusive(self.path)
        self._csv.write(header.encode("utf-8"))
        self._csv.flush()
        os.fsync(self._csv.fileno())
        self._bytes_written = len(header.encode("utf-8"))
        self._cues = _open_exclusive(self.cues_path)
        cue_header = ",".join(CUES_HEADER) + "\n"
        self._cues.write(cue_header.encode("utf-8"))
        self._cues.flush()
        os.fsync(self._cues.fileno())
        self._cue_bytes = len(cue_header)
        self._write_sidecar()

    def _format_rows(self) -> bytes:
        fmt = self._row_fmt
        parts: list[str] = []
        for block in self._pending:
            finite = np.isfinite(block)
            rows = block if finite.all() else np.where(finite, block, np.nan)  # inf -> nan too
            parts.extend(fmt % tuple(r) for r in rows.tolist())
        return "".join(parts).encode("ascii")

    def _format_cues(self) -> bytes:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        origin = self._origin if self._origin is not None else 0.0
        for note in self._pending_cues:
            writer.writerow(
                [f"{note.t - origin:.6f}", f"{note.duration:.6f}", note.kind, note.text]
            )
        return buf.getvalue().encode("utf-8")

    def _flush_locked(self) -> str:
        """Append and fsync what is buffered; on failure return the message (else ``""``)."""
        if self._csv is None or self._cues is None:
            return ""
        data = self._format_rows() if self._pending else b""
        cues = self._format_cues() if self._pending_cues else b""
        n = self._pending_n
        self._pending.clear()
        self._pending_n = 0
        pending_cues, self._pending_cues = self._pending_cues, []
        try:
            if data:
                self._csv.write(data)
                self._csv.flush()
                os.fsync(self._csv.fileno())
            if cues:
                self._cues.write(cues)
                self._cues.flush()
                os.fsync(self._cues.fileno())
        except OSError as exc:
            self.samples_dropped += n
            self._restore_sizes()
            return self._fail_locked("recording stopped: cannot write", exc)
        self.samples_written += n
        self._bytes_written += len(data)
        self.cues_written += len(pending_cues)
        self._cue_bytes += len(cues)
        self._last_flush_wall = self._clock()
        if self._next_t is not None:
            self._last_flush_block_t = self._next_t
        try:
            self._write_sidecar()
        except OSError as exc:
            return self._fail_locked("recording stopped: cannot update the sidecar", exc)
        return ""

    def _restore_sizes(self) -> None:
        """Cut a partly written chunk off, so the files end at the last good flush."""
        for f, size in ((self._csv, self._bytes_written), (self._cues, self._cue_bytes)):
            if f is None:
                continue
            with contextlib.suppress(OSError, ValueError):
                os.ftruncate(f.fileno(), size)
                os.fsync(f.fileno())

    def _fail_locked(self, what: str, exc: OSError) -> str:
        self._state = RecorderState.FAILED
        reason = exc.strerror or str(exc) or type(exc).__name__
        where = exc.filename or self.path
        saved = (
            f"{self.samples_written / self.fs:.1f} s of data saved"
            if self.samples_written
            else "no data saved"
        )
        self._error = f"{what} {where}: {reason} ({saved}; the session goes on unrecorded)"
        self._pending.clear()
        self._pending_cues.clear()
        self._pending_n = 0
        self._close_files()
        with contextlib.suppress(OSError):  # record the failure if the sidecar can still be written
            self._write_sidecar()
        return self._error

    def _close_files(self) -> None:
        for f in (self._csv, self._cues):
            if f is not None:
                with contextlib.suppress(OSError, ValueError):
                    f.close()
        self._csv = self._cues = None

    def _sidecar(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "fs": self.fs,
            "channels": [
                {"name": c, "unit": u, "kind": "raw"}
                for c, u in zip(self.channels, self.units, strict=True)
            ]
            + [
                {"name": c, "unit": u, "kind": "envelope"}
                for c, u in zip(self.envelope_channels, self.envelope_units, strict=True)
            ],
            "columns": self.columns,
            "start_time": self._start_wall.isoformat() if self._start_wall else None,
            "start_monotonic": self._origin,
            "source": str(self.meta.get("source", "")),
            "routine_id": self.meta.get("routine_id"),
            "meta": self.meta,
            "data_file": self.path.name,
            "cues_file": self.cues_path.name,
            "flushed": {
                "samples": self.samples_written,
                "bytes": self._bytes_written,
                "duration_s": self.samples_written / self.fs,
                "cues": self.cues_written,
            },
            "samples_dropped": self.samples_dropped,
            "state": str(self._state),
            "error": self._error or None,
            "complete": self._state is RecorderState.CLOSED,
        }

    def _write_sidecar(self) -> None:
        text = json.dumps(self._sidecar(), indent=2, default=str) + "\n"
        tmp = self.sidecar_path.with_name(self.sidecar_path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.sidecar_path)
        _fsync_dir(self.folder)

    def _report(self, message: str) -> None:
        if self.on_error is not None:
            with contextlib.suppress(Exception):
                self.on_error(message)


def read_cues(path: str | Path) -> list[Annotation]:
    """Read ``<name>.cues.csv`` back (``t`` is session time, seconds from the recording start).

    A torn last row (a crash in the middle of a flush) is skipped.
    """
    out: list[Annotation] = []
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    complete = text if text.endswith("\n") else text[: text.rfind("\n") + 1]
    rows = list(csv.reader(io.StringIO(complete)))
    for row in rows[1:]:
        if len(row) != len(CUES_HEADER):
            continue
        try:
            out.append(Annotation(float(row[0]), row[3], row[2], float(row[1])))
        except ValueError:
            continue
    return out
