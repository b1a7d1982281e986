"""Meetings (办会) on the server: their row, scopes and materials (records.Storage), the
check-in code put for the organising unit, and room bookings read from the server's meetings."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from officeapp.kinds import MEETING
from officeapp.meetings import (
    Booking,
    BookingIndex,
    Meeting,
    MeetingStatus,
    Schedule,
    booking_window,
    bookings_within,
)
from officeapp.meetings.codec import meeting_from_dict, meeting_to_dict
from officeapp.org import Room
from officeapp.orgcodec import room_from_dict
from officeapp.workflow import Attachment
from sync.server.storage import db, records
from sync.server.storage import tables as t
from sync.server.storage.visibility import meeting_code_scopes, meeting_scopes

CODE_KIND = "meeting_code"

Stored = records.Stored[Meeting]


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


def _hidden_code(meeting: Meeting) -> dict[str, Any]:
    return meeting_to_dict(meeting, hide_code=True)


def _log_code(meeting: Meeting, previous: Stored | None, writes: records.Writes) -> None:
    """Log a `meeting_code` put for the organising unit when the check-in code changed."""
    before = "" if previous is None else previous.record.check_in_code
    if meeting.check_in_code != before:
        records.log_put(writes, CODE_KIND, meeting.id,
                        {"meeting_id": meeting.id, "check_in_code": meeting.check_in_code},
                        meeting_code_scopes(meeting), None)


# Everyone who sees a meeting gets it with the check-in code hidden; the organising unit gets
# the code apart (`meeting_code`).
MEETINGS = records.Storage(
    record=MEETING, table=t.meetings, blob_table=t.meeting_blobs,
    columns=_columns,
    scopes=meeting_scopes, named=materials, wire=_hidden_code, also=_log_code)
load = MEETINGS.load
exists = MEETINGS.exists
save = MEETINGS.save


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
    meetings = (meeting_from_dict(row.data) for row in connection.execute(query)
                if row.id != exclude)
    return bookings_within(meetings, start, end)


def schedule_for(connection: sa.Connection, meeting: Meeting, room_id: str | None) -> Schedule:
    """Return the rooms and the server's bookings around `meeting`, the room locked first."""
    if room_id is not None:
        lock_room(connection, room_id)
    start, end = booking_window(meeting)
    bookings = bookings_between(connection, start, end, exclude=meeting.id)
    return Schedule(rooms(connection), BookingIndex(bookings))
