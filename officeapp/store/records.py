"""Records kept whole as JSON with listing columns copied out (meetings, supervision items).

Each kind has one table — an integer key, its listing columns, `pending`, `data` (the JSON as
the user sees it) and `base` (the server's version kept while local changes are pending) —
and child index tables keyed by the same integer, rewritten on every put and removed by
cascade. Documents predate this and keep their own module (officeapp/store/docs.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from officeapp.store.db import chunks, marks


@dataclass(frozen=True)
class RecordTable:
    """Where one kind of record lives: its table, key column, listing and child tables."""

    table: str
    key: str
    columns: tuple[str, ...]
    children: tuple[str, ...]

    @property
    def insert(self) -> str:
        """The INSERT of listing columns, pending, data and base."""
        return (f"INSERT INTO {self.table} ({', '.join(self.columns)}, pending, data, base)"
                f" VALUES ({marks(self.columns)}, ?, ?, ?)")

    @property
    def update(self) -> str:
        """The UPDATE of listing columns, pending, data and base by key."""
        return (f"UPDATE {self.table} SET {', '.join(f'{c} = ?' for c in self.columns)},"
                f" pending = ?, data = ?, base = ? WHERE {self.key} = ?")


@dataclass(frozen=True)
class Stored:
    """What the store holds of one record: its key, whether it is pending, data and base."""

    key: int
    pending: bool
    data: str
    base: str | None


def stored(conn: sqlite3.Connection, spec: RecordTable, ids: Sequence[str]) -> dict[str, Stored]:
    """Return the stored state of those of `ids` the store holds."""
    found: dict[str, Stored] = {}
    for part in chunks(list(ids)):
        rows = conn.execute(f"SELECT id, {spec.key}, pending, data, base FROM {spec.table}"
                            f" WHERE id IN ({marks(part)})", tuple(part))
        for ident, key, pending, data, base in rows:
            found[ident] = Stored(key, bool(pending), data, base)
    return found


def upsert(conn: sqlite3.Connection, spec: RecordTable, listing: tuple[Any, ...], data: str, *,
           pending: bool, old: Stored | None) -> int:
    """Write one record and clear its child rows; return its key for the caller's children.

    A pending write keeps the last server version in `base` (the one already kept if the
    record was pending before); a server write clears it.
    """
    if old is None:
        cursor = conn.execute(spec.insert, (*listing, int(pending), data, None))
        assert cursor.lastrowid is not None
        return cursor.lastrowid
    base = None if not pending else (old.base if old.pending else old.data)
    conn.execute(spec.update, (*listing, int(pending), data, base, old.key))
    for child in spec.children:
        conn.execute(f"DELETE FROM {child} WHERE {spec.key} = ?", (old.key,))
    return old.key


def delete(conn: sqlite3.Connection, spec: RecordTable, ids: Sequence[str]) -> int:
    """Delete records (a revoke); children go by cascade. Return how many existed."""
    old = stored(conn, spec, list(dict.fromkeys(ids)))
    conn.executemany(f"DELETE FROM {spec.table} WHERE {spec.key} = ?",
                     [(o.key,) for o in old.values()])
    return len(old)


def revert(conn: sqlite3.Connection, spec: RecordTable, ids: Sequence[str],
           put_base: Callable[[str], None]) -> list[str]:
    """Put pending records back to their server version (`put_base(json)` writes it);
    delete those never synced. Return the ids reverted."""
    wanted = list(dict.fromkeys(ids))
    found = stored(conn, spec, wanted)
    reverted: list[str] = []
    for ident in wanted:
        old = found.get(ident)
        if old is None or not old.pending:
            continue
        if old.base is None:
            delete(conn, spec, [ident])
        else:
            put_base(old.base)
        reverted.append(ident)
    return reverted
