"""校对: the findings of `officeapp.proofread` in a 公文, and the fixes the person chooses.

At 拟稿 and 核稿 (where the rules allow 修改) the chosen fixes are made as one 修改 action,
which the trace records; before 签发 the findings can go into the opinion, so the signer
returns the document with them. Nothing is changed without a click.
"""

from __future__ import annotations

from collections.abc import Sequence

from officeapp.proofread import Finding, check, fix
from officeapp.workflow import Document
from ui.common.display import read_only_table
from ui.common.fit import keep_on_screen
from ui.common.forms import close_buttons
from ui.common.messages import refusal_text
from ui.common.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QShowEvent,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

# Characters shown either side of a finding, so the person sees it in its sentence.
CONTEXT = 8
_FIELD_LABELS = {"title": QT_TRANSLATE_NOOP("", "标题"), "body": QT_TRANSLATE_NOOP("", "正文"),
                 "note": QT_TRANSLATE_NOOP("", "附注")}


def tr(text: str) -> str:
    """Translate a text built outside a widget (lupdate files these under no context)."""
    return QCoreApplication.translate("", text)


def findings_of(document: Document) -> list[Finding]:
    """Return what 校对 finds in the fields of a 公文 that people type."""
    return check(texts_of(document))


def texts_of(document: Document) -> dict[str, str]:
    """Return the checked fields' text by name."""
    return {"title": document.title, "body": document.body, "note": document.note}


def excerpt(text: str, finding: Finding, *, fixed: bool = False,
            context: int = CONTEXT) -> str:
    """Return the finding in its sentence, marked with 【】, on one line; `fixed`: as the
    fix would make it."""
    before = text[max(0, finding.start - context):finding.start]
    after = text[finding.end:finding.end + context]
    found = text[finding.start:finding.end]
    if fixed and finding.replacement is not None:
        found = finding.replacement
    found = found.replace(" ", "␣").replace("\u3000", "□")
    line = f"{before}【{found}】{after}"
    return " ".join(line.split())


def changes_for(document: Document, chosen: Sequence[Finding]) -> dict[str, str]:
    """Return the field changes the chosen fixes make (fields left as they are omitted)."""
    texts = texts_of(document)
    changes: dict[str, str] = {}
    for name, text in texts.items():
        fixed = fix(text, [f for f in chosen if f.field == name])
        if fixed != text:
            changes[name] = fixed
    return changes


def opinion_text(document: Document, findings: Sequence[Finding]) -> str:
    """Return the findings as an opinion: where, what, and the fix."""
    texts = texts_of(document)
    lines = [tr("校对意见：")]
    for number, finding in enumerate(findings, start=1):
        where = tr(_FIELD_LABELS.get(finding.field, finding.field))
        fix_text = (tr("，建议改为“{0}”").format(finding.replacement)
                    if finding.replacement else "")
        lines.append(f"{number}. {where}“{excerpt(texts[finding.field], finding)}”："
                     f"{refusal_text(finding)}{fix_text}")
    return "\n".join(lines)


class ProofreadDialog(QDialog):
    """The findings, one a row, the fixable ones ticked; 修改所选 or 写入意见."""

    fix_requested = Signal(dict)  # field name → fixed text
    opinion_requested = Signal(str)

    def __init__(self, document: Document, *, editable: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("校对"))
        self.document = document
        self.findings = findings_of(document)
        texts = texts_of(document)
        self.table = QTableWidget(len(self.findings), 3)
        read_only_table(self.table, [self.tr("位置"), self.tr("问题"), self.tr("建议")],
                        stretch=[0, 1])
        self.table.setWordWrap(True)
        for row, finding in enumerate(self.findings):
            label = tr(_FIELD_LABELS.get(finding.field, finding.field))
            where = QTableWidgetItem(self.tr("{0}：{1}").format(
                label, excerpt(texts[finding.field], finding)))
            if finding.fixable and editable:
                where.setFlags(where.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                where.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, 0, where)
            self.table.setItem(row, 1, QTableWidgetItem(refusal_text(finding)))
            # The fix shown in place: a lone mark such as “ reads badly in quotes.
            suggestion = (excerpt(texts[finding.field], finding, fixed=True, context=4)
                          if finding.replacement is not None else self.tr("需人工修改"))
            self.table.setItem(row, 2, QTableWidgetItem(suggestion))
        self.table.resizeRowsToContents()
        text = self.tr("发现{0}处可能的问题（依据标点、数字用法和公文格式国家标准）。")
        summary = QLabel(text.format(len(self.findings)))
        summary.setWordWrap(True)
        buttons = close_buttons(self)
        self.fix_button = QPushButton(self.tr("修改所选"))
        self.fix_button.setToolTip(self.tr("按建议修改勾选的各处，作为一次“修改”记入办理过程"))
        self.fix_button.clicked.connect(self._fix)
        self.opinion_button = QPushButton(self.tr("写入意见"))
        self.opinion_button.setToolTip(self.tr("把校对结果写入意见框，退回时一并说明"))
        self.opinion_button.clicked.connect(self._opinion)
        for button in (self.fix_button, self.opinion_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        # After adding: the box shows every button it is given.
        self.fix_button.setVisible(editable and any(f.fixable for f in self.findings))
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def chosen(self) -> list[Finding]:
        """Return the ticked findings."""
        found = []
        for row, finding in enumerate(self.findings):
            item = self.table.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                found.append(finding)
        return found

    def _fix(self) -> None:
        changes = changes_for(self.document, self.chosen())
        if changes:
            self.fix_requested.emit(changes)
        self.accept()

    def _opinion(self) -> None:
        self.opinion_requested.emit(opinion_text(self.document, self.findings))
        self.accept()

    def showEvent(self, event: QShowEvent) -> None:
        """Open no larger than the screen."""
        super().showEvent(event)
        keep_on_screen(self)
