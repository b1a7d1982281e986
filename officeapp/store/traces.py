"""Pulled traces checked against the server's hash chain (`trace_hashes`): the breaks found.

A record whose pulled trace disagrees with the chain hashes pulled with it is logged and kept
(its first bad seq and how) until a later put of it agrees, it is revoked, or the mirror is
wiped. Breaks are rare (none, unless someone edits the server's database), so they are one
JSON entry of sync_meta, {"kind/id": [seq, how]}, rather than a table of their own: no
schema version, and a page without breaks costs one meta read. A record pulled without
`trace_hashes` (an older server) is not judged. Only the server's version is checked: local,
pending entries are not in the chain.
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

KINDS = ("document", "meeting", "supervision")
META_KEY = "trace_breaks"


def check(kind: str, record_id: str, data: Mapping[str, Any]) -> Break | None:
    """Return where a pulled record's trace breaks its chain; None if it holds or has none."""
    hashes = data.get("trace_hashes")
    if hashes is None:
        return None
    trace = data.get("trace")
    if not isinstance(hashes, list) or not all(isinstance(h, str) for h in hashes) \
            or not isinstance(trace, list):
        log.warning("%s %s came with malformed trace hashes; not checked", kind, record_id)
        return None
    return tracechain.verify(kind, record_id, trace, hashes)


def check_text(kind: str, record_id: str, trace: str | None, hashes: str | None) -> str | None:
    """`check` for a record staged as JSON texts (bulk.py's SQL calls it): "seq:kind" or None."""
    if hashes is None or trace is None:
        return None
    found = check(kind, record_id,
                  {"trace": json.loads(trace), "trace_hashes": json.loads(hashes)})
    return None if found is None else f"{found.seq}:{found.kind.value}"


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


def record_staged(conn: sqlite3.Connection, written: Iterable[str],
                  breaks: Iterable[tuple[str, str]]) -> None:
    """`record` for documents the bulk path wrote: `breaks` pairs an id with "seq:kind"."""
    found: dict[str, Break | None] = dict.fromkeys(written)
    for record_id, text in breaks:
        seq, what = text.split(":", 1)
        found[record_id] = Break(int(seq), BreakKind(what))
    record(conn, "document", found)


def forget(conn: sqlite3.Connection, kind: str, record_ids: Iterable[str]) -> None:
    """Forget the breaks of these records (revoked)."""
    record(conn, kind, dict.fromkeys(record_ids))


def forget_all(conn: sqlite3.Connection) -> None:
    """Forget every break (the mirror is wiped)."""
    conn.execute("DELETE FROM sync_meta WHERE key = ?", (META_KEY,))


def get(conn: sqlite3.Connection, kind: str, record_id: str) -> Break | None:
    """Return the break recorded for a record, or None."""
    found = _load(conn).get(f"{kind}/{record_id}")
    if not isinstance(found, list) or len(found) != 2:
        return None
    try:
        return Break(int(found[0]), BreakKind(str(found[1])))
    except ValueError:
        return None
