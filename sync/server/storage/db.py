"""The database engine and its transactions, the same code on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry

# Execution option that marks a read-only snapshot transaction.
READ_ONLY = "officeapp_read_only"


def make_engine(url: str, *, pool_size: int = 10) -> sa.Engine:
    """Return an engine for `url`, tuned for our transaction patterns."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, pool_size)
    # No ping before each use: it was one more round trip on every request (4.5 instead of
    # 5.3 ms of server CPU a request under 5,000 clients). A connection that died (PostgreSQL
    # restarted) fails its one request as 503, which clients retry, and the pool then
    # replaces all it had (tests/sync/test_server_database_lost.py).
    return sa.create_engine(url, pool_size=pool_size, max_overflow=pool_size * 2,
                            pool_timeout=10)


def _json_text(value: Any) -> str:
    """JSON columns on SQLite: compact UTF-8, the form the client stores (a pull page is spliced
    from these texts; escaped as ASCII, Chinese text took twice the bytes)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _sqlite_engine(url: str, pool_size: int) -> sa.Engine:
    engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                              pool_size=pool_size, max_overflow=pool_size * 2, pool_timeout=30,
                              json_serializer=_json_text)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
        # We issue BEGIN ourselves (below); pysqlite's implicit transactions would defer
        # the write lock and let two writers both read a counter before either writes it.
        dbapi.isolation_level = None
        cursor = dbapi.cursor()
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=30000",
                       "foreign_keys=ON"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        # Writers take the write lock up front (one writer at a time, in commit order);
        # readers get a WAL snapshot and never block writers.
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


_WRITERS: dict[int, threading.Lock] = {}
_WRITERS_LOCK = threading.Lock()


def _writer_lock(engine: sa.Engine) -> threading.Lock | None:
    """Return this process's writer lock for a SQLite engine (None on PostgreSQL)."""
    if engine.dialect.name != "sqlite":
        return None
    with _WRITERS_LOCK:
        return _WRITERS.setdefault(id(engine.pool), threading.Lock())


@contextmanager
def write(engine: sa.Engine) -> Iterator[sa.Connection]:
    """Run a writing transaction (committed on success, rolled back on any error)."""
    lock = _writer_lock(engine)
    if lock is None:
        with engine.begin() as connection:
            yield connection
        return
    # SQLite admits one writer; queueing here is fair and prompt, where SQLite's busy
    # handler would make waiting writers sleep in coarse steps while holding a thread.
    with lock, engine.begin() as connection:
        yield connection


@contextmanager
def read(engine: sa.Engine) -> Iterator[sa.Connection]:
    """Run a read-only transaction on one consistent snapshot of the database."""
    options: dict[str, Any] = {READ_ONLY: True}
    if engine.dialect.name == "postgresql":
        options.update(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    with engine.connect().execution_options(**options) as connection, connection.begin():
        yield connection


def insert_ignore(connection: sa.Connection, table: sa.Table, values: Mapping[str, Any]) -> None:
    """Insert a row unless one with the same primary key exists (race-free on both databases)."""
    insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
    connection.execute(insert(table).values(dict(values)).on_conflict_do_nothing())


def as_utc(moment: datetime) -> datetime:
    """Return `moment` as an aware UTC datetime (SQLite hands back naive ones)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@contextmanager
def scratch_database(admin_url: str, name: str) -> Iterator[str]:
    """Create the empty PostgreSQL database `name` through `admin_url`; yield its URL; drop it
    afterwards, even with connections still open (for benchmarks and fixture builders)."""
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def is_retryable(error: sa.exc.DBAPIError) -> bool:
    """Return whether PostgreSQL asks us to retry (serialization failure or deadlock)."""
    code = getattr(error.orig, "sqlstate", None)
    return code in ("40001", "40P01")
