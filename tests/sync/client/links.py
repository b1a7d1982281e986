"""Link faults for client tests: act before a request, lose its answer, or cut a download."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import httpx

Before = Callable[[httpx.Request], Awaitable[None]]
After = Callable[[httpx.Request, httpx.Response], Awaitable[httpx.Response]]


class Hooked(httpx.AsyncBaseTransport):
    """Wraps a transport: `before` runs first (it may raise to cut the link), `after` may
    replace the answer or raise to lose it after the server has done its work."""

    def __init__(self, inner: httpx.AsyncBaseTransport, *, before: Before | None = None,
                 after: After | None = None) -> None:
        self.inner = inner
        self.before = before
        self.after = after

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.before is not None:
            await self.before(request)
        response = await self.inner.handle_async_request(request)
        if self.after is not None:
            response = await self.after(request, response)
        return response


def answered(response: httpx.Response, content: bytes) -> httpx.Response:
    """Return `response` carrying `content` as its (decoded) body: without the encoding and
    length of the body it replaces (a pull page may have come zstd-compressed)."""
    headers = [(k, v) for k, v in response.headers.multi_items()
               if k.lower() not in ("content-encoding", "content-length")]
    return httpx.Response(response.status_code, headers=headers, content=content)


def cut(request: httpx.Request) -> httpx.ConnectError:
    """Return the error of a link that dropped."""
    return httpx.ConnectError("the link dropped", request=request)


async def lose(request: httpx.Request, response: httpx.Response) -> httpx.Response:
    """Drop the answer the server already produced (it committed; the client never hears)."""
    await response.aclose()
    raise httpx.ReadError("connection reset while reading the answer", request=request)


class _Truncated(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.Response, limit: int) -> None:
        self.inner = inner
        self.limit = limit

    async def __aiter__(self) -> AsyncIterator[bytes]:
        sent = 0
        async for chunk in self.inner.aiter_raw():
            if sent + len(chunk) >= self.limit:
                yield chunk[:self.limit - sent]
                raise httpx.ReadError("connection reset mid-body")
            sent += len(chunk)
            yield chunk

    async def aclose(self) -> None:
        await self.inner.aclose()


def truncate(response: httpx.Response, limit: int) -> httpx.Response:
    """Return `response` with its body cut after `limit` bytes (a download that drops)."""
    return httpx.Response(response.status_code, headers=response.headers,
                          stream=_Truncated(response, limit))
