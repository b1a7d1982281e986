"""iCalendar export read back by a second, independent parser (vobject); import of invitations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from officeapp.demo import DEMO_ROOMS, EDU_ID
from officeapp.errors import ValidationError
from officeapp.meetings import (
    Attendee,
    Meeting,
    MeetingActionKind,
    MeetingType,
    create_meeting,
    occurrences,
)
from officeapp.meetings.ical import (
    PRODID,
    Directory,
    IcsMethod,
    ImportKind,
    invitation_fields,
    meeting_to_ics,
    meetings_to_ics,
    parse_invitation,
    parse_invitations,
)
from officeapp.org import Organisation

from .conftest import END, SHANGHAI, START, Desk

K = MeetingActionKind


def read_back(data: bytes) -> Any:
    """Parse with vobject, the independent parser; it must see exactly one calendar."""
    text = data.decode("utf-8")
    assert "\r\n" in text and all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    calendars = list(vobject.readComponents(text))
    assert len(calendars) == 1
    return calendars[0]


def directory(org: Organisation) -> Directory:
    return Directory.of(org, DEMO_ROOMS, {"p-office.leader": "zhang@pingxiang.gov.cn"})


def test_one_meeting_exports_every_field_calendars_need(org: Organisation, desk: Desk) -> None:
    meeting = desk.notified()
    meeting = desk.do(meeting, "finance.leader", K.REPLY, reply="leave", reason="出差")
    meeting = desk.do(meeting, "edu.clerk", K.REPLY, reply="attend", people=["edu.clerk"])
    data = meeting_to_ics(meeting, directory=directory(org), now=desk.clock)
    assert b"DTSTART;TZID=Asia/Shanghai:20261125T090000\r\n" in data
    calendar = read_back(data)
    assert calendar.version.value == "2.0" and calendar.prodid.value == PRODID
    assert calendar.method.value == "PUBLISH"
    assert calendar.vtimezone.tzid.value == "Asia/Shanghai"
    event = calendar.vevent
    assert event.uid.value == "m-1@officeapp"
    assert event.dtstamp.value == desk.clock.astimezone(UTC)
    assert event.dtstart.value == START and event.dtend.value == END
    assert "Asia/Shanghai" in repr(event.dtstart.value.tzinfo)
    assert event.summary.value == "市政府第12次常务会议"
    assert event.location.value == "市政府大楼 第一会议室"
    assert "一、研究2027年财政预算编制工作（汇报单位：市财政局）" in event.description.value
    assert "材料：预算草案.pdf" in event.description.value
    assert event.status.value == "CONFIRMED"
    assert event.organizer.params["CN"] == ["王秘书"]
    lines = {a.value: a.params for a in event.attendee_list}
    assert lines["mailto:zhang@pingxiang.gov.cn"]["ROLE"] == ["CHAIR"]
    assert lines["urn:x-officeapp:person:p-finance.leader"]["PARTSTAT"] == ["DECLINED"]
    assert lines["urn:x-officeapp:unit:u-edu"]["CUTYPE"] == ["GROUP"]
    assert lines["urn:x-officeapp:person:p-edu.clerk"]["MEMBER"] == ["urn:x-officeapp:unit:u-edu"]
    assert lines["urn:x-officeapp:person:p-office.supervisor"]["ROLE"] == ["OPT-PARTICIPANT"]


def test_a_series_exports_its_rule_and_expands_alike(org: Organisation, desk: Desk) -> None:
    series = desk.notified(recurrence="FREQ=WEEKLY;UNTIL=20261231T000000Z")
    event = read_back(meeting_to_ics(series, directory=directory(org), now=desk.clock)).vevent
    assert event.rrule.value == "FREQ=WEEKLY;UNTIL=20261231T000000Z"
    theirs = [moment.astimezone(UTC) for moment in event.getrruleset()]
    ours = [s.astimezone(UTC) for s, _ in occurrences(series.start, series.end, series.recurrence)]
    assert theirs == ours and len(ours) == 6


def test_a_cancelled_meeting_is_marked_cancelled(org: Organisation, desk: Desk) -> None:
    meeting = desk.do(desk.notified(), "office.secretary", K.CANCEL, reason="改期")
    data = meeting_to_ics(meeting, directory=directory(org), now=desk.clock,
                          method=IcsMethod.CANCEL)
    calendar = read_back(data)
    assert calendar.method.value == "CANCEL" and calendar.vevent.status.value == "CANCELLED"
    assert parse_invitation(data).cancelled


def test_my_meetings_is_one_calendar_with_one_event_each(org: Organisation, desk: Desk) -> None:
    first = desk.notified()
    second = desk.notified(title="全市教育工作专题会议", meeting_type="专题会议", room_id="r-2",
                           start=(START + timedelta(days=1)).isoformat(),
                           end=(END + timedelta(days=1)).isoformat())
    draft = desk.create(title="草拟中的协调会", room_id=None, location="财政局三楼")
    data = meetings_to_ics([first, second, draft], directory=directory(org), now=desk.clock)
    calendar = read_back(data)
    events = calendar.vevent_list
    assert [e.summary.value for e in events] == ["市政府第12次常务会议", "全市教育工作专题会议",
                                                "草拟中的协调会"]
    assert [e.status.value for e in events] == ["CONFIRMED", "CONFIRMED", "TENTATIVE"]
    assert len({e.uid.value for e in events}) == 3 and len(calendar.vtimezone_list) == 1
    assert events[2].location.value == "财政局三楼"
    assert calendar.x_wr_calname.value == "我的会议"


def test_an_exported_meeting_imports_as_the_same_proposal(org: Organisation, desk: Desk) -> None:
    meeting = desk.notified(recurrence="FREQ=WEEKLY;COUNT=4")
    meeting = desk.do(meeting, "edu.clerk", K.REPLY, reply="attend", people=["edu.clerk"])
    data = meeting_to_ics(meeting, directory=directory(org), now=desk.clock)
    fields = invitation_fields(parse_invitation(data), rooms=DEMO_ROOMS,
                               people_by_address={"ZHANG@pingxiang.gov.cn": "p-office.leader"})
    imported = create_meeting(meeting_id="m-imported", actor=desk.actor("office.secretary"),
                              fields=fields, now=desk.clock)
    assert _essentials(imported) == _essentials(meeting)
    assert imported.ics_uid == "m-1@officeapp"


def _essentials(meeting: Meeting) -> tuple[Any, ...]:
    return (meeting.title, meeting.meeting_type, meeting.start, meeting.end, meeting.room_id,
            meeting.host_id, meeting.attendees, meeting.sit_in, meeting.recurrence)


FOREIGN = """BEGIN:VCALENDAR\r
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r
VERSION:2.0\r
METHOD:REQUEST\r
BEGIN:VTIMEZONE\r
TZID:China Standard Time\r
BEGIN:STANDARD\r
DTSTART:16010101T000000\r
TZOFFSETFROM:+0800\r
TZOFFSETTO:+0800\r
END:STANDARD\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
UID:040000008200E00074C5B7101A82E008\r
DTSTAMP:20261120T020000Z\r
DTSTART;TZID=China Standard Time:20261126T140000\r
DURATION:PT2H\r
SUMMARY:省厅视频会议分会场\r
LOCATION:第二会议室\r
DESCRIPTION:请提前10分钟调试设备。\r
CATEGORIES:协调会\r
ORGANIZER;CN=省厅办公室:mailto:office@province.gov.cn\r
ATTENDEE;CN=孙局长;ROLE=REQ-PARTICIPANT:mailto:sun@pingxiang.gov.cn\r
ATTENDEE;CN=外单位联系人;ROLE=REQ-PARTICIPANT:mailto:guest@example.org\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_a_foreign_invitation_becomes_a_draft(desk: Desk) -> None:
    invitation = parse_invitation(FOREIGN.encode())
    assert invitation.start == datetime(2026, 11, 26, 14, 0, tzinfo=SHANGHAI)
    assert invitation.end - invitation.start == timedelta(hours=2)
    fields = invitation_fields(invitation, rooms=DEMO_ROOMS,
                               people_by_address={"sun@pingxiang.gov.cn": "p-finance.leader"})
    draft = create_meeting(meeting_id="m-x", actor=desk.actor("office.secretary"),
                           fields=fields, now=desk.clock)
    assert draft.room_id == "r-2" and draft.meeting_type is MeetingType.COORDINATION
    assert draft.attendees == (Attendee.person("p-finance.leader"),)
    assert "外单位联系人" in draft.notes and "调试设备" in draft.notes


def test_all_day_and_floating_times_are_read_as_local() -> None:
    text = FOREIGN.replace("DTSTART;TZID=China Standard Time:20261126T140000\r\nDURATION:PT2H",
                           "DTSTART;VALUE=DATE:20261126")
    invitation = parse_invitation(text)
    assert invitation.start == datetime(2026, 11, 26, tzinfo=SHANGHAI)
    assert invitation.end == datetime(2026, 11, 27, tzinfo=SHANGHAI)
    floating = FOREIGN.replace("DTSTART;TZID=China Standard Time:", "DTSTART:")
    assert parse_invitation(floating).start == datetime(2026, 11, 26, 14, tzinfo=SHANGHAI)


def _without(text: str, prefix: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith(prefix))


@pytest.mark.parametrize(("data", "code"), [
    (b"", "ics.not_calendar"),
    (b"hello, world", "ics.not_calendar"),
    ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:李文书\r\nEND:VCARD\r\n".encode(), "ics.not_calendar"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "ics.not_calendar"),
    (b"BEGIN:VCALENDAR\r\nthis is not a content line\r\nEND:VCALENDAR\r\n", "ics.not_calendar"),
    (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "ics.no_event"),
    (_without(FOREIGN, "DTSTART;TZID=China").encode(), "ics.no_start"),
    (FOREIGN.replace("20261126T140000", "tomorrow").encode(), "ics.bad_time"),
    (FOREIGN.replace("DURATION:PT2H", "DURATION:-PT2H").encode(), "ics.bad_time"),
    (b"BEGIN:VCALENDAR\r\n" + b"X-PAD:" + b"x" * 1_000_000 + b"\r\n", "ics.too_large"),
])
def test_files_that_are_not_invitations_are_refused_clearly(data: bytes, code: str) -> None:
    with pytest.raises(ValidationError) as error:
        parse_invitations(data)
    assert error.value.code == code and error.value.message


texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                min_size=1, max_size=60).filter(lambda t: t.strip())


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=texts, notes=texts)
def test_any_text_survives_both_parsers(org: Organisation, desk: Desk, title: str,
                                        notes: str) -> None:
    meeting = desk.create(title=title, notes=notes + "\n第二行；逗号,分号;")
    data = meeting_to_ics(meeting, directory=directory(org), now=desk.clock)
    event = read_back(data).vevent
    assert event.summary.value == meeting.title
    assert event.description.value.endswith(meeting.notes)
    assert parse_invitation(data).title == meeting.title


def test_unit_people_named_in_replies_stay_with_their_unit(org: Organisation, desk: Desk) -> None:
    meeting = desk.notified(attendees=[{"kind": "unit", "id": EDU_ID}], sit_in=[])
    meeting = desk.do(meeting, "edu.clerk", K.REPLY, reply="attend",
                      people=["edu.clerk", "edu.leader"])
    fields = invitation_fields(parse_invitation(
        meeting_to_ics(meeting, directory=directory(org), now=desk.clock)))
    assert fields["attendees"] == [{"kind": "unit", "id": EDU_ID}]


ics_lines = st.sampled_from([
    "BEGIN:VEVENT", "END:VEVENT", "DTSTART:20261125T090000", "DTSTART;VALUE=DATE:20261125",
    "DTSTART;TZID=Nowhere/City:20261125T090000", "DTEND:20261125T080000", "DURATION:PT1H",
    "DURATION:garbage", "RRULE:FREQ=WEEKLY;COUNT=2", "RRULE:garbage",
    "ATTENDEE;ROLE=CHAIR:mailto:x@y", 'ATTENDEE;MEMBER="a":urn:x-officeapp:person:p',
    "ATTENDEE:urn:x-officeapp:unit:", "SUMMARY:会议", "CATEGORIES:常务会议,x",
    "STATUS:CANCELLED", "BEGIN:VALARM", "END:VALARM", "ORGANIZER:", "DTSTART:99991231T235959",
    "DTSTART:00010101T000000", "DTEND;VALUE=DATE:20261124",
    "METHOD:CANCEL", "RECURRENCE-ID:20261125T090000", "RECURRENCE-ID;VALUE=DATE:20261125",
    "RECURRENCE-ID:garbage", "SUMMARY;CHARSET=GB2312:会议", "LOCATION;CHARSET=nonsense:x",
    "SUMMARY;ENCODING=QUOTED-PRINTABLE;CHARSET=GB2312:=C8=AB", "DESCRIPTION;ENCODING=QUOTED-P"
    "RINTABLE:=E4=BC=9A=", "SUMMARY;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=FF",
]) | st.text(max_size=30)


@settings(max_examples=300, deadline=None)
@given(body=st.lists(ics_lines, max_size=12))
def test_any_calendar_text_is_read_or_refused_never_a_crash(body: list[str]) -> None:
    text = "BEGIN:VCALENDAR\r\n" + "\r\n".join(body) + "\r\nEND:VCALENDAR\r\n"
    try:
        for invitation in parse_invitations(text):
            invitation_fields(invitation, rooms=DEMO_ROOMS)
            assert invitation.kind in set(ImportKind)
        for encoding in ("gb18030", "utf-16"):
            parse_invitations(text.encode(encoding))
    except ValidationError as error:
        assert error.code.startswith("ics.")
