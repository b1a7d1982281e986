"""Fixtures for the server tests: a migrated, seeded database on SQLite and on PostgreSQL,
the app called through httpx's ASGI transport, and logged-in demo users."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI

from officeapp.demo import DEMO_PASSWORD, FINANCE_ID
from sync.server import create_app
from sync.server.ops import admin, migrate
from sync.server.settings import PasswordCost, Settings
from sync.server.storage.db import make_engine

PG_ADMIN_URL = os.environ.get("OFFICEAPP_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
CHEAP = PasswordCost(time_cost=1, memory_cost=8192, parallelism=1)

NOTICE: dict[str, Any] = {
    "doc_type": "通知",
    "title": "关于做好2027年元旦春节期间有关工作的通知",
    "main_recipients": [FINANCE_ID],
    "body": "各单位：\n\n为切实做好元旦春节期间各项工作，现将有关事项通知如下。",
    "agency_code": "萍府办发",
}


class Clock:
    """The server's clock in tests: real time, shifted on demand."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, delta: timedelta) -> None:
        self.offset += delta


def _pg_admin() -> sa.Engine:
    return sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)


def _pg_reachable() -> str | None:
    engine = _pg_admin()
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("select 1"))
        return None
    except sa.exc.OperationalError as error:
        return str(error.orig)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def pg_problem() -> str | None:
    """Why PostgreSQL cannot be used, or None."""
    return _pg_reachable()


def require_postgres(problem: str | None) -> None:
    """Skip (locally) or fail (under CI=true) when PostgreSQL is unreachable."""
    if problem is None:
        return
    message = f"PostgreSQL at 127.0.0.1:5432 unreachable: {problem}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def pg_url(pg_problem: str | None) -> Iterator[str]:
    """A fresh, empty PostgreSQL database, dropped afterwards."""
    require_postgres(pg_problem)
    name = f"officeapp_test_{uuid.uuid4().hex[:12]}"
    engine = _pg_admin()
    with engine.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.sqlite3'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def clock() -> Clock:
    """The server clock of the test."""
    return Clock()


@pytest.fixture
def settings(database_url: str, tmp_path: Path, clock: Clock) -> Settings:
    """Server settings for tests: cheap password hashing, a quick heartbeat."""
    return Settings(database_url=database_url, data_dir=tmp_path / "data", password_cost=CHEAP,
                    heartbeat_interval=0.2, clock=clock)


@pytest.fixture
def engine(settings: Settings) -> Iterator[sa.Engine]:
    """The migrated, demo-seeded database."""
    engine = make_engine(settings.database_url)
    migrate.upgrade(engine)
    admin.seed_demo(engine, settings)
    yield engine
    engine.dispose()


@pytest.fixture
def app(settings: Settings, engine: sa.Engine) -> Iterator[FastAPI]:
    """The server app on the test database."""
    app = create_app(settings, engine=engine)
    yield app
    app.state.server.notifier.close()


class Api:
    """A synchronous face on httpx.AsyncClient over the ASGI transport."""

    def __init__(self, app: FastAPI, address: str = "127.0.0.1") -> None:
        self.runner = asyncio.Runner()
        transport = httpx.ASGITransport(app=app, client=(address, 40000))
        self.client = httpx.AsyncClient(transport=transport, base_url="http://testserver")

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self.runner.run(self.client.request(method, url, **kwargs))

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def run(self, awaitable: Awaitable[Any]) -> Any:
        return self.runner.run(_wrap(awaitable))

    def close(self) -> None:
        self.runner.run(self.client.aclose())
        self.runner.close()


async def _wrap(awaitable: Awaitable[Any]) -> Any:
    return await awaitable


@pytest.fixture
def api(app: FastAPI) -> Iterator[Api]:
    """A client of the app."""
    client = Api(app)
    yield client
    client.close()


@dataclass
class User:
    """A logged-in demo user with one client installation and its outbox counter."""

    api: Api
    username: str
    tokens: dict[str, Any]
    client_id: str = field(default_factory=lambda: f"client-{uuid.uuid4()}")
    next_id: int = 1
    cursor: int = 0
    mirror: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    results: list[dict[str, Any]] = field(default_factory=list)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens['access_token']}"}

    @property
    def person_id(self) -> str:
        return str(self.tokens["person"]["id"])

    def relogin(self) -> None:
        """Log in again (after the test clock jumped past the token's life)."""
        response = login(self.api, self.username)
        assert response.status_code == 200, response.text
        self.tokens = response.json()

    def mutation(self, name: str, **args: Any) -> dict[str, Any]:
        """Return the next outbox mutation (and count it)."""
        mutation = {"id": self.next_id, "name": name, "v": 1, "args": args}
        self.next_id += 1
        return mutation

    def push_body(self, *mutations: dict[str, Any]) -> dict[str, Any]:
        return {"client_id": self.client_id, "schema_version": 1, "mutations": list(mutations)}

    def push(self, *mutations: dict[str, Any]) -> httpx.Response:
        return self.api.post("/api/v1/sync/push", json=self.push_body(*mutations),
                             headers=self.headers)

    def push_one(self, name: str, **args: Any) -> dict[str, Any]:
        """Push one new mutation and return its result."""
        response = self.push(self.mutation(name, **args))
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()["results"][0]
        return result

    def create(self, **fields: Any) -> str:
        """Draft a 发文 and return its id."""
        document_id = str(uuid.uuid4())
        result = self.push_one("document.create_outgoing", document_id=document_id,
                               fields={**NOTICE, **fields})
        assert result["status"] == "applied", result
        return document_id

    def act(self, document_id: str, kind: str, **action: Any) -> dict[str, Any]:
        """Push one action on a document and return its result."""
        return self.push_one("document.act", document_id=document_id,
                             action={"kind": kind, **action})

    def ok(self, document_id: str, kind: str = "approve", **action: Any) -> None:
        result = self.act(document_id, kind, **action)
        assert result["status"] == "applied", result

    def pull(self, cursor: int | None = None, limit: int = 500) -> dict[str, Any]:
        body = {"client_id": self.client_id, "schema_version": 1,
                "cursor": self.cursor if cursor is None else cursor, "limit": limit}
        response = self.api.post("/api/v1/sync/pull", json=body, headers=self.headers)
        assert response.status_code == 200, response.text
        page: dict[str, Any] = response.json()
        return page

    def sync(self, limit: int = 500) -> dict[str, Any]:
        """Pull until there is no more, applying pages to the mirror; return the last page."""
        while True:
            page = self.pull(limit=limit)
            if page["reset"]:
                self.mirror.clear()
                self.cursor = 0
                continue
            for change in page["changes"]:
                key = (change["kind"], change["id"])
                if change["op"] == "put":
                    self.mirror[key] = change["data"]
                else:
                    self.mirror.pop(key, None)
            self.results += page["results"]
            assert page["cursor"] >= self.cursor
            self.cursor = page["cursor"]
            if not page["has_more"]:
                return page

    def documents(self) -> dict[str, dict[str, Any]]:
        """Return the mirrored documents by id."""
        return {k[1]: v for k, v in self.mirror.items() if k[0] == "document"}

    def doc(self, document_id: str) -> dict[str, Any]:
        self.sync()
        return self.documents()[document_id]


def login(api: Api, username: str, password: str = DEMO_PASSWORD) -> httpx.Response:
    """Post a login."""
    return api.post("/api/v1/auth/login", json={"username": username, "password": password})


@pytest.fixture
def user(api: Api) -> Callable[[str], User]:
    """Log a demo user in: user("office.clerk")."""

    def make(username: str) -> User:
        response = login(api, username)
        assert response.status_code == 200, response.text
        return User(api, username, response.json())

    return make


def walk_to(user: Callable[[str], User], step: str, **fields: Any) -> tuple[str, User]:
    """Draft a notice as office.clerk and approve it up to `step`; return its id and clerk."""
    route = [("draft", "office.clerk"), ("review", "office.reviewer"), ("sign", "office.leader"),
             ("number", "office.clerk"), ("seal", "office.clerk"), ("issue", "office.clerk")]
    clerk = user("office.clerk")
    document_id = clerk.create(**fields)
    people = {"office.clerk": clerk}
    for key, who in route:
        if key == step:
            return document_id, clerk
        actor = people.setdefault(who, user(who))
        actor.ok(document_id, "approve", expected_step=key)
    assert step == "done"
    return document_id, clerk


__all__ = ["NOTICE", "Api", "Clock", "User", "login", "walk_to"]
