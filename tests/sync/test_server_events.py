"""SSE pokes: "something new" within one process, and across processes via LISTEN/NOTIFY."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from officeapp.demo import DEMO_PASSWORD, FINANCE_ID
from sync.server import create_app
from sync.server.ops import admin, migrate
from sync.server.settings import Settings
from sync.server.storage.db import make_engine
from sync.server.storage.pokes import ALL, PokeHub

from .conftest import CHEAP, Api, User

Users = Callable[[str], User]
EVENTS = "/api/v1/sync/events"


class Stream:
    """An SSE response read straight from the ASGI app, event by event."""

    def __init__(self) -> None:
        self.messages: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.buffer = ""
        self.status = 0

    async def next_event(self, timeout: float) -> str:
        """Return the name of the next event."""
        async with asyncio.timeout(timeout):
            while "\n\n" not in self.buffer:
                message = await self.messages.get()
                if message["type"] == "http.response.start":
                    self.status = message["status"]
                else:
                    self.buffer += message.get("body", b"").decode()
        block, self.buffer = self.buffer.split("\n\n", 1)
        names = [line[7:] for line in block.splitlines() if line.startswith("event: ")]
        return names[0] if names else ""

    async def events_within(self, seconds: float) -> list[str]:
        """Return every event name that arrives within `seconds`."""
        found: list[str] = []
        deadline = asyncio.get_running_loop().time() + seconds
        while (left := deadline - asyncio.get_running_loop().time()) > 0:
            try:
                found.append(await self.next_event(left))
            except TimeoutError:
                break
        return found


@asynccontextmanager
async def open_stream(app: FastAPI, token: str) -> AsyncIterator[Stream]:
    """Call GET /events on the app and hand over its stream until the block ends."""
    stream = Stream()
    gone = asyncio.Event()
    sent_request = False

    async def receive() -> dict[str, Any]:
        nonlocal sent_request
        if not sent_request:
            sent_request = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await gone.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        await stream.messages.put(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "GET", "scheme": "http", "path": EVENTS, "raw_path": EVENTS.encode(),
             "query_string": b"", "root_path": "", "server": ("testserver", 80),
             "client": ("127.0.0.1", 40000),
             "headers": [(b"host", b"testserver"),
                         (b"authorization", f"Bearer {token}".encode())]}
    task = asyncio.create_task(app(scope, receive, send))
    try:
        yield stream
    finally:
        gone.set()
        await asyncio.wait_for(task, 5)


def _countersign_for_finance(clerk: User) -> dict[str, Any]:
    doc_id = clerk.create()
    return clerk.mutation("document.act", document_id=doc_id,
                          action={"kind": "approve", "unit_ids": [FINANCE_ID]})


def test_poke_reaches_who_may_see_and_nobody_else(api: Api, app: FastAPI,
                                                  user: Users) -> None:
    clerk, finance, edu = user("office.clerk"), user("finance.clerk"), user("edu.clerk")
    mutation = _countersign_for_finance(clerk)

    async def scenario() -> tuple[list[str], list[str], float]:
        async with open_stream(app, finance.tokens["access_token"]) as seen, \
                open_stream(app, edu.tokens["access_token"]) as unseen:
            assert await seen.next_event(5) == "ready"
            assert await unseen.next_event(5) == "ready"
            started = time.monotonic()
            response = await api.client.post("/api/v1/sync/push", headers=clerk.headers,
                                             json=clerk.push_body(mutation))
            assert response.json()["results"][0]["status"] == "applied"
            while (event := await seen.next_event(5)) != "poke":
                assert event == "heartbeat"
            delay = time.monotonic() - started
            return await seen.events_within(0.5), await unseen.events_within(0.5), delay

    after, other, delay = api.run(scenario())
    assert delay < 1.0
    assert "heartbeat" in after  # every 0.2 s in tests, 20 s by default
    assert "poke" not in other  # a poke to another unit reveals nothing to this one
    assert seen_status_ok(app)


def seen_status_ok(app: FastAPI) -> bool:
    """Return whether every stream was unsubscribed when its client left."""
    return bool(app.state.server.hub.count == 0)


def test_events_need_a_login(api: Api) -> None:
    response = api.get(EVENTS)
    assert response.status_code == 401
    assert response.json()["code"] == "auth.required"


# --- across processes ----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def pg_settings(pg_url: str, tmp_path: Path) -> Iterator[Settings]:
    """A migrated, seeded PostgreSQL database shared by two server processes."""
    settings = Settings(database_url=pg_url, data_dir=tmp_path / "data", password_cost=CHEAP)
    engine = make_engine(pg_url)
    migrate.upgrade(engine)
    admin.seed_demo(engine, settings)
    engine.dispose()
    yield settings


@pytest.fixture
def other_process(pg_settings: Settings, tmp_path: Path) -> Iterator[str]:
    """A second server process on the same database; yields its base URL."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    process = subprocess.Popen(
        [sys.executable, "-m", "sync.server.ops.cli", "--database-url", pg_settings.database_url,
         "--data-dir", str(tmp_path / "other"), "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr is not None:
            process.stderr.close()


def _wait_healthy(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError("the second server process exited early")
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("the second server process did not start")


@pytest.mark.postgres
def test_poke_crosses_processes_through_listen_notify(pg_settings: Settings,
                                                      other_process: str) -> None:
    app = create_app(pg_settings)
    api = Api(app)
    try:
        tokens = {name: api.post("/api/v1/auth/login", json={
            "username": name, "password": DEMO_PASSWORD}).json()
            for name in ("office.clerk", "finance.clerk")}
        clerk = User(api, "office.clerk", tokens["office.clerk"])
        mutation = _countersign_for_finance(clerk)
        delay = api.run(_poke_via_other(other_process, tokens["finance.clerk"], api, clerk,
                                        mutation))
        assert delay < 1.0
    finally:
        api.close()
        app.state.server.close()


async def _poke_via_other(base: str, tokens: dict[str, Any], api: Api, clerk: User,
                          mutation: dict[str, Any]) -> float:
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    async with httpx.AsyncClient(base_url=base, timeout=10) as remote, \
            remote.stream("GET", EVENTS, headers=headers) as response:
        assert response.status_code == 200
        lines = response.aiter_lines()
        assert await _next_event(lines) == "ready"
        started = time.monotonic()
        pushed = await api.client.post("/api/v1/sync/push", headers=clerk.headers,
                                       json=clerk.push_body(mutation))
        assert pushed.json()["results"][0]["status"] == "applied"
        async with asyncio.timeout(5):
            while await _next_event(lines) != "poke":
                pass
        return time.monotonic() - started


async def _next_event(lines: AsyncIterator[str]) -> str:
    async for line in lines:
        if line.startswith("event: "):
            return line[7:]
    raise AssertionError("stream ended")


def test_a_poke_wakes_exactly_the_streams_under_its_scopes() -> None:
    """Streams are filed by scope: a poke wakes each stream seeing one of its scopes once,
    `ALL` wakes every stream, and a closed stream is forgotten under every scope."""

    async def scenario() -> None:
        hub = PokeHub()
        alice = hub.subscribe(frozenset({"all", "person:a", "unit:u1"}))
        bob = hub.subscribe(frozenset({"all", "person:b", "unit:u1"}))
        carol = hub.subscribe(frozenset({"all", "person:c", "unit:u2"}))

        async def woken() -> set[str]:
            await asyncio.sleep(0)  # the wake-up is scheduled on the loop
            names = {n for n, s in (("a", alice), ("b", bob), ("c", carol)) if s.event.is_set()}
            for stream in (alice, bob, carol):
                stream.event.clear()
            return names

        hub.publish(["unit:u1", "person:a"])
        assert await woken() == {"a", "b"}
        hub.publish(["person:c", "unit:elsewhere"])
        assert await woken() == {"c"}
        hub.publish([ALL])
        assert await woken() == {"a", "b", "c"}
        hub.unsubscribe(bob)
        hub.publish(["unit:u1", "all"])
        assert await woken() == {"a", "c"}
        for stream in (alice, carol):
            hub.unsubscribe(stream)
        assert hub.count == 0 and not hub._by_scope

    asyncio.run(scenario())
