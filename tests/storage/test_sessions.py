"""Session store: one versioned JSON file per session, written atomically, read back safely."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glute_coach.core.metrics import ChannelMetrics, ExerciseMetrics
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

    def broken_sync(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("glute_coach.core.atomic.os.fsync", broken_sync)
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


# --- version 2: biofeedback results and the recording ----------------------------------------


def bridge_metrics() -> ExerciseMetrics:
    def emg(side: str, peak: float | None, onset: float | None) -> ChannelMetrics:
        return ChannelMetrics(f"glute-{side}", "gluteus_maximus", side, "%MVC", peak, 41.5, 12.0,
                              8, onset)  # fmt: skip

    return ExerciseMetrics(
        exercise="Glute bridge",
        exercise_id="glute-bridge",
        active_s=30.0,
        gap_s=4.0,
        band=(40, 70),  # whole numbers come back as floats, still equal
        channels=[emg("left", 85.0, 0.18), emg("right", None, None)],
        symmetry=0.12,
    )


def v1_file(tmp_path: Path) -> Path:
    data = {
        "version": 1,
        "routine_id": "glute-bridge-progression",
        "routine_version": 2,
        "title": "Glute bridge progression",
        "started_at": "2025-03-01T10:15:00+01:00",
        "ended_at": "2025-03-01T10:31:30+01:00",
        "completed": True,
        "steps_done": ["Glute bridge", "Rest", "Glute bridge"],
        "steps_skipped": ["Single-leg bridge"],
        "pain_before": 3,
        "pain_after": None,
        "rpe": None,
        "notes": "",
    }
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_version_1_files_load_unchanged_with_no_biofeedback(tmp_path: Path) -> None:
    stored = read_session(v1_file(tmp_path))
    assert stored == summary()
    assert stored.metrics == []
    assert stored.recording is None
    assert stored.sensor is None


def test_a_version_1_file_saved_again_becomes_version_2(tmp_path: Path) -> None:
    path = v1_file(tmp_path)
    save_session(read_session(path), path=path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == SESSIONS_VERSION == 2
    assert data["metrics"] == []
    assert data["recording"] is None
    assert read_session(path) == summary()


def test_metrics_and_the_recording_round_trip_exactly() -> None:
    original = summary(
        metrics=[bridge_metrics(), ExerciseMetrics("Clam", None, 20.0, 0.0, None)],
        recording="/home/me/recordings/20250301T101500.csv",
        sensor="Two-channel EMG",
    )
    path = save_session(with_feedback(original, pain_after=2, rpe=6, notes="ok"))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["metrics"][0]["band"] == [40.0, 70.0]
    assert data["metrics"][0]["channels"][1]["peak"] is None
    assert data["metrics"][0]["channels"][0]["side"] == "left"
    assert data["recording"] == "/home/me/recordings/20250301T101500.csv"
    assert data["sensor"] == "Two-channel EMG"
    stored = read_session(path)
    assert stored.metrics == original.metrics
    assert stored.metrics[0].band == (40.0, 70.0)
    assert isinstance(stored.metrics[0].band, tuple)
    assert stored == with_feedback(original, pain_after=2, rpe=6, notes="ok")
    assert stored.to_json() == data  # and writing it again gives the same file


def test_not_a_number_is_stored_as_not_measured() -> None:
    nan = float("nan")
    metrics = ExerciseMetrics(
        "Bridge", None, 10.0, 0.0, None,
        [ChannelMetrics("c", None, "both", "mV", nan, 0.5, None, 0, float("inf"))],
        symmetry=nan,
    )  # fmt: skip
    stored = read_session(save_session(summary(metrics=[metrics])))
    channel = stored.metrics[0].channels[0]
    assert channel.peak is None
    assert channel.onset_latency_s is None
    assert channel.mean == 0.5
    assert stored.metrics[0].symmetry is None


def _v2_with(**changes: object) -> str:
    data = summary().to_json() | changes
    return json.dumps(data)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"metrics": {"exercise": "x"}}, "'metrics' must be a list"),
        ({"metrics": ["x"]}, "'metrics' item 1: exercise metrics must be an object"),
        ({"metrics": [{"exercise": 5}]}, "'metrics' item 1: exercise must be text"),
        ({"metrics": [{"active_s": "long"}]}, "'metrics' item 1: active_s must be a number"),
        ({"metrics": [{"band": [1]}]}, r"band must be \[low, high\]"),
        ({"metrics": [{"band": ["a", 2]}]}, "low must be a number"),
        ({"metrics": [{"symmetry": True}]}, "symmetry must be a number"),
        ({"metrics": [{"channels": {}}]}, "channels must be a list"),
        (
            {"metrics": [{}, {"channels": [{}, {"reps": 2.5}]}]},
            "'metrics' item 2: channel 2: reps must be a whole number",
        ),
        ({"metrics": [{"channels": [{"reps": -1}]}]}, "reps must be a whole number"),
        ({"metrics": [{"channels": [{"peak": "high"}]}]}, "peak must be a number, got 'high'"),
        ({"metrics": [{"channels": [{"muscle": 3}]}]}, "muscle must be text"),
        ({"recording": 5}, "'recording' has the wrong type"),
        ({"sensor": ["emg"]}, "'sensor' has the wrong type"),
        ({"version": True}, "unknown session file version True"),
        ({"version": 1.5}, "unknown session file version 1.5"),
        ({"version": 0}, "unknown session file version 0"),
    ],
)
def test_bad_biofeedback_is_explained(
    tmp_path: Path, changes: dict[str, object], message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(_v2_with(**changes), encoding="utf-8")
    with pytest.raises(SessionFileError, match=message) as caught:
        read_session(path)
    assert str(path) in str(caught.value)


def test_nan_in_a_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nan.json"
    path.write_text(_v2_with(metrics=[{"channels": [{"mean": float("nan")}]}]), encoding="utf-8")
    with pytest.raises(SessionFileError, match="mean must be a number, got nan"):
        read_session(path)


def test_feedback_keeps_the_biofeedback() -> None:
    original = summary(metrics=[bridge_metrics()], recording="r.csv", sensor="sim")
    changed = with_feedback(original, pain_after=1, rpe=3, notes="")
    assert changed.metrics == original.metrics
    assert changed.recording == "r.csv"
    assert changed.sensor == "sim"
