"""Checking the editable fields of an item: one parser for creation, edits and the codec."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from officeapp.documents import Urgency
from officeapp.errors import ValidationError
from officeapp.supervision.model import (
    CycleKind,
    LinkKind,
    ReportingCycle,
    Source,
    SourceLink,
    end_of_day,
)
from officeapp.workflow.model import Attachment

MAX_TITLE = 200
MAX_CONTENT = 20_000
MAX_TEXT = 5_000
MAX_CYCLE_DAYS = 366
_SHA256 = re.compile(r"[0-9a-f]{64}")


def _invalid(name: str, message: str, **details: Any) -> ValidationError:
    return ValidationError(f"supervision.invalid_{name}", message, field=name, **details)


def parse_text(value: Any, *, name: str, label: str, limit: int, required: bool) -> str:
    """Return a stripped text field, refusing a wrong type, an empty required one or excess."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise _invalid(name, f"{label}格式不正确")
    text = value.strip()
    if required and not text:
        raise _invalid(name, f"{label}不能为空")
    if len(text) > limit:
        raise _invalid(name, f"{label}不能超过{limit}字")
    return text


def parse_moment(value: Any, *, name: str = "deadline", label: str = "截止时间") -> datetime:
    """Return an aware moment from a datetime, an ISO text, or a date (end of that day)."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        return end_of_day(value)
    elif isinstance(value, str) and len(value.strip()) == 10:
        try:
            return end_of_day(date.fromisoformat(value.strip()))
        except ValueError:
            raise _invalid(name, f"{label}格式不正确", value=value) from None
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            raise _invalid(name, f"{label}格式不正确", value=value) from None
    else:
        raise _invalid(name, f"{label}格式不正确")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise _invalid(name, f"{label}必须带时区", value=str(value))
    return moment


def _optional_moment(value: Any) -> datetime | None:
    return None if value in (None, "") else parse_moment(value)


def _source(value: Any) -> Source:
    for source in Source:
        if value in (source.value, source.name.lower()):
            return source
    raise _invalid("source", "督办来源必须是领导批示、会议议定、上级交办、来文或建议提案之一",
                   value=str(value))


def _urgency(value: Any) -> Urgency:
    try:
        return Urgency(value or Urgency.NORMAL.value)
    except ValueError:
        raise _invalid("urgency", "紧急程度必须是特急、加急或普通", value=str(value)) from None


def parse_link(value: Any) -> SourceLink | None:
    """Return the source link in `value` ({kind, record_id, label}) or None."""
    if value is None:
        return None
    if isinstance(value, SourceLink):
        return value
    if not isinstance(value, Mapping):
        raise _invalid("source_link", "来源记录格式不正确")
    try:
        kind = LinkKind(str(value.get("kind")))
    except ValueError:
        raise _invalid("source_link", "来源记录类型不正确") from None
    record_id = value.get("record_id")
    if not isinstance(record_id, str) or not record_id:
        raise _invalid("source_link", "来源记录编号不能为空")
    label = parse_text(value.get("label"), name="source_link", label="来源记录名称",
                       limit=MAX_TITLE, required=False)
    return SourceLink(kind, record_id, label)


def parse_cycle(value: Any) -> ReportingCycle:
    """Return the reporting cycle in `value` ({kind, days}); custom cycles need 1–366 days."""
    if isinstance(value, ReportingCycle):
        value = {"kind": value.kind.value, "days": value.days}
    if value is None:
        return ReportingCycle()
    if not isinstance(value, Mapping):
        raise _invalid("cycle", "反馈周期格式不正确")
    try:
        kind = CycleKind(value.get("kind") or CycleKind.NONE.value)
    except ValueError:
        raise _invalid("cycle", "反馈周期必须是每周、每月、自定义天数或不定期") from None
    days = value.get("days", 0)
    if kind is not CycleKind.CUSTOM:
        return ReportingCycle(kind)
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_CYCLE_DAYS:
        raise _invalid("cycle", f"自定义反馈周期必须是1至{MAX_CYCLE_DAYS}天")
    return ReportingCycle(kind, days)


def parse_ids(value: Any, *, name: str, label: str) -> tuple[str, ...]:
    """Return a tuple of distinct non-empty ids, in the order given."""
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise _invalid(name, f"{label}格式不正确")
    if not all(isinstance(v, str) and v for v in value):
        raise _invalid(name, f"{label}格式不正确")
    return tuple(dict.fromkeys(value))


def _optional_id(value: Any, *, name: str, label: str) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise _invalid(name, f"{label}格式不正确")
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _invalid("needs_approval", "是否需要领导审批格式不正确")
    return value


_PARSERS: Mapping[str, Callable[[Any], Any]] = {
    "title": lambda v: parse_text(v, name="title", label="事项名称", limit=MAX_TITLE,
                                  required=True),
    "content": lambda v: parse_text(v, name="content", label="督办内容", limit=MAX_CONTENT,
                                    required=False),
    "source": _source,
    "source_link": parse_link,
    "urgency": _urgency,
    "lead_unit_id": lambda v: _optional_id(v, name="lead_unit_id", label="牵头单位"),
    "co_unit_ids": lambda v: parse_ids(v, name="co_unit_ids", label="配合单位"),
    "informed_ids": lambda v: parse_ids(v, name="informed_ids", label="阅知领导"),
    "deadline": _optional_moment,
    "cycle": parse_cycle,
    "needs_approval": _flag,
    "approver_id": lambda v: _optional_id(v, name="approver_id", label="审批领导"),
}

EDITABLE = frozenset(_PARSERS)


def parse_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    """Return the item fields in `data`, checked; unknown names are refused."""
    unknown = sorted(set(data) - EDITABLE)
    if unknown:
        raise ValidationError("supervision.unknown_field", f"不能修改的字段：{'、'.join(unknown)}",
                              fields=unknown)
    values = {name: _PARSERS[name](value) for name, value in data.items()}
    lead = values.get("lead_unit_id")
    if lead is not None and "co_unit_ids" in values:
        values["co_unit_ids"] = tuple(u for u in values["co_unit_ids"] if u != lead)
    return values


def parse_attachments(value: Any) -> tuple[Attachment, ...]:
    """Return the attachments in `value` (a list of {name, sha256, size}), checked."""
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise _invalid("attachments", "附件格式不正确")
    return tuple(_attachment(a) for a in value)


def _attachment(value: Any) -> Attachment:
    if isinstance(value, Attachment):
        value = {"name": value.name, "sha256": value.sha256, "size": value.size}
    if not isinstance(value, Mapping):
        raise _invalid("attachments", "附件格式不正确")
    name = parse_text(value.get("name"), name="attachments", label="附件名称", limit=MAX_TITLE,
                      required=True)
    digest, size = value.get("sha256"), value.get("size", 0)
    if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
        raise _invalid("attachments", f"附件“{name}”的校验值不正确")
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        raise _invalid("attachments", f"附件“{name}”的大小不正确")
    return Attachment(name, digest, size)
