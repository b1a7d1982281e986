"""Dependencies shared by the routes: the server of this app and the caller's session."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from sync.server.errors import ApiError, error_response, invalid_request
from sync.server.http.server import Server
from sync.server.identity.auth import Session

bearer = HTTPBearer(auto_error=False, description="登录得到的访问令牌（access_token）")


def _server(request: Request) -> Server:
    server: Server = request.app.state.server
    return server


# Dependencies that do no I/O are `async`: FastAPI runs a plain `def` dependency in the
# thread pool, and a thread hop costs more than the lookup itself.
async def server_of(request: Request) -> Server:
    """Return the Server of the app handling `request`."""
    return _server(request)


async def bearer_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> str:
    """Return the bearer token of the request (not yet checked), or refuse with 401."""
    if credentials is None or not 16 <= len(credentials.credentials) <= 256:
        raise ApiError(401, "auth.required", "请先登录", headers={"WWW-Authenticate": "Bearer"})
    return credentials.credentials


def current_session(request: Request,
                    token: Annotated[str, Depends(bearer_token)]) -> Session:
    """Return the session of the bearer token, or refuse with 401."""
    return _server(request).auth.session(token)


ServerDep = Annotated[Server, Depends(server_of)]
TokenDep = Annotated[str, Depends(bearer_token)]
SessionDep = Annotated[Session, Depends(current_session)]


def needs_login(dependant: Dependant) -> bool:
    """Return whether a route (or dependency) asks for the caller's bearer token."""
    return any(d.call is bearer_token or needs_login(d) for d in dependant.dependencies)


async def refuse_invalid(request: Request, error: Exception) -> JSONResponse:
    """Answer a malformed request, but authenticate first: a route that needs a login answers
    401 to a caller without a valid one, whatever else is wrong with the request.

    FastAPI reads and checks the body before it runs dependencies, so this check is repeated
    here, on the error path only.
    """
    route = request.scope.get("route")
    if isinstance(route, APIRoute) and needs_login(route.dependant):
        try:
            token = await bearer_token(await bearer(request))
            await run_in_threadpool(_server(request).auth.session, token)
        except ApiError as refusal:
            return error_response(refusal.status, refusal.code, refusal.message,
                                  refusal.details, refusal.headers)
    assert isinstance(error, RequestValidationError)
    return await invalid_request(request, error)
