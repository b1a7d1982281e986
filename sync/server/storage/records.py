"""What the server's record kinds share: how one is stored (`Storage`), loaded, saved with its
scopes, blobs and trace chain, and logged as put and revoke rows (`Writes`)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

import sqlalchemy as sa

from officeapp.core.kinds import RecordKind
from officeapp.errors import DomainError, ValidationError
from officeapp.org import Organisation
from officeapp.workflow import Attachment
from sync.server.storage import blobs, changelog, tracechain
from sync.server.storage.changelog import ChangeRow

log = logging.getLogger("officeapp.server.records")

R = TypeVar("R")


@dataclass
class Writes:
    """What one mutation wrote: change rows to log and scopes to poke after commit."""

    changes: list[ChangeRow] = field(default_factory=list)
    pokes: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Stored(Generic[R]):
    """A record as stored, with the scopes it was last visible to."""

    record: R
    scopes: frozenset[str]

    def visible_to(self, scopes: Iterable[str]) -> bool:
        """Return whether someone with `scopes` may see the record."""
        return not self.scopes.isdisjoint(scopes)


@dataclass(frozen=True)
class Storage(Generic[R]):
    """How the server stores one record kind; `load`, `exists` and `save` are the same for all.

    - `record`: the kind's declaration (officeapp.kinds): its name in the change log and the
      trace chain, its codec, and the noun and id field its refusals name a record with.
    - `columns`: the row of a record, given its scopes and the time of the save.
    - `named`: the blobs a person names in a record (checked against who saves it); `linked`:
      every blob it references (default: the named ones).
    - `wire`: the JSON clients pull when it differs from the stored JSON (default: the same).
    - `also`: more rows to log after the record's put (e.g. a meeting's check-in code).
    """

    record: RecordKind
    table: sa.Table
    blob_table: sa.Table
    columns: Callable[[R, frozenset[str], datetime], dict[str, Any]]
    scopes: Callable[[R], frozenset[str]]
    named: Callable[[R], Sequence[Attachment]]
    linked: Callable[[R], Sequence[Attachment]] | None = None
    wire: Callable[[R], dict[str, Any]] | None = None
    also: Callable[[R, Stored[R] | None, Writes], None] | None = None

    @property
    def kind(self) -> str:
        """The kind's name in the change log and the trace chain."""
        return self.record.name

    def load(self, connection: sa.Connection, record_id: str, *,
             lock: bool) -> Stored[R] | None:
        """Return the stored record (row-locked until commit when `lock`), or None."""
        found = load_row(connection, self.table, record_id, lock=lock)
        return None if found is None else Stored(self.record.from_dict(found[0]), found[1])

    def exists(self, connection: sa.Connection, record_id: str) -> bool:
        """Return whether a record with this id exists."""
        return row_exists(connection, self.table, record_id)

    def save(self, connection: sa.Connection, record: R, previous: Stored[R] | None,
             now: datetime, writes: Writes, *, by: blobs.Referrer | None) -> None:
        """Write `record`; log a put for who sees it and a revoke for who no longer does.

        `by` is who saves it, checked for every blob it newly names (None: the server's own
        copy of a checked record, or a record the server makes itself).
        """
        named = self.named(record)
        blobs.check_references(connection, named, by=by,
                               before=() if previous is None else self.named(previous.record))
        scopes = self.scopes(record)
        values = self.columns(record, scopes, now)
        record_id = str(values["id"])
        write_row(connection, self.table, values, new=previous is None)
        blobs.link(connection, self.blob_table, record_id,
                   named if self.linked is None else self.linked(record))
        data = values["data"]
        hashes = tracechain.append(connection, self.kind, record_id, data.get("trace") or (), now)
        served = tracechain.with_hashes(data if self.wire is None else self.wire(record), hashes)
        log_put(writes, self.kind, record_id, served, scopes,
                None if previous is None else previous.scopes)
        if self.also is not None:
            self.also(record, previous, writes)


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
