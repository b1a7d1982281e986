"""Importing units and people from CSV and XLSX: bad rows named, nothing half-imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from officeapp.org import Organisation, Role
from officeapp.orgimport import OrgImportError, parse_org_file

HEADER = "类别,编号,名称,上级/所属单位,机关代字,用户名,角色,职务,电话\n"
GOOD = HEADER + (
    "人员,p-ma,马科长,u-tax,,tax.ma,办文人员、领导,科长,13800000000\n"
    "单位,u-tax,市税务局,u-city,萍税发,,,,\n"
    "单位,u-tax-office,局办公室,u-tax,,,,,\n"
    "人员,p-niu,牛干事,u-tax-office,,tax.niu,clerk,,\n"
)


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "org.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_a_good_file_imports_units_and_people_in_any_order(
    tmp_path: Path, org: Organisation
) -> None:
    result = parse_org_file(write(tmp_path, GOOD), existing=org)
    assert [u.id for u in result.units] == ["u-tax", "u-tax-office"]
    assert result.units[0].agency_code == "萍税发" and result.units[0].parent_id == "u-city"
    ma = result.people[0]
    assert ma.roles == {Role.CLERK, Role.LEADER} and ma.username == "tax.ma"
    assert ma.phone == "13800000000"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_excel_style_encodings_are_read(tmp_path: Path, org: Organisation, encoding: str) -> None:
    result = parse_org_file(write(tmp_path, GOOD, encoding), existing=org)
    assert result.people[1].name == "牛干事"


def test_every_bad_row_is_reported_and_nothing_is_returned(
    tmp_path: Path, org: Organisation
) -> None:
    bad = HEADER + (
        "单位,u-a,甲单位,u-city,,,,,\n"
        "单位,u-a,重复单位,u-city,,,,,\n"
        "人员,p-x,某人,u-missing,,x.user,clerk,,\n"
        "人员,p-y,某人乙,u-a,,y.user,局长,,\n"
        "人员,p-z,,u-a,,z.user,clerk,,\n"
        "人员,p-w,某人丙,u-a,,x.user,clerk,,\n"
        "部门?,u-q,什么,u-city,,,,,\n"
        "单位,u b,空格,u-city,,,,,\n"
    )
    with pytest.raises(OrgImportError) as caught:
        parse_org_file(write(tmp_path, bad), existing=org)
    error = caught.value
    assert error.code == "org.import_invalid"
    assert "未导入任何数据" in error.message
    rows = {(e["row"], e["field"]) for e in error.details["errors"]}
    assert rows == {(3, "编号"), (4, "所属单位"), (5, "角色"), (6, "名称"), (7, "用户名"),
                    (8, "类别"), (9, "编号")}
    assert "第3行" in error.message


def test_a_cycle_in_the_tree_is_refused(tmp_path: Path) -> None:
    text = HEADER + "单位,a,甲,b,,,,,\n单位,b,乙,a,,,,,\n"
    with pytest.raises(OrgImportError) as caught:
        parse_org_file(write(tmp_path, text))
    assert "循环" in caught.value.message


def test_missing_columns_and_empty_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(OrgImportError) as caught:
        parse_org_file(write(tmp_path, "名称,电话\n甲,1\n"))
    assert caught.value.code == "org.import_header"
    with pytest.raises(OrgImportError) as caught:
        parse_org_file(write(tmp_path, ""))
    assert caught.value.code == "org.import_empty"
    with pytest.raises(OrgImportError) as caught:
        parse_org_file(tmp_path / "nope.csv")
    assert caught.value.code == "org.import_missing"


def test_xlsx_files_are_read_from_the_first_sheet(tmp_path: Path, org: Organisation) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for line in GOOD.strip().split("\n"):
        sheet.append(line.split(","))
    path = tmp_path / "org.xlsx"
    book.save(path)
    result = parse_org_file(path, existing=org)
    assert {p.username for p in result.people} == {"tax.ma", "tax.niu"}


def test_a_damaged_xlsx_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "org.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(OrgImportError) as caught:
        parse_org_file(path)
    assert caught.value.code == "org.import_unreadable"
