"""The durable queue: claiming due rows under a lease, recording every attempt, retrying
with backoff and jitter, failing after the last attempt, and the per-channel rate limit.

A row is claimed (status sending, claimed_until = now + lease) in a short transaction, sent
outside any transaction, and finished in another short one. Claims skip rows another process
holds (SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL; on SQLite one writer at a time and a
conditional UPDATE). A row whose lease ran out (its process was killed) is claimed again: if
the kill fell after the server or gateway accepted the message and before the finishing
commit, that one message goes out twice; the window is the time between the acceptance and
that commit (milliseconds), and the same Message-ID / request id goes out both times.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from sync.server.config import NotifySettings
from sync.server.storage import db
from sync.server.storage import tables as t

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
INTERRUPTED = "发送中断（服务进程在发送时停止），已达最大尝试次数"


@dataclass(frozen=True)
class Claimed:
    """A row this process holds: what to send, where, and which attempt this is."""

    id: int
    dedupe_key: str
    channel: str
    address: str
    subject: str
    body: str
    attempts: int


def per_minute(notify: NotifySettings) -> dict[str, int]:
    """Return each channel's rate limit (messages a minute)."""
    return {"email": notify.email_per_minute, "sms": notify.sms_per_minute}


def _budget(connection: sa.Connection, channel: str, limit: int, now: datetime) -> int:
    """Return how many more messages `channel` may start now: attempts of the last minute and
    messages being sent by any process count."""
    a, q = t.notification_attempts.c, t.notification_queue.c
    tried = connection.execute(sa.select(sa.func.count()).where(
        a.channel == channel, a.at > now - timedelta(minutes=1))).scalar_one()
    flying = connection.execute(sa.select(sa.func.count()).where(
        q.channel == channel, q.status == SENDING, q.claimed_until > now)).scalar_one()
    return max(0, limit - int(tried) - int(flying))


def _due(channel: str, now: datetime) -> sa.ColumnElement[bool]:
    q = t.notification_queue.c
    return sa.and_(q.channel == channel, sa.or_(
        sa.and_(q.status == PENDING, q.next_attempt_at <= now),
        sa.and_(q.status == SENDING, q.claimed_until <= now)))


def claim(engine: sa.Engine, notify: NotifySettings, now: datetime) -> list[Claimed]:
    """Claim the due rows this process may send now (within each channel's rate)."""
    claimed: list[Claimed] = []
    with db.read(engine) as connection:
        # Most runs find nothing due: then no writing transaction is begun at all.
        due = [c for c in per_minute(notify) if connection.execute(
            sa.select(t.notification_queue.c.id).where(_due(c, now)).limit(1)).first()]
    for channel, limit in per_minute(notify).items():
        if channel not in due:
            continue
        with db.write(engine) as connection:
            # One claimer per channel at a time, so that the rate is counted once.
            db.insert_ignore(connection, t.notification_state,
                             {"key": f"rate:{channel}", "value": ""})
            c = t.notification_state.c
            connection.execute(sa.select(c.key).where(c.key == f"rate:{channel}")
                               .with_for_update())
            budget = min(notify.batch, _budget(connection, channel, limit, now))
            if budget > 0:
                claimed += _claim_rows(connection, channel, budget, notify, now)
    return sorted(claimed, key=lambda row: row.id)


def _claim_rows(connection: sa.Connection, channel: str, budget: int, notify: NotifySettings,
                now: datetime) -> list[Claimed]:
    q = t.notification_queue.c
    query = (sa.select(t.notification_queue).where(_due(channel, now))
             .order_by(q.next_attempt_at, q.id).limit(budget))
    if connection.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    found: list[Claimed] = []
    for row in connection.execute(query).all():
        if row.attempts >= notify.max_attempts:
            # Its last attempt was cut short by a killed process: nothing is known to be sent.
            _update(connection, row, status=FAILED, claimed_until=None, last_error=INTERRUPTED)
            continue
        values = {"status": SENDING, "attempts": row.attempts + 1,
                  "claimed_until": now + timedelta(seconds=notify.lease)}
        if _update(connection, row, **values):
            found.append(Claimed(row.id, row.dedupe_key, row.channel, row.address, row.subject,
                                 row.body, row.attempts + 1))
    return found


def _update(connection: sa.Connection, row: Any, **values: Any) -> bool:
    """Update a row still as it was read (status and attempts); return whether it was."""
    q = t.notification_queue.c
    done = connection.execute(sa.update(t.notification_queue).where(
        q.id == row.id, q.status == row.status, q.attempts == row.attempts).values(**values))
    return done.rowcount == 1


def backoff(notify: NotifySettings, attempts: int, rng: random.Random | None = None) -> float:
    """Return the seconds to wait after `attempts` failed attempts: doubling, capped, ±25 %."""
    base = min(notify.backoff_max, notify.backoff * 2 ** max(0, attempts - 1))
    return float(base * (rng or random).uniform(0.75, 1.25))


def finish(engine: sa.Engine, claimed: Claimed, notify: NotifySettings, now: datetime, *,
           error: str | None) -> str:
    """Record an attempt and its outcome; return the row's new status (the row is left alone
    if its lease ran out and another process claimed it meanwhile)."""
    q = t.notification_queue.c
    if error is None:
        values: Mapping[str, Any] = {"status": SENT, "sent_at": now, "claimed_until": None,
                                     "last_error": ""}
    elif claimed.attempts >= notify.max_attempts:
        values = {"status": FAILED, "claimed_until": None, "last_error": error[:500]}
    else:
        values = {"status": PENDING, "claimed_until": None, "last_error": error[:500],
                  "next_attempt_at": now + timedelta(
                      seconds=backoff(notify, claimed.attempts))}
    with db.write(engine) as connection:
        connection.execute(sa.insert(t.notification_attempts).values(
            queue_id=claimed.id, at=now, channel=claimed.channel, ok=error is None,
            detail=(error or "")[:500]))
        connection.execute(sa.update(t.notification_queue).where(
            q.id == claimed.id, q.status == SENDING, q.attempts == claimed.attempts)
            .values(**values))
    return str(values["status"])


def release(engine: sa.Engine, rows: Iterable[Claimed]) -> None:
    """Give back claimed rows that were not tried (the process is stopping): pending again,
    the attempt not counted."""
    q = t.notification_queue.c
    with db.write(engine) as connection:
        for row in rows:
            connection.execute(sa.update(t.notification_queue).where(
                q.id == row.id, q.status == SENDING, q.attempts == row.attempts).values(
                status=PENDING, attempts=row.attempts - 1, claimed_until=None))


# --- for the admin -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    """A failed message, for the admin."""

    id: int
    dedupe_key: str
    channel: str
    event: str
    person_id: str
    address: str
    attempts: int
    created_at: datetime
    last_error: str


def counts(connection: sa.Connection, since: datetime | None = None) -> dict[str, int]:
    """Return how many rows the queue holds in each status (created since `since`)."""
    q = t.notification_queue.c
    query = sa.select(q.status, sa.func.count()).group_by(q.status)
    if since is not None:
        query = query.where(q.created_at >= since)
    return {str(status): int(n) for status, n in connection.execute(query)}


def failures(connection: sa.Connection, since: datetime | None = None) -> list[Failure]:
    """Return every failed message (created since `since`), newest first."""
    q = t.notification_queue.c
    query = sa.select(t.notification_queue).where(q.status == FAILED).order_by(q.id.desc())
    if since is not None:
        query = query.where(q.created_at >= since)
    return [Failure(r.id, r.dedupe_key, r.channel, r.event, r.person_id, r.address, r.attempts,
                    db.as_utc(r.created_at), r.last_error) for r in connection.execute(query)]


def retried(connection: sa.Connection, since: datetime | None = None) -> list[Any]:
    """Return the pending rows that failed at least once (waiting for a retry)."""
    q = t.notification_queue.c
    query = sa.select(t.notification_queue).where(q.status == PENDING, q.attempts > 0)
    if since is not None:
        query = query.where(q.created_at >= since)
    return list(connection.execute(query.order_by(q.id)))
