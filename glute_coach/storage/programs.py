"""Client programs: routines adapted for one client, saved beside the user's own routines.

A program is written as a new file named after its id, in the user routines folder by default,
so the library lists it. Nothing is ever overwritten: when the id (or a file of that name) is
taken, ``-2``, ``-3``, … is added to both. The write is atomic (a temporary file, fsync, then a
hard link that fails rather than replace an existing file), and the file is read back through
the same loader the app uses before it counts as saved. The routine it was adapted from is
never touched.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from glute_coach.core.editing import document, with_id
from glute_coach.core.loading import RoutineLoadError, load_routine, resolve_asset
from glute_coach.core.resources import bundled_routines_dir
from glute_coach.core.routine import (
    BUILTIN_ASSET_PREFIX,
    Cues,
    ExerciseStep,
    RepeatStep,
    Routine,
    Step,
)
from glute_coach.core.schema import SCHEMA_FILE
from glute_coach.storage.paths import user_routines_dir

MAX_ATTEMPTS = 1000


class ProgramSaveError(ValueError):
    """The program could not be saved; the message says why in one line."""


def save_client_program(
    routine: Routine, folder: Path | None = None, *, assets_from: Path | None = None
) -> Path:
    """Write ``routine`` as a new file in ``folder`` (default: the user routines folder).

    ``assets_from`` is the folder of the routine it was adapted from: files it names by a
    relative path (``images/me.svg``) are copied alongside when missing, so the program loads
    from its new place. Returns the new file; raises ``ProgramSaveError`` (a ValueError) with a
    plain message when it cannot be saved.
    """
    folder = user_routines_dir() if folder is None else folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _bring_assets(routine, folder, assets_from)
        taken = _taken_ids(folder)
        for attempt in range(1, MAX_ATTEMPTS + 1):
            candidate = _candidate(routine, attempt)
            if candidate.id in taken:
                continue
            path = folder / f"{candidate.id}.json"
            if _write_new(path, candidate):
                break
            taken.add(candidate.id)
        else:
            raise ProgramSaveError(f"no free file name for '{routine.id}' in {folder}")
    except OSError as exc:
        raise ProgramSaveError(
            f"could not save the program in {folder} ({exc.strerror or exc})"
        ) from None
    try:
        load_routine(path)
    except RoutineLoadError as exc:  # not expected: the routine was valid; keep nothing broken
        path.unlink(missing_ok=True)
        first = exc.problems[0]
        raise ProgramSaveError(f"the saved program did not load back: {first.message}") from None
    return path


def _candidate(routine: Routine, attempt: int) -> Routine:
    return routine if attempt == 1 else with_id(routine, _suffixed(routine.id, attempt))


def _suffixed(routine_id: str, attempt: int) -> str:
    tail = f"-{attempt}"
    return routine_id[: 64 - len(tail)].rstrip("-") + tail


def _taken_ids(folder: Path) -> set[str]:
    """Ids in use: the bundled routines' and every routine file's in ``folder`` (or its name)."""
    taken: set[str] = set()
    for where in (folder, bundled_routines_dir()):
        if not where.is_dir():
            continue
        for path in where.glob("*.json"):
            if path.name == SCHEMA_FILE:
                continue
            taken.add(path.stem)
            with contextlib.suppress(OSError, ValueError):
                if path.stat().st_size <= 1024 * 1024:
                    data = json.loads(path.read_text(encoding="utf-8-sig"))
                    if isinstance(data, dict) and isinstance(data.get("id"), str):
                        taken.add(data["id"])
    return taken


def _write_new(path: Path, routine: Routine) -> bool:
    """Write atomically, never replacing a file; False when ``path`` already exists."""
    if path.exists():
        return False
    text = json.dumps(document(routine), indent=2, ensure_ascii=False) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".program-", suffix=".json.tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)  # atomic, and fails when the name is taken
        except FileExistsError:
            return False
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                raise
            if path.exists():  # no hard links here: check, then rename
                return False
            Path(tmp).replace(path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return True


# --- files the program names -----------------------------------------------------------------


def _relative_refs(routine: Routine) -> Iterable[str]:
    def cue_clips(cues: Cues) -> Iterable[str]:
        for cue in (cues.start, cues.end, cues.halfway, *cues.at):
            clip = getattr(cue, "clip", None)
            if isinstance(clip, str):
                yield clip

    def walk(steps: Iterable[Step]) -> Iterable[str]:
        for step in steps:
            if isinstance(step, RepeatStep):
                yield from walk(step.steps)
                continue
            image = getattr(step, "image", None)
            if isinstance(image, str):
                yield image
            if isinstance(step, ExerciseStep):
                yield from cue_clips(step.cues)

    for ref in walk(routine.steps):
        if not ref.startswith(BUILTIN_ASSET_PREFIX):
            yield ref


def _bring_assets(routine: Routine, folder: Path, assets_from: Path | None) -> None:
    """Copy the files the program names beside it; refuse to replace a different file."""
    for ref in dict.fromkeys(_relative_refs(routine)):
        try:
            target = resolve_asset(ref, folder)
        except ValueError as exc:
            raise ProgramSaveError(str(exc)) from None
        source: Path | None = None
        if assets_from is not None:
            with contextlib.suppress(ValueError):
                source = resolve_asset(ref, assets_from)
        if target.is_file():
            if source is None or not source.is_file() or _same_file_content(source, target):
                continue
            raise ProgramSaveError(
                f"'{ref}' already exists in {folder} with different content; "
                "rename the file in the original routine's folder"
            )
        if source is None or not source.is_file():
            raise ProgramSaveError(f"the program names '{ref}', which was not found")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def _same_file_content(first: Path, second: Path) -> bool:
    if first.resolve() == second.resolve():
        return True
    if first.stat().st_size != second.stat().st_size:
        return False
    return first.read_bytes() == second.read_bytes()
