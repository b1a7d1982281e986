"""A large initial sync indexes the text of every page as it lands, but merges the index's
segments once, when its last page lands; every write meanwhile leaves the index exact."""

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
from .conftest import check_fts as check_both_indexes

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
    """Check the index against the content view, token by position (FTS5's own content
    check cannot read a contentless index)."""
    check_both_indexes(store)


def merging(store: LocalStore, index: str = "documents_chars") -> tuple[int, int]:
    """FTS5's automerge setting and how many segments a text index has."""
    conn = store.db.conn
    row = conn.execute(f"SELECT v FROM {index}_config WHERE k = 'automerge'").fetchone()
    segments = conn.execute(f"SELECT count(DISTINCT segid) FROM {index}_idx").fetchone()[0]
    return (4 if row is None else int(row[0])), int(segments)


def test_an_initial_sync_indexes_each_page_and_merges_at_the_end(
        store: LocalStore, check_fts: Callable[[LocalStore], None]) -> None:
    documents = at_review(30)
    store.apply_pull(page(documents[:10], 10, has_more=True))
    assert found(store, "专项检查") == {d.id for d in documents[:10]}  # searchable at once
    store.apply_pull(page(documents[10:20], 20, has_more=True))
    assert merging(store) == (0, 2)  # a segment per page, none merged meanwhile
    assert store.get_meta("text_merge_later") == "1"
    store.apply_pull(page(documents[20:], 30, has_more=False))
    assert merging(store) == (4, 1)  # merged once; FTS5 merges as usual from now on
    assert store.get_meta("text_merge_later") is None
    assert found(store, "专项检查") == {d.id for d in documents}
    assert found(store, "第017号") == {"pulled-17"}
    check_fts(store)
    index_matches_content(store)


def test_writes_during_an_initial_sync_keep_the_index_exact(
        office: Office, check_fts: Callable[[LocalStore], None]) -> None:
    store = office.store
    documents = at_review(30)
    for start in (0, 10):
        store.apply_pull(page(documents[start:start + 10], start + 10, has_more=True))
    office.accept("pulled-4", "office.reviewer", "approve", opinion="早页核稿意见甲")
    store.delete_records("document", ["pulled-2"])
    new = office.draft(title="关于追加防汛物资的请示")
    index_matches_content(store)
    store.apply_pull(page([*documents[20:], replace(documents[6],
                                                    title="关于第006号专项检查的更正通知")],
                          30, has_more=False))
    office.accept("pulled-24", "office.reviewer", "approve", opinion="晚页核稿意见乙")
    store.delete_records("document", ["pulled-27"])
    check_fts(store)
    index_matches_content(store)
    assert found(store, "早页核稿意见甲") == {"pulled-4"}
    assert found(store, "晚页核稿意见乙") == {"pulled-24"}
    assert found(store, "专项检查") == {d.id for d in documents} - {"pulled-2", "pulled-27"}
    assert found(store, "更正通知") == {"pulled-6"}
    assert found(store, "防汛物资") == {new}


def test_an_initial_sync_resumed_after_a_restart_merges_when_it_ends(
        db_path: Path, store: LocalStore, check_fts: Callable[[LocalStore], None]) -> None:
    documents = at_review(25)
    for start in (0, 5, 10):
        store.apply_pull(page(documents[start:start + 5], start + 5, has_more=True))
    store.close()
    with LocalStore.open(db_path) as reopened:
        assert found(reopened, "专项检查") == {d.id for d in documents[:15]}
        assert merging(reopened)[0] == 0  # still loading: kept in the index's own config
        initial_sync_from(reopened, documents, 15)
        assert merging(reopened) == (4, 1)
        assert found(reopened, "专项检查") == {d.id for d in documents}
        check_fts(reopened)
        index_matches_content(reopened)


def initial_sync_from(store: LocalStore, documents: list[Document], start: int,
                      size: int = 5) -> None:
    for first in range(start, len(documents), size):
        end = first + size
        store.apply_pull(page(documents[first:end], end, has_more=end < len(documents)))


def test_a_small_first_sync_leaves_merging_alone(store: LocalStore) -> None:
    documents = at_review(5)
    initial_sync(store, documents, size=10)  # one page
    assert found(store, "专项检查") == {d.id for d in documents}
    assert merging(store) == (4, 1)
    assert store.get_meta("text_merge_later") is None


def test_later_syncs_leave_merging_alone(store: LocalStore) -> None:
    documents = at_review(12)
    store.apply_pull(page(documents[:6], 6, has_more=False))
    initial_sync_from(store, documents, 6, size=3)  # cursor > 0: not an initial sync
    assert store.get_meta("text_merge_later") is None
    assert merging(store)[0] == 4
