"""The hash chain over a record's trace (留痕): pure functions, shared by server and client.

Each trace entry is hashed in its JSON form (as stored and as sent), never as Python objects:

    entry_hash = SHA-256(canonical JSON of {"kind", "record_id", "entry"})
    chain[n]   = SHA-256(chain[n-1] as hex ‖ entry_hash[n] as hex), chain[0] = GENESIS

Canonical JSON sorts keys, keeps non-ASCII text as it is and has no spaces, so PostgreSQL's
JSONB (which reorders keys) and SQLite's text give the same hash. Keys whose value is null
are left out at every depth: a release that adds an optional field (`acted_at` was one)
writes it as null into entries chained before it existed, and a reader takes a missing key
and a null one alike. Setting a field to null is still a change (its value is gone).

Seqs are positions in the trace, from 1.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

GENESIS = "0" * 64


class BreakKind(StrEnum):
    """How a trace no longer matches its chain."""

    CHANGED = "changed"  # the entry at seq is not the one chained there
    REMOVED = "removed"  # the entry chained at seq is gone
    REORDERED = "reordered"  # the entry chained at seq is still there, elsewhere
    INSERTED = "inserted"  # the entry at seq was never chained
    # Only the chain's head is known (`trace_chain`): some entry up to seq was changed,
    # removed or reordered, which one the server's verify-trace says.
    ALTERED = "altered"


BREAK_TEXT = {
    BreakKind.CHANGED: "已被修改",
    BreakKind.REMOVED: "已被删除",
    BreakKind.REORDERED: "顺序被调换",
    BreakKind.INSERTED: "未入链的新增记录",
    BreakKind.ALTERED: "中有记录被修改、删除或调换",
}


@dataclass(frozen=True)
class Break:
    """The first place where a trace and its chain disagree."""

    seq: int
    kind: BreakKind

    @property
    def text(self) -> str:
        """What happened, in Chinese (第N条记录已被修改; 前N条记录中有记录被修改…)."""
        if self.kind is BreakKind.ALTERED:
            return f"前{self.seq}条记录{BREAK_TEXT[self.kind]}"
        return f"第{self.seq}条记录{BREAK_TEXT[self.kind]}"


_ENCODE = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                           allow_nan=False).encode
_NESTED = (dict, list)


def _pruned(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _pruned(v) if isinstance(v, _NESTED) else v
                for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_pruned(v) if isinstance(v, _NESTED) else v for v in value]
    return value


def canonical(value: Any) -> str:
    """Return the canonical JSON text of `value` (null-valued keys left out)."""
    return _ENCODE(_pruned(value))


def entry_hasher(kind: str, record_id: str) -> Callable[[Any], str]:
    """Return `entry_hash` for the entries of one record (a client hashes thousands a page)."""
    # The canonical text of {"entry", "kind", "record_id"}: keys in sorted order.
    tail = f',"kind":{_ENCODE(kind)},"record_id":{_ENCODE(record_id)}}}'

    def digest(entry: Any) -> str:
        text = '{"entry":' + _ENCODE(_pruned(entry)) + tail
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    return digest


def entry_hash(kind: str, record_id: str, entry: Any) -> str:
    """Return the hash of one trace entry (its JSON dict) of one record."""
    return entry_hasher(kind, record_id)(entry)


def link(previous: str, entry: str) -> str:
    """Return the chain hash after `previous` for an entry hashed `entry`."""
    return hashlib.sha256((previous + entry).encode("ascii")).hexdigest()


def extend(previous: str, entry_hashes: Sequence[str]) -> list[str]:
    """Return the chain hashes that follow `previous` for these entry hashes."""
    found: list[str] = []
    for digest in entry_hashes:
        previous = link(previous, digest)
        found.append(previous)
    return found


def chain(kind: str, record_id: str, entries: Sequence[Any]) -> list[str]:
    """Return the chain hash after each entry of a record's trace."""
    digest = entry_hasher(kind, record_id)
    return extend(GENESIS, [digest(e) for e in entries])


def verify(kind: str, record_id: str, entries: Sequence[Any],
           hashes: Sequence[str]) -> Break | None:
    """Return where `entries` first disagree with the chain `hashes`, or None if they agree."""
    digest = entry_hasher(kind, record_id)
    return locate([digest(e) for e in entries], hashes)


def verify_head(kind: str, record_id: str, entries: Sequence[Any], length: int,
                head: str) -> Break | None:
    """Return where `entries` disagree with a chain known only by its length and last hash
    (what a pull carries: `trace_chain` = [length, head]), or None if they agree.

    Entries past `length` are new to the chain (INSERTED); fewer entries mean some were
    removed; otherwise a head that differs says only that one of the first `length` entries
    is not what was chained (ALTERED, seq = length).
    """
    if len(entries) < length:
        return Break(len(entries) + 1, BreakKind.REMOVED)
    digest = entry_hasher(kind, record_id)
    found = extend(GENESIS, [digest(e) for e in entries[:length]])
    if (found[-1] if found else GENESIS) != head:
        return Break(length, BreakKind.ALTERED)
    if len(entries) > length:
        return Break(length + 1, BreakKind.INSERTED)
    return None


def locate(digests: Sequence[str], hashes: Sequence[str]) -> Break | None:
    """Return where entries hashed `digests` first disagree with the chain `hashes`."""
    previous = GENESIS
    for index, digest in enumerate(digests):
        if index == len(hashes):
            return Break(index + 1, BreakKind.INSERTED)
        if link(previous, digest) != hashes[index]:
            return _classify(digests, hashes, index)
        previous = hashes[index]
    if len(digests) < len(hashes):
        return Break(len(digests) + 1, BreakKind.REMOVED)
    return None


def _fits(digest: str, hashes: Sequence[str], position: int) -> bool:
    """Whether an entry hashed `digest` is the one chained at `position` (0-based)."""
    previous = hashes[position - 1] if position else GENESIS
    return link(previous, digest) == hashes[position]


def _classify(digests: Sequence[str], hashes: Sequence[str], at: int) -> Break:
    """Name the first mismatch, at `at` (0-based): every earlier entry matched.

    Only chain hashes are known, so an entry is recognised where it fits: its hash linked to
    the chain hash before a position gives the chain hash at that position.
    """
    chained_later = any(_fits(digests[i], hashes, at) for i in range(at + 1, len(digests)))
    moved_here = any(_fits(digests[at], hashes, j) for j in range(at + 1, len(hashes)))
    if chained_later and moved_here:
        return Break(at + 1, BreakKind.REORDERED)
    if moved_here:  # what was chained here is gone; the rest follows
        return Break(at + 1, BreakKind.REMOVED)
    if chained_later:  # what was chained here comes later: something was put before it
        return Break(at + 1, BreakKind.INSERTED)
    return Break(at + 1, BreakKind.CHANGED)
