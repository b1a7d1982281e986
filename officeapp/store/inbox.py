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
from officeapp.store import facets, inbox_entries, search
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


# A folder collected with facet filters keeps, of its key sets, the keys whose document's
# facets (copied to every side table's row, schema v10) pass: (mask, value).
Facets = tuple[int, int] | None


def todo_keys(actor: Actor, *, distinct: bool = True, facet: Facets = None,
              ) -> tuple[str, list[Any]]:
    """Return SQL selecting the doc_keys the actor may act on now, with its parameters.

    One SELECT per partial index, for collecting a whole folder. Not `distinct`, a key may
    come twice, which `IN` does not mind: at 1M documents a 待办 of 155k keys is gathered in
    32 ms so, and in 119 ms with each key once.
    """
    people = _people(actor)
    arms = [("SELECT doc_key FROM holders WHERE done = 0 AND person_id IS NOT NULL"
             f" AND person_id IN ({marks(people)})", list(people))]
    units, roles = _pools(actor)
    if roles:
        # The drafter may not take the review pool of their own draft (excludes_creator).
        arms.append((
            "SELECT doc_key FROM holders WHERE done = 0 AND person_id IS NULL"
            f" AND unit_id IN ({marks(units)}) AND role IN ({marks(roles)})"
            " AND (exclude_person_id IS NULL OR exclude_person_id <> ?)",
            [*units, *roles, actor.person_id]))
    arms.append(("SELECT doc_key FROM circulations WHERE read = 0 AND person_id = ?",
                 [actor.person_id]))
    arms = [_keys(sql, params, facet) for sql, params in arms]
    return ((" UNION " if distinct else " UNION ALL ").join(sql for sql, _ in arms),
            [p for _, params in arms for p in params])


def _keys(select: str, params: list[Any], facet: Facets) -> tuple[str, list[Any]]:
    """Return a key set's SELECT (ending in its WHERE clause) keeping only the keys whose
    facets pass, if `facet` is given."""
    if facet is None:
        return select, params
    return f"{select} AND (facets & ?) = ?", [*params, *facet]


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


def _folder(actor: Actor, folder: str, *, walk: bool, facet: Facets = None,
            ) -> tuple[str, list[Any]]:
    """Return the folder as a WHERE fragment: as key sets to collect (keeping the keys whose
    facets pass, if `facet` is given), or row tests to walk."""
    if folder == "mine":
        if facet is not None:
            # documents_mine carries the facets: the range is tested without its rows.
            return "d.created_by = ? AND (d.facets & ?) = ?", [actor.person_id, *facet]
        return "d.created_by = ?", [actor.person_id]
    if folder == "all":
        # Everything cached is visible to this person (the server sends nothing else).
        return "1 = 1", []
    if walk:
        return _folder_test(actor, folder)
    keys, params = _key_set(actor, folder, facet)
    if folder == "done":
        todo, todo_params = _key_set(actor, "todo", facet)
        return f"d.doc_key IN ({keys}) AND NOT d.doc_key IN ({todo})", [*params, *todo_params]
    return f"d.doc_key IN ({keys})", params


def _folder_test(actor: Actor, folder: str) -> tuple[str, list[Any]]:
    """Return the row tests of 知会我的, 待办 or 已办 on document `d`, for a walk."""
    if folder == "informed":
        return ("EXISTS (SELECT 1 FROM informed AS i WHERE i.doc_key = d.doc_key"
                " AND i.person_id = ?)", [actor.person_id])
    todo, params = holds(actor)
    if folder == "todo":
        return todo, params
    if folder == "done":
        return ("EXISTS (SELECT 1 FROM participants AS p WHERE p.person_id = ?"
                f" AND p.doc_key = d.doc_key) AND NOT {todo}", [actor.person_id, *params])
    raise ValidationError("inbox.unknown_folder", "未知的收件箱分类", folder=folder)


def _key_set(actor: Actor, folder: str, facet: Facets) -> tuple[str, list[Any]]:
    """Return SQL selecting a folder's doc_keys whose facets pass (a key may come twice),
    for 已办 those acted on (its 待办 is left out after), with its parameters."""
    if folder == "todo":
        return todo_keys(actor, distinct=False, facet=facet)
    selects = {"mine": "SELECT doc_key FROM documents WHERE created_by = ?",
               "informed": "SELECT doc_key FROM informed WHERE person_id = ?",
               "done": "SELECT doc_key FROM participants WHERE person_id = ?"}
    if folder not in selects:
        raise ValidationError("inbox.unknown_folder", "未知的收件箱分类", folder=folder)
    return _keys(selects[folder], [actor.person_id], facet)


def _facet(filters: InboxFilter) -> Facets:
    """Return the facets' (mask, value) of the filters, None if they have none."""
    wanted = _facet_values(filters)
    return facets.pattern(wanted) if wanted else None


def _facet_values(filters: InboxFilter) -> list[tuple[str, int | str]]:
    """Return the (column, value) of each filter the facets hold."""
    return [(column, value if isinstance(value, int) else str(value)) for column, value in (
        ("urgency_rank", None if filters.urgency is None else URGENCY_RANK[filters.urgency]),
        ("doc_type", filters.doc_type), ("status", filters.status),
        ("direction", filters.direction)) if value is not None]


@dataclass(frozen=True)
class _Test:
    """One condition of the filters on document `d`, and the column it reads."""

    sql: str
    params: tuple[Any, ...]
    column: str
    # How a test of one column compares it ("=", "<", ">="), so that a walk may bound its
    # index's range with the test (see _bounded); "" for other tests.
    op: str = ""


def _tests(filters: InboxFilter, *, walk: bool, index: Sequence[str] = ()) -> list[_Test]:
    """Return the filters' conditions but the text.

    Walking, the facets' test comes first: it needs no row, only the sort's index, and it is
    exact but for a value that has no code of its own, which its column's test then tells
    apart. A column the walked `index` holds is tested too (urgency_rank leads the urgency
    sort's index: its test lets the walk seek to it). Collecting reads the rows, where the
    columns cost less than the facets, which are computed from them."""
    tests: list[_Test] = []
    wanted = _facet_values(filters)
    if wanted and walk:
        sql, codes = facets.test(wanted)
        tests.append(_Test(sql, tuple(codes), "facets"))
    # Collecting, these columns drive no index (SQLite's unary +): the folder's keys, the
    # text's matches or page()'s choice of the deadline's index do. Without stats the planner
    # would walk the urgency sort's index through 800k rows of 普通 for an empty 知会我的.
    plus = "" if walk else "+"
    tests += [_Test(f"{plus}d.{column} = ?", (value,), column, "=") for column, value in wanted
              if not walk or f"d.{column}" in index or not facets.known(column, value)]
    if filters.due_before is not None:
        # The same as `deadline < ?`: the undated sort after every date (rows.NO_DEADLINE).
        tests.append(_Test(f"{plus}d.deadline_sort < ?", (timestamp(filters.due_before),),
                           "deadline_sort", "<"))
    for op, moment in ((">=", filters.created_from), ("<", filters.created_before)):
        if moment is not None:
            tests.append(_Test(f"d.created_at {op} ?", (timestamp(moment),), "created_at", op))
    for column, key in (("owner_unit_id", filters.owner_unit_id),
                        ("created_by", filters.created_by), ("step", filters.step)):
        if key is not None:
            tests.append(_Test(f"d.{column} = ?", (key,), column))
    return tests


def _filters(filters: InboxFilter) -> tuple[list[str], list[Any]]:
    """Return the filters' conditions but the text to collect, with their parameters."""
    tests = _tests(filters, walk=False)
    return [t.sql for t in tests], [p for t in tests for p in t.params]


def _text(filters: InboxFilter) -> search.TextQuery | None:
    """Return the text filter, or None without one."""
    text = search.parse_query(filters.text)
    return None if text.empty else text


def where(
    actor: Actor, folder: str, filters: InboxFilter, *, text_by_row: bool = False,
) -> tuple[str, list[Any]]:
    """Return the WHERE clause of a folder with filters to collect, and its parameters; the
    text is tested row by row (`text_by_row`) or by gathering the index's matches."""
    folder_sql, folder_params = _folder(actor, folder, walk=False, facet=_facet(filters))
    parts, params = _filters(filters)
    text = _text(filters)
    if text is not None:
        sql, text_params = (search.row_condition if text_by_row else search.condition)(text)
        parts.append(sql)
        params += text_params
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

# The walk reads at most this many rows of the sort's index (per wanted row, at least
# WINDOW_PER_ROW); the facets' test costs little there, being read from the index. Of the
# rows that pass the filters it tests the folder on at most FOLDER_TESTS (per wanted row, at
# least FOLDER_TESTS_PER_ROW), which costs a row's read and the folder's lookups. Where these
# hold too few rows, the folder or the filters are sparse at the start of the order: the
# page is collected as key sets and sorted instead, which is cheap exactly when they are
# small (docs/store.md, "At 1,000,000 documents").
WINDOW_PER_ROW = 40
MIN_WINDOW = 8_000
WIDE_WINDOW = 100_000
FOLDER_TESTS = 8_000
FOLDER_TESTS_PER_ROW = 40
# With a text filter, the walk tests the text (search.row_condition: 10–50 µs a row at 1M
# documents) on at most TEXT_TESTS of the rows in the folder (per wanted row, at least
# TEXT_TESTS_PER_ROW) before it collects the index's matches instead. A common phrase is
# found in the first rows; a rare one is cheap to collect, being rare (docs/store.md,
# "Text filters").
TEXT_TESTS = 600
TEXT_TESTS_PER_ROW = 3
# A folder whose keys with the facet filters are fewer than this is collected at once,
# without a walk (a walk would end in collecting it). With a text filter, fewer than
# SMALL_TEXT_FOLDER, and the text is tested on each row: cheaper than gathering a phrase's
# matches, which costs 50–180 ms at 1M documents for a phrase of common characters.
SMALL_FOLDER = 3_000
SMALL_TEXT_FOLDER = 200
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
    most = SMALL_TEXT_FOLDER if _text(filters) is not None else SMALL_FOLDER
    size = _folder_size(conn, actor, folder, filters, most)
    small = size is not None and size < most
    if not small:
        rows = _walk(conn, actor=actor, folder=folder, filters=filters, sort=sort,
                     offset=offset, limit=limit)
        if rows is not None:
            return rows
    clause, params = where(actor, folder, filters, text_by_row=small)
    source = "documents AS d"
    due = None if filters.due_before is None else timestamp(filters.due_before)
    if due is not None and _fewer_due(conn, due, DUE_RANGE):
        # The planner walks the sort's index here even when few documents are due before
        # then (docs/store.md): those few are read from the deadline's index and sorted.
        source = "documents AS d INDEXED BY documents_deadline"
        clause, params = f"d.deadline_sort < ? AND {clause}", [due, *params]
    return _select(conn, source, clause, params, order, offset, limit)


def _folder_size(
    conn: sqlite3.Connection, actor: Actor, folder: str, filters: InboxFilter, most: int,
) -> int | None:
    """Return how many keys the folder's key sets hold with the facet filters, counting no
    further than `most` (a key in two sets counts twice; 已办 counts what was acted on);
    None for 全部, which has none."""
    if folder == "all":
        return None
    keys, params = _key_set(actor, folder, _facet(filters))
    found = conn.execute(f"SELECT count(*) FROM ({keys} LIMIT ?)", [*params, most]).fetchone()
    return int(found[0])


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

    The rows walked end at an edge: the last of the first FOLDER_TESTS rows that pass the
    filters within a window at the start of the sort's index (the facets are tested in the
    index itself). With a text filter, only the first TEXT_TESTS of them in the folder are
    tested for the text. The page is exact when the walked rows hold it whole: they are the
    first rows of the folder and the filters, in order, so no later row can come before
    them."""
    index, columns = _SORTS[sort.key]
    order = order_by(sort)
    wanted = offset + limit
    tests = _tests(filters, walk=True, index=columns)
    # A test of the index's first column bounds the window itself (the walk seeks to it);
    # while every test reads the index alone, a row costs little, and the window is wide.
    seek = [t for t in tests if f"d.{t.column}" == columns[0]]
    wide = all(f"d.{t.column}" in columns or t.column == "facets" for t in tests)
    window = max(WIDE_WINDOW if wide else MIN_WINDOW, wanted * WINDOW_PER_ROW)
    most = max(FOLDER_TESTS, wanted * FOLDER_TESTS_PER_ROW)
    query = _text(filters)
    if folder == "all" and wide and query is None:
        # 全部 has no folder to test: the walk may read the whole index (0.1 µs a row at
        # 1M documents), which is never slower than collecting and sorting.
        edge = None
    elif tests:
        edge = _edge(conn, sort, seek, window)
        edge = _edge(conn, sort, tests, most, within=edge) or edge
    else:
        edge = _edge(conn, sort, [], most)
    parts, params = _bounded(sort, edge, tests)
    folder_sql, folder_params = _folder(actor, folder, walk=True)
    # Plain column tests first: a walked row failing them skips the folder's subqueries.
    clause, params = " AND ".join([*parts, folder_sql]), [*params, *folder_params]
    source = f"documents AS d INDEXED BY {index}"
    if query is not None:
        text = search.row_condition(query)
        # The first rows through the rest, in order; the text is tested on them only.
        source = (f"(SELECT d.doc_key AS walked FROM {source} WHERE {clause}"
                  f" ORDER BY {order} LIMIT ?) CROSS JOIN documents AS d ON d.doc_key = walked")
        clause = text[0]
        params = [*params, max(TEXT_TESTS, wanted * TEXT_TESTS_PER_ROW), *text[1]]
    rows = _select(conn, source, clause, params, order, offset, limit)
    # Without an edge every row was walked; with a text filter, perhaps not every row was
    # tested (such a small store collects its matches at once).
    return rows if len(rows) == limit or (edge is None and query is None) else None


def _edge(
    conn: sqlite3.Connection, sort: InboxSort, tests: list[_Test], rows: int, *,
    within: tuple[Any, ...] | None = None,
) -> tuple[Any, ...] | None:
    """Return the sort columns of the `rows`-th row through these tests in the sort's index
    (up to `within`), or None if fewer rows pass."""
    index, columns = _SORTS[sort.key]
    parts, params = _bounded(sort, within, tests)
    where_sql = f" WHERE {' AND '.join(parts)}" if parts else ""
    found = conn.execute(
        f"SELECT {', '.join(columns)} FROM documents AS d INDEXED BY {index}{where_sql}"
        f" ORDER BY {order_by(sort)} LIMIT 1 OFFSET ?", [*params, rows - 1]).fetchone()
    return None if found is None else tuple(found)


def _bounded(
    sort: InboxSort, edge: tuple[Any, ...] | None, tests: list[_Test],
) -> tuple[list[str], list[Any]]:
    """Return the tests' conditions after the condition of a row not being past the edge row
    in the sort's order (ties with it are inside too, so a page within stays exact).

    The edge lies within every test of the index's first column, so SQLite's range over the
    index must end at it: past an equality the edge compares the columns after it (SQLite
    bounds a range by one of the two, not both), and a test that ends the range as the edge
    does is left out (SQLite would end the range by it and test the edge on every row up to
    it)."""
    if edge is None:
        return [t.sql for t in tests], [p for t in tests for p in t.params]
    columns = _SORTS[sort.key][1]
    kept = []
    fixed = 0
    for test in tests:
        if f"d.{test.column}" == columns[0] and test.op == "=":
            fixed = 1
        elif f"d.{test.column}" == columns[0] and (test.op == "<") == _ascending(sort):
            continue
        kept.append(test)
    sign = "<=" if _ascending(sort) else ">="
    parts = [t.sql for t in kept]
    params = [p for t in kept for p in t.params]
    if fixed < len(columns):
        parts.insert(0, f"({', '.join(columns[fixed:])}) {sign} ({marks(edge[fixed:])})")
        params = [*edge[fixed:], *params]
    return parts, params


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
