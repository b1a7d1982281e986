"""The dialogs of the supervision screens: what an action needs (a text, a report with
attachments, a deadline), the period of a 督办通报, and the preview of a supervision PDF."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from officeapp.store import LocalStore
from officeapp.supervision import ActionKind, Status, SupervisionAction, SupervisionItem
from officeapp.supervision.model import end_of_day
from officeapp.workflow import Attachment
from ui.common.attachments import Imported, blobs_root, human_size, import_files
from ui.common.context import AppContext
from ui.common.date_edits import DateEdit
from ui.common.pdf_preview import PdfPreviewDialog, Rendered, _attempt, _PdfPage
from ui.common.qt import (
    QDate,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    alive,
)
from ui.common.translate import tr
from ui.documents.action_dialogs import ArgumentDialog
from ui.supervision.texts import action_text, beijing_day, deadline_text, period_bounds

# --- argument dialogs ------------------------------------------------------------------------


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class SupervisionDialog(ArgumentDialog):
    """A prompt, fields, an error line and OK/Cancel; `request()` builds the action."""

    def request(self) -> SupervisionAction:
        """Return the action the answers make."""
        raise NotImplementedError


class TextDialog(SupervisionDialog):
    """An action that carries a text: an opinion (optional) or a reason (required)."""

    def __init__(self, kind: ActionKind, *, title: str, prompt: str, label: str,
                 required: str = "", text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, prompt, parent)
        self.kind = kind
        self._required = required
        self.text = QPlainTextEdit(text)
        self.text.setPlaceholderText(label)
        self.text.setMinimumHeight(90)
        self.form.addRow(label, self.text)

    def problem(self) -> str:
        """Ask for the text when the rules require it."""
        return self._required if self._required and not self.text.toPlainText().strip() else ""

    def request(self) -> SupervisionAction:
        """Return the action with the text."""
        return SupervisionAction(self.kind, text=self.text.toPlainText().strip())


class FilesBox(QWidget):
    """Attachments chosen for a report or a completion request, copied in by hash."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.attachments: list[Attachment] = []
        self.list = QListWidget()
        self.list.setMaximumHeight(90)
        self.add_button = QPushButton(tr("添加附件…"))
        self.remove_button = QPushButton(tr("移除"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self._choose)
        self.remove_button.clicked.connect(self._remove)
        self.busy = False

    def _choose(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, tr("添加附件"))
        if paths:
            self.add_files([Path(p) for p in paths])

    def add_files(self, paths: Sequence[Path]) -> None:
        """Copy files into the content store (queued for upload) and list them."""
        self.busy = True
        self.ctx.spawn(self._add(list(paths)), what=tr("添加附件"))

    async def _add(self, paths: list[Path]) -> None:
        try:
            root = blobs_root(self.ctx.settings.data_dir())
            imported: Imported = await self.ctx.db(import_files, sources=paths, root=root)
        finally:
            self.busy = False
        if not alive(self):
            return
        known = {a.sha256 for a in self.attachments}
        for attachment in imported.attachments:
            if attachment.sha256 not in known:
                self.attachments.append(attachment)
                self.list.addItem(f"{attachment.name}    {human_size(attachment.size)}")
        self.message.setText("\n".join(imported.refused))
        self.message.setVisible(bool(imported.refused))

    def _remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.attachments):
            del self.attachments[row]
            self.list.takeItem(row)


class ReportDialog(SupervisionDialog):
    """进度反馈 or 办结申请: a text (required), the percent (reports), attachments."""

    def __init__(self, ctx: AppContext, kind: ActionKind, *, percent: int,
                 parent: QWidget | None = None) -> None:
        completion = kind is ActionKind.REQUEST_COMPLETION
        title = action_text(kind)
        if completion:
            prompt = tr("请写明办理结果，可附佐证材料；督查人员审核后办结销号。")
        else:
            prompt = tr("请填写完成进度和进展情况，可附相关材料。")
        super().__init__(title, prompt, parent)
        self.kind = kind
        self.setMinimumWidth(520)
        self.percent = QSpinBox()
        self.percent.setRange(0, 100)
        self.percent.setSuffix("%")
        self.percent.setValue(100 if completion else percent)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(tr("办理结果") if completion else tr("进展情况"))
        self.text.setMinimumHeight(110)
        self.files = FilesBox(ctx)
        if not completion:
            self.form.addRow(tr("完成进度"), self.percent)
        self.form.addRow(tr("办理结果") if completion else tr("进展情况"), self.text)
        self.form.addRow(tr("附件"), self.files)

    def problem(self) -> str:
        """Ask for the text, as the rules will; wait for files still being copied."""
        if self.files.busy:
            return tr("附件仍在添加，请稍候")
        if not self.text.toPlainText().strip():
            return tr("请填写办理结果") if self.kind is ActionKind.REQUEST_COMPLETION else tr(
                "请填写进展情况")
        return ""

    def request(self) -> SupervisionAction:
        """Return the report or completion request."""
        percent = None if self.kind is ActionKind.REQUEST_COMPLETION else self.percent.value()
        return SupervisionAction(self.kind, text=self.text.toPlainText().strip(),
                                 percent=percent, attachments=tuple(self.files.attachments))


class DeadlineDialog(SupervisionDialog):
    """延期申请 (a later date and the reason) or 同意延期 (the date granted, maybe shorter)."""

    def __init__(self, kind: ActionKind, *, current: datetime, proposed: datetime, today: date,
                 parent: QWidget | None = None) -> None:
        asking = kind is ActionKind.REQUEST_EXTENSION
        title = action_text(kind)
        if asking:
            prompt = tr("现办理时限为 {0}。请选择申请延期至的日期并写明理由。").format(
                deadline_text(current))
        else:
            prompt = tr("申请延期至 {0}。可同意更短的期限，但须晚于现办理时限 {1}。").format(
                deadline_text(proposed), deadline_text(current))
        super().__init__(title, prompt, parent)
        self.kind = kind
        self._current = current
        self._proposed = proposed
        self.date = DateEdit(qdate(beijing_day(proposed)))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(qdate(max(beijing_day(current), today) + timedelta(days=1)))
        if not asking:
            self.date.setMaximumDate(qdate(beijing_day(proposed)))
        self.text = QPlainTextEdit()
        self.text.setMinimumHeight(80)
        self.text.setPlaceholderText(tr("延期理由") if asking else tr("审批意见（可不填）"))
        self.form.addRow(tr("延期至"), self.date)
        self.form.addRow(tr("延期理由") if asking else tr("审批意见"), self.text)

    def chosen(self) -> datetime:
        """Return the date chosen as a deadline (the end of that Beijing day)."""
        day = self.date.date().toPython()
        assert isinstance(day, date)
        return end_of_day(day)

    def problem(self) -> str:
        """Ask for a reason and a date after the current deadline, as the rules will."""
        if self.kind is ActionKind.REQUEST_EXTENSION and not self.text.toPlainText().strip():
            return tr("申请延期时必须填写理由")
        if self.chosen() <= self._current:
            return tr("延期后的时限必须晚于现在的办理时限")
        return ""

    def request(self) -> SupervisionAction:
        """Return the request, or the approval (no date: exactly what was asked)."""
        text = self.text.toPlainText().strip()
        if self.kind is ActionKind.APPROVE_EXTENSION and beijing_day(
                self.chosen()) == beijing_day(self._proposed):
            return SupervisionAction(self.kind, text=text)
        return SupervisionAction(self.kind, text=text, deadline=self.chosen())


def text_dialog(kind: ActionKind, item: SupervisionItem,
                 parent: QWidget) -> TextDialog:
    """Return the dialog of an action that only carries a text."""
    label = action_text(kind, item.status)
    if kind is ActionKind.RETURN:
        prompt = {Status.PENDING_APPROVAL: tr("退回立项申请，请写明理由。"),
                  Status.ASSIGNED: tr("交办给本单位有误？请写明理由，督查人员修改后重新交办。"),
                  }.get(item.status, tr("退回办结申请，请写明理由；牵头单位继续办理后再申请。"))
        return TextDialog(kind, title=label, prompt=prompt, label=tr("退回理由"),
                          required=tr("退回时必须填写退回理由"), parent=parent)
    if kind is ActionKind.REFUSE_EXTENSION:
        return TextDialog(kind, title=label, prompt=tr("不同意延期，办理时限不变。请写明理由。"),
                          label=tr("理由"), required=tr("不同意延期时必须填写理由"),
                          parent=parent)
    if kind is ActionKind.URGE:
        return TextDialog(kind, title=label, prompt=tr("催办通知将发给牵头单位。"),
                          label=tr("催办内容"), text=tr("请抓紧办理《{0}》").format(item.title),
                          parent=parent)
    prompts = {
        ActionKind.OPEN: tr("立项后即可交办；如需领导审批，将先送审批。"),
        ActionKind.APPROVE: tr("批准立项后，督查人员即可交办。"),
        ActionKind.ASSIGN: tr("交办后，牵头单位和配合单位将收到通知，反馈周期开始计算。"),
        ActionKind.RECEIVE: tr("签收后开始办理，请按反馈周期报送进展。"),
        ActionKind.COMPLETE: tr("审核通过，办结销号。"),
    }
    return TextDialog(kind, title=label, prompt=prompts.get(kind, ""), label=tr("意见（可不填）"),
                      parent=parent)


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
        self.start = date_edit(first)
        self.end = date_edit(today)
        self.title = QLineEdit()
        self.title.setPlaceholderText(tr("标题（可不填，默认按期间生成）"))
        self.form.addRow(tr("起始日期"), self.start)
        self.form.addRow(tr("截止日期"), self.end)
        self.form.addRow(tr("标题"), self.title)

    def bounds(self) -> tuple[datetime, datetime]:
        """Return [start, end) in Beijing time; the last day counts whole."""
        return period_bounds(day_of_edit(self.start), day_of_edit(self.end))

    def problem(self) -> str:
        """Refuse an empty period."""
        start, end = self.bounds()
        return "" if start < end else tr("截止日期不能早于起始日期")


def date_edit(day: date) -> QDateEdit:
    edit = DateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def day_of_edit(edit: QDateEdit) -> date:
    day = edit.date().toPython()
    assert isinstance(day, date)
    return day

