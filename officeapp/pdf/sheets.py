"""Render the 发文稿纸 (drafting sheet) and the 收文处理笺 (processing sheet) as ruled tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from officeapp.clock import OFFICE_TZ, day_minute_text
from officeapp.pdf.draw import Metadata, Op, RuleOp, TextOp, Typeset, baseline_in, render_pdf
from officeapp.pdf.flow import chinese_date, page_number_op
from officeapp.pdf.fonts import FontRole, FontSet, load_fonts
from officeapp.pdf.geometry import (
    BLOCK_BOTTOM,
    BLOCK_LEFT,
    BLOCK_WIDTH,
    MM,
    PAGE_HEIGHT,
    PITCH,
    SIZE_2,
    SIZE_4,
)
from officeapp.pdf.model import (
    DraftingSheetLayout,
    Opinion,
    ProcessingSheetLayout,
    Step,
)
from officeapp.pdf.typeset import Line, Pitch, Span, balanced, typeset

TEXT_PITCH: Final = Pitch(size=SIZE_4, cell=SIZE_4, grid=False)
TITLE_PITCH: Final = Pitch(size=SIZE_2, cell=SIZE_2, grid=False)
LEADING: Final = SIZE_4 * 1.5
PADDING: Final = 2.0 * MM
BORDER: Final = 0.5  # points
LABEL_WIDTH: Final = 24.0 * MM
VALUE_WIDTH: Final = BLOCK_WIDTH / 2 - LABEL_WIDTH
FULL_VALUE_WIDTH: Final = BLOCK_WIDTH - LABEL_WIDTH
MIN_ROW: Final = 11.0 * MM
# A sheet is a form, not a 公文: it may start higher than the 版心 to fit on one page.
SHEET_TOP: Final = PAGE_HEIGHT - 25.0 * MM
SHEET_BOTTOM: Final = BLOCK_BOTTOM
TITLE_HEIGHT: Final = 1.6 * PITCH

Align = Literal["left", "right"]


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: its width and its lines; a label is centred both ways."""

    width: float
    lines: tuple[tuple[Line, Align], ...] = ()
    label: bool = False

    @property
    def height(self) -> float:
        """Return the height the cell's lines need."""
        return len(self.lines) * LEADING + 2 * PADDING


@dataclass(frozen=True, slots=True)
class TableRow:
    """A row of cells at least `minimum` points tall."""

    cells: tuple[Cell, ...]
    minimum: float = MIN_ROW

    @property
    def height(self) -> float:
        """Return the row's height."""
        return max(self.minimum, *(cell.height for cell in self.cells))


def typeset_drafting_sheet(
    sheet: DraftingSheetLayout, *, fonts: FontSet | None = None
) -> Typeset:
    """Return a 发文稿纸 laid out, ready for the PDF or the OFD."""
    fonts = fonts or load_fonts()
    rows = _drafting_rows(sheet, fonts)
    return _typeset(f"{sheet.agency}发文稿纸", rows, fonts, subject=sheet.title)


def render_drafting_sheet(sheet: DraftingSheetLayout, *, fonts: FontSet | None = None) -> bytes:
    """Return the PDF of a 发文稿纸."""
    return render_pdf(typeset_drafting_sheet(sheet, fonts=fonts))


def typeset_processing_sheet(
    sheet: ProcessingSheetLayout, *, fonts: FontSet | None = None
) -> Typeset:
    """Return a 收文处理笺 laid out, ready for the PDF or the OFD."""
    fonts = fonts or load_fonts()
    rows = _processing_rows(sheet, fonts)
    return _typeset(f"{sheet.agency}收文处理笺", rows, fonts, subject=sheet.title)


def render_processing_sheet(sheet: ProcessingSheetLayout, *, fonts: FontSet | None = None) -> bytes:
    """Return the PDF of a 收文处理笺."""
    return render_pdf(typeset_processing_sheet(sheet, fonts=fonts))


def _drafting_rows(sheet: DraftingSheetLayout, fonts: FontSet) -> list[TableRow]:
    """Return the rows of a 发文稿纸, the leader's 签发 first."""
    rows = [
        _opinion_row("签发", sheet.opinions, Step.SIGN, fonts, 36 * MM),
        _opinion_row("会签", sheet.opinions, Step.COUNTERSIGN, fonts, 24 * MM),
        _opinion_row("核稿", sheet.opinions, Step.REVIEW, fonts, 18 * MM),
        _pair_row(("拟稿单位", sheet.draft_unit), ("拟稿人", sheet.drafter), fonts),
    ]
    if any(opinion.step is Step.DRAFT for opinion in sheet.opinions):
        rows.append(_opinion_row("拟稿说明", sheet.opinions, Step.DRAFT, fonts, MIN_ROW))
    copies = str(sheet.copies) if sheet.copies is not None else ""
    rows += [
        _pair_row(("紧急程度", sheet.urgency), ("密级", sheet.classification), fonts),
        _pair_row(("文号", sheet.doc_number), ("印数", copies), fonts),
        _text_row("主送", "、".join(sheet.main_recipients), fonts),
        _text_row("抄送", "、".join(sheet.cc_recipients), fonts),
        _text_row("标题", sheet.title, fonts, minimum=14 * MM),
        _list_row("附件", sheet.attachments, fonts),
    ]
    return rows


def _processing_rows(sheet: ProcessingSheetLayout, fonts: FontSet) -> list[TableRow]:
    """Return the rows of a 收文处理笺, from the incoming document to its handling."""
    received = chinese_date(sheet.received_date)
    return [
        _pair_row(("来文单位", sheet.source_unit), ("收文日期", received), fonts),
        _pair_row(("来文字号", sheet.source_number), ("收文编号", sheet.register_number), fonts),
        _pair_row(("紧急程度", sheet.urgency), ("密级", sheet.classification), fonts),
        _text_row("标题", sheet.title, fonts, minimum=14 * MM),
        _list_row("附件", sheet.attachments, fonts),
        _opinion_row("拟办意见", sheet.opinions, Step.PROPOSE, fonts, 28 * MM),
        _opinion_row("领导批示", sheet.opinions, Step.INSTRUCT, fonts, 40 * MM),
        _opinion_row("承办情况", sheet.opinions, Step.HANDLE, fonts, 28 * MM),
        _opinion_row("传阅", sheet.opinions, Step.CIRCULATE, fonts, 20 * MM),
        _text_row("备注", sheet.note, fonts),
    ]


def _label(text: str, fonts: FontSet, width: float = LABEL_WIDTH) -> Cell:
    """Return a label cell in 黑体."""
    return Cell(width, _wrapped([Span(text, FontRole.HEITI)], width, fonts), label=True)


def _value(text: str, width: float, fonts: FontSet) -> Cell:
    """Return a value cell in 仿宋."""
    return Cell(width, _wrapped([Span(text, FontRole.FANGSONG)], width, fonts))


def _wrapped(
    spans: Sequence[Span], width: float, fonts: FontSet, align: Align = "left"
) -> tuple[tuple[Line, Align], ...]:
    """Return `spans` wrapped to a cell of `width`."""
    lines = typeset(spans, fonts=fonts, pitch=TEXT_PITCH, width=width - 2 * PADDING)
    return tuple((line, align) for line in lines)


def _pair_row(first: tuple[str, str], second: tuple[str, str], fonts: FontSet) -> TableRow:
    """Return a row of two label/value pairs."""
    return TableRow(
        (
            _label(first[0], fonts),
            _value(first[1], VALUE_WIDTH, fonts),
            _label(second[0], fonts),
            _value(second[1], VALUE_WIDTH, fonts),
        )
    )


def _text_row(label: str, text: str, fonts: FontSet, minimum: float = MIN_ROW) -> TableRow:
    """Return a row of a label and a value across the rest of the table."""
    return TableRow((_label(label, fonts), _value(text, FULL_VALUE_WIDTH, fonts)), minimum)


def _list_row(label: str, items: Sequence[str], fonts: FontSet) -> TableRow:
    """Return a row listing numbered items, one per line."""
    lines: list[tuple[Line, Align]] = []
    numbered = len(items) > 1
    for number, item in enumerate(items, start=1):
        text = f"{number}. {item}" if numbered else item
        lines += _wrapped([Span(text, FontRole.FANGSONG)], FULL_VALUE_WIDTH, fonts)
    return TableRow((_label(label, fonts), Cell(FULL_VALUE_WIDTH, tuple(lines))))


def _opinion_row(
    label: str, opinions: Sequence[Opinion], step: Step, fonts: FontSet, minimum: float
) -> TableRow:
    """Return a row with the opinions given at `step`: text in 楷体, then who and when."""
    lines: list[tuple[Line, Align]] = []
    for opinion in opinions:
        if opinion.step is not step:
            continue
        if opinion.text:
            lines += _wrapped([Span(opinion.text, FontRole.KAITI)], FULL_VALUE_WIDTH, fonts)
        signed = f"{opinion.person}　{day_minute_text(opinion.at, naive_zone=OFFICE_TZ)}"
        lines += _wrapped([Span(signed, FontRole.FANGSONG)], FULL_VALUE_WIDTH, fonts, "right")
    return TableRow((_label(label, fonts), Cell(FULL_VALUE_WIDTH, tuple(lines))), minimum)


def _typeset(heading: str, rows: Sequence[TableRow], fonts: FontSet, *, subject: str) -> Typeset:
    """Lay out the heading and the table over as many pages as needed."""
    pages = _paginate(heading, rows, fonts)
    if len(pages) > 1:
        for number, ops in enumerate(pages, start=1):
            ops.append(page_number_op(number, fonts))
    metadata = Metadata(heading, subject=subject)
    initial_font = fonts.primary(FontRole.FANGSONG).name
    return Typeset.of(pages, metadata=metadata, initial_font=initial_font)


def _paginate(heading: str, rows: Sequence[TableRow], fonts: FontSet) -> list[list[Op]]:
    """Return the pages: the heading on the first, rows moved to the next page when full."""
    spans = [Span(heading, FontRole.TITLE)]
    lines = balanced(spans, fonts=fonts, pitch=TITLE_PITCH, width=BLOCK_WIDTH)
    pages: list[list[Op]] = [_heading_ops(lines)]
    top = SHEET_TOP - max(TITLE_HEIGHT, (len(lines) + 0.6) * PITCH)
    for row in _fitting(rows, SHEET_TOP - SHEET_BOTTOM):
        if top - row.height < SHEET_BOTTOM:
            pages.append([])
            top = SHEET_TOP
        pages[-1] += _row_ops(row, top)
        top -= row.height
    return pages


def _heading_ops(lines: Sequence[Line]) -> list[Op]:
    """Return the sheet's heading, centred at the top of the 版心."""
    ops: list[Op] = []
    for index, line in enumerate(lines):
        baseline = baseline_in(SHEET_TOP - index * PITCH, PITCH, line.size, line.descent)
        ops.append(TextOp(line, BLOCK_LEFT + (BLOCK_WIDTH - line.extent) / 2, baseline))
    return ops


def _fitting(rows: Sequence[TableRow], page_height: float) -> list[TableRow]:
    """Return `rows` with any row taller than a page split into page-sized rows."""
    result: list[TableRow] = []
    for row in rows:
        result += _split(row, page_height) if row.height > page_height else [row]
    return result


def _split(row: TableRow, page_height: float) -> list[TableRow]:
    """Split a label/value row's lines into rows that each fit on a page."""
    label, value = row.cells[0], row.cells[-1]
    per_page = max(1, int((page_height - 2 * PADDING) // LEADING))
    chunks = [value.lines[i : i + per_page] for i in range(0, len(value.lines), per_page)]
    return [TableRow((label, Cell(value.width, chunk))) for chunk in chunks]


def _row_ops(row: TableRow, top: float) -> list[Op]:
    """Return a row's text and its cell borders."""
    height = row.height
    ops: list[Op] = []
    x = BLOCK_LEFT
    for cell in row.cells:
        ops += _cell_text(cell, x, top, height)
        ops.append(RuleOp(x, top - height, BORDER, height))
        x += cell.width
    ops.append(RuleOp(x - BORDER, top - height, BORDER, height))
    ops.append(RuleOp(BLOCK_LEFT, top - BORDER, BLOCK_WIDTH, BORDER))
    ops.append(RuleOp(BLOCK_LEFT, top - height, BLOCK_WIDTH, BORDER))
    return ops


def _cell_text(cell: Cell, x: float, top: float, height: float) -> list[Op]:
    """Return a cell's lines: labels centred, values from the top left (or right)."""
    first = top - PADDING
    if cell.label:
        first = top - (height - len(cell.lines) * LEADING) / 2
    ops: list[Op] = []
    for index, (line, align) in enumerate(cell.lines):
        line_top = first - index * LEADING
        baseline = line_top - (LEADING - line.size) / 2 - (1 + line.descent) * line.size
        ops.append(TextOp(line, _line_x(cell, line, align, x), baseline))
    return ops


def _line_x(cell: Cell, line: Line, align: Align, x: float) -> float:
    """Return where a line of a cell starts."""
    if cell.label:
        return x + (cell.width - line.extent) / 2
    if align == "right":
        return x + cell.width - PADDING - line.extent
    return x + PADDING
