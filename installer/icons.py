"""Render the application icon from resources/icons/officeapp.svg into PNG sizes and an ICO.

`python installer/icons.py` rewrites resources/icons/hicolor/NxN/apps/officeapp.png (the
freedesktop icon theme layout the .deb installs) and resources/icons/officeapp.ico (the
Windows executable's icon). The results are committed, so that the Windows build needs no
step of its own; run this again after changing the SVG (tests/installer/test_icons.py fails
when a committed size no longer matches the SVG).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "officeapp.svg"
ICO = ICONS / "officeapp.ico"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # what Windows asks for, from lists to Explorer


def png_path(size: int, root: Path = ICONS) -> Path:
    """Return where the PNG of one size lives in the hicolor layout under `root`."""
    return root / "hicolor" / f"{size}x{size}" / "apps" / "officeapp.png"


def render(size: int, svg: Path = SVG) -> QImage:
    """Return the icon drawn at `size` × `size` pixels on a transparent background."""
    QGuiApplication.instance() or QGuiApplication([])  # QPainter needs the GUI side of Qt
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG that Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """Return `image` encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, b"PNG")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """Return an ICO holding one PNG-compressed image per size (read by Windows Vista on)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = [], []
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset))
        blobs.append(data)
        offset += len(data)
    return header + b"".join(entries) + b"".join(blobs)


def write_all(root: Path = ICONS) -> list[Path]:
    """Write every PNG size and the ICO under `root`; return the files written."""
    pngs = {size: png_bytes(render(size)) for size in PNG_SIZES}
    written = []
    for size, data in pngs.items():
        path = png_path(size, root)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    ico = root / ICO.name
    ico.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    return [*written, ico]


if __name__ == "__main__":
    for written_path in write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else ICONS):
        print(written_path)
