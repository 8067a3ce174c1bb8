"""Routine packages: one zip holding a routine, the files beside it that it names, a manifest.

A package carries ``routine.json`` (the routine as loaded, its asset paths unchanged), every
file it names that lives beside it (built-in ``asset:`` references stay references: every app
has them) and ``manifest.json`` (format, app version, SHA-256 of each file).

``import_package`` trusts nothing in the zip. Before anything is written it checks the names
(no absolute paths, no ``..``, no links), the sizes (file count, total size, compression
ratio), the manifest's hashes, that the routine parses and compiles and that every file it
names is in the package. Then it extracts into a hidden temporary folder under ``dest_dir``,
loads the routine from there exactly as the library would, and renames the folder to a new
name of its own (never over an existing one). Every refusal is a ``PackageError`` whose message
is one plain line.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import shutil
import stat
import tempfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

from glute_coach import __version__
from glute_coach.core.atomic import replace_atomically
from glute_coach.core.loading import (
    ClipCheck,
    LoadedRoutine,
    RoutineLoadError,
    _asset_refs,  # the one list of the files a routine names, shared with the loader
    load_routine,
    parse_json_bytes,
    parse_routine,
    resolve_asset,
)
from glute_coach.core.routine import BUILTIN_ASSET_PREFIX, Routine
from glute_coach.core.timeline import TimelineError, compile_timeline

PACKAGE_FORMAT = "glute-coach-routine-package"
PACKAGE_FORMAT_VERSION = 1
ROUTINE_NAME = "routine.json"
MANIFEST_NAME = "manifest.json"

MAX_FILES = 200
MAX_TOTAL_BYTES = 50 * 1024 * 1024
MAX_MANIFEST_BYTES = 256 * 1024
# Text and images compress well, but not a thousand to one: beyond that it is a zip bomb.
MAX_RATIO = 100
RATIO_CHECK_FROM_BYTES = 1024 * 1024

_NOT_A_PACKAGE = "this file is not a Glute Coach routine package: "


class PackageError(ValueError):
    """A package that cannot be written or read; ``str()`` is one line for the user."""


def _refuse(reason: str) -> PackageError:
    return PackageError(_NOT_A_PACKAGE + reason)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _member_name(ref: str) -> str:
    """Where a relative asset reference lives inside a package (``./a/../b.svg`` → ``b.svg``)."""
    return posixpath.normpath(ref.replace("\\", "/"))


# --- export ----------------------------------------------------------------------------------


def package_files(loaded: LoadedRoutine) -> dict[str, Path]:
    """The files beside the routine that it names: package member name → file on disk."""
    files: dict[str, Path] = {}
    for location, ref, _kind in _asset_refs(loaded.routine):
        if ref.startswith(BUILTIN_ASSET_PREFIX):
            continue
        try:
            source = loaded.resolve_asset(ref)
        except ValueError as exc:
            raise PackageError(f"cannot package {location}: {exc}") from None
        if not source.is_file():
            raise PackageError(f"cannot package {location}: '{ref}' was not found")
        name = _member_name(ref)
        if name in (ROUTINE_NAME, MANIFEST_NAME):
            raise PackageError(f"cannot package {location}: '{ref}' clashes with {name}")
        files[name] = source
    return files


def routine_bytes(routine: Routine) -> bytes:
    """The routine as JSON, as written (values left unset stay unset)."""
    data = routine.model_dump(mode="json", exclude_unset=True)
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def export_package(loaded: LoadedRoutine, out: Path) -> Path:
    """Write ``loaded`` and the files it names beside it to the zip ``out``; return ``out``.

    The zip is written to a temporary file beside ``out`` and renamed, so ``out`` is either
    the old file or the complete new one.
    """
    out = Path(out)
    contents: dict[str, bytes] = {ROUTINE_NAME: routine_bytes(loaded.routine)}
    for name, source in sorted(package_files(loaded).items()):
        try:
            contents[name] = source.read_bytes()
        except OSError as exc:
            raise PackageError(f"cannot read {source}: {exc.strerror or exc}") from None
    total = sum(len(data) for data in contents.values())
    if len(contents) + 1 > MAX_FILES or total > MAX_TOTAL_BYTES:
        raise PackageError(
            f"this routine's files are too many or too large to share "
            f"(at most {MAX_FILES} files and {MAX_TOTAL_BYTES // (1024 * 1024)} MB)"
        )
    manifest = {
        "format": PACKAGE_FORMAT,
        "format_version": PACKAGE_FORMAT_VERSION,
        "app_version": __version__,
        "routine": ROUTINE_NAME,
        "files": {name: _sha256(data) for name, data in contents.items()},
    }

    def write(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST_NAME, json.dumps(manifest, indent=2) + "\n")
            for name, data in contents.items():
                archive.writestr(name, data)

    return replace_atomically(out, write, shareable=True)


# --- import ----------------------------------------------------------------------------------


def _check_name(info: zipfile.ZipInfo) -> None:
    name = info.filename
    if "\\" in name or "\x00" in name:
        raise _refuse(f"'{name}' is not a plain file name")
    pure = PurePosixPath(name)
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise _refuse(f"'{name}' is an absolute path")
    if ".." in pure.parts:
        raise _refuse(f"'{name}' points outside the package ('..')")
    if any(part in ("", ".") for part in name.rstrip("/").split("/")):
        raise _refuse(f"'{name}' is not a plain file name")
    kind = stat.S_IFMT(info.external_attr >> 16)
    if info.create_system == 3 and kind:  # Unix file type, when given: plain files and folders
        if stat.S_ISLNK(kind):
            raise _refuse(f"'{name}' is a link")
        if not (stat.S_ISREG(kind) or stat.S_ISDIR(kind)):
            raise _refuse(f"'{name}' is not a plain file")
    if info.flag_bits & 0x1:
        raise _refuse(f"'{name}' is encrypted")


def _members(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The files in the zip, each name checked; sizes within the limits as declared."""
    infos = archive.infolist()
    if len(infos) > MAX_FILES:
        raise _refuse(f"it holds {len(infos)} files; at most {MAX_FILES} are allowed")
    files: dict[str, zipfile.ZipInfo] = {}
    folded: set[str] = set()
    total = 0
    for info in infos:
        _check_name(info)
        if info.is_dir():
            continue
        if info.filename.casefold() in folded:
            raise _refuse(f"'{info.filename}' appears twice")
        folded.add(info.filename.casefold())
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise _refuse(
                f"its files add up to more than {MAX_TOTAL_BYTES // (1024 * 1024)} MB when unpacked"
            )
        if info.file_size > RATIO_CHECK_FROM_BYTES and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise _refuse(f"'{info.filename}' is compressed suspiciously well (a zip bomb?)")
        files[info.filename] = info
    return files


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A member's bytes, never more than it declared or than ``limit`` (whichever is less)."""
    cap = min(info.file_size, limit)
    try:
        with archive.open(info) as handle:
            data = handle.read(cap + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise _refuse(f"'{info.filename}' cannot be unpacked ({exc})") from None
    if len(data) > cap:
        raise _refuse(f"'{info.filename}' is larger than it claims to be")
    return data


def _manifest_files(data: bytes) -> dict[str, str]:
    try:
        manifest: Any = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _refuse(f"its {MANIFEST_NAME} is not valid JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != PACKAGE_FORMAT:
        raise _refuse(f"its {MANIFEST_NAME} does not name the package format")
    version = manifest.get("format_version")
    if version != PACKAGE_FORMAT_VERSION:
        raise _refuse(
            f"package format {json.dumps(version)} is not supported by this version of "
            f"Glute Coach (supported: {PACKAGE_FORMAT_VERSION}); a newer app may read it"
        )
    files = manifest.get("files")
    if not isinstance(files, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in files.items()
    ):
        raise _refuse(f"its {MANIFEST_NAME} does not list the files and their hashes")
    return dict(files)


def _check_routine(contents: dict[str, bytes]) -> Routine:
    name = ROUTINE_NAME
    try:
        routine = parse_routine(parse_json_bytes(contents[name], name), name)
        compile_timeline(routine)
    except RoutineLoadError as exc:
        first = exc.problems[0] if exc.problems else None
        more = f" (and {len(exc.problems) - 1} more problems)" if len(exc.problems) > 1 else ""
        raise _refuse(f"its routine is not valid: {first}{more}") from None
    except TimelineError as exc:
        raise _refuse(f"its routine is not valid: {exc}") from None
    for location, ref, kind in _asset_refs(routine):
        try:
            target = resolve_asset(ref, Path("/nonexistent-package-root"))
        except ValueError as exc:
            raise _refuse(f"its routine names a file outside the package: {exc}") from None
        if ref.startswith(BUILTIN_ASSET_PREFIX):
            if not target.is_file():
                raise _refuse(f"{location}: built-in {kind} '{ref}' does not exist in this app")
        elif _member_name(ref) not in contents:
            raise _refuse(f"{location}: the {kind} '{ref}' is not in the package")
    return routine


def read_package(zip_path: Path) -> tuple[Routine, dict[str, bytes]]:
    """Check a package completely in memory; the routine and every file's bytes by name."""
    zip_path = Path(zip_path)
    try:
        archive = zipfile.ZipFile(zip_path)
    except FileNotFoundError:
        raise PackageError(f"{zip_path}: no such file") from None
    except (zipfile.BadZipFile, OSError, EOFError):
        raise _refuse("it is not a zip file") from None
    with archive:
        members = _members(archive)
        if MANIFEST_NAME not in members:
            raise _refuse(f"it has no {MANIFEST_NAME}")
        if ROUTINE_NAME not in members:
            raise _refuse(f"it has no {ROUTINE_NAME}")
        listed = _manifest_files(_read(archive, members[MANIFEST_NAME], MAX_MANIFEST_BYTES))
        present = set(members) - {MANIFEST_NAME}
        unlisted = sorted(present - set(listed))
        missing = sorted(set(listed) - present)
        if unlisted:
            raise _refuse(f"'{unlisted[0]}' is not listed in its {MANIFEST_NAME}")
        if missing:
            raise _refuse(f"'{missing[0]}' is listed in its {MANIFEST_NAME} but missing")
        contents: dict[str, bytes] = {}
        for name in sorted(present):
            data = _read(archive, members[name], MAX_TOTAL_BYTES)
            if _sha256(data) != listed[name].lower():
                raise _refuse(f"'{name}' was changed after the package was made (hash mismatch)")
            contents[name] = data
    return _check_routine(contents), contents


def _unique_folder(dest_dir: Path, stem: str) -> list[Path]:
    """Candidate folder names: ``stem``, ``stem-2``, ``stem-3`` …"""
    return [dest_dir / (stem if n == 1 else f"{stem}-{n}") for n in range(1, 1000)]


def import_package(zip_path: Path, dest_dir: Path, *, clip_check: ClipCheck | None = None) -> Path:
    """Check the package ``zip_path``, unpack it into a new folder under ``dest_dir``.

    Returns the path of the new ``routine.json``. On any problem a ``PackageError`` is raised
    and nothing is left in ``dest_dir``. ``clip_check`` checks the package's sound files as
    the library does when it opens a routine.
    """
    routine, contents = read_package(zip_path)
    dest_dir = Path(dest_dir)
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(
            tempfile.mkdtemp(prefix=f".{routine.id}.", suffix=".importing", dir=dest_dir)
        )
    except OSError as exc:
        raise PackageError(f"cannot write to {dest_dir}: {exc.strerror or exc}") from None
    try:
        for name, data in contents.items():
            target = staging / name
            if not target.resolve().is_relative_to(staging.resolve()):  # belt and braces
                raise _refuse(f"'{name}' points outside the package")
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "xb") as handle:
                handle.write(data)
        try:  # exactly what the library will do with it, sound checks included
            load_routine(staging / ROUTINE_NAME, clip_check=clip_check)
        except RoutineLoadError as exc:
            problem = exc.problems[0] if exc.problems else exc
            reason = str(problem).replace(str(staging / ROUTINE_NAME), ROUTINE_NAME)
            raise _refuse(f"its routine is not valid: {reason}") from None
        for folder in _unique_folder(dest_dir, routine.id):
            if folder.exists() or folder.is_symlink():
                continue
            try:
                os.rename(staging, folder)  # an existing non-empty folder is never replaced
            except OSError:
                if folder.exists():
                    continue
                raise
            return folder / ROUTINE_NAME
        raise PackageError(f"{dest_dir} already holds too many copies of '{routine.id}'")
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise PackageError(f"cannot write to {dest_dir}: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
