"""The calendar of my meetings: a timeline for a day or a week, a month with marked days.

Also the helpers every meeting view shares: the local zone, occurrences in a window, colours.
A series is stored once; its occurrences are expanded here with
`officeapp.meetings.occurrences`, and a sitting (one occurrence made a meeting of its own)
replaces the occurrence it stands for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from officeapp.errors import DomainError
from officeapp.meetings import Meeting, MeetingStatus, occurrences
from officeapp.meetings.model import STATUS_LABELS
from ui.common import times
from ui.common.context import AppContext, Changes
from ui.common.qt import (
    QT_TRANSLATE_NOOP,
    QButtonGroup,
    QCalendarWidget,
    QColor,
    QCoreApplication,
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
    alive,
)
from ui.common.times import local
from ui.common.values import qualified, value_text, weekday_text

LONG_DAY = QT_TRANSLATE_NOOP("", "%Y年%m月%d日")
MONTH_DAY = QT_TRANSLATE_NOOP("", "%m月%d日")
YEAR_MONTH = QT_TRANSLATE_NOOP("", "%Y年%m月")
# Status colours: fill and text, calm for drafts, strong for what will happen.
STATUS_COLOURS: dict[MeetingStatus, tuple[str, str]] = {
    MeetingStatus.DRAFT: ("#e3e8ef", "#3b4a5c"),
    MeetingStatus.NOTIFIED: ("#d6e6fa", "#123e73"),
    MeetingStatus.HELD: ("#dcefdc", "#1d5a22"),
    MeetingStatus.MINUTED: ("#d9efec", "#145a52"),
    MeetingStatus.CANCELLED: ("#eeeeee", "#8a8a8a"),
}
ACCENT = "#1f6fb2"
WRAP_TOP_LEFT = (int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)
                 | int(Qt.TextFlag.TextWordWrap))


def tr(text: str) -> str:
    """Translate a text built outside a widget (lupdate files these under no context)."""
    return QCoreApplication.translate("", text)


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


def local_zone() -> tzinfo:
    """Return the office's time zone: meetings are shown, printed and exported in it, as
    the rules word their messages, whatever zone the machine is set to."""
    return times.office_zone()


def today() -> date:
    """Return today's date in the office's time zone."""
    return times.today()


def day_start(day: date) -> datetime:
    """Return local midnight at the start of `day`, as an aware time."""
    return datetime.combine(day, time(0), local_zone())


def week_monday(day: date) -> date:
    """Return the Monday of the week holding `day`."""
    return day - timedelta(days=day.weekday())


def clock(moment: datetime) -> str:
    """Return the local time of day, HH:MM."""
    return times.clock_text(moment)


def when_text(start: datetime, end: datetime) -> str:
    """Return a span as people read it: one day with two times, or two full moments."""
    a, b = local(start), local(end)
    day = qualified(times.day_text(a.date()), weekday_text(a.date()))
    if a.date() == b.date():
        return f"{day} {clock(a)}–{clock(b)}"
    return tr("{0} {1} 至 {2}").format(day, clock(a), times.minute_text(b))


def status_label(status: MeetingStatus) -> str:
    """Return the status as shown."""
    return value_text(STATUS_LABELS[status])


# --- occurrences -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Occurrence:
    """One time a meeting takes place (a one-off meeting has one, a series many)."""

    meeting: Meeting
    start: datetime
    end: datetime

    @property
    def meeting_id(self) -> str:
        """Return the id of the meeting (the series, or the sitting)."""
        return self.meeting.id


def spans_of(meeting: Meeting) -> tuple[tuple[datetime, datetime], ...]:
    """Return a meeting's occurrences; a stored meeting with a broken rule shows its first."""
    try:
        return occurrences(meeting.start, meeting.end, meeting.recurrence)
    except DomainError:
        return ((meeting.start, meeting.end),)


def expand(meetings: Iterable[Meeting], start: datetime, end: datetime) -> list[Occurrence]:
    """Return the occurrences overlapping [start, end), sorted by start; sittings win."""
    meetings = list(meetings)
    sittings = {(m.series_id, m.start) for m in meetings if m.series_id}
    found = [Occurrence(m, s, e) for m in meetings for s, e in spans_of(m)
             if s < end and e > start and (m.id, s) not in sittings]
    return sorted(found, key=lambda o: (o.start, o.meeting.title))


def next_occurrence(meeting: Meeting, now: datetime) -> tuple[datetime, datetime] | None:
    """Return the occurrence running now or next, or None when all are over."""
    return next(((s, e) for s, e in spans_of(meeting) if e > now), None)


def lanes(items: Sequence[Occurrence]) -> list[tuple[Occurrence, int, int]]:
    """Return each occurrence with its lane and the lane count of its cluster (side by side)."""
    placed: list[tuple[Occurrence, int, int]] = []
    cluster: list[tuple[Occurrence, int]] = []
    cluster_end: datetime | None = None
    ends: list[datetime] = []

    def close() -> None:
        width = max((lane for _, lane in cluster), default=0) + 1
        placed.extend((o, lane, width) for o, lane in cluster)

    for item in sorted(items, key=lambda o: (o.start, o.end)):
        if cluster_end is not None and item.start >= cluster_end:
            close()
            cluster, ends, cluster_end = [], [], None
        lane = next((i for i, e in enumerate(ends) if e <= item.start), len(ends))
        if lane == len(ends):
            ends.append(item.end)
        else:
            ends[lane] = item.end
        cluster.append((item, lane))
        cluster_end = item.end if cluster_end is None else max(cluster_end, item.end)
    close()
    return placed


def hour_range(items: Iterable[tuple[datetime, datetime]], days: Sequence[date],
               *, first: int = 8, last: int = 20) -> tuple[int, int]:
    """Return the hours to show: the working day, widened to what happens on `days`."""
    for start, end in items:
        a, b = local(start), local(end)
        if a.date() in days:
            first = min(first, a.hour)
        if b.date() in days:
            last = max(last, b.hour + (1 if b.minute or b.second else 0))
        if a.date() < b.date():
            first, last = 0, 24
    return max(first, 0), min(max(last, first + 1), 24)


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
        self._generation = 0
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
        if changes.kinds & {"meeting", "directory"} and self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Load the person's meetings of the shown period and draw them."""
        self._generation += 1
        self.ctx.spawn(self._load(self._generation), what=self.tr("读取会议"))

    async def _load(self, generation: int) -> None:
        start, end = self.shown_range()
        actor = await self.ctx.actor()
        meetings: list[Meeting] = await self.ctx.db(
            lambda s: s.my_meetings(actor, start=start, end=end))
        if generation != self._generation or not alive(self):
            return  # a newer reload is under way
        self.show_meetings(meetings)

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
