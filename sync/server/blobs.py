"""Blobs: content-addressed by SHA-256, uploaded resumably, downloaded only by who may see them.

Knowing a hash gives nothing. Each person uploads a blob through an upload of their own
(`blob_uploads`), so the server's answers to one person never tell whether anyone else holds
that content: "absent" and "not yours" look the same. A person may reference a blob in a
record only after sending its whole content (proof that they have it) or when they can
already read it through a record they see; a complete upload row is that right.

A blob's name never reaches the file system: files are stored under their (validated) hash.
An upload row's `received` is the truth; bytes beyond it in a partial file (a crash between
writing and committing) are cut off by the next chunk.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from officeapp.errors import ValidationError
from officeapp.org import Person
from officeapp.workflow import Attachment
from sync.protocol import BlobStatus
from sync.server import db
from sync.server import tables as t
from sync.server.errors import ApiError
from sync.server.settings import Settings
from sync.server.visibility import user_scopes

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
NOT_FOUND = ApiError(404, "blob.not_found", "附件不存在或您无权查看")
# Records that reference blobs: (record table, link table, the link's record-id column).
_REFERENCES = (
    (t.documents, t.document_blobs, "document_id"),
    (t.meetings, t.meeting_blobs, "meeting_id"),
    (t.supervision_items, t.supervision_blobs, "item_id"),
)


@dataclass(frozen=True)
class Readable:
    """A complete blob the user may read."""

    path: Path
    size: int


@dataclass(frozen=True)
class Referrer:
    """Who is saving a record: a person and the scopes they see."""

    person_id: str
    scopes: frozenset[str]


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


def _stored_size(connection: sa.Connection, sha256: str) -> int | None:
    query = sa.select(t.blobs.c.size).where(t.blobs.c.sha256 == sha256, t.blobs.c.complete)
    size = connection.execute(query).scalar()
    return None if size is None else int(size)


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


class BlobStore:
    """Blob rows in the database, their bytes under `settings.blob_dir`."""

    def __init__(self, engine: sa.Engine, settings: Settings) -> None:
        self.engine = engine
        self.root = settings.blob_dir
        self.clock = settings.clock

    def object_path(self, sha256: str) -> Path:
        """Return where a complete blob lives."""
        return self.root / "objects" / sha256[:2] / sha256

    def _partial_path(self, sha256: str, person_id: str) -> Path:
        # Person ids are the directory's; only a digest of one names a file.
        owner = hashlib.sha256(person_id.encode()).hexdigest()[:24]
        return self.root / "partial" / f"{sha256}.{owner}"

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
            complete = size == 0 or (
                _stored_size(connection, sha256) == size and _seen_through_a_record(
                    connection, sha256,
                    user_scopes(connection, person_id=person.id, unit_id=person.unit_id)))
            if size == 0:
                self._store_empty(connection, sha256, person.id)
            connection.execute(sa.insert(t.blob_uploads).values(
                sha256=sha256, person_id=person.id, size=size,
                received=size if complete else 0, complete=complete, created_at=self.clock()))
        return BlobStatus(sha256=sha256, size=size, offset=size if complete else 0,
                          complete=complete)

    def _store_empty(self, connection: sa.Connection, sha256: str, person_id: str) -> None:
        path = self.object_path(sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
        self._stored(connection, sha256, 0, person_id)

    def _stored(self, connection: sa.Connection, sha256: str, size: int,
                person_id: str) -> None:
        """Record that the content of a blob is in place (`person_id` sent it first)."""
        db.insert_ignore(connection, t.blobs, {
            "sha256": sha256, "size": size, "received": size, "complete": True,
            "created_by": person_id, "created_at": self.clock()})

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
            partial = self._partial_path(sha256, person.id)
            received = self._write(partial, offset, chunk)
            verified = received < status.size or self._finish(partial, sha256)
            complete = verified and received == status.size
            if complete:
                self._stored(connection, sha256, status.size, person.id)
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

    def _write(self, path: Path, offset: int, chunk: bytes) -> int:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "r+b" if path.exists() else "w+b") as handle:
            handle.truncate(offset)
            handle.seek(offset)
            handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        return offset + len(chunk)

    def _finish(self, partial: Path, sha256: str) -> bool:
        """Move a fully received upload into place if its hash matches; else discard it."""
        digest = hashlib.sha256()
        with open(partial, "rb") as handle:
            for block in iter(lambda: handle.read(1024 * 1024), b""):
                digest.update(block)
        if digest.hexdigest() != sha256:
            partial.unlink()
            return False
        target = self.object_path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Another person's upload of the same content may have landed first: same bytes.
        os.replace(partial, target)
        return True

    def readable(self, person: Person, sha256: str) -> Readable:
        """Return a complete blob if `person` can see a record that references it (having sent
        it is not enough: the server is no file drop)."""
        with db.read(self.engine) as connection:
            size = _stored_size(connection, sha256)
            scopes = user_scopes(connection, person_id=person.id, unit_id=person.unit_id)
            allowed = size is not None and _seen_through_a_record(connection, sha256, scopes)
        if size is None or not allowed:
            raise NOT_FOUND
        return Readable(self.object_path(sha256), size)
