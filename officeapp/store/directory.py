"""The directory (通讯录): units, people, rooms and delegations, replaced whole by each sync."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import sqlite_utils

from officeapp.errors import ValidationError
from officeapp.org import Delegation, Organisation, Person, Role, Room, Unit
from officeapp.store.db import dumps, loads

_TABLES = ("delegations", "rooms", "people", "units")


def save(
    db: sqlite_utils.Database, *, units: Iterable[Unit], people: Iterable[Person],
    rooms: Iterable[Room], delegations: Iterable[Delegation],
) -> None:
    """Replace the directory; call inside a transaction. A broken unit tree is refused."""
    org = Organisation(units, people, delegations)  # checks the tree before anything is written
    _check_homes(org)
    room_list = list({r.id: r for r in rooms}.values())
    for table in _TABLES:
        db.execute(f"DELETE FROM {table}")
    db.table("units").insert_all(_unit_row(u) for u in org.units.values())
    db.table("people").insert_all(_person_row(p) for p in org.people.values())
    db.table("rooms").insert_all(_room_row(r) for r in room_list)
    db.table("delegations").insert_all(_delegation_row(d) for d in org.delegations)


def upsert(
    db: sqlite_utils.Database, *, units: Iterable[Unit] = (), people: Iterable[Person] = (),
    rooms: Iterable[Room] = (), delegations: Iterable[Delegation] = (),
) -> None:
    """Insert or replace single directory entries, as pulled changes arrive.

    A pulled delegation is the server's: its pending mark goes (`reapply_pending` puts back
    the marks of mutations still in the outbox).
    """
    db.table("units").upsert_all((_unit_row(u) for u in units), pk="id")
    db.table("people").upsert_all((_person_row(p) for p in people), pk="id")
    db.table("rooms").upsert_all((_room_row(r) for r in rooms), pk="id")
    db.table("delegations").upsert_all((_delegation_row(d) for d in delegations), pk="id")


def remove(db: sqlite_utils.Database, table: str, ids: Iterable[str]) -> None:
    """Delete directory entries the server revoked."""
    if table not in ("units", "people", "rooms", "delegations"):
        raise ValueError(table)
    for entry_id in ids:
        db.execute(f"DELETE FROM {table} WHERE id = ?", [entry_id])


def _check_homes(org: Organisation) -> None:
    """Refuse people whose home unit is not in the directory."""
    for person in org.people.values():
        if person.unit_id not in org.units:
            raise ValidationError("org.unknown_unit", f"人员“{person.name}”所在的单位不存在",
                                  person_id=person.id, unit_id=person.unit_id)


def _unit_row(unit: Unit) -> dict[str, object]:
    return {"id": unit.id, "name": unit.name, "parent_id": unit.parent_id,
            "agency_code": unit.agency_code, "sort_order": unit.sort_order}


def _person_row(person: Person) -> dict[str, object]:
    return {"id": person.id, "name": person.name, "unit_id": person.unit_id,
            "roles": dumps(sorted(r.value for r in person.roles)), "username": person.username,
            "title": person.title, "phone": person.phone, "active": int(person.active)}


def _room_row(room: Room) -> dict[str, object]:
    return {"id": room.id, "name": room.name, "building": room.building,
            "capacity": room.capacity, "equipment": dumps(list(room.equipment)),
            "needs_approval": int(room.needs_approval), "approver_id": room.approver_id}


def _delegation_id(delegation: Delegation) -> str:
    """Return the delegation's id; one made locally without an id gets its natural key."""
    return delegation.id or "/".join((delegation.principal_id, delegation.delegate_id,
                                      delegation.start.isoformat()))


def _delegation_row(delegation: Delegation, pending: Pending = None) -> dict[str, object]:
    return {"id": _delegation_id(delegation), "principal_id": delegation.principal_id,
            "delegate_id": delegation.delegate_id, "starts_at": delegation.start.isoformat(),
            "ends_at": delegation.end.isoformat(), "pending": pending}


Pending = Literal["create", "end"] | None


@dataclass(frozen=True)
class LocalDelegation:
    """A delegation as this client holds it, with the change of ours the server has not
    confirmed (`create`: made here; `end`: ending it is queued)."""

    delegation: Delegation
    pending: Pending = None

    @property
    def id(self) -> str:
        """Return the delegation's id."""
        return self.delegation.id


def _delegation(row: dict[str, object]) -> Delegation:
    return Delegation(str(row["principal_id"]), str(row["delegate_id"]),
                      datetime.fromisoformat(str(row["starts_at"])),
                      datetime.fromisoformat(str(row["ends_at"])), id=str(row["id"]))


def delegations(db: sqlite_utils.Database) -> list[LocalDelegation]:
    """Return every stored delegation with its pending mark, by principal and start."""
    rows = db.query("SELECT * FROM delegations ORDER BY principal_id, starts_at, id")
    return [LocalDelegation(_delegation(r), r["pending"]) for r in rows]


def add_pending(db: sqlite_utils.Database, delegation: Delegation) -> None:
    """Store a delegation made here, until the server confirms it."""
    db.table("delegations").insert(_delegation_row(delegation, "create"), pk="id")


def mark_ending(db: sqlite_utils.Database, delegation_id: str) -> None:
    """Mark a delegation whose ending is queued: it no longer counts here."""
    db.execute("UPDATE delegations SET pending = 'end' WHERE id = ?", [delegation_id])


def revert(db: sqlite_utils.Database, *, created: Iterable[str], ended: Iterable[str]) -> None:
    """Undo refused changes: drop refused creations, keep delegations whose ending failed."""
    for delegation_id in created:
        db.execute("DELETE FROM delegations WHERE id = ? AND pending = 'create'",
                   [delegation_id])
    for delegation_id in ended:
        db.execute("UPDATE delegations SET pending = NULL WHERE id = ? AND pending = 'end'",
                   [delegation_id])


def organisation(db: sqlite_utils.Database) -> Organisation:
    """Return the stored units, people and delegations (not being ended) as an Organisation."""
    units = [Unit(r["id"], r["name"], r["parent_id"], r["agency_code"], r["sort_order"])
             for r in db.query("SELECT * FROM units ORDER BY sort_order, id")]
    people = [
        Person(id=r["id"], name=r["name"], unit_id=r["unit_id"],
               roles=frozenset(Role(v) for v in loads(r["roles"])), username=r["username"],
               title=r["title"], phone=r["phone"], active=bool(r["active"]))
        for r in db.query("SELECT * FROM people WHERE unit_id IN (SELECT id FROM units) "
                          "ORDER BY id")
    ]
    counted = [_delegation(r) for r in db.query(
        "SELECT * FROM delegations WHERE pending IS NOT 'end' ORDER BY principal_id, starts_at")]
    return Organisation(units, people, counted)


def rooms(db: sqlite_utils.Database) -> list[Room]:
    """Return the stored rooms."""
    return [
        Room(id=r["id"], name=r["name"], building=r["building"], capacity=r["capacity"],
             equipment=tuple(loads(r["equipment"])), needs_approval=bool(r["needs_approval"]),
             approver_id=r["approver_id"])
        for r in db.query("SELECT * FROM rooms ORDER BY id")
    ]
