"""The organisation: a tree of units, people with roles, rooms, and standing delegations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from officeapp.core.labels import LabelledEnum, labels
from officeapp.errors import ValidationError


class Role(LabelledEnum):
    """What a person may do; a person may hold several roles."""

    CLERK = "clerk", "办文人员"
    SECRETARY = "secretary", "会务秘书"
    SUPERVISOR = "supervisor", "督查人员"
    LEADER = "leader", "领导"
    ADMIN = "admin", "管理员"


ROLE_LABELS = labels(Role)


def parse_role(text: str) -> Role:
    """Return the role named by its code or its Chinese label."""
    value = text.strip()
    for role in Role:
        if value in (role.value, role.label):
            return role
    raise ValidationError("org.unknown_role", f"未知角色：{value}", role=value)


@dataclass(frozen=True)
class Unit:
    """A unit (单位/部门); `parent_id` is None for a root."""

    id: str
    name: str
    parent_id: str | None = None
    agency_code: str = ""
    sort_order: int = 0


@dataclass(frozen=True)
class Person:
    """A person with one home unit and one or more roles."""

    id: str
    name: str
    unit_id: str
    roles: frozenset[Role] = field(default_factory=frozenset)
    username: str = ""
    title: str = ""
    phone: str = ""
    active: bool = True


@dataclass(frozen=True)
class Room:
    """A meeting room."""

    id: str
    name: str
    building: str = ""
    capacity: int = 0
    equipment: tuple[str, ...] = ()
    needs_approval: bool = False
    approver_id: str | None = None


@dataclass(frozen=True)
class Delegation:
    """A standing 委托: `delegate_id` acts for `principal_id` between `start` and `end`."""

    principal_id: str
    delegate_id: str
    start: datetime
    end: datetime
    id: str = ""

    def active_at(self, now: datetime) -> bool:
        """Return whether the delegation covers `now`."""
        return self.start <= now < self.end


@dataclass(frozen=True)
class Actor:
    """Who performs an action, as the rules need to know them.

    `unit_path` runs from the root unit down to the home unit. `acting_for` lists the people
    whose work this actor may do now through an active delegation; the adapter computes it.
    """

    person_id: str
    name: str
    unit_id: str
    unit_path: tuple[str, ...]
    roles: frozenset[Role]
    acting_for: frozenset[str] = frozenset()

    def has_role(self, roles: Iterable[Role]) -> bool:
        """Return whether the actor holds any of `roles`."""
        return bool(self.roles.intersection(roles))


class Organisation:
    """An in-memory view of units, people and delegations, for building actors and checks."""

    def __init__(
        self,
        units: Iterable[Unit],
        people: Iterable[Person],
        delegations: Iterable[Delegation] = (),
    ) -> None:
        self.units = {u.id: u for u in units}
        self.people = {p.id: p for p in people}
        self.delegations = tuple(delegations)
        self._check_tree()

    def _check_tree(self) -> None:
        for person in self.people.values():
            if person.unit_id not in self.units:
                raise ValidationError(
                    "org.unknown_unit", f"人员“{person.name}”所属单位不存在",
                    person_id=person.id, unit_id=person.unit_id,
                )
        for unit in self.units.values():
            if unit.parent_id is not None and unit.parent_id not in self.units:
                raise ValidationError(
                    "org.unknown_parent",
                    f"单位“{unit.name}”的上级单位不存在",
                    unit_id=unit.id,
                )
            self.unit_path(unit.id)

    def unit_path(self, unit_id: str) -> tuple[str, ...]:
        """Return the unit ids from the root down to `unit_id`."""
        path: list[str] = []
        current: str | None = unit_id
        while current is not None:
            if current in path:
                raise ValidationError("org.unit_cycle", "单位的上下级关系出现循环", unit_id=unit_id)
            path.append(current)
            current = self.units[current].parent_id
        return tuple(reversed(path))

    def children(self, unit_id: str | None) -> list[Unit]:
        """Return the direct children of a unit (or the roots), in display order."""
        found = [u for u in self.units.values() if u.parent_id == unit_id]
        return sorted(found, key=lambda u: (u.sort_order, u.name))

    def actor(self, person_id: str, now: datetime) -> Actor:
        """Return the Actor for a person at `now`, with their active delegations."""
        person = self.people.get(person_id)
        if person is None or not person.active:
            raise ValidationError("org.unknown_person", "人员不存在或已停用", person_id=person_id)
        acting_for = frozenset(
            d.principal_id
            for d in self.delegations
            if d.delegate_id == person_id and d.active_at(now)
        )
        return Actor(
            person_id=person.id,
            name=person.name,
            unit_id=person.unit_id,
            unit_path=self.unit_path(person.unit_id),
            roles=person.roles,
            acting_for=acting_for,
        )
