"""`officeapp-server`: run the server, migrate its database, import the directory, add users."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from officeapp.demo import DEMO_PASSWORD, DEMO_PEOPLE
from officeapp.errors import DomainError, ValidationError
from officeapp.org import Person, Role, parse_role
from officeapp.orgimport import OrgImportError
from sync.server.config import ConfigError, Integrations
from sync.server.config import load as load_config
from sync.server.mutations.jobs import run_jobs
from sync.server.notify import admin as notify_admin
from sync.server.ops import admin, backup, demo, doctor, handover, migrate
from sync.server.ops.demo import LOCAL
from sync.server.ops.directory_sync import sync_directory
from sync.server.settings import Settings, database_url_from_env, trusted_proxies_from_env
from sync.server.storage import db, seals, tracechain
from sync.server.storage.blobs import Imported
from sync.server.storage.db import make_engine
from sync.server.storage.pokes import Notifier, PokeHub

DEFAULT_PORT = 8765


def _common(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--data-dir", type=Path, default=default,
                        help="数据目录（SQLite数据库；migrate 从其中的 blobs 目录导入旧版本的"
                             "附件）；也可用环境变量 OFFICEAPP_DATA_DIR，默认 ./data")
    parser.add_argument("--database-url", default=default,
                        help="数据库地址，如 postgresql+psycopg://user@host/db；"
                             "也可用环境变量 OFFICEAPP_DATABASE_URL")


def build_parser() -> argparse.ArgumentParser:
    """Return the command-line parser."""
    parser = argparse.ArgumentParser(prog="officeapp-server", description="协同办公 同步服务器")
    _common(parser, None)
    parser.add_argument("--demo", action="store_true",
                        help="演示模式：SQLite数据库，自动迁移并导入演示单位和人员")
    parser.add_argument("--host", default="127.0.0.1", help="监听地址，默认 127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="监听端口")
    parser.add_argument("--jobs-interval", type=float, default=Settings.jobs_interval,
                        help="定时任务（自动催办、会议提醒）的间隔秒数，0为不运行，默认300")
    parser.add_argument("--config", type=Path, default=None,
                        help="配置文件（TOML：统一身份认证、邮件和短信通知），"
                             "也可用环境变量 OFFICEAPP_CONFIG；见 docs/integration.md")
    parser.add_argument("--workers", type=int, default=1,
                        help="服务进程数，默认 1；多于1个时需要PostgreSQL")
    commands = parser.add_subparsers(dest="command")
    quiet = argparse.SUPPRESS
    _common(commands.add_parser("migrate", help="把数据库升级到最新结构"), quiet)
    _common(commands.add_parser("prune", help="清理超过保留期的删除记录"), quiet)
    _common(commands.add_parser("run-jobs", help="运行一次定时任务：自动催办和会议回执提醒"),
            quiet)
    org = commands.add_parser("import-org", help="从CSV或Excel导入单位和人员")
    org.add_argument("file", type=Path)
    _common(org, quiet)
    user = commands.add_parser("create-user", help="新增或更新一个登录用户")
    for name in ("--username", "--name", "--unit"):
        user.add_argument(name, required=True)
    user.add_argument("--id", help="人员编号，默认 p-用户名")
    user.add_argument("--roles", default="clerk", help="角色，逗号分隔，如 clerk,leader")
    user.add_argument("--title", default="")
    user.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码")
    _common(user, quiet)
    grant = commands.add_parser("delegate", help="登记一项委托授权（受托人在期间内代委托人办理）")
    grant.add_argument("--principal", required=True, help="委托人的用户名")
    grant.add_argument("--delegate", required=True, help="受托人的用户名")
    grant.add_argument("--from", dest="start", required=True, type=_moment,
                       help="开始时间，ISO 8601，如 2026-12-01T08:00+08:00")
    grant.add_argument("--to", dest="end", required=True, type=_moment, help="结束时间")
    _common(grant, quiet)
    finish = commands.add_parser("end-delegation", help="立即结束一项委托授权")
    finish.add_argument("id", help="委托编号（delegate 命令输出的编号）")
    _common(finish, quiet)
    save = commands.add_parser("backup",
                               help="把数据库和全部附件备份到一个文件（服务运行时也可备份）")
    save.add_argument("file", type=Path, help="新的备份文件，如 officeapp-20261206.tar")
    _common(save, quiet)
    check = commands.add_parser(
        "doctor", help="检查数据库、表结构、附件、时钟、证书和磁盘，并说明如何修复")
    check.add_argument("--certificate", action="append", type=Path, default=[],
                       help="要检查有效期的证书文件（PEM），可重复，如nginx的证书和政务外网CA")
    _common(check, quiet)
    chain = commands.add_parser("verify-trace",
                                help="校验全部留痕的哈希链和最新的签名校验点，列出被改动的记录")
    chain.add_argument("--public-key", type=Path,
                       help="校验签名用的公钥文件（PEM）；默认用数据目录中的 trace-key.pem")
    _common(chain, quiet)
    _common(commands.add_parser("trace-checkpoint", help="对全部留痕哈希链签名，生成一个校验点"),
            quiet)
    load = commands.add_parser("restore", help="把备份文件恢复到一个空的数据库")
    load.add_argument("file", type=Path, help="backup 命令写出的备份文件")
    _common(load, quiet)
    _seal_commands(commands, quiet)
    _directory_commands(commands, quiet)
    _handover_commands(commands, quiet)
    notify_admin.add_commands(commands, _common, quiet)
    return parser


def _seal_commands(commands: Any, quiet: object) -> None:
    """Add the 电子印章 commands."""
    ca = commands.add_parser("seal-create-ca",
                             help="创建本组织的电子印章根证书（私钥保存在服务器上），"
                                  "用于给各单位签发印章证书")
    ca.add_argument("--name", required=True, help="组织名称，如 萍乡市人民政府")
    _common(ca, quiet)
    issue = commands.add_parser("seal-issue", help="用本组织的根证书为一个单位签发印章证书")
    issue.add_argument("--unit", required=True, help="单位编号，如 u-office")
    issue.add_argument("--image", type=Path,
                       help="印章图片（PNG，透明背景）；不指定则按单位名称生成一枚圆形印章")
    _common(issue, quiet)
    load = commands.add_parser("seal-import",
                               help="导入省级电子印章系统签发的单位证书（PKCS#12）和印章图片")
    load.add_argument("--unit", required=True, help="单位编号，如 u-office")
    load.add_argument("--p12", required=True, type=Path, help="单位证书文件（.p12 或 .pfx）")
    password = load.add_mutually_exclusive_group(required=True)
    password.add_argument("--password-file", type=Path,
                          help="存放证书密码的文件（读取第一行）")
    password.add_argument("--password-env", metavar="VAR", help="存放证书密码的环境变量名")
    load.add_argument("--image", required=True, type=Path, help="印章图片（PNG，透明背景）")
    load.add_argument("--root", type=Path,
                      help="签发机构的根证书（PEM）；不指定则使用证书文件中的根证书")
    _common(load, quiet)
    listing = commands.add_parser("seals", help="列出各单位的电子印章、证书有效期和受信任的根证书")
    listing.add_argument("--export-roots", type=Path, metavar="FILE",
                         help="把受信任的根证书（PEM）写到文件，供外单位用 pdfsig 等工具验章")
    _common(listing, quiet)


def _handover_commands(commands: Any, quiet: object) -> None:
    """Add the 离职交接 commands."""
    listing = commands.add_parser("open-work",
                                  help="列出待办：某人的，或全部已停用（离职）人员的")
    who = listing.add_mutually_exclusive_group()
    who.add_argument("--person", metavar="USERNAME", help="只列此用户名的待办")
    who.add_argument("--left", action="store_true",
                     help="列出每个已停用（离职）且仍有待办的人员（默认）")
    _common(listing, quiet)
    move = commands.add_parser("handover",
                               help="离职交接：把已停用人员的待办移交给另一人，并记入留痕")
    move.add_argument("--from", dest="leaver", required=True, metavar="USERNAME",
                      help="离职人员的用户名（账号须已停用）")
    move.add_argument("--to", dest="successor", required=True, metavar="USERNAME",
                      help="接收人的用户名")
    move.add_argument("--by", metavar="USERNAME", help="执行交接的管理员的用户名，记入留痕")
    move.add_argument("--kind", action="append", choices=handover.KINDS,
                      help="只移交此类记录（document、meeting、supervision），可重复")
    move.add_argument("--record", action="append", metavar="ID",
                      help="只移交此记录（open-work 列出的编号），可重复")
    move.add_argument("--allow-other-unit", action="store_true",
                      help="允许接收人不在离职人员所在单位")
    move.add_argument("--dry-run", action="store_true", help="试运行：只列出将移交的，不做修改")
    _common(move, quiet)


def _directory_commands(commands: Any, quiet: object) -> None:
    """Add the 统一身份认证 directory command."""
    sync = commands.add_parser(
        "sync-directory",
        help="从统一身份认证目录（LDAP/AD）同步单位和人员（一次事务），离职人员立即停用")
    sync.add_argument("--dry-run", action="store_true", help="试运行：只列出将要做的修改，不写入")
    sync.add_argument("--adopt-local", action="store_true",
                      help="目录中的用户名与本地账号相同时，把本地账号转为统一身份认证账号"
                           "（确认是同一人时才用）；默认只报告冲突")
    sync.add_argument("--config", type=Path, default=quiet,
                      help="配置文件（含 [ldap]），也可用环境变量 OFFICEAPP_CONFIG")
    _common(sync, quiet)


def _moment(text: str) -> datetime:
    """Read an ISO 8601 time; one without an offset is taken as China time (Asia/Shanghai)."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"时间格式不正确：{text}") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=LOCAL)


def settings_from(args: argparse.Namespace) -> Settings:
    """Return settings from the command line and the environment."""
    # The option, else the environment (as the worker processes read it), else ./data.
    data_dir: Path = args.data_dir or Path(os.environ.get("OFFICEAPP_DATA_DIR") or "data")
    fallback = f"sqlite:///{data_dir / 'officeapp.sqlite3'}"
    url = args.database_url or (fallback if args.demo else database_url_from_env(fallback))
    try:
        proxies = trusted_proxies_from_env()
    except ValueError as error:
        raise SystemExit(f"错误：OFFICEAPP_TRUSTED_PROXIES {error}") from None
    config = getattr(args, "config", None) or os.environ.get("OFFICEAPP_CONFIG")
    try:
        integrations = load_config(Path(config)) if config else Integrations()
    except ConfigError as error:
        raise SystemExit(f"错误：{error}") from None
    if config:
        # Worker processes and admin commands run later read it from the environment.
        os.environ["OFFICEAPP_CONFIG"] = str(config)
    return Settings(database_url=url, data_dir=data_dir, trusted_proxies=proxies,
                    integrations=integrations,
                    jobs_interval=getattr(args, "jobs_interval", Settings.jobs_interval))


def _prepare(settings: Settings) -> sa.Engine:
    if settings.database_url.startswith("sqlite"):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    return make_engine(settings.database_url, pool_size=2)


def is_current(engine: sa.Engine) -> bool:
    """Return whether the database is at the latest migration."""
    head = ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() == head


GRACE = 4  # seconds a stopping server gives in-flight requests
# An idle keep-alive connection is closed after this many seconds. The client (httpx, 5 s)
# and nginx (4 s) let theirs go first: with uvicorn's own 5 s, a request sent on a connection
# as a busy server closed it failed (hundreds an hour under the 5,000-client load).
KEEP_ALIVE = 20


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from sync.server.http.app import create_app

    workers = getattr(args, "workers", 1)
    if workers > 1 and settings.database_url.startswith("sqlite"):
        # Pokes cross processes only through PostgreSQL LISTEN/NOTIFY.
        print("多个服务进程需要PostgreSQL数据库（--database-url）", file=sys.stderr)
        return 2
    engine = _prepare(settings)
    if args.demo:
        _report_import(migrate.upgrade(engine, blob_dir=settings.blob_dir), settings)
        admin.seed_demo(engine, settings)
        demo.seed_seals(engine, settings)  # also for a demo database of an older release
        demo.seed_work(engine, settings)
    elif not is_current(engine):
        print("数据库结构不是最新的，请先运行：officeapp-server migrate", file=sys.stderr)
        return 2
    engine.dispose()
    url = f"http://{args.host}:{args.port}"
    print(f"协同办公同步服务：{url}/api/v1  （接口文档：{url}/docs）", flush=True)
    if args.demo:
        logins = "、".join(p.username for p in DEMO_PEOPLE)
        print(f"演示账号：{logins}；密码均为 {DEMO_PASSWORD}", flush=True)
    # X-Forwarded-For is ours to judge (Settings.trusted_proxies), not uvicorn's.
    # On SIGTERM the event streams end at once (sync.server.http.stopping); a push still running
    # after the grace period is cut off, and its client retries it (at most once applied).
    options: dict[str, Any] = {"host": args.host, "port": args.port, "log_level": "warning",
                               "proxy_headers": False, "timeout_graceful_shutdown": GRACE,
                               "timeout_keep_alive": KEEP_ALIVE}
    if workers > 1:
        # Each worker process builds its app from the environment (sync.server.http.asgi).
        os.environ.update({"OFFICEAPP_DATABASE_URL": settings.database_url,
                           "OFFICEAPP_DATA_DIR": str(settings.data_dir),
                           "OFFICEAPP_TRUSTED_PROXIES": ",".join(
                               str(n) for n in settings.trusted_proxies),
                           "OFFICEAPP_JOBS_INTERVAL": str(settings.jobs_interval)})
        uvicorn.run("sync.server.http.asgi:app", factory=True, workers=workers, **options)
    else:
        uvicorn.run(create_app(settings), **options)
    return 0


def _report_import(imported: Imported, settings: Settings) -> int:
    """Say what the migration moved from the blob folder of an older release; 1 if the content
    of some blobs is in neither place."""
    folder = settings.blob_dir
    if imported.blobs:
        print(f"已把{imported.blobs}个附件（{imported.bytes / 1024 / 1024:.1f} MB）从 {folder} "
              "移入数据库；该目录已不再使用，备份并运行 doctor 确认无误后可以删除")
    if not imported.missing:
        return 0
    print(f"错误：{len(imported.missing)}个附件的内容既不在数据库中，也不在 {folder} 中"
          f"（如 {imported.missing[0]}）。请用 --data-dir 指定升级前的数据目录后再运行 "
          "officeapp-server migrate；已移入的不会重复", file=sys.stderr)
    return 1


def _create_user(args: argparse.Namespace, settings: Settings, engine: sa.Engine) -> int:
    roles = frozenset(parse_role(r) for r in args.roles.replace("，", ",").split(",") if r)
    person = Person(id=args.id or f"p-{args.username}", name=args.name, unit_id=args.unit,
                    roles=roles, username=args.username, title=args.title)
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("密码：")
    admin.create_user(engine, settings, person, password)
    print(f"已保存用户 {person.username}（{person.name}）")
    return 0


def _run_jobs(settings: Settings, engine: sa.Engine) -> int:
    if not is_current(engine):
        print("数据库结构不是最新的，请先运行：officeapp-server migrate", file=sys.stderr)
        return 2
    report = run_jobs(engine, settings, Notifier(engine, PokeHub()))
    for line in report.lines():
        print(line)
    print(f"定时任务完成：自动催办 {len(report.urgings)} 次，"
          f"提醒回执 {len(report.reminders)} 个会议")
    return 0


def _trace(args: argparse.Namespace, settings: Settings, engine: sa.Engine) -> int:
    if not is_current(engine):
        print("数据库结构不是最新的，请先运行：officeapp-server migrate", file=sys.stderr)
        return 2
    if args.command == "trace-checkpoint":
        made = tracechain.checkpoint(engine, settings)
        assert made is not None
        print(f"已生成{made.line()}；签名密钥 {tracechain.key_path(settings)}")
        return 0
    verified = tracechain.verify(engine, settings, public_key=args.public_key)
    print("\n".join(verified.lines()))
    return verified.exit_code


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise ValidationError("file.unreadable", f"读不了{what}“{path}”：{error.strerror or error}",
                              path=str(path)) from None


def _password(args: argparse.Namespace) -> str:
    if args.password_file is not None:
        text = _read(args.password_file, "密码文件").decode("utf-8", errors="replace")
        return text.splitlines()[0] if text else ""
    password = os.environ.get(args.password_env)
    if password is None:
        raise ValidationError("seal.no_password", f"环境变量 {args.password_env} 未设置")
    return password


def _day(moment: datetime) -> str:
    return moment.astimezone(LOCAL).strftime("%Y-%m-%d")


def _seal_command(args: argparse.Namespace, settings: Settings, engine: sa.Engine) -> int:
    if not is_current(engine):
        print("数据库结构不是最新的，请先运行：officeapp-server migrate", file=sys.stderr)
        return 2
    if args.command == "seal-create-ca":
        root = admin.create_seal_ca(engine, settings, args.name)
        print(f"已创建组织根证书“{root.name}”（指纹 {root.id}）；"
              "接着用 seal-issue --unit 单位编号 为各单位签发印章")
    elif args.command == "seal-issue":
        image = None if args.image is None else _read(args.image, "印章图片")
        info = admin.issue_seal(engine, settings, args.unit, image)
        print(f"已为单位 {info.unit_id} 签发印章证书“{info.subject}”，"
              f"有效期至 {_day(info.not_after)}")
    elif args.command == "seal-import":
        info = admin.import_seal(engine, settings, args.unit, p12=_read(args.p12, "证书文件"),
                                 password=_password(args), image=_read(args.image, "印章图片"),
                                 root_pem=None if args.root is None
                                 else _read(args.root, "根证书文件"))
        print(f"已导入单位 {info.unit_id} 的印章，证书“{info.subject}”，"
              f"有效期至 {_day(info.not_after)}")
    else:
        report = admin.seal_report(engine)
        print("\n".join(_seal_lines(report, settings.clock())))
        if args.export_roots is not None:
            pems = b"".join(root.cert_pem for root in report.roots)
            args.export_roots.write_bytes(pems)
            print(f"已把 {len(report.roots)} 个根证书写到 {args.export_roots}")
    return 0


def _seal_lines(report: admin.SealReport, now: datetime) -> list[str]:
    """Return the `seals` listing: sealed units, units without a seal, trusted roots."""
    lines = ["已配置电子印章的单位："]
    for unit in report.units:
        info = report.sealed.get(unit.id)
        if info is None:
            continue
        state = ("（已过期，不能用印）" if info.not_after <= now else
                 "（即将过期）" if info.not_after - now < seals.EXPIRY_WARNING else "")
        lines.append(f"  {unit.name}（{unit.id}）：证书“{info.subject}”，"
                     f"有效期至 {_day(info.not_after)}{state}")
    if len(lines) == 1:
        lines.append("  （无）")
    missing = [u for u in report.units if u.id not in report.sealed]
    if missing:
        lines.append("未配置电子印章的单位（不能用印）：")
        lines += [f"  {u.name}（{u.id}）" for u in missing]
    lines.append("受信任的根证书：")
    lines += [f"  {r.name}  指纹 {r.id}" + ("（本服务器创建，私钥在服务器上）" if r.has_key else "")
              for r in report.roots] or ["  （无）"]
    return lines


def _handover_command(args: argparse.Namespace, settings: Settings, engine: sa.Engine) -> int:
    """`open-work` and `handover`; 1 when some open work could not be handed over."""
    if not is_current(engine):
        print("数据库结构不是最新的，请先运行：officeapp-server migrate", file=sys.stderr)
        return 2
    if args.command == "open-work":
        print("\n".join(_open_work_lines(engine, settings, args.person)))
        return 0
    with db.read(engine) as connection:
        leaver = handover.person_by_username(connection, args.leaver)
        successor = handover.person_by_username(connection, args.successor)
        by = None if args.by is None else handover.person_by_username(connection, args.by)
    if by is not None and Role.ADMIN not in by.roles:
        raise ValidationError("handover.not_admin", f"{by.name}（{by.username}）不是管理员",
                              username=by.username)
    report = handover.hand_over(
        engine, settings, Notifier(engine, PokeHub()), leaver_id=leaver.id,
        successor_id=successor.id, kinds=args.kind or handover.KINDS, record_ids=args.record,
        admin_name="" if by is None else by.name, admin_id="" if by is None else by.id,
        allow_other_unit=args.allow_other_unit, dry_run=args.dry_run)
    print("\n".join(report.lines()))
    return 1 if report.refused else 0


def _open_work_lines(engine: sa.Engine, settings: Settings, username: str | None) -> list[str]:
    """Return the open work of one person, or of everyone who left and still has some."""
    now = settings.clock()
    with db.read(engine) as connection:
        people: list[tuple[Person, datetime | None]]
        if username is not None:
            people = [(handover.person_by_username(connection, username), None)]
        else:
            people = handover.left_people(connection)
        lines: list[str] = []
        for person, left_at in people:
            items = handover.open_work(connection, person.id, now=now)
            if not items and username is None:
                continue
            left = f"，{_day(left_at)}离职" if left_at is not None else (
                "，账号已停用" if not person.active else "")
            lines.append(f"{person.name}（{person.username}{left}）：{len(items)} 项待办")
            lines += [f"  {item.line()}" for item in items]
    return lines or ["没有已停用人员仍有待办"]


def _sync_directory(args: argparse.Namespace, settings: Settings, engine: sa.Engine) -> int:
    if not is_current(engine):
        print("数据库结构不是最新的，请先运行：officeapp-server migrate", file=sys.stderr)
        return 2
    report = sync_directory(engine, settings, dry_run=args.dry_run,
                            adopt_local=args.adopt_local)
    print("\n".join(report.lines()))
    return 0


def _run(args: argparse.Namespace, settings: Settings) -> int:
    if args.command is None:
        return _serve(args, settings)
    if args.command == "doctor":
        lines, code = doctor.report(doctor.examine(settings, certificates=args.certificate))
        print("\n".join(lines))
        return code
    if args.command == "restore":
        if settings.database_url.startswith("sqlite"):
            settings.data_dir.mkdir(parents=True, exist_ok=True)
        print(f"已恢复：{backup.describe(backup.restore(args.file, settings))}")
        return 0
    engine = _prepare(settings)
    try:
        if args.command == "migrate":
            imported = migrate.upgrade(engine, blob_dir=settings.blob_dir)
            print("数据库已是最新结构")
            return _report_import(imported, settings)
        elif args.command == "prune":
            print(f"已清理 {admin.prune(engine, settings)} 条过期删除记录")
        elif args.command == "import-org":
            units, people = admin.import_org(engine, settings, args.file)
            print(f"已导入 {units} 个单位、{people} 名人员")
        elif args.command == "create-user":
            return _create_user(args, settings, engine)
        elif args.command == "delegate":
            delegation_id = admin.delegate(engine, settings, principal=args.principal,
                                           delegate_to=args.delegate, start=args.start,
                                           end=args.end)
            print(f"已登记委托 {delegation_id}")
        elif args.command == "end-delegation":
            admin.end_delegation(engine, settings, args.id)
            print(f"已结束委托 {args.id}")
        elif args.command == "run-jobs":
            return _run_jobs(settings, engine)
        elif args.command in ("verify-trace", "trace-checkpoint"):
            return _trace(args, settings, engine)
        elif args.command in ("notifications", "send-notifications"):
            return notify_admin.command(args, settings, engine)
        elif args.command in ("open-work", "handover"):
            return _handover_command(args, settings, engine)
        elif args.command == "sync-directory":
            return _sync_directory(args, settings, engine)
        elif args.command.startswith("seal"):
            return _seal_command(args, settings, engine)
        elif args.command == "backup":
            summary = backup.backup(engine, settings, args.file)
            print(f"已备份到 {args.file}：{backup.describe(summary)}")
        return 0
    finally:
        engine.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    args.demo = getattr(args, "demo", False)
    try:
        return _run(args, settings_from(args))
    except OrgImportError as error:
        print(f"错误：{error.headline}", file=sys.stderr)
        for line in error.bad_rows():
            print(f"  {line}", file=sys.stderr)
        return 1
    except DomainError as error:
        print(f"错误：{error.message}", file=sys.stderr)
        return 1
    except sa.exc.OperationalError as error:
        print(f"错误：无法连接数据库：{error.orig}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
