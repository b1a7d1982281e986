"""A sender killed in the middle of a batch: restarted, it sends every queued message, and
none twice (counted at the SMTP server and at the SMS gateway by the notification's id)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from sync.server.notify.senders import request_id
from sync.server.settings import Settings
from sync.server.storage import tables as t

from .conftest import Clock
from .notify_services import TEST_NOTIFY, Services, queue_rows, services
from .processes import ROOT

LEASE = 1.0  # seconds: a killed sender's claims are free again soon


@pytest.fixture
def notify_services(tmp_path: Path) -> Iterator[Services]:
    with services(tmp_path, replace(TEST_NOTIFY, lease=LEASE, batch=50)) as running:
        yield running


def _sender(settings: Settings, config: Path) -> subprocess.Popen[bytes]:
    """Start `officeapp-server send-notifications` (one run) in its own process."""
    return subprocess.Popen(
        [sys.executable, "-m", "sync.server.ops.cli", "--config", str(config),
         "send-notifications", "--database-url", settings.database_url,
         "--data-dir", str(settings.data_dir)],
        env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, start_new_session=True)


def _statuses(engine: sa.Engine) -> dict[str, str]:
    q = t.notification_queue.c
    with engine.connect() as connection:
        return {row.dedupe_key: row.status
                for row in connection.execute(sa.select(q.dedupe_key, q.status))}


@pytest.mark.slow
def test_a_sender_killed_mid_batch_loses_nothing_and_sends_nothing_twice(
        engine: sa.Engine, settings: Settings, clock: Clock, tmp_path: Path,
        notify_services: Services) -> None:
    keys: list[str] = []
    for n in range(8):  # e-mail and SMS alternate in the batch
        keys += queue_rows(engine, clock, "email", 1, prefix=f"kill{n}")
        keys += queue_rows(engine, clock, "sms", 1, prefix=f"kill{n}")
    config = tmp_path / "officeapp.toml"
    config.write_text(notify_services.config, encoding="utf-8")
    notify_services.smtp.hold_at = 3  # the third e-mail is in the SMTP server's hands …

    with _sender(settings, config) as sender:
        try:
            assert notify_services.smtp.held.wait(60), "the sender never reached the 3rd e-mail"
            os.killpg(sender.pid, signal.SIGKILL)  # … when the sender dies
        finally:
            sender.kill()
    notify_services.smtp.release.set()  # the server then refuses the half-sent message
    before = _statuses(engine)
    assert sorted(before.values()).count("sent") >= 2
    assert "sending" in before.values(), "the killed sender held claimed rows"

    for _ in range(60):  # restarted (as cron would) until the leases ran out and all went
        with _sender(settings, config) as restarted:
            _, errors = restarted.communicate(timeout=120)
        assert restarted.returncode == 0, errors.decode()
        if set(_statuses(engine).values()) == {"sent"}:
            break
        time.sleep(LEASE / 2)
    assert set(_statuses(engine).values()) == {"sent"}
    received = notify_services.smtp.counts() + notify_services.gateway.inbox.counts()
    assert received == {request_id(key): 1 for key in keys}
