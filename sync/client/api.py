"""The HTTP side of the client: one typed call per endpoint, tokens refreshed on the way."""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import json
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import httpx
import pydantic
import zstandard

from sync.protocol import (
    API_PREFIX,
    CLIENT_TOO_OLD,
    SERVER_TOO_OLD,
    AuthMethods,
    BlobStatus,
    NotificationPrefs,
    NotificationPrefsUpdate,
    OidcStart,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    TokenPair,
    TrustRootsResponse,
    Upgrade,
)

# Pushes this large or larger go compressed (smaller ones gain less than a frame costs).
COMPRESS_FROM = 1024
# How much of a pull answer `pull_raw` hands to its `on_prefix` early: the envelope our server
# writes first (has_more, reset, cursor) is well inside it.
PREFIX_BYTES = 96
PUSH_LEVEL = 3

T = TypeVar("T")


class ApiError(Exception):
    """The server answered with an error: HTTP status, stable code, Chinese message."""

    def __init__(self, status: int, code: str, message: str,
                 details: dict[str, Any] | None = None) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details or {}

    @property
    def retryable(self) -> bool:
        """Return whether trying the same request later may succeed."""
        return self.status in (408, 425, 429, 502, 503, 504) or self.status >= 500


class Offline(Exception):
    """The server could not be reached (no route, refused, timed out, TLS failure)."""

    @property
    def certificate(self) -> bool:
        """Return whether the server's certificate could not be verified: the link is fine
        but the CA setting is wrong or missing (a person can fix that, unlike a lost link)."""
        text = str(self).casefold()
        return "certificate_verify_failed" in text or "certificate verify failed" in text


class LoginRequired(ApiError):
    """The tokens are gone or revoked: the person must log in again."""


class UpgradeRequired(ApiError):
    """This client and the server speak protocols too far apart to sync: `side` ("client" or
    "server") must be upgraded first. Trying again changes nothing until it is."""

    @property
    def side(self) -> Upgrade:
        """Which side must be upgraded."""
        return "client" if self.code == CLIENT_TOO_OLD else "server"


@dataclass(frozen=True)
class Connection:
    """Where the server is and how to reach it."""

    server_url: str
    ca_bundle: str = ""
    proxy: str = ""
    timeout: float = 15.0


def make_http(connection: Connection,
              transport: httpx.AsyncBaseTransport | None = None) -> httpx.AsyncClient:
    """Return an httpx client for the server, trusting the extranet's own CA when given."""
    verify: ssl.SSLContext | bool = True
    if connection.ca_bundle:
        verify = ssl.create_default_context(cafile=connection.ca_bundle)
    return httpx.AsyncClient(
        base_url=connection.server_url.rstrip("/") + API_PREFIX,
        verify=verify, proxy=connection.proxy or None, transport=transport,
        timeout=httpx.Timeout(connection.timeout, read=max(connection.timeout, 30.0)),
        headers={"User-Agent": "officeapp-client/1"}, trust_env=False,
    )


TokenSaver = Callable[[str | None], Awaitable[None] | None]


class Api:
    """Calls the server with the access token, refreshing it once when it has expired."""

    def __init__(self, http: httpx.AsyncClient, *, save_refresh: TokenSaver | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.http = http
        self.access_token: str | None = None
        self.refresh_token: str | None = None
        self.person: dict[str, Any] | None = None
        self._save_refresh = save_refresh
        self._clock = clock
        self._refreshing = asyncio.Lock()
        # Server time minus local time, from the Date header: lights and due dates use it so
        # a wrong client clock shows nothing wrong.
        self.server_offset = timedelta(0)
        # Set once an answer says the server reads zstd request bodies (RFC 7694); an
        # older server never says so and gets plain JSON.
        self.server_reads_zstd = False

    # --- auth ------------------------------------------------------------------------------

    async def login(self, username: str, password: str) -> TokenPair:
        """Log in with a password; keep the tokens."""
        data = await self._send("POST", "/auth/login",
                                json={"username": username, "password": password}, auth=False)
        return await self._accept_tokens(data)

    async def resume(self, refresh_token: str) -> TokenPair | None:
        """Log in again with a stored refresh token (the next start after a login)."""
        self.refresh_token = refresh_token
        return await self.refresh()

    async def refresh(self) -> TokenPair | None:
        """Trade the refresh token for a new pair (the old one is spent).

        Single-flight: a refresh token may be used once, so callers that arrive while one
        refresh runs wait for it instead of spending the same token again (which the server
        treats as theft and answers by revoking the whole login).
        """
        spent = self.refresh_token
        async with self._refreshing:
            if self.refresh_token != spent and self.access_token is not None:
                return None  # someone else refreshed meanwhile
            return await self._refresh()

    async def _refresh(self) -> TokenPair:
        if not self.refresh_token:
            raise LoginRequired(401, "auth.login_required", "请重新登录")
        try:
            data = await self._send("POST", "/auth/refresh",
                                    json={"refresh_token": self.refresh_token}, auth=False)
        except ApiError as error:
            if error.status == 401:
                await self._forget()
                raise LoginRequired(401, error.code, error.message, error.details) from None
            raise
        return await self._accept_tokens(data)

    async def logout(self) -> None:
        """End this login on the server (if reachable) and forget the tokens here."""
        try:
            if self.access_token:
                await self._send("POST", "/auth/logout", json={})
        except (ApiError, Offline):
            pass
        finally:
            await self._forget()

    async def change_password(self, current: str, new: str) -> None:
        """Change the signed-in person's password (修改密码); the server ends their other
        logins. Refusals: 403 auth.wrong_password, 422 auth.weak_password, 429 throttled."""
        await self._send("POST", "/auth/password",
                         json={"current_password": current, "new_password": new})

    async def auth_methods(self) -> AuthMethods:
        """Return how people can log in at this server (passwords, 统一身份认证)."""
        return _parse(AuthMethods, await self._send("GET", "/auth/methods", auth=False))

    async def oidc_start(self) -> OidcStart:
        """Return a single-use nonce for a sign-in at the OpenID Connect provider."""
        return _parse(OidcStart, await self._send("POST", "/auth/oidc/start", auth=False))

    async def oidc_login(self, id_token: str) -> TokenPair:
        """Log in with the provider's ID token (carrying a nonce from `oidc_start`); keep the
        tokens. Refusals: 401 auth.oidc_invalid_token / auth.oidc_token_expired, 403
        auth.oidc_unknown_person, 503 auth.oidc_unavailable, 429 auth.throttled."""
        data = await self._send("POST", "/auth/oidc", json={"id_token": id_token}, auth=False)
        return await self._accept_tokens(data)

    async def _accept_tokens(self, data: Any) -> TokenPair:
        pair = _parse(TokenPair, data)
        self.access_token, self.refresh_token = pair.access_token, pair.refresh_token
        self.person = pair.person.model_dump()
        await self._store_refresh(pair.refresh_token)
        return pair

    async def _forget(self) -> None:
        self.access_token = self.refresh_token = None
        await self._store_refresh(None)

    async def _store_refresh(self, token: str | None) -> None:
        if self._save_refresh is not None:
            result = self._save_refresh(token)
            if result is not None:
                await result

    # --- sync ------------------------------------------------------------------------------

    async def push(self, request: PushRequest) -> PushResponse:
        """Send outbox mutations, zstd-compressed once the server has said it reads that."""
        body = json.dumps(request.model_dump(), ensure_ascii=False,
                          separators=(",", ":")).encode()
        headers = {"Content-Type": "application/json"}
        if self.server_reads_zstd and len(body) >= COMPRESS_FROM:
            body = zstandard.ZstdCompressor(level=PUSH_LEVEL).compress(body)
            headers["Content-Encoding"] = "zstd"
        return _parse(PushResponse, await self._send("POST", "/sync/push", content=body,
                                                     headers=headers))

    async def pull(self, request: PullRequest) -> PullResponse:
        """Fetch the next page of changes."""
        return parse_pull(await self.pull_raw(request))

    async def pull_raw(self, request: PullRequest,
                       on_prefix: Callable[[bytes], None] | None = None) -> bytes:
        """Fetch the next page of changes as the server wrote it (a page of a thousand
        documents is megabytes: `sync.client.pages` lets the store read it in SQLite).

        `on_prefix` is given the answer's first PREFIX_BYTES (decoded) as soon as they have
        come, while the rest is still on its way: on a slow link the next page can be asked
        for meanwhile (`SyncEngine.pull`). An answer shorter than that is not told early."""
        if on_prefix is None:
            response = await self._exchange("POST", "/sync/pull", auth=True,
                                            json=request.model_dump())
            return response.content
        return await self._answer(lambda: self._pull_streamed(request, on_prefix))

    async def _pull_streamed(self, request: PullRequest, on_prefix: Callable[[bytes], None],
                             ) -> tuple[httpx.Response, bytes]:
        """Send a pull and read its answer as it comes; an error answer is read whole (and
        its body is `response.content`)."""
        headers = {"Authorization": f"Bearer {self.access_token}"}
        built = self.http.build_request("POST", "/sync/pull", headers=headers,
                                        json=request.model_dump())
        sent = self._clock()
        with _transport_errors():
            response = await self.http.send(built, stream=True)
            try:
                if response.status_code != 200:
                    await response.aread()
                    body = response.content
                else:
                    body = await _read_telling(response, on_prefix)
            finally:
                await response.aclose()
        self._answered(response, sent)
        return response, body

    async def events(self) -> AsyncIterator[str]:
        """Yield the names of server-sent events (`ready`, `poke`, `heartbeat`) as they come."""
        await self._ensure_token()
        headers = {"Authorization": f"Bearer {self.access_token}",
                   "Accept": "text/event-stream"}
        timeout = httpx.Timeout(15.0, read=60.0)  # heartbeats come every ~20 s
        try:
            async with self.http.stream("GET", "/sync/events", headers=headers,
                                        timeout=timeout) as response:
                if response.status_code != 200:
                    await response.aread()
                    raise _error(response)
                async for line in response.aiter_lines():
                    if line.startswith("event:"):
                        yield line.partition(":")[2].strip()
        except httpx.TransportError as error:
            raise Offline(str(error)) from error

    # --- 通知方式 --------------------------------------------------------------------------

    async def notification_prefs(self) -> NotificationPrefs:
        """Return how the signed-in person wants to be told, and the channels the server can
        send on."""
        return _parse(NotificationPrefs, await self._send("GET", "/me/notifications"))

    async def set_notification_prefs(self, update: NotificationPrefsUpdate) -> NotificationPrefs:
        """Keep the person's choice on the server and return it as kept. Refusals (422):
        notify.invalid_email, notify.invalid_phone, notify.address_missing,
        notify.channel_unavailable."""
        data = await self._send("PUT", "/me/notifications", json=update.model_dump())
        return _parse(NotificationPrefs, data)

    # --- blobs -----------------------------------------------------------------------------

    async def trust_roots(self) -> TrustRootsResponse:
        """Return every root the organisation trusts (for 验章)."""
        return _parse(TrustRootsResponse, await self._send("GET", "/sync/trust-roots"))

    async def announce_blob(self, sha256: str, size: int) -> BlobStatus:
        """Tell the server about a blob; it answers how much it already holds."""
        return _parse(BlobStatus, await self._send("POST", "/blobs",
                                                   json={"sha256": sha256, "size": size}))

    async def upload_chunk(self, sha256: str, offset: int, chunk: bytes) -> BlobStatus:
        """Append `chunk` at `offset` (tus-style); the server verifies the hash at the end."""
        data = await self._send("PATCH", f"/blobs/{sha256}", content=chunk,
                                headers={"Upload-Offset": str(offset),
                                         "Content-Type": "application/offset+octet-stream"})
        return _parse(BlobStatus, data)

    async def download_blob(self, sha256: str, *, start: int = 0) -> AsyncIterator[bytes]:
        """Yield the blob's bytes from `start` (HTTP Range), for a resumable download."""
        await self._ensure_token()
        headers = {"Authorization": f"Bearer {self.access_token}"}
        if start:
            headers["Range"] = f"bytes={start}-"
        try:
            async with self.http.stream("GET", f"/blobs/{sha256}", headers=headers) as response:
                if response.status_code not in (200, 206):
                    await response.aread()
                    raise _error(response)
                async for chunk in response.aiter_bytes():
                    yield chunk
        except httpx.TransportError as error:
            raise Offline(str(error)) from error

    # --- plumbing --------------------------------------------------------------------------

    async def _ensure_token(self) -> None:
        if self.access_token is None:
            await self.refresh()

    async def _send(self, method: str, path: str, *, auth: bool = True, **kwargs: Any) -> Any:
        response = await self._exchange(method, path, auth=auth, **kwargs)
        return None if not response.content else _json(response)

    async def _exchange(self, method: str, path: str, *, auth: bool,
                        **kwargs: Any) -> httpx.Response:
        """Send a request (refreshing the token once on a 401); raise on an error answer."""
        async def send() -> tuple[httpx.Response, httpx.Response]:
            response = await self._request(method, path, auth=auth, **kwargs)
            return response, response
        return await self._answer(send, auth=auth)

    async def _answer(self, send: Callable[[], Awaitable[tuple[httpx.Response, T]]], *,
                      auth: bool = True) -> T:
        """Call `send` (which sends with the current access token and returns the answer and
        what was read of it), after a refresh when there is no token and again after one on a
        401; raise on an error answer, or return what was read."""
        if auth:
            await self._ensure_token()
        response, read = await send()
        if auth and response.status_code == 401:
            await self.refresh()
            response, read = await send()
        if response.status_code >= 400:
            raise _error(response)
        return read

    async def _request(self, method: str, path: str, *, auth: bool,
                       **kwargs: Any) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}))
        if auth:
            headers["Authorization"] = f"Bearer {self.access_token}"
        sent = self._clock()
        with _transport_errors():
            response = await self.http.request(method, path, headers=headers, **kwargs)
        self._answered(response, sent)
        return response

    def _answered(self, response: httpx.Response, sent: datetime) -> None:
        """Learn from an answer's headers: the server's clock, and whether it reads zstd."""
        self._measure_offset(response, sent)
        if "zstd" in response.headers.get("accept-encoding", ""):
            self.server_reads_zstd = True

    def _measure_offset(self, response: httpx.Response, sent: datetime) -> None:
        stamp = response.headers.get("date")
        if not stamp:
            return
        try:
            server = email.utils.parsedate_to_datetime(stamp)
        except (TypeError, ValueError):
            return
        received = self._clock()
        self.server_offset = server.astimezone(UTC) - (sent + (received - sent) / 2)


@contextlib.contextmanager
def _transport_errors() -> Iterator[None]:
    """Turn a failed exchange into Offline, and a damaged compressed answer into a 502."""
    try:
        yield
    except httpx.TransportError as error:
        raise Offline(str(error) or type(error).__name__) from error
    except httpx.DecodingError:
        # A page cut short or damaged on the way: nothing of it is applied, and the pull
        # asks for it again from the same cursor (502 is retried).
        raise ApiError(502, "client.bad_encoding",
                       "服务器返回的压缩数据已损坏或不完整，将自动重试") from None


async def _read_telling(response: httpx.Response, on_prefix: Callable[[bytes], None]) -> bytes:
    """Read a streamed answer whole, handing its first PREFIX_BYTES to `on_prefix` once
    they are in."""
    chunks: list[bytes] = []
    size = 0
    told = False
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if not told and size >= PREFIX_BYTES:
            told = True
            on_prefix(b"".join(chunks)[:PREFIX_BYTES])
    return b"".join(chunks)


def _json(response: httpx.Response) -> Any:
    return _loads(response.content, response.status_code)


def _loads(content: bytes, status: int = 200) -> Any:
    try:
        return json.loads(content)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ApiError(status, "client.bad_response", "服务器返回的内容无法识别") from None


def parse_pull(body: bytes) -> PullResponse:
    """Decode and check a pull answer whole (the path for a page the store cannot stage)."""
    return _parse(PullResponse, _loads(body))


def _error(response: httpx.Response) -> ApiError:
    """Return the server's {code, message} as an ApiError; anything else gets a generic one."""
    code, message = "server.error", f"服务器错误（{response.status_code}）"
    details: dict[str, Any] = {}
    try:
        body = response.json()
        if isinstance(body, dict) and isinstance(body.get("code"), str):
            code = body["code"]
            message = str(body.get("message") or message)
            found = body.get("details")
            details = found if isinstance(found, dict) else {}
    except (json.JSONDecodeError, UnicodeDecodeError):
        pass
    cls: type[ApiError] = ApiError
    if code in ("auth.refresh_reused", "auth.login_required"):
        cls = LoginRequired
    elif code in (CLIENT_TOO_OLD, SERVER_TOO_OLD):
        cls = UpgradeRequired
    return cls(response.status_code, code, message, details)


M = TypeVar("M", bound=pydantic.BaseModel)


def _parse(model: type[M], data: Any) -> M:
    try:
        return model.model_validate(data)
    except pydantic.ValidationError:
        raise ApiError(200, "client.bad_response", "服务器返回的数据格式不正确") from None
