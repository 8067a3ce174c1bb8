"""The step-up banner (accept saves the user's own copy; not now changes nothing) and the advice."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from glute_coach.core.loading import load_routine
from glute_coach.core.progression import SessionFacts, Suggestion, suggest
from glute_coach.storage.paths import user_routines_dir
from glute_coach.storage.sessions import SessionSummary
from glute_coach.ui.pain_advice import PainAdvice
from glute_coach.ui.progression_banner import ProgressionBanner, session_facts
from tests.conftest import ROUTINES

BRIDGE = ROUTINES / "glute-bridge-progression.json"
T0 = datetime(2025, 3, 3, 18, 0)


def history(n: int, *, pain_after: int | None = 3) -> list[SessionFacts]:
    return [SessionFacts(True, 3, pain_after, T0 + timedelta(days=2 * i)) for i in range(n)]


def bridge_suggestion(**kwargs: int | None) -> Suggestion:
    routine = load_routine(BRIDGE).routine
    found = suggest(routine, history(6, **kwargs))
    assert found is not None
    return found


@pytest.fixture
def banner(qtbot: QtBot) -> ProgressionBanner:
    widget = ProgressionBanner()
    qtbot.addWidget(widget)
    return widget


def test_hidden_until_there_is_a_suggestion(banner: ProgressionBanner) -> None:
    banner.show_suggestion(None)
    assert banner.isHidden()


def test_the_card_says_what_would_change(banner: ProgressionBanner) -> None:
    banner.show_suggestion(bridge_suggestion(), assets_from=BRIDGE.parent)
    assert not banner.isHidden()
    assert banner.heading.text() == "Ready for a small step up?"
    assert banner.text_label.text() == "You have done this routine 6 times without more pain."
    assert banner.changes_label.text().splitlines() == [
        "Glute bridge: holds 10 s → 12 s",
        "Single-leg bridge: 6 → 7 reps",
    ]
    assert banner.note_label.text().startswith("Step up only when")
    assert "Ready for a small step up?" in banner.accessibleDescription()


def test_missing_pain_is_mentioned(banner: ProgressionBanner) -> None:
    banner.show_suggestion(bridge_suggestion(pain_after=None))
    assert "Pain was not recorded in 6 of these sessions" in banner.text_label.text()


def test_accept_saves_a_copy_and_never_the_bundled_file(
    banner: ProgressionBanner, qtbot: QtBot
) -> None:
    before = BRIDGE.read_bytes()
    suggestion = bridge_suggestion()
    banner.show_suggestion(suggestion, assets_from=BRIDGE.parent)
    with qtbot.waitSignal(banner.accepted) as accepted, qtbot.waitSignal(banner.saved) as saved:
        qtbot.mouseClick(banner.accept_button, Qt.MouseButton.LeftButton)
    assert accepted.args == [suggestion]
    path = saved.args[0]
    assert isinstance(path, Path)
    assert path.parent == user_routines_dir()
    assert path.name == "glute-bridge-progression-step-2.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["based_on"] == {"id": "glute-bridge-progression", "version": 1}
    assert data["progression"]["stage"] == 2
    assert load_routine(path).routine == suggestion.progressed
    assert BRIDGE.read_bytes() == before
    assert banner.isHidden()


def test_accept_twice_does_not_overwrite(qtbot: QtBot, tmp_path: Path) -> None:
    banner = ProgressionBanner(folder=tmp_path)
    qtbot.addWidget(banner)
    for _ in range(2):
        banner.show_suggestion(bridge_suggestion(), assets_from=BRIDGE.parent)
        assert banner.accept()
    assert sorted(p.name for p in tmp_path.glob("*.json")) == [
        "glute-bridge-progression-step-2-2.json",
        "glute-bridge-progression-step-2.json",
    ]


def test_a_failed_save_says_why_and_emits_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    banner = ProgressionBanner(folder=blocked)
    qtbot.addWidget(banner)
    banner.show_suggestion(bridge_suggestion(), assets_from=BRIDGE.parent)
    with qtbot.assertNotEmitted(banner.accepted):
        assert not banner.accept()
    assert banner.status_label.text().startswith("Could not save the new level")
    assert not banner.isHidden()


def test_not_now_emits_declined_and_saves_nothing(banner: ProgressionBanner, qtbot: QtBot) -> None:
    banner.show_suggestion(bridge_suggestion())
    with qtbot.waitSignal(banner.declined), qtbot.assertNotEmitted(banner.accepted):
        qtbot.mouseClick(banner.decline_button, Qt.MouseButton.LeftButton)
    assert banner.isHidden()
    assert not user_routines_dir().exists() or not list(user_routines_dir().iterdir())


def test_a_harder_routine_is_offered_by_name(banner: ProgressionBanner, qtbot: QtBot) -> None:
    routine = load_routine(ROUTINES / "hip-flexor-lengthening-and-squeeze.json").routine
    for _ in range(3):
        found = suggest(routine, history(10))
        assert found is not None
        if found.progressed is None:
            break
        routine = found.progressed
    assert found.next_routine == "glute-bridge-progression"
    banner.show_suggestion(found, next_title="Glute bridge progression")
    assert banner.heading.text() == "Ready for a harder routine?"
    assert banner.changes_label.text() == "Next: Glute bridge progression"
    with qtbot.waitSignal(banner.accepted) as accepted:
        banner.accept()
    assert accepted.args == [found]
    assert banner.saved_path is None


def test_session_facts_from_stored_sessions() -> None:
    stored = SessionSummary(
        routine_id="glute-bridge-progression",
        routine_version=1,
        title="Glute bridge progression",
        started_at="2025-03-01T10:00:00+01:00",
        ended_at="2025-03-01T10:18:00+01:00",
        completed=True,
        pain_before=2,
        pain_after=2,
    )
    broken = SessionSummary(**{**stored.__dict__, "ended_at": "yesterday"})
    facts = session_facts([stored, broken])
    assert facts == [
        SessionFacts(
            True, 2, 2, datetime.fromisoformat(stored.ended_at), "glute-bridge-progression", 1
        )
    ]


def test_pain_advice_shows_only_for_a_rise_of_two(qtbot: QtBot) -> None:
    advice = PainAdvice()
    qtbot.addWidget(advice)
    assert advice.isHidden()
    assert advice.show_for(2, 5)
    assert not advice.isHidden()
    text = advice.text_label.text()
    assert text.startswith("Your pain went up by 3 points during this session.")
    assert "Please stop for today and let your clinician know" in text
    assert advice.accessibleDescription() == text
    assert not advice.show_for(2, 3)
    assert advice.isHidden()
    assert not advice.show_for(None, 9)
    assert not advice.show_for(6, 2)
    assert advice.show_for(0, 2)
    assert "by 2 points" in advice.text_label.text()
