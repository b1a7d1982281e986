"""The inbox as a Qt table model over SQL pages: it never holds a list of every row."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from officeapp.documents import Direction, Urgency
from officeapp.org import Actor
from officeapp.store import InboxFilter, InboxRow, InboxSort, LocalStore
from officeapp.store.inbox import Folder, SortKey
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
    Column("当前环节", None, 5),
    Column("办理期限", "deadline", 6),
    Column("更新时间", "updated_at", 6),
)
_URGENT = {Urgency.EXTRA_URGENT: QColor("#c00000"), Urgency.URGENT: QColor("#c55a11")}


def local_time(moment: datetime | None, *, date_only: bool = False) -> str:
    """Return a moment in Beijing time, as people read it."""
    if moment is None:
        return ""
    return times.moment_text(moment, times.DAY) if date_only else times.short_text(moment)


def cell(row: InboxRow, column: int) -> str:
    """Return the text of one cell."""
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
        self._pages: dict[int, list[InboxRow]] = {}
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
            return cell(row, index.column())
        if role == Qt.ItemDataRole.FontRole and row.id in self._unread:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            return _URGENT.get(row.urgency)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            found = self._snippets.get(row.id)
            tip = f"{row.title}（{value_text(row.doc_type.value)}）"
            return f"{tip}\n{highlight.plain(found)}" if found else tip
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == HTML_ROLE and index.column() == 0 and row.id in self._snippets:
            return highlight.row_html(row.title, self._snippets[row.id])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column that has an SQL sort; others are ignored."""
        key = COLUMNS[column].sort
        if key is None:
            return
        self.sorting = InboxSort(key, order is Qt.SortOrder.DescendingOrder)
        self.refresh()

    # --- rows ------------------------------------------------------------------------------------

    def row_at(self, number: int) -> InboxRow | None:
        """Return the row at `number` if its page is loaded; otherwise start loading it."""
        page, offset = divmod(number, PAGE)
        rows = self._pages.get(page)
        if rows is None:
            self._load_page(page)
            return None
        return rows[offset] if offset < len(rows) else None

    def document_id(self, number: int) -> str | None:
        """Return the document id of a row (if loaded)."""
        row = self.row_at(number)
        return None if row is None else row.id

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
                lambda s: s.inbox_count(actor=actor, folder=folder, filters=filters))
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
          sorting: InboxSort, page: int) -> tuple[list[InboxRow], dict[str, str], set[str]]:
    """Return one page of rows, where the search text matched each, and (知会我的) which are
    unread (on the worker)."""
    rows = store.inbox(actor=actor, folder=folder, filters=filters, sort=sorting,
                       offset=page * PAGE, limit=PAGE)
    ids = [row.id for row in rows]
    unread = store.unread_informed_ids(actor, ids) if folder == "informed" else set()
    if not filters.text:
        return rows, {}, unread
    return rows, store.snippets(ids, filters.text), unread


def with_text(filters: InboxFilter, text: str) -> InboxFilter:
    """Return the filters with a new search text."""
    return replace(filters, text=text.strip())
