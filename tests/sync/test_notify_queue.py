"""The notification queue: retries with backoff after an SMTP refusal or a gateway 500, failure
after the last attempt (shown to the admin), the rate limit per channel, two senders at once,
and pushes that never wait for a mail server or a gateway."""

from __future__ import annotations

import asyncio
import random
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

import pytest
import sqlalchemy as sa

from sync.server import create_app
from sync.server.config import SmtpSettings
from sync.server.notify import admin, queue, worker
from sync.server.notify.senders import request_id
from sync.server.ops import doctor
from sync.server.ops.cli import main
from sync.server.settings import Settings
from sync.server.storage import db
from sync.server.storage import tables as t

from .conftest import Clock, User
from .notify_services import TEST_NOTIFY, Services, notify_services, queue_rows
from .processes import free_port

__all__ = ["notify_services"]  # the fixture, imported to be found
Users = Callable[[str], User]


@pytest.fixture
def settings(settings: Settings, notify_services: Services) -> Settings:
    """The test settings with the SMTP server and the SMS gateway configured."""
    return replace(settings, integrations=notify_services.integrations)


def rows(engine: sa.Engine) -> dict[str, sa.Row[tuple[object, ...]]]:
    with engine.connect() as connection:
        return {row.dedupe_key: row for row in connection.execute(sa.select(
            t.notification_queue))}


def attempts(engine: sa.Engine) -> list[tuple[int, bool, str]]:
    a = t.notification_attempts.c
    with engine.connect() as connection:
        return [(r.queue_id, r.ok, r.detail) for r in connection.execute(
            sa.select(a.queue_id, a.ok, a.detail).order_by(a.id))]


def test_backoff_doubles_with_jitter_up_to_the_cap() -> None:
    rng = random.Random(19)
    first = [queue.backoff(TEST_NOTIFY, 1, rng) for _ in range(50)]
    second = [queue.backoff(TEST_NOTIFY, 2, rng) for _ in range(50)]
    late = [queue.backoff(TEST_NOTIFY, 9, rng) for _ in range(50)]
    assert all(45 <= s <= 75 for s in first) and len(set(first)) > 1
    assert all(90 <= s <= 150 for s in second) and all(90 <= s <= 150 for s in late)


def test_a_refused_message_is_retried_after_its_backoff(
        engine: sa.Engine, settings: Settings, clock: Clock,
        notify_services: Services) -> None:
    (mail,), (text,) = queue_rows(engine, clock, "email", 1), queue_rows(engine, clock, "sms", 1)
    notify_services.smtp.refuse_next = 1
    notify_services.gateway.inbox.refuse_next = 1
    report = worker.run_once(engine, settings)
    assert (report.sent, report.retrying) == (0, 2)
    stored = rows(engine)
    assert "451" in stored[mail].last_error and "HTTP 500" in stored[text].last_error
    for key in (mail, text):
        assert stored[key].status == "pending" and stored[key].attempts == 1
        wait = db.as_utc(stored[key].next_attempt_at) - clock()
        assert timedelta(seconds=40) < wait <= timedelta(seconds=75)
    assert worker.run_once(engine, settings).sent == 0  # not due yet
    clock.advance(timedelta(seconds=80))
    assert worker.run_once(engine, settings).sent == 2
    assert [ok for _, ok, _ in attempts(engine)] == [False, False, True, True]
    assert {m["id"] for m in notify_services.smtp.received} == {
        queue_id(mail)}
    assert rows(engine)[mail].status == rows(engine)[text].status == "sent"


def queue_id(key: str) -> str:
    """Return the id the mail server and the gateway see for a queued message."""
    return request_id(key)


def test_a_message_fails_after_the_last_attempt_and_the_admin_sees_why(
        engine: sa.Engine, settings: Settings, clock: Clock, notify_services: Services,
        capsys: pytest.CaptureFixture[str]) -> None:
    (text,) = queue_rows(engine, clock, "sms", 1)
    queue_rows(engine, clock, "email", 1)
    notify_services.gateway.inbox.refuse_all = True
    for _ in range(TEST_NOTIFY.max_attempts):
        worker.run_once(engine, settings)
        clock.advance(timedelta(seconds=TEST_NOTIFY.backoff_max * 1.3))
    assert worker.run_once(engine, settings).sent == 0
    stored = rows(engine)[text]
    assert (stored.status, stored.attempts) == ("failed", TEST_NOTIFY.max_attempts)
    assert notify_services.gateway.inbox.seen == TEST_NOTIFY.max_attempts
    shown = admin.lines(engine, clock(), failed_only=False, since_days=None)
    assert shown[0] == "通知队列（全部）：待发送 0 条，发送中 0 条，已发送 1 条，失败 1 条"
    assert any("失败 #" in line and "短信网关返回 HTTP 500" in line for line in shown)
    common = ["--database-url", settings.database_url, "--data-dir", str(settings.data_dir)]
    assert main(["notifications", "--failed", "--since", "1", *common]) == 0
    out = capsys.readouterr().out
    assert "发送失败的通知：1 条" in out and "13800138000" in out and "HTTP 500" in out
    assert "通知队列" not in out


def test_each_channel_keeps_to_its_rate(engine: sa.Engine, settings: Settings, clock: Clock,
                                        notify_services: Services) -> None:
    limited = replace(settings, integrations=replace(
        settings.integrations, notify=replace(TEST_NOTIFY, sms_per_minute=2)))
    queue_rows(engine, clock, "sms", 5)
    queue_rows(engine, clock, "email", 3)
    assert worker.run_once(engine, limited).sent == 3 + 2
    assert worker.run_once(engine, limited).sent == 0
    clock.advance(timedelta(seconds=61))
    assert worker.run_once(engine, limited).sent == 2
    clock.advance(timedelta(seconds=61))
    assert worker.run_once(engine, limited).sent == 1
    assert len(notify_services.gateway.inbox.received) == 5


def test_two_senders_at_once_send_each_message_once(
        engine: sa.Engine, settings: Settings, clock: Clock,
        notify_services: Services) -> None:
    keys = queue_rows(engine, clock, "email", 12) + queue_rows(engine, clock, "sms", 12)
    small = replace(settings, integrations=replace(
        settings.integrations, notify=replace(TEST_NOTIFY, batch=3)))
    start = threading.Barrier(3)
    errors: list[str] = []

    def sender() -> None:
        try:
            start.wait()
            worker.run_once(engine, small)
        except Exception as error:  # reported by the test, not lost in the thread
            errors.append(repr(error))

    threads = [threading.Thread(target=sender) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    received = notify_services.smtp.counts() + notify_services.gateway.inbox.counts()
    assert received == {queue_id(key): 1 for key in keys}
    assert {row.status for row in rows(engine).values()} == {"sent"}


def test_a_push_never_waits_for_a_hanging_gateway_or_a_dead_mail_server(
        engine: sa.Engine, settings: Settings, clock: Clock, user: Users,
        notify_services: Services) -> None:
    dead = SmtpSettings(host="127.0.0.1", port=free_port(), sender="oa@pingxiang.gov.cn",
                        security="starttls", timeout=2)
    assert notify_services.integrations.sms is not None
    patient = replace(notify_services.integrations.sms, timeout=60.0)
    stuck = replace(settings, integrations=replace(settings.integrations, smtp=dead,
                                                   sms=patient))
    queue_rows(engine, clock, "email", 1)
    queue_rows(engine, clock, "sms", 1)
    notify_services.gateway.hang.set()
    sending = threading.Thread(target=worker.run_once, args=(engine, stuck))
    sending.start()
    try:
        assert notify_services.gateway.hanging.wait(30)
        clerk = user("office.clerk")
        document_id = clerk.create(urgency="特急")
        clerk.ok(document_id, "approve", expected_step="draft")
        assert sending.is_alive()  # the pushes went through while a send hung
    finally:
        notify_services.gateway.unhang.set()
        sending.join()
    stored = rows(engine)
    mail = next(r for r in stored.values() if r.channel == "email")
    assert mail.status == "pending" and "无法连接邮件服务器" in mail.last_error


def test_doctor_reports_failures_and_the_services(
        engine: sa.Engine, settings: Settings, clock: Clock,
        notify_services: Services) -> None:
    queue_rows(engine, clock, "sms", 1)
    notify_services.gateway.inbox.refuse_all = True
    for _ in range(TEST_NOTIFY.max_attempts):
        worker.run_once(engine, settings)
        clock.advance(timedelta(seconds=TEST_NOTIFY.backoff_max * 1.3))
    found = {f.check: f for f in doctor.examine(settings)}
    assert found["通知发送"].verdict is doctor.Verdict.WARNING
    assert "1 条" in found["通知发送"].found and "notifications --failed" in found["通知发送"].fix
    assert found["邮件服务"].verdict is doctor.Verdict.OK  # STARTTLS, the CA file, AUTH
    assert found["短信网关"].verdict is doctor.Verdict.OK
    assert settings.integrations.smtp is not None
    wrong = replace(settings, integrations=replace(settings.integrations, smtp=replace(
        settings.integrations.smtp, password="wrong-password")))
    refused = {f.check: f for f in doctor.examine(wrong)}["邮件服务"]
    assert refused.verdict is doctor.Verdict.ERROR and "拒绝登录" in refused.found


def test_served_app_sends_in_the_background(engine: sa.Engine, settings: Settings,
                                            clock: Clock, notify_services: Services) -> None:
    (key,) = queue_rows(engine, clock, "email", 1)
    served = create_app(settings, engine=engine)

    async def serve() -> None:
        async with served.router.lifespan_context(served):
            for _ in range(400):
                await asyncio.sleep(0.05)
                if notify_services.smtp.counts():
                    return

    asyncio.run(serve())
    assert notify_services.smtp.counts() == {request_id(key): 1}


def test_a_stopping_sender_gives_back_what_it_did_not_try(
        engine: sa.Engine, settings: Settings, clock: Clock,
        notify_services: Services) -> None:
    queue_rows(engine, clock, "email", 3)
    stop = threading.Event()
    stop.set()  # the server is shutting down as the batch is claimed
    worker.send_due(engine, settings, worker.SendReport(), stop)
    assert {(r.status, r.attempts) for r in rows(engine).values()} == {("pending", 0)}
    assert notify_services.smtp.received == [] and attempts(engine) == []
