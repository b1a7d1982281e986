"""The document pane's snapshot: everything it shows about one document, read in one go on
the database worker."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from officeapp.org import Actor, Organisation, Person
from officeapp.store import LocalStore, RejectionRecord
from officeapp.tracechain import Break
from officeapp.workflow import ActionKind, Document, available_actions
from ui.common.attachments import blob_states
from ui.documents.action_dialogs import eligible_people, return_targets
from ui.documents.rendering import pending_label


@dataclass(frozen=True)
class Snapshot:
    """Everything the pane shows about one document, read in one go."""

    document: Document
    actor: Actor | None
    actions: tuple[ActionKind, ...]
    pending: tuple[str, ...] = ()  # labels of the person's actions the server has not confirmed
    rejections: tuple[RejectionRecord, ...] = ()
    blob_states: dict[str, str] = field(default_factory=dict)
    return_targets: tuple[tuple[str, str], ...] = ()
    next_people: tuple[Person, ...] = ()  # who may be named to hold the next step
    trace_break: Break | None = None  # where the pulled trace broke the server's hash chain


def load_snapshot(store: LocalStore, *, document_id: str, org: Organisation, person_id: str,
                  now: datetime, root: Path) -> Snapshot | None:
    """Read a document and what the person may do with it (runs on the worker)."""
    document = store.get_document(document_id)
    if document is None:
        return None
    actor = org.actor(person_id, now) if person_id in org.people else None
    kinds = tuple(available_actions(document, actor, now)) if actor else ()
    pending = tuple(pending_label(m.args, m.name) for m in store.pending_mutations()
                    if m.document_id == document_id)
    rejections = tuple(r for r in store.rejections() if r.document_id == document_id)
    targets = tuple(return_targets(document, actor, now)) if actor and (
        ActionKind.RETURN in kinds) else ()
    people = tuple(eligible_people(document, actor, org, ActionKind.APPROVE, now)) if actor and (
        ActionKind.APPROVE in kinds and document.step != "instruct") else ()
    return Snapshot(document, actor, kinds, pending, rejections,
                    blob_states(store, attachments=document.attachments, root=root),
                    targets, people, trace_break=store.trace_break("document", document_id))
