"""Pull: the changes a user may see after their cursor, in pages, from one snapshot."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from officeapp.org import Person
from sync.protocol import KINDS_SINCE, PullRequest
from sync.server.mutations.dispatch import check_schema, client_mismatch
from sync.server.storage import changelog, db
from sync.server.storage import tables as t
from sync.server.storage.visibility import user_scopes

# The statements are built once, with parameters: building and hashing a statement per
# request cost more CPU than running it (pulls are most of the server's requests).
_CLIENT = (sa.select(t.clients.c.person_id, t.clients.c.last_mutation_id,
                     t.clients.c.scopes_key)
           .where(t.clients.c.client_id == sa.bindparam("client_id")))
_VISIBLE = (
    sa.select(t.changes.c.seq, t.changes.c.kind, t.changes.c.entity_id, t.changes.c.op,
              # The payload is read as its stored JSON text and spliced into the answer as is.
              sa.cast(t.changes.c.payload, sa.Text).label("payload"))
    .where(t.changes.c.seq > sa.bindparam("cursor"), t.changes.c.seq <= sa.bindparam("head"),
           sa.exists().where(t.change_scopes.c.seq == t.changes.c.seq,
                             t.change_scopes.c.scope.in_(sa.bindparam("scopes", expanding=True))))
    .order_by(t.changes.c.seq).limit(sa.bindparam("limit")))
# The same for a client of an older protocol, without the kinds it does not know.
_VISIBLE_KNOWN = _VISIBLE.where(t.changes.c.kind.not_in(sa.bindparam("unknown",
                                                                      expanding=True)))


@dataclass(frozen=True)
class PullAnswer:
    """A page as JSON text, and the scopes key to record for the client after the read."""

    body: str
    record_scopes: str | None = None


def scopes_key(scopes: frozenset[str]) -> str:
    """Return a short fingerprint of what a user may see (their person, units, everyone)."""
    text = "\n".join(sorted(s for s in scopes if not s.startswith("client:")))
    return hashlib.sha256(text.encode()).hexdigest()


def _client(connection: sa.Connection, person: Person,
            client_id: str) -> sa.Row[Any, Any, Any] | None:
    row = connection.execute(_CLIENT, {"client_id": client_id}).first()
    if row is not None and row.person_id != person.id:
        raise client_mismatch()
    return row


def record_scopes(engine: sa.Engine, *, client_id: str, person_id: str, key: str,
                  now: datetime) -> None:
    """Remember the scopes a client's mirror was pulled under (see `pull_in`)."""
    with db.write(engine) as connection:
        db.insert_ignore(connection, t.clients, {"client_id": client_id, "person_id": person_id,
                                                 "last_mutation_id": 0, "created_at": now})
        connection.execute(sa.update(t.clients).where(
            t.clients.c.client_id == client_id, t.clients.c.person_id == person_id)
            .values(scopes_key=key))


def _visible(connection: sa.Connection, scopes: frozenset[str], cursor: int, head: int,
             limit: int, protocol: int) -> list[sa.Row[Any]]:
    values = {"cursor": cursor, "head": head, "scopes": sorted(scopes), "limit": limit + 1}
    unknown = sorted(kind for kind, since in KINDS_SINCE.items() if since > protocol)
    if unknown:
        return list(connection.execute(_VISIBLE_KNOWN, {**values, "unknown": unknown}))
    return list(connection.execute(_VISIBLE, values))


def pull(engine: sa.Engine, person: Person, request: PullRequest, now: datetime) -> str:
    """Return the next page of changes `person` may see, as `PullResponse` JSON.

    Pages can hold hundreds of documents: their stored JSON is spliced in as it is, never
    decoded and encoded again (that was most of the server's time under load).
    """
    with db.read(engine) as connection:
        answer = pull_in(connection, person, request)
    if answer.record_scopes is not None:
        record_scopes(engine, client_id=request.client_id, person_id=person.id,
                      key=answer.record_scopes, now=now)
    return answer.body


def pull_in(connection: sa.Connection, person: Person, request: PullRequest) -> PullAnswer:
    """`pull` inside the caller's read transaction (one snapshot for everything it reads).

    Revokes follow a record whose scopes change; when the user's own scopes change (moved
    to another unit), every record seen through the old ones would stay on the client. So
    the scopes a mirror was pulled under are recorded, and a pull under other scopes
    answers `reset`: the client wipes its mirror and pulls again from 0.
    """
    check_schema(request.schema_version)
    client = _client(connection, person, request.client_id)
    last_mutation_id = 0 if client is None else int(client.last_mutation_id)
    head, pruned_through = changelog.head(connection)
    if changelog.needs_reset(request.cursor, head, pruned_through):
        return PullAnswer(_page(0, last_mutation_id, [], has_more=True, reset=True))
    scopes = user_scopes(connection, person_id=person.id, unit_id=person.unit_id,
                         client_id=request.client_id)
    key = scopes_key(scopes)
    recorded = None if client is None else client.scopes_key
    if recorded is not None and recorded != key and request.cursor > 0:
        return PullAnswer(_page(0, last_mutation_id, [], has_more=True, reset=True))
    rows = _visible(connection, scopes, request.cursor, head, request.limit,
                    request.schema_version)
    has_more = len(rows) > request.limit
    rows = rows[:request.limit]
    # With nothing more to see, jump to the head: invisible rows are never scanned again.
    cursor = rows[-1].seq if has_more else head
    page = _page(cursor, last_mutation_id, rows, has_more=has_more, reset=False)
    # Recorded from a pull at 0 (a mirror built under these scopes), or the first time a
    # client is seen since the server learnt to record them.
    record = recorded != key and (request.cursor == 0 or recorded is None)
    return PullAnswer(page, key if record else None)


def _change(row: sa.Row[Any]) -> str:
    head = json.dumps({"seq": row.seq, "kind": row.kind, "id": row.entity_id, "op": row.op},
                      ensure_ascii=False, separators=(",", ":"))
    return f'{head[:-1]},"data":{row.payload or "null"}}}'


def _page(cursor: int, last_mutation_id: int, rows: list[sa.Row[Any]], *, has_more: bool,
          reset: bool) -> str:
    changes = ",".join(_change(r) for r in rows if r.op != changelog.RESULT)
    results = ",".join(r.payload for r in rows if r.op == changelog.RESULT)
    flags = json.dumps({"has_more": has_more, "reset": reset})[1:-1]
    return (f'{{"cursor":{int(cursor)},"last_mutation_id":{int(last_mutation_id)},'
            f'"changes":[{changes}],"results":[{results}],{flags}}}')
