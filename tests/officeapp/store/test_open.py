"""Opening, creating and refusing databases."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest

from officeapp.errors import DomainError
from officeapp.store import LATEST_VERSION, LocalStore, StoreError


def test_open_creates_a_database_with_the_pragmas(db_path: Path) -> None:
    with LocalStore.open(db_path) as store:
        conn = store.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert store.schema_version == LATEST_VERSION
        assert store.get_meta("schema_version") == str(LATEST_VERSION)
        uuid.UUID(store.client_id)
        assert store.get_cursor() == 0


def test_the_tables_of_the_glossary_exist(db_path: Path) -> None:
    with LocalStore.open(db_path) as store:
        names = set(store.db.table_names())
    assert {"sync_meta", "units", "people", "rooms", "documents", "holders", "participants",
            "document_packed", "opinion_drafts", "outbox", "rejections", "blobs",
            "documents_chars"} <= names


def test_reopening_keeps_the_client_id_and_a_new_database_gets_a_new_one(tmp_path: Path) -> None:
    with LocalStore.open(tmp_path / "a.db") as first:
        client_id = first.client_id
    with LocalStore.open(tmp_path / "a.db") as again:
        assert again.client_id == client_id
    with LocalStore.open(tmp_path / "b.db") as other:
        assert other.client_id != client_id


def test_a_file_that_is_not_a_database_is_refused_with_a_domain_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all, just some bytes " * 200)
    with pytest.raises(StoreError) as caught:
        LocalStore.open(path)
    assert caught.value.code == "store.unreadable"
    assert "数据库" in caught.value.message


def test_a_database_from_a_newer_version_is_refused(db_path: Path) -> None:
    LocalStore.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError) as caught:
        LocalStore.open(db_path)
    assert caught.value.code == "store.too_new"
    assert isinstance(caught.value, DomainError)


def test_free_meta_values_and_the_cursor(store: LocalStore) -> None:
    store.set_meta("last_user", "office.clerk")
    assert store.get_meta("last_user") == "office.clerk"
    assert store.get_meta("missing") is None
    store.set_cursor(42)
    assert store.get_cursor() == 42


def test_the_cursor_never_goes_backwards_except_for_a_reset(store: LocalStore) -> None:
    store.set_cursor(10)
    with pytest.raises(DomainError) as caught:
        store.set_cursor(9)
    assert caught.value.code == "sync.cursor_backwards"
    assert store.get_cursor() == 10
    store.set_cursor(3, reset=True)
    assert store.get_cursor() == 3
    with pytest.raises(DomainError):
        store.set_cursor(-1, reset=True)


def test_a_transaction_groups_writes_and_rolls_back_together(store: LocalStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.set_cursor(5)
        store.set_meta("page", "1")
        raise RuntimeError("killed mid-page")
    assert store.get_cursor() == 0
    assert store.get_meta("page") is None
    with store.transaction():
        store.set_cursor(7)
        store.set_meta("page", "2")
    assert (store.get_cursor(), store.get_meta("page")) == (7, "2")


def test_a_database_locked_by_another_writer_is_a_domain_error(
    store: LocalStore, db_path: Path,
) -> None:
    store.db.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError) as caught:
            store.set_meta("k", "v")
        assert caught.value.code == "store.busy"
    finally:
        other.execute("ROLLBACK")
        other.close()
    store.set_meta("k", "v")
    assert store.get_meta("k") == "v"
