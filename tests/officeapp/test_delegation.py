"""The rules of standing delegations (委托授权), with their codes and fields."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from officeapp.delegation import (
    MAX_LENGTH,
    check_delegation,
    check_end,
    current_and_future,
    delegation_problems,
)
from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS
from officeapp.errors import ForbiddenError, ValidationError
from officeapp.org import Delegation, Organisation, Person
from officeapp.orgcodec import delegation_from_dict, delegation_to_dict

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
DAY = timedelta(days=1)
LEADER, DEPUTY, CLERK = "p-office.leader", "p-office.deputy", "p-office.clerk"
ORG = Organisation(DEMO_UNITS, DEMO_PEOPLE)


def codes(delegate_id: str, start: datetime, end: datetime,
          existing: tuple[Delegation, ...] = (), org: Organisation = ORG) -> list[tuple[str, str]]:
    problems = delegation_problems(org, principal_id=LEADER, delegate_id=delegate_id,
                                   start=start, end=end, now=NOW, existing=existing)
    return [(p.code, p.details["field"]) for p in problems]


def test_a_sound_delegation_has_no_problem() -> None:
    assert codes(DEPUTY, NOW, NOW + 3 * DAY) == []
    check_delegation(ORG, principal_id=LEADER, delegate_id=DEPUTY, start=NOW - DAY,
                     end=NOW + MAX_LENGTH - DAY, now=NOW)


@pytest.mark.parametrize(("delegate_id", "start", "end", "expected"), [
    (LEADER, NOW, NOW + DAY, [("delegation.self", "delegate_id")]),
    ("p-nobody", NOW, NOW + DAY, [("delegation.unknown_delegate", "delegate_id")]),
    (DEPUTY, NOW, NOW, [("delegation.end_before_start", "end")]),
    (DEPUTY, NOW - 3 * DAY, NOW - DAY, [("delegation.in_past", "end")]),
    (DEPUTY, NOW, NOW + MAX_LENGTH + DAY, [("delegation.too_long", "end")]),
    (DEPUTY, NOW.replace(tzinfo=None), NOW + DAY, [("delegation.naive_time", "start")]),
])
def test_each_rule_names_its_field(delegate_id: str, start: datetime, end: datetime,
                                   expected: list[tuple[str, str]]) -> None:
    assert codes(delegate_id, start, end) == expected


def test_an_inactive_delegate_is_refused() -> None:
    people = [p if p.id != DEPUTY else Person(p.id, p.name, p.unit_id, p.roles, active=False)
              for p in DEMO_PEOPLE]
    org = Organisation(DEMO_UNITS, people)
    assert codes(DEPUTY, NOW, NOW + DAY, org=org) == [
        ("delegation.unknown_delegate", "delegate_id")]


def test_overlap_with_another_delegate_is_refused_with_the_same_allowed() -> None:
    held = (Delegation(LEADER, DEPUTY, NOW, NOW + 5 * DAY, id="d-1"),)
    assert codes(CLERK, NOW + 4 * DAY, NOW + 6 * DAY, held) == [("delegation.overlap", "start")]
    assert codes(CLERK, NOW + 5 * DAY, NOW + 6 * DAY, held) == []  # back to back
    assert codes(DEPUTY, NOW + 4 * DAY, NOW + 9 * DAY, held) == []
    other = (Delegation(CLERK, DEPUTY, NOW, NOW + 5 * DAY, id="d-2"),)
    assert codes(CLERK, NOW, NOW + DAY, other) == []  # someone else's delegation


def test_only_the_principal_or_an_admin_ends_one() -> None:
    held = Delegation(LEADER, DEPUTY, NOW, NOW + DAY, id="d-1")
    check_end(ORG.actor(LEADER, NOW), held)
    check_end(ORG.actor("p-office.admin", NOW), held)
    with pytest.raises(ForbiddenError) as raised:
        check_end(ORG.actor(DEPUTY, NOW), held)
    assert raised.value.code == "delegation.forbidden"


def test_current_and_future_leaves_out_past_and_others() -> None:
    past = Delegation(LEADER, DEPUTY, NOW - 3 * DAY, NOW - DAY, id="past")
    later = Delegation(LEADER, CLERK, NOW + 2 * DAY, NOW + 3 * DAY, id="later")
    now = Delegation(LEADER, DEPUTY, NOW - DAY, NOW + DAY, id="now")
    other = Delegation(CLERK, DEPUTY, NOW, NOW + DAY, id="other")
    found = current_and_future([later, past, other, now], principal_id=LEADER, now=NOW)
    assert [d.id for d in found] == ["now", "later"]


def test_the_codec_round_trips_and_refuses_times_without_an_offset() -> None:
    held = Delegation(LEADER, DEPUTY, NOW, NOW + DAY, id="d-1")
    assert delegation_from_dict(delegation_to_dict(held)) == held
    with pytest.raises(ValidationError) as raised:
        delegation_from_dict({**delegation_to_dict(held), "end": "2026-12-02T08:00:00"})
    assert raised.value.code == "delegation.malformed"
