"""`officeapp-server doctor`: check what a server needs and say in Chinese what to fix.

Each check gives a verdict (正常, 警告 or 错误), what it found, and for anything not right what
to do about it. The command exits 1 when any check is an error, so a monitoring job or an
installer can run it as it is.
"""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

import sqlalchemy as sa
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from cryptography import x509

from officeapp.clock import OFFICE_TZ
from sync.server.notify import queue as notify_queue
from sync.server.notify.senders import check_smtp
from sync.server.ops import migrate
from sync.server.settings import Settings
from sync.server.storage import blobs, db
from sync.server.storage import tables as t

MIN_FREE_BYTES = 2 * 1024**3  # below this, warn: attachments and the WAL need room
MAX_CLOCK_SKEW = timedelta(seconds=30)
CERT_WARN = timedelta(days=30)
BLOB_SAMPLE = 2000  # blobs whose stored length is checked (the newest first)


class Verdict(StrEnum):
    """How a check came out."""

    OK = "正常"
    WARNING = "警告"
    ERROR = "错误"


@dataclass(frozen=True)
class Finding:
    """One check's result: what was checked, the verdict, what was found, what to do."""

    check: str
    verdict: Verdict
    found: str
    fix: str = ""

    def line(self) -> str:
        """Return the finding as one line for the console."""
        mark = {Verdict.OK: "✔", Verdict.WARNING: "!", Verdict.ERROR: "✘"}[self.verdict]
        fix = f"。处理办法：{self.fix}" if self.fix else ""
        return f"{mark} {self.check}【{self.verdict}】{self.found}{fix}"


def examine(settings: Settings, *, certificates: Iterable[Path] = ()) -> list[Finding]:
    """Run every check against the server of `settings`."""
    findings: list[Finding] = []
    engine = db.make_engine(settings.database_url, pool_size=1)
    try:
        findings += _database(engine, settings)
    finally:
        engine.dispose()
    findings.append(_free_disk(settings))
    findings += [_certificate(Path(path), settings.clock()) for path in certificates]
    return findings


def _database(engine: sa.Engine, settings: Settings) -> Iterator[Finding]:
    try:
        with engine.connect() as connection:
            version = connection.exec_driver_sql(
                "select sqlite_version()" if engine.dialect.name == "sqlite"
                else "show server_version").scalar()
    except sa.exc.DBAPIError as error:
        reason = str(error.orig).strip().splitlines()[0][:200] if error.orig else str(error)
        yield Finding("数据库连接", Verdict.ERROR, f"无法连接数据库：{reason}",
                      "检查 --database-url（或 OFFICEAPP_DATABASE_URL）以及数据库服务是否在运行")
        return
    yield Finding("数据库连接", Verdict.OK, f"{engine.dialect.name} {version}")
    schema = _schema(engine)
    yield schema
    if schema.verdict is not Verdict.OK:
        return
    yield _clock(engine, settings)
    yield _blob_content(engine, settings)
    yield _seals(engine, settings)
    yield from _notifications(engine, settings)


def _notifications(engine: sa.Engine, settings: Settings) -> Iterator[Finding]:
    """Report failed notifications of the last day and mail/SMS services out of reach."""
    integrations = settings.integrations
    if integrations.smtp is None and integrations.sms is None:
        return
    since = settings.clock() - timedelta(days=1)
    with db.read(engine) as connection:
        failed = len(notify_queue.failures(connection, since))
    yield (Finding("通知发送", Verdict.WARNING, f"最近一天有 {failed} 条邮件或短信发送失败",
                   "运行 officeapp-server notifications --failed 查看每条的错误原因")
           if failed else Finding("通知发送", Verdict.OK, "最近一天没有发送失败的通知"))
    smtp = integrations.smtp
    if smtp is not None:
        problem = check_smtp(replace(smtp, timeout=min(5.0, smtp.timeout)))
        yield (Finding("邮件服务", Verdict.ERROR, problem,
                       "检查配置文件 [smtp] 的 host、port、security、ca_file、username 和 password")
               if problem else Finding("邮件服务", Verdict.OK, f"{smtp.host}:{smtp.port} 可以登录"))
    if integrations.sms is not None:
        yield _sms_reachable(integrations.sms.url)


def _sms_reachable(url: str) -> Finding:
    """Check that the SMS gateway's host answers on its port (no message is sent)."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        socket.create_connection((parts.hostname or "", port), timeout=5).close()
    except OSError as error:
        return Finding("短信网关", Verdict.ERROR, f"无法连接 {parts.hostname}:{port}：{error}",
                       "检查配置文件 [sms] 的 url，以及本机到短信平台的网络和防火墙")
    return Finding("短信网关", Verdict.OK, f"{parts.hostname}:{port} 可以连接（未发送短信）")


def _schema(engine: sa.Engine) -> Finding:
    head = ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    if current == head:
        return Finding("数据库结构", Verdict.OK, f"已是最新版本 {head}")
    if current is None:
        return Finding("数据库结构", Verdict.ERROR, "数据库是空的，尚未建立表结构",
                       "运行 officeapp-server migrate，再用 import-org 导入单位和人员")
    return Finding("数据库结构", Verdict.ERROR, f"当前版本 {current}，最新版本 {head}",
                   "先备份（officeapp-server backup），再运行 officeapp-server migrate")


def _clock(engine: sa.Engine, settings: Settings) -> Finding:
    if engine.dialect.name == "sqlite":
        return Finding("时钟", Verdict.OK, "SQLite与服务使用同一台机器的时钟")
    with engine.connect() as connection:
        database_now = db.as_utc(connection.execute(sa.select(sa.func.now())).scalar_one())
    skew = settings.clock() - database_now
    found = f"服务与数据库的时钟相差 {abs(skew.total_seconds()):.1f} 秒"
    if abs(skew) > MAX_CLOCK_SKEW:
        return Finding("时钟", Verdict.ERROR, found,
                       "为本机和数据库服务器配置同一个时间源（NTP/chrony），发文日期和期限依赖准确时间")
    return Finding("时钟", Verdict.OK, found)


def _blob_content(engine: sa.Engine, settings: Settings) -> Finding:
    """Check that the database holds the content of every blob (all of them have some; the
    newest have all of it)."""
    b, c = t.blobs.c, t.blob_chunks.c
    newest = (sa.select(b.sha256, b.size, b.created_by).where(b.complete)
              .order_by(b.created_at.desc()).limit(BLOB_SAMPLE).subquery())
    held = (sa.select(newest.c.sha256, newest.c.size,
                      sa.func.coalesce(sa.func.sum(sa.func.length(c.data)), 0).label("held"))
            .select_from(newest.outerjoin(t.blob_chunks, sa.and_(
                c.sha256 == newest.c.sha256, c.person_id == newest.c.created_by)))
            .group_by(newest.c.sha256, newest.c.size))
    with engine.connect() as connection:
        total, volume = connection.execute(sa.select(
            sa.func.count(), sa.func.coalesce(sa.func.sum(b.size), 0)).where(b.complete)).one()
        lacking = blobs.count_lacking_content(connection)
        rows = connection.execute(held).all()
    short = [r.sha256 for r in rows if int(r.held) != int(r.size)]
    checked = (f"数据库中有{total}个附件（{int(volume) / 1024 / 1024:.1f} MB），"
               f"检查了最新的{len(rows)}个")
    if not lacking and not short:
        return Finding("附件内容", Verdict.OK, checked)
    example = short[0] if short else "（见 migrate 的输出）"
    found = f"{checked}：{max(lacking, len(short))}个附件的内容缺失或不完整，如 {example}"
    legacy = settings.blob_dir / "objects"
    if legacy.is_dir():
        return Finding("附件内容", Verdict.ERROR, found,
                       f"旧版本的附件还在 {legacy}：运行 officeapp-server migrate "
                       f"--data-dir {settings.data_dir}，把它们移入数据库")
    return Finding("附件内容", Verdict.ERROR, found,
                   "若刚从旧版本升级，用 --data-dir 指定原数据目录再运行 officeapp-server migrate；"
                   "否则从最近的备份恢复")


def _seals(engine: sa.Engine, settings: Settings) -> Finding:
    """Check that every unit that issues 公文 (it has a 机关代字) has a seal that is valid."""
    now = settings.clock()
    u, s = t.units.c, t.unit_seals.c
    with engine.connect() as connection:
        names = {row.id: row.name for row in connection.execute(sa.select(u.id, u.name))}
        issuing = set(connection.execute(sa.select(u.id).where(u.agency_code != "")).scalars())
        sealed = {row.unit_id: db.as_utc(row.not_after)
                  for row in connection.execute(sa.select(s.unit_id, s.not_after))}
        roots = connection.execute(sa.select(sa.func.count()).select_from(t.trust_roots))
        found = f"{len(sealed)}个单位配置了电子印章，受信任的根证书{roots.scalar_one()}个"
    expired = sorted(names.get(i, i) for i, end in sealed.items() if end <= now)
    if expired:
        return Finding("电子印章", Verdict.ERROR, f"{found}；证书已过期：{'、'.join(expired)}",
                       "用 officeapp-server seal-import 导入新证书，或用 seal-issue 重新签发")
    soon = sorted(names.get(i, i) for i, end in sealed.items() if end - now < CERT_WARN)
    if soon:
        return Finding("电子印章", Verdict.WARNING, f"{found}；证书即将过期：{'、'.join(soon)}",
                       "尽快用 seal-import 导入新证书，或用 seal-issue 重新签发")
    missing = sorted(names[i] for i in issuing - sealed.keys())
    if missing:
        return Finding("电子印章", Verdict.WARNING,
                       f"{found}；这些发文单位没有印章，用印会被拒绝：{'、'.join(missing)}",
                       "用 officeapp-server seal-import 导入省级签发的印章，"
                       "或先 seal-create-ca 再 seal-issue")
    return Finding("电子印章", Verdict.OK, found)


def _free_disk(settings: Settings) -> Finding:
    folder = settings.data_dir
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    free = shutil.disk_usage(folder).free
    found = f"{folder} 所在磁盘剩余 {free / 1024**3:.1f} GB"
    if free < MIN_FREE_BYTES:
        return Finding("磁盘空间", Verdict.WARNING, found,
                       "清理或扩充磁盘；数据库（含附件）、日志和备份都需要空间")
    return Finding("磁盘空间", Verdict.OK, found)


def _certificate(path: Path, now: datetime) -> Finding:
    """Check the first certificate of a PEM file (a server certificate, or a CA's)."""
    name = f"证书 {path.name}"
    try:
        certificate = x509.load_pem_x509_certificate(path.read_bytes())
    except OSError as error:
        return Finding(name, Verdict.ERROR, f"无法读取：{error.strerror or error}",
                       "检查证书文件的路径和权限")
    except ValueError:
        return Finding(name, Verdict.ERROR, "不是PEM格式的证书",
                       "使用PEM格式（以 -----BEGIN CERTIFICATE----- 开头）的证书文件")
    subject = certificate.subject.rfc4514_string()
    left = certificate.not_valid_after_utc - now.astimezone(UTC)
    if certificate.not_valid_before_utc > now.astimezone(UTC):
        return Finding(name, Verdict.ERROR, f"{subject} 尚未生效", "检查本机时钟或证书的生效时间")
    if left <= timedelta():
        return Finding(name, Verdict.ERROR, f"{subject} 已于 {_day(certificate)} 过期",
                       "向政务外网CA申请新证书并替换，然后重新加载nginx")
    if left < CERT_WARN:
        return Finding(name, Verdict.WARNING,
                       f"{subject} 将于 {_day(certificate)} 过期（剩余{left.days}天）",
                       "尽快向政务外网CA申请新证书")
    return Finding(name, Verdict.OK, f"{subject}，有效期至 {_day(certificate)}")


def _day(certificate: x509.Certificate) -> str:
    return certificate.not_valid_after_utc.astimezone(OFFICE_TZ).strftime("%Y-%m-%d")


def report(findings: Iterable[Finding]) -> tuple[list[str], int]:
    """Return the console lines and the exit code (1 when any check is an error)."""
    found = list(findings)
    errors = sum(f.verdict is Verdict.ERROR for f in found)
    warnings = sum(f.verdict is Verdict.WARNING for f in found)
    lines = [f.line() for f in found]
    if errors:
        lines.append(f"发现{errors}个错误、{warnings}个警告，请按处理办法修复后再运行 doctor")
    elif warnings:
        lines.append(f"可以运行，但有{warnings}个警告")
    else:
        lines.append("一切正常")
    return lines, 1 if errors else 0
