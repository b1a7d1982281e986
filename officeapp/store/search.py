"""Full-text search over title, 文号, 正文 and opinions, for words of any length.

One FTS5 index serves it (docs/store.md "Full-text search"): `documents_chars`, one token
per character with positions, so every term is a phrase of its characters ("单位" is the
token 单 followed by the token 位; "数字政府" four tokens in a row). Until schema version 8 a
trigram index answered terms of 3+ characters; it was twice the size of this one (issue 18,
"Store less"). Snippets are made here, from the page's texts.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from officeapp.errors import ValidationError

# Around each highlighted match in a snippet; control characters never occur in real text,
# so the UI can escape the snippet for HTML first and then turn these into <b> and </b>.
SNIPPET_START = "\x02"
SNIPPET_END = "\x03"
# Characters of context on each side of a match in snippets made here (not by FTS5).
SNIPPET_CONTEXT = 14

MAX_QUERY = 200
MAX_PAGE = 500
# Terms shorter than this made only of ASCII punctuation and letters (such as "A-") are
# matched with LIKE on title and 文号; longer ones by the index, then LIKE on every field.
LONG_TERM = 3
# Between the fields of a document in the character index. Not ASCII, so the `ascii`
# tokenizer keeps it as a token of its own, and no phrase runs from one field into the next.
FIELD_BREAK = "\u2029"
# ASCII spaces and punctuation, which the tokenizer would drop without a trace: each run of
# them becomes a FIELD_BREAK, so "单 位" or "A-B" do not read as "单位" or "AB".
_ASCII_GAP = re.compile(r"[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+")
# The SQL name of `index_text`, registered on every store connection (db.connect).
INDEX_TEXT_SQL = "office_index_text"


@dataclass(frozen=True)
class SearchHit:
    """One search result as the result list shows it."""

    id: str
    title: str
    doc_number: str | None
    snippet: str


@dataclass(frozen=True)
class TextQuery:
    """A user's search text, split by what can find each term.

    `chars` is an expression for the character index (every term but short ones of ASCII
    punctuation), `likes` LIKE patterns over title and 文号 for those short ones (such as
    "-"), and `exact` LIKE patterns over all four texts for the longer terms that hold ASCII
    punctuation: the index reads each run of it as one break, so "A-B" also finds "A.B",
    and LIKE keeps what really holds the term.
    """

    chars: str | None
    likes: tuple[str, ...]
    terms: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    # LIKE patterns of the terms the index alone decides (for `row_condition`).
    plain: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """Return whether there is nothing to search for."""
        return self.chars is None and not self.likes


def index_text(title: str, doc_number: str, body: str, opinions: str) -> str:
    """Return what the character index takes for a document: every character spaced out.

    The `ascii` tokenizer splits on ASCII spaces and folds ASCII case; every other character
    (Chinese, full-width punctuation, FIELD_BREAK) is then a token of one character, and a
    1–2 character term matches exactly where it is a substring of one field.
    """
    text = FIELD_BREAK.join((title, doc_number, body, opinions))
    return " ".join(_ASCII_GAP.sub(FIELD_BREAK, text))


def _indexed(char: str) -> bool:
    """Return whether the `ascii` tokenizer keeps `char` as (part of) a token."""
    return not char.isascii() or char.isalnum()


def _quoted(phrase: str) -> str:
    return '"' + phrase.replace('"', '""') + '"'


def parse_query(text: str) -> TextQuery:
    """Split on whitespace: each term becomes a phrase of its characters for the character
    index; short terms it has no tokens for go to LIKE on title and 文号."""
    if len(text) > MAX_QUERY:
        raise ValidationError("search.too_long", f"搜索内容不能超过{MAX_QUERY}个字",
                              length=len(text))
    terms = tuple(dict.fromkeys(text.split()))
    plain = [t for t in terms if all(map(_indexed, t))]
    gapped = [t for t in terms if t not in plain and len(t) >= LONG_TERM]
    odd = [t for t in terms if t not in plain and t not in gapped]
    # Each term is one quoted phrase, so FTS operators typed by the user are plain text; its
    # ASCII punctuation is spaced out as the index's text is (index_text).
    chars = " AND ".join(_quoted(" ".join(_ASCII_GAP.sub(FIELD_BREAK, t)))
                         for t in (*plain, *gapped)) or None
    return TextQuery(chars, tuple(map(_like_pattern, odd)), terms,
                     tuple(map(_like_pattern, gapped)), tuple(map(_like_pattern, plain)))


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def condition(query: TextQuery, alias: str = "d") -> tuple[str, list[Any]]:
    """Return a WHERE fragment on documents `alias` that keeps only matching documents: the
    index's matches, collected once (cheap for a rare term, about a fifth of a second for a
    common one at 1M documents), then the LIKE tests below."""
    parts: list[str] = []
    params: list[Any] = []
    if query.chars is not None:
        parts.append(f"{alias}.doc_key IN (SELECT rowid FROM documents_chars"
                     " WHERE documents_chars MATCH ?)")
        params.append(query.chars)
    sql, like_params = _likes(query.likes, query.exact, alias)
    return " AND ".join([*parts, *sql]), params + like_params


def row_condition(query: TextQuery, alias: str = "d") -> tuple[str, list[Any]]:
    """Return a WHERE fragment that tests one row of documents `alias` at a time for the
    same matches as `condition`, without the index: each term LIKE one of the texts the
    index was made from (the index reads a term as the phrase of its characters within a
    field, ASCII letters of either case, as LIKE does). 10–50 µs a row at 1M documents,
    whatever the term, where the index's own test of one row costs up to milliseconds when
    the rows come in another order than its own (docs/store.md, "Text filters"). No term
    holds a FIELD_BREAK (the index's break between fields, which LIKE could not tell):
    parse_query splits on it, as on every white space."""
    sql, params = _likes(query.likes, (*query.plain, *query.exact), alias)
    return " AND ".join(sql), params


def _likes(short: Sequence[str], whole: Sequence[str], alias: str,
           ) -> tuple[list[str], list[Any]]:
    """Return LIKE conditions and their parameters: each of the `short` patterns on title
    and 文号, each of the `whole` ones on all four texts."""
    title = (f"({alias}.title LIKE ? ESCAPE '\\' OR {alias}.doc_number LIKE ? ESCAPE '\\')")
    parts = [title] * len(short)
    params = [p for pattern in short for p in (pattern, pattern)]
    if whole:
        # One read of the row's texts for every pattern: the JSON is unpacked for 正文 and
        # opinions (collecting, only for the documents the index found).
        each = "(" + " OR ".join(f"c.{f} LIKE ? ESCAPE '\\'"
                                 for f in ("title", "doc_number", "body", "opinions")) + ")"
        parts.append("EXISTS (SELECT 1 FROM documents_fts_content AS c"
                     f" WHERE c.doc_key = {alias}.doc_key AND "
                     + " AND ".join([each] * len(whole)) + ")")
        params += [p for pattern in whole for p in [pattern] * 4]
    return parts, params


def check_page(*, offset: int, limit: int) -> None:
    """Refuse a page that makes no sense."""
    if offset < 0 or not 1 <= limit <= MAX_PAGE:
        raise ValidationError("page.bad_range",
                              f"分页参数无效：每页1至{MAX_PAGE}条，起始位置不能为负",
                              offset=offset, limit=limit)


def search(conn: sqlite3.Connection, text: str, *, limit: int, offset: int) -> list[SearchHit]:
    """Return documents matching `text`, newest first (by local row order, not by rank)."""
    check_page(offset=offset, limit=limit)
    query = parse_query(text)
    if query.empty:
        return []
    if query.chars is not None:
        # The index hands out its rowids newest first and stops after the page, instead of
        # ranking every match (a common character is in most documents).
        rest, _ = _likes(query.likes, query.exact, "d")
        sql = ("SELECT d.doc_key, d.id, d.title, d.doc_number FROM documents_chars"
               " JOIN documents AS d ON d.doc_key = documents_chars.rowid"
               " WHERE documents_chars MATCH ?" + "".join(f" AND {r}" for r in rest)
               + " ORDER BY documents_chars.rowid DESC LIMIT ? OFFSET ?")
    else:
        where, _ = condition(query)
        sql = (f"SELECT d.doc_key, d.id, d.title, d.doc_number FROM documents AS d"
               f" WHERE {where} ORDER BY d.doc_key DESC LIMIT ? OFFSET ?")
    _, params = condition(query)
    rows = conn.execute(sql, [*params, limit, offset]).fetchall()
    texts = _texts(conn, [row[0] for row in rows])
    return [SearchHit(i, t, n, snippet(texts.get(k, (t,)), query.terms))
            for k, i, t, n in rows]


def _texts(conn: sqlite3.Connection, keys: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """Return (title, 文号, 正文, opinions) of each document, as the index took them."""
    if not keys:
        return {}
    rows = conn.execute(
        "SELECT doc_key, title, doc_number, body, opinions FROM documents_fts_content"
        f" WHERE doc_key IN ({', '.join('?' * len(keys))})", list(keys))
    return {int(key): tuple(texts) for key, *texts in rows}


def snippets(conn: sqlite3.Connection, ids: Iterable[str], text: str) -> dict[str, str]:
    """Return a snippet of where `text` matches for each of `ids` (a list page's rows)."""
    terms = parse_query(text).terms
    wanted = list(dict.fromkeys(ids))
    if not terms or not wanted:
        return {}
    keys = dict(conn.execute(
        f"SELECT doc_key, id FROM documents WHERE id IN ({', '.join('?' * len(wanted))})",
        wanted).fetchall())
    return {keys[key]: snippet(texts, terms) for key, texts in _texts(conn, list(keys)).items()}


def _pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted({t for t in terms if t}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered)), re.IGNORECASE) if ordered else None


def mark(text: str, terms: Iterable[str]) -> str:
    """Return `text` with every occurrence of any of `terms` between the snippet markers."""
    pattern = _pattern(terms)
    if pattern is None:
        return text
    return pattern.sub(lambda m: f"{SNIPPET_START}{m.group(0)}{SNIPPET_END}", text)


def snippet(texts: Sequence[str], terms: Iterable[str]) -> str:
    """Return where a term matched, marked: the whole title or 文号, or a piece of 正文 or
    opinions around the first match; the title when nothing matches."""
    terms = tuple(terms)
    pattern = _pattern(terms)
    if pattern is None or not texts:
        return texts[0] if texts else ""
    for field, text in enumerate(texts):
        found = pattern.search(text)
        if found is None:
            continue
        if field < 2:  # title and 文号 are short: shown whole
            return mark(text, terms)
        start = max(0, found.start() - SNIPPET_CONTEXT)
        end = min(len(text), found.end() + SNIPPET_CONTEXT)
        piece = " ".join(text[start:end].split())
        return ("…" if start else "") + mark(piece, terms) + ("…" if end < len(text) else "")
    return texts[0]

