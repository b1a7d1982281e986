"""The admin's view of notifications: `officeapp-server notifications` (the queue's state
and every failure with its last error) and `send-notifications` (one run, for cron)."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from officeapp.clock import minute_text as when
from sync.server.notify import queue, worker
from sync.server.settings import Settings
from sync.server.storage import db

STATUS_NAMES = {queue.PENDING: "待发送", queue.SENDING: "发送中", queue.SENT: "已发送",
                queue.FAILED: "失败"}
CHANNEL_NAMES = {"email": "邮件", "sms": "短信"}


def add_commands(commands: Any, common: Any, quiet: object) -> None:
    """Add `notifications` and `send-notifications` to the command line."""
    show = commands.add_parser("notifications", help="查看通知（邮件、短信）队列和发送失败的通知")
    show.add_argument("--failed", action="store_true", help="只列出发送失败的通知")
    show.add_argument("--since", type=float, default=None, metavar="DAYS",
                      help="只看最近 DAYS 天排队的通知")
    common(show, quiet)
    common(commands.add_parser("send-notifications",
                               help="运行一次通知发送：读取新事件、排队并发送到期的邮件和短信"),
           quiet)


def lines(engine: sa.Engine, now: datetime, *, failed_only: bool,
          since_days: float | None) -> list[str]:
    """Return the queue's state and every failure, in Chinese."""
    since = now - timedelta(days=since_days) if since_days is not None else None
    with db.read(engine) as connection:
        counts = queue.counts(connection, since)
        failures = queue.failures(connection, since)
        waiting = [] if failed_only else queue.retried(connection, since)
    found: list[str] = []
    if not failed_only:
        span = f"最近 {since_days:g} 天" if since_days is not None else "全部"
        found.append(f"通知队列（{span}）：" + "，".join(
            f"{name} {counts.get(status, 0)} 条" for status, name in STATUS_NAMES.items()))
        for row in waiting:
            found.append(f"  待重试 #{row.id} {CHANNEL_NAMES.get(row.channel, row.channel)} "
                         f"{row.address}：已尝试 {row.attempts} 次，下次 "
                         f"{when(db.as_utc(row.next_attempt_at))}，上次错误：{row.last_error}")
    found.append(f"发送失败的通知：{len(failures)} 条" if failures else "没有发送失败的通知")
    for failure in failures:
        found.append(f"  失败 #{failure.id} {CHANNEL_NAMES.get(failure.channel, failure.channel)}"
                     f" {failure.address}（{failure.event}，人员 {failure.person_id}，"
                     f"{when(failure.created_at)} 排队，尝试 {failure.attempts} 次）："
                     f"{failure.last_error}")
    return found


def command(args: argparse.Namespace, settings: Settings, engine: sa.Engine) -> int:
    """Run `notifications` or `send-notifications`; return the exit status."""
    if args.command == "send-notifications":
        if not worker.enabled(settings):
            print("未配置邮件或短信服务（见 docs/integration.md 第4节），没有通知可发送")
            return 0
        report = worker.run_once(engine, settings)
        print(*(report.lines() or ["通知：没有需要发送的通知"]), sep="\n")
        return 0
    print("\n".join(lines(engine, settings.clock(), failed_only=args.failed,
                          since_days=args.since)))
    return 0
