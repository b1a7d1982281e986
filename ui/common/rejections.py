"""Every action the server refused, with its reason and the person's text kept, and the
operation that dismisses one (知道了, in this list and in the banners of the record panes)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from officeapp.store import RejectionRecord
from ui.common import times
from ui.common.context import AppContext, ChangeKind
from ui.common.fit import open_size
from ui.common.messages import refusal_text
from ui.common.operations import Operation
from ui.common.qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)
from ui.common.translate import tr


def dismissal(owner: QWidget, ctx: AppContext, rejection_id: int, *,
              ids: Mapping[str, Iterable[str]] | None = None) -> Operation[None]:
    """Return the operation that hides a refused action the person has seen: a change of
    this client alone (the server keeps no note of it), so nothing is queued or synced."""
    return (Operation(owner, ctx, what=tr("关闭提示"),
                      action=lambda _now: ctx.db(lambda s: s.dismiss_rejection(rejection_id)))
            .changes(ChangeKind.REJECTION, ids=ids, queued=False))


def user_text(record: RejectionRecord) -> str:
    """Return the text the person typed with the refused action, if any."""
    action = record.args.get("action")
    if isinstance(action, dict) and isinstance(opinion := action.get("opinion"), str):
        return opinion
    fields = record.args.get("fields")
    if isinstance(fields, dict):
        return str(fields.get("title") or "")
    return ""


class RejectionsDialog(QDialog):
    """Lists refused actions; the person opens the document, copies their text, or dismisses."""

    open_document = Signal(str)

    def __init__(self, ctx: AppContext, records: list[RejectionRecord]) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("被服务器拒绝的操作"))
        open_size(self, QSize(720, 460))
        self.list = QListWidget()
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.open_button = QPushButton(self.tr("打开文件"))
        self.dismiss_button = QPushButton(self.tr("知道了"))
        self.open_button.clicked.connect(self._open)
        self.dismiss_button.clicked.connect(self._dismiss)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.dismiss_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.reason)
        layout.addWidget(QLabel(self.tr("您当时输入的内容（已保留，可复制重用）：")))
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.list.currentItemChanged.connect(self._selected)
        self.fill(records)

    def fill(self, records: list[RejectionRecord]) -> None:
        """Show the refused actions, newest first."""
        self.list.clear()
        for record in records:
            item = QListWidgetItem(f"{times.short_text(record.created_at)}  {refusal_text(record)}")
            item.setData(Qt.ItemDataRole.UserRole, record)
            self.list.addItem(item)
        if records:
            self.list.setCurrentRow(0)
        else:
            self.reason.setText(self.tr("没有被拒绝的操作。"))

    def _current(self) -> RejectionRecord | None:
        item = self.list.currentItem()
        record = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return record if isinstance(record, RejectionRecord) else None

    def _selected(self) -> None:
        record = self._current()
        if record is None:
            return
        self.reason.setText(self.tr("原因：") + refusal_text(record))
        self.text.setPlainText(user_text(record))
        self.open_button.setEnabled(record.document_id is not None)

    def _open(self) -> None:
        record = self._current()
        if record is not None and record.document_id:
            self.open_document.emit(record.document_id)
            self.accept()

    def _dismiss(self) -> None:
        record = self._current()
        if record is None:
            return
        (dismissal(self, self.ctx, record.id)
         .busy(self.dismiss_button)
         .success(lambda _none: self._refill())
         .run())

    async def _refill(self) -> None:
        records = await self.ctx.db(lambda s: s.rejections())
        if alive(self):
            self.fill(records)
