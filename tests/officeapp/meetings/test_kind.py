"""会议 as a record kind: its inbox entries say what the meeting rules say waits for whom."""

from __future__ import annotations

from officeapp.core.inbox import reaches
from officeapp.demo import DEMO_PEOPLE
from officeapp.meetings import Meeting, MeetingActionKind, MeetingStatus, current_replies
from officeapp.meetings.attendance import expected_people
from officeapp.meetings.codec import meeting_from_dict, meeting_to_dict
from officeapp.meetings.kind import MEETING, materials
from officeapp.meetings.rules import CHECK_IN_CLOSES, replyable_attendees
from officeapp.org import Actor

from .conftest import END, START, Desk

K = MeetingActionKind
PEOPLE = [p.username for p in DEMO_PEOPLE]


def asks(meeting: Meeting, actor: Actor, task: str) -> bool:
    return any(reaches(e, actor) and not e.done and e.task == task
               for e in MEETING.inbox(meeting))


def may_reply(meeting: Meeting, actor: Actor) -> bool:
    """The rules: an invitation the actor may answer for, not answered yet, once notified."""
    replied = current_replies(meeting)
    return meeting.status is MeetingStatus.NOTIFIED and any(
        a not in replied for a in replyable_attendees(meeting, actor))


def test_invitations_not_answered_wait_for_whoever_may_reply(desk: Desk) -> None:
    notified = desk.notified()
    replied = desk.do(notified, "finance.leader", K.REPLY, reply="attend")
    replied = desk.do(replied, "edu.clerk", K.REPLY, reply="attend", people=["edu.leader"])
    for meeting in (desk.create(), notified, replied):
        for username in PEOPLE:
            actor = desk.actor(username)
            assert asks(meeting, actor, "reply") == may_reply(meeting, actor), username
    done = {(e.person_id, e.task) for e in MEETING.inbox(replied) if e.done}
    assert done == {("p-finance.leader", "reply"), ("p-edu.clerk", "reply")}


def test_the_people_expected_have_to_check_in_until_they_did(desk: Desk) -> None:
    meeting = desk.do(desk.notified(), "edu.clerk", K.REPLY, reply="attend",
                      people=["edu.leader"])
    desk.at(START)
    signed = desk.do(meeting, "finance.leader", K.CHECK_IN, check_in_code="4821")
    for record in (meeting, signed):
        waiting = expected_people(record) - {c.person_id for c in record.check_ins}
        for username in PEOPLE:
            actor = desk.actor(username)
            assert asks(record, actor, "check_in") == (actor.person_id in waiting), username
    [entry] = [e for e in MEETING.inbox(signed) if e.task == "check_in" and e.done]
    assert entry.person_id == "p-finance.leader"
    assert {e.expires for e in MEETING.inbox(signed) if e.task == "check_in" and not e.done} == {
        min(END, START + CHECK_IN_CLOSES)}


def test_the_kind_codec_and_files_are_the_meetings(desk: Desk) -> None:
    meeting = desk.create()
    assert MEETING.to_dict is meeting_to_dict and MEETING.from_dict is meeting_from_dict
    assert MEETING.from_dict(MEETING.to_dict(meeting)) == meeting
    assert [f.sha256 for f in materials(meeting)] == list(MEETING.attachments(meeting))
    assert list(MEETING.attachments(meeting)) == ["ab" * 32]
    assert MEETING.record_id(meeting) == meeting.id and MEETING.columns["start"](meeting) == START
