"""The 发文稿纸, the 收文处理笺 and the 纪要, measured."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from officeapp.pdf import (
    FontRole,
    FontSet,
    parse_drafting_sheet,
    parse_minutes,
    parse_processing_sheet,
    render_drafting_sheet,
    render_minutes,
    render_processing_sheet,
)

MM = 72.0 / 25.4
LEFT, RIGHT, TOP = 28.0, 184.0, 37.0
CELL = 156.0 / 28
PITCH = 225.0 / 22
RED = (1.0, 0.0, 0.0)

Char = dict[str, Any]
Measure = Callable[[bytes], list[Any]]
Face = Callable[[Char], str]


def mm(points: float) -> float:
    """Return points as millimetres."""
    return points / MM


def chars_of(page: Any, text: str) -> list[Char]:
    """Return the characters of the first occurrence of `text` on the page."""
    chars = page.chars
    joined = "".join(c["text"] for c in chars)
    start = joined.find(text)
    assert start >= 0, f"{text!r} not on the page"
    return chars[start : start + len(text)]


def lines_of(chars: list[Char]) -> list[list[Char]]:
    """Group characters into lines by baseline, top to bottom, each sorted left to right."""
    rows: dict[float, list[Char]] = {}
    for char in chars:
        rows.setdefault(round(char["matrix"][5], 1), []).append(char)
    return [sorted(rows[key], key=lambda c: c["x0"]) for key in sorted(rows, reverse=True)]


def opinion(step: str, person: str, text: str, at: str = "2023-11-27T09:30") -> dict[str, str]:
    """Return one opinion as JSON input."""
    return {"step": step, "person": person, "text": text, "at": at}


DRAFTING: dict[str, object] = {
    "agency": "萍乡市人民政府办公室",
    "title": "萍乡市人民政府关于进一步加强和规范公文处理工作的通知",
    "doc_number": "萍府发〔2023〕21号",
    "urgency": "加急",
    "classification": "公开",
    "main_recipients": ["各县（区）人民政府", "市政府各部门"],
    "cc_recipients": ["市委各部门"],
    "draft_unit": "市政府办公室秘书科",
    "drafter": "李四",
    "copies": 120,
    "opinions": [
        opinion("review", "王五", "已核，文字规范。"),
        opinion("countersign", "赵六（市司法局）", "同意。", "2023-11-22"),
        opinion("sign", "孙八", "同意印发。"),
    ],
}


@pytest.fixture(scope="module")
def drafting(measure: Measure) -> list[Any]:
    """Return the measured drafting sheet."""
    return measure(render_drafting_sheet(parse_drafting_sheet(DRAFTING)))


def test_drafting_sheet_fits_one_page_inside_the_block(drafting: list[Any]) -> None:
    (page,) = drafting
    borders = [r for r in page.rects if mm(r["width"]) == pytest.approx(156, abs=0.1)]
    assert borders
    assert all(mm(r["x0"]) == pytest.approx(LEFT, abs=0.1) for r in borders)
    assert "萍乡市人民政府办公室发文稿纸" in page.text


def test_drafting_sheet_puts_each_opinion_in_its_row(
    drafting: list[Any], fonts: FontSet, face: Face
) -> None:
    (page,) = drafting
    labels = {
        label: chars_of(page, label)[0]["top"] for label in ("签发", "会签", "核稿", "拟稿单位")
    }
    assert labels["签发"] < labels["会签"] < labels["核稿"] < labels["拟稿单位"]
    sign = chars_of(page, "同意印发。")
    assert {face(c) for c in sign} == {fonts.primary(FontRole.KAITI).face_name}
    assert sign[0]["top"] < labels["会签"]
    signed = chars_of(page, "孙八　2023年11月27日 09:30")
    assert mm(signed[-1]["x1"]) == pytest.approx(RIGHT - 2, abs=0.3)
    review = chars_of(page, "已核，文字规范。")
    assert labels["会签"] < review[0]["top"] < labels["拟稿单位"]
    assert "赵六（市司法局）　2023年11月22日" in page.text
    assert {face(c) for c in chars_of(page, "签发")} == {fonts.primary(FontRole.HEITI).face_name}


def test_many_opinions_continue_on_the_next_page(measure: Measure) -> None:
    opinions = [opinion("countersign", f"会签人{n}", "同意。" * 30) for n in range(30)]
    pages = measure(render_drafting_sheet(parse_drafting_sheet({**DRAFTING, "opinions": opinions})))
    assert len(pages) > 1
    text = "".join(page.text for page in pages)
    assert all(f"会签人{n}　" in text for n in range(30))
    assert "— 2 —" in pages[1].text


def test_processing_sheet_shows_the_source_and_the_handling(measure: Measure) -> None:
    data = {
        "agency": "萍乡市人民政府办公室",
        "title": "关于做好元旦春节期间有关工作的通知",
        "source_unit": "江西省人民政府办公厅",
        "source_number": "赣府厅字〔2023〕88号",
        "received_date": "2023-12-01",
        "opinions": [
            opinion("propose", "周九", "拟请孙秘书长阅示。"),
            opinion("instruct", "孙八", "请市应急局牵头落实。"),
            opinion("handle", "吴十", "已部署落实。"),
            opinion("circulate", "郑一", "已阅"),
        ],
    }
    (page,) = measure(render_processing_sheet(parse_processing_sheet(data)))
    labels = [
        chars_of(page, text)[0]["top"] for text in ("拟办意见", "领导批示", "承办情况", "传阅")
    ]
    texts = ("拟请孙秘书长阅示。", "请市应急局牵头落实。", "已部署落实。", "已阅")
    opinions = [chars_of(page, text)[0]["top"] for text in texts]
    assert labels == sorted(labels)
    # Labels are centred in their rows: each opinion lies between its neighbours' labels.
    for index, top in enumerate(opinions):
        assert index == 0 or labels[index - 1] < top
        assert index == len(labels) - 1 or top < labels[index + 1]
    assert "2023年12月1日" in page.text
    assert "萍乡市人民政府办公室收文处理笺" in page.text


MINUTES: dict[str, object] = {
    "mark": "萍乡市人民政府常务会议纪要",
    "body": "会议研究了公文处理工作。\n\n一、同意印发有关通知。",
    "attendees": [f"出席人{n}" for n in range(12)],
    "on_leave": ["刘八（出差）"],
    "observers": ["市应急局吴十"],
}


def test_minutes_have_a_red_mark_and_no_red_rule(measure: Measure) -> None:
    (page,) = measure(render_minutes(parse_minutes(MINUTES)))
    red = [c for c in page.chars if tuple(c["non_stroking_color"] or ()) == RED]
    assert "".join(c["text"] for c in red) == "萍乡市人民政府常务会议纪要"
    assert min(mm(c["top"]) for c in red) == pytest.approx(TOP + 35, abs=0.5)
    assert not [r for r in page.rects if tuple(r["non_stroking_color"] or ()) == RED]
    assert "签发人" not in page.text


def test_minutes_list_attendees_with_heiti_labels(
    measure: Measure, fonts: FontSet, face: Face
) -> None:
    (page,) = measure(render_minutes(parse_minutes(MINUTES)))
    heiti = fonts.primary(FontRole.HEITI).face_name
    for label in ("出席：", "请假：", "列席："):
        chars = chars_of(page, label)
        assert {face(c) for c in chars} == {heiti}
        assert mm(chars[0]["x0"]) == pytest.approx(LEFT + 2 * CELL, abs=0.1)
    assert face(chars_of(page, "出席人0")[0]) == fonts.primary(FontRole.FANGSONG).face_name
    lines = lines_of([c for c in page.chars if c["size"] == 16])
    texts = ["".join(c["text"] for c in line) for line in lines]
    first = next(i for i, text in enumerate(texts) if text.startswith("出席："))
    following = next(i for i, text in enumerate(texts) if text.startswith("请假："))
    assert following - first > 1, "the list of attendees wraps"
    for line in lines[first + 1 : following]:
        assert mm(line[0]["x0"]) == pytest.approx(LEFT + 5 * CELL, abs=0.1)
