"""The user's folders, from platformdirs (XDG on Linux, so tests can point them elsewhere)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import PlatformDirs

_DIRS = PlatformDirs(appname="glute-coach", appauthor=False)


def user_data_dir() -> Path:
    return Path(_DIRS.user_data_dir)


def user_routines_dir() -> Path:
    return user_data_dir() / "routines"


def user_recordings_dir() -> Path:
    return user_data_dir() / "recordings"


def user_config_dir() -> Path:
    return Path(_DIRS.user_config_dir)


def user_log_dir() -> Path:
    return Path(_DIRS.user_log_dir)
