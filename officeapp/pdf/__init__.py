"""PDF rendering of official documents (公文) in the GB/T 9704-2012 layout, and of the sheets.

Call a parse_* function on plain data (parsed JSON), then the matching render_* function; both
raise PdfError subclasses with a stable code and a Chinese message. The typeset_* functions
return the laid-out pages (a Typeset), which render_pdf draws as PDF and render_ofd writes as
OFD (GB/T 33190-2016); to_pdfa turns a rendered PDF into PDF/A-2b. Rendering needs a CJK
TrueType font on the machine (see officeapp.pdf.fonts); fonts are scanned and registered once
per process.

The meeting and supervision PDFs (officeapp.pdf.meetings, officeapp.pdf.supervision) take the
domain records and a NameBook and return PDF bytes directly.
"""

from officeapp.pdf.draw import Typeset, render_pdf
from officeapp.pdf.errors import FontNotFoundError, PdfError, PdfInputError
from officeapp.pdf.fonts import FontRole, FontSet, load_fonts
from officeapp.pdf.gbt9704 import (
    render_document,
    render_document_ofd,
    render_minutes,
    render_minutes_ofd,
    typeset_document,
    typeset_minutes,
)
from officeapp.pdf.meetings import (
    agenda_pdf,
    meeting_notice_ofd,
    meeting_notice_pdf,
    minutes_ofd,
    minutes_pdf,
    seat_cards_pdf,
    sign_in_sheet_pdf,
)
from officeapp.pdf.model import (
    DraftingSheetLayout,
    MinutesLayout,
    OfficialDocumentLayout,
    Opinion,
    ProcessingSheetLayout,
    Step,
)
from officeapp.pdf.names import NameBook
from officeapp.pdf.ofd import render_ofd
from officeapp.pdf.parse import (
    parse_document,
    parse_drafting_sheet,
    parse_minutes,
    parse_processing_sheet,
)
from officeapp.pdf.pdfa import to_pdfa
from officeapp.pdf.sheets import (
    render_drafting_sheet,
    render_processing_sheet,
    typeset_drafting_sheet,
    typeset_processing_sheet,
)
from officeapp.pdf.supervision import (
    assignment_sheet_pdf,
    ledger_pdf,
    supervision_report_ofd,
    supervision_report_pdf,
)

__all__ = [
    "DraftingSheetLayout",
    "FontNotFoundError",
    "FontRole",
    "FontSet",
    "MinutesLayout",
    "NameBook",
    "OfficialDocumentLayout",
    "Opinion",
    "PdfError",
    "PdfInputError",
    "ProcessingSheetLayout",
    "Step",
    "Typeset",
    "agenda_pdf",
    "assignment_sheet_pdf",
    "ledger_pdf",
    "load_fonts",
    "meeting_notice_ofd",
    "meeting_notice_pdf",
    "minutes_ofd",
    "minutes_pdf",
    "parse_document",
    "parse_drafting_sheet",
    "parse_minutes",
    "parse_processing_sheet",
    "render_document",
    "render_document_ofd",
    "render_drafting_sheet",
    "render_minutes",
    "render_minutes_ofd",
    "render_ofd",
    "render_pdf",
    "render_processing_sheet",
    "seat_cards_pdf",
    "sign_in_sheet_pdf",
    "supervision_report_ofd",
    "supervision_report_pdf",
    "to_pdfa",
    "typeset_document",
    "typeset_drafting_sheet",
    "typeset_minutes",
    "typeset_processing_sheet",
]
