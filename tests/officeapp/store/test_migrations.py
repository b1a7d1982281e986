"""Forward migrations: every earlier version, with data in it, reaches the latest intact.

There is one schema version today. The harness loops over every version, so a new entry in
MIGRATIONS is tested from each older version as soon as it exists; it only needs a seed for
its own version in SEEDS (test_every_version_has_a_seed fails until it has one).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlite_utils

from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS, OFFICE_ID
from officeapp.documents import Direction, DocType, Urgency
from officeapp.org import Organisation, Role
from officeapp.store import LATEST_VERSION, LocalStore, schema
from officeapp.store.db import connect, transaction
from officeapp.workflow import ActionKind, Document, Holder, TraceEntry
from officeapp.workflow.codec import document_to_dict

WHEN = datetime(2023, 11, 27, 8, 30, tzinfo=UTC)
CLIENT_ID = "0b7f6c8e-3f44-4a8e-9d51-5a4e8f0c1d22"
SEED_DOCUMENT = Document(
    id="seed-doc", direction=Direction.OUTGOING, doc_type=DocType.NOTICE,
    title="关于做好2024年防汛抗旱工作的通知", owner_unit_id=OFFICE_ID,
    created_by="p-office.clerk", created_at=WHEN, step="review", urgency=Urgency.URGENT,
    agency_code="萍府办发", body="各县区人民政府：当前已进入主汛期……", main_recipients=("u-edu",),
    holders=(Holder(unit_id=OFFICE_ID, roles=frozenset({Role.CLERK, Role.LEADER})),),
    trace=(
        TraceEntry(1, "draft", ActionKind.CREATE, "p-office.clerk", "李文书", WHEN, "拟稿"),
        TraceEntry(2, "draft", ActionKind.APPROVE, "p-office.clerk", "李文书", WHEN,
                   "请周科长核稿", target_step="review"),
    ),
    version=3, updated_at=WHEN,
)
TYPED_TEXT = "建议将第二段的“立即”改为“及时”，其余同意。"


def _seed_v1(conn: sqlite3.Connection) -> None:
    """Data as version 1 of the store wrote it: directory, a document, outbox and the rest."""
    data = document_to_dict(SEED_DOCUMENT)
    conn.execute("UPDATE sync_meta SET value = ? WHERE key = 'client_id'", (CLIENT_ID,))
    conn.execute("UPDATE sync_meta SET value = '17' WHERE key = 'cursor'")
    conn.execute("INSERT INTO units (id, name, parent_id, agency_code, sort_order) VALUES"
                 " ('u-city', '萍乡市人民政府', NULL, '萍府发', 0),"
                 " ('u-office', '市政府办公室', 'u-city', '萍府办发', 1)")
    conn.execute("INSERT INTO people (id, name, unit_id, roles) VALUES"
                 " ('p-office.clerk', '李文书', 'u-office', '[\"clerk\"]'),"
                 " ('p-office.reviewer', '周核稿', 'u-office', '[\"clerk\"]')")
    conn.execute(
        "INSERT INTO documents (doc_key, id, direction, doc_type, title, doc_number, urgency,"
        " urgency_rank, classification, owner_unit_id, created_by, step, status, deadline,"
        " deadline_sort, created_at, updated_at, version, pending) VALUES (1, 'seed-doc',"
        " 'outgoing', '通知', ?, NULL, '加急', 1, '公开', 'u-office', 'p-office.clerk', 'review',"
        " 'active', NULL, ?, ?, ?, 3, 1)",
        (SEED_DOCUMENT.title, f"~{WHEN.isoformat()}", WHEN.isoformat(), WHEN.isoformat()))
    conn.execute("INSERT INTO document_data (doc_key, data, base) VALUES (1, ?, NULL)",
                 (json.dumps(data, ensure_ascii=False),))
    conn.executemany("INSERT INTO holders (doc_key, unit_id, person_id, role, exclude_person_id,"
                     " done) VALUES (1, 'u-office', NULL, ?, 'p-office.clerk', 0)",
                     [("clerk",), ("leader",)])
    conn.execute("INSERT INTO participants (person_id, doc_key) VALUES ('p-office.clerk', 1)")
    for entry in data["trace"]:
        conn.execute(
            "INSERT INTO trace (doc_key, seq, step, action, actor_id, actor_name, at, opinion,"
            " on_behalf_of, target_step, details, local) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " '{}', 1)", (entry["seq"], entry["step"], entry["action"], entry["actor_id"],
                          entry["actor_name"], entry["at"], entry["opinion"],
                          entry["on_behalf_of"], entry["target_step"]))
    conn.execute("INSERT INTO documents_fts (rowid, title, doc_number, body, opinions)"
                 " VALUES (1, ?, '', ?, ?)",
                 (SEED_DOCUMENT.title, SEED_DOCUMENT.body, "拟稿\n请周科长核稿"))
    conn.execute(
        "INSERT INTO outbox (mutation_id, name, mutator_version, args, document_id, person_id,"
        " step, opinion, created_at, state) VALUES"
        " (1, 'document.create', 1, '{\"id\":\"seed-doc\"}', 'seed-doc', 'p-office.clerk',"
        "  'draft', '', ?, 'acked'),"
        " (2, 'document.approve', 1, ?, 'seed-doc', 'p-office.clerk', 'draft', '请周科长核稿', ?,"
        "  'pending'),"
        " (3, 'document.urge', 1, ?, 'seed-doc', 'p-office.clerk', 'review', ?, ?, 'rejected')",
        (WHEN.isoformat(), json.dumps({"opinion": "请周科长核稿"}, ensure_ascii=False),
         WHEN.isoformat(), json.dumps({"opinion": TYPED_TEXT}, ensure_ascii=False), TYPED_TEXT,
         WHEN.isoformat()))
    conn.execute("INSERT INTO rejections (mutation_id, name, args, document_id, code, message,"
                 " details, created_at) VALUES (3, 'document.urge', ?, 'seed-doc',"
                 " 'workflow.forbidden', '您不能催办此文件', '{}', ?)",
                 (json.dumps({"opinion": TYPED_TEXT}, ensure_ascii=False), WHEN.isoformat()))
    conn.execute("INSERT INTO opinion_drafts (document_id, person_id, step, text, updated_at)"
                 " VALUES ('seed-doc', 'p-office.reviewer', 'review', '同意，', ?)",
                 (WHEN.isoformat(),))
    conn.execute("INSERT INTO blobs (sha256, size, local_path, state, \"offset\", updated_at)"
                 " VALUES (?, 1024, '/tmp/a.pdf', 'uploading', 512, ?)",
                 ("a" * 64, WHEN.isoformat()))


# SEEDS[v] writes data in the schema of version v, with that version's SQL.
SEEDS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _seed_v1}


def _database_at(path: Path, version: int) -> None:
    """Create a database at `version`, with that version's seed data in it."""
    db = connect(path)
    schema.migrate(db, target=version)
    if version:
        with transaction(db.conn):
            SEEDS[version](db.conn)
    db.close()


def _check_seed_survived(store: LocalStore) -> None:
    assert store.client_id == CLIENT_ID
    assert store.get_cursor() == 17
    assert store.get_document("seed-doc") == SEED_DOCUMENT
    assert [(m.mutation_id, m.args) for m in store.pending_mutations()] == [
        (2, {"opinion": "请周科长核稿"})]
    (rejection,) = store.rejections()
    assert (rejection.mutation_id, rejection.args["opinion"]) == (3, TYPED_TEXT)
    draft = store.get_opinion_draft(document_id="seed-doc", person_id="p-office.reviewer")
    assert draft is not None and draft.text == "同意，"
    assert [hit.id for hit in store.search("防汛抗旱")] == ["seed-doc"]
    assert [hit.id for hit in store.search("周科长核")] == ["seed-doc"]
    reviewer = Organisation(DEMO_UNITS, DEMO_PEOPLE).actor("p-office.reviewer", WHEN)
    assert [row.id for row in store.inbox(actor=reviewer, folder="todo")] == ["seed-doc"]
    blob = store.get_blob("a" * 64)
    assert blob is not None and blob.offset == 512


def test_every_version_has_a_seed() -> None:
    assert set(SEEDS) == set(range(1, LATEST_VERSION + 1))


@pytest.mark.parametrize("version", range(LATEST_VERSION + 1))
def test_every_version_migrates_to_the_latest_with_data_and_outbox(
    tmp_path: Path, version: int,
) -> None:
    path = tmp_path / f"v{version}.db"
    _database_at(path, version)
    with LocalStore.open(path) as store:
        assert store.schema_version == LATEST_VERSION
        assert store.get_meta("schema_version") == str(LATEST_VERSION)
        if version:
            _check_seed_survived(store)
            store.set_meta("probe", "x")  # still writable
        else:
            assert store.pending_mutations() == []
            assert store.document_count() == 0


def _schema_sql(path: Path) -> set[tuple[str, str]]:
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    conn.close()
    return {(name, sql) for name, sql in rows}


@pytest.mark.parametrize("version", range(LATEST_VERSION + 1))
def test_every_path_ends_in_the_same_schema(tmp_path: Path, version: int) -> None:
    fresh, migrated = tmp_path / "fresh.db", tmp_path / "migrated.db"
    LocalStore.open(fresh).close()
    _database_at(migrated, version)
    LocalStore.open(migrated).close()
    assert _schema_sql(migrated) == _schema_sql(fresh)


def test_the_outbox_sequence_continues_after_a_migration(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    _database_at(path, LATEST_VERSION)
    with LocalStore.open(path) as store:
        assert store.last_mutation_id() == 3


def test_a_failing_migration_leaves_the_previous_version_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "v.db"
    _database_at(path, LATEST_VERSION)

    def broken(db: sqlite_utils.Database) -> None:
        db.conn.execute("DELETE FROM outbox")
        raise RuntimeError("migration bug")

    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, broken))
    with pytest.raises(RuntimeError):
        LocalStore.open(path)
    monkeypatch.undo()
    with LocalStore.open(path) as store:
        assert store.schema_version == LATEST_VERSION
        _check_seed_survived(store)
