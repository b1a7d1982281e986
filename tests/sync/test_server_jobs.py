"""Scheduled jobs: automatic urging and meeting reminders, idempotent however often and however
many at once they run; the CLI command, the loop in a served app, and the demo's samples."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi import FastAPI

from officeapp.demo import FINANCE_ID
from sync.server import create_app
from sync.server.mutations.jobs import JobReport, run_jobs
from sync.server.ops import demo
from sync.server.ops.cli import main
from sync.server.settings import Settings
from sync.server.storage import tables as t

from .conftest import Clock, User
from .office_work import assigned_item, at_hour, create_meeting, kind_of, meet_ok

Users = Callable[[str], User]


def _jobs(app: FastAPI, engine: sa.Engine, settings: Settings) -> JobReport:
    return run_jobs(engine, settings, app.state.server.notifier)


def _stored(engine: sa.Engine, table: sa.Table, record_id: str) -> dict[str, Any]:
    with engine.connect() as connection:
        data: dict[str, Any] = connection.execute(
            sa.select(table.c.data).where(table.c.id == record_id)).scalar_one()
    return data


def test_urging_job_urges_once_however_often_it_runs(app: FastAPI, engine: sa.Engine,
                                                     settings: Settings, user: Users,
                                                     clock: Clock) -> None:
    supervisor = user("office.supervisor")
    item_id = assigned_item(supervisor, clock() + timedelta(days=2))
    first = _jobs(app, engine, settings)
    assert [(u.item_id, u.rule) for u in first.urgings] == [(item_id, "deadline_before_3d")]
    assert _jobs(app, engine, settings) == JobReport()
    urged = kind_of(user("finance.clerk"), "supervision")[item_id]
    assert [u["rule"] for u in urged["urgings"]] == ["deadline_before_3d"]
    assert (urged["trace"][-1]["action"], urged["trace"][-1]["actor_name"]) == ("urge", "系统")

    clock.advance(timedelta(days=3))  # now overdue: urged once a day
    overdue = _jobs(app, engine, settings)
    assert [u.rule for u in overdue.urgings] == ["deadline_overdue_daily"]
    assert _jobs(app, engine, settings).urgings == ()
    clock.advance(timedelta(days=1))
    assert [u.rule for u in _jobs(app, engine, settings).urgings] == ["deadline_overdue_daily"]
    stored = _stored(engine, t.supervision_items, item_id)
    assert len(stored["urgings"]) == 3


def test_two_runners_at_once_urge_once(app: FastAPI, engine: sa.Engine, settings: Settings,
                                       user: Users, clock: Clock) -> None:
    supervisor = user("office.supervisor")
    items = [assigned_item(supervisor, clock() + timedelta(days=2)) for _ in range(3)]
    start = threading.Barrier(4)
    reports: list[JobReport] = []
    errors: list[str] = []

    def runner() -> None:
        try:
            start.wait()
            reports.append(_jobs(app, engine, settings))
        except Exception as error:  # reported by the test, not lost in the thread
            errors.append(repr(error))

    threads = [threading.Thread(target=runner) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    urged = sorted(u.item_id for report in reports for u in report.urgings)
    assert urged == sorted(items)
    for item_id in items:
        assert len(_stored(engine, t.supervision_items, item_id)["urgings"]) == 1


def test_meeting_reminders_go_once_to_the_silent_invitations(app: FastAPI, engine: sa.Engine,
                                                             settings: Settings, user: Users,
                                                             clock: Clock) -> None:
    secretary = user("office.secretary")
    invited = [{"kind": "person", "id": "p-office.deputy"}, {"kind": "unit", "id": FINANCE_ID}]
    soon = create_meeting(secretary, at_hour(clock, timedelta(hours=21)), location="三楼",
                          attendees=invited)
    later = create_meeting(secretary, at_hour(clock, timedelta(days=3)), location="三楼",
                           attendees=invited)
    for meeting_id in (soon, later):
        meet_ok(secretary, meeting_id, "send_notice")
    meet_ok(user("finance.clerk"), soon, "reply", reply="attend",
            attendee={"kind": "unit", "id": FINANCE_ID}, people=["p-finance.leader"])

    report = _jobs(app, engine, settings)
    assert [(r.meeting_id, r.person_ids, r.unit_ids) for r in report.reminders] == [
        (soon, ("p-office.deputy",), ())]
    assert _jobs(app, engine, settings).reminders == ()
    clock.advance(timedelta(hours=2))
    assert _jobs(app, engine, settings).reminders == ()
    trace = kind_of(user("office.deputy"), "meeting")[soon]["trace"]
    assert (trace[-1]["action"], trace[-1]["actor_id"], trace[-1]["actor_name"]) == (
        "remind", "system", "系统")
    assert [e["action"] for e in _stored(engine, t.meetings, later)["trace"]] == [
        "create", "send_notice"]


def test_run_jobs_command_runs_once_and_says_what_it_did(
        engine: sa.Engine, settings: Settings, user: Users, clock: Clock,
        capsys: pytest.CaptureFixture[str]) -> None:
    item_id = assigned_item(user("office.supervisor"), clock() + timedelta(days=2))
    common = ["--database-url", settings.database_url, "--data-dir", str(settings.data_dir)]
    assert main(["run-jobs", *common]) == 0
    out = capsys.readouterr().out
    assert "催办：《加快推进老旧小区改造资金拨付》将于" in out
    assert "自动催办 1 次，提醒回执 0 个会议" in out
    assert main(["run-jobs", *common]) == 0
    assert "自动催办 0 次" in capsys.readouterr().out
    assert len(_stored(engine, t.supervision_items, item_id)["urgings"]) == 1


def test_served_app_runs_the_jobs_in_the_background(engine: sa.Engine, settings: Settings,
                                                    user: Users, clock: Clock) -> None:
    item_id = assigned_item(user("office.supervisor"), clock() + timedelta(days=2))
    served = create_app(replace(settings, jobs_interval=0.05), engine=engine)

    async def serve() -> int:
        async with served.router.lifespan_context(served):
            for _ in range(200):
                await asyncio.sleep(0.05)
                urgings = _stored(engine, t.supervision_items, item_id)["urgings"]
                if urgings:
                    return len(urgings)
        return 0

    assert asyncio.run(serve()) == 1


def test_demo_seeds_sample_meetings_and_items_through_the_rules(
        app: FastAPI, engine: sa.Engine, settings: Settings, user: Users) -> None:
    assert demo.seed_work(engine, settings)
    assert not demo.seed_work(engine, settings)  # once only
    meetings = kind_of(user("office.secretary"), "meeting")
    by_status = {m["status"]: m for m in meetings.values()}
    assert sorted(by_status) == ["draft", "notified"]
    notified = by_status["notified"]
    assert notified["booking"]["state"] == "booked" and notified["room_id"] == "r-1"
    assert kind_of(user("office.secretary"), "meeting_code") == {
        notified["id"]: {"meeting_id": notified["id"], "check_in_code": "2468"}}
    assert notified["id"] in kind_of(user("finance.clerk"), "meeting")
    items = kind_of(user("office.supervisor"), "supervision")
    assert sorted(i["status"] for i in items.values()) == ["completed", "in_progress",
                                                          "received"]
    report = _jobs(app, engine, settings)
    overdue = next(i for i in items.values() if i["status"] == "received")
    assert (overdue["id"], "deadline_overdue_daily") in {(u.item_id, u.rule)
                                                         for u in report.urgings}
