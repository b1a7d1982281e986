"""Measure the 公文 PDF against GB/T 9704-2012: margins, grid, 版头, 版记, page numbers."""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from officeapp.pdf import FontRole, FontSet, parse_document, render_document

MM = 72.0 / 25.4
LEFT, RIGHT, TOP, BOTTOM = 28.0, 184.0, 37.0, 262.0  # 版心, in mm from the page's top left
CENTRE = (LEFT + RIGHT) / 2
CELL = 156.0 / 28
PITCH = 225.0 / 22
SIZE_3_MM = 16 / MM
SIZE_4_MM = 14 / MM
RED = (1.0, 0.0, 0.0)

Char = dict[str, Any]


def mm(points: float) -> float:
    """Return points as millimetres."""
    return points / MM


def lines_of(chars: list[Char]) -> list[list[Char]]:
    """Group characters into lines by baseline, top to bottom, each sorted left to right."""
    rows: dict[float, list[Char]] = {}
    for char in chars:
        rows.setdefault(round(char["matrix"][5], 1), []).append(char)
    return [sorted(rows[key], key=lambda c: c["x0"]) for key in sorted(rows, reverse=True)]


def text_of(line: list[Char]) -> str:
    """Return the characters of a line."""
    return "".join(char["text"] for char in line)


def in_block(page: Any, size: float = 16) -> list[Char]:
    """Return the black characters of `size` points inside the 版心."""
    return [
        c
        for c in page.chars
        if abs(c["size"] - size) < 0.01
        and mm(c["top"]) >= TOP - 0.5
        and mm(c["bottom"]) <= BOTTOM + 0.5
        and tuple(c["non_stroking_color"] or ()) != RED
    ]


def find_line(pages: list[Any], start: str, size: float = 16) -> tuple[Any, list[Char]]:
    """Return the page and the first line whose text starts with `start`."""
    for page in pages:
        for line in lines_of(in_block(page, size)):
            if text_of(line).startswith(start):
                return page, line
    raise AssertionError(f"no line starts with {start!r}")


def red_rule(page: Any) -> dict[str, Any]:
    """Return the one red rectangle of the first page."""
    rules = [r for r in page.rects if tuple(r["non_stroking_color"] or ()) == RED]
    assert len(rules) == 1
    return rules[0]


Make = Callable[..., dict[str, object]]


@pytest.fixture(scope="module")
def document_pdf(document_data: Make, shared_seal: Path) -> bytes:
    """Return the PDF of the sample document, with a seal."""
    return render_document(parse_document(document_data(seal_image=str(shared_seal))))


@pytest.fixture(scope="module")
def pages(document_pdf: bytes, measure: Callable[[bytes], list[Any]]) -> list[Any]:
    """Return the measured pages of the sample document."""
    return measure(document_pdf)


def test_pages_are_a4(pages: list[Any]) -> None:
    assert len(pages) >= 3
    for page in pages:
        assert mm(page.width) == pytest.approx(210, abs=0.1)
        assert mm(page.height) == pytest.approx(297, abs=0.1)


def test_body_text_starts_at_the_binding_margin(pages: list[Any]) -> None:
    lines = lines_of(in_block(pages[1]))
    starts = sorted({round(mm(line[0]["x0"]), 1) for line in lines})
    assert starts[0] == pytest.approx(LEFT, abs=0.5)
    # Every line starts either flush left or two characters in (a new paragraph).
    assert starts == pytest.approx([LEFT, LEFT + 2 * CELL], abs=0.5)


def test_a_full_page_has_22_lines_of_28_characters(pages: list[Any]) -> None:
    lines = lines_of(in_block(pages[1]))
    assert len(lines) == 22
    flush = [line for line in lines if mm(line[0]["x0"]) == pytest.approx(LEFT, abs=0.1)]
    assert flush
    for line in flush:
        assert len(line) == 28
        steps = [mm(b["x0"] - a["x0"]) for a, b in itertools.pairwise(line)]
        assert steps == pytest.approx([CELL] * 27, abs=0.02)
        assert mm(line[-1]["x1"]) <= RIGHT + 0.1


def test_lines_sit_on_a_grid_of_225mm_over_22_lines(pages: list[Any]) -> None:
    lines = lines_of(in_block(pages[1]))
    tops = [mm(line[0]["top"]) for line in lines]
    assert tops[0] == pytest.approx(TOP + (PITCH - SIZE_3_MM) / 2, abs=0.3)
    gaps = [b - a for a, b in itertools.pairwise(tops)]
    assert gaps == pytest.approx([PITCH] * 21, abs=0.3)


def test_agency_mark_is_red_centred_and_35mm_below_the_block(pages: list[Any]) -> None:
    red = [c for c in pages[0].chars if tuple(c["non_stroking_color"] or ()) == RED]
    assert "".join(c["text"] for c in red) == "萍乡市人民政府文件"
    top = min(mm(c["top"]) for c in red)
    left, right = min(mm(c["x0"]) for c in red), max(mm(c["x1"]) for c in red)
    assert top == pytest.approx(TOP + 35, abs=0.5)
    assert (left + right) / 2 == pytest.approx(CENTRE, abs=0.5)
    assert right - left <= 156


def test_red_rule_is_4mm_below_the_number_and_as_wide_as_the_block(pages: list[Any]) -> None:
    rule = red_rule(pages[0])
    number = [c for c in in_block(pages[0]) if 0 < mm(rule["top"] - c["bottom"]) < 10]
    assert text_of(sorted(number, key=lambda c: c["x0"])) == "萍府发〔2023〕21号"
    assert mm(rule["top"]) - max(mm(c["bottom"]) for c in number) == pytest.approx(4, abs=0.3)
    assert mm(rule["x0"]) == pytest.approx(LEFT, abs=0.1)
    assert mm(rule["width"]) == pytest.approx(156, abs=0.1)
    centre = (mm(number[0]["x0"]) + mm(max(c["x1"] for c in number))) / 2
    assert centre == pytest.approx(CENTRE, abs=0.5)


def test_copy_number_classification_and_urgency_top_left_in_heiti(
    pages: list[Any], fonts: FontSet, face: Callable[[Char], str]
) -> None:
    lines = lines_of(in_block(pages[0]))[:3]
    assert [text_of(line) for line in lines] == ["000001", "内部", "特急"]
    for index, line in enumerate(lines):
        assert mm(line[0]["x0"]) == pytest.approx(LEFT, abs=0.1)
        assert mm(line[0]["top"]) == pytest.approx(
            TOP + index * PITCH + (PITCH - SIZE_3_MM) / 2, abs=1.5
        )
        assert {face(c) for c in line} == {fonts.primary(FontRole.HEITI).face_name}


def test_title_is_centred_two_lines_below_the_rule(
    pages: list[Any], fonts: FontSet, face: Callable[[Char], str]
) -> None:
    rule_top = mm(red_rule(pages[0])["top"])
    title = lines_of(in_block(pages[0], size=22))
    assert (
        "".join(text_of(line) for line in title)
        == "萍乡市人民政府关于进一步加强和规范公文处理工作的通知"
    )
    for line in title:
        assert (mm(line[0]["x0"]) + mm(line[-1]["x1"])) / 2 == pytest.approx(CENTRE, abs=0.6)
        assert {face(c) for c in line} == {fonts.primary(FontRole.TITLE).face_name}
    # The rule runs through the line after the number; two blank lines follow it.
    gap = mm(title[0][0]["top"]) - rule_top
    assert 1.5 * PITCH < gap < 2.5 * PITCH


def test_main_recipients_flush_left_ending_in_a_full_width_colon(pages: list[Any]) -> None:
    _, line = find_line(pages, "各县")
    assert text_of(line) == "各县（区）人民政府、市政府各部门："
    assert mm(line[0]["x0"]) == pytest.approx(LEFT, abs=0.1)


def test_headings_use_heiti_kaiti_and_fangsong(
    pages: list[Any], fonts: FontSet, face: Callable[[Char], str]
) -> None:
    heiti = fonts.primary(FontRole.HEITI).face_name
    kaiti = fonts.primary(FontRole.KAITI).face_name
    fangsong = fonts.primary(FontRole.FANGSONG).face_name
    _, first = find_line(pages, "一、")
    assert {face(c) for c in first} == {heiti}
    _, second = find_line(pages, "（一）")
    head = len("（一）加强组织领导。")
    assert {face(c) for c in second[:head]} == {kaiti}
    assert {face(c) for c in second[head:]} == {fangsong}
    for start in ("1.", "（1）"):
        _, line = find_line(pages, start)
        assert {face(c) for c in line} == {fangsong}
    assert mm(first[0]["x0"]) == pytest.approx(LEFT + 2 * CELL, abs=0.1)


def test_attachments_are_aligned_after_the_label(pages: list[Any]) -> None:
    _, first = find_line(pages, "附件：")
    _, second = find_line(pages, "2.萍乡市")
    assert text_of(first) == "附件：1.萍乡市公文处理工作规范"
    assert mm(first[0]["x0"]) == pytest.approx(LEFT + 2 * CELL, abs=0.1)
    assert mm(second[0]["x0"]) == pytest.approx(LEFT + 5 * CELL, abs=0.1)


def test_date_right_indented_four_characters_with_issuer_centred_above(pages: list[Any]) -> None:
    page, date = find_line(pages, "2023年11月27日")
    _, issuer = find_line(pages, "萍乡市人民政府")
    assert text_of(date) == "2023年11月27日"
    slot_end = mm(date[-1]["x0"]) + CELL
    assert slot_end == pytest.approx(RIGHT - 4 * CELL, abs=0.1)
    centre = (mm(date[0]["x0"]) + slot_end) / 2
    assert (mm(issuer[0]["x0"]) + mm(issuer[-1]["x0"]) + CELL) / 2 == pytest.approx(centre, abs=0.2)
    assert mm(date[0]["top"] - issuer[0]["top"]) == pytest.approx(PITCH, abs=0.1)
    # The seal presses on 署名 and date.
    (seal,) = page.images
    assert mm(seal["x1"] - seal["x0"]) == pytest.approx(42, abs=0.1)
    for char in (issuer[0], issuer[-1], date[0], date[-1]):
        assert seal["x0"] <= char["x0"] and char["x1"] <= seal["x1"]
        assert seal["top"] <= char["top"] and char["bottom"] <= seal["bottom"]


def test_note_in_parentheses_on_the_line_below_the_date(pages: list[Any]) -> None:
    _, date = find_line(pages, "2023年11月27日")
    _, note = find_line(pages, "（此件")
    assert text_of(note) == "（此件公开发布）"
    assert mm(note[0]["x0"]) == pytest.approx(LEFT + 2 * CELL, abs=0.1)
    assert mm(note[0]["top"] - date[0]["top"]) == pytest.approx(PITCH, abs=0.1)


def test_page_numbers_7mm_below_the_block_odd_right_even_left(
    pages: list[Any], fonts: FontSet, face: Callable[[Char], str]
) -> None:
    for page in pages:
        chars = sorted((c for c in page.chars if mm(c["top"]) > BOTTOM), key=lambda c: c["x0"])
        assert text_of(chars) == f"— {page.number} —"
        assert {c["size"] for c in chars} == {14}
        assert {face(c) for c in chars} == {fonts.primary(FontRole.SONGTI).face_name}
        # The 一字线 sits about the middle of the character box, 7mm below the 版心.
        dash = chars[0]
        assert mm(dash["top"] + dash["bottom"]) / 2 == pytest.approx(BOTTOM + 7, abs=0.6)
        if page.number % 2:
            assert mm(chars[-1]["x1"]) == pytest.approx(RIGHT - SIZE_4_MM, abs=0.3)
        else:
            assert mm(chars[0]["x0"]) == pytest.approx(LEFT + SIZE_4_MM, abs=0.3)


def test_imprint_sits_at_the_bottom_of_the_last_page_between_rules(pages: list[Any]) -> None:
    last = pages[-1]
    rules = sorted(
        (r for r in last.rects if mm(r["width"]) == pytest.approx(156, abs=0.1)),
        key=lambda r: r["top"],
    )
    assert [round(mm(r["height"]), 2) for r in rules] == [0.35, 0.25, 0.35]
    assert mm(rules[-1]["bottom"]) == pytest.approx(BOTTOM, abs=0.05)
    imprint = lines_of(in_block(last, size=14))
    assert [text_of(line) for line in imprint] == [
        "抄送：市委各部门，市人大常委会办公室，市政协办公室。",
        "萍乡市人民政府办公室2023年11月28日印发",
    ]
    cc, issued = imprint
    assert rules[0]["bottom"] <= cc[0]["top"] and cc[0]["bottom"] <= rules[1]["top"]
    assert rules[1]["bottom"] <= issued[0]["top"] and issued[0]["bottom"] <= rules[2]["top"]
    assert mm(cc[0]["x0"]) == pytest.approx(LEFT + SIZE_4_MM, abs=0.1)
    assert mm(issued[0]["x0"]) == pytest.approx(LEFT + SIZE_4_MM, abs=0.1)
    assert mm(issued[-1]["x1"]) == pytest.approx(RIGHT - SIZE_4_MM, abs=0.1)
    assert all(not lines_of(in_block(page, size=14)) for page in pages[:-1])


def test_every_font_is_embedded(document_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(document_pdf))
    seen = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font.get_object()["/BaseFont"]
            seen += 1
    assert seen


def one_line_paragraphs(count: int) -> str:
    """Return a body of `count` paragraphs that each fill one line (26 characters)."""
    return "\n".join(["这是一行正文" * 4 + "内容"] * count)


def _document(make: Make, fonts: FontSet, body: str, **changes: object) -> bytes:
    """Return the PDF of the sample document with another body, no 附件 and no 附注."""
    data = make(body=body, attachments=[], note="", **changes)
    return render_document(parse_document(data), fonts=fonts)


# Page 1 holds 7 body lines; the signature takes 4 lines (two blank) and the 版记 2 lines.
def test_imprint_shares_the_last_page_when_it_fits(
    document_data: Make, fonts: FontSet, measure: Callable[[bytes], list[Any]]
) -> None:
    pages = measure(_document(document_data, fonts, one_line_paragraphs(7 + 16)))
    assert len(pages) == 2
    assert "印发" in pages[1].text


def test_imprint_starts_a_new_page_when_the_last_one_is_full(
    document_data: Make, fonts: FontSet, measure: Callable[[bytes], list[Any]]
) -> None:
    pages = measure(_document(document_data, fonts, one_line_paragraphs(7 + 18)))
    assert len(pages) == 3
    assert "2023年11月27日" in pages[1].text
    assert "印发" not in pages[1].text
    assert lines_of(in_block(pages[2])) == []
    assert "印发" in pages[2].text


def test_signature_never_stands_alone_on_a_page(
    document_data: Make, fonts: FontSet, measure: Callable[[bytes], list[Any]]
) -> None:
    pages = measure(_document(document_data, fonts, one_line_paragraphs(7 + 20)))
    page, _date = find_line(pages, "2023年11月27日")
    body = [line for line in lines_of(in_block(page)) if text_of(line).startswith("这是")]
    assert len(body) == 1
    assert len(lines_of(in_block(pages[1]))) == 19


def test_upward_document_puts_the_signer_right_and_the_number_left(
    document_data: Make,
    fonts: FontSet,
    measure: Callable[[bytes], list[Any]],
    face: Callable[[Char], str],
) -> None:
    pages = measure(_document(document_data, fonts, one_line_paragraphs(3), signer="张三"))
    rule_top = mm(red_rule(pages[0])["top"])
    line = next(
        line for line in lines_of(in_block(pages[0])) if 0 < rule_top - mm(line[0]["bottom"]) < 10
    )
    assert text_of(line) == "萍府发〔2023〕21号签发人：张三"
    assert mm(line[0]["x0"]) == pytest.approx(LEFT + CELL, abs=0.1)
    assert mm(line[-1]["x0"]) + CELL == pytest.approx(RIGHT - CELL, abs=0.1)
    assert {face(c) for c in line[-2:]} == {fonts.primary(FontRole.KAITI).face_name}


def test_a_long_agency_mark_is_compressed_to_the_block_width(
    document_data: Make, fonts: FontSet, measure: Callable[[bytes], list[Any]]
) -> None:
    mark = "萍乡市人民政府办公室萍乡市财政局萍乡市教育局联合文件"
    pages = measure(_document(document_data, fonts, one_line_paragraphs(3), agency_mark=mark))
    red = [c for c in pages[0].chars if tuple(c["non_stroking_color"] or ()) == RED]
    assert "".join(c["text"] for c in red) == mark
    assert min(mm(c["x0"]) for c in red) == pytest.approx(LEFT, abs=0.2)
    assert max(mm(c["x1"]) for c in red) == pytest.approx(RIGHT, abs=0.2)


def test_no_line_starts_with_closing_punctuation(
    document_data: Make, fonts: FontSet, measure: Callable[[bytes], list[Any]]
) -> None:
    body = "\n".join(["文" * n + "，。”）、" + "字" * 40 for n in range(20, 30)])
    pages = measure(_document(document_data, fonts, body))
    lines = [line for page in pages for line in lines_of(in_block(page))]
    assert len(lines) > 20
    assert not [text_of(line) for line in lines if text_of(line)[0] in "，。、；：？！）》」』”"]
