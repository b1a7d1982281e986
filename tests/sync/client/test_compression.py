"""zstd seen from the client: pushes go compressed only to a server that said it reads them,
and a damaged or truncated compressed page is refused cleanly and fetched again."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import zstandard

from officeapp.workflow import ActionKind
from sync.client.api import ApiError

from .conftest import Client
from .links import Hooked
from .test_faults import NOTICE, draft


def _watch_pushes(client: Client, *, advertise: bool = True) -> list[httpx.Request]:
    """Keep every push request; with `advertise` False, hide the server's Accept-Encoding
    (an older server that never said it reads compressed bodies)."""
    seen: list[httpx.Request] = []

    async def before(request: httpx.Request) -> None:
        if request.url.path.endswith("/sync/push"):
            seen.append(request)

    async def after(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        if not advertise:
            del response.headers["accept-encoding"]
        return response

    client.link.inner = Hooked(client.link.inner, before=before, after=after)
    return seen


def _long_draft(client: Client) -> str:
    return draft(client, body=NOTICE["body"] + "请各单位认真贯彻执行。" * 200)


def test_a_push_goes_compressed_once_the_server_said_it_reads_zstd(
        make_client: Any) -> None:
    clerk: Client = make_client("office.clerk")
    pushes = _watch_pushes(clerk)
    document_id = _long_draft(clerk)
    clerk.sync()
    (request,) = pushes
    assert request.headers["content-encoding"] == "zstd"
    sent = json.loads(zstandard.ZstdDecompressor().decompressobj().decompress(request.content))
    assert sent["mutations"][0]["args"]["document_id"] == document_id
    assert clerk.store.pending_count() == 0
    reviewer: Client = make_client("office.clerk")
    assert reviewer.store.get_document(document_id).body.endswith("请各单位认真贯彻执行。")


def test_an_older_server_gets_plain_json(make_client: Any) -> None:
    clerk: Client = make_client("office.clerk")
    clerk.api.server_reads_zstd = False  # as a client that has only met an older server
    pushes = _watch_pushes(clerk, advertise=False)
    _long_draft(clerk)
    clerk.sync()
    (request,) = pushes
    assert "content-encoding" not in request.headers
    assert json.loads(request.content)["mutations"]


def _damage(kind: str) -> Any:
    """An `after` hook that spoils the first compressed pull page it sees, once."""
    spoiled: list[bool] = []

    async def after(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        if (spoiled or not request.url.path.endswith("/sync/pull")
                or response.headers.get("content-encoding") != "zstd"):
            return response
        spoiled.append(True)
        if kind == "truncated":
            raw = b"".join([part async for part in response.aiter_raw()])
            return httpx.Response(response.status_code, headers=response.headers,
                                  content=raw[: len(raw) // 2])
        raw = bytearray(b"".join([part async for part in response.aiter_raw()]))
        for offset in range(20, len(raw), 7):
            raw[offset] ^= 0x5A
        return httpx.Response(response.status_code, headers=response.headers,
                              content=bytes(raw))

    return after


@pytest.mark.parametrize("kind", ["damaged", "truncated"])
def test_a_spoiled_compressed_page_is_refused_and_fetched_again(make_client: Any,
                                                                kind: str) -> None:
    clerk: Client = make_client("office.clerk")
    for _ in range(3):
        clerk.act(draft(clerk), ActionKind.APPROVE, opinion="请核稿")
    clerk.sync()
    reviewer: Client = make_client("office.reviewer", sync=False)
    reviewer.link.inner = Hooked(reviewer.link.inner, after=_damage(kind))
    with pytest.raises(ApiError) as refused:
        reviewer.sync()
    assert refused.value.code == "client.bad_encoding" and refused.value.retryable
    assert reviewer.engine.status.error and reviewer.engine.status.online is False
    assert reviewer.store.get_cursor() == 0  # nothing of the spoiled page was applied
    reviewer.sync()  # the next round asks again from the same cursor
    assert len(reviewer.todo()) == 3
