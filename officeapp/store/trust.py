"""The organisation's trusted roots (验章 checks against them), kept in sync_meta as JSON.

They arrive as changes of kind "trust_root" (id: the certificate's SHA-256 fingerprint,
data: {"id", "name", "pem"}), like the directory's, and a revoke removes one. A handful of
certificates, so a key/value entry holds them all without a table of their own.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from officeapp.store import meta

log = logging.getLogger(__name__)

KIND = "trust_root"
META_KEY = "trust_roots"
_PEM_BEGIN = "-----BEGIN CERTIFICATE-----"
_PEM_END = "-----END CERTIFICATE-----"
# A root certificate is a few kilobytes; anything far larger is not one.
_MAX_PEM = 64 * 1024


@dataclass(frozen=True)
class TrustRoot:
    """One trusted root: its fingerprint, the name people read, and the certificate (PEM)."""

    id: str
    name: str
    pem: str

    def as_dict(self) -> dict[str, str]:
        """Return the stored form."""
        return {"id": self.id, "name": self.name, "pem": self.pem}


class Change(Protocol):
    """What a pulled change offers (`pull.PulledChange`)."""

    @property
    def kind(self) -> str: ...

    @property
    def id(self) -> str: ...

    @property
    def op(self) -> str: ...

    @property
    def data(self) -> Mapping[str, Any] | None: ...


def parse(record_id: str, data: Mapping[str, Any] | None) -> TrustRoot:
    """Return the root a change carries; ValueError when it is not one."""
    if not isinstance(data, Mapping):
        raise ValueError("a trusted root must be an object")
    found_id, name, pem = data.get("id", record_id), data.get("name", ""), data.get("pem")
    if not isinstance(found_id, str) or found_id != record_id or not record_id:
        raise ValueError("the root's id must be the change's id")
    if not isinstance(name, str) or not isinstance(pem, str):
        raise ValueError("name and pem must be text")
    pem = pem.strip()
    if not (pem.startswith(_PEM_BEGIN) and pem.endswith(_PEM_END)) or len(pem) > _MAX_PEM:
        raise ValueError("pem must be one PEM certificate")
    return TrustRoot(record_id, name, pem + "\n")


def roots(conn: sqlite3.Connection) -> list[TrustRoot]:
    """Return the stored roots, by id; an unreadable entry counts as none."""
    text = meta.get(conn, META_KEY)
    if not text:
        return []
    try:
        items = json.loads(text)
    except ValueError:
        log.warning("the stored trusted roots are unreadable; waiting for the next sync")
        return []
    found: list[TrustRoot] = []
    for item in items if isinstance(items, list) else ():
        try:
            found.append(parse(str(item.get("id", "")) if isinstance(item, dict) else "", item))
        except ValueError:
            continue
    return sorted(found, key=lambda r: r.id)


def known(conn: sqlite3.Connection) -> bool:
    """Return whether this store ever received the roots (by pull, or by `replace`).

    A store that pulled with protocol 1 was never sent them and keeps its pull position
    after an upgrade, so it must ask for them once.
    """
    return meta.get(conn, META_KEY) is not None


def replace(conn: sqlite3.Connection, items: Iterable[Mapping[str, Any]]) -> list[TrustRoot]:
    """Store exactly the roots `items` describe (malformed ones logged and skipped)."""
    found: list[TrustRoot] = []
    for item in items:
        try:
            found.append(parse(str(item.get("id", "")), item))
        except ValueError as error:
            log.warning("skipped malformed trusted root from the server: %s", error)
    save(conn, found)
    return found


def save(conn: sqlite3.Connection, found: Iterable[TrustRoot]) -> None:
    """Replace the stored roots."""
    ordered = sorted({r.id: r for r in found}.values(), key=lambda r: r.id)
    meta.put(conn, META_KEY, json.dumps([r.as_dict() for r in ordered], ensure_ascii=False))


def apply(conn: sqlite3.Connection, changes: Iterable[Change]) -> bool:
    """Apply a page's trust_root puts and revokes, in order; return whether there were any.

    A malformed root is logged and skipped: the others still apply.
    """
    current = {r.id: r for r in roots(conn)}
    touched = False
    for change in changes:
        if change.kind != KIND:
            continue
        touched = True
        if change.op != "put":
            current.pop(change.id, None)
            continue
        try:
            current[change.id] = parse(change.id, change.data)
        except ValueError as error:
            log.warning("skipped malformed trusted root %s from the server: %s",
                        change.id, error)
    if touched:
        save(conn, current.values())
    return touched


def clear(conn: sqlite3.Connection) -> None:
    """Forget every root (a reset sends them again)."""
    meta.put(conn, META_KEY, "[]")
