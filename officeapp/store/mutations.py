"""How each mutation applies to the local store, registered by its name (officeapp.mutators).

An applier takes a queued mutation's typed args and writes its result as a local (pending)
change: the rebase replays every queued mutation through `replay` after a pull, on top of the
server's version of its record. A creating mutation registers how it makes its record
(`creates`), an acting one how it reads its action (`acts`: the kind's rules in
`tables.TABLES` decide it); delegations, kept in the directory, register a whole `applies`.
An applier with nothing to do (the record is gone, or already there) or whose rules now
refuse leaves the store as it is: the server will say why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import sqlite_utils

from officeapp import mutators as m
from officeapp.core.verdict import Accepted
from officeapp.errors import DomainError
from officeapp.meetings import Meeting, MeetingAction, create_meeting, sitting_of
from officeapp.meetings.codec import meeting_action_from_dict
from officeapp.org import Actor, Organisation
from officeapp.orgcodec import delegation_from_dict
from officeapp.store import directory, meetings, supervision
from officeapp.store.outbox import OutboxMutation
from officeapp.store.tables import table_of
from officeapp.supervision import SupervisionAction, SupervisionItem, create_item
from officeapp.supervision.codec import action_from_dict as supervision_action_from_dict
from officeapp.workflow import Action, Document, create_outgoing, register_incoming
from officeapp.workflow.codec import action_from_dict, assignee_resolver

log = logging.getLogger(__name__)

A = TypeVar("A", bound=m.MutationArgs)


@dataclass(frozen=True)
class Local:
    """Where and as whom a mutation applies: the store, its directory, the person who queued
    it and when (the outbox row's time, so a replay decides as the first apply did)."""

    db: sqlite_utils.Database
    org: Organisation
    person_id: str
    record_id: str
    at: datetime

    def actor(self) -> Actor:
        """Return the person who queued the mutation, as they were when they did."""
        return self.org.actor(self.person_id, self.at)


Applier = Callable[[Local, Any], None]
APPLIERS: dict[str, Applier] = {}
# How a creating mutation makes its record from its args (None: a record it needs is gone).
Make = Callable[[Local, A], Any]
# How an acting mutation reads its action from its args.
Read = Callable[[Local, A], Any]


def applies(mutator: m.Mutator[A]) -> Callable[[Callable[[Local, A], None]],
                                               Callable[[Local, A], None]]:
    """Register the decorated function as how `mutator` applies locally."""
    def register(apply: Callable[[Local, A], None]) -> Callable[[Local, A], None]:
        if mutator.name in APPLIERS:
            raise ValueError(f"mutation {mutator.name!r} has two local appliers")
        APPLIERS[mutator.name] = apply
        return apply
    return register


def creates(mutator: m.Mutator[A]) -> Callable[[Make[A]], Make[A]]:
    """Register the decorated maker: `mutator` puts the record it makes, unless the store
    already holds one with that id (the server's, or an earlier replay's)."""
    def register(make: Make[A]) -> Make[A]:
        def apply(local: Local, args: A) -> None:
            table = table_of(mutator.kind)
            if table.rows.stored_ids(local.db.conn, [local.record_id]):
                return
            record = make(local, args)
            if record is not None:
                table.rows.put(local.db.conn, [record], pending=True)
        applies(mutator)(apply)
        return make
    return register


def acts(mutator: m.Mutator[A]) -> Callable[[Read[A]], Read[A]]:
    """Register the decorated action reader: `mutator` decides that action on the stored
    record by its kind's rules (`tables.TABLES`) and puts the result if they accept it."""
    def register(read: Read[A]) -> Read[A]:
        def apply(local: Local, args: A) -> None:
            table = table_of(mutator.kind)
            record = table.rows.load(local.db.conn, local.record_id)
            if record is None:
                return
            verdict = table.decide(record, local.actor(), read(local, args), local.at,
                                   local.db)
            if isinstance(verdict, Accepted):
                table.rows.put(local.db.conn, [verdict.record], pending=True)
        applies(mutator)(apply)
        return read
    return register


def replay(db: sqlite_utils.Database, org: Organisation, mutation: OutboxMutation) -> None:
    """Re-apply one queued mutation locally; one that no longer applies is logged and left
    to the server, which will say why."""
    person, record_id = mutation.person_id, mutation.record_id
    if person is None or person not in org.people or record_id is None:
        return
    try:
        args = queued_args(mutation)
        APPLIERS[mutation.name](Local(db, org, person, record_id, mutation.created_at), args)
    except (DomainError, KeyError, ValueError, TypeError, AttributeError) as error:
        log.info("mutation %s no longer applies locally: %s", mutation.mutation_id,
                 getattr(error, "code", type(error).__name__))


def queued_args(mutation: OutboxMutation) -> m.MutationArgs:
    """Return a queued mutation's args in its typed model, as they were queued.

    They were checked when the action built them; they are not checked again, so a row that
    an older release queued still replays as it did (the server checks every push anyway).
    A required arg that is missing raises AttributeError when the applier reads it.
    """
    model: type[m.MutationArgs] = m.mutator(mutation.name).args
    return model.model_construct(**mutation.args)


# --- documents -----------------------------------------------------------------------------


@creates(m.CREATE_OUTGOING)
def _outgoing(local: Local, args: m.CreateDocumentArgs) -> Document:
    actor = local.actor()
    unit = local.org.units.get(actor.unit_id)
    # The unit's 机关代字 is the default, as when the draft was made and on the server.
    return create_outgoing(document_id=local.record_id, actor=actor, fields=args.fields,
                           now=local.at, agency_code=unit.agency_code if unit else "")


@creates(m.REGISTER_INCOMING)
def _incoming(local: Local, args: m.CreateDocumentArgs) -> Document:
    return register_incoming(document_id=local.record_id, actor=local.actor(),
                             fields=args.fields, now=local.at)


@acts(m.DOCUMENT_ACT)
def _document_action(local: Local, args: m.ActArgs) -> Action:
    return action_from_dict(args.action, resolve=assignee_resolver(local.org))


# --- meetings ------------------------------------------------------------------------------


@creates(m.CREATE_MEETING)
def _meeting(local: Local, args: m.CreateMeetingArgs) -> Meeting:
    return create_meeting(meeting_id=local.record_id, actor=local.actor(), fields=args.fields,
                          now=local.at)


@creates(m.CREATE_SITTING)
def _sitting(local: Local, args: m.CreateSittingArgs) -> Meeting | None:
    series = meetings.load(local.db.conn, args.series_id)
    if series is None:
        return None
    return sitting_of(series, datetime.fromisoformat(args.start), meeting_id=local.record_id,
                      actor=local.actor(), now=local.at)


@acts(m.MEETING_ACT)
def _meeting_action(local: Local, args: m.MeetingActArgs) -> MeetingAction:
    return meeting_action_from_dict(args.action, resolve=assignee_resolver(local.org))


# --- supervision ---------------------------------------------------------------------------


@creates(m.CREATE_SUPERVISION)
def _item(local: Local, args: m.CreateSupervisionArgs) -> SupervisionItem | None:
    parent = None if args.parent_id is None else supervision.load(local.db.conn, args.parent_id)
    if args.parent_id is not None and parent is None:
        return None
    return create_item(item_id=local.record_id, actor=local.actor(), fields=args.fields,
                       now=local.at, parent=parent)


@acts(m.SUPERVISION_ACT)
def _item_action(local: Local, args: m.SupervisionActArgs) -> SupervisionAction:
    return supervision_action_from_dict(args.action)


# --- delegations (kept in the directory, marked until the server confirms) -----------------


@applies(m.CREATE_DELEGATION)
def _create_delegation(local: Local, args: m.CreateDelegationArgs) -> None:
    if any(d.id == local.record_id for d in directory.delegations(local.db)):
        return
    directory.add_pending(local.db, delegation_from_dict(
        {**args.model_dump(), "id": local.record_id, "principal_id": local.person_id}))


@applies(m.END_DELEGATION)
def _end_delegation(local: Local, args: m.EndDelegationArgs) -> None:
    directory.mark_ending(local.db, local.record_id)
