"""The OFD export read back: by an independent reader (ofdkit) and by the tests' own reader.

The OFD and the PDF come from one Typeset, so they must agree: the same pages, the same text
on each page, every glyph at the same place (within 0.02 mm, a dot of a 1200 dpi printer).
The XML is checked against what GB/T 33190-2016 requires (namespace, required elements and
attributes, their order, unique IDs, references that resolve), every font is embedded and
holds the glyphs of the text drawn with it, and the seal is a Stamp annotation.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import ofdkit
import pytest
from fontTools.ttLib import TTFont

from officeapp.clock import OFFICE_TZ
from officeapp.org import Organisation
from officeapp.pdf import (
    FontSet,
    MinutesLayout,
    NameBook,
    PdfInputError,
    parse_document,
    render_document,
    render_document_ofd,
    render_minutes_ofd,
    render_ofd,
    render_pdf,
    typeset_document,
    typeset_minutes,
)
from officeapp.pdf.draw import Metadata, TextOp, Typeset
from officeapp.pdf.flow import GRID
from officeapp.pdf.fonts import FontRole
from officeapp.pdf.geometry import PAGE_HEIGHT, PAGE_WIDTH, RED
from officeapp.pdf.meetings import minutes_ofd, minutes_pdf
from officeapp.pdf.supervision import (
    supervision_report_ofd,
    supervision_report_pdf,
    supervision_report_typeset,
)
from officeapp.pdf.typeset import Span, single_line
from officeapp.supervision import Status
from tests.officeapp.meetings.conftest import Desk
from tests.officeapp.pdf.conftest import sample_document
from tests.officeapp.pdf.ofd_package import (
    MM,
    NS,
    OfdPackage,
    PlacedChar,
    Q,
    deltas,
    numbers,
    ofd_chars,
    pdf_chars,
    text_objects,
)
from tests.officeapp.supervision.conftest import START, Sup

Measure = Callable[[bytes], list[Any]]
TOLERANCE = 0.02  # mm
RED_VALUE = "255 0 0"
MINUTES = MinutesLayout(
    mark="萍乡市人民政府常务会议纪要",
    title="第12次常务会议纪要",
    body="会议听取了市财政局关于2027年预算编制工作的汇报。\n" * 30,
    date=dt.date(2026, 11, 25),
    attendees=("张三", "李四"),
    on_leave=("王五",),
    cc_recipients=("市委办公室",),
    print_unit="萍乡市人民政府办公室",
    print_date=dt.date(2026, 11, 26),
)


@pytest.fixture(scope="module")
def sealed(shared_seal: Path, fonts: FontSet) -> tuple[bytes, bytes]:
    """Return the PDF and the OFD of the sample 公文 with a seal, from one Typeset."""
    document = parse_document(sample_document(seal_image=str(shared_seal)))
    typeset = typeset_document(document, fonts=fonts)
    return render_pdf(typeset), render_ofd(typeset, today=dt.date(2023, 11, 28))


def assert_same_layout(pdf: bytes, ofd: bytes) -> None:
    """Assert the same pages, the same text per page and every glyph at the same place."""
    expected, found = pdf_chars(pdf), ofd_chars(ofd)
    assert len(found) == len(expected)
    for number, (pdf_page, ofd_page) in enumerate(zip(expected, found, strict=True), start=1):
        assert text(ofd_page) == text(pdf_page), f"page {number}"
        for want, got in zip(pdf_page, ofd_page, strict=True):
            assert got.x == pytest.approx(want.x, abs=TOLERANCE), (number, want, got)
            assert got.y == pytest.approx(want.y, abs=TOLERANCE), (number, want, got)


def text(chars: list[PlacedChar]) -> str:
    """Return the characters of a page in drawing order."""
    return "".join(char.char for char in chars)


# --- the independent reader ---------------------------------------------------------------


def test_an_independent_reader_sees_the_pdfs_pages_text_and_positions(
    sealed: tuple[bytes, bytes], measure: Measure
) -> None:
    pdf, ofd = sealed
    pdf_pages = measure(pdf)
    expected = pdf_chars(pdf)
    with ofdkit.open(ofd) as reader:
        assert not reader.warnings
        assert len(reader.pages) == len(pdf_pages) == 4
        assert reader.info.title == "萍乡市人民政府关于进一步加强和规范公文处理工作的通知"
        assert reader.info.author == "萍乡市人民政府"
        assert reader.info.creation_date == "2023-11-28"
        assert re.fullmatch(r"[0-9a-f]{32}", reader.info.doc_id or "")
        for page, pdf_page, chars in zip(reader.pages, pdf_pages, expected, strict=True):
            assert page.box == (0.0, 0.0, 210.0, 297.0)
            runs = page.runs
            assert "".join(run.text for run in runs) == pdf_page.text
            start = 0
            for run in runs:  # each run starts where the PDF draws its first glyph
                first = chars[start]
                assert run.x == pytest.approx(first.x, abs=TOLERANCE), run
                assert run.y == pytest.approx(first.y, abs=TOLERANCE), run
                start += len(run.text)
        texts = [page.text() for page in reader.pages]
    for part in ("萍乡市人民政府文件", "萍府发〔2023〕21号", "各县（区）人民政府、市政府各部门：",
                 "— 1 —"):
        assert part in texts[0]
    assert "萍乡市人民政府\n2023年11月27日" in texts[2]  # 署名 over 成文日期
    for part in ("抄送：市委各部门", "2023年11月28日印发", "— 4 —"):
        assert part in texts[3]


def test_text_sizes_match_the_pdf(sealed: tuple[bytes, bytes], measure: Measure) -> None:
    pdf, ofd = sealed
    sizes = [char["size"] / MM for page in measure(pdf) for char in page.chars]
    with ofdkit.open(ofd) as reader:
        runs = [run for page in reader.pages for run in page.runs]
    unscaled = [(run, size) for run, size in zip(runs, _run_sizes(runs, sizes), strict=True)
                if run.text != "萍乡市人民政府文件"]  # the compressed mark has a CTM
    assert unscaled
    for run, size in unscaled:
        assert run.size == pytest.approx(size, abs=0.01), run


def _run_sizes(runs: list[Any], sizes: list[float]) -> list[float]:
    """Return the PDF size of each run's first character."""
    found, start = [], 0
    for run in runs:
        found.append(sizes[start])
        start += len(run.text)
    return found


# --- every glyph ---------------------------------------------------------------------------


def test_every_glyph_sits_where_the_pdf_draws_it(sealed: tuple[bytes, bytes]) -> None:
    assert_same_layout(*sealed)


def test_a_compressed_or_turned_line_keeps_its_glyph_positions(fonts: FontSet) -> None:
    line = single_line([Span("萍乡市人民政府文件", FontRole.TITLE)], fonts=fonts, pitch=GRID)
    ops = [
        TextOp(line, 100.0, 500.0, RED, horizontal_scale=60.0),
        TextOp(line, 400.0, 600.0, rotation=180.0),
        TextOp(line, 300.0, 300.0, rotation=90.0),
        TextOp(line, 100.0, 200.0, rotation=30.0, horizontal_scale=80.0),
    ]
    typeset = Typeset.of([ops], metadata=Metadata("转动"), initial_font=line.glyphs[0].font.name,
                         page_size=(PAGE_HEIGHT, PAGE_WIDTH))
    assert_same_layout(render_pdf(typeset), render_ofd(typeset))


def test_minutes_ofd_matches_its_pdf(fonts: FontSet) -> None:
    typeset = typeset_minutes(MINUTES, fonts=fonts)
    pdf, ofd = render_pdf(typeset), render_ofd(typeset)
    assert len(ofd_chars(ofd)) > 1
    assert_same_layout(pdf, ofd)
    assert ofd_chars(render_minutes_ofd(MINUTES, fonts=fonts)) == ofd_chars(ofd)


def test_a_meetings_minutes_ofd_matches_its_pdf(org: Organisation, now: dt.datetime) -> None:
    meeting = Desk(org, now).notified()
    names = NameBook.of(org)
    assert_same_layout(minutes_pdf(meeting, names=names, now=now),
                       minutes_ofd(meeting, names=names, now=now))


def test_supervision_report_ofd_matches_its_pdf(org: Organisation) -> None:
    sup = Sup(org, START)
    items = [sup.to(Status.ASSIGNED, title=f"督办事项{n}：推进老旧小区改造资金拨付")
             for n in range(1, 4)]
    options: dict[str, Any] = {
        "period_start": dt.datetime(2026, 11, 1, tzinfo=OFFICE_TZ),
        "period_end": dt.datetime(2026, 12, 1, tzinfo=OFFICE_TZ),
        "now": dt.datetime(2026, 12, 5, 10, tzinfo=OFFICE_TZ),
        "names": NameBook.of(org),
    }
    pdf, ofd = supervision_report_pdf(items, **options), supervision_report_ofd(items, **options)
    assert_same_layout(pdf, ofd)
    rules = OfdPackage(ofd).pages()[0].findall(f".//{Q}PathObject")
    assert len(rules) > 20  # the tables' borders
    assert supervision_report_typeset(items, **options).pages


# --- the XML ---------------------------------------------------------------------------------

# Child elements in the order GB/T 33190-2016's schemas give them (optional ones may be absent).
ORDER = {
    "OFD": ["DocBody"],
    "DocBody": ["DocInfo", "DocRoot", "Versions", "Signatures"],
    "DocInfo": ["DocID", "Title", "Author", "Subject", "Abstract", "CreationDate", "ModDate",
                "DocUsage", "Cover", "Keywords", "Creator", "CreatorVersion", "CustomDatas"],
    "Document": ["CommonData", "Pages", "Outlines", "Permissions", "Actions", "VPreferences",
                 "Bookmarks", "Annotations", "Attachments", "CustomTags", "Extensions"],
    "CommonData": ["MaxUnitID", "PageArea", "PublicRes", "DocumentRes", "TemplatePage",
                   "DefaultCS"],
    "Page": ["Template", "PageRes", "Area", "Content", "Actions"],
    "TextObject": ["Actions", "Clips", "FillColor", "StrokeColor", "CGTransform", "TextCode"],
    "PathObject": ["Actions", "Clips", "StrokeColor", "FillColor", "AbbreviatedData"],
    "Annot": ["Remark", "Parameters", "Appearance"],
}
REQUIRED = {
    "OFD": {"Version", "DocType"},
    "Layer": {"ID"},
    "TextObject": {"ID", "Boundary", "Font", "Size"},
    "TextCode": {"X", "Y"},
    "PathObject": {"ID", "Boundary"},
    "ImageObject": {"ID", "Boundary", "ResourceID"},
    "Font": {"ID", "FontName"},
    "MultiMedia": {"ID", "Type"},
    "Annot": {"ID", "Type", "Creator", "LastModDate"},
    "Appearance": {"Boundary"},
}


def local(element: ET.Element) -> str:
    """Return an element's name without its namespace, checking the namespace."""
    namespace, _, name = element.tag[1:].partition("}")
    assert namespace == NS, element.tag
    return name


def test_every_part_is_well_formed_in_the_ofd_namespace(sealed: tuple[bytes, bytes]) -> None:
    package = OfdPackage(sealed[1])
    parts = [name for name in package.names if name.endswith(".xml")]
    assert package.names[0] == "OFD.xml"
    for name in parts:
        raw = package.read(name)
        assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>'), name
        assert b'xmlns:ofd="http://www.ofdspec.org/2016"' in raw, name
        root = package.xml(name)
        for element in root.iter():
            tag = local(element)
            assert REQUIRED.get(tag, set()) <= set(element.attrib), (name, tag)
            order = ORDER.get(tag)
            # "Page" is also the name of entries in Document.xml and Annotations.xml.
            if order is None or (tag == "Page" and element is not root):
                continue
            children = [local(child) for child in element]
            positions = [order.index(child) for child in children]
            assert positions == sorted(positions), (name, tag, children)


def test_required_structure_and_unique_ids(sealed: tuple[bytes, bytes]) -> None:
    package = OfdPackage(sealed[1])
    root = package.xml("OFD.xml")
    assert local(root) == "OFD" and root.attrib == {"Version": "1.0", "DocType": "OFD"}
    assert package.document_path in package.names
    document = package.document()
    assert [local(child) for child in document] == ["CommonData", "Pages", "Annotations"]
    max_id = int(document.findtext(f"{Q}CommonData/{Q}MaxUnitID") or 0)
    box = document.findtext(f"{Q}CommonData/{Q}PageArea/{Q}PhysicalBox")
    assert numbers(box or "") == [0.0, 0.0, 210.0, 297.0]
    assert all(path in package.names for path in package.page_paths())
    ids: list[int] = []
    for name in package.names:
        if name.endswith(".xml"):
            ids += [int(e.attrib["ID"]) for e in package.xml(name).iter() if "ID" in e.attrib]
    assert len(ids) == len(set(ids)), "IDs are unique in the document"
    assert max(ids) == max_id
    for page in package.pages():
        layers = page.findall(f"{Q}Content/{Q}Layer")
        assert len(layers) == 1 and layers[0].attrib["Type"] == "Body"
        for code in page.iter(f"{Q}TextCode"):
            deltas(code.attrib.get("DeltaX"), len(code.text or "") - 1)


def test_text_with_xml_characters_round_trips(fonts: FontSet) -> None:
    title = '关于<测试>&"引号"的通知'
    document = parse_document(sample_document(title=title, body="甲<乙>&丙。", note=""))
    ofd = render_document_ofd(document, fonts=fonts)
    with ofdkit.open(ofd) as reader:
        assert reader.info.title == title
        assert "甲<乙>&丙。" in reader.text()


# --- fonts -----------------------------------------------------------------------------------


def test_every_font_is_embedded_and_holds_the_glyphs_of_its_text(
    sealed: tuple[bytes, bytes], fonts: FontSet
) -> None:
    package = OfdPackage(sealed[1])
    files: dict[str, tuple[str, str]] = {}
    for res_path, res in package.resources():
        for font in res.iter(f"{Q}Font"):
            location = font.findtext(f"{Q}FontFile") or ""
            path = package.resource_file(res_path, res, location)
            assert path in package.names, path
            files[font.attrib["ID"]] = (path, font.attrib["FamilyName"])
    used: dict[str, set[str]] = {}
    for page in package.pages():
        for obj in text_objects(page):
            used.setdefault(obj.attrib["Font"], set()).update(
                "".join(code.text or "" for code in obj.iterfind(f"{Q}TextCode")))
    assert set(used) == set(files), "every font referenced is in the package, none unused"
    sources = {font.family: font for chain in fonts.chains.values() for font in chain}
    for font_id, chars in used.items():
        path, family = files[font_id]
        embedded = TTFont(io.BytesIO(package.read(path)))
        cmap = embedded.getBestCmap()
        assert {ord(char) for char in chars} <= set(cmap), family
        assert len(embedded.getGlyphOrder()) < 1000, "a subset, not the whole font"
        source = sources[family]
        with TTFont(source.path, fontNumber=source.index, lazy=True) as original:
            original_cmap = original.getBestCmap()
            for char in sorted(chars)[:40]:
                mine, theirs = cmap[ord(char)], original_cmap[ord(char)]
                assert embedded["hmtx"][mine] == original["hmtx"][theirs], (family, char)
                assert _outline(embedded, mine) == _outline(original, theirs), (family, char)


def _outline(font: TTFont, glyph: str) -> tuple[Any, ...]:
    """Return a glyph's points and contour ends (components resolved)."""
    coordinates, ends, flags = font["glyf"][glyph].getCoordinates(font["glyf"])
    return tuple(coordinates), tuple(ends), tuple(flags)


# --- colours, rules and the seal -------------------------------------------------------------


def test_the_mark_and_the_rule_are_red_and_the_rules_match_the_pdf(
    sealed: tuple[bytes, bytes], measure: Measure
) -> None:
    pdf, ofd = sealed
    package = OfdPackage(ofd)
    first = package.pages()[0]
    colours = {"".join(code.text or "" for code in obj.iterfind(f"{Q}TextCode")):
               obj.find(f"{Q}FillColor").attrib["Value"]  # type: ignore[union-attr]
               for obj in text_objects(first)}
    assert colours["萍乡市人民政府文件"] == RED_VALUE
    assert {value for key, value in colours.items() if key != "萍乡市人民政府文件"} == {"0 0 0"}
    for page, ofd_page in zip(measure(pdf), package.pages(), strict=True):
        paths = ofd_page.findall(f".//{Q}PathObject")
        assert len(paths) == len(page.rects)
        for rect, path in zip(page.rects, paths, strict=True):
            box = numbers(path.attrib["Boundary"])
            want = [rect["x0"] / MM, rect["top"] / MM, rect["width"] / MM, rect["height"] / MM]
            assert box == pytest.approx(want, abs=TOLERANCE)
            red = tuple(rect["non_stroking_color"]) == (1.0, 0.0, 0.0)
            value = path.find(f"{Q}FillColor").attrib["Value"]  # type: ignore[union-attr]
            assert value == (RED_VALUE if red else "0 0 0")
            assert path.attrib["Fill"] == "true" and path.attrib["Stroke"] == "false"
    assert len(first.findall(f".//{Q}PathObject")) == 1  # the red rule


def test_the_seal_is_a_stamp_annotation_where_the_pdf_draws_it(
    sealed: tuple[bytes, bytes], measure: Measure, shared_seal: Path
) -> None:
    pdf, ofd = sealed
    package = OfdPackage(ofd)
    images = [(number, image) for number, page in enumerate(measure(pdf))
              for image in page.images]
    assert len(images) == 1
    number, image = images[0]
    assert not [obj for page in package.pages() for obj in page.iter(f"{Q}ImageObject")]
    document = package.document()
    index_path = package.resolve(package.document_path,
                                 document.findtext(f"{Q}Annotations") or "")
    index = package.xml(index_path)
    pages = index.findall(f"{Q}Page")
    assert len(pages) == 1
    page_ids = [page.attrib["ID"] for page in document.iterfind(f"{Q}Pages/{Q}Page")]
    assert pages[0].attrib["PageID"] == page_ids[number]
    annots = package.xml(package.resolve(index_path, pages[0].findtext(f"{Q}FileLoc") or ""))
    assert local(annots) == "PageAnnot"
    (annot,) = annots.findall(f"{Q}Annot")
    assert annot.attrib["Type"] == "Stamp" and annot.attrib["LastModDate"] == "2023-11-28"
    appearance = annot.find(f"{Q}Appearance")
    assert appearance is not None
    want = [image["x0"] / MM, image["top"] / MM, image["width"] / MM, image["height"] / MM]
    assert numbers(appearance.attrib["Boundary"]) == pytest.approx(want, abs=TOLERANCE)
    (inner,) = appearance.findall(f"{Q}ImageObject")
    size = numbers(appearance.attrib["Boundary"])[2:]
    assert numbers(inner.attrib["CTM"]) == pytest.approx([size[0], 0, 0, size[1], 0, 0],
                                                         abs=1e-3)
    media = {m.attrib["ID"]: (res_path, res, m) for res_path, res in package.resources()
             for m in res.iter(f"{Q}MultiMedia")}
    res_path, res, medium = media[inner.attrib["ResourceID"]]
    assert medium.attrib["Type"] == "Image" and medium.attrib["Format"] == "PNG"
    location = package.resource_file(res_path, res, medium.findtext(f"{Q}MediaFile") or "")
    assert package.read(location) == shared_seal.read_bytes()


def test_without_a_seal_there_are_no_annotations(fonts: FontSet) -> None:
    ofd = render_document_ofd(parse_document(sample_document()), fonts=fonts)
    package = OfdPackage(ofd)
    assert package.document().find(f"{Q}Annotations") is None
    assert not [name for name in package.names if "Annot" in name]


# --- bad input -------------------------------------------------------------------------------


def test_a_seal_that_is_not_an_image_gets_the_pdfs_error(tmp_path: Path, fonts: FontSet) -> None:
    bad = tmp_path / "seal.png"
    bad.write_text("not a picture", encoding="utf-8")
    # parse_document refuses it already; a layout built directly meets the renderer's check.
    document = replace(parse_document(sample_document()), seal_image=bad)
    errors = []
    for render in (render_document, render_document_ofd):
        with pytest.raises(PdfInputError) as caught:
            render(document, fonts=fonts)
        errors.append((caught.value.code, caught.value.field))
    assert errors == [("pdf.bad_seal_image", "seal_image")] * 2
