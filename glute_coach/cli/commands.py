"""What each subcommand does. Imported lazily so `--version` and `--help` stay instant."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from glute_coach.cli.formatting import clock, timeline_json, timeline_text
from glute_coach.cli.main import EXIT_OK, EXIT_USER_ERROR, UserError
from glute_coach.core.loading import ClipCheck, LoadedRoutine, RoutineLoadError, load_routine
from glute_coach.core.schema import is_schema_document, routine_json_schema
from glute_coach.storage.library import Source, find_routine, scan_library


def _clip_check() -> ClipCheck | None:
    """The audio layer's clip check, so `validate` and loading say the same thing."""
    try:
        from glute_coach.audio.clips import check_clip
    except ImportError:  # the audio layer is optional for validation
        return None
    checker: ClipCheck = check_clip
    return checker


def load_for_cli(ref: str) -> LoadedRoutine:
    path = find_routine(ref)
    if path is None:
        raise UserError(f"no routine file or library id '{ref}' (see 'glute-coach list')")
    try:
        return load_routine(path, clip_check=_clip_check())
    except RoutineLoadError as exc:
        raise UserError("\n".join(str(p) for p in exc.problems)) from None


def cmd_validate(ns: argparse.Namespace) -> int:
    check = _clip_check()
    failed = False
    for name in ns.paths:
        if is_schema_document(Path(name)):
            print(f"{name}: skipped (the routine format's JSON Schema, not a routine)")
            continue
        try:
            loaded = load_routine(Path(name), clip_check=check)
        except RoutineLoadError as exc:
            failed = True
            for problem in exc.problems:
                print(problem, file=sys.stderr)
        else:
            print(f"{name}: ok ({loaded.routine.title}, {clock(loaded.timeline.total_s)})")
    return EXIT_USER_ERROR if failed else EXIT_OK


def cmd_show(ns: argparse.Namespace) -> int:
    loaded = load_for_cli(ns.routine)
    if ns.format == "json":
        print(json.dumps(timeline_json(loaded.timeline), indent=2, ensure_ascii=False))
    else:
        print(timeline_text(loaded.timeline))
    return EXIT_OK


def cmd_schema(ns: argparse.Namespace) -> int:
    sys.stdout.write(routine_json_schema())
    return EXIT_OK


def cmd_list(ns: argparse.Namespace) -> int:
    entries = list(scan_library())
    rows: list[dict[str, Any]] = []
    for entry in entries:
        if entry.loaded is None:
            for problem in entry.problems:
                print(f"skipped: {problem}", file=sys.stderr)
            continue
        r = entry.loaded.routine
        rows.append(
            {
                "id": r.id,
                "title": r.title,
                "level": r.level.value,
                "total_s": entry.loaded.timeline.total_s,
                "source": entry.source.value,
                "path": str(entry.path),
            }
        )
    if ns.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("No routines found.")
        return EXIT_OK
    width = max(len(r["id"]) for r in rows)
    for row in rows:
        mark = " (yours)" if row["source"] == Source.USER.value else ""
        print(
            f"{row['id']:<{width}}  {clock(row['total_s']):>6}  {row['level']:<12}  {row['title']}{mark}"
        )
    return EXIT_OK


def cmd_play(ns: argparse.Namespace) -> int:
    from glute_coach.cli.player import play

    if not 0 < ns.speed <= 10_000:
        raise UserError("--speed must be above 0 and at most 10000")
    sensor_spec: str | None = getattr(ns, "sensor", None)
    record: str | None = getattr(ns, "record", None)
    lsl_markers: bool = bool(getattr(ns, "lsl_markers", False))
    if sensor_spec is None and (record is not None or lsl_markers):
        raise UserError("--record and --lsl-markers need --sensor SPEC")
    if (
        record is not None
        and Path(record).expanduser().exists()
        and not Path(record).expanduser().is_dir()
    ):
        raise UserError(f"--record {record}: not a folder")
    loaded = load_for_cli(ns.routine)
    sensors = None
    if sensor_spec is not None:
        from glute_coach.sensors.session import SensorSession

        try:
            sensors = SensorSession(
                sensor_spec,
                record_dir=record,
                routine_id=loaded.routine.id,
                lsl_markers=lsl_markers,
            )
        except (ValueError, ImportError, OSError) as exc:
            raise UserError(f"--sensor: {exc}") from None
    return play(loaded, speed=ns.speed, audio=not ns.no_audio, lang=ns.lang, sensors=sensors)


def cmd_analyze(ns: argparse.Namespace) -> int:
    from glute_coach.cli.analyze import cmd_analyze as analyze

    return analyze(ns)


def run_app(ns: argparse.Namespace) -> int:
    """Open the desktop app, optionally on a routine file or library id (and start it)."""
    from glute_coach.ui.app import run_gui

    path = None
    if ns.routine:
        path = find_routine(ns.routine)
        if path is None:
            raise UserError(
                f"no routine file or library id '{ns.routine}' (see 'glute-coach list')"
            )
    sensor = ns.sensor
    if sensor is not None:
        from glute_coach.sensors.profile import PROFILES_DIR, resolve_sensor
        from glute_coach.storage.paths import user_config_dir

        try:
            resolve_sensor(sensor, user_config_dir() / PROFILES_DIR)
        except ValueError as exc:
            raise UserError(f"--sensor: {exc}") from None
    if ns.kiosk_dir is not None and not ns.kiosk:
        raise UserError("--kiosk-dir goes with --kiosk")
    mode = "kiosk" if ns.kiosk else ("clinic" if ns.clinic else "normal")
    kiosk_dir = Path(ns.kiosk_dir).expanduser() if ns.kiosk_dir is not None else None
    return run_gui(path, start=ns.start, sensor=sensor, mode=mode, kiosk_dir=kiosk_dir)
