"""公文统计: per unit, the finished documents (发文已印发, 收文已办结), how many of them are
archived, and the 归档率 (archived / finished), for every year or one.

The figures cover the documents on this computer, which are those the person may see (the
server sends no others); SQLite counts them on the worker (`LocalStore.finished_counts`),
the year only picks among the few rows it returns. They are read again when documents change.
"""

from __future__ import annotations

import asyncio

from officeapp.org import Organisation
from officeapp.store import LocalStore
from officeapp.store.stats import ArchiveRate, FinishedCount, archive_rates, total, years
from officeapp.supervision.stats import rate_text
from ui.common import times
from ui.common.context import AppContext, ChangeKind, Changes
from ui.common.display import read_only_table
from ui.common.fit import keep_on_screen, open_size
from ui.common.forms import close_buttons
from ui.common.qt import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QShowEvent,
    QSize,
    QStackedWidget,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)


def read_counts(store: LocalStore) -> list[FinishedCount]:
    """Return the finished and archived counts (on the worker)."""
    return store.finished_counts()


def cells(row: ArchiveRate) -> tuple[str, ...]:
    """Return a row's figures after the unit: 发文已印发, 收文已办结, 已归档, 归档率."""
    return (str(row.outgoing), str(row.incoming), str(row.archived), rate_text(row.rate))


class DocumentStatsDialog(QDialog):
    """The 公文统计 table, one row per unit and the 合计 last, with a choice of year."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.counts: list[FinishedCount] = []
        self.org: Organisation | None = None
        self.own_unit: str | None = None
        self._task: asyncio.Task[None] | None = None
        self.setWindowTitle(self.tr("公文统计"))
        self.year = QComboBox()
        self.year.addItem(self.tr("全部年度"), None)
        self.as_of = QLabel()
        self.as_of.setStyleSheet("color: #666;")
        self.table = QTableWidget(0, 5)
        self.empty = QLabel(self.tr("还没有已印发或已办结的公文"))
        self.body = QStackedWidget()
        self._build()
        self.year.currentIndexChanged.connect(lambda _index: self._show())
        ctx.changed.connect(self._changed)
        open_size(self, QSize(760, 460))

    def _build(self) -> None:
        read_only_table(self.table, [
            self.tr("单位"), self.tr("发文已印发"), self.tr("收文已办结"), self.tr("已归档"),
            self.tr("归档率")], stretch=[0])
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(placeholder-text); font-size: 15px;")
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)
        note = QLabel("\n".join((
            self.tr("归档率 = 已归档 ÷（发文已印发 + 收文已办结），含其后已归档的文件。"),
            self.tr("按拟稿或登记时间计年度；只统计本机已同步、您可以查看的文件。"))))
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度")))
        top.addWidget(self.year)
        top.addSpacing(12)
        top.addWidget(self.as_of, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)
        layout.addWidget(note)
        layout.addWidget(close_buttons(self))

    # --- loading -------------------------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if self.isVisible() and changes.kinds & {ChangeKind.DOCUMENT, ChangeKind.DIRECTORY}:
            self.reload()

    def reload(self) -> None:
        """Count again in the background; a newer count cancels a stale one."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = self.ctx.spawn(self._load(), what=self.tr("统计公文"))

    async def _load(self) -> None:
        org = await self.ctx.organisation()
        counts: list[FinishedCount] = await self.ctx.db(read_counts)
        if not alive(self):
            return
        person = org.people.get(self.ctx.person_id)
        self.org, self.counts = org, counts
        self.own_unit = person.unit_id if person is not None else None
        self._fill_years()
        self.as_of.setText(self.tr("截至 {0}").format(times.moment_text(self.ctx.now())))
        self._show()
        self.loaded.emit()

    def _fill_years(self) -> None:
        chosen = self.year.currentData()
        self.year.blockSignals(True)
        while self.year.count() > 1:
            self.year.removeItem(1)
        for year in years(self.counts):
            self.year.addItem(self.tr("{0}年").format(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(chosen)))
        self.year.blockSignals(False)

    # --- showing -------------------------------------------------------------------------------

    def set_year(self, year: int | None) -> None:
        """Show the figures of `year` (every year when None)."""
        self.year.setCurrentIndex(max(0, self.year.findData(year)))

    def rows(self) -> list[ArchiveRate]:
        """Return the rows shown for the chosen year, in the directory's order: units with
        finished documents, and the person's own unit even without any."""
        units = [self.own_unit] if self.own_unit else []
        rows = archive_rates(self.counts, year=self.year.currentData(), units=units)
        order = {unit: i for i, unit in enumerate(self.org.units if self.org else ())}
        return sorted(rows, key=lambda r: (order.get(r.unit_id, len(order)), r.unit_id))

    def _name(self, unit_id: str) -> str:
        unit = self.org.units.get(unit_id) if self.org is not None else None
        return unit.name if unit else unit_id

    def _show(self) -> None:
        rows = self.rows()
        texts = [(self._name(r.unit_id), *cells(r)) for r in rows]
        texts.append((self.tr("合计"), *cells(total(rows))))
        self.table.setRowCount(len(texts))
        for r, row in enumerate(texts):
            for c, text in enumerate(row):
                self.table.setItem(r, c, self._cell(text, column=c, last=r == len(texts) - 1))
        self.body.setCurrentIndex(0 if any(r.finished for r in rows) else 1)

    def _cell(self, text: str, *, column: int, last: bool) -> QTableWidgetItem:
        cell = QTableWidgetItem(text)
        if column:
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if last:
            font = cell.font()
            font.setBold(True)
            cell.setFont(font)
        return cell

    def table_rows(self) -> list[list[str]]:
        """Return the table's texts, row by row (the 合计 last)."""
        return [[(cell.text() if (cell := self.table.item(r, c)) else "")
                 for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]

    def showEvent(self, event: QShowEvent) -> None:
        """Count when shown, in a window no larger than the screen."""
        super().showEvent(event)
        keep_on_screen(self)
        self.reload()
