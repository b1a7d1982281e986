"""Pure conversions from a Document to the rows the store keeps for it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from officeapp.documents import URGENCY_RANK, Direction
from officeapp.store.db import dumps, timestamp
from officeapp.workflow.codec import document_to_dict
from officeapp.workflow.definitions import WORKFLOWS
from officeapp.workflow.model import Document, Holder, Status

# Columns of `documents` after doc_key, in the order `DocumentRows.listing` holds them.
LISTING_COLUMNS = (
    "id", "direction", "doc_type", "title", "doc_number", "urgency", "urgency_rank",
    "classification", "owner_unit_id", "created_by", "step", "status", "deadline",
    "deadline_sort", "created_at", "updated_at", "version",
)

# After every timestamp (they start with a digit): documents without a deadline sort last.
NO_DEADLINE = "~"

_FINAL_STATUS = {"done": Status.COMPLETED, "archived": Status.ARCHIVED}

HolderRow = tuple[str, str | None, str, str | None, int]
TraceRow = tuple[int, str, str, str, str, str, str, str | None, str | None, str]
FtsValues = tuple[str, str, str, str]


@dataclass(frozen=True)
class DocumentRows:
    """Everything the store writes for one document, besides its doc_key."""

    id: str
    listing: tuple[Any, ...]
    data: str
    holders: tuple[HolderRow, ...]
    circulations: tuple[tuple[str, int], ...]
    participants: frozenset[str]
    trace: tuple[TraceRow, ...]
    fts: FtsValues


def status_of(step: str) -> Status:
    """Return the status a step implies: 'done' → completed, 'archived' → archived."""
    return _FINAL_STATUS.get(step, Status.ACTIVE)


def step_label(direction: str, step: str) -> str:
    """Return the Chinese label of a step, or its key if this version does not know it."""
    workflow = WORKFLOWS.get(Direction(direction))
    return workflow.step(step).label if workflow and workflow.has_step(step) else step


def document_rows(document: Document) -> DocumentRows:
    """Return the rows for `document`, all derived from its one JSON form."""
    data = document_to_dict(document)
    return DocumentRows(
        id=document.id,
        listing=_listing(document),
        data=dumps(data, what="文件"),
        holders=tuple(row for h in document.holders for row in holder_rows(document, h)),
        circulations=tuple((c.person_id, int(c.read_at is not None))
                           for c in document.circulations),
        participants=participants_of(document),
        trace=tuple(_trace_row(entry) for entry in data["trace"]),
        fts=fts_values(data),
    )


def _listing(document: Document) -> tuple[Any, ...]:
    updated = timestamp(document.updated_at or document.created_at)
    deadline = None if document.deadline is None else timestamp(document.deadline)
    return (
        document.id, document.direction.value, document.doc_type.value, document.title,
        document.doc_number, document.urgency.value, URGENCY_RANK[document.urgency],
        document.classification.value, document.owner_unit_id, document.created_by,
        document.step, status_of(document.step).value, deadline,
        # Undated documents follow in update order, so the sort key has no large tie group.
        deadline or f"{NO_DEADLINE}{updated}", timestamp(document.created_at), updated,
        document.version,
    )


def _excludes_creator(document: Document) -> bool:
    workflow = WORKFLOWS[document.direction]
    return workflow.has_step(document.step) and workflow.step(document.step).excludes_creator


def holder_rows(document: Document, holder: Holder) -> tuple[HolderRow, ...]:
    """Return one row per (holder × role); a personal holder needs no role, so one row."""
    done = int(holder.done)
    if holder.person_id is not None:
        return ((holder.unit_id, holder.person_id, "", None, done),)
    # The drafter may not take the review pool of their own draft (excludes_creator).
    excluded = document.created_by if _excludes_creator(document) else None
    return tuple((holder.unit_id, None, role.value, excluded, done)
                 for role in sorted(holder.roles))


def participants_of(document: Document) -> frozenset[str]:
    """Return who acted on the document, in person or through someone acting for them."""
    people = {entry.actor_id for entry in document.trace}
    people.update(entry.on_behalf_of for entry in document.trace if entry.on_behalf_of)
    return frozenset(people)


def _trace_row(entry: Mapping[str, Any]) -> TraceRow:
    return (
        entry["seq"], entry["step"], entry["action"], entry["actor_id"], entry["actor_name"],
        entry["at"], entry["opinion"], entry["on_behalf_of"], entry["target_step"],
        dumps(entry["details"], what="留痕") if entry["details"] else "{}",
    )


def fts_values(data: Mapping[str, Any]) -> FtsValues:
    """Return (title, doc_number, body, opinions) exactly as the documents_fts_content view."""
    opinions = "\n".join(e["opinion"] for e in data.get("trace", ()) if e.get("opinion"))
    return (data["title"], data.get("doc_number") or "", data.get("body") or "", opinions)
