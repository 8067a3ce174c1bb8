"""Voice assets: naming, lookup, and that every bundled routine's phrase is recorded."""

from __future__ import annotations

import json
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from glute_coach.audio.clips import check_clip
from glute_coach.audio.voice import APP_PHRASES, phrase_slug, read_manifest, voice_clip_for
from glute_coach.core.resources import assets_dir
from glute_coach.core.routine import Routine
from glute_coach.core.timeline import CueKind, compile_timeline
from tests.conftest import ROOT, bundled_routine_files

LANGUAGES = ("en", "de")


def test_slugs_are_readable_stable_and_ignore_case_and_spacing() -> None:
    assert phrase_slug("Switch sides") == "switch-sides-764203eb"
    assert phrase_slug("  switch   SIDES ") == phrase_slug("Switch sides")
    assert phrase_slug("Routine complete. Well done.") != phrase_slug("Routine complete, well done")
    assert phrase_slug("Größer!").startswith("grosser-")
    assert phrase_slug("…") == phrase_slug("…")[-8:]  # nothing readable: just the hash


def test_lookup_by_english_phrase_by_translation_and_by_regional_language() -> None:
    english = voice_clip_for("Switch sides", "en")
    german = voice_clip_for("Switch sides", "de")
    assert english is not None
    assert german is not None
    assert english.parent.name == "en"
    assert german.parent.name == "de"
    assert english.name == german.name
    assert voice_clip_for("Seite wechseln", "de") == german  # a routine written in German
    assert voice_clip_for("switch sides", "de-AT") == german
    assert voice_clip_for("Never recorded", "en") is None
    assert voice_clip_for("Switch sides", "xx") is None


def _routine_voice_texts() -> set[str]:
    texts = set()
    for path in bundled_routine_files():
        routine = Routine.model_validate(json.loads(path.read_text(encoding="utf-8")))
        texts |= {
            c.text for c in compile_timeline(routine).cues if c.kind is CueKind.VOICE and c.text
        }
    return texts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_phrase_the_app_speaks_is_recorded(lang: str) -> None:
    """Fails when a routine gains a phrase: run scripts/make_voice_assets.py."""
    missing = sorted(
        t for t in _routine_voice_texts() | set(APP_PHRASES) if voice_clip_for(t, lang) is None
    )
    assert not missing, f"no {lang} recording for {missing}; run scripts/make_voice_assets.py"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_voice_files_are_small_valid_mono_wavs(lang: str) -> None:
    files = sorted((assets_dir() / "voice" / lang).glob("*.wav"))
    assert files
    manifest = read_manifest(lang)
    assert {f.stem for f in files} == {phrase_slug(p) for p in manifest}
    for path in files:
        with wave.open(str(path)) as w:
            assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22_050)
            assert w.getnframes() / 22_050 < 6
        check_clip(path)


def test_the_voice_folder_stays_small() -> None:
    total = sum(p.stat().st_size for p in (assets_dir() / "voice").rglob("*"))
    assert total < 15 * 2**20


def test_every_english_phrase_has_a_german_translation() -> None:
    english = read_manifest("en")
    german = read_manifest("de")
    assert set(english) == set(german)
    assert all(german[p].strip() for p in english)


def test_the_asset_script_agrees_the_assets_are_complete() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_voice_assets.py"), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_speech_starts_at_the_beginning_of_the_file() -> None:
    """Files are trimmed so a word lands on its cue, not 10–20 ms after it."""
    import numpy as np

    for lang in LANGUAGES:
        path = voice_clip_for("Squeeze", lang)
        assert isinstance(path, Path)
        with wave.open(str(path)) as w:
            x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2") / 32768
        first = int(np.flatnonzero(np.abs(x) > 0.01)[0])
        assert first / 22_050 < 0.006
