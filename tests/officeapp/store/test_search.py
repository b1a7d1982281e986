"""Full-text search: trigram FTS for 3+ characters, LIKE on title and number below that."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pytest

from officeapp.errors import ValidationError
from officeapp.store import SNIPPET_END, SNIPPET_START, LocalStore

if TYPE_CHECKING:
    from conftest import Office


@pytest.fixture
def library(office: Office) -> Office:
    """Three documents: one numbered, one with an opinion worth finding."""
    plan = office.draft(title="萍乡市数字政府建设总体方案", body="统筹推进政务服务一网通办。")
    numbered = office.store.get_document(plan)
    assert numbered is not None
    office.store.put_documents([replace(numbered, doc_number="萍府发〔2023〕21号")])
    flood = office.draft(title="关于做好防汛抗旱工作的通知", body="各县区：入汛以来……")
    office.accept(flood, "office.clerk", "approve", opinion="请核稿，注意水库安全度汛")
    office.draft(title="关于申请Python培训经费的请示", body="拟组织100%覆盖的培训_班")
    return office


def _ids(store: LocalStore, text: str) -> list[str]:
    return [hit.id for hit in store.search(text)]


def test_chinese_substrings_are_found(library: Office) -> None:
    assert _ids(library.store, "数字政府") == ["doc-1"]
    assert _ids(library.store, "政府建设总体") == ["doc-1"]
    assert _ids(library.store, "一网通办") == ["doc-1"]  # body
    assert _ids(library.store, "防汛抗旱工作") == ["doc-2"]


def test_a_doc_number_substring_is_found(library: Office) -> None:
    assert _ids(library.store, "〔2023〕21") == ["doc-1"]
    assert _ids(library.store, "萍府发〔2023〕21号") == ["doc-1"]
    hit = library.store.search("〔2023〕21")[0]
    assert (hit.title, hit.doc_number) == ("萍乡市数字政府建设总体方案", "萍府发〔2023〕21号")


def test_opinions_are_searchable(library: Office) -> None:
    (hit,) = library.store.search("水库安全")
    assert hit.id == "doc-2"
    assert f"{SNIPPET_START}水库安全{SNIPPET_END}" in hit.snippet


def test_one_or_two_characters_search_titles_and_numbers_with_like(library: Office) -> None:
    assert _ids(library.store, "通知") == ["doc-2"]
    assert _ids(library.store, "21") == ["doc-1"]  # doc number
    assert _ids(library.store, "入汛") == []  # body text needs 3+ characters
    hit = library.store.search("通知")[0]
    assert hit.snippet == f"关于做好防汛抗旱工作的{SNIPPET_START}通知{SNIPPET_END}"


def test_several_terms_must_all_match(library: Office) -> None:
    assert _ids(library.store, "数字政府 总体方案") == ["doc-1"]
    assert _ids(library.store, "数字政府 防汛抗旱") == []
    assert _ids(library.store, "防汛抗旱 通知") == ["doc-2"]  # an FTS term and a LIKE term


def test_case_and_special_characters_are_plain_text(library: Office) -> None:
    assert _ids(library.store, "python") == ["doc-3"]
    assert _ids(library.store, '"python" OR x*') == []
    assert _ids(library.store, "%") == []  # LIKE wildcards match themselves only
    assert _ids(library.store, "_") == []
    assert _ids(library.store, "100%覆盖") == ["doc-3"]


def test_results_are_newest_first_and_paged(office: Office) -> None:
    for n in range(5):
        office.draft(title=f"关于安全生产检查的通知{n}")
    store = office.store
    assert _ids(store, "安全生产") == [f"doc-{n}" for n in (5, 4, 3, 2, 1)]
    assert [h.id for h in store.search("安全生产", limit=2, offset=2)] == ["doc-3", "doc-2"]
    assert store.search("安全生产", offset=10) == []


def test_empty_and_unreasonable_queries(library: Office) -> None:
    assert library.store.search("") == []
    assert library.store.search("   ") == []
    with pytest.raises(ValidationError):
        library.store.search("长" * 201)
    with pytest.raises(ValidationError):
        library.store.search("数字政府", limit=0)
