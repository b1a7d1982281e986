"""The client engine against the real server app: offline work, races, rejections, exchange."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from officeapp.core.verdict import Accepted
from officeapp.demo import DEMO_PEOPLE, DEMO_ROOMS, DEMO_UNITS, EDU_ID, FINANCE_ID
from officeapp.mutators import copy_id
from officeapp.store import LocalStore
from officeapp.store.pull import PullOutcome
from officeapp.workflow import ActionKind
from sync.client import actions
from sync.client import engine as engine_module
from sync.client.api import Api, Connection, Offline, make_http
from sync.client.engine import SyncEngine, SyncStatus
from sync.server.storage import tables as t
from tests.officeapp.store.test_bulk import apply_staged
from tests.officeapp.store.test_trace_breaks import two_documents

A = ActionKind
NOTICE: dict[str, Any] = {
    "doc_type": "通知",
    "title": "关于做好2027年元旦春节期间有关工作的通知",
    "main_recipients": [FINANCE_ID],
    "cc_recipients": [EDU_ID],
    "body": "各单位：\n\n为切实做好元旦春节期间各项工作，现将有关事项通知如下。",
}


def draft(client: Any) -> str:
    document = actions.draft_outgoing(client.store, person_id=client.person_id,
                                      fields=NOTICE, now=client.engine._clock())
    return document.id


def test_first_sync_brings_the_directory(make_client: Any) -> None:
    clerk = make_client("office.clerk")
    org = clerk.store.organisation()
    assert org.people["p-finance.leader"].name == "孙局长"
    assert clerk.store.get_cursor() > 0
    assert clerk.engine.status.online and clerk.engine.status.error is None


def test_a_document_travels_the_whole_route_and_reaches_the_recipients(make_client: Any) -> None:
    clerk, reviewer = make_client("office.clerk"), make_client("office.reviewer")
    leader, finance = make_client("office.leader"), make_client("finance.clerk")
    doc_id = draft(clerk)
    assert clerk.store.get_document(doc_id).agency_code == "萍府办发"
    assert isinstance(clerk.act(doc_id, A.APPROVE, opinion="请核稿"), Accepted)
    clerk.sync()
    assert clerk.store.pending_mutations() == []
    reviewer.sync()
    assert doc_id in reviewer.todo()
    assert isinstance(reviewer.act(doc_id, A.APPROVE, opinion="核稿无误"), Accepted)
    reviewer.sync()
    leader.sync()
    assert isinstance(leader.act(doc_id, A.APPROVE, opinion="同意"), Accepted)
    leader.sync()
    clerk.sync()
    assert isinstance(clerk.act(doc_id, A.APPROVE), Accepted)  # 编号
    assert clerk.store.get_document(doc_id).doc_number is None  # 待编号 until the server says
    clerk.sync()
    numbered = clerk.store.get_document(doc_id)
    assert numbered.doc_number is not None and numbered.doc_number.startswith("萍府办发〔")
    clerk.act(doc_id, A.APPROVE)  # 用印
    clerk.act(doc_id, A.APPROVE)  # 印发
    clerk.sync()
    assert clerk.store.get_document(doc_id).step == "done"
    finance.sync()
    copy = copy_id(doc_id, FINANCE_ID)
    assert copy in finance.todo()
    received = finance.store.get_document(copy)
    assert received.doc_number == numbered.doc_number and received.step == "receive"


def test_work_done_offline_is_kept_and_pushed_when_the_link_returns(make_client: Any) -> None:
    clerk = make_client("office.clerk")
    clerk.link.up = False
    doc_id = draft(clerk)
    clerk.store.save_opinion_draft(document_id=doc_id, person_id=clerk.person_id,
                                   step="draft", text="请周科长核稿")
    clerk.act(doc_id, A.APPROVE, opinion="请周科长核稿")
    with pytest.raises(Offline):
        clerk.sync()
    assert not clerk.engine.status.online and clerk.engine.status.error
    assert len(clerk.store.pending_mutations()) == 2
    assert clerk.store.get_document(doc_id).step == "review"  # the person sees their work
    clerk.link.up = True
    clerk.sync()
    assert clerk.store.pending_mutations() == []
    server_view = make_client("office.reviewer")
    assert doc_id in server_view.todo()
    assert server_view.store.get_document(doc_id).trace[-1].opinion == "请周科长核稿"


def test_two_offline_signers_one_wins_the_other_keeps_their_text(make_client: Any) -> None:
    clerk, reviewer = make_client("office.clerk"), make_client("office.reviewer")
    doc_id = draft(clerk)
    clerk.act(doc_id, A.APPROVE)
    clerk.sync()
    reviewer.sync()
    reviewer.act(doc_id, A.APPROVE)
    reviewer.sync()
    leader, deputy = make_client("office.leader"), make_client("office.deputy")
    leader.link.up = deputy.link.up = False
    assert isinstance(leader.act(doc_id, A.APPROVE, opinion="同意印发"), Accepted)
    assert isinstance(deputy.act(doc_id, A.APPROVE, opinion="建议再斟酌第二段"), Accepted)
    leader.link.up = deputy.link.up = True
    leader.sync()
    deputy.sync()
    (rejection,) = deputy.store.rejections()
    assert rejection.code == "workflow.step_moved"
    assert "张主任" in rejection.message
    assert rejection.args["action"]["opinion"] == "建议再斟酌第二段"
    kept = deputy.store.get_opinion_draft(document_id=doc_id, person_id=deputy.person_id)
    assert kept is not None and kept.text == "建议再斟酌第二段"
    shown = deputy.store.get_document(doc_id)
    assert shown.step == "number" and shown.signer_name == "张主任"
    assert deputy.store.pending_mutations() == []


def test_a_pending_action_is_rebased_on_what_others_did_meanwhile(make_client: Any) -> None:
    """An urge queued at 核稿 no longer applies once 核稿 is done: shown, not silently lost."""
    clerk, reviewer = make_client("office.clerk"), make_client("office.reviewer")
    doc_id = draft(clerk)
    clerk.act(doc_id, A.APPROVE)
    clerk.sync()
    clerk.link.up = False
    clerk.act(doc_id, A.URGE, opinion="请尽快核稿")  # queued offline
    reviewer.sync()
    reviewer.act(doc_id, A.APPROVE, opinion="核稿无误")
    reviewer.sync()
    clerk.link.up = True
    clerk.run(clerk.engine.pull())  # pull first: the urge must replay on the new state
    shown = clerk.store.get_document(doc_id)
    assert shown.step == "sign" and shown.trace[-1].actor_name == "周核稿"
    assert len(clerk.store.pending_mutations()) == 1
    clerk.sync()
    assert clerk.store.pending_mutations() == []
    (rejection,) = clerk.store.rejections()
    assert rejection.code == "workflow.step_moved" and "周核稿" in rejection.message
    assert rejection.args["action"]["opinion"] == "请尽快核稿"


def test_a_long_pull_tells_the_views_at_once_then_not_more_than_each_second(
        make_client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each telling makes the open views read the store again, on the thread that writes
    the pages: a long pull tells its first page at once, then what its later pages changed
    together, at most every CHANGED_EVERY_SECONDS (here: never before its last page)."""
    monkeypatch.setattr(engine_module, "CHANGED_EVERY_SECONDS", 3600.0)
    clerk = make_client("office.clerk")
    drafted = {draft(clerk) for _ in range(6)}
    clerk.sync()
    reviewer = make_client("office.reviewer", sync=False)
    told: list[PullOutcome] = []
    statuses: list[SyncStatus] = []
    reviewer.engine = SyncEngine(api=reviewer.api, store=reviewer.store, page_size=3,
                                 on_changed=told.append, on_status=statuses.append)
    reviewer.sync()
    assert len(told) == 2
    # The status counts the records as the pages land (3 a page, the last maybe fewer).
    counts = [s.received for s in statuses if s.syncing and s.received]
    assert counts == sorted(counts) and counts[:2] == [3, 6]
    assert statuses[-1].received == counts[-1] >= len(drafted)
    assert told[0].directory  # the directory comes first
    assert told[1].of("document") >= drafted
    assert reviewer.store.get_cursor() > 6  # it did take many pages
    clerk.act(draft(clerk), A.APPROVE, opinion="请核稿")
    clerk.sync()
    reviewer.sync()  # one page: told at once
    assert len(told) == 3


def test_a_poke_free_second_pull_changes_nothing(make_client: Any) -> None:
    clerk = make_client("office.clerk")
    draft(clerk)
    clerk.sync()
    cursor = clerk.store.get_cursor()
    clerk.sync()
    assert clerk.store.get_cursor() == cursor


def test_concurrent_refreshes_spend_the_refresh_token_once(make_client: Any) -> None:
    clerk = make_client("office.clerk")
    api = clerk.api
    api.access_token = None  # as at a start resumed from the keyring

    async def both() -> None:
        import asyncio

        await asyncio.gather(api.refresh(), api.refresh())

    clerk.run(both())
    clerk.sync()  # the login was not revoked as a stolen token would be
    assert clerk.engine.status.online


def test_work_done_offline_keeps_when_it_was_done_beside_when_the_server_took_it(
        make_client: Any, clock: Any) -> None:
    clerk = make_client("office.clerk")
    clerk.link.up = False
    made = clerk.engine._clock()
    doc_id = draft(clerk)
    clerk.act(doc_id, A.APPROVE, opinion="请核稿")
    clock.advance(timedelta(minutes=2))  # the link returns two minutes later
    clerk.link.up = True
    clerk.sync()
    created, sent = clerk.store.get_document(doc_id).trace[:2]
    for entry in (created, sent):
        assert entry.acted_at is not None and entry.at - entry.acted_at >= timedelta(minutes=2)
        assert abs(entry.acted_at - made) < timedelta(seconds=5)
    reviewer = make_client("office.reviewer")
    assert reviewer.store.get_document(doc_id).trace[0].acted_at == created.acted_at


def test_a_trace_edited_on_the_server_shows_at_once_and_is_recorded_after_the_round(
        make_client: Any, engine: sa.Engine) -> None:
    clerk = make_client("office.clerk")
    doc_id = draft(clerk)
    clerk.act(doc_id, A.APPROVE, opinion="请核稿")
    clerk.sync()
    with engine.begin() as connection:  # someone edits the served opinion in the database
        seq, payload = connection.execute(
            sa.select(t.changes.c.seq, t.changes.c.payload).where(
                t.changes.c.entity_id == doc_id).order_by(t.changes.c.seq.desc())).first()
        trace = [dict(e) for e in payload["trace"]]
        trace[-1]["opinion"] = "同意"
        connection.execute(sa.update(t.changes).where(t.changes.c.seq == seq)
                           .values(payload={**payload, "trace": trace}))
    reviewer = make_client("office.reviewer", sync=False)
    reviewer.run(reviewer.engine.sync_once())
    found = reviewer.store.trace_break("document", doc_id)
    assert found is not None and found.seq == len(trace)
    reviewer.run(reviewer.engine.traces_checked())
    assert reviewer.store.unchecked_traces() == 0
    assert reviewer.store.get_meta("trace_breaks") is not None
    assert reviewer.store.trace_break("document", doc_id) == found


def test_traces_a_previous_run_left_unchecked_are_checked_at_start_even_offline(
        tmp_path: Path) -> None:
    path = tmp_path / "client.sqlite3"
    with LocalStore.open(path) as store:
        store.save_directory(units=DEMO_UNITS, people=DEMO_PEOPLE, rooms=DEMO_ROOMS)
        assert apply_staged(store, two_documents())  # then the client ended

    async def restart(store: LocalStore) -> None:
        api = Api(make_http(Connection("http://127.0.0.1:9")))  # nothing listens: offline
        engine = SyncEngine(api=api, store=store)
        engine.start()
        await engine.traces_checked()
        await engine.stop()
        await api.http.aclose()

    with LocalStore.open(path) as store:
        assert store.unchecked_traces() == 2
        asyncio.run(restart(store))
        assert store.unchecked_traces() == 0
        assert store.get_meta("trace_breaks") is not None
        assert store.trace_break("document", "d-bad") is not None
