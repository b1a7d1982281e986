"""Full-text search: the character index for terms of every length (title, 文号, 正文 and
opinions alike), LIKE for ASCII punctuation (on title and 文号 for short terms, on every text
for longer ones the index found)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

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
    office.store.put_records("document", [replace(numbered, doc_number="萍府发〔2023〕21号")])
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


def test_one_or_two_characters_are_found_in_every_field(library: Office) -> None:
    store = library.store
    assert _ids(store, "通知") == ["doc-2"]  # title
    assert _ids(store, "21") == ["doc-1"]  # 文号
    assert _ids(store, "入汛") == ["doc-2"]  # 正文
    assert _ids(store, "度汛") == ["doc-2"]  # an opinion
    assert _ids(store, "汛") == ["doc-2"]
    assert _ids(store, "政务") == ["doc-1"]
    assert _ids(store, "关于") == ["doc-3", "doc-2"]
    hit = store.search("通知")[0]
    assert hit.snippet == f"关于做好防汛抗旱工作的{SNIPPET_START}通知{SNIPPET_END}"


def test_a_short_word_found_in_the_text_shows_where(library: Office) -> None:
    (hit,) = library.store.search("入汛")
    assert hit.title == "关于做好防汛抗旱工作的通知"
    assert hit.snippet == f"各县区：{SNIPPET_START}入汛{SNIPPET_END}以来……"
    (hit,) = library.store.search("度汛")
    assert f"{SNIPPET_START}度汛{SNIPPET_END}" in hit.snippet and "水库" in hit.snippet


def test_short_words_do_not_run_across_fields_or_punctuation(library: Office) -> None:
    store = library.store
    assert _ids(store, "知各") == []  # the end of a title and the start of its 正文
    assert _ids(store, "区入") == []  # either side of a "："
    assert _ids(store, "稿注") == []  # either side of a "，"
    assert _ids(store, "01") == []  # "100%覆盖" holds "10" and "00", not "01" across "0%"
    assert _ids(store, "0覆") == []
    assert _ids(store, "%覆") == []  # ASCII punctuation: LIKE over title and 文号 only


def test_a_rewritten_document_is_found_by_its_new_words_only(library: Office,
                                                             check_fts: Any) -> None:
    store = library.store
    old = store.get_document("doc-1")
    assert old is not None
    store.put_records("document",
                      [replace(old, body="加快推进信息化项目验收。", version=old.version + 1)])
    assert _ids(store, "网通") == []
    assert _ids(store, "验收") == ["doc-1"]
    check_fts(store)


def test_several_terms_must_all_match(library: Office) -> None:
    assert _ids(library.store, "数字政府 总体方案") == ["doc-1"]
    assert _ids(library.store, "数字政府 防汛抗旱") == []
    assert _ids(library.store, "防汛抗旱 通知") == ["doc-2"]  # a trigram and a short term
    assert _ids(library.store, "入汛 度汛") == ["doc-2"]
    assert _ids(library.store, "入汛 政务") == []
    assert _ids(library.store, "数字政府 入汛") == []


def test_case_and_special_characters_are_plain_text(library: Office) -> None:
    assert _ids(library.store, "python") == ["doc-3"]
    assert _ids(library.store, "Py") == ["doc-3"]
    assert _ids(library.store, "on") == ["doc-3"]
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


def test_long_terms_with_ascii_punctuation_match_exactly(office: Office) -> None:
    office.draft(title="关于A-B项目的请示", body="编号2023-01-05")
    office.draft(title="关于A.B项目的请示", body="编号2023/01/05")
    assert _ids(office.store, "A-B项目") == ["doc-1"]
    assert _ids(office.store, "a.b") == ["doc-2"]  # ASCII case folds, as before
    assert _ids(office.store, "2023-01") == ["doc-1"]
    assert _ids(office.store, "3/01/0") == ["doc-2"]
    assert _ids(office.store, "项目的请示") == ["doc-2", "doc-1"]
