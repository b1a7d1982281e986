"""Validation of a document's editable fields, from the JSON-friendly values the UI and wire use."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any, TypeVar

from officeapp.core.fields import text_field
from officeapp.documents import (
    DocType,
    parse_classification,
    parse_doc_number,
    parse_doc_type,
    parse_urgency,
)
from officeapp.errors import ValidationError
from officeapp.org import Actor
from officeapp.workflow.body import BodyFileChange, add_body_version, parse_body_file
from officeapp.workflow.model import Attachment, Document

MAX_TITLE = 200
MAX_BODY = 200_000
MAX_TEXT = 2_000
MAX_UNITS = 500

# Types that are published to the public or recorded, and so have no 主送机关.
NO_MAIN_RECIPIENT_TYPES = frozenset(
    {DocType.ANNOUNCEMENT, DocType.PUBLIC_NOTICE, DocType.COMMUNIQUE, DocType.RESOLUTION,
     DocType.ORDER, DocType.MINUTES}
)

FIELD_LABELS: Mapping[str, str] = {
    "title": "标题",
    "doc_type": "文种",
    "urgency": "紧急程度",
    "classification": "密级",
    "agency_code": "机关代字",
    "doc_number": "发文字号",
    "main_recipients": "主送机关",
    "cc_recipients": "抄送机关",
    "countersign_units": "会签单位",
    "body": "正文",
    "attachments": "附件",
    "note": "附注",
    "written_date": "成文日期",
    "issuer": "发文机关署名",
    "print_unit": "印发机关",
    "print_date": "印发日期",
    "sender_unit": "来文单位",
    "received_number": "收文编号",
    "deadline": "办理期限",
    "co_unit_ids": "配合单位",
    "lead_unit_id": "牵头单位",
    "body_file": "正文文件",
}

_T = TypeVar("_T")


def _bad(field: str, message: str) -> ValidationError:
    return ValidationError(f"document.invalid_{field}", message, field=field)


def _body(value: str) -> str:
    # The 正文 keeps its indentation: only blank lines around it go.
    return value.replace("\r\n", "\n").strip("\n")


def _text(field: str, limit: int, *, required: bool = False) -> Callable[[Any], str]:
    return text_field(field, limit, label=FIELD_LABELS[field], bad=_bad,
                      required=required, clean=_body if field == "body" else str.strip)


def _unit_list(field: str) -> Callable[[Any], tuple[str, ...]]:
    def parse(value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise _bad(field, f"{FIELD_LABELS[field]}必须是单位列表")
        units = tuple(dict.fromkeys(v.strip() for v in value if v.strip()))
        if len(units) > MAX_UNITS:
            raise _bad(field, f"{FIELD_LABELS[field]}不能超过{MAX_UNITS}个")
        return units

    return parse


def _iso(field: str, kind: type[_T], read: Callable[[str], _T],
         wrong: str) -> Callable[[Any], _T | None]:
    """Return the parser of an optional date or time: a `kind` as it is, or its ISO text."""

    def parse(value: Any) -> _T | None:
        if value in (None, ""):
            return None
        # A datetime is a date as well: a date field takes only a date.
        if isinstance(value, kind) and (kind is datetime or not isinstance(value, datetime)):
            return value
        try:
            return read(str(value))
        except ValueError:
            raise _bad(field, f"{FIELD_LABELS[field]}{wrong}") from None

    return parse


def _date(field: str) -> Callable[[Any], date | None]:
    return _iso(field, date, date.fromisoformat, "不是有效日期（格式：2023-11-27）")


def _datetime(field: str) -> Callable[[Any], datetime | None]:
    return _iso(field, datetime, datetime.fromisoformat, "不是有效时间")


def _attachments(value: Any) -> tuple[Attachment, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise _bad("attachments", "附件必须是列表")
    found: list[Attachment] = []
    for item in value:
        if isinstance(item, Attachment):
            found.append(item)
        elif isinstance(item, str) and item.strip():
            found.append(Attachment(item.strip()))
        elif isinstance(item, Mapping) and isinstance(item.get("name"), str) and item["name"]:
            sha = item.get("sha256", "")
            size = item.get("size", 0)
            if not isinstance(sha, str) or not isinstance(size, int) or size < 0:
                raise _bad("attachments", "附件的校验值或大小无效")
            found.append(Attachment(item["name"].strip(), sha, size))
        else:
            raise _bad("attachments", "每个附件都必须有名称")
    return tuple(found)


def _doc_number(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise _bad("doc_number", "发文字号必须是文字")
    return str(parse_doc_number(value))


_PARSERS: Mapping[str, Callable[[Any], Any]] = {
    "title": _text("title", MAX_TITLE, required=True),
    "doc_type": lambda v: parse_doc_type(str(v)),
    "urgency": lambda v: parse_urgency(str(v or "")),
    "classification": lambda v: parse_classification(str(v or "")),
    "agency_code": _text("agency_code", 20),
    "doc_number": _doc_number,
    "main_recipients": _unit_list("main_recipients"),
    "cc_recipients": _unit_list("cc_recipients"),
    "countersign_units": _unit_list("countersign_units"),
    "body": _text("body", MAX_BODY),
    "attachments": _attachments,
    "note": _text("note", MAX_TEXT),
    "written_date": _date("written_date"),
    "issuer": _text("issuer", 100),
    "print_unit": _text("print_unit", 100),
    "print_date": _date("print_date"),
    "sender_unit": _text("sender_unit", 100),
    "received_number": _text("received_number", 50),
    "deadline": _datetime("deadline"),
    # Not a value to set but a version to add: see officeapp.workflow.body.
    "body_file": parse_body_file,
}

EDITABLE_FIELDS = frozenset(_PARSERS)


def parse_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Return `changes` parsed into field values; unknown fields and bad values are refused."""
    unknown = sorted(set(changes) - EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(
            "document.unknown_field", f"不能修改这些字段：{'、'.join(unknown)}", fields=unknown
        )
    return {name: _PARSERS[name](value) for name, value in changes.items()}


def apply_changes(document: Document, changes: Mapping[str, Any], *, by: Actor,
                  at: datetime) -> Document:
    """Return the document with validated `changes` applied; a `body_file` is added as the
    next 正文 version, saved by `by` at `at`."""
    values = parse_changes(changes)
    body_file: BodyFileChange | None = values.pop("body_file", None)
    changed = replace(document, **values)
    if body_file is None:
        return changed
    return add_body_version(changed, body_file, saved_by=by.person_id, saved_by_name=by.name,
                            saved_at=at)


def check_ready_to_send(document: Document) -> None:
    """Refuse to send on a draft that lacks what every 公文 needs."""
    if not document.title.strip():
        raise _bad("title", "标题不能为空")
    if not document.body.strip():
        raise _bad("body", "正文不能为空")
    if not document.main_recipients and document.doc_type not in NO_MAIN_RECIPIENT_TYPES:
        raise _bad("main_recipients", f"{document.doc_type.value}必须有主送机关")
    overlap = set(document.main_recipients) & set(document.cc_recipients)
    if overlap:
        raise _bad("cc_recipients", "同一单位不能既是主送又是抄送")


def check_units(document: Document, known: Collection[str]) -> None:
    """Refuse a document naming units the directory does not have (typos, forged ids)."""
    named = {
        "main_recipients": document.main_recipients,
        "cc_recipients": document.cc_recipients,
        "countersign_units": document.countersign_units,
        "co_unit_ids": document.co_unit_ids,
        "lead_unit_id": () if document.lead_unit_id is None else (document.lead_unit_id,),
    }
    for field, units in named.items():
        unknown = [u for u in units if u not in known]
        if unknown:
            raise ValidationError("document.unknown_unit",
                                  f"{FIELD_LABELS.get(field, '单位')}中有通讯录里没有的单位",
                                  field=field, units=unknown)
