"""Starting a document: drafting 发文, registering paper 收文, and delivering issued copies."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from officeapp.clock import acted_at
from officeapp.documents import Direction, DocType
from officeapp.errors import ForbiddenError, ValidationError
from officeapp.org import Actor, Role
from officeapp.workflow.body import BodyFileChange, add_body_version
from officeapp.workflow.definitions import INCOMING, OUTGOING
from officeapp.workflow.engine import holders_for
from officeapp.workflow.fields import parse_changes
from officeapp.workflow.model import ActionKind, Document, Holder, TraceEntry


def _first_entry(document: Document, actor: Actor, now: datetime, opinion: str,
                 acted: datetime | None) -> Document:
    entry = TraceEntry(seq=1, step=document.step, action=ActionKind.CREATE,
                       actor_id=actor.person_id, actor_name=actor.name, at=now, opinion=opinion,
                       acted_at=acted_at(acted, now))
    return replace(document, trace=(entry,), updated_at=now)


def _start(
    *, document_id: str, direction: Direction, actor: Actor, fields: Mapping[str, Any],
    now: datetime, step: str,
) -> Document:
    if "doc_type" not in fields or "title" not in fields:
        missing = "文种" if "doc_type" not in fields else "标题"
        raise ValidationError(f"document.invalid_{'doc_type' if missing == '文种' else 'title'}",
                              f"{missing}不能为空",
                              field="doc_type" if missing == "文种" else "title")
    values = parse_changes(fields)
    doc_type: DocType = values.pop("doc_type")
    title: str = values.pop("title")
    body_file: BodyFileChange | None = values.pop("body_file", None)
    document = Document(id=document_id, direction=direction, doc_type=doc_type, title=title,
                        owner_unit_id=actor.unit_id, created_by=actor.person_id,
                        created_at=now, step=step, **values)
    if body_file is None:
        return document
    return add_body_version(document, body_file, saved_by=actor.person_id,
                            saved_by_name=actor.name, saved_at=now)


def create_outgoing(
    *, document_id: str, actor: Actor, fields: Mapping[str, Any], now: datetime,
    agency_code: str = "", acted: datetime | None = None,
) -> Document:
    """Return a new 发文 draft held by its drafter; `agency_code` is the unit's default 机关代字.
    `acted` is when the drafter acted, if earlier than `now` (drafted offline)."""
    step = OUTGOING.step("draft")
    if not actor.has_role(step.roles):
        raise ForbiddenError("workflow.forbidden", "您没有拟稿权限")
    if agency_code and not fields.get("agency_code"):
        fields = {**fields, "agency_code": agency_code}
    document = _start(document_id=document_id, direction=Direction.OUTGOING, actor=actor,
                      fields=fields, now=now, step=step.key)
    holder = Holder(unit_id=actor.unit_id, roles=step.roles, person_id=actor.person_id)
    return _first_entry(replace(document, holders=(holder,)), actor, now, "拟稿", acted)


def register_incoming(
    *, document_id: str, actor: Actor, fields: Mapping[str, Any], now: datetime,
    acted: datetime | None = None,
) -> Document:
    """Return a 收文 that arrived on paper or by other channels, at 登记, held by the clerk."""
    step = INCOMING.step("register")
    if Role.CLERK not in actor.roles:
        raise ForbiddenError("workflow.forbidden", "只有办文人员可以登记收文")
    document = _start(document_id=document_id, direction=Direction.INCOMING, actor=actor,
                      fields=fields, now=now, step=step.key)
    holder = Holder(unit_id=actor.unit_id, roles=step.roles, person_id=actor.person_id)
    return _first_entry(replace(document, holders=(holder,)), actor, now, "收文登记", acted)


def incoming_copy(
    issued: Document, *, document_id: str, unit_id: str, sender_name: str, now: datetime,
    system_actor: Actor,
) -> Document:
    """Return the incoming copy that 公文交换 delivers to `unit_id`, waiting at 签收."""
    copy = Document(
        id=document_id, direction=Direction.INCOMING, doc_type=issued.doc_type,
        title=issued.title, owner_unit_id=unit_id, created_by=system_actor.person_id,
        created_at=now, step="receive", urgency=issued.urgency,
        classification=issued.classification, agency_code=issued.agency_code,
        doc_number=issued.doc_number, main_recipients=issued.main_recipients,
        cc_recipients=issued.cc_recipients, signer_name=issued.signer_name, body=issued.body,
        attachments=issued.attachments, note=issued.note, written_date=issued.written_date,
        issuer=issued.issuer, print_unit=issued.print_unit, print_date=issued.print_date,
        source_document_id=issued.id, sender_unit=sender_name,
        official_pdf=issued.official_pdf,
    )
    copy = replace(copy, holders=holders_for(copy, INCOMING.step("receive")))
    return _first_entry(copy, system_actor, now, f"{sender_name}来文", None)
