"""Routine packages: export and import round trips; every unsafe zip refused, nothing written."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
from pathlib import Path
from typing import Any

import pytest

from glute_coach.core.loading import load_routine
from glute_coach.storage.routine_package import (
    MANIFEST_NAME,
    MAX_FILES,
    PACKAGE_FORMAT,
    ROUTINE_NAME,
    PackageError,
    export_package,
    import_package,
)
from tests.conftest import ROUTINES, bundled_routine_files

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 320">'
    '<circle cx="320" cy="160" r="100" fill="none" stroke="currentColor"/></svg>'
)


def _routine_data(name: str = "glute-bridge-progression.json") -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROUTINES / name).read_text(encoding="utf-8"))
    return data


def _own_image_routine(folder: Path) -> Path:
    """A routine with its own illustration beside it, in a sub-folder, named with './'."""
    data = _routine_data()
    data.update(id="my-bridges", title="My bridges")
    data["steps"][1]["image"] = "./pictures/my-bridge.svg"
    (folder / "pictures").mkdir(parents=True)
    (folder / "pictures" / "my-bridge.svg").write_text(SVG, encoding="utf-8")
    (folder / "notes.txt").write_text("not named by the routine", encoding="utf-8")
    path = folder / "my-bridges.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _manifest(files: dict[str, bytes]) -> bytes:
    return json.dumps(
        {
            "format": PACKAGE_FORMAT,
            "format_version": 1,
            "app_version": "test",
            "routine": ROUTINE_NAME,
            "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
        }
    ).encode()


def _zip(path: Path, files: dict[str, bytes], *, manifest: bytes | None = None) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST_NAME, manifest if manifest is not None else _manifest(files))
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def _valid_files() -> dict[str, bytes]:
    return {ROUTINE_NAME: (ROUTINES / "glute-bridge-progression.json").read_bytes()}


@pytest.fixture
def dest(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    return folder


def _refused(zip_path: Path, dest: Path, *words: str) -> str:
    with pytest.raises(PackageError) as caught:
        import_package(zip_path, dest)
    message = str(caught.value)
    assert message.startswith("this file is not a Glute Coach routine package: "), message
    assert "\n" not in message
    for word in words:
        assert word in message, message
    assert list(dest.iterdir()) == [], "a refused package must leave nothing behind"
    return message


# --- round trips -----------------------------------------------------------------------------


@pytest.mark.parametrize("routine_file", bundled_routine_files(), ids=lambda p: p.stem)
def test_every_bundled_routine_round_trips(routine_file: Path, tmp_path: Path, dest: Path) -> None:
    loaded = load_routine(routine_file)
    package = export_package(loaded, tmp_path / "share" / f"{routine_file.stem}.zip")

    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read(MANIFEST_NAME))
    # built-in illustrations stay references: every app has them
    assert names == {MANIFEST_NAME, ROUTINE_NAME}
    assert manifest["format"] == PACKAGE_FORMAT
    assert set(manifest["files"]) == {ROUTINE_NAME}

    imported = import_package(package, dest)
    assert imported == dest / loaded.routine.id / ROUTINE_NAME
    again = load_routine(imported)
    assert again.routine == loaded.routine
    assert again.timeline.total_s == loaded.timeline.total_s
    assert [p.name for p in dest.iterdir()] == [loaded.routine.id]  # no temporary folders


def test_a_routine_with_its_own_image_round_trips(tmp_path: Path, dest: Path) -> None:
    loaded = load_routine(_own_image_routine(tmp_path / "mine"))
    package = export_package(loaded, tmp_path / "my-bridges.zip")

    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read(MANIFEST_NAME))
        image = archive.read("pictures/my-bridge.svg")
    assert names == {MANIFEST_NAME, ROUTINE_NAME, "pictures/my-bridge.svg"}  # not notes.txt
    assert manifest["files"]["pictures/my-bridge.svg"] == hashlib.sha256(image).hexdigest()

    imported = import_package(package, dest)
    again = load_routine(imported)
    assert again.routine == loaded.routine
    assert again.routine.steps[1].image == "./pictures/my-bridge.svg"  # paths unchanged
    assert again.resolve_asset("./pictures/my-bridge.svg").read_text(encoding="utf-8") == SVG
    assert again.resolve_asset("./pictures/my-bridge.svg").is_relative_to(imported.parent)


def test_importing_twice_makes_a_second_folder_and_never_overwrites(
    tmp_path: Path, dest: Path
) -> None:
    loaded = load_routine(ROUTINES / "glute-bridge-progression.json")
    package = export_package(loaded, tmp_path / "p.zip")
    mine = dest / "glute-bridge-progression"
    mine.mkdir()
    (mine / "keep.txt").write_text("mine", encoding="utf-8")

    first = import_package(package, dest)
    second = import_package(package, dest)

    assert first.parent.name == "glute-bridge-progression-2"
    assert second.parent.name == "glute-bridge-progression-3"
    assert (mine / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in dest.iterdir()) == [
        "glute-bridge-progression",
        "glute-bridge-progression-2",
        "glute-bridge-progression-3",
    ]


def test_export_replaces_the_zip_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    loaded = load_routine(ROUTINES / "glute-session-15-min.json")
    out = tmp_path / "share.zip"
    out.write_bytes(b"old")
    export_package(loaded, out)
    assert zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir()] == ["share.zip"]


def test_export_refuses_a_routine_whose_image_is_gone(tmp_path: Path) -> None:
    path = _own_image_routine(tmp_path / "mine")
    loaded = load_routine(path)
    (tmp_path / "mine" / "pictures" / "my-bridge.svg").unlink()
    with pytest.raises(PackageError, match="was not found"):
        export_package(loaded, tmp_path / "out.zip")
    assert not (tmp_path / "out.zip").exists()


# --- refusals --------------------------------------------------------------------------------


def test_a_valid_hand_made_package_is_accepted(tmp_path: Path, dest: Path) -> None:
    """The refusals below differ from this one in exactly the way they name."""
    imported = import_package(_zip(tmp_path / "ok.zip", _valid_files()), dest)
    assert load_routine(imported).routine.id == "glute-bridge-progression"


def test_zip_slip_is_refused(tmp_path: Path, dest: Path) -> None:
    files = {**_valid_files(), "../escaped.svg": SVG.encode()}
    _refused(_zip(tmp_path / "slip.zip", files), dest, "'../escaped.svg'", "outside")
    assert not (tmp_path / "escaped.svg").exists()
    nested = {**_valid_files(), "images/../../escaped.svg": SVG.encode()}
    _refused(_zip(tmp_path / "slip2.zip", nested), dest, "outside")


def test_absolute_paths_are_refused(tmp_path: Path, dest: Path) -> None:
    target = tmp_path / "abs.svg"
    files = {**_valid_files(), str(target): SVG.encode()}
    # zipfile strips a leading "/" when writing, so write the raw name ourselves
    path = tmp_path / "abs.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(MANIFEST_NAME, _manifest(files))
        archive.writestr(ROUTINE_NAME, files[ROUTINE_NAME])
        info = zipfile.ZipInfo("placeholder")
        info.filename = str(target)
        archive.writestr(info, SVG)
    _refused(path, dest, "absolute")
    assert not target.exists()
    windows = {**_valid_files(), "C:/Windows/evil.svg": SVG.encode()}
    _refused(_zip(tmp_path / "drive.zip", windows), dest, "absolute")


def test_symlinks_are_refused(tmp_path: Path, dest: Path) -> None:
    files = _valid_files()
    path = tmp_path / "link.zip"
    with zipfile.ZipFile(path, "w") as archive:
        link = zipfile.ZipInfo("images/link.svg")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        files_with_link = {**files, "images/link.svg": b"/etc/passwd"}
        archive.writestr(MANIFEST_NAME, _manifest(files_with_link))
        archive.writestr(ROUTINE_NAME, files[ROUTINE_NAME])
        archive.writestr(link, "/etc/passwd")
    _refused(path, dest, "'images/link.svg'", "link")


def test_too_many_files_are_refused(tmp_path: Path, dest: Path) -> None:
    files = {**_valid_files(), **{f"extra/{i}.txt": b"x" for i in range(MAX_FILES)}}
    _refused(_zip(tmp_path / "many.zip", files), dest, "files", str(MAX_FILES))


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, dest: Path) -> None:
    big = b"\0" * (60 * 1024 * 1024)  # 60 MB of zeros: about 60 kB compressed
    files = {**_valid_files(), "images/bomb.svg": big}
    path = _zip(tmp_path / "bomb.zip", files)
    assert path.stat().st_size < 1024 * 1024
    _refused(path, dest, "MB")
    # under the total limit but compressed a thousand to one: still refused
    smaller = {**_valid_files(), "images/bomb.svg": b"\0" * (10 * 1024 * 1024)}
    _refused(_zip(tmp_path / "bomb2.zip", smaller), dest, "'images/bomb.svg'", "compressed")


def test_a_tampered_file_is_refused(tmp_path: Path, dest: Path) -> None:
    files = _valid_files()
    manifest = _manifest(files)
    data = json.loads(files[ROUTINE_NAME])
    data["steps"][1]["reps"] = 50  # changed after the manifest was made
    tampered = {ROUTINE_NAME: json.dumps(data).encode()}
    _refused(_zip(tmp_path / "t.zip", tampered, manifest=manifest), dest, "hash")


def test_files_missing_from_the_manifest_are_refused(tmp_path: Path, dest: Path) -> None:
    files = _valid_files()
    manifest = _manifest(files)
    extra = {**files, "images/extra.svg": SVG.encode()}
    _refused(_zip(tmp_path / "x.zip", extra, manifest=manifest), dest, "not listed")
    _refused(_zip(tmp_path / "m.zip", files, manifest=b"{}"), dest, "manifest")


def test_an_invalid_routine_is_refused(tmp_path: Path, dest: Path) -> None:
    data = _routine_data()
    data["steps"][1]["hold_s"] = 9999
    files = {ROUTINE_NAME: json.dumps(data).encode()}
    message = _refused(_zip(tmp_path / "bad.zip", files), dest, "routine is not valid", "hold_s")
    assert "9999" in message


def test_a_routine_naming_a_file_not_in_the_package_is_refused(tmp_path: Path, dest: Path) -> None:
    data = _routine_data()
    data["steps"][1]["image"] = "images/missing.svg"
    files = {ROUTINE_NAME: json.dumps(data).encode()}
    _refused(_zip(tmp_path / "gone.zip", files), dest, "'images/missing.svg'", "not in the package")
    data["steps"][1]["image"] = "../outside.svg"
    files = {ROUTINE_NAME: json.dumps(data).encode()}
    _refused(_zip(tmp_path / "out.zip", files), dest, "outside")


def test_not_a_zip_and_no_routine_are_refused(tmp_path: Path, dest: Path) -> None:
    text = tmp_path / "routine.zip"
    text.write_text("hello", encoding="utf-8")
    _refused(text, dest, "not a zip file")
    _refused(_zip(tmp_path / "empty.zip", {}), dest, ROUTINE_NAME)
    with pytest.raises(PackageError, match="no such file"):
        import_package(tmp_path / "nowhere.zip", dest)
