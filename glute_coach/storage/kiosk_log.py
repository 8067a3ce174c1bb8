"""The kiosk's log: a rotating file in the user log folder (1 MB × 5 files at most).

A kiosk runs unattended, so what went wrong is written down rather than shown: skipped
routine files, unexpected errors (with their traceback), staff sign-ins. Rotation keeps the
folder bounded (``MAX_BYTES × (BACKUPS + 1)``) however long the kiosk runs.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from glute_coach.storage.paths import user_log_dir

LOG_FILE = "kiosk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
LOGGER = "glute_coach"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _KioskHandler(RotatingFileHandler):
    """Marks the handler this module installed, so installing again replaces it."""


def install_kiosk_logging(
    folder: Path | None = None, *, max_bytes: int = MAX_BYTES, backups: int = BACKUPS
) -> Path:
    """Log the app's records (INFO and up) to ``folder/kiosk.log``; returns the file's path.

    Installing again replaces the previous kiosk handler (one file open at a time)."""
    uninstall_kiosk_logging()
    folder = folder if folder is not None else user_log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    handler = _KioskHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    logger = logging.getLogger(LOGGER)
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return path


def uninstall_kiosk_logging() -> None:
    """Remove and close the kiosk handler (if any)."""
    logger = logging.getLogger(LOGGER)
    for handler in list(logger.handlers):
        if isinstance(handler, _KioskHandler):
            logger.removeHandler(handler)
            handler.close()


def log_folder_bytes(folder: Path | None = None) -> int:
    """The size of the kiosk's log files together (for staff, and the soak test)."""
    folder = folder if folder is not None else user_log_dir()
    return sum(p.stat().st_size for p in folder.glob(f"{LOG_FILE}*") if p.is_file())
