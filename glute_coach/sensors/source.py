"""The signal-source interface, its events, and a threaded base class.

Every source acquires on its own thread. Samples travel in :class:`Block` objects that carry their
own timestamps (monotonic seconds, the clock of :func:`time.monotonic`). Connection changes and
problems are never raised into the caller's thread: they are queued as :class:`SourceEvent` and the
consumer drains them with :meth:`SignalSource.poll_events`.
"""

from __future__ import annotations

import contextlib
import enum
import queue
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

Clock = Callable[[], float]
FloatArray = npt.NDArray[np.float64]


def describe_error(exc: BaseException) -> str:
    """A device error in words for a person: the OS's reason when there is one, else the message.

    Drivers wrap OS errors (pyserial: ``SerialException(2, "could not open port ...")``); their
    repr is for developers.
    """
    reason = getattr(exc, "strerror", None)
    text = str(exc).strip()
    if reason and reason not in text:
        text = f"{text} ({reason})" if text else reason
    return text or type(exc).__name__


class ConnectionState(enum.StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    LOST = "lost"
    STOPPED = "stopped"


class EventKind(enum.StrEnum):
    STATE = "state"  # ``state`` holds the new connection state
    ERROR = "error"  # an exception in the acquisition thread (the thread goes on or reconnects)
    WARNING = "warning"  # bad data: non-finite samples, timestamps, rate, floods


@dataclass(frozen=True, slots=True)
class SourceEvent:
    kind: EventKind
    time: float
    message: str = ""
    state: ConnectionState | None = None
    code: str = ""  # machine-readable reason, e.g. "nonfinite", "timestamps", "rate", "flood"


@dataclass(frozen=True, slots=True)
class Block:
    """``data[i, c]`` was sampled at ``t0 + i / fs`` (monotonic seconds)."""

    t0: float
    fs: float
    data: FloatArray = field(repr=False)

    @property
    def n(self) -> int:
        return int(self.data.shape[0])

    @property
    def t_end(self) -> float:
        """Timestamp one sample period after the last sample (where the next block should start)."""
        return self.t0 + self.n / self.fs

    def timestamps(self) -> FloatArray:
        return self.t0 + np.arange(self.n, dtype=np.float64) / self.fs


class EndOfStream(Exception):  # noqa: N818 - a signal, not an error
    """Raised by ``_read`` when a finite source (a file) has delivered everything."""


@runtime_checkable
class SignalSource(Protocol):
    @property
    def channel_names(self) -> Sequence[str]: ...
    @property
    def units(self) -> Sequence[str]: ...
    @property
    def sample_rate(self) -> float: ...
    @property
    def state(self) -> ConnectionState: ...

    def start(self) -> None: ...
    def stop(self, timeout: float = 2.0) -> None: ...
    def add_sink(self, sink: Callable[[Block], None]) -> None: ...
    def events(self) -> queue.Queue[SourceEvent]: ...
    def poll_events(self) -> list[SourceEvent]: ...


class ThreadedSource(ABC):
    """Runs ``_open`` / ``_read`` / ``_close`` on one acquisition thread.

    Blocks go to every sink (called on the acquisition thread: a :class:`RingBuffer`'s ``push``)
    and, if ``keep_blocks`` is set, to a bounded queue drained with :meth:`poll_blocks`.
    """

    reconnect_delay = 0.5
    warn_interval = 1.0  # at most one warning of each code per interval

    def __init__(
        self,
        channel_names: Sequence[str],
        units: Sequence[str],
        sample_rate: float,
        *,
        clock: Clock = time.monotonic,
        stall_timeout: float = 1.0,
        keep_blocks: int = 0,
        rate_tolerance: float = 0.1,
    ) -> None:
        self._channel_names = tuple(channel_names)
        self._units = tuple(units)
        self._fs = float(sample_rate)
        self._clock = clock
        self.stall_timeout = stall_timeout
        self.rate_tolerance = rate_tolerance
        self._events: queue.Queue[SourceEvent] = queue.Queue()
        self._blocks: queue.Queue[Block] | None = queue.Queue(keep_blocks) if keep_blocks else None
        self._sinks: list[Callable[[Block], None]] = []
        self._state = ConnectionState.STOPPED
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_warn: dict[str, float] = {}
        self._next_t: float | None = None
        self._rate_t: float | None = None
        self._rate_n = 0
        self.dropped_blocks = 0

    # --- interface ---------------------------------------------------------------------------
    @property
    def channel_names(self) -> Sequence[str]:
        return self._channel_names

    @property
    def units(self) -> Sequence[str]:
        return self._units

    @property
    def sample_rate(self) -> float:
        return self._fs

    @property
    def state(self) -> ConnectionState:
        return self._state

    def add_sink(self, sink: Callable[[Block], None]) -> None:
        self._sinks.append(sink)

    def events(self) -> queue.Queue[SourceEvent]:
        return self._events

    def poll_events(self) -> list[SourceEvent]:
        out: list[SourceEvent] = []
        while True:
            try:
                out.append(self._events.get_nowait())
            except queue.Empty:
                return out

    def poll_blocks(self) -> list[Block]:
        out: list[Block] = []
        while self._blocks is not None:
            try:
                out.append(self._blocks.get_nowait())
            except queue.Empty:
                break
        return out

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, name=f"{type(self).__name__}-acquisition", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # --- for subclasses ----------------------------------------------------------------------
    @abstractmethod
    def _open(self) -> None:
        """Connect; raise to report a failure (the base retries)."""

    @abstractmethod
    def _read(self, timeout: float) -> Block | None:
        """Return the next block, or None if none arrived within ``timeout``."""

    def _close(self) -> None:  # noqa: B027 - optional hook
        """Disconnect; must not raise."""

    def _emit(
        self,
        kind: EventKind,
        message: str = "",
        *,
        state: ConnectionState | None = None,
        code: str = "",
    ) -> None:
        self._events.put(SourceEvent(kind, self._clock(), message, state, code))

    def _set_state(self, state: ConnectionState, message: str = "") -> None:
        if state is self._state:
            return
        self._state = state
        self._emit(EventKind.STATE, message, state=state)

    def _warn(self, code: str, message: str) -> None:
        now = self._clock()
        last = self._last_warn.get(code)
        if last is not None and now - last < self.warn_interval:
            return
        self._last_warn[code] = now
        self._emit(EventKind.WARNING, message, code=code)

    # --- the acquisition thread --------------------------------------------------------------
    def _run(self) -> None:
        first = True
        while not self._stop.is_set():
            self._set_state(ConnectionState.CONNECTING if first else ConnectionState.RECONNECTING)
            try:
                self._open()
            except Exception as exc:
                self._emit(
                    EventKind.ERROR, f"cannot connect: {describe_error(exc)}", code="connect"
                )
                first = False
                self._stop.wait(self.reconnect_delay)
                continue
            self._set_state(ConnectionState.CONNECTED)
            first = False
            try:
                ended = self._pump()
            finally:
                self._safe_close()
            if ended:
                break
        self._set_state(ConnectionState.STOPPED)

    def _safe_close(self) -> None:
        try:
            self._close()
        except Exception as exc:
            self._emit(EventKind.ERROR, f"error while closing: {describe_error(exc)}", code="close")

    def _pump(self) -> bool:
        """Read until stopped (True), the stream ended (True) or a read failed (False)."""
        last_data = self._clock()
        poll = min(0.05, self.stall_timeout / 4)
        while not self._stop.is_set():
            try:
                block = self._read(poll)
            except EndOfStream:
                self._emit(EventKind.STATE, "end of stream", state=self._state, code="eos")
                return True
            except Exception as exc:
                self._emit(EventKind.ERROR, f"read failed: {describe_error(exc)}", code="read")
                self._stop.wait(self.reconnect_delay)
                return False
            now = self._clock()
            if block is None or block.n == 0:
                if now - last_data > self.stall_timeout and self._state is not ConnectionState.LOST:
                    self._set_state(ConnectionState.LOST, f"no data for {self.stall_timeout:g} s")
                    self._rate_t = None
                continue
            last_data = now
            if self._state is ConnectionState.LOST:
                self._set_state(ConnectionState.CONNECTED, "data again")
            try:
                self._deliver(self._sanitize(block, now))
            except Exception as exc:  # a sink failed: report, keep acquiring
                self._emit(
                    EventKind.ERROR, f"block delivery failed: {describe_error(exc)}", code="sink"
                )
        return True

    def _sanitize(self, block: Block, now: float) -> Block:
        data = np.asarray(block.data, dtype=np.float64)
        if data.ndim == 1:
            data = data.reshape(-1, 1)
        t0 = float(block.t0)
        fs = float(block.fs) if block.fs > 0 and np.isfinite(block.fs) else self._fs
        finite = np.isfinite(data)
        if not finite.all():
            bad = int(data.size - np.count_nonzero(finite))
            self._warn("nonfinite", f"{bad} non-finite sample values replaced by NaN")
            data = np.where(finite, data, np.nan)
        if not np.isfinite(t0):
            self._warn("timestamps", "non-finite block timestamp; restamped")
            t0 = self._next_t if self._next_t is not None else now
        elif self._next_t is not None and t0 < self._next_t - 0.5 / fs:
            kind = (
                "duplicated"
                if abs(t0 - (self._next_t - data.shape[0] / fs)) < 0.5 / fs
                else "out-of-order"
            )
            self._warn(
                "timestamps", f"{kind} timestamps ({self._next_t - t0:.4f} s back); restamped"
            )
            t0 = self._next_t
        if abs(fs - self._fs) > self.rate_tolerance * self._fs:
            self._warn("rate", f"block rate {fs:g} Hz differs from declared {self._fs:g} Hz")
        self._check_rate(data.shape[0], now)
        out = Block(t0, fs, data)
        self._next_t = out.t_end
        return out

    def _check_rate(self, n: int, now: float) -> None:
        """Compare the arrival rate with the declared rate over windows of >= 2 s."""
        if self._rate_t is None:
            self._rate_t, self._rate_n = now, 0
            return
        self._rate_n += n
        elapsed = now - self._rate_t
        if elapsed >= 2.0:
            rate = self._rate_n / elapsed
            if self.expected_arrival_rate() and abs(rate - self.expected_arrival_rate()) > (
                self.rate_tolerance * self.expected_arrival_rate()
            ):
                self._warn(
                    "rate",
                    f"receiving {rate:.1f} samples/s, declared {self.expected_arrival_rate():g}",
                )
            self._rate_t, self._rate_n = now, 0

    def expected_arrival_rate(self) -> float:
        """Samples per second of wall time (a file replayed faster overrides this)."""
        return self._fs

    def _deliver(self, block: Block) -> None:
        for sink in self._sinks:
            sink(block)
        if self._blocks is not None:
            try:
                self._blocks.put_nowait(block)
            except queue.Full:  # flood: drop the oldest, count it
                with contextlib.suppress(queue.Empty):
                    self._blocks.get_nowait()
                self._blocks.put_nowait(block)
                self.dropped_blocks += 1
                self._warn("flood", f"consumer too slow: {self.dropped_blocks} blocks dropped")
