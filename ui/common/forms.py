"""What every form shares: a field box with its message, the messages of a form, the rules'
messages per field, a form that creates or edits a record through the operation runner, and
OK/Cancel named in the person's language."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from officeapp.errors import ValidationError
from ui.common.context import AppContext
from ui.common.messages import refusal_text, refused_field
from ui.common.operations import Operation
from ui.common.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    SignalInstance,
)
from ui.common.translate import tr

# The type checker reads a form as the dialog it is mixed into.
if TYPE_CHECKING:
    _Form = QDialog
else:
    _Form = object

ERROR_STYLE = "color: #c0392b;"


class FieldBox(QWidget):
    """A labelled input with a red message under it."""

    def __init__(self, label: str, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.label = QLabel(label)
        self.label.setBuddy(editor)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(editor, 1)
        layout.addWidget(self.error)

    def set_error(self, message: str) -> None:
        """Show `message` under the field, or hide the line when empty."""
        self.error.setText(message)
        self.error.setVisible(bool(message))


def general_error_label() -> QLabel:
    """Return the hidden red line a form shows messages in that belong to no one field."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class FieldMessages:
    """The messages of a form: one under each field box, one line for the rest.

    Mixed into the form dialogs, which create `fields` and `general_error`
    (`general_error_label()`)."""

    fields: dict[str, FieldBox]
    general_error: QLabel

    def error_text(self, name: str) -> str:
        """Return the message shown beside field `name`, or the general one for ""."""
        box = self.fields.get(name) if name else None
        label = box.error if box is not None else (self.general_error if not name else None)
        return label.text() if label is not None and not label.isHidden() else ""

    def show_general(self, message: str) -> None:
        """Show a message that belongs to no one field ("" hides it)."""
        self.general_error.setText(message)
        self.general_error.setVisible(bool(message))

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Show each field's problem beside it (clearing the others) and the first problem
        of no field in the general line."""
        for name, box in self.fields.items():
            box.set_error(errors.get(name, ""))
        elsewhere = [message for name, message in errors.items() if name not in self.fields]
        self.show_general(elsewhere[0] if elsewhere else "")

    def show_refusal(self, name: str, message: str) -> None:
        """Show one refusal beside its field, or in the general line."""
        box = self.fields.get(name)
        if box is not None:
            box.set_error(message)
        else:
            self.show_general(message)


def field_errors(values: Mapping[str, Any],
                 parse: Callable[[Mapping[str, Any]], object]) -> dict[str, str]:
    """Return the rules' message for each field whose value `parse` (the rules' parser of
    the form's fields) refuses; field by field, so that every wrong field is named."""
    errors: dict[str, str] = {}
    for name, value in values.items():
        try:
            parse({name: value})
        except ValidationError as error:
            errors[str(error.details.get("field") or name)] = refusal_text(error)
    return errors


class RecordForm(FieldMessages, _Form):
    """A form that creates a record or edits one: check every field, write, report.

    Mixed into form dialogs, which define `ctx`, `ok_button`, the signals `created` and
    `saved` (the record's id), `values()`, `errors(values)`, `editing()` (the record being
    edited, or None), `_create(values)` and `_edit(record, values)` (False when refused:
    it has shown why)."""

    ctx: AppContext
    ok_button: QPushButton
    created: SignalInstance
    saved: SignalInstance

    def validate(self) -> bool:
        """Show each field's problem beside it; return whether there is none."""
        errors = self.errors(self.values())
        self.show_errors(errors)
        return not errors

    def submit(self) -> None:
        """Check the form and, if it is right, write it (the dialog closes on success)."""
        if not self.validate():
            return
        values = self.values()
        (Operation(self, self.ctx, what=self.windowTitle(),
                   action=lambda _now: self._write(values))
         .busy(self.ok_button)
         .refused(lambda refusal: self.show_refusal(refused_field(refusal),
                                                    refusal_text(refusal)))
         .success(self._written)
         .run())

    async def _write(self, values: dict[str, Any]) -> bool:
        """Create or edit the record; return whether it was written (the form shows why not).
        The writes go through `ctx.write`, which broadcasts them."""
        record = self.editing()
        if record is None:
            created = await self._create(values)
            self.created.emit(created.id)
            return True
        if not await self._edit(record, values):
            return False
        self.saved.emit(record.id)
        return True

    def _written(self, written: bool) -> None:
        if written:
            self.accept()

    def values(self) -> dict[str, Any]:
        """Return what the form holds, in the JSON-friendly form the rules parse."""
        raise NotImplementedError

    def errors(self, values: Mapping[str, Any]) -> dict[str, str]:
        """Return the message for each field the rules refuse (`field_errors`)."""
        raise NotImplementedError

    def editing(self) -> Any | None:
        """Return the record being edited; None when creating one."""
        raise NotImplementedError

    async def _create(self, values: dict[str, Any]) -> Any:
        raise NotImplementedError

    async def _edit(self, record: Any, values: dict[str, Any]) -> bool:
        raise NotImplementedError


def ca_file_row(edit: QLineEdit, choose: Callable[[], object]) -> QHBoxLayout:
    """Return the row of the CA certificate file: its box and a button that chooses one."""
    edit.setPlaceholderText(tr("可选：政务外网CA证书文件（.pem/.crt）"))
    browse = QPushButton(tr("选择…"))
    browse.clicked.connect(lambda _checked=False: choose())
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return row


def ok_cancel_buttons() -> tuple[QDialogButtonBox, QPushButton]:
    """Return OK and Cancel named in the person's language, and the OK button of them."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    name_buttons(box)
    return box, box.button(QDialogButtonBox.StandardButton.Ok)


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """Return a 关闭 button box, named in the person's language, that closes `dialog`."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    name_buttons(box)
    box.rejected.connect(dialog.reject)
    return box


def name_buttons(box: QDialogButtonBox) -> None:
    """Name OK and Cancel in Chinese even where Qt's own translations are not installed."""
    box_context = "QDialogButtonBox"
    names = {QDialogButtonBox.StandardButton.Ok: QT_TRANSLATE_NOOP("QDialogButtonBox", "确定"),
             QDialogButtonBox.StandardButton.Cancel: QT_TRANSLATE_NOOP("QDialogButtonBox",
                                                                      "取消"),
             QDialogButtonBox.StandardButton.Close: QT_TRANSLATE_NOOP("QDialogButtonBox",
                                                                     "关闭")}
    for which, text in names.items():
        button = box.button(which)
        if button is not None:
            button.setText(QCoreApplication.translate(box_context, text))
