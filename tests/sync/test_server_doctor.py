"""`officeapp-server doctor`: a healthy server passes; each kind of breakage is named, in
Chinese, with what to do, and makes the command exit 1."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from sync.server.ops import doctor, migrate
from sync.server.ops.cli import main
from sync.server.ops.doctor import Verdict
from sync.server.settings import Settings
from sync.server.storage import tables as t
from sync.server.storage.db import make_engine

from .conftest import Api, User
from .office_work import upload


def _by_check(settings: Settings, **kwargs: object) -> dict[str, doctor.Finding]:
    return {f.check: f for f in doctor.examine(settings, **kwargs)}  # type: ignore[arg-type]


def test_a_healthy_server_passes_every_check(engine: sa.Engine, settings: Settings,
                                            api: Api, user: Callable[[str], User]) -> None:
    upload(api, user("office.clerk"), b"content" * 100, "a.pdf")
    findings = doctor.examine(settings)
    assert {f.check for f in findings} == {"数据库连接", "数据库结构", "时钟", "附件内容",
                                           "电子印章", "磁盘空间"}
    assert all(f.verdict is Verdict.OK for f in findings), [f.line() for f in findings]
    lines, code = doctor.report(findings)
    assert code == 0 and lines[-1] == "一切正常"


def test_seals_missing_or_expiring_are_named_with_what_to_do(engine: sa.Engine,
                                                            settings: Settings) -> None:
    found = _by_check(settings)["电子印章"]
    assert found.verdict is Verdict.OK and "4个单位配置了电子印章" in found.found
    with engine.begin() as connection:
        connection.execute(sa.delete(t.unit_seals).where(t.unit_seals.c.unit_id == "u-edu"))
    found = _by_check(settings)["电子印章"]
    assert found.verdict is Verdict.WARNING and "市教育局" in found.found
    assert "seal-import" in found.fix
    soon = datetime.now(UTC) + timedelta(days=3)
    with engine.begin() as connection:
        connection.execute(sa.update(t.unit_seals).where(t.unit_seals.c.unit_id == "u-finance")
                           .values(not_after=soon))
    assert _by_check(settings)["电子印章"].verdict is Verdict.WARNING
    with engine.begin() as connection:
        connection.execute(sa.update(t.unit_seals).where(t.unit_seals.c.unit_id == "u-finance")
                           .values(not_after=soon - timedelta(days=4)))
    found = _by_check(settings)["电子印章"]
    assert found.verdict is Verdict.ERROR and "已过期：市财政局" in found.found


def test_an_unreachable_database_is_an_error_with_what_to_do(tmp_path: Path) -> None:
    settings = Settings(database_url="postgresql+psycopg://postgres@127.0.0.1:1/none",
                        data_dir=tmp_path)
    found = _by_check(settings)["数据库连接"]
    assert found.verdict is Verdict.ERROR
    assert "--database-url" in found.fix
    assert doctor.report([found])[1] == 1


def test_an_old_schema_asks_for_a_backup_and_migrate(database_url: str,
                                                     tmp_path: Path) -> None:
    engine = make_engine(database_url)
    try:
        migrate.upgrade(engine, "0004")
    finally:
        engine.dispose()
    found = _by_check(Settings(database_url=database_url, data_dir=tmp_path))["数据库结构"]
    assert found.verdict is Verdict.ERROR
    assert "0004" in found.found and "migrate" in found.fix and "backup" in found.fix


def test_missing_blob_content_is_an_error_that_names_the_way_back(
        engine: sa.Engine, settings: Settings, api: Api, user: Callable[[str], User]) -> None:
    data = b"attachment" * 100
    upload(api, user("office.clerk"), data, "a.pdf")
    sha = hashlib.sha256(data).hexdigest()
    assert _by_check(settings)["附件内容"].verdict is Verdict.OK
    with engine.begin() as connection:
        connection.execute(sa.delete(t.blob_chunks).where(t.blob_chunks.c.sha256 == sha))
    found = _by_check(settings)["附件内容"]
    assert found.verdict is Verdict.ERROR and sha in found.found and "备份" in found.fix
    # Content still in an older release's blob folder: the fix is to move it, and it works.
    path = settings.blob_dir / "objects" / sha[:2] / sha
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    found = _by_check(settings)["附件内容"]
    assert found.verdict is Verdict.ERROR and "migrate" in found.fix
    assert main(["migrate", "--database-url", settings.database_url,
                 "--data-dir", str(settings.data_dir)]) == 0
    assert _by_check(settings)["附件内容"].verdict is Verdict.OK


@pytest.mark.postgres
def test_a_clock_far_from_the_databases_is_an_error(pg_url: str, tmp_path: Path) -> None:
    engine = make_engine(pg_url)
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    fast = Settings(database_url=pg_url, data_dir=tmp_path,
                    clock=lambda: datetime.now(UTC) + timedelta(minutes=5))
    found = _by_check(fast)["时钟"]
    assert found.verdict is Verdict.ERROR and "NTP" in found.fix
    assert _by_check(Settings(database_url=pg_url, data_dir=tmp_path))["时钟"].verdict \
        is Verdict.OK


def _certificate(path: Path, *, start: timedelta, end: timedelta) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "oa.example.gov.cn")])
    now = datetime.now(UTC)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now + start).not_valid_after(now + end)
                   .sign(key, hashes.SHA256()))
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return path


def test_certificates_are_checked_for_their_dates(engine: sa.Engine, settings: Settings,
                                                  tmp_path: Path) -> None:
    cases = {
        "valid.pem": (timedelta(days=-1), timedelta(days=365), Verdict.OK),
        "soon.pem": (timedelta(days=-300), timedelta(days=10), Verdict.WARNING),
        "expired.pem": (timedelta(days=-400), timedelta(days=-1), Verdict.ERROR),
        "future.pem": (timedelta(days=2), timedelta(days=400), Verdict.ERROR),
    }
    paths = [_certificate(tmp_path / name, start=start, end=end)
             for name, (start, end, _) in cases.items()]
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("not a certificate")
    found = _by_check(settings, certificates=[*paths, garbage, tmp_path / "absent.pem"])
    for name, (_, _, verdict) in cases.items():
        assert found[f"证书 {name}"].verdict is verdict, found[f"证书 {name}"].line()
    assert found["证书 garbage.pem"].verdict is Verdict.ERROR
    assert found["证书 absent.pem"].verdict is Verdict.ERROR


def test_the_command_prints_the_findings_and_exits_1_on_an_error(
        engine: sa.Engine, settings: Settings, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    common = ["--database-url", settings.database_url, "--data-dir", str(settings.data_dir)]
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    assert main(["doctor", *common]) == 0
    assert capsys.readouterr().out.strip().endswith("一切正常")
    expired = _certificate(tmp_path / "nginx.pem", start=timedelta(days=-9),
                           end=timedelta(days=-1))
    assert main(["doctor", *common, "--certificate", str(expired)]) == 1
    out = capsys.readouterr().out
    assert "✘ 证书 nginx.pem【错误】" in out and "处理办法" in out
