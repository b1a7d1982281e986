"""离职交接 on the server: the open work of people who left, and moving it to a successor.

What counts as open work, and how it moves, is `officeapp.handover`. Here it is found in the
tables and saved: each record in its own transaction under its row lock, decided again on a
fresh read (as `jobs.py` does), through the kinds' own save functions, so that the trace
chain, the change log, the scopes (a successor may now see a record they could not) and the
pokes are those of any other save. A second run finds nothing left to move.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from officeapp.errors import DomainError, Rejection, ValidationError
from officeapp.handover import (
    NOTHING,
    Handover,
    document_pending,
    hand_over_document,
    hand_over_item,
    hand_over_meeting,
    item_pending,
    meeting_pending,
    plan_handover,
)
from officeapp.meetings import MeetingStatus
from officeapp.meetings.codec import meeting_from_dict
from officeapp.org import Person
from officeapp.supervision.codec import item_from_dict
from officeapp.supervision.model import Status as ItemStatus
from officeapp.workflow import Notify
from officeapp.workflow.codec import document_from_dict
from sync.server.settings import Settings
from sync.server.storage import changelog, db, documents, meetings, supervision
from sync.server.storage import tables as t
from sync.server.storage.directory import load_organisation, person_from_row
from sync.server.storage.pokes import CHANNEL, Notifier, encode
from sync.server.storage.records import Writes
from sync.server.storage.visibility import notify_scopes, person_scope

log = logging.getLogger("officeapp.server.handover")

DOCUMENT, MEETING, SUPERVISION = "document", "meeting", "supervision"
KINDS: tuple[str, ...] = (DOCUMENT, MEETING, SUPERVISION)
KIND_NAMES = {DOCUMENT: "公文", MEETING: "会议", SUPERVISION: "督办"}
ATTEMPTS = 3
_PEOPLE_PER_QUERY = 100


@dataclass(frozen=True)
class OpenItem:
    """One record with work that waits for a person: what waits, and by when."""

    kind: str
    record_id: str
    title: str
    pending: tuple[str, ...]
    deadline: datetime | None = None

    def line(self) -> str:
        """Return the item as one line for people."""
        due = f"  期限 {self.deadline:%Y-%m-%d %H:%M}" if self.deadline is not None else ""
        return (f"{KIND_NAMES[self.kind]}  《{self.title}》  {'、'.join(self.pending)}{due}"
                f"  （{self.record_id}）")


# --- finding open work -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    """A candidate record decoded, with its title and deadline."""

    kind: str
    record_id: str
    record: Any
    title: str
    deadline: datetime | None


def _named_any(table: sa.Table, person_ids: Sequence[str]) -> sa.ColumnElement[bool]:
    """Return a test that a record's scopes name one of these people (as a personal holder,
    reader or anyone on its trace: a superset of their open documents)."""
    text = sa.cast(table.c.scopes, sa.Text)
    return sa.or_(*(text.contains(f'"{person_scope(p)}"', autoescape=True)
                    for p in person_ids))


def _documents(connection: sa.Connection, person_ids: Sequence[str]) -> Iterator[_Found]:
    d = t.documents.c
    for start in range(0, len(person_ids), _PEOPLE_PER_QUERY):
        part = person_ids[start:start + _PEOPLE_PER_QUERY]
        rows = connection.execute(sa.select(d.id, d.data).where(_named_any(t.documents, part))
                                  .order_by(d.id))
        for row in rows:
            doc = _decoded(DOCUMENT, row.id, document_from_dict, row.data)
            if doc is not None:
                yield _Found(DOCUMENT, doc.id, doc, doc.title, doc.deadline)


def _meetings(connection: sa.Connection, now: datetime) -> Iterator[_Found]:
    m = t.meetings.c
    waiting = sa.or_(sa.and_(m.status.in_((MeetingStatus.DRAFT.value,
                                            MeetingStatus.NOTIFIED.value)),
                             m.end_at > db.as_utc(now)),
                     m.status == MeetingStatus.HELD.value)
    for row in connection.execute(sa.select(m.id, m.data).where(waiting).order_by(m.id)):
        meeting = _decoded(MEETING, row.id, meeting_from_dict, row.data)
        if meeting is not None:
            yield _Found(MEETING, meeting.id, meeting, meeting.title, meeting.start)


def _items(connection: sa.Connection) -> Iterator[_Found]:
    s = t.supervision_items.c
    statuses = (ItemStatus.DRAFT.value, ItemStatus.PENDING_APPROVAL.value)
    for row in connection.execute(sa.select(s.id, s.data).where(s.status.in_(statuses))
                                  .order_by(s.id)):
        item = _decoded(SUPERVISION, row.id, item_from_dict, row.data)
        if item is not None:
            yield _Found(SUPERVISION, item.id, item, item.title, item.deadline)


def _decoded(kind: str, record_id: str, decode: Callable[[Any], Any], data: Any) -> Any:
    try:
        return decode(data)
    except DomainError:
        log.warning("%s %s is malformed; left out of open work", kind, record_id)
        return None


def _candidates(connection: sa.Connection, person_ids: Sequence[str],
                now: datetime) -> Iterator[_Found]:
    yield from _documents(connection, person_ids)
    yield from _meetings(connection, now)
    yield from _items(connection)


def _pending(found: _Found, person_id: str, now: datetime) -> tuple[str, ...]:
    """Return what of a candidate waits for the person (officeapp.handover)."""
    if found.kind == DOCUMENT:
        return document_pending(found.record, person_id)
    if found.kind == MEETING:
        return meeting_pending(found.record, person_id, now)
    return item_pending(found.record, person_id)


def open_work(connection: sa.Connection, person_id: str, *,
              now: datetime | None = None) -> list[OpenItem]:
    """Return every record with work that waits for the person, documents first."""
    moment = now or datetime.now(UTC)
    found: list[OpenItem] = []
    for candidate in _candidates(connection, [person_id], moment):
        pending = _pending(candidate, person_id, moment)
        if pending:
            found.append(OpenItem(candidate.kind, candidate.record_id, candidate.title,
                                  pending, candidate.deadline))
    return found


def open_work_counts(connection: sa.Connection, person_ids: Iterable[str], *,
                     now: datetime | None = None) -> dict[str, int]:
    """Return how many records wait for each of these people (0 for none)."""
    moment = now or datetime.now(UTC)
    people = sorted(set(person_ids))
    counts = dict.fromkeys(people, 0)
    for candidate in _candidates(connection, people, moment):
        for person_id in people:
            if _pending(candidate, person_id, moment):
                counts[person_id] += 1
    return counts


def left_people(connection: sa.Connection) -> list[tuple[Person, datetime | None]]:
    """Return every person whose account is stopped, with when they left, by username."""
    p = t.people.c
    rows = connection.execute(sa.select(*(c for c in t.people.c if c.name != "password_hash"))
                              .where(p.active.is_(False)).order_by(p.username))
    return [(person_from_row(row), None if row.left_at is None else db.as_utc(row.left_at))
            for row in rows]


def person_by_username(connection: sa.Connection, username: str) -> Person:
    """Return the person with this username, or raise `org.unknown_username`."""
    p = t.people.c
    row = connection.execute(sa.select(*(c for c in t.people.c if c.name != "password_hash"))
                             .where(p.username == username)).first()
    if row is None:
        raise ValidationError("org.unknown_username", f"用户名不存在：{username}",
                              username=username)
    return person_from_row(row)


# --- handing over ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Refusal:
    """A record whose open work could not be handed over, and why."""

    item: OpenItem
    rejection: Rejection

    def line(self) -> str:
        """Return the refusal as one line for people."""
        return f"{self.item.line()}：{self.rejection.message}"


@dataclass(frozen=True)
class HandoverReport:
    """What a handover moved (or would move, on a dry run) and what it could not."""

    leaver: Person
    successor: Person
    dry_run: bool = False
    moved: tuple[OpenItem, ...] = ()
    refused: tuple[Refusal, ...] = ()

    def lines(self) -> list[str]:
        """Return the report in Chinese, a line per record."""
        verb = "将移交" if self.dry_run else "已移交"
        head = f"{self.leaver.name}（{self.leaver.username}）→ {self.successor.name}" \
               f"（{self.successor.username}）"
        if not self.moved and not self.refused:
            return [f"{head}：没有需要移交的待办"]
        lines = [f"{head}：{verb} {len(self.moved)} 项" + (
            f"，{len(self.refused)} 项不能移交" if self.refused else "")]
        lines += [f"  {verb}：{item.line()}" for item in self.moved]
        lines += [f"  不能移交：{refusal.line()}" for refusal in self.refused]
        if self.dry_run:
            lines.append("（试运行，未做任何修改）")
        return lines


@dataclass
class _Run:
    """One handover in progress."""

    engine: sa.Engine
    notifier: Notifier | None
    handover: Handover
    now: datetime
    dry_run: bool
    moved: list[OpenItem] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)


def hand_over(engine: sa.Engine, settings: Settings, notifier: Notifier | None, *,
              leaver_id: str, successor_id: str, kinds: Iterable[str] = KINDS,
              record_ids: Iterable[str] | None = None, admin_name: str = "",
              admin_id: str = "", allow_other_unit: bool = False,
              dry_run: bool = False) -> HandoverReport:
    """Move the open work of `leaver_id` (of these kinds, or only these records) to
    `successor_id`; refuse the whole handover if the people do not fit (officeapp.handover).

    `notifier` None (a command in its own process): PostgreSQL's NOTIFY still wakes the
    servers' event streams; on SQLite clients see the change at their next pull.
    """
    now = settings.clock()
    wanted_kinds = frozenset(kinds)
    unknown = sorted(wanted_kinds - set(KINDS))
    if unknown:
        raise ValidationError("handover.unknown_kind", f"未知的记录类型：{'、'.join(unknown)}",
                              kinds=unknown)
    with db.read(engine) as connection:
        handover = plan_handover(load_organisation(connection), leaver_id=leaver_id,
                                 successor_id=successor_id, admin_name=admin_name,
                                 admin_id=admin_id, allow_other_unit=allow_other_unit)
        items = [i for i in open_work(connection, leaver_id, now=now) if i.kind in wanted_kinds]
    if record_ids is not None:
        items = _only(items, list(record_ids))
    run = _Run(engine, notifier, handover, now, dry_run)
    for item in items:
        _retrying(run, item)
    return HandoverReport(handover.leaver, handover.successor, dry_run, tuple(run.moved),
                          tuple(run.refused))


def _only(items: list[OpenItem], record_ids: list[str]) -> list[OpenItem]:
    """Return the items of these records; a record without open work is refused up front."""
    missing = sorted(set(record_ids) - {i.record_id for i in items})
    if missing:
        raise ValidationError("handover.not_open_work",
                              f"这些记录没有该人员的待办：{'、'.join(missing)}",
                              record_ids=missing)
    return [i for i in items if i.record_id in set(record_ids)]


def _retrying(run: _Run, item: OpenItem) -> None:
    """Hand over one record in its own transaction, again on a deadlock."""
    for attempt in range(ATTEMPTS):
        try:
            _one(run, item)
            return
        except sa.exc.DBAPIError as error:
            if attempt + 1 == ATTEMPTS or not db.is_retryable(error):
                raise


def _one(run: _Run, item: OpenItem) -> None:
    """Decide one record again under its row lock and save it, unless it is a dry run."""
    writes = Writes()
    opened = db.read(run.engine) if run.dry_run else db.write(run.engine)
    with opened as connection:
        refused = _decide(connection, run, item, writes)
        if refused is not None:
            # Moved meanwhile (a concurrent run): nothing is left, and nothing is refused.
            if refused.code != NOTHING:
                run.refused.append(Refusal(item, refused))
            return
        run.moved.append(item)
        if run.dry_run:
            return
        changelog.append(connection, writes.changes, run.now)
        _stage(run, connection, writes.pokes)
    if run.notifier is not None:
        run.notifier.committed(writes.pokes)


def _stage(run: _Run, connection: sa.Connection, scopes: set[str]) -> None:
    if run.notifier is not None:
        run.notifier.stage(connection, scopes)
    elif connection.dialect.name == "postgresql":
        connection.execute(sa.select(sa.func.pg_notify(CHANNEL, encode(scopes))))


@dataclass(frozen=True)
class _Kind:
    """How one kind of record is loaded, handed over and saved."""

    load: Callable[..., Any]
    record: Callable[[Any], Any]  # the record of what `load` returned
    rule: Callable[[Any, Handover, datetime], Any]
    result: Callable[[Any], Any]  # the new record of an accepted outcome
    save: Callable[..., None]


_KINDS: dict[str, _Kind] = {
    DOCUMENT: _Kind(documents.load, lambda s: s.record, hand_over_document,
                    lambda d: d.record, documents.save),
    MEETING: _Kind(meetings.load, lambda s: s.record, hand_over_meeting,
                   lambda d: d.record, meetings.save),
    SUPERVISION: _Kind(supervision.load, lambda s: s.record, hand_over_item,
                       lambda d: d.record, supervision.save),
}


def _decide(connection: sa.Connection, run: _Run, item: OpenItem,
            writes: Writes) -> Rejection | None:
    """Apply the rule to the record (locked when writing) and save it, or say why not."""
    kind = _KINDS[item.kind]
    stored = kind.load(connection, item.record_id, lock=not run.dry_run)
    if stored is None:
        return Rejection(NOTHING, "记录已不存在", {"record_id": item.record_id})
    outcome: Any = kind.rule(kind.record(stored), run.handover, run.now)
    if not outcome.ok:  # every kind's decisions say `ok`
        rejection: Rejection = outcome.rejection
        return rejection
    if not run.dry_run:
        # by=None: the server's own save; nobody names a new attachment in a handover.
        kind.save(connection, kind.result(outcome), stored, run.now, writes, by=None)
        _poke(writes, outcome.effects)
    return None


def _poke(writes: Writes, effects: Iterable[object]) -> None:
    for effect in effects:
        if isinstance(effect, Notify):
            writes.pokes |= notify_scopes(effect)
