"""The realtime mixer: places scheduled sounds at exact sample positions.

Time in here is a count of samples since the stream started (``frames_rendered`` is the
first sample of the block being rendered). A sound due at sample ``s`` starts at offset
``s - block_start`` of the block that contains it, so cues land sample-exactly however late
or irregular the callbacks are.

Threading: the control thread never touches mixer state. It appends commands to a
``collections.deque`` (append and popleft are atomic, no lock is held by either side) and
the audio thread drains them at the start of each block. Every buffer is allocated here,
once; rendering only writes into slices of them.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

import numpy as np

from glute_coach.audio.dsp import SoftLimiter, db_to_gain
from glute_coach.audio.feedback import FeedbackTone
from glute_coach.audio.music import MusicBed
from glute_coach.audio.sound import CATEGORY_INDEX, Category, Samples

DEFAULT_VOICES = 64  # sounding + queued ahead (1.5 s of cues is far fewer)
DEFAULT_CAPACITY = 4096
HEADROOM_DB = -6.0  # room for two full-scale cues to overlap before the limiter works
LIMITER_THRESHOLD = 0.8
STOP_FADE_S = 0.008

# Commands: (opcode, *arguments). Tuples are built by the control thread.
_PLAY = 0
_CANCEL = 1
_CANCEL_PENDING = 2
_SILENCE = 3
_MUSIC = 4


class _Slot:
    """One voice of the mixer, reused for ever (no per-cue objects in the audio thread)."""

    __slots__ = (
        "active",
        "applied",
        "category",
        "ducks",
        "fade_left",
        "gain",
        "handle",
        "samples",
        "start",
    )

    def __init__(self) -> None:
        self.active = False
        self.handle = -1
        self.samples: Samples = np.zeros(1, dtype=np.float32)
        self.start = 0
        self.gain = 1.0
        self.applied = 1.0
        self.category = 0
        self.ducks = False
        self.fade_left = -1  # >= 0 while fading out after silence()


@dataclass(frozen=True)
class MixerStats:
    frames_rendered: int
    late_starts: int  # cues that arrived after their start sample had been rendered
    dropped: int  # cues that found no free voice
    playing: int


class Mixer:
    def __init__(
        self,
        rate: int,
        *,
        capacity: int = DEFAULT_CAPACITY,
        voices: int = DEFAULT_VOICES,
        feedback: FeedbackTone | None = None,
        music: MusicBed | None = None,
    ) -> None:
        self.rate = rate
        self.capacity = capacity
        self.frames_rendered = 0
        self.late_starts = 0
        self.dropped = 0
        self.feedback = feedback or FeedbackTone(rate, capacity)
        self.music = music or MusicBed(rate, capacity)
        self._commands: deque[tuple[Any, ...]] = deque()
        self._slots = [_Slot() for _ in range(voices)]
        # Volumes are plain attributes: a float store is atomic, and the audio thread only reads.
        self.category_gain = [1.0] * len(CATEGORY_INDEX)
        self.master = 1.0  # 0 when muted
        self._headroom = db_to_gain(HEADROOM_DB)
        self._master_applied = self.master * self._headroom
        self._duck_lead = self.music.attack_frames
        self._stop_fade = max(1, round(STOP_FADE_S * rate))
        self._mix = np.zeros(capacity, dtype=np.float32)
        self._scratch = np.zeros(capacity, dtype=np.float32)
        self._ramp = np.zeros(capacity, dtype=np.float32)
        self._steps = np.arange(1, capacity + 1, dtype=np.float32)
        self._limiter = SoftLimiter(capacity, LIMITER_THRESHOLD)

    # --- control thread ----------------------------------------------------------------------

    def play(
        self,
        handle: int,
        samples: Samples,
        start: int,
        *,
        gain: float,
        category: Category,
        ducks: bool,
    ) -> None:
        self._commands.append(
            (_PLAY, handle, samples, start, gain, CATEGORY_INDEX[category], ducks)
        )

    def cancel(self, handle: int) -> None:
        """Drop one cue if it has not started."""
        self._commands.append((_CANCEL, handle))

    def cancel_pending(self) -> None:
        """Drop every cue that has not started; what is sounding plays on."""
        self._commands.append((_CANCEL_PENDING,))

    def silence(self) -> None:
        """Drop pending cues and fade out the sounding ones (stop)."""
        self._commands.append((_SILENCE,))

    def set_music(self, samples: Samples | None) -> None:
        self._commands.append((_MUSIC, samples))

    def set_volume(self, category: Category, volume: float) -> None:
        self.category_gain[CATEGORY_INDEX[category]] = min(max(float(volume), 0.0), 1.0)

    # --- audio thread ------------------------------------------------------------------------

    def render(self, out: np.ndarray) -> None:
        """Fill all of ``out`` (frames × channels, float32); always the whole buffer."""
        frames = out.shape[0]
        done = 0
        while done < frames:
            n = min(self.capacity, frames - done)
            mix = self._mix[:n]
            self._render_block(mix)
            out[done : done + n, :] = mix[:, None]
            done += n

    def _drain(self, block_start: int) -> None:
        commands = self._commands
        while commands:
            command = commands.popleft()
            op = command[0]
            if op == _PLAY:
                self._start(block_start, command)
            elif op == _CANCEL:
                for slot in self._slots:
                    if slot.active and slot.handle == command[1] and slot.start >= block_start:
                        slot.active = False
            elif op in (_CANCEL_PENDING, _SILENCE):
                for slot in self._slots:
                    if slot.active and slot.start >= block_start:
                        slot.active = False
                    elif slot.active and op == _SILENCE and slot.fade_left < 0:
                        slot.fade_left = self._stop_fade
            elif op == _MUSIC:
                self.music.set_samples(command[1])

    def _start(self, block_start: int, command: tuple[Any, ...]) -> None:
        _, handle, samples, start, gain, category, ducks = command
        slot = self._free_slot()
        if slot is None:
            self.dropped += 1
            return
        if start < block_start:
            # Too late for its sample: play it whole now rather than cut its start ("…tract").
            self.late_starts += 1
            start = block_start
        slot.active = True
        slot.handle = handle
        slot.samples = samples
        slot.start = start
        slot.gain = gain
        slot.category = category
        slot.ducks = ducks
        slot.applied = slot.gain * self.category_gain[slot.category]
        slot.fade_left = -1

    def _free_slot(self) -> _Slot | None:
        for slot in self._slots:
            if not slot.active:
                return slot
        return None

    def _render_block(self, mix: Samples) -> None:
        n = mix.size
        block_start = self.frames_rendered
        self._drain(block_start)
        mix.fill(0.0)
        voice_near = False
        for slot in self._slots:
            if not slot.active:
                continue
            offset = slot.start - block_start
            if offset >= n:
                if slot.ducks and offset < n + self._duck_lead:
                    voice_near = True
                continue
            voice_near = voice_near or slot.ducks
            self._mix_slot(slot, mix, offset)
        gains = self.category_gain
        self.feedback.render_add(mix, gains[CATEGORY_INDEX[Category.FEEDBACK]])
        self.music.render_add(mix, gains[CATEGORY_INDEX[Category.MUSIC]], voice_near)
        self._apply_master(mix)
        self._limiter.process(mix)
        self.frames_rendered = block_start + n

    def _mix_slot(self, slot: _Slot, mix: Samples, offset: int) -> None:
        n = mix.size
        dst = max(offset, 0)
        src = dst - offset
        count = min(n - dst, slot.samples.size - src)
        if count <= 0:
            slot.active = False
            return
        seg = self._scratch[:count]
        target = slot.gain * self.category_gain[slot.category]
        if target == slot.applied:
            np.multiply(slot.samples[src : src + count], target, out=seg)
        else:  # a volume change glides over this block instead of stepping (no zipper noise)
            ramp = self._ramp[:count]
            np.multiply(self._steps[:count], (target - slot.applied) / count, out=ramp)
            np.add(ramp, slot.applied, out=ramp)
            np.multiply(slot.samples[src : src + count], ramp, out=seg)
            slot.applied = target
        if slot.fade_left >= 0:
            self._fade_out(slot, seg)
        np.add(mix[dst : dst + count], seg, out=mix[dst : dst + count])
        if src + count >= slot.samples.size or slot.fade_left == 0:
            slot.active = False

    def _fade_out(self, slot: _Slot, seg: Samples) -> None:
        k = min(seg.size, slot.fade_left)
        ramp = self._ramp[:k]
        # (fade_left - i) / total for i = 1..k: a straight line down to zero.
        np.subtract(float(slot.fade_left), self._steps[:k], out=ramp)
        np.multiply(ramp, 1.0 / self._stop_fade, out=ramp)
        np.multiply(seg[:k], ramp, out=seg[:k])
        seg[k:] = 0.0
        slot.fade_left -= k

    def _apply_master(self, mix: Samples) -> None:
        target = self.master * self._headroom
        if target == self._master_applied:
            if target != 1.0:
                np.multiply(mix, target, out=mix)
            return
        n = mix.size
        ramp = self._ramp[:n]
        np.multiply(self._steps[:n], (target - self._master_applied) / n, out=ramp)
        np.add(ramp, self._master_applied, out=ramp)
        np.multiply(mix, ramp, out=mix)
        self._master_applied = target

    def stats(self) -> MixerStats:
        playing = sum(1 for s in self._slots if s.active and s.start < self.frames_rendered)
        return MixerStats(self.frames_rendered, self.late_starts, self.dropped, playing)
