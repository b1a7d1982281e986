"""Statistics per unit and period, and the data of the periodic report (督办通报).

Definitions (docs/supervision.md has them in full):
- an item belongs to a period when it was assigned (交办) in [period_start, period_end), and
  counts for its lead unit; sub-items count like any item;
- everything is judged "as of" min(now, period_end);
- completed: reviewed and 办结 by then; on time: the accepted completion request was made on or
  before the deadline; overdue (逾期数): not completed and past the deadline (the clock stops
  while a completion request waits), or completed late;
- days to complete: from assignment to the accepted completion request.

What needs chasing now is counted apart, whatever the period (`pressing`): every assigned item
not completed that is overdue at `now` (past its deadline, or asked to finish after it; its
light is red for the deadline) or due soon (its deadline within `warn_days`, not yet passed,
and the unit has not asked to finish). A period only chooses whose 办结率 is reported; it must
never hide an item that is late today because it was assigned in an earlier month.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol, TypeVar

from officeapp.supervision.lights import DEFAULT_WARN_DAYS, ItemFacts
from officeapp.supervision.model import Source, Status, SupervisionItem

_DAY = 86_400.0


class Countable(ItemFacts, Protocol):
    """What statistics read beyond the light: who leads, and when it was assigned/completed."""

    @property
    def lead_unit_id(self) -> str | None: ...

    @property
    def assigned_at(self) -> datetime | None: ...

    @property
    def completed_at(self) -> datetime | None: ...


@dataclass(frozen=True)
class UnitStats:
    """One unit's figures for a period; rates are fractions (0–1), None when undefined."""

    unit_id: str
    items: int
    completed: int
    completed_on_time: int
    overdue: int
    completion_rate: float
    on_time_rate: float | None
    average_days: float | None


@dataclass
class _Tally:
    items: int = 0
    completed: int = 0
    on_time: int = 0
    overdue: int = 0
    days: float = 0.0

    def stats(self, unit_id: str) -> UnitStats:
        return unit_stats(unit_id, items=self.items, completed=self.completed,
                          on_time=self.on_time, overdue=self.overdue, days=self.days)


def unit_stats(unit_id: str, *, items: int, completed: int, on_time: int, overdue: int,
               days: float) -> UnitStats:
    """Return a unit's figures from its counts (`days`: the completed items' days summed)."""
    return UnitStats(
        unit_id=unit_id, items=items, completed=completed, completed_on_time=on_time,
        overdue=overdue, completion_rate=completed / items if items else 0.0,
        on_time_rate=on_time / completed if completed else None,
        average_days=days / completed if completed else None,
    )


def _completed_by(item: Countable, as_of: datetime) -> bool:
    completed = item.completed_at
    return item.status is Status.COMPLETED and completed is not None and completed <= as_of


def _clock(item: Countable, as_of: datetime) -> datetime:
    """Return the moment lateness is judged at: as_of, or when the unit asked to finish."""
    stopped = item.finished_at or item.requested_at
    return stopped if stopped is not None and stopped <= as_of else as_of


def _count(tally: _Tally, item: Countable, as_of: datetime) -> None:
    """Add one item, as things stood at `as_of`, to its unit's tally."""
    tally.items += 1
    deadline = item.deadline
    if item.status is Status.COMPLETED:
        finished = item.finished_at
        completed = item.completed_at
        if completed is not None and completed <= as_of:
            tally.completed += 1
            late = deadline is not None and finished is not None and finished > deadline
            tally.on_time += not late
            tally.overdue += late
            if finished is not None and item.assigned_at is not None:
                tally.days += (finished - item.assigned_at).total_seconds() / _DAY
            return
        stopped = finished
    else:
        stopped = item.requested_at
    if deadline is not None:
        clock = stopped if stopped is not None and stopped <= as_of else as_of
        tally.overdue += clock > deadline


def unit_statistics(
    items: Iterable[Countable], *, period_start: datetime, period_end: datetime, now: datetime
) -> list[UnitStats]:
    """Return per lead unit the figures of the items assigned in the period, in one pass."""
    as_of = min(now, period_end)
    tallies: dict[str | None, _Tally] = defaultdict(_Tally)
    for item in items:
        assigned = item.assigned_at
        if assigned is not None and period_start <= assigned < period_end and assigned <= as_of:
            _count(tallies[item.lead_unit_id], item, as_of)
    return [tallies[u].stats(u) for u in sorted(u for u in tallies if u is not None)]


def total_statistics(stats: Iterable[UnitStats]) -> UnitStats:
    """Return the figures of all units together (unit id empty)."""
    total = _Tally()
    for s in stats:
        total.items += s.items
        total.completed += s.completed
        total.on_time += s.completed_on_time
        total.overdue += s.overdue
        total.days += (s.average_days or 0.0) * s.completed
    return total.stats("")


class Pressing(StrEnum):
    """Why an open item needs chasing now."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"


@dataclass(frozen=True)
class PressingStats:
    """One lead unit's open items that are overdue, and that are due soon, at a moment."""

    unit_id: str
    overdue: int
    due_soon: int


def pressing(item: Countable, now: datetime, *,
             warn_days: int = DEFAULT_WARN_DAYS) -> Pressing | None:
    """Return whether an item assigned by `now` and not completed is overdue or due soon."""
    status, deadline, assigned = item.status, item.deadline, item.assigned_at
    if status is Status.COMPLETED or deadline is None or assigned is None or assigned > now:
        return None
    if status is Status.COMPLETION_REQUESTED:
        # The clock stopped when the unit asked to finish, as for the light.
        requested = item.requested_at
        return Pressing.OVERDUE if requested is not None and requested > deadline else None
    if now > deadline:
        return Pressing.OVERDUE
    return Pressing.DUE_SOON if now + timedelta(days=warn_days) >= deadline else None


def days_overdue(item: ItemFacts, now: datetime) -> int:
    """Return the started days an open item is past its deadline at `now` (0 when not)."""
    deadline = item.deadline
    if deadline is None:
        return 0
    requested = item.requested_at
    clock = requested if item.status is Status.COMPLETION_REQUESTED and requested else now
    return max(0, math.ceil((clock - deadline).total_seconds() / _DAY))


_Item = TypeVar("_Item", bound=Countable)


def pressing_items(items: Iterable[_Item], *, now: datetime,
                   warn_days: int = DEFAULT_WARN_DAYS) -> list[_Item]:
    """Return the items with a lead unit that are overdue or due soon, in their given order."""
    return [i for i in items
            if i.lead_unit_id is not None and pressing(i, now, warn_days=warn_days) is not None]


def pressing_statistics(items: Iterable[Countable], *, now: datetime,
                        warn_days: int = DEFAULT_WARN_DAYS) -> list[PressingStats]:
    """Return per lead unit how many open items are overdue and due soon at `now`, whenever
    they were assigned; units with neither are left out."""
    counted = Counter((i.lead_unit_id, pressing(i, now, warn_days=warn_days)) for i in items)
    units = sorted({u for u, state in counted if u is not None and state is not None})
    return [PressingStats(u, counted[u, Pressing.OVERDUE], counted[u, Pressing.DUE_SOON])
            for u in units]


def total_pressing(stats: Iterable[PressingStats]) -> PressingStats:
    """Return the overdue and due-soon counts of all units together (unit id empty)."""
    listed = list(stats)
    return PressingStats("", sum(s.overdue for s in listed), sum(s.due_soon for s in listed))


def rate_text(rate: float | None) -> str:
    """Return a rate as a percent with one decimal, or — when undefined."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


@dataclass(frozen=True)
class Period:
    """A reporting period [start, end) with its title, e.g. 2026年11月."""

    start: datetime
    end: datetime
    label: str = ""


@dataclass(frozen=True)
class OverdueLine:
    """One overdue item in the report: what, who leads, since when."""

    item_id: str
    title: str
    lead_unit: str
    deadline: datetime
    days_overdue: int


@dataclass(frozen=True)
class ReportData:
    """Everything a 督办通报 shows: totals, per-unit table, sources, overdue list."""

    period: Period
    as_of: datetime
    totals: UnitStats
    units: tuple[UnitStats, ...]
    unit_names: Mapping[str, str]
    by_source: Mapping[Source, int]
    overdue: tuple[OverdueLine, ...]
    new_items: int
    completed_in_period: int


def _in_period(moment: datetime | None, period: Period) -> bool:
    return moment is not None and period.start <= moment < period.end


def _overdue_lines(items: Iterable[SupervisionItem], as_of: datetime,
                   names: Mapping[str, str]) -> tuple[OverdueLine, ...]:
    """Return the items overdue and not completed at `as_of`, the longest overdue first."""
    lines = []
    for item in items:
        deadline, assigned = item.deadline, item.assigned_at
        if deadline is None or assigned is None or assigned > as_of:
            continue
        clock = _clock(item, as_of)
        if _completed_by(item, as_of) or clock <= deadline:
            continue
        lead = item.lead_unit_id or ""
        days = math.ceil((clock - deadline).total_seconds() / _DAY)
        lines.append(OverdueLine(item.id, item.title, names.get(lead, lead), deadline, days))
    return tuple(sorted(lines, key=lambda line: (line.deadline, line.item_id)))


def report_data(items: Iterable[SupervisionItem], period: Period, now: datetime, *,
                unit_names: Mapping[str, str] | None = None) -> ReportData:
    """Return the data of the 督办通报 for `period` (the PDF layer only lays it out)."""
    listed = list(items)
    names = dict(unit_names or {})
    as_of = min(now, period.end)
    units = unit_statistics(listed, period_start=period.start, period_end=period.end, now=now)
    by_source = {source: 0 for source in Source}
    for item in listed:
        assigned = item.assigned_at
        if assigned is not None and assigned <= as_of and _in_period(assigned, period):
            by_source[item.source] += 1
    return ReportData(
        period=period, as_of=as_of, totals=total_statistics(units), units=tuple(units),
        unit_names={u.unit_id: names.get(u.unit_id, u.unit_id) for u in units},
        by_source=by_source, overdue=_overdue_lines(listed, as_of, names),
        new_items=sum(by_source.values()),
        completed_in_period=sum(_in_period(i.completed_at, period) and _completed_by(i, as_of)
                                for i in listed),
    )
