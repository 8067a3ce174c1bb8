"""Interface translations: Qt .qm files compiled from the .ts sources in glute_coach/translations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
SOURCE_LANGUAGE = "en"
LANGUAGES = {"en": "English", "de": "Deutsch"}


def resolve_language(setting: str) -> str:
    """'system' becomes the system's language when we have it, else English."""
    language = QLocale.system().name()[:2] if setting == "system" else setting
    return language if language in LANGUAGES else SOURCE_LANGUAGE


def install_translator(app: QCoreApplication, setting: str) -> QTranslator | None:
    """Install the translation for ``setting``; keep the returned object alive while in use."""
    language = resolve_language(setting)
    if language == SOURCE_LANGUAGE:
        return None
    translator = QTranslator(app)
    if not translator.load(str(TRANSLATIONS_DIR / f"glute_coach_{language}.qm")):
        return None
    app.installTranslator(translator)
    return translator
