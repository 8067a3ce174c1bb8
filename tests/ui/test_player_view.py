"""The player, driven through the GUI with a ManualClock and silent audio: what each phase shows,
the keys, pause/resume with the 3-s get-ready, skip/back, captions, the flash, and the finish."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from glute_coach.core.clock import ManualClock
from glute_coach.core.engine import SessionState
from glute_coach.core.loading import LoadedRoutine
from glute_coach.storage.sessions import SessionSummary
from glute_coach.storage.settings import Settings, Theme
from glute_coach.ui.player_view import (
    FLASH_MS,
    MIN_TOUCH_PX,
    FlashOverlay,
    PlayerView,
    countdown_value,
    phase_colors,
)
from glute_coach.ui.session_controller import SessionController
from glute_coach.ui.theme import contrast_ratio, palette_for
from tests.ui.test_session_controller import STEP_NAMES, run_for, run_until, write_routine

Player = tuple[PlayerView, SessionController, ManualClock]


@pytest.fixture
def loaded(tmp_path: Path) -> LoadedRoutine:
    return write_routine(tmp_path)


def make_player(qtbot: QtBot, loaded: LoadedRoutine, settings: Settings | None = None) -> Player:
    settings = settings or Settings()
    clock = ManualClock(50.0)
    controller = SessionController(loaded, clock=clock, settings=settings, pain_before=3)
    view = PlayerView(controller, settings)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    return view, controller, clock


@pytest.fixture
def player(qtbot: QtBot, loaded: LoadedRoutine) -> Iterator[Player]:
    view, controller, clock = make_player(qtbot, loaded)
    yield view, controller, clock
    controller.close()


def shown(view: PlayerView) -> dict[str, Any]:
    """Everything a person reads on the player, as text."""
    return {
        "phase": view.phase_label.text(),
        "countdown": view.countdown.text(),
        "side": view.side_badge.text() if view.side_badge.isVisible() else None,
        "status": view.status_label.text() if view.status_label.isVisible() else None,
        "counters": view.counters_label.text() if view.counters_label.isVisible() else None,
        "title": view.title_label.text(),
        "instruction": view.instruction_label.text()
        if view.instruction_label.isVisible()
        else None,
        "next": view.next_label.full_text(),
        "time_left": view.time_left_label.text(),
        "captions": [label.full_text() for label in view.caption_labels],
        "image": None
        if not view.image.isVisible()
        else ("placeholder" if view.image.is_placeholder else view.image.path.name),  # type: ignore[union-attr]
        "play": view.play_button.text(),
    }


def key(view: PlayerView, which: Qt.Key) -> None:
    QTest.keyClick(view, which)


# --- the whole routine ----------------------------------------------------------------------


def test_a_whole_routine_through_the_player(qtbot: QtBot, player: Player) -> None:
    view, controller, clock = player
    s = shown(view)
    assert s["phase"] == "INFO"
    assert s["countdown"] == "6"
    assert s["status"] == "Press Start or Space to begin"
    assert s["play"] == "Start"
    assert s["time_left"] == "1:11 left"

    key(view, Qt.Key.Key_Space)
    assert controller.state is SessionState.RUNNING
    run_for(controller, clock, 1.0)
    s = shown(view)
    assert s["phase"] == "INFO"
    assert s["countdown"] == "5"
    assert s["status"] is None
    assert s["title"] == "Welcome"
    assert s["instruction"] == "•  Read this first.\n•  Then start."
    assert s["image"] is None  # an info card without a picture shows its text only
    assert s["side"] is None
    assert s["captions"] == ["“Welcome”", ""]
    assert s["next"] == "Next up: Side bridge (0:35)"
    assert s["play"] == "Pause"
    assert s["time_left"] == "1:10 left"

    run_until(controller, clock, 6.5)
    s = shown(view)
    assert s["phase"] == "GET READY"
    assert s["countdown"] == "5"  # 4.5 s left, rounded up
    assert s["side"] == "LEFT SIDE"
    assert s["counters"] == "2 holds"
    assert s["title"] == "Side bridge"
    assert s["instruction"] == "Lie on your side."
    assert s["image"] == "side-bridge-knees.svg"
    assert s["captions"] == ["“Side bridge, left side”", "“Welcome”"]
    assert s["next"] == "Next up: Hold 1 of 2 (0:05)"

    run_until(controller, clock, 12.0)
    s = shown(view)
    assert s["phase"] == "HOLD"
    assert s["countdown"] == "4"
    assert s["side"] == "LEFT SIDE"
    assert s["counters"] == "Hold 1 of 2"
    assert s["captions"][0] == "“Lift”"
    assert s["next"] == "Next up: Hold 2 of 2 (0:05)"  # the short rest between reps is passed over
    assert s["time_left"] == "0:59 left"
    assert view.progress_bar.value() == round(12 / 71 * 1000)

    run_until(controller, clock, 17.0)
    s = shown(view)
    assert s["phase"] == "REST"
    assert s["countdown"] == "2"
    assert s["counters"] == "Hold 1 of 2 done"
    assert s["title"] == "Side bridge"
    assert s["instruction"] == "Lift your hips."  # instructions take turns, 8 s each

    run_until(controller, clock, 24.5)
    s = shown(view)
    assert s["phase"] == "SWITCH SIDES"
    assert s["side"] == "RIGHT SIDE"
    assert s["countdown"] == "4"
    assert s["captions"][0] == "“Switch sides”"
    assert s["next"] == "Next up: Hold 1 of 2 (0:05)"

    run_until(controller, clock, 29.0)
    assert shown(view)["side"] == "RIGHT SIDE"
    assert shown(view)["phase"] == "HOLD"

    run_until(controller, clock, 42.0)
    s = shown(view)
    assert s["phase"] == "REST"
    assert s["title"] == "Rest"
    assert s["side"] is None
    assert s["counters"] is None
    assert s["countdown"] == "7"
    assert s["captions"][0] == "“Rest”"
    assert s["next"] == "Next up: Glute squeeze (0:22)"

    run_until(controller, clock, 55.0)
    s = shown(view)
    assert s["phase"] == "WORK"
    assert s["title"] == "Glute squeeze"
    assert s["counters"] == "Set 1 of 2"
    assert s["image"] == "placeholder"  # no picture for this exercise
    assert s["next"] == "Next up: Rest before set 2 (0:05)"

    run_until(controller, clock, 61.0)
    s = shown(view)
    assert s["phase"] == "REST"
    assert s["title"] == "Rest before set 2"
    assert s["next"] == "Next up: Glute squeeze, Set 2 of 2 (0:06)"

    run_until(controller, clock, 66.0)
    assert shown(view)["counters"] == "Set 2 of 2"
    assert shown(view)["next"] == "Next up: finish"

    with qtbot.waitSignal(controller.finished, timeout=1000) as blocker:
        run_for(controller, clock, 6.0)
    summary: SessionSummary = blocker.args[0]
    assert summary.completed
    assert summary.steps_done == STEP_NAMES
    assert summary.pain_before == 3
    s = shown(view)
    assert s["countdown"] == "0"
    assert s["status"] == "Finished"
    assert s["captions"][0] == "“Routine complete. Well done.”"
    assert not any(b.isEnabled() for b in view.buttons)


# --- keys -----------------------------------------------------------------------------------


def test_space_pauses_and_resumes_with_a_three_second_get_ready(player: Player) -> None:
    view, controller, clock = player
    key(view, Qt.Key.Key_Space)
    run_until(controller, clock, 13.0)  # 3 s into the first hold
    key(view, Qt.Key.Key_Space)
    assert controller.state is SessionState.PAUSED
    s = shown(view)
    assert s["status"] == "Paused — Space resumes"
    assert s["play"] == "Resume"
    assert s["phase"] == "HOLD"
    assert s["countdown"] == "3"
    run_for(controller, clock, 20.0)
    assert shown(view)["countdown"] == "3"

    key(view, Qt.Key.Key_Space)
    s = shown(view)
    assert controller.state is SessionState.PAUSED
    assert s["phase"] == "GET READY"
    assert s["status"] == "Resuming — get ready"
    assert s["countdown"] == "3"
    assert s["play"] == "Pause"
    run_for(controller, clock, 0.25)
    assert shown(view)["countdown"] == "3"  # 2.75 s left
    run_for(controller, clock, 1.0)
    assert shown(view)["countdown"] == "2"
    run_for(controller, clock, 1.0)
    assert shown(view)["countdown"] == "1"
    run_for(controller, clock, 0.75)
    s = shown(view)
    assert controller.state is SessionState.RUNNING
    assert s["phase"] == "HOLD"
    assert s["countdown"] == "3"  # back where it was paused
    assert s["status"] is None


def test_space_during_the_get_ready_stays_paused(player: Player) -> None:
    view, controller, clock = player
    key(view, Qt.Key.Key_Space)
    run_for(controller, clock, 2.0)
    key(view, Qt.Key.Key_Space)
    key(view, Qt.Key.Key_Space)
    assert controller.in_get_ready
    key(view, Qt.Key.Key_Space)
    assert not controller.in_get_ready
    run_for(controller, clock, 5.0)
    s = shown(view)
    assert controller.state is SessionState.PAUSED
    assert s["phase"] == "INFO"
    assert s["status"] == "Paused — Space resumes"


def test_arrows_skip_and_go_back(player: Player) -> None:
    view, controller, clock = player
    key(view, Qt.Key.Key_Space)
    run_for(controller, clock, 2.0)
    key(view, Qt.Key.Key_Right)
    s = shown(view)
    assert s["phase"] == "GET READY"
    assert s["title"] == "Side bridge"
    assert s["countdown"] == "5"
    key(view, Qt.Key.Key_Right)
    assert shown(view)["title"] == "Rest"
    run_for(controller, clock, 4.0)
    key(view, Qt.Key.Key_Left)  # 4 s in: back to the start of this step
    assert shown(view)["countdown"] == "8"
    assert shown(view)["title"] == "Rest"
    key(view, Qt.Key.Key_Left)  # just inside: the step before
    assert shown(view)["title"] == "Side bridge"
    assert shown(view)["phase"] == "GET READY"


def test_r_restarts_the_step(player: Player) -> None:
    view, controller, clock = player
    key(view, Qt.Key.Key_Space)
    run_until(controller, clock, 20.0)
    assert shown(view)["counters"] == "Hold 2 of 2"
    key(view, Qt.Key.Key_R)
    s = shown(view)
    assert s["phase"] == "GET READY"
    assert s["countdown"] == "5"
    assert controller.snapshot().position_s == pytest.approx(6.0)


def test_skip_while_paused_shows_the_new_step_and_stays_paused(player: Player) -> None:
    view, controller, clock = player
    key(view, Qt.Key.Key_Space)
    run_for(controller, clock, 1.0)
    key(view, Qt.Key.Key_Space)
    key(view, Qt.Key.Key_Right)
    s = shown(view)
    assert controller.state is SessionState.PAUSED
    assert s["title"] == "Side bridge"
    assert s["status"] == "Paused — Space resumes"


def test_escape_asks_before_stopping(qtbot: QtBot, player: Player) -> None:
    view, controller, clock = player
    key(view, Qt.Key.Key_Space)
    run_for(controller, clock, 8.0)
    key(view, Qt.Key.Key_Escape)
    assert view.confirm_bar.isVisible()
    assert controller.state is SessionState.RUNNING  # asking does not stop the clock
    key(view, Qt.Key.Key_Escape)
    assert not view.confirm_bar.isVisible()
    assert controller.state is SessionState.RUNNING

    key(view, Qt.Key.Key_Escape)
    with qtbot.waitSignal(controller.finished, timeout=1000) as blocker:
        key(view, Qt.Key.Key_Return)
    assert controller.state is SessionState.STOPPED
    assert not view.confirm_bar.isVisible()
    summary: SessionSummary = blocker.args[0]
    assert not summary.completed
    assert summary.steps_done == ["Welcome"]
    assert summary.steps_skipped == ["Side bridge", "Rest", "Glute squeeze"]
    assert shown(view)["status"] == "Stopped"


def test_stop_button_asks_too(qtbot: QtBot, player: Player) -> None:
    view, controller, _clock = player
    key(view, Qt.Key.Key_Space)
    qtbot.mouseClick(view.stop_button, Qt.MouseButton.LeftButton)
    assert view.confirm_bar.isVisible()
    qtbot.mouseClick(view.keep_going_button, Qt.MouseButton.LeftButton)
    assert not view.confirm_bar.isVisible()
    qtbot.mouseClick(view.stop_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.confirm_stop_button, Qt.MouseButton.LeftButton)
    assert controller.state is SessionState.STOPPED


def test_keys_work_while_a_button_has_focus(player: Player) -> None:
    view, controller, _clock = player
    QTest.keyClick(view.skip_button, Qt.Key.Key_Space)  # Space pauses/starts, not "press Skip"
    assert controller.state is SessionState.RUNNING
    assert controller.snapshot().position_s == pytest.approx(0.0)
    QTest.keyClick(view.skip_button, Qt.Key.Key_Return)  # Enter presses the focused button
    assert shown(view)["title"] == "Side bridge"
    QTest.keyClick(view.back_button, Qt.Key.Key_Space)
    assert controller.state is SessionState.PAUSED


def test_buttons_do_what_they_say(qtbot: QtBot, player: Player) -> None:
    view, controller, clock = player
    click = Qt.MouseButton.LeftButton
    qtbot.mouseClick(view.play_button, click)
    assert controller.state is SessionState.RUNNING
    qtbot.mouseClick(view.skip_button, click)
    assert shown(view)["title"] == "Side bridge"
    run_for(controller, clock, 4.0)
    qtbot.mouseClick(view.restart_button, click)
    assert controller.snapshot().position_s == pytest.approx(6.0)
    qtbot.mouseClick(view.back_button, click)
    assert shown(view)["title"] == "Welcome"
    qtbot.mouseClick(view.play_button, click)
    assert controller.state is SessionState.PAUSED
    assert view.play_button.accessibleName() == "Resume"


# --- accessibility and looks ----------------------------------------------------------------


def test_controls_are_big_named_and_reachable(player: Player) -> None:
    view, _controller, _clock = player
    for button in view.buttons:
        assert button.height() >= MIN_TOUCH_PX
        assert button.accessibleName()
        assert "Shortcut" in button.accessibleDescription()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert view.progress_bar.accessibleName() == "Routine progress"


@pytest.mark.parametrize("theme", list(Theme))
def test_phase_text_is_readable_on_every_phase_colour(theme: Theme) -> None:
    from glute_coach.core.timeline import SegmentKind

    colors = palette_for(theme)
    for kind in SegmentKind:
        background, text = phase_colors(colors, kind)
        assert contrast_ratio(background, text) >= 4.5, (theme, kind)


def test_the_countdown_is_huge(player: Player) -> None:
    view, _controller, _clock = player
    assert view.countdown.pixel_size() >= 200  # readable from 3 m at 1280x720
    view.resize(1920, 1080)
    assert view.countdown.pixel_size() >= 300


def test_countdown_rounds_up() -> None:
    assert countdown_value(4.5) == 5
    assert countdown_value(5.0) == 5
    assert countdown_value(5.0 + 1e-12) == 5
    assert countdown_value(0.01) == 1
    assert countdown_value(0.0) == 0
    assert countdown_value(-1.0) == 0


# --- captions and the flash -----------------------------------------------------------------


def test_captions_keep_the_last_two(player: Player) -> None:
    view, controller, clock = player
    key(view, Qt.Key.Key_Space)
    run_until(controller, clock, 25.0)
    assert view.captions == ["Lift", "Switch sides"]
    assert shown(view)["captions"] == ["“Switch sides”", "“Lift”"]


def test_no_flash_unless_asked(player: Player) -> None:
    view, controller, clock = player
    key(view, Qt.Key.Key_Space)
    run_for(controller, clock, 1.0)
    assert not view.flash_overlay.isVisible()


def test_flash_on_each_cue(qtbot: QtBot, loaded: LoadedRoutine) -> None:
    view, controller, clock = make_player(qtbot, loaded, Settings(flash_on_cue=True))
    try:
        overlay = view.flash_overlay
        key(view, Qt.Key.Key_Space)  # the "Welcome" cue at 0 s
        assert overlay.isVisible()
        assert overlay.geometry() == view.rect()
        assert overlay.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        assert overlay.animation.duration() == FLASH_MS
        with qtbot.waitSignal(overlay.animation.finished, timeout=3000):
            pass
        assert not overlay.isVisible()
        run_until(controller, clock, 3.0)  # the first countdown beep flashes again
        assert overlay.isVisible()
    finally:
        controller.close()


def test_flashes_are_never_faster_than_three_a_second(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    overlay = FlashOverlay(parent)
    assert overlay.flash("#ff0000")
    assert not overlay.flash("#00ff00")
    overlay.stop()
    assert not overlay.isVisible()
    assert overlay.flash("#00ff00")
    overlay.stop()


# --- sound notices --------------------------------------------------------------------------


def test_sound_notices_are_shown(player: Player) -> None:
    view, controller, _clock = player
    controller.notice.emit("No sound device: captions only")
    assert view.notice_label.full_text() == "No sound device: captions only"
