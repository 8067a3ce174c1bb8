"""The routine library: bundled routines plus the user's own, found by file or by id."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from glute_coach.core.loading import LoadedRoutine, Problem, RoutineLoadError, load_routine
from glute_coach.core.resources import bundled_routines_dir
from glute_coach.core.schema import SCHEMA_FILE
from glute_coach.storage.paths import user_routines_dir


class Source(StrEnum):
    BUNDLED = "bundled"
    USER = "user"
    FILE = "file"


@dataclass(frozen=True)
class LibraryEntry:
    path: Path
    source: Source
    loaded: LoadedRoutine | None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.loaded is not None


def routine_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    # Routines imported from a package live in their own folder beside their pictures.
    files = [*folder.glob("*.json"), *folder.glob("*/routine.json")]
    return sorted(p for p in files if p.name != SCHEMA_FILE and p.is_file())


def load_entry(path: Path, source: Source) -> LibraryEntry:
    try:
        return LibraryEntry(path, source, load_routine(path))
    except RoutineLoadError as exc:
        return LibraryEntry(path, source, None, tuple(exc.problems))


def scan_library() -> Iterator[LibraryEntry]:
    """Bundled routines first, then the user's; invalid files come back with their problems."""
    for source, folder in (
        (Source.BUNDLED, bundled_routines_dir()),
        (Source.USER, user_routines_dir()),
    ):
        for path in routine_files(folder):
            yield load_entry(path, source)


def find_routine(ref: str) -> Path | None:
    """A routine named by file path, or by id among the bundled and user routines."""
    candidate = Path(ref).expanduser()
    if candidate.suffix == ".json" or candidate.exists():
        return candidate
    for folder in (user_routines_dir(), bundled_routines_dir()):
        direct = folder / f"{ref}.json"
        if direct.is_file():
            return direct
    for entry in scan_library():
        if entry.loaded is not None and entry.loaded.routine.id == ref:
            return entry.path
    return None
