"""What the supervision screens read on the database worker: one item with what the person
may do now, and the lists, lit at the `now` the caller reads from the session's one clock
(`AppContext.now()`: server-corrected)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from officeapp.org import Actor, Organisation
from officeapp.store import LocalStore, RejectionRecord
from officeapp.supervision import (
    ActionKind,
    InboxEntry,
    ItemQuery,
    ItemRow,
    LightDetail,
    Status,
    SupervisionItem,
    available_actions,
    explain_light,
    is_supervisor,
)
from officeapp.tracechain import Break
from officeapp.workflow import Attachment
from ui.common.attachments import blob_states
from ui.supervision.texts import mutation_item_id, mutation_label

# --- the snapshot ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemSnapshot:
    """Everything the pane shows about one item, read in one go at one server-corrected time."""

    item: SupervisionItem
    actor: Actor | None
    actions: tuple[ActionKind, ...]
    now: datetime
    light: LightDetail
    parent: ItemRow | None = None
    children: tuple[tuple[ItemRow, LightDetail], ...] = ()
    pending: tuple[str, ...] = ()
    rejections: tuple[RejectionRecord, ...] = ()
    blob_states: dict[str, str] = field(default_factory=dict)
    may_split: bool = False
    trace_break: Break | None = None  # where the pulled trace broke the server's hash chain



def attachments_of(item: SupervisionItem) -> list[Attachment]:
    found = [a for report in item.progress_reports for a in report.attachments]
    if item.completion_request is not None:
        found += item.completion_request.attachments
    return found


def stored_item(store: LocalStore, item_id: str) -> SupervisionItem | None:
    """Return the item as the person sees it (local changes included), or None."""
    found = store.get_record("supervision", item_id)
    return found if isinstance(found, SupervisionItem) else None


def load_item(store: LocalStore, *, item_id: str, org: Organisation, person_id: str,
              root: Path, now: datetime) -> ItemSnapshot | None:
    """Read an item and what the person may do with it `now` (runs on the worker)."""
    item = stored_item(store, item_id)
    if item is None:
        return None
    actor = org.actor(person_id, now) if person_id in org.people else None
    kinds = tuple(available_actions(item, actor, now)) if actor else ()
    parent = store.supervision.row(item.parent_id) if item.parent_id else None
    children = tuple((r, explain_light(r, now)) for r in store.supervision.children(item.id))
    pending = tuple(mutation_label(m.name, m.args) for m in store.pending_mutations()
                    if m.name.startswith("supervision.") and mutation_item_id(m.args) == item_id)
    rejections = tuple(r for r in store.rejections() if r.name.startswith("supervision.")
                       and mutation_item_id(r.args) == item_id)
    may_split = (actor is not None and is_supervisor(item, actor)
                 and item.status is not Status.COMPLETED)
    return ItemSnapshot(item, actor, kinds, now, explain_light(item, now), parent, children,
                        pending, rejections,
                        blob_states(store, attachments=attachments_of(item), root=root),
                        may_split, trace_break=store.trace_break("supervision", item_id))



# --- reads and exports, on the worker ---------------------------------------------------------


# The list shows the most pressing rows first (by deadline); beyond this many the filters
# narrow it down, so a list over tens of thousands of items stays quick to read and draw.
LIST_LIMIT = 1000


@dataclass(frozen=True)
class Listing:
    """Rows of the list with their lights, at one server-corrected moment, and how many
    items pass the filters in all (more than the rows when the list was cut at the limit)."""

    now: datetime
    rows: tuple[ItemRow, ...]
    lights: tuple[LightDetail, ...]
    total: int = 0


def load_rows(store: LocalStore, *, query: ItemQuery, now: datetime,
              limit: int = LIST_LIMIT) -> Listing:
    """Return the first `limit` rows passing `query`, lit at `now`."""
    rows = tuple(store.supervision.rows(query, now=now, limit=limit))
    total = len(rows) if len(rows) < limit else store.supervision.count(query, now=now)
    return Listing(now, rows, tuple(explain_light(r, now) for r in rows), total)


@dataclass(frozen=True)
class InboxListing:
    """我的督办 at one server-corrected moment: the most pressing entries, and how many items
    wait in all (the badge; more than the entries when the list was cut at the limit)."""

    now: datetime
    entries: list[InboxEntry]
    total: int = 0


def load_inbox(store: LocalStore, *, org: Organisation, person_id: str, now: datetime,
               limit: int = LIST_LIMIT) -> InboxListing:
    """Return the first `limit` of what waits for the person `now`, most pressing first."""
    if person_id not in org.people:
        return InboxListing(now, [])
    actor = org.actor(person_id, now)
    entries = store.supervision.inbox(actor, now=now, limit=limit)
    total = (len(entries) if len(entries) < limit
             else store.supervision.inbox_count(actor, now=now))
    return InboxListing(now, entries, total)

