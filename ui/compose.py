"""Forms to draft a 发文 and to register a 收文 (also used to edit them at an editable step).

Each field is checked with `officeapp.workflow.fields.parse_changes`, one field at a time, so
every problem is shown beside its own field; the dialog stays open with everything typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from officeapp.documents import Classification, DocType, Urgency
from officeapp.org import Organisation
from officeapp.workflow import Action, ActionKind, Decision, Document, Rejected
from officeapp.workflow.fields import FIELD_LABELS, parse_changes
from sync.client import actions
from ui.action_dialogs import (
    FieldBox,
    RecordForm,
    UnitPicker,
    field_errors,
    general_error_label,
    name_buttons,
)
from ui.context import AppContext
from ui.fit import open_size
from ui.qt import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


def _combo(values: list[str], *, editable: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.addItems(values)
    combo.setEditable(editable)
    return combo


def _set_combo(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    if index >= 0:
        combo.setCurrentIndex(index)
    elif combo.isEditable():
        combo.setEditText(text)


class _DocumentForm(RecordForm, QDialog):
    """What the 发文 and 收文 forms share: fields with messages, OK that writes, edit mode."""

    created = Signal(str)  # the id of the new document
    saved = Signal(str)  # the id of the edited document
    ready = Signal()  # the directory is loaded and the form can be used

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 document: Document | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.document = document
        self.fields: dict[str, FieldBox] = {}
        self._initial: dict[str, Any] = {}
        self.grid = QGridLayout()
        self.general_error = general_error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons)
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.grid, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        ctx.spawn(self._load(), what=self.tr("读取通讯录"))

    async def _load(self) -> None:
        org = await self.ctx.organisation()
        actor = await self.ctx.actor()
        owner = self.document.owner_unit_id if self.document else actor.unit_id
        self._build(org, owner)
        if self.document is not None:
            self._fill(self.document)
        self._initial = self.values()
        self.ok_button.setEnabled(True)
        self.ready.emit()

    def _add(self, name: str, editor: QWidget, row: int, column: int, *, span: int = 1,
             label: str | None = None) -> FieldBox:
        field = FieldBox(label or self.tr(FIELD_LABELS.get(name, name)), editor)
        self.fields[name] = field
        # One-line inputs sit at the top of their cell, level with their neighbours, even
        # when a message under one of them makes the row taller.
        grows = isinstance(editor, QPlainTextEdit | UnitPicker)
        align = Qt.AlignmentFlag(0) if grows else Qt.AlignmentFlag.AlignTop
        self.grid.addWidget(field, row, column, 1, span, align)
        return field

    def _build(self, org: Organisation, owner_unit_id: str) -> None:
        raise NotImplementedError

    def _fill(self, document: Document) -> None:
        raise NotImplementedError

    # --- checking and writing ----------------------------------------------------------------

    def errors(self, values: Mapping[str, Any]) -> dict[str, str]:
        """Return the rules' message for each field whose value they refuse."""
        return field_errors(values, parse_changes)

    def editing(self) -> Document | None:
        """Return the document being edited; None when creating one."""
        return self.document

    async def _edit(self, document: Document, values: dict[str, Any]) -> bool:
        changes = {k: v for k, v in values.items() if v != self._initial.get(k)}
        if not changes:
            return True
        decision: Decision = await self.ctx.write(
            actions.act, person_id=self.ctx.person_id, document_id=document.id,
            action=Action(ActionKind.EDIT, changes=changes), now=self.ctx.now(),
            document_ids=(document.id,), origin=self)
        if isinstance(decision, Rejected):
            refusal = decision.rejection
            self.show_refusal(str(refusal.details.get("field", "")), refusal.message)
            return False
        return True


class ComposeDialog(_DocumentForm):
    """发文: draft a new outgoing document (or edit one at 拟稿/核稿)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 document: Document | None = None) -> None:
        super().__init__(ctx, parent, document=document)
        self.setWindowTitle(self.tr("修改发文") if document else self.tr("新建发文"))
        open_size(self, QSize(960, 760))
        self.doc_type = _combo([t.value for t in DocType])
        _set_combo(self.doc_type, DocType.NOTICE.value)
        self.urgency = _combo([Urgency.NORMAL.value, Urgency.URGENT.value,
                               Urgency.EXTRA_URGENT.value])
        # Only what may travel on the extranet is offered; anything typed is checked.
        self.classification = _combo([c.value for c in Classification], editable=True)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("关于……的通知"))
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("正文；段落之间空一行"))
        self.note = QLineEdit()
        self.main_recipients: UnitPicker | None = None
        self.cc_recipients: UnitPicker | None = None
        self.countersign_units: UnitPicker | None = None
        self._place_text_fields()

    def _place_text_fields(self) -> None:
        self._add("doc_type", self.doc_type, 0, 0)
        self._add("urgency", self.urgency, 0, 1)
        self._add("classification", self.classification, 0, 2)
        self._add("title", self.title, 1, 0, span=3)
        self._add("body", self.body, 3, 0, span=3)
        self._add("note", self.note, 4, 0, span=3)
        self.grid.setRowStretch(3, 1)

    def _build(self, org: Organisation, owner_unit_id: str) -> None:
        self.main_recipients = UnitPicker(org)
        self.cc_recipients = UnitPicker(org)
        self.countersign_units = UnitPicker(org, exclude=(owner_unit_id,))
        for picker in (self.main_recipients, self.cc_recipients, self.countersign_units):
            picker.list.setMaximumHeight(180)
        self._add("main_recipients", self.main_recipients, 2, 0)
        self._add("cc_recipients", self.cc_recipients, 2, 1)
        self._add("countersign_units", self.countersign_units, 2, 2,
                  label=self.tr("会签单位（可不选）"))

    def _fill(self, document: Document) -> None:
        _set_combo(self.doc_type, document.doc_type.value)
        _set_combo(self.urgency, document.urgency.value)
        _set_combo(self.classification, document.classification.value)
        self.title.setText(document.title)
        self.body.setPlainText(document.body)
        self.note.setText(document.note)
        for picker, units in ((self.main_recipients, document.main_recipients),
                              (self.cc_recipients, document.cc_recipients),
                              (self.countersign_units, document.countersign_units)):
            if picker is not None:
                picker.set_selected(units)

    def values(self) -> dict[str, Any]:
        """Return the form's values."""
        return {
            "doc_type": self.doc_type.currentText(),
            "title": self.title.text(),
            "urgency": self.urgency.currentText(),
            "classification": self.classification.currentText(),
            "main_recipients": self.main_recipients.selected() if self.main_recipients else [],
            "cc_recipients": self.cc_recipients.selected() if self.cc_recipients else [],
            "countersign_units": (self.countersign_units.selected()
                                  if self.countersign_units else []),
            "body": self.body.toPlainText(),
            "note": self.note.text(),
        }

    async def _create(self, values: dict[str, Any]) -> Document:
        document: Document = await self.ctx.write(
            actions.draft_outgoing, person_id=self.ctx.person_id, fields=values,
            now=self.ctx.now(), origin=self)
        return document


class RegisterDialog(_DocumentForm):
    """收文: register a document that arrived outside the system (or edit it at 登记)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 document: Document | None = None) -> None:
        super().__init__(ctx, parent, document=document)
        self.setWindowTitle(self.tr("修改收文登记") if document else self.tr("收文登记"))
        open_size(self, QSize(820, 680))
        self.doc_type = _combo([t.value for t in DocType])
        _set_combo(self.doc_type, DocType.REQUEST.value)
        self.urgency = _combo([Urgency.NORMAL.value, Urgency.URGENT.value,
                               Urgency.EXTRA_URGENT.value])
        self.classification = _combo([c.value for c in Classification], editable=True)
        self.title = QLineEdit()
        self.sender_unit = QLineEdit()
        self.doc_number = QLineEdit()
        self.doc_number.setPlaceholderText(self.tr("如：萍教发〔2026〕8号"))
        self.received_number = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("来文正文或内容摘要"))
        self._place_fields()

    def _place_fields(self) -> None:
        self._add("doc_type", self.doc_type, 0, 0)
        self._add("urgency", self.urgency, 0, 1)
        self._add("classification", self.classification, 0, 2)
        self._add("title", self.title, 1, 0, span=3)
        self._add("sender_unit", self.sender_unit, 2, 0)
        self._add("doc_number", self.doc_number, 2, 1, label=self.tr("来文字号"))
        self._add("received_number", self.received_number, 2, 2)
        self._add("body", self.body, 3, 0, span=3, label=self.tr("正文/摘要"))
        self.grid.setRowStretch(3, 1)

    def _build(self, org: Organisation, owner_unit_id: str) -> None:
        # Units of the directory are offered as they type; any other sender may be written.
        names = sorted(u.name for u in org.units.values())
        completer = QCompleter(names, self.sender_unit)
        self.sender_unit.setCompleter(completer)

    def _fill(self, document: Document) -> None:
        _set_combo(self.doc_type, document.doc_type.value)
        _set_combo(self.urgency, document.urgency.value)
        _set_combo(self.classification, document.classification.value)
        self.title.setText(document.title)
        self.sender_unit.setText(document.sender_unit)
        self.doc_number.setText(document.doc_number or "")
        self.received_number.setText(document.received_number)
        self.body.setPlainText(document.body)

    def values(self) -> dict[str, Any]:
        """Return the form's values."""
        return {
            "doc_type": self.doc_type.currentText(),
            "title": self.title.text(),
            "urgency": self.urgency.currentText(),
            "classification": self.classification.currentText(),
            "sender_unit": self.sender_unit.text(),
            "doc_number": self.doc_number.text(),
            "received_number": self.received_number.text(),
            "body": self.body.toPlainText(),
        }

    async def _create(self, values: dict[str, Any]) -> Document:
        document: Document = await self.ctx.write(
            actions.register, person_id=self.ctx.person_id, fields=values, now=self.ctx.now(),
            origin=self)
        return document
