"""Who is invited, who replied what, who is expected, and the 纪要's attendance lists."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from officeapp.meetings.model import (
    Attendance,
    AttendanceEntry,
    Attendee,
    AttendeeKind,
    Meeting,
    Reply,
    ReplyKind,
)
from officeapp.org import Role

# Who in an invited unit may reply for it: the unit's office staff and its leaders.
UNIT_REPLIERS = frozenset({Role.CLERK, Role.SECRETARY, Role.LEADER})


class Someone(Protocol):
    """A person as the attendance rules need them: an id and their unit path (root first)."""

    @property
    def person_id(self) -> str: ...

    @property
    def unit_path(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class Invitation:
    """The invitation a person fills: as the invitee, as a deputy, or as one of a unit's people."""

    attendee: Attendee
    on_behalf_of: str | None = None
    sit_in: bool = False


def current_replies(meeting: Meeting) -> dict[Attendee, Reply]:
    """Return the reply in force for each invitation: the latest one."""
    found: dict[Attendee, Reply] = {}
    for reply in meeting.replies:
        found[reply.attendee] = reply
    return found


def invitations(meeting: Meeting) -> Iterator[tuple[Attendee, bool]]:
    """Yield every invitation with whether it is to sit in (列席)."""
    for attendee in meeting.attendees:
        yield attendee, False
    for attendee in meeting.sit_in:
        yield attendee, True


def is_invitee(meeting: Meeting, attendee: Attendee) -> bool:
    """Return whether `attendee` is invited, to attend or to sit in."""
    return attendee in meeting.attendees or attendee in meeting.sit_in


def _people_of(attendee: Attendee, reply: Reply | None) -> tuple[tuple[str, str | None], ...]:
    """Return (person, on behalf of) expected under one invitation, given its reply."""
    if reply is not None and reply.kind is ReplyKind.LEAVE:
        return ()
    if attendee.kind is AttendeeKind.UNIT:
        return tuple((p, None) for p in reply.people) if reply is not None else ()
    if reply is not None and reply.kind is ReplyKind.DELEGATE and reply.deputy_id:
        return ((reply.deputy_id, attendee.id),)
    return ((attendee.id, None),)


def expected_people(meeting: Meeting) -> frozenset[str]:
    """Return everyone expected in the room: host, recorder, invitees, deputies, units' people."""
    replies = current_replies(meeting)
    people = {p for p in (meeting.host_id, meeting.recorder_id) if p}
    for attendee, _ in invitations(meeting):
        people.update(p for p, _ in _people_of(attendee, replies.get(attendee)))
    return frozenset(people)


def invitation_for(meeting: Meeting, someone: Someone) -> Invitation | None:
    """Return the invitation `someone` fills, or None when they are not invited."""
    replies = current_replies(meeting)
    person_id = someone.person_id
    for group, sit_in in ((meeting.attendees, False), (meeting.sit_in, True)):
        found = _match(group, replies, person_id, someone.unit_path)
        if found is not None:
            return Invitation(found[0], found[1], sit_in)
    if person_id in (meeting.host_id, meeting.recorder_id):
        return Invitation(Attendee.person(person_id))
    return None


def _match(
    group: tuple[Attendee, ...], replies: dict[Attendee, Reply], person_id: str,
    unit_path: tuple[str, ...],
) -> tuple[Attendee, str | None] | None:
    """Return the invitation in `group` a person fills: in person, as deputy, or for a unit."""
    for attendee in group:
        if attendee.kind is AttendeeKind.PERSON and attendee.id == person_id:
            return attendee, None
    for attendee in group:
        for person, behalf in _people_of(attendee, replies.get(attendee)):
            if person == person_id:
                return attendee, behalf
    for attendee in group:
        if attendee.kind is AttendeeKind.UNIT and attendee.id in unit_path:
            return attendee, None
    return None


def pending_replies(meeting: Meeting) -> tuple[Attendee, ...]:
    """Return the invitations nobody has replied to yet."""
    replies = current_replies(meeting)
    return tuple(a for a, _ in invitations(meeting) if a not in replies)


def attendance(meeting: Meeting) -> Attendance:
    """Return 出席/请假/列席 and absent-without-leave, from replies and sign-in.

    出席 is everyone who checked in (a deputy on behalf of their principal); 列席 those who
    checked in to sit in; 请假 invitations whose reply is leave and from whom nobody came;
    absent are the people (or units) expected under an invitation who did not check in.
    """
    replies = current_replies(meeting)
    came = {c.attendee for c in meeting.check_ins}
    present = tuple(AttendanceEntry(person_id=c.person_id, on_behalf_of=c.on_behalf_of)
                    for c in meeting.check_ins if not c.sit_in)
    sitting_in = tuple(AttendanceEntry(person_id=c.person_id, on_behalf_of=c.on_behalf_of)
                       for c in meeting.check_ins if c.sit_in)
    on_leave: list[AttendanceEntry] = []
    absent: list[AttendanceEntry] = []
    for attendee, _ in invitations(meeting):
        reply = replies.get(attendee)
        if reply is not None and reply.kind is ReplyKind.LEAVE:
            if attendee not in came:
                on_leave.append(_entry(attendee, reason=reply.reason))
            continue
        absent.extend(_absent_under(meeting, attendee, reply))
    return Attendance(present, tuple(on_leave), sitting_in, tuple(absent))


def _entry(attendee: Attendee, *, reason: str = "") -> AttendanceEntry:
    if attendee.kind is AttendeeKind.UNIT:
        return AttendanceEntry(unit_id=attendee.id, reason=reason)
    return AttendanceEntry(person_id=attendee.id, reason=reason)


def _absent_under(
    meeting: Meeting, attendee: Attendee, reply: Reply | None
) -> tuple[AttendanceEntry, ...]:
    """Return who was expected under one invitation and did not check in."""
    checked = {c.person_id for c in meeting.check_ins if c.attendee == attendee}
    if attendee.kind is AttendeeKind.UNIT and reply is None:
        return () if checked else (_entry(attendee),)
    if attendee.kind is AttendeeKind.PERSON and attendee.id in checked:
        return ()
    unit_id = attendee.id if attendee.kind is AttendeeKind.UNIT else None
    return tuple(
        AttendanceEntry(person_id=person, unit_id=unit_id, on_behalf_of=behalf)
        for person, behalf in _people_of(attendee, reply) if person not in checked
    )
