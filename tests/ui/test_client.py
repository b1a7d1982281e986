"""The desktop client against a real demo server: login, a 发文 end to end, offline, refusal."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from officeapp.core.verdict import Accepted
from officeapp.demo import DEMO_PASSWORD, EDU_ID, FINANCE_ID
from officeapp.mutators import copy_id
from officeapp.workflow import Action, ActionKind, Document
from sync.client import actions
from tests.ui.conftest import DemoServer, MemoryKeyring, run, until
from ui.app import TRANSLATIONS, Session, store_path
from ui.common.context import AppContext, ChangeKind
from ui.common.qt import QAction, QApplication, QCoreApplication, QTranslator
from ui.common.settings import Settings
from ui.main_window import MainWindow

NOTICE: dict[str, Any] = {
    "doc_type": "通知", "title": "关于做好2027年元旦春节期间有关工作的通知",
    "main_recipients": [FINANCE_ID], "cc_recipients": [EDU_ID],
    "body": "各单位：\n\n为切实做好元旦春节期间各项工作，现将有关事项通知如下。",
}


def ctx_of(session: Session) -> AppContext:
    assert session.ctx is not None
    return session.ctx


def window_of(session: Session) -> MainWindow:
    assert session.window is not None
    return session.window


class Sessions:
    """Starts client sessions (one per person) and closes them all at the end."""

    def __init__(self, server: DemoServer, tmp_path: Path) -> None:
        self.server, self.tmp_path = server, tmp_path
        self.open: list[Session] = []

    def settings(self, username: str) -> Settings:
        settings = Settings(self.tmp_path / f"{username}.ini")
        settings.set("server_url", self.server.url)
        settings.set("data_dir", str(self.tmp_path / username))
        settings.set("poll_seconds", 1)
        return settings

    async def start(self, username: str, *, login: bool = True) -> Session:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        session = Session(app, self.settings(username))
        self.open.append(session)
        await session.start()
        if login:
            dialog = session._dialog
            assert dialog is not None and dialog.isVisible()
            dialog.username.setText(username)
            dialog.password.setText(DEMO_PASSWORD)
            dialog._submit()
        await until(lambda: session.window is not None, what="the main window")
        await self.synced(session)
        return session

    async def synced(self, session: Session) -> None:
        """Wait for a sync round that starts after now to finish cleanly."""
        engine = ctx_of(session).engine
        assert engine is not None
        before = engine.status.last_sync
        engine.trigger()
        await until(lambda: engine.status.last_sync not in (None, before)
                    and not engine.status.syncing, what=f"a sync round ({engine.status})")

    async def close(self, session: Session) -> None:
        if session.ctx is not None:
            await session.ctx.close()
            session.ctx = None
        if session.window is not None:
            session.window.close()
            session.window.deleteLater()
            session.window = None

    async def close_all(self) -> None:
        for session in self.open:
            await self.close(session)
            session.worker.shutdown()


@pytest.fixture
def sessions(loop: asyncio.AbstractEventLoop, demo_server: DemoServer, tmp_path: Path,
             memory_keyring: MemoryKeyring) -> Iterator[Sessions]:
    """Client sessions against the demo server."""
    made = Sessions(demo_server, tmp_path)
    yield made
    run(loop, made.close_all())


async def act(session: Session, document_id: str, kind: ActionKind, **kwargs: Any) -> Any:
    ctx = ctx_of(session)
    return await ctx.write(actions.act, person_id=ctx.person_id, document_id=document_id,
                           action=Action(kind, **kwargs), now=ctx.now(),
                           ids={ChangeKind.DOCUMENT: (document_id,)})


async def draft(session: Session) -> Document:
    ctx = ctx_of(session)
    created: Document = await ctx.write(actions.draft_outgoing, person_id=ctx.person_id,
                                        fields=NOTICE, now=ctx.now())
    return created


async def document(session: Session, document_id: str) -> Document:
    found = await ctx_of(session).db(lambda s: s.get_document(document_id))
    assert isinstance(found, Document)
    return found


async def folder_ids(session: Session, key: str = "todo") -> list[str]:
    window = window_of(session)
    window.select(key)
    await window.model.refresh()
    return [window.model.document_id(i) or "" for i in range(window.model.total)]


def test_login_keeps_the_refresh_token_in_the_keyring_and_the_next_start_is_logged_in(
    sessions: Sessions, memory_keyring: MemoryKeyring, loop: asyncio.AbstractEventLoop,
) -> None:
    async def body() -> None:
        first = await sessions.start("office.clerk")
        assert ctx_of(first).person_id == "p-office.clerk"
        (token,) = memory_keyring.secrets.values()
        ini = (sessions.tmp_path / "office.clerk.ini").read_text(encoding="utf-8")
        assert DEMO_PASSWORD not in ini and token not in ini
        await sessions.close(first)
        again = await sessions.start("office.clerk", login=False)  # resumed from the keyring
        assert again._dialog is None
        await again.logout()
        assert memory_keyring.secrets == {}
        assert again._dialog is not None and again._dialog.isVisible()

    run(loop, body())


def test_a_document_goes_through_every_step_and_reaches_the_recipient_unit(
    sessions: Sessions, loop: asyncio.AbstractEventLoop,
) -> None:
    async def body() -> None:
        clerk, reviewer = await sessions.start("office.clerk"), await sessions.start(
            "office.reviewer")
        leader, finance = await sessions.start("office.leader"), await sessions.start(
            "finance.clerk")
        doc_id = (await draft(clerk)).id
        assert isinstance(await act(clerk, doc_id, ActionKind.APPROVE, opinion="请核稿"),
                          Accepted)
        await sessions.synced(clerk)
        await sessions.synced(reviewer)
        assert doc_id in await folder_ids(reviewer)
        await act(reviewer, doc_id, ActionKind.APPROVE, opinion="核稿无误")
        await sessions.synced(reviewer)
        await sessions.synced(leader)
        await act(leader, doc_id, ActionKind.APPROVE, opinion="同意印发")
        await sessions.synced(leader)
        await sessions.synced(clerk)
        await act(clerk, doc_id, ActionKind.APPROVE)  # 编号, offline until pushed
        model = window_of(clerk).model
        assert doc_id in await folder_ids(clerk, "mine")
        assert model.data(model.index(0, 1)) == "待编号"
        await sessions.synced(clerk)
        number = (await document(clerk, doc_id)).doc_number
        assert number is not None and number.startswith("萍府办发〔")
        await act(clerk, doc_id, ActionKind.APPROVE)  # 用印
        await act(clerk, doc_id, ActionKind.APPROVE)  # 印发
        await sessions.synced(clerk)
        await sessions.synced(finance)
        incoming = copy_id(doc_id, FINANCE_ID)
        assert incoming in await folder_ids(finance)
        assert (await document(finance, incoming)).doc_number == number

    run(loop, body())


def test_offline_work_is_queued_and_synced_when_the_server_returns(
    sessions: Sessions, loop: asyncio.AbstractEventLoop,
) -> None:
    async def body() -> None:
        clerk = await sessions.start("office.clerk")
        ctx, status = ctx_of(clerk), window_of(clerk).status_widget
        sessions.server.stop()
        created = await draft(clerk)
        # A poll round may already be retrying when the draft asks for a sync: wait for the
        # engine to settle on offline rather than read "syncing" in between.
        await until(lambda: not status.status.online and status.status.error is not None
                    and not status.status.syncing, what="offline shown")
        assert "离线" in status.state.text()
        assert await ctx.db(lambda s: len(s.pending_mutations())) == 1
        sessions.server.start()
        assert ctx.engine is not None
        ctx.engine.trigger()
        await until(lambda: status.status.online and status.status.pending == 0
                    and status.status.error is None, timeout=60, what="synced after return")
        reviewer = await sessions.start("office.reviewer")
        assert await ctx_of(reviewer).db(lambda s: s.get_document(created.id)) is not None

    run(loop, body())


def test_a_refused_action_is_shown_with_the_persons_text_kept(
    sessions: Sessions, loop: asyncio.AbstractEventLoop,
) -> None:
    async def body() -> None:
        clerk, reviewer = await sessions.start("office.clerk"), await sessions.start(
            "office.reviewer")
        created = await draft(clerk)
        await act(clerk, created.id, ActionKind.APPROVE)
        await sessions.synced(clerk)
        await sessions.synced(reviewer)
        deputy = await sessions.start("office.deputy")
        engine = ctx_of(deputy).engine
        assert engine is not None
        await engine.stop()  # the deputy works offline: their 核稿 waits in the outbox
        await act(deputy, created.id, ActionKind.APPROVE, opinion="第三段请再斟酌")
        await act(reviewer, created.id, ActionKind.APPROVE, opinion="核稿无误")
        await sessions.synced(reviewer)
        engine.start()
        await sessions.synced(deputy)
        recorded: list[Any] = []

        async def refused() -> bool:
            recorded[:] = await ctx_of(deputy).db(lambda s: s.rejections())
            return bool(recorded)

        for _ in range(200):
            if await refused():
                break
            await asyncio.sleep(0.05)
        assert recorded, "the server's refusal reached the deputy's store"
        widget = window_of(deputy).status_widget
        await until(lambda: widget.rejected.isVisibleTo(window_of(deputy)), timeout=30,
                    what="the refusal shown")
        assert "1" in widget.rejected.text()
        records = await ctx_of(deputy).db(lambda s: s.rejections())
        assert records[0].args["action"]["opinion"] == "第三段请再斟酌"
        assert "周核稿" in records[0].message

    run(loop, body())


# --- a day at the office: switching user, the pending counter ------------------------------------


def _toolbar_action(window: MainWindow, text: str) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text() == text)


def test_logging_out_shows_the_login_again_and_the_next_person_gets_a_fresh_window(
    sessions: Sessions, memory_keyring: MemoryKeyring, loop: asyncio.AbstractEventLoop,
) -> None:
    async def body() -> None:
        session = await sessions.start("office.clerk")
        first = window_of(session)
        deleted: list[bool] = []
        first.destroyed.connect(lambda: deleted.append(True))
        _toolbar_action(first, "退出登录").trigger()  # 收发室: the next person sits down
        await until(lambda: deleted, what="the clerk's window closed and deleted")
        dialog = session._dialog
        assert dialog is not None and dialog.isVisible(), "the login dialog is shown again"
        assert not session.done.is_set(), "logging out must not end the program"
        assert session.window is None and session.ctx is None
        assert memory_keyring.secrets == {}, "the refresh token left the keyring"

        dialog.username.setText("finance.clerk")
        dialog.password.setText(DEMO_PASSWORD)
        dialog._submit()
        await until(lambda: session.window is not None, what="a main window for the next person")
        await sessions.synced(session)
        second = window_of(session)
        assert ctx_of(session).person_id == "p-finance.clerk"
        await until(lambda: "刘会计" in second.windowTitle(), what="the new person in the title")
        assert "李文书" not in second.windowTitle()
        # And in the status bar, with the unit, always in sight.
        assert second.who.text() == "当前登录：刘会计（市财政局）"
        assert second.isVisible() and not dialog.isVisible()
        url = sessions.server.url
        assert store_path(session.settings, url, "finance.clerk").exists()  # their own store
        assert not session.done.is_set()

        await session.logout()  # and this time nobody logs in: closing the dialog quits
        again = session._dialog
        assert again is not None and again.isVisible() and not session.done.is_set()
        again.reject()
        assert session.done.is_set()

    run(loop, body())


def test_closing_the_main_window_quits(
    sessions: Sessions, loop: asyncio.AbstractEventLoop,
) -> None:
    async def body() -> None:
        session = await sessions.start("office.clerk")
        window_of(session).close()
        await until(session.done.is_set, what="the program to end")

    run(loop, body())


@contextlib.contextmanager
def english() -> Iterator[None]:
    """Show the UI in English (the shipped catalogue) while the block runs."""
    translator = QTranslator()
    assert translator.load("officeapp_en", str(TRANSLATIONS))
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_pending_counter_counts_what_waits_offline(
    sessions: Sessions, loop: asyncio.AbstractEventLoop,
) -> None:
    async def body() -> None:
        clerk = await sessions.start("office.clerk")
        status = window_of(clerk).status_widget
        await until(lambda: status.pending.text() == "无待上传", what="nothing waiting")
        sessions.server.stop()
        created = await draft(clerk)
        await until(lambda: status.pending.text() == "待上传 1 项", what="1 pending shown")
        # The failed round that the action started must not reset the count.
        await until(lambda: not status.status.online and status.status.error is not None
                    and not status.status.syncing, what="offline shown")
        assert status.pending.text() == "待上传 1 项"
        with english():
            await act(clerk, created.id, ActionKind.APPROVE, opinion="请核稿")
            await until(lambda: status.pending.text() == "2 waiting to upload",
                        what="2 pending shown in English")
        await act(clerk, created.id, ActionKind.WITHDRAW)
        await until(lambda: status.pending.text() == "待上传 3 项", what="3 pending shown")
        sessions.server.start()
        engine = ctx_of(clerk).engine
        assert engine is not None
        engine.trigger()
        await until(lambda: status.pending.text() == "无待上传", timeout=60,
                    what="none pending once pushed")
        await until(lambda: status.status.online and not status.status.syncing, timeout=60,
                    what="the round to end online")
        assert status.pending.text() == "无待上传"

    run(loop, body())
