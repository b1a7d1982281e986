"""The SQL path of a pull (bulk.py) stores exactly what the Python path (rows_from_data) stores,
for generated documents — odd ones, and malformed ones, which both skip with the same log."""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from officeapp.core.verdict import Accepted
from officeapp.demo import DEMO_PEOPLE, DEMO_ROOMS, DEMO_UNITS
from officeapp.documents import Classification, Direction, DocType, Urgency
from officeapp.org import Organisation, Role
from officeapp.store import LocalStore, PulledChange, PullOutcome, PullPage, bulk
from officeapp.store.bulk import StagedPage
from officeapp.workflow.codec import action_to_dict, document_to_dict
from officeapp.workflow.definitions import WORKFLOWS
from officeapp.workflow.model import ActionKind, Retention

from ...flows import Flow
from .test_initial_sync import at_review
from .test_rows import documents as codec_documents
from .test_rows import informed_document

KINDS = ("document", "unit", "person", "room", "meeting", "meeting_code", "supervision")
PEOPLE = [p.id for p in DEMO_PEOPLE]
UNITS = [u.id for u in DEMO_UNITS]
STEPS = sorted({s.key for w in WORKFLOWS.values() for s in w.steps} | {"no-such-step"})

# --- documents ---------------------------------------------------------------------------------

ZONES = st.sampled_from([None, UTC, timezone(timedelta(hours=8)),
                         timezone(timedelta(hours=-5, minutes=-30)), timezone(timedelta(hours=14)),
                         timezone(timedelta(hours=-12))])
MOMENTS = st.datetimes(min_value=datetime(1999, 12, 31), max_value=datetime(2031, 1, 1),
                       timezones=ZONES)
# Forms Python reads that the SQL checks leave to Python (so both paths must agree on them).
ODD_TIMES = st.sampled_from(["2026-12-01 09:00:00+08:00", "2026-12-01T09:00", "20261201T0900",
                             "2026-12-01T09:00:00Z", "2026-12-01T09:00:00.123+08:00",
                             "2026-02-29T09:00:00", "2024-02-29T23:59:59.999999-11:00",
                             "2026-12-01T09:00:00+23:30", "0999-12-31T23:00:00+00:00"])
TIMES = st.one_of(MOMENTS.map(lambda m: m.isoformat()), ODD_TIMES)
TEXT = st.text(st.one_of(st.sampled_from("关于数字政府建设的通知萍乡市人民政府办公室，。"),
                         st.sampled_from('ab {}[]"\\/\n\t\x01\u2028😀'),
                         st.characters(codec="utf-8", exclude_categories=("Cs",))),
               max_size=12)


@st.composite
def holder(draw: st.DrawFn) -> dict[str, Any]:
    personal = draw(st.booleans())
    return {"unit_id": draw(st.sampled_from(UNITS)),
            "roles": draw(st.lists(st.sampled_from([r.value for r in Role]), max_size=4)),
            "person_id": draw(st.sampled_from(PEOPLE)) if personal else None,
            "on_behalf_of": draw(st.none() | st.sampled_from(PEOPLE)),
            "added": draw(st.booleans()), "lead": draw(st.booleans()),
            "done": draw(st.booleans()),
            "claimed_at": draw(st.none() | st.just("") | TIMES)}


@st.composite
def entry(draw: st.DrawFn, seq: int) -> dict[str, Any]:
    return {"seq": draw(st.sampled_from([seq, seq, 1])),  # sometimes a repeated seq
            "step": draw(st.sampled_from(STEPS)),
            "action": draw(st.sampled_from([a.value for a in ActionKind])),
            "actor_id": draw(st.sampled_from(PEOPLE)), "actor_name": draw(TEXT),
            "at": draw(TIMES), "opinion": draw(st.just("") | TEXT),
            "on_behalf_of": draw(st.none() | st.just("") | st.sampled_from(PEOPLE)),
            "target_step": draw(st.none() | st.sampled_from(STEPS)),
            "details": draw(st.just({}) | st.dictionaries(st.sampled_from(["unit_ids", "n"]),
                                                          st.integers() | TEXT, max_size=2))}


@st.composite
def document(draw: st.DrawFn, doc_id: str) -> dict[str, Any]:
    direction = draw(st.sampled_from(list(Direction)))
    steps = [s.key for s in WORKFLOWS[direction].steps]
    return {
        "id": doc_id, "direction": direction.value,
        "doc_type": draw(st.sampled_from(list(DocType))).value, "title": draw(TEXT),
        "owner_unit_id": draw(st.sampled_from(UNITS)),
        "created_by": draw(st.sampled_from(PEOPLE)), "created_at": draw(TIMES),
        # The review step excludes the drafter from its pool.
        "step": draw(st.sampled_from([*steps, "review", "no-such-step"])),
        "urgency": draw(st.sampled_from(list(Urgency))).value,
        "classification": draw(st.sampled_from(list(Classification))).value,
        "agency_code": draw(TEXT), "doc_number": draw(st.none() | st.just("") | TEXT),
        "main_recipients": draw(st.lists(st.sampled_from(UNITS), max_size=2)),
        "cc_recipients": [], "countersign_units": [], "signer_id": None, "signer_name": "",
        "body": draw(TEXT), "attachments": draw(st.lists(st.fixed_dictionaries(
            {"name": TEXT, "sha256": st.just("a" * 64), "size": st.integers(0, 10**9)}),
            max_size=2)),
        "note": "", "written_date": draw(st.none() | st.just("") | st.dates(
            datetime(1990, 1, 1).date(), datetime(2040, 1, 1).date()).map(str)),
        "issuer": "", "print_unit": "", "print_date": None, "source_document_id": None,
        "sender_unit": "", "received_number": "", "lead_unit_id": None, "co_unit_ids": [],
        "deadline": draw(st.none() | st.just("") | TIMES), "circulate_to": [],
        "holders": draw(st.lists(holder(), max_size=3)),
        "trace": [draw(entry(seq)) for seq in range(1, draw(st.integers(0, 4)) + 1)],
        "circulations": draw(st.lists(st.fixed_dictionaries(
            {"person_id": st.sampled_from(PEOPLE), "sent_by": st.sampled_from(PEOPLE),
             "sent_at": TIMES, "read_at": st.none() | st.just("") | TIMES}), max_size=2)),
        "archive": draw(st.none() | st.fixed_dictionaries(
            {"year": st.integers(2000, 2030),
             "retention": st.sampled_from([r.value for r in Retention]),
             "item_number": st.integers(0, 99)})),
        "version": draw(st.integers(1, 30)), "updated_at": draw(st.none() | st.just("") | TIMES),
    }


BAD_VALUES: tuple[Any, ...] = (None, "", "x", 17, -1.5, [], {}, ["x"], {"a": 1}, "2026-13-45",
                               True, False, 2**70, "{x", "[1]", "1e400", 1e300)


def _paths(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    found: list[tuple[Any, ...]] = [(key,) for key in data]
    for part in ("holders", "trace", "circulations", "attachments"):
        for index, item in enumerate(data.get(part) or []):
            found += [(part, index, key) for key in item]
    for index, _ in enumerate((data.get("holders") or [{}])[0].get("roles") or []):
        found.append(("holders", 0, "roles", index))
    if isinstance(data.get("archive"), dict):
        found += [("archive", key) for key in data["archive"]]
    return found


@st.composite
def maybe_broken(draw: st.DrawFn, doc_id: str) -> dict[str, Any]:
    """A document; one time in three with one value replaced or dropped."""
    data = draw(document(doc_id))
    if draw(st.integers(0, 2)) == 0:
        path = draw(st.sampled_from(_paths(data)))
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        if draw(st.booleans()) and isinstance(target, dict):
            del target[path[-1]]
        else:
            target[path[-1]] = draw(st.sampled_from(BAD_VALUES))
    return data


# --- pages ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """A pull answer: its changes as dicts and the flags."""

    cursor: int
    changes: list[dict[str, Any]]
    has_more: bool

    def body(self, *, ascii_spaced: bool) -> str:
        """The answer as our server writes it (compact UTF-8), or escaped and spaced (an older
        SQLite server, or PostgreSQL's JSONB text with its spaces)."""
        answer = {"cursor": self.cursor, "last_mutation_id": 0, "changes": self.changes,
                  "results": [], "has_more": self.has_more, "reset": False}
        if ascii_spaced:
            return json.dumps(answer)
        return json.dumps(answer, ensure_ascii=False, separators=(",", ":"))

    def pull_page(self) -> PullPage:
        """The page as the Python path gets it (json.loads, then the wire model)."""
        answer = json.loads(self.body(ascii_spaced=False))
        return PullPage(cursor=self.cursor, last_mutation_id=0, has_more=self.has_more,
                        changes=[PulledChange(c["kind"], c["id"], c["op"], c.get("data"))
                                 for c in answer["changes"]])


@st.composite
def pages(draw: st.DrawFn) -> list[Page]:
    """Two pages: an initial sync's first page, then one that rewrites and revokes some."""
    ids = [f"doc-{n}" for n in range(draw(st.integers(1, 5)))]
    first = [{"seq": n + 1, "kind": "document", "id": i, "op": "put",
              "data": draw(maybe_broken(i))} for n, i in enumerate(ids)]
    if draw(st.booleans()):  # another kind: goes through the Python path in both
        first.append({"seq": 90, "kind": "room", "id": "r-x", "op": "put",
                      "data": {"id": "r-x", "name": "第三会议室"}})
    second = []
    for n, doc_id in enumerate(draw(st.lists(st.sampled_from(ids), max_size=3))):
        op = draw(st.sampled_from(["put", "put", "revoke"]))
        second.append({"seq": 100 + n, "kind": "document", "id": doc_id, "op": op,
                       "data": draw(maybe_broken(doc_id)) if op == "put" else None})
    return [Page(len(first), first, True), Page(200, second, False)]


# --- the two paths ------------------------------------------------------------------------------


@contextmanager
def two_stores() -> Iterator[tuple[LocalStore, LocalStore]]:
    with tempfile.TemporaryDirectory() as folder:
        stores = [LocalStore.open(Path(folder) / f"{name}.db") for name in ("sql", "python")]
        try:
            for store in stores:
                store.save_directory(units=DEMO_UNITS, people=DEMO_PEOPLE, rooms=DEMO_ROOMS)
            yield stores[0], stores[1]
        finally:
            for store in stores:
                store.close()


def apply_staged(store: LocalStore, body: str) -> tuple[PullOutcome, int] | None:
    """Apply a page through the SQL path; return the outcome and how many documents SQL
    wrote, or None if the store would not stage the page."""
    staged = store.stage_pull(body, kinds=KINDS)
    if staged is None:
        return None
    head = json.loads(staged.head)
    written = store.db.conn.execute("SELECT count(*) FROM staged.bulk_ok").fetchone()[0]
    page = StagedPage(staged.token, head["cursor"], head["last_mutation_id"], (),
                      head["has_more"], head["reset"])
    return store.apply_pull(page), written


class Logged(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def logged() -> Iterator[list[str]]:
    handler = Logged()
    logger = logging.getLogger("officeapp.store.pull")
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


def contents(store: LocalStore) -> dict[str, Any]:
    """Everything the store holds for documents, keyed by document id (doc_keys may differ:
    a document the checks leave to Python is numbered after the page's others)."""
    conn = store.db.conn
    key = "(SELECT id FROM documents AS d WHERE d.doc_key = t.doc_key)"

    def rows(sql: str) -> list[tuple[Any, ...]]:
        return sorted(conn.execute(sql).fetchall(), key=repr)

    found: dict[str, Any] = {
        "documents": rows("SELECT id, direction, doc_type, title, doc_number, urgency,"
                          " urgency_rank, classification, owner_unit_id, created_by, step,"
                          " status, deadline, deadline_sort, created_at, updated_at, version,"
                          " pending FROM documents"),
        # Holder and circulation rows keep their order within a document.
        "holders": rows(f"SELECT {key}, row_number() OVER (PARTITION BY doc_key ORDER BY rowid),"
                        " unit_id, person_id, role, exclude_person_id, done FROM holders AS t"),
        "circulations": rows(f"SELECT {key}, row_number() OVER (PARTITION BY doc_key ORDER BY"
                             " rowid), person_id, read FROM circulations AS t"),
        "participants": rows(f"SELECT {key}, person_id FROM participants AS t"),
        # Each side-table row carries its document's facets (schema v10).
        "stale_facets": rows(" UNION ALL ".join(
            f"SELECT '{table}', t.doc_key, t.facets FROM {table} AS t JOIN documents AS d"
            " USING (doc_key) WHERE t.facets IS NOT d.facets"
            for table in ("holders", "circulations", "participants", "informed"))),
        "fts": rows(f"SELECT {key}, title, doc_number, body, opinions"
                    " FROM documents_fts_content AS t"),
        "base": rows(f"SELECT {key}, base FROM document_data AS t"),
        "cursor": store.get_cursor(),
        "character_index": rows("SELECT d.id, v.term, v.offset FROM temp.chars AS v"
                                " JOIN documents AS d ON d.doc_key = v.doc"),
    }
    found["data"] = {doc_id: json.loads(text) for doc_id, text in conn.execute(
        "SELECT d.id, x.data FROM documents AS d JOIN document_data AS x USING (doc_key)")}
    found["data_text"] = dict(conn.execute(
        "SELECT d.id, x.data FROM documents AS d JOIN document_data AS x USING (doc_key)"))
    return found


def index_vocabulary(store: LocalStore) -> None:
    store.db.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.chars USING"
                          " fts5vocab(main, documents_chars, instance)")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages(), st.booleans())
def test_the_sql_path_stores_what_the_python_path_stores(pages: list[Page],
                                                        ascii_spaced: bool) -> None:
    with two_stores() as (sql, python):
        for page in pages:
            with logged() as sql_log:
                staged = apply_staged(sql, page.body(ascii_spaced=ascii_spaced))
                outcome = staged[0] if staged else sql.apply_pull(page.pull_page())
            with logged() as python_log:
                expected = python.apply_pull(page.pull_page())
            assert outcome == expected
            assert sql_log == python_log
        for store in (sql, python):
            index_vocabulary(store)
        got, want = contents(sql), contents(python)
        assert got["stale_facets"] == want["stale_facets"] == []
        if ascii_spaced:  # the JSON is stored as received: escapes kept, same value
            got.pop("data_text"), want.pop("data_text")
        assert got == want
        for key, value in want["data"].items():  # same key order too
            assert list(got["data"][key]) == list(value)


def test_valid_documents_take_the_sql_path() -> None:
    """Real documents (every step, every optional part) are written by SQL, none left to
    Python, and equal what rows_from_data gives."""
    found = [replace(d, id=f"doc-{n}") for n, d in enumerate(codec_documents())]
    changes = [{"seq": n + 1, "kind": "document", "id": d.id, "op": "put",
                "data": document_to_dict(d)} for n, d in enumerate(found)]
    page = Page(len(changes), changes, False)
    with two_stores() as (sql, python):
        staged = apply_staged(sql, page.body(ascii_spaced=False))
        assert staged is not None and staged[1] == len(found)
        python.apply_pull(page.pull_page())
        index_vocabulary(sql), index_vocabulary(python)
        assert contents(sql) == contents(python)


@settings(max_examples=60, deadline=None)
@given(document("doc-0"))
def test_valid_generated_documents_in_the_codec_s_form_take_the_sql_path(
        data: dict[str, Any]) -> None:
    """Only what the codec would not write (odd time forms, text starting with { or [) is
    left to Python."""
    body = Page(1, [{"seq": 1, "kind": "document", "id": "doc-0", "op": "put", "data": data}],
                False).body(ascii_spaced=False)
    with two_stores() as (sql, _):
        staged = apply_staged(sql, body)
        if "\\u0000" in body:
            assert staged is None
        elif all(_is_canonical_time(t) for t in _times(data)) and _plain_texts(data):
            assert staged is not None and staged[1] == 1


def _times(data: dict[str, Any]) -> list[str]:
    found = [data["created_at"]] + [v for v in (data["updated_at"], data["deadline"]) if v]
    found += [e["at"] for e in data["trace"]]
    found += [h["claimed_at"] for h in data["holders"] if h["claimed_at"]]
    found += [c[k] for c in data["circulations"] for k in ("sent_at", "read_at") if c[k]]
    return found


def _is_canonical_time(text: str) -> bool:
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return False
    offset = parsed.utcoffset()
    return (parsed.isoformat() == text and 1000 <= parsed.year <= 2999
            and (offset is None or abs(offset) <= timedelta(hours=14)))


def _plain_texts(data: dict[str, Any]) -> bool:
    """No text the SQL checks leave to Python: starting with { or [."""
    texts = [data["id"], data["title"], data["doc_number"] or "", data["body"]]
    texts += [e[k] or "" for e in data["trace"] for k in ("step", "actor_name", "opinion")]
    return not any(t[:1] in ("{", "[") for t in texts)


@pytest.mark.parametrize("body", [
    "not json", "[]", '{"cursor": 1}', '{"changes": {}}', '{"changes": [1]}',
    '{"changes": [{"seq": 1, "kind": "document", "id": "x", "op": "put", "extra": 1}]}',
    '{"changes": [{"seq": true, "kind": "document", "id": "x", "op": "put"}]}',
    '{"changes": [{"seq": 1, "kind": "galaxy", "id": "x", "op": "put"}]}',
    '{"changes": [{"seq": 1, "kind": "document", "id": "x", "op": "merge"}]}',
    '{"changes": [{"seq": 1, "kind": "document", "id": "x", "op": "put", "data": "s"}]}',
    '{"changes": [{"seq": 1, "kind": "document", "id": "x", "op": "put", "data": {"id": "y"}}]}',
    '{"changes": [{"seq": 1, "seq": 2, "kind": "document", "id": "x", "op": "put"}]}',
    '{"changes": [{"seq": 1, "kind": "document", "id": "x", "op": "put", "data": {"a": NaN}}]}',
    '{"changes": [{"seq": 1, "kind": "document", "id": "x\\u0000", "op": "put"}]}',
    '{"changes": [{"seq": 1, "kind": "document", "id": "\\ud800", "op": "put"}]}',
])
def test_a_page_not_in_the_usual_shape_is_not_staged(body: str, tmp_path: Path) -> None:
    """Then it is decoded whole in Python and judged as before (sync.client.pages)."""
    with LocalStore.open(tmp_path / "store.db") as store:
        assert store.stage_pull(body, kinds=KINDS) is None


def test_a_staged_page_must_be_the_last_one_staged(tmp_path: Path) -> None:
    body = Page(1, [], False).body(ascii_spaced=False)
    with LocalStore.open(tmp_path / "store.db") as store:
        first = store.stage_pull(body, kinds=KINDS)
        second = store.stage_pull(body, kinds=KINDS)
        assert first is not None and second is not None
        with pytest.raises(bulk.NotStaged):
            store.apply_pull(StagedPage(first.token, 1, 0))
        store.apply_pull(StagedPage(second.token, 1, 0))
        assert store.get_cursor() == 1


def test_a_pulled_page_rebases_pending_local_work_as_the_python_path_does() -> None:
    """A document the user acted on offline, pulled again: the action is replayed on the
    server's version in both paths."""
    base = at_review(1)[0]
    flow = Flow(Organisation(DEMO_UNITS, DEMO_PEOPLE), datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    first = Page(1, [{"seq": 1, "kind": "document", "id": base.id, "op": "put",
                      "data": document_to_dict(base)}], False)
    newer = replace(base, title="关于第000号专项检查的通知（修订）", version=base.version + 1)
    second = Page(2, [{"seq": 2, "kind": "document", "id": base.id, "op": "put",
                       "data": document_to_dict(newer)}], False)
    with two_stores() as (sql, python):
        action, now = flow.action(ActionKind.APPROVE, opinion="已核稿"), flow.tick()
        for store in (sql, python):
            store.apply_pull(first.pull_page())
            decision = store.apply_record_action(
                "document", record_id=base.id, actor=flow.actor("office.reviewer"), action=action,
                now=now, mutation_name="document.act",
                mutation_args={"document_id": base.id, "action": action_to_dict(action)})
            assert isinstance(decision, Accepted), decision
        staged = apply_staged(sql, second.body(ascii_spaced=False))
        assert staged is not None and staged[1] == 1
        python.apply_pull(second.pull_page())
        for store in (sql, python):
            index_vocabulary(store)
        got, want = contents(sql), contents(python)
        assert got == want
        assert got["documents"][0][-1] == 1  # still pending: the approval was replayed
        assert sql.get_document(base.id) == python.get_document(base.id)


def test_a_document_with_informed_people_is_left_to_python_and_its_rows_written() -> None:
    informed = replace(informed_document(), id="doc-informed")
    changes = [{"seq": 1, "kind": "document", "id": informed.id, "op": "put",
                "data": document_to_dict(informed)}]
    page = Page(1, changes, False)
    with two_stores() as (sql, python):
        staged = apply_staged(sql, page.body(ascii_spaced=False))
        assert staged is not None and staged[1] == 0  # not written by SQL
        python.apply_pull(page.pull_page())
        for store in (sql, python):
            assert store.get_document(informed.id) == informed
            rows = store.db.conn.execute("SELECT person_id, read FROM informed").fetchall()
            assert sorted(rows) == [("p-edu.leader", 0), ("p-finance.leader", 1)]


def test_the_key_lists_match_the_codec() -> None:
    data = document_to_dict(codec_documents()[-1])
    assert tuple(data) == bulk.DOCUMENT_KEYS
    assert tuple(data["trace"][0]) == bulk.TRACE_KEYS
    assert tuple(data["holders"][0]) == bulk.HOLDER_KEYS
    assert tuple(data["circulations"][0]) == bulk.CIRCULATION_KEYS
    assert tuple(data["archive"]) == bulk.ARCHIVE_KEYS
