"""A small display list (text lines, filled rules, images) and its output as PDF bytes.

A `Typeset` is a laid-out document: every page's operations with their positions. The PDF is
drawn from it here with reportlab; the OFD (officeapp.pdf.ofd) is written from the same value,
so that both formats show the same glyphs at the same places.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from officeapp.pdf._reportlab import Canvas, ImageReader
from officeapp.pdf.fonts import LoadedFont
from officeapp.pdf.geometry import BLACK, PAGE_HEIGHT, PAGE_WIDTH, Color
from officeapp.pdf.typeset import Glyph, Line

CREATOR = "协同办公 officeapp"
# An image as a file, or as its bytes (a unit's seal, which the server keeps in its database).
ImageData = Path | bytes
# The registered fonts are shared and keep each document's subsets (and reportlab's subsetter
# moves a read position inside them): one user at a time, PDF renderer or OFD writer.
FONT_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class TextOp:
    """A line drawn with its left edge at `x` and its baseline at `baseline`.

    `rotation` turns the line anticlockwise, in degrees, about that point.
    """

    line: Line
    x: float
    baseline: float
    color: Color = BLACK
    horizontal_scale: float = 100.0
    rotation: float = 0.0


@dataclass(frozen=True, slots=True)
class RuleOp:
    """A filled rectangle: rules are filled so that their thickness is exact."""

    x: float
    y: float
    width: float
    height: float
    color: Color = BLACK


@dataclass(frozen=True, slots=True)
class ImageOp:
    """An image file drawn into a box; its alpha channel is kept.

    `seal` marks a seal (印章): the OFD carries it as a stamp annotation, not as page content.
    """

    path: ImageData
    x: float
    y: float
    width: float
    height: float
    seal: bool = False


Op = TextOp | RuleOp | ImageOp


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the PDF says about itself."""

    title: str
    author: str = ""
    subject: str = ""


@dataclass(frozen=True, slots=True)
class Typeset:
    """A document laid out: each page's operations, the page size and the document's metadata.

    `initial_font` is the registered font reportlab starts every page with.
    """

    pages: tuple[tuple[Op, ...], ...]
    metadata: Metadata
    initial_font: str
    page_size: tuple[float, float] = (PAGE_WIDTH, PAGE_HEIGHT)

    @classmethod
    def of(
        cls,
        pages: Sequence[Sequence[Op]],
        *,
        metadata: Metadata,
        initial_font: str,
        page_size: tuple[float, float] = (PAGE_WIDTH, PAGE_HEIGHT),
    ) -> Typeset:
        """Return the typeset of `pages` (lists are copied into tuples)."""
        return cls(tuple(tuple(ops) for ops in pages), metadata, initial_font, page_size)


def render_pdf(typeset: Typeset) -> bytes:
    """Draw a typeset document and return the PDF bytes."""
    return render_pages(
        typeset.pages,
        metadata=typeset.metadata,
        initial_font=typeset.initial_font,
        page_size=typeset.page_size,
    )


def baseline_in(top: float, height: float, size: float, descent: float) -> float:
    """Return the baseline that centres a `size` point em box in a band `height` tall."""
    em_top = top - (height - size) / 2
    return em_top - (1 + descent) * size


def render_pages(
    pages: Sequence[Sequence[Op]],
    *,
    metadata: Metadata,
    initial_font: str,
    page_size: tuple[float, float] = (PAGE_WIDTH, PAGE_HEIGHT),
) -> bytes:
    """Draw `pages` on A4 (or `page_size`, e.g. A4 landscape) and return the PDF bytes."""
    with FONT_LOCK:
        return _render(pages, metadata, initial_font, page_size)


def _render(
    pages: Sequence[Sequence[Op]],
    metadata: Metadata,
    initial_font: str,
    page_size: tuple[float, float],
) -> bytes:
    """Draw `pages` on a new canvas."""
    buffer = io.BytesIO()
    # The initial font is written into every page: it must be an embedded one, not Helvetica.
    canvas = Canvas(
        buffer,
        pagesize=page_size,
        pageCompression=1,
        initialFontName=initial_font,
        initialFontSize=16,
    )
    canvas.setTitle(metadata.title)
    canvas.setAuthor(metadata.author)
    canvas.setSubject(metadata.subject)
    canvas.setCreator(CREATOR)
    for ops in pages:
        for op in ops:
            _draw(canvas, op)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw(canvas: Canvas, op: Op) -> None:
    """Draw one operation."""
    if isinstance(op, TextOp):
        _draw_text(canvas, op)
    elif isinstance(op, RuleOp):
        canvas.setFillColorRGB(*op.color)
        canvas.rect(op.x, op.y, op.width, op.height, stroke=0, fill=1)
    else:
        canvas.drawImage(image_reader(op.path), op.x, op.y, op.width, op.height, mask="auto")


def image_reader(image: ImageData) -> ImageReader:
    """Return reportlab's reader of an image file or of an image's bytes."""
    return ImageReader(str(image) if isinstance(image, Path) else io.BytesIO(image))


def image_name(image: ImageData) -> str:
    """Return how messages name an image: its file, or 印章图片 for one held as bytes."""
    return str(image) if isinstance(image, Path) else "印章图片"


def _draw_text(canvas: Canvas, op: TextOp) -> None:
    """Draw a line as runs that share a font and a character spacing."""
    if not op.line.glyphs:
        return
    if op.rotation:
        canvas.saveState()
        canvas.translate(op.x, op.baseline)
        canvas.rotate(op.rotation)
        _draw_text(canvas, replace(op, x=0.0, baseline=0.0, rotation=0.0))
        canvas.restoreState()
        return
    scale = op.horizontal_scale / 100.0
    size = op.line.size
    canvas.setFillColorRGB(*op.color)
    text = canvas.beginText()
    if op.horizontal_scale != 100.0:
        text.setHorizScale(op.horizontal_scale)
    for font, x, spacing, chars in _runs(op.line.glyphs, size):
        text.setTextOrigin(op.x + x * scale, op.baseline)
        text.setFont(font.name, size)
        text.setCharSpace(spacing)
        text.textOut(chars)
    # Tz and Tc belong to the graphics state and outlive the text object: reset them.
    text.setCharSpace(0)
    if op.horizontal_scale != 100.0:
        text.setHorizScale(100.0)
    canvas.drawText(text)


def _runs(glyphs: Sequence[Glyph], size: float) -> Iterator[tuple[LoadedFont, float, float, str]]:
    """Yield (font, x, character spacing, text) for runs of evenly spaced glyphs."""
    start = 0
    for index in range(1, len(glyphs) + 1):
        if index < len(glyphs) and _continues(glyphs[index - 1], glyphs[index], size):
            continue
        first = glyphs[start]
        chars = "".join(glyph.char for glyph in glyphs[start:index])
        yield first.font, first.x, _spacing(first, size), chars
        start = index


def _continues(previous: Glyph, glyph: Glyph, size: float) -> bool:
    """Return whether `glyph` can be drawn in the same run as `previous`."""
    return (
        glyph.font is previous.font
        and abs(previous.x + previous.step - glyph.x) < 1e-6
        and abs(_spacing(previous, size) - _spacing(glyph, size)) < 1e-6
    )


def _spacing(glyph: Glyph, size: float) -> float:
    """Return the character spacing that moves from `glyph` to the next slot."""
    return glyph.step - glyph.font.advance(glyph.char) * size
