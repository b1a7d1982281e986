"""Benchmark of the supervision rules over many items: statistics, list filter, inbox, urging.

    .venv/bin/python benchmarks/bench_supervision.py [--items 50000] [--repeat 20]

Prints one JSON object per line: {"name": ..., "value": ..., "unit": ...}.
Bars: stats_ms < 200 (statistics over 50,000 items), list_filter_ms_p95 < 100.

The rules are timed over items in memory; `store_*` figures time what the client's 督办 page
does over the same items in a local store on disk: `store_list_filter_ms_p95` is one list
read as the 督办 page does it (the first 1,000 rows by deadline, filtered and lit in
SQL, the total counted when cut, each row's light explained); `store_list_all_ms_p95` reads
every passing row instead; `store_dashboard_ms_p95` is the dashboard's read for a year (every
item here; `LocalStore.supervision.statistics`: one aggregate query that agrees with
`unit_statistics`), `store_dashboard_month_ms_p95` for the last 30 days;
`store_dashboard_pressing_ms_p95` is the dashboard's other read, whatever the period: every
open item overdue or due soon counted per unit (`pressing_statistics`) and the first 500 of
them listed (`pressing_rows`), `store_dashboard_pressing_items` how many there are.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

from officeapp.clock import OFFICE_TZ
from officeapp.core.verdict import Accepted
from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS, EDU_ID, FINANCE_ID, OFFICE_ID
from officeapp.org import Organisation
from officeapp.store import LocalStore
from officeapp.store import supervision as supervision_store
from officeapp.supervision import (
    CompletionRequest,
    ItemQuery,
    Light,
    ReportingCycle,
    Source,
    Status,
    SupervisionItem,
    Urging,
    apply_urging,
    due_urgings,
    explain_light,
    filter_rows,
    inbox_entries,
    item_row,
    unit_statistics,
)
from officeapp.supervision.model import CycleKind

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=OFFICE_TZ)
LIST_LIMIT = 1000  # as ui/supervision/supervision_page.py
PRESSING_LIMIT = 500  # as ui/supervision/supervision_dashboard.py
UNITS = [f"u-{n:02d}" for n in range(40)] + [FINANCE_ID, EDU_ID]
STATUSES = [Status.ASSIGNED, Status.RECEIVED, Status.IN_PROGRESS, Status.IN_PROGRESS,
            Status.RETURNED, Status.COMPLETION_REQUESTED, Status.COMPLETED, Status.COMPLETED,
            Status.COMPLETED, Status.DRAFT]


def make_item(index: int, rng: random.Random) -> SupervisionItem:
    """Return one synthetic item spread over the last year, in any status."""
    assigned = NOW - timedelta(days=rng.uniform(0, 365))
    deadline = assigned + timedelta(days=rng.choice((7, 15, 30, 60, 90)))
    status = rng.choice(STATUSES)
    request = None
    completed = None
    if status in (Status.COMPLETED, Status.COMPLETION_REQUESTED):
        asked = min(assigned + timedelta(days=rng.uniform(1, 100)), NOW)
        request = CompletionRequest("已办结", "p", "p", "", asked)
        completed = min(asked + timedelta(days=rng.uniform(0, 5)), NOW)
    weekly = rng.random() < 0.5
    return SupervisionItem(
        id=f"s-{index}", title=f"督办事项{index}", source=rng.choice(list(Source)),
        supervisor_unit_id=OFFICE_ID, created_by="p-office.supervisor",
        created_at=assigned - timedelta(days=1), status=status,
        lead_unit_id=rng.choice(UNITS), co_unit_ids=tuple(rng.sample(UNITS, rng.randint(0, 3))),
        deadline=deadline,
        cycle=ReportingCycle(CycleKind.WEEKLY if weekly else CycleKind.NONE),
        next_report_due=assigned + timedelta(days=rng.uniform(7, 60)) if weekly else None,
        assigned_at=None if status is Status.DRAFT else assigned,
        completion_request=request,
        completed_at=completed if status is Status.COMPLETED else None,
    )


def applied(items: list[SupervisionItem], urgings: list[Urging]) -> list[SupervisionItem]:
    """Return the items with the urgings recorded, as the server's daily job leaves them."""
    by_id = {i.id: i for i in items}
    for urging in urgings:
        decision = apply_urging(by_id[urging.item_id], urging)
        if isinstance(decision, Accepted):
            by_id[urging.item_id] = decision.record
    return list(by_id.values())


def timed(run: Callable[[], object], repeat: int) -> list[float]:
    """Return the milliseconds of `repeat` runs."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return times


def p95(values: Sequence[float]) -> float:
    """Return the 95th percentile."""
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def emit(name: str, value: float, unit: str) -> None:
    """Print one figure as a JSON line."""
    print(json.dumps({"name": name, "value": round(value, 2), "unit": unit}), flush=True)


QUERIES = (
    ItemQuery(unit_id=FINANCE_ID),
    ItemQuery(sources=frozenset({Source.MEETING_DECISION})),
    ItemQuery(statuses=frozenset({Status.IN_PROGRESS, Status.RECEIVED})),
    ItemQuery(lights=frozenset({Light.RED})),
    ItemQuery(lights=frozenset({Light.YELLOW, Light.GREEN})),
    ItemQuery(due_from=NOW, due_to=NOW + timedelta(days=30)),
    ItemQuery(unit_id=EDU_ID, lights=frozenset({Light.RED}), text="事项1"),
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures as JSON lines."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=50_000, help="items (default 50000)")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs (default 20)")
    args = parser.parse_args(argv)
    rng = random.Random(7)
    items = [make_item(i, rng) for i in range(args.items)]
    rows = [item_row(i) for i in items]
    emit("items", args.items, "count")

    def stats() -> object:
        return unit_statistics(items, period_start=NOW - timedelta(days=365), period_end=NOW,
                               now=NOW)

    emit("stats_ms", statistics.median(timed(stats, args.repeat)), "ms")
    emit("stats_ms_p95", p95(timed(stats, args.repeat)), "ms")

    def stats_rows() -> object:
        return unit_statistics(rows, period_start=NOW - timedelta(days=365), period_end=NOW,
                               now=NOW)

    emit("stats_rows_ms", statistics.median(timed(stats_rows, args.repeat)), "ms")
    filters: list[float] = []
    for query in QUERIES:
        filters += timed(partial(filter_rows, rows, query, NOW), args.repeat)
    emit("list_filter_ms_p95", p95(filters), "ms")
    emit("list_filter_ms_median", statistics.median(filters), "ms")
    actor = Organisation(DEMO_UNITS, DEMO_PEOPLE).actor("p-finance.clerk", NOW)
    emit("inbox_ms_p95", p95(timed(lambda: inbox_entries(items, actor, NOW), args.repeat)), "ms")
    backlog = due_urgings(items, NOW)
    emit("due_urgings_backlog", len(backlog), "count")
    emit("due_urgings_ms_p95", p95(timed(lambda: due_urgings(items, NOW), args.repeat)), "ms")
    urged = applied(items, backlog)
    emit("due_urgings_rerun_ms_p95", p95(timed(lambda: due_urgings(urged, NOW), args.repeat)),
         "ms")
    with tempfile.TemporaryDirectory() as folder:
        store_figures(items, Path(folder) / "client.sqlite3", args.repeat)
    return 0


def store_figures(items: list[SupervisionItem], path: Path, repeat: int) -> None:
    """Time the client's list (SQL filter) and dashboard over the items in a local store."""
    store = LocalStore.open(path)
    try:
        started = time.perf_counter()
        store.put_records("supervision", items)
        emit("store_load_s", time.perf_counter() - started, "s")
        def listing(query: ItemQuery) -> object:
            rows = store.supervision.rows(query, now=NOW, limit=LIST_LIMIT)
            total = (len(rows) if len(rows) < LIST_LIMIT
                     else store.supervision.count(query, now=NOW))
            return total, [explain_light(r, NOW) for r in rows]

        filters: list[float] = []
        everything: list[float] = []
        for query in QUERIES:
            filters += timed(partial(listing, query), repeat)
            everything += timed(partial(store.supervision.rows, query, now=NOW), repeat)
        emit("store_list_filter_ms_p95", p95(filters), "ms")
        emit("store_list_filter_ms_median", statistics.median(filters), "ms")
        emit("store_list_all_ms_p95", p95(everything), "ms")

        def dashboard(days: int) -> object:
            return store.supervision.statistics(period_start=NOW - timedelta(days=days),
                                                period_end=NOW, now=NOW)

        emit("store_dashboard_ms_p95", p95(timed(partial(dashboard, 365), repeat)), "ms")
        emit("store_dashboard_month_ms_p95", p95(timed(partial(dashboard, 30), repeat)), "ms")

        def pressing() -> object:
            conn = store.db.conn
            return (supervision_store.pressing_statistics(conn, now=NOW),
                    supervision_store.pressing_rows(conn, now=NOW, limit=PRESSING_LIMIT))

        counts = supervision_store.pressing_statistics(store.db.conn, now=NOW)
        emit("store_dashboard_pressing_items", sum(c.overdue + c.due_soon for c in counts),
             "count")
        emit("store_dashboard_pressing_ms_p95", p95(timed(pressing, repeat)), "ms")
    finally:
        store.close()


if __name__ == "__main__":
    raise SystemExit(main())
