"""Status lights at exact boundaries, on a wrong client clock, and for finished items."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from officeapp.clock import OFFICE_TZ, corrected_now
from officeapp.demo import FINANCE_ID, OFFICE_ID
from officeapp.errors import ValidationError
from officeapp.supervision import (
    CompletionRequest,
    Light,
    LightReason,
    Source,
    Status,
    SupervisionItem,
    explain_light,
    is_overdue,
    item_row,
    measure_offset,
    on_time,
    status_light,
)

D = datetime(2026, 11, 30, 17, 0, tzinfo=OFFICE_TZ)
SECOND = timedelta(seconds=1)
DAYS_3 = timedelta(days=3)


def running(deadline: datetime | None = D, report: datetime | None = None,
            status: Status = Status.IN_PROGRESS) -> SupervisionItem:
    return SupervisionItem(
        id="s-1", title="事项", source=Source.LEADER_INSTRUCTION, supervisor_unit_id=OFFICE_ID,
        created_by="p-office.supervisor", created_at=D - timedelta(days=30), status=status,
        lead_unit_id=FINANCE_ID, deadline=deadline, next_report_due=report,
        assigned_at=D - timedelta(days=29),
    )


def finished(at: datetime, status: Status = Status.COMPLETED) -> SupervisionItem:
    request = CompletionRequest("完成", "p-finance.clerk", "刘会计", FINANCE_ID, at)
    return replace(running(), status=status, completion_request=request,
                   completed_at=at + timedelta(days=2) if status is Status.COMPLETED else None)


@pytest.mark.parametrize(("now", "light"), [
    (D - DAYS_3 - SECOND, Light.GREEN),
    (D - DAYS_3, Light.YELLOW),
    (D - DAYS_3 + SECOND, Light.YELLOW),
    (D - SECOND, Light.YELLOW),
    (D, Light.YELLOW),
    (D + SECOND, Light.RED),
    (D + timedelta(days=40), Light.RED),
])
def test_deadline_boundaries(now: datetime, light: Light) -> None:
    assert status_light(running(), now) is light


@pytest.mark.parametrize(("now", "light"), [
    (D - SECOND, Light.GREEN),
    (D, Light.YELLOW),
    (D + SECOND, Light.RED),
])
def test_a_zero_day_warning_is_yellow_only_at_the_deadline(now: datetime, light: Light) -> None:
    assert status_light(running(), now, warn_days=0) is light


def test_the_warning_window_is_configurable() -> None:
    edge = D - timedelta(days=7)
    assert status_light(running(), edge - SECOND, warn_days=7) is Light.GREEN
    assert status_light(running(), edge, warn_days=7) is Light.YELLOW
    assert status_light(running(), edge) is Light.GREEN


R = D - timedelta(days=10)


@pytest.mark.parametrize(("now", "reason"), [
    (R - DAYS_3 - SECOND, LightReason.ON_TRACK),
    (R - DAYS_3, LightReason.REPORT_SOON),
    (R, LightReason.REPORT_SOON),
    (R + SECOND, LightReason.REPORT_OVERDUE),
    (D + SECOND, LightReason.OVERDUE),
])
def test_report_due_boundaries(now: datetime, reason: LightReason) -> None:
    detail = explain_light(running(report=R), now)
    assert detail.reason is reason and detail.label
    assert detail.due == (D if reason in (LightReason.ON_TRACK, LightReason.OVERDUE) else R)


def test_reports_only_count_once_the_item_is_handed_out() -> None:
    draft = running(report=R, status=Status.DRAFT)
    assert status_light(draft, R + SECOND) is Light.GREEN
    assert status_light(draft, D + SECOND) is Light.RED
    assert status_light(running(report=R, status=Status.ASSIGNED), R + SECOND) is Light.RED


def test_an_item_without_deadline_is_green() -> None:
    assert explain_light(running(deadline=None), D).reason is LightReason.NO_DEADLINE


@pytest.mark.parametrize(("at", "expected"), [(D - SECOND, True), (D, True),
                                               (D + SECOND, False)])
def test_completed_items_are_done_with_whether_on_time(at: datetime, expected: bool) -> None:
    item = finished(at)
    later = D + timedelta(days=100)
    assert status_light(item, later) is Light.DONE
    assert on_time(item) is expected and is_overdue(item, later) is not expected
    reason = LightReason.COMPLETED_ON_TIME if expected else LightReason.COMPLETED_LATE
    assert explain_light(item, later).reason is reason
    assert on_time(running()) is None


def test_the_clock_stops_while_a_completion_request_waits() -> None:
    asked_in_time = finished(D - SECOND, Status.COMPLETION_REQUESTED)
    assert status_light(asked_in_time, D + timedelta(days=5)) is Light.GREEN
    assert not is_overdue(asked_in_time, D + timedelta(days=5))
    asked_late = finished(D + SECOND, Status.COMPLETION_REQUESTED)
    assert explain_light(asked_late, D + timedelta(days=5)).reason is LightReason.REQUESTED_LATE
    assert is_overdue(asked_late, D + timedelta(days=5))


SERVER_NOW = datetime(2026, 11, 30, 5, 0, tzinfo=UTC)  # 13:00 Beijing time on the 30th


@pytest.mark.parametrize("skew", [timedelta(days=1), timedelta(days=-1),
                                  timedelta(hours=-7, minutes=13)])
def test_a_wrong_client_clock_is_corrected_by_the_server_offset(skew: timedelta) -> None:
    # One sync exchange: 200 ms round trip; the server read its clock half-way.
    sent = SERVER_NOW - timedelta(hours=1) + skew
    received = sent + timedelta(milliseconds=200)
    server_time = SERVER_NOW - timedelta(hours=1) + timedelta(milliseconds=100)
    offset = measure_offset(sent_at=sent, server_time=server_time, received_at=received)
    assert offset == -skew
    local_now = SERVER_NOW + skew
    assert corrected_now(local_now, offset) == SERVER_NOW
    for deadline in (D, D - timedelta(hours=5), D + timedelta(days=3)):
        item = running(deadline=deadline)
        assert status_light(item, corrected_now(local_now, offset)) is status_light(
            item, SERVER_NOW)


def test_the_uncorrected_wrong_clock_would_show_the_wrong_light() -> None:
    item = running(deadline=SERVER_NOW + timedelta(hours=12))
    fast = SERVER_NOW + timedelta(days=1)
    assert status_light(item, fast) is Light.RED
    assert status_light(item, corrected_now(fast, timedelta(days=-1))) is Light.YELLOW


def test_a_naive_local_clock_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        corrected_now(datetime(2026, 11, 30, 13, 0), timedelta(0))
    assert error.value.code == "clock.naive"


statuses = st.sampled_from(list(Status))
offsets = st.integers(-40 * 86_400, 40 * 86_400).map(lambda s: timedelta(seconds=s))


@given(status=statuses, now=offsets, report=st.none() | offsets, asked=offsets,
       warn=st.integers(0, 10))
def test_rows_and_items_always_show_the_same_light(status: Status, now: timedelta,
                                                   report: timedelta | None, asked: timedelta,
                                                   warn: int) -> None:
    request = CompletionRequest("完成", "p", "p", FINANCE_ID, D + asked)
    item = replace(running(report=None if report is None else D + report, status=status),
                   completion_request=request, completed_at=D + asked)
    detail = explain_light(item, D + now, warn_days=warn)
    assert detail.light is status_light(item, D + now, warn_days=warn)
    assert status_light(item_row(item), D + now, warn_days=warn) is detail.light


@given(first=offsets, second=offsets, report=st.none() | offsets)
def test_a_running_item_never_turns_back_from_red_to_green(first: timedelta, second: timedelta,
                                                           report: timedelta | None) -> None:
    item = running(report=None if report is None else D + report)
    rank = {Light.GREEN: 0, Light.YELLOW: 1, Light.RED: 2}
    early, late = sorted((first, second))
    assert rank[status_light(item, D + early)] <= rank[status_light(item, D + late)]
