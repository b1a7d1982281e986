"""SYNC.md's faults, seen from the client: a kill mid-page, a page applied twice, a lost push
answer, a permanent rejection, a reset past the tombstone retention, a wrong clock, an
upgrade with the outbox in it, and a local action while a sync is in flight.

Every test runs against the real server app on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import sqlite3
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI

from officeapp.clock import corrected_now
from officeapp.core.verdict import Accepted
from officeapp.demo import DEMO_PASSWORD, EDU_ID, FINANCE_ID
from officeapp.errors import ConflictError
from officeapp.store import LATEST_VERSION, LocalStore, StoreError, schema
from officeapp.store import meta as store_meta
from officeapp.store.db import connect
from officeapp.workflow import ActionKind, Document
from sync.client import actions
from sync.client.api import Api, Connection, LoginRequired, Offline, make_http
from sync.client.engine import SyncEngine, _page
from sync.protocol import SCHEMA_VERSION, PullRequest, PullResponse
from sync.server.ops import admin
from sync.server.settings import Settings
from sync.server.storage import tables as t

from ..conftest import Clock
from .conftest import Client, Switch
from .links import Hooked, answered, lose

A = ActionKind
NOTICE: dict[str, Any] = {
    "doc_type": "通知",
    "title": "关于开展安全生产大检查的通知",
    "main_recipients": [FINANCE_ID],
    "body": "各单位：\n\n为切实做好安全生产工作，现将有关事项通知如下。",
}


class Killed(BaseException):
    """The process died: nothing in the program gets to handle it."""


def draft(client: Client, **fields: Any) -> str:
    document = actions.draft_outgoing(client.store, person_id=client.person_id,
                                      fields={**NOTICE, **fields}, now=client.engine._clock())
    return document.id


def documents(store: LocalStore) -> dict[str, Document]:
    """Return every document the store shows, by id."""
    ids = [row[0] for row in store.db.conn.execute("SELECT id FROM documents")]
    return {i: doc for i in ids if (doc := store.get_document(i)) is not None}


def snapshot(store: LocalStore) -> dict[str, list[tuple[Any, ...]]]:
    """Return every row of every table (FTS internals aside: checked by integrity-check), and
    every token and position of the contentless character index."""
    conn = store.db.conn
    conn.execute("INSERT INTO documents_chars(documents_chars) VALUES ('integrity-check')")
    names = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE 'documents_chars%'")]
    found = {n: sorted(conn.execute(f"SELECT * FROM {n}").fetchall(), key=repr) for n in names}
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.chars_terms USING"
                 " fts5vocab(main, documents_chars, instance)")
    found["documents_chars terms"] = sorted(conn.execute("SELECT * FROM temp.chars_terms"))
    return found


def record_pulls(client: Client) -> list[dict[str, Any]]:
    """Keep every pull answer the client receives."""
    pages: list[dict[str, Any]] = []

    async def after(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        if request.url.path.endswith("/sync/pull"):
            body = await response.aread()
            pages.append(json.loads(body))
            return answered(response, body)
        return response

    client.link.inner = Hooked(client.link.inner, after=after)
    return pages


def restart(client: Client) -> None:
    """Reopen the client's database and engine, as the next start after the process died."""
    path = client.store.db.conn.execute("PRAGMA database_list").fetchone()[2]
    client.store.close()
    client.store = LocalStore.open(path)
    client.engine = SyncEngine(api=client.api, store=client.store)


# --- 7. killed while applying a pull page --------------------------------------------------


def seven_documents_for_a_new_reviewer(make_client: Any) -> Client:
    """The clerk sends seven drafts to review; the reviewer's client has not synced yet and
    pulls four records a page."""
    clerk = make_client("office.clerk")
    for _ in range(7):
        clerk.act(draft(clerk), A.APPROVE, opinion="请核稿")
    clerk.sync()
    reviewer: Client = make_client("office.reviewer", sync=False)
    reviewer.engine.page_size = 4
    return reviewer


def fail_once_documents_are_written(monkeypatch: pytest.MonkeyPatch,
                                    error: BaseException) -> None:
    """Raise `error` inside a page's transaction, after its documents were written."""
    set_cursor = store_meta.set_cursor

    def failing(conn: sqlite3.Connection, value: int, *, reset: bool) -> None:
        if conn.execute("SELECT count(*) FROM documents").fetchone()[0]:
            raise error
        set_cursor(conn, value, reset=reset)

    monkeypatch.setattr(store_meta, "set_cursor", failing)


def test_killed_mid_page_leaves_cursor_and_data_in_agreement(
        make_client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    reviewer = seven_documents_for_a_new_reviewer(make_client)
    pages = record_pulls(reviewer)
    fail_once_documents_are_written(monkeypatch, Killed())
    with pytest.raises(Killed):
        reviewer.sync()
    monkeypatch.undo()
    # The first page with a document died; pages after it may have been fetched meanwhile.
    first = next(i for i, p in enumerate(pages)
                 if any(c["kind"] == "document" for c in p["changes"]))
    assert reviewer.store.record_count("document") == 0  # the page went whole or not at all
    assert reviewer.store.get_cursor() == (pages[first - 1]["cursor"] if first else 0)
    restart(reviewer)
    reviewer.sync()
    fresh = make_client("office.reviewer")
    assert reviewer.store.get_cursor() == fresh.store.get_cursor()
    assert documents(reviewer.store) == documents(fresh.store)
    assert len(documents(fresh.store)) == 7


def test_killed_mid_page_keeps_pending_work(
        make_client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    clerk, reviewer = make_client("office.clerk"), make_client("office.reviewer")
    doc_id = draft(clerk)
    clerk.act(doc_id, A.APPROVE)
    clerk.sync()
    reviewer.sync()
    reviewer.act(doc_id, A.APPROVE, opinion="核稿无误")
    draft(clerk)  # something new for the reviewer to pull
    clerk.sync()
    calls = {"n": 0}
    set_cursor = store_meta.set_cursor

    def die(conn: sqlite3.Connection, value: int, *, reset: bool) -> None:
        calls["n"] += 1
        raise Killed

    monkeypatch.setattr(store_meta, "set_cursor", die)
    with pytest.raises(Killed):
        reviewer.run(reviewer.engine.pull())
    monkeypatch.setattr(store_meta, "set_cursor", set_cursor)
    assert calls["n"] == 1
    restart(reviewer)
    (pending,) = reviewer.store.pending_mutations()
    assert pending.args["action"]["opinion"] == "核稿无误"
    assert reviewer.store.get_document(doc_id).step == "sign"  # still shown as done locally
    reviewer.sync()
    assert reviewer.store.pending_mutations() == []
    opinions = [e.opinion for e in make_client("office.leader").store.get_document(
        doc_id).trace]
    assert opinions.count("核稿无误") == 1



def test_a_page_that_fails_to_be_written_is_reported_while_the_next_still_loads(
        make_client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine asks for later pages while it writes one; a failed write must not wait
    for them (here they would never come)."""
    reviewer = seven_documents_for_a_new_reviewer(make_client)
    pages = record_pulls(reviewer)

    async def stall_once_documents_were_sent(request: httpx.Request) -> None:
        sent = any(c["kind"] == "document" for p in pages for c in p["changes"])
        if sent and request.url.path.endswith("/sync/pull"):
            await asyncio.sleep(3600)  # a link that stalls: no answer, no error

    reviewer.link.inner = Hooked(reviewer.link.inner, before=stall_once_documents_were_sent)
    fail_once_documents_are_written(
        monkeypatch, sqlite3.OperationalError("database or disk is full"))

    async def sync_within_a_minute() -> None:
        await asyncio.wait_for(reviewer.engine.sync_once(), timeout=60)

    with pytest.raises(StoreError) as raised:
        reviewer.run(sync_within_a_minute())
    assert raised.value.code == "store.disk_full"
    assert reviewer.store.record_count("document") == 0

# --- 8. the same page twice ----------------------------------------------------------------


def test_applying_the_same_page_again_changes_nothing(make_client: Any) -> None:
    clerk, reviewer = make_client("office.clerk"), make_client("office.reviewer")
    finance = make_client("finance.clerk")
    shared = draft(clerk)
    clerk.act(shared, A.APPROVE, unit_ids=(FINANCE_ID,))  # 会签: finance sees it
    clerk.sync()
    finance.sync()
    assert finance.store.get_document(shared) is not None
    reviewer.sync()
    reviewer.act(shared, A.RETURN, target_step="draft", opinion="会签单位改为教育局")
    reviewer.sync()
    clerk.sync()
    clerk.act(shared, A.APPROVE, unit_ids=(EDU_ID,))  # finance loses it: a revoke
    clerk.sync()
    bad = draft(finance, main_recipients=["u-nowhere"])  # refused by the server only
    good = draft(finance, title="关于报送2027年部门预算的报告")
    finance.run(finance.engine.push())
    assert isinstance(finance.act(good, A.APPROVE, opinion="请审核"), Accepted)  # pending
    finance.engine.page_size = 2
    pages = record_pulls(finance)
    finance.run(finance.engine.pull())
    changes = [(c["id"], c["op"]) for p in pages for c in p["changes"]]
    assert (shared, "revoke") in changes and (good, "put") in changes
    assert [r["status"] for p in pages for r in p["results"]] == ["rejected"]
    assert len(pages) >= 2
    before = snapshot(finance.store)
    again = finance.store.apply_pull(_page(PullResponse.model_validate(pages[-1])))
    assert snapshot(finance.store) == before
    assert again.rejected == ()
    with pytest.raises(ConflictError):  # an older page: its cursor would go backwards
        finance.store.apply_pull(_page(PullResponse.model_validate(pages[0])))
    assert snapshot(finance.store) == before
    shown = finance.store.get_document(good)
    assert shown.step == "review" and [e.opinion for e in shown.trace].count("请审核") == 1
    assert finance.store.get_document(bad) is None and finance.store.get_document(shared) is None
    assert [r.mutation_id for r in finance.store.rejections()] == [1]


# --- 3 and 1. permanent rejection, lost push answer -----------------------------------------


def test_a_permanent_rejection_moves_the_queue_on(make_client: Any) -> None:
    clerk = make_client("office.clerk")
    kept = draft(clerk)
    clerk.sync()
    clerk.link.up = False
    bad = draft(clerk, title="关于召开防汛会议的通知", main_recipients=["u-nowhere"])
    clerk.act(kept, A.APPROVE, opinion="请周科长核稿")
    clerk.link.up = True
    clerk.sync()
    assert clerk.store.pending_mutations() == []
    (rejection,) = clerk.store.rejections()
    assert rejection.code == "document.unknown_unit" and rejection.document_id == bad
    assert rejection.args["fields"]["title"] == "关于召开防汛会议的通知"  # the user's text
    assert clerk.store.get_document(bad) is None
    assert clerk.store.get_document(kept).step == "review"
    server = make_client("office.reviewer").store.get_document(kept)
    assert server.step == "review" and server.trace[-1].opinion == "请周科长核稿"
    # The refusal also comes back by pull, for a client that missed the push answer.
    page = clerk.run(clerk.api.pull(PullRequest(client_id=clerk.store.client_id, cursor=0,
                                                schema_version=SCHEMA_VERSION)))
    assert [(r.id, r.status) for r in page.results] == [(rejection.mutation_id, "rejected")]


def test_a_lost_push_answer_is_answered_as_duplicate_and_applied_once(
        make_client: Any, engine: sa.Engine) -> None:
    clerk = make_client("office.clerk")
    kept = draft(clerk)
    clerk.sync()
    draft(clerk, main_recipients=["u-nowhere"])
    clerk.act(kept, A.APPROVE, opinion="请核稿")
    answers: list[dict[str, Any]] = []

    async def after(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        if request.url.path.endswith("/sync/push"):
            if not answers:
                answers.append({})
                return await lose(request, response)  # committed; the client never hears
            body = await response.aread()
            answers.append(json.loads(body))
            return answered(response, body)
        return response

    clerk.link.inner = Hooked(clerk.link.inner, after=after)
    with pytest.raises(Offline):
        clerk.sync()
    assert len(clerk.store.pending_mutations()) == 2
    clerk.sync()
    results = answers[1]["results"]
    assert [(r["status"], r["original"]) for r in results] == [
        ("duplicate", "rejected"), ("duplicate", "applied")]
    assert clerk.store.pending_mutations() == []
    assert [r.code for r in clerk.store.rejections()] == ["document.unknown_unit"]
    with engine.connect() as connection:
        rows = connection.execute(sa.select(t.mutation_results.c.mutation_id).where(
            t.mutation_results.c.client_id == clerk.store.client_id)).all()
    assert sorted(r.mutation_id for r in rows) == [1, 2, 3]
    trace = make_client("office.reviewer").store.get_document(kept).trace
    assert [e.opinion for e in trace].count("请核稿") == 1


# --- 11. reset past the tombstone retention ------------------------------------------------


def test_a_reset_keeps_the_outbox_and_does_not_loop(
        make_client: Any, engine: sa.Engine, settings: Settings, clock: Clock) -> None:
    finance = make_client("finance.clerk")
    clerk, reviewer = make_client("office.clerk"), make_client("office.reviewer")
    shared = draft(clerk)
    clerk.act(shared, A.APPROVE, unit_ids=(FINANCE_ID,))
    clerk.sync()
    finance.sync()
    own = draft(finance)
    finance.sync()
    reviewer.sync()
    reviewer.act(shared, A.RETURN, target_step="draft", opinion="改")
    reviewer.sync()
    clerk.sync()
    clerk.act(shared, A.APPROVE, unit_ids=(EDU_ID,))  # revoke for finance
    clerk.sync()
    # Finance works offline for three months.
    finance.link.up = False
    created = draft(finance, title="关于申请追加防汛经费的请示")
    finance.act(created, A.APPROVE, opinion="请审核追加经费")
    finance.act(own, A.APPROVE, opinion="请审核")
    clock.advance(timedelta(days=91))
    assert admin.prune(engine, settings) >= 1
    finance.link.up = True
    with pytest.raises(LoginRequired):
        finance.sync()  # the refresh token expired meanwhile
    finance.run(finance.api.login("finance.clerk", DEMO_PASSWORD))
    pages = record_pulls(finance)
    finance.run(finance.engine.pull())  # a poke's pull, before any push
    assert [p["reset"] for p in pages] == [True, False]
    assert len(finance.store.pending_mutations()) == 3
    assert finance.store.get_document(shared) is None
    assert finance.store.get_document(created).step == "review"  # replayed on the snapshot
    assert finance.store.get_document(own).step == "review"
    finance.sync()
    assert [p["reset"] for p in pages][2:] == [False]
    assert finance.store.pending_mutations() == []
    server = make_client("finance.leader")
    assert server.store.get_document(created).trace[-1].opinion == "请审核追加经费"
    assert documents(finance.store) == documents(server.store)


# --- 13. a client clock a day off ----------------------------------------------------------


@pytest.fixture
def make_skewed(app: FastAPI, tmp_path: Path, clock: Clock) -> Iterator[Any]:
    """Return a factory of synced clients whose clocks are off by `skew`; answers carry a
    Date header from the server's clock, as uvicorn adds one."""
    made: list[Client] = []

    async def dated(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        response.headers["Date"] = email.utils.format_datetime(clock(), usegmt=True)
        return response

    def make(username: str, skew: timedelta) -> Client:
        def local() -> datetime:
            return datetime.now(UTC) + skew

        link = Switch(app)
        link.inner = Hooked(link.inner, after=dated)
        api = Api(make_http(Connection("http://testserver"), transport=link), clock=local)
        store = LocalStore.open(tmp_path / f"skewed-{username}.sqlite3", clock=local)
        client = Client(username, store, api, SyncEngine(api=api, store=store, clock=local),
                        link, asyncio.Runner())
        made.append(client)
        client.run(api.login(username, DEMO_PASSWORD))
        store.record_person(client.person_id)
        client.sync()
        return client

    yield make
    for client in made:
        client.run(client.api.http.aclose())
        client.runner.close()
        client.store.close()


def near(moment: datetime, other: datetime, seconds: float = 60) -> bool:
    return abs((moment - other).total_seconds()) < seconds


def test_a_wrong_client_clock_changes_neither_order_nor_shown_times(
        make_skewed: Any, make_client: Any, clock: Clock) -> None:
    ahead = make_skewed("office.clerk", timedelta(days=1))
    behind = make_skewed("office.reviewer", timedelta(days=-1))
    assert near(ahead.api.server_offset, timedelta(days=-1), 5)  # measured from Date
    assert near(behind.api.server_offset, timedelta(days=1), 5)
    assert near(corrected_now(ahead.engine._clock(), ahead.api.server_offset), clock())
    first = draft(ahead)
    ahead.act(first, A.APPROVE, opinion="请核稿")
    assert ahead.store.get_document(first).trace[-1].at > clock() + timedelta(hours=23)
    ahead.sync()
    behind.sync()
    behind.act(first, A.APPROVE, opinion="核稿无误")
    second = draft(behind)
    behind.sync()
    ahead.sync()
    for client in (ahead, behind, make_client("office.leader")):
        shown = client.store.get_document(first)
        times = [e.at for e in shown.trace]
        assert [e.opinion for e in shown.trace][1:] == ["请核稿", "核稿无误"]
        assert times == sorted(times) and all(near(at, clock()) for at in times)
        assert near(shown.created_at, clock()) and near(shown.updated_at, clock())
    later = make_client("office.clerk").store.get_document(second)
    assert later.created_at > ahead.store.get_document(first).created_at


# --- 14. an upgrade with the outbox full ---------------------------------------------------


def test_old_outbox_entries_survive_the_local_migration(
        make_client: Any, tmp_path: Path, clock: Clock) -> None:
    """Builds the outbox at the previous schema version (there is only version 1 today, so
    it is built at version 1 and the test proves that re-opening and migrating keep it),
    then opens it with the current program weeks later and pushes it."""
    old_version = max(1, LATEST_VERSION - 1)
    path = tmp_path / "old.sqlite3"
    db = connect(path)
    assert schema.migrate(db, target=old_version) == old_version
    doc_id = "0b7f6c8e-3f44-4a8e-9d51-5a4e8f0c1d22"
    when = (clock() - timedelta(days=21)).isoformat(timespec="microseconds")
    create = {"document_id": doc_id, "fields": NOTICE}
    act = {"document_id": doc_id, "action": {"kind": "approve", "opinion": "请核稿",
                                             "expected_step": "draft"}}
    # The outbox columns of version 1, as that version wrote them.
    db.conn.executemany(
        "INSERT INTO outbox (name, mutator_version, args, document_id, person_id, step,"
        " opinion, created_at) VALUES (?, 1, ?, ?, 'p-office.clerk', 'draft', ?, ?)",
        [("document.create_outgoing", json.dumps(create), doc_id, "", when),
         ("document.act", json.dumps(act), doc_id, "请核稿", when)])
    db.close()
    clerk = make_client("office.clerk", sync=False)
    clerk.store.close()
    clerk.store = LocalStore.open(path)
    clerk.engine = SyncEngine(api=clerk.api, store=clerk.store)
    assert clerk.store.schema_version == LATEST_VERSION
    assert [(m.mutation_id, m.name) for m in clerk.store.pending_mutations()] == [
        (1, "document.create_outgoing"), (2, "document.act")]
    clock.advance(timedelta(days=21))  # weeks offline: the access token has long expired
    clerk.sync()
    assert clerk.store.pending_mutations() == []
    assert clerk.store.rejections() == []
    shown = make_client("office.reviewer").store.get_document(doc_id)
    assert shown.step == "review" and shown.trace[-1].opinion == "请核稿"


# --- 15. a local action while a sync is in flight -------------------------------------------


async def _no_events() -> AsyncIterator[str]:
    await asyncio.Event().wait()
    yield "never"


def test_an_action_made_during_a_sync_is_pushed(make_client: Any) -> None:
    clerk = make_client("office.clerk")
    kept = draft(clerk)
    clerk.sync()
    clerk.engine.poll_seconds = 3600  # no polling: only the trigger may start the next round
    clerk.api.events = _no_events
    made: list[str] = []

    async def before(request: httpx.Request) -> None:
        # Between the round's push and its pull, the user acts and the UI asks for a sync.
        if request.url.path.endswith("/sync/pull") and not made:
            clerk.act(kept, A.APPROVE, opinion="请核稿")
            made.append(draft(clerk, title="关于开展消防演练的通知"))
            clerk.engine.trigger()

    clerk.link.inner = Hooked(clerk.link.inner, before=before)

    async def run_until_pushed() -> None:
        clerk.engine.start()
        try:
            for _ in range(200):
                await asyncio.sleep(0.02)
                if made and not clerk.store.pending_mutations():
                    return
        finally:
            await clerk.engine.stop()

    clerk.run(run_until_pushed())
    assert made and clerk.store.pending_mutations() == []
    server = make_client("office.reviewer").store
    assert server.get_document(kept).trace[-1].opinion == "请核稿"
    assert server.get_document(made[0]) is not None


def test_an_action_made_during_a_pull_survives_it_and_goes_next_round(make_client: Any) -> None:
    clerk = make_client("office.clerk")
    kept = draft(clerk)
    clerk.sync()
    made: list[int] = []

    async def before(request: httpx.Request) -> None:
        if request.url.path.endswith("/sync/pull") and not made:
            clerk.act(kept, A.APPROVE, opinion="请核稿")
            made.append(clerk.store.last_mutation_id())

    clerk.link.inner = Hooked(clerk.link.inner, before=before)
    clerk.sync()
    (pending,) = clerk.store.pending_mutations()
    assert pending.mutation_id == made[0]  # the pull's ack did not swallow it
    assert clerk.store.get_document(kept).step == "review"  # rebased, still shown
    clerk.sync()
    assert clerk.store.pending_mutations() == []
