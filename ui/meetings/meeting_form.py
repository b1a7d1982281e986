"""The meeting form: create a draft (or edit one), with live conflict warnings while typing.

Every field is checked by `officeapp.meetings.fields` one at a time, so each problem shows
beside its field; times are checked as they change (an end before the start says so at
once). Conflicts come from `find_conflicts` over the bookings the local store holds for the
meeting's `booking_window`, with the rooms free at that time from `free_rooms_over`. Saving
creates the draft through `sync.client.actions.create_meeting`; 预订会议室 and 发送通知 then
act on it, offline as well as online.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from officeapp.clock import OFFICE_TZ
from officeapp.errors import DomainError, ValidationError
from officeapp.meetings import (
    DEFAULT_LENGTH,
    AgendaItem,
    Attendee,
    AttendeeKind,
    Booking,
    Conflict,
    ConflictKind,
    Meeting,
    MeetingAccepted,
    MeetingAction,
    MeetingActionKind,
    MeetingOutcome,
    MeetingRejected,
    MeetingStatus,
    MeetingType,
    available_meeting_actions,
    booking_window,
    conflict_message,
    default_start,
    find_conflicts,
    free_rooms_over,
)
from officeapp.meetings.fields import FIELD_LABELS, check_meeting, parse_fields
from officeapp.meetings.ical import ImportKind, invitation_fields, left_aside_note, read_ics
from officeapp.meetings.rules import headcount
from officeapp.org import Actor, Organisation, Person, Room
from sync.client import actions
from ui.common.attachments import Imported, blobs_root, human_size, import_files
from ui.common.context import AppContext
from ui.common.date_edits import DateTimeEdit
from ui.common.fit import open_size
from ui.common.messages import refusal_text
from ui.common.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QCoreApplication,
    QDate,
    QDateTime,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSize,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTime,
    QTimer,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)
from ui.common.times import local
from ui.common.values import labelled, qualified, value_text
from ui.documents.action_dialogs import (
    ERROR_STYLE,
    FieldBox,
    FieldMessages,
    active_people,
    general_error_label,
    person_text,
    unit_tree,
)
from ui.meetings.meeting_calendar import spans_of, when_text
from ui.meetings.room_grid import room_label

REPEATS = (("", "不重复"), ("DAILY", "每天"), ("WEEKLY", "每周"), ("MONTHLY", "每月"))
# Messages of the time checks that carry no field: they belong beside the end time.
_FIELD_OF_CODE = {"meeting.bad_time": "end", "meeting.too_long": "end",
                  "meeting.naive_time": "start"}
_LIVE_FIELDS = frozenset({"start", "end", "recurrence"})
_MAX_CONFLICTS_SHOWN = 8
# The rules' warnings of busy people on booking: the live check names each of them already.
_CLASH_WARNINGS = frozenset(f"meeting.{kind.value}_busy" for kind in ConflictKind)
_NEW_ID = "（新会议）"
_ROOMY = QSize(1180, 860)
# Texts the form translates from variables (the rules' field labels, the repeat choices),
# listed so that lupdate files them for translation.
_VARIABLE_TEXTS = (
    QT_TRANSLATE_NOOP("", "会议名称"), QT_TRANSLATE_NOOP("", "会议类型"),
    QT_TRANSLATE_NOOP("", "开始时间"), QT_TRANSLATE_NOOP("", "结束时间"),
    QT_TRANSLATE_NOOP("", "主持人"), QT_TRANSLATE_NOOP("", "记录人"),
    QT_TRANSLATE_NOOP("", "会议说明"), QT_TRANSLATE_NOOP("", "不重复"),
    QT_TRANSLATE_NOOP("", "每天"), QT_TRANSLATE_NOOP("", "每周"), QT_TRANSLATE_NOOP("", "每月"),
)


def tr(text: str) -> str:
    """Translate a text built outside a widget (lupdate files these under no context)."""
    return QCoreApplication.translate("", text)


# --- values, checks and conflicts (no widgets) -----------------------------------------------


def _field_of(error: ValidationError, default: str) -> str:
    return str(error.details.get("field") or _FIELD_OF_CODE.get(error.code, default))


def proposal(values: Mapping[str, Any], *, base: Meeting | None, actor: Actor,
             now: datetime) -> Meeting:
    """Return the meeting the form describes (the edited one, or a new draft), checked."""
    parsed = parse_fields(values)
    if base is not None:
        return check_meeting(replace(base, **parsed))
    return check_meeting(Meeting(id=_NEW_ID, organiser_unit_id=actor.unit_id,
                                 created_by=actor.person_id, created_at=now, **parsed))


def form_errors(values: Mapping[str, Any], *, base: Meeting | None = None,
                actor: Actor | None = None, now: datetime | None = None) -> dict[str, str]:
    """Return the rules' message per field; the checks across fields (times, 列席) too."""
    errors: dict[str, str] = {}
    for name, value in values.items():
        try:
            parse_fields({name: value})
        except ValidationError as error:
            errors.setdefault(_field_of(error, name), refusal_text(error))
    if "start" in errors or "end" in errors:
        return errors
    # The checks across fields run whatever else is wrong: an end before the start shows
    # while the title is still blank.
    usable = {k: v for k, v in values.items() if k not in errors}
    usable["title"] = usable.get("title") or _NEW_ID
    usable.setdefault("meeting_type", MeetingType.OTHER.value)
    someone = actor or Actor("", "", "", (), frozenset())
    try:
        proposal(usable, base=base, actor=someone, now=now or datetime.now(OFFICE_TZ))
    except ValidationError as error:
        errors.setdefault(_field_of(error, "end"), refusal_text(error))
    return errors


def conflict_lines(conflicts: Sequence[Conflict], *, org: Organisation,
                   rooms: Mapping[str, Room]) -> list[tuple[ConflictKind, str]]:
    """Return one sentence per room or person and other meeting (room first), naming the
    holder's title and time: a series and its sittings are one other meeting."""
    seen: set[tuple[ConflictKind, str, str]] = set()
    lines: list[tuple[ConflictKind, str]] = []
    order = {ConflictKind.ROOM: 0, ConflictKind.HOST: 1, ConflictKind.PERSON: 2}
    for conflict in sorted(conflicts, key=lambda c: (order[c.kind], c.at)):
        key = (conflict.kind, conflict.subject_id, conflict.holder.family)
        if key in seen:
            continue
        seen.add(key)
        if conflict.kind is ConflictKind.ROOM:
            room = rooms.get(conflict.subject_id)
            name = room.name if room else conflict.subject_id
        else:
            person = org.people.get(conflict.subject_id)
            name = person.name if person else conflict.subject_id
            name = (tr("主持人{0}") if conflict.kind is ConflictKind.HOST else "{0}").format(name)
        lines.append((conflict.kind, conflict_text(conflict, name)))
    return lines


_ROOM_TAKEN = QT_TRANSLATE_NOOP("", "{0}在{1}已被《{2}》占用")
_PERSON_BUSY = QT_TRANSLATE_NOOP("", "{0}在{1}要参加《{2}》，与本会议时间冲突")


def conflict_text(conflict: Conflict, name: str) -> str:
    """Return what clashes, when and with what: the domain's sentence, or its translation."""
    template = _ROOM_TAKEN if conflict.kind is ConflictKind.ROOM else _PERSON_BUSY
    if tr(template) == template:  # Chinese: the rules' own wording
        return conflict_message(conflict, subject_name=name)
    holder = conflict.holder
    text = tr(template).format(name, when_text(holder.start, holder.end), holder.title)
    if conflict.kind is ConflictKind.ROOM and holder.booked_by_name:
        text += tr("，{0}预订").format(holder.booked_by_name)
    return text + (tr("（待审批）") if conflict.kind is ConflictKind.ROOM and holder.pending
                   else "")


def free_rooms_for(meeting: Meeting, rooms: Iterable[Room],
                   bookings: Sequence[Booking]) -> tuple[Room, ...]:
    """Return the rooms free at every occurrence, with seats for everyone expected."""
    return free_rooms_over(spans_of(meeting), rooms, bookings, min_capacity=headcount(meeting),
                           ignore=meeting.series_id or meeting.id)


def repeat_rule(frequency: str, count: int) -> str | None:
    """Return the RRULE of the form's repeat choice (None when it does not repeat)."""
    return f"FREQ={frequency};COUNT={count}" if frequency else None


def parse_repeat(rule: str | None) -> tuple[str, int] | None:
    """Return (frequency, count) of a rule the form can show, or None for any other rule."""
    if not rule:
        return "", 1
    parts = dict(p.partition("=")[::2] for p in rule.upper().split(";"))
    if set(parts) == {"FREQ", "COUNT"} and parts["COUNT"].isdigit() and parts["FREQ"] in (
            "DAILY", "WEEKLY", "MONTHLY"):
        return parts["FREQ"], int(parts["COUNT"])
    return None


def meeting_fields(meeting: Meeting) -> dict[str, Any]:
    """Return a meeting's editable fields in the JSON form the form's values use."""
    return {
        "title": meeting.title, "meeting_type": meeting.meeting_type.value,
        "start": meeting.start.isoformat(), "end": meeting.end.isoformat(),
        "room_id": meeting.room_id, "location": meeting.location, "host_id": meeting.host_id,
        "recorder_id": meeting.recorder_id, "attendees": _attendee_dicts(meeting.attendees),
        "sit_in": _attendee_dicts(meeting.sit_in), "agenda": [_agenda_dict(a)
                                                             for a in meeting.agenda],
        "notes": meeting.notes, "recurrence": meeting.recurrence,
    }


def _attendee_dicts(attendees: Iterable[Attendee]) -> list[dict[str, str]]:
    return [{"kind": a.kind.value, "id": a.id} for a in attendees]


def _agenda_dict(item: AgendaItem) -> dict[str, Any]:
    return {"title": item.title, "reporting_unit_id": item.reporting_unit_id,
            "materials": [{"name": m.name, "sha256": m.sha256, "size": m.size}
                          for m in item.materials]}


def _aware(moment: Any) -> datetime:
    value = moment if isinstance(moment, datetime) else datetime.fromisoformat(str(moment))
    return value if value.tzinfo else value.replace(tzinfo=OFFICE_TZ)


# --- small widgets ---------------------------------------------------------------------------


def person_combo(org: Organisation, people: Sequence[Person], *, empty: str) -> QComboBox:
    """Return a combo of people, typed into to filter (for the host and the recorder)."""
    combo = QComboBox()
    combo.addItem(empty, "")
    for person in people:
        combo.addItem(person_text(org, person), person.id)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    if completer is not None:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return combo


def combo_id(combo: QComboBox) -> str | None:
    """Return the id of the entry the combo shows (None for none or unknown text)."""
    index = combo.findText(combo.currentText())
    value = combo.itemData(index) if index >= 0 else None
    return str(value) if value else None


def set_combo_id(combo: QComboBox, value: str | None) -> None:
    """Show the entry with id `value` (the first, empty entry for None)."""
    combo.setCurrentIndex(max(combo.findData(value or ""), 0))


def _to_qdatetime(moment: datetime) -> QDateTime:
    at = local(moment)
    return QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute))


def _from_qdatetime(value: QDateTime) -> datetime:
    moment = value.toPython()
    assert isinstance(moment, datetime)
    return moment.replace(tzinfo=OFFICE_TZ, second=0, microsecond=0)


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
        self._button(buttons, self.tr("上移"), lambda: self.move(-1))
        self._button(buttons, self.tr("下移"), lambda: self.move(1))
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
            self.table.editItem(self.table.item(row, 0))
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

    def move(self, step: int) -> None:
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
            data = _agenda_dict(value) if isinstance(value, AgendaItem) else value
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


# --- the form --------------------------------------------------------------------------------


class MeetingForm(FieldMessages, QDialog):
    """新建会议 / 修改会议: fields, live conflicts, then save, book and send the notice."""

    created = Signal(str)
    saved = Signal(str)
    notified = Signal(str)
    ready = Signal()
    checked = Signal()  # the live conflict check has shown its result

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 meeting: Meeting | None = None,
                 initial: Mapping[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting = meeting
        self.org: Organisation | None = None
        self.actor: Actor | None = None
        self.rooms: dict[str, Room] = {}
        self.fields: dict[str, FieldBox] = {}
        self.conflicts: list[tuple[ConflictKind, str]] = []
        self.free: tuple[Room, ...] = ()
        self.warnings: list[str] = []
        self._initial: dict[str, Any] = {}
        self._pending_fill = dict(initial or {})
        self._ics_uid = str(self._pending_fill.pop("ics_uid", "") or "")
        self._generation = 0
        self._busy = False
        self.setWindowTitle(self.tr("修改会议") if meeting else self.tr("新建会议"))
        self._fit_screen()
        self._make_widgets()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.check_now)
        ctx.spawn(self._load(), what=self.tr("读取通讯录"))

    def _fit_screen(self) -> None:
        """Open roomy, but never larger than the screen: a 1024×600 one keeps its buttons."""
        open_size(self, _ROOMY)

    def _make_widgets(self) -> None:
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("如：全市安全生产工作会议"))
        self.meeting_type = QComboBox()
        for kind in MeetingType:
            self.meeting_type.addItem(value_text(kind.value), kind.value)
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
        self.in_room = QRadioButton(self.tr("会议室"))
        self.off_site = QRadioButton(self.tr("外部地点"))
        self.in_room.setChecked(True)
        self.place_group = QButtonGroup(self)
        self.place_group.addButton(self.in_room)
        self.place_group.addButton(self.off_site)
        self.room = QComboBox()
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("会场不在本单位会议室时填写"))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("会议要求、着装、材料报送等"))
        self.notes.setMaximumHeight(56)
        self.check_in_code = QLineEdit()
        self.check_in_code.setPlaceholderText(self.tr("4至8位数字"))
        self.check_in_code.setMaxLength(8)
        self.conflict_text = QLabel(self.tr("正在检查冲突…"))
        self.conflict_text.setWordWrap(True)
        self.conflict_text.setTextFormat(Qt.TextFormat.RichText)
        self.conflict_text.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.free_list = QListWidget()
        # A long room label wraps in the narrow side panel rather than scrolling sideways.
        self.free_list.setWordWrap(True)
        self.free_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.use_room = QPushButton(self.tr("选用此会议室"))
        self.general_error = general_error_label()
        self.state = QLabel()
        self.state.setStyleSheet("color: #2e7d32;")
        self.import_button = QPushButton(self.tr("从日历文件导入…"))
        self.save_button = QPushButton(self.tr("保存草稿"))
        self.book_button = QPushButton(self.tr("预订会议室"))
        self.notice_button = QPushButton(self.tr("发送会议通知"))
        self.close_button = QPushButton(self.tr("关闭"))
        for button in (self.save_button, self.book_button, self.notice_button):
            button.setEnabled(False)

    async def _load(self) -> None:
        org = await self.ctx.organisation()
        actor = await self.ctx.actor()
        rooms: list[Room] = await self.ctx.db(lambda s: s.rooms())
        if not alive(self):
            return
        self.org, self.actor = org, actor
        self.rooms = {r.id: r for r in rooms}
        self._build(org, rooms)
        self._fill_defaults()
        if self.meeting is not None:
            self.fill(meeting_fields(self.meeting))
            self.check_in_code.setText(self.meeting.check_in_code or "")
        if self._pending_fill:
            self.fill(self._pending_fill)
        self._initial = self.values() if self.meeting is not None else {}
        self._connect()
        self.save_button.setEnabled(True)
        self._update_buttons()
        self.check_now()
        self.ready.emit()

    # --- building ----------------------------------------------------------------------------

    def _build(self, org: Organisation, rooms: Sequence[Room]) -> None:
        for room in rooms:
            self.room.addItem(room_label(room), room.id)
        people = active_people(org, self.actor)
        self.host = person_combo(org, people, empty=self.tr("（不指定）"))
        self.recorder = person_combo(org, people, empty=self.tr("（不指定）"))
        self.attendees = AttendeeTree(org)
        self.sit_in = AttendeeTree(org)
        self.agenda = AgendaEditor(self.ctx, org)
        self.people_tabs = QTabWidget()
        self.people_tabs.addTab(self.attendees, self.tr("参会人员"))
        self.people_tabs.addTab(self.sit_in, self.tr("列席人员"))
        for index, tree in enumerate((self.attendees, self.sit_in)):
            label = (self.tr("参会人员（{0}）"), self.tr("列席人员（{0}）"))[index]
            tree.changed.connect(lambda i=index, t=tree, text=label: self.people_tabs.setTabText(
                i, text.format(len(t.selected()))))
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        self._place(grid)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        row = QHBoxLayout()
        row.addWidget(scroll, 3)
        row.addWidget(self._side_panel(), 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.state, 1)
        for button in (self.save_button, self.book_button, self.notice_button,
                       self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)

    def _place(self, grid: QGridLayout) -> None:
        repeat = QWidget()
        repeat_row = QHBoxLayout(repeat)
        repeat_row.setContentsMargins(0, 0, 0, 0)
        repeat_row.addWidget(self.repeat, 1)
        repeat_row.addWidget(self.count)
        place = QWidget()
        place_row = QHBoxLayout(place)
        place_row.setContentsMargins(0, 0, 0, 0)
        place_row.addWidget(self.in_room)
        place_row.addWidget(self.room, 3)
        place_row.addSpacing(12)
        place_row.addWidget(self.off_site)
        place_row.addWidget(self.location, 2)
        top = Qt.AlignmentFlag.AlignTop
        cells: list[tuple[str, QWidget, int, int, int, str | None]] = [
            ("title", self.title, 0, 0, 2, None),
            ("meeting_type", self.meeting_type, 1, 0, 1, None),
            ("recurrence", repeat, 1, 1, 1, self.tr("重复")),
            ("start", self.start, 2, 0, 1, None),
            ("end", self.end, 2, 1, 1, None),
            ("room_id", place, 3, 0, 2, self.tr("会议地点")),
            ("host_id", self.host, 4, 0, 1, None),
            ("recorder_id", self.recorder, 4, 1, 1, None),
            ("attendees", self.people_tabs, 5, 0, 2,
             self.tr("参会人员（可选整个单位，由单位回执参会人）")),
            ("agenda", self.agenda, 6, 0, 2, self.tr("议题（可附材料）")),
            ("notes", self.notes, 7, 0, 1, None),
            ("check_in_code", self.check_in_code, 7, 1, 1,
             self.tr("签到码（发通知时生效，可不填）")),
        ]
        for name, editor, row, column, span, label in cells:
            box = FieldBox(label or tr(FIELD_LABELS[name]), editor)
            self.fields[name] = box
            grows = name in ("attendees", "agenda")
            grid.addWidget(box, row, column, 1, span, Qt.AlignmentFlag(0) if grows else top)
        self.fields["location"] = self.fields["room_id"]
        self.fields["sit_in"] = self.fields["attendees"]
        grid.setRowStretch(5, 0)
        grid.setRowStretch(6, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def _side_panel(self) -> QWidget:
        panel = QWidget()
        panel.setMinimumWidth(300)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("冲突检查"))
        heading.setStyleSheet("font-weight: bold; font-size: 14px;")
        layout.addWidget(heading)
        layout.addWidget(self.conflict_text)
        free = QLabel(self.tr("该时段空闲的会议室："))
        free.setStyleSheet("font-weight: bold;")
        layout.addWidget(free)
        layout.addWidget(self.free_list, 1)
        layout.addWidget(self.use_room)
        return panel

    def _connect(self) -> None:
        for signal in (self.title.textChanged, self.location.textChanged,
                       self.start.dateTimeChanged, self.end.dateTimeChanged,
                       self.repeat.currentIndexChanged, self.count.valueChanged,
                       self.room.currentIndexChanged, self.host.currentIndexChanged,
                       self.recorder.currentIndexChanged, self.in_room.toggled,
                       self.attendees.changed, self.sit_in.changed, self.agenda.changed):
            signal.connect(self._edited)
        self.start.dateTimeChanged.connect(self._start_moved)
        self.in_room.toggled.connect(self._place_changed)
        self.use_room.clicked.connect(self._use_free_room)
        self.free_list.itemDoubleClicked.connect(lambda _item: self._use_free_room())
        self.import_button.clicked.connect(self.choose_ics)
        self.save_button.clicked.connect(self.save)
        self.book_button.clicked.connect(self.book)
        self.notice_button.clicked.connect(self.send_notice)
        self.close_button.clicked.connect(self.reject)
        self._place_changed()

    def _fill_defaults(self) -> None:
        start = default_start(self.ctx.now())
        self.start.setDateTime(_to_qdatetime(start))
        self.end.setDateTime(_to_qdatetime(start + DEFAULT_LENGTH))
        self._last_start = start
        self.count.setEnabled(False)

    # --- values ------------------------------------------------------------------------------

    def fill(self, values: Mapping[str, Any]) -> None:
        """Show field values (from a meeting, an .ics invitation or a clicked free slot)."""
        if "title" in values:
            self.title.setText(str(values["title"] or ""))
        if values.get("meeting_type"):
            index = self.meeting_type.findData(str(values["meeting_type"]))
            self.meeting_type.setCurrentIndex(max(index, 0))
        self._fill_times(values)
        if "room_id" in values or "location" in values:
            self._fill_place(values.get("room_id"), str(values.get("location") or ""))
        for name, combo in (("host_id", self.host), ("recorder_id", self.recorder)):
            if name in values:
                set_combo_id(combo, values[name])
        if "attendees" in values:
            self.attendees.set_selected(values["attendees"] or ())
        if "sit_in" in values:
            self.sit_in.set_selected(values["sit_in"] or ())
        if "agenda" in values:
            self.agenda.set_items(values["agenda"] or ())
        if "notes" in values:
            self.notes.setPlainText(str(values["notes"] or ""))
        if "recurrence" in values:
            self._fill_repeat(values["recurrence"])
        if values.get("ics_uid"):
            self._ics_uid = str(values["ics_uid"])

    def _fill_times(self, values: Mapping[str, Any]) -> None:
        start = _aware(values["start"]) if values.get("start") else None
        end = _aware(values["end"]) if values.get("end") else None
        if start is not None:
            length = end - start if end is not None else self._length()
            self.start.blockSignals(True)
            self.start.setDateTime(_to_qdatetime(start))
            self.start.blockSignals(False)
            self._last_start = _from_qdatetime(self.start.dateTime())
            self.end.setDateTime(_to_qdatetime(start + length))
        elif end is not None:
            self.end.setDateTime(_to_qdatetime(end))

    def _fill_place(self, room_id: Any, location: str) -> None:
        index = self.room.findData(room_id) if room_id else -1
        if index >= 0:
            self.room.setCurrentIndex(index)
            self.in_room.setChecked(True)
        else:
            self.location.setText(location)
            self.off_site.setChecked(bool(location) or self.room.count() == 0)

    def _fill_repeat(self, rule: Any) -> None:
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

    def _length(self) -> timedelta:
        length = _from_qdatetime(self.end.dateTime()) - _from_qdatetime(self.start.dateTime())
        return length if length > timedelta(0) else DEFAULT_LENGTH

    def _recurrence(self) -> str | None:
        frequency = str(self.repeat.currentData() or "")
        if frequency == "custom":
            return getattr(self, "_custom_rule", None)
        return repeat_rule(frequency, self.count.value())

    def values(self) -> dict[str, Any]:
        """Return what the form holds, in the JSON form `create_meeting` parses."""
        in_room = self.in_room.isChecked()
        values: dict[str, Any] = {
            "title": self.title.text(),
            "meeting_type": self.meeting_type.currentData(),
            "start": _from_qdatetime(self.start.dateTime()).isoformat(),
            "end": _from_qdatetime(self.end.dateTime()).isoformat(),
            "room_id": (self.room.currentData() or None) if in_room else None,
            "location": "" if in_room else self.location.text(),
            "host_id": combo_id(self.host) if self.org else None,
            "recorder_id": combo_id(self.recorder) if self.org else None,
            "attendees": self.attendees.selected() if self.org else [],
            "sit_in": self.sit_in.selected() if self.org else [],
            "agenda": self.agenda.values() if self.org else [],
            "notes": self.notes.toPlainText(),
            "recurrence": self._recurrence(),
        }
        if self._ics_uid:
            values["ics_uid"] = self._ics_uid
        return values

    # --- live checks -------------------------------------------------------------------------

    def _edited(self, *_args: object) -> None:
        self.count.setEnabled(bool(self.repeat.currentData())
                              and self.repeat.currentData() != "custom")
        self._check_fields(live=True)
        self._update_buttons()
        self._debounce.start()

    def _start_moved(self, value: QDateTime) -> None:
        # Moving the start keeps the length, as calendars do.
        start = _from_qdatetime(value)
        previous = getattr(self, "_last_start", start)
        end = _from_qdatetime(self.end.dateTime())
        if end > previous:
            self.end.setDateTime(_to_qdatetime(start + (end - previous)))
        self._last_start = start

    def _place_changed(self, *_args: object) -> None:
        self.room.setEnabled(self.in_room.isChecked())
        self.location.setEnabled(self.off_site.isChecked())

    def _check_fields(self, *, live: bool) -> dict[str, str]:
        errors = form_errors(self.values(), base=self.meeting, actor=self.actor,
                             now=self.ctx.now())
        for name, box in self.fields.items():
            if box is self.fields.get("location") and name != "room_id":
                continue
            if box is self.fields.get("sit_in") and name != "attendees":
                continue
            message = errors.get(name, "")
            if name == "room_id":
                message = errors.get("room_id") or errors.get("location", "")
            if name == "attendees":
                message = errors.get("attendees") or errors.get("sit_in", "")
            if live and name not in _LIVE_FIELDS and not self.error_text(name):
                continue  # a blank title is not worth a shout while the person is typing
            box.set_error(message)
        return errors

    def validate(self) -> bool:
        """Show every field's problem beside it; return whether there is none."""
        errors = self._check_fields(live=False)
        known = set(self.fields)
        elsewhere = [m for n, m in errors.items() if n not in known]
        self.show_general(elsewhere[0] if elsewhere else "")
        if errors:
            self.state.clear()  # what was done before is not the outcome of this attempt
        return not errors

    def show_refusal(self, name: str, message: str) -> None:
        """Show one refusal beside its field, or in the general line; no success beside it."""
        self.state.clear()
        super().show_refusal(name, message)

    def _succeeded(self, text: str) -> None:
        """Say what went through, with no refusal of an earlier attempt left beside it."""
        self.show_general("")
        self.state.setText(text)

    def check_now(self) -> None:
        """Check conflicts of what the form holds now (also runs shortly after each edit)."""
        self._debounce.stop()
        self._generation += 1
        self.ctx.spawn(self._check(self._generation), what=self.tr("检查会议冲突"))

    async def _check(self, generation: int) -> None:
        if self.actor is None or self.org is None:
            return
        # Only what decides clashes counts here: a blank title must not hide them.
        values = {k: v for k, v in self.values().items() if k not in ("agenda", "notes")}
        values["title"] = values["title"].strip() or _NEW_ID
        try:
            meeting = proposal(values, base=self.meeting, actor=self.actor, now=self.ctx.now())
        except DomainError:
            self._show_conflicts(None, [], ())
            return
        start, end = booking_window(meeting)
        bookings: list[Booking] = await self.ctx.db(
            lambda s: list(s.meeting_bookings(start, end)))
        if generation != self._generation or not alive(self):
            return
        lines = conflict_lines(find_conflicts(meeting, bookings), org=self.org, rooms=self.rooms)
        self._show_conflicts(meeting, lines, free_rooms_for(meeting, self.rooms.values(),
                                                            bookings))

    def _show_conflicts(self, meeting: Meeting | None, lines: list[tuple[ConflictKind, str]],
                        free: tuple[Room, ...]) -> None:
        self.conflicts, self.free = lines, free
        if meeting is None:
            self.conflict_text.setText(self.tr("请先填写有效的开始和结束时间。"))
        elif not lines:
            when = when_text(meeting.start, meeting.end)
            none = self.tr("没有冲突")  # outside the f-string, where lupdate finds it
            self.conflict_text.setText(f"<span style='color:#2e7d32'>✔ {none}</span><br>"
                                       f"<span style='color:#666'>{when}</span>")
        else:
            self.conflict_text.setText(self._conflict_html(lines))
        self.free_list.clear()
        for room in free:
            item = QListWidgetItem(room_label(room))
            item.setData(Qt.ItemDataRole.UserRole, room.id)
            self.free_list.addItem(item)
        if meeting is not None and not free:
            self.free_list.addItem(QListWidgetItem(self.tr("该时段没有空闲会议室")))
        self.checked.emit()

    def _conflict_html(self, lines: list[tuple[ConflictKind, str]]) -> str:
        parts = []
        for kind, text in lines[:_MAX_CONFLICTS_SHOWN]:
            colour = "#c0392b" if kind is ConflictKind.ROOM else "#b35c00"
            mark = self.tr("会议室冲突") if kind is ConflictKind.ROOM else self.tr("人员冲突")
            line = labelled(f"<b>{mark}</b>", text)
            parts.append(f"<p style='color:{colour}; margin:0 0 6px 0'>{line}</p>")
        if len(lines) > _MAX_CONFLICTS_SHOWN:
            parts.append(self.tr("等共{0}处冲突").format(len(lines)))
        if self.warnings:
            parts.extend(f"<p style='color:#b35c00'>{w}</p>" for w in self.warnings)
        return "".join(parts)

    def _use_free_room(self) -> None:
        item = self.free_list.currentItem()
        room_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if room_id:
            self._fill_place(room_id, "")

    def use_room(self, room_id: str) -> None:
        """Choose a room (for example one offered after a refused booking)."""
        self._fill_place(room_id, "")

    # --- writing -----------------------------------------------------------------------------

    def dirty(self) -> bool:
        """Return whether the form holds changes not yet saved."""
        return self.meeting is None or self.values() != self._initial

    def available(self) -> list[MeetingActionKind]:
        """Return what the person may do with the saved meeting now."""
        if self.meeting is None or self.actor is None:
            return []
        return available_meeting_actions(self.meeting, self.actor, self.ctx.now())

    def _update_buttons(self) -> None:
        allowed = self.available()
        busy = self._busy
        can_edit = self.meeting is None or MeetingActionKind.EDIT in allowed
        self.save_button.setEnabled(not busy and self.org is not None and can_edit)
        can_book = self.meeting is None or MeetingActionKind.BOOK in allowed
        self.book_button.setEnabled(not busy and can_book and self.in_room.isChecked()
                                    and self.room.currentData() is not None)
        can_notify = self.meeting is not None and MeetingActionKind.SEND_NOTICE in allowed
        self.notice_button.setEnabled(not busy and can_notify)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def save(self) -> None:
        """Check the form and save the draft (create it, or edit it)."""
        if not self.validate():
            return
        self.ctx.spawn(self._run(self._save()), what=self.tr("保存会议"))

    async def _run(self, job: Any) -> Any:
        self._set_busy(True)
        try:
            return await job
        finally:
            if alive(self):
                self._set_busy(False)

    async def _save(self) -> bool:
        values = self.values()
        done = tr("草稿已保存，可预订会议室并发送通知")
        try:
            if self.meeting is None:
                meeting: Meeting = await self.ctx.write(
                    actions.create_meeting, person_id=self.ctx.person_id, fields=values,
                    now=self.ctx.now(), kinds=("meeting",), origin=self)
                self.meeting = meeting
                self.setWindowTitle(tr("修改会议"))
                self.created.emit(meeting.id)
            else:
                changes = {k: v for k, v in values.items() if v != self._initial.get(k)}
                notified = self.meeting.status is MeetingStatus.NOTIFIED
                accepted = await self._act(MeetingAction(MeetingActionKind.EDIT,
                                                         changes=changes)) if changes else None
                if changes and accepted is None:
                    return False
                if notified and accepted is not None and accepted.effects:
                    # 会议变更: the rules sent a change notice (and voided replies if the
                    # time moved); a moved meeting must book its room again.
                    done = tr("变更已保存，已向参会人员发出会议变更通知")
                    if accepted.meeting.booking is None and accepted.meeting.room_id:
                        done += tr("；时间或会议室已变，请重新预订会议室")
                self.saved.emit(self.meeting.id)
        except DomainError as error:
            self.show_refusal(str(error.details.get("field", "")), refusal_text(error))
            return False
        self._initial = self.values()
        self._succeeded(done)
        return True

    async def _act(self, action: MeetingAction) -> MeetingAccepted | None:
        assert self.meeting is not None
        outcome: MeetingOutcome = await self.ctx.write(
            actions.act_meeting, person_id=self.ctx.person_id, meeting_id=self.meeting.id,
            action=action, now=self.ctx.now(), kinds=("meeting",), origin=self)
        if isinstance(outcome, MeetingRejected):
            refusal = outcome.rejection
            self.show_refusal(str(refusal.details.get("field", "")), refusal_text(refusal))
            if refusal.code == "meeting.room_taken":
                self._offer_rooms(refusal.details.get("free_rooms") or [])
            return None
        self.meeting = outcome.meeting
        self.warnings = [refusal_text(w) for w in outcome.warnings if w.code not in _CLASH_WARNINGS]
        return outcome

    def _offer_rooms(self, offered: Sequence[Mapping[str, Any]]) -> None:
        self.free_list.clear()
        for data in offered:
            room = self.rooms.get(str(data.get("id")))
            if room is not None:
                item = QListWidgetItem(room_label(room))
                item.setData(Qt.ItemDataRole.UserRole, room.id)
                self.free_list.addItem(item)
        if self.free_list.count():
            self.free_list.setCurrentRow(0)

    def book(self) -> None:
        """Save if needed, then book the chosen room."""
        if not self.validate():
            return
        self.ctx.spawn(self._run(self._book()), what=self.tr("预订会议室"))

    async def _book(self) -> bool:
        if self.dirty() and not await self._save():
            return False
        room_id = self.room.currentData()
        outcome = await self._act(MeetingAction(MeetingActionKind.BOOK, room_id=room_id))
        if outcome is None:
            return False
        booking = outcome.meeting.booking
        pending = booking is not None and booking.state.value == "pending"
        self._initial = self.values()
        self._succeeded(tr("已提交预订，等待会议室审批") if pending else tr("会议室已预订"))
        self.check_now()
        return True

    def send_notice(self) -> None:
        """Send the meeting notice (the draft must be saved and its place confirmed)."""
        self.ctx.spawn(self._run(self._send()), what=self.tr("发送会议通知"))

    async def _send(self) -> bool:
        if self.dirty() and not await self._save():
            return False
        action = MeetingAction(MeetingActionKind.SEND_NOTICE,
                               check_in_code=self.check_in_code.text().strip())
        outcome = await self._act(action)
        if outcome is None:
            return False
        self.notified.emit(outcome.meeting.id)
        self.accept()
        return True

    # --- .ics --------------------------------------------------------------------------------

    def choose_ics(self) -> None:
        """Ask for an .ics invitation and fill the form from it."""
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("导入日历文件"), "",
                                                    self.tr("日历文件 (*.ics)"))
        if path:
            self.import_ics(Path(path))

    def import_ics(self, path: Path) -> bool:
        """Fill the form from an .ics invitation; say why when it cannot be read.

        A file that cancels a meeting, or changes one occurrence of a series, fills nothing:
        the 会议 page's import carries those out against the meetings held here.
        """
        try:
            ics = read_ics(path.read_bytes())
        except OSError as error:
            self.show_refusal("", self.tr("无法读取文件：{0}").format(error.strerror or error))
            return False
        except DomainError as error:
            self.show_refusal("", refusal_text(error))
            return False
        if ics.kind is not ImportKind.CREATE:
            self.show_refusal("", self.tr(
                "该日历文件是取消会议或单独修改某一次会议的通知，不能用来填写"
                "会议；请在“会议”页点“导入日历文件…”办理"))
            return False
        self.fill(invitation_fields(ics.invitation, rooms=self.rooms.values()))
        self.show_general(left_aside_note(ics))
        self.state.setText(self.tr("已从日历文件导入，请核对后保存"))
        return True
