"""Documents (公文) on the server: their row, scopes and blobs (records.Storage)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from officeapp.kinds import DOCUMENT
from officeapp.workflow import Attachment, Document
from officeapp.workflow.body import body_files
from officeapp.workflow.codec import document_to_dict
from sync.server.storage import records
from sync.server.storage import tables as t
from sync.server.storage.visibility import document_scopes

Stored = records.Stored[Document]


def _columns(doc: Document, scopes: frozenset[str], now: datetime) -> dict[str, Any]:
    return {
        "id": doc.id, "direction": doc.direction.value, "doc_type": doc.doc_type.value,
        "title": doc.title, "owner_unit_id": doc.owner_unit_id, "step": doc.step,
        "agency_code": doc.agency_code, "doc_number": doc.doc_number,
        "source_document_id": doc.source_document_id, "version": doc.version,
        "created_at": doc.created_at, "updated_at": doc.updated_at or now,
        "data": document_to_dict(doc), "scopes": sorted(scopes),
    }


def _files(doc: Document) -> tuple[Attachment, ...]:
    """Return every blob `doc` references: its attachments and its official PDF."""
    official = () if doc.official_pdf is None else (doc.official_pdf,)
    return (*_named(doc), *official)


def _named(doc: Document) -> tuple[Attachment, ...]:
    """Return the blobs a person names in `doc`: its attachments and every 正文 version."""
    return (*doc.attachments, *body_files(doc))


# The official PDF is no client's to name (the server makes it at 用印), so it is linked
# without a check, which makes it readable to all who see the document.
DOCUMENTS = records.Storage(
    record=DOCUMENT, table=t.documents, blob_table=t.document_blobs,
    columns=_columns,
    scopes=document_scopes, named=_named, linked=_files)
load = DOCUMENTS.load
exists = DOCUMENTS.exists
save = DOCUMENTS.save
