"""The archive package: 档号, PDFs, metadata and attachments, read back."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from officeapp.archive import archive_code, export_package, safe_name
from officeapp.errors import ValidationError
from officeapp.org import Organisation
from officeapp.workflow import ActionKind, Attachment, Document, Retention
from tests.flows import Flow, to_step
from tests.officeapp.pdf.pdfa_check import pdfa_problems

TABLE = "萍乡市2027年值班表".encode()
SHA = hashlib.sha256(TABLE).hexdigest()


def archived(flow: Flow) -> Document:
    doc = to_step(flow, "done")
    doc = replace(doc, attachments=(Attachment("值班表/2027.xlsx", SHA, len(TABLE)),))
    doc = flow.do(doc, "office.clerk", ActionKind.ARCHIVE, retention=Retention.YEARS_30)
    assert doc.archive is not None
    return replace(doc, archive=replace(doc.archive, item_number=7))  # as the server assigns


def test_archive_code_follows_da_t_22(flow: Flow) -> None:
    code = archive_code(archived(flow), fonds="Z012", unit_code="BGS")
    assert str(code) == f"Z012-{flow.clock.year}-D30-BGS-0007"


def test_export_is_refused_until_archived_and_numbered(flow: Flow) -> None:
    doc = to_step(flow, "done")
    with pytest.raises(ValidationError) as caught:
        archive_code(doc, fonds="Z012", unit_code="BGS")
    assert caught.value.code == "archive.not_archived"
    pending = flow.do(doc, "office.clerk", ActionKind.ARCHIVE, retention=Retention.PERMANENT)
    with pytest.raises(ValidationError) as caught:
        archive_code(pending, fonds="Z012", unit_code="BGS")
    assert caught.value.code == "archive.pending_item_number"


def test_package_reads_back_with_pdfs_metadata_and_attachments(
    flow: Flow, org: Organisation
) -> None:
    doc = archived(flow)
    data = export_package(doc, org, fonds="Z012", unit_code="BGS",
                          read_blob={SHA: TABLE}.get, today=date(2026, 11, 30))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = sorted(package.namelist())
        root = f"Z012-{flow.clock.year}-D30-BGS-0007/"
        assert names == sorted([root + "正文.pdf", root + "正文.ofd", root + "发文稿纸.pdf",
                                root + "metadata.json", root + "metadata.xml",
                                root + "附件/01-值班表_2027.xlsx"])
        meta = json.loads(package.read(root + "metadata.json"))
        body = PdfReader(io.BytesIO(package.read(root + "正文.pdf")))
        sheet = PdfReader(io.BytesIO(package.read(root + "发文稿纸.pdf")))
        attachment = package.read(root + "附件/01-值班表_2027.xlsx")
    assert meta["title"] == doc.title and meta["retention"] == "30年"
    assert meta["item_number"] == 7 and meta["doc_number"] == (doc.doc_number or "")
    assert meta["main_recipients"] == ["市财政局"] and meta["cc_recipients"] == ["市教育局"]
    assert [e["opinion"] for e in meta["trace"]][3] == "同意"
    assert meta["attachments"][0]["sha256"] == SHA
    assert meta["body_source"] == "rendered"  # no signed official PDF: rendered again
    assert hashlib.sha256(attachment).hexdigest() == SHA
    assert doc.title[:8] in "".join(p.extract_text() for p in body.pages).replace("\n", "")
    sheet_text = "".join(p.extract_text() for p in sheet.pages)
    assert "孙局长" in sheet_text and "核稿无误" in sheet_text


def test_missing_attachment_refuses_export(flow: Flow, org: Organisation) -> None:
    with pytest.raises(ValidationError) as caught:
        export_package(archived(flow), org, fonds="Z012", unit_code="BGS",
                       read_blob=lambda _: None, today=date(2026, 11, 30))
    assert caught.value.code == "archive.missing_attachment"


def test_attachment_names_never_escape_the_package() -> None:
    assert safe_name("../../etc/passwd") == "_.._etc_passwd"
    assert "/" not in safe_name("a/b\\c") and safe_name("...") == "附件"


@pytest.mark.parametrize("pdfa", [True, False])
def test_package_pdfs_are_pdfa_2b_unless_plain_ones_are_asked_for(
    flow: Flow, org: Organisation, pdfa: bool
) -> None:
    options = {} if pdfa else {"pdfa": False}  # PDF/A is the default
    data = export_package(archived(flow), org, fonds="Z012", unit_code="BGS",
                          read_blob={SHA: TABLE}.get, today=date(2026, 11, 30), **options)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        pdfs = {name: package.read(name) for name in package.namelist() if name.endswith(".pdf")}
    assert len(pdfs) == 2
    problems = {name.split("/")[-1]: pdfa_problems(pdf) for name, pdf in pdfs.items()}
    if pdfa:
        assert problems == {"正文.pdf": [], "发文稿纸.pdf": []}
    else:
        assert all("6.6.2.1-1: no Metadata stream in the catalog" in p for p in problems.values())
