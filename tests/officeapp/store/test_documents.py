"""Documents in and out of the store: round trips, index rows, trace, purge and revert."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from officeapp.documents import Classification, Direction, DocType, Urgency
from officeapp.org import Role
from officeapp.store import LocalStore
from officeapp.workflow import (
    WORKFLOWS,
    ActionKind,
    ArchiveInfo,
    Attachment,
    Circulation,
    Document,
    Holder,
    Retention,
    TraceEntry,
)

if TYPE_CHECKING:
    from conftest import Office


def _trace_rows(store: LocalStore, document_id: str) -> list[tuple[int, str]]:
    document = store.get_document(document_id)
    assert document is not None
    return [(e.seq, e.opinion) for e in document.trace]


def test_a_document_that_went_through_many_steps_round_trips(
    office: Office, tmp_path: Path, check_fts: Callable[[LocalStore], None],
) -> None:
    doc_id = office.draft()
    issued = office.issue(doc_id)
    assert issued.step == "done" and len(issued.trace) == 8
    assert office.store.get_document(doc_id) == issued
    with LocalStore.open(tmp_path / "other.db") as other:
        other.put_records("document", [issued])
        assert other.get_document(doc_id) == issued
        check_fts(other)
    check_fts(office.store)


def test_listing_columns_follow_the_document(office: Office) -> None:
    doc_id = office.draft(urgency="特急", deadline="2024-03-10T17:00:00+08:00")
    office.issue(doc_id)
    row = office.store.db.conn.execute(
        "SELECT direction, doc_type, urgency, urgency_rank, step, status, deadline, version,"
        " pending FROM documents WHERE id = ?", (doc_id,)).fetchone()
    assert row == ("outgoing", "通知", "特急", 0, "done", "completed",
                   "2024-03-10T09:00:00.000000+00:00", 8, 1)


def test_status_is_derived_from_the_step(office: Office) -> None:
    doc_id = office.draft()
    issued = office.issue(doc_id)
    archived = replace(issued, step="archived", archive=ArchiveInfo(2024, Retention.YEARS_10))
    office.store.put_records("document", [archived])
    (status,) = office.store.db.conn.execute(
        "SELECT status FROM documents WHERE id = ?", (doc_id,)).fetchone()
    assert status == "archived"


def test_missing_documents_are_none(store: LocalStore) -> None:
    assert store.get_document("nope") is None


def test_pull_overwrites_local_trace_entries(office: Office) -> None:
    doc_id = office.draft()
    server = office.store.get_document(doc_id)
    assert server is not None
    office.store.put_records("document", [server])  # the server confirmed the draft
    office.accept(doc_id, "office.clerk", "approve", opinion="请核稿")
    assert _trace_rows(office.store, doc_id) == [(1, "拟稿"), (2, "请核稿")]
    # Someone else's entry won seq 2 on the server: the local guess gives way.
    other = TraceEntry(seq=2, step="draft", action=ActionKind.URGE, actor_id="p-office.leader",
                       actor_name="张主任", at=office.tick(), opinion="请抓紧")
    office.store.put_records("document", [replace(server, trace=(*server.trace, other), version=2)])
    assert _trace_rows(office.store, doc_id) == [(1, "拟稿"), (2, "请抓紧")]


def test_delete_purges_everything_derived(
    office: Office, check_fts: Callable[[LocalStore], None],
) -> None:
    keep, gone = office.draft(title="保留的文件标题"), office.draft(title="撤销权限的文件")
    office.accept(gone, "office.clerk", "approve", opinion="请核稿")
    assert office.store.delete_records("document", [gone, "never-there"]) == 1
    assert office.store.get_document(gone) is None
    assert office.store.search("撤销权限") == []
    assert [h.id for h in office.store.search("保留的文件")] == [keep]
    for table in ("holders", "participants", "circulations", "document_packed"):
        (left,) = office.store.db.conn.execute(f"SELECT count(*) FROM {table} WHERE doc_key"
                                               " NOT IN (SELECT doc_key FROM documents)").fetchone()
        assert left == 0, table
    assert len(office.store.pending_mutations()) == 3  # the outbox is never purged
    check_fts(office.store)


def test_revert_goes_back_to_the_server_version_or_drops_unsynced_ones(
    office: Office, check_fts: Callable[[LocalStore], None],
) -> None:
    synced, local_only = office.draft(), office.draft(title="尚未同步的新拟稿件")
    server = office.store.get_document(synced)
    assert server is not None
    office.store.put_records("document", [server])
    office.accept(synced, "office.clerk", "approve", opinion="请核稿")
    office.accept(synced, "office.reviewer", "approve", opinion="同意")
    assert office.store.revert_records("document", [synced, local_only]) == [synced, local_only]
    assert office.store.get_document(synced) == server
    assert office.store.get_document(local_only) is None
    assert _trace_rows(office.store, synced) == [(1, "拟稿")]
    assert office.store.revert_records("document", [synced]) == []  # nothing pending any more
    check_fts(office.store)


# --- random documents round-trip unchanged -----------------------------------------------

_ZONES = st.sampled_from([None, UTC, timezone(timedelta(hours=8))])
_TIMES = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31),
                      timezones=_ZONES)
_IDS = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=8)
_TEXT = st.text(max_size=60)
_JSON = st.recursive(st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=8),
                     lambda inner: st.lists(inner, max_size=3), max_leaves=5)


@st.composite
def _holders(draw: st.DrawFn) -> Holder:
    return Holder(unit_id=draw(_IDS), roles=frozenset(draw(st.sets(st.sampled_from(Role)))),
                  person_id=draw(st.none() | _IDS), on_behalf_of=draw(st.none() | _IDS),
                  added=draw(st.booleans()), lead=draw(st.booleans()), done=draw(st.booleans()),
                  claimed_at=draw(st.none() | _TIMES))


@st.composite
def _trace(draw: st.DrawFn, steps: list[str]) -> tuple[TraceEntry, ...]:
    size = draw(st.integers(0, 6))
    return tuple(
        TraceEntry(seq=seq, step=draw(st.sampled_from(steps)),
                   action=draw(st.sampled_from(ActionKind)), actor_id=draw(_IDS),
                   actor_name=draw(_TEXT), at=draw(_TIMES), opinion=draw(_TEXT),
                   on_behalf_of=draw(st.none() | _IDS), target_step=draw(st.none() | _IDS),
                   details=draw(st.dictionaries(st.text(max_size=5), _JSON, max_size=3)))
        for seq in range(1, size + 1))


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """Return an arbitrary document (any step, any text, any time zone)."""
    direction = draw(st.sampled_from(Direction))
    steps = [s.key for s in WORKFLOWS[direction].steps]
    created = draw(_TIMES)
    return Document(
        id=draw(_IDS), direction=direction, doc_type=draw(st.sampled_from(DocType)),
        title=draw(st.text(min_size=1, max_size=40)), owner_unit_id=draw(_IDS),
        created_by=draw(_IDS), created_at=created, step=draw(st.sampled_from(steps)),
        urgency=draw(st.sampled_from(Urgency)),
        classification=draw(st.sampled_from(Classification)), agency_code=draw(_TEXT),
        doc_number=draw(st.none() | _TEXT), main_recipients=tuple(draw(st.lists(_IDS, max_size=3))),
        cc_recipients=tuple(draw(st.lists(_IDS, max_size=2))),
        countersign_units=tuple(draw(st.lists(_IDS, max_size=2))),
        signer_id=draw(st.none() | _IDS), signer_name=draw(_TEXT), body=draw(st.text(max_size=300)),
        attachments=tuple(draw(st.lists(st.builds(Attachment, _TEXT, st.text("0123456789abcdef"),
                                                  st.integers(0, 10**9)), max_size=2))),
        note=draw(_TEXT), written_date=draw(st.none() | st.dates(date(2000, 1, 1))),
        print_date=draw(st.none() | st.dates(date(2000, 1, 1))),
        source_document_id=draw(st.none() | _IDS), lead_unit_id=draw(st.none() | _IDS),
        co_unit_ids=tuple(draw(st.lists(_IDS, max_size=2))), deadline=draw(st.none() | _TIMES),
        circulate_to=tuple(draw(st.lists(_IDS, max_size=2))),
        holders=tuple(draw(st.lists(_holders(), max_size=4))), trace=draw(_trace(steps)),
        circulations=tuple(draw(st.lists(st.builds(Circulation, _IDS, _IDS, _TIMES,
                                                   st.none() | _TIMES), max_size=2))),
        archive=draw(st.none() | st.builds(ArchiveInfo, st.integers(1949, 2100),
                                           st.sampled_from(Retention), st.integers(0, 9999))),
        version=draw(st.integers(1, 10**6)), updated_at=draw(st.none() | _TIMES),
    )


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(documents(), min_size=1, max_size=4), pending=st.booleans())
def test_random_documents_round_trip_unchanged(
    store: LocalStore, check_fts: Callable[[LocalStore], None], batch: list[Document],
    pending: bool,
) -> None:
    store.put_records("document", batch, pending=pending)
    latest = {d.id: d for d in batch}
    for doc_id, document in latest.items():
        assert store.get_document(doc_id) == document
    check_fts(store)
