"""The directory (通讯录): units, people and rooms, loaded for the rules and synced to clients."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from officeapp.org import Organisation, Person, Role, Room, Unit
from officeapp.orgcodec import person_to_dict, room_to_dict, unit_to_dict
from sync.server import changelog
from sync.server import tables as t
from sync.server.changelog import ChangeRow
from sync.server.pokes import CHANNEL, encode
from sync.server.visibility import EVERYONE


def _unit(row: sa.Row[Any]) -> Unit:
    return Unit(row.id, row.name, row.parent_id, row.agency_code, row.sort_order)


def person_from_row(row: sa.Row[Any]) -> Person:
    """Return the Person stored in a `people` row."""
    return Person(id=row.id, name=row.name, unit_id=row.unit_id,
                  roles=frozenset(Role(r) for r in row.roles), username=row.username,
                  title=row.title, phone=row.phone, active=row.active)


def load_organisation(connection: sa.Connection) -> Organisation:
    """Return the organisation as the rules need it, from the server's tables."""
    units = [_unit(row) for row in connection.execute(sa.select(t.units))]
    people = [person_from_row(row) for row in connection.execute(sa.select(t.people))]
    return Organisation(units, people)


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
