"""The form to create or edit a supervision item (督办事项).

It opens empty (新建), prefilled from an incoming document (`fields_from_document`), from a
meeting decision, or from a parent item (分解: a sub-item). Each field is checked with
`officeapp.supervision.fields.parse_fields`, one at a time, so every problem shows beside its
own field; the dialog stays open with everything typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from officeapp.core.verdict import Rejected
from officeapp.documents import Urgency
from officeapp.meetings.model import SUPERVISION_SOURCE, Meeting
from officeapp.meetings.model import Decision as MeetingDecision
from officeapp.org import Organisation, Role
from officeapp.supervision import (
    ActionKind,
    CycleKind,
    LinkKind,
    Source,
    SupervisionAction,
    SupervisionItem,
    fields_from_document,
)
from officeapp.supervision.fields import parse_fields
from officeapp.workflow import Document
from sync.client import actions
from ui.common.context import AppContext, ChangeKind
from ui.common.date_edits import DateEdit
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
    QT_TRANSLATE_NOOP,
    QCheckBox,
    QComboBox,
    QDate,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSize,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)
from ui.common.translate import tr
from ui.common.values import value_text
from ui.documents.action_dialogs import PersonPicker, UnitPicker, unit_tree
from ui.supervision.texts import beijing_day, deadline_text

_CYCLES = ((CycleKind.NONE, QT_TRANSLATE_NOOP("", "不定期")),
           (CycleKind.WEEKLY, QT_TRANSLATE_NOOP("", "每周")),
           (CycleKind.MONTHLY, QT_TRANSLATE_NOOP("", "每月")),
           (CycleKind.CUSTOM, QT_TRANSLATE_NOOP("", "自定义")))
_LABELS = {
    "title": QT_TRANSLATE_NOOP("", "事项名称"), "source": QT_TRANSLATE_NOOP("", "督办来源"),
    "urgency": QT_TRANSLATE_NOOP("", "紧急程度"), "content": QT_TRANSLATE_NOOP("", "督办内容"),
    "lead_unit_id": QT_TRANSLATE_NOOP("", "牵头单位"),
    "co_unit_ids": QT_TRANSLATE_NOOP("", "配合单位"),
    "deadline": QT_TRANSLATE_NOOP("", "办理时限"), "cycle": QT_TRANSLATE_NOOP("", "反馈周期"),
    "informed_ids": QT_TRANSLATE_NOOP("", "阅知领导"),
    "needs_approval": QT_TRANSLATE_NOOP("", "立项审批"),
    "approver_id": QT_TRANSLATE_NOOP("", "审批领导"),
    "source_link": QT_TRANSLATE_NOOP("", "来源记录"),
}


def fields_from_decision(meeting: Meeting, decision: MeetingDecision) -> dict[str, Any]:
    """Return the fields of an item opened from a meeting's decision (会议议定)."""
    first = decision.text.splitlines()[0] if decision.text else ""
    fields: dict[str, Any] = {
        "title": first if len(first) <= 60 else first[:59] + "…",
        "source": SUPERVISION_SOURCE, "content": decision.text,
        "source_link": {"kind": LinkKind.MEETING_DECISION.value, "record_id": meeting.id,
                        "label": f"{meeting.title}第{decision.no}项议定事项"},
        "lead_unit_id": decision.lead_unit_id, "co_unit_ids": list(decision.co_unit_ids),
    }
    if decision.deadline is not None:
        fields["deadline"] = decision.deadline.isoformat()
    return fields


def _day(value: Any) -> date | None:
    """Return the Beijing day of a deadline given as a datetime, a date or an ISO text."""
    if isinstance(value, datetime):
        return beijing_day(value)
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return beijing_day(datetime.fromisoformat(value)) if len(value) > 10 else (
                date.fromisoformat(value))
        except ValueError:
            return None
    return None


def item_fields(item: SupervisionItem) -> dict[str, Any]:
    """Return an item's editable fields as the form holds them."""
    link = item.source_link
    return {
        "title": item.title, "source": item.source.value, "urgency": item.urgency.value,
        "content": item.content, "lead_unit_id": item.lead_unit_id,
        "co_unit_ids": list(item.co_unit_ids), "informed_ids": list(item.informed_ids),
        "deadline": beijing_day(item.deadline).isoformat() if item.deadline else None,
        "cycle": {"kind": item.cycle.kind.value, "days": item.cycle.days},
        "needs_approval": item.needs_approval, "approver_id": item.approver_id,
        "source_link": None if link is None else {
            "kind": link.kind.value, "record_id": link.record_id, "label": link.label},
    }


class SupervisionForm(RecordForm, QDialog):
    """新建督办事项 / 修改督办事项 / 分解: fields with messages; OK writes offline."""

    created = Signal(str)  # the id of the new item
    saved = Signal(str)  # the id of the edited item
    ready = Signal()  # the directory is loaded and the form can be used

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 item: SupervisionItem | None = None, prefill: Mapping[str, Any] | None = None,
                 parent_item: SupervisionItem | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        self.parent_item = parent_item
        self.prefill = dict(prefill or {})
        self.fields: dict[str, FieldBox] = {}
        self._initial: dict[str, Any] = {}
        self._link: dict[str, Any] | None = None
        if item is not None:
            title = tr("修改督办事项")
        elif parent_item is not None:
            title = tr("分解督办事项")
        else:
            title = tr("新建督办事项")
        self.setWindowTitle(title)
        open_size(self, QSize(900, 760))
        self._make_editors()
        self.grid = QGridLayout()
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        self.origin.setStyleSheet("color: #1f5f99;")
        self.origin.hide()
        self.general_error = general_error_label()
        self.buttons, self.ok_button = ok_cancel_buttons()
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.origin)
        layout.addLayout(self.grid, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        ctx.spawn(self._load(), what=tr("读取通讯录"))

    @classmethod
    def from_document(cls, ctx: AppContext, document: Document,
                      parent: QWidget | None = None) -> SupervisionForm:
        """Return the form prefilled from an incoming document (来文)."""
        return cls(ctx, parent, prefill=fields_from_document(document))

    @classmethod
    def from_decision(cls, ctx: AppContext, meeting: Meeting, decision: MeetingDecision,
                      parent: QWidget | None = None) -> SupervisionForm:
        """Return the form prefilled from a meeting decision (会议议定)."""
        return cls(ctx, parent, prefill=fields_from_decision(meeting, decision))

    def _make_editors(self) -> None:
        self.title = QLineEdit()
        self.title.setPlaceholderText(tr("如：推进全市数字政府建设"))
        self.source = QComboBox()
        for source in Source:
            self.source.addItem(value_text(source.value), source.value)
        self.urgency = QComboBox()
        for urgency in (Urgency.NORMAL, Urgency.URGENT, Urgency.EXTRA_URGENT):
            self.urgency.addItem(value_text(urgency.value), urgency.value)
        self.content = QPlainTextEdit()
        self.content.setPlaceholderText(tr("督办的具体内容和工作要求"))
        self.lead = QComboBox()
        self.has_deadline = QCheckBox(tr("设定办理时限"))
        self.has_deadline.setChecked(True)
        self.deadline = DateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.cycle = QComboBox()
        for kind, label in _CYCLES:
            self.cycle.addItem(tr(label), kind.value)
        self.cycle_days = QSpinBox()
        self.cycle_days.setRange(1, 366)
        self.cycle_days.setValue(14)
        self.cycle_days.setSuffix(tr(" 天"))
        self.cycle_days.setEnabled(False)
        self.cycle.currentIndexChanged.connect(
            lambda _i: self.cycle_days.setEnabled(self.cycle.currentData() == "custom"))
        self.needs_approval = QCheckBox(tr("立项须经领导审批"))
        self.approver = QComboBox()
        self.approver.setEnabled(False)
        self.needs_approval.toggled.connect(self.approver.setEnabled)
        self.co_units: UnitPicker | None = None
        self.informed: PersonPicker | None = None

    async def _load(self) -> None:
        org = await self.ctx.organisation()
        today = beijing_day(self.ctx.now())
        if not alive(self):
            return
        self._build(org, today)
        base = item_fields(self.item) if self.item is not None else self._new_values()
        self._fill(base)
        self._initial = self.values()
        self.ok_button.setEnabled(True)
        self.ready.emit()

    def _new_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if self.parent_item is not None:
            parent = item_fields(self.parent_item)
            values = {k: parent[k] for k in ("source", "urgency", "informed_ids", "deadline",
                                             "source_link", "cycle")}
        values.update(self.prefill)
        return values

    def _build(self, org: Organisation, today: date) -> None:
        self.lead.addItem(tr("（请选择）"), "")
        for unit, depth in unit_tree(org):
            self.lead.addItem("\u3000" * depth + unit.name, unit.id)
        self.co_units = UnitPicker(org)
        self.co_units.list.setMaximumHeight(150)
        leaders = [p for p in org.people.values() if p.active and Role.LEADER in p.roles]
        leaders.sort(key=lambda p: (org.units[p.unit_id].sort_order
                                    if p.unit_id in org.units else 0, p.name))
        self.informed = PersonPicker(org, leaders, multiple=True)
        self.informed.list.setMaximumHeight(150)
        self.approver.addItem(tr("督查单位任一领导"), "")
        for person in leaders:
            self.approver.addItem(person.name, person.id)
        due = today + timedelta(days=30)
        self.deadline.setDate(QDate(due.year, due.month, due.day))
        if self.item is None:  # an edit may need to fix a deadline already past
            self.deadline.setMinimumDate(QDate(today.year, today.month, today.day))
        self._place()

    def _place(self) -> None:
        assert self.co_units is not None and self.informed is not None
        self._add("title", self.title, 0, 0, span=3)
        self._add("source", self.source, 1, 0)
        self._add("urgency", self.urgency, 1, 1)
        deadline = QWidget()
        row = QHBoxLayout(deadline)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.has_deadline)
        row.addWidget(self.deadline, 1)
        self._add("deadline", deadline, 1, 2)
        self._add("content", self.content, 2, 0, span=3)
        self._add("lead_unit_id", self.lead, 3, 0)
        cycle = QWidget()
        row = QHBoxLayout(cycle)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.cycle, 1)
        row.addWidget(self.cycle_days)
        self._add("cycle", cycle, 3, 1)
        approval = QWidget()
        # The approver under the box: side by side, in English, they widened the form past
        # a 1024 wide screen.
        stacked = QVBoxLayout(approval)
        stacked.setContentsMargins(0, 0, 0, 0)
        stacked.addWidget(self.needs_approval)
        stacked.addWidget(self.approver)
        self._add("needs_approval", approval, 3, 2)
        self.fields["approver_id"] = self.fields["needs_approval"]
        self._add("co_unit_ids", self.co_units, 4, 0, span=2, label=tr("配合单位（可不选）"))
        self._add("informed_ids", self.informed, 4, 2, label=tr("阅知领导（可不选）"))
        self.grid.setRowStretch(2, 1)
        for column in range(3):
            self.grid.setColumnStretch(column, 1)

    def _add(self, name: str, editor: QWidget, row: int, column: int, *, span: int = 1,
             label: str | None = None) -> None:
        field = FieldBox(label or tr(_LABELS[name]), editor)
        self.fields[name] = field
        grows = isinstance(editor, QPlainTextEdit | UnitPicker | PersonPicker)
        align = Qt.AlignmentFlag(0) if grows else Qt.AlignmentFlag.AlignTop
        self.grid.addWidget(field, row, column, 1, span, align)

    def _fill(self, values: Mapping[str, Any]) -> None:
        self.title.setText(str(values.get("title") or ""))
        _choose(self.source, values.get("source"))
        _choose(self.urgency, values.get("urgency"))
        self.content.setPlainText(str(values.get("content") or ""))
        _choose(self.lead, values.get("lead_unit_id") or "")
        if self.co_units is not None:
            self.co_units.set_selected(values.get("co_unit_ids") or ())
        if self.informed is not None:
            self.informed.set_selected(values.get("informed_ids") or ())
        day = _day(values.get("deadline"))
        if day is not None:
            self.deadline.setDate(QDate(day.year, day.month, day.day))
        self.has_deadline.setChecked(day is not None or "deadline" not in values)
        cycle = values.get("cycle") or {}
        _choose(self.cycle, cycle.get("kind", "none"))
        if cycle.get("kind") == "custom":
            self.cycle_days.setValue(int(cycle.get("days") or 14))
        self.needs_approval.setChecked(bool(values.get("needs_approval")))
        _choose(self.approver, values.get("approver_id") or "")
        self._link = values.get("source_link")
        self._show_origin()

    def _show_origin(self) -> None:
        parts = []
        if self.parent_item is not None:
            parts.append(tr("分解自：{0}（时限 {1}）").format(
                self.parent_item.title, deadline_text(self.parent_item.deadline)))
        if self._link:
            parts.append(tr("来源记录：{0}").format(self._link.get("label") or
                                                   self._link.get("record_id")))
        self.origin.setText("\n".join(parts))
        self.origin.setVisible(bool(parts))

    # --- values, checking and writing --------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """Return what the form holds, in the JSON-friendly form the rules parse."""
        day = self.deadline.date().toPython()
        kind = str(self.cycle.currentData())
        values: dict[str, Any] = {
            "title": self.title.text().strip(), "source": self.source.currentData(),
            "urgency": self.urgency.currentData(), "content": self.content.toPlainText(),
            "lead_unit_id": self.lead.currentData() or None,
            "co_unit_ids": self.co_units.selected() if self.co_units else [],
            "informed_ids": self.informed.selected() if self.informed else [],
            "deadline": day.isoformat() if self.has_deadline.isChecked()
            and isinstance(day, date) else None,
            "cycle": {"kind": kind, "days": self.cycle_days.value() if kind == "custom" else 0},
            "needs_approval": self.needs_approval.isChecked(),
            "approver_id": (self.approver.currentData() or None)
            if self.needs_approval.isChecked() else None,
        }
        if self._link:
            values["source_link"] = dict(self._link)
        return values

    def errors(self, values: Mapping[str, Any]) -> dict[str, str]:
        """Return the message for each field the rules (or an empty title) refuse."""
        errors = field_errors(values, parse_fields)
        if not str(values.get("title", "")).strip():
            errors.setdefault("title", tr("事项名称不能为空"))
        return errors

    def editing(self) -> SupervisionItem | None:
        """Return the item being edited; None when creating one."""
        return self.item

    async def _create(self, values: dict[str, Any]) -> SupervisionItem:
        parent_id = self.parent_item.id if self.parent_item is not None else None
        item: SupervisionItem = await self.ctx.write(
            actions.create_supervision_item, person_id=self.ctx.person_id, fields=values,
            parent_id=parent_id, now=self.ctx.now(),
            kinds=(ChangeKind.SUPERVISION,), origin=self)
        return item

    async def _edit(self, item: SupervisionItem, values: dict[str, Any]) -> bool:
        changes = {k: v for k, v in values.items() if v != self._initial.get(k)}
        if not changes:
            return True
        decision = await self.ctx.write(
            actions.act_supervision, person_id=self.ctx.person_id, item_id=item.id,
            now=self.ctx.now(),
            action=SupervisionAction(ActionKind.EDIT, changes=changes),
            kinds=(ChangeKind.SUPERVISION,), origin=self)
        if isinstance(decision, Rejected):
            refusal = decision.rejection
            self.show_refusal(str(refusal.details.get("field", "")), refusal_text(refusal))
            return False
        return True


def _choose(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)
