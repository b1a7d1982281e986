"""Read the meeting and supervision PDFs back: ruled tables, embedded fonts, page geometry."""

from __future__ import annotations

import io
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from pypdf import PdfReader

MM = 72.0 / 25.4
A4 = (210 * MM, 297 * MM)
A4_LANDSCAPE = (297 * MM, 210 * MM)

Char = dict[str, Any]


def mm(points: float) -> float:
    """Return points as millimetres."""
    return points / MM


def font_files(pdf: bytes) -> list[tuple[str, bool]]:
    """Return every font of every page with whether it is embedded (like `pdffonts`)."""
    found: list[tuple[str, bool]] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            holder = font
            if "/DescendantFonts" in font:
                holder = font["/DescendantFonts"][0].get_object()
            descriptor = holder.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found.append((str(font["/BaseFont"]), embedded))
    return found


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Return each page's media box width and height in points."""
    return [
        (float(page.mediabox.width), float(page.mediabox.height))
        for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def text_of(chars: Sequence[Char]) -> str:
    """Return characters read top to bottom, left to right."""
    ordered = sorted(chars, key=lambda c: (round(c["top"]), c["x0"]))
    return "".join(c["text"] for c in ordered)


def all_text(pages: Sequence[Any]) -> str:
    """Return the characters of every page in drawing order."""
    return "".join(page.text for page in pages)


def rule_tops(page: Any, width: float) -> list[float]:
    """Return the tops of the horizontal rules `width` points long, top to bottom."""
    tops = {
        round(float(r["top"]), 1)
        for r in page.rects
        if float(r["height"]) < 1.5 and abs(float(r["width"]) - width) < 2.0
    }
    return sorted(tops)


def table_rows(page: Any, left: float, widths_mm: Sequence[float]) -> list[list[str]]:
    """Return the text of each cell of the ruled table whose columns are `widths_mm` wide."""
    edges = [left]
    for width in widths_mm:
        edges.append(edges[-1] + width * MM)
    rows: list[list[str]] = []
    for top, bottom in pairwise(rule_tops(page, edges[-1] - left)):
        inside = [c for c in page.chars if c["top"] >= top and c["bottom"] <= bottom + 0.5]
        cells: list[list[Char]] = [[] for _ in widths_mm]
        for char in inside:
            middle = (char["x0"] + char["x1"]) / 2
            for index, (start, end) in enumerate(pairwise(edges)):
                if start <= middle < end:
                    cells[index].append(char)
        rows.append([text_of(cell) for cell in cells])
    return rows
