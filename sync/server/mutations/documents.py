"""The `document.*` mutations: creating 发文 and 收文, and deciding an action by
`officeapp.workflow` on the server's clock, with what only the server does (发文字号, 件号,
用印, and the incoming copies of 公文交换)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial
from typing import Any

import sqlalchemy as sa

from officeapp.clock import local
from officeapp.core.verdict import Verdict
from officeapp.documents import Direction, DocNumber
from officeapp.errors import ValidationError
from officeapp.mutators import (
    CREATE_OUTGOING,
    DOCUMENT_ACT,
    REGISTER_INCOMING,
    CreateDocumentArgs,
    Mutator,
    acted_moment,
    copy_id,
)
from officeapp.org import Actor
from officeapp.workflow import (
    Action,
    AllocateItemNumber,
    AllocateNumber,
    Distribute,
    Document,
    SealDocument,
    create_outgoing,
    decide,
    incoming_copy,
    register_incoming,
)
from officeapp.workflow.codec import action_from_dict, assignee_resolver
from officeapp.workflow.fields import check_units
from sync.server.mutations.work import Acting, Handler, Work, act, ensure_new, poke
from sync.server.storage import db, records, seals
from sync.server.storage import tables as t
from sync.server.storage.directory import unit_names
from sync.server.storage.documents import DOCUMENTS, Stored
from sync.server.storage.visibility import SYSTEM_PERSON


def _create(mutator: Mutator[CreateDocumentArgs], make: Callable[..., Document]) -> Handler:
    def handle(work: Work, args: Mapping[str, Any]) -> None:
        parsed = mutator.parse(args)
        ensure_new(work, DOCUMENTS, parsed.document_id)
        extra: dict[str, Any] = {}
        if make is create_outgoing:
            unit = work.org.units.get(work.actor.unit_id)
            extra["agency_code"] = unit.agency_code if unit else ""
        doc = make(document_id=parsed.document_id, actor=work.actor, fields=parsed.fields,
                   now=work.now, acted=acted_moment(parsed.acted_at), **extra)
        check_units(doc, work.org.units)
        DOCUMENTS.save(work.connection, doc, None, work.now, work.writes, by=work.referrer)

    return handle


def _action(work: Work, doc: Document, data: dict[str, Any]) -> Action:
    return action_from_dict(data, assignee_resolver(work.org))


def _decide(work: Work, doc: Document, action: Action) -> Verdict[Document]:
    return decide(doc, work.actor, action, work.now)


def _check(work: Work, action: Action, doc: Document, stored: Stored) -> None:
    check_units(doc, work.org.units)


def _prepare(work: Work, doc: Document, effects: tuple[Any, ...]) -> Document:
    """Fill in what only the server gives: the 发文字号, the 件号 and the sealed PDF."""
    for effect in effects:
        if isinstance(effect, AllocateNumber):
            doc = replace(doc, doc_number=str(_next_number(work.connection, effect)))
        elif isinstance(effect, AllocateItemNumber) and doc.archive is not None:
            item = _next_item(work.connection, effect)
            doc = replace(doc, archive=replace(doc.archive, item_number=item))
        elif isinstance(effect, SealDocument):
            doc = _seal(work, doc)
    return doc


def _follow(work: Work, doc: Document, effects: tuple[Any, ...]) -> None:
    """Poke who is told, and deliver the incoming copies of what was issued."""
    poke(work.writes, effects)
    for effect in effects:
        if isinstance(effect, Distribute):
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
        existing = DOCUMENTS.load(work.connection, document_id, lock=True)
        if existing is not None:
            if not _is_copy(existing.record, issued, unit_id):
                raise records.derived_id_taken("document", document_id, source=issued.id,
                                               unit_id=unit_id)
            continue  # delivered by an earlier distribution of the same document
        system = Actor(person_id=SYSTEM_PERSON, name="公文交换", unit_id=unit_id,
                       unit_path=(unit_id,), roles=frozenset())
        copy = incoming_copy(issued, document_id=document_id, unit_id=unit_id,
                             sender_name=sender, now=work.now, system_actor=system)
        DOCUMENTS.save(work.connection, copy, None, work.now, work.writes, by=None)


def _is_copy(document: Document, issued: Document, unit_id: str) -> bool:
    """Return whether `document` is the incoming copy of `issued` that `unit_id` received."""
    return (document.direction is Direction.INCOMING and document.owner_unit_id == unit_id
            and document.source_document_id == issued.id)


ACTING: Acting[Document, Action] = Acting(
    DOCUMENT_ACT, DOCUMENTS, action=_action, decide=_decide, check=_check, prepare=_prepare,
    follow=_follow)

HANDLERS: dict[str, Handler] = {
    CREATE_OUTGOING.name: _create(CREATE_OUTGOING, create_outgoing),
    REGISTER_INCOMING.name: _create(REGISTER_INCOMING, register_incoming),
    DOCUMENT_ACT.name: partial(act, ACTING),
}
