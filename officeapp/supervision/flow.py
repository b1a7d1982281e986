"""The one pure function that decides every supervision action: (item, actor, action, now)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from officeapp.clock import acted_at, minute_text
from officeapp.core.verdict import (
    Accepted,
    Refused,
    Rejected,
    Verdict,
    accept,
    moved_away,
    person_text,
    ruled,
)
from officeapp.errors import ForbiddenError, Rejection, ValidationError
from officeapp.org import Actor, Role
from officeapp.supervision.fields import MAX_TEXT, parse_attachments, parse_fields, parse_moment
from officeapp.supervision.model import (
    ACTION_LABELS,
    STATUS_LABELS,
    UNIT_ROLES,
    WORKING,
    ActionKind,
    CompletionRequest,
    Effect,
    ExtensionRequest,
    ExtensionState,
    LinkKind,
    ProgressReport,
    Review,
    ReviewOutcome,
    Source,
    Status,
    SupervisionAction,
    SupervisionItem,
    SupervisionTraceEntry,
    Urging,
)
from officeapp.workflow.model import Document, Holder, Notify

_Handler = Callable[[SupervisionItem, Actor, SupervisionAction, datetime],
                    Accepted[SupervisionItem]]


# --- who may act ---------------------------------------------------------------------------


def is_supervisor(item: SupervisionItem, actor: Actor) -> bool:
    """Return whether the actor is a supervisor of the item's supervising unit (or below it)."""
    return Role.SUPERVISOR in actor.roles and item.supervisor_unit_id in actor.unit_path


def in_unit(unit_id: str | None, actor: Actor) -> bool:
    """Return whether the actor handles supervision work for `unit_id` (clerk or leader)."""
    return unit_id is not None and unit_id in actor.unit_path and actor.has_role(UNIT_ROLES)


def is_approver(item: SupervisionItem, actor: Actor) -> bool:
    """Return whether the actor may approve opening the item (the named leader, or any)."""
    if Role.LEADER not in actor.roles:
        return False
    if item.approver_id is not None:
        return actor.person_id == item.approver_id or item.approver_id in actor.acting_for
    return item.supervisor_unit_id in actor.unit_path


def unit_of(item: SupervisionItem, actor: Actor) -> str | None:
    """Return the item's unit the actor works for: the lead unit first, then a co-unit."""
    if in_unit(item.lead_unit_id, actor):
        return item.lead_unit_id
    return next((u for u in item.co_unit_ids if in_unit(u, actor)), None)


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise Refused("supervision.forbidden", message)


@dataclass(frozen=True)
class Audience:
    """Who may see an item: people of these units (or below them), and these people."""

    unit_ids: frozenset[str]
    person_ids: frozenset[str]


def audience(item: SupervisionItem) -> Audience:
    """Return who may see the item: supervisors always, the units once it is assigned."""
    units = {item.supervisor_unit_id}
    if item.status not in _BEFORE_ASSIGNMENT:
        units.update(u for u in (item.lead_unit_id, *item.co_unit_ids) if u is not None)
    people = {item.created_by, *item.informed_ids}
    if item.approver_id is not None:
        people.add(item.approver_id)
    return Audience(frozenset(units), frozenset(people))


_BEFORE_ASSIGNMENT = frozenset({Status.DRAFT, Status.PENDING_APPROVAL, Status.OPENED})


def fields_from_document(document: Document) -> dict[str, Any]:
    """Return the fields of a new item opened from an incoming document under 承办 (来文)."""
    label = f"{document.doc_number}《{document.title}》" if document.doc_number else document.title
    fields: dict[str, Any] = {
        "title": document.title, "source": Source.INCOMING_DOCUMENT.value,
        "source_link": {"kind": LinkKind.DOCUMENT.value, "record_id": document.id,
                        "label": label},
        "urgency": document.urgency.value, "lead_unit_id": document.lead_unit_id,
        "co_unit_ids": list(document.co_unit_ids),
    }
    if document.deadline is not None:
        fields["deadline"] = document.deadline
    return fields


# --- who hears about it --------------------------------------------------------------------


def lead_pool(item: SupervisionItem) -> tuple[Holder, ...]:
    """Return the lead unit's pool: its clerks and leaders."""
    return () if item.lead_unit_id is None else (Holder(item.lead_unit_id, UNIT_ROLES),)


def supervisor_pool(item: SupervisionItem) -> tuple[Holder, ...]:
    """Return the supervising unit's supervisors as a pool."""
    return (Holder(item.supervisor_unit_id, frozenset({Role.SUPERVISOR})),)


def _approvers(item: SupervisionItem) -> Notify:
    if item.approver_id is not None:
        return Notify("todo", person_ids=(item.approver_id,))
    return Notify("todo", holders=(Holder(item.supervisor_unit_id, frozenset({Role.LEADER})),))


def _informed(item: SupervisionItem, reason: str) -> tuple[Effect, ...]:
    return (Notify(reason, person_ids=item.informed_ids),) if item.informed_ids else ()


# --- trace ---------------------------------------------------------------------------------


def _entry(
    item: SupervisionItem, actor: Actor, kind: ActionKind, now: datetime, target: Status,
    *, opinion: str = "", details: Mapping[str, Any] | None = None,
) -> SupervisionTraceEntry:
    return SupervisionTraceEntry(
        seq=len(item.trace) + 1, action=kind, actor_id=actor.person_id, actor_name=actor.name,
        at=now, status=item.status, target_status=target, opinion=opinion,
        details=dict(details or {}),
    )


def _accept(
    before: SupervisionItem, after: SupervisionItem, actor: Actor, kind: ActionKind,
    now: datetime, *, opinion: str = "", details: Mapping[str, Any] | None = None,
    effects: tuple[Effect, ...] = (),
) -> Accepted[SupervisionItem]:
    entry = _entry(before, actor, kind, now, after.status, opinion=opinion, details=details)
    return accept(before, after, (entry,), now, effects)


def _text(action: SupervisionAction, *, required: str | None = None) -> str:
    return person_text(
        action.text, limit=MAX_TEXT,
        too_long=Refused("supervision.text_too_long", f"内容不能超过{MAX_TEXT}字"),
        missing=Refused("supervision.text_required", required) if required else None)


# --- creating ------------------------------------------------------------------------------


def create_item(
    *, item_id: str, actor: Actor, fields: Mapping[str, Any], now: datetime,
    parent: SupervisionItem | None = None, acted: datetime | None = None,
) -> SupervisionItem:
    """Return a new draft item (or a sub-item of `parent`: 分解), created by a supervisor
    (`acted`: when the person made it, by their client's clock)."""
    if Role.SUPERVISOR not in actor.roles:
        raise ForbiddenError("supervision.forbidden", "只有督查人员可以新建督办事项")
    values = parse_fields(fields)
    if parent is not None:
        values = _inherit(parent, actor, values)
    if "title" not in values or "source" not in values:
        name, label = ("title", "事项名称") if "title" not in values else ("source", "督办来源")
        raise ValidationError(f"supervision.invalid_{name}", f"{label}不能为空", field=name)
    item = SupervisionItem(id=item_id, supervisor_unit_id=actor.unit_id,
                           created_by=actor.person_id, created_at=now, **values)
    entry = SupervisionTraceEntry(
        seq=1, action=ActionKind.CREATE, actor_id=actor.person_id, actor_name=actor.name, at=now,
        status=Status.DRAFT, target_status=Status.DRAFT,
        details={} if parent is None else {"parent_id": parent.id}, acted_at=acted_at(acted, now),
    )
    return replace(item, trace=(entry,), updated_at=now)


def _inherit(parent: SupervisionItem, actor: Actor, values: dict[str, Any]) -> dict[str, Any]:
    """Return sub-item fields: the parent's source unless given, within the parent's deadline."""
    if not is_supervisor(parent, actor):
        raise ForbiddenError("supervision.forbidden", "只有本事项的督查人员可以分解事项")
    if parent.status is Status.COMPLETED:
        raise ValidationError("supervision.parent_completed", "已办结的事项不能再分解")
    deadline = values.get("deadline")
    if deadline is not None and parent.deadline is not None and deadline > parent.deadline:
        raise ValidationError("supervision.invalid_deadline",
                              f"分解事项的截止时间不能晚于原事项（{minute_text(parent.deadline)}）",
                              field="deadline")
    inherited = {"source": parent.source, "source_link": parent.source_link,
                 "urgency": parent.urgency, "informed_ids": parent.informed_ids,
                 "deadline": parent.deadline}
    return {**inherited, **values, "parent_id": parent.id}


# --- the actions ---------------------------------------------------------------------------


def _edit(item: SupervisionItem, actor: Actor, action: SupervisionAction,
          now: datetime) -> Accepted[SupervisionItem]:
    _require(is_supervisor(item, actor), "只有本事项的督查人员可以修改")
    if not action.changes:
        raise Refused("supervision.nothing_changed", "没有要修改的内容")
    values = parse_fields(action.changes)
    lead = values.get("lead_unit_id", item.lead_unit_id)
    co = values.get("co_unit_ids", item.co_unit_ids)
    values["co_unit_ids"] = tuple(u for u in co if u != lead)
    after = replace(item, **values)
    return _accept(item, after, actor, ActionKind.EDIT, now,
                   details={"fields": sorted(action.changes)})


def _check_ready(item: SupervisionItem, now: datetime) -> None:
    """Refuse to open or assign an item that lacks what the lead unit needs."""
    if not item.content:
        raise Refused("supervision.invalid_content", "督办内容不能为空", field="content")
    if item.lead_unit_id is None:
        raise Refused("supervision.invalid_lead_unit_id", "必须指定牵头单位",
                       field="lead_unit_id")
    if item.deadline is None:
        raise Refused("supervision.invalid_deadline", "必须指定办理时限", field="deadline")
    if item.deadline <= now:
        raise Refused("supervision.deadline_passed",
                       f"办理时限（{minute_text(item.deadline)}）已过，请先修改", field="deadline")


def _open(item: SupervisionItem, actor: Actor, action: SupervisionAction,
          now: datetime) -> Accepted[SupervisionItem]:
    _require(is_supervisor(item, actor), "只有本事项的督查人员可以立项")
    _check_ready(item, now)
    if item.needs_approval:
        after = replace(item, status=Status.PENDING_APPROVAL)
        return _accept(item, after, actor, ActionKind.OPEN, now, opinion=_text(action),
                       effects=(_approvers(item),))
    after = replace(item, status=Status.OPENED)
    return _accept(item, after, actor, ActionKind.OPEN, now, opinion=_text(action))


def _approve(item: SupervisionItem, actor: Actor, action: SupervisionAction,
             now: datetime) -> Accepted[SupervisionItem]:
    _require(is_approver(item, actor), "您不是本事项的审批领导")
    after = replace(item, status=Status.OPENED)
    return _accept(item, after, actor, ActionKind.APPROVE, now, opinion=_text(action),
                   effects=(Notify("approved", person_ids=(item.created_by,)),))


def _return(item: SupervisionItem, actor: Actor, action: SupervisionAction,
            now: datetime) -> Accepted[SupervisionItem]:
    if item.status is Status.PENDING_APPROVAL:
        _require(is_approver(item, actor), "您不是本事项的审批领导")
        after = replace(item, status=Status.DRAFT)
        effects: tuple[Effect, ...] = (Notify("returned", person_ids=(item.created_by,)),)
    elif item.status is Status.ASSIGNED:
        _require(in_unit(item.lead_unit_id, actor), "只有牵头单位可以退回交办")
        after = replace(item, status=Status.OPENED, assigned_at=None, next_report_due=None)
        effects = (Notify("returned", holders=supervisor_pool(item)),)
    else:
        _require(is_supervisor(item, actor), "只有本事项的督查人员可以审核办结申请")
        return _review(item, actor, action, now, ReviewOutcome.RETURN)
    reason = _text(action, required="退回时必须填写退回理由")
    return _accept(item, after, actor, ActionKind.RETURN, now, opinion=reason, effects=effects)


def _assign(item: SupervisionItem, actor: Actor, action: SupervisionAction,
            now: datetime) -> Accepted[SupervisionItem]:
    _require(is_supervisor(item, actor), "只有本事项的督查人员可以交办")
    _check_ready(item, now)
    after = replace(item, status=Status.ASSIGNED, assigned_at=now,
                    next_report_due=item.cycle.next_after(now))
    co = tuple(Holder(u, UNIT_ROLES) for u in item.co_unit_ids)
    effects = (Notify("todo", holders=lead_pool(item)),
               *((Notify("assist", holders=co),) if co else ()),
               *_informed(item, "informed"))
    return _accept(item, after, actor, ActionKind.ASSIGN, now, opinion=_text(action),
                   effects=effects)


def _receive(item: SupervisionItem, actor: Actor, action: SupervisionAction,
             now: datetime) -> Accepted[SupervisionItem]:
    _require(in_unit(item.lead_unit_id, actor), "只有牵头单位的办文人员或领导可以签收")
    after = replace(item, status=Status.RECEIVED, received_at=now, received_by=actor.person_id)
    return _accept(item, after, actor, ActionKind.RECEIVE, now, opinion=_text(action))


def _percent(action: SupervisionAction) -> int:
    value = action.percent
    if value is None or isinstance(value, bool) or not isinstance(value, int):
        raise Refused("supervision.invalid_percent", "请填写完成进度（0至100的整数）",
                       field="percent")
    if not 0 <= value <= 100:
        raise Refused("supervision.invalid_percent", "完成进度必须在0%至100%之间",
                       field="percent", value=value)
    return value


def _report(item: SupervisionItem, actor: Actor, action: SupervisionAction,
            now: datetime) -> Accepted[SupervisionItem]:
    unit_id = unit_of(item, actor)
    _require(unit_id is not None, "只有牵头单位和配合单位可以反馈进度")
    assert unit_id is not None
    report = ProgressReport(
        seq=len(item.progress_reports) + 1, percent=_percent(action),
        text=_text(action, required="请填写进展情况"), unit_id=unit_id,
        person_id=actor.person_id, person_name=actor.name, at=now,
        attachments=parse_attachments(action.attachments),
    )
    due = item.cycle.next_after(now) if unit_id == item.lead_unit_id else item.next_report_due
    after = replace(item, status=Status.IN_PROGRESS, next_report_due=due,
                    progress_reports=item.progress_reports + (report,))
    return _accept(item, after, actor, ActionKind.REPORT, now, opinion=report.text,
                   details={"report": report.seq, "percent": report.percent, "unit_id": unit_id},
                   effects=(Notify("report", holders=supervisor_pool(item)),))


def may_urge(item: SupervisionItem, actor: Actor) -> bool:
    """Return whether the actor may urge by hand: the item's supervisors and leaders."""
    return is_supervisor(item, actor) or Role.LEADER in actor.roles


def _urge(item: SupervisionItem, actor: Actor, action: SupervisionAction,
          now: datetime) -> Accepted[SupervisionItem]:
    _require(may_urge(item, actor), "只有督查人员和领导可以催办")
    text = _text(action) or f"请抓紧办理《{item.title}》"
    unit_ids = () if item.lead_unit_id is None else (item.lead_unit_id,)
    urging = Urging(item_id=item.id, at=now, by=actor.person_id, by_name=actor.name, text=text,
                    unit_ids=unit_ids, due=item.deadline)
    after = replace(item, urgings=item.urgings + (urging,))
    return _accept(item, after, actor, ActionKind.URGE, now, opinion=text,
                   effects=(Notify("urge", holders=lead_pool(item)),))


def _request_extension(item: SupervisionItem, actor: Actor, action: SupervisionAction,
                       now: datetime) -> Accepted[SupervisionItem]:
    _require(in_unit(item.lead_unit_id, actor), "只有牵头单位可以申请延期")
    if item.pending_extension is not None:
        raise Refused("supervision.extension_pending", "已有一项延期申请尚待审批")
    reason = _text(action, required="申请延期时必须填写理由")
    assert item.deadline is not None and item.lead_unit_id is not None
    requested = _later_deadline(item, action, now)
    request = ExtensionRequest(
        seq=len(item.extension_requests) + 1, reason=reason, requested_deadline=requested,
        previous_deadline=item.deadline, requested_by=actor.person_id,
        requested_by_name=actor.name, unit_id=item.lead_unit_id, requested_at=now,
    )
    after = replace(item, extension_requests=item.extension_requests + (request,))
    return _accept(item, after, actor, ActionKind.REQUEST_EXTENSION, now, opinion=reason,
                   details={"requested_deadline": requested.isoformat()},
                   effects=(Notify("extension", holders=supervisor_pool(item)),))


def _later_deadline(item: SupervisionItem, action: SupervisionAction, now: datetime) -> datetime:
    """Return the action's new deadline, which must follow both the current one and now."""
    if action.deadline is None:
        raise Refused("supervision.invalid_deadline", "请填写申请延期至的日期", field="deadline")
    try:
        requested = parse_moment(action.deadline)
    except ValidationError as error:
        raise Refused(error.code, error.message, **error.details) from None
    assert item.deadline is not None
    if requested <= item.deadline:
        raise Refused("supervision.extension_not_later",
                       f"延期后的时限必须晚于现在的办理时限（{minute_text(item.deadline)}）",
                       field="deadline")
    if requested <= now:
        raise Refused("supervision.extension_in_past", "延期后的时限必须晚于当前时间",
                       field="deadline")
    return requested


def _pending(item: SupervisionItem, actor: Actor) -> ExtensionRequest:
    _require(is_supervisor(item, actor), "只有本事项的督查人员可以审批延期申请")
    pending = item.pending_extension
    if pending is None:
        raise Refused("supervision.no_pending_extension", "没有待审批的延期申请")
    return pending


def _decide_extension(
    item: SupervisionItem, request: ExtensionRequest, actor: Actor, now: datetime,
    **decision: Any,
) -> SupervisionItem:
    decided = replace(request, decided_by=actor.person_id, decided_by_name=actor.name,
                      decided_at=now, **decision)
    return replace(item, extension_requests=item.extension_requests[:-1] + (decided,))


def _approve_extension(item: SupervisionItem, actor: Actor, action: SupervisionAction,
                       now: datetime) -> Accepted[SupervisionItem]:
    request = _pending(item, actor)
    granted = request.requested_deadline
    if action.deadline is not None:
        granted = _later_deadline(item, action, now)
    opinion = _text(action)
    after = _decide_extension(item, request, actor, now, state=ExtensionState.APPROVED,
                              opinion=opinion, granted_deadline=granted)
    after = replace(after, deadline=granted)
    return _accept(item, after, actor, ActionKind.APPROVE_EXTENSION, now, opinion=opinion,
                   details={"extension": request.seq, "from": _iso(item.deadline),
                            "to": granted.isoformat()},
                   effects=(Notify("extension_approved", person_ids=(request.requested_by,),
                                   holders=lead_pool(item)), *_informed(item, "informed")))


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _refuse_extension(item: SupervisionItem, actor: Actor, action: SupervisionAction,
                      now: datetime) -> Accepted[SupervisionItem]:
    request = _pending(item, actor)
    reason = _text(action, required="不同意延期时必须填写理由")
    after = _decide_extension(item, request, actor, now, state=ExtensionState.REFUSED,
                              opinion=reason)
    return _accept(item, after, actor, ActionKind.REFUSE_EXTENSION, now, opinion=reason,
                   details={"extension": request.seq},
                   effects=(Notify("extension_refused", person_ids=(request.requested_by,),
                                   holders=lead_pool(item)),))


def _request_completion(item: SupervisionItem, actor: Actor, action: SupervisionAction,
                        now: datetime) -> Accepted[SupervisionItem]:
    _require(in_unit(item.lead_unit_id, actor), "只有牵头单位可以申请办结")
    assert item.lead_unit_id is not None
    request = CompletionRequest(
        text=_text(action, required="申请办结时必须填写办理结果"), by=actor.person_id,
        by_name=actor.name, unit_id=item.lead_unit_id, at=now,
        attachments=parse_attachments(action.attachments),
    )
    after = replace(item, status=Status.COMPLETION_REQUESTED, completion_request=request,
                    review=None)
    details: dict[str, Any] = {}
    pending = item.pending_extension
    if pending is not None:
        # Finishing makes a pending extension moot; leaving it open would let it move the
        # deadline of a finished item.
        after = _decide_extension(after, pending, actor, now, state=ExtensionState.WITHDRAWN)
        details["withdrawn_extension"] = pending.seq
    return _accept(item, after, actor, ActionKind.REQUEST_COMPLETION, now, opinion=request.text,
                   details=details, effects=(Notify("review", holders=supervisor_pool(item)),))


def _complete(item: SupervisionItem, actor: Actor, action: SupervisionAction,
              now: datetime) -> Accepted[SupervisionItem]:
    _require(is_supervisor(item, actor), "只有本事项的督查人员可以审核办结申请")
    return _review(item, actor, action, now, ReviewOutcome.COMPLETE)


def _review(item: SupervisionItem, actor: Actor, action: SupervisionAction, now: datetime,
            outcome: ReviewOutcome) -> Accepted[SupervisionItem]:
    if outcome is ReviewOutcome.RETURN:
        reason = _text(action, required="退回时必须填写退回理由")
        review = Review(outcome, actor.person_id, actor.name, now, reason)
        after = replace(item, status=Status.RETURNED, review=review,
                        next_report_due=item.cycle.next_after(now))
        return _accept(item, after, actor, ActionKind.RETURN, now, opinion=reason,
                       effects=(Notify("returned", holders=lead_pool(item)),))
    opinion = _text(action)
    review = Review(outcome, actor.person_id, actor.name, now, opinion)
    after = replace(item, status=Status.COMPLETED, review=review, completed_at=now,
                    next_report_due=None)
    return _accept(item, after, actor, ActionKind.COMPLETE, now, opinion=opinion,
                   effects=(Notify("completed", holders=lead_pool(item)),
                            *_informed(item, "informed")))


# Which statuses each action may start from.
_RULES: Mapping[ActionKind, tuple[frozenset[Status], _Handler]] = {
    ActionKind.EDIT: (frozenset({Status.DRAFT, Status.OPENED}), _edit),
    ActionKind.OPEN: (frozenset({Status.DRAFT}), _open),
    ActionKind.APPROVE: (frozenset({Status.PENDING_APPROVAL}), _approve),
    ActionKind.RETURN: (frozenset({Status.PENDING_APPROVAL, Status.ASSIGNED,
                                   Status.COMPLETION_REQUESTED}), _return),
    ActionKind.ASSIGN: (frozenset({Status.OPENED}), _assign),
    ActionKind.RECEIVE: (frozenset({Status.ASSIGNED}), _receive),
    ActionKind.REPORT: (WORKING, _report),
    ActionKind.URGE: (WORKING | {Status.ASSIGNED}, _urge),
    ActionKind.REQUEST_EXTENSION: (WORKING, _request_extension),
    ActionKind.APPROVE_EXTENSION: (WORKING, _approve_extension),
    ActionKind.REFUSE_EXTENSION: (WORKING, _refuse_extension),
    ActionKind.REQUEST_COMPLETION: (WORKING, _request_completion),
    ActionKind.COMPLETE: (frozenset({Status.COMPLETION_REQUESTED}), _complete),
}


def decide_supervision(
    item: SupervisionItem, actor: Actor, action: SupervisionAction, now: datetime
) -> Verdict[SupervisionItem]:
    """Decide whether `actor` may do `action` to `item` at `now`, and what follows."""
    rule = _RULES.get(action.kind)
    if rule is None:
        return Rejected(Rejection("supervision.unknown_action", "不支持的操作",
                                             {"action": str(action.kind)}))
    statuses, handler = rule

    def checked() -> Accepted[SupervisionItem]:
        _check_expected_status(item, action)
        if item.status not in statuses:
            raise Refused(
                "supervision.action_not_allowed",
                f"事项当前为“{STATUS_LABELS[item.status]}”，不能{ACTION_LABELS[action.kind]}",
                status=item.status.value, action=action.kind.value,
            )
        return handler(item, actor, action, now)

    return ruled(checked, claimed=action.acted_at, now=now)


def _check_expected_status(item: SupervisionItem, action: SupervisionAction) -> None:
    """Refuse an action meant for a status the item has left, saying who moved it."""
    if action.expected_status is None or action.expected_status is item.status:
        return
    details: dict[str, Any] = {"expected_status": action.expected_status.value,
                               "status": item.status.value}
    message = f"事项已不是“{STATUS_LABELS[action.expected_status]}”状态"
    moved = [e for e in item.trace if e.target_status is not e.status]
    raise moved_away("supervision.status_moved", message, details,
                     last=moved[-1] if moved else None, did=ACTION_LABELS,
                     now_at=f"当前为“{STATUS_LABELS[item.status]}”")


def _probe(item: SupervisionItem, kind: ActionKind, now: datetime) -> SupervisionAction:
    """Return an action with plausible arguments, to ask whether the actor could do `kind`."""
    later = max(item.deadline or now, now) + timedelta(days=1)
    return SupervisionAction(kind, text="…", percent=0, deadline=later,
                             changes={"title": item.title})


def available_actions(
    item: SupervisionItem, actor: Actor, now: datetime
) -> list[ActionKind]:
    """Return the actions the actor may take now (the buttons the UI shows)."""
    return [kind for kind in _RULES
            if isinstance(decide_supervision(item, actor, _probe(item, kind, now), now),
                          Accepted)]
