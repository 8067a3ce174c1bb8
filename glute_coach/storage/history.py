"""The session history: every finished session in one SQLite database in the user data folder.

``user_data_dir()/history.sqlite3`` (standard-library ``sqlite3``, write-ahead log, foreign keys
on). ``PRAGMA user_version`` is the schema version and ``PRAGMA application_id`` marks the file as
ours. Opening a database applies the missing migrations of ``MIGRATIONS`` in order, each inside
one transaction with its new version number, so a crash leaves the old schema or the new one.

Tables (normalised, not JSON columns, so the history view, the report and progression can ask
SQL for one exercise's or one channel's values, and the CSV export is one join):

- ``sessions``: routine id, version and title, start and end (ISO 8601 as recorded, plus the
  start in UTC for ordering), completed, pain before and after, RPE, notes, the sensor, the path
  of the sensor recording, and the JSON file a session was imported from.
- ``steps``: one row per step done or skipped, in order within each list.
- ``exercise_metrics``: one row per exercise measured (``ExerciseMetrics``), in order.
- ``channel_metrics``: one row per channel of an exercise (``ChannelMetrics``), in order.
- ``meta``: key/value facts about the store, e.g. when the old JSON files were imported.

Safety: every write is one transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any
error). A file that is not a database, fails ``PRAGMA quick_check``, or belongs to another
application is moved aside (``history.sqlite3.corrupt-YYYYMMDD-HHMMSS`` with its ``-wal`` and
``-shm``) and a new store is made; ``HistoryStore.notice`` tells the user in one sentence. A
database from a newer version of the app, or one that is busy or cannot be reached (permissions,
a folder in its place), is never moved: ``HistoryError`` says what is wrong.

When a store is first made, every session JSON file of the old store (``storage.sessions``,
which the finish screen wrote before) is imported once; the files are left where they are.

A ``HistoryStore`` is used from the thread that opened it; open another one for another thread
or process (the write-ahead log lets readers read while one writer writes).
"""

from __future__ import annotations

import csv
import io
import json
import logging
import math
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType

from glute_coach.core.atomic import write_text_atomic
from glute_coach.core.metrics import ChannelMetrics, ExerciseMetrics
from glute_coach.storage.paths import user_data_dir
from glute_coach.storage.sessions import SessionSummary, load_sessions, sessions_dir, with_feedback

log = logging.getLogger("glute_coach.storage")

DB_FILE = "history.sqlite3"
APPLICATION_ID = 0x47434F41  # "GCOA": this file is a Glute Coach history
BUSY_TIMEOUT_S = 5.0
_SQLITE_HEADER = b"SQLite format 3\x00"
# sqlite3 result codes that mean the file itself is damaged or not a database.
_SQLITE_CORRUPT, _SQLITE_NOTADB, _SQLITE_FORMAT = 11, 26, 24
_CORRUPT_CODES = {_SQLITE_CORRUPT, _SQLITE_NOTADB, _SQLITE_FORMAT}
_META_JSON_IMPORT = "json_import"
_TABLES = ("sessions", "steps", "exercise_metrics", "channel_metrics", "meta")


class HistoryError(ValueError):
    """The history cannot be used or changed; the message is one plain line."""


class _UnusableError(Exception):
    """The database file is damaged or not ours: move it aside (internal)."""


def db_path() -> Path:
    return user_data_dir() / DB_FILE


@dataclass(frozen=True)
class StoredSession:
    """A session as kept in the history, with its id in the store."""

    id: int
    summary: SessionSummary


# --- migrations ---------------------------------------------------------------------------------


def _migrate_0_to_1(db: sqlite3.Connection) -> None:
    """The first schema: sessions, their steps, per-exercise and per-channel metrics, meta."""
    for statement in _SCHEMA_1:
        db.execute(statement)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


# One statement per item: ``executescript`` would commit the migration's transaction.
_SCHEMA_1 = (
    """CREATE TABLE sessions (
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
    )""",
    "CREATE INDEX sessions_by_start ON sessions (started_utc, id)",
    "CREATE INDEX sessions_by_routine ON sessions (routine_id, started_utc)",
    """CREATE TABLE steps (
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('done', 'skipped')),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (session_id, status, position)
    )""",
    """CREATE TABLE exercise_metrics (
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
    )""",
    "CREATE INDEX exercise_metrics_by_exercise ON exercise_metrics (exercise_id)",
    """CREATE TABLE channel_metrics (
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
    )""",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)

# MIGRATIONS[n] takes a database at version n to version n + 1. Append, never edit: a released
# migration is what every older database goes through (tests build each old version from SQL).
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_migrate_0_to_1,)
SCHEMA_VERSION = len(MIGRATIONS)


# --- opening ------------------------------------------------------------------------------------


def _error_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None  # the primary code of an extended one


def _looks_like_sqlite(path: Path) -> bool:
    """False for a non-empty file that does not start with SQLite's header."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        return True
    except IsADirectoryError:
        return True  # not ours to move: sqlite3 says it cannot be opened
    except OSError as exc:
        raise HistoryError(
            f"the session history {path} cannot be read ({exc.strerror or exc})"
        ) from None
    return not head or head == _SQLITE_HEADER


def _tables(db: sqlite3.Connection) -> set[str]:
    rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {str(row[0]) for row in rows}


def _migrate(db: sqlite3.Connection) -> None:
    """Apply every missing migration in order, each in its own transaction."""
    while True:
        db.execute("BEGIN IMMEDIATE")
        try:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if version >= SCHEMA_VERSION:
                db.execute("COMMIT")
                return
            MIGRATIONS[version](db)
            db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        log.info("session history: migrated to schema version %d", version + 1)


def _connect(path: Path) -> sqlite3.Connection:
    """A checked, migrated connection; _UnusableError when the file is damaged or not ours."""
    if not _looks_like_sqlite(path):
        raise _UnusableError("it is not a database")
    try:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as exc:
        if _error_code(exc) in _CORRUPT_CODES:
            raise _UnusableError(str(exc)) from None
        raise HistoryError(f"the session history {path} cannot be opened ({exc})") from None
    try:
        db.execute("PRAGMA foreign_keys = ON")
        check = db.execute("PRAGMA quick_check").fetchall()
        if check != [("ok",)]:
            raise _UnusableError("it is damaged")
        app_id = int(db.execute("PRAGMA application_id").fetchone()[0])
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if app_id != APPLICATION_ID and (version != 0 or _tables(db)):
            raise _UnusableError("it belongs to another program")
        if version > SCHEMA_VERSION:
            raise HistoryError(
                f"the session history {path} was made by a newer version of Glute Coach "
                f"(schema {version}, this version reads up to {SCHEMA_VERSION}); "
                "please update the app"
            )
        mode = str(db.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        if mode.lower() != "wal":
            log.warning("session history: write-ahead log not available, using %s", mode)
        _migrate(db)
        missing = set(_TABLES) - _tables(db)
        if missing:
            raise _UnusableError(f"its {', '.join(sorted(missing))} table is missing")
    except sqlite3.Error as exc:
        db.close()
        if _error_code(exc) in _CORRUPT_CODES:
            log.warning("session history %s: %s", path, exc)
            raise _UnusableError("it is damaged") from None
        raise HistoryError(f"the session history {path} cannot be opened ({exc})") from None
    except BaseException:
        db.close()
        raise
    return db


def _move_aside(path: Path) -> Path:
    """Rename the database and its -wal/-shm to ``NAME.corrupt-YYYYMMDD-HHMMSS[-N]``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 2
    while any(Path(f"{target}{end}").exists() for end in ("", "-wal", "-shm")):
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    try:
        for end in ("-wal", "-shm", ""):
            source = Path(f"{path}{end}")
            if source.exists():
                source.replace(Path(f"{target}{end}"))
    except OSError as exc:
        raise HistoryError(
            f"the session history {path} is damaged and could not be moved aside "
            f"({exc.strerror or exc})"
        ) from None
    return target


def _utc(iso: str) -> str:
    """The start as UTC text that sorts in time order (local time when no offset was kept)."""
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if when.tzinfo is None:
        when = when.astimezone()
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


# --- the store ----------------------------------------------------------------------------------

_SESSION_COLUMNS = (
    "id, routine_id, routine_version, title, started_at, ended_at, completed, "
    "pain_before, pain_after, rpe, notes, sensor, recording"
)


class HistoryStore:
    """The session history. Make one with ``HistoryStore.open()``; close it (or use ``with``)."""

    def __init__(
        self, db: sqlite3.Connection, path: Path, damage: tuple[str, Path] | None = None
    ) -> None:
        self._db: sqlite3.Connection | None = db
        self.path = path
        # why an earlier history could not be read, and where it was moved: tell the user once
        self.damage = damage

    @property
    def notice(self) -> str | None:
        """The damage in one English sentence (the app says it in the user's language)."""
        if self.damage is None:
            return None
        reason, moved = self.damage
        return (
            f"Your session history could not be read ({reason}), so it was kept as "
            f"{moved.name} and a new one was started."
        )

    @classmethod
    def open(cls, path: Path | None = None, *, import_from: Path | None = None) -> HistoryStore:
        """Open (creating or migrating) the history at ``path`` (default ``db_path()``).

        A new store first imports the session JSON files in ``import_from`` (default
        ``sessions_dir()``). Raises ``HistoryError`` when the history cannot be used at all.
        """
        path = path or db_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HistoryError(
                f"the folder {path.parent} cannot be made ({exc.strerror or exc})"
            ) from None
        damage = None
        try:
            db = _connect(path)
        except _UnusableError as exc:
            moved = _move_aside(path)
            log.info(  # the caller tells the user (damage)
                "session history %s: %s; moved aside to %s", path, exc, moved
            )
            damage = (str(exc), moved)
            try:
                db = _connect(path)
            except _UnusableError as again:
                raise HistoryError(
                    f"a new session history cannot be made at {path} ({again})"
                ) from None
        store = cls(db, path, damage)
        try:
            store._import_json(import_from or sessions_dir())
        except BaseException:
            store.close()
            raise
        return store

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # --- transactions --------------------------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise HistoryError("the session history is closed")
        return self._db

    @contextmanager
    def _transaction(self, begin: str) -> Iterator[sqlite3.Connection]:
        db = self._conn()
        try:
            db.execute(begin)
            yield db
            db.execute("COMMIT")
        except BaseException as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise HistoryError(f"the session history could not be used ({exc})") from None
            raise

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction: everything in it is kept, or nothing."""
        return self._transaction("BEGIN IMMEDIATE")

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        """One read transaction: a consistent snapshot while others write."""
        return self._transaction("BEGIN")

    # --- writing -------------------------------------------------------------------------------

    def add(self, summary: SessionSummary) -> int:
        """Keep a finished session; returns its id."""
        with self._write() as db:
            return _insert(db, summary)

    def update_feedback(
        self, session_id: int, *, pain_after: int | None, rpe: int | None, notes: str
    ) -> None:
        """Change what the person said after a session (checked like ``SessionSummary``)."""
        with self._write() as db:
            found = _select(db, "s.id = ?", (session_id,))
            if not found:
                raise HistoryError(f"there is no session {session_id} in the history")
            changed = with_feedback(found[0].summary, pain_after=pain_after, rpe=rpe, notes=notes)
            db.execute(
                "UPDATE sessions SET pain_after = ?, rpe = ?, notes = ? WHERE id = ?",
                (changed.pain_after, changed.rpe, changed.notes, session_id),
            )

    def delete(self, session_id: int) -> None:
        """Remove a session with its steps and metrics (nothing happens when it is not there)."""
        with self._write() as db:
            db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    # --- reading -------------------------------------------------------------------------------

    def sessions(
        self, *, since: date | None = None, routine_id: str | None = None
    ) -> list[StoredSession]:
        """Sessions started on or after ``since`` (their own local date), oldest first."""
        where, params = _filters(since, routine_id)
        with self._read() as db:
            return _select(db, where, params)

    def get(self, session_id: int) -> StoredSession | None:
        with self._read() as db:
            found = _select(db, "s.id = ?", (session_id,))
        return found[0] if found else None

    def metrics(
        self,
        *,
        routine_id: str | None = None,
        exercise_id: str | None = None,
        since: date | None = None,
    ) -> list[tuple[StoredSession, ExerciseMetrics]]:
        """Every exercise measured (of one exercise id, when given), oldest session first."""
        out: list[tuple[StoredSession, ExerciseMetrics]] = []
        for stored in self.sessions(since=since, routine_id=routine_id):
            for item in stored.summary.metrics:
                if exercise_id is None or item.exercise_id == exercise_id:
                    out.append((stored, item))
        return out

    def imported_json(self) -> str | None:
        """What the import of the old session files recorded (JSON text), or None."""
        with self._read() as db:
            row = db.execute(
                "SELECT value FROM meta WHERE key = ?", (_META_JSON_IMPORT,)
            ).fetchone()
        return None if row is None else str(row[0])

    # --- the old store -------------------------------------------------------------------------

    def _import_json(self, folder: Path) -> None:
        """Import every session JSON file in ``folder`` once per database; files stay."""
        if self.imported_json() is not None:
            return
        found = load_sessions(folder) if folder.is_dir() else []
        with self._write() as db:
            if db.execute("SELECT 1 FROM meta WHERE key = ?", (_META_JSON_IMPORT,)).fetchone():
                return  # another process imported them meanwhile
            count = 0
            for file, summary in found:
                known = db.execute(
                    "SELECT 1 FROM sessions WHERE source_file = ?", (file.name,)
                ).fetchone()
                if known is None:
                    _insert(db, summary, source_file=file.name)
                    count += 1
            record = json.dumps({"at": _now_iso(), "folder": str(folder), "files": count})
            db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (_META_JSON_IMPORT, record))
        if count:
            log.info("session history: imported %d session files from %s", count, folder)


def _filters(since: date | None, routine_id: str | None) -> tuple[str, tuple[str, ...]]:
    where: list[str] = []
    params: list[str] = []
    if since is not None:
        where.append("substr(s.started_at, 1, 10) >= ?")
        params.append(since.isoformat())
    if routine_id is not None:
        where.append("s.routine_id = ?")
        params.append(routine_id)
    return " AND ".join(where) or "1", tuple(params)


def _finite(value: object) -> float | None:
    if value is None or isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _insert(db: sqlite3.Connection, summary: SessionSummary, source_file: str | None = None) -> int:
    cursor = db.execute(
        "INSERT INTO sessions (routine_id, routine_version, title, started_at, started_utc, "
        "ended_at, completed, pain_before, pain_after, rpe, notes, sensor, recording, "
        "source_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            summary.routine_id,
            summary.routine_version,
            summary.title,
            summary.started_at,
            _utc(summary.started_at),
            summary.ended_at,
            int(summary.completed),
            summary.pain_before,
            summary.pain_after,
            summary.rpe,
            summary.notes,
            summary.sensor,
            summary.recording,
            source_file,
        ),
    )
    session_id = cursor.lastrowid
    assert session_id is not None
    for status, names in (("done", summary.steps_done), ("skipped", summary.steps_skipped)):
        db.executemany(
            "INSERT INTO steps (session_id, status, position, name) VALUES (?, ?, ?, ?)",
            [(session_id, status, n, name) for n, name in enumerate(names)],
        )
    for position, item in enumerate(summary.metrics):
        data = item.to_json()  # the same normalising as the JSON store: NaN is "not measured"
        band = data["band"]
        row = db.execute(
            "INSERT INTO exercise_metrics (session_id, position, exercise, exercise_id, "
            "active_s, gap_s, band_low, band_high, symmetry) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                position,
                data["exercise"],
                data["exercise_id"],
                data["active_s"],
                data["gap_s"],
                None if band is None else band[0],
                None if band is None else band[1],
                data["symmetry"],
            ),
        )
        db.executemany(
            "INSERT INTO channel_metrics (exercise_metrics_id, position, channel, muscle, side, "
            "unit, peak, mean, zone_s, reps, onset_latency_s) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    row.lastrowid,
                    n,
                    c["channel"],
                    c["muscle"],
                    c["side"],
                    c["unit"],
                    c["peak"],
                    c["mean"],
                    c["zone_s"],
                    c["reps"],
                    c["onset_latency_s"],
                )
                for n, c in enumerate(data["channels"])
            ],
        )
    return session_id


def _select(db: sqlite3.Connection, where: str, params: Sequence[object]) -> list[StoredSession]:
    """Sessions matching ``where`` (on alias ``s``) with their steps and metrics, oldest first."""
    chosen = f"SELECT s.id FROM sessions s WHERE {where}"
    steps: dict[int, dict[str, list[str]]] = {}
    for session_id, status, name in db.execute(
        f"SELECT session_id, status, name FROM steps WHERE session_id IN ({chosen}) "
        "ORDER BY session_id, status, position",
        params,
    ):
        steps.setdefault(session_id, {"done": [], "skipped": []})[status].append(name)
    channels: dict[int, list[ChannelMetrics]] = {}
    for row in db.execute(
        "SELECT c.exercise_metrics_id, c.channel, c.muscle, c.side, c.unit, c.peak, c.mean, "
        "c.zone_s, c.reps, c.onset_latency_s FROM channel_metrics c "
        "JOIN exercise_metrics e ON e.id = c.exercise_metrics_id "
        f"WHERE e.session_id IN ({chosen}) ORDER BY c.exercise_metrics_id, c.position",
        params,
    ):
        channels.setdefault(row[0], []).append(
            ChannelMetrics(
                channel=row[1],
                muscle=row[2],
                side=row[3],
                unit=row[4],
                peak=_finite(row[5]),
                mean=_finite(row[6]),
                zone_s=_finite(row[7]),
                reps=int(row[8]),
                onset_latency_s=_finite(row[9]),
            )
        )
    metrics: dict[int, list[ExerciseMetrics]] = {}
    for row in db.execute(
        "SELECT id, session_id, exercise, exercise_id, active_s, gap_s, band_low, band_high, "
        f"symmetry FROM exercise_metrics WHERE session_id IN ({chosen}) "
        "ORDER BY session_id, position",
        params,
    ):
        low, high = _finite(row[6]), _finite(row[7])
        metrics.setdefault(row[1], []).append(
            ExerciseMetrics(
                exercise=row[2],
                exercise_id=row[3],
                active_s=float(row[4]),
                gap_s=float(row[5]),
                band=None if low is None or high is None else (low, high),
                channels=channels.get(row[0], []),
                symmetry=_finite(row[8]),
            )
        )
    out: list[StoredSession] = []
    for row in db.execute(
        f"SELECT {_SESSION_COLUMNS} FROM sessions s WHERE {where} ORDER BY s.started_utc, s.id",
        params,
    ):
        session_id = int(row[0])
        named = steps.get(session_id, {"done": [], "skipped": []})
        summary = SessionSummary(
            routine_id=row[1],
            routine_version=int(row[2]),
            title=row[3],
            started_at=row[4],
            ended_at=row[5],
            completed=bool(row[6]),
            steps_done=named["done"],
            steps_skipped=named["skipped"],
            pain_before=row[7],
            pain_after=row[8],
            rpe=row[9],
            notes=row[10],
            metrics=metrics.get(session_id, []),
            sensor=row[11],
            recording=row[12],
        )
        out.append(StoredSession(session_id, summary))
    return out


# --- CSV export ---------------------------------------------------------------------------------

SESSION_CSV_COLUMNS = (
    "session_id",
    "date",
    "started_at",
    "ended_at",
    "duration_s",
    "routine_id",
    "routine_version",
    "title",
    "completed",
    "steps_done",
    "steps_skipped",
    "pain_before",
    "pain_after",
    "rpe",
    "notes",
    "sensor",
    "recording",
)
METRICS_CSV_COLUMNS = (
    "session_id",
    "date",
    "started_at",
    "routine_id",
    "exercise_index",
    "exercise",
    "exercise_id",
    "active_s",
    "gap_s",
    "band_low",
    "band_high",
    "symmetry",
    "channel",
    "muscle",
    "side",
    "unit",
    "peak",
    "mean",
    "zone_s",
    "reps",
    "onset_latency_s",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text_cell(value: str | None) -> str:
    """Free text for a spreadsheet: a leading ``=`` (etc.) is quoted so it is never a formula."""
    if value is None:
        return ""
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ""
    return value


def _session_date(summary: SessionSummary) -> str:
    try:
        return datetime.fromisoformat(summary.started_at).date().isoformat()
    except ValueError:
        return summary.started_at[:10]


def session_csv_row(stored: StoredSession) -> list[object]:
    s = stored.summary
    duration = s.duration_s
    return [
        _cell(value)
        for value in (
            stored.id,
            _session_date(s),
            s.started_at,
            s.ended_at,
            duration,
            _text_cell(s.routine_id),
            s.routine_version,
            _text_cell(s.title),
            s.completed,
            len(s.steps_done),
            len(s.steps_skipped),
            s.pain_before,
            s.pain_after,
            s.rpe,
            _text_cell(s.notes),
            _text_cell(s.sensor),
            _text_cell(s.recording),
        )
    ]


def metrics_csv_rows(stored: StoredSession) -> list[list[object]]:
    """One row per channel per exercise (an exercise without channels: one row, no channel)."""
    s = stored.summary
    rows: list[list[object]] = []
    for index, item in enumerate(s.metrics, start=1):
        data = item.to_json()
        band = data["band"] or [None, None]
        head = [
            stored.id,
            _session_date(s),
            s.started_at,
            _text_cell(s.routine_id),
            index,
            _text_cell(item.exercise),
            _text_cell(item.exercise_id),
            data["active_s"],
            data["gap_s"],
            band[0],
            band[1],
            data["symmetry"],
        ]
        channels = data["channels"] or [None]
        for c in channels:
            tail: list[object] = (
                [None] * 9
                if c is None
                else [
                    _text_cell(c["channel"]),
                    _text_cell(c["muscle"]),
                    c["side"],
                    _text_cell(c["unit"]),
                    c["peak"],
                    c["mean"],
                    c["zone_s"],
                    c["reps"],
                    c["onset_latency_s"],
                ]
            )
            rows.append([_cell(v) for v in (*head, *tail)])
    return rows


def export_csv(
    store: HistoryStore,
    sessions_path: Path,
    metrics_path: Path,
    *,
    since: date | None = None,
    routine_id: str | None = None,
) -> int:
    """Write the sessions and their metrics as two CSV files (UTF-8, header row, ISO dates).

    Each file is written atomically. Returns the number of sessions written.
    """
    chosen = store.sessions(since=since, routine_id=routine_id)
    sessions_out, metrics_out = io.StringIO(), io.StringIO()
    sessions_csv = csv.writer(sessions_out, lineterminator="\n")
    metrics_csv = csv.writer(metrics_out, lineterminator="\n")
    sessions_csv.writerow(SESSION_CSV_COLUMNS)
    metrics_csv.writerow(METRICS_CSV_COLUMNS)
    for stored in chosen:
        sessions_csv.writerow(session_csv_row(stored))
        metrics_csv.writerows(metrics_csv_rows(stored))
    write_text_atomic(sessions_path, sessions_out.getvalue(), newline="")
    write_text_atomic(metrics_path, metrics_out.getvalue(), newline="")
    return len(chosen)
