"""iCalendar (RFC 5545) export of meetings and import of invitations, with `icalendar`.

Exported times carry TZID=Asia/Shanghai with its VTIMEZONE, so calendar programs show them at
the office's local time. People without an e-mail address get a `urn:x-officeapp:` address
that a later import maps back to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

import icalendar

from officeapp.errors import ValidationError
from officeapp.meetings.attendance import current_replies
from officeapp.meetings.conflicts import LOCAL_TZ
from officeapp.meetings.model import (
    AgendaItem,
    Attendee,
    AttendeeKind,
    Meeting,
    MeetingStatus,
    MeetingType,
    Reply,
    ReplyKind,
)
from officeapp.org import Organisation, Room

PRODID = "-//协同办公//officeapp//ZH"
MAX_ICS_BYTES = 1_000_000
DEFAULT_LENGTH = timedelta(hours=1)
_URN = "urn:x-officeapp:"
_NUMERALS = "一二三四五六七八九十"


class IcsMethod(StrEnum):
    """METHOD of the calendar: PUBLISH to add to one's calendar, REQUEST/CANCEL for iTIP."""

    PUBLISH = "PUBLISH"
    REQUEST = "REQUEST"
    CANCEL = "CANCEL"


@dataclass(frozen=True)
class Directory:
    """Names (and e-mail addresses where known) for the people, units and rooms of an export."""

    people: Mapping[str, str] = field(default_factory=dict)
    units: Mapping[str, str] = field(default_factory=dict)
    rooms: Mapping[str, Room] = field(default_factory=dict)
    emails: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, org: Organisation, rooms: Iterable[Room] = (),
           emails: Mapping[str, str] | None = None) -> Directory:
        """Return the directory of an organisation and its rooms."""
        return cls({p.id: p.name for p in org.people.values()},
                   {u.id: u.name for u in org.units.values()},
                   {r.id: r for r in rooms}, dict(emails or {}))

    def address(self, kind: AttendeeKind, ident: str) -> str:
        """Return the calendar address of a person or unit."""
        email = self.emails.get(ident) if kind is AttendeeKind.PERSON else None
        return f"mailto:{email}" if email else f"{_URN}{kind.value}:{ident}"

    def name(self, kind: AttendeeKind, ident: str) -> str:
        """Return the display name of a person or unit, or its id when unknown."""
        names = self.people if kind is AttendeeKind.PERSON else self.units
        return names.get(ident, ident)


# --- export ----------------------------------------------------------------------------------


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _local(moment: datetime) -> datetime:
    return moment.astimezone(LOCAL_TZ)


def _numbered(index: int) -> str:
    return _NUMERALS[index - 1] if 1 <= index <= len(_NUMERALS) else str(index)


def _agenda_lines(agenda: tuple[AgendaItem, ...], directory: Directory) -> list[str]:
    lines = ["议题："] if agenda else []
    for index, item in enumerate(agenda, start=1):
        unit = item.reporting_unit_id
        by = f"（汇报单位：{directory.name(AttendeeKind.UNIT, unit)}）" if unit else ""
        lines.append(f"{_numbered(index)}、{item.title}{by}")
        lines.extend(f"    材料：{m.name}" for m in item.materials)
    return lines


def description_of(meeting: Meeting, directory: Directory) -> str:
    """Return the plain-text DESCRIPTION: type, host, agenda and notes."""
    lines = [f"会议类型：{meeting.meeting_type.value}"]
    if meeting.host_id:
        lines.append(f"主持人：{directory.name(AttendeeKind.PERSON, meeting.host_id)}")
    lines += _agenda_lines(meeting.agenda, directory)
    if meeting.notes:
        lines += ["说明：", meeting.notes]
    return "\n".join(lines)


def location_of(meeting: Meeting, directory: Directory) -> str:
    """Return LOCATION: the room with its building, or the location text."""
    room = directory.rooms.get(meeting.room_id) if meeting.room_id else None
    if room is None:
        return meeting.location or (meeting.room_id or "")
    return f"{room.building} {room.name}".strip()


_PARTSTAT = {ReplyKind.ATTEND: "ACCEPTED", ReplyKind.LEAVE: "DECLINED",
             ReplyKind.DELEGATE: "DELEGATED"}


def _address(directory: Directory, kind: AttendeeKind, ident: str, **params: str) -> Any:
    address = icalendar.vCalAddress(directory.address(kind, ident))
    address.params["CN"] = directory.name(kind, ident)
    address.params["CUTYPE"] = "GROUP" if kind is AttendeeKind.UNIT else "INDIVIDUAL"
    for key, value in params.items():
        address.params[key.replace("_", "-").upper()] = value
    return address


def _attendee_line(
    directory: Directory, attendee: Attendee, reply: Reply | None, *, sit_in: bool
) -> Any:
    params = {"role": "OPT-PARTICIPANT" if sit_in else "REQ-PARTICIPANT",
              "partstat": "NEEDS-ACTION" if reply is None else _PARTSTAT[reply.kind],
              "rsvp": "TRUE" if reply is None else "FALSE"}
    if reply is not None and reply.deputy_id:
        params["delegated_to"] = directory.address(AttendeeKind.PERSON, reply.deputy_id)
    return _address(directory, attendee.kind, attendee.id, **params)


def _attendee_lines(meeting: Meeting, directory: Directory) -> list[Any]:
    replies = current_replies(meeting)
    lines: list[Any] = []
    if meeting.host_id:
        lines.append(_address(directory, AttendeeKind.PERSON, meeting.host_id,
                              role="CHAIR", partstat="ACCEPTED"))
    for group, sit_in in ((meeting.attendees, False), (meeting.sit_in, True)):
        for attendee in group:
            reply = replies.get(attendee)
            lines.append(_attendee_line(directory, attendee, reply, sit_in=sit_in))
            for person in () if reply is None else reply.people:
                lines.append(_address(directory, AttendeeKind.PERSON, person,
                                      role="OPT-PARTICIPANT" if sit_in else "REQ-PARTICIPANT",
                                      partstat="ACCEPTED",
                                      member=directory.address(attendee.kind, attendee.id)))
    return lines


def _status(meeting: Meeting) -> str:
    if meeting.status is MeetingStatus.CANCELLED:
        return "CANCELLED"
    return "TENTATIVE" if meeting.status is MeetingStatus.DRAFT else "CONFIRMED"


def uid_of(meeting: Meeting) -> str:
    """Return the event's UID: the imported one, else one made from the meeting id."""
    return meeting.ics_uid or f"{meeting.id}@officeapp"


def event_of(meeting: Meeting, *, directory: Directory, now: datetime) -> icalendar.Event:
    """Return the VEVENT of a meeting (or of a whole series, with its RRULE)."""
    event = icalendar.Event()
    event.add("uid", uid_of(meeting))
    event.add("dtstamp", _utc(now))
    event.add("dtstart", _local(meeting.start))
    event.add("dtend", _local(meeting.end))
    event.add("summary", meeting.title)
    event.add("location", location_of(meeting, directory))
    event.add("description", description_of(meeting, directory))
    event.add("categories", [meeting.meeting_type.value])
    event.add("status", _status(meeting))
    event.add("sequence", meeting.version)
    event.add("created", _utc(meeting.created_at))
    event.add("last-modified", _utc(meeting.updated_at or meeting.created_at))
    organiser = _address(directory, AttendeeKind.UNIT, meeting.organiser_unit_id)
    if meeting.created_by:
        organiser = _address(directory, AttendeeKind.PERSON, meeting.created_by)
        organiser.params["SENT-BY"] = directory.address(AttendeeKind.UNIT,
                                                        meeting.organiser_unit_id)
    event.add("organizer", organiser)
    for line in _attendee_lines(meeting, directory):
        event.add("attendee", line)
    if meeting.recurrence:
        event.add("rrule", icalendar.vRecur.from_ical(meeting.recurrence))
    return event


def _calendar(method: IcsMethod, name: str = "") -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method.value)
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def _finish(calendar: icalendar.Calendar) -> bytes:
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def meeting_to_ics(
    meeting: Meeting, *, directory: Directory, now: datetime,
    method: IcsMethod = IcsMethod.PUBLISH,
) -> bytes:
    """Return one meeting as an .ics file (UTF-8, CRLF lines)."""
    calendar = _calendar(method)
    calendar.add_component(event_of(meeting, directory=directory, now=now))
    return _finish(calendar)


def meetings_to_ics(
    meetings: Iterable[Meeting], *, directory: Directory, now: datetime, name: str = "我的会议",
) -> bytes:
    """Return "my meetings" as one published .ics calendar."""
    calendar = _calendar(IcsMethod.PUBLISH, name)
    for meeting in meetings:
        calendar.add_component(event_of(meeting, directory=directory, now=now))
    return _finish(calendar)


# --- import ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IcsPerson:
    """An ORGANIZER or ATTENDEE line of an invitation; `member` is the group it came through."""

    address: str
    name: str = ""
    role: str = ""
    group: bool = False
    member: str = ""


@dataclass(frozen=True)
class Invitation:
    """What an imported VEVENT proposes, before it becomes a draft meeting."""

    uid: str
    title: str
    start: datetime
    end: datetime
    location: str = ""
    description: str = ""
    recurrence: str | None = None
    organiser: IcsPerson | None = None
    attendees: tuple[IcsPerson, ...] = ()
    cancelled: bool = False
    categories: tuple[str, ...] = ()


def _refuse(code: str, message: str, **details: Any) -> ValidationError:
    return ValidationError(code, message, **details)


def _read_calendar(data: bytes | str) -> icalendar.Calendar:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_ICS_BYTES:
        raise _refuse("ics.too_large", "日历文件过大（不超过1MB）", size=len(raw))
    if b"BEGIN:VCALENDAR" not in raw[:4096].upper():
        raise _refuse("ics.not_calendar", "这不是iCalendar日历文件（.ics）")
    try:
        calendar = icalendar.Calendar.from_ical(raw)
    except (ValueError, KeyError, IndexError, TypeError, UnicodeDecodeError) as error:
        raise _refuse("ics.not_calendar", "日历文件格式不正确，无法读取",
                      reason=str(error)[:200]) from None
    if not isinstance(calendar, icalendar.Calendar) or calendar.name != "VCALENDAR":
        raise _refuse("ics.not_calendar", "这不是iCalendar日历文件（.ics）")
    return calendar


def _moment(value: Any) -> datetime:
    """Return a DTSTART/DTEND value as an aware time: dates at local midnight, floating local."""
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=LOCAL_TZ)
    if isinstance(value, date):
        return datetime.combine(value, time(0), LOCAL_TZ)
    raise TypeError("not a date or time")


def _times(event: icalendar.Component) -> tuple[datetime, datetime]:
    start_prop: Any = event.get("DTSTART")
    if start_prop is None:
        raise _refuse("ics.no_start", "日历中的会议没有开始时间（DTSTART）")
    try:
        start = _moment(start_prop.dt)
        end_prop: Any = event.get("DTEND")
        duration: Any = event.get("DURATION")
        if end_prop is not None:
            end = _moment(end_prop.dt)
        elif duration is not None:
            end = start + duration.dt
        else:
            all_day = not isinstance(start_prop.dt, datetime)
            end = start + (timedelta(days=1) if all_day else DEFAULT_LENGTH)
    except (AttributeError, TypeError, ValueError, OverflowError):
        raise _refuse("ics.bad_time", "日历中的会议时间格式不正确") from None
    if end <= start:
        raise _refuse("ics.bad_time", "日历中的会议结束时间早于开始时间")
    return start, end


def _person(value: Any) -> IcsPerson:
    params = getattr(value, "params", {})
    member = params.get("MEMBER", "")
    member = member[0] if isinstance(member, list) and member else member
    return IcsPerson(str(value), str(params.get("CN", "")), str(params.get("ROLE", "")),
                     str(params.get("CUTYPE", "")).upper() == "GROUP", str(member or ""))


def _people(value: Any) -> tuple[IcsPerson, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    return tuple(_person(v) for v in items)


def _text(event: icalendar.Component, name: str, limit: int) -> str:
    value = event.get(name)
    return "" if value is None else str(value).replace("\r\n", "\n").strip()[:limit]


def _categories(event: icalendar.Component) -> tuple[str, ...]:
    value = event.get("CATEGORIES")
    items = value if isinstance(value, list) else [value] if value is not None else []
    return tuple(str(c) for item in items for c in getattr(item, "cats", [item]))


def _invitation(event: icalendar.Component) -> Invitation:
    start, end = _times(event)
    rule = event.get("RRULE")
    recurrence = None
    if rule is not None:
        recurrence = (rule[0] if isinstance(rule, list) else rule).to_ical().decode()
    organiser = event.get("ORGANIZER")
    return Invitation(
        uid=_text(event, "UID", 255), title=_text(event, "SUMMARY", 200) or "未命名会议",
        start=start, end=end, location=_text(event, "LOCATION", 200),
        description=_text(event, "DESCRIPTION", 5_000), recurrence=recurrence,
        organiser=None if organiser is None else _person(organiser),
        attendees=_people(event.get("ATTENDEE")),
        cancelled=_text(event, "STATUS", 20).upper() == "CANCELLED",
        categories=_categories(event),
    )


def parse_invitations(data: bytes | str) -> tuple[Invitation, ...]:
    """Return every event of an .ics file, refusing files that are not iCalendar or hold none."""
    events = _read_calendar(data).walk("VEVENT")
    if not events:
        raise _refuse("ics.no_event", "日历文件中没有会议（VEVENT）")
    return tuple(_invitation(e) for e in events)


def parse_invitation(data: bytes | str) -> Invitation:
    """Return the first event of an .ics invitation."""
    return parse_invitations(data)[0]


def _match_attendee(person: IcsPerson, people_by_address: Mapping[str, str]) -> Attendee | None:
    address = person.address.strip()
    if address.lower().startswith(_URN):
        kind, _, ident = address[len(_URN):].partition(":")
        if kind in (k.value for k in AttendeeKind) and ident:
            return Attendee(AttendeeKind(kind), ident)
        return None
    email = address.split(":", 1)[-1].lower()
    person_id = people_by_address.get(email)
    return None if person_id is None else Attendee.person(person_id)


def _meeting_type(categories: tuple[str, ...]) -> MeetingType:
    values = {t.value: t for t in MeetingType}
    return next((values[c] for c in categories if c in values), MeetingType.OTHER)


@dataclass
class _Guests:
    """Attendees of an invitation sorted into what a draft meeting holds."""

    attendees: list[Attendee] = field(default_factory=list)
    sit_in: list[Attendee] = field(default_factory=list)
    strangers: list[str] = field(default_factory=list)
    host: str | None = None


def _guests(invitation: Invitation, lookup: Mapping[str, str]) -> _Guests:
    guests = _Guests()
    groups = {p.address for p in invitation.attendees if p.group}
    for person in invitation.attendees:
        if person.member and person.member in groups:
            continue  # named by a unit's reply: the unit is invited, not the person
        found = _match_attendee(person, lookup)
        role = person.role.upper()
        if role == "CHAIR":
            if found is not None and found.kind is AttendeeKind.PERSON:
                guests.host = found.id
        elif found is None:
            guests.strangers.append(person.name or person.address)
        elif role in ("OPT-PARTICIPANT", "NON-PARTICIPANT"):
            guests.sit_in.append(found)
        else:
            guests.attendees.append(found)
    return guests


def _as_dicts(attendees: Iterable[Attendee]) -> list[dict[str, str]]:
    return [{"kind": a.kind.value, "id": a.id} for a in dict.fromkeys(attendees)]


def invitation_fields(
    invitation: Invitation, *, rooms: Iterable[Room] = (),
    people_by_address: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Return `create_meeting` fields for an invitation: rooms matched by name, people by address.

    Attendees nobody here matches are kept by name in the notes, so nothing in the file is lost.
    """
    lookup = {k.lower(): v for k, v in (people_by_address or {}).items()}
    named = sorted((r for r in rooms if r.name), key=lambda r: -len(r.name))
    room = next((r for r in named if r.name in invitation.location), None)
    guests = _guests(invitation, lookup)
    notes = invitation.description
    if guests.strangers:
        notes = f"{notes}\n其他参会人员：{'、'.join(guests.strangers)}".strip()
    return {
        "title": invitation.title, "meeting_type": _meeting_type(invitation.categories).value,
        "start": invitation.start, "end": invitation.end,
        "room_id": None if room is None else room.id, "host_id": guests.host,
        "location": "" if room is not None else invitation.location,
        "attendees": _as_dicts(guests.attendees),
        "sit_in": _as_dicts(a for a in guests.sit_in if a not in guests.attendees),
        "notes": notes[:5_000], "recurrence": invitation.recurrence, "ics_uid": invitation.uid,
    }
