"""The outbox of user actions waiting for the server, and the rejections it answered with."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from officeapp.errors import ConflictError, ValidationError
from officeapp.store import drafts
from officeapp.store.db import dumps, loads, timestamp
from officeapp.store.errors import NotFoundError

MutationState = Literal["pending", "acked", "rejected"]


@dataclass(frozen=True)
class NewMutation:
    """A mutation to append: what the sync engine pushes, plus what a rejection gives back."""

    name: str
    args: str
    created_at: datetime
    mutator_version: int = 1
    document_id: str | None = None
    person_id: str | None = None
    step: str | None = None
    opinion: str = ""
    record_id: str | None = None  # the record acted on; the document id when not given


def record_kind(name: str) -> str:
    """Return the kind of record a mutation acts on: document, meeting or supervision."""
    return name.partition(".")[0]


@dataclass(frozen=True)
class OutboxMutation:
    """One row of the outbox, as the sync engine pushes it."""

    mutation_id: int
    name: str
    mutator_version: int
    args: dict[str, Any]
    document_id: str | None
    created_at: datetime
    state: MutationState
    attempts: int
    last_error: str | None
    person_id: str | None = None
    record_id: str | None = None

    @property
    def kind(self) -> str:
        """Return the kind of record the mutation acts on (document, meeting, supervision)."""
        return record_kind(self.name)


@dataclass(frozen=True)
class RejectionRecord:
    """A mutation the server refused, with the user's text kept for "reuse this text"."""

    id: int
    mutation_id: int
    name: str
    args: dict[str, Any]
    document_id: str | None
    code: str
    message: str
    details: dict[str, Any]
    created_at: datetime
    dismissed: bool
    record_id: str | None = None

    @property
    def kind(self) -> str:
        """Return the kind of record the refused mutation acted on."""
        return record_kind(self.name)


def append(conn: sqlite3.Connection, mutation: NewMutation) -> int:
    """Append a mutation and return its id, the next in this client's sequence."""
    if not mutation.name.strip():
        raise ValidationError("outbox.bad_name", "操作名称不能为空")
    cursor = conn.execute(
        "INSERT INTO outbox (name, mutator_version, args, document_id, person_id, step, opinion,"
        " created_at, record_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (mutation.name, mutation.mutator_version, mutation.args, mutation.document_id,
         mutation.person_id, mutation.step, mutation.opinion, timestamp(mutation.created_at),
         mutation.record_id or mutation.document_id))
    assert cursor.lastrowid is not None
    return cursor.lastrowid


_OUTBOX_COLUMNS = ("mutation_id, name, mutator_version, args, document_id, created_at, state,"
                   " attempts, last_error, person_id, record_id")


def _mutation(row: tuple[Any, ...]) -> OutboxMutation:
    return OutboxMutation(
        mutation_id=row[0], name=row[1], mutator_version=row[2], args=loads(row[3]),
        document_id=row[4], created_at=datetime.fromisoformat(row[5]), state=row[6],
        attempts=row[7], last_error=row[8], person_id=row[9], record_id=row[10])


def pending(conn: sqlite3.Connection, *, limit: int | None = None) -> list[OutboxMutation]:
    """Return the pending mutations in the order they must be pushed."""
    rows = conn.execute(
        f"SELECT {_OUTBOX_COLUMNS} FROM outbox WHERE state = 'pending' ORDER BY mutation_id"
        " LIMIT ?", (-1 if limit is None else limit,))
    return [_mutation(row) for row in rows]


def pending_count(conn: sqlite3.Connection) -> int:
    """Return how many mutations wait to be pushed (the outbox_pending index answers it)."""
    return int(conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending'")
               .fetchone()[0])


def get(conn: sqlite3.Connection, mutation_id: int) -> OutboxMutation | None:
    """Return one outbox row, whatever its state."""
    row = conn.execute(f"SELECT {_OUTBOX_COLUMNS} FROM outbox WHERE mutation_id = ?",
                       (mutation_id,)).fetchone()
    return None if row is None else _mutation(row)


def mark_acked(conn: sqlite3.Connection, *, up_to: int) -> int:
    """Mark pending mutations up to `up_to` as acknowledged; return how many changed."""
    _check_ack_in_range(conn, up_to)
    cursor = conn.execute(
        "UPDATE outbox SET state = 'acked', last_error = NULL"
        " WHERE mutation_id <= ? AND state = 'pending'", (up_to,))
    return cursor.rowcount


def record_attempt(conn: sqlite3.Connection, *, mutation_id: int, error: str | None) -> None:
    """Count a push attempt of a mutation, with the transport error if it failed."""
    cursor = conn.execute(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE mutation_id = ?",
        (error, mutation_id))
    if cursor.rowcount == 0:
        raise _unknown_mutation(mutation_id)


def _unknown_mutation(mutation_id: int) -> NotFoundError:
    return NotFoundError("outbox.unknown_mutation", "本地待同步队列中没有这项操作",
                         mutation_id=mutation_id)


def record_rejection(
    conn: sqlite3.Connection, *, mutation_id: int, code: str, message: str,
    details: dict[str, Any], now: datetime,
) -> RejectionRecord:
    """Move a refused mutation's args into `rejections`; its opinion returns as a draft.

    Idempotent, so a pull page applied twice changes nothing; accepted before the ack or
    after it, since both come from the same pull.
    """
    row = conn.execute(
        "SELECT name, args, document_id, person_id, step, opinion, state, record_id FROM outbox"
        " WHERE mutation_id = ?", (mutation_id,)).fetchone()
    if row is None:
        raise _unknown_mutation(mutation_id)
    name, args, document_id, person_id, step, opinion, state, record_id = row
    if state != "rejected":
        conn.execute("UPDATE outbox SET state = 'rejected', last_error = ? WHERE mutation_id = ?",
                     (code, mutation_id))
        conn.execute(
            "INSERT INTO rejections (mutation_id, name, args, document_id, code, message,"
            " details, created_at, record_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (mutation_id, name, args, document_id, code, message,
             dumps(details, what="拒绝原因"), timestamp(now), record_id))
        if opinion and document_id and person_id:
            drafts.restore(conn, document_id=document_id, person_id=person_id,
                           step=step or "", text=opinion, now=now)
    found = rejection_by_mutation(conn, mutation_id)
    assert found is not None
    return found


_REJECTION_COLUMNS = ("id, mutation_id, name, args, document_id, code, message, details,"
                      " created_at, dismissed, record_id")


def _rejection(row: tuple[Any, ...]) -> RejectionRecord:
    return RejectionRecord(
        id=row[0], mutation_id=row[1], name=row[2], args=loads(row[3]), document_id=row[4],
        code=row[5], message=row[6], details=loads(row[7]),
        created_at=datetime.fromisoformat(row[8]), dismissed=bool(row[9]), record_id=row[10])


def rejection_by_mutation(conn: sqlite3.Connection, mutation_id: int) -> RejectionRecord | None:
    """Return the rejection of one mutation, if it was rejected."""
    row = conn.execute(f"SELECT {_REJECTION_COLUMNS} FROM rejections WHERE mutation_id = ?",
                       (mutation_id,)).fetchone()
    return None if row is None else _rejection(row)


def rejections(conn: sqlite3.Connection, *, include_dismissed: bool) -> list[RejectionRecord]:
    """Return rejections, newest first; dismissed ones only when asked."""
    where = "" if include_dismissed else "WHERE dismissed = 0"
    rows = conn.execute(
        f"SELECT {_REJECTION_COLUMNS} FROM rejections {where} ORDER BY mutation_id DESC")
    return [_rejection(row) for row in rows]


def dismiss(conn: sqlite3.Connection, rejection_id: int) -> None:
    """Hide a rejection the user has dealt with (the row stays)."""
    cursor = conn.execute("UPDATE rejections SET dismissed = 1 WHERE id = ?", (rejection_id,))
    if cursor.rowcount == 0:
        raise NotFoundError("rejection.not_found", "找不到这条被退回的操作记录",
                            rejection_id=rejection_id)


def last_mutation_id(conn: sqlite3.Connection) -> int:
    """Return the highest mutation id this client has ever used (0 if none)."""
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").fetchone()
    return 0 if row is None else int(row[0])


def _check_ack_in_range(conn: sqlite3.Connection, up_to: int) -> None:
    """Refuse an acknowledgement of mutations this client never sent.

    It means the server knows this client id from another database (a restored copy),
    whose new mutations would be skipped as duplicates.
    """
    last = last_mutation_id(conn)
    if up_to > last:
        raise ConflictError("outbox.ack_ahead", "服务器确认的操作编号超出了本机已发送的范围，"
                            "本地数据库可能是从备份恢复的，请重新登录以重建本地数据",
                            up_to=up_to, last=last)
