"""The supervision item pane: fields, the light and why, reports, urgings, extensions, the trace,
and exactly the buttons `officeapp.supervision.available_actions` allows.

Everything is read on the database worker in one snapshot, at the session's server-corrected
time (`AppContext.now()`), so lights and buttons are right on a machine whose clock is wrong.
Every action goes through `sync.client.actions.act_supervision`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial

from officeapp.core.verdict import Accepted, Verdict
from officeapp.documents import Urgency
from officeapp.org import Organisation
from officeapp.store import RejectionRecord
from officeapp.supervision import ActionKind, SupervisionAction, SupervisionItem
from officeapp.supervision.model import end_of_day
from officeapp.workflow import Attachment
from sync.client import actions
from ui.common import record_pane
from ui.common.action_bar import ActionBar, ActionBarPane
from ui.common.attachments import blobs_root, export_for_opening, open_with_system
from ui.common.context import AppContext, ChangeKind, Changes
from ui.common.display import set_html
from ui.common.feedback import Feedback, done_text
from ui.common.latest_load import LatestLoad
from ui.common.messages import refusal_text
from ui.common.operations import Operation, on_store
from ui.common.qt import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QTabWidget,
    QTextBrowser,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)
from ui.common.refusal_banner import RefusalBanner, dismiss_buttons, widgets_of
from ui.common.rejections import dismissal
from ui.common.translate import tr
from ui.common.values import listed, qualified, value_text
from ui.supervision.dialogs import DeadlineDialog, ReportDialog, SupervisionDialog, text_dialog
from ui.supervision.rendering import (
    extensions_html,
    item_html,
    rejection_text,
    reports_html,
    trace_html,
    urgings_html,
)
from ui.supervision.snapshot import ItemSnapshot, attachments_of, load_item
from ui.supervision.texts import (
    LIGHT_COLOURS,
    action_text,
    beijing_day,
    deadline_text,
    light_explanation,
    status_text,
    unit_name,
    when,
)

# Buttons in flow order; the rest wait in "更多".
_BUTTONS = (ActionKind.OPEN, ActionKind.APPROVE, ActionKind.ASSIGN, ActionKind.RECEIVE,
            ActionKind.REPORT, ActionKind.REQUEST_COMPLETION, ActionKind.COMPLETE,
            ActionKind.APPROVE_EXTENSION, ActionKind.REFUSE_EXTENSION, ActionKind.RETURN)
_MORE = (ActionKind.URGE, ActionKind.REQUEST_EXTENSION, ActionKind.EDIT)


# --- widgets ---------------------------------------------------------------------------------


class RejectionBanner(RefusalBanner):
    """A refused supervision action: the reason, what the person wrote, and "知道了"."""

    def __init__(self, record: RejectionRecord, parent: QWidget | None = None) -> None:
        super().__init__(record, rejection_text(record), parent=parent)


def _browser() -> QTextBrowser:
    browser = QTextBrowser()
    browser.setOpenLinks(False)
    return browser


class SupervisionView(ActionBarPane, QWidget):
    """Shows one supervision item and lets the person act on it."""

    loaded = Signal(str)  # item id, after each (re)load was shown
    acted = Signal(str, str)  # item id, action kind: written locally
    feedback = Signal(object)  # a Feedback: what an action did, for the message bar
    split_requested = Signal(str)  # create a sub-item of this item
    edit_requested = Signal(str)  # open the form on this item
    sheet_requested = Signal(str)  # the 督办单 PDF of this item
    open_item = Signal(str)  # show another item (a sub-item or the parent)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.snapshot: ItemSnapshot | None = None
        self.dialog: QDialog | None = None
        self.opener = open_with_system  # tests put a recorder here
        self._item_id: str | None = None
        self._org: Organisation | None = None
        self._loads = LatestLoad(self, ctx, what=tr("读取督办事项"))
        self._build()
        ctx.changed.connect(self._changed)

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.pages, self.placeholder = record_pane.placeholder_pages(
            self, tr("在列表中选择一项督办事项，即可在此查看和办理"), self._content())

    def _content(self) -> QWidget:
        page = QWidget()
        self.banners = QVBoxLayout()
        self.title = record_pane.title_label(1.4)
        self.light = QLabel()
        self.light.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.urgency_badge = record_pane.badge("background: #c0392b; color: white;")
        self.pending_badge = record_pane.badge("background: #fff4ce; color: #7a5c00;"
                                    " border: 1px solid #e0c060;")
        self.fields, self.reports, self.urgings = _browser(), _browser(), _browser()
        self.extensions, self.trace = _browser(), _browser()
        for browser in (self.fields, self.reports):
            browser.anchorClicked.connect(self._link)
        self.tabs = QTabWidget()
        for browser, label in ((self.fields, tr("事项")), (self.reports, tr("进度反馈")),
                               (self.urgings, tr("催办")), (self.extensions, tr("延期")),
                               (self.trace, tr("办理过程"))):
            self.tabs.addTab(browser, label)
        layout = QVBoxLayout(page)
        self.trace_banner = record_pane.TraceBreakBanner()
        layout.addWidget(self.trace_banner)
        layout.addLayout(self.banners)
        layout.addWidget(self.title)
        row = QHBoxLayout()
        row.addWidget(self.urgency_badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.light, 1)
        layout.addLayout(row)
        # Under the light, wrapped: beside it, a long list squeezed it in a narrow pane.
        self.pending_badge.setWordWrap(True)
        layout.addWidget(self.pending_badge)
        layout.addWidget(self.meta)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self._action_area())
        return page

    def _action_area(self) -> QWidget:
        self.sheet_button = QPushButton(tr("督办单"))
        self.sheet_button.setToolTip(tr("预览、打印或另存督办单PDF"))
        self.sheet_button.clicked.connect(self._sheet)
        self.action_bar = ActionBar(none_text=tr("您当前不需要办理此事项"),
                                 trailing=(self.sheet_button,))
        return self.action_bar

    def _sheet(self) -> None:
        if self._item_id is not None:
            self.sheet_requested.emit(self._item_id)

    @property
    def action_error(self) -> QLabel:
        """Return the line that says why the last action failed."""
        return self.action_bar.error

    # --- loading -----------------------------------------------------------------------------

    def item_id(self) -> str | None:
        """Return the item shown."""
        return self._item_id

    def show_item(self, item_id: str | None) -> None:
        """Show another item (None: nothing); a newer call cancels a load still running."""
        if item_id != self._item_id:
            self.snapshot = None
            self.action_bar.hide_error()
        self._item_id = item_id
        if item_id is None:
            self._loads.cancel()
            self.pages.setCurrentIndex(0)
            return
        self.reload()

    def reload(self) -> None:
        """Read the shown item again (a read still running is cancelled)."""
        item_id = self._item_id
        if item_id is None:
            self._loads.cancel()
            return
        self._loads.start(lambda: self._read(item_id),
                          lambda found: self._loaded(item_id, *found))

    async def _read(self, item_id: str) -> tuple[Organisation, ItemSnapshot | None]:
        org = await self.ctx.organisation()
        snapshot = await self.ctx.db(load_item, item_id=item_id, org=org,
                                     person_id=self.ctx.person_id,
                                     root=blobs_root(self.ctx.settings.data_dir()),
                                     now=self.ctx.now())
        return org, snapshot

    def _loaded(self, item_id: str, org: Organisation, snapshot: ItemSnapshot | None) -> None:
        self._org = org
        self._show(snapshot)
        self.loaded.emit(item_id)

    def _changed(self, changes: Changes) -> None:
        if changes.origin is self or self._item_id is None:
            return
        ids = changes.of(ChangeKind.SUPERVISION)
        if (ChangeKind.SUPERVISION in changes.kinds and (not ids or self._item_id in ids)) or (
                changes.kinds & {ChangeKind.DIRECTORY, ChangeKind.REJECTION}):
            self.reload()

    # --- showing -----------------------------------------------------------------------------

    def _show(self, snapshot: ItemSnapshot | None) -> None:
        same = (self.snapshot is not None and snapshot is not None
                and self.snapshot.item.id == snapshot.item.id)
        self.snapshot = snapshot
        if snapshot is None:
            self.placeholder.setText(tr("督办事项不存在，或您已无权查看"))
            self.pages.setCurrentIndex(0)
            return
        assert self._org is not None
        item, org = snapshot.item, self._org
        self.pages.setCurrentIndex(1)
        self.title.setText(item.title)
        self._show_light(snapshot)
        self.meta.setText(" · ".join((value_text(item.source.value), status_text(item.status),
                                      tr("牵头：{0}").format(unit_name(org, item.lead_unit_id)),
                                      tr("时限：{0}").format(deadline_text(item.deadline)),
                                      tr("进度 {0}%").format(item.percent))))
        self.urgency_badge.setText(value_text(item.urgency.value))
        self.urgency_badge.setVisible(item.urgency is not Urgency.NORMAL)
        self._show_pending(snapshot.pending)
        set_html(self.fields, item_html(snapshot, org), keep=same)
        set_html(self.reports, reports_html(snapshot, org), keep=same)
        set_html(self.urgings, urgings_html(item, org), keep=same)
        set_html(self.extensions, extensions_html(item, org), keep=same)
        set_html(self.trace, trace_html(item, org), keep=same)
        pending = tr("（待审批）") if item.pending_extension else ""
        for index, (label, count) in enumerate((
                (tr("事项"), None), (tr("进度反馈"), len(item.progress_reports)),
                (tr("催办"), len(item.urgings)), (tr("延期"), len(item.extension_requests)),
                (tr("办理过程"), len(item.trace)))):
            text = label if count is None else qualified(label, str(count))
            self.tabs.setTabText(index, text + (pending if index == 3 else ""))
        self._show_rejections(snapshot.rejections)
        self.trace_banner.show_break(snapshot.trace_break)
        self._show_buttons(snapshot)

    def _show_light(self, snapshot: ItemSnapshot) -> None:
        colour = LIGHT_COLOURS[snapshot.light.light]
        self.light.setText(f"<span style='color:{colour}; font-size:16px'>●</span> "
                           f"<b>{html.escape(light_explanation(snapshot.light))}</b>")
        self.light.setToolTip(tr("按服务器时间 {0} 计算").format(when(snapshot.now)))

    def light_text(self) -> str:
        """Return the light line as plain text (for tests and accessibility)."""
        return light_explanation(self.snapshot.light) if self.snapshot else ""

    def _show_pending(self, pending: Sequence[str]) -> None:
        shown = list(dict.fromkeys(pending))
        self.pending_badge.setText(tr("等待服务器确认：{0}").format(listed(shown)))
        self.pending_badge.setToolTip(tr("这些操作已在本机生效，服务器确认后才算数；"
                                          "如被拒绝，会在此说明原因"))
        self.pending_badge.setVisible(bool(pending))

    def _show_rejections(self, records: Sequence[RejectionRecord]) -> None:
        record_pane.clear(self.banners)
        for record in records:
            banner = RejectionBanner(record)
            banner.dismiss.connect(self.dismiss_rejection)
            self.banners.addWidget(banner)

    def rejection_banners(self) -> list[RejectionBanner]:
        """Return the banners shown now."""
        return widgets_of(self.banners, RejectionBanner)

    def _show_buttons(self, snapshot: ItemSnapshot) -> None:
        self.action_bar.clear()
        status = snapshot.item.status
        for kind in (k for k in _BUTTONS if k in snapshot.actions):
            self.action_bar.add_button(kind.value, action_text(kind, status),
                                    partial(self.trigger, kind))
        for kind in (k for k in _MORE if k in snapshot.actions):
            self.action_bar.add_more(kind.value, action_text(kind, status) + "…",
                                  partial(self.trigger, kind))
        if snapshot.may_split:
            self.action_bar.add_more("split", tr("分解（新建子事项）…"), self.request_split)
        self.action_bar.offered()

    def shown_actions(self) -> set[str]:
        """Return the keys of every action offered now (buttons and the "更多" menu)."""
        return self.action_bar.shown()

    # --- acting ------------------------------------------------------------------------------

    def trigger(self, kind: ActionKind) -> None:
        """Start `kind` on the shown item: ask for what it needs first."""
        snapshot = self.snapshot
        if snapshot is None or self.action_bar.busy() or kind not in snapshot.actions:
            return
        self.action_bar.hide_error()
        item = snapshot.item
        if kind is ActionKind.EDIT:
            self.edit_requested.emit(item.id)
        elif kind in (ActionKind.REPORT, ActionKind.REQUEST_COMPLETION):
            self._open_dialog(ReportDialog(self.ctx, kind, percent=item.percent, parent=self))
        elif kind in (ActionKind.REQUEST_EXTENSION, ActionKind.APPROVE_EXTENSION):
            self._open_dialog(self._deadline_dialog(kind, item, snapshot.now))
        else:
            self._open_dialog(text_dialog(kind, item, self))

    def _deadline_dialog(self, kind: ActionKind, item: SupervisionItem,
                         now: datetime) -> DeadlineDialog:
        current = item.deadline or now
        pending = item.pending_extension
        if kind is ActionKind.APPROVE_EXTENSION and pending is not None:
            proposed = pending.requested_deadline
        else:
            proposed = end_of_day(beijing_day(max(current, now)) + timedelta(days=7))
        return DeadlineDialog(kind, current=current, proposed=proposed, today=beijing_day(now),
                              parent=self)

    def _open_dialog(self, dialog: SupervisionDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.submit(dialog.request()))
        dialog.open()

    def request_split(self) -> None:
        """Ask for a sub-item of the shown item (分解)."""
        if self._item_id is not None:
            self.split_requested.emit(self._item_id)

    def submit(self, action: SupervisionAction) -> None:
        """Write `action` on the shown item, meant for the status the person saw."""
        item_id = self._item_id
        if item_id is None or self.action_bar.busy():
            return
        if action.expected_status is None and self.snapshot is not None:
            action = replace(action, expected_status=self.snapshot.item.status)
        (Operation(self, self.ctx, what=action_text(action.kind),
                   action=on_store(self.ctx, actions.act_supervision,
                                   person_id=self.ctx.person_id, item_id=item_id,
                                   action=action))
         .busy(flag=self.action_bar.set_busy)
         .changes(ChangeKind.SUPERVISION)
         .refused(lambda refusal: self._refused(refusal_text(refusal)))
         .success(lambda verdict: self._acted(item_id, action, verdict))
         .run())

    def _acted(self, item_id: str, action: SupervisionAction,
               verdict: Verdict[SupervisionItem]) -> None:
        assert isinstance(verdict, Accepted)  # the operation sends a refusal to `_refused`
        self.acted.emit(item_id, action.kind.value)
        self.feedback.emit(Feedback(done_text(action_text(action.kind), verdict.record.title,
                                              ctx=self.ctx)))
        if item_id == self._item_id:
            self.reload()

    def _refused(self, message: str) -> None:
        if alive(self):
            self.action_bar.show_error(tr("未能办理：{0}").format(message))

    # --- rejections, attachments, links -------------------------------------------------------

    def dismiss_rejection(self, rejection_id: int) -> None:
        """Hide a refused action the person has seen."""
        (dismissal(self, self.ctx, rejection_id)
         .busy(*dismiss_buttons(self.banners, rejection_id))
         .success(lambda _none: self.reload())
         .run())

    def _link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("attachment:"):
            self.open_attachment(text.split(":", 1)[1])

    def open_attachment(self, sha256: str) -> None:
        """Open an attachment of a report or the completion request with the desktop."""
        if self.snapshot is None:
            return
        found = next((a for a in attachments_of(self.snapshot.item) if a.sha256 == sha256),
                     None)
        if found is not None:
            self.ctx.spawn(self._open(found), what=tr("打开附件"))

    async def _open(self, attachment: Attachment) -> None:
        root = blobs_root(self.ctx.settings.data_dir())
        path = await self.ctx.db(export_for_opening, attachment=attachment, root=root)
        if path is None:
            self._refused(tr("“{0}”未下载：联网同步后即可打开").format(attachment.name))
        elif not self.opener(path):
            self._refused(tr("没有可以打开“{0}”的程序").format(attachment.name))
