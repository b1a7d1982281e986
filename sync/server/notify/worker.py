"""Sending the queue: one run (the `send-notifications` command, for cron) and the loop
that runs beside the scheduled jobs in every served process. Nothing here is on a push's
path: a slow or dead mail server or gateway only delays notifications."""

from __future__ import annotations

import asyncio
import logging
import threading
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa

from sync.server.config import Integrations
from sync.server.notify import events, queue
from sync.server.notify.queue import Claimed
from sync.server.notify.senders import SendError, send_email, send_sms
from sync.server.settings import Settings

log = logging.getLogger("officeapp.server.notify")

ROUNDS = 50  # batches one run sends at most, so that a run ends


@dataclass
class SendReport:
    """What one run did."""

    scan: events.ScanReport = field(default_factory=events.ScanReport)
    sent: int = 0
    retrying: int = 0
    failed: int = 0

    def lines(self) -> list[str]:
        """Return a line for people, or none when nothing happened."""
        if not (self.scan.queued or self.sent or self.retrying or self.failed):
            return []
        return [f"通知：新排队 {self.scan.queued} 条，发送成功 {self.sent} 条，"
                f"待重试 {self.retrying} 条，失败 {self.failed} 条"]


def deliver(integrations: Integrations, row: Claimed) -> str | None:
    """Send one claimed message; return why it failed, or None."""
    try:
        if row.channel == "email" and integrations.smtp is not None:
            send_email(integrations.smtp, to=row.address, subject=row.subject, body=row.body,
                       dedupe_key=row.dedupe_key)
        elif row.channel == "sms" and integrations.sms is not None:
            send_sms(integrations.sms, phone=row.address, text=row.body,
                     dedupe_key=row.dedupe_key)
        else:
            return f"通道 {row.channel} 未配置"
    except SendError as error:
        return error.detail
    return None


def send_due(engine: sa.Engine, settings: Settings, report: SendReport,
             stop: threading.Event | None = None) -> None:
    """Send every due message this process may send now, batch by batch (until `stop`)."""
    integrations, notify = settings.integrations, settings.integrations.notify
    for _ in range(ROUNDS):
        batch = queue.claim(engine, notify, settings.clock())
        if not batch:
            return
        for index, row in enumerate(batch):
            if stop is not None and stop.is_set():
                queue.release(engine, batch[index:])
                return
            problem = deliver(integrations, row)
            status = queue.finish(engine, row, notify, settings.clock(), error=problem)
            if problem is not None:
                log.warning("notification %s not sent (attempt %d): %s", row.id, row.attempts,
                            problem)
            report.sent += status == queue.SENT
            report.retrying += status == queue.PENDING
            report.failed += status == queue.FAILED


def run_once(engine: sa.Engine, settings: Settings, now: datetime | None = None,
             stop: threading.Event | None = None) -> SendReport:
    """Queue what happened since the last run, then send what is due."""
    report = SendReport()
    report.scan = events.scan(engine, settings.integrations, now or settings.clock())
    send_due(engine, settings, report, stop)
    return report


def enabled(settings: Settings) -> bool:
    """Return whether this server sends notifications at all (a channel is configured)."""
    return bool(events.available(settings.integrations))


async def run_periodically(engine: sa.Engine, settings: Settings) -> None:
    """Run `run_once` now and every `[notify] interval` seconds, until cancelled."""
    stop = threading.Event()
    while True:
        run = asyncio.ensure_future(asyncio.to_thread(run_once, engine, settings, None, stop))
        try:
            report = await asyncio.shield(run)
        except asyncio.CancelledError:
            # Let the send in progress record its outcome before the engine is closed; the
            # rest of the batch is given back at once, not left to its lease.
            stop.set()
            with suppress(Exception):
                await run
            raise
        except Exception:
            log.exception("sending notifications failed; trying again at the next interval")
        else:
            for line in report.lines():
                log.info("%s", line)
        await asyncio.sleep(settings.integrations.notify.interval)
