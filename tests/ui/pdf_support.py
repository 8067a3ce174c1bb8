"""Shared pieces of the PDF tests (handout, report): poppler-utils, text without line breaks,
how much of a rendered page is inked."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from PySide6.QtGui import QImage


def require_poppler() -> None:
    """Skip without pdftoppm/pdftotext on a developer's machine; fail under CI, which installs
    them."""
    missing = [tool for tool in ("pdftoppm", "pdftotext") if shutil.which(tool) is None]
    if missing:
        message = (
            f"{', '.join(missing)} not found: install poppler-utils "
            "(scripts/install-system-deps does)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def squash(text: str) -> str:
    """Without whitespace: a name or DOI may wrap at any line end in a PDF's text."""
    return re.sub(r"\s+", "", text)


def ink(image: QImage) -> float:
    """The share of the image's pixels that are not near-white."""
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height = image.width(), image.height()
    data = bytes(image.constBits())[: image.bytesPerLine() * height]
    inked = sum(
        1
        for y in range(height)
        for value in data[y * image.bytesPerLine() : y * image.bytesPerLine() + width]
        if value < 200
    )
    return inked / (width * height)
