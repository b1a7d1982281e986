"""PDF rendering of official documents (公文) in the GB/T 9704-2012 layout, and of the sheets.

Call a parse_* function on plain data (parsed JSON), then the matching render_* function; both
raise PdfError subclasses with a stable code and a Chinese message. Rendering needs a CJK
TrueType font on the machine (see officeapp.pdf.fonts); fonts are scanned and registered once
per process.

The meeting and supervision PDFs (officeapp.pdf.meetings, officeapp.pdf.supervision) take the
domain records and a NameBook and return PDF bytes directly.
"""

from officeapp.pdf.errors import FontNotFoundError, PdfError, PdfInputError
from officeapp.pdf.fonts import FontRole, FontSet, load_fonts
from officeapp.pdf.gbt9704 import render_document, render_minutes
from officeapp.pdf.meetings import (
    agenda_pdf,
    meeting_notice_pdf,
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
from officeapp.pdf.parse import (
    parse_document,
    parse_drafting_sheet,
    parse_minutes,
    parse_processing_sheet,
)
from officeapp.pdf.sheets import render_drafting_sheet, render_processing_sheet
from officeapp.pdf.supervision import assignment_sheet_pdf, ledger_pdf, supervision_report_pdf

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
    "agenda_pdf",
    "assignment_sheet_pdf",
    "ledger_pdf",
    "load_fonts",
    "meeting_notice_pdf",
    "minutes_pdf",
    "parse_document",
    "parse_drafting_sheet",
    "parse_minutes",
    "parse_processing_sheet",
    "render_document",
    "render_drafting_sheet",
    "render_minutes",
    "render_processing_sheet",
    "seat_cards_pdf",
    "sign_in_sheet_pdf",
    "supervision_report_pdf",
]
