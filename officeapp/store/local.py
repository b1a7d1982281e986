"""LocalStore: the client's SQLite cache, outbox and search, behind one small typed API."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from officeapp.errors import ConflictError, Rejection
from officeapp.org import Actor, Delegation, Organisation, Person, Room, Unit
from officeapp.store import (
    blobs,
    directory,
    docs,
    drafts,
    inbox,
    meta,
    outbox,
    pull,
    schema,
    search,
)
from officeapp.store.blobs import BlobRecord, BlobState
from officeapp.store.db import connect, dumps, transaction
from officeapp.store.drafts import OpinionDraft
from officeapp.store.inbox import Folder, InboxFilter, InboxRow, InboxSort
from officeapp.store.outbox import NewMutation, OutboxMutation, RejectionRecord
from officeapp.store.pull import PulledRejection, PullOutcome, PullPage
from officeapp.store.search import SearchHit
from officeapp.workflow.engine import decide
from officeapp.workflow.model import Accepted, Action, Decision, Document, Rejected

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _not_found(document_id: str) -> Rejected:
    return Rejected(Rejection("document.not_found", "文件不存在，或您已无权查看该文件",
                              {"document_id": document_id}))


class LocalStore:
    """The local database of one client. Use it from one thread at a time."""

    def __init__(self, db: sqlite_utils.Database, *, clock: Clock = _utc_now) -> None:
        self.db = db
        self._clock = clock

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
            self.db.conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('optimize')")
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

    def rooms(self) -> list[Room]:
        """Return the stored meeting rooms."""
        return directory.rooms(self.db)

    # --- documents -------------------------------------------------------------------------

    def put_documents(self, documents: Iterable[Document], *, pending: bool = False) -> None:
        """Upsert documents with their holders, participants, trace and FTS in one transaction.

        Pull writes server truth with pending=False; a rebase writes replayed local results
        with pending=True (the server version is kept aside for `revert_documents`).
        """
        with transaction(self.db.conn):
            docs.put(self.db.conn, documents, pending=pending)

    def get_document(self, document_id: str) -> Document | None:
        """Return the document as the user sees it (local changes included), or None."""
        return docs.load(self.db.conn, document_id)

    def delete_documents(self, document_ids: Sequence[str]) -> int:
        """Purge documents (a revoke), trace and FTS included; return how many existed."""
        with transaction(self.db.conn):
            return docs.delete(self.db.conn, document_ids)

    def revert_documents(self, document_ids: Sequence[str]) -> list[str]:
        """Drop local changes: back to the last server version, or gone if never synced."""
        with transaction(self.db.conn):
            return docs.revert(self.db.conn, document_ids)

    def document_count(self) -> int:
        """Return how many documents the store holds."""
        return int(self.db.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    # --- the optimistic local path ---------------------------------------------------------

    def apply_action(
        self, *, document_id: str, actor: Actor, action: Action, now: datetime,
        mutation_name: str, mutation_args: dict[str, Any], mutator_version: int = 1,
    ) -> Decision:
        """Decide an action locally; if accepted, write document, outbox row and draft at once."""
        args = dumps(mutation_args, what="操作参数")
        with transaction(self.db.conn):
            document = docs.load(self.db.conn, document_id)
            if document is None:
                return _not_found(document_id)
            decision = decide(document, actor, action, now)
            if isinstance(decision, Accepted):
                self._record_accepted(decision.document, NewMutation(
                    mutation_name, args, now, mutator_version, document_id=document_id,
                    person_id=actor.person_id, step=document.step,
                    opinion=action.opinion.strip()))
            return decision

    def _record_accepted(self, document: Document, mutation: NewMutation) -> None:
        """Write the decided document, its outbox row, and drop the submitted draft."""
        conn = self.db.conn
        docs.put(conn, [document], pending=True)
        outbox.append(conn, mutation)
        if mutation.opinion and mutation.person_id:
            # The draft became this opinion; a rejection brings it back from the outbox row.
            drafts.delete(conn, document_id=document.id, person_id=mutation.person_id)

    def create_document(
        self, *, document: Document, mutation_name: str, mutation_args: dict[str, Any],
        mutator_version: int = 1,
    ) -> int:
        """Store a new draft or registration with its outbox row; return the mutation id."""
        args = dumps(mutation_args, what="操作参数")
        with transaction(self.db.conn):
            if docs.stored(self.db.conn, [document.id]):
                raise ConflictError("document.exists", "文件已存在，不能重复创建",
                                    document_id=document.id)
            docs.put(self.db.conn, [document], pending=True)
            created = document.updated_at or document.created_at
            return outbox.append(self.db.conn, NewMutation(
                mutation_name, args, created, mutator_version, document_id=document.id,
                person_id=document.created_by, step=document.step))

    # --- pulling ---------------------------------------------------------------------------

    def apply_pull(self, page: PullPage) -> PullOutcome:
        """Apply a pulled page with its cursor, acks and rejections, then rebase: all at once."""
        with transaction(self.db.conn):
            if page.reset:
                pull.wipe_mirror(self.db)
            return pull.apply_page(self.db, page, now=self._clock())

    def apply_rejections(self, rejected: Sequence[PulledRejection]) -> PullOutcome:
        """Record refusals from a push answer and rebase the affected documents."""
        with transaction(self.db.conn):
            return pull.apply_rejections(self.db, rejected, now=self._clock())

    def index_text(self, *, limit: int = 10_000) -> bool:
        """Index the text of up to `limit` documents an initial sync stored without it;
        return whether search is complete. Each call is one short transaction."""
        with transaction(self.db.conn):
            return docs.index_text(self.db.conn, limit=limit)

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

    def folder_counts(self, actor: Actor) -> dict[str, int]:
        """Return the unfiltered size of each folder, for the badges."""
        return {folder: inbox.count(self.db.conn, actor=actor, folder=folder,
                                    filters=InboxFilter())
                for folder in inbox.FOLDERS}

    def search(self, text: str, *, limit: int = 50, offset: int = 0) -> list[SearchHit]:
        """Return documents whose title, number, body or opinions contain `text`."""
        return search.search(self.db.conn, text, limit=limit, offset=offset)

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
