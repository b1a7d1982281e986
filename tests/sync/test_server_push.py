"""Push: a 发文 through every step, numbering, distribution, idempotency, order and faults."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

from officeapp.demo import EDU_ID, FINANCE_ID, OFFICE_ID
from sync.server.storage import tables as t

from .conftest import NOTICE, User, walk_to

Users = Callable[[str], User]


def test_outgoing_document_through_every_step_with_number_and_distribution(user: Users) -> None:
    clerk = user("office.clerk")
    doc_id = clerk.create(cc_recipients=[EDU_ID])
    clerk.ok(doc_id, "approve", expected_step="draft", unit_ids=[FINANCE_ID])
    user("office.reviewer").ok(doc_id, "approve", expected_step="review", opinion="核稿无误")
    finance_leader = user("finance.leader")
    finance_leader.ok(doc_id, "approve", expected_step="countersign", opinion="同意")
    user("office.leader").ok(doc_id, "approve", expected_step="sign", opinion="同意印发")
    assert clerk.doc(doc_id)["doc_number"] is None  # 待编号 until the numbering step
    clerk.ok(doc_id, "approve", expected_step="number")
    issued_year = datetime.now().year
    numbered = clerk.doc(doc_id)
    assert numbered["doc_number"] == f"萍府办发〔{issued_year}〕1号"
    clerk.ok(doc_id, "approve", expected_step="seal")
    clerk.ok(doc_id, "approve", expected_step="issue")
    issued = clerk.doc(doc_id)
    assert issued["step"] == "done"
    assert [e["step"] for e in issued["trace"]] == [
        "draft", "draft", "review", "countersign", "sign", "number", "seal", "issue"]

    # 公文交换: each recipient unit pulls its own incoming copy, waiting at 签收.
    finance_clerk = user("finance.clerk")
    finance_clerk.sync()
    copies = [d for d in finance_clerk.documents().values() if d["direction"] == "incoming"]
    assert len(copies) == 1
    assert copies[0]["owner_unit_id"] == FINANCE_ID
    assert copies[0]["step"] == "receive"
    assert copies[0]["doc_number"] == numbered["doc_number"]
    assert copies[0]["source_document_id"] == doc_id
    assert copies[0]["sender_unit"] == "市政府办公室"
    edu = user("edu.clerk")
    edu.sync()
    edu_docs = edu.documents()
    assert [d["owner_unit_id"] for d in edu_docs.values()] == [EDU_ID]  # its copy, nothing else
    assert doc_id not in edu_docs
    # The recipient can work on its copy straight away.
    finance_clerk.ok(copies[0]["id"], "approve", expected_step="receive")


def test_numbers_are_gap_free_and_per_register_and_year(user: Users, engine: sa.Engine) -> None:
    numbers = []
    for _ in range(3):
        doc_id, clerk = walk_to(user, "seal")
        numbers.append(clerk.doc(doc_id)["doc_number"])
    other_id, other = walk_to(user, "seal", agency_code="萍府发")
    year = datetime.now().year
    assert numbers == [f"萍府办发〔{year}〕{n}号" for n in (1, 2, 3)]
    assert other.doc(other_id)["doc_number"] == f"萍府发〔{year}〕1号"
    with engine.connect() as connection:
        registers = connection.execute(sa.select(t.number_registers)).all()
    assert sorted((r.agency_code, r.year, r.last_sequence) for r in registers) == [
        ("萍府办发", year, 3), ("萍府发", year, 1)]


def test_same_mutation_twice_is_a_duplicate_with_the_same_answer(user: Users) -> None:
    clerk = user("office.clerk")
    create = clerk.mutation("document.create_outgoing", document_id=str(uuid.uuid4()),
                            fields={"doc_type": "通知", "title": "重复提交测试"})
    bad = clerk.mutation("document.act", document_id=create["args"]["document_id"],
                         action={"kind": "approve"})  # refused: the body is empty
    first = clerk.push(create, bad).json()
    again = clerk.push(create, bad).json()
    assert [r["status"] for r in first["results"]] == ["applied", "rejected"]
    assert [r["status"] for r in again["results"]] == ["duplicate", "duplicate"]
    assert [r["original"] for r in again["results"]] == ["applied", "rejected"]
    assert again["results"][1]["code"] == first["results"][1]["code"] == "document.invalid_body"
    assert again["results"][1]["message"] == first["results"][1]["message"]
    clerk.sync()
    assert len(clerk.documents()) == 1
    assert clerk.pull(cursor=0)["last_mutation_id"] == 2


def test_gap_in_mutation_ids_applies_nothing(user: Users) -> None:
    clerk = user("office.clerk")
    clerk.next_id = 2  # mutation 1 never arrives
    doc_id = str(uuid.uuid4())
    response = clerk.push(clerk.mutation("document.create_outgoing", document_id=doc_id,
                                         fields={"doc_type": "通知", "title": "缺号"}))
    result = response.json()["results"][0]
    assert result["status"] == "out_of_order"
    assert result["expected_id"] == 1
    clerk.sync()
    assert clerk.documents() == {}
    assert clerk.pull(cursor=0)["last_mutation_id"] == 0


def test_processing_stops_at_the_first_out_of_order_mutation(user: Users) -> None:
    clerk = user("office.clerk")
    first = clerk.mutation("document.create_outgoing", document_id=str(uuid.uuid4()),
                           fields={"doc_type": "通知", "title": "一"})
    clerk.next_id = 3
    third = clerk.mutation("document.create_outgoing", document_id=str(uuid.uuid4()),
                           fields={"doc_type": "通知", "title": "三"})
    body = clerk.push(first, third).json()
    assert [r["status"] for r in body["results"]] == ["applied", "out_of_order"]
    assert body["last_mutation_id"] == 1


def test_permanent_rejection_moves_the_queue_on_and_syncs_back(user: Users) -> None:
    leader = user("edu.leader")
    refused = leader.push_one("document.register_incoming", document_id=str(uuid.uuid4()),
                              fields={"doc_type": "请示", "title": "领导不能登记收文"})
    assert refused["status"] == "rejected"
    assert refused["code"] == "workflow.forbidden"
    assert refused["message"] == "只有办文人员可以登记收文"
    doc_id = leader.create(title="下一条照常处理")
    leader.sync()
    assert doc_id in leader.documents()
    assert [(r["id"], r["code"]) for r in leader.results] == [(1, "workflow.forbidden")]
    assert leader.pull(cursor=0)["last_mutation_id"] == 2


def test_unknown_mutation_and_bad_args_are_rejected_not_wedged(user: Users) -> None:
    clerk = user("office.clerk")
    results = clerk.push(
        clerk.mutation("meeting.book_room", room="r-1"),
        clerk.mutation("document.create_outgoing", document_id="not-a-uuid", fields={}),
        clerk.mutation("document.act", document_id="x", action={"kind": "fly"}),
        clerk.mutation("document.create_outgoing", document_id=str(uuid.uuid4()),
                       fields={"doc_type": "通知", "title": "测试", "classification": "绝密"}),
    ).json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * 4
    assert [r["code"] for r in results] == [
        "mutation.unknown", "mutation.invalid_args", "document.not_found", "document.classified"]
    assert all(r["message"] for r in results)


def test_newer_mutator_version_is_rejected_and_newer_schema_refused(user: Users) -> None:
    clerk = user("office.clerk")
    mutation = clerk.mutation("document.create_outgoing", document_id=str(uuid.uuid4()),
                              fields={"doc_type": "通知", "title": "新版本"})
    mutation["v"] = 99
    assert clerk.push(mutation).json()["results"][0]["code"] == "mutation.unsupported_version"
    body = clerk.push_body(clerk.mutation("document.act", document_id="x", action={}))
    body["schema_version"] = 99
    response = clerk.api.post("/api/v1/sync/push", json=body, headers=clerk.headers)
    assert response.status_code == 409
    assert response.json()["code"] == "sync.schema_unsupported"


def test_client_id_belongs_to_one_person(user: Users) -> None:
    clerk, thief = user("office.clerk"), user("finance.clerk")
    clerk.create()
    thief.client_id = clerk.client_id
    response = thief.push(thief.mutation("document.act", document_id="x", action={}))
    assert response.status_code == 403
    assert response.json()["code"] == "sync.client_mismatch"
    body = {"client_id": clerk.client_id, "cursor": 0, "schema_version": 1}
    assert thief.api.post("/api/v1/sync/pull", json=body,
                          headers=thief.headers).status_code == 403


@contextmanager
def database_down(engine: sa.Engine, when: str) -> Iterator[None]:
    """Make every statement that starts with `when` fail as if the database went away."""

    def fail(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(when):
            raise sa.exc.OperationalError(statement, {}, ConnectionError("server closed"))

    event.listen(engine, "before_cursor_execute", fail)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", fail)


def test_database_down_during_push_is_503_and_nothing_committed(user: Users,
                                                               engine: sa.Engine) -> None:
    clerk = user("office.clerk")
    create = clerk.mutation("document.create_outgoing", document_id=str(uuid.uuid4()),
                            fields={"doc_type": "通知", "title": "断库测试"})
    with database_down(engine, "UPDATE SYNC_COUNTER"):  # fails at the very end of the work
        response = clerk.push(create)
    assert response.status_code == 503
    assert response.json()["code"] == "server.unavailable"
    with engine.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(t.documents)).scalar() == 0
        assert connection.execute(sa.select(t.clients.c.last_mutation_id)).scalars().all() in (
            [], [0])
    # Retried later, the same mutation applies once.
    assert clerk.push(create).json()["results"][0]["status"] == "applied"
    assert clerk.push(create).json()["results"][0]["status"] == "duplicate"


def test_two_reviewers_race_for_one_step_and_the_loser_learns_who_won(user: Users) -> None:
    doc_id, _ = walk_to(user, "review")
    first, second = user("office.reviewer"), user("office.deputy")
    won = first.act(doc_id, "claim", expected_step="review")
    lost = second.act(doc_id, "claim", expected_step="review")
    assert won["status"] == "applied"
    assert lost["status"] == "rejected"
    assert lost["code"] == "workflow.already_claimed"
    assert "周核稿" in lost["message"]
    assert lost["details"]["winner_name"] == "周核稿"
    assert lost["details"]["at"]


def test_two_approvals_of_one_step_from_offline_clients(user: Users) -> None:
    doc_id, _ = walk_to(user, "sign")
    leader, deputy = user("office.leader"), user("office.deputy")
    won = leader.act(doc_id, "approve", expected_step="sign", opinion="同意")
    lost = deputy.act(doc_id, "approve", expected_step="sign", opinion="同意")
    assert won["status"] == "applied"
    assert lost["status"] == "rejected"
    assert lost["details"]["last_actor_name"] == "张主任"
    assert "张主任" in lost["message"]


def test_act_on_another_units_document_reveals_nothing(user: Users) -> None:
    doc_id = user("office.clerk").create()
    outsider = user("edu.clerk")
    result = outsider.act(doc_id, "urge")
    missing = outsider.act(str(uuid.uuid4()), "urge")
    assert result["code"] == missing["code"] == "document.not_found"
    assert result["message"] == missing["message"]


def test_archive_gets_item_numbers(user: Users) -> None:
    doc_id, clerk = walk_to(user, "done")
    clerk.ok(doc_id, "archive", retention="10年", year=2026)
    archived = clerk.doc(doc_id)
    assert archived["archive"] == {"year": 2026, "retention": "10年", "item_number": 1}
    assert archived["owner_unit_id"] == OFFICE_ID


def test_the_time_a_draft_was_made_must_be_a_time_with_its_zone(user: Users) -> None:
    clerk = user("office.clerk")
    for bad in ("yesterday", "2026-12-06T02:49:00", "2026-13-01T00:00:00+08:00"):
        result = clerk.push_one("document.create_outgoing", document_id=str(uuid.uuid4()),
                                fields=NOTICE, acted_at=bad)
        assert (result["status"], result["code"]) == ("rejected", "mutation.invalid_args"), bad
    made = (datetime.now(UTC) - timedelta(minutes=30)).isoformat()
    document_id = str(uuid.uuid4())
    result = clerk.push_one("document.create_outgoing", document_id=document_id, fields=NOTICE,
                            acted_at=made)
    assert result["status"] == "applied"
    created = clerk.doc(document_id)["trace"][0]
    assert created["acted_at"] == made and created["at"] > made
