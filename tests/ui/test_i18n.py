"""The interface is translatable and German is complete."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from glute_coach.ui.i18n import TRANSLATIONS_DIR, install_translator, resolve_language

TS = TRANSLATIONS_DIR / "glute_coach_de.ts"
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%n|%\d")


def _messages() -> list[ET.Element]:
    return list(ET.parse(TS).getroot().iter("message"))


def test_german_is_complete_with_the_same_placeholders() -> None:
    messages = _messages()
    assert len(messages) > 200
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), source
        forms = [f.text or "" for f in translation.findall("numerusform")] or [
            translation.text or ""
        ]
        for text in forms:
            assert text.strip(), f"empty translation for {source!r}"
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), source


def test_compiled_translation_is_current() -> None:
    qm = TS.with_suffix(".qm")
    assert qm.is_file()
    assert qm.stat().st_mtime >= TS.stat().st_mtime - 1, "run scripts/update_translations"


def test_installing_german_translates_the_interface(qapp: QApplication) -> None:
    translator = install_translator(qapp, "de")
    assert translator is not None
    try:
        assert QCoreApplication.translate("LibraryView", "Settings") != "Settings"
    finally:
        qapp.removeTranslator(translator)


@pytest.mark.parametrize(("setting", "expected"), [("en", "en"), ("de", "de"), ("xx", "en")])
def test_language_choice(setting: str, expected: str) -> None:
    assert resolve_language(setting) == expected


def test_english_needs_no_translator(qapp: QApplication) -> None:
    assert install_translator(qapp, "en") is None
