"""The store's side of each record kind, in one place: the module that keeps its rows, how a
local action is decided on it, and the codes it refuses with.

Everything generic in the store (LocalStore's put/get/delete/revert/create/act, the pull's
apply loop, the revert of refused mutations, the rebase's appliers) goes through `TABLES`.
Adding a record kind means one store module that offers `KindRows` (for a kind kept as JSON
with listing columns, `records.JsonRecords` over its table and rows function, as meetings.py
and supervision.py do) and one entry here. Documents keep their own layout (docs.py) and
their bulk path (bulk.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import sqlite_utils

from officeapp.core.kinds import RecordKind, missing
from officeapp.core.verdict import Rejected, Verdict
from officeapp.kinds import DOCUMENT, MEETING, SUPERVISION
from officeapp.meetings import Meeting, MeetingAction, MeetingActionKind, decide_meeting
from officeapp.org import Actor
from officeapp.store import docs, meetings, supervision
from officeapp.supervision import decide_supervision
from officeapp.workflow.engine import decide as decide_document


class KindRows(Protocol):
    """What the store writes and reads a kind with (docs.py; `records.JsonRecords`)."""

    def rows_from_data(self, data: Mapping[str, Any], /) -> Any:
        """The rows of a pulled record; raises for one its codec refuses."""

    def put(self, conn: sqlite3.Connection, records: Iterable[Any], /, *,
            pending: bool) -> None:
        """Upsert records (the last copy of an id wins)."""

    def put_rows(self, conn: sqlite3.Connection, rows: Sequence[Any], /, *,
                 pending: bool) -> None:
        """Upsert records given as their rows."""

    def load(self, conn: sqlite3.Connection, record_id: str, /) -> Any:
        """The stored record, or None."""

    def stored_ids(self, conn: sqlite3.Connection, ids: Sequence[str], /) -> set[str]:
        """Which of `ids` the store holds."""

    def delete(self, conn: sqlite3.Connection, ids: Sequence[str], /) -> int:
        """Delete records (a revoke); how many existed."""

    def revert(self, conn: sqlite3.Connection, ids: Sequence[str], /) -> list[str]:
        """Back to the server version, or gone if never synced; the ids reverted."""


# (record, actor, action, now, the store's database) -> the verdict of the kind's rules.
Decide = Callable[[Any, Actor, Any, datetime, sqlite_utils.Database], Verdict[Any]]


@dataclass(frozen=True)
class KindTable:
    """How the store keeps one record kind.

    - `kind`: the kind's declaration (officeapp.kinds), whose refusals the store answers with.
    - `table`: the SQL table that holds one row per record.
    - `rows`: the module that writes and reads its rows.
    - `decide`: the kind's rules, given what the store knows (a meeting's booking is
      checked against the local bookings).
    - `drafts`: its mutations carry the document id, step and opinion, and an accepted
      opinion replaces the person's opinion draft (公文).
    """

    kind: RecordKind
    table: str
    rows: KindRows
    decide: Decide
    drafts: bool = False

    @property
    def name(self) -> str:
        """The kind's name ("document", "meeting", "supervision")."""
        return self.kind.name

    def not_found(self, record_id: str) -> Rejected:
        """The rejection of an action on a record the store lacks."""
        return Rejected(missing(self.kind, record_id))


def _decide_meeting(meeting: Meeting, actor: Actor, action: MeetingAction, now: datetime,
                    db: sqlite_utils.Database) -> Verdict[Meeting]:
    schedule = (meetings.schedule_for(db, meeting)
                if action.kind is MeetingActionKind.BOOK else None)
    return decide_meeting(meeting, actor, action, now, schedule=schedule)


TABLES: dict[str, KindTable] = {table.name: table for table in (
    KindTable(
        DOCUMENT, "documents", docs,
        lambda record, actor, action, now, _db: decide_document(record, actor, action, now),
        drafts=True),
    KindTable(MEETING, meetings.MEETINGS.table, meetings.ROWS, _decide_meeting),
    KindTable(
        SUPERVISION, supervision.ITEMS.table, supervision.ROWS,
        lambda record, actor, action, now, _db: decide_supervision(record, actor, action, now)),
)}


def table_of(kind: str) -> KindTable:
    """Return the table of the kind called `kind` (KeyError if the store keeps none)."""
    return TABLES[kind]
