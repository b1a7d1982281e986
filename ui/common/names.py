"""People and units by name, as every pane shows them (Qt-free, so it is tested plainly)."""

from __future__ import annotations

from officeapp.org import Organisation


def person_name(org: Organisation, person_id: str | None, *, empty: str = "") -> str:
    """Return a person's name (`empty` for None, the id when unknown)."""
    if not person_id:
        return empty
    person = org.people.get(person_id)
    return person.name if person else person_id


def unit_name(org: Organisation, unit_id: str | None, *, empty: str = "") -> str:
    """Return a unit's name (`empty` for None, the id when unknown)."""
    if not unit_id:
        return empty
    unit = org.units.get(unit_id)
    return unit.name if unit else unit_id
