"""Dependencies shared by the routes: the server of this app and the caller's session."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sync.server.auth import Session
from sync.server.errors import ApiError
from sync.server.server import Server

bearer = HTTPBearer(auto_error=False, description="登录得到的访问令牌（access_token）")


def server_of(request: Request) -> Server:
    """Return the Server of the app handling `request`."""
    server: Server = request.app.state.server
    return server


def current_session(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Session:
    """Return the session of the bearer token, or refuse with 401."""
    if credentials is None or not 16 <= len(credentials.credentials) <= 256:
        raise ApiError(401, "auth.required", "请先登录", headers={"WWW-Authenticate": "Bearer"})
    return server_of(request).auth.session(credentials.credentials)


ServerDep = Annotated[Server, Depends(server_of)]
SessionDep = Annotated[Session, Depends(current_session)]
