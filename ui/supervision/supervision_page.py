"""The 督办 page: 我的督办 (what waits for me), 全部事项 (filtered in SQL), 统计分析, the item
pane, and the exports (台账 XLSX/PDF, 督办通报, 督办单).

Lists are read with `store.supervision_rows(ItemQuery)` / `store.supervision_inbox` at the
server-corrected time, so lights agree with the server even on a machine with a wrong clock.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from officeapp.errors import DomainError
from officeapp.org import Organisation, Role
from officeapp.store import LocalStore
from officeapp.supervision import (
    InboxEntry,
    InboxReason,
    ItemQuery,
    ItemRow,
    Light,
    LightDetail,
    Source,
    Status,
    explain_light,
)
from officeapp.supervision.ledger import ledger_xlsx
from officeapp.supervision.model import end_of_day
from ui.common import times
from ui.common.attachments import safe_file_name
from ui.common.context import AppContext, Changes
from ui.common.date_edits import DateEdit
from ui.common.fit import ColumnFit, FlowLayout, header_widths, keep_pane_room
from ui.common.messages import refusal_text
from ui.common.pdf_preview import PdfPreviewDialog, Rendered, _attempt, _PdfPage
from ui.common.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QAbstractTableModel,
    QAction,
    QButtonGroup,
    QCheckBox,
    QColor,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    QSplitter,
    QStackedWidget,
    QStandardPaths,
    Qt,
    QTableView,
    QTimer,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)
from ui.common.values import value_text
from ui.documents.action_dialogs import ArgumentDialog, unit_tree
from ui.supervision.supervision_dashboard import SupervisionDashboard, period_bounds
from ui.supervision.supervision_form import SupervisionForm
from ui.supervision.supervision_view import (
    LIGHT_COLOURS,
    SupervisionView,
    beijing_day,
    deadline_text,
    light_explanation,
    light_icon,
    light_text,
    server_now,
    start_of_day,
    status_text,
    unit_name,
)

_SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_LIGHT_RANK = {Light.RED: 0, Light.YELLOW: 1, Light.GREEN: 2, Light.DONE: 3}

INBOX_TEXTS = {
    InboxReason.TO_OPEN: QT_TRANSLATE_NOOP("", "待立项"),
    InboxReason.TO_APPROVE: QT_TRANSLATE_NOOP("", "待审批立项"),
    InboxReason.TO_ASSIGN: QT_TRANSLATE_NOOP("", "待交办"),
    InboxReason.TO_RECEIVE: QT_TRANSLATE_NOOP("", "待签收"),
    InboxReason.OVERDUE: QT_TRANSLATE_NOOP("", "已逾期"),
    InboxReason.REPORT_OVERDUE: QT_TRANSLATE_NOOP("", "进度反馈逾期"),
    InboxReason.RETURNED: QT_TRANSLATE_NOOP("", "办结申请被退回"),
    InboxReason.TO_REPORT: QT_TRANSLATE_NOOP("", "办理中，按期反馈"),
    InboxReason.TO_ASSIST: QT_TRANSLATE_NOOP("", "配合办理"),
    InboxReason.TO_DECIDE_EXTENSION: QT_TRANSLATE_NOOP("", "待审批延期"),
    InboxReason.TO_REVIEW: QT_TRANSLATE_NOOP("", "待审核办结"),
}
_URGENT_REASONS = frozenset({InboxReason.OVERDUE, InboxReason.REPORT_OVERDUE,
                             InboxReason.RETURNED})


def tr(text: str) -> str:
    """Translate a text of the supervision screens (lupdate files these under no context)."""
    return QCoreApplication.translate("", text)


# --- reads and exports, on the worker ---------------------------------------------------------


# The list shows the most pressing rows first (by deadline); beyond this many the filters
# narrow it down, so a list over tens of thousands of items stays quick to read and draw.
LIST_LIMIT = 1000


@dataclass(frozen=True)
class Listing:
    """Rows of the list with their lights, at one server-corrected moment, and how many
    items pass the filters in all (more than the rows when the list was cut at the limit)."""

    now: datetime
    rows: tuple[ItemRow, ...]
    lights: tuple[LightDetail, ...]
    total: int = 0


def load_rows(store: LocalStore, *, query: ItemQuery, limit: int = LIST_LIMIT) -> Listing:
    """Return the first `limit` rows passing `query`, lit at the server-corrected time."""
    now = server_now(store)
    rows = tuple(store.supervision_rows(query, now=now, limit=limit))
    total = len(rows) if len(rows) < limit else store.supervision_count(query, now=now)
    return Listing(now, rows, tuple(explain_light(r, now) for r in rows), total)


def load_inbox(store: LocalStore, *, org: Organisation,
               person_id: str) -> tuple[datetime, list[InboxEntry]]:
    """Return what waits for the person, most pressing first."""
    now = server_now(store)
    if person_id not in org.people:
        return now, []
    entries: list[InboxEntry] = store.supervision_inbox(org.actor(person_id, now), now=now)
    return now, entries


def _names(store: LocalStore, org: Organisation) -> Any:
    from officeapp.pdf.names import NameBook  # the PDF layer loads only when first needed

    return NameBook.of(org, store.rooms())


def ledger_bytes(store: LocalStore, *, ids: Sequence[str], org: Organisation) -> bytes:
    """Return the 台账 of these items as XLSX."""
    items = store.supervision_items(ids)
    return ledger_xlsx(items, now=server_now(store),
                       unit_names={u.id: u.name for u in org.units.values()})


def ledger_pdf_bytes(store: LocalStore, *, ids: Sequence[str], org: Organisation) -> bytes:
    """Return the 台账 of these items as a landscape PDF table."""
    from officeapp.pdf.supervision import ledger_pdf

    data: bytes = ledger_pdf(store.supervision_items(ids), now=server_now(store),
                             names=_names(store, org))
    return data


def report_pdf_bytes(store: LocalStore, *, start: datetime, end: datetime, org: Organisation,
                     title: str | None = None) -> bytes:
    """Return the 督办通报 of a period [start, end)."""
    from officeapp.pdf.supervision import supervision_report_pdf

    data: bytes = supervision_report_pdf(
        store.supervision_items(), period_start=start, period_end=end, now=server_now(store),
        names=_names(store, org), title=title or None)
    return data


def report_ofd_bytes(store: LocalStore, *, start: datetime, end: datetime, org: Organisation,
                     title: str | None = None) -> bytes:
    """Return the 督办通报 of a period [start, end) as OFD, laid out as its PDF."""
    from officeapp.pdf.supervision import supervision_report_ofd

    data: bytes = supervision_report_ofd(
        store.supervision_items(), period_start=start, period_end=end, now=server_now(store),
        names=_names(store, org), title=title or None)
    return data


def sheet_pdf_bytes(store: LocalStore, *, item_id: str, org: Organisation) -> bytes:
    """Return the 督办单 of one item."""
    from officeapp.pdf.supervision import assignment_sheet_pdf

    item = store.get_supervision_item(item_id)
    if item is None:
        raise DomainError("supervision.not_found", "督办事项不存在，或您已无权查看")
    data: bytes = assignment_sheet_pdf(item, names=_names(store, org))
    return data


# --- the PDF preview of a supervision print ---------------------------------------------------


class SupervisionPdfDialog(PdfPreviewDialog):
    """The existing preview (print, save as PDF) over one supervision PDF."""

    def __init__(self, ctx: AppContext, *, title: str, label: str,
                 render: Callable[[LocalStore], bytes],
                 ofd: Callable[[LocalStore], bytes] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, "", parent)
        # The base class scheduled `_render`; it runs once the loop turns, after these.
        self._print_title, self._label, self._make = title, label, render
        self._make_ofd = ofd

    async def _render(self) -> None:
        await asyncio.sleep(0)
        make = self._make
        rendered: Rendered = await self.ctx.db(lambda s: _attempt("document", lambda: make(s)))
        if not alive(self):
            return
        if rendered.pdf and self._make_ofd is not None:
            rendered = replace(rendered, ofd=self._make_ofd)
        self.tabs.addTab(_PdfPage(rendered), self._label)
        self._title = self._print_title
        self.status.hide()
        self.setWindowTitle(tr("预览：{0}").format(self._print_title))
        self._update_buttons()
        self.rendered.emit()


class PeriodDialog(ArgumentDialog):
    """督办通报: the period (first and last day) and an optional title."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(tr("督办通报"), tr("请选择通报的期间（按交办时间统计）。"), parent)
        first = today.replace(day=1)
        self.start = _date_edit(first)
        self.end = _date_edit(today)
        self.title = QLineEdit()
        self.title.setPlaceholderText(tr("标题（可不填，默认按期间生成）"))
        self.form.addRow(tr("起始日期"), self.start)
        self.form.addRow(tr("截止日期"), self.end)
        self.form.addRow(tr("标题"), self.title)

    def bounds(self) -> tuple[datetime, datetime]:
        """Return [start, end) in Beijing time; the last day counts whole."""
        return period_bounds(_day_of(self.start), _day_of(self.end))

    def problem(self) -> str:
        """Refuse an empty period."""
        start, end = self.bounds()
        return "" if start < end else tr("截止日期不能早于起始日期")


def _date_edit(day: date) -> QDateEdit:
    edit = DateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _day_of(edit: QDateEdit) -> date:
    day = edit.date().toPython()
    assert isinstance(day, date)
    return day


# --- the list models -------------------------------------------------------------------------

ITEM_COLUMNS = (
    QT_TRANSLATE_NOOP("", "状态灯"),
    QT_TRANSLATE_NOOP("", "事项名称"),
    QT_TRANSLATE_NOOP("", "督办来源"),
    QT_TRANSLATE_NOOP("", "牵头单位"),
    QT_TRANSLATE_NOOP("", "办理时限"),
    QT_TRANSLATE_NOOP("", "办理状态"),
    QT_TRANSLATE_NOOP("", "进度"),
)
INBOX_COLUMNS = (
    QT_TRANSLATE_NOOP("", "状态灯"),
    QT_TRANSLATE_NOOP("", "待办事由"),
    QT_TRANSLATE_NOOP("", "事项名称"),
    QT_TRANSLATE_NOOP("", "牵头单位"),
    QT_TRANSLATE_NOOP("", "期限"),
    QT_TRANSLATE_NOOP("", "紧急程度"),
)


class ItemModel(QAbstractTableModel):
    """The rows of 全部事项 with their lights."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[ItemRow, ...] = ()
        self.lights: tuple[LightDetail, ...] = ()
        self.total = 0
        self.org: Organisation | None = None

    def set_listing(self, listing: Listing, org: Organisation) -> None:
        """Show these rows."""
        self.beginResetModel()
        self.rows, self.lights, self.org = listing.rows, listing.lights, org
        self.total = listing.total
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of rows."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns."""
        return 0 if parent.isValid() else len(ITEM_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the column titles."""
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(ITEM_COLUMNS[section])
        return None

    def item_id(self, row: int) -> str | None:
        """Return the id of the item on a row."""
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, lamp, tooltip or sort key."""
        if not index.isValid():
            return None
        row, detail, column = self.rows[index.row()], self.lights[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, detail, column)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return light_icon(detail.light)
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 1):
            return light_explanation(detail) if column == 0 else row.title
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and detail.light is Light.RED:
            return QColor(LIGHT_COLOURS[Light.RED])
        if role == _SORT_ROLE:
            return self._key(row, detail, column)
        return None

    def _text(self, row: ItemRow, detail: LightDetail, column: int) -> str:
        org = self.org
        values = (light_text(detail.light), row.title, value_text(row.source.value),
                  unit_name(org, row.lead_unit_id) if org else row.lead_unit_id or "—",
                  deadline_text(row.deadline), status_text(row.status), f"{row.percent}%")
        return values[column]

    def _key(self, row: ItemRow, detail: LightDetail, column: int) -> Any:
        if column == 0:
            return _LIGHT_RANK[detail.light]
        if column == 4:
            return row.deadline.timestamp() if row.deadline else float("inf")
        if column == 6:
            return row.percent
        return self._text(row, detail, column)


class InboxModel(QAbstractTableModel):
    """我的督办: one row per item waiting for the person, with why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[InboxEntry] = []
        self.org: Organisation | None = None

    def set_entries(self, entries: list[InboxEntry], org: Organisation) -> None:
        """Show these entries."""
        self.beginResetModel()
        self.entries, self.org = entries, org
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of rows."""
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns."""
        return 0 if parent.isValid() else len(INBOX_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the column titles."""
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(INBOX_COLUMNS[section])
        return None

    def item_id(self, row: int) -> str | None:
        """Return the id of the item on a row."""
        return self.entries[row].item_id if 0 <= row < len(self.entries) else None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, lamp or colour."""
        if not index.isValid():
            return None
        entry, column = self.entries[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            org = self.org
            values = (light_text(entry.light), reason_text(entry.reason), entry.title,
                      unit_name(org, entry.unit_id) if org else entry.unit_id or "—",
                      deadline_text(entry.due), value_text(entry.urgency.value))
            return values[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return light_icon(entry.light)
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and (
                entry.reason in _URGENT_REASONS):
            return QColor(LIGHT_COLOURS[Light.RED])
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return entry.title
        return None


def reason_text(reason: InboxReason) -> str:
    """Return why an item waits for the person."""
    return tr(INBOX_TEXTS[reason])


def _table(model: QAbstractTableModel, *, sortable: bool) -> QTableView:
    table = QTableView()
    if sortable:
        proxy = QSortFilterProxyModel(table)
        proxy.setSourceModel(model)
        proxy.setSortRole(_SORT_ROLE)
        table.setModel(proxy)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    else:
        table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    return table


def _widths(table: QTableView, widths: Sequence[int], stretch: int,
            hide_order: Sequence[int]) -> ColumnFit:
    """Size the columns in characters; narrow, the title keeps room and `hide_order` goes."""
    header_widths(table, widths)
    return ColumnFit(table, stretch=stretch, hide_order=hide_order, stretch_chars=10)


# --- filters ---------------------------------------------------------------------------------


class FilterBar(QWidget):
    """Unit (lead only), source, status, light, deadline range and title text."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit = QComboBox()
        self.unit.addItem(tr("全部单位"), None)
        self.lead_only = QCheckBox(tr("仅牵头"))
        self.lead_only.setToolTip(tr("只列出该单位牵头的事项，不含配合的"))
        self.source = QComboBox()
        self.source.addItem(tr("全部来源"), None)
        for source in Source:
            self.source.addItem(value_text(source.value), source)
        self.status = QComboBox()
        self.status.addItem(tr("全部状态"), None)
        for status in Status:
            self.status.addItem(status_text(status), status)
        self.light = QComboBox()
        self.light.addItem(tr("全部灯色"), None)
        for light in Light:
            self.light.addItem(light_icon(light), light_text(light), light)
        self.due_on = QCheckBox(tr("时限"))
        day = times.today()
        today = QDate(day.year, day.month, day.day)
        self.due_from = DateEdit(today.addDays(-30))
        self.due_to = DateEdit(today.addDays(30))
        for edit in (self.due_from, self.due_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("搜索事项名称"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.changed.emit)
        self._build()
        for combo in (self.unit, self.source, self.status, self.light):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.lead_only.toggled.connect(lambda _on: self.unit.currentData() and self.changed.emit())
        self.due_on.toggled.connect(lambda _on: self.changed.emit())
        for edit in (self.due_from, self.due_to):
            edit.dateChanged.connect(lambda _d: self.due_on.isChecked() and self.changed.emit())
        self.search.textChanged.connect(lambda _t: self._debounce.start())

    def _build(self) -> None:
        first = FlowLayout(spacing=4)  # wraps beside the item pane on a small screen
        for widget in (self.unit, self.lead_only, self.source, self.status, self.light):
            first.addWidget(widget)
        second = QHBoxLayout()
        second.addWidget(self.due_on)
        second.addWidget(self.due_from)
        second.addWidget(QLabel(tr("至")))
        second.addWidget(self.due_to)
        second.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(first)
        layout.addLayout(second)

    def set_units(self, org: Organisation) -> None:
        """Offer the directory's units (once it is loaded), keeping the choice."""
        chosen = self.unit.currentData()
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(tr("全部单位"), None)
        for unit, depth in unit_tree(org):
            self.unit.addItem("\u3000" * depth + unit.name, unit.id)
        index = self.unit.findData(chosen)
        self.unit.setCurrentIndex(max(index, 0))
        self.unit.blockSignals(False)

    def query(self) -> ItemQuery:
        """Return the filters the bar shows."""
        due_from = due_to = None
        if self.due_on.isChecked():
            due_from = start_of_day(_day_of(self.due_from))
            due_to = end_of_day(_day_of(self.due_to))
        # Qt hands enum data back as plain text: turn it into the enum again.
        source, status, light = (self.source.currentData(), self.status.currentData(),
                                 self.light.currentData())
        return ItemQuery(
            unit_id=self.unit.currentData(), lead_only=self.lead_only.isChecked(),
            sources=frozenset({Source(source)}) if source else frozenset(),
            statuses=frozenset({Status(status)}) if status else frozenset(),
            lights=frozenset({Light(light)}) if light else frozenset(),
            due_from=due_from, due_to=due_to, text=self.search.text().strip())


# --- the page --------------------------------------------------------------------------------


class SupervisionPage(QWidget):
    """督查督办: my work, every item, statistics, and the item pane."""

    inbox_count = Signal(int)  # how many items wait for the person (the navigation badge)
    exported = Signal(str)  # the path of a file just written

    MINE, ALL, STATS = 0, 1, 2

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: Any = None  # the dialog open now, kept alive
        self.org: Organisation | None = None
        self.now: datetime | None = None
        self.items = ItemModel(self)
        self.inbox = InboxModel(self)
        self.filters = FilterBar()
        self.item_table = _table(self.items, sortable=True)
        self.inbox_table = _table(self.inbox, sortable=False)
        self.view = SupervisionView(ctx)
        self.dashboard = SupervisionDashboard(ctx)
        self.dashboard.item_activated.connect(self.show_item)
        self.heading = QLabel()
        self.message = QLabel()
        self._generation = 0
        self._tasks: dict[str, asyncio.Task[Any]] = {}
        self._is_supervisor = False
        self._mode = self.MINE
        self._build()
        self._connect()
        self._timer = QTimer(self)
        self._timer.setInterval(5 * 60 * 1000)  # lights move with time: re-light now and then
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold")
        self.message.setWordWrap(True)
        self.message.hide()
        # Beside the item pane on a small screen, what the pane repeats gives way first.
        self.item_fit = _widths(self.item_table, (5, 20, 6, 7, 9, 5, 4), 1, (2, 6, 5, 3))
        self.inbox_fit = _widths(self.inbox_table, (5, 8, 20, 7, 9, 4), 2, (5, 3, 4))
        everything = QWidget()
        column = QVBoxLayout(everything)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filters)
        column.addWidget(self.item_table, 1)
        self.lists = QStackedWidget()
        self.lists.addWidget(self.inbox_table)
        self.lists.addWidget(everything)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.lists)
        split.addWidget(self.view)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([720, 520])
        keep_pane_room(self.view)
        self.main = QStackedWidget()
        self.main.addWidget(split)
        self.main.addWidget(self.dashboard)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self._toolbar())
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.main, 1)

    def _toolbar(self) -> QToolBar:
        bar = QToolBar(tr("督办操作"))
        self.modes = QButtonGroup(self)
        self.mode_buttons: list[QToolButton] = []
        for mode, label in ((self.MINE, tr("我的督办")), (self.ALL, tr("全部事项")),
                            (self.STATS, tr("统计分析"))):
            button = QToolButton()
            button.setText(label)
            button.setCheckable(True)
            self.modes.addButton(button, mode)
            self.mode_buttons.append(button)
            bar.addWidget(button)
        self.mode_buttons[0].setChecked(True)
        bar.addSeparator()
        self.new_action = self._action(bar, tr("新建督办"), self.new_item)
        self.export_button = QToolButton()
        self.export_button.setText(tr("台账导出") + " ▾")
        self.export_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.export_xlsx_action = menu.addAction(tr("Excel台账（XLSX）…"), self.export_ledger)
        self.export_pdf_action = menu.addAction(tr("台账PDF…"), self.ledger_pdf)
        self.export_button.setMenu(menu)
        self.export_button.setToolTip(tr("导出“全部事项”当前筛选出的事项"))
        bar.addWidget(self.export_button)
        self.report_action = self._action(bar, tr("督办通报…"), self.report_pdf)
        self.sheet_action = self._action(bar, tr("督办单"), self.sheet_pdf)
        bar.addSeparator()
        self._action(bar, tr("刷新"), self.refresh)
        return bar

    def _action(self, bar: QToolBar, label: str, slot: Callable[[], Any]) -> QAction:
        action = QAction(label, self)
        action.triggered.connect(lambda _checked=False: slot())
        bar.addAction(action)
        return action

    def _connect(self) -> None:
        self.modes.idClicked.connect(self.set_mode)
        self.filters.changed.connect(self.load_items)
        self.item_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._picked(self._item_at(current)))
        self.inbox_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._picked(self.inbox.item_id(current.row())
                                                    if current.isValid() else None))
        self.view.split_requested.connect(self.split_item)
        self.view.edit_requested.connect(self.edit_item)
        self.view.sheet_requested.connect(self.sheet_pdf)
        self.view.acted.connect(lambda _id, _kind: self.refresh())
        self.ctx.changed.connect(self._changed)

    def _item_at(self, index: QModelIndex) -> str | None:
        if not index.isValid():
            return None
        proxy = self.item_table.model()
        source = proxy.mapToSource(index) if isinstance(proxy, QSortFilterProxyModel) else index
        return self.items.item_id(source.row())

    def _picked(self, item_id: str | None) -> None:
        if item_id is not None:
            self.view.show_item(item_id)

    # --- modes and loading -------------------------------------------------------------------

    def set_mode(self, mode: int) -> None:
        """Show 我的督办 (0), 全部事项 (1) or 统计分析 (2)."""
        self._mode = mode
        self.mode_buttons[mode].setChecked(True)
        if mode == self.STATS:
            self.main.setCurrentIndex(1)
            self.dashboard.reload()
        else:
            self.main.setCurrentIndex(0)
            self.lists.setCurrentIndex(mode)
        self._show_heading()

    def _show_heading(self) -> None:
        labels = {self.MINE: tr("我的督办（{0}）").format(len(self.inbox.entries)),
                  self.ALL: self._all_heading(),
                  self.STATS: tr("统计分析")}
        self.heading.setText(labels[self._mode])

    def _all_heading(self) -> str:
        shown, total = len(self.items.rows), self.items.total
        if total > shown:
            return tr("全部事项（共{0}项，按期限显示前{1}项，可用筛选缩小范围）").format(
                total, shown)
        return tr("全部事项（{0}）").format(shown)

    def refresh(self) -> None:
        """Read the lists again (the pane refreshes itself)."""
        self.load_inbox()
        self.load_items()
        if self._mode == self.STATS:
            self.dashboard.reload()

    def load_items(self) -> None:
        """Re-read 全部事项 with the filters; a newer read cancels a stale one."""
        self._run("items", self._load_items(self.filters.query()), tr("读取督办事项"))

    def load_inbox(self) -> None:
        """Re-read 我的督办."""
        self._run("inbox", self._load_inbox(), tr("读取我的督办"))

    def _run(self, key: str, coroutine: Any, what: str) -> None:
        old = self._tasks.get(key)
        if old is not None and not old.done():
            old.cancel()
        self._tasks[key] = self.ctx.spawn(coroutine, what=what)

    async def _organisation(self) -> Organisation:
        org = await self.ctx.organisation()
        if org is not self.org:
            self.org = org
            self.filters.set_units(org)
            actor = await self.ctx.actor()
            self._is_supervisor = Role.SUPERVISOR in actor.roles
            self.new_action.setEnabled(self._is_supervisor)
            self.new_action.setToolTip(tr("新建督办事项") if self._is_supervisor
                                       else tr("只有督查人员可以新建督办事项"))
        return org

    async def _load_items(self, query: ItemQuery) -> None:
        org = await self._organisation()
        listing: Listing = await self.ctx.db(load_rows, query=query)
        if not alive(self):
            return
        self.now = listing.now
        chosen = self.view.item_id()
        self.items.set_listing(listing, org)
        self._reselect(self.item_table, chosen)
        self._show_heading()

    async def _load_inbox(self) -> None:
        org = await self._organisation()
        now, entries = await self.ctx.db(load_inbox, org=org, person_id=self.ctx.person_id)
        if not alive(self):
            return
        self.now = now
        chosen = self.view.item_id()
        self.inbox.set_entries(entries, org)
        if self._mode == self.MINE:
            self._reselect(self.inbox_table, chosen)
        self._show_heading()
        self.inbox_count.emit(len(entries))

    def _reselect(self, table: QTableView, item_id: str | None) -> None:
        if item_id is None:
            return
        model = table.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            found = (self._item_at(index) if table is self.item_table
                     else self.inbox.item_id(row))
            if found == item_id:
                table.selectionModel().blockSignals(True)
                table.selectRow(row)
                table.selectionModel().blockSignals(False)
                return

    def _changed(self, changes: Changes) -> None:
        if "directory" in changes.kinds:
            self.org = None
        if changes.kinds & {"supervision", "directory"}:
            self.refresh()

    # --- opening items -----------------------------------------------------------------------

    def show_item(self, item_id: str) -> None:
        """Show one item in the pane (from a notification, a form, another page)."""
        if self._mode == self.STATS:
            self.set_mode(self.ALL)
        self.view.show_item(item_id)

    def new_item(self) -> None:
        """Open the form to create an item."""
        self._open_form(SupervisionForm(self.ctx, self))

    def split_item(self, item_id: str) -> None:
        """Open the form to create a sub-item of `item_id` (分解)."""
        self.ctx.spawn(self._split(item_id), what=tr("分解督办事项"))

    async def _split(self, item_id: str) -> None:
        parent = await self.ctx.db(lambda s: s.get_supervision_item(item_id))
        if parent is not None and alive(self):
            self._open_form(SupervisionForm(self.ctx, self, parent_item=parent))

    def edit_item(self, item_id: str) -> None:
        """Open the form on an item (修改)."""
        self.ctx.spawn(self._edit(item_id), what=tr("修改督办事项"))

    async def _edit(self, item_id: str) -> None:
        item = await self.ctx.db(lambda s: s.get_supervision_item(item_id))
        if item is not None and alive(self):
            form = SupervisionForm(self.ctx, self, item=item)
            form.saved.connect(lambda _id: self.view.reload())
            self._open_form(form)

    def open_form(self, form: SupervisionForm) -> None:
        """Open a form made elsewhere (from a document or a meeting decision)."""
        self._open_form(form)

    def _open_form(self, form: SupervisionForm) -> None:
        form.created.connect(self._created)
        self.dialog = form
        form.open()

    def _created(self, item_id: str) -> None:
        self.refresh()
        self.show_item(item_id)

    # --- exports -----------------------------------------------------------------------------

    def listed_ids(self) -> list[str]:
        """Return the ids of 全部事项 as filtered now, in list order."""
        return [row.id for row in self.items.rows]

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c0392b;" if error else "color: #1f6f3f;")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def export_ledger(self, path: Path | None = None) -> None:
        """Save the 台账 of the filtered items as XLSX."""
        if path is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation)
            day = beijing_day(self.now) if self.now else times.today()
            suggested = Path(folder) / safe_file_name(f"督办台账{day.isoformat()}.xlsx")
            chosen, _ = QFileDialog.getSaveFileName(self, tr("导出台账"), str(suggested),
                                                    tr("Excel 工作簿 (*.xlsx)"))
            if not chosen:
                return
            path = Path(chosen)
        self.ctx.spawn(self._export(path, self.listed_ids()), what=tr("导出台账"))

    async def _export(self, path: Path, ids: list[str]) -> None:
        org = await self._organisation()
        try:
            data = await self.ctx.db(ledger_bytes, ids=ids, org=org)
            await self.ctx.worker.run(path.write_bytes, data)
        except (DomainError, OSError) as error:
            message = refusal_text(error) if isinstance(error, DomainError) else str(error)
            self._say(tr("未能导出：") + message, error=True)
            return
        self._say(tr("已导出{0}项到 {1}").format(len(ids), path))
        self.exported.emit(str(path))

    def _preview(self, title: str, label: str, render: Callable[[LocalStore], bytes],
                 ofd: Callable[[LocalStore], bytes] | None = None) -> None:
        dialog = SupervisionPdfDialog(self.ctx, title=title, label=label, render=render,
                                      ofd=ofd, parent=self)
        self.dialog = dialog
        dialog.show()  # not modal: the person may keep working beside the preview

    def ledger_pdf(self) -> None:
        """Preview the 台账 of the filtered items as PDF (print or save from there)."""
        org, ids = self.org, self.listed_ids()
        if org is None:
            return
        self._preview(tr("督办台账"), tr("台账"),
                      lambda s: ledger_pdf_bytes(s, ids=ids, org=org))

    def report_pdf(self) -> None:
        """Ask for a period, then preview its 督办通报."""
        today = beijing_day(self.now) if self.now else times.today()
        dialog = PeriodDialog(today, self)
        dialog.accepted.connect(lambda: self.open_report(*dialog.bounds(),
                                                         title=dialog.title.text().strip()))
        self.dialog = dialog
        dialog.open()

    def open_report(self, start: datetime, end: datetime, *, title: str = "") -> None:
        """Preview the 督办通报 of [start, end)."""
        org = self.org
        if org is None:
            return
        last = beijing_day(end - timedelta(seconds=1))
        name = title or tr("督办通报（{0}至{1}）").format(beijing_day(start).isoformat(),
                                                        last.isoformat())
        self._preview(name, tr("督办通报"),
                      lambda s: report_pdf_bytes(s, start=start, end=end, org=org,
                                                 title=title or None),
                      ofd=lambda s: report_ofd_bytes(s, start=start, end=end, org=org,
                                                     title=title or None))

    def sheet_pdf(self, item_id: str | None = None) -> None:
        """Preview the 督办单 of the item shown (or `item_id`)."""
        chosen = item_id or self.view.item_id()
        org = self.org
        if chosen is None or org is None:
            self._say(tr("请先在列表中选择一项督办事项"), error=True)
            return
        snapshot = self.view.snapshot
        title = snapshot.item.title if snapshot and snapshot.item.id == chosen else tr("督办单")
        self._preview(tr("督办单：{0}").format(title), tr("督办单"),
                      lambda s: sheet_pdf_bytes(s, item_id=chosen, org=org))
