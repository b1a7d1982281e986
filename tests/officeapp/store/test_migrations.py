"""Forward migrations: every earlier version, with data in it, reaches the latest intact.

The harness loops over every version, so a new entry in MIGRATIONS is tested from each older
version as soon as it exists; it only needs a seed for its own version in SEEDS
(test_every_version_has_a_seed fails until it has one). Version 2 added meetings, supervision
items and the outbox's record_id (filled from document_id for older rows). Version 4 indexes
the text of a store version 3 left catching up (its seed has nothing indexed yet, so the
search checks fail unless the migration indexes it). Version 5 adds the character index for
words of one or two characters (the seeds before it have none, so the short-word checks fail
unless the migration fills it).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlite_utils

from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS, OFFICE_ID
from officeapp.documents import Direction, DocType, Urgency
from officeapp.meetings import Attendee, Meeting, MeetingStatus, MeetingType
from officeapp.meetings.codec import meeting_to_dict
from officeapp.org import Organisation, Role
from officeapp.store import LATEST_VERSION, LocalStore, inbox_entries, schema
from officeapp.store.db import connect, transaction
from officeapp.store.packing import pack
from officeapp.store.search import index_text
from officeapp.supervision import ItemQuery, Source, Status, SupervisionItem, item_row
from officeapp.supervision.codec import item_to_dict
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
        TraceEntry(seq=1, step="draft", action=ActionKind.CREATE, actor_id="p-office.clerk",
                   actor_name="李文书", at=WHEN, opinion="拟稿"),
        TraceEntry(seq=2, step="draft", action=ActionKind.APPROVE, actor_id="p-office.clerk",
                   actor_name="李文书", at=WHEN, opinion="请周科长核稿", target_step="review"),
    ),
    version=3, updated_at=WHEN,
)
TYPED_TEXT = "建议将第二段的“立即”改为“及时”，其余同意。"
SEED_MEETING = Meeting(
    id="seed-meeting", title="市政府第12次常务会议", meeting_type=MeetingType.EXECUTIVE,
    start=WHEN + timedelta(days=1), end=WHEN + timedelta(days=1, hours=2),
    organiser_unit_id=OFFICE_ID, created_by="p-office.secretary", created_at=WHEN,
    status=MeetingStatus.NOTIFIED, room_id="r-1", host_id="p-office.leader",
    attendees=(Attendee.person("p-finance.leader"), Attendee.unit("u-edu")),
    check_in_code=None, version=3, updated_at=WHEN,
)
SEED_ITEM = SupervisionItem(
    id="seed-item", title="推进数字政府建设", source=Source.LEADER_INSTRUCTION,
    supervisor_unit_id=OFFICE_ID, created_by="p-office.supervisor", created_at=WHEN,
    status=Status.ASSIGNED, content="按期完成一期工程", lead_unit_id="u-finance",
    co_unit_ids=("u-edu",), deadline=WHEN + timedelta(days=30), assigned_at=WHEN, version=4,
    updated_at=WHEN,
)


def _ts(moment: datetime) -> str:
    """Return a time as version 2 stores it: UTC, with microseconds."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _seed_v1(conn: sqlite3.Connection) -> None:
    """Data as version 1 of the store wrote it: directory, a document, outbox and the rest."""
    data = document_to_dict(SEED_DOCUMENT)
    text = json.dumps(data, ensure_ascii=False)
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
    # From version 8 the JSON is packed, and the trace table and trigram index are gone.
    packed = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'document_packed'").fetchone()
    conn.execute(f"INSERT INTO {'document_packed' if packed else 'document_data'}"
                 " (doc_key, data, base) VALUES (1, ?, NULL)",
                 (pack(text) if packed else text,))
    conn.executemany("INSERT INTO holders (doc_key, unit_id, person_id, role, exclude_person_id,"
                     " done) VALUES (1, 'u-office', NULL, ?, 'p-office.clerk', 0)",
                     [("clerk",), ("leader",)])
    conn.execute("INSERT INTO participants (person_id, doc_key) VALUES ('p-office.clerk', 1)")
    for entry in () if packed else data["trace"]:
        conn.execute(
            "INSERT INTO trace (doc_key, seq, step, action, actor_id, actor_name, at, opinion,"
            " on_behalf_of, target_step, details, local) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " '{}', 1)", (entry["seq"], entry["step"], entry["action"], entry["actor_id"],
                          entry["actor_name"], entry["at"], entry["opinion"],
                          entry["on_behalf_of"], entry["target_step"]))
    if not packed:
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


def _seed_v2(conn: sqlite3.Connection) -> None:
    """Version 1's data with record ids, a meeting with its code, and a supervision item."""
    _seed_v1(conn)
    conn.execute("UPDATE outbox SET record_id = document_id")
    conn.execute("UPDATE rejections SET record_id = document_id")
    m = SEED_MEETING
    conn.execute(
        "INSERT INTO meetings (meeting_key, id, title, meeting_type, status, organiser_unit_id,"
        " created_by, room_id, start, \"end\", span_end, recurring, series_id, version,"
        " updated_at, pending, data, base) VALUES (1, ?, ?, '常务会议', 'notified', 'u-office',"
        " 'p-office.secretary', 'r-1', ?, ?, ?, 0, NULL, 3, ?, 0, ?, NULL)",
        (m.id, m.title, _ts(m.start), _ts(m.end), _ts(m.end), _ts(WHEN),
         json.dumps(meeting_to_dict(m, hide_code=True), ensure_ascii=False)))
    conn.executemany("INSERT INTO meeting_people (person_id, meeting_key) VALUES (?, 1)",
                     [("p-office.secretary",), ("p-office.leader",), ("p-finance.leader",)])
    conn.executemany("INSERT INTO meeting_units (unit_id, meeting_key) VALUES (?, 1)",
                     [("u-office",), ("u-edu",)])
    conn.execute("INSERT INTO meeting_codes (meeting_id, code) VALUES ('seed-meeting', '4821')")
    i = SEED_ITEM
    assert i.deadline is not None
    conn.execute(
        "INSERT INTO supervision_items (item_key, id, title, title_fold, source, status,"
        " supervisor_unit_id, lead_unit_id, co_unit_ids, deadline, next_report_due,"
        " requested_at, finished_at, completed_at, assigned_at, created_at, urgency, parent_id,"
        " percent, created_by, version, updated_at, pending, data, base) VALUES (1, ?, ?, ?,"
        " '领导批示', 'assigned', 'u-office', 'u-finance', '[\"u-edu\"]', ?, NULL, NULL, NULL,"
        " NULL, ?, ?, '普通', NULL, 0, 'p-office.supervisor', 4, ?, 0, ?, NULL)",
        (i.id, i.title, i.title.casefold(), _ts(i.deadline), _ts(WHEN), _ts(WHEN), _ts(WHEN),
         json.dumps(item_to_dict(i), ensure_ascii=False)))
    conn.executemany("INSERT INTO supervision_units (unit_id, item_key, role) VALUES (?, 1, ?)",
                     [("u-finance", "lead"), ("u-edu", "co")])
    conn.execute("INSERT INTO supervision_people (person_id, item_key, role)"
                 " VALUES ('p-office.supervisor', 1, 'creator')")


def _seed_v4(conn: sqlite3.Connection) -> None:
    """Version 2's data and a delegation with its server id, its ending queued here."""
    _seed_v2(conn)
    conn.execute("INSERT INTO delegations (id, principal_id, delegate_id, starts_at, ends_at,"
                 " pending) VALUES ('seed-delegation', 'p-office.leader', 'p-office.deputy',"
                 " ?, ?, 'end')", (_ts(WHEN), _ts(WHEN + timedelta(days=3))))


def _seed_v3(conn: sqlite3.Connection) -> None:
    """Version 4's data, stopped in an initial sync before its text index caught up (version
    3 indexed text after the pages; nothing was indexed yet)."""
    _seed_v4(conn)
    conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')")
    conn.execute("INSERT INTO sync_meta (key, value) VALUES ('text_indexed_through', '0')")


def _seed_v5(conn: sqlite3.Connection) -> None:
    """Version 4's data with the seed document in the character index."""
    _seed_v4(conn)
    conn.execute("INSERT INTO documents_chars (rowid, text) VALUES (1, ?)",
                 (index_text(SEED_DOCUMENT.title, "", SEED_DOCUMENT.body, "拟稿\n请周科长核稿"),))


def _seed_v6(conn: sqlite3.Connection) -> None:
    """Version 5's data; the 知会 table stays empty (no earlier document had one)."""
    _seed_v5(conn)


def _seed_v7(conn: sqlite3.Connection) -> None:
    """Version 6's data with the seed document's trace still to check (it has no chain
    hashes: the check finds nothing and forgets it)."""
    _seed_v6(conn)
    conn.execute("INSERT INTO trace_unchecked (doc_key) VALUES (1)")


def _seed_v8(conn: sqlite3.Connection) -> None:
    """Version 7's data with the document's JSON packed (no trace table, no trigram index)."""
    _seed_v7(conn)


def _seed_v9(conn: sqlite3.Connection) -> None:
    """Version 8's data with the inbox entries of its meeting and item, as a put writes them."""
    _seed_v8(conn)
    inbox_entries.fill(conn)


def _seed_v10(conn: sqlite3.Connection) -> None:
    """Version 9's data, each side-table row with its document's facets as version 10's
    writers copy them (the documents' own are a generated column)."""
    _seed_v9(conn)
    for table in ("holders", "circulations", "informed", "participants"):
        conn.execute(f"UPDATE {table} SET facets = (SELECT d.facets FROM documents AS d"
                     f" WHERE d.doc_key = {table}.doc_key)")


# SEEDS[v] writes data in the schema of version v, with that version's SQL.
SEEDS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _seed_v1, 2: _seed_v2, 3: _seed_v3, 4: _seed_v4, 5: _seed_v5, 6: _seed_v6,
    7: _seed_v7, 8: _seed_v8, 9: _seed_v9, 10: _seed_v10}


def _database_at(path: Path, version: int) -> None:
    """Create a database at `version`, with that version's seed data in it."""
    db = connect(path)
    schema.migrate(db, target=version)
    if version:
        with transaction(db.conn):
            SEEDS[version](db.conn)
    db.close()


def _check_records_survived(store: LocalStore) -> None:
    """Version 2's meeting (with its code) and supervision item are read back whole."""
    org = Organisation(DEMO_UNITS, DEMO_PEOPLE)
    meeting = store.get_record("meeting", "seed-meeting")
    assert meeting is not None and meeting.check_in_code == "4821"
    assert meeting == replace(SEED_MEETING, check_in_code="4821")
    for person in ("p-finance.leader", "p-edu.clerk", "p-office.leader"):
        mine = store.meetings.concerning(org.actor(person, WHEN))
        assert [m.id for m in mine] == ["seed-meeting"]
    assert store.meetings.concerning(org.actor("p-finance.clerk", WHEN)) == []
    assert store.get_record("supervision", "seed-item") == SEED_ITEM
    query = ItemQuery(unit_id="u-edu", text="数字政府")
    assert store.supervision.rows(query, now=WHEN) == [item_row(SEED_ITEM)]
    lead = org.actor("p-finance.clerk", WHEN)
    assert [e.item_id for e in store.supervision.inbox(lead, now=WHEN)] == ["seed-item"]


def _check_seed_survived(store: LocalStore) -> None:
    assert store.client_id == CLIENT_ID
    assert store.get_cursor() == 17
    assert store.get_document("seed-doc") == SEED_DOCUMENT
    assert [(m.mutation_id, m.args, m.record_id) for m in store.pending_mutations()] == [
        (2, {"opinion": "请周科长核稿"}, "seed-doc")]
    (rejection,) = store.rejections()
    assert (rejection.mutation_id, rejection.args["opinion"]) == (3, TYPED_TEXT)
    assert (rejection.record_id, rejection.kind) == ("seed-doc", "document")
    draft = store.get_opinion_draft(document_id="seed-doc", person_id="p-office.reviewer")
    assert draft is not None and draft.text == "同意，"
    assert [hit.id for hit in store.search("防汛抗旱")] == ["seed-doc"]
    assert [hit.id for hit in store.search("周科长核")] == ["seed-doc"]
    for word in ("防汛", "汛期", "核稿", "县"):  # title, 正文, an opinion, one character
        assert [hit.id for hit in store.search(word)] == ["seed-doc"], word
    assert store.search("汛县") == []
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
            assert store.record_count("document") == 0
        if version >= 2:
            _check_records_survived(store)
        if version >= 3:
            assert [(d.id, d.pending) for d in store.delegations()] == [
                ("seed-delegation", "end")]
        assert store.get_meta("text_indexed_through") is None


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


def test_a_version_1_store_takes_meetings_and_items_after_migrating(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    _database_at(path, 1)
    with LocalStore.open(path) as store:
        store.put_records("meeting", [SEED_MEETING])
        store.put_records("supervision", [SEED_ITEM])
        day = (WHEN, WHEN + timedelta(days=2))
        assert [m.id for m in store.meetings.between(*day)] == ["seed-meeting"]
        assert store.supervision.rows(now=WHEN) == [item_row(SEED_ITEM)]
        # The pending v1 document action is still found by its record id and replays.
        outcome = store.apply_rejections([])
        assert outcome.rejected == ()
        assert store.pending_mutations()[0].record_id == "seed-doc"
