"""The user's sound preferences and the stream parameters chosen for cue accuracy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from glute_coach.audio.feedback import FeedbackMode
from glute_coach.audio.sound import Category

# Cue accuracy does not depend on latency: sounds are placed by sample count ahead of time.
# What does move every later cue is an underrun (the server inserts silence), so the latency
# is chosen for safety: PortAudio's "high" (~32 ms on PulseAudio) never underran here with six
# CPU hogs on two cores, where "low" (~11 ms) underran three times in 40 s (docs/audio.md).
# The price is ~75 ms between scheduling and hearing, which ``output_latency_s`` reports so
# the screen can show what is heard. 256 frames at 48 kHz keep callbacks light (5.3 ms).
DEFAULT_RATE = 48_000
DEFAULT_BLOCKSIZE = 256
DEFAULT_LATENCY = "high"


@dataclass(frozen=True)
class AudioSettings:
    enabled: bool = True
    device: str | int | None = None  # None: the system's default output
    samplerate: int = DEFAULT_RATE
    blocksize: int = DEFAULT_BLOCKSIZE
    latency: float | str = DEFAULT_LATENCY
    language: str = "en"
    voice: bool = True  # False: beeps stand in for spoken cues (captions remain)
    single_beep: bool = False
    voice_volume: float = 1.0
    beep_volume: float = 1.0
    feedback_volume: float = 1.0
    music_volume: float = 1.0
    muted: bool = False
    feedback_mode: FeedbackMode = FeedbackMode.PITCH
    music: Path | None = None
    look_ahead_s: float = 1.5

    def volume(self, category: Category) -> float:
        return {
            Category.VOICE: self.voice_volume,
            Category.BEEPS: self.beep_volume,
            Category.FEEDBACK: self.feedback_volume,
            Category.MUSIC: self.music_volume,
        }[category]
