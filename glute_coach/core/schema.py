"""The routine format as JSON Schema, exported to routines/schema.json."""

from __future__ import annotations

import json
from pathlib import Path

from glute_coach.core.routine import Routine

SCHEMA_FILE = "schema.json"


def routine_json_schema() -> str:
    """Deterministic text (sorted keys, trailing newline) so the committed copy can be compared."""
    return (
        json.dumps(Routine.model_json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    )


def is_schema_document(path: Path) -> bool:
    """True for the exported schema itself, which sits beside the routines it describes."""
    if path.name != SCHEMA_FILE or not path.is_file() or path.stat().st_size > 1024 * 1024:
        return False
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "$schema" in data and "format_version" not in data
