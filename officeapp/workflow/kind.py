"""公文 as a record kind: its codec, files, listing columns and what it asks of whom.

Registered with the others in `officeapp.kinds`.
"""

from __future__ import annotations

from collections.abc import Iterator

from officeapp.core.inbox import InboxEntry, pools, urgency_level
from officeapp.core.kinds import RecordKind, blob_ids, columns
from officeapp.workflow.body import body_files
from officeapp.workflow.codec import document_from_dict, document_to_dict
from officeapp.workflow.engine import current_step, pending_holders
from officeapp.workflow.model import Attachment, Document, Holder

KIND = "document"


def files(document: Document) -> tuple[Attachment, ...]:
    """Return every file `document` refers to: attachments, 正文 versions, the official PDF."""
    official = () if document.official_pdf is None else (document.official_pdf,)
    return (*document.attachments, *body_files(document), *official)


def participants(document: Document) -> dict[str, str]:
    """Return everyone who acted on `document` (or was acted for), with their last action."""
    last: dict[str, str] = {}
    for entry in document.trace:
        last[entry.actor_id] = entry.action.value
        if entry.on_behalf_of:
            last[entry.on_behalf_of] = entry.action.value
    return last


def _holder_audiences(document: Document, holder: Holder) -> Iterator[tuple[str, str | None]]:
    """Yield who may take an open holder: its person, or its pools (without the drafter
    where the step excludes them)."""
    if holder.person_id is not None:
        yield holder.person_id, None
        return
    excluded = document.created_by if current_step(document).excludes_creator else None
    for audience in pools(holder.unit_id, holder.roles):
        yield audience, excluded


def document_inbox(document: Document) -> list[InboxEntry]:
    """Return what a document asks: handling by the holders of its current step, reading by
    those it is circulated to (传阅); and, done, one entry per person who acted on it."""
    updated = document.updated_at or document.created_at

    def entry(audience: str, task: str, *, done: bool = False,
              excluded: str | None = None) -> InboxEntry:
        return InboxEntry(KIND, document.id, audience, task, document.title, document.deadline,
                          urgency_level(document.urgency), done, updated, excluded=excluded)

    entries = [entry(audience, "handle", excluded=excluded)
               for holder in pending_holders(document)
               for audience, excluded in _holder_audiences(document, holder)]
    entries += [entry(c.person_id, "circulate") for c in document.circulations
                if c.read_at is None]
    entries += [entry(person, action, done=True)
                for person, action in participants(document).items()]
    return entries


DOCUMENT = RecordKind(
    KIND, "公文", "文件", "document_id", document_to_dict, document_from_dict,
    attachments=blob_ids(files), inbox=document_inbox, columns=columns(
        "id", "title", "direction", "doc_type", "urgency", "step", "doc_number",
        "owner_unit_id", "created_by", "created_at", "deadline", "version", "updated_at"))
