"""Pages that flow headings, paragraphs and ruled tables: the meeting and supervision PDFs.

The 公文 itself sits on the GB/T 9704 grid (flow.py). The documents here are forms and lists:
lines take their natural height, table rows grow with their longest cell, a table repeats its
header row at the top of every page it continues on, and a row taller than a page is split.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final, Literal

from officeapp.pdf.draw import Metadata, Op, RuleOp, TextOp, Typeset, baseline_in, render_pdf
from officeapp.pdf.flow import page_number_op
from officeapp.pdf.fonts import FontRole, FontSet
from officeapp.pdf.geometry import (
    BLACK,
    BLOCK_BOTTOM,
    BLOCK_LEFT,
    BLOCK_RIGHT,
    MM,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SIZE_2,
    SIZE_4,
    Color,
)
from officeapp.pdf.typeset import Line, Pitch, Span, balanced, single_line, typeset

Align = Literal["left", "centre", "right"]
BORDER: Final = 0.5  # points
NUMBER_GAP: Final = 7.0 * MM  # page number below the frame


@dataclass(frozen=True, slots=True)
class Frame:
    """A page size and the box the content flows in (PDF points, y upwards)."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def content_width(self) -> float:
        """Return the width of the content box."""
        return self.right - self.left

    @property
    def landscape(self) -> bool:
        """Return whether the page is wider than tall."""
        return self.width > self.height


# Portrait forms use the 版心's width and bottom, starting 25 mm from the top like the sheets.
PORTRAIT: Final = Frame(PAGE_WIDTH, PAGE_HEIGHT, BLOCK_LEFT, BLOCK_RIGHT,
                        PAGE_HEIGHT - 25 * MM, BLOCK_BOTTOM)
LANDSCAPE: Final = Frame(PAGE_HEIGHT, PAGE_WIDTH, 15 * MM, PAGE_HEIGHT - 15 * MM,
                         PAGE_WIDTH - 15 * MM, 20 * MM)


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph; indents are in ems of `size`; `keep_with_next` keeps a heading with text."""

    spans: tuple[Span, ...]
    size: float = SIZE_4
    align: Align = "left"
    first_indent: float = 0.0
    rest_indent: float = 0.0
    leading: float = 1.5
    space_before: float = 0.0
    keep_with_next: bool = False
    balanced: bool = False


def para(
    text: str,
    role: FontRole = FontRole.FANGSONG,
    *,
    size: float = SIZE_4,
    align: Align = "left",
    first_indent: float = 0.0,
    rest_indent: float = 0.0,
    space_before: float = 0.0,
    keep_with_next: bool = False,
) -> Para:
    """Return a paragraph of one span."""
    return Para((Span(text, role),), size=size, align=align, first_indent=first_indent,
                rest_indent=rest_indent, space_before=space_before,
                keep_with_next=keep_with_next)


def heading(text: str, *, size: float = SIZE_2) -> Para:
    """Return a document heading: 小标宋 (the title font), centred, in lines of even length."""
    return Para((Span(text, FontRole.TITLE),), size=size, align="centre", leading=1.6,
                balanced=True, keep_with_next=True)


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: text (a \\n breaks the line), its width, font, alignment and fill."""

    text: str
    width: float
    role: FontRole = FontRole.FANGSONG
    align: Align = "left"
    fill: Color | None = None
    top: bool = False  # lines from the top of the row, not centred vertically


@dataclass(frozen=True, slots=True)
class Row:
    """A table row at least `minimum` points tall."""

    cells: tuple[Cell, ...]
    minimum: float = 0.0


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of cells; `header` is drawn again at the top of every page the table reaches.

    A row taller than what is left of a page moves to the next page, unless it is taller than
    a page or `split_rows` is set (as Word's 允许跨页断行): then it continues on the next page.
    """

    rows: tuple[Row, ...]
    header: Row | None = None
    size: float = SIZE_4
    leading: float = 1.35
    padding: float = 1.5 * MM
    space_before: float = 0.0
    split_rows: bool = False


@dataclass(frozen=True, slots=True)
class Space:
    """Vertical space, dropped at the top of a page."""

    height: float


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Start a new page."""


Block = Para | Table | Space | PageBreak


@dataclass(frozen=True, slots=True)
class _SetCell:
    cell: Cell
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class _SetRow:
    cells: tuple[_SetCell, ...]
    minimum: float
    line_height: float
    padding: float

    @property
    def height(self) -> float:
        most = max((len(c.lines) for c in self.cells), default=0)
        return max(self.minimum, most * self.line_height + 2 * self.padding)

    def split(self, room: float, least: int = 1) -> tuple[_SetRow, _SetRow] | None:
        """Return the part of the row that fits in `room` and the rest, or None if fewer than
        `least` lines fit."""
        count = int((room - 2 * self.padding) // self.line_height)
        if count < least:
            return None
        head = tuple(_SetCell(c.cell, c.lines[:count]) for c in self.cells)
        tail = tuple(_SetCell(c.cell, c.lines[count:]) for c in self.cells)
        return (_SetRow(head, 0.0, self.line_height, self.padding),
                _SetRow(tail, 0.0, self.line_height, self.padding))


@dataclass
class _Pages:
    frame: Frame
    pages: list[list[Op]] = field(default_factory=lambda: [[]])
    y: float = 0.0

    def __post_init__(self) -> None:
        self.y = self.frame.top

    @property
    def room(self) -> float:
        return self.y - self.frame.bottom

    @property
    def at_top(self) -> bool:
        return self.y >= self.frame.top - 0.01

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.frame.top

    def add(self, ops: Sequence[Op]) -> None:
        self.pages[-1].extend(ops)


def layout(blocks: Sequence[Block], frame: Frame, fonts: FontSet) -> list[list[Op]]:
    """Flow `blocks` onto pages and return each page's drawing operations."""
    pages = _Pages(frame)
    for index, block in enumerate(blocks):
        if isinstance(block, PageBreak):
            pages.new_page()
        elif isinstance(block, Space):
            if not pages.at_top:
                pages.y -= min(block.height, pages.room)
        elif isinstance(block, Para):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            _place_para(pages, block, fonts, _first_height(following, frame, fonts))
        else:
            _place_table(pages, block, fonts)
    return pages.pages


def typeset_blocks(blocks: Sequence[Block], *, frame: Frame, fonts: FontSet, metadata: Metadata,
                   numbered: bool = True) -> Typeset:
    """Lay out `blocks` on pages; pages are numbered when there is more than one."""
    pages = layout(blocks, frame, fonts)
    if numbered and len(pages) > 1:
        for number, ops in enumerate(pages, start=1):
            ops.append(page_number(number, frame, fonts))
    initial_font = fonts.primary(FontRole.FANGSONG).name
    return Typeset.of(pages, metadata=metadata, initial_font=initial_font,
                      page_size=(frame.width, frame.height))


def render(blocks: Sequence[Block], *, frame: Frame, fonts: FontSet, metadata: Metadata,
           numbered: bool = True) -> bytes:
    """Lay out `blocks` and return the PDF; pages are numbered when there is more than one."""
    return render_pdf(typeset_blocks(blocks, frame=frame, fonts=fonts, metadata=metadata,
                                     numbered=numbered))


def page_number(number: int, frame: Frame, fonts: FontSet) -> TextOp:
    """Return '— n —': on portrait pages as in a 公文, on landscape ones centred."""
    if not frame.landscape:
        return page_number_op(number, fonts)
    line = single_line([Span(f"— {number} —", FontRole.SONGTI)], fonts=fonts,
                       pitch=Pitch(SIZE_4, SIZE_4, False))
    baseline = frame.bottom - NUMBER_GAP - SIZE_4 * 0.35
    return TextOp(line, (frame.width - line.extent) / 2, baseline)


def para_lines(block: Para, width: float, fonts: FontSet) -> list[Line]:
    """Return a paragraph's lines for a column `width` points wide."""
    pitch = Pitch(block.size, block.size, False)
    if block.balanced:
        return balanced(block.spans, fonts=fonts, pitch=pitch, width=width)
    return typeset(block.spans, fonts=fonts, pitch=pitch, width=width,
                   first_indent=block.first_indent * block.size,
                   rest_indent=block.rest_indent * block.size)


def _first_height(block: Block | None, frame: Frame, fonts: FontSet) -> float:
    """Return the height of what must follow a kept heading: a paragraph's first lines or rows."""
    if isinstance(block, Para):
        lines = para_lines(block, frame.content_width, fonts)
        return min(len(lines), 2) * block.leading * block.size
    if isinstance(block, Table):
        rows = [_set_row(r, block, fonts) for r in (block.header, *block.rows[:1]) if r]
        return sum(r.height for r in rows) + block.space_before
    return 0.0


def _place_para(pages: _Pages, block: Para, fonts: FontSet, next_height: float) -> None:
    """Place a paragraph's lines, moving to a new page when a line does not fit."""
    frame = pages.frame
    lines = para_lines(block, frame.content_width, fonts)
    height = block.leading * block.size
    if not pages.at_top:
        pages.y -= min(block.space_before, pages.room)
    needed = len(lines) * height + next_height
    if block.keep_with_next and not pages.at_top and pages.room < needed:
        pages.new_page()
    for line in lines:
        if pages.room < height - 0.01:
            pages.new_page()
        x = _aligned(line, block.align, frame.left, frame.right)
        baseline = baseline_in(pages.y, height, line.size, line.descent)
        pages.add([TextOp(line, x, baseline)])
        pages.y -= height


def _aligned(line: Line, align: Align, left: float, right: float) -> float:
    """Return the x of a line aligned between `left` and `right`.

    A line wider than the space (a closing mark hanging past the edge) starts at `left`.
    """
    if align == "centre":
        return max(left, left + (right - left - line.extent) / 2)
    if align == "right":
        return max(left, right - line.extent)
    return left


def _set_row(row: Row, table: Table, fonts: FontSet) -> _SetRow:
    """Return a row with every cell's text broken into lines."""
    pitch = Pitch(table.size, table.size, False)
    cells: list[_SetCell] = []
    for cell in row.cells:
        width = max(cell.width - 2 * table.padding, table.size)
        lines: list[Line] = []
        for part in cell.text.split("\n"):
            lines += typeset([Span(part, cell.role)], fonts=fonts, pitch=pitch, width=width)
        cells.append(_SetCell(cell, tuple(lines)))
    return _SetRow(tuple(cells), row.minimum, table.leading * table.size, table.padding)


def _place_table(pages: _Pages, table: Table, fonts: FontSet) -> None:
    """Place a table's rows, repeating the header on every new page and splitting tall rows."""
    header = _set_row(table.header, table, fonts) if table.header is not None else None
    rows = [_set_row(row, table, fonts) for row in table.rows]
    head_height = header.height if header is not None else 0.0
    fresh_room = pages.frame.top - pages.frame.bottom - head_height
    if not pages.at_top:
        pages.y -= min(table.space_before, pages.room)
        first = rows[0].height if rows else 0.0
        if pages.room < head_height + min(first, fresh_room):
            pages.new_page()
    if header is not None:
        _draw_row(pages, header)
    fresh_y = pages.y if pages.y >= pages.frame.top - head_height - 0.01 else None
    for row in rows:
        current: _SetRow | None = row
        while current is not None:
            if current.height <= pages.room + 0.01:
                _draw_row(pages, current)
                break
            fresh = fresh_y is not None and pages.y >= fresh_y - 0.01
            split_here = table.split_rows and current.split(pages.room, 2) is not None
            if current.height <= fresh_room + 0.01 and not fresh and not split_here:
                fresh_y = _next_page(pages, header)
                continue
            parts = current.split(pages.room)
            if parts is None:
                if fresh:  # not even one line fits on an empty page: let it overflow
                    _draw_row(pages, current)
                    break
                fresh_y = _next_page(pages, header)
                continue
            _draw_row(pages, parts[0])
            fresh_y = _next_page(pages, header)
            current = parts[1]


def _next_page(pages: _Pages, header: _SetRow | None) -> float:
    """Start a new page, draw the header row on it and return the height below it."""
    pages.new_page()
    if header is not None:
        _draw_row(pages, header)
    return pages.y


def _draw_row(pages: _Pages, row: _SetRow) -> None:
    """Draw a row's fills, text and borders at the current height, and move below it."""
    top = pages.y
    height = row.height
    left = pages.frame.left
    ops: list[Op] = []
    x = left
    for set_cell in row.cells:
        cell = set_cell.cell
        if cell.fill is not None:
            ops.append(RuleOp(x, top - height, cell.width, height, cell.fill))
        ops += _cell_text(set_cell, x, top, height, row)
        ops.append(_vertical(x, top, height))
        x += cell.width
    ops.append(_vertical(x, top, height))
    # Rules are centred on the cell edges, so that adjacent rows share one line.
    half = BORDER / 2
    width = x - left + BORDER
    ops.append(RuleOp(left - half, top - half, width, BORDER))
    ops.append(RuleOp(left - half, top - height - half, width, BORDER))
    # Fills first, so that the borders and the text are drawn over them.
    pages.add([op for op in ops if isinstance(op, RuleOp) and op.color != BLACK]
              + [op for op in ops if not (isinstance(op, RuleOp) and op.color != BLACK)])
    pages.y -= height


def _vertical(x: float, top: float, height: float) -> RuleOp:
    """Return a vertical rule centred on `x`."""
    return RuleOp(x - BORDER / 2, top - height - BORDER / 2, BORDER, height + BORDER)


def _cell_text(set_cell: _SetCell, x: float, top: float, height: float, row: _SetRow) -> list[Op]:
    """Return a cell's lines, centred vertically in the row."""
    cell = set_cell.cell
    step = row.line_height
    first = top - row.padding if cell.top else top - (height - len(set_cell.lines) * step) / 2
    ops: list[Op] = []
    for index, line in enumerate(set_cell.lines):
        line_top = first - index * step
        baseline = baseline_in(line_top, step, line.size, line.descent)
        left, right = x + row.padding, x + cell.width - row.padding
        ops.append(TextOp(line, _aligned(line, cell.align, left, right), baseline))
    return ops
