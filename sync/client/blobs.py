"""Attachments on the client: a local content store by SHA-256, resumable upload and download.

A file the user attaches is hashed and copied to `<root>/ab/<sha256>`; only hashes ever name
files, never the attachment's name. Uploads are tus-style: the announce answers how much the
server holds, chunks continue from there, and a cut link resumes at the server's offset on the
next sync. Downloads resume with HTTP Range into `<root>/partial/<sha256>` and are verified
against the hash before they enter the content store.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Awaitable, Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from officeapp.store import BlobRecord, BlobState, LocalStore
from officeapp.workflow import Attachment
from sync.client.api import Api, ApiError

log = logging.getLogger(__name__)
T = TypeVar("T")
StoreCall = Callable[..., Awaitable[Any]]

CHUNK = 1024 * 1024
_READ = 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_UPLOADING: tuple[BlobState, ...] = ("queued_upload", "uploading")


class BlobError(Exception):
    """An attachment cannot be uploaded or opened: a stable code and a Chinese message."""

    def __init__(self, code: str, message: str, sha256: str = "") -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.sha256 = sha256


async def _direct(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    return fn(*args, **kwargs)


def content_path(root: Path, sha256: str) -> Path:
    """Return where the content store keeps a blob; refuse anything but a SHA-256."""
    if not _SHA256.match(sha256):
        raise BlobError("blob.bad_hash", "附件校验值无效", sha256)
    return root / sha256[:2] / sha256


def file_digest(path: Path, *, limit: int | None = None) -> tuple[str, int]:
    """Return the SHA-256 and size of a file (of its first `limit` bytes when given)."""
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        while limit is None or size < limit:
            block = handle.read(_READ if limit is None else min(_READ, limit - size))
            if not block:
                break
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def referenced_hashes(args: Mapping[str, Any]) -> set[str]:
    """Return every blob hash a mutation's args name (attachments of fields or changes)."""
    found: set[str] = set()
    stack: list[Any] = [args]
    while stack:
        value = stack.pop()
        if isinstance(value, Mapping):
            sha = value.get("sha256")
            if isinstance(sha, str) and _SHA256.match(sha):
                found.add(sha)
            stack.extend(value.values())
        elif isinstance(value, list | tuple):
            stack.extend(value)
    return found


def copy_in(source: Path, root: Path) -> tuple[str, int]:
    """Copy `source` into the content store while hashing it; return (sha256, size)."""
    root.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    handle, temporary = tempfile.mkstemp(dir=root, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as out, open(source, "rb") as src:
            for block in iter(lambda: src.read(_READ), b""):
                digest.update(block)
                size += len(block)
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
        target = content_path(root, digest.hexdigest())
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return digest.hexdigest(), size


def _read_at(path: Path, offset: int, length: int) -> bytes:
    with open(path, "rb") as handle:
        handle.seek(offset)
        return handle.read(length)


def _append(path: Path, offset: int, chunk: bytes) -> None:
    """Write `chunk` at `offset`, dropping anything a crash left beyond it."""
    with open(path, "r+b" if path.exists() else "w+b") as handle:
        handle.truncate(offset)
        handle.seek(offset)
        handle.write(chunk)


class Blobs:
    """Uploads and downloads one client's attachments through the server."""

    def __init__(self, *, api: Api, store: LocalStore, root: Path, call: StoreCall = _direct,
                 chunk_size: int = CHUNK) -> None:
        self.api = api
        self.store = store
        self.root = root
        self._call = call
        self.chunk_size = chunk_size

    # --- attaching and uploading -------------------------------------------------------------

    async def attach(self, source: Path, *, name: str) -> dict[str, Any]:
        """Copy a file into the content store, queue its upload; return the attachment field."""
        sha256, size = await asyncio.to_thread(copy_in, Path(source), self.root)
        known: BlobRecord | None = await self._call(_get, self.store, sha256)
        if known is None or known.state not in ("synced", "cached"):
            await self._call(_put, self.store, sha256, size, "queued_upload",
                             str(content_path(self.root, sha256)), 0)
        return {"name": name, "sha256": sha256, "size": size}

    async def upload_referenced(self, mutations_args: Iterable[Mapping[str, Any]]) -> list[
            BlobError]:
        """Upload the queued blobs these mutations name; return the ones refused for good.

        Transport failures and retryable server errors propagate, so the caller pushes
        nothing until the blobs are up. A refused blob (a damaged local file) is returned:
        the mutation that names it is pushed anyway and the server rejects it, so the user
        sees why and the queue does not wedge.
        """
        wanted = set().union(*(referenced_hashes(a) for a in mutations_args))
        refused: list[BlobError] = []
        for sha256 in sorted(wanted):
            record: BlobRecord | None = await self._call(_get, self.store, sha256)
            if record is None or (record.state not in _UPLOADING
                                  and self.cached(sha256) is None):
                continue
            # A blob sent before is announced again: the answer is `complete` at the cost of
            # one request, unless the server lost it (restored from a backup) or this person
            # never sent it (it was downloaded), and then it is sent from the local copy.
            try:
                await self.upload(record)
            except BlobError as error:
                log.warning("附件 %s 无法上传：%s", sha256, error.message)
                refused.append(error)
        return refused

    async def upload_queued(self) -> list[BlobError]:
        """Upload every blob waiting for upload; return the ones refused for good."""
        records: list[BlobRecord] = []
        for state in _UPLOADING:
            records += await self._call(_in_state, self.store, state)
        fields = [{"sha256": r.sha256} for r in records]
        return await self.upload_referenced(fields)

    async def upload(self, record: BlobRecord) -> None:
        """Upload one blob from the server's offset on; mark it synced when complete (a
        downloaded one stays cached)."""
        path = content_path(self.root, record.sha256)
        status = await self.api.announce_blob(record.sha256, record.size)
        if status.complete:
            if record.state in _UPLOADING:
                await self._call(_set_state, self.store, record.sha256, "synced", record.size)
            return
        await self._verify_local(path, record)
        offset = status.offset
        while not status.complete:
            await self._call(_set_state, self.store, record.sha256, "uploading", offset)
            chunk = await asyncio.to_thread(_read_at, path, offset, self.chunk_size)
            if not chunk:  # the file shrank after it was checked: never loop on nothing
                raise BlobError("blob.corrupt", "附件的本地副本已被修改或损坏，请重新添加附件",
                                record.sha256)
            try:
                status = await self.api.upload_chunk(record.sha256, offset, chunk)
            except ApiError as error:
                offset = self._resume_at(error, record)
                continue
            offset = status.offset
        done: BlobState = "cached" if record.state == "cached" else "synced"
        await self._call(_set_state, self.store, record.sha256, done, record.size)

    async def _verify_local(self, path: Path, record: BlobRecord) -> None:
        """Refuse to send a file that is gone or no longer has the content it was named by."""
        if not path.is_file():
            raise BlobError("blob.missing", "附件的本地副本已丢失，请重新添加附件", record.sha256)
        sha256, size = await asyncio.to_thread(file_digest, path)
        if sha256 != record.sha256 or size != record.size:
            raise BlobError("blob.corrupt", "附件的本地副本已被修改或损坏，请重新添加附件",
                            record.sha256)

    def _resume_at(self, error: ApiError, record: BlobRecord) -> int:
        """Return where to continue after the server refused a chunk, or re-raise."""
        if error.code == "blob.offset_mismatch" and isinstance(error.details.get("offset"), int):
            # Another attempt (or a chunk whose answer was lost) got further: go on from there.
            return int(error.details["offset"])
        if error.code == "blob.hash_mismatch":
            raise BlobError("blob.corrupt", "附件内容与校验值不符，服务器已拒收，请重新添加附件",
                            record.sha256) from error
        raise error

    # --- opening and downloading -------------------------------------------------------------

    def cached(self, sha256: str) -> Path | None:
        """Return the local copy of a blob if the content store has it."""
        path = content_path(self.root, sha256)
        return path if path.is_file() else None

    async def open(self, attachment: Attachment) -> Path:
        """Return a local file with the attachment's content, downloading it if needed."""
        if not attachment.sha256:
            raise BlobError("blob.no_content", f"附件“{attachment.name}”没有电子文件")
        path = self.cached(attachment.sha256)
        if path is not None:
            return path
        return await self.download(attachment.sha256, attachment.size)

    async def download(self, sha256: str, size: int) -> Path:
        """Download a blob (resuming a partial one), verify it and add it to the store."""
        target = content_path(self.root, sha256)
        partial = self.root / "partial" / sha256
        partial.parent.mkdir(parents=True, exist_ok=True)
        partial.touch(exist_ok=True)
        offset = partial.stat().st_size
        if offset < size:
            await self._call(_put, self.store, sha256, size, "queued_download", "", offset)
            offset = await self._fetch(sha256, partial, offset, size)
        await self._finish_download(sha256, size, partial, target)
        return target

    async def _fetch(self, sha256: str, partial: Path, offset: int, size: int) -> int:
        """Append the bytes from `offset` on; return how many the partial file holds."""
        try:
            async for chunk in self.api.download_blob(sha256, start=offset):
                await asyncio.to_thread(_append, partial, offset, chunk)
                offset += len(chunk)
        except ApiError as error:
            if error.status in (403, 404):
                if offset == 0:
                    partial.unlink(missing_ok=True)
                raise BlobError("blob.not_found", "附件不存在，或您无权查看该附件",
                                sha256) from error
            raise
        finally:
            await self._call(_set_state, self.store, sha256, "queued_download",
                             min(offset, size))
        return offset

    async def _finish_download(self, sha256: str, size: int, partial: Path,
                               target: Path) -> None:
        found, length = await asyncio.to_thread(file_digest, partial)
        if found != sha256 or length != size:
            # A wrong byte anywhere: start over rather than keep building on it.
            partial.unlink(missing_ok=True)
            await self._call(_set_state, self.store, sha256, "queued_download", 0)
            raise BlobError("blob.corrupt", "下载的附件与校验值不符，已丢弃，请重试", sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(partial, target)
        await self._call(_put, self.store, sha256, size, "cached", str(target), size)


def _get(store: LocalStore, sha256: str) -> BlobRecord | None:
    return store.get_blob(sha256)


def _put(store: LocalStore, sha256: str, size: int, state: BlobState, local_path: str,
         offset: int) -> None:
    store.put_blob(sha256=sha256, size=size, state=state, local_path=local_path, offset=offset)


def _set_state(store: LocalStore, sha256: str, state: BlobState, offset: int) -> None:
    store.set_blob_state(sha256=sha256, state=state, offset=offset)


def _in_state(store: LocalStore, state: BlobState) -> list[BlobRecord]:
    return store.blobs_in_state(state)
