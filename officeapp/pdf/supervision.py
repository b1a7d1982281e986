"""The supervision PDFs: 督办单 (a bordered form), 督办通报 (a report) and 台账 (a landscape list).

The data come from officeapp.supervision (assignment_sheet, report_data, the ledger's columns);
this module only lays them out with the shared fonts and tables. Ids print as names from a
NameBook, falling back to the id; an empty list prints 无.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Final, NotRequired, TypedDict, Unpack

from officeapp.clock import office_time
from officeapp.pdf.draw import Metadata, Typeset, render_pdf
from officeapp.pdf.flow import chinese_date
from officeapp.pdf.fonts import FontRole, load_fonts
from officeapp.pdf.geometry import MM, SIZE_3, Color
from officeapp.pdf.names import NameBook
from officeapp.pdf.ofd import render_ofd
from officeapp.pdf.tables import (
    LANDSCAPE,
    PORTRAIT,
    Align,
    Block,
    Cell,
    Row,
    Table,
    heading,
    para,
    render,
    typeset_blocks,
)
from officeapp.supervision.lights import LIGHT_LABELS, Light, explain_light, on_time
from officeapp.supervision.model import STATUS_LABELS, Source, SupervisionItem
from officeapp.supervision.sheets import assignment_sheet
from officeapp.supervision.stats import Period, ReportData, UnitStats, rate_text, report_data

NONE_TEXT: Final = "无"
LIGHT_HEADER: Final = "红黄绿灯"  # the XLSX ledger's (not imported: it loads openpyxl)
SMALL: Final = 12.0  # 小四, the report's tables
LEDGER_SIZE: Final = 9.0  # 小五, the ledger
# The light's cell, in the colours of the XLSX ledger.
LIGHT_FILLS: Final[dict[Light, Color]] = {
    Light.RED: (1.0, 0xC7 / 255, 0xCE / 255),
    Light.YELLOW: (1.0, 0xEB / 255, 0x9C / 255),
    Light.GREEN: (0xC6 / 255, 0xEF / 255, 0xCE / 255),
}


def _date(moment: dt.datetime | None) -> str:
    """Return the Beijing date in Chinese, or "" for None."""
    return "" if moment is None else chinese_date(office_time(moment).date())


# --- 督办单 ------------------------------------------------------------------------------

LABEL_WIDTH: Final = 28.0 * MM
FORM_WIDTH: Final = PORTRAIT.content_width
HALF_VALUE: Final = FORM_WIDTH / 2 - LABEL_WIDTH
# Lines of the sheet printed side by side.
PAIRS: Final = {"办理时限": "反馈周期", "交办单位": "交办日期"}
TALL: Final = {"督办内容": 50.0 * MM}
FORM_ROW: Final = 11.0 * MM


def assignment_sheet_pdf(item: SupervisionItem, *, names: NameBook) -> bytes:
    """Return the 督办单 of an item: a bordered form of assignment_sheet()'s lines."""
    sheet = assignment_sheet(item, unit_names=names.units, people_names=names.people)
    rows = [_pair(("事项编号", item.id), ("紧急程度", sheet.urgency))]
    lines = list(sheet.lines)
    index = 0
    while index < len(lines):
        label, value = lines[index]
        partner = PAIRS.get(label)
        if partner is not None and index + 1 < len(lines) and lines[index + 1][0] == partner:
            rows.append(_pair(lines[index], lines[index + 1]))
            index += 2
            continue
        rows.append(_full(label, value, TALL.get(label, FORM_ROW)))
        index += 1
    result = item.completion_request.text if item.completion_request is not None else ""
    rows.append(_full("办理情况", result, 45.0 * MM))
    rows.append(_full("备注", "", 16.0 * MM))
    blocks: list[Block] = [heading(sheet.title), Table(tuple(rows), space_before=4 * MM)]
    metadata = Metadata(f"{sheet.title}：{item.title}", names.unit(item.supervisor_unit_id),
                        "督办单")
    return render(blocks, frame=PORTRAIT, fonts=load_fonts(), metadata=metadata)


def _label(text: str) -> Cell:
    """Return a form label: 黑体, centred."""
    return Cell(text, LABEL_WIDTH, FontRole.HEITI, "centre")


def _full(label: str, value: str, minimum: float = FORM_ROW) -> Row:
    """Return a label and a value across the rest of the form; a tall value starts at the top."""
    value_cell = Cell(value, FORM_WIDTH - LABEL_WIDTH, top=minimum > FORM_ROW)
    return Row((_label(label), value_cell), minimum=minimum)


def _pair(first: tuple[str, str], second: tuple[str, str]) -> Row:
    """Return two label/value pairs side by side."""
    return Row((_label(first[0]), Cell(first[1], HALF_VALUE),
                _label(second[0]), Cell(second[1], HALF_VALUE)), minimum=FORM_ROW)


# --- 督办通报 ----------------------------------------------------------------------------

UNIT_COLUMNS: Final = (("单位", 40.0), ("交办数", 17.0), ("办结数", 17.0), ("办结率", 20.0),
                       ("按期办结率", 21.0), ("逾期数", 17.0), ("平均办理天数", 24.0))
OVERDUE_COLUMNS: Final = (("序号", 13.0), ("事项名称", 61.0), ("牵头单位", 32.0),
                          ("办理时限", 34.0), ("逾期天数", 16.0))


class ReportOptions(TypedDict):
    """The keyword arguments of every form of the 督办通报 (see supervision_report_typeset)."""

    period_start: dt.datetime
    period_end: dt.datetime
    now: dt.datetime
    names: NameBook
    title: NotRequired[str | None]


def supervision_report_pdf(items: Iterable[SupervisionItem],
                           **options: Unpack[ReportOptions]) -> bytes:
    """Return the 督办通报 of a period: totals, per-unit table, sources, the overdue list."""
    return render_pdf(supervision_report_typeset(items, **options))


def supervision_report_ofd(items: Iterable[SupervisionItem],
                           **options: Unpack[ReportOptions]) -> bytes:
    """Return the 督办通报 as OFD, laid out exactly as its PDF."""
    return render_ofd(supervision_report_typeset(items, **options))


def supervision_report_typeset(
    items: Iterable[SupervisionItem],
    *,
    period_start: dt.datetime,
    period_end: dt.datetime,
    now: dt.datetime,
    names: NameBook,
    title: str | None = None,
) -> Typeset:
    """Return the 督办通报 of a period laid out, ready for the PDF or the OFD."""
    listed = list(items)
    period = Period(office_time(period_start), office_time(period_end))
    data = report_data(listed, period, office_time(now), unit_names=names.units)
    heading_text = title or default_report_title(period)
    last = office_time(max(period.start, period.end - dt.timedelta(microseconds=1)))
    first = office_time(period.start)
    until = f"{last.month}月{last.day}日" if last.year == first.year else _date(last)
    blocks: list[Block] = [
        heading(heading_text),
        para(f"（统计时段：{_date(first)}至{until}；数据截至{_date(data.as_of)}）",
             align="centre"),
        _section("一、总体情况"),
        para(_summary(data), size=SIZE_3, first_indent=2),
        _section("二、各单位办理情况"),
        _unit_table(data),
        _section("三、督办事项来源"),
        _source_table(data),
        _section("四、逾期未办结事项"),
    ]
    if data.overdue:
        blocks.append(_overdue_table(data))
    else:
        blocks.append(para(f"{NONE_TEXT}。", size=SIZE_3, first_indent=2))
    issuer = _issuer(listed, names)
    if issuer:
        blocks.append(para(issuer, size=SIZE_3, align="right", space_before=10 * MM))
    blocks.append(para(_date(office_time(now)), size=SIZE_3, align="right",
                       space_before=0.0 if issuer else 10 * MM))
    metadata = Metadata(heading_text, issuer, "督办通报")
    return typeset_blocks(blocks, frame=PORTRAIT, fonts=load_fonts(), metadata=metadata)


def default_report_title(period: Period) -> str:
    """Return 2026年11月督查督办工作通报 for a calendar month, else 督查督办工作通报."""
    start, end = office_time(period.start), office_time(period.end)
    first = start.replace(hour=0, minute=0, second=0, microsecond=0, day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    if start == first and end == following:
        return f"{start.year}年{start.month}月督查督办工作通报"
    return "督查督办工作通报"


def _section(text: str) -> Block:
    """Return a section heading in 3号黑体, kept with what follows."""
    return para(text, FontRole.HEITI, size=SIZE_3, space_before=4 * MM, keep_with_next=True)


def _days(value: float | None) -> str:
    """Return a number of days with one decimal, or — when undefined."""
    return "—" if value is None else f"{value:.1f}"


def _summary(data: ReportData) -> str:
    """Return the 总体情况 paragraph."""
    totals = data.totals
    if totals.items == 0:
        text = "本期无新交办督办事项。"
    else:
        text = (
            f"本期共交办督办事项{totals.items}件，已办结{totals.completed}件，办结率"
            f"{rate_text(totals.completion_rate)}；其中按期办结{totals.completed_on_time}件，"
            f"按期办结率{rate_text(totals.on_time_rate)}；逾期{totals.overdue}件；"
            f"平均办理天数{_days(totals.average_days)}天。"
        )
    return (f"{text}本期共办结销号督办事项{data.completed_in_period}件（含以前各期交办事项）。"
            f"截至{_date(data.as_of)}，逾期未办结事项{len(data.overdue)}件。")


def _header(columns: Sequence[tuple[str, float]]) -> Row:
    """Return a header row of 黑体 labels."""
    return Row(tuple(Cell(label, width * MM, FontRole.HEITI, "centre")
                     for label, width in columns), minimum=8 * MM)


def _row(texts: Sequence[str], columns: Sequence[tuple[str, float]],
         aligns: Sequence[Align], role: FontRole = FontRole.FANGSONG) -> Row:
    """Return a body row."""
    return Row(tuple(Cell(text, width * MM, role, align)
                     for text, (_, width), align in zip(texts, columns, aligns, strict=True)),
               minimum=7 * MM)


def _none_row(columns: Sequence[tuple[str, float]]) -> Row:
    """Return a row saying 无 across the table."""
    return Row((Cell(NONE_TEXT, sum(w for _, w in columns) * MM, align="centre"),),
               minimum=7 * MM)


def _stats_texts(name: str, stats: UnitStats) -> list[str]:
    return [name, str(stats.items), str(stats.completed), rate_text(stats.completion_rate),
            rate_text(stats.on_time_rate), str(stats.overdue), _days(stats.average_days)]


def _unit_table(data: ReportData) -> Table:
    """Return the per-unit table with 办结率, 按期办结率, 逾期数, 平均办理天数 and a 合计 row."""
    aligns: tuple[Align, ...] = ("left", *(("centre",) * 6))
    rows = [_row(_stats_texts(data.unit_names.get(s.unit_id, s.unit_id), s), UNIT_COLUMNS,
                 aligns) for s in data.units]
    if rows:
        rows.append(_row(_stats_texts("合计", data.totals), UNIT_COLUMNS, aligns, FontRole.HEITI))
    else:
        rows.append(_none_row(UNIT_COLUMNS))
    return Table(tuple(rows), header=_header(UNIT_COLUMNS), size=SMALL, space_before=2 * MM)


def _source_table(data: ReportData) -> Table:
    """Return the counts by source in one row, with the total."""
    width = 156.0 / (len(Source) + 1)
    columns = [(source.value, width) for source in Source] + [("合计", width)]
    counts = [str(data.by_source.get(source, 0)) for source in Source]
    counts.append(str(sum(data.by_source.values())))
    centred: list[Align] = ["centre"] * len(columns)
    row = _row(counts, columns, centred)
    return Table((row,), header=_header(columns), size=SMALL, space_before=2 * MM)


def _overdue_table(data: ReportData) -> Table:
    """Return the items overdue at the as-of moment, the longest overdue first."""
    aligns: tuple[Align, ...] = ("centre", "left", "left", "centre", "centre")
    rows = [_row((str(n), line.title, line.lead_unit, _date(line.deadline),
                  str(line.days_overdue)), OVERDUE_COLUMNS, aligns)
            for n, line in enumerate(data.overdue, start=1)]
    return Table(tuple(rows), header=_header(OVERDUE_COLUMNS), size=SMALL, space_before=2 * MM,
                 split_rows=True)


def _issuer(items: Sequence[SupervisionItem], names: NameBook) -> str:
    """Return the supervising unit most items belong to, or "" when there are none."""
    counts = Counter(item.supervisor_unit_id for item in items if item.supervisor_unit_id)
    return names.unit(counts.most_common(1)[0][0]) if counts else ""


# --- 台账 -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LedgerColumn:
    """A column of the PDF ledger: the XLSX header, a width in mm, alignment and its text."""

    header: str
    width: float
    align: Align
    text: Callable[[SupervisionItem, NameBook], str]


def _moment(moment: dt.datetime | None) -> str:
    """Return a moment as the XLSX shows it, in Beijing time, date and time on two lines."""
    if moment is None:
        return ""
    local = office_time(moment)
    return f"{local:%Y-%m-%d}\n{local:%H:%M}"


def _on_time_text(item: SupervisionItem) -> str:
    result = on_time(item)
    return "" if result is None else ("是" if result else "否")


LEDGER_COLUMNS: Final = (
    LedgerColumn("事项编号", 18, "left", lambda i, n: i.id),
    LedgerColumn("事项名称", 24, "left", lambda i, n: i.title),
    LedgerColumn("督办来源", 10, "centre", lambda i, n: i.source.value),
    LedgerColumn("来源记录", 16, "left",
                 lambda i, n: i.source_link.label if i.source_link is not None else ""),
    LedgerColumn("督办内容", 30, "left", lambda i, n: i.content),
    LedgerColumn("牵头单位", 15, "left", lambda i, n: n.unit(i.lead_unit_id)),
    LedgerColumn("配合单位", 15, "left", lambda i, n: "、".join(n.unit(u) for u in i.co_unit_ids)),
    LedgerColumn("紧急程度", 9, "centre", lambda i, n: i.urgency.value),
    LedgerColumn("交办时间", 18, "centre", lambda i, n: _moment(i.assigned_at)),
    LedgerColumn("办理时限", 18, "centre", lambda i, n: _moment(i.deadline)),
    LedgerColumn("办理状态", 12, "centre", lambda i, n: STATUS_LABELS.get(i.status, str(i.status))),
    LedgerColumn("完成进度(%)", 9, "centre", lambda i, n: str(i.percent)),
    LedgerColumn("最新进展", 22, "left",
                 lambda i, n: i.progress_reports[-1].text if i.progress_reports else ""),
    LedgerColumn("催办次数", 9, "centre", lambda i, n: str(len(i.urgings))),
    LedgerColumn("办结时间", 18, "centre", lambda i, n: _moment(i.completed_at)),
    LedgerColumn("按期办结", 9, "centre", lambda i, n: _on_time_text(i)),
)
LIGHT_WIDTH: Final = 15.0


def ledger_pdf(items: Iterable[SupervisionItem], *, now: dt.datetime, names: NameBook) -> bytes:
    """Return the 台账: A4 landscape, the XLSX ledger's columns, the header on every page."""
    listed = list(items)
    moment = office_time(now)
    header = Row((*(Cell(c.header, c.width * MM, FontRole.HEITI, "centre")
                    for c in LEDGER_COLUMNS),
                  Cell(LIGHT_HEADER, LIGHT_WIDTH * MM, FontRole.HEITI, "centre")), minimum=8 * MM)
    rows = [_ledger_row(item, moment, names) for item in listed]
    if not rows:
        width = sum(c.width for c in LEDGER_COLUMNS) + LIGHT_WIDTH
        rows = [Row((Cell(NONE_TEXT, width * MM, align="centre"),), minimum=8 * MM)]
    blocks: list[Block] = [
        heading("督办事项台账"),
        para(f"截至{_date(moment)} {moment:%H:%M}　共{len(listed)}项", size=10.5,
             align="right"),
        Table(tuple(rows), header=header, size=LEDGER_SIZE, leading=1.3, padding=1.0 * MM,
              space_before=1.5 * MM, split_rows=True),
    ]
    metadata = Metadata("督办事项台账", subject="督办台账")
    return render(blocks, frame=LANDSCAPE, fonts=load_fonts(), metadata=metadata)


def _ledger_row(item: SupervisionItem, now: dt.datetime, names: NameBook) -> Row:
    """Return one item's row, the light's cell filled with its colour."""
    light = explain_light(item, now).light
    cells = [Cell(c.text(item, names), c.width * MM, align=c.align) for c in LEDGER_COLUMNS]
    cells.append(Cell(LIGHT_LABELS[light], LIGHT_WIDTH * MM, FontRole.HEITI, "centre",
                      LIGHT_FILLS.get(light)))
    return Row(tuple(cells), minimum=8 * MM)

