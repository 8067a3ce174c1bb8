"""pyqtgraph axes that write ticks the interface language's way.

pyqtgraph formats date ticks with ``strftime``, which names months and days in the C locale
(English), and numbers with a decimal point; these axes use QLocale's names and decimal
separator instead (the default QLocale is the interface language, see ``i18n``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import (
    adjustTimestampToPreferredUtcOffset,
    utcfromtimestamp,
)
from PySide6.QtCore import QLocale

_NAMES = ("%a", "%b", "%A", "%B")


def localized_strftime(when: datetime, fmt: str, locale: QLocale | None = None) -> str:
    """``when.strftime(fmt)`` with month and weekday names in ``locale`` (default: QLocale())."""
    locale = locale or QLocale()
    short, long = QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat
    names = {
        "%a": locale.dayName(when.isoweekday(), short),
        "%A": locale.dayName(when.isoweekday(), long),
        "%b": locale.monthName(when.month, short),
        "%B": locale.monthName(when.month, long),
    }
    for code, name in names.items():
        fmt = fmt.replace(code, name.replace("%", "%%"))
    return when.strftime(fmt)


class LocalDateAxis(pg.DateAxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        if spec is None or not any(code in spec.format for code in _NAMES):
            return list(super().tickStrings(values, scale, spacing))
        try:
            dates = [
                utcfromtimestamp(adjustTimestampToPreferredUtcOffset(v, self.utcOffset))
                for v in values
            ]
        except (OverflowError, ValueError, OSError):
            return list(super().tickStrings(values, scale, spacing))
        return [localized_strftime(when, spec.format) for when in dates]


class LocalNumberAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """Tick numbers with the interface language's decimal separator ("0,01" in German)."""

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        point = QLocale().decimalPoint()
        return [text.replace(".", point) for text in super().tickStrings(values, scale, spacing)]
