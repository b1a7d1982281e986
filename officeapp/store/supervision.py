"""Supervision items (督办) in the local store: list rows filtered in SQL, the inbox, revert.

An item is kept whole as its JSON (`item_to_dict`), with every `ItemRow` field copied into a
column (times as `db.timestamp` text in UTC, so text order is time order) and its units and
named people in index tables. `rows` filters and computes the status light in SQL and must
agree exactly with `officeapp.supervision.filter_rows`, the reference
(tests/officeapp/store/test_store_supervision.py compares them on random items and queries).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from officeapp.core.inbox import POOL, audiences
from officeapp.documents import URGENCY_RANK, Urgency
from officeapp.errors import ValidationError
from officeapp.org import Actor, Role
from officeapp.store import records
from officeapp.store.db import chunks, dumps, loads, marks, timestamp
from officeapp.store.records import Child, RecordRows, RecordTable
from officeapp.supervision import (
    InboxEntry,
    InboxReason,
    ItemQuery,
    ItemRow,
    PressingStats,
    Source,
    Status,
    SupervisionItem,
    UnitStats,
    item_row,
)
from officeapp.supervision.codec import item_from_dict, item_to_dict
from officeapp.supervision.lights import DEFAULT_WARN_DAYS, REASON_LIGHTS, Light, LightReason
from officeapp.supervision.model import RUNNING
from officeapp.supervision.stats import unit_stats

# Columns after item_key, in the order `ItemRows.listing` holds them.
_COLUMNS = ("id", "title", "title_fold", "source", "status", "supervisor_unit_id",
            "lead_unit_id", "co_unit_ids", "deadline", "next_report_due", "requested_at",
            "finished_at", "completed_at", "assigned_at", "created_at", "urgency", "parent_id",
            "percent", "created_by", "version", "updated_at")
ITEMS = RecordTable("supervision_items", "item_key", _COLUMNS,
                    (Child("supervision_units", ("unit_id", "role")),
                     Child("supervision_people", ("person_id", "role"))))
# Co-units come joined by U+001F (never in an id), read in array order: one split in Python
# instead of a JSON decode per row.
_ROW_COLUMNS = ("id, title, source, status, supervisor_unit_id, lead_unit_id,"
                " (SELECT group_concat(value, char(31)) FROM (SELECT value FROM"
                " json_each(co_unit_ids) ORDER BY key)),"
                " deadline, next_report_due, requested_at, finished_at, completed_at,"
                " assigned_at, created_at, urgency, parent_id, percent")
_ORDER = "ORDER BY deadline IS NULL, deadline, title, id"
_RUNNING = ", ".join(f"'{s.value}'" for s in sorted(RUNNING))

# Why an unfinished item has its light at :now, as `lights.light_reason` decides it;
# `now >= deadline - warn` is written `now + warn >= deadline` (:warned), the same comparison.
_LATE = f"""CASE
    WHEN deadline IS NULL THEN 'no_deadline'
    WHEN status = 'completion_requested' THEN
        CASE WHEN requested_at IS NOT NULL AND requested_at > deadline THEN 'requested_late'
             ELSE 'awaiting_review' END
    WHEN :now > deadline THEN 'overdue'
    WHEN status IN ({_RUNNING}) AND next_report_due IS NOT NULL AND :now > next_report_due
        THEN 'report_overdue'
    WHEN :warned >= deadline THEN 'deadline_soon'
    WHEN status IN ({_RUNNING}) AND next_report_due IS NOT NULL
        AND :warned >= next_report_due THEN 'report_soon'
    ELSE 'on_track'
END"""
# The status light at :now: a completed item's is `done`, another's follows from its reason.
LIGHT_SQL = ("CASE WHEN status = 'completed' THEN 'done' ELSE CASE " + _LATE + " "
             + " ".join(f"WHEN '{reason.value}' THEN '{light.value}'"
                        for reason, light in REASON_LIGHTS.items()
                        if light is not Light.DONE) + " END END")


def _optional(moment: datetime | None) -> str | None:
    return None if moment is None else timestamp(moment)


def item_rows(item: SupervisionItem, *, data: Mapping[str, Any] | None = None) -> RecordRows:
    """Return the rows of an item; `data` is its JSON as received (else it is encoded)."""
    row = item_row(item)
    listing = (row.id, row.title, row.title.casefold(), row.source.value, row.status.value,
               row.supervisor_unit_id, row.lead_unit_id, dumps(list(row.co_unit_ids)),
               _optional(row.deadline), _optional(row.next_report_due),
               _optional(row.requested_at), _optional(row.finished_at),
               _optional(row.completed_at), _optional(row.assigned_at),
               timestamp(row.created_at), row.urgency.value, row.parent_id, row.percent,
               item.created_by, item.version, _optional(item.updated_at))
    units = [] if item.lead_unit_id is None else [(item.lead_unit_id, "lead")]
    units += [(u, "co") for u in item.co_unit_ids]
    people = [(item.created_by, "creator"), *((p, "informed") for p in item.informed_ids)]
    if item.approver_id is not None:
        people.append((item.approver_id, "approver"))
    json = dumps(item_to_dict(item) if data is None else dict(data), what="督办事项")
    return RecordRows(item.id, listing, json,
                      (tuple(dict.fromkeys(units)), tuple(dict.fromkeys(people))), record=item)


def rows_from_data(data: Mapping[str, Any]) -> RecordRows:
    """Return the rows of a pulled item; raises ValidationError when it is malformed."""
    return item_rows(item_from_dict(data), data=data)


def load(conn: sqlite3.Connection, item_id: str) -> SupervisionItem | None:
    """Return the stored item, or None."""
    row = conn.execute("SELECT data FROM supervision_items WHERE id = ?", (item_id,)).fetchone()
    return None if row is None else item_from_dict(loads(row[0]))


# What the generic store (tables.py, pull.py, LocalStore) writes and reads items with.
ROWS = records.JsonRecords(ITEMS, item_rows, rows_from_data, load)


def items(conn: sqlite3.Connection, ids: Iterable[str] | None) -> list[SupervisionItem]:
    """Return the items with these ids (all when None), by deadline then title."""
    if ids is None:
        rows = conn.execute(f"SELECT data FROM supervision_items {_ORDER}").fetchall()
        return [item_from_dict(loads(r[0])) for r in rows]
    wanted = list(dict.fromkeys(ids))
    found: list[tuple[Any, ...]] = []
    for part in chunks(wanted):
        found += conn.execute("SELECT deadline IS NULL, deadline, title, id, data"
                              f" FROM supervision_items WHERE id IN ({marks(part)})",
                              tuple(part)).fetchall()
    found.sort(key=lambda r: (r[0], r[1] or "", r[2], r[3]))
    return [item_from_dict(loads(r[4])) for r in found]


# Lists can hold tens of thousands of rows: plain lookups instead of enum calls, positional
# arguments, and no JSON decoding for the usual empty co-unit list.
_SOURCES = {s.value: s for s in Source}
_STATUSES = {s.value: s for s in Status}
_URGENCIES = {u.value: u for u in Urgency}
_parse = datetime.fromisoformat


def _row(v: Sequence[Any]) -> ItemRow:
    """Return the list row of one `_ROW_COLUMNS` result (values the store wrote itself)."""
    co = v[6]
    return ItemRow(
        v[0], v[1], _SOURCES[v[2]], _STATUSES[v[3]], v[4], v[5],
        () if co is None else tuple(co.split("\x1f")),
        None if v[7] is None else _parse(v[7]), None if v[8] is None else _parse(v[8]),
        None if v[9] is None else _parse(v[9]), None if v[10] is None else _parse(v[10]),
        None if v[11] is None else _parse(v[11]), None if v[12] is None else _parse(v[12]),
        _parse(v[13]), _URGENCIES[v[14]], v[15], v[16])


def row(conn: sqlite3.Connection, item_id: str) -> ItemRow | None:
    """Return the list row of one item, or None."""
    found = conn.execute(f"SELECT {_ROW_COLUMNS} FROM supervision_items WHERE id = ?",
                         (item_id,)).fetchone()
    return None if found is None else _row(found)


def children(conn: sqlite3.Connection, parent_id: str) -> list[ItemRow]:
    """Return the list rows of an item's sub-items (分解), by deadline then title."""
    # No index leads with parent_id: one pass over the table's rows, not a row per item
    # built in Python.
    found = conn.execute(f"SELECT {_ROW_COLUMNS} FROM supervision_items WHERE parent_id = ?"
                         f" {_ORDER}", (parent_id,))
    return [_row(r) for r in found]


def _in(name: str, column: str, values: Iterable[str], params: dict[str, Any]) -> str:
    """Return `column IN (:name0, …)` with the values added to `params`."""
    keys = []
    for index, value in enumerate(values):
        params[f"{name}{index}"] = value
        keys.append(f":{name}{index}")
    return f"{column} IN ({', '.join(keys)})"


def _where(query: ItemQuery, now: datetime, params: dict[str, Any]) -> list[str]:
    """Return the SQL conditions of `query` (filter_rows's, in the same terms)."""
    where: list[str] = []
    if query.unit_id is not None:
        params["unit"] = query.unit_id
        roles = "('lead')" if query.lead_only else "('lead', 'co')"
        where.append("item_key IN (SELECT item_key FROM supervision_units"
                     f" WHERE unit_id = :unit AND role IN {roles})")
    if query.sources:
        where.append(_in("source", "source", sorted(s.value for s in query.sources), params))
    if query.statuses:
        where.append(_in("status", "status", sorted(s.value for s in query.statuses), params))
    if query.due_from is not None or query.due_to is not None:
        where.append("deadline IS NOT NULL")
    if query.due_from is not None:
        params["due_from"] = timestamp(query.due_from)
        where.append("deadline >= :due_from")
    if query.due_to is not None:
        params["due_to"] = timestamp(query.due_to)
        where.append("deadline <= :due_to")
    if query.text:
        # The fold is Python's casefold(), stored with the row: SQLite's own lower() and LIKE
        # fold ASCII only.
        params["text"] = query.text.casefold()
        where.append("instr(title_fold, :text) > 0")
    if query.lights:
        params["now"] = timestamp(now)
        params["warned"] = timestamp(now + timedelta(days=query.warn_days))
        lights = _in("light", f"({LIGHT_SQL})", sorted(v.value for v in query.lights), params)
        where.append(lights)
    return where


def _condition(query: ItemQuery, now: datetime, params: dict[str, Any]) -> str:
    if now.tzinfo is None:
        raise ValidationError("clock.naive", "本机时间缺少时区信息")
    return " AND ".join(_where(query, now, params)) or "1"


def rows(conn: sqlite3.Connection, query: ItemQuery, *, now: datetime, limit: int | None = None,
         offset: int = 0) -> list[ItemRow]:
    """Return the list rows passing `query` at `now`, by deadline (undated last), then title;
    with `limit`, one page of them from `offset`."""
    if (limit is not None and limit < 0) or offset < 0:
        raise ValidationError("page.bad_range", "分页参数不正确", limit=limit, offset=offset)
    params: dict[str, Any] = {"limit": -1 if limit is None else limit, "offset": offset}
    condition = _condition(query, now, params)
    found = conn.execute(f"SELECT {_ROW_COLUMNS} FROM supervision_items WHERE {condition}"
                         f" {_ORDER} LIMIT :limit OFFSET :offset", params)
    return [_row(r) for r in found]


def count(conn: sqlite3.Connection, query: ItemQuery, *, now: datetime) -> int:
    """Return how many items pass `query` at `now`."""
    params: dict[str, Any] = {}
    condition = _condition(query, now, params)
    found = conn.execute(f"SELECT count(*) FROM supervision_items WHERE {condition}", params)
    return int(found.fetchone()[0])


# `unit_statistics` (officeapp/supervision/stats.py) as one aggregate: per lead unit, of the
# items assigned in [:start, :end) by :as_of, how many, completed by :as_of, of those on time,
# overdue (completed late, or still open past the deadline, judged when the unit asked to
# finish if it did by :as_of), and the completed items' days from assignment to finish.
# Times are `timestamp` texts (UTC, microseconds), so text order is time order; the days are
# whole seconds (from julianday, rounded) plus the microseconds' difference.
_SECONDS = ("(round((julianday(substr({b}, 1, 19)) - julianday(substr({a}, 1, 19))) * 86400)"
            " + (CAST(substr({b}, 21, 6) AS INTEGER) - CAST(substr({a}, 21, 6) AS INTEGER))"
            " / 1e6)")
_STATISTICS = f"""
SELECT lead_unit_id, count(*), sum(done), sum(done AND NOT late),
       sum(CASE WHEN done THEN late ELSE open_late END),
       total(CASE WHEN done AND finished_at IS NOT NULL
             THEN {_SECONDS.format(a="assigned_at", b="finished_at")} / 86400.0 END)
FROM (SELECT lead_unit_id, assigned_at, finished_at,
             status = 'completed' AND completed_at IS NOT NULL AND completed_at <= :as_of
                 AS done,
             deadline IS NOT NULL AND finished_at IS NOT NULL AND finished_at > deadline
                 AS late,
             deadline IS NOT NULL AND CASE WHEN stopped IS NOT NULL AND stopped <= :as_of
                 THEN stopped ELSE :as_of END > deadline AS open_late
      FROM (SELECT *, CASE WHEN status = 'completed' THEN finished_at ELSE requested_at END
                AS stopped
            FROM supervision_items
            WHERE assigned_at >= :start AND assigned_at < :end AND assigned_at <= :as_of
              AND lead_unit_id IS NOT NULL))
GROUP BY lead_unit_id ORDER BY lead_unit_id"""


def statistics(conn: sqlite3.Connection, *, period_start: datetime, period_end: datetime,
               now: datetime) -> list[UnitStats]:
    """Return `unit_statistics` for the period, counted by SQLite (`_STATISTICS`): a year
    of 50k items took 0.8 s when its rows were built in Python."""
    params = {"start": timestamp(period_start), "end": timestamp(period_end),
              "as_of": timestamp(min(now, period_end))}
    return [unit_stats(unit, items=items, completed=done, on_time=on_time, overdue=overdue,
                       days=days)
            for unit, items, done, on_time, overdue, days in conn.execute(_STATISTICS, params)]


# `pressing` (officeapp/supervision/stats.py) at :now, :warned being :now + the warning days:
# an item assigned by :now, not completed, with a lead unit, is overdue past its deadline (or
# when it asked to finish after it) and due soon within the warning; whenever it was assigned.
_PRESSING_SQL = """CASE
    WHEN status = 'completion_requested' THEN
        CASE WHEN requested_at IS NOT NULL AND requested_at > deadline THEN 'overdue' END
    WHEN :now > deadline THEN 'overdue'
    WHEN :warned >= deadline THEN 'due_soon'
END"""
_PRESSING_OPEN = ("status <> 'completed' AND deadline IS NOT NULL AND lead_unit_id IS NOT NULL"
                  " AND assigned_at <= :now")
# NOT INDEXED: one scan; grouping along the lead-unit index reads every row out of order and
# took twice as long (bench_supervision.py).
_PRESSING = f"""
SELECT lead_unit_id, sum(pressing = 'overdue'), sum(pressing = 'due_soon')
FROM (SELECT lead_unit_id, {_PRESSING_SQL} AS pressing
      FROM supervision_items NOT INDEXED WHERE {_PRESSING_OPEN})
WHERE pressing IS NOT NULL
GROUP BY lead_unit_id ORDER BY lead_unit_id"""
# Every row has a deadline, so the deadline index gives the order and LIMIT stops the walk
# early: the co-units' subquery runs for the rows returned only.
_PRESSING_ROWS = (f"SELECT {_ROW_COLUMNS} FROM supervision_items"
                  f" WHERE {_PRESSING_OPEN} AND ({_PRESSING_SQL}) IS NOT NULL"
                  " ORDER BY deadline, title, id LIMIT :limit")


def _pressing_params(now: datetime, warn_days: int) -> dict[str, Any]:
    if now.tzinfo is None:
        raise ValidationError("clock.naive", "本机时间缺少时区信息")
    return {"now": timestamp(now), "warned": timestamp(now + timedelta(days=warn_days))}


def pressing_statistics(conn: sqlite3.Connection, *, now: datetime,
                        warn_days: int = DEFAULT_WARN_DAYS) -> list[PressingStats]:
    """Return per lead unit how many open items are overdue and due soon at `now`, whenever
    assigned: `officeapp.supervision.pressing_statistics`, counted by SQLite."""
    found = conn.execute(_PRESSING, _pressing_params(now, warn_days))
    return [PressingStats(unit, overdue, due_soon) for unit, overdue, due_soon in found]


def pressing_rows(conn: sqlite3.Connection, *, now: datetime, warn_days: int = DEFAULT_WARN_DAYS,
                  limit: int | None = None) -> list[ItemRow]:
    """Return the list rows of the items `pressing_statistics` counts, by deadline (the
    longest overdue first), then title; `limit` takes the first of them."""
    params = _pressing_params(now, warn_days)
    params["limit"] = -1 if limit is None else limit
    return [_row(r) for r in conn.execute(_PRESSING_ROWS, params)]


# 我的督办 from the `inbox_entries` rows every put writes (`supervision.kind.item_inbox`), read
# as `officeapp.supervision.inbox_entries` reads items: one entry per item, the lead unit's
# task before the supervisors' before a co-unit's, lit at :now and ordered in SQL, so a
# supervisor of the root unit no longer decodes 50,000 items for the badge.
_ENTRY_RANKS = {"open": 0, "approve": 0, "sign_for": 0, "report": 0, "review": 1,
                "decide_extension": 1, "assign": 1, "oversee": 2, "assist": 3}
# "oversee": an overdue running item a supervisor watches asks no task of them (it has no
# entry), but is their reason when nothing else asks them (a pending extension comes first).
_OVERSEE = (f"SELECT id, 'oversee' FROM supervision_items WHERE {{path}}"
            f" AND status IN ({_RUNNING}) AND deadline < :now")
_DUE = ("CASE late WHEN 'no_deadline' THEN NULL WHEN 'report_overdue' THEN next_report_due"
        " WHEN 'report_soon' THEN next_report_due ELSE deadline END")
_LIGHT_RANK = ("CASE WHEN late IN ('overdue', 'report_overdue', 'requested_late') THEN 0"
               " WHEN late IN ('deadline_soon', 'report_soon') THEN 1 ELSE 2 END")
_URGENCY_RANK = ("CASE urgency " + " ".join(f"WHEN '{u.value}' THEN {rank}"
                                            for u, rank in URGENCY_RANK.items()) + " END")
_ENTRY_RANK = ("CASE task " + " ".join(f"WHEN '{task}' THEN {rank}"
                                       for task, rank in _ENTRY_RANKS.items()) + " END")
_LATE_REASONS = {r.value: r for r in LightReason}
_LEAD_LATE = {LightReason.OVERDUE: InboxReason.OVERDUE,
              LightReason.REPORT_OVERDUE: InboxReason.REPORT_OVERDUE}
_TASK_REASONS = {"open": InboxReason.TO_OPEN, "approve": InboxReason.TO_APPROVE,
                 "sign_for": InboxReason.TO_RECEIVE, "review": InboxReason.TO_REVIEW,
                 "decide_extension": InboxReason.TO_DECIDE_EXTENSION,
                 "assign": InboxReason.TO_ASSIGN, "oversee": InboxReason.OVERDUE,
                 "assist": InboxReason.TO_ASSIST}


def _asked(actor: Actor, params: dict[str, Any]) -> str:
    """Return SQL of the (item id, task) pairs waiting for the actor, one or more per item.

    Pools carry their role (`core.inbox.pools`), so a pool entry asks the actor whatever its
    task; of the entries naming a person, only their own drafts wait for them, and approvals
    for them or whom they act for only if they are a leader (`flow.is_approver`)."""
    pools = [a for a in audiences(actor) if a.startswith(POOL)]
    params["person"] = actor.person_id
    arms = ["SELECT record_id AS id, task FROM inbox_entries WHERE kind = 'supervision'"
            " AND done = 0 AND person_id = :person AND task = 'open'"]
    if pools:
        arms.append("SELECT record_id, task FROM inbox_entries WHERE kind = 'supervision'"
                    f" AND done = 0 AND {_in('pool', 'person_id', pools, params)}")
    if Role.LEADER in actor.roles:
        approvers = sorted({actor.person_id, *actor.acting_for})
        arms.append("SELECT record_id, task FROM inbox_entries WHERE kind = 'supervision'"
                    f" AND done = 0 AND {_in('approver', 'person_id', approvers, params)}"
                    " AND task = 'approve'")
    if Role.SUPERVISOR in actor.roles:
        path = _in("path", "supervisor_unit_id", actor.unit_path, params)
        arms.append(_OVERSEE.format(path=path))
    return " UNION ALL ".join(arms)


def _inbox_sql(actor: Actor, now: datetime, warn_days: int, params: dict[str, Any], *,
               item_ids: Iterable[str] | None = None) -> str:
    """Return SQL of the actor's entries (one per unfinished item, its most pressing task),
    each with its item's columns, light reason, due moment and sort ranks; only of these
    items when `item_ids` is given."""
    params.update(_pressing_params(now, warn_days))
    wanted = "" if item_ids is None else f" AND {_in('item', 's.id', item_ids, params)}"
    # SQLite takes the bare `task` from the row holding min(): the most pressing task.
    return f"""
SELECT *, {_DUE} AS due, {_LIGHT_RANK} AS light_rank FROM (
    SELECT s.id, s.title, s.urgency, s.lead_unit_id, s.status, s.deadline, s.next_report_due,
           a.task, {_LATE} AS late, {_URGENCY_RANK} AS urgency_rank
    FROM (SELECT id, task, min({_ENTRY_RANK}) FROM ({_asked(actor, params)})
          GROUP BY id) AS a
    JOIN supervision_items AS s ON s.id = a.id
    WHERE s.status <> 'completed'{wanted})"""


def _inbox_reason(task: str, late: LightReason, status: str) -> InboxReason:
    """Return why an item waits (`inbox._reason`), from its task and light reason."""
    if task != "report":
        return _TASK_REASONS[task]
    if late in _LEAD_LATE:
        return _LEAD_LATE[late]
    return InboxReason.RETURNED if status == Status.RETURNED.value else InboxReason.TO_REPORT


def _entry(v: Sequence[Any]) -> InboxEntry:
    """Return the entry of one `_inbox_sql` row."""
    item_id, title, urgency, lead, status, _deadline, _report, task, late, _rank, due = v[:11]
    reason = _LATE_REASONS[late]
    return InboxEntry(item_id, title, _inbox_reason(task, reason, status),
                      None if due is None else _parse(due), REASON_LIGHTS[reason],
                      _URGENCIES[urgency], lead)


def inbox(conn: sqlite3.Connection, actor: Actor, *, now: datetime, warn_days: int,
          limit: int | None = None, item_ids: Iterable[str] | None = None) -> list[InboxEntry]:
    """Return the actor's supervision todo at `now`, red first, then by due moment and
    urgency (exactly `officeapp.supervision.inbox_entries` over the unfinished items);
    `limit` takes the most pressing, `item_ids` those of these items."""
    params: dict[str, Any] = {"limit": -1 if limit is None else limit}
    sql = _inbox_sql(actor, now, warn_days, params, item_ids=item_ids)
    found = conn.execute(f"{sql} ORDER BY light_rank, due IS NULL, due, urgency_rank, id"
                         " LIMIT :limit", params)
    return [_entry(r) for r in found]


def inbox_count(conn: sqlite3.Connection, actor: Actor, *, now: datetime,
                warn_days: int) -> int:
    """Return how many items `inbox` holds for the actor at `now`."""
    params: dict[str, Any] = {}
    sql = _inbox_sql(actor, now, warn_days, params)
    return int(conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])


class SupervisionQueries:
    """The questions only supervision items answer: filtered and lit lists, statistics, the
    pressing items, the ledger's items and the supervision todo (`LocalStore.supervision`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def rows(self, query: ItemQuery | None = None, *, now: datetime, limit: int | None = None,
             offset: int = 0) -> list[ItemRow]:
        """Return the list rows passing `query` at `now` (filtered and lit in SQL, exactly as
        officeapp.supervision.filter_rows), by deadline (undated last), then title; `limit`
        and `offset` take one page of them."""
        return rows(self._conn, query or ItemQuery(), now=now, limit=limit, offset=offset)

    def row(self, item_id: str) -> ItemRow | None:
        """Return the list row of one item (to show it as an item's parent), or None."""
        return row(self._conn, item_id)

    def children(self, item_id: str) -> list[ItemRow]:
        """Return the list rows of an item's sub-items, by deadline then title."""
        return children(self._conn, item_id)

    def count(self, query: ItemQuery | None = None, *, now: datetime) -> int:
        """Return how many items pass `query` at `now`."""
        return count(self._conn, query or ItemQuery(), now=now)

    def statistics(self, *, period_start: datetime, period_end: datetime,
                   now: datetime) -> list[UnitStats]:
        """Return the per-unit statistics of items assigned in the period, as of `now`
        (exactly officeapp.supervision.unit_statistics over every item)."""
        return statistics(self._conn, period_start=period_start, period_end=period_end,
                          now=now)

    def pressing(self, *, now: datetime, warn_days: int = DEFAULT_WARN_DAYS,
                 limit: int | None = None) -> tuple[list[PressingStats], list[ItemRow]]:
        """Return, per lead unit, how many open items are overdue and due soon at `now`
        whenever they were assigned, and the rows of those items (the first `limit`)."""
        return (pressing_statistics(self._conn, now=now, warn_days=warn_days),
                pressing_rows(self._conn, now=now, warn_days=warn_days, limit=limit))

    def items(self, ids: Iterable[str] | None = None) -> list[SupervisionItem]:
        """Return these items (every item when None), by deadline then title."""
        return items(self._conn, ids)

    def inbox(self, actor: Actor, *, now: datetime, warn_days: int = DEFAULT_WARN_DAYS,
              limit: int | None = None,
              item_ids: Iterable[str] | None = None) -> list[InboxEntry]:
        """Return the supervision work waiting for the actor at `now`, most pressing first;
        `limit` takes the first of it, `item_ids` that on these items only."""
        return inbox(self._conn, actor, now=now, warn_days=warn_days, limit=limit,
                     item_ids=item_ids)

    def inbox_count(self, actor: Actor, *, now: datetime,
                    warn_days: int = DEFAULT_WARN_DAYS) -> int:
        """Return how many items wait for the actor at `now` (the 督办 badge)."""
        return inbox_count(self._conn, actor, now=now, warn_days=warn_days)
