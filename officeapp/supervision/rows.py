"""Plain list rows of items and the list filter (unit, source, status, light, due).

The store keeps these fields as columns and will filter in SQL; this pure filter is the
reference the SQL must agree with, and what the client uses over rows already in memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from officeapp.documents import Urgency
from officeapp.supervision.lights import DEFAULT_WARN_DAYS, REASON_LIGHTS, Light, light_reason
from officeapp.supervision.model import Source, Status, SupervisionItem


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One item as a list row: the columns lists, filters, lights and statistics need."""

    id: str
    title: str
    source: Source
    status: Status
    supervisor_unit_id: str
    lead_unit_id: str | None
    co_unit_ids: tuple[str, ...]
    deadline: datetime | None
    next_report_due: datetime | None
    requested_at: datetime | None
    finished_at: datetime | None
    completed_at: datetime | None
    assigned_at: datetime | None
    created_at: datetime
    urgency: Urgency = Urgency.NORMAL
    parent_id: str | None = None
    percent: int = 0


def item_row(item: SupervisionItem) -> ItemRow:
    """Return the list row of an item."""
    return ItemRow(
        id=item.id, title=item.title, source=item.source, status=item.status,
        supervisor_unit_id=item.supervisor_unit_id, lead_unit_id=item.lead_unit_id,
        co_unit_ids=item.co_unit_ids, deadline=item.deadline,
        next_report_due=item.next_report_due, requested_at=item.requested_at,
        finished_at=item.finished_at, completed_at=item.completed_at,
        assigned_at=item.assigned_at, created_at=item.created_at, urgency=item.urgency,
        parent_id=item.parent_id, percent=item.percent,
    )


@dataclass(frozen=True)
class ItemQuery:
    """What the item list is filtered by; empty sets and None mean "any".

    `unit_id` matches the lead unit, and co-units too unless `lead_only`. `due_from`/`due_to`
    bound the deadline (both inclusive). `text` is a case-insensitive substring of the title.
    """

    unit_id: str | None = None
    lead_only: bool = False
    sources: frozenset[Source] = frozenset()
    statuses: frozenset[Status] = frozenset()
    lights: frozenset[Light] = frozenset()
    due_from: datetime | None = None
    due_to: datetime | None = None
    text: str = ""
    warn_days: int = DEFAULT_WARN_DAYS


def _unit_matches(row: ItemRow, query: ItemQuery) -> bool:
    unit = query.unit_id
    return row.lead_unit_id == unit or (not query.lead_only and unit in row.co_unit_ids)


def _due_matches(row: ItemRow, query: ItemQuery) -> bool:
    deadline = row.deadline
    if deadline is None:
        return False
    if query.due_from is not None and deadline < query.due_from:
        return False
    return query.due_to is None or deadline <= query.due_to


def matches(row: ItemRow, query: ItemQuery, now: datetime) -> bool:
    """Return whether one row passes the query at `now`."""
    return bool(filter_rows((row,), query, now))


def filter_rows(rows: Iterable[ItemRow], query: ItemQuery, now: datetime) -> list[ItemRow]:
    """Return the rows that pass the query at `now`, in their given order."""
    found = list(rows)
    if query.unit_id is not None:
        found = [r for r in found if _unit_matches(r, query)]
    if query.sources:
        found = [r for r in found if r.source in query.sources]
    if query.statuses:
        found = [r for r in found if r.status in query.statuses]
    if query.due_from is not None or query.due_to is not None:
        found = [r for r in found if _due_matches(r, query)]
    if query.text:
        needle = query.text.casefold()
        found = [r for r in found if needle in r.title.casefold()]
    if query.lights:
        warn = timedelta(days=query.warn_days)
        found = [r for r in found
                 if REASON_LIGHTS[light_reason(r, now, warn)[0]] in query.lights]
    return found
