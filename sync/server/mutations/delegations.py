"""Standing delegations (委托授权) on the server: the `delegation.*` mutations and the admin
commands, checked by `officeapp.delegation` against the server's directory and clock."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from officeapp.delegation import check_delegation, check_end
from officeapp.errors import ValidationError
from officeapp.mutators import (
    CREATE_DELEGATION,
    END_DELEGATION,
    parse_moment,
)
from officeapp.org import Actor, Delegation, Organisation
from officeapp.orgcodec import delegation_to_dict
from sync.server.mutations.work import Handler, Work
from sync.server.storage import changelog
from sync.server.storage import tables as t
from sync.server.storage.changelog import ChangeRow
from sync.server.storage.directory import delegation_from_row
from sync.server.storage.visibility import EVERYONE

KIND = "delegation"


def load(connection: sa.Connection, delegation_id: str, *, lock: bool) -> sa.Row[Any] | None:
    """Return the stored row of a delegation (row-locked until commit when `lock`), or None."""
    query = sa.select(t.delegations).where(t.delegations.c.id == delegation_id)
    return connection.execute(query.with_for_update() if lock else query).first()


def _open_of(connection: sa.Connection, principal_id: str) -> list[Delegation]:
    d = t.delegations.c
    query = sa.select(t.delegations).where(d.principal_id == principal_id, d.ended_at.is_(None))
    return [delegation_from_row(row) for row in connection.execute(query)]


def _lock_principal(connection: sa.Connection, principal_id: str) -> None:
    # Two clients of one principal creating at once: the overlap check must see the other.
    connection.execute(sa.select(t.people.c.id).where(t.people.c.id == principal_id)
                       .with_for_update())


def save_new(connection: sa.Connection, org: Organisation, delegation: Delegation, *,
             created_by: str, now: datetime) -> list[ChangeRow]:
    """Check and store a new delegation; return its change row (seen by everyone)."""
    if load(connection, delegation.id, lock=False) is not None:
        raise ValidationError("delegation.exists", "该委托已存在，不能重复创建",
                              delegation_id=delegation.id)
    _lock_principal(connection, delegation.principal_id)
    check_delegation(org, principal_id=delegation.principal_id,
                     delegate_id=delegation.delegate_id, start=delegation.start,
                     end=delegation.end, now=now,
                     existing=_open_of(connection, delegation.principal_id))
    connection.execute(sa.insert(t.delegations).values(
        id=delegation.id, principal_id=delegation.principal_id,
        delegate_id=delegation.delegate_id, starts_at=delegation.start,
        ends_at=delegation.end, created_by=created_by, created_at=now))
    return [ChangeRow(KIND, delegation.id, changelog.PUT, delegation_to_dict(delegation),
                      frozenset({EVERYONE}))]


def end_stored(connection: sa.Connection, delegation_id: str, *, actor: Actor | None,
               now: datetime) -> list[ChangeRow]:
    """End a delegation now (`actor` None: an administrator's command); return its revoke."""
    row = load(connection, delegation_id, lock=True)
    if row is None or row.ended_at is not None:
        raise ValidationError("delegation.not_found", "委托不存在或已结束",
                              delegation_id=delegation_id)
    if actor is not None:
        check_end(actor, delegation_from_row(row))
    connection.execute(sa.update(t.delegations).where(t.delegations.c.id == delegation_id)
                       .values(ended_at=now))
    changelog.drop_puts(connection, KIND, delegation_id)
    return [ChangeRow(KIND, delegation_id, changelog.REVOKE, None, frozenset({EVERYONE}))]


def create(work: Work, args: Mapping[str, Any]) -> None:
    """`delegation.create`: the pusher delegates their own work (the actor is the principal)."""
    parsed = CREATE_DELEGATION.parse(args)
    delegation = Delegation(principal_id=work.actor.person_id, delegate_id=parsed.delegate_id,
                            start=parse_moment(parsed.start, "start"),
                            end=parse_moment(parsed.end, "end"), id=parsed.delegation_id)
    work.writes.changes += save_new(work.connection, work.org, delegation,
                                    created_by=work.actor.person_id, now=work.now)
    work.writes.pokes.add(EVERYONE)


def end(work: Work, args: Mapping[str, Any]) -> None:
    """`delegation.end`: its principal or an administrator ends a delegation now."""
    parsed = END_DELEGATION.parse(args)
    work.writes.changes += end_stored(work.connection, parsed.delegation_id, actor=work.actor,
                                      now=work.now)
    work.writes.pokes.add(EVERYONE)


HANDLERS: dict[str, Handler] = {CREATE_DELEGATION.name: create, END_DELEGATION.name: end}
