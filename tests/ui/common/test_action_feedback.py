"""The message bar after an action: what happened, to whom, and 撤销 while the rules allow it
(issue 17, defect 9) — in the real main window, against a real store, no server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from officeapp.workflow import ActionKind
from tests.ui.doc_fixtures import NOTICE, DocEnv, doc_env, doc_idle, doc_loop
from tests.ui.meetings import test_meetings_ui as meetings
from ui.app import TRANSLATIONS
from ui.common import feedback
from ui.common.feedback import Feedback, FeedbackBar
from ui.common.qt import QCoreApplication, Qt, QTranslator
from ui.documents.document_view import DocumentView
from ui.main_window import MainWindow

__all__ = ["doc_env", "doc_idle", "doc_loop"]  # fixtures used by the tests below

TITLE = NOTICE["title"]
POOL = "市政府办公室（办文人员、领导）"  # who may take up 核稿: the drafting unit's pool

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"),  # offscreen says so on show()
              pytest.mark.usefixtures("doc_idle")]



def _window(env: DocEnv, username: str, document_id: str) -> MainWindow:
    window = MainWindow(env.ctx(username))
    env.keep(window)
    window.resize(1280, 720)
    window.show()
    env.until(lambda: window.model.rowCount() > 0 or window.document.snapshot is not None,
              what="the inbox to load")
    window.document.show_document(document_id)
    env.until(lambda: window.document.snapshot is not None
              and window.document.snapshot.document.id == document_id
              and window.document.opinion.isEnabled(), what="the document to load")
    return window


def _in_todo(window: MainWindow, document_id: str) -> bool:
    rows = range(window.model.rowCount())
    return document_id in {window.model.document_id(r) for r in rows}


def _act(window: MainWindow, kind: str) -> FeedbackBar:
    """Click an action's button; return the window's bar, where the result shows."""
    window.document.buttons[kind].click()
    return window.feedback_bar


def _shown(env: DocEnv, bar: FeedbackBar, text: str) -> str:
    env.until(lambda: not bar.isHidden() and text in bar.message.text(), what=f"“{text}”")
    return bar.message.text()


def test_sending_for_review_says_to_whom_and_undo_withdraws_it(doc_env: DocEnv) -> None:
    doc = doc_env.draft()
    window = _window(doc_env, "office.clerk", doc)
    window.select("todo")
    doc_env.until(lambda: _in_todo(window, doc), what="the draft in 待办")
    window.document.show_document(doc)
    doc_env.until(lambda: "approve" in window.document.buttons, what="送核稿")
    window.document.opinion.edit.setPlainText("请审核")

    bar = _act(window, "approve")
    text = _shown(doc_env, bar, "已送核稿")
    assert text == f"已送核稿：{TITLE} → {POOL}（待上传）"  # no server: queued offline
    assert bar.undo_offered() and not bar.undo_button.isHidden()
    assert bar.undo_button.text() == "撤销"
    assert bar.accessibleName() == "操作结果" and bar.accessibleDescription() == text
    doc_env.until(lambda: not _in_todo(window, doc), what="the document to leave 待办")
    assert doc_env.document(doc).step == "review"

    bar.undo_button.click()
    _shown(doc_env, bar, "已撤回")
    assert bar.message.text() == f"已撤回：{TITLE}，已回到您的待办（待上传）"
    assert not bar.undo_offered()  # no undo of an undo
    document = doc_env.document(doc)
    assert document.step == "draft"
    assert [h.person_id for h in document.holders] == ["p-office.clerk"]
    last = document.trace[-1]
    assert last.action is ActionKind.WITHDRAW and last.actor_id == "p-office.clerk"
    assert document.trace[-2].action is ActionKind.APPROVE  # both stay on the record (留痕)
    assert [m.args["action"]["kind"] for m in doc_env.outbox()
            if m.name == "document.act"] == ["approve", "withdraw"]
    doc_env.until(lambda: _in_todo(window, doc), what="the draft back in 待办")
    # The pane shows the document again, with the opinion sent back in the box.
    doc_env.until(lambda: window.document.document_id() == doc
                  and window.document.opinion.text() == "请审核",
                  what="the opinion back in the box")
    doc_env.until(lambda: _draft(doc_env, doc) == "请审核", what="the opinion kept as a draft")


def _draft(env: DocEnv, document_id: str) -> str:
    draft = env.worker.call(lambda: env.store.get_opinion_draft(
        document_id=document_id, person_id="p-office.clerk"))
    return draft.text if draft else ""


def test_undo_in_a_pane_still_showing_the_document_puts_the_opinion_back(
        doc_env: DocEnv) -> None:
    doc = doc_env.draft()
    view = DocumentView(doc_env.ctx("office.clerk"))
    doc_env.keep(view)
    bar = FeedbackBar(view)
    view.feedback.connect(bar.show_feedback)
    view.show_document(doc)
    doc_env.until(lambda: "approve" in view.buttons and view.opinion.isEnabled(),
                  what="the draft to load")
    view.opinion.edit.setPlainText("请审核")
    view.buttons["approve"].click()
    _shown(doc_env, bar, "已送核稿")
    doc_env.until(lambda: "withdraw" in view.buttons, what="the pane to show 核稿")
    assert view.opinion.text() == ""

    bar.undo()
    _shown(doc_env, bar, "已撤回")
    doc_env.until(lambda: "approve" in view.buttons, what="the pane back at 拟稿")
    assert view.opinion.text() == "请审核"
    doc_env.until(lambda: _draft(doc_env, doc) == "请审核", what="the opinion kept as a draft")


def test_the_bar_and_its_undo_go_after_the_timeout(doc_env: DocEnv,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feedback, "SHOW_SECONDS", 0.3)
    doc = doc_env.draft()
    window = _window(doc_env, "office.clerk", doc)
    bar = _act(window, "approve")
    _shown(doc_env, bar, "已送核稿")
    assert bar.undo_offered()

    doc_env.until(lambda: bar.isHidden(), timeout=5, what="the bar to go")
    assert not bar.undo_offered()
    bar.undo()  # a late Ctrl+Z does nothing
    doc_env.settle(0.2)
    assert doc_env.document(doc).step == "review"
    # The rules still allow the withdrawal: the pane offers 撤回 for as long as they do.
    window.document.show_document(doc)
    doc_env.until(lambda: "withdraw" in window.document.buttons, what="撤回 in the pane")


def test_numbering_may_not_be_withdrawn_so_no_undo(doc_env: DocEnv) -> None:
    doc = doc_env.draft()
    doc_env.act(doc, "office.clerk", ActionKind.APPROVE)
    doc_env.act(doc, "office.reviewer", ActionKind.APPROVE)
    doc_env.act(doc, "office.leader", ActionKind.APPROVE)
    assert doc_env.document(doc).step == "number"
    window = _window(doc_env, "office.clerk", doc)

    bar = _act(window, "approve")
    text = _shown(doc_env, bar, "已编号")
    assert text.startswith(f"已编号：{TITLE} → ")
    assert not bar.undo_offered() and bar.undo_button.isHidden()


def test_a_return_says_to_whom_without_undo(doc_env: DocEnv) -> None:
    doc = doc_env.draft()
    doc_env.act(doc, "office.clerk", ActionKind.APPROVE)
    window = _window(doc_env, "office.reviewer", doc)
    window.document.opinion.edit.setPlainText("请补充依据")
    window.document.trigger(ActionKind.RETURN)
    dialog = window.document.dialog
    assert dialog is not None
    dialog.accept()

    bar = window.feedback_bar
    text = _shown(doc_env, bar, "已退回")
    assert text == f"已退回：{TITLE} → 李文书（待上传）"
    assert not bar.undo_offered()


def test_undo_refused_says_why(doc_env: DocEnv) -> None:
    doc = doc_env.draft()
    window = _window(doc_env, "office.clerk", doc)
    bar = _act(window, "approve")
    _shown(doc_env, bar, "已送核稿")
    doc_env.act(doc, "office.reviewer", ActionKind.CLAIM)  # the reviewer took it meanwhile

    bar.undo_button.click()
    text = _shown(doc_env, bar, "未能撤销")
    assert text == "未能撤销：下一环节已有人办理，不能撤回；如需修改，请联系当前办理人退回"
    assert not bar.undo_offered()
    assert "background: #fdecea" in bar.styleSheet()  # shown as a refusal
    assert doc_env.document(doc).step == "review"


def test_ctrl_z_undoes_while_the_bar_shows(doc_env: DocEnv, qtbot: object) -> None:
    doc = doc_env.draft()
    window = _window(doc_env, "office.clerk", doc)
    window.activateWindow()
    qtbot.waitActive(window)  # type: ignore[attr-defined]  # shortcuts need an active window
    window.table.setFocus()
    bar = _act(window, "approve")
    _shown(doc_env, bar, "已送核稿")

    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Z,  # type: ignore[attr-defined]
                   Qt.KeyboardModifier.ControlModifier)
    _shown(doc_env, bar, "已撤回")
    assert doc_env.document(doc).step == "draft"


def test_alt_z_undoes_from_the_opinion_box(doc_env: DocEnv, qtbot: object) -> None:
    """Ctrl+Z in a text box undoes typing there; Alt+Z still reaches the bar."""
    doc = doc_env.draft()
    window = _window(doc_env, "office.clerk", doc)
    window.activateWindow()
    qtbot.waitActive(window)  # type: ignore[attr-defined]
    window.document.opinion.edit.setFocus()
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Return,  # type: ignore[attr-defined]
                   Qt.KeyboardModifier.ControlModifier)
    bar = window.feedback_bar
    _shown(doc_env, bar, "已送核稿")

    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Z,  # type: ignore[attr-defined]
                   Qt.KeyboardModifier.AltModifier)
    _shown(doc_env, bar, "已撤回")
    assert doc_env.document(doc).step == "draft"


def test_a_meeting_action_says_what_was_done(doc_env: DocEnv) -> None:
    meeting_id = meetings.create(doc_env, start=meetings.tomorrow_at(15))
    view = meetings.view_of(doc_env, meetings.SECRETARY, meeting_id)
    said: list[Feedback] = []
    view.feedback.connect(said.append)

    view.buttons["book"].click()
    doc_env.until(lambda: said, what="the meeting's feedback")
    assert said[0].text == f"已办理“预订会议室”：{meetings.TITLE}（待上传）"
    assert said[0].undo is None and not said[0].error


@pytest.fixture
def english(qapp: object) -> Iterator[None]:
    """The English catalogue installed for one test."""
    translator = QTranslator()
    assert translator.load("officeapp_en", str(TRANSLATIONS))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_the_bar_speaks_english(english: None) -> None:
    bar = FeedbackBar()  # never shown: a last window closing would end the test's loop
    assert bar.undo_button.text() == "Undo"
    assert bar.accessibleName() == "Action result"
    assert QCoreApplication.translate("", "已送核稿") == "Sent for review"
    assert QCoreApplication.translate("", "（待上传）") == " (waiting to upload)"
    bar.deleteLater()
