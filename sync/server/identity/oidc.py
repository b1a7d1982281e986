"""统一身份认证: checking the ID token a desktop brings back from the province's OpenID Connect
provider, and finding the person it names.

The desktop signs in at the provider itself (authorization code with PKCE, RFC 8252) with a
nonce this server handed out (`start`); the server then checks the ID token's signature
against the provider's published keys, its issuer, audience, times and algorithm, spends the
nonce, and maps (issuer, sub) to a person: through `external_identities`, or on a first
sign-in through the configured username claim (the link is then recorded).
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import ssl
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
import jwt
import sqlalchemy as sa

from officeapp.org import Person
from sync.server.config import OidcSettings
from sync.server.errors import ApiError
from sync.server.http.limits import unstorable_text
from sync.server.storage import db
from sync.server.storage import tables as t
from sync.server.storage.directory import person_from_row

log = logging.getLogger("officeapp.server.oidc")

# Asymmetric algorithms only: "none" and the HMAC family (whose key would be the public
# client_id's secret, which a public client has none of) are refused before any key is used.
ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
              "ES256", "ES384", "ES512", "EdDSA")
MAX_SUBJECT = 255  # the longest `sub` OIDC allows, and external_identities stores
LEEWAY = timedelta(seconds=60)  # clocks of the provider and the server may differ this much
NONCE_TTL = timedelta(minutes=10)  # a sign-in in the browser must finish within this
# An ID token signed with a key id not in the cached set refetches the set (the provider
# rotated its keys), but no more often than this, so forged key ids cannot flood the provider.
REFETCH_AFTER = timedelta(seconds=60)
KEYS_TTL = timedelta(hours=12)  # cached keys are refetched at least this often
# After a failed fetch the provider is left alone this long: sign-ins meanwhile are answered
# at once (from the cached keys, or 503) instead of each waiting out the timeout in turn.
RETRY_AFTER = timedelta(seconds=10)

NOT_CONFIGURED = ApiError(404, "auth.oidc_not_configured", "本系统未启用统一身份认证登录")
INVALID_TOKEN = ApiError(401, "auth.oidc_invalid_token", "统一身份认证凭据无效，请重新登录")
EXPIRED_TOKEN = ApiError(401, "auth.oidc_token_expired", "统一身份认证凭据已过期，请重新登录")
UNKNOWN_PERSON = ApiError(403, "auth.oidc_unknown_person",
                          "统一身份认证账号未在本系统登记，请联系管理员")
UNAVAILABLE = ApiError(503, "auth.oidc_unavailable", "统一身份认证服务暂时无法访问，请稍后再试")


@dataclass(frozen=True)
class Identity:
    """Who a checked ID token says signed in: the provider's (issuer, sub) and its claims."""

    issuer: str
    subject: str
    claims: Mapping[str, Any]


def throttle_key(id_token: str) -> str:
    """Return the key a sign-in is throttled on: the `sub` the token claims, unchecked (a
    forger may pick any; the address's count still holds them, as for password guesses)."""
    try:
        subject = str(jwt.decode(id_token, options={"verify_signature": False}).get("sub", ""))
    except jwt.InvalidTokenError:
        subject = ""
    return "oidc:" + hashlib.sha256(subject.encode()).hexdigest()[:40]


@dataclass(frozen=True)
class SigningKey:
    """One of the provider's public keys, and the algorithm it is published for (if any)."""

    jwk: jwt.PyJWK
    algorithm: str | None


class ProviderKeys:
    """The provider's signing keys from its discovery document, cached; refetched when a token
    names an unknown key id. Every call to the provider has the configured timeout."""

    def __init__(self, settings: OidcSettings, clock: Callable[[], datetime]) -> None:
        self.settings = settings
        self.clock = clock
        self.fetches = 0  # how often the key set was fetched (read by tests)
        self._lock = threading.Lock()
        self._keys: dict[str, SigningKey] = {}
        self._fetched_at: datetime | None = None
        self._failed_at: datetime | None = None

    def key(self, kid: str) -> SigningKey | None:
        """Return the key with id `kid` (refetching the set if it is unknown), or None; refuse
        (503) when the provider cannot be reached and no cached key serves."""
        with self._lock:
            now = self.clock()
            if self._due(now, kid) and not self._refresh(now) and kid not in self._keys:
                raise UNAVAILABLE
            return self._keys.get(kid)

    def _refresh(self, now: datetime) -> bool:
        """Fetch the key set; return False when the provider cannot be reached (the cached
        keys stay in use through an outage)."""
        if self._failed_at is not None and now - self._failed_at < RETRY_AFTER:
            return False
        try:
            self._keys = self._fetch()
        except ApiError:
            self._failed_at = now
            return False
        self._fetched_at, self._failed_at = now, None
        return True

    def _due(self, now: datetime, kid: str) -> bool:
        if self._fetched_at is None or now - self._fetched_at >= KEYS_TTL:
            return True
        return kid not in self._keys and now - self._fetched_at >= REFETCH_AFTER

    def _fetch(self) -> dict[str, SigningKey]:
        self.fetches += 1
        issuer = self.settings.issuer
        try:
            with self._http() as http:
                discovery = self._json(http, discovery_url(issuer))
                if discovery.get("issuer") != issuer or not isinstance(
                        discovery.get("jwks_uri"), str):
                    raise ValueError(f"discovery document of {issuer} names another issuer")
                document = self._json(http, discovery["jwks_uri"])
        except (httpx.HTTPError, ValueError, OSError) as error:  # OSError: TLS, CA file
            log.warning("OIDC provider %s unreachable: %s", issuer, error)
            raise UNAVAILABLE from None
        return _usable_keys(document)

    def _http(self) -> httpx.Client:
        verify: ssl.SSLContext | bool = True
        if self.settings.ca_file:
            verify = ssl.create_default_context(cafile=self.settings.ca_file)
        return httpx.Client(timeout=self.settings.timeout, verify=verify, trust_env=False,
                            headers={"Accept": "application/json"})

    @staticmethod
    def _json(http: httpx.Client, url: str) -> dict[str, Any]:
        response = http.get(url)
        response.raise_for_status()
        data = response.json()  # ValueError when it is not JSON
        if not isinstance(data, dict):
            raise ValueError(f"{url} is not a JSON object")
        return data


def discovery_url(issuer: str) -> str:
    """Return where an issuer publishes its discovery document (OIDC Discovery 1.0 §4)."""
    return issuer.rstrip("/") + "/.well-known/openid-configuration"


def _usable_keys(document: Mapping[str, Any]) -> dict[str, SigningKey]:
    """Return the signing keys of a JWK set by key id, skipping keys this server cannot use."""
    keys: dict[str, SigningKey] = {}
    entries = document.get("keys")
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or entry.get("use", "sig") != "sig":
            continue
        try:
            algorithm = entry.get("alg")
            keys[str(entry.get("kid", ""))] = SigningKey(
                jwt.PyJWK(entry), algorithm if isinstance(algorithm, str) else None)
        except (jwt.PyJWKError, jwt.InvalidKeyError, ValueError, TypeError):
            continue  # a key type or curve we do not know: tokens signed with it are refused
    return keys


class OidcLogin:
    """Hands out nonces and checks ID tokens for one configured provider."""

    def __init__(self, settings: OidcSettings, engine: sa.Engine,
                 clock: Callable[[], datetime]) -> None:
        self.settings = settings
        self.engine = engine
        self.clock = clock
        self.keys = ProviderKeys(settings, clock)

    def start(self) -> tuple[str, int]:
        """Return a fresh single-use nonce and how many seconds it lives; forget expired ones."""
        nonce, now = secrets.token_urlsafe(32), self.clock()
        n = t.oidc_nonces.c
        with db.write(self.engine) as connection:
            connection.execute(sa.delete(t.oidc_nonces).where(n.expires_at <= now))
            connection.execute(sa.insert(t.oidc_nonces).values(
                nonce_hash=_digest(nonce), expires_at=now + NONCE_TTL))
        return nonce, int(NONCE_TTL.total_seconds())

    def identify(self, id_token: str) -> Person:
        """Return the active person an ID token names, spending its nonce; or refuse."""
        identity = self.check(id_token)
        with db.write(self.engine) as connection:
            self._spend(connection, identity.claims.get("nonce"))
            return self._person(connection, identity)

    def check(self, id_token: str) -> Identity:
        """Return what a genuine, current ID token for our client says, or refuse (401/503)."""
        try:
            header = jwt.get_unverified_header(id_token)
        except jwt.InvalidTokenError:
            raise INVALID_TOKEN from None
        algorithm, kid = header.get("alg"), header.get("kid", "")
        if algorithm not in ALGORITHMS or not isinstance(kid, str):
            raise INVALID_TOKEN
        key = self.keys.key(kid)
        if key is None or key.algorithm not in (algorithm, None):
            raise INVALID_TOKEN  # a key published for one algorithm serves no other
        claims = self._decode(id_token, key.jwk, algorithm)
        self._check_times(claims)
        return Identity(issuer=claims["iss"], subject=str(claims["sub"]), claims=claims)

    def _decode(self, id_token: str, key: jwt.PyJWK, algorithm: str) -> dict[str, Any]:
        # Times are checked against the server's clock below, not the machine's.
        options: Any = {"require": ["iss", "aud", "sub", "exp", "iat"], "verify_exp": False,
                        "verify_nbf": False, "verify_iat": False}
        try:
            claims = jwt.decode(id_token, key.key, algorithms=[algorithm], options=options,
                                audience=self.settings.client_id, issuer=self.settings.issuer)
        except (jwt.PyJWTError, ValueError, TypeError):
            raise INVALID_TOKEN from None  # a bad signature, issuer or audience; a wrong key type
        audience = claims["aud"]
        if isinstance(audience, list) and len(audience) > 1 \
                and claims.get("azp") != self.settings.client_id:
            raise INVALID_TOKEN  # OIDC Core 3.1.3.7: several audiences need azp to be us
        subject = claims["sub"]
        if not isinstance(subject, str) or not 0 < len(subject) <= MAX_SUBJECT \
                or unstorable_text(claims):
            raise INVALID_TOKEN  # OIDC Core 2: sub is at most 255 ASCII characters
        return claims

    def _check_times(self, claims: Mapping[str, Any]) -> None:
        now, leeway = self.clock().timestamp(), LEEWAY.total_seconds()
        times = {name: claims.get(name, 0) for name in ("exp", "iat", "nbf")}
        if any(isinstance(v, bool) or not isinstance(v, int | float) for v in times.values()):
            raise INVALID_TOKEN
        if times["iat"] - leeway > now or times["nbf"] - leeway > now:
            raise INVALID_TOKEN  # issued in the future: the provider's clock or a forgery
        if times["exp"] + leeway <= now:
            raise EXPIRED_TOKEN

    def _spend(self, connection: sa.Connection, nonce: Any) -> None:
        """Delete the token's nonce if this server handed it out and it is unspent, else refuse
        (a replayed token, or one obtained for a sign-in this server never started)."""
        if not isinstance(nonce, str) or not nonce:
            raise INVALID_TOKEN
        n = t.oidc_nonces.c
        spent = connection.execute(sa.delete(t.oidc_nonces).where(
            n.nonce_hash == _digest(nonce), n.expires_at > self.clock()))
        if spent.rowcount != 1:
            raise INVALID_TOKEN

    def _person(self, connection: sa.Connection, identity: Identity) -> Person:
        """Return the active person linked to the identity, linking them by the username
        claim at the first sign-in; refuse (403) anyone else."""
        x, p = t.external_identities.c, t.people.c
        linked = connection.execute(sa.select(x.person_id).where(
            x.provider == identity.issuer, x.subject == identity.subject)).scalar_one_or_none()
        if linked is not None:
            return _active(connection, p.id == linked)
        username = identity.claims.get(self.settings.username_claim)
        if not isinstance(username, str) or not username:
            raise UNKNOWN_PERSON
        person = _active(connection, p.username == username)
        # A person already linked to another account of this provider is not taken over by a
        # second account that claims the same username (a reused or a forged name).
        taken = connection.execute(sa.select(x.subject).where(
            x.provider == identity.issuer, x.person_id == person.id)).first()
        if taken is not None:
            raise UNKNOWN_PERSON
        db.insert_ignore(connection, t.external_identities, {
            "provider": identity.issuer, "subject": identity.subject, "person_id": person.id,
            "created_at": self.clock()})
        return person


def _active(connection: sa.Connection, condition: sa.ColumnElement[bool]) -> Person:
    row = connection.execute(sa.select(t.people).where(condition, t.people.c.active)).first()
    if row is None:
        raise UNKNOWN_PERSON
    return person_from_row(row)


def _digest(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()
