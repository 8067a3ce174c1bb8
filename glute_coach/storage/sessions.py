"""Finished sessions, kept on this computer: one small versioned JSON file per session.

Files live in ``user_data_dir()/sessions/`` and are named after the start time and routine, e.g.
``20250301T101500-glute-bridge-progression.json``. Each holds ``{"version": 2, ...}`` and the
fields of ``SessionSummary``; older files are upgraded step by step when read (``_UPGRADES``).
Writes are atomic (temporary file, fsync, rename), so a crash leaves the old file or none, never
half a file. A later SQLite store can import these files.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from glute_coach.core.atomic import write_text_atomic
from glute_coach.core.metrics import ExerciseMetrics
from glute_coach.storage.paths import user_data_dir

log = logging.getLogger("glute_coach.storage")

SESSIONS_VERSION = 2
SESSIONS_DIR = "sessions"
MAX_NOTES = 5000
MAX_SESSION_BYTES = 1024 * 1024
_SAFE_NAME = re.compile(r"[^a-z0-9-]+")


class SessionFileError(ValueError):
    """A session file that cannot be read; the message says which file and why."""


@dataclass(frozen=True)
class SessionSummary:
    """What was done in one session, and how it felt."""

    routine_id: str
    routine_version: int
    title: str
    started_at: str  # ISO 8601 with the local UTC offset
    ended_at: str
    completed: bool  # reached the end (False: stopped early)
    steps_done: list[str] = field(default_factory=list)
    steps_skipped: list[str] = field(default_factory=list)
    pain_before: int | None = None  # 0..10
    pain_after: int | None = None  # 0..10
    rpe: int | None = None  # effort, 0..10
    notes: str = ""
    metrics: list[ExerciseMetrics] = field(default_factory=list)  # one per exercise measured
    recording: str | None = None  # the sensor recording (CSV) of this session
    sensor: str | None = None  # the sensor source or profile the session used

    def __post_init__(self) -> None:
        for name in ("pain_before", "pain_after", "rpe"):
            value = getattr(self, name)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10
            ):
                raise ValueError(f"{name} must be a whole number from 0 to 10, got {value!r}")
        if len(self.notes) > MAX_NOTES:
            raise ValueError(f"notes are at most {MAX_NOTES} characters")

    @property
    def duration_s(self) -> float | None:
        """Wall-clock seconds from start to end, when both times can be read."""
        try:
            start = datetime.fromisoformat(self.started_at)
            end = datetime.fromisoformat(self.ended_at)
        except ValueError:
            return None
        return max((end - start).total_seconds(), 0.0)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["metrics"] = [m.to_json() for m in self.metrics]
        return {"version": SESSIONS_VERSION, **out}

    @classmethod
    def from_json(cls, data: Any) -> SessionSummary:
        """Read a stored session; raises ValueError saying what is wrong."""
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        version = data.get("version")
        if (
            isinstance(version, bool)
            or not isinstance(version, int)
            or not 1 <= version <= SESSIONS_VERSION
        ):
            raise ValueError(f"unknown session file version {version!r}")
        for step in range(version, SESSIONS_VERSION):
            data = _UPGRADES[step](data)
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        missing = sorted(
            n
            for n in (
                "routine_id",
                "routine_version",
                "title",
                "started_at",
                "ended_at",
                "completed",
            )
            if n not in values
        )
        if missing:
            raise ValueError(f"missing {', '.join(missing)}")
        _check_types(values)
        values["metrics"] = _read_metrics(values.get("metrics", []))
        return cls(**values)


def _upgrade_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 added the biofeedback results: a version 1 session had no sensor."""
    out = dict(data)
    out.setdefault("metrics", [])
    out.setdefault("recording", None)
    out.setdefault("sensor", None)
    return out


_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _upgrade_1_to_2}


def _read_metrics(items: Any) -> list[ExerciseMetrics]:
    if not isinstance(items, list):
        raise ValueError("'metrics' must be a list of exercise results")
    metrics: list[ExerciseMetrics] = []
    for n, item in enumerate(items, start=1):
        try:
            metrics.append(ExerciseMetrics.from_json(item))
        except ValueError as exc:
            raise ValueError(f"'metrics' item {n}: {exc}") from None
    return metrics


def _check_types(values: dict[str, Any]) -> None:
    expected: dict[str, tuple[type, ...]] = {
        "routine_id": (str,),
        "routine_version": (int,),
        "title": (str,),
        "started_at": (str,),
        "ended_at": (str,),
        "completed": (bool,),
        "notes": (str,),
        "recording": (str, type(None)),
        "sensor": (str, type(None)),
    }
    for name, types in expected.items():
        if name in values and not isinstance(values[name], types):
            raise ValueError(f"'{name}' has the wrong type")
    for name in ("steps_done", "steps_skipped"):
        if name in values:
            items = values[name]
            if not isinstance(items, list) or not all(isinstance(s, str) for s in items):
                raise ValueError(f"'{name}' must be a list of step names")


def now_iso() -> str:
    """The current local time as ISO 8601 with its UTC offset, to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def sessions_dir() -> Path:
    return user_data_dir() / SESSIONS_DIR


def _file_stem(summary: SessionSummary) -> str:
    try:
        when = datetime.fromisoformat(summary.started_at).strftime("%Y%m%dT%H%M%S")
    except ValueError:
        when = datetime.now().strftime("%Y%m%dT%H%M%S")
    name = _SAFE_NAME.sub("-", summary.routine_id.lower()).strip("-")[:64] or "routine"
    return f"{when}-{name}"


def save_session(
    summary: SessionSummary, *, path: Path | None = None, folder: Path | None = None
) -> Path:
    """Write ``summary`` atomically and return its file.

    With ``path`` the file is replaced (saving the same session again after an edit); otherwise a
    new file is made in ``folder`` (default ``sessions_dir()``), never overwriting another one.
    """
    if path is None:
        folder = folder or sessions_dir()
        folder.mkdir(parents=True, exist_ok=True)
        stem = _file_stem(summary)
        path = folder / f"{stem}.json"
        n = 2
        while path.exists():
            path = folder / f"{stem}-{n}.json"
            n += 1
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(summary.to_json(), indent=2, ensure_ascii=False) + "\n"
    return write_text_atomic(path, text)


def read_session(path: Path) -> SessionSummary:
    """One stored session; raises SessionFileError naming the file and the problem."""
    try:
        if path.stat().st_size > MAX_SESSION_BYTES:
            raise SessionFileError(f"{path}: is too large to be a session file")
        data = json.loads(path.read_text(encoding="utf-8"))
        return SessionSummary.from_json(data)
    except SessionFileError:
        raise
    except OSError as exc:
        raise SessionFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except (ValueError, TypeError) as exc:  # JSONDecodeError is a ValueError
        raise SessionFileError(f"{path}: {exc}") from None


def load_sessions(folder: Path | None = None) -> list[tuple[Path, SessionSummary]]:
    """Every readable stored session, oldest first; unreadable files are logged and skipped."""
    folder = folder or sessions_dir()
    if not folder.is_dir():
        return []
    found: list[tuple[Path, SessionSummary]] = []
    for path in sorted(folder.glob("*.json")):
        if path.name.startswith("."):
            continue
        try:
            found.append((path, read_session(path)))
        except SessionFileError as exc:
            log.warning("skipping a session file: %s", exc)
    found.sort(key=lambda item: (item[1].started_at, item[0].name))
    return found


def with_feedback(
    summary: SessionSummary, *, pain_after: int | None, rpe: int | None, notes: str
) -> SessionSummary:
    """The summary with what the person said after the session."""
    return replace(summary, pain_after=pain_after, rpe=rpe, notes=notes.strip())
