"""Names for the ids a meeting or a supervision item holds: units, people, rooms.

The PDFs print names, never ids; but a name that is missing (a person who left, a directory
not yet pulled) must not stop a print: every lookup falls back to the id itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from officeapp.org import Organisation, Room


@dataclass(frozen=True)
class NameBook:
    """Unit, person and room names by id; `person_units` and `titles` feed the 签到表."""

    units: Mapping[str, str] = field(default_factory=dict)
    people: Mapping[str, str] = field(default_factory=dict)
    rooms: Mapping[str, Room] = field(default_factory=dict)
    person_units: Mapping[str, str] = field(default_factory=dict)  # person id -> unit id
    titles: Mapping[str, str] = field(default_factory=dict)  # person id -> 职务

    @classmethod
    def of(cls, org: Organisation, rooms: Mapping[str, Room] | Iterable[Room] = ()) -> NameBook:
        """Return the names of an organisation's units and people, and of `rooms`."""
        listed = rooms.values() if isinstance(rooms, Mapping) else rooms
        people = org.people.values()
        return cls(
            units={u.id: u.name for u in org.units.values()},
            people={p.id: p.name for p in people},
            rooms={r.id: r for r in listed},
            person_units={p.id: p.unit_id for p in people},
            titles={p.id: p.title for p in people if p.title},
        )

    def unit(self, unit_id: str | None) -> str:
        """Return a unit's name, its id when unknown, or "" for None."""
        return "" if not unit_id else self.units.get(unit_id, unit_id)

    def person(self, person_id: str | None) -> str:
        """Return a person's name, their id when unknown, or "" for None."""
        return "" if not person_id else self.people.get(person_id, person_id)

    def room(self, room_id: str | None) -> Room | None:
        """Return a room, or None when unknown."""
        return None if not room_id else self.rooms.get(room_id)

    def room_name(self, room_id: str | None) -> str:
        """Return a room as people find it: building and room (市政府大楼第一会议室), or its id."""
        room = self.room(room_id)
        if room is None:
            return room_id or ""
        return f"{room.building}{room.name}"

    def unit_of(self, person_id: str | None) -> str:
        """Return the name of a person's home unit, or "" when unknown."""
        unit_id = self.person_units.get(person_id or "")
        return self.unit(unit_id) if unit_id else ""

    def title_of(self, person_id: str | None) -> str:
        """Return a person's 职务, or "" when unknown."""
        return self.titles.get(person_id or "", "")

    def person_with_unit(self, person_id: str | None) -> str:
        """Return a person as a formal text names them: 市财政局孙局长 (unit first, when known)."""
        return f"{self.unit_of(person_id)}{self.person(person_id)}"
