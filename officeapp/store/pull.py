"""Applying a pulled page: server truth, revokes, rejections, acks and cursor in one go, then
the rebase of the user's still-pending mutations on top (SYNC.md)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlite_utils

from officeapp.errors import DomainError
from officeapp.meetings import (
    MeetingAccepted,
    MeetingActionKind,
    create_meeting,
    decide_meeting,
    sitting_of,
)
from officeapp.meetings.codec import meeting_action_from_dict
from officeapp.org import Actor, Organisation
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
    outbox,
    supervision,
    traces,
    trust,
)
from officeapp.store.outbox import OutboxMutation, record_kind
from officeapp.store.rows import DocumentRows, rows_from_data
from officeapp.supervision import SupervisionAccepted, create_item, decide_supervision
from officeapp.supervision.codec import action_from_dict as supervision_action_from_dict
from officeapp.tracechain import Break
from officeapp.workflow import Accepted, create_outgoing, decide, register_incoming
from officeapp.workflow.codec import action_from_dict, assignee_resolver

log = logging.getLogger(__name__)

DOCUMENT_MUTATIONS = frozenset({"document.create_outgoing", "document.register_incoming",
                                "document.act"})
MEETING_MUTATIONS = frozenset({"meeting.create", "meeting.create_sitting", "meeting.act"})
SUPERVISION_MUTATIONS = frozenset({"supervision.create", "supervision.act"})
REPLAYED_MUTATIONS = DOCUMENT_MUTATIONS | MEETING_MUTATIONS | SUPERVISION_MUTATIONS
_ACTS = frozenset({"document.act", "meeting.act", "supervision.act"})
_DIRECTORY_TABLES = {"unit": "units", "person": "people", "room": "rooms",
                     "delegation": "delegations"}
_RECORD_KINDS = ("meeting", "meeting_code", "supervision")


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


@dataclass(frozen=True)
class PullOutcome:
    """What applying a page changed, for the UI's "changed" broadcast."""

    documents: frozenset[str]
    directory: bool
    rejected: tuple[int, ...]
    skipped: tuple[str, ...] = ()
    meetings: frozenset[str] = frozenset()
    supervision: frozenset[str] = frozenset()

    def merged(self, later: PullOutcome) -> PullOutcome:
        """What this page and a later one changed together."""
        return PullOutcome(self.documents | later.documents, self.directory or later.directory,
                           self.rejected + later.rejected, self.skipped + later.skipped,
                           self.meetings | later.meetings, self.supervision | later.supervision)


@dataclass
class Records:
    """Ids of records by kind: the documents, meetings and supervision items a step touched."""

    documents: set[str] = field(default_factory=set)
    meetings: set[str] = field(default_factory=set)
    supervision: set[str] = field(default_factory=set)

    def of(self, kind: str) -> set[str]:
        """Return the set of one kind ("document", "meeting" or "supervision")."""
        return {"document": self.documents, "meeting": self.meetings,
                "supervision": self.supervision}[kind]

    def add(self, kind: str, record_id: str) -> None:
        """Add one record, if its kind is one the store keeps."""
        if kind in ("document", "meeting", "supervision"):
            self.of(kind).add(record_id)

    def update(self, other: Records) -> None:
        """Add every record of `other`."""
        for kind in ("document", "meeting", "supervision"):
            self.of(kind).update(other.of(kind))

    def outcome(self, *, directory: bool, rejected: Sequence[int],
                skipped: Sequence[str] = ()) -> PullOutcome:
        """Return the outcome that reports these records."""
        return PullOutcome(frozenset(self.documents), directory, tuple(rejected),
                           tuple(skipped), frozenset(self.meetings),
                           frozenset(self.supervision))


def wipe_mirror(db: sqlite_utils.Database) -> None:
    """Forget every pulled record (a reset); the outbox, rejections and drafts stay."""
    conn = db.conn
    for table in docs.TEXT_INDEXES:
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")
    conn.execute("DELETE FROM documents")
    for table in ("meetings", "meeting_codes", "supervision_items"):
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
    put_docs, revoked_docs, skipped = _documents(page.changes)
    docs.put_rows(conn, put_docs, pending=False)
    docs.delete(conn, revoked_docs)
    touched_directory = _directory(db, page.changes)
    # New trusted roots change what 验章 says: the views reload as for the directory.
    touched_directory |= trust.apply(conn, page.changes)
    affected, coded = _records(conn, page.changes, skipped)
    _check_traces(conn, page.changes)
    rejected = _rejections(conn, page.rejected, now=now)
    touched_directory |= _revert_delegations(db, rejected)
    if not page.has_more:
        outbox.mark_acked(conn, up_to=min(page.last_mutation_id, outbox.last_mutation_id(conn)))
        docs.merge_text_now(conn)
    _reapply_delegations(db)
    meta.set_cursor(conn, page.cursor, reset=False)
    affected.documents.update(r.id for r in put_docs)
    affected.documents.update(stored)
    affected.documents.update(revoked_docs)
    refused = _refused_records(rejected)
    affected.update(refused)
    # A refused mutation's optimistic effect goes even if the page did not resend its record.
    _revert(conn, refused)
    affected.update(rebase(db, affected, replay_missing=not page.has_more))
    affected.meetings.update(coded)
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


def _documents(changes: Sequence[PulledChange]) -> tuple[
        list[DocumentRows], list[str], list[str]]:
    """Split a page's document changes into the rows to put, revokes, and skipped ids."""
    put: list[DocumentRows] = []
    revoked: list[str] = []
    skipped: list[str] = []
    for change in _final(changes, ("document",)):
        if change.op == "revoke":
            revoked.append(change.id)
            continue
        try:
            put.append(rows_from_data(change.data or {}))
        except (KeyError, ValueError, TypeError, DomainError):
            # One malformed record must not stop the sync; it is logged and retried on resync.
            log.warning("skipped malformed document %s from the server", change.id)
            skipped.append(change.id)
    return put, revoked, skipped


def _check_traces(conn: sqlite3.Connection, changes: Sequence[PulledChange]) -> None:
    """Check each pulled record's trace against its chain hashes; keep what breaks."""
    checked: dict[str, dict[str, Break | None]] = {kind: {} for kind in traces.KINDS}
    for change in _final(changes, traces.KINDS):
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


def _records(conn: sqlite3.Connection, changes: Sequence[PulledChange],
             skipped: list[str]) -> tuple[Records, set[str]]:
    """Write a page's meetings, check-in codes and supervision items; return the records
    written or revoked (to rebase) and the meetings whose code alone changed (to show).

    Malformed records are logged and added to `skipped`, as for documents.
    """
    meeting_rows: list[meetings.MeetingRows] = []
    item_rows: list[supervision.ItemRows] = []
    codes: dict[str, str] = {}
    revoked: dict[str, list[str]] = {kind: [] for kind in _RECORD_KINDS}
    touched = Records()
    coded: set[str] = set()
    for change in _final(changes, _RECORD_KINDS):
        if change.op == "revoke":
            revoked[change.kind].append(change.id)
        else:
            try:
                if change.kind == "meeting":
                    meeting_rows.append(meetings.rows_from_data(change.data or {}))
                elif change.kind == "supervision":
                    item_rows.append(supervision.rows_from_data(change.data or {}))
                else:
                    codes[change.id] = _code(change.data)
            except (KeyError, ValueError, TypeError, DomainError):
                log.warning("skipped malformed %s %s from the server", change.kind, change.id)
                skipped.append(change.id)
                continue
        if change.kind == "meeting_code":
            # Not a rebase target: the meeting's local state already holds its pending work.
            coded.add(change.id)
        else:
            touched.add(change.kind, change.id)
    meetings.put_rows(conn, meeting_rows, pending=False)
    meetings.delete(conn, revoked["meeting"])
    meetings.put_codes(conn, codes)
    meetings.delete_codes(conn, revoked["meeting_code"])
    supervision.put_rows(conn, item_rows, pending=False)
    supervision.delete(conn, revoked["supervision"])
    return touched, coded


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


def _reapply_delegations(db: sqlite_utils.Database) -> None:
    """Put back the marks of delegation mutations still queued: a pulled put clears the
    mark, and a reset wipes a delegation made here that the server has not stored yet."""
    stored = {d.id for d in directory.delegations(db)}
    for mutation in outbox.pending(db.conn):
        if mutation.name == "delegation.end" and mutation.record_id:
            directory.mark_ending(db, mutation.record_id)
        elif mutation.name == "delegation.create" and mutation.person_id:
            try:
                delegation = delegation_from_dict({**mutation.args, "id": mutation.record_id,
                                                   "principal_id": mutation.person_id})
            except DomainError:
                continue
            if delegation.id not in stored:
                directory.add_pending(db, delegation)
                stored.add(delegation.id)


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
    docs.revert(conn, sorted(records.documents))
    meetings.revert(conn, sorted(records.meetings))
    supervision.revert(conn, sorted(records.supervision))


def rebase(db: sqlite_utils.Database, targets: Records, *,
           replay_missing: bool = False) -> Records:
    """Replay pending mutations on the server's version of these records; return their ids."""
    pending = [m for m in outbox.pending(db.conn)
               if m.name in REPLAYED_MUTATIONS and m.record_id]
    if not pending:
        return Records()
    wanted_ids = Records()
    wanted_ids.update(targets)
    if replay_missing:
        wanted_ids.update(_missing_creations(db.conn, pending))
    # Every pending mutation of a target replays, in order: after a reset wiped a local
    # record, its creation comes back and so do the actions taken on it since.
    wanted = [m for m in pending if m.record_id in wanted_ids.of(record_kind(m.name))]
    if not wanted:
        return Records()
    org = directory.organisation(db)
    replayed = Records()
    for mutation in wanted:
        _replay(db, org, mutation)
        replayed.add(record_kind(mutation.name), mutation.record_id or "")
    return replayed


_STORED = {"document": lambda conn, ids: set(docs.stored(conn, ids)),
           "meeting": meetings.stored_ids, "supervision": supervision.stored_ids}


def _missing_creations(conn: sqlite3.Connection, pending: Sequence[OutboxMutation]) -> Records:
    """Return the records this client created that the store lacks (a reset wiped them)."""
    missing = Records()
    for kind, present in _STORED.items():
        created = [m.record_id for m in pending if m.record_id and m.name not in _ACTS
                   and record_kind(m.name) == kind]
        stored = present(conn, created)
        missing.of(kind).update(i for i in created if i not in stored)
    return missing


def _replay(db: sqlite_utils.Database, org: Organisation, mutation: OutboxMutation) -> None:
    """Re-apply one mutation locally; if it no longer applies, the server will say why."""
    person = mutation.person_id
    if person is None or person not in org.people or mutation.record_id is None:
        return
    kind = record_kind(mutation.name)
    try:
        actor = org.actor(person, mutation.created_at)
        if kind == "document":
            _replay_document(db.conn, org, mutation, actor)
        elif kind == "meeting":
            _replay_meeting(db, org, mutation, actor)
        else:
            _replay_supervision(db.conn, mutation, actor)
    except (DomainError, KeyError, ValueError, TypeError) as error:
        log.info("mutation %s no longer applies locally: %s", mutation.mutation_id,
                 getattr(error, "code", type(error).__name__))


def _replay_document(conn: sqlite3.Connection, org: Organisation, mutation: OutboxMutation,
                     actor: Actor) -> None:
    record_id = mutation.record_id or ""
    if mutation.name == "document.act":
        _replay_act(conn, org, mutation, actor)
    elif docs.load(conn, record_id) is None:
        make = (create_outgoing if mutation.name == "document.create_outgoing"
                else register_incoming)
        document = make(document_id=record_id, actor=actor,
                        fields=mutation.args.get("fields") or {}, now=mutation.created_at)
        docs.put(conn, [document], pending=True)


def _replay_act(conn: sqlite3.Connection, org: Organisation, mutation: OutboxMutation,
                actor: Actor) -> None:
    document = docs.load(conn, mutation.record_id or "")
    if document is None:
        return
    action = action_from_dict(mutation.args.get("action") or {},
                              resolve=assignee_resolver(org))
    decision = decide(document, actor, action, mutation.created_at)
    if isinstance(decision, Accepted):
        docs.put(conn, [decision.document], pending=True)


def _replay_meeting(db: sqlite_utils.Database, org: Organisation, mutation: OutboxMutation,
                    actor: Actor) -> None:
    conn, record_id, args = db.conn, mutation.record_id or "", mutation.args
    existing = meetings.load(conn, record_id)
    if mutation.name == "meeting.act":
        if existing is None:
            return
        action = meeting_action_from_dict(args.get("action") or {},
                                          resolve=assignee_resolver(org))
        # A booking replays against the bookings this client holds now.
        schedule = (meetings.schedule_for(db, existing)
                    if action.kind is MeetingActionKind.BOOK else None)
        outcome = decide_meeting(existing, actor, action, mutation.created_at,
                                 schedule=schedule)
        if isinstance(outcome, MeetingAccepted):
            meetings.put(conn, [outcome.meeting], pending=True)
    elif existing is None and mutation.name == "meeting.create":
        meeting = create_meeting(meeting_id=record_id, actor=actor,
                                 fields=args.get("fields") or {}, now=mutation.created_at)
        meetings.put(conn, [meeting], pending=True)
    elif existing is None:
        series = meetings.load(conn, str(args.get("series_id") or ""))
        if series is None:
            return
        sitting = sitting_of(series, datetime.fromisoformat(str(args.get("start"))),
                             meeting_id=record_id, actor=actor, now=mutation.created_at)
        meetings.put(conn, [sitting], pending=True)


def _replay_supervision(conn: sqlite3.Connection, mutation: OutboxMutation,
                        actor: Actor) -> None:
    record_id, args = mutation.record_id or "", mutation.args
    existing = supervision.load(conn, record_id)
    if mutation.name == "supervision.act":
        if existing is None:
            return
        action = supervision_action_from_dict(args.get("action") or {})
        decision = decide_supervision(existing, actor, action, mutation.created_at)
        if isinstance(decision, SupervisionAccepted):
            supervision.put(conn, [decision.item], pending=True)
    elif existing is None:
        parent_id = args.get("parent_id")
        parent = None if parent_id is None else supervision.load(conn, str(parent_id))
        if parent_id is not None and parent is None:
            return
        item = create_item(item_id=record_id, actor=actor, fields=args.get("fields") or {},
                           now=mutation.created_at, parent=parent)
        supervision.put(conn, [item], pending=True)
