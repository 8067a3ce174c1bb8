"""What each subcommand does. Imported lazily so `--version` and `--help` stay instant."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glute_coach.cli.formatting import clock, timeline_json, timeline_text
from glute_coach.cli.main import EXIT_OK, EXIT_USER_ERROR, UserError
from glute_coach.core.loading import ClipCheck, LoadedRoutine, RoutineLoadError, load_routine
from glute_coach.core.schema import is_schema_document, routine_json_schema
from glute_coach.storage.library import Source, find_routine, scan_library

if TYPE_CHECKING:
    from glute_coach.storage.history import StoredSession


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


# --- the session history, backup and restore ---------------------------------------------------


def _since(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        if len(text) != 10:
            raise ValueError
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise UserError(f"--since {text!r}: give a date as YYYY-MM-DD, e.g. 2025-03-01") from None


def _scale(value: int | None) -> str:
    return "—" if value is None else str(value)


def session_line(stored: StoredSession) -> str:
    """One line: when, which routine, done/skipped, pain before→after, RPE."""
    s = stored.summary
    try:
        when = datetime.fromisoformat(s.started_at).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        when = s.started_at
    stopped = "" if s.completed else ", stopped"
    return (
        f"#{stored.id}  {when}  {s.title} ({s.routine_id} v{s.routine_version})  "
        f"{len(s.steps_done)} done, {len(s.steps_skipped)} skipped{stopped}  "
        f"pain {_scale(s.pain_before)}→{_scale(s.pain_after)}  RPE {_scale(s.rpe)}"
    )


def session_json(stored: StoredSession) -> dict[str, Any]:
    data = stored.summary.to_json()
    data.pop("version", None)
    return {"id": stored.id, **data, "duration_s": stored.summary.duration_s}


def cmd_history(ns: argparse.Namespace) -> int:
    from glute_coach.storage.history import HistoryError, HistoryStore, export_csv

    since = _since(ns.since)
    try:
        with HistoryStore.open() as store:
            if store.notice:
                print(store.notice, file=sys.stderr)
            if ns.csv:
                sessions_csv, metrics_csv = (Path(p).expanduser() for p in ns.csv)
                if sessions_csv.resolve() == metrics_csv.resolve():
                    raise UserError("--csv needs two different files")
                try:
                    count = export_csv(
                        store, sessions_csv, metrics_csv, since=since, routine_id=ns.routine
                    )
                except OSError as exc:
                    raise UserError(f"--csv: cannot write ({exc.strerror or exc})") from None
                print(
                    f"Wrote {count} sessions to {sessions_csv} and their metrics to {metrics_csv}."
                )
                return EXIT_OK
            found = store.sessions(since=since, routine_id=ns.routine)
    except HistoryError as exc:
        raise UserError(str(exc)) from None
    if ns.format == "json":
        print(json.dumps([session_json(s) for s in found], indent=2, ensure_ascii=False))
    elif not found:
        print("No sessions found.")
    else:
        for stored in found:
            print(session_line(stored))
    return EXIT_OK


def cmd_backup(ns: argparse.Namespace) -> int:
    from glute_coach.storage.backup import BackupError, backup

    try:
        out = backup(Path(ns.file))
    except BackupError as exc:
        raise UserError(str(exc)) from None
    print(f"Backed up your data to {out}.")
    return EXIT_OK


def cmd_restore(ns: argparse.Namespace) -> int:
    from glute_coach.storage.backup import BackupError, restore

    try:
        result = restore(Path(ns.file))
    except BackupError as exc:
        raise UserError(str(exc)) from None
    made = f" made {result.created_at}" if result.created_at else ""
    print(f"Restored {result.files} files from the backup{made}.")
    if result.moved_aside is not None:
        print(f"Your data from before is kept in {result.moved_aside}.")
    return EXIT_OK


def cmd_report(ns: argparse.Namespace) -> int:
    from glute_coach.cli.report_cmd import cmd_report as report

    return report(ns)
