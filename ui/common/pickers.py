"""Small choosers the forms share: combos of ids, a person combo, and office time in date boxes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from officeapp.clock import OFFICE_TZ, local
from officeapp.org import Organisation, Person
from ui.common.qt import QComboBox, QCompleter, QDate, QDateTime, Qt, QTime
from ui.documents.action_dialogs import person_text


def person_combo(org: Organisation, people: Sequence[Person], *, empty: str) -> QComboBox:
    """Return a combo of people, typed into to filter (for the host and the recorder)."""
    combo = QComboBox()
    combo.addItem(empty, "")
    for person in people:
        combo.addItem(person_text(org, person), person.id)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    if completer is not None:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return combo


def combo_id(combo: QComboBox) -> str | None:
    """Return the id of the entry the combo shows (None for none or unknown text)."""
    index = combo.findText(combo.currentText())
    value = combo.itemData(index) if index >= 0 else None
    return str(value) if value else None


def set_combo_id(combo: QComboBox, value: str | None) -> None:
    """Show the entry with id `value` (the first, empty entry for None)."""
    combo.setCurrentIndex(max(combo.findData(value or ""), 0))


def to_qdatetime(moment: datetime) -> QDateTime:
    """Return a moment as a date box shows it: the office's wall-clock minute."""
    at = local(moment)
    return QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    """Return the moment a date box shows, read as office time to the minute."""
    moment = value.toPython()
    assert isinstance(moment, datetime)
    return moment.replace(tzinfo=OFFICE_TZ, second=0, microsecond=0)
