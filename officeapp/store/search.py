"""Full-text search: FTS5 with the trigram tokenizer, and LIKE for 1–2 character terms."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from officeapp.errors import ValidationError

# Around each highlighted match in a snippet; control characters never occur in real text,
# so the UI can escape the snippet for HTML first and then turn these into <b> and </b>.
SNIPPET_START = "\x02"
SNIPPET_END = "\x03"
SNIPPET_TOKENS = 24

MAX_QUERY = 200
MAX_PAGE = 500
# The trigram tokenizer indexes every 3 characters; shorter terms match nothing in FTS.
TRIGRAM = 3


@dataclass(frozen=True)
class SearchHit:
    """One search result as the result list shows it."""

    id: str
    title: str
    doc_number: str | None
    snippet: str


@dataclass(frozen=True)
class TextQuery:
    """A user's search text split into an FTS expression and LIKE patterns."""

    match: str | None
    likes: tuple[str, ...]

    @property
    def empty(self) -> bool:
        """Return whether there is nothing to search for."""
        return self.match is None and not self.likes


def parse_query(text: str) -> TextQuery:
    """Split on whitespace: terms of 3+ characters go to FTS, shorter ones to LIKE."""
    if len(text) > MAX_QUERY:
        raise ValidationError("search.too_long", f"搜索内容不能超过{MAX_QUERY}个字",
                              length=len(text))
    terms = list(dict.fromkeys(text.split()))
    long_terms = [t for t in terms if len(t) >= TRIGRAM]
    short_terms = [t for t in terms if len(t) < TRIGRAM]
    # Each term is one quoted phrase, so FTS operators typed by the user are plain text.
    match = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms) or None
    return TextQuery(match, tuple(_like_pattern(t) for t in short_terms))


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def condition(query: TextQuery, alias: str = "d") -> tuple[str, list[Any]]:
    """Return a WHERE fragment on documents `alias` that keeps only matching documents."""
    parts: list[str] = []
    params: list[Any] = []
    if query.match is not None:
        parts.append(f"{alias}.doc_key IN (SELECT rowid FROM documents_fts"
                     " WHERE documents_fts MATCH ?)")
        params.append(query.match)
    for pattern in query.likes:
        parts.append(_like_sql(alias))
        params += [pattern, pattern]
    return " AND ".join(parts), params


def _like_sql(alias: str) -> str:
    return (f"({alias}.title LIKE ? ESCAPE '\\' OR {alias}.doc_number LIKE ? ESCAPE '\\')")


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
    if query.match is None:
        return _search_like(conn, query, limit=limit, offset=offset)
    return _search_fts(conn, query, limit=limit, offset=offset)


def _search_fts(
    conn: sqlite3.Connection, query: TextQuery, *, limit: int, offset: int,
) -> list[SearchHit]:
    # ORDER BY rowid lets FTS5 walk its doclists in order and stop after one page, instead of
    # ranking every match (bm25 over a common trigram touches most of the table).
    likes = "".join(f" AND {_like_sql('d')}" for _ in query.likes)
    sql = (
        "SELECT d.id, d.title, d.doc_number, snippet(documents_fts, -1, ?, ?, '…', ?)"
        " FROM documents_fts JOIN documents AS d ON d.doc_key = documents_fts.rowid"
        f" WHERE documents_fts MATCH ?{likes}"
        " ORDER BY documents_fts.rowid DESC LIMIT ? OFFSET ?"
    )
    params: list[Any] = [SNIPPET_START, SNIPPET_END, SNIPPET_TOKENS, query.match]
    params += [p for pattern in query.likes for p in (pattern, pattern)]
    rows = conn.execute(sql, [*params, limit, offset])
    return [SearchHit(*row) for row in rows]


def _search_like(
    conn: sqlite3.Connection, query: TextQuery, *, limit: int, offset: int,
) -> list[SearchHit]:
    where, params = condition(query)
    rows = conn.execute(
        f"SELECT d.id, d.title, d.doc_number FROM documents AS d WHERE {where}"
        " ORDER BY d.doc_key DESC LIMIT ? OFFSET ?", [*params, limit, offset])
    return [SearchHit(i, t, n, _mark(t, query.likes)) for i, t, n in rows]


def _mark(title: str, patterns: tuple[str, ...]) -> str:
    """Highlight the first short term found in the title (LIKE has no snippet function)."""
    for pattern in patterns:
        term = pattern[1:-1].replace("\\%", "%").replace("\\_", "_").replace("\\\\", "\\")
        at = title.casefold().find(term.casefold())
        if at >= 0:
            end = at + len(term)
            return f"{title[:at]}{SNIPPET_START}{title[at:end]}{SNIPPET_END}{title[end:]}"
    return title
