"""The inbox (待办 / 已办 / 我发起的) as SQL pages over the documents table."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal, get_args

from officeapp.core.inbox import POOL, audiences
from officeapp.documents import URGENCY_RANK, Direction, DocType, Urgency
from officeapp.errors import ValidationError
from officeapp.org import Actor
from officeapp.store import inbox_entries, search
from officeapp.store.db import chunks, marks, parse_timestamp, timestamp
from officeapp.store.rows import NO_DEADLINE, step_label
from officeapp.workflow.definitions import WORKFLOWS
from officeapp.workflow.model import Status

# "informed" is 知会我的: everything 知会'd to the person, read or not (its badge counts the
# unread, `unread_informed`). Being informed is no work, so it is never in 待办.
Folder = Literal["todo", "done", "mine", "all", "informed"]
SortKey = Literal["updated_at", "urgency", "deadline", "title", "created_at"]
FOLDERS: tuple[Folder, ...] = get_args(Folder)
SORT_KEYS: tuple[SortKey, ...] = get_args(SortKey)


@dataclass(frozen=True)
class InboxFilter:
    """Optional conditions of an inbox page; `text` is searched like `LocalStore.search`."""

    urgency: Urgency | None = None
    doc_type: DocType | None = None
    status: Status | None = None
    direction: Direction | None = None
    due_before: datetime | None = None
    text: str = ""
    # 高级搜索: created in [created_from, created_before), by whom, in which unit, at which step.
    created_from: datetime | None = None
    created_before: datetime | None = None
    owner_unit_id: str | None = None
    created_by: str | None = None
    step: str | None = None
    # Which record kind ("document", "meeting", "supervision"); None: every kind.
    kind: str | None = None

    def documents_only(self) -> bool:
        """Return whether a condition only documents have is set (高级搜索, text)."""
        return any(v is not None for v in (
            self.doc_type, self.status, self.direction, self.created_from,
            self.created_before, self.owner_unit_id, self.created_by, self.step,
        )) or bool(self.text.strip())


@dataclass(frozen=True)
class InboxSort:
    """The order of an inbox page; for urgency, descending puts 特急 first."""

    key: SortKey = "updated_at"
    descending: bool = True


@dataclass(frozen=True)
class InboxRow:
    """What one line of the inbox shows; doc_number None is shown as 待编号."""

    id: str
    title: str
    doc_number: str | None
    doc_type: DocType
    urgency: Urgency
    direction: Direction
    step: str
    step_label: str
    status: Status
    deadline: datetime | None
    updated_at: datetime
    pending: bool
    # 用印 was done here and awaits the server, which makes the signed official PDF.
    awaiting_seal: bool = False
    created_at: datetime | None = None


def _after_seal() -> str:
    workflow = WORKFLOWS[Direction.OUTGOING]
    keys = [s.key for s in workflow.steps[workflow.index("seal") + 1:]]
    return ", ".join(f"'{key}'" for key in keys)


# Only a pending 发文 past 用印 reads its JSON, so a page costs a lookup for few rows at most.
_AWAITING_SEAL = (
    "CASE WHEN d.pending = 1 AND d.direction = 'outgoing'"
    f" AND d.step IN ({_after_seal()}) THEN (SELECT ifnull(json_type(x.data,"
    " '$.official_pdf'), 'null') = 'null' FROM document_data AS x"
    " WHERE x.doc_key = d.doc_key) ELSE 0 END")
_ROW_COLUMNS = ("d.id, d.title, d.doc_number, d.doc_type, d.urgency, d.direction, d.step,"
                f" d.status, d.deadline, d.updated_at, d.pending, {_AWAITING_SEAL}, d.created_at")


def _row(values: tuple[Any, ...]) -> InboxRow:
    """Return the InboxRow for one result row of _ROW_COLUMNS."""
    (doc_id, title, number, doc_type, urgency, direction, step, status, deadline, updated,
     pending, awaiting_seal, created) = values
    updated_at = parse_timestamp(updated)
    assert updated_at is not None
    return InboxRow(
        id=doc_id, title=title, doc_number=number, doc_type=DocType(doc_type),
        urgency=Urgency(urgency), direction=Direction(direction), step=step,
        step_label=step_label(direction, step), status=Status(status),
        deadline=parse_timestamp(deadline), updated_at=updated_at, pending=bool(pending),
        awaiting_seal=bool(awaiting_seal), created_at=parse_timestamp(created))


def _people(actor: Actor) -> list[str]:
    """Return whose personal holders the actor may take: their own and those they act for."""
    return [actor.person_id, *sorted(actor.acting_for)]


def _pools(actor: Actor) -> tuple[list[str], list[str]]:
    """Return the units and roles whose pools the actor may take (engine.may_hold)."""
    roles = sorted(r.value for r in actor.roles)
    return (list(actor.unit_path), roles) if roles and actor.unit_path else ([], [])


def todo_keys(actor: Actor) -> tuple[str, list[Any]]:
    """Return SQL selecting the doc_keys the actor may act on now, with its parameters.

    One SELECT per partial index, for collecting a whole folder.
    """
    people = _people(actor)
    parts = ["SELECT doc_key FROM holders WHERE done = 0 AND person_id IS NOT NULL"
             f" AND person_id IN ({marks(people)})"]
    params: list[Any] = list(people)
    units, roles = _pools(actor)
    if roles:
        # The drafter may not take the review pool of their own draft (excludes_creator).
        parts.append(
            "SELECT doc_key FROM holders WHERE done = 0 AND person_id IS NULL"
            f" AND unit_id IN ({marks(units)}) AND role IN ({marks(roles)})"
            " AND (exclude_person_id IS NULL OR exclude_person_id <> ?)")
        params += [*units, *roles, actor.person_id]
    parts.append("SELECT doc_key FROM circulations WHERE read = 0 AND person_id = ?")
    params.append(actor.person_id)
    return " UNION ".join(parts), params


def holds(actor: Actor) -> tuple[str, list[Any]]:
    """Return a predicate on document `d`: the actor may act on it now.

    The same rule as todo_keys, checked row by row, for walking a folder in sort order.
    """
    people = _people(actor)
    units, roles = _pools(actor)
    test = f"h.person_id IN ({marks(people)})"
    params: list[Any] = list(people)
    if roles:
        test += (f" OR (h.person_id IS NULL AND h.unit_id IN ({marks(units)})"
                 f" AND h.role IN ({marks(roles)})"
                 " AND (h.exclude_person_id IS NULL OR h.exclude_person_id <> ?))")
        params += [*units, *roles, actor.person_id]
    sql = (f"(EXISTS (SELECT 1 FROM holders AS h WHERE h.doc_key = d.doc_key AND h.done = 0"
           f" AND ({test})) OR EXISTS (SELECT 1 FROM circulations AS c"
           " WHERE c.doc_key = d.doc_key AND c.read = 0 AND c.person_id = ?))")
    return sql, [*params, actor.person_id]


def _folder(actor: Actor, folder: str, *, walk: bool) -> tuple[str, list[Any]]:
    """Return the folder as a WHERE fragment: as key sets to collect, or row tests to walk."""
    if folder == "mine":
        return "d.created_by = ?", [actor.person_id]
    if folder == "all":
        # Everything cached is visible to this person (the server sends nothing else).
        return "1 = 1", []
    if folder == "informed":
        if walk:
            return ("EXISTS (SELECT 1 FROM informed AS i WHERE i.doc_key = d.doc_key"
                    " AND i.person_id = ?)", [actor.person_id])
        return ("d.doc_key IN (SELECT doc_key FROM informed WHERE person_id = ?)",
                [actor.person_id])
    todo, params = holds(actor) if walk else todo_keys(actor)
    if not walk:
        todo = f"d.doc_key IN ({todo})"
    if folder == "todo":
        return todo, params
    if folder == "done":
        acted = ("EXISTS (SELECT 1 FROM participants AS p WHERE p.person_id = ?"
                 " AND p.doc_key = d.doc_key)" if walk else
                 "d.doc_key IN (SELECT doc_key FROM participants WHERE person_id = ?)")
        return f"{acted} AND NOT {todo}", [actor.person_id, *params]
    raise ValidationError("inbox.unknown_folder", "未知的收件箱分类", folder=folder)


def _filters(filters: InboxFilter) -> tuple[list[str], list[Any]]:
    parts: list[str] = []
    params: list[Any] = []
    for column, value in (("urgency", filters.urgency), ("doc_type", filters.doc_type),
                          ("status", filters.status), ("direction", filters.direction)):
        if value is not None:
            parts.append(f"d.{column} = ?")
            params.append(value.value)
    if filters.due_before is not None:
        parts.append("d.deadline < ?")
        params.append(timestamp(filters.due_before))
    for condition, moment in (("d.created_at >= ?", filters.created_from),
                              ("d.created_at < ?", filters.created_before)):
        if moment is not None:
            parts.append(condition)
            params.append(timestamp(moment))
    for column, key in (("owner_unit_id", filters.owner_unit_id),
                        ("created_by", filters.created_by), ("step", filters.step)):
        if key is not None:
            parts.append(f"d.{column} = ?")
            params.append(key)
    return parts, params


def _text(filters: InboxFilter) -> search.TextQuery | None:
    """Return the text filter, or None without one."""
    text = search.parse_query(filters.text)
    return None if text.empty else text


def where(
    actor: Actor, folder: str, filters: InboxFilter, *, walk: bool = False,
) -> tuple[str, list[Any]]:
    """Return the WHERE clause of a folder with filters, and its parameters. Walking, the
    text filter is left out: `_walk` tests it on the rows the rest lets through."""
    folder_sql, folder_params = _folder(actor, folder, walk=walk)
    parts, params = _filters(filters)
    text = None if walk else _text(filters)
    if text is not None:
        sql, text_params = search.condition(text)
        parts.append(sql)
        params += text_params
    # Plain column tests first: a walked row failing them skips the folder's subqueries.
    return " AND ".join([*parts, folder_sql]), [*params, *folder_params]


# Each sort is one total order: its columns, then doc_key, all in one direction, read from
# one index forwards or backwards. A page walks that index and stops after `limit` matches.
_SORTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "updated_at": ("documents_updated", ("d.updated_at",)),
    "created_at": ("documents_created", ("d.created_at",)),
    "title": ("documents_title", ("d.title",)),
    # Ascending: soonest deadline first, undated documents last (see rows.NO_DEADLINE).
    "deadline": ("documents_deadline", ("d.deadline_sort",)),
    # Descending (the default): 特急 (rank 0) first, and within a rank the longest waiting.
    "urgency": ("documents_urgency", ("d.urgency_rank", "d.updated_at")),
}

# The walk gives up after this many rows per wanted row (the folder or the filters are
# sparse there); then the folder is collected as key sets and sorted, which is cheap
# exactly when it is small. At 1M documents a window of 8,000 rows halves the pages without
# a text filter that take over 100 ms, against 2,000; 20,000 gains nothing more
# (docs/store.md, "At 1,000,000 documents").
WINDOW_PER_ROW = 40
MIN_WINDOW = 8_000
# With a text filter, the walk tests the text (search.row_condition: 10–50 µs a row at 1M
# documents) on at most TEXT_TESTS of the rows the folder and the other filters let through
# (per wanted row, at least TEXT_TESTS_PER_ROW) before it collects the index's matches
# instead. A common phrase is found in the first rows; a rare one is cheap to collect, being
# rare (docs/store.md, "Text filters").
TEXT_TESTS = 600
TEXT_TESTS_PER_ROW = 3
# A page collected with a 办理期限 filter reads the documents due before it from the
# deadline's index when they are fewer than this (sorting them is then cheaper than walking).
DUE_RANGE = 30_000


def _ascending(sort: InboxSort) -> bool:
    """Return whether the sort reads its index forwards (urgency counts 特急 as highest)."""
    return sort.descending if sort.key == "urgency" else not sort.descending


def order_by(sort: InboxSort) -> str:
    """Return the ORDER BY clause of a sort; doc_key last so pages never overlap."""
    if sort.key not in _SORTS:
        raise ValidationError("inbox.unknown_sort", "未知的排序方式", sort=sort.key)
    way = "ASC" if _ascending(sort) else "DESC"
    return ", ".join(f"{column} {way}" for column in (*_SORTS[sort.key][1], "d.doc_key"))


def page(
    conn: sqlite3.Connection, *, actor: Actor, folder: str, filters: InboxFilter,
    sort: InboxSort, offset: int, limit: int,
) -> list[InboxRow]:
    """Return one page of a folder."""
    search.check_page(offset=offset, limit=limit)
    order = order_by(sort)
    rows = _walk(conn, actor=actor, folder=folder, filters=filters, sort=sort, offset=offset,
                 limit=limit)
    if rows is not None:
        return rows
    clause, params = where(actor, folder, filters)
    source = "documents AS d"
    due = None if filters.due_before is None else timestamp(filters.due_before)
    if due is not None and _fewer_due(conn, due, DUE_RANGE):
        # The planner walks the sort's index here even when few documents are due before
        # then (docs/store.md): those few are read from the deadline's index and sorted.
        source = "documents AS d INDEXED BY documents_deadline"
        clause, params = f"d.deadline_sort < ? AND {clause}", [due, *params]
    return _select(conn, source, clause, params, order, offset, limit)


def _fewer_due(conn: sqlite3.Connection, due: str, most: int) -> bool:
    """Return whether fewer than `most` documents are due before `due` (NO_DEADLINE sorts
    after every date, so the undated are not counted)."""
    found = conn.execute("SELECT count(*) FROM (SELECT 1 FROM documents INDEXED BY"
                         " documents_deadline WHERE deadline_sort < ? LIMIT ?)",
                         (due, most)).fetchone()
    return int(found[0]) < most


def _walk(
    conn: sqlite3.Connection, *, actor: Actor, folder: str, filters: InboxFilter,
    sort: InboxSort, offset: int, limit: int,
) -> list[InboxRow] | None:
    """Return the page from the first rows in sort order, or None if they hold too few.

    The rows are those of a window at the start of the sort's index that the folder and the
    filters let through; with a text filter, only the first of them are tested for the text
    (TEXT_TESTS). The page is exact when they hold it whole: they are the first rows of the
    folder and the filters, in order, so no later row can come before them."""
    index, columns = _SORTS[sort.key]
    order = order_by(sort)
    query = _text(filters)
    window = max(MIN_WINDOW, (offset + limit) * WINDOW_PER_ROW)
    edge = conn.execute(f"SELECT {', '.join(columns)} FROM documents AS d INDEXED BY {index}"
                        f" ORDER BY {order} LIMIT 1 OFFSET ?", (window - 1,)).fetchone()
    clause, params = where(actor, folder, filters, walk=True)
    if edge is not None:
        # Ties with the edge row are inside the range too, so the page stays exact.
        sign = "<=" if _ascending(sort) else ">="
        clause = f"({', '.join(columns)}) {sign} ({marks(edge)}) AND {clause}"
        params = [*edge, *params]
    source = f"documents AS d INDEXED BY {index}"
    if query is not None:
        text = search.row_condition(query)
        # The first `tests` rows through the rest, in order; the text is tested on them only.
        tests = max(TEXT_TESTS, (offset + limit) * TEXT_TESTS_PER_ROW)
        source = (f"(SELECT d.doc_key AS walked FROM {source} WHERE {clause}"
                  f" ORDER BY {order} LIMIT ?) CROSS JOIN documents AS d ON d.doc_key = walked")
        clause, params = text[0], [*params, tests, *text[1]]
    rows = _select(conn, source, clause, params, order, offset, limit)
    # Without a window edge every row was walked; with a text filter, perhaps not every
    # row was tested (such a small store collects its matches at once).
    return rows if len(rows) == limit or (edge is None and query is None) else None


def _select(
    conn: sqlite3.Connection, source: str, clause: str, params: list[Any], order: str,
    offset: int, limit: int,
) -> list[InboxRow]:
    rows = conn.execute(
        f"SELECT {_ROW_COLUMNS} FROM {source} WHERE {clause}"
        f" ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset])
    return [_row(values) for values in rows]


def count(conn: sqlite3.Connection, *, actor: Actor, folder: str, filters: InboxFilter) -> int:
    """Return how many documents a folder holds with these filters."""
    if filters == InboxFilter():
        return _size(conn, actor, folder)
    clause, params = where(actor, folder, filters)
    row = conn.execute(f"SELECT count(*) FROM documents AS d WHERE {clause}", params).fetchone()
    return int(row[0])


def _size(conn: sqlite3.Connection, actor: Actor, folder: str) -> int:
    """Count a folder without filters from the index tables alone (no documents rows)."""
    todo, params = todo_keys(actor)
    if folder == "todo":
        sql = f"SELECT count(*) FROM ({todo})"
    elif folder == "done":
        sql = ("SELECT count(*) FROM participants WHERE person_id = ?"
               f" AND doc_key NOT IN ({todo})")
        params = [actor.person_id, *params]
    elif folder == "mine":
        sql, params = "SELECT count(*) FROM documents WHERE created_by = ?", [actor.person_id]
    elif folder == "all":
        sql, params = "SELECT count(*) FROM documents", []
    elif folder == "informed":
        sql, params = ("SELECT count(DISTINCT doc_key) FROM informed WHERE person_id = ?",
                       [actor.person_id])
    else:
        raise ValidationError("inbox.unknown_folder", "未知的收件箱分类", folder=folder)
    return int(conn.execute(sql, params).fetchone()[0])


def unread_informed(conn: sqlite3.Connection, *, actor: Actor) -> int:
    """Return how many documents 知会'd to the person they have not read yet."""
    row = conn.execute("SELECT count(DISTINCT doc_key) FROM informed"
                       " WHERE person_id = ? AND read = 0", (actor.person_id,)).fetchone()
    return int(row[0])


def unread_informed_ids(conn: sqlite3.Connection, *, actor: Actor,
                        document_ids: Sequence[str]) -> set[str]:
    """Return which of these documents were 知会'd to the person and are still unread."""
    found: set[str] = set()
    for part in chunks(list(document_ids)):
        rows = conn.execute(
            "SELECT d.id FROM documents AS d JOIN informed AS i ON i.doc_key = d.doc_key"
            f" WHERE i.person_id = ? AND i.read = 0 AND d.id IN ({marks(part)})",
            [actor.person_id, *part])
        found.update(str(r[0]) for r in rows)
    return found


# --- 待办 / 已办 across record kinds ----------------------------------------------------------

ACROSS_KINDS: tuple[Folder, ...] = ("todo", "done")


@dataclass(frozen=True)
class InboxLine:
    """One line of the one inbox: a record of any kind and what it asks (or asked).

    `document` carries a document's own columns (文号, 环节, 待同步); `task` is the entry's
    task for meetings and supervision items ("reply", "check_in", "sign_for", "report",
    "review"…) and "handle" for documents. `urgency_rank` 0 is 特急, as for documents.
    """

    kind: str
    record_id: str
    task: str
    title: str
    due: datetime | None
    urgency_rank: int
    updated_at: datetime | None
    document: InboxRow | None = None


def _document_line(row: InboxRow) -> InboxLine:
    return InboxLine("document", row.id, "handle", row.title, row.deadline,
                     URGENCY_RANK[row.urgency], row.updated_at, row)


def _kinds(folder: str, filters: InboxFilter) -> tuple[bool, bool]:
    """Return whether documents, and whether the entries of other kinds, are in the page."""
    documents = filters.kind in (None, "document")
    others = (folder in ACROSS_KINDS and filters.kind != "document"
              and not filters.documents_only())
    return documents, others


def _entry_audiences(actor: Actor, folder: str) -> list[str]:
    """Return whose entries a folder reads: 待办 every audience of the actor (委托 and pools
    included), 已办 what the person did themselves."""
    return audiences(actor) if folder == "todo" else [actor.person_id]


def _entry_tests(
    actor: Actor, folder: str, filters: InboxFilter, now: datetime,
) -> tuple[str, list[Any]]:
    """Return the row tests of a folder's entries beyond their audience and `done` (todo: not
    expired, and not a pool entry leaving the actor out; done: asking nothing of them now)."""
    # A pool entry may leave one person out (core.inbox.reaches).
    live = ("{t}.expires > ? AND ({t}.excluded IS NULL OR {t}.excluded <> ?"
            f" OR substr({{t}}.person_id, 1, 1) <> '{POOL}')")
    live_params: list[Any] = [timestamp(now), actor.person_id]
    if folder == "todo":
        sql, params = live.format(t="e"), live_params
    else:
        # One set of what is asked of the actor now, built once per query, not a probe per row.
        people = audiences(actor)
        sql = ("e.kind || '/' || e.record_id NOT IN (SELECT t.kind || '/' || t.record_id"
               f" FROM inbox_entries AS t WHERE t.person_id IN ({marks(people)})"
               f" AND t.done = 0 AND {live.format(t='t')})")
        params = [*people, *live_params]
    if filters.kind is not None:
        sql += " AND e.kind = ?"
        params.append(filters.kind)
    if filters.urgency is not None:
        sql += " AND e.urgency_rank = ?"
        params.append(URGENCY_RANK[filters.urgency])
    if filters.due_before is not None:
        sql += " AND e.due < ?"
        params.append(timestamp(filters.due_before))
    return sql, params


def _entry_keys(
    actor: Actor, folder: str, filters: InboxFilter, now: datetime,
) -> tuple[str, list[Any]]:
    """Return SQL selecting the (kind, record_id, task) of a folder's lines, each once: one
    range of the table per audience (its key leads with the audience), joined by UNION."""
    tests, params = _entry_tests(actor, folder, filters, now)
    arm = ("SELECT e.kind, e.record_id, e.task FROM inbox_entries AS e"
           f" WHERE e.person_id = ? AND e.done = ? AND {tests}")
    people = _entry_audiences(actor, folder)
    done = int(folder != "todo")
    return (" UNION ".join([arm] * len(people)),
            [value for person in people for value in (person, done, *params)])


# The index each sort walks (schema v9: audience and done first, then the sort's columns,
# then the key's kind, record and task), matching _SORTS. Entries have no created_at: their
# last change stands in for it.
_ENTRY_SORTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "updated_at": ("inbox_entries_updated", ("updated_at",)),
    "created_at": ("inbox_entries_updated", ("updated_at",)),
    "title": ("inbox_entries_title", ("title",)),
    "deadline": ("inbox_entries_due", ("due_sort",)),
    "urgency": ("inbox_entries_urgency", ("urgency_rank", "updated_at")),
}
_TIES = ("kind", "record_id", "task")


def _entry_page(
    conn: sqlite3.Connection, *, actor: Actor, folder: str, filters: InboxFilter,
    sort: InboxSort, limit: int, now: datetime,
) -> list[InboxLine]:
    """Return the first `limit` lines of a folder's entries: each audience's index walked in
    sort order up to `limit` rows, merged, one line per record and task.

    A line asked of two audiences (a clerk who is also a secretary) appears in both walks;
    where that leaves a walk short of the page, the walks go on twice as far.
    """
    tests, params = _entry_tests(actor, folder, filters, now)
    index, columns = _ENTRY_SORTS[sort.key]
    way = "ASC" if _ascending(sort) else "DESC"
    order = ", ".join(f"e.{c} {way}" for c in (*columns, *_TIES))
    sql = (f"SELECT {inbox_entries.ROW_COLUMNS}, {', '.join(f'e.{c}' for c in columns)}"
           f" FROM inbox_entries AS e INDEXED BY {index} WHERE e.person_id = ? AND e.done = ?"
           f" AND {tests} ORDER BY {order} LIMIT ?")
    done, reach = int(folder != "todo"), limit
    while True:
        walks = [[(tuple(r[-len(columns):]) + tuple(r[:3]), r[:-len(columns)])
                  for r in conn.execute(sql, [audience, done, *params, reach])]
                 for audience in _entry_audiences(actor, folder)]
        found = _merged(walks, descending=not _ascending(sort))
        short = [walk[-1][0] for walk in walks if len(walk) == reach]
        if short:
            # Past the first walk's end another walk may still hold earlier lines.
            edge = max(short) if not _ascending(sort) else min(short)
            found = [f for f in found if (f[0] >= edge if not _ascending(sort) else f[0] <= edge)]
        if len(found) >= limit or not short:
            return [InboxLine(*inbox_entries.parse(values)) for _, values in found[:limit]]
        reach *= 2


def _merged(walks: list[list[tuple[tuple[Any, ...], Any]]], *, descending: bool,
            ) -> list[tuple[tuple[Any, ...], Any]]:
    """Return the walks' rows in one order, each record and task once."""
    rows = sorted((row for walk in walks for row in walk), key=lambda row: row[0],
                  reverse=descending)
    seen: set[tuple[Any, ...]] = set()
    found = []
    for row in rows:
        if row[0][-3:] not in seen:
            seen.add(row[0][-3:])
            found.append(row)
    return found


def _sort_value(line: InboxLine, key: str) -> tuple[Any, ...]:
    updated = timestamp(line.updated_at) if line.updated_at is not None else ""
    if key == "title":
        return (line.title,)
    if key == "deadline":
        return (timestamp(line.due) if line.due is not None else f"{NO_DEADLINE}{updated}",)
    if key == "urgency":
        return (line.urgency_rank, updated)
    if key == "created_at" and line.document is not None:
        return (timestamp(line.document.created_at),) if line.document.created_at else (updated,)
    return (updated,)


def lines(
    conn: sqlite3.Connection, *, actor: Actor, folder: str, filters: InboxFilter,
    sort: InboxSort, offset: int, limit: int, now: datetime,
) -> list[InboxLine]:
    """Return one page of a folder across record kinds (documents alone outside 待办/已办
    or with a documents-only filter).

    The first `offset + limit` entries (one person's are few) are merged with the documents
    that can share the page: those from `offset - len(entries)` on, since every earlier
    document comes before the page whatever the entries hold (docs/store.md, "The inbox").
    """
    search.check_page(offset=offset, limit=limit)
    documents, others = _kinds(folder, filters)
    entries = (_entry_page(conn, actor=actor, folder=folder, filters=filters, sort=sort,
                           limit=offset + limit, now=now) if others else [])
    if not documents:
        return entries[offset:offset + limit]
    start = max(0, offset - len(entries))
    found = entries + _documents(conn, actor=actor, folder=folder,
                                 filters=replace(filters, kind=None), sort=sort, offset=start,
                                 count=offset + limit - start)
    if entries:
        found.sort(key=lambda line: _sort_value(line, sort.key), reverse=not _ascending(sort))
    return found[offset - start:offset + limit - start]


def _documents(
    conn: sqlite3.Connection, *, actor: Actor, folder: str, filters: InboxFilter,
    sort: InboxSort, offset: int, count: int,
) -> list[InboxLine]:
    """Return `count` documents of a folder from `offset`, read a page at a time."""
    found: list[InboxLine] = []
    while len(found) < count:
        want = min(search.MAX_PAGE, count - len(found))
        rows = page(conn, actor=actor, folder=folder, filters=filters, sort=sort,
                    offset=offset + len(found), limit=want)
        found += [_document_line(r) for r in rows]
        if len(rows) < want:
            break
    return found


def line_count(
    conn: sqlite3.Connection, *, actor: Actor, folder: str, filters: InboxFilter,
    now: datetime,
) -> int:
    """Return how many lines a folder holds across record kinds, with these filters."""
    documents, others = _kinds(folder, filters)
    total = count(conn, actor=actor, folder=folder,
                  filters=replace(filters, kind=None)) if documents else 0
    if others:
        keys, params = _entry_keys(actor, folder, filters, now)
        total += int(conn.execute(f"SELECT count(*) FROM ({keys})", params).fetchone()[0])
    return total


def kind_counts(conn: sqlite3.Connection, *, actor: Actor, now: datetime) -> dict[str, int]:
    """Return the 待办 of meetings and supervision items by kind (the documents' is
    `count(folder="todo")`)."""
    keys, params = _entry_keys(actor, "todo", InboxFilter(), now)
    rows = conn.execute(f"SELECT kind, count(*) FROM ({keys}) GROUP BY kind", params)
    return {str(kind): int(n) for kind, n in rows}
