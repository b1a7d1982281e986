"""/auth: login, refresh and logout."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from officeapp.errors import ValidationError
from sync.protocol import (
    ChangePasswordRequest,
    ErrorBody,
    LoginRequest,
    PersonInfo,
    RefreshRequest,
    TokenPair,
)
from sync.server.auth import Issued
from sync.server.errors import ApiError
from sync.server.limits import unstorable_text
from sync.server.routes.deps import ServerDep, SessionDep

router = APIRouter(prefix="/auth", tags=["auth"])
ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorBody}, 422: {"model": ErrorBody}, 429: {"model": ErrorBody}}


def _pair(issued: Issued) -> TokenPair:
    person = issued.person
    return TokenPair(access_token=issued.access_token, refresh_token=issued.refresh_token,
                     expires_in=issued.expires_in,
                     person=PersonInfo(id=person.id, name=person.name, unit_id=person.unit_id,
                                       roles=sorted(r.value for r in person.roles),
                                       username=person.username))


@router.post("/login", responses=ERRORS)
def login(body: LoginRequest, request: Request, server: ServerDep) -> TokenPair:
    """Exchange username and password for an access token and a refresh token."""
    address = request.client.host if request.client else "unknown"
    if unstorable_text(body.username):
        # No such account can exist, and PostgreSQL would refuse the throttling query.
        raise ApiError(422, "request.invalid", "请求内容不符合要求：body.username")
    return _pair(server.auth.login(body.username, body.password, address[:64]))


@router.post("/refresh", responses=ERRORS)
def refresh(body: RefreshRequest, server: ServerDep) -> TokenPair:
    """Spend a refresh token for a new pair (a reused one ends the whole login)."""
    return _pair(server.auth.refresh(body.refresh_token))


@router.post("/password", status_code=204,
             responses={**ERRORS, 403: {"model": ErrorBody}})
def change_password(body: ChangePasswordRequest, request: Request, session: SessionDep,
                    server: ServerDep) -> Response:
    """Change the caller's password (修改密码): the current one first, the rules of every
    password, throttled like a login; the caller's other logins end."""
    address = request.client.host if request.client else "unknown"
    try:
        server.auth.change_password(session, body.current_password, body.new_password,
                                    address[:64])
    except ValidationError as error:
        raise ApiError(422, error.code, error.message) from None
    return Response(status_code=204)


@router.post("/logout", status_code=204, responses=ERRORS)
def logout(session: SessionDep, server: ServerDep) -> Response:
    """End the caller's login: its access and refresh tokens stop working."""
    server.auth.logout(session)
    return Response(status_code=204)
