"""Logins: argon2 password hashes, opaque tokens stored hashed, rotation and throttling."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from officeapp.errors import ValidationError
from officeapp.org import Person
from sync.server.errors import ApiError
from sync.server.identity import ldap_login
from sync.server.identity.ldap_login import Verdict
from sync.server.settings import PasswordCost, Settings
from sync.server.storage import db
from sync.server.storage import tables as t
from sync.server.storage.directory import person_from_row

INVALID_CREDENTIALS = ApiError(401, "auth.invalid_credentials", "用户名或密码错误")


def hasher(cost: PasswordCost) -> PasswordHasher:
    """Return the argon2id hasher for these parameters."""
    return PasswordHasher(time_cost=cost.time_cost, memory_cost=cost.memory_cost,
                          parallelism=cost.parallelism)


def hash_password(password: str, cost: PasswordCost) -> str:
    """Return the argon2id hash of `password`."""
    return hasher(cost).hash(password)


def token_hash(token: str) -> str:
    """Return how a token is stored: only its SHA-256, so a database leak leaks no token."""
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Session:
    """The person behind an access token, and the login (token family) it belongs to."""

    person: Person
    family_id: str
    expires_at: datetime


_a, _f, _p = t.access_tokens.c, t.token_families.c, t.people.c
# The person and login of a token, built once with a parameter: most requests check a token,
# and pulls extend this statement with what they read next (sync.server.storage.pull).
SESSION: sa.Select[Any] = (
    sa.select(*(c for c in t.people.c if c.name != "password_hash"), _a.family_id,
              _a.expires_at)
    .select_from(t.access_tokens)
    .join(t.token_families, _f.id == _a.family_id)
    .join(t.people, _p.id == _a.person_id)
    .where(_a.token_hash == sa.bindparam("token_hash"), _f.revoked_at.is_(None), _p.active))


def session_params(access_token: str) -> dict[str, str]:
    """Return the parameters of `SESSION` for `access_token`."""
    return {"token_hash": token_hash(access_token)}


def session_from(row: sa.Row[Any] | None, now: datetime) -> Session:
    """Return the session of a `SESSION` row, or refuse with 401 (no row: unknown, revoked or
    inactive; an old one: expired)."""
    if row is None:
        raise ApiError(401, "auth.invalid_token", "登录已失效，请重新登录",
                       headers={"WWW-Authenticate": "Bearer"})
    expires_at = db.as_utc(row.expires_at)
    if expires_at <= now:
        raise ApiError(401, "auth.token_expired", "登录已过期，请刷新登录",
                       headers={"WWW-Authenticate": "Bearer"})
    return Session(person_from_row(row), row.family_id, expires_at)


@dataclass(frozen=True)
class Issued:
    """A fresh token pair."""

    access_token: str
    refresh_token: str
    expires_in: int
    person: Person


# The rules every password set on this server keeps (create-user and 修改密码 alike).
MIN_PASSWORD = 8
WRONG_PASSWORD = ApiError(403, "auth.wrong_password", "当前密码不正确")


def check_new_password(password: str, *, username: str = "") -> None:
    """Refuse a password that breaks the rules, with a Chinese message saying which."""
    if len(password) < MIN_PASSWORD:
        raise ValidationError("auth.weak_password", f"密码至少需要{MIN_PASSWORD}个字符")
    if password.strip() != password:
        raise ValidationError("auth.weak_password", "密码首尾不能是空格")
    if username and password.casefold() == username.casefold():
        raise ValidationError("auth.weak_password", "密码不能与用户名相同")


def revoke_family(connection: sa.Connection, family_id: str, now: datetime,
                  reason: str) -> None:
    """End one login (token family): its access tokens go, its refresh tokens stop working."""
    f = t.token_families.c
    connection.execute(sa.update(t.token_families).where(
        f.id == family_id, f.revoked_at.is_(None)).values(revoked_at=now, revoked_reason=reason))
    connection.execute(sa.delete(t.access_tokens).where(t.access_tokens.c.family_id == family_id))


def revoke_person(connection: sa.Connection, person_id: str, now: datetime,
                  reason: str) -> int:
    """End every login of a person in the caller's transaction; return how many."""
    f = t.token_families.c
    families = connection.execute(sa.select(f.id).where(
        f.person_id == person_id, f.revoked_at.is_(None))).scalars().all()
    for family_id in families:
        revoke_family(connection, family_id, now, reason)
    return len(families)


class Auth:
    """Login, refresh, logout and token checks against the server database."""

    def __init__(self, engine: sa.Engine, settings: Settings) -> None:
        self.engine = engine
        self.settings = settings
        self.hasher = hasher(settings.password_cost)
        # Checked against unknown usernames so that a miss costs as much time as a hit.
        self._decoy = self.hasher.hash(secrets.token_hex(16))

    # --- login ---------------------------------------------------------------------------

    def login(self, username: str, password: str, address: str) -> Issued:
        """Check the password and start a new login, or refuse (401) or throttle (429).

        Each attempt is first recorded as pending, in one step with counting the account's
        failures (`_reserve`): parallel guesses at one account, in any number of server
        processes, get at most `login_max_failures` password checks between them.
        People of the directory are checked by a bind to it (`ldap_login`); when it cannot
        be reached the answer is 503 and the attempt is not counted.
        """
        now = self.settings.clock()
        with db.write(self.engine) as connection:
            attempt = self._reserve(connection, username, address, now)
            row = connection.execute(sa.select(t.people).where(
                t.people.c.username == username, t.people.c.active)).first()
            subject = (ldap_login.subject_of(connection, row.id) if row is not None
                       and row.source == ldap_login.DIRECTORY else None)
        a = t.login_attempts.c
        try:
            verdict = self._check(row, subject, password, now)
        except ApiError:
            with db.write(self.engine) as connection:  # an outage, not a guess
                connection.execute(sa.delete(t.login_attempts).where(a.id == attempt))
            raise
        ok = verdict is not Verdict.WRONG
        bound = (ldap_login.remembered(self.settings.integrations.ldap, self.hasher, password,
                                       now) if verdict is Verdict.DIRECTORY else None)
        with db.write(self.engine) as connection:
            connection.execute(sa.update(t.login_attempts).where(a.id == attempt)
                               .values(success=ok))
            if ok and row is not None:
                connection.execute(sa.delete(t.login_attempts).where(
                    a.username == username, a.success.is_(False)))
                if bound is not None:
                    connection.execute(sa.update(t.people).where(t.people.c.id == row.id)
                                       .values(bound))
                return self._start_family(connection, person_from_row(row), now)
        raise INVALID_CREDENTIALS

    def _check(self, row: sa.Row[Any] | None, subject: str | None, password: str,
               now: datetime) -> Verdict:
        """Check a password: by the directory for its people, else against our hash."""
        if row is not None and row.source == ldap_login.DIRECTORY:
            return ldap_login.check(self.settings.integrations.ldap, self.hasher, row, subject,
                                    password, now)
        stored = row.password_hash if row is not None and row.password_hash else self._decoy
        # Verified outside any transaction: argon2 is slow on purpose.
        ok = self._verify(stored, password) and row is not None and bool(row.password_hash)
        return Verdict.LOCAL if ok else Verdict.WRONG

    def change_password(self, session: Session, current: str, new: str, address: str) -> None:
        """Set a new password for the signed-in person, who must give the current one.

        Throttled as a login is, on the same count: holding someone's unlocked session does
        not let anyone guess their password faster. Every other login of the person ends
        (a password changed because it leaked must lock the thief out); this one goes on.
        """
        person = session.person
        with db.read(self.engine) as connection:
            source = connection.execute(sa.select(t.people.c.source).where(
                t.people.c.id == person.id)).scalar()
        if source == ldap_login.DIRECTORY:
            raise ldap_login.PASSWORD_MANAGED
        check_new_password(new, username=person.username)
        if new == current:
            raise ValidationError("auth.same_password", "新密码不能与当前密码相同")
        now = self.settings.clock()
        with db.write(self.engine) as connection:
            attempt = self._reserve(connection, person.username, address, now)
            row = connection.execute(sa.select(t.people).where(
                t.people.c.id == person.id, t.people.c.active)).first()
        stored = row.password_hash if row is not None and row.password_hash else self._decoy
        ok = self._verify(stored, current) and row is not None and bool(row.password_hash)
        hashed = self.hasher.hash(new) if ok else ""
        a, f = t.login_attempts.c, t.token_families.c
        with db.write(self.engine) as connection:
            connection.execute(sa.update(t.login_attempts).where(a.id == attempt)
                               .values(success=ok))
            if not ok:
                raise WRONG_PASSWORD
            connection.execute(sa.delete(t.login_attempts).where(
                a.username == person.username, a.success.is_(False)))
            connection.execute(sa.update(t.people).where(t.people.c.id == person.id)
                               .values(password_hash=hashed))
            others = connection.execute(sa.select(f.id).where(
                f.person_id == person.id, f.id != session.family_id,
                f.revoked_at.is_(None))).scalars().all()
            for family_id in others:
                self._revoke_family(connection, family_id, now, "password_changed")

    def _verify(self, stored: str, password: str) -> bool:
        try:
            return self.hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False

    def _reserve(self, connection: sa.Connection, username: str, address: str,
                 now: datetime) -> int:
        """Under the account's lock, count its failed and pending attempts and the address's
        failures; refuse (429) when either has had enough, else record this attempt as pending.

        Pending attempts count against the account (so parallel guesses cannot all pass the
        count before any of them fails) but not against the address, where many people of one
        office may log in at once behind one NAT.
        """
        key = f"user:{username}"
        db.insert_ignore(connection, t.login_locks, {"key": key})
        connection.execute(sa.select(t.login_locks.c.key).where(t.login_locks.c.key == key)
                           .with_for_update())
        since = now - self.settings.login_window
        a = t.login_attempts.c
        unsuccessful = sa.or_(a.success.is_(False), a.success.is_(None))
        for condition in ((a.username == username) & unsuccessful,
                          (a.address == address) & a.success.is_(False)):
            failures = connection.execute(sa.select(sa.func.count()).where(
                condition, a.at >= since)).scalar_one()
            if failures >= self.settings.login_max_failures:
                minutes = int(self.settings.login_window.total_seconds() // 60)
                raise ApiError(429, "auth.throttled",
                               f"登录失败次数过多，请{minutes}分钟后再试",
                               headers={"Retry-After": str(minutes * 60)})
        inserted = connection.execute(sa.insert(t.login_attempts).values(
            username=username, address=address, at=now, success=None))
        primary = inserted.inserted_primary_key
        assert primary is not None, "an insert of one row has its key"
        return int(primary[0])

    def start_login(self, person: Person) -> Issued:
        """Start a new login for a person whose identity was checked elsewhere (an OpenID
        Connect provider, the directory); refuses (401) a person who is gone or has left."""
        now = self.settings.clock()
        with db.write(self.engine) as connection:
            current = self._person(connection, person.id)
            if current is None:
                raise INVALID_CREDENTIALS
            return self._start_family(connection, current, now)

    def external_login(self, key: str, address: str,
                       identify: Callable[[], Person]) -> Issued:
        """Start a login for the person `identify` returns from an identity checked elsewhere
        (an OpenID Connect ID token), throttled on `key` and `address` as a password login
        is: a refusal (401, 403) counts as a failure; an outage (any other error) not at all."""
        with db.write(self.engine) as connection:
            attempt = self._reserve(connection, key, address, self.settings.clock())
        outcome: bool | None = None
        try:
            person = identify()
            outcome = True
        except ApiError as error:
            outcome = False if error.status in (401, 403) else None
            raise
        finally:
            a = t.login_attempts.c
            with db.write(self.engine) as connection:
                if outcome is None:
                    connection.execute(sa.delete(t.login_attempts).where(a.id == attempt))
                else:
                    connection.execute(sa.update(t.login_attempts).where(a.id == attempt)
                                       .values(success=outcome))
                if outcome:
                    connection.execute(sa.delete(t.login_attempts).where(
                        a.username == key, a.success.is_(False)))
        return self.start_login(person)

    # --- tokens --------------------------------------------------------------------------

    def _start_family(self, connection: sa.Connection, person: Person, now: datetime) -> Issued:
        family_id = str(uuid.uuid4())
        connection.execute(sa.insert(t.token_families).values(
            id=family_id, person_id=person.id, created_at=now))
        return self._issue(connection, person, family_id, now)

    def _issue(self, connection: sa.Connection, person: Person, family_id: str,
               now: datetime) -> Issued:
        access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        ttl = self.settings.access_token_ttl
        connection.execute(sa.insert(t.access_tokens).values(
            token_hash=token_hash(access), family_id=family_id, person_id=person.id,
            expires_at=now + ttl))
        connection.execute(sa.insert(t.refresh_tokens).values(
            token_hash=token_hash(refresh), family_id=family_id, created_at=now,
            expires_at=now + self.settings.refresh_token_ttl))
        return Issued(access, refresh, int(ttl.total_seconds()), person)

    def refresh(self, refresh_token: str) -> Issued:
        """Spend a refresh token for a new pair; a reused one ends its whole login."""
        now = self.settings.clock()
        with db.write(self.engine) as connection:
            outcome = self._rotate(connection, token_hash(refresh_token), now)
        if isinstance(outcome, ApiError):
            raise outcome
        return outcome

    def _rotate(self, connection: sa.Connection, hashed: str, now: datetime) -> Issued | ApiError:
        r, f = t.refresh_tokens.c, t.token_families.c
        row = connection.execute(
            sa.select(r.family_id, r.expires_at, r.used_at, f.revoked_at, f.person_id)
            .join(t.token_families, f.id == r.family_id)
            .where(r.token_hash == hashed).with_for_update()).first()
        if row is None or row.revoked_at is not None:
            return ApiError(401, "auth.invalid_refresh", "登录已失效，请重新登录")
        if row.used_at is not None:
            # A spent token came back: someone holds a copy. End the login for both holders.
            self._revoke_family(connection, row.family_id, now, "reuse")
            return ApiError(401, "auth.refresh_reused",
                            "登录凭据被重复使用，为安全起见已注销本次登录，请重新登录")
        if db.as_utc(row.expires_at) <= now:
            return ApiError(401, "auth.refresh_expired", "登录已过期，请重新登录")
        spent = connection.execute(sa.update(t.refresh_tokens).where(
            r.token_hash == hashed, r.used_at.is_(None)).values(used_at=now))
        if spent.rowcount != 1:
            return ApiError(401, "auth.invalid_refresh", "登录已失效，请重新登录")
        person = self._person(connection, row.person_id)
        if person is None:
            return ApiError(401, "auth.invalid_refresh", "登录已失效，请重新登录")
        return self._issue(connection, person, row.family_id, now)

    def _person(self, connection: sa.Connection, person_id: str) -> Person | None:
        row = connection.execute(sa.select(t.people).where(
            t.people.c.id == person_id, t.people.c.active)).first()
        return None if row is None else person_from_row(row)

    def _revoke_family(self, connection: sa.Connection, family_id: str, now: datetime,
                       reason: str) -> None:
        revoke_family(connection, family_id, now, reason)

    def logout(self, session: Session) -> None:
        """End the login of `session`: its access and refresh tokens stop working."""
        with db.write(self.engine) as connection:
            self._revoke_family(connection, session.family_id, self.settings.clock(), "logout")

    def session(self, access_token: str) -> Session:
        """Return who holds `access_token`, or refuse with 401."""
        with db.read(self.engine) as connection:
            return self.session_in(connection, access_token)

    def session_in(self, connection: sa.Connection, access_token: str) -> Session:
        """`session` inside the caller's transaction."""
        row = connection.execute(SESSION, session_params(access_token)).first()
        return session_from(row, self.settings.clock())
