"""归档 per DA/T 22-2015: the 档号, and an archive package of PDF/A, metadata and attachments."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from officeapp.errors import ValidationError
from officeapp.org import Organisation
from officeapp.pdf import to_pdfa
from officeapp.render import render_document_pdf, render_sheet_pdf, unit_names
from officeapp.workflow import Document, Retention
from officeapp.workflow.codec import trace_to_dict

RETENTION_CODES = {Retention.PERMANENT: "Y", Retention.YEARS_30: "D30",
                   Retention.YEARS_10: "D10"}
PACKAGE_FORMAT = "officeapp-archive/1"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class ArchiveCode:
    """A 档号: 全宗号-年度-保管期限代码-机构代码-件号, e.g. Z012-2026-D30-BGS-0007."""

    fonds: str
    year: int
    retention: Retention
    unit_code: str
    item_number: int

    def __str__(self) -> str:
        code = RETENTION_CODES[self.retention]
        return f"{self.fonds}-{self.year}-{code}-{self.unit_code}-{self.item_number:04d}"


def archive_code(doc: Document, *, fonds: str, unit_code: str) -> ArchiveCode:
    """Return the 档号 of an archived document; refuse one not archived or not numbered yet."""
    info = doc.archive
    if info is None:
        raise ValidationError("archive.not_archived", "该文件尚未归档")
    if info.item_number < 1:
        raise ValidationError("archive.pending_item_number",
                              "件号尚未由服务器分配，请同步后再导出")
    return ArchiveCode(fonds, info.year, info.retention, unit_code, info.item_number)


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
) -> bytes:
    """Return a ZIP archive package: 正文.pdf, the processing sheet, metadata.json, 附件/.

    The PDFs are PDF/A-2b, the archival form, unless `pdfa` is False (plain PDFs).
    """
    def archival(pdf: bytes) -> bytes:
        return to_pdfa(pdf) if pdfa else pdf

    code = archive_code(doc, fonds=fonds, unit_code=unit_code)
    meta = metadata(doc, org, code)
    files: list[tuple[str, bytes]] = []
    for attachment, entry in zip(doc.attachments, meta["attachments"], strict=True):
        content = read_blob(attachment.sha256) if attachment.sha256 else None
        if content is None:
            raise ValidationError("archive.missing_attachment",
                                  f"附件“{attachment.name}”尚未下载到本机，无法导出归档包",
                                  name=attachment.name)
        files.append((entry["file"], content))
    sheet = "发文稿纸.pdf" if doc.direction.value == "outgoing" else "收文处理笺.pdf"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        root = f"{code}/"
        package.writestr(root + "正文.pdf",
                         archival(render_document_pdf(doc, org, today=today)))
        package.writestr(root + sheet, archival(render_sheet_pdf(doc, org)))
        package.writestr(root + "metadata.json",
                         json.dumps(meta, ensure_ascii=False, indent=2))
        for name, content in files:
            package.writestr(root + name, content)
    return buffer.getvalue()
