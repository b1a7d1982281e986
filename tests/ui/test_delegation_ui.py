"""委托授权: the dialog lists, checks and ends delegations; a delegation reaches the deputy."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from officeapp.clock import OFFICE_TZ
from tests.ui.conftest import run, until
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_loop
from tests.ui.test_client import Sessions, ctx_of, sessions, window_of
from ui.delegation_dialog import DelegationDialog, _to_qdatetime

__all__ = ["doc_env", "doc_loop", "sessions"]  # fixtures used by the tests below

LEADER, DEPUTY = "p-office.leader", "p-office.deputy"


def _choose(dialog: DelegationDialog, person_id: str) -> None:
    dialog.delegate.setCurrentIndex(dialog.delegate.findData(person_id))


def test_the_leader_delegates_sees_errors_and_ends_it(doc_env: DocEnv) -> None:
    dialog = DelegationDialog(doc_env.ctx("office.leader"))
    doc_env.keep(dialog)
    doc_env.until(lambda: dialog.is_loaded, what="the dialog to load")
    assert dialog.rows() == [] and not dialog.empty.isHidden()
    people = [dialog.delegate.itemData(i) for i in range(dialog.delegate.count())]
    assert DEPUTY in people and LEADER not in people
    assert "办公室" in dialog.delegate.itemText(people.index(DEPUTY))
    start, end = dialog.values()[1:]
    assert start.tzinfo == OFFICE_TZ and end - start == timedelta(days=3)

    dialog.add_button.click()
    assert dialog.error_text("delegate_id") == "请选择受托人"
    _choose(dialog, DEPUTY)
    dialog.end.setDateTime(_to_qdatetime(start - timedelta(hours=1)))
    dialog.add_button.click()
    assert dialog.error_text("end") == "结束时间必须晚于开始时间"
    assert dialog.error_text("delegate_id") == ""
    assert doc_env.outbox() == []

    dialog.end.setDateTime(_to_qdatetime(start + timedelta(days=2)))
    created: list[str] = []
    dialog.created.connect(created.append)
    dialog.add_button.click()
    doc_env.until(lambda: created and dialog.rows(), what="the delegation in the list")
    assert dialog.error_text("end") == ""
    [(name, period, state)] = dialog.rows()
    assert name == "陈副主任" and "至" in period and state == "生效中（待同步）"
    [row] = doc_env.outbox()
    assert row.name == "delegation.create" and row.args["delegate_id"] == DEPUTY

    asked: list[str] = []
    dialog.confirm = lambda text: asked.append(text) is not None  # decline first
    dialog.end_buttons[created[0]].click()
    assert asked and "陈副主任" in asked[0] and len(doc_env.outbox()) == 1
    dialog.confirm = lambda text: True
    dialog.end_buttons[created[0]].click()
    doc_env.until(lambda: dialog.rows() and dialog.rows()[0][2] == "结束待同步",
                  what="the ending in the list")
    assert created[0] not in dialog.end_buttons
    assert doc_env.outbox()[-1].name == "delegation.end"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_delegation_made_in_the_dialog_reaches_the_deputy(
    sessions: Sessions, loop: asyncio.AbstractEventLoop,
) -> None:
    async def body() -> None:
        leader = await sessions.start("office.leader")
        window_of(leader).delegations.trigger()
        dialog = window_of(leader)._dialog
        assert isinstance(dialog, DelegationDialog)
        await until(lambda: dialog.is_loaded, what="the dialog to load")
        _choose(dialog, DEPUTY)
        dialog.add_button.click()
        await until(lambda: dialog.rows(), what="the delegation in the list")
        await sessions.synced(leader)
        await until(lambda: dialog.rows() and dialog.rows()[0][2] == "生效中",
                    what="the server's confirmation")

        deputy = await sessions.start("office.deputy")
        await sessions.synced(deputy)
        ctx = ctx_of(deputy)
        org = await ctx.db(lambda s: s.organisation())
        assert LEADER in org.actor(DEPUTY, ctx.now()).acting_for
        dialog.close()

    run(loop, body())
