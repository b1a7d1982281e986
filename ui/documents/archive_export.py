"""Export an archived document as a DA/T 22 archive package (PDF/A, OFD, DA/T 46 metadata,
attachments)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from officeapp.archive import export_package
from officeapp.errors import ValidationError
from officeapp.org import Organisation
from officeapp.store import LocalStore
from officeapp.workflow import Document
from sync.client.blobs import content_path


def package_bytes(store: LocalStore, *, document_id: str, org: Organisation, fonds: str,
                  unit_code: str, blob_root: Path, today: date) -> bytes:
    """Build the package on the worker thread; the signed 正文 and the attachments come from
    the local cache, the trusted roots that verify the seal from the store."""
    document = store.get_document(document_id)
    if document is None:
        raise ValidationError("document.not_found", "文件不存在，或您已无权查看该文件")

    def read_blob(sha256: str) -> bytes | None:
        path = content_path(blob_root, sha256)
        return path.read_bytes() if path.is_file() else None

    return export_package(document, org, fonds=fonds, unit_code=unit_code or _unit_code(
        document, org), read_blob=read_blob, today=today)


def _unit_code(document: Document, org: Organisation) -> str:
    """Return the 机构代码 used in the 档号 when none is configured: the unit's own id."""
    unit = org.units.get(document.owner_unit_id)
    return (unit.id if unit else document.owner_unit_id).upper()


def can_export(document: Document) -> bool:
    """Return whether the document is archived with its 件号 assigned by the server."""
    return document.archive is not None and document.archive.item_number > 0
