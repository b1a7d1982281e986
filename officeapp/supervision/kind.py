"""督办事项 as a record kind: its codec, files, listing columns and what it asks of whom.

Registered with the others in `officeapp.kinds`. The work is the one `supervision.inbox`
reasons about for a person, said per audience (the lead unit's pool, the supervisors, …).
"""

from __future__ import annotations

from collections.abc import Iterator

from officeapp.core.inbox import InboxEntry, pool, pools, urgency_level
from officeapp.core.kinds import RecordKind, blob_ids, columns
from officeapp.org import Role
from officeapp.supervision.codec import item_from_dict, item_to_dict
from officeapp.supervision.model import UNIT_ROLES, WORKING, Status, SupervisionItem
from officeapp.workflow.model import Attachment

KIND = "supervision"


def files(item: SupervisionItem) -> tuple[Attachment, ...]:
    """Return every file of the item: its progress reports' and completion request's."""
    found = [a for report in item.progress_reports for a in report.attachments]
    if item.completion_request is not None:
        found += item.completion_request.attachments
    return tuple(found)


def item_inbox(item: SupervisionItem) -> list[InboxEntry]:
    """Return what an item asks (to open, approve, assign, sign for, report, assist, decide an
    extension, review); and, done, one entry per person who acted on it (their last action)."""
    due = item.next_report_due or item.deadline
    updated = item.updated_at or item.created_at

    def entry(audience: str, task: str, *, done: bool = False) -> InboxEntry:
        return InboxEntry(KIND, item.id, audience, task, item.title, due,
                          urgency_level(item.urgency), done, updated)

    entries = [entry(audience, task) for audience, task in _todo(item)]
    last: dict[str, str] = {}
    for trace in item.trace:
        last[trace.actor_id] = trace.action.value
    entries += [entry(person, action, done=True) for person, action in last.items()]
    return entries


def _todo(item: SupervisionItem) -> Iterator[tuple[str, str]]:
    """Yield (audience, task) for the work the item waits for."""
    if item.status is Status.DRAFT:
        yield item.created_by, "open"
        return
    if item.status is Status.PENDING_APPROVAL:
        approver = item.approver_id or pool(item.supervisor_unit_id, Role.LEADER)
        yield approver, "approve"
        return
    lead = _lead_task(item)
    if lead is not None:
        yield from ((audience, lead) for audience in pools(item.lead_unit_id, UNIT_ROLES))
    supervise = _supervisor_task(item)
    if supervise is not None:
        yield pool(item.supervisor_unit_id, Role.SUPERVISOR), supervise
    if item.status in WORKING:
        for unit in item.co_unit_ids:
            yield from ((audience, "assist") for audience in pools(unit, UNIT_ROLES))


def _lead_task(item: SupervisionItem) -> str | None:
    if item.status is Status.ASSIGNED:
        return "sign_for"
    return "report" if item.status in WORKING else None


def _supervisor_task(item: SupervisionItem) -> str | None:
    if item.status is Status.COMPLETION_REQUESTED:
        return "review"
    if item.pending_extension is not None:
        return "decide_extension"
    return "assign" if item.status is Status.OPENED else None


SUPERVISION = RecordKind(
    KIND, "督办", "督办事项", "item_id", item_to_dict, item_from_dict,
    attachments=blob_ids(files), inbox=item_inbox,
    columns=columns("id", "title", "source", "status", "supervisor_unit_id", "lead_unit_id",
                    "co_unit_ids", "deadline", "next_report_due", "urgency", "parent_id",
                    "created_by", "created_at", "version", "updated_at"))
