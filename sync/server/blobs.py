"""Blobs: content-addressed by SHA-256, uploaded resumably, downloaded only by who may see them.

A blob's name never reaches the file system: files are stored under their (validated) hash.
The database row's `received` is the truth; bytes beyond it in a partial file (a crash between
writing and committing) are cut off by the next chunk.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from officeapp.org import Person
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


def _status(row: sa.Row[Any]) -> BlobStatus:
    return BlobStatus(sha256=str(row.sha256), size=int(row.size),
                      offset=int(row.received), complete=bool(row.complete))


class BlobStore:
    """Blob rows in the database, their bytes under `settings.blob_dir`."""

    def __init__(self, engine: sa.Engine, settings: Settings) -> None:
        self.engine = engine
        self.root = settings.blob_dir
        self.clock = settings.clock

    def object_path(self, sha256: str) -> Path:
        """Return where a complete blob lives."""
        return self.root / "objects" / sha256[:2] / sha256

    def _partial_path(self, sha256: str) -> Path:
        return self.root / "partial" / sha256

    def _lock(self, connection: sa.Connection, sha256: str) -> sa.Row[Any] | None:
        query = sa.select(t.blobs).where(t.blobs.c.sha256 == sha256).with_for_update()
        return connection.execute(query).first()

    def announce(self, person: Person, sha256: str, size: int) -> BlobStatus:
        """Register a blob to upload; an existing one needs nothing more."""
        with db.write(self.engine) as connection:
            row = self._lock(connection, sha256)
            if row is not None:
                if row.size != size:
                    raise ApiError(409, "blob.size_conflict", "该附件的大小与已登记的不一致",
                                   size=int(row.size))
                return _status(row)
            if size == 0 and sha256 != EMPTY_SHA256:
                raise ApiError(422, "blob.hash_mismatch", "附件内容与校验值不符")
            complete = size == 0
            if complete:
                self._store_empty(sha256)
            connection.execute(sa.insert(t.blobs).values(
                sha256=sha256, size=size, received=0, complete=complete,
                created_by=person.id, created_at=self.clock()))
        return BlobStatus(sha256=sha256, size=size, offset=0, complete=complete)

    def _store_empty(self, sha256: str) -> None:
        path = self.object_path(sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()

    def status(self, sha256: str) -> BlobStatus:
        """Return how much of a blob is stored."""
        with db.read(self.engine) as connection:
            row = connection.execute(sa.select(t.blobs).where(t.blobs.c.sha256 == sha256)).first()
        if row is None:
            raise NOT_FOUND
        return _status(row)

    def append(self, sha256: str, offset: int, chunk: bytes) -> BlobStatus:
        """Write `chunk` at `offset`; on the last byte verify the hash before accepting."""
        with db.write(self.engine) as connection:
            row = self._lock(connection, sha256)
            if row is None:
                raise NOT_FOUND
            status = _status(row)
            if status.complete:
                return status  # the same content twice: nothing to do
            self._check_offset(status, offset, len(chunk))
            received = self._write(sha256, offset, chunk)
            verified = received < status.size or self._finish(sha256)
            connection.execute(sa.update(t.blobs).where(t.blobs.c.sha256 == sha256).values(
                received=received if verified else 0,
                complete=verified and received == status.size))
        if not verified:
            raise ApiError(422, "blob.hash_mismatch",
                           "附件内容与校验值不符，已丢弃，请重新上传", offset=0)
        return BlobStatus(sha256=sha256, size=status.size, offset=received,
                          complete=received == status.size)

    def _check_offset(self, status: BlobStatus, offset: int, length: int) -> None:
        if offset != status.offset:
            raise ApiError(409, "blob.offset_mismatch",
                           f"上传位置不一致：服务器已收到{status.offset}字节",
                           headers={"Upload-Offset": str(status.offset)}, offset=status.offset)
        if offset + length > status.size:
            raise ApiError(413, "blob.too_long", "上传内容超出了登记的附件大小",
                           size=status.size)

    def _write(self, sha256: str, offset: int, chunk: bytes) -> int:
        path = self._partial_path(sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "r+b" if path.exists() else "w+b") as handle:
            handle.truncate(offset)
            handle.seek(offset)
            handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        return offset + len(chunk)

    def _finish(self, sha256: str) -> bool:
        """Move a fully received blob into place if its hash matches; else discard it."""
        partial = self._partial_path(sha256)
        digest = hashlib.sha256()
        with open(partial, "rb") as handle:
            for block in iter(lambda: handle.read(1024 * 1024), b""):
                digest.update(block)
        if digest.hexdigest() != sha256:
            partial.unlink()
            return False
        target = self.object_path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(partial, target)
        return True

    def readable(self, person: Person, sha256: str) -> Readable:
        """Return a complete blob if `person` can see a record that references it."""
        with db.read(self.engine) as connection:
            row = connection.execute(sa.select(t.blobs).where(
                t.blobs.c.sha256 == sha256, t.blobs.c.complete)).first()
            holders = [h for records, links, key in _REFERENCES for h in connection.execute(
                sa.select(records.c.scopes).join(links, links.c[key] == records.c.id)
                .where(links.c.sha256 == sha256))]
            scopes = user_scopes(connection, person_id=person.id, unit_id=person.unit_id)
        if row is None or not any(scopes.intersection(h.scopes) for h in holders):
            raise NOT_FOUND
        return Readable(self.object_path(sha256), int(row.size))

