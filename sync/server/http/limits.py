"""Request limits: no body past its limit is ever held in memory, and no text that a
database cannot store (NUL, lone surrogates) gets as far as one."""

from __future__ import annotations

from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.server.errors import ApiError, error_response
from sync.server.http.encoding import ZSTD, decode_body

TOO_LARGE = ("request.too_large", "请求内容过大")


class BodyLimit:
    """Refuse bodies over the limit with 413: by Content-Length at once, else while reading.

    The body is read here (bounded) and replayed to the app, so the limit holds for chunked
    requests too and the 413 is ours, not a parse error further in.
    """

    def __init__(self, app: ASGIApp, *, json_limit: int, chunk_limit: int,
                 chunk_prefix: str) -> None:
        self.app = app
        self.json_limit = json_limit
        self.chunk_limit = chunk_limit
        self.chunk_prefix = chunk_prefix

    def _limit(self, scope: Scope) -> int:
        upload = scope["method"] == "PATCH" and scope["path"].startswith(self.chunk_prefix)
        return self.chunk_limit if upload else self.json_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope)
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await error_response(413, *TOO_LARGE, {"limit": limit})(scope, receive, send)
            return
        body = await _read_body(receive, limit)
        if body is None:
            await error_response(413, *TOO_LARGE, {"limit": limit})(scope, receive, send)
            return
        encoding = _header(scope, b"content-encoding")
        if encoding is not None:
            try:
                body = decode_body(body, encoding, limit)
            except ApiError as error:
                await error_response(error.status, error.code, error.message,
                                     error.details)(scope, receive, send)
                return
            scope = _decoded(scope, len(body))
        await self.app(scope, replay(body, receive), _advertising(send))


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def _decoded(scope: Scope, length: int) -> Scope:
    """The request as the app sees it once its body is decoded: no Content-Encoding."""
    headers = [(k, v) for k, v in scope["headers"]
               if k not in (b"content-encoding", b"content-length")]
    headers.append((b"content-length", str(length).encode()))
    return {**scope, "headers": headers}


def _advertising(send: Send) -> Send:
    """Say on every answer that a request body may come zstd-compressed (RFC 7694)."""

    async def advertise(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            headers.append((b"accept-encoding", ZSTD.encode()))
            message = {**message, "headers": headers}
        await send(message)

    return advertise


def _content_length(scope: Scope) -> int | None:
    declared = _header(scope, b"content-length")
    try:
        return None if declared is None else int(declared)
    except ValueError:
        return None


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """Return the whole body, or None once it passes `limit` (chunked bodies have no length)."""
    parts: list[bytes] = []
    seen = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(parts)
        chunk = message.get("body", b"")
        seen += len(chunk)
        if seen > limit:
            return None
        parts.append(chunk)
        if not message.get("more_body", False):
            return b"".join(parts)


def replay(body: bytes, receive: Receive) -> Receive:
    """Return a `receive` that gives the app `body` whole, then what `receive` gives."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # later reads wait for the disconnect, as usual

    return replayed


def unstorable_text(value: Any) -> bool:
    """Whether a parsed JSON value holds a string (key or value) no database can store.

    PostgreSQL refuses U+0000 in text and JSONB, and a lone surrogate (JSON allows
    `"\\ud800"`) cannot be encoded as UTF-8 by any driver, nor answered back.
    """
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item or (not item.isascii() and not _encodable(item)):
                return True
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _encodable(text: str) -> bool:
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return True
