"""Dependencies shared by the routes: the server of this app and the caller's session."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sync.server.auth import Session
from sync.server.errors import ApiError
from sync.server.server import Server

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
