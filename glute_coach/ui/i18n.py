"""Interface translations: Qt .qm files compiled from the .ts sources in glute_coach/translations.

``scripts/update_translations`` refreshes the .ts files from every ``tr()`` string in
glute_coach/ui (pyside6-lupdate) and compiles them (pyside6-lrelease).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
SOURCE_LANGUAGE = "en"
LANGUAGES = {"en": "English", "de": "Deutsch"}

_installed: list[QTranslator] = []
_locale_before: list[QLocale] = []


def resolve_language(setting: str) -> str:
    """'system' becomes the system's language when we have it, else English."""
    language = QLocale.system().name()[:2] if setting == "system" else setting
    return language if language in LANGUAGES else SOURCE_LANGUAGE


def qm_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"glute_coach_{language}.qm"


def install_translator(app: QCoreApplication, setting: str) -> QTranslator | None:
    """Install the translation for ``setting`` ("system", "en", "de", ...).

    Returns the installed translator (a child of ``app``, so it stays alive), or None for
    English or a language without a translation. Qt's own strings (standard dialog buttons)
    are translated too when Qt ships them.
    """
    language = resolve_language(setting)
    if language == SOURCE_LANGUAGE:
        return None
    translator = QTranslator(app)
    if not translator.load(str(qm_path(language))):
        log.debug("no interface translation for %s", language)
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    _installed.append(translator)
    # Dates, weekday names and the calendar follow the interface language too.
    _locale_before.append(QLocale())
    QLocale.setDefault(QLocale(language))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    else:
        qt_translator.deleteLater()
    return translator


def uninstall_translators(app: QCoreApplication) -> None:
    """Remove every translator ``install_translator`` installed (back to English)."""
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()
    if _locale_before:
        QLocale.setDefault(_locale_before[0])
        _locale_before.clear()
