"""工作台: the first screen after login — what waits for the person across 公文, 会议 and 督办.

Four blocks, read from the local store on the worker (so it works offline): the 待办 counts of
the three areas, today's and tomorrow's meetings, 督办 items overdue or due soon, and the
documents changed last. A row opens its record where it lives; 公文统计… opens the 归档率
per unit (ui/documents/document_stats.py).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

from officeapp.meetings import Meeting, MeetingStatus, current_replies, replyable_attendees
from officeapp.org import Actor
from officeapp.store import InboxFilter, InboxLine, InboxRow, InboxSort, LocalStore
from ui.common import times
from ui.common.context import AppContext, Changes
from ui.common.qt import (
    QCoreApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.common.values import qualified, value_text
from ui.documents.document_stats import DocumentStatsDialog

RECENT = 8
SOON = 8  # 督办 items listed at most


def tr(text: str) -> str:
    """Translate a text built outside a widget (lupdate files these under no context)."""
    return QCoreApplication.translate("", text)


@dataclass(frozen=True)
class Desk:
    """Everything the 工作台 shows, read at one moment."""

    documents_todo: int
    meetings: list[Meeting]  # today's and tomorrow's, by start
    meeting_replies: int  # notices still waiting for the person's 回执
    supervision: list[InboxLine]  # the person's 督办 待办, soonest due first (SOON at most)
    recent: list[InboxRow]
    informed_unread: int = 0  # 知会 not read yet
    supervision_todo: int = 0  # the 督办 lines of 待办
    supervision_overdue: int = 0  # of which past their due date


def read_desk(store: LocalStore, actor: Actor, now: datetime) -> Desk:
    """Read the 工作台 (on the worker thread)."""
    today = times.day_of(now)
    start = times.at_time(today, time(0, 0))
    meetings = [m for m in store.meetings.concerning(actor, start=start,
                                                     end=start + timedelta(days=2))
                if m.status is not MeetingStatus.CANCELLED]
    meetings.sort(key=lambda m: m.start)
    waiting = [m for m in store.meetings.concerning(actor, start=now)
               if m.status is MeetingStatus.NOTIFIED and _awaits_reply(m, actor)]
    counts = store.folder_counts(actor)
    by_kind = store.todo_by_kind(actor, now=now)
    # 督办 from the one inbox's entries: a key range per audience, not every item decoded.
    items = InboxFilter(kind="supervision")
    # 待办 counts every kind; the 公文 card counts documents (the other cards say the rest).
    return Desk(
        documents_todo=by_kind["document"],
        informed_unread=counts.get("informed_unread", 0),
        meetings=meetings, meeting_replies=len(waiting),
        supervision=store.inbox_lines(actor=actor, folder="todo", filters=items,
                                      sort=InboxSort("deadline", False), limit=SOON, now=now),
        supervision_todo=by_kind.get("supervision", 0),
        supervision_overdue=store.inbox_line_count(
            actor=actor, folder="todo", filters=replace(items, due_before=now), now=now),
        recent=store.inbox(actor=actor, folder="all", sort=InboxSort("updated_at", True),
                           limit=RECENT))


def _awaits_reply(meeting: Meeting, actor: Actor) -> bool:
    """Return whether an invitation the person answers for has no 回执 yet."""
    replied = current_replies(meeting)
    return any(a not in replied for a in replyable_attendees(meeting, actor))


class HomePage(QWidget):
    """The 工作台; `open_*` signals ask the window to show a record or a folder."""

    open_folder = Signal(str)  # a navigation key: todo, meetings, supervision
    open_document = Signal(str)
    open_meeting = Signal(str)
    open_item = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.desk: Desk | None = None
        self._loading: asyncio.Task[None] | None = None
        self.heading = QLabel(self.tr("工作台"))
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold")
        self.stats_button = QPushButton(self.tr("公文统计…"))
        self.stats_button.setToolTip(self.tr("各单位已印发、已办结和已归档的公文，以及归档率"))
        self.stats_button.clicked.connect(self.show_stats)
        self.stats_dialog: DocumentStatsDialog | None = None
        self.cards = {key: QPushButton() for key in ("todo", "meetings", "supervision")}
        for key, button in self.cards.items():
            button.setMinimumHeight(56)
            button.setStyleSheet("text-align: left; padding: 6px 12px; font-size: 14px;")
            button.clicked.connect(lambda _c=False, k=key: self.open_folder.emit(k))
        self.meeting_list, self.item_list, self.recent_list = (
            QListWidget(), QListWidget(), QListWidget())
        for listing in (self.meeting_list, self.item_list, self.recent_list):
            # Narrow blocks: a long title ends in … (the tooltip has it whole), no side scroll.
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            listing.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.meeting_list.itemActivated.connect(
            lambda item: self.open_meeting.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.item_list.itemActivated.connect(
            lambda item: self.open_item.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.recent_list.itemActivated.connect(
            lambda item: self.open_document.emit(item.data(Qt.ItemDataRole.UserRole)))
        grid = QGridLayout()
        for column, key in enumerate(("todo", "meetings", "supervision")):
            grid.addWidget(self.cards[key], 0, column)
        for column, (title, widget) in enumerate((
                (self.tr("今明两天的会议"), self.meeting_list),
                (self.tr("督办：逾期和即将到期"), self.item_list),
                (self.tr("最近的公文"), self.recent_list))):
            grid.addWidget(_block(title, widget), 1, column)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.stats_button)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        ctx.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if self.isVisible():
            self.refresh()

    def show_stats(self) -> None:
        """Open 公文统计 (归档率 per unit); it counts again, in the background, each time."""
        if self.stats_dialog is None:
            self.stats_dialog = DocumentStatsDialog(self.ctx, self)
        self.stats_dialog.open()

    def refresh(self) -> None:
        """Read the 工作台 again (in the background); a newer read replaces a stale one, so
        a long sync's stream of changes never piles reads up on the worker."""
        if self._loading is not None and not self._loading.done():
            self._loading.cancel()
        self._loading = self.ctx.spawn(self._load(), what=self.tr("读取工作台"))

    async def _load(self) -> None:
        actor = await self.ctx.actor()
        now = self.ctx.now()
        desk: Desk = await self.ctx.db(read_desk, actor, now)
        self.show_desk(desk, now)

    def show_desk(self, desk: Desk, now: datetime) -> None:
        """Fill the blocks from what was read."""
        self.desk = desk
        todo = tr("公文待办  {0}").format(desk.documents_todo)
        if desk.informed_unread:
            todo += tr("，知会未阅{0}").format(desk.informed_unread)
        self.cards["todo"].setText(todo)
        self.cards["meetings"].setText(
            tr("会议  今明两天{0}个，待回执{1}个").format(len(desk.meetings), desk.meeting_replies))
        self.cards["supervision"].setText(
            tr("督办待办  {0}（逾期{1}）").format(desk.supervision_todo, desk.supervision_overdue))
        today = times.day_of(now)
        self.meeting_list.clear()
        for meeting in desk.meetings:
            day = tr("今天") if times.day_of(meeting.start) == today else tr("明天")
            _row(self.meeting_list, f"{day} {times.clock_text(meeting.start)}  {meeting.title}",
                 meeting.id)
        _empty(self.meeting_list, tr("今明两天没有会议"))
        self.item_list.clear()
        for line in _one_per_item(desk.supervision):
            due = times.moment_text(line.due, times.DAY) if line.due else "—"
            item = _row(self.item_list, f"{line.title}  " + tr("期限") + f" {due}", line.record_id)
            if line.due is not None and line.due < now:
                item.setForeground(Qt.GlobalColor.red)
        _empty(self.item_list, tr("没有逾期或即将到期的事项"))
        self.recent_list.clear()
        for row in desk.recent:
            _row(self.recent_list, qualified(row.title, value_text(row.step_label)), row.id)
        _empty(self.recent_list, tr("还没有公文"))


def _one_per_item(lines: list[InboxLine]) -> list[InboxLine]:
    """Return the lines, an item asked twice (to report, and to review) shown once."""
    found: dict[str, InboxLine] = {}
    for line in lines:
        found.setdefault(line.record_id, line)
    return list(found.values())


def _block(title: str, widget: QListWidget) -> QFrame:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    label = QLabel(title)
    label.setStyleSheet("font-weight: bold")
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return frame


def _row(widget: QListWidget, text: str, key: str) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, key)
    item.setToolTip(text)
    widget.addItem(item)
    return item


def _empty(widget: QListWidget, text: str) -> None:
    if widget.count() == 0:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        widget.addItem(item)
