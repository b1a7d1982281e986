"""The inbox as a Qt table model over SQL pages: it never holds a list of every row.

待办 and 已办 list every record kind (公文, 会议, 督办) with what each asks (store.inbox_lines);
the other folders list documents. A document row opens in the pane beside the list; a meeting
or supervision row opens on its own page (MainWindow.open_record).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from officeapp.documents import Direction
from officeapp.org import Actor
from officeapp.store import InboxFilter, InboxLine, InboxRow, InboxSort, LocalStore
from officeapp.store.inbox import Folder, SortKey
from officeapp.supervision.model import ACTION_LABELS as SUPERVISION_ACTIONS
from officeapp.supervision.model import ActionKind as SupervisionAction
from ui.common import highlight, times
from ui.common.context import AppContext
from ui.common.qt import (
    QAbstractTableModel,
    QColor,
    QFont,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from ui.common.translate import QT_TRANSLATE_NOOP
from ui.common.values import value_text

PAGE = 100
# The title cell as HTML with the search's matches marked (ui.common.highlight.HighlightDelegate).
HTML_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    """One column: its header, the sort key it maps to (if any), and its width in characters."""

    header: str
    sort: SortKey | None
    width: int


COLUMNS = (
    Column("标题", "title", 24),
    Column("文号", None, 10),
    Column("紧急", "urgency", 3),
    # A document's current step; what a meeting or supervision item asks (回执, 签收…).
    Column("环节/事项", None, 5),
    Column("办理期限", "deadline", 6),
    Column("更新时间", "updated_at", 6),
    Column("业务", None, 3),
)
KIND_COLUMN = 6
_HEADERS = (QT_TRANSLATE_NOOP("InboxModel", "环节/事项"), QT_TRANSLATE_NOOP("InboxModel", "业务"))
# urgency_rank (0 = 特急) as the list shows and colours it.
_URGENCY = ("特急", "加急", "普通")
_URGENT = {0: QColor("#c00000"), 1: QColor("#c55a11")}
KIND_LABELS = {
    "document": QT_TRANSLATE_NOOP("values", "公文"),
    "meeting": QT_TRANSLATE_NOOP("values", "会议"),
    "supervision": QT_TRANSLATE_NOOP("values", "督办"),
}
# What an entry asks (store/inbox_entries.py), by kind and task.
TASK_LABELS = {
    ("meeting", "reply"): QT_TRANSLATE_NOOP("values", "回执"),
    ("meeting", "check_in"): QT_TRANSLATE_NOOP("values", "签到"),
    ("meeting", "approve_room"): QT_TRANSLATE_NOOP("values", "审批会议室"),
    ("supervision", "open"): QT_TRANSLATE_NOOP("values", "立项"),
    ("supervision", "approve"): QT_TRANSLATE_NOOP("values", "批准立项"),
    ("supervision", "assign"): QT_TRANSLATE_NOOP("values", "交办"),
    ("supervision", "sign_for"): QT_TRANSLATE_NOOP("values", "签收"),
    ("supervision", "report"): QT_TRANSLATE_NOOP("values", "汇报进展"),
    ("supervision", "assist"): QT_TRANSLATE_NOOP("values", "配合办理"),
    ("supervision", "decide_extension"): QT_TRANSLATE_NOOP("values", "审批延期"),
    ("supervision", "review"): QT_TRANSLATE_NOOP("values", "审核办结"),
}


def local_time(moment: datetime | None, *, date_only: bool = False) -> str:
    """Return a moment in Beijing time, as people read it."""
    if moment is None:
        return ""
    return times.moment_text(moment, times.DAY) if date_only else times.short_text(moment)


_ACTIONS = frozenset(a.value for a in SupervisionAction)


def task_text(line: InboxLine) -> str:
    """Return what a line asks (or, in 已办, what was done) as people read it."""
    label = TASK_LABELS.get((line.kind, line.task))
    if label is None and line.kind == "supervision" and line.task in _ACTIONS:
        # 已办: the person's last action on the item.
        label = SUPERVISION_ACTIONS[SupervisionAction(line.task)]
    return value_text(label) if label is not None else line.task


def line_cell(line: InboxLine, column: int) -> str:
    """Return the text of one cell of a line of any kind."""
    if column == KIND_COLUMN:
        return value_text(KIND_LABELS.get(line.kind, line.kind))
    if line.document is not None:
        return cell(line.document, column)
    if column == 0:
        return line.title
    if column == 2:
        return value_text(_URGENCY[line.urgency_rank])
    if column == 3:
        return task_text(line)
    if column == 4:  # a meeting's is its start, to the minute
        return local_time(line.due, date_only=line.kind != "meeting")
    if column == 5:
        return local_time(line.updated_at)
    return ""


def cell(row: InboxRow, column: int) -> str:
    """Return the text of one cell of a document row."""
    if column == 0:
        return row.title
    if column == 1:
        if row.doc_number:
            return row.doc_number
        past_numbering = row.direction is Direction.OUTGOING and row.step in (
            "seal", "issue", "done", "archived")
        return value_text("待编号") if past_numbering else ""
    if column == 2:
        return value_text(row.urgency.value)
    if column == 3:
        return value_text(row.step_label) + _pending_mark(row)
    if column == 4:
        return local_time(row.deadline, date_only=True)
    return local_time(row.updated_at)


def _pending_mark(row: InboxRow) -> str:
    """Return what the step cell adds for local changes: 用印 done here waits for the server's
    signed PDF, anything else for the upload."""
    if row.awaiting_seal:
        return value_text("（待用印）")
    return value_text("（待同步）") if row.pending else ""


class InboxModel(QAbstractTableModel):
    """Rows of one folder with filters and a sort, loaded a page at a time on the worker."""

    first_page = Signal()  # the first page of a refresh is in the model
    loaded = Signal(int)  # the total row count after a refresh

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.folder: Folder = "todo"
        self.filters = InboxFilter()
        self.sorting = InboxSort("urgency", True)
        self.total = 0
        self._pages: dict[int, list[InboxLine]] = {}
        # Where the search text matched each row shown, marked (the title column shows it).
        self._snippets: dict[str, str] = {}
        # 知会我的: the rows not read yet, shown bold.
        self._unread: set[str] = set()
        self._loading: set[int] = set()
        self._generation = 0
        self._refresh: asyncio.Task[Any] | None = None

    # --- what the view asks --------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the folder's size (rows arrive page by page)."""
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the column headers."""
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section].header)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell; a row whose page is not loaded yet shows nothing and asks for it."""
        row = self.row_at(index.row())
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return "…"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return line_cell(row, index.column())
        if role == Qt.ItemDataRole.FontRole and row.record_id in self._unread:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            return _URGENT.get(row.urgency_rank)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.UserRole:
            return row.record_id
        if role == HTML_ROLE and index.column() == 0 and row.record_id in self._snippets:
            return highlight.row_html(row.title, self._snippets[row.record_id])
        return None

    def _tooltip(self, row: InboxLine) -> str:
        """Return the title with its document type (or kind), and where the search matched."""
        if row.document is None:
            return f"{row.title}（{value_text(KIND_LABELS.get(row.kind, row.kind))}）"
        found = self._snippets.get(row.record_id)
        tip = f"{row.title}（{value_text(row.document.doc_type.value)}）"
        return f"{tip}\n{highlight.plain(found)}" if found else tip

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column that has an SQL sort; others are ignored."""
        key = COLUMNS[column].sort
        if key is None:
            return
        self.sorting = InboxSort(key, order is Qt.SortOrder.DescendingOrder)
        self.refresh()

    # --- rows ------------------------------------------------------------------------------------

    def row_at(self, number: int) -> InboxLine | None:
        """Return the row at `number` if its page is loaded; otherwise start loading it."""
        page, offset = divmod(number, PAGE)
        rows = self._pages.get(page)
        if rows is None:
            self._load_page(page)
            return None
        return rows[offset] if offset < len(rows) else None

    def document_id(self, number: int) -> str | None:
        """Return the document id of a row (if loaded and a document)."""
        row = self.row_at(number)
        return None if row is None or row.kind != "document" else row.record_id

    def record_at(self, number: int) -> tuple[str, str] | None:
        """Return the kind and id of the record of a row (if loaded)."""
        row = self.row_at(number)
        return None if row is None else (row.kind, row.record_id)

    # --- loading ---------------------------------------------------------------------------------

    def show(self, folder: Folder, filters: InboxFilter | None = None) -> None:
        """Switch to a folder (and filters), starting a refresh."""
        self.folder = folder
        if filters is not None:
            self.filters = filters
        self.refresh()

    def set_filters(self, filters: InboxFilter) -> None:
        """Apply new filters, keeping the folder."""
        self.filters = filters
        self.refresh()

    def refreshing(self) -> bool:
        """Return whether a refresh is still loading."""
        return self._refresh is not None and not self._refresh.done()

    def refresh(self) -> asyncio.Task[Any]:
        """Reload the count and the first page; a newer refresh cancels a stale one."""
        if self._refresh is not None and not self._refresh.done():
            self._refresh.cancel()
        self._generation += 1
        self._refresh = self.ctx.spawn(self._reload(self._generation), what="刷新列表")
        return self._refresh

    async def _reload(self, generation: int) -> None:
        actor = await self.ctx.actor()
        folder, filters, sorting = self.folder, self.filters, self.sorting
        first, snippets, unread = await self.ctx.db(
            lambda s: _page(s, actor, folder, filters, sorting, 0))
        if generation != self._generation:
            return
        # The first page paints at once; the full count (for the scroll bar) follows.
        self.beginResetModel()
        self.total = len(first)
        self._pages = {0: first}
        self._snippets = snippets
        self._unread = unread
        self._loading = set()
        self.endResetModel()
        self.first_page.emit()
        if len(first) == PAGE:
            total: int = await self.ctx.db(
                lambda s: s.inbox_line_count(actor=actor, folder=folder, filters=filters))
            if generation != self._generation:
                return
            if total > self.total:
                self.beginInsertRows(QModelIndex(), self.total, total - 1)
                self.total = total
                self.endInsertRows()
        self.loaded.emit(self.total)

    def _load_page(self, page: int) -> None:
        if page in self._loading:
            return
        self._loading.add(page)
        self.ctx.spawn(self._fetch(page, self._generation), what="读取列表")

    async def _fetch(self, page: int, generation: int) -> None:
        actor = await self.ctx.actor()
        folder, filters, sorting = self.folder, self.filters, self.sorting
        rows, snippets, unread = await self.ctx.db(
            lambda s: _page(s, actor, folder, filters, sorting, page))
        if generation != self._generation:
            return
        self._pages[page] = rows
        self._snippets.update(snippets)
        self._unread |= unread
        self._loading.discard(page)
        first = page * PAGE
        last = min(self.total, first + len(rows)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))


def _page(store: LocalStore, actor: Actor, folder: Folder, filters: InboxFilter,
          sorting: InboxSort, page: int) -> tuple[list[InboxLine], dict[str, str], set[str]]:
    """Return one page of rows, where the search text matched each, and (知会我的) which are
    unread (on the worker)."""
    rows = store.inbox_lines(actor=actor, folder=folder, filters=filters, sort=sorting,
                             offset=page * PAGE, limit=PAGE)
    ids = [row.record_id for row in rows if row.kind == "document"]
    unread = store.unread_informed_ids(actor, ids) if folder == "informed" else set()
    if not filters.text:
        return rows, {}, unread
    return rows, store.snippets(ids, filters.text), unread


def with_text(filters: InboxFilter, text: str) -> InboxFilter:
    """Return the filters with a new search text."""
    return replace(filters, text=text.strip())
