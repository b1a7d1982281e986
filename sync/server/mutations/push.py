"""Push: apply each outbox mutation once and in order, by officeapp's rules and server time."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from officeapp.clock import local
from officeapp.documents import Direction, DocNumber
from officeapp.errors import DomainError, ForbiddenError, ValidationError
from officeapp.org import Actor, Organisation, Person
from officeapp.workflow import (
    AllocateItemNumber,
    AllocateNumber,
    Distribute,
    Document,
    Notify,
    Rejected,
    SealDocument,
    create_outgoing,
    decide,
    incoming_copy,
    register_incoming,
)
from officeapp.workflow.codec import action_from_dict, assignee_resolver
from officeapp.workflow.fields import check_units
from sync.protocol import (
    MUTATOR_VERSIONS,
    SCHEMA_VERSION,
    ActArgs,
    CreateDocumentArgs,
    Mutation,
    MutationResult,
    PushRequest,
    PushResponse,
    acted_moment,
    parse_args,
)
from sync.server.errors import ApiError
from sync.server.http.limits import unstorable_text
from sync.server.mutations import delegations, meetings, supervision
from sync.server.settings import Settings
from sync.server.storage import changelog, db, documents, records, seals
from sync.server.storage import tables as t
from sync.server.storage.blobs import Referrer
from sync.server.storage.changelog import ChangeRow
from sync.server.storage.directory import load_organisation, unit_names
from sync.server.storage.documents import Writes
from sync.server.storage.pokes import Notifier
from sync.server.storage.visibility import (
    SYSTEM_PERSON,
    client_scope,
    notify_scopes,
    user_scopes,
)

log = logging.getLogger("officeapp.server.push")

# Incoming copies get ids derived from (issued document, recipient unit): a retried or
# replayed distribution can never deliver twice.
COPY_NAMESPACE = uuid.UUID("5b0f7a52-3c1e-4f0e-9a51-6f3a8f1d2c44")
ATTEMPTS = 3


def copy_id(document_id: str, unit_id: str) -> str:
    """Return the id of the incoming copy of `document_id` delivered to `unit_id`."""
    return str(uuid.uuid5(COPY_NAMESPACE, f"{document_id}/{unit_id}"))


def check_schema(version: int) -> None:
    """Refuse a client that speaks a newer protocol than this server."""
    if version > SCHEMA_VERSION:
        raise ApiError(409, "sync.schema_unsupported",
                       "客户端版本比服务器新，请联系管理员升级服务器",
                       client=version, server=SCHEMA_VERSION)


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


def client_mismatch() -> ApiError:
    """Return the error for a client id registered to another person."""
    return ApiError(403, "sync.client_mismatch",
                    "该客户端已被其他用户使用，请重新登录以建立新的本地数据")


def _jsonable(details: Mapping[str, Any]) -> dict[str, Any]:
    return dict(json.loads(json.dumps(dict(details), default=str, ensure_ascii=False)))


def _rejected(mutation_id: int, error: DomainError) -> MutationResult:
    return MutationResult(id=mutation_id, status="rejected", code=error.code,
                          message=error.message, details=_jsonable(error.details))


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


def _create(make: Callable[..., Document]) -> Callable[[Work, Mapping[str, Any]], None]:
    def handle(work: Work, args: Mapping[str, Any]) -> None:
        parsed: CreateDocumentArgs = parse_args(CreateDocumentArgs, args)
        if documents.exists(work.connection, parsed.document_id):
            raise ValidationError("document.exists", "该文件已存在，不能重复创建",
                                  document_id=parsed.document_id)
        extra: dict[str, Any] = {}
        if make is create_outgoing:
            unit = work.org.units.get(work.actor.unit_id)
            extra["agency_code"] = unit.agency_code if unit else ""
        doc = make(document_id=parsed.document_id, actor=work.actor, fields=parsed.fields,
                   now=work.now, acted=acted_moment(parsed.acted_at), **extra)
        check_units(doc, work.org.units)
        documents.save(work.connection, doc, None, work.now, work.writes, by=work.referrer)

    return handle


def _act(work: Work, args: Mapping[str, Any]) -> None:
    parsed: ActArgs = parse_args(ActArgs, args)
    stored = documents.load(work.connection, parsed.document_id, lock=True)
    if stored is None or not documents.visible_to(stored, work.scopes):
        # The same answer whether it does not exist or is not theirs: nothing leaks.
        raise ForbiddenError("document.not_found", "文件不存在或您无权查看",
                             document_id=parsed.document_id)
    action = action_from_dict(parsed.action, assignee_resolver(work.org))
    decision = decide(stored.document, work.actor, action, work.now)
    if isinstance(decision, Rejected):
        r = decision.rejection
        raise DomainError(r.code, r.message, **r.details)
    doc = decision.document
    check_units(doc, work.org.units)
    copies: list[Distribute] = []
    for effect in decision.effects:
        if isinstance(effect, AllocateNumber):
            doc = replace(doc, doc_number=str(_next_number(work.connection, effect)))
        elif isinstance(effect, AllocateItemNumber) and doc.archive is not None:
            item = _next_item(work.connection, effect)
            doc = replace(doc, archive=replace(doc.archive, item_number=item))
        elif isinstance(effect, SealDocument):
            doc = _seal(work, doc)
        elif isinstance(effect, Distribute):
            copies.append(effect)
        elif isinstance(effect, Notify):
            work.writes.pokes |= notify_scopes(effect)
    documents.save(work.connection, doc, stored, work.now, work.writes, by=work.referrer)
    for effect in copies:
        _distribute(work, doc, effect)


def _seal(work: Work, doc: Document) -> Document:
    """用印: the signed official PDF. The record keeps the dates the file shows: 成文日期 and
    印发日期 are the day of sealing unless set, so that a copy rendered later (the OFD, the
    archive) prints the same."""
    day = local(work.now).date()
    doc = replace(doc, written_date=doc.written_date or day, print_date=doc.print_date or day)
    return replace(doc, official_pdf=seals.seal_document(work.connection, doc, work.org,
                                                         work.now))


def _next_number(connection: sa.Connection, effect: AllocateNumber) -> DocNumber:
    """Take the next 发文字号 of the register, locked until commit: gap-free and unique."""
    r = t.number_registers.c
    key = (r.agency_code == effect.agency_code) & (r.year == effect.year)
    db.insert_ignore(connection, t.number_registers, {
        "agency_code": effect.agency_code, "year": effect.year, "last_sequence": 0})
    last = connection.execute(sa.select(r.last_sequence).where(key).with_for_update())
    sequence = int(last.scalar_one()) + 1
    connection.execute(sa.update(t.number_registers).where(key).values(last_sequence=sequence))
    return DocNumber(effect.agency_code, effect.year, sequence)


def _next_item(connection: sa.Connection, effect: AllocateItemNumber) -> int:
    """Take the next 件号 for (unit, year, retention), locked until commit."""
    a = t.archive_counters.c
    key = ((a.unit_id == effect.unit_id) & (a.year == effect.year)
           & (a.retention == effect.retention.value))
    db.insert_ignore(connection, t.archive_counters, {
        "unit_id": effect.unit_id, "year": effect.year, "retention": effect.retention.value,
        "last_item": 0})
    item = int(connection.execute(sa.select(a.last_item).where(key).with_for_update())
               .scalar_one()) + 1
    connection.execute(sa.update(t.archive_counters).where(key).values(last_item=item))
    return item


def _distribute(work: Work, issued: Document, effect: Distribute) -> None:
    """Deliver an incoming copy to every 主送 and 抄送 unit (公文交换)."""
    names = unit_names(work.connection)
    targets = list(dict.fromkeys(effect.main_units + effect.cc_units))
    unknown = [u for u in targets if u not in names]
    if unknown:
        raise ValidationError("distribute.unknown_unit",
                              f"主送或抄送单位不在通讯录中：{'、'.join(unknown)}",
                              unit_ids=unknown)
    sender = names.get(issued.owner_unit_id, issued.issuer)
    for unit_id in targets:
        document_id = copy_id(issued.id, unit_id)
        existing = documents.load(work.connection, document_id, lock=True)
        if existing is not None:
            if not _is_copy(existing.document, issued, unit_id):
                raise records.derived_id_taken("document", document_id, source=issued.id,
                                               unit_id=unit_id)
            continue  # delivered by an earlier distribution of the same document
        system = Actor(person_id=SYSTEM_PERSON, name="公文交换", unit_id=unit_id,
                       unit_path=(unit_id,), roles=frozenset())
        copy = incoming_copy(issued, document_id=document_id, unit_id=unit_id,
                             sender_name=sender, now=work.now, system_actor=system)
        documents.save(work.connection, copy, None, work.now, work.writes, by=None)


def _is_copy(document: Document, issued: Document, unit_id: str) -> bool:
    """Return whether `document` is the incoming copy of `issued` that `unit_id` received."""
    return (document.direction is Direction.INCOMING and document.owner_unit_id == unit_id
            and document.source_document_id == issued.id)


_HANDLERS: Mapping[str, Callable[[Work, Mapping[str, Any]], None]] = {
    "document.create_outgoing": _create(create_outgoing),
    "document.register_incoming": _create(register_incoming),
    "document.act": _act,
    "meeting.create": meetings.create,
    "meeting.create_sitting": meetings.create_sitting,
    "meeting.act": meetings.act,
    "supervision.create": supervision.create,
    "supervision.act": supervision.act,
    "delegation.create": delegations.create,
    "delegation.end": delegations.end,
}


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
        handler = _HANDLERS.get(mutation.name)
        if handler is None:
            raise ValidationError("mutation.unknown", f"服务器不支持该操作：{mutation.name}",
                                  name=mutation.name)
        if mutation.v > MUTATOR_VERSIONS[mutation.name]:
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
