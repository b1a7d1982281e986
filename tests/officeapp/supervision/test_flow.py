"""The supervision flow: 立项 → (审批) → 交办 → 签收 → 反馈 → 催办 → 延期 → 办结申请 → 审核."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from officeapp.clock import OFFICE_TZ
from officeapp.core.verdict import Accepted
from officeapp.demo import EDU_ID, FINANCE_ID, OFFICE_ID
from officeapp.documents import Direction, DocType
from officeapp.errors import ForbiddenError, ValidationError
from officeapp.org import Delegation, Organisation, Role
from officeapp.supervision import (
    ActionKind,
    ExtensionState,
    Light,
    ReviewOutcome,
    Source,
    Status,
    SupervisionItem,
    audience,
    available_actions,
    create_item,
    fields_from_document,
    status_light,
)
from officeapp.workflow import Document, Holder, Notify
from officeapp.workflow.model import Attachment

from .conftest import DEADLINE, SHA, Sup

A = ActionKind
LATER = DEADLINE + timedelta(days=10)


def with_pending_extension(sup: Sup, **fields: Any) -> SupervisionItem:
    item = sup.to(Status.IN_PROGRESS, **fields)
    return sup.do(item, "finance.clerk", A.REQUEST_EXTENSION, text="资金需待省级下达",
                  deadline=LATER)


def pending_approval(sup: Sup, **fields: Any) -> SupervisionItem:
    item = sup.draft(needs_approval=True, **fields)
    return sup.do(item, "office.supervisor", A.OPEN)


# (how to get there, action, its arguments, who may, who may not)
STEPS: list[tuple[str, Any, A, dict[str, Any], list[str], list[str]]] = [
    ("open", lambda s: s.draft(), A.OPEN, {},
     ["office.supervisor"], ["office.clerk", "office.leader", "finance.clerk"]),
    ("approve", pending_approval, A.APPROVE, {},
     ["office.leader", "office.deputy"],
     ["office.supervisor", "finance.leader", "office.clerk"]),
    ("assign", lambda s: s.to(Status.OPENED), A.ASSIGN, {},
     ["office.supervisor"], ["office.leader", "finance.clerk", "finance.leader"]),
    ("receive", lambda s: s.to(Status.ASSIGNED), A.RECEIVE, {},
     ["finance.clerk", "finance.leader"], ["edu.clerk", "office.supervisor", "office.clerk"]),
    ("report", lambda s: s.to(Status.RECEIVED), A.REPORT, {"percent": 50, "text": "过半"},
     ["finance.clerk", "finance.leader", "edu.clerk", "edu.leader"],
     ["office.clerk", "office.supervisor", "office.admin"]),
    ("urge", lambda s: s.to(Status.IN_PROGRESS), A.URGE, {},
     ["office.supervisor", "office.leader", "edu.leader"],
     ["finance.clerk", "edu.clerk", "office.clerk"]),
    ("request_extension", lambda s: s.to(Status.IN_PROGRESS), A.REQUEST_EXTENSION,
     {"text": "需省级资金", "deadline": LATER},
     ["finance.clerk", "finance.leader"], ["edu.clerk", "office.supervisor"]),
    ("approve_extension", with_pending_extension, A.APPROVE_EXTENSION, {},
     ["office.supervisor"], ["office.leader", "finance.leader", "finance.clerk"]),
    ("refuse_extension", with_pending_extension, A.REFUSE_EXTENSION, {"text": "不符合条件"},
     ["office.supervisor"], ["office.leader", "finance.clerk"]),
    ("request_completion", lambda s: s.to(Status.IN_PROGRESS), A.REQUEST_COMPLETION,
     {"text": "已办结"}, ["finance.clerk", "finance.leader"], ["edu.clerk", "office.supervisor"]),
    ("complete", lambda s: s.to(Status.COMPLETION_REQUESTED), A.COMPLETE, {},
     ["office.supervisor"], ["office.leader", "finance.leader", "finance.clerk"]),
    ("return_completion", lambda s: s.to(Status.COMPLETION_REQUESTED), A.RETURN,
     {"text": "佐证材料不全"}, ["office.supervisor"], ["finance.clerk", "office.leader"]),
]


@pytest.mark.parametrize(("name", "prepare", "kind", "kwargs", "allowed", "forbidden"), STEPS,
                         ids=[s[0] for s in STEPS])
def test_who_may_act_at_each_step(sup: Sup, name: str, prepare: Any, kind: A,
                                  kwargs: dict[str, Any], allowed: list[str],
                                  forbidden: list[str]) -> None:
    item = prepare(sup)
    for username in allowed:
        decision = sup.try_(item, username, kind, **kwargs)
        assert isinstance(decision, Accepted), (username, decision)
        assert decision.trace[-1].actor_id == f"p-{username}"
    for username in forbidden:
        assert sup.refuse(item, username, kind, **kwargs) == "supervision.forbidden", username


def test_full_route_leaves_one_trace_entry_per_step(sup: Sup) -> None:
    item = sup.to(Status.COMPLETED)
    assert [e.action for e in item.trace] == [
        A.CREATE, A.OPEN, A.ASSIGN, A.RECEIVE, A.REPORT, A.REQUEST_COMPLETION, A.COMPLETE]
    assert [e.target_status for e in item.trace] == [
        Status.DRAFT, Status.OPENED, Status.ASSIGNED, Status.RECEIVED, Status.IN_PROGRESS,
        Status.COMPLETION_REQUESTED, Status.COMPLETED]
    assert [e.seq for e in item.trace] == list(range(1, 8))
    assert item.version == 7
    assert item.completion_request is not None
    assert item.completion_request.text == "资金已全部拨付到位"
    assert item.review is not None and item.review.outcome is ReviewOutcome.COMPLETE
    assert item.completed_at == item.trace[-1].at and item.next_report_due is None
    assert item.received_by == "p-finance.clerk" and item.assigned_at == item.trace[2].at
    assert status_light(item, sup.clock) is Light.DONE


def test_only_supervisors_create_items(sup: Sup) -> None:
    with pytest.raises(ForbiddenError) as error:
        sup.draft("office.leader")
    assert error.value.code == "supervision.forbidden"
    item = sup.draft()
    assert item.status is Status.DRAFT and item.supervisor_unit_id == OFFICE_ID
    assert item.source is Source.MEETING_DECISION and item.source_link is not None
    assert item.source_link.record_id == "m-7/3"


@pytest.mark.parametrize(("fields", "code"), [
    ({"title": " "}, "supervision.invalid_title"),
    ({"source": "传闻"}, "supervision.invalid_source"),
    ({"deadline": "2026-12-01T17:00:00"}, "supervision.invalid_deadline"),
    ({"deadline": "明天"}, "supervision.invalid_deadline"),
    ({"cycle": {"kind": "custom", "days": 0}}, "supervision.invalid_cycle"),
    ({"cycle": {"kind": "daily"}}, "supervision.invalid_cycle"),
    ({"co_unit_ids": "u-edu"}, "supervision.invalid_co_unit_ids"),
    ({"source_link": {"kind": "meeting_decision"}}, "supervision.invalid_source_link"),
    ({"color": "red"}, "supervision.unknown_field"),
])
def test_bad_fields_are_refused_with_a_code(sup: Sup, fields: dict[str, Any], code: str) -> None:
    with pytest.raises(ValidationError) as error:
        sup.draft(**fields)
    assert error.value.code == code and error.value.message


def test_a_date_only_deadline_means_the_end_of_that_day_in_beijing(sup: Sup) -> None:
    item = sup.draft(deadline="2026-12-01")
    assert item.deadline == datetime(2026, 12, 1, 23, 59, 59, tzinfo=OFFICE_TZ)


def test_the_lead_unit_is_never_also_a_co_unit(sup: Sup) -> None:
    item = sup.draft(co_unit_ids=[FINANCE_ID, EDU_ID, EDU_ID])
    assert item.co_unit_ids == (EDU_ID,)


@pytest.mark.parametrize(("fields", "code"), [
    ({"lead_unit_id": None}, "supervision.invalid_lead_unit_id"),
    ({"deadline": None}, "supervision.invalid_deadline"),
    ({"content": ""}, "supervision.invalid_content"),
    ({"deadline": "2026-11-01T17:00:00+08:00"}, "supervision.deadline_passed"),
])
def test_opening_needs_a_complete_item(sup: Sup, fields: dict[str, Any], code: str) -> None:
    item = sup.draft(**fields)
    assert sup.refuse(item, "office.supervisor", A.OPEN) == code


def test_leader_approval_when_configured(sup: Sup) -> None:
    item = pending_approval(sup)
    assert item.status is Status.PENDING_APPROVAL
    decision = sup.try_(sup.draft(needs_approval=True), "office.supervisor", A.OPEN)
    assert isinstance(decision, Accepted)
    assert decision.effects == (Notify("todo", holders=(Holder(OFFICE_ID,
                                                               frozenset({Role.LEADER})),)),)
    assert sup.refuse(item, "office.supervisor", A.ASSIGN) == "supervision.action_not_allowed"
    assert sup.refuse(item, "office.leader", A.RETURN) == "supervision.text_required"
    back = sup.do(item, "office.leader", A.RETURN, text="来源依据不足，请补充")
    assert back.status is Status.DRAFT and back.trace[-1].opinion == "来源依据不足，请补充"
    approved = sup.do(sup.do(back, "office.supervisor", A.OPEN), "office.leader", A.APPROVE)
    assert approved.status is Status.OPENED


def test_a_named_approver_and_their_delegate(org: Organisation, sup: Sup) -> None:
    item = pending_approval(sup, approver_id="p-office.deputy")
    assert sup.refuse(item, "office.leader", A.APPROVE) == "supervision.forbidden"
    assert sup.do(item, "office.deputy", A.APPROVE).status is Status.OPENED
    away = Delegation("p-office.deputy", "p-office.leader", sup.clock - timedelta(days=1),
                      sup.clock + timedelta(days=1))
    sup.org = Organisation(org.units.values(), org.people.values(), (away,))
    assert sup.do(item, "office.leader", A.APPROVE).status is Status.OPENED


def test_assigning_notifies_lead_co_units_and_informed_leaders(sup: Sup) -> None:
    item = sup.to(Status.OPENED)
    decision = sup.try_(item, "office.supervisor", A.ASSIGN, text="请按期办结")
    assert isinstance(decision, Accepted)
    roles = frozenset({Role.CLERK, Role.LEADER})
    assert decision.effects == (
        Notify("todo", holders=(Holder(FINANCE_ID, roles),)),
        Notify("assist", holders=(Holder(EDU_ID, roles),)),
        Notify("informed", person_ids=("p-office.leader",)),
    )
    after = decision.record
    assert after.assigned_at == sup.clock
    assert after.next_report_due == sup.clock + timedelta(days=7)


def test_the_lead_unit_may_hand_an_assignment_back_before_receiving(sup: Sup) -> None:
    item = sup.to(Status.ASSIGNED)
    assert sup.refuse(item, "finance.clerk", A.RETURN) == "supervision.text_required"
    assert sup.refuse(item, "edu.clerk", A.RETURN, text="x") == "supervision.forbidden"
    back = sup.do(item, "finance.clerk", A.RETURN, text="该事项属教育局职责")
    assert back.status is Status.OPENED and back.assigned_at is None
    edited = sup.do(back, "office.supervisor", A.EDIT,
                    changes={"lead_unit_id": EDU_ID, "co_unit_ids": [FINANCE_ID]})
    assert edited.lead_unit_id == EDU_ID and edited.co_unit_ids == (FINANCE_ID,)


@pytest.mark.parametrize(("percent", "ok"), [(-1, False), (0, True), (100, True),
                                              (101, False), (None, False)])
def test_report_percent_must_be_0_to_100(sup: Sup, percent: int | None, ok: bool) -> None:
    item = sup.to(Status.RECEIVED)
    decision = sup.try_(item, "finance.clerk", A.REPORT, percent=percent, text="进展")
    assert isinstance(decision, Accepted) is ok
    if not ok:
        assert sup.refuse(item, "finance.clerk", A.REPORT, percent=percent,
                          text="进展") == "supervision.invalid_percent"


def test_reports_need_text_and_a_received_item(sup: Sup) -> None:
    item = sup.to(Status.RECEIVED)
    assert sup.refuse(item, "finance.clerk", A.REPORT, percent=10) == "supervision.text_required"
    assigned = sup.to(Status.ASSIGNED)
    assert sup.refuse(assigned, "finance.clerk", A.REPORT, percent=10, text="x") == (
        "supervision.action_not_allowed")


def test_lead_reports_move_the_next_report_date_and_co_reports_do_not(sup: Sup) -> None:
    item = sup.to(Status.RECEIVED)
    due = item.next_report_due
    co = sup.do(item, "edu.clerk", A.REPORT, percent=20, text="已配合提供学校名单")
    assert co.next_report_due == due and co.progress_reports[-1].unit_id == EDU_ID
    sup.tick(days=2)
    lead = sup.do(co, "finance.leader", A.REPORT, percent=40, text="已拨付四成",
                  attachments=(Attachment("拨付明细.xlsx", SHA, 2048),))
    report = lead.progress_reports[-1]
    assert lead.next_report_due == report.at + timedelta(days=7)
    assert (report.seq, report.unit_id, report.person_name) == (2, FINANCE_ID, "孙局长")
    assert report.attachments[0].name == "拨付明细.xlsx" and lead.percent == 40
    assert sup.refuse(lead, "finance.clerk", A.REPORT, percent=50, text="x",
                      attachments=(Attachment("a", "zz"),)) == (
        "supervision.invalid_attachments")


def test_monthly_cycle_keeps_the_day_or_the_month_end(sup: Sup) -> None:
    sup.clock = datetime(2027, 1, 31, 9, 0, tzinfo=OFFICE_TZ) - timedelta(minutes=3)
    item = sup.to(Status.ASSIGNED, cycle={"kind": "monthly"},
                  deadline=datetime(2027, 6, 30, tzinfo=OFFICE_TZ))
    assert item.next_report_due == datetime(2027, 2, 28, 9, 0, tzinfo=OFFICE_TZ)


def test_urging_by_hand_is_recorded_and_tells_the_lead_unit(sup: Sup) -> None:
    item = sup.to(Status.IN_PROGRESS)
    decision = sup.try_(item, "office.leader", A.URGE, text="请加快进度")
    assert isinstance(decision, Accepted)
    after = decision.record
    assert after.status is Status.IN_PROGRESS
    urging = after.urgings[-1]
    assert (urging.by, urging.text, urging.rule, urging.unit_ids) == (
        "p-office.leader", "请加快进度", "", (FINANCE_ID,))
    assert decision.effects == (Notify("urge", holders=(Holder(
        FINANCE_ID, frozenset({Role.CLERK, Role.LEADER})),)),)
    default = sup.do(item, "office.supervisor", A.URGE)
    assert default.urgings[-1].text == f"请抓紧办理《{item.title}》"


def test_extension_request_rules(sup: Sup) -> None:
    item = sup.to(Status.IN_PROGRESS)
    assert sup.refuse(item, "finance.clerk", A.REQUEST_EXTENSION, deadline=LATER) == (
        "supervision.text_required")
    assert sup.refuse(item, "finance.clerk", A.REQUEST_EXTENSION, text="x") == (
        "supervision.invalid_deadline")
    assert sup.refuse(item, "finance.clerk", A.REQUEST_EXTENSION, text="x",
                      deadline=DEADLINE) == "supervision.extension_not_later"
    pending = sup.do(item, "finance.clerk", A.REQUEST_EXTENSION, text="x", deadline=LATER)
    assert sup.refuse(pending, "finance.clerk", A.REQUEST_EXTENSION, text="y",
                      deadline=LATER + timedelta(days=1)) == "supervision.extension_pending"
    assert sup.refuse(item, "office.supervisor", A.APPROVE_EXTENSION) == (
        "supervision.no_pending_extension")


def test_an_overdue_item_may_ask_only_for_a_future_deadline(sup: Sup) -> None:
    item = sup.to(Status.IN_PROGRESS)
    sup.clock = DEADLINE + timedelta(days=2)
    assert sup.refuse(item, "finance.clerk", A.REQUEST_EXTENSION, text="x",
                      deadline=DEADLINE + timedelta(days=1)) == "supervision.extension_in_past"


def test_approved_extension_changes_the_deadline_and_the_light(sup: Sup) -> None:
    item = with_pending_extension(sup, cycle=None)
    sup.clock = DEADLINE - timedelta(days=1)
    assert status_light(item, sup.clock) is Light.YELLOW
    approved = sup.do(item, "office.supervisor", A.APPROVE_EXTENSION, text="同意")
    assert approved.deadline == LATER
    request = approved.extension_requests[-1]
    assert request.state is ExtensionState.APPROVED and request.granted_deadline == LATER
    assert request.previous_deadline == DEADLINE and request.decided_by == "p-office.supervisor"
    assert approved.trace[-1].details["to"] == LATER.isoformat()
    assert status_light(approved, sup.clock) is Light.GREEN
    assert status_light(item, DEADLINE + timedelta(seconds=1)) is Light.RED
    assert status_light(approved, DEADLINE + timedelta(seconds=1)) is Light.GREEN


def test_supervisor_may_grant_a_shorter_extension(sup: Sup) -> None:
    item = with_pending_extension(sup)
    shorter = DEADLINE + timedelta(days=3)
    approved = sup.do(item, "office.supervisor", A.APPROVE_EXTENSION, deadline=shorter)
    assert approved.deadline == shorter
    assert approved.extension_requests[-1].requested_deadline == LATER


def test_refused_extension_keeps_the_deadline(sup: Sup) -> None:
    item = with_pending_extension(sup)
    assert sup.refuse(item, "office.supervisor", A.REFUSE_EXTENSION) == (
        "supervision.text_required")
    refused = sup.do(item, "office.supervisor", A.REFUSE_EXTENSION, text="不符合延期条件")
    assert refused.deadline == DEADLINE
    assert refused.extension_requests[-1].state is ExtensionState.REFUSED
    again = sup.do(refused, "finance.clerk", A.REQUEST_EXTENSION, text="补充理由",
                   deadline=LATER)
    assert len(again.extension_requests) == 2 and again.pending_extension is not None


def test_requesting_completion_withdraws_a_pending_extension(sup: Sup) -> None:
    item = with_pending_extension(sup)
    done = sup.do(item, "finance.clerk", A.REQUEST_COMPLETION, text="已提前完成")
    assert done.extension_requests[-1].state is ExtensionState.WITHDRAWN
    assert done.pending_extension is None and done.deadline == DEADLINE
    assert done.trace[-1].details == {"withdrawn_extension": 1}


def test_review_returns_with_a_reason_and_the_unit_tries_again(sup: Sup) -> None:
    item = sup.to(Status.COMPLETION_REQUESTED)
    assert sup.refuse(item, "office.supervisor", A.RETURN) == "supervision.text_required"
    returned = sup.do(item, "office.supervisor", A.RETURN, text="缺少拨付凭证")
    assert returned.status is Status.RETURNED
    assert returned.review is not None and returned.review.outcome is ReviewOutcome.RETURN
    assert returned.review.reason == "缺少拨付凭证" and returned.completion_request is not None
    assert sup.refuse(returned, "office.supervisor", A.COMPLETE) == (
        "supervision.action_not_allowed")
    again = sup.do(returned, "finance.clerk", A.REPORT, percent=100, text="已补充凭证")
    assert again.status is Status.IN_PROGRESS
    asked = sup.do(again, "finance.clerk", A.REQUEST_COMPLETION, text="凭证已补齐",
                   attachments=(Attachment("凭证.pdf", SHA, 10),))
    assert asked.review is None and asked.completion_request is not None
    done = sup.do(asked, "office.supervisor", A.COMPLETE, text="同意销号")
    assert done.status is Status.COMPLETED and done.finished_at == asked.completion_request.at


def test_nothing_moves_a_completed_item(sup: Sup) -> None:
    item = sup.to(Status.COMPLETED)
    for kind in A:
        actors = ["office.supervisor", "finance.clerk", "office.leader"]
        assert all(kind not in available_actions(item, sup.actor(a), sup.clock) for a in actors)
    assert sup.refuse(item, "office.supervisor", A.URGE) == "supervision.action_not_allowed"
    assert sup.refuse(item, "finance.clerk", A.REPORT, percent=100, text="x") == (
        "supervision.action_not_allowed")


def test_a_stale_action_is_refused_naming_who_moved_the_item(sup: Sup) -> None:
    item = sup.to(Status.ASSIGNED)
    received = sup.do(item, "finance.leader", A.RECEIVE)
    decision = sup.try_(received, "finance.clerk", A.RECEIVE, expected_status=Status.ASSIGNED)
    assert not isinstance(decision, Accepted)
    assert decision.rejection.code == "supervision.status_moved"
    assert "孙局长" in decision.rejection.message
    assert decision.rejection.details["last_actor_id"] == "p-finance.leader"


def test_the_buttons_each_person_sees(sup: Sup) -> None:
    item = sup.to(Status.IN_PROGRESS)
    now = sup.clock

    def buttons(username: str) -> list[A]:
        return available_actions(item, sup.actor(username), now)

    assert buttons("finance.clerk") == [A.REPORT, A.REQUEST_EXTENSION, A.REQUEST_COMPLETION]
    assert buttons("edu.clerk") == [A.REPORT]
    assert buttons("office.supervisor") == [A.URGE]
    assert buttons("office.clerk") == []
    assert available_actions(sup.draft(), sup.actor("office.supervisor"), now) == [
        A.EDIT, A.OPEN]


def test_editing_is_for_supervisors_before_assignment(sup: Sup) -> None:
    item = sup.draft()
    later = DEADLINE + timedelta(days=1)
    edited = sup.do(item, "office.supervisor", A.EDIT, changes={"deadline": later.isoformat()})
    assert edited.deadline == later and edited.trace[-1].details == {"fields": ["deadline"]}
    assert sup.refuse(item, "office.clerk", A.EDIT, changes={"title": "x"}) == (
        "supervision.forbidden")
    assert sup.refuse(item, "office.supervisor", A.EDIT, changes={"status": "completed"}) == (
        "supervision.unknown_field")
    assert sup.refuse(item, "office.supervisor", A.EDIT) == "supervision.nothing_changed"
    assigned = sup.to(Status.ASSIGNED)
    assert sup.refuse(assigned, "office.supervisor", A.EDIT, changes={"title": "x"}) == (
        "supervision.action_not_allowed")


def test_breaking_an_item_down_into_sub_items(sup: Sup) -> None:
    parent = sup.to(Status.ASSIGNED)
    actor = sup.actor("office.supervisor")
    child = create_item(item_id="s-1-1", actor=actor, now=sup.tick(), parent=parent,
                        fields={"title": "第一批资金拨付", "content": "先拨付第一批",
                                "lead_unit_id": EDU_ID})
    assert child.parent_id == parent.id and child.source is parent.source
    assert child.deadline == parent.deadline and child.trace[0].details == {"parent_id": "s-1"}
    with pytest.raises(ValidationError) as error:
        create_item(item_id="s-1-2", actor=actor, now=sup.tick(), parent=parent,
                    fields={"title": "x", "deadline": LATER})
    assert error.value.code == "supervision.invalid_deadline"
    with pytest.raises(ForbiddenError):
        create_item(item_id="s-1-3", actor=sup.actor("office.clerk"), now=sup.tick(),
                    parent=parent, fields={"title": "x"})
    done = sup.to(Status.COMPLETED)
    with pytest.raises(ValidationError) as error:
        create_item(item_id="s-1-4", actor=actor, now=sup.tick(), parent=done,
                    fields={"title": "x"})
    assert error.value.code == "supervision.parent_completed"


def test_opening_an_item_from_an_incoming_document(sup: Sup) -> None:
    document = Document(
        id="in-9", direction=Direction.INCOMING, doc_type=DocType.REQUEST,
        title="关于拨付学校维修经费的请示", owner_unit_id=OFFICE_ID, created_by="p-office.clerk",
        created_at=sup.clock, step="handle", doc_number="萍教发〔2026〕8号",
        lead_unit_id=FINANCE_ID, co_unit_ids=(EDU_ID,), deadline=DEADLINE,
    )
    fields = {**fields_from_document(document), "content": "请按领导批示办理"}
    item = create_item(item_id="s-9", actor=sup.actor("office.supervisor"), fields=fields,
                       now=sup.tick())
    assert item.source is Source.INCOMING_DOCUMENT and item.source_link is not None
    assert item.source_link.record_id == "in-9"
    assert item.source_link.label == "萍教发〔2026〕8号《关于拨付学校维修经费的请示》"
    assert (item.lead_unit_id, item.co_unit_ids, item.deadline) == (FINANCE_ID, (EDU_ID,),
                                                                    DEADLINE)
    assert sup.do(item, "office.supervisor", A.OPEN).status is Status.OPENED


def test_who_sees_an_item(sup: Sup) -> None:
    draft = sup.draft(approver_id="p-office.deputy")
    assert audience(draft).unit_ids == {OFFICE_ID}
    assert audience(draft).person_ids == {"p-office.supervisor", "p-office.leader",
                                          "p-office.deputy"}
    assigned = sup.to(Status.ASSIGNED)
    assert audience(assigned).unit_ids == {OFFICE_ID, FINANCE_ID, EDU_ID}
