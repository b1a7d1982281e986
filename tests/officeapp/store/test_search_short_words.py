"""Words of one or two characters, as a property: a search finds exactly the documents that
hold the word in their title, 文号, 正文 or an opinion, whatever the text around it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from officeapp.demo import DEMO_PEOPLE, DEMO_ROOMS, DEMO_UNITS, OFFICE_ID
from officeapp.documents import Direction, DocType
from officeapp.store import SNIPPET_END, SNIPPET_START, LocalStore, search
from officeapp.workflow import ActionKind, Document, TraceEntry

from .conftest import check_fts

WHEN = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
# Chinese, full-width punctuation and space, ASCII letters in both cases, digits, ASCII
# punctuation, spaces and line breaks: every kind of character a field holds.
ALPHABET = "单位经营会议通知，。：〔〕　AaBb01 -%_\n"
WORD_CHARACTERS = [c for c in ALPHABET if not c.isspace() and (not c.isascii() or c.isalnum())]
TERMS = [*WORD_CHARACTERS, *("".join(p) for p in product(WORD_CHARACTERS, repeat=2))]
TEXT = st.text(alphabet=ALPHABET, max_size=16)
FIELDS = st.tuples(TEXT.filter(str.strip), st.text(alphabet=ALPHABET, max_size=6), TEXT,
                   st.lists(TEXT.filter(str.strip), max_size=3))


def _document(number: int, title: str, doc_number: str, body: str,
              opinions: list[str]) -> Document:
    trace = tuple(TraceEntry(seq=seq, step="draft", action=ActionKind.APPROVE,
                             actor_id="p-office.clerk", actor_name="李文书", at=WHEN,
                             opinion=opinion) for seq, opinion in enumerate(opinions, start=1))
    return Document(id=f"doc-{number}", direction=Direction.OUTGOING, doc_type=DocType.NOTICE,
                    title=title, owner_unit_id=OFFICE_ID, created_by="p-office.clerk",
                    created_at=WHEN, step="draft", body=body, doc_number=doc_number or None,
                    trace=trace, version=1, updated_at=WHEN)


def _fold(text: str) -> str:
    """ASCII case folding only, as the index does it."""
    return "".join(c.lower() if c.isascii() else c for c in text)


def _tested_row_by_row(store: LocalStore, term: str) -> list[str]:
    """The documents `search.row_condition` lets through (what an inbox page walking its
    sort order tests the text with), newest first."""
    where, params = search.row_condition(search.parse_query(term))
    rows = store.db.conn.execute(f"SELECT d.id FROM documents AS d WHERE {where}"
                                 " ORDER BY d.doc_key DESC", params)
    return [doc_id for (doc_id,) in rows]


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStore]:
    """One store for every example (opening one runs every migration), emptied by each."""
    with LocalStore.open(tmp_path_factory.mktemp("short") / "store.db") as store:
        store.save_directory(units=DEMO_UNITS, people=DEMO_PEOPLE, rooms=DEMO_ROOMS)
        yield store


@settings(max_examples=40, deadline=None)
@given(st.lists(FIELDS, min_size=1, max_size=6), st.data())
def test_a_short_word_finds_exactly_the_documents_holding_it(
    shared: LocalStore, documents: list[tuple[str, str, str, list[str]]],
    data: st.DataObject,
) -> None:
    store = shared
    store.delete_records("document", [f"doc-{n}" for n in range(10)])
    written = [_document(n, *fields) for n, fields in enumerate(documents)]
    store.put_records("document", written)
    # Rewrite some: the index must forget the old words exactly.
    for number in data.draw(st.lists(st.integers(0, len(written) - 1), max_size=2,
                                     unique=True)):
        written[number] = replace(written[number], body=data.draw(TEXT), version=2)
    store.put_records("document", [w for w in written if w.version == 2])
    check_fts(store)
    for term in TERMS:
        wanted = [d.id for d in reversed(written)
                  if any(_fold(term) in _fold(field) for field in (
                      d.title, d.doc_number or "", d.body,
                      *(e.opinion for e in d.trace)))]
        hits = store.search(term, limit=50)
        assert [h.id for h in hits] == wanted, term
        assert _tested_row_by_row(store, term) == wanted, term
        for hit in hits:
            assert SNIPPET_START in hit.snippet and SNIPPET_END in hit.snippet, (term, hit)


WORD = st.text(alphabet=[c for c in ALPHABET if not c.isspace()], min_size=3, max_size=5)


@settings(max_examples=40, deadline=None)
@given(st.lists(FIELDS, min_size=1, max_size=6), st.lists(WORD, max_size=20), st.data())
def test_a_longer_word_finds_exactly_the_documents_holding_it(
    shared: LocalStore, documents: list[tuple[str, str, str, list[str]]], words: list[str],
    data: st.DataObject,
) -> None:
    """Since version 8 the character index answers words of 3+ characters too (as phrases;
    those with ASCII punctuation are then checked with LIKE): the same property."""
    store = shared
    store.delete_records("document", [f"doc-{n}" for n in range(10)])
    written = [_document(n, *fields) for n, fields in enumerate(documents)]
    store.put_records("document", written)
    texts = [t for d in written for t in (d.title, d.body) if len(t.strip()) >= 3]
    for text in data.draw(st.lists(st.sampled_from(texts), max_size=10)) if texts else ():
        start = data.draw(st.integers(0, len(text) - 3))
        piece = text[start:start + data.draw(st.integers(3, 6))]
        words += [w for w in piece.split() if len(w) >= 3]
    for term in words:
        wanted = [d.id for d in reversed(written)
                  if any(_fold(term) in _fold(field) for field in (
                      d.title, d.doc_number or "", d.body,
                      *(e.opinion for e in d.trace)))]
        hits = store.search(term, limit=50)
        assert [h.id for h in hits] == wanted, term
        assert _tested_row_by_row(store, term) == wanted, term
        for hit in hits:
            assert SNIPPET_START in hit.snippet and SNIPPET_END in hit.snippet, (term, hit)
