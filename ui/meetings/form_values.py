"""The meeting form's values and checks, without widgets: the rules' message per field, the
conflicts as sentences, the repeat rule, a meeting's fields as the form holds them.

Qt-free (texts go through `ui.common.translate`), so these are tested without a widget.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from officeapp.clock import OFFICE_TZ
from officeapp.errors import ValidationError
from officeapp.meetings import (
    AgendaItem,
    Attendee,
    Booking,
    Conflict,
    ConflictKind,
    Meeting,
    MeetingType,
    conflict_message,
    free_rooms_over,
)
from officeapp.meetings.fields import check_meeting, parse_fields
from officeapp.meetings.rules import headcount
from officeapp.org import Actor, Organisation, Room
from ui.common.messages import refusal_text
from ui.common.translate import QT_TRANSLATE_NOOP, tr
from ui.meetings.occurrences import spans_of, when_text

REPEATS = (("", "不重复"), ("DAILY", "每天"), ("WEEKLY", "每周"), ("MONTHLY", "每月"))
# Messages of the time checks that carry no field: they belong beside the end time.
_FIELD_OF_CODE = {"meeting.bad_time": "end", "meeting.too_long": "end",
                  "meeting.naive_time": "start"}
# The rules' warnings of busy people on booking: the live check names each of them already.
CLASH_WARNINGS = frozenset(f"meeting.{kind.value}_busy" for kind in ConflictKind)
NEW_ID = "（新会议）"
# Texts the form translates from variables (the rules' field labels, the repeat choices),
# listed so that lupdate files them for translation.
_VARIABLE_TEXTS = (
    QT_TRANSLATE_NOOP("", "会议名称"), QT_TRANSLATE_NOOP("", "会议类型"),
    QT_TRANSLATE_NOOP("", "开始时间"), QT_TRANSLATE_NOOP("", "结束时间"),
    QT_TRANSLATE_NOOP("", "主持人"), QT_TRANSLATE_NOOP("", "记录人"),
    QT_TRANSLATE_NOOP("", "会议说明"), QT_TRANSLATE_NOOP("", "不重复"),
    QT_TRANSLATE_NOOP("", "每天"), QT_TRANSLATE_NOOP("", "每周"), QT_TRANSLATE_NOOP("", "每月"),
)


def field_of(error: ValidationError, default: str) -> str:
    return str(error.details.get("field") or _FIELD_OF_CODE.get(error.code, default))


def proposal(values: Mapping[str, Any], *, base: Meeting | None, actor: Actor,
             now: datetime) -> Meeting:
    """Return the meeting the form describes (the edited one, or a new draft), checked."""
    parsed = parse_fields(values)
    if base is not None:
        return check_meeting(replace(base, **parsed))
    return check_meeting(Meeting(id=NEW_ID, organiser_unit_id=actor.unit_id,
                                 created_by=actor.person_id, created_at=now, **parsed))


def form_errors(values: Mapping[str, Any], *, base: Meeting | None = None,
                actor: Actor | None = None, now: datetime | None = None) -> dict[str, str]:
    """Return the rules' message per field; the checks across fields (times, 列席) too."""
    errors: dict[str, str] = {}
    for name, value in values.items():
        try:
            parse_fields({name: value})
        except ValidationError as error:
            errors.setdefault(field_of(error, name), refusal_text(error))
    if "start" in errors or "end" in errors:
        return errors
    # The checks across fields run whatever else is wrong: an end before the start shows
    # while the title is still blank.
    usable = {k: v for k, v in values.items() if k not in errors}
    usable["title"] = usable.get("title") or NEW_ID
    usable.setdefault("meeting_type", MeetingType.OTHER.value)
    someone = actor or Actor("", "", "", (), frozenset())
    try:
        proposal(usable, base=base, actor=someone, now=now or datetime.now(OFFICE_TZ))
    except ValidationError as error:
        errors.setdefault(field_of(error, "end"), refusal_text(error))
    return errors


def conflict_lines(conflicts: Sequence[Conflict], *, org: Organisation,
                   rooms: Mapping[str, Room]) -> list[tuple[ConflictKind, str]]:
    """Return one sentence per room or person and other meeting (room first), naming the
    holder's title and time: a series and its sittings are one other meeting."""
    seen: set[tuple[ConflictKind, str, str]] = set()
    lines: list[tuple[ConflictKind, str]] = []
    order = {ConflictKind.ROOM: 0, ConflictKind.HOST: 1, ConflictKind.PERSON: 2}
    for conflict in sorted(conflicts, key=lambda c: (order[c.kind], c.at)):
        key = (conflict.kind, conflict.subject_id, conflict.holder.family)
        if key in seen:
            continue
        seen.add(key)
        if conflict.kind is ConflictKind.ROOM:
            room = rooms.get(conflict.subject_id)
            name = room.name if room else conflict.subject_id
        else:
            person = org.people.get(conflict.subject_id)
            name = person.name if person else conflict.subject_id
            name = (tr("主持人{0}") if conflict.kind is ConflictKind.HOST else "{0}").format(name)
        lines.append((conflict.kind, conflict_text(conflict, name)))
    return lines


_ROOM_TAKEN = QT_TRANSLATE_NOOP("", "{0}在{1}已被《{2}》占用")
_PERSON_BUSY = QT_TRANSLATE_NOOP("", "{0}在{1}要参加《{2}》，与本会议时间冲突")


def conflict_text(conflict: Conflict, name: str) -> str:
    """Return what clashes, when and with what: the domain's sentence, or its translation."""
    template = _ROOM_TAKEN if conflict.kind is ConflictKind.ROOM else _PERSON_BUSY
    if tr(template) == template:  # Chinese: the rules' own wording
        return conflict_message(conflict, subject_name=name)
    holder = conflict.holder
    text = tr(template).format(name, when_text(holder.start, holder.end), holder.title)
    if conflict.kind is ConflictKind.ROOM and holder.booked_by_name:
        text += tr("，{0}预订").format(holder.booked_by_name)
    return text + (tr("（待审批）") if conflict.kind is ConflictKind.ROOM and holder.pending
                   else "")


def free_rooms_for(meeting: Meeting, rooms: Iterable[Room],
                   bookings: Sequence[Booking]) -> tuple[Room, ...]:
    """Return the rooms free at every occurrence, with seats for everyone expected."""
    return free_rooms_over(spans_of(meeting), rooms, bookings, min_capacity=headcount(meeting),
                           ignore=meeting.series_id or meeting.id)


def repeat_rule(frequency: str, count: int) -> str | None:
    """Return the RRULE of the form's repeat choice (None when it does not repeat)."""
    return f"FREQ={frequency};COUNT={count}" if frequency else None


def parse_repeat(rule: str | None) -> tuple[str, int] | None:
    """Return (frequency, count) of a rule the form can show, or None for any other rule."""
    if not rule:
        return "", 1
    parts = dict(p.partition("=")[::2] for p in rule.upper().split(";"))
    if set(parts) == {"FREQ", "COUNT"} and parts["COUNT"].isdigit() and parts["FREQ"] in (
            "DAILY", "WEEKLY", "MONTHLY"):
        return parts["FREQ"], int(parts["COUNT"])
    return None


def meeting_fields(meeting: Meeting) -> dict[str, Any]:
    """Return a meeting's editable fields in the JSON form the form's values use."""
    return {
        "title": meeting.title, "meeting_type": meeting.meeting_type.value,
        "start": meeting.start.isoformat(), "end": meeting.end.isoformat(),
        "room_id": meeting.room_id, "location": meeting.location, "host_id": meeting.host_id,
        "recorder_id": meeting.recorder_id, "attendees": _attendee_dicts(meeting.attendees),
        "sit_in": _attendee_dicts(meeting.sit_in), "agenda": [agenda_dict(a)
                                                             for a in meeting.agenda],
        "notes": meeting.notes, "recurrence": meeting.recurrence,
    }


def _attendee_dicts(attendees: Iterable[Attendee]) -> list[dict[str, str]]:
    return [{"kind": a.kind.value, "id": a.id} for a in attendees]


def agenda_dict(item: AgendaItem) -> dict[str, Any]:
    return {"title": item.title, "reporting_unit_id": item.reporting_unit_id,
            "materials": [{"name": m.name, "sha256": m.sha256, "size": m.size}
                          for m in item.materials]}


def aware(moment: Any) -> datetime:
    value = moment if isinstance(moment, datetime) else datetime.fromisoformat(str(moment))
    return value if value.tzinfo else value.replace(tzinfo=OFFICE_TZ)
