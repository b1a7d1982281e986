"""The meeting PDFs: 会议通知, 议程, 签到表, 桌签 and 纪要, through the 公文 rendering layer.

The 通知 is a GB/T 9704 公文 (render_document) and the 纪要 a §10.3 纪要 (render_minutes); the
议程 and the 签到表 flow on A4 like the sheets; the 桌签 are A4 landscape, folded in the middle.
Ids print as names from a NameBook and fall back to the id; a missing room prints the location
or 另行通知, an empty list 无: a print never fails on the meeting's data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from officeapp.clock import office_time
from officeapp.errors import ValidationError
from officeapp.meetings.attendance import attendance, current_replies, expected_people
from officeapp.meetings.model import (
    AttendanceEntry,
    Attendee,
    AttendeeKind,
    Meeting,
    MeetingType,
    ReplyKind,
)
from officeapp.meetings.recurrence import occurrences
from officeapp.pdf.draw import Metadata, Op, RuleOp, TextOp, baseline_in, render_pages
from officeapp.pdf.flow import chinese_date
from officeapp.pdf.fonts import FontRole, FontSet, load_fonts
from officeapp.pdf.gbt9704 import (
    render_document,
    render_document_ofd,
    render_minutes,
    render_minutes_ofd,
)
from officeapp.pdf.geometry import MM, PAGE_HEIGHT, PAGE_WIDTH, SIZE_3, SIZE_4
from officeapp.pdf.model import MinutesLayout, OfficialDocumentLayout
from officeapp.pdf.names import NameBook
from officeapp.pdf.tables import (
    PORTRAIT,
    Align,
    Block,
    Cell,
    Para,
    Row,
    Space,
    Table,
    heading,
    para,
    render,
)
from officeapp.pdf.typeset import Pitch, Span, single_line

NONE_TEXT: Final = "无"
WEEKDAYS: Final = "一二三四五六日"
DIGITS: Final = "零一二三四五六七八九"
FOLD_GREY: Final = (0.7, 0.7, 0.7)
SEAT_NAME_HEIGHT: Final = 62.0 * MM  # the largest name: about 6 cm tall
SEAT_NAME_WIDTH: Final = 0.86  # of the page width

# 签到表 columns: header and width in mm (156 mm in all, the 版心's width).
SIGN_IN_COLUMNS: Final = (("序号", 14.0), ("单位", 34.0), ("姓名", 24.0), ("职务", 34.0),
                          ("签名", 28.0), ("备注", 22.0))
SIGN_IN_ALIGNS: Final[tuple[Align, ...]] = ("centre", "left", "centre", "left", "left", "centre")
SIGN_IN_ROW: Final = 11.0 * MM


# --- times and places ---------------------------------------------------------------------


def _day(moment: dt.datetime) -> str:
    """Return 2026年11月25日（星期三）."""
    return f"{chinese_date(moment.date())}（星期{WEEKDAYS[moment.weekday()]}）"


def _part(moment: dt.datetime) -> str:
    """Return 上午, 下午 or 晚上 and the clock time: 上午9:00."""
    part = "上午" if moment.hour < 12 else "下午" if moment.hour < 18 else "晚上"
    return f"{part}{moment.hour}:{moment.minute:02d}"


def time_text(start: dt.datetime, end: dt.datetime) -> str:
    """Return a meeting's time as a notice gives it: 2026年11月25日（星期三）上午9:00—10:30."""
    first, last = office_time(start), office_time(end)
    if first.date() != last.date():
        return f"{_day(first)}{_part(first)}至{_day(last)}{_part(last)}"
    ending = _part(last)
    if ending[:2] == _part(first)[:2]:
        ending = ending[2:]
    return f"{_day(first)}{_part(first)}—{ending}"


def schedule_text(meeting: Meeting) -> str:
    """Return the time of a meeting, and for a series how often and until when."""
    text = time_text(meeting.start, meeting.end)
    if not meeting.recurrence:
        return text
    try:
        spans = occurrences(meeting.start, meeting.end, meeting.recurrence)
    except ValidationError:
        return f"{text}起定期召开"
    last = office_time(spans[-1][0])
    return f"{text}起定期召开，共{len(spans)}次，最后一次为{_day(last)}"


def place_text(meeting: Meeting, names: NameBook) -> str:
    """Return where a meeting is: building and room, the off-site location, or 另行通知."""
    if meeting.room_id:
        return names.room_name(meeting.room_id)
    return meeting.location.strip() or "另行通知"


def chinese_number(number: int) -> str:
    """Return 1–99 in Chinese numerals (一, 十二, 二十三); other numbers in digits."""
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else "十" if tens == 1 else f"{DIGITS[tens]}十"
    return head + (DIGITS[ones] if ones else "")


def _joined(parts: Iterable[str]) -> str:
    """Return the non-empty parts, once each, joined with 、."""
    return "、".join(dict.fromkeys(p for p in parts if p))


def _agenda(meeting: Meeting) -> list[tuple[str, str | None, tuple[str, ...]]]:
    """Return the 议题 in order: title, reporting unit id, material names."""
    items = sorted(enumerate(meeting.agenda), key=lambda pair: (pair[1].order, pair[0]))
    return [(item.title, item.reporting_unit_id, tuple(m.name for m in item.materials))
            for _, item in items]


# --- 会议通知 ----------------------------------------------------------------------------


def meeting_notice_pdf(meeting: Meeting, *, names: NameBook, now: dt.datetime) -> bytes:
    """Return the 会议通知: a GB/T 9704 通知 from the organising unit, dated `now`."""
    return render_document(notice_layout(meeting, names=names, now=now), fonts=load_fonts())


def meeting_notice_ofd(meeting: Meeting, *, names: NameBook, now: dt.datetime) -> bytes:
    """Return the 会议通知 as OFD, laid out exactly as its PDF."""
    return render_document_ofd(notice_layout(meeting, names=names, now=now), fonts=load_fonts())


def notice_layout(meeting: Meeting, *, names: NameBook, now: dt.datetime) -> OfficialDocumentLayout:
    """Return the 会议通知 as a 公文: mark and 署名 of the organiser, 主送 every invitee."""
    organiser = names.unit(meeting.organiser_unit_id)
    title = meeting.title.strip() or "会议"
    return OfficialDocumentLayout(
        agency_mark=f"{organiser}文件" if organiser else "会议通知",
        title=title if title.startswith("关于") else f"关于召开{title}的通知",
        main_recipients=tuple(_recipients(meeting, names)),
        body=_notice_body(meeting, names, now),
        issuer=organiser,
        date=office_time(now).date(),
    )


def _invitee(attendee: Attendee, names: NameBook) -> str:
    """Return an invitation as a formal text names it: a unit, or a person with their unit."""
    if attendee.kind is AttendeeKind.UNIT:
        return names.unit(attendee.id)
    return names.person_with_unit(attendee.id)


def _recipients(meeting: Meeting, names: NameBook) -> list[str]:
    """Return the 主送: every invited unit and person, once each, in invitation order."""
    invited = (*meeting.attendees, *meeting.sit_in)
    return list(dict.fromkeys(name for a in invited if (name := _invitee(a, names))))


def _participants(attendees: Sequence[Attendee], names: NameBook) -> str:
    """Return the people of a list of invitations; a unit sends its 负责同志."""
    return _joined(
        f"{names.unit(a.id)}负责同志" if a.kind is AttendeeKind.UNIT else _invitee(a, names)
        for a in attendees
    )


def _reply_by(meeting: Meeting, now: dt.datetime) -> str:
    """Return until when to reply: 17:00 the day before the meeting, or 会前 if that passed."""
    start = office_time(meeting.start)
    deadline = (start - dt.timedelta(days=1)).replace(hour=17, minute=0, second=0, microsecond=0)
    if deadline > office_time(now):
        return f"{deadline.month}月{deadline.day}日17:00前"
    return "会前"


def _notice_body(meeting: Meeting, names: NameBook, now: dt.datetime) -> str:
    """Return the 正文 of the notice, one paragraph per line."""
    title = meeting.title.strip() or "会议"
    start = office_time(meeting.start)
    lines = [f"经研究，定于{chinese_date(start.date())}召开{title}。现将有关事项通知如下：",
             "一、会议时间", f"{schedule_text(meeting)}。",
             "二、会议地点", f"{place_text(meeting, names)}。",
             "三、参会人员"]
    people = []
    if meeting.host_id:
        people.append(f"主持：{names.person_with_unit(meeting.host_id)}。")
    people.append(f"出席：{_participants(meeting.attendees, names) or NONE_TEXT}。")
    if meeting.sit_in:
        people.append(f"列席：{_participants(meeting.sit_in, names)}。")
    lines += people
    lines.append("四、会议议程")
    agenda = _agenda(meeting)
    for number, (item, unit_id, _) in enumerate(agenda, start=1):
        unit = names.unit(unit_id)
        reporting = f"（汇报单位：{unit}）" if unit else ""
        lines.append(f"{number}.{item.strip() or NONE_TEXT}{reporting}。")
    if not agenda:
        lines.append(f"{NONE_TEXT}。")
    lines.append("五、有关要求")
    requirements = [
        f"请于{_reply_by(meeting, now)}通过协同办公系统回复回执：参会、请假（请说明理由）或"
        "委派他人参会；邀请单位参会的，请报送参会人员名单。",
        "请参会人员提前到达会场，并在会议开始前30分钟内签到。",
    ]
    if any(materials for _, _, materials in agenda):
        requirements.append("会议材料已上传协同办公系统，请提前阅读。")
    requirements += [line.strip() for line in meeting.notes.splitlines() if line.strip()]
    contact = names.person_with_unit(meeting.created_by)
    if contact:
        requirements.append(f"联系人：{contact}。")
    lines += [f"{n}.{text}" for n, text in enumerate(requirements, start=1)]
    return "\n".join(lines)


# --- 议程 -------------------------------------------------------------------------------


def agenda_pdf(meeting: Meeting, *, names: NameBook) -> bytes:
    """Return the 会议议程: time, place, host, then the numbered 议题 with units and materials."""
    fonts = load_fonts()
    title = meeting.title.strip() or "会议"
    blocks: list[Block] = [
        heading(f"{title}议程"),
        para(f"时间：{schedule_text(meeting)}", size=SIZE_4, align="centre"),
        para(f"地点：{place_text(meeting, names)}", size=SIZE_4, align="centre"),
    ]
    if meeting.host_id:
        blocks.append(para(f"主持：{names.person(meeting.host_id)}", size=SIZE_4, align="centre"))
    blocks.append(Space(6 * MM))
    agenda = _agenda(meeting)
    for number, (item, unit_id, materials) in enumerate(agenda, start=1):
        blocks.append(para(f"{chinese_number(number)}、{item.strip() or NONE_TEXT}",
                           FontRole.HEITI, size=SIZE_3, first_indent=0, rest_indent=2,
                           space_before=3 * MM, keep_with_next=True))
        unit = names.unit(unit_id)
        if unit:
            blocks.append(_labelled("汇报单位", unit))
        if materials:
            listed = "；".join(f"{n}.{name}" if len(materials) > 1 else name
                              for n, name in enumerate(materials, start=1))
            blocks.append(_labelled("会议材料", listed))
    if not agenda:
        blocks.append(para(NONE_TEXT, size=SIZE_3, first_indent=2))
    metadata = Metadata(f"{title}议程", names.unit(meeting.organiser_unit_id), "会议议程")
    return render(blocks, frame=PORTRAIT, fonts=fonts, metadata=metadata)


def _labelled(label: str, text: str) -> Para:
    """Return 'label：text' in 3号仿宋, indented two characters, wrapping under the text."""
    return Para((Span(f"{label}：{text}", FontRole.FANGSONG),), size=SIZE_3, first_indent=2,
                rest_indent=2 + len(label) + 1)


# --- 签到表 ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Signer:
    """One line of the 签到表: a person expected (or a unit that has not named anyone yet)."""

    person_id: str | None
    unit: str
    name: str
    title: str
    note: str


def signers(meeting: Meeting, names: NameBook) -> list[Signer]:
    """Return who signs in, in order: host, attendees, 列席, recorder, then anyone else who came.

    Each expected person (expected_people) once; a deputy notes whom they stand for; an invited
    unit that has not replied gets a blank line to write its person in; those on leave are left
    out (the sheet lists them below the table).
    """
    replies = current_replies(meeting)
    checked = {c.person_id for c in meeting.check_ins}
    found: dict[str, Signer] = {}
    lines: list[Signer] = []

    def add(person_id: str, unit: str, *notes: str) -> None:
        if person_id in found:
            return
        marks = [n for n in notes if n] + (["已签到"] if person_id in checked else [])
        signer = Signer(person_id, names.unit_of(person_id) or unit, names.person(person_id),
                        names.title_of(person_id), "，".join(marks))
        found[person_id] = signer
        lines.append(signer)

    if meeting.host_id:
        add(meeting.host_id, "", "主持")
    for attendee, sit_in in _invitations(meeting):
        mark = "列席" if sit_in else ""
        reply = replies.get(attendee)
        if reply is not None and reply.kind is ReplyKind.LEAVE:
            continue
        if attendee.kind is AttendeeKind.UNIT:
            unit = names.unit(attendee.id)
            came = [c.person_id for c in meeting.check_ins if c.attendee == attendee]
            if reply is None and not came:
                lines.append(Signer(None, unit, "", "", _joined((mark, "未回执"))))
            for person_id in (*(reply.people if reply is not None else ()), *came):
                add(person_id, unit, mark)
        elif reply is not None and reply.kind is ReplyKind.DELEGATE and reply.deputy_id:
            add(reply.deputy_id, "", mark, f"代{names.person(attendee.id)}")
        else:
            add(attendee.id, "", mark)
    if meeting.recorder_id:
        add(meeting.recorder_id, "", "记录")
    for check_in in meeting.check_ins:
        add(check_in.person_id, "", "列席" if check_in.sit_in else "")
    return lines


def _invitations(meeting: Meeting) -> Iterator[tuple[Attendee, bool]]:
    """Yield each invitation with whether it is to sit in (列席)."""
    yield from ((a, False) for a in meeting.attendees)
    yield from ((a, True) for a in meeting.sit_in)


def sign_in_sheet_pdf(meeting: Meeting, *, names: NameBook) -> bytes:
    """Return the 签到表: one ruled row per expected person; the header repeats on every page."""
    fonts = load_fonts()
    title = meeting.title.strip() or "会议"
    people = signers(meeting, names)
    expected = len(expected_people(meeting))
    blocks: list[Block] = [
        heading(f"{title}签到表"),
        para(f"会议时间：{time_text(meeting.start, meeting.end)}", space_before=2 * MM),
        para(f"会议地点：{place_text(meeting, names)}"),
        para(f"应到：{expected}人　　实到：　　　人"),
        Table(tuple(_sign_in_rows(people)), header=_sign_in_header(), space_before=3 * MM),
    ]
    on_leave = _leave_texts(meeting, names)
    if on_leave:
        blocks.append(para(f"请假：{'、'.join(on_leave)}", space_before=3 * MM, rest_indent=3))
    metadata = Metadata(f"{title}签到表", names.unit(meeting.organiser_unit_id), "会议签到表")
    return render(blocks, frame=PORTRAIT, fonts=fonts, metadata=metadata)


def _sign_in_header() -> Row:
    """Return the header row of the 签到表."""
    return Row(tuple(Cell(label, width * MM, FontRole.HEITI, "centre")
                     for label, width in SIGN_IN_COLUMNS), minimum=9 * MM)


def _sign_in_rows(people: Sequence[Signer]) -> list[Row]:
    """Return one row per signer, tall enough to sign in; a single 无 row when nobody."""
    if not people:
        width = sum(w for _, w in SIGN_IN_COLUMNS) * MM
        return [Row((Cell(NONE_TEXT, width, align="centre"),), minimum=SIGN_IN_ROW)]
    widths = [w * MM for _, w in SIGN_IN_COLUMNS]
    rows = []
    for number, person in enumerate(people, start=1):
        texts = (str(number), person.unit, person.name, person.title, "", person.note)
        rows.append(Row(tuple(Cell(t, w, align=a)
                              for t, w, a in zip(texts, widths, SIGN_IN_ALIGNS, strict=True)),
                        minimum=SIGN_IN_ROW))
    return rows


def _leave_texts(meeting: Meeting, names: NameBook) -> list[str]:
    """Return those on leave with their reasons: 市财政局孙局长（赴省财政厅汇报）."""
    return [_entry_text(entry, names, with_unit=True) for entry in attendance(meeting).on_leave]


def _entry_text(entry: AttendanceEntry, names: NameBook, *, with_unit: bool = False) -> str:
    """Return an attendance entry: a person (for whom), a unit; a reason in parentheses."""
    if entry.person_id:
        text = (names.person_with_unit(entry.person_id) if with_unit
                else names.person(entry.person_id))
    else:
        text = names.unit(entry.unit_id)
    if entry.on_behalf_of:
        text += f"（代{names.person(entry.on_behalf_of)}）"
    if entry.reason:
        text += f"（{entry.reason}）"
    return text


# --- 桌签 -------------------------------------------------------------------------------


def seat_cards_pdf(meeting: Meeting, *, names: NameBook) -> bytes:
    """Return the 桌签: one A4 landscape page per person, the name on both halves.

    Folded along the middle, the card stands as a tent: the lower half reads upright and the
    upper half is turned 180°, so that the name reads from both sides of the table.
    """
    fonts = load_fonts()
    people = [s.name for s in signers(meeting, names) if s.person_id is not None]
    pages = [_seat_card(name, fonts) for name in people] or [_seat_card(NONE_TEXT, fonts)]
    title = meeting.title.strip() or "会议"
    metadata = Metadata(f"{title}桌签", names.unit(meeting.organiser_unit_id), "桌签")
    return render_pages(pages, metadata=metadata,
                        initial_font=fonts.primary(FontRole.TITLE).name,
                        page_size=(PAGE_HEIGHT, PAGE_WIDTH))


def seat_name(name: str) -> str:
    """Return a name as a seat card spaces it: a two-character name gets a 全角 space (王　五)."""
    name = name.strip() or NONE_TEXT
    return "　".join(name) if len(name) == 2 and all(ord(c) > 0x2E80 for c in name) else name


def _seat_card(name: str, fonts: FontSet) -> list[Op]:
    """Return one card: the name centred in the lower half, and turned 180° in the upper half."""
    width, height = PAGE_HEIGHT, PAGE_WIDTH  # A4 landscape
    text = seat_name(name)
    probe = single_line([Span(text, FontRole.TITLE)], fonts=fonts, pitch=Pitch(100, 100, False))
    size = min(SEAT_NAME_HEIGHT, SEAT_NAME_WIDTH * width * 100 / max(probe.extent, 1.0))
    line = single_line([Span(text, FontRole.TITLE)], fonts=fonts, pitch=Pitch(size, size, False))
    x = (width - line.extent) / 2
    baseline = baseline_in(height / 2, height / 2, size, line.descent)
    fold = RuleOp(10 * MM, height / 2 - 0.25, width - 20 * MM, 0.5, FOLD_GREY)
    # The upper name is the lower one turned about the centre of the page.
    return [fold, TextOp(line, x, baseline),
            TextOp(line, width - x, height - baseline, rotation=180.0)]


# --- 纪要 -------------------------------------------------------------------------------


def minutes_pdf(meeting: Meeting, *, names: NameBook, now: dt.datetime) -> bytes:
    """Return the 纪要 (render_minutes): text, numbered 议定事项, 出席/请假/列席 (attendance())."""
    return render_minutes(minutes_layout(meeting, names=names, now=now), fonts=load_fonts())


def minutes_ofd(meeting: Meeting, *, names: NameBook, now: dt.datetime) -> bytes:
    """Return the 纪要 as OFD, laid out exactly as its PDF."""
    return render_minutes_ofd(minutes_layout(meeting, names=names, now=now), fonts=load_fonts())


def minutes_layout(meeting: Meeting, *, names: NameBook, now: dt.datetime) -> MinutesLayout:
    """Return the 纪要's layout: the organiser's mark, 出席/请假/列席, 印发 once published."""
    organiser = names.unit(meeting.organiser_unit_id)
    kind = "会议" if meeting.meeting_type is MeetingType.OTHER else meeting.meeting_type.value
    minutes = meeting.minutes
    lists = attendance(meeting)
    published = minutes.published_at if minutes is not None else None
    day = published or (minutes.recorded_at if minutes is not None else None) or now
    return MinutesLayout(
        mark=f"{organiser}{kind}纪要",
        title=meeting.title.strip(),
        body=_minutes_body(meeting, names),
        date=office_time(day).date(),
        attendees=tuple(_entry_text(e, names) for e in lists.present),
        on_leave=tuple(_entry_text(e, names) for e in lists.on_leave),
        observers=tuple(_entry_text(e, names) for e in lists.sitting_in),
        print_unit=organiser if published is not None else "",
        print_date=office_time(published).date() if published is not None else None,
    )


def _minutes_body(meeting: Meeting, names: NameBook) -> str:
    """Return the 纪要's text, then 会议议定以下事项 numbered with lead unit and deadline."""
    minutes = meeting.minutes
    if minutes is None:
        return NONE_TEXT
    lines = [line.strip() for line in minutes.text.splitlines() if line.strip()]
    if minutes.decisions:
        lines.append("会议议定以下事项：")
    for index, decision in enumerate(minutes.decisions, start=1):
        details = []
        if decision.lead_unit_id:
            details.append(f"牵头单位：{names.unit(decision.lead_unit_id)}")
        if decision.co_unit_ids:
            details.append(f"配合单位：{_joined(names.unit(u) for u in decision.co_unit_ids)}")
        if decision.deadline is not None:
            details.append(f"完成时限：{chinese_date(decision.deadline)}")
        text = decision.text.strip()
        if details:
            text = f"{text.rstrip('。；;.')}（{'；'.join(details)}）。"
        lines.append(f"{decision.no or index}.{text}")
    return "\n".join(lines) or NONE_TEXT
