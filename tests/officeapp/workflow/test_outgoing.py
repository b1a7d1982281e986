"""The 发文 workflow: 拟稿 → 核稿 → 会签 → 签发 → 编号 → 用印 → 印发, step by step."""

from __future__ import annotations

import pytest

from officeapp.core.verdict import Accepted
from officeapp.demo import DEMO_PEOPLE, EDU_ID, FINANCE_ID, OFFICE_ID
from officeapp.errors import ForbiddenError
from officeapp.workflow import (
    ActionKind,
    AllocateNumber,
    Distribute,
    Notify,
    available_actions,
)
from tests.flows import Flow, to_step

A = ActionKind
EVERYONE = [p.username for p in DEMO_PEOPLE]


# Who may approve at each step (everyone else must be refused).
ALLOWED = {
    "draft": {"office.clerk"},
    "review": {"office.reviewer", "office.secretary", "office.leader", "office.deputy"},
    "countersign": {"finance.leader"},
    "sign": {"office.leader", "office.deputy"},
    "number": {"office.clerk", "office.reviewer", "office.secretary"},
    "seal": {"office.clerk", "office.reviewer", "office.secretary"},
    "issue": {"office.clerk", "office.reviewer", "office.secretary"},
}


@pytest.mark.parametrize("step", list(ALLOWED))
@pytest.mark.parametrize("username", EVERYONE)
def test_who_may_approve_each_step(flow: Flow, step: str, username: str) -> None:
    doc = to_step(flow, step)
    decision = flow.try_(doc, username, A.APPROVE)
    assert isinstance(decision, Accepted) == (username in ALLOWED[step]), decision
    if not isinstance(decision, Accepted):
        assert decision.rejection.code in {"workflow.not_holder", "workflow.action_not_allowed"}


def test_full_route_leaves_one_trace_entry_per_step_with_its_opinion(flow: Flow) -> None:
    doc = to_step(flow, "done")
    steps = [(e.step, e.action, e.target_step) for e in doc.trace]
    assert steps == [
        ("draft", A.CREATE, None),
        ("draft", A.APPROVE, "review"),
        ("review", A.APPROVE, "countersign"),
        ("countersign", A.APPROVE, "sign"),
        ("sign", A.APPROVE, "number"),
        ("number", A.APPROVE, "seal"),
        ("seal", A.APPROVE, "issue"),
        ("issue", A.APPROVE, "done"),
    ]
    assert [e.seq for e in doc.trace] == list(range(1, 9))
    assert doc.trace[3].opinion == "同意" and doc.trace[3].actor_name == "孙局长"
    assert doc.signer_name == "张主任"
    assert doc.written_date == doc.trace[4].at.date()
    assert doc.holders == ()


def test_numbering_asks_the_server_and_shows_pending_until_then(flow: Flow) -> None:
    doc = to_step(flow, "number")
    decision = flow.try_(doc, "office.clerk", A.APPROVE)
    assert isinstance(decision, Accepted)
    assert decision.record.doc_number is None  # the client shows 待编号
    assert AllocateNumber("萍府办发", flow.clock.year) in decision.effects


def test_numbering_needs_an_agency_code(flow: Flow) -> None:
    doc = to_step(flow, "number")
    from dataclasses import replace

    assert flow.refuse(replace(doc, agency_code=""), "office.clerk", A.APPROVE) == (
        "document.invalid_agency_code"
    )


def test_issuing_distributes_to_main_and_cc_units(flow: Flow) -> None:
    doc = to_step(flow, "issue")
    decision = flow.try_(doc, "office.clerk", A.APPROVE)
    assert isinstance(decision, Accepted)
    assert Distribute((FINANCE_ID,), (EDU_ID,)) in decision.effects
    assert decision.record.step == "done"
    assert decision.record.print_date == flow.clock.date()


def test_countersign_is_skipped_without_countersigning_units(flow: Flow) -> None:
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE)
    doc = flow.do(doc, "office.reviewer", A.APPROVE)
    assert doc.step == "sign"


def test_countersign_runs_in_parallel_and_waits_for_every_unit(flow: Flow) -> None:
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE, unit_ids=(FINANCE_ID, EDU_ID))
    doc = flow.do(doc, "office.reviewer", A.APPROVE)
    assert doc.step == "countersign"
    assert {h.unit_id for h in doc.holders} == {FINANCE_ID, EDU_ID}
    doc = flow.do(doc, "edu.leader", A.APPROVE, opinion="无意见")
    assert doc.step == "countersign"
    assert flow.refuse(doc, "edu.leader", A.APPROVE) == "workflow.not_holder"
    doc = flow.do(doc, "finance.leader", A.APPROVE, opinion="同意")
    assert doc.step == "sign"
    entered = doc.trace[-1]
    assert entered.target_step == "sign" and entered.actor_name == "孙局长"


def test_countersign_units_exclude_the_drafting_unit(flow: Flow) -> None:
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE, unit_ids=(OFFICE_ID, FINANCE_ID))
    assert doc.countersign_units == (FINANCE_ID,)


def test_drafter_does_not_review_their_own_draft(flow: Flow) -> None:
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE)
    assert A.APPROVE not in available_actions(doc, flow.actor("office.clerk"), flow.clock)
    assert flow.refuse(doc, "office.clerk", A.APPROVE) == "workflow.not_holder"


def test_draft_must_be_complete_before_it_is_sent(flow: Flow) -> None:
    doc = flow.draft(body="")
    assert flow.refuse(doc, "office.clerk", A.APPROVE) == "document.invalid_body"
    doc = flow.draft(main_recipients=[])
    assert flow.refuse(doc, "office.clerk", A.APPROVE) == "document.invalid_main_recipients"
    doc = flow.draft(doc_type="公告", main_recipients=[], cc_recipients=[])
    assert flow.do(doc, "office.clerk", A.APPROVE).step == "review"


def test_sender_chooses_the_reviewer(flow: Flow) -> None:
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE, people=("office.deputy",))
    assert [h.person_id for h in doc.holders] == ["p-office.deputy"]
    assert flow.refuse(doc, "office.reviewer", A.APPROVE) == "workflow.not_holder"
    assert flow.do(doc, "office.deputy", A.APPROVE).step == "sign"


def test_a_chosen_assignee_must_fit_the_step(flow: Flow) -> None:
    doc = flow.draft()
    assert flow.refuse(doc, "office.clerk", A.APPROVE, people=("finance.clerk",)) == (
        "workflow.bad_assignee"
    )
    assert flow.refuse(doc, "office.clerk", A.APPROVE, people=("office.supervisor",)) == (
        "workflow.bad_assignee"
    )


def test_editing_is_allowed_while_drafting_and_reviewing_only(flow: Flow) -> None:
    doc = flow.do(flow.draft(), "office.clerk", A.EDIT, changes={"title": "关于调整放假安排的通知"})
    assert doc.title == "关于调整放假安排的通知"
    assert doc.trace[-1].details == {"fields": ["title"]}
    doc = flow.do(doc, "office.clerk", A.APPROVE)
    doc = flow.do(doc, "office.reviewer", A.EDIT, changes={"body": "修改后的正文"})
    doc = flow.do(doc, "office.reviewer", A.APPROVE)
    assert doc.step == "sign"
    assert flow.refuse(doc, "office.leader", A.EDIT, changes={"title": "x"}) == (
        "workflow.action_not_allowed"
    )


def test_bad_edits_are_refused_with_the_field_named(flow: Flow) -> None:
    doc = flow.draft()
    for changes, code in [
        ({"title": ""}, "document.invalid_title"),
        ({"classification": "机密"}, "document.classified"),
        ({"urgency": "十万火急"}, "document.unknown_urgency"),
        ({"doc_type": "便条"}, "document.unknown_type"),
        ({"written_date": "2023-13-01"}, "document.invalid_written_date"),
        ({"owner_unit_id": "u-edu"}, "document.unknown_field"),
        ({"title": "长" * 201}, "document.invalid_title"),
    ]:
        assert flow.refuse(doc, "office.clerk", A.EDIT, changes=changes) == code


def test_new_work_notifies_the_next_holders(flow: Flow) -> None:
    decision = flow.try_(flow.draft(), "office.clerk", A.APPROVE)
    assert isinstance(decision, Accepted)
    (notify,) = [e for e in decision.effects if isinstance(e, Notify)]
    assert notify.reason == "todo" and notify.holders == decision.record.holders


def test_only_drafters_may_create(flow: Flow) -> None:
    with pytest.raises(ForbiddenError):
        flow.draft("office.admin")
