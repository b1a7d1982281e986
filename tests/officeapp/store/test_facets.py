"""The facets column agrees with the columns it packs, for every value they can take."""

from __future__ import annotations

import itertools
import sqlite3

import pytest

from officeapp.documents import URGENCY_RANK, Direction, DocType
from officeapp.store import facets
from officeapp.workflow.model import Status

# Every value each column takes today, and one no code knows (a later version's).
_VALUES: dict[str, list[object]] = {
    "urgency_rank": [*sorted(set(URGENCY_RANK.values())), 7],
    "doc_type": [*(t.value for t in DocType), "新文种"],
    "status": [*(s.value for s in Status), "suspended"],
    "direction": [*(d.value for d in Direction), "internal"],
}


@pytest.fixture(scope="module")
def table() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE d (urgency_rank INTEGER, doc_type TEXT, status TEXT,"
                 f" direction TEXT, facets INTEGER GENERATED ALWAYS AS ({facets.column_sql()}))")
    conn.executemany("INSERT INTO d VALUES (?, ?, ?, ?)", itertools.product(*_VALUES.values()))
    return conn


def test_every_known_value_has_its_own_code_within_its_bits() -> None:
    for column, values, bits in facets.FIELDS:
        assert all(facets.known(column, v) for v in values)
        assert not facets.known(column, _VALUES[column][-1])
        codes = [facets.code(column, v) for v in values]
        assert sorted(codes) == list(range(len(values))), column
        assert len(values) < 1 << bits, column  # the last code is left for "other"
    assert [c for c, _, _ in facets.FIELDS] == list(_VALUES)


@pytest.mark.parametrize("columns", [c for n in range(1, 5)
                                     for c in itertools.combinations(_VALUES, n)])
def test_the_facets_test_passes_every_row_with_the_values(
    table: sqlite3.Connection, columns: tuple[str, ...],
) -> None:
    # The test may pass other rows only through a field's "other" code; the column tests
    # beside it in inbox.py tell those apart. It must never miss a row.
    for wanted in itertools.product(*(_VALUES[c] for c in columns)):
        pairs = list(zip(columns, wanted, strict=True))
        sql, params = facets.test(pairs)
        passed = set(table.execute(f"SELECT rowid FROM d WHERE {sql}", params))
        exact = " AND ".join(f"d.{c} = ?" for c in columns)
        matching = set(table.execute(f"SELECT rowid FROM d WHERE {exact}", wanted))
        assert matching <= passed, pairs
        if all(facets.known(c, v) for c, v in pairs):
            assert passed == matching, pairs
