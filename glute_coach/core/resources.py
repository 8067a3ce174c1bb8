"""Where the app's own files live: inside the installed package, or the source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


@cache
def _data_dir(name: str) -> Path:
    # A wheel carries assets/ and routines/ inside the package; a checkout has them at the top.
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    return _PACKAGE / name


def assets_dir() -> Path:
    return _data_dir("assets")


def bundled_routines_dir() -> Path:
    return _data_dir("routines")


def builtin_asset(name: str) -> Path:
    return assets_dir() / name
