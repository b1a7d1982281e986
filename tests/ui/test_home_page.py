"""工作台 (issue 17): the first screen after login shows 待办 across the three areas, today's
and tomorrow's meetings, supervision overdue or due soon and the recent documents; each
opens where it lives. A real store, no server."""

from __future__ import annotations

import pytest

from officeapp.meetings import MeetingAction, MeetingActionKind
from officeapp.workflow import ActionKind
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_idle, doc_loop
from tests.ui.meetings.test_meetings_ui import act, create, tomorrow_at
from ui.main_window import MainWindow

__all__ = ["doc_env", "doc_idle", "doc_loop"]  # fixtures used by the tests below

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"),  # offscreen says so on show()
              pytest.mark.usefixtures("doc_idle")]


def reviewer_with_work(doc_env: DocEnv) -> tuple[str, str]:
    """Give 周核稿 (office.reviewer) a document to 核稿 and tomorrow's meeting to answer;
    return their ids."""
    waiting = doc_env.draft(title="关于做好防汛工作的通知")
    doc_env.act(waiting, "office.clerk", ActionKind.APPROVE, opinion="请审核")  # 待办 of 周核稿
    meeting_id = create(doc_env, start=tomorrow_at(9),
                        attendees=[{"kind": "person", "id": "p-office.reviewer"}])
    act(doc_env, meeting_id, "office.secretary", MeetingAction(MeetingActionKind.BOOK,
                                                              room_id="r-1"))
    act(doc_env, meeting_id, "office.secretary",
        MeetingAction(MeetingActionKind.SEND_NOTICE, check_in_code="2468"))
    return waiting, meeting_id


def test_the_desk_shows_the_three_areas_and_opens_each(doc_env: DocEnv) -> None:
    waiting, _meeting = reviewer_with_work(doc_env)
    window = MainWindow(doc_env.ctx("office.reviewer"))
    doc_env.keep(window)
    window.resize(1280, 720)
    window.show()
    window.select("home")
    home = window.home
    doc_env.until(lambda: home.desk is not None, what="the desk")
    assert home.desk is not None and home.desk.documents_todo == 1
    assert home.cards["todo"].text().endswith("1")
    assert "待回执1个" in home.cards["meetings"].text()
    first = home.meeting_list.item(0)
    assert first is not None and first.text().startswith("明天 09:00")
    recent = [home.recent_list.item(r).text() for r in range(home.recent_list.count())]
    assert any("关于做好防汛工作的通知" in text for text in recent)

    home.cards["todo"].click()  # a card opens its folder
    assert window.pages.currentIndex() == 0 and window.model.folder == "todo"
    window.select("home")
    home.meeting_list.itemActivated.emit(first)  # a meeting opens on the 会议 page
    assert window.pages.currentWidget() is window.meetings
    window.select("home")
    doc_env.until(lambda: home.recent_list.count() > 0, what="the recent list again")
    row = next(home.recent_list.item(r) for r in range(home.recent_list.count())
               if "防汛" in home.recent_list.item(r).text())
    home.recent_list.itemActivated.emit(row)
    doc_env.until(lambda: window.document.document_id() == waiting, what="the document")
