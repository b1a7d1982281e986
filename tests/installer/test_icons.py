"""The application icon: every committed PNG and the ICO are drawn from the current SVG."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path
from types import ModuleType

import pytest

from ui.common.qt import QApplication, QImage

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def icons() -> ModuleType:
    """installer/icons.py, the script that draws the PNGs and the ICO from the SVG."""
    spec = importlib.util.spec_from_file_location("icons", ROOT / "installer" / "icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mean_difference(a: QImage, b: QImage) -> float:
    """Return the mean difference of two images' ARGB bytes (0 for equal images)."""
    first = a.convertToFormat(QImage.Format.Format_ARGB32)
    second = b.convertToFormat(QImage.Format.Format_ARGB32)
    left, right = bytes(first.constBits()), bytes(second.constBits())
    return sum(abs(x - y) for x, y in zip(left, right, strict=True)) / len(left)


@pytest.mark.parametrize("size", [16, 22, 24, 32, 48, 64, 128, 256])
def test_each_png_is_the_svg_drawn_at_its_size(qapp: QApplication, icons: ModuleType,
                                               size: int) -> None:
    committed = QImage(str(icons.png_path(size)))
    assert (committed.width(), committed.height()) == (size, size)
    assert committed.hasAlphaChannel()
    # A small tolerance: another Qt version may smooth edges a little differently; a changed
    # SVG whose PNGs were not redrawn (python installer/icons.py) differs far more.
    assert mean_difference(committed, icons.render(size)) < 0.25


def test_ico_holds_every_windows_size_as_the_committed_png(icons: ModuleType) -> None:
    data = icons.ICO.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    for index, size in enumerate(icons.ICO_SIZES):
        side, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        assert side == size % 256  # 0 stands for 256
        assert data[offset:offset + length] == icons.png_path(size).read_bytes()
