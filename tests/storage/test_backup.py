"""Backup and restore of all user data as one zip: round trip, moving aside, refusing bad zips."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from glute_coach.storage import backup as backup_module
from glute_coach.storage.backup import MANIFEST, BackupError, backup, restore
from glute_coach.storage.history import HistoryStore, db_path
from glute_coach.storage.paths import (
    user_config_dir,
    user_data_dir,
    user_recordings_dir,
    user_routines_dir,
)
from glute_coach.storage.sessions import SessionSummary, save_session
from glute_coach.storage.settings import Settings, Theme, load_settings, save_settings


def summary(title: str = "Bridge day") -> SessionSummary:
    return SessionSummary(
        routine_id="glute-bridge-progression",
        routine_version=2,
        title=title,
        started_at="2025-03-01T10:15:00+01:00",
        ended_at="2025-03-01T10:31:30+01:00",
        completed=True,
        steps_done=["Glute bridge"],
        pain_before=3,
        recording=str(user_recordings_dir() / "2025" / "session.csv"),
    )


def make_user_data() -> None:
    save_session(summary("From the JSON store"))
    with HistoryStore.open() as store:
        store.add(summary())
    save_settings(Settings(theme=Theme.DARK, voice_volume=0.4))
    user_routines_dir().mkdir(parents=True)
    (user_routines_dir() / "mine.json").write_text('{"id": "mine"}', encoding="utf-8")
    (user_routines_dir() / "clients" / "anna").mkdir(parents=True)
    (user_routines_dir() / "clients" / "anna" / "p.json").write_text("{}", encoding="utf-8")
    (user_recordings_dir() / "2025").mkdir(parents=True)
    (user_recordings_dir() / "2025" / "session.csv").write_bytes(b"t,emg\n0,1\n" * 1000)
    (user_recordings_dir() / "2025" / "session.json").write_text("{}", encoding="utf-8")
    profiles = user_config_dir() / "sensor-profiles"
    profiles.mkdir(parents=True)
    (profiles / "sim.json").write_text('{"name": "sim"}', encoding="utf-8")
    (user_config_dir() / "kiosk-pin.json").write_text('{"version": 1}', encoding="utf-8")


def snapshot() -> dict[str, bytes]:
    """Every file of the user's data and config folders, by path."""
    found: dict[str, bytes] = {}
    for root in (user_data_dir(), user_config_dir()):
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    found[str(path)] = path.read_bytes()
    return found


def titles() -> list[str]:
    with HistoryStore.open() as store:
        return [s.summary.title for s in store.sessions()]


def test_round_trip_of_all_user_data(tmp_path: Path) -> None:
    make_user_data()
    before_titles = titles()
    assert before_titles == ["From the JSON store", "Bridge day"]
    before = {k: v for k, v in snapshot().items() if "history.sqlite3" not in k}

    out = backup(tmp_path / "backups" / "all.zip")
    assert out == tmp_path / "backups" / "all.zip"
    assert list(out.parent.iterdir()) == [out]  # no temporary file left
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read(MANIFEST))
        for entry in manifest["files"]:
            assert hashlib.sha256(archive.read(entry["path"])).hexdigest() == entry["sha256"]
    assert manifest["format"] == "glute-coach-backup"
    assert manifest["app_version"]
    assert manifest["created_at"]
    assert names == {
        MANIFEST,
        "data/history.sqlite3",
        "data/sessions/20250301T101500-glute-bridge-progression.json",
        "data/routines/mine.json",
        "data/routines/clients/anna/p.json",
        "data/recordings/2025/session.csv",
        "data/recordings/2025/session.json",
        "config/settings.json",
        "config/sensor-profiles/sim.json",
        "config/kiosk-pin.json",
    }

    # Everything changes after the backup...
    with HistoryStore.open() as store:
        store.add(summary("After the backup"))
    save_settings(Settings(theme=Theme.LIGHT))
    (user_routines_dir() / "mine.json").write_text('{"id": "changed"}', encoding="utf-8")
    (user_routines_dir() / "new.json").write_text("{}", encoding="utf-8")
    (user_config_dir() / "kiosk-pin.json").unlink()

    # ...and the restore brings it back.
    result = restore(out)
    assert result.files == len(names) - 1
    assert result.app_version == manifest["app_version"]
    assert result.created_at == manifest["created_at"]
    assert titles() == before_titles
    assert load_settings().settings.theme is Theme.DARK
    after = snapshot()
    for path, data in before.items():
        assert after[path] == data, path
    assert not (user_routines_dir() / "new.json").exists()
    assert not list(user_data_dir().glob(".restore-*"))  # the staging folder is gone

    # The data from before the restore is kept, so the restore can be undone.
    aside = result.moved_aside
    assert aside is not None
    assert aside.parent == user_data_dir()
    assert aside.name.startswith("before-restore-")
    assert (aside / "data" / "routines" / "new.json").is_file()
    assert (aside / "data" / "routines" / "mine.json").read_text() == '{"id": "changed"}'
    assert (aside / "data" / "history.sqlite3").is_file()
    assert json.loads((aside / "config" / "settings.json").read_text())["theme"] == "light"
    with HistoryStore.open(aside / "data" / "history.sqlite3") as old:
        assert "After the backup" in [s.summary.title for s in old.sessions()]


def test_a_backup_of_nothing_restores_to_nothing(tmp_path: Path) -> None:
    out = backup(tmp_path / "empty.zip")
    with zipfile.ZipFile(out) as archive:
        assert archive.namelist() == [MANIFEST]
    make_user_data()
    result = restore(out)
    assert result.files == 0
    assert result.moved_aside is not None
    assert not db_path().exists()
    assert not user_routines_dir().exists()


def test_a_backup_over_an_existing_file_replaces_it(tmp_path: Path) -> None:
    out = tmp_path / "b.zip"
    out.write_bytes(b"old")
    make_user_data()
    backup(out)
    assert zipfile.is_zipfile(out)


def test_backup_to_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="is a folder"):
        backup(tmp_path)


# --- refused archives: nothing changes ------------------------------------------------------


def rewrite(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of the zip ``source`` with members replaced, added, or (None) removed."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename in change:
                continue
            new.writestr(info, old.read(info))
        for name, data in change.items():
            if data is not None:
                new.writestr(name, data)
    return target


def with_manifest_entry(source: Path, target: Path, name: str, data: bytes) -> Path:
    """Add ``name`` with a matching manifest entry (so only the name can be refused)."""
    with zipfile.ZipFile(source) as old:
        manifest = json.loads(old.read(MANIFEST))
    manifest["files"].append(
        {"path": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    )
    return rewrite(source, target, {MANIFEST: json.dumps(manifest).encode(), name: data})


@pytest.fixture
def good(tmp_path: Path) -> Path:
    make_user_data()
    out = backup(tmp_path / "good.zip")
    # The data now differs from the backup, so a restore that happened would show.
    (user_routines_dir() / "mine.json").write_text('{"id": "current"}', encoding="utf-8")
    return out


def refused(archive: Path, match: str) -> None:
    before = snapshot()
    with pytest.raises(BackupError, match=match):
        restore(archive)
    assert snapshot() == before
    assert not list(user_data_dir().glob("before-restore-*"))
    assert not list(user_data_dir().glob(".restore-*"))


def test_a_tampered_file_is_refused(good: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(good) as archive:
        size = len(archive.read("data/routines/mine.json"))
    changed = b'{"id": "evil"}'.ljust(size)
    bad = rewrite(good, tmp_path / "bad.zip", {"data/routines/mine.json": changed})
    refused(bad, "changed or damaged")


def test_a_file_of_another_size_is_refused(good: Path, tmp_path: Path) -> None:
    bad = rewrite(good, tmp_path / "bad.zip", {"config/settings.json": b"{}"})
    refused(bad, "size")


def test_a_file_missing_from_the_archive_is_refused(good: Path, tmp_path: Path) -> None:
    bad = rewrite(good, tmp_path / "bad.zip", {"config/kiosk-pin.json": None})
    refused(bad, "missing config/kiosk-pin.json")


def test_an_unlisted_file_is_refused(good: Path, tmp_path: Path) -> None:
    bad = rewrite(good, tmp_path / "bad.zip", {"data/routines/extra.json": b"{}"})
    refused(bad, "does not list")


@pytest.mark.parametrize(
    "name",
    [
        "data/routines/../../../escaped.txt",
        "../escaped.txt",
        "/tmp/escaped.txt",
        "data/routines/..\\..\\escaped.txt",
        "C:/escaped.txt",
        "data/routines//x.json",
    ],
)
def test_zip_slip_names_are_refused(good: Path, tmp_path: Path, name: str) -> None:
    bad = with_manifest_entry(good, tmp_path / "bad.zip", name, b"x")
    refused(bad, "unsafe file name")
    assert not (tmp_path / "escaped.txt").exists()


def test_files_that_are_not_glute_coach_data_are_refused(good: Path, tmp_path: Path) -> None:
    bad = with_manifest_entry(good, tmp_path / "bad.zip", "data/.bashrc", b"x")
    refused(bad, "not Glute Coach data")


def test_links_are_refused(good: Path, tmp_path: Path) -> None:
    info = zipfile.ZipInfo("data/routines/link.json")
    info.external_attr = (0o120777 << 16) | 0
    target = b"/etc/passwd"
    bad = with_manifest_entry(good, tmp_path / "bad.zip", "data/routines/link.json", target)
    with zipfile.ZipFile(bad) as old, zipfile.ZipFile(tmp_path / "link.zip", "w") as new:
        for item in old.infolist():
            new.writestr(info if item.filename == info.filename else item, old.read(item))
    refused(tmp_path / "link.zip", "link")


def test_an_oversized_archive_is_refused(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_module, "MAX_TOTAL_BYTES", 1000)
    refused(good, "larger than")


def test_too_many_files_are_refused(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_module, "MAX_FILES", 3)
    refused(good, "more than 3 files")


def test_a_zip_bomb_is_refused(good: Path, tmp_path: Path) -> None:
    data = b"\0" * (8 * 1024 * 1024)
    bad = tmp_path / "bomb.zip"
    with_manifest_entry(good, tmp_path / "plain.zip", "data/recordings/zeros.csv", data)
    with (
        zipfile.ZipFile(tmp_path / "plain.zip") as old,
        zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as new,
    ):
        for item in old.infolist():
            new.writestr(item.filename, old.read(item))
    refused(bad, "compressed suspiciously well")


def test_a_damaged_database_in_the_backup_is_refused(good: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(good) as archive:
        manifest = json.loads(archive.read(MANIFEST))
    junk = b"this is not a database" * 50
    for entry in manifest["files"]:
        if entry["path"] == "data/history.sqlite3":
            entry.update(size=len(junk), sha256=hashlib.sha256(junk).hexdigest())
    bad = rewrite(
        good,
        tmp_path / "bad.zip",
        {MANIFEST: json.dumps(manifest).encode(), "data/history.sqlite3": junk},
    )
    refused(bad, "session history in the backup is damaged")


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"not a zip at all", "not a readable zip"),
        (None, "no manifest.json"),
    ],
)
def test_not_a_backup(tmp_path: Path, content: bytes | None, match: str) -> None:
    make_user_data()
    path = tmp_path / "x.zip"
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "hi")
    else:
        path.write_bytes(content)
    refused(path, match)


def test_a_manifest_of_a_newer_version_is_refused(good: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(good) as archive:
        manifest = json.loads(archive.read(MANIFEST))
    manifest["version"] = 99
    bad = rewrite(good, tmp_path / "bad.zip", {MANIFEST: json.dumps(manifest).encode()})
    refused(bad, "newer version")


def test_a_missing_archive(tmp_path: Path) -> None:
    refused(tmp_path / "nope.zip", "no such file")
