"""Room availability: rooms down the side, days across, busy slots coloured with their titles.

Built with `officeapp.meetings.room_grid` over the bookings the local store holds; clicking a
free slot starts a meeting in that room at that time, clicking a busy one opens its meeting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from officeapp.clock import local
from officeapp.meetings import Booking, BusySlot, room_grid
from officeapp.org import Room
from officeapp.store import LocalStore
from ui.common import times
from ui.common.context import AppContext, ChangeKind, Changes
from ui.common.latest_load import LatestLoad
from ui.common.qt import (
    QButtonGroup,
    QColor,
    QFont,
    QLabel,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QRectF,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.common.translate import tr
from ui.common.values import weekday_text
from ui.meetings.meeting_calendar import add_modes, period_bar
from ui.meetings.occurrences import (
    LONG_DAY,
    MONTH_DAY,
    clock,
    day_start,
    hour_range,
    local_zone,
    today,
    week_monday,
)

BOOKED = ("#cfe0f7", "#123e73")
PENDING = ("#fbe3c4", "#8a4b00")
SLOT_MINUTES = 30


@dataclass(frozen=True)
class Hit:
    """What lies under the pointer: a busy slot, or a free moment in a room."""

    room: Room
    start: datetime
    slot: BusySlot | None = None


class RoomGridView(QWidget):
    """The painted grid; `show_grid` gives it rooms, days and the busy slots.

    A single day is a timeline per room with the titles on the bars. A week shows, per room
    and day, a thin timeline of the day and the meetings listed under it, so titles stay
    readable in a narrow column.
    """

    free_clicked = Signal(str, object)  # room id, start (aware datetime)
    meeting_clicked = Signal(str)

    NAMES = 150  # the room names' column; it gives up to NARROW to the days on a small screen
    NARROW = 110
    HEADER = 46
    ROW = 56
    STRIP = 10
    LINE = 19

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rooms: list[Room] = []
        self.days: list[date] = []
        self.slots: dict[str, tuple[tuple[BusySlot, ...], ...]] = {}
        self.hours = (8, 20)
        self.today = today()
        self._tops: list[float] = []
        self._rects: list[tuple[QRectF, Room, BusySlot]] = []
        self.setMouseTracking(True)

    @property
    def week(self) -> bool:
        """Return whether several days are shown (the compact layout)."""
        return len(self.days) > 1

    def show_grid(self, rooms: Sequence[Room], days: Sequence[date],
                  slots: dict[str, tuple[tuple[BusySlot, ...], ...]], *, today: date) -> None:
        """Show the busy slots of `rooms` over `days`."""
        self.rooms, self.days, self.slots, self.today = list(rooms), list(days), slots, today
        spans = [(s.start, s.end) for per_room in slots.values() for day in per_room for s in day]
        self.hours = hour_range(spans, self.days)
        self._tops = [float(self.HEADER)]
        for room in self.rooms:
            self._tops.append(self._tops[-1] + self._height(room))
        self.setMinimumHeight(int(self._tops[-1]) + 2)
        # Narrow enough for a week beside the meeting pane on a 1024×600 screen.
        self.setMinimumWidth(self.NARROW + self._day_width(narrowest=True) * len(self.days))
        self.update()

    def _height(self, room: Room) -> float:
        if not self.week:
            return self.ROW
        most = max((len(day) for day in self.slots.get(room.id, ())), default=0)
        return max(self.ROW, self.STRIP + 12 + most * self.LINE)

    # --- geometry ----------------------------------------------------------------------------

    def _column(self, index: int) -> tuple[float, float]:
        names = self.names_width()
        width = (self.width() - names - 2) / max(len(self.days), 1)
        return names + index * width, width

    def _day_width(self, *, narrowest: bool) -> int:
        if self.week:
            return 56 if narrowest else 72
        return 400 if narrowest else 480

    def names_width(self) -> int:
        """Return the width of the room names: what the days leave, between NARROW and NAMES."""
        spare = self.width() - self._day_width(narrowest=False) * len(self.days)
        return min(max(spare, self.NARROW), self.NAMES)

    def _x(self, moment: datetime, index: int) -> float:
        left, width = self._column(index)
        first, last = self.hours
        at = local(moment)
        day = self.days[index]
        hours = 0.0 if at.date() < day else 24.0 if at.date() > day else (
            at.hour + at.minute / 60)
        hours = min(max(hours, first), last)
        return left + (hours - first) / (last - first) * width

    def hit(self, x: float, y: float) -> Hit | None:
        """Return what is at a point of the grid."""
        row = next((i for i in range(len(self.rooms))
                    if self._tops[i] <= y < self._tops[i + 1]), None)
        if x < self.names_width() or row is None:
            return None
        room = self.rooms[row]
        for rect, owner, slot in self._rects:
            if owner.id == room.id and rect.contains(x, y):
                return Hit(room, slot.start, slot)
        index = next((i for i in range(len(self.days))
                      if self._column(i)[0] <= x < sum(self._column(i))), None)
        if index is None:
            return None
        if self.week and y > self._tops[row] + self.STRIP + 6:
            return Hit(room, self._first_free(room, index))
        left, width = self._column(index)
        first, last = self.hours
        minutes = first * 60 + (x - left) / width * (last - first) * 60
        minutes = int(minutes // SLOT_MINUTES * SLOT_MINUTES)
        return Hit(room, day_start(self.days[index]) + timedelta(minutes=minutes))

    def _first_free(self, room: Room, index: int) -> datetime:
        """Return the first free half hour of a room's day from 9:00 (9:00 when none is)."""
        busy = self.slots.get(room.id, ())[index] if self.slots.get(room.id) else ()
        base = day_start(self.days[index])
        for minutes in range(9 * 60, self.hours[1] * 60, SLOT_MINUTES):
            start = base + timedelta(minutes=minutes)
            end = start + timedelta(minutes=SLOT_MINUTES)
            if not any(s.start < end and s.end > start for s in busy):
                return start
        return base + timedelta(hours=9)

    # --- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the rooms, the day columns with their hours, and the busy slots."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        self._rects = []
        for index, day in enumerate(self.days):
            self._paint_column(painter, index, day)
        for row, room in enumerate(self.rooms):
            self._paint_room(painter, row, room)
        painter.end()

    def _paint_column(self, painter: QPainter, index: int, day: date) -> None:
        left, width = self._column(index)
        if day == self.today:
            painter.fillRect(QRectF(left, 0, width, self.height()), QColor("#f5f9ff"))
        painter.setPen(QPen(QColor("#333333") if day != self.today else QColor("#1f6fb2")))
        weekday = tr("周{0}").format(weekday_text(day))
        label = tr("{0}日 {1}").format(day.day, weekday) if self.week else \
            tr("{0}月{1}日 {2}").format(day.month, day.day, weekday)
        painter.drawText(QRectF(left, 2, width, 20), Qt.AlignmentFlag.AlignCenter, label)
        first, last = self.hours
        per_hour = width / (last - first)
        step = 1 if per_hour >= 28 else 2 if per_hour >= 13 else 4
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 2, 7))
        painter.setFont(small)
        for hour in range(first, last + 1):
            x = left + (hour - first) * per_hour
            if not self.week:
                painter.setPen(QPen(QColor("#ececec")))
                painter.drawLine(int(x), self.HEADER, int(x), self.height())
            if hour % step == 0 and hour < last:
                painter.setPen(QPen(QColor("#888888")))
                painter.drawText(QRectF(x + 2, 24, 30, 18), Qt.AlignmentFlag.AlignLeft, str(hour))
        painter.setFont(QFont(self.font()))
        painter.setPen(QPen(QColor("#b8b8b8")))
        painter.drawLine(int(left), 0, int(left), self.height())

    def _paint_room(self, painter: QPainter, row: int, room: Room) -> None:
        top = self._tops[row]
        painter.setPen(QPen(QColor("#d0d0d0")))
        painter.drawLine(0, int(top), self.width(), int(top))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QPen(QColor("#222222")))
        left_top = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignVCenter)
        names = self.names_width() - 12
        painter.drawText(QRectF(8, top + 4, names, 22), left_top,
                         painter.fontMetrics().elidedText(room.name, Qt.TextElideMode.ElideRight,
                                                          names))
        painter.setFont(QFont(self.font()))
        painter.setPen(QPen(QColor("#777777")))
        facts = " · ".join(f for f in (self.tr("{0}人").format(room.capacity) if room.capacity
                                       else "", self.tr("需审批") if room.needs_approval else "",
                                       room.building) if f)
        painter.drawText(QRectF(8, top + 26, names, 22), left_top,
                         painter.fontMetrics().elidedText(facts, Qt.TextElideMode.ElideRight,
                                                          names))
        per_day = self.slots.get(room.id, ())
        for index, day_slots in enumerate(per_day[:len(self.days)]):
            if self.week:
                self._paint_cell(painter, room, index, top, day_slots)
            else:
                for slot in day_slots:
                    self._paint_bar(painter, room, index, top, slot)

    def _paint_bar(self, painter: QPainter, room: Room, index: int, top: float,
                   slot: BusySlot) -> None:
        x0, x1 = self._x(slot.start, index), self._x(slot.end, index)
        rect = QRectF(x0 + 1, top + 4, max(x1 - x0 - 2, 4), self.ROW - 8)
        fill, text = PENDING if slot.pending else BOOKED
        painter.setPen(QPen(QColor(text), 1))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(rect, 3, 3)
        self._rects.append((rect, room, slot))
        inner = rect.adjusted(4, 2, -3, -2)
        if inner.width() < 24:
            return  # too narrow for words; the tooltip names it
        metrics = painter.fontMetrics()
        width = int(inner.width())
        lines = [metrics.elidedText(slot.title, Qt.TextElideMode.ElideRight, width),
                 metrics.elidedText(f"{clock(slot.start)}–{clock(slot.end)}",
                                    Qt.TextElideMode.ElideRight, width)]
        painter.setPen(QPen(QColor(text)))
        painter.drawText(inner, int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop),
                         "\n".join(lines))

    def _paint_cell(self, painter: QPainter, room: Room, index: int, top: float,
                    day_slots: tuple[BusySlot, ...]) -> None:
        left, width = self._column(index)
        strip = QRectF(left + 3, top + 5, width - 6, self.STRIP)
        painter.setPen(QPen(QColor("#dddddd")))
        painter.setBrush(QColor("#f4f4f4"))
        painter.drawRect(strip)
        metrics = painter.fontMetrics()
        for number, slot in enumerate(day_slots):
            fill, text = PENDING if slot.pending else BOOKED
            x0, x1 = self._x(slot.start, index), self._x(slot.end, index)
            bar = QRectF(x0, strip.top(), max(x1 - x0, 2), strip.height())
            painter.fillRect(bar, QColor(text))
            self._rects.append((bar, room, slot))
            line = QRectF(left + 3, strip.bottom() + 4 + number * self.LINE, width - 6,
                          self.LINE - 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(fill))
            painter.drawRoundedRect(line, 2, 2)
            painter.setPen(QPen(QColor(text)))
            label = metrics.elidedText(f"{clock(slot.start)} {slot.title}",
                                       Qt.TextElideMode.ElideRight, int(line.width()) - 6)
            painter.drawText(line.adjusted(3, 0, -3, 0),
                             int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignVCenter),
                             label)
            self._rects.append((line, room, slot))

    # --- the pointer -------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Open a busy slot's meeting, or start a meeting in a free one."""
        point = event.position()
        found = self.hit(point.x(), point.y())
        if found is None:
            return
        if found.slot is not None:
            self.meeting_clicked.emit(found.slot.meeting_id)
        else:
            self.free_clicked.emit(found.room.id, found.start)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Say what a click here would do."""
        point = event.position()
        found = self.hit(point.x(), point.y())
        self.setToolTip(_hint(found))
        self.setCursor(Qt.CursorShape.ArrowCursor if found is None
                       else Qt.CursorShape.PointingHandCursor)


def _hint(found: Hit | None) -> str:
    if found is None:
        return ""
    if found.slot is None:
        return tr("{0} {1} 空闲，点击在此新建会议").format(found.room.name, clock(found.start))
    slot = found.slot
    lines = [slot.title, f"{found.room.name} {clock(slot.start)}–{clock(slot.end)}"]
    if slot.booked_by_name:
        lines.append(tr("预订人：{0}").format(slot.booked_by_name))
    if slot.pending:
        lines.append(tr("（待审批）"))
    return "\n".join(lines)


class RoomGrid(QWidget):
    """The room grid with its day / week switch and navigation."""

    slot_chosen = Signal(str, object)  # room id, start: start a meeting there
    meeting_selected = Signal(str)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.mode = "week"
        self.anchor = today()
        self.bookings: list[Booking] = []
        self._loads = LatestLoad(self, ctx, what=self.tr("读取会议室占用情况"))
        self.view = RoomGridView()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold")
        self.mode_buttons = QButtonGroup(self)
        self._build()
        self.view.free_clicked.connect(self.slot_chosen.emit)
        self.view.meeting_clicked.connect(self.meeting_selected.emit)
        ctx.changed.connect(self._changed)

    def _build(self) -> None:
        bar = period_bar(self.title, self.tr("今天"), step=self.step, today=self.go_today)
        legend = QLabel(self.tr("<span style='background:{0}'>&nbsp;已预订&nbsp;</span> "
                            "<span style='background:{1}'>&nbsp;待审批&nbsp;</span> "
                            "空白处可点击新建会议").format(BOOKED[0], PENDING[0]))
        legend.setStyleSheet("color: #555")
        # On a line of its own, wrapped: in the bar it squeezed the period's title.
        legend.setWordWrap(True)
        add_modes(bar, self.mode_buttons, [("day", tr("日")), ("week", tr("周"))], self.mode,
                  choose=self.set_mode)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(legend)
        layout.addWidget(scroll, 1)

    def days(self) -> list[date]:
        """Return the days shown."""
        if self.mode == "day":
            return [self.anchor]
        monday = week_monday(self.anchor)
        return [monday + timedelta(days=i) for i in range(7)]

    def set_mode(self, mode: str) -> None:
        """Show one day or a week."""
        self.mode = mode
        for button in self.mode_buttons.buttons():
            button.setChecked(button.property("mode") == mode)
        self.reload()

    def step(self, direction: int) -> None:
        """Go a day or a week back or forward."""
        self.anchor += timedelta(days=direction * (1 if self.mode == "day" else 7))
        self.reload()

    def go_today(self) -> None:
        """Show today."""
        self.show_day(local(self.ctx.now()).date())

    def show_day(self, day: date) -> None:
        """Show the period holding `day`."""
        self.anchor = day
        self.reload()

    def _changed(self, changes: Changes) -> None:
        if changes.kinds & {ChangeKind.MEETING, ChangeKind.DIRECTORY} and self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Load rooms and bookings of the shown days and draw them."""
        days = self.days()
        self._loads.start(lambda: self._read(days), lambda found: self._draw(days, *found))

    async def _read(self, days: Sequence[date]) -> tuple[list[Room], list[Booking]]:
        start, end = day_start(days[0]), day_start(days[-1] + timedelta(days=1))

        def read(store: LocalStore) -> tuple[list[Room], list[Booking]]:
            return store.rooms(), list(store.meetings.bookings(start, end))

        return await self.ctx.db(read)

    def _draw(self, days: Sequence[date], rooms: list[Room], bookings: list[Booking]) -> None:
        self.bookings = bookings
        grid = room_grid(rooms, bookings, days[0], len(days), tz=local_zone())
        self.view.show_grid(rooms, days, dict(grid), today=local(self.ctx.now()).date())
        first, last = days[0], days[-1]
        self.title.setText(times.day_text(first, tr(LONG_DAY)) if len(days) == 1
                           else f"{times.day_text(first, tr(LONG_DAY))} – "
                                f"{times.day_text(last, tr(MONTH_DAY))}")
        self.loaded.emit()
