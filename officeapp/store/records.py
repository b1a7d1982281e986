"""Records kept whole as JSON with listing columns copied out (meetings, supervision items).

Each kind has one table — an integer key, its listing columns, `pending`, `data` (the JSON as
the user sees it) and `base` (the server's version kept while local changes are pending) —
and child index tables keyed by the same integer, rewritten on every put and removed by
cascade. Documents predate this and keep their own layout (officeapp/store/docs.py), but
share `Stored` and `revert_found`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from officeapp.store import inbox_entries
from officeapp.store.db import chunks, loads, marks


@dataclass(frozen=True)
class Child:
    """An index table of one kind: one row per (value…, record key), rewritten on each put."""

    table: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class RecordTable:
    """Where one kind of record lives: its table, key column, listing and child tables."""

    table: str
    key: str
    columns: tuple[str, ...]
    children: tuple[Child, ...]

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
class RecordRows:
    """Everything the store writes for one record besides its key: the listing columns, the
    JSON, and the rows of each child table (in `RecordTable.children` order)."""

    id: str
    listing: tuple[Any, ...]
    data: str
    children: tuple[tuple[tuple[Any, ...], ...], ...]
    # The record the rows came from, when at hand: its inbox entries need not decode `data`.
    record: Any = field(default=None, compare=False)


@dataclass(frozen=True)
class Stored:
    """What the store holds of one record: its key, whether it is pending, data and base."""

    key: int
    pending: bool
    data: str
    base: str | None


def base_of(old: Stored, *, pending: bool) -> str | None:
    """Keep the last server version while local changes sit on top of it (for revert); a
    server write clears it."""
    if not pending:
        return None
    return old.base if old.pending else old.data


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
    conn.execute(spec.update, (*listing, int(pending), data, base_of(old, pending=pending),
                               old.key))
    for child in spec.children:
        conn.execute(f"DELETE FROM {child.table} WHERE {spec.key} = ?", (old.key,))
    return old.key


def put_rows(conn: sqlite3.Connection, spec: RecordTable, rows: Sequence[RecordRows], *,
             pending: bool) -> None:
    """Upsert records given as rows (the last copy of a repeated id wins), children too."""
    latest = list({r.id: r for r in rows}.values())
    before = stored(conn, spec, [r.id for r in latest])
    for row in latest:
        key = upsert(conn, spec, row.listing, row.data, pending=pending, old=before.get(row.id))
        for child, values in zip(spec.children, row.children, strict=True):
            conn.executemany(f"INSERT INTO {child.table} ({', '.join(child.columns)},"
                             f" {spec.key}) VALUES ({marks(child.columns)}, ?)",
                             [(*v, key) for v in values])
        # What the record asks of people (待办) follows every put: pull, local write, revert.
        inbox_entries.put_row(conn, spec.table, row.id, row.record, row.data)


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
    return revert_found(wanted, stored(conn, spec, wanted),
                        delete=lambda ident: delete(conn, spec, [ident]), put_base=put_base)


def revert_found(wanted: Sequence[str], found: Mapping[str, Stored], *,
                 delete: Callable[[str], object], put_base: Callable[[str], None]) -> list[str]:
    """Revert each pending one of `wanted` (`found` holds what is stored): `put_base(json)`
    writes its server version back, `delete(id)` drops one never synced. Return the ids."""
    reverted: list[str] = []
    for ident in wanted:
        old = found.get(ident)
        if old is None or not old.pending:
            continue
        if old.base is None:
            delete(ident)
        else:
            put_base(old.base)
        reverted.append(ident)
    return reverted


@dataclass(frozen=True)
class JsonRecords:
    """A kind kept as JSON with listing columns: what the store asks of a kind's rows
    (`tables.KindRows`), given where it lives, its rows and how it is read back."""

    spec: RecordTable
    rows_of: Callable[[Any], RecordRows]
    rows_from_data: Callable[[Mapping[str, Any]], RecordRows]
    load: Callable[[sqlite3.Connection, str], Any]

    def put(self, conn: sqlite3.Connection, records: Iterable[Any], *, pending: bool) -> None:
        """Upsert records (the last copy of an id wins); call inside a transaction."""
        latest = {r.id: r for r in records}
        put_rows(conn, self.spec, [self.rows_of(r) for r in latest.values()], pending=pending)

    def put_rows(self, conn: sqlite3.Connection, rows: Sequence[RecordRows], *,
                 pending: bool) -> None:
        """Upsert records given as rows; pending keeps the last server version in `base`."""
        put_rows(conn, self.spec, rows, pending=pending)

    def stored_ids(self, conn: sqlite3.Connection, ids: Sequence[str]) -> set[str]:
        """Return which of `ids` the store holds."""
        return set(stored(conn, self.spec, ids))

    def delete(self, conn: sqlite3.Connection, ids: Sequence[str]) -> int:
        """Delete records (a revoke); children go by cascade. Return how many existed."""
        return delete(conn, self.spec, ids)

    def revert(self, conn: sqlite3.Connection, ids: Sequence[str]) -> list[str]:
        """Put pending records back to their server version; delete those never synced."""
        return revert(conn, self.spec, ids, lambda base: self.put_rows(
            conn, [self.rows_from_data(loads(base))], pending=False))
