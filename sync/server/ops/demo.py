"""Sample meetings and supervision items for the demo server, made by the domain's own rules,
and the demo's 电子印章.

`officeapp-server --demo` seeds them once, after the demo organisation, so that a new user
finds something in 会议 and 督办: a meeting booked and notified for next week, a draft, and
three items — one in progress, one overdue, one completed. Every unit that issues 公文 (it has
a 机关代字) gets a seal issued by a demo organisation CA, so that 用印 works out of the box.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa

from officeapp.clock import OFFICE_TZ
from officeapp.core.verdict import Accepted
from officeapp.demo import EDU_ID, FINANCE_ID, OFFICE_ID
from officeapp.errors import DomainError
from officeapp.meetings import (
    Attendee,
    Meeting,
    MeetingAction,
    MeetingActionKind,
    ReplyKind,
    create_meeting,
    decide_meeting,
)
from officeapp.org import Organisation
from officeapp.seals import draw_seal_image, issue_unit_certificate
from officeapp.supervision import (
    ActionKind,
    SupervisionAction,
    SupervisionItem,
    create_item,
    decide_supervision,
)
from officeapp.workflow.codec import assignee_resolver
from sync.server.settings import Settings
from sync.server.storage import changelog, db, meetings, seals, supervision
from sync.server.storage import tables as t
from sync.server.storage.directory import load_organisation
from sync.server.storage.records import Writes

LOCAL = OFFICE_TZ
SAMPLES = uuid.UUID("6a0d2c1e-7f43-4b8e-b1d5-94e0c2a7f318")
SECRETARY = "p-office.secretary"
SUPERVISOR = "p-office.supervisor"


def _id(name: str) -> str:
    return str(uuid.uuid5(SAMPLES, name))


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LOCAL)


def seed_work(engine: sa.Engine, settings: Settings) -> bool:
    """Add the sample meetings and items unless the database has any; return whether it did."""
    with db.write(engine) as connection:
        for table in (t.meetings, t.supervision_items):
            if connection.execute(sa.select(table.c.id).limit(1)).first() is not None:
                return False
        now = settings.clock()
        writes = Writes()
        sample = _Sample(connection, load_organisation(connection), writes)
        sample.meetings(now)
        sample.items(now)
        changelog.append(connection, writes.changes, now)
    return True


def seed_seals(engine: sa.Engine, settings: Settings) -> bool:
    """Give every issuing unit without a seal one (see `add_seals`); return whether any."""
    with db.write(engine) as connection:
        return add_seals(connection, now=settings.clock())


def add_seals(connection: sa.Connection, *, now: datetime) -> bool:
    """Make the demo's organisation CA unless the server has one, and issue a seal to every
    unit with a 机关代字 that has none; return whether it issued any.

    A schema older than the seals (tests of upgrades seed the demo at an old revision) gets
    none: the migration to it adds the tables, empty."""
    if not sa.inspect(connection).has_table(t.unit_seals.name):
        return False
    org = load_organisation(connection)
    units = [u for u in org.units.values()
             if u.agency_code and seals.load_seal(connection, u.id) is None]
    if not units:
        return False
    ca = seals.org_ca(connection)
    if ca is None:
        top = min((u for u in org.units.values() if u.parent_id is None),
                  key=lambda u: (u.sort_order, u.id))
        seals.create_ca(connection, f"{top.name}（演示）", now=now)
        ca = seals.org_ca(connection)
        assert ca is not None  # just stored
    for unit in units:
        key = issue_unit_certificate(ca, unit.name, unit.id, now=now)
        seals.save_seal(connection, unit.id, image=_seal_image(unit.name), key=key, now=now)
    return True


@functools.cache
def _seal_image(unit_name: str) -> bytes:
    """The drawn seal of a unit (drawing one takes a tenth of a second; tests seed often)."""
    return draw_seal_image(unit_name)


class _Sample:
    """Builds the sample records through the rules and saves them with their change rows."""

    def __init__(self, connection: sa.Connection, org: Organisation, writes: Writes) -> None:
        self.connection = connection
        self.org = org
        self.writes = writes

    # --- meetings --------------------------------------------------------------------------

    def _meeting(self, meeting: Meeting, kind: MeetingActionKind, at: datetime,
                 by: str = SECRETARY, **values: Any) -> Meeting:
        action = MeetingAction(kind, **values)
        schedule = (meetings.schedule_for(self.connection, meeting, values.get("room_id"))
                    if kind is MeetingActionKind.BOOK else None)
        decision = decide_meeting(meeting, self.org.actor(by, at), action, at, schedule=schedule)
        if not isinstance(decision, Accepted):
            raise DomainError(decision.rejection.code, decision.rejection.message)
        return decision.record

    def _create_meeting(self, name: str, fields: Mapping[str, Any], at: datetime) -> Meeting:
        return create_meeting(meeting_id=_id(name), actor=self.org.actor(SECRETARY, at),
                              fields=fields, now=at)

    def meetings(self, now: datetime) -> None:
        today = now.astimezone(LOCAL).date()
        monday = today + timedelta(days=7 - today.weekday())
        yesterday = now - timedelta(days=1)
        weekly = self._create_meeting("weekly", {
            "title": "市政府办公室周工作调度会", "meeting_type": "办公会",
            "start": _at(monday, 9).isoformat(), "end": _at(monday, 10, 30).isoformat(),
            "host_id": "p-office.leader", "recorder_id": SECRETARY,
            "attendees": [{"kind": "person", "id": "p-office.deputy"},
                          {"kind": "unit", "id": FINANCE_ID}, {"kind": "unit", "id": EDU_ID}],
            "agenda": [{"title": "通报上周重点工作完成情况", "reporting_unit_id": OFFICE_ID},
                       {"title": "财政预算执行进度", "reporting_unit_id": FINANCE_ID},
                       {"title": "秋季学期开学准备工作", "reporting_unit_id": EDU_ID}],
            "notes": "请各单位主要负责同志参会，不能参会的请提前请假。",
        }, yesterday)
        weekly = self._meeting(weekly, MeetingActionKind.BOOK, yesterday, room_id="r-1")
        weekly = self._meeting(weekly, MeetingActionKind.SEND_NOTICE, yesterday,
                               check_in_code="2468")
        resolve = assignee_resolver(self.org)
        weekly = self._meeting(weekly, MeetingActionKind.REPLY, now - timedelta(hours=3),
                               by="p-finance.clerk", reply=ReplyKind.ATTEND,
                               attendee=Attendee.unit(FINANCE_ID),
                               people=(resolve("p-finance.leader"),))
        meetings.save(self.connection, weekly, None, now, self.writes, by=None)
        day = monday + timedelta(days=3)
        draft = self._create_meeting("topical", {
            "title": "教育信息化建设推进专题会议", "meeting_type": "专题会议",
            "start": _at(day, 15).isoformat(), "end": _at(day, 16, 30).isoformat(),
            "host_id": "p-office.deputy", "attendees": [{"kind": "unit", "id": EDU_ID}],
            "agenda": [{"title": "智慧校园建设方案", "reporting_unit_id": EDU_ID}],
        }, now - timedelta(hours=2))
        meetings.save(self.connection, draft, None, now, self.writes, by=None)

    # --- supervision -----------------------------------------------------------------------

    def _act(self, item: SupervisionItem, by: str, kind: ActionKind, at: datetime,
             **values: Any) -> SupervisionItem:
        decision = decide_supervision(item, self.org.actor(by, at),
                                      SupervisionAction(kind, **values), at)
        if not isinstance(decision, Accepted):
            raise DomainError(decision.rejection.code, decision.rejection.message)
        return decision.record

    def _assigned(self, name: str, fields: Mapping[str, Any], at: datetime,
                  clerk: str) -> SupervisionItem:
        item = create_item(item_id=_id(name), actor=self.org.actor(SUPERVISOR, at),
                           fields=fields, now=at)
        item = self._act(item, SUPERVISOR, ActionKind.OPEN, at)
        item = self._act(item, SUPERVISOR, ActionKind.ASSIGN, at)
        return self._act(item, clerk, ActionKind.RECEIVE, at + timedelta(hours=3))

    def items(self, now: datetime) -> None:
        day = timedelta(days=1)
        running = self._assigned("running", {
            "title": "落实市长批示：加快推进老旧小区改造资金拨付", "source": "领导批示",
            "content": "请市财政局会同市教育局于本月内完成第二批老旧小区改造资金拨付，"
                       "每周反馈进展。",
            "lead_unit_id": FINANCE_ID, "co_unit_ids": [EDU_ID], "urgency": "加急",
            "deadline": (now + 20 * day).isoformat(), "cycle": {"kind": "weekly"},
            "informed_ids": ["p-office.leader"],
        }, now - 10 * day, "p-finance.clerk")
        running = self._act(running, "p-finance.clerk", ActionKind.REPORT, now - 3 * day,
                            percent=40, text="已完成第一批资金拨付，第二批正在审核。")
        overdue = self._assigned("overdue", {
            "title": "上级交办：中小学校舍安全隐患排查整治", "source": "上级交办",
            "content": "对全市中小学校舍开展安全隐患排查，形成整改台账并报送整治结果。",
            "lead_unit_id": EDU_ID, "deadline": (now - 2 * day).isoformat(),
        }, now - 30 * day, "p-edu.clerk")
        done = self._assigned("completed", {
            "title": "建议提案：优化政务服务大厅财政业务窗口", "source": "建议提案",
            "content": "研究优化财政业务窗口设置，缩短群众办事等候时间。",
            "lead_unit_id": FINANCE_ID, "deadline": (now - 5 * day).isoformat(),
        }, now - 40 * day, "p-finance.clerk")
        done = self._act(done, "p-finance.clerk", ActionKind.REPORT, now - 9 * day,
                         percent=100, text="窗口已由3个调整为5个，实行综合受理。")
        done = self._act(done, "p-finance.clerk", ActionKind.REQUEST_COMPLETION, now - 8 * day,
                         text="已按要求完成窗口优化，平均等候时间缩短至10分钟以内。")
        done = self._act(done, SUPERVISOR, ActionKind.COMPLETE, now - 7 * day, text="同意办结")
        for item in (running, overdue, done):
            supervision.save(self.connection, item, None, now, self.writes, by=None)
