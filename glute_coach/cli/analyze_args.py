"""The `analyze` command's arguments, apart from its numeric code so building the CLI stays fast."""

from __future__ import annotations

import argparse
from typing import Any


def add_analyze_parser(subparsers: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "analyze", help="analyse an EMG recording: onsets, reps, levels, time in zone, symmetry"
    )
    add_arguments(p)
    return p


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="recording: UCI text, CSV/TSV with header, EDF/BDF")
    p.add_argument("--fs", type=float, default=None, metavar="HZ", help="sampling rate")
    p.add_argument(
        "--channels", default=None, metavar="NAMES", help="comma-separated channels (default: EMG)"
    )
    p.add_argument("--target", default=None, metavar="LO:HI", help="target zone of the envelope")
    p.add_argument(
        "--sides", default=None, metavar="left=CH,right=CH", help="map two channels to sides"
    )
    p.add_argument("--mvc", default=None, metavar="FILE", help="MVC recording: report in %%MVC")
    p.add_argument("--notch", type=float, default=None, metavar="HZ", help="50 or 60 Hz notch")
    p.add_argument("--format", choices=("text", "json"), default="text")
