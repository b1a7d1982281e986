"""Every date box takes a digit typed into the section that was clicked into."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtTest import QTest

from ui.common.date_edits import DateEdit, DateTimeEdit
from ui.common.qt import QDate, QDateTime, QTime

UI = Path(__file__).parents[3] / "ui"
# The minutes' deadline box shows "未定" as its special value; typing over it is still open.
KNOWN = {("pane_parts.py", "QDateEdit(")}


def _click_into(edit: Any, position: int) -> None:
    edit.lineEdit().deselect()
    edit.lineEdit().setCursorPosition(position)


@pytest.mark.parametrize("kind", [DateEdit, DateTimeEdit])
def test_a_digit_typed_into_a_full_section_replaces_it(qtbot: Any, kind: type) -> None:
    edit = kind()
    qtbot.addWidget(edit)
    edit.setDisplayFormat("yyyy-MM-dd" if kind is DateEdit else "yyyy-MM-dd HH:mm")
    edit.setDateTime(QDateTime(QDate(2026, 12, 7), QTime(9, 0)))
    edit.show()
    edit.setFocus()
    _click_into(edit, 9)  # inside the day, "07"
    QTest.keyClicks(edit, "15")
    assert edit.date() == QDate(2026, 12, 15)


def test_no_plain_qt_date_box_is_made_in_the_client() -> None:
    plain = re.compile(r"\b(QDateEdit|QDateTimeEdit)\(")
    found = {(path.name, match.group(0)) for path in UI.rglob("*.py")
             if path.name != "date_edits.py"
             for match in plain.finditer(path.read_text(encoding="utf-8"))}
    assert found == KNOWN
