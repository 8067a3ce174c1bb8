"""`glute-coach history`, `backup` and `restore`: text, JSON, CSV, filters and bad input."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from glute_coach.cli.main import EXIT_OK, EXIT_USER_ERROR, SUBCOMMANDS, main
from glute_coach.core.metrics import ChannelMetrics, ExerciseMetrics
from glute_coach.storage.history import HistoryStore, db_path
from glute_coach.storage.paths import user_routines_dir
from glute_coach.storage.sessions import SessionSummary


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
        "pain_after": 2,
        "rpe": 7,
    }
    values.update(changes)
    return SessionSummary(**values)  # type: ignore[arg-type]


METRICS = [
    ExerciseMetrics(
        "Glute bridge",
        "glute-bridge",
        40.0,
        0.0,
        (20.0, 40.0),
        [
            ChannelMetrics("l", "gluteus_maximus", "left", "%MVC", 60.0, 30.0, 10.0, 8, 0.2),
            ChannelMetrics("r", "gluteus_maximus", "right", "%MVC", 50.0, 25.0, 9.0, 8, 0.3),
        ],
        0.18,
    )
]


@pytest.fixture
def sessions() -> list[int]:
    with HistoryStore.open() as store:
        return [
            store.add(summary()),
            store.add(
                summary(
                    routine_id="side-lying",
                    title="Side-lying series",
                    started_at="2025-03-05T18:00:00+01:00",
                    ended_at="2025-03-05T18:20:00+01:00",
                    completed=False,
                    steps_done=["Clam"],
                    steps_skipped=[],
                    pain_before=None,
                    pain_after=None,
                    rpe=None,
                    metrics=METRICS,
                )
            ),
        ]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_commands_are_listed() -> None:
    assert {"history", "backup", "restore"} <= set(SUBCOMMANDS)


def test_history_text_is_one_line_per_session(
    sessions: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "history")
    assert (code, err) == (EXIT_OK, "")
    lines = out.splitlines()
    assert lines == [
        f"#{sessions[0]}  2025-03-01 10:15  Glute bridge progression "
        "(glute-bridge-progression v2)  3 done, 1 skipped  pain 3→2  RPE 7",
        f"#{sessions[1]}  2025-03-05 18:00  Side-lying series (side-lying v2)  "
        "1 done, 0 skipped, stopped  pain —→—  RPE —",
    ]


def test_history_json(sessions: list[int], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "history", "--format", "json")
    assert code == EXIT_OK
    data = json.loads(out)
    assert [d["id"] for d in data] == sessions
    assert data[0]["routine_id"] == "glute-bridge-progression"
    assert data[0]["steps_done"] == ["Glute bridge", "Rest", "Glute bridge"]
    assert (data[0]["pain_before"], data[0]["pain_after"], data[0]["rpe"]) == (3, 2, 7)
    assert data[0]["duration_s"] == 990.0
    assert data[1]["metrics"] == [m.to_json() for m in METRICS]
    assert "version" not in data[0]


def test_history_filters(sessions: list[int], capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "history", "--since", "2025-03-02", "--format", "json")
    assert [d["id"] for d in json.loads(out)] == [sessions[1]]
    _, out, _ = run(capsys, "history", "--routine", "glute-bridge-progression")
    assert len(out.splitlines()) == 1
    assert out.startswith(f"#{sessions[0]} ")
    code, out, _ = run(capsys, "history", "--routine", "nope")
    assert (code, out) == (EXIT_OK, "No sessions found.\n")
    _, out, _ = run(capsys, "history", "--routine", "nope", "--format", "json")
    assert json.loads(out) == []


def test_history_of_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "history") == (EXIT_OK, "No sessions found.\n", "")


def test_history_csv(
    sessions: list[int], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    s_csv, m_csv = tmp_path / "s.csv", tmp_path / "m.csv"
    code, out, err = run(capsys, "history", "--csv", str(s_csv), str(m_csv))
    assert (code, err) == (EXIT_OK, "")
    assert out.startswith("Wrote 2 sessions to ")
    with s_csv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["session_id"] for r in rows] == [str(i) for i in sessions]
    assert [r["date"] for r in rows] == ["2025-03-01", "2025-03-05"]
    with m_csv.open(encoding="utf-8", newline="") as handle:
        metrics = list(csv.DictReader(handle))
    assert [(m["session_id"], m["channel"], m["side"]) for m in metrics] == [
        (str(sessions[1]), "l", "left"),
        (str(sessions[1]), "r", "right"),
    ]
    code, out, _ = run(
        capsys, "history", "--routine", "glute-bridge-progression", "--csv", str(s_csv), str(m_csv)
    )
    assert code == EXIT_OK
    assert out.startswith("Wrote 1 sessions")
    with m_csv.open(encoding="utf-8") as handle:
        assert len(handle.read().splitlines()) == 1  # the header only


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (["--since", "yesterday"], "--since 'yesterday': give a date as YYYY-MM-DD"),
        (["--since", "2025-02-30"], "give a date as YYYY-MM-DD"),
        (["--since", "20250301"], "give a date as YYYY-MM-DD"),
        (["--csv", "same.csv", "same.csv"], "--csv needs two different files"),
    ],
)
def test_bad_history_input_is_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], match: str, tmp_path: Path
) -> None:
    args = [str(tmp_path / a) if a.endswith(".csv") else a for a in args]
    code, out, err = run(capsys, "history", *args)
    assert code == EXIT_USER_ERROR
    assert out == ""
    assert len(err.splitlines()) == 1
    assert match in err
    assert "Traceback" not in err


def test_csv_into_a_folder_that_cannot_be_made(
    sessions: list[int], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("x")
    code, _, err = run(
        capsys, "history", "--csv", str(tmp_path / "file" / "s.csv"), str(tmp_path / "m.csv")
    )
    assert code == EXIT_USER_ERROR
    assert err.startswith("glute-coach: --csv: cannot write")
    assert len(err.splitlines()) == 1


def test_a_damaged_history_is_reported_and_replaced(capsys: pytest.CaptureFixture[str]) -> None:
    db_path().parent.mkdir(parents=True)
    db_path().write_bytes(b"garbage" * 1000)
    code, out, err = run(capsys, "history")
    assert code == EXIT_OK
    assert out == "No sessions found.\n"
    assert err.startswith("Your session history could not be read (it is not a database)")
    assert len(err.splitlines()) == 1


def test_a_history_that_cannot_be_opened_is_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    db_path().mkdir(parents=True)
    code, _, err = run(capsys, "history")
    assert code == EXIT_USER_ERROR
    assert "cannot be opened" in err
    assert len(err.splitlines()) == 1


# --- backup and restore ---------------------------------------------------------------------


def test_backup_and_restore(
    sessions: list[int], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    user_routines_dir().mkdir(parents=True)
    (user_routines_dir() / "mine.json").write_text("{}", encoding="utf-8")
    out_file = tmp_path / "backup.zip"
    code, out, err = run(capsys, "backup", str(out_file))
    assert (code, err) == (EXIT_OK, "")
    assert out == f"Backed up your data to {out_file}.\n"
    (user_routines_dir() / "mine.json").unlink()
    with HistoryStore.open() as store:
        store.delete(sessions[0])

    code, out, err = run(capsys, "restore", str(out_file))
    assert (code, err) == (EXIT_OK, "")
    lines = out.splitlines()
    assert lines[0].startswith("Restored 2 files from the backup made ")
    assert lines[1].startswith("Your data from before is kept in ")
    assert (user_routines_dir() / "mine.json").is_file()
    _, out, _ = run(capsys, "history", "--format", "json")
    assert [d["id"] for d in json.loads(out)] == sessions


def test_restore_of_a_bad_file_is_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    code, out, err = run(capsys, "restore", str(bad))
    assert code == EXIT_USER_ERROR
    assert out == ""
    assert err.startswith("glute-coach: ")
    assert "not a readable zip file" in err
    assert len(err.splitlines()) == 1
    code, _, err = run(capsys, "restore", str(tmp_path / "missing.zip"))
    assert code == EXIT_USER_ERROR
    assert "no such file" in err


def test_backup_to_a_folder_is_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "backup", str(tmp_path))
    assert code == EXIT_USER_ERROR
    assert "is a folder" in err
    assert len(err.splitlines()) == 1
