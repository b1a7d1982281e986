"""Attachment blobs: content-addressed by SHA-256, with their transfer state."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

from officeapp.errors import ValidationError
from officeapp.store.db import timestamp
from officeapp.store.errors import NotFoundError

BlobState = Literal["queued_upload", "uploading", "synced", "queued_download", "cached"]
BLOB_STATES: tuple[str, ...] = get_args(BlobState)

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class BlobRecord:
    """A blob the client knows: where it is on disk and how far its transfer got."""

    sha256: str
    size: int
    local_path: str
    state: BlobState
    offset: int
    updated_at: datetime


def _check(sha256: str, size: int, state: str, offset: int) -> None:
    if not _SHA256.match(sha256):
        raise ValidationError("blob.bad_hash", "附件校验值必须是64位小写十六进制SHA-256",
                              sha256=sha256)
    if state not in BLOB_STATES:
        raise ValidationError("blob.bad_state", "附件传输状态无效", state=state)
    if size < 0 or not 0 <= offset <= size:
        raise ValidationError("blob.bad_offset", "附件大小或传输位置无效", size=size, offset=offset)


def put(
    conn: sqlite3.Connection, *, sha256: str, size: int, local_path: str, state: BlobState,
    offset: int, now: datetime,
) -> None:
    """Record a blob (or replace what was known about it)."""
    _check(sha256, size, state, offset)
    conn.execute(
        'INSERT INTO blobs (sha256, size, local_path, state, "offset", updated_at)'
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET size = excluded.size,"
        ' local_path = excluded.local_path, state = excluded.state, "offset" = excluded."offset",'
        " updated_at = excluded.updated_at",
        (sha256, size, local_path, state, offset, timestamp(now)))


def get(conn: sqlite3.Connection, sha256: str) -> BlobRecord | None:
    """Return what the client knows about a blob, or None."""
    row = conn.execute('SELECT sha256, size, local_path, state, "offset", updated_at FROM blobs'
                       " WHERE sha256 = ?", (sha256,)).fetchone()
    return None if row is None else _record(row)


def _record(row: tuple[str, int, str, BlobState, int, str]) -> BlobRecord:
    return BlobRecord(row[0], row[1], row[2], row[3], row[4], datetime.fromisoformat(row[5]))


def set_state(
    conn: sqlite3.Connection, *, sha256: str, state: BlobState, offset: int, now: datetime,
) -> None:
    """Move a known blob to `state` at `offset`."""
    known = get(conn, sha256)
    if known is None:
        raise NotFoundError("blob.not_found", "本地没有这个附件的记录", sha256=sha256)
    _check(sha256, known.size, state, offset)
    conn.execute('UPDATE blobs SET state = ?, "offset" = ?, updated_at = ? WHERE sha256 = ?',
                 (state, offset, timestamp(now), sha256))


def in_state(conn: sqlite3.Connection, state: BlobState) -> list[BlobRecord]:
    """Return the blobs in `state` (the transfer queue)."""
    _check("0" * 64, 0, state, 0)
    rows = conn.execute('SELECT sha256, size, local_path, state, "offset", updated_at FROM blobs'
                        " WHERE state = ? ORDER BY updated_at, sha256", (state,))
    return [_record(row) for row in rows]
