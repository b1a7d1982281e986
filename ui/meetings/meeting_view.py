"""The meeting pane: details, replies, sign-in, minutes, the trace, and the actions allowed.

What is shown is read on the database worker in one snapshot (`snapshot.py`) and worded by
`texts.py` and `rendering.py`; the buttons are exactly `available_meeting_actions(meeting,
actor, now)`; every action is an `Operation` over `sync.client.actions.act_meeting`, so it
works offline and the engine syncs it. A refusal shows the rules' Chinese message; a room
taken offers the free rooms to book instead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from officeapp.core.verdict import Accepted, Verdict
from officeapp.meetings import (
    Meeting,
    MeetingAction,
    MeetingActionKind,
    current_replies,
)
from officeapp.org import Actor, Organisation
from officeapp.store import RejectionRecord
from sync.client import actions
from ui.common import record_pane
from ui.common.action_bar import ActionBar, ActionBarPane
from ui.common.attachments import safe_file_name
from ui.common.context import AppContext, ChangeKind, Changes
from ui.common.display import fill_table, read_only_table, set_html
from ui.common.feedback import Feedback, done_text
from ui.common.latest_load import LatestLoad
from ui.common.messages import Refusal, refusal_text
from ui.common.operations import Operation, on_store
from ui.common.qt import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    Qt,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.common.refusal_banner import RefusalBanner, dismiss_buttons
from ui.common.rejections import dismissal
from ui.common.translate import tr
from ui.common.values import listed, value_text
from ui.meetings.dialogs import (
    CheckInDialog,
    CodeDialog,
    MeetingDialog,
    MeetingPdfDialog,
    NoticeDialog,
    ReasonDialog,
    ReplyDialog,
    RoomDialog,
    SittingDialog,
    SupervisionDialog,
    documents_folder,
)
from ui.meetings.meeting_form import MeetingForm
from ui.meetings.occurrences import STATUS_COLOURS, status_label, when_text
from ui.meetings.pane_parts import MinutesEditor, RoomOffer
from ui.meetings.rendering import (
    check_in_rows,
    check_in_summary,
    details_html,
    reply_rows,
    reply_summary,
    trace_html,
)
from ui.meetings.snapshot import (
    MeetingSnapshot,
    check_in_candidates,
    load_meeting,
    may_make_sitting,
    meeting_ics,
    printable,
    replyable,
    sitting_at,
    supervisable,
)
from ui.meetings.texts import PRINTS, action_text, booked, place_text

K = MeetingActionKind
_BUTTONS = (K.EDIT, K.BOOK, K.APPROVE_ROOM, K.REFUSE_ROOM, K.SEND_NOTICE, K.REPLY, K.CHECK_IN,
            K.REMIND, K.RECORD_MINUTES, K.PUBLISH_MINUTES, K.OPEN_SUPERVISION, K.CANCEL)

# --- the pane --------------------------------------------------------------------------------


class MeetingView(ActionBarPane, QWidget):
    """Shows one meeting and offers exactly the actions the rules allow now."""

    acted = Signal(str, str)  # meeting id, action kind
    feedback = Signal(object)  # a Feedback: what an action did, for the message bar
    exported = Signal(str)  # the path of an .ics saved
    supervision_opened = Signal(str)  # the new item's id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.snapshot: MeetingSnapshot | None = None
        self.dialog: QDialog | None = None  # the one open, kept from the collector
        self._meeting_id: str | None = None
        self._org: Organisation | None = None
        self._loads = LatestLoad(self, ctx, what=self.tr("读取会议"))
        self.placeholder = QLabel(self.tr("在列表、日历或会议室占用表中选择一个会议，"
                                      "即可在此查看和办理"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #777; padding: 24px;")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_badge = QLabel()
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setStyleSheet("color: #555;")
        self.pending_badge = QLabel()
        self.pending_badge.setStyleSheet("color: #8a5a00; background: #fff4d6; padding: 3px 6px;"
                                         " border-radius: 3px;")
        self.pending_badge.setWordWrap(True)  # a long list of actions must not widen the pane
        self.pending_badge.hide()
        self.banners = QVBoxLayout()
        self.offer = RoomOffer()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #b35c00;")
        self.notice.hide()
        self.print_button = QToolButton()
        self.print_menu = QMenu(self)
        self.ics_button = QToolButton()
        self.action_bar = ActionBar(none_text=self.tr("您当前不需要办理此会议"),
                                    trailing=(self.print_button, self.ics_button))
        self.details = QTextBrowser()
        self.replies = QTableWidget(0, 5)
        self.replies_summary = QLabel()
        self.check_ins = QTableWidget(0, 4)
        self.check_ins_summary = QLabel()
        self.minutes = MinutesEditor()
        self.trace = QTextBrowser()
        self.tabs = QTabWidget()
        self.pages = QStackedWidget()
        self._build()
        self._connect()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.print_button.setText(self.tr("打印"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_button.setMenu(self.print_menu)
        self.print_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.ics_button.setText(self.tr("导出日历"))
        self.ics_button.setToolTip(self.tr("导出本会议的 .ics 日历文件"))
        for key, label in PRINTS:
            action = self.print_menu.addAction(tr(label))
            action.setData(key)
            action.triggered.connect(lambda _checked=False, k=key: self.preview(k))
        read_only_table(self.replies, [self.tr("受邀"), self.tr("类别"), self.tr("回执"),
                                   self.tr("回执人"), self.tr("时间")])
        read_only_table(self.check_ins, [self.tr("人员"), self.tr("身份"), self.tr("方式"),
                                     self.tr("时间")])
        self.tabs.addTab(self.details, self.tr("详情"))
        replies = self._with_summary(self.replies_summary, self.replies)
        check_ins = self._with_summary(self.check_ins_summary, self.check_ins)
        self.tabs.addTab(replies, self.tr("回执"))
        self.tabs.addTab(check_ins, self.tr("签到"))
        self.tabs.addTab(self.minutes, self.tr("纪要"))
        self.tabs.addTab(self.trace, self.tr("记录"))
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignTop)
        shown = QWidget()
        layout = QVBoxLayout(shown)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(head)
        layout.addWidget(self.meta)
        layout.addWidget(self.pending_badge)
        self.trace_banner = record_pane.TraceBreakBanner()
        layout.addWidget(self.trace_banner)
        layout.addLayout(self.banners)
        layout.addWidget(self.offer)
        layout.addWidget(self.action_bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(shown)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

    @staticmethod
    def _with_summary(summary: QLabel, table: QTableWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        layout.addWidget(table, 1)
        return box

    @property
    def action_error(self) -> QLabel:
        """Return the line that says why the last action failed."""
        return self.action_bar.error

    def _connect(self) -> None:
        self.ctx.changed.connect(self._changed)
        self.ics_button.clicked.connect(lambda: self.export_ics())
        self.minutes.record.connect(lambda: self.trigger(K.RECORD_MINUTES))
        self.minutes.publish.connect(lambda: self.trigger(K.PUBLISH_MINUTES))
        self.offer.rebook.connect(self.book_room)
        self.offer.dismiss.connect(self._dismiss_offer)

    # --- loading -----------------------------------------------------------------------------

    @property
    def meeting_id(self) -> str | None:
        """Return the id of the meeting shown (or being loaded)."""
        return self._meeting_id

    def show_meeting(self, meeting_id: str | None) -> None:
        """Show a meeting (None clears the pane)."""
        changed = meeting_id != self._meeting_id
        self._meeting_id = meeting_id
        if changed:
            self.offer.hide()
            self.action_bar.hide_error()
            self.notice.hide()
        if meeting_id is None:
            self.snapshot = None
            self.pages.setCurrentIndex(0)
            return
        self.reload()

    def reload(self) -> None:
        """Read the shown meeting again (a newer read cancels one still running)."""
        meeting_id = self._meeting_id
        if meeting_id is not None:
            self._loads.start(lambda: self._read(meeting_id), self._loaded)

    async def _read(self, meeting_id: str) -> tuple[Organisation, MeetingSnapshot | None]:
        org = await self.ctx.organisation()
        return org, await self.ctx.db(load_meeting, meeting_id=meeting_id, org=org,
                                      person_id=self.ctx.person_id, now=self.ctx.now())

    def _loaded(self, loaded: tuple[Organisation, MeetingSnapshot | None]) -> None:
        self._org, snapshot = loaded
        self._show(snapshot)

    def _changed(self, changes: Changes) -> None:
        if changes.origin is self or self._meeting_id is None:
            return
        ids = changes.of(ChangeKind.MEETING)
        mine = not ids or self._meeting_id in ids
        if (ChangeKind.MEETING in changes.kinds and mine) or changes.kinds & {
                ChangeKind.DIRECTORY, ChangeKind.REJECTION}:
            self.reload()

    # --- showing -----------------------------------------------------------------------------

    def _show(self, snapshot: MeetingSnapshot | None) -> None:
        same = self.snapshot is not None and snapshot is not None and \
            self.snapshot.meeting.id == snapshot.meeting.id
        self.snapshot = snapshot
        if snapshot is None:
            self.placeholder.setText(self.tr("会议不存在，或您已无权查看该会议"))
            self.pages.setCurrentIndex(0)
            return
        assert self._org is not None
        org, meeting = self._org, snapshot.meeting
        self.pages.setCurrentIndex(1)
        self.title.setText(meeting.title)
        fill, text = STATUS_COLOURS[meeting.status]
        self.status_badge.setText(status_label(meeting.status))
        self.status_badge.setStyleSheet(f"background: {fill}; color: {text}; padding: 3px 8px;"
                                        " border-radius: 3px; font-weight: bold;")
        self.meta.setText(" · ".join(p for p in (
            value_text(meeting.meeting_type.value), when_text(meeting.start, meeting.end),
            place_text(meeting, snapshot.rooms)) if p))
        self._show_pending(snapshot.pending)
        staff = K.EDIT in snapshot.actions or K.CANCEL in snapshot.actions
        set_html(self.details, details_html(meeting, org, snapshot.rooms, show_code=staff,
                                             now=snapshot.now), keep=same)
        set_html(self.trace, trace_html(meeting, org), keep=same)
        self._show_replies(meeting, org)
        self._show_check_ins(meeting, org)
        self.minutes.set_meeting(meeting, org, editable=K.RECORD_MINUTES in snapshot.actions,
                                 publishable=K.PUBLISH_MINUTES in snapshot.actions,
                                 keep_edits=same and self.minutes.dirty())
        self.tabs.setTabText(1, self.tr("回执（{0}/{1}）").format(
            len(current_replies(meeting)), len(meeting.attendees) + len(meeting.sit_in)))
        self.tabs.setTabText(2, self.tr("签到（{0}）").format(len(meeting.check_ins)))
        self._show_rejections(snapshot.rejections)
        self.trace_banner.show_break(snapshot.trace_break)
        self._show_buttons(snapshot)
        self._show_prints(meeting)

    def _show_pending(self, pending: Sequence[str]) -> None:
        shown = list(dict.fromkeys(pending))
        self.pending_badge.setText(self.tr("等待服务器确认：{0}").format(listed(shown[:4])))
        self.pending_badge.setToolTip(self.tr("这些操作已在本机生效，联网同步后由服务器确认；"
                                          "如被拒绝，会在此说明原因"))
        self.pending_badge.setVisible(bool(shown))

    def _show_replies(self, meeting: Meeting, org: Organisation) -> None:
        rows = reply_rows(meeting, org)
        fill_table(self.replies, rows)
        self.replies_summary.setText(reply_summary(meeting, rows))

    def _show_check_ins(self, meeting: Meeting, org: Organisation) -> None:
        rows = check_in_rows(meeting, org)
        fill_table(self.check_ins, rows)
        self.check_ins_summary.setText(check_in_summary(meeting, org, len(rows)))

    def _show_rejections(self, records: Sequence[RejectionRecord]) -> None:
        record_pane.clear(self.banners)
        for record in records:
            extra: tuple[QPushButton, ...] = ()
            if record.code == "meeting.room_taken" and self.snapshot is not None:
                choose = QPushButton(self.tr("选择空闲会议室…"))
                choose.clicked.connect(lambda _c=False, r=record: self._offer_from(r))
                extra = (choose,)
            text = self.tr("服务器未接受：{0}").format(refusal_text(record))
            banner = RefusalBanner(record, text, extra=extra)
            banner.dismiss.connect(self.dismiss_rejection)
            self.banners.addWidget(banner)

    def _offer_from(self, record: RejectionRecord) -> None:
        if self.snapshot is not None:
            self.offer.offer(refusal_text(record), record.details.get("free_rooms") or [],
                             self.snapshot.rooms)

    def _show_buttons(self, snapshot: MeetingSnapshot) -> None:
        self.action_bar.clear()
        for kind in (k for k in _BUTTONS if k in snapshot.actions):
            text = action_text(kind)
            if kind is K.BOOK and booked(snapshot.meeting):
                text = self.tr("改订会议室…")
            self.action_bar.add_button(kind.value, text, partial(self.trigger, kind))
        if may_make_sitting(snapshot):
            self.action_bar.add_button(
                "sitting", self.tr("某次会议（签到、纪要）…"), self.choose_sitting,
                tooltip=self.tr("周期性会议按次签到和记录纪要：生成或打开其中一次"))
        self.action_bar.offered()

    def _show_prints(self, meeting: Meeting) -> None:
        allowed = set(printable(meeting))
        for action in self.print_menu.actions():
            action.setEnabled(action.data() in allowed)

    def shown_actions(self) -> set[str]:
        """Return the keys of the action buttons shown now."""
        return self.action_bar.shown()

    def _set_busy(self, busy: bool) -> None:
        self.action_bar.set_busy(busy)
        self.minutes.save_button.setEnabled(not busy)
        self.minutes.publish_button.setEnabled(not busy)

    # --- acting ------------------------------------------------------------------------------

    def trigger(self, kind: MeetingActionKind) -> None:
        """Start `kind` on the shown meeting, asking for its arguments when it needs any."""
        snapshot = self.snapshot
        if (snapshot is None or self.action_bar.busy() or kind not in snapshot.actions
                or self._org is None):
            return
        self.action_bar.hide_error()
        meeting, org = snapshot.meeting, self._org
        actor = snapshot.actor
        assert actor is not None
        openers: dict[MeetingActionKind, Callable[[], None]] = {
            K.EDIT: self._edit,
            K.BOOK: lambda: self.book_room(meeting.room_id) if meeting.room_id and not booked(
                meeting) else self._open(RoomDialog(meeting, snapshot.rooms, self)),
            K.REFUSE_ROOM: lambda: self._open(ReasonDialog(
                K.REFUSE_ROOM, title=self.tr("不同意使用会议室"),
                prompt=self.tr("请写明不同意的理由："), required=self.tr("不同意时必须填写理由"),
                parent=self)),
            K.CANCEL: lambda: self._open(ReasonDialog(
                K.CANCEL, title=self.tr("取消会议"),
                prompt=self.tr("取消后将通知已收到通知的人员。请写明取消理由："),
                required=self.tr("取消会议必须填写理由"), parent=self)),
            K.SEND_NOTICE: lambda: self._open(NoticeDialog(meeting, self)),
            K.REPLY: lambda: self._open(ReplyDialog(meeting, org, actor,
                                                    replyable(meeting, actor), self)),
            K.CHECK_IN: lambda: self._check_in(meeting, org, actor),
            K.RECORD_MINUTES: self._record_minutes,
            K.OPEN_SUPERVISION: lambda: self._open(SupervisionDialog(
                org, meeting.id, supervisable(meeting), self)),
        }
        opener = openers.get(kind)
        if opener is not None:
            opener()
        else:
            self.submit([MeetingAction(kind)])

    def _open(self, dialog: MeetingDialog) -> None:
        self.dialog = dialog
        if isinstance(dialog, CheckInDialog):
            dialog.accepted.connect(lambda: self.submit(dialog.meeting_actions()))
        else:
            dialog.accepted.connect(lambda: self.submit([dialog.meeting_action()]))
        dialog.open()

    def _check_in(self, meeting: Meeting, org: Organisation, actor: Actor) -> None:
        staff = K.EDIT in self.available() or K.CANCEL in self.available()
        if staff:
            people = check_in_candidates(meeting, org, self.ctx.now())
            self._open(CheckInDialog(org, people, self))
        else:
            self._open(CodeDialog(self))

    def _record_minutes(self) -> None:
        if self.tabs.currentWidget() is not self.minutes:
            self.tabs.setCurrentWidget(self.minutes)
            self.minutes.text.setFocus()
            return
        text, decisions = self.minutes.values()
        self.submit([MeetingAction(K.RECORD_MINUTES, text=text, decisions=decisions)])

    def _edit(self) -> None:
        if self.snapshot is None:
            return
        dialog = MeetingForm(self.ctx, self, meeting=self.snapshot.meeting)
        dialog.saved.connect(lambda _id: self.reload())
        dialog.notified.connect(lambda _id: self.reload())
        dialog.finished.connect(lambda _result: self.reload())
        self.dialog = dialog
        dialog.open()

    def available(self) -> tuple[MeetingActionKind, ...]:
        """Return the actions the person may take on the shown meeting now."""
        return self.snapshot.actions if self.snapshot else ()

    def book_room(self, room_id: str | None) -> None:
        """Book a room for the shown meeting (its own, or one offered after a refusal)."""
        if room_id is None:
            if self.snapshot is not None:
                self._open(RoomDialog(self.snapshot.meeting, self.snapshot.rooms, self))
            return
        self.offer.hide()
        self.submit([MeetingAction(K.BOOK, room_id=room_id)])

    def submit(self, requests: Sequence[MeetingAction]) -> None:
        """Write the actions on the shown meeting, one after the other."""
        if self._meeting_id is None or self.action_bar.busy() or not requests:
            return
        self._submit(self._meeting_id, list(requests), [])

    def _submit(self, meeting_id: str, requests: list[MeetingAction],
                warnings: list[str]) -> None:
        """Write the first of `requests`; the next follows its success, a refusal stops."""
        action = requests[0]
        act = on_store(self.ctx, actions.act_meeting, person_id=self.ctx.person_id,
                       meeting_id=meeting_id, action=action)
        (Operation(self, self.ctx, what=action_text(action.kind).rstrip("…"), action=act)
         .busy(flag=self._set_busy)
         .changes(ChangeKind.MEETING)
         .refused(lambda refusal: self._refused(refusal, meeting_id))
         .success(lambda verdict: self._acted(meeting_id, requests, warnings, verdict))
         .run())

    def _acted(self, meeting_id: str, requests: list[MeetingAction], warnings: list[str],
               verdict: Verdict[Meeting]) -> None:
        if not isinstance(verdict, Accepted):
            return  # the runner sends a Rejected to _refused
        action, rest = requests[0], requests[1:]
        warnings = warnings + [refusal_text(w) for w in verdict.warnings]
        if action.kind is K.RECORD_MINUTES:
            self.minutes.mark_saved()
        self.acted.emit(meeting_id, action.kind.value)
        self.feedback.emit(Feedback(done_text(action_text(action.kind), verdict.record.title,
                                              ctx=self.ctx)))
        if action.kind is K.OPEN_SUPERVISION:
            self.supervision_opened.emit(action.supervision_item_id)
        if rest:
            self._submit(meeting_id, rest, warnings)
            return
        self._reload_if_shown(meeting_id)
        self.notice.setText("\n".join(tr("提醒：{0}").format(w) for w in warnings))
        self.notice.setVisible(bool(warnings))

    def _reload_if_shown(self, meeting_id: str) -> None:
        if meeting_id == self._meeting_id:
            self.reload()

    def _refused(self, refusal: Refusal, meeting_id: str | None = None) -> None:
        if meeting_id is not None:
            self._reload_if_shown(meeting_id)
        message = refusal_text(refusal)
        details: Mapping[str, Any] = getattr(refusal, "details", None) or {}
        if refusal.code == "meeting.room_taken" and self.snapshot is not None:
            self.offer.offer(self.tr("未能预订：{0}").format(message),
                             details.get("free_rooms") or [], self.snapshot.rooms)
            return
        self.action_bar.show_error(self.tr("未能办理：{0}").format(message))

    def _dismiss_offer(self) -> None:
        self.offer.hide()

    def dismiss_rejection(self, rejection_id: int) -> None:
        """Hide a refused action the person has seen."""
        (dismissal(self, self.ctx, rejection_id)
         .busy(*dismiss_buttons(self.banners, rejection_id))
         .success(lambda _none: self.reload())
         .run())

    # --- sittings of a series ----------------------------------------------------------------

    def choose_sitting(self) -> None:
        """Ask which occurrence of the shown series to sign in and minute, then open it."""
        if self.snapshot is None:
            return
        dialog = SittingDialog(self.snapshot.meeting, self.ctx.now(), self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.open_sitting(dialog.start()))
        dialog.open()

    def open_sitting(self, start: datetime) -> None:
        """Open the sitting of the shown series at `start`, making it when there is none."""
        if self.snapshot is None or self.action_bar.busy():
            return
        series_id = self.snapshot.meeting.id
        make = on_store(self.ctx, sitting_at, person_id=self.ctx.person_id, series_id=series_id,
                        start=start)
        (Operation(self, self.ctx, what=self.tr("生成某次会议"), action=make)
         .busy(flag=self._set_busy)
         .changes(ChangeKind.MEETING)
         .refused(self._refused)
         .success(lambda found: self._sitting_opened(series_id, found))
         .run())

    def _sitting_opened(self, series_id: str, sitting_id: str) -> None:
        self.acted.emit(series_id, "create_sitting")
        self.show_meeting(sitting_id)

    # --- prints and calendar files -----------------------------------------------------------

    def preview(self, first: str = "notice") -> MeetingPdfDialog | None:
        """Open the PDF preview of the shown meeting's prints, on the tab `first`."""
        if self.snapshot is None:
            return None
        dialog = MeetingPdfDialog(self.ctx, self.snapshot.meeting.id,
                                  printable(self.snapshot.meeting), first, self)
        self.dialog = dialog
        dialog.show()
        return dialog

    def export_ics(self, path: Path | None = None) -> None:
        """Save the shown meeting as an .ics file (asks where when no path is given)."""
        if self.snapshot is None:
            return
        if path is None:
            suggested = documents_folder() / safe_file_name(f"{self.snapshot.meeting.title}.ics")
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("导出日历"), str(suggested),
                                                    self.tr("日历文件 (*.ics)"))
            if not chosen:
                return
            path = Path(chosen)
        meeting_id = self.snapshot.meeting.id
        (Operation(self, self.ctx, what=self.tr("导出日历"),
                   action=lambda now: self._export(meeting_id, path, now))
         .refused(lambda refusal: self._not_exported(refusal_text(refusal)))
         .expect(OSError, lambda error: self._not_exported(str(error)))
         .success(lambda _written: self.exported.emit(str(path)))
         .run())

    async def _export(self, meeting_id: str, path: Path, now: datetime) -> None:
        data = await self.ctx.db(meeting_ics, meeting_id=meeting_id,
                                 org=await self.ctx.organisation(), now=now)
        await self.ctx.worker.run(path.write_bytes, data)

    def _not_exported(self, message: str) -> None:
        self.action_bar.show_error(tr("未能导出：") + message)
