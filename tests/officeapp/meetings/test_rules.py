"""Booking, notice, replies, reminders, sign-in, cancelling: who may do what, and what follows."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from officeapp.core.verdict import Accepted, Rejected
from officeapp.demo import EDU_ID, FINANCE_ID
from officeapp.errors import ForbiddenError, ValidationError
from officeapp.meetings import (
    Attendee,
    BookingState,
    CheckInMethod,
    MeetingActionKind,
    MeetingStatus,
    ReplyKind,
    RequestRoomApproval,
    available_meeting_actions,
    current_replies,
    due_reminders,
    sitting_of,
)
from officeapp.org import Delegation, Organisation
from officeapp.workflow import Notify

from .conftest import END, ROOMS, START, Desk, person

K = MeetingActionKind
EDU = Attendee.unit(EDU_ID)


# --- creating and editing --------------------------------------------------------------------


def test_a_secretary_creates_a_draft_for_their_unit(desk: Desk) -> None:
    meeting = desk.create()
    assert meeting.status is MeetingStatus.DRAFT and meeting.organiser_unit_id == "u-office"
    assert [a.order for a in meeting.agenda] == [1, 2]
    assert meeting.agenda[0].materials[0].size == 1024
    assert meeting.trace[0].action is K.CREATE and meeting.version == 1


def test_creating_needs_an_organiser_and_valid_fields(desk: Desk) -> None:
    with pytest.raises(ForbiddenError):
        desk.create("office.leader")
    cases = {"meeting.invalid_title": {"title": " "},
             "meeting.invalid_meeting_type": {"meeting_type": "茶话会"},
             "meeting.bad_time": {"end": START.isoformat()},
             "meeting.naive_time": {"start": "2026-11-25T09:00:00"},
             "meeting.invalid_attendees": {"attendees": [{"kind": "robot", "id": "x"}]},
             "meeting.invalid_sit_in": {"sit_in": [{"kind": "person", "id": "p-office.deputy"}]},
             "meeting.invalid_check_in_code": {"check_in_code": "12ab"},
             "meeting.unknown_field": {"colour": "red"}}
    for code, fields in cases.items():
        with pytest.raises(ValidationError) as error:
            desk.create(**fields)
        assert error.value.code == code, fields


def test_only_the_organisers_staff_edit_and_only_before_the_start(desk: Desk) -> None:
    meeting = desk.create()
    edited = desk.do(meeting, "office.clerk", K.EDIT, changes={"title": "市政府第13次常务会议"})
    assert edited.title == "市政府第13次常务会议" and edited.trace[-1].action is K.EDIT
    assert desk.refuse(meeting, "finance.clerk", K.EDIT, changes={"title": "x"}) == (
        "meeting.forbidden")
    assert desk.refuse(meeting, "office.leader", K.EDIT, changes={"title": "x"}) == (
        "meeting.forbidden")
    assert desk.refuse(meeting, "office.clerk", K.EDIT) == "meeting.nothing_changed"
    notified = desk.notified()
    desk.at(START)
    assert desk.refuse(notified, "office.secretary", K.EDIT, changes={"title": "x"}) == (
        "meeting.in_past")


# --- 会议变更: a change after the notice ------------------------------------------------------


def test_a_new_time_after_the_notice_sends_a_change_notice_and_voids_the_replies(
        desk: Desk) -> None:
    notified = desk.notified()
    replied = desk.do(notified, "finance.leader", K.REPLY, reply="attend")
    replied = desk.do(replied, "office.deputy", K.REPLY, reply="leave", reason="外出")
    later = {"start": (START + timedelta(days=1)).isoformat(),
             "end": (END + timedelta(days=1)).isoformat()}
    outcome = desk.try_(replied, "office.secretary", K.EDIT, changes=later)
    assert isinstance(outcome, Accepted)
    moved = outcome.record
    assert moved.status is MeetingStatus.NOTIFIED and moved.replies == ()
    details = moved.trace[-1].details
    assert details["changed"]["start"] == [START.isoformat(), later["start"]]
    assert {(r["by"], r["kind"]) for r in details["replies_reset"]} == {
        ("孙局长", "attend"), ("陈副主任", "leave")}
    (notice,) = [e for e in outcome.effects if isinstance(e, Notify)
                 and e.reason == "meeting.changed"]
    assert {"p-finance.leader", "p-office.deputy", "p-office.supervisor",
            "p-office.leader"} <= set(notice.person_ids)
    assert [h.unit_id for h in notice.holders] == [EDU_ID]
    assert moved.booking is None  # the room must be booked again for the new time
    rebooked = desk.booked(moved)
    assert rebooked.booking is not None and rebooked.status is MeetingStatus.NOTIFIED


def test_a_new_place_keeps_the_replies_and_a_title_sends_no_notice(desk: Desk) -> None:
    replied = desk.do(desk.notified(), "finance.leader", K.REPLY, reply="attend")
    outcome = desk.try_(replied, "office.secretary", K.EDIT, changes={"location": "三楼会议室"})
    assert isinstance(outcome, Accepted)
    assert outcome.record.replies == replied.replies
    assert outcome.record.trace[-1].details["changed"] == {"location": ["", "三楼会议室"]}
    assert any(isinstance(e, Notify) and e.reason == "meeting.changed" for e in outcome.effects)
    quiet = desk.try_(replied, "office.secretary", K.EDIT, changes={"notes": "带笔记本"})
    assert isinstance(quiet, Accepted) and quiet.effects == ()
    assert "changed" not in quiet.record.trace[-1].details


def test_moving_a_booked_meeting_releases_its_room(desk: Desk) -> None:
    meeting = desk.booked(desk.create())
    same = desk.do(meeting, "office.secretary", K.EDIT, changes={"notes": "带笔记本"})
    assert same.booking == meeting.booking
    moved = desk.do(meeting, "office.secretary", K.EDIT,
                    changes={"start": (START + timedelta(hours=1)).isoformat(),
                             "end": (END + timedelta(hours=1)).isoformat()})
    assert moved.booking is None and moved.trace[-1].details["room_released"] is True


# --- booking ---------------------------------------------------------------------------------


def test_booking_a_free_room_confirms_it(desk: Desk) -> None:
    outcome = desk.try_(desk.create(), "office.secretary", K.BOOK, schedule=desk.schedule())
    assert isinstance(outcome, Accepted)
    booking = outcome.record.booking
    assert booking is not None and booking.state is BookingState.BOOKED
    assert booking.booked_by_name == "王秘书" and outcome.effects == ()


def test_booking_needs_rooms_and_a_future_time(desk: Desk) -> None:
    meeting = desk.create()
    assert desk.refuse(meeting, "office.secretary", K.BOOK) == "meeting.schedule_required"
    assert desk.refuse(meeting, "office.secretary", K.BOOK, schedule=desk.schedule(),
                       room_id="r-none") == "meeting.unknown_room"
    assert desk.refuse(meeting, "finance.clerk", K.BOOK, schedule=desk.schedule()) == (
        "meeting.forbidden")
    desk.at(START)
    assert desk.refuse(meeting, "office.secretary", K.BOOK, schedule=desk.schedule()) == (
        "meeting.in_past")


def test_a_room_needing_approval_waits_for_its_approver(desk: Desk) -> None:
    meeting = desk.create()
    outcome = desk.try_(meeting, "office.secretary", K.BOOK, schedule=desk.schedule(),
                        room_id="r-big")
    assert isinstance(outcome, Accepted)
    pending = outcome.record
    assert pending.booking is not None and pending.booking.state is BookingState.PENDING
    request = outcome.effects[0]
    assert isinstance(request, RequestRoomApproval)
    assert (request.room_id, request.approver_id) == ("r-big", "p-office.leader")
    assert desk.refuse(pending, "office.secretary", K.SEND_NOTICE) == "meeting.room_pending"
    assert desk.refuse(pending, "office.deputy", K.APPROVE_ROOM) == "meeting.forbidden"
    assert desk.refuse(pending, "office.leader", K.REFUSE_ROOM) == "meeting.reason_required"
    refused = desk.do(pending, "office.leader", K.REFUSE_ROOM, reason="当天另有安排")
    assert refused.booking is not None and refused.booking.state is BookingState.REFUSED
    assert desk.refuse(refused, "office.secretary", K.SEND_NOTICE) == "meeting.room_not_booked"
    approved = desk.do(pending, "office.leader", K.APPROVE_ROOM)
    assert approved.booking is not None and approved.booking.state is BookingState.BOOKED
    assert desk.refuse(approved, "office.leader", K.APPROVE_ROOM) == "meeting.not_pending"
    assert desk.do(approved, "office.secretary", K.SEND_NOTICE).status is MeetingStatus.NOTIFIED


def test_an_approver_away_is_covered_by_their_delegate(org: Organisation, desk: Desk) -> None:
    pending = desk.do(desk.create(), "office.secretary", K.BOOK, schedule=desk.schedule(),
                      room_id="r-big")
    away = Delegation("p-office.leader", "p-office.deputy", START - timedelta(days=5), END)
    desk.org = Organisation(org.units.values(), org.people.values(), [away])
    approved = desk.do(pending, "office.deputy", K.APPROVE_ROOM)
    assert approved.trace[-1].on_behalf_of == "p-office.leader"


def test_the_offline_double_booking_race_has_one_winner(desk: Desk) -> None:
    ours = desk.create(meeting_id="m-office")
    theirs = desk.create("finance.clerk", meeting_id="m-finance", title="财政局预算协调会",
                         meeting_type="协调会", host_id="p-finance.leader",
                         attendees=[{"kind": "unit", "id": EDU_ID}], sit_in=[])
    # Offline, each client sees an empty room and books it.
    assert desk.booked(ours).booking is not None
    local = desk.do(theirs, "finance.clerk", K.BOOK, schedule=desk.schedule())
    assert local.booking is not None
    # The server decides in arrival order, each against the server's own bookings.
    server_ours = desk.booked(ours, others=[])
    outcome = desk.try_(theirs, "finance.clerk", K.BOOK, schedule=desk.schedule([server_ours]))
    assert isinstance(outcome, Rejected)
    rejection = outcome.rejection
    assert rejection.code == "meeting.room_taken"
    assert rejection.details["holder_meeting_id"] == "m-office"
    assert rejection.details["holder_booked_by_name"] == "王秘书"
    assert rejection.details["start"] == START.isoformat()
    assert [r["id"] for r in rejection.details["free_rooms"]] == ["r-2", "r-big"]
    assert "第一会议室" in rejection.message and "王秘书" in rejection.message
    assert "市政府第12次常务会议" in rejection.message and "第二会议室" in rejection.message
    retry = desk.try_(theirs, "finance.clerk", K.BOOK, schedule=desk.schedule([server_ours]),
                      room_id="r-2")
    assert isinstance(retry, Accepted)


def test_busy_people_and_a_small_room_are_warnings_not_refusals(desk: Desk) -> None:
    first = desk.notified()
    second = desk.create(meeting_id="m-second", room_id="r-2", attendees=[
        {"kind": "person", "id": p.id} for p in desk.org.people.values()
        if p.id != "p-office.leader"], sit_in=[{"kind": "unit", "id": EDU_ID},
                                                {"kind": "unit", "id": FINANCE_ID}])
    outcome = desk.try_(second, "office.secretary", K.BOOK, schedule=desk.schedule([first]))
    assert isinstance(outcome, Accepted)
    codes = [w.code for w in outcome.warnings]
    assert "meeting.host_busy" in codes and "meeting.person_busy" in codes
    assert "meeting.room_too_small" in codes


def test_a_recurring_booking_is_refused_when_any_occurrence_is_taken(desk: Desk) -> None:
    later = desk.booked(desk.create(meeting_id="m-later", start=(START + timedelta(weeks=3))
                                    .isoformat(), end=(END + timedelta(weeks=3)).isoformat()))
    series = desk.create(meeting_id="m-weekly", title="周例会", recurrence="FREQ=WEEKLY;COUNT=4")
    outcome = desk.try_(series, "office.secretary", K.BOOK, schedule=desk.schedule([later]))
    assert isinstance(outcome, Rejected)
    assert outcome.rejection.code == "meeting.room_taken"
    assert outcome.rejection.details["start"] == (START + timedelta(weeks=3)).isoformat()


# --- notice ----------------------------------------------------------------------------------


def test_a_notice_goes_to_every_person_and_the_units_offices(desk: Desk) -> None:
    meeting = desk.booked(desk.create())
    outcome = desk.try_(meeting, "office.secretary", K.SEND_NOTICE, check_in_code="4821")
    assert isinstance(outcome, Accepted)
    assert outcome.record.status is MeetingStatus.NOTIFIED
    assert outcome.record.check_in_code == "4821"
    notice = outcome.effects[0]
    assert isinstance(notice, Notify) and notice.reason == "meeting.notice"
    assert set(notice.person_ids) == {"p-office.deputy", "p-finance.leader",
                                      "p-office.supervisor", "p-office.leader"}
    assert [h.unit_id for h in notice.holders] == [EDU_ID]


def test_a_notice_needs_invitees_and_a_place(desk: Desk) -> None:
    empty = desk.booked(desk.create(attendees=[], sit_in=[]))
    assert desk.refuse(empty, "office.secretary", K.SEND_NOTICE) == "meeting.no_attendees"
    unbooked = desk.create()
    assert desk.refuse(unbooked, "office.secretary", K.SEND_NOTICE) == "meeting.room_not_booked"
    nowhere = desk.create(room_id=None)
    assert desk.refuse(nowhere, "office.secretary", K.SEND_NOTICE) == "meeting.place_required"
    outside = desk.create(room_id=None, location="安源区现场")
    assert desk.do(outside, "office.secretary", K.SEND_NOTICE).status is MeetingStatus.NOTIFIED
    assert desk.refuse(desk.booked(desk.create()), "office.leader", K.SEND_NOTICE) == (
        "meeting.forbidden")


# --- replies ---------------------------------------------------------------------------------


def test_invitees_reply_attend_leave_or_delegate(desk: Desk) -> None:
    meeting = desk.notified()
    meeting = desk.do(meeting, "finance.leader", K.REPLY, reply="attend")
    assert desk.refuse(meeting, "office.deputy", K.REPLY, reply="leave") == (
        "meeting.reason_required")
    meeting = desk.do(meeting, "office.deputy", K.REPLY, reply="delegate",
                      deputy="office.reviewer")
    outcome = desk.try_(meeting, "office.supervisor", K.REPLY, reply="leave", reason="外出督查")
    assert isinstance(outcome, Accepted)
    replies = current_replies(outcome.record)
    assert replies[person("p-finance.leader")].kind is ReplyKind.ATTEND
    assert replies[person("p-office.deputy")].deputy_id == "p-office.reviewer"
    assert replies[person("p-office.supervisor")].reason == "外出督查"


def test_a_delegated_deputy_is_told(desk: Desk) -> None:
    meeting = desk.notified()
    outcome = desk.try_(meeting, "office.deputy", K.REPLY, reply="delegate",
                        deputy="office.reviewer")
    assert isinstance(outcome, Accepted)
    assert outcome.effects == (Notify("meeting.notice", person_ids=("p-office.reviewer",)),)
    assert desk.refuse(meeting, "office.deputy", K.REPLY, reply="delegate") == (
        "meeting.deputy_required")
    assert desk.refuse(meeting, "office.deputy", K.REPLY, reply="delegate",
                       deputy="office.deputy") == "meeting.bad_deputy"


def test_a_unit_replies_naming_who_attends(desk: Desk) -> None:
    meeting = desk.notified()
    assert desk.refuse(meeting, "edu.clerk", K.REPLY, reply="attend") == (
        "meeting.people_required")
    assert desk.refuse(meeting, "edu.clerk", K.REPLY, reply="attend",
                       people=["edu.leader", "finance.clerk"]) == "meeting.not_in_unit"
    assert desk.refuse(meeting, "edu.clerk", K.REPLY, reply="delegate",
                       deputy="edu.leader") == "meeting.bad_reply"
    replied = desk.do(meeting, "edu.clerk", K.REPLY, reply="attend",
                      people=["edu.leader", "edu.clerk"])
    reply = current_replies(replied)[EDU]
    assert reply.people == ("p-edu.leader", "p-edu.clerk") and reply.replied_by == "p-edu.clerk"
    assert replied.trace[-1].details["people"] == ["p-edu.leader", "p-edu.clerk"]


def test_only_invitees_reply(desk: Desk) -> None:
    meeting = desk.notified()
    assert desk.refuse(meeting, "finance.clerk", K.REPLY, reply="attend") == (
        "meeting.not_invited")
    assert desk.refuse(meeting, "finance.clerk", K.REPLY, reply="attend", attendee=EDU,
                       people=["edu.clerk"]) == "meeting.not_invited"
    assert desk.refuse(meeting, "office.clerk", K.REPLY, reply="attend",
                       attendee=person("p-office.deputy")) == "meeting.not_invited"
    assert desk.refuse(desk.booked(desk.create()), "office.deputy", K.REPLY,
                       reply="attend") == "meeting.wrong_status"


def test_a_later_reply_supersedes_but_the_earlier_stays(desk: Desk) -> None:
    meeting = desk.notified()
    meeting = desk.do(meeting, "finance.leader", K.REPLY, reply="attend")
    meeting = desk.do(meeting, "finance.leader", K.REPLY, reply="leave", reason="临时出差")
    assert [r.kind for r in meeting.replies] == [ReplyKind.ATTEND, ReplyKind.LEAVE]
    assert current_replies(meeting)[person("p-finance.leader")].kind is ReplyKind.LEAVE
    assert [e.details.get("reply") for e in meeting.trace if e.action is K.REPLY] == [
        "attend", "leave"]


def test_someone_acting_for_an_invitee_replies_for_them(org: Organisation, desk: Desk) -> None:
    meeting = desk.notified()
    away = Delegation("p-finance.leader", "p-finance.clerk", START - timedelta(days=5), END)
    desk.org = Organisation(org.units.values(), org.people.values(), [away])
    meeting = desk.do(meeting, "finance.clerk", K.REPLY, reply="leave", reason="在省里开会")
    reply = current_replies(meeting)[person("p-finance.leader")]
    assert reply.on_behalf_of == "p-finance.leader" and reply.replied_by == "p-finance.clerk"


def test_replies_close_when_the_meeting_ends(desk: Desk) -> None:
    meeting = desk.notified()
    desk.at(END)
    assert desk.refuse(meeting, "finance.leader", K.REPLY, reply="attend") == (
        "meeting.reply_closed")


# --- reminders -------------------------------------------------------------------------------


def test_reminders_are_due_only_to_those_who_have_not_replied(desk: Desk) -> None:
    meeting = desk.notified()
    meeting = desk.do(meeting, "finance.leader", K.REPLY, reply="attend")
    meeting = desk.do(meeting, "edu.clerk", K.REPLY, reply="attend", people=["edu.clerk"])
    assert due_reminders([meeting], START - timedelta(hours=25)) == ()
    (due,) = due_reminders([meeting], START - timedelta(hours=23))
    assert set(due.person_ids) == {"p-office.deputy", "p-office.supervisor"}
    assert due.unit_ids == () and due.start == START
    assert due_reminders([meeting], START - timedelta(hours=2), lead=timedelta(hours=1)) == ()
    assert due_reminders([meeting], START) == ()


def test_a_reminder_is_sent_once_per_window(desk: Desk) -> None:
    meeting = desk.notified()
    desk.at(START - timedelta(hours=20))
    outcome = desk.try_(meeting, "office.admin", K.REMIND)
    assert isinstance(outcome, Accepted)
    notice = outcome.effects[0]
    assert isinstance(notice, Notify) and notice.reason == "meeting.remind"
    assert [h.unit_id for h in notice.holders] == [EDU_ID]
    assert due_reminders([outcome.record], desk.clock + timedelta(minutes=5)) == ()
    assert desk.refuse(meeting, "office.leader", K.REMIND) == "meeting.forbidden"


def test_nothing_to_remind_once_everyone_replied(desk: Desk) -> None:
    meeting = desk.notified(attendees=[{"kind": "person", "id": "p-finance.leader"}], sit_in=[])
    meeting = desk.do(meeting, "finance.leader", K.REPLY, reply="attend")
    assert desk.refuse(meeting, "office.secretary", K.REMIND) == "meeting.nothing_to_remind"
    assert due_reminders([meeting], START - timedelta(hours=1)) == ()


# --- sign-in ---------------------------------------------------------------------------------


def test_an_invitee_checks_in_with_the_code_within_the_window(desk: Desk) -> None:
    meeting = desk.notified()
    desk.at(START - timedelta(minutes=31))
    assert desk.refuse(meeting, "finance.leader", K.CHECK_IN, check_in_code="4821") == (
        "meeting.check_in_not_open")
    desk.at(START - timedelta(minutes=10))
    assert desk.refuse(meeting, "finance.leader", K.CHECK_IN, check_in_code="1111") == (
        "meeting.bad_code")
    assert desk.refuse(meeting, "finance.leader", K.CHECK_IN) == "meeting.bad_code"
    assert desk.refuse(meeting, "finance.clerk", K.CHECK_IN, check_in_code="4821") == (
        "meeting.not_invited")
    signed = desk.do(meeting, "finance.leader", K.CHECK_IN, check_in_code="4821")
    assert signed.status is MeetingStatus.HELD
    assert signed.check_ins[0].method is CheckInMethod.CODE
    assert desk.refuse(signed, "finance.leader", K.CHECK_IN, check_in_code="4821") == (
        "meeting.already_checked_in")
    desk.at(START + timedelta(minutes=60))
    assert desk.refuse(meeting, "office.deputy", K.CHECK_IN, check_in_code="4821") == (
        "meeting.check_in_closed")


def test_the_secretary_marks_anyone_invited(desk: Desk) -> None:
    meeting = desk.notified()
    desk.at(START + timedelta(minutes=90))
    meeting = desk.do(meeting, "office.secretary", K.CHECK_IN, person="edu.leader")
    record = meeting.check_ins[0]
    assert record.method is CheckInMethod.SECRETARY and record.attendee == EDU
    assert desk.refuse(meeting, "office.secretary", K.CHECK_IN, person="finance.clerk") == (
        "meeting.not_invited")
    assert desk.refuse(meeting, "finance.leader", K.CHECK_IN, person="office.deputy") == (
        "meeting.forbidden")
    meeting = desk.do(meeting, "office.secretary", K.CHECK_IN)
    assert meeting.check_ins[-1].person_id == "p-office.secretary"


def test_a_hidden_code_is_accepted_provisionally_for_the_server_to_decide(desk: Desk) -> None:
    meeting = replace(desk.notified(), check_in_code=None)
    desk.at(START)
    signed = desk.do(meeting, "finance.leader", K.CHECK_IN, check_in_code="9999")
    assert signed.trace[-1].details["provisional"] is True
    no_code = replace(meeting, check_in_code="")
    assert desk.refuse(no_code, "finance.leader", K.CHECK_IN, check_in_code="4821") == (
        "meeting.no_check_in_code")


def test_a_series_is_signed_in_sitting_by_sitting(desk: Desk) -> None:
    series = desk.notified(recurrence="FREQ=WEEKLY;COUNT=4")
    desk.at(START)
    assert desk.refuse(series, "office.secretary", K.CHECK_IN, person="office.deputy") == (
        "meeting.series")
    second = START + timedelta(weeks=1)
    sitting = sitting_of(series, second, meeting_id="m-1@2", actor=desk.actor("office.secretary"),
                         now=desk.clock)
    assert (sitting.start, sitting.series_id, sitting.recurrence) == (second, series.id, None)
    desk.at(second)
    signed = desk.do(sitting, "office.secretary", K.CHECK_IN, person="office.deputy")
    assert signed.status is MeetingStatus.HELD
    with pytest.raises(ValidationError):
        sitting_of(series, second + timedelta(days=1), meeting_id="x",
                   actor=desk.actor("office.secretary"), now=desk.clock)


# --- cancelling ------------------------------------------------------------------------------


def test_cancelling_needs_a_reason_and_tells_everyone(desk: Desk) -> None:
    meeting = desk.notified()
    assert desk.refuse(meeting, "office.secretary", K.CANCEL) == "meeting.reason_required"
    assert desk.refuse(meeting, "finance.leader", K.CANCEL, reason="x") == "meeting.forbidden"
    outcome = desk.try_(meeting, "office.secretary", K.CANCEL, reason="领导另有公务，会议改期")
    assert isinstance(outcome, Accepted)
    assert outcome.record.status is MeetingStatus.CANCELLED
    (notice,) = outcome.effects
    assert isinstance(notice, Notify) and notice.reason == "meeting.cancelled"
    assert "p-finance.leader" in notice.person_ids
    assert outcome.record.trace[-1].opinion == "领导另有公务，会议改期"
    assert desk.refuse(outcome.record, "office.secretary", K.SEND_NOTICE) == (
        "meeting.wrong_status")


def test_a_held_meeting_cannot_be_cancelled(desk: Desk) -> None:
    meeting = desk.notified()
    desk.at(START)
    meeting = desk.do(meeting, "office.secretary", K.CHECK_IN, person="office.deputy")
    assert desk.refuse(meeting, "office.secretary", K.CANCEL, reason="x") == (
        "meeting.wrong_status")


# --- who may do what -------------------------------------------------------------------------


def test_the_buttons_offered_match_the_status_and_the_person(desk: Desk) -> None:
    draft = desk.create()
    offered = available_meeting_actions(draft, desk.actor("office.secretary"), desk.clock)
    assert set(offered) == {K.EDIT, K.BOOK, K.SEND_NOTICE, K.CANCEL}
    assert available_meeting_actions(draft, desk.actor("finance.leader"), desk.clock) == []
    notified = desk.notified()
    assert available_meeting_actions(notified, desk.actor("finance.leader"), desk.clock) == [
        K.REPLY]
    assert K.REPLY in available_meeting_actions(notified, desk.actor("edu.clerk"), desk.clock)
    assert available_meeting_actions(notified, desk.actor("finance.clerk"), desk.clock) == []
    desk.at(START)
    at_start = available_meeting_actions(notified, desk.actor("finance.leader"), desk.clock)
    assert at_start == [K.REPLY, K.CHECK_IN]


def test_a_room_without_a_named_approver_is_approved_by_an_admin(desk: Desk) -> None:
    orphan = replace(ROOMS["r-big"], approver_id=None)
    schedule = replace(desk.schedule(), rooms={**ROOMS, "r-big": orphan})
    pending = desk.do(desk.create(), "office.secretary", K.BOOK, schedule=schedule,
                      room_id="r-big")
    assert desk.refuse(pending, "office.leader", K.APPROVE_ROOM) == "meeting.forbidden"
    approved = desk.do(pending, "office.admin", K.APPROVE_ROOM)
    assert approved.booking is not None and approved.booking.state is BookingState.BOOKED
