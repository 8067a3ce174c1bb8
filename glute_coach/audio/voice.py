"""Finding the recorded voice for a phrase.

Voice files live in ``assets/voice/<lang>/<slug>.wav`` where the slug is derived from
the *English* phrase, so every language shares one naming scheme. The phrase lists are
``assets/voice-phrases/en.txt`` (one phrase per line) and ``<lang>.tsv`` for the others
(``english<TAB>translation``); ``scripts/make_voice_assets.py`` builds the files from them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache
from pathlib import Path

from glute_coach.core.resources import assets_dir

VOICE_FOLDER = "voice"
PHRASES_FOLDER = "voice-phrases"
SOURCE_LANGUAGE = "en"
_SLUG_WORDS = 40
# Phrases the app says itself (besides those in routines), so every language records them.
APP_PHRASES = (
    "Switch sides",
    "Rest",
    "Relax",
    "Squeeze",
    "Routine complete. Well done.",
    "Halfway",
    "Get ready",
    "Paused",
    "Resume",
)


def assets_root() -> Path:
    """``assets/`` in a source checkout, or ``glute_coach/assets`` inside an installed wheel."""
    return assets_dir()


def normalise_phrase(text: str) -> str:
    """What makes two phrases the same: case and spacing do not; punctuation does (prosody)."""
    return " ".join(text.split()).casefold()


def phrase_slug(text: str) -> str:
    """A stable, readable file stem: ``switch-sides-<8 hex of sha1>``."""
    key = normalise_phrase(text)
    ascii_text = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:_SLUG_WORDS].strip("-")
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return f"{words}-{digest}" if words else digest


def language_candidates(lang: str) -> list[str]:
    """``de-AT`` is served by ``de-AT`` if recorded, else ``de``."""
    base = lang.split("-", maxsplit=1)[0].lower()
    return [lang, base] if base != lang else [lang]


def read_manifest(lang: str, root: Path | None = None) -> dict[str, str]:
    """English phrase → the text spoken in ``lang`` (identity for English)."""
    folder = (root or assets_root()) / PHRASES_FOLDER
    if lang == SOURCE_LANGUAGE:
        path = folder / f"{lang}.txt"
        if not path.is_file():
            return {}
        lines = path.read_text(encoding="utf-8").splitlines()
        phrases = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
        return {p: p for p in phrases}
    path = folder / f"{lang}.tsv"
    if not path.is_file():
        return {}
    pairs: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        english, _, spoken = line.partition("\t")
        if english.strip() and spoken.strip():
            pairs[english.strip()] = spoken.strip()
    return pairs


@cache
def _english_for(lang: str, root: Path) -> dict[str, str]:
    """Translation (normalised) → English phrase, so routines written in ``lang`` find voices too."""
    return {normalise_phrase(spoken): en for en, spoken in read_manifest(lang, root).items()}


def voice_clip_for(
    text: str, lang: str = SOURCE_LANGUAGE, *, root: Path | None = None
) -> Path | None:
    """The recorded voice for ``text`` in ``lang``, or None when there is none.

    ``text`` may be the English phrase (the usual case: routines are authored in English)
    or its translation in ``lang``.
    """
    root = root or assets_root()
    for code in language_candidates(lang):
        folder = root / VOICE_FOLDER / code
        if not folder.is_dir():
            continue
        direct = folder / f"{phrase_slug(text)}.wav"
        if direct.is_file():
            return direct
        english = _english_for(code, root).get(normalise_phrase(text))
        if english is not None:
            translated = folder / f"{phrase_slug(english)}.wav"
            if translated.is_file():
                return translated
    return None
