"""The HTML the record panes show: one style sheet and the table of labelled fields.

Qt-free: the panes' texts are built here and in each area's rendering module, and tested
without a widget.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

_BASE_RULES = (
    " table.fields td { padding: 3px 10px 3px 0; vertical-align: top; }",
    " td.label { color: #666; white-space: nowrap; }",
    " h3 { margin-top: 14px; margin-bottom: 6px; }",
    " .muted { color: #777; }",
)


def style(*rules: str) -> str:
    """Return the panes' style sheet with an area's own `rules` after the shared ones."""
    return "\n<style>\n" + "\n".join((*_BASE_RULES, *rules)) + "\n</style>\n"


def field_cells(rows: Sequence[tuple[str, str]]) -> str:
    """Return the rows of a fields table: an escaped label, and a value already in HTML."""
    return "".join(f"<tr><td class='label'>{html.escape(label)}</td><td>{value}</td></tr>"
                   for label, value in rows)


def field_table(rows: Sequence[tuple[str, str]]) -> str:
    """Return the labelled fields as a table (labels escaped here, values given as HTML)."""
    return f"<table class='fields'>{field_cells(rows)}</table>"
