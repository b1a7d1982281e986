"""Meetings (办会) on the server: loading, saving with scopes and change rows, room bookings
checked against the server's own meetings, and the `meeting.*` mutations."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from officeapp.errors import DomainError, ForbiddenError, ValidationError
from officeapp.meetings import (
    AttendeeKind,
    Booking,
    BookingIndex,
    Meeting,
    MeetingAction,
    MeetingActionKind,
    MeetingEffect,
    MeetingRejected,
    MeetingStatus,
    OpenSupervisionItem,
    RequestRoomApproval,
    Schedule,
    booking_window,
    bookings_of,
    create_meeting,
    decide_meeting,
    decision_item_id,
    sitting_of,
)
from officeapp.meetings.codec import meeting_action_from_dict, meeting_from_dict, meeting_to_dict
from officeapp.meetings.rules import is_staff
from officeapp.org import Actor, Organisation, Room
from officeapp.orgcodec import room_from_dict
from officeapp.workflow import Attachment, Notify
from officeapp.workflow.codec import assignee_resolver
from sync.protocol import (
    CreateMeetingArgs,
    CreateSittingArgs,
    MeetingActArgs,
    acted_moment,
    parse_args,
    parse_moment,
)
from sync.server.mutations import supervision
from sync.server.storage import blobs, db, records, tracechain
from sync.server.storage import tables as t
from sync.server.storage.documents import Writes
from sync.server.storage.visibility import (
    meeting_code_scopes,
    meeting_scopes,
    notify_scopes,
    person_scope,
)

if TYPE_CHECKING:
    from sync.server.mutations.push import Work

KIND = "meeting"
CODE_KIND = "meeting_code"
# What the server checks again when an action may have changed who or what a meeting names.
_REFERENCING = frozenset({MeetingActionKind.EDIT, MeetingActionKind.RECORD_MINUTES})


@dataclass(frozen=True)
class Stored:
    """A meeting as stored (check-in code included), with the scopes it was last visible to."""

    meeting: Meeting
    scopes: frozenset[str]


def load(connection: sa.Connection, meeting_id: str, *, lock: bool) -> Stored | None:
    """Return the stored meeting (row-locked until commit when `lock`), or None."""
    found = records.load_row(connection, t.meetings, meeting_id, lock=lock)
    return None if found is None else Stored(meeting_from_dict(found[0]), found[1])


def exists(connection: sa.Connection, meeting_id: str) -> bool:
    """Return whether a meeting with this id exists."""
    return records.row_exists(connection, t.meetings, meeting_id)


def visible_to(stored: Stored, scopes: Iterable[str]) -> bool:
    """Return whether someone with `scopes` may see the stored meeting."""
    return not stored.scopes.isdisjoint(scopes)


def materials(meeting: Meeting) -> list[Attachment]:
    """Return the agenda materials of a meeting."""
    return [a for item in meeting.agenda for a in item.materials]


def _columns(meeting: Meeting, scopes: frozenset[str], now: datetime) -> dict[str, Any]:
    first, last = booking_window(meeting)
    return {
        "id": meeting.id, "title": meeting.title, "status": meeting.status.value,
        "organiser_unit_id": meeting.organiser_unit_id, "room_id": meeting.room_id,
        # In UTC: SQLite keeps wall-clock text, and windows must compare across offsets.
        "start_at": db.as_utc(first), "end_at": db.as_utc(last),
        "series_id": meeting.series_id, "version": meeting.version,
        "created_at": db.as_utc(meeting.created_at),
        "updated_at": db.as_utc(meeting.updated_at or now),
        "data": meeting_to_dict(meeting), "scopes": sorted(scopes),
    }


def save(connection: sa.Connection, meeting: Meeting, previous: Stored | None, now: datetime,
         writes: Writes, *, by: blobs.Referrer | None) -> None:
    """Write `meeting`; log a put (code hidden) for who sees it, a revoke for who no longer
    does, and a `meeting_code` put for the organising unit when the code changed. `by` is
    who saves it, checked for every material it newly names (None: the server itself)."""
    found = materials(meeting)
    blobs.check_references(connection, found, by=by,
                           before=() if previous is None else materials(previous.meeting))
    scopes = meeting_scopes(meeting)
    values = _columns(meeting, scopes, now)
    records.write_row(connection, t.meetings, values, new=previous is None)
    blobs.link(connection, t.meeting_blobs, meeting.id, found)
    hashes = tracechain.append(connection, KIND, meeting.id, values["data"]["trace"], now)
    payload = tracechain.with_hashes(meeting_to_dict(meeting, hide_code=True), hashes)
    records.log_put(writes, KIND, meeting.id, payload, scopes,
                    None if previous is None else previous.scopes)
    before = "" if previous is None else previous.meeting.check_in_code
    if meeting.check_in_code != before:
        records.log_put(writes, CODE_KIND, meeting.id,
                        {"meeting_id": meeting.id, "check_in_code": meeting.check_in_code},
                        meeting_code_scopes(meeting), None)


def check_references(meeting: Meeting, org: Organisation, room_ids: Iterable[str]) -> None:
    """Refuse units, people and rooms the server's directory does not know."""
    invited = meeting.attendees + meeting.sit_in
    units: list[str | None] = [a.id for a in invited if a.kind is AttendeeKind.UNIT]
    units += [a.reporting_unit_id for a in meeting.agenda]
    decisions = meeting.minutes.decisions if meeting.minutes is not None else ()
    for decision in decisions:
        units += [decision.lead_unit_id, *decision.co_unit_ids]
    people = [a.id for a in invited if a.kind is AttendeeKind.PERSON]
    records.check_known(org, units=units, people=[meeting.host_id, meeting.recorder_id, *people],
                        prefix="meeting")
    if meeting.room_id is not None and meeting.room_id not in set(room_ids):
        raise ValidationError("meeting.unknown_room", "会议室不存在",
                              room_id=meeting.room_id)


def not_found(meeting_id: str) -> ForbiddenError:
    """Return the one answer for a meeting that is missing or not the caller's to see."""
    return ForbiddenError("meeting.not_found", "会议不存在或您无权查看", meeting_id=meeting_id)


# --- rooms and bookings ----------------------------------------------------------------------


def rooms(connection: sa.Connection) -> dict[str, Room]:
    """Return the rooms of the directory by id."""
    return {row.id: room_from_dict(row.data)
            for row in connection.execute(sa.select(t.rooms.c.id, t.rooms.c.data))}


def lock_room(connection: sa.Connection, room_id: str) -> None:
    """Hold the room's row until commit, so that two bookings of it are decided one by one.

    On PostgreSQL the second booker waits here and then reads the first one's booking; on
    SQLite writers are serialised anyway (FOR UPDATE renders nothing).
    """
    connection.execute(sa.select(t.rooms.c.id).where(t.rooms.c.id == room_id)
                       .with_for_update())


def bookings_between(connection: sa.Connection, start: datetime, end: datetime, *,
                     exclude: str | None = None) -> list[Booking]:
    """Return the bookings of every meeting (but `exclude`) with an occurrence in [start, end)."""
    m = t.meetings.c
    query = sa.select(m.id, m.data).where(
        m.start_at < db.as_utc(end), m.end_at > db.as_utc(start),
        m.status != MeetingStatus.CANCELLED.value)
    found: list[Booking] = []
    for row in connection.execute(query):
        if row.id != exclude:
            found += [b for b in bookings_of(meeting_from_dict(row.data))
                      if b.start < end and b.end > start]
    return found


def schedule_for(connection: sa.Connection, meeting: Meeting, room_id: str | None) -> Schedule:
    """Return the rooms and the server's bookings around `meeting`, the room locked first."""
    if room_id is not None:
        lock_room(connection, room_id)
    start, end = booking_window(meeting)
    bookings = bookings_between(connection, start, end, exclude=meeting.id)
    return Schedule(rooms(connection), BookingIndex(bookings))


# --- mutations -------------------------------------------------------------------------------


def create(work: Work, args: Mapping[str, Any]) -> None:
    """`meeting.create`: a draft organised by the actor's unit."""
    parsed: CreateMeetingArgs = parse_args(CreateMeetingArgs, args)
    if exists(work.connection, parsed.meeting_id):
        raise ValidationError("meeting.exists", "该会议已存在，不能重复创建",
                              meeting_id=parsed.meeting_id)
    meeting = create_meeting(meeting_id=parsed.meeting_id, actor=work.actor,
                             fields=parsed.fields, now=work.now,
                             acted=acted_moment(parsed.acted_at))
    check_references(meeting, work.org, rooms(work.connection))
    save(work.connection, meeting, None, work.now, work.writes, by=work.referrer)


def _may_make_sitting(series: Meeting, actor: Actor) -> bool:
    return is_staff(series, actor) or actor.person_id in (series.host_id, series.recorder_id)


def create_sitting(work: Work, args: Mapping[str, Any]) -> None:
    """`meeting.create_sitting`: one sitting of a notified series, once per occurrence."""
    parsed: CreateSittingArgs = parse_args(CreateSittingArgs, args)
    start = parse_moment(parsed.start, "start")
    if exists(work.connection, parsed.meeting_id):
        raise ValidationError("meeting.exists", "该会议已存在，不能重复创建",
                              meeting_id=parsed.meeting_id)
    # Locking the series makes two secretaries' sittings of one occurrence queue up.
    stored = load(work.connection, parsed.series_id, lock=True)
    if stored is None or not visible_to(stored, work.scopes):
        raise not_found(parsed.series_id)
    if not _may_make_sitting(stored.meeting, work.actor):
        raise ForbiddenError("meeting.forbidden",
                             "只有主办单位的会务人员、主持人或记录人可以生成某一次会议")
    sitting = sitting_of(stored.meeting, start, meeting_id=parsed.meeting_id, actor=work.actor,
                         now=work.now)
    _refuse_second_sitting(work.connection, sitting)
    save(work.connection, sitting, None, work.now, work.writes, by=work.referrer)


def _refuse_second_sitting(connection: sa.Connection, sitting: Meeting) -> None:
    m = t.meetings.c
    query = sa.select(m.id).where(m.series_id == sitting.series_id,
                                  m.start_at == db.as_utc(sitting.start))
    existing = connection.execute(query).scalar()
    if existing is not None:
        raise ValidationError("meeting.sitting_exists", "这一次会议已经生成，请直接使用",
                              meeting_id=str(existing))


def _server_action(meeting: Meeting, action: MeetingAction) -> MeetingAction:
    """Return the action with what the server decides itself: the new item's id (whatever
    id the client sent is never used)."""
    if action.kind is MeetingActionKind.OPEN_SUPERVISION:
        return replace(action, supervision_item_id=decision_item_id(
            meeting.id, action.decision_no if action.decision_no is not None else 0))
    return action


def act(work: Work, args: Mapping[str, Any]) -> None:
    """`meeting.act`: decide one action on a visible meeting and run what follows."""
    parsed: MeetingActArgs = parse_args(MeetingActArgs, args)
    stored = load(work.connection, parsed.meeting_id, lock=True)
    if stored is None or not visible_to(stored, work.scopes):
        raise not_found(parsed.meeting_id)
    meeting = stored.meeting
    action = _server_action(meeting, meeting_action_from_dict(parsed.action,
                                                              assignee_resolver(work.org)))
    schedule = None
    if action.kind is MeetingActionKind.BOOK:
        schedule = schedule_for(work.connection, meeting, action.room_id or meeting.room_id)
    decision = decide_meeting(meeting, work.actor, action, work.now, schedule=schedule)
    if isinstance(decision, MeetingRejected):
        r = decision.rejection
        raise DomainError(r.code, r.message, **r.details)
    if action.kind in _REFERENCING:
        check_references(decision.meeting, work.org, rooms(work.connection))
    save(work.connection, decision.meeting, stored, work.now, work.writes, by=work.referrer)
    run_effects(work.connection, decision.effects, work.actor, work.now, work.writes)


def run_effects(connection: sa.Connection, effects: Iterable[MeetingEffect], actor: Actor,
                now: datetime, writes: Writes) -> None:
    """Poke whoever a decision tells, and open the supervision items it asks for."""
    for effect in effects:
        if isinstance(effect, Notify):
            writes.pokes |= notify_scopes(effect)
        elif isinstance(effect, RequestRoomApproval) and effect.approver_id:
            writes.pokes.add(person_scope(effect.approver_id))
        elif isinstance(effect, OpenSupervisionItem):
            supervision.open_from_decision(connection, effect, actor, now, writes)
