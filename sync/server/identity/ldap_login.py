"""Signing in people of the directory (`people.source == "ldap"`): their password is checked by
a bind to the directory, never against anything kept here while the directory answers.

During an outage, and only if `[ldap] cached_login_days` is set, a person who signed in
through the directory that recently may sign in with the argon2 hash of that last good
password, kept at each successful bind. A wrong password while the directory is up is only
ever a wrong password.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from sync.server.config import LdapSettings
from sync.server.errors import ApiError
from sync.server.identity import ldap_directory
from sync.server.storage import tables as t
from sync.server.storage.db import as_utc

log = logging.getLogger("officeapp.server.ldap")

DIRECTORY = "ldap"  # people.source, and the provider of their external identity
DIRECTORY_UNAVAILABLE = ApiError(
    503, "auth.directory_unavailable", "统一身份认证服务暂时无法连接，请稍后再试或联系管理员",
    headers={"Retry-After": "30"})
PASSWORD_MANAGED = ApiError(403, "auth.password_managed_by_directory",
                            "该账号的密码由统一身份认证平台管理，请在平台上修改")


class Verdict(Enum):
    """How a directory person's password fared."""

    WRONG = "wrong"
    LOCAL = "local"  # a local person's argon2 hash matched
    DIRECTORY = "directory"  # the directory accepted it
    CACHED = "cached"  # the directory is down; the kept hash of the last good one matched


def subject_of(connection: sa.Connection, person_id: str) -> str | None:
    """Return the directory entry (entryUUID or DN) sync-directory linked the person to."""
    x = t.external_identities.c
    return connection.execute(sa.select(x.subject).where(
        x.provider == DIRECTORY, x.person_id == person_id)).scalar()


def check(settings: LdapSettings | None, hasher: PasswordHasher, row: sa.Row[Any],
          subject: str | None, password: str, now: datetime) -> Verdict:
    """Check a directory person's password; raise DIRECTORY_UNAVAILABLE (503) when neither
    the directory nor a usable kept hash can say."""
    if settings is None:
        log.error("%s is a directory person but no [ldap] is configured", row.username)
        raise DIRECTORY_UNAVAILABLE
    try:
        bound = ldap_directory.check_password(settings, row.username, password)
    except ldap_directory.DirectoryUnavailable as error:
        log.warning("directory unavailable for a sign-in: %s", error)
        return _cached(settings, hasher, row, password, now)
    if bound is None:
        return Verdict.WRONG
    if subject is not None and bound.subject != subject:
        # The username now names another entry than the one this person was synced from:
        # only sync-directory may decide who that is.
        log.warning("%s signed in as %s, not the entry %s it was synced from",
                    row.username, bound.subject, subject)
        return Verdict.WRONG
    return Verdict.DIRECTORY


def _cached(settings: LdapSettings, hasher: PasswordHasher, row: sa.Row[Any], password: str,
            now: datetime) -> Verdict:
    last = row.directory_login_at
    days = settings.cached_login_days
    if not days or not row.password_hash or last is None or not password:
        raise DIRECTORY_UNAVAILABLE
    if now - as_utc(last) > timedelta(days=days):
        raise DIRECTORY_UNAVAILABLE
    ok: bool
    try:
        ok = hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        ok = False
    return Verdict.CACHED if ok else Verdict.WRONG


def remembered(settings: LdapSettings | None, hasher: PasswordHasher, password: str,
               now: datetime) -> dict[str, Any]:
    """Return what a successful bind updates on the person: when, and the hash of the
    password only if cached sign-ins are on (otherwise any older hash is dropped)."""
    keep = settings is not None and settings.cached_login_days > 0
    return {"directory_login_at": now, "password_hash": hasher.hash(password) if keep else None}
