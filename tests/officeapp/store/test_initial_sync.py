"""A large initial sync stores its pages without indexing text; the index then catches up in
slices, and every write meanwhile leaves it exactly right."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS
from officeapp.org import Organisation
from officeapp.store import LocalStore, PulledChange, PullPage
from officeapp.workflow import Document
from officeapp.workflow.codec import document_to_dict

from ...flows import Flow, to_step
from .conftest import Office

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def at_review(count: int) -> list[Document]:
    """Return documents at 核稿 with distinct ids and findable titles."""
    flow = Flow(Organisation(DEMO_UNITS, DEMO_PEOPLE), START)
    base = to_step(flow, "review")
    return [replace(base, id=f"pulled-{i}", title=f"关于第{i:03d}号专项检查的通知")
            for i in range(count)]


def page(documents: list[Document], cursor: int, *, has_more: bool) -> PullPage:
    changes = [PulledChange("document", d.id, "put", document_to_dict(d)) for d in documents]
    return PullPage(cursor=cursor, last_mutation_id=0, changes=changes, has_more=has_more)


def initial_sync(store: LocalStore, documents: list[Document], size: int = 10) -> None:
    """Apply `documents` as the pages of an initial sync."""
    for start in range(0, len(documents), size):
        end = start + size
        store.apply_pull(page(documents[start:end], end, has_more=end < len(documents)))


def found(store: LocalStore, text: str) -> set[str]:
    return {hit.id for hit in store.search(text, limit=500)}


def index_matches_content(store: LocalStore) -> None:
    """Check the index against a fresh one built from the content view, term by position
    (FTS5's own content check cannot read a view that uses json_each)."""
    conn = store.db.conn
    conn.execute("CREATE VIRTUAL TABLE temp.fresh USING fts5(title, doc_number, body, opinions,"
                 " tokenize='trigram')")
    conn.execute("INSERT INTO temp.fresh (rowid, title, doc_number, body, opinions)"
                 " SELECT doc_key, title, doc_number, body, opinions FROM documents_fts_content")
    conn.execute("CREATE VIRTUAL TABLE temp.kept_terms USING fts5vocab(main, documents_fts,"
                 " instance)")
    conn.execute("CREATE VIRTUAL TABLE temp.fresh_terms USING fts5vocab(temp, fresh, instance)")
    query = "SELECT term, doc, col, offset FROM temp.{} ORDER BY 1, 2, 3, 4"
    try:
        kept = conn.execute(query.format("kept_terms")).fetchall()
        assert kept == conn.execute(query.format("fresh_terms")).fetchall()
        assert kept, "an empty index proves nothing"
    finally:
        for table in ("kept_terms", "fresh_terms", "fresh"):
            conn.execute(f"DROP TABLE temp.{table}")


def finish(store: LocalStore, limit: int = 7) -> int:
    """Let the index catch up; return how many slices it took."""
    slices = 1
    while not store.index_text(limit=limit):
        slices += 1
    return slices


def test_an_initial_sync_indexes_text_after_its_pages(
        store: LocalStore, check_fts: Callable[[LocalStore], None]) -> None:
    documents = at_review(30)
    initial_sync(store, documents)
    assert store.document_count() == 30
    assert found(store, "专项检查") == set()  # not indexed yet: the rows came first
    assert finish(store) == 5
    assert found(store, "专项检查") == {d.id for d in documents}
    assert found(store, "第017号") == {"pulled-17"}
    check_fts(store)
    index_matches_content(store)
    assert store.index_text() is True  # nothing left: a no-op


def test_writes_while_the_index_catches_up_keep_it_exact(
        office: Office, check_fts: Callable[[LocalStore], None]) -> None:
    store = office.store
    documents = at_review(30)
    initial_sync(store, documents)
    assert store.index_text(limit=10) is False  # doc_keys 1–10 indexed, 11–30 not yet
    office.accept("pulled-4", "office.reviewer", "approve", opinion="早页核稿意见甲")
    office.accept("pulled-24", "office.reviewer", "approve", opinion="晚页核稿意见乙")
    store.delete_documents(["pulled-2", "pulled-27"])
    new = office.draft(title="关于追加防汛物资的请示")
    store.apply_pull(page([replace(documents[6], title="关于第006号专项检查的更正通知")], 31,
                          has_more=False))
    finish(store)
    check_fts(store)
    index_matches_content(store)
    assert found(store, "早页核稿意见甲") == {"pulled-4"}
    assert found(store, "晚页核稿意见乙") == {"pulled-24"}
    assert found(store, "专项检查") == {d.id for d in documents} - {"pulled-2", "pulled-27"}
    assert found(store, "更正通知") == {"pulled-6"}
    assert found(store, "防汛物资") == {new}


def test_indexing_resumes_after_a_restart(db_path: Path, store: LocalStore,
                                          check_fts: Callable[[LocalStore], None]) -> None:
    documents = at_review(25)
    initial_sync(store, documents, size=5)
    assert store.index_text(limit=10) is False
    store.close()
    with LocalStore.open(db_path) as reopened:
        finish(reopened)
        assert found(reopened, "专项检查") == {d.id for d in documents}
        check_fts(reopened)
        index_matches_content(reopened)


def test_a_small_first_sync_is_indexed_as_it_lands(store: LocalStore) -> None:
    documents = at_review(5)
    initial_sync(store, documents, size=10)  # one page: nothing to catch up
    assert found(store, "专项检查") == {d.id for d in documents}
    assert store.index_text() is True
