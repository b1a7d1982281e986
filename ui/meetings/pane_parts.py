"""The parts of the meeting pane that hold their own state: the minutes editor (纪要 and its
议定事项) and the offer of free rooms after a booking was refused."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from officeapp.meetings import Decision, Meeting, attendance
from officeapp.org import Organisation, Room
from ui.common import times
from ui.common.fit import FlowLayout, scrolling
from ui.common.pickers import combo_id, set_combo_id
from ui.common.qt import (
    QAbstractItemView,
    QComboBox,
    QDate,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.documents.action_dialogs import unit_tree
from ui.meetings.rendering import attendance_html
from ui.meetings.texts import room_label

_NO_DEADLINE = QDate(2000, 1, 1)


class MinutesEditor(QWidget):
    """纪要: text and decisions (议定事项 with lead unit and deadline), and the attendance lists."""

    record = Signal()
    publish = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.org: Organisation | None = None
        self._supervision: list[str | None] = []
        self._co_units: list[tuple[str, ...]] = []
        self.state = QLabel()
        self.state.setStyleSheet("color: #555;")
        self.state.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("纪要正文：会议议定的事项之外的内容，段落之间空一行"))
        self.decisions = QTableWidget(0, 4)
        self.decisions.setHorizontalHeaderLabels([self.tr("议定事项"), self.tr("牵头单位"),
                                                  self.tr("完成时限"), self.tr("督办")])
        self.decisions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.decisions.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 150)
        header.resizeSection(2, 120)
        header.resizeSection(3, 80)
        self.attendance = QLabel()
        self.attendance.setWordWrap(True)
        self.attendance.setTextFormat(Qt.TextFormat.RichText)
        self.add_button = QPushButton(self.tr("添加议定事项"))
        self.remove_button = QPushButton(self.tr("删除议定事项"))
        self.save_button = QPushButton(self.tr("保存纪要"))
        self.publish_button = QPushButton(self.tr("印发纪要"))
        self._build()
        self.add_button.clicked.connect(lambda: self.add_decision())
        self.remove_button.clicked.connect(self._remove)
        self.save_button.clicked.connect(self.record.emit)
        self.publish_button.clicked.connect(self.publish.emit)

    def _build(self) -> None:
        buttons = FlowLayout()  # wraps in a narrow pane
        for button in (self.add_button, self.remove_button, self.save_button,
                       self.publish_button):
            buttons.addWidget(button)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.state)
        layout.addWidget(self.text, 3)
        layout.addWidget(QLabel(self.tr("议定事项")))
        layout.addWidget(self.decisions, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.attendance)
        # A short window (1024×600) scrolls the minutes rather than growing past the screen.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content))

    def set_meeting(self, meeting: Meeting, org: Organisation, *, editable: bool,
                    publishable: bool, keep_edits: bool) -> None:
        """Show the meeting's minutes (or an empty editor), editable when the rules allow."""
        self.org = org
        minutes = meeting.minutes
        if not keep_edits:
            self.text.setPlainText(minutes.text if minutes else "")
            self.decisions.setRowCount(0)
            self._supervision, self._co_units = [], []
            for decision in minutes.decisions if minutes else ():
                self.add_decision(decision)
            self.mark_saved()
        published = minutes is not None and minutes.published_at is not None
        if published and minutes is not None and minutes.published_at is not None:
            self.state.setText(self.tr("纪要已于{0}印发").format(
                times.minute_text(minutes.published_at)))
        elif minutes is not None:
            self.state.setText(self.tr("纪要已保存（{0}），尚未印发").format(
                times.minute_text(minutes.recorded_at)))
        else:
            self.state.setText(self.tr("会议开始后，记录人或会务人员可记录纪要"))
        self.text.setReadOnly(not editable)
        self.decisions.setEnabled(editable or published)
        for button in (self.add_button, self.remove_button, self.save_button):
            button.setVisible(editable)
        self.publish_button.setVisible(publishable)
        lists = minutes.attendance if published and minutes else attendance(meeting)
        self.attendance.setText(attendance_html(org, lists, heading=self.tr("参会情况")))

    def add_decision(self, decision: Decision | None = None) -> None:
        """Append a decision row."""
        assert self.org is not None
        row = self.decisions.rowCount()
        self.decisions.insertRow(row)
        self.decisions.setItem(row, 0, QTableWidgetItem(decision.text if decision else ""))
        lead = QComboBox()
        lead.addItem(self.tr("（不指定）"), "")
        for unit, depth in unit_tree(self.org):
            lead.addItem("\u3000" * depth + unit.name, unit.id)
        set_combo_id(lead, decision.lead_unit_id if decision else None)
        self.decisions.setCellWidget(row, 1, lead)
        deadline = QDateEdit()
        deadline.setCalendarPopup(True)
        deadline.setDisplayFormat("yyyy-MM-dd")
        deadline.setMinimumDate(_NO_DEADLINE)
        deadline.setSpecialValueText(self.tr("未定"))
        due = decision.deadline if decision else None
        deadline.setDate(QDate(due.year, due.month, due.day) if due else _NO_DEADLINE)
        self.decisions.setCellWidget(row, 2, deadline)
        item_id = decision.supervision_item_id if decision else None
        state = QTableWidgetItem(self.tr("已立项") if item_id else "")
        state.setFlags(state.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.decisions.setItem(row, 3, state)
        self._supervision.append(item_id)
        self._co_units.append(decision.co_unit_ids if decision else ())

    def mark_saved(self) -> None:
        """Take what the editor holds as saved (it is no longer dirty)."""
        self._saved = self.values()

    def dirty(self) -> bool:
        """Return whether the editor holds text or decisions not yet saved."""
        return self.values() != getattr(self, "_saved", ("", ()))

    def _remove(self) -> None:
        row = self.decisions.currentRow()
        if 0 <= row < self.decisions.rowCount():
            self.decisions.removeRow(row)
            del self._supervision[row]
            del self._co_units[row]

    def values(self) -> tuple[str, tuple[Decision, ...]]:
        """Return the text and the decisions typed."""
        found = []
        for row in range(self.decisions.rowCount()):
            item = self.decisions.item(row, 0)
            text = item.text().strip() if item else ""
            lead = self.decisions.cellWidget(row, 1)
            deadline = self.decisions.cellWidget(row, 2)
            day = deadline.date() if isinstance(deadline, QDateEdit) else _NO_DEADLINE
            due = day.toPython() if day != _NO_DEADLINE else None
            found.append(Decision(
                row + 1, text, combo_id(lead) if isinstance(lead, QComboBox) else None,
                self._co_units[row], due if isinstance(due, date) else None,
                self._supervision[row]))
        return self.text.toPlainText(), tuple(found)


class RoomOffer(QFrame):
    """Why a booking was refused, and the free rooms to book instead."""

    rebook = Signal(str)  # room id
    dismiss = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("RoomOffer { background: #fdecea; border: 1px solid #e6a19a;"
                           " border-radius: 4px; }")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a1f11; background: transparent; border: none;")
        self.rooms = QComboBox()
        self.book_button = QPushButton(self.tr("改订此会议室"))
        self.close_button = QPushButton(self.tr("知道了"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("空闲会议室：")))
        row.addWidget(self.rooms, 1)
        row.addWidget(self.book_button)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.book_button.clicked.connect(self._rebook)
        self.close_button.clicked.connect(self.dismiss.emit)
        self.hide()

    def offer(self, message: str, free: Sequence[Mapping[str, Any]],
              rooms: Mapping[str, Room]) -> None:
        """Show the refusal and the rooms offered with it."""
        self.message.setText(message)
        self.rooms.clear()
        for data in free:
            room = rooms.get(str(data.get("id")))
            label = room_label(room) if room else str(data.get("name") or data.get("id"))
            self.rooms.addItem(label, str(data.get("id")))
        has_rooms = self.rooms.count() > 0
        self.rooms.setVisible(has_rooms)
        self.book_button.setVisible(has_rooms)
        self.show()

    def _rebook(self) -> None:
        room_id = self.rooms.currentData()
        if room_id:
            self.rebook.emit(str(room_id))
