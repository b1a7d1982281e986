"""统计分析: per lead unit, the items assigned in a period, 办结率, 按期办结率 and 逾期数, as
charts and a table with the totals — exactly `officeapp.supervision.unit_statistics`."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from officeapp.clock import OFFICE_TZ
from officeapp.org import Organisation
from officeapp.store import LocalStore
from officeapp.supervision import UnitStats, total_statistics
from officeapp.supervision.stats import rate_text
from ui import times
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QColor,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPainter,
    QSplitter,
    QStackedWidget,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QValueAxis,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
    bold_font,
)
from ui.supervision_view import beijing_day, server_now

PRESETS = (
    ("month", QT_TRANSLATE_NOOP("", "本月")),
    ("last_month", QT_TRANSLATE_NOOP("", "上月")),
    ("quarter", QT_TRANSLATE_NOOP("", "本季度")),
    ("year", QT_TRANSLATE_NOOP("", "本年度")),
    ("custom", QT_TRANSLATE_NOOP("", "自定义")),
)
COLUMNS = (
    QT_TRANSLATE_NOOP("", "牵头单位"),
    QT_TRANSLATE_NOOP("", "事项数"),
    QT_TRANSLATE_NOOP("", "已办结"),
    QT_TRANSLATE_NOOP("", "按期办结"),
    QT_TRANSLATE_NOOP("", "逾期数"),
    QT_TRANSLATE_NOOP("", "办结率"),
    QT_TRANSLATE_NOOP("", "按期办结率"),
    QT_TRANSLATE_NOOP("", "平均办结天数"),
)
_COLOURS = {"items": "#4a7ebb", "completed": "#2e9d4f", "overdue": "#d63a2f",
            "completion_rate": "#2e9d4f", "on_time_rate": "#e6a700"}


def tr(text: str) -> str:
    """Translate a text of the supervision screens (lupdate files these under no context)."""
    return QCoreApplication.translate("", text)


def period_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """Return [first 00:00, the day after last 00:00) in Beijing time: whole days."""
    start = datetime.combine(first, time(0, 0), tzinfo=OFFICE_TZ)
    return start, datetime.combine(last + timedelta(days=1), time(0, 0), tzinfo=OFFICE_TZ)


def preset_days(preset: str, today: date) -> tuple[date, date]:
    """Return the first and last day of a preset period around `today`."""
    if preset == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if preset == "quarter":
        month = 3 * ((today.month - 1) // 3) + 1
        return today.replace(month=month, day=1), today
    if preset == "year":
        return today.replace(month=1, day=1), today
    return today.replace(day=1), today


@dataclass(frozen=True)
class Figures:
    """The statistics of one period, as of one server-corrected moment."""

    now: datetime
    start: datetime
    end: datetime
    units: tuple[UnitStats, ...]
    totals: UnitStats


def load_figures(store: LocalStore, *, start: datetime, end: datetime) -> Figures:
    """Return the per-unit figures of items assigned in [start, end) (runs on the worker)."""
    now = server_now(store)
    units = store.supervision_statistics(period_start=start, period_end=end, now=now)
    return Figures(now, start, end, tuple(units), total_statistics(units))


def _days_text(days: float | None) -> str:
    return "—" if days is None else f"{days:.1f}"


def stats_cells(stats: UnitStats) -> tuple[str, ...]:
    """Return one table row's figures (after the unit name)."""
    return (str(stats.items), str(stats.completed), str(stats.completed_on_time),
            str(stats.overdue), rate_text(stats.completion_rate), rate_text(stats.on_time_rate),
            _days_text(stats.average_days))


class _Card(QFrame):
    """One headline figure: a big number and what it is."""

    def __init__(self, label: str, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet(f"#card {{ border: 1px solid #dcdcdc; border-radius: 4px;"
                           f" border-top: 3px solid {colour}; background: palette(base); }}")
        self.value = QLabel("—")
        self.value.setFont(bold_font(self.value, 1.8))
        self.value.setStyleSheet(f"color: {colour};")
        caption = QLabel(label)
        caption.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.value)
        layout.addWidget(caption)


def _chart(title: str) -> QChartView:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(chart.margins())
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(240)
    return view


class SupervisionDashboard(QWidget):
    """The period, the headline totals, two charts and the per-unit table."""

    loaded = Signal()

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures: Figures | None = None
        self.org: Organisation | None = None
        self._task: asyncio.Task[Any] | None = None
        self._today: date | None = None
        self.preset = QComboBox()
        for key, label in PRESETS:
            self.preset.addItem(tr(label), key)
        self.first = QDateEdit()
        self.last = QDateEdit()
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.as_of = QLabel()
        self.as_of.setStyleSheet("color: #666;")
        self.cards = {key: _Card(tr(label), colour) for key, label, colour in (
            ("items", QT_TRANSLATE_NOOP("", "交办事项"), "#4a7ebb"),
            ("completed", QT_TRANSLATE_NOOP("", "已办结"), "#2e9d4f"),
            ("completion_rate", QT_TRANSLATE_NOOP("", "办结率"), "#2e9d4f"),
            ("on_time_rate", QT_TRANSLATE_NOOP("", "按期办结率"),
             "#b07d00"),
            ("overdue", QT_TRANSLATE_NOOP("", "逾期数"), "#d63a2f"),
            ("average_days", QT_TRANSLATE_NOOP("", "平均办结天数"),
             "#555555"))}
        self.count_chart = _chart(tr("各单位事项、办结与逾期"))
        self.rate_chart = _chart(tr("各单位办结率与按期办结率（%）"))
        self.table = QTableWidget(0, len(COLUMNS))
        self.empty = QLabel(tr("所选期间没有交办的督办事项"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(placeholder-text); font-size: 15px;")
        self.body = QStackedWidget()
        self._build()
        self.preset.currentIndexChanged.connect(self._preset_changed)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(self._dates_changed)

    def _build(self) -> None:
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        period = QHBoxLayout()
        period.addWidget(QLabel(tr("统计期间（按交办时间）")))
        period.addWidget(self.preset)
        period.addWidget(self.first)
        period.addWidget(QLabel(tr("至")))
        period.addWidget(self.last)
        period.addSpacing(12)
        period.addWidget(self.as_of, 1)
        cards = QHBoxLayout()
        for card in self.cards.values():
            cards.addWidget(card, 1)
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.count_chart)
        charts.addWidget(self.rate_chart)
        content = QSplitter(Qt.Orientation.Vertical)
        content.addWidget(charts)
        content.addWidget(self.table)
        content.setSizes([330, 220])
        self.body.addWidget(content)
        self.body.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addLayout(cards)
        layout.addWidget(self.body, 1)

    # --- the period --------------------------------------------------------------------------

    def _set_days(self, first: date, last: date) -> None:
        for edit, day in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _preset_changed(self, _index: int) -> None:
        key = self.preset.currentData()
        if key != "custom" and self._today is not None:
            self._set_days(*preset_days(key, self._today))
            self.reload()

    def _dates_changed(self, _day: QDate) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self.reload()

    def days(self) -> tuple[date, date]:
        """Return the first and last day shown."""
        first, last = self.first.date().toPython(), self.last.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return first, last

    def set_period(self, first: date, last: date) -> None:
        """Show the figures of the days from `first` to `last` (both whole)."""
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self._set_days(first, last)
        self.reload()

    # --- loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Compute the figures again; a newer computation cancels a stale one."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = self.ctx.spawn(self._load(), what=tr("统计督办事项"))

    async def _load(self) -> None:
        if self._today is None:
            self._today = beijing_day(await self.ctx.db(server_now))
            if self.preset.currentData() != "custom":
                self._set_days(*preset_days(self.preset.currentData(), self._today))
        first, last = self.days()
        start, end = period_bounds(first, last)
        org = await self.ctx.organisation()
        figures: Figures = await self.ctx.db(load_figures, start=start, end=end)
        if not alive(self):
            return
        self.figures, self.org = figures, org
        self._show(figures, org)
        self.loaded.emit()

    # --- showing -----------------------------------------------------------------------------

    def _name(self, unit_id: str) -> str:
        org = self.org
        unit = org.units.get(unit_id) if org is not None else None
        return unit.name if unit else unit_id

    def _show(self, figures: Figures, org: Organisation) -> None:
        as_of = times.minute_text(min(figures.now, figures.end))
        self.as_of.setText(tr("截至 {0}（服务器时间）").format(as_of))
        totals = figures.totals
        values = {"items": str(totals.items), "completed": str(totals.completed),
                  "completion_rate": rate_text(totals.completion_rate) if totals.items else "—",
                  "on_time_rate": rate_text(totals.on_time_rate),
                  "overdue": str(totals.overdue), "average_days": _days_text(totals.average_days)}
        for key, card in self.cards.items():
            card.value.setText(values[key])
        self.body.setCurrentIndex(0 if figures.units else 1)
        self._fill_table(figures)
        self._draw(figures)

    def _fill_table(self, figures: Figures) -> None:
        rows = [(self._name(s.unit_id), stats_cells(s)) for s in figures.units]
        rows.append((tr("合计"), stats_cells(figures.totals)))
        self.table.setRowCount(len(rows))
        for r, (name, cells) in enumerate(rows):
            for c, text in enumerate((name, *cells)):
                cell = QTableWidgetItem(text)
                if c:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if r == len(rows) - 1:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(r, c, cell)

    def table_rows(self) -> list[list[str]]:
        """Return the table's texts, row by row (the totals last)."""
        return [[(cell.text() if (cell := self.table.item(r, c)) else "")
                 for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]

    def _draw(self, figures: Figures) -> None:
        names = [self._name(s.unit_id) for s in figures.units]
        counts = (("items", tr("事项数"), lambda s: s.items),
                  ("completed", tr("已办结"), lambda s: s.completed),
                  ("overdue", tr("逾期数"), lambda s: s.overdue))
        rates = (("completion_rate", tr("办结率"), lambda s: 100 * s.completion_rate),
                 ("on_time_rate", tr("按期办结率"),
                  lambda s: 100 * (s.on_time_rate or 0.0)))
        top = max([s.items for s in figures.units] + [1])
        self._bars(self.count_chart, names, figures.units, counts, top, integer=True)
        self._bars(self.rate_chart, names, figures.units, rates, 100, integer=False)

    def _bars(self, view: QChartView, names: list[str], units: tuple[UnitStats, ...],
              sets: Any, top: float, *, integer: bool) -> None:
        chart = view.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series = QBarSeries()
        for key, label, value in sets:
            bar = QBarSet(label)
            bar.setColor(QColor(_COLOURS[key]))
            for stats in units:
                bar.append(float(value(stats)))
            series.append(bar)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value" if integer else "@value%")
        if not integer:
            series.setLabelsPrecision(3)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(names)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        values = QValueAxis()
        values.setLabelFormat("%d")
        if integer and top <= 10:
            values.setRange(0, int(top) + 1)  # one tick per item: no fractional counts
            values.setTickCount(int(top) + 2)
        elif integer:
            values.setRange(0, top * 1.1)
            values.applyNiceNumbers()
        else:
            values.setRange(0, 100)
            values.setTickCount(6)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
