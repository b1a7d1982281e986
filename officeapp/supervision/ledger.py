"""The 台账 (ledger): one row per item, exported to XLSX with openpyxl, and read back.

This is the code base's only spreadsheet writer. Text is stored as text (`_keep_text`): never as
a formula, however it starts (formula injection). A CSV export, if one is added, must instead
put a single quote before a cell starting with = + - @ tab or CR (OWASP's "CSV injection").
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from officeapp.clock import local
from officeapp.errors import ValidationError
from officeapp.supervision.lights import DEFAULT_WARN_DAYS, LIGHT_LABELS, explain_light, on_time
from officeapp.supervision.model import STATUS_LABELS, SupervisionItem

SHEET_TITLE = "督办台账"
_DATE_FORMAT = "yyyy-mm-dd hh:mm"
# What makes typed text a formula in Excel and LibreOffice (after any leading whitespace).
_FORMULA_STARTS = ("=", "+", "-", "@")


@dataclass(frozen=True)
class _Column:
    header: str
    width: int
    value: Callable[[SupervisionItem, Mapping[str, str]], Any]


def _local(moment: datetime | None) -> datetime | None:
    # Excel has no time zones: cells hold Beijing wall-clock time.
    return None if moment is None else local(moment).replace(tzinfo=None)


def _unit(names: Mapping[str, str], unit_id: str | None) -> str:
    return "" if unit_id is None else names.get(unit_id, unit_id)


def _latest(item: SupervisionItem) -> str:
    return item.progress_reports[-1].text if item.progress_reports else ""


def _on_time_text(item: SupervisionItem) -> str:
    result = on_time(item)
    return "" if result is None else ("是" if result else "否")


_COLUMNS: tuple[_Column, ...] = (
    _Column("事项编号", 16, lambda i, n: i.id),
    _Column("事项名称", 40, lambda i, n: i.title),
    _Column("督办来源", 10, lambda i, n: i.source.value),
    _Column("来源记录", 24, lambda i, n: i.source_link.label if i.source_link else ""),
    _Column("督办内容", 50, lambda i, n: i.content),
    _Column("牵头单位", 20, lambda i, n: _unit(n, i.lead_unit_id)),
    _Column("配合单位", 30, lambda i, n: "、".join(_unit(n, u) for u in i.co_unit_ids)),
    _Column("紧急程度", 8, lambda i, n: i.urgency.value),
    _Column("交办时间", 17, lambda i, n: _local(i.assigned_at)),
    _Column("办理时限", 17, lambda i, n: _local(i.deadline)),
    _Column("办理状态", 10, lambda i, n: STATUS_LABELS[i.status]),
    _Column("完成进度(%)", 11, lambda i, n: i.percent),
    _Column("最新进展", 50, lambda i, n: _latest(i)),
    _Column("催办次数", 8, lambda i, n: len(i.urgings)),
    _Column("办结时间", 17, lambda i, n: _local(i.completed_at)),
    _Column("按期办结", 8, lambda i, n: _on_time_text(i)),
)

HEADERS = tuple(c.header for c in _COLUMNS)
LIGHT_HEADER = "红黄绿灯"
_FILLS = {"红灯": "FFC7CE", "黄灯": "FFEB9C", "绿灯": "C6EFCE"}


def ledger_xlsx(items: Iterable[SupervisionItem], *, now: datetime,
                unit_names: Mapping[str, str] | None = None,
                warn_days: int = DEFAULT_WARN_DAYS) -> bytes:
    """Return the ledger as XLSX bytes: a Chinese header row, then one row per item."""
    names = dict(unit_names or {})
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET_TITLE
    sheet.append([*HEADERS, LIGHT_HEADER])
    for item in items:
        light = LIGHT_LABELS[explain_light(item, now, warn_days=warn_days).light]
        sheet.append([c.value(item, names) for c in _COLUMNS] + [light])
        for cell in sheet[sheet.max_row]:
            _keep_text(cell)
        fill = _FILLS.get(light)
        if fill is not None:
            sheet.cell(sheet.max_row, len(HEADERS) + 1).fill = PatternFill("solid", fgColor=fill)
    _dress(sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _keep_text(cell: Cell | MergedCell) -> None:
    """Store a text cell as a string, never a formula or an error, and keep it so when edited."""
    if not isinstance(cell.value, str):
        return  # numbers and dates stay numbers
    # openpyxl makes "=…" a formula and "#N/A" an error; "s" is written as an inline string.
    cell.data_type = "s"
    if cell.value.lstrip().startswith(_FORMULA_STARTS):
        cell.quotePrefix = True  # Excel's mark for typed '=…: text even once the cell is edited


def _dress(sheet: Any) -> None:
    """Bold, frozen header; column widths; date formats; wrapped long texts."""
    sheet.freeze_panes = "A2"
    for index, column in enumerate([*_COLUMNS, _Column(LIGHT_HEADER, 8, lambda i, n: "")], 1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        sheet.cell(1, index).font = Font(bold=True)
        sheet.cell(1, index).alignment = Alignment(horizontal="center", vertical="center")
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            if isinstance(cell.value, datetime):
                cell.number_format = _DATE_FORMAT
            elif column.width >= 40:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.auto_filter.ref = sheet.dimensions


def read_ledger(data: bytes) -> list[dict[str, Any]]:
    """Return the rows of a ledger XLSX as dicts keyed by the Chinese headers."""
    try:
        book = load_workbook(io.BytesIO(data), read_only=True)
    except Exception as error:  # openpyxl raises many kinds on a broken file
        raise ValidationError("ledger.malformed", "台账文件无法读取", reason=str(error)) from None
    sheet = book[SHEET_TITLE] if SHEET_TITLE in book.sheetnames else book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    book.close()
    if not rows:
        return []
    header = [str(h) for h in rows[0]]
    return [{h: ("" if v is None else v) for h, v in zip(header, row, strict=False)}
            for row in rows[1:]]
