"""The kiosk PIN pad and dialog: touch and keyboard entry, masking, locks, the two flows."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton

from glute_coach.core.clock import ManualClock
from glute_coach.storage.kiosk_pin import PIN_FILE, PinStore
from glute_coach.ui.kiosk.pin_pad import DOT, PinDialog, PinPad

PIN = "2468"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(start=500.0)


@pytest.fixture
def pad(qtbot, clock: ManualClock) -> PinPad:
    widget = PinPad(clock=clock)
    qtbot.addWidget(widget)
    widget.resize(600, 700)
    widget.show()
    return widget


@pytest.fixture
def store(tmp_path: Path, clock: ManualClock) -> PinStore:
    made = PinStore(tmp_path / PIN_FILE, clock=clock.now, wall_clock=lambda: 1e9 + clock.now())
    made.set_pin(PIN)
    return made


def _type(qtbot, widget, text: str) -> None:
    for ch in text:
        qtbot.keyClick(widget, ch)


def _entered(pad: PinPad) -> list[str]:
    got: list[str] = []
    pad.entered.connect(got.append)
    return got


# --- the pad ---------------------------------------------------------------------------------


def test_layout_is_big_touch_keys_in_a_3x4_grid(pad: PinPad) -> None:
    keys = [*pad.digit_buttons.values(), pad.clear_button, pad.ok_button]
    assert len(keys) == 12
    for key in keys:
        assert key.height() >= 64
        assert key.width() >= 64
        assert key.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert pad.cancel_button.height() >= 48
    rows = {key.text(): (key.y(), key.x()) for key in keys}
    assert rows["1"][0] == rows["3"][0] < rows["4"][0] < rows["7"][0] < rows["0"][0]
    assert rows["Clear"][1] < rows["0"][1] < rows["OK"][1]
    assert rows["Clear"][0] == rows["0"][0] == rows["OK"][0]


def test_accessible_names(pad: PinPad) -> None:
    for n in range(10):
        assert pad.digit_buttons[str(n)].accessibleName() == f"PIN digit {n}"
    assert pad.clear_button.accessibleName()
    assert pad.ok_button.accessibleName()
    assert pad.cancel_button.accessibleName() == "Cancel"


def test_typing_is_masked_and_entered_on_enter(qtbot, pad: PinPad) -> None:
    got = _entered(pad)
    _type(qtbot, pad, "5397")
    assert pad.text_length == 4
    assert pad.dots_label.text().count(DOT) == 4
    for digit in "5397":
        assert digit not in pad.dots_label.text()
        assert digit not in pad.dots_label.accessibleName()
    qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert got == ["5397"]
    assert pad.text_length == 0  # forgotten once handed on
    assert DOT not in pad.dots_label.text()


def test_touch_keys_and_ok(qtbot, pad: PinPad) -> None:
    got = _entered(pad)
    for digit in "5050":
        qtbot.mouseClick(pad.digit_buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    assert got == ["5050"]


def test_keypad_enter_works(qtbot, pad: PinPad) -> None:
    got = _entered(pad)
    qtbot.keyClick(pad, Qt.Key.Key_7, Qt.KeyboardModifier.KeypadModifier)
    qtbot.keyClick(pad, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert got == ["7"]


def test_ok_with_nothing_typed_does_nothing(qtbot, pad: PinPad) -> None:
    got = _entered(pad)
    qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(pad, Qt.Key.Key_Enter)
    assert got == []


def test_at_most_twelve_digits(qtbot, pad: PinPad) -> None:
    got = _entered(pad)
    _type(qtbot, pad, "1234567890123456")
    assert pad.text_length == 12
    pad.press_ok()
    assert got == ["123456789012"]


def test_clear_and_backspace(qtbot, pad: PinPad) -> None:
    got = _entered(pad)
    _type(qtbot, pad, "1234")
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    assert pad.text_length == 3
    qtbot.mouseClick(pad.clear_button, Qt.MouseButton.LeftButton)
    assert pad.text_length == 0
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)  # on empty: nothing
    _type(qtbot, pad, "98")
    qtbot.keyClick(pad, Qt.Key.Key_Delete)
    assert pad.text_length == 0
    _type(qtbot, pad, "56")
    pad.press_ok()
    assert got == ["56"]


def test_esc_and_cancel_button_cancel(qtbot, pad: PinPad) -> None:
    _type(qtbot, pad, "12")
    with qtbot.waitSignal(pad.cancelled, timeout=0):
        qtbot.keyClick(pad, Qt.Key.Key_Escape)
    assert pad.text_length == 0
    with qtbot.waitSignal(pad.cancelled, timeout=0):
        qtbot.mouseClick(pad.cancel_button, Qt.MouseButton.LeftButton)


def test_a_second_ok_within_300_ms_is_ignored(qtbot, pad: PinPad, clock: ManualClock) -> None:
    got = _entered(pad)
    _type(qtbot, pad, "1111")
    qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    _type(qtbot, pad, "2222")
    clock.advance(0.29)
    qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert got == ["1111"]
    assert pad.text_length == 4  # kept, so the OK can be pressed again
    clock.advance(0.02)
    qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert got == ["1111", "2222"]


def test_lock_counts_down_on_the_clock_and_re_enables(
    qtbot, pad: PinPad, clock: ManualClock
) -> None:
    got = _entered(pad)
    _type(qtbot, pad, "12")
    pad.lock(5.0)
    assert pad.is_locked
    assert pad.text_length == 0
    assert pad.lock_timer.isActive()
    assert 200 <= pad.lock_timer.interval() <= 300
    assert "Try again in 5 s" in pad.message_label.text()
    assert not pad.digit_buttons["1"].isEnabled()
    assert not pad.ok_button.isEnabled()
    assert pad.cancel_button.isEnabled()
    _type(qtbot, pad, "99")  # refused while locked
    qtbot.mouseClick(pad.digit_buttons["9"], Qt.MouseButton.LeftButton)
    pad.press_digit("9")
    assert pad.text_length == 0

    clock.advance(0.4)
    pad.update_lock()  # what the timer's timeout does; ticks are never counted
    assert "Try again in 5 s" in pad.message_label.text()
    clock.advance(1.0)
    pad.lock_timer.timeout.emit()
    assert "Try again in 4 s" in pad.message_label.text()
    clock.advance(3.5)  # long gaps between ticks (a busy GUI) only skip numbers
    qtbot.waitUntil(lambda: "Try again in 1 s" in pad.message_label.text(), timeout=2000)
    clock.advance(0.1)
    qtbot.waitUntil(lambda: not pad.is_locked, timeout=2000)
    assert not pad.lock_timer.isActive()
    assert pad.message_label.text() == ""
    assert pad.digit_buttons["1"].isEnabled()
    assert pad.ok_button.isEnabled()
    _type(qtbot, pad, "42")
    pad.press_ok()
    assert got == ["42"]


def test_lock_pauses_while_hidden_and_resumes(pad: PinPad, clock: ManualClock) -> None:
    pad.lock(10.0)
    pad.hide()
    assert not pad.lock_timer.isActive()
    clock.advance(3.0)
    pad.show()
    assert pad.lock_timer.isActive()
    assert "Try again in 7 s" in pad.message_label.text()
    clock.advance(7.0)
    pad.update_lock()
    assert not pad.is_locked
    assert not pad.lock_timer.isActive()


def test_lock_of_zero_unlocks_at_once(pad: PinPad) -> None:
    pad.lock(0)
    assert not pad.is_locked
    assert not pad.lock_timer.isActive()


def test_messages_and_title(pad: PinPad) -> None:
    pad.set_title("Staff PIN")
    assert pad.title_label.text() == "Staff PIN"
    pad.show_message("That PIN is not right", error=True)
    assert pad.message_label.text() == "That PIN is not right"
    pad.show_message("")
    assert pad.message_label.text() == ""


def test_key_mashing_never_raises(qtbot, pad: PinPad, clock: ManualClock) -> None:
    rng = random.Random(7)
    keys = [
        *(getattr(Qt.Key, f"Key_{n}") for n in range(10)),
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Delete,
        Qt.Key.Key_Escape,
        Qt.Key.Key_Space,
        Qt.Key.Key_Tab,
        Qt.Key.Key_A,
        Qt.Key.Key_F4,
        Qt.Key.Key_Minus,
        Qt.Key.Key_Up,
    ]
    modifiers = [
        Qt.KeyboardModifier.NoModifier,
        Qt.KeyboardModifier.ShiftModifier,
        Qt.KeyboardModifier.KeypadModifier,
    ]
    entered = _entered(pad)
    buttons: list[QPushButton] = [
        *pad.digit_buttons.values(),
        pad.clear_button,
        pad.ok_button,
    ]
    for i in range(600):
        if i % 3:
            qtbot.keyClick(pad, rng.choice(keys), rng.choice(modifiers))
        else:
            qtbot.mouseClick(rng.choice(buttons), Qt.MouseButton.LeftButton)
        clock.advance(rng.choice([0.0, 0.05, 0.5]))
        if i == 300:
            pad.lock(2.0)
        assert 0 <= pad.text_length <= 12
    pad.update_lock()
    assert not pad.is_locked
    assert all(p.isdigit() and 1 <= len(p) <= 12 for p in entered)


# --- the dialog ------------------------------------------------------------------------------


@pytest.fixture
def make_dialog(qtbot, clock: ManualClock):
    made: list[PinDialog] = []

    def make(store: PinStore, mode: PinDialog.Mode) -> PinDialog:
        dialog = PinDialog(store, mode, clock=clock)
        qtbot.addWidget(dialog)
        dialog.resize(1280, 720)
        dialog.show()
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:
        dialog.close()


def test_verify_accepts_the_right_pin(qtbot, store: PinStore, make_dialog) -> None:
    dialog = make_dialog(store, PinDialog.Mode.VERIFY)
    with qtbot.waitSignal(dialog.accepted, timeout=0):
        _type(qtbot, dialog.pad, PIN)
        qtbot.keyClick(dialog.pad, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_verify_wrong_pin_then_locks_and_counts_down(
    qtbot, store: PinStore, make_dialog, clock: ManualClock
) -> None:
    dialog = make_dialog(store, PinDialog.Mode.VERIFY)
    pad = dialog.pad
    for attempt in range(3):
        _type(qtbot, pad, "0000")
        qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
        assert pad.message_label.text() == "That PIN is not right"
        assert not pad.is_locked
        clock.advance(1.0)
        assert dialog.isVisible(), attempt
    _type(qtbot, pad, "0000")
    pad.press_ok()
    assert pad.is_locked
    assert "not right" in pad.message_label.text()
    assert "Try again in 5 s" in pad.message_label.text()
    _type(qtbot, pad, PIN)  # ignored while locked
    pad.press_ok()
    assert dialog.result() != QDialog.DialogCode.Accepted
    clock.advance(5.0)
    pad.lock_timer.timeout.emit()
    assert not pad.is_locked
    _type(qtbot, pad, PIN)
    with qtbot.waitSignal(dialog.accepted, timeout=0):
        pad.press_ok()


def test_verify_opens_locked_when_the_store_is_locked(
    store: PinStore, make_dialog, clock: ManualClock
) -> None:
    for _ in range(4):
        store.verify("0000")
    dialog = make_dialog(store, PinDialog.Mode.VERIFY)
    assert dialog.pad.is_locked
    assert "Try again in 5 s" in dialog.pad.message_label.text()
    dialog.reject()
    assert not dialog.pad.lock_timer.isActive()


def test_verify_esc_rejects(qtbot, store: PinStore, make_dialog) -> None:
    dialog = make_dialog(store, PinDialog.Mode.VERIFY)
    _type(qtbot, dialog.pad, "12")
    with qtbot.waitSignal(dialog.rejected, timeout=0):
        qtbot.keyClick(dialog.pad, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_verify_with_a_damaged_file_says_so(tmp_path: Path, make_dialog) -> None:
    path = tmp_path / PIN_FILE
    path.write_text("{broken", encoding="utf-8")
    dialog = make_dialog(PinStore(path), PinDialog.Mode.VERIFY)
    assert "the staff PIN file is damaged" in dialog.pad.message_label.text()
    _type_ok(dialog.pad, "1234")
    assert "damaged" in dialog.pad.message_label.text()
    assert dialog.result() != QDialog.DialogCode.Accepted


def _type_ok(pad: PinPad, pin: str) -> None:
    for digit in pin:
        pad.press_digit(digit)
    pad.press_ok()


def test_set_new_first_run(qtbot, tmp_path: Path, make_dialog, clock: ManualClock) -> None:
    store = PinStore(tmp_path / PIN_FILE)
    dialog = make_dialog(store, PinDialog.Mode.NEW)
    assert dialog.pad.title_label.text().startswith("First run: choose a staff PIN (4–12 digits)")
    _type(qtbot, dialog.pad, "97531")
    qtbot.keyClick(dialog.pad, Qt.Key.Key_Return)
    assert "again" in dialog.pad.title_label.text()
    assert not store.is_set()
    clock.advance(1.0)
    _type(qtbot, dialog.pad, "97531")
    with qtbot.waitSignal(dialog.accepted, timeout=0):
        qtbot.keyClick(dialog.pad, Qt.Key.Key_Return)
    assert store.verify("97531").ok
    assert PinStore(store.path).verify("97531").ok


def test_set_new_mismatch_starts_over(tmp_path: Path, make_dialog, clock: ManualClock) -> None:
    store = PinStore(tmp_path / PIN_FILE)
    dialog = make_dialog(store, PinDialog.Mode.NEW)
    _type_ok(dialog.pad, "1111")
    clock.advance(1.0)
    _type_ok(dialog.pad, "2222")
    assert "not the same" in dialog.pad.message_label.text()
    assert dialog.pad.title_label.text().startswith("First run")
    assert not store.is_set()
    clock.advance(1.0)
    _type_ok(dialog.pad, "2222")  # a fresh first entry, not a confirmation
    assert "again" in dialog.pad.title_label.text()
    clock.advance(1.0)
    _type_ok(dialog.pad, "2222")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert store.verify("2222").ok


def test_set_new_explains_a_too_short_pin(tmp_path: Path, make_dialog) -> None:
    store = PinStore(tmp_path / PIN_FILE)
    dialog = make_dialog(store, PinDialog.Mode.NEW)
    _type_ok(dialog.pad, "12")
    assert "4 to 12 digits" in dialog.pad.message_label.text()
    assert dialog.pad.title_label.text().startswith("First run")


def test_set_new_on_a_set_store_is_a_change(store: PinStore, make_dialog) -> None:
    dialog = make_dialog(store, PinDialog.Mode.NEW)
    assert dialog.pad.title_label.text().startswith("Choose a new staff PIN")


def test_set_new_reports_a_failed_save(
    tmp_path: Path, make_dialog, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = PinStore(tmp_path / PIN_FILE)

    def refuse(_pin: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store, "set_pin", refuse)
    dialog = make_dialog(store, PinDialog.Mode.NEW)
    _type_ok(dialog.pad, "4321")
    clock.advance(1.0)
    _type_ok(dialog.pad, "4321")
    assert "could not be saved" in dialog.pad.message_label.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
