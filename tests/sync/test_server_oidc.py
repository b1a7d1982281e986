"""统一身份认证: the desktop signs in at a real OpenID Connect provider (oidc-provider under
node) with PKCE and a loopback redirect; the server checks the ID token and answers with our
token pair. Forged, expired, replayed and misdirected tokens are refused with their codes."""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import json
import socket
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI

from sync.client.api import Api as ClientApi
from sync.client.oidc import SignInError, sign_in
from sync.protocol import API_PREFIX
from sync.server import create_app
from sync.server.config import ConfigError, Integrations, OidcSettings
from sync.server.settings import Settings
from sync.server.storage import tables as t
from tests.support.oidc import CLIENT_ID, Browser, Provider, id_claims, oidc_provider

from .conftest import Api, Clock

__all__ = ["oidc_provider"]  # the fixture, imported to be found

OIDC = f"{API_PREFIX}/auth/oidc"
PULL = f"{API_PREFIX}/sync/pull"


def _with_oidc(settings: Settings, issuer: str) -> Settings:
    oidc = OidcSettings(issuer=issuer, client_id=CLIENT_ID, timeout=5.0)
    return dataclasses.replace(settings, integrations=Integrations(oidc=oidc))


@pytest.fixture
def oidc_app(settings: Settings, engine: sa.Engine, oidc_provider: Provider) -> Iterator[FastAPI]:
    """The server app, configured for the test provider."""
    app = create_app(_with_oidc(settings, oidc_provider.issuer), engine=engine)
    yield app
    app.state.server.notifier.close()


@pytest.fixture
def oidc_api(oidc_app: FastAPI) -> Iterator[Api]:
    """A client of the app with OIDC configured."""
    client = Api(oidc_app)
    yield client
    client.close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def _client(app: FastAPI) -> ClientApi:
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 40000))
    return ClientApi(httpx.AsyncClient(transport=transport,
                                       base_url="http://testserver" + API_PREFIX))


async def _sign_in(app: FastAPI, browser: Browser, *, wait: float = 60.0) -> Any:
    client = _client(app)
    async with httpx.AsyncClient(timeout=10, trust_env=False) as provider_http:
        try:
            return await sign_in(client, open_url=browser, http=provider_http, wait=wait)
        finally:
            await asyncio.gather(*browser.tasks, return_exceptions=True)
            await client.http.aclose()


def _nonce(api: Api) -> str:
    response = api.post(f"{OIDC}/start")
    assert response.status_code == 200, response.text
    nonce: str = response.json()["nonce"]
    return nonce


def _post(api: Api, id_token: str) -> httpx.Response:
    return api.post(OIDC, json={"id_token": id_token})


def _pull(api: Api, token: str) -> int:
    body = {"client_id": "client-oidc-test", "cursor": 0, "schema_version": 1, "limit": 1}
    return api.post(PULL, json=body, headers={"Authorization": f"Bearer {token}"}).status_code


# --- the whole flow, with the real provider ------------------------------------------------------


def test_signing_in_at_the_provider_gives_tokens_that_pull(oidc_app: FastAPI, oidc_api: Api,
                                                           engine: sa.Engine) -> None:
    browser = Browser(account="u-1001")
    pair = oidc_api.run(_sign_in(oidc_app, browser))
    assert pair.person.username == "office.clerk"
    assert "code_challenge_method=S256" in browser.opened[0] and "nonce=" in browser.opened[0]
    assert "登录完成" in browser.landed
    assert _pull(oidc_api, pair.access_token) == 200
    with engine.connect() as connection:
        links = connection.execute(sa.select(t.external_identities)).all()
    assert [(row.subject, row.person_id) for row in links] == [("u-1001", "p-office.clerk")]
    # The second sign-in finds the person by the recorded link.
    again = oidc_api.run(_sign_in(oidc_app, Browser(account="u-1001")))
    assert again.person.id == "p-office.clerk" and again.access_token != pair.access_token


def test_the_methods_say_which_provider_to_use(oidc_api: Api, api: Api,
                                               oidc_provider: Provider) -> None:
    offered = oidc_api.get(f"{API_PREFIX}/auth/methods").json()
    assert offered == {"password": True, "oidc": {
        "issuer": oidc_provider.issuer, "client_id": CLIENT_ID, "scopes": ["openid", "profile"]}}
    assert api.get(f"{API_PREFIX}/auth/methods").json() == {"password": True, "oidc": None}


def test_a_person_not_registered_here_is_told_to_ask_the_administrator(
        oidc_app: FastAPI, oidc_api: Api) -> None:
    with pytest.raises(Exception) as refused:
        oidc_api.run(_sign_in(oidc_app, Browser(account="u-9001")))
    assert getattr(refused.value, "status", None) == 403
    assert getattr(refused.value, "code", None) == "auth.oidc_unknown_person"
    assert getattr(refused.value, "message", None) == "统一身份认证账号未在本系统登记，请联系管理员"


def test_denying_at_the_provider_says_so(oidc_app: FastAPI, oidc_api: Api) -> None:
    browser = Browser(deny=True)
    with pytest.raises(SignInError) as refused:
        oidc_api.run(_sign_in(oidc_app, browser))
    assert refused.value.code == "oidc.denied"
    assert "登录未完成" in browser.landed


def test_an_answer_with_another_state_is_refused(oidc_app: FastAPI, oidc_api: Api) -> None:
    browser = Browser(mangle=lambda url: url.replace("state=", "state=forged"))
    with pytest.raises(SignInError) as refused:
        oidc_api.run(_sign_in(oidc_app, browser))
    assert refused.value.code == "oidc.state_mismatch"


def test_a_browser_that_never_comes_back_times_out(oidc_app: FastAPI, oidc_api: Api) -> None:
    def nowhere(_url: str) -> bool:
        return True

    client = _client(oidc_app)

    async def attempt() -> None:
        async with httpx.AsyncClient(timeout=10) as http:
            await sign_in(client, open_url=nowhere, http=http, wait=0.1)

    with pytest.raises(SignInError) as refused:
        oidc_api.run(attempt())
    assert refused.value.code == "oidc.timeout" and "超时" in refused.value.message


def test_a_provider_that_is_down(settings: Settings, engine: sa.Engine) -> None:
    dead = f"http://127.0.0.1:{_closed_port()}"
    app = create_app(_with_oidc(settings, dead), engine=engine)
    api = Api(app)
    try:
        with pytest.raises(SignInError) as refused:  # the desktop cannot reach it
            api.run(_sign_in(app, Browser()))
        assert refused.value.code == "oidc.unreachable"
        nonce = _nonce(api)
        token = Provider(dead, rsa.generate_private_key(public_exponent=65537, key_size=2048))
        for _ in range(7):  # nor can the server; an outage never counts as a failed login
            response = _post(api, token.sign(id_claims(token, nonce=nonce)))
            assert response.status_code == 503, response.text
            assert response.json()["code"] == "auth.oidc_unavailable"
    finally:
        api.close()
        app.state.server.notifier.close()


# --- tokens the server refuses -------------------------------------------------------------------


def test_an_id_token_is_accepted_once(oidc_api: Api, oidc_provider: Provider) -> None:
    token = oidc_provider.sign(id_claims(oidc_provider, nonce=_nonce(oidc_api)))
    first = _post(oidc_api, token)
    assert first.status_code == 200, first.text
    assert _pull(oidc_api, first.json()["access_token"]) == 200
    replay = _post(oidc_api, token)
    assert replay.status_code == 401
    assert replay.json()["code"] == "auth.oidc_invalid_token"
    stranger = oidc_provider.sign(id_claims(oidc_provider, nonce="never-handed-out"))
    assert _post(oidc_api, stranger).json()["code"] == "auth.oidc_invalid_token"


def test_an_expired_id_token(oidc_api: Api, oidc_provider: Provider, clock: Clock) -> None:
    token = oidc_provider.sign(id_claims(oidc_provider, nonce=_nonce(oidc_api)))
    clock.advance(timedelta(minutes=11))  # past exp (600 s) and the leeway
    response = _post(oidc_api, token)
    assert response.status_code == 401
    assert response.json() == {"code": "auth.oidc_token_expired",
                               "message": "统一身份认证凭据已过期，请重新登录", "details": {}}


def _tampered(token: str) -> str:
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["preferred_username"] = "office.leader"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{forged}.{signature}"


def _unsigned(claims: dict[str, Any]) -> str:
    def part(data: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(claims)}."


@pytest.mark.parametrize("forgery", ["audience", "issuer", "signature", "none", "hs256",
                                     "other key", "future", "no sub", "long sub", "nul"])
def test_forged_id_tokens_are_refused(oidc_api: Api, oidc_provider: Provider,
                                      forgery: str) -> None:
    claims = id_claims(oidc_provider, nonce=_nonce(oidc_api), sub="u-7001")
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    sign = oidc_provider.sign
    token = {
        "audience": lambda: sign({**claims, "aud": "another-client"}),
        "issuer": lambda: sign({**claims, "iss": "https://evil.example"}),
        "signature": lambda: _tampered(sign(claims)),
        "none": lambda: _unsigned(claims),
        "hs256": lambda: sign(claims, algorithm="HS256", key=CLIENT_ID.encode() * 4),
        "other key": lambda: sign(claims, key=other),
        "future": lambda: sign({**claims, "iat": claims["iat"] + 3600}),
        "no sub": lambda: sign({k: v for k, v in claims.items() if k != "sub"}),
        "long sub": lambda: sign({**claims, "sub": "u" * 256}),
        "nul": lambda: sign({**claims, "preferred_username": "office.clerk\x00"}),
    }[forgery]()
    response = _post(oidc_api, token)
    assert response.status_code == 401, response.text
    assert response.json()["code"] == "auth.oidc_invalid_token"


def test_an_unknown_key_id_refetches_the_keys_once(oidc_app: FastAPI, oidc_api: Api,
                                                   oidc_provider: Provider,
                                                   clock: Clock) -> None:
    good = oidc_provider.sign(id_claims(oidc_provider, nonce=_nonce(oidc_api)))
    assert _post(oidc_api, good).status_code == 200
    keys = oidc_app.state.oidc.keys
    assert keys.fetches == 1
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    rotated = oidc_provider.sign(id_claims(oidc_provider, nonce=_nonce(oidc_api)),
                                 kid="rotated", key=other)
    assert _post(oidc_api, rotated).json()["code"] == "auth.oidc_invalid_token"
    assert keys.fetches == 1  # fetched a moment ago: an unknown key id waits its turn
    clock.advance(timedelta(minutes=2))
    rotated = oidc_provider.sign(id_claims(oidc_provider, nonce=_nonce(oidc_api)),
                                 kid="rotated", key=other)
    assert _post(oidc_api, rotated).json()["code"] == "auth.oidc_invalid_token"
    assert keys.fetches == 2
    assert _post(oidc_api, rotated).json()["code"] == "auth.oidc_invalid_token"
    assert keys.fetches == 2


def test_a_person_who_left_cannot_sign_in(oidc_api: Api, oidc_provider: Provider,
                                          engine: sa.Engine) -> None:
    with engine.begin() as connection:
        connection.execute(sa.update(t.people).where(t.people.c.username == "edu.clerk")
                           .values(active=False))
    token = oidc_provider.sign(id_claims(oidc_provider, nonce=_nonce(oidc_api), sub="u-2001",
                                         username="edu.clerk"))
    response = _post(oidc_api, token)
    assert response.status_code == 403
    assert response.json()["code"] == "auth.oidc_unknown_person"


def test_a_linked_person_is_not_taken_over_by_another_account(oidc_api: Api,
                                                              oidc_provider: Provider) -> None:
    first = oidc_provider.sign(id_claims(oidc_provider, nonce=_nonce(oidc_api)))
    assert _post(oidc_api, first).status_code == 200
    second = oidc_provider.sign(id_claims(oidc_provider, nonce=_nonce(oidc_api), sub="u-6666"))
    assert _post(oidc_api, second).json()["code"] == "auth.oidc_unknown_person"


def test_failed_sign_ins_are_throttled_like_logins(oidc_api: Api,
                                                   oidc_provider: Provider) -> None:
    for _ in range(5):
        forged = oidc_provider.sign(id_claims(oidc_provider, nonce="not-ours"))
        assert _post(oidc_api, forged).status_code == 401
    token = oidc_provider.sign(id_claims(oidc_provider, nonce=_nonce(oidc_api)))
    throttled = _post(oidc_api, token)
    assert throttled.status_code == 429
    assert throttled.json()["code"] == "auth.throttled"


def test_without_a_provider_the_routes_say_it_is_not_configured(api: Api) -> None:
    for response in (api.post(f"{OIDC}/start"), _post(api, "x" * 40)):
        assert response.status_code == 404
        assert response.json()["code"] == "auth.oidc_not_configured"


def test_the_oidc_table_of_the_configuration_file() -> None:
    table = {"issuer": "https://sso.example.gov.cn/realms/province", "client_id": "desk"}
    oidc = Integrations.from_mapping({"oidc": table}).oidc
    assert oidc == OidcSettings(issuer=table["issuer"], client_id="desk")
    assert oidc.scopes == ("openid", "profile") and oidc.username_claim == "preferred_username"
    for wrong, says in (({"scopes": ["profile"]}, "openid"), ({"scopes": "openid"}, "列表"),
                        ({"timeout": 0}, "timeout"), ({"issuer": "sso.example"}, "issuer"),
                        ({"client_id": None}, "client_id"),
                        ({"ca_file": "/nonexistent/ca.pem"}, "ca_file")):
        bad = {k: v for k, v in {**table, **wrong}.items() if v is not None}
        with pytest.raises(ConfigError, match=says):
            Integrations.from_mapping({"oidc": bad})
