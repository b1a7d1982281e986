"""Applying a pulled page: server truth, revokes, rejections, acks and cursor in one go, then
the rebase of the user's still-pending mutations on top (SYNC.md)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any

import sqlite_utils

from officeapp.errors import DomainError
from officeapp.mutators import MUTATORS
from officeapp.orgcodec import (
    delegation_from_dict,
    person_from_dict,
    room_from_dict,
    unit_from_dict,
)
from officeapp.store import (
    directory,
    docs,
    meetings,
    meta,
    mutations,
    outbox,
    traces,
    trust,
)
from officeapp.store.outbox import OutboxMutation, record_kind
from officeapp.store.tables import TABLES
from officeapp.tracechain import Break

log = logging.getLogger(__name__)

_DIRECTORY_TABLES = {"unit": "units", "person": "people", "room": "rooms",
                     "delegation": "delegations"}


@dataclass(frozen=True)
class PulledChange:
    """One change of a pulled page: a whole record to put, or a record to revoke."""

    kind: str
    id: str
    op: str
    data: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class PulledRejection:
    """The server's refusal of one of this client's mutations."""

    mutation_id: int
    code: str
    message: str
    details: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PullPage:
    """One pull answer, in officeapp's terms (the sync layer translates the wire form)."""

    cursor: int
    last_mutation_id: int
    changes: Sequence[PulledChange]
    rejected: Sequence[PulledRejection] = ()
    has_more: bool = False
    reset: bool = False

    @property
    def size(self) -> int:
        """How many changes the page holds."""
        return len(self.changes)


def by_kind(ids: Mapping[str, Iterable[str]]) -> Mapping[str, frozenset[str]]:
    """Return record ids by kind, read-only and without the kinds that have none (so that
    two sets of changes naming the same records compare equal)."""
    frozen = {kind: frozenset(found) for kind, found in ids.items()}
    return MappingProxyType({kind: found for kind, found in frozen.items() if found})


@dataclass(frozen=True)
class PullOutcome:
    """What applying a page changed, for the UI's "changed" broadcast.

    `ids`: the records changed, by kind (the kinds of `tables.TABLES`), so that a new kind
    needs no new field here nor in the readers.
    """

    # A mapping has no hash; equal values still hash alike on the other fields.
    ids: Mapping[str, frozenset[str]] = field(default_factory=dict, hash=False)
    directory: bool = False
    rejected: tuple[int, ...] = ()
    skipped: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "ids", by_kind(self.ids))

    def of(self, kind: str) -> frozenset[str]:
        """Return the changed records of one kind (none if the page changed none)."""
        return self.ids.get(kind, frozenset())

    @property
    def changed(self) -> bool:
        """Whether the page changed anything the views show (a skipped record is not)."""
        return bool(self.ids or self.directory or self.rejected)

    def merged(self, later: PullOutcome) -> PullOutcome:
        """What this page and a later one changed together."""
        ids = {kind: self.of(kind) | later.of(kind) for kind in {*self.ids, *later.ids}}
        return PullOutcome(ids, self.directory or later.directory,
                           self.rejected + later.rejected, self.skipped + later.skipped)


@dataclass
class Records:
    """Ids of records by kind (the kinds of `tables.TABLES`): the records a step touched."""

    ids: dict[str, set[str]] = field(default_factory=lambda: {kind: set() for kind in TABLES})

    def of(self, kind: str) -> set[str]:
        """Return the set of one kind ("document", "meeting" or "supervision")."""
        return self.ids[kind]

    def add(self, kind: str, record_id: str) -> None:
        """Add one record, if its kind is one the store keeps."""
        if kind in self.ids:
            self.ids[kind].add(record_id)

    def update(self, other: Records) -> None:
        """Add every record of `other`."""
        for kind, ids in other.ids.items():
            self.ids[kind].update(ids)

    def outcome(self, *, directory: bool, rejected: Sequence[int],
                skipped: Sequence[str] = ()) -> PullOutcome:
        """Return the outcome that reports these records."""
        return PullOutcome(by_kind(self.ids), directory, tuple(rejected), tuple(skipped))


def wipe_mirror(db: sqlite_utils.Database) -> None:
    """Forget every pulled record (a reset); the outbox, rejections and drafts stay."""
    conn = db.conn
    for table in docs.TEXT_INDEXES:
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")
    for table in (*(t.table for t in TABLES.values()), "meeting_codes"):
        conn.execute(f"DELETE FROM {table}")
    for table in ("delegations", "rooms", "people", "units"):
        conn.execute(f"DELETE FROM {table}")
    trust.clear(conn)
    traces.forget_all(conn)
    meta.set_cursor(conn, 0, reset=True)


def apply_page(db: sqlite_utils.Database, page: PullPage, *, now: datetime,
               stored: Collection[str] = ()) -> PullOutcome:
    """Write one page and its cursor, then rebase; call inside one transaction.

    `stored`: documents of the same page the caller already wrote (`bulk.apply`, from the
    page's JSON); they count as changed and are rebased like the others.
    """
    conn = db.conn
    if page.has_more and meta.cursor(conn) == 0:
        docs.merge_text_later(conn)  # an initial sync
    skipped: list[str] = []
    affected = _records(conn, page.changes, skipped)
    coded = _codes(conn, page.changes, skipped)
    touched_directory = _directory(db, page.changes)
    # New trusted roots change what 验章 says: the views reload as for the directory.
    touched_directory |= trust.apply(conn, page.changes)
    _check_traces(conn, page.changes)
    rejected = _rejections(conn, page.rejected, now=now)
    touched_directory |= _revert_delegations(db, rejected)
    if not page.has_more:
        outbox.mark_acked(conn, up_to=min(page.last_mutation_id, outbox.last_mutation_id(conn)))
        docs.merge_text_now(conn)
    meta.set_cursor(conn, page.cursor, reset=False)
    affected.of("document").update(stored)
    refused = _refused_records(rejected)
    affected.update(refused)
    # A refused mutation's optimistic effect goes even if the page did not resend its record.
    _revert(conn, refused)
    affected.update(rebase(db, affected, replay_missing=not page.has_more))
    affected.of("meeting").update(coded)
    return affected.outcome(directory=touched_directory, rejected=list(rejected),
                            skipped=skipped)


def apply_rejections(db: sqlite_utils.Database, rejected: Sequence[PulledRejection], *,
                     now: datetime) -> PullOutcome:
    """Record refusals a push answered, undo their local effect, rebase what is left."""
    found = _rejections(db.conn, rejected, now=now)
    refused = _refused_records(found)
    _revert(db.conn, refused)
    refused.update(rebase(db, refused))
    return refused.outcome(directory=_revert_delegations(db, found), rejected=list(found))


def _final(changes: Sequence[PulledChange], kinds: Sequence[str]) -> list[PulledChange]:
    """Return the last change of each record of these kinds, in page order.

    A revoke followed by a put (access lost through one scope, kept through another) must
    leave the record, and a put followed by a revoke must not.
    """
    last: dict[tuple[str, str], PulledChange] = {}
    for change in changes:
        if change.kind in kinds:
            last.pop((change.kind, change.id), None)
            last[(change.kind, change.id)] = change
    return list(last.values())


def _records(conn: sqlite3.Connection, changes: Sequence[PulledChange],
             skipped: list[str]) -> Records:
    """Write a page's records of every kind and their revokes; return those written or
    revoked (to rebase). A malformed record is logged and added to `skipped`."""
    rows: dict[str, list[Any]] = {kind: [] for kind in TABLES}
    revoked: dict[str, list[str]] = {kind: [] for kind in TABLES}
    touched = Records()
    for change in _final(changes, tuple(TABLES)):
        if change.op == "revoke":
            revoked[change.kind].append(change.id)
        else:
            try:
                rows[change.kind].append(TABLES[change.kind].rows.rows_from_data(
                    change.data or {}))
            except (KeyError, ValueError, TypeError, DomainError):
                # One malformed record must not stop the sync; it is retried on resync.
                log.warning("skipped malformed %s %s from the server", change.kind, change.id)
                skipped.append(change.id)
                continue
        touched.add(change.kind, change.id)
    for kind, table in TABLES.items():
        table.rows.put_rows(conn, rows[kind], pending=False)
        table.rows.delete(conn, revoked[kind])
    return touched


def _check_traces(conn: sqlite3.Connection, changes: Sequence[PulledChange]) -> None:
    """Check each pulled record's trace against its chain hashes; keep what breaks."""
    checked: dict[str, dict[str, Break | None]] = {kind: {} for kind in TABLES}
    for change in _final(changes, tuple(TABLES)):
        if change.op == "revoke":
            traces.forget(conn, change.kind, [change.id])
        else:
            checked[change.kind][change.id] = traces.check(change.kind, change.id,
                                                           change.data or {})
    for kind, found in checked.items():
        traces.record(conn, kind, found)


def _code(data: Mapping[str, Any] | None) -> str:
    code = (data or {}).get("check_in_code")
    if not isinstance(code, str):
        raise TypeError("check_in_code must be text")
    return code


def _codes(conn: sqlite3.Connection, changes: Sequence[PulledChange],
           skipped: list[str]) -> set[str]:
    """Write a page's check-in codes and their revokes; return the meetings whose code
    changed (to show; not to rebase: the meeting's local state already holds its pending
    work). A malformed code is logged and added to `skipped`."""
    codes: dict[str, str] = {}
    revoked: list[str] = []
    for change in _final(changes, ("meeting_code",)):
        if change.op == "revoke":
            revoked.append(change.id)
            continue
        try:
            codes[change.id] = _code(change.data)
        except TypeError:
            log.warning("skipped malformed %s %s from the server", change.kind, change.id)
            skipped.append(change.id)
    meetings.put_codes(conn, codes)
    meetings.delete_codes(conn, revoked)
    return {*codes, *revoked}


def _directory(db: sqlite_utils.Database, changes: Sequence[PulledChange]) -> bool:
    parsers = {"unit": unit_from_dict, "person": person_from_dict, "room": room_from_dict,
               "delegation": delegation_from_dict}
    found: dict[str, list[Any]] = {"unit": [], "person": [], "room": [], "delegation": []}
    touched = False
    for change in changes:
        if change.kind not in parsers:
            continue
        touched = True
        if change.op == "revoke":
            directory.remove(db, _DIRECTORY_TABLES[change.kind], [change.id])
            continue
        try:
            found[change.kind].append(parsers[change.kind](change.data or {}))
        except DomainError:
            log.warning("skipped malformed %s %s from the server", change.kind, change.id)
    directory.upsert(db, units=found["unit"], people=found["person"], rooms=found["room"],
                     delegations=found["delegation"])
    return touched


def _revert_delegations(db: sqlite_utils.Database,
                        rejected: Mapping[int, OutboxMutation]) -> bool:
    """Undo refused delegation changes; return whether there were any."""
    refused = {name: [m.record_id for m in rejected.values()
                      if m.name == name and m.record_id]
               for name in ("delegation.create", "delegation.end")}
    directory.revert(db, created=refused["delegation.create"], ended=refused["delegation.end"])
    return any(refused.values())


def _rejections(conn: sqlite3.Connection, rejected: Sequence[PulledRejection], *,
                now: datetime) -> dict[int, OutboxMutation]:
    """Record refused mutations (keeping the user's text); return their outbox rows."""
    found: dict[int, OutboxMutation] = {}
    for item in rejected:
        row = outbox.get(conn, item.mutation_id)
        if row is None or row.state == "rejected":
            continue
        outbox.record_rejection(conn, mutation_id=item.mutation_id, code=item.code,
                                message=item.message, details=dict(item.details), now=now)
        found[item.mutation_id] = row
    return found


def _refused_records(rejected: Mapping[int, OutboxMutation]) -> Records:
    records = Records()
    for row in rejected.values():
        if row.record_id:
            records.add(record_kind(row.name), row.record_id)
    return records


def _revert(conn: sqlite3.Connection, records: Records) -> None:
    """Undo the optimistic effect on these records: back to the server version, or gone."""
    for kind, table in TABLES.items():
        table.rows.revert(conn, sorted(records.of(kind)))


def rebase(db: sqlite_utils.Database, targets: Records, *,
           replay_missing: bool = False) -> Records:
    """Replay pending mutations on the server's version of these records, each through its
    local applier (officeapp.store.mutations); return the records replayed.

    Queued delegation changes replay every time: a pulled put clears their mark, and a
    reset wipes a delegation made here that the server has not stored yet.
    """
    pending = [m for m in outbox.pending(db.conn) if m.record_id and m.name in MUTATORS]
    if not pending:
        return Records()
    wanted_ids = Records()
    wanted_ids.update(targets)
    if replay_missing:
        wanted_ids.update(_missing_creations(db.conn, pending))
    # Every pending mutation of a target replays, in order: after a reset wiped a local
    # record, its creation comes back and so do the actions taken on it since.
    wanted = [m for m in pending if _wanted(m, wanted_ids)]
    if not wanted:
        return Records()
    org = directory.organisation(db)
    replayed = Records()
    for mutation in wanted:
        mutations.replay(db, org, mutation)
        replayed.add(MUTATORS[mutation.name].kind, mutation.record_id or "")
    return replayed


def _wanted(mutation: OutboxMutation, targets: Records) -> bool:
    """Whether a pending mutation replays: one of a target record, or any change of a kind
    the store keeps outside `TABLES` (delegations, in the directory)."""
    kind = MUTATORS[mutation.name].kind
    return kind not in TABLES or mutation.record_id in targets.of(kind)


def _missing_creations(conn: sqlite3.Connection, pending: Sequence[OutboxMutation]) -> Records:
    """Return the records this client created that the store lacks (a reset wiped them)."""
    missing = Records()
    for kind, table in TABLES.items():
        created = [m.record_id for m in pending if m.record_id and MUTATORS[m.name].creates
                   and MUTATORS[m.name].kind == kind]
        stored = table.rows.stored_ids(conn, created)
        missing.of(kind).update(i for i in created if i not in stored)
    return missing
