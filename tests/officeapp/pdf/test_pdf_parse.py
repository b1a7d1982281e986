"""The validating parsers: every mistake names its field and has a stable code."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from officeapp.pdf import (
    OfficialDocumentLayout,
    PdfInputError,
    parse_document,
    parse_drafting_sheet,
    parse_processing_sheet,
)

Make = Callable[..., dict[str, object]]


def test_a_valid_document_is_typed(document_data: Make, seal_png: Path) -> None:
    document = parse_document(document_data(seal_image=seal_png.name), base_dir=seal_png.parent)
    assert document.date == dt.date(2023, 11, 27)
    assert document.print_date == dt.date(2023, 11, 28)
    assert document.copy_number == "000001"
    assert document.main_recipients == ("各县（区）人民政府", "市政府各部门")
    assert document.seal_image == seal_png


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"agency_mark": None}, "agency_mark", "pdf.missing_field"),
        ({"title": "  "}, "title", "pdf.missing_field"),
        ({"title": 12}, "title", "pdf.wrong_type"),
        ({"main_recipients": "市政府各部门"}, "main_recipients", "pdf.wrong_type"),
        ({"main_recipients": ["市政府各部门", 3]}, "main_recipients[1]", "pdf.wrong_type"),
        ({"date": "2023-02-30"}, "date", "pdf.bad_date"),
        ({"date": "2023/11/27"}, "date", "pdf.bad_date"),
        ({"print_date": "20231128"}, "print_date", "pdf.bad_date"),
        ({"classification": "机密"}, "classification", "document.classified"),
        ({"classification": "秘密"}, "classification", "document.classified"),
        ({"classification": "绝密★长期"}, "classification", "document.classified"),
        ({"classification": "保密"}, "classification", "document.unknown_classification"),
        ({"urgency": "紧急"}, "urgency", "document.unknown_urgency"),
        ({"copy_number": "12a"}, "copy_number", "pdf.bad_value"),
        ({"copy_number": "1234567"}, "copy_number", "pdf.bad_value"),
        ({"print_date": None}, "print_date", "pdf.missing_field"),
        ({"titel": "x"}, "titel", "pdf.unknown_field"),
        ({"seal_image": "no-such-seal.png"}, "seal_image", "pdf.bad_seal_image"),
        ({"body": "\ud800"}, "body", "pdf.bad_value"),
    ],
)
def test_a_bad_document_field_is_named(
    document_data: Make, changes: dict[str, object], field: str, code: str
) -> None:
    data = {k: v for k, v in document_data(**changes).items() if v is not None}
    with pytest.raises(PdfInputError) as caught:
        parse_document(data)
    assert caught.value.field == field
    assert caught.value.code == code
    assert field in caught.value.message


def test_classified_documents_are_refused_because_of_the_extranet(document_data: Make) -> None:
    with pytest.raises(PdfInputError) as caught:
        parse_document(document_data(classification="机密"))
    assert "政务外网" in caught.value.message
    assert "涉密" in caught.value.message


def test_a_seal_must_be_a_png(document_data: Make, tmp_path: Path) -> None:
    fake = tmp_path / "seal.png"
    fake.write_bytes(b"GIF89a")
    with pytest.raises(PdfInputError) as caught:
        parse_document(document_data(seal_image=str(fake)))
    assert caught.value.field == "seal_image"


def test_the_input_must_be_an_object() -> None:
    with pytest.raises(PdfInputError) as caught:
        parse_document(["萍乡市人民政府文件"])
    assert caught.value.code == "pdf.wrong_type"


def test_typed_input_refuses_classified_documents_too() -> None:
    with pytest.raises(PdfInputError) as caught:
        OfficialDocumentLayout(
            agency_mark="萍乡市人民政府文件",
            title="关于测试的通知",
            body="正文。",
            issuer="萍乡市人民政府",
            date=dt.date(2023, 11, 27),
            classification="机密",
        )
    assert caught.value.code == "document.classified"


def test_opinion_steps_and_times_are_checked() -> None:
    base = {"agency": "萍乡市人民政府办公室", "title": "关于测试的通知"}
    sheet = parse_drafting_sheet(
        {
            **base,
            "opinions": [
                {"step": "签发", "person": "孙八", "text": "同意。", "at": "2023-11-27T08:30"}
            ],
        }
    )
    assert sheet.opinions[0].at == dt.datetime(2023, 11, 27, 8, 30)
    bad_step = [{"step": "instruct", "person": "孙八", "text": "", "at": "2023-11-27"}]
    with pytest.raises(PdfInputError) as caught:
        parse_drafting_sheet({**base, "opinions": bad_step})
    assert caught.value.field == "opinions[0].step"
    bad_time = [{"step": "sign", "person": "孙八", "text": "", "at": "昨天"}]
    with pytest.raises(PdfInputError) as caught:
        parse_drafting_sheet({**base, "opinions": bad_time})
    assert caught.value.field == "opinions[0].at"


def test_a_processing_sheet_needs_its_source() -> None:
    with pytest.raises(PdfInputError) as caught:
        parse_processing_sheet(
            {"agency": "萍乡市人民政府办公室", "title": "通知", "received_date": "2023-12-01"}
        )
    assert caught.value.field == "source_unit"
