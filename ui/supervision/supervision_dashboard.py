"""统计分析: what needs chasing now, and per lead unit the items assigned in a period.

Two kinds of figure, each labelled with what it covers:
- 逾期 and 临近期限 count every open item that is overdue or due soon now, whenever it was
  assigned (`pressing_statistics`), and the list under the table names those items;
- the period (本月, 本季度…, by assignment time) chooses whose 事项数, 办结率, 按期办结率 and
  平均办结天数 are reported — exactly `officeapp.supervision.unit_statistics`.
Both are counted by SQLite in the store, never row by row here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from officeapp.org import Organisation
from officeapp.store import LocalStore
from officeapp.supervision import (
    ItemRow,
    Light,
    Pressing,
    PressingStats,
    UnitStats,
    days_overdue,
    pressing,
    total_pressing,
    total_statistics,
)
from officeapp.supervision.lights import DEFAULT_WARN_DAYS
from officeapp.supervision.stats import rate_text, unit_stats
from ui.common import times
from ui.common.context import AppContext
from ui.common.date_edits import DateEdit
from ui.common.fit import ColumnFit
from ui.common.latest_load import LatestLoad
from ui.common.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QColor,
    QComboBox,
    QDate,
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
    QTabWidget,
    QValueAxis,
    QVBoxLayout,
    QWidget,
    Signal,
    bold_font,
)
from ui.common.translate import tr
from ui.supervision.lists import light_icon
from ui.supervision.texts import beijing_day, deadline_text, period_bounds

PRESETS = (
    ("month", QT_TRANSLATE_NOOP("", "本月")),
    ("last_month", QT_TRANSLATE_NOOP("", "上月")),
    ("quarter", QT_TRANSLATE_NOOP("", "本季度")),
    ("year", QT_TRANSLATE_NOOP("", "本年度")),
    ("custom", QT_TRANSLATE_NOOP("", "自定义")),
)
# What the period's figures cover, by preset: shown beside each of them.
SCOPES = {
    "month": QT_TRANSLATE_NOOP("", "本月交办"),
    "last_month": QT_TRANSLATE_NOOP("", "上月交办"),
    "quarter": QT_TRANSLATE_NOOP("", "本季度交办"),
    "year": QT_TRANSLATE_NOOP("", "本年度交办"),
    "custom": QT_TRANSLATE_NOOP("", "所选期间交办"),
}
OPEN_SCOPE = QT_TRANSLATE_NOOP("", "全部未办结")
# The per-unit table: key, heading, and what it covers: every open item ("open") or the
# items assigned in the period ("period").
COLUMNS = (
    ("unit", QT_TRANSLATE_NOOP("", "牵头单位"), ""),
    ("overdue", QT_TRANSLATE_NOOP("", "逾期"), "open"),
    ("due_soon", QT_TRANSLATE_NOOP("", "临近期限"), "open"),
    ("items", QT_TRANSLATE_NOOP("", "事项数"), "period"),
    ("completed", QT_TRANSLATE_NOOP("", "已办结"), "period"),
    ("on_time", QT_TRANSLATE_NOOP("", "按期办结"), "period"),
    ("completion_rate", QT_TRANSLATE_NOOP("", "办结率"), "period"),
    ("on_time_rate", QT_TRANSLATE_NOOP("", "按期办结率"), "period"),
    ("average_days", QT_TRANSLATE_NOOP("", "平均办结天数"), "period"),
)
PRESSING_COLUMNS = (QT_TRANSLATE_NOOP("", "状态"), QT_TRANSLATE_NOOP("", "事项名称"),
                    QT_TRANSLATE_NOOP("", "牵头单位"), QT_TRANSLATE_NOOP("", "办理时限"))
# The list names this many of the items at most (the longest overdue first); the tab's count
# and the cards count them all.
PRESSING_LIMIT = 500
_COLOURS = {"items": "#4a7ebb", "completed": "#2e9d4f", "overdue": "#d63a2f",
            "completion_rate": "#2e9d4f", "on_time_rate": "#e6a700"}
_OVERDUE_TIP = QT_TRANSLATE_NOOP(
    "", "超过办理时限仍未办结的事项（含逾期后才申请办结的），不论何时交办，不受统计期间限制")
_DUE_SOON_TIP = QT_TRANSLATE_NOOP(
    "", "办理时限在{0}天内、尚未逾期、也未申请办结的事项，不论何时交办，不受统计期间限制")
_PERIOD_TIP = QT_TRANSLATE_NOOP("", "只统计所选期间内交办的事项（按交办时间）")
_COVERS = {key: covers for key, _label, covers in COLUMNS}


def _tip(key: str, warn_days: int) -> str:
    """Return in full which items a figure (a card or a column) covers."""
    if key == "overdue":
        return tr(_OVERDUE_TIP)
    if key == "due_soon":
        return tr(_DUE_SOON_TIP).format(warn_days)
    return tr(_PERIOD_TIP) if _COVERS.get(key) == "period" else ""


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
    """The figures shown, as of one server-corrected moment: the period's statistics, and
    what is overdue or due soon now whenever it was assigned."""

    now: datetime
    start: datetime
    end: datetime
    units: tuple[UnitStats, ...]
    totals: UnitStats
    pressing: tuple[PressingStats, ...]
    pressing_totals: PressingStats
    pressing_rows: tuple[ItemRow, ...]
    warn_days: int


def load_figures(store: LocalStore, *, start: datetime, end: datetime, now: datetime,
                 warn_days: int = DEFAULT_WARN_DAYS) -> Figures:
    """Return the per-unit figures of items assigned in [start, end), and every open item
    overdue or due soon `now` (runs on the worker)."""
    units = store.supervision.statistics(period_start=start, period_end=end, now=now)
    found, rows = store.supervision.pressing(now=now, warn_days=warn_days,
                                             limit=PRESSING_LIMIT)
    return Figures(now, start, end, tuple(units), total_statistics(units), tuple(found),
                   total_pressing(found), tuple(rows), warn_days)


def _days_text(days: float | None) -> str:
    return "—" if days is None else f"{days:.1f}"


def _no_stats(unit_id: str) -> UnitStats:
    return unit_stats(unit_id, items=0, completed=0, on_time=0, overdue=0, days=0.0)


def stats_cells(stats: UnitStats, counts: PressingStats) -> tuple[str, ...]:
    """Return one table row's figures (after the unit name), in `COLUMNS` order."""
    rate = rate_text(stats.completion_rate) if stats.items else "—"
    return (str(counts.overdue), str(counts.due_soon), str(stats.items), str(stats.completed),
            str(stats.completed_on_time), rate, rate_text(stats.on_time_rate),
            _days_text(stats.average_days))


def unit_rows(figures: Figures) -> list[tuple[str, UnitStats, PressingStats]]:
    """Return per unit (by id) its period's figures and its open items' counts: every unit
    with items in the period or with items overdue or due soon now."""
    period = {s.unit_id: s for s in figures.units}
    now = {p.unit_id: p for p in figures.pressing}
    return [(u, period.get(u) or _no_stats(u), now.get(u) or PressingStats(u, 0, 0))
            for u in sorted(period.keys() | now.keys())]


class _Card(QFrame):
    """One headline figure: a big number, what it is, and which items it covers."""

    def __init__(self, label: str, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet(f"#card {{ border: 1px solid #dcdcdc; border-radius: 4px;"
                           f" border-top: 3px solid {colour}; background: palette(base); }}")
        self.value = QLabel("—")
        self.value.setFont(bold_font(self.value, 1.8))
        self.value.setStyleSheet(f"color: {colour};")
        self.caption = QLabel(label)
        self.scope = QLabel()
        self.scope.setStyleSheet("color: #888;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        for text in (self.caption, self.scope):
            text.setWordWrap(True)  # a narrow window wraps a long English caption
            layout.addWidget(text)


def _chart(title: str) -> QChartView:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(chart.margins())
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(200)  # lower, the bars vanish under the title and legend
    return view


def list_table(headings: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headings))
    table.setHorizontalHeaderLabels(list(headings))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    return table


def _texts(table: QTableWidget) -> list[list[str]]:
    return [[(cell.text() if (cell := table.item(r, c)) else "")
             for c in range(table.columnCount())] for r in range(table.rowCount())]


class SupervisionDashboard(QWidget):
    """The period, the headline figures, and in tabs the per-unit table, the list of what is
    overdue or due soon, and two charts."""

    loaded = Signal()
    item_activated = Signal(str)  # an item of the overdue/due-soon list, double-clicked

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures: Figures | None = None
        self.org: Organisation | None = None
        self._loads = LatestLoad(self, ctx, what=tr("统计督办事项"))
        self._today: date | None = None
        self.preset = QComboBox()
        for key, label in PRESETS:
            self.preset.addItem(tr(label), key)
        self.first = DateEdit()
        self.last = DateEdit()
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.as_of = QLabel()
        self.as_of.setStyleSheet("color: #666;")
        self.as_of.setWordWrap(True)
        self.cards = {key: _Card(tr(label), colour) for key, label, colour in (
            ("overdue", QT_TRANSLATE_NOOP("", "逾期"), "#d63a2f"),
            ("due_soon", QT_TRANSLATE_NOOP("", "临近期限"), "#b07d00"),
            ("items", QT_TRANSLATE_NOOP("", "交办事项"), "#4a7ebb"),
            ("completed", QT_TRANSLATE_NOOP("", "已办结"), "#2e9d4f"),
            ("completion_rate", QT_TRANSLATE_NOOP("", "办结率"), "#2e9d4f"),
            ("on_time_rate", QT_TRANSLATE_NOOP("", "按期办结率"), "#b07d00"),
            ("average_days", QT_TRANSLATE_NOOP("", "平均办结天数"), "#555555"))}
        self.count_chart = _chart(tr("各单位事项、办结与逾期"))
        self.rate_chart = _chart(tr("各单位办结率与按期办结率（%）"))
        self.table = list_table([tr(label) for _key, label, _covers in COLUMNS])
        self.pressing_table = list_table([tr(label) for label in PRESSING_COLUMNS])
        self.tabs = QTabWidget()
        self.empty = QLabel(tr("所选期间没有交办的督办事项，目前也没有逾期或临近期限的事项"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(placeholder-text); font-size: 15px;")
        self.body = QStackedWidget()
        self._ids: list[str] = []
        self._build()
        self.preset.currentIndexChanged.connect(self._preset_changed)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(self._dates_changed)
        self.pressing_table.cellActivated.connect(self._activated)

    def _build(self) -> None:
        # Figures keep their whole headings (what they cover); the names take what is left.
        # A narrow window (1024 wide, in English) leaves out the figures the cards above
        # also give rather than scroll sideways: average days, on time, completed.
        for table in (self.table, self.pressing_table):
            table.horizontalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents)
        self.table_fit = ColumnFit(self.table, stretch=0, hide_order=(8, 5, 7, 4),
                                   stretch_chars=6)
        self.pressing_fit = ColumnFit(self.pressing_table, stretch=1, hide_order=(2,),
                                      stretch_chars=10)
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.count_chart)
        charts.addWidget(self.rate_chart)
        # Tabs, not a table under the charts: a 1024×600 window shows the table's rows whole.
        self.tabs.addTab(self.table, tr("各单位统计"))
        self.tabs.addTab(self.pressing_table, tr("逾期及临近期限事项"))
        self.tabs.addTab(charts, tr("图表"))
        self.body.addWidget(self.tabs)
        self.body.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addLayout(self._period_row())
        layout.addLayout(self._card_row())
        layout.addWidget(self.body, 1)

    def _period_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("统计期间（按交办时间）")))
        row.addWidget(self.preset)
        row.addWidget(self.first)
        row.addWidget(QLabel(tr("至")))
        row.addWidget(self.last)
        row.addSpacing(12)
        row.addWidget(self.as_of, 1)
        return row

    def _card_row(self) -> QHBoxLayout:
        """The open items' two figures first, a rule, then the period's figures."""
        row = QHBoxLayout()
        for key, card in self.cards.items():
            if key == "items":
                rule = QFrame()
                rule.setFrameShape(QFrame.Shape.VLine)
                rule.setStyleSheet("color: #cccccc;")
                row.addWidget(rule)
            row.addWidget(card, 1)
        for key in ("overdue", "due_soon"):
            self.cards[key].scope.setText(tr(OPEN_SCOPE))
        return row

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

    def scope(self) -> str:
        """Return what the period's figures cover, as shown beside them: 本月交办 …"""
        return tr(SCOPES.get(self.preset.currentData(), SCOPES["custom"]))

    # --- loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Compute the figures again; a newer computation cancels a stale one."""
        self._loads.start(self._read, lambda found: self._loaded(*found))

    async def _read(self) -> tuple[Figures, Organisation, str]:
        if self._today is None:
            self._today = beijing_day(self.ctx.now())
            if self.preset.currentData() != "custom":
                self._set_days(*preset_days(self.preset.currentData(), self._today))
        first, last = self.days()
        start, end = period_bounds(first, last)
        scope = self.scope()
        org = await self.ctx.organisation()
        figures: Figures = await self.ctx.db(load_figures, start=start, end=end,
                                             now=self.ctx.now())
        return figures, org, scope

    def _loaded(self, figures: Figures, org: Organisation, scope: str) -> None:
        self.figures, self.org = figures, org
        self._show(figures, scope)
        self.loaded.emit()

    # --- showing -----------------------------------------------------------------------------

    def _name(self, unit_id: str | None) -> str:
        org = self.org
        unit = org.units.get(unit_id) if org is not None and unit_id else None
        return unit.name if unit else (unit_id or "—")

    def _show(self, figures: Figures, scope: str) -> None:
        self._show_as_of(figures)
        totals, counts = figures.totals, figures.pressing_totals
        values = {"overdue": str(counts.overdue), "due_soon": str(counts.due_soon),
                  "items": str(totals.items), "completed": str(totals.completed),
                  "completion_rate": rate_text(totals.completion_rate) if totals.items else "—",
                  "on_time_rate": rate_text(totals.on_time_rate),
                  "average_days": _days_text(totals.average_days)}
        for key, card in self.cards.items():
            card.value.setText(values[key])
            card.setToolTip(_tip(key, figures.warn_days))
            if _COVERS[key] == "period":
                card.scope.setText(scope)
        self.body.setCurrentIndex(0 if figures.units or figures.pressing else 1)
        self._fill_table(figures, scope)
        self._fill_pressing(figures)
        self._draw(figures, scope)

    def _show_as_of(self, figures: Figures) -> None:
        now = times.minute_text(figures.now)
        if figures.end < figures.now:
            self.as_of.setText(tr("期间统计截至 {0}，逾期与临近期限截至 {1}（服务器时间）").format(
                times.minute_text(figures.end), now))
        else:
            self.as_of.setText(tr("截至 {0}（服务器时间）").format(now))

    def _fill_table(self, figures: Figures, scope: str) -> None:
        for column, (key, label, covers) in enumerate(COLUMNS):
            over = {"open": tr(OPEN_SCOPE), "period": scope}.get(covers)
            heading = tr(label) if over is None else tr("{0}\n（{1}）").format(tr(label), over)
            cell = QTableWidgetItem(heading)
            cell.setToolTip(_tip(key, figures.warn_days))
            self.table.setHorizontalHeaderItem(column, cell)
        rows = [(self._name(u), stats_cells(s, p)) for u, s, p in unit_rows(figures)]
        rows.append((tr("合计"), stats_cells(figures.totals, figures.pressing_totals)))
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

    def _state(self, row: ItemRow, figures: Figures) -> tuple[Light, str]:
        if pressing(row, figures.now, warn_days=figures.warn_days) is Pressing.OVERDUE:
            return Light.RED, tr("逾期{0}天").format(days_overdue(row, figures.now))
        return Light.YELLOW, tr("临近期限")

    def _fill_pressing(self, figures: Figures) -> None:
        counts = figures.pressing_totals
        total = counts.overdue + counts.due_soon
        self.tabs.setTabText(1, tr("逾期及临近期限事项（{0}）").format(total))
        shown = figures.pressing_rows
        self._ids = [row.id for row in shown]
        table = self.pressing_table
        table.setRowCount(len(shown))
        for r, row in enumerate(shown):
            light, state = self._state(row, figures)
            cells = (state, row.title, self._name(row.lead_unit_id), deadline_text(row.deadline))
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if c == 0:
                    cell.setIcon(light_icon(light))
                table.setItem(r, c, cell)
        table.setToolTip(tr("双击打开事项") if shown else "")

    def _activated(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._ids):
            self.item_activated.emit(self._ids[row])

    def column_keys(self) -> list[str]:
        """Return the keys of the table's columns (`COLUMNS`)."""
        return [key for key, _label, _covers in COLUMNS]

    def header_texts(self) -> list[str]:
        """Return the table's headings as shown."""
        return [(cell.text() if (cell := self.table.horizontalHeaderItem(c)) else "")
                for c in range(self.table.columnCount())]

    def table_rows(self) -> list[list[str]]:
        """Return the table's texts, row by row (the totals last)."""
        return _texts(self.table)

    def pressing_ids(self) -> list[str]:
        """Return the ids of the overdue and due-soon items listed, in order."""
        return list(self._ids)

    def pressing_texts(self) -> list[list[str]]:
        """Return the overdue/due-soon list's texts, row by row."""
        return _texts(self.pressing_table)

    def _draw(self, figures: Figures, scope: str) -> None:
        rows = unit_rows(figures)
        names = [self._name(u) for u, _s, _p in rows]
        counts: list[tuple[str, str, Callable[[UnitStats, PressingStats], float]]] = [
            ("items", scope, lambda s, _p: s.items),
            ("completed", tr("已办结"), lambda s, _p: s.completed),
            ("overdue", tr("逾期（全部未办结）"), lambda _s, p: p.overdue)]
        top = max([max(s.items, p.overdue) for _u, s, p in rows] + [1])
        self._bars(self.count_chart, names, rows, counts, top, integer=True)
        # Rates only of the units with items in the period: no rate is not a rate of 0%.
        rated = [(u, s, p) for u, s, p in rows if s.items]
        rates: list[tuple[str, str, Callable[[UnitStats, PressingStats], float]]] = [
            ("completion_rate", tr("办结率"), lambda s, _p: 100 * s.completion_rate),
            ("on_time_rate", tr("按期办结率"), lambda s, _p: 100 * (s.on_time_rate or 0.0))]
        self._bars(self.rate_chart, [self._name(u) for u, _s, _p in rated], rated, rates, 100,
                   integer=False)
        self.rate_chart.setVisible(bool(rated))

    def _bars(self, view: QChartView, names: list[str],
              rows: Sequence[tuple[str, UnitStats, PressingStats]],
              sets: Sequence[tuple[str, str, Callable[[UnitStats, PressingStats], float]]],
              top: float, *, integer: bool) -> None:
        chart = view.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series = QBarSeries()
        for key, label, value in sets:
            bar = QBarSet(label)
            bar.setColor(QColor(_COLOURS[key]))
            for _unit, stats, counts in rows:
                bar.append(float(value(stats, counts)))
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
