"""A pulled record whose trace breaks the server's hash chain shows a red line in its pane."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from officeapp.store import PulledChange, PullPage
from officeapp.tracechain import chain
from officeapp.workflow import ActionKind
from officeapp.workflow.codec import document_to_dict
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_loop
from ui.documents.document_view import DocumentView

__all__ = ["doc_env", "doc_loop"]  # fixtures used by the tests below


def _pulled(env: DocEnv, document_id: str, *, tamper: bool) -> None:
    """Pull a copy of a walked document as the server would send it (with its chain hashes),
    its second opinion changed after the server chained it when `tamper`."""
    walked = env.document(env.draft())
    env.act(walked.id, "office.clerk", ActionKind.APPROVE, opinion="请审核")
    env.act(walked.id, "office.reviewer", ActionKind.APPROVE, opinion="文字已核，拟同意")
    data = document_to_dict(replace(env.document(walked.id), id=document_id))
    data["trace_hashes"] = chain("document", document_id, data["trace"])
    if tamper:
        trace: list[dict[str, Any]] = [dict(e) for e in data["trace"]]
        trace[1]["opinion"] = "同意，请速办"
        data["trace"] = trace
    cursor = env.worker.call(env.store.get_cursor) + 1
    env.worker.call(env.store.apply_pull, PullPage(cursor=cursor, last_mutation_id=0, changes=[
        PulledChange("document", document_id, "put", data)]))


def _view(env: DocEnv, document_id: str) -> DocumentView:
    view = DocumentView(env.ctx("office.clerk"))
    env.keep(view)
    view.resize(900, 760)
    view.show()
    view.show_document(document_id)
    env.until(lambda: view.snapshot is not None and view.snapshot.document.id == document_id,
              what="the document to load")
    return view


def test_a_tampered_pulled_document_shows_the_banner(doc_env: DocEnv) -> None:
    _pulled(doc_env, "pulled-tampered", tamper=True)
    view = _view(doc_env, "pulled-tampered")
    assert view.trace_banner.isVisible()
    assert view.trace_banner.text() == (
        "留痕校验失败：第2条记录与服务器的哈希链不符，可能已被篡改，请联系管理员")


def test_a_clean_pulled_document_shows_none(doc_env: DocEnv) -> None:
    _pulled(doc_env, "pulled-clean", tamper=False)
    view = _view(doc_env, "pulled-clean")
    assert not view.trace_banner.isVisible()
    assert view.trace_banner.isHidden()
