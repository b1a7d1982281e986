"""The `supervision.*` mutations, decided by `officeapp.supervision` on the server's clock, and
the items a meeting decision opens (会议议定)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import partial
from typing import Any

import sqlalchemy as sa

from officeapp.core.verdict import Verdict
from officeapp.errors import ValidationError
from officeapp.meetings import OpenSupervisionItem
from officeapp.mutators import (
    CREATE_SUPERVISION,
    SUPERVISION_ACT,
    acted_moment,
)
from officeapp.org import Actor, Organisation
from officeapp.supervision import (
    LinkKind,
    SourceLink,
    SupervisionAction,
    SupervisionItem,
    create_item,
    decide_supervision,
)
from officeapp.supervision.codec import action_from_dict
from sync.server.mutations.work import Acting, Handler, Work, act, ensure_new, load_visible
from sync.server.storage import records
from sync.server.storage import tables as t
from sync.server.storage.supervision import ITEMS, Stored


def check_references(item: SupervisionItem, org: Organisation) -> None:
    """Refuse units and people the directory does not know."""
    records.check_known(org, units=(item.lead_unit_id, *item.co_unit_ids),
                        people=(*item.informed_ids, item.approver_id), prefix="supervision")


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
    parsed = CREATE_SUPERVISION.parse(args)
    ensure_new(work, ITEMS, parsed.item_id)
    parent = None
    if parsed.parent_id is not None:
        parent = load_visible(work, ITEMS, parsed.parent_id).record
    item = create_item(item_id=parsed.item_id, actor=work.actor, fields=parsed.fields,
                       now=work.now, parent=parent, acted=acted_moment(parsed.acted_at))
    check_references(item, work.org)
    _check_source(work, item, parent.source_link if parent is not None else None)
    ITEMS.save(work.connection, item, None, work.now, work.writes, by=work.referrer)


def _action(work: Work, item: SupervisionItem, data: dict[str, Any]) -> SupervisionAction:
    return action_from_dict(data)


def _decide(work: Work, item: SupervisionItem,
            action: SupervisionAction) -> Verdict[SupervisionItem]:
    return decide_supervision(item, work.actor, action, work.now)


def _check(work: Work, action: SupervisionAction, item: SupervisionItem,
           stored: Stored) -> None:
    check_references(item, work.org)
    _check_source(work, item, stored.record.source_link)


def open_from_decision(connection: sa.Connection, effect: OpenSupervisionItem, actor: Actor,
                       now: datetime, writes: records.Writes) -> None:
    """Create the draft item a meeting decision opens (会议议定), unless it exists already."""
    existing = ITEMS.load(connection, effect.item_id, lock=True)
    if existing is not None:
        link = existing.record.source_link
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
    ITEMS.save(connection, item, None, now, writes, by=None)


ACTING: Acting[SupervisionItem, SupervisionAction] = Acting(
    SUPERVISION_ACT, ITEMS, action=_action, decide=_decide, check=_check)

HANDLERS: dict[str, Handler] = {
    CREATE_SUPERVISION.name: create,
    SUPERVISION_ACT.name: partial(act, ACTING),
}
