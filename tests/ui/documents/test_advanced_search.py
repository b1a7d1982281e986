"""高级搜索 in the main window: the second row narrows the list by drafting day, unit, drafter
and step, together with the text search; hiding the row drops its conditions."""

from __future__ import annotations

import pytest

from officeapp.workflow import ActionKind
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_idle, doc_loop
from ui.common.qt import QDate
from ui.main_window import MainWindow

__all__ = ["doc_env", "doc_idle", "doc_loop"]  # fixtures used by the tests below

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"),  # offscreen says so on show()
              pytest.mark.usefixtures("doc_idle")]


def _ids(env: DocEnv, window: MainWindow) -> set[str]:
    env.until(lambda: not window.model.refreshing(), what="the list")
    env.settle(0.3)  # the debounce and the reload it starts
    env.until(lambda: not window.model.refreshing(), what="the list")
    return {window.model.document_id(r) or "" for r in range(window.model.rowCount())}


def test_unit_drafter_step_and_days_narrow_the_list(doc_env: DocEnv) -> None:
    ours = doc_env.draft("office.clerk", title="关于第一项工作的通知")
    sent = doc_env.draft("office.clerk", title="关于第二项工作的通知", body="请各经营单位报送。")
    doc_env.act(sent, "office.clerk", ActionKind.APPROVE, opinion="请审核")
    theirs = doc_env.draft("finance.clerk", title="关于拨付经费的请示")
    window = MainWindow(doc_env.ctx("office.clerk"))
    doc_env.keep(window)
    window.resize(1280, 720)
    window.show()
    window.select("outgoing")
    doc_env.until(lambda: window.model.rowCount() >= 3 and not window.model.refreshing(),
                  what="发文")
    assert {ours, sent, theirs} <= _ids(doc_env, window)
    bar = window.filters
    assert bar.advanced.isHidden()
    bar.more.setChecked(True)
    assert not bar.advanced.isHidden()
    doc_env.until(lambda: bar.advanced.unit.count() > 1, what="the directory in the row")

    bar.advanced.unit.setCurrentIndex(bar.advanced.unit.findData("u-finance"))
    assert _ids(doc_env, window) == {theirs}
    bar.advanced.clear()
    bar.advanced.drafter.setCurrentIndex(bar.advanced.drafter.findData("p-office.clerk"))
    assert _ids(doc_env, window) >= {ours, sent} and theirs not in _ids(doc_env, window)
    bar.advanced.step.setCurrentIndex(bar.advanced.step.findData("review"))
    assert _ids(doc_env, window) == {sent}
    bar.search.setText("经营")  # with the text search: still that one
    assert _ids(doc_env, window) == {sent}
    bar.search.setText("第一项")
    assert _ids(doc_env, window) == set()
    bar.search.setText("")
    bar.advanced.clear()

    # The documents were drafted on the test clock, two hours ago: a range of last week
    # holds none of them, one ending today all.
    week_ago = QDate.currentDate().addDays(-7)
    bar.advanced.since.setDate(week_ago.addDays(-3))
    bar.advanced.until.setDate(week_ago)
    bar.advanced.dated.setChecked(True)
    assert _ids(doc_env, window) == set()
    bar.advanced.until.setDate(QDate.currentDate().addDays(1))
    assert {ours, sent, theirs} <= _ids(doc_env, window)

    bar.advanced.unit.setCurrentIndex(bar.advanced.unit.findData("u-finance"))
    assert _ids(doc_env, window) == {theirs}
    bar.more.setChecked(False)  # hidden: its conditions no longer apply
    assert {ours, sent, theirs} <= _ids(doc_env, window)
