"""The 收文 workflow: 签收 → 登记 → 拟办 → 批办 → 承办 → 传阅 → 办结 → 归档."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from officeapp.core.verdict import Accepted
from officeapp.demo import EDU_ID, FINANCE_ID, OFFICE_ID
from officeapp.errors import ForbiddenError
from officeapp.workflow import (
    ActionKind,
    AllocateItemNumber,
    Retention,
    incoming_copy,
)
from tests.flows import Flow, to_step

A = ActionKind
DEADLINE = datetime(2026, 12, 15, 17, 0, tzinfo=UTC)


def instructed(flow: Flow, **instruct: object) -> object:
    doc = flow.incoming()
    doc = flow.do(doc, "office.clerk", A.APPROVE)
    assert doc.step == "propose"
    doc = flow.do(doc, "office.reviewer", A.APPROVE, opinion="拟请财政局牵头办理")
    assert doc.step == "instruct"
    args = {"lead_unit_id": FINANCE_ID, "unit_ids": (EDU_ID,), "deadline": DEADLINE,
            "opinion": "请财政局牵头，教育局配合，按期办结", **instruct}
    return flow.do(doc, "office.leader", A.APPROVE, **args)


def test_issued_copy_waits_for_the_recipient_unit_to_receive_it(flow: Flow) -> None:
    issued = to_step(flow, "done")
    copy = incoming_copy(issued, document_id="copy-1", unit_id=FINANCE_ID,
                         sender_name="市政府办公室", now=flow.tick(),
                         system_actor=flow.actor("office.clerk"))
    assert copy.step == "receive" and copy.owner_unit_id == FINANCE_ID
    assert copy.source_document_id == issued.id and copy.title == issued.title
    assert flow.refuse(copy, "edu.clerk", A.APPROVE) == "workflow.not_holder"
    assert flow.refuse(copy, "finance.leader", A.APPROVE) == "workflow.not_holder"
    received = flow.do(copy, "finance.clerk", A.APPROVE)
    assert received.step == "register"


def test_registration_is_by_clerks_only(flow: Flow) -> None:
    with pytest.raises(ForbiddenError):
        flow.incoming("office.leader")


def test_instruction_names_lead_and_co_units_and_deadline(flow: Flow) -> None:
    doc = instructed(flow)
    assert doc.step == "handle"
    assert doc.lead_unit_id == FINANCE_ID and doc.co_unit_ids == (EDU_ID,)
    assert doc.deadline == DEADLINE
    assert [(h.unit_id, h.lead) for h in doc.holders] == [(FINANCE_ID, True), (EDU_ID, False)]


def test_instruction_without_lead_unit_is_refused(flow: Flow) -> None:
    doc = flow.do(flow.incoming(), "office.clerk", A.APPROVE)
    doc = flow.do(doc, "office.reviewer", A.APPROVE)
    assert flow.refuse(doc, "office.leader", A.APPROVE) == "workflow.lead_unit_required"
    assert flow.refuse(doc, "office.clerk", A.APPROVE) == "workflow.not_holder"


def test_handling_waits_for_lead_and_co_units_then_circulates(flow: Flow) -> None:
    doc = instructed(flow, people=("office.deputy", "office.supervisor"))
    assert doc.circulate_to == ("p-office.deputy", "p-office.supervisor")
    assert flow.refuse(doc, "office.clerk", A.APPROVE) == "workflow.not_holder"
    doc = flow.do(doc, "edu.clerk", A.APPROVE, opinion="已提供学校清单")
    assert doc.step == "handle"
    doc = flow.do(doc, "finance.clerk", A.APPROVE, opinion="经费已拨付")
    assert doc.step == "circulate"
    assert flow.refuse(doc, "office.leader", A.ACKNOWLEDGE) == "workflow.nothing_to_acknowledge"
    doc = flow.do(doc, "office.deputy", A.ACKNOWLEDGE)
    assert doc.step == "circulate"
    doc = flow.do(doc, "office.supervisor", A.ACKNOWLEDGE, opinion="已阅")
    assert doc.step == "complete"
    assert doc.trace[-1].action is A.ACKNOWLEDGE and doc.trace[-1].target_step == "complete"
    doc = flow.do(doc, "office.clerk", A.APPROVE, opinion="办结")
    assert doc.step == "done"


def test_circulation_is_skipped_when_nobody_is_to_read(flow: Flow) -> None:
    doc = instructed(flow, unit_ids=())
    doc = flow.do(doc, "finance.leader", A.APPROVE)
    assert doc.step == "complete"


def test_archiving_assigns_year_and_retention_and_asks_for_an_item_number(flow: Flow) -> None:
    doc = instructed(flow, unit_ids=())
    doc = flow.do(doc, "finance.clerk", A.APPROVE)
    doc = flow.do(doc, "office.clerk", A.APPROVE)
    assert flow.refuse(doc, "office.clerk", A.ARCHIVE) == "archive.retention_required"
    assert flow.refuse(doc, "office.leader", A.ARCHIVE, retention=Retention.YEARS_30) == (
        "workflow.forbidden"
    )
    decision = flow.try_(doc, "office.clerk", A.ARCHIVE, retention=Retention.YEARS_30)
    assert isinstance(decision, Accepted)
    archived = decision.record
    assert archived.step == "archived" and archived.archive is not None
    assert archived.archive.retention is Retention.YEARS_30
    assert archived.archive.year == flow.clock.year
    assert AllocateItemNumber(OFFICE_ID, flow.clock.year, Retention.YEARS_30) in decision.effects
    assert flow.refuse(archived, "office.clerk", A.ARCHIVE, retention=Retention.YEARS_10) == (
        "workflow.action_not_allowed"
    )


def test_handling_unit_returns_to_instruct_with_a_reason(flow: Flow) -> None:
    doc = instructed(flow)
    assert flow.refuse(doc, "finance.clerk", A.RETURN, target_step="instruct") == (
        "opinion.required"
    )
    doc = flow.do(doc, "finance.clerk", A.RETURN, target_step="instruct",
                  opinion="此事属教育局职责，请重新指定")
    assert doc.step == "instruct"
    assert [h.person_id for h in doc.holders] == ["p-office.leader"]
