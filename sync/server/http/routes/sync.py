"""/sync: push mutations, pull changes, and the event stream of pokes."""

from __future__ import annotations

import asyncio
import threading
import weakref
from collections.abc import AsyncIterator

from fastapi import APIRouter, Request, Response
from fastapi.responses import StreamingResponse
from fastapi.security.utils import get_authorization_scheme_param
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.routing import Match, Route
from starlette.types import Receive, Scope, Send

from sync import protocol
from sync.protocol import (
    CLIENT_TOO_OLD,
    SERVER_TOO_OLD,
    ErrorBody,
    Mutation,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    TrustRootOut,
    TrustRootsResponse,
)
from sync.server.errors import ApiError
from sync.server.http import encoding
from sync.server.http.limits import replay
from sync.server.http.routes.deps import ServerDep, SessionDep, TokenDep
from sync.server.http.server import Server
from sync.server.identity.auth import Session, session_from, session_params
from sync.server.storage import db, pull, seals
from sync.server.storage.shared_pages import SharedPage
from sync.server.storage.visibility import user_scopes

router = APIRouter(prefix="/sync", tags=["sync"])
ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 409: {"model": ErrorBody},
    422: {"model": ErrorBody}, 503: {"model": ErrorBody}}

JSON = "application/json"
POKE = "event: poke\ndata: {\"type\":\"poke\"}\n\n"
HEARTBEAT = "event: heartbeat\ndata: {}\n\n"


def check_versions(schema_version: int, mutations: list[Mutation] | None = None) -> None:
    """Refuse a push or pull that this server and that client cannot serve, saying which side
    must be upgraded. 409 before anything is applied, so the client's outbox keeps every
    action; the Chinese message is what a client too old to know the code shows."""
    side = protocol.who_must_upgrade(schema_version, mutations or ())
    if side is None:
        return
    code, message = {
        "server": (SERVER_TOO_OLD,
                   "客户端版本比服务器新，请联系管理员先升级服务器；本机的操作会保留，升级后自动同步"),
        "client": (CLIENT_TOO_OLD,
                   "客户端版本过旧，服务器已不再支持，请升级客户端后再同步；本机未同步的操作会保留"),
    }[side]
    raise ApiError(409, code, message, upgrade=side, client=schema_version,
                   server=protocol.SCHEMA_VERSION, oldest=protocol.OLDEST_SCHEMA_VERSION)


@router.post("/push", responses=ERRORS)
def push(body: PushRequest, session: SessionDep, server: ServerDep) -> PushResponse:
    """Apply outbox mutations in order; answer applied, duplicate, rejected or out_of_order."""
    check_versions(body.schema_version, body.mutations)
    return server.pusher.push(session.person, body)


# The zstd answers of shared pages (`pull.PullAnswer.shared`), kept while the page is:
# compressing a directory page of 1,000 people costs more than reading it from the cache.
_compressed: weakref.WeakKeyDictionary[SharedPage, bytes] = weakref.WeakKeyDictionary()
_compressed_lock = threading.Lock()


def _compressed_answer(page: SharedPage, body: str) -> Response:
    with _compressed_lock:
        compressed = _compressed.get(page)
    if compressed is None:
        compressed = encoding.compress(body.encode())
        with _compressed_lock:
            _compressed[page] = compressed
    return Response(compressed, media_type=JSON,
                    headers={"Content-Encoding": encoding.ZSTD, "Vary": "Accept-Encoding"})


def _pull(server: Server, token: str, body: PullRequest, accept_encoding: str) -> Response:
    # Pulls are most of the traffic: the token, the client's row and the head are read in one
    # statement of the pull's own snapshot, in the same worker thread.
    with db.read(server.engine) as connection:
        begun = pull.start(connection, token, body.client_id, server.settings.clock())
        check_versions(body.schema_version)  # after the login check, as for a push
        answer = pull.pull_in(connection, begun, body)
    if answer.record_scopes is not None:
        pull.record_scopes(server.engine, client_id=body.client_id,
                           person_id=begun.session.person.id, key=answer.record_scopes,
                           now=server.settings.clock())
    if answer.shared is not None and encoding.accepts_zstd(accept_encoding):
        return _compressed_answer(answer.shared, answer.body)
    return Response(answer.body, media_type=JSON)


@router.post("/pull", responses=ERRORS, response_model=PullResponse)
def pull_changes(body: PullRequest, token: TokenDep, server: ServerDep,
                 request: Request) -> Response:
    """Return the next page of changes the caller may see after `cursor`."""
    return _pull(server, token, body, request.headers.get("accept-encoding", ""))


# Set on a request that the quick route hands on to `pull_changes`.
_HANDED_ON = "officeapp_pull_handed_on"


class QuickPull(Route):
    """`POST /sync/pull` for a well-formed request, without FastAPI's routing, dependencies
    and validation (0.15 ms of the 0.8 ms a pull at the head costs inside the app). Any
    other request goes on to `pull_changes`, which answers it as before (a malformed one
    with its 401 or 422) and documents the route."""

    def __init__(self, path: str) -> None:
        super().__init__(path, pull_changes, methods=["POST"], include_in_schema=False)

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope.get("method") != "POST" or _HANDED_ON in scope:
            return Match.NONE, {}
        return super().matches(scope)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        raw = await request.body()
        token, body = _bearer(request), _well_formed(request, raw)
        if token is None or body is None:
            await request.app.router({**scope, _HANDED_ON: True}, replay(raw, receive), send)
            return
        server: Server = request.app.state.server
        response = await run_in_threadpool(_pull, server, token, body,
                                           request.headers.get("accept-encoding", ""))
        await response(scope, receive, send)


def _bearer(request: Request) -> str | None:
    """The token as `bearer_token` takes it, or None (it would refuse the request)."""
    authorization = request.headers.get("authorization")
    scheme, token = get_authorization_scheme_param(authorization)
    if not (authorization and scheme and token) or scheme.lower() != "bearer":
        return None
    return token if 16 <= len(token) <= 256 else None


def _well_formed(request: Request, raw: bytes) -> PullRequest | None:
    """The request as FastAPI would read it from JSON, or None (then FastAPI is asked)."""
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != JSON:
        return None
    try:
        return PullRequest.model_validate_json(raw)
    except ValidationError:
        return None


@router.get("/trust-roots", responses=ERRORS)
def trust_roots(session: SessionDep, server: ServerDep) -> TrustRootsResponse:
    """Return the trusted roots (public certificates: any signed-in person may have them)."""
    with db.read(server.engine) as connection:
        found = seals.trust_roots(connection)
    return TrustRootsResponse(roots=[TrustRootOut(id=r.id, name=r.name[:200],
                                                  pem=r.cert_pem.decode("ascii"))
                                     for r in found])


def _open_stream(server: Server, token: str) -> tuple[Session, frozenset[str]]:
    """Check the token and read what the caller sees, in one snapshot and one round trip
    (thousands of streams open when an office starts its day); start listening for pokes."""
    with db.read(server.engine) as connection:
        row = connection.execute(pull.SESSION_AT_HEAD, session_params(token)).first()
        session = session_from(row, server.settings.clock())
        assert row is not None
        scopes = user_scopes(connection, person_id=session.person.id,
                             unit_id=session.person.unit_id, head=int(row.head))
    server.notifier.ensure_listening()
    return session, scopes


async def _stream(server: Server, session: Session,
                  scopes: frozenset[str]) -> AsyncIterator[str]:
    subscriber = server.hub.subscribe(scopes)
    try:
        yield "retry: 3000\nevent: ready\ndata: {}\n\n"
        # The stream ends when the access token does (the client reconnects with a fresh one)
        # or when the server stops (the client reconnects when it can).
        while server.settings.clock() < session.expires_at and not server.hub.closing:
            try:
                await asyncio.wait_for(subscriber.event.wait(),
                                       server.settings.heartbeat_interval)
            except TimeoutError:
                yield HEARTBEAT
                continue
            if server.hub.closing:
                break
            subscriber.event.clear()
            yield POKE
            await asyncio.sleep(0)
    finally:
        server.hub.unsubscribe(subscriber)


@router.get("/events", responses={**ERRORS, 200: {"content": {"text/event-stream": {}}}})
async def events(token: TokenDep, server: ServerDep) -> StreamingResponse:
    """Server-sent events: `poke` when something new may be pulled, `heartbeat` meanwhile;
    503 while the server is stopping."""
    session, scopes = await run_in_threadpool(_open_stream, server, token)
    if server.hub.closing:
        raise ApiError(503, "server.stopping", "服务器正在停止，请稍后重试",
                       headers={"Retry-After": "5"})
    return StreamingResponse(_stream(server, session, scopes), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
