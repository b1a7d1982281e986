"""Supervision items (督办事项) on the server: their row, scopes and attachments
(records.Storage)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from officeapp.kinds import SUPERVISION
from officeapp.supervision import SupervisionItem
from officeapp.supervision.codec import item_to_dict
from officeapp.workflow import Attachment
from sync.server.storage import db, records
from sync.server.storage import tables as t
from sync.server.storage.visibility import supervision_scopes

Stored = records.Stored[SupervisionItem]


def attachments(item: SupervisionItem) -> list[Attachment]:
    """Return every attachment of the item: progress reports' and completion requests'."""
    found = [a for r in item.progress_reports for a in r.attachments]
    if item.completion_request is not None:
        found += item.completion_request.attachments
    return found


def _moment(value: datetime | None) -> datetime | None:
    return None if value is None else db.as_utc(value)


def _columns(item: SupervisionItem, scopes: frozenset[str], now: datetime) -> dict[str, Any]:
    return {
        "id": item.id, "title": item.title, "status": item.status.value,
        "supervisor_unit_id": item.supervisor_unit_id, "lead_unit_id": item.lead_unit_id,
        "parent_id": item.parent_id, "deadline": _moment(item.deadline),
        "version": item.version, "created_at": db.as_utc(item.created_at),
        "updated_at": db.as_utc(item.updated_at or now), "data": item_to_dict(item),
        "scopes": sorted(scopes),
    }


ITEMS = records.Storage(
    record=SUPERVISION, table=t.supervision_items, blob_table=t.supervision_blobs,
    columns=_columns,
    scopes=supervision_scopes, named=attachments)
load = ITEMS.load
exists = ITEMS.exists
save = ITEMS.save
