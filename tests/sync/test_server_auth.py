"""Logins: tokens, rotation, reuse of a spent refresh token, logout and throttling."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from fastapi import FastAPI

from .conftest import Api, Clock, User, login

REFRESH = "/api/v1/auth/refresh"
PULL = "/api/v1/sync/pull"


def _pull(api: Api, token: str) -> int:
    body = {"client_id": "client-auth-test", "cursor": 0, "schema_version": 1, "limit": 1}
    return api.post(PULL, json=body, headers={"Authorization": f"Bearer {token}"}).status_code


def test_login_gives_tokens_that_open_the_api(api: Api) -> None:
    response = login(api, "office.clerk")
    assert response.status_code == 200
    body = response.json()
    assert body["person"]["id"] == "p-office.clerk"
    assert "password" not in response.text
    assert _pull(api, body["access_token"]) == 200


def test_wrong_password_and_unknown_user_get_the_same_answer(api: Api) -> None:
    wrong = login(api, "office.clerk", "not-the-password")
    unknown = login(api, "nobody.here", "whatever")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["code"] == unknown.json()["code"] == "auth.invalid_credentials"
    assert wrong.json()["message"] == "用户名或密码错误"


def test_api_refuses_missing_and_bogus_tokens(api: Api) -> None:
    body = {"client_id": "client-auth-test", "cursor": 0, "schema_version": 1}
    assert api.post(PULL, json=body).json()["code"] == "auth.required"
    assert _pull(api, "x" * 40) == 401


def test_refresh_rotates_and_the_old_refresh_token_is_spent(api: Api) -> None:
    first = login(api, "office.clerk").json()
    second = api.post(REFRESH, json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    pair = second.json()
    assert pair["refresh_token"] != first["refresh_token"]
    assert _pull(api, pair["access_token"]) == 200
    third = api.post(REFRESH, json={"refresh_token": pair["refresh_token"]})
    assert third.status_code == 200


def test_reusing_a_spent_refresh_token_revokes_the_whole_login(api: Api) -> None:
    first = login(api, "office.clerk").json()
    other_login = login(api, "office.clerk").json()
    rotated = api.post(REFRESH, json={"refresh_token": first["refresh_token"]}).json()
    replay = api.post(REFRESH, json={"refresh_token": first["refresh_token"]})
    assert replay.status_code == 401
    assert replay.json()["code"] == "auth.refresh_reused"
    # Every token of that login is dead: the thief's and the owner's.
    assert _pull(api, rotated["access_token"]) == 401
    assert _pull(api, first["access_token"]) == 401
    assert api.post(REFRESH, json={"refresh_token": rotated["refresh_token"]}).status_code == 401
    # Another login of the same person is untouched.
    assert _pull(api, other_login["access_token"]) == 200


def test_logout_ends_access_and_refresh(api: Api) -> None:
    pair = login(api, "office.clerk").json()
    headers = {"Authorization": f"Bearer {pair['access_token']}"}
    assert api.post("/api/v1/auth/logout", headers=headers).status_code == 204
    assert _pull(api, pair["access_token"]) == 401
    assert api.post(REFRESH, json={"refresh_token": pair["refresh_token"]}).status_code == 401


def test_access_token_expires(api: Api, clock: Clock) -> None:
    pair = login(api, "office.clerk").json()
    clock.advance(timedelta(minutes=16))
    body = {"client_id": "client-auth-test", "cursor": 0, "schema_version": 1}
    headers = {"Authorization": f"Bearer {pair['access_token']}"}
    response = api.post(PULL, json=body, headers=headers)
    assert response.json()["code"] == "auth.token_expired"
    assert api.post(REFRESH, json={"refresh_token": pair["refresh_token"]}).status_code == 200


def test_five_failures_throttle_the_user_for_fifteen_minutes(api: Api, clock: Clock) -> None:
    for _ in range(5):
        assert login(api, "office.clerk", "wrong").status_code == 401
    throttled = login(api, "office.clerk")  # even the right password waits
    assert throttled.status_code == 429
    assert throttled.json()["code"] == "auth.throttled"
    assert "15分钟" in throttled.json()["message"]
    assert login(api, "office.leader").status_code == 429  # the same address is blocked too
    clock.advance(timedelta(minutes=16))
    assert login(api, "office.clerk").status_code == 200


def test_throttling_by_user_holds_across_addresses(app: FastAPI,
                                                   user: Callable[[str], User]) -> None:
    apis = [Api(app, address=f"10.0.0.{n}") for n in range(6)]
    try:
        for n in range(5):
            assert login(apis[n], "finance.clerk", "wrong").status_code == 401
        assert login(apis[5], "finance.clerk").status_code == 429
        assert login(apis[5], "edu.clerk").status_code == 200  # other users from there are fine
    finally:
        for client in apis:
            client.close()


def test_health_and_openapi(api: Api) -> None:
    health = api.get("/api/v1/health")
    assert health.status_code == 200
    assert health.json()["status"] == "ok"
    spec = api.get("/openapi.json").json()
    assert "/api/v1/sync/push" in spec["paths"]
    assert "/api/v1/blobs/{sha256}" in spec["paths"]
