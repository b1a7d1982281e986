"""may_undo: which moves a person may take back right after making them (the UI's 撤销)."""

from __future__ import annotations

from officeapp.demo import FINANCE_ID
from officeapp.workflow import (
    ActionKind,
    Document,
    available_actions,
    incoming_copy,
    may_undo,
)
from tests.flows import Flow, to_step

A = ActionKind


def _may_undo(flow: Flow, doc: Document, username: str) -> bool:
    return may_undo(doc, flow.actor(username), flow.clock)


def test_sending_for_review_may_be_undone_by_the_sender_only(flow: Flow) -> None:
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE)
    assert _may_undo(flow, doc, "office.clerk")
    assert not _may_undo(flow, doc, "office.reviewer")


def test_not_once_the_next_person_has_taken_it(flow: Flow) -> None:
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE)
    doc = flow.do(doc, "office.reviewer", A.CLAIM)
    assert not _may_undo(flow, doc, "office.clerk")


def test_an_urging_in_between_does_not_matter(flow: Flow) -> None:
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE)
    doc = flow.do(doc, "office.supervisor", A.URGE)
    assert _may_undo(flow, doc, "office.clerk")


def test_signing_may_be_undone_until_numbering_but_numbering_never(flow: Flow) -> None:
    signed = to_step(flow, "number")
    assert _may_undo(flow, signed, "office.leader")
    numbered = flow.do(signed, "office.clerk", A.APPROVE)
    assert numbered.step == "seal"
    assert not _may_undo(flow, numbered, "office.clerk")


def test_moves_that_are_not_a_sending_on_are_not_undone(flow: Flow) -> None:
    at_sign = to_step(flow, "sign")
    returned = flow.do(at_sign, "office.leader", A.RETURN, target_step="review", opinion="请核实")
    assert not _may_undo(flow, returned, "office.leader")
    # The countersignature was one of a pool per unit: the rules never withdraw it.
    assert at_sign.trace[-1].actor_id == "p-finance.leader"
    assert not _may_undo(flow, at_sign, "finance.leader")
    sent = flow.do(flow.draft(), "office.clerk", A.APPROVE)
    withdrawn = flow.do(sent, "office.clerk", A.WITHDRAW)
    assert not _may_undo(flow, withdrawn, "office.clerk")  # no undo of an undo


def test_receiving_is_final_but_registering_may_be_undone(flow: Flow) -> None:
    copy = incoming_copy(to_step(flow, "done"), document_id="copy-1", unit_id=FINANCE_ID,
                         sender_name="市政府办公室", now=flow.tick(),
                         system_actor=flow.actor("office.clerk"))
    received = flow.do(copy, "finance.clerk", A.APPROVE)
    assert received.step == "register"
    assert not _may_undo(flow, received, "finance.clerk")
    registered = flow.do(flow.incoming(), "office.clerk", A.APPROVE)
    assert registered.step == "propose"
    assert _may_undo(flow, registered, "office.clerk")


def test_agrees_with_the_withdraw_button(flow: Flow) -> None:
    """Right after a sending-on, 撤销 is offered exactly when the pane offers 撤回."""
    doc = flow.draft()
    route = [("office.clerk", {}), ("office.reviewer", {}), ("office.leader", {}),
             ("office.clerk", {}), ("office.clerk", {}), ("office.clerk", {})]
    for who, args in route:
        doc = flow.do(doc, who, A.APPROVE, **args)
        offered = A.WITHDRAW in available_actions(doc, flow.actor(who), flow.clock)
        assert _may_undo(flow, doc, who) == offered, doc.step
