"""Render a 公文 (and a 纪要) in the GB/T 9704-2012 layout: 22 lines of 28 characters on A4."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from officeapp.pdf.draw import (
    ImageData,
    Metadata,
    Op,
    RuleOp,
    TextOp,
    Typeset,
    baseline_in,
    image_name,
    image_reader,
    render_pdf,
)
from officeapp.pdf.errors import PdfInputError
from officeapp.pdf.flow import (
    BLANK,
    GRID,
    Placed,
    Row,
    Seal,
    attachment_rows,
    centred,
    chinese_date,
    compose,
    corner_ops,
    imprint,
    kept,
    labelled_rows,
    mark_ops,
    paginate,
    paragraph_rows,
)
from officeapp.pdf.fonts import FontRole, FontSet, load_fonts
from officeapp.pdf.geometry import (
    BLOCK_LEFT,
    BLOCK_RIGHT,
    BLOCK_WIDTH,
    CELL,
    PITCH,
    RED,
    RED_RULE_GAP,
    RED_RULE_THICKNESS,
    SEAL_DIAMETER,
    SIZE_2,
    SIZE_3,
    line_top,
)
from officeapp.pdf.model import MinutesLayout, OfficialDocumentLayout
from officeapp.pdf.ofd import render_ofd
from officeapp.pdf.typeset import Pitch, Span, balanced, single_line

TITLE_PITCH: Final = Pitch(size=SIZE_2, cell=SIZE_2, grid=False)
_NUMERALS: Final = "一二三四五六七八九十百零〇"
# 结构层次序数 (GB/T 9704-2012 §7.3.3): 一、 in 黑体, （一） in 楷体, 1. and （1） in 仿宋.
HEADINGS: Final = (
    (re.compile(rf"^[{_NUMERALS}]+、"), FontRole.HEITI),
    (re.compile(rf"^[（(][{_NUMERALS}]+[）)]"), FontRole.KAITI),
    (re.compile(r"^\d+[.．]"), FontRole.FANGSONG),
    (re.compile(r"^[（(]\d+[）)]"), FontRole.FANGSONG),
)
SHOWN_URGENCIES: Final = frozenset({"特急", "加急"})
SHOWN_CLASSIFICATIONS: Final = frozenset({"内部"})


def typeset_document(
    document: OfficialDocumentLayout, *, fonts: FontSet | None = None
) -> Typeset:
    """Return a 公文 laid out in the GB/T 9704-2012 layout, ready for the PDF or the OFD."""
    fonts = fonts or load_fonts()
    head, first_line = _document_head(document, fonts)
    sheets = paginate(_document_rows(document, fonts), first_line=first_line)
    block = imprint(document.cc_recipients, document.print_unit, document.print_date, fonts)
    pages = compose(sheets, head=head, block=block, fonts=fonts)
    metadata = Metadata(document.title, document.issuer, document.doc_number)
    initial_font = fonts.primary(FontRole.FANGSONG).name
    return Typeset.of(pages, metadata=metadata, initial_font=initial_font)


def render_document(document: OfficialDocumentLayout, *, fonts: FontSet | None = None) -> bytes:
    """Return the PDF of a 公文 in the GB/T 9704-2012 layout."""
    return render_pdf(typeset_document(document, fonts=fonts))


def render_document_ofd(
    document: OfficialDocumentLayout, *, fonts: FontSet | None = None
) -> bytes:
    """Return the OFD (GB/T 33190-2016) of a 公文, laid out exactly as its PDF."""
    return render_ofd(typeset_document(document, fonts=fonts))


def typeset_minutes(minutes: MinutesLayout, *, fonts: FontSet | None = None) -> Typeset:
    """Return a 纪要 (GB/T 9704-2012 §10.3) laid out: red mark, no number line or red rule."""
    fonts = fonts or load_fonts()
    corner = _corner(minutes.copy_number, minutes.classification, minutes.urgency)
    marks, mark_line = mark_ops(minutes.mark, fonts)
    sheets = paginate(_minutes_rows(minutes, fonts), first_line=mark_line + 3)
    block = imprint(minutes.cc_recipients, minutes.print_unit, minutes.print_date, fonts)
    head = corner_ops(corner, fonts) + marks
    pages = compose(sheets, head=head, block=block, fonts=fonts)
    metadata = Metadata(minutes.title or minutes.mark, subject="纪要")
    initial_font = fonts.primary(FontRole.FANGSONG).name
    return Typeset.of(pages, metadata=metadata, initial_font=initial_font)


def render_minutes(minutes: MinutesLayout, *, fonts: FontSet | None = None) -> bytes:
    """Return the PDF of a 纪要 (GB/T 9704-2012 §10.3): red mark, no number line or red rule."""
    return render_pdf(typeset_minutes(minutes, fonts=fonts))


def render_minutes_ofd(minutes: MinutesLayout, *, fonts: FontSet | None = None) -> bytes:
    """Return the OFD of a 纪要, laid out exactly as its PDF."""
    return render_ofd(typeset_minutes(minutes, fonts=fonts))


def _corner(copy_number: str, classification: str, urgency: str) -> list[str]:
    """Return what the top left shows; 公开 and 普通 are the defaults and are not marked."""
    return [
        copy_number,
        classification if classification in SHOWN_CLASSIFICATIONS else "",
        urgency if urgency in SHOWN_URGENCIES else "",
    ]


def _document_head(document: OfficialDocumentLayout, fonts: FontSet) -> tuple[list[Op], int]:
    """Return the 版头 and the grid line where the 标题 starts."""
    corner = _corner(document.copy_number, document.classification, document.urgency)
    marks, mark_line = mark_ops(document.agency_mark, fonts)
    number_line = mark_line + 3  # 发文机关标志下空二行
    ops = corner_ops(corner, fonts) + marks + _number_ops(document, number_line, fonts)
    ops.append(_red_rule(number_line))
    return ops, number_line + 3  # 红色分隔线下空二行


def _number_ops(document: OfficialDocumentLayout, index: int, fonts: FontSet) -> list[Op]:
    """Return the 发文字号: centred, or flush left beside the 签发人 of an upward document."""
    number = single_line([Span(document.doc_number, FontRole.FANGSONG)], fonts=fonts, pitch=GRID)
    if document.signer:
        signer = single_line(
            [Span("签发人：", FontRole.FANGSONG), Span(document.signer, FontRole.KAITI)],
            fonts=fonts,
            pitch=GRID,
        )
        # 发文字号居左空一字，签发人居右空一字 (§7.2.4).
        right = BLOCK_RIGHT - CELL - signer.extent
        items = [Placed(number, BLOCK_LEFT + CELL), Placed(signer, right)]
    else:
        items = [centred(number)]
    top = line_top(index)
    return [
        TextOp(item.line, item.x, baseline_in(top, PITCH, SIZE_3, item.line.descent))
        for item in items
        if item.line.glyphs
    ]


def _red_rule(number_line: int) -> RuleOp:
    """Return the red rule 4mm below the 发文字号, as wide as the 版心."""
    em_bottom = line_top(number_line) - (PITCH - SIZE_3) / 2 - SIZE_3
    top = em_bottom - RED_RULE_GAP
    return RuleOp(BLOCK_LEFT, top - RED_RULE_THICKNESS, BLOCK_WIDTH, RED_RULE_THICKNESS, RED)


def _document_rows(document: OfficialDocumentLayout, fonts: FontSet) -> list[Row]:
    """Return the rows from the 标题 to the 附注."""
    rows = title_rows(document.title, fonts) + [BLANK]
    if document.main_recipients:
        recipients = "、".join(document.main_recipients) + "："
        rows += paragraph_rows([Span(recipients, FontRole.FANGSONG)], fonts)
    rows += body_rows(document.body, fonts)
    if document.attachments:
        rows += [BLANK, *attachment_rows(document.attachments, fonts)]
    rows += signature_rows(document.issuer, document.date, document.seal_image, fonts)
    if document.note:
        note = [Span(_parenthesised(document.note), FontRole.FANGSONG)]
        rows += _keep_first(paragraph_rows(note, fonts, first_indent=2))  # 成文日期下一行
    return rows


def _minutes_rows(minutes: MinutesLayout, fonts: FontSet) -> list[Row]:
    """Return the rows of a 纪要 from its 标题 to its date."""
    rows: list[Row] = []
    if minutes.title:
        rows += [*title_rows(minutes.title, fonts), BLANK]
    rows += body_rows(minutes.body, fonts)
    if minutes.attachments:
        rows += [BLANK, *attachment_rows(minutes.attachments, fonts)]
    rows += _people_rows(minutes, fonts)
    if minutes.date is not None:
        rows += kept([BLANK, _date_row(minutes.date, fonts)[0]])
    return rows


def _people_rows(minutes: MinutesLayout, fonts: FontSet) -> list[Row]:
    """Return the 出席, 请假 and 列席 lists: 黑体 label, names wrapping under the first name."""
    groups = (("出席", minutes.attendees), ("请假", minutes.on_leave), ("列席", minutes.observers))
    rows: list[Row] = []
    for label, names in groups:
        if names:
            rows += labelled_rows(label, FontRole.HEITI, "、".join(names), fonts)
    return [BLANK, *rows] if rows else []


def title_rows(title: str, fonts: FontSet) -> list[Row]:
    """Return the 标题 in 2号小标宋, centred, in lines of even length.

    Line breaks in `title` are kept: only its author can break it where the meaning allows.
    """
    rows: list[Row] = []
    for part in paragraphs(title):
        spans = [Span(part, FontRole.TITLE)]
        lines = balanced(spans, fonts=fonts, pitch=TITLE_PITCH, width=BLOCK_WIDTH)
        rows += [Row((centred(line),)) for line in lines]
    return rows


def paragraphs(body: str) -> list[str]:
    """Return the paragraphs of a body: each non-blank line, without manual indentation."""
    return [line.strip() for line in body.splitlines() if line.strip()]


def heading_role(paragraph: str) -> FontRole | None:
    """Return the font role of a paragraph that starts with a 结构层次序数, else None."""
    for pattern, role in HEADINGS:
        if pattern.match(paragraph):
            return role
    return None


def body_spans(paragraph: str) -> list[Span]:
    """Return a paragraph's spans: a 黑体/楷体 heading runs up to its first 。."""
    role = heading_role(paragraph)
    if role is None or role is FontRole.FANGSONG:
        return [Span(paragraph, FontRole.FANGSONG)]
    end = paragraph.find("。")
    if 0 <= end < len(paragraph) - 1:
        return [Span(paragraph[: end + 1], role), Span(paragraph[end + 1 :], FontRole.FANGSONG)]
    return [Span(paragraph, role)]


def body_rows(body: str, fonts: FontSet) -> list[Row]:
    """Return the 正文 rows: paragraphs indented two cells; a heading line keeps its next line."""
    rows: list[Row] = []
    keep_next = False
    for paragraph in paragraphs(body):
        spans = body_spans(paragraph)
        lines = paragraph_rows(spans, fonts, first_indent=2)
        rows += _keep_first(lines) if keep_next else lines
        keep_next = len(spans) == 1 and spans[0].role is not FontRole.FANGSONG
    return rows


def _keep_first(rows: Sequence[Row]) -> list[Row]:
    """Return `rows` with the first tied to the page of the row before it."""
    return [replace(rows[0], keep=True), *rows[1:]] if rows else []


def signature_rows(issuer: str, day: dt.date, seal_image: ImageData | None,
                   fonts: FontSet) -> list[Row]:
    """Return 署名 and 成文日期 (right 4 cells), kept with the last line above them."""
    date_row, centre = _date_row(day, fonts)
    line = single_line([Span(issuer, FontRole.FANGSONG)], fonts=fonts, pitch=GRID)
    x = min(centre - line.extent / 2, BLOCK_RIGHT - 2 * CELL - line.extent)
    seal = _seal(seal_image, centre) if seal_image is not None else None
    issuer_row = Row((Placed(line, max(x, BLOCK_LEFT)),), seal=seal)
    # Two blank lines leave room for the seal, whose top stays within a line of the text.
    return kept([BLANK, BLANK, issuer_row, date_row])


def _date_row(day: dt.date, fonts: FontSet) -> tuple[Row, float]:
    """Return the 成文日期 row, right-indented four cells, and the date's centre."""
    line = single_line([Span(chinese_date(day), FontRole.FANGSONG)], fonts=fonts, pitch=GRID)
    x = BLOCK_RIGHT - 4 * CELL - line.extent
    return Row((Placed(line, x),)), x + line.extent / 2


def _seal(path: ImageData, centre: float) -> Seal:
    """Return the seal centred on the date, a little above the 署名 so both sit below its middle."""
    try:
        width, height = image_reader(path).getSize()
    except OSError as exc:
        raise PdfInputError(
            "pdf.bad_seal_image", f"读不了印章图片“{image_name(path)}”：{exc}", field="seal_image"
        ) from exc
    size = SEAL_DIAMETER
    return Seal(path, centre, PITCH / 4, size, size * height / width if width else size)


def _parenthesised(note: str) -> str:
    """Return the 附注 in full-width parentheses."""
    return note if note.startswith(("（", "(")) else f"（{note}）"
