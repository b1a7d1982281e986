"""公文统计 (issue 15): per unit the documents 已印发 or 已办结, how many are archived and the
归档率, for every year or one, opened from the 工作台. A real store, no server."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from officeapp.documents import Direction, DocType
from officeapp.workflow import Document
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_idle, doc_loop
from ui.common.context import Changes
from ui.documents.document_stats import DocumentStatsDialog
from ui.home_page import HomePage

__all__ = ["doc_env", "doc_idle", "doc_loop"]  # fixtures used by the tests below

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"),  # offscreen says so on show()
              pytest.mark.usefixtures("doc_idle")]

THIS_YEAR = datetime(2026, 5, 1, tzinfo=UTC)
LAST_YEAR = datetime(2025, 5, 1, tzinfo=UTC)
OUT, IN = Direction.OUTGOING, Direction.INCOMING
# (unit, direction, step, created): 市政府办公室 has 3 发文 and 1 收文 finished, 3 archived;
# 市财政局 1 收文 finished, none archived; 市教育局 has nothing finished.
DOCUMENTS = (
    ("u-office", OUT, "done", THIS_YEAR), ("u-office", OUT, "archived", THIS_YEAR),
    ("u-office", OUT, "archived", LAST_YEAR), ("u-office", IN, "archived", THIS_YEAR),
    ("u-office", OUT, "review", THIS_YEAR), ("u-finance", IN, "done", THIS_YEAR),
    ("u-edu", IN, "handle", THIS_YEAR),
)


def put_documents(env: DocEnv) -> None:
    docs = [Document(id=f"doc-{n}", direction=direction, doc_type=DocType.NOTICE,
                     title=f"第{n}号通知", owner_unit_id=unit, created_by="p-office.clerk",
                     created_at=created, step=step)
            for n, (unit, direction, step, created) in enumerate(DOCUMENTS)]
    env.worker.call(env.store.put_records, "document", docs)


def opened(env: DocEnv, username: str) -> DocumentStatsDialog:
    home = HomePage(env.ctx(username))
    env.keep(home)
    home.show()
    home.stats_button.click()
    dialog = home.stats_dialog
    assert dialog is not None
    env.keep(dialog)
    env.until(lambda: dialog.table.rowCount() > 0, what="the figures")
    return dialog


def test_the_desk_opens_the_archive_rate_of_each_unit(doc_env: DocEnv) -> None:
    put_documents(doc_env)
    dialog = opened(doc_env, "office.clerk")
    assert dialog.windowTitle() == "公文统计"
    headings = [dialog.table.horizontalHeaderItem(c).text()
                for c in range(dialog.table.columnCount())]
    assert headings == ["单位", "发文已印发", "收文已办结", "已归档", "归档率"]
    assert dialog.table_rows() == [
        ["市政府办公室", "3", "1", "3", "75.0%"],
        ["市财政局", "0", "1", "0", "0.0%"],
        ["合计", "3", "2", "3", "60.0%"],
    ]
    assert [dialog.year.itemText(i) for i in range(dialog.year.count())] == [
        "全部年度", "2026年", "2025年"]
    dialog.set_year(2025)
    assert dialog.table_rows() == [["市政府办公室", "1", "0", "1", "100.0%"],
                                   ["合计", "1", "0", "1", "100.0%"]]


def test_a_unit_with_nothing_finished_shows_a_dash_not_a_rate(doc_env: DocEnv) -> None:
    put_documents(doc_env)
    dialog = opened(doc_env, "edu.clerk")  # 市教育局: its own unit is always listed
    assert dialog.table_rows()[0] == ["市政府办公室", "3", "1", "3", "75.0%"]
    assert ["市教育局", "0", "0", "0", "—"] in dialog.table_rows()
    assert dialog.body.currentWidget() is dialog.table


def test_an_empty_store_says_so(doc_env: DocEnv) -> None:
    dialog = opened(doc_env, "office.clerk")
    assert dialog.table_rows() == [["市政府办公室", "0", "0", "0", "—"],
                                   ["合计", "0", "0", "0", "—"]]
    assert dialog.body.currentWidget() is dialog.empty


def test_the_figures_follow_new_documents(doc_env: DocEnv) -> None:
    dialog = opened(doc_env, "office.clerk")
    put_documents(doc_env)  # as a sync would
    doc_env.ctx("office.clerk").broadcast(Changes(frozenset({"document"})))
    doc_env.until(lambda: dialog.table_rows()[-1] == ["合计", "3", "2", "3", "60.0%"],
                  what="the new figures")
