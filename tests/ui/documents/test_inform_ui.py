"""知会 in the client, against the real demo server: informed from the pane, found in
知会我的, read by opening it (offline too), the count drops, and both traces show it."""

from __future__ import annotations

import asyncio

from officeapp.workflow import ActionKind, Document
from tests.ui.conftest import run, until
from tests.ui.test_client import (
    Sessions,
    act,
    ctx_of,
    document,
    draft,
    folder_ids,
    sessions,  # noqa: F401 (a fixture)
    window_of,
)
from ui.app import Session
from ui.common.qt import QListWidgetItem, Qt
from ui.documents.action_dialogs import InformDialog


def nav_item(session: Session, key: str) -> QListWidgetItem:
    nav = window_of(session).nav
    for row in range(nav.count()):
        item = nav.item(row)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
            return item
    raise AssertionError(key)


async def inform_from_the_pane(session: Session, document_id: str, person_id: str,
                               note: str) -> InformDialog:
    window = window_of(session)
    assert document_id in await folder_ids(session, "mine")  # todo is empty: it was sent on
    pane = window.document
    pane.show_document(document_id)
    await until(lambda: "inform" in pane.buttons, what="the 知会 button")
    pane.buttons["inform"].click()
    await until(lambda: isinstance(pane.dialog, InformDialog) and pane.dialog.isVisible(),
                what="the 知会 dialog")
    dialog = pane.dialog
    assert isinstance(dialog, InformDialog)
    assert person_id in dialog.picker.ids() and ctx_of(session).person_id not in (
        dialog.picker.ids())
    dialog.picker.set_selected([person_id])
    dialog.note.setText(note)
    dialog._try_accept()
    return dialog


def test_inform_from_the_pane_then_the_reader_opens_it_from_informed_to_me(
    sessions: Sessions, loop: asyncio.AbstractEventLoop,  # noqa: F811 (the fixture)
) -> None:
    async def body() -> None:
        clerk, reader = await sessions.start("office.clerk"), await sessions.start("edu.clerk")
        doc_id = (await draft(clerk)).id
        await act(clerk, doc_id, ActionKind.APPROVE, opinion="请核稿")
        await inform_from_the_pane(clerk, doc_id, "p-edu.clerk", "请教育局提前了解")
        informed = await _wait_informed(clerk, doc_id)
        assert [i.person_id for i in informed.informed] == ["p-edu.clerk"]
        assert informed.trace[-1].opinion == "请教育局提前了解"
        await sessions.synced(clerk)

        await sessions.synced(reader)
        window = window_of(reader)
        assert await folder_ids(reader, "informed") == [doc_id]
        assert doc_id not in await folder_ids(reader, "todo")  # 知会 is no work
        await until(lambda: nav_item(reader, "informed").text() == "知会我的（1）",
                    what="the unread count")
        window.select("informed")
        await window.model.refresh()
        font = window.model.data(window.model.index(0, 0), Qt.ItemDataRole.FontRole)
        assert font is not None and font.bold()

        sessions.server.stop()  # opening it marks it read offline too: queued
        window.table.selectRow(0)
        await until(lambda: window.document.document_id() == doc_id, what="opened")
        await until(lambda: nav_item(reader, "informed").text() == "知会我的",
                    what="the count dropped")
        read = await document(reader, doc_id)
        assert read.informed[0].read_at is not None
        assert await ctx_of(reader).db(lambda s: s.pending_count()) == 1
        await until(lambda: "已阅" in window.document.route.toPlainText(), what="the trace")
        route = window.document.route.toPlainText()
        assert "知会" in route and "请教育局提前了解" in route and "已阅" in route
        font = window.model.data(window.model.index(0, 0), Qt.ItemDataRole.FontRole)
        assert font is None or not font.bold()
        sessions.server.start()

        await sessions.synced(reader)
        assert await ctx_of(reader).db(lambda s: s.pending_count()) == 0
        await sessions.synced(clerk)
        seen = await document(clerk, doc_id)
        assert [e.action for e in seen.trace][-2:] == [ActionKind.INFORM, ActionKind.READ]
        pane = window_of(clerk).document
        pane.reload()
        await until(lambda: "知会情况" in pane.route.toPlainText()
                    and "已阅" in pane.route.toPlainText(), what="the drafter sees it read")

    run(loop, body())


async def _wait_informed(session: Session, document_id: str) -> Document:
    for _ in range(200):
        found = await document(session, document_id)
        if found.informed:
            return found
        await asyncio.sleep(0.05)
    raise AssertionError("the 知会 was not written")
