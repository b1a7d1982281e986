"""The verdict of a decision on any record kind: accepted with the new record, or rejected.

`decide` of every area (公文, 会议, 督办) returns `Verdict[ItsRecord]`. The record kinds differ in
what they carry; the shape of a verdict does not, nor do the steps every `decide` shares: a deep
check raises `Refused`, `ruled` turns it into `Rejected`, `accept` appends the trace and bumps
the version, `person_text` checks what a person wrote, and `moved_first` and `moved_away` say
who moved a record before this action could.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Generic, Literal, TypeVar

from officeapp.clock import acted_at, minute_text
from officeapp.errors import DomainError, Rejection

R = TypeVar("R")


@dataclass(frozen=True)
class Accepted(Generic[R]):
    """The action is allowed: the new record, the trace entries it appended, the effects the
    server must run (numbers, copies, notices…), and warnings that did not stop it."""

    record: R
    trace: tuple[Any, ...] = ()
    effects: tuple[Any, ...] = ()
    warnings: tuple[Rejection, ...] = ()

    ok: Literal[True] = True


@dataclass(frozen=True)
class Rejected:
    """The action is refused, with a stable code and a Chinese message."""

    rejection: Rejection

    ok: Literal[False] = False


Verdict = Accepted[R] | Rejected


class Refused(Exception):
    """Carries a rejection out of a deep check to the `decide` that turns it into `Rejected`."""

    def __init__(self, code: str, message: str, **details: Any) -> None:
        super().__init__(code)
        self.rejection = Rejection(code, message, details)


def person_text(text: str, *, limit: int, too_long: Refused,
                missing: Refused | None = None) -> str:
    """Return what a person wrote (an opinion, a reason), stripped: `too_long` is raised when
    it is longer than `limit`, `missing` (where it may not be empty) when it is empty."""
    text = text.strip()
    if len(text) > limit:
        raise too_long
    if missing is not None and not text:
        raise missing
    return text


def moved_first(*, actor_id: str, actor_name: str, at: datetime,
                did: str) -> tuple[str, dict[str, Any]]:
    """Say who moved a record before this action could: "王五已于2026-12-07 10:05同意" for
    people, and the same as the rejection's details (last_actor_id, last_actor_name, at)."""
    details = {"last_actor_id": actor_id, "last_actor_name": actor_name, "at": at.isoformat()}
    return f"{actor_name}已于{minute_text(at)}{did}", details


def moved_away(code: str, message: str, details: dict[str, Any], *, last: Any | None,
               did: Mapping[Any, str], now_at: str) -> Refused:
    """Refuse an action meant for a state (a step, a status) the record has left: `message`,
    then, where `last` (the trace entry that moved it) is known, who moved it and `now_at`,
    where the record is now. `did` names the entry's action."""
    if last is None:
        return Refused(code, message, **details)
    who, by = moved_first(actor_id=last.actor_id, actor_name=last.actor_name, at=last.at,
                          did=did[last.action])
    return Refused(code, f"{message}：{who}，{now_at}", **details, **by)


def accept(before: R, after: R, entries: tuple[Any, ...], now: datetime,
           effects: Iterable[Any] = (), warnings: tuple[Rejection, ...] = ()) -> Accepted[R]:
    """Accept `after`: `before`'s trace plus the `entries` appended (留痕 is append-only), the
    next version, updated `now`. Every kind's record has `trace`, `version`, `updated_at`."""
    old: Any = before
    new: Any = after
    record: R = replace(new, trace=old.trace + entries, version=old.version + 1, updated_at=now)
    return Accepted(record, entries, tuple(effects), warnings)


def ruled(rule: Callable[[], Accepted[R]], *, claimed: datetime | None,
          now: datetime) -> Verdict[R]:
    """Run a kind's rule: its acceptance, with the time the person acted (`clock.acted_at` of
    the time their client `claimed`) kept on the entries it appended; or the rejection its
    refusal or domain error carries."""
    try:
        return _stamped(rule(), acted_at(claimed, now))
    except (Refused, DomainError) as refused:
        return Rejected(refused.rejection)


def _stamped(accepted: Accepted[R], when: datetime | None) -> Accepted[R]:
    """Keep when the person acted (offline, earlier than now) on the entries just appended."""
    if when is None:
        return accepted
    appended = tuple(replace(e, acted_at=when) for e in accepted.trace)
    record: Any = accepted.record
    kept = record.trace[:len(record.trace) - len(appended)]
    return replace(accepted, record=replace(record, trace=kept + appended), trace=appended)
