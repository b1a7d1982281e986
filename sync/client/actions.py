"""One function per user action that changes data: decide locally, queue the mutation.

Each writes the optimistic result and its outbox row in one store transaction; the caller
(the UI, on the database worker thread) then asks the engine to sync. Nothing here waits for
the network.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from enum import Enum
from typing import Any

from officeapp.delegation import check_delegation, check_end
from officeapp.errors import ValidationError
from officeapp.meetings import (
    Meeting,
    MeetingAction,
    MeetingActionKind,
    MeetingOutcome,
    decision_item_id,
    sitting_of,
)
from officeapp.meetings import create_meeting as new_meeting
from officeapp.meetings.codec import meeting_action_to_dict
from officeapp.org import Delegation
from officeapp.store import LocalStore
from officeapp.supervision import (
    SupervisionAccepted,
    SupervisionAction,
    SupervisionItem,
    SupervisionRejected,
    create_item,
)
from officeapp.supervision.codec import action_to_dict as supervision_action_to_dict
from officeapp.workflow import Action, Decision, Document, create_outgoing, register_incoming
from officeapp.workflow.codec import action_to_dict
from sync.protocol import MUTATORS, parse_args


def wire_args(name: str, **values: Any) -> dict[str, Any]:
    """Return a mutation's args as the wire carries them, checked against the same model
    (`protocol.MUTATORS`) the server reads them with: a malformed mutation never leaves here."""
    return parse_args(MUTATORS[name].args, values).model_dump(exclude_none=True)


def version(name: str) -> int:
    """Return the version this client writes of a mutation."""
    return MUTATORS[name].version


def acted(store: LocalStore, now: datetime) -> datetime:
    """Return when the person acts, as the server's clock would say (the local clock plus
    the offset the last sync measured): the time the trace keeps if the action reaches the
    server late (offline), comparable with the server's own times."""
    return store.corrected_now(now)


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
    _queue_new(store, document, "document.create_outgoing", fields, now)
    return document


def _queue_new(store: LocalStore, document: Document, name: str, fields: Mapping[str, Any],
               now: datetime) -> None:
    """Store a new document with the mutation that creates it on the server."""
    store.create_document(document=document, mutation_name=name,
                          mutation_args=wire_args(name, document_id=document.id,
                                                  fields=dict(fields),
                                                  acted_at=acted(store, now).isoformat()),
                          mutator_version=version(name))


def register(store: LocalStore, *, person_id: str, fields: Mapping[str, Any],
             now: datetime) -> Document:
    """Register a 收文 that arrived outside the system."""
    actor = store.organisation().actor(person_id, now)
    document = register_incoming(document_id=new_document_id(), actor=actor, fields=fields,
                                 now=now)
    _queue_new(store, document, "document.register_incoming", fields, now)
    return document


def act(store: LocalStore, *, person_id: str, document_id: str, action: Action,
        now: datetime) -> Decision:
    """Take a workflow action; the step the person saw travels with it."""
    document = store.get_document(document_id)
    if document is None:
        raise ValidationError("document.not_found", "文件不存在，或您已无权查看该文件")
    if action.expected_step is None:
        action = replace(action, expected_step=document.step)
    if action.acted_at is None:
        action = replace(action, acted_at=acted(store, now))  # kept if the server gets it late
    actor = store.organisation().actor(person_id, now)
    return store.apply_action(
        document_id=document_id, actor=actor, action=action, now=now,
        mutation_name="document.act",
        mutation_args=wire_args("document.act", document_id=document_id,
                                action=action_to_dict(action)),
        mutator_version=version("document.act"))


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
    store.create_meeting(meeting=meeting, mutation_name="meeting.create",
                         mutation_args=wire_args("meeting.create", meeting_id=meeting.id,
                                                 fields=values,
                                                 acted_at=acted(store, now).isoformat()),
                         mutator_version=version("meeting.create"))
    return meeting


def create_sitting(store: LocalStore, *, person_id: str, series_id: str, start: datetime,
                   now: datetime) -> Meeting:
    """Make one sitting of a recurring series a meeting of its own (for sign-in and minutes)."""
    series = store.get_meeting(series_id)
    if series is None:
        raise ValidationError("meeting.not_found", "会议不存在，或您已无权查看该会议")
    actor = store.organisation().actor(person_id, now)
    sitting = sitting_of(series, start, meeting_id=new_record_id(), actor=actor, now=now)
    name = "meeting.create_sitting"
    store.create_meeting(meeting=sitting, mutation_name=name,
                         mutation_args=wire_args(name, meeting_id=sitting.id,
                                                 series_id=series_id, start=start.isoformat()),
                         mutator_version=version(name))
    return sitting


def act_meeting(store: LocalStore, *, person_id: str, meeting_id: str, action: MeetingAction,
                now: datetime) -> MeetingOutcome:
    """Take a meeting action; `book` is checked against the rooms and bookings held here."""
    if store.get_meeting(meeting_id) is None:
        raise ValidationError("meeting.not_found", "会议不存在，或您已无权查看该会议")
    if action.kind is MeetingActionKind.OPEN_SUPERVISION and action.decision_no is not None:
        # The same id the server gives the item, so the optimistic item is the real one.
        action = replace(action, supervision_item_id=decision_item_id(
            meeting_id, action.decision_no))
    if action.acted_at is None:
        action = replace(action, acted_at=acted(store, now))  # kept if the server gets it late
    actor = store.organisation().actor(person_id, now)
    args = wire_args("meeting.act", meeting_id=meeting_id,
                     action=_wire(meeting_action_to_dict(action)))
    return store.apply_meeting_action(
        meeting_id=meeting_id, actor=actor, action=action, now=now,
        mutation_name="meeting.act", mutation_args=args, mutator_version=version("meeting.act"))


def create_supervision_item(store: LocalStore, *, person_id: str, fields: Mapping[str, Any],
                            now: datetime, parent_id: str | None = None) -> SupervisionItem:
    """Start a 督办事项 draft (a supervisor), or a sub-item of `parent_id` (分解)."""
    parent = None
    if parent_id is not None:
        parent = store.get_supervision_item(parent_id)
        if parent is None:
            raise ValidationError("supervision.not_found", "督办事项不存在，或您已无权查看该事项")
    values = wire_fields(fields)
    actor = store.organisation().actor(person_id, now)
    item = create_item(item_id=new_record_id(), actor=actor, fields=values, now=now,
                       parent=parent)
    name = "supervision.create"
    args = wire_args(name, item_id=item.id, fields=values, parent_id=parent_id,
                     acted_at=acted(store, now).isoformat())
    store.create_supervision_item(item=item, mutation_name=name, mutation_args=args,
                                  mutator_version=version(name))
    return item


def act_supervision(store: LocalStore, *, person_id: str, item_id: str,
                    action: SupervisionAction,
                    now: datetime) -> SupervisionAccepted | SupervisionRejected:
    """Take a supervision action; the status the person saw travels with it."""
    item = store.get_supervision_item(item_id)
    if item is None:
        raise ValidationError("supervision.not_found", "督办事项不存在，或您已无权查看该事项")
    if action.expected_status is None:
        action = replace(action, expected_status=item.status)
    if action.acted_at is None:
        action = replace(action, acted_at=acted(store, now))  # kept if the server gets it late
    actor = store.organisation().actor(person_id, now)
    return store.apply_supervision_action(
        item_id=item_id, actor=actor, action=action, now=now, mutation_name="supervision.act",
        mutation_args=wire_args("supervision.act", item_id=item_id,
                                action=_wire(supervision_action_to_dict(action))),
        mutator_version=version("supervision.act"))


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
    args = wire_args("delegation.create", delegation_id=delegation.id, delegate_id=delegate_id,
                     start=start.isoformat(), end=end.isoformat())
    store.create_delegation(delegation=delegation, mutation_args=args, now=now,
                            mutator_version=version("delegation.create"))
    return delegation


def end_delegation(store: LocalStore, *, person_id: str, delegation_id: str,
                   now: datetime) -> None:
    """End a delegation now: one's own, or anyone's for an administrator."""
    found = {d.id: d for d in store.delegations()}.get(delegation_id)
    if found is None or found.pending == "end":
        raise ValidationError("delegation.not_found", "委托不存在或已结束",
                              delegation_id=delegation_id)
    check_end(store.organisation().actor(person_id, now), found.delegation)
    store.end_delegation(person_id=person_id, delegation_id=delegation_id,
                         mutation_args=wire_args("delegation.end", delegation_id=delegation_id),
                         now=now, mutator_version=version("delegation.end"))
