"""The supervision prints, made on the database worker: 台账 (XLSX, PDF), 督办通报 (PDF, OFD)
and 督办单."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from officeapp.errors import DomainError
from officeapp.org import Organisation
from officeapp.store import LocalStore
from officeapp.supervision.ledger import ledger_xlsx
from ui.supervision.snapshot import stored_item


def _names(store: LocalStore, org: Organisation) -> Any:
    from officeapp.pdf.names import NameBook  # the PDF layer loads only when first needed

    return NameBook.of(org, store.rooms())


def ledger_bytes(store: LocalStore, *, ids: Sequence[str], org: Organisation,
                 now: datetime) -> bytes:
    """Return the 台账 of these items as XLSX."""
    items = store.supervision.items(ids)
    return ledger_xlsx(items, now=now,
                       unit_names={u.id: u.name for u in org.units.values()})


def ledger_pdf_bytes(store: LocalStore, *, ids: Sequence[str], org: Organisation,
                     now: datetime) -> bytes:
    """Return the 台账 of these items as a landscape PDF table."""
    from officeapp.pdf.supervision import ledger_pdf

    data: bytes = ledger_pdf(store.supervision.items(ids), now=now,
                             names=_names(store, org))
    return data


def report_pdf_bytes(store: LocalStore, *, start: datetime, end: datetime, org: Organisation,
                     now: datetime, title: str | None = None) -> bytes:
    """Return the 督办通报 of a period [start, end)."""
    from officeapp.pdf.supervision import supervision_report_pdf

    data: bytes = supervision_report_pdf(
        store.supervision.items(), period_start=start, period_end=end, now=now,
        names=_names(store, org), title=title or None)
    return data


def report_ofd_bytes(store: LocalStore, *, start: datetime, end: datetime, org: Organisation,
                     now: datetime, title: str | None = None) -> bytes:
    """Return the 督办通报 of a period [start, end) as OFD, laid out as its PDF."""
    from officeapp.pdf.supervision import supervision_report_ofd

    data: bytes = supervision_report_ofd(
        store.supervision.items(), period_start=start, period_end=end, now=now,
        names=_names(store, org), title=title or None)
    return data


def sheet_pdf_bytes(store: LocalStore, *, item_id: str, org: Organisation) -> bytes:
    """Return the 督办单 of one item."""
    from officeapp.pdf.supervision import assignment_sheet_pdf

    item = stored_item(store, item_id)
    if item is None:
        raise DomainError("supervision.not_found", "督办事项不存在，或您已无权查看")
    data: bytes = assignment_sheet_pdf(item, names=_names(store, org))
    return data

