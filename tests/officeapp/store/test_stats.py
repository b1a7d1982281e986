"""公文统计 in the store: finished and archived documents per unit, direction and year."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from officeapp.documents import Direction, DocType
from officeapp.store import LocalStore
from officeapp.store.stats import ArchiveRate, FinishedCount, archive_rates, total, years
from officeapp.workflow import Document


def document(number: int, *, unit: str, direction: Direction, step: str,
             created_at: datetime) -> Document:
    return Document(id=f"doc-{number}", direction=direction, doc_type=DocType.NOTICE,
                    title=f"第{number}号通知", owner_unit_id=unit, created_by="p-office.clerk",
                    created_at=created_at, step=step)


def test_finished_and_archived_are_counted_per_unit_direction_and_office_year(
    tmp_path: Path
) -> None:
    out, inc = Direction.OUTGOING, Direction.INCOMING
    may = datetime(2026, 5, 1, tzinfo=UTC)
    # 2025-12-31 17:00 UTC is 2026-01-01 01:00 in Beijing: a document of 2026.
    new_year = datetime(2025, 12, 31, 17, 0, tzinfo=UTC)
    last_year = datetime(2025, 6, 1, tzinfo=UTC)
    docs = [
        document(1, unit="u-office", direction=out, step="done", created_at=may),
        document(2, unit="u-office", direction=out, step="archived", created_at=new_year),
        document(3, unit="u-office", direction=inc, step="archived", created_at=may),
        document(4, unit="u-office", direction=out, step="sign", created_at=may),  # not yet
        document(5, unit="u-office", direction=out, step="archived", created_at=last_year),
        document(6, unit="u-edu", direction=inc, step="done", created_at=may),
        document(7, unit="u-edu", direction=inc, step="complete", created_at=may),  # not yet
    ]
    with LocalStore.open(tmp_path / "client.db") as store:
        store.put_records("document", docs)
        counts = store.finished_counts()
    assert counts == [
        FinishedCount("u-edu", inc, 2026, 1, 0),
        FinishedCount("u-office", inc, 2026, 1, 1),
        FinishedCount("u-office", out, 2025, 1, 1),
        FinishedCount("u-office", out, 2026, 2, 1),
    ]
    assert years(counts) == [2026, 2025]
    assert archive_rates(counts) == [ArchiveRate("u-edu", 0, 1, 0),
                                     ArchiveRate("u-office", 3, 1, 3)]
    this_year = archive_rates(counts, year=2026, units=["u-finance"])
    assert this_year == [ArchiveRate("u-edu", 0, 1, 0), ArchiveRate("u-finance"),
                         ArchiveRate("u-office", 2, 1, 2)]
    assert [row.rate for row in this_year] == [0.0, None, 2 / 3]
    assert total(this_year) == ArchiveRate("", 2, 2, 2) and total(this_year).rate == 0.5
