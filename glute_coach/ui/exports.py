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


def save_handout(parent: QWidget, loaded: LoadedRoutine) -> Path | None:
    """Ask for a file (and optionally the client's name), then write the PDF handout."""
    from glute_coach.ui.handout import write_handout_pdf

    title = QCoreApplication.translate("Exports", "Save a handout")
    path, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        _suggested(loaded, ".pdf"),
        QCoreApplication.translate("Exports", "PDF documents (*.pdf)"),
    )
    if not path:
        return None
    client, ok = QInputDialog.getText(
        parent,
        title,
        QCoreApplication.translate("Exports", "Prepared for (name or code, optional):"),
    )
    if not ok:
        return None
    out = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
    try:
        written = write_handout_pdf(loaded, out, client=client.strip() or None)
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
    path, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        _suggested(loaded, ".zip"),
        QCoreApplication.translate("Exports", "Glute Coach routine packages (*.zip)"),
    )
    if not path:
        return None
    out = Path(path) if path.lower().endswith(".zip") else Path(path + ".zip")
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
    path, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        str(Path(folder or Path.home()) / "glute-coach-sessions.csv"),
        QCoreApplication.translate("Exports", "CSV files (*.csv)"),
    )
    if not path:
        return None
    sessions = Path(path) if path.lower().endswith(".csv") else Path(path + ".csv")
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
