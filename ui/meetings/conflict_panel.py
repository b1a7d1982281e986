"""冲突检查 beside the meeting form: what clashes with the meeting as typed, the rooms free at
its times, and 选用此会议室."""

from __future__ import annotations

from collections.abc import Sequence

from officeapp.meetings import ConflictKind, Meeting
from officeapp.org import Room
from ui.common.qt import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.common.values import labelled
from ui.meetings.occurrences import when_text
from ui.meetings.texts import room_label

_MAX_CONFLICTS_SHOWN = 8


class ConflictPanel(QWidget):
    """The conflicts of the meeting as typed and the free rooms; a room chosen is announced."""

    chosen = Signal(str)  # the id of the room to use

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(300)
        self.text = QLabel(self.tr("正在检查冲突…"))
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.free_list = QListWidget()
        # A long room label wraps in the narrow side panel rather than scrolling sideways.
        self.free_list.setWordWrap(True)
        self.free_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.use_button = QPushButton(self.tr("选用此会议室"))
        self._build()
        self.use_button.clicked.connect(self._use)
        self.free_list.itemDoubleClicked.connect(lambda _item: self._use())

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("冲突检查"))
        heading.setStyleSheet("font-weight: bold; font-size: 14px;")
        layout.addWidget(heading)
        layout.addWidget(self.text)
        free = QLabel(self.tr("该时段空闲的会议室："))
        free.setStyleSheet("font-weight: bold;")
        layout.addWidget(free)
        layout.addWidget(self.free_list, 1)
        layout.addWidget(self.use_button)

    def show_conflicts(self, meeting: Meeting | None, lines: Sequence[tuple[ConflictKind, str]],
                       free: Sequence[Room], *, warnings: Sequence[str]) -> None:
        """Show what clashes (or that nothing does) and the rooms free at the meeting's times."""
        if meeting is None:
            self.text.setText(self.tr("请先填写有效的开始和结束时间。"))
        elif not lines:
            when = when_text(meeting.start, meeting.end)
            none = self.tr("没有冲突")  # outside the f-string, where lupdate finds it
            self.text.setText(f"<span style='color:#2e7d32'>✔ {none}</span><br>"
                              f"<span style='color:#666'>{when}</span>")
        else:
            self.text.setText(self._conflict_html(lines, warnings))
        self.free_list.clear()
        self._add_rooms(free)
        if meeting is not None and not free:
            self.free_list.addItem(QListWidgetItem(self.tr("该时段没有空闲会议室")))

    def offer(self, rooms: Sequence[Room]) -> None:
        """List the rooms a refused booking offered instead, the first chosen."""
        self.free_list.clear()
        self._add_rooms(rooms)
        if self.free_list.count():
            self.free_list.setCurrentRow(0)

    def _add_rooms(self, rooms: Sequence[Room]) -> None:
        for room in rooms:
            item = QListWidgetItem(room_label(room))
            item.setData(Qt.ItemDataRole.UserRole, room.id)
            self.free_list.addItem(item)

    def _conflict_html(self, lines: Sequence[tuple[ConflictKind, str]],
                       warnings: Sequence[str]) -> str:
        parts = []
        for kind, text in lines[:_MAX_CONFLICTS_SHOWN]:
            colour = "#c0392b" if kind is ConflictKind.ROOM else "#b35c00"
            mark = self.tr("会议室冲突") if kind is ConflictKind.ROOM else self.tr("人员冲突")
            line = labelled(f"<b>{mark}</b>", text)
            parts.append(f"<p style='color:{colour}; margin:0 0 6px 0'>{line}</p>")
        if len(lines) > _MAX_CONFLICTS_SHOWN:
            parts.append(self.tr("等共{0}处冲突").format(len(lines)))
        parts.extend(f"<p style='color:#b35c00'>{w}</p>" for w in warnings)
        return "".join(parts)

    def _use(self) -> None:
        item = self.free_list.currentItem()
        room_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if room_id:
            self.chosen.emit(str(room_id))
