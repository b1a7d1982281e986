"""Compressed bodies on the wire: zstd pull pages and pushes (issue 18, docs/sync.md).

Responses are compressed by starlette-compress when the client's Accept-Encoding names zstd
(httpx does once `zstandard` is installed); blobs and the event stream are left as they are.
A request body may come zstd-compressed (`Content-Encoding: zstd`) once the server has said
it accepts that: every answer carries `Accept-Encoding: zstd` (RFC 7694), so a client never
sends a compressed push to a release that would misread it.
"""

from __future__ import annotations

import io

import zstandard

from sync.server.errors import ApiError

ZSTD = "zstd"
# Compressing costs server CPU on every page: level 6 keeps a page of 500 documents at
# about 9 ms while it sends ~20 % less than level 3 (docs/sync.md, Compression).
RESPONSE_LEVEL = 6
# Formats the blob chunks and the event stream already are, or must not wait for.
UNCOMPRESSED_TYPES = ("text/event-stream",)


def accepts_zstd(accept_encoding: str) -> bool:
    """Return whether an Accept-Encoding header plainly names zstd, as httpx's does (then
    starlette-compress would answer in zstd too; with a quality given, it is left to it)."""
    codings = [item.strip().lower() for item in accept_encoding.split(",")]
    return ZSTD in codings and not any(c.startswith(f"{ZSTD};") for c in codings)


def compress(body: bytes) -> bytes:
    """Return `body` as one zstd frame at the level of every answer."""
    return zstandard.ZstdCompressor(level=RESPONSE_LEVEL).compress(body)


def decode_body(body: bytes, encoding: str, limit: int) -> bytes:
    """Return `body` decoded from its Content-Encoding, refusing more than `limit` bytes out.

    Raises ApiError: 415 for an encoding other than zstd, 413 past the limit (a small bomb
    cannot make the server hold gigabytes), 400 for damaged or truncated data.
    """
    if encoding.strip().lower() != ZSTD:
        raise ApiError(415, "request.unsupported_encoding",
                       f"不支持的请求压缩格式：{encoding[:40]}", supported=[ZSTD])
    decompressor = zstandard.ZstdDecompressor()
    try:
        # A few kilobytes can hold gigabytes, and one `decompress` call returns them all:
        # first count the output in pieces of at most 64 KB, stopping past the limit…
        seen = 0
        for piece in decompressor.read_to_iter(io.BytesIO(body), write_size=65536):
            seen += len(piece)
            if seen > limit:
                raise ApiError(413, "request.too_large", "请求内容过大", limit=limit)
        # …then decode it whole, now known to be small, where a cut frame shows (no `eof`).
        whole = decompressor.decompressobj()
        out = whole.decompress(body)
        if not whole.eof:
            raise zstandard.ZstdError("truncated frame")
    except zstandard.ZstdError:
        raise ApiError(400, "request.bad_encoding",
                       "请求内容的压缩数据已损坏或不完整") from None
    return out
