"""Bad rows of an organisation import are named by the row number the admin sees, once each."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from officeapp.org import Organisation, Unit
from officeapp.orgimport import OrgImportError, parse_org_file

HEADER = "类别,编号,名称,上级/所属单位,机关代字,用户名,角色,职务,电话\n"


def refused(path: Path, existing: Organisation | None = None) -> OrgImportError:
    with pytest.raises(OrgImportError) as caught:
        parse_org_file(path, existing=existing)
    return caught.value


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "org.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_bad_row_is_one_line_with_all_its_problems(tmp_path: Path,
                                                        org: Organisation) -> None:
    text = HEADER + ("单位,u-tax,市税务局,u-city,,,,,\n"
                     "人员,p x,,u-tax,,,clerk,,\n"
                     "单位,u-tax-office,局办公室,u-tax,,,,,\n"
                     "人员,p-y,某人,u-tax,,y.user,局长,,\n")
    error = refused(write(tmp_path, text), org)
    assert error.headline == "导入失败，未导入任何数据，2行有错误："
    assert error.bad_rows() == [
        "第3行 名称：不能为空；用户名：不能为空；"
        "编号：编号只能由字母、数字、下划线、点和连字符组成",
        f"第5行 角色：{error.problems[-1].message}",
    ]
    assert [e.row for e in error.problems] == [3, 3, 3, 5]
    assert {e["row"] for e in error.details["errors"]} == {3, 5}


def test_a_username_of_someone_else_is_refused_on_its_row(tmp_path: Path,
                                                          org: Organisation) -> None:
    text = HEADER + ("人员,p-edu.clerk,吴老师,u-edu,,edu.clerk,clerk,,\n"  # their own: fine
                     "人员,p-new,新人,u-finance,,finance.clerk,clerk,,\n")
    error = refused(write(tmp_path, text), org)
    assert error.bad_rows() == ["第3行 用户名：用户名“finance.clerk”已被其他人员使用"]


def test_a_loop_through_existing_units_names_the_row_that_made_it(tmp_path: Path) -> None:
    # Existing: 乙 at the top, 甲 under it; the file puts 乙 under 甲.
    existing = Organisation([Unit("u-a", "甲", "u-b"), Unit("u-b", "乙", None)], ())
    text = HEADER + "单位,u-c,丙,,,,,,\n单位,u-b,乙,u-a,,,,,\n"
    error = refused(write(tmp_path, text), existing)
    assert error.bad_rows() == ["第3行 上级单位：单位的上下级关系出现循环"]


def test_xlsx_rows_are_numbered_as_excel_shows_them(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER.strip().split(","))
    sheet["A4"], sheet["B4"] = "单位", "u-a"  # rows 2 and 3 are left empty
    path = tmp_path / "org.xlsx"
    book.save(path)
    assert refused(path).bad_rows() == ["第4行 名称：不能为空"]


def test_a_file_level_error_has_no_rows(tmp_path: Path) -> None:
    error = refused(write(tmp_path, "名称,电话\n甲,1\n"))
    assert error.headline == error.message and error.bad_rows() == []
