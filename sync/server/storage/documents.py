"""Documents on the server: loading them, saving them with their scopes and change rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from officeapp.workflow import Attachment, Document
from officeapp.workflow.body import body_files
from officeapp.workflow.codec import document_from_dict, document_to_dict
from sync.server.storage import blobs, changelog, tracechain
from sync.server.storage import tables as t
from sync.server.storage.changelog import ChangeRow
from sync.server.storage.visibility import document_scopes


@dataclass(frozen=True)
class Stored:
    """A document as stored, with the scopes it was last visible to."""

    document: Document
    scopes: frozenset[str]


@dataclass
class Writes:
    """What one mutation wrote: change rows to log and scopes to poke after commit."""

    changes: list[ChangeRow] = field(default_factory=list)
    pokes: set[str] = field(default_factory=set)


def load(connection: sa.Connection, document_id: str, *, lock: bool) -> Stored | None:
    """Return the stored document (row-locked until commit when `lock`), or None."""
    query = sa.select(t.documents.c.data, t.documents.c.scopes).where(
        t.documents.c.id == document_id)
    row = connection.execute(query.with_for_update() if lock else query).first()
    if row is None:
        return None
    return Stored(document_from_dict(row.data), frozenset(row.scopes))


def exists(connection: sa.Connection, document_id: str) -> bool:
    """Return whether a document with this id exists."""
    query = sa.select(t.documents.c.id).where(t.documents.c.id == document_id)
    return connection.execute(query).first() is not None


def _columns(doc: Document, scopes: frozenset[str], now: datetime) -> dict[str, Any]:
    return {
        "id": doc.id, "direction": doc.direction.value, "doc_type": doc.doc_type.value,
        "title": doc.title, "owner_unit_id": doc.owner_unit_id, "step": doc.step,
        "agency_code": doc.agency_code, "doc_number": doc.doc_number,
        "source_document_id": doc.source_document_id, "version": doc.version,
        "created_at": doc.created_at, "updated_at": doc.updated_at or now,
        "data": document_to_dict(doc), "scopes": sorted(scopes),
    }


def save(connection: sa.Connection, doc: Document, previous: Stored | None, now: datetime,
         writes: Writes, *, by: blobs.Referrer | None) -> None:
    """Write `doc`; log a put for who sees it and a revoke for who no longer does.

    `by` is who saves it, checked for every attachment it newly names (None: the server's own
    copy of a checked record). The official PDF is no client's to name (the server makes it
    at 用印), so it is linked without a check, which makes it readable to all who see `doc`.
    """
    blobs.check_references(connection, _named(doc), by=by,
                           before=() if previous is None else _named(previous.document))
    scopes = document_scopes(doc)
    values = _columns(doc, scopes, now)
    if previous is None:
        connection.execute(sa.insert(t.documents).values(values))
    else:
        connection.execute(sa.update(t.documents).where(t.documents.c.id == doc.id)
                           .values(values))
    blobs.link(connection, t.document_blobs, doc.id, _files(doc))
    payload = tracechain.chained(connection, "document", doc.id, values["data"], now)
    lost = previous.scopes - scopes if previous is not None else frozenset()
    if lost:
        # Logged before the put: whoever keeps access through another scope gets the put last.
        writes.changes.append(ChangeRow("document", doc.id, changelog.REVOKE, None, lost))
    writes.changes.append(ChangeRow("document", doc.id, changelog.PUT, payload, scopes))
    writes.pokes |= scopes | lost


def _files(doc: Document) -> tuple[Attachment, ...]:
    """Return every blob `doc` references: its attachments and its official PDF."""
    official = () if doc.official_pdf is None else (doc.official_pdf,)
    return (*_named(doc), *official)


def _named(doc: Document) -> tuple[Attachment, ...]:
    """Return the blobs a person names in `doc`: its attachments and every 正文 version."""
    return (*doc.attachments, *body_files(doc))


def visible_to(stored: Stored, scopes: Iterable[str]) -> bool:
    """Return whether someone with `scopes` may see the stored document."""
    return not stored.scopes.isdisjoint(scopes)
