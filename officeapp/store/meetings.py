"""Meetings (办会) in the local store: listing rows, who they concern, check-in codes, revert.

A meeting is kept whole as its JSON (`meetings.data`, `meeting_to_dict` form) with the columns
the calendar and "my meetings" read copied out of it: times as `db.timestamp` text (UTC), so
text order is time order, and `span_end`, the end of the last occurrence of a series, so one
range condition finds every meeting with an occurrence in a window. Series are expanded in
Python only for the few rows that condition returns.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

import sqlite_utils

from officeapp.errors import ValidationError
from officeapp.meetings import (
    AttendeeKind,
    Booking,
    BookingIndex,
    Meeting,
    MeetingStatus,
    Schedule,
    booking_window,
    bookings_within,
    current_replies,
    occurrences,
)
from officeapp.meetings.codec import meeting_from_dict, meeting_to_dict
from officeapp.org import Actor
from officeapp.store import directory, records
from officeapp.store.db import dumps, loads, marks, timestamp
from officeapp.store.records import Child, RecordRows, RecordTable

_COLUMNS = ("id", "title", "meeting_type", "status", "organiser_unit_id", "created_by",
            "room_id", "start", '"end"', "span_end", "recurring", "series_id", "version",
            "updated_at")
MEETINGS = RecordTable("meetings", "meeting_key", _COLUMNS,
                       (Child("meeting_people", ("person_id",)),
                        Child("meeting_units", ("unit_id",))))
_SELECT = ("SELECT m.data, c.code, m.recurring FROM meetings AS m"
           " LEFT JOIN meeting_codes AS c ON c.meeting_id = m.id")
_CANCELLED = MeetingStatus.CANCELLED.value


def people_of(meeting: Meeting) -> frozenset[str]:
    """Return the people a meeting concerns by name: creator, host, recorder, invited people,
    and the deputies and people named by the replies in force."""
    found = {meeting.created_by}
    found.update(p for p in (meeting.host_id, meeting.recorder_id) if p is not None)
    found.update(a.id for a in (*meeting.attendees, *meeting.sit_in)
                 if a.kind is AttendeeKind.PERSON)
    for reply in current_replies(meeting).values():
        if reply.deputy_id is not None:
            found.add(reply.deputy_id)
        found.update(reply.people)
    return frozenset(found)


def units_of(meeting: Meeting) -> frozenset[str]:
    """Return the organising unit and the invited units (to attend or to sit in)."""
    invited = (a.id for a in (*meeting.attendees, *meeting.sit_in) if a.kind is AttendeeKind.UNIT)
    return frozenset({meeting.organiser_unit_id, *invited})


def _optional(moment: datetime | None) -> str | None:
    return None if moment is None else timestamp(moment)


def meeting_rows(meeting: Meeting, *, data: Mapping[str, Any] | None = None) -> RecordRows:
    """Return the rows of a meeting; `data` is its JSON as received (else it is encoded).

    Raises ValidationError for times or a recurrence the rules refuse.
    """
    spans = occurrences(meeting.start, meeting.end, meeting.recurrence)
    listing = (meeting.id, meeting.title, meeting.meeting_type.value, meeting.status.value,
               meeting.organiser_unit_id, meeting.created_by, meeting.room_id,
               timestamp(meeting.start), timestamp(meeting.end), timestamp(spans[-1][1]),
               int(meeting.recurrence is not None), meeting.series_id, meeting.version,
               _optional(meeting.updated_at))
    json = dumps(meeting_to_dict(meeting) if data is None else dict(data), what="会议")
    return RecordRows(meeting.id, listing, json,
                      (tuple((p,) for p in sorted(people_of(meeting))),
                       tuple((u,) for u in sorted(units_of(meeting)))), record=meeting)


def rows_from_data(data: Mapping[str, Any]) -> RecordRows:
    """Return the rows of a pulled meeting; raises ValidationError when it is malformed."""
    return meeting_rows(meeting_from_dict(data), data=data)


def put_codes(conn: sqlite3.Connection, codes: Mapping[str, str]) -> None:
    """Store check-in codes the server sent (the organising unit's staff only)."""
    conn.executemany("INSERT INTO meeting_codes (meeting_id, code) VALUES (?, ?)"
                     " ON CONFLICT(meeting_id) DO UPDATE SET code = excluded.code",
                     list(codes.items()))


def delete_codes(conn: sqlite3.Connection, ids: Sequence[str]) -> None:
    """Forget check-in codes (revoked)."""
    conn.executemany("DELETE FROM meeting_codes WHERE meeting_id = ?", [(i,) for i in ids])


def _decode(data: str, code: str | None) -> Meeting:
    meeting = meeting_from_dict(loads(data))
    # A hidden code (None) is filled from the pulled code; a code set locally stays.
    if meeting.check_in_code is None and code is not None:
        meeting = replace(meeting, check_in_code=code)
    return meeting


def load(conn: sqlite3.Connection, meeting_id: str) -> Meeting | None:
    """Return the stored meeting (with its check-in code when one was pulled), or None."""
    row = conn.execute(f"{_SELECT} WHERE m.id = ?", (meeting_id,)).fetchone()
    return None if row is None else _decode(row[0], row[1])


# What the generic store (tables.py, pull.py, LocalStore) writes and reads meetings with.
ROWS = records.JsonRecords(MEETINGS, meeting_rows, rows_from_data, load)


def _window(start: datetime | None, end: datetime | None) -> tuple[str, list[str]]:
    """Return the SQL condition for an occurrence overlapping [start, end) and its values."""
    for moment in (start, end):
        if moment is not None and moment.tzinfo is None:
            raise ValidationError("meeting.naive_time", "会议时间必须带时区")
    where, values = [], []
    if end is not None:
        where.append("m.start < ?")
        values.append(timestamp(end))
    if start is not None:
        where.append("m.span_end > ?")
        values.append(timestamp(start))
    return " AND ".join(where) or "1", values


def _overlaps(meeting: Meeting, start: datetime | None, end: datetime | None) -> bool:
    return any((end is None or s < end) and (start is None or e > start)
               for s, e in occurrences(meeting.start, meeting.end, meeting.recurrence))


def _select(conn: sqlite3.Connection, where: str, values: Sequence[Any],
            start: datetime | None, end: datetime | None) -> list[Meeting]:
    rows = conn.execute(f"{_SELECT} WHERE {where} ORDER BY m.start, m.id", tuple(values))
    found: list[Meeting] = []
    for data, code, recurring in rows:
        meeting = _decode(data, code)
        # The span may hold a window between two occurrences of a series.
        if not recurring or _overlaps(meeting, start, end):
            found.append(meeting)
    return found


def between(conn: sqlite3.Connection, start: datetime, end: datetime, *,
            include_cancelled: bool) -> list[Meeting]:
    """Return the meetings with an occurrence overlapping [start, end), by start."""
    where, values = _window(start, end)
    if not include_cancelled:
        where += f" AND m.status <> '{_CANCELLED}'"
    return _select(conn, where, values, start, end)


def mine(conn: sqlite3.Connection, actor: Actor, *, start: datetime | None,
         end: datetime | None, include_cancelled: bool) -> list[Meeting]:
    """Return the meetings that name the actor (or whom they act for) or invite their units."""
    people = sorted({actor.person_id, *actor.acting_for})
    units = list(actor.unit_path)
    where, values = _window(start, end)
    where += (" AND (m.meeting_key IN (SELECT meeting_key FROM meeting_people"
              f" WHERE person_id IN ({marks(people)}))"
              " OR m.meeting_key IN (SELECT meeting_key FROM meeting_units"
              f" WHERE unit_id IN ({marks(units)})))")
    if not include_cancelled:
        where += f" AND m.status <> '{_CANCELLED}'"
    return _select(conn, where, [*values, *people, *units], start, end)


def bookings(conn: sqlite3.Connection, start: datetime, end: datetime) -> list[Booking]:
    """Return the bookings (one per occurrence) overlapping [start, end), by start."""
    found = bookings_within(between(conn, start, end, include_cancelled=False), start, end)
    return sorted(found, key=lambda b: (b.start, b.meeting_id))


def schedule_for(db: sqlite_utils.Database, meeting: Meeting) -> Schedule:
    """Return what booking `meeting` is checked against here: the rooms and local bookings."""
    start, end = booking_window(meeting)
    rooms = {room.id: room for room in directory.rooms(db)}
    return Schedule(rooms=rooms, bookings=BookingIndex(bookings(db.conn, start, end)))


class MeetingQueries:
    """The questions only meetings answer: the calendar, a person's meetings, room bookings
    (`LocalStore.meetings`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def between(self, start: datetime, end: datetime, *,
                include_cancelled: bool = False) -> list[Meeting]:
        """Return the meetings with an occurrence overlapping [start, end), by start; a
        series once (expand it with officeapp.meetings.occurrences)."""
        return between(self._conn, start, end, include_cancelled=include_cancelled)

    def concerning(self, actor: Actor, *, start: datetime | None = None,
                   end: datetime | None = None,
                   include_cancelled: bool = False) -> list[Meeting]:
        """Return the meetings that name the actor (host, recorder, creator, invitee, deputy,
        named by a unit's reply; or whom they act for) or invite or organise from a unit on
        their unit path, optionally only those with an occurrence in [start, end)."""
        return mine(self._conn, actor, start=start, end=end,
                    include_cancelled=include_cancelled)

    def bookings(self, start: datetime, end: datetime) -> list[Booking]:
        """Return the bookings (one per occurrence) overlapping [start, end), by start."""
        return bookings(self._conn, start, end)
