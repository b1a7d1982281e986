"""公文统计: per unit and year, how many documents are finished and how many archived (归档率).

A finished document is an outgoing one that is 已印发 or an incoming one that is 办结 (status
`completed`), or either once archived (status `archived`). The year is the one the document
was drafted or registered in, in office time. SQLite counts; the rest adds up small rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from officeapp.documents import Direction

# One pass over the finished documents: a few dozen rows (units × directions × years) come
# back. Beijing has kept UTC+8 without daylight saving since 1991, so +8 hours is its year.
_COUNTS = """
SELECT owner_unit_id, direction, CAST(strftime('%Y', created_at, '+8 hours') AS INTEGER) AS year,
       count(*), sum(status = 'archived')
FROM documents WHERE status IN ('completed', 'archived')
GROUP BY owner_unit_id, direction, year
ORDER BY owner_unit_id, direction, year"""


@dataclass(frozen=True)
class FinishedCount:
    """How many documents of one unit, direction and year are finished, and archived."""

    unit_id: str
    direction: Direction
    year: int
    finished: int
    archived: int


@dataclass(frozen=True)
class ArchiveRate:
    """One unit's 公文统计 row: finished outgoing (已印发) and incoming (已办结), archived."""

    unit_id: str
    outgoing: int = 0
    incoming: int = 0
    archived: int = 0

    @property
    def finished(self) -> int:
        """Return how many documents are finished, outgoing and incoming."""
        return self.outgoing + self.incoming

    @property
    def rate(self) -> float | None:
        """Return the 归档率 (archived / finished), None when nothing is finished."""
        return self.archived / self.finished if self.finished else None

    def plus(self, count: FinishedCount) -> ArchiveRate:
        """Return this row with `count` added."""
        outgoing = count.finished if count.direction is Direction.OUTGOING else 0
        return ArchiveRate(self.unit_id, self.outgoing + outgoing,
                           self.incoming + count.finished - outgoing,
                           self.archived + count.archived)


def finished_counts(conn: sqlite3.Connection) -> list[FinishedCount]:
    """Return the finished and archived documents per owning unit, direction and year."""
    return [FinishedCount(unit, Direction(direction), year, finished, archived)
            for unit, direction, year, finished, archived in conn.execute(_COUNTS)]


def archive_rates(counts: Iterable[FinishedCount], *, year: int | None = None,
                  units: Iterable[str] = ()) -> list[ArchiveRate]:
    """Return per unit (by id) its row of `year` (every year when None); `units` are listed
    even when they have nothing finished."""
    rows = {unit: ArchiveRate(unit) for unit in units}
    for count in counts:
        if year is None or count.year == year:
            rows[count.unit_id] = rows.get(count.unit_id, ArchiveRate(count.unit_id)).plus(count)
    return [rows[unit] for unit in sorted(rows)]


def total(rows: Iterable[ArchiveRate]) -> ArchiveRate:
    """Return the sum of the rows (合计)."""
    outgoing = incoming = archived = 0
    for row in rows:
        outgoing, incoming, archived = (outgoing + row.outgoing, incoming + row.incoming,
                                        archived + row.archived)
    return ArchiveRate("", outgoing, incoming, archived)


def years(counts: Iterable[FinishedCount]) -> list[int]:
    """Return the years that have finished documents, the latest first."""
    return sorted({count.year for count in counts}, reverse=True)
