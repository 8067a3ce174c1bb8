"""The settings page edits every setting, emits the new settings, and restores the defaults."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QScrollBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from glute_coach.storage.settings import Settings, Theme
from glute_coach.ui.settings_view import SettingsView


def _view(qtbot: QtBot, settings: Settings | None = None) -> SettingsView:
    view = SettingsView(settings or Settings(), list_devices=lambda: ["Speakers", "Headphones"])
    qtbot.addWidget(view)
    return view


def test_shows_the_given_settings(qtbot: QtBot) -> None:
    view = _view(
        qtbot, Settings(theme=Theme.DARK, countdown_beeps=5, flash_on_cue=True, muted=True)
    )
    assert view.beeps_spin.value() == 5
    assert view.flash_check.isChecked()
    assert view.mute_check.isChecked()
    assert view.theme_combo.currentData() in (Theme.DARK, Theme.DARK.value)


def test_each_change_emits_new_settings(qtbot: QtBot) -> None:
    view = _view(qtbot)
    with qtbot.waitSignal(view.settings_changed) as changed:
        view.flash_check.setChecked(True)
    assert changed.args[0].flash_on_cue is True
    with qtbot.waitSignal(view.settings_changed) as changed:
        view.beeps_spin.setValue(1)
    assert changed.args[0].countdown_beeps == 1
    assert changed.args[0].flash_on_cue is True  # earlier changes are kept
    index = view.theme_combo.findData(Theme.HIGH_CONTRAST)
    if index < 0:
        index = view.theme_combo.findData(Theme.HIGH_CONTRAST.value)
    with qtbot.waitSignal(view.settings_changed) as changed:
        view.theme_combo.setCurrentIndex(index)
    assert changed.args[0].theme is Theme.HIGH_CONTRAST


def test_restore_defaults_comes_from_the_one_declaration(qtbot: QtBot) -> None:
    view = _view(qtbot, Settings(theme=Theme.DARK, font_scale=1.5, voice_enabled=False))
    with qtbot.waitSignal(view.settings_changed) as changed:
        qtbot.mouseClick(view.defaults_button, Qt.MouseButton.LeftButton)
    assert changed.args[0] == Settings()
    assert view.voice_check.isChecked()


def test_every_input_has_an_accessible_name(qtbot: QtBot) -> None:
    view = _view(qtbot)
    kinds = (QAbstractButton, QAbstractSlider, QComboBox, QAbstractSpinBox)
    inputs = [
        w
        for w in view.findChildren(QWidget)
        if isinstance(w, kinds) and not isinstance(w, QScrollBar)
    ]
    named = [w for w in inputs if w.accessibleName() or getattr(w, "text", lambda: "")()]
    assert len(named) == len(inputs), [type(w).__name__ for w in inputs if w not in named]
