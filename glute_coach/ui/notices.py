"""What the storage layer reports once (a damaged history moved aside, settings reset), said in
the interface language. The storage layer keeps the facts; its English ``notice`` is for the
command line."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from glute_coach.storage.history import HistoryStore
from glute_coach.storage.settings import LoadedSettings


def history_notice(store: HistoryStore) -> str | None:
    if store.damage is None:
        return None
    reason, moved = store.damage
    text = QCoreApplication.translate(
        "Notices",
        "Your session history could not be read ({reason}), so it was kept as {file} and a new one was started.",
    )
    return text.format(reason=reason, file=moved.name)


def settings_notice(loaded: LoadedSettings) -> str | None:
    if loaded.unreadable is not None:
        text = QCoreApplication.translate(
            "Notices", "Your settings file could not be read ({reason}); defaults are in use."
        ).format(reason=loaded.unreadable)
        if loaded.kept_as:
            kept = QCoreApplication.translate("Notices", "It was kept as {file}.")
            text += " " + kept.format(file=loaded.kept_as)
        return text
    if loaded.reset:
        return QCoreApplication.translate(
            "Notices", "Some settings were not valid and were reset: {names}."
        ).format(names=", ".join(loaded.reset))
    return None
