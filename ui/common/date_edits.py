"""Date and date-time boxes in which a digit typed into a section replaces that section.

Qt inserts a typed digit at the cursor and silently drops it when the section is full, so
someone who clicked into the hour ("09") or the day ("07") and typed saw nothing happen. The
section under the cursor is selected first, as when it is tabbed to or double-clicked. Every
date box of the client is one of these (a test holds ui/ to it).
"""

from __future__ import annotations

from ui.common.qt import QDateEdit, QDateTimeEdit, QtGui


def _make_room(edit: QDateTimeEdit, typed: str) -> None:
    """Select the section under the cursor when `typed` could not be inserted there."""
    line = edit.lineEdit()
    if len(typed) != 1 or not typed.isdigit() or line.hasSelectedText():
        return
    at, text = line.cursorPosition(), line.text()
    if edit.validate(text[:at] + typed + text[at:], at + 1)[0] \
            == QtGui.QValidator.State.Invalid:
        edit.setSelectedSection(edit.currentSection())


class DateTimeEdit(QDateTimeEdit):
    """A QDateTimeEdit that takes a digit typed into a full section."""

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        """Type over the section under the cursor when the digit cannot be inserted."""
        _make_room(self, event.text())
        super().keyPressEvent(event)


class DateEdit(QDateEdit):
    """A QDateEdit that takes a digit typed into a full section."""

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        """Type over the section under the cursor when the digit cannot be inserted."""
        _make_room(self, event.text())
        super().keyPressEvent(event)
