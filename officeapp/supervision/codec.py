"""Items, urgings and actions to and from JSON-friendly dicts: one format for store, wire, server.

Reading never crashes on hostile input: anything malformed raises ValidationError with a code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, TypeVar

from officeapp.documents import Urgency
from officeapp.errors import DomainError, ValidationError
from officeapp.supervision.fields import parse_attachments, parse_cycle, parse_link, parse_moment
from officeapp.supervision.model import (
    ActionKind,
    CompletionRequest,
    ExtensionRequest,
    ExtensionState,
    ProgressReport,
    Review,
    ReviewOutcome,
    Source,
    SourceLink,
    Status,
    SupervisionAction,
    SupervisionItem,
    SupervisionTraceEntry,
    Trigger,
    Urging,
)
from officeapp.workflow.model import Attachment

T = TypeVar("T")


class _Malformed(Exception):
    """Internal: a value of the wrong shape."""


# --- writing -------------------------------------------------------------------------------


def _dt(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _attachments(values: tuple[Attachment, ...]) -> list[dict[str, Any]]:
    return [{"name": a.name, "sha256": a.sha256, "size": a.size} for a in values]


def _link(link: SourceLink | None) -> dict[str, Any] | None:
    if link is None:
        return None
    return {"kind": link.kind.value, "record_id": link.record_id, "label": link.label}


def report_to_dict(report: ProgressReport) -> dict[str, Any]:
    """Return the JSON form of a progress report."""
    return {"seq": report.seq, "percent": report.percent, "text": report.text,
            "unit_id": report.unit_id, "person_id": report.person_id,
            "person_name": report.person_name, "at": report.at.isoformat(),
            "attachments": _attachments(report.attachments)}


def urging_to_dict(urging: Urging) -> dict[str, Any]:
    """Return the JSON form of an urging."""
    return {"item_id": urging.item_id, "at": urging.at.isoformat(), "by": urging.by,
            "by_name": urging.by_name, "text": urging.text, "unit_ids": list(urging.unit_ids),
            "rule": urging.rule, "due": _dt(urging.due), "slot": urging.slot,
            "trigger": None if urging.trigger is None else urging.trigger.value}


def extension_to_dict(request: ExtensionRequest) -> dict[str, Any]:
    """Return the JSON form of an extension request."""
    return {"seq": request.seq, "reason": request.reason,
            "requested_deadline": request.requested_deadline.isoformat(),
            "previous_deadline": request.previous_deadline.isoformat(),
            "requested_by": request.requested_by, "requested_by_name": request.requested_by_name,
            "unit_id": request.unit_id, "requested_at": request.requested_at.isoformat(),
            "state": request.state.value, "decided_by": request.decided_by,
            "decided_by_name": request.decided_by_name, "decided_at": _dt(request.decided_at),
            "opinion": request.opinion, "granted_deadline": _dt(request.granted_deadline)}


def _completion(request: CompletionRequest | None) -> dict[str, Any] | None:
    if request is None:
        return None
    return {"text": request.text, "by": request.by, "by_name": request.by_name,
            "unit_id": request.unit_id, "at": request.at.isoformat(),
            "attachments": _attachments(request.attachments)}


def _review(review: Review | None) -> dict[str, Any] | None:
    if review is None:
        return None
    return {"outcome": review.outcome.value, "by": review.by, "by_name": review.by_name,
            "at": review.at.isoformat(), "reason": review.reason}


def trace_to_dict(entry: SupervisionTraceEntry) -> dict[str, Any]:
    """Return the JSON form of a trace entry."""
    return {"seq": entry.seq, "action": entry.action.value, "actor_id": entry.actor_id,
            "actor_name": entry.actor_name, "at": entry.at.isoformat(),
            "status": entry.status.value, "target_status": entry.target_status.value,
            "opinion": entry.opinion, "on_behalf_of": entry.on_behalf_of,
            "details": dict(entry.details), "acted_at": _dt(entry.acted_at)}


def item_to_dict(item: SupervisionItem) -> dict[str, Any]:
    """Return the JSON form of an item with its reports, urgings, requests and trace."""
    return {
        "id": item.id, "title": item.title, "source": item.source.value,
        "supervisor_unit_id": item.supervisor_unit_id, "created_by": item.created_by,
        "created_at": item.created_at.isoformat(), "status": item.status.value,
        "content": item.content, "source_link": _link(item.source_link),
        "urgency": item.urgency.value, "lead_unit_id": item.lead_unit_id,
        "co_unit_ids": list(item.co_unit_ids), "informed_ids": list(item.informed_ids),
        "parent_id": item.parent_id, "deadline": _dt(item.deadline),
        "cycle": {"kind": item.cycle.kind.value, "days": item.cycle.days},
        "next_report_due": _dt(item.next_report_due), "needs_approval": item.needs_approval,
        "approver_id": item.approver_id, "assigned_at": _dt(item.assigned_at),
        "received_at": _dt(item.received_at), "received_by": item.received_by,
        "progress_reports": [report_to_dict(r) for r in item.progress_reports],
        "urgings": [urging_to_dict(u) for u in item.urgings],
        "extension_requests": [extension_to_dict(e) for e in item.extension_requests],
        "completion_request": _completion(item.completion_request),
        "review": _review(item.review), "completed_at": _dt(item.completed_at),
        "trace": [trace_to_dict(e) for e in item.trace],
        "version": item.version, "updated_at": _dt(item.updated_at),
    }


def action_to_dict(action: SupervisionAction) -> dict[str, Any]:
    """Return the JSON form of an action (the args of a supervision mutation)."""
    return {"kind": action.kind.value, "text": action.text, "percent": action.percent,
            "attachments": _attachments(action.attachments), "deadline": _dt(action.deadline),
            "changes": dict(action.changes),
            "expected_status": None if action.expected_status is None
            else action.expected_status.value, "acted_at": _dt(action.acted_at)}


# --- reading -------------------------------------------------------------------------------


def _get(data: Mapping[str, Any], key: str, kind: type[T]) -> T:
    value = data[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _Malformed(key)
    return value


def _opt(data: Mapping[str, Any], key: str, kind: type[T], default: T) -> T:
    value = data.get(key)
    if value is None:
        return default
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _Malformed(key)
    return value


def _opt_str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise _Malformed(key)
    return value


def _moment(data: Mapping[str, Any], key: str) -> datetime:
    value = data[key]
    if not isinstance(value, str):
        raise _Malformed(key)
    return parse_moment(value, name=key, label=key)


def _opt_moment(data: Mapping[str, Any], key: str) -> datetime | None:
    return None if data.get(key) in (None, "") else _moment(data, key)


def _ids(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    values = _opt(data, key, list, [])
    if not all(isinstance(v, str) for v in values):
        raise _Malformed(key)
    return tuple(values)


def _maps(data: Mapping[str, Any], key: str,
          read: Callable[[Mapping[str, Any]], T]) -> tuple[T, ...]:
    values = _opt(data, key, list, [])
    if not all(isinstance(v, Mapping) for v in values):
        raise _Malformed(key)
    return tuple(read(v) for v in values)


def _one(data: Mapping[str, Any], key: str,
         read: Callable[[Mapping[str, Any]], T]) -> T | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise _Malformed(key)
    return read(value)


def report_from_dict(data: Mapping[str, Any]) -> ProgressReport:
    """Return the progress report described by `data`."""
    return ProgressReport(
        seq=_get(data, "seq", int), percent=_get(data, "percent", int),
        text=_get(data, "text", str), unit_id=_get(data, "unit_id", str),
        person_id=_get(data, "person_id", str), person_name=_opt(data, "person_name", str, ""),
        at=_moment(data, "at"), attachments=parse_attachments(data.get("attachments")),
    )


def urging_from_dict(data: Mapping[str, Any]) -> Urging:
    """Return the urging described by `data`."""
    trigger = _opt_str(data, "trigger")
    return Urging(
        item_id=_get(data, "item_id", str), at=_moment(data, "at"), by=_get(data, "by", str),
        by_name=_opt(data, "by_name", str, ""), text=_opt(data, "text", str, ""),
        unit_ids=_ids(data, "unit_ids"), rule=_opt(data, "rule", str, ""),
        trigger=None if trigger is None else Trigger(trigger), due=_opt_moment(data, "due"),
        slot=_opt(data, "slot", str, ""),
    )


def extension_from_dict(data: Mapping[str, Any]) -> ExtensionRequest:
    """Return the extension request described by `data`."""
    return ExtensionRequest(
        seq=_get(data, "seq", int), reason=_get(data, "reason", str),
        requested_deadline=_moment(data, "requested_deadline"),
        previous_deadline=_moment(data, "previous_deadline"),
        requested_by=_get(data, "requested_by", str),
        requested_by_name=_opt(data, "requested_by_name", str, ""),
        unit_id=_get(data, "unit_id", str), requested_at=_moment(data, "requested_at"),
        state=ExtensionState(_get(data, "state", str)), decided_by=_opt_str(data, "decided_by"),
        decided_by_name=_opt(data, "decided_by_name", str, ""),
        decided_at=_opt_moment(data, "decided_at"), opinion=_opt(data, "opinion", str, ""),
        granted_deadline=_opt_moment(data, "granted_deadline"),
    )


def _completion_from(data: Mapping[str, Any]) -> CompletionRequest:
    return CompletionRequest(
        text=_get(data, "text", str), by=_get(data, "by", str),
        by_name=_opt(data, "by_name", str, ""), unit_id=_get(data, "unit_id", str),
        at=_moment(data, "at"), attachments=parse_attachments(data.get("attachments")),
    )


def _review_from(data: Mapping[str, Any]) -> Review:
    return Review(outcome=ReviewOutcome(_get(data, "outcome", str)), by=_get(data, "by", str),
                  by_name=_opt(data, "by_name", str, ""), at=_moment(data, "at"),
                  reason=_opt(data, "reason", str, ""))


def trace_from_dict(data: Mapping[str, Any]) -> SupervisionTraceEntry:
    """Return the trace entry described by `data`."""
    return SupervisionTraceEntry(
        seq=_get(data, "seq", int), action=ActionKind(_get(data, "action", str)),
        actor_id=_get(data, "actor_id", str), actor_name=_opt(data, "actor_name", str, ""),
        at=_moment(data, "at"), status=Status(_get(data, "status", str)),
        target_status=Status(_get(data, "target_status", str)),
        opinion=_opt(data, "opinion", str, ""), on_behalf_of=_opt_str(data, "on_behalf_of"),
        details=dict(_opt(data, "details", dict, {})), acted_at=_opt_moment(data, "acted_at"),
    )


def _item(data: Mapping[str, Any]) -> SupervisionItem:
    return SupervisionItem(
        id=_get(data, "id", str), title=_get(data, "title", str),
        source=Source(_get(data, "source", str)),
        supervisor_unit_id=_get(data, "supervisor_unit_id", str),
        created_by=_get(data, "created_by", str), created_at=_moment(data, "created_at"),
        status=Status(_get(data, "status", str)), content=_opt(data, "content", str, ""),
        source_link=parse_link(data.get("source_link")),
        urgency=Urgency(_opt(data, "urgency", str, Urgency.NORMAL.value)),
        lead_unit_id=_opt_str(data, "lead_unit_id"), co_unit_ids=_ids(data, "co_unit_ids"),
        informed_ids=_ids(data, "informed_ids"), parent_id=_opt_str(data, "parent_id"),
        deadline=_opt_moment(data, "deadline"), cycle=parse_cycle(data.get("cycle")),
        next_report_due=_opt_moment(data, "next_report_due"),
        needs_approval=_opt(data, "needs_approval", bool, False),
        approver_id=_opt_str(data, "approver_id"), assigned_at=_opt_moment(data, "assigned_at"),
        received_at=_opt_moment(data, "received_at"), received_by=_opt_str(data, "received_by"),
        progress_reports=_maps(data, "progress_reports", report_from_dict),
        urgings=_maps(data, "urgings", urging_from_dict),
        extension_requests=_maps(data, "extension_requests", extension_from_dict),
        completion_request=_one(data, "completion_request", _completion_from),
        review=_one(data, "review", _review_from),
        completed_at=_opt_moment(data, "completed_at"),
        trace=_maps(data, "trace", trace_from_dict),
        version=_opt(data, "version", int, 1), updated_at=_opt_moment(data, "updated_at"),
    )


def _reading(read: Callable[[Mapping[str, Any]], T], data: Any, code: str, message: str) -> T:
    """Run `read`, turning any shape error into one ValidationError with `code`."""
    try:
        if not isinstance(data, Mapping):
            raise _Malformed("not an object")
        return read(data)
    except DomainError as error:
        raise ValidationError(code, message, reason=error.code,
                              field=error.details.get("field")) from None
    except (_Malformed, KeyError, ValueError, TypeError, AttributeError) as error:
        raise ValidationError(code, message, reason=str(error)) from None


def item_from_dict(data: Any) -> SupervisionItem:
    """Return the item described by `data` (as written by item_to_dict)."""
    return _reading(_item, data, "supervision.malformed_item", "督办事项数据格式不正确")


def _action(data: Mapping[str, Any]) -> SupervisionAction:
    expected = _opt_str(data, "expected_status")
    deadline = data.get("deadline")
    return SupervisionAction(
        kind=ActionKind(_get(data, "kind", str)), text=_opt(data, "text", str, ""),
        percent=None if data.get("percent") is None else _get(data, "percent", int),
        attachments=parse_attachments(data.get("attachments")),
        deadline=None if deadline in (None, "") else parse_moment(deadline),
        changes=dict(_opt(data, "changes", dict, {})),
        expected_status=None if expected is None else Status(expected),
        acted_at=_opt_moment(data, "acted_at"),
    )


def action_from_dict(data: Any) -> SupervisionAction:
    """Return the action in `data` (the args a client sent); malformed input is refused."""
    return _reading(_action, data, "supervision.malformed_action", "督办操作参数格式不正确")
