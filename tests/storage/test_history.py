"""The session history in SQLite: schema, migrations, import of the JSON store, corruption."""

from __future__ import annotations

import csv
import json
import math
import os
import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest

from glute_coach.core.metrics import ChannelMetrics, ExerciseMetrics
from glute_coach.storage import history
from glute_coach.storage.history import (
    APPLICATION_ID,
    DB_FILE,
    METRICS_CSV_COLUMNS,
    SCHEMA_VERSION,
    SESSION_CSV_COLUMNS,
    HistoryError,
    HistoryStore,
    StoredSession,
    db_path,
    export_csv,
)
from glute_coach.storage.paths import user_data_dir
from glute_coach.storage.sessions import SessionSummary, save_session, sessions_dir


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


def channel(side: str, peak: float | None = 62.5, reps: int = 8) -> ChannelMetrics:
    return ChannelMetrics(
        channel=f"glute-{side}",
        muscle="gluteus_maximus",
        side=side,
        unit="%MVC",
        peak=peak,
        mean=31.25,
        zone_s=12.5,
        reps=reps,
        onset_latency_s=0.21,
    )


def bridge() -> ExerciseMetrics:
    return ExerciseMetrics(
        exercise="Glute bridge",
        exercise_id="glute-bridge",
        active_s=40.0,
        gap_s=1.5,
        band=(20.0, 40.0),
        channels=[channel("left"), channel("right", peak=None)],
        symmetry=0.12,
    )


def squeeze() -> ExerciseMetrics:
    return ExerciseMetrics(
        exercise="Glute squeeze",
        exercise_id=None,
        active_s=12.0,
        gap_s=0.0,
        band=None,
        channels=[
            ChannelMetrics("pressure", None, "both", "mmHg", 41.0, 20.0, None, 0, None),
        ],
        symmetry=None,
    )


@pytest.fixture
def nowhere(tmp_path: Path) -> Path:
    """An import folder with no session files."""
    return tmp_path / "no-sessions"


@pytest.fixture
def store(tmp_path: Path, nowhere: Path) -> HistoryStore:
    opened = HistoryStore.open(tmp_path / DB_FILE, import_from=nowhere)
    yield opened
    opened.close()


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


# --- creating and using ---------------------------------------------------------------------


def test_a_new_store_is_in_the_user_data_folder_with_wal_and_a_version() -> None:
    assert db_path() == user_data_dir() / "history.sqlite3"
    with HistoryStore.open() as opened:
        assert opened.path == db_path()
        assert opened.notice is None
        assert opened.sessions() == []
    db = raw(db_path())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"sessions", "steps", "exercise_metrics", "channel_metrics", "meta"} <= tables
    db.close()


def test_add_and_get_keep_every_field(store: HistoryStore) -> None:
    original = summary(
        pain_after=2,
        rpe=7,
        notes="Left side weaker — “quoted”, ünïcode.",
        metrics=[bridge(), squeeze()],
        recording="/home/me/recordings/2025-03-01.csv",
        sensor="sim",
    )
    session_id = store.add(original)
    found = store.get(session_id)
    assert found == StoredSession(session_id, original)
    assert found.summary.metrics == [bridge(), squeeze()]  # ExerciseMetrics equality
    assert store.get(session_id + 100) is None


def test_steps_keep_their_order_and_repeats(store: HistoryStore) -> None:
    steps = ["Warm-up", "Bridge", "Rest", "Bridge", "Rest", "Bridge"]
    session_id = store.add(summary(steps_done=steps, steps_skipped=["Z", "A"]))
    got = store.get(session_id)
    assert got is not None
    assert got.summary.steps_done == steps
    assert got.summary.steps_skipped == ["Z", "A"]


def test_sessions_oldest_first_with_filters(store: HistoryStore) -> None:
    # 10:00 in New York is later than 12:00 in Berlin on the same day: sorted by the instant.
    late = store.add(summary(started_at="2025-03-02T10:00:00-05:00", routine_id="a"))
    early = store.add(summary(started_at="2025-03-02T12:00:00+01:00", routine_id="b"))
    first = store.add(summary(started_at="2025-02-27T08:00:00+01:00", routine_id="a"))
    assert [s.id for s in store.sessions()] == [first, early, late]
    assert [s.id for s in store.sessions(routine_id="a")] == [first, late]
    assert [s.id for s in store.sessions(since=date(2025, 3, 2))] == [early, late]
    assert [s.id for s in store.sessions(since=date(2025, 3, 2), routine_id="b")] == [early]
    assert store.sessions(since=date(2025, 3, 3)) == []
    assert store.sessions(routine_id="nope") == []


def test_update_feedback(store: HistoryStore) -> None:
    session_id = store.add(summary(metrics=[bridge()]))
    store.update_feedback(session_id, pain_after=1, rpe=6, notes="  better \n")
    got = store.get(session_id)
    assert got is not None
    assert (got.summary.pain_after, got.summary.rpe, got.summary.notes) == (1, 6, "better")
    assert got.summary.metrics == [bridge()]  # the rest is unchanged
    with pytest.raises(ValueError, match="pain_after"):
        store.update_feedback(session_id, pain_after=11, rpe=None, notes="")
    with pytest.raises(HistoryError, match="no session 999"):
        store.update_feedback(999, pain_after=None, rpe=None, notes="")
    got = store.get(session_id)
    assert got is not None
    assert got.summary.pain_after == 1


def test_delete_removes_steps_and_metrics(store: HistoryStore, tmp_path: Path) -> None:
    keep = store.add(summary(metrics=[squeeze()]))
    gone = store.add(summary(metrics=[bridge(), squeeze()]))
    store.delete(gone)
    store.delete(gone)  # twice: nothing happens
    assert [s.id for s in store.sessions()] == [keep]
    db = raw(tmp_path / DB_FILE)
    assert db.execute("SELECT count(*) FROM steps WHERE session_id = ?", (gone,)).fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM exercise_metrics").fetchone() == (1,)
    assert db.execute("SELECT count(*) FROM channel_metrics").fetchone() == (1,)
    db.close()


def test_metrics_round_trip_and_filters(store: HistoryStore) -> None:
    first = store.add(summary(started_at="2025-03-01T10:00:00+01:00", metrics=[bridge()]))
    store.add(summary(started_at="2025-03-02T10:00:00+01:00"))  # no sensor
    third = store.add(
        summary(
            routine_id="other",
            started_at="2025-03-03T10:00:00+01:00",
            metrics=[squeeze(), bridge()],
        )
    )
    found = store.metrics()
    assert [(s.id, m) for s, m in found] == [
        (first, bridge()),
        (third, squeeze()),
        (third, bridge()),
    ]
    assert [(s.id, m.exercise) for s, m in store.metrics(exercise_id="glute-bridge")] == [
        (first, "Glute bridge"),
        (third, "Glute bridge"),
    ]
    assert [s.id for s, _ in store.metrics(routine_id="other")] == [third, third]
    assert [s.id for s, _ in store.metrics(since=date(2025, 3, 2))] == [third, third]


def test_values_that_were_not_measured_are_stored_as_none(store: HistoryStore) -> None:
    odd = ExerciseMetrics(
        "Odd", None, math.inf, 0.0, (math.nan, 1.0), [channel("left", peak=math.nan)], math.nan
    )
    session_id = store.add(summary(metrics=[odd]))
    got = store.get(session_id)
    assert got is not None
    (back,) = got.summary.metrics
    assert back == ExerciseMetrics.from_json(odd.to_json())  # as the JSON store reads it
    assert back.band is None
    assert back.channels[0].peak is None
    assert back.symmetry is None


def test_a_failed_write_changes_nothing(store: HistoryStore, tmp_path: Path) -> None:
    store.add(summary())
    db = raw(tmp_path / DB_FILE)
    db.execute(
        "CREATE TRIGGER boom BEFORE INSERT ON channel_metrics WHEN NEW.channel = 'glute-right' "
        "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
    )
    db.close()
    with pytest.raises(HistoryError, match="disk on fire"):
        store.add(summary(title="Half", metrics=[bridge()]))
    assert [s.summary.title for s in store.sessions()] == ["Glute bridge progression"]
    db = raw(tmp_path / DB_FILE)
    for table in ("steps", "exercise_metrics", "channel_metrics"):
        count = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        assert count == (4 if table == "steps" else 0), table
    db.close()
    store.add(summary(title="Still works"))  # the connection is usable after the rollback
    assert len(store.sessions()) == 2


def test_a_closed_store_says_so(tmp_path: Path, nowhere: Path) -> None:
    with HistoryStore.open(tmp_path / DB_FILE, import_from=nowhere) as opened:
        pass
    opened.close()  # again: fine
    with pytest.raises(HistoryError, match="closed"):
        opened.sessions()


def test_a_concurrent_reader_sees_whole_sessions_while_another_writes(
    tmp_path: Path, nowhere: Path
) -> None:
    path = tmp_path / DB_FILE
    HistoryStore.open(path, import_from=nowhere).close()
    errors: list[BaseException] = []
    total = 150

    def write() -> None:
        try:
            with HistoryStore.open(path, import_from=nowhere) as writer:
                for n in range(total):
                    writer.add(summary(title=f"S{n}", metrics=[bridge(), squeeze()]))
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=write)
    with HistoryStore.open(path, import_from=nowhere) as reader:
        thread.start()
        seen = 0
        while thread.is_alive() or seen < total:
            found = reader.sessions()
            assert len(found) >= seen  # never goes back
            seen = len(found)
            for stored in found:  # every session is whole: steps and metrics with it
                assert len(stored.summary.steps_done) == 3
                assert stored.summary.metrics == [bridge(), squeeze()]
            if not thread.is_alive() and seen < total:
                break
        thread.join()
        assert errors == []
        assert len(reader.sessions()) == total


# --- the JSON store of before ---------------------------------------------------------------


def write_v1_file(folder: Path, name: str, **changes: object) -> Path:
    """A session file as version 1 wrote it (no metrics, recording or sensor)."""
    data = {
        "version": 1,
        "routine_id": "old-routine",
        "routine_version": 1,
        "title": "Old routine",
        "started_at": "2024-12-01T09:00:00+01:00",
        "ended_at": "2024-12-01T09:20:00+01:00",
        "completed": False,
        "steps_done": ["One"],
        "steps_skipped": ["Two"],
        "pain_before": 5,
        "pain_after": 4,
        "rpe": 6,
        "notes": "first",
        **changes,
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_session_files_of_versions_1_and_2_are_imported_once() -> None:
    v1 = write_v1_file(sessions_dir(), "20241201T090000-old-routine.json")
    v2 = save_session(summary(metrics=[bridge()], recording="/r.csv", sensor="sim"))
    (sessions_dir() / "broken.json").write_text("{not json", encoding="utf-8")
    with HistoryStore.open() as opened:
        found = [s.summary for s in opened.sessions()]
        assert opened.imported_json() is not None
    assert len(found) == 2
    old, new = found
    assert (old.routine_id, old.completed, old.steps_skipped, old.notes) == (
        "old-routine",
        False,
        ["Two"],
        "first",
    )
    assert old.metrics == []
    assert old.recording is None
    assert old.sensor is None
    assert new == summary(metrics=[bridge()], recording="/r.csv", sensor="sim")
    assert v1.is_file()  # never deleted
    assert v2.is_file()

    # Once only: opening again, or a file appearing later, imports nothing more.
    write_v1_file(sessions_dir(), "20241202T090000-old-routine.json")
    with HistoryStore.open() as opened:
        assert len(opened.sessions()) == 2


def test_import_from_another_folder(tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere"
    write_v1_file(folder, "a.json")
    with HistoryStore.open(tmp_path / DB_FILE, import_from=folder) as opened:
        assert [s.summary.routine_id for s in opened.sessions()] == ["old-routine"]


def test_no_session_folder_is_fine(store: HistoryStore) -> None:
    assert store.sessions() == []
    assert json.loads(store.imported_json() or "")["files"] == 0


# --- migrations -----------------------------------------------------------------------------

# Schema version 1 exactly as it was released: written out here, not taken from the module, so
# a later migration is always tested from what real version-1 databases hold.
V1_SCHEMA = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    routine_id TEXT NOT NULL,
    routine_version INTEGER NOT NULL,
    title TEXT NOT NULL,
    started_at TEXT NOT NULL,
    started_utc TEXT NOT NULL,
    ended_at TEXT NOT NULL,
    completed INTEGER NOT NULL CHECK (completed IN (0, 1)),
    pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    rpe INTEGER CHECK (rpe BETWEEN 0 AND 10),
    notes TEXT NOT NULL DEFAULT '',
    sensor TEXT,
    recording TEXT,
    source_file TEXT UNIQUE
);
CREATE INDEX sessions_by_start ON sessions (started_utc, id);
CREATE INDEX sessions_by_routine ON sessions (routine_id, started_utc);
CREATE TABLE steps (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('done', 'skipped')),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (session_id, status, position)
);
CREATE TABLE exercise_metrics (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    exercise TEXT NOT NULL,
    exercise_id TEXT,
    active_s REAL NOT NULL,
    gap_s REAL NOT NULL,
    band_low REAL,
    band_high REAL,
    symmetry REAL,
    UNIQUE (session_id, position)
);
CREATE INDEX exercise_metrics_by_exercise ON exercise_metrics (exercise_id);
CREATE TABLE channel_metrics (
    exercise_metrics_id INTEGER NOT NULL REFERENCES exercise_metrics (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    channel TEXT NOT NULL,
    muscle TEXT,
    side TEXT NOT NULL,
    unit TEXT NOT NULL,
    peak REAL,
    mean REAL,
    zone_s REAL,
    reps INTEGER NOT NULL CHECK (reps >= 0),
    onset_latency_s REAL,
    PRIMARY KEY (exercise_metrics_id, position)
);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('json_import', '{"at": "2025-03-01T00:00:00+00:00", "files": 0}');
INSERT INTO sessions VALUES (7, 'glute-bridge-progression', 2, 'Glute bridge progression',
    '2025-03-01T10:15:00+01:00', '2025-03-01T09:15:00.000000Z', '2025-03-01T10:31:30+01:00',
    1, 3, 2, 7, 'v1 notes', 'sim', '/r.csv', NULL);
INSERT INTO steps VALUES (7, 'done', 0, 'Glute bridge'), (7, 'done', 1, 'Rest'),
    (7, 'done', 2, 'Glute bridge'), (7, 'skipped', 0, 'Single-leg bridge');
INSERT INTO exercise_metrics VALUES (3, 7, 0, 'Glute bridge', 'glute-bridge', 40.0, 1.5,
    20.0, 40.0, 0.12);
INSERT INTO channel_metrics VALUES
    (3, 0, 'glute-left', 'gluteus_maximus', 'left', '%MVC', 62.5, 31.25, 12.5, 8, 0.21),
    (3, 1, 'glute-right', 'gluteus_maximus', 'right', '%MVC', NULL, 31.25, 12.5, 8, 0.21);
PRAGMA application_id = 1195593537;
PRAGMA user_version = 1;
"""
V1_SESSION = StoredSession(
    7, summary(pain_after=2, rpe=7, notes="v1 notes", metrics=[bridge()], recording="/r.csv",
               sensor="sim"),
)  # fmt: skip


def make_v0(path: Path) -> list[StoredSession]:
    """Version 0: no database yet (the JSON store of before); an empty file is the same."""
    path.write_bytes(b"")
    return []


def make_v1(path: Path) -> list[StoredSession]:
    db = raw(path)
    db.executescript(V1_SCHEMA)
    db.close()
    return [V1_SESSION]


EARLIER_VERSIONS = {0: make_v0, 1: make_v1}


def test_every_earlier_version_has_a_fixture() -> None:
    assert set(EARLIER_VERSIONS) == set(range(SCHEMA_VERSION + 1))
    assert APPLICATION_ID == 1195593537


@pytest.mark.parametrize("version", sorted(EARLIER_VERSIONS))
def test_migration_from_every_earlier_version(version: int, tmp_path: Path, nowhere: Path) -> None:
    path = tmp_path / DB_FILE
    expected = EARLIER_VERSIONS[version](path)
    with HistoryStore.open(path, import_from=nowhere) as opened:
        assert opened.notice is None
        assert opened.sessions() == expected
        new_id = opened.add(summary(title="After the migration", metrics=[squeeze()]))
        got = opened.get(new_id)
        assert got is not None
        assert got.summary.metrics == [squeeze()]
    db = raw(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.close()


def test_a_failed_migration_leaves_the_old_version(
    tmp_path: Path, nowhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("interrupted")

    monkeypatch.setattr(history, "MIGRATIONS", (broken,))
    path = tmp_path / DB_FILE
    with pytest.raises(HistoryError, match="interrupted"):
        HistoryStore.open(path, import_from=nowhere)
    db = raw(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 0
    assert db.execute("SELECT name FROM sqlite_master").fetchall() == []
    db.close()


def test_a_database_from_a_newer_version_is_left_alone(tmp_path: Path, nowhere: Path) -> None:
    path = tmp_path / DB_FILE
    make_v1(path)
    db = raw(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = path.read_bytes()
    with pytest.raises(HistoryError, match="newer version of Glute Coach"):
        HistoryStore.open(path, import_from=nowhere)
    assert path.read_bytes() == before
    assert list(tmp_path.glob("*.corrupt-*")) == []


# --- corruption -----------------------------------------------------------------------------


def corrupt_random(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def corrupt_truncated(path: Path) -> None:
    with HistoryStore.open(path, import_from=path.parent / "none") as opened:
        for n in range(200):
            opened.add(summary(title=f"S{n}", notes="x" * 500, metrics=[bridge()]))
    data = path.read_bytes()
    assert len(data) > 3 * 4096
    path.write_bytes(data[: len(data) // 3])


def corrupt_other_app(path: Path) -> None:
    db = raw(path)
    db.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    db.execute("INSERT INTO contacts VALUES ('a', '1')")
    db.close()


def corrupt_header_only(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)


@pytest.mark.parametrize(
    "damage", [corrupt_random, corrupt_truncated, corrupt_other_app, corrupt_header_only]
)
def test_a_damaged_database_is_moved_aside_and_a_new_one_works(damage: object) -> None:
    path = db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    damage(path)  # type: ignore[operator]
    Path(f"{path}-wal").write_bytes(b"stale wal")
    damaged = path.read_bytes()
    save_session(summary(title="From a JSON file"))  # re-imported into the new store
    with HistoryStore.open() as opened:
        assert opened.notice is not None
        assert opened.notice.startswith("Your session history could not be read (")
        assert opened.notice.endswith("and a new one was started.")
        assert "\n" not in opened.notice
        (aside,) = path.parent.glob("history.sqlite3.corrupt-*[0-9]")
        assert aside.name in opened.notice
        assert aside.read_bytes() == damaged
        if damage is corrupt_random:  # SQLite never read it: the log is kept beside it
            assert Path(f"{aside}-wal").read_bytes() == b"stale wal"
        assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").read_bytes() != b"stale wal"
        assert [s.summary.title for s in opened.sessions()] == ["From a JSON file"]
        opened.add(summary(title="New"))
        assert len(opened.sessions()) == 2
    with HistoryStore.open() as again:
        assert again.notice is None
        assert len(again.sessions()) == 2


def test_corrupt_names_never_collide(tmp_path: Path, nowhere: Path) -> None:
    path = tmp_path / DB_FILE
    for _ in range(2):
        corrupt_random(path)
        with HistoryStore.open(path, import_from=nowhere) as opened:
            assert opened.notice is not None
        path.unlink()
        for end in ("-wal", "-shm"):
            Path(f"{path}{end}").unlink(missing_ok=True)
    assert len(list(tmp_path.glob("history.sqlite3.corrupt-*"))) == 2


def test_a_folder_in_place_of_the_database_is_an_error_not_moved(
    tmp_path: Path, nowhere: Path
) -> None:
    path = tmp_path / DB_FILE
    path.mkdir()
    with pytest.raises(HistoryError, match="cannot be opened"):
        HistoryStore.open(path, import_from=nowhere)
    assert path.is_dir()


# --- CSV export -----------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_export(store: HistoryStore, tmp_path: Path) -> None:
    first = store.add(summary(pain_after=2, rpe=7, notes="=cmd|' /C calc'!A0, “ü”", metrics=[]))
    second = store.add(
        summary(started_at="2025-03-04T08:00:00+01:00", metrics=[bridge(), squeeze()])
    )
    sessions_csv, metrics_csv = tmp_path / "out" / "s.csv", tmp_path / "out" / "m.csv"
    assert export_csv(store, sessions_csv, metrics_csv) == 2
    assert sessions_csv.read_text(encoding="utf-8").splitlines()[0] == ",".join(SESSION_CSV_COLUMNS)
    rows = read_csv(sessions_csv)
    assert [r["session_id"] for r in rows] == [str(first), str(second)]
    assert rows[0]["date"] == "2025-03-01"
    assert rows[0]["started_at"] == "2025-03-01T10:15:00+01:00"
    assert rows[0]["duration_s"] == "990.0"
    assert rows[0]["steps_done"] == "3"
    assert rows[0]["steps_skipped"] == "1"
    assert (rows[0]["pain_before"], rows[0]["pain_after"], rows[0]["rpe"]) == ("3", "2", "7")
    assert rows[0]["notes"] == "'=cmd|' /C calc'!A0, “ü”"  # never a spreadsheet formula
    assert rows[1]["pain_after"] == ""
    metrics = read_csv(metrics_csv)
    assert list(metrics[0]) == list(METRICS_CSV_COLUMNS)
    assert [(m["exercise"], m["channel"]) for m in metrics] == [
        ("Glute bridge", "glute-left"),
        ("Glute bridge", "glute-right"),
        ("Glute squeeze", "pressure"),
    ]
    assert metrics[0]["session_id"] == str(second)
    assert metrics[0]["date"] == "2025-03-04"
    assert (metrics[0]["band_low"], metrics[0]["band_high"]) == ("20.0", "40.0")
    assert metrics[1]["peak"] == ""  # not measured
    assert metrics[2]["exercise_id"] == ""
    assert metrics[2]["unit"] == "mmHg"

    assert export_csv(store, sessions_csv, metrics_csv, since=date(2025, 3, 2)) == 1
    assert export_csv(store, sessions_csv, metrics_csv, routine_id="nope") == 0
    assert read_csv(sessions_csv) == []
    assert metrics_csv.read_text(encoding="utf-8").strip() == ",".join(METRICS_CSV_COLUMNS)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["m.csv", "s.csv"]
