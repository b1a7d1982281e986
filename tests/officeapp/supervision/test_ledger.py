"""The XLSX 台账 read back with openpyxl, and the 督办单 data."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook

from officeapp.demo import EDU_ID, FINANCE_ID, OFFICE_ID
from officeapp.errors import ValidationError
from officeapp.supervision import Status
from officeapp.supervision.ledger import HEADERS, LIGHT_HEADER, ledger_xlsx, read_ledger
from officeapp.supervision.sheets import assignment_sheet

from .conftest import DEADLINE, Sup

NAMES = {FINANCE_ID: "市财政局", EDU_ID: "市教育局", OFFICE_ID: "市政府办公室"}


def test_the_ledger_reads_back_one_row_per_item(sup: Sup) -> None:
    working = sup.to(Status.IN_PROGRESS)
    done = replace(sup.to(Status.COMPLETED), id="s-2", title="完成的事项")
    late = replace(working, id="s-3", deadline=sup.clock - timedelta(days=1))
    data = ledger_xlsx([working, done, late], now=sup.clock, unit_names=NAMES)
    rows = read_ledger(data)
    assert list(rows[0]) == [*HEADERS, LIGHT_HEADER]
    assert [r["事项编号"] for r in rows] == ["s-1", "s-2", "s-3"]
    first = rows[0]
    assert first["事项名称"] == "推进老旧小区改造资金拨付" and first["督办来源"] == "会议议定"
    assert first["牵头单位"] == "市财政局" and first["配合单位"] == "市教育局"
    assert first["办理时限"] == datetime(2026, 11, 30, 17, 0)
    assert first["办理状态"] == "办理中" and first["完成进度(%)"] == 30
    assert first["最新进展"] == "已完成项目清单核对" and first["红黄绿灯"] == "绿灯"
    assert first["按期办结"] == "" and first["办结时间"] == ""
    assert rows[1]["办理状态"] == "已办结" and rows[1]["按期办结"] == "是"
    assert rows[1]["红黄绿灯"] == "已办结" and isinstance(rows[1]["办结时间"], datetime)
    assert rows[2]["红黄绿灯"] == "红灯"


def test_the_ledger_sheet_is_dressed(sup: Sup) -> None:
    data = ledger_xlsx([sup.to(Status.ASSIGNED)], now=sup.clock)
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    assert sheet.title == "督办台账" and sheet.freeze_panes == "A2"
    assert sheet["A1"].value == "事项编号" and sheet["A1"].font.bold
    assert sheet.column_dimensions["B"].width == 40
    assert sheet["J2"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["F2"].value == FINANCE_ID  # without names, ids are shown


def test_an_empty_ledger_has_its_header_only(sup: Sup) -> None:
    assert read_ledger(ledger_xlsx([], now=sup.clock)) == []


def test_a_broken_file_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        read_ledger(b"not a workbook")
    assert error.value.code == "ledger.malformed"


def test_the_assignment_sheet_names_units_and_people(sup: Sup) -> None:
    item = sup.to(Status.ASSIGNED)
    sheet = assignment_sheet(item, unit_names=NAMES, people_names={"p-office.leader": "张主任"})
    lines = dict(sheet.lines)
    assert lines["督办来源"] == "会议议定（市政府第7次常务会议议定事项三）"
    assert lines["牵头单位"] == "市财政局" and lines["配合单位"] == "市教育局"
    assert lines["办理时限"] == "2026年11月30日" and lines["反馈周期"] == "每周"
    assert lines["阅知领导"] == "张主任" and lines["交办单位"] == "市政府办公室"
    assert DEADLINE.day == 30 and sheet.urgency == "普通"
