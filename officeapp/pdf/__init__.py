"""PDF rendering of official documents (公文) in the GB/T 9704-2012 layout, and of the sheets.

Call a parse_* function on plain data (parsed JSON), then the matching render_* function; both
raise PdfError subclasses with a stable code and a Chinese message. Rendering needs a CJK
TrueType font on the machine (see officeapp.pdf.fonts); fonts are scanned and registered once
per process.
"""

from officeapp.pdf.errors import FontNotFoundError, PdfError, PdfInputError
from officeapp.pdf.fonts import FontRole, FontSet, load_fonts
from officeapp.pdf.gbt9704 import render_document, render_minutes
from officeapp.pdf.model import (
    DraftingSheetLayout,
    MinutesLayout,
    OfficialDocumentLayout,
    Opinion,
    ProcessingSheetLayout,
    Step,
)
from officeapp.pdf.parse import (
    parse_document,
    parse_drafting_sheet,
    parse_minutes,
    parse_processing_sheet,
)
from officeapp.pdf.sheets import render_drafting_sheet, render_processing_sheet

__all__ = [
    "DraftingSheetLayout",
    "FontNotFoundError",
    "FontRole",
    "FontSet",
    "MinutesLayout",
    "OfficialDocumentLayout",
    "Opinion",
    "PdfError",
    "PdfInputError",
    "ProcessingSheetLayout",
    "Step",
    "load_fonts",
    "parse_document",
    "parse_drafting_sheet",
    "parse_minutes",
    "parse_processing_sheet",
    "render_document",
    "render_drafting_sheet",
    "render_minutes",
    "render_processing_sheet",
]
