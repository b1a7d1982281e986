"""Import of units and people from CSV or XLSX: every bad row reported, nothing half-imported.

One table, one row per unit or person, headers in Chinese or English:

类别 kind, 编号 id, 名称 name, 上级/所属单位 parent, 机关代字 agency_code, 用户名 username,
角色 roles, 职务 title, 电话 phone, 排序 sort_order.

Units may be listed in any order; a person's unit may be a unit of the same file or one that
already exists. Roles are separated by 、 , ， ; or ；.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from officeapp.errors import DomainError, ValidationError
from officeapp.org import Organisation, Person, Unit, parse_role

HEADERS: Mapping[str, str] = {
    "类别": "kind", "kind": "kind",
    "编号": "id", "id": "id",
    "名称": "name", "姓名": "name", "name": "name",
    "上级单位": "parent", "所属单位": "parent", "上级/所属单位": "parent", "parent": "parent",
    "机关代字": "agency_code", "agency_code": "agency_code",
    "用户名": "username", "username": "username",
    "角色": "roles", "roles": "roles",
    "职务": "title", "title": "title",
    "电话": "phone", "phone": "phone",
    "排序": "sort_order", "sort_order": "sort_order",
}
UNIT_KINDS = frozenset({"单位", "部门", "unit"})
PERSON_KINDS = frozenset({"人员", "person"})
_ROLE_SPLIT = re.compile(r"[、,，;；/\s]+")
_ID_RE = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
MAX_ROWS = 100_000


_FAILED = "导入失败，未导入任何数据"


@dataclass(frozen=True)
class RowError:
    """One problem in one row (row 1 is the header)."""

    row: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"第{self.row}行 {self.field}：{self.message}"


class OrgImportError(DomainError):
    """The file can't be imported; `problems` (and `details['errors']`) name each bad row."""

    def __init__(self, code: str, message: str, *, problems: Sequence[RowError] = (),
                 **details: Any) -> None:
        if problems:
            details["errors"] = [{"row": e.row, "field": e.field, "message": e.message}
                                 for e in problems]
        super().__init__(code, message, **details)
        self.problems = tuple(problems)

    @property
    def headline(self) -> str:
        """Return what failed, to show above `bad_rows()`: the message without its list."""
        count = len({e.row for e in self.problems})
        return f"{_FAILED}，{count}行有错误：" if count else self.message

    def bad_rows(self) -> list[str]:
        """Return one line per bad row, in row order: 第N行 field：message；field：message."""
        by_row: dict[int, list[str]] = {}
        for e in self.problems:
            by_row.setdefault(e.row, []).append(f"{e.field}：{e.message}")
        return [f"第{row}行 {'；'.join(texts)}" for row, texts in sorted(by_row.items())]


@dataclass(frozen=True)
class OrgImport:
    """What a valid file holds."""

    units: tuple[Unit, ...]
    people: tuple[Person, ...]


def read_rows(path: Path) -> list[dict[str, str]]:
    """Return the rows of a CSV (UTF-8, UTF-8 with BOM or GB18030) or XLSX file."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _xlsx_rows(path)
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return _csv_rows(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise OrgImportError("org.import_encoding", "文件编码无法识别，请另存为UTF-8编码的CSV文件")


def _csv_rows(text: str) -> list[dict[str, str]]:
    reader = csv.reader(io.StringIO(text))
    table = [row for row in reader]
    return _to_dicts(table)


def _xlsx_rows(path: Path) -> list[dict[str, str]]:
    from openpyxl import load_workbook  # only needed for Excel files

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise OrgImportError("org.import_unreadable", "无法读取Excel文件，文件可能已损坏",
                             reason=str(error)) from None
    sheet = book.worksheets[0]
    table = [
        ["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)
    ]
    book.close()
    return _to_dicts(table)


def _to_dicts(table: Sequence[Sequence[str]]) -> list[dict[str, str]]:
    if not table:
        raise OrgImportError("org.import_empty", "文件是空的")
    header = [HEADERS.get(cell.strip(), "") for cell in table[0]]
    missing = {"kind", "id", "name"} - set(header)
    if missing:
        raise OrgImportError("org.import_header", "表头缺少必填列：类别、编号、名称",
                             missing=sorted(missing))
    if len(table) - 1 > MAX_ROWS:
        raise OrgImportError("org.import_too_large", f"一次最多导入{MAX_ROWS}行")
    rows = []
    for cells in table[1:]:
        row = {key: cell.strip() for key, cell in zip(header, cells, strict=False) if key}
        rows.append(row)
    return rows


def parse_org_rows(
    rows: Sequence[Mapping[str, str]], *, existing: Organisation | None = None
) -> OrgImport:
    """Return the units and people in `rows`, or raise listing every bad row."""
    errors: list[RowError] = []
    units: dict[str, tuple[int, Unit]] = {}
    people: dict[str, tuple[int, Person]] = {}
    usernames: dict[str, int] = {}
    for number, row in enumerate(rows, start=2):
        if not any(row.values()):
            continue
        kind = row.get("kind", "")
        if kind in UNIT_KINDS:
            _unit_row(number, row, units, errors)
        elif kind in PERSON_KINDS:
            _person_row(number, row, people, usernames, errors)
        else:
            errors.append(RowError(number, "类别", f"应为“单位”或“人员”，不能是“{kind}”"))
    known = set(units) | set(existing.units if existing else ())
    _check_links(units, people, known, errors)
    _check_usernames(people, existing, errors)
    unit_values = tuple(u for _, u in units.values())
    if not errors:
        _check_tree(unit_values, existing, errors, units)
    if errors:
        errors.sort(key=lambda e: e.row)
        shown = "；".join(str(e) for e in errors[:5])
        more = f"等{len(errors)}处错误" if len(errors) > 5 else ""
        raise OrgImportError("org.import_invalid", f"{_FAILED}：{shown}{more}", problems=errors)
    return OrgImport(unit_values, tuple(p for _, p in people.values()))


def _unit_row(
    number: int, row: Mapping[str, str], units: dict[str, tuple[int, Unit]],
    errors: list[RowError],
) -> None:
    unit_id, name = row.get("id", ""), row.get("name", "")
    if not _required(number, row, ("id", "name"), errors):
        return
    if unit_id in units:
        errors.append(RowError(number, "编号", f"单位编号“{unit_id}”与第{units[unit_id][0]}行重复"))
        return
    order = row.get("sort_order", "") or "0"
    if not order.lstrip("-").isdigit():
        errors.append(RowError(number, "排序", "排序必须是整数"))
        return
    units[unit_id] = (number, Unit(unit_id, name, row.get("parent") or None,
                                   row.get("agency_code", ""), int(order)))


def _person_row(
    number: int, row: Mapping[str, str], people: dict[str, tuple[int, Person]],
    usernames: dict[str, int], errors: list[RowError],
) -> None:
    if not _required(number, row, ("id", "name", "parent", "username", "roles"), errors):
        return
    person_id, username = row["id"], row["username"]
    if person_id in people:
        first = people[person_id][0]
        errors.append(RowError(number, "编号", f"人员编号“{person_id}”与第{first}行重复"))
        return
    if username in usernames:
        first = usernames[username]
        errors.append(RowError(number, "用户名", f"用户名“{username}”与第{first}行重复"))
        return
    try:
        roles = frozenset(parse_role(r) for r in _ROLE_SPLIT.split(row["roles"]) if r)
    except ValidationError as error:
        errors.append(RowError(number, "角色", error.message))
        return
    usernames[username] = number
    people[person_id] = (number, Person(person_id, row["name"], row["parent"], roles, username,
                                        row.get("title", ""), row.get("phone", "")))


_LABELS = {
    "id": "编号", "name": "名称", "parent": "所属单位", "username": "用户名", "roles": "角色",
}


def _required(
    number: int, row: Mapping[str, str], fields: Iterable[str], errors: list[RowError]
) -> bool:
    ok = True
    for name in fields:
        if not row.get(name):
            errors.append(RowError(number, _LABELS[name], "不能为空"))
            ok = False
    if row.get("id") and not _ID_RE.match(row["id"]):
        errors.append(RowError(number, "编号", "编号只能由字母、数字、下划线、点和连字符组成"))
        ok = False
    return ok


def _check_links(
    units: Mapping[str, tuple[int, Unit]], people: Mapping[str, tuple[int, Person]],
    known: set[str], errors: list[RowError],
) -> None:
    for number, unit in units.values():
        if unit.parent_id is not None and unit.parent_id not in known:
            errors.append(RowError(number, "上级单位", f"上级单位“{unit.parent_id}”不存在"))
    for number, person in people.values():
        if person.unit_id not in known:
            errors.append(RowError(number, "所属单位", f"所属单位“{person.unit_id}”不存在"))


def _check_usernames(
    people: Mapping[str, tuple[int, Person]], existing: Organisation | None,
    errors: list[RowError],
) -> None:
    """Refuse usernames that already belong to someone else."""
    taken = {p.username: p.id for p in existing.people.values()} if existing else {}
    for number, person in people.values():
        if taken.get(person.username, person.id) != person.id:
            errors.append(RowError(number, "用户名",
                                   f"用户名“{person.username}”已被其他人员使用"))


def _check_tree(
    units: tuple[Unit, ...], existing: Organisation | None, errors: list[RowError],
    rows: Mapping[str, tuple[int, Unit]],
) -> None:
    merged = {**(existing.units if existing else {}), **{u.id: u for u in units}}
    try:
        Organisation(merged.values(), ())
    except ValidationError as error:
        unit_id = str(error.details.get("unit_id", ""))
        errors.append(RowError(_row_above(unit_id, merged, rows), "上级单位", error.message))


def _row_above(unit_id: str, units: Mapping[str, Unit],
               rows: Mapping[str, tuple[int, Unit]]) -> int:
    """Return the row of the file's unit nearest above `unit_id` (itself included), or 0."""
    # An existing unit is caught in a loop only through a unit of the file above it.
    current: str | None = unit_id
    for _ in range(len(units)):
        if current is None or current not in units:
            return 0
        if current in rows:
            return rows[current][0]
        current = units[current].parent_id
    return 0


def parse_org_file(path: Path, *, existing: Organisation | None = None) -> OrgImport:
    """Return the units and people of a CSV or XLSX file, or raise listing every bad row."""
    if not path.is_file():
        raise OrgImportError("org.import_missing", f"找不到文件：{path}")
    return parse_org_rows(read_rows(path), existing=existing)
