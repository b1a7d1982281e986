"""Pull: the changes a user may see after their cursor, in pages, from one snapshot."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from json.encoder import encode_basestring as _string  # a str as a JSON literal, as dumps
from typing import Any, cast

import sqlalchemy as sa

from sync.protocol import KINDS_SINCE, PullRequest
from sync.server.errors import check_schema, client_mismatch
from sync.server.identity.auth import SESSION, Session, session_from, session_params
from sync.server.storage import changelog, db, shared_pages
from sync.server.storage import tables as t
from sync.server.storage.shared_pages import SharedPage
from sync.server.storage.visibility import user_scopes

# The statements are built once, with parameters: building and hashing a statement per
# request cost more CPU than running it (pulls are most of the server's requests).
_c, _counter = t.clients.c, t.sync_counter.c
# A token's session and the head of the log (what opening the event stream reads).
SESSION_AT_HEAD = (SESSION.add_columns(_counter.seq.label("head"), _counter.pruned_through)
                   .join(t.sync_counter, _counter.id == 1))
# What a pull reads first, in one round trip: that, and the client's row.
START = (SESSION_AT_HEAD.add_columns(_c.person_id.label("client_person_id"),
                                     _c.last_mutation_id, _c.scopes_key)
         .outerjoin(t.clients, _c.client_id == sa.bindparam("client_id")))
_seq, _scoped = t.changes.c.seq, t.change_scopes.c
_VISIBLE = (
    sa.select(_seq, t.changes.c.kind, t.changes.c.entity_id, t.changes.c.op,
              # The payload is read as its stored JSON text and spliced into the answer as is.
              sa.cast(t.changes.c.payload, sa.Text).label("payload"))
    .where(_seq > sa.bindparam("cursor"), _seq <= sa.bindparam("head"),
           # The range is repeated on the scopes' side: PostgreSQL carries equalities across
           # a join, not ranges, and without it hashed every scope row of the log (all of the
           # directory's) for a pull of a few new changes (1.3 ms instead of 0.14).
           sa.exists().where(_scoped.seq == _seq, _scoped.seq > sa.bindparam("cursor"),
                             _scoped.seq <= sa.bindparam("head"),
                             _scoped.scope.in_(sa.bindparam("scopes", expanding=True))))
    .order_by(_seq).limit(sa.bindparam("limit")))
# The same for a client of an older protocol, without the kinds it does not know.
_VISIBLE_KNOWN = _VISIBLE.where(t.changes.c.kind.not_in(sa.bindparam("unknown",
                                                                      expanding=True)))


@dataclass(frozen=True)
class PullAnswer:
    """A page as JSON text, and the scopes key to record for the client after the read;
    `shared`, when the text is the same for every puller at this cursor (a shared page and
    no mutations pushed), is that page: what is made of the text may be kept with it."""

    body: str
    record_scopes: str | None = None
    shared: SharedPage | None = None


@dataclass(frozen=True)
class Start:
    """What a pull reads first: who pulls, what the server knows of the client, the head."""

    session: Session
    client_person_id: str | None
    last_mutation_id: int
    scopes_key: str | None
    head: int
    pruned_through: int


def start(connection: sa.Connection, access_token: str, client_id: str, now: datetime) -> Start:
    """Read `START` for this token and client; refuse a token that is not valid (401)."""
    row = connection.execute(START, {**session_params(access_token), "client_id": client_id})
    found = row.first()
    session = session_from(found, now)
    assert found is not None
    return Start(session, found.client_person_id, int(found.last_mutation_id or 0),
                 found.scopes_key, int(found.head), int(found.pruned_through))


def scopes_key(scopes: frozenset[str]) -> str:
    """Return a short fingerprint of what a user may see (their person, units, everyone)."""
    text = "\n".join(sorted(s for s in scopes if not s.startswith("client:")))
    return hashlib.sha256(text.encode()).hexdigest()


def record_scopes(engine: sa.Engine, *, client_id: str, person_id: str, key: str,
                  now: datetime) -> None:
    """Remember the scopes a client's mirror was pulled under (see `pull_in`)."""
    with db.write(engine) as connection:
        db.insert_ignore(connection, t.clients, {"client_id": client_id, "person_id": person_id,
                                                 "last_mutation_id": 0, "created_at": now})
        connection.execute(sa.update(t.clients).where(
            t.clients.c.client_id == client_id, t.clients.c.person_id == person_id)
            .values(scopes_key=key))


def _unknown(protocol: int) -> tuple[str, ...]:
    """Return the kinds a client of `protocol` does not know (none for a current client)."""
    return tuple(sorted(kind for kind, since in KINDS_SINCE.items() if since > protocol))


def _visible(connection: sa.Connection, scopes: frozenset[str], cursor: int, head: int,
             limit: int, unknown: tuple[str, ...]) -> Sequence[sa.Row[Any]]:
    values = {"cursor": cursor, "head": head, "scopes": sorted(scopes), "limit": limit + 1}
    if unknown:
        return connection.execute(_VISIBLE_KNOWN, {**values, "unknown": list(unknown)}).all()
    # all(): the rows in one fetch, not one driver call each (5 % of a loaded worker).
    return connection.execute(_VISIBLE, values).all()


def _rows_part(connection: sa.Connection, scopes: frozenset[str], request: PullRequest,
               head: int) -> tuple[SharedPage, bool, bool]:
    """Return the changes after the request's cursor that the puller may see (a page of
    them, its next cursor), whether more follow, and whether the page is one everyone sees:
    those are read once per process (`shared_pages`: new installations pull the same
    directory pages)."""
    key = (request.cursor, request.limit, _unknown(request.schema_version))
    shared = shared_pages.lookup(connection, key, head)
    if shared is not None:
        return shared, True, True
    rows = _visible(connection, scopes, request.cursor, head, request.limit, key[2])
    has_more = len(rows) > request.limit
    # With nothing more to see, jump to the head: invisible rows are never scanned again.
    cursor = rows[request.limit - 1].seq if has_more else head
    changes, results = _texts(rows[:request.limit])
    part = SharedPage(cursor, changes, results, end=rows[-1].seq if rows else head,
                      rows=len(rows))
    return part, has_more, has_more and shared_pages.offer(connection, key, part)


def pull_in(connection: sa.Connection, begun: Start, request: PullRequest) -> PullAnswer:
    """Return the next page of changes the puller may see after the request's cursor, as
    `PullResponse` JSON, inside the read transaction `begun` was read in (one snapshot).

    Pages can hold hundreds of documents: their stored JSON is spliced in as it is, never
    decoded and encoded again (that was most of the server's time under load).

    Revokes follow a record whose scopes change; when the user's own scopes change (moved
    to another unit), every record seen through the old ones would stay on the client. So
    the scopes a mirror was pulled under are recorded, and a pull under other scopes
    answers `reset`: the client wipes its mirror and pulls again from 0.
    """
    check_schema(request.schema_version)
    person, head = begun.session.person, begun.head
    if begun.client_person_id is not None and begun.client_person_id != person.id:
        raise client_mismatch()
    last_mutation_id, recorded = begun.last_mutation_id, begun.scopes_key
    if changelog.needs_reset(request.cursor, head, begun.pruned_through):
        return PullAnswer(_page(0, last_mutation_id, has_more=True, reset=True))
    if 0 < request.cursor == head and recorded is not None:
        # Nothing new: most pulls. The scopes need no check here: every change of the
        # directory (a person moved, a unit re-parented) appends to the log, so a client at
        # the head was answered under today's scopes by the pull that brought it there.
        return PullAnswer(_page(head, last_mutation_id, has_more=False, reset=False))
    scopes = user_scopes(connection, person_id=person.id, unit_id=person.unit_id,
                         client_id=request.client_id, head=head)
    key = scopes_key(scopes)
    if recorded is not None and recorded != key and request.cursor > 0:
        return PullAnswer(_page(0, last_mutation_id, has_more=True, reset=True))
    part, has_more, shared = _rows_part(connection, scopes, request, head)
    page = _page(part.cursor, last_mutation_id, part.changes, part.results, has_more=has_more,
                 reset=False)
    # Recorded from a pull at 0 (a mirror built under these scopes), or the first time a
    # client is seen since the server learnt to record them.
    record = recorded != key and (request.cursor == 0 or recorded is None)
    # A new installation has pushed nothing yet: its whole answer is the shared page's.
    return PullAnswer(page, key if record else None,
                      part if shared and last_mutation_id == 0 else None)


def _change(seq: int, kind: str, entity_id: str, op: str, payload: str | None) -> str:
    # What json.dumps of the head would give (ensure_ascii=False, no spaces), without its
    # dict walk: a page of 1,000 changes spent a tenth of a loaded server's time here.
    return (f'{{"seq":{int(seq)},"kind":{_string(kind)},"id":{_string(entity_id)},'
            f'"op":{_string(op)},"data":{payload or "null"}}}')


def _texts(rows: Sequence[sa.Row[Any]]) -> tuple[str, str]:
    """Return a page's changes and results as the JSON text inside their lists."""
    # Rows unpacked as tuples (in _VISIBLE's column order): a Row's attributes cost more.
    heads = cast("Sequence[tuple[int, str, str, str, str | None]]", rows)
    changes = ",".join(_change(seq, kind, entity_id, op, payload)
                       for seq, kind, entity_id, op, payload in heads if op != changelog.RESULT)
    results = ",".join(r.payload for r in rows if r.op == changelog.RESULT)
    return changes, results


def _page(cursor: int, last_mutation_id: int, changes: str = "", results: str = "", *,
          has_more: bool, reset: bool) -> str:
    # The envelope first: a client reads where the next page starts from the first bytes of
    # this one, and asks for it while the rest is still on its way (sync/client/pages.py).
    flags = json.dumps({"has_more": has_more, "reset": reset}, separators=(",", ":"))[1:-1]
    return (f'{{{flags},"cursor":{int(cursor)},"last_mutation_id":{int(last_mutation_id)},'
            f'"changes":[{changes}],"results":[{results}]}}')
