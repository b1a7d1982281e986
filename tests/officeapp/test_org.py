"""The unit tree, actors and standing delegations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from officeapp.demo import OFFICE_ID, ROOT_ID
from officeapp.errors import ValidationError
from officeapp.org import Delegation, Organisation, Role, Unit, parse_role


def test_actor_knows_their_unit_path_and_roles(org: Organisation, now: datetime) -> None:
    actor = org.actor("p-office.secretary", now)
    assert actor.unit_path == (ROOT_ID, OFFICE_ID)
    assert actor.roles == {Role.SECRETARY, Role.CLERK}


def test_delegation_is_active_only_in_its_period(org: Organisation, now: datetime) -> None:
    away = Delegation("p-office.leader", "p-office.deputy", now, now + timedelta(days=1))
    with_delegation = Organisation(org.units.values(), org.people.values(), [away])
    assert with_delegation.actor("p-office.deputy", now).acting_for == {"p-office.leader"}
    later = now + timedelta(days=1)
    assert with_delegation.actor("p-office.deputy", later).acting_for == frozenset()


def test_unknown_people_and_broken_trees_are_refused(org: Organisation, now: datetime) -> None:
    with pytest.raises(ValidationError):
        org.actor("p-nobody", now)
    with pytest.raises(ValidationError) as caught:
        Organisation([Unit("a", "甲", "b"), Unit("b", "乙", "a")], [])
    assert caught.value.code == "org.unit_cycle"
    with pytest.raises(ValidationError) as caught:
        Organisation([Unit("a", "甲", "missing")], [])
    assert caught.value.code == "org.unknown_parent"


def test_children_are_in_display_order(org: Organisation) -> None:
    assert [u.name for u in org.children(ROOT_ID)] == ["市政府办公室", "市财政局", "市教育局"]


def test_roles_parse_from_code_or_chinese() -> None:
    assert parse_role("领导") is Role.LEADER
    assert parse_role("clerk") is Role.CLERK
    with pytest.raises(ValidationError):
        parse_role("局长")


def test_timezones_matter_not_local_clocks() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    away = Delegation("a", "b", start, start + timedelta(hours=1))
    assert away.active_at(start + timedelta(minutes=59))
