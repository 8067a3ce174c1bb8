"""Session store: one versioned JSON file per session, written atomically, read back safely."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glute_coach.storage.paths import user_data_dir
from glute_coach.storage.sessions import (
    SESSIONS_VERSION,
    SessionFileError,
    SessionSummary,
    load_sessions,
    read_session,
    save_session,
    sessions_dir,
    with_feedback,
)


def summary(**changes: object) -> SessionSummary:
    values: dict[str, object] = {
        "routine_id": "glute-bridge-progression",
        "routine_version": 2,
        "title": "Glute bridge progression",
        "started_at": "2025-03-01T10:15:00+01:00",
        "ended_at": "2025-03-01T10:31:30+01:00",
        "completed": True,
        "steps_done": ["Glute bridge", "Rest", "Glute bridge"],
        "steps_skipped": ["Single-leg bridge"],
        "pain_before": 3,
    }
    values.update(changes)
    return SessionSummary(**values)  # type: ignore[arg-type]


def test_saved_in_the_user_data_folder_with_a_version() -> None:
    path = save_session(summary())
    assert path.parent == sessions_dir() == user_data_dir() / "sessions"
    assert path.name == "20250301T101500-glute-bridge-progression.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == SESSIONS_VERSION
    assert data["steps_done"] == ["Glute bridge", "Rest", "Glute bridge"]
    assert data["pain_before"] == 3
    assert data["pain_after"] is None


def test_round_trip_keeps_every_field() -> None:
    original = with_feedback(summary(), pain_after=2, rpe=7, notes="  Left side weaker.\n")
    assert original.notes == "Left side weaker."
    path = save_session(original)
    assert read_session(path) == original
    assert load_sessions() == [(path, original)]


def test_no_temporary_files_are_left_and_names_never_collide() -> None:
    first = save_session(summary())
    second = save_session(summary())
    assert first != second
    assert second.name == "20250301T101500-glute-bridge-progression-2.json"
    assert sorted(p.name for p in sessions_dir().iterdir()) == sorted([first.name, second.name])


def test_saving_again_to_the_same_path_replaces_the_file() -> None:
    path = save_session(summary())
    again = save_session(with_feedback(summary(), pain_after=1, rpe=4, notes=""), path=path)
    assert again == path
    assert read_session(path).rpe == 4
    assert len(list(sessions_dir().iterdir())) == 1


def test_a_failed_write_leaves_the_old_file(monkeypatch: pytest.MonkeyPatch) -> None:
    path = save_session(summary())
    before = path.read_bytes()

    def broken_dump(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("glute_coach.storage.sessions.json.dump", broken_dump)
    with pytest.raises(OSError, match="disk full"):
        save_session(summary(notes="new"), path=path)
    assert path.read_bytes() == before
    assert [p.name for p in sessions_dir().iterdir()] == [path.name]


def test_odd_routine_ids_make_safe_file_names(tmp_path: Path) -> None:
    path = save_session(summary(routine_id="../../etc/passwd"), folder=tmp_path)
    assert path.parent == tmp_path
    assert path.name == "20250301T101500-etc-passwd.json"


@pytest.mark.parametrize(
    "changes",
    [{"pain_before": 11}, {"pain_after": -1}, {"rpe": 3.5}, {"rpe": True}, {"notes": "x" * 5001}],
)
def test_out_of_range_answers_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"0 to 10|at most"):
        summary(**changes)


def test_duration_comes_from_the_times() -> None:
    assert summary().duration_s == 16 * 60 + 30
    assert summary(started_at="not a time").duration_s is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "Expecting"),
        ("[]", "not a JSON object"),
        ('{"version": 99}', "unknown session file version 99"),
        ('{"version": 1, "title": "x"}', "missing completed, ended_at, routine_id"),
        (
            '{"version": 1, "routine_id": 5, "routine_version": 1, "title": "t",'
            ' "started_at": "a", "ended_at": "b", "completed": true}',
            "'routine_id' has the wrong type",
        ),
        (
            '{"version": 1, "routine_id": "r", "routine_version": 1, "title": "t",'
            ' "started_at": "a", "ended_at": "b", "completed": true, "steps_done": [1]}',
            "'steps_done' must be a list of step names",
        ),
        (
            '{"version": 1, "routine_id": "r", "routine_version": 1, "title": "t",'
            ' "started_at": "a", "ended_at": "b", "completed": true, "pain_after": 12}',
            "pain_after must be a whole number from 0 to 10",
        ),
    ],
)
def test_bad_files_are_explained(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SessionFileError, match=message) as caught:
        read_session(path)
    assert str(path) in str(caught.value)


def test_unknown_keys_from_a_newer_app_are_ignored(tmp_path: Path) -> None:
    data = summary().to_json() | {"heart_rate": [80, 90]}
    path = tmp_path / "new.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert read_session(path) == summary()


def test_loading_skips_unreadable_files_and_sorts_by_start(
    caplog: pytest.LogCaptureFixture,
) -> None:
    late = save_session(summary(started_at="2025-03-02T08:00:00+01:00"))
    early = save_session(summary(started_at="2025-02-27T08:00:00+01:00"))
    (sessions_dir() / "broken.json").write_text("{", encoding="utf-8")
    found = load_sessions()
    assert [p for p, _ in found] == [early, late]
    assert "broken.json" in caplog.text


def test_no_folder_means_no_sessions() -> None:
    assert load_sessions() == []


def test_missing_file_is_explained(tmp_path: Path) -> None:
    with pytest.raises(SessionFileError, match="cannot be read"):
        read_session(tmp_path / "nope.json")
