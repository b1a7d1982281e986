"""Automatic urging: N days before a report or the deadline, when overdue, and never twice."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from officeapp.clock import OFFICE_TZ
from officeapp.core.verdict import Accepted, Rejected
from officeapp.demo import FINANCE_ID, OFFICE_ID
from officeapp.supervision import (
    ActionKind,
    ReportingCycle,
    Source,
    Status,
    SupervisionItem,
    Trigger,
    UrgingRule,
    apply_urging,
    due_urgings,
)
from officeapp.supervision.model import CycleKind
from officeapp.workflow import Holder, Notify

from .conftest import DEADLINE, Sup

D = DEADLINE
SECOND = timedelta(seconds=1)
ASSIGNED_AT = datetime(2026, 11, 2, 9, 0, tzinfo=OFFICE_TZ)


def item(status: Status = Status.IN_PROGRESS, report: datetime | None = None,
         item_id: str = "s-1") -> SupervisionItem:
    return SupervisionItem(
        id=item_id, title="老旧小区改造", source=Source.LEADER_INSTRUCTION,
        supervisor_unit_id=OFFICE_ID, created_by="p-office.supervisor",
        created_at=ASSIGNED_AT, status=status, lead_unit_id=FINANCE_ID, deadline=D,
        next_report_due=report, assigned_at=ASSIGNED_AT,
    )


def run(items: list[SupervisionItem], now: datetime) -> list[SupervisionItem]:
    """Apply every due urging, as the server's periodic job does."""
    by_id = {i.id: i for i in items}
    for urging in due_urgings(items, now):
        decision = apply_urging(by_id[urging.item_id], urging)
        assert isinstance(decision, Accepted)
        by_id[urging.item_id] = decision.record
    return list(by_id.values())


def rules_of(found: list[SupervisionItem]) -> list[str]:
    return [u.rule for i in found for u in i.urgings]


def test_n_days_before_the_deadline_once() -> None:
    items = [item()]
    assert due_urgings(items, D - timedelta(days=3) - SECOND) == []
    items = run(items, D - timedelta(days=3))
    urging = items[0].urgings[0]
    assert (urging.rule, urging.trigger, urging.due, urging.by) == (
        "deadline_before_3d", Trigger.BEFORE_DEADLINE, D, "system")
    assert "2026-11-30 17:00" in urging.text
    for later in (D - timedelta(days=3), D - timedelta(days=1), D):
        assert due_urgings(items, later) == []


def test_overdue_daily_at_most_once_per_beijing_day() -> None:
    items = run([item()], D)
    assert rules_of(items) == ["deadline_before_3d"]
    items = run(items, D + SECOND)
    assert rules_of(items)[-1] == "deadline_overdue_daily"
    assert items[0].urgings[-1].slot == "2026-11-30"
    end_of_day = datetime(2026, 11, 30, 23, 59, 59, tzinfo=OFFICE_TZ)
    assert due_urgings(items, end_of_day) == []
    next_day = datetime(2026, 12, 1, 0, 0, tzinfo=OFFICE_TZ)
    items = run(items, next_day)
    assert [u.slot for u in items[0].urgings] == [D.isoformat(), "2026-11-30", "2026-12-01"]
    assert due_urgings(items, next_day + timedelta(hours=20)) == []


def test_an_overdue_rule_may_repeat_every_few_days() -> None:
    rule = UrgingRule("every_3d", Trigger.DEADLINE_OVERDUE, every_days=3)
    current = item()
    for day, fires in [(0, True), (1, False), (2, False), (3, True), (4, False), (6, True)]:
        now = D + timedelta(days=day, seconds=1)
        found = due_urgings([current], now, (rule,))
        assert bool(found) is fires, day
        for urging in found:
            decision = apply_urging(current, urging)
            assert isinstance(decision, Accepted)
            current = decision.record


def test_report_rules_before_and_after_a_missed_report() -> None:
    report = ASSIGNED_AT + timedelta(days=7)
    items = [item(report=report)]
    assert due_urgings(items, report - timedelta(days=1) - SECOND) == []
    items = run(items, report - timedelta(days=1))
    assert rules_of(items) == ["report_before_1d"]
    assert due_urgings(items, report) == []
    items = run(items, report + SECOND)
    assert rules_of(items)[-1] == "report_overdue_daily"
    assert items[0].urgings[-1].trigger is Trigger.REPORT_OVERDUE


def test_a_report_due_after_the_deadline_is_left_to_the_deadline_rules() -> None:
    found = due_urgings([item(report=D + timedelta(days=1))], D - timedelta(hours=1))
    assert [u.rule for u in found] == ["deadline_before_3d"]


def test_only_handed_out_unfinished_items_are_urged() -> None:
    late = D + timedelta(days=1)
    for status in (Status.DRAFT, Status.OPENED, Status.COMPLETION_REQUESTED, Status.COMPLETED):
        assert due_urgings([item(status)], late) == []
    for status in (Status.ASSIGNED, Status.RECEIVED, Status.IN_PROGRESS, Status.RETURNED):
        assert [u.rule for u in due_urgings([item(status)], late)] == ["deadline_overdue_daily"]


def test_an_extension_arms_the_before_rule_again(sup: Sup) -> None:
    current = sup.to(Status.IN_PROGRESS, cycle=None)
    [current] = run([current], D - timedelta(days=2))
    current = sup.do(current, "finance.clerk", ActionKind.REQUEST_EXTENSION, text="需要时间",
                     deadline=D + timedelta(days=10))
    current = sup.do(current, "office.supervisor", ActionKind.APPROVE_EXTENSION)
    assert due_urgings([current], D + timedelta(days=6)) == []
    found = due_urgings([current], D + timedelta(days=7))
    assert [(u.rule, u.due) for u in found] == [("deadline_before_3d", D + timedelta(days=10))]


def test_manual_urgings_do_not_use_up_a_rule(sup: Sup) -> None:
    current = sup.to(Status.IN_PROGRESS, cycle=None)
    current = sup.do(current, "office.supervisor", ActionKind.URGE)
    assert [u.rule for u in due_urgings([current], D)] == ["deadline_before_3d"]


def test_applying_records_a_trace_entry_and_notifies_the_lead_unit() -> None:
    [urging] = due_urgings([item()], D)
    decision = apply_urging(item(), urging)
    assert isinstance(decision, Accepted)
    entry = decision.record.trace[-1]
    assert (entry.action, entry.actor_id, entry.opinion) == (ActionKind.URGE, "system",
                                                             urging.text)
    assert entry.details == {"rule": "deadline_before_3d", "slot": D.isoformat()}
    assert decision.record.version == 2 and decision.record.status is Status.IN_PROGRESS
    assert isinstance(decision.effects[0], Notify)
    assert decision.effects[0].holders[0] == Holder(FINANCE_ID, decision.effects[0].holders[0]
                                                    .roles)


def test_applying_the_same_urging_twice_is_refused() -> None:
    [urging] = due_urgings([item()], D)
    once = apply_urging(item(), urging)
    assert isinstance(once, Accepted)
    twice = apply_urging(once.record, urging)
    assert isinstance(twice, Rejected)
    assert twice.rejection.code == "supervision.already_urged"
    other = apply_urging(item(item_id="s-2"), urging)
    assert isinstance(other, Rejected)
    assert other.rejection.code == "supervision.wrong_item"
    done = apply_urging(item(Status.COMPLETED), urging)
    assert isinstance(done, Rejected)
    assert done.rejection.code == "supervision.nothing_to_urge"


@settings(max_examples=60, deadline=None)
@given(steps=st.lists(st.integers(1, 30 * 60), min_size=1, max_size=40),
       weekly=st.booleans())
def test_running_the_rules_at_any_times_never_urges_twice(steps: list[int], weekly: bool) -> None:
    cycle = ReportingCycle(CycleKind.WEEKLY if weekly else CycleKind.NONE)
    current = replace(item(report=ASSIGNED_AT + timedelta(days=7) if weekly else None),
                      cycle=cycle)
    now = D - timedelta(days=12)
    for minutes in steps:
        now += timedelta(minutes=minutes * 7)
        [current] = run([current], now)
        [current] = run([current], now)  # a second run at the same moment does nothing
    slots = [(u.rule, u.slot) for u in current.urgings]
    assert len(slots) == len(set(slots))
    days = [(u.rule, u.at.astimezone(OFFICE_TZ).date()) for u in current.urgings
            if u.trigger in (Trigger.DEADLINE_OVERDUE, Trigger.REPORT_OVERDUE)]
    assert len(days) == len(set(days))
