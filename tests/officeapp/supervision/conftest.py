"""A small driver for walking supervision items through their flow in tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest

from officeapp.clock import OFFICE_TZ
from officeapp.core.verdict import Verdict
from officeapp.demo import EDU_ID, FINANCE_ID
from officeapp.org import Actor, Organisation
from officeapp.supervision import (
    ActionKind,
    Status,
    SupervisionAction,
    SupervisionItem,
    create_item,
    decide_supervision,
)
from tests.flows import accepted, refused

START = datetime(2026, 11, 2, 9, 0, tzinfo=OFFICE_TZ)
DEADLINE = datetime(2026, 11, 30, 17, 0, tzinfo=OFFICE_TZ)
SHA = "ab" * 32

ITEM_FIELDS: dict[str, Any] = {
    "title": "推进老旧小区改造资金拨付",
    "content": "请市财政局牵头、市教育局配合，于11月底前完成第一批改造资金拨付。",
    "source": "会议议定",
    "source_link": {"kind": "meeting_decision", "record_id": "m-7/3",
                    "label": "市政府第7次常务会议议定事项三"},
    "lead_unit_id": FINANCE_ID,
    "co_unit_ids": [EDU_ID],
    "informed_ids": ["p-office.leader"],
    "deadline": DEADLINE,
    "cycle": {"kind": "weekly"},
}


class Sup:
    """Applies actions as named demo users, with a clock that ticks a minute per action."""

    def __init__(self, org: Organisation, start: datetime) -> None:
        self.org = org
        self.clock = start

    def tick(self, **delta: float) -> datetime:
        self.clock += timedelta(**delta) if delta else timedelta(minutes=1)
        return self.clock

    def actor(self, username: str) -> Actor:
        return self.org.actor(f"p-{username}", self.clock)

    def try_(self, item: SupervisionItem, username: str, kind: ActionKind,
             **kwargs: Any) -> Verdict[SupervisionItem]:
        kwargs.setdefault("expected_status", item.status)
        action = SupervisionAction(kind, **kwargs)
        return decide_supervision(item, self.actor(username), action, self.tick())

    def do(self, item: SupervisionItem, username: str, kind: ActionKind,
           **kwargs: Any) -> SupervisionItem:
        return accepted(self.try_(item, username, kind, **kwargs))

    def refuse(self, item: SupervisionItem, username: str, kind: ActionKind,
               **kwargs: Any) -> str:
        return refused(self.try_(item, username, kind, **kwargs), f"{username} {kind}")

    def draft(self, username: str = "office.supervisor", **fields: Any) -> SupervisionItem:
        return create_item(item_id="s-1", actor=self.actor(username),
                           fields={**ITEM_FIELDS, **fields}, now=self.tick())

    def to(self, status: Status, **fields: Any) -> SupervisionItem:
        """Return an item walked along the main route up to `status`."""
        item = self.draft(**fields)
        route = [
            (Status.OPENED, "office.supervisor", ActionKind.OPEN, {}),
            (Status.ASSIGNED, "office.supervisor", ActionKind.ASSIGN, {}),
            (Status.RECEIVED, "finance.clerk", ActionKind.RECEIVE, {}),
            (Status.IN_PROGRESS, "finance.clerk", ActionKind.REPORT,
             {"percent": 30, "text": "已完成项目清单核对"}),
            (Status.COMPLETION_REQUESTED, "finance.clerk", ActionKind.REQUEST_COMPLETION,
             {"text": "资金已全部拨付到位"}),
            (Status.COMPLETED, "office.supervisor", ActionKind.COMPLETE, {}),
        ]
        for target, username, kind, kwargs in route:
            if item.status is status:
                break
            item = self.do(item, username, kind, **kwargs)
            assert item.status is target
        assert item.status is status
        return item


@pytest.fixture
def sup(org: Organisation) -> Iterator[Sup]:
    """A Sup driver over the demo organisation, starting on 2026-11-02 09:00 Beijing time."""
    yield Sup(org, START)
