"""Applying a pulled page: server truth, revokes, rejections, acks and cursor in one go, then
the rebase of the user's still-pending mutations on top (SYNC.md)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlite_utils

from officeapp.errors import DomainError
from officeapp.org import Organisation
from officeapp.orgcodec import person_from_dict, room_from_dict, unit_from_dict
from officeapp.store import directory, docs, meta, outbox
from officeapp.store.outbox import OutboxMutation
from officeapp.store.rows import DocumentRows, rows_from_data
from officeapp.workflow import Accepted, create_outgoing, decide, register_incoming
from officeapp.workflow.codec import action_from_dict, assignee_resolver

log = logging.getLogger(__name__)

DOCUMENT_MUTATIONS = frozenset({"document.create_outgoing", "document.register_incoming",
                                "document.act"})
_DIRECTORY_TABLES = {"unit": "units", "person": "people", "room": "rooms"}


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


@dataclass(frozen=True)
class PullOutcome:
    """What applying a page changed, for the UI's "changed" broadcast."""

    documents: frozenset[str]
    directory: bool
    rejected: tuple[int, ...]
    skipped: tuple[str, ...] = ()


def wipe_mirror(db: sqlite_utils.Database) -> None:
    """Forget every pulled record (a reset); the outbox, rejections and drafts stay."""
    conn = db.conn
    conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')")
    conn.execute("DELETE FROM documents")
    for table in ("delegations", "rooms", "people", "units"):
        conn.execute(f"DELETE FROM {table}")
    meta.set_cursor(conn, 0, reset=True)


def apply_page(db: sqlite_utils.Database, page: PullPage, *, now: datetime) -> PullOutcome:
    """Write one page and its cursor, then rebase; call inside one transaction."""
    conn = db.conn
    if page.has_more and meta.cursor(conn) == 0:
        docs.defer_text_index(conn)  # an initial sync: index text once it has arrived
    put_docs, revoked_docs, skipped = _documents(page.changes)
    docs.put_rows(conn, put_docs, pending=False)
    docs.delete(conn, revoked_docs)
    touched_directory = _directory(db, page.changes)
    rejected = _rejections(conn, page.rejected, now=now)
    if not page.has_more:
        outbox.mark_acked(conn, up_to=min(page.last_mutation_id, outbox.last_mutation_id(conn)))
    meta.set_cursor(conn, page.cursor, reset=False)
    affected = {r.id for r in put_docs} | set(revoked_docs) | set(rejected.values())
    # A refused mutation's optimistic effect goes even if the page did not resend its record.
    docs.revert(conn, list(set(rejected.values())))
    rebased = rebase(db, affected, replay_missing=not page.has_more)
    return PullOutcome(frozenset(affected | rebased), touched_directory,
                       tuple(rejected), tuple(skipped))


def apply_rejections(db: sqlite_utils.Database, rejected: Sequence[PulledRejection], *,
                     now: datetime) -> PullOutcome:
    """Record refusals a push answered, undo their local effect, rebase what is left."""
    found = _rejections(db.conn, rejected, now=now)
    docs.revert(db.conn, list(set(found.values())))
    rebased = rebase(db, set(found.values()))
    return PullOutcome(frozenset(set(found.values()) | rebased), False, tuple(found))


def _documents(changes: Sequence[PulledChange]) -> tuple[
        list[DocumentRows], list[str], list[str]]:
    """Split a page's document changes into the rows to put, revokes, and skipped ids."""
    put: list[DocumentRows] = []
    revoked: list[str] = []
    skipped: list[str] = []
    for change in changes:
        if change.kind != "document":
            continue
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


def _directory(db: sqlite_utils.Database, changes: Sequence[PulledChange]) -> bool:
    parsers = {"unit": unit_from_dict, "person": person_from_dict, "room": room_from_dict}
    found: dict[str, list[Any]] = {"unit": [], "person": [], "room": []}
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
    directory.upsert(db, units=found["unit"], people=found["person"], rooms=found["room"])
    return touched


def _rejections(conn: sqlite3.Connection, rejected: Sequence[PulledRejection], *,
                now: datetime) -> dict[int, str]:
    """Record refused mutations (keeping the user's text); return their document ids."""
    documents: dict[int, str] = {}
    for item in rejected:
        row = outbox.get(conn, item.mutation_id)
        if row is None or row.state == "rejected":
            continue
        outbox.record_rejection(conn, mutation_id=item.mutation_id, code=item.code,
                                message=item.message, details=dict(item.details), now=now)
        if row.document_id:
            documents[item.mutation_id] = row.document_id
    return documents


def rebase(db: sqlite_utils.Database, document_ids: set[str], *,
           replay_missing: bool = False) -> set[str]:
    """Replay pending mutations on the server's version of these documents; return ids."""
    pending = [m for m in outbox.pending(db.conn) if m.name in DOCUMENT_MUTATIONS]
    if not pending:
        return set()
    targets = set(document_ids)
    if replay_missing:
        targets |= _missing_creations(db.conn, pending)
    # Every pending mutation of a target replays, in order: after a reset wiped a local
    # draft, its creation comes back and so do the actions taken on it since.
    wanted = [m for m in pending if m.document_id in targets]
    if not wanted:
        return set()
    org = directory.organisation(db)
    for mutation in wanted:
        _replay(db.conn, org, mutation)
    return {m.document_id for m in wanted if m.document_id}


def _missing_creations(conn: sqlite3.Connection, pending: Sequence[OutboxMutation]) -> set[str]:
    """Return the documents this client created that the store lacks (a reset wiped them)."""
    created = [m.document_id for m in pending if m.name != "document.act" and m.document_id]
    present = docs.stored(conn, created)
    return {i for i in created if i not in present}


def _replay(conn: sqlite3.Connection, org: Organisation, mutation: OutboxMutation) -> None:
    """Re-apply one mutation locally; if it no longer applies, the server will say why."""
    person = mutation.person_id
    if person is None or person not in org.people or mutation.document_id is None:
        return
    try:
        actor = org.actor(person, mutation.created_at)
        if mutation.name == "document.act":
            _replay_act(conn, org, mutation, actor)
        elif docs.load(conn, mutation.document_id) is None:
            make = (create_outgoing if mutation.name == "document.create_outgoing"
                    else register_incoming)
            document = make(document_id=mutation.document_id, actor=actor,
                            fields=mutation.args.get("fields") or {}, now=mutation.created_at)
            docs.put(conn, [document], pending=True)
    except DomainError as error:
        log.info("mutation %s no longer applies locally: %s", mutation.mutation_id, error.code)


def _replay_act(conn: sqlite3.Connection, org: Organisation, mutation: OutboxMutation,
                actor: Any) -> None:
    document = docs.load(conn, mutation.document_id or "")
    if document is None:
        return
    action = action_from_dict(mutation.args.get("action") or {},
                              resolve=assignee_resolver(org))
    decision = decide(document, actor, action, mutation.created_at)
    if isinstance(decision, Accepted):
        docs.put(conn, [decision.document], pending=True)
