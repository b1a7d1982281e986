"""The document pane: fields, attachments, the route with every opinion, and the actions allowed.

Everything shown is read on the database worker in one snapshot; the buttons are exactly
`available_actions(document, actor, now)`; every action goes through `sync.client.actions.act`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

from officeapp.documents import Direction, Urgency
from officeapp.org import Organisation, Role
from officeapp.store import RejectionRecord
from officeapp.workflow import (
    ActionKind,
    Document,
)
from ui.common import highlight, record_pane
from ui.common.action_bar import ActionBar, ActionBarPane
from ui.common.attachments import AttachmentsPanel, blobs_root
from ui.common.context import AppContext, ChangeKind, Changes
from ui.common.fit import scrolling
from ui.common.qt import (
    QDialog,
    QDragEnterEvent,
    QDropEvent,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPushButton,
    QShortcut,
    Qt,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)
from ui.common.refusal_banner import RefusalBanner, dismiss_buttons, widgets_of
from ui.common.rejections import dismissal
from ui.common.seal_check import OfficialFilePanel, awaiting_seal
from ui.common.values import listed, value_text
from ui.documents.acting import PRIMARY, DocumentActing
from ui.documents.archive_export import can_export
from ui.documents.body_file import BodyFilePanel
from ui.documents.opinion_editor import OpinionEditor
from ui.documents.proofread_dialog import findings_of
from ui.documents.rendering import (
    action_label,
    fields_html,
    number_text,
    rejected_text,
    rejection_message,
    route_html,
    step_label,
)
from ui.documents.snapshot import Snapshot, load_snapshot

# Buttons, the main action first; the rarer ones wait in the "更多" menu so the row fits
# a narrow pane.
_BUTTONS = (ActionKind.APPROVE, ActionKind.ACKNOWLEDGE, ActionKind.CLAIM, ActionKind.RETURN,
            ActionKind.WITHDRAW, ActionKind.EDIT, ActionKind.ARCHIVE, ActionKind.INFORM)
_MORE = (ActionKind.DELEGATE, ActionKind.ADD_SIGNER, ActionKind.CIRCULATE, ActionKind.URGE)
_SHORTCUTS = {
    ActionKind.RETURN: "Ctrl+R",
    ActionKind.WITHDRAW: "Ctrl+Shift+W",
    ActionKind.EDIT: "Ctrl+E",
}
# The steps of a 发文 whose holder is shown what 校对 finds (the text is still changing, or
# about to be signed as it stands).
PROOFREAD_STEPS = frozenset({"draft", "review", "sign"})


# --- widgets ---------------------------------------------------------------------------------


class RejectionBanner(RefusalBanner):
    """A refused action on this document: the reason, "reuse this text" and "知道了"."""

    reuse = Signal(str)

    def __init__(self, record: RejectionRecord, parent: QWidget | None = None) -> None:
        reuse = QPushButton()
        super().__init__(record, rejection_message(record), extra=(reuse,), parent=parent)
        self.reuse_button = reuse
        self.reuse_button.setText(self.tr("重新使用这段文字"))
        text = rejected_text(record)
        self.reuse_button.setVisible(bool(text))
        self.reuse_button.setToolTip(text)
        self.reuse_button.clicked.connect(lambda: self.reuse.emit(text))


class DocumentView(ActionBarPane, DocumentActing, QWidget):
    """Shows one document and lets the person act on it."""

    loaded = Signal(str)  # document id, after each (re)load was shown
    acted = Signal(str, str)  # document id, action kind: the action was written locally
    feedback = Signal(object)  # a Feedback: what an action did, for the message bar
    exported = Signal(str)  # the path of an archive package just written
    supervision_created = Signal(str)  # the id of a 督办事项 opened from this document

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.snapshot: Snapshot | None = None
        self.dialog: QDialog | None = None  # the argument dialog open now, kept alive
        self._document_id: str | None = None
        self._org: Organisation | None = None
        # The search's words, marked wherever the document shows them.
        self._highlight: tuple[str, ...] = ()
        self._load_task: asyncio.Task[Any] | None = None
        self._generation = 0
        self._busy = False
        self._reading: set[str] = set()  # documents whose 知会 is being marked read
        self._build()
        self._make_shortcuts()
        self.setAcceptDrops(True)
        ctx.changed.connect(self._changed)

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.pages, self.placeholder = record_pane.placeholder_pages(
            self, self.tr("在列表中选择一份公文，即可在此查看和办理"), self._content())

    def _content(self) -> QWidget:
        page = QWidget()
        self.banners = QVBoxLayout()
        self.title = record_pane.title_label(1.45)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.urgency_badge = record_pane.badge("background: #c0392b; color: white;")
        self.pending_badge = record_pane.badge("background: #fff4ce; color: #7a5c00;"
                                    " border: 1px solid #e0c060;")
        self.fields = QTextBrowser()
        self.route = QTextBrowser()
        for browser in (self.fields, self.route):
            browser.setAcceptDrops(False)  # dropped files are attachments: the pane takes them
        self.attachments = AttachmentsPanel(self.ctx)
        self.official = OfficialFilePanel(self.ctx)  # 正式文件 and its 验章, or 待用印
        self.official.preview_requested.connect(self.preview)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.fields, self.tr("公文"))
        self.tabs.addTab(self.route, self.tr("办理过程"))
        self.tabs.addTab(scrolling(self.attachments), self.tr("附件"))  # scrolls when short
        self.body_file = BodyFilePanel(self.ctx)
        self.tabs.addTab(scrolling(self.body_file), self.tr("正文文件"))
        layout = QVBoxLayout(page)
        self.trace_banner = record_pane.TraceBreakBanner()
        layout.addWidget(self.trace_banner)
        layout.addLayout(self.banners)
        layout.addWidget(self.title)
        layout.addLayout(self._meta_row())
        layout.addWidget(self.official)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self._action_area())
        return page

    def _meta_row(self) -> QVBoxLayout:
        # What waits for the server goes under the facts, wrapped: beside them, a long list
        # of actions squeezed them into a column a word wide in a narrow pane.
        row = QHBoxLayout()
        row.addWidget(self.urgency_badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.meta, 1)
        column = QVBoxLayout()
        column.addLayout(row)
        self.pending_badge.setWordWrap(True)
        column.addWidget(self.pending_badge)  # aligned, a wrapped label misjudges its height
        return column

    def _action_area(self) -> QWidget:
        self.opinion = OpinionEditor(self.ctx)
        self.preview_button = QPushButton(self.tr("预览/打印"))
        self.preview_button.setToolTip(self.tr("预览、打印或另存为PDF（Ctrl+P）"))
        self.preview_button.clicked.connect(self.preview)
        # 校对 (proofreading) at 拟稿, 核稿 and 签发: hidden while nothing is found.
        self.proofread_button = QPushButton()
        self.proofread_button.setStyleSheet("color: #8a5a00;")
        self.proofread_button.clicked.connect(self.proofread)
        self.proofread_button.hide()
        self.action_bar = ActionBar(none_text=self.tr("您当前不需要办理此文件"),
                                    above=(self.opinion,),
                                    trailing=(self.proofread_button, self.preview_button))
        self.action_error = self.action_bar.error
        return self.action_bar

    def _make_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._primary, context=context)
        for kind, keys in _SHORTCUTS.items():
            QShortcut(QKeySequence(keys), self, lambda k=kind: self._shortcut(k), context=context)
        QShortcut(QKeySequence("Ctrl+P"), self, self.preview, context=context)

    # --- loading -----------------------------------------------------------------------------

    def document_id(self) -> str | None:
        """Return the document shown."""
        return self._document_id

    def show_document(self, document_id: str | None) -> None:
        """Show another document (None: nothing); a newer call cancels a load still running."""
        if document_id != self._document_id:
            self.snapshot = None
            self.action_error.hide()
        self._document_id = document_id
        if document_id is None:
            self.opinion.set_document(None)
            self._cancel_load()
            self.pages.setCurrentIndex(0)
            return
        self.reload()

    def reload(self) -> None:
        """Read the shown document again."""
        self._cancel_load()
        if self._document_id is None:
            return
        self._generation += 1
        self._load_task = self.ctx.spawn(self._load(self._document_id, self._generation),
                                         what=self.tr("读取文件"))

    def _cancel_load(self) -> None:
        if self._load_task is not None and not self._load_task.done():
            self._load_task.cancel()
        self._load_task = None

    async def _load(self, document_id: str, generation: int) -> None:
        org = await self.ctx.organisation()
        snapshot = await self.ctx.db(
            load_snapshot, document_id=document_id, org=org, person_id=self.ctx.person_id,
            now=self.ctx.now(), root=blobs_root(self.ctx.settings.data_dir()))
        if generation != self._generation or not alive(self):
            return  # a newer load is under way, or the pane is gone
        self._org = org
        self._show(document_id, snapshot)
        self.loaded.emit(document_id)

    def _changed(self, changes: Changes) -> None:
        if changes.origin is self or self._document_id is None:
            return
        if (self._document_id in changes.of(ChangeKind.DOCUMENT)
                or changes.kinds & {ChangeKind.DIRECTORY, ChangeKind.REJECTION}):
            self.reload()

    # --- showing -----------------------------------------------------------------------------

    def set_highlight(self, words: Sequence[str]) -> None:
        """Mark these words (a search's) in the title, fields, 正文 and opinions shown."""
        words = tuple(words)
        if words == self._highlight:
            return
        self._highlight = words
        if self.snapshot is not None:
            self._show_text(self.snapshot.document, keep_position=True)

    def _show_text(self, document: Document, *, keep_position: bool) -> None:
        assert self._org is not None
        words = self._highlight
        if words:
            self.title.setTextFormat(Qt.TextFormat.RichText)
            self.title.setText(highlight.text_html(document.title, words))
        else:
            self.title.setTextFormat(Qt.TextFormat.PlainText)
            self.title.setText(document.title)
        for browser, markup in ((self.fields, fields_html(document, self._org)),
                                (self.route, route_html(document, self._org))):
            _set_html(browser, highlight.mark_html(markup, words), keep_position=keep_position)

    def _show(self, document_id: str, snapshot: Snapshot | None) -> None:
        same = self.snapshot is not None and self.snapshot.document.id == document_id
        self.snapshot = snapshot
        if snapshot is None:
            self.placeholder.setText(self.tr("文件不存在，或您已无权查看该文件"))
            self.pages.setCurrentIndex(0)
            self.opinion.set_document(None)
            return
        assert self._org is not None
        document = snapshot.document
        self.pages.setCurrentIndex(1)
        self.opinion.set_document(document_id, document.step)
        self._show_text(document, keep_position=same)
        awaiting = awaiting_seal(document, pending=bool(snapshot.pending))
        self._show_meta(document, awaiting=awaiting)
        self.official.set_document(document, awaiting=awaiting)
        self._show_pending(snapshot.pending)
        self.tabs.setTabText(1, self.tr("办理过程（{0}）").format(len(document.trace)))
        self.tabs.setTabText(2, self.tr("附件（{0}）").format(len(document.attachments)))
        self.body_file.set_document(document, editable=ActionKind.EDIT in snapshot.actions)
        self.attachments.set_document(document, editable=ActionKind.EDIT in snapshot.actions,
                                      states=snapshot.blob_states)
        self._show_rejections(snapshot.rejections)
        self.trace_banner.show_break(snapshot.trace_break)
        self._show_buttons(snapshot)
        self._show_proofread(snapshot)
        if ActionKind.READ in snapshot.actions:
            self._mark_read(document_id)

    def _show_meta(self, document: Document, *, awaiting: bool = False) -> None:
        assert self._org is not None
        direction = self.tr("发文") if document.direction is Direction.OUTGOING else self.tr("收文")
        step = step_label(document, document.step)
        parts = [direction, value_text(document.doc_type.value)]
        if document.doc_number or number_text(document) == self.tr("待编号"):
            parts.append(number_text(document))
        if awaiting:
            parts.append(value_text("待用印"))
        parts.append(self.tr("当前环节：{0}").format(step))
        self.meta.setText(" · ".join(parts))
        urgent = document.urgency is not Urgency.NORMAL
        self.urgency_badge.setText(value_text(document.urgency.value))
        self.urgency_badge.setVisible(urgent)

    def _show_pending(self, pending: Sequence[str]) -> None:
        shown = list(dict.fromkeys(pending))
        text = listed(shown[:3]) + (self.tr("等{0}项").format(len(pending)) if len(shown) > 3
                                    else "")
        self.pending_badge.setText(self.tr("等待服务器确认：{0}").format(text))
        self.pending_badge.setToolTip(self.tr("这些操作已在本机生效，服务器确认后才算办结；"
                                              "如被拒绝，会在此说明原因并保留您的文字"))
        self.pending_badge.setVisible(bool(pending))

    def _show_rejections(self, records: Sequence[RejectionRecord]) -> None:
        record_pane.clear(self.banners)
        for record in records:
            banner = RejectionBanner(record)
            banner.reuse.connect(self.opinion.put_back)
            banner.dismiss.connect(self.dismiss_rejection)
            self.banners.addWidget(banner)

    def rejection_banners(self) -> list[RejectionBanner]:
        """Return the banners shown now."""
        return widgets_of(self.banners, RejectionBanner)

    def _show_buttons(self, snapshot: Snapshot) -> None:
        self.action_bar.clear()
        step = snapshot.document.step
        primary = next((k for k in PRIMARY if k in snapshot.actions), None)
        for kind in (k for k in _BUTTONS if k in snapshot.actions):
            keys = "Ctrl+Enter" if kind is primary else _SHORTCUTS.get(kind, "")
            self._add_button(kind, action_label(kind, step), keys)
        if snapshot.next_people:
            self.action_bar.add_more("approve_to", self.tr("送交指定人员…"), self._approve_to)
        for kind in (k for k in _MORE if k in snapshot.actions):
            self.action_bar.add_more(kind.value, action_label(kind, step) + "…",
                                     partial(self.trigger, kind))
        if can_export(snapshot.document):
            self.action_bar.add_more("export_archive", self.tr("导出归档包…"),
                                     self.export_archive)
        if (snapshot.document.direction is Direction.INCOMING and snapshot.actor is not None
                and Role.SUPERVISOR in snapshot.actor.roles):
            self.action_bar.add_more("supervise", self.tr("立项督办…"), self.supervise)
        self.action_bar.offered()
        self._set_busy(self._busy)

    def _add_button(self, kind: ActionKind, text: str, keys: str) -> None:
        button = self.action_bar.add_button(kind.value, text, partial(self.trigger, kind),
                                            tooltip=f"{text}（{keys}）" if keys else text)
        button.setDefault(kind is ActionKind.APPROVE)

    def shown_actions(self) -> set[str]:
        """Return the keys of every action offered now (buttons and the "更多" menu)."""
        return self.action_bar.shown()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.action_bar.set_busy(busy)
        self.opinion.set_busy(busy)

    # --- rejections, preview, drops ----------------------------------------------------------

    def dismiss_rejection(self, rejection_id: int) -> None:
        """Hide a refused action the person has seen."""
        shown = (self._document_id,) if self._document_id else ()
        (dismissal(self, self.ctx, rejection_id, ids={ChangeKind.DOCUMENT: shown})
         .busy(*dismiss_buttons(self.banners, rejection_id))
         .success(lambda _none: self.reload())
         .run())

    def _show_proofread(self, snapshot: Snapshot) -> None:
        """Offer 校对 to whoever holds a 发文 at 拟稿, 核稿 or 签发, when something is found."""
        document = snapshot.document
        count = 0
        holds = ActionKind.APPROVE in snapshot.actions or ActionKind.EDIT in snapshot.actions
        if (document.direction is Direction.OUTGOING and document.step in PROOFREAD_STEPS
                and holds):
            count = len(findings_of(document))
        self.proofread_button.setText(self.tr("校对（{0}处）").format(count))
        self.proofread_button.setToolTip(self.tr("标点、数字、发文字号和日期的写法问题，可一键修改"))
        self.proofread_button.setVisible(count > 0)

    def preview(self) -> None:
        """Open the PDF preview of the shown document."""
        if self.snapshot is None:
            return
        from ui.common.pdf_preview import PdfPreviewDialog  # QtPdf loads only when first needed

        dialog = PdfPreviewDialog(self.ctx, self.snapshot.document.id, self)
        self.dialog = dialog
        dialog.show()  # not modal: the person may keep working beside the preview

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept files dropped on the pane when attachments may be changed."""
        if _local_files(event) and self.attachments.editable():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Add dropped files as attachments."""
        paths = _local_files(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.tabs.setCurrentWidget(self.attachments)
        self.attachments.add_files(paths)


def _local_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    urls = mime.urls()
    if not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]


def _set_html(browser: QTextBrowser, text: str, *, keep_position: bool) -> None:
    """Replace the browser's content, keeping where the person had scrolled to on a refresh."""
    bar = browser.verticalScrollBar()
    position = bar.value() if bar is not None and keep_position else 0
    browser.setHtml(text)
    if bar is not None:
        bar.setValue(position)
