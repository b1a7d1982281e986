"""被服务器拒绝的操作: dismissing one (知道了) is an operation of this client alone — busy while
it runs, broadcast without the outbox, and a refusal said with the button free again."""

from __future__ import annotations

import pytest

from officeapp.errors import DomainError
from officeapp.store import LocalStore
from officeapp.workflow import ActionKind
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_loop
from ui.common.context import ChangeKind, Changes
from ui.common.qt import QMessageBox
from ui.common.rejections import RejectionsDialog

__all__ = ["doc_env", "doc_loop"]  # fixtures used by the tests below


def _dialog(env: DocEnv) -> RejectionsDialog:
    doc = env.draft()
    env.act(doc, "office.clerk", ActionKind.APPROVE, opinion="请审核")
    mutation = env.outbox()[-1].mutation_id
    env.worker.call(lambda: env.store.record_rejection(
        mutation_id=mutation, code="workflow.already_claimed", message="该环节已由他人签收办理"))
    ctx = env.ctx("office.clerk")
    dialog = RejectionsDialog(ctx, env.worker.call(env.store.rejections))
    env.keep(dialog)
    assert dialog.list.count() == 1
    return dialog


def test_dismissing_empties_the_list_and_tells_the_views(doc_env: DocEnv) -> None:
    dialog = _dialog(doc_env)
    heard: list[Changes] = []
    dialog.ctx.changed.connect(heard.append)
    dialog.dismiss_button.click()
    assert not dialog.dismiss_button.isEnabled()
    doc_env.until(lambda: dialog.list.count() == 0, what="the list to empty")
    assert dialog.dismiss_button.isEnabled()
    assert doc_env.worker.call(doc_env.store.rejections) == []
    assert [c.kinds for c in heard] == [{ChangeKind.REJECTION}]  # nothing queued to sync


def test_a_refused_dismissal_is_said_and_the_button_freed(
        doc_env: DocEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _dialog(doc_env)
    heard: list[Changes] = []
    dialog.ctx.changed.connect(heard.append)

    def refuse(_store: LocalStore, _rejection_id: int) -> None:
        raise DomainError("store.locked", "本机数据正忙，请稍后再试")

    monkeypatch.setattr(LocalStore, "dismiss_rejection", refuse)
    dialog.dismiss_button.click()
    doc_env.until(lambda: dialog.findChildren(QMessageBox), what="the refusal")
    [box] = dialog.findChildren(QMessageBox)
    assert box.text() == "本机数据正忙，请稍后再试"
    box.close()
    assert dialog.dismiss_button.isEnabled()
    assert dialog.list.count() == 1 and heard == []
