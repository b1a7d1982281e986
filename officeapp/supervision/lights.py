"""Status lights (红黄绿灯) from server-corrected time: right offline and on a wrong clock.

The client's clock may be wrong by hours or days. Every light, urging and statistic takes `now`
from `clock.corrected_now(local_now, server_offset)`, where `server_offset` is what the sync engine
measured at its last exchange with the server (`measure_offset`). A client whose clock is a day
fast therefore shows the same lights as the server.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from officeapp.core.labels import LabelledEnum, labels
from officeapp.supervision.model import RUNNING, Status

DEFAULT_WARN_DAYS = 3


class Light(LabelledEnum):
    """The status light of an item."""

    GREEN = "green", "绿灯"
    YELLOW = "yellow", "黄灯"
    RED = "red", "红灯"
    DONE = "done", "已办结"


LIGHT_LABELS = labels(Light)


class LightReason(LabelledEnum):
    """Why an item has its light."""

    ON_TRACK = "on_track", "正常推进"
    NO_DEADLINE = "no_deadline", "未设办理时限"
    DEADLINE_SOON = "deadline_soon", "临近办理时限"
    REPORT_SOON = "report_soon", "临近进度反馈时间"
    OVERDUE = "overdue", "已逾期"
    REPORT_OVERDUE = "report_overdue", "进度反馈逾期"
    AWAITING_REVIEW = "awaiting_review", "已申请办结，待审核"
    REQUESTED_LATE = "requested_late", "逾期后申请办结"
    COMPLETED_ON_TIME = "completed_on_time", "按期办结"
    COMPLETED_LATE = "completed_late", "逾期办结"


REASON_LIGHTS: Mapping[LightReason, Light] = {
    LightReason.ON_TRACK: Light.GREEN,
    LightReason.NO_DEADLINE: Light.GREEN,
    LightReason.AWAITING_REVIEW: Light.GREEN,
    LightReason.DEADLINE_SOON: Light.YELLOW,
    LightReason.REPORT_SOON: Light.YELLOW,
    LightReason.OVERDUE: Light.RED,
    LightReason.REPORT_OVERDUE: Light.RED,
    LightReason.REQUESTED_LATE: Light.RED,
    LightReason.COMPLETED_ON_TIME: Light.DONE,
    LightReason.COMPLETED_LATE: Light.DONE,
}


class ItemFacts(Protocol):
    """What lights and statistics read: an item, or a plain row the store built."""

    @property
    def status(self) -> Status: ...

    @property
    def deadline(self) -> datetime | None: ...

    @property
    def next_report_due(self) -> datetime | None: ...

    @property
    def requested_at(self) -> datetime | None: ...

    @property
    def finished_at(self) -> datetime | None: ...


@dataclass(frozen=True)
class LightDetail:
    """A light with its reason and the moment it is about (deadline or report due)."""

    light: Light
    reason: LightReason
    due: datetime | None

    @property
    def label(self) -> str:
        """Return the reason in Chinese, for tooltips."""
        return self.reason.label


def measure_offset(*, sent_at: datetime, server_time: datetime,
                   received_at: datetime) -> timedelta:
    """Return server time minus local time, from one request's local send/receive times.

    The server read its clock about half-way through the round trip (as NTP assumes).
    """
    return server_time - (sent_at + (received_at - sent_at) / 2)


def _deadline_reason(status: Status, deadline: datetime, report_due: datetime | None,
                     now: datetime, warn: timedelta) -> tuple[LightReason, datetime]:
    """Return the reason for an unfinished item with a deadline (at the deadline: not late)."""
    if now > deadline:
        return LightReason.OVERDUE, deadline
    if status not in RUNNING or report_due is None:
        report_due = None
    elif now > report_due:
        return LightReason.REPORT_OVERDUE, report_due
    if now >= deadline - warn:
        return LightReason.DEADLINE_SOON, deadline
    if report_due is not None and now >= report_due - warn:
        return LightReason.REPORT_SOON, report_due
    return LightReason.ON_TRACK, deadline


def light_reason(facts: ItemFacts, now: datetime, warn: timedelta) -> tuple[LightReason,
                                                                               datetime | None]:
    """Return why the item has its light, and the moment that decides it."""
    status, deadline = facts.status, facts.deadline
    if status is Status.COMPLETED:
        finished = facts.finished_at
        late = deadline is not None and finished is not None and finished > deadline
        return (LightReason.COMPLETED_LATE if late else LightReason.COMPLETED_ON_TIME), deadline
    if deadline is None:
        return LightReason.NO_DEADLINE, None
    if status is Status.COMPLETION_REQUESTED:
        # The clock stops when the unit asks to finish: waiting for review is not their delay.
        requested = facts.requested_at
        late = requested is not None and requested > deadline
        return (LightReason.REQUESTED_LATE if late else LightReason.AWAITING_REVIEW), deadline
    return _deadline_reason(status, deadline, facts.next_report_due, now, warn)


def status_light(facts: ItemFacts, now: datetime, *, warn_days: int = DEFAULT_WARN_DAYS) -> Light:
    """Return the item's light at `now` (server-corrected time)."""
    return REASON_LIGHTS[light_reason(facts, now, timedelta(days=warn_days))[0]]


def explain_light(facts: ItemFacts, now: datetime, *,
                  warn_days: int = DEFAULT_WARN_DAYS) -> LightDetail:
    """Return the item's light with its reason and the moment it is about."""
    reason, due = light_reason(facts, now, timedelta(days=warn_days))
    return LightDetail(REASON_LIGHTS[reason], reason, due)


def on_time(facts: ItemFacts) -> bool | None:
    """Return whether a completed item finished by its deadline (None while not completed)."""
    if facts.status is not Status.COMPLETED:
        return None
    finished, deadline = facts.finished_at, facts.deadline
    return deadline is None or finished is None or finished <= deadline


def is_overdue(facts: ItemFacts, now: datetime) -> bool:
    """Return whether the item is overdue at `now`, or was completed late (逾期)."""
    deadline = facts.deadline
    if deadline is None:
        return False
    stopped = facts.finished_at or facts.requested_at
    return (stopped if stopped is not None else now) > deadline
