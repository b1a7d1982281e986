"""The calendar of my meetings: a timeline for a day or a week, a month with marked days.

Also the bars every meeting view shares (‹ 今天 › and the mode buttons). A series is stored
once; its occurrences are expanded by `ui.meetings.occurrences`, and a sitting (one occurrence
made a meeting of its own) replaces the occurrence it stands for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

from officeapp.clock import local
from officeapp.meetings import Meeting
from ui.common import times
from ui.common.context import AppContext, ChangeKind, Changes
from ui.common.latest_load import LatestLoad
from ui.common.qt import (
    QButtonGroup,
    QCalendarWidget,
    QColor,
    QDate,
    QFont,
    QFontMetrics,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPushButton,
    QRectF,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    Qt,
    QTextCharFormat,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.common.translate import QT_TRANSLATE_NOOP, tr
from ui.common.values import weekday_text
from ui.meetings.occurrences import (
    LONG_DAY,
    MONTH_DAY,
    STATUS_COLOURS,
    YEAR_MONTH,
    Occurrence,
    clock,
    day_start,
    expand,
    hour_range,
    lanes,
    status_label,
    today,
    week_monday,
    when_text,
)

ACCENT = "#1f6fb2"
WRAP_TOP_LEFT = (int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)
                 | int(Qt.TextFlag.TextWordWrap))


# --- time ------------------------------------------------------------------------------------


def period_bar(title: QLabel, today_text: str, *, step: Callable[[int], None],
               today: Callable[[], None]) -> QHBoxLayout:
    """Return the bar over a calendar or a room grid: ‹ 今天 › and the period's title."""
    bar = QHBoxLayout()
    for text, slot in (("‹", lambda: step(-1)), (today_text, today), ("›", lambda: step(1))):
        button = QPushButton(text)
        button.setMaximumWidth(_compact(button, 64 if len(text) > 1 else 32))
        button.clicked.connect(slot)
        bar.addWidget(button)
    bar.addWidget(title, 1)
    return bar


def _compact(button: QPushButton, width: int) -> int:
    """Return a small button's width: `width`, or its label's when longer ("Today", "Month"
    are longer than 今天, 月)."""
    return max(width, button.fontMetrics().horizontalAdvance(button.text()) + 16)


def add_modes(bar: QHBoxLayout, group: QButtonGroup, modes: Sequence[tuple[str, str]],
              mode: str, *, choose: Callable[[str], None]) -> None:
    """Add one checkable button per (key, label) to `bar`, `mode` checked; a click chooses."""
    for key, label in modes:
        button = QPushButton(label)
        button.setCheckable(True)
        button.setChecked(key == mode)
        button.setProperty("mode", key)
        button.setMaximumWidth(_compact(button, 48))
        group.addButton(button)
        bar.addWidget(button)
    group.setExclusive(True)
    group.buttonClicked.connect(lambda b: choose(str(b.property("mode"))))


# --- the timeline ----------------------------------------------------------------------------


class Timeline(QWidget):
    """Days as columns, hours down the side, meetings as coloured blocks (click to open)."""

    meeting_clicked = Signal(str)

    GUTTER = 52
    HEADER = 30
    HOUR = 52
    DAY = 60  # the narrowest day column: a week fits beside the meeting pane at 1024 wide

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[date] = [today()]
        self.items: list[Occurrence] = []
        self.hours = (8, 20)
        self.today = today()
        self._blocks: list[tuple[QRectF, Occurrence]] = []
        self.setMouseTracking(True)
        self._resize()

    def show_days(self, days: Sequence[date], items: Sequence[Occurrence], *,
                  today: date) -> None:
        """Show `items` over `days`."""
        self.days, self.items, self.today = list(days), list(items), today
        self.hours = hour_range(((o.start, o.end) for o in items), self.days)
        self._resize()
        self.update()

    def _resize(self) -> None:
        first, last = self.hours
        self.setMinimumHeight(self.HEADER + (last - first) * self.HOUR + 4)
        self.setMinimumWidth(self.GUTTER + self.DAY * len(self.days))

    def _column(self, index: int) -> tuple[float, float]:
        width = (self.width() - self.GUTTER - 2) / max(len(self.days), 1)
        return self.GUTTER + index * width, width

    def _y(self, moment: datetime, day: date) -> float:
        first, last = self.hours
        at = local(moment)
        if at.date() < day:
            hours = 0.0
        elif at.date() > day:
            hours = 24.0
        else:
            hours = at.hour + at.minute / 60
        hours = min(max(hours, first), last)
        return self.HEADER + (hours - first) * self.HOUR

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the grid, the day headers and the meetings."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        self._paint_grid(painter)
        self._blocks = []
        for index, day in enumerate(self.days):
            self._paint_day(painter, index, day)
        painter.end()

    def _paint_grid(self, painter: QPainter) -> None:
        first, last = self.hours
        painter.setPen(QPen(QColor("#e4e4e4")))
        for hour in range(first, last + 1):
            y = self.HEADER + (hour - first) * self.HOUR
            painter.drawLine(self.GUTTER, int(y), self.width(), int(y))
            painter.setPen(QPen(QColor("#888888")))
            painter.drawText(QRectF(0, y - 8, self.GUTTER - 8, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{hour:02d}:00")
            painter.setPen(QPen(QColor("#e4e4e4")))

    def _paint_day(self, painter: QPainter, index: int, day: date) -> None:
        left, width = self._column(index)
        if day == self.today:
            painter.fillRect(QRectF(left, 0, width, self.height()), QColor("#f5f9ff"))
        painter.setPen(QPen(QColor("#d0d0d0")))
        painter.drawLine(int(left), 0, int(left), self.height())
        font = QFont(painter.font())
        font.setBold(day == self.today)
        painter.setFont(font)
        header = _day_header(day, painter.fontMetrics(), int(width) - 4)
        painter.setPen(QPen(QColor(ACCENT if day == self.today else "#333333")))
        painter.drawText(QRectF(left, 0, width, self.HEADER), Qt.AlignmentFlag.AlignCenter,
                         header)
        font.setBold(False)
        painter.setFont(font)
        start, end = day_start(day), day_start(day + timedelta(days=1))
        todays = [o for o in self.items if o.start < end and o.end > start]
        for item, lane, count in lanes(todays):
            top, bottom = self._y(item.start, day), self._y(item.end, day)
            lane_width = (width - 6) / count
            rect = QRectF(left + 3 + lane * lane_width, top + 1, lane_width - 2,
                          max(bottom - top - 2, 16))
            self._paint_block(painter, rect, item)
            self._blocks.append((rect, item))

    def _paint_block(self, painter: QPainter, rect: QRectF, item: Occurrence) -> None:
        fill, text = STATUS_COLOURS[item.meeting.status]
        painter.setPen(QPen(QColor(text), 1))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(rect, 4, 4)
        painter.fillRect(QRectF(rect.left(), rect.top(), 3, rect.height()), QColor(text))
        inner = rect.adjusted(6, 2, -3, -2)
        if inner.width() < 24:
            return  # too narrow for words; the tooltip names it
        label = f"{clock(item.start)} {item.meeting.title}"
        painter.drawText(inner, WRAP_TOP_LEFT, label)

    def occurrence_at(self, x: float, y: float) -> Occurrence | None:
        """Return the meeting drawn at a point, if any."""
        return next((o for rect, o in reversed(self._blocks) if rect.contains(x, y)), None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Open the meeting clicked on."""
        point = event.position()
        item = self.occurrence_at(point.x(), point.y())
        if item is not None:
            self.meeting_clicked.emit(item.meeting_id)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Name the meeting under the pointer."""
        point = event.position()
        item = self.occurrence_at(point.x(), point.y())
        self.setToolTip("" if item is None else
                        f"{item.meeting.title}\n{when_text(item.start, item.end)}\n"
                        f"{status_label(item.meeting.status)}")
        self.setCursor(Qt.CursorShape.PointingHandCursor if item else Qt.CursorShape.ArrowCursor)


def _day_header(day: date, metrics: QFontMetrics, width: int) -> str:
    """Return a day column's heading: with the month when it fits, else shorter."""
    weekday = tr("周{0}").format(weekday_text(day))
    short = tr("{0}日 {1}").format(day.day, weekday)
    for text in (tr("{0}月{1}日 {2}").format(day.month, day.day, weekday), short):
        if metrics.horizontalAdvance(text) <= width:
            return text
    return metrics.elidedText(short, Qt.TextElideMode.ElideRight, width)


# --- the calendar ----------------------------------------------------------------------------


class MeetingCalendar(QWidget):
    """Day / week / month of the person's meetings; clicking one opens it."""

    meeting_selected = Signal(str)
    loaded = Signal()

    MODES = (("day", QT_TRANSLATE_NOOP("", "日")), ("week", QT_TRANSLATE_NOOP("", "周")),
             ("month", QT_TRANSLATE_NOOP("", "月")))

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.mode = "week"
        self.anchor = today()
        self.occurrences: list[Occurrence] = []
        self._loads = LatestLoad(self, ctx, what=self.tr("读取会议"))
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold")
        self.timeline = Timeline()
        self.month = QCalendarWidget()
        self.month.setGridVisible(True)
        self.month.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.month.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.day_list = QListWidget()
        self.day_title = QLabel()
        self.mode_buttons = QButtonGroup(self)
        self.stack = QStackedWidget()
        self._build()
        self.timeline.meeting_clicked.connect(self.meeting_selected.emit)
        self.month.selectionChanged.connect(self._month_day_changed)
        self.month.currentPageChanged.connect(self._month_page_changed)
        self.day_list.itemClicked.connect(self._day_item_clicked)
        ctx.changed.connect(self._changed)

    def _build(self) -> None:
        bar = period_bar(self.title, self.tr("今天"), step=self.step, today=self.go_today)
        add_modes(bar, self.mode_buttons, [(k, tr(label)) for k, label in self.MODES],
                  self.mode, choose=self.set_mode)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.timeline)
        month = QSplitter(Qt.Orientation.Vertical)
        month.addWidget(self.month)
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 4, 0, 0)
        box_layout.addWidget(self.day_title)
        box_layout.addWidget(self.day_list)
        month.addWidget(box)
        month.setSizes([380, 220])
        self.stack.addWidget(scroll)
        self.stack.addWidget(month)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

    # --- range -------------------------------------------------------------------------------

    def days(self) -> list[date]:
        """Return the days shown (for the month: every day of the month page)."""
        if self.mode == "day":
            return [self.anchor]
        if self.mode == "week":
            monday = week_monday(self.anchor)
            return [monday + timedelta(days=i) for i in range(7)]
        first = self.anchor.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return [first + timedelta(days=i) for i in range((following - first).days)]

    def shown_range(self) -> tuple[datetime, datetime]:
        """Return the window of time shown."""
        days = self.days()
        return day_start(days[0]), day_start(days[-1] + timedelta(days=1))

    def set_mode(self, mode: str) -> None:
        """Show a day, a week or a month."""
        self.mode = mode
        for button in self.mode_buttons.buttons():
            button.setChecked(button.property("mode") == mode)
        self.stack.setCurrentIndex(1 if mode == "month" else 0)
        self.reload()

    def show_day(self, day: date) -> None:
        """Move to the period holding `day`."""
        self.anchor = day
        self.reload()

    def step(self, direction: int) -> None:
        """Go a period back or forward."""
        if self.mode == "day":
            self.anchor += timedelta(days=direction)
        elif self.mode == "week":
            self.anchor += timedelta(days=7 * direction)
        else:
            month = self.anchor.month - 1 + direction
            self.anchor = date(self.anchor.year + month // 12, month % 12 + 1, 1)
        self.reload()

    def go_today(self) -> None:
        """Go to today."""
        self.show_day(local(self.ctx.now()).date())

    # --- loading -----------------------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if changes.kinds & {ChangeKind.MEETING, ChangeKind.DIRECTORY} and self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Load the person's meetings of the shown period and draw them."""
        start, end = self.shown_range()
        self._loads.start(lambda: self._read(start, end), self.show_meetings)

    async def _read(self, start: datetime, end: datetime) -> list[Meeting]:
        actor = await self.ctx.actor()
        meetings: list[Meeting] = await self.ctx.db(
            lambda s: s.meetings.concerning(actor, start=start, end=end))
        return meetings

    def show_meetings(self, meetings: Sequence[Meeting]) -> None:
        """Draw `meetings` over the shown period."""
        start, end = self.shown_range()
        self.occurrences = expand(meetings, start, end)
        days = self.days()
        today = local(self.ctx.now()).date()
        self.title.setText(self._title(days))
        if self.mode == "month":
            self._show_month(days)
        else:
            self.timeline.show_days(days, self.occurrences, today=today)
        self.loaded.emit()

    def _title(self, days: list[date]) -> str:
        first, last = days[0], days[-1]
        if self.mode == "day":
            return tr("{0} 星期{1}").format(times.day_text(first, tr(LONG_DAY)),
                                            weekday_text(first))
        if self.mode == "week":
            return (f"{times.day_text(first, tr(LONG_DAY))} – "
                    f"{times.day_text(last, tr(MONTH_DAY))}")
        return times.day_text(first, tr(YEAR_MONTH))

    def _show_month(self, days: list[date]) -> None:
        self.month.blockSignals(True)
        self.month.setDateTextFormat(QDate(), QTextCharFormat())  # clear the marks
        self.month.setSelectedDate(QDate(self.anchor.year, self.anchor.month, self.anchor.day))
        self.month.blockSignals(False)
        marked = QTextCharFormat()
        marked.setBackground(QColor("#d6e6fa"))
        marked.setFontWeight(QFont.Weight.Bold)
        for day in self.marked_days():
            self.month.setDateTextFormat(QDate(day.year, day.month, day.day), marked)
        self._fill_day_list(self.anchor)

    def marked_days(self) -> set[date]:
        """Return the days of the shown period with a meeting."""
        found: set[date] = set()
        for item in self.occurrences:
            day = local(item.start).date()
            while day <= local(item.end - timedelta(seconds=1)).date():
                found.add(day)
                day += timedelta(days=1)
        return found

    def _fill_day_list(self, day: date) -> None:
        start, end = day_start(day), day_start(day + timedelta(days=1))
        todays = [o for o in self.occurrences if o.start < end and o.end > start]
        day_text = times.day_text(day, tr(MONTH_DAY))
        self.day_title.setText(self.tr("{0}的会议（{1}）").format(day_text, len(todays)))
        self.day_list.clear()
        for item in todays:
            text = (f"{clock(item.start)}–{clock(item.end)}  {item.meeting.title}"
                    f"  [{status_label(item.meeting.status)}]")
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, item.meeting_id)
            self.day_list.addItem(entry)
        if not todays:
            self.day_list.addItem(QListWidgetItem(self.tr("这一天没有会议")))

    def _month_day_changed(self) -> None:
        picked = self.month.selectedDate().toPython()
        if isinstance(picked, date):
            self.anchor = picked
            self._fill_day_list(picked)

    def _month_page_changed(self, year: int, month: int) -> None:
        if (year, month) != (self.anchor.year, self.anchor.month):
            self.anchor = date(year, month, 1)
            self.reload()

    def _day_item_clicked(self, item: QListWidgetItem) -> None:
        meeting_id = item.data(Qt.ItemDataRole.UserRole)
        if meeting_id:
            self.meeting_selected.emit(str(meeting_id))
