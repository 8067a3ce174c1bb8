"""The sensor setup dialog with real sources: sim, a CSV file, failures; profiles on disk.

No sleeps: every wait is qtbot.waitUntil / waitSignal on the dialog's own state.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QComboBox, QPushButton
from pytestqt.qtbot import QtBot

from glute_coach.core.routine import Side
from glute_coach.sensors.discovery import ScanOutcome
from glute_coach.sensors.profile import (
    ChannelRole,
    SensorProfile,
    find_profile,
    load_profiles,
    profile_path,
    save_profile,
)
from glute_coach.sensors.source import ConnectionState
from glute_coach.ui.sensor_setup import SensorSetupDialog

WAIT_MS = 10_000


@pytest.fixture
def profiles_dir(tmp_path: Path) -> Path:
    return tmp_path / "sensor-profiles"


@pytest.fixture
def dialog(qtbot: QtBot, profiles_dir: Path) -> Iterator[SensorSetupDialog]:
    dlg = SensorSetupDialog(profiles_dir)
    qtbot.addWidget(dlg)
    dlg.resize(1280, 720)
    dlg.show()
    yield dlg
    dlg.close()


def connect(qtbot: QtBot, dlg: SensorSetupDialog, spec: str) -> None:
    dlg.set_spec_text(spec)
    dlg.connect_button.click()
    qtbot.waitUntil(lambda: dlg.state_key == "connected", timeout=WAIT_MS)


def wait_for_trace(qtbot: QtBot, dlg: SensorSetupDialog) -> None:
    qtbot.waitUntil(lambda: dlg.live_view is not None and dlg.live_view.frames > 2, timeout=WAIT_MS)


def write_csv(path: Path, seconds: float = 3.0, fs: float = 1000.0) -> Path:
    t = np.arange(round(seconds * fs)) / fs
    rng = np.random.default_rng(1)
    left = 0.05 * rng.standard_normal(t.size)
    right = 0.04 * rng.standard_normal(t.size)
    lines = ["time,glute_med_L (mV),glute_med_R (mV)"]
    lines += [f"{a:.4f},{b:.6f},{c:.6f}" for a, b, c in zip(t, left, right, strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_sim_connects_shows_a_trace_maps_and_saves(
    qtbot: QtBot, dialog: SensorSetupDialog, profiles_dir: Path
) -> None:
    connect(qtbot, dialog, "sim")
    wait_for_trace(qtbot, dialog)
    assert dialog.state_label.text().startswith("Connected: 2 channels at 1000 Hz")
    qtbot.waitUntil(lambda: dialog.channel_table.rowCount() == 2, timeout=WAIT_MS)
    assert dialog.channel_roles() == [
        ChannelRole(channel="left", muscle="gluteus_maximus", side=Side.LEFT),
        ChannelRole(channel="right", muscle="gluteus_maximus", side=Side.RIGHT),
    ]
    assert len(dialog.live_view.plots) == 2  # type: ignore[union-attr]
    x, _y = dialog.live_view.raw_curves[0].getData()  # type: ignore[union-attr]
    assert x is not None
    assert len(x) > 10

    # map: the right channel sits on gluteus medius; the left one is not used
    use_left, _muscle, _side = dialog._role_widgets[0]
    use_left.setChecked(False)
    _use, muscle_right, side_right = dialog._role_widgets[1]
    muscle_right.setCurrentIndex(muscle_right.findData("gluteus_medius"))
    side_right.setCurrentIndex(side_right.findData("both"))
    dialog.name_edit.setText("My glutes")
    expected = SensorProfile(
        name="My glutes",
        spec="sim",
        channels=[
            ChannelRole(channel="left", muscle="gluteus_maximus", side=Side.LEFT, use=False),
            ChannelRole(channel="right", muscle="gluteus_medius", side=Side.BOTH),
        ],
    )
    assert dialog.profile() == expected
    with qtbot.waitSignal(dialog.profile_saved, timeout=WAIT_MS) as saved:
        dialog.save_button.click()
    assert saved.args == [expected]
    assert find_profile(profiles_dir, "my glutes") == expected
    assert [p.name for p in dialog.saved_profiles()] == ["My glutes"]
    assert "Saved" in dialog.profile_status.text()

    # a new dialog loads it again
    other = SensorSetupDialog(profiles_dir)
    qtbot.addWidget(other)
    assert other.saved_combo.currentText() == "My glutes"
    other.load_button.click()
    assert other.name_edit.text() == "My glutes"
    assert other.spec_text() == "sim"
    assert other.channel_roles() == expected.channels
    assert other.profile() == expected
    other.close()


def test_closing_stops_everything(qtbot: QtBot, profiles_dir: Path) -> None:
    dlg = SensorSetupDialog(profiles_dir)
    qtbot.addWidget(dlg)
    dlg.show()
    connect(qtbot, dlg, "sim:channels=3")
    wait_for_trace(qtbot, dlg)
    session, live = dlg.session, dlg.live_view
    assert session is not None
    assert live is not None
    assert live.running
    assert dlg._poll_timer.isActive()
    dlg.close()
    assert not dlg.isVisible()
    assert dlg.session is None
    assert dlg.live_view is None
    assert not live.running
    assert not dlg._poll_timer.isActive()
    assert session.state is ConnectionState.STOPPED
    assert not session.source.running  # type: ignore[attr-defined]


def test_reject_stops_too(qtbot: QtBot, profiles_dir: Path) -> None:
    dlg = SensorSetupDialog(profiles_dir)
    qtbot.addWidget(dlg)
    dlg.show()
    connect(qtbot, dlg, "sim")
    session = dlg.session
    assert session is not None
    dlg.reject()
    assert session.state is ConnectionState.STOPPED
    assert dlg.result() == 0


def test_closing_while_connecting_stops_the_late_source(qtbot: QtBot, profiles_dir: Path) -> None:
    dlg = SensorSetupDialog(profiles_dir)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.set_spec_text("sim")
    dlg.connect_source()
    dlg.close()  # the worker is still opening the source
    qtbot.waitUntil(lambda: not dlg._stopping and dlg._pool.activeThreadCount() == 0)
    assert dlg.session is None
    assert dlg.live_view is None


def test_file_source(qtbot: QtBot, dialog: SensorSetupDialog, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "rec.csv")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("file"))
    dialog.file_path.setText(str(path))
    dialog.file_path.textEdited.emit(str(path))  # as if typed
    assert dialog.spec_text() == f"file:{path}"
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: dialog.state_key == "connected", timeout=WAIT_MS)
    wait_for_trace(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.channel_table.rowCount() == 2, timeout=WAIT_MS)
    roles = dialog.channel_roles()
    assert [r.channel for r in roles] == ["glute_med_L", "glute_med_R"]
    assert [(r.muscle, r.side) for r in roles] == [
        ("gluteus_medius", Side.LEFT),
        ("gluteus_medius", Side.RIGHT),
    ]
    assert "1000 Hz" in dialog.state_label.text()
    dialog.disconnect_button.click()
    assert dialog.state_key == "idle"
    assert dialog.session is None
    assert dialog.channel_table.rowCount() == 2  # the mapping stays for saving


def test_file_played_to_the_end(qtbot: QtBot, dialog: SensorSetupDialog, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "short.csv", seconds=0.5)
    connect(qtbot, dialog, f"file:{path},speed=5")
    qtbot.waitUntil(lambda: dialog.state_key == "finished", timeout=WAIT_MS)
    assert "played" in dialog.state_label.text()


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("nosuchkind:1", "unknown sensor kind"),
        ("lsl:", "needs a stream name"),
        ("sim:channels=zero", "is not a number"),
    ],
)
def test_bad_spec_shows_a_message_and_the_dialog_stays_usable(
    qtbot: QtBot, dialog: SensorSetupDialog, spec: str, words: str
) -> None:
    dialog.spec_edit.setText(spec)
    dialog.spec_edit.textEdited.emit(spec)
    assert "Not complete yet" in dialog.spec_hint.text()
    dialog.connect_button.click()
    assert dialog.state_key == "failed"
    assert dialog.state_label.text() == "Failed"
    assert words in dialog.problem
    assert dialog.problem_label.isVisible()
    assert dialog.session is None
    connect(qtbot, dialog, "sim")  # still works
    assert dialog.problem == ""


def test_nonexistent_file(qtbot: QtBot, dialog: SensorSetupDialog, tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    dialog.set_spec_text(f"file:{missing}")
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: dialog.state_key == "failed", timeout=WAIT_MS)
    assert "no such recording" in dialog.problem
    assert str(missing) in dialog.problem_label.text()
    assert dialog.session is None
    assert dialog.live_view is None
    assert dialog.connect_button.isEnabled()


def test_garbage_file(qtbot: QtBot, dialog: SensorSetupDialog, tmp_path: Path) -> None:
    path = tmp_path / "garbage.csv"
    path.write_bytes(b"left,right\n\x00\xff,zz\nnot,numbers\n")
    dialog.set_spec_text(f"file:{path}")
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: dialog.state_key == "failed", timeout=WAIT_MS)
    assert dialog.problem.startswith("Cannot open the source:")
    connect(qtbot, dialog, "sim")


def test_nonexistent_serial_port(qtbot: QtBot, dialog: SensorSetupDialog) -> None:
    dialog.set_spec_text("serial:/dev/ttyGLUTE-NOPE,baud=9600")
    assert dialog.serial_port.text() == "/dev/ttyGLUTE-NOPE"
    assert dialog.serial_baud.currentText() == "9600"
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: dialog.state_key == "failed", timeout=WAIT_MS)
    assert dialog.problem.startswith("Cannot connect")
    assert "still trying" in dialog.state_label.text()
    assert "/dev/ttyGLUTE-NOPE" in dialog.problem
    assert dialog.disconnect_button.isEnabled()
    dialog.disconnect_button.click()
    assert dialog.state_key == "idle"
    connect(qtbot, dialog, "sim:channels=1")
    qtbot.waitUntil(lambda: dialog.channel_table.rowCount() == 1, timeout=WAIT_MS)


def test_unknown_brainflow_board_fails_in_words(qtbot: QtBot, dialog: SensorSetupDialog) -> None:
    dialog.set_spec_text("brainflow:no_such_board")
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: dialog.state_key == "failed", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "unknown BrainFlow board" in dialog.problem, timeout=WAIT_MS)
    assert len(dialog.problem_label.text()) <= 240  # long lists are cut; the tooltip has it all
    assert dialog.problem_label.toolTip() == dialog.problem


def test_fields_and_spec_follow_each_other(dialog: SensorSetupDialog) -> None:
    combo = dialog.kind_combo
    combo.setCurrentIndex(combo.findData("serial"))
    dialog.serial_port.setText("/dev/ttyUSB0")
    dialog.serial_port.textEdited.emit("/dev/ttyUSB0")
    dialog.serial_format.setCurrentIndex(dialog.serial_format.findData("frame"))
    assert dialog.spec_text() == "serial:/dev/ttyUSB0,baud=115200,format=frame"

    combo.setCurrentIndex(combo.findData("sim"))
    dialog.sim_channels.setValue(4)
    dialog.sim_kind.setCurrentIndex(dialog.sim_kind.findData("pressure"))
    assert dialog.spec_text() == "sim:channels=4,kind=pressure"

    # typing a spec fills the fields, and options without a field survive field edits
    typed = "sim:seed=3,channels=2,fs=500"
    dialog.spec_edit.setText(typed)
    dialog.spec_edit.textEdited.emit(typed)
    assert dialog.sim_channels.value() == 2
    assert dialog.sim_kind.currentData() == "emg"
    dialog.sim_channels.setValue(3)
    assert dialog.spec_text() == "sim:channels=3,seed=3,fs=500"

    typed = "lsl:type=EMG"
    dialog.spec_edit.setText(typed)
    dialog.spec_edit.textEdited.emit(typed)
    assert combo.currentData() == "lsl"
    assert dialog.pages.currentIndex() == combo.currentIndex()
    assert dialog.lsl_name.text() == ""
    assert dialog.lsl_type.text() == "EMG"

    dialog.set_spec_text("ble:AA:BB:CC:DD:EE:FF,profile=generic")
    assert combo.currentData() == "ble"
    assert dialog.ble_address.text() == "AA:BB:CC:DD:EE:FF"
    assert dialog.ble_profile.currentText() == "generic"

    dialog.set_spec_text("brainflow:ganglion,serial_port=/dev/ttyACM0")
    assert dialog.bf_board.text() == "ganglion"
    assert dialog.bf_options.text() == "serial_port=/dev/ttyACM0"


def test_ble_scan_says_there_is_no_adapter(qtbot: QtBot, dialog: SensorSetupDialog) -> None:
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("ble"))
    button, found, status = dialog._scan_widgets["ble"]
    with qtbot.waitSignal(dialog.scan_finished, timeout=WAIT_MS) as result:
        button.click()
        assert status.text() == "Scanning…"
        assert dialog.is_scanning("ble")
    outcome = result.args[0]
    assert isinstance(outcome, ScanOutcome)
    assert outcome.failed
    assert status.text().startswith("No Bluetooth adapter found")
    assert button.isEnabled()
    assert not found.isEnabled()
    assert dialog.state_key == "idle"  # a failed scan is not a failed connection


def test_lsl_scan_in_the_dialog_finds_an_outlet(qtbot: QtBot, dialog: SensorSetupDialog) -> None:
    pylsl = pytest.importorskip("pylsl")
    info = pylsl.StreamInfo("glute-dialog-test", "EMG", 1, 250.0, "float32", "glute-dialog")
    outlet = pylsl.StreamOutlet(info)
    try:
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("lsl"))
        with qtbot.waitSignal(dialog.scan_finished, timeout=WAIT_MS):
            dialog.scan("lsl")
        found = dialog._scan_widgets["lsl"][1]
        specs = [c.spec for c in dialog.found_candidates("lsl")]
        assert "lsl:glute-dialog-test,type=EMG" in specs
        index = specs.index("lsl:glute-dialog-test,type=EMG")
        found.activated.emit(index)  # the user picks it
        assert dialog.spec_text() == "lsl:glute-dialog-test,type=EMG"
        assert dialog.lsl_name.text() == "glute-dialog-test"
    finally:
        del outlet


def test_brainflow_board_list(qtbot: QtBot, dialog: SensorSetupDialog) -> None:
    with qtbot.waitSignal(dialog.scan_finished, timeout=WAIT_MS):
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("brainflow"))
    candidates = dialog.found_candidates("brainflow")
    assert candidates[0].spec == "brainflow:synthetic"
    dialog._scan_widgets["brainflow"][1].activated.emit(0)
    assert dialog.spec_text() == "brainflow:synthetic"
    assert dialog.bf_board.text() == "synthetic"


def test_overwrite_asks_first(qtbot: QtBot, dialog: SensorSetupDialog, profiles_dir: Path) -> None:
    save_profile(SensorProfile(name="Gym", spec="sim:channels=1"), profiles_dir)
    dialog._reload_profiles()
    questions: list[str] = []
    answer = False

    def confirm(title: str, text: str) -> bool:
        questions.append(text)
        return answer

    dialog.confirm = confirm
    dialog.name_edit.setText("gym")
    dialog.set_spec_text("sim:channels=4")
    assert dialog.save() is None
    assert questions == ["A profile called “Gym” exists. Replace it?"]
    assert find_profile(profiles_dir, "gym") == SensorProfile(name="Gym", spec="sim:channels=1")
    assert dialog.profile_status.text() == "Not saved."
    answer = True
    with qtbot.waitSignal(dialog.profile_saved):
        assert dialog.save() is not None
    assert find_profile(profiles_dir, "gym") == SensorProfile(name="gym", spec="sim:channels=4")
    assert len(load_profiles(profiles_dir).profiles) == 1


def test_save_needs_a_name_and_a_valid_spec(dialog: SensorSetupDialog, profiles_dir: Path) -> None:
    assert dialog.profile() is None  # no name yet
    assert dialog.save() is None
    assert "name" in dialog.profile_status.text()
    dialog.name_edit.setText("x")
    dialog.set_spec_text("serial:")
    assert dialog.save() is None
    assert "not complete" in dialog.profile_status.text()
    assert not profiles_dir.exists()


def test_save_failure_is_reported(dialog: SensorSetupDialog, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("", encoding="utf-8")
    dialog.profiles_dir = blocker / "profiles"
    dialog.name_edit.setText("x")
    assert dialog.save() is None
    assert dialog.profile_status.text().startswith("Could not save")


def test_initial_profile_and_delete(qtbot: QtBot, profiles_dir: Path) -> None:
    profile = SensorProfile(
        name="Cuff",
        spec="sim:channels=2,kind=pressure",
        channels=[
            ChannelRole(channel="left pressure", muscle=None, side=Side.LEFT, use=False),
            ChannelRole(channel="right pressure", muscle="gluteus_medius", side=Side.RIGHT),
        ],
    )
    save_profile(profile, profiles_dir)
    (profiles_dir / "broken.json").write_text("{", encoding="utf-8")
    dlg = SensorSetupDialog(profiles_dir, initial=profile)
    qtbot.addWidget(dlg)
    assert "broken.json" in dlg.profile_status.text()  # reported, not raised
    assert dlg.profile() == profile  # before connecting: the profile's own channels
    assert dlg.sim_kind.currentData() == "pressure"
    dlg.show()
    connect(qtbot, dlg, dlg.spec_text())
    qtbot.waitUntil(lambda: dlg.session is not None and dlg.session.raw is not None)
    dlg.poll()
    assert dlg.channel_roles() == profile.channels  # kept across the connection

    dlg.confirm = lambda title, text: True
    dlg.saved_combo.setCurrentIndex(dlg.saved_combo.findText("Cuff"))
    dlg.delete_button.click()
    assert not profile_path(profiles_dir, "Cuff").exists()
    assert dlg.saved_combo.count() == 0
    assert not dlg.load_button.isEnabled()
    dlg.close()


def test_controls_have_accessible_names_and_touch_height(dialog: SensorSetupDialog) -> None:
    for kind in ("sim", "file", "lsl", "brainflow", "ble", "serial"):
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind))
        page = dialog.pages.currentWidget()
        assert page is not None
        for widget in page.findChildren(QComboBox) + page.findChildren(QPushButton):
            assert widget.accessibleName(), widget
    for button in dialog.findChildren(QPushButton):
        assert button.accessibleName(), button.text()
        if button.isVisible():
            assert button.height() >= 48, button.text()
