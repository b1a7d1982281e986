"""Supervision items (督办事项) on the server: loading, saving with scopes and change rows, and
the `supervision.*` mutations, decided by `officeapp.supervision` on the server's clock."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from officeapp.errors import DomainError, ForbiddenError, ValidationError
from officeapp.meetings import OpenSupervisionItem
from officeapp.org import Actor, Organisation
from officeapp.supervision import (
    LinkKind,
    SourceLink,
    SupervisionItem,
    SupervisionRejected,
    create_item,
    decide_supervision,
)
from officeapp.supervision.codec import action_from_dict, item_from_dict, item_to_dict
from officeapp.workflow import Attachment
from sync.protocol import CreateSupervisionArgs, SupervisionActArgs, acted_moment, parse_args
from sync.server.storage import blobs, db, records, tracechain
from sync.server.storage import tables as t
from sync.server.storage.documents import Writes
from sync.server.storage.visibility import notify_scopes, supervision_scopes

if TYPE_CHECKING:
    from sync.server.mutations.push import Work

KIND = "supervision"


@dataclass(frozen=True)
class Stored:
    """An item as stored, with the scopes it was last visible to."""

    item: SupervisionItem
    scopes: frozenset[str]


def load(connection: sa.Connection, item_id: str, *, lock: bool) -> Stored | None:
    """Return the stored item (row-locked until commit when `lock`), or None."""
    found = records.load_row(connection, t.supervision_items, item_id, lock=lock)
    return None if found is None else Stored(item_from_dict(found[0]), found[1])


def exists(connection: sa.Connection, item_id: str) -> bool:
    """Return whether an item with this id exists."""
    return records.row_exists(connection, t.supervision_items, item_id)


def visible_to(stored: Stored, scopes: Iterable[str]) -> bool:
    """Return whether someone with `scopes` may see the stored item."""
    return not stored.scopes.isdisjoint(scopes)


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


def save(connection: sa.Connection, item: SupervisionItem, previous: Stored | None,
         now: datetime, writes: Writes, *, by: blobs.Referrer | None) -> None:
    """Write `item`; log a put for who sees it and a revoke for who no longer does. `by` is
    who saves it, checked for every attachment it newly names (None: the server itself)."""
    found = attachments(item)
    blobs.check_references(connection, found, by=by,
                           before=() if previous is None else attachments(previous.item))
    scopes = supervision_scopes(item)
    values = _columns(item, scopes, now)
    records.write_row(connection, t.supervision_items, values, new=previous is None)
    blobs.link(connection, t.supervision_blobs, item.id, found)
    payload = tracechain.chained(connection, KIND, item.id, values["data"], now)
    records.log_put(writes, KIND, item.id, payload, scopes,
                    None if previous is None else previous.scopes)


def check_references(item: SupervisionItem, org: Organisation) -> None:
    """Refuse units and people the directory does not know."""
    records.check_known(org, units=(item.lead_unit_id, *item.co_unit_ids),
                        people=(*item.informed_ids, item.approver_id), prefix="supervision")


def not_found(item_id: str) -> ForbiddenError:
    """Return the one answer for an item that is missing or not the caller's to see."""
    return ForbiddenError("supervision.not_found", "督办事项不存在或您无权查看", item_id=item_id)


_SOURCE_TABLES = {LinkKind.DOCUMENT: t.documents, LinkKind.MEETING_DECISION: t.meetings}


def _check_source(work: Work, item: SupervisionItem, before: SourceLink | None) -> None:
    """Refuse a source link the actor newly sets to a record they cannot see: an item may not
    claim to come from another unit's document or meeting (the same answer if it is absent)."""
    link = item.source_link
    if link is None or link == before:
        return
    found = records.load_row(work.connection, _SOURCE_TABLES[link.kind], link.record_id,
                             lock=False)
    if found is None or found[1].isdisjoint(work.scopes):
        raise ValidationError("supervision.unknown_source", "来源记录不存在或您无权查看",
                              record_id=link.record_id)


def create(work: Work, args: Mapping[str, Any]) -> None:
    """`supervision.create`: a new draft item, or a sub-item (分解) of a visible parent."""
    parsed: CreateSupervisionArgs = parse_args(CreateSupervisionArgs, args)
    if exists(work.connection, parsed.item_id):
        raise ValidationError("supervision.exists", "该督办事项已存在，不能重复创建",
                              item_id=parsed.item_id)
    parent = None
    if parsed.parent_id is not None:
        stored = load(work.connection, parsed.parent_id, lock=True)
        if stored is None or not visible_to(stored, work.scopes):
            raise not_found(parsed.parent_id)
        parent = stored.item
    item = create_item(item_id=parsed.item_id, actor=work.actor, fields=parsed.fields,
                       now=work.now, parent=parent, acted=acted_moment(parsed.acted_at))
    check_references(item, work.org)
    _check_source(work, item, parent.source_link if parent is not None else None)
    save(work.connection, item, None, work.now, work.writes, by=work.referrer)


def act(work: Work, args: Mapping[str, Any]) -> None:
    """`supervision.act`: decide one action on a visible item and save what follows."""
    parsed: SupervisionActArgs = parse_args(SupervisionActArgs, args)
    stored = load(work.connection, parsed.item_id, lock=True)
    if stored is None or not visible_to(stored, work.scopes):
        raise not_found(parsed.item_id)
    action = action_from_dict(parsed.action)
    decision = decide_supervision(stored.item, work.actor, action, work.now)
    if isinstance(decision, SupervisionRejected):
        r = decision.rejection
        raise DomainError(r.code, r.message, **r.details)
    check_references(decision.item, work.org)
    _check_source(work, decision.item, stored.item.source_link)
    save(work.connection, decision.item, stored, work.now, work.writes,
         by=work.referrer)
    for effect in decision.effects:
        work.writes.pokes |= notify_scopes(effect)


def open_from_decision(connection: sa.Connection, effect: OpenSupervisionItem, actor: Actor,
                       now: datetime, writes: Writes) -> None:
    """Create the draft item a meeting decision opens (会议议定), unless it exists already."""
    existing = load(connection, effect.item_id, lock=True)
    if existing is not None:
        link = existing.item.source_link
        if link is None or link.kind is not LinkKind.MEETING_DECISION \
                or link.record_id != effect.meeting_id:
            raise records.derived_id_taken("supervision", effect.item_id,
                                           meeting_id=effect.meeting_id,
                                           decision_no=effect.decision_no)
        return  # opened by an earlier run of the same decision
    fields = {
        "title": effect.title, "content": effect.content, "source": effect.source,
        "source_link": {"kind": LinkKind.MEETING_DECISION.value, "record_id": effect.meeting_id,
                        "label": effect.link_label},
        "lead_unit_id": effect.lead_unit_id, "co_unit_ids": list(effect.co_unit_ids),
        "deadline": effect.deadline,
    }
    item = create_item(item_id=effect.item_id, actor=actor, fields=fields, now=now)
    save(connection, item, None, now, writes, by=None)
