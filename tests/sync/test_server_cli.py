"""`officeapp-server`: migrate, import-org, create-user, and the one-command demo."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from sync.server.ops.cli import build_parser, is_current, main, settings_from
from sync.server.storage import tables as t
from sync.server.storage.db import make_engine

ORG_CSV = """类别,编号,名称,上级单位,机关代字,用户名,角色,职务
单位,u-city,萍乡市人民政府,,萍府发,,,
单位,u-audit,市审计局,u-city,萍审发,,,
人员,p-audit.clerk,钱审计,u-audit,,audit.clerk,办文人员,科员
人员,p-audit.leader,冯局长,u-audit,,audit.leader,领导、办文人员,局长
"""


@pytest.fixture
def empty_url(database_url: str) -> str:
    """A database the CLI migrates itself."""
    return database_url


def test_migrate_import_org_and_create_user(empty_url: str, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    common = ["--database-url", empty_url, "--data-dir", str(tmp_path)]
    assert main(["migrate", *common]) == 0
    engine = make_engine(empty_url)
    try:
        assert is_current(engine)
        csv = tmp_path / "org.csv"
        csv.write_text(ORG_CSV, encoding="utf-8-sig")
        assert main(["import-org", str(csv), *common]) == 0
        assert "已导入 2 个单位、2 名人员" in capsys.readouterr().out
        monkeypatch.setattr(sys, "stdin", io.StringIO("s3cret-password\n"))
        assert main(["create-user", "--username", "audit.clerk", "--name", "钱审计",
                     "--unit", "u-audit", "--id", "p-audit.clerk", "--roles", "clerk",
                     "--password-stdin", *common]) == 0
        with engine.connect() as connection:
            people = connection.execute(sa.select(t.people.c.username,
                                                  t.people.c.password_hash)).all()
            directory = connection.execute(sa.select(t.changes.c.kind)).scalars().all()
        hashes = {row.username: row.password_hash for row in people}
        assert hashes["audit.clerk"].startswith("$argon2id$")
        assert hashes["audit.leader"] is None  # imported people get passwords separately
        assert sorted(directory) == ["person", "person", "unit", "unit"]
    finally:
        engine.dispose()


def test_cli_reports_bad_files_and_weak_passwords(empty_url: str, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    common = ["--database-url", empty_url]
    main(["migrate", *common])
    bad = tmp_path / "bad.csv"
    bad.write_text("类别,编号,名称\n人员,p-x,某人\n", encoding="utf-8")
    assert main(["import-org", str(bad), *common]) == 1
    assert "错误" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    assert main(["create-user", "--username", "a", "--name", "某", "--unit", "u-none",
                 "--password-stdin", *common]) == 1
    assert "密码至少需要8个字符" in capsys.readouterr().err


def directory_rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Return every row of the units, people and change-log tables, in key order."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return {table.name: [tuple(row) for row in connection.execute(
                        sa.select(table).order_by(*table.primary_key.columns))]
                    for table in (t.units, t.people, t.changes)}
    finally:
        engine.dispose()


def test_import_org_names_each_bad_row_once_and_imports_nothing(
        empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    common = ["--database-url", empty_url]
    main(["migrate", *common])
    good = tmp_path / "org.csv"
    good.write_text(ORG_CSV, encoding="utf-8-sig")
    assert main(["import-org", str(good), *common]) == 0
    before = directory_rows(empty_url)
    capsys.readouterr()
    bad = tmp_path / "bad.csv"
    bad.write_text("类别,编号,名称,上级单位,机关代字,用户名,角色,职务\n"
                   "单位,u-tax,市税务局,u-city,萍税发,,,\n"
                   "人员,p-tax.clerk,,u-tax,,tax.clerk,办文人员,科员\n"
                   "人员,p-tax.leader,孙局长,u-tax,,audit.clerk,领导,局长\n"
                   "人员,p-tax.deputy,李副局长,u-tax,,tax.deputy,领导,副局长\n", encoding="utf-8")
    assert main(["import-org", str(bad), *common]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "错误：导入失败，未导入任何数据，2行有错误：",
        "  第3行 名称：不能为空",
        "  第4行 用户名：用户名“audit.clerk”已被其他人员使用",
    ]
    assert err.count("第3行") == err.count("不能为空") == 1 and err.count("audit.clerk") == 1
    assert "{" not in err and "'" not in err and "row" not in err
    assert directory_rows(empty_url) == before


def test_serving_refuses_an_unmigrated_database(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    assert main(["--database-url", url]) == 2
    assert "officeapp-server migrate" in capsys.readouterr().err


def test_demo_server_starts_with_one_command(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    env.pop("OFFICEAPP_DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "sync.server.ops.cli", "--demo", "--port", str(port),
         "--data-dir", str(tmp_path / "demo")],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        login = httpx.post(f"{base}/auth/login", timeout=10,
                           json={"username": "edu.leader", "password": "demo-password"})
        assert login.status_code == 200
        assert (tmp_path / "demo" / "officeapp.sqlite3").exists()
    finally:
        process.terminate()
        out, _err = process.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}" in out
    assert "demo-password" in out and "office.clerk" in out


def test_the_data_folder_comes_from_the_option_else_the_environment(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("OFFICEAPP_DATABASE_URL", raising=False)
    monkeypatch.setenv("OFFICEAPP_DATA_DIR", str(tmp_path / "from-env"))
    assert settings_from(build_parser().parse_args(["--demo"])).data_dir == tmp_path / "from-env"
    given = build_parser().parse_args(["--demo", "--data-dir", str(tmp_path / "given")])
    assert settings_from(given).data_dir == tmp_path / "given"
    monkeypatch.delenv("OFFICEAPP_DATA_DIR")
    assert settings_from(build_parser().parse_args(["--demo"])).data_dir == Path("data")
