"""Standing delegations (委托授权): who may hand their work to whom, and for how long.

Pure rules over the Organisation; the client checks them before queueing a mutation (errors
beside the form's fields) and the server checks them again with its own directory and clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from officeapp.errors import ForbiddenError, ValidationError
from officeapp.org import Actor, Delegation, Organisation, Role

MAX_LENGTH = timedelta(days=90)


def _problem(code: str, message: str, field: str, **details: object) -> ValidationError:
    return ValidationError(code, message, field=field, **details)


def _delegate_problems(org: Organisation, principal_id: str,
                       delegate_id: str) -> list[ValidationError]:
    if delegate_id == principal_id:
        return [_problem("delegation.self", "不能委托给自己", "delegate_id")]
    person = org.people.get(delegate_id)
    if person is None or not person.active:
        return [_problem("delegation.unknown_delegate", "受托人不存在或已停用", "delegate_id",
                         delegate_id=delegate_id)]
    return []


def _period_problems(start: datetime, end: datetime, now: datetime) -> list[ValidationError]:
    if start.tzinfo is None or end.tzinfo is None:
        return [_problem("delegation.naive_time", "委托时间必须带时区", "start")]
    if end <= start:
        return [_problem("delegation.end_before_start", "结束时间必须晚于开始时间", "end")]
    if end <= now:
        return [_problem("delegation.in_past", "结束时间已过，委托不会生效", "end")]
    if end - start > MAX_LENGTH:
        return [_problem("delegation.too_long",
                         f"委托期限不能超过{MAX_LENGTH.days}天", "end",
                         max_days=MAX_LENGTH.days)]
    return []


def _overlap(existing: Iterable[Delegation], principal_id: str, delegate_id: str,
             start: datetime, end: datetime) -> list[ValidationError]:
    for other in existing:
        if (other.principal_id == principal_id and other.delegate_id != delegate_id
                and other.start < end and start < other.end):
            return [_problem("delegation.overlap",
                             "该时段已委托给其他人，请先结束原委托或调整时间", "start",
                             delegation_id=other.id, delegate_id=other.delegate_id)]
    return []


def delegation_problems(org: Organisation, *, principal_id: str, delegate_id: str,
                        start: datetime, end: datetime, now: datetime,
                        existing: Iterable[Delegation] = ()) -> list[ValidationError]:
    """Return what is wrong with a new delegation, each naming its form field in `field`.

    `existing` are the principal's delegations not ended; one overlapping the new period
    with another delegate is refused, so nobody acts for a principal by two delegations.
    """
    if principal_id not in org.people or not org.people[principal_id].active:
        return [_problem("delegation.unknown_principal", "委托人不存在或已停用", "principal_id",
                         principal_id=principal_id)]
    problems = _delegate_problems(org, principal_id, delegate_id)
    period = _period_problems(start, end, now)
    problems += period
    if not problems:
        problems += _overlap(existing, principal_id, delegate_id, start, end)
    return problems


def check_delegation(org: Organisation, *, principal_id: str, delegate_id: str,
                     start: datetime, end: datetime, now: datetime,
                     existing: Iterable[Delegation] = ()) -> None:
    """Raise the first problem of a new delegation (see `delegation_problems`)."""
    problems = delegation_problems(org, principal_id=principal_id, delegate_id=delegate_id,
                                   start=start, end=end, now=now, existing=existing)
    if problems:
        raise problems[0]


def check_end(actor: Actor, delegation: Delegation) -> None:
    """Refuse ending a delegation unless the actor is its principal or an administrator."""
    if actor.person_id != delegation.principal_id and not actor.has_role((Role.ADMIN,)):
        raise ForbiddenError("delegation.forbidden", "只有委托人本人或管理员可以结束该委托",
                             delegation_id=delegation.id)


def current_and_future(delegations: Iterable[Delegation], *, principal_id: str,
                       now: datetime) -> list[Delegation]:
    """Return the principal's delegations that have not run out, soonest first."""
    return sorted((d for d in delegations if d.principal_id == principal_id and d.end > now),
                  key=lambda d: (d.start, d.end))
