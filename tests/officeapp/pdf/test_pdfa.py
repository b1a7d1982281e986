"""PDF/A-2b: every kind of PDF converted, then checked rule by rule and by qpdf."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from officeapp.clock import OFFICE_TZ
from officeapp.org import Organisation
from officeapp.pdf import (
    DraftingSheetLayout,
    FontSet,
    MinutesLayout,
    NameBook,
    PdfError,
    Typeset,
    ledger_pdf,
    parse_document,
    render_drafting_sheet,
    render_minutes,
    render_pdf,
    supervision_report_pdf,
    to_pdfa,
    typeset_document,
)
from officeapp.pdf.pdfa import srgb_profile, xmp_date
from officeapp.supervision import Status
from tests.officeapp.pdf.conftest import sample_document
from tests.officeapp.pdf.ofd_package import pdf_chars
from tests.officeapp.pdf.pdfa_check import pdfa_problems, qpdf_check
from tests.officeapp.supervision.conftest import START, Sup

NOW = dt.datetime(2026, 12, 5, 10, tzinfo=OFFICE_TZ)


@pytest.fixture(scope="module")
def sealed(shared_seal: Path, fonts: FontSet) -> tuple[bytes, bytes]:
    """Return the sample 公文 with a seal as a PDF and as PDF/A-2b."""
    typeset: Typeset = typeset_document(
        parse_document(sample_document(seal_image=str(shared_seal))), fonts=fonts
    )
    pdf = render_pdf(typeset)
    return pdf, to_pdfa(pdf)


def test_the_pdfa_passes_every_check(sealed: tuple[bytes, bytes]) -> None:
    assert pdfa_problems(sealed[1]) == []


def test_a_plain_pdf_fails_them(sealed: tuple[bytes, bytes]) -> None:
    problems = pdfa_problems(sealed[0])
    assert "6.6.2.1-1: no Metadata stream in the catalog" in problems
    assert "6.2.3: no single GTS_PDFA1 output intent" in problems


def test_qpdf_finds_no_syntax_or_stream_errors(sealed: tuple[bytes, bytes]) -> None:
    result = qpdf_check(sealed[1])
    if result is None:
        pytest.skip("Debian's qpdf is not installed (scripts/bootstrap.sh installs it)")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


def test_the_pdfa_shows_what_the_pdf_shows(sealed: tuple[bytes, bytes]) -> None:
    pdf, pdfa = sealed
    assert pdf_chars(pdfa) == pdf_chars(pdf)
    reader = PdfReader(io.BytesIO(pdfa))
    assert reader.pdf_header == "%PDF-1.7"
    assert reader.metadata is not None and reader.metadata.title == PdfReader(
        io.BytesIO(pdf)).metadata.title  # type: ignore[union-attr]
    assert "/Trapped" not in reader.metadata


def test_the_xmp_says_pdfa_2b_with_the_documents_dates(sealed: tuple[bytes, bytes]) -> None:
    reader = PdfReader(io.BytesIO(sealed[1]))
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert xmp.dc_title == {"x-default": "萍乡市人民政府关于进一步加强和规范公文处理工作的通知"}
    assert xmp.dc_creator == ["萍乡市人民政府"]
    info = reader.metadata
    assert info is not None and info.creation_date is not None
    assert xmp.xmp_create_date == info.creation_date.replace(tzinfo=None)
    raw = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"<pdfaid:part>2</pdfaid:part>" in raw and b"<pdfaid:conformance>B<" in raw


def test_the_output_profile_is_srgb(sealed: tuple[bytes, bytes]) -> None:
    reader = PdfReader(io.BytesIO(sealed[1]))
    (intent,) = reader.trailer["/Root"]["/OutputIntents"]
    intent = intent.get_object()
    assert intent["/OutputConditionIdentifier"] == "sRGB IEC61966-2.1"
    profile = intent["/DestOutputProfile"].get_object().get_data()
    assert profile == srgb_profile()
    assert profile[12:20] == b"mntrRGB " and "sRGB".encode("utf-16-be") in profile


@pytest.mark.parametrize(
    ("pdf_date", "expected"),
    [
        ("D:20231127093000+08'00'", "2023-11-27T09:30:00+08:00"),
        ("D:20231127093000+08'00", "2023-11-27T09:30:00+08:00"),
        ("D:20231127093000Z", "2023-11-27T09:30:00Z"),
        ("D:20231127", "2023-11-27"),
        ("D:2023", "2023-01-01"),
        ("27 Nov 2023", ""),
    ],
)
def test_pdf_dates_become_xmp_dates(pdf_date: str, expected: str) -> None:
    assert xmp_date(pdf_date) == expected


def _report(org: Organisation) -> bytes:
    sup = Sup(org, START)
    items = [sup.to(Status.ASSIGNED, title="推进老旧小区改造资金拨付")]
    return supervision_report_pdf(
        items, period_start=dt.datetime(2026, 11, 1, tzinfo=OFFICE_TZ),
        period_end=dt.datetime(2026, 12, 1, tzinfo=OFFICE_TZ), now=NOW, names=NameBook.of(org))


def _ledger(org: Organisation) -> bytes:
    sup = Sup(org, START)
    items = [sup.to(status) for status in (Status.ASSIGNED, Status.COMPLETED)]
    return ledger_pdf(items, now=NOW, names=NameBook.of(org))


KINDS: dict[str, Callable[[Organisation], bytes]] = {
    "minutes": lambda _: render_minutes(MinutesLayout(mark="萍乡市人民政府常务会议纪要",
                                                      body="会议研究了有关事项。")),
    "drafting-sheet": lambda _: render_drafting_sheet(DraftingSheetLayout(
        agency="萍乡市人民政府办公室", title="关于做好元旦春节期间有关工作的通知")),
    "report": _report,
    "ledger": _ledger,
}


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_pdf_converts(kind: str, org: Organisation) -> None:
    pdfa = to_pdfa(KINDS[kind](org))
    assert pdfa_problems(pdfa) == []


def test_something_that_is_not_a_pdf_is_refused() -> None:
    with pytest.raises(PdfError) as caught:
        to_pdfa(b"not a pdf at all")
    assert caught.value.code == "pdf.not_pdf"


def test_a_character_no_font_has_breaks_pdfa_and_the_checker_says_so(fonts: FontSet) -> None:
    # A known limit (docs/pdf.md): such a character prints as the font's empty box, and
    # PDF/A-2 forbids showing .notdef.
    document = parse_document(sample_document(body="一、总体要求\n各单位要😀重视。"))
    pdfa = to_pdfa(render_pdf(typeset_document(document, fonts=fonts)))
    assert pdfa_problems(pdfa) == ["page 1: 6.2.11.8-1: code 0 shows .notdef"]
