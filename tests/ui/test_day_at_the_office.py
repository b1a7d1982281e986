"""A day at the office (issue 17), through the real demo server and the real client: the clerk
drafts and sends to a reviewer she chooses, the reviewer approves both in one batch and finds
them by a two-character word, the leader signs one while the link is down, logs out on the
shared PC, and the clerk logs in there and sees when the leader acted and when the server
took it."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from officeapp.demo import DEMO_PASSWORD, FINANCE_ID
from officeapp.workflow import Action, ActionKind, Document
from officeapp.workflow.codec import assignee_resolver
from sync.client import actions
from tests.ui.test_client import Session, Sessions, ctx_of, sessions, window_of
from ui.common.context import ChangeKind
from ui.common.qt import QAction
from ui.documents.batch_dialog import BatchApproveDialog
from ui.documents.rendering import route_html
from ui.inbox_model import HTML_ROLE
from ui.main_window import MainWindow

from .conftest import run, until

__all__ = ["sessions"]  # the fixture the tests below use

NOTICE = {"doc_type": "通知", "main_recipients": [FINANCE_ID],
          "body": "各县区人民政府，市直各单位：\n　　请各经营单位于月底前报送安全生产情况。"}


async def _draft(clerk: Session, title: str) -> Document:
    ctx = ctx_of(clerk)
    made: Document = await ctx.write(actions.draft_outgoing, person_id=ctx.person_id,
                                     fields={**NOTICE, "title": title}, now=ctx.now())
    return made


async def _send_to(clerk: Session, document_id: str, person_id: str) -> None:
    """送核稿 to the one reviewer the clerk picks, not to the unit's pool."""
    ctx = ctx_of(clerk)
    org = await ctx.organisation()
    action = Action(ActionKind.APPROVE, opinion="请审核",
                    assignees=(assignee_resolver(org)(person_id),))
    await ctx.write(actions.act, person_id=ctx.person_id, document_id=document_id,
                    action=action, now=ctx.now(), ids={ChangeKind.DOCUMENT: (document_id,)})


def _rows(window: MainWindow) -> list[str]:
    return [window.model.document_id(r) or "" for r in range(window.model.rowCount())]


async def _search(window: MainWindow, text: str) -> list[str]:
    window.filters.search.setText(text)
    await until(lambda: window.model.filters.text == text and not window.model.refreshing(),
                what=f"the search for {text}")
    return _rows(window)


def _logout(window: MainWindow) -> None:
    action = next(a for a in window.findChildren(QAction) if a.text() == "退出登录")
    action.trigger()


def test_a_day_at_the_office(sessions: Sessions, loop: asyncio.AbstractEventLoop) -> None:
    async def day() -> None:
        # 09:00 the clerk drafts two notices and sends both to 周核稿 by name.
        clerk = await sessions.start("office.clerk")
        flood = await _draft(clerk, "关于做好防汛工作的通知")
        safety = await _draft(clerk, "关于开展安全生产检查的通知")
        for made in (flood, safety):
            await _send_to(clerk, made.id, "p-office.reviewer")
        await sessions.synced(clerk)
        sent = await ctx_of(clerk).db(lambda s: s.get_document(flood.id))
        assert sent is not None and [h.person_id for h in sent.holders] == ["p-office.reviewer"]

        # 10:00 the reviewer approves both at once, then finds them by a two-character word.
        reviewer = await sessions.start("office.reviewer")
        window = window_of(reviewer)
        window.select("todo")
        await until(lambda: set(_rows(window)) >= {flood.id, safety.id}, what="待办")
        window.table.selectAll()
        window.batch_approve()
        batch = window.batch_dialog
        assert isinstance(batch, BatchApproveDialog)
        await until(lambda: batch.go_button.isEnabled(), what="the batch dialog")
        batch.opinion.setPlainText("文字已核，拟同意")
        batch.go_button.click()
        await until(lambda: batch.go_button.text() == "已完成", what="the batch")
        batch.close()
        await sessions.synced(reviewer)
        window.select("done")
        assert set(await _search(window, "经营")) == {flood.id, safety.id}  # in 正文
        assert "经营" in window.model.index(0, 0).data(HTML_ROLE)

        # 11:00 the leader signs one with the link down; the client says it waits.
        leader = await sessions.start("office.leader")
        ctx = ctx_of(leader)
        sessions.server.stop()
        assert ctx.engine is not None
        ctx.engine.trigger()
        await until(lambda: ctx.engine is not None and not ctx.engine.status.online
                    and not ctx.engine.status.syncing, what="the client shows it is offline")
        # The link stays down a while: the signature reaches the server minutes after it
        # was given (the client's clock is set back rather than the test waiting).
        ctx.now = lambda: datetime.now(UTC) - timedelta(minutes=3)  # type: ignore[method-assign]
        pane = window_of(leader).document
        pane.show_document(safety.id)
        await until(lambda: "approve" in pane.buttons and pane.opinion.isEnabled(),
                    what="签发 offered")
        pane.opinion.edit.setPlainText("同意印发")
        pane.buttons["approve"].click()
        bar = window_of(leader).feedback_bar
        await until(lambda: "（待上传）" in bar.message.text(), what="the bar says it waits")
        status = window_of(leader).status_widget
        await until(lambda: "1" in status.pending.text(), what="one action waiting")

        # The link returns; the leader's client sends it, and the leader logs out.
        sessions.server.start()
        ctx.engine.trigger()
        await until(lambda: ctx.engine is not None and ctx.engine.status.online
                    and ctx.engine.status.pending == 0, timeout=60, what="sent")
        _logout(window_of(leader))
        await until(lambda: leader.window is None and leader._dialog is not None
                    and leader._dialog.isVisible(), what="the login dialog again")

        # 14:00 the clerk sits down at the same PC and sees the trace with both times.
        dialog = leader._dialog
        assert dialog is not None
        dialog.username.setText("office.clerk")
        dialog.password.setText(DEMO_PASSWORD)
        dialog._submit()
        await until(lambda: leader.window is not None, what="the clerk's window")
        await sessions.synced(leader)
        assert ctx_of(leader).person_id == "p-office.clerk"
        signed = await ctx_of(leader).db(lambda s: s.get_document(safety.id))
        assert signed is not None and signed.step == "number"
        entry = next(e for e in signed.trace if e.opinion == "同意印发")
        assert entry.acted_at is not None and entry.at - entry.acted_at >= timedelta(minutes=2)
        org = await ctx_of(leader).organisation()
        assert "（本机记录），服务器接收" in route_html(signed, org)

    run(loop, day())
