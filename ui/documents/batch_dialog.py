"""批量签批: several documents of 待办, one opinion, one click.

Each document is still decided on its own, by the same rules and in its own transaction
(its own mutation in the outbox): one refused document never stops the others, and the
dialog says per document what happened. A document whose next step needs a choice made for
it alone (批办's lead unit, a 退回 target) is listed as 需单独办理 and left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from officeapp.store import LocalStore
from officeapp.workflow import Action, ActionKind, Document, available_actions
from sync.client import actions
from ui.common.context import AppContext, ChangeKind
from ui.common.display import read_only_table
from ui.common.fit import keep_on_screen
from ui.common.messages import Refusal, refusal_text
from ui.common.operations import Operation, on_store
from ui.common.qt import (
    QColor,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QShowEvent,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)
from ui.documents.opinion_editor import fill_phrases
from ui.documents.rendering import action_label

# Approvals that need a choice made for the one document (批办: who leads, by when).
NEEDS_ITS_OWN = frozenset({"instruct"})
_GREEN, _RED, _GREY = QColor("#1d7a3a"), QColor("#c0392b"), QColor("#777777")


def tr(text: str) -> str:
    """Translate a text built outside a widget (lupdate files these under no context)."""
    return QCoreApplication.translate("", text)


@dataclass(frozen=True)
class Row:
    """One selected document: what the batch would do to it, or why it leaves it."""

    document_id: str
    title: str
    step: str
    doing: str  # the approve's label at this step ("核稿通过", "签发"…), "" when left
    reason: str = ""  # why it is left to be handled alone


def plan(documents: Sequence[Document], approvable: dict[str, bool]) -> list[Row]:
    """Return a row per document: approved in the batch, or why it is not."""
    rows = []
    for document in documents:
        step = document.step
        if not approvable.get(document.id, False):
            rows.append(Row(document.id, document.title, step, "",
                            tr("您当前不能办理此文件")))
        elif step in NEEDS_ITS_OWN:
            rows.append(Row(document.id, document.title, step, "",
                            tr("需单独办理（要指定承办单位）")))
        else:
            rows.append(Row(document.id, document.title, step,
                            action_label(ActionKind.APPROVE, step)))
    return rows


class BatchApproveDialog(QDialog):
    """The selected documents with what will be done to each, one opinion, one button."""

    finished_batch = Signal(int, int)  # how many were done, how many refused

    def __init__(self, ctx: AppContext, document_ids: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.document_ids = list(dict.fromkeys(document_ids))
        self.rows: list[Row] = []
        self.setWindowTitle(self.tr("批量办理"))
        self.summary = QLabel(self.tr("正在读取所选文件…"))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        read_only_table(self.table, [self.tr("标题"), self.tr("办理"), self.tr("结果")],
                        stretch=[0, 2])
        self.opinion = QPlainTextEdit()
        self.opinion.setPlaceholderText(self.tr("意见（每份文件都记入这条意见）"))
        self.opinion.setMaximumHeight(90)
        phrases = QToolButton()
        phrases.setText(self.tr("常用意见"))
        phrases.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        fill_phrases(phrases, ctx.settings, self.opinion.insertPlainText)
        self.go_button = QPushButton(self.tr("办理"))
        self.go_button.setEnabled(False)
        self.go_button.clicked.connect(self.run)
        buttons = QDialogButtonBox()
        buttons.addButton(self.go_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(self.tr("关闭"),
                                              QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(phrases)
        layout.addWidget(self.opinion)
        layout.addWidget(buttons)
        self.resize(720, 460)
        self.loaded = ctx.spawn(self._load(), what=self.tr("读取所选文件"))

    async def _load(self) -> None:
        actor = await self.ctx.actor()
        now = self.ctx.now()
        ids = self.document_ids

        def read(store: LocalStore) -> tuple[list[Document], dict[str, bool]]:
            found = [d for d in map(store.get_document, ids) if d is not None]
            return found, {d.id: ActionKind.APPROVE in available_actions(d, actor, now)
                           for d in found}

        documents, approvable = await self.ctx.db(read)
        self.rows = plan(documents, approvable)
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            self.table.setItem(number, 0, QTableWidgetItem(row.title))
            self.table.setItem(number, 1, QTableWidgetItem(row.doing or "—"))
            self._result(number, row.reason, _GREY)
        doing = self.todo()
        text = self.tr("共选中{0}份，可一并办理{1}份；每份文件单独判定、单独记入办理过程。")
        self.summary.setText(text.format(len(self.rows), len(doing)))
        self.go_button.setText(self.tr("办理（{0}份）").format(len(doing)))
        self.go_button.setEnabled(bool(doing))

    def todo(self) -> list[Row]:
        """Return the rows the batch acts on."""
        return [row for row in self.rows if row.doing]

    def run(self) -> None:
        """Act on every row that can be, one at a time; say the result of each."""
        self.go_button.setEnabled(False)
        self.opinion.setReadOnly(True)
        self.ctx.spawn(self._run(self.opinion.toPlainText().strip()), what=self.tr("批量办理"))

    async def _run(self, opinion: str) -> None:
        counts = {True: 0, False: 0}  # done, refused
        for number, row in enumerate(self.rows):
            if not alive(self):
                return  # closed meanwhile: the rest is left undone
            if not row.doing:
                continue
            action = Action(ActionKind.APPROVE, opinion=opinion, expected_step=row.step)
            outcome: list[bool] = []
            await (Operation(self, self.ctx, what=self.tr("批量办理"), action=on_store(
                self.ctx, actions.act, person_id=self.ctx.person_id,
                document_id=row.document_id, action=action))
                .changes(ChangeKind.DOCUMENT, ids={ChangeKind.DOCUMENT: (row.document_id,)})
                .refused(partial(self._refused, number, outcome))
                .success(partial(self._done, number, outcome))
                .run())
            if outcome:
                counts[outcome[0]] += 1
        if not alive(self):
            return
        self.summary.setText(tr("已办理{0}份，未能办理{1}份。").format(counts[True],
                                                                   counts[False]))
        self.go_button.setText(tr("已完成"))
        self.finished_batch.emit(counts[True], counts[False])

    def _done(self, number: int, outcome: list[bool], _decision: object) -> None:
        self._result(number, tr("已办理") + self._queued(), _GREEN)
        outcome.append(True)

    def _refused(self, number: int, outcome: list[bool], refusal: Refusal) -> None:
        self._result(number, tr("未能办理：{0}").format(refusal_text(refusal)), _RED)
        outcome.append(False)

    def _queued(self) -> str:
        engine = self.ctx.engine
        return tr("（待上传）") if engine is None or not engine.status.online else ""

    def _result(self, number: int, text: str, colour: QColor) -> None:
        item = QTableWidgetItem(text)
        item.setForeground(colour)
        item.setToolTip(text)
        self.table.setItem(number, 2, item)

    def showEvent(self, event: QShowEvent) -> None:
        """Open no larger than the screen."""
        super().showEvent(event)
        keep_on_screen(self)
