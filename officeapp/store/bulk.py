"""A pulled page written by SQLite from its JSON as received: no Python per document.

At 100k documents an initial sync spent most of its time decoding pages and building rows in
Python. Here the sync layer hands over the page's body as it came; `stage` splits it into its
changes in staging tables and extracts, with SQLite's JSON functions, everything the rows
of each document need; `apply` (inside the page's transaction) writes the documents, their
JSON as received (packed), holders, circulations, participants and text index in a few
INSERT … SELECT statements, then hands every other change — other kinds of records, revokes,
and each document the checks below did not accept — to `pull.apply_page`, which treats them
exactly as before (a malformed document is skipped and logged there).

The checks accept a document only in the shape `codec.document_to_dict` writes (types, enum
values, ISO times as `datetime.isoformat` writes them, no repeated top-level key), and for
such a document the rows written equal `rows.rows_from_data` (the stored JSON keeps the
server's escapes and key order; it decodes to the same value). Anything else takes the Python
path, record by record; a page whose envelope is not in the usual shape is not staged at all
and the caller decodes it whole (`stage` returns None). tests/officeapp/store/test_bulk.py
compares both paths on generated documents, odd and malformed ones included.

Not checked, for their cost (a server that writes JSON from dicts or JSONB cannot produce
them, and neither can crash the client or store unreadable rows): a key repeated inside a
trace entry, holder or circulation (read here with its first copy, by Python with its last),
and a number beyond float range in a field no row reads (Python would skip the document).
"""

from __future__ import annotations

import itertools
import json
import logging
import sqlite3
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import sqlite_utils

from officeapp.documents import URGENCY_RANK, Classification, Direction, DocType
from officeapp.org import Role
from officeapp.store import docs, meta, pull, traces
from officeapp.store.packing import PACK_SQL
from officeapp.store.pull import PulledChange, PulledRejection, PullOutcome, PullPage
from officeapp.store.rows import NO_DEADLINE
from officeapp.store.search import INDEX_TEXT_SQL
from officeapp.workflow.definitions import WORKFLOWS
from officeapp.workflow.model import ActionKind, Retention

# Integers beyond this are not taken as they are (SQLite's JSON reads huge ones as REAL).
_SAFE = 2**53 - 1
# Escapes SQLite would decode differently from Python (it cuts text at NUL and writes lone
# surrogates as invalid UTF-8): a page that has one anywhere is decoded by Python instead.
_ODD_ESCAPES = ("\\u0000", "\\ud", "\\uD")

# The keys of `document_to_dict` and of its parts. With all of them removed, the rest of a
# document shows an unknown key, or a key that appeared twice (SQLite reads the first copy,
# Python the last).
DOCUMENT_KEYS = (
    "id", "direction", "doc_type", "title", "owner_unit_id", "created_by", "created_at", "step",
    "urgency", "classification", "agency_code", "doc_number", "main_recipients",
    "cc_recipients", "countersign_units", "signer_id", "signer_name", "body", "attachments",
    "note", "written_date", "issuer", "print_unit", "print_date", "source_document_id",
    "sender_unit", "received_number", "lead_unit_id", "co_unit_ids", "deadline",
    "circulate_to", "holders", "trace", "circulations", "archive", "official_pdf", "version",
    "updated_at", "body_versions",
)
OFFICIAL_PDF_KEYS = ("name", "sha256", "size")
# Keys the server's pull adds beside the codec's: the trace chain's [length, head] (and, from
# servers before issue 18, the chain hash of each trace entry).
WIRE_KEYS = ("trace_chain", "trace_hashes")
TRACE_KEYS = ("seq", "step", "action", "actor_id", "actor_name", "at", "opinion",
              "on_behalf_of", "target_step", "details", "acted_at")
HOLDER_KEYS = ("unit_id", "roles", "person_id", "on_behalf_of", "added", "lead", "done",
               "claimed_at")
CIRCULATION_KEYS = ("person_id", "sent_by", "sent_at", "read_at")
ARCHIVE_KEYS = ("year", "retention", "item_number")
_LISTS = ("main_recipients", "cc_recipients", "countersign_units", "co_unit_ids",
          "circulate_to")
_CHANGE_KEYS = ("seq", "kind", "id", "op", "data")

log = logging.getLogger(__name__)
_tokens = itertools.count(1)
SCHEMA = "staged"


@dataclass(frozen=True)
class Staged:
    """A page split into its changes in the staging tables, waiting for `apply`.

    `head` is the answer without its changes (JSON text, as SQLite wrote it); the caller
    checks it against the protocol and builds the StagedPage to apply.
    """

    token: int
    head: str
    image: bytes | None = field(default=None, repr=False)
    size: int = 0  # how many changes


@dataclass(frozen=True)
class StagedPage:
    """A staged page with its envelope checked: what `LocalStore.apply_pull` takes."""

    token: int
    cursor: int
    last_mutation_id: int
    rejected: Sequence[PulledRejection] = field(default_factory=tuple)
    has_more: bool = False
    reset: bool = False
    # The staging tables, when a `Stager` staged the page on its own connection.
    image: bytes | None = field(default=None, repr=False)
    size: int = 0  # how many changes


class NotStaged(RuntimeError):
    """`apply` was given a page that is not the one staged last (a programming error)."""


# --- SQL pieces ------------------------------------------------------------------------------
# SQLite (3.40) parses a JSON text anew in each statement, and renders every part it returns
# as new text: each statement below reads one text once and keeps what it read in columns,
# and the checks read only columns.


def _quote(values: Collection[str]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in sorted(values))


def _paths(keys: Sequence[str], prefix: str = "$.") -> str:
    return ", ".join(f"'{prefix}{k}'" for k in keys)


def _text(x: str) -> str:
    """`x` (read by json_extract) was a JSON string. Objects and arrays come back as their
    JSON text, which starts with { or [; a string that starts so is left to Python."""
    return f"(typeof({x}) = 'text' AND ifnull(unicode({x}), 0) NOT IN (91, 123))"


def _opt_text(x: str) -> str:
    """Absent, null or a string."""
    return f"({x} IS NULL OR {_text(x)})"


def _int(x: str) -> str:
    """A JSON integer (or true/false, which Python's int() takes as 1/0 too) of safe size."""
    return f"(typeof({x}) = 'integer' AND {x} BETWEEN -{_SAFE} AND {_SAFE})"


def _none_of(rest: str, keys: Sequence[str]) -> str:
    """`rest` (a record with its known keys removed once) holds none of `keys` a second
    time: SQLite reads the first copy of a repeated key, Python the last."""
    absent = " AND ".join(f"json_type({rest}, '$.{k}') IS NULL" for k in keys)
    return f"({absent})"


_DAY = "[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]"
_CLOCK = "[0-2][0-9]:[0-5][0-9]:[0-5][0-9]"
_MICRO = "." + "[0-9]" * 6
_OFFSET = "[+-][01][0-9]:[0-5][0-9]"


def _calendar(x: str) -> str:
    """The first ten characters of `x` are a real date (the month has that day)."""
    return (f"(substr({x}, 6, 2) BETWEEN '01' AND '12' AND substr({x}, 9, 2)"
            f" BETWEEN '01' AND '28' OR date(substr({x}, 1, 10), '+0 days') = substr({x}, 1, 10))")


def _date_ok(x: str) -> str:
    """A date as `date.isoformat` writes it (years 1000–2999)."""
    return f"(typeof({x}) = 'text' AND length({x}) = 10 AND {x} GLOB '{_DAY}' AND {_calendar(x)})"


def _time_ok(x: str) -> str:
    """A time as `datetime.isoformat` writes it: seconds, microseconds or none, an offset
    or none (years 1000–2999, offsets up to 14 hours: what SQLite's strftime converts)."""
    return (
        f"(typeof({x}) = 'text' AND CASE length({x})"
        f" WHEN 25 THEN {x} GLOB '{_DAY}T{_CLOCK}{_OFFSET}' AND substr({x}, 21, 2) <= '14'"
        f" WHEN 32 THEN {x} GLOB '{_DAY}T{_CLOCK}{_MICRO}{_OFFSET}' AND substr({x}, 28, 2) <= '14'"
        f" WHEN 19 THEN {x} GLOB '{_DAY}T{_CLOCK}' WHEN 26 THEN {x} GLOB '{_DAY}T{_CLOCK}{_MICRO}'"
        # Not NULL for another length: the checks run as NOT (…), and NOT NULL passes a row.
        f" ELSE 0 END AND substr({x}, 12, 2) <= '23' AND {_calendar(x)})")


def _opt_time(x: str) -> str:
    """Absent, null, '' or a time (Python's `rows._moment`)."""
    return f"({x} IS NULL OR {x} = '' OR {_time_ok(x)})"


def _stamp(x: str) -> str:
    """`db.timestamp` of the time `x` (checked by `_time_ok`): aware times in UTC, always
    with microseconds."""
    utc = "strftime('%Y-%m-%dT%H:%M:%S', substr({x}, 1, 19) || substr({x}, {at}))"
    return (f"CASE length({x}) WHEN 19 THEN {x} || '.000000' WHEN 26 THEN {x}"
            f" WHEN 25 THEN {utc.format(x=x, at=20)} || '.000000+00:00'"
            f" ELSE {utc.format(x=x, at=27)} || substr({x}, 20, 7) || '+00:00' END")


_EXCLUDING_STEPS = sorted((d.value, s.key) for d, w in WORKFLOWS.items() for s in w.steps
                          if s.excludes_creator)
_EXCLUDES = " OR ".join(f"(x.direction = '{d}' AND x.step = '{s}')"
                        for d, s in _EXCLUDING_STEPS) or "0"
_URGENCY_RANK = " ".join(f"WHEN '{u.value}' THEN {rank}" for u, rank in URGENCY_RANK.items())

# --- the staging tables ----------------------------------------------------------------------
# They live in a private in-memory database attached as `staged`: a `Stager` fills its own on
# another thread, and the store's connection takes them over whole (`load`).

_DOC_VALUES = ("id", "direction", "doc_type", "title", "doc_number", "urgency",
               "classification", "owner_unit_id", "created_by", "step", "created_at",
               "updated_at", "deadline", "version", "body", "written_date", "print_date")
_DOC_TYPES = ("trace", "holders", "circulations", "attachments", "archive", *_LISTS,
              "body_versions", "informed", "trace_chain", "trace_hashes", "official_pdf")
_DOC_TEXTS = ("archive", "official_pdf", "attachments", "trace", "holders", "circulations",
              "body_versions", "trace_chain", "trace_hashes")
_TRACE_VALUES = ("seq", "step", "action", "actor_id", "actor_name", "at", "opinion",
                 "on_behalf_of", "target_step", "details", "acted_at")
_HOLDER_VALUES = ("unit_id", "person_id", "done", "claimed_at")
_CIRCULATION_VALUES = ("person_id", "sent_at", "read_at")

_STAGED_TABLES = (
    # Small columns first: the JSON texts at the end spill to overflow pages.
    "CREATE TABLE staged.bulk_changes (pos INTEGER PRIMARY KEY, seq, seq_t TEXT, kind, id, op,"
    " data_t TEXT, change_rest TEXT, "
    + ", ".join(f"d_{k}" for k in _DOC_VALUES) + ", "
    + ", ".join(f"{k}_t TEXT" for k in _DOC_TYPES)
    + ", doc_rest TEXT, " + ", ".join(f"{k} TEXT" for k in _DOC_TEXTS) + ", data TEXT)",
    "CREATE TABLE staged.bulk_trace (pos INTEGER NOT NULL, idx INTEGER NOT NULL, type TEXT, "
    + ", ".join(_TRACE_VALUES) + ", details_t TEXT, PRIMARY KEY (pos, idx))",
    "CREATE TABLE staged.bulk_holders (pos INTEGER NOT NULL, idx INTEGER NOT NULL, type TEXT, "
    + ", ".join(_HOLDER_VALUES)
    + ", roles_t TEXT, roles TEXT, PRIMARY KEY (pos, idx))",
    "CREATE TABLE staged.bulk_roles (pos INTEGER NOT NULL, idx INTEGER NOT NULL,"
    " ridx INTEGER NOT NULL, type TEXT, role, PRIMARY KEY (pos, idx, ridx))",
    "CREATE TABLE staged.bulk_circulations (pos INTEGER NOT NULL, idx INTEGER NOT NULL,"
    " type TEXT, " + ", ".join(_CIRCULATION_VALUES)
    + ", sent_by_t TEXT, PRIMARY KEY (pos, idx))",
    "CREATE TABLE staged.bulk_ok (pos INTEGER PRIMARY KEY)",
    "CREATE TABLE staged.bulk_keys (pos INTEGER PRIMARY KEY, doc_key INTEGER, existed INTEGER)",
    "CREATE TABLE staged.bulk_token (token INTEGER NOT NULL)",
)
_STAGED = ("bulk_changes", "bulk_trace", "bulk_holders", "bulk_roles",
           "bulk_circulations", "bulk_ok", "bulk_keys", "bulk_token")

# --- staging: JSON work only, before the page's transaction --------------------------------

_DATA_PATHS = _paths((*DOCUMENT_KEYS, *WIRE_KEYS), "$.data.")
# A change that is not an object is read as {} (and so found unshaped below).
_STAGE_CHANGES = (
    "WITH raw(pos, v) AS MATERIALIZED (SELECT key, CASE WHEN type = 'object' THEN value"
    " ELSE '{}' END FROM json_each(?1, '$.changes'))"
    " INSERT INTO staged.bulk_changes SELECT pos, json_extract(v, '$.seq'),"
    " json_type(v, '$.seq'), json_extract(v, '$.kind'), json_extract(v, '$.id'),"
    " json_extract(v, '$.op'), json_type(v, '$.data'),"
    f" json_remove(v, {_paths(_CHANGE_KEYS)}), "
    + ", ".join(f"json_extract(v, '$.data.{k}')" for k in _DOC_VALUES) + ", "
    + ", ".join(f"json_type(v, '$.data.{k}')" for k in _DOC_TYPES)
    + f", json_remove(v, {_paths(_CHANGE_KEYS[:4])}, {_DATA_PATHS}), "
    + ", ".join(f"json_extract(v, '$.data.{k}')" for k in _DOC_TEXTS)
    + ", json_extract(v, '$.data') FROM raw")
# The last change of each record wins (a put after a revoke leaves it there: pull._final).
_FINAL = "SELECT max(pos) FROM staged.bulk_changes GROUP BY kind, id"
_PUTS = f"kind = 'document' AND op = 'put' AND data_t = 'object' AND pos IN ({_FINAL})"


def _unshaped(kinds: Collection[str]) -> str:
    """A change the protocol's Change model would not take as it is, or a document naming
    another id than its change: such a page goes to the Python decoder whole."""
    shaped = (f"seq_t = 'integer' AND seq BETWEEN -{_SAFE} AND {_SAFE}"
              f" AND kind IN ({_quote(kinds)}) AND {_text('id')} AND op IN ('put', 'revoke')"
              " AND ifnull(data_t, 'null') IN ('object', 'null') AND change_rest = '{}'")
    return (f"SELECT 1 FROM staged.bulk_changes WHERE NOT ({shaped})"
            f" UNION ALL SELECT 1 FROM staged.bulk_changes WHERE {_PUTS} AND d_id IS NOT id"
            " LIMIT 1")


def _stage_items(table: str, array: str, values: Sequence[str], types: Sequence[str],
                 texts: Sequence[str] = ()) -> str:
    """The elements of one array of each final document put, their fields read once."""
    nulls = ", ".join("NULL" for _ in (*values, *types, *texts))
    return (
        "WITH raw(pos, idx, type, v) AS MATERIALIZED (SELECT c.pos, e.key, e.type, e.value"
        f" FROM staged.bulk_changes AS c, json_each(c.{array}) AS e"
        f" WHERE c.{array}_t = 'array' AND c.{_PUTS.replace('pos IN', 'c.pos IN')})"
        f" INSERT INTO staged.{table} (pos, idx, type, {', '.join(values)},"
        f" {', '.join(f'{t}_t' for t in types)}{''.join(', ' + t for t in texts)})"
        " SELECT pos, idx, type, "
        + ", ".join(f"json_extract(v, '$.{k}')" for k in values) + ", "
        + ", ".join(f"json_type(v, '$.{k}')" for k in types)
        + "".join(f", json_extract(v, '$.{k}')" for k in texts)
        + f" FROM raw WHERE type = 'object' UNION ALL SELECT pos, idx, type, {nulls}"
        " FROM raw WHERE type <> 'object'")


_STAGE_TRACE = _stage_items("bulk_trace", "trace", _TRACE_VALUES, ("details",))
_STAGE_HOLDERS = _stage_items("bulk_holders", "holders", _HOLDER_VALUES, ("roles",),
                              ("roles",))
_STAGE_ROLES = ("INSERT INTO staged.bulk_roles (pos, idx, ridx, type, role)"
                " SELECT h.pos, h.idx, r.key, r.type, r.atom FROM staged.bulk_holders AS h,"
                " json_each(h.roles) AS r WHERE h.roles_t = 'array'")
_STAGE_CIRCULATIONS = _stage_items("bulk_circulations", "circulations", _CIRCULATION_VALUES,
                                   ("sent_by",))

# --- the checks: what rows_from_data accepts, in the shape document_to_dict writes ---------

_TRACE_OK = " AND ".join((
    "t.type = 'object'", _int("t.seq"), _text("t.step"),
    f"t.action IN ({_quote({a.value for a in ActionKind})})", _text("t.actor_id"),
    _text("t.actor_name"), _time_ok("t.at"), _opt_text("t.opinion"),
    _opt_text("t.on_behalf_of"), _opt_text("t.target_step"), _opt_time("t.acted_at"),
    "ifnull(t.details_t, 'null') IN ('null', 'object')"))
_HOLDER_OK = " AND ".join((
    "h.type = 'object'", _text("h.unit_id"), _opt_text("h.person_id"),
    "(h.done IS NULL OR typeof(h.done) = 'integer')", "ifnull(h.roles_t, 'array') = 'array'",
    _opt_time("h.claimed_at")))
_ROLE_OK = f"r.type = 'text' AND r.role IN ({_quote({r.value for r in Role})})"
_CIRCULATION_OK = " AND ".join((
    "c.type = 'object'", _text("c.person_id"), "c.sent_by_t IS NOT NULL",
    _time_ok("c.sent_at"), _opt_time("c.read_at")))
_ATTACHMENT_OK = " AND ".join((
    "a.type = 'object'", "json_type(a.value, '$.name') IS NOT NULL",
    _int("ifnull(json_extract(a.value, '$.size'), 0)"),
    "ifnull(json_type(a.value, '$.size'), 'integer') = 'integer'",
    _none_of(f"json_remove(a.value, {_paths(('name', 'size'))})", ("name", "size"))))
_YEAR, _RETENTION, _ITEM = (f"json_extract(d.archive, '$.{k}')" for k in ARCHIVE_KEYS)
_ARCHIVE_OK = (
    "(ifnull(d.archive_t, 'null') = 'null' OR d.archive_t = 'object'"
    f" AND {_int(_YEAR)} AND json_type(d.archive, '$.retention') = 'text'"
    f" AND {_RETENTION} IN ({_quote({r.value for r in Retention})})"
    f" AND ({_ITEM} IS NULL AND json_type(d.archive, '$.item_number') IS NULL OR {_int(_ITEM)})"
    f" AND {_none_of(f'json_remove(d.archive, {_paths(ARCHIVE_KEYS)})', ARCHIVE_KEYS)})")
# The signed official PDF (set at 用印): null, or {name, sha256, size} and nothing else.
_OFFICIAL_NAME = "json_extract(d.official_pdf, '$.name')"
_OFFICIAL_SIZE = "ifnull(json_extract(d.official_pdf, '$.size'), 0)"
_OFFICIAL_REST = f"json_remove(d.official_pdf, {_paths(OFFICIAL_PDF_KEYS)})"
_OFFICIAL_OK = (
    "(ifnull(d.official_pdf_t, 'null') = 'null' OR d.official_pdf_t = 'object'"
    f" AND {_text(_OFFICIAL_NAME)}"
    " AND ifnull(json_type(d.official_pdf, '$.sha256'), 'text') = 'text'"
    " AND ifnull(json_type(d.official_pdf, '$.size'), 'integer') = 'integer'"
    f" AND {_int(_OFFICIAL_SIZE)} AND {_none_of(_OFFICIAL_REST, OFFICIAL_PDF_KEYS)})")
_READ_KEYS = (*_DOC_VALUES, *_DOC_TYPES)
# What is left of a document's change once every key document_to_dict writes is removed.
_CANONICAL_REST = '{"data":{}}'
_REST_DATA = "json_extract(d.doc_rest, '$.data')"
_DOC_OK = " AND ".join((
    _text("d.d_id"),
    f"d.d_direction IN ({_quote({x.value for x in Direction})})",
    f"d.d_doc_type IN ({_quote({x.value for x in DocType})})",
    f"d.d_urgency IN ({_quote({x.value for x in URGENCY_RANK})})",
    f"d.d_classification IN ({_quote({x.value for x in Classification})})",
    _text("d.d_title"), _text("d.d_owner_unit_id"), _text("d.d_created_by"), _text("d.d_step"),
    _opt_text("d.d_doc_number"), _opt_text("d.d_body"), _time_ok("d.d_created_at"),
    _opt_time("d.d_updated_at"), _opt_time("d.d_deadline"), _int("d.d_version"),
    "d.trace_t = 'array'", "d.holders_t = 'array'", "d.circulations_t = 'array'",
    "ifnull(d.trace_chain_t, 'array') = 'array'", "ifnull(d.trace_hashes_t, 'array') = 'array'",
    *(f"ifnull(d.{k}_t, 'array') = 'array'" for k in ("attachments", *_LISTS)),
    *(f"(d.d_{k} IS NULL OR d.d_{k} = '' OR {_date_ok('d.d_' + k)})"
      for k in ("written_date", "print_date")),
    _ARCHIVE_OK,
    _OFFICIAL_OK,
    # A document with 正文 versions (few) is checked and stored by the Python path.
    "ifnull(d.body_versions, '[]') = '[]'",
    # So is a document with 知会 (codec writes `informed` only when there is one).
    "d.informed_t IS NULL",
    f"(d.doc_rest = '{_CANONICAL_REST}' OR {_none_of(_REST_DATA, _READ_KEYS)})",
    "(d.attachments IS NULL OR d.attachments = '[]' OR NOT EXISTS (SELECT 1 FROM"
    f" json_each(d.attachments) AS a WHERE NOT ({_ATTACHMENT_OK})))",
    f"NOT EXISTS (SELECT 1 FROM staged.bulk_trace AS t WHERE t.pos = d.pos AND NOT ({_TRACE_OK}))",
    "NOT EXISTS (SELECT 1 FROM staged.bulk_holders AS h WHERE h.pos = d.pos"
    f" AND NOT ({_HOLDER_OK}))",
    f"NOT EXISTS (SELECT 1 FROM staged.bulk_roles AS r WHERE r.pos = d.pos AND NOT ({_ROLE_OK}))",
    "NOT EXISTS (SELECT 1 FROM staged.bulk_circulations AS c WHERE c.pos = d.pos"
    f" AND NOT ({_CIRCULATION_OK}))",
))
_CHECK_DOCS = (f"INSERT INTO staged.bulk_ok (pos) SELECT d.pos FROM staged.bulk_changes AS d"
               f" WHERE d.{_PUTS.replace('pos IN', 'd.pos IN')} AND {_DOC_OK}")

def head(conn: sqlite3.Connection, body: str) -> str | None:
    """The answer without its changes (JSON text, as SQLite writes it), read before they
    are staged; None if the page is not in the usual shape (decode it whole then)."""
    if any(escape in body for escape in _ODD_ESCAPES):
        return None
    try:
        row = conn.execute("SELECT json_type(?1, '$.changes'), json_remove(?1, '$.changes')",
                           (body,)).fetchone()
    except sqlite3.OperationalError as error:
        if "malformed JSON" in str(error):
            return None
        raise
    if row[0] != "array" or not str(row[1]).startswith("{"):
        return None
    return str(row[1])


def stage(conn: sqlite3.Connection, body: str, *, kinds: Collection[str],
          head_text: str | None = None) -> Staged | None:
    """Split a pull answer into the staging tables; None if it is not in the usual shape.

    Reads and writes only the staging tables, so it may run before the page's transaction,
    on the store's connection or on a `Stager`'s. `kinds` are the record kinds the protocol
    knows; `head_text` is what `head` returned for this body, if the caller has it already.
    """
    if head_text is None:
        head_text = head(conn, body)
        if head_text is None:
            return None
    _prepare(conn)
    _clear(conn)
    conn.execute(_STAGE_CHANGES, (body,))
    if conn.execute(_unshaped(kinds)).fetchone():
        _clear(conn)
        return None
    for statement in (_STAGE_TRACE, _STAGE_HOLDERS, _STAGE_ROLES, _STAGE_CIRCULATIONS,
                      _CHECK_DOCS):
        conn.execute(statement)
    token = next(_tokens)
    conn.execute("INSERT INTO staged.bulk_token (token) VALUES (?)", (token,))
    size = conn.execute("SELECT count(*) FROM staged.bulk_changes").fetchone()[0]
    return Staged(token, head_text, size=int(size))


def _attach(conn: sqlite3.Connection) -> None:
    """Attach the (empty, private) staging database unless it is."""
    try:
        conn.execute("SELECT 1 FROM staged.sqlite_master LIMIT 0")
    except sqlite3.OperationalError:
        conn.execute(f"ATTACH DATABASE ':memory:' AS {SCHEMA}")


def _staged_token(conn: sqlite3.Connection) -> int | None:
    """The token of the page staged on this connection; None if there is none."""
    try:
        row = conn.execute("SELECT token FROM staged.bulk_token").fetchone()
    except sqlite3.OperationalError:  # nothing attached yet
        return None
    return None if row is None else int(row[0])


def _prepare(conn: sqlite3.Connection) -> None:
    """Attach the staging database and create its tables, unless done (no transaction may
    be open: ATTACH cannot run inside one)."""
    try:
        conn.execute("SELECT 1 FROM staged.bulk_token LIMIT 0")
        return
    except sqlite3.OperationalError:
        pass
    _attach(conn)
    # One statement at a time: executescript would commit a transaction the caller holds.
    for statement in _STAGED_TABLES:
        conn.execute(statement)


def load(conn: sqlite3.Connection, image: bytes) -> None:
    """Take over the staging tables a `Stager` filled (outside the page's transaction)."""
    _attach(conn)
    conn.deserialize(image, name=SCHEMA)


class Stager:
    """Stages pages on a connection of its own, so that the next page is read while the
    store writes this one: SQLite lets go of the GIL, so both run at once on two cores.

    Its staged pages carry an image of the staging tables, which `LocalStore.apply_pull`
    loads into the store's connection. Use it from one thread at a time.
    """

    def __init__(self) -> None:
        self._conn = sqlite3.connect(":memory:", isolation_level=None,
                                     check_same_thread=False)
        _prepare(self._conn)
        # Put back after each page: cheaper than emptying the tables row by row.
        self._empty = self._conn.serialize(name=SCHEMA)

    def pull_head(self, body: str) -> str | None:
        """`head` on this connection."""
        return head(self._conn, body)

    def stage_pull(self, body: str, *, kinds: Collection[str],
                   head_text: str | None = None) -> Staged | None:
        """`stage` on this connection; the result holds the staging tables' image."""
        staged = stage(self._conn, body, kinds=kinds, head_text=head_text)
        if staged is None:
            return None
        image = self._conn.serialize(name=SCHEMA)
        self._conn.deserialize(self._empty, name=SCHEMA)
        return Staged(staged.token, staged.head, image, staged.size)

    def close(self) -> None:
        """Close the connection (the images handed out stay valid)."""
        self._conn.close()


def _clear(conn: sqlite3.Connection) -> None:
    for table in _STAGED:
        conn.execute(f"DELETE FROM staged.{table}")


# --- applying: inside the page's transaction -------------------------------------------------

# Existing documents keep their doc_key; new ones get keys after the last, in page order.
_KEYS = ("INSERT INTO staged.bulk_keys (pos, doc_key, existed)"
         " SELECT o.pos, coalesce(x.doc_key, ?1 + o.pos + 1), x.doc_key IS NOT NULL"
         " FROM staged.bulk_ok AS o JOIN staged.bulk_changes AS c ON c.pos = o.pos"
         " LEFT JOIN documents AS x ON x.id = c.id")
_OLD_KEYS = "SELECT doc_key FROM staged.bulk_keys WHERE existed"
# The written documents served with chain hashes, to check after the pull (traces.py).
_UNCHECKED = ("INSERT OR IGNORE INTO trace_unchecked (doc_key) SELECT k.doc_key"
              " FROM staged.bulk_keys AS k JOIN staged.bulk_changes AS c ON c.pos = k.pos"
              " WHERE c.trace_chain IS NOT NULL OR c.trace_hashes IS NOT NULL ORDER BY k.pos")
_OLD_TEXT = ("SELECT doc_key, title, doc_number, body, opinions FROM documents_fts_content"
             f" WHERE doc_key IN ({_OLD_KEYS})")
# What the content view (schema._V1_SEARCH) returns for each document, read from the page:
# the same values, without reading the stored JSON again.
_NEW_TEXT = (
    "SELECT k.doc_key, x.d_title AS title, ifnull(x.d_doc_number, '') AS doc_number,"
    " ifnull(x.d_body, '') AS body, ifnull((SELECT group_concat(opinion,"
    " char(10)) FROM (SELECT t.opinion FROM staged.bulk_trace AS t WHERE t.pos = k.pos"
    " AND t.opinion <> '' ORDER BY t.idx)), '') AS opinions"
    " FROM staged.bulk_keys AS k JOIN staged.bulk_changes AS x ON x.pos = k.pos ORDER BY k.pos")
_INDEX_TEXT = f"{INDEX_TEXT_SQL}(title, doc_number, body, opinions)"
_CHARS_DELETE = ("INSERT INTO documents_chars (documents_chars, rowid, text)"
                 f" SELECT 'delete', doc_key, {_INDEX_TEXT} FROM ({_OLD_TEXT})")
_CHARS_INSERT = (f"INSERT INTO documents_chars (rowid, text) SELECT doc_key, {_INDEX_TEXT}"
                 f" FROM ({_NEW_TEXT})")
_JOIN = "staged.bulk_keys AS k JOIN staged.bulk_changes AS x ON x.pos = k.pos"
_UPDATED = (f"CASE WHEN x.d_updated_at IS NULL OR x.d_updated_at = ''"
            f" THEN {_stamp('x.d_created_at')} ELSE {_stamp('x.d_updated_at')} END")
_DUE = (f"CASE WHEN x.d_deadline IS NULL OR x.d_deadline = '' THEN NULL"
        f" ELSE {_stamp('x.d_deadline')} END")
_LISTING = ("id", "direction", "doc_type", "title", "doc_number", "urgency", "urgency_rank",
            "classification", "owner_unit_id", "created_by", "step", "status", "deadline",
            "deadline_sort", "created_at", "updated_at", "version")
_WRITE_DOCUMENTS = (
    f"INSERT INTO documents (doc_key, {', '.join(_LISTING)}, pending)"
    " SELECT doc_key, d_id, d_direction, d_doc_type, d_title, d_doc_number, d_urgency,"
    f" CASE d_urgency {_URGENCY_RANK} END, d_classification, d_owner_unit_id, d_created_by,"
    " d_step, CASE d_step WHEN 'done' THEN 'completed' WHEN 'archived' THEN 'archived'"
    " ELSE 'active' END, due, ifnull(due, ?1 || updated), created, updated, d_version, 0"
    f" FROM (SELECT k.pos, k.doc_key, x.d_id, x.d_direction, x.d_doc_type, x.d_title,"
    " x.d_doc_number, x.d_urgency, x.d_classification, x.d_owner_unit_id, x.d_created_by,"
    f" x.d_step, x.d_version, {_DUE} AS due, {_UPDATED} AS updated,"
    f" {_stamp('x.d_created_at')} AS created FROM {_JOIN})"
    " WHERE true ORDER BY pos ON CONFLICT(doc_key) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in (*_LISTING, "pending")))
_WRITE_DATA = (
    "INSERT INTO document_packed (doc_key, data, base)"
    f" SELECT k.doc_key, {PACK_SQL}(x.data), NULL FROM {_JOIN} WHERE true ORDER BY k.pos"
    " ON CONFLICT(doc_key) DO UPDATE SET data = excluded.data, base = excluded.base")
# Each folder's side-table row copies its document's facets, written just before.
_FACETS = "(SELECT f.facets FROM documents AS f WHERE f.doc_key = {key})"
_WRITE_HOLDERS = (
    "INSERT INTO holders (doc_key, unit_id, person_id, role, exclude_person_id, done, facets)"
    " SELECT w.doc_key, unit_id, person_id, role, excluded, done,"
    f" {_FACETS.format(key='w.doc_key')} FROM ("
    # A personal holder: one row, no role.
    " SELECT k.pos, h.idx, '' AS role, k.doc_key, h.unit_id, h.person_id, NULL AS excluded,"
    f" ifnull(h.done, 0) <> 0 AS done FROM {_JOIN} JOIN staged.bulk_holders AS h"
    " ON h.pos = k.pos WHERE h.person_id IS NOT NULL"
    # A pool: one row per role, sorted; the drafter is excluded where the step says so.
    " UNION ALL SELECT DISTINCT k.pos, h.idx, r.role, k.doc_key, h.unit_id, NULL,"
    f" CASE WHEN {_EXCLUDES.replace('x.direction', 'x.d_direction').replace('x.step', 'x.d_step')}"
    " THEN x.d_created_by END, ifnull(h.done, 0) <> 0"
    f" FROM {_JOIN} JOIN staged.bulk_holders AS h ON h.pos = k.pos"
    " JOIN staged.bulk_roles AS r ON r.pos = h.pos AND r.idx = h.idx"
    " WHERE h.person_id IS NULL) AS w ORDER BY pos, idx, role")
_WRITE_CIRCULATIONS = (
    "INSERT INTO circulations (doc_key, person_id, read, facets) SELECT k.doc_key,"
    f" c.person_id, ifnull(c.read_at, '') <> '', {_FACETS.format(key='k.doc_key')}"
    " FROM staged.bulk_keys AS k JOIN staged.bulk_circulations AS c ON c.pos = k.pos"
    " ORDER BY k.pos, c.idx")
_WRITE_PARTICIPANTS = (
    "INSERT INTO participants (doc_key, person_id, facets) SELECT doc_key, person_id,"
    f" {_FACETS.format(key='a.doc_key')} FROM (SELECT DISTINCT k.doc_key, p.person_id"
    " FROM staged.bulk_keys AS k JOIN (SELECT pos, actor_id AS person_id FROM staged.bulk_trace"
    " UNION ALL SELECT pos, on_behalf_of FROM staged.bulk_trace WHERE on_behalf_of <> '')"
    " AS p ON p.pos = k.pos) AS a")


def apply(db: sqlite_utils.Database, page: StagedPage, *, now: datetime) -> PullOutcome:
    """Write a staged page and its cursor, then rebase; call inside one transaction."""
    conn = db.conn
    if _staged_token(conn) != page.token:
        raise NotStaged("the pull page to apply is not the one staged")
    if page.has_more and meta.cursor(conn) == 0:
        docs.merge_text_later(conn)  # an initial sync
    written = _write_documents(conn)
    traces.forget(conn, "document", written)  # rewritten: judged again from the new trace
    conn.execute(_UNCHECKED)
    rest = _python_changes(conn)
    # The rows stay until the next page replaces them (emptying them costs a page's time);
    # without its token the page cannot be applied twice.
    conn.execute("DELETE FROM staged.bulk_token")
    python_page = PullPage(cursor=page.cursor, last_mutation_id=page.last_mutation_id,
                           changes=rest, rejected=page.rejected, has_more=page.has_more,
                           reset=page.reset)
    return pull.apply_page(db, python_page, now=now, stored=written)


def _write_documents(conn: sqlite3.Connection) -> list[str]:
    """Write the accepted documents with everything derived from them; return their ids."""
    last = int(conn.execute("SELECT coalesce(max(doc_key), 0) FROM documents").fetchone()[0])
    conn.execute(_KEYS, (last,))
    # The index forgets the old text of rewritten documents before their JSON changes.
    conn.execute(_CHARS_DELETE)
    for table in ("holders", "circulations", "participants", "informed"):
        conn.execute(f"DELETE FROM {table} WHERE doc_key IN ({_OLD_KEYS})")
    conn.execute(_WRITE_DOCUMENTS, (NO_DEADLINE,))
    for statement in (_WRITE_DATA, _WRITE_HOLDERS, _WRITE_CIRCULATIONS, _WRITE_PARTICIPANTS):
        conn.execute(statement)
    conn.execute(_CHARS_INSERT)
    return [str(r[0]) for r in conn.execute(
        "SELECT c.id FROM staged.bulk_ok AS o JOIN staged.bulk_changes AS c ON c.pos = o.pos")]


def _python_changes(conn: sqlite3.Connection) -> list[PulledChange]:
    """The page's changes left to the Python path, in page order.

    Every change of other kinds (the directory reads them all, in order), and the final
    change of each document that was not written above: revokes, and puts the checks did not
    accept (decoded here; `pull.apply_page` skips and logs the malformed ones).
    """
    rows = conn.execute(
        "SELECT kind, id, op, data FROM staged.bulk_changes WHERE kind <> 'document'"
        f" OR pos IN ({_FINAL}) AND pos NOT IN (SELECT pos FROM staged.bulk_ok) ORDER BY pos")
    return [PulledChange(kind, record_id, op, None if data is None else json.loads(data))
            for kind, record_id, op, data in rows]
