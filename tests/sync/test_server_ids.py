"""Ids the server derives are never the client's to take: a unit cannot squat on another
unit's incoming copy or on the supervision item a meeting decision opens, and a derived id
found held by the wrong record fails the mutation loudly instead of being skipped."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic.fields import FieldInfo

from officeapp.demo import EDU_ID, FINANCE_ID, OFFICE_ID
from officeapp.meetings import decision_item_id
from officeapp.mutators import copy_id
from sync.protocol import MUTATORS, RANDOM_ID_PATTERN
from sync.server.storage import tables as t

from .conftest import User, walk_to
from .office_work import at_hour, create_item, create_meeting, item_fields, meet_ok

ROUTE = [("draft", "office.clerk"), ("review", "office.reviewer"), ("sign", "office.leader"),
         ("number", "office.clerk"), ("seal", "office.clerk"), ("issue", "office.clerk")]


def _random_id_field(info: FieldInfo) -> bool:
    return any(getattr(m, "pattern", None) == RANDOM_ID_PATTERN for m in info.metadata)


CREATES = {name: m.args for name, m in MUTATORS.items()
           if any(_random_id_field(f) for f in m.args.model_fields.values())}


def _not_random(seed: str) -> list[str]:
    """Ids of every form but a random (v4) UUID: name-based, time-based, nil, upper case."""
    v4 = str(uuid.uuid4())
    return [str(uuid.uuid5(uuid.NAMESPACE_URL, seed)), str(uuid.uuid3(uuid.NAMESPACE_URL, seed)),
            str(uuid.uuid1()), str(uuid.UUID(int=0)), v4.upper(), "{" + v4 + "}",
            v4.replace("-", ""), v4[:14] + "4" + v4[15:19] + "0" + v4[20:]]


def _args(name: str, record_id: str) -> dict[str, Any]:
    """Return args of a creating mutation with `record_id` in its id field."""
    model = CREATES[name]
    field = next(f for f, info in model.model_fields.items() if _random_id_field(info))
    filler: dict[str, Any] = {"fields": {}, "series_id": "x", "start": "2027-01-01T09:00+08:00",
                              "delegate_id": "p-office.deputy", "end": "2027-01-02T09:00+08:00"}
    return {f: filler.get(f) for f, info in model.model_fields.items()
            if info.is_required() and f != field} | {field: record_id}


def test_every_creating_mutation_is_known_here() -> None:
    # A new creating mutation must come with its id rule: this list is the one to extend.
    assert set(CREATES) == {"document.create_outgoing", "document.register_incoming",
                            "meeting.create", "meeting.create_sitting", "supervision.create",
                            "delegation.create"}


@pytest.mark.parametrize("name", sorted(CREATES))
def test_a_client_may_create_only_random_ids(user: Callable[[str], User], name: str) -> None:
    clerk = user("office.clerk")
    for record_id in _not_random(name):
        result = clerk.push_one(name, **_args(name, record_id))
        assert result["status"] == "rejected", (name, record_id)
        assert result["code"] == "mutation.invalid_args"
        assert "不正确" in result["message"]


def test_another_unit_cannot_take_the_recipients_copy_first(
        user: Callable[[str], User]) -> None:
    document_id, clerk = walk_to(user, "issue", cc_recipients=[EDU_ID])
    intruder = user("edu.clerk")
    for unit_id in (FINANCE_ID, EDU_ID):
        squat = intruder.push_one("document.create_outgoing",
                                  document_id=copy_id(document_id, unit_id),
                                  fields={"doc_type": "函", "title": "抢占"})
        assert squat["status"] == "rejected" and squat["code"] == "mutation.invalid_args"
    clerk.ok(document_id, "approve", expected_step="issue")
    finance = user("finance.clerk")
    received = finance.documents() if finance.sync() else {}
    copy = received[copy_id(document_id, FINANCE_ID)]
    assert copy["source_document_id"] == document_id and copy["owner_unit_id"] == FINANCE_ID


def _plant_document(engine: sa.Engine, record_id: str, owner: str) -> None:
    """Write a document row under `record_id` as something other than the server's copy."""
    with engine.begin() as connection:
        row = connection.execute(sa.select(t.documents).limit(1)).one()._asdict()
        data = dict(row["data"], id=record_id, owner_unit_id=owner, source_document_id=None)
        connection.execute(sa.insert(t.documents).values(
            row | {"id": record_id, "owner_unit_id": owner, "source_document_id": None,
                   "data": data}))


def test_a_derived_copy_id_held_by_another_record_fails_the_issue_loudly(
        user: Callable[[str], User], engine: sa.Engine,
        caplog: pytest.LogCaptureFixture) -> None:
    document_id, clerk = walk_to(user, "issue")
    _plant_document(engine, copy_id(document_id, FINANCE_ID), EDU_ID)
    result = clerk.act(document_id, "approve", expected_step="issue")
    assert result["status"] == "rejected"
    assert result["code"] == "sync.derived_id_taken"
    assert "请联系管理员" in result["message"]
    assert any("derived document id" in r.getMessage() for r in caplog.records)
    # Nothing half-written: the document still waits at 印发.
    assert clerk.doc(document_id)["step"] == "issue"


def _minuted_meeting(user: Callable[[str], User], clock: Any) -> str:
    """Return a held meeting whose published minutes have one decision led by finance."""
    secretary = user("office.secretary")
    start = at_hour(clock, timedelta(hours=2))
    meeting_id = create_meeting(secretary, start, location="第一会议室",
                                attendees=[{"kind": "unit", "id": FINANCE_ID}])
    meet_ok(secretary, meeting_id, "send_notice")
    clock.advance(start + timedelta(hours=2) - clock())
    secretary.relogin()
    deadline = (start + timedelta(days=30)).date().isoformat()
    meet_ok(secretary, meeting_id, "record_minutes", text="会议议定如下。",
            decisions=[{"text": "市财政局牵头完成资金拨付", "lead_unit_id": FINANCE_ID,
                        "deadline": deadline}])
    meet_ok(secretary, meeting_id, "publish_minutes")
    return meeting_id


def test_nobody_can_take_the_item_a_decision_opens(user: Callable[[str], User],
                                                   clock: Any) -> None:
    meeting_id = _minuted_meeting(user, clock)
    derived = decision_item_id(meeting_id, 1)
    supervisor = user("office.supervisor")
    squat = supervisor.push_one("supervision.create", item_id=derived,
                                fields=item_fields(clock() + timedelta(days=9)))
    assert squat["status"] == "rejected" and squat["code"] == "mutation.invalid_args"
    # Whatever id the client names for the item, the server uses the derived one.
    meet_ok(supervisor, meeting_id, "open_supervision", decision_no=1,
            supervision_item_id=str(uuid.uuid4()))
    supervisor.sync()
    item = supervisor.mirror[("supervision", derived)]
    assert item["source_link"]["record_id"] == meeting_id


def test_a_decision_item_id_held_by_another_item_fails_loudly(
        user: Callable[[str], User], clock: Any, engine: sa.Engine) -> None:
    meeting_id = _minuted_meeting(user, clock)
    supervisor = user("office.supervisor")
    planted = create_item(supervisor, clock() + timedelta(days=9))
    with engine.begin() as connection:
        connection.execute(sa.update(t.supervision_items)
                           .where(t.supervision_items.c.id == planted)
                           .values(id=decision_item_id(meeting_id, 1)))
    result = supervisor.push_one("meeting.act", meeting_id=meeting_id,
                                 action={"kind": "open_supervision", "decision_no": 1})
    assert result["status"] == "rejected" and result["code"] == "sync.derived_id_taken"
    supervisor.sync()
    decisions = supervisor.mirror[("meeting", meeting_id)]["minutes"]["decisions"]
    assert decisions[0]["supervision_item_id"] is None


# --- property: random interleavings of two units' pushes -----------------------------------

Step = tuple[str, int, str]
STEPS = st.lists(st.tuples(st.sampled_from(["advance", "squat", "own"]),
                           st.integers(0, 2), st.sampled_from([FINANCE_ID, EDU_ID, OFFICE_ID])),
                 min_size=4, max_size=24)


class _Office:
    """Three notices of the office moving along their route, and edu's clerk interfering."""

    def __init__(self, people: dict[str, User]) -> None:
        self.people = people
        self.docs: list[tuple[str, int]] = []

    def step(self, step: Step) -> None:
        what, index, unit_id = step
        if what == "own":
            own = self.people["edu.clerk"].create(main_recipients=[OFFICE_ID],
                                                  agency_code="萍教发")
            assert own
        elif index >= len(self.docs):
            main, other = (FINANCE_ID, EDU_ID) if index % 2 == 0 else (EDU_ID, FINANCE_ID)
            self.docs.append((self.people["office.clerk"].create(
                main_recipients=[main], cc_recipients=[other] if index else []), 0))
        elif what == "advance":
            self.advance(index)
        else:
            squat = self.people["edu.clerk"].push_one(
                "document.register_incoming", document_id=copy_id(self.docs[index][0], unit_id),
                fields={"doc_type": "函", "title": "来文", "sender_unit": "某单位"})
            assert squat["status"] == "rejected"

    def advance(self, index: int) -> None:
        document_id, done = self.docs[index]
        if done < len(ROUTE):
            key, who = ROUTE[done]
            self.people[who].ok(document_id, "approve", expected_step=key)
            self.docs[index] = (document_id, done + 1)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_every_issued_document_has_one_copy_per_recipient_unit(
        user: Callable[[str], User], engine: sa.Engine, steps: list[Step]) -> None:
    people = {name: user(name) for name in
              ("office.clerk", "office.reviewer", "office.leader", "edu.clerk")}
    office = _Office(people)
    for step in steps:
        office.step(step)
    for index in range(len(office.docs)):
        for _ in ROUTE:
            office.advance(index)
    d = t.documents.c
    with engine.connect() as connection:
        for document_id, _ in office.docs:
            issued = connection.execute(sa.select(d.data).where(d.id == document_id)).scalar_one()
            targets = set(issued["main_recipients"]) | set(issued["cc_recipients"])
            copies = connection.execute(sa.select(d.id, d.owner_unit_id).where(
                d.source_document_id == document_id)).all()
            assert sorted(c.owner_unit_id for c in copies) == sorted(targets)
            assert {c.id for c in copies} == {copy_id(document_id, u) for u in targets}
