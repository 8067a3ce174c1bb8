"""The core is pure Python: no Qt, no audio or sensor libraries, no other layer."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

CORE = ROOT / "glute_coach" / "core"
FORBIDDEN_IN_CORE = (
    "PySide6",
    "shiboken6",
    "pyqtgraph",
    "sounddevice",
    "pydub",
    "numpy",
    "scipy",
    "glute_coach.ui",
    "glute_coach.audio",
    "glute_coach.sensors",
    "glute_coach.storage",
    "glute_coach.cli",
)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_sources_import_nothing_forbidden() -> None:
    files = sorted(CORE.rglob("*.py"))
    assert files
    for path in files:
        for name in _imports(path):
            assert not name.startswith(FORBIDDEN_IN_CORE), (
                f"{path.relative_to(ROOT)} imports {name}"
            )


def test_importing_the_core_loads_no_qt() -> None:
    modules = [
        f"glute_coach.core.{p.stem}" for p in sorted(CORE.glob("*.py")) if p.stem != "__init__"
    ]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        + "print(','.join(bad))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == ""
