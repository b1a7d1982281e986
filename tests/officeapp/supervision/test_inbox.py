"""Supervision todo in each person's inbox: overdue items and missed reports for who answers."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from officeapp.supervision import (
    ActionKind,
    InboxReason,
    Light,
    Status,
    SupervisionItem,
    inbox_entries,
)

from .conftest import DEADLINE, Sup

A = ActionKind


def reasons(sup: Sup, items: list[SupervisionItem], username: str,
            days: float = 0) -> dict[str, InboxReason]:
    now = sup.clock + timedelta(days=days)
    return {e.item_id: e.reason for e in inbox_entries(items, sup.actor(username), now)}


def named(item: SupervisionItem, item_id: str) -> SupervisionItem:
    return replace(item, id=item_id)


def test_each_person_sees_what_waits_for_them(sup: Sup) -> None:
    draft = named(sup.draft(), "draft")
    opened = named(sup.to(Status.OPENED), "opened")
    assigned = named(sup.to(Status.ASSIGNED), "assigned")
    working = named(sup.to(Status.IN_PROGRESS), "working")
    asked = named(sup.to(Status.COMPLETION_REQUESTED), "asked")
    approval = named(sup.do(sup.draft(needs_approval=True), "office.supervisor", A.OPEN),
                     "approval")
    extension = named(sup.do(sup.to(Status.IN_PROGRESS), "finance.clerk", A.REQUEST_EXTENSION,
                             text="x", deadline=DEADLINE + timedelta(days=5)), "extension")
    done = named(sup.to(Status.COMPLETED), "done")
    items = [draft, opened, assigned, working, asked, approval, extension, done]
    assert reasons(sup, items, "office.supervisor") == {
        "draft": InboxReason.TO_OPEN, "opened": InboxReason.TO_ASSIGN,
        "asked": InboxReason.TO_REVIEW, "extension": InboxReason.TO_DECIDE_EXTENSION,
    }
    assert reasons(sup, items, "office.leader") == {"approval": InboxReason.TO_APPROVE}
    assert reasons(sup, items, "finance.clerk") == {
        "assigned": InboxReason.TO_RECEIVE, "working": InboxReason.TO_REPORT,
        "extension": InboxReason.TO_REPORT,
    }
    assert reasons(sup, items, "edu.clerk") == {"working": InboxReason.TO_ASSIST,
                                                "extension": InboxReason.TO_ASSIST}
    assert reasons(sup, items, "office.clerk") == {}


def test_missed_reports_and_overdue_items_reach_the_responsible_people(sup: Sup) -> None:
    working = sup.to(Status.IN_PROGRESS)
    assert working.next_report_due is not None
    past_report = (working.next_report_due - sup.clock).days + 1
    assert reasons(sup, [working], "finance.clerk", past_report) == {
        "s-1": InboxReason.REPORT_OVERDUE}
    assert reasons(sup, [working], "finance.leader", past_report) == {
        "s-1": InboxReason.REPORT_OVERDUE}
    overdue = (DEADLINE - sup.clock).days + 1
    assert reasons(sup, [working], "finance.clerk", overdue) == {"s-1": InboxReason.OVERDUE}
    assert reasons(sup, [working], "office.supervisor", overdue) == {
        "s-1": InboxReason.OVERDUE}
    [entry] = inbox_entries([working], sup.actor("finance.clerk"),
                            sup.clock + timedelta(days=overdue))
    assert entry.light is Light.RED and entry.due == DEADLINE and entry.label == "已逾期"


def test_a_returned_completion_is_back_in_the_lead_units_todo(sup: Sup) -> None:
    asked = sup.to(Status.COMPLETION_REQUESTED)
    returned = sup.do(asked, "office.supervisor", A.RETURN, text="材料不全")
    assert reasons(sup, [returned], "finance.clerk") == {"s-1": InboxReason.RETURNED}


def test_red_first_then_by_due(sup: Sup) -> None:
    base = sup.to(Status.IN_PROGRESS, cycle=None)
    soon = replace(base, id="soon", deadline=sup.clock + timedelta(days=2))
    later = replace(base, id="later", deadline=sup.clock + timedelta(days=20))
    late = replace(base, id="late", deadline=sup.clock - timedelta(days=1))
    entries = inbox_entries([later, soon, late], sup.actor("finance.clerk"), sup.clock)
    assert [(e.item_id, e.light) for e in entries] == [
        ("late", Light.RED), ("soon", Light.YELLOW), ("later", Light.GREEN)]
