"""The SQLite connection of the local store: pragmas, transactions, JSON and time helpers."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import count
from pathlib import Path
from typing import Any

import sqlite_utils

from officeapp.errors import ValidationError
from officeapp.store import packing, search
from officeapp.store.errors import StoreError

# SQLite's own limit is far higher; chunks keep statements short and plans cached.
CHUNK = 500
PAGE_SIZE = 16384
# WAL pages between automatic checkpoints: SQLite's default, and a larger interval (200 MB)
# while an initial sync loads (every page of it rewrites the same index pages, which are
# then copied into the database a few times instead of after every page).
CHECKPOINT_PAGES = 1000
BULK_CHECKPOINT_PAGES = 200 * 1024 * 1024 // PAGE_SIZE

_savepoints = count(1)
log = logging.getLogger(__name__)


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open the database file with the store's pragmas (WAL, foreign keys, synchronous=NORMAL)."""
    try:
        # isolation_level=None: transactions are opened explicitly by `transaction()` only,
        # so no statement silently starts one. The store is used by one thread at a time
        # (the UI's database worker), which need not be the thread that opened it.
        conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.DatabaseError as error:
        raise _unreadable(path, error) from None
    try:
        _configure(conn)
        return sqlite_utils.Database(conn, execute_plugins=False)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise _unreadable(path, error) from None


def _unreadable(path: str | Path, error: sqlite3.DatabaseError) -> StoreError:
    return StoreError("store.unreadable",
                      "无法打开本地数据库：文件已损坏、不是数据库文件或无法访问",
                      path=str(path), reason=str(error))


def _configure(conn: sqlite3.Connection) -> None:
    # The character index's text is made in Python; SQL statements that feed the index
    # (a pulled page, a migration) call it by this name.
    conn.create_function(search.INDEX_TEXT_SQL, 4, search.index_text, deterministic=True)
    # Document JSON is stored packed (schema version 8); the document_data view unpacks it.
    conn.create_function(packing.PACK_SQL, 1, packing.pack, deterministic=True)
    conn.create_function(packing.UNPACK_SQL, 1, packing.unpack, deterministic=True)
    # Only a new, empty file takes it. A document's JSON is 2–4 KB: on 4 KB pages each took a
    # page of its own, on 16 KB pages five share one; writing an initial sync's 100k documents
    # took 7.9 s instead of 9.3 s (docs/store.md "Initial sync").
    conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    conn.execute("PRAGMA foreign_keys = ON")
    # NORMAL in WAL mode may lose the last commits on power loss but never corrupts;
    # a lost commit is re-pulled, and the outbox row of a user action is in the same commit.
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute("PRAGMA busy_timeout = 5000")
    # After a large checkpoint the WAL file is cut back instead of keeping its peak size.
    conn.execute("PRAGMA journal_size_limit = 67108864")


class Checkpointer:
    """Copies committed WAL frames into the database file on a connection of its own.

    During a large initial sync the store's connection stopped every few pages to checkpoint
    (copy some 200 MB and sync it: a fifth of the sync); from another thread, after each
    page, that work runs beside the writes. PASSIVE never waits for the writer or readers,
    nor blocks them; the store's own larger interval stays as a backstop. Use it from one
    thread at a time.
    """

    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path, timeout=0, isolation_level=None,
                                     check_same_thread=False)

    def checkpoint(self) -> None:
        """Copy what the WAL holds; a failure only means the store's own checkpoint will."""
        try:
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error as error:
            log.warning("checkpoint failed: %s", error)

    def close(self) -> None:
        """Close its connection."""
        self._conn.close()


def bulk_writes(conn: sqlite3.Connection, *, on: bool) -> None:
    """Checkpoint the WAL less often while a large initial sync loads (this connection)."""
    conn.execute(f"PRAGMA wal_autocheckpoint = {BULK_CHECKPOINT_PAGES if on else CHECKPOINT_PAGES}")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """Run the block in one write transaction; nested blocks become savepoints."""
    if conn.in_transaction:
        with _savepoint(conn):
            yield
        return
    # IMMEDIATE takes the write lock now, so no statement inside can fail on a busy lock.
    _execute_translated(conn, "BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except sqlite3.OperationalError as error:
        _rollback(conn)
        mapped = translate(error)
        if mapped is error:
            raise
        raise mapped from None
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back what is left of the transaction (a failed statement may have ended it)."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")


@contextmanager
def _savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    name = f"store_{next(_savepoints)}"
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        # A failed statement may already have rolled the whole transaction back.
        if conn.in_transaction:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
        raise
    conn.execute(f"RELEASE {name}")


def _execute_translated(conn: sqlite3.Connection, sql: str) -> None:
    """Run a transaction statement, turning lock and disk failures into domain errors."""
    try:
        conn.execute(sql)
    except sqlite3.OperationalError as error:
        raise translate(error) from None


def translate(error: sqlite3.OperationalError) -> StoreError | sqlite3.OperationalError:
    """Return the domain error for a failure the user can do something about."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return StoreError("store.busy", "本地数据库正被其他程序占用，请稍后重试", reason=str(error))
    if "full" in text:
        return StoreError("store.disk_full", "磁盘空间不足，无法保存到本地数据库，请清理磁盘后重试",
                          reason=str(error))
    return error


def dumps(value: Any, *, what: str = "数据") -> str:
    """Return compact JSON for `value`, refusing what JSON cannot hold."""
    try:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as error:
        raise ValidationError("store.not_json", f"{what}无法保存：含有不能转换为JSON的值",
                              reason=str(error)) from None


def loads(text: str) -> Any:
    """Return the value stored as JSON `text`."""
    return json.loads(text)


def timestamp(value: datetime) -> str:
    """Return a sortable text form: aware times in UTC, always with microseconds.

    Text order equals time order only within one kind, so the server's aware times all
    become UTC; naive times (tests, legacy data) keep their wall-clock value.
    """
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.isoformat(timespec="microseconds")


def parse_timestamp(text: str | None) -> datetime | None:
    """Return the datetime stored by `timestamp`, or None."""
    return None if text is None else datetime.fromisoformat(text)


def marks(values: Sequence[Any]) -> str:
    """Return `?, ?, …` with one placeholder per value."""
    return ", ".join("?" * len(values))


def chunks(values: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    """Yield `values` in slices of at most `size`."""
    for start in range(0, len(values), size):
        yield values[start:start + size]
