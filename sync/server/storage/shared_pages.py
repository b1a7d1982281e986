"""Pages of changes that everyone sees, kept per process for the next puller at that cursor.

A new installation pulls the directory from cursor 0, and every new installation pulls the
same pages: their rows are scoped to everyone, so only `last_mutation_id` tells one puller's
page from another's. A page is kept here when every row of the log in its range was scoped to
everyone, and served again only while the log still holds exactly those rows there, which
makes it what the pull's own query would return for any user:

- the log only grows above its head: a row at or below a head read is never added later, and
  a row's scopes are written with it and never changed;
- rows at or below the head only go away (a put superseded by a later one, a pruned revoke or
  result), so the same count of rows in the same range is the same rows;
- a stored payload is rewritten in place only by `migrate` giving a document, meeting or
  supervision item its trace chain (`tracechain.chain_existing`), and those are never scoped
  to everyone.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass

import sqlalchemy as sa

from sync.server.storage import tables as t
from sync.server.storage.visibility import EVERYONE

# A few directory pages are what new installations ask for; bounded in pages and in text
# (a page of 1,000 people of the load benchmark is 200,000 characters).
MAX_PAGES = 32
MAX_CHARACTERS = 16_000_000

_seq, _scoped = t.changes.c.seq, t.change_scopes.c
_RANGE = (_seq > sa.bindparam("cursor"), _seq <= sa.bindparam("end"))
# The rows in a page's range; with the scopes seen by everyone when the page is offered.
_COUNT = sa.select(sa.func.count()).select_from(t.changes).where(*_RANGE)
_COUNT_EVERYONES = (
    sa.select(sa.func.count(), sa.func.count(_scoped.seq))
    .select_from(t.changes.outerjoin(t.change_scopes, sa.and_(
        _scoped.seq == _seq, _scoped.scope == EVERYONE,
        # The range again on the scopes' side, as in pull._VISIBLE (a range is not carried
        # across a join by PostgreSQL).
        _scoped.seq > sa.bindparam("cursor"), _scoped.seq <= sa.bindparam("end"))))
    .where(*_RANGE))
# The same for a puller of an older protocol, without the kinds it does not know.
_NOT_UNKNOWN = t.changes.c.kind.not_in(sa.bindparam("unknown", expanding=True))
_COUNT_KNOWN, _COUNT_EVERYONES_KNOWN = _COUNT.where(_NOT_UNKNOWN), _COUNT_EVERYONES.where(
    _NOT_UNKNOWN)

Key = tuple[int, int, tuple[str, ...]]  # cursor, limit, the kinds the puller does not know


# Compared and hashed by identity: the http layer keeps its compressed answer by page.
@dataclass(frozen=True, eq=False)
class SharedPage:
    """The part of a page that is the same for everyone: its changes and results as JSON
    text, and its next cursor; `end` is the seq of the first row after it (its range being
    (cursor, end], holding `rows` rows: the page and one more, so `has_more`)."""

    cursor: int
    changes: str
    results: str
    end: int
    rows: int

    @property
    def size(self) -> int:
        return len(self.changes) + len(self.results)


class _Pages:
    """A small LRU of shared pages, for one engine."""

    def __init__(self) -> None:
        self.pages: OrderedDict[Key, SharedPage] = OrderedDict()
        self.characters = 0
        self.lock = threading.Lock()

    def get(self, key: Key) -> SharedPage | None:
        with self.lock:
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
            return page

    def put(self, key: Key, page: SharedPage) -> None:
        with self.lock:
            self.drop(key)
            self.pages[key] = page
            self.characters += page.size
            while len(self.pages) > MAX_PAGES or self.characters > MAX_CHARACTERS:
                self.drop(next(iter(self.pages)))

    def discard(self, key: Key, page: SharedPage) -> None:
        """Forget `page` (no longer what the log holds), unless another replaced it."""
        with self.lock:
            if self.pages.get(key) is page:
                self.drop(key)

    def drop(self, key: Key) -> None:
        page = self.pages.pop(key, None)
        if page is not None:
            self.characters -= page.size


_caches: weakref.WeakKeyDictionary[sa.Engine, _Pages] = weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def _pages(engine: sa.Engine) -> _Pages:
    with _caches_lock:
        return _caches.setdefault(engine, _Pages())


def _count(connection: sa.Connection, statements: tuple[sa.Executable, sa.Executable],
           key: Key, end: int) -> tuple[int, ...]:
    cursor, _limit, unknown = key
    values = {"cursor": cursor, "end": end}
    if unknown:
        return tuple(connection.execute(statements[1],
                                        {**values, "unknown": list(unknown)}).one())
    return tuple(connection.execute(statements[0], values).one())


def lookup(connection: sa.Connection, key: Key, head: int) -> SharedPage | None:
    """Return the page kept for `key` if, in this snapshot, the log still holds exactly the
    rows it was made of (all below `head`), else None."""
    pages = _pages(connection.engine)
    page = pages.get(key)
    if page is None or page.end > head:
        return None
    if _count(connection, (_COUNT, _COUNT_KNOWN), key, page.end)[0] != page.rows:
        pages.discard(key, page)
        return None
    return page


def offer(connection: sa.Connection, key: Key, page: SharedPage) -> bool:
    """Keep `page` (just read in this snapshot, with more after it) if every row of the log
    in its range is scoped to everyone: then any puller at its cursor gets these rows.
    Return whether it was kept."""
    rows, everyones = _count(connection, (_COUNT_EVERYONES, _COUNT_EVERYONES_KNOWN), key,
                             page.end)
    if rows == everyones == page.rows:
        _pages(connection.engine).put(key, page)
        return True
    return False
