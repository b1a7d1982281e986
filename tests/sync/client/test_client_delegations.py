"""Standing delegations from the client: made offline, synced, seen by everyone, ended;
a refused one is taken back locally."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from officeapp.errors import ForbiddenError, ValidationError
from sync.client import actions

LEADER, DEPUTY = "p-office.leader", "p-office.deputy"


def _now(client: Any) -> datetime:
    now: datetime = client.engine._clock()
    return now


def _pairs(client: Any) -> list[tuple[str, str, str | None]]:
    return [(d.delegation.principal_id, d.delegation.delegate_id, d.pending)
            for d in client.store.delegations()]


def test_a_delegation_made_offline_reaches_everyone_and_ends(make_client: Any) -> None:
    leader, deputy = make_client("office.leader"), make_client("office.deputy")
    leader.link.up = False
    now = _now(leader)
    made = actions.create_delegation(leader.store, person_id=LEADER, delegate_id=DEPUTY,
                                     start=now, end=now + timedelta(days=2), now=now)
    assert _pairs(leader) == [(LEADER, DEPUTY, "create")]
    assert leader.store.organisation().delegations[0].id == made.id
    leader.link.up = True
    leader.sync()
    assert _pairs(leader) == [(LEADER, DEPUTY, None)]
    deputy.sync()
    assert _pairs(deputy) == [(LEADER, DEPUTY, None)]
    actor = deputy.store.organisation().actor(DEPUTY, _now(deputy))
    assert actor.acting_for == {LEADER}

    with pytest.raises(ForbiddenError):
        actions.end_delegation(deputy.store, person_id=DEPUTY, delegation_id=made.id,
                               now=_now(deputy))
    actions.end_delegation(leader.store, person_id=LEADER, delegation_id=made.id,
                           now=_now(leader))
    assert _pairs(leader) == [(LEADER, DEPUTY, "end")]
    assert leader.store.organisation().delegations == ()
    leader.sync()
    deputy.sync()
    assert _pairs(leader) == _pairs(deputy) == []


def test_local_checks_name_the_field(make_client: Any) -> None:
    leader = make_client("office.leader")
    now = _now(leader)
    with pytest.raises(ValidationError) as raised:
        actions.create_delegation(leader.store, person_id=LEADER, delegate_id=LEADER,
                                  start=now, end=now + timedelta(days=1), now=now)
    assert (raised.value.code, raised.value.details["field"]) == ("delegation.self",
                                                                  "delegate_id")
    assert leader.store.pending_mutations() == []


def test_a_refused_delegation_is_taken_back(make_client: Any) -> None:
    leader = make_client("office.leader")
    now = _now(leader)
    leader.link.up = False
    actions.create_delegation(leader.store, person_id=LEADER, delegate_id=DEPUTY, start=now,
                              end=now + timedelta(days=5), now=now)
    # Another installation of the same leader already handed the period to someone else.
    other = make_client("office.leader")
    actions.create_delegation(other.store, person_id=LEADER, delegate_id="p-office.reviewer",
                              start=now, end=now + timedelta(days=5), now=now)
    other.sync()
    leader.link.up = True
    leader.sync()
    (rejection,) = leader.store.rejections()
    assert rejection.code == "delegation.overlap"
    assert _pairs(leader) == [(LEADER, "p-office.reviewer", None)]
