"""/sync: push mutations, pull changes, and the event stream of pokes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from fastapi import APIRouter, Response
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from sync.protocol import ErrorBody, PullRequest, PullResponse, PushRequest, PushResponse
from sync.server import db, pull
from sync.server.auth import Session
from sync.server.errors import ApiError
from sync.server.routes.deps import ServerDep, SessionDep, TokenDep
from sync.server.server import Server
from sync.server.visibility import user_scopes

router = APIRouter(prefix="/sync", tags=["sync"])
ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 409: {"model": ErrorBody},
    422: {"model": ErrorBody}, 503: {"model": ErrorBody}}

POKE = "event: poke\ndata: {\"type\":\"poke\"}\n\n"
HEARTBEAT = "event: heartbeat\ndata: {}\n\n"


@router.post("/push", responses=ERRORS)
def push(body: PushRequest, session: SessionDep, server: ServerDep) -> PushResponse:
    """Apply outbox mutations in order; answer applied, duplicate, rejected or out_of_order."""
    return server.pusher.push(session.person, body)


@router.post("/pull", responses=ERRORS, response_model=PullResponse)
def pull_changes(body: PullRequest, token: TokenDep, server: ServerDep) -> Response:
    """Return the next page of changes the caller may see after `cursor`."""
    # Pulls are most of the traffic: the token is checked in the pull's own snapshot, in
    # the same worker thread, rather than in a transaction and a thread of its own.
    with db.read(server.engine) as connection:
        session = server.auth.session_in(connection, token)
        answer = pull.pull_in(connection, session.person, body)
    if answer.record_scopes is not None:
        pull.record_scopes(server.engine, client_id=body.client_id,
                           person_id=session.person.id, key=answer.record_scopes,
                           now=server.settings.clock())
    return Response(answer.body, media_type="application/json")


def _scopes(server: Server, session: Session) -> frozenset[str]:
    with db.read(server.engine) as connection:
        return user_scopes(connection, person_id=session.person.id,
                           unit_id=session.person.unit_id)


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
async def events(session: SessionDep, server: ServerDep) -> StreamingResponse:
    """Server-sent events: `poke` when something new may be pulled, `heartbeat` meanwhile;
    503 while the server is stopping."""
    if server.hub.closing:
        raise ApiError(503, "server.stopping", "服务器正在停止，请稍后重试",
                       headers={"Retry-After": "5"})
    scopes = await run_in_threadpool(_scopes, server, session)
    await run_in_threadpool(server.notifier.ensure_listening)
    return StreamingResponse(_stream(server, session, scopes), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
