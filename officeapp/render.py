"""From a document and the directory to what the PDF renderers print."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from officeapp.documents import DocType, Urgency
from officeapp.org import Organisation
from officeapp.pdf import (
    DraftingSheetLayout,
    OfficialDocumentLayout,
    Opinion,
    ProcessingSheetLayout,
    Step,
    render_document,
    render_drafting_sheet,
    render_ofd,
    render_processing_sheet,
    typeset_document,
)
from officeapp.workflow import ActionKind, Document, TraceEntry

_OPINION_ACTIONS = frozenset({ActionKind.APPROVE, ActionKind.RETURN, ActionKind.ACKNOWLEDGE})
_SHEET_STEPS = {s.value for s in Step}


def unit_names(org: Organisation, unit_ids: Iterable[str]) -> tuple[str, ...]:
    """Return the names of units, keeping ids the directory does not know (free text)."""
    return tuple(org.units[u].name if u in org.units else u for u in unit_ids)


def agency_mark(doc: Document, org: Organisation) -> str:
    """Return the 发文机关标志: the unit's name, plus 文件 except for letters (信函格式)."""
    unit = org.units.get(doc.owner_unit_id)
    name = unit.name if unit else doc.issuer or doc.owner_unit_id
    return name if doc.doc_type is DocType.LETTER else f"{name}文件"


def _shown(urgency: Urgency) -> str:
    return "" if urgency is Urgency.NORMAL else urgency.value


def document_layout(doc: Document, org: Organisation, *, today: date) -> OfficialDocumentLayout:
    """Return the GB/T 9704 layout input of an outgoing document."""
    unit = org.units.get(doc.owner_unit_id)
    issuer = doc.issuer or (unit.name if unit else "")
    upward = doc.doc_type in (DocType.REPORT, DocType.REQUEST)
    return OfficialDocumentLayout(
        agency_mark=agency_mark(doc, org), title=doc.title, body=doc.body, issuer=issuer,
        date=doc.written_date or today, doc_number=doc.doc_number or "",
        signer=doc.signer_name if upward else "", urgency=_shown(doc.urgency),
        classification=doc.classification.value,
        main_recipients=unit_names(org, doc.main_recipients),
        attachments=tuple(a.name for a in doc.attachments), note=doc.note,
        cc_recipients=unit_names(org, doc.cc_recipients),
        print_unit=doc.print_unit or issuer, print_date=doc.print_date,
    )


def _opinions(doc: Document) -> tuple[Opinion, ...]:
    return tuple(
        Opinion(step=Step(e.step), person=_who(e), text=e.opinion or "同意", at=e.at)
        for e in doc.trace
        if e.action in _OPINION_ACTIONS and e.step in _SHEET_STEPS and e.step != "draft"
    )


def _who(entry: TraceEntry) -> str:
    return entry.actor_name if not entry.on_behalf_of else f"{entry.actor_name}（代）"


def drafting_sheet_layout(doc: Document, org: Organisation) -> DraftingSheetLayout:
    """Return the 发文稿纸 input: the route's opinions at 核稿, 会签 and 签发."""
    unit = org.units.get(doc.owner_unit_id)
    drafter = org.people.get(doc.created_by)
    return DraftingSheetLayout(
        agency=unit.name if unit else "", title=doc.title, doc_number=doc.doc_number or "",
        urgency=_shown(doc.urgency), classification=doc.classification.value,
        main_recipients=unit_names(org, doc.main_recipients),
        cc_recipients=unit_names(org, doc.cc_recipients),
        draft_unit=unit.name if unit else "", drafter=drafter.name if drafter else "",
        attachments=tuple(a.name for a in doc.attachments), opinions=_opinions(doc),
    )


def processing_sheet_layout(doc: Document, org: Organisation) -> ProcessingSheetLayout:
    """Return the 收文处理笺 input: 拟办, 批办, 承办 and 传阅 opinions."""
    unit = org.units.get(doc.owner_unit_id)
    return ProcessingSheetLayout(
        agency=unit.name if unit else "", title=doc.title,
        source_unit=doc.sender_unit or "—", received_date=doc.created_at.date(),
        source_number=doc.doc_number or "", register_number=doc.received_number,
        urgency=_shown(doc.urgency), classification=doc.classification.value,
        attachments=tuple(a.name for a in doc.attachments), note=doc.note,
        opinions=_opinions(doc),
    )


def render_document_pdf(doc: Document, org: Organisation, *, today: date) -> bytes:
    """Return the document itself as a GB/T 9704 PDF."""
    return render_document(document_layout(doc, org, today=today))


def render_document_ofd(doc: Document, org: Organisation, *, today: date,
                        seal_image: bytes | None = None) -> bytes:
    """Return the document itself as OFD (GB/T 33190-2016), laid out exactly as its PDF;
    `seal_image` (the seal of the signed official file) becomes the stamp annotation."""
    layout = document_layout(doc, org, today=today)
    if seal_image is not None:
        layout = replace(layout, seal_image=seal_image)
    return render_ofd(typeset_document(layout), today=today)


def render_sheet_pdf(doc: Document, org: Organisation) -> bytes:
    """Return the 发文稿纸 of an outgoing or the 收文处理笺 of an incoming document."""
    if doc.direction.value == "outgoing":
        return render_drafting_sheet(drafting_sheet_layout(doc, org))
    return render_processing_sheet(processing_sheet_layout(doc, org))
