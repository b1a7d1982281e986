"""`officeapp-server sync-directory` against a real slapd: units and people added, renamed,
moved and changed (the same person throughout), roles from groups, leavers locked out at once,
dry runs, a failed read that changes nothing, and local accounts left alone."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from officeapp.errors import ValidationError
from sync.server.config import Integrations, LdapSettings
from sync.server.identity.ldap_directory import Entry, is_disabled
from sync.server.ops.cli import main
from sync.server.ops.directory_sync import Report, sync_directory
from sync.server.settings import Settings
from sync.server.storage import db
from sync.server.storage import tables as t
from tests.support.slapd import SUFFIX, Slapd, change, config_table, group, ou, person

from .conftest import Api, User, login

CITY = f"ou=萍乡市人民政府,{SUFFIX}"
OFFICE = f"ou=办公室,{CITY}"
FINANCE = f"ou=财务科,{CITY}"
GROUPS = f"ou=groups,{SUFFIX}"
LEADERS, CLERKS = f"cn=leaders,{GROUPS}", f"cn=clerks,{GROUPS}"
ZHANG, LI, WANG = f"uid=zhang.san,{OFFICE}", f"uid=li.si,{OFFICE}", f"uid=wang.wu,{FINANCE}"
PASSWORD = "directory-password-1"
PULL = "/api/v1/sync/pull"


@pytest.fixture
def slapd(tmp_path: Path) -> Iterator[Slapd]:
    """slapd with 萍乡市人民政府 (办公室: 张三 the leader, 李四; 财务科: 王五) and two groups."""
    server = Slapd(tmp_path / "slapd")
    try:
        server.add_entries([
            ou(SUFFIX, "萍乡市人民政府"), ou(CITY, "办公室"), ou(CITY, "财务科"),
            ou(SUFFIX, "groups"),
            person(OFFICE, "zhang.san", "张三", PASSWORD, title="主任",
                   telephoneNumber="0799-6831234", mail="zhangsan@example.org"),
            person(OFFICE, "li.si", "李四", PASSWORD),
            person(FINANCE, "wang.wu", "王五", PASSWORD),
            group(GROUPS, "leaders", [ZHANG]), group(GROUPS, "clerks", [LI, WANG])])
        yield server
    finally:
        server.stop()


@pytest.fixture
def ldap(slapd: Slapd) -> LdapSettings:
    """[ldap] for the test's slapd, roles from the two groups."""
    return LdapSettings.from_table(config_table(
        slapd, CITY, roles={LEADERS: "leader", CLERKS: ["clerk"]}, default_roles=["clerk"]))


@pytest.fixture
def settings(settings: Settings, ldap: LdapSettings) -> Settings:
    """The server settings with [ldap]."""
    return replace(settings, integrations=Integrations(ldap=ldap))


def _people(engine: sa.Engine) -> dict[str, Any]:
    with db.read(engine) as connection:
        return {row.username: row for row in connection.execute(sa.select(t.people))}


def _counts(engine: sa.Engine) -> tuple[int, ...]:
    with db.read(engine) as connection:
        return tuple(connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                     for table in (t.units, t.people, t.changes, t.external_identities,
                                   t.token_families))


def _people_state(engine: sa.Engine) -> list[tuple[Any, ...]]:
    with db.read(engine) as connection:
        return [tuple(row) for row in connection.execute(
            sa.select(t.people).order_by(t.people.c.id))]


def _text(report: Report) -> str:
    return "\n".join(report.lines())


def _with_ldap(settings: Settings, **changes: Any) -> Settings:
    ldap = settings.integrations.ldap
    assert ldap is not None
    return replace(settings, integrations=Integrations(ldap=replace(ldap, **changes)))


def test_units_and_people_arrive_with_roles_and_reach_the_clients(
        engine: sa.Engine, settings: Settings, user: Callable[[str], User]) -> None:
    report = sync_directory(engine, settings)
    text = _text(report)
    assert "萍乡市人民政府（上级：（无））" in text and "办公室（上级：萍乡市人民政府）" in text
    assert "张三（zhang.san）：办公室，领导" in text
    assert len(report.units_added) == 3 and len(report.people_added) == 3
    people = _people(engine)
    zhang, li, wang = people["zhang.san"], people["li.si"], people["wang.wu"]
    assert zhang.source == "ldap" and zhang.email == "zhangsan@example.org"
    assert zhang.title == "主任" and zhang.phone == "0799-6831234"
    assert sorted(zhang.roles) == ["leader"] and sorted(li.roles) == ["clerk"]
    assert zhang.unit_id == li.unit_id != wang.unit_id
    with db.read(engine) as connection:
        units = {row.id: row for row in connection.execute(sa.select(t.units))}
        assert connection.execute(sa.select(sa.func.count()).select_from(
            t.external_identities)).scalar_one() == 3
    assert units[zhang.unit_id].name == "办公室"
    assert units[units[zhang.unit_id].parent_id].name == "萍乡市人民政府"
    clerk = user("office.clerk")  # the clients receive the directory through sync
    clerk.sync()
    names = {v["name"] for (kind, _), v in clerk.mirror.items() if kind == "person"}
    assert {"张三", "李四", "王五"} <= names
    before = _counts(engine)
    again = sync_directory(engine, settings)  # nothing changed: nothing written
    assert not (again.units_added or again.people_added or again.people_changed
                or again.people_left)
    assert _counts(engine) == before


def test_renamed_and_moved_entries_stay_the_same_units_and_people(
        engine: sa.Engine, settings: Settings, slapd: Slapd) -> None:
    sync_directory(engine, settings)
    ids = {name: row.id for name, row in _people(engine).items()}
    slapd.modify(
        change(FINANCE, "changetype: modrdn", "newrdn: ou=财务处", "deleteoldrdn: 1",
               f"newsuperior: {OFFICE}")
        + change(ZHANG, "changetype: modify", "replace: cn", "cn: 张三丰", "-",
                 "replace: title", "title: 副主任", "-")
        + change(LI, "changetype: modrdn", "newrdn: uid=li.si", "deleteoldrdn: 1",
                 f"newsuperior: ou=财务处,{OFFICE}")
        + change(f"uid=wang.wu,ou=财务处,{OFFICE}", "changetype: modrdn",
                 "newrdn: uid=wang.liu", "deleteoldrdn: 1")
        + change(CLERKS, "changetype: modify", "delete: member", f"member: {LI}", "-")
        + change(LEADERS, "changetype: modify", "add: member",
                 f"member: uid=li.si,ou=财务处,{OFFICE}", "-"))
    report = sync_directory(engine, settings)
    text = _text(report)
    assert report.units_renamed == ["财务科 → 财务处"]
    assert report.units_moved == ["财务处：萍乡市人民政府 → 办公室"]
    assert "张三丰（zhang.san）：姓名 张三 → 张三丰；职务 主任 → 副主任" in text
    assert "李四（li.si）：单位 办公室 → 财务处；角色 办文人员 → 领导" in text
    assert "王五（wang.liu）：用户名 wang.wu → wang.liu" in text
    assert not report.people_added and not report.people_left
    people = _people(engine)
    assert people["zhang.san"].id == ids["zhang.san"] and people["zhang.san"].name == "张三丰"
    assert people["wang.liu"].id == ids["wang.wu"] and "wang.wu" not in people
    assert people["li.si"].unit_id == people["wang.liu"].unit_id
    assert sorted(people["li.si"].roles) == ["leader"]


def test_leavers_are_locked_out_at_once_and_never_deleted(
        engine: sa.Engine, settings: Settings, slapd: Slapd, api: Api) -> None:
    sync_directory(engine, settings)
    tokens = {name: login(api, name, PASSWORD).json() for name in ("zhang.san", "li.si")}

    def pull(name: str) -> int:
        body = {"client_id": f"client-{name}", "cursor": 0, "schema_version": 1, "limit": 1}
        headers = {"Authorization": f"Bearer {tokens[name]['access_token']}"}
        return api.post(PULL, json=body, headers=headers).status_code

    assert pull("zhang.san") == pull("li.si") == 200
    slapd.modify(change(ZHANG, "changetype: delete")
                 + change(LI, "changetype: modify", "replace: pwdAccountLockedTime",
                          "pwdAccountLockedTime: 000001010000Z", "-"))
    report = sync_directory(engine, settings)
    assert sorted(report.people_left) == ["张三（zhang.san）", "李四（li.si）"]
    assert pull("zhang.san") == pull("li.si") == 401  # at once, not at the token's end
    refresh = api.post("/api/v1/auth/refresh",
                       json={"refresh_token": tokens["li.si"]["refresh_token"]})
    assert refresh.status_code == 401
    assert login(api, "li.si", PASSWORD).status_code == 401
    people = _people(engine)
    for name in ("zhang.san", "li.si"):
        assert not people[name].active and people[name].left_at is not None
    assert people["wang.wu"].active
    with db.read(engine) as connection:
        reasons = connection.execute(sa.select(t.token_families.c.revoked_reason).where(
            t.token_families.c.person_id.in_([people["li.si"].id]))).scalars().all()
    assert reasons == ["left"]
    assert not sync_directory(engine, settings).people_left  # left once, reported once
    slapd.modify(change(LI, "changetype: modify", "delete: pwdAccountLockedTime", "-"))
    back = sync_directory(engine, settings)
    assert back.people_back == ["李四（li.si）"]
    assert _people(engine)["li.si"].active and _people(engine)["li.si"].left_at is None
    assert login(api, "li.si", PASSWORD).status_code == 200


def test_a_leavers_open_work_is_reported_for_handover(
        engine: sa.Engine, settings: Settings, slapd: Slapd,
        user: Callable[[str], User]) -> None:
    clerk = user("office.clerk")
    document_id = clerk.create(title="关于调整值班安排的通知")
    clerk.ok(document_id, "approve", expected_step="draft", assignees=["p-office.reviewer"])
    slapd.add_entries([person(OFFICE, "office.reviewer", "孙科长", PASSWORD)])
    sync_directory(engine, settings, adopt_local=True)
    slapd.modify(change(f"uid=office.reviewer,{OFFICE}", "changetype: delete"))
    report = sync_directory(engine, settings)
    assert report.people_left == ["孙科长（office.reviewer）"]
    assert report.handover == ["孙科长（office.reviewer）：1 项待办需要交接"]
    assert "离职交接（officeapp-server open-work 查看，handover 移交）：" in report.lines()


def test_a_dry_run_reports_and_writes_nothing(engine: sa.Engine, settings: Settings,
                                              slapd: Slapd) -> None:
    before, state = _counts(engine), _people_state(engine)
    report = sync_directory(engine, settings, dry_run=True)
    assert len(report.people_added) == 3
    assert report.lines()[-1].startswith("试运行，未写入任何修改。目录同步将新增单位 3 个")
    assert _counts(engine) == before and _people_state(engine) == state
    sync_directory(engine, settings)
    slapd.modify(change(ZHANG, "changetype: delete"))
    state = _people_state(engine)
    assert sync_directory(engine, settings, dry_run=True).people_left == ["张三（zhang.san）"]
    assert _people_state(engine) == state


def test_a_failed_read_changes_nothing(engine: sa.Engine, settings: Settings,
                                       slapd: Slapd) -> None:
    sync_directory(engine, settings)
    slapd.modify(change(ZHANG, "changetype: modify", "replace: cn", "cn: 张三丰", "-"))
    before, state = _counts(engine), _people_state(engine)
    # Units and people read fine; the third read (a group that is not there) fails.
    missing_group = _with_ldap(settings, roles={LEADERS: ("leader",),
                                                f"cn=gone,{GROUPS}": ("leader",)})
    with pytest.raises(ValidationError) as failed:
        sync_directory(engine, missing_group)
    assert failed.value.code == "directory.unavailable"
    assert "未做任何修改" in failed.value.message
    slapd.stop()
    with pytest.raises(ValidationError) as down:
        sync_directory(engine, settings)
    assert down.value.code == "directory.unavailable"
    assert _counts(engine) == before and _people_state(engine) == state


def test_an_empty_answer_does_not_mark_everyone_as_left(engine: sa.Engine,
                                                        settings: Settings) -> None:
    sync_directory(engine, settings)
    state = _people_state(engine)
    with pytest.raises(ValidationError) as refused:
        sync_directory(engine, _with_ldap(settings, people_filter="(uid=nobody-at-all)"))
    assert refused.value.code == "directory.no_people"
    assert _people_state(engine) == state


def test_a_local_account_is_never_taken_over_silently(engine: sa.Engine, settings: Settings,
                                                      slapd: Slapd) -> None:
    slapd.add_entries([person(FINANCE, "office.clerk", "冒名者", PASSWORD)])
    local = _people(engine)["office.clerk"]
    report = sync_directory(engine, settings)
    assert any("office.clerk 已是本地账号" in line and "--adopt-local" in line
               for line in report.conflicts)
    after = _people(engine)["office.clerk"]
    assert tuple(after) == tuple(local)  # untouched: name, unit, password, source
    adopted = sync_directory(engine, settings, adopt_local=True)
    assert any("本地账号转为统一身份认证账号" in line for line in adopted.people_changed)
    after = _people(engine)["office.clerk"]
    assert after.id == local.id and after.source == "ldap" and after.password_hash is None
    assert after.name == "冒名者"
    local_leader = _people(engine)["office.leader"]
    assert local_leader.source == "local" and local_leader.active  # not in the directory


def test_the_command_line_runs_and_dry_runs(database_url: str, tmp_path: Path, slapd: Slapd,
                                            capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "officeapp.toml"
    table = config_table(slapd, CITY, roles={LEADERS: "leader"})
    lines = ["[ldap]"] + [f"{k} = {_toml(v)}" for k, v in table.items() if k != "roles"]
    lines += ["[ldap.roles]", f'"{LEADERS}" = "leader"']
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    common = ["--database-url", database_url, "--data-dir", str(tmp_path)]
    monkeypatch.delenv("OFFICEAPP_CONFIG", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["migrate", *common]) == 0
    capsys.readouterr()
    assert main(["sync-directory", "--dry-run", "--config", str(config), *common]) == 0
    out = capsys.readouterr().out
    assert "新增人员：" in out and "试运行，未写入任何修改" in out
    assert main(["sync-directory", "--config", str(config), *common]) == 0
    out = capsys.readouterr().out
    assert "张三（zhang.san）：办公室，领导" in out and "目录同步已新增单位 3 个" in out
    slapd.stop()
    assert main(["sync-directory", "--config", str(config), *common]) == 1
    assert "无法读取统一身份认证目录，未做任何修改" in capsys.readouterr().err


def _toml(value: object) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


def test_disabled_accounts_in_active_directory_and_openldap(ldap: LdapSettings) -> None:
    ad = replace(ldap, disabled_attribute="userAccountControl", disabled_values=())

    def entry(**attributes: str) -> Entry:
        return Entry("cn=x", "x", {k.lower(): (v,) for k, v in attributes.items()})

    assert is_disabled(ad, entry(userAccountControl="514"))  # NORMAL_ACCOUNT | ACCOUNTDISABLE
    assert not is_disabled(ad, entry(userAccountControl="512"))
    assert not is_disabled(ad, entry())
    assert is_disabled(ldap, entry(pwdAccountLockedTime="000001010000Z"))
    # A lockout after wrong passwords ends by itself: that person has not left.
    assert not is_disabled(ldap, entry(pwdAccountLockedTime="20261207010000Z"))
