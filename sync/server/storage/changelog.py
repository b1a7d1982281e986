"""The change log: what changed, in commit order, and who may see it.

Every writing transaction ends by bumping the single `sync_counter` row. That row lock is held
until commit, so a transaction cannot take its seqs until the previous writer has committed:
seq order is commit order, and a reader that sees seq N also sees every seq below N. See
docs/sync.md for the full argument.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from sync.server.storage import tables as t

PUT = "put"
REVOKE = "revoke"
RESULT = "result"


@dataclass(frozen=True)
class ChangeRow:
    """A change to record: `put` a whole record, `revoke` it, or a mutation `result`."""

    kind: str
    entity_id: str
    op: str
    payload: dict[str, Any] | None
    scopes: frozenset[str]


def append(connection: sa.Connection, rows: Sequence[ChangeRow], now: datetime) -> int:
    """Record `rows` with the next seqs and return the last seq (the current one if none)."""
    counter = t.sync_counter.c
    # Taken last in every writing transaction, so nobody waits on it while holding it.
    last = connection.execute(
        sa.update(t.sync_counter).where(counter.id == 1)
        .values(seq=counter.seq + len(rows)).returning(counter.seq)
    ).scalar_one()
    for offset, row in enumerate(rows):
        _write(connection, last - len(rows) + 1 + offset, row, now)
    return int(last)


def _write(connection: sa.Connection, seq: int, row: ChangeRow, now: datetime) -> None:
    if row.op == PUT:
        _drop_superseded(connection, row.kind, row.entity_id)
    connection.execute(sa.insert(t.changes).values(
        seq=seq, kind=row.kind, entity_id=row.entity_id, op=row.op, payload=row.payload,
        created_at=now))
    if row.scopes:
        connection.execute(sa.insert(t.change_scopes),
                           [{"seq": seq, "scope": scope} for scope in sorted(row.scopes)])


def superseded_query(kind: str, entity_id: str) -> sa.Select[tuple[int, str]]:
    """Return the query of every change-log row of one record (served by ix_changes_entity)."""
    c = t.changes.c
    return sa.select(c.seq, c.op).where(c.kind == kind, c.entity_id == entity_id)


def drop_puts(connection: sa.Connection, kind: str, entity_id: str) -> None:
    """Delete every put of a record seen by everyone that is gone for good (before its
    revoke): once the revoke is pruned, a client pulling from 0 must not get the put back."""
    _drop_superseded(connection, kind, entity_id)


def _drop_superseded(connection: sa.Connection, kind: str, entity_id: str) -> None:
    """Delete older puts of the same record: a later put carries its whole state.

    Revokes are kept (until retention) because a later put may not reach whoever lost access.
    """
    c = t.changes.c
    # Filter `op` in Python: with `op = ?` in the WHERE, SQLite without statistics chose the
    # (op, created_at) index and scanned every put (~100 ms a push at 100k records).
    older = superseded_query(kind, entity_id)
    seqs = [row.seq for row in connection.execute(older) if row.op == PUT]
    if seqs:
        connection.execute(sa.delete(t.change_scopes).where(t.change_scopes.c.seq.in_(seqs)))
        connection.execute(sa.delete(t.changes).where(c.seq.in_(seqs)))


def prune(connection: sa.Connection, now: datetime, retention: timedelta) -> int:
    """Delete revokes and results older than `retention`; return how many went.

    Clients whose cursor is below the newest pruned seq must reset (see `needs_reset`).
    """
    c = t.changes.c
    old = sa.select(c.seq).where(c.op.in_((REVOKE, RESULT)), c.created_at < now - retention)
    seqs = [row.seq for row in connection.execute(old)]
    if not seqs:
        return 0
    connection.execute(sa.delete(t.change_scopes).where(t.change_scopes.c.seq.in_(seqs)))
    connection.execute(sa.delete(t.changes).where(c.seq.in_(seqs)))
    counter = t.sync_counter.c
    connection.execute(sa.update(t.sync_counter).where(counter.id == 1).values(
        pruned_through=sa.func.max(counter.pruned_through, max(seqs))
        if connection.dialect.name == "sqlite"
        else sa.func.greatest(counter.pruned_through, max(seqs))))
    return len(seqs)


def head(connection: sa.Connection) -> tuple[int, int]:
    """Return the last seq committed and the seq through which revokes were pruned."""
    row = connection.execute(
        sa.select(t.sync_counter.c.seq, t.sync_counter.c.pruned_through)
        .where(t.sync_counter.c.id == 1)).one()
    return int(row.seq), int(row.pruned_through)


def needs_reset(cursor: int, last_seq: int, pruned_through: int) -> bool:
    """Return whether a client at `cursor` may have missed pruned revokes (or is from elsewhere)."""
    return cursor > last_seq or 0 < cursor < pruned_through
