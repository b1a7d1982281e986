"""Page geometry of GB/T 9704-2012 in PDF points (y grows upwards, as in PDF)."""

from __future__ import annotations

from typing import Final

MM: Final = 72.0 / 25.4

PAGE_WIDTH: Final = 210.0 * MM
PAGE_HEIGHT: Final = 297.0 * MM

TOP_MARGIN: Final = 37.0 * MM  # 天头
LEFT_MARGIN: Final = 28.0 * MM  # 订口
BLOCK_WIDTH: Final = 156.0 * MM  # 版心宽
BLOCK_HEIGHT: Final = 225.0 * MM  # 版心高

BLOCK_LEFT: Final = LEFT_MARGIN
BLOCK_RIGHT: Final = LEFT_MARGIN + BLOCK_WIDTH
BLOCK_TOP: Final = PAGE_HEIGHT - TOP_MARGIN
BLOCK_BOTTOM: Final = BLOCK_TOP - BLOCK_HEIGHT

CHARS_PER_LINE: Final = 28
LINES_PER_PAGE: Final = 22
CELL: Final = BLOCK_WIDTH / CHARS_PER_LINE  # character pitch of the 正文 grid
PITCH: Final = BLOCK_HEIGHT / LINES_PER_PAGE  # line pitch of the 正文 grid

SIZE_1: Final = 26.0  # 一号
SIZE_2: Final = 22.0  # 二号
SIZE_3: Final = 16.0  # 三号
SIZE_4: Final = 14.0  # 四号

MARK_TOP_GAP: Final = 35.0 * MM  # 发文机关标志上边缘至版心上边缘
MARK_HEIGHT: Final = 22.0 * MM  # 发文机关标志字高 (GB/T 9704-1999 §7.2: 小于 22mm × 15mm)
MARK_CHAR_WIDTH: Final = 15.0 * MM
RED_RULE_GAP: Final = 4.0 * MM  # 发文字号之下 4mm 处印红色分隔线
RED_RULE_THICKNESS: Final = 0.75 * MM
THICK_RULE: Final = 0.35 * MM  # 版记首末条分隔线
THIN_RULE: Final = 0.25 * MM  # 版记中间分隔线
PAGE_NUMBER_GAP: Final = 7.0 * MM  # 一字线上距版心下边缘 7mm
SEAL_DIAMETER: Final = 42.0 * MM

RED: Final = (1.0, 0.0, 0.0)
BLACK: Final = (0.0, 0.0, 0.0)

Color = tuple[float, float, float]


def line_top(index: int) -> float:
    """Return the y of the top edge of grid line `index` (0 is the first line of the 版心)."""
    return BLOCK_TOP - index * PITCH


def line_of(y: float) -> int:
    """Return the index of the grid line that contains the height `y`."""
    return int((BLOCK_TOP - y) // PITCH)
