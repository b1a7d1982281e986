"""Talking to the province's directory (LDAP / Active Directory): checking a password by a
bind, and reading its units, people and groups for `officeapp-server sync-directory`.

Every connection is TLS, verified against the configured CA with the host name checked, and
every wait is bounded by `LdapSettings.timeout`. Anything that keeps us from an answer (the
directory down, slow, its certificate refused, the service account refused) is one
`DirectoryUnavailable`: the caller tells people to try later and never treats it as a wrong
password.
"""

from __future__ import annotations

import logging
import math
import ssl
import uuid
import warnings
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from sync.server.config import LdapSettings

with warnings.catch_warnings():
    # ldap3 2.9.1 imports pyasn1's old names (tagMap, typeMap), deprecated in pyasn1 0.6.
    warnings.filterwarnings("ignore", "(tagMap|typeMap) is deprecated", DeprecationWarning)
    import ldap3
    from ldap3.core.exceptions import LDAPException
    from ldap3.utils.conv import escape_filter_chars
    from ldap3.utils.dn import parse_dn

log = logging.getLogger("officeapp.server.ldap")

INVALID_CREDENTIALS = 49  # the LDAP result code of a bind with a wrong password
NO_SUCH_OBJECT = 32
PAGED_RESULTS = "1.2.840.113556.1.4.319"  # RFC 2696; AD answers at most 1000 entries without
PAGE = 500


class DirectoryUnavailable(Exception):
    """The directory could not be asked (unreachable, too slow, TLS refused, misconfigured);
    the message says why, for the log and the administrator, never for the person."""


@dataclass(frozen=True)
class Entry:
    """One directory entry: its DN, the subject that names it for good, and its attributes
    (names lower-cased, values decoded)."""

    dn: str
    subject: str
    attributes: Mapping[str, tuple[str, ...]]

    def first(self, name: str) -> str:
        """Return the first value of an attribute, or ""."""
        values = self.attributes.get(name.lower(), ())
        return values[0].strip() if values else ""


@dataclass(frozen=True)
class Snapshot:
    """Everything sync-directory needs, read before anything is written."""

    units: list[Entry]
    people: list[Entry]
    members: dict[str, frozenset[str]]  # a configured group's DN → its members' DNs (normalised)


def normal_dn(dn: str) -> str:
    """Return a DN in one spelling (attribute names and values lower-cased, no spaces around
    separators), for comparing DNs the directory wrote in different ways."""
    try:
        parts = parse_dn(dn, escape=False, strip=True)
    except LDAPException:
        return dn.strip().lower()
    return ",".join(f"{name.lower()}={value.lower()}" for name, value, _ in parts)


def parent_dn(dn: str) -> str:
    """Return the DN one level up ("" at the top)."""
    try:
        parts = parse_dn(dn, escape=False, strip=True)
    except LDAPException:
        return ""
    return ",".join(f"{name}={value}" for name, value, _ in parts[1:])


class _VerifiedTls(ldap3.Tls):
    """TLS with Python's own checks: the chain against the CA file and the host name.

    (ldap3 checks the name itself with ssl.match_hostname, deprecated since Python 3.7.)
    """

    def __init__(self, context: ssl.SSLContext, host: str) -> None:
        super().__init__(validate=ssl.CERT_REQUIRED)
        self.context = context
        self.host = host

    def wrap_socket(self, connection: Any, do_handshake: bool = False) -> None:
        connection.socket = self.context.wrap_socket(
            connection.socket, server_side=False, do_handshake_on_connect=do_handshake,
            server_hostname=self.host)


def _server(settings: LdapSettings) -> ldap3.Server:
    parts = urlsplit(settings.url)
    secure = parts.scheme == "ldaps"
    host = parts.hostname or ""
    try:
        context = ssl.create_default_context(cafile=settings.ca_file)
    except (OSError, ssl.SSLError) as error:
        raise DirectoryUnavailable(f"cannot read the CA file {settings.ca_file}: {error}") from None
    return ldap3.Server(host, port=parts.port or (636 if secure else 389), use_ssl=secure,
                        tls=_VerifiedTls(context, host), get_info=ldap3.NONE,
                        connect_timeout=settings.timeout)


@contextmanager
def connect(settings: LdapSettings) -> Iterator[ldap3.Connection]:
    """Yield a TLS connection bound as the service account; raise DirectoryUnavailable."""
    server = _server(settings)
    # ldap3 sets SO_RCVTIMEO from a whole number of seconds.
    connection = ldap3.Connection(server, user=settings.bind_dn, password=settings.bind_password,
                                  receive_timeout=max(1, math.ceil(settings.timeout)),
                                  auto_bind=ldap3.AUTO_BIND_NONE, read_only=True,
                                  auto_referrals=False, raise_exceptions=False)
    try:
        connection.open()
        if not server.ssl:
            connection.start_tls()
        if not connection.bind():
            raise DirectoryUnavailable(f"the service account {settings.bind_dn} was refused: "
                                       f"{connection.result.get('description')}")
        yield connection
    except (LDAPException, OSError, ssl.SSLError) as error:
        raise DirectoryUnavailable(f"{settings.url}: {type(error).__name__}: {error}") from None
    finally:
        with suppress(LDAPException, OSError, ssl.SSLError):  # it may have failed already
            connection.unbind()
        # ldap3 leaves the socket of a failed TLS handshake open.
        leftover = getattr(connection, "socket", None)
        if leftover is not None:
            with suppress(OSError):
                leftover.close()


def _decode(name: str, value: bytes) -> str:
    if name.lower() == "objectguid" and len(value) == 16:
        return str(uuid.UUID(bytes_le=value))  # AD's binary GUID, as AD tools print it
    return value.decode("utf-8", errors="replace")


def _entry(response: Mapping[str, Any], subject_attribute: str) -> Entry:
    raw: Mapping[str, Sequence[bytes]] = response.get("raw_attributes") or {}
    attributes = {name.lower(): tuple(_decode(name, v) for v in values)
                  for name, values in raw.items()}
    dn = str(response["dn"])
    values = attributes.get(subject_attribute.lower(), ()) if subject_attribute else ()
    return Entry(dn=dn, subject=values[0] if values else dn, attributes=attributes)


def _attributes(settings: LdapSettings, *names: str) -> list[str]:
    wanted = {settings.subject_attribute, *names} - {""}
    return sorted(wanted, key=str.lower)


def _check(connection: ldap3.Connection, what: str) -> None:
    result = connection.result or {}
    if result.get("result") == NO_SUCH_OBJECT:
        raise DirectoryUnavailable(f"{what} does not exist in the directory "
                                   f"({result.get('matched') or result.get('dn') or ''})")
    if result.get("result") != 0:
        raise DirectoryUnavailable(f"searching {what}: {result.get('description')} "
                                   f"{result.get('message') or ''}".strip())


def search_all(connection: ldap3.Connection, base: str, query: str, attributes: list[str],
               subject_attribute: str, *,
               scope: Literal["BASE", "LEVEL", "SUBTREE"] = "SUBTREE") -> list[Entry]:
    """Return every entry a search finds, page by page; any refusal (a size or time limit
    included) raises DirectoryUnavailable rather than returning a part."""
    found: list[Entry] = []
    cookie: Any = None
    while True:
        connection.search(base, query, search_scope=scope, attributes=attributes,
                          paged_size=PAGE if scope != "BASE" else None, paged_cookie=cookie)
        _check(connection, base)
        found += [_entry(r, subject_attribute) for r in connection.response or ()
                  if r.get("type") == "searchResEntry"]
        controls = (connection.result or {}).get("controls") or {}
        cookie = controls.get(PAGED_RESULTS, {}).get("value", {}).get("cookie")
        if not cookie:
            return found


# --- signing in -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bound:
    """The entry whose password was just checked."""

    dn: str
    subject: str


def check_password(settings: LdapSettings, username: str, password: str) -> Bound | None:
    """Find the person's entry as the service account and bind as it with `password`.

    Return the entry when the password is right, None when it is wrong or nobody (or more
    than one entry) has that username; raise DirectoryUnavailable when the directory cannot
    say. An empty password is never sent: many directories take it as an anonymous bind and
    answer "success".
    """
    if not password or not username:
        return None
    query = settings.user_filter.replace("{username}", escape_filter_chars(username))
    with connect(settings) as connection:
        connection.search(settings.people_base, query, search_scope=ldap3.SUBTREE,
                          attributes=_attributes(settings), size_limit=2)
        _check(connection, settings.people_base)
        found = [_entry(r, settings.subject_attribute) for r in connection.response or ()
                 if r.get("type") == "searchResEntry"]
        if len(found) != 1:
            if found:
                log.warning("%d directory entries match the username %r", len(found), username)
            return None
        entry = found[0]
        if connection.rebind(user=entry.dn, password=password):
            return Bound(entry.dn, entry.subject)
        if (connection.result or {}).get("result") == INVALID_CREDENTIALS:
            return None
        raise DirectoryUnavailable(f"binding as {entry.dn}: "
                                   f"{(connection.result or {}).get('description')}")


# --- reading the directory --------------------------------------------------------------------


def read_snapshot(settings: LdapSettings) -> Snapshot:
    """Read the units, people and configured groups in one session (raise
    DirectoryUnavailable if any part fails: nothing is returned half-read)."""
    with connect(settings) as connection:
        units = search_all(connection, settings.units_base, settings.unit_filter,
                           _attributes(settings, settings.unit_name_attribute,
                                       settings.unit_id_attribute),
                           settings.subject_attribute)
        people = search_all(connection, settings.people_base, settings.people_filter,
                            _attributes(settings, settings.username_attribute,
                                        settings.name_attribute, settings.email_attribute,
                                        settings.phone_attribute, settings.title_attribute,
                                        settings.disabled_attribute),
                            settings.subject_attribute)
        members = {}
        for group in settings.roles:
            found = search_all(connection, group, "(objectClass=*)",
                               [settings.group_member_attribute], "", scope="BASE")
            name = settings.group_member_attribute.lower()
            if any(key.startswith(f"{name};range=") for key in found[0].attributes):
                # AD hands out a large group's members in ranges: refuse rather than
                # give roles from a part of it.
                raise DirectoryUnavailable(f"the group {group} has more members than AD returns "
                                           "at once (ranged retrieval is not supported)")
            values = found[0].attributes.get(name, ())
            members[group] = frozenset(normal_dn(v) for v in values)
    return Snapshot(units=units, people=people, members=members)


def is_disabled(settings: LdapSettings, entry: Entry) -> bool:
    """Return whether the directory disabled this person's account."""
    name = settings.disabled_attribute
    if not name:
        return False
    values = entry.attributes.get(name.lower(), ())
    if name.lower() == "useraccountcontrol":
        return any(v.strip().isdigit() and int(v) & 2 for v in values)  # ACCOUNTDISABLE
    if settings.disabled_values:
        return any(v.strip() in settings.disabled_values for v in values)
    return any(v.strip() for v in values)


__all__ = ["Bound", "DirectoryUnavailable", "Entry", "Snapshot", "check_password", "connect",
           "is_disabled", "normal_dn", "parent_dn", "read_snapshot"]
