"""The schema of the local store and its forward migrations, versioned by PRAGMA user_version."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

import sqlite_utils

from officeapp.store import facets, inbox_entries
from officeapp.store.db import transaction
from officeapp.store.errors import StoreError
from officeapp.store.packing import PACK_SQL, UNPACK_SQL
from officeapp.store.search import INDEX_TEXT_SQL

Migration = Callable[[sqlite_utils.Database], None]

_V1_TABLES = """
CREATE TABLE sync_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE units (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    parent_id TEXT,
    agency_code TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE people (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    unit_id TEXT NOT NULL REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
    roles TEXT NOT NULL DEFAULT '[]',
    username TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX people_unit ON people(unit_id);

CREATE TABLE rooms (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    building TEXT NOT NULL DEFAULT '',
    capacity INTEGER NOT NULL DEFAULT 0,
    equipment TEXT NOT NULL DEFAULT '[]',
    needs_approval INTEGER NOT NULL DEFAULT 0,
    approver_id TEXT
);

CREATE TABLE delegations (
    principal_id TEXT NOT NULL,
    delegate_id TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    PRIMARY KEY (principal_id, delegate_id, starts_at)
) WITHOUT ROWID;

CREATE TABLE documents (
    doc_key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    direction TEXT NOT NULL,
    doc_type TEXT NOT NULL,
    title TEXT NOT NULL,
    doc_number TEXT,
    urgency TEXT NOT NULL,
    urgency_rank INTEGER NOT NULL,
    classification TEXT NOT NULL,
    owner_unit_id TEXT NOT NULL,
    created_by TEXT NOT NULL,
    step TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'completed', 'archived')),
    deadline TEXT,
    deadline_sort TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1))
);
CREATE INDEX documents_updated ON documents(updated_at);
CREATE INDEX documents_created ON documents(created_at);
CREATE INDEX documents_deadline ON documents(deadline_sort);
CREATE INDEX documents_title ON documents(title);
CREATE INDEX documents_urgency ON documents(urgency_rank, updated_at, doc_key);
CREATE INDEX documents_mine ON documents(created_by, updated_at);

CREATE TABLE document_data (
    doc_key INTEGER PRIMARY KEY REFERENCES documents(doc_key) ON DELETE CASCADE,
    data TEXT NOT NULL,
    base TEXT
);

CREATE TABLE holders (
    doc_key INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    unit_id TEXT NOT NULL,
    person_id TEXT,
    role TEXT NOT NULL DEFAULT '',
    exclude_person_id TEXT,
    done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1))
);
CREATE INDEX holders_doc ON holders(doc_key);
CREATE INDEX holders_person ON holders(person_id, doc_key)
    WHERE done = 0 AND person_id IS NOT NULL;
CREATE INDEX holders_pool ON holders(unit_id, role, doc_key, exclude_person_id)
    WHERE done = 0 AND person_id IS NULL;

CREATE TABLE circulations (
    doc_key INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1))
);
CREATE INDEX circulations_doc ON circulations(doc_key);
CREATE INDEX circulations_unread ON circulations(person_id, doc_key) WHERE read = 0;

CREATE TABLE participants (
    person_id TEXT NOT NULL,
    doc_key INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    PRIMARY KEY (person_id, doc_key)
) WITHOUT ROWID;
CREATE INDEX participants_doc ON participants(doc_key);

CREATE TABLE trace (
    doc_key INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    step TEXT NOT NULL,
    action TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    at TEXT NOT NULL,
    opinion TEXT NOT NULL DEFAULT '',
    on_behalf_of TEXT,
    target_step TEXT,
    details TEXT NOT NULL DEFAULT '{}',
    local INTEGER NOT NULL DEFAULT 0 CHECK (local IN (0, 1)),
    PRIMARY KEY (doc_key, seq)
) WITHOUT ROWID;
CREATE TRIGGER trace_append_only BEFORE UPDATE ON trace
BEGIN
    SELECT RAISE(ABORT, 'trace rows are append-only: opinions are never edited');
END;

CREATE TABLE opinion_drafts (
    document_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    step TEXT NOT NULL,
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (document_id, person_id)
) WITHOUT ROWID;

CREATE TABLE outbox (
    mutation_id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    mutator_version INTEGER NOT NULL,
    args TEXT NOT NULL,
    document_id TEXT,
    person_id TEXT,
    step TEXT,
    opinion TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'acked', 'rejected')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX outbox_pending ON outbox(mutation_id) WHERE state = 'pending';

CREATE TABLE rejections (
    id INTEGER PRIMARY KEY,
    mutation_id INTEGER NOT NULL UNIQUE,
    name TEXT NOT NULL,
    args TEXT NOT NULL,
    document_id TEXT,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    dismissed INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1))
);

CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL CHECK (size >= 0),
    local_path TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL CHECK (state IN
        ('queued_upload', 'uploading', 'synced', 'queued_download', 'cached')),
    "offset" INTEGER NOT NULL DEFAULT 0 CHECK ("offset" >= 0),
    updated_at TEXT NOT NULL
) WITHOUT ROWID;
"""

# The FTS content is a view over the stored JSON, so bodies are not stored twice; the store
# feeds the index itself (rows.fts_values computes exactly what this view returns).
_V1_SEARCH = """
CREATE VIEW documents_fts_content AS
SELECT
    d.doc_key AS doc_key,
    d.title AS title,
    coalesce(d.doc_number, '') AS doc_number,
    coalesce(json_extract(x.data, '$.body'), '') AS body,
    coalesce((SELECT group_concat(json_extract(t.value, '$.opinion'), char(10))
              FROM json_each(x.data, '$.trace') AS t
              WHERE json_extract(t.value, '$.opinion') <> ''), '') AS opinions
FROM documents AS d JOIN document_data AS x ON x.doc_key = d.doc_key;

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, doc_number, body, opinions,
    content='documents_fts_content', content_rowid='doc_key',
    tokenize='trigram'
);
-- Buffer 8 MB of new terms (default 1 MB) before writing a segment: a pull page of a
-- thousand documents then becomes one segment, with less merging later.
INSERT INTO documents_fts (documents_fts, rank) VALUES ('hashsize', 8388608);
"""


def _v1_initial(db: sqlite_utils.Database) -> None:
    """Version 1: every table, the trace trigger, FTS, and a new client id."""
    db.executescript(_V1_TABLES)
    db.executescript(_V1_SEARCH)
    db.conn.execute("INSERT INTO sync_meta(key, value) VALUES ('client_id', ?), ('cursor', '0')",
                    (str(uuid.uuid4()),))


# Version 2: meetings (办会) and supervision items (督办). As for documents, a record's JSON
# is kept whole (`data`, with `base` the server version while local changes sit on it) and the
# columns lists, filters and lights read are copied out of it; times are `db.timestamp` text.
_V2_TABLES = """
CREATE TABLE meetings (
    meeting_key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    meeting_type TEXT NOT NULL,
    status TEXT NOT NULL,
    organiser_unit_id TEXT NOT NULL,
    created_by TEXT NOT NULL,
    room_id TEXT,
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    span_end TEXT NOT NULL,
    recurring INTEGER NOT NULL DEFAULT 0 CHECK (recurring IN (0, 1)),
    series_id TEXT,
    version INTEGER NOT NULL,
    updated_at TEXT,
    pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1)),
    data TEXT NOT NULL,
    base TEXT
);
CREATE INDEX meetings_start ON meetings(start, span_end);
CREATE INDEX meetings_span_end ON meetings(span_end);
CREATE INDEX meetings_series ON meetings(series_id) WHERE series_id IS NOT NULL;

CREATE TABLE meeting_people (
    person_id TEXT NOT NULL,
    meeting_key INTEGER NOT NULL REFERENCES meetings(meeting_key) ON DELETE CASCADE,
    PRIMARY KEY (person_id, meeting_key)
) WITHOUT ROWID;
CREATE INDEX meeting_people_meeting ON meeting_people(meeting_key);

CREATE TABLE meeting_units (
    unit_id TEXT NOT NULL,
    meeting_key INTEGER NOT NULL REFERENCES meetings(meeting_key) ON DELETE CASCADE,
    PRIMARY KEY (unit_id, meeting_key)
) WITHOUT ROWID;
CREATE INDEX meeting_units_meeting ON meeting_units(meeting_key);

-- No foreign key: the code may arrive in a page before or after its meeting.
CREATE TABLE meeting_codes (
    meeting_id TEXT PRIMARY KEY,
    code TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE supervision_items (
    item_key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    title_fold TEXT NOT NULL,
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    supervisor_unit_id TEXT NOT NULL,
    lead_unit_id TEXT,
    co_unit_ids TEXT NOT NULL DEFAULT '[]',
    deadline TEXT,
    next_report_due TEXT,
    requested_at TEXT,
    finished_at TEXT,
    completed_at TEXT,
    assigned_at TEXT,
    created_at TEXT NOT NULL,
    urgency TEXT NOT NULL,
    parent_id TEXT,
    percent INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT,
    pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1)),
    data TEXT NOT NULL,
    base TEXT
);
CREATE INDEX supervision_deadline ON supervision_items(deadline, title);
CREATE INDEX supervision_supervisor ON supervision_items(supervisor_unit_id);
CREATE INDEX supervision_lead ON supervision_items(lead_unit_id);

CREATE TABLE supervision_units (
    unit_id TEXT NOT NULL,
    item_key INTEGER NOT NULL REFERENCES supervision_items(item_key) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('lead', 'co')),
    PRIMARY KEY (unit_id, item_key, role)
) WITHOUT ROWID;
CREATE INDEX supervision_units_item ON supervision_units(item_key);

CREATE TABLE supervision_people (
    person_id TEXT NOT NULL,
    item_key INTEGER NOT NULL REFERENCES supervision_items(item_key) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('creator', 'approver', 'informed')),
    PRIMARY KEY (person_id, item_key, role)
) WITHOUT ROWID;
CREATE INDEX supervision_people_item ON supervision_people(item_key);

-- The record a mutation acts on, whatever its kind (the name says which): a document, a
-- meeting or a supervision item. `document_id` stays for documents only (drafts, the UI).
ALTER TABLE outbox ADD COLUMN record_id TEXT;
ALTER TABLE rejections ADD COLUMN record_id TEXT;
UPDATE outbox SET record_id = document_id;
UPDATE rejections SET record_id = document_id;
"""


def _v2_meetings_and_supervision(db: sqlite_utils.Database) -> None:
    """Version 2: meetings, supervision items, and the record id of every outbox row."""
    db.executescript(_V2_TABLES)


_V3_DELEGATIONS = """
CREATE TABLE delegations_v3 (
    id TEXT PRIMARY KEY,
    principal_id TEXT NOT NULL,
    delegate_id TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    pending TEXT CHECK (pending IN ('create', 'end'))
);
INSERT INTO delegations_v3 (id, principal_id, delegate_id, starts_at, ends_at)
    SELECT principal_id || '/' || delegate_id || '/' || starts_at, principal_id, delegate_id,
           starts_at, ends_at FROM delegations;
DROP TABLE delegations;
ALTER TABLE delegations_v3 RENAME TO delegations;
CREATE INDEX delegations_principal ON delegations(principal_id);
"""


def _v3_delegation_ids(db: sqlite_utils.Database) -> None:
    """Version 3: delegations keyed by the server's id, with this client's pending change
    (`create`: not yet confirmed; `end`: ending it is queued)."""
    db.executescript(_V3_DELEGATIONS)


def _v4_text_index_complete(db: sqlite_utils.Database) -> None:
    """Version 4: the text index is written with every pulled page. Version 3 left it to
    catch up after an initial sync (`text_indexed_through` in sync_meta); a store stopped
    before it had is indexed whole here."""
    conn = db.conn
    if conn.execute("SELECT 1 FROM sync_meta WHERE key = 'text_indexed_through'").fetchone():
        conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')")
        conn.execute("INSERT INTO documents_fts (rowid, title, doc_number, body, opinions)"
                     " SELECT doc_key, title, doc_number, body, opinions"
                     " FROM documents_fts_content")
        conn.execute("DELETE FROM sync_meta WHERE key = 'text_indexed_through'")


_V5_CHARACTER_INDEX = f"""
CREATE VIRTUAL TABLE documents_chars USING fts5(
    text, content='', tokenize='ascii'
);
INSERT INTO documents_chars (documents_chars, rank) VALUES ('hashsize', 8388608);
INSERT INTO documents_chars (rowid, text)
    SELECT doc_key, {INDEX_TEXT_SQL}(title, doc_number, body, opinions)
    FROM documents_fts_content;
"""


def _v5_character_index(db: sqlite_utils.Database) -> None:
    """Version 5: a second text index with one token per character, so that words of one
    or two characters ("单位", "经营") are found in 正文 and opinions too (search.py)."""
    db.executescript(_V5_CHARACTER_INDEX)


_V6_INFORMED = """
CREATE TABLE informed (
    doc_key INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1))
);
CREATE INDEX informed_doc ON informed(doc_key);
CREATE INDEX informed_person ON informed(person_id, doc_key);
CREATE INDEX informed_unread ON informed(person_id, doc_key) WHERE read = 0;
"""


def _v6_informed(db: sqlite_utils.Database) -> None:
    """Version 6: who each document was 知会'd to, and whether they have read it (the
    知会我的 folder and its unread count). No earlier version could hold a 知会."""
    db.executescript(_V6_INFORMED)


_V7_TRACE_UNCHECKED = """
CREATE TABLE trace_unchecked (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_key INTEGER NOT NULL UNIQUE REFERENCES documents(doc_key) ON DELETE CASCADE
);
"""


def _v7_trace_unchecked(db: sqlite_utils.Database) -> None:
    """Version 7: the pulled documents whose trace is not yet checked against its chain
    hashes (traces.py): the bulk path writes a page first and checks after the pull. Every
    document an earlier version stored was checked as it landed."""
    db.executescript(_V7_TRACE_UNCHECKED)


_V8_STORE_LESS = f"""
CREATE TABLE document_packed (
    doc_key INTEGER PRIMARY KEY REFERENCES documents(doc_key) ON DELETE CASCADE,
    data BLOB NOT NULL,
    base BLOB
);
INSERT INTO document_packed (doc_key, data, base)
    SELECT doc_key, {PACK_SQL}(data), {PACK_SQL}(base) FROM document_data ORDER BY doc_key;
DROP TABLE document_data;
-- Every reader of the JSON (the text view, the inbox, the trace check) reads it here.
CREATE VIEW document_data AS
    SELECT doc_key, {UNPACK_SQL}(data) AS data, {UNPACK_SQL}(base) AS base
    FROM document_packed;
DROP TABLE documents_fts;
DROP TABLE trace;
"""


def _v8_store_less(db: sqlite_utils.Database) -> None:
    """Version 8 (issue 18, "Store less"): the document JSON packed with zstd and a shipped
    dictionary (packing.py), read through the view `document_data`; no trigram index (the
    character index answers terms of every length, search.py); no `trace` table (the JSON,
    which every reader used, is the one copy of the trace)."""
    db.executescript(_V8_STORE_LESS)


_V9_INBOX_ENTRIES = """
-- Keyed by audience first: a folder's count reads one range of the table itself, and each
-- sort's index walks one audience's entries in order (inbox.py merges the audiences).
CREATE TABLE inbox_entries (
    person_id TEXT NOT NULL,
    done INTEGER NOT NULL CHECK (done IN (0, 1)),
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    task TEXT NOT NULL,
    title TEXT NOT NULL,
    due TEXT,
    due_sort TEXT NOT NULL,
    urgency_rank INTEGER NOT NULL,
    expires TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    excluded TEXT,
    PRIMARY KEY (person_id, done, kind, record_id, task)
) WITHOUT ROWID;
CREATE INDEX inbox_entries_record ON inbox_entries(kind, record_id, done);
CREATE INDEX inbox_entries_due ON inbox_entries(person_id, done, due_sort);
CREATE INDEX inbox_entries_urgency ON inbox_entries(person_id, done, urgency_rank, updated_at);
CREATE INDEX inbox_entries_updated ON inbox_entries(person_id, done, updated_at);
CREATE INDEX inbox_entries_title ON inbox_entries(person_id, done, title);
CREATE TRIGGER meetings_inbox_gone AFTER DELETE ON meetings BEGIN
    DELETE FROM inbox_entries WHERE kind = 'meeting' AND record_id = OLD.id;
END;
CREATE TRIGGER supervision_inbox_gone AFTER DELETE ON supervision_items BEGIN
    DELETE FROM inbox_entries WHERE kind = 'supervision' AND record_id = OLD.id;
END;
"""


def _v9_inbox_entries(db: sqlite_utils.Database) -> None:
    """Version 9 (issue 14): one table of what meetings and supervision items ask of whom
    (inbox_entries.py), filled from the records stored; documents keep their holders."""
    db.executescript(_V9_INBOX_ENTRIES)
    inbox_entries.fill(db.conn)


_V10_FACETS = f"""
ALTER TABLE documents ADD COLUMN facets INTEGER GENERATED ALWAYS AS ({facets.column_sql()})
    VIRTUAL;
DROP INDEX documents_updated;
DROP INDEX documents_created;
DROP INDEX documents_deadline;
DROP INDEX documents_title;
DROP INDEX documents_urgency;
-- doc_key is named so that each index reads in its sort's total order; facets ride behind.
CREATE INDEX documents_updated ON documents(updated_at, doc_key, facets);
CREATE INDEX documents_created ON documents(created_at, doc_key, facets);
CREATE INDEX documents_deadline ON documents(deadline_sort, doc_key, facets);
CREATE INDEX documents_title ON documents(title, doc_key, facets);
CREATE INDEX documents_urgency ON documents(urgency_rank, updated_at, doc_key, facets);
DROP INDEX documents_mine;
CREATE INDEX documents_mine ON documents(created_by, updated_at, facets);
-- Each folder's side table holds its document's facets too, written with the row: a folder
-- collected with facet filters keeps only the keys that pass, reading its index alone.
ALTER TABLE holders ADD COLUMN facets INTEGER NOT NULL DEFAULT 0;
ALTER TABLE circulations ADD COLUMN facets INTEGER NOT NULL DEFAULT 0;
ALTER TABLE informed ADD COLUMN facets INTEGER NOT NULL DEFAULT 0;
ALTER TABLE participants ADD COLUMN facets INTEGER NOT NULL DEFAULT 0;
UPDATE holders SET facets = (SELECT d.facets FROM documents AS d
                             WHERE d.doc_key = holders.doc_key);
UPDATE circulations SET facets = (SELECT d.facets FROM documents AS d
                                  WHERE d.doc_key = circulations.doc_key);
UPDATE informed SET facets = (SELECT d.facets FROM documents AS d
                              WHERE d.doc_key = informed.doc_key);
UPDATE participants SET facets = (SELECT d.facets FROM documents AS d
                                  WHERE d.doc_key = participants.doc_key);
DROP INDEX holders_person;
DROP INDEX holders_pool;
DROP INDEX circulations_unread;
DROP INDEX informed_person;
CREATE INDEX holders_person ON holders(person_id, doc_key, facets)
    WHERE done = 0 AND person_id IS NOT NULL;
CREATE INDEX holders_pool ON holders(unit_id, role, doc_key, exclude_person_id, facets)
    WHERE done = 0 AND person_id IS NULL;
CREATE INDEX circulations_unread ON circulations(person_id, doc_key, facets) WHERE read = 0;
CREATE INDEX informed_person ON informed(person_id, doc_key, facets);
"""


def _v10_facets(db: sqlite_utils.Database) -> None:
    """Version 10 (issue 18): each sort's index carries the inbox filters' columns packed in
    one integer (facets.py), so a page's walk tests them in the index, and each folder's side
    table carries it too, so a folder is collected with them (inbox.py)."""
    db.executescript(_V10_FACETS)


# MIGRATIONS[n] takes a database at version n to version n + 1. Append only; never edit one
# that has shipped. tests/officeapp/store/test_migrations.py runs every path to the latest.
MIGRATIONS: Sequence[Migration] = (_v1_initial, _v2_meetings_and_supervision,
                                   _v3_delegation_ids, _v4_text_index_complete,
                                   _v5_character_index, _v6_informed, _v7_trace_unchecked,
                                   _v8_store_less, _v9_inbox_entries, _v10_facets)

LATEST_VERSION = len(MIGRATIONS)
# The version whose migration frees most of an existing store's pages (VACUUM after it).
_SHRINKS = 8


def version_of(db: sqlite_utils.Database) -> int:
    """Return the schema version recorded in PRAGMA user_version."""
    row = db.conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(db: sqlite_utils.Database, *, target: int | None = None) -> int:
    """Bring the database forward to `target` (the latest), one version per transaction."""
    latest = len(MIGRATIONS)
    target = latest if target is None else target
    current = version_of(db)
    if current > latest:
        raise StoreError("store.too_new",
                         "本地数据库由更新版本的程序创建，请升级本程序后再打开",
                         version=current, supported=latest)
    for version in range(current, target):
        _step(db, version)
    if 0 < current < _SHRINKS <= target:
        # Its pages would stay in the file, free (auto_vacuum is off): at 100k documents the
        # file is 790 MB after the migration and 257 MB after this (~1.5 s).
        db.conn.execute("VACUUM")
    return max(current, target)


def _step(db: sqlite_utils.Database, version: int) -> None:
    """Run one migration and record the new version in the same transaction."""
    with transaction(db.conn):
        MIGRATIONS[version](db)
        # user_version lives in the database header, which commits and rolls back with us.
        db.conn.execute(f"PRAGMA user_version = {version + 1}")
        db.conn.execute(
            "INSERT INTO sync_meta(key, value) VALUES ('schema_version', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(version + 1),))
