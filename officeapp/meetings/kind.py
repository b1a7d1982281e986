"""会议 as a record kind: its codec, materials, listing columns and what it asks of whom.

Registered with the others in `officeapp.kinds`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from officeapp.core.inbox import InboxEntry, pools, urgency_level
from officeapp.core.kinds import RecordKind, blob_ids, columns
from officeapp.documents import Urgency
from officeapp.meetings.attendance import (
    UNIT_REPLIERS,
    current_replies,
    expected_people,
    invitations,
)
from officeapp.meetings.codec import meeting_from_dict, meeting_to_dict
from officeapp.meetings.model import AttendeeKind, BookingState, Meeting, MeetingStatus
from officeapp.meetings.rules import CHECK_IN_CLOSES
from officeapp.workflow.model import Attachment

KIND = "meeting"

_Add = Callable[..., None]


def materials(meeting: Meeting) -> tuple[Attachment, ...]:
    """Return the agenda materials of a meeting (the files it refers to)."""
    return tuple(a for item in meeting.agenda for a in item.materials)


def meeting_inbox(meeting: Meeting) -> list[InboxEntry]:
    """Return what a meeting asks: 回执 of invitations not replied, 签到 of the people
    expected, the room's approval; and, done, the replies and check-ins made."""
    entries: list[InboxEntry] = []
    updated = meeting.updated_at or meeting.created_at

    def add(audience: str, task: str, *, due: datetime | None = meeting.start,
            done: bool = False, expires: datetime | None = None) -> None:
        entries.append(InboxEntry(KIND, meeting.id, audience, task, meeting.title, due,
                                  urgency_level(Urgency.NORMAL), done, updated, expires))

    _todo(meeting, add)
    for reply in current_replies(meeting).values():
        add(reply.replied_by, "reply", done=True)
    for check_in in meeting.check_ins:
        add(check_in.person_id, "check_in", done=True)
    return entries


def _todo(meeting: Meeting, add: _Add) -> None:
    """Add the work the meeting waits for, in the statuses the rules allow it (rules._STATUSES):
    replies to a notice, the room's approval, check-ins until the meeting closes them."""
    if meeting.status is MeetingStatus.NOTIFIED:
        _replies(meeting, add)
    booking = meeting.booking
    if (meeting.status in (MeetingStatus.DRAFT, MeetingStatus.NOTIFIED) and booking is not None
            and booking.state is BookingState.PENDING and booking.approver_id):
        add(booking.approver_id, "approve_room", expires=meeting.start)
    if (meeting.status in (MeetingStatus.NOTIFIED, MeetingStatus.HELD)
            and meeting.recurrence is None and meeting.check_in_code != ""):
        signed = {c.person_id for c in meeting.check_ins}
        closes = min(meeting.end, meeting.start + CHECK_IN_CLOSES)
        for person in sorted(expected_people(meeting) - signed):
            add(person, "check_in", expires=closes)


def _replies(meeting: Meeting, add: _Add) -> None:
    """Add a reply for every invitation without one: a person's, or their unit's repliers'."""
    replies = current_replies(meeting)
    # A series' invitations stay open; a single meeting's close when it ends.
    last_end = meeting.end if meeting.recurrence is None else None
    for attendee, _sit_in in invitations(meeting):
        if attendee in replies:
            continue
        if attendee.kind is AttendeeKind.PERSON:
            add(attendee.id, "reply", expires=last_end)
        else:
            for audience in pools(attendee.id, UNIT_REPLIERS):
                add(audience, "reply", expires=last_end)


MEETING = RecordKind(
    KIND, "会议", "会议", "meeting_id", meeting_to_dict, meeting_from_dict,
    attachments=blob_ids(materials), inbox=meeting_inbox, columns=columns(
        "id", "title", "meeting_type", "status", "organiser_unit_id", "created_by", "room_id",
        "start", "end", "series_id", "version", "updated_at"))
