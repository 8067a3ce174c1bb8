"""Background music: a looped sound whose gain envelope ducks under voice cues.

Voice cues are scheduled ahead, so the mixer knows one is coming and ducking starts
``attack`` before the first word rather than after it.
"""

from __future__ import annotations

import numpy as np

from glute_coach.audio.dsp import db_to_gain
from glute_coach.audio.sound import Samples

MUSIC_RMS_DB = -26.0  # music sits well under the cue loudness target


class MusicBed:
    def __init__(
        self,
        rate: int,
        capacity: int,
        *,
        duck_db: float = -15.0,
        attack_s: float = 0.06,
        release_s: float = 0.4,
        hold_s: float = 0.15,
    ) -> None:
        self.rate = rate
        self.duck_gain = db_to_gain(duck_db)
        self.attack_frames = max(1, round(attack_s * rate))
        self.release_frames = max(1, round(release_s * rate))
        self.hold_frames = round(hold_s * rate)
        self._samples: Samples | None = None
        self._pos = 0
        self._duck = 1.0  # current duck multiplier
        self._gain = 0.0  # current applied (category × duck) gain; starts silent, fades in
        self._hold_left = 0
        self._steps = np.arange(1, capacity + 1, dtype=np.float32)
        self._env = np.zeros(capacity, dtype=np.float32)
        self._buf = np.zeros(capacity, dtype=np.float32)

    def set_samples(self, samples: Samples | None) -> None:
        """Audio thread only (the mixer applies this from its command queue)."""
        self._samples = samples
        self._pos = 0
        self._gain = 0.0

    @property
    def playing(self) -> bool:
        return self._samples is not None

    def _next_duck(self, n: int, voice_near: bool) -> float:
        if voice_near:
            self._hold_left = self.hold_frames
        elif self._hold_left > 0:
            self._hold_left = max(0, self._hold_left - n)
        ducked = voice_near or self._hold_left > 0
        span = 1.0 - self.duck_gain
        if ducked:
            return max(self.duck_gain, self._duck - span * n / self.attack_frames)
        return min(1.0, self._duck + span * n / self.release_frames)

    def render_add(self, mix: Samples, gain: float, voice_near: bool) -> None:
        """Add this block of music into ``mix`` (audio thread)."""
        samples = self._samples
        if samples is None:
            return
        n = mix.size
        duck_end = self._next_duck(n, voice_near)
        gain_end = gain * duck_end
        env = self._env[:n]
        np.multiply(self._steps[:n], (gain_end - self._gain) / n, out=env)
        np.add(env, self._gain, out=env)
        buf = self._buf[:n]
        done = 0
        while done < n:  # loop the file, wrapping as many times as a block needs
            take = min(n - done, samples.size - self._pos)
            buf[done : done + take] = samples[self._pos : self._pos + take]
            done += take
            self._pos = (self._pos + take) % samples.size
        np.multiply(buf, env, out=buf)
        np.add(mix, buf, out=mix)
        self._duck, self._gain = duck_end, gain_end
