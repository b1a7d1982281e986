"""Client-side fixtures: a local store and a sync engine per demo user, against the test app."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from officeapp.core.verdict import Verdict
from officeapp.demo import DEMO_PASSWORD
from officeapp.store import LocalStore
from officeapp.workflow import Action, ActionKind, Document
from sync.client import actions
from sync.client.api import Api, Connection, make_http
from sync.client.engine import SyncEngine


class Switch(httpx.AsyncBaseTransport):
    """A transport to the app that can be cut, as when the link drops."""

    def __init__(self, app: FastAPI) -> None:
        self.inner = httpx.ASGITransport(app=app)
        self.up = True

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not self.up:
            raise httpx.ConnectError("network is unreachable", request=request)
        return await self.inner.handle_async_request(request)


@dataclass
class Client:
    """One person's installation: local store, HTTP API, sync engine."""

    username: str
    store: LocalStore
    api: Api
    engine: SyncEngine
    link: Switch
    runner: asyncio.Runner

    @property
    def person_id(self) -> str:
        return f"p-{self.username}"

    def run(self, coroutine: Any) -> Any:
        return self.runner.run(coroutine)

    def sync(self) -> None:
        self.run(self.engine.sync_once())

    def act(self, document_id: str, kind: ActionKind, **kwargs: Any) -> Verdict[Document]:
        people = kwargs.pop("people", ())
        org = self.store.organisation()
        from officeapp.workflow.codec import assignee_resolver

        resolve = assignee_resolver(org)
        action = Action(kind, assignees=tuple(resolve(f"p-{p}") for p in people), **kwargs)
        return actions.act(self.store, person_id=self.person_id, document_id=document_id,
                           action=action, now=self.engine._clock())

    def todo(self) -> list[str]:
        actor = self.store.organisation().actor(self.person_id, self.engine._clock())
        return [row.id for row in self.store.inbox(actor=actor, folder="todo", limit=100)]


@pytest.fixture
def make_client(app: FastAPI, tmp_path: Path) -> Iterator[Any]:
    """Return a factory of logged-in, synced clients."""
    made: list[Client] = []

    def make(username: str, *, sync: bool = True) -> Client:
        link = Switch(app)
        http = make_http(Connection("http://testserver"), transport=link)
        api = Api(http)
        store = LocalStore.open(tmp_path / f"{username}-{len(made)}.sqlite3")
        engine = SyncEngine(api=api, store=store)
        client = Client(username, store, api, engine, link, asyncio.Runner())
        client.run(api.login(username, DEMO_PASSWORD))
        store.record_person(client.person_id)
        made.append(client)
        if sync:
            client.sync()
        return client

    yield make
    for client in made:
        client.run(client.api.http.aclose())
        client.runner.close()
        client.store.close()
