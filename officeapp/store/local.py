"""LocalStore: the client's SQLite cache, outbox and search, behind one small typed API."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import sqlite_utils

from officeapp.clock import corrected_now
from officeapp.core.kinds import taken
from officeapp.core.verdict import Accepted, Verdict
from officeapp.errors import ConflictError
from officeapp.org import Actor, Delegation, Organisation, Person, Room, Unit
from officeapp.store import (
    blobs,
    bulk,
    directory,
    docs,
    drafts,
    inbox,
    meta,
    outbox,
    pull,
    schema,
    search,
    stats,
    traces,
    trust,
)
from officeapp.store.blobs import BlobRecord, BlobState
from officeapp.store.bulk import Staged, StagedPage
from officeapp.store.db import Checkpointer, connect, dumps, transaction
from officeapp.store.directory import LocalDelegation
from officeapp.store.drafts import OpinionDraft
from officeapp.store.inbox import Folder, InboxFilter, InboxLine, InboxRow, InboxSort
from officeapp.store.meetings import MeetingQueries
from officeapp.store.outbox import NewMutation, OutboxMutation, RejectionRecord
from officeapp.store.pull import PulledRejection, PullOutcome, PullPage
from officeapp.store.search import SearchHit
from officeapp.store.supervision import SupervisionQueries
from officeapp.store.tables import KindTable, table_of
from officeapp.store.trust import TrustRoot
from officeapp.tracechain import Break
from officeapp.workflow.model import Document

Clock = Callable[[], datetime]
# sync_meta key of the server's clock minus this machine's, in seconds (the sync engine's).
SERVER_OFFSET_KEY = "server_offset_seconds"


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _mutation(table: KindTable, record: Any, name: str, args: str, at: datetime,
              version: int, *, person_id: str, opinion: str = "") -> NewMutation:
    """The outbox row of a mutation on `record` (as it was before the mutation); a document's
    row also keeps its id, step and opinion (drafts and rejections read them)."""
    if not table.drafts:
        return NewMutation(name, args, at, version, person_id=person_id, record_id=record.id)
    return NewMutation(name, args, at, version, document_id=record.id, person_id=person_id,
                       step=record.step, opinion=opinion, record_id=record.id)


class LocalStore:
    """The local database of one client. Use it from one thread at a time."""

    def __init__(self, db: sqlite_utils.Database, *, clock: Clock = _utc_now) -> None:
        self.db = db
        self._clock = clock
        # The questions one kind alone answers, named by what they answer.
        self.meetings = MeetingQueries(db.conn)
        self.supervision = SupervisionQueries(db.conn)

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, clock: Clock = _utc_now) -> LocalStore:
        """Open (creating or migrating) the store at `path`."""
        db = connect(path)
        try:
            schema.migrate(db)
        except BaseException:
            db.close()
            raise
        return cls(db, clock=clock)

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several writes (a pull page and its cursor) into one transaction."""
        with transaction(self.db.conn):
            yield

    def optimize(self) -> None:
        """Merge FTS segments and refresh planner statistics (after a large initial sync)."""
        with transaction(self.db.conn):
            docs.optimize_text(self.db.conn)
        self.db.conn.execute("PRAGMA optimize")

    # --- sync_meta -------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        """Return the schema version of the open database."""
        return schema.version_of(self.db)

    @property
    def client_id(self) -> str:
        """Return this database's client id (new whenever the database is created)."""
        value = meta.get(self.db.conn, "client_id")
        assert value is not None, "created by the first migration"
        return value

    def get_meta(self, key: str) -> str | None:
        """Return a free sync_meta value."""
        return meta.get(self.db.conn, key)

    def set_meta(self, key: str, value: str) -> None:
        """Store a free sync_meta value."""
        with transaction(self.db.conn):
            meta.put(self.db.conn, key, value)

    def get_cursor(self) -> int:
        """Return the change-log position pulled so far."""
        return meta.cursor(self.db.conn)

    def set_cursor(self, cursor: int, *, reset: bool = False) -> None:
        """Record the pulled position; it may go backwards only for a reset snapshot."""
        with transaction(self.db.conn):
            meta.set_cursor(self.db.conn, cursor, reset=reset)

    # --- directory -------------------------------------------------------------------------

    def save_directory(
        self, *, units: Iterable[Unit], people: Iterable[Person], rooms: Iterable[Room],
        delegations: Iterable[Delegation] = (),
    ) -> None:
        """Replace the directory (通讯录) with the one the server sent."""
        with transaction(self.db.conn):
            directory.save(self.db, units=units, people=people, rooms=rooms,
                           delegations=delegations)

    def organisation(self) -> Organisation:
        """Return the stored directory as an Organisation."""
        return directory.organisation(self.db)

    def trust_roots(self) -> list[bytes]:
        """Return the organisation's trusted roots (PEM) that 验章 checks signatures against."""
        return [root.pem.encode() for root in trust.roots(self.db.conn)]

    def trust_roots_known(self) -> bool:
        """Return whether the roots were ever received (else the engine asks for them)."""
        return trust.known(self.db.conn)

    def replace_trust_roots(self, items: Sequence[Mapping[str, Any]]) -> None:
        """Store the roots the server listed, in place of any kept."""
        with self.db.conn:
            trust.replace(self.db.conn, items)

    def trust_root_records(self) -> list[TrustRoot]:
        """Return the trusted roots with their ids and names, by id."""
        return trust.roots(self.db.conn)

    def trace_break(self, kind: str, record_id: str) -> Break | None:
        """Return where the record's pulled trace broke the server's hash chain, or None
        ("document", "meeting" or "supervision")."""
        return traces.get(self.db.conn, kind, record_id)

    def verify_traces(self, *, limit: int = traces.VERIFY_BATCH) -> int:
        """Check a batch of the traces pulled pages wrote unchecked; return how many were
        checked (0: none is left). See traces.py."""
        with transaction(self.db.conn):
            return traces.verify_pending(self.db.conn, limit=limit)

    def unchecked_traces(self) -> int:
        """Return how many pulled documents wait for their trace to be checked."""
        return traces.unchecked(self.db.conn)

    def rooms(self) -> list[Room]:
        """Return the stored meeting rooms."""
        return directory.rooms(self.db)

    def delegations(self) -> list[LocalDelegation]:
        """Return the stored delegations, each with the change of ours still pending."""
        return directory.delegations(self.db)

    def create_delegation(self, *, delegation: Delegation, mutation_args: dict[str, Any],
                          now: datetime, mutator_version: int = 1) -> int:
        """Store a delegation made here with its outbox row; return the mutation id."""
        args = dumps(mutation_args, what="操作参数")
        with transaction(self.db.conn):
            directory.add_pending(self.db, delegation)
            return outbox.append(self.db.conn, NewMutation(
                "delegation.create", args, now, mutator_version,
                person_id=delegation.principal_id, record_id=delegation.id))

    def end_delegation(self, *, person_id: str, delegation_id: str,
                       mutation_args: dict[str, Any], now: datetime,
                       mutator_version: int = 1) -> int:
        """Mark a delegation as ending with its outbox row; return the mutation id."""
        args = dumps(mutation_args, what="操作参数")
        with transaction(self.db.conn):
            directory.mark_ending(self.db, delegation_id)
            return outbox.append(self.db.conn, NewMutation(
                "delegation.end", args, now, mutator_version, person_id=person_id,
                record_id=delegation_id))

    # --- records of every kind (officeapp/store/tables.py) ---------------------------------

    def put_records(self, kind: str, records: Iterable[Any], *, pending: bool = False) -> None:
        """Upsert records of one kind with everything derived from them, in one transaction.

        Pull writes server truth with pending=False; a rebase writes replayed local results
        with pending=True (the server version is kept aside for `revert_records`).
        """
        with transaction(self.db.conn):
            table_of(kind).rows.put(self.db.conn, records, pending=pending)

    def get_record(self, kind: str, record_id: str) -> Any:
        """Return the record as the user sees it (local changes included), or None."""
        return table_of(kind).rows.load(self.db.conn, record_id)

    def get_document(self, document_id: str) -> Document | None:
        """`get_record("document", …)`, typed for its hundred callers."""
        return cast("Document | None", self.get_record("document", document_id))

    def delete_records(self, kind: str, ids: Iterable[str]) -> int:
        """Purge records (a revoke) with everything derived from them; return how many
        existed."""
        with transaction(self.db.conn):
            return table_of(kind).rows.delete(self.db.conn, list(ids))

    def revert_records(self, kind: str, ids: Iterable[str]) -> list[str]:
        """Drop local changes: back to the last server version, or gone if never synced."""
        with transaction(self.db.conn):
            return table_of(kind).rows.revert(self.db.conn, list(ids))

    def record_count(self, kind: str) -> int:
        """Return how many records of the kind the store holds."""
        sql = f"SELECT count(*) FROM {table_of(kind).table}"
        return int(self.db.conn.execute(sql).fetchone()[0])

    def create_record(
        self, kind: str, *, record: Any, mutation_name: str, mutation_args: dict[str, Any],
        mutator_version: int = 1,
    ) -> int:
        """Store a new record (a draft, a registration, a meeting, an item) with its outbox
        row; return the mutation id."""
        table = table_of(kind)
        args = dumps(mutation_args, what="操作参数")
        with transaction(self.db.conn):
            if table.rows.stored_ids(self.db.conn, [record.id]):
                refusal = taken(table.kind, record.id)
                raise ConflictError(refusal.code, refusal.message, **refusal.details)
            table.rows.put(self.db.conn, [record], pending=True)
            return outbox.append(self.db.conn, _mutation(
                table, record, mutation_name, args, record.updated_at or record.created_at,
                mutator_version, person_id=record.created_by))

    def apply_record_action(
        self, kind: str, *, record_id: str, actor: Actor, action: Any, now: datetime,
        mutation_name: str, mutation_args: dict[str, Any], mutator_version: int = 1,
    ) -> Verdict[Any]:
        """Decide an action locally by the kind's rules; if accepted, write the record and
        its outbox row at once (and drop the opinion draft it submitted)."""
        table = table_of(kind)
        args = dumps(mutation_args, what="操作参数")
        with transaction(self.db.conn):
            record = table.rows.load(self.db.conn, record_id)
            if record is None:
                return table.not_found(record_id)
            verdict = table.decide(record, actor, action, now, self.db)
            if isinstance(verdict, Accepted):
                opinion = action.opinion.strip() if table.drafts else ""
                self._record_accepted(table, verdict.record, _mutation(
                    table, record, mutation_name, args, now, mutator_version,
                    person_id=actor.person_id, opinion=opinion))
            return verdict

    def _record_accepted(self, table: KindTable, record: Any, mutation: NewMutation) -> None:
        """Write the decided record, its outbox row, and drop the submitted draft."""
        conn = self.db.conn
        table.rows.put(conn, [record], pending=True)
        outbox.append(conn, mutation)
        if mutation.opinion and mutation.person_id:
            # The draft became this opinion; a rejection brings it back from the outbox row.
            drafts.delete(conn, document_id=record.id, person_id=mutation.person_id)

    # --- the server's clock ----------------------------------------------------------------

    def server_offset(self) -> timedelta:
        """Return the server's clock minus this machine's, as the last sync measured it."""
        value = meta.get(self.db.conn, SERVER_OFFSET_KEY)
        try:
            return timedelta(seconds=float(value or 0))
        except (ValueError, OverflowError):
            return timedelta(0)

    def set_server_offset(self, offset: timedelta) -> None:
        """Remember the server's clock minus this machine's (the sync engine, per exchange)."""
        self.set_meta(SERVER_OFFSET_KEY, repr(offset.total_seconds()))

    def corrected_now(self, local_now: datetime | None = None) -> datetime:
        """Return the server's time: the local clock plus the offset the last sync measured."""
        return corrected_now(local_now or self._clock(), self.server_offset())

    # --- pulling ---------------------------------------------------------------------------

    def apply_pull(self, page: PullPage | StagedPage) -> PullOutcome:
        """Apply a pulled page with its cursor, acks and rejections, then rebase: all at once.

        A StagedPage is one `stage_pull` holds, or one a `stager()` staged (its documents are
        written from their JSON).
        """
        if isinstance(page, StagedPage) and page.image is not None:
            bulk.load(self.db.conn, page.image)
        with transaction(self.db.conn):
            if page.reset:
                pull.wipe_mirror(self.db)
            if isinstance(page, StagedPage):
                return bulk.apply(self.db, page, now=self._clock())
            return pull.apply_page(self.db, page, now=self._clock())

    def pull_head(self, body: str) -> str | None:
        """A pull answer without its changes, as JSON text; None if it is not in the usual
        shape (see bulk.py)."""
        return bulk.head(self.db.conn, body)

    def stage_pull(self, body: str, *, kinds: Collection[str],
                   head_text: str | None = None) -> Staged | None:
        """Split a pull answer's JSON into staging tables for `apply_pull` (see bulk.py);
        None if it is not in the usual shape (decode it whole then). `head_text` is what
        `pull_head` returned for it, if the caller has it."""
        return bulk.stage(self.db.conn, body, kinds=kinds, head_text=head_text)

    def checkpointer(self) -> Checkpointer | None:
        """A checkpointer of this store's WAL for another thread (see db.Checkpointer);
        None for a database in memory."""
        for _, name, path in self.db.conn.execute("PRAGMA database_list"):
            if name == "main" and path:
                return Checkpointer(path)
        return None

    def stager(self) -> bulk.Stager:
        """A stager of pull answers on a connection of its own (another thread may use it
        while this store writes); `apply_pull` takes the pages it stages."""
        return bulk.Stager()

    def apply_rejections(self, rejected: Sequence[PulledRejection]) -> PullOutcome:
        """Record refusals from a push answer and rebase the affected records."""
        with transaction(self.db.conn):
            return pull.apply_rejections(self.db, rejected, now=self._clock())

    def wipe_mirror(self) -> None:
        """Forget every pulled record before pulling again from zero; the outbox stays."""
        with transaction(self.db.conn):
            pull.wipe_mirror(self.db)

    def record_person(self, person_id: str) -> None:
        """Remember whose database this is (one person per client database)."""
        self.set_meta("person_id", person_id)

    # --- outbox ----------------------------------------------------------------------------

    def pending_mutations(self, *, limit: int | None = None) -> list[OutboxMutation]:
        """Return the mutations still to push, oldest first."""
        return outbox.pending(self.db.conn, limit=limit)

    def pending_count(self) -> int:
        """Return how many mutations are still to push."""
        return outbox.pending_count(self.db.conn)

    def mutation(self, mutation_id: int) -> OutboxMutation | None:
        """Return one outbox row, whatever its state."""
        return outbox.get(self.db.conn, mutation_id)

    def last_mutation_id(self) -> int:
        """Return the highest mutation id this client has used."""
        return outbox.last_mutation_id(self.db.conn)

    def mark_acked(self, *, up_to: int) -> int:
        """Mark mutations up to the server's last_mutation_id as done; return how many."""
        with transaction(self.db.conn):
            return outbox.mark_acked(self.db.conn, up_to=up_to)

    def record_attempt(self, *, mutation_id: int, error: str | None = None) -> None:
        """Count a push attempt, keeping the last transport error."""
        with transaction(self.db.conn):
            outbox.record_attempt(self.db.conn, mutation_id=mutation_id, error=error)

    def record_rejection(
        self, *, mutation_id: int, code: str, message: str,
        details: dict[str, Any] | None = None,
    ) -> RejectionRecord:
        """Keep a refused mutation with the user's text; its opinion returns as a draft."""
        with transaction(self.db.conn):
            return outbox.record_rejection(self.db.conn, mutation_id=mutation_id, code=code,
                                           message=message, details=details or {},
                                           now=self._clock())

    def rejections(self, *, include_dismissed: bool = False) -> list[RejectionRecord]:
        """Return rejected mutations to show the user, newest first."""
        return outbox.rejections(self.db.conn, include_dismissed=include_dismissed)

    def dismiss_rejection(self, rejection_id: int) -> None:
        """Hide a rejection the user has dealt with."""
        with transaction(self.db.conn):
            outbox.dismiss(self.db.conn, rejection_id)

    # --- opinion drafts --------------------------------------------------------------------

    def save_opinion_draft(
        self, *, document_id: str, person_id: str, step: str, text: str,
        now: datetime | None = None,
    ) -> None:
        """Save the opinion being typed; an empty text removes the draft."""
        with transaction(self.db.conn):
            drafts.save(self.db.conn, document_id=document_id, person_id=person_id, step=step,
                        text=text, now=now or self._clock())

    def get_opinion_draft(self, *, document_id: str, person_id: str) -> OpinionDraft | None:
        """Return the unsent opinion of a person on a document."""
        return drafts.get(self.db.conn, document_id=document_id, person_id=person_id)

    # --- inbox and search ------------------------------------------------------------------

    def inbox(
        self, *, actor: Actor, folder: Folder, filters: InboxFilter | None = None,
        sort: InboxSort | None = None, offset: int = 0, limit: int = 50,
    ) -> list[InboxRow]:
        """Return one page of 待办 (todo), 已办 (done) or 我发起的 (mine)."""
        return inbox.page(self.db.conn, actor=actor, folder=folder,
                          filters=filters or InboxFilter(), sort=sort or InboxSort(),
                          offset=offset, limit=limit)

    def inbox_count(
        self, *, actor: Actor, folder: Folder, filters: InboxFilter | None = None,
    ) -> int:
        """Return how many documents a folder holds with these filters."""
        return inbox.count(self.db.conn, actor=actor, folder=folder,
                           filters=filters or InboxFilter())

    def inbox_lines(
        self, *, actor: Actor, folder: Folder, filters: InboxFilter | None = None,
        sort: InboxSort | None = None, offset: int = 0, limit: int = 50,
        now: datetime | None = None,
    ) -> list[InboxLine]:
        """Return one page of a folder across record kinds: 待办 and 已办 hold documents,
        meetings and supervision items; the other folders hold documents."""
        return inbox.lines(self.db.conn, actor=actor, folder=folder,
                           filters=filters or InboxFilter(), sort=sort or InboxSort(),
                           offset=offset, limit=limit, now=now or self.corrected_now())

    def inbox_line_count(
        self, *, actor: Actor, folder: Folder, filters: InboxFilter | None = None,
        now: datetime | None = None,
    ) -> int:
        """Return how many lines `inbox_lines` pages through."""
        return inbox.line_count(self.db.conn, actor=actor, folder=folder,
                                filters=filters or InboxFilter(),
                                now=now or self.corrected_now())

    def todo_by_kind(self, actor: Actor, *, now: datetime | None = None) -> dict[str, int]:
        """Return the size of 待办 per record kind ("document", "meeting", "supervision")."""
        counts = inbox.kind_counts(self.db.conn, actor=actor, now=now or self.corrected_now())
        counts["document"] = inbox.count(self.db.conn, actor=actor, folder="todo",
                                         filters=InboxFilter())
        return counts

    def finished_counts(self) -> list[stats.FinishedCount]:
        """Return how many documents are finished and archived, per owning unit, direction
        and year (公文统计's 归档率)."""
        return stats.finished_counts(self.db.conn)

    def folder_counts(self, actor: Actor) -> dict[str, int]:
        """Return the unfiltered size of each folder (待办 and 已办 across kinds), for the
        badges, and under
        "informed_unread" how many 知会 the person has not read."""
        now = self.corrected_now()
        counts: dict[str, int] = {
            folder: inbox.line_count(self.db.conn, actor=actor, folder=folder,
                                     filters=InboxFilter(), now=now)
            for folder in inbox.FOLDERS}
        counts["informed_unread"] = inbox.unread_informed(self.db.conn, actor=actor)
        return counts

    def unread_informed_ids(self, actor: Actor, document_ids: Sequence[str]) -> set[str]:
        """Return which of these documents were 知会'd to the person and are still unread."""
        return inbox.unread_informed_ids(self.db.conn, actor=actor, document_ids=document_ids)

    def search(self, text: str, *, limit: int = 50, offset: int = 0) -> list[SearchHit]:
        """Return documents whose title, number, body or opinions contain `text`."""
        return search.search(self.db.conn, text, limit=limit, offset=offset)

    def snippets(self, document_ids: Sequence[str], text: str) -> dict[str, str]:
        """Return where `text` matches in each document (a list page's rows), marked."""
        return search.snippets(self.db.conn, document_ids, text)

    # --- blobs -----------------------------------------------------------------------------

    def put_blob(
        self, *, sha256: str, size: int, state: BlobState, local_path: str = "", offset: int = 0,
    ) -> None:
        """Record a blob the client holds or wants."""
        with transaction(self.db.conn):
            blobs.put(self.db.conn, sha256=sha256, size=size, local_path=local_path, state=state,
                      offset=offset, now=self._clock())

    def get_blob(self, sha256: str) -> BlobRecord | None:
        """Return what the client knows about a blob."""
        return blobs.get(self.db.conn, sha256)

    def set_blob_state(self, *, sha256: str, state: BlobState, offset: int = 0) -> None:
        """Move a blob's transfer to `state` at `offset`."""
        with transaction(self.db.conn):
            blobs.set_state(self.db.conn, sha256=sha256, state=state, offset=offset,
                            now=self._clock())

    def blobs_in_state(self, state: BlobState) -> list[BlobRecord]:
        """Return the blobs waiting in `state`."""
        return blobs.in_state(self.db.conn, state)
