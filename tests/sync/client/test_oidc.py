"""The desktop's side of 统一身份认证 apart from any provider: the loopback listener, PKCE, and
the answers it refuses (the whole flow against a real provider: tests/sync/test_server_oidc.py)."""

from __future__ import annotations

import asyncio
import base64
import hashlib

import httpx
import pytest

from sync.client.oidc import Loopback, Pkce, SignInError, _code


def test_the_listener_answers_the_callback_once_in_chinese() -> None:
    async def scenario() -> tuple[dict[str, str], list[httpx.Response]]:
        async with Loopback() as loopback, httpx.AsyncClient(trust_env=False) as browser:
            assert loopback.redirect_uri.startswith("http://127.0.0.1:")
            stray = await browser.get(loopback.redirect_uri.replace("/callback", "/favicon.ico"))
            done = await browser.get(loopback.redirect_uri + "?code=abc&state=xyz")
            again = await browser.get(loopback.redirect_uri + "?code=other&state=xyz")
            return await loopback.wait(5), [stray, done, again]

    answer, (stray, done, again) = asyncio.run(scenario())
    assert answer == {"code": "abc", "state": "xyz"}
    assert stray.status_code == 404 and again.status_code == 404
    assert done.status_code == 200 and "登录完成，可以关闭此页面" in done.text


def test_pkce_uses_s256() -> None:
    pkce = Pkce.make()
    digest = hashlib.sha256(pkce.verifier.encode()).digest()
    assert pkce.challenge == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    assert 43 <= len(pkce.verifier) <= 128 and Pkce.make().verifier != pkce.verifier


@pytest.mark.parametrize(("answer", "code"), [
    ({"code": "c", "state": "other"}, "oidc.state_mismatch"),
    ({"code": "c"}, "oidc.state_mismatch"),
    ({"code": "c", "state": "s", "iss": "https://other.example"}, "oidc.state_mismatch"),
    ({"error": "access_denied", "state": "s"}, "oidc.denied"),
    ({"error": "server_error", "state": "s"}, "oidc.provider_error"),
    ({"state": "s"}, "oidc.provider_error"),
])
def test_answers_not_for_this_sign_in_are_refused(answer: dict[str, str], code: str) -> None:
    with pytest.raises(SignInError) as refused:
        _code(answer, state="s", issuer="https://sso.example")
    assert refused.value.code == code
    assert _code({"code": "c", "state": "s", "iss": "https://sso.example"}, state="s",
                 issuer="https://sso.example") == "c"
