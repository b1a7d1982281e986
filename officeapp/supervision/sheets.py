"""Data of the printed 督办单 (assignment sheet): labelled lines the PDF layer lays out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from officeapp.clock import day_text
from officeapp.supervision.model import CycleKind, ReportingCycle, SupervisionItem

_CYCLE_TEXTS = {CycleKind.NONE: "不定期", CycleKind.WEEKLY: "每周", CycleKind.MONTHLY: "每月"}


@dataclass(frozen=True)
class AssignmentSheet:
    """The 督办单 of one item: a title and (label, value) lines in print order."""

    title: str
    urgency: str
    lines: tuple[tuple[str, str], ...]


def date_text(moment: datetime | None) -> str:
    """Return a moment as a Beijing date in Chinese (2026年11月30日), or empty."""
    return "" if moment is None else day_text(moment)


def cycle_text(cycle: ReportingCycle) -> str:
    """Return the reporting cycle in Chinese."""
    if cycle.kind is CycleKind.CUSTOM:
        return f"每{cycle.days}天"
    return _CYCLE_TEXTS[cycle.kind]


def assignment_sheet(item: SupervisionItem, *, unit_names: Mapping[str, str],
                     people_names: Mapping[str, str]) -> AssignmentSheet:
    """Return the 督办单 of an item, with unit and people ids turned into names."""

    def unit(unit_id: str | None) -> str:
        return "" if unit_id is None else unit_names.get(unit_id, unit_id)

    source = item.source.value
    if item.source_link is not None and item.source_link.label:
        source = f"{source}（{item.source_link.label}）"
    lines = (
        ("督办事项", item.title),
        ("督办来源", source),
        ("督办内容", item.content),
        ("牵头单位", unit(item.lead_unit_id)),
        ("配合单位", "、".join(unit(u) for u in item.co_unit_ids)),
        ("办理时限", date_text(item.deadline)),
        ("反馈周期", cycle_text(item.cycle)),
        ("阅知领导", "、".join(people_names.get(p, p) for p in item.informed_ids)),
        ("交办单位", unit(item.supervisor_unit_id)),
        ("交办日期", date_text(item.assigned_at)),
    )
    return AssignmentSheet(title="督办单", urgency=item.urgency.value, lines=lines)
