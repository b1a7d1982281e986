"""Well-formed pulls skip FastAPI (`routes.sync.QuickPull`); every other answer is FastAPI's."""

from __future__ import annotations

import json
from collections.abc import Callable

from .conftest import User

Users = Callable[[str], User]
PULL = "/api/v1/sync/pull"


def test_a_pull_is_answered_the_same_by_the_quick_route_and_by_fastapi(user: Users) -> None:
    clerk = user("office.clerk")
    clerk.create()
    raw = json.dumps({"client_id": clerk.client_id, "schema_version": 1, "cursor": 0,
                      "limit": 500}).encode()
    quick = clerk.api.post(PULL, content=raw,
                           headers={**clerk.headers, "Content-Type": "application/json"})
    # FastAPI reads any JSON type; the quick route takes application/json only.
    handed_on = clerk.api.post(PULL, content=raw, headers={
        **clerk.headers, "Content-Type": "application/vnd.officeapp+json"})
    assert quick.status_code == handed_on.status_code == 200
    assert quick.json() == handed_on.json() and quick.json()["changes"]


def test_a_malformed_pull_gets_fastapis_answers(user: Users) -> None:
    clerk = user("office.clerk")
    json_headers = {**clerk.headers, "Content-Type": "application/json"}
    missing = clerk.api.post(PULL, content=b'{"cursor": 0}', headers=json_headers)
    assert missing.status_code == 422 and missing.json()["code"]
    anonymous = clerk.api.post(PULL, content=b'{"cursor": 0}',
                               headers={"Content-Type": "application/json"})
    assert anonymous.status_code == 401 and anonymous.json()["code"] == "auth.required"
    forged = clerk.api.post(PULL, content=b'{"cursor": 0}',
                            headers={"Authorization": "Bearer " + "x" * 40,
                                     "Content-Type": "application/json"})
    assert forged.status_code == 401  # the login is checked before the body is refused
    untyped = clerk.api.post(PULL, content=b'{"cursor": 0}', headers=clerk.headers)
    assert untyped.status_code == 422 and untyped.json()["code"]
    wrong = clerk.api.request("GET", PULL, headers=clerk.headers)
    assert wrong.status_code == 405 and wrong.json()["code"]
