"""The interface is translatable and German is complete."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from glute_coach.storage.settings import Settings
from glute_coach.ui import i18n
from glute_coach.ui.i18n import (
    TRANSLATIONS_DIR,
    install_translator,
    qm_path,
    resolve_language,
    uninstall_translators,
)
from glute_coach.ui.library_view import LibraryView

TS = TRANSLATIONS_DIR / "glute_coach_de.ts"
UI_DIR = Path(i18n.__file__).resolve().parent
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%n|%\d")
MNEMONIC = re.compile(r"&([^&\s])")


def _messages(path: Path = TS) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def _forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    return [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]


@pytest.fixture
def german(qapp: QApplication) -> Iterator[QTranslator]:
    translator = install_translator(qapp, "de")
    assert translator is not None
    try:
        yield translator
    finally:
        uninstall_translators(qapp)


def test_german_is_complete_with_the_same_placeholders() -> None:
    messages = list(_messages())
    assert len(messages) > 200
    for context, message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), (
            f"{context}: {source!r} is not translated"
        )
        for text in _forms(message):
            assert text.strip(), f"{context}: empty translation for {source!r}"
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
                f"{context}: placeholders differ in {source!r}"
            )
            assert bool(MNEMONIC.search(text)) == bool(MNEMONIC.search(source)), (
                f"{context}: keyboard mnemonic (&) lost or added in {source!r}"
            )


def test_every_string_in_the_code_is_in_the_translation(tmp_path: Path) -> None:
    """Fails when someone adds a tr() string and does not run scripts/update_translations."""
    lupdate = shutil.which("pyside6-lupdate") or str(
        Path(sys.executable).parent / "pyside6-lupdate"
    )
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh_de.ts"
    sources = sorted(str(p) for p in UI_DIR.rglob("*.py"))
    subprocess.run(
        [lupdate, "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    in_code = {(c, m.findtext("source")) for c, m in _messages(fresh)}
    in_ts = {(c, m.findtext("source")) for c, m in _messages()}
    assert in_code - in_ts == set(), "run scripts/update_translations and translate the new strings"


def test_compiled_translation_matches_the_source(qapp: QApplication) -> None:
    """The .qm holds exactly what the .ts says (so nobody forgot to run lrelease)."""
    translator = QTranslator()
    assert translator.load(str(qm_path("de")))
    for context, message in _messages():
        source = message.findtext("source") or ""
        comment = message.findtext("comment")
        n = 2 if message.get("numerus") == "yes" else -1
        got = translator.translate(context, source, comment, n)
        assert got == _forms(message)[-1], (
            f"{context}: {source!r} — run scripts/update_translations"
        )


def test_installing_german_translates_the_interface(german: QTranslator) -> None:
    assert QCoreApplication.translate("LibraryView", "Settings") == "Einstellungen"
    assert QCoreApplication.translate("SettingsView", "System default") == "Systemstandard"


def test_settings_view_appears_in_german(german: QTranslator, qtbot) -> None:
    from glute_coach.ui.settings_view import SettingsView

    view = SettingsView(Settings(), list_devices=lambda: [])
    qtbot.addWidget(view)
    texts = {label.text() for label in view.findChildren(QLabel)}
    assert "Einstellungen" in texts
    assert "Te&xtgröße" in texts
    assert view.device_combo.itemText(0) == "Systemstandard"
    assert view.back_button.accessibleName() == "Zurück"


def test_uninstall_returns_to_english(qapp: QApplication) -> None:
    assert install_translator(qapp, "de") is not None
    uninstall_translators(qapp)
    assert QCoreApplication.translate("LibraryView", "Settings") == "Settings"


@pytest.mark.parametrize(("setting", "expected"), [("en", "en"), ("de", "de"), ("xx", "en")])
def test_language_choice(setting: str, expected: str) -> None:
    assert resolve_language(setting) == expected


def test_system_language_follows_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_AT")))
    assert resolve_language("system") == "de"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("fr_FR")))
    assert resolve_language("system") == "en"


def test_english_needs_no_translator(qapp: QApplication) -> None:
    assert install_translator(qapp, "en") is None


def test_mnemonics_are_unique_in_the_settings_view(qapp: QApplication, qtbot) -> None:
    """Alt+letter must reach one control only, in English and in German."""
    from glute_coach.ui.settings_view import SettingsView

    for language in ("en", "de"):
        install_translator(qapp, language)
        try:
            view = SettingsView(Settings(), list_devices=lambda: [])
            qtbot.addWidget(view)
            texts = [w.text() for w in view.findChildren(QLabel) if w.buddy()]
            texts += [b.text() for b in (view.defaults_button, view.mute_check)]
            texts += [
                b.text() for b in (view.single_beep_check, view.voice_check, view.flash_check)
            ]
            keys = [m.group(1).lower() for t in texts if (m := MNEMONIC.search(t))]
            assert len(keys) == len(texts), (language, texts)
            assert len(set(keys)) == len(keys), (language, sorted(keys))
        finally:
            uninstall_translators(qapp)


def _header_row(view: LibraryView, widget: QWidget) -> int:
    index = view._header.indexOf(widget)
    return view._header.getItemPosition(index)[0]


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_library_title_is_never_cut_off(
    qapp: QApplication, qtbot: QtBot, language: str
) -> None:
    """The header buttons move under the title when one row cannot hold both (German labels
    are wider: a 1280-px screen was enough to cut "Ihre Übungsprogramme" short)."""
    if language == "de":
        install_translator(qapp, "de")
    try:
        view = LibraryView()
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        title = view.title_label
        buttons = (
            view.education_button,
            view.sensor_button,
            view.history_button,
            view.settings_button,
        )
        one_row = sum(w.sizeHint().width() + 12 for w in (title, *buttons)) + 64  # + margins
        # English fits one row on any width the rest of the page allows; German needs two below
        # about 900 px (the exact width depends on the fonts)
        cases = (
            ((one_row - 40, True), (one_row + 40, False)) if language == "de" else ((1280, False),)
        )
        for width, stacked in cases:
            view.resize(width, 720)
            qtbot.waitUntil(lambda w=width: view.width() == w)
            qtbot.waitUntil(lambda: title.width() >= title.sizeHint().width())
            assert _header_row(view, view.settings_button) == int(stacked), width
            if not stacked:  # side by side, not over each other
                assert buttons[0].x() >= title.x() + title.sizeHint().width()
    finally:
        uninstall_translators(qapp)


def test_start_up_notices_are_said_in_german(german: QTranslator, tmp_path: Path) -> None:
    """The storage layer reports facts; the app says them in the interface language."""
    from glute_coach.storage.history import HistoryStore
    from glute_coach.storage.settings import LoadedSettings
    from glute_coach.ui.notices import history_notice, settings_notice

    damaged = tmp_path / "history.sqlite3"
    damaged.write_bytes(b"not a database" * 100)
    with HistoryStore.open(damaged, import_from=tmp_path / "none") as store:
        said = history_notice(store)
        assert store.notice is not None
        assert store.notice.startswith("Your session history could not be read")  # the CLI's
    assert said is not None
    assert said.startswith("Ihr Trainingsverlauf konnte nicht gelesen werden (")
    assert "history.sqlite3.corrupt-" in said
    unreadable = LoadedSettings(Settings(), unreadable="not JSON", kept_as="settings.json.bad")
    assert settings_notice(unreadable) == (
        "Ihre Einstellungsdatei konnte nicht gelesen werden (not JSON); es gelten die "
        "Standardwerte. Sie wurde als settings.json.bad aufbewahrt."
    )
    reset = LoadedSettings(Settings(), reset=("theme", "font_scale"))
    assert settings_notice(reset) == (
        "Einige Einstellungen waren ungültig und wurden zurückgesetzt: theme, font_scale."
    )
    assert settings_notice(LoadedSettings(Settings())) is None


def test_chart_dates_name_months_and_days_in_the_interface_language(qapp: QApplication) -> None:
    """pyqtgraph's date axis names months with strftime (English); ours asks QLocale."""
    from datetime import datetime

    import pyqtgraph as pg

    from glute_coach.ui.chart_axes import LocalDateAxis, LocalNumberAxis, localized_strftime

    when = datetime(2026, 3, 3)
    assert localized_strftime(when, "%a %d", QLocale("de_DE")) == "Di. 03"
    assert localized_strftime(when, "%b", QLocale("de_DE")) == "März"
    assert localized_strftime(when, "%b", QLocale("en_GB")) == "Mar"
    assert localized_strftime(when, "100%% %Y", QLocale("de_DE")) == "100% 2026"

    previous = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        axis = LocalDateAxis(orientation="bottom")
        plain = pg.DateAxisItem(orientation="bottom")
        for item in (axis, plain):  # the zoom level with month ticks, as for a long span
            item.zoomLevel = next(
                level
                for level in item.zoomLevels.values()
                if any(spec.format == "%b" for spec in level.tickSpecs)
            )
        month_spacing = next(s.spacing for s in axis.zoomLevel.tickSpecs if s.format == "%b")
        march = [datetime(2026, 3, 1, 12).timestamp()]
        assert axis.tickStrings(march, 1.0, month_spacing) == ["März"]
        assert plain.tickStrings(march, 1.0, month_spacing) == ["Mar"]
        numbers = LocalNumberAxis("left")  # the live traces' axes
        assert numbers.tickStrings([-0.01, 0.0, 0.01], 1.0, 0.01) == ["-0,01", "0", "0,01"]
    finally:
        QLocale.setDefault(previous)


def test_decimals_are_written_the_interface_languages_way(qapp: QApplication) -> None:
    from glute_coach.ui.finish_view import number_text
    from glute_coach.ui.widgets import decimal_text, seconds_text

    previous = QLocale()
    try:
        QLocale.setDefault(QLocale("de_DE"))
        assert decimal_text(0.4249, 2) == "0,42"
        assert decimal_text(1500.0, 0) == "1500"  # no thousands separator in a reading
        assert number_text(4.2) == "4,2"
        assert number_text(0.012) == "0,012"
        assert seconds_text(1.5) == "1,5 s"
        QLocale.setDefault(QLocale("en_GB"))
        assert decimal_text(0.4249, 2) == "0.42"
        assert number_text(4.2) == "4.2"
        assert seconds_text(1.5) == "1.5 s"
    finally:
        QLocale.setDefault(previous)


def test_dates_follow_the_interface_language(german: QTranslator) -> None:
    from datetime import date

    from glute_coach.ui.widgets import date_text

    previous = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        day = date(2026, 3, 3)
        assert date_text(day) == "Di., 3. März 2026"
        assert date_text(day, "day_month") == "3. März"
        assert date_text(day, "weekday") == "Dienstag, 3. März"
        assert date_text(day, "weekday_year") == "Dienstag, 3. März 2026"
    finally:
        QLocale.setDefault(previous)
