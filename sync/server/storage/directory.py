"""The directory (通讯录): units, people, rooms and delegations, for the rules and the clients."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from officeapp.org import Delegation, Organisation, Person, Role, Room, Unit
from officeapp.orgcodec import person_to_dict, room_to_dict, unit_to_dict
from sync.server.storage import changelog
from sync.server.storage import tables as t
from sync.server.storage.changelog import ChangeRow
from sync.server.storage.db import as_utc
from sync.server.storage.pokes import CHANNEL, encode
from sync.server.storage.visibility import EVERYONE


def _unit(row: sa.Row[Any]) -> Unit:
    return Unit(row.id, row.name, row.parent_id, row.agency_code, row.sort_order)


def person_from_row(row: sa.Row[Any]) -> Person:
    """Return the Person stored in a `people` row."""
    return Person(id=row.id, name=row.name, unit_id=row.unit_id,
                  roles=frozenset(Role(r) for r in row.roles), username=row.username,
                  title=row.title, phone=row.phone, active=row.active)


def delegation_from_row(row: sa.Row[Any]) -> Delegation:
    """Return the Delegation stored in a `delegations` row (times in UTC)."""
    return Delegation(principal_id=row.principal_id, delegate_id=row.delegate_id,
                      start=as_utc(row.starts_at), end=as_utc(row.ends_at), id=row.id)


# Every write of a unit, a person or a delegation appends a `put` with a new, higher seq and
# deletes the older puts of that record (directory.save_* and mutations/delegations.py are
# the only writers; ending a delegation appends a revoke), so (newest seq, count) of these changes
# names one state of the directory. Pruning old revokes only lowers it: a needless reload.
_VERSION = (sa.select(sa.func.max(t.changes.c.seq), sa.func.count())
            .where(t.changes.c.kind.in_(("unit", "person", "delegation"))))
_PEOPLE = sa.select(*(c for c in t.people.c if c.name != "password_hash"))
_DELEGATIONS = sa.select(t.delegations).where(t.delegations.c.ended_at.is_(None))
_cache: weakref.WeakKeyDictionary[sa.Engine, tuple[tuple[int, int], Organisation]] = (
    weakref.WeakKeyDictionary())
_cache_lock = threading.Lock()


def _directory_version(connection: sa.Connection) -> tuple[int, int]:
    newest, count = connection.execute(_VERSION).one()
    return int(newest or 0), int(count)


def load_organisation(connection: sa.Connection) -> Organisation:
    """Return the organisation as the rules need it, as of the caller's transaction.

    Loading it reads every unit and person (most of a push's time with a thousand people),
    so the last one loaded is kept per engine and reused while the directory's version is
    the same. An Organisation is never modified after it is built.
    """
    version = _directory_version(connection)
    with _cache_lock:
        cached = _cache.get(connection.engine)
    if cached is not None and cached[0] == version:
        return cached[1]
    units = [_unit(row) for row in connection.execute(sa.select(t.units))]
    people = [person_from_row(row) for row in connection.execute(_PEOPLE)]
    delegations = [delegation_from_row(row) for row in connection.execute(_DELEGATIONS)]
    org = Organisation(units, people, delegations)
    # Kept only if no directory change committed between the reads (READ COMMITTED).
    if _directory_version(connection) == version:
        with _cache_lock:
            _cache[connection.engine] = (version, org)
    return org


def _put(kind: str, payload: Mapping[str, Any]) -> ChangeRow:
    return ChangeRow(kind, str(payload["id"]), changelog.PUT, dict(payload),
                     frozenset({EVERYONE}))


def _upsert(connection: sa.Connection, table: sa.Table, values: Mapping[str, Any]) -> None:
    key = table.c.id == values["id"]
    if connection.execute(sa.select(table.c.id).where(key)).first() is None:
        connection.execute(sa.insert(table).values(dict(values)))
    else:
        connection.execute(sa.update(table).where(key).values(dict(values)))


def save_units(connection: sa.Connection, units: Iterable[Unit]) -> list[ChangeRow]:
    """Insert or update units; return their change rows."""
    rows = []
    for unit in units:
        _upsert(connection, t.units, unit_to_dict(unit))
        rows.append(_put("unit", unit_to_dict(unit)))
    return rows


def save_people(connection: sa.Connection, people: Iterable[Person],
                password_hash: str | None = None) -> list[ChangeRow]:
    """Insert or update people (keeping their password unless one is given)."""
    rows = []
    for person in people:
        values = person_to_dict(person)
        if password_hash is not None:
            values["password_hash"] = password_hash
        _upsert(connection, t.people, values)
        rows.append(_put("person", person_to_dict(person)))
    return rows


def save_rooms(connection: sa.Connection, rooms: Iterable[Room]) -> list[ChangeRow]:
    """Insert or update rooms; return their change rows."""
    rows = []
    for room in rooms:
        payload = room_to_dict(room)
        _upsert(connection, t.rooms, {"id": room.id, "name": room.name, "data": payload})
        rows.append(_put("room", payload))
    return rows


def save_directory(connection: sa.Connection, *, units: Iterable[Unit] = (),
                   people: Iterable[Person] = (), rooms: Iterable[Room] = (),
                   password_hash: str | None = None, now: datetime) -> None:
    """Write units, people and rooms and their changes in the caller's transaction."""
    rows = save_units(connection, units)
    rows += save_people(connection, people, password_hash)
    rows += save_rooms(connection, rooms)
    changelog.append(connection, rows, now)
    if connection.dialect.name == "postgresql":
        # Admin commands run in their own process: wake every server's streams at commit.
        connection.execute(sa.select(sa.func.pg_notify(CHANNEL, encode([EVERYONE]))))


def unit_names(connection: sa.Connection) -> dict[str, str]:
    """Return each unit's name."""
    return {row.id: row.name for row in connection.execute(sa.select(t.units.c.id,
                                                                      t.units.c.name))}
