"""The item list filter over plain rows: unit, source, status, light, due, text."""

from __future__ import annotations

from datetime import datetime, timedelta

from officeapp.clock import OFFICE_TZ
from officeapp.demo import EDU_ID, FINANCE_ID, OFFICE_ID
from officeapp.supervision import (
    ItemQuery,
    ItemRow,
    Light,
    Source,
    Status,
    filter_rows,
)
from officeapp.supervision.rows import matches

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=OFFICE_TZ)


def row(item_id: str, *, lead: str = FINANCE_ID, co: tuple[str, ...] = (),
        source: Source = Source.LEADER_INSTRUCTION, status: Status = Status.IN_PROGRESS,
        days: float = 10, title: str = "事项") -> ItemRow:
    return ItemRow(
        id=item_id, title=title, source=source, status=status, supervisor_unit_id=OFFICE_ID,
        lead_unit_id=lead, co_unit_ids=co, deadline=NOW + timedelta(days=days),
        next_report_due=None, requested_at=None, finished_at=None, completed_at=None,
        assigned_at=NOW - timedelta(days=5), created_at=NOW - timedelta(days=6),
    )


ROWS = [
    row("a", co=(EDU_ID,), title="老旧小区改造"),
    row("b", lead=EDU_ID, source=Source.MEETING_DECISION, days=2),
    row("c", status=Status.ASSIGNED, days=-1),
    row("d", lead=EDU_ID, status=Status.COMPLETED, days=30, title="学校维修"),
]


def ids(query: ItemQuery) -> list[str]:
    return [r.id for r in filter_rows(ROWS, query, NOW)]


def test_no_filter_keeps_everything_in_order() -> None:
    assert ids(ItemQuery()) == ["a", "b", "c", "d"]


def test_unit_matches_lead_and_co_units() -> None:
    assert ids(ItemQuery(unit_id=EDU_ID)) == ["a", "b", "d"]
    assert ids(ItemQuery(unit_id=EDU_ID, lead_only=True)) == ["b", "d"]


def test_source_status_light_due_and_text() -> None:
    assert ids(ItemQuery(sources=frozenset({Source.MEETING_DECISION}))) == ["b"]
    assert ids(ItemQuery(statuses=frozenset({Status.ASSIGNED, Status.COMPLETED}))) == ["c", "d"]
    assert ids(ItemQuery(lights=frozenset({Light.RED}))) == ["c"]
    assert ids(ItemQuery(lights=frozenset({Light.YELLOW, Light.DONE}))) == ["b", "d"]
    assert ids(ItemQuery(lights=frozenset({Light.YELLOW}), warn_days=1)) == []
    assert ids(ItemQuery(due_from=NOW, due_to=NOW + timedelta(days=10))) == ["a", "b"]
    assert ids(ItemQuery(due_to=NOW + timedelta(days=2))) == ["b", "c"]
    assert ids(ItemQuery(text="维修")) == ["d"]


def test_filters_combine() -> None:
    query = ItemQuery(unit_id=FINANCE_ID, lights=frozenset({Light.GREEN}))
    assert ids(query) == ["a"]
    assert matches(ROWS[0], query, NOW) and not matches(ROWS[2], query, NOW)
