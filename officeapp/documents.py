"""Official documents (公文): types, urgency, classification and 发文字号."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from officeapp.errors import ValidationError


class Direction(StrEnum):
    """Whether the office sends (发文) or receives (收文) the document."""

    OUTGOING = "outgoing"
    INCOMING = "incoming"


class DocType(StrEnum):
    """The 15 statutory types of 《党政机关公文处理工作条例》; the value is the Chinese name."""

    RESOLUTION = "决议"
    DECISION = "决定"
    ORDER = "命令"
    COMMUNIQUE = "公报"
    ANNOUNCEMENT = "公告"
    PUBLIC_NOTICE = "通告"
    OPINION = "意见"
    NOTICE = "通知"
    CIRCULAR = "通报"
    REPORT = "报告"
    REQUEST = "请示"
    REPLY = "批复"
    MOTION = "议案"
    LETTER = "函"
    MINUTES = "纪要"


class Urgency(StrEnum):
    """紧急程度, from most to least urgent."""

    EXTRA_URGENT = "特急"
    URGENT = "加急"
    NORMAL = "普通"


URGENCY_RANK = {Urgency.EXTRA_URGENT: 0, Urgency.URGENT: 1, Urgency.NORMAL: 2}


class Classification(StrEnum):
    """密级 allowed on the extranet (政务外网 carries non-classified work only)."""

    PUBLIC = "公开"
    INTERNAL = "内部"


_E = TypeVar("_E", bound=StrEnum)

REFUSED_CLASSIFICATIONS = ("秘密", "机密", "绝密")

# Upward documents carry the 签发人 beside the number (GB/T 9704-2012 §7.2.4).
UPWARD_TYPES = frozenset({DocType.REPORT, DocType.REQUEST})


def _parse_named(members: type[_E], value: str, *, field: str, code: str, message: str) -> _E:
    """Return the member of `members` whose value (Chinese name) or lower-case name is `value`;
    else raise `code` with `message` (a template of `{value}`) on `field`."""
    for member in members:
        if value in (member.value, member.name.lower()):
            return member
    raise ValidationError(code, message.format(value=value), field=field, value=value)


def parse_doc_type(text: str) -> DocType:
    """Return the statutory type named by `text` (its Chinese name or code name)."""
    return _parse_named(DocType, text.strip(), field="doc_type", code="document.unknown_type",
                        message="文种“{value}”不是法定的15种公文之一")


def parse_urgency(text: str) -> Urgency:
    """Return the urgency named by `text`; an empty text means 普通."""
    return _parse_named(Urgency, text.strip() or Urgency.NORMAL.value, field="urgency",
                        code="document.unknown_urgency",
                        message="紧急程度只能是特急、加急或普通，不能是“{value}”")


def parse_classification(text: str) -> Classification:
    """Return the classification, refusing anything that may not travel on the extranet."""
    value = text.strip() or Classification.PUBLIC.value
    # No classification's name holds a refused level, so this refusal takes no valid one.
    if any(level in value for level in REFUSED_CLASSIFICATIONS):
        raise ValidationError(
            "document.classified",
            f"“{value}”级文件属于涉密文件，不得在政务外网上处理，请通过涉密网络或纸质渠道办理",
            field="classification",
            value=value,
        )
    return _parse_named(Classification, value, field="classification",
                        code="document.unknown_classification",
                        message="密级只能是公开或内部，不能是“{value}”")


_NUMBER_RE = re.compile(r"^(?P<code>[^\s〔〕\[\]()（）\d]+)〔(?P<year>\d{4})〕(?P<seq>[1-9]\d*)号$")


@dataclass(frozen=True, order=True)
class DocNumber:
    """A 发文字号: agency code (机关代字), full year in 〔〕, sequence without leading zeros, 号."""

    agency_code: str
    year: int
    sequence: int

    def __post_init__(self) -> None:
        if not self.agency_code or any(c in self.agency_code for c in "〔〕[]()（） \t"):
            raise ValidationError(
                "doc_number.bad_agency_code",
                "机关代字不能为空，也不能含括号或空格",
                field="agency_code",
            )
        if not 1949 <= self.year <= 9999:
            raise ValidationError("doc_number.bad_year", "年份必须是四位完整年份", field="year")
        if self.sequence < 1:
            raise ValidationError(
                "doc_number.bad_sequence", "发文顺序号必须从1开始", field="sequence"
            )

    def __str__(self) -> str:
        return f"{self.agency_code}〔{self.year}〕{self.sequence}号"

    @property
    def register(self) -> tuple[str, int]:
        """Return the numbering register this number belongs to: (agency code, year)."""
        return (self.agency_code, self.year)


def parse_doc_number(text: str) -> DocNumber:
    """Parse `萍府发〔2023〕21号`; common mistakes get a message that says how to write it."""
    value = text.strip()
    match = _NUMBER_RE.match(value)
    if match is None:
        raise ValidationError(
            "doc_number.malformed",
            f"发文字号“{value}”格式不正确，应为机关代字＋〔四位年份〕＋顺序号＋号，"
            "如“萍府发〔2023〕21号”（用六角括号，顺序号不编虚位）",
            field="doc_number",
            value=value,
        )
    return DocNumber(match["code"], int(match["year"]), int(match["seq"]))
