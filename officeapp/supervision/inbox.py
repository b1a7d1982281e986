"""Supervision work in a person's inbox (待办): what waits for them, most pressing reason first."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from officeapp.core.labels import LabelledEnum, labels
from officeapp.documents import URGENCY_RANK, Urgency
from officeapp.org import Actor, Role
from officeapp.supervision.flow import in_unit, is_approver, is_supervisor
from officeapp.supervision.lights import (
    DEFAULT_WARN_DAYS,
    REASON_LIGHTS,
    Light,
    LightReason,
    light_reason,
)
from officeapp.supervision.model import UNIT_ROLES, WORKING, Status, SupervisionItem


class InboxReason(LabelledEnum):
    """Why an item is in someone's inbox."""

    TO_OPEN = "to_open", "待立项"
    TO_APPROVE = "to_approve", "待审批立项"
    TO_ASSIGN = "to_assign", "待交办"
    TO_RECEIVE = "to_receive", "待签收"
    OVERDUE = "overdue", "已逾期"
    REPORT_OVERDUE = "report_overdue", "进度反馈逾期"
    RETURNED = "returned", "办结申请被退回"
    TO_REPORT = "to_report", "办理中"
    TO_ASSIST = "to_assist", "配合办理"
    TO_DECIDE_EXTENSION = "to_decide_extension", "待审批延期"
    TO_REVIEW = "to_review", "待审核办结"


INBOX_LABELS = labels(InboxReason)


@dataclass(frozen=True)
class InboxEntry:
    """One supervision item waiting for a person, with why, by when, and its light."""

    item_id: str
    title: str
    reason: InboxReason
    due: datetime | None
    light: Light
    urgency: Urgency
    unit_id: str | None = None

    @property
    def label(self) -> str:
        """Return the reason in Chinese."""
        return self.reason.label


def _supervisor_reason(item: SupervisionItem, late: LightReason) -> InboxReason | None:
    if item.status is Status.COMPLETION_REQUESTED:
        return InboxReason.TO_REVIEW
    if item.pending_extension is not None:
        return InboxReason.TO_DECIDE_EXTENSION
    if item.status is Status.OPENED:
        return InboxReason.TO_ASSIGN
    if late is LightReason.OVERDUE and item.status in WORKING | {Status.ASSIGNED}:
        return InboxReason.OVERDUE
    return None


def _lead_reason(item: SupervisionItem, late: LightReason) -> InboxReason | None:
    if item.status is Status.ASSIGNED:
        return InboxReason.TO_RECEIVE
    if item.status not in WORKING:
        return None
    if late is LightReason.OVERDUE:
        return InboxReason.OVERDUE
    if late is LightReason.REPORT_OVERDUE:
        return InboxReason.REPORT_OVERDUE
    return InboxReason.RETURNED if item.status is Status.RETURNED else InboxReason.TO_REPORT


def _reason(item: SupervisionItem, actor: Actor, late: LightReason) -> InboxReason | None:
    """Return the most pressing reason the item waits for the actor, if it does."""
    if item.status is Status.DRAFT:
        return InboxReason.TO_OPEN if item.created_by == actor.person_id else None
    if item.status is Status.PENDING_APPROVAL:
        return InboxReason.TO_APPROVE if is_approver(item, actor) else None
    found = None
    if in_unit(item.lead_unit_id, actor):
        found = _lead_reason(item, late)
    if found is None and is_supervisor(item, actor):
        found = _supervisor_reason(item, late)
    if found is None and item.status in WORKING and any(in_unit(u, actor)
                                                        for u in item.co_unit_ids):
        found = InboxReason.TO_ASSIST
    return found


def _concern_test(actor: Actor) -> Callable[[SupervisionItem], bool]:
    """Return a cheap test of whether an item could wait for the actor (before its light)."""
    person, path = actor.person_id, frozenset(actor.unit_path)
    leader, supervisor = Role.LEADER in actor.roles, Role.SUPERVISOR in actor.roles
    unit_role = actor.has_role(UNIT_ROLES)

    def may_concern(item: SupervisionItem) -> bool:
        if item.created_by == person or (supervisor and item.supervisor_unit_id in path):
            return True
        if leader and item.status is Status.PENDING_APPROVAL:
            return True
        if not unit_role:
            return False
        return item.lead_unit_id in path or not path.isdisjoint(item.co_unit_ids)

    return may_concern


def inbox_entries(items: Iterable[SupervisionItem], actor: Actor, now: datetime, *,
                  warn_days: int = DEFAULT_WARN_DAYS) -> list[InboxEntry]:
    """Return the actor's supervision todo at `now`: overdue first, then by due and urgency."""
    warn = timedelta(days=warn_days)
    may_concern = _concern_test(actor)
    entries: list[InboxEntry] = []
    for item in items:
        if not may_concern(item):
            continue
        late, due = light_reason(item, now, warn)
        reason = _reason(item, actor, late)
        if reason is not None:
            entries.append(InboxEntry(item.id, item.title, reason, due, REASON_LIGHTS[late],
                                      item.urgency, item.lead_unit_id))
    return sorted(entries, key=_order)


_LIGHT_RANK = {Light.RED: 0, Light.YELLOW: 1, Light.GREEN: 2, Light.DONE: 3}


def _order(entry: InboxEntry) -> tuple[int, float, int, str]:
    due = entry.due.timestamp() if entry.due is not None else float("inf")
    return _LIGHT_RANK[entry.light], due, URGENCY_RANK[entry.urgency], entry.item_id
