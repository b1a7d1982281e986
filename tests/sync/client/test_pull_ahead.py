"""The next page is asked for from the first bytes of an answer (`pages.next_cursor`), so that
on a slow link two answers are in flight; a hint the checked envelope contradicts is dropped.

`_Ahead` is driven here by a fake `_fetch` whose answers the test releases one by one, and the
whole engine against the test app, with every pull counted while it is open.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from sync.client.api import LoginRequired
from sync.client.engine import SyncEngine, _Ahead
from sync.client.pages import next_cursor
from sync.protocol import SCHEMA_VERSION, PullRequest
from sync.server.storage.pull import _page
from tests.sync.client.links import Hooked, answered


@pytest.mark.parametrize(("prefix", "cursor"), [
    (b'{"has_more":true,"reset":false,"cursor":1000,"last_mutation_id":0,"changes":[', 1000),
    (b'{"has_more":true,"reset":false,"cursor":7,', 7),
    # No more, a reset, another order of keys, spaces, a cut number, a huge one: no hint.
    (b'{"has_more":false,"reset":false,"cursor":1000,"last_mutation_id":0,', None),
    (b'{"has_more":true,"reset":true,"cursor":0,"last_mutation_id":0,', None),
    (b'{"cursor":1000,"last_mutation_id":0,"changes":[],"has_more":true', None),
    (b'{"has_more": true, "reset": false, "cursor": 1000,', None),
    (b'{"has_more":true,"reset":false,"cursor":10', None),
    (b'{"has_more":true,"reset":false,"cursor":1234567890123456789012,', None),
    (b'', None),
    (b'\xff\xfe not json', None),
])
def test_the_next_cursor_is_read_only_from_the_envelope_our_server_writes_first(
        prefix: bytes, cursor: int | None) -> None:
    assert next_cursor(prefix) == cursor


def test_the_server_writes_the_envelope_first() -> None:
    for has_more, reset in ((True, False), (False, False), (True, True)):
        page = _page(1234, 5, has_more=has_more, reset=reset).encode()
        assert next_cursor(page[:96]) == (1234 if has_more and not reset else None)


class FakeFetches:
    """Stands for the engine's `_fetch`: records each request; the test answers them."""

    def __init__(self) -> None:
        self.asked: list[int] = []
        self.waiting: dict[int, asyncio.Future[bytes]] = {}
        self.prefix: dict[int, Callable[[bytes], None] | None] = {}
        self.cancelled: list[int] = []

    async def _fetch(self, _client_id: str, cursor: int,
                     on_prefix: Callable[[bytes], None] | None = None) -> bytes:
        self.asked.append(cursor)
        self.prefix[cursor] = on_prefix
        self.waiting[cursor] = asyncio.get_running_loop().create_future()
        try:
            return await self.waiting[cursor]
        except asyncio.CancelledError:
            self.cancelled.append(cursor)
            raise

    def begin(self, cursor: int, next_at: int | None) -> None:
        """The first bytes of the answer for `cursor` arrive, naming `next_at` (or no more)."""
        told = self.prefix[cursor]
        assert told is not None
        told(_page(next_at or 0, 0, has_more=next_at is not None, reset=False).encode()[:96])

    def end(self, cursor: int) -> None:
        self.waiting[cursor].set_result(f"page {cursor}".encode())


def run(test: Callable[[FakeFetches, _Ahead], Any]) -> FakeFetches:
    fetches = FakeFetches()

    async def main() -> None:
        await test(fetches, _Ahead(fetches, "client-1"))  # type: ignore[arg-type]

    asyncio.run(main())
    return fetches


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def test_the_page_after_is_asked_for_when_the_first_bytes_name_it() -> None:
    async def test(fetches: FakeFetches, ahead: _Ahead) -> None:
        await ahead.ask(0)
        await settle()
        fetches.begin(0, 1000)  # page 0 still arriving: page 1000 is asked for already
        await settle()
        assert fetches.asked == [0, 1000]
        fetches.end(0)
        assert await ahead.take() == b"page 0"
        await ahead.ask(1000)  # what the checked envelope says: the early request is kept
        fetches.begin(1000, 2000)
        await settle()
        fetches.end(1000)
        assert await ahead.take() == b"page 1000"
        await ahead.ask(2000)
        fetches.begin(2000, None)  # the last page names no next one
        fetches.end(2000)
        assert await ahead.take() == b"page 2000"
        await ahead.drop()

    fetches = run(test)
    assert fetches.asked == [0, 1000, 2000] and not fetches.cancelled


def test_a_hint_the_envelope_contradicts_is_dropped_and_the_right_page_asked_for() -> None:
    async def test(fetches: FakeFetches, ahead: _Ahead) -> None:
        await ahead.ask(0)
        await settle()
        fetches.begin(0, 999)
        await settle()
        fetches.end(0)
        assert await ahead.take() == b"page 0"
        await ahead.ask(1000)  # the envelope, read whole, says 1000
        await settle()
        assert fetches.cancelled == [999]
        fetches.end(1000)
        assert await ahead.take() == b"page 1000"

    fetches = run(test)
    assert fetches.asked == [0, 999, 1000]


def test_never_more_than_two_answers_wait_and_a_hint_told_meanwhile_is_kept() -> None:
    async def test(fetches: FakeFetches, ahead: _Ahead) -> None:
        await ahead.ask(0)
        await settle()
        fetches.begin(0, 1000)
        await settle()
        fetches.begin(1000, 2000)  # page 1000 starts before page 0 is taken
        await settle()
        assert fetches.asked == [0, 1000]  # two wait: 2000 is held, not asked
        fetches.end(0)
        assert await ahead.take() == b"page 0"
        await settle()
        assert fetches.asked == [0, 1000, 2000]  # one waits now: the held hint is asked
        await ahead.ask(1000)
        fetches.end(1000)
        assert await ahead.take() == b"page 1000"
        await ahead.drop()  # the pull ends (or fails): what was asked for is cancelled

    fetches = run(test)
    assert fetches.cancelled == [2000]


def test_a_hint_from_an_answer_no_longer_wanted_asks_for_nothing() -> None:
    async def test(fetches: FakeFetches, ahead: _Ahead) -> None:
        await ahead.ask(0)
        await settle()
        told = fetches.prefix[0]
        await ahead.ask(500)  # the loop wants another page: 0 is dropped
        assert told is not None
        told(_page(1000, 0, has_more=True, reset=False).encode()[:96])
        await settle()
        assert fetches.asked == [0, 500]
        await ahead.drop()

    run(test)


class Slow(httpx.AsyncByteStream):
    """An answer that arrives in two parts, counted as open until it is read and closed."""

    def __init__(self, body: bytes, open_pulls: list[int]) -> None:
        self.body = body
        self.open_pulls = open_pulls

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.body[:200]
        await asyncio.sleep(0.02)  # the rest of the answer on its way over the link
        yield self.body[200:]

    async def aclose(self) -> None:
        self.open_pulls[0] -= 1


def test_an_initial_sync_keeps_two_pulls_in_flight_and_asks_for_each_page_once(
        make_client: Any) -> None:
    clerk = make_client("office.clerk")
    reviewer = make_client("office.reviewer", sync=False)
    open_pulls, most, cursors = [0], [0], []

    async def before(request: httpx.Request) -> None:
        if request.url.path.endswith("/sync/pull"):
            cursors.append(int(json.loads(request.content)["cursor"]))
            open_pulls[0] += 1
            most[0] = max(most[0], open_pulls[0])

    async def after(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        if not request.url.path.endswith("/sync/pull"):
            return response
        # Sent as it is (not compressed), so that its first bytes can be read early.
        plain = answered(response, await response.aread())
        return httpx.Response(plain.status_code, headers=plain.headers,
                              stream=Slow(plain.content, open_pulls))

    reviewer.link.inner = Hooked(reviewer.link.inner, before=before, after=after)
    reviewer.engine = SyncEngine(api=reviewer.api, store=reviewer.store, page_size=3)
    reviewer.sync()
    assert len(cursors) > 4 and most[0] == 2
    assert len(cursors) == len(set(cursors))  # no page asked for twice, none wasted
    assert reviewer.store.get_cursor() == clerk.store.get_cursor()
    assert reviewer.store.organisation().people.keys() == clerk.store.organisation().people.keys()


def test_a_streamed_pull_with_a_stale_token_refreshes_once_and_is_read_whole(
        make_client: Any) -> None:
    clerk = make_client("office.clerk")
    api = clerk.api
    spent = api.refresh_token
    api.access_token = "stale"  # the server answers 401, as for an expired token
    told: list[bytes] = []
    request = PullRequest(client_id="client-test-1", cursor=0, schema_version=SCHEMA_VERSION)
    body = clerk.run(api.pull_raw(request, told.append))
    assert api.access_token != "stale" and api.refresh_token != spent
    assert json.loads(body)["cursor"] > 0 and told == [body[:96]]


def test_a_streamed_pull_whose_login_is_gone_asks_for_a_login(make_client: Any) -> None:
    clerk = make_client("office.clerk")
    api = clerk.api
    api.access_token, api.refresh_token = "stale", None
    request = PullRequest(client_id="client-test-1", cursor=0, schema_version=SCHEMA_VERSION)
    with pytest.raises(LoginRequired):
        clerk.run(api.pull_raw(request, lambda _: None))
