"""The `meeting.*` mutations, decided by `officeapp.meetings` on the server's clock, with room
bookings checked against the server's own meetings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from functools import partial
from typing import Any

import sqlalchemy as sa

from officeapp.core.verdict import Verdict
from officeapp.errors import ForbiddenError, ValidationError
from officeapp.meetings import (
    AttendeeKind,
    Meeting,
    MeetingAction,
    MeetingActionKind,
    MeetingEffect,
    OpenSupervisionItem,
    RequestRoomApproval,
    create_meeting,
    decide_meeting,
    decision_item_id,
    sitting_of,
)
from officeapp.meetings.codec import meeting_action_from_dict
from officeapp.meetings.rules import is_staff
from officeapp.mutators import (
    CREATE_MEETING,
    CREATE_SITTING,
    MEETING_ACT,
    acted_moment,
    parse_moment,
)
from officeapp.org import Actor, Organisation
from officeapp.workflow.codec import assignee_resolver
from sync.server.mutations import supervision
from sync.server.mutations.work import (
    Acting,
    Handler,
    Work,
    act,
    ensure_new,
    load_visible,
    poke,
)
from sync.server.storage import db, records
from sync.server.storage import tables as t
from sync.server.storage.meetings import MEETINGS, Stored, rooms, schedule_for
from sync.server.storage.visibility import person_scope

# What the server checks again when an action may have changed who or what a meeting names.
_REFERENCING = frozenset({MeetingActionKind.EDIT, MeetingActionKind.RECORD_MINUTES})


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


def create(work: Work, args: Mapping[str, Any]) -> None:
    """`meeting.create`: a draft organised by the actor's unit."""
    parsed = CREATE_MEETING.parse(args)
    ensure_new(work, MEETINGS, parsed.meeting_id)
    meeting = create_meeting(meeting_id=parsed.meeting_id, actor=work.actor,
                             fields=parsed.fields, now=work.now,
                             acted=acted_moment(parsed.acted_at))
    check_references(meeting, work.org, rooms(work.connection))
    MEETINGS.save(work.connection, meeting, None, work.now, work.writes, by=work.referrer)


def _may_make_sitting(series: Meeting, actor: Actor) -> bool:
    return is_staff(series, actor) or actor.person_id in (series.host_id, series.recorder_id)


def create_sitting(work: Work, args: Mapping[str, Any]) -> None:
    """`meeting.create_sitting`: one sitting of a notified series, once per occurrence."""
    parsed = CREATE_SITTING.parse(args)
    start = parse_moment(parsed.start, "start")
    ensure_new(work, MEETINGS, parsed.meeting_id)
    # Locking the series makes two secretaries' sittings of one occurrence queue up.
    series = load_visible(work, MEETINGS, parsed.series_id).record
    if not _may_make_sitting(series, work.actor):
        raise ForbiddenError("meeting.forbidden",
                             "只有主办单位的会务人员、主持人或记录人可以生成某一次会议")
    sitting = sitting_of(series, start, meeting_id=parsed.meeting_id, actor=work.actor,
                         now=work.now)
    _refuse_second_sitting(work.connection, sitting)
    MEETINGS.save(work.connection, sitting, None, work.now, work.writes, by=work.referrer)


def _refuse_second_sitting(connection: sa.Connection, sitting: Meeting) -> None:
    m = t.meetings.c
    query = sa.select(m.id).where(m.series_id == sitting.series_id,
                                  m.start_at == db.as_utc(sitting.start))
    existing = connection.execute(query).scalar()
    if existing is not None:
        raise ValidationError("meeting.sitting_exists", "这一次会议已经生成，请直接使用",
                              meeting_id=str(existing))


def _action(work: Work, meeting: Meeting, data: dict[str, Any]) -> MeetingAction:
    """Read the action, with what the server decides itself: the id of a supervision item a
    decision opens (whatever id the client sent is never used)."""
    action = meeting_action_from_dict(data, assignee_resolver(work.org))
    if action.kind is MeetingActionKind.OPEN_SUPERVISION:
        return replace(action, supervision_item_id=decision_item_id(
            meeting.id, action.decision_no if action.decision_no is not None else 0))
    return action


def _decide(work: Work, meeting: Meeting, action: MeetingAction) -> Verdict[Meeting]:
    schedule = None
    if action.kind is MeetingActionKind.BOOK:
        schedule = schedule_for(work.connection, meeting, action.room_id or meeting.room_id)
    return decide_meeting(meeting, work.actor, action, work.now, schedule=schedule)


def _check(work: Work, action: MeetingAction, meeting: Meeting, stored: Stored) -> None:
    if action.kind in _REFERENCING:
        check_references(meeting, work.org, rooms(work.connection))


def _follow(work: Work, meeting: Meeting, effects: tuple[Any, ...]) -> None:
    run_effects(work.connection, effects, work.actor, work.now, work.writes)


def run_effects(connection: sa.Connection, effects: Iterable[MeetingEffect], actor: Actor,
                now: datetime, writes: records.Writes) -> None:
    """Poke whoever a decision tells, and open the supervision items it asks for."""
    effects = tuple(effects)
    poke(writes, effects)
    for effect in effects:
        if isinstance(effect, RequestRoomApproval) and effect.approver_id:
            writes.pokes.add(person_scope(effect.approver_id))
        elif isinstance(effect, OpenSupervisionItem):
            supervision.open_from_decision(connection, effect, actor, now, writes)


ACTING: Acting[Meeting, MeetingAction] = Acting(
    MEETING_ACT, MEETINGS, action=_action, decide=_decide, check=_check, follow=_follow)

HANDLERS: dict[str, Handler] = {
    CREATE_MEETING.name: create,
    CREATE_SITTING.name: create_sitting,
    MEETING_ACT.name: partial(act, ACTING),
}
