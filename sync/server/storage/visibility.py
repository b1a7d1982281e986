"""Who may see what: scopes of records and of users, computed from server tables only."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Mapping

import sqlalchemy as sa

from officeapp.meetings import (
    AttendeeKind,
    BookingState,
    Meeting,
    MeetingStatus,
    current_replies,
)
from officeapp.supervision import SupervisionItem, audience
from officeapp.workflow import Document, Notify
from sync.server.storage import tables as t

EVERYONE = "all"
SYSTEM_PERSON = "system"


def unit_scope(unit_id: str) -> str:
    """Return the scope of a unit: its members and the members of its sub-units."""
    return f"unit:{unit_id}"


def person_scope(person_id: str) -> str:
    """Return the scope of one person."""
    return f"person:{person_id}"


def client_scope(client_id: str) -> str:
    """Return the scope of one client installation (its own mutation results)."""
    return f"client:{client_id}"


def _people(ids: Iterable[str | None]) -> set[str]:
    return {person_scope(p) for p in ids if p and p != SYSTEM_PERSON}


def document_scopes(doc: Document) -> frozenset[str]:
    """Return who may see `doc`: its owner unit and everyone and every unit on its route."""
    units = {doc.owner_unit_id, *doc.countersign_units, *doc.co_unit_ids}
    if doc.lead_unit_id:
        units.add(doc.lead_unit_id)
    # A pool is open to its whole unit; a personal holder only to that person.
    units.update(h.unit_id for h in doc.holders if h.person_id is None and h.unit_id)
    people = _people(h.person_id for h in doc.holders)
    people |= _people(h.on_behalf_of for h in doc.holders)
    people |= _people(e.actor_id for e in doc.trace)
    people |= _people(e.on_behalf_of for e in doc.trace)
    people |= _people(c.person_id for c in doc.circulations)
    people |= _people(doc.circulate_to)
    # 知会: the informed person reads the document and its trace (and nothing more: being
    # informed holds no step, so the rules give them no action but 已阅).
    people |= _people(i.person_id for i in doc.informed)
    return frozenset({unit_scope(u) for u in units if u} | people)


def meeting_scopes(meeting: Meeting) -> frozenset[str]:
    """Return who may see `meeting`: the organising unit, invited units, and everyone named.

    Named are the host, the recorder, the creator, person attendees and sit-ins, the deputies
    and unit people named by replies in force (of invitations still standing), whoever signed
    in, and the room's approver while the booking waits for them. Invitations count once the
    notice has gone out: a draft is the organisers' own until then.
    """
    units = {meeting.organiser_unit_id}
    people: set[str | None] = {meeting.host_id, meeting.recorder_id, meeting.created_by}
    invited = meeting.attendees + meeting.sit_in
    if _noticed(meeting):
        for attendee in invited:
            (units if attendee.kind is AttendeeKind.UNIT else people).add(attendee.id)
        for attendee, reply in current_replies(meeting).items():
            if attendee in invited:
                people.add(reply.deputy_id)
                people.update(reply.people)
    people.update(c.person_id for c in meeting.check_ins)
    booking = meeting.booking
    if booking is not None and booking.state is BookingState.PENDING:
        people.add(booking.approver_id)
    return frozenset({unit_scope(u) for u in units if u} | _people(people))


def _noticed(meeting: Meeting) -> bool:
    """Return whether the invitees have been told of the meeting (it left draft, or it was
    cancelled after its notice)."""
    if meeting.status not in (MeetingStatus.DRAFT, MeetingStatus.CANCELLED):
        return True
    return any(e.status is not MeetingStatus.DRAFT for e in meeting.trace)


def meeting_code_scopes(meeting: Meeting) -> frozenset[str]:
    """Return who may see a meeting's check-in code: its organising unit only."""
    return frozenset({unit_scope(meeting.organiser_unit_id)})


def supervision_scopes(item: SupervisionItem) -> frozenset[str]:
    """Return who may see a supervision item (`officeapp.supervision.audience`)."""
    seen = audience(item)
    return frozenset({unit_scope(u) for u in seen.unit_ids if u} | _people(seen.person_ids))


def notify_scopes(effect: Notify) -> set[str]:
    """Return the scopes to poke for a Notify effect: its people and its unit pools."""
    scopes = {person_scope(p) for p in effect.person_ids}
    for holder in effect.holders:
        scopes.add(person_scope(holder.person_id) if holder.person_id
                   else unit_scope(holder.unit_id))
    return scopes


def unit_path(parents: Mapping[str, str | None], unit_id: str) -> tuple[str, ...]:
    """Return the unit ids from the root down to `unit_id` (cycles cut short)."""
    path: list[str] = []
    current: str | None = unit_id
    while current is not None and current not in path:
        path.append(current)
        current = parents.get(current)
    return tuple(reversed(path))


_UNIT_PARENTS = sa.select(t.units.c.id, t.units.c.parent_id)


def unit_parents(connection: sa.Connection) -> dict[str, str | None]:
    """Return each unit's parent id."""
    rows = connection.execute(_UNIT_PARENTS)
    return {row.id: row.parent_id for row in rows}


# The unit tree as of a head of the change log, per engine. Every write of a unit appends a
# change (sync.server.storage.directory), so one head names one tree; most requests read it
# at a head some other request has read already.
_parents_at: weakref.WeakKeyDictionary[sa.Engine, tuple[int, Mapping[str, str | None]]] = (
    weakref.WeakKeyDictionary())
_parents_lock = threading.Lock()


def _unit_parents_at(connection: sa.Connection, head: int) -> Mapping[str, str | None]:
    with _parents_lock:
        cached = _parents_at.get(connection.engine)
    if cached is not None and cached[0] == head:
        return cached[1]
    parents = unit_parents(connection)
    with _parents_lock:
        _parents_at[connection.engine] = (head, parents)
    return parents


def user_scopes(connection: sa.Connection, *, person_id: str, unit_id: str,
                client_id: str | None = None, head: int | None = None) -> frozenset[str]:
    """Return every scope a person sees: everyone's, their own, and their units' (upwards).

    `head`, the head of the change log read in the caller's snapshot, lets the unit tree
    of that head be reused."""
    parents = unit_parents(connection) if head is None else _unit_parents_at(connection, head)
    path = unit_path(parents, unit_id)
    scopes = {EVERYONE, person_scope(person_id), *(unit_scope(u) for u in path)}
    if client_id is not None:
        scopes.add(client_scope(client_id))
    return frozenset(scopes)
