"""Version skew: a client a version behind or ahead of the server is told what to do.

The client names its protocol (`schema_version`) in every push and pull, and a version per
mutation. The server serves protocols `OLDEST_SCHEMA_VERSION`..`SCHEMA_VERSION`; outside them
it refuses the whole request with 409 and a stable code, before anything is applied:
`sync.client_too_old` (upgrade the client) or `sync.schema_unsupported` (upgrade the server
first). The engine turns either into `SyncStatus.upgrade` with a message, keeps the outbox,
and does not retry in a loop. Another release is played by changing the app's constants.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from officeapp.demo import DEMO_PASSWORD
from officeapp.store import LocalStore
from sync import protocol
from sync.client import actions
from sync.client import engine as engine_module
from sync.client.api import Api, Connection, UpgradeRequired, make_http
from sync.client.engine import SERVER_UPGRADE_WAIT_SECONDS, UPGRADE_MESSAGES, SyncEngine
from sync.protocol import (
    CLIENT_TOO_OLD,
    OLDEST_SCHEMA_VERSION,
    SCHEMA_VERSION,
    SERVER_TOO_OLD,
)
from sync.server import errors

from .conftest import NOTICE, User
from .conftest import Api as AppClient

PUSH, PULL = "/api/v1/sync/push", "/api/v1/sync/pull"


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """SQLite only: the versions are checked before the database is touched."""
    return f"sqlite:///{tmp_path / 'server.sqlite3'}"


def server_speaks(monkeypatch: pytest.MonkeyPatch, newest: int, oldest: int) -> None:
    """Make the app under test a server of another release, serving protocols
    `oldest`..`newest` (this process's client keeps the protocol it imported)."""
    monkeypatch.setattr(protocol, "SCHEMA_VERSION", newest)
    monkeypatch.setattr(protocol, "OLDEST_SCHEMA_VERSION", oldest)
    monkeypatch.setattr(errors, "SCHEMA_VERSION", newest)  # check_schema's own copy


def _post(who: User, path: str, body: dict[str, Any]) -> httpx.Response:
    response: httpx.Response = who.api.post(path, json=body, headers=who.headers)
    return response


def _pull_body(who: User, version: int) -> dict[str, Any]:
    return {"client_id": who.client_id, "cursor": 0, "schema_version": version}


def _refusal(response: httpx.Response, code: str, side: str) -> dict[str, Any]:
    assert response.status_code == 409, response.text
    body: dict[str, Any] = response.json()
    assert (body["code"], body["details"]["upgrade"]) == (code, side)
    assert "升级" in body["message"]
    return body


# --- the server --------------------------------------------------------------------------


def new_id() -> str:
    """A fresh id of a record a client creates (a random UUIDv4)."""
    return actions.new_document_id()


def test_the_previous_and_the_current_protocol_are_both_served(
        user: Callable[[str], User]) -> None:
    clerk = user("office.clerk")
    for version in sorted({OLDEST_SCHEMA_VERSION, SCHEMA_VERSION}):
        body = clerk.push_body(clerk.mutation("document.act", document_id="x", action={}))
        assert _post(clerk, PUSH, {**body, "schema_version": version}).status_code == 200
        assert _post(clerk, PULL, _pull_body(clerk, version)).status_code == 200


def test_a_client_too_old_is_told_to_upgrade_itself_and_nothing_is_applied(
        user: Callable[[str], User], monkeypatch: pytest.MonkeyPatch) -> None:
    clerk = user("office.clerk")
    server_speaks(monkeypatch, SCHEMA_VERSION + 1, SCHEMA_VERSION + 1)
    draft = clerk.mutation("document.create_outgoing", document_id=new_id(),
                           fields=NOTICE)
    body = {**clerk.push_body(draft), "schema_version": SCHEMA_VERSION}
    refused = _refusal(_post(clerk, PUSH, body), CLIENT_TOO_OLD, "client")
    assert refused["message"].startswith("客户端版本过旧")
    assert refused["details"] == {"upgrade": "client", "client": SCHEMA_VERSION,
                                  "server": SCHEMA_VERSION + 1, "oldest": SCHEMA_VERSION + 1}
    _refusal(_post(clerk, PULL, _pull_body(clerk, SCHEMA_VERSION)), CLIENT_TOO_OLD, "client")
    monkeypatch.undo()
    # Nothing was applied: the upgraded client sends the same mutation id 1 and it applies.
    assert _post(clerk, PUSH, clerk.push_body(draft)).json()["results"][0]["status"] == "applied"


def test_an_old_mutator_version_turns_its_client_away_before_anything_applies(
        user: Callable[[str], User], monkeypatch: pytest.MonkeyPatch) -> None:
    clerk = user("office.clerk")
    older = replace(protocol.MUTATORS["document.act"], version=2, oldest=2)
    monkeypatch.setitem(protocol.MUTATORS, "document.act", older)
    document_id = new_id()
    draft = clerk.mutation("document.create_outgoing", document_id=document_id, fields=NOTICE)
    send = clerk.mutation("document.act", document_id=document_id,
                          action={"kind": "approve", "expected_step": "draft"})
    _refusal(_post(clerk, PUSH, clerk.push_body(draft, send)), CLIENT_TOO_OLD, "client")
    assert clerk.pull()["last_mutation_id"] == 0  # the draft before it was not applied either


def test_a_client_ahead_is_told_the_server_must_be_upgraded_first(
        user: Callable[[str], User]) -> None:
    clerk = user("office.clerk")
    body = {**clerk.push_body(clerk.mutation("document.act", document_id="x", action={})),
            "schema_version": SCHEMA_VERSION + 1}
    refused = _refusal(_post(clerk, PUSH, body), SERVER_TOO_OLD, "server")
    assert "先升级服务器" in refused["message"]
    _refusal(_post(clerk, PULL, _pull_body(clerk, SCHEMA_VERSION + 1)), SERVER_TOO_OLD,
             "server")
    assert clerk.pull()["last_mutation_id"] == 0


def test_a_caller_without_a_login_hears_401_whatever_its_version(api: AppClient) -> None:
    stranger = {"Authorization": "Bearer " + "x" * 32}
    version = SCHEMA_VERSION + 1
    pull_body = {"client_id": "client-stranger", "cursor": 0, "schema_version": version}
    push_body = {"client_id": "client-stranger", "schema_version": version, "mutations": [
        {"id": 1, "name": "document.act", "v": 1, "args": {}}]}
    for path, body in ((PULL, pull_body), (PUSH, push_body)):
        response = api.post(path, json=body, headers=stranger)
        assert response.status_code == 401, (path, response.text)


# --- the client engine -------------------------------------------------------------------


@dataclass
class Laptop:
    """office.clerk's installation, synced once while both sides agree."""

    store: LocalStore
    engine: SyncEngine
    runner: asyncio.Runner
    sent: list[str]  # the path of every request, in order

    def run(self, awaitable: Any) -> Any:
        return self.runner.run(_wrap(awaitable))

    def draft(self) -> str:
        return actions.draft_outgoing(self.store, person_id="p-office.clerk",
                                      fields=NOTICE, now=self.store.corrected_now()).id

    def pushes(self) -> int:
        return self.sent.count(PUSH)


async def _wrap(awaitable: Any) -> Any:
    return await awaitable


@pytest.fixture
def laptop(app: FastAPI, tmp_path: Path) -> Iterator[Laptop]:
    """The clerk's client against the app, through the real HTTP client."""
    sent: list[str] = []

    async def note(request: httpx.Request) -> None:
        sent.append(request.url.path)

    http = make_http(Connection("http://testserver"), transport=httpx.ASGITransport(app=app))
    http.event_hooks["request"].append(note)
    api = Api(http)
    store = LocalStore.open(tmp_path / "clerk.sqlite3")
    runner = asyncio.Runner()
    made = Laptop(store, SyncEngine(api=api, store=store), runner, sent)
    made.run(api.login("office.clerk", DEMO_PASSWORD))
    store.record_person("p-office.clerk")
    made.run(made.engine.sync_once())
    try:
        yield made
    finally:
        made.run(http.aclose())
        runner.close()
        store.close()


def test_a_client_too_old_says_so_keeps_its_outbox_and_stops_trying(
        laptop: Laptop, monkeypatch: pytest.MonkeyPatch) -> None:
    server_speaks(monkeypatch, SCHEMA_VERSION + 1, SCHEMA_VERSION + 1)  # the next release
    document_id = laptop.draft()
    with pytest.raises(UpgradeRequired) as refused:
        laptop.run(laptop.engine.sync_once())
    assert refused.value.side == "client"
    status = laptop.engine.status
    assert (status.upgrade, status.error, status.syncing) == (
        "client", UPGRADE_MESSAGES["client"], False)
    assert laptop.store.pending_count() == 1 and laptop.store.rejections() == []
    assert laptop.store.get_document(document_id) is not None
    # The background loop makes one more attempt and ends: retrying cannot help.
    before = laptop.pushes()
    laptop.run(asyncio.wait_for(laptop.engine._loop(), 5))
    assert laptop.pushes() == before + 1
    # The person installs the new client (it speaks the new protocol): the work goes up.
    monkeypatch.setattr(engine_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    laptop.run(laptop.engine.sync_once())
    assert laptop.store.pending_count() == 0 and laptop.store.rejections() == []
    assert (laptop.engine.status.upgrade, laptop.engine.status.error) == (None, None)


def test_a_client_ahead_says_upgrade_the_server_keeps_its_outbox_and_waits(
        laptop: Laptop, monkeypatch: pytest.MonkeyPatch) -> None:
    # The server is a release behind this client (as wave 1's is behind this one).
    server_speaks(monkeypatch, SCHEMA_VERSION - 1, min(OLDEST_SCHEMA_VERSION,
                                                       SCHEMA_VERSION - 1))
    document_id = laptop.draft()
    with pytest.raises(UpgradeRequired) as refused:
        laptop.run(laptop.engine.sync_once())
    assert refused.value.side == "server"
    status = laptop.engine.status
    assert (status.upgrade, status.error) == ("server", UPGRADE_MESSAGES["server"])
    assert laptop.store.pending_count() == 1 and laptop.store.rejections() == []
    assert laptop.store.get_document(document_id) is not None  # not rejected, not lost
    # The loop waits the long interval, not a quick backoff that climbs.
    waits: list[float] = []

    async def sleep(delay: float, *, stretch: bool = False) -> None:
        assert not stretch  # a refused round is not stretched by an open stream
        waits.append(delay)
        laptop.engine._stopping = True

    monkeypatch.setattr(laptop.engine, "_sleep", sleep)
    laptop.run(laptop.engine._loop())
    assert waits == [SERVER_UPGRADE_WAIT_SECONDS]
    # The administrator upgrades the server; the next round sends the work.
    monkeypatch.undo()
    laptop.engine._stopping = False
    laptop.run(laptop.engine.sync_once())
    assert laptop.store.pending_count() == 0 and laptop.store.rejections() == []
    assert laptop.engine.status.upgrade is None
    pulled = laptop.store.get_document(document_id)
    assert pulled is not None and pulled.created_by == "p-office.clerk"
