"""Pulled traces checked against the server's hash chain: the breaks found.

A record comes with `trace_chain` = [length, head]: how many entries the server's chain holds
and its last hash (servers before issue 18 sent `trace_hashes`, every chain hash, ~130 bytes
a document more on the wire once compressed; both are understood).

A record whose pulled trace disagrees with the chain hashes pulled with it is logged and kept
(its first bad seq and how) until a later put of it agrees, it is revoked, or the mirror is
wiped. Breaks are rare (none, unless someone edits the server's database), so they are one
JSON entry of sync_meta, {"kind/id": [seq, how]}, rather than a table of their own: a page
without breaks costs one meta read. A record pulled with neither key (a server before the
chain) is not judged. Only the server's version is checked: local, pending entries are not in the
chain.

The Python path checks each record as its page lands. The bulk path (bulk.py) does not: the
check (~40 µs a document in Python: the canonical JSON of ~4.5 entries, two SHA-256 each) ran
on the staging thread, which sets the pace of an initial sync. It lists the documents it
wrote in `trace_unchecked`, in the page's transaction, and `verify_pending` checks them in
batches once the pull is done. Nothing is missed meanwhile: `get` checks a listed document
when it is asked (the red banner reads it), and a crash before the check leaves the list to
the next start.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from officeapp import tracechain
from officeapp.store import meta
from officeapp.tracechain import Break, BreakKind

log = logging.getLogger(__name__)

META_KEY = "trace_breaks"


def check(kind: str, record_id: str, data: Mapping[str, Any]) -> Break | None:
    """Return where a pulled record's trace breaks its chain; None if it holds or has none."""
    head, hashes = data.get("trace_chain"), data.get("trace_hashes")
    if head is None and hashes is None:
        return None
    trace = data.get("trace")
    if not isinstance(trace, list):
        log.warning("%s %s came without a trace list; not checked", kind, record_id)
        return None
    if head is not None:
        if not (isinstance(head, list) and len(head) == 2 and type(head[0]) is int
                and head[0] >= 0 and isinstance(head[1], str)):
            log.warning("%s %s came with a malformed trace chain; not checked", kind, record_id)
            return None
        return tracechain.verify_head(kind, record_id, trace, head[0], head[1])
    if not isinstance(hashes, list) or not all(isinstance(h, str) for h in hashes):
        log.warning("%s %s came with malformed trace hashes; not checked", kind, record_id)
        return None
    return tracechain.verify(kind, record_id, trace, hashes)


def check_text(record_id: str, trace: str | None, head: str | None,
               hashes: str | None = None) -> Break | None:
    """`check` for a stored document, given its trace, chain head and (from an older server)
    chain hashes as JSON texts."""
    if trace is None or (head is None and hashes is None):
        return None
    try:
        data = {"trace": json.loads(trace)}
        if head is not None:
            data["trace_chain"] = json.loads(head)
        if hashes is not None:
            data["trace_hashes"] = json.loads(hashes)
        return check("document", record_id, data)
    except Exception:  # one odd record must not stop the others' checks
        log.exception("could not check the trace of document %s", record_id)
        return None


# The server's version of each listed document (`base` while a local change is pending):
# its trace, chain head and chain hashes as JSON texts.
_SERVED = "coalesce(x.base, x.data)"
_UNCHECKED = (
    f"SELECT u.seq, d.id, {_SERVED} -> '$.trace', {_SERVED} -> '$.trace_chain',"
    f" {_SERVED} -> '$.trace_hashes'"
    " FROM trace_unchecked AS u JOIN documents AS d ON d.doc_key = u.doc_key"
    " LEFT JOIN document_data AS x ON x.doc_key = u.doc_key")
# Documents per `verify_pending` call (~25 ms), so the store's one thread serves the views
# between batches.
VERIFY_BATCH = 500


def verify_pending(conn: sqlite3.Connection, *, limit: int = VERIFY_BATCH) -> int:
    """Check up to `limit` documents listed in `trace_unchecked`, keep what breaks and take
    them off the list; return how many were checked (0: none left). Call in a transaction."""
    rows = conn.execute(f"{_UNCHECKED} ORDER BY u.seq LIMIT ?", (limit,)).fetchall()
    if not rows:
        return 0
    record(conn, "document", {str(i): check_text(str(i), t, c, h) for _, i, t, c, h in rows})
    conn.execute("DELETE FROM trace_unchecked WHERE seq <= ?", (rows[-1][0],))
    return len(rows)


def unchecked(conn: sqlite3.Connection) -> int:
    """Return how many documents wait for their trace to be checked."""
    return int(conn.execute("SELECT count(*) FROM trace_unchecked").fetchone()[0])


def _load(conn: sqlite3.Connection) -> dict[str, list[Any]]:
    text = meta.get(conn, META_KEY)
    found = json.loads(text) if text else {}
    return found if isinstance(found, dict) else {}


def _save(conn: sqlite3.Connection, breaks: Mapping[str, list[Any]]) -> None:
    meta.put(conn, META_KEY, json.dumps(dict(sorted(breaks.items())), ensure_ascii=False))


def record(conn: sqlite3.Connection, kind: str, checked: Mapping[str, Break | None]) -> None:
    """Keep the breaks of these freshly pulled records (and forget the ones that hold now)."""
    broken = {f"{kind}/{i}": [b.seq, b.kind.value] for i, b in checked.items() if b is not None}
    for key, (seq, what) in broken.items():
        log.warning("the trace of %s breaks the server's hash chain at entry %s (%s)",
                    key, seq, what)
    stored = _load(conn)
    if not stored and not broken:
        return  # the usual case: nothing was ever broken
    kept = {k: v for k, v in stored.items()
            if k.split("/", 1)[0] != kind or k.split("/", 1)[1] not in checked}
    if kept != stored or broken:
        _save(conn, {**kept, **broken})


def forget(conn: sqlite3.Connection, kind: str, record_ids: Iterable[str]) -> None:
    """Forget the breaks of these records (revoked)."""
    record(conn, kind, dict.fromkeys(record_ids))


def forget_all(conn: sqlite3.Connection) -> None:
    """Forget every break (the mirror is wiped)."""
    conn.execute("DELETE FROM sync_meta WHERE key = ?", (META_KEY,))


def get(conn: sqlite3.Connection, kind: str, record_id: str) -> Break | None:
    """Return the break of a record: checked now if it waits in `trace_unchecked`, else
    the one recorded, or None."""
    if kind == "document":
        row = conn.execute(f"{_UNCHECKED} WHERE d.id = ?", (record_id,)).fetchone()
        if row is not None:
            return check_text(record_id, row[2], row[3], row[4])
    found = _load(conn).get(f"{kind}/{record_id}")
    if not isinstance(found, list) or len(found) != 2:
        return None
    try:
        return Break(int(found[0]), BreakKind(str(found[1])))
    except ValueError:
        return None
