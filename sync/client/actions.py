"""One function per user action that changes data: decide locally, queue the mutation.

Each writes the optimistic result and its outbox row in one store transaction; the caller
(the UI, on the database worker thread) then asks the engine to sync. Nothing here waits for
the network.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from officeapp.errors import ValidationError
from officeapp.store import LocalStore
from officeapp.workflow import Action, Decision, Document, create_outgoing, register_incoming
from officeapp.workflow.codec import action_to_dict

MUTATOR_VERSION = 1


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
    store.create_document(document=document, mutation_name="document.create_outgoing",
                          mutation_args={"document_id": document.id, "fields": dict(fields)},
                          mutator_version=MUTATOR_VERSION)
    return document


def register(store: LocalStore, *, person_id: str, fields: Mapping[str, Any],
             now: datetime) -> Document:
    """Register a 收文 that arrived outside the system."""
    actor = store.organisation().actor(person_id, now)
    document = register_incoming(document_id=new_document_id(), actor=actor, fields=fields,
                                 now=now)
    store.create_document(document=document, mutation_name="document.register_incoming",
                          mutation_args={"document_id": document.id, "fields": dict(fields)},
                          mutator_version=MUTATOR_VERSION)
    return document


def act(store: LocalStore, *, person_id: str, document_id: str, action: Action,
        now: datetime) -> Decision:
    """Take a workflow action; the step the person saw travels with it."""
    document = store.get_document(document_id)
    if document is None:
        raise ValidationError("document.not_found", "文件不存在，或您已无权查看该文件")
    if action.expected_step is None:
        action = replace(action, expected_step=document.step)
    actor = store.organisation().actor(person_id, now)
    return store.apply_action(
        document_id=document_id, actor=actor, action=action, now=now,
        mutation_name="document.act",
        mutation_args={"document_id": document_id, "action": action_to_dict(action)},
        mutator_version=MUTATOR_VERSION)
