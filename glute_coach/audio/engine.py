"""The audio engine: one sounddevice OutputStream for the whole session, mixing scheduled sounds.

The stream is opened once and kept running; every sound is decoded before the session; the
callback only drains a command queue and mixes preallocated buffers (``Mixer``), and always
fills the whole buffer. Sounds are placed by sample count (``StreamClock``), so a cue due at
stream time ``T`` starts at sample ``round(T * rate)``: in the block starting at sample ``b``
it lands at offset ``round((T - b / rate) * rate)``, where ``b / rate`` is the block's DAC time
on the stream's own timeline.
"""

from __future__ import annotations

import contextlib
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from glute_coach.audio.device import find_output_device, load_sounddevice
from glute_coach.audio.feedback import FeedbackTone
from glute_coach.audio.mixer import Mixer
from glute_coach.audio.output import AudioStatus, AudioUnavailableError
from glute_coach.audio.settings import AudioSettings
from glute_coach.audio.sound import Category, Sound
from glute_coach.audio.stream_clock import StreamClock

START_TIMEOUT_S = 3.0
# No callback for this long while the stream should run: the device has gone.
STALL_S = 0.5
# The clock leads the render position so that a sound placed at now() is never late. PortAudio
# may run callbacks back to back until the device buffer is full, so the lead covers that
# buffer (the device latency), plus one block for a command that just missed a callback, plus
# this margin for scheduling jitter.
LEAD_MARGIN_S = 0.004


def clock_lead_s(blocksize: int, rate: int, device_latency_s: float) -> float:
    block = blocksize / rate
    return max(device_latency_s, block) + block + LEAD_MARGIN_S


class Stream(Protocol):
    """The part of ``sounddevice.OutputStream`` the engine uses (tests pass a fake)."""

    @property
    def latency(self) -> Any: ...

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def close(self) -> None: ...


StreamFactory = Callable[..., Stream]


@dataclass(frozen=True)
class EngineStats:
    callbacks: int
    underflows: int
    late_starts: int
    dropped: int
    frames_rendered: int


class AudioEngine:
    """Use ``AudioEngine.open(settings)``; or ``open_audio`` for a fallback when it fails."""

    def __init__(
        self,
        rate: int,
        *,
        blocksize: int,
        channels: int = 2,
        feedback: FeedbackTone | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._rate = rate
        self.blocksize = blocksize
        self.channels = channels
        self._monotonic = monotonic
        capacity = max(4096, 4 * blocksize)
        self.mixer = Mixer(
            rate, capacity=capacity, feedback=feedback or FeedbackTone(rate, capacity)
        )
        self._clock = StreamClock(rate, clock_lead_s(blocksize, rate, 0.0), monotonic)
        self._handles = itertools.count(1)
        self._stream: Stream | None = None
        self._device_latency_s = 0.0
        self.device_name = ""
        self.callbacks = 0
        self.underflows = 0
        self.reported_latency_s = 0.0  # outputBufferDacTime - currentTime, for diagnostics
        self._last_callback = monotonic()
        self._error: str | None = None
        self._finished = False
        self._closing = False

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        settings: AudioSettings,
        *,
        stream_factory: StreamFactory | None = None,
        start_timeout_s: float = START_TIMEOUT_S,
    ) -> AudioEngine:
        """Open and start the stream; raises AudioUnavailableError with a one-line reason."""
        sd = load_sounddevice()
        device = find_output_device(sd, settings.device, settings.samplerate)
        feedback = FeedbackTone(
            device.samplerate, max(4096, 4 * settings.blocksize), mode=settings.feedback_mode
        )
        engine = cls(
            device.samplerate,
            blocksize=settings.blocksize,
            channels=device.channels,
            feedback=feedback,
        )
        engine.device_name = device.name
        factory: StreamFactory = stream_factory or sd.OutputStream
        try:
            stream = factory(
                device=device.index,
                samplerate=device.samplerate,
                blocksize=settings.blocksize,
                latency=settings.latency,
                channels=device.channels,
                dtype="float32",
                callback=engine.callback,
                finished_callback=engine._on_finished,
            )
        except (sd.PortAudioError, ValueError) as err:
            raise AudioUnavailableError(f"cannot open {device.name!r}: {err}") from err
        engine.attach(stream)
        try:
            stream.start()
        except sd.PortAudioError as err:
            engine.close()
            raise AudioUnavailableError(f"cannot start {device.name!r}: {err}") from err
        if not engine.wait_started(start_timeout_s):
            engine.close()
            raise AudioUnavailableError(f"{device.name!r} did not start playing (busy or stalled)")
        for category in Category:
            engine.set_volume(category, settings.volume(category))
        engine.set_muted(settings.muted)
        return engine

    def attach(self, stream: Stream) -> None:
        self._stream = stream
        latency = stream.latency
        self._device_latency_s = float(latency[1] if isinstance(latency, tuple) else latency)
        self._clock.lead_s = clock_lead_s(self.blocksize, self._rate, self._device_latency_s)

    def wait_started(self, timeout_s: float) -> bool:
        """Block until the first callback has anchored the clock (or time runs out)."""
        deadline = time.monotonic() + timeout_s
        while not self._clock.started:
            if time.monotonic() > deadline or self._finished:
                return False
            time.sleep(0.002)  # start-up only; never on the cue path
        return True

    # --- the audio thread ------------------------------------------------------------------

    def callback(self, outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        wall = self._monotonic()
        try:
            if getattr(status, "output_underflow", False):
                self.underflows += 1
            block_start = self.mixer.frames_rendered
            self.mixer.render(outdata)
            self._clock.publish(wall, block_start)
            self.reported_latency_s = time_info.outputBufferDacTime - time_info.currentTime
            self.callbacks += 1
            self._last_callback = wall
        except Exception as err:  # never let an exception leave the buffer unfilled
            outdata.fill(0)
            self._error = f"audio callback failed: {err!r}"

    def _on_finished(self) -> None:
        self._finished = True

    # --- AudioOutput ------------------------------------------------------------------------

    @property
    def rate(self) -> int:
        return self._rate

    @property
    def clock(self) -> StreamClock:
        return self._clock

    @property
    def output_latency_s(self) -> float:
        return self._clock.lead_s + self._device_latency_s

    @property
    def failed(self) -> str | None:
        if self._closing:
            return None
        if self._error is not None:
            return self._error
        if self._finished:
            return "the sound device stopped"
        if self._clock.started and self._monotonic() - self._last_callback > STALL_S:
            return "the sound device stopped responding"
        return None

    @property
    def status(self) -> AudioStatus:
        return AudioStatus.PLAYING if self.failed is None else AudioStatus.LOST

    def play_at(
        self,
        sound: Sound,
        at: float,
        *,
        category: Category,
        gain: float = 1.0,
        duck_music: bool = False,
    ) -> int:
        if sound.rate != self._rate:
            raise ValueError(
                f"'{sound.name}' is at {sound.rate} Hz; the stream runs at {self._rate} Hz"
            )
        handle = next(self._handles)
        start = self._clock.frame_at(at)
        self.mixer.play(
            handle, sound.samples, start, gain=gain, category=category, ducks=duck_music
        )
        return handle

    def cancel(self, handle: int) -> None:
        self.mixer.cancel(handle)

    def cancel_pending(self) -> None:
        self.mixer.cancel_pending()

    def silence(self) -> None:
        self.mixer.silence()

    def set_volume(self, category: Category, volume: float) -> None:
        self.mixer.set_volume(category, volume)

    def set_muted(self, muted: bool) -> None:
        self.mixer.master = 0.0 if muted else 1.0

    def set_feedback(self, value: float | None) -> None:
        self.mixer.feedback.target = None if value is None else min(max(float(value), 0.0), 1.0)

    def set_music(self, sound: Sound | None) -> None:
        if sound is not None and sound.rate != self._rate:
            raise ValueError(
                f"'{sound.name}' is at {sound.rate} Hz; the stream runs at {self._rate} Hz"
            )
        self.mixer.set_music(None if sound is None else sound.samples)

    def stats(self) -> EngineStats:
        m = self.mixer.stats()
        return EngineStats(
            self.callbacks, self.underflows, m.late_starts, m.dropped, m.frames_rendered
        )

    def close(self) -> None:
        self._closing = True
        stream, self._stream = self._stream, None
        if stream is None:
            return
        for step in (stream.stop, stream.close):
            # A vanished device fails to stop; it is closed either way.
            with contextlib.suppress(Exception):
                step()

    def __enter__(self) -> AudioEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
