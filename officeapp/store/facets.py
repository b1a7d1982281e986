"""A document's facets: the inbox filters' four columns packed in one small integer.

Every sort's index carries the integer (schema v10), so a page walking an index tests
紧急程度, 文种, 状态 and 方向 without reading the row; the column itself is then tested on the
few rows that pass. The codes are frozen by the migration that made the column: never reorder
or edit them. A value added later gets its field's last code, "other", and is told apart by
the column test.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# (column, known values in code order, bits); urgency_rank is its own code (0 is 特急).
FIELDS: tuple[tuple[str, tuple[Any, ...], int], ...] = (
    ("urgency_rank", (0, 1, 2), 2),
    ("doc_type", ("决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告",
                  "请示", "批复", "议案", "函", "纪要"), 4),
    ("status", ("active", "completed", "archived"), 2),
    ("direction", ("outgoing", "incoming"), 2),
)


def _layout() -> dict[str, tuple[tuple[Any, ...], int, int]]:
    """Return each field's (values, bits, shift): the fields follow one another from bit 0."""
    found, shift = {}, 0
    for column, values, bits in FIELDS:
        found[column] = (values, bits, shift)
        shift += bits
    return found


_LAYOUT = _layout()


def column_sql() -> str:
    """Return the SQL expression of the generated column `facets` over a documents row."""
    terms = []
    for column, (values, bits, shift) in _LAYOUT.items():
        cases = " ".join(f"WHEN {_literal(v)} THEN {code}" for code, v in enumerate(values))
        terms.append(f"(CASE {column} {cases} ELSE {_other(bits)} END) * {1 << shift}")
    return " + ".join(terms)


def _literal(value: Any) -> str:
    return str(value) if isinstance(value, int) else "'" + str(value).replace("'", "''") + "'"


def _other(bits: int) -> int:
    """Return a field's last code, which every value it does not know shares."""
    return (1 << bits) - 1


def known(column: str, value: Any) -> bool:
    """Return whether a value has a code of its own, so the facets' test alone is exact."""
    return value in _LAYOUT[column][0]


def code(column: str, value: Any) -> int:
    """Return the code of one column's value within its field, "other" if it is not known."""
    values, bits, _ = _LAYOUT[column]
    return values.index(value) if value in values else _other(bits)


def pattern(wanted: Sequence[tuple[str, Any]]) -> tuple[int, int]:
    """Return (mask, value): the facets of every row with these column values, and few
    others (those whose value shares the field's "other" code), have `facets & mask = value`.
    """
    mask = value = 0
    for column, wanted_value in wanted:
        _, bits, shift = _LAYOUT[column]
        mask |= _other(bits) << shift
        value |= code(column, wanted_value) << shift
    return mask, value


def test(wanted: Sequence[tuple[str, Any]]) -> tuple[str, list[int]]:
    """Return the condition of `pattern` on `d.facets`, with its parameters."""
    return "(d.facets & ?) = ?", list(pattern(wanted))
