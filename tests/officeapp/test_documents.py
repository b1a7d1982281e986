"""Document types, urgency, the classification guard and 发文字号."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from officeapp.documents import (
    Classification,
    DocNumber,
    DocType,
    Urgency,
    parse_classification,
    parse_doc_number,
    parse_doc_type,
    parse_urgency,
)
from officeapp.errors import ValidationError


def test_there_are_exactly_the_fifteen_statutory_types() -> None:
    assert [t.value for t in DocType] == [
        "决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示",
        "批复", "议案", "函", "纪要",
    ]
    assert parse_doc_type(" 通知 ") is DocType.NOTICE
    assert parse_doc_type("letter") is DocType.LETTER
    with pytest.raises(ValidationError) as caught:
        parse_doc_type("便函")
    assert caught.value.code == "document.unknown_type" and "15种" in caught.value.message


def test_urgency_defaults_to_normal_and_refuses_others() -> None:
    assert parse_urgency("") is Urgency.NORMAL
    assert parse_urgency("特急") is Urgency.EXTRA_URGENT
    with pytest.raises(ValidationError) as caught:
        parse_urgency("特提")
    assert caught.value.details["field"] == "urgency"


@pytest.mark.parametrize("level", ["秘密", "机密", "绝密", "机密★1年"])
def test_classified_documents_are_refused_on_the_extranet(level: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_classification(level)
    assert caught.value.code == "document.classified"
    assert "政务外网" in caught.value.message


def test_public_and_internal_are_allowed() -> None:
    assert parse_classification("公开") is Classification.PUBLIC
    assert parse_classification("内部") is Classification.INTERNAL
    assert parse_classification("") is Classification.PUBLIC
    with pytest.raises(ValidationError) as caught:
        parse_classification("敏感")
    assert caught.value.code == "document.unknown_classification"


def test_doc_number_formats_and_parses() -> None:
    number = parse_doc_number("萍府发〔2023〕21号")
    assert number == DocNumber("萍府发", 2023, 21)
    assert str(number) == "萍府发〔2023〕21号"
    assert number.register == ("萍府发", 2023)
    assert str(DocNumber("萍财办函", 2026, 1)) == "萍财办函〔2026〕1号"


@pytest.mark.parametrize("text", [
    "萍府发[2023]21号",      # square brackets
    "萍府发（2023）21号",    # round brackets
    "萍府发〔23〕21号",      # short year
    "萍府发〔2023〕021号",   # leading zero (虚位)
    "萍府发〔2023〕第21号",  # 第
    "萍府发〔2023〕21",      # no 号
    "〔2023〕21号",          # no agency code
    "萍府发〔2023〕0号",
])
def test_malformed_doc_numbers_are_refused_with_how_to_write_them(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_doc_number(text)
    assert caught.value.code == "doc_number.malformed"
    assert "萍府发〔2023〕21号" in caught.value.message


def test_doc_number_fields_are_checked() -> None:
    with pytest.raises(ValidationError):
        DocNumber("", 2023, 1)
    with pytest.raises(ValidationError):
        DocNumber("萍府发", 23, 1)
    with pytest.raises(ValidationError):
        DocNumber("萍府发", 2023, 0)


@given(
    code=st.text(alphabet="萍府发办财教函字", min_size=1, max_size=6),
    year=st.integers(1949, 2200),
    sequence=st.integers(1, 100_000),
)
def test_doc_numbers_round_trip(code: str, year: int, sequence: int) -> None:
    number = DocNumber(code, year, sequence)
    assert parse_doc_number(str(number)) == number
