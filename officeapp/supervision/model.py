"""The data the supervision rules work on: items, reports, urgings, requests, actions, effects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from officeapp.clock import OFFICE_TZ
from officeapp.core.labels import LabelledEnum, labels
from officeapp.core.trace import TraceRecord
from officeapp.documents import Urgency
from officeapp.org import Role
from officeapp.workflow.model import Attachment, Notify

# Who in a lead or co-operating unit handles its supervision work.
UNIT_ROLES = frozenset({Role.CLERK, Role.LEADER})

SYSTEM_ID = "system"
SYSTEM_NAME = "系统"


class Source(StrEnum):
    """Where a supervision item comes from; the value is the Chinese name."""

    LEADER_INSTRUCTION = "领导批示"
    MEETING_DECISION = "会议议定"
    HIGHER_ASSIGNMENT = "上级交办"
    INCOMING_DOCUMENT = "来文"
    PROPOSAL = "建议提案"


class LinkKind(StrEnum):
    """The kind of record an item was opened from."""

    DOCUMENT = "document"
    MEETING_DECISION = "meeting_decision"


@dataclass(frozen=True)
class SourceLink:
    """The record an item was opened from: an incoming document under 承办, a meeting decision."""

    kind: LinkKind
    record_id: str
    label: str = ""


class Status(LabelledEnum):
    """Where an item is in its life."""

    DRAFT = "draft", "草稿"
    PENDING_APPROVAL = "pending_approval", "待领导审批"
    OPENED = "opened", "已立项"
    ASSIGNED = "assigned", "已交办"
    RECEIVED = "received", "已签收"
    IN_PROGRESS = "in_progress", "办理中"
    COMPLETION_REQUESTED = "completion_requested", "待审核"
    RETURNED = "returned", "已退回"
    COMPLETED = "completed", "已办结"


STATUS_LABELS = labels(Status)

# The lead unit is working on it: reports, urgings, extensions and lights' report checks apply.
WORKING = frozenset({Status.RECEIVED, Status.IN_PROGRESS, Status.RETURNED})
# Handed out and not finished: the deadline and the reporting cycle run.
RUNNING = WORKING | {Status.ASSIGNED}


class CycleKind(StrEnum):
    """How often the lead unit reports progress."""

    NONE = "none"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    CUSTOM = "custom"


@dataclass(frozen=True)
class ReportingCycle:
    """The reporting cycle: weekly, monthly, every `days` days (custom), or none."""

    kind: CycleKind = CycleKind.NONE
    days: int = 0

    def next_after(self, moment: datetime) -> datetime | None:
        """Return when the next report is due if the last one was made at `moment`."""
        if self.kind is CycleKind.WEEKLY:
            return moment + timedelta(days=7)
        if self.kind is CycleKind.MONTHLY:
            return add_months(moment, 1)
        if self.kind is CycleKind.CUSTOM:
            return moment + timedelta(days=self.days)
        return None


def add_months(moment: datetime, months: int) -> datetime:
    """Return `moment` moved by whole calendar months, keeping the day where the month has it."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    following = date(year + month // 12, month % 12 + 1, 1)
    last_day = (following - timedelta(days=1)).day
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


def end_of_day(day: date) -> datetime:
    """Return the last second of `day` in Beijing time: a deadline given as a date."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=OFFICE_TZ)


@dataclass(frozen=True)
class ProgressReport:
    """One 进度反馈 by a person of the lead or a co-operating unit."""

    seq: int
    percent: int
    text: str
    unit_id: str
    person_id: str
    person_name: str
    at: datetime
    attachments: tuple[Attachment, ...] = ()


class Trigger(StrEnum):
    """What an automatic urging rule watches."""

    BEFORE_DEADLINE = "before_deadline"
    BEFORE_REPORT = "before_report"
    DEADLINE_OVERDUE = "deadline_overdue"
    REPORT_OVERDUE = "report_overdue"


@dataclass(frozen=True)
class Urging:
    """One 催办, by hand (`rule` empty) or by an automatic rule (`slot` says for which due)."""

    item_id: str
    at: datetime
    by: str
    by_name: str
    text: str
    unit_ids: tuple[str, ...] = ()
    rule: str = ""
    trigger: Trigger | None = None
    due: datetime | None = None
    slot: str = ""


class ExtensionState(StrEnum):
    """Where an extension request stands."""

    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class ExtensionRequest:
    """One 延期申请 by the lead unit, and the supervisor's decision on it."""

    seq: int
    reason: str
    requested_deadline: datetime
    previous_deadline: datetime
    requested_by: str
    requested_by_name: str
    unit_id: str
    requested_at: datetime
    state: ExtensionState = ExtensionState.PENDING
    decided_by: str | None = None
    decided_by_name: str = ""
    decided_at: datetime | None = None
    opinion: str = ""
    granted_deadline: datetime | None = None


@dataclass(frozen=True)
class CompletionRequest:
    """The lead unit's 办结申请: what was done, with supporting attachments."""

    text: str
    by: str
    by_name: str
    unit_id: str
    at: datetime
    attachments: tuple[Attachment, ...] = ()


class ReviewOutcome(StrEnum):
    """The supervisor's 审核 of a completion request."""

    COMPLETE = "complete"
    RETURN = "return"


@dataclass(frozen=True)
class Review:
    """The result of reviewing the latest completion request."""

    outcome: ReviewOutcome
    by: str
    by_name: str
    at: datetime
    reason: str = ""


class ActionKind(LabelledEnum):
    """Everything a person can do to an item; the value is the action name in a mutation."""

    EDIT = "edit", "修改"
    OPEN = "open", "立项"
    APPROVE = "approve", "批准立项"
    RETURN = "return", "退回"
    ASSIGN = "assign", "交办"
    RECEIVE = "receive", "签收"
    REPORT = "report", "进度反馈"
    URGE = "urge", "催办"
    REQUEST_EXTENSION = "request_extension", "延期申请"
    APPROVE_EXTENSION = "approve_extension", "同意延期"
    REFUSE_EXTENSION = "refuse_extension", "不同意延期"
    REQUEST_COMPLETION = "request_completion", "办结申请"
    COMPLETE = "complete", "办结销号"
    # Written by the rules themselves, never requested.
    CREATE = "create", "创建"


ACTION_LABELS = labels(ActionKind)


@dataclass(frozen=True, kw_only=True)
class SupervisionTraceEntry(TraceRecord):
    """One append-only record of who did what to an item, from which status to which (留痕)."""

    action: ActionKind
    status: Status
    target_status: Status


@dataclass(frozen=True)
class SupervisionItem:
    """A 督办事项 with its flow state. Unit fields hold unit ids, people fields person ids."""

    id: str
    title: str
    source: Source
    supervisor_unit_id: str
    created_by: str
    created_at: datetime
    status: Status = Status.DRAFT
    content: str = ""
    source_link: SourceLink | None = None
    urgency: Urgency = Urgency.NORMAL
    lead_unit_id: str | None = None
    co_unit_ids: tuple[str, ...] = ()
    informed_ids: tuple[str, ...] = ()
    parent_id: str | None = None
    deadline: datetime | None = None
    cycle: ReportingCycle = ReportingCycle()
    next_report_due: datetime | None = None
    needs_approval: bool = False
    approver_id: str | None = None
    assigned_at: datetime | None = None
    received_at: datetime | None = None
    received_by: str | None = None
    progress_reports: tuple[ProgressReport, ...] = ()
    urgings: tuple[Urging, ...] = ()
    extension_requests: tuple[ExtensionRequest, ...] = ()
    completion_request: CompletionRequest | None = None
    review: Review | None = None
    completed_at: datetime | None = None
    trace: tuple[SupervisionTraceEntry, ...] = ()
    version: int = 1
    updated_at: datetime | None = None

    @property
    def requested_at(self) -> datetime | None:
        """Return when completion was requested, while the request awaits review."""
        if self.status is Status.COMPLETION_REQUESTED and self.completion_request is not None:
            return self.completion_request.at
        return None

    @property
    def finished_at(self) -> datetime | None:
        """Return when the accepted completion request was made (the unit's finishing time)."""
        if self.status is Status.COMPLETED and self.completion_request is not None:
            return self.completion_request.at
        return None

    @property
    def percent(self) -> int:
        """Return the percent of the lead unit's latest report (0 before any)."""
        for report in reversed(self.progress_reports):
            if report.unit_id == self.lead_unit_id:
                return report.percent
        return 0

    @property
    def pending_extension(self) -> ExtensionRequest | None:
        """Return the extension request awaiting a decision, if any."""
        last = self.extension_requests[-1] if self.extension_requests else None
        return last if last is not None and last.state is ExtensionState.PENDING else None


@dataclass(frozen=True)
class SupervisionAction:
    """A request to act on an item; only the fields its kind needs are read.

    `text` is the opinion, reason, report or result text the action carries. `expected_status`
    is the status the person saw: an action meant for one status is never applied to another.
    """

    kind: ActionKind
    text: str = ""
    percent: int | None = None
    attachments: tuple[Attachment, ...] = ()
    deadline: datetime | None = None
    changes: Mapping[str, Any] = field(default_factory=dict)
    expected_status: Status | None = None
    acted_at: datetime | None = None  # when the person acted, by their client's clock


Effect = Notify
