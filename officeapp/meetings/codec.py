"""Meetings and their actions to and from JSON-friendly dicts: one form for store, wire, server."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from officeapp.errors import ValidationError
from officeapp.meetings.model import (
    AgendaItem,
    Attendance,
    AttendanceEntry,
    Attendee,
    AttendeeKind,
    BookingState,
    CheckIn,
    CheckInMethod,
    Decision,
    Meeting,
    MeetingAction,
    MeetingActionKind,
    MeetingStatus,
    MeetingTraceEntry,
    MeetingType,
    Minutes,
    Reply,
    ReplyKind,
    RoomBooking,
)
from officeapp.meetings.recurrence import check_time
from officeapp.workflow.model import Assignee, Attachment

_MALFORMED = (KeyError, ValueError, TypeError, AttributeError)


# --- small readers that refuse the wrong type instead of carrying it along -----------------------


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    return value


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return list(value)


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(_str(v) for v in _list(value))


def _map(value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise TypeError(f"expected an object, got {type(value).__name__}")
    return value


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(_str(value))
    if moment.tzinfo is None:
        raise ValueError("times must carry a timezone")
    return moment


def _opt_moment(value: Any) -> datetime | None:
    return None if value in (None, "") else _moment(value)


def _opt_date(value: Any) -> date | None:
    return None if value in (None, "") else date.fromisoformat(_str(value))


def _iso(value: datetime | date | None) -> str | None:
    return None if value is None else value.isoformat()


# --- parts ---------------------------------------------------------------------------------------


def attendee_to_dict(attendee: Attendee) -> dict[str, Any]:
    """Return the JSON form of an invitation."""
    return {"kind": attendee.kind.value, "id": attendee.id}


def attendee_from_dict(data: Any) -> Attendee:
    """Return the invitation described by `data`."""
    values = _map(data)
    return Attendee(AttendeeKind(_str(values["kind"])), _str(values["id"]))


def _agenda_to_dict(item: AgendaItem) -> dict[str, Any]:
    return {"title": item.title, "reporting_unit_id": item.reporting_unit_id,
            "materials": [{"name": a.name, "sha256": a.sha256, "size": a.size}
                          for a in item.materials],
            "order": item.order}


def _agenda_from_dict(data: Any) -> AgendaItem:
    values = _map(data)
    materials = tuple(
        Attachment(_str(m["name"]), _str(m.get("sha256", "")), _int(m.get("size", 0)))
        for m in map(_map, _list(values.get("materials"))))
    return AgendaItem(_str(values["title"]), _opt_str(values.get("reporting_unit_id")),
                      materials, _int(values.get("order", 0)))


def _booking_to_dict(booking: RoomBooking | None) -> dict[str, Any] | None:
    if booking is None:
        return None
    return {"room_id": booking.room_id, "state": booking.state.value,
            "booked_by": booking.booked_by, "booked_by_name": booking.booked_by_name,
            "booked_at": booking.booked_at.isoformat(), "approver_id": booking.approver_id,
            "decided_by": booking.decided_by, "decided_at": _iso(booking.decided_at),
            "reason": booking.reason}


def _booking_from_dict(data: Any) -> RoomBooking | None:
    if data is None:
        return None
    values = _map(data)
    return RoomBooking(
        room_id=_str(values["room_id"]), state=BookingState(_str(values["state"])),
        booked_by=_str(values["booked_by"]), booked_by_name=_str(values.get("booked_by_name", "")),
        booked_at=_moment(values["booked_at"]), approver_id=_opt_str(values.get("approver_id")),
        decided_by=_opt_str(values.get("decided_by")),
        decided_at=_opt_moment(values.get("decided_at")), reason=_str(values.get("reason", "")),
    )


def _reply_to_dict(reply: Reply) -> dict[str, Any]:
    return {"seq": reply.seq, "attendee": attendee_to_dict(reply.attendee),
            "kind": reply.kind.value, "replied_by": reply.replied_by,
            "replied_by_name": reply.replied_by_name, "at": reply.at.isoformat(),
            "reason": reply.reason, "deputy_id": reply.deputy_id, "people": list(reply.people),
            "on_behalf_of": reply.on_behalf_of}


def _reply_from_dict(data: Any) -> Reply:
    values = _map(data)
    return Reply(
        seq=_int(values["seq"]), attendee=attendee_from_dict(values["attendee"]),
        kind=ReplyKind(_str(values["kind"])), replied_by=_str(values["replied_by"]),
        replied_by_name=_str(values.get("replied_by_name", "")), at=_moment(values["at"]),
        reason=_str(values.get("reason", "")), deputy_id=_opt_str(values.get("deputy_id")),
        people=_strs(values.get("people")), on_behalf_of=_opt_str(values.get("on_behalf_of")),
    )


def _check_in_to_dict(record: CheckIn) -> dict[str, Any]:
    return {"person_id": record.person_id, "attendee": attendee_to_dict(record.attendee),
            "at": record.at.isoformat(), "method": record.method.value, "by": record.by,
            "on_behalf_of": record.on_behalf_of, "sit_in": record.sit_in}


def _check_in_from_dict(data: Any) -> CheckIn:
    values = _map(data)
    return CheckIn(
        person_id=_str(values["person_id"]), attendee=attendee_from_dict(values["attendee"]),
        at=_moment(values["at"]), method=CheckInMethod(_str(values["method"])),
        by=_str(values["by"]), on_behalf_of=_opt_str(values.get("on_behalf_of")),
        sit_in=bool(values.get("sit_in", False)),
    )


def decision_to_dict(decision: Decision) -> dict[str, Any]:
    """Return the JSON form of a decision (议定事项)."""
    return {"no": decision.no, "text": decision.text, "lead_unit_id": decision.lead_unit_id,
            "co_unit_ids": list(decision.co_unit_ids), "deadline": _iso(decision.deadline),
            "supervision_item_id": decision.supervision_item_id}


def decision_from_dict(data: Any) -> Decision:
    """Return the decision described by `data` (`no` may be omitted in an action)."""
    values = _map(data)
    return Decision(
        no=_int(values.get("no", 0)), text=_str(values["text"]),
        lead_unit_id=_opt_str(values.get("lead_unit_id")),
        co_unit_ids=_strs(values.get("co_unit_ids")),
        deadline=_opt_date(values.get("deadline")),
        supervision_item_id=_opt_str(values.get("supervision_item_id")),
    )


def _entries_to_list(entries: tuple[AttendanceEntry, ...]) -> list[dict[str, Any]]:
    return [{"person_id": e.person_id, "unit_id": e.unit_id, "on_behalf_of": e.on_behalf_of,
             "reason": e.reason} for e in entries]


def _entries_from_list(data: Any) -> tuple[AttendanceEntry, ...]:
    return tuple(
        AttendanceEntry(_opt_str(e.get("person_id")), _opt_str(e.get("unit_id")),
                        _opt_str(e.get("on_behalf_of")), _str(e.get("reason", "")))
        for e in map(_map, _list(data)))


def attendance_to_dict(attendance: Attendance) -> dict[str, Any]:
    """Return the JSON form of 出席/请假/列席/缺席."""
    return {"present": _entries_to_list(attendance.present),
            "on_leave": _entries_to_list(attendance.on_leave),
            "sitting_in": _entries_to_list(attendance.sitting_in),
            "absent": _entries_to_list(attendance.absent)}


def _attendance_from_dict(data: Any) -> Attendance:
    values = _map(data)
    return Attendance(*(_entries_from_list(values.get(k))
                        for k in ("present", "on_leave", "sitting_in", "absent")))


def _minutes_to_dict(minutes: Minutes | None) -> dict[str, Any] | None:
    if minutes is None:
        return None
    return {"text": minutes.text, "decisions": [decision_to_dict(d) for d in minutes.decisions],
            "attendance": attendance_to_dict(minutes.attendance),
            "recorded_by": minutes.recorded_by, "recorded_at": minutes.recorded_at.isoformat(),
            "published_at": _iso(minutes.published_at)}


def _minutes_from_dict(data: Any) -> Minutes | None:
    if data is None:
        return None
    values = _map(data)
    return Minutes(
        text=_str(values["text"]),
        decisions=tuple(decision_from_dict(d) for d in _list(values.get("decisions"))),
        attendance=_attendance_from_dict(values.get("attendance") or {}),
        recorded_by=_str(values["recorded_by"]), recorded_at=_moment(values["recorded_at"]),
        published_at=_opt_moment(values.get("published_at")),
    )


def _trace_to_dict(entry: MeetingTraceEntry) -> dict[str, Any]:
    return {"seq": entry.seq, "status": entry.status.value, "action": entry.action.value,
            "actor_id": entry.actor_id, "actor_name": entry.actor_name,
            "at": entry.at.isoformat(), "opinion": entry.opinion,
            "on_behalf_of": entry.on_behalf_of, "details": dict(entry.details),
            "acted_at": _iso(entry.acted_at)}


def _trace_from_dict(data: Any) -> MeetingTraceEntry:
    values = _map(data)
    return MeetingTraceEntry(
        seq=_int(values["seq"]), status=MeetingStatus(_str(values["status"])),
        action=MeetingActionKind(_str(values["action"])), actor_id=_str(values["actor_id"]),
        actor_name=_str(values.get("actor_name", "")), at=_moment(values["at"]),
        opinion=_str(values.get("opinion", "")), on_behalf_of=_opt_str(values.get("on_behalf_of")),
        details=dict(_map(values.get("details") or {})),
        acted_at=_opt_moment(values.get("acted_at")),
    )


# --- meetings ----------------------------------------------------------------------------------


def meeting_to_dict(meeting: Meeting, *, hide_code: bool = False) -> dict[str, Any]:
    """Return the JSON form of a meeting; `hide_code` leaves the check-in code out (None).

    The server hides the code from everyone but the organiser's staff, so that nobody can
    read it from their local cache and check in from elsewhere.
    """
    return {
        "id": meeting.id, "title": meeting.title, "meeting_type": meeting.meeting_type.value,
        "start": meeting.start.isoformat(), "end": meeting.end.isoformat(),
        "organiser_unit_id": meeting.organiser_unit_id, "created_by": meeting.created_by,
        "created_at": meeting.created_at.isoformat(), "status": meeting.status.value,
        "room_id": meeting.room_id, "location": meeting.location, "host_id": meeting.host_id,
        "recorder_id": meeting.recorder_id,
        "attendees": [attendee_to_dict(a) for a in meeting.attendees],
        "sit_in": [attendee_to_dict(a) for a in meeting.sit_in],
        "agenda": [_agenda_to_dict(a) for a in meeting.agenda], "notes": meeting.notes,
        "recurrence": meeting.recurrence, "series_id": meeting.series_id,
        "ics_uid": meeting.ics_uid, "booking": _booking_to_dict(meeting.booking),
        "check_in_code": None if hide_code else meeting.check_in_code,
        "replies": [_reply_to_dict(r) for r in meeting.replies],
        "check_ins": [_check_in_to_dict(c) for c in meeting.check_ins],
        "minutes": _minutes_to_dict(meeting.minutes),
        "trace": [_trace_to_dict(e) for e in meeting.trace],
        "version": meeting.version, "updated_at": _iso(meeting.updated_at),
    }


def _meeting(values: Mapping[str, Any]) -> Meeting:
    return Meeting(
        id=_str(values["id"]), title=_str(values["title"]),
        meeting_type=MeetingType(_str(values["meeting_type"])),
        start=_moment(values["start"]), end=_moment(values["end"]),
        organiser_unit_id=_str(values["organiser_unit_id"]),
        created_by=_str(values["created_by"]), created_at=_moment(values["created_at"]),
        status=MeetingStatus(_str(values["status"])), room_id=_opt_str(values.get("room_id")),
        location=_str(values.get("location", "")), host_id=_opt_str(values.get("host_id")),
        recorder_id=_opt_str(values.get("recorder_id")),
        attendees=tuple(attendee_from_dict(a) for a in _list(values.get("attendees"))),
        sit_in=tuple(attendee_from_dict(a) for a in _list(values.get("sit_in"))),
        agenda=tuple(_agenda_from_dict(a) for a in _list(values.get("agenda"))),
        notes=_str(values.get("notes", "")), recurrence=_opt_str(values.get("recurrence")),
        series_id=_opt_str(values.get("series_id")), ics_uid=_str(values.get("ics_uid", "")),
        booking=_booking_from_dict(values.get("booking")),
        check_in_code=_opt_str(values.get("check_in_code", "")),
        replies=tuple(_reply_from_dict(r) for r in _list(values.get("replies"))),
        check_ins=tuple(_check_in_from_dict(c) for c in _list(values.get("check_ins"))),
        minutes=_minutes_from_dict(values.get("minutes")),
        trace=tuple(_trace_from_dict(e) for e in _list(values.get("trace"))),
        version=_int(values.get("version", 1)),
        updated_at=_opt_moment(values.get("updated_at")),
    )


def meeting_from_dict(data: Any) -> Meeting:
    """Return the meeting described by `data` (as written by meeting_to_dict)."""
    try:
        meeting = _meeting(_map(data))
    except _MALFORMED as error:
        raise ValidationError("meeting.malformed", "会议数据格式不正确",
                              reason=str(error)[:200]) from None
    check_time(meeting.start, meeting.end)
    return meeting


# --- actions -----------------------------------------------------------------------------------


def meeting_action_to_dict(action: MeetingAction) -> dict[str, Any]:
    """Return the JSON form of an action (the args of a `meeting.act` mutation)."""
    return {
        "kind": action.kind.value, "changes": dict(action.changes), "room_id": action.room_id,
        "reason": action.reason, "reply": None if action.reply is None else action.reply.value,
        "attendee": None if action.attendee is None else attendee_to_dict(action.attendee),
        "deputy": None if action.deputy is None else action.deputy.person_id,
        "people": [p.person_id for p in action.people],
        "person": None if action.person is None else action.person.person_id,
        "check_in_code": action.check_in_code, "text": action.text,
        "decisions": [decision_to_dict(d) for d in action.decisions],
        "decision_no": action.decision_no, "supervision_item_id": action.supervision_item_id,
        "acted_at": _iso(action.acted_at),
    }


def _action(values: Mapping[str, Any], resolve: Callable[[str], Assignee]) -> MeetingAction:
    def person(key: str) -> Assignee | None:
        ident = _opt_str(values.get(key))
        return None if ident is None else resolve(ident)

    reply = _opt_str(values.get("reply"))
    attendee, changes = values.get("attendee"), values.get("changes")
    number = values.get("decision_no")
    return MeetingAction(
        kind=MeetingActionKind(_str(values["kind"])),
        changes={} if changes is None else dict(_map(changes)),
        room_id=_opt_str(values.get("room_id")), reason=_str(values.get("reason") or ""),
        reply=None if reply is None else ReplyKind(reply),
        attendee=None if attendee is None else attendee_from_dict(attendee),
        deputy=person("deputy"), people=tuple(resolve(p) for p in _strs(values.get("people"))),
        person=person("person"), check_in_code=_str(values.get("check_in_code") or ""),
        text=_str(values.get("text") or ""),
        decisions=tuple(decision_from_dict(d) for d in _list(values.get("decisions"))),
        decision_no=None if number is None else _int(number),
        supervision_item_id=_str(values.get("supervision_item_id") or ""),
        acted_at=_opt_moment(values.get("acted_at")),
    )


def meeting_action_from_dict(
    data: Any, resolve: Callable[[str], Assignee]
) -> MeetingAction:
    """Return the action in `data`; `resolve(person_id) -> Assignee` looks people up.

    People travel as ids; each adapter resolves them against its own directory (see
    `officeapp.workflow.codec.assignee_resolver`), refusing unknown people.
    """
    try:
        return _action(_map(data), resolve)
    except _MALFORMED as error:
        raise ValidationError("action.malformed", "操作参数格式不正确",
                              reason=str(error)[:200]) from None
