"""Schemathesis over the server's own OpenAPI description: no request it can build gets a 5xx,
and every answer matches the schema the server publishes.

Each operation is one test item per database, called in-process on the ASGI app of the
`app` fixture with a logged-in demo user's bearer token. The run is bounded and repeatable:
derandomized, 25 generated examples per operation (plus schemathesis' deterministic coverage
cases), and the event stream is cut after its first event.

The schema is loaded eagerly (`SCHEMA.parametrize()`), not through `schemathesis.pytest.
from_fixture`: the lazy variant writes pytest's private `Node._nodeid`, gone in pytest 9.2.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
import schemathesis
import sqlalchemy as sa
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import response_schema_conformance

from sync.server import create_app
from sync.server.settings import Settings

from .conftest import CHEAP, Api, User, login

Users = Callable[[str], User]
BLOBS = "/api/v1/blobs"
# Operations anyone may call; every other one is called with a valid bearer token and then
# must not answer 401.
PUBLIC = {"/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/health"}


def _openapi() -> dict[str, Any]:
    """The schema the server serves at /openapi.json (building it touches no database)."""
    app = create_app(Settings(password_cost=CHEAP), engine=sa.create_engine("sqlite://"))
    served: dict[str, Any] = app.openapi()
    return served


# An explicit config, so a schemathesis.toml lying around cannot change the run; the SSE
# stream is cut after its first event (`ready`), so an example never waits for a heartbeat.
CONFIG = SchemathesisConfig.from_dict({"max-stream-events": 1})
SCHEMA = schemathesis.openapi.from_dict(_openapi(), config=CONFIG)


@dataclass
class Stage:
    """What the operations are called against: a logged-in clerk and two known blobs."""

    api: Api
    clerk: User
    blobs: tuple[str, ...]

    def fresh_login(self) -> dict[str, Any]:
        """A new login of the clerk (for logout and refresh, which spend tokens)."""
        response = login(self.api, "office.clerk")
        assert response.status_code == 200, response.text
        tokens: dict[str, Any] = response.json()
        return tokens


@pytest.fixture
def stage(api: Api, user: Users) -> Stage:
    """A clerk with a complete blob attached to a visible document and a half-uploaded one."""
    clerk = user("office.clerk")
    blobs = []
    for seed, uploaded in ((1, 1000), (2, 400)):
        data = random.Random(seed).randbytes(1000)
        sha = hashlib.sha256(data).hexdigest()
        api.post(BLOBS, json={"sha256": sha, "size": len(data)}, headers=clerk.headers)
        response = api.request("PATCH", f"{BLOBS}/{sha}", content=data[:uploaded],
                               headers={**clerk.headers, "Upload-Offset": "0"})
        assert response.status_code == 200, response.text
        blobs.append(sha)
    clerk.create(attachments=[{"name": "附件.pdf", "sha256": blobs[0], "size": 1000}])
    return Stage(api, clerk, tuple(blobs))


def _asgi(app: FastAPI) -> Any:
    """The app without its lifespan: the `app` fixture owns the server's life, not the run."""

    async def asgi(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "lifespan":
            await app(scope, receive, send)

    return asgi


def _aim(case: Any, stage: Stage) -> dict[str, str]:
    """Point some cases at things that exist, and return the headers to send."""
    headers = stage.clerk.headers
    path = case.operation.path
    sha = (case.path_parameters or {}).get("sha256")
    if isinstance(sha, str) and re.fullmatch("[0-7][0-9a-f]{63}", sha):
        # Half the well-formed hashes become the stored blobs, so HEAD, PATCH and ranged GET
        # reach real rows and files rather than answering 404 every time.
        case.path_parameters["sha256"] = stage.blobs[int(sha[:1], 16) % len(stage.blobs)]
    if path == "/api/v1/auth/logout":
        tokens = stage.fresh_login()  # logging out the clerk would end every later case
        headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    elif (path == "/api/v1/auth/refresh" and isinstance(case.body, dict)
          and isinstance(case.body.get("refresh_token"), str)
          and len(case.body["refresh_token"]) % 2 == 0):
        case.body["refresh_token"] = stage.fresh_login()["refresh_token"]
    return headers


@SCHEMA.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_no_request_gets_a_server_error(case: Any, app: FastAPI, stage: Stage) -> None:
    headers = _aim(case, stage)
    response = case.call(app=_asgi(app), headers=headers)
    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance],
                           headers=headers)
    sent = response.request.headers.get("Authorization")
    if case.operation.path not in PUBLIC and sent == headers["Authorization"]:
        # Authenticated cases must reach the handler (the coverage phase also sends none).
        assert response.status_code != 401, response.text


def test_the_schema_tested_is_the_one_served(api: Api) -> None:
    response = api.get("/openapi.json")
    assert response.status_code == 200
    assert response.json() == _openapi()
