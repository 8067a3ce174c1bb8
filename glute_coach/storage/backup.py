"""Backup and restore of all user data as one zip file.

The archive holds, under two roots that stand for the user data and config folders::

    manifest.json                 format, app version, time, and size + sha256 of every file
    data/history.sqlite3          the session history (a consistent copy: sqlite3's backup API)
    data/sessions/...             the old one-file-per-session store (kept for completeness)
    data/routines/...             the user's routines and client programs
    data/recordings/...           sensor recordings
    config/settings.json
    config/sensor-profiles/...
    config/kiosk-pin.json         the kiosk's staff PIN (a salted hash), when there is one

``backup`` writes the zip atomically (temporary file, fsync, rename). ``restore`` reads and
checks the whole archive first (manifest, every name against the list above, no absolute paths
or ``..``, no links, file count and size limits, every sha256, the history opens) in a staging
folder, and only then moves the current data aside into
``user_data_dir()/before-restore-YYYYMMDD-HHMMSS/`` (so a restore can be undone by moving it
back) and puts the restored files in place. Any problem is one ``BackupError`` line and, when it
is found before that point, nothing has been changed. Symbolic links in the data are skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import stat
import tempfile
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from glute_coach import __version__
from glute_coach.storage.history import DB_FILE, HistoryError, HistoryStore
from glute_coach.storage.paths import (
    user_config_dir,
    user_data_dir,
    user_recordings_dir,
    user_routines_dir,
)
from glute_coach.storage.sessions import SESSIONS_DIR
from glute_coach.storage.settings import SETTINGS_FILE

MANIFEST = "manifest.json"
BACKUP_FORMAT = "glute-coach-backup"
BACKUP_VERSION = 1
MAX_FILES = 100_000
MAX_TOTAL_BYTES = 50 * 1024**3  # uncompressed
MAX_MANIFEST_BYTES = 16 * 1024**2
MAX_RATIO = 1000  # uncompressed / compressed size of one member: more is a zip bomb
ASIDE_PREFIX = "before-restore-"
# The sensor layer's folder and the kiosk PIN file (storage does not import the sensor layer).
SENSOR_PROFILES_DIR = "sensor-profiles"
KIOSK_PIN_FILE = "kiosk-pin.json"
_CHUNK = 1024 * 1024


class BackupError(ValueError):
    """A backup that cannot be written or an archive that cannot be restored; one plain line."""


@dataclass(frozen=True)
class RestoreResult:
    files: int  # files restored
    moved_aside: (
        Path | None
    )  # where the data from before the restore is kept (None: there was none)
    app_version: str  # the app version that made the backup
    created_at: str  # when the backup was made (ISO 8601)


@dataclass(frozen=True)
class _Item:
    """One thing that is backed up: its name in the archive and where it lives."""

    name: str  # "data/routines" (a folder) or "config/settings.json" (a file)
    path: Path
    folder: bool


def _items() -> list[_Item]:
    data, config = user_data_dir(), user_config_dir()
    return [
        _Item(f"data/{DB_FILE}", data / DB_FILE, folder=False),
        _Item(f"data/{SESSIONS_DIR}", data / SESSIONS_DIR, folder=True),
        _Item("data/routines", user_routines_dir(), folder=True),
        _Item("data/recordings", user_recordings_dir(), folder=True),
        _Item(f"config/{SETTINGS_FILE}", config / SETTINGS_FILE, folder=False),
        _Item(f"config/{SENSOR_PROFILES_DIR}", config / SENSOR_PROFILES_DIR, folder=True),
        _Item(f"config/{KIOSK_PIN_FILE}", config / KIOSK_PIN_FILE, folder=False),
    ]


def _item_of(name: str, items: list[_Item]) -> _Item | None:
    for item in items:
        if name == item.name and not item.folder:
            return item
        if item.folder and name.startswith(item.name + "/"):
            return item
    return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _files_in(folder: Path) -> Iterator[Path]:
    """Regular files under ``folder``, sorted; links are not followed."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            if path.is_file() and not path.is_symlink():
                yield path


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a live database (sqlite3's online backup), as one file."""
    try:
        src = sqlite3.connect(source, timeout=5.0)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise BackupError(f"the session history {source} cannot be copied ({exc})") from None


# --- backup -------------------------------------------------------------------------------------


def backup(out: Path) -> Path:
    """Write all user data to the zip file ``out`` (atomically) and return it."""
    out = out.expanduser()
    if out.is_dir():
        raise BackupError(f"{out} is a folder; give a file name such as backup.zip")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"{out.parent} cannot be made ({exc.strerror or exc})") from None
    entries: list[dict[str, Any]] = []
    try:
        with tempfile.TemporaryDirectory(prefix="glute-coach-backup-") as scratch:
            fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}-", suffix=".tmp")
            try:
                with (
                    os.fdopen(fd, "wb") as handle,
                    zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive,
                ):
                    for item in _items():
                        for name, path in _sources(item, Path(scratch)):
                            archive.write(path, name)
                            entries.append(
                                {"path": name, "size": path.stat().st_size, "sha256": _sha256(path)}
                            )
                    manifest = {
                        "format": BACKUP_FORMAT,
                        "version": BACKUP_VERSION,
                        "app_version": __version__,
                        "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
                        "files": entries,
                    }
                    archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
                    archive.close()
                    handle.flush()
                    os.fsync(handle.fileno())
                Path(tmp).replace(out)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
    except OSError as exc:
        raise BackupError(f"the backup {out} cannot be written ({exc.strerror or exc})") from None
    return out


def _sources(item: _Item, scratch: Path) -> Iterator[tuple[str, Path]]:
    if item.name == f"data/{DB_FILE}":
        if item.path.is_file():
            copy = scratch / DB_FILE
            _copy_database(item.path, copy)
            yield item.name, copy
        return
    if item.folder:
        if item.path.is_dir() and not item.path.is_symlink():
            for path in _files_in(item.path):
                yield f"{item.name}/{path.relative_to(item.path).as_posix()}", path
    elif item.path.is_file() and not item.path.is_symlink():
        yield item.name, item.path


# --- restore ------------------------------------------------------------------------------------


def _check_name(name: str, items: list[_Item]) -> _Item:
    """The item an archive member belongs to; refuses anything that could land elsewhere."""
    pure = PurePosixPath(name)
    if (
        not name
        or "\\" in name
        or "\x00" in name
        or name.startswith("/")
        or pure.is_absolute()
        or any(part in ("", ".", "..") for part in name.split("/"))
        or ":" in pure.parts[0]
    ):
        raise BackupError(f"the archive has an unsafe file name: {name!r}")
    item = _item_of(name, items)
    if item is None:
        raise BackupError(f"the archive has a file that is not Glute Coach data: {name!r}")
    return item


def _read_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        info = archive.getinfo(MANIFEST)
    except KeyError:
        raise BackupError("this is not a Glute Coach backup (no manifest.json)") from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise BackupError("the backup's manifest is too large")
    try:
        data = json.loads(archive.read(info).decode("utf-8"))
    except (ValueError, zipfile.BadZipFile) as exc:
        raise BackupError(f"the backup's manifest cannot be read ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != BACKUP_FORMAT:
        raise BackupError("this is not a Glute Coach backup (unknown manifest)")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise BackupError(f"the backup has an unknown version {version!r}")
    if version > BACKUP_VERSION:
        raise BackupError("the backup was made by a newer version of Glute Coach; update the app")
    files = data.get("files")
    if not isinstance(files, list) or not all(
        isinstance(f, dict)
        and isinstance(f.get("path"), str)
        and isinstance(f.get("sha256"), str)
        and isinstance(f.get("size"), int)
        and not isinstance(f.get("size"), bool)
        and f["size"] >= 0
        for f in files
    ):
        raise BackupError("the backup's manifest has no valid file list")
    return data


def _validate(archive: zipfile.ZipFile, items: list[_Item]) -> dict[str, dict[str, Any]]:
    """Every check that needs no extraction; returns the manifest's entries by name."""
    manifest = _read_manifest(archive)
    listed: dict[str, dict[str, Any]] = {}
    for entry in manifest["files"]:
        if entry["path"] in listed:
            raise BackupError(f"the backup lists {entry['path']!r} twice")
        listed[entry["path"]] = entry
    if len(listed) > MAX_FILES:
        raise BackupError(f"the backup has more than {MAX_FILES} files")
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in archive.infolist():
        name = info.filename
        if name == MANIFEST:
            continue
        if info.is_dir():
            _check_name(name.rstrip("/"), items)
            continue
        _check_name(name, items)
        if name in members:
            raise BackupError(f"the backup has {name!r} twice")
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise BackupError(f"the backup has a link, which is not restored: {name!r}")
        if name not in listed:
            raise BackupError(f"the backup has a file its manifest does not list: {name!r}")
        if info.file_size != listed[name]["size"]:
            raise BackupError(f"{name} does not match the backup's manifest (size)")
        if info.file_size > _CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise BackupError(f"{name} is compressed suspiciously well; not restored")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise BackupError(
                f"the backup is larger than {MAX_TOTAL_BYTES // 1024**2} MB when unpacked"
            )
        members[name] = info
    missing = sorted(set(listed) - set(members))
    if missing:
        raise BackupError(f"the backup is missing {missing[0]} (listed in its manifest)")
    return listed


def _extract(archive: zipfile.ZipFile, name: str, entry: dict[str, Any], staging: Path) -> None:
    """Unpack one member into ``staging``, never more bytes than listed, checking its sha256."""
    target = staging.joinpath(*name.split("/"))
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    written = 0
    with archive.open(name) as source, target.open("wb") as sink:
        while chunk := source.read(_CHUNK):
            written += len(chunk)
            if written > entry["size"]:
                raise BackupError(f"{name} is larger than the backup's manifest says")
            digest.update(chunk)
            sink.write(chunk)
    if written != entry["size"] or digest.hexdigest() != entry["sha256"].lower():
        raise BackupError(
            f"{name} does not match the backup's manifest (it was changed or damaged)"
        )


def _check_database(path: Path) -> None:
    try:
        with HistoryStore.open(path, import_from=path.parent / ".no-import") as store:
            if store.notice is not None:
                raise BackupError("the session history in the backup is damaged")
            store.sessions()
    except HistoryError as exc:
        raise BackupError(f"the session history in the backup cannot be used ({exc})") from None


def _move(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(source), str(target))


def _db_companions(path: Path) -> list[Path]:
    return [path, Path(f"{path}-wal"), Path(f"{path}-shm")]


def restore(archive: Path) -> RestoreResult:
    """Replace all user data with the backup ``archive``; the data before is moved aside."""
    archive = archive.expanduser()
    if not archive.is_file():
        raise BackupError(f"{archive}: no such file")
    items = _items()
    data_dir = user_data_dir()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=data_dir, prefix=".restore-"))
    except OSError as exc:
        raise BackupError(f"{data_dir} cannot be written ({exc.strerror or exc})") from None
    try:
        try:
            with zipfile.ZipFile(archive) as zipped:
                listed = _validate(zipped, items)
                manifest = _read_manifest(zipped)
                for name, entry in listed.items():
                    _extract(zipped, name, entry, staging)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
            raise BackupError(f"{archive} is not a readable zip file ({exc})") from None
        except NotImplementedError as exc:  # e.g. an unsupported compression method
            raise BackupError(f"{archive} cannot be unpacked ({exc})") from None
        except OSError as exc:
            raise BackupError(f"the backup cannot be unpacked ({exc.strerror or exc})") from None
        staged_db = staging / "data" / DB_FILE
        if staged_db.exists():
            _check_database(staged_db)
        return _swap(items, staging, listed, manifest)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(
    items: list[_Item], staging: Path, listed: dict[str, Any], manifest: dict[str, Any]
) -> RestoreResult:
    """Move the current data aside, then the staged data in; undo both on a failure."""
    aside = user_data_dir() / f"{ASIDE_PREFIX}{time.strftime('%Y%m%d-%H%M%S')}"
    n = 2
    while aside.exists():
        aside = aside.with_name(f"{ASIDE_PREFIX}{time.strftime('%Y%m%d-%H%M%S')}-{n}")
        n += 1
    moved: list[tuple[Path, Path]] = []  # (from, to), to undo in reverse
    try:
        for item in items:
            paths = _db_companions(item.path) if item.name.endswith(DB_FILE) else [item.path]
            for path in paths:
                if path.exists() or path.is_symlink():
                    target = aside.joinpath(*item.name.split("/")).with_name(path.name)
                    _move(path, target)
                    moved.append((path, target))
        for item in items:
            staged = staging.joinpath(*item.name.split("/"))
            pairs = (
                zip(_db_companions(staged), _db_companions(item.path), strict=True)
                if item.name.endswith(DB_FILE)
                else [(staged, item.path)]
            )
            for source, target in pairs:
                if source.exists():
                    _move(source, target)
                    moved.append((source, target))
    except OSError as exc:
        for source, target in reversed(moved):
            with contextlib.suppress(OSError):
                _move(target, source)
        raise BackupError(
            f"the backup could not be put in place ({exc.strerror or exc}); "
            "your data was left as it was"
        ) from None
    kept = aside if any(target.is_relative_to(aside) for _, target in moved) else None
    return RestoreResult(
        files=len(listed),
        moved_aside=kept,
        app_version=str(manifest.get("app_version", "")),
        created_at=str(manifest.get("created_at", "")),
    )
