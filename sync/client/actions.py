"""One function per user action that changes data: decide locally, queue the mutation.

Each writes the optimistic result and its outbox row in one store transaction; the caller
(the UI, on the database worker thread) then asks the engine to sync. Nothing here waits for
the network.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from officeapp import mutators as m
from officeapp.core.kinds import kind_of, missing
from officeapp.core.verdict import Accepted, Rejected, Verdict
from officeapp.delegation import check_delegation, check_end
from officeapp.errors import ValidationError
from officeapp.meetings import (
    Meeting,
    MeetingAction,
    MeetingActionKind,
    decision_item_id,
    sitting_of,
)
from officeapp.meetings import create_meeting as new_meeting
from officeapp.meetings.codec import meeting_action_to_dict
from officeapp.org import Delegation
from officeapp.store import LocalStore
from officeapp.supervision import (
    SupervisionAction,
    SupervisionItem,
    create_item,
)
from officeapp.supervision.codec import action_to_dict as supervision_action_to_dict
from officeapp.workflow import Action, Document, create_outgoing, register_incoming
from officeapp.workflow.codec import action_to_dict

ArgsT = TypeVar("ArgsT", bound=m.MutationArgs)
ActionT = TypeVar("ActionT", Action, MeetingAction, SupervisionAction)


def _stamped(action: ActionT, now: datetime) -> ActionT:
    """Return the action with the time the person acted, kept if the server gets it late."""
    if action.acted_at is None:
        return replace(action, acted_at=now)
    return action


def _existing(store: LocalStore, kind: str, record_id: str) -> Any:
    """Return the record as the user sees it, or raise the kind's not-found error."""
    record = store.get_record(kind, record_id)
    if record is None:
        refusal = missing(kind_of(kind), record_id)
        raise ValidationError(refusal.code, refusal.message, **refusal.details)
    return record


def new_document_id() -> str:
    """Return a fresh id for a document created on this client."""
    return str(uuid.uuid4())


def draft_outgoing(store: LocalStore, *, person_id: str, fields: Mapping[str, Any],
                   now: datetime) -> Document:
    """Start a 发文 draft; the unit's 机关代字 is the default."""
    org = store.organisation()
    actor = org.actor(person_id, now)
    unit = org.units[actor.unit_id]
    document = create_outgoing(document_id=new_document_id(), actor=actor, fields=fields,
                               now=now, agency_code=unit.agency_code)
    _queue_new(store, document, m.CREATE_OUTGOING, fields, now)
    return document


def _queue_create(store: LocalStore, mutator: m.Mutator[ArgsT], record: Any,
                  args: ArgsT) -> None:
    """Store a new record with the mutation that creates it on the server."""
    store.create_record(mutator.kind, record=record, mutation_name=mutator.name,
                        mutation_args=mutator.wire(args), mutator_version=mutator.version)


def _queue_act(store: LocalStore, mutator: m.Mutator[ArgsT], *, record_id: str, person_id: str,
               action: Any, now: datetime, args: ArgsT) -> Verdict[Any]:
    """Decide an action on a record here and, if accepted, queue the mutation that sends it."""
    actor = store.organisation().actor(person_id, now)
    return store.apply_record_action(
        mutator.kind, record_id=record_id, actor=actor, action=action, now=now,
        mutation_name=mutator.name, mutation_args=mutator.wire(args),
        mutator_version=mutator.version)


def _queue_new(store: LocalStore, document: Document, mutator: m.Mutator[m.CreateDocumentArgs],
               fields: Mapping[str, Any], now: datetime) -> None:
    """Store a new document with the mutation that creates it on the server."""
    _queue_create(store, mutator, document, m.CreateDocumentArgs(
        document_id=document.id, fields=dict(fields), acted_at=now.isoformat()))


def register(store: LocalStore, *, person_id: str, fields: Mapping[str, Any],
             now: datetime) -> Document:
    """Register a 收文 that arrived outside the system."""
    actor = store.organisation().actor(person_id, now)
    document = register_incoming(document_id=new_document_id(), actor=actor, fields=fields,
                                 now=now)
    _queue_new(store, document, m.REGISTER_INCOMING, fields, now)
    return document


def act(store: LocalStore, *, person_id: str, document_id: str, action: Action,
        now: datetime) -> Verdict[Document]:
    """Take a workflow action; the step the person saw travels with it."""
    document: Document = _existing(store, "document", document_id)
    if action.expected_step is None:
        action = replace(action, expected_step=document.step)
    action = _stamped(action, now)
    args = m.ActArgs(document_id=document_id, action=action_to_dict(action))
    return _queue_act(store, m.DOCUMENT_ACT, record_id=document_id, person_id=person_id,
                      action=action, now=now, args=args)


def new_record_id() -> str:
    """Return a fresh id for a meeting or supervision item created on this client."""
    return str(uuid.uuid4())


def _wire(value: Any) -> Any:
    """Return `value` in JSON form: times as ISO text, records (attendees, agenda items,
    attachments) as objects, enums as their values, tuples as lists."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _wire(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): _wire(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_wire(v) for v in value]
    return value


def wire_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Return the fields as the mutation carries them (and as the local rule reads them, so
    client and server decide on the same input)."""
    return {str(name): _wire(value) for name, value in fields.items()}


def create_meeting(store: LocalStore, *, person_id: str, fields: Mapping[str, Any],
                   now: datetime) -> Meeting:
    """Start a 会议 draft organised by the person's unit (a secretary or clerk)."""
    values = wire_fields(fields)
    actor = store.organisation().actor(person_id, now)
    meeting = new_meeting(meeting_id=new_record_id(), actor=actor, fields=values, now=now)
    args = m.CreateMeetingArgs(meeting_id=meeting.id, fields=values,
                               acted_at=now.isoformat())
    _queue_create(store, m.CREATE_MEETING, meeting, args)
    return meeting


def create_sitting(store: LocalStore, *, person_id: str, series_id: str, start: datetime,
                   now: datetime) -> Meeting:
    """Make one sitting of a recurring series a meeting of its own (for sign-in and minutes)."""
    series = _existing(store, "meeting", series_id)
    actor = store.organisation().actor(person_id, now)
    sitting = sitting_of(series, start, meeting_id=new_record_id(), actor=actor, now=now)
    args = m.CreateSittingArgs(meeting_id=sitting.id, series_id=series_id,
                               start=start.isoformat())
    _queue_create(store, m.CREATE_SITTING, sitting, args)
    return sitting


def act_meeting(store: LocalStore, *, person_id: str, meeting_id: str, action: MeetingAction,
                now: datetime) -> Verdict[Meeting]:
    """Take a meeting action; `book` is checked against the rooms and bookings held here."""
    _existing(store, "meeting", meeting_id)
    if action.kind is MeetingActionKind.OPEN_SUPERVISION and action.decision_no is not None:
        # The same id the server gives the item, so the optimistic item is the real one.
        action = replace(action, supervision_item_id=decision_item_id(
            meeting_id, action.decision_no))
    action = _stamped(action, now)
    args = m.MeetingActArgs(meeting_id=meeting_id, action=_wire(meeting_action_to_dict(action)))
    return _queue_act(store, m.MEETING_ACT, record_id=meeting_id, person_id=person_id,
                      action=action, now=now, args=args)


def create_supervision_item(store: LocalStore, *, person_id: str, fields: Mapping[str, Any],
                            now: datetime, parent_id: str | None = None) -> SupervisionItem:
    """Start a 督办事项 draft (a supervisor), or a sub-item of `parent_id` (分解)."""
    parent = None
    if parent_id is not None:
        parent = _existing(store, "supervision", parent_id)
    values = wire_fields(fields)
    actor = store.organisation().actor(person_id, now)
    item = create_item(item_id=new_record_id(), actor=actor, fields=values, now=now,
                       parent=parent)
    args = m.CreateSupervisionArgs(item_id=item.id, fields=values, parent_id=parent_id,
                                   acted_at=now.isoformat())
    _queue_create(store, m.CREATE_SUPERVISION, item, args)
    return item


def act_supervision(store: LocalStore, *, person_id: str, item_id: str,
                    action: SupervisionAction,
                    now: datetime) -> Accepted[SupervisionItem] | Rejected:
    """Take a supervision action; the status the person saw travels with it."""
    item: SupervisionItem = _existing(store, "supervision", item_id)
    if action.expected_status is None:
        action = replace(action, expected_status=item.status)
    action = _stamped(action, now)
    args = m.SupervisionActArgs(item_id=item_id, action=_wire(supervision_action_to_dict(action)))
    return _queue_act(store, m.SUPERVISION_ACT, record_id=item_id, person_id=person_id,
                      action=action, now=now, args=args)


def create_delegation(store: LocalStore, *, person_id: str, delegate_id: str, start: datetime,
                      end: datetime, now: datetime) -> Delegation:
    """Hand one's own work to `delegate_id` from `start` to `end` (委托授权).

    Raises the first rule broken (its `field` detail names the form field); the server checks
    again with its own directory and clock.
    """
    org = store.organisation()
    existing = [d.delegation for d in store.delegations() if d.pending != "end"]
    check_delegation(org, principal_id=person_id, delegate_id=delegate_id, start=start,
                     end=end, now=now, existing=existing)
    delegation = Delegation(principal_id=person_id, delegate_id=delegate_id, start=start,
                            end=end, id=new_record_id())
    args = m.CreateDelegationArgs(delegation_id=delegation.id, delegate_id=delegate_id,
                                  start=start.isoformat(), end=end.isoformat())
    store.create_delegation(delegation=delegation, mutation_args=m.CREATE_DELEGATION.wire(args),
                            now=now, mutator_version=m.CREATE_DELEGATION.version)
    return delegation


def end_delegation(store: LocalStore, *, person_id: str, delegation_id: str,
                   now: datetime) -> None:
    """End a delegation now: one's own, or anyone's for an administrator."""
    found = {d.id: d for d in store.delegations()}.get(delegation_id)
    if found is None or found.pending == "end":
        raise ValidationError("delegation.not_found", "委托不存在或已结束",
                              delegation_id=delegation_id)
    check_end(store.organisation().actor(person_id, now), found.delegation)
    args = m.EndDelegationArgs(delegation_id=delegation_id)
    store.end_delegation(person_id=person_id, delegation_id=delegation_id,
                         mutation_args=m.END_DELEGATION.wire(args), now=now,
                         mutator_version=m.END_DELEGATION.version)


# The action that builds and queues each mutation (tests/sync/test_mutators.py checks that
# every declared mutation has one).
BUILDERS: dict[str, Callable[..., object]] = {
    m.CREATE_OUTGOING.name: draft_outgoing,
    m.REGISTER_INCOMING.name: register,
    m.DOCUMENT_ACT.name: act,
    m.CREATE_MEETING.name: create_meeting,
    m.CREATE_SITTING.name: create_sitting,
    m.MEETING_ACT.name: act_meeting,
    m.CREATE_SUPERVISION.name: create_supervision_item,
    m.SUPERVISION_ACT.name: act_supervision,
    m.CREATE_DELEGATION.name: create_delegation,
    m.END_DELEGATION.name: end_delegation,
}
