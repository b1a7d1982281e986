"""校对 in the document pane (issue 15, item 7): what pasted text gets wrong is shown at 拟稿,
核稿 and 签发; the chosen fixes become one 修改 in the trace; before 签发 the findings go into
the opinion. A real store, no server."""

from __future__ import annotations

from officeapp.workflow import ActionKind
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_loop
from ui.documents.document_view import DocumentView
from ui.documents.proofread_dialog import ProofreadDialog

__all__ = ["doc_env", "doc_loop"]  # fixtures used by the tests below

PASTED = "各单位,请于2026.12.6前报送;逾期不报的，予以通报。"
FIXED = "各单位，请于2026年12月6日前报送；逾期不报的，予以通报。"


def _view(env: DocEnv, username: str, document_id: str) -> DocumentView:
    view = DocumentView(env.ctx(username))
    env.keep(view)
    view.resize(900, 700)
    view.show()
    view.show_document(document_id)
    env.until(lambda: view.snapshot is not None and view.snapshot.document.id == document_id,
              what="the document to load")
    return view


def _dialog(env: DocEnv, view: DocumentView) -> ProofreadDialog:
    assert not view.proofread_button.isHidden()
    view.proofread_button.click()
    env.until(lambda: isinstance(view.dialog, ProofreadDialog), what="the 校对 dialog")
    assert isinstance(view.dialog, ProofreadDialog)
    return view.dialog


def test_the_drafter_fixes_what_was_found_as_one_edit(doc_env: DocEnv) -> None:
    doc = doc_env.draft(body=PASTED)
    view = _view(doc_env, "office.clerk", doc)
    assert view.proofread_button.text() == "校对（3处）"
    dialog = _dialog(doc_env, view)
    assert dialog.table.rowCount() == 3
    assert [dialog.table.item(r, 2).text() for r in range(3)] == [  # type: ignore[union-attr]
        "各单位【，】请于20", "位,请于【2026年12月6日】前报送;", "6前报送【；】逾期不报"]
    assert not dialog.fix_button.isHidden()
    dialog.fix_button.click()
    doc_env.until(lambda: doc_env.document(doc).body == FIXED, what="the fixed body")
    trace = doc_env.document(doc).trace
    assert trace[-1].action.value == "edit"
    doc_env.until(lambda: view.snapshot is not None and view.snapshot.document.body == FIXED,
                  what="the pane to show the fixed text")
    assert view.proofread_button.isHidden()  # nothing left to find


def test_only_the_ticked_findings_are_fixed(doc_env: DocEnv) -> None:
    doc = doc_env.draft(body=PASTED)
    dialog = _dialog(doc_env, _view(doc_env, "office.clerk", doc))
    item = dialog.table.item(1, 0)
    assert item is not None
    item.setCheckState(item.checkState().Unchecked)  # keep the date as it is
    dialog.fix_button.click()
    doc_env.until(lambda: doc_env.document(doc).body != PASTED, what="the edit")
    assert doc_env.document(doc).body == "各单位，请于2026.12.6前报送；逾期不报的，予以通报。"


def test_before_signing_the_findings_go_into_the_opinion(doc_env: DocEnv) -> None:
    doc = doc_env.draft(body=PASTED)
    doc_env.act(doc, "office.clerk", ActionKind.APPROVE, opinion="请审核")
    doc_env.act(doc, "office.reviewer", ActionKind.APPROVE, opinion="拟同意")
    view = _view(doc_env, "office.leader", doc)
    doc_env.until(lambda: view.opinion.isEnabled(), what="the opinion box")
    dialog = _dialog(doc_env, view)
    assert dialog.fix_button.isHidden()  # 签发 cannot change the text: return it instead
    dialog.opinion_button.click()
    text = view.opinion.text()
    assert text.startswith("校对意见：")
    assert "正文“各单位【,】请于2026.1”" in text and "建议改为“，”" in text
    assert doc_env.document(doc).body == PASTED  # nothing changed by itself


def test_nothing_is_offered_to_who_does_not_hold_it_or_when_clean(doc_env: DocEnv) -> None:
    doc = doc_env.draft(body=PASTED)
    assert _view(doc_env, "office.reviewer", doc).proofread_button.isHidden()  # not theirs
    clean = doc_env.draft()
    assert _view(doc_env, "office.clerk", clean).proofread_button.isHidden()
