"""The data the meeting rules work on: meetings, replies, check-ins, minutes, actions, effects."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from officeapp.core.labels import LabelledEnum, labels
from officeapp.core.trace import TraceRecord
from officeapp.workflow.model import Assignee, Attachment, Notify


class MeetingType(StrEnum):
    """会议类型; the value is what people see and what the wire carries."""

    EXECUTIVE = "常务会议"
    TOPICAL = "专题会议"
    OFFICE = "办公会"
    PARTY_GROUP = "党组会议"
    COORDINATION = "协调会"
    OTHER = "其他"


class MeetingStatus(LabelledEnum):
    """Where a meeting is in its life."""

    DRAFT = "draft", "草稿"
    NOTIFIED = "notified", "已发通知"
    CANCELLED = "cancelled", "已取消"
    HELD = "held", "已召开"
    MINUTED = "minuted", "纪要已印发"


STATUS_LABELS = labels(MeetingStatus)


class BookingState(StrEnum):
    """The room booking: waiting for the room's approver, confirmed, or refused."""

    PENDING = "pending"
    BOOKED = "booked"
    REFUSED = "refused"


class AttendeeKind(StrEnum):
    """An invitation goes to one person or to a whole unit."""

    PERSON = "person"
    UNIT = "unit"


class ReplyKind(StrEnum):
    """回执: attend, ask for leave (with a reason), or send a deputy."""

    ATTEND = "attend"
    LEAVE = "leave"
    DELEGATE = "delegate"


class CheckInMethod(StrEnum):
    """签到: marked by the meeting secretary, or by the person with the meeting's code."""

    SECRETARY = "secretary"
    CODE = "code"


class MeetingActionKind(LabelledEnum):
    """Everything a person can do to a meeting; the value is the mutation's action name."""

    EDIT = "edit", "修改"
    BOOK = "book", "预订会议室"
    APPROVE_ROOM = "approve_room", "同意使用会议室"
    REFUSE_ROOM = "refuse_room", "不同意使用会议室"
    SEND_NOTICE = "send_notice", "发送会议通知"
    REPLY = "reply", "回执"
    REMIND = "remind", "提醒"
    CHECK_IN = "check_in", "签到"
    CANCEL = "cancel", "取消会议"
    RECORD_MINUTES = "record_minutes", "记录纪要"
    PUBLISH_MINUTES = "publish_minutes", "印发纪要"
    OPEN_SUPERVISION = "open_supervision", "立项督办"
    # Written by the rules themselves, never requested.
    CREATE = "create", "创建"


MEETING_ACTION_LABELS = labels(MeetingActionKind)

# Supervision items opened from a meeting's decisions carry this source (督办来源).
SUPERVISION_SOURCE = "会议议定"


@dataclass(frozen=True)
class Attendee:
    """One invitation: a person, or a whole unit that replies naming who attends."""

    kind: AttendeeKind
    id: str

    @classmethod
    def person(cls, person_id: str) -> Attendee:
        """Return the invitation of one person."""
        return cls(AttendeeKind.PERSON, person_id)

    @classmethod
    def unit(cls, unit_id: str) -> Attendee:
        """Return the invitation of a whole unit."""
        return cls(AttendeeKind.UNIT, unit_id)


@dataclass(frozen=True)
class AgendaItem:
    """议题: a title, the unit that reports on it, its materials, and its place in the agenda."""

    title: str
    reporting_unit_id: str | None = None
    materials: tuple[Attachment, ...] = ()
    order: int = 0


@dataclass(frozen=True)
class RoomBooking:
    """The room a meeting holds, and where its approval stands."""

    room_id: str
    state: BookingState
    booked_by: str
    booked_by_name: str
    booked_at: datetime
    approver_id: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    reason: str = ""

    @property
    def holds_room(self) -> bool:
        """Return whether the booking keeps others out of the room (pending counts)."""
        return self.state is not BookingState.REFUSED


@dataclass(frozen=True)
class Reply:
    """回执 for one invitation; the latest reply for an invitation is the one in force."""

    seq: int
    attendee: Attendee
    kind: ReplyKind
    replied_by: str
    replied_by_name: str
    at: datetime
    reason: str = ""
    deputy_id: str | None = None
    people: tuple[str, ...] = ()
    on_behalf_of: str | None = None


@dataclass(frozen=True)
class CheckIn:
    """签到 of one person, under the invitation they fill (for a deputy: on behalf of whom)."""

    person_id: str
    attendee: Attendee
    at: datetime
    method: CheckInMethod
    by: str
    on_behalf_of: str | None = None
    sit_in: bool = False


@dataclass(frozen=True)
class Decision:
    """议定事项: what was decided, who leads it, by when; and its supervision item once opened."""

    no: int
    text: str
    lead_unit_id: str | None = None
    co_unit_ids: tuple[str, ...] = ()
    deadline: date | None = None
    supervision_item_id: str | None = None


@dataclass(frozen=True)
class AttendanceEntry:
    """One line of a 纪要's attendance: a person (maybe for someone else) or a whole unit."""

    person_id: str | None = None
    unit_id: str | None = None
    on_behalf_of: str | None = None
    reason: str = ""


@dataclass(frozen=True)
class Attendance:
    """出席 / 请假 / 列席, and those absent without leave, derived from replies and sign-in."""

    present: tuple[AttendanceEntry, ...] = ()
    on_leave: tuple[AttendanceEntry, ...] = ()
    sitting_in: tuple[AttendanceEntry, ...] = ()
    absent: tuple[AttendanceEntry, ...] = ()


@dataclass(frozen=True)
class Minutes:
    """会议纪要: its text, decisions and attendance; fixed once published."""

    text: str
    decisions: tuple[Decision, ...]
    attendance: Attendance
    recorded_by: str
    recorded_at: datetime
    published_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class MeetingTraceEntry(TraceRecord):
    """One append-only record of who did what to a meeting, in which status (留痕)."""

    status: MeetingStatus
    action: MeetingActionKind


@dataclass(frozen=True)
class Meeting:
    """A meeting (会议), or a recurring series of them, with everything that happened to it.

    `check_in_code` is "" when none was set and None when hidden from this viewer (the server
    sends it to the organiser's staff only; a client then accepts a code check-in
    provisionally and the server decides).
    """

    id: str
    title: str
    meeting_type: MeetingType
    start: datetime
    end: datetime
    organiser_unit_id: str
    created_by: str
    created_at: datetime
    status: MeetingStatus = MeetingStatus.DRAFT
    room_id: str | None = None
    location: str = ""
    host_id: str | None = None
    recorder_id: str | None = None
    attendees: tuple[Attendee, ...] = ()
    sit_in: tuple[Attendee, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    notes: str = ""
    recurrence: str | None = None
    series_id: str | None = None
    ics_uid: str = ""
    booking: RoomBooking | None = None
    check_in_code: str | None = ""
    replies: tuple[Reply, ...] = ()
    check_ins: tuple[CheckIn, ...] = ()
    minutes: Minutes | None = None
    trace: tuple[MeetingTraceEntry, ...] = ()
    version: int = 1
    updated_at: datetime | None = None


@dataclass(frozen=True)
class MeetingAction:
    """A request to act on a meeting; only the fields its kind needs are read.

    People travel as person ids and are resolved by each adapter against its own directory
    (as for documents), so a client cannot claim someone belongs to a unit they do not.
    """

    kind: MeetingActionKind
    changes: Mapping[str, Any] = field(default_factory=dict)
    room_id: str | None = None
    reason: str = ""
    reply: ReplyKind | None = None
    attendee: Attendee | None = None
    deputy: Assignee | None = None
    people: tuple[Assignee, ...] = ()
    person: Assignee | None = None
    check_in_code: str = ""
    text: str = ""
    decisions: tuple[Decision, ...] = ()
    decision_no: int | None = None
    supervision_item_id: str = ""
    acted_at: datetime | None = None  # when the person acted, by their client's clock


@dataclass(frozen=True)
class RequestRoomApproval:
    """Effect: ask the room's approver to approve this booking (a todo for them)."""

    meeting_id: str
    room_id: str
    approver_id: str | None
    title: str
    start: datetime
    end: datetime
    organiser_unit_id: str


@dataclass(frozen=True)
class OpenSupervisionItem:
    """Effect: open a 督办事项 from a decision, linked back to the meeting and decision.

    `deadline` is a day (the supervision domain takes its end); `link_label` names the
    meeting and decision for the item's source link (kind meeting_decision, `meeting_id`).
    """

    item_id: str
    source: str
    title: str
    content: str
    lead_unit_id: str
    co_unit_ids: tuple[str, ...]
    deadline: date
    meeting_id: str
    decision_no: int
    meeting_title: str
    link_label: str
    opened_by: str


MeetingEffect = Notify | RequestRoomApproval | OpenSupervisionItem


# Supervision items opened from a decision get ids derived from (meeting, decision number):
# the client's optimistic item and the server's are the same record, and a retried or
# replayed `open_supervision` can never open two.
DECISION_NAMESPACE = uuid.UUID("0c6b1f4e-8a57-4d1c-9a8e-3f2b7d5e9c61")


def decision_item_id(meeting_id: str, decision_no: int) -> str:
    """Return the id of the supervision item opened from decision `decision_no` of a meeting."""
    return str(uuid.uuid5(DECISION_NAMESPACE, f"{meeting_id}/{decision_no}"))
