"""Standing delegations (委托授权) through the server: a deputy signs for an absent leader,
only while the delegation lasts; who may create and end one; malformed input; the CLI."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from sync.server.ops.cli import main
from sync.server.settings import Settings
from sync.server.storage import tables as t
from sync.server.storage.directory import load_organisation

from .conftest import Clock, User, walk_to

Users = Callable[[str], User]
LEADER, DEPUTY = "p-office.leader", "p-office.deputy"


def delegate(principal: User, delegate_id: str, start: datetime, end: datetime,
             delegation_id: str | None = None) -> dict[str, Any]:
    return principal.push_one("delegation.create",
                              delegation_id=delegation_id or str(uuid.uuid4()),
                              delegate_id=delegate_id, start=start.isoformat(),
                              end=end.isoformat())


def at_sign_for_leader(user: Users) -> str:
    """Return a notice waiting at 签发 for the leader personally (not the leaders' pool)."""
    document_id, _ = walk_to(user, "review")
    user("office.reviewer").ok(document_id, "approve", expected_step="review",
                               assignees=[LEADER])
    return document_id


def delegations(someone: User) -> dict[str, dict[str, Any]]:
    someone.sync()
    return {k[1]: v for k, v in someone.mirror.items() if k[0] == "delegation"}


def test_a_deputy_signs_for_the_leader_only_while_the_delegation_lasts(
        user: Users, clock: Clock) -> None:
    document_id = at_sign_for_leader(user)
    leader, deputy = user("office.leader"), user("office.deputy")
    refused = deputy.act(document_id, "approve", expected_step="sign")
    assert refused["code"] == "workflow.not_holder"
    delegation_id = str(uuid.uuid4())
    now = clock()
    created = delegate(leader, DEPUTY, now - timedelta(minutes=1), now + timedelta(days=3),
                       delegation_id)
    assert created["status"] == "applied", created
    seen = delegations(user("finance.clerk"))  # everyone's directory carries it
    assert seen[delegation_id]["principal_id"] == LEADER
    assert seen[delegation_id]["delegate_id"] == DEPUTY

    deputy.ok(document_id, "approve", expected_step="sign")
    trace = deputy.doc(document_id)["trace"]
    assert trace[-1]["actor_id"] == DEPUTY
    assert trace[-1]["on_behalf_of"] == LEADER

    second = at_sign_for_leader(user)
    ended = deputy.push_one("delegation.end", delegation_id=delegation_id)
    assert (ended["status"], ended["code"]) == ("rejected", "delegation.forbidden")
    assert leader.push_one("delegation.end", delegation_id=delegation_id)["status"] == "applied"
    assert delegation_id not in delegations(user("finance.clerk"))
    refused = deputy.act(second, "approve", expected_step="sign")
    assert refused["code"] == "workflow.not_holder"
    again = leader.push_one("delegation.end", delegation_id=delegation_id)
    assert again["code"] == "delegation.not_found"


def test_a_delegation_expires_with_the_server_clock(user: Users, clock: Clock) -> None:
    document_id = at_sign_for_leader(user)
    leader = user("office.leader")
    now = clock()
    assert delegate(leader, DEPUTY, now, now + timedelta(hours=1))["status"] == "applied"
    clock.advance(timedelta(hours=2))
    deputy = user("office.deputy")
    assert deputy.act(document_id, "approve", expected_step="sign")["code"] == \
        "workflow.not_holder"


def test_nobody_delegates_for_someone_else_or_ends_their_delegation(
        user: Users, clock: Clock) -> None:
    now, week = clock(), timedelta(days=7)
    clerk, leader, admin = user("office.clerk"), user("office.leader"), user("office.admin")
    # The principal is always the pusher: the clerk can only hand over the clerk's own work.
    mine = str(uuid.uuid4())
    assert delegate(clerk, DEPUTY, now, now + week, mine)["status"] == "applied"
    assert delegations(leader)[mine]["principal_id"] == "p-office.clerk"
    spoofed = clerk.push_one("delegation.create", delegation_id=str(uuid.uuid4()),
                             delegate_id=DEPUTY, start=now.isoformat(),
                             end=(now + week).isoformat(), principal_id=LEADER)
    assert spoofed["code"] == "mutation.invalid_args"
    assert leader.push_one("delegation.end", delegation_id=mine)["code"] == \
        "delegation.forbidden"
    assert admin.push_one("delegation.end", delegation_id=mine)["status"] == "applied"


def test_the_rules_are_checked_on_the_server(user: Users, clock: Clock) -> None:
    now, day = clock(), timedelta(days=1)
    leader = user("office.leader")
    first = delegate(leader, DEPUTY, now, now + 5 * day)
    assert first["status"] == "applied"
    codes = [
        delegate(leader, LEADER, now, now + day)["code"],
        delegate(leader, "p-nobody", now, now + day)["code"],
        delegate(leader, "p-office.clerk", now + 2 * day, now + 3 * day)["code"],
        delegate(leader, "p-office.clerk", now, now - day)["code"],
        delegate(leader, "p-office.clerk", now + 10 * day, now + 200 * day)["code"],
        delegate(leader, "p-office.clerk", now - 3 * day, now - 2 * day)["code"],
    ]
    assert codes == ["delegation.self", "delegation.unknown_delegate", "delegation.overlap",
                     "delegation.end_before_start", "delegation.too_long",
                     "delegation.in_past"]
    # The same delegate again for an overlapping period is allowed (an extension).
    assert delegate(leader, DEPUTY, now + 4 * day, now + 8 * day)["status"] == "applied"


def test_malformed_delegation_mutations_are_rejected_never_a_500(
        user: Users, clock: Clock) -> None:
    leader = user("office.leader")
    now = clock().isoformat()
    later = (clock() + timedelta(days=1)).isoformat()
    good = {"delegation_id": str(uuid.uuid4()), "delegate_id": DEPUTY, "start": now,
            "end": later}
    invalid: list[tuple[str, dict[str, Any]]] = [
        ("delegation.create", {**good, "delegation_id": "42"}),
        ("delegation.create", {**good, "start": "明天"}),
        ("delegation.create", {**good, "end": "2026-12-01T08:00:00"}),  # no offset
        ("delegation.create", {**good, "delegate_id": 7}),
        ("delegation.create", {key: v for key, v in good.items() if key != "end"}),
        ("delegation.end", {}),
        ("delegation.end", {"delegation_id": ["x"]}),
    ]
    response = leader.push(*(leader.mutation(n, **a) for n, a in invalid))
    assert response.status_code == 200, response.text
    assert [r["code"] for r in response.json()["results"]] == \
        ["mutation.invalid_args"] * len(invalid)
    response = leader.push(leader.mutation("delegation.create", **good),
                           leader.mutation("delegation.create", **good),
                           leader.mutation("delegation.end", delegation_id="nope"))
    assert [r.get("code") for r in response.json()["results"]] == [
        None, "delegation.exists", "delegation.not_found"]


def test_the_server_directory_reloads_when_delegations_change(
        user: Users, clock: Clock, engine: sa.Engine) -> None:
    leader = user("office.leader")
    now = clock()
    delegation_id = str(uuid.uuid4())
    with engine.connect() as connection:
        assert load_organisation(connection).delegations == ()
    delegate(leader, DEPUTY, now, now + timedelta(days=1), delegation_id)
    with engine.connect() as connection:
        assert [d.id for d in load_organisation(connection).delegations] == [delegation_id]
    leader.push_one("delegation.end", delegation_id=delegation_id)
    with engine.connect() as connection:
        assert load_organisation(connection).delegations == ()


def test_cli_delegates_and_ends(settings: Settings, engine: sa.Engine, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    common = ["--database-url", settings.database_url, "--data-dir", str(tmp_path)]
    start = datetime.now().replace(microsecond=0)
    end = start + timedelta(days=2)
    assert main(["delegate", "--principal", "office.leader", "--delegate", "office.deputy",
                 "--from", start.isoformat(), "--to", end.isoformat(), *common]) == 0
    with engine.connect() as connection:
        row = connection.execute(sa.select(t.delegations)).one()
    assert (row.principal_id, row.delegate_id, row.ended_at) == (LEADER, DEPUTY, None)
    assert row.id in capsys.readouterr().out
    assert main(["delegate", "--principal", "office.leader", "--delegate", "nobody",
                 "--from", start.isoformat(), "--to", end.isoformat(), *common]) == 1
    assert "用户名不存在" in capsys.readouterr().err
    assert main(["end-delegation", row.id, *common]) == 0
    assert main(["end-delegation", row.id, *common]) == 1
    with engine.connect() as connection:
        assert connection.execute(sa.select(t.delegations.c.ended_at)).scalar_one() is not None
        assert load_organisation(connection).delegations == ()
