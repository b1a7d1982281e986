"""统一身份认证 from the desktop: OpenID Connect sign-in in the system browser (RFC 8252).

The client asks the server which provider to use and for a single-use nonce, opens the
provider's authorization page in the person's browser (authorization code with PKCE S256,
`state`, `nonce`, a redirect to a one-shot listener on 127.0.0.1), exchanges the code for the
ID token with the code verifier, and hands the ID token to the server for our token pair.
No Qt here: the caller passes the function that opens a URL in the browser.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import secrets
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx

from sync.client.api import Api, Connection
from sync.protocol import OidcMethod, TokenPair

# How long the person has to finish signing in in the browser.
WAIT_SECONDS = 300.0
OpenUrl = Callable[[str], bool]  # opens a URL in the system browser; False if it could not

DONE_PAGE = "登录完成，可以关闭此页面。"
FAILED_PAGE = "登录未完成，请回到“协同办公”查看原因。"


class SignInError(Exception):
    """The sign-in at the provider did not complete: a stable code and a Chinese message."""

    def __init__(self, code: str, message: str, details: dict[str, Any] | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.details = details or {}


def _not_offered() -> SignInError:
    return SignInError("oidc.not_offered", "该服务器未启用统一身份认证登录")


def _unreachable() -> SignInError:
    return SignInError("oidc.unreachable", "无法连接统一身份认证平台，请检查网络后重试")


def _provider_error(error: str) -> SignInError:
    return SignInError("oidc.provider_error", f"统一身份认证平台未能完成登录：{error}",
                       {"error": error})


def _bad_response() -> SignInError:
    return SignInError("oidc.bad_response", "统一身份认证平台的回应无法识别，请联系管理员")


@dataclass(frozen=True)
class Endpoints:
    """Where the provider's authorization page and token endpoint are (from discovery)."""

    authorization: str
    token: str


@dataclass(frozen=True)
class Pkce:
    """A PKCE pair (RFC 7636): the secret verifier and its S256 challenge."""

    verifier: str
    challenge: str

    @classmethod
    def make(cls) -> Pkce:
        """Return a fresh pair."""
        verifier = secrets.token_urlsafe(48)
        digest = hashlib.sha256(verifier.encode("ascii")).digest()
        return cls(verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii"))


def provider_http(connection: Connection) -> httpx.AsyncClient:
    """Return an httpx client for the provider: the server's CA file and proxy, timeouts."""
    verify: ssl.SSLContext | bool = True
    if connection.ca_bundle:
        verify = ssl.create_default_context(cafile=connection.ca_bundle)
    return httpx.AsyncClient(verify=verify, proxy=connection.proxy or None, trust_env=False,
                             timeout=connection.timeout,
                             headers={"User-Agent": "officeapp-client/1"})


async def sign_in(api: Api, *, open_url: OpenUrl, http: httpx.AsyncClient,
                  wait: float = WAIT_SECONDS) -> TokenPair:
    """Sign in at the server's OpenID Connect provider in the browser; keep and return the
    server's token pair. Raises SignInError, or the server's ApiError/Offline."""
    method = (await api.auth_methods()).oidc
    if method is None:
        raise _not_offered()
    nonce = (await api.oidc_start()).nonce
    endpoints = await discover(http, method.issuer)
    pkce = Pkce.make()
    async with Loopback() as loopback:
        code = await authorize(method, endpoints, loopback, open_url=open_url, pkce=pkce,
                               nonce=nonce, wait=wait)
    id_token = await exchange(http, method, endpoints, code=code,
                              redirect_uri=loopback.redirect_uri, pkce=pkce)
    return await api.oidc_login(id_token)


async def discover(http: httpx.AsyncClient, issuer: str) -> Endpoints:
    """Return the provider's endpoints from its discovery document."""
    data = await _get_json(http, issuer.rstrip("/") + "/.well-known/openid-configuration")
    authorization, token = data.get("authorization_endpoint"), data.get("token_endpoint")
    if data.get("issuer") != issuer or not isinstance(authorization, str) \
            or not isinstance(token, str):
        raise _bad_response()
    return Endpoints(authorization, token)


async def authorize(method: OidcMethod, endpoints: Endpoints, loopback: Loopback, *,
                    open_url: OpenUrl, pkce: Pkce, nonce: str, wait: float) -> str:
    """Open the provider's page in the browser and return the authorization code it sends
    back to the loopback listener."""
    state = secrets.token_urlsafe(32)
    query = urlencode({
        "response_type": "code", "client_id": method.client_id,
        "redirect_uri": loopback.redirect_uri, "scope": " ".join(method.scopes),
        "state": state, "nonce": nonce, "code_challenge": pkce.challenge,
        "code_challenge_method": "S256"})
    separator = "&" if "?" in endpoints.authorization else "?"
    if not open_url(endpoints.authorization + separator + query):
        raise SignInError("oidc.no_browser", "无法打开浏览器，请检查本机的默认浏览器设置")
    answer = await loopback.wait(wait)
    return _code(answer, state=state, issuer=method.issuer)


def _code(answer: dict[str, str], *, state: str, issuer: str) -> str:
    """Return the code of the provider's answer, or refuse an answer that is not for us."""
    if not secrets.compare_digest(answer.get("state", ""), state):
        raise SignInError("oidc.state_mismatch",
                          "登录回应与本次登录不符，已拒绝（可能是伪造的请求），请重新登录")
    if "iss" in answer and answer["iss"] != issuer:  # RFC 9207: another provider answered
        raise SignInError("oidc.state_mismatch",
                          "登录回应与本次登录不符，已拒绝（可能是伪造的请求），请重新登录")
    error = answer.get("error")
    if error == "access_denied":
        raise SignInError("oidc.denied", "已在统一身份认证页面取消或拒绝登录")
    if error or not answer.get("code"):
        raise _provider_error(error or "no code")
    return answer["code"]


async def exchange(http: httpx.AsyncClient, method: OidcMethod, endpoints: Endpoints, *,
                   code: str, redirect_uri: str, pkce: Pkce) -> str:
    """Return the ID token the provider gives for the authorization code."""
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
            "client_id": method.client_id, "code_verifier": pkce.verifier}
    try:
        response = await http.post(endpoints.token, data=form,
                                   headers={"Accept": "application/json"})
    except httpx.TransportError:
        raise _unreachable() from None
    data = _json_object(response)
    if response.status_code != 200 or not isinstance(data.get("id_token"), str):
        raise _provider_error(str(data.get("error") or response.status_code))
    return str(data["id_token"])


async def _get_json(http: httpx.AsyncClient, url: str) -> dict[str, Any]:
    try:
        response = await http.get(url, headers={"Accept": "application/json"})
    except httpx.TransportError:
        raise _unreachable() from None
    if response.status_code != 200:
        raise _unreachable()
    return _json_object(response)


def _json_object(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        raise _bad_response() from None
    if not isinstance(data, dict):
        raise _bad_response()
    return data


class Loopback:
    """A one-shot HTTP listener on 127.0.0.1 (an ephemeral port) for the provider's redirect
    to /callback; it answers the browser with a short Chinese page."""

    def __init__(self) -> None:
        self._answer: asyncio.Future[dict[str, str]] | None = None
        self._server: asyncio.Server | None = None
        self.redirect_uri = ""

    async def __aenter__(self) -> Loopback:
        self._answer = asyncio.get_running_loop().create_future()
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        self.redirect_uri = f"http://127.0.0.1:{port}/callback"
        return self

    async def __aexit__(self, kind: type[BaseException] | None, error: BaseException | None,
                        trace: TracebackType | None) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._server.wait_closed(), 5)

    async def wait(self, seconds: float) -> dict[str, str]:
        """Return the query of the redirect, or refuse when none came in time."""
        assert self._answer is not None, "enter the listener first"
        try:
            return await asyncio.wait_for(asyncio.shield(self._answer), seconds)
        except TimeoutError:
            minutes = max(1, round(seconds / 60))
            raise SignInError("oidc.timeout", f"等待浏览器中的统一身份认证登录超时（{minutes}"
                              "分钟），请重新登录", {"minutes": minutes}) from None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            target = await asyncio.wait_for(_request_target(reader), 10)
            url = urlsplit(target)
            if url.path != "/callback" or self._answer is None or self._answer.done():
                await _respond(writer, 404, "Not Found")
                return
            answer = dict(parse_qsl(url.query))
            await _respond(writer, 200, DONE_PAGE if "code" in answer else FAILED_PAGE)
            self._answer.set_result(answer)
        except (TimeoutError, ConnectionError, ValueError, asyncio.IncompleteReadError,
                asyncio.LimitOverrunError):
            pass  # a stray or broken connection to the port: ignored
        finally:
            writer.close()


async def _request_target(reader: asyncio.StreamReader) -> str:
    """Return the target of an HTTP GET request, having read its headers."""
    method, target, _ = (await reader.readline()).decode("latin-1").split(" ", 2)
    while (await reader.readline()).strip():
        pass
    if method != "GET":
        raise ValueError(method)
    return target


async def _respond(writer: asyncio.StreamWriter, status: int, text: str) -> None:
    body = ("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<title>协同办公</title></head><body><p>{text}</p></body></html>").encode()
    reason = "OK" if status == 200 else "Not Found"
    head = (f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\nCache-Control: no-store\r\n"
            "Connection: close\r\n\r\n").encode("ascii")
    writer.write(head + body)
    await writer.drain()
