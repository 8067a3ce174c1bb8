"""Every sound a timeline can ask for, decoded at routine load time (never mid-session)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from glute_coach.audio.clips import ClipCache, ClipError, default_cache
from glute_coach.audio.sound import Category, Sound
from glute_coach.audio.synth import ToneBank
from glute_coach.audio.voice import SOURCE_LANGUAGE, voice_clip_for
from glute_coach.core.timeline import CueKind, Timeline, TimelineCue, Tone

log = logging.getLogger("glute_coach.audio")

ResolveAsset = Callable[[str], Path]
Warn = Callable[[str], None]
_EXAMPLES = 3


@dataclass(frozen=True)
class SoundOptions:
    language: str = SOURCE_LANGUAGE
    voice: bool = True
    single_beep: bool = False
    voice_root: Path | None = None  # assets/ folder holding voice/<lang>/ (default: the app's)


@dataclass
class SoundBank:
    rate: int
    tones: ToneBank
    voices: dict[str, Sound] = field(default_factory=dict)  # cue text → recorded voice
    clips: dict[str, Sound] = field(default_factory=dict)  # routine clip reference → sound
    missing_voices: list[str] = field(default_factory=list)
    options: SoundOptions = field(default_factory=SoundOptions)

    @classmethod
    def prepare(
        cls,
        timeline: Timeline,
        *,
        rate: int,
        options: SoundOptions | None = None,
        resolve_asset: ResolveAsset | None = None,
        cache: ClipCache | None = None,
        warn: Warn | None = None,
    ) -> SoundBank:
        """Decode everything now. Raises ClipError (``clip '<ref>': <why>``) for a bad clip."""
        options = options or SoundOptions()
        cache = cache or default_cache
        bank = cls(rate, ToneBank(rate, single_beep=options.single_beep), options=options)
        for cue in timeline.cues:
            if cue.kind is CueKind.CLIP and cue.clip is not None and cue.clip not in bank.clips:
                bank.clips[cue.clip] = _load_routine_clip(cue.clip, rate, resolve_asset, cache)
        texts = [c.text for c in timeline.cues if c.kind is CueKind.VOICE and c.text]
        for text in dict.fromkeys(texts):
            bank.add_voice(text, cache)
        if bank.missing_voices:
            examples = ", ".join(f'"{t}"' for t in bank.missing_voices[:_EXAMPLES])
            more = "" if len(bank.missing_voices) <= _EXAMPLES else ", …"
            (warn or log.warning)(
                f"no recorded voice in '{options.language}' for {len(bank.missing_voices)} "
                f"phrase(s) ({examples}{more}); a beep stands in and the caption still shows"
            )
        return bank

    def add_voice(self, text: str, cache: ClipCache | None = None) -> Sound | None:
        """Load the recorded voice for ``text`` (e.g. "Paused") if there is one."""
        if text in self.voices:
            return self.voices[text]
        path = voice_clip_for(text, self.options.language, root=self.options.voice_root)
        sound = None
        if path is not None:
            try:
                sound = (cache or default_cache).load(path, self.rate)
            except ClipError as err:
                log.warning("voice file %s is unusable: %s", path, err)
        if sound is None:
            if text not in self.missing_voices:
                self.missing_voices.append(text)
            return None
        self.voices[text] = sound
        return sound

    def for_cue(self, cue: TimelineCue) -> tuple[Sound, Category]:
        if cue.kind is CueKind.CLIP and cue.clip in self.clips:
            return self.clips[cue.clip], Category.VOICE
        if cue.kind is CueKind.VOICE and self.options.voice and cue.text in self.voices:
            return self.voices[cue.text], Category.VOICE
        return self.tones[cue.tone or Tone.GO], Category.BEEPS

    def for_text(self, text: str) -> tuple[Sound, Category]:
        """A phrase outside the timeline (e.g. "Paused"); its tone when there is no voice."""
        sound = self.voices.get(text) if self.options.voice else None
        if sound is None and self.options.voice:
            sound = self.add_voice(text)
        if sound is None:
            return self.tones[Tone.TICK], Category.BEEPS
        return sound, Category.VOICE


def _load_routine_clip(
    ref: str, rate: int, resolve_asset: ResolveAsset | None, cache: ClipCache
) -> Sound:
    if resolve_asset is None:
        raise ClipError(
            f"clip '{ref}': the routine's folder is unknown, so the clip cannot be found"
        )
    try:
        path = resolve_asset(ref)
    except ValueError as err:
        raise ClipError(f"clip '{ref}': {err}") from err
    try:
        return cache.load(path, rate)
    except ClipError as err:
        raise ClipError(f"clip '{ref}': {err}", path) from err
