"""Conflict detection for rooms, hosts and attendees over an index of existing bookings.

Intervals are half-open: a meeting from 10:00 to 11:00 and one from 11:00 to 12:00 do not
clash. Bookings are indexed per room and per person, each lane sorted by start, so a check
bisects instead of scanning every booking.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from itertools import pairwise
from typing import Any

from officeapp.clock import OFFICE_TZ, local, minute_text
from officeapp.meetings.attendance import expected_people
from officeapp.meetings.model import BookingState, Meeting, MeetingStatus
from officeapp.meetings.recurrence import occurrences
from officeapp.org import Room

Span = tuple[datetime, datetime]


@dataclass(frozen=True)
class Booking:
    """One occurrence of a meeting as the conflict check sees it.

    `room_id` is set only while the meeting holds the room (booked or awaiting approval);
    `people` are everyone expected there, the host included.
    """

    meeting_id: str
    title: str
    start: datetime
    end: datetime
    room_id: str | None = None
    pending: bool = False
    host_id: str | None = None
    people: frozenset[str] = frozenset()
    organiser_unit_id: str = ""
    booked_by: str = ""
    booked_by_name: str = ""
    series_id: str | None = None

    @property
    def family(self) -> str:
        """Return the id shared by a series and its sittings (a one-off meeting's own id)."""
        return self.series_id or self.meeting_id


def bookings_of(meeting: Meeting) -> tuple[Booking, ...]:
    """Return one booking per occurrence of a meeting; a cancelled meeting holds nothing."""
    if meeting.status is MeetingStatus.CANCELLED:
        return ()
    held = meeting.booking if meeting.booking is not None and meeting.booking.holds_room else None
    people = expected_people(meeting)
    return tuple(
        Booking(
            meeting_id=meeting.id, title=meeting.title, start=start, end=end,
            room_id=None if held is None else held.room_id,
            pending=held is not None and held.state is BookingState.PENDING,
            host_id=meeting.host_id, people=people,
            organiser_unit_id=meeting.organiser_unit_id,
            booked_by="" if held is None else held.booked_by,
            booked_by_name="" if held is None else held.booked_by_name,
            series_id=meeting.series_id,
        )
        for start, end in occurrences(meeting.start, meeting.end, meeting.recurrence)
    )


def booking_window(meeting: Meeting) -> Span:
    """Return the span from the first start to the last end: what an adapter loads to check."""
    spans = occurrences(meeting.start, meeting.end, meeting.recurrence)
    return spans[0][0], spans[-1][1]


def bookings_within(meetings: Iterable[Meeting], start: datetime, end: datetime) -> list[Booking]:
    """Return the bookings of `meetings` (one per occurrence) that overlap [start, end)."""
    return [b for m in meetings for b in bookings_of(m) if b.start < end and b.end > start]


Timed = tuple[float, float, Booking]


class _Lane:
    """Bookings of one room or one person, sorted by start (POSIX seconds)."""

    __slots__ = ("ends", "items", "longest", "starts")

    def __init__(self, timed: list[Timed]) -> None:
        self.starts = [t[0] for t in timed]
        self.ends = [t[1] for t in timed]
        self.items = [t[2] for t in timed]
        self.longest = max((t[1] - t[0] for t in timed), default=0.0)

    def add(self, start: float, end: float, booking: Booking) -> None:
        """Insert one booking where its start belongs."""
        index = bisect_right(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)
        self.items.insert(index, booking)
        self.longest = max(self.longest, end - start)

    def overlapping(self, start: float, end: float) -> list[Booking]:
        """Return the bookings with start < `end` and end > `start`."""
        found: list[Booking] = []
        index = bisect_left(self.starts, end) - 1
        earliest = start - self.longest
        starts, ends = self.starts, self.ends
        while index >= 0 and starts[index] > earliest:
            if ends[index] > start:
                found.append(self.items[index])
            index -= 1
        found.reverse()
        return found


def _lanes(timed: list[Timed], keys: Callable[[Booking], Iterable[str]]) -> dict[str, _Lane]:
    """Return one lane per key, from bookings already sorted by start."""
    groups: dict[str, list[Timed]] = {}
    for entry in timed:
        for key in keys(entry[2]):
            group = groups.get(key)
            if group is None:
                groups[key] = group = []
            group.append(entry)
    return {key: _Lane(group) for key, group in groups.items()}


def _room_key(booking: Booking) -> tuple[str, ...]:
    return () if booking.room_id is None else (booking.room_id,)


def _people_keys(booking: Booking) -> frozenset[str]:
    return booking.people


def _add_to(lanes: dict[str, _Lane], keys: Iterable[str], entry: Timed) -> None:
    for key in keys:
        if key in lanes:
            lanes[key].add(*entry)
        else:
            lanes[key] = _Lane([entry])


def _seconds(moment: datetime) -> float:
    return moment.timestamp()


class BookingIndex:
    """Existing bookings, indexed per room and per person for fast overlap queries.

    Each kind of lane is built on first use, so a room grid never pays for people's lanes.
    """

    def __init__(self, bookings: Iterable[Booking] = ()) -> None:
        timed = [(_seconds(b.start), _seconds(b.end), b) for b in bookings]
        timed.sort(key=lambda t: t[0])
        self._timed = timed
        self._rooms: dict[str, _Lane] | None = None
        self._people: dict[str, _Lane] | None = None

    @classmethod
    def of_meetings(cls, meetings: Iterable[Meeting]) -> BookingIndex:
        """Return the index of every occurrence of `meetings`."""
        return cls(b for m in meetings for b in bookings_of(m))

    def __len__(self) -> int:
        return len(self._timed)

    def add(self, booking: Booking) -> None:
        """Add one booking (an adapter keeping the index current after a change)."""
        entry = (_seconds(booking.start), _seconds(booking.end), booking)
        self._timed.insert(bisect_right([t[0] for t in self._timed], entry[0]), entry)
        if self._rooms is not None:
            _add_to(self._rooms, _room_key(booking), entry)
        if self._people is not None:
            _add_to(self._people, booking.people, entry)

    def room_lanes(self) -> dict[str, _Lane]:
        """Return the lanes per room, building them on first use."""
        if self._rooms is None:
            self._rooms = _lanes(self._timed, _room_key)
        return self._rooms

    def people_lanes(self) -> dict[str, _Lane]:
        """Return the lanes per person, building them on first use."""
        if self._people is None:
            self._people = _lanes(self._timed, _people_keys)
        return self._people

    def in_room(self, room_id: str, start: datetime, end: datetime) -> list[Booking]:
        """Return the bookings holding `room_id` at some moment of [start, end)."""
        lane = self.room_lanes().get(room_id)
        return [] if lane is None else lane.overlapping(_seconds(start), _seconds(end))

    def of_person(self, person_id: str, start: datetime, end: datetime) -> list[Booking]:
        """Return the bookings expecting `person_id` at some moment of [start, end)."""
        lane = self.people_lanes().get(person_id)
        return [] if lane is None else lane.overlapping(_seconds(start), _seconds(end))


def as_index(bookings: BookingIndex | Iterable[Booking]) -> BookingIndex:
    """Return `bookings` as an index, building one if needed."""
    return bookings if isinstance(bookings, BookingIndex) else BookingIndex(bookings)


class ConflictKind(StrEnum):
    """What clashes: the room, the host, or another expected person."""

    ROOM = "room"
    HOST = "host"
    PERSON = "person"


@dataclass(frozen=True)
class Conflict:
    """A clash: at the occurrence starting `at`, `subject_id` is already taken by `holder`."""

    kind: ConflictKind
    subject_id: str
    at: datetime
    holder: Booking


def find_conflicts(
    meeting: Meeting, bookings: BookingIndex | Iterable[Booking]
) -> tuple[Conflict, ...]:
    """Return every clash of `meeting` (each occurrence) with bookings of other meetings."""
    index = as_index(bookings)
    rooms, people_lanes = index.room_lanes(), index.people_lanes()
    subjects: list[tuple[ConflictKind, str, _Lane | None]] = []
    if meeting.room_id is not None:
        subjects.append((ConflictKind.ROOM, meeting.room_id, rooms.get(meeting.room_id)))
    if meeting.host_id is not None:
        subjects.append((ConflictKind.HOST, meeting.host_id, people_lanes.get(meeting.host_id)))
    subjects += [(ConflictKind.PERSON, p, people_lanes.get(p))
                 for p in sorted(expected_people(meeting) - {meeting.host_id})]
    lanes = [(kind, subject, lane) for kind, subject, lane in subjects if lane is not None]
    found: list[Conflict] = []
    for start, end in occurrences(meeting.start, meeting.end, meeting.recurrence):
        low, high = _seconds(start), _seconds(end)
        for kind, subject, lane in lanes:
            hits = lane.overlapping(low, high)
            if hits:
                found.extend(_clashes(kind, meeting, subject, start, hits))
    return tuple(found)


def _clashes(
    kind: ConflictKind, meeting: Meeting, subject: str, at: datetime, holders: list[Booking]
) -> list[Conflict]:
    # A sitting of a series never clashes with the series occurrence it stands for.
    family = meeting.series_id or meeting.id
    return [Conflict(kind, subject, at, h) for h in holders if h.family != family]


def room_is_free(room_id: str, spans: Sequence[Span], index: BookingIndex,
                 *, ignore: str | None = None) -> bool:
    """Return whether nobody but meeting (or series) `ignore` holds the room during `spans`."""
    return not any(b.family != ignore for s, e in spans for b in index.in_room(room_id, s, e))


def free_rooms(
    start: datetime,
    end: datetime,
    rooms: Iterable[Room],
    bookings: BookingIndex | Iterable[Booking],
    *,
    min_capacity: int = 0,
    ignore: str | None = None,
) -> tuple[Room, ...]:
    """Return the rooms free over [start, end) with room for `min_capacity`, smallest first."""
    return free_rooms_over(((start, end),), rooms, bookings, min_capacity=min_capacity,
                           ignore=ignore)


def free_rooms_over(
    spans: Sequence[Span],
    rooms: Iterable[Room],
    bookings: BookingIndex | Iterable[Booking],
    *,
    min_capacity: int = 0,
    ignore: str | None = None,
) -> tuple[Room, ...]:
    """Return the rooms free during every span (each occurrence of a series)."""
    index = as_index(bookings)
    found = [r for r in rooms
             if (not r.capacity or r.capacity >= min_capacity)
             and room_is_free(r.id, spans, index, ignore=ignore)]
    return tuple(sorted(found, key=lambda r: (r.needs_approval, r.capacity, r.name, r.id)))


@dataclass(frozen=True)
class BusySlot:
    """Part of one day during which a room is held, for the room-availability grid."""

    meeting_id: str
    title: str
    start: datetime
    end: datetime
    pending: bool = False
    booked_by_name: str = ""


RoomGrid = Mapping[str, tuple[tuple[BusySlot, ...], ...]]


def room_grid(
    rooms: Iterable[Room],
    bookings: BookingIndex | Iterable[Booking],
    week_start: date,
    days: int = 7,
    *,
    tz: tzinfo = OFFICE_TZ,
) -> RoomGrid:
    """Return, per room id, one tuple of busy slots for each day from `week_start` (local)."""
    index = as_index(bookings)
    edges = [datetime.combine(week_start + timedelta(days=d), datetime.min.time(), tz)
             for d in range(days + 1)]
    return {room.id: _room_days(index.in_room(room.id, edges[0], edges[-1]), edges)
            for room in rooms}


def _room_days(held: list[Booking], edges: list[datetime]) -> tuple[tuple[BusySlot, ...], ...]:
    # A sitting and the series occurrence it stands for are one slot; the sitting wins.
    sittings = {(b.series_id, b.start) for b in held if b.series_id}
    held = [b for b in held if (b.meeting_id, b.start) not in sittings]
    days: list[tuple[BusySlot, ...]] = []
    for day_start, day_end in pairwise(edges):
        days.append(tuple(
            BusySlot(b.meeting_id, b.title, max(b.start, day_start), min(b.end, day_end),
                     b.pending, b.booked_by_name)
            for b in held if b.start < day_end and b.end > day_start
        ))
    return tuple(days)


def _until(start: datetime, end: datetime) -> str:
    local_start, local_end = local(start), local(end)
    if local_start.date() == local_end.date():
        return f"{minute_text(start)}–{local_end:%H:%M}"
    return f"{minute_text(start)}至{minute_text(end)}"


def conflict_message(conflict: Conflict, *, subject_name: str = "") -> str:
    """Return a Chinese sentence naming what clashes, when, and who holds it."""
    holder = conflict.holder
    when = _until(holder.start, holder.end)
    who = f"，{holder.booked_by_name}预订" if holder.booked_by_name else ""
    pending = "（待审批）" if holder.pending else ""
    if conflict.kind is ConflictKind.ROOM:
        name = subject_name or "该会议室"
        return f"{name}在{when}已被《{holder.title}》占用{who}{pending}"
    role = "主持人" if conflict.kind is ConflictKind.HOST else "参会人员"
    name = subject_name or role
    return f"{name}在{when}要参加《{holder.title}》，与本会议时间冲突"


def booking_to_dict(booking: Booking) -> dict[str, Any]:
    """Return the JSON form of a booking (as named in conflicts and rejections)."""
    return {
        "meeting_id": booking.meeting_id, "title": booking.title,
        "start": booking.start.isoformat(), "end": booking.end.isoformat(),
        "room_id": booking.room_id, "pending": booking.pending, "host_id": booking.host_id,
        "organiser_unit_id": booking.organiser_unit_id, "booked_by": booking.booked_by,
        "booked_by_name": booking.booked_by_name,
    }


def conflict_to_dict(conflict: Conflict) -> dict[str, Any]:
    """Return the JSON form of a conflict."""
    return {"kind": conflict.kind.value, "subject_id": conflict.subject_id,
            "at": conflict.at.isoformat(), "holder": booking_to_dict(conflict.holder)}


def room_to_dict(room: Room) -> dict[str, Any]:
    """Return the JSON form of a room, as offered to the loser of a booking race."""
    return {"id": room.id, "name": room.name, "building": room.building,
            "capacity": room.capacity, "needs_approval": room.needs_approval}
