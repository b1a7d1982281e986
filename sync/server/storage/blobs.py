"""Blobs: content-addressed by SHA-256, uploaded resumably, downloaded only by who may see them.

Knowing a hash gives nothing. Each person uploads a blob through an upload of their own
(`blob_uploads`), so the server's answers to one person never tell whether anyone else holds
that content: "absent" and "not yours" look the same. A person may reference a blob in a
record only after sending its whole content (proof that they have it) or when they can
already read it through a record they see; a complete upload row is that right.

The bytes live in the database (`blob_chunks`), so every server host serves every blob: pieces
of at most `CHUNK` bytes keyed by (hash, uploader, first byte). A chunk is written in the same
transaction that advances its upload's `received`, which stays the truth: pieces at or past it
(left by a discarded upload) are replaced by the next chunk. When the last byte arrives the
pieces are read back and hashed; a complete blob's content is the pieces of whoever completed
it first (`blobs.created_by`), so nothing is copied. Downloads read one piece per short
transaction: never the whole blob in memory, and no database connection held while a slow
client reads.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from officeapp.errors import ValidationError
from officeapp.org import Person
from officeapp.workflow import Attachment
from sync.protocol import BlobStatus
from sync.server.errors import ApiError
from sync.server.settings import Settings
from sync.server.storage import db
from sync.server.storage import tables as t
from sync.server.storage.visibility import SYSTEM_PERSON, user_scopes

log = logging.getLogger(__name__)

CHUNK = 1024 * 1024  # bytes per stored piece: the client's upload chunk
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
NOT_FOUND = ApiError(404, "blob.not_found", "附件不存在或您无权查看")
# Records that reference blobs: (record table, link table, the link's record-id column).
_REFERENCES = (
    (t.documents, t.document_blobs, "document_id"),
    (t.meetings, t.meeting_blobs, "meeting_id"),
    (t.supervision_items, t.supervision_blobs, "item_id"),
)
_c = t.blob_chunks.c


@dataclass(frozen=True)
class Readable:
    """A complete blob the user may read: its content is the pieces `owner` uploaded."""

    sha256: str
    owner: str
    size: int


@dataclass(frozen=True)
class Referrer:
    """Who is saving a record: a person and the scopes they see."""

    person_id: str
    scopes: frozenset[str]


@dataclass(frozen=True)
class Imported:
    """What `import_files` moved into the database, and the blobs it found no file for."""

    blobs: int = 0
    bytes: int = 0
    missing: tuple[str, ...] = ()


def _status(row: sa.Row[Any]) -> BlobStatus:
    return BlobStatus(sha256=str(row.sha256), size=int(row.size),
                      offset=int(row.received), complete=bool(row.complete))


def _seen_through_a_record(connection: sa.Connection, sha256: str,
                           scopes: frozenset[str]) -> bool:
    """Return whether a record that references the blob is visible to `scopes`."""
    for records, links, key in _REFERENCES:
        query = (sa.select(records.c.scopes).join(links, links.c[key] == records.c.id)
                 .where(links.c.sha256 == sha256))
        if any(scopes.intersection(row.scopes) for row in connection.execute(query)):
            return True
    return False


def _uploaded_by(connection: sa.Connection, sha256: str, person_id: str) -> bool:
    u = t.blob_uploads.c
    query = sa.select(u.sha256).where(u.sha256 == sha256, u.person_id == person_id, u.complete)
    return connection.execute(query).first() is not None


@dataclass(frozen=True)
class _Stored:
    size: int
    owner: str  # whose pieces hold the content (blobs.created_by)


def _stored(connection: sa.Connection, sha256: str) -> _Stored | None:
    """Return the size and content owner of a complete blob, or None."""
    b = t.blobs.c
    row = connection.execute(sa.select(b.size, b.created_by).where(
        b.sha256 == sha256, b.complete)).first()
    return None if row is None else _Stored(int(row.size), str(row.created_by))


def _stored_size(connection: sa.Connection, sha256: str) -> int | None:
    stored = _stored(connection, sha256)
    return None if stored is None else stored.size


def may_reference(connection: sa.Connection, sha256: str, person_id: str,
                  scopes: frozenset[str]) -> bool:
    """Return whether a person may name the blob in a record: they sent it, or they see a
    record with it."""
    return (_uploaded_by(connection, sha256, person_id)
            or _seen_through_a_record(connection, sha256, scopes))


def check_references(connection: sa.Connection, attachments: Iterable[Attachment], *,
                     before: Iterable[Attachment], by: Referrer | None) -> None:
    """Refuse attachments a record newly names unless their content is stored in full and
    `by` may reference it (`by` None: the server itself copies an already checked record).

    The refusal is the same whether the blob is absent or someone else's, so that naming a
    hash never tells whether it exists.
    """
    if by is None:
        return
    kept = {a.sha256 for a in before if a.sha256}
    for attachment in attachments:
        sha256 = attachment.sha256
        if not sha256 or sha256 in kept:
            continue
        if (_stored_size(connection, sha256) != attachment.size
                or not may_reference(connection, sha256, by.person_id, by.scopes)):
            raise ValidationError(
                "blob.unknown", f"附件“{attachment.name}”尚未上传完成，请稍后重试",
                sha256=sha256, name=attachment.name)


def link(connection: sa.Connection, table: sa.Table, record_id: str,
         attachments: Iterable[Attachment]) -> None:
    """Record which blobs a record references (`table` keyed by (record id, sha256))."""
    key = table.c[table.primary_key.columns.keys()[0]]
    connection.execute(sa.delete(table).where(key == record_id))
    hashes = sorted({a.sha256 for a in attachments if a.sha256})
    if hashes:
        connection.execute(sa.insert(table), [{key.name: record_id, "sha256": h}
                                              for h in hashes])


# --- the pieces ------------------------------------------------------------------------------


def _pieces(sha256: str, owner: str) -> sa.ColumnElement[bool]:
    return sa.and_(_c.sha256 == sha256, _c.person_id == owner)


def _write(connection: sa.Connection, sha256: str, owner: str, offset: int,
           data: bytes) -> None:
    """Store `data` at `offset` of an upload, in pieces of at most CHUNK bytes.

    Pieces at or past `offset` are no part of the upload (its `received` is the truth): they
    are what a discarded upload left, and go.
    """
    connection.execute(sa.delete(t.blob_chunks).where(_pieces(sha256, owner),
                                                      _c.start >= offset))
    view = memoryview(data)
    rows = [{"sha256": sha256, "person_id": owner, "start": offset + at,
             "data": bytes(view[at:at + CHUNK])} for at in range(0, len(data), CHUNK)]
    if rows:
        connection.execute(sa.insert(t.blob_chunks), rows)


_PIECE_AT_PG = ("SELECT start, data FROM blob_chunks WHERE sha256 = %s AND person_id = %s"
                " AND start <= %s ORDER BY start DESC LIMIT 1")


def _piece_at(connection: sa.Connection, sha256: str, owner: str,
              position: int) -> tuple[int, bytes] | None:
    """Return the piece holding byte `position` (its first byte and its bytes), or None."""
    row: Any
    if connection.dialect.name == "postgresql":
        # bytea in binary, on the transaction's own connection: psycopg otherwise receives it
        # hex-encoded (twice the bytes) and decodes it, four times the time of reading it.
        driver = connection.connection.driver_connection
        assert driver is not None  # a connection in a transaction is open
        with driver.cursor(binary=True) as cursor:
            row = cursor.execute(_PIECE_AT_PG, (sha256, owner, position)).fetchone()
    else:
        row = connection.execute(
            sa.select(_c.start, _c.data).where(_pieces(sha256, owner), _c.start <= position)
            .order_by(_c.start.desc()).limit(1)).first()
    if row is None or row[0] + len(row[1]) <= position:
        return None
    return int(row[0]), bytes(row[1])


def _digest(connection: sa.Connection, sha256: str, owner: str, size: int) -> str | None:
    """Return the SHA-256 of an upload's first `size` bytes, or None if some are missing.

    One piece per query: a whole blob never sits in memory (a driver fetches every row of a
    plain query at once).
    """
    digest = hashlib.sha256()
    position = 0
    while position < size:
        found = _piece_at(connection, sha256, owner, position)
        if found is None or found[0] != position:
            return None
        digest.update(found[1])
        position += len(found[1])
    return digest.hexdigest() if position == size else None


def _discard(connection: sa.Connection, sha256: str, owner: str) -> None:
    connection.execute(sa.delete(t.blob_chunks).where(_pieces(sha256, owner)))


def stored_bytes(connection: sa.Connection, sha256: str, owner: str) -> int:
    """Return how many bytes of a blob's content the pieces of `owner` hold (PostgreSQL and
    SQLite read a value's length without reading the value)."""
    total = connection.execute(sa.select(sa.func.coalesce(sa.func.sum(
        sa.func.length(_c.data)), 0)).where(_pieces(sha256, owner))).scalar_one()
    return int(total)


def _lacking_content() -> sa.Select[Any]:
    """Complete, non-empty blobs without a single piece of their content."""
    b = t.blobs.c
    held = sa.select(_c.start).where(_c.sha256 == b.sha256, _c.person_id == b.created_by)
    return sa.select(b.sha256, b.size, b.created_by).where(
        b.complete, b.size > 0, ~held.exists())


def count_lacking_content(connection: sa.Connection) -> int:
    """Return how many complete blobs have no content in the database."""
    query = _lacking_content().subquery()
    return int(connection.execute(sa.select(sa.func.count()).select_from(query)).scalar_one())


def _keep(connection: sa.Connection, sha256: str, size: int, person_id: str,
          now: datetime) -> None:
    """Record that `person_id`'s verified pieces hold the blob, unless another person's
    already do (theirs stay and these go)."""
    db.insert_ignore(connection, t.blobs, {
        "sha256": sha256, "size": size, "received": size, "complete": True,
        "created_by": person_id, "created_at": now})
    stored = _stored(connection, sha256)
    if stored is None or stored.owner == person_id:
        return
    if stored_bytes(connection, sha256, stored.owner) == size:
        _discard(connection, sha256, person_id)
        return
    # The row's content is gone (a blob folder an upgrade did not find): these verified
    # pieces take its place.
    log.warning("blob %s had no content; restored from %s's upload", sha256, person_id)
    connection.execute(sa.update(t.blobs).where(t.blobs.c.sha256 == sha256)
                       .values(created_by=person_id))


def store_system_blob(connection: sa.Connection, data: bytes, *, now: datetime) -> str:
    """Store `data` whole as a blob the server made (its pieces under the system person) and
    return its SHA-256; content stored already is left as it is.

    Nobody gets an upload of it: people read it through a record that names it (the signed
    公文 of a document and of its incoming copies, linked when the record is saved).
    """
    sha256 = hashlib.sha256(data).hexdigest()
    stored = _stored(connection, sha256)
    if stored is not None and stored_bytes(connection, sha256, stored.owner) == stored.size:
        return sha256
    _write(connection, sha256, SYSTEM_PERSON, 0, data)
    _keep(connection, sha256, len(data), SYSTEM_PERSON, now)
    return sha256


class _Damaged(Exception):
    """A file's bytes do not hash to its name (rolls its import back)."""


def import_files(engine: sa.Engine, folder: Path) -> Imported:
    """Move the content of complete blobs from a blob folder of an older release
    (`<folder>/objects/ab/<sha256>`) into the database; return what moved and what is missing.

    Only blobs with no content in the database are looked for, one per transaction, each
    checked against its size and hash, so running it again moves only what is still missing.
    The files are left in place.
    """
    with db.read(engine) as connection:
        wanted = connection.execute(_lacking_content().order_by(t.blobs.c.sha256)).all()
    moved = moved_bytes = 0
    missing: list[str] = []
    for row in wanted:
        sha256, size, owner = str(row.sha256), int(row.size), str(row.created_by)
        path = folder / "objects" / sha256[:2] / sha256
        try:
            if path.stat().st_size != size:
                raise _Damaged
            with db.write(engine) as connection:
                _discard(connection, sha256, owner)
                _import(connection, path, sha256, owner)
        except (OSError, _Damaged):
            missing.append(sha256)
            continue
        moved += 1
        moved_bytes += size
    return Imported(moved, moved_bytes, tuple(missing))


def _import(connection: sa.Connection, path: Path, sha256: str, owner: str) -> None:
    digest = hashlib.sha256()
    offset = 0
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
            connection.execute(sa.insert(t.blob_chunks).values(
                sha256=sha256, person_id=owner, start=offset, data=block))
            offset += len(block)
    if digest.hexdigest() != sha256:
        raise _Damaged


# --- the store -------------------------------------------------------------------------------


class BlobStore:
    """Blobs and their uploads, their bytes in `blob_chunks`."""

    def __init__(self, engine: sa.Engine, settings: Settings) -> None:
        self.engine = engine
        self.clock = settings.clock

    def _lock(self, connection: sa.Connection, sha256: str,
              person_id: str) -> sa.Row[Any] | None:
        u = t.blob_uploads.c
        query = (sa.select(t.blob_uploads).where(u.sha256 == sha256, u.person_id == person_id)
                 .with_for_update())
        return connection.execute(query).first()

    def announce(self, person: Person, sha256: str, size: int) -> BlobStatus:
        """Start (or resume) the person's upload of a blob; `complete` when nothing is left
        to send: they sent it before, it is empty, or they can already read it."""
        with db.write(self.engine) as connection:
            row = self._lock(connection, sha256, person.id)
            if row is not None:
                if row.size != size:
                    raise ApiError(409, "blob.size_conflict", "该附件的大小与您已登记的不一致",
                                   size=int(row.size))
                return _status(row)
            if size == 0 and sha256 != EMPTY_SHA256:
                raise ApiError(422, "blob.hash_mismatch", "附件内容与校验值不符")
            stored = _stored(connection, sha256)
            # The blob's content being this person's own pieces is proof enough too.
            complete = size == 0 or (
                stored is not None and stored.size == size
                and (stored.owner == person.id or _seen_through_a_record(
                    connection, sha256,
                    user_scopes(connection, person_id=person.id, unit_id=person.unit_id))))
            if size == 0:
                _keep(connection, sha256, 0, person.id, self.clock())
            connection.execute(sa.insert(t.blob_uploads).values(
                sha256=sha256, person_id=person.id, size=size,
                received=size if complete else 0, complete=complete, created_at=self.clock()))
        return BlobStatus(sha256=sha256, size=size, offset=size if complete else 0,
                          complete=complete)

    def status(self, person: Person, sha256: str) -> BlobStatus:
        """Return how much of the person's own upload of a blob is stored."""
        u = t.blob_uploads.c
        with db.read(self.engine) as connection:
            row = connection.execute(sa.select(t.blob_uploads).where(
                u.sha256 == sha256, u.person_id == person.id)).first()
        if row is None:
            raise NOT_FOUND
        return _status(row)

    def append(self, person: Person, sha256: str, offset: int, chunk: bytes) -> BlobStatus:
        """Write `chunk` at `offset` of the person's upload; on the last byte verify the hash
        before accepting."""
        with db.write(self.engine) as connection:
            row = self._lock(connection, sha256, person.id)
            if row is None:
                raise NOT_FOUND
            status = _status(row)
            if status.complete:
                return status  # the same content twice: nothing to do
            self._check_offset(status, offset, len(chunk))
            _write(connection, sha256, person.id, offset, chunk)
            received = offset + len(chunk)
            verified = (received < status.size
                        or _digest(connection, sha256, person.id, status.size) == sha256)
            complete = verified and received == status.size
            if complete:
                _keep(connection, sha256, status.size, person.id, self.clock())
            elif not verified:
                _discard(connection, sha256, person.id)
            u = t.blob_uploads.c
            connection.execute(sa.update(t.blob_uploads).where(
                u.sha256 == sha256, u.person_id == person.id).values(
                received=received if verified else 0, complete=complete))
        if not verified:
            raise ApiError(422, "blob.hash_mismatch",
                           "附件内容与校验值不符，已丢弃，请重新上传", offset=0)
        return BlobStatus(sha256=sha256, size=status.size, offset=received, complete=complete)

    def _check_offset(self, status: BlobStatus, offset: int, length: int) -> None:
        if offset != status.offset:
            raise ApiError(409, "blob.offset_mismatch",
                           f"上传位置不一致：服务器已收到{status.offset}字节",
                           headers={"Upload-Offset": str(status.offset)}, offset=status.offset)
        if offset + length > status.size:
            raise ApiError(413, "blob.too_long", "上传内容超出了登记的附件大小",
                           size=status.size)

    def readable(self, person: Person, sha256: str) -> Readable:
        """Return a complete blob if `person` can see a record that references it (having sent
        it is not enough: the server is no file drop)."""
        with db.read(self.engine) as connection:
            stored = _stored(connection, sha256)
            scopes = user_scopes(connection, person_id=person.id, unit_id=person.unit_id)
            allowed = stored is not None and _seen_through_a_record(connection, sha256, scopes)
        if stored is None or not allowed:
            raise NOT_FOUND
        return Readable(sha256, stored.owner, stored.size)

    def read(self, blob: Readable, start: int, end: int) -> Iterator[bytes]:
        """Yield the bytes `start`..`end` (inclusive) of a readable blob, one piece at a time,
        each read in a transaction of its own."""
        position = start
        while position <= end:
            with db.read(self.engine) as connection:
                found = _piece_at(connection, blob.sha256, blob.owner, position)
            if found is None:
                # Only a damaged database gets here; the client's hash check refuses the
                # short download and it asks again.
                log.error("blob %s lacks its bytes from %d", blob.sha256, position)
                return
            first, data = found
            piece = data[position - first:end + 1 - first]
            position += len(piece)
            yield piece
