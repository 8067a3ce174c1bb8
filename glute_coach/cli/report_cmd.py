"""The `report` command: a progress report (PDF) of the saved sessions, for a therapist.

``glute-coach report [--since YYYY-MM-DD] [--routine ID] [--client NAME] --out FILE.pdf``

A period without sessions is not an error: the report is written and says so, and one line on
stderr says it too. A bad date or an ``--out`` that cannot be written exits 1 with one line.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from glute_coach.cli.main import EXIT_OK, UserError

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def add_report_parser(subparsers: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "report",
        help="write a progress report (PDF) of the saved sessions, for a therapist",
        description="Write a PDF with the sessions done, how often against each routine's "
        "weekly plan, the pain before and after, sensor measurements and charts.",
    )
    p.add_argument(
        "--since", default=None, metavar="YYYY-MM-DD", help="only sessions on or after this day"
    )
    p.add_argument("--routine", default=None, metavar="ID", help="only this routine's sessions")
    p.add_argument(
        "--client", default=None, metavar="NAME", help="who the report is for (name or code)"
    )
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    return p


def parse_day(text: str, option: str) -> date:
    """``YYYY-MM-DD`` as a date; a UserError saying so otherwise."""
    try:
        if not _ISO_DAY.fullmatch(text.strip()):
            raise ValueError
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"{option} {text!r} is not a date (use YYYY-MM-DD)") from None


def _gui_app() -> object:
    """The running QGuiApplication, or a new one (offscreen when there is no display)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        return app
    if (
        sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication(["glute-coach"])


def cmd_report(ns: argparse.Namespace) -> int:
    since = parse_day(ns.since, "--since") if ns.since is not None else None
    out = Path(ns.out).expanduser()
    if out.is_dir():
        raise UserError(f"--out {out}: is a folder; name the PDF file to write")
    client = (ns.client or "").strip() or None

    from glute_coach.storage.history import HistoryError, HistoryStore

    try:
        with HistoryStore.open() as store:
            if store.notice:
                print(f"glute-coach: {store.notice}", file=sys.stderr)
            sessions = store.sessions(since=since, routine_id=ns.routine)
    except HistoryError as exc:
        raise UserError(f"the session history: {exc}") from None

    app = _gui_app()
    from glute_coach.ui.report import write_report_pdf

    try:
        written = write_report_pdf(sessions, out, since=since, routine_id=ns.routine, client=client)
    except OSError as exc:
        raise UserError(f"--out {out}: cannot be written ({exc.strerror or exc})") from None
    finally:
        del app
    if not sessions:
        what = f" of {ns.routine}" if ns.routine else ""
        when = f" since {since.isoformat()}" if since else " yet"
        print(f"glute-coach: no sessions{what}{when}; the report says so", file=sys.stderr)
    print(f"Report written to {written}")
    return EXIT_OK
