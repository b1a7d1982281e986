"""A PDF/A-2b checker for the tests, built on readers independent of the writer.

veraPDF, the reference validator, is a Java program that no package registry reachable here
ships (no Debian package; the PyPI and npm wrappers download it at run time). This module
checks instead the rules of veraPDF's PDF/A-2B profile that a PDF made by reportlab and pikepdf
can break, each named by its ISO 19005-2 clause and test number, reading the file with pypdf
(pure Python, not the qpdf library pikepdf writes with) and the embedded fonts with fontTools.
`qpdf_check` runs Debian's qpdf on the file's syntax and streams beside it.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject, IndirectObject, StreamObject

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PDFAID = "http://www.aiim.org/pdfa/ns/id/"
# Namespaces of the XMP schemas ISO 19005-2 predefines that the checker accepts (6.6.2.3.1).
PREDEFINED = {
    "http://purl.org/dc/elements/1.1/",
    "http://ns.adobe.com/xap/1.0/",
    "http://ns.adobe.com/pdf/1.3/",
    "http://ns.adobe.com/xap/1.0/mm/",
    PDFAID,
}
ALLOWED_FILTERS = {"/ASCIIHexDecode", "/ASCII85Decode", "/FlateDecode", "/RunLengthDecode",
                   "/CCITTFaxDecode", "/JBIG2Decode", "/DCTDecode", "/JPXDecode", "/Crypt"}
BLEND_MODES = {"/Normal", "/Compatible", "/Multiply", "/Screen", "/Overlay", "/Darken",
               "/Lighten", "/ColorDodge", "/ColorBurn", "/HardLight", "/SoftLight",
               "/Difference", "/Exclusion", "/Hue", "/Saturation", "/Color", "/Luminosity"}
# What the checker covers, by clause (listed in docs/pdf.md).
COVERED = (
    "6.1.2-1/2 header and binary comment", "6.1.3-1 file ID", "6.1.3-2 no Encrypt",
    "6.1.3-3 nothing after %%EOF", "6.1.7.1-3 no F/FFilter/FDecodeParms",
    "6.1.7.2-1 no LZW", "6.2.3-1 output profile mntr/prtr, RGB, version < 5",
    "6.2.4.3-2/4 DeviceRGB/DeviceGray only under an RGB output intent",
    "6.2.5-1/3 no TR/HTP in ExtGState", "6.2.8-1..5 image dictionaries",
    "6.2.10-1 standard blend modes", "6.2.11.4.1-1 every font embedded",
    "6.2.11.5-1 widths equal the font program's", "6.2.11.6-3/4 symbolic TrueType encoding",
    "6.2.11.8-1 no .notdef shown", "6.3.1/6.3.2 annotations", "6.4.2-2 no NeedsRendering",
    "6.5.1/6.5.2 no JavaScript, Launch or AA actions", "6.6.2.1-1..5 XMP metadata stream",
    "6.6.2.3.1-1 predefined XMP schemas only", "6.6.4-1..5 pdfaid part 2, conformance B",
    "6.10-1/2 no alternate presentations or PresSteps", "6.11-1 no Requirements",
)


def pdfa_problems(pdf: bytes) -> list[str]:
    """Return the PDF/A-2b rules `pdf` breaks, by clause; [] when it passes every check."""
    problems = _file_structure(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    if reader.is_encrypted or "/Encrypt" in reader.trailer:
        return [*problems, "6.1.3-2: the file is encrypted"]
    ids = reader.trailer.get("/ID")
    if not ids or len(ids) != 2 or not all(len(part) for part in ids):
        problems.append("6.1.3-1: no file identifier in the trailer")
    catalog = reader.trailer["/Root"]
    problems += _catalog(catalog)
    problems += _metadata(catalog, reader)
    rgb_intent = _output_intent(catalog, problems)
    for number, page in enumerate(reader.pages, start=1):
        problems += [f"page {number}: {p}" for p in _page(page, rgb_intent)]
    for obj in _objects(reader):
        problems += _stream_keys(obj)
    return problems


def qpdf_check(pdf: bytes) -> subprocess.CompletedProcess[str] | None:
    """Return `qpdf --check` run on `pdf`, or None when Debian's qpdf is not installed."""
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "checked.pdf"
        path.write_bytes(pdf)
        return subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True,
                              check=False)


def _file_structure(pdf: bytes) -> list[str]:
    """Check the header, the binary comment and the end of the file (6.1.2, 6.1.3-3)."""
    problems = []
    if not re.match(rb"%PDF-1\.[0-7](\r\n|\r|\n)%[\x80-\xff]{4}", pdf):
        problems.append("6.1.2: header or binary comment line")
    end = pdf.rstrip(b"\r\n")
    if not end.endswith(b"%%EOF") or len(pdf) - len(end) > 2:
        problems.append("6.1.3-3: data after the last %%EOF")
    return problems


def _catalog(catalog: DictionaryObject) -> list[str]:
    """Check the catalog's forbidden entries (6.4.2-2, 6.5.2-1, 6.10-1, 6.11-1, 6.5.1)."""
    problems = []
    for key, clause in (("/NeedsRendering", "6.4.2-2"), ("/AA", "6.5.2-1"),
                        ("/Requirements", "6.11-1")):
        if key in catalog:
            problems.append(f"{clause}: {key} in the catalog")
    names = catalog.get("/Names")
    if names is not None:
        names = names.get_object()
        for key, clause in (("/JavaScript", "6.5.1-1"), ("/AlternatePresentations", "6.10-1")):
            if key in names:
                problems.append(f"{clause}: {key} in the name dictionary")
    action = catalog.get("/OpenAction")
    if isinstance(action, DictionaryObject | IndirectObject):
        kind = action.get_object().get("/S")
        if kind not in (None, "/GoTo", "/URI", "/Named"):
            problems.append(f"6.5.1-1: an OpenAction of type {kind}")
    return problems


def _metadata(catalog: DictionaryObject, reader: PdfReader) -> list[str]:
    """Check the XMP metadata stream and its PDF/A identification (6.6.2.1, 6.6.4)."""
    if "/Metadata" not in catalog:
        return ["6.6.2.1-1: no Metadata stream in the catalog"]
    stream = catalog["/Metadata"].get_object()
    raw = stream.get_data()
    problems = []
    if stream.get("/Type") != "/Metadata" or stream.get("/Subtype") != "/XML":
        problems.append("6.6.2.1-1: the metadata stream is not /Type /Metadata /Subtype /XML")
    header = re.match(rb"<\?xpacket ([^?]*)\?>", raw)
    if header is None or b"bytes=" in header.group(1) or b"encoding=" in header.group(1):
        problems.append("6.6.2.1-2/3: xpacket header missing or with bytes/encoding")
    try:
        raw.decode("utf-8")
        root = ET.fromstring(raw)
    except (UnicodeDecodeError, ET.ParseError) as error:
        return [*problems, f"6.6.2.1-4/5: XMP not well-formed UTF-8 XML: {error}"]
    values = _xmp_values(root, problems)
    if values.get((PDFAID, "part")) != "2":
        problems.append("6.6.4-2: pdfaid:part is not 2")
    if values.get((PDFAID, "conformance")) != "B":
        problems.append("6.6.4-3: pdfaid:conformance is not B")
    problems += _info_agrees(reader.metadata or {}, values)
    return problems


def _xmp_values(root: ET.Element, problems: list[str]) -> dict[tuple[str, str], str]:
    """Return the XMP properties' text by (namespace, name), noting unknown schemas."""
    values: dict[tuple[str, str], str] = {}
    for description in root.iter(f"{{{RDF}}}Description"):
        for prop in description:
            namespace, _, name = prop.tag[1:].partition("}")
            if namespace not in PREDEFINED:
                problems.append(f"6.6.2.3.1-1: property {name} in the unknown schema {namespace}")
            values[(namespace, name)] = "".join(prop.itertext()).strip()
        for attribute, value in description.attrib.items():
            if attribute.startswith(f"{{{PDFAID}}}"):
                values[(PDFAID, attribute.split("}")[1])] = value
    return values


def _info_agrees(info: Any, values: dict[tuple[str, str], str]) -> list[str]:
    """Check that the document information dictionary says what the XMP says."""
    pairs = (("/Title", ("http://purl.org/dc/elements/1.1/", "title")),
             ("/Author", ("http://purl.org/dc/elements/1.1/", "creator")),
             ("/Subject", ("http://purl.org/dc/elements/1.1/", "description")),
             ("/Creator", ("http://ns.adobe.com/xap/1.0/", "CreatorTool")),
             ("/Producer", ("http://ns.adobe.com/pdf/1.3/", "Producer")))
    return [f"Info {key} differs from XMP" for key, prop in pairs
            if info.get(key) and str(info[key]) != values.get(prop)]


def _output_intent(catalog: DictionaryObject, problems: list[str]) -> bool:
    """Check the PDF/A output intent (6.2.3-1); return whether its profile is RGB."""
    intents = [i.get_object() for i in catalog.get("/OutputIntents", [])]
    pdfa = [i for i in intents if i.get("/S") == "/GTS_PDFA1"]
    if len(pdfa) != 1:
        problems.append("6.2.3: no single GTS_PDFA1 output intent")
        return False
    profile = pdfa[0]["/DestOutputProfile"].get_object()
    icc = profile.get_data()
    device_class, space, major = icc[12:16], icc[16:20], icc[8]
    if device_class not in (b"mntr", b"prtr") or space not in (b"RGB ", b"CMYK", b"GRAY") \
            or major >= 5 or profile.get("/N") != 3 or len(icc) != int.from_bytes(icc[:4]):
        problems.append("6.2.3-1: the destination output profile is not a valid RGB profile")
        return False
    return space == b"RGB "


def _page(page: Any, rgb_intent: bool) -> Iterator[str]:
    """Yield the problems of one page: annotations, actions, images, fonts and text."""
    for key, clause in (("/AA", "6.5.2-2"), ("/PresSteps", "6.10-2")):
        if key in page:
            yield f"{clause}: {key} in the page"
    for annot in page.get("/Annots", []):
        flags = int(annot.get_object().get("/F", 0))
        if flags & 4 == 0 or flags & (1 | 2 | 32 | 256):
            yield "6.3.2-2: an annotation that does not print or is hidden"
    resources = page.get("/Resources", {})
    if "/Resources" not in page:
        yield "6.2.2-2: a page without resources"
    if not rgb_intent:
        yield "6.2.4.3-2: DeviceRGB without an RGB output intent"
    for state in resources.get("/ExtGState", {}).values():
        state = state.get_object()
        if "/TR" in state or "/HTP" in state:
            yield "6.2.5-1/3: TR or HTP in an ExtGState"
        if "/BM" in state and str(state["/BM"]) not in BLEND_MODES:
            yield f"6.2.10-1: blend mode {state['/BM']}"
    for image in resources.get("/XObject", {}).values():
        yield from _image(image.get_object())
    fonts = {name: font.get_object() for name, font in resources.get("/Font", {}).items()}
    maps = {}
    for name, font in fonts.items():
        problems, cmap = _font(font)
        yield from (f"font {name}: {p}" for p in problems)
        maps[name] = cmap
    yield from _shown_glyphs(page, maps)


def _image(image: DictionaryObject) -> Iterator[str]:
    """Check an image XObject and its soft mask (6.2.8)."""
    if image.get("/Subtype") != "/Image":
        return
    if "/Alternates" in image or "/OPI" in image:
        yield "6.2.8-1/2: Alternates or OPI in an image"
    if image.get("/Interpolate", False):
        yield "6.2.8-3: an image with Interpolate true"
    if image.get("/BitsPerComponent", 8) not in (1, 2, 4, 8, 16):
        yield "6.2.8-4: an image's BitsPerComponent"
    if "/SMask" in image:
        yield from _image(image["/SMask"].get_object())


def _font(font: DictionaryObject) -> tuple[list[str], dict[int, str]]:
    """Check an embedded simple TrueType font; return its code → glyph name map."""
    problems: list[str] = []
    if font.get("/Subtype") != "/TrueType":
        return [f"unexpected font subtype {font.get('/Subtype')}"], {}
    descriptor = font["/FontDescriptor"].get_object()
    if "/FontFile2" not in descriptor:
        return ["6.2.11.4.1-1: the font program is not embedded"], {}
    program = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
    symbolic = int(descriptor["/Flags"]) & 4
    tables = program["cmap"].tables
    if symbolic and "/Encoding" in font:
        problems.append("6.2.11.6-3: a symbolic TrueType font with an Encoding")
    if symbolic and len(tables) != 1 and not program["cmap"].getcmap(3, 0):
        problems.append("6.2.11.6-4: a symbolic font's cmap has several encodings, no (3,0)")
    cmap = dict(tables[0].cmap)
    scale = 1000 / program["head"].unitsPerEm
    first = int(font["/FirstChar"])
    for offset, width in enumerate(font["/Widths"]):
        glyph = cmap.get(first + offset)
        if glyph is not None and abs(program["hmtx"][glyph][0] * scale - float(width)) > 1:
            problems.append(f"6.2.11.5-1: width of code {first + offset} differs")
    return problems, cmap


def _shown_glyphs(page: Any, maps: dict[str, dict[int, str]]) -> Iterator[str]:
    """Check that no text shows the .notdef glyph (6.2.11.8-1)."""
    contents = page.get_contents()
    if contents is None:
        return
    current: dict[int, str] = {}
    for operands, operator in ContentStream(contents, page.pdf).operations:
        if operator == b"Tf":
            current = maps.get(str(operands[0]), {})
        elif operator in (b"Tj", b"'", b'"'):
            yield from _notdef(operands[-1], current)
        elif operator == b"TJ":
            for part in operands[0]:
                if not isinstance(part, int | float):
                    yield from _notdef(part, current)


def _notdef(text: Any, cmap: dict[int, str]) -> Iterator[str]:
    """Yield a problem for each code of `text` that shows no glyph."""
    data = text.original_bytes if hasattr(text, "original_bytes") else bytes(text)
    for code in data:
        if cmap.get(code, ".notdef") == ".notdef":
            yield f"6.2.11.8-1: code {code} shows .notdef"


def _objects(reader: PdfReader) -> Iterator[Any]:
    """Yield every indirect object of the file."""
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            yield reader.get_object(number)
        except Exception:  # a free entry of the cross-reference table
            continue


def _stream_keys(obj: Any) -> list[str]:
    """Check a stream's dictionary: no external file keys, no LZW (6.1.7.1-3, 6.1.7.2-1)."""
    if not isinstance(obj, StreamObject):
        return []
    problems = []
    if any(key in obj for key in ("/F", "/FFilter", "/FDecodeParms")):
        problems.append("6.1.7.1-3: F, FFilter or FDecodeParms in a stream")
    filters = obj.get("/Filter")
    names = [str(f) for f in filters] if isinstance(filters, list) else \
        ([str(filters)] if filters is not None else [])
    problems += [f"6.1.7.2-1: filter {name}" for name in names if name not in ALLOWED_FILTERS]
    return problems
