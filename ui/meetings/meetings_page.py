"""会议: my meetings (upcoming first), the calendar and the room grid, and the meeting pane.

Everything reads the local store on the database worker, so the page works offline; a
secretary's new meeting, booking and notice are queued like any other action and synced.
An imported .ics file opens the form for a new meeting, or, when it cancels a meeting held
here (matched by its UID), asks to confirm and cancels it with the ordinary cancel action.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from officeapp.core.verdict import Rejected
from officeapp.errors import DomainError
from officeapp.meetings import (
    Meeting,
    MeetingAction,
    MeetingActionKind,
    MeetingStatus,
)
from officeapp.meetings.fields import ORGANISERS
from officeapp.meetings.ical import (
    Cancellation,
    IcsImport,
    ImportKind,
    invitation_fields,
    left_aside_note,
    meeting_id_in,
    plan_import,
    read_ics,
    uid_of,
    with_uid,
)
from officeapp.org import Actor, Organisation, Room
from officeapp.store import LocalStore
from sync.client import actions
from ui.common.attachments import safe_file_name
from ui.common.context import AppContext, ChangeKind, Changes
from ui.common.fit import ColumnFit, header_widths, list_beside_pane
from ui.common.latest_load import LatestLoad
from ui.common.messages import Refusal, refusal_text
from ui.common.operations import Operation, on_store
from ui.common.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QColor,
    QCoreApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)
from ui.common.values import labelled, qualified
from ui.meetings.dialogs import ReasonDialog, documents_folder
from ui.meetings.meeting_calendar import MeetingCalendar
from ui.meetings.meeting_form import MeetingForm
from ui.meetings.meeting_view import MeetingView
from ui.meetings.occurrences import next_occurrence, spans_of, status_label, when_text
from ui.meetings.room_grid import RoomGrid
from ui.meetings.snapshot import my_meetings_ics, stored_meeting
from ui.meetings.texts import my_reply, short_place

COLUMNS = (QT_TRANSLATE_NOOP("MeetingsPage", "会议名称"), QT_TRANSLATE_NOOP("MeetingsPage", "时间"),
           QT_TRANSLATE_NOOP("MeetingsPage", "地点"), QT_TRANSLATE_NOOP("MeetingsPage", "状态"),
           QT_TRANSLATE_NOOP("MeetingsPage", "我的回执"))
_MODES = (("list", QT_TRANSLATE_NOOP("MeetingsPage", "列表")),
          ("calendar", QT_TRANSLATE_NOOP("MeetingsPage", "日历")),
          ("rooms", QT_TRANSLATE_NOOP("MeetingsPage", "会议室")))


def tr(text: str) -> str:
    """Translate a text built outside a widget (lupdate files these under no context)."""
    return QCoreApplication.translate("", text)


def ordered(meetings: Sequence[Meeting], now: datetime) -> list[tuple[Meeting, datetime,
                                                                      datetime, bool]]:
    """Return (meeting, shown start, shown end, over) with upcoming and current meetings first
    (soonest first), then those that are over (latest first)."""
    ahead, past = [], []
    for meeting in meetings:
        upcoming = next_occurrence(meeting, now)
        if upcoming is not None and meeting.status is not MeetingStatus.CANCELLED:
            ahead.append((meeting, *upcoming, False))
        else:
            last = spans_of(meeting)[-1]
            past.append((meeting, *last, True))
    ahead.sort(key=lambda r: r[1])
    past.sort(key=lambda r: r[1], reverse=True)
    return ahead + past


def meetings_with_uid(store: LocalStore, *, actor: Actor, uid: str) -> list[Meeting]:
    """Return the meetings held here whose calendar UID is `uid`, cancelled ones too (on the
    worker): the actor's and their units' meetings, and the one an exported UID names."""
    mine = store.meetings.concerning(actor, include_cancelled=True)
    found = {m.id: m for m in with_uid(mine, uid)}
    meeting_id = meeting_id_in(uid)
    named = None if meeting_id is None else stored_meeting(store, meeting_id)
    if named is not None and uid_of(named) == uid:
        found.setdefault(named.id, named)
    return list(found.values())


def cancellation_prompt(step: Cancellation) -> str:
    """Return what the confirmation says: the meetings the file cancels."""
    lines = []
    for meeting in step.meetings:
        start, end = spans_of(meeting)[0]
        series = tr("（周期性会议，全部场次）") if meeting.recurrence else ""
        lines.append(f"· {qualified(meeting.title, when_text(start, end))}{series}")
    return tr("日历文件通知取消以下会议。确定后将取消，并通知已收到会议通知的人员：\n{0}\n"
              "请写明取消理由：").format("\n".join(lines))


def cancel_meetings(store: LocalStore, *, person_id: str, meetings: Sequence[Meeting],
                    action: MeetingAction, now: datetime
                    ) -> list[tuple[Meeting, Refusal | None]]:
    """Cancel each meeting; return each with its refusal, None when cancelled (on the worker)."""
    results: list[tuple[Meeting, Refusal | None]] = []
    for meeting in meetings:
        try:
            verdict = actions.act_meeting(store, person_id=person_id, meeting_id=meeting.id,
                                          action=action, now=now)
        except DomainError as error:
            results.append((meeting, error))
            continue
        results.append((meeting, verdict.rejection if isinstance(verdict, Rejected) else None))
    return results


class MeetingsPage(QWidget):
    """The 会议 page of the main window."""

    loaded = Signal(int)  # how many meetings the list shows
    supervision_opened = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.rows: list[tuple[Meeting, datetime, datetime, bool]] = []
        self.known_rooms: list[Room] = []
        self.dialog: QDialog | None = None  # the one open, kept from the collector
        self._loads = LatestLoad(self, ctx, what=self.tr("读取会议"))
        self.title = QLabel(self.tr("会议"))
        self.title.setStyleSheet("font-size: 16px; font-weight: bold")
        self.new_button = QPushButton(self.tr("新建会议"))
        self.new_button.setToolTip(self.tr("新建会议（会务秘书、办文人员）"))
        self.import_button = QPushButton(self.tr("导入日历文件…"))
        self.export_button = QPushButton(self.tr("导出我的会议…"))
        self.show_all = QCheckBox(self.tr("显示已结束和已取消的会议"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # it quotes titles from files
        self.message.hide()
        self.modes = QButtonGroup(self)
        self.table = QTableWidget(0, len(COLUMNS))
        self.calendar = MeetingCalendar(ctx)
        self.rooms = RoomGrid(ctx)
        self.stack = QStackedWidget()
        self.view = MeetingView(ctx)
        self._build()
        self._connect()

    def _build(self) -> None:
        self._build_table()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.calendar)
        self.stack.addWidget(self.rooms)
        # The calendar's week needs more than the usual list's room at 1024 pixels.
        split = self.split = list_beside_pane(self.stack, self.view, sizes=(700, 500), chars=24)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(self._bar())
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

    def _bar(self) -> QHBoxLayout:
        """The title, the list/calendar/rooms switch and the page's actions, in a toolbar
        whose last buttons move into its » menu when the window is narrow (a 1024×600
        screen in English) instead of widening the window past the screen."""
        tools = QToolBar()  # inside the page: no title to show, nothing new to translate
        tools.setStyleSheet("QToolBar { border: none; spacing: 4px; }")
        for key, label in _MODES:
            button = QPushButton(self.tr(label))
            button.setCheckable(True)
            button.setChecked(key == "list")
            button.setProperty("mode", key)
            self.modes.addButton(button)
            tools.addWidget(button)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tools.addWidget(spacer)
        self.bar_actions = {name: tools.addWidget(widget) for name, widget in (
            ("show_all", self.show_all), ("new", self.new_button),
            ("import", self.import_button), ("export", self.export_button))}
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addSpacing(12)
        bar.addWidget(tools, 1)
        return bar

    def _build_table(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header_widths(self.table, (0, 17, 9, 6, 5))
        # Beside the meeting pane on a small screen the title keeps room to be read; the pane
        # repeats what gives way: my reply, the status, the place.
        self.column_fit = ColumnFit(self.table, stretch=0, hide_order=(4, 3, 2),
                                    stretch_chars=10)

    def _connect(self) -> None:
        self.modes.buttonClicked.connect(lambda b: self.set_mode(str(b.property("mode"))))
        self.table.itemSelectionChanged.connect(self._row_changed)
        self.calendar.meeting_selected.connect(self.view.show_meeting)
        self.rooms.meeting_selected.connect(self.view.show_meeting)
        self.rooms.slot_chosen.connect(self.new_meeting_at)
        self.new_button.clicked.connect(lambda: self.new_meeting())
        self.import_button.clicked.connect(self.choose_ics)
        self.export_button.clicked.connect(lambda: self.export_mine())
        self.show_all.toggled.connect(lambda _on: self.reload())
        self.view.supervision_opened.connect(self.supervision_opened.emit)
        self.ctx.changed.connect(self._changed)

    # --- modes and loading -------------------------------------------------------------------

    def mode(self) -> str:
        """Return what the left side shows: list, calendar or rooms."""
        return ("list", "calendar", "rooms")[self.stack.currentIndex()]

    def set_mode(self, mode: str) -> None:
        """Show the list, the calendar or the room grid."""
        index = [key for key, _ in _MODES].index(mode)
        self.stack.setCurrentIndex(index)
        for button in self.modes.buttons():
            button.setChecked(button.property("mode") == mode)
        # The calendar and the grid want width; the meeting pane makes do with less.
        total = sum(self.split.sizes()) or 1200
        share = 0.58 if mode == "list" else 0.68
        self.split.setSizes([int(total * share), total - int(total * share)])
        if mode == "calendar":
            self.calendar.reload()
        elif mode == "rooms":
            self.rooms.reload()

    def _changed(self, changes: Changes) -> None:
        if changes.kinds & {ChangeKind.MEETING, ChangeKind.DIRECTORY}:
            self.reload()

    def reload(self) -> None:
        """Read my meetings again (and the calendar or room grid when shown)."""
        include = self.show_all.isChecked()
        self._loads.start(lambda: self._read(include), lambda found: self._show(include, *found))

    async def _read(self, include: bool
                    ) -> tuple[Actor, Organisation, list[Meeting], list[Room]]:
        actor = await self.ctx.actor()
        org = await self.ctx.organisation()
        meetings, rooms = await self.ctx.db(
            lambda s: (s.meetings.concerning(actor, include_cancelled=include), s.rooms()))
        return actor, org, list(meetings), list(rooms)

    def _show(self, include: bool, actor: Actor, org: Organisation, meetings: list[Meeting],
              rooms: list[Room]) -> None:
        self.actor, self.known_rooms = actor, list(rooms)
        for name in ("new", "import"):  # a toolbar shows its widgets through their actions
            self.bar_actions[name].setVisible(actor.has_role(ORGANISERS))
        now = self.ctx.now()
        rows = ordered(meetings, now)
        self.rows = rows if include else [r for r in rows if not r[3]]
        self._fill(org, {r.id: r for r in rooms}, actor)
        self.loaded.emit(len(self.rows))

    def _fill(self, org: Organisation, rooms: dict[str, Room], actor: Actor) -> None:
        chosen = self.view.meeting_id
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for row, (meeting, start, end, over) in enumerate(self.rows):
            values = (meeting.title, when_text(start, end), short_place(meeting, rooms),
                      status_label(meeting.status), my_reply(meeting, actor))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, meeting.id)
                item.setToolTip(value)
                if over:
                    item.setForeground(QColor("#8a8a8a"))
                elif column == 4 and value == self.tr("未回执"):
                    item.setForeground(QColor("#b35c00"))
                self.table.setItem(row, column, item)
            if meeting.id == chosen:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        self.title.setText(self.tr("会议（{0}）").format(len(self.rows)))

    def meeting_ids(self) -> list[str]:
        """Return the ids listed, in order."""
        return [r[0].id for r in self.rows]

    def _row_changed(self) -> None:
        items = self.table.selectedItems()
        if items:
            self.view.show_meeting(str(items[0].data(Qt.ItemDataRole.UserRole)))

    def open_meeting(self, meeting_id: str) -> None:
        """Show one meeting (from a notification, a form, the calendar)."""
        for row, record in enumerate(self.rows):
            if record[0].id == meeting_id:
                self.table.selectRow(row)
                break
        self.view.show_meeting(meeting_id)

    # --- creating ----------------------------------------------------------------------------

    def new_meeting(self, initial: dict[str, Any] | None = None) -> MeetingForm:
        """Open the form for a new meeting (with values from a free slot or an invitation)."""
        form = MeetingForm(self.ctx, self, initial=initial)
        form.created.connect(self._created)
        form.notified.connect(self.open_meeting)
        self.dialog = form
        form.open()
        return form

    def new_meeting_at(self, room_id: str, start: datetime) -> MeetingForm:
        """Start a meeting in a room at a time (a free slot clicked in the room grid)."""
        return self.new_meeting({"room_id": room_id, "start": start})

    def _created(self, meeting_id: str) -> None:
        self.reload()
        self.view.show_meeting(meeting_id)

    def choose_ics(self) -> None:
        """Ask for an .ics invitation and open the form filled from it."""
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("导入日历文件"),
                                                    str(documents_folder()),
                                                    self.tr("日历文件 (*.ics)"))
        if path:
            self.import_ics(Path(path))

    def import_ics(self, path: Path) -> MeetingForm | None:
        """Import an .ics file: open the form filled from an invitation (returned); for a
        cancellation, find the meetings with its UID in the background, then confirm and
        cancel them (see `dialog`). Say why when the file cannot be read or nothing can be done.
        """
        try:
            ics = read_ics(path.read_bytes())
        except OSError as error:
            self.show_message(self.tr("无法读取文件：{0}").format(error.strerror or error))
            return None
        except DomainError as error:
            self.show_message(refusal_text(error))
            return None
        self.show_message("")
        if ics.kind is ImportKind.CREATE:
            return self._draft_from(ics)
        self.ctx.spawn(self._resolve(ics), what=self.tr("导入日历文件"))
        return None

    def _draft_from(self, ics: IcsImport) -> MeetingForm:
        self.show_message(left_aside_note(ics))
        return self.new_meeting(invitation_fields(ics.invitation, rooms=self.known_rooms))

    async def _resolve(self, ics: IcsImport) -> None:
        actor = await self.ctx.actor()
        meetings = await self.ctx.db(meetings_with_uid, actor=actor, uid=ics.invitation.uid)
        if not alive(self):
            return
        try:
            step = plan_import(ics, meetings=meetings, actor=actor, now=self.ctx.now())
        except DomainError as error:
            self.show_message(refusal_text(error))
            return
        if isinstance(step, Cancellation):
            self.confirm_cancellation(step)
        else:
            self._draft_from(ics)

    def confirm_cancellation(self, step: Cancellation) -> ReasonDialog:
        """Ask to confirm cancelling the meetings an imported file cancels, with a reason."""
        dialog = ReasonDialog(MeetingActionKind.CANCEL, title=self.tr("按日历文件取消会议"),
                              prompt=cancellation_prompt(step),
                              required=self.tr("取消会议必须填写理由"), parent=self)
        # Titles come from the store and the file: never read as rich text.
        dialog.prompt.setTextFormat(Qt.TextFormat.PlainText)
        dialog.reason.setPlainText(step.reason)
        dialog.accepted.connect(lambda: self.cancel(step.meetings, dialog.meeting_action()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def cancel(self, meetings: Sequence[Meeting], action: MeetingAction) -> None:
        """Cancel the meetings (each on its own: one refused does not stop the others)."""
        cancel = on_store(self.ctx, cancel_meetings, person_id=self.ctx.person_id,
                          meetings=tuple(meetings), action=action)
        (Operation(self, self.ctx, what=self.tr("取消会议"), action=cancel)
         .changes(ChangeKind.MEETING)
         .success(self._cancelled)
         .run())

    def _cancelled(self, results: Sequence[tuple[Meeting, Refusal | None]]) -> None:
        done = [meeting for meeting, refusal in results if refusal is None]
        refused = [labelled(meeting.title, refusal_text(refusal))
                   for meeting, refusal in results if refusal is not None]
        lines = [self.tr("已按日历文件取消会议：{0}").format("、".join(m.title for m in done))
                 ] if done else []
        if refused:
            lines.append(self.tr("未能取消：{0}").format("；".join(refused)))
        self.show_message("\n".join(lines), ok=not refused)
        if done:
            self.open_meeting(done[0].id)

    def show_message(self, text: str, *, ok: bool = False) -> None:
        """Say what went wrong, or (`ok`) what was done ("" hides the line)."""
        self.message.setText(text)
        self.message.setStyleSheet("color: #2e7d32;" if ok else "color: #c0392b;")
        self.message.setVisible(bool(text))

    # --- exporting ---------------------------------------------------------------------------

    def export_mine(self, path: Path | None = None) -> None:
        """Save all my meetings as one .ics calendar (asks where when no path is given)."""
        if path is None:
            suggested = documents_folder() / safe_file_name(self.tr("我的会议") + ".ics")
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("导出我的会议"),
                                                    str(suggested), self.tr("日历文件 (*.ics)"))
            if not chosen:
                return
            path = Path(chosen)
        self.ctx.spawn(self._export(path), what=self.tr("导出我的会议"))

    async def _export(self, path: Path) -> None:
        actor = await self.ctx.actor()
        org = await self.ctx.organisation()
        try:
            data = await self.ctx.db(my_meetings_ics, actor=actor, org=org, now=self.ctx.now())
            await self.ctx.worker.run(path.write_bytes, data)
        except OSError as error:
            self.show_message(self.tr("无法保存：{0}").format(error.strerror or error))
            return
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("已导出到 {0}").format(path))
        self.message.show()
