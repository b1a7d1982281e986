"""Who may see what: scopes of records and of users, computed from server tables only."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import sqlalchemy as sa

from officeapp.workflow import Document
from sync.server import tables as t

EVERYONE = "all"
SYSTEM_PERSON = "system"


def unit_scope(unit_id: str) -> str:
    """Return the scope of a unit: its members and the members of its sub-units."""
    return f"unit:{unit_id}"


def person_scope(person_id: str) -> str:
    """Return the scope of one person."""
    return f"person:{person_id}"


def client_scope(client_id: str) -> str:
    """Return the scope of one client installation (its own mutation results)."""
    return f"client:{client_id}"


def _people(ids: Iterable[str | None]) -> set[str]:
    return {person_scope(p) for p in ids if p and p != SYSTEM_PERSON}


def document_scopes(doc: Document) -> frozenset[str]:
    """Return who may see `doc`: its owner unit and everyone and every unit on its route."""
    units = {doc.owner_unit_id, *doc.countersign_units, *doc.co_unit_ids}
    if doc.lead_unit_id:
        units.add(doc.lead_unit_id)
    # A pool is open to its whole unit; a personal holder only to that person.
    units.update(h.unit_id for h in doc.holders if h.person_id is None and h.unit_id)
    people = _people(h.person_id for h in doc.holders)
    people |= _people(h.on_behalf_of for h in doc.holders)
    people |= _people(e.actor_id for e in doc.trace)
    people |= _people(e.on_behalf_of for e in doc.trace)
    people |= _people(c.person_id for c in doc.circulations)
    people |= _people(doc.circulate_to)
    return frozenset({unit_scope(u) for u in units if u} | people)


def unit_path(parents: Mapping[str, str | None], unit_id: str) -> tuple[str, ...]:
    """Return the unit ids from the root down to `unit_id` (cycles cut short)."""
    path: list[str] = []
    current: str | None = unit_id
    while current is not None and current not in path:
        path.append(current)
        current = parents.get(current)
    return tuple(reversed(path))


def unit_parents(connection: sa.Connection) -> dict[str, str | None]:
    """Return each unit's parent id."""
    rows = connection.execute(sa.select(t.units.c.id, t.units.c.parent_id))
    return {row.id: row.parent_id for row in rows}


def user_scopes(connection: sa.Connection, *, person_id: str, unit_id: str,
                client_id: str | None = None) -> frozenset[str]:
    """Return every scope a person sees: everyone's, their own, and their units' (upwards)."""
    path = unit_path(unit_parents(connection), unit_id)
    scopes = {EVERYONE, person_scope(person_id), *(unit_scope(u) for u in path)}
    if client_id is not None:
        scopes.add(client_scope(client_id))
    return frozenset(scopes)
