"""Build the typed inputs from plain dicts (parsed JSON), naming the field of every mistake."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final

from officeapp.pdf.errors import PdfInputError
from officeapp.pdf.model import (
    DRAFTING_STEPS,
    PROCESSING_STEPS,
    STEP_NAMES,
    DraftingSheetLayout,
    MinutesLayout,
    OfficialDocumentLayout,
    Opinion,
    ProcessingSheetLayout,
    Step,
    check_classification,
    check_urgency,
)

LABELS: Final = {
    "agency_mark": "发文机关标志",
    "doc_number": "发文字号",
    "signer": "签发人",
    "urgency": "紧急程度",
    "classification": "密级",
    "copy_number": "份号",
    "title": "标题",
    "main_recipients": "主送机关",
    "body": "正文",
    "attachments": "附件",
    "issuer": "发文机关署名",
    "date": "成文日期",
    "note": "附注",
    "cc_recipients": "抄送机关",
    "print_unit": "印发机关",
    "print_date": "印发日期",
    "seal_image": "印章图片",
    "mark": "纪要标志",
    "attendees": "出席",
    "on_leave": "请假",
    "observers": "列席",
    "agency": "机关名称",
    "draft_unit": "拟稿单位",
    "drafter": "拟稿人",
    "copies": "印数",
    "opinions": "意见",
    "source_unit": "来文单位",
    "source_number": "来文字号",
    "received_date": "收文日期",
    "register_number": "收文编号",
    "step": "环节",
    "person": "人员",
    "text": "意见内容",
    "at": "时间",
}
_DATE_RE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"


class _Fields:
    """Reads typed values out of one JSON object, reporting mistakes by dotted field name."""

    def __init__(self, data: object, allowed: Sequence[str], prefix: str = "") -> None:
        if not isinstance(data, Mapping):
            where = f"字段 {prefix}" if prefix else "输入"
            raise PdfInputError(
                "pdf.wrong_type", f"{where}必须是 JSON 对象", field=prefix or "(root)"
            )
        self._data: Mapping[str, object] = data
        self._prefix = prefix
        for key in data:
            if key not in allowed:
                name = self._name(str(key))
                raise PdfInputError("pdf.unknown_field", f"不认识的字段“{name}”", field=name)

    def _name(self, key: str) -> str:
        """Return the dotted name of `key`."""
        return f"{self._prefix}.{key}" if self._prefix else key

    def _label(self, key: str) -> str:
        """Return `key` with its Chinese label, for messages."""
        return f"{self._name(key)}（{LABELS.get(key, key)}）"

    def _fail(self, key: str, code: str, problem: str) -> PdfInputError:
        """Return the error for a bad value of `key`."""
        return PdfInputError(code, f"字段 {self._label(key)}{problem}", field=self._name(key))

    def text(self, key: str, *, required: bool = False) -> str:
        """Return a text field, stripped; '' when absent and optional."""
        value = self._data.get(key)
        if value is None:
            if required:
                raise self._fail(key, "pdf.missing_field", "是必填项，不能缺少")
            return ""
        if not isinstance(value, str):
            raise self._fail(key, "pdf.wrong_type", f"应为文本，实际是{_kind(value)}")
        if not _encodable(value):
            raise self._fail(key, "pdf.bad_value", "含有无效的字符（孤立的代理码点）")
        stripped = value.strip()
        if required and not stripped:
            raise self._fail(key, "pdf.missing_field", "是必填项，不能为空")
        return stripped

    def texts(self, key: str) -> tuple[str, ...]:
        """Return a list of non-empty texts; () when absent."""
        value = self._data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self._fail(key, "pdf.wrong_type", f"应为文本列表，实际是{_kind(value)}")
        items: list[str] = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip() or not _encodable(item):
                raise PdfInputError(
                    "pdf.wrong_type",
                    f"字段 {self._name(key)}[{index}]（{LABELS.get(key, key)}）应为非空文本",
                    field=f"{self._name(key)}[{index}]",
                )
            items.append(item.strip())
        return tuple(items)

    def date(self, key: str, *, required: bool = False) -> dt.date | None:
        """Return an ISO date (yyyy-mm-dd) field."""
        text = self.text(key, required=required)
        if not text:
            return None
        try:
            if not _DATE_RE.match(text):
                raise ValueError(text)
            return dt.date.fromisoformat(text)
        except ValueError:
            raise self._fail(
                key, "pdf.bad_date", f"不是有效日期：“{text}”，应写成 2023-11-27 的形式"
            ) from None

    def required_date(self, key: str) -> dt.date:
        """Return a required ISO date field."""
        value = self.date(key, required=True)
        assert value is not None
        return value

    def moment(self, key: str) -> dt.datetime | dt.date:
        """Return a required ISO date or date-time field."""
        text = self.text(key, required=True)
        try:
            if _DATE_RE.match(text):
                return dt.date.fromisoformat(text)
            return dt.datetime.fromisoformat(text)
        except ValueError:
            raise self._fail(
                key,
                "pdf.bad_date",
                f"不是有效时间：“{text}”，应写成 2023-11-27 或 2023-11-27T09:30 的形式",
            ) from None

    def urgency(self) -> str:
        """Return the urgency field, checked."""
        value = self.text("urgency")
        check_urgency(value, self._name("urgency"))
        return value

    def classification(self) -> str:
        """Return the classification field, refusing classified documents."""
        value = self.text("classification")
        check_classification(value, self._name("classification"))
        return value

    def copy_number(self) -> str:
        """Return 份号 as six digits (GB/T 9704-2012 §7.2.1)."""
        value = self._data.get("copy_number")
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if value is None or value == "":
            return ""
        if not isinstance(value, str) or not value.strip().isdigit() or len(value.strip()) > 6:
            raise self._fail("copy_number", "pdf.bad_value", "应为不超过6位的阿拉伯数字")
        return value.strip().zfill(6)

    def count(self, key: str) -> int | None:
        """Return a positive whole number, or None when absent."""
        value = self._data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self._fail(key, "pdf.bad_value", "应为正整数")
        return value

    def seal_image(self, base_dir: Path | None) -> Path | None:
        """Return the seal image path, which must name a readable PNG file."""
        text = self.text("seal_image")
        if not text:
            return None
        path = Path(text).expanduser()
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        try:
            with path.open("rb") as stream:
                header = stream.read(len(_PNG_SIGNATURE))
        except OSError:
            raise self._fail(
                "seal_image", "pdf.bad_seal_image", f"找不到或读不了文件“{path}”"
            ) from None
        if header != _PNG_SIGNATURE:
            raise self._fail("seal_image", "pdf.bad_seal_image", f"“{path}”不是 PNG 图片")
        return path

    def list_of(self, key: str) -> list[object]:
        """Return a list field; [] when absent."""
        value = self._data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self._fail(key, "pdf.wrong_type", f"应为列表，实际是{_kind(value)}")
        return value

    def pair(self, first: str, second: str) -> None:
        """Refuse one of two fields that must be given together."""
        has_first, has_second = bool(self._data.get(first)), bool(self._data.get(second))
        if has_first != has_second:
            missing = second if has_first else first
            given = first if has_first else second
            raise self._fail(missing, "pdf.missing_field", f"必须和 {self._label(given)} 一起填写")


def _encodable(text: str) -> bool:
    """Return whether `text` can be written out (JSON may carry lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _kind(value: object) -> str:
    """Return the JSON type of `value` in Chinese."""
    if isinstance(value, bool):
        return "布尔值"
    if isinstance(value, int | float):
        return "数字"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, Mapping):
        return "对象"
    return "文本" if isinstance(value, str) else type(value).__name__


_DOCUMENT_FIELDS: Final = (
    "agency_mark", "doc_number", "signer", "urgency", "classification", "copy_number", "title",
    "main_recipients", "body", "attachments", "issuer", "date", "note", "cc_recipients",
    "print_unit", "print_date", "seal_image",
)  # fmt: skip


def parse_document(data: object, *, base_dir: Path | None = None) -> OfficialDocumentLayout:
    """Return the document described by `data`; a relative seal_image is under `base_dir`."""
    fields = _Fields(data, _DOCUMENT_FIELDS)
    fields.pair("print_unit", "print_date")
    return OfficialDocumentLayout(
        agency_mark=fields.text("agency_mark", required=True),
        doc_number=fields.text("doc_number"),
        signer=fields.text("signer"),
        urgency=fields.urgency(),
        classification=fields.classification(),
        copy_number=fields.copy_number(),
        title=fields.text("title", required=True),
        main_recipients=fields.texts("main_recipients"),
        body=fields.text("body", required=True),
        attachments=fields.texts("attachments"),
        issuer=fields.text("issuer", required=True),
        date=fields.required_date("date"),
        note=fields.text("note"),
        cc_recipients=fields.texts("cc_recipients"),
        print_unit=fields.text("print_unit"),
        print_date=fields.date("print_date"),
        seal_image=fields.seal_image(base_dir),
    )


_MINUTES_FIELDS: Final = (
    "mark", "title", "body", "date", "urgency", "classification", "copy_number", "attendees",
    "on_leave", "observers", "attachments", "cc_recipients", "print_unit", "print_date",
)  # fmt: skip


def parse_minutes(data: object) -> MinutesLayout:
    """Return the 纪要 described by `data`."""
    fields = _Fields(data, _MINUTES_FIELDS)
    fields.pair("print_unit", "print_date")
    return MinutesLayout(
        mark=fields.text("mark", required=True),
        title=fields.text("title"),
        body=fields.text("body", required=True),
        date=fields.date("date"),
        urgency=fields.urgency(),
        classification=fields.classification(),
        copy_number=fields.copy_number(),
        attendees=fields.texts("attendees"),
        on_leave=fields.texts("on_leave"),
        observers=fields.texts("observers"),
        attachments=fields.texts("attachments"),
        cc_recipients=fields.texts("cc_recipients"),
        print_unit=fields.text("print_unit"),
        print_date=fields.date("print_date"),
    )


_DRAFTING_FIELDS: Final = (
    "agency", "title", "doc_number", "urgency", "classification", "main_recipients",
    "cc_recipients", "draft_unit", "drafter", "attachments", "copies", "opinions",
)  # fmt: skip


def parse_drafting_sheet(data: object) -> DraftingSheetLayout:
    """Return the 发文稿纸 described by `data`."""
    fields = _Fields(data, _DRAFTING_FIELDS)
    return DraftingSheetLayout(
        agency=fields.text("agency", required=True),
        title=fields.text("title", required=True),
        doc_number=fields.text("doc_number"),
        urgency=fields.urgency(),
        classification=fields.classification(),
        main_recipients=fields.texts("main_recipients"),
        cc_recipients=fields.texts("cc_recipients"),
        draft_unit=fields.text("draft_unit"),
        drafter=fields.text("drafter"),
        attachments=fields.texts("attachments"),
        copies=fields.count("copies"),
        opinions=_opinions(fields, DRAFTING_STEPS),
    )


_PROCESSING_FIELDS: Final = (
    "agency", "title", "source_unit", "source_number", "received_date", "register_number",
    "urgency", "classification", "attachments", "note", "opinions",
)  # fmt: skip


def parse_processing_sheet(data: object) -> ProcessingSheetLayout:
    """Return the 收文处理笺 described by `data`."""
    fields = _Fields(data, _PROCESSING_FIELDS)
    return ProcessingSheetLayout(
        agency=fields.text("agency", required=True),
        title=fields.text("title", required=True),
        source_unit=fields.text("source_unit", required=True),
        received_date=fields.required_date("received_date"),
        source_number=fields.text("source_number"),
        register_number=fields.text("register_number"),
        urgency=fields.urgency(),
        classification=fields.classification(),
        attachments=fields.texts("attachments"),
        note=fields.text("note"),
        opinions=_opinions(fields, PROCESSING_STEPS),
    )


def _opinions(fields: _Fields, steps: frozenset[Step]) -> tuple[Opinion, ...]:
    """Return the opinions list, each at one of `steps`."""
    return tuple(
        _opinion(item, f"opinions[{index}]", steps)
        for index, item in enumerate(fields.list_of("opinions"))
    )


def _opinion(item: object, prefix: str, steps: frozenset[Step]) -> Opinion:
    """Return one opinion {step, person, text, at}."""
    fields = _Fields(item, ("step", "person", "text", "at"), prefix)
    return Opinion(
        step=_step(fields.text("step", required=True), f"{prefix}.step", steps),
        person=fields.text("person", required=True),
        text=fields.text("text"),
        at=fields.moment("at"),
    )


def _step(value: str, field: str, steps: frozenset[Step]) -> Step:
    """Return the step named by its code name or Chinese name, if allowed here."""
    for step in steps:
        if value in (step.value, STEP_NAMES[step]):
            return step
    allowed = "、".join(f"{STEP_NAMES[s]}（{s.value}）" for s in sorted(steps))
    raise PdfInputError(
        "pdf.bad_step", f"字段 {field}（环节）只能是 {allowed}，不能是“{value}”", field=field
    )
