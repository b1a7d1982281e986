"""The 档号 of an archived document per DA/T 22-2015: 全宗号-年度-保管期限代码-机构代码-件号."""

from __future__ import annotations

from dataclasses import dataclass

from officeapp.errors import ValidationError
from officeapp.workflow import Document, Retention

RETENTION_CODES = {Retention.PERMANENT: "Y", Retention.YEARS_30: "D30",
                   Retention.YEARS_10: "D10"}


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
