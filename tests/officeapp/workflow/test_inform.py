"""知会: telling people of a document for their information, and their 已阅 when they open it."""

from __future__ import annotations

from officeapp.core.verdict import Accepted
from officeapp.workflow import (
    ActionKind,
    Document,
    Notify,
    Retention,
    available_actions,
    may_inform,
    unread_inform,
)
from officeapp.workflow.codec import document_from_dict, document_to_dict
from tests.flows import Flow, to_step

A = ActionKind


def test_a_holder_informs_people_with_a_note_and_the_trace_says_whom(flow: Flow) -> None:
    doc = to_step(flow, "sign")
    decision = flow.try_(doc, "office.leader", A.INFORM, people=("edu.clerk", "finance.clerk"),
                         opinion="请了解，届时配合")
    assert isinstance(decision, Accepted)
    after = decision.record
    assert [i.person_id for i in after.informed] == ["p-edu.clerk", "p-finance.clerk"]
    assert all(i.sent_by == "p-office.leader" and i.read_at is None for i in after.informed)
    (entry,) = decision.trace
    assert (entry.action, entry.actor_id, entry.step) == (A.INFORM, "p-office.leader", "sign")
    assert entry.opinion == "请了解，届时配合"
    assert entry.details == {"to": ["p-edu.clerk", "p-finance.clerk"]}
    (notify,) = decision.effects
    assert isinstance(notify, Notify) and notify.reason == "informed"
    assert notify.person_ids == ("p-edu.clerk", "p-finance.clerk")
    # Nothing else moved: same step, same holders, nobody new holds anything.
    assert (after.step, after.holders, after.circulations) == (doc.step, doc.holders, ())


def test_the_drafter_may_inform_at_any_active_step_and_a_stranger_may_not(flow: Flow) -> None:
    for step in ("draft", "review", "countersign", "sign", "number", "seal", "issue"):
        doc = to_step(flow, step)
        assert may_inform(doc, flow.actor("office.clerk")), step
        assert A.INFORM in available_actions(doc, flow.actor("office.clerk"), flow.clock)
        flow.do(doc, "office.clerk", A.INFORM, people=("edu.leader",))
    doc = to_step(flow, "sign")
    # 财政局 countersigned earlier but holds nothing now; 赵督查 never held it.
    for outsider in ("finance.leader", "office.supervisor"):
        assert flow.refuse(doc, outsider, A.INFORM, people=("edu.clerk",)) == "workflow.forbidden"
        assert A.INFORM not in available_actions(doc, flow.actor(outsider), flow.clock)


def test_a_pool_holder_may_inform_too(flow: Flow) -> None:
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE)  # 核稿: a pool of the office
    assert flow.do(doc, "office.reviewer", A.INFORM, people=("office.leader",)).informed


def test_incoming_steps_allow_it_too(flow: Flow) -> None:
    doc = flow.incoming()
    doc = flow.do(doc, "office.clerk", A.INFORM, people=("office.leader",))
    assert [i.person_id for i in doc.informed] == ["p-office.leader"]


def test_not_oneself_and_not_twice(flow: Flow) -> None:
    doc = to_step(flow, "sign")
    assert flow.refuse(doc, "office.leader", A.INFORM, people=("office.leader",)) == (
        "workflow.bad_assignee")
    assert flow.refuse(doc, "office.leader", A.INFORM) == "workflow.assignee_required"
    doc = flow.do(doc, "office.leader", A.INFORM, people=("edu.clerk",))
    # Informed already (by anyone, read or not): not added again; if nobody is new, refused.
    assert flow.refuse(doc, "office.clerk", A.INFORM, people=("edu.clerk",)) == (
        "workflow.already_informed")
    doc = flow.do(doc, "office.clerk", A.INFORM, people=("edu.clerk", "edu.leader"))
    assert [i.person_id for i in doc.informed] == ["p-edu.clerk", "p-edu.leader"]
    assert doc.trace[-1].details == {"to": ["p-edu.leader"]}
    doc = flow.do(doc, "edu.clerk", A.READ)
    assert flow.refuse(doc, "office.leader", A.INFORM, people=("edu.clerk",)) == (
        "workflow.already_informed")


def test_never_after_the_end(flow: Flow) -> None:
    done = to_step(flow, "done")
    assert not may_inform(done, flow.actor("office.clerk"))
    assert flow.refuse(done, "office.clerk", A.INFORM, people=("edu.clerk",)) == (
        "workflow.inform_closed")
    archived = flow.do(done, "office.clerk", A.ARCHIVE, retention=Retention.YEARS_10)
    assert flow.refuse(archived, "office.clerk", A.INFORM, people=("edu.clerk",)) == (
        "workflow.inform_closed")


def test_opening_marks_it_read_once_and_in_the_trace(flow: Flow) -> None:
    doc = flow.do(to_step(flow, "sign"), "office.leader", A.INFORM, people=("edu.clerk",))
    reader = flow.actor("edu.clerk")
    assert unread_inform(doc, "p-edu.clerk")
    # Being informed gives nothing to do but read: no step, no other action.
    assert available_actions(doc, reader, flow.clock) == [A.READ]
    doc = flow.do(doc, "edu.clerk", A.READ)
    assert doc.informed[0].read_at == flow.clock
    assert (doc.trace[-1].action, doc.trace[-1].actor_id) == (A.READ, "p-edu.clerk")
    assert not unread_inform(doc, "p-edu.clerk")
    assert available_actions(doc, flow.actor("edu.clerk"), flow.clock) == []
    # Idempotent: read again (another computer, or twice offline) changes nothing.
    again = flow.try_(doc, "edu.clerk", A.READ)
    assert isinstance(again, Accepted) and again.trace == () and again.record == doc


def test_reading_does_not_depend_on_the_step_and_works_after_the_end(flow: Flow) -> None:
    doc = flow.do(to_step(flow, "issue"), "office.clerk", A.INFORM, people=("edu.clerk",))
    seen_at = doc.step
    doc = flow.do(doc, "office.clerk", A.APPROVE)
    doc = flow.do(doc, "office.clerk", A.ARCHIVE, retention=Retention.YEARS_10)
    assert doc.step == "archived"
    # Opened offline while it was at 印发; the document moved on meanwhile.
    doc = flow.do(doc, "edu.clerk", A.READ, expected_step=seen_at)
    assert doc.informed[0].read_at is not None


def test_only_the_informed_read_and_reading_never_acknowledges_a_circulation(
        flow: Flow) -> None:
    doc = to_step(flow, "sign")
    assert flow.refuse(doc, "edu.clerk", A.READ) == "workflow.not_informed"
    doc = flow.do(doc, "office.leader", A.CIRCULATE, people=("office.supervisor",))
    doc = flow.do(doc, "office.leader", A.INFORM, people=("office.supervisor",))
    doc = flow.do(doc, "office.supervisor", A.READ)
    assert doc.circulations[0].read_at is None  # the 传阅 still waits for its own 已阅
    assert A.ACKNOWLEDGE in available_actions(doc, flow.actor("office.supervisor"), flow.clock)


def test_informing_does_not_block_withdrawal(flow: Flow) -> None:
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE)
    doc = flow.do(doc, "office.clerk", A.INFORM, people=("office.leader",))
    doc = flow.do(doc, "office.leader", A.READ)
    assert flow.do(doc, "office.clerk", A.WITHDRAW).step == "draft"


def test_the_codec_keeps_informed_people_and_leaves_them_out_when_none(flow: Flow) -> None:
    doc = flow.do(to_step(flow, "sign"), "office.leader", A.INFORM, people=("edu.clerk",))
    doc = flow.do(doc, "edu.clerk", A.READ)
    assert document_from_dict(document_to_dict(doc)) == doc
    plain: Document = flow.draft()
    assert "informed" not in document_to_dict(plain)
