"""`glute-coach play` as people run it: piped with no terminal, and in a real terminal with keys."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

ROUTINE = {
    "format_version": 1,
    "id": "play-test",
    "title": "Play test",
    "summary": "Short.",
    "level": "beginner",
    "author": "tests",
    "defaults": {"prepare_s": 3},
    "steps": [
        {
            "kind": "exercise",
            "name": "Glute squeeze",
            "reps": 2,
            "hold_s": 4,
            "cues": {"start": {"say": "Squeeze"}, "end": {"say": "Relax"}},
        },
        {"kind": "exercise", "name": "Side bridge", "sides": "each", "duration_s": 5},
    ],
}
GLUTE_COACH = [sys.executable, "-m", "glute_coach"]


@pytest.fixture
def routine(tmp_path: Path) -> Path:
    path = tmp_path / "play-test.json"
    path.write_text(json.dumps(ROUTINE))
    return path


def test_plays_to_the_end_with_no_terminal(routine: Path) -> None:
    done = subprocess.run(
        [*GLUTE_COACH, "play", str(routine), "--no-audio", "--speed", "200"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Play test: 0:32"
    assert any("HOLD" in line and "rep 2/2" in line for line in lines)
    assert any("SWITCH SIDES" in line for line in lines)
    assert "» Squeeze" in done.stdout
    assert lines[-1] == "Play test: complete. Well done."
    assert "Traceback" not in done.stderr


def test_bad_speed_and_unknown_routine_are_user_errors(routine: Path) -> None:
    for args, message in (
        (["play", str(routine), "--speed", "0"], "--speed must be above 0"),
        (["play", "no-such-routine"], "no routine file or library id"),
    ):
        done = subprocess.run(
            [*GLUTE_COACH, *args], capture_output=True, text=True, timeout=60, check=False
        )
        assert done.returncode == 1
        assert message in done.stderr
        assert "Traceback" not in done.stderr


class _Pty:
    """A child process on a pseudo-terminal; read() waits for text with a deadline."""

    def __init__(self, args: list[str]) -> None:
        self.master, slave = pty.openpty()
        env = {**os.environ, "TERM": "xterm", "COLUMNS": "100", "LINES": "30"}
        self.proc = subprocess.Popen(
            args, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT
        )
        os.close(slave)
        self.seen = ""

    def wait_for(self, text: str, timeout_s: float = 30) -> None:
        deadline = time.monotonic() + timeout_s
        while text not in self.seen:
            left = deadline - time.monotonic()
            assert left > 0, f"never saw {text!r}; last output: {self.seen[-500:]!r}"
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    self.seen += os.read(self.master, 65536).decode("utf-8", "replace")
                except OSError:  # the child closed the terminal
                    break

    def send(self, keys: str) -> None:
        self.seen = ""
        os.write(self.master, keys.encode())


def test_keys_pause_skip_and_quit_in_a_terminal(routine: Path) -> None:
    term = _Pty([*GLUTE_COACH, "play", str(routine), "--no-audio"])
    try:
        term.wait_for("Get ready: Glute squeeze")
        term.wait_for("[Space] pause/resume")
        term.send(" ")
        term.wait_for("(paused)")
        term.send(" ")
        term.wait_for("Glute squeeze")
        term.send("n")  # to the next step
        term.wait_for("Get ready: Side bridge")
        term.send("q")
        term.wait_for("stopped at")
        assert term.proc.wait(timeout=30) == 0
    finally:
        term.proc.kill()
        os.close(term.master)
