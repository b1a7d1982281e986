"""用印 from the client: queued offline like 编号, sealed by the server when the link returns,
and refused (the local step undone, the person told why) when the unit has no seal."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from officeapp.core.verdict import Accepted
from officeapp.demo import FINANCE_ID, OFFICE_ID
from officeapp.mutators import copy_id
from officeapp.workflow import ActionKind
from sync.client import actions
from sync.client.api import Offline
from sync.client.engine import SyncEngine
from sync.server.storage import tables as t

A = ActionKind
NOTICE: dict[str, Any] = {
    "doc_type": "通知",
    "title": "关于开展电子印章试点工作的通知",
    "main_recipients": [FINANCE_ID],
    "body": "各单位：\n\n现就电子印章试点工作通知如下。",
}


def numbered(make_client: Any) -> tuple[Any, str]:
    """A notice drafted by 李文书 and taken to 用印 (numbered by the server)."""
    clerk, reviewer = make_client("office.clerk"), make_client("office.reviewer")
    leader = make_client("office.leader")
    document = actions.draft_outgoing(clerk.store, person_id=clerk.person_id, fields=NOTICE,
                                      now=clerk.engine._clock())
    clerk.act(document.id, A.APPROVE)
    clerk.sync()
    for who in (reviewer, leader):
        who.sync()
        assert isinstance(who.act(document.id, A.APPROVE), Accepted)
        who.sync()
    clerk.sync()
    clerk.act(document.id, A.APPROVE)  # 编号
    clerk.sync()
    assert clerk.store.get_document(document.id).step == "seal"
    return clerk, document.id


def test_sealing_offline_is_queued_and_the_server_signs_when_the_link_returns(
        make_client: Any) -> None:
    clerk, doc_id = numbered(make_client)
    clerk.link.up = False
    assert isinstance(clerk.act(doc_id, A.APPROVE), Accepted)  # 用印, replayed locally
    assert isinstance(clerk.act(doc_id, A.APPROVE), Accepted)  # 印发
    local = clerk.store.get_document(doc_id)
    assert local.step == "done" and local.official_pdf is None  # the server's to make
    with pytest.raises(Offline):
        clerk.sync()
    clerk.link.up = True
    clerk.sync()
    assert clerk.store.pending_mutations() == [] and clerk.store.rejections() == []
    issued = clerk.store.get_document(doc_id)
    assert issued.step == "done" and issued.official_pdf is not None
    assert issued.official_pdf.sha256 and issued.official_pdf.size > 0
    finance = make_client("finance.clerk")
    assert finance.store.get_document(copy_id(doc_id, FINANCE_ID)).official_pdf == \
        issued.official_pdf


def test_sealing_without_a_seal_is_refused_and_undone_locally(make_client: Any,
                                                              engine: sa.Engine) -> None:
    clerk, doc_id = numbered(make_client)
    with engine.begin() as connection:
        connection.execute(sa.delete(t.unit_seals).where(t.unit_seals.c.unit_id == OFFICE_ID))
    clerk.link.up = False
    clerk.act(doc_id, A.APPROVE)  # 用印
    assert clerk.store.get_document(doc_id).step == "issue"
    clerk.link.up = True
    clerk.sync()
    (rejection,) = clerk.store.rejections()
    assert rejection.code == "seal.not_configured" and "电子印章" in rejection.message
    assert clerk.store.get_document(doc_id).step == "seal"
    assert clerk.store.pending_mutations() == []


def test_a_store_that_never_received_the_roots_asks_for_them_once(make_client: Any) -> None:
    """A store upgraded from protocol 1 keeps its pull position past the trust_root changes
    (they are not sent to protocol-1 clients): it asks for the roots, once, and 验章 works."""
    clerk = make_client("office.clerk")
    roots = clerk.store.trust_roots()
    assert roots, "the demo organisation trusts its own CA"
    with clerk.store.db.conn:
        clerk.store.db.conn.execute("DELETE FROM sync_meta WHERE key = 'trust_roots'")
    assert not clerk.store.trust_roots_known()
    clerk.engine = SyncEngine(api=clerk.api, store=clerk.store)  # the upgraded client starts
    clerk.sync()
    assert clerk.store.trust_roots_known() and clerk.store.trust_roots() == roots
    asked: list[int] = []
    original = clerk.engine.api.trust_roots

    async def counted() -> Any:
        asked.append(1)
        return await original()

    clerk.engine.api.trust_roots = counted
    clerk.sync()
    assert asked == []
