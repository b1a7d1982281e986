"""iCalendar (RFC 5545) export of meetings and import of invitations, with `icalendar`.

Exported times carry TZID=Asia/Shanghai with its VTIMEZONE, so calendar programs show them at
the office's local time. People without an e-mail address get a `urn:x-officeapp:` address
that a later import maps back to them.

An imported file is read in its own charset (a byte order mark, strict UTF-8, the CHARSET
parameters old Outlook writes, or GB18030), never with silent replacement characters. An
event proposes a new draft meeting, or cancels the meetings that carry its UID (STATUS:
CANCELLED, or METHOD:CANCEL). Meetings have no per-occurrence exceptions, so an event that
cancels or changes one occurrence (RECURRENCE-ID) of a series held here is refused.
"""

from __future__ import annotations

import codecs
import quopri
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

import icalendar

from officeapp.clock import OFFICE_TZ, local, minute_text
from officeapp.core.verdict import Rejected
from officeapp.errors import DomainError, ForbiddenError, ValidationError
from officeapp.meetings.attendance import current_replies
from officeapp.meetings.model import (
    AgendaItem,
    Attendee,
    AttendeeKind,
    Meeting,
    MeetingAction,
    MeetingActionKind,
    MeetingStatus,
    MeetingType,
    Reply,
    ReplyKind,
)
from officeapp.meetings.rules import decide_meeting
from officeapp.org import Actor, Organisation, Room

PRODID = "-//协同办公//officeapp//ZH"
MAX_ICS_BYTES = 1_000_000
DEFAULT_LENGTH = timedelta(hours=1)
IMPORT_CANCEL_REASON = "按导入的日历文件取消"
_URN = "urn:x-officeapp:"
_OWN_UID = "@officeapp"
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
    return meeting.ics_uid or f"{meeting.id}{_OWN_UID}"


def meeting_id_in(uid: str) -> str | None:
    """Return the meeting id an exported UID is made from, or None for any other UID."""
    ident = uid.removesuffix(_OWN_UID)
    return ident if ident != uid and ident else None


def event_of(meeting: Meeting, *, directory: Directory, now: datetime) -> icalendar.Event:
    """Return the VEVENT of a meeting (or of a whole series, with its RRULE)."""
    event = icalendar.Event()
    event.add("uid", uid_of(meeting))
    event.add("dtstamp", _utc(now))
    event.add("dtstart", local(meeting.start))
    event.add("dtend", local(meeting.end))
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


class ImportKind(StrEnum):
    """What an imported event asks for."""

    CREATE = "create"  # a meeting: proposed as a new draft
    CANCEL = "cancel"  # cancel the meeting (or whole series) with the event's UID
    CANCEL_OCCURRENCE = "cancel_occurrence"  # cancel one occurrence (RECURRENCE-ID) of a series
    CHANGE_OCCURRENCE = "change_occurrence"  # move or retitle one occurrence of a series


@dataclass(frozen=True)
class Invitation:
    """What an imported VEVENT proposes, before it becomes a draft meeting (or cancels one).

    `cancelled` holds for STATUS:CANCELLED and for every event of a METHOD:CANCEL calendar;
    `occurrence` is the RECURRENCE-ID: the original start of the one occurrence it stands for.
    """

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
    occurrence: datetime | None = None

    @property
    def kind(self) -> ImportKind:
        """Return what the event asks for."""
        if self.occurrence is not None:
            return (ImportKind.CANCEL_OCCURRENCE if self.cancelled
                    else ImportKind.CHANGE_OCCURRENCE)
        return ImportKind.CANCEL if self.cancelled else ImportKind.CREATE


def _refuse(code: str, message: str, **details: Any) -> ValidationError:
    return ValidationError(code, message, **details)


# --- import: reading the file in its charset -----------------------------------------------

_PARSE_ERRORS = (ValueError, KeyError, IndexError, TypeError, UnicodeDecodeError)
# Byte order marks, UTF-32 first: its little-endian mark begins like UTF-16's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# What a CHARSET parameter may name (by Python's codec name) and the codec that reads it:
# Windows writes "GB2312" for its GBK code page and "ISO-8859-1" for Windows-1252, so each
# is read with its superset.
_CHARSETS: Mapping[str, str] = {
    "utf-8": "utf-8", "ascii": "utf-8",
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030",
    "big5": "cp950", "cp950": "cp950", "big5hkscs": "big5hkscs",
    "iso8859-1": "cp1252", "cp1252": "cp1252",
}
_RESAVE = "请用UTF-8编码另存后再导入"


def _bad_encoding(message: str, **details: Any) -> ValidationError:
    return _refuse("ics.bad_encoding", message, **details)


def _codec(name: str) -> str:
    """Return the codec that reads a charset named in the file, refusing unsupported ones."""
    try:
        found = codecs.lookup(name).name
    except (LookupError, ValueError, TypeError):
        found = ""
    if found not in _CHARSETS:
        raise _bad_encoding(f"日历文件使用了不支持的字符集“{name[:40]}”，{_RESAVE}",
                            charset=name[:40])
    return _CHARSETS[found]


def _decode_as(raw: bytes, codec: str, *, named: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        if codec == "cp1252":
            return raw.decode("latin-1")  # the five bytes Windows-1252 leaves undefined
        raise _bad_encoding(f"日历文件的文字与其字符集“{named[:40]}”不符，无法读取。{_RESAVE}",
                            charset=named[:40]) from None


def _charset_named(line: str) -> str:
    try:
        # icalendar leaves its content-line reader untyped.
        parsed = icalendar.parser.Contentline(line)  # type: ignore[no-untyped-call]
        _name, params, _value = parsed.parts()
    except _PARSE_ERRORS:
        return ""  # reading the file for real says what is wrong with the line
    return str(params.get("CHARSET", "")).strip()


def _declared(raw: bytes) -> dict[str, str]:
    """Return the codecs the file's CHARSET parameters name, each with the name as written.

    icalendar reads the content lines over the bytes taken one-to-one as characters, which
    keeps every ASCII byte of the property names and parameters as it is.
    """
    if b"CHARSET=" not in raw.upper():
        return {}
    text = raw.decode("latin-1")
    lines = icalendar.parser.Contentlines.from_ical(text)  # type: ignore[no-untyped-call]
    names = {_charset_named(line) for line in lines if "CHARSET=" in line.upper()}
    return {_codec(name): name for name in sorted(names - {""})}


def _strange(char: str) -> bool:
    """Return whether a character marks a wrong guess: private use, unassigned, a control."""
    category = unicodedata.category(char)
    return category in ("Co", "Cn", "Cs") or (category == "Cc" and char not in "\t\r\n")


def _guess(raw: bytes) -> str:
    """Read a file that is not UTF-8 and names no charset as GB18030, the Chinese Windows one.

    GB18030 reads most byte strings, so the text must also look like text.
    """
    try:
        text: str | None = raw.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is None or any(_strange(c) for c in set(text)):
        raise _bad_encoding(f"无法识别日历文件的文字编码（既不是UTF-8也不是GB18030），{_RESAVE}")
    return text


def _decode_declared(raw: bytes, declared: Mapping[str, str]) -> tuple[str, str]:
    others = {codec: name for codec, name in declared.items() if codec != "utf-8"}
    if len(others) > 1:
        names = "、".join(sorted(others.values()))
        raise _bad_encoding(f"日历文件中声明了多种字符集（{names}），无法读取。{_RESAVE}")
    if not others:
        named = next(iter(declared.values()))
        raise _bad_encoding(f"日历文件的文字与其字符集“{named[:40]}”不符，无法读取。{_RESAVE}",
                            charset=named[:40])
    codec, named = next(iter(others.items()))
    return _decode_as(raw, codec, named=named), codec


def _decode_marked(raw: bytes, codec: str) -> str:
    name = codec.removesuffix("-sig").upper()
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        raise _bad_encoding(f"日历文件开头标明是{name}编码，但内容不是有效的{name}，无法读取。"
                            f"{_RESAVE}", charset=name) from None
    if "BEGIN:VCALENDAR" not in text[:4096].upper():
        raise _refuse("ics.not_calendar", "这不是iCalendar日历文件（.ics）")
    return text


def _decode(raw: bytes) -> tuple[str, str]:
    """Return the text of a calendar file, and the codec of quoted-printable values that name
    no charset.

    A byte order mark decides; else strict UTF-8 (which text in another charset almost never
    passes); else the charset the CHARSET parameters name; else a careful GB18030 guess.
    Every decoding is strict, so a U+FFFD in the text is one the file itself spells.
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return _decode_marked(raw, codec), "utf-8"
    if b"BEGIN:VCALENDAR" not in raw[:4096].upper():
        raise _refuse("ics.not_calendar", "这不是iCalendar日历文件（.ics）")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared(raw)
    if declared:
        return _decode_declared(raw, declared)
    return _guess(raw), "gb18030"


def _unquoted(value: str, params: Mapping[str, Any], codec: str) -> str:
    if value.endswith("="):
        # A soft line break: vCalendar 1.0 continues the value on a line icalendar cannot join.
        raise _bad_encoding(f"日历文件中有跨行的QUOTED-PRINTABLE文字，无法完整读取。{_RESAVE}")
    try:
        raw = quopri.decodestring(value.encode("ascii"))
    except UnicodeEncodeError:
        return value  # not quoted after all: the text is already read
    named = str(params.get("CHARSET", "")).strip()
    return _decode_as(raw, _codec(named) if named else codec, named=named or codec)


def _unquote(calendar: icalendar.Calendar, codec: str) -> None:
    """Decode the QUOTED-PRINTABLE text values of vCalendar 1.0 (old Outlook) in place."""
    for event in calendar.walk("VEVENT"):
        for name, value in list(event.items()):
            params = getattr(value, "params", {})
            if (isinstance(value, icalendar.vText)
                    and str(params.get("ENCODING", "")).upper() == "QUOTED-PRINTABLE"):
                event[name] = icalendar.vText(_unquoted(str(value), params, codec))


@dataclass(frozen=True)
class _Source:
    """A calendar as read, and whether its text itself spells U+FFFD."""

    calendar: icalendar.Calendar
    spells_replacement: bool


def _read_calendar(data: bytes | str) -> _Source:
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if len(raw) > MAX_ICS_BYTES:
        raise _refuse("ics.too_large", "日历文件过大（不超过1MB）", size=len(raw))
    text, codec = _decode(raw)
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except _PARSE_ERRORS as error:
        raise _refuse("ics.not_calendar", "日历文件格式不正确，无法读取",
                      reason=str(error)[:200]) from None
    if not isinstance(calendar, icalendar.Calendar) or calendar.name != "VCALENDAR":
        raise _refuse("ics.not_calendar", "这不是iCalendar日历文件（.ics）")
    _unquote(calendar, codec)
    return _Source(calendar, "\ufffd" in text)


# --- import: events ----------------------------------------------------------------------------


def _moment(value: Any) -> datetime:
    """Return a DTSTART/DTEND value as an aware time: dates at local midnight, floating local."""
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=OFFICE_TZ)
    if isinstance(value, date):
        return datetime.combine(value, time(0), OFFICE_TZ)
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


def _occurrence(event: icalendar.Component) -> datetime | None:
    value: Any = event.get("RECURRENCE-ID")
    if value is None:
        return None
    try:
        return _moment(value.dt)
    except (AttributeError, TypeError, ValueError, OverflowError):
        raise _refuse("ics.bad_time", "日历中某一次会议的原定时间（RECURRENCE-ID）格式不正确"
                      ) from None


def _invitation(event: icalendar.Component, *, method: str) -> Invitation:
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
        cancelled=(_text(event, "STATUS", 20).upper() == "CANCELLED"
                   or method == IcsMethod.CANCEL),
        categories=_categories(event), occurrence=_occurrence(event),
    )


def _texts(invitation: Invitation) -> Iterator[str]:
    yield from (invitation.uid, invitation.title, invitation.location, invitation.description)
    yield from invitation.categories
    for person in (invitation.organiser, *invitation.attendees):
        if person is not None:
            yield from (person.address, person.name, person.member)


def parse_invitations(data: bytes | str) -> tuple[Invitation, ...]:
    """Return every event of an .ics file, refusing files that are not iCalendar or hold none,
    and files whose text cannot be read without replacement characters."""
    source = _read_calendar(data)
    events = source.calendar.walk("VEVENT")
    if not events:
        raise _refuse("ics.no_event", "日历文件中没有会议（VEVENT）")
    method = _text(source.calendar, "METHOD", 20).upper()
    invitations = tuple(_invitation(e, method=method) for e in events)
    if not source.spells_replacement and any(
            "\ufffd" in text for i in invitations for text in _texts(i)):
        raise _bad_encoding(f"日历文件中有无法识别的文字（乱码），未导入。{_RESAVE}")
    return invitations


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


# --- import: what a file does here ------------------------------------------------------------


@dataclass(frozen=True)
class IcsImport:
    """An .ics file to import: the event acted on and the events left aside.

    One import handles one meeting: the first event that is not an occurrence override (a
    one-off meeting or a series), else the first event.
    """

    invitation: Invitation
    left_aside: tuple[Invitation, ...] = ()

    @property
    def kind(self) -> ImportKind:
        """Return what the event acted on asks for."""
        return self.invitation.kind


def read_ics(data: bytes | str) -> IcsImport:
    """Return what an .ics file asks for, refusing files that cannot be read as invitations."""
    events = parse_invitations(data)
    chosen = next((e for e in events if e.occurrence is None), events[0])
    return IcsImport(chosen, tuple(e for e in events if e is not chosen))


def left_aside_note(ics: IcsImport) -> str:
    """Return what the import did not take from the file, for people ("" when nothing)."""
    same = sum(1 for e in ics.left_aside if e.uid == ics.invitation.uid)
    others = len(ics.left_aside) - same
    notes = []
    if same:
        notes.append(f"文件中对该会议某几次的单独修改或取消（{same}处）未导入")
    if others:
        notes.append(f"文件中另有{others}个会议未导入（每次导入一个会议）")
    return "；".join(notes)


@dataclass(frozen=True)
class NewDraft:
    """Import step: propose a new draft meeting from the invitation (see `invitation_fields`)."""

    invitation: Invitation


@dataclass(frozen=True)
class Cancellation:
    """Import step: cancel these meetings with the cancel action, giving `reason`."""

    invitation: Invitation
    meetings: tuple[Meeting, ...]
    reason: str = IMPORT_CANCEL_REASON


ImportStep = NewDraft | Cancellation


def with_uid(meetings: Iterable[Meeting], uid: str) -> tuple[Meeting, ...]:
    """Return the meetings whose calendar UID is `uid` (imported with it, or exported as it)."""
    return tuple(m for m in meetings if uid and uid_of(m) == uid)


def _one_occurrence(invitation: Invitation, series: Meeting, occurrence: datetime
                    ) -> ValidationError:
    what = "取消" if invitation.cancelled else "修改"
    return _refuse(
        f"ics.occurrence_{'cancel' if invitation.cancelled else 'change'}_unsupported",
        f"日历文件要单独{what}周期性会议“{series.title}”中{minute_text(occurrence)}的那一次。"
        f"本系统不能单独{what}周期性会议中的某一次，未做任何更改，也未新建会议",
        meeting_id=series.id, occurrence=occurrence.isoformat())


def _not_cancellable(meeting: Meeting, outcome: Rejected) -> DomainError:
    rejection = outcome.rejection
    message = f"不能按日历文件取消会议“{meeting.title}”：{rejection.message}"
    kind = ForbiddenError if rejection.code == "meeting.forbidden" else ValidationError
    return kind(rejection.code, message, **{**rejection.details, "meeting_id": meeting.id})


def _cancellation(invitation: Invitation, found: tuple[Meeting, ...], actor: Actor,
                  now: datetime) -> Cancellation:
    if not found:
        when = minute_text(invitation.occurrence or invitation.start)
        raise _refuse("ics.meeting_not_found",
                      f"本机没有找到日历文件要取消的会议“{invitation.title}”（{when}），"
                      "未做任何更改。如该会议尚未同步到本机，请同步后再导入",
                      uid=invitation.uid)
    live = tuple(m for m in found if m.status is not MeetingStatus.CANCELLED)
    if not live:
        raise _refuse("ics.already_cancelled", f"会议“{found[0].title}”已经取消，未做任何更改",
                      meeting_id=found[0].id)
    action = MeetingAction(MeetingActionKind.CANCEL, reason=IMPORT_CANCEL_REASON)
    for meeting in live:
        outcome = decide_meeting(meeting, actor, action, now)
        if isinstance(outcome, Rejected):
            raise _not_cancellable(meeting, outcome)
    return Cancellation(invitation, live)


def plan_import(
    ics: IcsImport, *, meetings: Iterable[Meeting], actor: Actor, now: datetime
) -> ImportStep:
    """Return what importing `ics` does here, given the meetings held locally.

    A cancellation cancels every live meeting with the event's UID (after checking the actor
    may); one for an occurrence cancels a one-off meeting made from that occurrence. An
    override of an occurrence of a series held here is refused, since meetings hold no
    per-occurrence exceptions; one of a series not held here is a meeting of its own.
    """
    invitation = ics.invitation
    if invitation.kind is ImportKind.CREATE:
        return NewDraft(invitation)
    found = with_uid(meetings, invitation.uid)
    occurrence = invitation.occurrence
    if occurrence is not None:
        series = [m for m in found if m.recurrence is not None]
        if series:
            raise _one_occurrence(invitation, series[0], occurrence)
        if invitation.kind is ImportKind.CHANGE_OCCURRENCE:
            return NewDraft(invitation)
        found = tuple(m for m in found if m.start == occurrence)
    return _cancellation(invitation, found, actor, now)
