"""Shared fixtures: a private user home for every test, and paths to the project's files."""

from __future__ import annotations

import os
from pathlib import Path

# Qt aborts without a platform; tests draw offscreen unless told otherwise (e.g. under Xvfb).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Lab Streaming Layer stays on this machine in tests: no multicast or broadcast off the host,
# no IPv6 (read by liblsl when pylsl first loads, so set before any test imports it).
os.environ["LSLAPICFG"] = str(Path(__file__).resolve().parent / "sensors" / "lsl.cfg")

import pytest

ROOT = Path(__file__).resolve().parent.parent
ROUTINES = ROOT / "routines"
SHARED_DATA = ROOT.parent / "shared" / "data"
UCI = SHARED_DATA / "emg" / "uci-lower-limb"


@pytest.fixture(autouse=True)
def private_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """platformdirs follows XDG on Linux: point it at a scratch folder per test."""
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    return home


def bundled_routine_files() -> list[Path]:
    return sorted(p for p in ROUTINES.glob("*.json") if p.name != "schema.json")


@pytest.fixture
def uci_dir() -> Path:
    """The UCI EMG recordings (CC BY 4.0, Sanchez & Sotelo) beside the clone; CI must have them."""
    if not UCI.is_dir():
        message = f"the shared EMG recordings are missing: {UCI}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return UCI
