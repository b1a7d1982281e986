"""Notification events, derived from what the server already records, never from a push.

`scan` reads the change log from the cursor kept in notification_state
('changes_read_through'), looks at each record put (document, meeting, supervision item) and
at its trace entries, and adds the time-based events (督办 items due soon or overdue, the daily
digest). Events are computed on a read snapshot; the queue rows are inserted and the cursor
advanced in one short writing transaction, so a push never waits on a scan.

Every event has a stable key (kind:record:trace entry:…); the queue row of a person and a
channel is keyed `<event key>:<person>:<channel>` (unique), so running the scan twice, or in
two processes at once, never queues one message twice.

Which trace entries are new: the change log keeps only the latest put of a record, so the
cursor alone cannot say which entries of that put were already seen. An entry counts when the
server accepted it (`at`, the server's time) no earlier than the last change read before
(`changes_read_at`) less `MARGIN`, which covers a transaction that began before that change
and committed after it; entries seen twice within the margin produce the same keys.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from officeapp.clock import local
from officeapp.documents import Urgency
from officeapp.errors import DomainError
from officeapp.meetings import AttendeeKind, Meeting, MeetingActionKind, MeetingStatus
from officeapp.meetings.attendance import UNIT_REPLIERS, pending_replies
from officeapp.meetings.codec import meeting_from_dict
from officeapp.org import Organisation, Person, Role
from officeapp.supervision import ActionKind as SupervisionActionKind
from officeapp.supervision import SupervisionItem
from officeapp.supervision.codec import item_from_dict
from officeapp.supervision.model import RUNNING, UNIT_ROLES
from officeapp.workflow import ActionKind, Document, Holder
from officeapp.workflow.codec import document_from_dict
from officeapp.workflow.engine import current_step, pending_holders
from sync.server.config import Integrations
from sync.server.notify import texts
from sync.server.notify.texts import SIGNATURE, day_text, document_label, fit, moment_text
from sync.server.storage import db
from sync.server.storage import tables as t
from sync.server.storage.directory import load_organisation

log = logging.getLogger("officeapp.server.notify")

CURSOR = "changes_read_through"
CURSOR_AT = "changes_read_at"
DIGEST_DAY = "digest_day"
MARGIN = timedelta(minutes=10)
BATCH = 500
DIGEST = "digest"
PENDING = "pending"
# Entries that hand a document to someone (its current holders arrived with the last one).
_HANDING = frozenset({ActionKind.CREATE, ActionKind.DELEGATE, ActionKind.ADD_SIGNER})


@dataclass(frozen=True)
class Event:
    """Something to tell some people: a stable key, the event name, and the texts."""

    key: str
    event: str  # a NotificationEvent, or "digest"
    person_ids: tuple[str, ...]
    subject: str
    sms: str
    email: str


@dataclass
class ScanReport:
    """What one scan did: change-log rows read, events found, queue rows added."""

    changes: int = 0
    events: int = 0
    queued: int = 0
    lines: list[str] = field(default_factory=list)


# --- who must act ----------------------------------------------------------------------------


class People:
    """The directory as notifications need it: active people, pools expanded to people."""

    def __init__(self, org: Organisation) -> None:
        self.org = org
        self.by_unit: dict[str, list[Person]] = defaultdict(list)
        for person in org.people.values():
            if person.active:
                self.by_unit[person.unit_id].append(person)

    def pool(self, unit_id: str, roles: Iterable[Role]) -> list[str]:
        """Return who takes a unit's pool: its own people with one of `roles` (any role if
        none is named), else such people of its sub-units."""
        wanted = frozenset(roles)
        found = [p.id for p in self.by_unit.get(unit_id, ()) if _fits(p, wanted)]
        if found:
            return found
        return [p.id for p in self.org.people.values() if p.active and _fits(p, wanted)
                and p.unit_id in self.org.units and unit_id in self.org.unit_path(p.unit_id)]

    def holders(self, holders: Iterable[Holder]) -> list[str]:
        """Return the people behind holders: the named person, or the pool's people."""
        found: list[str] = []
        for holder in holders:
            found += [holder.person_id] if holder.person_id else self.pool(
                holder.unit_id, holder.roles)
        return found


def _fits(person: Person, roles: frozenset[Role]) -> bool:
    return not roles or bool(person.roles & roles)


def _unique(ids: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in ids if i and i != "system"))


# --- documents -------------------------------------------------------------------------------


def _arrival(doc: Document) -> int:
    """Return the seq of the trace entry that brought the document to its current step."""
    for entry in reversed(doc.trace):
        if entry.target_step == doc.step or entry.action is ActionKind.CREATE:
            return entry.seq
    return 0


def document_events(doc: Document, new: list[Any], people: People) -> Iterator[Event]:
    """Yield the events of a document's new trace entries: 特急 reaching 待办, 催办."""
    # Whoever acted knows already: the drafter of a new 特急 draft, the person who urged.
    if doc.urgency is Urgency.EXTRA_URGENT and any(
            e.target_step or e.action in _HANDING for e in new):
        arrival = _arrival(doc)
        by = {e.actor_id for e in doc.trace if e.seq == arrival}
        yield _urgent(doc, f"step{arrival}", _without(_holders(doc, people), by))
    for entry in new:
        if doc.urgency is Urgency.EXTRA_URGENT and entry.action is ActionKind.CIRCULATE:
            readers = [c.person_id for c in doc.circulations
                       if c.read_at is None and c.sent_at == entry.at]
            yield _urgent(doc, f"circ{entry.seq}", _without(readers, {entry.actor_id}))
        if entry.action is ActionKind.URGE:
            yield _document_urging(doc, entry.seq, entry.actor_name,
                                   _without(_holders(doc, people), {entry.actor_id}))


def _holders(doc: Document, people: People) -> list[str]:
    """Return who must act on a document now (a pool that excludes the drafter, without
    the drafter)."""
    found: list[str] = []
    try:
        excludes_creator = current_step(doc).excludes_creator
    except (DomainError, KeyError, ValueError):
        excludes_creator = False
    for holder in pending_holders(doc):
        if holder.person_id:
            found.append(holder.person_id)
        else:
            found += [p for p in people.pool(holder.unit_id, holder.roles)
                      if not (excludes_creator and p == doc.created_by)]
    return found


def _without(people: Iterable[str], excluded: set[str]) -> list[str]:
    return [p for p in people if p not in excluded]


def _step_label(doc: Document) -> str:
    try:
        return current_step(doc).label
    except (DomainError, KeyError, ValueError):
        return doc.step


def _deadline(doc: Document) -> str:
    return f"，限{moment_text(doc.deadline)}前办理" if doc.deadline else ""


def _urgent(doc: Document, where: str, people: Iterable[str]) -> Event:
    step, due = _step_label(doc), _deadline(doc)
    sms = fit(lambda title: f"{SIGNATURE}特急公文{document_label(doc, title)}待您办理"
                            f"（{step}）{due}，请尽快登录处理。", doc.title)
    label = document_label(doc)
    body = (f"特急公文 {label} 已到达您的待办（{step}）{due}。\n"
            "请尽快登录协同办公办理。本通知不含公文内容。")
    return Event(f"urgent_document:{doc.id}:{where}", "urgent_document", _unique(people),
                 f"[协同办公] 特急公文待办：{label}", sms, body)


def _document_urging(doc: Document, seq: int, by: str, people: Iterable[str]) -> Event:
    step, due = _step_label(doc), _deadline(doc)
    sms = fit(lambda title: f"{SIGNATURE}{by}催办{document_label(doc, title)}（{step}）{due}"
                            "，请尽快办理。", doc.title)
    label = document_label(doc)
    body = f"{by}催办公文 {label}（当前环节：{step}）{due}。\n请尽快登录协同办公办理。"
    return Event(f"urging:document:{doc.id}:{seq}", "urging", _unique(people),
                 f"[协同办公] 催办：{label}", sms, body)


# --- meetings --------------------------------------------------------------------------------


def _invited(meeting: Meeting, people: People) -> list[str]:
    found = [p for p in (meeting.host_id, meeting.recorder_id) if p]
    for attendee in (*meeting.attendees, *meeting.sit_in):
        found += ([attendee.id] if attendee.kind is AttendeeKind.PERSON
                  else people.pool(attendee.id, UNIT_REPLIERS))
    return found


def _place(meeting: Meeting, rooms: Mapping[str, str]) -> str:
    return rooms.get(meeting.room_id or "", "") or meeting.location


def meeting_events(meeting: Meeting, new: list[Any], people: People,
                   rooms: Mapping[str, str], now: datetime) -> Iterator[Event]:
    """Yield the events of a meeting's new trace entries: notice, change, cancel, reminder
    (not to whoever sent them)."""
    if meeting.start <= now:
        return
    actors = {e.seq: e.actor_id for e in new}
    for event in _meeting_events(meeting, new, people, rooms):
        by = actors.get(int(event.key.rsplit(":", 1)[1]))
        yield replace(event, person_ids=tuple(p for p in event.person_ids if p != by))


def _meeting_events(meeting: Meeting, new: list[Any], people: People,
                    rooms: Mapping[str, str]) -> Iterator[Event]:
    noticed = any(e.action is MeetingActionKind.SEND_NOTICE for e in meeting.trace)
    for entry in new:
        kind = entry.action
        if kind is MeetingActionKind.SEND_NOTICE:
            yield _meeting(meeting, entry.seq, "会议通知", "请登录回执。",
                           _invited(meeting, people), rooms)
        elif kind is MeetingActionKind.EDIT and entry.details.get("changed"):
            before = entry.details["changed"].get("attendees", [[]])[0] or []
            earlier = [i for i in before if i in people.org.people]
            earlier += [p for u in before if u in people.org.units
                        for p in people.pool(u, UNIT_REPLIERS)]
            yield _meeting(meeting, entry.seq, "会议变更", "请登录查看并回执。",
                           [*_invited(meeting, people), *earlier], rooms)
        elif kind is MeetingActionKind.CANCEL and noticed:
            yield _meeting(meeting, entry.seq, "会议取消", "原定会议不再召开。",
                           _invited(meeting, people), rooms)
        elif kind is MeetingActionKind.REMIND:
            waiting = pending_replies(meeting)
            who = [a.id for a in waiting if a.kind is AttendeeKind.PERSON]
            who += [p for a in waiting if a.kind is AttendeeKind.UNIT
                    for p in people.pool(a.id, UNIT_REPLIERS)]
            yield _meeting(meeting, entry.seq, "请尽快回执", "尚未回执，请登录回执。", who, rooms)


def _meeting(meeting: Meeting, seq: int, what: str, ask: str, who: Iterable[str],
             rooms: Mapping[str, str]) -> Event:
    when, place = moment_text(meeting.start), _place(meeting, rooms)
    where = f"，{place}" if place else ""
    full = f"{SIGNATURE}{what}：{meeting.title}，{when}{where}。{ask}"
    if len(full) > texts.SMS_LENGTH:
        where = ""  # the title and the time matter more than the place
    sms = fit(lambda title: f"{SIGNATURE}{what}：{title}，{when}{where}。{ask}", meeting.title)
    body = f"{what}：{meeting.title}\n时间：{when}\n地点：{place or '见会议通知'}\n{ask}"
    return Event(f"meeting:{meeting.id}:{seq}", "meeting", _unique(who),
                 f"[协同办公] {what}：{meeting.title}", sms, body)


# --- supervision -----------------------------------------------------------------------------


def _handlers(item: SupervisionItem, people: People) -> list[str]:
    lead = people.pool(item.lead_unit_id, UNIT_ROLES) if item.lead_unit_id else []
    return [*lead, *([item.received_by] if item.received_by else [])]


def _due_text(item: SupervisionItem) -> str:
    return f"，办理期限{day_text(item.deadline)}" if item.deadline else ""


def supervision_events(item: SupervisionItem, new: list[Any], people: People) -> Iterator[Event]:
    """Yield the events of an item's new trace entries: 催办 (by hand or automatic)."""
    for entry in new:
        if entry.action is not SupervisionActionKind.URGE or item.status not in RUNNING:
            continue
        due = _due_text(item)
        sms = fit(lambda title: f"{SIGNATURE}督办催办：{title}{_due_text(item)}，"
                                "请抓紧办理并反馈进度。", item.title)
        body = f"督办事项《{item.title}》被催办{due}。\n请抓紧办理，并在协同办公中反馈进度。"
        yield Event(f"urging:supervision:{item.id}:{entry.seq}", "urging",
                    _unique(_handlers(item, people)), f"[协同办公] 督办催办：{item.title}", sms,
                    body)


def deadline_event(item: SupervisionItem, people: People, now: datetime,
                   soon: timedelta) -> Event | None:
    """Return the due-soon or overdue event of a running item, or None."""
    deadline = item.deadline
    if deadline is None or item.status not in RUNNING:
        return None
    if now > deadline:
        state, what = "overdue", f"已超过办理期限（{day_text(deadline)}）"
    elif soon > timedelta() and deadline - now <= soon:
        state, what = "soon", f"将于{day_text(deadline)}到期"
    else:
        return None
    sms = fit(lambda title: f"{SIGNATURE}督办事项《{title}》{what}，请按时办结并反馈进度。",
              item.title)
    body = f"督办事项《{item.title}》{what}。\n请按时办结，并在协同办公中反馈进度。"
    stamp = db.as_utc(deadline).strftime("%Y%m%dT%H%M%S")
    return Event(f"supervision_due:{item.id}:{stamp}:{state}", "supervision_due",
                 _unique(_handlers(item, people)), f"[协同办公] 督办事项{what}：{item.title}",
                 sms, body)


# --- reading the change log ------------------------------------------------------------------


def _state(connection: sa.Connection, key: str) -> str | None:
    c = t.notification_state.c
    return connection.execute(sa.select(c.value).where(c.key == key)).scalar_one_or_none()


def _rooms(connection: sa.Connection) -> dict[str, str]:
    return {row.id: row.name for row in connection.execute(sa.select(t.rooms.c.id, t.rooms.c.name))}


def _boundary(stored: str | None, rows: Sequence[Any]) -> datetime:
    if stored:
        return datetime.fromisoformat(stored) - MARGIN
    # Never read before (a fresh upgrade): what the first put carries is history.
    return db.as_utc(rows[0].created_at) - MARGIN


def _record_events(row: Any, boundary: datetime, people: People, rooms: Mapping[str, str],
                   now: datetime) -> Iterator[Event]:
    def fresh(trace: Iterable[Any]) -> list[Any]:
        return [e for e in trace if db.as_utc(e.at) >= boundary]

    if row.kind == "document":
        doc = document_from_dict(row.payload)
        yield from document_events(doc, fresh(doc.trace), people)
    elif row.kind == "meeting":
        meeting = meeting_from_dict(row.payload)
        yield from meeting_events(meeting, fresh(meeting.trace), people, rooms, now)
    elif row.kind == "supervision":
        item = item_from_dict(row.payload)
        yield from supervision_events(item, fresh(item.trace), people)


def change_events(connection: sa.Connection, now: datetime,
                  limit: int = BATCH) -> tuple[list[Event], int, str | None, int]:
    """Return the events of the change log after the cursor (one batch), the seq and time
    read through, and how many rows were read."""
    cursor = int(_state(connection, CURSOR) or 0)
    c = t.changes.c
    rows = connection.execute(
        sa.select(c.seq, c.kind, c.op, c.entity_id, c.payload, c.created_at)
        .where(c.seq > cursor).order_by(c.seq).limit(limit)).all()
    if not rows:
        return [], cursor, None, 0
    boundary = _boundary(_state(connection, CURSOR_AT), rows)
    people, rooms = People(load_organisation(connection)), _rooms(connection)
    found: list[Event] = []
    for row in rows:
        if row.op != "put" or row.kind not in ("document", "meeting", "supervision"):
            continue
        try:
            found += _record_events(row, boundary, people, rooms, now)
        except DomainError as error:
            log.warning("notifications skipped %s %s: %s", row.kind, row.entity_id, error)
    read_at = max(db.as_utc(r.created_at) for r in rows)
    return found, int(rows[-1].seq), read_at.isoformat(), len(rows)


def deadline_events(connection: sa.Connection, now: datetime, soon: timedelta) -> list[Event]:
    """Return the due-soon and overdue events of every running item with a deadline."""
    s = t.supervision_items.c
    rows = connection.execute(sa.select(s.id, s.data).where(
        s.status.in_(sorted(str(x) for x in RUNNING)), s.deadline.is_not(None),
        s.deadline <= db.as_utc(now + soon))).all()
    if not rows:
        return []
    people = People(load_organisation(connection))
    found: list[Event] = []
    for row in rows:
        try:
            event = deadline_event(item_from_dict(row.data), people, now, soon)
        except DomainError:
            log.warning("supervision item %s is malformed; not notified", row.id)
            continue
        if event is not None:
            found.append(event)
    return found


# --- the daily digest ------------------------------------------------------------------------


def digest_day(now: datetime, hour: int) -> str | None:
    """Return the day (Beijing time, ISO) whose digest is due at `now`, or None before `hour`."""
    at = local(now)
    return at.date().isoformat() if at.hour >= hour else None


def digest_events(connection: sa.Connection, now: datetime, day: str) -> list[Event]:
    """Return one digest per person who chose it (and has open items): their 待办 documents,
    the meetings awaiting their reply, the running 督办 items of their unit."""
    p = t.notification_prefs.c
    chosen = [row.person_id for row in connection.execute(
        sa.select(p.person_id).where(p.digest.is_(True), p.email != ""))]
    if not chosen:
        return []
    people = People(load_organisation(connection))
    open_items: dict[str, list[str]] = defaultdict(list)
    wanted = set(chosen)
    for person, line in _open_lines(connection, people, now):
        if person in wanted:
            open_items[person].append(line)
    return [_digest(person, day, open_items[person]) for person in chosen if open_items[person]]


def _open_lines(connection: sa.Connection, people: People,
                now: datetime) -> Iterator[tuple[str, str]]:
    d = t.documents.c
    for row in connection.execute(sa.select(d.id, d.data)):
        holders = [h for h in (row.data.get("holders") or []) if not h.get("done")]
        if not holders:
            continue
        doc = _decoded(document_from_dict, row.data)
        if doc is None:
            continue
        for person in _unique(_holders(doc, people)):
            urgency = "" if doc.urgency is Urgency.NORMAL else f"【{doc.urgency.value}】"
            yield person, f"待办公文{urgency}：{document_label(doc)}（{_step_label(doc)}）"
    m = t.meetings.c
    for row in connection.execute(sa.select(m.id, m.data).where(
            m.status == MeetingStatus.NOTIFIED.value, m.start_at > db.as_utc(now))):
        meeting = _decoded(meeting_from_dict, row.data)
        if meeting is None:
            continue
        for attendee in pending_replies(meeting):
            who = ([attendee.id] if attendee.kind is AttendeeKind.PERSON
                   else people.pool(attendee.id, UNIT_REPLIERS))
            for person in who:
                yield person, f"待回执会议：{meeting.title}（{moment_text(meeting.start)}）"
    s = t.supervision_items.c
    for row in connection.execute(sa.select(s.id, s.data).where(
            s.status.in_(sorted(str(x) for x in RUNNING)))):
        item = _decoded(item_from_dict, row.data)
        if item is None:
            continue
        for person in _unique(_handlers(item, people)):
            yield person, f"督办事项：{item.title}{_due_text(item)}"


def _decoded(decode: Any, data: Any) -> Any:
    try:
        return decode(data)
    except DomainError:
        return None


def _digest(person: str, day: str, lines: list[str]) -> Event:
    shown = lines[:50]
    more = [f"……另有{len(lines) - len(shown)}项"] if len(lines) > len(shown) else []
    body = "\n".join([f"您在协同办公中有{len(lines)}项待处理事项：", *shown, *more,
                      "请登录协同办公办理。"])
    sms = f"{SIGNATURE}您有{len(lines)}项待处理事项，请登录协同办公办理。"
    return Event(f"digest:{day}", DIGEST, (person,),
                 f"[协同办公] 每日摘要（{day}）：{len(lines)}项待处理", sms, body)


# --- queueing --------------------------------------------------------------------------------


def available(integrations: Integrations) -> list[str]:
    """Return the channels this server can send on (its service is configured)."""
    return [name for name, service in (("email", integrations.smtp), ("sms", integrations.sms))
            if service is not None]


@dataclass(frozen=True)
class Recipient:
    """An active person's notification choice."""

    email: str
    phone: str
    events: Mapping[str, list[str]]
    digest: bool


def recipients(connection: sa.Connection, person_ids: Iterable[str]) -> dict[str, Recipient]:
    """Return the choice of every active person (not left) among `person_ids` who made one."""
    ids = sorted(set(person_ids))
    if not ids:
        return {}
    p, n = t.people.c, t.notification_prefs.c
    query = (sa.select(n.person_id, n.email, n.phone, n.events, n.digest)
             .join(t.people, p.id == n.person_id)
             .where(n.person_id.in_(ids), p.active.is_(True), p.left_at.is_(None)))
    found: dict[str, Recipient] = {}
    for row in connection.execute(query):
        events = row.events if isinstance(row.events, dict) else {}
        found[row.person_id] = Recipient(row.email, row.phone, events, bool(row.digest))
    return found


def _channels(event: Event, choice: Recipient) -> list[tuple[str, str]]:
    if event.event == DIGEST:
        return [("email", choice.email)] if choice.digest else []
    chosen = choice.events.get(event.event) or []
    addresses = {"email": choice.email, "sms": choice.phone}
    return [(c, addresses[c]) for c in ("email", "sms") if c in chosen and addresses.get(c)]


def enqueue(connection: sa.Connection, events: Iterable[Event], channels: Iterable[str],
            now: datetime) -> int:
    """Queue a row per person and chosen channel of each event (an existing key is left as
    it is); return how many rows were new."""
    events = list(events)
    open_channels = set(channels)
    choices = recipients(connection, (p for e in events for p in e.person_ids))
    wanted: dict[str, dict[str, Any]] = {}
    for event in events:
        for person in event.person_ids:
            choice = choices.get(person)
            for channel, address in _channels(event, choice) if choice else ():
                if channel in open_channels:
                    row = _row(event, person, channel, address, now)
                    wanted[row["dedupe_key"]] = row
    fresh = _missing(connection, wanted)
    insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
    added = 0
    for key in fresh:
        # Another process may queue the same key meanwhile: the unique key keeps one.
        done = connection.execute(insert(t.notification_queue).values(wanted[key])
                                  .on_conflict_do_nothing())
        added += done.rowcount
    return added


def _missing(connection: sa.Connection, wanted: Mapping[str, Any]) -> list[str]:
    """Return the keys of `wanted` not queued yet (most scans find every key there)."""
    keys, q = sorted(wanted), t.notification_queue.c
    known: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        known.update(connection.execute(sa.select(q.dedupe_key)
                                        .where(q.dedupe_key.in_(chunk))).scalars())
    return [key for key in keys if key not in known]


def _row(event: Event, person: str, channel: str, address: str,
         now: datetime) -> dict[str, Any]:
    return {"dedupe_key": f"{event.key}:{person}:{channel}"[:255], "person_id": person,
            "channel": channel, "event": event.event, "address": address[:200],
            "subject": event.subject[:300], "body": event.sms if channel == "sms" else event.email,
            "status": PENDING, "attempts": 0, "next_attempt_at": now, "claimed_until": None,
            "created_at": now, "sent_at": None, "last_error": ""}


def _lock_state(connection: sa.Connection, key: str) -> str | None:
    """Return a state value, its row locked until commit (made if missing, so it can be)."""
    db.insert_ignore(connection, t.notification_state, {"key": key, "value": ""})
    c = t.notification_state.c
    value = connection.execute(
        sa.select(c.value).where(c.key == key).with_for_update()).scalar_one()
    return str(value) or None


def _set_state(connection: sa.Connection, key: str, value: str) -> None:
    c = t.notification_state.c
    connection.execute(sa.update(t.notification_state).where(c.key == key).values(value=value))


def scan(engine: sa.Engine, integrations: Integrations, now: datetime) -> ScanReport:
    """Queue the notifications of everything recorded since the last scan, of items due or
    overdue, and the day's digests once their hour came."""
    report = ScanReport()
    channels = available(integrations)
    while True:
        with db.read(engine) as connection:
            events, through, read_at, rows = change_events(connection, now)
        if not rows:
            break
        with db.write(engine) as connection:
            stored = int(_lock_state(connection, CURSOR) or 0)
            report.queued += enqueue(connection, events, channels, now) if channels else 0
            if through > stored:
                _set_state(connection, CURSOR, str(through))
                assert read_at is not None
                _set_state(connection, CURSOR_AT, read_at)
        report.changes += rows
        report.events += len(events)
        if rows < BATCH:
            break
    report.queued += _time_events(engine, integrations, channels, now, report)
    return report


def _time_events(engine: sa.Engine, integrations: Integrations, channels: list[str],
                 now: datetime, report: ScanReport) -> int:
    if not channels:
        return 0
    notify = integrations.notify
    with db.read(engine) as connection:
        events = deadline_events(connection, now, timedelta(days=notify.due_days))
        day = digest_day(now, notify.digest_hour)
        due = day is not None and _state(connection, DIGEST_DAY) != day
        digests = digest_events(connection, now, day) if due and day else []
    report.events += len(events) + len(digests)
    if not events and not due:
        return 0
    with db.write(engine) as connection:
        queued = enqueue(connection, events, channels, now)
        if due and day is not None and _lock_state(connection, DIGEST_DAY) != day:
            queued += enqueue(connection, digests, channels, now)
            _set_state(connection, DIGEST_DAY, day)
    return queued
