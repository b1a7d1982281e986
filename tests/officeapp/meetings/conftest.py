"""A small driver for walking meetings through their life in tests."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from officeapp.core.verdict import Verdict
from officeapp.demo import DEMO_ROOMS, EDU_ID, FINANCE_ID
from officeapp.meetings import (
    Attendee,
    BookingIndex,
    Meeting,
    MeetingAction,
    MeetingActionKind,
    ReplyKind,
    Schedule,
    create_meeting,
    decide_meeting,
)
from officeapp.org import Actor, Organisation
from officeapp.workflow.codec import assignee_resolver
from tests.flows import accepted, refused

SHANGHAI = ZoneInfo("Asia/Shanghai")
ROOMS = {r.id: r for r in DEMO_ROOMS}
# Wednesday 25 November 2026, 09:00–10:30 in Pingxiang.
START = datetime(2026, 11, 25, 9, 0, tzinfo=SHANGHAI)
END = datetime(2026, 11, 25, 10, 30, tzinfo=SHANGHAI)

MEETING_FIELDS: dict[str, Any] = {
    "title": "市政府第12次常务会议",
    "meeting_type": "常务会议",
    "start": START.isoformat(),
    "end": END.isoformat(),
    "room_id": "r-1",
    "host_id": "p-office.leader",
    "recorder_id": "p-office.secretary",
    "attendees": [{"kind": "person", "id": "p-office.deputy"},
                  {"kind": "person", "id": "p-finance.leader"},
                  {"kind": "unit", "id": EDU_ID}],
    "sit_in": [{"kind": "person", "id": "p-office.supervisor"}],
    "agenda": [{"title": "研究2027年财政预算编制工作", "reporting_unit_id": FINANCE_ID,
                "materials": [{"name": "预算草案.pdf", "sha256": "ab" * 32, "size": 1024}]},
               {"title": "听取全市教育工作情况汇报", "reporting_unit_id": EDU_ID}],
    "notes": "请于8:50前到场。",
}


def person(person_id: str) -> Attendee:
    return Attendee.person(person_id)


class Desk:
    """Applies meeting actions as named demo users, with a clock that ticks a minute per action."""

    def __init__(self, org: Organisation, start: datetime) -> None:
        self.org = org
        self.clock = start
        self.resolve = assignee_resolver(org)
        self.count = 0

    def tick(self) -> datetime:
        self.clock += timedelta(minutes=1)
        return self.clock

    def at(self, moment: datetime) -> None:
        self.clock = moment - timedelta(minutes=1)

    def actor(self, username: str) -> Actor:
        return self.org.actor(f"p-{username}", self.clock)

    def action(self, kind: MeetingActionKind, **kwargs: Any) -> MeetingAction:
        for key in ("deputy", "person"):
            if isinstance(kwargs.get(key), str):
                kwargs[key] = self.resolve(f"p-{kwargs[key]}")
        if isinstance(kwargs.get("reply"), str):
            kwargs["reply"] = ReplyKind(kwargs["reply"])
        kwargs["people"] = tuple(self.resolve(f"p-{p}") for p in kwargs.get("people", ()))
        return MeetingAction(kind, **kwargs)

    def try_(self, meeting: Meeting, username: str, kind: MeetingActionKind,
             schedule: Schedule | None = None, **kwargs: Any) -> Verdict[Meeting]:
        return decide_meeting(meeting, self.actor(username), self.action(kind, **kwargs),
                              self.tick(), schedule=schedule)

    def do(self, meeting: Meeting, username: str, kind: MeetingActionKind, **kwargs: Any
           ) -> Meeting:
        return accepted(self.try_(meeting, username, kind, **kwargs))

    def refuse(self, meeting: Meeting, username: str, kind: MeetingActionKind,
               **kwargs: Any) -> str:
        return refused(self.try_(meeting, username, kind, **kwargs), f"{username} {kind}")

    def create(self, username: str = "office.secretary", meeting_id: str = "",
               **fields: Any) -> Meeting:
        self.count += 1
        return create_meeting(meeting_id=meeting_id or f"m-{self.count}",
                              actor=self.actor(username), fields={**MEETING_FIELDS, **fields},
                              now=self.tick())

    def schedule(self, meetings: Iterable[Meeting] = ()) -> Schedule:
        return Schedule(ROOMS, BookingIndex.of_meetings(meetings))

    def booked(self, meeting: Meeting, others: Iterable[Meeting] = ()) -> Meeting:
        return self.do(meeting, "office.secretary", MeetingActionKind.BOOK,
                       schedule=self.schedule(others))

    def notified(self, **fields: Any) -> Meeting:
        meeting = self.booked(self.create(**fields))
        return self.do(meeting, "office.secretary", MeetingActionKind.SEND_NOTICE,
                       check_in_code="4821")


def without_trace(meeting: Meeting) -> Meeting:
    return replace(meeting, trace=(), version=0, updated_at=None)


@pytest.fixture
def desk(org: Organisation, now: datetime) -> Iterator[Desk]:
    """A Desk over the demo organisation, two days before the standard meeting."""
    yield Desk(org, now)
