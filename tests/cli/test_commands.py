"""The command-line surface: show, list, schema, --version and the entry points."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from glute_coach import __version__
from glute_coach.cli.main import main
from glute_coach.core.schema import routine_json_schema
from glute_coach.storage.paths import user_routines_dir
from tests.conftest import ROOT, ROUTINES, bundled_routine_files

SMALL = {
    "format_version": 1,
    "id": "small",
    "title": "Small routine",
    "summary": "Two steps.",
    "level": "beginner",
    "author": "tests",
    "steps": [
        {
            "kind": "exercise",
            "name": "Glute squeeze",
            "reps": 2,
            "hold_s": 5,
            "cues": {"start": {"say": "Squeeze"}, "end": {"say": "Relax"}},
        },
        {"kind": "rest", "duration_s": 10},
    ],
}


@pytest.fixture
def small_routine(tmp_path: Path) -> Path:
    path = tmp_path / "small.json"
    path.write_text(json.dumps(SMALL))
    return path


def test_show_json_has_the_documented_shape(
    small_routine: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(small_routine), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"id", "title", "total_s", "segments", "cues"} <= data.keys()
    assert data["id"] == "small"
    # prepare 10 + hold 5 + relax 3 + hold 5 + rest 10
    assert data["total_s"] == 33.0
    for seg in data["segments"]:
        assert {
            "index",
            "kind",
            "label",
            "side",
            "set",
            "rep",
            "start_s",
            "duration_s",
        } <= seg.keys()
    assert [s["kind"] for s in data["segments"]] == ["prepare", "hold", "rest", "hold", "rest"]
    for cue in data["cues"]:
        assert {"at_s", "kind", "text", "clip", "segment"} <= cue.keys()
        assert cue["kind"] in {"beep", "voice", "clip"}
    spoken = [(c["at_s"], c["text"]) for c in data["cues"] if c["kind"] == "voice"]
    assert spoken[:3] == [(0.0, "Glute squeeze"), (10.0, "Squeeze"), (15.0, "Relax")]
    assert spoken[-1] == (33.0, "Routine complete. Well done.")


def test_show_text_is_a_table(small_routine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(small_routine)]) == 0
    out = capsys.readouterr().out
    assert "Small routine (small)" in out
    assert "Total 0:33" in out
    assert 'voice "Squeeze"' in out
    assert "hold" in out
    assert "prepare" in out


def test_show_by_library_id(capsys: pytest.CaptureFixture[str]) -> None:
    first = bundled_routine_files()[0]
    routine_id = json.loads(first.read_text())["id"]
    assert main(["show", routine_id, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == routine_id


def test_show_unknown_routine_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "no-such-routine"]) == 1
    err = capsys.readouterr().err
    assert (
        err.strip()
        == "glute-coach: no routine file or library id 'no-such-routine' (see 'glute-coach list')"
    )


def test_show_invalid_file_prints_its_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format_version": 1}')
    assert main(["show", str(path)]) == 1
    err = capsys.readouterr().err
    assert "id: is required but missing" in err


def test_list_shows_bundled_and_user_routines(
    small_routine: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    user_dir = user_routines_dir()
    user_dir.mkdir(parents=True)
    (user_dir / "small.json").write_text(small_routine.read_text())
    (user_dir / "broken.json").write_text("{")
    assert main(["list", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    rows = json.loads(out)
    sources = {r["id"]: r["source"] for r in rows}
    assert sources["small"] == "user"
    assert sum(1 for s in sources.values() if s == "bundled") == len(bundled_routine_files())
    assert "skipped:" in err
    assert "broken.json" in err
    assert main(["list"]) == 0
    assert "Small routine (yours)" in capsys.readouterr().out


def test_schema_command_matches_the_committed_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    out = capsys.readouterr().out
    committed = (ROUTINES / "schema.json").read_text()
    assert out == committed, (
        "routines/schema.json is stale: run `glute-coach schema > routines/schema.json`"
    )
    assert out == routine_json_schema()


def test_validate_skips_the_schema_beside_the_routines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(ROUTINES / "schema.json")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"glute-coach {__version__}"


def test_bad_arguments_exit_nonzero_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["show"])
    assert exit_info.value.code != 0
    assert "usage:" in capsys.readouterr().err


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=os.environ.copy(),
        check=False,
    )


def test_console_script_and_module_entry_points(small_routine: Path) -> None:
    script = Path(sys.executable).parent / "glute-coach"
    for command in ([str(script)], [sys.executable, "-m", "glute_coach"]):
        done = _run(*command, "--version")
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == f"glute-coach {__version__}"
        done = _run(
            *command, "validate", str(small_routine), str(small_routine.parent / "missing.json")
        )
        assert done.returncode == 1
        assert "Traceback" not in done.stderr
        assert done.stderr.strip() == f"{small_routine.parent / 'missing.json'}: no such file"
