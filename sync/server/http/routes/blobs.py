"""/blobs: announce, resumable upload (HEAD/PATCH at an offset) and ranged download."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Header, Request, Response
from fastapi import Path as PathParam
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from sync.protocol import BlobAnnounce, BlobStatus, ErrorBody
from sync.server.errors import ApiError
from sync.server.http.routes.deps import ServerDep, SessionDep

router = APIRouter(prefix="/blobs", tags=["blobs"])
ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorBody}, 404: {"model": ErrorBody}, 409: {"model": ErrorBody},
    413: {"model": ErrorBody}, 416: {"model": ErrorBody}, 422: {"model": ErrorBody}}
Sha = Annotated[str, PathParam(pattern=r"^[0-9a-f]{64}$",
                                description="内容的SHA-256（小写十六进制）")]
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _offset_headers(status: BlobStatus) -> dict[str, str]:
    return {"Upload-Offset": str(status.offset), "Upload-Length": str(status.size),
            "Upload-Complete": "1" if status.complete else "0", "Cache-Control": "no-store"}


@router.post("", responses=ERRORS)
def announce(body: BlobAnnounce, session: SessionDep, server: ServerDep) -> BlobStatus:
    """Announce a blob by hash and size; `complete` means there is nothing to upload (you sent
    it before, or you can already read it). Whether others hold it is never told."""
    return server.blobs.announce(session.person, body.sha256, body.size)


@router.head("/{sha256}", responses=ERRORS)
def upload_offset(sha256: Sha, session: SessionDep, server: ServerDep) -> Response:
    """Tell how many bytes of your own upload are stored (Upload-Offset), to resume there;
    404 when you have announced no such upload, whether or not anyone else holds the blob."""
    return Response(status_code=200, headers=_offset_headers(
        server.blobs.status(session.person, sha256)))


@router.patch("/{sha256}", responses=ERRORS)
async def upload_chunk(sha256: Sha, request: Request, session: SessionDep, server: ServerDep,
                       upload_offset: Annotated[int, Header(ge=0)]) -> BlobStatus:
    """Append the body at Upload-Offset; the last chunk is verified against the hash."""
    chunk = await request.body()
    status = await run_in_threadpool(server.blobs.append, session.person, sha256, upload_offset,
                                    chunk)
    return status


def _parse_range(header: str, size: int) -> tuple[int, int]:
    """Return the inclusive byte range asked for, or refuse with 416."""
    match = _RANGE.match(header.strip())
    if match is None or match.group(1) == match.group(2) == "":
        raise _bad_range(size)
    first, last = match.group(1), match.group(2)
    if first == "":
        start, end = max(size - int(last), 0), size - 1
    else:
        start, end = int(first), min(int(last), size - 1) if last else size - 1
    if start > end or start >= size:
        raise _bad_range(size)
    return start, end


def _bad_range(size: int) -> ApiError:
    return ApiError(416, "blob.bad_range", "请求的下载范围无效",
                    headers={"Content-Range": f"bytes */{size}"}, size=size)


@router.get("/{sha256}", responses={**ERRORS, 200: {"content": {"application/octet-stream": {}}},
                                   206: {"content": {"application/octet-stream": {}}}})
def download(sha256: Sha, session: SessionDep, server: ServerDep,
             range: Annotated[str | None, Header(max_length=100)] = None) -> StreamingResponse:
    """Download a blob (or a Range of it) if you see a record that references it; the bytes
    come from the database piece by piece, whichever server host answers."""
    blob = server.blobs.readable(session.person, sha256)
    headers = {"Accept-Ranges": "bytes", "Cache-Control": "private, max-age=31536000",
               "ETag": f'"{sha256}"'}
    start, end, status = 0, blob.size - 1, 200
    if range is not None and blob.size > 0:
        start, end = _parse_range(range, blob.size)
        status = 206
        headers["Content-Range"] = f"bytes {start}-{end}/{blob.size}"
    headers["Content-Length"] = str(max(end - start + 1, 0))
    return StreamingResponse(server.blobs.read(blob, start, end), status_code=status,
                             headers=headers, media_type="application/octet-stream")
