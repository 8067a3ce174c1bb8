"""Measuring what was actually played: record a monitor source and find each sound by content.

Used by the audio tests and ``benchmarks/cue_timing.py`` through a PulseAudio null sink.
PortAudio's input timestamps on that path are off by hundreds of ms (field notes §3), so
onsets are found in the recorded samples themselves: a level threshold finds each sound
roughly, then a matched filter (normalised cross-correlation with the sound that was played)
places it to the sample and confirms it is the expected sound.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from glute_coach.audio.device import load_sounddevice
from glute_coach.audio.sound import Samples

THRESHOLD = 10 ** (-54 / 20)
_HEAD_S = 0.03  # the part of a sound the matched filter compares
_SEARCH_BEFORE_S = 0.010  # the level crosses the threshold a little after the true onset
_SEARCH_AFTER_S = 0.002


class MonitorRecorder:
    """Records an input device (default: the server's default source) into one big buffer."""

    def __init__(
        self, seconds: float, *, rate: int = 48_000, device: str | int | None = "pulse"
    ) -> None:
        self.rate = rate
        self._buffer = np.zeros(round(seconds * rate), dtype=np.float32)
        self.frames = 0  # written by the audio thread, read by the test thread
        self.overflows = 0
        sd = load_sounddevice()
        self._stream: Any = sd.InputStream(
            device=device,
            samplerate=rate,
            channels=1,
            dtype="float32",
            blocksize=256,
            latency="low",
            callback=self._callback,
        )

    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        if getattr(status, "input_overflow", False):
            self.overflows += 1
        start = self.frames
        take = min(frames, self._buffer.size - start)
        if take > 0:
            self._buffer[start : start + take] = indata[:take, 0]
            self.frames = start + take

    def start(self) -> None:
        self._stream.start()

    def close(self) -> None:
        self._stream.stop()
        self._stream.close()

    @property
    def samples(self) -> Samples:
        return self._buffer[: self.frames]

    def __enter__(self) -> MonitorRecorder:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(frozen=True)
class Onset:
    frame: int  # first sample of the sound in the recording
    match: float  # normalised correlation with the expected sound (1.0 = identical)


def _match_curve(recording: Samples, head: Samples, lo: int, hi: int) -> np.ndarray:
    """Normalised cross-correlation of ``head`` placed at every lag in [lo, hi)."""
    length = head.size
    segment = recording[lo : hi + length - 1].astype(np.float64)
    windows = sliding_window_view(segment, length)
    dots = windows @ head.astype(np.float64)
    norms = np.sqrt(np.einsum("ij,ij->i", windows, windows)) * float(np.linalg.norm(head))
    return np.asarray(dots / np.maximum(norms, 1e-12))


def match_at(recording: Samples, sound: Samples, frame: int, rate: int) -> float:
    """How well ``sound`` explains the recording starting at ``frame``."""
    head = sound[: round(_HEAD_S * rate)]
    if frame < 0 or frame + head.size > recording.size:
        return 0.0
    return float(_match_curve(recording, head, frame, frame + 1)[0])


def find_onsets(
    recording: Samples, sounds: Sequence[Samples], rate: int, *, threshold: float = THRESHOLD
) -> list[Onset | None]:
    """Find ``sounds`` in order, each after the end of the previous one.

    Sounds must not overlap in the recording (tests and benchmark space them out). A sound
    that cannot be found (nothing above the threshold) is None.
    """
    loud = np.abs(recording) > threshold
    onsets: list[Onset | None] = []
    pos = 0
    before, after = round(_SEARCH_BEFORE_S * rate), round(_SEARCH_AFTER_S * rate)
    for sound in sounds:
        rest = np.flatnonzero(loud[pos:])
        if rest.size == 0:
            onsets.append(None)
            continue
        coarse = pos + int(rest[0])
        head = sound[: round(_HEAD_S * rate)]
        lo = max(coarse - before, 0)
        hi = min(coarse + after, recording.size - head.size)
        if hi <= lo:
            onsets.append(None)
            break
        curve = _match_curve(recording, head, lo, hi)
        best = int(np.argmax(curve))
        frame = lo + best
        onsets.append(Onset(frame, float(curve[best])))
        pos = frame + sound.size
    return onsets


@dataclass(frozen=True)
class TimingStats:
    count: int
    mean_ms: float
    sd_ms: float
    max_abs_ms: float
    drift_ppm: float  # slope of error against schedule time

    def as_dict(self) -> dict[str, float | int]:
        return {
            "cues": self.count,
            "mean_ms": round(self.mean_ms, 4),
            "sd_ms": round(self.sd_ms, 4),
            "max_abs_ms": round(self.max_abs_ms, 4),
            "drift_ppm": round(self.drift_ppm, 3),
        }


def onset_errors(
    onset_frames: Sequence[int], scheduled_s: Sequence[float], rate: int
) -> np.ndarray:
    """Each onset's error (s) after removing one constant latency (the median offset)."""
    heard = np.asarray(onset_frames, dtype=np.float64) / rate
    offsets = heard - np.asarray(scheduled_s, dtype=np.float64)
    return np.asarray(offsets - np.median(offsets))


def timing_stats(errors_s: np.ndarray, scheduled_s: Sequence[float]) -> TimingStats:
    slope = float(np.polyfit(np.asarray(scheduled_s, dtype=np.float64), errors_s, 1)[0])
    return TimingStats(
        count=int(errors_s.size),
        mean_ms=float(errors_s.mean() * 1000),
        sd_ms=float(errors_s.std(ddof=1) * 1000) if errors_s.size > 1 else 0.0,
        max_abs_ms=float(np.abs(errors_s).max() * 1000),
        drift_ppm=slope * 1e6,
    )
