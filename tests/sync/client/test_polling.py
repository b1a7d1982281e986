"""When the engine pulls on its own: after the stream opens, on pokes, and on its polls.

The event stream is replaced by a queue the test feeds (the in-process transport cannot
stream), and every pull reaching the server is counted.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx

from sync.client.api import Offline
from tests.sync.client.links import Hooked, answered


class Stream:
    """A fake event stream: yields what is put in; `None` closes it (as a dropped link)."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[str | None] = asyncio.Queue()
        self.opened = 0

    async def events(self) -> AsyncIterator[str]:
        self.opened += 1
        while (event := await self.queue.get()) is not None:
            yield event
        raise Offline("stream dropped")


def counting_pulls(client: Any) -> list[float]:
    """Count the client's pulls from now on (the loop time of each)."""
    pulls: list[float] = []

    async def before(request: httpx.Request) -> None:
        if request.url.path.endswith("/sync/pull"):
            pulls.append(asyncio.get_running_loop().time())

    client.link.inner = Hooked(client.link.inner, before=before)
    return pulls


async def until(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition not met in time")


async def first_round(stream: Stream, pulls: list[float]) -> None:
    """Open the stream and wait for the first round's pull (which waited for it)."""
    stream.queue.put_nowait("ready")
    await until(lambda: len(pulls) == 1)


def running(client: Any, body: Callable[[Stream], Any], *, poll: float,
            stream_poll: float) -> None:
    """Start the engine on a fake stream, run `body`, stop the engine."""
    stream = Stream()
    client.api.events = stream.events
    client.engine.poll_seconds = poll
    client.engine.stream_poll_seconds = stream_poll

    async def run() -> None:
        client.engine.start()
        try:
            await body(stream)
        finally:
            await client.engine.stop()

    client.run(run())


def test_the_first_sync_waits_for_the_stream_and_its_ready_brings_no_second_pull(
        make_client: Any) -> None:
    clerk = make_client("office.clerk")
    pulls = counting_pulls(clerk)

    async def body(stream: Stream) -> None:
        await asyncio.sleep(0.2)
        assert pulls == []  # the stream has not said ready: the first sync waits for it
        await first_round(stream, pulls)
        await asyncio.sleep(0.3)
        assert len(pulls) == 1
        # A later `ready` is a reconnection: pokes may have been lost meanwhile.
        stream.queue.put_nowait(None)
        await until(lambda: stream.opened == 2, seconds=10)
        stream.queue.put_nowait("ready")
        await until(lambda: len(pulls) == 2)

    running(clerk, body, poll=3600, stream_poll=3600)


def test_without_a_stream_the_first_sync_starts_at_once(make_client: Any) -> None:
    clerk = make_client("office.clerk")
    pulls = counting_pulls(clerk)

    async def body(stream: Stream) -> None:
        stream.queue.put_nowait(None)  # the stream cannot open
        await until(lambda: len(pulls) == 1, seconds=1.0)

    running(clerk, body, poll=3600, stream_poll=3600)


def test_a_slow_stream_does_not_hold_the_first_sync_and_its_ready_pulls_again(
        make_client: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr("sync.client.engine.FIRST_READY_WAIT_SECONDS", 0.1)
    clerk = make_client("office.clerk")
    pulls = counting_pulls(clerk)

    async def body(stream: Stream) -> None:
        await until(lambda: len(pulls) == 1)
        # The stream opens after that pull: a change between the two must not be missed.
        stream.queue.put_nowait("ready")
        await until(lambda: len(pulls) == 2)

    running(clerk, body, poll=3600, stream_poll=3600)


def test_while_the_stream_is_open_polls_stretch_and_pokes_still_pull_at_once(
        make_client: Any) -> None:
    clerk = make_client("office.clerk")
    pulls = counting_pulls(clerk)

    async def body(stream: Stream) -> None:
        await first_round(stream, pulls)
        await asyncio.sleep(0.6)  # six poll intervals
        assert len(pulls) == 1, "polled although the stream was open"
        stream.queue.put_nowait("heartbeat")
        await asyncio.sleep(0.2)
        assert len(pulls) == 1
        stream.queue.put_nowait("poke")
        await until(lambda: len(pulls) == 2, seconds=1.0)

    running(clerk, body, poll=0.1, stream_poll=3600)


def test_once_the_stream_drops_the_client_polls_again(make_client: Any) -> None:
    clerk = make_client("office.clerk")
    pulls = counting_pulls(clerk)

    async def body(stream: Stream) -> None:
        await first_round(stream, pulls)
        await asyncio.sleep(0.3)
        assert len(pulls) == 1
        stream.queue.put_nowait(None)  # reconnecting takes seconds (backoff)
        await until(lambda: len(pulls) >= 3, seconds=2.0)
        gaps = [b - a for a, b in itertools.pairwise(pulls[1:])]
        assert all(gap >= 0.09 for gap in gaps), gaps  # polls, not a busy loop

    running(clerk, body, poll=0.1, stream_poll=3600)


def test_the_stretched_poll_still_comes(make_client: Any) -> None:
    clerk = make_client("office.clerk")
    pulls = counting_pulls(clerk)

    async def body(stream: Stream) -> None:
        await first_round(stream, pulls)
        await until(lambda: len(pulls) == 2, seconds=2.0)
        assert pulls[1] - pulls[0] >= 0.45  # stream_poll, not poll

    running(clerk, body, poll=0.05, stream_poll=0.5)


def test_a_reset_reopens_the_stream_under_the_new_scopes(make_client: Any) -> None:
    clerk = make_client("office.clerk")
    reset = b'{"cursor":0,"last_mutation_id":0,"changes":[],"results":[],"has_more":true,' \
            b'"reset":true}'
    answers: list[str] = []

    async def after(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        if not request.url.path.endswith("/sync/pull"):
            return response
        answers.append("reset" if not answers else "page")
        return answered(response, reset) if answers[-1] == "reset" else response

    clerk.link.inner = Hooked(clerk.link.inner, after=after)

    async def body(stream: Stream) -> None:
        stream.queue.put_nowait("ready")
        # The user was moved: the server filed the open stream under the old unit.
        await until(lambda: stream.opened == 2)
        assert answers[0] == "reset"
        stream.queue.put_nowait("ready")  # the new stream's: pokes may have been missed
        await until(lambda: len(answers) >= 3)

    running(clerk, body, poll=3600, stream_poll=3600)
