"""The directory (units, people, rooms, delegations) to and from JSON, on the wire and on disk."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from datetime import datetime
from typing import Any

from officeapp.errors import ValidationError
from officeapp.org import Delegation, Person, Role, Room, Unit


def unit_to_dict(unit: Unit) -> dict[str, Any]:
    """Return the JSON form of a unit."""
    return asdict(unit)


def person_to_dict(person: Person) -> dict[str, Any]:
    """Return the JSON form of a person (there is no secret in a Person)."""
    return {"id": person.id, "name": person.name, "unit_id": person.unit_id,
            "roles": sorted(r.value for r in person.roles), "username": person.username,
            "title": person.title, "phone": person.phone, "active": person.active}


def room_to_dict(room: Room) -> dict[str, Any]:
    """Return the JSON form of a room."""
    data = asdict(room)
    data["equipment"] = list(room.equipment)
    return data


def _malformed(kind: str, error: Exception) -> ValidationError:
    return ValidationError(f"{kind}.malformed", "通讯录数据格式不正确", reason=str(error))


def unit_from_dict(data: Mapping[str, Any]) -> Unit:
    """Return the unit described by `data`."""
    try:
        return Unit(str(data["id"]), str(data["name"]), data.get("parent_id"),
                    str(data.get("agency_code") or ""), int(data.get("sort_order") or 0))
    except (KeyError, TypeError, ValueError) as error:
        raise _malformed("unit", error) from None


def person_from_dict(data: Mapping[str, Any]) -> Person:
    """Return the person described by `data`; unknown roles are refused."""
    try:
        return Person(id=str(data["id"]), name=str(data["name"]), unit_id=str(data["unit_id"]),
                      roles=frozenset(Role(r) for r in data.get("roles") or ()),
                      username=str(data.get("username") or ""),
                      title=str(data.get("title") or ""), phone=str(data.get("phone") or ""),
                      active=bool(data.get("active", True)))
    except (KeyError, TypeError, ValueError) as error:
        raise _malformed("person", error) from None


def room_from_dict(data: Mapping[str, Any]) -> Room:
    """Return the room described by `data`."""
    try:
        return Room(id=str(data["id"]), name=str(data["name"]),
                    building=str(data.get("building") or ""),
                    capacity=int(data.get("capacity") or 0),
                    equipment=tuple(str(e) for e in data.get("equipment") or ()),
                    needs_approval=bool(data.get("needs_approval")),
                    approver_id=data.get("approver_id"))
    except (KeyError, TypeError, ValueError) as error:
        raise _malformed("room", error) from None


def delegation_to_dict(delegation: Delegation) -> dict[str, Any]:
    """Return the JSON form of a delegation (times in ISO 8601 with their offset)."""
    return {"id": delegation.id, "principal_id": delegation.principal_id,
            "delegate_id": delegation.delegate_id, "start": delegation.start.isoformat(),
            "end": delegation.end.isoformat()}


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        raise ValueError("a time without an offset")
    return moment


def delegation_from_dict(data: Mapping[str, Any]) -> Delegation:
    """Return the delegation described by `data`; times must carry an offset."""
    try:
        return Delegation(principal_id=str(data["principal_id"]),
                          delegate_id=str(data["delegate_id"]), start=_moment(data["start"]),
                          end=_moment(data["end"]), id=str(data["id"]))
    except (KeyError, TypeError, ValueError) as error:
        raise _malformed("delegation", error) from None
