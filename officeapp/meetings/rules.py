"""The one pure function that decides every meeting action: (meeting, actor, action, now)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from officeapp.core.verdict import Accepted, Refused, Rejected, Verdict, accept, person_text, ruled
from officeapp.errors import Rejection
from officeapp.meetings.attendance import (
    UNIT_REPLIERS,
    attendance,
    current_replies,
    expected_people,
    invitation_for,
    invitations,
    is_invitee,
    pending_replies,
)
from officeapp.meetings.conflicts import (
    BookingIndex,
    Conflict,
    ConflictKind,
    conflict_message,
    conflict_to_dict,
    find_conflicts,
    free_rooms_over,
    room_to_dict,
)
from officeapp.meetings.fields import ORGANISERS, apply_fields
from officeapp.meetings.model import (
    MEETING_ACTION_LABELS,
    STATUS_LABELS,
    SUPERVISION_SOURCE,
    Attendee,
    AttendeeKind,
    BookingState,
    CheckIn,
    CheckInMethod,
    Decision,
    Meeting,
    MeetingAction,
    MeetingActionKind,
    MeetingEffect,
    MeetingStatus,
    MeetingTraceEntry,
    Minutes,
    OpenSupervisionItem,
    Reply,
    ReplyKind,
    RequestRoomApproval,
    RoomBooking,
)
from officeapp.meetings.recurrence import occurrences
from officeapp.org import Actor, Role, Room
from officeapp.workflow.model import Assignee, Holder, Notify

K = MeetingActionKind
S = MeetingStatus

# A person may check themself in with the code from half an hour before the start until an
# hour after it (never after the end); the secretary may mark people from the opening on.
CHECK_IN_OPENS = timedelta(minutes=30)
CHECK_IN_CLOSES = timedelta(minutes=60)
MAX_REASON = 500
MAX_MINUTES = 100_000
MAX_DECISION = 2_000
MAX_DECISIONS = 200
MAX_UNIT_PEOPLE = 50

_STATUSES: Mapping[MeetingActionKind, frozenset[MeetingStatus]] = {
    # After the notice a meeting may still change (会议变更): a change notice goes out.
    K.EDIT: frozenset({S.DRAFT, S.NOTIFIED}),
    K.BOOK: frozenset({S.DRAFT, S.NOTIFIED}),
    K.APPROVE_ROOM: frozenset({S.DRAFT, S.NOTIFIED}),
    K.REFUSE_ROOM: frozenset({S.DRAFT, S.NOTIFIED}),
    K.SEND_NOTICE: frozenset({S.DRAFT}),
    K.REPLY: frozenset({S.NOTIFIED}),
    K.REMIND: frozenset({S.NOTIFIED}),
    K.CHECK_IN: frozenset({S.NOTIFIED, S.HELD}),
    K.CANCEL: frozenset({S.DRAFT, S.NOTIFIED}),
    K.RECORD_MINUTES: frozenset({S.NOTIFIED, S.HELD}),
    K.PUBLISH_MINUTES: frozenset({S.HELD}),
    K.OPEN_SUPERVISION: frozenset({S.MINUTED}),
}


@dataclass(frozen=True)
class Schedule:
    """What booking needs from the adapter: the rooms, and the bookings of other meetings."""

    rooms: Mapping[str, Room]
    bookings: BookingIndex


@dataclass(frozen=True)
class Reminder:
    """Who is due a reminder for a meeting: the invitations nobody has replied to."""

    meeting_id: str
    title: str
    start: datetime
    person_ids: tuple[str, ...]
    unit_ids: tuple[str, ...]


@dataclass(frozen=True)
class _Call:
    """One request being decided."""

    meeting: Meeting
    actor: Actor
    action: MeetingAction
    now: datetime
    schedule: Schedule | None


# --- who is who ----------------------------------------------------------------------------


def is_staff(meeting: Meeting, actor: Actor) -> bool:
    """Return whether the actor is one of the organiser's secretaries or clerks."""
    return meeting.organiser_unit_id in actor.unit_path and actor.has_role(ORGANISERS)


def _is_self(person_id: str | None, actor: Actor) -> bool:
    return person_id is not None and (person_id == actor.person_id
                                      or person_id in actor.acting_for)


def _may_keep_minutes(meeting: Meeting, actor: Actor) -> bool:
    return _is_self(meeting.recorder_id, actor) or is_staff(meeting, actor)


def _may_decide_room(meeting: Meeting, actor: Actor) -> bool:
    booking = meeting.booking
    if booking is None or booking.state is not BookingState.PENDING:
        return False
    if booking.approver_id is None:
        # A room marked for approval with nobody named falls to the administrators.
        return Role.ADMIN in actor.roles
    return _is_self(booking.approver_id, actor)


def may_reply_for(meeting: Meeting, actor: Actor, attendee: Attendee) -> bool:
    """Return whether the actor may reply for this invitation (theirs, or their unit's)."""
    if not is_invitee(meeting, attendee):
        return False
    if attendee.kind is AttendeeKind.PERSON:
        return _is_self(attendee.id, actor)
    return attendee.id in actor.unit_path and actor.has_role(UNIT_REPLIERS)


def replyable_attendees(meeting: Meeting, actor: Actor) -> tuple[Attendee, ...]:
    """Return the invitations the actor may reply for, their own first."""
    found = [a for a, _ in invitations(meeting) if may_reply_for(meeting, actor, a)]
    return tuple(sorted(found, key=lambda a: (a.id != actor.person_id,
                                               a.kind is AttendeeKind.UNIT)))


def _refuse_unless(allowed: bool, message: str) -> None:
    if not allowed:
        raise Refused("meeting.forbidden", message)


# --- trace and acceptance --------------------------------------------------------------------


def _entry(
    call: _Call, kind: MeetingActionKind, *, opinion: str = "", on_behalf_of: str | None = None,
    details: Mapping[str, Any] | None = None,
) -> MeetingTraceEntry:
    meeting = call.meeting
    return MeetingTraceEntry(
        seq=len(meeting.trace) + 1, status=meeting.status, action=kind,
        actor_id=call.actor.person_id, actor_name=call.actor.name, at=call.now,
        opinion=opinion, on_behalf_of=on_behalf_of, details=dict(details or {}),
    )


def _accept(
    call: _Call, after: Meeting, entry: MeetingTraceEntry,
    effects: Iterable[MeetingEffect] = (), warnings: tuple[Rejection, ...] = (),
) -> Accepted[Meeting]:
    return accept(call.meeting, after, (entry,), call.now, effects, warnings)


def _reason(call: _Call, *, required: str | None = None) -> str:
    return person_text(
        call.action.reason, limit=MAX_REASON,
        too_long=Refused("meeting.reason_too_long", f"理由不能超过{MAX_REASON}字"),
        missing=Refused("meeting.reason_required", required) if required else None)


def _last_end(meeting: Meeting) -> datetime:
    return occurrences(meeting.start, meeting.end, meeting.recurrence)[-1][1]


def _not_series(meeting: Meeting, what: str) -> None:
    if meeting.recurrence is not None:
        raise Refused("meeting.series", f"周期性会议请在具体某一次会议上{what}")


def _notice_targets(meeting: Meeting, actor: Actor) -> Notify:
    """Return whom a notice (or its cancellation) goes to: people, and units' offices."""
    people = [a.id for a, _ in invitations(meeting) if a.kind is AttendeeKind.PERSON]
    people += [p for p in (meeting.host_id, meeting.recorder_id) if p]
    units = [a.id for a, _ in invitations(meeting) if a.kind is AttendeeKind.UNIT]
    return Notify(
        "meeting.notice",
        person_ids=tuple(p for p in dict.fromkeys(people) if p != actor.person_id),
        holders=tuple(Holder(unit_id=u, roles=UNIT_REPLIERS) for u in dict.fromkeys(units)),
    )


# --- edit and booking ------------------------------------------------------------------------


# What a change notice (会议变更通知) reports when it changes after the notice went out.
NOTICE_FIELDS = ("start", "end", "room_id", "location", "host_id", "attendees", "sit_in")
# A change of these makes every 回执 given so far void: people replied for another time.
TIMING_FIELDS = frozenset({"start", "end"})


def _edit(call: _Call) -> Accepted[Meeting]:
    meeting, changes = call.meeting, call.action.changes
    _refuse_unless(is_staff(meeting, call.actor), "只有主办单位的会务人员可以修改会议")
    if not changes:
        raise Refused("meeting.nothing_changed", "没有要修改的内容")
    if meeting.status is S.NOTIFIED and call.now >= meeting.start:
        raise Refused("meeting.in_past", "会议已开始或已过去，不能再变更")
    after = apply_fields(meeting, changes)
    released = meeting.booking is not None and after.booking is None
    effects = _release_effects(meeting) if released else ()
    details: dict[str, Any] = {"fields": sorted(changes), "room_released": released}
    if meeting.status is S.NOTIFIED:
        after, effects, details = _changed_after_notice(call, meeting, after, effects, details)
    entry = _entry(call, K.EDIT, details=details)
    return _accept(call, after, entry, effects)


def _changed_after_notice(
    call: _Call, before: Meeting, after: Meeting, effects: tuple[MeetingEffect, ...],
    details: dict[str, Any],
) -> tuple[Meeting, tuple[MeetingEffect, ...], dict[str, Any]]:
    """A change after the notice: say what changed (old → new) in the trace, send the change
    notice to everyone invited (before or after the change), and void the 回执 a new time
    makes meaningless (the trace keeps who had replied what)."""
    changed = {name: [_shown(getattr(before, name)), _shown(getattr(after, name))]
                for name in NOTICE_FIELDS if getattr(before, name) != getattr(after, name)}
    if not changed:
        return after, effects, details
    details = {**details, "changed": changed}
    if TIMING_FIELDS & set(changed) and after.replies:
        details["replies_reset"] = [
            {"attendee": r.attendee.id, "kind": r.kind.value, "by": r.replied_by_name}
            for r in current_replies(before).values()]
        after = replace(after, replies=())
    told = _notice_targets(after, call.actor)
    earlier = _notice_targets(before, call.actor)
    notice = Notify("meeting.changed",
                    person_ids=tuple(dict.fromkeys((*told.person_ids, *earlier.person_ids))),
                    holders=tuple(dict.fromkeys((*told.holders, *earlier.holders))))
    return after, (*effects, notice), details


def _shown(value: Any) -> Any:
    """Return a field's value as the trace's JSON keeps it (times as ISO text)."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return [a.id if isinstance(a, Attendee) else str(a) for a in value]
    return value


def _release_effects(meeting: Meeting) -> tuple[MeetingEffect, ...]:
    """Tell the approver when a booking they were asked about is withdrawn."""
    booking = meeting.booking
    if booking is None or booking.state is not BookingState.PENDING or not booking.approver_id:
        return ()
    return (Notify("meeting.room_released", person_ids=(booking.approver_id,)),)


def headcount(meeting: Meeting) -> int:
    """Return how many seats the meeting needs; an unreplied unit counts as one person."""
    replies = current_replies(meeting)
    units = sum(1 for a, _ in invitations(meeting)
                if a.kind is AttendeeKind.UNIT and a not in replies)
    return len(expected_people(meeting)) + units


def _book(call: _Call) -> Accepted[Meeting]:
    meeting, action, schedule = call.meeting, call.action, call.schedule
    _refuse_unless(is_staff(meeting, call.actor), "只有主办单位的会务人员可以预订会议室")
    if schedule is None:
        raise Refused("meeting.schedule_required", "预订会议室需要会议室及其占用情况")
    room = _room_to_book(meeting, action, schedule)
    if call.now >= meeting.start:
        raise Refused("meeting.in_past", "不能预订已开始或已过去的时间")
    proposed = replace(meeting, room_id=room.id, booking=None)
    conflicts = find_conflicts(proposed, schedule.bookings)
    taken = [c for c in conflicts if c.kind is ConflictKind.ROOM]
    if taken:
        raise _room_taken(proposed, room, taken, schedule)
    return _booked(call, proposed, room, _warnings(proposed, room, conflicts))


def _room_to_book(meeting: Meeting, action: MeetingAction, schedule: Schedule) -> Room:
    room_id = action.room_id or meeting.room_id
    if room_id is None:
        raise Refused("meeting.no_room", "请选择会议室", field="room_id")
    room = schedule.rooms.get(room_id)
    if room is None:
        raise Refused("meeting.unknown_room", "会议室不存在", room_id=room_id)
    booking = meeting.booking
    if booking is not None and booking.holds_room and booking.room_id == room_id:
        raise Refused("meeting.already_booked", f"本会议已预订{room.name}")
    return room


def _room_taken(meeting: Meeting, room: Room, taken: list[Conflict],
                schedule: Schedule) -> Refused:
    """Say who holds the room and when, and offer the rooms free at every occurrence."""
    spans = occurrences(meeting.start, meeting.end, meeting.recurrence)
    free = free_rooms_over(spans, schedule.rooms.values(), schedule.bookings,
                           min_capacity=headcount(meeting),
                           ignore=meeting.series_id or meeting.id)
    first = taken[0]
    offer = "、".join(r.name for r in free[:5])
    message = conflict_message(first, subject_name=room.name)
    message += f"；可选空闲会议室：{offer}" if offer else "；该时段没有其他空闲会议室"
    holder = first.holder
    return Refused(
        "meeting.room_taken", message, room_id=room.id, room_name=room.name,
        holder_meeting_id=holder.meeting_id, holder_title=holder.title,
        holder_booked_by=holder.booked_by, holder_booked_by_name=holder.booked_by_name,
        holder_unit_id=holder.organiser_unit_id,
        start=holder.start.isoformat(), end=holder.end.isoformat(),
        conflicts=[conflict_to_dict(c) for c in taken[:20]],
        free_rooms=[room_to_dict(r) for r in free],
    )


def _warnings(meeting: Meeting, room: Room, conflicts: tuple[Conflict, ...]
              ) -> tuple[Rejection, ...]:
    """Return what the secretary should know but may go ahead with: busy people, a small room."""
    found = [Rejection(f"meeting.{c.kind.value}_busy", conflict_message(c), conflict_to_dict(c))
             for c in conflicts if c.kind is not ConflictKind.ROOM]
    seats = headcount(meeting)
    if room.capacity and seats > room.capacity:
        found.append(Rejection("meeting.room_too_small",
                               f"{room.name}只能容纳{room.capacity}人，本会议约{seats}人",
                               {"capacity": room.capacity, "headcount": seats}))
    return tuple(found)


def _booked(call: _Call, meeting: Meeting, room: Room,
            warnings: tuple[Rejection, ...]) -> Accepted[Meeting]:
    state = BookingState.PENDING if room.needs_approval else BookingState.BOOKED
    booking = RoomBooking(
        room_id=room.id, state=state, booked_by=call.actor.person_id,
        booked_by_name=call.actor.name, booked_at=call.now,
        approver_id=room.approver_id if room.needs_approval else None,
    )
    effects: tuple[MeetingEffect, ...] = _release_effects(call.meeting)
    if state is BookingState.PENDING:
        effects += (RequestRoomApproval(meeting.id, room.id, room.approver_id, meeting.title,
                                        meeting.start, meeting.end, meeting.organiser_unit_id),)
    entry = _entry(call, K.BOOK, details={"room_id": room.id, "state": state.value,
                                          "warnings": [w.code for w in warnings]})
    return _accept(call, replace(meeting, booking=booking), entry, effects, warnings)


def _decide_room(call: _Call, approve: bool) -> Accepted[Meeting]:
    meeting = call.meeting
    booking = meeting.booking
    if booking is None or booking.state is not BookingState.PENDING:
        raise Refused("meeting.not_pending", "没有待审批的会议室预订")
    _refuse_unless(_may_decide_room(meeting, call.actor), "只有该会议室的审批人可以审批")
    reason = _reason(call, required=None if approve else "不同意时必须填写理由")
    state = BookingState.BOOKED if approve else BookingState.REFUSED
    decided = replace(booking, state=state, decided_by=call.actor.person_id,
                      decided_at=call.now, reason=reason)
    kind = K.APPROVE_ROOM if approve else K.REFUSE_ROOM
    on_behalf = booking.approver_id if booking.approver_id != call.actor.person_id else None
    entry = _entry(call, kind, opinion=reason, on_behalf_of=on_behalf,
                   details={"room_id": booking.room_id})
    note = Notify(f"meeting.room_{'approved' if approve else 'refused'}",
                  person_ids=(booking.booked_by,))
    return _accept(call, replace(meeting, booking=decided), entry, (note,))


def _approve_room(call: _Call) -> Accepted[Meeting]:
    return _decide_room(call, approve=True)


def _refuse_room(call: _Call) -> Accepted[Meeting]:
    return _decide_room(call, approve=False)


# --- notice, replies, reminders ----------------------------------------------------------------


def _check_place(meeting: Meeting) -> None:
    """Refuse a notice for a meeting with nowhere confirmed to meet."""
    booking = meeting.booking
    if meeting.room_id is None:
        if not meeting.location:
            raise Refused("meeting.place_required", "请预订会议室或填写会议地点",
                           field="room_id")
        return
    if booking is None or booking.room_id != meeting.room_id or not booking.holds_room:
        raise Refused("meeting.room_not_booked", "会议室尚未预订成功，不能发送通知")
    if booking.state is BookingState.PENDING:
        raise Refused("meeting.room_pending", "会议室预订尚待审批，不能发送通知")


def _send_notice(call: _Call) -> Accepted[Meeting]:
    meeting = call.meeting
    _refuse_unless(is_staff(meeting, call.actor), "只有主办单位的会务人员可以发送会议通知")
    if call.now >= meeting.start:
        raise Refused("meeting.in_past", "会议已开始或已过去，不能发送通知")
    if not meeting.attendees and not meeting.sit_in:
        raise Refused("meeting.no_attendees", "请先添加参会人员或单位", field="attendees")
    _check_place(meeting)
    code = call.action.check_in_code.strip() or meeting.check_in_code or ""
    after = apply_fields(meeting, {"check_in_code": code})
    after = replace(after, status=S.NOTIFIED)
    entry = _entry(call, K.SEND_NOTICE)
    return _accept(call, after, entry, (_notice_targets(meeting, call.actor),))


def _attendee_for_reply(call: _Call) -> Attendee:
    meeting, actor, wanted = call.meeting, call.actor, call.action.attendee
    if wanted is None:
        mine = replyable_attendees(meeting, actor)
        if not mine:
            raise Refused("meeting.not_invited", "只有受邀人员（或受邀单位）可以回执")
        return mine[0]
    if not may_reply_for(meeting, actor, wanted):
        raise Refused("meeting.not_invited", "只有受邀人员（或受邀单位）可以回执",
                       attendee={"kind": wanted.kind.value, "id": wanted.id})
    return wanted


def _deputy(attendee: Attendee, deputy: Assignee | None) -> str:
    if attendee.kind is AttendeeKind.UNIT:
        raise Refused("meeting.bad_reply", "单位回执请直接填写参会人员")
    if deputy is None:
        raise Refused("meeting.deputy_required", "请选择代为参会的人员", field="deputy")
    if deputy.person_id == attendee.id:
        raise Refused("meeting.bad_deputy", "不能委派本人代为参会")
    return deputy.person_id


def _unit_people(attendee: Attendee, people: tuple[Assignee, ...]) -> tuple[str, ...]:
    if not people:
        raise Refused("meeting.people_required", "请填写本单位的参会人员", field="people")
    if len(people) > MAX_UNIT_PEOPLE:
        raise Refused("meeting.too_many_people", f"每个单位最多填写{MAX_UNIT_PEOPLE}人")
    outsiders = [p.person_id for p in people if attendee.id not in p.unit_path]
    if outsiders:
        raise Refused("meeting.not_in_unit", "所填参会人员不属于受邀单位", people=outsiders)
    return tuple(dict.fromkeys(p.person_id for p in people))


def _reply(call: _Call) -> Accepted[Meeting]:
    meeting, action, actor = call.meeting, call.action, call.actor
    attendee = _attendee_for_reply(call)
    if call.now >= _last_end(meeting):
        raise Refused("meeting.reply_closed", "会议已结束，不能再回执")
    if action.reply is None:
        raise Refused("meeting.bad_reply", "请选择回执：参加、请假或委派他人", field="reply")
    kind = action.reply
    reason = _reason(call, required="请假必须填写理由" if kind is ReplyKind.LEAVE else None)
    deputy = _deputy(attendee, action.deputy) if kind is ReplyKind.DELEGATE else None
    people: tuple[str, ...] = ()
    if kind is ReplyKind.ATTEND and attendee.kind is AttendeeKind.UNIT:
        people = _unit_people(attendee, action.people)
    behalf = attendee.id if attendee.kind is AttendeeKind.PERSON and attendee.id != \
        actor.person_id else None
    reply = Reply(len(meeting.replies) + 1, attendee, kind, actor.person_id, actor.name,
                  call.now, reason, deputy, people, behalf)
    entry = _entry(call, K.REPLY, opinion=reason, on_behalf_of=behalf, details={
        "attendee": {"kind": attendee.kind.value, "id": attendee.id}, "reply": kind.value,
        "deputy_id": deputy, "people": list(people)})
    told = tuple(p for p in (deputy, *people) if p and p != actor.person_id)
    effects = (Notify("meeting.notice", person_ids=told),) if told else ()
    return _accept(call, replace(meeting, replies=meeting.replies + (reply,)), entry, effects)


def _may_remind(meeting: Meeting, actor: Actor) -> bool:
    # The reminder scheduler acts as an admin (system) actor.
    return is_staff(meeting, actor) or Role.ADMIN in actor.roles


def _remind(call: _Call) -> Accepted[Meeting]:
    meeting = call.meeting
    _refuse_unless(_may_remind(meeting, call.actor), "只有主办单位的会务人员可以提醒回执")
    if _next_start(meeting, call.now) is None:
        raise Refused("meeting.in_past", "会议已开始，不必再提醒回执")
    waiting = pending_replies(meeting)
    if not waiting:
        raise Refused("meeting.nothing_to_remind", "所有受邀人员都已回执")
    people = tuple(a.id for a in waiting if a.kind is AttendeeKind.PERSON)
    units = tuple(a.id for a in waiting if a.kind is AttendeeKind.UNIT)
    note = Notify("meeting.remind", person_ids=people,
                  holders=tuple(Holder(unit_id=u, roles=UNIT_REPLIERS) for u in units))
    entry = _entry(call, K.REMIND, opinion=_reason(call),
                   details={"person_ids": list(people), "unit_ids": list(units)})
    return _accept(call, meeting, entry, (note,))


# --- sign-in ---------------------------------------------------------------------------------


def _check_in(call: _Call) -> Accepted[Meeting]:
    meeting, action, actor = call.meeting, call.action, call.actor
    _not_series(meeting, "签到")
    marking = action.person is not None and action.person.person_id != actor.person_id
    marking = marking or (is_staff(meeting, actor) and not action.check_in_code)
    if marking:
        _refuse_unless(is_staff(meeting, actor), "只有主办单位的会务人员可以为他人签到")
        if call.now < meeting.start - CHECK_IN_OPENS:
            raise Refused("meeting.check_in_not_open", "签到尚未开始（会前30分钟开始签到）")
        return _checked_in(call, action.person or actor, CheckInMethod.SECRETARY, {})
    provisional = _check_code(call)
    return _checked_in(call, actor, CheckInMethod.CODE,
                       {"provisional": True} if provisional else {})


def _check_code(call: _Call) -> bool:
    """Refuse a wrong code or a time outside the window; return True when only the server knows."""
    meeting, now = call.meeting, call.now
    if now < meeting.start - CHECK_IN_OPENS:
        raise Refused("meeting.check_in_not_open", "签到尚未开始（会前30分钟开始签到）")
    if now >= min(meeting.end, meeting.start + CHECK_IN_CLOSES):
        raise Refused("meeting.check_in_closed", "自助签到已结束，请联系会务人员签到")
    if meeting.check_in_code == "":
        raise Refused("meeting.no_check_in_code", "本会议未设置签到码，请由会务人员签到")
    given = call.action.check_in_code.strip()
    if not given:
        raise Refused("meeting.bad_code", "请输入签到码", field="check_in_code")
    if meeting.check_in_code is None:
        return True
    if given != meeting.check_in_code:
        raise Refused("meeting.bad_code", "签到码不正确", field="check_in_code")
    return False


def _checked_in(call: _Call, who: Actor | Assignee, method: CheckInMethod,
                details: dict[str, Any]) -> Accepted[Meeting]:
    meeting = call.meeting
    invitation = invitation_for(meeting, who)
    if invitation is None:
        raise Refused("meeting.not_invited", "该人员不在本会议的邀请名单中",
                       person_id=who.person_id)
    if any(c.person_id == who.person_id for c in meeting.check_ins):
        raise Refused("meeting.already_checked_in", "该人员已签到", person_id=who.person_id)
    record = CheckIn(who.person_id, invitation.attendee, call.now, method, call.actor.person_id,
                     invitation.on_behalf_of, invitation.sit_in)
    entry = _entry(call, K.CHECK_IN, details={"person_id": who.person_id,
                                              "method": method.value, **details})
    after = replace(meeting, check_ins=meeting.check_ins + (record,), status=S.HELD)
    return _accept(call, after, entry)


# --- cancel, minutes, supervision ---------------------------------------------------------------


def _cancel(call: _Call) -> Accepted[Meeting]:
    meeting = call.meeting
    _refuse_unless(is_staff(meeting, call.actor), "只有主办单位的会务人员可以取消会议")
    reason = _reason(call, required="取消会议必须填写理由")
    effects = _release_effects(meeting)
    if meeting.status is S.NOTIFIED:
        notice = _notice_targets(meeting, call.actor)
        effects += (replace(notice, reason="meeting.cancelled"),)
    entry = _entry(call, K.CANCEL, opinion=reason)
    return _accept(call, replace(meeting, status=S.CANCELLED), entry, effects)


def _decision(draft: Decision, no: int) -> Decision:
    text = draft.text.strip()
    if not text:
        raise Refused("meeting.invalid_decision", f"第{no}项议定事项不能为空", no=no)
    if len(text) > MAX_DECISION:
        raise Refused("meeting.invalid_decision", f"每项议定事项不能超过{MAX_DECISION}字", no=no)
    co_units = tuple(u for u in dict.fromkeys(draft.co_unit_ids) if u != draft.lead_unit_id)
    return Decision(no, text, draft.lead_unit_id, co_units, draft.deadline)


def _record_minutes(call: _Call) -> Accepted[Meeting]:
    meeting, action = call.meeting, call.action
    _refuse_unless(_may_keep_minutes(meeting, call.actor), "只有记录人或会务人员可以记录纪要")
    _not_series(meeting, "记录纪要")
    if call.now < meeting.start:
        raise Refused("meeting.not_started", "会议尚未开始，不能记录纪要")
    text = action.text.replace("\r\n", "\n").strip()
    if not text:
        raise Refused("meeting.minutes_required", "纪要内容不能为空", field="text")
    if len(text) > MAX_MINUTES or len(action.decisions) > MAX_DECISIONS:
        raise Refused("meeting.minutes_too_long", "纪要内容过长")
    decisions = tuple(_decision(d, i + 1) for i, d in enumerate(action.decisions))
    minutes = Minutes(text, decisions, attendance(meeting), call.actor.person_id, call.now)
    entry = _entry(call, K.RECORD_MINUTES, details={"decisions": len(decisions)})
    return _accept(call, replace(meeting, minutes=minutes, status=S.HELD), entry)


def _publish_minutes(call: _Call) -> Accepted[Meeting]:
    meeting = call.meeting
    _refuse_unless(_may_keep_minutes(meeting, call.actor), "只有记录人或会务人员可以印发纪要")
    if meeting.minutes is None:
        raise Refused("meeting.no_minutes", "尚未记录纪要")
    minutes = replace(meeting.minutes, attendance=attendance(meeting), published_at=call.now)
    came = [e.person_id for e in minutes.attendance.present + minutes.attendance.sitting_in]
    people = [p for p in (*came, meeting.host_id, meeting.recorder_id) if p]
    note = Notify("meeting.minutes", person_ids=tuple(dict.fromkeys(people)))
    entry = _entry(call, K.PUBLISH_MINUTES)
    return _accept(call, replace(meeting, minutes=minutes, status=S.MINUTED), entry, (note,))


def _may_supervise(meeting: Meeting, actor: Actor) -> bool:
    # Only 督查人员 open supervision items, as the supervision rules require.
    return Role.SUPERVISOR in actor.roles


def _shorten(text: str, limit: int = 60) -> str:
    line = text.splitlines()[0] if text else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _decision_to_supervise(minutes: Minutes, number: int | None) -> Decision:
    """Return the decision asked for, refusing unknown, already linked or incomplete ones."""
    found = [d for d in minutes.decisions if d.no == number]
    if not found:
        raise Refused("meeting.unknown_decision", "没有这项议定事项", no=number)
    decision = found[0]
    if decision.supervision_item_id is not None:
        raise Refused("meeting.already_supervised", f"第{decision.no}项议定事项已立项督办",
                       supervision_item_id=decision.supervision_item_id)
    if decision.lead_unit_id is None or decision.deadline is None:
        raise Refused("meeting.decision_incomplete",
                       "议定事项须有牵头单位和完成时限才能立项督办", no=decision.no)
    return decision


def _supervision_effect(call: _Call, decision: Decision, item_id: str) -> OpenSupervisionItem:
    meeting = call.meeting
    assert decision.lead_unit_id is not None and decision.deadline is not None
    return OpenSupervisionItem(
        item_id=item_id, source=SUPERVISION_SOURCE, title=_shorten(decision.text),
        content=decision.text, lead_unit_id=decision.lead_unit_id,
        co_unit_ids=decision.co_unit_ids, deadline=decision.deadline, meeting_id=meeting.id,
        decision_no=decision.no, meeting_title=meeting.title,
        link_label=f"{meeting.title}第{decision.no}项议定事项", opened_by=call.actor.person_id,
    )


def _open_supervision(call: _Call) -> Accepted[Meeting]:
    meeting, action = call.meeting, call.action
    _refuse_unless(_may_supervise(meeting, call.actor), "只有督查人员可以立项督办")
    minutes = meeting.minutes
    assert minutes is not None, "a minuted meeting has minutes"
    decision = _decision_to_supervise(minutes, action.decision_no)
    item_id = action.supervision_item_id.strip()
    if not item_id:
        raise Refused("meeting.item_id_required", "缺少督办事项编号")
    linked = tuple(replace(d, supervision_item_id=item_id) if d.no == decision.no else d
                   for d in minutes.decisions)
    after = replace(meeting, minutes=replace(minutes, decisions=linked))
    entry = _entry(call, K.OPEN_SUPERVISION, details={"decision_no": decision.no,
                                                      "supervision_item_id": item_id})
    return _accept(call, after, entry, (_supervision_effect(call, decision, item_id),))


_HANDLERS: Mapping[MeetingActionKind, Callable[[_Call], Accepted[Meeting]]] = {
    K.EDIT: _edit,
    K.BOOK: _book,
    K.APPROVE_ROOM: _approve_room,
    K.REFUSE_ROOM: _refuse_room,
    K.SEND_NOTICE: _send_notice,
    K.REPLY: _reply,
    K.REMIND: _remind,
    K.CHECK_IN: _check_in,
    K.CANCEL: _cancel,
    K.RECORD_MINUTES: _record_minutes,
    K.PUBLISH_MINUTES: _publish_minutes,
    K.OPEN_SUPERVISION: _open_supervision,
}


def decide_meeting(
    meeting: Meeting, actor: Actor, action: MeetingAction, now: datetime,
    *, schedule: Schedule | None = None,
) -> Verdict[Meeting]:
    """Decide whether `actor` may do `action` to `meeting` at `now`, and what follows.

    `schedule` (rooms and the bookings of other meetings) is needed by `book` only; the server
    passes its own, so the room check there is the one that counts.
    """
    handler = _HANDLERS.get(action.kind)
    if handler is None:
        return Rejected(Rejection("meeting.unknown_action", "不支持的操作",
                                         {"action": str(action.kind)}))
    if meeting.status not in _STATUSES[action.kind]:
        return Rejected(_wrong_status(meeting, action.kind))
    call = _Call(meeting, actor, action, now, schedule)
    return ruled(lambda: handler(call), claimed=action.acted_at, now=now)


def _wrong_status(meeting: Meeting, kind: MeetingActionKind) -> Rejection:
    return Rejection(
        "meeting.wrong_status",
        f"会议{STATUS_LABELS[meeting.status]}，不能{MEETING_ACTION_LABELS[kind]}",
        {"status": meeting.status.value, "action": kind.value},
    )


# --- what the UI offers ------------------------------------------------------------------------


def _open_decisions(meeting: Meeting) -> bool:
    minutes = meeting.minutes
    return minutes is not None and any(
        d.supervision_item_id is None and d.lead_unit_id and d.deadline
        for d in minutes.decisions)


def _may_check_in_now(meeting: Meeting, actor: Actor, now: datetime) -> bool:
    if meeting.recurrence is not None or now < meeting.start - CHECK_IN_OPENS:
        return False
    if is_staff(meeting, actor):
        return True
    signed = any(c.person_id == actor.person_id for c in meeting.check_ins)
    open_ = now < min(meeting.end, meeting.start + CHECK_IN_CLOSES) and meeting.check_in_code != ""
    return open_ and not signed and invitation_for(meeting, actor) is not None


_GUARDS: Mapping[MeetingActionKind, Callable[[Meeting, Actor, datetime], bool]] = {
    K.EDIT: lambda m, a, n: is_staff(m, a),
    K.BOOK: lambda m, a, n: is_staff(m, a) and n < m.start,
    K.APPROVE_ROOM: lambda m, a, n: _may_decide_room(m, a),
    K.REFUSE_ROOM: lambda m, a, n: _may_decide_room(m, a),
    K.SEND_NOTICE: lambda m, a, n: is_staff(m, a) and n < m.start,
    K.REPLY: lambda m, a, n: bool(replyable_attendees(m, a)) and n < _last_end(m),
    K.REMIND: lambda m, a, n: (_may_remind(m, a) and bool(pending_replies(m))
                               and _next_start(m, n) is not None),
    K.CHECK_IN: _may_check_in_now,
    K.CANCEL: lambda m, a, n: is_staff(m, a),
    K.RECORD_MINUTES: lambda m, a, n: (_may_keep_minutes(m, a) and n >= m.start
                                       and m.recurrence is None),
    K.PUBLISH_MINUTES: lambda m, a, n: _may_keep_minutes(m, a) and m.minutes is not None,
    K.OPEN_SUPERVISION: lambda m, a, n: _may_supervise(m, a) and _open_decisions(m),
}


def available_meeting_actions(
    meeting: Meeting, actor: Actor, now: datetime
) -> list[MeetingActionKind]:
    """Return the actions the actor may take now (the buttons the UI shows)."""
    return [kind for kind, guard in _GUARDS.items()
            if meeting.status in _STATUSES[kind] and guard(meeting, actor, now)]


def _next_start(meeting: Meeting, now: datetime) -> datetime | None:
    starts = (s for s, _ in occurrences(meeting.start, meeting.end, meeting.recurrence))
    return next((s for s in starts if s > now), None)


def due_reminders(
    meetings: Iterable[Meeting], now: datetime, *, lead: timedelta = timedelta(hours=24)
) -> tuple[Reminder, ...]:
    """Return the reminders due at `now`: notified meetings starting within `lead`, not yet
    reminded in that window, to the invitations nobody has replied to."""
    due: list[Reminder] = []
    for meeting in meetings:
        if meeting.status is not S.NOTIFIED:
            continue
        start = _next_start(meeting, now)
        if start is None or now < start - lead:
            continue
        if any(e.action is K.REMIND and e.at >= start - lead for e in meeting.trace):
            continue
        waiting = pending_replies(meeting)
        if waiting:
            due.append(Reminder(
                meeting.id, meeting.title, start,
                tuple(a.id for a in waiting if a.kind is AttendeeKind.PERSON),
                tuple(a.id for a in waiting if a.kind is AttendeeKind.UNIT)))
    return tuple(due)
