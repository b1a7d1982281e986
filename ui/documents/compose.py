"""Forms to draft a 发文 and to register a 收文 (also used to edit them at an editable step).

Each field is checked with `officeapp.workflow.fields.parse_changes`, one field at a time, so
every problem is shown beside its own field; the dialog stays open with everything typed.

Attachments and the 正文 file can be added while composing, offline too: each file goes into
the local content store at once and is queued for upload as in the attachment pane; the
creating mutation names them, and the sync engine uploads every blob a mutation names before
it pushes the mutation (the server refuses a hash it does not hold from this person).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from officeapp.core.verdict import Rejected, Verdict
from officeapp.documents import Classification, DocType, Urgency
from officeapp.errors import DomainError
from officeapp.org import Organisation
from officeapp.workflow import Action, ActionKind, Attachment, Document
from officeapp.workflow.body import has_readable_text
from officeapp.workflow.fields import FIELD_LABELS, parse_changes
from sync.client import actions
from ui.common.attachments import Imported, blobs_root, human_size, import_files, say
from ui.common.context import AppContext, ChangeKind
from ui.common.fit import open_size
from ui.common.forms import (
    FieldBox,
    RecordForm,
    field_errors,
    general_error_label,
    ok_cancel_buttons,
)
from ui.common.messages import refusal_text
from ui.common.qt import (
    QComboBox,
    QCompleter,
    QCoreApplication,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.common.values import value_text
from ui.documents.action_dialogs import UnitPicker
from ui.documents.body_file import (
    BodyTextDialog,
    Saved,
    ask_body_file,
    import_body_file,
    saved_text,
)


def _combo(values: list[str], *, editable: bool = False) -> QComboBox:
    combo = QComboBox()
    for value in values:  # shown in the person's language, kept in Chinese
        combo.addItem(value_text(value), value)
    combo.setEditable(editable)
    return combo


def _value(combo: QComboBox) -> str:
    """Return the chosen value (its Chinese), or the text typed into an editable combo."""
    index = combo.currentIndex()
    if index >= 0 and combo.itemText(index) == combo.currentText():
        return str(combo.itemData(index))
    return combo.currentText()


def _set_combo(combo: QComboBox, text: str) -> None:
    index = combo.findData(text)
    if index >= 0:
        combo.setCurrentIndex(index)
    elif combo.isEditable():
        combo.setEditText(text)


def _attachment_field(attachment: Attachment) -> dict[str, Any]:
    return {"name": attachment.name, "sha256": attachment.sha256, "size": attachment.size}


class AttachmentList(QWidget):
    """The attachments of a form: added into the content store at once, offline too."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = 0  # files being copied in
        self._attachments: list[Attachment] = []
        self.list = QListWidget()
        # Small screens (1024×600) keep the form on the screen: the list may shrink to a row.
        self.list.setMinimumHeight(30)
        self.list.setMaximumHeight(84)
        self.add_button = QPushButton(self.tr("添加附件…"))
        self.remove_button = QPushButton(self.tr("移除"))
        self.remove_button.setEnabled(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.list.selectedItems())))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def attachments(self) -> list[dict[str, Any]]:
        """Return the attachments as the document's field holds them."""
        return [_attachment_field(a) for a in self._attachments]

    def set_attachments(self, attachments: Sequence[Attachment]) -> None:
        """Show these attachments (a document being edited)."""
        self._attachments = list(attachments)
        self._show()

    def _show(self) -> None:
        self.list.clear()
        for attachment in self._attachments:
            item = QListWidgetItem(f"{attachment.name}    {human_size(attachment.size)}")
            item.setToolTip(f"SHA-256: {attachment.sha256}" if attachment.sha256 else "")
            self.list.addItem(item)
        self.changed.emit()

    def show_message(self, text: str, *, error: bool = False) -> None:
        """Say what happened to the files, in red when it went wrong."""
        say(self.message, text, error=error)

    def choose_files(self) -> None:
        """Ask for files and add them."""
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("添加附件"))
        if paths:
            self.add_files([Path(p) for p in paths])

    def add_files(self, paths: Sequence[Path]) -> None:
        """Copy files into the content store by hash and list them."""
        self.busy += 1
        self.changed.emit()
        self.ctx.spawn(self._add(list(paths)), what=self.tr("添加附件"))

    async def _add(self, paths: list[Path]) -> None:
        try:
            root = blobs_root(self.ctx.settings.data_dir())
            imported: Imported = await self.ctx.db(import_files, sources=paths, root=root)
        finally:
            self.busy -= 1
        problems = list(imported.refused)
        known = {a.sha256: a.name for a in self._attachments}
        for attachment in imported.attachments:
            if attachment.sha256 in known:
                problems.append(self.tr("“{0}”与已添加的“{1}”内容相同，未重复添加").format(
                    attachment.name, known[attachment.sha256]))
                continue
            known[attachment.sha256] = attachment.name
            self._attachments.append(attachment)
        self._show()
        self.show_message("\n".join(problems), error=bool(problems))

    def remove_selected(self) -> None:
        """Take the chosen attachment off the form (its copy stays in the content store)."""
        row = self.list.currentRow()
        if 0 <= row < len(self._attachments):
            del self._attachments[row]
            self.show_message("")
            self._show()


class BodyFileChooser(QWidget):
    """The 正文 file of a new document: its first version."""

    changed = Signal()
    text_found = Signal(str)  # the text of a .docx chosen, to offer as the 正文 text

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = 0
        self.file: Attachment | None = None
        # One line: a long file name scrolls in its box, whole in the tooltip.
        self.label = QLineEdit()
        self.label.setReadOnly(True)
        self.label.setPlaceholderText(self.tr("无（可选）"))
        self.choose_button = QPushButton(self.tr("上传正文文件…"))
        self.clear_button = QPushButton(self.tr("移除"))
        self.clear_button.setEnabled(False)
        self.choose_button.clicked.connect(self.choose_file)
        self.clear_button.clicked.connect(self.clear)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def value(self) -> dict[str, Any] | None:
        """Return the 正文 file as the `body_file` field names it, or None."""
        return None if self.file is None else _attachment_field(self.file)

    def show_message(self, text: str, *, error: bool = False) -> None:
        """Say what happened to the file, in red when it went wrong."""
        say(self.message, text, error=error)

    def choose_file(self) -> None:
        """Ask for a Word/WPS file."""
        path = ask_body_file(self)
        if path is not None:
            self.set_file(path)

    def set_file(self, path: Path) -> None:
        """Copy a 正文 file into the content store and take it as the first version."""
        self.busy += 1
        self.changed.emit()
        self.ctx.spawn(self._set(path), what=self.tr("上传正文文件"))

    async def _set(self, path: Path) -> None:
        try:
            root = blobs_root(self.ctx.settings.data_dir())
            saved: Saved = await self.ctx.db(import_body_file, source=path, root=root)
        finally:
            self.busy -= 1
        if saved.file is None:
            self.show_message(saved.problem, error=True)
            self.changed.emit()
            return
        self.file = saved.file
        self.label.setText(f"{saved.file.name}  {human_size(saved.file.size)}")
        self.label.setCursorPosition(0)
        self.label.setToolTip(saved.file.name)
        self.clear_button.setEnabled(True)
        self.changed.emit()
        if not has_readable_text(path.name):
            self.show_message(self.tr("WPS/Word 97格式（.wps/.doc等）的文字无法自动读取："
                                      "请在“正文”中填写文字，或将文件另存为 .docx"))
            return
        self.show_message("")
        try:
            text = await self.ctx.db(lambda _s: saved_text(path))
        except DomainError as error:
            self.show_message(refusal_text(error), error=True)
            return
        if text:
            self.text_found.emit(text)

    def clear(self) -> None:
        """Compose without a 正文 file."""
        self.file = None
        self.label.clear()
        self.label.setToolTip("")
        self.clear_button.setEnabled(False)
        self.show_message("")
        self.changed.emit()


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
        self.buttons, self.ok_button = ok_cancel_buttons()
        self.ok_button.setEnabled(False)
        self.files = AttachmentList(ctx)
        self.body_file_chooser = BodyFileChooser(ctx)
        self.text_dialog: BodyTextDialog | None = None
        self._loaded = False
        for widget in (self.files, self.body_file_chooser):
            widget.changed.connect(self._files_changed)
        self.body_file_chooser.text_found.connect(self._offer_text)
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
        self._loaded = True
        self._files_changed()
        self.ready.emit()

    def _make_heading(self, doc_type: DocType) -> None:
        """Make the fields both forms start with: 文种, 紧急程度, 密级 and 标题."""
        self.doc_type = _combo([t.value for t in DocType])
        _set_combo(self.doc_type, doc_type.value)
        self.urgency = _combo([Urgency.NORMAL.value, Urgency.URGENT.value,
                               Urgency.EXTRA_URGENT.value])
        # Only what may travel on the extranet is offered; anything typed is checked.
        self.classification = _combo([c.value for c in Classification], editable=True)
        self.title = QLineEdit()

    def _place_heading(self) -> None:
        """Put 文种, 紧急程度 and 密级 on the first row, 标题 across the second."""
        self._add("doc_type", self.doc_type, 0, 0)
        self._add("urgency", self.urgency, 0, 1)
        self._add("classification", self.classification, 0, 2)
        self._add("title", self.title, 1, 0, span=3)

    def _fill_heading(self, document: Document) -> None:
        _set_combo(self.doc_type, document.doc_type.value)
        _set_combo(self.urgency, document.urgency.value)
        _set_combo(self.classification, document.classification.value)
        self.title.setText(document.title)

    def _heading_values(self) -> dict[str, Any]:
        return {
            "doc_type": _value(self.doc_type),
            "title": self.title.text(),
            "urgency": _value(self.urgency),
            "classification": _value(self.classification),
        }

    def _files_changed(self) -> None:
        """OK waits while files are still being copied in: they would be left out."""
        busy = self.files.busy or self.body_file_chooser.busy
        self.ok_button.setEnabled(self._loaded and not busy)

    def _place_files(self, row: int) -> None:
        """Put the attachments (and, for a new document, its 正文 file) on `row`."""
        if self.document is None:
            self._add("attachments", self.files, row, 0, span=2)
            self._add("body_file", self.body_file_chooser, row, 2)
        else:
            # A document's 正文 versions are kept in its pane (正文文件), one edit each.
            self._add("attachments", self.files, row, 0, span=3)
            self.body_file_chooser.hide()

    def _offer_text(self, text: str) -> None:
        """Offer the text of the chosen .docx as the 正文 text; never replace it silently."""
        body = self._body_editor()
        if body is None or text.strip() == body.toPlainText().strip():
            return
        dialog = BodyTextDialog(current=body.toPlainText(), new=text, parent=self)
        dialog.chosen.connect(body.setPlainText)
        self.text_dialog = dialog
        dialog.open()

    def _body_editor(self) -> QPlainTextEdit | None:
        editor = getattr(self, "body", None)
        return editor if isinstance(editor, QPlainTextEdit) else None

    def _file_values(self) -> dict[str, Any]:
        """Return the attachments and, when one was chosen, the 正文 file."""
        values: dict[str, Any] = {"attachments": self.files.attachments()}
        body_file = self.body_file_chooser.value()
        if body_file is not None and self.document is None:
            values["body_file"] = body_file
        return values

    def _add(self, name: str, editor: QWidget, row: int, column: int, *, span: int = 1,
             label: str | None = None) -> FieldBox:
        field = FieldBox(label or QCoreApplication.translate("", FIELD_LABELS.get(name, name)),
                         editor)
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
        decision: Verdict[Document] = await self.ctx.write(
            actions.act, person_id=self.ctx.person_id, document_id=document.id,
            action=Action(ActionKind.EDIT, changes=changes), now=self.ctx.now(),
            ids={ChangeKind.DOCUMENT: (document.id,)}, origin=self)
        if isinstance(decision, Rejected):
            refusal = decision.rejection
            self.show_refusal(str(refusal.details.get("field", "")), refusal_text(refusal))
            return False
        return True


class ComposeDialog(_DocumentForm):
    """发文: draft a new outgoing document (or edit one at 拟稿/核稿)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 document: Document | None = None) -> None:
        super().__init__(ctx, parent, document=document)
        self.setWindowTitle(self.tr("修改发文") if document else self.tr("新建发文"))
        open_size(self, QSize(960, 760))
        self._make_heading(DocType.NOTICE)
        self.title.setPlaceholderText(self.tr("关于……的通知"))
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("正文；段落之间空一行"))
        self.note = QLineEdit()
        self.main_recipients: UnitPicker | None = None
        self.cc_recipients: UnitPicker | None = None
        self.countersign_units: UnitPicker | None = None
        self._place_text_fields()

    def _place_text_fields(self) -> None:
        self._place_heading()
        self._add("body", self.body, 3, 0, span=3)
        self._add("note", self.note, 4, 0, span=3)
        self._place_files(5)
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
        self._fill_heading(document)
        self.body.setPlainText(document.body)
        self.note.setText(document.note)
        self.files.set_attachments(document.attachments)
        for picker, units in ((self.main_recipients, document.main_recipients),
                              (self.cc_recipients, document.cc_recipients),
                              (self.countersign_units, document.countersign_units)):
            if picker is not None:
                picker.set_selected(units)

    def values(self) -> dict[str, Any]:
        """Return the form's values."""
        return {
            **self._heading_values(),
            "main_recipients": self.main_recipients.selected() if self.main_recipients else [],
            "cc_recipients": self.cc_recipients.selected() if self.cc_recipients else [],
            "countersign_units": (self.countersign_units.selected()
                                  if self.countersign_units else []),
            "body": self.body.toPlainText(),
            "note": self.note.text(),
            **self._file_values(),
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
        self._make_heading(DocType.REQUEST)
        self.sender_unit = QLineEdit()
        self.doc_number = QLineEdit()
        self.doc_number.setPlaceholderText(self.tr("如：萍教发〔2026〕8号"))
        self.received_number = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("来文正文或内容摘要"))
        self._place_fields()

    def _place_fields(self) -> None:
        self._place_heading()
        self._add("sender_unit", self.sender_unit, 2, 0)
        self._add("doc_number", self.doc_number, 2, 1, label=self.tr("来文字号"))
        self._add("received_number", self.received_number, 2, 2)
        self._add("body", self.body, 3, 0, span=3, label=self.tr("正文/摘要"))
        self._place_files(4)
        self.grid.setRowStretch(3, 1)

    def _build(self, org: Organisation, owner_unit_id: str) -> None:
        # Units of the directory are offered as they type; any other sender may be written.
        names = sorted(u.name for u in org.units.values())
        completer = QCompleter(names, self.sender_unit)
        self.sender_unit.setCompleter(completer)

    def _fill(self, document: Document) -> None:
        self._fill_heading(document)
        self.sender_unit.setText(document.sender_unit)
        self.doc_number.setText(document.doc_number or "")
        self.received_number.setText(document.received_number)
        self.body.setPlainText(document.body)
        self.files.set_attachments(document.attachments)

    def values(self) -> dict[str, Any]:
        """Return the form's values."""
        return {
            **self._heading_values(),
            "sender_unit": self.sender_unit.text(),
            "doc_number": self.doc_number.text(),
            "received_number": self.received_number.text(),
            "body": self.body.toPlainText(),
            **self._file_values(),
        }

    async def _create(self, values: dict[str, Any]) -> Document:
        document: Document = await self.ctx.write(
            actions.register, person_id=self.ctx.person_id, fields=values, now=self.ctx.now(),
            origin=self)
        return document
