"""离职交接 as pure rules: the leaver's open work moves to the successor, history stays."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from officeapp.core.verdict import Accepted, Rejected
from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS, FINANCE_ID, OFFICE_ID
from officeapp.errors import ValidationError
from officeapp.handover import (
    CANNOT_TAKE,
    NOTHING,
    Handover,
    document_pending,
    hand_over_document,
    hand_over_item,
    hand_over_meeting,
    item_pending,
    meeting_pending,
    plan_handover,
)
from officeapp.meetings import (
    Attendee,
    BookingState,
    MeetingActionKind,
    pending_replies,
)
from officeapp.org import Organisation, Person, Role
from officeapp.supervision import (
    ActionKind as SA,
)
from officeapp.supervision import (
    Status,
)
from officeapp.supervision.model import SYSTEM_ID
from officeapp.workflow import ActionKind, Document
from tests.flows import Flow, to_step
from tests.officeapp.meetings.conftest import START, Desk
from tests.officeapp.supervision.conftest import Sup

A = ActionKind
INSPECTOR = Person(id="p-office.inspector", name="钱督查", unit_id=OFFICE_ID,
                   roles=frozenset({Role.SUPERVISOR}), username="office.inspector")
GONE = frozenset({"p-office.reviewer", "p-office.leader",
                  "p-office.supervisor", "p-office.deputy"})


def _org(*, inactive: frozenset[str] = frozenset()) -> Organisation:
    people = [replace(p, active=p.id not in inactive) for p in (*DEMO_PEOPLE, INSPECTOR)]
    return Organisation(DEMO_UNITS, people)


@pytest.fixture
def active_org() -> Organisation:
    """The demo organisation while everybody still works there (to make the work)."""
    return _org()


@pytest.fixture
def left_org() -> Organisation:
    """The same organisation after some of them left."""
    return _org(inactive=GONE)


def _plan(org: Organisation, leaver: str, successor: str, **options: bool) -> Handover:
    return plan_handover(org, leaver_id=f"p-{leaver}", successor_id=f"p-{successor}",
                         admin_name="系统管理员", admin_id="p-office.admin", **options)


# --- who may hand over to whom ---------------------------------------------------------------


@pytest.mark.parametrize(("leaver", "successor", "code"), [
    ("office.reviewer", "office.reviewer", "handover.same_person"),
    ("office.clerk", "office.secretary", "handover.leaver_active"),
    ("office.reviewer", "office.leader", "handover.successor_inactive"),
    ("office.reviewer", "finance.clerk", "handover.other_unit"),
    ("office.reviewer", "nobody", "handover.unknown_person"),
])
def test_a_handover_is_refused_when_the_people_do_not_fit(
        left_org: Organisation, leaver: str, successor: str, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        _plan(left_org, leaver, successor)
    assert refused.value.code == code and refused.value.message


def test_another_unit_takes_over_only_when_allowed(left_org: Organisation) -> None:
    handover = _plan(left_org, "office.reviewer", "finance.clerk", allow_other_unit=True)
    assert handover.successor.unit_id == FINANCE_ID
    assert handover.text == "离职交接：周核稿的待办移交给刘会计（管理员 系统管理员）"


# --- documents -------------------------------------------------------------------------------


def _at_review(flow: Flow) -> Document:
    doc = flow.draft()
    return flow.do(doc, "office.clerk", A.APPROVE, people=("office.reviewer",))


def test_a_step_held_in_person_moves_and_the_successor_may_act(
        active_org: Organisation, left_org: Organisation, now: datetime) -> None:
    flow = Flow(active_org, now)
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE, people=("office.reviewer",))
    assert document_pending(doc, "p-office.reviewer") == ("核稿（待办理）",)
    handover = _plan(left_org, "office.reviewer", "office.secretary")
    decision = hand_over_document(doc, handover, flow.tick())
    assert isinstance(decision, Accepted), decision
    after = decision.record
    assert [h.person_id for h in after.holders] == ["p-office.secretary"]
    assert after.trace[:-1] == doc.trace  # history untouched
    entry = after.trace[-1]
    assert entry.seq == len(doc.trace) + 1 and entry.action is A.DELEGATE
    assert entry.actor_id == SYSTEM_ID and entry.step == "review"
    assert entry.opinion == "离职交接：周核稿的待办移交给王秘书（管理员 系统管理员）"
    assert entry.details["handover"]["moved"] == ["核稿（待办理）"]
    assert after.version == doc.version + 1
    assert document_pending(after, "p-office.reviewer") == ()
    assert document_pending(after, "p-office.secretary") == ("核稿（待办理）",)
    flow.org = left_org
    assert flow.try_(after, "office.secretary", A.APPROVE).ok


def test_a_claimed_pool_moves_without_the_leavers_claim(
        active_org: Organisation, left_org: Organisation, now: datetime) -> None:
    flow = Flow(active_org, now)
    doc = flow.do(flow.draft(), "office.clerk", A.APPROVE)
    doc = flow.do(doc, "office.reviewer", A.CLAIM)
    assert doc.holders[0].claimed_at is not None
    decision = hand_over_document(doc, _plan(left_org, "office.reviewer",
                                                   "office.secretary"), flow.tick())
    assert isinstance(decision, Accepted)
    holder = decision.record.holders[0]
    assert holder.person_id == "p-office.secretary" and holder.claimed_at is None


def test_an_unread_circulation_moves_and_signed_steps_stay(
        active_org: Organisation, left_org: Organisation, now: datetime) -> None:
    flow = Flow(active_org, now)
    doc = to_step(flow, "sign")
    doc = flow.do(doc, "office.leader", A.CIRCULATE, people=("office.reviewer", "office.deputy"))
    doc = flow.do(doc, "office.deputy", A.ACKNOWLEDGE)
    assert document_pending(doc, "p-office.reviewer") == ("传阅（未阅）",)
    decision = hand_over_document(doc, _plan(left_org, "office.reviewer", "office.secretary"),
                                  flow.tick())
    assert isinstance(decision, Accepted)
    after = decision.record
    readers = {(c.person_id, c.read_at is not None) for c in after.circulations}
    assert readers == {("p-office.secretary", False), ("p-office.deputy", True)}
    assert after.holders == doc.holders  # 签发 is the leader's, untouched
    reviewed = [e for e in after.trace if e.actor_id == "p-office.reviewer"]
    assert reviewed and reviewed == [e for e in doc.trace if e.actor_id == "p-office.reviewer"]


def test_readers_chosen_for_circulation_move_while_the_document_is_active(
        active_org: Organisation, left_org: Organisation, now: datetime) -> None:
    flow = Flow(active_org, now)
    doc = replace(_at_review(flow), circulate_to=("p-office.reviewer", "p-office.deputy"))
    decision = hand_over_document(doc, _plan(left_org, "office.reviewer", "office.secretary"),
                                  flow.tick())
    assert isinstance(decision, Accepted)
    assert decision.record.circulate_to == ("p-office.secretary", "p-office.deputy")


@pytest.mark.parametrize(("successor", "why"), [
    ("office.clerk", "拟稿人"),  # nobody reviews their own draft
    ("office.inspector", "角色"),  # a supervisor does not review
])
def test_a_step_the_successor_cannot_hold_is_refused(
        active_org: Organisation, left_org: Organisation, now: datetime, successor: str,
        why: str) -> None:
    flow = Flow(active_org, now)
    decision = hand_over_document(_at_review(flow), _plan(left_org, "office.reviewer",
                                                          successor), flow.tick())
    assert isinstance(decision, Rejected)
    assert decision.rejection.code == CANNOT_TAKE and why in decision.rejection.message


def test_a_document_without_the_leavers_work_is_nothing_to_hand_over(
        active_org: Organisation, left_org: Organisation, now: datetime) -> None:
    flow = Flow(active_org, now)
    doc = to_step(flow, "sign")  # reviewed by the leaver: history, not work
    decision = hand_over_document(doc, _plan(left_org, "office.reviewer", "office.secretary"),
                                  flow.tick())
    assert isinstance(decision, Rejected) and decision.rejection.code == NOTHING


# --- meetings --------------------------------------------------------------------------------


def test_an_invitation_moves_and_waits_for_the_successors_reply(
        active_org: Organisation, left_org: Organisation, now: datetime) -> None:
    desk = Desk(active_org, now)
    meeting = desk.notified()
    meeting = desk.do(meeting, "office.deputy", MeetingActionKind.REPLY,
                      attendee=Attendee.person("p-office.deputy"), reply="leave", reason="出差")
    assert meeting_pending(meeting, "p-office.deputy", desk.clock) == ("参加会议（待回执）",)
    outcome = hand_over_meeting(meeting, _plan(left_org, "office.deputy", "office.clerk"),
                                desk.tick())
    assert isinstance(outcome, Accepted), outcome
    after = outcome.record
    assert Attendee.person("p-office.clerk") in after.attendees
    assert Attendee.person("p-office.deputy") not in after.attendees
    assert after.replies == meeting.replies  # the leaver's 回执 stays as given
    assert Attendee.person("p-office.clerk") in pending_replies(after)
    entry = after.trace[-1]
    assert entry.action is MeetingActionKind.EDIT and entry.actor_id == SYSTEM_ID
    assert entry.opinion.startswith("离职交接：陈副主任的待办移交给李文书")
    assert after.trace[:-1] == meeting.trace
    desk.org = left_org
    assert desk.do(after, "office.clerk", MeetingActionKind.REPLY,
                   attendee=Attendee.person("p-office.clerk"), reply="attend")


def test_host_recorder_and_room_approval_move(
        active_org: Organisation, left_org: Organisation, now: datetime) -> None:
    desk = Desk(active_org, now)
    meeting = desk.booked(desk.create(room_id="r-big", recorder_id="p-office.leader"))
    assert meeting.booking is not None and meeting.booking.state is BookingState.PENDING
    assert set(meeting_pending(meeting, "p-office.leader", desk.clock)) == {
        "主持会议", "审批会议室预订", "记录会议纪要"}
    outcome = hand_over_meeting(meeting, _plan(left_org, "office.leader", "office.clerk"),
                                desk.tick())
    assert isinstance(outcome, Accepted)
    after = outcome.record
    assert after.host_id == after.recorder_id == "p-office.clerk"
    assert after.booking is not None and after.booking.approver_id == "p-office.clerk"
    desk.org = left_org
    approved = desk.do(after, "office.clerk", MeetingActionKind.APPROVE_ROOM)
    assert approved.booking is not None and approved.booking.state is BookingState.BOOKED


def test_a_meeting_that_is_over_is_history(
        active_org: Organisation, left_org: Organisation, now: datetime) -> None:
    desk = Desk(active_org, now)
    meeting = desk.notified()
    later = START + timedelta(days=1)
    assert meeting_pending(meeting, "p-office.deputy", later) == ()
    outcome = hand_over_meeting(meeting, _plan(left_org, "office.deputy", "office.clerk"), later)
    assert isinstance(outcome, Rejected) and outcome.rejection.code == NOTHING


# --- supervision -----------------------------------------------------------------------------


def test_a_draft_moves_to_a_supervisor_who_may_open_it(
        active_org: Organisation, left_org: Organisation, now: datetime) -> None:
    sup = Sup(active_org, now)
    item = sup.draft()
    assert item_pending(item, "p-office.supervisor") == ("待立项（草稿）",)
    decision = hand_over_item(item, _plan(left_org, "office.supervisor", "office.inspector"),
                              sup.tick())
    assert isinstance(decision, Accepted), decision
    after = decision.record
    assert after.created_by == "p-office.inspector"
    assert after.trace[0] == item.trace[0]  # 创建 stays the leaver's
    assert after.trace[-1].action is SA.EDIT and after.trace[-1].status is Status.DRAFT
    sup.org = left_org
    assert sup.do(after, "office.inspector", SA.OPEN).status is Status.OPENED


def test_a_draft_is_refused_to_someone_who_cannot_open_it(
        active_org: Organisation, left_org: Organisation, now: datetime) -> None:
    sup = Sup(active_org, now)
    decision = hand_over_item(sup.draft(), _plan(left_org, "office.supervisor", "office.clerk"),
                              sup.tick())
    assert isinstance(decision, Rejected)
    assert decision.rejection.code == CANNOT_TAKE


def test_a_pending_approval_moves_to_another_leader(
        active_org: Organisation, left_org: Organisation, now: datetime) -> None:
    sup = Sup(active_org, now)
    item = sup.draft(needs_approval=True, approver_id="p-office.leader")
    item = sup.do(item, "office.supervisor", SA.OPEN)
    assert item.status is Status.PENDING_APPROVAL
    assert item_pending(item, "p-office.supervisor") == ()  # waits for the leader only
    refused = hand_over_item(item, _plan(left_org, "office.leader", "office.clerk"), sup.tick())
    assert isinstance(refused, Rejected)
    handover = plan_handover(left_org, leaver_id="p-office.leader",
                             successor_id="p-finance.leader", allow_other_unit=True)
    decision = hand_over_item(item, handover, sup.tick())
    assert isinstance(decision, Accepted)
    assert decision.record.approver_id == "p-finance.leader"
    assert decision.record.trace[-1].opinion.endswith("（管理员操作）")
    sup.org = left_org
    assert sup.do(decision.record, "finance.leader", SA.APPROVE).status is Status.OPENED


def test_a_running_item_waits_for_units_and_is_nobodys_to_hand_over(
        active_org: Organisation, left_org: Organisation, now: datetime) -> None:
    sup = Sup(active_org, now)
    item = sup.do(sup.draft(), "office.supervisor", SA.OPEN)
    assert item_pending(item, "p-office.supervisor") == ()
    decision = hand_over_item(item, _plan(left_org, "office.supervisor", "office.inspector"),
                              sup.tick())
    assert isinstance(decision, Rejected) and decision.rejection.code == NOTHING
