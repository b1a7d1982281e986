"""What the server's record kinds share: mutation args, rows, put and revoke rows."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa

from officeapp.errors import DomainError, ValidationError
from officeapp.org import Organisation
from sync.server.storage import changelog
from sync.server.storage.changelog import ChangeRow
from sync.server.storage.documents import Writes

log = logging.getLogger("officeapp.server.records")


def load_row(connection: sa.Connection, table: sa.Table, record_id: str, *,
             lock: bool) -> tuple[Any, frozenset[str]] | None:
    """Return a record's stored JSON and scopes (row-locked until commit when `lock`)."""
    query = sa.select(table.c.data, table.c.scopes).where(table.c.id == record_id)
    row = connection.execute(query.with_for_update() if lock else query).first()
    return None if row is None else (row.data, frozenset(row.scopes))


def row_exists(connection: sa.Connection, table: sa.Table, record_id: str) -> bool:
    """Return whether a record with this id exists."""
    query = sa.select(table.c.id).where(table.c.id == record_id)
    return connection.execute(query).first() is not None


def write_row(connection: sa.Connection, table: sa.Table, values: Mapping[str, Any], *,
              new: bool) -> None:
    """Insert a record's row, or update it by id."""
    if new:
        connection.execute(sa.insert(table).values(dict(values)))
    else:
        connection.execute(sa.update(table).where(table.c.id == values["id"])
                           .values(dict(values)))


def log_put(writes: Writes, kind: str, record_id: str, payload: dict[str, Any],
            scopes: frozenset[str], previous: frozenset[str] | None) -> None:
    """Log a put for who sees the record, after a revoke for who no longer does; poke both."""
    lost = previous - scopes if previous is not None else frozenset()
    if lost:
        # Logged before the put: whoever keeps access through another scope gets the put last.
        writes.changes.append(ChangeRow(kind, record_id, changelog.REVOKE, None, lost))
    writes.changes.append(ChangeRow(kind, record_id, changelog.PUT, payload, scopes))
    writes.pokes |= scopes | lost


def check_known(org: Organisation, *, units: Iterable[str | None] = (),
                people: Iterable[str | None] = (), prefix: str) -> None:
    """Refuse unit and person ids the directory does not know (`<prefix>.unknown_unit`, …)."""
    unknown_units = sorted({u for u in units if u and u not in org.units})
    if unknown_units:
        raise ValidationError(f"{prefix}.unknown_unit",
                              f"单位不在通讯录中：{'、'.join(unknown_units)}",
                              unit_ids=unknown_units)
    unknown_people = sorted({p for p in people if p and p not in org.people})
    if unknown_people:
        raise ValidationError(f"{prefix}.unknown_person",
                              f"人员不在通讯录中：{'、'.join(unknown_people)}",
                              person_ids=unknown_people)


def derived_id_taken(kind: str, record_id: str, **details: Any) -> DomainError:
    """Return the refusal for a record the server derives (an incoming copy, an item opened
    from a decision) whose id is held by a row the server did not make for that purpose.

    Clients may create only random (version 4) ids and derived ids are version 5, so this
    cannot come from a client: it is logged as an error and the whole mutation is undone,
    never skipped in silence.
    """
    log.error("derived %s id %s is held by another record: %s", kind, record_id, details)
    return DomainError("sync.derived_id_taken",
                       "系统数据不一致：要生成的记录编号已被其他记录占用，本次操作未执行，"
                       "请联系管理员", kind=kind, record_id=record_id)
