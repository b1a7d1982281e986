"""The lists of the 督办 page: 全部事项 and 我的督办 as table models, their lamps, and the
filter bar (unit, source, status, light, deadline range, title)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from officeapp.org import Organisation
from officeapp.supervision import (
    InboxEntry,
    InboxReason,
    ItemQuery,
    ItemRow,
    Light,
    LightDetail,
    Source,
    Status,
)
from officeapp.supervision.model import end_of_day
from ui.common import times
from ui.common.date_edits import DateEdit
from ui.common.fit import ColumnFit, FlowLayout, header_widths
from ui.common.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QAbstractTableModel,
    QCheckBox,
    QColor,
    QComboBox,
    QDate,
    QHBoxLayout,
    QIcon,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPainter,
    QPersistentModelIndex,
    QPixmap,
    QSortFilterProxyModel,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.common.translate import tr
from ui.common.values import value_text
from ui.documents.action_dialogs import unit_tree
from ui.supervision.dialogs import day_of_edit
from ui.supervision.snapshot import Listing
from ui.supervision.texts import (
    LIGHT_COLOURS,
    deadline_text,
    light_explanation,
    light_text,
    reason_text,
    start_of_day,
    status_text,
    unit_name,
)

_SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_LIGHT_RANK = {Light.RED: 0, Light.YELLOW: 1, Light.GREEN: 2, Light.DONE: 3}
_URGENT_REASONS = frozenset({InboxReason.OVERDUE, InboxReason.REPORT_OVERDUE,
                             InboxReason.RETURNED})



_ICONS: dict[Light, QIcon] = {}


def light_icon(light: Light) -> QIcon:
    """Return a round coloured lamp for a light (cached)."""
    if light not in _ICONS:
        pixmap = QPixmap(14, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(LIGHT_COLOURS[light]))
        painter.drawEllipse(1, 1, 12, 12)
        painter.end()
        _ICONS[light] = QIcon(pixmap)
    return _ICONS[light]



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
        self.total = 0  # how many items wait in all: the entries are the first of them
        self.org: Organisation | None = None

    def set_entries(self, entries: list[InboxEntry], org: Organisation, *, total: int) -> None:
        """Show these entries, the first of `total` items."""
        self.beginResetModel()
        self.entries, self.org, self.total = entries, org, total
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



def list_table(model: QAbstractTableModel, *, sortable: bool) -> QTableView:
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


def column_fit(table: QTableView, widths: Sequence[int], stretch: int,
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
        self.lead_only.toggled.connect(self._lead_only_toggled)
        self.due_on.toggled.connect(lambda _on: self.changed.emit())
        for edit in (self.due_from, self.due_to):
            edit.dateChanged.connect(self._due_changed)
        self.search.textChanged.connect(lambda _t: self._debounce.start())

    def _lead_only_toggled(self, _on: bool) -> None:
        if self.unit.currentData():  # "lead only" narrows nothing without a unit
            self.changed.emit()

    def _due_changed(self, _day: QDate) -> None:
        if self.due_on.isChecked():
            self.changed.emit()

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
            due_from = start_of_day(day_of_edit(self.due_from))
            due_to = end_of_day(day_of_edit(self.due_to))
        # Qt hands enum data back as plain text: turn it into the enum again.
        source, status, light = (self.source.currentData(), self.status.currentData(),
                                 self.light.currentData())
        return ItemQuery(
            unit_id=self.unit.currentData(), lead_only=self.lead_only.isChecked(),
            sources=frozenset({Source(source)}) if source else frozenset(),
            statuses=frozenset({Status(status)}) if status else frozenset(),
            lights=frozenset({Light(light)}) if light else frozenset(),
            due_from=due_from, due_to=due_to, text=self.search.text().strip())


