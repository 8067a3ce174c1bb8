"""SettingsView edits every Settings field, emits new Settings, restores defaults, is accessible."""

from __future__ import annotations

import re
import types

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QScrollBar,
    QWidget,
)

from glute_coach.storage.settings import FeedbackSound, Settings, Theme
from glute_coach.ui import settings_view
from glute_coach.ui.i18n import install_translator, uninstall_translators
from glute_coach.ui.settings_view import SettingsView
from glute_coach.ui.theme import apply_theme

DEVICES = ["Built-in Audio", "USB Headset"]
SENSOR = "Two-channel EMG"
MNEMONIC = re.compile(r"&([^&\s])")


@pytest.fixture
def view(qtbot) -> SettingsView:
    """The page as someone with a sensor set up sees it (so "No sensor" can be pressed)."""
    widget = SettingsView(Settings(sensor=SENSOR), list_devices=lambda: list(DEVICES))
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    return widget


def _controls(view: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox)
    return [
        w
        for w in view.findChildren(QWidget)
        if isinstance(w, kinds) and not isinstance(w, QScrollBar)  # the scroll area's own bars
    ]


def _show_active(view: QWidget, qtbot) -> None:
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()


def test_every_settings_field_has_a_control(view: SettingsView, qtbot) -> None:
    """Changing each control changes exactly its field, and every field is reachable."""
    changed: set[str] = set()
    base = view.settings

    def record(new: Settings) -> None:
        nonlocal base
        diff = {k for k, v in new.model_dump().items() if v != base.model_dump()[k]}
        changed.update(diff)
        base = new

    view.settings_changed.connect(record)
    view.device_combo.setCurrentIndex(view.device_combo.findData("USB Headset"))
    for slider in view._volume_sliders.values():
        slider.setValue(slider.value() - 10)
    view.mute_check.toggle()
    view.beeps_spin.setValue(7)
    view.single_beep_check.toggle()
    view.voice_check.toggle()
    view.voice_language_combo.setCurrentIndex(view.voice_language_combo.findData("de"))
    view.theme_combo.setCurrentIndex(view.theme_combo.findData(Theme.HIGH_CONTRAST.value))
    view.font_slider.setValue(150)
    view.flash_check.toggle()
    view.interface_language_combo.setCurrentIndex(view.interface_language_combo.findData("de"))
    view.no_sensor_button.click()
    view.feedback_sound_combo.setCurrentIndex(
        view.feedback_sound_combo.findData(FeedbackSound.CHIME.value)
    )
    view.colors_check.toggle()
    view.traces_check.toggle()
    view.record_check.toggle()
    view.reminders_check.toggle()
    view.reminder_day_checks[6].toggle()
    view.reminder_time_edit.setTime(view.reminder_time_edit.time().addSecs(3600))
    view.reminder_routine_combo.setCurrentIndex(1)
    assert changed == set(Settings.model_fields)


def test_changes_emit_a_new_settings(view: SettingsView, qtbot) -> None:
    with qtbot.waitSignal(view.settings_changed) as blocker:
        view._volume_sliders["beep_volume"].setValue(35)
    new = blocker.args[0]
    assert isinstance(new, Settings)
    assert new.beep_volume == pytest.approx(0.35)
    assert view.settings is new
    assert view._volume_labels["beep_volume"].text() == "35 %"

    with qtbot.waitSignal(view.settings_changed) as blocker:
        view.font_slider.setValue(175)
    assert blocker.args[0].font_scale == pytest.approx(1.75)
    assert view.font_value.text() == "175 %"

    with qtbot.waitSignal(view.settings_changed) as blocker:
        view.device_combo.setCurrentIndex(view.device_combo.findData("Built-in Audio"))
    assert blocker.args[0].audio_device == "Built-in Audio"
    with qtbot.waitSignal(view.settings_changed) as blocker:
        view.device_combo.setCurrentIndex(0)
    assert blocker.args[0].audio_device is None

    with qtbot.waitSignal(view.settings_changed) as blocker:
        view.theme_combo.setCurrentIndex(view.theme_combo.findData("dark"))
    assert blocker.args[0].theme is Theme.DARK


def test_controls_show_the_given_settings(qtbot) -> None:
    settings = Settings(
        audio_device="USB Headset",
        voice_volume=0.25,
        muted=True,
        voice_enabled=False,
        voice_language="de",
        countdown_beeps=0,
        theme=Theme.DARK,
        font_scale=1.25,
        flash_on_cue=True,
        interface_language="en",
        sensor=SENSOR,
        feedback_sound=FeedbackSound.OFF,
        feedback_colors=False,
        show_traces=False,
        record_sensor=False,
    )
    view = SettingsView(settings, list_devices=lambda: list(DEVICES))
    qtbot.addWidget(view)
    assert view.device_combo.currentText() == "USB Headset"
    assert view._volume_sliders["voice_volume"].value() == 25
    assert view._volume_labels["voice_volume"].text() == "25 %"
    assert view.mute_check.isChecked()
    assert not view.voice_check.isChecked()
    assert view.voice_language_combo.currentData() == "de"
    assert view.beeps_spin.text() == "Off"
    assert view.theme_combo.currentData() == "dark"
    assert view.font_slider.value() == 125
    assert view.flash_check.isChecked()
    assert view.interface_language_combo.currentData() == "en"
    assert view.sensor_label.text() == SENSOR
    assert view.no_sensor_button.isEnabled()
    assert view.feedback_sound_combo.currentData() == FeedbackSound.OFF.value
    assert view.feedback_sound_combo.currentText() == "No sound"
    assert not view.colors_check.isChecked()
    assert not view.traces_check.isChecked()
    assert not view.record_check.isChecked()


def test_system_default_device_is_first_and_unplugged_device_is_kept(qtbot) -> None:
    view = SettingsView(Settings(audio_device="Old DAC"), list_devices=lambda: list(DEVICES))
    qtbot.addWidget(view)
    combo = view.device_combo
    assert combo.itemData(0) is None
    assert combo.itemText(0) == "System default"
    assert [combo.itemData(i) for i in range(1, 3)] == DEVICES
    assert combo.currentData() == "Old DAC"
    assert "not connected" in combo.currentText()


def test_device_listing_failure_is_not_an_error(monkeypatch: pytest.MonkeyPatch, qtbot) -> None:
    def broken() -> types.ModuleType:
        raise OSError("PortAudio library not found")

    monkeypatch.setattr("glute_coach.audio.device.load_sounddevice", broken)
    assert settings_view.list_output_devices() == []
    view = SettingsView(Settings())
    qtbot.addWidget(view)
    assert view.device_combo.count() == 1
    assert view.device_combo.currentData() is None


def test_device_listing_keeps_outputs_once(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("sounddevice")
    fake.query_devices = lambda: [  # type: ignore[attr-defined]
        {"name": "Mic", "max_output_channels": 0},
        {"name": "Speakers", "max_output_channels": 2},
        {"name": "Speakers", "max_output_channels": 2},
        {"name": "HDMI", "max_output_channels": 8},
    ]
    monkeypatch.setattr("glute_coach.audio.device.load_sounddevice", lambda: fake)
    assert settings_view.list_output_devices() == ["Speakers", "HDMI"]


def test_restore_defaults_uses_settings_defaults(qtbot) -> None:
    changed = Settings(
        voice_volume=0.1, muted=True, theme=Theme.HIGH_CONTRAST, font_scale=2.0, countdown_beeps=9
    )
    view = SettingsView(changed, list_devices=lambda: list(DEVICES))
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.settings_changed) as blocker:
        qtbot.mouseClick(view.defaults_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == Settings()
    assert view._volume_sliders["voice_volume"].value() == round(Settings().voice_volume * 100)
    assert view.theme_combo.currentData() == Settings().theme.value


def test_set_settings_does_not_emit(view: SettingsView, qtbot) -> None:
    with qtbot.assertNotEmitted(view.settings_changed):
        view.set_settings(Settings(theme=Theme.DARK, muted=True))
    assert view.mute_check.isChecked()
    assert view.settings.theme is Theme.DARK


def test_back_button_and_escape_request_back(view: SettingsView, qtbot) -> None:
    _show_active(view, qtbot)
    with qtbot.waitSignal(view.back_requested):
        qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    view.mute_check.setFocus()
    with qtbot.waitSignal(view.back_requested):
        qtbot.keyClick(view.mute_check, Qt.Key.Key_Escape)


def test_every_control_has_an_accessible_name_and_takes_focus(view: SettingsView) -> None:
    controls = _controls(view)
    assert len(controls) >= 16
    for control in controls:
        assert control.accessibleName(), f"{type(control).__name__} has no accessible name"
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, control.accessibleName()


def test_labels_are_buddies(view: SettingsView) -> None:
    buddied = {label.buddy() for label in view.findChildren(QLabel) if label.buddy()}
    for control in (
        view.device_combo,
        *view._volume_sliders.values(),
        view.beeps_spin,
        view.voice_language_combo,
        view.theme_combo,
        view.font_slider,
        view.interface_language_combo,
        view.feedback_sound_combo,
    ):
        assert control in buddied, control.accessibleName()


@pytest.mark.parametrize("language", ["en", "de"])
def test_mnemonics_are_unique_on_the_whole_page(qapp: QApplication, qtbot, language: str) -> None:
    """Every Alt+letter on the page, biofeedback card included, reaches one control only."""
    install_translator(qapp, language)
    try:
        view = SettingsView(Settings(sensor=SENSOR), list_devices=lambda: [])
        qtbot.addWidget(view)
        texts = [w.text() for w in view.findChildren(QLabel) if w.buddy()]
        texts += [b.text() for b in view.findChildren(QAbstractButton)]
        keys = [m.group(1).lower() for t in texts if (m := MNEMONIC.search(t))]
        assert len(set(keys)) == len(keys), (language, sorted(keys))
        for control in (
            view.sensor_button,
            view.no_sensor_button,
            view.colors_check,
            view.traces_check,
            view.record_check,
        ):
            assert MNEMONIC.search(control.text()), (language, control.text())
    finally:
        uninstall_translators(qapp)


# --- the biofeedback card ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("control", "field", "expected"),
    [
        ("colors_check", "feedback_colors", not Settings().feedback_colors),
        ("traces_check", "show_traces", not Settings().show_traces),
        ("record_check", "record_sensor", not Settings().record_sensor),
    ],
)
def test_biofeedback_checks_change_their_setting(
    view: SettingsView, qtbot, control: str, field: str, expected: bool
) -> None:
    with qtbot.waitExposed(view):
        view.show()
    before = view.settings
    with qtbot.waitSignal(view.settings_changed, timeout=1000) as blocker:
        box = getattr(view, control)
        on_the_words = QPoint(box.sizeHint().width() // 2, box.height() // 2)
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=on_the_words)
    new = blocker.args[0]
    assert getattr(new, field) is expected
    assert new.model_copy(update={field: getattr(before, field)}) == before  # nothing else


@pytest.mark.parametrize("sound", list(FeedbackSound))
def test_feedback_sound_choice(qtbot, sound: FeedbackSound) -> None:
    start = next(s for s in FeedbackSound if s is not sound)
    view = SettingsView(Settings(feedback_sound=start), list_devices=lambda: [])
    qtbot.addWidget(view)
    assert view.feedback_sound_combo.count() == len(FeedbackSound)
    with qtbot.waitSignal(view.settings_changed) as blocker:
        view.feedback_sound_combo.setCurrentIndex(view.feedback_sound_combo.findData(sound.value))
    assert blocker.args[0].feedback_sound is sound
    assert blocker.args[0].model_copy(update={"feedback_sound": start}) == Settings(
        feedback_sound=start
    )


def test_feedback_sound_choices_say_what_is_heard(view: SettingsView) -> None:
    combo = view.feedback_sound_combo
    names = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert names == {
        FeedbackSound.TONE.value: "Tone",
        FeedbackSound.CHIME.value: "Chime",
        FeedbackSound.OFF.value: "No sound",
    }
    assert combo.accessibleName() == "Feedback sound"
    helps = {}
    for sound in FeedbackSound:
        combo.setCurrentIndex(combo.findData(sound.value))
        assert view.feedback_sound_help.text() == combo.accessibleDescription()
        assert combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole) == (
            view.feedback_sound_help.text()
        )
        helps[sound] = view.feedback_sound_help.text()
    assert "rises with your squeeze" in helps[FeedbackSound.TONE]
    assert "enter and leave the target band" in helps[FeedbackSound.CHIME]
    assert len(set(helps.values())) == len(FeedbackSound)


def test_set_up_sensor_asks_for_the_sensor_dialog(view: SettingsView, qtbot) -> None:
    with qtbot.waitExposed(view):
        view.show()
    with qtbot.assertNotEmitted(view.settings_changed), qtbot.waitSignal(view.sensor_requested):
        qtbot.mouseClick(view.sensor_button, Qt.MouseButton.LeftButton)
    assert view.settings.sensor == SENSOR


def test_no_sensor_clears_the_sensor(view: SettingsView, qtbot) -> None:
    assert view.sensor_label.text() == SENSOR
    assert SENSOR in view.sensor_label.accessibleName()
    with qtbot.waitExposed(view):
        view.show()
    with qtbot.waitSignal(view.settings_changed) as blocker:
        qtbot.mouseClick(view.no_sensor_button, Qt.MouseButton.LeftButton)
    new = blocker.args[0]
    assert new.sensor is None
    assert new == Settings()  # only the sensor changed
    assert view.settings.sensor is None
    assert view.sensor_label.text() == "No sensor"
    assert view.sensor_label.accessibleName() == "Sensor: No sensor"
    assert not view.no_sensor_button.isEnabled()  # nothing left to clear


def test_without_a_sensor_the_page_says_so(qtbot) -> None:
    view = SettingsView(Settings(), list_devices=lambda: [])
    qtbot.addWidget(view)
    assert view.sensor_label.text() == "No sensor"
    assert not view.no_sensor_button.isEnabled()
    assert view.sensor_button.isEnabled()


def test_set_settings_shows_a_sensor_chosen_elsewhere(qtbot) -> None:
    """The sensor dialog or the biofeedback panel changed the settings: the page follows."""
    view = SettingsView(Settings(), list_devices=lambda: [])
    qtbot.addWidget(view)
    chosen = Settings(sensor=SENSOR, feedback_sound=FeedbackSound.CHIME, show_traces=False)
    with qtbot.assertNotEmitted(view.settings_changed):
        view.set_settings(chosen)
    assert view.sensor_label.text() == SENSOR
    assert view.no_sensor_button.isEnabled()
    assert view.feedback_sound_combo.currentData() == FeedbackSound.CHIME.value
    assert not view.traces_check.isChecked()
    # The page's next change keeps what was chosen elsewhere.
    with qtbot.waitSignal(view.settings_changed) as blocker:
        view.mute_check.toggle()
    assert blocker.args[0] == chosen.model_copy(update={"muted": True})

    with qtbot.assertNotEmitted(view.settings_changed):
        view.set_settings(Settings())
    assert view.sensor_label.text() == "No sensor"
    assert not view.no_sensor_button.isEnabled()


def test_restore_defaults_clears_the_sensor(view: SettingsView, qtbot) -> None:
    with qtbot.waitSignal(view.settings_changed) as blocker:
        view.restore_defaults()
    assert blocker.args[0].sensor is None
    assert view.sensor_label.text() == "No sensor"


def test_a_long_sensor_spec_is_elided_not_widening_the_page(qapp: QApplication, qtbot) -> None:
    spec = "replay:/home/someone/Documents/Glute Coach/recordings/" + "x" * 200 + ".csv"
    apply_theme(qapp, Theme.LIGHT, 1.0)
    view = SettingsView(Settings(sensor=spec), list_devices=lambda: list(DEVICES))
    qtbot.addWidget(view)
    view.resize(1280, 720)
    with qtbot.waitExposed(view):
        view.show()
    assert view._two_columns
    assert view.sensor_label.text() == spec  # all of it, for the accessible name and tooltip
    assert spec in view.sensor_label.accessibleName()
    assert view.sensor_label.toolTip() == spec
    viewport = view._scroll.viewport().width()
    for card in view._cards:
        assert card.geometry().right() <= viewport, card


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_biofeedback_buttons_are_touch_sized(qapp: QApplication, qtbot, scale: float) -> None:
    apply_theme(qapp, Theme.LIGHT, scale)
    try:
        view = SettingsView(Settings(sensor=SENSOR), list_devices=lambda: list(DEVICES))
        qtbot.addWidget(view)
        view.resize(1280, 720)
        with qtbot.waitExposed(view):
            view.show()
        for button in (view.sensor_button, view.no_sensor_button):
            assert button.height() >= 48, button.text()
            assert button.width() >= 48, button.text()
            assert button.width() >= button.sizeHint().width(), button.text()  # not cut off
        for check in (view.colors_check, view.traces_check, view.record_check):
            assert check.width() >= check.sizeHint().width(), check.text()
    finally:
        apply_theme(qapp, Theme.LIGHT, 1.0)


def test_tab_reaches_every_control(view: SettingsView, qtbot) -> None:
    _show_active(view, qtbot)
    view.back_button.setFocus()
    seen: list[QWidget] = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        if widget in seen:
            break
        seen.append(widget)
        view.focusNextChild()
    missing = [c.accessibleName() for c in _controls(view) if c not in seen]
    assert missing == []


def test_keyboard_changes_a_slider(view: SettingsView, qtbot) -> None:
    _show_active(view, qtbot)
    slider = view._volume_sliders["music_volume"]
    slider.setFocus()
    with qtbot.waitSignal(view.settings_changed) as blocker:
        qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert blocker.args[0].music_volume == pytest.approx(Settings().music_volume + 0.05)


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_layout_fits_1280_by_720(qapp: QApplication, qtbot, scale: float, language: str) -> None:
    """Nothing is cut off sideways, in English or German; large text falls back to one column."""
    install_translator(qapp, language)
    apply_theme(qapp, Theme.LIGHT, scale)
    try:
        view = SettingsView(Settings(sensor=SENSOR), list_devices=lambda: list(DEVICES))
        qtbot.addWidget(view)
        view.resize(1280, 720)
        with qtbot.waitExposed(view):
            view.show()
        assert view._two_columns is (scale == 1.0)
        viewport = view._scroll.viewport().width()
        for card in view._cards:
            assert card.geometry().right() <= viewport, card
            assert card.width() >= card.minimumSizeHint().width(), card  # nothing squeezed
    finally:
        uninstall_translators(qapp)
        apply_theme(qapp, Theme.LIGHT, 1.0)


def test_backup_and_restore_from_the_settings_page(
    view: SettingsView, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from glute_coach.storage.settings import save_settings

    save_settings(Settings(font_scale=1.25))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: told.append("! " + a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    archive = tmp_path / "backup.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(archive), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(archive), ""))
    assert view.back_up() == archive
    assert archive.is_file()
    save_settings(Settings(font_scale=2.0))
    assert view.restore_backup()
    assert "restart" in told[-1]
    from glute_coach.storage.settings import load_settings

    assert load_settings().settings.font_scale == pytest.approx(1.25)


def test_a_bad_backup_changes_nothing(
    view: SettingsView, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: told.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    bogus = tmp_path / "not-a-backup.zip"
    bogus.write_text("hello")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bogus), ""))
    assert not view.restore_backup()
    assert told[0].startswith("Nothing was changed")
