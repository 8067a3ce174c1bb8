"""Render the app icon (assets/icons/glute-coach.svg) for desktops that want bitmaps.

Writes packaging/icons/hicolor/<n>x<n>/apps/glute-coach.png for the freedesktop icon theme,
packaging/windows/glute-coach.ico (the Windows executable and installer) and
packaging/macos/glute-coach.icns (the macOS app bundle). The outputs are committed; run this
again after changing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "assets" / "icons" / "glute-coach.svg"
SIZES = (16, 32, 48, 64, 128, 256, 512)
HICOLOR = ROOT / "packaging" / "icons" / "hicolor"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def write_ico(images: dict[int, QImage], path: Path) -> None:
    """An .ico holding PNG-compressed images (Windows Vista and later read these)."""
    chosen = [size for size in (16, 32, 48, 64, 128, 256) if size in images]
    blobs = [png_bytes(images[size]) for size in chosen]
    header = (
        (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + len(chosen).to_bytes(2, "little")
    )
    offset = 6 + 16 * len(chosen)
    entries = b""
    for size, blob in zip(chosen, blobs, strict=True):
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += bytes([dim, dim, 0, 0]) + (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
        entries += len(blob).to_bytes(4, "little") + offset.to_bytes(4, "little")
        offset += len(blob)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(header + entries + b"".join(blobs))


def write_icns(images: dict[int, QImage], path: Path) -> None:
    """An .icns of PNG chunks (the OSType codes macOS uses for PNG data, 10.7 and later)."""
    codes = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}
    chunks = b""
    for size, code in codes.items():
        blob = png_bytes(images[size])
        chunks += code + (8 + len(blob)).to_bytes(4, "big") + blob
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"icns" + (8 + len(chunks)).to_bytes(4, "big") + chunks)


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"render_icons: cannot read {SOURCE}", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in SIZES}
    for size, image in images.items():
        out = HICOLOR / f"{size}x{size}" / "apps" / "glute-coach.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        writer = QImageWriter(str(out), b"png")
        if not writer.write(image):
            print(f"render_icons: {out}: {writer.errorString()}", file=sys.stderr)
            return 1
        print(out.relative_to(ROOT))
    write_ico(images, ROOT / "packaging" / "windows" / "glute-coach.ico")
    write_icns(images, ROOT / "packaging" / "macos" / "glute-coach.icns")
    print("packaging/windows/glute-coach.ico\npackaging/macos/glute-coach.icns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
