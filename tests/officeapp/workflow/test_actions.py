"""Return, withdraw, delegate, add signer, claim, circulate and urge."""

from __future__ import annotations

from datetime import timedelta

from officeapp.core.verdict import Accepted
from officeapp.demo import FINANCE_ID
from officeapp.org import Delegation, Organisation
from officeapp.workflow import ActionKind, Notify, available_actions
from tests.flows import Flow, to_step

A = ActionKind


def test_return_goes_back_to_who_did_the_earlier_step(flow: Flow) -> None:
    doc = to_step(flow, "sign")
    doc = flow.do(doc, "office.leader", A.RETURN, target_step="review", opinion="请再核实数据")
    assert doc.step == "review"
    assert [h.person_id for h in doc.holders] == ["p-office.reviewer"]
    assert doc.trace[-1].opinion == "请再核实数据" and doc.trace[-1].target_step == "review"
    doc = flow.do(doc, "office.reviewer", A.RETURN, target_step="draft", opinion="数据有误")
    assert doc.step == "draft" and doc.holders[0].person_id == "p-office.clerk"


def test_return_needs_a_reason_and_an_earlier_step(flow: Flow) -> None:
    doc = to_step(flow, "sign")
    assert flow.refuse(doc, "office.leader", A.RETURN, target_step="draft") == "opinion.required"
    assert flow.refuse(doc, "office.leader", A.RETURN, target_step="seal", opinion="x") == (
        "workflow.bad_return_target"
    )
    assert flow.refuse(doc, "finance.leader", A.RETURN, target_step="draft", opinion="x") == (
        "workflow.not_holder"
    )


def test_no_return_after_numbering(flow: Flow) -> None:
    doc = to_step(flow, "seal")
    assert flow.refuse(doc, "office.clerk", A.RETURN, target_step="draft", opinion="x") == (
        "workflow.action_not_allowed"
    )


def test_sender_withdraws_before_the_next_person_acts(flow: Flow) -> None:
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE)
    assert A.WITHDRAW in available_actions(doc, flow.actor("office.clerk"), flow.clock)
    assert flow.refuse(doc, "office.reviewer", A.WITHDRAW) == "workflow.cannot_withdraw"
    back = flow.do(doc, "office.clerk", A.WITHDRAW)
    assert back.step == "draft" and back.holders[0].person_id == "p-office.clerk"


def test_no_withdraw_once_the_next_person_has_taken_it(flow: Flow) -> None:
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE)
    doc = flow.do(doc, "office.reviewer", A.CLAIM)
    assert flow.refuse(doc, "office.clerk", A.WITHDRAW) == "workflow.already_acted"
    doc = flow.do(doc, "office.reviewer", A.APPROVE)
    assert flow.refuse(doc, "office.clerk", A.WITHDRAW) == "workflow.cannot_withdraw"


def test_an_urging_does_not_block_withdrawal(flow: Flow) -> None:
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE)
    doc = flow.do(doc, "office.supervisor", A.URGE)
    assert flow.do(doc, "office.clerk", A.WITHDRAW).step == "draft"


def test_no_withdraw_of_a_numbered_document(flow: Flow) -> None:
    doc = to_step(flow, "seal")
    assert flow.refuse(doc, "office.clerk", A.WITHDRAW) == "workflow.cannot_withdraw"


def test_two_reviewers_claim_the_same_step_one_wins(flow: Flow) -> None:
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE)
    won = flow.do(doc, "office.reviewer", A.CLAIM)
    decision = flow.try_(won, "office.deputy", A.CLAIM)
    assert not isinstance(decision, Accepted)
    assert decision.rejection.code == "workflow.already_claimed"
    assert decision.rejection.details["winner_name"] == "周核稿"
    assert "周核稿" in decision.rejection.message
    assert flow.refuse(won, "office.deputy", A.APPROVE) == "workflow.already_claimed"


def test_the_loser_of_an_approve_race_is_told_who_acted(flow: Flow) -> None:
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE)
    won = flow.do(doc, "office.reviewer", A.APPROVE, opinion="核稿无误")
    # The deputy approved 核稿 offline; on the server it must not count as signing.
    decision = flow.try_(won, "office.deputy", A.APPROVE, expected_step="review")
    assert not isinstance(decision, Accepted)
    assert decision.rejection.code == "workflow.step_moved"
    assert decision.rejection.details["last_actor_name"] == "周核稿"
    assert "周核稿" in decision.rejection.message and "签发" in decision.rejection.message


def test_delegate_hands_the_work_to_a_deputy(flow: Flow) -> None:
    doc = to_step(flow, "sign")
    doc = flow.do(doc, "office.leader", A.DELEGATE, people=("office.deputy",), opinion="出差")
    assert doc.holders[0].person_id == "p-office.deputy"
    assert doc.holders[0].on_behalf_of == "p-office.leader"
    assert flow.refuse(doc, "office.leader", A.APPROVE) == "workflow.not_holder"
    doc = flow.do(doc, "office.deputy", A.APPROVE, opinion="同意")
    assert doc.signer_name == "陈副主任" and doc.step == "number"
    # The trace says the deputy signed for the leader who handed the work over.
    signed = doc.trace[-1]
    assert (signed.actor_id, signed.on_behalf_of) == ("p-office.deputy", "p-office.leader")


def test_delegate_to_oneself_is_refused(flow: Flow) -> None:
    doc = to_step(flow, "sign")
    assert flow.refuse(doc, "office.leader", A.DELEGATE, people=("office.leader",)) == (
        "workflow.bad_assignee"
    )
    assert flow.refuse(doc, "office.leader", A.DELEGATE) == "workflow.assignee_required"


def test_standing_delegation_lets_a_deputy_act_for_a_person(org: Organisation, flow: Flow) -> None:
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE, people=("office.reviewer",))
    assert flow.refuse(doc, "office.deputy", A.APPROVE) == "workflow.not_holder"
    away = Delegation("p-office.reviewer", "p-office.deputy", flow.clock,
                      flow.clock + timedelta(days=3))
    flow.org = Organisation(org.units.values(), org.people.values(), [away])
    doc = flow.do(doc, "office.deputy", A.APPROVE, opinion="代为核稿")
    entry = doc.trace[-1]
    assert entry.actor_id == "p-office.deputy" and entry.on_behalf_of == "p-office.reviewer"


def test_add_signer_holds_the_step_until_the_added_person_acts(flow: Flow) -> None:
    doc = to_step(flow, "sign")
    doc = flow.do(doc, "office.leader", A.ADD_SIGNER, people=("office.deputy",),
                  opinion="请陈副主任一并审阅")
    doc = flow.do(doc, "office.leader", A.APPROVE, opinion="同意")
    assert doc.step == "sign"
    doc = flow.do(doc, "office.deputy", A.APPROVE, opinion="同意")
    assert doc.step == "number"
    assert flow.refuse(to_step(flow, "sign"), "office.leader", A.ADD_SIGNER) == (
        "workflow.assignee_required"
    )


def test_circulate_adds_read_receipts_without_blocking(flow: Flow) -> None:
    doc = to_step(flow, "sign")
    doc = flow.do(doc, "office.leader", A.CIRCULATE, people=("office.supervisor",))
    assert [c.person_id for c in doc.circulations] == ["p-office.supervisor"]
    assert flow.refuse(doc, "office.leader", A.CIRCULATE, people=("office.supervisor",)) == (
        "workflow.already_circulated"
    )
    assert flow.refuse(doc, "finance.clerk", A.CIRCULATE, people=("office.clerk",)) == (
        "workflow.forbidden"
    )
    doc = flow.do(doc, "office.supervisor", A.ACKNOWLEDGE)
    assert doc.circulations[0].read_at == flow.clock
    assert doc.step == "sign"


def test_urge_notifies_the_waiting_holders(flow: Flow) -> None:
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE, unit_ids=(FINANCE_ID,))
    doc = flow.do(doc, "office.reviewer", A.APPROVE)
    decision = flow.try_(doc, "office.clerk", A.URGE, opinion="请今天下班前会签")
    assert isinstance(decision, Accepted)
    (notify,) = decision.effects
    assert isinstance(notify, Notify) and notify.reason == "urge"
    assert notify.holders[0].unit_id == FINANCE_ID
    assert decision.record.step == "countersign"
    assert flow.refuse(doc, "finance.leader", A.URGE) == "workflow.forbidden"
    assert flow.refuse(doc, "edu.clerk", A.URGE) == "workflow.forbidden"
    assert flow.refuse(to_step(flow, "done"), "office.clerk", A.URGE) == (
        "workflow.nothing_to_urge"
    )


def test_actions_the_step_does_not_offer_are_refused(flow: Flow) -> None:
    doc = flow.draft()
    assert flow.refuse(doc, "office.clerk", A.ARCHIVE) == "workflow.action_not_allowed"
    assert flow.refuse(doc, "office.clerk", A.CLAIM) == "workflow.action_not_allowed"


def test_overlong_opinion_is_refused(flow: Flow) -> None:
    doc = to_step(flow, "sign")
    assert flow.refuse(doc, "office.leader", A.APPROVE, opinion="好" * 5001) == (
        "opinion.too_long"
    )


def test_the_drafter_cannot_name_themselves_reviewer(flow: Flow) -> None:
    assert flow.refuse(flow.draft(), "office.clerk", A.APPROVE, people=("office.clerk",)) == (
        "workflow.bad_assignee"
    )
