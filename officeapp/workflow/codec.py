"""Documents and actions to and from JSON-friendly dicts: one format for store, wire and server."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from officeapp.documents import Classification, Direction, DocType, Urgency
from officeapp.errors import ValidationError
from officeapp.org import Organisation, Role
from officeapp.workflow.model import (
    Action,
    ActionKind,
    ArchiveInfo,
    Assignee,
    Attachment,
    BodyVersion,
    Circulation,
    Document,
    Holder,
    Informed,
    Retention,
    TraceEntry,
)


def _dt(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _d(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _parse_dt(value: Any) -> datetime | None:
    return None if value in (None, "") else datetime.fromisoformat(str(value))


def _required_dt(value: Any) -> datetime:
    found = _parse_dt(value)
    if found is None:
        raise ValueError("missing time")
    return found


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise ValueError("a time without its zone")
    return value


def _optional_str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise TypeError(key)
    return value


def _str_list(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(key)
    return tuple(value)


def _parse_d(value: Any) -> date | None:
    return None if value in (None, "") else date.fromisoformat(str(value))


def _roles(values: Any) -> frozenset[Role]:
    return frozenset(Role(v) for v in values)


def holder_to_dict(holder: Holder) -> dict[str, Any]:
    """Return the JSON form of a holder."""
    return {
        "unit_id": holder.unit_id,
        "roles": sorted(r.value for r in holder.roles),
        "person_id": holder.person_id,
        "on_behalf_of": holder.on_behalf_of,
        "added": holder.added,
        "lead": holder.lead,
        "done": holder.done,
        "claimed_at": _dt(holder.claimed_at),
    }


def holder_from_dict(data: Mapping[str, Any]) -> Holder:
    """Return the holder described by `data`."""
    return Holder(
        unit_id=data["unit_id"], roles=_roles(data.get("roles", ())),
        person_id=data.get("person_id"), on_behalf_of=data.get("on_behalf_of"),
        added=bool(data.get("added")), lead=bool(data.get("lead")), done=bool(data.get("done")),
        claimed_at=_parse_dt(data.get("claimed_at")),
    )


def trace_to_dict(entry: TraceEntry) -> dict[str, Any]:
    """Return the JSON form of a trace entry."""
    return {
        "seq": entry.seq, "step": entry.step, "action": entry.action.value,
        "actor_id": entry.actor_id, "actor_name": entry.actor_name, "at": entry.at.isoformat(),
        "opinion": entry.opinion, "on_behalf_of": entry.on_behalf_of,
        "target_step": entry.target_step, "details": dict(entry.details),
        "acted_at": _dt(entry.acted_at),
    }


def trace_from_dict(data: Mapping[str, Any]) -> TraceEntry:
    """Return the trace entry described by `data`."""
    at = _required_dt(data["at"])
    return TraceEntry(
        seq=int(data["seq"]), step=data["step"], action=ActionKind(data["action"]),
        actor_id=data["actor_id"], actor_name=data.get("actor_name", ""), at=at,
        opinion=data.get("opinion", ""), on_behalf_of=data.get("on_behalf_of"),
        target_step=data.get("target_step"), details=dict(data.get("details") or {}),
        acted_at=_parse_dt(data.get("acted_at")),
    )


def document_to_dict(doc: Document) -> dict[str, Any]:
    """Return the JSON form of a document, with its holders, trace and circulations."""
    data: dict[str, Any] = {
        "id": doc.id, "direction": doc.direction.value, "doc_type": doc.doc_type.value,
        "title": doc.title, "owner_unit_id": doc.owner_unit_id, "created_by": doc.created_by,
        "created_at": doc.created_at.isoformat(), "step": doc.step,
        "urgency": doc.urgency.value, "classification": doc.classification.value,
        "agency_code": doc.agency_code, "doc_number": doc.doc_number,
        "main_recipients": list(doc.main_recipients), "cc_recipients": list(doc.cc_recipients),
        "countersign_units": list(doc.countersign_units), "signer_id": doc.signer_id,
        "signer_name": doc.signer_name, "body": doc.body,
        "attachments": [_attachment_to_dict(a) for a in doc.attachments],
        "note": doc.note, "written_date": _d(doc.written_date), "issuer": doc.issuer,
        "print_unit": doc.print_unit, "print_date": _d(doc.print_date),
        "source_document_id": doc.source_document_id, "sender_unit": doc.sender_unit,
        "received_number": doc.received_number, "lead_unit_id": doc.lead_unit_id,
        "co_unit_ids": list(doc.co_unit_ids), "deadline": _dt(doc.deadline),
        "circulate_to": list(doc.circulate_to),
        "holders": [holder_to_dict(h) for h in doc.holders],
        "trace": [trace_to_dict(e) for e in doc.trace],
        "circulations": [
            {"person_id": c.person_id, "sent_by": c.sent_by, "sent_at": c.sent_at.isoformat(),
             "read_at": _dt(c.read_at)} for c in doc.circulations
        ],
        "archive": None if doc.archive is None else {
            "year": doc.archive.year, "retention": doc.archive.retention.value,
            "item_number": doc.archive.item_number,
        },
        "official_pdf": None if doc.official_pdf is None else _attachment_to_dict(
            doc.official_pdf),
        "version": doc.version, "updated_at": _dt(doc.updated_at),
        "body_versions": [body_version_to_dict(v) for v in doc.body_versions],
    }
    if doc.informed:
        # Only when there is one (知会 is rare): an empty list would cost every document of
        # an initial sync its bytes on the wire.
        data["informed"] = [
            {"person_id": i.person_id, "sent_by": i.sent_by, "sent_at": i.sent_at.isoformat(),
             "read_at": _dt(i.read_at)} for i in doc.informed]
    return data


def _attachment_to_dict(attachment: Attachment) -> dict[str, Any]:
    return {"name": attachment.name, "sha256": attachment.sha256, "size": attachment.size}


def _attachment(data: Mapping[str, Any]) -> Attachment:
    return Attachment(data["name"], data.get("sha256", ""), int(data.get("size", 0)))


def body_version_to_dict(version: BodyVersion) -> dict[str, Any]:
    """Return the JSON form of a 正文 version."""
    return {"number": version.number, "file": _attachment_to_dict(version.file),
            "saved_by": version.saved_by, "saved_by_name": version.saved_by_name,
            "saved_at": version.saved_at.isoformat(), "based_on": version.based_on}


def body_versions_from(value: Any) -> tuple[BodyVersion, ...]:
    """Return the 正文 versions in their JSON form (absent or null: none); raises KeyError,
    ValueError or TypeError for anything else the codec could not read back."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise TypeError("body_versions")
    found: list[BodyVersion] = []
    for item in value:
        if not isinstance(item, Mapping) or not isinstance(item["file"], Mapping):
            raise TypeError("body_version")
        saved_by, name = item["saved_by"], item.get("saved_by_name", "")
        if not isinstance(saved_by, str) or not isinstance(name, str):
            raise TypeError("saved_by")
        if not isinstance(item["file"]["name"], str):
            raise TypeError("body_version.file")
        found.append(BodyVersion(
            number=int(item["number"]), file=_attachment(item["file"]), saved_by=saved_by,
            saved_by_name=name, saved_at=_required_dt(item["saved_at"]),
            based_on=int(item.get("based_on") or 0)))
    return tuple(found)


def _informed(data: Mapping[str, Any]) -> Informed:
    if not isinstance(data["person_id"], str) or not isinstance(data["sent_by"], str):
        raise TypeError("informed")
    return Informed(person_id=data["person_id"], sent_by=data["sent_by"],
                    sent_at=_required_dt(data["sent_at"]), read_at=_parse_dt(data.get("read_at")))


def _circulation(data: Mapping[str, Any]) -> Circulation:
    sent_at = _required_dt(data["sent_at"])
    return Circulation(person_id=data["person_id"], sent_by=data["sent_by"], sent_at=sent_at,
                       read_at=_parse_dt(data.get("read_at")))


def document_from_dict(data: Mapping[str, Any]) -> Document:
    """Return the document described by `data` (as written by document_to_dict)."""
    try:
        created_at = _required_dt(data["created_at"])
        archive = data.get("archive")
        official = data.get("official_pdf")
        return Document(
            id=data["id"], direction=Direction(data["direction"]),
            doc_type=DocType(data["doc_type"]), title=data["title"],
            owner_unit_id=data["owner_unit_id"], created_by=data["created_by"],
            created_at=created_at, step=data["step"], urgency=Urgency(data["urgency"]),
            classification=Classification(data["classification"]),
            agency_code=data.get("agency_code", ""), doc_number=data.get("doc_number"),
            main_recipients=tuple(data.get("main_recipients", ())),
            cc_recipients=tuple(data.get("cc_recipients", ())),
            countersign_units=tuple(data.get("countersign_units", ())),
            signer_id=data.get("signer_id"), signer_name=data.get("signer_name", ""),
            body=data.get("body", ""),
            attachments=tuple(_attachment(a) for a in data.get("attachments", ())),
            note=data.get("note", ""), written_date=_parse_d(data.get("written_date")),
            issuer=data.get("issuer", ""), print_unit=data.get("print_unit", ""),
            print_date=_parse_d(data.get("print_date")),
            source_document_id=data.get("source_document_id"),
            sender_unit=data.get("sender_unit", ""),
            received_number=data.get("received_number", ""),
            lead_unit_id=data.get("lead_unit_id"),
            co_unit_ids=tuple(data.get("co_unit_ids", ())),
            deadline=_parse_dt(data.get("deadline")),
            circulate_to=tuple(data.get("circulate_to", ())),
            holders=tuple(holder_from_dict(h) for h in data.get("holders", ())),
            trace=tuple(trace_from_dict(e) for e in data.get("trace", ())),
            circulations=tuple(_circulation(c) for c in data.get("circulations", ())),
            informed=tuple(_informed(i) for i in data.get("informed") or ()),
            archive=None if archive is None else ArchiveInfo(
                int(archive["year"]), Retention(archive["retention"]),
                int(archive.get("item_number", 0))),
            official_pdf=None if official is None else _attachment(official),
            version=int(data.get("version", 1)), updated_at=_parse_dt(data.get("updated_at")),
            body_versions=body_versions_from(data.get("body_versions")),
        )
    except (KeyError, ValueError, TypeError) as error:
        raise ValidationError("document.malformed", "文件数据格式不正确",
                              reason=str(error)) from None


def assignee_to_dict(assignee: Assignee) -> dict[str, Any]:
    """Return the JSON form of an assignee."""
    return {"person_id": assignee.person_id, "unit_id": assignee.unit_id,
            "unit_path": list(assignee.unit_path),
            "roles": sorted(r.value for r in assignee.roles)}


def action_to_dict(action: Action) -> dict[str, Any]:
    """Return the JSON form of an action (the args of a document mutation)."""
    return {
        "kind": action.kind.value, "opinion": action.opinion, "target_step": action.target_step,
        "assignees": [a.person_id for a in action.assignees],
        "unit_ids": list(action.unit_ids), "lead_unit_id": action.lead_unit_id,
        "deadline": _dt(action.deadline), "changes": dict(action.changes),
        "retention": None if action.retention is None else action.retention.value,
        "year": action.year, "expected_step": action.expected_step,
        "acted_at": _dt(action.acted_at),
    }


def assignee_resolver(org: Organisation) -> Callable[[str], Assignee]:
    """Return a function that looks a person up in `org` as an Assignee, refusing unknowns."""

    def resolve(person_id: str) -> Assignee:
        person = org.people.get(person_id)
        if person is None or not person.active:
            raise ValidationError("org.unknown_person", "所选人员不存在或已停用",
                                  person_id=person_id)
        return Assignee(person.id, person.unit_id, org.unit_path(person.unit_id), person.roles)

    return resolve


def action_from_dict(
    data: Mapping[str, Any], resolve: Callable[[str], Assignee] | None = None
) -> Action:
    """Return the action in `data`; `resolve(person_id) -> Assignee` looks people up.

    Assignees travel as person ids; each adapter resolves them against its own directory, so
    a client can never claim someone belongs to a unit they do not.
    """
    try:
        kind = ActionKind(data["kind"])
        people = data.get("assignees") or []
        if not isinstance(people, list) or not all(isinstance(p, str) for p in people):
            raise TypeError("assignees")
        assignees = tuple(resolve(p) for p in people) if resolve else ()
        changes = data.get("changes") or {}
        if not isinstance(changes, Mapping):
            raise TypeError("changes")
        year = data.get("year")
        if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
            raise TypeError("year")
        opinion = data.get("opinion") or ""
        if not isinstance(opinion, str):
            raise TypeError("opinion")
        return Action(
            kind=kind, opinion=opinion,
            target_step=_optional_str(data, "target_step"), assignees=assignees,
            unit_ids=_str_list(data, "unit_ids"),
            lead_unit_id=_optional_str(data, "lead_unit_id"),
            deadline=_parse_dt(_optional_str(data, "deadline")),
            changes=dict(changes),
            retention=None if not data.get("retention") else Retention(data["retention"]),
            year=year,
            expected_step=_optional_str(data, "expected_step"),
            acted_at=_aware(_parse_dt(_optional_str(data, "acted_at"))),
        )
    except (KeyError, ValueError, TypeError) as error:
        raise ValidationError("action.malformed", "操作参数格式不正确",
                              reason=str(error)) from None
