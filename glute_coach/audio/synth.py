"""Synthesized beeps: a distinct sound per Tone, or one beep for all (the single-beep option).

Each tone differs in pitch, length and shape so that a phase can be told by ear:
tick (short, mid), go (high, longer), halfway (two quick pips), end (falling pair),
finish (rising three-note arpeggio).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from glute_coach.audio.dsp import apply_fades, normalise_loudness
from glute_coach.audio.sound import Samples, Sound
from glute_coach.core.timeline import Tone

# Beeps sit a little above the voice target so they carry over music (a common complaint).
BEEP_RMS_DB = -16.0
_ATTACK_S = 0.004
_RELEASE_S = 0.008
_GAP_S = 0.045


@dataclass(frozen=True)
class Note:
    hz: float
    seconds: float


# A tone is a sequence of notes separated by short gaps.
TONE_NOTES: dict[Tone, tuple[Note, ...]] = {
    Tone.TICK: (Note(880.0, 0.07),),
    Tone.GO: (Note(1318.5, 0.22),),
    Tone.HALFWAY: (Note(1046.5, 0.07), Note(1046.5, 0.07)),
    Tone.END: (Note(987.8, 0.12), Note(659.3, 0.18)),
    Tone.FINISH: (Note(1046.5, 0.12), Note(1318.5, 0.12), Note(1568.0, 0.25)),
}
SINGLE_BEEP = (Note(1000.0, 0.12),)
# Biofeedback chimes, softer in shape than the cue tones: rising on entering the target band,
# falling on leaving it (heard on the feedback channel, not the beeps).
CHIME_NOTES: dict[str, tuple[Note, ...]] = {
    "enter": (Note(784.0, 0.08), Note(1174.7, 0.16)),
    "leave": (Note(784.0, 0.08), Note(523.3, 0.16)),
}


def _note(note: Note, rate: int) -> Samples:
    t = np.arange(round(note.seconds * rate), dtype=np.float64) / rate
    # A touch of second harmonic makes a sine easier to hear on small speakers.
    wave = np.sin(2 * np.pi * note.hz * t) + 0.25 * np.sin(4 * np.pi * note.hz * t)
    return apply_fades(wave.astype(np.float32), rate, _ATTACK_S, _RELEASE_S)


def render_notes(notes: tuple[Note, ...], rate: int) -> Samples:
    gap = np.zeros(round(_GAP_S * rate), dtype=np.float32)
    parts: list[Samples] = []
    for i, note in enumerate(notes):
        if i:
            parts.append(gap)
        parts.append(_note(note, rate))
    return normalise_loudness(np.concatenate(parts), rate, BEEP_RMS_DB)


def synth_tone(tone: Tone, rate: int, *, single_beep: bool = False) -> Sound:
    notes = SINGLE_BEEP if single_beep else TONE_NOTES[tone]
    name = "beep" if single_beep else f"tone:{tone.value}"
    return Sound(name, render_notes(notes, rate), rate)


def synth_chime(kind: str, rate: int) -> Sound:
    """The chime for entering ("enter") or leaving ("leave") the target band."""
    return Sound(f"chime:{kind}", render_notes(CHIME_NOTES[kind], rate), rate)


class ToneBank:
    """Every tone rendered once at the stream's rate."""

    def __init__(self, rate: int, *, single_beep: bool = False) -> None:
        self.rate = rate
        self.single_beep = single_beep
        if single_beep:
            beep = synth_tone(Tone.TICK, rate, single_beep=True)
            self._sounds = dict.fromkeys(Tone, beep)
        else:
            self._sounds = {tone: synth_tone(tone, rate) for tone in Tone}

    def __getitem__(self, tone: Tone) -> Sound:
        return self._sounds[tone]
