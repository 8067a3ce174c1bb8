"""The kiosk's folder of routines: the only routines a kiosk shows.

Every ``*.json`` file in the folder is loaded with ``core.loading.load_routine``; a file that
is not a valid routine is skipped and logged (one line each), never shown to visitors. A
missing, unreadable or empty folder gives no routines and a ``FolderState`` saying why, for
staff to read after the PIN.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from glute_coach.core.loading import ClipCheck, LoadedRoutine, RoutineLoadError, load_routine
from glute_coach.storage.library import routine_files

log = logging.getLogger("glute_coach.kiosk")

MAX_ROUTINES = 200  # a kiosk shows a handful; a huge folder must not stall start-up


class FolderState(StrEnum):
    OK = "ok"  # at least one routine (some may have been skipped)
    MISSING = "missing"  # no such folder
    NOT_A_FOLDER = "not-a-folder"
    UNREADABLE = "unreadable"
    EMPTY = "empty"  # no routine files in it
    ALL_INVALID = "all-invalid"  # routine files, none of them valid


@dataclass(frozen=True)
class SkippedRoutine:
    path: Path
    problems: tuple[str, ...]


@dataclass(frozen=True)
class KioskFolder:
    folder: Path
    routines: tuple[LoadedRoutine, ...]
    skipped: tuple[SkippedRoutine, ...]
    state: FolderState

    @property
    def ok(self) -> bool:
        return self.state is FolderState.OK and not self.skipped


def scan_kiosk_folder(folder: Path, *, clip_check: ClipCheck | None = None) -> KioskFolder:
    """The valid routines in ``folder`` (sorted by file name), and what was skipped and why."""
    try:
        if not folder.exists():
            state = FolderState.MISSING
        elif not folder.is_dir():
            state = FolderState.NOT_A_FOLDER
        else:
            state = FolderState.OK
            files = routine_files(folder)
    except OSError as exc:
        log.warning("kiosk folder %s cannot be read: %s", folder, exc)
        return KioskFolder(folder, (), (), FolderState.UNREADABLE)
    if state is not FolderState.OK:
        log.warning("kiosk folder %s: %s", folder, state.value)
        return KioskFolder(folder, (), (), state)
    if not files:
        log.warning("kiosk folder %s holds no routine files", folder)
        return KioskFolder(folder, (), (), FolderState.EMPTY)
    routines: list[LoadedRoutine] = []
    skipped: list[SkippedRoutine] = []
    for path in files[:MAX_ROUTINES]:
        try:
            routines.append(load_routine(path, clip_check=clip_check))
            continue
        except RoutineLoadError as exc:
            problems = tuple(str(p) for p in exc.problems)
        except (OSError, ValueError) as exc:  # defensive: load_routine reports its own
            problems = (f"{path}: {exc}",)
        skipped.append(SkippedRoutine(path, problems))
        log.warning("kiosk: skipped %s: %s", path.name, " | ".join(problems))
    if len(files) > MAX_ROUTINES:
        log.warning("kiosk folder %s: only the first %d files are used", folder, MAX_ROUTINES)
    state = FolderState.OK if routines else FolderState.ALL_INVALID
    return KioskFolder(folder, tuple(routines), tuple(skipped), state)
