"""Writing and reading documents with their holders, participants and text index rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from officeapp.store import meta
from officeapp.store.db import bulk_writes, chunks, loads, marks
from officeapp.store.packing import pack
from officeapp.store.records import Stored, base_of, revert_found
from officeapp.store.rows import LISTING_COLUMNS, DocumentRows, document_rows, fts_values

# The pulled JSON's rows, offered here as every kind's module offers them (tables.KindRows).
from officeapp.store.rows import rows_from_data as rows_from_data
from officeapp.store.search import index_text
from officeapp.workflow.codec import document_from_dict
from officeapp.workflow.model import Document

_COLUMNS = ("doc_key", *LISTING_COLUMNS, "pending")
_UPSERT_DOCUMENT = (
    f"INSERT INTO documents ({', '.join(_COLUMNS)}) VALUES ({marks(_COLUMNS)}) "
    "ON CONFLICT(doc_key) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS[1:])
)
# The JSON is stored packed (packing.py) and read through the view document_data.
_UPSERT_DATA = (
    "INSERT INTO document_packed (doc_key, data, base) VALUES (?, ?, ?) "
    "ON CONFLICT(doc_key) DO UPDATE SET data = excluded.data, base = excluded.base"
)
# While set, the text index's segments are merged only at the end (see merge_text_later).
_MERGE_LATER = "text_merge_later"
# FTS5's default: merge once 4 segments of a size have piled up.
AUTOMERGE = 4
# The character index is contentless: it forgets a row only given the text it took.
_CHARS_INSERT = "INSERT INTO documents_chars (rowid, text) VALUES (?, ?)"
_CHARS_DELETE = ("INSERT INTO documents_chars (documents_chars, rowid, text)"
                 " VALUES ('delete', ?, ?)")
# The text index (search.py); until schema version 8 a trigram index too.
TEXT_INDEXES = ("documents_chars",)


def stored(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, Stored]:
    """Return the stored state of each of `ids` that exists."""
    found: dict[str, Stored] = {}
    for part in chunks(ids):
        rows = conn.execute(
            "SELECT d.id, d.doc_key, d.pending, x.data, x.base FROM documents AS d "
            f"JOIN document_data AS x ON x.doc_key = d.doc_key WHERE d.id IN ({marks(part)})",
            tuple(part))
        for doc_id, key, pending, data, base in rows:
            found[doc_id] = Stored(key, bool(pending), data, base)
    return found


def stored_ids(conn: sqlite3.Connection, ids: Sequence[str]) -> set[str]:
    """Return which of `ids` the store holds."""
    return set(stored(conn, ids))


def _next_key(conn: sqlite3.Connection) -> int:
    # Writes run inside BEGIN IMMEDIATE, so no other writer can take the same key.
    row = conn.execute("SELECT coalesce(max(doc_key), 0) + 1 FROM documents").fetchone()
    return int(row[0])


def put(conn: sqlite3.Connection, documents: Iterable[Document], *, pending: bool) -> None:
    """Upsert documents and everything derived from them; call inside a transaction."""
    latest = {d.id: d for d in documents}  # the last copy of a repeated id wins
    put_rows(conn, [document_rows(d) for d in latest.values()], pending=pending)


def put_rows(conn: sqlite3.Connection, rows: Sequence[DocumentRows], *, pending: bool) -> None:
    """Upsert documents given as their rows (a pull builds them straight from the JSON)."""
    rows = list({r.id: r for r in rows}.values())
    before = stored(conn, [r.id for r in rows])
    key = _next_key(conn)
    keyed: list[tuple[int, DocumentRows, str | None]] = []
    for row in rows:
        old = before.get(row.id)
        if old is None:
            keyed.append((key, row, None))
            key += 1
        else:
            keyed.append((old.key, row, base_of(old, pending=pending)))
    _forget_derived(conn, list(before.values()))
    _write(conn, keyed, pending=pending)


def _forget_derived(conn: sqlite3.Connection, old: Sequence[Stored]) -> None:
    """Drop the index rows of documents about to be rewritten."""
    keys = [(o.key,) for o in old]
    _forget_text(conn, old)
    for table in ("holders", "circulations", "participants", "informed"):
        conn.executemany(f"DELETE FROM {table} WHERE doc_key = ?", keys)


def _write(
    conn: sqlite3.Connection, keyed: Sequence[tuple[int, DocumentRows, str | None]],
    *, pending: bool,
) -> None:
    """Insert the rows of each (doc_key, rows, base)."""
    flag = int(pending)
    conn.executemany(_UPSERT_DOCUMENT, [(k, *r.listing, flag) for k, r, _ in keyed])
    conn.executemany(_UPSERT_DATA, [(k, pack(r.data), pack(base)) for k, r, base in keyed])
    conn.executemany(_with_facets("holders", "unit_id", "person_id", "role",
                                  "exclude_person_id", "done"),
                     [(k, *h) for k, r, _ in keyed for h in r.holders])
    conn.executemany(_with_facets("circulations", "person_id", "read"),
                     [(k, *c) for k, r, _ in keyed for c in r.circulations])
    conn.executemany(_with_facets("informed", "person_id", "read"),
                     [(k, *i) for k, r, _ in keyed for i in r.informed])
    conn.executemany(_with_facets("participants", "person_id"),
                     [(k, p) for k, r, _ in keyed for p in sorted(r.participants)])
    conn.executemany(_CHARS_INSERT, [(k, index_text(*r.fts)) for k, r, _ in keyed])


def _with_facets(table: str, *columns: str) -> str:
    """Return the INSERT of a folder's side-table row (doc_key, then `columns`) that copies
    its document's facets from the row written just before."""
    values = ", ".join(f"?{n}" for n in range(1, len(columns) + 2))
    return (f"INSERT INTO {table} (doc_key, {', '.join(columns)}, facets)"
            f" SELECT {values}, facets FROM documents WHERE doc_key = ?1")


def _forget_text(conn: sqlite3.Connection, old: Sequence[Stored]) -> None:
    texts = [(o.key, fts_values(loads(o.data))) for o in old]
    conn.executemany(_CHARS_DELETE, [(key, index_text(*values)) for key, values in texts])


def delete(conn: sqlite3.Connection, ids: Sequence[str]) -> int:
    """Purge documents with everything derived from them; return how many existed."""
    old = list(stored(conn, list(dict.fromkeys(ids))).values())
    _forget_text(conn, old)
    # Holders, participants, circulations and the JSON go by ON DELETE CASCADE.
    conn.executemany("DELETE FROM documents WHERE doc_key = ?", [(o.key,) for o in old])
    return len(old)


def merge_text_later(conn: sqlite3.Connection) -> None:
    """A large initial sync: index each page as it lands, merge the index's segments once.

    Each page's commit leaves a segment, and FTS5 merges them as it goes (automerge): at
    100k documents that merging cost a third of the indexing. It is off until
    `merge_text_now`, which the sync's last page calls; search is exact meanwhile, only
    slower over the many segments. The WAL is checkpointed less often meanwhile too.
    """
    if meta.get(conn, _MERGE_LATER) is None:
        for table in TEXT_INDEXES:
            conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('automerge', 0)")
        meta.put(conn, _MERGE_LATER, "1")
    bulk_writes(conn, on=True)


def optimize_text(conn: sqlite3.Connection) -> None:
    """Merge each text index's segments into one."""
    for table in TEXT_INDEXES:
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")


def merge_text_now(conn: sqlite3.Connection) -> None:
    """End `merge_text_later`: merge the segments into one, and as usual from then on."""
    if meta.get(conn, _MERGE_LATER) is None:
        return
    optimize_text(conn)
    for table in TEXT_INDEXES:
        conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('automerge', ?)",
                     (AUTOMERGE,))
    conn.execute("DELETE FROM sync_meta WHERE key = ?", (_MERGE_LATER,))
    bulk_writes(conn, on=False)


def revert(conn: sqlite3.Connection, ids: Sequence[str]) -> list[str]:
    """Put pending documents back to their last server version; drop ones never synced."""
    wanted = list(dict.fromkeys(ids))
    return revert_found(
        wanted, stored(conn, wanted), delete=lambda doc_id: delete(conn, [doc_id]),
        put_base=lambda base: put_rows(conn, [rows_from_data(loads(base))], pending=False))


def load(conn: sqlite3.Connection, document_id: str) -> Document | None:
    """Return the stored document, or None."""
    row = conn.execute(
        "SELECT x.data FROM documents AS d JOIN document_data AS x ON x.doc_key = d.doc_key "
        "WHERE d.id = ?", (document_id,)).fetchone()
    return None if row is None else document_from_dict(loads(row[0]))
