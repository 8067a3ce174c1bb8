"""One sensor session: a source, its live buffers, an optional recording and cue markers.

:class:`SensorSession` ties the sensor layer together for a player (terminal or GUI):

- it opens a :class:`~glute_coach.sensors.source.SignalSource` (from a ``--sensor`` spec string
  or an already built source) and adds one sink that runs on the acquisition thread: the block is
  turned into an envelope (moving RMS of the band-passed EMG; pressure and other non-EMG channels
  are their own envelope), pushed to two :class:`RingBuffer` (raw and envelope, ~30 s each) and,
  when recording, written to a :class:`~glute_coach.sensors.recorder.Recorder`;
- :meth:`SensorSession.on_cue` annotates the recording, publishes an LSL marker (optional) and
  lets a simulated source respond (a squeeze raises its envelope after a short latency);
- :meth:`SensorSession.poll_messages` turns source events, recorder failures and processing
  warnings into one short, de-duplicated line each for the user.

Nothing raised on the acquisition thread reaches the caller, and neither a failing source nor a
failing recording stops the session: both are reported and the session goes on. All times are
monotonic seconds (:func:`time.monotonic`, the clock of the blocks).
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

import numpy as np

from glute_coach.core.timeline import CueRole
from glute_coach.sensors.markers import CueMarkerOutlet, MarkerError
from glute_coach.sensors.processing import RMS_WINDOW_S, EmgProcessor
from glute_coach.sensors.recorder import Recorder
from glute_coach.sensors.ring_buffer import RingBuffer, Window
from glute_coach.sensors.source import (
    Block,
    Clock,
    ConnectionState,
    EventKind,
    FloatArray,
    SignalSource,
    SourceEvent,
)
from glute_coach.sensors.spec import SensorSpec, open_source, parse_spec

BUFFER_S = 30.0
MESSAGE_INTERVAL_S = 5.0  # the same kind of message at most once per interval
EMG_UNITS = frozenset({"", "v", "mv", "uv", "µv", "μv"})
SQUEEZE_ROLES = frozenset({CueRole.START, CueRole.PHASE})
RELAX_ROLES = frozenset({CueRole.END, CueRole.REST, CueRole.FINISH})


class CueLike(Protocol):
    """What :meth:`SensorSession.on_cue` reads of a cue (a ``TimelineCue`` fits)."""

    @property
    def text(self) -> str | None: ...
    @property
    def role(self) -> CueRole: ...


def cue_action(cue: CueLike) -> str | None:
    """``"squeeze"``, ``"relax"`` or None: what a muscle should do on this cue."""
    if cue.role in SQUEEZE_ROLES:
        return "squeeze"
    if cue.role in RELAX_ROLES:
        return "relax"
    return None


def is_emg_unit(unit: str) -> bool:
    return unit.strip().lower() in EMG_UNITS


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.") or "session"


@dataclass(frozen=True, slots=True)
class ChannelLevel:
    """The newest envelope value of one channel, for a meter."""

    name: str
    unit: str
    value: float  # NaN before any data


class SensorSession:
    """A running sensor for one routine session; see the module docstring.

    ``source`` is a spec string (``"sim:seed=3"``), a parsed spec or a built source (not started).
    A bad spec string raises ValueError here, with a message for the user; everything after
    construction is reported through :meth:`poll_messages` instead.
    """

    def __init__(
        self,
        source: str | SensorSpec | SignalSource,
        *,
        record_dir: str | Path | None = None,
        routine_id: str | None = None,
        lsl_markers: bool = False,
        rms_window_s: float = RMS_WINDOW_S,
        buffer_s: float = BUFFER_S,
        recording_name: str | None = None,
        message_interval_s: float = MESSAGE_INTERVAL_S,
        clock: Clock = time.monotonic,
    ) -> None:
        self._spec: SensorSpec | None
        if isinstance(source, str):
            self.spec_text = source
            self._spec = parse_spec(source)
            self.source: SignalSource = open_source(self._spec, clock)
        elif isinstance(source, SignalSource):
            self.spec_text = type(source).__name__
            self._spec = None
            self.source = source
        else:
            self.spec_text = repr(source)
            self._spec = source
            self.source = open_source(source, clock)
        self.record_dir = Path(record_dir).expanduser() if record_dir is not None else None
        self.routine_id = routine_id
        self.lsl_markers = lsl_markers
        self.rms_window_s = rms_window_s
        self.buffer_s = buffer_s
        self.recording_name = recording_name
        self.message_interval_s = message_interval_s
        self._clock = clock

        self._lock = threading.Lock()
        self._messages: deque[tuple[str, str]] = deque(maxlen=200)  # (key, text)
        self._last_said: dict[str, float] = {}
        self._was_connected = False
        self._started = False
        self._stopped = False
        self._ready = False  # buffers and processing set up (on the first block)
        self._setup_failed = False
        self._names: tuple[str, ...] = ()
        self._units: tuple[str, ...] = ()
        self._emg_mask: np.ndarray[tuple[int], np.dtype[np.bool_]] = np.zeros(0, dtype=np.bool_)
        self._processor: EmgProcessor | None = None
        self.raw: RingBuffer | None = None
        self.envelope: RingBuffer | None = None
        self.recorder: Recorder | None = None
        self._pending_cues: list[tuple[float, str, str]] = []
        self._markers: CueMarkerOutlet | None = None
        self.blocks = 0
        self.sink_errors = 0

    # --- lifecycle -------------------------------------------------------------------------------
    def start(self) -> None:
        """Open the marker outlet (if asked) and start acquiring. Never raises for a bad device."""
        if self._started:
            return
        self._started = True
        if self.lsl_markers:
            try:
                self._markers = CueMarkerOutlet()
            except MarkerError as exc:
                self._say("markers", f"LSL markers off: {exc}")
            except Exception as exc:
                self._say("markers", f"LSL markers off: {exc}")
        self.source.add_sink(self._sink)
        try:
            self.source.start()
        except Exception as exc:
            self._say("source-start", f"sensor: cannot start: {exc}")

    def stop(self) -> Path | None:
        """Stop the source, close the recording and the marker outlet (idempotent).

        Returns the recording's CSV path when one was written, else None.
        """
        if not self._stopped:
            self._stopped = True
            with contextlib.suppress(Exception):
                self.source.stop()
            with self._lock:
                recorder = self.recorder
            if recorder is not None:
                with contextlib.suppress(Exception):
                    recorder.close()
            if self._markers is not None:
                with contextlib.suppress(Exception):
                    self._markers.close()
        return self.recording_path

    def reconnect(self) -> None:
        """Drop the current connection and connect again from the spec (a user's "Reconnect").

        Buffers, processing state and the recording carry on; the time without data shows as a
        gap in the buffers and is annotated in the recording. A source built by the caller (not
        from a spec) is restarted as it is.
        """
        if self._stopped or not self._started:
            return
        old = self.source
        with contextlib.suppress(Exception):
            old.stop(timeout=0.5)
        try:
            self.source = open_source(self._spec, self._clock) if self._spec is not None else old
        except Exception as exc:
            self._say("source-start", f"sensor: cannot reconnect: {exc}")
            return
        self._annotate_state("reconnect requested")
        if self.source is not old:
            self.source.add_sink(self._sink)
        try:
            self.source.start()
        except Exception as exc:
            self._say("source-start", f"sensor: cannot start: {exc}")

    def __enter__(self) -> SensorSession:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- state for views -------------------------------------------------------------------------
    @property
    def state(self) -> ConnectionState:
        return self.source.state

    @property
    def channel_names(self) -> Sequence[str]:
        return self._names or tuple(self.source.channel_names)

    @property
    def units(self) -> Sequence[str]:
        return self._units or tuple(self.source.units)

    @property
    def recording_path(self) -> Path | None:
        recorder = self.recorder
        if recorder is None or not recorder.path.exists():
            return None
        return recorder.path

    def latest(self, seconds: float) -> tuple[Window, Window] | None:
        """The newest ``seconds`` of raw samples and of envelope, or None before any data."""
        raw, env = self.raw, self.envelope
        if raw is None or env is None:
            return None
        fs = self.source.sample_rate or 1.0
        n = max(1, round(seconds * fs))
        return raw.latest(n), env.latest(n)

    def levels(self) -> list[ChannelLevel]:
        """The newest envelope value of each channel (NaN before data), for meters."""
        env = self.envelope
        names, units = list(self.channel_names), list(self.units)
        if env is None:
            return [
                ChannelLevel(n, u, float("nan"))
                for n, u in zip(names, units + [""] * len(names), strict=False)
            ]
        last = env.latest(1)
        values = last.data[-1] if last.n else np.full(env.channels, np.nan)
        return [
            ChannelLevel(
                names[i] if i < len(names) else f"ch{i + 1}",
                units[i] if i < len(units) else "",
                float(values[i]),
            )
            for i in range(env.channels)
        ]

    # --- cues ------------------------------------------------------------------------------------
    def on_cue(self, cue: CueLike, clock_time: float | None = None, *, level: float = 1.0) -> None:
        """A cue was given at ``clock_time`` (monotonic seconds; now if None). Never raises.

        ``level`` (0..1 of a maximal effort) is how hard a simulated source squeezes.
        """
        t = self._clock() if clock_time is None else float(clock_time)
        kind = str(cue.role)
        text = cue.text or kind
        with self._lock:
            recorder = self.recorder
            if recorder is None and self._wants_recording():
                self._pending_cues.append((t, text, kind))
        if recorder is not None:
            try:
                recorder.annotate(t, text, kind)
            except Exception as exc:
                self._say("annotate", f"recording: cannot store a cue: {exc}")
        if self._markers is not None:
            try:
                self._markers.push(t, text, kind)
            except Exception as exc:
                self._say("markers", f"LSL markers: cannot send: {exc}")
        action = cue_action(cue)
        if action is not None:
            self.simulate(action, t, level)

    def simulate(self, action: str, clock_time: float, level: float = 1.0) -> None:
        """Let a simulated source's client "squeeze" or "relax" (no-op for real sensors)."""
        respond = getattr(self.source, "on_cue", None)
        if not callable(respond):
            return
        try:
            respond(action, clock_time, level) if action == "squeeze" else respond(
                action, clock_time
            )
        except Exception as exc:
            self._say("sim-cue", f"sensor: cue not applied: {exc}")

    # --- messages --------------------------------------------------------------------------------
    def poll_messages(self) -> list[str]:
        """New lines for the user: connection changes, failures, warnings (rate-limited)."""
        for event in self._safe_poll_events():
            self._say_event(event)
        out: list[str] = []
        now = self._clock()
        while True:
            try:
                key, text = self._messages.popleft()
            except IndexError:
                break
            last = self._last_said.get(key)
            if last is not None and now - last < self.message_interval_s:
                continue
            if out and out[-1] == text:
                continue
            self._last_said[key] = now
            out.append(text)
        return out

    def _safe_poll_events(self) -> list[SourceEvent]:
        try:
            return self.source.poll_events()
        except Exception as exc:
            return [SourceEvent(EventKind.ERROR, self._clock(), f"events unavailable: {exc}")]

    def _say(self, key: str, text: str) -> None:
        self._messages.append((key, " ".join(text.split())))

    def _annotate_state(self, text: str) -> None:
        """Mark a connection change in the recording's cue file (a gap's start or end)."""
        recorder = self.recorder
        if recorder is None:
            return
        try:
            recorder.annotate(self._clock(), text, "sensor")
        except Exception as exc:
            self._say("annotate", f"recording: cannot store a note: {exc}")

    def _say_event(self, event: SourceEvent) -> None:
        detail = f": {event.message}" if event.message else ""
        if event.kind is EventKind.STATE and event.state in (
            ConnectionState.RECONNECTING,
            ConnectionState.LOST,
        ):
            self._annotate_state(f"sensor {event.state.value}")
        elif (
            event.kind is EventKind.STATE
            and event.state is ConnectionState.CONNECTED
            and self._was_connected
        ):
            self._annotate_state("sensor connected again")
        if event.kind is EventKind.STATE:
            if event.code == "eos":
                self._say("state:eos", "sensor: end of stream")
                return
            state = event.state
            if state is ConnectionState.CONNECTING:
                self._say("state:connecting", f"sensor: connecting to {self.spec_text}")
            elif state is ConnectionState.CONNECTED:
                self._was_connected = True
                n = len(self.source.channel_names)
                fs = self.source.sample_rate
                self._say("connected", f"sensor: connected ({n} channels, {fs:g} Hz)")
            elif state is ConnectionState.RECONNECTING:
                if self._was_connected:
                    self._say("state:reconnecting", "sensor: connection lost — reconnecting")
                else:
                    self._say(
                        "state:retrying", f"sensor: still trying to connect to {self.spec_text}"
                    )
            elif state is ConnectionState.LOST:
                self._say("state:lost", f"sensor: no data{detail} — waiting")
            return
        if event.kind is EventKind.ERROR:
            self._say(f"error:{event.code}", f"sensor: {event.message or 'error'}")
            return
        self._say(f"warning:{event.code}", f"sensor warning: {event.message}")

    # --- the acquisition thread ------------------------------------------------------------------
    def _wants_recording(self) -> bool:
        return self.record_dir is not None and not self._setup_failed

    def _sink(self, block: Block) -> None:
        """Runs on the acquisition thread; never raises."""
        try:
            if not self._ready and not self._setup(block):
                return
            self._handle(block)
        except Exception as exc:
            self.sink_errors += 1
            self._say("sink", f"sensor: a block could not be processed: {exc}")

    def _setup(self, block: Block) -> bool:
        data = np.asarray(block.data)
        n_ch = 1 if data.ndim == 1 else int(data.shape[1])
        names = list(self.source.channel_names)
        units = list(self.source.units)
        if len(names) != n_ch:
            names = [f"ch{i + 1}" for i in range(n_ch)]
        if len(units) != n_ch:
            units = [""] * n_ch
        self._names, self._units = tuple(names), tuple(units)
        fs = float(block.fs)
        self._emg_mask = np.array([is_emg_unit(u) for u in units], dtype=np.bool_)
        n_emg = int(self._emg_mask.sum())
        if n_emg:
            self._processor = EmgProcessor(fs, n_emg, rms_window_s=self.rms_window_s)
        capacity = max(1, round(self.buffer_s * fs))
        self.raw = RingBuffer(capacity, n_ch)
        self.envelope = RingBuffer(capacity, n_ch)
        if self.record_dir is not None:
            self._open_recorder(fs)
        self._ready = True
        return True

    def _open_recorder(self, fs: float) -> None:
        assert self.record_dir is not None
        name = self.recording_name or self._default_name()
        n = 1
        base = name
        while (self.record_dir / f"{name}.csv").exists():
            n += 1
            name = f"{base}-{n}"
        meta = {
            "source": self.spec_text,
            "routine_id": self.routine_id,
            "rms_window_s": self.rms_window_s,
            "envelope": ["rms" if emg else "raw" for emg in self._emg_mask.tolist()],
        }
        try:
            recorder = Recorder(
                self.record_dir,
                name,
                self._names,
                self._units,
                fs,
                meta,
                on_error=lambda message: self._say("recorder", message),
            )
        except Exception as exc:
            self._setup_failed = True
            self._say("recorder", f"recording off: {exc}")
            with self._lock:
                self._pending_cues.clear()
            return
        with self._lock:
            self.recorder = recorder
            pending, self._pending_cues = self._pending_cues, []
        for t, text, kind in pending:
            recorder.annotate(t, text, kind)

    def _default_name(self) -> str:
        stamp = datetime.now().strftime("%Y-%m-%d_%H%M%S")
        return _safe_name(f"{stamp}-{self.routine_id}" if self.routine_id else stamp)

    def _envelope_of(self, data: FloatArray) -> FloatArray:
        if self._processor is None:
            return data.copy()
        if bool(self._emg_mask.all()):
            env = self._processor.process(data)
        else:
            env = data.copy()
            env[:, self._emg_mask] = self._processor.process(data[:, self._emg_mask])
        for message in self._processor.pop_messages():
            self._say("processing", f"sensor: {message}")
        return env

    def _handle(self, block: Block) -> None:
        data = np.asarray(block.data, dtype=np.float64)
        if data.ndim == 1:
            data = data.reshape(-1, 1)
        if data.shape[1] != len(self._names):
            self._say(
                "shape", f"sensor: block with {data.shape[1]} channels ignored ({len(self._names)})"
            )
            return
        env = self._envelope_of(data)
        env_block = Block(block.t0, block.fs, env)
        raw_block = Block(block.t0, block.fs, data)
        assert self.raw is not None
        assert self.envelope is not None
        self.raw.push(raw_block)
        self.envelope.push(env_block)
        self.blocks += 1
        recorder = self.recorder
        if recorder is not None:
            recorder.write(raw_block, env)
