"""iCalendar import: files in other charsets, cancellations matched by UID, and overrides of
one occurrence (RECURRENCE-ID) of a series."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from officeapp.core.verdict import Accepted
from officeapp.demo import DEMO_ROOMS
from officeapp.errors import DomainError, ForbiddenError, ValidationError
from officeapp.meetings import (
    Meeting,
    MeetingAction,
    MeetingActionKind,
    MeetingStatus,
    create_meeting,
    decide_meeting,
    occurrences,
)
from officeapp.meetings.ical import (
    IMPORT_CANCEL_REASON,
    Cancellation,
    IcsImport,
    IcsMethod,
    ImportKind,
    Invitation,
    NewDraft,
    invitation_fields,
    left_aside_note,
    meeting_id_in,
    meeting_to_ics,
    parse_invitations,
    plan_import,
    read_ics,
    uid_of,
    with_uid,
)
from officeapp.org import Organisation

from .conftest import SHANGHAI, START, Desk
from .test_ical import FOREIGN, directory, read_back

K = MeetingActionKind
TITLE = "关于召开全市安全生产工作会议的通知"
PLACE = "市政府大楼 第一会议室"
NOTES = "请各单位主要负责同志参加；会期半天。"


def outlook(summary: str = TITLE, *, location: str = PLACE, description: str = NOTES,
            params: str = "", head: str = "", body: str = "", version: str = "2.0") -> str:
    """Return an Outlook-style calendar; `params` go on SUMMARY, LOCATION and DESCRIPTION."""
    return (
        f"BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
        f"VERSION:{version}\r\n{head}BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E008\r\n"
        "DTSTAMP:20261120T020000Z\r\nDTSTART;TZID=Asia/Shanghai:20261126T140000\r\n"
        "DTEND;TZID=Asia/Shanghai:20261126T160000\r\n"
        f"SUMMARY{params}:{summary}\r\nLOCATION{params}:{location}\r\n"
        f"DESCRIPTION{params}:{description}\r\n{body}END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def texts_of(invitation: Invitation) -> list[str]:
    people = [invitation.organiser, *invitation.attendees]
    return [invitation.uid, invitation.title, invitation.location, invitation.description,
            *invitation.categories,
            *(text for p in people if p for text in (p.address, p.name, p.member))]


def assert_read(data: bytes, title: str = TITLE, location: str = PLACE,
                description: str = NOTES) -> Invitation:
    invitation = read_ics(data).invitation
    assert (invitation.title, invitation.location, invitation.description) == (
        title, location, description)
    assert not any("\ufffd" in text for text in texts_of(invitation))
    return invitation


def refusal(data: bytes | str) -> ValidationError:
    with pytest.raises(ValidationError) as error:
        read_ics(data)
    assert error.value.message and not error.value.message.isascii()
    return error.value


# --- charsets --------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [
    pytest.param(outlook().encode("gb18030"), id="gb18030, no declaration"),
    pytest.param(outlook().encode("gbk"), id="gbk (Chinese Windows), no declaration"),
    pytest.param(outlook(params=";CHARSET=GB2312").encode("gb18030"), id="CHARSET=GB2312"),
    pytest.param(outlook(params=";LANGUAGE=zh-CN;CHARSET=\"gbk\"").encode("gbk"),
                 id="quoted CHARSET=gbk"),
    pytest.param(outlook().encode("utf-8-sig"), id="utf-8 with BOM"),
    pytest.param(outlook().encode("utf-16"), id="utf-16 with BOM"),
    pytest.param(b"\xff\xfe" + outlook().encode("utf-16-le"), id="utf-16 LE BOM"),
    pytest.param(b"\xfe\xff" + outlook().encode("utf-16-be"), id="utf-16 BE BOM"),
    pytest.param(outlook().encode("utf-32"), id="utf-32 with BOM"),
    pytest.param(outlook().encode("utf-8"), id="utf-8"),
])
def test_chinese_titles_read_exactly_in_every_charset(data: bytes) -> None:
    invitation = assert_read(data)
    assert invitation.start.astimezone(SHANGHAI).hour == 14


def test_big5_is_read_when_a_charset_parameter_says_so() -> None:
    text = outlook("全市會議", location="第一會議室", description="請準時參加",
                   params=";CHARSET=Big5")
    assert_read(text.encode("big5"), "全市會議", "第一會議室", "請準時參加")


def test_latin1_is_read_when_a_charset_parameter_says_so() -> None:
    text = outlook("Réunion budgétaire à Paris", location="Salle Vénus",
                   description="Coût estimé : 5 €", params=";CHARSET=ISO-8859-1")
    # Files that say ISO-8859-1 are Windows-1252 in practice: € is byte 0x80 there.
    assert_read(text.encode("cp1252"), "Réunion budgétaire à Paris", "Salle Vénus",
                "Coût estimé : 5 €")
    plain = outlook("Réunion budgétaire", location="Salle Vénus", description="Café",
                    params=";CHARSET=latin-1")
    assert_read(plain.encode("latin-1"), "Réunion budgétaire", "Salle Vénus", "Café")


def test_old_outlook_vcalendar_quoted_printable_is_decoded() -> None:
    quoted = "".join(f"={b:02X}" for b in TITLE.encode("gb2312"))
    place = "".join(f"={b:02X}" for b in PLACE.encode("gb2312"))
    text = outlook(quoted, location=place, description="=0D=0A",
                   params=";ENCODING=QUOTED-PRINTABLE;CHARSET=GB2312", version="1.0")
    assert_read(text.encode("ascii"), description="")
    # The same file saved as UTF-8 with a BOM still names GB2312 for the quoted bytes.
    assert_read(text.encode("utf-8-sig"), description="")


def test_a_quoted_printable_value_cut_by_a_soft_line_break_is_refused() -> None:
    quoted = "".join(f"={b:02X}" for b in TITLE.encode("gb2312"))
    text = outlook(quoted[:30] + "=\r\n" + quoted[30:], location="", description="",
                   params=";ENCODING=QUOTED-PRINTABLE;CHARSET=GB2312", version="1.0")
    assert refusal(text.encode("ascii")).code == "ics.bad_encoding"


def test_valid_utf8_wins_over_a_stale_charset_parameter() -> None:
    # Re-saved as UTF-8 by an editor that kept Outlook's parameters.
    assert_read(outlook(params=";CHARSET=GB2312").encode("utf-8"))


def test_a_replacement_character_the_file_spells_is_kept() -> None:
    invitation = read_ics(outlook("第\ufffd次会议").encode("utf-8")).invitation
    assert invitation.title == "第\ufffd次会议"


@pytest.mark.parametrize("data", [
    pytest.param(outlook("\x00").encode().replace(b"\x00", b"\x81\x20\xff\x80\xfe"),
                 id="garbage bytes"),
    pytest.param(outlook("Réunion à Paris", location="Salle", description="x")
                 .encode("latin-1"), id="undeclared latin-1"),
    pytest.param(outlook("\x00").encode().replace(b"\x00", b"\xaa\xa1\xaa\xa2"),
                 id="gb bytes in the private use area"),
    pytest.param(outlook("\x00").encode().replace(b"\x00", b"\x07\x81\x40"),
                 id="control characters"),
    pytest.param(b"\xef\xbb\xbf" + outlook().encode("gb18030"), id="utf-8 BOM, gb18030 text"),
    pytest.param(b"\xff\xfe" + outlook().encode("utf-16-le")[:-1], id="utf-16 cut in half"),
    pytest.param(outlook(params=";CHARSET=UTF-8").encode("gb18030"), id="says utf-8, is not"),
    pytest.param(outlook(params=";CHARSET=Shift_JIS", summary="会議", location="会議室",
                         description="").encode("shift_jis"), id="unsupported charset"),
    pytest.param(outlook(params=";CHARSET=x-no-such-charset").encode("gb18030"),
                 id="unknown charset"),
    pytest.param(outlook().replace("SUMMARY:", "SUMMARY;CHARSET=GB2312:")
                 .replace("LOCATION:", "LOCATION;CHARSET=Big5:").encode("gb18030"),
                 id="two charsets"),
    pytest.param(outlook(params=";CHARSET=GB2312").encode("gb18030").replace(
        "第一".encode("gb18030"), b"\x81\x20"), id="says gb2312, is not"),
])
def test_files_that_decode_in_nothing_sure_are_refused(data: bytes) -> None:
    error = refusal(data)
    assert error.code == "ics.bad_encoding", error
    assert "编码" in error.message or "字符集" in error.message


def test_utf16_that_is_not_a_calendar_is_refused_as_such() -> None:
    assert refusal("hello, world".encode("utf-16")).code == "ics.not_calendar"


_CHINESE = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
                   | st.sampled_from("，。、；：（）《》“”——0123456789ABCabc "),
                   min_size=1, max_size=40).map(str.strip).filter(bool)


@settings(max_examples=60, deadline=None)
@given(title=_CHINESE, encoding=st.sampled_from(["gb18030", "utf-8", "utf-8-sig", "utf-16",
                                                 "utf-32"]))
def test_any_chinese_title_comes_back_exactly(title: str, encoding: str) -> None:
    data = outlook(title.replace(",", "\\,").replace(";", "\\;")).encode(encoding)
    assert read_ics(data).invitation.title == title


@settings(max_examples=200, deadline=None)
@given(noise=st.binary(min_size=1, max_size=40))
def test_any_bytes_are_read_without_replacement_characters_or_refused(noise: bytes) -> None:
    data = outlook("\x00").encode().replace(b"\x00", noise.replace(b"\n", b" "))
    try:
        invitations = parse_invitations(data)
    except ValidationError as error:
        assert error.code.startswith("ics.")
        return
    spelled = "\ufffd".encode() in data or "\ufffd".encode("gb18030") in data
    assert spelled or not any("\ufffd" in t for i in invitations for t in texts_of(i))


# --- what a file asks for ----------------------------------------------------------------------


def test_events_say_what_they_ask_for() -> None:
    assert read_ics(FOREIGN).kind is ImportKind.CREATE
    assert read_ics(FOREIGN.replace("END:VEVENT", "STATUS:CANCELLED\r\nEND:VEVENT")
                    ).kind is ImportKind.CANCEL
    cancel = read_ics(FOREIGN.replace("METHOD:REQUEST", "METHOD:CANCEL"))
    assert cancel.kind is ImportKind.CANCEL and cancel.invitation.cancelled
    override = FOREIGN.replace("DURATION:PT2H", "DURATION:PT2H\r\n"
                               "RECURRENCE-ID;TZID=China Standard Time:20261119T140000")
    moved = read_ics(override).invitation
    assert moved.kind is ImportKind.CHANGE_OCCURRENCE
    assert moved.occurrence == START.replace(day=19, hour=14, minute=0)
    assert read_ics(override.replace("METHOD:REQUEST", "METHOD:CANCEL")
                    ).kind is ImportKind.CANCEL_OCCURRENCE
    bad = override.replace(":20261119T140000", ":soon")
    assert refusal(bad).code == "ics.bad_time"


def _event(uid: str, title: str, *, occurrence: str = "") -> str:
    override = f"RECURRENCE-ID;TZID=Asia/Shanghai:{occurrence}\r\nSTATUS:CANCELLED\r\n" \
        if occurrence else "RRULE:FREQ=WEEKLY;COUNT=4\r\n"
    start = occurrence or "20261126T140000"
    return (f"BEGIN:VEVENT\r\nUID:{uid}\r\n{override}"
            f"DTSTART;TZID=Asia/Shanghai:{start}\r\nDURATION:PT1H\r\n"
            f"SUMMARY:{title}\r\nEND:VEVENT\r\n")


def test_one_import_takes_the_series_and_says_what_it_left_aside() -> None:
    # Calendars may list an override before its series; the series is the one imported.
    events = _event("u-1", "第3次", occurrence="20261210T140000") + _event("u-1", TITLE)
    text = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{events}END:VCALENDAR\r\n"
    ics = read_ics(text.encode("gb18030"))
    assert ics.invitation.occurrence is None and ics.invitation.title == TITLE
    assert ics.kind is ImportKind.CREATE and len(ics.left_aside) == 1
    assert left_aside_note(ics) == "文件中对该会议某几次的单独修改或取消（1处）未导入"
    two = text.replace("END:VCALENDAR", _event("u-2", "另一个会议") + "END:VCALENDAR")
    assert left_aside_note(read_ics(two)) == ("文件中对该会议某几次的单独修改或取消（1处）未导入；"
                                              "文件中另有1个会议未导入（每次导入一个会议）")
    assert left_aside_note(read_ics(outlook())) == ""
    only = f"BEGIN:VCALENDAR\r\n{_event('u-1', 'x', occurrence='20261210T140000')}END:VCALENDAR"
    assert read_ics(only).kind is ImportKind.CANCEL_OCCURRENCE


def test_exported_uids_name_their_meeting(desk: Desk) -> None:
    meeting = desk.create()
    assert meeting_id_in(uid_of(meeting)) == meeting.id
    assert meeting_id_in("040000008200E00074C5B7101A82E008") is None
    assert meeting_id_in("@officeapp") is None
    imported = replace(meeting, id="m-9", ics_uid="abc@example.org")
    assert with_uid([meeting, imported], "abc@example.org") == (imported,)
    assert with_uid([meeting, imported], f"{meeting.id}@officeapp") == (meeting,)
    assert with_uid([meeting, imported], "") == ()


# --- cancellation ------------------------------------------------------------------------------


def _cancel_file(meeting: Meeting, org: Organisation, desk: Desk, *,
                 method: IcsMethod = IcsMethod.CANCEL) -> bytes:
    gone = replace(meeting, status=MeetingStatus.CANCELLED)
    data = meeting_to_ics(gone, directory=directory(org), now=desk.clock, method=method)
    read_back(data)  # the second parser reads what we write, cancellations too
    return data


def _plan(desk: Desk, data: bytes | str, meetings: list[Meeting],
          username: str = "office.secretary") -> Cancellation | NewDraft:
    return plan_import(read_ics(data), meetings=meetings, actor=desk.actor(username),
                       now=desk.tick())


def _cancel(desk: Desk, step: Cancellation, meeting: Meeting) -> Meeting:
    outcome = decide_meeting(meeting, desk.actor("office.secretary"),
                             MeetingAction(K.CANCEL, reason=step.reason), desk.tick())
    assert isinstance(outcome, Accepted)
    return outcome.record


def test_status_cancelled_cancels_the_meeting_with_its_uid(org: Organisation,
                                                          desk: Desk) -> None:
    meeting, other = desk.notified(), desk.create(title="另一个会议")
    data = _cancel_file(meeting, org, desk, method=IcsMethod.REQUEST)
    assert b"METHOD:REQUEST" in data and b"STATUS:CANCELLED" in data
    step = _plan(desk, data, [other, meeting])
    assert isinstance(step, Cancellation)
    assert step.meetings == (meeting,) and step.reason == IMPORT_CANCEL_REASON
    cancelled = _cancel(desk, step, meeting)
    assert cancelled.status is MeetingStatus.CANCELLED
    assert cancelled.trace[-1].opinion == IMPORT_CANCEL_REASON


def test_method_cancel_matches_an_imported_meeting_by_its_foreign_uid(desk: Desk) -> None:
    fields = invitation_fields(read_ics(FOREIGN).invitation, rooms=DEMO_ROOMS)
    draft = create_meeting(meeting_id="m-outlook", actor=desk.actor("office.secretary"),
                           fields=fields, now=desk.tick())
    assert uid_of(draft) == "040000008200E00074C5B7101A82E008"
    # Outlook's cancellation: METHOD:CANCEL, no STATUS, saved as GB18030 on Chinese Windows.
    cancel = FOREIGN.replace("METHOD:REQUEST", "METHOD:CANCEL").replace(
        "SUMMARY:省厅视频会议分会场", "SUMMARY:已取消: 省厅视频会议分会场")
    step = _plan(desk, cancel.encode("gb18030"), [desk.create(), draft])
    assert isinstance(step, Cancellation) and step.meetings == (draft,)
    assert step.invitation.title == "已取消: 省厅视频会议分会场"


def test_a_series_is_cancelled_whole_by_its_uid(org: Organisation, desk: Desk) -> None:
    series = desk.notified(recurrence="FREQ=WEEKLY;COUNT=4")
    step = _plan(desk, _cancel_file(series, org, desk), [series])
    assert isinstance(step, Cancellation) and step.meetings == (series,)
    assert _cancel(desk, step, series).status is MeetingStatus.CANCELLED


def test_every_live_copy_with_the_uid_is_cancelled(desk: Desk) -> None:
    fields = invitation_fields(read_ics(FOREIGN).invitation, rooms=DEMO_ROOMS)
    actor = desk.actor("office.secretary")
    first, second, gone = (create_meeting(meeting_id=f"m-{n}", actor=actor, fields=fields,
                                          now=desk.tick()) for n in "abc")
    gone = _cancel(desk, Cancellation(read_ics(FOREIGN).invitation, (gone,)), gone)
    step = _plan(desk, FOREIGN.replace("METHOD:REQUEST", "METHOD:CANCEL"),
                 [first, gone, second])
    assert isinstance(step, Cancellation) and step.meetings == (first, second)


def _refused(desk: Desk, data: bytes | str, meetings: list[Meeting],
             username: str = "office.secretary") -> DomainError:
    with pytest.raises(DomainError) as error:
        _plan(desk, data, meetings, username)
    assert error.value.message and not error.value.message.isascii()
    return error.value


def test_a_cancellation_for_no_meeting_here_creates_nothing(org: Organisation,
                                                           desk: Desk) -> None:
    elsewhere = desk.notified()
    data = _cancel_file(elsewhere, org, desk)
    error = _refused(desk, data, [desk.create()])
    assert error.code == "ics.meeting_not_found"
    assert error.message.startswith("本机没有找到日历文件要取消的会议“市政府第12次常务会议”")
    assert "未做任何更改" in error.message


def test_a_cancellation_says_when_it_cannot_be_done(org: Organisation, desk: Desk) -> None:
    meeting = desk.notified()
    data = _cancel_file(meeting, org, desk)
    gone = desk.do(meeting, "office.secretary", K.CANCEL, reason="改期")
    assert _refused(desk, data, [gone]).code == "ics.already_cancelled"
    forbidden = _refused(desk, data, [meeting], username="finance.clerk")
    assert isinstance(forbidden, ForbiddenError) and forbidden.code == "meeting.forbidden"
    assert forbidden.message.startswith("不能按日历文件取消会议“市政府第12次常务会议”：")
    held = replace(meeting, status=MeetingStatus.HELD)
    assert _refused(desk, data, [held]).code == "meeting.wrong_status"


# --- one occurrence of a series (RECURRENCE-ID) ------------------------------------------------


def _override(series: Meeting, org: Organisation, desk: Desk, *, index: int,
              method: IcsMethod, **changes: object) -> bytes:
    """Return an override of the `index`th occurrence, as calendars send it."""
    start, end = occurrences(series.start, series.end, series.recurrence)[index]
    moved = replace(series, **{"recurrence": None, "start": start, "end": end, **changes})
    data = meeting_to_ics(moved, directory=directory(org), now=desk.clock, method=method)
    local = start.astimezone(SHANGHAI).strftime("%Y%m%dT%H%M%S")
    return data.replace(b"DTSTART;", f"RECURRENCE-ID;TZID=Asia/Shanghai:{local}\r\n"
                                     "DTSTART;".encode())


def test_cancelling_one_occurrence_of_a_series_is_refused_clearly(org: Organisation,
                                                                 desk: Desk) -> None:
    series = desk.notified(recurrence="FREQ=WEEKLY;COUNT=4")
    data = _override(series, org, desk, index=1, method=IcsMethod.CANCEL,
                     status=MeetingStatus.CANCELLED)
    read_back(data)
    assert read_ics(data).kind is ImportKind.CANCEL_OCCURRENCE
    error = _refused(desk, data, [series])
    assert error.code == "ics.occurrence_cancel_unsupported"
    assert error.message == (
        "日历文件要单独取消周期性会议“市政府第12次常务会议”中2026-12-02 09:00的那一次。"
        "本系统不能单独取消周期性会议中的某一次，未做任何更改，也未新建会议")


def test_moving_or_retitling_one_occurrence_of_a_series_is_refused_clearly(
        org: Organisation, desk: Desk) -> None:
    series = desk.notified(recurrence="FREQ=WEEKLY;COUNT=4")
    for changes in ({"start": START + timedelta(days=8), "end": START + timedelta(days=8,
                                                                                  hours=1)},
                    {"title": "市政府第12次常务会议（扩大）"}):
        data = _override(series, org, desk, index=1, method=IcsMethod.REQUEST, **changes)
        assert read_ics(data).kind is ImportKind.CHANGE_OCCURRENCE
        error = _refused(desk, data, [series])
        assert error.code == "ics.occurrence_change_unsupported"
        assert "本系统不能单独修改周期性会议中的某一次，未做任何更改，也未新建会议" in error.message


def test_an_occurrence_of_a_series_not_held_here_is_a_meeting_of_its_own(
        org: Organisation, desk: Desk) -> None:
    series = desk.notified(recurrence="FREQ=WEEKLY;COUNT=4")
    data = _override(series, org, desk, index=2, method=IcsMethod.REQUEST)
    step = _plan(desk, data, [desk.create()])
    assert isinstance(step, NewDraft)
    fields = invitation_fields(step.invitation, rooms=DEMO_ROOMS)
    assert fields["recurrence"] is None and fields["start"] == START + timedelta(days=14)
    # Once imported, the series' cancellation of that occurrence cancels that meeting.
    one = create_meeting(meeting_id="m-one", actor=desk.actor("office.secretary"),
                         fields=fields, now=desk.tick())
    cancel = _override(series, org, desk, index=2, method=IcsMethod.CANCEL)
    step = _plan(desk, cancel, [one])
    assert isinstance(step, Cancellation) and step.meetings == (one,)
    other = _override(series, org, desk, index=3, method=IcsMethod.CANCEL)
    assert _refused(desk, other, [one]).code == "ics.meeting_not_found"


def test_a_plain_invitation_is_always_a_new_draft(desk: Desk) -> None:
    step = plan_import(IcsImport(read_ics(FOREIGN).invitation), meetings=[],
                       actor=desk.actor("office.secretary"), now=desk.tick())
    assert isinstance(step, NewDraft)
