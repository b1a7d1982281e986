"""高级搜索: a second row of the filter bar — the days a document was drafted, its unit, its
drafter and its step — combined with the other filters and the text search."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

from officeapp.org import Organisation
from officeapp.store import InboxFilter
from officeapp.workflow.definitions import WORKFLOWS
from ui.common import times
from ui.common.date_edits import DateEdit
from ui.common.qt import (
    QCheckBox,
    QComboBox,
    QDate,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
    Signal,
)
from ui.common.values import qualified, value_text


def _day(edit: DateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


class AdvancedFilters(QWidget):
    """Drafted between two days (office time, both included), unit, drafter, step."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        today = times.today()
        qtoday = QDate(today.year, today.month, today.day)
        self.dated = QCheckBox(self.tr("拟稿日期"))
        self.since, self.until = DateEdit(qtoday.addMonths(-1)), DateEdit(qtoday)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._date_changed)
        self.unit = QComboBox()
        self.drafter = QComboBox()
        self.step = QComboBox()
        self.step.addItem(self.tr("全部环节"), None)
        seen: set[str] = set()
        for workflow in WORKFLOWS.values():
            for step in workflow.steps:
                if step.key not in seen:
                    seen.add(step.key)
                    self.step.addItem(value_text(step.label), step.key)
        self.set_directory(None)
        clear = QPushButton(self.tr("清除"))
        clear.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.dated)
        layout.addWidget(self.since)
        layout.addWidget(QLabel(self.tr("至")))
        layout.addWidget(self.until)
        for widget in (self.unit, self.drafter, self.step, clear):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.dated.toggled.connect(lambda _on: self.changed.emit())
        for combo in (self.unit, self.drafter, self.step):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())

    def _date_changed(self, _day: object) -> None:
        if self.dated.isChecked():
            self.changed.emit()

    def set_directory(self, org: Organisation | None) -> None:
        """Offer the directory's units and people (kept chosen where they still exist)."""
        for combo, everyone, items in (
            (self.unit, self.tr("全部单位"),
             [] if org is None else [(u.name, u.id) for u in org.units.values()]),
            (self.drafter, self.tr("全部拟稿人"),
             [] if org is None else [(qualified(p.name, org.units[p.unit_id].name)
                                      if p.unit_id in org.units else p.name, p.id)
                                     for p in org.people.values()]),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for text, key in items:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def clear(self) -> None:
        """Back to no advanced condition."""
        self.dated.setChecked(False)
        for combo in (self.unit, self.drafter, self.step):
            combo.setCurrentIndex(0)

    def active(self) -> bool:
        """Return whether any advanced condition is set."""
        return self.dated.isChecked() or any(
            c.currentData() is not None for c in (self.unit, self.drafter, self.step))

    def apply(self, filters: InboxFilter) -> InboxFilter:
        """Return `filters` with these conditions added."""
        since = until = None
        if self.dated.isChecked():
            first, last = sorted((_day(self.since), _day(self.until)))
            since = times.at_time(first, time(0, 0))
            until = times.at_time(last + timedelta(days=1), time(0, 0))
        return replace(filters, created_from=since, created_before=until,
                       owner_unit_id=self.unit.currentData(),
                       created_by=self.drafter.currentData(), step=self.step.currentData())
