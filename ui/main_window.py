"""The main window: folders on the left, the inbox list, the document, and the sync state."""

from __future__ import annotations

import asyncio
from datetime import date, time
from typing import Any

from officeapp.documents import Direction, DocType, Urgency
from officeapp.store import InboxFilter
from officeapp.store.inbox import Folder
from officeapp.workflow import Status
from sync.client.engine import SyncStatus
from sync.client.notification_prefs import PrefsRefusal, PrefsState
from ui.common import highlight, times
from ui.common.context import AppContext, ChangeKind, Changes
from ui.common.date_edits import DateEdit
from ui.common.feedback import Feedback, FeedbackBar
from ui.common.fit import (
    ColumnFit,
    em,
    header_widths,
    keep_items_whole,
    list_beside_pane,
    open_size,
)
from ui.common.highlight import HighlightDelegate
from ui.common.messages import refusal_text
from ui.common.qt import (
    QAbstractItemView,
    QAction,
    QCheckBox,
    QCloseEvent,
    QComboBox,
    QDate,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QModelIndex,
    QShortcut,
    QSize,
    QSplitter,
    QStackedWidget,
    Qt,
    QTableView,
    QTimer,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.common.rejections import RejectionsDialog
from ui.common.seal_check import SealCheckDialog
from ui.common.status import SyncStatusWidget
from ui.common.values import listed, qualified, value_text
from ui.delegation_dialog import DelegationDialog
from ui.directory_view import DirectoryView
from ui.documents.advanced_search import AdvancedFilters
from ui.documents.batch_dialog import BatchApproveDialog
from ui.documents.compose import ComposeDialog, RegisterDialog
from ui.documents.document_view import DocumentView
from ui.home_page import HomePage
from ui.inbox_model import (
    COLUMNS,
    HTML_ROLE,
    KIND_COLUMN,
    KIND_LABELS,
    InboxModel,
    with_text,
)
from ui.meetings.meetings_page import MeetingsPage
from ui.settings_dialog import SettingsDialog
from ui.supervision.supervision_page import SupervisionPage


class Nav:
    """The entries of the navigation list: (key, label, folder, direction)."""

    ENTRIES: tuple[tuple[str, str, Folder | None, Direction | None], ...] = (
        ("home", "工作台", None, None),
        ("todo", "待办", "todo", None),
        ("done", "已办", "done", None),
        ("mine", "我发起的", "mine", None),
        ("informed", "知会我的", "informed", None),
        ("outgoing", "发文", "all", Direction.OUTGOING),
        ("incoming", "收文", "all", Direction.INCOMING),
        ("directory", "通讯录", None, None),
        ("meetings", "会议", None, None),
        ("supervision", "督办", None, None),
    )
    COMING: frozenset[str] = frozenset()


class FilterBar(QWidget):
    """Urgency, type, status and due-date filters, and the search box."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        # 待办 and 已办 hold every kind; the others, documents only.
        self.kind = QComboBox()
        self.kind.addItem(self.tr("全部类别"), None)
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(value_text(label), kind)
        self.urgency = QComboBox()
        self.urgency.addItem(self.tr("全部紧急程度"), None)
        for urgency in Urgency:
            self.urgency.addItem(value_text(urgency.value), urgency)
        self.doc_type = QComboBox()
        self.doc_type.addItem(self.tr("全部文种"), None)
        for doc_type in DocType:
            self.doc_type.addItem(value_text(doc_type.value), doc_type)
        self.status = QComboBox()
        self.status.addItem(self.tr("全部状态"), None)
        for status, label in ((Status.ACTIVE, "办理中"), (Status.COMPLETED, "已办结"),
                              (Status.ARCHIVED, "已归档")):
            self.status.addItem(self.tr(label), status)
        self.due_on = QCheckBox(self.tr("期限早于"))
        today = times.today()
        self.due = DateEdit(QDate(today.year, today.month, today.day).addDays(7))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索标题、文号、正文、意见（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.changed.emit)
        self.more = QToolButton()
        self.more.setText(self.tr("高级搜索"))
        self.more.setCheckable(True)
        self.more.setToolTip(self.tr("按拟稿日期、单位、拟稿人和环节查找，可与搜索词同时使用"))
        self.advanced = AdvancedFilters()
        self.advanced.hide()
        self.more.toggled.connect(self._show_advanced)
        self.advanced.changed.connect(self.changed.emit)
        row = QHBoxLayout()
        for widget in (self.kind, self.urgency, self.doc_type, self.status, self.due_on,
                       self.due):
            row.addWidget(widget)
        row.addWidget(self.search, 1)
        row.addWidget(self.more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.advanced)
        for combo in (self.kind, self.urgency, self.doc_type, self.status):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.due_on.toggled.connect(self.changed.emit)
        self.due.dateChanged.connect(self._due_changed)
        self.search.textChanged.connect(lambda _: self._debounce.start())

    def _due_changed(self, _day: object) -> None:
        if self.due_on.isChecked():
            self.changed.emit()

    def filters(self, direction: Direction | None) -> InboxFilter:
        """Return the filters the bar shows."""
        due = None
        if self.due_on.isChecked():
            day = self.due.date().toPython()
            assert isinstance(day, date)
            due = times.at_time(day, time(0, 0))
        base = InboxFilter(urgency=self.urgency.currentData(), doc_type=self.doc_type.currentData(),
                           status=self.status.currentData(), direction=direction, due_before=due,
                           kind=self.kind.currentData())
        if self.more.isChecked():
            base = self.advanced.apply(base)
        return with_text(base, self.search.text())

    def _show_advanced(self, shown: bool) -> None:
        """Show or hide the second row; hiding it drops its conditions too."""
        self.advanced.setVisible(shown)
        if self.advanced.active():
            self.changed.emit()


class MainWindow(QMainWindow):
    """The one main window of a logged-in session."""

    logout_requested = Signal()
    closed = Signal()  # the window was closed (by the person, or by a logout)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("协同办公"))
        open_size(self, QSize(1360, 820))  # no larger than the screen
        self.model = InboxModel(ctx)
        self.nav = QListWidget()
        self.filters = FilterBar()
        self.table = QTableView()
        self.document = DocumentView(ctx)
        self.directory = DirectoryView(ctx)
        self.supervision = SupervisionPage(ctx)
        self.meetings = MeetingsPage(ctx)
        self.home = HomePage(ctx)
        self.pages = QStackedWidget()
        self.status_widget = SyncStatusWidget()
        self.feedback_bar = FeedbackBar()
        self.title = QLabel()
        self._direction: Direction | None = None
        self._folder_key: str | None = None
        self._counts: dict[str, int] = {}
        self._dialog: Any = None
        self._told_refusal: PrefsRefusal | None = None  # of 通知方式, said once
        self._counting: asyncio.Task[None] | None = None
        self._build()
        self._connect()
        self._supervision_counted = False
        self.select("todo")
        self.count_pending()
        ctx.spawn(self._show_person(), what="读取当前用户")

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self._build_nav()
        self._build_table()
        self._build_toolbar()
        inbox = QWidget()
        layout = QVBoxLayout(inbox)
        layout.setContentsMargins(6, 6, 6, 0)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold")
        layout.addWidget(self.title)
        layout.addWidget(self.filters)
        split = list_beside_pane(self.table, self.document, sizes=(800, 500))
        layout.addWidget(split, 1)
        self.pages.addWidget(inbox)
        self.pages.addWidget(self.directory)
        coming = QLabel(self.tr("此功能即将推出。"))
        coming.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(coming)
        self.pages.addWidget(self.supervision)
        self.pages.addWidget(self.meetings)
        self.pages.addWidget(self.home)
        self.home.open_folder.connect(self.select)
        self.home.open_document.connect(self.open_document)
        self.home.open_meeting.connect(self.open_meeting)
        self.home.open_item.connect(self.open_supervision_item)
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.nav)
        main.addWidget(self.pages)
        main.setStretchFactor(1, 1)
        # The navigation keeps the width of its longest label; the pages take the rest.
        main.setCollapsible(0, False)
        main.setSizes([self.nav.minimumWidth() + 12, 1190])
        self.setCentralWidget(_with_bar(main, self.feedback_bar))
        self.statusBar().addPermanentWidget(self.status_widget, 1)
        # Who is logged in, always in sight: shared 收发室 PCs and 委托 make it matter.
        self.who = QLabel()
        self.who.setAccessibleName(self.tr("当前登录"))
        self.statusBar().addPermanentWidget(self.who)

    def _build_nav(self) -> None:
        self.nav.setStyleSheet("QListWidget { font-size: 15px; } "
                               "QListWidget::item { padding: 8px 10px; }")
        for key, label, _, _ in Nav.ENTRIES:
            item = QListWidgetItem(self.tr(label))
            item.setData(Qt.ItemDataRole.UserRole, key)
            if key in Nav.COMING:
                item.setToolTip(self.tr("即将推出"))
                item.setForeground(Qt.GlobalColor.gray)
            self.nav.addItem(item)
        keep_items_whole(self.nav)

    def _build_table(self) -> None:
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows for 批量办理; the current row is the one the pane shows.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(0, HighlightDelegate(HTML_ROLE, self.table))
        header_widths(self.table, [spec.width for spec in COLUMNS])
        # The kind's English (Document, Supervision) is wider than the two characters of 公文.
        metrics = self.table.fontMetrics()
        kind_width = em(self.table) + max(metrics.horizontalAdvance(value_text(label))
                                          for label in KIND_LABELS.values())
        header = self.table.horizontalHeader()
        header.resizeSection(KIND_COLUMN, max(header.sectionSize(KIND_COLUMN), kind_width))
        self.table.horizontalHeader().setMinimumSectionSize(3 * em(self.table))
        # The kind (公文/会议/督办) reads first after the title.
        self.table.horizontalHeader().moveSection(KIND_COLUMN, 1)
        # Narrow (a 1024×600 screen beside the document pane), the title keeps room to be
        # read and the columns the pane repeats give way: updated, number, deadline, kind,
        # and last what the row asks.
        self.column_fit = ColumnFit(self.table, stretch=0, hide_order=(5, 1, 4, KIND_COLUMN, 3),
                                    stretch_chars=12)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("操作"))
        bar.setMovable(False)
        self.addToolBar(bar)
        self.new_outgoing = self._action(bar, self.tr("新建发文"), "Ctrl+N", self._compose)
        self.new_incoming = self._action(bar, self.tr("登记收文"), "Ctrl+Shift+N", self._register)
        self.delegations = self._action(bar, self.tr("委托授权…"), "", self.show_delegations)
        bar.addSeparator()
        self.sync_action = self._action(bar, self.tr("立即同步"), "F5", self._sync_now)
        self.batch_action = self._action(bar, self.tr("批量办理…"), "Ctrl+B", self.batch_approve)
        self.batch_action.setToolTip(self.tr("选中多份文件（Ctrl或Shift加单击），用同一条意见一并办理"))
        self.settings_action = self._action(bar, self.tr("设置…"), "Ctrl+,", self.show_settings)
        self.seal_check_action = self._action(bar, self.tr("验章…"), "", self.check_seal)
        self.seal_check_action.setToolTip(self.tr("检查任一PDF文件（如收到的正式文件）的电子印章"))
        bar.addSeparator()
        self.logout_action = self._action(bar, self.tr("退出登录"), "", self.logout_requested.emit)
        QShortcut(QKeySequence("Ctrl+F"), self, self.filters.search.setFocus)
        for number, (key, *_rest) in enumerate(Nav.ENTRIES[:5], start=1):
            QShortcut(QKeySequence(f"Alt+{number}"), self, lambda k=key: self.select(k))

    def _action(self, bar: QToolBar, label: str, shortcut: str, slot: Any) -> QAction:
        action = QAction(label, self)  # translated by the caller, where lupdate sees it
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{label}（{shortcut}）")
        action.triggered.connect(slot)
        bar.addAction(action)
        return action

    def _connect(self) -> None:
        self.nav.currentItemChanged.connect(self._nav_changed)
        self.filters.changed.connect(self._apply_filters)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(self._row_activated)
        self.model.loaded.connect(self._loaded)
        self.ctx.changed.connect(self._changed)
        self.ctx.status_changed.connect(self._status_changed)
        self.ctx.error.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.ctx.notification_prefs_changed.connect(self._notification_prefs_changed)
        self.status_widget.show_rejections.connect(self.show_rejections)
        self.supervision.inbox_count.connect(self._supervision_count)
        self.meetings.supervision_opened.connect(self.open_supervision_item)
        self.document.supervision_created.connect(self.open_supervision_item)
        for view in (self.document, self.meetings.view, self.supervision.view):
            view.feedback.connect(self.feedback_bar.show_feedback)

    # --- navigation ------------------------------------------------------------------------------

    def select(self, key: str) -> None:
        """Show a navigation entry (a folder, the directory, …)."""
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
                return

    def _nav_changed(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        entry = next(e for e in Nav.ENTRIES if e[0] == key)
        _, label, folder, direction = entry
        if key == "home":
            self.pages.setCurrentWidget(self.home)
            self.home.refresh()
            return
        if key == "directory":
            self.pages.setCurrentIndex(1)
            self.directory.reload()
            return
        if key == "meetings":
            self.pages.setCurrentWidget(self.meetings)
            self.meetings.reload()
            return
        if key == "supervision":
            self.pages.setCurrentWidget(self.supervision)
            self.supervision.refresh()
            return
        if folder is None:
            self.pages.setCurrentIndex(2)
            return
        self.pages.setCurrentIndex(0)
        if key != self._folder_key:
            # Another list: the pane must not go on showing a document of the last one.
            self.document.show_document(None)
            self._folder_key = key
        self._direction = direction
        self.title.setText(self.tr(label))
        self.model.show(folder, self.filters.filters(direction))

    def _apply_filters(self) -> None:
        self.model.set_filters(self.filters.filters(self._direction))

    def _loaded(self, total: int) -> None:
        item = self.nav.currentItem()
        key = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        label = next((self.tr(e[1]) for e in Nav.ENTRIES if e[0] == key), "")
        self.title.setText(qualified(label, str(total)))
        self.document.set_highlight(highlight.terms(self.model.filters.text))
        if total == 0:
            # Nothing found: the pane must not go on showing a document that did not match.
            self.document.show_document(None)
        self.refresh_counts()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # A meeting or supervision row shows no document; opening it (Enter, double-click)
        # goes to its page.
        document_id = self.model.document_id(current.row()) if current.isValid() else None
        self.document.show_document(document_id)

    def _row_activated(self, index: QModelIndex) -> None:
        record = self.model.record_at(index.row())
        if record is not None:
            self.open_record(*record)

    def open_record(self, kind: str, record_id: str) -> None:
        """Show a record of any kind where it lives: a document in the pane beside the list,
        a meeting or supervision item on its page."""
        if kind == "meeting":
            self.open_meeting(record_id)
        elif kind == "supervision":
            self.open_supervision_item(record_id)
        else:
            self.document.show_document(record_id)

    def open_supervision_item(self, item_id: str) -> None:
        """Show one supervision item on the 督办 page."""
        self.select("supervision")
        self.supervision.show_item(item_id)

    def _supervision_count(self, count: int) -> None:
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == "supervision":
                item.setText(qualified(self.tr("督办"), str(count)) if count else self.tr("督办"))
        keep_items_whole(self.nav)

    def open_meeting(self, meeting_id: str) -> None:
        """Show one meeting on the 会议 page (from a notification)."""
        self.select("meetings")
        self.meetings.open_meeting(meeting_id)

    def open_document(self, document_id: str) -> None:
        """Show one document (from a notification or the rejections list)."""
        self.select("todo")
        self.document.show_document(document_id)

    # --- refreshing -------------------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if changes.kinds & {ChangeKind.DOCUMENT, ChangeKind.DIRECTORY, ChangeKind.MEETING,
                            ChangeKind.SUPERVISION}:
            self.model.refresh()
        if changes.kinds & {ChangeKind.REJECTION, ChangeKind.OUTBOX}:
            self.ctx.spawn(self._refresh_rejections(), what="读取被拒绝的操作")
        if ChangeKind.OUTBOX in changes.kinds:  # an action queued, or refusals rolled back
            self.count_pending()
        if ChangeKind.DIRECTORY in changes.kinds:
            self.ctx.spawn(self._show_person(), what="读取当前用户")

    def _status_changed(self, status: SyncStatus) -> None:
        self.status_widget.update_status(status, now=self.ctx.now())
        if not status.syncing:
            self.count_pending()  # a round ended: what it pushed has left the outbox

    def _notification_prefs_changed(self, state: PrefsState) -> None:
        """Say in the message bar that the server refused a 通知方式 edit sent in the
        background (the person had saved it offline and moved on)."""
        refused = state.refused
        if refused is None or refused == self._told_refusal:
            return
        self._told_refusal = refused
        text = self.tr("服务器未接受您修改的通知方式：{0}。请在“设置…—通知方式”中更正")
        self.feedback_bar.show_feedback(Feedback(text.format(refusal_text(refused)),
                                                 error=True))

    def count_pending(self) -> None:
        """Count the actions waiting in the outbox again (a newer count replaces a stale one)."""
        if self._counting is not None:
            self._counting.cancel()
        self._counting = self.ctx.spawn(self._count_pending(), what="统计待上传")

    async def _count_pending(self) -> None:
        count: int = await self.ctx.db(lambda s: s.pending_count())
        self.status_widget.set_pending(count)

    async def _show_person(self) -> None:
        org = await self.ctx.organisation()
        self.filters.advanced.set_directory(org)
        person = org.people.get(self.ctx.person_id)
        if person is not None:  # before the first sync the directory is empty
            self.setWindowTitle(self.tr("协同办公 — {0}").format(person.name))
            unit = org.units.get(person.unit_id)
            who = qualified(person.name, unit.name) if unit is not None else person.name
            self.who.setText(self.tr("当前登录：{0}").format(who))
            actor = await self.ctx.actor()
            if actor.acting_for:
                names = listed(org.people[p].name for p in actor.acting_for
                               if p in org.people)
                self.who.setToolTip(self.tr("受委托代为办理：{0}").format(names))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Say that the window closed: the session quits, unless a logout closed it."""
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()

    def refresh_counts(self) -> None:
        """Update the folder badges. (The 督办 badge is 我的督办's, which re-reads itself when
        items change: reading it with every list refresh decoded every item each time.)"""
        self.ctx.spawn(self._load_counts(), what="统计待办")
        if not self._supervision_counted:  # after the first page: it reads every item
            self._supervision_counted = True
            self.supervision.load_inbox()

    async def _load_counts(self) -> None:
        actor = await self.ctx.actor()
        counts: dict[str, int] = await self.ctx.db(lambda s: s.folder_counts(actor))
        self._counts = counts
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            if item is None:
                continue
            key = item.data(Qt.ItemDataRole.UserRole)
            label = next(e[1] for e in Nav.ENTRIES if e[0] == key)
            if key == "todo":
                item.setText(qualified(self.tr(label), str(counts.get("todo", 0))))
            elif key == "informed":  # only the unread: read ones stay listed, uncounted
                unread = counts.get("informed_unread", 0)
                item.setText(qualified(self.tr(label), str(unread)) if unread
                             else self.tr(label))
        keep_items_whole(self.nav)

    async def _refresh_rejections(self) -> None:
        records = await self.ctx.db(lambda s: s.rejections())
        self.status_widget.set_rejections(len(records))

    def show_rejections(self) -> None:
        """Open the list of refused actions."""
        self.ctx.spawn(self._show_rejections(), what="读取被拒绝的操作")

    async def _show_rejections(self) -> None:
        dialog = RejectionsDialog(self.ctx, await self.ctx.db(lambda s: s.rejections()))
        dialog.open_document.connect(self.open_document)
        self._dialog = dialog  # keep it alive while it is open
        dialog.open()

    # --- actions ----------------------------------------------------------------------------

    def _sync_now(self) -> None:
        if self.ctx.engine is not None:
            self.ctx.engine.trigger()

    def _compose(self) -> None:
        self._open_form(ComposeDialog(self.ctx, self))

    def _register(self) -> None:
        self._open_form(RegisterDialog(self.ctx, self))

    def _open_form(self, dialog: ComposeDialog | RegisterDialog) -> None:
        dialog.created.connect(self._created)
        self._dialog = dialog  # keep it alive while it is open
        dialog.open()

    def selected_ids(self) -> list[str]:
        """Return the documents selected in the list, top to bottom."""
        selection = self.table.selectionModel()
        rows = sorted({i.row() for i in selection.selectedRows()}) if selection else []
        return [d for d in map(self.model.document_id, rows) if d]

    def batch_approve(self) -> None:
        """批量办理 the selected documents (the shown one when nothing else is selected)."""
        shown = self.document.document_id()
        ids = self.selected_ids() or ([shown] if shown else [])
        if not ids:
            self.statusBar().showMessage(self.tr("请先在列表中选中要办理的文件"), 5000)
            return
        self.batch_dialog = BatchApproveDialog(self.ctx, ids, self)  # kept alive while open
        self.batch_dialog.open()

    def show_settings(self) -> None:
        """Open the settings (language, font size, 常用意见, server, 修改密码)."""
        self.settings_dialog = SettingsDialog(self.ctx, self)  # kept alive while open
        self.settings_dialog.open()

    def check_seal(self) -> None:
        """Open 验章 for a PDF from disk (chosen, or dropped on the dialog)."""
        self.seal_dialog = SealCheckDialog(self.ctx, self)  # kept alive while open
        self.seal_dialog.open()

    def show_delegations(self) -> None:
        """Open the list of one's standing delegations (委托授权)."""
        self._dialog = DelegationDialog(self.ctx, self)  # keep it alive while it is open
        self._dialog.open()

    def _created(self, document_id: str) -> None:
        self.select("mine")
        self.document.show_document(document_id)


def _with_bar(pages: QWidget, bar: FeedbackBar) -> QWidget:
    """Return the pages with the message bar under them (it takes room only while shown)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(pages, 1)
    layout.addWidget(bar)
    return box
