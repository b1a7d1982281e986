"""The one 待办 in the main window: documents, meetings and supervision items in one list with
their kind and task, counted on the navigation; a meeting or item row opens on its page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from officeapp.demo import OFFICE_ID
from officeapp.supervision import Source, Status, SupervisionItem
from officeapp.workflow import ActionKind
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_idle, doc_loop
from tests.ui.test_home_page import reviewer_with_work
from ui.inbox_model import KIND_COLUMN
from ui.main_window import MainWindow

__all__ = ["doc_env", "doc_idle", "doc_loop"]  # fixtures used by the tests below

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"),  # offscreen says so on show()
              pytest.mark.usefixtures("doc_idle")]


def _item() -> SupervisionItem:
    now = datetime.now(UTC)
    return SupervisionItem(
        id="item-1", title="推进数字政府建设一期工程", source=Source.LEADER_INSTRUCTION,
        supervisor_unit_id=OFFICE_ID, created_by="p-office.supervisor", created_at=now,
        status=Status.ASSIGNED, lead_unit_id=OFFICE_ID, deadline=now + timedelta(days=30),
        updated_at=now)


def _cells(window: MainWindow, row: int) -> tuple[str, str]:
    model = window.model
    return (model.index(row, KIND_COLUMN).data(), model.index(row, 3).data())


def test_todo_lists_every_kind_and_opens_each_where_it_lives(doc_env: DocEnv) -> None:
    waiting, meeting_id = reviewer_with_work(doc_env)
    doc_env.worker.call(lambda: doc_env.store.put_records("supervision", [_item()]))
    window = MainWindow(doc_env.ctx("office.reviewer"))
    doc_env.keep(window)
    window.resize(1280, 720)
    window.show()
    window.select("todo")
    doc_env.until(lambda: window.model.rowCount() == 4, what="the 待办 of every kind")
    rows = sorted((window.model.record_at(r), _cells(window, r)) for r in range(4))
    assert rows == [
        (("document", waiting), ("公文", "核稿（待同步）")),  # no server here
        # A meeting's 签到 waits for its invitee too, until the meeting closes it.
        (("meeting", meeting_id), ("会议", "回执")), (("meeting", meeting_id), ("会议", "签到")),
        (("supervision", "item-1"), ("督办", "签收"))]
    todo = window.nav.item(1)
    doc_env.until(lambda: todo is not None and "4" in todo.text(), what="the count")

    number = next(r for r in range(4) if window.model.record_at(r) == ("meeting", meeting_id))
    window.table.selectRow(number)
    assert window.document.document_id() is None  # no document beside a meeting row
    window.table.activated.emit(window.model.index(number, 0))
    assert window.pages.currentWidget() is window.meetings

    window.select("todo")
    doc_env.until(lambda: window.model.rowCount() == 4, what="the 待办 again")
    number = next(r for r in range(4) if window.model.record_at(r) == ("supervision", "item-1"))
    window.table.activated.emit(window.model.index(number, 0))
    assert window.pages.currentWidget() is window.supervision

    window.select("home")  # the 工作台 reads its 督办 from the same entries
    home = window.home
    doc_env.until(lambda: home.desk is not None, what="the desk")
    assert home.desk is not None
    assert (home.desk.documents_todo, home.desk.supervision_todo) == (1, 1)
    first = home.item_list.item(0)
    assert first is not None and first.text().startswith("推进数字政府建设一期工程")
    assert home.cards["supervision"].text().endswith("1（逾期0）")


def test_the_kind_filter_keeps_one_kind(doc_env: DocEnv) -> None:
    waiting = doc_env.draft(title="关于做好防汛工作的通知")
    doc_env.act(waiting, "office.clerk", ActionKind.APPROVE, opinion="请审核")
    doc_env.worker.call(lambda: doc_env.store.put_records("supervision", [_item()]))
    window = MainWindow(doc_env.ctx("office.reviewer"))
    doc_env.keep(window)
    window.show()
    window.select("todo")
    doc_env.until(lambda: window.model.rowCount() == 2, what="both kinds")
    window.filters.kind.setCurrentIndex(window.filters.kind.findData("supervision"))
    doc_env.until(lambda: window.model.rowCount() == 1, what="the items alone")
    assert window.model.record_at(0) == ("supervision", "item-1")
    assert window.model.document_id(0) is None
    window.filters.kind.setCurrentIndex(window.filters.kind.findData("document"))
    doc_env.until(lambda: window.model.document_id(0) == waiting, what="the documents alone")
    assert window.model.rowCount() == 1
