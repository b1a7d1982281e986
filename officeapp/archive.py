"""归档 per DA/T 22-2015: the 档号, and an archive package of PDF/A, OFD, metadata (DA/T 46
XML and JSON, with SHA-256 fixity) and attachments."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import pikepdf

from officeapp.archivecode import ArchiveCode, archive_code
from officeapp.dat46 import Description, PackageFile, SignatureRecord, metadata_xml, read_signature
from officeapp.errors import ValidationError
from officeapp.org import Organisation
from officeapp.pdf import to_pdfa
from officeapp.pdf.draw import CREATOR
from officeapp.render import (
    render_document_ofd,
    render_document_pdf,
    render_sheet_pdf,
    unit_names,
)
from officeapp.seals import seal_image_of, verify_pdf
from officeapp.workflow import Attachment, Document
from officeapp.workflow.codec import document_to_dict, trace_to_dict

PACKAGE_FORMAT = "officeapp-archive/1"
OFFICIAL_NOTE = ("正文.pdf 为用印时服务器生成并加盖电子印章的正式文件（PDF/A-2b），按原样归档，"
                 "未经转换；正文.ofd 由本系统据同一公文数据排版生成。")
RENDERED_NOTE = ("正文.pdf 与正文.ofd 由本系统据公文数据按 GB/T 9704 排版生成，不是签章的正式文件："
                 "本文件没有电子签章版本（纸质来文登记的收文，或启用电子印章前印发的文件）。")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_name(name: str) -> str:
    """Return `name` usable as one file name inside a package (no folders, no devices)."""
    cleaned = _UNSAFE.sub("_", name).strip(" .")
    return cleaned[:120] or "附件"


def metadata(doc: Document, org: Organisation, code: ArchiveCode) -> dict[str, Any]:
    """Return the package's metadata: the DA/T 22 description plus the full trace."""
    unit = org.units.get(doc.owner_unit_id)
    return {
        "format": PACKAGE_FORMAT,
        "archive_code": str(code),
        "fonds": code.fonds,
        "year": code.year,
        "retention": code.retention.value,
        "item_number": code.item_number,
        "responsible": doc.issuer or (unit.name if unit else ""),
        "title": doc.title,
        "doc_number": doc.doc_number or "",
        "doc_type": doc.doc_type.value,
        "direction": doc.direction.value,
        "date": (doc.written_date or doc.created_at.date()).isoformat(),
        "classification": doc.classification.value,
        "urgency": doc.urgency.value,
        "main_recipients": list(unit_names(org, doc.main_recipients)),
        "cc_recipients": list(unit_names(org, doc.cc_recipients)),
        "sender_unit": doc.sender_unit,
        "attachments": [{"name": a.name, "file": f"附件/{i:02d}-{safe_name(a.name)}",
                         "sha256": a.sha256, "size": a.size}
                        for i, a in enumerate(doc.attachments, start=1)],
        "trace": [trace_to_dict(e) for e in doc.trace],
        "document_id": doc.id,
    }


def export_package(
    doc: Document, org: Organisation, *, fonds: str, unit_code: str,
    read_blob: Callable[[str], bytes | None], today: date, pdfa: bool = True,
    trust_roots: Sequence[bytes] = (),
) -> bytes:
    """Return a ZIP archive package: 正文.pdf and 正文.ofd, the processing sheet, 附件/,
    metadata.xml (DA/T 46) and metadata.json (with a SHA-256 manifest of every other file).

    正文.pdf is the signed official PDF byte for byte when the document has one (re-converting
    it would break the seal; `trust_roots` verify it for the metadata), else the document
    rendered again. Rendered PDFs are PDF/A-2b, the archival form, unless `pdfa` is False.
    """
    code = archive_code(doc, fonds=fonds, unit_code=unit_code)
    _check_text(doc)
    meta = metadata(doc, org, code)
    attachments = _attachment_files(doc, meta["attachments"], read_blob)
    body, signature, note = _body(doc, org, read_blob=read_blob, today=today, pdfa=pdfa,
                                  trust_roots=trust_roots)
    sheet = "发文稿纸" if doc.direction.value == "outgoing" else "收文处理笺"
    sheet_pdf = render_sheet_pdf(doc, org)
    # The OFD carries the seal of the signed file as its stamp annotation.
    seal = seal_image_of(body.content) if doc.official_pdf is not None else None
    files = [body, PackageFile("正文.ofd", "正文（OFD版式）", "OFD",
                               render_document_ofd(doc, org, today=today, seal_image=seal),
                               CREATOR),
             _rendered_pdf(f"{sheet}.pdf", sheet, sheet_pdf, pdfa=pdfa), *attachments]
    description = Description(code, pages=_pdf_facts(body.content)[0], note=note,
                              signature=signature)
    files.append(PackageFile("metadata.xml", "元数据", "XML",
                             metadata_xml(doc, org, description=description, files=files)))
    meta |= {"body_source": "official_pdf" if doc.official_pdf else "rendered", "note": note,
             "files": [{"file": f.name, "sha256": f.sha256, "size": f.size} for f in files]}
    if signature is not None:
        meta["seal"] = {"status": signature.status, "verdict": signature.verdict,
                        "signer": signature.signer,
                        "signed_at": signature.signed_at.isoformat()
                        if signature.signed_at else None}
    return _zip(f"{code}/", files, meta)


def _check_text(doc: Document) -> None:
    """Refuse text no file can hold (a lone surrogate): the store never keeps one either."""
    try:
        json.dumps(document_to_dict(doc), ensure_ascii=False).encode()
    except UnicodeEncodeError as error:
        raise ValidationError("archive.bad_text",
                              "文件的标题、正文或意见中含有无法保存的字符，请修改后再导出归档包"
                              ) from error


def _zip(root: str, files: Sequence[PackageFile], meta: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for file in files:
            package.writestr(root + file.name, file.content)
        package.writestr(root + "metadata.json", json.dumps(meta, ensure_ascii=False, indent=2))
    return buffer.getvalue()


def _blob(read_blob: Callable[[str], bytes | None], attachment: Attachment, *,
          missing: ValidationError) -> bytes:
    """Return a blob from the local cache; refuse one absent or not what its hash says."""
    content = read_blob(attachment.sha256) if attachment.sha256 else None
    if content is None:
        raise missing
    if hashlib.sha256(content).hexdigest() != attachment.sha256:
        raise ValidationError("archive.corrupt_blob",
                              f"本机缓存的“{attachment.name}”已损坏（校验值不符），"
                              "请重新同步下载后再导出归档包", name=attachment.name)
    return content


def _attachment_files(doc: Document, entries: Sequence[dict[str, Any]],
                      read_blob: Callable[[str], bytes | None]) -> list[PackageFile]:
    files = []
    for attachment, entry in zip(doc.attachments, entries, strict=True):
        missing = ValidationError("archive.missing_attachment",
                                  f"附件“{attachment.name}”尚未下载到本机，无法导出归档包",
                                  name=attachment.name)
        content = _blob(read_blob, attachment, missing=missing)
        suffix = attachment.name.rpartition(".")[2].upper() if "." in attachment.name else ""
        files.append(PackageFile(entry["file"], "附件", suffix or "未知", content))
    return files


def _body(doc: Document, org: Organisation, *, read_blob: Callable[[str], bytes | None],
          today: date, pdfa: bool, trust_roots: Sequence[bytes],
          ) -> tuple[PackageFile, SignatureRecord | None, str]:
    """Return 正文.pdf, its signature when it is the signed official PDF, and the 附注."""
    official = doc.official_pdf
    if official is None:
        pdf = render_document_pdf(doc, org, today=today)
        return _rendered_pdf("正文.pdf", "正文", pdf, pdfa=pdfa), None, RENDERED_NOTE
    missing = ValidationError("archive.missing_official_pdf",
                              "签章的正式文件（正文 PDF）尚未下载到本机，"
                              "请同步或在文件中下载正文后再导出归档包")
    pdf = _blob(read_blob, official, missing=missing)
    verdict = verify_pdf(pdf, trust_roots)
    signature = read_signature(pdf, verdict=verdict)
    body = PackageFile("正文.pdf", "正文", "PDF/A-2b", pdf, _pdf_facts(pdf)[1])
    return body, signature, f"{OFFICIAL_NOTE}归档时验章：{verdict.message}"


def _rendered_pdf(name: str, role: str, pdf: bytes, *, pdfa: bool) -> PackageFile:
    content = to_pdfa(pdf) if pdfa else pdf
    return PackageFile(name, role, "PDF/A-2b" if pdfa else "PDF", content,
                       _pdf_facts(content)[1])


def _pdf_facts(pdf: bytes) -> tuple[int, str]:
    """Return a PDF's page count and the program that made it (Creator, Producer)."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        info = document.docinfo
        made = [str(info[key]) for key in ("/Creator", "/Producer") if key in info]
        return len(document.pages), "；".join(made)
