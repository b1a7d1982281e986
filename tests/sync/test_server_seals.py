"""电子印章 on the server: 用印 signs the 公文, copies carry it, keys never leave the server,
and the administrator's seal commands."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509 import load_pem_x509_certificate

from officeapp.demo import EDU_ID, FINANCE_ID, OFFICE_ID, ROOT_ID
from officeapp.seals import (
    SealKey,
    SealStatus,
    create_org_ca,
    draw_seal_image,
    issue_unit_certificate,
    verify_pdf,
)
from sync.server.ops.cli import main
from sync.server.settings import Settings
from sync.server.storage import seals
from sync.server.storage import tables as t
from sync.server.storage.db import make_engine

from .conftest import NOTICE, Api, Clock, User, walk_to
from .test_server_cli import ORG_CSV

Users = Callable[[str], User]
BLOBS = "/api/v1/blobs"


def _pull_all(who: User, schema_version: int = 2) -> dict[str, Any]:
    """One page of everything `who` may see, in protocol `schema_version`."""
    response = who.api.post("/api/v1/sync/pull", headers=who.headers, json={
        "client_id": who.client_id, "schema_version": schema_version, "cursor": 0,
        "limit": 1000})
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    assert not page["has_more"]
    return page


def _trust_roots(who: User) -> list[bytes]:
    """The trusted roots `who` pulls (protocol 2), as PEM."""
    return [c["data"]["pem"].encode() for c in _pull_all(who)["changes"]
            if c["kind"] == "trust_root"]


def _download(who: User, sha256: str) -> bytes:
    response = who.api.get(f"{BLOBS}/{sha256}", headers=who.headers)
    assert response.status_code == 200, response.text
    return response.content


def _seal_rows(engine: sa.Engine) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the seal tables and the change log, in key order."""
    with engine.connect() as connection:
        return {table.name: [tuple(row) for row in connection.execute(
                    sa.select(table).order_by(*table.primary_key.columns))]
                for table in (t.unit_seals, t.trust_roots, t.changes)}


def test_sealing_signs_the_official_pdf_and_every_copy_carries_it(user: Users) -> None:
    clerk = user("office.clerk")
    document_id = clerk.create(cc_recipients=[EDU_ID])
    for who, step in (("office.clerk", "draft"), ("office.reviewer", "review"),
                      ("office.leader", "sign"), ("office.clerk", "number")):
        (clerk if who == "office.clerk" else user(who)).ok(document_id, expected_step=step)
    assert clerk.doc(document_id)["official_pdf"] is None
    clerk.ok(document_id, expected_step="seal")
    sealed = clerk.doc(document_id)
    official = sealed["official_pdf"]
    assert official["name"] == f"{NOTICE['title']}.pdf"
    pdf = _download(clerk, official["sha256"])
    assert (hashlib.sha256(pdf).hexdigest(), len(pdf)) == (official["sha256"], official["size"])
    verdict = verify_pdf(pdf, _trust_roots(clerk))
    assert verdict.status is SealStatus.VALID, verdict.message
    assert verdict.signer == "市政府办公室"
    assert sealed["print_date"] is not None  # printed as sealed: the PDF and the record agree
    assert sealed["written_date"] is not None

    clerk.ok(document_id, expected_step="issue")
    assert clerk.doc(document_id)["official_pdf"] == official
    # 公文交换: each recipient downloads the signed file through its own copy and verifies it
    # against the roots it pulled.
    for username, unit_id in (("finance.clerk", FINANCE_ID), ("edu.clerk", EDU_ID)):
        recipient = user(username)
        recipient.sync()
        copy = next(d for d in recipient.documents().values()
                    if d["source_document_id"] == document_id)
        assert copy["owner_unit_id"] == unit_id and copy["official_pdf"] == official
        received = _download(recipient, official["sha256"])
        assert received == pdf
        assert verify_pdf(received, _trust_roots(recipient)).ok


def test_a_unit_without_a_seal_is_refused_and_the_document_stays_at_the_seal_step(
        user: Users, engine: sa.Engine, settings: Settings) -> None:
    with engine.begin() as connection:
        connection.execute(sa.delete(t.unit_seals).where(t.unit_seals.c.unit_id == OFFICE_ID))
    document_id, clerk = walk_to(user, "seal")
    before = clerk.doc(document_id)
    result = clerk.act(document_id, "approve", expected_step="seal")
    assert result["status"] == "rejected"
    assert result["code"] == "seal.not_configured"
    assert "尚未配置电子印章" in result["message"] and "seal-import" in result["message"]
    assert result["details"] == {"unit_id": OFFICE_ID}
    after = clerk.doc(document_id)
    assert after == before and after["step"] == "seal" and after["official_pdf"] is None
    with engine.connect() as connection:
        assert connection.execute(sa.select(t.blobs.c.sha256)).first() is None

    # Once the administrator issues the seal, the same step goes through.
    assert main(["seal-issue", "--unit", OFFICE_ID, "--database-url",
                 settings.database_url]) == 0
    clerk.ok(document_id, expected_step="seal")
    assert clerk.doc(document_id)["official_pdf"] is not None


def test_an_expired_seal_is_refused(user: Users, clock: Clock) -> None:
    document_id, clerk = walk_to(user, "seal")
    clock.advance(timedelta(days=365 * 11))  # past the demo seals' ten years
    clerk.relogin()
    result = clerk.act(document_id, "approve", expected_step="seal")
    assert (result["status"], result["code"]) == ("rejected", "seal.expired")
    assert clerk.doc(document_id)["step"] == "seal"


def test_a_client_can_never_set_the_official_pdf(user: Users, api: Api) -> None:
    clerk = user("office.clerk")
    forged = {"name": "伪造.pdf", "sha256": "0" * 64, "size": 10}
    result = clerk.push_one("document.create_outgoing", document_id=str(uuid.uuid4()),
                            fields={**NOTICE, "official_pdf": forged})
    assert (result["status"], result["code"]) == ("rejected", "document.unknown_field")
    document_id = clerk.create()
    result = clerk.act(document_id, "edit", changes={"official_pdf": forged})
    assert (result["status"], result["code"]) == ("rejected", "document.unknown_field")
    assert clerk.doc(document_id)["official_pdf"] is None

    # Nor can a client name the official PDF of a document it does not see as an attachment.
    sealed_id, _ = walk_to(user, "issue")
    official = clerk.doc(sealed_id)["official_pdf"]
    edu = user("edu.clerk")
    result = edu.push_one("document.create_outgoing", document_id=str(uuid.uuid4()),
                          fields={**NOTICE, "attachments": [official]})
    assert (result["status"], result["code"]) == ("rejected", "blob.unknown")
    assert edu.api.get(f"{BLOBS}/{official['sha256']}", headers=edu.headers).status_code == 404


def test_no_private_key_ever_reaches_a_client(user: Users, engine: sa.Engine,
                                              settings: Settings,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    walk_to(user, "done")
    assert main(["seals", "--database-url", settings.database_url]) == 0
    for username in ("office.admin", "edu.clerk", "office.clerk"):
        page = _pull_all(user(username))
        assert "PRIVATE KEY" not in json.dumps(page, ensure_ascii=False)
        assert any(c["kind"] == "trust_root" for c in page["changes"])
    with engine.connect() as connection:
        payloads = connection.execute(sa.select(sa.cast(t.changes.c.payload, sa.Text)))
        assert not any("PRIVATE KEY" in (p or "") for p in payloads.scalars())
    out, err = capsys.readouterr()
    assert "PRIVATE KEY" not in out + err


def test_a_client_of_protocol_1_is_not_sent_the_kinds_it_does_not_know(user: Users) -> None:
    who = user("edu.clerk")
    pages = {version: _pull_all(who, version) for version in (1, 2)}
    kinds = {version: {c["kind"] for c in page["changes"]} for version, page in pages.items()}
    assert "trust_root" in kinds[2] and kinds[1] == kinds[2] - {"trust_root"}


def test_the_demo_organisation_has_a_ca_and_a_seal_for_every_issuing_unit(
        engine: sa.Engine, settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    with engine.connect() as connection:
        found = {s.unit_id: s for s in seals.list_seals(connection)}
        roots = seals.trust_roots(connection)
        ca = seals.org_ca(connection)
    assert set(found) == {ROOT_ID, OFFICE_ID, FINANCE_ID, EDU_ID}
    assert found[FINANCE_ID].subject == "市财政局"
    assert [r.has_key for r in roots] == [True] and ca is not None
    # Seeding again (the demo server starts on its old database) adds nothing.
    from sync.server.ops import demo

    before = _seal_rows(engine)
    assert not demo.seed_seals(engine, settings)
    assert _seal_rows(engine) == before
    assert main(["seals", "--database-url", settings.database_url]) == 0
    out = capsys.readouterr().out
    assert "市财政局（u-finance）：证书“市财政局”，有效期至" in out
    assert "未配置电子印章" not in out and "私钥在服务器上" in out


# --- the administrator's commands -----------------------------------------------------------


@pytest.fixture
def org_url(database_url: str, tmp_path: Path) -> str:
    """A migrated database with the organisation of ORG_CSV and no seal."""
    assert main(["migrate", "--database-url", database_url]) == 0
    csv = tmp_path / "org.csv"
    csv.write_text(ORG_CSV, encoding="utf-8-sig")
    assert main(["import-org", str(csv), "--database-url", database_url]) == 0
    return database_url


@pytest.fixture
def org_engine(org_url: str) -> Iterator[sa.Engine]:
    engine = make_engine(org_url)
    yield engine
    engine.dispose()


def test_create_ca_then_issue_seals(org_url: str, org_engine: sa.Engine, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    common = ["--database-url", org_url]
    assert main(["seals", *common]) == 0
    out = capsys.readouterr().out
    assert "未配置电子印章的单位（不能用印）：" in out
    assert "  萍乡市人民政府（u-city）\n" in out and "  市审计局（u-audit）\n" in out
    assert main(["seal-issue", "--unit", "u-audit", *common]) == 1
    assert "seal-create-ca" in capsys.readouterr().err
    assert main(["seal-create-ca", "--name", "萍乡市人民政府", *common]) == 0
    assert "已创建组织根证书“萍乡市人民政府电子印章根证书”" in capsys.readouterr().out
    assert main(["seal-create-ca", "--name", "又一个", *common]) == 1
    assert "已经创建过组织根证书" in capsys.readouterr().err
    image = tmp_path / "seal.png"
    image.write_bytes(draw_seal_image("市审计局"))
    assert main(["seal-issue", "--unit", "u-audit", "--image", str(image), *common]) == 0
    assert "已为单位 u-audit 签发印章证书“市审计局”" in capsys.readouterr().out
    assert main(["seal-issue", "--unit", "u-city", *common]) == 0  # its image drawn
    assert main(["seal-issue", "--unit", "u-nowhere", *common]) == 1
    assert "单位不存在：u-nowhere" in capsys.readouterr().err
    with org_engine.connect() as connection:
        audit = seals.load_seal(connection, "u-audit")
        kinds = connection.execute(sa.select(t.changes.c.kind, t.changes.c.payload).where(
            t.changes.c.kind == "trust_root")).all()
    assert audit is not None and audit.image == image.read_bytes()
    [(_kind, payload)] = kinds
    assert set(payload) == {"id", "name", "pem"}
    assert payload["pem"].startswith("-----BEGIN CERTIFICATE-----")
    assert main(["seals", *common]) == 0
    out = capsys.readouterr().out
    assert "市审计局（u-audit）：证书“市审计局”" in out and "未配置" not in out


def _province(now: datetime, *, password: bytes = b"s3cret", expired: bool = False,
              with_root: bool = True) -> tuple[bytes, SealKey]:
    """A PKCS#12 as a province's seal system issues one for 市审计局, and its CA."""
    issued = now - timedelta(days=365 * 12) if expired else now - timedelta(days=1)
    ca = create_org_ca("江西省电子印章", now=issued, years=30)
    unit = issue_unit_certificate(ca, "市审计局", "u-audit", now=issued, years=10)
    key = serialization.load_pem_private_key(unit.key_pem, password=None)
    data = pkcs12.serialize_key_and_certificates(
        b"audit", key, load_pem_x509_certificate(unit.cert_pem),  # type: ignore[arg-type]
        [load_pem_x509_certificate(ca.cert_pem)] if with_root else None,
        serialization.BestAvailableEncryption(password))
    return data, ca


def _import(common: list[str], tmp_path: Path, p12: bytes, image: bytes,
            *extra: str) -> list[str]:
    (tmp_path / "audit.p12").write_bytes(p12)
    (tmp_path / "seal.png").write_bytes(image)
    (tmp_path / "password.txt").write_text("s3cret\n", encoding="utf-8")
    return ["seal-import", "--unit", "u-audit", "--p12", str(tmp_path / "audit.p12"),
            "--password-file", str(tmp_path / "password.txt"), "--image",
            str(tmp_path / "seal.png"), *extra, *common]


def test_import_a_province_seal_and_trust_its_root(org_url: str, org_engine: sa.Engine,
                                                   tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    common = ["--database-url", org_url]
    now = datetime.now().astimezone()
    p12, ca = _province(now)
    image = draw_seal_image("市审计局")
    assert main(_import(common, tmp_path, p12, image)) == 0
    assert "已导入单位 u-audit 的印章，证书“市审计局”" in capsys.readouterr().out
    with org_engine.connect() as connection:
        [root] = seals.trust_roots(connection)
        seal = seals.load_seal(connection, "u-audit")
    assert root.cert_pem.strip() == ca.cert_pem.strip() and not root.has_key
    assert root.name == "江西省电子印章电子印章根证书"
    assert seal is not None and seal.image == image and seal.key.subject == "市审计局"
    assert [load_pem_x509_certificate(c).subject for c in seal.key.chain_pem] == [
        load_pem_x509_certificate(ca.cert_pem).subject]


def test_import_with_the_root_given_apart(org_url: str, org_engine: sa.Engine,
                                          tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    common = ["--database-url", org_url]
    p12, ca = _province(datetime.now().astimezone(), with_root=False)
    image = draw_seal_image("市审计局")
    assert main(_import(common, tmp_path, p12, image)) == 1
    assert "--root" in capsys.readouterr().err
    root = tmp_path / "root.pem"
    root.write_bytes(ca.cert_pem)
    monkeypatch.setenv("AUDIT_P12_PASSWORD", "s3cret")
    command = _import(common, tmp_path, p12, image, "--root", str(root))
    at = command.index("--password-file")
    command[at:at + 2] = ["--password-env", "AUDIT_P12_PASSWORD"]
    assert main(command) == 0
    # Another organisation's root does not verify this seal: refused, nothing stored.
    other = tmp_path / "other.pem"
    other.write_bytes(create_org_ca("别处", now=datetime.now().astimezone()).cert_pem)
    before = _seal_rows(org_engine)
    assert main(_import(common, tmp_path, p12, image, "--root", str(other))) == 1
    assert "不能由该根证书验证" in capsys.readouterr().err
    assert _seal_rows(org_engine) == before


@pytest.mark.parametrize(("problem", "message"), [
    ("password", "证书密码不正确"),
    ("expired", "过期"),
    ("image", "印章图片"),
    ("unit", "单位不存在：u-nowhere"),
    ("not_p12", "不是 PKCS#12"),
    ("no_password_env", "环境变量 NO_SUCH_VARIABLE 未设置"),
    ("missing_file", "读不了证书文件"),
])
def test_a_bad_import_says_what_is_wrong_and_writes_nothing(
        org_url: str, org_engine: sa.Engine, tmp_path: Path, problem: str, message: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    common = ["--database-url", org_url]
    now = datetime.now().astimezone()
    p12, _ca = _province(now, expired=problem == "expired",
                         password=b"other" if problem == "password" else b"s3cret")
    image = b"GIF89a not really" if problem == "image" else draw_seal_image("市审计局")
    command = _import(common, tmp_path, b"garbage" if problem == "not_p12" else p12, image)
    if problem == "unit":
        command[command.index("u-audit")] = "u-nowhere"
    elif problem == "no_password_env":
        at = command.index("--password-file")
        command[at:at + 2] = ["--password-env", "NO_SUCH_VARIABLE"]
    elif problem == "missing_file":
        command[command.index("--p12") + 1] = str(tmp_path / "absent.p12")
    before = _seal_rows(org_engine)
    capsys.readouterr()
    assert main(command) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("错误：") and message in err, err
    assert "Traceback" not in err and "PRIVATE KEY" not in err
    assert _seal_rows(org_engine) == before


def test_the_seal_step_is_timed_apart_from_the_database(engine: sa.Engine,
                                                        user: Users) -> None:
    """`signed_pdf` is the pure part the benchmark times: render, seal, PDF/A, sign."""
    document_id, clerk = walk_to(user, "seal")
    from officeapp.workflow.codec import document_from_dict
    from sync.server.storage.directory import load_organisation

    with engine.connect() as connection:
        org = load_organisation(connection)
        seal = seals.load_seal(connection, OFFICE_ID)
    assert seal is not None
    doc = document_from_dict(clerk.doc(document_id))
    now = datetime.now().astimezone()
    pdf = seals.signed_pdf(doc, org, seal, now)
    with engine.connect() as connection:
        roots = [r.cert_pem for r in seals.trust_roots(connection)]
    verdict = verify_pdf(pdf, roots)
    assert verdict.ok and verdict.signed_at is not None
    assert abs(verdict.signed_at - now) < timedelta(seconds=2)
