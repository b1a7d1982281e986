"""Minutes: 出席/请假/列席/缺席 derived from replies and sign-in; decisions opening supervision."""

from __future__ import annotations

from datetime import date, timedelta

from officeapp.core.verdict import Accepted
from officeapp.demo import EDU_ID, FINANCE_ID
from officeapp.meetings import (
    SUPERVISION_SOURCE,
    AttendanceEntry,
    Decision,
    Meeting,
    MeetingActionKind,
    MeetingStatus,
    OpenSupervisionItem,
    attendance,
)
from officeapp.workflow import Notify

from .conftest import END, START, Desk

K = MeetingActionKind

DECISIONS = (
    Decision(0, "市财政局牵头，于12月底前完成2027年预算草案修改。", FINANCE_ID, (EDU_ID,),
             date(2026, 12, 31)),
    Decision(0, "原则同意全市教育工作情况汇报。"),
)


def held_meeting(desk: Desk) -> Meeting:
    """A meeting where one invitee sent a deputy, one is on leave, a unit named two people."""
    meeting = desk.notified()
    meeting = desk.do(meeting, "office.deputy", K.REPLY, reply="delegate",
                      deputy="office.reviewer")
    meeting = desk.do(meeting, "finance.leader", K.REPLY, reply="leave", reason="赴省财政厅汇报")
    meeting = desk.do(meeting, "edu.clerk", K.REPLY, reply="attend",
                      people=["edu.leader", "edu.clerk"])
    desk.at(START - timedelta(minutes=5))
    meeting = desk.do(meeting, "office.reviewer", K.CHECK_IN, check_in_code="4821")
    meeting = desk.do(meeting, "office.leader", K.CHECK_IN, check_in_code="4821")
    meeting = desk.do(meeting, "office.supervisor", K.CHECK_IN, check_in_code="4821")
    meeting = desk.do(meeting, "office.secretary", K.CHECK_IN, person="edu.clerk")
    desk.at(END)
    return meeting


def test_attendance_lists_follow_replies_and_sign_in(desk: Desk) -> None:
    lists = attendance(held_meeting(desk))
    assert lists.present == (
        AttendanceEntry(person_id="p-office.reviewer", on_behalf_of="p-office.deputy"),
        AttendanceEntry(person_id="p-office.leader"),
        AttendanceEntry(person_id="p-edu.clerk"),
    )
    assert lists.on_leave == (AttendanceEntry(person_id="p-finance.leader",
                                              reason="赴省财政厅汇报"),)
    assert lists.sitting_in == (AttendanceEntry(person_id="p-office.supervisor"),)
    assert lists.absent == (AttendanceEntry(person_id="p-edu.leader", unit_id=EDU_ID),)


def test_a_unit_that_never_replied_and_never_came_is_absent(desk: Desk) -> None:
    meeting = desk.notified()
    desk.at(START)
    lists = attendance(desk.do(meeting, "office.secretary", K.CHECK_IN, person="office.deputy"))
    assert AttendanceEntry(unit_id=EDU_ID) in lists.absent
    assert AttendanceEntry(person_id="p-finance.leader") in lists.absent
    assert AttendanceEntry(person_id="p-office.supervisor") in lists.absent


def test_someone_on_leave_who_came_after_all_is_present(desk: Desk) -> None:
    meeting = desk.notified()
    meeting = desk.do(meeting, "finance.leader", K.REPLY, reply="leave", reason="出差")
    desk.at(START)
    meeting = desk.do(meeting, "finance.leader", K.CHECK_IN, check_in_code="4821")
    lists = attendance(meeting)
    assert AttendanceEntry(person_id="p-finance.leader") in lists.present
    assert all(e.person_id != "p-finance.leader" for e in lists.on_leave + lists.absent)


def test_the_recorder_records_minutes_with_derived_lists(desk: Desk) -> None:
    meeting = held_meeting(desk)
    assert desk.refuse(meeting, "office.secretary", K.RECORD_MINUTES) == (
        "meeting.minutes_required")
    assert desk.refuse(meeting, "finance.leader", K.RECORD_MINUTES, text="x") == (
        "meeting.forbidden")
    recorded = desk.do(meeting, "office.secretary", K.RECORD_MINUTES,
                       text="会议研究了预算编制和教育工作。", decisions=DECISIONS)
    minutes = recorded.minutes
    assert minutes is not None and recorded.status is MeetingStatus.HELD
    assert [d.no for d in minutes.decisions] == [1, 2]
    assert minutes.attendance == attendance(meeting) and minutes.published_at is None
    assert desk.refuse(recorded, "office.secretary", K.OPEN_SUPERVISION, decision_no=1,
                       supervision_item_id="s-1") == "meeting.wrong_status"


def test_minutes_wait_for_the_meeting_to_start(desk: Desk) -> None:
    meeting = desk.notified()
    assert desk.refuse(meeting, "office.secretary", K.RECORD_MINUTES, text="x") == (
        "meeting.not_started")
    assert desk.refuse(meeting, "office.secretary", K.PUBLISH_MINUTES) == "meeting.wrong_status"


def test_publishing_fixes_the_minutes_and_tells_who_came(desk: Desk) -> None:
    meeting = desk.do(held_meeting(desk), "office.secretary", K.RECORD_MINUTES,
                      text="纪要正文", decisions=DECISIONS)
    outcome = desk.try_(meeting, "office.secretary", K.PUBLISH_MINUTES)
    assert isinstance(outcome, Accepted)
    published = outcome.record
    assert published.status is MeetingStatus.MINUTED
    assert published.minutes is not None and published.minutes.published_at == desk.clock
    (note,) = outcome.effects
    assert isinstance(note, Notify) and "p-office.reviewer" in note.person_ids
    assert desk.refuse(published, "office.secretary", K.RECORD_MINUTES, text="改") == (
        "meeting.wrong_status")


def published_meeting(desk: Desk) -> Meeting:
    meeting = desk.do(held_meeting(desk), "office.secretary", K.RECORD_MINUTES,
                      text="纪要正文", decisions=DECISIONS)
    return desk.do(meeting, "office.secretary", K.PUBLISH_MINUTES)


def test_a_decision_opens_a_supervision_item_linked_back(desk: Desk) -> None:
    meeting = published_meeting(desk)
    outcome = desk.try_(meeting, "office.supervisor", K.OPEN_SUPERVISION, decision_no=1,
                        supervision_item_id="sup-0001")
    assert isinstance(outcome, Accepted)
    (effect,) = outcome.effects
    assert effect == OpenSupervisionItem(
        item_id="sup-0001", source=SUPERVISION_SOURCE,
        title="市财政局牵头，于12月底前完成2027年预算草案修改。",
        content="市财政局牵头，于12月底前完成2027年预算草案修改。", lead_unit_id=FINANCE_ID,
        co_unit_ids=(EDU_ID,), deadline=date(2026, 12, 31), meeting_id=meeting.id,
        decision_no=1, meeting_title="市政府第12次常务会议",
        link_label="市政府第12次常务会议第1项议定事项", opened_by="p-office.supervisor")
    assert effect.source == "会议议定"
    linked = outcome.record.minutes
    assert linked is not None and linked.decisions[0].supervision_item_id == "sup-0001"
    assert desk.refuse(outcome.record, "office.supervisor", K.OPEN_SUPERVISION, decision_no=1,
                       supervision_item_id="sup-0002") == "meeting.already_supervised"


def test_only_supervisors_open_items_from_complete_decisions(desk: Desk) -> None:
    meeting = published_meeting(desk)
    assert desk.refuse(meeting, "office.supervisor", K.OPEN_SUPERVISION, decision_no=2,
                       supervision_item_id="s") == "meeting.decision_incomplete"
    assert desk.refuse(meeting, "office.supervisor", K.OPEN_SUPERVISION, decision_no=9,
                       supervision_item_id="s") == "meeting.unknown_decision"
    assert desk.refuse(meeting, "office.supervisor", K.OPEN_SUPERVISION, decision_no=1) == (
        "meeting.item_id_required")
    for username in ("office.secretary", "finance.leader", "office.leader"):
        assert desk.refuse(meeting, username, K.OPEN_SUPERVISION, decision_no=1,
                           supervision_item_id="s") == "meeting.forbidden"
    assert desk.do(meeting, "office.supervisor", K.OPEN_SUPERVISION, decision_no=1,
                   supervision_item_id="s").version == meeting.version + 1
