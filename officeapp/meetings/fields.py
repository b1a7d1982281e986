"""A meeting's editable fields, validated from the JSON-friendly values the UI and wire use."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from officeapp.clock import acted_at
from officeapp.core.fields import text_field
from officeapp.errors import ForbiddenError, ValidationError
from officeapp.meetings.model import (
    AgendaItem,
    Attendee,
    AttendeeKind,
    Meeting,
    MeetingActionKind,
    MeetingStatus,
    MeetingTraceEntry,
    MeetingType,
)
from officeapp.meetings.recurrence import check_recurrence, check_time, occurrences
from officeapp.org import Actor, Role
from officeapp.workflow.model import Attachment

MAX_TITLE = 200
MAX_TEXT = 5_000
MAX_ATTENDEES = 500
MAX_AGENDA = 100
# Who may organise: the unit's meeting secretaries and clerks.
ORGANISERS = frozenset({Role.SECRETARY, Role.CLERK})

FIELD_LABELS: Mapping[str, str] = {
    "title": "会议名称",
    "meeting_type": "会议类型",
    "start": "开始时间",
    "end": "结束时间",
    "room_id": "会议室",
    "location": "会议地点",
    "host_id": "主持人",
    "recorder_id": "记录人",
    "attendees": "参会人员",
    "sit_in": "列席人员",
    "agenda": "议题",
    "notes": "会议说明",
    "recurrence": "重复规则",
    "check_in_code": "签到码",
    "ics_uid": "日历标识",
}

# Changing any of these moves the meeting in time or space: the room must be booked again.
_BOOKING_FIELDS = frozenset({"start", "end", "room_id", "recurrence"})


def _bad(field: str, message: str) -> ValidationError:
    return ValidationError(f"meeting.invalid_{field}", message, field=field)


def _text(field: str, limit: int, *, required: bool = False) -> Callable[[Any], str]:
    return text_field(field, limit, label=FIELD_LABELS[field], bad=_bad,
                      required=required, clean=lambda v: v.replace("\r\n", "\n").strip())


def _optional_id(field: str) -> Callable[[Any], str | None]:
    def parse(value: Any) -> str | None:
        if value in (None, ""):
            return None
        if not isinstance(value, str) or len(value) > 100:
            raise _bad(field, f"{FIELD_LABELS[field]}无效")
        return value.strip() or None

    return parse


def parse_meeting_type(value: Any) -> MeetingType:
    """Return the meeting type named by its Chinese value or its code name."""
    text = str(value or "").strip()
    for kind in MeetingType:
        if text in (kind.value, kind.name, kind.name.lower()):
            return kind
    raise _bad("meeting_type", f"未知会议类型：{text[:20]}")


def _moment(field: str) -> Callable[[Any], datetime]:
    def parse(value: Any) -> datetime:
        if isinstance(value, datetime):
            moment = value
        else:
            try:
                moment = datetime.fromisoformat(str(value))
            except ValueError:
                raise _bad(field, f"{FIELD_LABELS[field]}不是有效时间") from None
        if moment.tzinfo is None:
            raise ValidationError("meeting.naive_time", "会议时间必须带时区", field=field)
        return moment

    return parse


def _attendee(field: str, value: Any) -> Attendee:
    if isinstance(value, Attendee):
        return value
    if isinstance(value, Mapping):
        kind, ident = value.get("kind"), value.get("id")
        kinds = {k.value for k in AttendeeKind}
        if isinstance(kind, str) and kind in kinds and isinstance(ident, str) and ident.strip():
            return Attendee(AttendeeKind(kind), ident.strip())
    raise _bad(field, f"{FIELD_LABELS[field]}的每一项都必须是人员或单位")


def _attendees(field: str) -> Callable[[Any], tuple[Attendee, ...]]:
    def parse(value: Any) -> tuple[Attendee, ...]:
        if value is None:
            return ()
        if not isinstance(value, list | tuple):
            raise _bad(field, f"{FIELD_LABELS[field]}必须是列表")
        found = tuple(dict.fromkeys(_attendee(field, v) for v in value))
        if len(found) > MAX_ATTENDEES:
            raise _bad(field, f"{FIELD_LABELS[field]}不能超过{MAX_ATTENDEES}个")
        return found

    return parse


def _material(value: Any) -> Attachment:
    if isinstance(value, Attachment):
        return value
    if isinstance(value, Mapping) and isinstance(value.get("name"), str) and value["name"].strip():
        sha, size = value.get("sha256", ""), value.get("size", 0)
        if (isinstance(sha, str) and len(sha) <= 64 and isinstance(size, int)
                and not isinstance(size, bool) and size >= 0):
            return Attachment(value["name"].strip()[:MAX_TITLE], sha, size)
    raise _bad("agenda", "议题材料必须有名称，校验值和大小必须有效")


def _materials(value: Any) -> tuple[Attachment, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise _bad("agenda", "议题材料必须是列表")
    return tuple(_material(v) for v in value)


def _agenda_item(value: Any, position: int) -> AgendaItem:
    if isinstance(value, AgendaItem):
        return value
    if not isinstance(value, Mapping):
        raise _bad("agenda", "每个议题都必须有标题")
    title = _text("agenda", MAX_TITLE, required=True)(value.get("title"))
    unit = _optional_id("agenda")(value.get("reporting_unit_id"))
    order = value.get("order", position)
    if not isinstance(order, int) or isinstance(order, bool):
        raise _bad("agenda", "议题顺序必须是整数")
    return AgendaItem(title, unit, _materials(value.get("materials")), order)


def _agenda(value: Any) -> tuple[AgendaItem, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise _bad("agenda", "议题必须是列表")
    if len(value) > MAX_AGENDA:
        raise _bad("agenda", f"议题不能超过{MAX_AGENDA}个")
    items = sorted((_agenda_item(v, i + 1) for i, v in enumerate(value)), key=lambda a: a.order)
    return tuple(replace(item, order=i + 1) for i, item in enumerate(items))


def _recurrence(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise _bad("recurrence", "重复规则必须是文字")
    return value


def _code(value: Any) -> str:
    text = "" if value is None else str(value).strip()
    if text and not (text.isascii() and text.isdigit() and 4 <= len(text) <= 8):
        raise _bad("check_in_code", "签到码必须是4至8位数字")
    return text


_PARSERS: Mapping[str, Callable[[Any], Any]] = {
    "title": _text("title", MAX_TITLE, required=True),
    "meeting_type": parse_meeting_type,
    "start": _moment("start"),
    "end": _moment("end"),
    "room_id": _optional_id("room_id"),
    "location": _text("location", MAX_TITLE),
    "host_id": _optional_id("host_id"),
    "recorder_id": _optional_id("recorder_id"),
    "attendees": _attendees("attendees"),
    "sit_in": _attendees("sit_in"),
    "agenda": _agenda,
    "notes": _text("notes", MAX_TEXT),
    "recurrence": _recurrence,
    "check_in_code": _code,
    "ics_uid": _text("ics_uid", 255),
}

EDITABLE_FIELDS = frozenset(_PARSERS)


def parse_fields(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Return `changes` parsed into field values; unknown fields and bad values are refused."""
    unknown = sorted(str(k) for k in set(changes) - EDITABLE_FIELDS)
    if unknown:
        raise ValidationError("meeting.unknown_field", f"不能修改这些字段：{'、'.join(unknown)}",
                              fields=unknown)
    return {name: _PARSERS[name](value) for name, value in changes.items()}


def check_meeting(meeting: Meeting) -> Meeting:
    """Return the meeting with its recurrence normalised, refusing inconsistent fields."""
    check_time(meeting.start, meeting.end)
    both = set(meeting.attendees) & set(meeting.sit_in)
    if both:
        raise _bad("sit_in", "同一人员或单位不能既是参会又是列席")
    return replace(meeting, recurrence=check_recurrence(meeting.start, meeting.end,
                                                        meeting.recurrence))


def apply_fields(meeting: Meeting, changes: Mapping[str, Any]) -> Meeting:
    """Return the meeting with validated `changes`; moving it in time or room drops its booking."""
    values = parse_fields(changes)
    changed = check_meeting(replace(meeting, **values))
    moved = any(getattr(changed, f) != getattr(meeting, f) for f in _BOOKING_FIELDS)
    return replace(changed, booking=None) if moved else changed


def create_meeting(
    *, meeting_id: str, actor: Actor, fields: Mapping[str, Any], now: datetime,
    acted: datetime | None = None,
) -> Meeting:
    """Return a new draft meeting organised by the actor's unit (`acted`: when the person
    made it, by their client's clock)."""
    if not actor.has_role(ORGANISERS):
        raise ForbiddenError("meeting.forbidden", "只有会务秘书或办文人员可以创建会议")
    for name in ("title", "meeting_type", "start", "end"):
        if name not in fields:
            raise _bad(name, f"{FIELD_LABELS[name]}不能为空")
    values = parse_fields(fields)
    meeting = check_meeting(Meeting(
        id=meeting_id, organiser_unit_id=actor.unit_id, created_by=actor.person_id,
        created_at=now, **values,
    ))
    entry = MeetingTraceEntry(seq=1, status=MeetingStatus.DRAFT, action=MeetingActionKind.CREATE,
                              actor_id=actor.person_id, actor_name=actor.name, at=now,
                              acted_at=acted_at(acted, now))
    return replace(meeting, trace=(entry,), updated_at=now)


def sitting_of(
    series: Meeting, start: datetime, *, meeting_id: str, actor: Actor, now: datetime
) -> Meeting:
    """Return one sitting of a recurring series as a meeting of its own, for sign-in and minutes.

    The sitting keeps the series' room, people, agenda and standing replies; sign-in, minutes
    and trace start afresh.
    """
    spans = dict(occurrences(series.start, series.end, series.recurrence))
    if series.recurrence is None or start not in spans:
        raise ValidationError("meeting.not_an_occurrence", "该时间不是这个周期性会议的某一次",
                              start=start.isoformat())
    if series.status is not MeetingStatus.NOTIFIED:
        raise ValidationError("meeting.wrong_status", "周期性会议发出通知后才能生成某一次会议")
    entry = MeetingTraceEntry(seq=1, status=series.status, action=MeetingActionKind.CREATE,
                              actor_id=actor.person_id, actor_name=actor.name, at=now,
                              details={"series_id": series.id})
    return replace(series, id=meeting_id, start=start, end=spans[start], recurrence=None,
                   series_id=series.id, ics_uid="", check_ins=(), minutes=None,
                   trace=(entry,), version=1, created_at=now, updated_at=now)
