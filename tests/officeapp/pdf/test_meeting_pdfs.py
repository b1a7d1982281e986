"""The meeting PDFs measured: 会议通知, 议程, 签到表, 桌签 and 纪要."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from officeapp.demo import DEMO_ROOMS, EDU_ID, FINANCE_ID
from officeapp.meetings import (
    Attendee,
    Decision,
    Meeting,
    MeetingActionKind,
    MeetingType,
    attendance,
    expected_people,
)
from officeapp.org import Organisation
from officeapp.pdf import (
    NameBook,
    agenda_pdf,
    meeting_notice_pdf,
    minutes_pdf,
    seat_cards_pdf,
    sign_in_sheet_pdf,
)
from officeapp.pdf.meetings import SIGN_IN_COLUMNS, seat_name, signers, time_text
from tests.officeapp.meetings.conftest import END, SHANGHAI, START, Desk
from tests.officeapp.pdf.pdf_tables import (
    A4,
    A4_LANDSCAPE,
    MM,
    all_text,
    font_files,
    mm,
    page_sizes,
    table_rows,
)

K = MeetingActionKind
Measure = Callable[[bytes], list[Any]]
LEFT, RIGHT = 28.0, 184.0  # the 版心, in mm from the left edge
SIGN_IN_WIDTHS = [width for _, width in SIGN_IN_COLUMNS]
SIGN_IN_HEADER = [label for label, _ in SIGN_IN_COLUMNS]
RED = (1.0, 0.0, 0.0)


@pytest.fixture
def desk(org: Organisation, now: datetime) -> Desk:
    """A Desk over the demo organisation, two days before the standard meeting."""
    return Desk(org, now)


@pytest.fixture
def names(org: Organisation) -> NameBook:
    """The demo organisation's and rooms' names."""
    return NameBook.of(org, DEMO_ROOMS)


def replied(desk: Desk) -> Meeting:
    """A notified meeting: one invitee sent a deputy, one is on leave, a unit named two people."""
    meeting = desk.notified()
    meeting = desk.do(meeting, "office.deputy", K.REPLY, reply="delegate",
                      deputy="office.reviewer")
    meeting = desk.do(meeting, "finance.leader", K.REPLY, reply="leave", reason="赴省财政厅汇报")
    return desk.do(meeting, "edu.clerk", K.REPLY, reply="attend",
                   people=["edu.leader", "edu.clerk"])


DECISIONS = (
    Decision(0, "市财政局牵头，于12月底前完成2027年预算草案修改。", FINANCE_ID, (EDU_ID,),
             date(2026, 12, 31)),
    Decision(0, "原则同意全市教育工作情况汇报。"),
)


def minuted(desk: Desk) -> Meeting:
    """The replied meeting, held (four people signed in) and its minutes published."""
    meeting = replied(desk)
    desk.at(START - timedelta(minutes=5))
    meeting = desk.do(meeting, "office.reviewer", K.CHECK_IN, check_in_code="4821")
    meeting = desk.do(meeting, "office.leader", K.CHECK_IN, check_in_code="4821")
    meeting = desk.do(meeting, "office.supervisor", K.CHECK_IN, check_in_code="4821")
    meeting = desk.do(meeting, "office.secretary", K.CHECK_IN, person="edu.clerk")
    desk.at(END)
    text = "会议听取了有关汇报，研究了2027年财政预算编制工作。"
    meeting = desk.do(meeting, "office.secretary", K.RECORD_MINUTES, text=text,
                      decisions=DECISIONS)
    return desk.do(meeting, "office.secretary", K.PUBLISH_MINUTES)


EMPTY = Meeting(id="m-empty", title="", meeting_type=MeetingType.OTHER, start=START, end=END,
                organiser_unit_id="u-gone", created_by="p-gone", created_at=START)


def in_order(text: str, *parts: str) -> bool:
    """Return whether every part occurs in `text`, each after the one before."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


# --- 会议通知 ----------------------------------------------------------------------------


def test_notice_is_a_gbt9704_notice_with_time_room_and_agenda(
    desk: Desk, names: NameBook, measure: Measure
) -> None:
    meeting = desk.notified()
    pdf = meeting_notice_pdf(meeting, names=names, now=desk.clock)
    pages = measure(pdf)
    assert page_sizes(pdf) == [pytest.approx(A4)] * len(pages)
    red = [c for c in pages[0].chars if tuple(c["non_stroking_color"] or ()) == RED]
    assert "".join(c["text"] for c in red) == "市政府办公室文件"
    text = all_text(pages)
    assert in_order(
        text,
        "关于召开市政府第12次常务会议的通知",
        "市政府办公室陈副主任、市财政局孙局长、市教育局、市政府办公室赵督查：",
        "一、会议时间", "2026年11月25日（星期三）上午9:00—10:30。",
        "二、会议地点", "市政府大楼第一会议室。",
        "三、参会人员", "主持：市政府办公室张主任。", "出席：", "市教育局负责同志", "列席：",
        "四、会议议程", "1.研究2027年财政预算编制工作（汇报单位：市财政局）。",
        "2.听取全市教育工作情况汇报（汇报单位：市教育局）。",
        "五、有关要求", "请于11月24日17:00前", "会议材料已上传", "请于8:50前到场。",
        "联系人：市政府办公室王秘书。",
        "市政府办公室", "2026年11月23日",
    )


def test_notice_text_stays_in_the_block(desk: Desk, names: NameBook, measure: Measure) -> None:
    pages = measure(meeting_notice_pdf(desk.notified(), names=names, now=desk.clock))
    body = [c for page in pages for c in page.chars if c["size"] == 16]
    assert body
    assert min(mm(c["x0"]) for c in body) >= LEFT - 0.1
    assert max(mm(c["x1"]) for c in body) <= RIGHT + 0.1 + 16 / MM  # a hanging closing mark
    assert all(mm(c["top"]) >= 37 - 0.5 and mm(c["bottom"]) <= 262 + 0.5 for c in body)


def test_notice_asks_to_reply_before_the_meeting_once_the_day_before_passed(
    desk: Desk, names: NameBook, measure: Measure
) -> None:
    late = START - timedelta(hours=2)
    text = all_text(measure(meeting_notice_pdf(desk.notified(), names=names, now=late)))
    assert "请于会前通过协同办公系统回复回执" in text


def test_notice_of_an_off_site_or_roomless_meeting(
    desk: Desk, names: NameBook, measure: Measure
) -> None:
    off_site = replace(desk.notified(), room_id=None, location="萍乡市会展中心三楼")
    assert "萍乡市会展中心三楼。" in all_text(
        measure(meeting_notice_pdf(off_site, names=names, now=desk.clock)))
    nowhere = replace(off_site, location="")
    assert "另行通知。" in all_text(
        measure(meeting_notice_pdf(nowhere, names=names, now=desk.clock)))


def test_notice_of_a_series_says_how_often(desk: Desk, names: NameBook, measure: Measure) -> None:
    series = replace(desk.notified(), recurrence="FREQ=WEEKLY;COUNT=4")
    text = all_text(measure(meeting_notice_pdf(series, names=names, now=desk.clock)))
    assert "起定期召开，共4次，最后一次为2026年12月16日（星期三）。" in text


def test_time_text_names_the_part_of_day_and_spans_days() -> None:
    afternoon = datetime(2026, 11, 25, 14, 30, tzinfo=SHANGHAI)
    assert time_text(afternoon, afternoon + timedelta(hours=2)) == \
        "2026年11月25日（星期三）下午14:30—16:30"
    assert time_text(START, START + timedelta(hours=5)) == \
        "2026年11月25日（星期三）上午9:00—下午14:00"
    assert time_text(START, START + timedelta(days=1)) == \
        "2026年11月25日（星期三）上午9:00至2026年11月26日（星期四）上午9:00"
    # Times are Beijing times whatever zone they come in.
    assert time_text(START.astimezone(UTC), END.astimezone(UTC)) == time_text(START, END)


# --- 议程 -------------------------------------------------------------------------------


def test_agenda_numbers_the_items_with_units_and_materials(
    desk: Desk, names: NameBook, measure: Measure
) -> None:
    pdf = agenda_pdf(desk.notified(), names=names)
    pages = measure(pdf)
    assert page_sizes(pdf) == [pytest.approx(A4)]
    assert in_order(
        all_text(pages), "市政府第12次常务会议议程", "上午9:00—10:30", "市政府大楼第一会议室",
        "主持：张主任", "一、研究2027年财政预算编制工作", "汇报单位：市财政局",
        "会议材料：预算草案.pdf", "二、听取全市教育工作情况汇报", "汇报单位：市教育局",
    )
    chars = pages[0].chars
    assert min(mm(c["x0"]) for c in chars) >= LEFT - 0.1
    assert max(mm(c["x1"]) for c in chars) <= RIGHT + 0.1
    assert min(mm(c["top"]) for c in chars) >= 25 - 0.1


# --- 签到表 ------------------------------------------------------------------------------


def test_sign_in_sheet_has_one_row_per_expected_person(
    desk: Desk, names: NameBook, measure: Measure
) -> None:
    meeting = replied(desk)
    (page,) = measure(sign_in_sheet_pdf(meeting, names=names))
    header, *rows = table_rows(page, LEFT * MM, SIGN_IN_WIDTHS)
    assert header == SIGN_IN_HEADER
    expected = {names.person(p) for p in expected_people(meeting)}
    assert len(rows) == len(expected) == 6
    assert {row[2] for row in rows} == expected
    assert [row[0] for row in rows] == [str(n) for n in range(1, 7)]
    by_name = {row[2]: row for row in rows}
    assert by_name["张主任"][5] == "主持"
    assert by_name["周核稿"][5] == "代陈副主任"
    assert by_name["赵督查"][5] == "列席"
    assert by_name["郑局长"][1] == "市教育局"
    assert by_name["郑局长"][3] == "局长"
    assert all(row[4] == "" for row in rows), "the signature column is left blank"
    assert "孙局长" not in expected
    assert "请假：市财政局孙局长（赴省财政厅汇报）" in page.text
    assert "应到：6人" in page.text


def test_sign_in_sheet_leaves_a_line_for_a_unit_that_has_not_replied(
    desk: Desk, names: NameBook, measure: Measure
) -> None:
    (page,) = measure(sign_in_sheet_pdf(desk.notified(), names=names))
    _, *rows = table_rows(page, LEFT * MM, SIGN_IN_WIDTHS)
    assert ["4", "市教育局", "", "", "", "未回执"] in rows


def test_a_long_sign_in_sheet_repeats_its_header_on_every_page(
    desk: Desk, names: NameBook, measure: Measure
) -> None:
    crowd = {f"p-x{n}": f"参会人{n}" for n in range(40)}
    meeting = replace(desk.notified(), attendees=tuple(Attendee.person(p) for p in crowd))
    pdf = sign_in_sheet_pdf(meeting, names=replace(names, people={**names.people, **crowd}))
    pages = measure(pdf)
    assert len(pages) >= 2
    numbers: list[str] = []
    for page in pages:
        header, *rows = table_rows(page, LEFT * MM, SIGN_IN_WIDTHS)
        assert header == SIGN_IN_HEADER, f"page {page.number}"
        numbers += [row[0] for row in rows]
        assert max(mm(float(r["bottom"])) for r in page.rects) <= 262 + 0.5
    assert numbers == [str(n) for n in range(1, len(expected_people(meeting)) + 1)]
    assert "— 2 —" in pages[1].text


# --- 桌签 -------------------------------------------------------------------------------


def test_seat_cards_are_landscape_pages_with_the_upper_name_turned(
    desk: Desk, names: NameBook, measure: Measure
) -> None:
    meeting = replied(desk)
    pdf = seat_cards_pdf(meeting, names=names)
    pages = measure(pdf)
    people = [s.name for s in signers(meeting, names) if s.person_id]
    assert len(pages) == len(people) == len(expected_people(meeting))
    assert page_sizes(pdf) == [pytest.approx(A4_LANDSCAPE)] * len(pages)
    width, height = A4_LANDSCAPE
    for page, name in zip(pages, people, strict=True):
        turned = [c for c in page.chars if c["matrix"][0] < 0 and c["matrix"][3] < 0]
        upright = [c for c in page.chars if c["matrix"][0] > 0 and c["matrix"][3] > 0]
        assert "".join(c["text"] for c in upright) == seat_name(name)
        assert "".join(c["text"] for c in turned) == seat_name(name)
        assert all(c["top"] > height / 2 for c in upright), "upright name on the lower half"
        assert all(c["bottom"] < height / 2 for c in turned), "turned name on the upper half"
        assert min(c["size"] for c in page.chars) > 150, "the name is very large"
        # The upper name is the lower one turned about the page's centre.
        lower = (min(c["x0"] for c in upright) + max(c["x1"] for c in upright)) / 2
        upper = (min(c["x0"] for c in turned) + max(c["x1"] for c in turned)) / 2
        assert lower == pytest.approx(width / 2, abs=1) and upper == pytest.approx(width / 2, abs=1)
        assert [r for r in page.rects if abs(float(r["top"]) - height / 2) < 1], "fold line"


def test_two_character_names_are_spaced_on_seat_cards() -> None:
    assert seat_name("王五") == "王　五"
    assert seat_name("张主任") == "张主任"
    assert seat_name("  ") == "无"


# --- 纪要 -------------------------------------------------------------------------------


def test_minutes_lists_match_attendance(desk: Desk, names: NameBook, measure: Measure) -> None:
    meeting = minuted(desk)
    lists = attendance(meeting)

    def shown(entry: Any) -> str:
        text = names.person(entry.person_id)
        if entry.on_behalf_of:
            text += f"（代{names.person(entry.on_behalf_of)}）"
        return text + (f"（{entry.reason}）" if entry.reason else "")

    text = all_text(measure(minutes_pdf(meeting, names=names, now=desk.clock)))
    assert f"出席：{'、'.join(shown(e) for e in lists.present)}" in text
    assert f"请假：{'、'.join(shown(e) for e in lists.on_leave)}" in text
    assert f"列席：{'、'.join(shown(e) for e in lists.sitting_in)}" in text
    assert "出席：周核稿（代陈副主任）、张主任、吴老师" in text
    assert "请假：孙局长（赴省财政厅汇报）" in text


def test_minutes_number_the_decisions_with_lead_unit_and_deadline(
    desk: Desk, names: NameBook, measure: Measure
) -> None:
    pages = measure(minutes_pdf(minuted(desk), names=names, now=desk.clock))
    red = [c for c in pages[0].chars if tuple(c["non_stroking_color"] or ()) == RED]
    assert "".join(c["text"] for c in red) == "市政府办公室常务会议纪要"
    assert in_order(
        all_text(pages), "市政府第12次常务会议", "会议听取了有关汇报", "会议议定以下事项：",
        "1.市财政局牵头，于12月底前完成2027年预算草案修改（牵头单位：市财政局；"
        "配合单位：市教育局；完成时限：2026年12月31日）。",
        "2.原则同意全市教育工作情况汇报。", "出席：", "2026年11月25日",
        "市政府办公室", "2026年11月25日印发",
    )


# --- bad or missing data ------------------------------------------------------------------

RENDERERS: dict[str, Callable[[Meeting, NameBook], bytes]] = {
    "notice": lambda m, n: meeting_notice_pdf(m, names=n, now=START),
    "agenda": lambda m, n: agenda_pdf(m, names=n),
    "sign_in": lambda m, n: sign_in_sheet_pdf(m, names=n),
    "seat_cards": lambda m, n: seat_cards_pdf(m, names=n),
    "minutes": lambda m, n: minutes_pdf(m, names=n, now=START),
}


@pytest.mark.parametrize("kind", RENDERERS)
def test_an_empty_meeting_with_unknown_names_still_prints_saying_none(
    kind: str, measure: Measure
) -> None:
    pdf = RENDERERS[kind](EMPTY, NameBook())
    pages = measure(pdf)
    assert pages
    assert "无" in all_text(pages)


def test_unknown_ids_print_as_themselves(desk: Desk, measure: Measure) -> None:
    meeting = replace(desk.notified(), room_id="r-gone", host_id="p-gone")
    text = all_text(measure(meeting_notice_pdf(meeting, names=NameBook(), now=desk.clock)))
    assert "r-gone。" in text
    assert "主持：p-gone。" in text
    assert "u-office文件" in text


@pytest.mark.parametrize("kind", RENDERERS)
def test_every_font_is_embedded(kind: str, desk: Desk, names: NameBook) -> None:
    fonts = font_files(RENDERERS[kind](minuted(desk), names))
    assert fonts
    assert all(embedded for _, embedded in fonts), fonts


def test_namebook_of_an_organisation_and_its_rooms(org: Organisation) -> None:
    book = NameBook.of(org, {room.id: room for room in DEMO_ROOMS})
    assert book == NameBook.of(org, DEMO_ROOMS)
    assert book.unit(FINANCE_ID) == "市财政局"
    assert book.person("p-finance.leader") == "孙局长"
    assert book.person_with_unit("p-finance.leader") == "市财政局孙局长"
    assert book.title_of("p-finance.leader") == "局长"
    assert book.room_name("r-1") == "市政府大楼第一会议室"
    assert (book.unit("u-x"), book.person("p-x"), book.room_name("r-x")) == ("u-x", "p-x", "r-x")
    assert (book.unit(None), book.person(None), book.room(None), book.unit_of("p-x")) == \
        ("", "", None, "")
