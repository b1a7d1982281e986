"""The XLSX 台账 keeps people's text as text: nothing in it becomes a formula (formula injection).

Each workbook is read back twice: with openpyxl, and as raw sheet XML (zipfile + ElementTree),
which is what Excel and LibreOffice read.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import datetime
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from officeapp.demo import EDU_ID, FINANCE_ID
from officeapp.supervision import Status, SupervisionItem
from officeapp.supervision.ledger import HEADERS, LIGHT_HEADER, ledger_xlsx, read_ledger

from .conftest import Sup

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
TEXTS = [
    '=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1", "\n=1",
    " =1", "=1", "#DIV/0!", "#N/A",
]
# Every column that shows text people typed (names of units included).
TEXT_COLUMNS = {"事项编号", "事项名称", "来源记录", "督办内容", "牵头单位", "配合单位", "最新进展"}
COLUMNS = {header: get_column_letter(n) for n, header in enumerate([*HEADERS, LIGHT_HEADER], 1)}


def as_read(text: str) -> set[str]:
    """Return what an XML reader may give back for `text`: the text itself when the writer
    escaped a CR as &#13; (et_xmlfile 2 does), else a LF for it (XML 1.0 §2.11)."""
    return {text, text.replace("\r\n", "\n").replace("\r", "\n")}


def tainted(sup: Sup, text: str) -> SupervisionItem:
    """Return an item with `text` in every field of people's text that the ledger shows."""
    item = sup.to(Status.IN_PROGRESS)
    assert item.source_link is not None
    report = replace(item.progress_reports[-1], text=text)
    return replace(item, id=text, title=text, content=text, progress_reports=(report,),
                   source_link=replace(item.source_link, label=text))


def ledger_of(sup: Sup, text: str) -> bytes:
    return ledger_xlsx([tainted(sup, text)], now=sup.clock,
                       unit_names={FINANCE_ID: text, EDU_ID: text})


def sheet_xml(data: bytes) -> list[ElementTree.Element]:
    """Return the root of every worksheet of an XLSX, parsed without openpyxl."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        return [ElementTree.fromstring(archive.read(n)) for n in names]


def xml_cell_text(cell: ElementTree.Element, shared: list[str]) -> str:
    if cell.get("t") == "s":
        return shared[int(cell.findtext(f"{MAIN}v", ""))]
    return "".join(t.text or "" for t in cell.iter(f"{MAIN}t"))


def shared_strings(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "xl/sharedStrings.xml" not in archive.namelist():
            return []
        root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter(f"{MAIN}t")) for si in root.iter(f"{MAIN}si")]


@pytest.mark.parametrize("text", TEXTS)
def test_openpyxl_reads_every_text_column_back_as_a_string(sup: Sup, text: str) -> None:
    sheet = load_workbook(io.BytesIO(ledger_of(sup, text))).active
    assert sheet is not None
    row = {header: sheet[f"{letter}2"] for header, letter in COLUMNS.items()}
    assert {h for h, cell in row.items() if cell.value in as_read(text)} == TEXT_COLUMNS
    for header, cell in row.items():
        if isinstance(cell.value, str):
            assert cell.data_type == "s", header
    formula_like = text.lstrip().startswith(("=", "+", "-", "@"))
    assert all(row[h].quotePrefix == formula_like for h in TEXT_COLUMNS)


@pytest.mark.parametrize("text", TEXTS)
def test_the_sheet_xml_holds_no_formula_and_string_cells(sup: Sup, text: str) -> None:
    data = ledger_of(sup, text)
    shared = shared_strings(data)
    (root,) = sheet_xml(data)
    assert list(root.iter(f"{MAIN}f")) == []
    cells = {c.get("r"): c for c in root.iter(f"{MAIN}c")}
    for header in TEXT_COLUMNS:
        cell = cells[f"{COLUMNS[header]}2"]
        assert cell.get("t") in ("s", "inlineStr"), header
        assert xml_cell_text(cell, shared) in as_read(text), header


@pytest.mark.parametrize("text", TEXTS)
def test_the_ledger_reader_gets_the_text_back(sup: Sup, text: str) -> None:
    (row,) = read_ledger(ledger_of(sup, text))
    assert {header for header, value in row.items() if value in as_read(text)} == TEXT_COLUMNS


def test_numbers_and_dates_stay_numbers(sup: Sup) -> None:
    data = ledger_of(sup, "=1+1")
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    percent, urgings = sheet[f"{COLUMNS['完成进度(%)']}2"], sheet[f"{COLUMNS['催办次数']}2"]
    assert (percent.value, percent.data_type) == (30, "n")
    assert (urgings.value, urgings.data_type) == (0, "n")
    deadline = sheet[f"{COLUMNS['办理时限']}2"]
    assert deadline.value == datetime(2026, 11, 30, 17, 0) and deadline.is_date
    (root,) = sheet_xml(data)
    cells = {c.get("r"): c for c in root.iter(f"{MAIN}c")}
    for header in ("完成进度(%)", "催办次数", "办理时限", "交办时间"):
        cell = cells[f"{COLUMNS[header]}2"]
        assert cell.get("t", "n") == "n" and cell.findtext(f"{MAIN}v"), header
