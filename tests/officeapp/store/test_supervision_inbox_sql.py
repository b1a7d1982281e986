"""我的督办 read from the `inbox_entries` rows in SQL gives exactly what decoding every
concerning item and running `inbox_entries` over them gave (the path it replaced, kept here
as the reference), for supervisors, lead units, co-units, leaders and whom they act for."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from officeapp.core.verdict import Accepted
from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS, EDU_ID, FINANCE_ID, OFFICE_ID
from officeapp.org import Actor, Delegation, Organisation, Person, Role
from officeapp.store import LocalStore
from officeapp.store.db import loads
from officeapp.supervision import (
    ActionKind,
    InboxEntry,
    InboxReason,
    Source,
    SupervisionAction,
    SupervisionItem,
    create_item,
    inbox_entries,
)
from officeapp.supervision.codec import action_to_dict, item_from_dict
from officeapp.supervision.model import UNIT_ROLES, ExtensionRequest, ExtensionState
from tests.officeapp.store.test_store_supervision import BASE, boundary_now, items, refill

CITY = "u-city"
UNITS = (CITY, OFFICE_ID, FINANCE_ID, EDU_ID)
# The demo office, with people holding a role in the root unit and people holding two roles:
# a supervisor who also clerks for a lead unit sees its item as the lead unit first.
PEOPLE = (*DEMO_PEOPLE,
          Person("p-city.supervisor", "市督查员", CITY, frozenset({Role.SUPERVISOR})),
          Person("p-city.leader", "市领导", CITY, frozenset({Role.LEADER})),
          Person("p-finance.both", "财政督查", FINANCE_ID,
                 frozenset({Role.SUPERVISOR, Role.CLERK})),
          Person("p-edu.both", "教育督查", EDU_ID, frozenset({Role.SUPERVISOR, Role.LEADER})))
PERSON_IDS = [p.id for p in PEOPLE]
_AWAY = (BASE - timedelta(days=30), BASE + timedelta(days=30))
# Acting for a leader passes their approvals on; acting for a creator does not pass on the
# drafts they must open (inbox._reason compares the creator with the person only).
ORG = Organisation(DEMO_UNITS, PEOPLE, delegations=(
    Delegation("p-office.leader", "p-office.deputy", *_AWAY),
    Delegation("p-city.leader", "p-finance.clerk", *_AWAY),
    Delegation("p-office.supervisor", "p-edu.clerk", *_AWAY),
    Delegation("p-finance.leader", "p-edu.both", *_AWAY),
))


def old_inbox(conn: sqlite3.Connection, actor: Actor, now: datetime,
              warn_days: int) -> list[InboxEntry]:
    """The path the SQL replaced: decode every unfinished item that may concern the actor
    (store.supervision.concerning, as it was) and run `inbox_entries` over them."""
    params: list[Any] = []
    people = sorted({actor.person_id, *actor.acting_for})
    clauses = [f"item_key IN (SELECT item_key FROM supervision_people WHERE person_id IN"
               f" ({', '.join('?' * len(people))}))"]
    params += people
    path = list(actor.unit_path)
    if Role.SUPERVISOR in actor.roles or Role.LEADER in actor.roles:
        clauses.append(f"supervisor_unit_id IN ({', '.join('?' * len(path))})")
        params += path
    if actor.has_role(UNIT_ROLES):
        clauses.append("item_key IN (SELECT item_key FROM supervision_units WHERE unit_id IN"
                       f" ({', '.join('?' * len(path))}))")
        params += path
    found = conn.execute("SELECT data FROM supervision_items WHERE status <> 'completed'"
                         f" AND ({' OR '.join(clauses)}) ORDER BY id", params)
    return inbox_entries([item_from_dict(loads(r[0])) for r in found], actor, now,
                         warn_days=warn_days)


@st.composite
def extensions(draw: st.DrawFn, item: SupervisionItem) -> tuple[ExtensionRequest, ...]:
    """Return none, one or two extension requests, the last of them perhaps pending."""
    states = draw(st.lists(st.sampled_from(list(ExtensionState)), max_size=2))
    deadline = item.deadline or BASE
    return tuple(ExtensionRequest(seq, "任务量大", deadline + timedelta(days=7), deadline,
                                  "p-finance.clerk", "刘会计", FINANCE_ID, BASE, state)
                 for seq, state in enumerate(states, 1))


@st.composite
def office_items(draw: st.DrawFn) -> list[SupervisionItem]:
    """Items of every status and light, created, approved and supervised across the units."""
    found = []
    for n in range(draw(st.integers(1, 14))):
        item = draw(items(f"item-{n:02d}"))
        found.append(replace(
            item, created_by=draw(st.sampled_from(PERSON_IDS)),
            supervisor_unit_id=draw(st.sampled_from(UNITS)),
            approver_id=draw(st.one_of(st.none(), st.sampled_from(PERSON_IDS))),
            informed_ids=tuple(draw(st.lists(st.sampled_from(PERSON_IDS), max_size=2,
                                             unique=True))),
            extension_requests=draw(extensions(item))))
    return found


def _agree(store: LocalStore, now: datetime, warn_days: int) -> None:
    """Check every person's inbox, its count and its first entries against the old path."""
    for person in PERSON_IDS:
        actor = ORG.actor(person, now)
        expected = old_inbox(store.db.conn, actor, now, warn_days)
        got = store.supervision.inbox(actor, now=now, warn_days=warn_days)
        assert got == expected, person
        assert store.supervision.inbox_count(actor, now=now, warn_days=warn_days) == len(got)
        assert store.supervision.inbox(actor, now=now, warn_days=warn_days,
                                       limit=2) == expected[:2]
        some = {"item-01", "item-02", "nowhere"}
        assert store.supervision.inbox(actor, now=now, warn_days=warn_days, item_ids=some) == [
            e for e in expected if e.item_id in some]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_sql_inbox_equals_the_decoding_path(memory_store: LocalStore,
                                            data: st.DataObject) -> None:
    stored = data.draw(office_items())
    warn_days = data.draw(st.integers(0, 4))
    now = data.draw(boundary_now(stored, warn_days))
    refill(memory_store, stored)
    _agree(memory_store, now, warn_days)


def test_the_generated_stores_reach_every_reason(memory_store: LocalStore) -> None:
    """The equality above is worth something only if the stores it runs on give every reason
    to someone: a fixed sample of them does."""
    seen: set[InboxReason] = set()

    @settings(max_examples=200, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(data=st.data())
    def collect(data: st.DataObject) -> None:
        stored = data.draw(office_items())
        now = data.draw(boundary_now(stored, 3))
        refill(memory_store, stored)
        for person in PERSON_IDS:
            actor = ORG.actor(person, now)
            seen.update(e.reason for e in memory_store.supervision.inbox(actor, now=now))

    collect()
    assert seen == set(InboxReason)


# --- an item's life through the store's own writes ---------------------------------------------

NOW = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
FIELDS: dict[str, Any] = {
    "title": "推进数字政府建设一期工程", "source": Source.LEADER_INSTRUCTION.value,
    "content": "按期完成一期工程建设并报送进展", "lead_unit_id": FINANCE_ID,
    "co_unit_ids": [EDU_ID], "deadline": (NOW + timedelta(days=10)).isoformat(),
    "needs_approval": True, "approver_id": "p-office.leader",
}


def _act(store: LocalStore, item_id: str, person: str, kind: ActionKind, now: datetime,
         **fields: Any) -> None:
    """Act through the store's optimistic path, which rewrites the item's entries."""
    action = SupervisionAction(kind, **fields)
    verdict = store.apply_record_action(
        "supervision", record_id=item_id, actor=ORG.actor(person, now), action=action, now=now,
        mutation_name="supervision.act",
        mutation_args={"item_id": item_id, "action": action_to_dict(action)})
    assert isinstance(verdict, Accepted), verdict


def test_an_item_waits_for_the_right_people_at_every_step(memory_store: LocalStore) -> None:
    """Drafted, approved by a delegate, assigned, received, late, extended and reviewed: at
    each step the SQL inbox equals the old one, with a warning window too."""
    item = create_item(item_id="item-1", actor=ORG.actor("p-office.supervisor", NOW),
                       fields=FIELDS, now=NOW)
    memory_store.create_record("supervision", record=item, mutation_name="supervision.create",
                               mutation_args={"item_id": item.id, "fields": FIELDS})
    _agree(memory_store, NOW, 3)
    steps: list[tuple[str, ActionKind, dict[str, Any]]] = [
        ("p-office.supervisor", ActionKind.OPEN, {}),
        ("p-office.deputy", ActionKind.APPROVE, {}),
        ("p-office.supervisor", ActionKind.ASSIGN, {}),
        ("p-finance.clerk", ActionKind.RECEIVE, {}),
        ("p-finance.clerk", ActionKind.REPORT, {"percent": 30, "text": "已完成方案"}),
        ("p-finance.clerk", ActionKind.REQUEST_EXTENSION,
         {"text": "设备未到", "deadline": NOW + timedelta(days=20)}),
        ("p-office.supervisor", ActionKind.APPROVE_EXTENSION, {}),
        ("p-finance.clerk", ActionKind.REQUEST_COMPLETION, {"text": "已全部完成"}),
        ("p-office.supervisor", ActionKind.RETURN, {"text": "请补充验收材料"}),
    ]
    now = NOW
    for person, kind, fields in steps:
        now += timedelta(days=1)
        _act(memory_store, "item-1", person, kind, now, **fields)
        for moment in (now, now + timedelta(days=9), now + timedelta(days=30)):
            _agree(memory_store, moment, 3)


# --- an item's parent and sub-items --------------------------------------------------------------


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stored=office_items())
def test_parent_and_children_are_those_of_the_whole_list(memory_store: LocalStore,
                                                         stored: list[SupervisionItem]) -> None:
    """`row` and `children` read what load_item used to pick out of every list row."""
    stored = [replace(i, parent_id=None if n % 3 == 0 else f"item-{n // 3 * 3:02d}")
              for n, i in enumerate(stored)]
    refill(memory_store, stored)
    every = memory_store.supervision.rows(now=BASE)
    for item in [*stored, replace(stored[0], id="nowhere")]:
        assert memory_store.supervision.row(item.id) == next(
            (r for r in every if r.id == item.id), None)
        assert memory_store.supervision.children(item.id) == [
            r for r in every if r.parent_id == item.id]
