"""The `inbox_entries` table: what meetings and supervision items ask of whom (issue 14).

Every put of a meeting or supervision item rewrites its entries from its kind's declaration
(`KINDS[kind].inbox(record)`, officeapp/core/kinds.py); a revoke removes them (a trigger, as
the record's row goes). An entry's `person_id` is its audience: a person, or a pool of a unit
and role (`officeapp.core.inbox.pool`); an actor sees the entries of their `audiences`: their
own, those of whom they act for (委托), and their pools.

Documents keep their own entry tables (holders, circulations, participants: docs.py), written
by the same put; the one 待办/已办 page merges both (inbox.py). Putting a million documents
through this table too would double the initial sync's writes for the same rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from officeapp.core.inbox import InboxEntry
from officeapp.kinds import KINDS
from officeapp.store.db import chunks, loads, marks, parse_timestamp, timestamp
from officeapp.store.rows import NO_DEADLINE

# An entry that never expires sorts after every timestamp.
NEVER = "~"
_RANK_OF_LEVEL = {0: 2, 1: 1, 2: 0}  # InboxEntry.urgency (2 = 特急) -> urgency_rank (0 = 特急)


# --- the table -----------------------------------------------------------------------------

# The store table of each kind kept here (records.RecordTable.table) -> the kind. Documents
# are not: their holders, circulations and participants tables (docs.py) are their entries,
# written by the bulk path of the initial sync at no extra cost.
KIND_OF_TABLE: Mapping[str, str] = {"meetings": "meeting", "supervision_items": "supervision"}

# A kind saying one thing twice to one audience (invited to attend and to sit in) is one entry.
_INSERT = ("INSERT OR IGNORE INTO inbox_entries (kind, record_id, person_id, task, title, due,"
           " due_sort, urgency_rank, done, expires, updated_at, excluded)"
           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def _values(e: InboxEntry) -> tuple[Any, ...]:
    updated = timestamp(e.updated_at) if e.updated_at is not None else ""
    due = timestamp(e.due) if e.due is not None else None
    expires = timestamp(e.expires) if e.expires is not None else NEVER
    return (e.kind, e.record_id, e.person_id, e.task, e.title, due,
            due or f"{NO_DEADLINE}{updated}", _RANK_OF_LEVEL[e.urgency], int(e.done),
            expires, updated, e.excluded)


def put(conn: sqlite3.Connection, kind: str, record_id: str, record: Any) -> None:
    """Rewrite the entries of one record; call inside the put's transaction."""
    forget(conn, kind, [record_id])
    conn.executemany(_INSERT, [_values(e) for e in KINDS[kind].inbox(record)])


def put_row(conn: sqlite3.Connection, table: str, record_id: str, record: Any,
            data: str) -> None:
    """Rewrite the entries of a record stored in `table` (records.put_rows' hook), from the
    record if at hand, else from its JSON."""
    kind = KIND_OF_TABLE.get(table)
    if kind is not None:
        put(conn, kind, record_id,
            KINDS[kind].from_dict(loads(data)) if record is None else record)


def forget(conn: sqlite3.Connection, kind: str, record_ids: Sequence[str]) -> None:
    """Remove the entries of records (revoked, deleted, or about to be rewritten)."""
    for part in chunks(list(record_ids)):
        conn.execute(f"DELETE FROM inbox_entries WHERE kind = ? AND record_id IN ({marks(part)})",
                     [kind, *part])


def fill(conn: sqlite3.Connection) -> None:
    """Write the entries of every stored meeting and supervision item (the migration)."""
    for table in KIND_OF_TABLE:
        for record_id, data in conn.execute(f"SELECT id, data FROM {table}").fetchall():
            put_row(conn, table, record_id, None, data)


# --- reading -------------------------------------------------------------------------------


# The fields of an `inbox.InboxLine` (kind, record id, task, title, due, urgency rank,
# updated at), as one row of ROW_COLUMNS gives them.
EntryFields = tuple[str, str, str, str, datetime | None, int, datetime | None]


def parse(values: Sequence[Any]) -> EntryFields:
    """Return the fields of an `inbox.InboxLine` from one result row of ROW_COLUMNS."""
    kind, record_id, task, title, due, _due_sort, rank, updated = values
    return (kind, record_id, task, title, parse_timestamp(due), rank,
            parse_timestamp(updated or None))


ROW_COLUMNS = ("e.kind, e.record_id, e.task, e.title, e.due, e.due_sort, e.urgency_rank,"
               " e.updated_at")
