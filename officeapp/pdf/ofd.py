"""OFD (GB/T 33190-2016) output of a typeset document: the PDF's pages, glyphs and rules.

The OFD is written from the same `Typeset` as the PDF (officeapp.pdf.draw), so every glyph sits
where the PDF puts it. The package, a ZIP file:

    OFD.xml                              DocInfo, and where the document's root is
    Doc_0/Document.xml                   page size, resources, pages, annotations
    Doc_0/PublicRes.xml                  the fonts; each embeds its subset, Res/font_N.ttf
    Doc_0/DocumentRes.xml                the images, Res/image_N.png (or .jpg)
    Doc_0/Pages/Page_N/Content.xml       one layer of TextObject, PathObject, ImageObject
    Doc_0/Annots/Annotations.xml         the pages that carry annotations
    Doc_0/Annots/Page_N/Annotation.xml   the seals, as Stamp annotations

Units are millimetres from the top left corner of the page, y growing downwards. A line of
text becomes one TextObject per font run with one TextCode: X and Y place the first glyph's
origin on the baseline and DeltaX the distance to each next glyph, exactly the PDF's glyph
positions. A horizontally compressed line (the 发文机关标志) or a turned one (桌签) carries the
transformation as the object's CTM. Fonts are embedded as TrueType subsets: reportlab's
subsetter (the one that makes the PDF's subsets) copies the glyphs, fontTools gives the subset
a Unicode character map, because OFD text is Unicode.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import uuid
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Final
from xml.sax.saxutils import escape, quoteattr

from officeapp.pdf.draw import (
    CREATOR,
    FONT_LOCK,
    ImageData,
    ImageOp,
    Op,
    RuleOp,
    TextOp,
    Typeset,
    image_name,
)
from officeapp.pdf.errors import PdfInputError
from officeapp.pdf.fonts import LoadedFont
from officeapp.pdf.geometry import MM, Color
from officeapp.pdf.typeset import Glyph

NAMESPACE: Final = "http://www.ofdspec.org/2016"
DOC: Final = "Doc_0"
NOTDEF: Final = ".notdef"
# Room around a run's advance box, in ems, so that the Boundary holds every glyph's ink.
INK_MARGIN: Final = 0.15
DECIMALS: Final = 4  # 0.1 µm: far below a printer's dot, and the PDF's own precision
Matrix = tuple[float, float, float, float]
IDENTITY: Final[Matrix] = (1.0, 0.0, 0.0, 1.0)
NOT_XML: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render_ofd(typeset: Typeset, *, today: dt.date | None = None) -> bytes:
    """Return the OFD package of a typeset document; `today` dates it (default: today)."""
    day = today or dt.date.today()
    writer = _Writer(page_height=typeset.page_size[1], day=day)
    pages = [writer.page(ops) for ops in typeset.pages]
    files: dict[str, bytes] = {"OFD.xml": _ofd_xml(typeset, day)}
    files[f"{DOC}/Document.xml"] = writer.document_xml(typeset.page_size, len(pages))
    files[f"{DOC}/PublicRes.xml"] = writer.public_res_xml()
    files[f"{DOC}/DocumentRes.xml"] = writer.document_res_xml()
    for number, page in enumerate(pages):
        files[f"{DOC}/Pages/Page_{number}/Content.xml"] = page
    files.update(writer.annotation_files())
    files.update(writer.resource_files())
    return _zip(files)


# --- XML ------------------------------------------------------------------------------------


def element(tag: str, attributes: Mapping[str, str] | None = None, *children: str,
            text: str | None = None) -> str:
    """Return `<ofd:tag …>` with escaped attributes and either child elements or text."""
    attrs = "".join(f" {name}={quoteattr(_clean(value))}"
                    for name, value in (attributes or {}).items())
    inner = escape(_clean(text)) if text is not None else "".join(children)
    if not inner:
        return f"<ofd:{tag}{attrs}/>"
    return f"<ofd:{tag}{attrs}>{inner}</ofd:{tag}>"


def document(tag: str, attributes: Mapping[str, str] | None = None, *children: str) -> bytes:
    """Return a whole XML file whose root element declares the OFD namespace."""
    root = element(tag, {"xmlns:ofd": NAMESPACE, **(attributes or {})}, *children)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + root).encode("utf-8")


def _clean(text: str) -> str:
    """Return `text` without the characters XML 1.0 cannot carry (lone surrogates, controls)."""
    return NOT_XML.sub("\ufffd", text)


def number(value: float) -> str:
    """Return a length in millimetres with at most DECIMALS decimals, no trailing zeros."""
    text = f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def numbers(values: Iterable[float]) -> str:
    """Return lengths separated by spaces, as ST_Array and ST_Box want them."""
    return " ".join(number(value) for value in values)


def rgb(color: Color) -> str:
    """Return a colour as OFD's `R G B` (0-255)."""
    return " ".join(str(round(max(0.0, min(1.0, part)) * 255)) for part in color)


# --- the package ----------------------------------------------------------------------------


@dataclass
class _Image:
    """An image file of the package."""

    id: int
    name: str
    format: str
    content: bytes


@dataclass
class _Writer:
    """Allocates IDs and resources while it turns pages of operations into Content.xml."""

    page_height: float
    day: dt.date
    last_id: int = 0
    page_ids: list[int] = field(default_factory=list)
    fonts: dict[LoadedFont, tuple[int, dict[str, None]]] = field(default_factory=dict)
    images: dict[ImageData, _Image] = field(default_factory=dict)
    stamps: dict[int, list[str]] = field(default_factory=dict)  # page index → Annot elements

    def new_id(self) -> int:
        """Return the next unused ID (GB/T 33190 IDs are unique in the whole document)."""
        self.last_id += 1
        return self.last_id

    def page(self, ops: Sequence[Op]) -> bytes:
        """Return the Content.xml of one page."""
        self.page_ids.append(self.new_id())
        layer_id = self.new_id()
        objects = [text for op in ops for text in self._objects(op)]
        return document("Page", None, element(
            "Content", None, element("Layer", {"ID": str(layer_id), "Type": "Body"}, *objects)))

    def _objects(self, op: Op) -> Iterator[str]:
        """Yield the page objects of one operation (a seal goes to the annotations instead)."""
        if isinstance(op, TextOp):
            yield from self._text_objects(op)
        elif isinstance(op, RuleOp):
            yield self._path_object(op)
        elif op.seal:
            self.stamps.setdefault(len(self.page_ids) - 1, []).append(self._stamp(op))
        else:
            box = self._box(op.x, op.y, op.width, op.height)
            yield self._image_object(op, box)

    def _box(self, x: float, y: float, width: float, height: float) -> tuple[float, ...]:
        """Return a PDF rectangle (points, bottom left) as an OFD box (mm, top left)."""
        return (x / MM, (self.page_height - y - height) / MM, width / MM, height / MM)

    def _text_objects(self, op: TextOp) -> Iterator[str]:
        """Yield one TextObject per run of glyphs in one font."""
        scale = op.horizontal_scale / 100.0
        angle = math.radians(op.rotation)
        # PDF order: scale the line horizontally, then turn it anticlockwise; y points down here.
        matrix = (math.cos(angle) * scale, -math.sin(angle) * scale,
                  math.sin(angle), math.cos(angle))
        origin = (op.x / MM, (self.page_height - op.baseline) / MM)
        for run in font_runs(op.line.glyphs):
            font_id = self._font_id(run)
            yield text_object(run, size=op.line.size, matrix=matrix, origin=origin,
                              color=op.color, object_id=self.new_id(), font_id=font_id)

    def _font_id(self, run: Sequence[Glyph]) -> int:
        """Return the resource ID of the run's font, noting the characters it must hold."""
        font = run[0].font
        if font not in self.fonts:
            self.fonts[font] = (self.new_id(), {})
        font_id, chars = self.fonts[font]
        chars.update(dict.fromkeys(glyph.char for glyph in run))
        return font_id

    def _path_object(self, op: RuleOp) -> str:
        """Return a filled rectangle: rules are filled so that their thickness is exact."""
        box = self._box(op.x, op.y, op.width, op.height)
        width, height = number(box[2]), number(box[3])
        outline = f"M 0 0 L {width} 0 L {width} {height} L 0 {height} C"
        return element(
            "PathObject",
            {"ID": str(self.new_id()), "Boundary": numbers(box), "Stroke": "false",
             "Fill": "true"},
            element("FillColor", {"Value": rgb(op.color)}),
            element("AbbreviatedData", text=outline),
        )

    def _image_object(self, op: ImageOp, box: Sequence[float]) -> str:
        """Return an ImageObject drawing the image into `box` (the unit square, scaled)."""
        image = self._image(op)
        ctm = numbers((box[2], 0.0, 0.0, box[3], 0.0, 0.0))
        return element("ImageObject", {"ID": str(self.new_id()), "Boundary": numbers(box),
                                       "CTM": ctm, "ResourceID": str(image.id)})

    def _stamp(self, op: ImageOp) -> str:
        """Return a Stamp annotation showing a seal image where the PDF draws it."""
        box = self._box(op.x, op.y, op.width, op.height)
        annot_id = self.new_id()
        inner = self._image_object(op, (0.0, 0.0, box[2], box[3]))
        return element(
            "Annot",
            {"ID": str(annot_id), "Type": "Stamp", "Creator": CREATOR,
             "LastModDate": self.day.isoformat(), "Visible": "true", "Print": "true",
             "ReadOnly": "true"},
            element("Appearance", {"Boundary": numbers(box)}, inner),
        )

    def _image(self, op: ImageOp) -> _Image:
        """Return the image resource of `op.path`, read once per document."""
        if op.path not in self.images:
            image_format, content = read_image(op.path, field="seal_image" if op.seal else "image")
            image_id = self.new_id()
            suffix = "jpg" if image_format == "JPEG" else "png"
            self.images[op.path] = _Image(image_id, f"image_{image_id}.{suffix}", image_format,
                                          content)
        return self.images[op.path]

    def document_xml(self, page_size: tuple[float, float], count: int) -> bytes:
        """Return Doc_0/Document.xml."""
        area = numbers((0.0, 0.0, page_size[0] / MM, page_size[1] / MM))
        common = element(
            "CommonData", None,
            element("MaxUnitID", text=str(self.last_id)),
            element("PageArea", None, element("PhysicalBox", text=area)),
            element("PublicRes", text="PublicRes.xml"),
            element("DocumentRes", text="DocumentRes.xml"),
        )
        pages = element("Pages", None, *(
            element("Page", {"ID": str(self.page_ids[n]),
                             "BaseLoc": f"Pages/Page_{n}/Content.xml"})
            for n in range(count)))
        parts = [common, pages]
        if self.stamps:
            parts.append(element("Annotations", text="Annots/Annotations.xml"))
        return document("Document", None, *parts)

    def public_res_xml(self) -> bytes:
        """Return PublicRes.xml: every font used, with its embedded file."""
        fonts = [
            element("Font", {"ID": str(font_id), "FontName": font.face_name,
                             "FamilyName": font.family},
                    element("FontFile", text=f"font_{font_id}.ttf"))
            for font, (font_id, _) in self.fonts.items()
        ]
        children = [element("Fonts", None, *fonts)] if fonts else []
        return document("Res", {"BaseLoc": "Res"}, *children)

    def document_res_xml(self) -> bytes:
        """Return DocumentRes.xml: the images."""
        media = [
            element("MultiMedia", {"ID": str(image.id), "Type": "Image", "Format": image.format},
                    element("MediaFile", text=image.name))
            for image in self.images.values()
        ]
        children = [element("MultiMedias", None, *media)] if media else []
        return document("Res", {"BaseLoc": "Res"}, *children)

    def annotation_files(self) -> dict[str, bytes]:
        """Return Annots/Annotations.xml and one Annotation.xml per page with seals."""
        if not self.stamps:
            return {}
        files: dict[str, bytes] = {}
        index = []
        for page, annots in sorted(self.stamps.items()):
            location = f"Page_{page}/Annotation.xml"
            index.append(element("Page", {"PageID": str(self.page_ids[page])},
                                 element("FileLoc", text=location)))
            files[f"{DOC}/Annots/{location}"] = document("PageAnnot", None, *annots)
        files[f"{DOC}/Annots/Annotations.xml"] = document("Annotations", None, *index)
        return files

    def resource_files(self) -> dict[str, bytes]:
        """Return the embedded font subsets and images, under Doc_0/Res."""
        files = {f"{DOC}/Res/font_{font_id}.ttf": font_program(font, chars)
                 for font, (font_id, chars) in self.fonts.items()}
        files.update({f"{DOC}/Res/{image.name}": image.content for image in self.images.values()})
        return files


def _ofd_xml(typeset: Typeset, day: dt.date) -> bytes:
    """Return OFD.xml: the document's identity and metadata."""
    meta = typeset.metadata
    info = [element("DocID", text=uuid.uuid4().hex), element("Title", text=meta.title)]
    if meta.author:
        info.append(element("Author", text=meta.author))
    if meta.subject:
        info.append(element("Subject", text=meta.subject))
    info += [element("CreationDate", text=day.isoformat()), element("Creator", text=CREATOR)]
    body = element("DocBody", None, element("DocInfo", None, *info),
                   element("DocRoot", text=f"{DOC}/Document.xml"))
    return document("OFD", {"Version": "1.0", "DocType": "OFD"}, body)


def _zip(files: Mapping[str, bytes]) -> bytes:
    """Return the ZIP package, OFD.xml first."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for name, content in files.items():
            package.writestr(name, content)
    return buffer.getvalue()


# --- text -----------------------------------------------------------------------------------


def font_runs(glyphs: Sequence[Glyph]) -> Iterator[Sequence[Glyph]]:
    """Yield the runs of consecutive glyphs that share a font."""
    start = 0
    for index in range(1, len(glyphs) + 1):
        if index == len(glyphs) or glyphs[index].font is not glyphs[start].font:
            yield glyphs[start:index]
            start = index


def text_object(
    run: Sequence[Glyph],
    *,
    size: float,
    matrix: Matrix,
    origin: tuple[float, float],
    color: Color,
    object_id: int,
    font_id: int,
) -> str:
    """Return a TextObject: glyph origins from the line's start `origin` (mm) through `matrix`.

    In object space the line's start is (0, 0) and glyph i sits at (x_i, 0), in mm. The
    Boundary is the box of the transformed glyph cells; the CTM maps object space into it.
    """
    em = size / MM
    font = run[0].font
    left = run[0].x / MM - INK_MARGIN * em
    right = (run[-1].x + run[-1].step) / MM + INK_MARGIN * em
    top = -em * max(font.ascent, 1.0)
    bottom = em * max(-font.descent, 0.25)
    corners = [_apply(matrix, x, y) for x in (left, right) for y in (top, bottom)]
    x0 = min(x for x, _ in corners)
    y0 = min(y for _, y in corners)
    x1 = max(x for x, _ in corners)
    y1 = max(y for _, y in corners)
    boundary = (origin[0] + x0, origin[1] + y0, x1 - x0, y1 - y0)
    attributes = {"ID": str(object_id), "Boundary": numbers(boundary), "Font": str(font_id),
                  "Size": number(em)}
    first = run[0].x / MM
    if _is_identity(matrix):
        x, y = first - x0, -y0
    else:
        # The CTM only scales and turns; the move to the Boundary's corner is made in object
        # space (through the inverse), which readers that mishandle a CTM's offset draw right.
        attributes["CTM"] = numbers((*matrix, 0.0, 0.0))
        dx, dy = _inverse(matrix, -x0, -y0)
        x, y = first + dx, dy
    code = {"X": number(x), "Y": number(y)}
    if len(run) > 1:
        code["DeltaX"] = numbers((b.x - a.x) / MM for a, b in pairwise(run))
    text = "".join(glyph.char for glyph in run)
    return element("TextObject", attributes, element("FillColor", {"Value": rgb(color)}),
                   element("TextCode", code, text=text))


def _apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    """Return (x, y) through OFD's matrix (a b c d): x' = a x + c y, y' = b x + d y."""
    a, b, c, d = matrix
    return a * x + c * y, b * x + d * y


def _inverse(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    """Return the point that `matrix` maps to (x, y)."""
    a, b, c, d = matrix
    determinant = a * d - b * c
    return (d * x - c * y) / determinant, (a * y - b * x) / determinant


def _is_identity(matrix: Matrix) -> bool:
    """Return whether `matrix` leaves every point where it is."""
    return all(abs(value - expected) < 1e-9 for value, expected in zip(matrix, IDENTITY,
                                                                        strict=True))


# --- fonts and images ------------------------------------------------------------------------


def font_program(font: LoadedFont, chars: Iterable[str]) -> bytes:
    """Return a TrueType subset of `font` with the glyphs of `chars`, mapped from Unicode."""
    # fontTools is imported on first use: most processes that import officeapp.pdf never
    # write an OFD, and the client starts faster without it.
    from officeapp.pdf._fonttools import TTFont

    codes = sorted({ord(char) for char in chars})
    with FONT_LOCK:
        data = font.ttfont.face.makeSubset(codes)
    subset = TTFont(io.BytesIO(data), recalcBBoxes=False, recalcTimestamp=False)
    # reportlab numbers a subset's characters 0, 1, 2, … in the order given (its PDF encoding);
    # OFD text is Unicode, so the map is rewritten from each character to the same glyph.
    by_position = subset["cmap"].getcmap(1, 0).cmap
    mapping = {code: by_position[position] for position, code in enumerate(codes)
               if by_position.get(position, NOTDEF) != NOTDEF}
    subset["cmap"] = _unicode_cmap(mapping)
    buffer = io.BytesIO()
    subset.save(buffer)
    return buffer.getvalue()


def _unicode_cmap(mapping: dict[int, str]) -> object:
    """Return a cmap table: Windows Unicode BMP (format 4), plus full Unicode (12) if needed."""
    from officeapp.pdf._fonttools import CmapSubtable, newTable

    bmp = CmapSubtable.newSubtable(4)
    bmp.platformID, bmp.platEncID, bmp.language = 3, 1, 0
    bmp.cmap = {code: glyph for code, glyph in mapping.items() if code <= 0xFFFF}
    table = newTable("cmap")
    table.tableVersion = 0
    table.tables = [bmp]
    if len(bmp.cmap) < len(mapping):
        full = CmapSubtable.newSubtable(12)
        full.platformID, full.platEncID, full.language = 3, 10, 0
        full.cmap = dict(mapping)
        table.tables.append(full)
    return table


def read_image(path: ImageData, *, field: str) -> tuple[str, bytes]:
    """Return an image's OFD format and bytes: PNG and JPEG as they are, others as PNG."""
    try:
        content = path.read_bytes() if isinstance(path, Path) else path
        if content.startswith(b"\x89PNG\r\n\x1a\n"):
            return "PNG", content
        if content.startswith(b"\xff\xd8\xff"):
            return "JPEG", content
        from PIL import Image  # only for the rare seal that is neither PNG nor JPEG

        buffer = io.BytesIO()
        with Image.open(io.BytesIO(content)) as image:
            image.save(buffer, "PNG")
        return "PNG", buffer.getvalue()
    except OSError as exc:  # also PIL.UnidentifiedImageError
        raise PdfInputError(
            "pdf.bad_seal_image", f"读不了印章图片“{image_name(path)}”：{exc}", field=field
        ) from exc
