"""Dialogs that collect an action's arguments: people, return target, units, instruction, archive.

Which people or steps are offered is never decided here: the candidates come from probing
`officeapp.workflow.decide` with each choice (`eligible_people`, `return_targets`), so the list
shows exactly what the rules would accept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime, time

from officeapp.core.verdict import Accepted
from officeapp.org import Actor, Organisation, Person, Unit
from officeapp.workflow import Action, ActionKind, Document, Retention, decide
from officeapp.workflow.codec import assignee_resolver
from officeapp.workflow.definitions import WORKFLOWS
from ui.common import times
from ui.common.date_edits import DateEdit
from ui.common.fit import keep_on_screen
from ui.common.forms import ERROR_STYLE, name_buttons
from ui.common.qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDate,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QShowEvent,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.common.values import parts, qualified, value_text

# A probe needs some opinion: a return without a reason is refused whatever the target.
_PROBE_REASON = "probe"


# --- candidates, decided by the rules --------------------------------------------------------


def _sort_key(org: Organisation,
              actor: Actor | None) -> Callable[[Person], tuple[bool, int, str, str]]:
    def key(person: Person) -> tuple[bool, int, str, str]:
        unit = org.units.get(person.unit_id)
        own = actor is not None and person.unit_id == actor.unit_id
        return (not own, unit.sort_order if unit else 0, person.unit_id, person.name)

    return key


def active_people(org: Organisation, actor: Actor | None = None) -> list[Person]:
    """Return everyone active in the directory, the actor's own unit first."""
    people = [p for p in org.people.values() if p.active]
    return sorted(people, key=_sort_key(org, actor))


def eligible_people(document: Document, actor: Actor, org: Organisation, kind: ActionKind,
                    now: datetime) -> list[Person]:
    """Return the people the rules accept as the assignee of `kind` now.

    For APPROVE only those who would then hold the next step count (naming someone for a
    step that is not theirs to take changes nothing).
    """
    resolve = assignee_resolver(org)
    found: list[Person] = []
    for person in active_people(org, actor):
        if person.id == actor.person_id:
            continue
        probe = Action(kind, assignees=(resolve(person.id),), opinion=_PROBE_REASON,
                       expected_step=document.step)
        decision = decide(document, actor, probe, now)
        if not isinstance(decision, Accepted):
            continue
        holders = decision.record.holders
        if kind is ActionKind.APPROVE and not any(h.person_id == person.id for h in holders):
            continue
        found.append(person)
    return found


def return_targets(document: Document, actor: Actor, now: datetime) -> list[tuple[str, str]]:
    """Return the (step key, label) pairs the document may be returned to now, nearest first."""
    workflow = WORKFLOWS[document.direction]
    found: list[tuple[str, str]] = []
    for key in reversed(workflow.step(document.step).returns_to):
        probe = Action(ActionKind.RETURN, target_step=key, opinion=_PROBE_REASON,
                       expected_step=document.step)
        if isinstance(decide(document, actor, probe, now), Accepted):
            found.append((key, workflow.step(key).label))
    return found


def unit_tree(org: Organisation) -> list[tuple[Unit, int]]:
    """Return every unit with its depth, in the directory's display order."""
    found: list[tuple[Unit, int]] = []

    def walk(parent: str | None, depth: int) -> None:
        for unit in org.children(parent):
            found.append((unit, depth))
            walk(unit.id, depth + 1)

    walk(None, 0)
    return found


def person_text(org: Organisation, person: Person) -> str:
    """Return how a person is listed: name, title and unit."""
    unit = org.units.get(person.unit_id)
    extra = parts(part for part in (person.title, unit.name if unit else "") if part)
    return qualified(person.name, extra) if extra else person.name


def end_of_day(day: date) -> datetime:
    """Return the end of a working day in Beijing time (deadlines are given by date)."""
    return times.at_time(day, time(23, 59))


# --- pickers ---------------------------------------------------------------------------------


class _CheckList(QWidget):
    """A filterable list of checkable (or single-choice) items with ids."""

    changed = Signal()

    def __init__(self, items: Sequence[tuple[str, str]], *, multiple: bool,
                 placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._multiple = multiple
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(placeholder)
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setMinimumHeight(120)
        for item_id, text in items:
            self._add(item_id, text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        # A short list needs no filter box.
        self.filter.setVisible(len(items) > 8)
        self.filter.textChanged.connect(self._filter)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.list.itemSelectionChanged.connect(self.changed.emit)

    def _add(self, item_id: str, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, item_id)
        if self._multiple:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def _items(self) -> list[QListWidgetItem]:
        return [item for row in range(self.list.count()) if (item := self.list.item(row))]

    def _filter(self, text: str) -> None:
        needle = text.strip()
        for item in self._items():
            item.setHidden(bool(needle) and needle not in item.text())

    def selected(self) -> list[str]:
        """Return the ids chosen, in list order."""
        if self._multiple:
            chosen = [i for i in self._items() if i.checkState() == Qt.CheckState.Checked]
        else:
            chosen = self.list.selectedItems()
        return [str(item.data(Qt.ItemDataRole.UserRole)) for item in chosen]

    def set_selected(self, ids: Iterable[str]) -> None:
        """Choose exactly `ids`."""
        wanted = set(ids)
        for item in self._items():
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            if self._multiple:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            else:
                item.setSelected(on)
                if on:
                    self.list.setCurrentItem(item)

    def ids(self) -> list[str]:
        """Return every id offered."""
        return [str(item.data(Qt.ItemDataRole.UserRole)) for item in self._items()]


class UnitPicker(_CheckList):
    """Checkable units, indented as the tree."""

    def __init__(self, org: Organisation, *, exclude: Iterable[str] = (),
                 multiple: bool = True, parent: QWidget | None = None) -> None:
        left_out = set(exclude)
        items = [(unit.id, "\u3000" * depth + unit.name) for unit, depth in unit_tree(org)
                 if unit.id not in left_out]
        super().__init__(items, multiple=multiple,
                         placeholder=QCoreApplication.translate("UnitPicker", "筛选单位"),
                         parent=parent)


class PersonPicker(_CheckList):
    """People to choose from, with title and unit."""

    def __init__(self, org: Organisation, people: Sequence[Person], *, multiple: bool,
                 parent: QWidget | None = None) -> None:
        items = [(p.id, person_text(org, p)) for p in people]
        super().__init__(items, multiple=multiple,
                         placeholder=QCoreApplication.translate("PersonPicker", "筛选人员"),
                         parent=parent)


# --- dialogs ---------------------------------------------------------------------------------


class ArgumentDialog(QDialog):
    """A prompt, a form, an error line and OK/Cancel; `action()` builds the request."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons)
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        """Open no larger than the screen (two pickers are taller than a 1024×600 one)."""
        super().showEvent(event)
        keep_on_screen(self)

    def problem(self) -> str:
        """Return what is missing before the dialog can be accepted ("" when nothing)."""
        return ""

    def _try_accept(self) -> None:
        message = self.problem()
        self.error.setText(message)
        self.error.setVisible(bool(message))
        if not message:
            self.accept()

    def action(self, opinion: str) -> Action:
        """Return the action the dialog's answers make, with the opinion typed beside it."""
        raise NotImplementedError


class PersonDialog(ArgumentDialog):
    """Choose one or more people for delegate, add signer, circulate, or the next step."""

    def __init__(self, org: Organisation, people: Sequence[Person], *, kind: ActionKind,
                 title: str, prompt: str, multiple: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, prompt, parent)
        self._kind = kind
        self._resolve = assignee_resolver(org)
        self._multiple = multiple
        self.picker = PersonPicker(org, people, multiple=multiple)
        self.form.addRow(self.picker)

    def problem(self) -> str:
        """Ask for at least one person."""
        return "" if self.picker.selected() else self.tr("请选择人员")

    def action(self, opinion: str) -> Action:
        """Return the action with the chosen people as assignees."""
        assignees = tuple(self._resolve(p) for p in self.picker.selected())
        return Action(self._kind, opinion=opinion, assignees=assignees)


class InformDialog(PersonDialog):
    """知会: choose who should know of the document, with an optional note for them."""

    def __init__(self, org: Organisation, people: Sequence[Person],
                 parent: QWidget | None = None) -> None:
        super().__init__(org, people, kind=ActionKind.INFORM, title=self.tr("知会"),
                         prompt=self.tr("知会谁？他们可以阅看本文件和办理过程，无需办理。"),
                         multiple=True, parent=parent)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("附言（可不填）"))
        self.note.setMaxLength(500)
        self.form.addRow(self.note)

    def action(self, opinion: str) -> Action:
        """Return the 知会 with the chosen people; the note is this dialog's own."""
        chosen = super().action(opinion)
        return replace(chosen, opinion=self.note.text().strip() or opinion)


class ReturnDialog(ArgumentDialog):
    """Choose the step to return to and give the reason (required by the rules)."""

    def __init__(self, targets: Sequence[tuple[str, str]], reason: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("退回"), self.tr("退回到哪个环节？请写明退回理由。"), parent)
        self.target = QComboBox()
        for key, label in targets:
            self.target.addItem(value_text(label), key)
        self.reason = QPlainTextEdit(reason)
        self.reason.setPlaceholderText(self.tr("退回理由"))
        self.reason.setMinimumHeight(90)
        self.form.addRow(self.tr("退回到"), self.target)
        self.form.addRow(self.tr("退回理由"), self.reason)

    def problem(self) -> str:
        """Ask for a reason, as the rules will."""
        return "" if self.reason.toPlainText().strip() else self.tr("退回时必须填写退回理由")

    def action(self, opinion: str) -> Action:
        """Return the return action; the reason written here is the opinion."""
        return Action(ActionKind.RETURN, opinion=self.reason.toPlainText().strip(),
                      target_step=str(self.target.currentData()))


class UnitsDialog(ArgumentDialog):
    """Choose units (for example the countersigning units)."""

    def __init__(self, org: Organisation, *, title: str, prompt: str,
                 exclude: Iterable[str] = (), selected: Iterable[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(title, prompt, parent)
        self.picker = UnitPicker(org, exclude=exclude)
        self.picker.set_selected(selected)
        self.form.addRow(self.picker)

    def unit_ids(self) -> list[str]:
        """Return the chosen units."""
        return self.picker.selected()

    def action(self, opinion: str) -> Action:
        """Return an approve that names these units."""
        return Action(ActionKind.APPROVE, opinion=opinion, unit_ids=tuple(self.unit_ids()))


class InstructDialog(ArgumentDialog):
    """批办: the lead unit, co-units, a deadline and who reads the document afterwards."""

    def __init__(self, org: Organisation, people: Sequence[Person], *, document: Document,
                 today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("批办"), self.tr("请指定牵头承办单位，可同时指定配合单位、"
                                                  "办理期限和办结后传阅的人员。"), parent)
        self._resolve = assignee_resolver(org)
        self.lead = QComboBox()
        self.lead.addItem(self.tr("（请选择）"), "")
        for unit, depth in unit_tree(org):
            self.lead.addItem("\u3000" * depth + unit.name, unit.id)
        self.co_units = UnitPicker(org)
        self.has_deadline = QCheckBox(self.tr("设定办理期限"))
        self.deadline = DateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.readers = PersonPicker(org, people, multiple=True)
        self._fill(document, today)
        self.form.addRow(self.tr("牵头单位"), self.lead)
        self.form.addRow(self.tr("配合单位"), self.co_units)
        self.form.addRow(self.has_deadline, self.deadline)
        self.form.addRow(self.tr("传阅人员"), self.readers)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.deadline.setEnabled(self.has_deadline.isChecked())

    def _fill(self, document: Document, today: date) -> None:
        index = self.lead.findData(document.lead_unit_id or "")
        self.lead.setCurrentIndex(max(index, 0))
        self.co_units.set_selected(document.co_unit_ids)
        due = times.day_of(document.deadline) if document.deadline else None
        self.has_deadline.setChecked(due is not None)
        shown = due or today
        self.deadline.setDate(QDate(shown.year, shown.month, shown.day))
        self.readers.set_selected(document.circulate_to)

    def problem(self) -> str:
        """Ask for the lead unit, as the rules will."""
        return "" if self.lead.currentData() else self.tr("批办时必须指定牵头承办单位")

    def action(self, opinion: str) -> Action:
        """Return the approve at 批办 with its instruction."""
        lead = str(self.lead.currentData())
        due = self.deadline.date().toPython() if self.has_deadline.isChecked() else None
        return Action(
            ActionKind.APPROVE, opinion=opinion, lead_unit_id=lead,
            unit_ids=tuple(u for u in self.co_units.selected() if u != lead),
            deadline=end_of_day(due) if isinstance(due, date) else None,
            assignees=tuple(self._resolve(p) for p in self.readers.selected()),
        )


class ArchiveDialog(ArgumentDialog):
    """归档: 年度 and 保管期限 (the server assigns the 件号)."""

    def __init__(self, default_year: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("归档"), self.tr("请选择归档年度和保管期限，件号由服务器分配。"),
                         parent)
        self.retention = QComboBox()
        self.retention.addItem(self.tr("（请选择）"), "")
        for retention in Retention:
            self.retention.addItem(value_text(retention.value), retention.value)
        self.year = QSpinBox()
        self.year.setRange(1949, 9999)
        self.year.setValue(default_year)
        self.form.addRow(self.tr("保管期限"), self.retention)
        self.form.addRow(self.tr("年度"), self.year)

    def problem(self) -> str:
        """Ask for the retention, as the rules will."""
        return "" if self.retention.currentData() else self.tr("请选择保管期限")

    def action(self, opinion: str) -> Action:
        """Return the archive action."""
        return Action(ActionKind.ARCHIVE, retention=Retention(self.retention.currentData()),
                      year=self.year.value())

