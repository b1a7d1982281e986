"""Pull: the changes a user may see after their cursor, in pages, from one snapshot."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from officeapp.org import Person
from sync.protocol import PullRequest
from sync.server import changelog, db
from sync.server import tables as t
from sync.server.push import check_schema, client_mismatch
from sync.server.visibility import user_scopes


def _last_mutation_id(connection: sa.Connection, person: Person, client_id: str) -> int:
    row = connection.execute(sa.select(t.clients.c.person_id, t.clients.c.last_mutation_id)
                             .where(t.clients.c.client_id == client_id)).first()
    if row is None:
        return 0
    if row.person_id != person.id:
        raise client_mismatch()
    return int(row.last_mutation_id)


def _visible(connection: sa.Connection, scopes: frozenset[str], cursor: int, head: int,
             limit: int) -> list[sa.Row[Any]]:
    c, s = t.changes.c, t.change_scopes.c
    seen = sa.exists().where(s.seq == c.seq, s.scope.in_(sorted(scopes)))
    # The payload is read as its stored JSON text and spliced into the answer untouched.
    payload = sa.cast(c.payload, sa.Text).label("payload")
    query = (sa.select(c.seq, c.kind, c.entity_id, c.op, payload)
             .where(c.seq > cursor, c.seq <= head, seen).order_by(c.seq).limit(limit + 1))
    return list(connection.execute(query))


def pull(engine: sa.Engine, person: Person, request: PullRequest) -> str:
    """Return the next page of changes `person` may see, as `PullResponse` JSON.

    Pages can hold hundreds of documents: their stored JSON is spliced in as it is, never
    decoded and encoded again (that was most of the server's time under load).
    """
    check_schema(request.schema_version)
    with db.read(engine) as connection:
        last_mutation_id = _last_mutation_id(connection, person, request.client_id)
        head, pruned_through = changelog.head(connection)
        if changelog.needs_reset(request.cursor, head, pruned_through):
            return _page(0, last_mutation_id, [], has_more=True, reset=True)
        scopes = user_scopes(connection, person_id=person.id, unit_id=person.unit_id,
                             client_id=request.client_id)
        rows = _visible(connection, scopes, request.cursor, head, request.limit)
    has_more = len(rows) > request.limit
    rows = rows[:request.limit]
    # With nothing more to see, jump to the head: invisible rows are never scanned again.
    cursor = rows[-1].seq if has_more else head
    return _page(cursor, last_mutation_id, rows, has_more=has_more, reset=False)


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
