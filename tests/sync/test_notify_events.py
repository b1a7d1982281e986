"""Notification events from real pushes: a 特急 document reaching 待办, 催办 of documents and
supervision items, meeting notices, changes and reminders, items due soon and overdue, the
daily digest; each sent once however often the scan runs, titles of 内部 documents withheld."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from officeapp.demo import FINANCE_ID
from sync.server.notify import worker
from sync.server.notify.events import CURSOR
from sync.server.notify.texts import SMS_LENGTH
from sync.server.settings import Settings
from sync.server.storage import tables as t

from .conftest import Clock, User
from .notify_services import Services, notify_services
from .office_work import assigned_item, at_hour, create_meeting, meet_ok, supervise_ok

__all__ = ["notify_services"]  # the fixture, imported to be found
Users = Callable[[str], User]
EVERYTHING = {"urgent_document": ["email", "sms"], "urging": ["email", "sms"],
              "meeting": ["email", "sms"], "supervision_due": ["email", "sms"]}


@pytest.fixture
def settings(settings: Settings, notify_services: Services) -> Settings:
    """The test settings with the SMTP server and the SMS gateway configured."""
    return replace(settings, integrations=notify_services.integrations)


def choose(who: User, events: dict[str, list[str]] | None = None, *,
           digest: bool = False) -> dict[str, Any]:
    """Set the person's notification choice: an address of their own, the events."""
    number = 13800000000 + sum(map(ord, who.username))
    body = {"email": f"{who.username.replace('.', '_')}@pingxiang.gov.cn",
            "phone": f"+86 {number}", "events": EVERYTHING if events is None else events,
            "digest": digest}
    response = who.api.request("PUT", "/api/v1/me/notifications", json=body,
                               headers=who.headers)
    assert response.status_code == 200, response.text
    chosen: dict[str, Any] = response.json()
    return chosen


def send(engine: sa.Engine, settings: Settings) -> worker.SendReport:
    return worker.run_once(engine, settings)


def mails_to(services: Services, who: User) -> list[dict[str, Any]]:
    address = f"{who.username.replace('.', '_')}@pingxiang.gov.cn"
    return [m for m in services.smtp.received if address in m["to"]]


def texts_to(services: Services, who: User) -> list[dict[str, Any]]:
    number = str(13800000000 + sum(map(ord, who.username)))
    return [m for m in services.gateway.inbox.received if m["to"] == number]


def assert_once(services: Services) -> None:
    for inbox in (services.smtp, services.gateway.inbox):
        assert all(n == 1 for n in inbox.counts().values()), inbox.counts()


def test_an_urgent_document_reaching_todo_is_sent_once(
        engine: sa.Engine, settings: Settings, user: Users,
        notify_services: Services) -> None:
    clerk, reviewer, leader = user("office.clerk"), user("office.reviewer"), user("office.leader")
    outsider = user("finance.clerk")
    for who in (clerk, reviewer, leader, outsider):
        choose(who)
    urgent = clerk.create(urgency="特急", title="关于防汛应急响应的紧急通知")
    normal = clerk.create(title="关于报送年度工作总结的通知")
    for doc in (urgent, normal):
        clerk.ok(doc, "approve", expected_step="draft")
    send(engine, settings)
    mails, texts = mails_to(notify_services, reviewer), texts_to(notify_services, reviewer)
    assert len(mails) == 1 and len(texts) == 1
    assert "特急" in texts[0]["text"] and "关于防汛应急响应的紧急通知" in texts[0]["text"]
    assert len(texts[0]["text"]) <= SMS_LENGTH
    assert "特急公文待办" in mails[0]["subject"]
    assert "各单位" not in mails[0]["body"] and "各单位" not in texts[0]["text"]  # no body
    assert mails_to(notify_services, clerk) == []  # the drafter knows
    assert mails_to(notify_services, outsider) == []  # not theirs
    assert len(mails_to(notify_services, leader)) == 1  # 核稿 is open to the office's leaders

    assert send(engine, settings).scan.queued == 0  # scanned again: nothing new
    reviewer.ok(urgent, "approve", expected_step="review")
    send(engine, settings)
    assert len(mails_to(notify_services, leader)) == 2  # now at 签发
    assert len(mails_to(notify_services, reviewer)) == 1
    assert_once(notify_services)


def test_the_title_of_an_internal_document_is_withheld(
        engine: sa.Engine, settings: Settings, user: Users,
        notify_services: Services) -> None:
    clerk, reviewer = user("office.clerk"), user("office.reviewer")
    choose(reviewer)
    secret_title = "关于调整干部人事安排的内部通知"
    doc = clerk.create(urgency="特急", title=secret_title, classification="内部")
    clerk.ok(doc, "approve", expected_step="draft")
    clerk.act(doc, "urge")
    send(engine, settings)
    sent = [*mails_to(notify_services, reviewer), *texts_to(notify_services, reviewer)]
    assert len(sent) == 4  # 特急 and 催办, by e-mail and SMS
    for message in sent:
        shown = " ".join(str(v) for v in message.values())
        assert secret_title not in shown and "内部公文，标题不在通知中显示" in shown


def test_urging_a_document_and_a_supervision_item_reaches_the_handlers(
        engine: sa.Engine, settings: Settings, user: Users, clock: Clock,
        notify_services: Services) -> None:
    clerk, reviewer = user("office.clerk"), user("office.reviewer")
    supervisor, finance = user("office.supervisor"), user("finance.clerk")
    for who in (reviewer, finance):
        choose(who, {"urging": ["sms"]})
    doc = clerk.create()
    clerk.ok(doc, "approve", expected_step="draft")
    assert clerk.act(doc, "urge")["status"] == "applied"
    item = assigned_item(supervisor, clock() + timedelta(days=20))
    supervise_ok(supervisor, item, "urge", opinion="请本周内报送进度")
    send(engine, settings)
    assert [m["text"] for m in texts_to(notify_services, reviewer)] == [
        "【协同办公】李文书催办《关于做好2027年元旦春节期间有关工作的通知》（核稿），请尽快办理。"]
    urged = texts_to(notify_services, finance)
    assert len(urged) == 1 and "督办催办：加快推进老旧小区改造资金拨付" in urged[0]["text"]
    assert "请本周内报送进度" not in urged[0]["text"]  # opinions stay in the client
    assert mails_to(notify_services, reviewer) == []  # SMS only, as chosen
    send(engine, settings)
    assert_once(notify_services)


def test_meeting_notice_change_and_reminder_reach_who_must_reply(
        engine: sa.Engine, settings: Settings, user: Users, clock: Clock,
        notify_services: Services) -> None:
    secretary, deputy, finance = user("office.secretary"), user("office.deputy"), user(
        "finance.clerk")
    for who in (secretary, deputy, finance):
        choose(who, {"meeting": ["email", "sms"]})
    invited = [{"kind": "person", "id": "p-office.deputy"}, {"kind": "unit", "id": FINANCE_ID}]
    meeting = create_meeting(secretary, at_hour(clock, timedelta(days=2)), location="三楼会议室",
                             attendees=invited)
    send(engine, settings)
    assert notify_services.smtp.received == []  # a draft tells nobody
    meet_ok(secretary, meeting, "send_notice")
    send(engine, settings)
    assert ["会议通知" in m["text"] for m in texts_to(notify_services, deputy)] == [True]
    assert len(texts_to(notify_services, finance)) == 1  # the unit's clerk replies for it
    assert texts_to(notify_services, secretary) == []  # who sent it knows

    meet_ok(secretary, meeting, "edit", changes={"location": "五楼会议室"})
    meet_ok(finance, meeting, "reply", reply="attend",
            attendee={"kind": "unit", "id": FINANCE_ID}, people=["p-finance.leader"])
    meet_ok(secretary, meeting, "remind", opinion="请尽快回执")
    send(engine, settings)
    deputy_texts = [m["text"] for m in texts_to(notify_services, deputy)]
    assert len(deputy_texts) == 3
    assert "会议变更" in deputy_texts[1] and "五楼会议室" in deputy_texts[1]
    assert "请尽快回执" in deputy_texts[2]
    assert len(texts_to(notify_services, finance)) == 2  # replied: not reminded
    send(engine, settings)
    assert_once(notify_services)


def test_supervision_items_due_soon_and_overdue_are_told_once_each(
        engine: sa.Engine, settings: Settings, user: Users, clock: Clock,
        notify_services: Services) -> None:
    finance = user("finance.clerk")
    choose(finance, {"supervision_due": ["email"]})
    assigned_item(user("office.supervisor"), clock() + timedelta(days=2))
    send(engine, settings)
    send(engine, settings)
    mails = mails_to(notify_services, finance)
    assert len(mails) == 1 and "到期" in mails[0]["subject"]
    clock.advance(timedelta(days=3))
    send(engine, settings)
    send(engine, settings)
    mails = mails_to(notify_services, finance)
    assert len(mails) == 2 and "已超过办理期限" in mails[1]["subject"]
    assert_once(notify_services)


def test_the_daily_digest_goes_once_a_day_to_who_chose_it(
        engine: sa.Engine, settings: Settings, user: Users, clock: Clock,
        notify_services: Services) -> None:
    clerk, reviewer, leader = user("office.clerk"), user("office.reviewer"), user("office.leader")
    choose(reviewer, {}, digest=True)
    choose(leader, {}, digest=False)
    doc = clerk.create(title="关于报送年度工作总结的通知")
    clerk.ok(doc, "approve", expected_step="draft")
    send(engine, settings)
    send(engine, settings)
    digests = mails_to(notify_services, reviewer)
    assert len(digests) == 1 and "每日摘要" in digests[0]["subject"]
    assert "关于报送年度工作总结的通知" in digests[0]["body"]
    assert mails_to(notify_services, leader) == [] and texts_to(notify_services, reviewer) == []
    clock.advance(timedelta(days=1))
    send(engine, settings)
    send(engine, settings)
    assert len(mails_to(notify_services, reviewer)) == 2
    assert_once(notify_services)


def test_nobody_is_told_without_a_choice_or_when_inactive(
        engine: sa.Engine, settings: Settings, user: Users,
        notify_services: Services) -> None:
    clerk, reviewer = user("office.clerk"), user("office.reviewer")
    doc = clerk.create(urgency="特急")
    clerk.ok(doc, "approve", expected_step="draft")
    send(engine, settings)
    assert notify_services.smtp.received == [] and notify_services.gateway.inbox.received == []
    choose(reviewer)
    with engine.begin() as connection:
        connection.execute(sa.update(t.people).where(t.people.c.id == reviewer.person_id)
                           .values(active=False))
    clerk.act(doc, "urge")
    send(engine, settings)
    assert notify_services.smtp.received == []
    with engine.connect() as connection:
        cursor = connection.execute(sa.select(t.notification_state.c.value).where(
            t.notification_state.c.key == CURSOR)).scalar_one()
        head = connection.execute(sa.select(t.sync_counter.c.seq)).scalar_one()
    assert int(cursor) == head  # read, not waiting


def test_scans_and_sends_in_several_processes_at_once_tell_each_person_once(
        engine: sa.Engine, settings: Settings, user: Users,
        notify_services: Services) -> None:
    clerk, reviewer, leader = user("office.clerk"), user("office.reviewer"), user("office.leader")
    for who in (reviewer, leader):
        choose(who)
    for n in range(4):
        doc = clerk.create(urgency="特急", title=f"关于第{n + 1}批防汛物资调拨的紧急通知")
        clerk.ok(doc, "approve", expected_step="draft")
        clerk.act(doc, "urge")
    start = threading.Barrier(4)
    errors: list[str] = []

    def runner() -> None:
        try:
            start.wait()
            send(engine, settings)
        except Exception as error:  # reported by the test, not lost in the thread
            errors.append(repr(error))

    threads = [threading.Thread(target=runner) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    # 4 documents × (特急 + 催办) × 2 people, by e-mail and by SMS
    assert len(notify_services.smtp.received) == len(notify_services.gateway.inbox.received) == 16
    assert_once(notify_services)
