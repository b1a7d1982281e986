"""The 督办 page: 我的督办 (what waits for me), 全部事项 (filtered in SQL), 统计分析, the item
pane, and the exports (台账 XLSX/PDF, 督办通报, 督办单).

Lists are read with `store.supervision.rows(ItemQuery)` / `store.supervision.inbox` at the
server-corrected time, so lights agree with the server even on a machine with a wrong clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from officeapp.errors import DomainError
from officeapp.org import Organisation, Role
from officeapp.store import LocalStore
from officeapp.supervision import ItemQuery
from ui.common import times
from ui.common.attachments import safe_file_name
from ui.common.context import AppContext, ChangeKind, Changes
from ui.common.fit import list_beside_pane
from ui.common.latest_load import LatestLoad
from ui.common.messages import refusal_text
from ui.common.qt import (
    QAction,
    QButtonGroup,
    QFileDialog,
    QLabel,
    QMenu,
    QModelIndex,
    QSortFilterProxyModel,
    QStackedWidget,
    QStandardPaths,
    QTableView,
    QTimer,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)
from ui.common.translate import tr
from ui.supervision.dialogs import PeriodDialog, SupervisionPdfDialog
from ui.supervision.exports import (
    ledger_bytes,
    ledger_pdf_bytes,
    report_ofd_bytes,
    report_pdf_bytes,
    sheet_pdf_bytes,
)
from ui.supervision.lists import FilterBar, InboxModel, ItemModel, column_fit, list_table
from ui.supervision.snapshot import InboxListing, Listing, load_inbox, load_rows, stored_item
from ui.supervision.supervision_dashboard import SupervisionDashboard
from ui.supervision.supervision_form import SupervisionForm
from ui.supervision.supervision_view import SupervisionView
from ui.supervision.texts import beijing_day

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
        self.item_table = list_table(self.items, sortable=True)
        self.inbox_table = list_table(self.inbox, sortable=False)
        self.view = SupervisionView(ctx)
        self.dashboard = SupervisionDashboard(ctx)
        self.dashboard.item_activated.connect(self.show_item)
        self.heading = QLabel()
        self.message = QLabel()
        self.item_loads = LatestLoad(self, ctx, what=tr("读取督办事项"))
        self.inbox_loads = LatestLoad(self, ctx, what=tr("读取我的督办"))
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
        self.item_fit = column_fit(self.item_table, (5, 20, 6, 7, 9, 5, 4), 1, (2, 6, 5, 3))
        self.inbox_fit = column_fit(self.inbox_table, (5, 8, 20, 7, 9, 4), 2, (5, 3, 4))
        everything = QWidget()
        column = QVBoxLayout(everything)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filters)
        column.addWidget(self.item_table, 1)
        self.lists = QStackedWidget()
        self.lists.addWidget(self.inbox_table)
        self.lists.addWidget(everything)
        split = list_beside_pane(self.lists, self.view, sizes=(720, 520))
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
        labels = {self.MINE: self._inbox_heading(), self.ALL: self._all_heading(),
                  self.STATS: tr("统计分析")}
        self.heading.setText(labels[self._mode])

    def _inbox_heading(self) -> str:
        shown, total = len(self.inbox.entries), self.inbox.total
        if total > shown:
            return tr("我的督办（共{0}项，显示最紧要的前{1}项）").format(total, shown)
        return tr("我的督办（{0}）").format(total)

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
        query = self.filters.query()
        self.item_loads.start(lambda: self._read_items(query),
                               lambda found: self._show_items(*found))

    def load_inbox(self) -> None:
        """Re-read 我的督办."""
        self.inbox_loads.start(self._read_inbox, lambda found: self._show_inbox(*found))

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

    async def _read_items(self, query: ItemQuery) -> tuple[Organisation, Listing]:
        org = await self._organisation()
        listing: Listing = await self.ctx.db(load_rows, query=query, now=self.ctx.now())
        return org, listing

    def _show_items(self, org: Organisation, listing: Listing) -> None:
        self.now = listing.now
        chosen = self.view.item_id()
        self.items.set_listing(listing, org)
        self._reselect(self.item_table, chosen)
        self._show_heading()

    async def _read_inbox(self) -> tuple[Organisation, InboxListing]:
        org = await self._organisation()
        listing: InboxListing = await self.ctx.db(load_inbox, org=org,
                                                  person_id=self.ctx.person_id,
                                                  now=self.ctx.now())
        return org, listing

    def _show_inbox(self, org: Organisation, listing: InboxListing) -> None:
        self.now = listing.now
        chosen = self.view.item_id()
        self.inbox.set_entries(listing.entries, org, total=listing.total)
        if self._mode == self.MINE:
            self._reselect(self.inbox_table, chosen)
        self._show_heading()
        self.inbox_count.emit(listing.total)

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
        if ChangeKind.DIRECTORY in changes.kinds:
            self.org = None
        if changes.kinds & {ChangeKind.SUPERVISION, ChangeKind.DIRECTORY}:
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
        parent = await self.ctx.db(stored_item, item_id)
        if parent is not None and alive(self):
            self._open_form(SupervisionForm(self.ctx, self, parent_item=parent))

    def edit_item(self, item_id: str) -> None:
        """Open the form on an item (修改)."""
        self.ctx.spawn(self._edit(item_id), what=tr("修改督办事项"))

    async def _edit(self, item_id: str) -> None:
        item = await self.ctx.db(stored_item, item_id)
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
            data = await self.ctx.db(ledger_bytes, ids=ids, org=org, now=self.ctx.now())
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
                      lambda s: ledger_pdf_bytes(s, ids=ids, org=org, now=self.ctx.now()))

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
                                                 now=self.ctx.now(), title=title or None),
                      ofd=lambda s: report_ofd_bytes(s, start=start, end=end, org=org,
                                                     now=self.ctx.now(), title=title or None))

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
