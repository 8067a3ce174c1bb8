"""With nowhere to draw, `glute-coach` says so in one line instead of letting Qt abort."""

from __future__ import annotations

import os
import subprocess
import sys

from glute_coach.ui.display import NO_DISPLAY_MESSAGE


def test_no_display_prints_one_line_and_exits_nonzero() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [sys.executable, "-m", "glute_coach"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == f"glute-coach: {NO_DISPLAY_MESSAGE}"
    assert "Traceback" not in done.stderr


def test_a_display_that_is_not_there_is_caught_too() -> None:
    env = {**os.environ, "DISPLAY": ":987", "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run(
        [sys.executable, "-m", "glute_coach"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "no display" in done.stderr
