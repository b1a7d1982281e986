"""Scheduled jobs: automatic urging of supervision items (自动催办), meeting reminders, and
the hourly signed checkpoint of the trace chains (留痕校验点).

Each due record is decided in its own transaction under its row lock, on a fresh read: a
second run (or a second server process running at the same moment) finds the urging or the
reminder already recorded and does nothing, and `apply_urging` refuses a duplicate anyway.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any, TypeVar

import sqlalchemy as sa

from officeapp.core.verdict import Accepted
from officeapp.errors import DomainError
from officeapp.meetings import (
    MeetingAction,
    MeetingActionKind,
    MeetingStatus,
    Reminder,
    decide_meeting,
    due_reminders,
)
from officeapp.meetings.codec import meeting_from_dict
from officeapp.org import Actor, Role
from officeapp.supervision import Urging, apply_urging, due_urgings
from officeapp.supervision.codec import item_from_dict
from officeapp.supervision.model import RUNNING, SYSTEM_NAME
from sync.server.mutations.meetings import run_effects
from sync.server.mutations.work import poke
from sync.server.settings import Settings
from sync.server.storage import changelog, db, meetings, supervision, tracechain
from sync.server.storage import tables as t
from sync.server.storage.pokes import Notifier
from sync.server.storage.records import Writes
from sync.server.storage.visibility import SYSTEM_PERSON

log = logging.getLogger("officeapp.server.jobs")

ATTEMPTS = 3
REMIND_NOTE = "系统自动提醒：会议即将召开，请尽快回执"
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class JobReport:
    """What one run did: the urgings recorded, the meetings reminded, the checkpoint signed."""

    urgings: tuple[Urging, ...] = ()
    reminders: tuple[Reminder, ...] = ()
    checkpoint: tracechain.Checkpoint | None = None

    def lines(self) -> list[str]:
        """Return a line per urging and reminder, for people."""
        found = [f"催办：{u.text}" for u in self.urgings]
        found += [f"提醒回执：{r.title}（{len(r.person_ids)}人、{len(r.unit_ids)}个单位未回执）"
                  for r in self.reminders]
        if self.checkpoint is not None:
            found.append(self.checkpoint.line())
        return found


def run_jobs(engine: sa.Engine, settings: Settings, notifier: Notifier,
             now: datetime | None = None) -> JobReport:
    """Record every automatic urging and meeting reminder due at `now` (the server clock)."""
    moment, lead = now or settings.clock(), settings.reminder_lead
    urged = [u for item_id in _items_to_urge(engine, moment)
             for u in _retrying(partial(_urge, engine, notifier, item_id, moment))]
    reminded = [r for meeting_id in _meetings_to_remind(engine, moment, lead)
                for r in _retrying(partial(_remind, engine, notifier, meeting_id, moment, lead))]
    return JobReport(tuple(urged), tuple(reminded), _checkpoint(engine, settings, moment))


def _checkpoint(engine: sa.Engine, settings: Settings,
                now: datetime) -> tracechain.Checkpoint | None:
    """Sign the trace chains if the last checkpoint is an hour old and they grew since; a
    key file that cannot be written is logged, and the other jobs still count."""
    try:
        return tracechain.checkpoint(engine, settings, now, due_after=tracechain.CHECKPOINT_EVERY)
    except OSError:
        log.exception("could not sign a trace checkpoint (the trace key in %s)",
                      tracechain.key_path(settings))
        return None


def _retrying(work: Callable[[], list[T]]) -> list[T]:
    """Run one record's transaction, again on a deadlock; a broken record is logged, skipped."""
    for attempt in range(ATTEMPTS):
        try:
            return work()
        except sa.exc.DBAPIError as error:
            if attempt + 1 == ATTEMPTS or not db.is_retryable(error):
                raise
        except DomainError as error:
            log.warning("scheduled job skipped a record: %s", error)
            return []
    return []


def _items_to_urge(engine: sa.Engine, now: datetime) -> list[str]:
    """Return the ids of running items with an urging due (read without locks)."""
    s = t.supervision_items.c
    query = sa.select(s.id, s.data).where(s.status.in_(sorted(str(x) for x in RUNNING)),
                                          s.deadline.is_not(None))
    return _due_ids(engine, query, item_from_dict, "supervision item %s is malformed; not urged",
                    lambda item: (u.item_id for u in due_urgings([item], now)))


def _due_ids(engine: sa.Engine, query: sa.Select[Any], decode: Callable[[Any], R],
             malformed: str, due: Callable[[R], Iterable[str]]) -> list[str]:
    """Return the ids `due` names among the records `query` reads; a malformed record is
    logged (`malformed` % its id) and skipped, so that it never stops the other jobs."""
    with db.read(engine) as connection:
        rows = connection.execute(query).all()
    found: set[str] = set()
    for row in rows:
        try:
            record = decode(row.data)
        except DomainError:
            log.warning(malformed, row.id)
            continue
        found.update(due(record))
    return sorted(found)


def _urge(engine: sa.Engine, notifier: Notifier, item_id: str, now: datetime) -> list[Urging]:
    """Record the urgings due for one item, decided again under its row lock."""
    writes = Writes()
    with db.write(engine) as connection:
        stored = supervision.load(connection, item_id, lock=True)
        if stored is None:
            return []
        item, applied = stored.record, []
        for urging in due_urgings([item], now):
            decision = apply_urging(item, urging)
            if isinstance(decision, Accepted):
                item = decision.record
                applied.append(urging)
                poke(writes, decision.effects)
        if not applied:
            return []
        supervision.save(connection, item, stored, now, writes, by=None)
        _commit(connection, notifier, writes, now)
    notifier.committed(writes.pokes)
    return applied


def _commit(connection: sa.Connection, notifier: Notifier, writes: Writes,
            now: datetime) -> None:
    changelog.append(connection, writes.changes, now)
    notifier.stage(connection, writes.pokes)


def _meetings_to_remind(engine: sa.Engine, now: datetime, lead: timedelta) -> list[str]:
    """Return the ids of notified meetings with a reminder due (read without locks)."""
    m = t.meetings.c
    query = sa.select(m.id, m.data).where(
        m.status == MeetingStatus.NOTIFIED.value, m.end_at > db.as_utc(now),
        m.start_at <= db.as_utc(now + lead))
    return _due_ids(engine, query, meeting_from_dict, "meeting %s is malformed; not reminded",
                    lambda meeting: (r.meeting_id for r in due_reminders([meeting], now,
                                                                         lead=lead)))


def system_actor(unit_id: str) -> Actor:
    """Return the actor the scheduler acts as: the system, with an admin's standing."""
    return Actor(person_id=SYSTEM_PERSON, name=SYSTEM_NAME, unit_id=unit_id,
                 unit_path=(unit_id,), roles=frozenset({Role.ADMIN}))


def _remind(engine: sa.Engine, notifier: Notifier, meeting_id: str, now: datetime,
            lead: timedelta) -> list[Reminder]:
    """Remind one meeting's silent invitations, decided again under its row lock."""
    writes = Writes()
    with db.write(engine) as connection:
        stored = meetings.load(connection, meeting_id, lock=True)
        if stored is None:
            return []
        due = due_reminders([stored.record], now, lead=lead)
        if not due:
            return []
        meeting = stored.record
        action = MeetingAction(MeetingActionKind.REMIND, reason=REMIND_NOTE)
        decision = decide_meeting(meeting, system_actor(meeting.organiser_unit_id), action, now)
        if not isinstance(decision, Accepted):
            return []
        meetings.save(connection, decision.record, stored, now, writes, by=None)
        run_effects(connection, decision.effects, system_actor(
            meeting.organiser_unit_id), now, writes)
        _commit(connection, notifier, writes, now)
    notifier.committed(writes.pokes)
    return list(due)


async def run_periodically(engine: sa.Engine, settings: Settings, notifier: Notifier) -> None:
    """Run the jobs now and then every `settings.jobs_interval` seconds, until cancelled."""
    while True:
        run = asyncio.ensure_future(asyncio.to_thread(run_jobs, engine, settings, notifier))
        try:
            report = await asyncio.shield(run)
        except asyncio.CancelledError:
            # Let a run in progress finish its transaction before the engine is closed.
            with suppress(Exception):
                await run
            raise
        except Exception:
            # A database outage must not end the loop: the next run catches up.
            log.exception("scheduled jobs failed; trying again at the next interval")
        else:
            for line in report.lines():
                log.info("%s", line)
        await asyncio.sleep(settings.jobs_interval)
