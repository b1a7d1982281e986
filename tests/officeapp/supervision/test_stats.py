"""Statistics per unit and period, and the 督办通报 data, against a hand-computed fixture."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from officeapp.clock import OFFICE_TZ
from officeapp.demo import EDU_ID, FINANCE_ID, OFFICE_ID
from officeapp.supervision import (
    CompletionRequest,
    Period,
    Source,
    Status,
    SupervisionItem,
    UnitStats,
    item_row,
    report_data,
    total_statistics,
    unit_statistics,
)
from officeapp.supervision.stats import (
    Pressing,
    PressingStats,
    days_overdue,
    pressing,
    pressing_items,
    pressing_statistics,
    rate_text,
    total_pressing,
)


def at(month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=OFFICE_TZ)


def make(item_id: str, unit: str, *, assigned: datetime | None, deadline: datetime,
         status: Status = Status.IN_PROGRESS, requested: datetime | None = None,
         reviewed: datetime | None = None,
         source: Source = Source.LEADER_INSTRUCTION) -> SupervisionItem:
    request = None if requested is None else CompletionRequest("完成", "p", "p", unit, requested)
    return SupervisionItem(
        id=item_id, title=f"事项{item_id}", source=source, supervisor_unit_id=OFFICE_ID,
        created_by="p-office.supervisor", created_at=at(10, 1), status=status,
        lead_unit_id=unit, deadline=deadline, assigned_at=assigned, completion_request=request,
        completed_at=reviewed,
    )


DONE, ASKED = Status.COMPLETED, Status.COMPLETION_REQUESTED

# The hand-made fixture: November 2026, judged as of 1 December 00:00 (Beijing time).
ITEMS = [
    # 财政局
    make("F1", FINANCE_ID, assigned=at(11, 2), deadline=at(11, 20, 17), status=DONE,
         requested=at(11, 12), reviewed=at(11, 13)),            # on time, 10 days
    make("F2", FINANCE_ID, assigned=at(11, 5), deadline=at(11, 15, 17), status=DONE,
         requested=at(11, 17), reviewed=at(11, 18),
         source=Source.MEETING_DECISION),                         # late, 12 days
    make("F3", FINANCE_ID, assigned=at(11, 10), deadline=at(11, 25, 17),
         source=Source.MEETING_DECISION),                         # overdue now
    make("F4", FINANCE_ID, assigned=at(11, 20), deadline=at(12, 20, 17)),  # running, in time
    make("F5", FINANCE_ID, assigned=at(10, 28), deadline=at(11, 29, 17)),  # October: not counted
    make("F6", FINANCE_ID, assigned=at(11, 6), deadline=at(11, 28, 17), status=DONE,
         requested=at(11, 27), reviewed=at(12, 3)),               # reviewed after the period
    # 教育局
    make("E1", EDU_ID, assigned=at(11, 3), deadline=at(11, 30, 17), status=DONE,
         requested=at(11, 30, 17), reviewed=at(11, 30, 18),
         source=Source.PROPOSAL),                                 # exactly at the deadline
    make("E2", EDU_ID, assigned=at(11, 4), deadline=at(11, 10, 17), status=ASKED,
         requested=at(11, 11)),                                   # asked to finish too late
    make("E3", EDU_ID, assigned=None, deadline=at(11, 30, 17), status=Status.DRAFT),
]
NOVEMBER = Period(at(11, 1, 0), at(12, 1, 0), "2026年11月")


def stats(now: datetime) -> dict[str, UnitStats]:
    found = unit_statistics(ITEMS, period_start=NOVEMBER.start, period_end=NOVEMBER.end,
                            now=now)
    return {s.unit_id: s for s in found}


def test_figures_at_the_end_of_the_period() -> None:
    figures = stats(at(12, 5))
    # 财政局: F1 F2 F3 F4 F6 assigned in November; F1 and F2 completed by 1 Dec (F6 was
    # reviewed on 3 Dec); F1 on time, F2 late; overdue: F2 (late) and F3 (still open);
    # F6 asked on 27 Nov, before its deadline, so its clock stopped in time.
    assert figures[FINANCE_ID] == UnitStats(
        unit_id=FINANCE_ID, items=5, completed=2, completed_on_time=1, overdue=2,
        completion_rate=0.4, on_time_rate=0.5, average_days=11.0)
    # 教育局: E1 (finished exactly at the deadline: on time, 27 days 8 hours) and E2 (asked
    # 16 hours after its deadline: overdue); E3 was never assigned.
    edu = figures[EDU_ID]
    assert (edu.items, edu.completed, edu.completed_on_time, edu.overdue) == (2, 1, 1, 1)
    assert edu.completion_rate == 0.5 and edu.on_time_rate == 1.0
    assert edu.average_days == pytest.approx(27 + 8 / 24)
    assert list(figures) == sorted([FINANCE_ID, EDU_ID])


def test_figures_in_the_middle_of_the_period() -> None:
    figures = stats(at(11, 16, 12))
    # As of 16 Nov noon: F4 not yet assigned; F1 completed; F2 (deadline 15 Nov 17:00) open
    # and overdue; F6 not yet asked and within its deadline.
    assert figures[FINANCE_ID] == UnitStats(
        unit_id=FINANCE_ID, items=4, completed=1, completed_on_time=1, overdue=1,
        completion_rate=0.25, on_time_rate=1.0, average_days=10.0)
    assert figures[EDU_ID] == UnitStats(
        unit_id=EDU_ID, items=2, completed=0, completed_on_time=0, overdue=1,
        completion_rate=0.0, on_time_rate=None, average_days=None)


def test_totals_and_rate_texts() -> None:
    total = total_statistics(stats(at(12, 5)).values())
    assert (total.items, total.completed, total.completed_on_time, total.overdue) == (7, 3, 2, 3)
    assert total.completion_rate == pytest.approx(3 / 7)
    assert total.on_time_rate == pytest.approx(2 / 3)
    assert total.average_days == pytest.approx((10 + 12 + 27 + 8 / 24) / 3)
    assert rate_text(total.completion_rate) == "42.9%"
    assert rate_text(None) == "—"


def test_rows_give_the_same_figures_as_items() -> None:
    rows = [item_row(i) for i in ITEMS]
    assert unit_statistics(rows, period_start=NOVEMBER.start, period_end=NOVEMBER.end,
                           now=at(12, 5)) == list(stats(at(12, 5)).values())


def test_report_data_for_the_monthly_report() -> None:
    names = {FINANCE_ID: "市财政局", EDU_ID: "市教育局"}
    data = report_data(ITEMS, NOVEMBER, at(12, 5), unit_names=names)
    assert data.as_of == NOVEMBER.end
    assert data.totals.items == 7 and data.new_items == 7
    assert data.unit_names == names
    assert data.by_source[Source.MEETING_DECISION] == 2
    assert data.by_source[Source.PROPOSAL] == 1
    assert data.by_source[Source.LEADER_INSTRUCTION] == 4
    # F1, F2, E1 were completed in November; F6 only on 3 December.
    assert data.completed_in_period == 3
    # Overdue and open as of 1 Dec 00:00, whatever month they were assigned in:
    # E2 16 h late when it asked (1 day), F3 since 25 Nov 17:00 (5 d 7 h → 6 days),
    # F5 since 29 Nov 17:00 (1 d 7 h → 2 days).
    assert [(o.item_id, o.lead_unit, o.days_overdue) for o in data.overdue] == [
        ("E2", "市教育局", 1), ("F3", "市财政局", 6), ("F5", "市财政局", 2)]


# --- what is overdue or due soon now, whenever it was assigned ---------------------------------


def test_pressing_counts_every_open_item_whenever_assigned() -> None:
    # As of 5 Dec: F3 (assigned in November) and F5 (assigned in October, which no November
    # figure counts) are open past their deadlines; E2 asked to finish after its deadline.
    # F4 (deadline 20 Dec) is not due within three days; completed items never count.
    assert pressing_statistics(ITEMS, now=at(12, 5)) == [
        PressingStats(EDU_ID, overdue=1, due_soon=0),
        PressingStats(FINANCE_ID, overdue=2, due_soon=0)]
    # On 18 Dec F4 is due within three days.
    assert pressing_statistics(ITEMS, now=at(12, 18)) == [
        PressingStats(EDU_ID, overdue=1, due_soon=0),
        PressingStats(FINANCE_ID, overdue=2, due_soon=1)]
    assert [i.id for i in pressing_items(ITEMS, now=at(12, 18))] == ["F3", "F4", "F5", "E2"]
    assert total_pressing(pressing_statistics(ITEMS, now=at(12, 18))) == PressingStats(
        "", overdue=3, due_soon=1)


def test_pressing_at_the_moments_it_turns_on() -> None:
    deadline = at(12, 20, 17)
    item = make("X", FINANCE_ID, assigned=at(12, 1), deadline=deadline)
    warned = deadline - timedelta(days=3)
    tick = timedelta(microseconds=1)
    assert pressing(item, warned - tick) is None
    assert pressing(item, warned) is Pressing.DUE_SOON
    assert pressing(item, deadline) is Pressing.DUE_SOON  # at the deadline: not yet late
    assert pressing(item, deadline + tick) is Pressing.OVERDUE
    assert pressing(item, deadline - tick, warn_days=0) is None
    # Not assigned yet at that moment, or asked to finish in time: nothing to chase.
    assert pressing(item, at(11, 30)) is None
    asked = make("Y", FINANCE_ID, assigned=at(12, 1), deadline=deadline, status=ASKED,
                 requested=deadline)
    assert pressing(asked, deadline + timedelta(days=9)) is None
    assert pressing(replace(asked, deadline=deadline - tick), deadline) is Pressing.OVERDUE


def test_days_overdue_count_started_days() -> None:
    item = make("X", FINANCE_ID, assigned=at(12, 1), deadline=at(12, 10, 17))
    assert days_overdue(item, at(12, 10, 18)) == 1
    assert days_overdue(item, at(12, 11, 17)) == 1
    assert days_overdue(item, at(12, 11, 18)) == 2
    assert days_overdue(item, at(12, 9)) == 0
    asked = make("Y", FINANCE_ID, assigned=at(12, 1), deadline=at(12, 10, 17), status=ASKED,
                 requested=at(12, 12, 9))
    assert days_overdue(asked, at(12, 30)) == 2  # the clock stopped when it asked
