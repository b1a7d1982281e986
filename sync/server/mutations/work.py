"""What every mutation handler shares: the `Work` of one mutation, the refusals for a record
that is missing or already there, and the one `act` skeleton every record kind runs through."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

import sqlalchemy as sa

from officeapp.core.kinds import missing, taken
from officeapp.core.verdict import Rejected, Verdict
from officeapp.errors import DomainError, ForbiddenError, Rejection, ValidationError
from officeapp.mutators import Mutator
from officeapp.org import Actor, Organisation
from officeapp.workflow import Notify
from sync.server.storage.blobs import Referrer
from sync.server.storage.records import Storage, Stored, Writes
from sync.server.storage.visibility import notify_scopes

R = TypeVar("R")
A = TypeVar("A")

Handler = Callable[["Work", Mapping[str, Any]], None]


@dataclass
class Work:
    """Everything one mutation needs: the transaction, the directory and the actor."""

    connection: sa.Connection
    org: Organisation
    actor: Actor
    scopes: frozenset[str]
    now: datetime
    writes: Writes

    @property
    def referrer(self) -> Referrer:
        """The actor as the one who names blobs in what this mutation saves."""
        return Referrer(self.actor.person_id, self.scopes)


def refusal(rejection: Rejection) -> DomainError:
    """Return a rule's rejection as the error that undoes the mutation."""
    return DomainError(rejection.code, rejection.message, **rejection.details)


def not_found(storage: Storage[Any], record_id: str) -> ForbiddenError:
    """Return the one answer for a record that is missing or not the caller's to see: the same
    answer either way, so that nothing leaks."""
    refusal = missing(storage.record, record_id)
    return ForbiddenError(refusal.code, refusal.message, **refusal.details)


def ensure_new(work: Work, storage: Storage[Any], record_id: str) -> None:
    """Refuse to create a record whose id is taken."""
    if storage.exists(work.connection, record_id):
        refusal = taken(storage.record, record_id)
        raise ValidationError(refusal.code, refusal.message, **refusal.details)


def load_visible(work: Work, storage: Storage[R], record_id: str) -> Stored[R]:
    """Return the record, locked until commit, if the actor may see it; else refuse."""
    stored = storage.load(work.connection, record_id, lock=True)
    if stored is None or not stored.visible_to(work.scopes):
        raise not_found(storage, record_id)
    return stored


def poke(writes: Writes, effects: Iterable[object]) -> None:
    """Poke whoever the `Notify` effects of a decision tell."""
    for effect in effects:
        if isinstance(effect, Notify):
            writes.pokes |= notify_scopes(effect)


def _no_check(work: Work, action: Any, record: Any, stored: Stored[Any]) -> None:
    return None


def _as_is(work: Work, record: R, effects: tuple[Any, ...]) -> R:
    return record


def _poke_after(work: Work, record: Any, effects: tuple[Any, ...]) -> None:
    poke(work.writes, effects)


@dataclass(frozen=True)
class Acting(Generic[R, A]):
    """How `<kind>.act` runs on the server for one record kind (see `act`).

    - `mutator`: the `<kind>.act` declaration, whose args name the record and the action.
    - `action`: the action read from its JSON, with what the server decides itself.
    - `decide`: officeapp's rule for the kind, given what the server adds (e.g. a schedule).
    - `check`: refuse what the directory does not know in the decided record.
    - `prepare`: run the effects that change the record before it is saved (numbers, seals).
    - `follow`: run the effects after it is saved (pokes, copies, records it opens).
    """

    mutator: Mutator[Any]
    storage: Storage[R]
    action: Callable[[Work, R, dict[str, Any]], A]
    decide: Callable[[Work, R, A], Verdict[R]]
    check: Callable[[Work, A, R, Stored[R]], None] = _no_check
    prepare: Callable[[Work, R, tuple[Any, ...]], R] = _as_is
    follow: Callable[[Work, R, tuple[Any, ...]], None] = _poke_after


def act(acting: Acting[R, A], work: Work, args: Mapping[str, Any]) -> None:
    """`<kind>.act`: load the record locked, check the actor sees it, decide the action by
    officeapp's rule on the server's clock, save the result, and run what follows."""
    parsed = acting.mutator.parse(args).model_dump()
    stored = load_visible(work, acting.storage, parsed[acting.mutator.record])
    action = acting.action(work, stored.record, parsed["action"])
    verdict = acting.decide(work, stored.record, action)
    if isinstance(verdict, Rejected):
        raise refusal(verdict.rejection)
    acting.check(work, action, verdict.record, stored)
    record = acting.prepare(work, verdict.record, verdict.effects)
    acting.storage.save(work.connection, record, stored, work.now, work.writes,
                        by=work.referrer)
    acting.follow(work, record, verdict.effects)
