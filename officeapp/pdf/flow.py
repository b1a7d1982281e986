"""The 22-line grid shared by 公文 and 纪要: rows, pagination, 版头 parts, 版记, page numbers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Final

from officeapp.pdf.draw import ImageData, ImageOp, Op, RuleOp, TextOp, baseline_in
from officeapp.pdf.fonts import FontRole, FontSet
from officeapp.pdf.geometry import (
    BLACK,
    BLOCK_BOTTOM,
    BLOCK_LEFT,
    BLOCK_RIGHT,
    BLOCK_TOP,
    BLOCK_WIDTH,
    CELL,
    LINES_PER_PAGE,
    MARK_CHAR_WIDTH,
    MARK_HEIGHT,
    MARK_TOP_GAP,
    PAGE_NUMBER_GAP,
    PITCH,
    RED,
    SIZE_3,
    SIZE_4,
    THICK_RULE,
    THIN_RULE,
    Color,
    line_of,
    line_top,
)
from officeapp.pdf.typeset import Line, Pitch, Span, single_line, typeset

GRID: Final = Pitch(size=SIZE_3, cell=CELL, grid=True)
DASH_HEIGHT_EM: Final = 0.35  # where a 一字线 sits when the font cannot tell


@dataclass(frozen=True, slots=True)
class Placed:
    """A line set at `x` points from the left edge of the page."""

    line: Line
    x: float
    color: Color = BLACK


@dataclass(frozen=True, slots=True)
class Seal:
    """A seal image centred at `x`, `drop` points below the top of its row."""

    path: ImageData
    x: float
    drop: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the grid; `keep` ties it to the page of the row before it."""

    items: tuple[Placed, ...] = ()
    keep: bool = False
    seal: Seal | None = None

    @property
    def blank(self) -> bool:
        """Return whether the row shows nothing."""
        return not self.items and self.seal is None


BLANK: Final = Row()


@dataclass
class Sheet:
    """The rows placed on one page, by grid line index."""

    rows: list[tuple[int, Row]] = field(default_factory=list)

    @property
    def used(self) -> int:
        """Return how many grid lines from the top are taken."""
        return self.rows[-1][0] + 1 if self.rows else 0


def rows_of(lines: Sequence[Line], *, x: float = BLOCK_LEFT, keep_first: bool = False) -> list[Row]:
    """Return one row per line, all starting at `x`."""
    return [
        Row((Placed(line, x),), keep=keep_first and index == 0) for index, line in enumerate(lines)
    ]


def kept(rows: Sequence[Row]) -> list[Row]:
    """Return `rows` tied to the page of the row before them."""
    return [replace(row, keep=True) for row in rows]


def paginate(rows: Sequence[Row], *, first_line: int) -> list[Sheet]:
    """Place rows on grid lines, page after page, honouring `keep` and dropping top blanks."""
    sheets = [Sheet()]
    line = first_line
    for group in _groups(rows):
        if line + len(group) > LINES_PER_PAGE and len(group) <= LINES_PER_PAGE:
            sheets.append(Sheet())
            line = 0
        for row in group:
            if line == LINES_PER_PAGE:
                sheets.append(Sheet())
                line = 0
            if line == 0 and row.blank:
                continue
            sheets[-1].rows.append((line, row))
            line += 1
    return sheets


def _groups(rows: Sequence[Row]) -> list[list[Row]]:
    """Split rows into groups that must share a page."""
    groups: list[list[Row]] = []
    for row in rows:
        if row.keep and groups:
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


def row_ops(sheet: Sheet) -> list[Op]:
    """Return the drawing operations of a sheet's rows."""
    ops: list[Op] = []
    for index, row in sheet.rows:
        top = line_top(index)
        for placed in row.items:
            baseline = baseline_in(top, PITCH, placed.line.size, placed.line.descent)
            ops.append(TextOp(placed.line, placed.x, baseline, placed.color))
        if row.seal is not None:
            ops.append(_seal_op(row.seal, top))
    return ops


def _seal_op(seal: Seal, top: float) -> ImageOp:
    """Return the seal image placed relative to the top of its row."""
    centre_y = top - seal.drop
    return ImageOp(
        seal.path,
        seal.x - seal.width / 2,
        centre_y - seal.height / 2,
        seal.width,
        seal.height,
        seal=True,
    )


def paragraph_rows(
    spans: Sequence[Span], fonts: FontSet, *, first_indent: float = 0.0, rest_indent: float = 0.0
) -> list[Row]:
    """Return the rows of a paragraph set on the 正文 grid; indents are in cells."""
    lines = typeset(
        spans,
        fonts=fonts,
        pitch=GRID,
        width=BLOCK_WIDTH,
        first_indent=first_indent * CELL,
        rest_indent=rest_indent * CELL,
    )
    return rows_of(lines)


def labelled_rows(label: str, role: FontRole, text: str, fonts: FontSet) -> list[Row]:
    """Return 'label：text' indented two cells, wrapping under the first character of text."""
    spans = [Span(f"{label}：", role), Span(text, FontRole.FANGSONG)]
    label_cells = single_line(spans[:1], fonts=fonts, pitch=GRID).extent / CELL
    return paragraph_rows(spans, fonts, first_indent=2, rest_indent=2 + label_cells)


def attachment_rows(names: Sequence[str], fonts: FontSet) -> list[Row]:
    """Return the 附件说明: '附件：1. name', further items aligned under the first number."""
    if not names:
        return []
    label = "附件："
    label_cells = _cells(label, fonts)
    if len(names) == 1:
        return paragraph_rows(
            [Span(label + names[0], FontRole.FANGSONG)],
            fonts,
            first_indent=2,
            rest_indent=2 + label_cells,
        )
    rows: list[Row] = []
    for number, name in enumerate(names, start=1):
        prefix = f"{label if number == 1 else ''}{number}."
        start = 2 if number == 1 else 2 + label_cells
        rows += paragraph_rows(
            [Span(prefix + name, FontRole.FANGSONG)],
            fonts,
            first_indent=start,
            rest_indent=2 + label_cells + _cells(f"{number}.", fonts),
        )
    return rows


def _cells(text: str, fonts: FontSet) -> float:
    """Return the width of `text` on the 正文 grid, in cells."""
    return single_line([Span(text, FontRole.FANGSONG)], fonts=fonts, pitch=GRID).extent / CELL


def chinese_date(day: dt.date) -> str:
    """Return a date as 2023年11月27日: full year, no leading zeros (GB/T 9704-2012 §7.3.5)."""
    return f"{day.year}年{day.month}月{day.day}日"


def corner_ops(texts: Sequence[str], fonts: FontSet) -> list[Op]:
    """Return 份号, 密级 and 紧急程度, one per line from the top left, in 3号黑体."""
    ops: list[Op] = []
    for index, text in enumerate(t for t in texts if t):
        line = single_line([Span(text, FontRole.HEITI)], fonts=fonts, pitch=GRID)
        baseline = baseline_in(line_top(index), PITCH, SIZE_3, line.descent)
        ops.append(TextOp(line, BLOCK_LEFT, baseline))
    return ops


def mark_ops(text: str, fonts: FontSet) -> tuple[list[Op], int]:
    """Return the red 发文机关标志 and the grid line that holds its bottom edge."""
    size = MARK_HEIGHT
    line = single_line([Span(text, FontRole.TITLE)], fonts=fonts, pitch=Pitch(size, size, False))
    natural = line.extent or size
    scale = min(MARK_CHAR_WIDTH / size, BLOCK_WIDTH / natural)
    width = natural * scale
    em_top = BLOCK_TOP - MARK_TOP_GAP
    baseline = em_top - (1 + line.descent) * size
    op = TextOp(line, BLOCK_LEFT + (BLOCK_WIDTH - width) / 2, baseline, RED, scale * 100)
    return [op], line_of(em_top - size)


def centred(line: Line) -> Placed:
    """Return `line` centred in the 版心."""
    return Placed(line, BLOCK_LEFT + (BLOCK_WIDTH - line.extent) / 2)


@dataclass(frozen=True, slots=True)
class Imprint:
    """The 版记: 抄送 rows then the 印发 row, drawn at the bottom of the last page."""

    rows: tuple[tuple[Placed, ...], ...]
    cc_rows: int

    @property
    def height(self) -> int:
        """Return how many grid lines the 版记 takes."""
        return len(self.rows)


IMPRINT_PITCH: Final = Pitch(size=SIZE_4, cell=SIZE_4, grid=False)


def imprint(
    cc_recipients: Sequence[str], print_unit: str, print_date: dt.date | None, fonts: FontSet
) -> Imprint | None:
    """Return the 版记 in 4号仿宋, or None when there is nothing to show."""
    rows: list[tuple[Placed, ...]] = []
    inner = BLOCK_WIDTH - 2 * SIZE_4  # 左右各空一字
    if cc_recipients:
        label = single_line([Span("抄送：", FontRole.FANGSONG)], fonts=fonts, pitch=IMPRINT_PITCH)
        spans = [Span("抄送：" + "，".join(cc_recipients) + "。", FontRole.FANGSONG)]
        lines = typeset(
            spans, fonts=fonts, pitch=IMPRINT_PITCH, width=inner, rest_indent=label.extent
        )
        rows += [(Placed(line, BLOCK_LEFT + SIZE_4),) for line in lines]
    cc_rows = len(rows)
    if print_unit and print_date is not None:
        unit = single_line([Span(print_unit, FontRole.FANGSONG)], fonts=fonts, pitch=IMPRINT_PITCH)
        issued = single_line(
            [Span(chinese_date(print_date) + "印发", FontRole.FANGSONG)],
            fonts=fonts,
            pitch=IMPRINT_PITCH,
        )
        rows.append(
            (
                Placed(unit, BLOCK_LEFT + SIZE_4),
                Placed(issued, BLOCK_RIGHT - SIZE_4 - issued.extent),
            )
        )
    return Imprint(tuple(rows), cc_rows) if rows else None


def imprint_ops(block: Imprint) -> list[Op]:
    """Return the 版记 drawn on the last lines of the page, between its rules."""
    first = LINES_PER_PAGE - block.height
    ops: list[Op] = []
    for offset, items in enumerate(block.rows):
        top = line_top(first + offset)
        for placed in items:
            baseline = baseline_in(top, PITCH, placed.line.size, placed.line.descent)
            ops.append(TextOp(placed.line, placed.x, baseline))
    top = line_top(first)
    ops.append(RuleOp(BLOCK_LEFT, top, BLOCK_WIDTH, THICK_RULE))
    if 0 < block.cc_rows < block.height:
        boundary = line_top(first + block.cc_rows)
        ops.append(RuleOp(BLOCK_LEFT, boundary - THIN_RULE / 2, BLOCK_WIDTH, THIN_RULE))
    # 末条分隔线与版心下边缘重合.
    ops.append(RuleOp(BLOCK_LEFT, BLOCK_BOTTOM, BLOCK_WIDTH, THICK_RULE))
    return ops


def place_imprint(sheets: list[Sheet], block: Imprint | None) -> None:
    """Start a new page when the 版记 does not fit below the last page's content."""
    if block is not None and sheets[-1].used > LINES_PER_PAGE - block.height:
        sheets.append(Sheet())


def page_number_op(number: int, fonts: FontSet) -> TextOp:
    """Return '— n —' in 4号宋体 7mm below the 版心: odd pages right, even pages left."""
    font = fonts.primary(FontRole.SONGTI)
    line = single_line([Span(f"— {number} —", FontRole.SONGTI)], fonts=fonts, pitch=IMPRINT_PITCH)
    ink = font.ink_extent("—")
    dash = (ink[0] + ink[1]) / 2 if ink is not None else DASH_HEIGHT_EM
    baseline = BLOCK_BOTTOM - PAGE_NUMBER_GAP - dash * SIZE_4
    if number % 2:
        return TextOp(line, BLOCK_RIGHT - SIZE_4 - line.extent, baseline)
    return TextOp(line, BLOCK_LEFT + SIZE_4, baseline)


def compose(
    sheets: list[Sheet], *, head: Sequence[Op], block: Imprint | None, fonts: FontSet
) -> list[list[Op]]:
    """Return every page's operations: 版头 on the first, 版记 on the last, page numbers."""
    place_imprint(sheets, block)
    pages: list[list[Op]] = []
    for number, sheet in enumerate(sheets, start=1):
        ops = list(head) if number == 1 else []
        ops += row_ops(sheet)
        if block is not None and number == len(sheets):
            ops += imprint_ops(block)
        ops.append(page_number_op(number, fonts))
        pages.append(_seals_last(ops))
    return pages


def _seals_last(ops: list[Op]) -> list[Op]:
    """Return `ops` with images after text, so that a seal presses on 署名 and date."""
    return [op for op in ops if not isinstance(op, ImageOp)] + [
        op for op in ops if isinstance(op, ImageOp)
    ]
