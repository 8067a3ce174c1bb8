"""The ``glute-coach`` command: one surface for the app and its subcommands.

Every subcommand exits 0 on success and 1 on a user error with one line per
problem on stderr; no traceback ever reaches the user.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from glute_coach import __version__

SUBCOMMANDS = (
    "validate",
    "show",
    "schema",
    "list",
    "play",
    "analyze",
    "history",
    "backup",
    "restore",
    "report",
)
EXIT_OK, EXIT_USER_ERROR, EXIT_INTERNAL = 0, 1, 2


class UserError(Exception):
    """A mistake the user can fix; its message is printed as one line."""


def _subcommand_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="glute-coach",
        description="Guided glute rehabilitation and training with cued timers and spoken prompts.",
        epilog="Run 'glute-coach COMMAND --help' for a command's options. "
        "With no command, 'glute-coach [ROUTINE] [--start]' opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"glute-coach {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("validate", help="check routine files; one line per problem")
    p.add_argument("paths", nargs="+", metavar="PATH", help="routine files (JSON)")

    p = sub.add_parser("show", help="print a routine's compiled timeline")
    p.add_argument(
        "routine", metavar="ROUTINE", help="a routine file or the id of a library routine"
    )
    p.add_argument("--format", choices=("text", "json"), default="text")

    sub.add_parser("schema", help="print the JSON Schema of the routine format")
    p = sub.add_parser("list", help="list bundled and user routines")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser("play", help="play a routine in the terminal with audio cues")
    p.add_argument(
        "routine", metavar="ROUTINE", help="a routine file or the id of a library routine"
    )
    p.add_argument(
        "--speed", type=float, default=1.0, metavar="FACTOR", help="run faster (tests, demos)"
    )
    p.add_argument("--no-audio", action="store_true", help="silent: captions only")
    p.add_argument(
        "--lang", default=None, metavar="LANG", help="voice language (default: the routine's)"
    )
    p.add_argument(
        "--sensor",
        default=None,
        metavar="SPEC",
        help="read a sensor during the session: sim, sim:seed=3,kind=pressure, file:PATH, "
        "lsl:NAME, ble:ADDRESS, serial:PORT, brainflow:BOARD",
    )
    p.add_argument(
        "--record",
        default=None,
        metavar="DIR",
        help="with --sensor: save samples, envelopes and cues to DIR (CSV + JSON sidecar)",
    )
    p.add_argument(
        "--lsl-markers",
        action="store_true",
        help="with --sensor: publish every cue as a Lab Streaming Layer marker",
    )
    from glute_coach.cli.analyze_args import add_analyze_parser

    add_analyze_parser(sub)
    from glute_coach.cli.report_cmd import add_report_parser

    add_report_parser(sub)

    p = sub.add_parser("history", help="list the sessions kept on this computer")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument(
        "--since", metavar="YYYY-MM-DD", help="only sessions started on or after this date"
    )
    p.add_argument("--routine", metavar="ID", help="only sessions of this routine id")
    p.add_argument(
        "--csv",
        nargs=2,
        metavar=("SESSIONS.csv", "METRICS.csv"),
        help="write the sessions and their sensor metrics as two CSV files instead",
    )
    p = sub.add_parser(
        "backup",
        help="save all your data (history, settings, routines, recordings) to one zip file",
    )
    p.add_argument("file", metavar="FILE.zip", help="the backup file to write")
    p = sub.add_parser(
        "restore",
        help="replace your data with a backup (close the app first; the current data is kept "
        "aside so this can be undone)",
    )
    p.add_argument("file", metavar="FILE.zip", help="a backup made by 'glute-coach backup'")
    return parser


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="glute-coach",
        usage="glute-coach [ROUTINE] [--start] [--sensor SPEC] [--clinic | --kiosk "
        "[--kiosk-dir DIR]] | glute-coach COMMAND ...",
        description="Open the Glute Coach app, optionally with a routine. "
        f"Commands: {', '.join(SUBCOMMANDS)} (see 'glute-coach --help').",
    )
    parser.add_argument(
        "routine", nargs="?", metavar="ROUTINE", help="a routine file or library id"
    )
    parser.add_argument("--start", action="store_true", help="start the routine at once")
    parser.add_argument(
        "--sensor",
        metavar="SPEC",
        help="biofeedback sensor for sessions: a saved sensor profile's name or a spec "
        "(sim, file:PATH, lsl:NAME, brainflow:BOARD, ble:ADDRESS, serial:PORT)",
    )
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument(
        "--clinic",
        action="store_true",
        help="clinic mode: the client's player on a second screen, a therapist console here",
    )
    modes.add_argument(
        "--kiosk",
        action="store_true",
        help="kiosk mode: fullscreen and locked, for a gym's wall screen or touch kiosk",
    )
    parser.add_argument(
        "--kiosk-dir",
        metavar="DIR",
        help="kiosk mode: show only the routines in this folder (default: the user routines)",
    )
    parser.add_argument("--version", action="version", version=f"glute-coach {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if not args or (args[0] not in SUBCOMMANDS and args[0] not in ("-h", "--help")):
            return _run_app(_app_parser().parse_args(args))
        ns = _subcommand_parser().parse_args(args)
        return _COMMANDS[ns.command](ns)
    except UserError as exc:
        print(f"glute-coach: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`); nothing more to say
        return EXIT_OK
    except Exception as exc:  # the last line of defence: never a traceback
        print(
            f"glute-coach: internal error: {type(exc).__name__}: {exc} (please report this)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _run_app(ns: argparse.Namespace) -> int:
    from glute_coach.cli.commands import run_app

    return run_app(ns)


def _lazy(name: str) -> Callable[[argparse.Namespace], int]:
    def run(ns: argparse.Namespace) -> int:
        from glute_coach.cli import commands

        handler: Callable[[argparse.Namespace], int] = getattr(commands, name)
        return handler(ns)

    return run


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    name: _lazy(f"cmd_{name}") for name in SUBCOMMANDS
}
