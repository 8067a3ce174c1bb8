"""Each kind of bad routine file gets one clear line from `validate`, never a traceback."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from glute_coach.cli.main import main

GOOD: dict[str, Any] = {
    "format_version": 1,
    "id": "bad-input",
    "title": "Bad input",
    "summary": "A routine that tests break on purpose.",
    "level": "beginner",
    "author": "tests",
    "steps": [{"kind": "exercise", "name": "Glute bridge", "reps": 5, "hold_s": 5}],
}


def _edit(change: Callable[[dict[str, Any]], None]) -> bytes:
    data = copy.deepcopy(GOOD)
    change(data)
    return json.dumps(data, indent=2).encode()


def _nest_repeats(depth: int) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = [{"kind": "rest", "duration_s": 5}]
    for _ in range(depth):
        steps = [{"kind": "repeat", "times": 2, "steps": steps}]
    return steps


CASES: dict[str, tuple[bytes, list[str]]] = {
    "malformed json": (
        b'{\n  "format_version": 1,\n  "id": "x",,\n}',
        ["line 3, column 13", "invalid JSON"],
    ),
    "truncated json": (b'{"format_version": 1, "steps": [', ["line 1, column", "invalid JSON"]),
    "wrong type": (
        _edit(lambda d: d["steps"][0].update(reps="ten")),
        ["steps[0].reps", "integer", '"ten"'],
    ),
    "unknown key": (
        _edit(lambda d: d["steps"][0].update(hold_secs=5)),
        ["steps[0].hold_secs", "did you mean 'hold_s'"],
    ),
    "unknown top-level key": (
        _edit(lambda d: d.update(titel="x")),
        ["titel", "did you mean 'title'"],
    ),
    "unknown step kind": (
        _edit(lambda d: d["steps"][0].update(kind="excercise")),
        ["steps[0]", "did you mean 'exercise'"],
    ),
    "negative duration": (
        _edit(lambda d: d["steps"][0].update(hold_s=-5)),
        ["steps[0].hold_s", "-5 is out of range", "more than 0 and at most 300 seconds"],
    ),
    "absurd duration": (
        _edit(lambda d: d["steps"][0].update(hold_s=86400)),
        ["steps[0].hold_s", "at most 300 seconds"],
    ),
    "absurd reps": (
        _edit(lambda d: d["steps"][0].update(reps=10_000)),
        ["steps[0].reps", "at least 1 and at most 200"],
    ),
    "absurd total": (
        _edit(
            lambda d: d.update(
                steps=[
                    {
                        "kind": "repeat",
                        "times": 50,
                        "steps": [
                            {
                                "kind": "repeat",
                                "times": 50,
                                "steps": [{"kind": "rest", "duration_s": 60}],
                            }
                        ],
                    }
                ]
            )
        ),
        ["steps", "over 4 hours"],
    ),
    "unsupported format version": (
        _edit(lambda d: d.update(format_version=2)),
        ["format_version", "2 is not supported", "supported: 1"],
    ),
    "missing format version": (
        _edit(lambda d: d.pop("format_version")),
        ["format_version", "missing"],
    ),
    "missing image": (
        _edit(lambda d: d["steps"][0].update(image="pictures/bridge.png")),
        ["steps[0].image", "not found"],
    ),
    "missing builtin image": (
        _edit(lambda d: d["steps"][0].update(image="asset:images/nope.svg")),
        ["steps[0].image", "not found"],
    ),
    "missing clip": (
        _edit(lambda d: d["steps"][0].update(cues={"start": {"say": "Go", "clip": "go.wav"}})),
        ["steps[0].cues.start.clip", "not found"],
    ),
    "absolute asset path": (
        _edit(lambda d: d["steps"][0].update(image="/etc/passwd")),
        ["steps[0].image", "absolute"],
    ),
    "windows absolute asset path": (
        _edit(lambda d: d["steps"][0].update(image="C:\\x.png")),
        ["steps[0].image", "absolute"],
    ),
    "escaping asset path": (
        _edit(lambda d: d["steps"][0].update(image="../../secret.png")),
        ["steps[0].image", "leaves the routine's folder"],
    ),
    "file over 1 MB": (
        b'{"format_version": 1, "summary": "' + b"x" * (1024 * 1024) + b'"}',
        ["1 MB"],
    ),
    "non-utf-8": ('{"format_version": 1, "title": "Glüte"}'.encode("latin-1"), ["not UTF-8"]),
    "json nested too deep": (b"[" * 5000 + b"]" * 5000, ["nested"]),
    "repeat nesting too deep": (
        _edit(lambda d: d.update(steps=_nest_repeats(4))),
        ["nested 4 deep", "at most 3"],
    ),
    "empty routine": (_edit(lambda d: d.update(steps=[])), ["steps", "must not be empty"]),
    "empty repeat": (
        _edit(lambda d: d.update(steps=[{"kind": "repeat", "times": 2, "steps": []}])),
        ["steps[0].steps", "must not be empty"],
    ),
    "empty file": (b"", ["is empty"]),
    "not an object": (b"[1, 2, 3]", ["JSON object", "array"]),
    "duplicate key": (b'{"format_version": 1, "id": "a", "id": "b"}', ["'id' appears twice"]),
    "NaN": (b'{"format_version": 1, "x": NaN}', ["NaN"]),
    "two timings": (
        _edit(lambda d: d["steps"][0].update(duration_s=30)),
        ["steps[0]", "exactly one of duration_s, hold_s, tempo or rep_s"],
    ),
    "bad target band": (
        _edit(
            lambda d: d["steps"][0].update(
                target={"muscle": "gluteus_maximus", "mvc_percent": [70, 40]}
            )
        ),
        ["steps[0].target", "low < high"],
    ),
    "bad id": (
        _edit(lambda d: d.update(id="Bad ID")),
        ["id: must be lower-case letters, digits and dashes", '"Bad ID"'],
    ),
    "wrong enum": (
        _edit(lambda d: d.update(level="expert")),
        ["level", "'beginner', 'intermediate' or 'advanced'", '"expert"'],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_gets_one_clear_line(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, expected = CASES[case]
    path = tmp_path / "routine.json"
    path.write_bytes(content)
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}: ")
    for fragment in expected:
        assert fragment in lines[0]


def test_every_problem_is_reported_not_just_the_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "routine.json"
    path.write_bytes(_edit(lambda d: d["steps"][0].update(hold_s=-1, reps=0, sidez="each")))
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    for location in ("steps[0].hold_s", "steps[0].reps", "steps[0].sidez"):
        assert location in err


def test_missing_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "nope.json"), str(tmp_path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{tmp_path / 'nope.json'}: no such file", f"{tmp_path}: is not a file"]


def test_valid_and_invalid_together_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_bytes(_edit(lambda d: None))
    bad.write_bytes(b"{")
    assert main(["validate", str(good), str(bad)]) == 1
    out, err = capsys.readouterr()
    assert err.count("\n") == 1
    assert f"{good}: ok" in out
    assert str(bad) in err


def test_assets_beside_the_routine_are_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "bridge.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    path = tmp_path / "routine.json"
    path.write_bytes(_edit(lambda d: d["steps"][0].update(image="img/bridge.svg")))
    assert main(["validate", str(path)]) == 0
