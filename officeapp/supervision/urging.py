"""Automatic urging (自动催办): which urgings are due now, and recording one on its item.

A rule fires for an item at most once per "slot": before-rules once per due moment (so an
extension that moves the deadline arms them again), overdue rules once per Beijing calendar day
(or every `every_days` days). The item's own urgings say which slots were used, so running the
rules twice, or on two servers, never urges twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from officeapp.clock import local, minute_text
from officeapp.core.verdict import Rejected, Verdict, accept
from officeapp.errors import Rejection
from officeapp.supervision.flow import lead_pool
from officeapp.supervision.model import (
    RUNNING,
    SYSTEM_ID,
    SYSTEM_NAME,
    ActionKind,
    SupervisionItem,
    SupervisionTraceEntry,
    Trigger,
    Urging,
)
from officeapp.workflow.model import Holder, Notify


@dataclass(frozen=True)
class UrgingRule:
    """One automatic urging rule; `key` names it in urgings so it is never applied twice."""

    key: str
    trigger: Trigger
    days_before: int = 0
    every_days: int = 1


DEFAULT_URGING_RULES = (
    UrgingRule("deadline_before_3d", Trigger.BEFORE_DEADLINE, days_before=3),
    UrgingRule("report_before_1d", Trigger.BEFORE_REPORT, days_before=1),
    UrgingRule("deadline_overdue_daily", Trigger.DEADLINE_OVERDUE),
    UrgingRule("report_overdue_daily", Trigger.REPORT_OVERDUE),
)

_BEFORE = frozenset({Trigger.BEFORE_DEADLINE, Trigger.BEFORE_REPORT})
_REPORT = frozenset({Trigger.BEFORE_REPORT, Trigger.REPORT_OVERDUE})


def local_day(moment: datetime) -> date:
    """Return the Beijing calendar day of `moment`."""
    return local(moment).date()


def _due_of(item: SupervisionItem, rule: UrgingRule) -> datetime | None:
    """Return the moment the rule watches on this item, if it watches one."""
    deadline = item.deadline
    if rule.trigger not in _REPORT:
        return deadline
    report = item.next_report_due
    # A report due at or after the deadline is covered by the deadline rules.
    if report is None or deadline is None or report >= deadline:
        return None
    return report


def _slot(rule: UrgingRule, due: datetime, now: datetime, today: str) -> str | None:
    """Return the slot the rule would fill now, or None when it does not fire at `now`."""
    if rule.trigger in _BEFORE:
        fires = due - timedelta(days=rule.days_before) <= now <= due
        return due.isoformat() if fires else None
    return today if now > due else None


def _used(item: SupervisionItem, rule: UrgingRule, slot: str, now: datetime) -> bool:
    """Return whether an earlier urging of this rule already covers `slot`."""
    for urging in reversed(item.urgings):
        if urging.rule != rule.key:
            continue
        if urging.slot == slot:
            return True
        if rule.trigger not in _BEFORE:
            return (local_day(now) - local_day(urging.at)).days < rule.every_days
    return False


_TEXTS = {
    Trigger.BEFORE_DEADLINE: "《{title}》将于{due}到期，请抓紧办理并按时申请办结",
    Trigger.BEFORE_REPORT: "《{title}》应于{due}前反馈进度，请按时反馈",
    Trigger.DEADLINE_OVERDUE: "《{title}》已于{due}到期，现已逾期，请尽快办理",
    Trigger.REPORT_OVERDUE: "《{title}》应于{due}前反馈进度，现已逾期未反馈，请尽快反馈",
}


def _urging(item: SupervisionItem, rule: UrgingRule, due: datetime, slot: str,
            now: datetime) -> Urging:
    text = _TEXTS[rule.trigger].format(
        title=item.title, due=minute_text(due))
    unit_ids = () if item.lead_unit_id is None else (item.lead_unit_id,)
    return Urging(item_id=item.id, at=now, by=SYSTEM_ID, by_name=SYSTEM_NAME, text=text,
                  unit_ids=unit_ids, rule=rule.key, trigger=rule.trigger, due=due, slot=slot)


def item_urgings(item: SupervisionItem, now: datetime,
                 rules: Iterable[UrgingRule] = DEFAULT_URGING_RULES) -> list[Urging]:
    """Return the automatic urgings due for one item at `now`."""
    if item.status not in RUNNING:
        return []
    found: list[Urging] = []
    today = local_day(now).isoformat()
    for rule in rules:
        due = _due_of(item, rule)
        slot = None if due is None else _slot(rule, due, now, today)
        if due is not None and slot is not None and not _used(item, rule, slot, now):
            found.append(_urging(item, rule, due, slot, now))
    return found


def due_urgings(items: Iterable[SupervisionItem], now: datetime,
                rules: Iterable[UrgingRule] = DEFAULT_URGING_RULES) -> list[Urging]:
    """Return every automatic urging due at `now` (server time), given the items' past ones."""
    fixed = tuple(rules)
    return [urging for item in items for urging in item_urgings(item, now, fixed)]


def apply_urging(item: SupervisionItem, urging: Urging) -> Verdict[SupervisionItem]:
    """Record an automatic urging on its item and notify the lead unit, unless already there."""
    if urging.item_id != item.id:
        return Rejected(Rejection("supervision.wrong_item", "催办记录与事项不符"))
    if item.status not in RUNNING:
        return Rejected(Rejection("supervision.nothing_to_urge", "该事项当前无需催办"))
    if any(u.rule == urging.rule and u.slot == urging.slot for u in item.urgings):
        return Rejected(Rejection("supervision.already_urged", "该事项已按此规则催办",
                                             {"rule": urging.rule, "slot": urging.slot}))
    entry = SupervisionTraceEntry(
        seq=len(item.trace) + 1, action=ActionKind.URGE, actor_id=urging.by,
        actor_name=urging.by_name, at=urging.at, status=item.status, target_status=item.status,
        opinion=urging.text, details={"rule": urging.rule, "slot": urging.slot},
    )
    after = replace(item, urgings=item.urgings + (urging,))
    holders: tuple[Holder, ...] = lead_pool(item)
    return accept(item, after, (entry,), urging.at, (Notify("urge", holders=holders),))

