"""Client programs: new files beside the user's routines, never overwriting, never the original."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from glute_coach.cli.main import main
from glute_coach.core import editing
from glute_coach.core.loading import load_routine
from glute_coach.core.routine import Routine
from glute_coach.storage.library import Source, scan_library
from glute_coach.storage.paths import user_routines_dir
from glute_coach.storage.programs import ProgramSaveError, save_client_program
from tests.conftest import ROUTINES

ORIGINAL = ROUTINES / "glute-bridge-progression.json"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def program() -> Routine:
    routine = load_routine(ORIGINAL).routine
    return editing.client_program(editing.set_sets(routine, 1, 3), "JD-042")


def test_saves_into_the_user_routines_folder_and_loads_back(program: Routine) -> None:
    before = digest(ORIGINAL)
    path = save_client_program(program)
    assert path == user_routines_dir() / "glute-bridge-progression-jd-042.json"
    loaded = load_routine(path)
    assert loaded.routine == program
    assert loaded.routine.client == "JD-042"
    assert loaded.routine.based_on is not None
    assert loaded.routine.based_on.id == "glute-bridge-progression"
    assert loaded.routine.based_on.version == 1
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format_version"] == 1
    assert data["client"] == "JD-042"
    assert data["based_on"] == {"id": "glute-bridge-progression", "version": 1}
    assert digest(ORIGINAL) == before
    assert main(["validate", str(path)]) == 0
    user = [e for e in scan_library() if e.source is Source.USER]
    assert [e.path for e in user] == [path]
    assert not list(path.parent.glob(".program-*"))  # no temporary files left


def test_never_overwrites_names_and_ids_stay_unique(program: Routine, tmp_path: Path) -> None:
    first = save_client_program(program, tmp_path)
    first_bytes = first.read_bytes()
    second = save_client_program(program, tmp_path)
    third = save_client_program(program, tmp_path)
    assert [p.name for p in (first, second, third)] == [
        "glute-bridge-progression-jd-042.json",
        "glute-bridge-progression-jd-042-2.json",
        "glute-bridge-progression-jd-042-3.json",
    ]
    assert first.read_bytes() == first_bytes
    ids = [load_routine(p).routine.id for p in (first, second, third)]
    assert ids == [p.stem for p in (first, second, third)]
    assert load_routine(second).routine.client == "JD-042"


def test_an_id_used_by_another_file_is_not_reused(program: Routine, tmp_path: Path) -> None:
    other = tmp_path / "something-else.json"
    other.write_text(json.dumps({"id": program.id}), encoding="utf-8")
    path = save_client_program(program, tmp_path)
    assert path.name == "glute-bridge-progression-jd-042-2.json"
    assert json.loads(other.read_text()) == {"id": program.id}


def test_a_bundled_id_is_never_shadowed(tmp_path: Path) -> None:
    routine = load_routine(ORIGINAL).routine  # saving a bundled routine under its own id
    path = save_client_program(routine, tmp_path)
    assert path.name == "glute-bridge-progression-2.json"
    assert load_routine(path).routine.id == "glute-bridge-progression-2"


def test_files_named_beside_the_original_come_along(tmp_path: Path) -> None:
    source = tmp_path / "mine"
    (source / "images").mkdir(parents=True)
    shutil.copyfile(
        ROUTINES.parent / "assets" / "images" / "glute-bridge.svg", source / "images" / "me.svg"
    )
    data = json.loads(ORIGINAL.read_text(encoding="utf-8"))
    data["id"] = "my-bridges"
    data["steps"][0]["image"] = "images/me.svg"
    original = source / "my-bridges.json"
    original.write_text(json.dumps(data), encoding="utf-8")
    before = digest(original)
    program = editing.client_program(load_routine(original).routine, "AB")

    target = tmp_path / "programs"
    with pytest.raises(ProgramSaveError, match=r"names 'images/me\.svg', which was not found"):
        save_client_program(program, target)
    path = save_client_program(program, target, assets_from=source)
    assert (target / "images" / "me.svg").read_bytes() == (source / "images/me.svg").read_bytes()
    assert load_routine(path).routine.client == "AB"
    assert digest(original) == before

    (source / "images" / "me.svg").write_text("<svg>changed</svg>", encoding="utf-8")
    with pytest.raises(ProgramSaveError, match=r"already exists .* with different content"):
        save_client_program(program, target, assets_from=source)


def test_an_unwritable_folder_is_a_plain_error(program: Routine, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(ProgramSaveError, match="could not save the program in"):
        save_client_program(program, blocker)
