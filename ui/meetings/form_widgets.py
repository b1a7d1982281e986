"""The meeting form's own widgets: the tree of invited units and people, the agenda with its
materials, the times with their repetition, and the place (a room, or somewhere else)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from officeapp.meetings import (
    DEFAULT_LENGTH,
    AgendaItem,
    Attendee,
    AttendeeKind,
)
from officeapp.org import Organisation, Person, Room
from ui.common.attachments import Imported, blobs_root, human_size, import_files
from ui.common.context import AppContext
from ui.common.date_edits import DateTimeEdit
from ui.common.forms import ERROR_STYLE
from ui.common.pickers import (
    combo_id,
    from_qdatetime,
    set_combo_id,
    to_qdatetime,
)
from ui.common.qt import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateTime,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    QRadioButton,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)
from ui.common.translate import tr
from ui.common.values import qualified
from ui.documents.action_dialogs import active_people, unit_tree
from ui.meetings.form_values import REPEATS, agenda_dict, aware, parse_repeat, repeat_rule
from ui.meetings.texts import room_label


class AttendeeTree(QWidget):
    """Units with their people, each checkable: a checked unit invites the whole unit."""

    changed = Signal()

    def __init__(self, org: Organisation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("筛选单位或人员"))
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumHeight(110)
        self.tree.setMaximumHeight(150)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #555;")
        self._items: list[QTreeWidgetItem] = []
        self._fill(org)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        self.filter.textChanged.connect(self._filter)
        self.tree.itemChanged.connect(lambda _item, _column: self._checked())
        self._checked()

    def _checked(self) -> None:
        chosen = [item.text(0) for item in self._items
                  if item.checkState(0) == Qt.CheckState.Checked]
        self.summary.setText(self.tr("已选{0}：{1}").format(len(chosen), "、".join(chosen))
                             if chosen else self.tr("尚未选择"))
        self.changed.emit()

    def _fill(self, org: Organisation) -> None:
        parents: dict[str, QTreeWidgetItem] = {}
        by_unit: dict[str, list[Person]] = {}
        for person in active_people(org):
            by_unit.setdefault(person.unit_id, []).append(person)
        for unit, _depth in unit_tree(org):
            parent = parents.get(unit.parent_id or "")
            item = self._item(parent, self.tr("{0}（整个单位）").format(unit.name),
                              AttendeeKind.UNIT, unit.id)
            parents[unit.id] = item
            for person in by_unit.get(unit.id, []):
                title = qualified(person.name, person.title) if person.title else person.name
                self._item(item, title, AttendeeKind.PERSON, person.id)
        self.tree.expandAll()

    def _item(self, parent: QTreeWidgetItem | None, text: str, kind: AttendeeKind,
              ident: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setData(0, Qt.ItemDataRole.UserRole, (kind.value, ident))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Unchecked)
        if kind is AttendeeKind.UNIT:
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        if parent is None:
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        self._items.append(item)
        return item

    def _filter(self, text: str) -> None:
        needle = text.strip()
        for item in self._items:
            item.setHidden(bool(needle))
        if not needle:
            return
        for item in self._items:
            if needle in item.text(0):
                current: QTreeWidgetItem | None = item
                while current is not None:
                    current.setHidden(False)
                    current = current.parent()

    def selected(self) -> list[dict[str, str]]:
        """Return the checked units and people, in directory order."""
        found = []
        for item in self._items:
            if item.checkState(0) == Qt.CheckState.Checked:
                kind, ident = item.data(0, Qt.ItemDataRole.UserRole)
                found.append({"kind": kind, "id": ident})
        return found

    def set_selected(self, attendees: Iterable[Mapping[str, str] | Attendee]) -> None:
        """Check exactly `attendees`."""
        wanted = {(a.kind.value, a.id) if isinstance(a, Attendee) else (a["kind"], a["id"])
                  for a in attendees}
        self.tree.blockSignals(True)
        for item in self._items:
            key = tuple(item.data(0, Qt.ItemDataRole.UserRole))
            item.setCheckState(0, Qt.CheckState.Checked if key in wanted
                               else Qt.CheckState.Unchecked)
        self.tree.blockSignals(False)
        self._checked()


class AgendaEditor(QWidget):
    """议题: title, reporting unit and materials (attachments copied into the content store)."""

    changed = Signal()

    def __init__(self, ctx: AppContext, org: Organisation,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.org = org
        self.materials: list[list[dict[str, Any]]] = []
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("议题"), self.tr("汇报单位"),
                                              self.tr("材料")])
        self.table.verticalHeader().setVisible(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 170)
        header.resizeSection(2, 200)
        self.table.setMinimumHeight(100)
        self.table.setMaximumHeight(150)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        buttons = QHBoxLayout()
        self.add_button = self._button(buttons, self.tr("添加议题"), self.add_item)
        self.remove_button = self._button(buttons, self.tr("删除"), self.remove_item)
        self._button(buttons, self.tr("上移"), lambda: self.move_item(-1))
        self._button(buttons, self.tr("下移"), lambda: self.move_item(1))
        self.material_button = self._button(buttons, self.tr("添加材料…"), self.choose_materials)
        self._button(buttons, self.tr("清除材料"), self.clear_materials)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())

    @staticmethod
    def _button(row: QHBoxLayout, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        row.addWidget(button)
        return button

    def _unit_combo(self, unit_id: str | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("（不指定）"), "")
        for unit, depth in unit_tree(self.org):
            combo.addItem("\u3000" * depth + unit.name, unit.id)
        set_combo_id(combo, unit_id)
        combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        return combo

    def add_item(self, title: str = "", unit_id: str | None = None,
                 materials: Sequence[Mapping[str, Any]] = ()) -> None:
        """Append an agenda item."""
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(title))
        self.table.setCellWidget(row, 1, self._unit_combo(unit_id))
        self.materials.append([dict(m) for m in materials])
        self.table.setItem(row, 2, self._materials_item(row))
        self.table.blockSignals(False)
        if not title:
            self.table.setCurrentCell(row, 0)
            item = self.table.item(row, 0)
            if item is not None:
                self.table.editItem(item)
        self.changed.emit()

    def _materials_item(self, row: int) -> QTableWidgetItem:
        found = self.materials[row]
        item = QTableWidgetItem("、".join(m["name"] for m in found) or self.tr("（无）"))
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        item.setToolTip("\n".join(f"{m['name']}  {human_size(int(m.get('size') or 0))}"
                                  for m in found))
        return item

    def _row(self) -> int:
        row = self.table.currentRow()
        return row if 0 <= row < self.table.rowCount() else -1

    def remove_item(self) -> None:
        """Remove the chosen agenda item."""
        row = self._row()
        if row >= 0:
            self.table.removeRow(row)
            del self.materials[row]
            self.changed.emit()

    def move_item(self, step: int) -> None:
        """Move the chosen item up or down."""
        row = self._row()
        values = self.values()
        target = row + step
        if row < 0 or not 0 <= target < len(values):
            return
        values[row], values[target] = values[target], values[row]
        self.set_items(values)
        self.table.setCurrentCell(target, 0)

    def values(self) -> list[dict[str, Any]]:
        """Return the agenda in the JSON form of the fields."""
        found = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            combo = self.table.cellWidget(row, 1)
            unit = combo_id(combo) if isinstance(combo, QComboBox) else None
            found.append({"title": item.text() if item else "", "reporting_unit_id": unit,
                          "materials": [dict(m) for m in self.materials[row]]})
        return found

    def set_items(self, items: Iterable[Mapping[str, Any] | AgendaItem]) -> None:
        """Show exactly `items`."""
        self.table.setRowCount(0)
        self.materials = []
        for value in items:
            data = agenda_dict(value) if isinstance(value, AgendaItem) else value
            self.add_item(str(data.get("title") or ""), data.get("reporting_unit_id"),
                          data.get("materials") or ())

    def choose_materials(self) -> None:
        """Ask for files and attach them to the chosen agenda item."""
        if self._row() < 0:
            self.show_message(self.tr("请先选择一个议题"))
            return
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("添加议题材料"))
        if paths:
            self.add_materials([Path(p) for p in paths])

    def add_materials(self, paths: Sequence[Path], row: int | None = None) -> None:
        """Copy files into the content store (uploaded when online) and list them."""
        target = self._row() if row is None else row
        if target < 0:
            return
        self.ctx.spawn(self._add_materials(target, list(paths)), what=self.tr("添加议题材料"))

    async def _add_materials(self, row: int, paths: list[Path]) -> None:
        root = blobs_root(self.ctx.settings.data_dir())
        imported: Imported = await self.ctx.db(import_files, sources=paths, root=root)
        if not alive(self) or row >= len(self.materials):
            return
        self.materials[row].extend({"name": a.name, "sha256": a.sha256, "size": a.size}
                                   for a in imported.attachments)
        self.table.setItem(row, 2, self._materials_item(row))
        self.show_message("\n".join(imported.refused))
        self.changed.emit()

    def clear_materials(self) -> None:
        """Remove the materials of the chosen item."""
        row = self._row()
        if row >= 0:
            self.materials[row] = []
            self.table.setItem(row, 2, self._materials_item(row))
            self.changed.emit()

    def show_message(self, text: str) -> None:
        """Say what went wrong with the agenda ("" hides the line)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))


class TimeFields(QObject):
    """The form's time fields: start and end (moving the start keeps the length, as calendars
    do) and the repeat rule (a rule the form cannot show stays as 自定义)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.start = DateTimeEdit()
        self.end = DateTimeEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.repeat = QComboBox()
        for key, label in REPEATS:
            self.repeat.addItem(tr(label), key)
        self.count = QSpinBox()
        self.count.setRange(2, 500)
        self.count.setValue(4)
        self.count.setSuffix(self.tr(" 次"))
        self._last_start: datetime | None = None
        self._custom_rule: str | None = None
        self.start.dateTimeChanged.connect(self._start_moved)

    def repeat_row(self) -> QWidget:
        """Return the repeat choice with its count, as one field."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.repeat, 1)
        layout.addWidget(self.count)
        return row

    def set_default(self, start: datetime) -> None:
        """Show a meeting of the default length from `start`, not repeating."""
        self.start.setDateTime(to_qdatetime(start))
        self.end.setDateTime(to_qdatetime(start + DEFAULT_LENGTH))
        self._last_start = start
        self.count.setEnabled(False)

    def fill(self, values: Mapping[str, Any]) -> None:
        """Show the start and end of `values` (a start alone keeps the length)."""
        start = aware(values["start"]) if values.get("start") else None
        end = aware(values["end"]) if values.get("end") else None
        if start is not None:
            length = end - start if end is not None else self._length()
            self.start.blockSignals(True)
            self.start.setDateTime(to_qdatetime(start))
            self.start.blockSignals(False)
            self._last_start = from_qdatetime(self.start.dateTime())
            self.end.setDateTime(to_qdatetime(start + length))
        elif end is not None:
            self.end.setDateTime(to_qdatetime(end))

    def fill_repeat(self, rule: Any) -> None:
        """Show a repeat rule: one of the choices, or 自定义 for any other."""
        parsed = parse_repeat(str(rule) if rule else None)
        custom = self.repeat.findData("custom")
        if custom >= 0:
            self.repeat.removeItem(custom)
        if parsed is None:
            self.repeat.addItem(self.tr("自定义：{0}").format(rule), "custom")
            self.repeat.setItemData(self.repeat.count() - 1, str(rule), Qt.ItemDataRole.ToolTipRole)
            self._custom_rule = str(rule)
            self.repeat.setCurrentIndex(self.repeat.count() - 1)
            return
        frequency, count = parsed
        self.repeat.setCurrentIndex(max(self.repeat.findData(frequency), 0))
        if frequency:
            self.count.setValue(count)

    def edited(self) -> None:
        """Offer the count only for a repeat the form made."""
        frequency = self.repeat.currentData()
        self.count.setEnabled(bool(frequency) and frequency != "custom")

    def start_time(self) -> datetime:
        """Return the start shown."""
        return from_qdatetime(self.start.dateTime())

    def end_time(self) -> datetime:
        """Return the end shown."""
        return from_qdatetime(self.end.dateTime())

    def recurrence(self) -> str | None:
        """Return the repeat rule shown (None when the meeting does not repeat)."""
        frequency = str(self.repeat.currentData() or "")
        if frequency == "custom":
            return self._custom_rule
        return repeat_rule(frequency, self.count.value())

    def _length(self) -> timedelta:
        length = self.end_time() - self.start_time()
        return length if length > timedelta(0) else DEFAULT_LENGTH

    def _start_moved(self, value: QDateTime) -> None:
        start = from_qdatetime(value)
        previous = self._last_start or start
        end = self.end_time()
        if end > previous:
            self.end.setDateTime(to_qdatetime(start + (end - previous)))
        self._last_start = start


class PlaceField(QWidget):
    """会议地点: one of the unit's rooms, or a place outside them written out (外部地点)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.in_room = QRadioButton(self.tr("会议室"))
        self.off_site = QRadioButton(self.tr("外部地点"))
        self.in_room.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.in_room)
        group.addButton(self.off_site)
        self.room = QComboBox()
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("会场不在本单位会议室时填写"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.in_room)
        row.addWidget(self.room, 3)
        row.addSpacing(12)
        row.addWidget(self.off_site)
        row.addWidget(self.location, 2)
        self.in_room.toggled.connect(self._switched)
        for signal in (self.in_room.toggled, self.room.currentIndexChanged,
                       self.location.textChanged):
            signal.connect(self.changed)
        self._switched()

    def set_rooms(self, rooms: Iterable[Room]) -> None:
        """Offer these rooms."""
        for room in rooms:
            self.room.addItem(room_label(room), room.id)

    def fill(self, room_id: Any, location: str) -> None:
        """Show a room when it is one of those offered, else the place written out."""
        index = self.room.findData(room_id) if room_id else -1
        if index >= 0:
            self.room.setCurrentIndex(index)
            self.in_room.setChecked(True)
        else:
            self.location.setText(location)
            self.off_site.setChecked(bool(location) or self.room.count() == 0)

    def values(self) -> dict[str, Any]:
        """Return `room_id` and `location` as `create_meeting` takes them."""
        if self.in_room.isChecked():
            return {"room_id": self.room.currentData() or None, "location": ""}
        return {"room_id": None, "location": self.location.text()}

    def _switched(self, *_args: object) -> None:
        self.room.setEnabled(self.in_room.isChecked())
        self.location.setEnabled(self.off_site.isChecked())
