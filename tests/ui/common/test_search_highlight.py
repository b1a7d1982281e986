"""Searching from the main window (issue 17, defect 3): a two-character word found in 正文 and
opinions, its matches marked in the list and in the document, and an empty result clearing
the document pane. A real store, the real main window, no server."""

from __future__ import annotations

import pytest

from officeapp.workflow import ActionKind
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_idle, doc_loop
from ui.common import highlight
from ui.inbox_model import HTML_ROLE
from ui.main_window import MainWindow

__all__ = ["doc_env", "doc_idle", "doc_loop"]  # fixtures used by the tests below

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"),  # offscreen says so on show()
              pytest.mark.usefixtures("doc_idle")]
MARK = f'<span style="{highlight.MARK_STYLE}">'



def _window(env: DocEnv) -> MainWindow:
    window = MainWindow(env.ctx("office.clerk"))
    env.keep(window)
    window.resize(1280, 720)
    window.show()
    window.select("mine")
    return window


def _search(env: DocEnv, window: MainWindow, text: str) -> list[str]:
    window.filters.search.setText(text)
    env.until(lambda: window.model.filters.text == text.strip()
              and not window.model.refreshing(),
              what=f"the search for {text}")
    return [window.model.document_id(r) or "" for r in range(window.model.rowCount())]


def _marked(html: str, word: str) -> bool:
    """Return whether Qt's HTML of a text browser shows `word` marked."""
    return f'background-color:#ffe58f;">{word}</span>' in html


def test_a_two_character_word_in_the_text_is_found_and_marked(doc_env: DocEnv) -> None:
    flood = doc_env.draft(title="关于做好防汛工作的通知", body="各县区：入汛以来，降雨偏多。")
    other = doc_env.draft(title="关于开展安全生产检查的通知", body="请各单位认真组织。")
    doc_env.act(other, "office.clerk", ActionKind.APPROVE, opinion="请核稿，注意经营单位")
    window = _window(doc_env)

    assert _search(doc_env, window, "入汛") == [flood]  # 正文
    html = window.model.index(0, 0).data(HTML_ROLE)
    assert html.startswith("关于做好防汛工作的通知")  # the title, then where it matched
    assert f"{MARK}入汛</span>" in html

    assert _search(doc_env, window, "经营") == [other]  # an opinion
    assert f"{MARK}经营</span>" in window.model.index(0, 0).data(HTML_ROLE)

    assert sorted(_search(doc_env, window, "通知")) == sorted([other, flood])
    marked = {window.model.index(r, 0).data(HTML_ROLE) for r in range(2)}  # in the titles
    assert marked == {f"关于开展安全生产检查的{MARK}通知</span>",
                      f"关于做好防汛工作的{MARK}通知</span>"}

    window.document.show_document(other)
    doc_env.until(lambda: window.document.snapshot is not None, what="the document")
    _search(doc_env, window, "经营")
    doc_env.until(lambda: _marked(window.document.route.toHtml(), "经营"),
                  what="the opinion marked")
    assert window.document.title.text() == "关于开展安全生产检查的通知"  # no match there
    _search(doc_env, window, "检查")
    doc_env.until(lambda: MARK in window.document.title.text(), what="the title marked")

    _search(doc_env, window, "")  # the search cleared: nothing marked any more
    doc_env.until(lambda: window.document.title.text() == "关于开展安全生产检查的通知",
                  what="the marks gone")
    assert window.model.index(0, 0).data(HTML_ROLE) is None


def test_nothing_found_clears_the_document_pane(doc_env: DocEnv) -> None:
    shown = doc_env.draft(title="关于做好防汛工作的通知")
    window = _window(doc_env)
    doc_env.until(lambda: window.model.rowCount() == 1, what="the draft listed")
    window.table.selectRow(0)
    doc_env.until(lambda: window.document.document_id() == shown, what="the document shown")

    assert _search(doc_env, window, "并无此词") == []
    doc_env.until(lambda: window.document.document_id() is None, what="the pane cleared")
    assert window.document.pages.currentIndex() == 0


def test_another_folder_does_not_go_on_showing_the_last_one_s_document(
        doc_env: DocEnv) -> None:
    """Switching to 知会我的 (or any other list) must not leave a document of 我发起的 in the
    pane beside a list it is not in."""
    shown = doc_env.draft(title="关于做好防汛工作的通知")
    window = _window(doc_env)
    doc_env.until(lambda: window.model.rowCount() == 1, what="the draft listed")
    window.table.selectRow(0)
    doc_env.until(lambda: window.document.document_id() == shown, what="the document shown")

    window.select("informed")
    doc_env.until(lambda: not window.model.refreshing(), what="the other list")
    assert window.document.document_id() is None
    window.select("mine")
    doc_env.until(lambda: not window.model.refreshing(), what="back to the first list")
    assert window.document.document_id() is None  # nothing chosen yet in this visit
