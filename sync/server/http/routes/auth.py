"""/auth: login, refresh and logout."""

from __future__ import annotations

import threading

from fastapi import APIRouter, Request, Response

from officeapp.errors import ValidationError
from sync.protocol import (
    AuthMethods,
    ChangePasswordRequest,
    ErrorBody,
    LoginRequest,
    OidcLoginRequest,
    OidcMethod,
    OidcStart,
    PersonInfo,
    RefreshRequest,
    TokenPair,
)
from sync.server.errors import ApiError
from sync.server.http.limits import unstorable_text
from sync.server.http.routes.deps import ServerDep, SessionDep
from sync.server.http.server import Server
from sync.server.identity.auth import Issued
from sync.server.identity.oidc import NOT_CONFIGURED, OidcLogin, throttle_key

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


@router.post("/login", responses={**ERRORS, 503: {"model": ErrorBody}})
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


# --- 统一身份认证 (OpenID Connect) ---------------------------------------------------------------

_oidc_lock = threading.Lock()


def _oidc(request: Request, server: Server) -> OidcLogin:
    """Return the app's OpenID Connect checker (made at first use: it caches the provider's
    keys), or refuse when the server has no [oidc] configuration."""
    settings = server.settings.integrations.oidc
    if settings is None:
        raise NOT_CONFIGURED
    with _oidc_lock:
        found: OidcLogin | None = getattr(request.app.state, "oidc", None)
        if found is None:
            found = request.app.state.oidc = OidcLogin(settings, server.engine,
                                                       server.settings.clock)
    return found


@router.get("/methods")
async def methods(server: ServerDep) -> AuthMethods:
    """Say how people can log in here (before any login): passwords, and the OpenID Connect
    provider the desktop signs in at, if one is configured."""
    oidc = server.settings.integrations.oidc
    return AuthMethods(password=True, oidc=None if oidc is None else OidcMethod(
        issuer=oidc.issuer, client_id=oidc.client_id, scopes=list(oidc.scopes)))


@router.post("/oidc/start", responses={404: {"model": ErrorBody}})
def oidc_start(request: Request, server: ServerDep) -> OidcStart:
    """Hand out a single-use nonce for the next sign-in at the OpenID Connect provider."""
    nonce, expires_in = _oidc(request, server).start()
    return OidcStart(nonce=nonce, expires_in=expires_in)


@router.post("/oidc", responses={**ERRORS, 403: {"model": ErrorBody}, 404: {"model": ErrorBody},
                                 503: {"model": ErrorBody}})
def oidc_login(body: OidcLoginRequest, request: Request, server: ServerDep) -> TokenPair:
    """Exchange an ID token from the OpenID Connect provider (carrying a nonce from
    /auth/oidc/start) for a token pair; throttled like a password login."""
    oidc = _oidc(request, server)
    address = request.client.host if request.client else "unknown"
    return _pair(server.auth.external_login(throttle_key(body.id_token), address[:64],
                                            lambda: oidc.identify(body.id_token)))
