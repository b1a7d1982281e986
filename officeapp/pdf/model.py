"""The plain typed inputs of the renderers: one frozen dataclass per kind of PDF."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Final

from officeapp.documents import parse_classification, parse_urgency
from officeapp.errors import ValidationError
from officeapp.pdf.errors import PdfInputError


class Step(StrEnum):
    """The workflow step an opinion was given at; the value is the code name."""

    DRAFT = "draft"
    REVIEW = "review"
    COUNTERSIGN = "countersign"
    SIGN = "sign"
    PROPOSE = "propose"
    INSTRUCT = "instruct"
    HANDLE = "handle"
    CIRCULATE = "circulate"


STEP_NAMES: Final = {
    Step.DRAFT: "拟稿",
    Step.REVIEW: "核稿",
    Step.COUNTERSIGN: "会签",
    Step.SIGN: "签发",
    Step.PROPOSE: "拟办",
    Step.INSTRUCT: "批办",
    Step.HANDLE: "承办",
    Step.CIRCULATE: "传阅",
}
DRAFTING_STEPS: Final = frozenset({Step.DRAFT, Step.REVIEW, Step.COUNTERSIGN, Step.SIGN})
PROCESSING_STEPS: Final = frozenset({Step.PROPOSE, Step.INSTRUCT, Step.HANDLE, Step.CIRCULATE})


def check_urgency(value: str, field: str = "urgency") -> None:
    """Refuse an urgency other than 特急, 加急, 普通 or empty (the rule of officeapp.documents)."""
    if not value:
        return
    try:
        parse_urgency(value)
    except ValidationError as error:
        raise PdfInputError(error.code, f"字段 {field}：{error.message}", field=field) from None


def check_classification(value: str, field: str = "classification") -> None:
    """Refuse classified (涉密) documents: they may not travel on the extranet."""
    if not value:
        return
    try:
        parse_classification(value)
    except ValidationError as error:
        raise PdfInputError(error.code, f"字段 {field}：{error.message}", field=field) from None


@dataclass(frozen=True, slots=True)
class OfficialDocumentLayout:
    """What a 公文 in the GB/T 9704-2012 layout shows, already validated."""

    agency_mark: str
    title: str
    body: str
    issuer: str
    date: dt.date
    doc_number: str = ""
    signer: str = ""
    urgency: str = ""
    classification: str = ""
    copy_number: str = ""
    main_recipients: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    note: str = ""
    cc_recipients: tuple[str, ...] = ()
    print_unit: str = ""
    print_date: dt.date | None = None
    seal_image: Path | bytes | None = None  # a file, or the image itself (the server's seals)

    def __post_init__(self) -> None:
        check_urgency(self.urgency)
        check_classification(self.classification)


@dataclass(frozen=True, slots=True)
class MinutesLayout:
    """What a 纪要 (GB/T 9704-2012 §10.3) shows, already validated."""

    mark: str
    body: str
    title: str = ""
    date: dt.date | None = None
    urgency: str = ""
    classification: str = ""
    copy_number: str = ""
    attendees: tuple[str, ...] = ()
    on_leave: tuple[str, ...] = ()
    observers: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    cc_recipients: tuple[str, ...] = ()
    print_unit: str = ""
    print_date: dt.date | None = None

    def __post_init__(self) -> None:
        check_urgency(self.urgency)
        check_classification(self.classification)


@dataclass(frozen=True, slots=True)
class Opinion:
    """One opinion (意见) given at a step: who, what, when."""

    step: Step
    person: str
    text: str
    at: dt.datetime | dt.date


@dataclass(frozen=True, slots=True)
class DraftingSheetLayout:
    """What a 发文稿纸 shows."""

    agency: str
    title: str
    doc_number: str = ""
    urgency: str = ""
    classification: str = ""
    main_recipients: tuple[str, ...] = ()
    cc_recipients: tuple[str, ...] = ()
    draft_unit: str = ""
    drafter: str = ""
    attachments: tuple[str, ...] = ()
    copies: int | None = None
    opinions: tuple[Opinion, ...] = ()

    def __post_init__(self) -> None:
        check_urgency(self.urgency)
        check_classification(self.classification)


@dataclass(frozen=True, slots=True)
class ProcessingSheetLayout:
    """What a 收文处理笺 shows."""

    agency: str
    title: str
    source_unit: str
    received_date: dt.date
    source_number: str = ""
    register_number: str = ""
    urgency: str = ""
    classification: str = ""
    attachments: tuple[str, ...] = ()
    note: str = ""
    opinions: tuple[Opinion, ...] = ()

    def __post_init__(self) -> None:
        check_urgency(self.urgency)
        check_classification(self.classification)
