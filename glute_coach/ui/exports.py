"""Saving a routine for a client: a printable PDF handout or a shareable package (zip).

Both ask where to save with the platform's file dialog, write atomically and say where the file
went; a failure is one plain sentence, never a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from glute_coach.core.loading import LoadedRoutine


def _suggested(loaded: LoadedRoutine, suffix: str) -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    stem = re.sub(r"[^a-z0-9]+", "-", loaded.routine.id.lower()).strip("-") or "routine"
    return str(Path(folder or Path.home()) / f"{stem}{suffix}")


def ask_save_path(
    parent: QWidget, title: str, suggested: str, filter_text: str, suffix: str
) -> Path | None:
    """The platform's save dialog; the chosen path with ``suffix`` added if missing, or None."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filter_text)
    if not path:
        return None
    return Path(path) if path.lower().endswith(suffix) else Path(path + suffix)


def ask_pdf_target(parent: QWidget, title: str, suggested: str) -> tuple[Path, str | None] | None:
    """Where to save a PDF and, optionally, who it is for; None when cancelled."""
    out = ask_save_path(
        parent,
        title,
        suggested,
        QCoreApplication.translate("Exports", "PDF documents (*.pdf)"),
        ".pdf",
    )
    if out is None:
        return None
    client, ok = QInputDialog.getText(
        parent,
        title,
        QCoreApplication.translate("Exports", "Prepared for (name or code, optional):"),
    )
    if not ok:
        return None
    return out, client.strip() or None


def save_handout(parent: QWidget, loaded: LoadedRoutine) -> Path | None:
    """Ask for a file (and optionally the client's name), then write the PDF handout."""
    from glute_coach.ui.handout import write_handout_pdf

    title = QCoreApplication.translate("Exports", "Save a handout")
    target = ask_pdf_target(parent, title, _suggested(loaded, ".pdf"))
    if target is None:
        return None
    out, client = target
    try:
        written = write_handout_pdf(loaded, out, client=client)
    except (OSError, ValueError) as exc:
        QMessageBox.warning(
            parent,
            title,
            QCoreApplication.translate("Exports", "The handout could not be saved: {0}").format(
                exc
            ),
        )
        return None
    QMessageBox.information(
        parent, title, QCoreApplication.translate("Exports", "Handout saved: {0}").format(written)
    )
    return written


def save_package(parent: QWidget, loaded: LoadedRoutine) -> Path | None:
    """Ask for a file, then write the routine with its own pictures and sounds as a zip."""
    from glute_coach.storage.routine_package import PackageError, export_package

    title = QCoreApplication.translate("Exports", "Share this routine")
    out = ask_save_path(
        parent,
        title,
        _suggested(loaded, ".zip"),
        QCoreApplication.translate("Exports", "Glute Coach routine packages (*.zip)"),
        ".zip",
    )
    if out is None:
        return None
    try:
        written = export_package(loaded, out)
    except (OSError, PackageError) as exc:
        QMessageBox.warning(
            parent,
            title,
            QCoreApplication.translate("Exports", "The routine could not be saved: {0}").format(
                exc
            ),
        )
        return None
    QMessageBox.information(
        parent,
        title,
        QCoreApplication.translate(
            "Exports", "Saved: {0}\nOpen it in Glute Coach (Open… or drag it onto the library)."
        ).format(written),
    )
    return written


def save_history_csv(parent: QWidget) -> Path | None:
    """Ask for a file name; write sessions.csv-style and metrics files beside each other."""
    from glute_coach.storage.history import HistoryError, HistoryStore, export_csv

    title = QCoreApplication.translate("Exports", "Export your history")
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    sessions = ask_save_path(
        parent,
        title,
        str(Path(folder or Path.home()) / "glute-coach-sessions.csv"),
        QCoreApplication.translate("Exports", "CSV files (*.csv)"),
        ".csv",
    )
    if sessions is None:
        return None
    metrics = sessions.with_name(sessions.stem + "-metrics.csv")
    try:
        with HistoryStore.open() as store:
            count = export_csv(store, sessions, metrics)
    except (OSError, HistoryError) as exc:
        QMessageBox.warning(
            parent,
            title,
            QCoreApplication.translate("Exports", "The history could not be exported: {0}").format(
                exc
            ),
        )
        return None
    QMessageBox.information(
        parent,
        title,
        QCoreApplication.translate(
            "Exports", "{n} sessions saved to:\n{sessions}\nMeasurements: {metrics}"
        ).format(n=count, sessions=sessions, metrics=metrics),
    )
    return sessions
