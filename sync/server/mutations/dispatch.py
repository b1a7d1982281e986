"""The push loop: apply each outbox mutation once and in order, each in its own transaction,
by the handler registered for its name (officeapp.mutators declares every mutation)."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from officeapp.errors import DomainError, ValidationError
from officeapp.mutators import MUTATORS
from officeapp.org import Person
from sync.protocol import (
    Mutation,
    MutationResult,
    PushRequest,
    PushResponse,
)
from sync.server.errors import check_schema, client_mismatch
from sync.server.http.limits import unstorable_text
from sync.server.mutations import delegations, documents, meetings, supervision
from sync.server.mutations.work import Handler, Work
from sync.server.settings import Settings
from sync.server.storage import changelog, db
from sync.server.storage import tables as t
from sync.server.storage.changelog import ChangeRow
from sync.server.storage.directory import load_organisation
from sync.server.storage.pokes import Notifier
from sync.server.storage.records import Writes
from sync.server.storage.visibility import client_scope, user_scopes

log = logging.getLogger("officeapp.server.push")

ATTEMPTS = 3

# Every mutation's handler, by name: one module per area registers its own.
HANDLERS: Mapping[str, Handler] = {
    **documents.HANDLERS, **meetings.HANDLERS, **supervision.HANDLERS, **delegations.HANDLERS}


def lock_client(connection: sa.Connection, client_id: str, person_id: str, now: datetime,
                next_id: int) -> int:
    """Lock this client's row (creating it) and return its last mutation id.

    After a restore (`restored`), the first push of a client may start past what the server
    expects: the mutations in between were acknowledged before and forgotten by the restore,
    and the client will never send them again. They are skipped, once, and logged.
    """
    db.insert_ignore(connection, t.clients, {"client_id": client_id, "person_id": person_id,
                                             "last_mutation_id": 0, "created_at": now})
    c = t.clients.c
    row = connection.execute(sa.select(t.clients).where(c.client_id == client_id)
                             .with_for_update()).one()
    if row.person_id != person_id:
        raise client_mismatch()
    last = int(row.last_mutation_id)
    if row.restored:
        connection.execute(sa.update(t.clients).where(c.client_id == client_id)
                           .values(restored=False))
        if next_id > last + 1:
            log.warning("client %s resumes at mutation %s after a restore; %s to %s were lost",
                        client_id, next_id, last + 1, next_id - 1)
            last = next_id - 1
    return last


def _jsonable(details: Mapping[str, Any]) -> dict[str, Any]:
    return dict(json.loads(json.dumps(dict(details), default=str, ensure_ascii=False)))


def _rejected(mutation_id: int, error: DomainError) -> MutationResult:
    return MutationResult(id=mutation_id, status="rejected", code=error.code,
                          message=error.message, details=_jsonable(error.details))


class Pusher:
    """Applies pushed mutations: at most once each, in order, each in its own transaction."""

    def __init__(self, engine: sa.Engine, settings: Settings, notifier: Notifier) -> None:
        self.engine = engine
        self.settings = settings
        self.notifier = notifier

    def push(self, person: Person, request: PushRequest) -> PushResponse:
        """Process the mutations in order, stopping at the first out-of-order id."""
        check_schema(request.schema_version)
        results: list[MutationResult] = []
        last = 0
        for mutation in request.mutations:
            result, last = self._with_retries(person, request.client_id, mutation)
            results.append(result)
            if result.status == "out_of_order":
                break
        return PushResponse(last_mutation_id=last, results=results)

    def _with_retries(self, person: Person, client_id: str,
                      mutation: Mutation) -> tuple[MutationResult, int]:
        for attempt in range(ATTEMPTS):
            try:
                return self._once(person, client_id, mutation)
            except sa.exc.DBAPIError as error:
                # Deadlock or serialization failure: nothing was committed, try again.
                if attempt + 1 == ATTEMPTS or not db.is_retryable(error):
                    raise
        raise AssertionError("unreachable")

    def _once(self, person: Person, client_id: str,
              mutation: Mutation) -> tuple[MutationResult, int]:
        now = self.settings.clock()
        writes = Writes()
        with db.write(self.engine) as connection:
            last = lock_client(connection, client_id, person.id, now, mutation.id)
            if mutation.id <= last:
                return _duplicate(connection, client_id, mutation.id), last
            if mutation.id > last + 1:
                return MutationResult(
                    id=mutation.id, status="out_of_order", code="sync.out_of_order",
                    message=f"操作顺序不连续：服务器等待第{last + 1}号操作",
                    expected_id=last + 1), last
            result = self._apply_or_reject(connection, person, client_id, mutation, now,
                                           writes)
            _record(connection, client_id, result, now)
            changelog.append(connection, writes.changes, now)
            self.notifier.stage(connection, writes.pokes)
        self.notifier.committed(writes.pokes)
        return result, mutation.id

    def _apply_or_reject(self, connection: sa.Connection, person: Person, client_id: str,
                         mutation: Mutation, now: datetime, writes: Writes) -> MutationResult:
        savepoint = connection.begin_nested()
        try:
            self._apply(connection, person, client_id, mutation, now, writes)
        except DomainError as error:
            # A business refusal is permanent: undo the mutation's writes, keep the queue
            # moving, and log the result for the client to pull if it missed this answer.
            savepoint.rollback()
            writes.changes.clear()
            writes.pokes.clear()
            result = _rejected(mutation.id, error)
            writes.changes.append(ChangeRow(
                "result", f"{client_id}:{mutation.id}", changelog.RESULT,
                result.model_dump(), frozenset({client_scope(client_id)})))
            return result
        savepoint.commit()
        return MutationResult(id=mutation.id, status="applied")

    def _apply(self, connection: sa.Connection, person: Person, client_id: str,
               mutation: Mutation, now: datetime, writes: Writes) -> None:
        handler = HANDLERS.get(mutation.name)
        if handler is None:
            raise ValidationError("mutation.unknown", f"服务器不支持该操作：{mutation.name}",
                                  name=mutation.name)
        if mutation.v > MUTATORS[mutation.name].version:
            raise ValidationError("mutation.unsupported_version",
                                  "该操作来自较新版本的客户端，请联系管理员升级服务器",
                                  name=mutation.name, v=mutation.v)
        if unstorable_text(mutation.args):
            # Permanent, so the queue moves on; the text is not echoed back.
            raise ValidationError("mutation.invalid_args",
                                  "操作参数含有无法保存的字符（空字符或不成对的代理字符）")
        org = load_organisation(connection)
        actor = org.actor(person.id, now)
        scopes = user_scopes(connection, person_id=person.id, unit_id=person.unit_id,
                             client_id=client_id)
        handler(Work(connection, org, actor, scopes, now, writes), mutation.args)


def _record(connection: sa.Connection, client_id: str, result: MutationResult,
            now: datetime) -> None:
    connection.execute(sa.insert(t.mutation_results).values(
        client_id=client_id, mutation_id=result.id, status=result.status, code=result.code,
        message=result.message, details=result.details, at=now))
    connection.execute(sa.update(t.clients).where(t.clients.c.client_id == client_id)
                       .values(last_mutation_id=result.id))


def _duplicate(connection: sa.Connection, client_id: str, mutation_id: int) -> MutationResult:
    """Answer a mutation processed before exactly as the first time."""
    r = t.mutation_results.c
    row = connection.execute(sa.select(t.mutation_results).where(
        r.client_id == client_id, r.mutation_id == mutation_id)).first()
    if row is None:
        return MutationResult(id=mutation_id, status="duplicate")
    return MutationResult(id=mutation_id, status="duplicate", original=row.status,
                          code=row.code, message=row.message, details=dict(row.details))
