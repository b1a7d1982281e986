"""Filling the read-only widgets of a pane: rich text that keeps its place, tables of text."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ui.common.qt import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
)


def set_html(browser: QTextBrowser, text: str, *, keep: bool) -> None:
    """Show `text`, at the same scroll position when `keep` (a reload of the same record)."""
    bar = browser.verticalScrollBar()
    position = bar.value() if bar is not None and keep else 0
    browser.setHtml(text)
    if bar is not None:
        bar.setValue(position)


def read_only_table(table: QTableWidget, headers: Sequence[str], *,
                    stretch: Collection[int] = ()) -> None:
    """Set up a table of whole rows that are read, not edited. The `stretch` columns share
    the width the others, sized to their contents, leave; without any, the last one takes it.
    """
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setStretchLastSection(not stretch)
    if stretch:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """Replace the table's rows by `rows` of texts, columns sized to them."""
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))
    table.resizeColumnsToContents()
