"""The one pure function that decides every workflow action: (record, actor, action, now)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from officeapp.clock import minute_text
from officeapp.core.verdict import (
    Accepted,
    Refused,
    Rejected,
    Verdict,
    accept,
    moved_away,
    moved_first,
    person_text,
    ruled,
)
from officeapp.errors import Rejection
from officeapp.org import Actor, Role
from officeapp.workflow.body import new_version_details
from officeapp.workflow.definitions import (
    URGERS,
    WORKFLOWS,
    HolderRule,
    StepDef,
    StepEffect,
    WorkflowDef,
)
from officeapp.workflow.fields import apply_changes, check_ready_to_send
from officeapp.workflow.model import (
    ACTION_LABELS,
    Action,
    ActionKind,
    AllocateItemNumber,
    AllocateNumber,
    ArchiveInfo,
    Assignee,
    Circulation,
    Distribute,
    Document,
    Effect,
    Holder,
    Informed,
    Notify,
    Retention,
    SealDocument,
    TraceEntry,
)

MAX_OPINION = 5_000


def workflow_of(document: Document) -> WorkflowDef:
    """Return the workflow the document follows."""
    return WORKFLOWS[document.direction]


def current_step(document: Document) -> StepDef:
    """Return the definition of the document's current step."""
    return workflow_of(document).step(document.step)


# --- who holds what ------------------------------------------------------------------------


def may_hold(holder: Holder, actor: Actor) -> bool:
    """Return whether `actor` may act on `holder`, in person or through a delegation."""
    if holder.done:
        return False
    if holder.person_id is not None:
        return holder.person_id == actor.person_id or holder.person_id in actor.acting_for
    return holder.unit_id in actor.unit_path and actor.has_role(holder.roles)


def _holder_of(document: Document, actor: Actor) -> int | None:
    """Return the index of the open holder the actor takes: their own first, then others'."""
    fallback: int | None = None
    own_draft = current_step(document).excludes_creator and document.created_by == actor.person_id
    for index, holder in enumerate(document.holders):
        if not may_hold(holder, actor) or (own_draft and holder.person_id is None):
            continue
        if holder.person_id == actor.person_id:
            return index
        if fallback is None:
            fallback = index
    return fallback


def pending_holders(document: Document) -> tuple[Holder, ...]:
    """Return the holders who still have to act."""
    return tuple(h for h in document.holders if not h.done)


def _entry_by(document: Document, person_id: str, kinds: Iterable[ActionKind]) -> TraceEntry:
    wanted = frozenset(kinds)
    for entry in reversed(document.trace):
        if entry.actor_id == person_id and entry.action in wanted and entry.step == document.step:
            return entry
    return document.trace[-1]


def _explain_not_holder(document: Document, actor: Actor) -> Refused:
    """Say why the actor cannot act here: someone else took it, it moved on, or not theirs."""
    step = current_step(document)
    for holder in document.holders:
        if holder.person_id and holder.person_id != actor.person_id and holder.claimed_at:
            pool = replace(holder, person_id=None)
            if may_hold(pool, actor):
                entry = _entry_by(document, holder.person_id, (ActionKind.CLAIM,))
                return Refused(
                    "workflow.already_claimed",
                    f"该环节已由{entry.actor_name}于{minute_text(entry.at)}签收办理",
                    winner_id=holder.person_id, winner_name=entry.actor_name,
                    at=entry.at.isoformat(), step=step.key,
                )
    last = document.trace[-1] if document.trace else None
    if last is not None and last.actor_id != actor.person_id and last.action in _MOVES:
        who, details = moved_first(actor_id=last.actor_id, actor_name=last.actor_name,
                                   at=last.at, did=f"办理（{_label(document, last.step)}）")
        return Refused("workflow.not_holder",
                       f"您不是当前环节（{step.label}）的办理人；{who}", step=step.key, **details)
    return Refused(
        "workflow.not_holder", f"您不是当前环节（{step.label}）的办理人", step=step.key
    )


# Actions beside the route: they neither move the document nor count as taking it up.
_ASIDES = frozenset({ActionKind.URGE, ActionKind.CIRCULATE, ActionKind.ACKNOWLEDGE,
                     ActionKind.INFORM, ActionKind.READ})

_MOVES = frozenset({ActionKind.APPROVE, ActionKind.RETURN, ActionKind.WITHDRAW,
                    ActionKind.CLAIM, ActionKind.ACKNOWLEDGE})


def _label(document: Document, step_key: str) -> str:
    return workflow_of(document).step(step_key).label


def _require_holder(document: Document, actor: Actor) -> int:
    index = _holder_of(document, actor)
    if index is None:
        raise _explain_not_holder(document, actor)
    return index


# --- entering a step -----------------------------------------------------------------------


def _pool(document: Document, step: StepDef, unit_id: str) -> Holder:
    return Holder(unit_id=unit_id, roles=step.roles)


def _check_assignee(document: Document, step: StepDef, assignee: Assignee) -> Holder:
    """Return a personal holder for `assignee` if they fit the step's pool."""
    if step.excludes_creator and assignee.person_id == document.created_by:
        raise Refused("workflow.bad_assignee", f"拟稿人不能自己{step.label}",
                       person_id=assignee.person_id, step=step.key)
    if document.owner_unit_id not in assignee.unit_path or not step.roles & assignee.roles:
        raise Refused(
            "workflow.bad_assignee",
            f"所选人员不能办理“{step.label}”环节",
            person_id=assignee.person_id, step=step.key,
        )
    return Holder(unit_id=document.owner_unit_id, roles=step.roles, person_id=assignee.person_id)


def holders_for(
    document: Document, step: StepDef, assignees: tuple[Assignee, ...] = ()
) -> tuple[Holder, ...]:
    """Return who holds `step` when the document enters it."""
    rule = step.holders
    if rule is HolderRule.OWNER:
        if len(assignees) > 1:
            raise Refused("workflow.one_assignee",
                           f"“{step.label}”环节只能由一人办理；需要多人时请用加签")
        if assignees:
            return (_check_assignee(document, step, assignees[0]),)
        return (_pool(document, step, document.owner_unit_id),)
    if rule is HolderRule.COUNTERSIGN:
        return tuple(_pool(document, step, u) for u in document.countersign_units)
    if rule is HolderRule.HANDLING:
        lead = () if document.lead_unit_id is None else (document.lead_unit_id,)
        units = lead + tuple(u for u in document.co_unit_ids if u not in lead)
        return tuple(
            replace(_pool(document, step, u), lead=(u == document.lead_unit_id)) for u in units
        )
    if rule is HolderRule.READERS:
        return tuple(Holder(unit_id="", person_id=p) for p in document.circulate_to)
    return ()


def _enter(
    document: Document, step: StepDef, assignees: tuple[Assignee, ...]
) -> tuple[Document, StepDef]:
    """Move the document into `step`, skipping optional steps that nobody would hold."""
    workflow = workflow_of(document)
    while True:
        holders = holders_for(document, step, assignees)
        if holders or not step.skip_when_empty:
            return replace(document, step=step.key, holders=holders), step
        following = workflow.after(step.key)
        assert following is not None, "a skippable step is never last"
        step = following


def _leave_effects(document: Document, step: StepDef, now: datetime) -> tuple[Effect, ...]:
    if step.effect is StepEffect.NUMBER:
        return (AllocateNumber(document.agency_code, now.year),)
    if step.effect is StepEffect.SEAL:
        return (SealDocument(document.owner_unit_id),)
    if step.effect is StepEffect.DISTRIBUTE:
        return (Distribute(document.main_recipients, document.cc_recipients),)
    return ()


# --- trace ---------------------------------------------------------------------------------


def _entry(
    document: Document,
    actor: Actor,
    action: ActionKind,
    now: datetime,
    *,
    holder: Holder | None = None,
    opinion: str = "",
    target_step: str | None = None,
    details: Mapping[str, Any] | None = None,
) -> TraceEntry:
    on_behalf = None
    if holder is not None and holder.person_id not in (None, actor.person_id):
        on_behalf = holder.person_id  # a standing delegation: the actor stands in
    elif holder is not None and holder.on_behalf_of not in (None, actor.person_id):
        on_behalf = holder.on_behalf_of  # the work was handed over by 委托
    return TraceEntry(
        seq=len(document.trace) + 1,
        step=document.step,
        action=action,
        actor_id=actor.person_id,
        actor_name=actor.name,
        at=now,
        opinion=opinion,
        on_behalf_of=on_behalf,
        target_step=target_step,
        details=dict(details or {}),
    )


def _opinion(action: Action, *, required: str | None = None) -> str:
    return person_text(
        action.opinion, limit=MAX_OPINION,
        too_long=Refused("opinion.too_long", f"意见不能超过{MAX_OPINION}字"),
        missing=Refused("opinion.required", required) if required else None)


# --- the actions ---------------------------------------------------------------------------


def _edit(doc: Document, actor: Actor, action: Action, now: datetime) -> Accepted[Document]:
    holder = doc.holders[_require_holder(doc, actor)]
    if not action.changes:
        raise Refused("workflow.nothing_changed", "没有要修改的内容")
    changed = apply_changes(doc, action.changes, by=actor, at=now)
    entry = _entry(doc, actor, ActionKind.EDIT, now, holder=holder,
                   details={"fields": sorted(action.changes),
                            **new_version_details(doc, changed)})
    return accept(doc, changed, (entry,), now)


def _prepare_approve(doc: Document, actor: Actor, action: Action) -> Document:
    """Apply what approving this particular step carries with it."""
    if action.unit_ids and doc.step in ("draft", "review"):
        units = tuple(dict.fromkeys(u for u in action.unit_ids if u != doc.owner_unit_id))
        doc = replace(doc, countersign_units=units)
    if doc.step == "draft":
        check_ready_to_send(doc)
    elif doc.step == "sign":
        doc = replace(doc, signer_id=actor.person_id, signer_name=actor.name)
    elif doc.step == "number" and not doc.agency_code:
        raise Refused("document.invalid_agency_code", "没有机关代字，无法编号",
                       field="agency_code")
    elif doc.step == "instruct":
        lead = action.lead_unit_id or doc.lead_unit_id
        if lead is None:
            raise Refused("workflow.lead_unit_required", "批办时必须指定牵头承办单位",
                           field="lead_unit_id")
        co_units = tuple(dict.fromkeys(u for u in action.unit_ids if u != lead))
        doc = replace(doc, lead_unit_id=lead, co_unit_ids=co_units,
                      deadline=action.deadline or doc.deadline)
    if doc.step in ("instruct", "handle") and action.assignees:
        readers = tuple(dict.fromkeys(a.person_id for a in action.assignees))
        doc = replace(doc, circulate_to=readers)
    return doc


def _approve(doc: Document, actor: Actor, action: Action, now: datetime) -> Accepted[Document]:
    index = _require_holder(doc, actor)
    holder = doc.holders[index]
    opinion = _opinion(action)
    prepared = _prepare_approve(doc, actor, action)
    holders = list(prepared.holders)
    holders[index] = replace(holder, done=True, person_id=holder.person_id or actor.person_id)
    after = replace(prepared, holders=tuple(holders))
    step = current_step(doc)
    if any(not h.done for h in holders):
        entry = _entry(doc, actor, ActionKind.APPROVE, now, holder=holder, opinion=opinion)
        return accept(doc, after, (entry,), now)
    return _advance(doc, after, actor, action, now, holder=holder, opinion=opinion, step=step)


def _advance(
    doc: Document,
    after: Document,
    actor: Actor,
    action: Action,
    now: datetime,
    *,
    holder: Holder,
    opinion: str,
    step: StepDef,
) -> Accepted[Document]:
    following = workflow_of(doc).after(step.key)
    assert following is not None, "only final steps have no successor, and nobody holds them"
    effects = _leave_effects(after, step, now)
    next_assignees = action.assignees if step.key not in ("instruct", "handle") else ()
    if step.effect is StepEffect.NUMBER:
        after = replace(after, doc_number=None)
    if step.effect is StepEffect.DISTRIBUTE:
        after = replace(after, print_date=after.print_date or now.date())
    if step.key == "sign" and after.written_date is None:
        after = replace(after, written_date=now.date())
    entered, entered_step = _enter(after, following, next_assignees)
    entry = _entry(doc, actor, ActionKind.APPROVE, now, holder=holder, opinion=opinion,
                   target_step=entered_step.key,
                   details=_approve_details(after, action))
    if entered.holders:
        effects += (Notify("todo", holders=entered.holders),)
    return accept(doc, entered, (entry,), now, effects)


def _approve_details(doc: Document, action: Action) -> dict[str, Any]:
    details: dict[str, Any] = {}
    if action.assignees:
        details["assignees"] = [a.person_id for a in action.assignees]
    if action.unit_ids:
        details["unit_ids"] = list(action.unit_ids)
    if action.lead_unit_id:
        details["lead_unit_id"] = action.lead_unit_id
    if action.deadline:
        details["deadline"] = action.deadline.isoformat()
    return details


def _last_approver(doc: Document, step_key: str) -> str | None:
    for entry in reversed(doc.trace):
        if entry.step == step_key and entry.action is ActionKind.APPROVE:
            return entry.actor_id
    return None


def _return(doc: Document, actor: Actor, action: Action, now: datetime) -> Accepted[Document]:
    holder = doc.holders[_require_holder(doc, actor)]
    step = current_step(doc)
    target_key = action.target_step or (step.returns_to[-1] if step.returns_to else None)
    if target_key is None or target_key not in step.returns_to:
        raise Refused("workflow.bad_return_target", f"“{step.label}”环节不能退回到该环节",
                       target_step=target_key)
    person = _last_approver(doc, target_key)
    if person is None:
        raise Refused("workflow.bad_return_target", "该环节尚未办理过，不能退回到该环节",
                       target_step=target_key)
    reason = _opinion(action, required="退回时必须填写退回理由")
    target = workflow_of(doc).step(target_key)
    back = Holder(unit_id=doc.owner_unit_id, roles=target.roles, person_id=person)
    after = replace(doc, step=target_key, holders=(back,))
    entry = _entry(doc, actor, ActionKind.RETURN, now, holder=holder, opinion=reason,
                   target_step=target_key)
    return accept(doc, after, (entry,), now, (Notify("returned", person_ids=(person,)),))


def _withdraw(doc: Document, actor: Actor, action: Action, now: datetime) -> Accepted[Document]:
    step = current_step(doc)
    moves = [e for e in doc.trace if e.action not in _ASIDES]
    transitions = [i for i, e in enumerate(moves) if e.target_step is not None]
    sent = moves[transitions[-1]] if transitions else None
    if (
        sent is None
        or sent.action is not ActionKind.APPROVE
        or sent.target_step != doc.step
        or sent.actor_id != actor.person_id
    ):
        raise Refused("workflow.cannot_withdraw", "只有送出本环节的人才能撤回")
    source = workflow_of(doc).step(sent.step)
    if (not step.withdrawable or source.effect is not StepEffect.NONE
            or source.holders is not HolderRule.OWNER):
        raise Refused("workflow.cannot_withdraw", f"“{step.label}”环节已不能撤回")
    if moves[-1] is not sent or any(h.done or h.claimed_at for h in doc.holders):
        raise Refused("workflow.already_acted",
                       "下一环节已有人办理，不能撤回；如需修改，请联系当前办理人退回")
    back = Holder(unit_id=doc.owner_unit_id, roles=source.roles, person_id=actor.person_id)
    after = replace(doc, step=source.key, holders=(back,))
    entry = _entry(doc, actor, ActionKind.WITHDRAW, now, opinion=_opinion(action),
                   target_step=source.key)
    return accept(doc, after, (entry,), now)


def may_undo(document: Document, actor: Actor, now: datetime) -> bool:
    """Return whether the actor's last move on `document` may be undone by withdrawing it now.

    True only when that move was theirs and sent the document on (an approve that changed the
    step), and 撤回 would be accepted: nobody at the next step has acted, no number was
    assigned, the step it left was held by one person. A withdrawal then undoes exactly that
    move; any other last move (a return, a claim, a countersignature among several) is not.
    """
    moves = [e for e in document.trace if e.action not in _ASIDES]
    last = moves[-1] if moves else None
    if (last is None or last.actor_id != actor.person_id or last.action is not ActionKind.APPROVE
            or last.target_step != document.step):
        return False
    probe = Action(ActionKind.WITHDRAW, expected_step=document.step)
    return isinstance(decide(document, actor, probe, now), Accepted)


def _one_assignee(action: Action, what: str) -> Assignee:
    if len(action.assignees) != 1:
        raise Refused("workflow.assignee_required", f"请选择一位{what}人员")
    return action.assignees[0]


def _new_assignees(action: Action, what: str, taken: set[str | None],
                   already: tuple[str, str]) -> tuple[Assignee, ...]:
    """Return the assignees chosen that are not `taken`; refuse when none is chosen, or with
    `already` (code, message) when every one chosen is taken."""
    if not action.assignees:
        raise Refused("workflow.assignee_required", f"请选择{what}人员")
    new = tuple(a for a in action.assignees if a.person_id not in taken)
    if not new:
        raise Refused(*already)
    return new


def _delegate(doc: Document, actor: Actor, action: Action, now: datetime) -> Accepted[Document]:
    index = _require_holder(doc, actor)
    holder = doc.holders[index]
    target = _one_assignee(action, "受委托")
    if target.person_id == actor.person_id:
        raise Refused("workflow.bad_assignee", "不能委托给自己")
    holders = list(doc.holders)
    principal = holder.person_id or actor.person_id
    holders[index] = replace(holder, person_id=target.person_id, on_behalf_of=principal,
                             claimed_at=None)
    after = replace(doc, holders=tuple(holders))
    entry = _entry(doc, actor, ActionKind.DELEGATE, now, holder=holder, opinion=_opinion(action),
                   details={"to": target.person_id})
    return accept(doc, after, (entry,), now, (Notify("todo", person_ids=(target.person_id,)),))


def _add_signer(doc: Document, actor: Actor, action: Action, now: datetime) -> Accepted[Document]:
    holder = doc.holders[_require_holder(doc, actor)]
    present = {h.person_id for h in doc.holders if not h.done}
    chosen = _new_assignees(action, "加签", present,
                            ("workflow.already_holder", "所选人员已是本环节的办理人"))
    added = tuple(Holder(unit_id=a.unit_id, person_id=a.person_id, added=True) for a in chosen)
    after = replace(doc, holders=doc.holders + added)
    entry = _entry(doc, actor, ActionKind.ADD_SIGNER, now, holder=holder,
                   opinion=_opinion(action), details={"added": [h.person_id for h in added]})
    ids = tuple(h.person_id for h in added if h.person_id)
    return accept(doc, after, (entry,), now, (Notify("todo", person_ids=ids),))


def _claim(doc: Document, actor: Actor, action: Action, now: datetime) -> Accepted[Document]:
    index = _require_holder(doc, actor)
    holder = doc.holders[index]
    if holder.person_id is not None:
        raise Refused("workflow.already_yours", "您已是本环节的办理人，无需再签收")
    holders = list(doc.holders)
    holders[index] = replace(holder, person_id=actor.person_id, claimed_at=now)
    after = replace(doc, holders=tuple(holders))
    entry = _entry(doc, actor, ActionKind.CLAIM, now)
    return accept(doc, after, (entry,), now)


def _may_circulate(doc: Document, actor: Actor) -> bool:
    return _holder_of(doc, actor) is not None or (
        doc.owner_unit_id in actor.unit_path and actor.has_role({Role.CLERK, Role.LEADER})
    )


def _circulate(doc: Document, actor: Actor, action: Action, now: datetime) -> Accepted[Document]:
    if not _may_circulate(doc, actor):
        raise Refused("workflow.forbidden", "您不能传阅此文件")
    unread: set[str | None] = {c.person_id for c in doc.circulations if c.read_at is None}
    chosen = _new_assignees(action, "传阅", unread,
                            ("workflow.already_circulated", "所选人员已在传阅中，尚未阅毕"))
    new = tuple(Circulation(person_id=a.person_id, sent_by=actor.person_id, sent_at=now)
                for a in chosen)
    after = replace(doc, circulations=doc.circulations + new)
    entry = _entry(doc, actor, ActionKind.CIRCULATE, now, opinion=_opinion(action),
                   details={"to": [c.person_id for c in new]})
    ids = tuple(c.person_id for c in new)
    return accept(doc, after, (entry,), now, (Notify("circulated", person_ids=ids),))


def _acknowledge(doc: Document, actor: Actor, action: Action, now: datetime) -> Accepted[Document]:
    circulations = tuple(
        replace(c, read_at=now) if c.person_id == actor.person_id and c.read_at is None else c
        for c in doc.circulations
    )
    index = _holder_of(doc, actor) if current_step(doc).holders is HolderRule.READERS else None
    if index is None and circulations == doc.circulations:
        raise Refused("workflow.nothing_to_acknowledge", "没有需要您阅知的传阅")
    after = replace(doc, circulations=circulations)
    if index is None:
        entry = _entry(doc, actor, ActionKind.ACKNOWLEDGE, now, opinion=_opinion(action))
        return accept(doc, after, (entry,), now)
    holder = after.holders[index]
    holders = list(after.holders)
    holders[index] = replace(holder, done=True)
    after = replace(after, holders=tuple(holders))
    if any(not h.done for h in holders):
        entry = _entry(doc, actor, ActionKind.ACKNOWLEDGE, now, holder=holder,
                       opinion=_opinion(action))
        return accept(doc, after, (entry,), now)
    plain = Action(ActionKind.ACKNOWLEDGE, opinion=action.opinion)
    accepted = _advance(doc, after, actor, plain, now, holder=holder,
                        opinion=_opinion(action), step=current_step(doc))
    last = replace(accepted.trace[-1], action=ActionKind.ACKNOWLEDGE)
    return Accepted(replace(accepted.record, trace=doc.trace + (last,)), (last,),
                    accepted.effects)


def may_inform(doc: Document, actor: Actor) -> bool:
    """Return whether the actor may 知会 people of the document now: a holder of the current
    step, or the drafter, while the document is active."""
    if current_step(doc).final:
        return False
    return doc.created_by == actor.person_id or _holder_of(doc, actor) is not None


def _inform(doc: Document, actor: Actor, action: Action, now: datetime) -> Accepted[Document]:
    if current_step(doc).final:
        raise Refused("workflow.inform_closed", "文件已办结或归档，不能再知会")
    if not may_inform(doc, actor):
        raise Refused("workflow.forbidden", "只有当前环节的办理人和拟稿人可以知会此文件")
    if any(a.person_id == actor.person_id for a in action.assignees):
        raise Refused("workflow.bad_assignee", "不能知会自己")
    already: set[str | None] = {i.person_id for i in doc.informed}
    chosen = _new_assignees(action, "知会", already,
                            ("workflow.already_informed", "所选人员都已知会过"))
    new = tuple(dict.fromkeys(a.person_id for a in chosen))
    informed = tuple(Informed(person_id=p, sent_by=actor.person_id, sent_at=now) for p in new)
    after = replace(doc, informed=doc.informed + informed)
    entry = _entry(doc, actor, ActionKind.INFORM, now, opinion=_opinion(action),
                   details={"to": list(new)})
    return accept(doc, after, (entry,), now, (Notify("informed", person_ids=new),))


def unread_inform(doc: Document, person_id: str) -> bool:
    """Return whether the document was 知会'd to the person and they have not read it yet."""
    return any(i.person_id == person_id and i.read_at is None for i in doc.informed)


def _read(doc: Document, actor: Actor, action: Action, now: datetime) -> Accepted[Document]:
    if not any(i.person_id == actor.person_id for i in doc.informed):
        raise Refused("workflow.not_informed", "此文件没有知会您")
    if not unread_inform(doc, actor.person_id):
        # Read already (on another computer, or opened twice before a sync): nothing to do,
        # and nothing to refuse either.
        return Accepted(doc, ())
    informed = tuple(replace(i, read_at=now) if i.person_id == actor.person_id
                     and i.read_at is None else i for i in doc.informed)
    entry = _entry(doc, actor, ActionKind.READ, now)
    return accept(doc, replace(doc, informed=informed), (entry,), now)


def _may_urge(doc: Document, actor: Actor) -> bool:
    if doc.created_by == actor.person_id:
        return True
    if any(e.actor_id == actor.person_id and e.action is ActionKind.APPROVE for e in doc.trace):
        return True
    if Role.SUPERVISOR in actor.roles:
        return True
    return doc.owner_unit_id in actor.unit_path and actor.has_role(URGERS)


def _urge(doc: Document, actor: Actor, action: Action, now: datetime) -> Accepted[Document]:
    waiting = pending_holders(doc)
    if current_step(doc).final or not waiting:
        raise Refused("workflow.nothing_to_urge", "该文件当前没有待办理的环节")
    if not _may_urge(doc, actor) or _holder_of(doc, actor) is not None:
        raise Refused("workflow.forbidden", "您不能催办此文件")
    text = _opinion(action) or f"请尽快办理《{doc.title}》"
    entry = _entry(doc, actor, ActionKind.URGE, now, opinion=text)
    return accept(doc, doc, (entry,), now, (Notify("urge", holders=waiting),))


def _archive(doc: Document, actor: Actor, action: Action, now: datetime) -> Accepted[Document]:
    if doc.owner_unit_id not in actor.unit_path or Role.CLERK not in actor.roles:
        raise Refused("workflow.forbidden", "只有本单位办文人员可以归档")
    if action.retention is None:
        raise Refused("archive.retention_required", "归档时必须选择保管期限（永久、30年或10年）",
                       field="retention")
    year = action.year or (doc.written_date.year if doc.written_date else now.year)
    following = workflow_of(doc).after(doc.step)
    assert following is not None
    after = replace(doc, step=following.key, holders=(),
                    archive=ArchiveInfo(year=year, retention=action.retention))
    entry = _entry(doc, actor, ActionKind.ARCHIVE, now, target_step=following.key,
                   details={"year": year, "retention": action.retention.value})
    effect = AllocateItemNumber(doc.owner_unit_id, year, action.retention)
    return accept(doc, after, (entry,), now, (effect,))


_Handler = Callable[[Document, Actor, Action, datetime], Accepted[Document]]
_HANDLERS: Mapping[ActionKind, _Handler] = {
    ActionKind.EDIT: _edit,
    ActionKind.APPROVE: _approve,
    ActionKind.RETURN: _return,
    ActionKind.WITHDRAW: _withdraw,
    ActionKind.DELEGATE: _delegate,
    ActionKind.ADD_SIGNER: _add_signer,
    ActionKind.CLAIM: _claim,
    ActionKind.CIRCULATE: _circulate,
    ActionKind.ACKNOWLEDGE: _acknowledge,
    ActionKind.URGE: _urge,
    ActionKind.ARCHIVE: _archive,
    ActionKind.INFORM: _inform,
    ActionKind.READ: _read,
}

# Allowed at any step where they make sense, whatever the step declares.
_ANYWHERE = frozenset({ActionKind.WITHDRAW, ActionKind.URGE, ActionKind.ACKNOWLEDGE,
                       ActionKind.INFORM, ActionKind.READ})
# Not tied to the step the person saw: reading is no work of a step, and 知会 is checked
# against whoever holds the step it reaches the server at.
_ANY_STEP = frozenset({ActionKind.INFORM, ActionKind.READ})


def decide(document: Document, actor: Actor, action: Action, now: datetime) -> Verdict[Document]:
    """Decide whether `actor` may do `action` to `document` at `now`, and what follows."""
    step = current_step(document)
    if action.kind not in _HANDLERS:
        return Rejected(Rejection("workflow.unknown_action", "不支持的操作",
                                  {"action": str(action.kind)}))
    if action.kind not in step.actions and action.kind not in _ANYWHERE:
        return Rejected(Rejection(
            "workflow.action_not_allowed",
            f"“{step.label}”环节不能{_action_label(action.kind)}",
            {"step": step.key, "action": action.kind.value},
        ))

    def rule() -> Accepted[Document]:
        if action.kind not in _ANY_STEP:
            _check_expected_step(document, action)
        return _HANDLERS[action.kind](document, actor, action, now)

    return ruled(rule, claimed=action.acted_at, now=now)


def _check_expected_step(doc: Document, action: Action) -> None:
    """Refuse an action meant for a step the document has left, saying who moved it."""
    if action.expected_step is None or action.expected_step == doc.step:
        return
    moved = [e for e in doc.trace if e.target_step is not None]
    details: dict[str, Any] = {"expected_step": action.expected_step, "step": doc.step}
    message = f"该文件已不在“{_safe_label(doc, action.expected_step)}”环节"
    raise moved_away("workflow.step_moved", message, details,
                     last=moved[-1] if moved else None, did=ACTION_LABELS,
                     now_at=f"当前环节为“{current_step(doc).label}”")


def _safe_label(doc: Document, step_key: str) -> str:
    workflow = workflow_of(doc)
    return workflow.step(step_key).label if workflow.has_step(step_key) else step_key


def _action_label(kind: ActionKind) -> str:
    return ACTION_LABELS[kind]


def available_actions(document: Document, actor: Actor, now: datetime) -> list[ActionKind]:
    """Return the actions the actor may take now (the buttons the UI shows)."""
    step = current_step(document)
    found: list[ActionKind] = []
    holds = _holder_of(document, actor) is not None
    for kind in _HANDLERS:
        if kind not in step.actions and kind not in _ANYWHERE:
            continue
        if _guard(document, actor, kind, holds, now):
            found.append(kind)
    return found


def _guard(document: Document, actor: Actor, kind: ActionKind, holds: bool, now: datetime) -> bool:
    """Return whether the action could succeed with suitable arguments."""
    if kind in (ActionKind.EDIT, ActionKind.APPROVE, ActionKind.RETURN, ActionKind.DELEGATE,
                ActionKind.ADD_SIGNER):
        if kind is ActionKind.RETURN:
            return holds and any(_last_approver(document, s)
                                 for s in current_step(document).returns_to)
        return holds
    if kind is ActionKind.CLAIM:
        index = _holder_of(document, actor)
        return index is not None and document.holders[index].person_id is None
    if kind is ActionKind.INFORM:
        return may_inform(document, actor)
    if kind is ActionKind.READ:
        return unread_inform(document, actor.person_id)
    if kind is ActionKind.CIRCULATE:
        return _may_circulate(document, actor)
    probe = {
        ActionKind.WITHDRAW: Action(ActionKind.WITHDRAW),
        ActionKind.URGE: Action(ActionKind.URGE),
        ActionKind.ACKNOWLEDGE: Action(ActionKind.ACKNOWLEDGE),
        ActionKind.ARCHIVE: Action(ActionKind.ARCHIVE, retention=Retention.YEARS_10),
    }[kind]
    return isinstance(decide(document, actor, probe, now), Accepted)

