"""批量签批 from 待办 (issue 17): several documents, one opinion, one click; each decided on its
own, refusals shown per document, and what needs a choice of its own left alone."""

from __future__ import annotations

import pytest

from officeapp.workflow import ActionKind
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_idle, doc_loop
from ui.common.qt import QItemSelectionModel
from ui.documents.batch_dialog import BatchApproveDialog
from ui.main_window import MainWindow

__all__ = ["doc_env", "doc_idle", "doc_loop"]  # fixtures used by the tests below

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"),  # offscreen says so on show()
              pytest.mark.usefixtures("doc_idle")]



def _at_review(env: DocEnv, title: str) -> str:
    doc = env.draft(title=title)
    env.act(doc, "office.clerk", ActionKind.APPROVE, opinion="请审核")
    return doc


def _window(env: DocEnv) -> MainWindow:
    window = MainWindow(env.ctx("office.reviewer"))
    env.keep(window)
    window.resize(1280, 720)
    window.show()
    window.select("todo")
    env.until(lambda: window.model.rowCount() == 3 and not window.model.refreshing(),
              what="three documents in 待办")
    return window


def _select_all(window: MainWindow) -> None:
    selection = window.table.selectionModel()
    flags = (QItemSelectionModel.SelectionFlag.Select
             | QItemSelectionModel.SelectionFlag.Rows)
    for row in range(window.model.rowCount()):
        selection.select(window.model.index(row, 0), flags)


def test_one_opinion_for_several_each_decided_on_its_own(doc_env: DocEnv) -> None:
    first = _at_review(doc_env, "关于做好防汛工作的通知")
    second = _at_review(doc_env, "关于开展安全生产检查的通知")
    raced = _at_review(doc_env, "关于调整办公用房的通知")
    window = _window(doc_env)
    _select_all(window)
    assert set(window.selected_ids()) == {first, second, raced}
    window.batch_action.trigger()
    dialog = window.batch_dialog
    assert isinstance(dialog, BatchApproveDialog)
    doc_env.until(lambda: dialog.go_button.isEnabled(), what="the dialog to load")
    assert dialog.go_button.text() == "办理（3份）"
    assert {dialog.table.item(r, 1).text() for r in range(3)} == {"核稿通过"}  # type: ignore[union-attr]
    # Someone else in the pool takes one of them meanwhile: it must be refused on its own.
    doc_env.act(raced, "office.leader", ActionKind.APPROVE, opinion="已阅")
    dialog.opinion.setPlainText("文字已核，拟同意")
    dialog.go_button.click()
    doc_env.until(lambda: dialog.go_button.text() == "已完成", what="the batch to end")
    for doc in (first, second):
        document = doc_env.document(doc)
        assert document.step == "sign", doc
        assert document.trace[-1].opinion == "文字已核，拟同意"
    assert doc_env.document(raced).trace[-1].opinion == "已阅"  # untouched by the batch
    results = {dialog.rows[r].document_id: dialog.table.item(r, 2).text()  # type: ignore[union-attr]
               for r in range(3)}
    assert results[first].startswith("已办理") and results[second].startswith("已办理")
    assert results[raced].startswith("未能办理：")
    assert dialog.summary.text() == "已办理2份，未能办理1份。"
    # Three drafts, three sends, the leader's approval and the batch's two; the refused one
    # never reached the outbox.
    assert len(doc_env.outbox()) == 3 + 3 + 1 + 2


def test_what_is_not_mine_or_needs_its_own_choice_is_left(doc_env: DocEnv) -> None:
    mine = _at_review(doc_env, "关于做好防汛工作的通知")
    theirs = doc_env.draft(username="finance.clerk", title="关于拨付经费的请示")
    dialog = BatchApproveDialog(doc_env.ctx("office.reviewer"), [mine, theirs])
    doc_env.keep(dialog)
    doc_env.until(lambda: dialog.rows, what="the dialog to load")
    assert [row.doing for row in dialog.rows] == ["核稿通过", ""]
    assert dialog.rows[1].reason == "您当前不能办理此文件"
    assert dialog.go_button.text() == "办理（1份）"
