"""Knowing a blob's hash gives nothing: no answer tells whether anyone else holds it, and no
record may name it unless its author sent the content or can already read it."""

from __future__ import annotations

import hashlib
import random
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from officeapp.demo import FINANCE_ID
from sync.server.ops import migrate
from sync.server.storage import tables as t
from sync.server.storage.db import make_engine

from .conftest import Api, Clock, User
from .office_work import (
    BLOBS,
    assigned_item,
    at_hour,
    download,
    meeting_fields,
    supervise,
    supervise_ok,
    upload,
)

Users = Callable[[str], User]


def _content(seed: int, size: int = 4096) -> tuple[bytes, str]:
    data = random.Random(seed).randbytes(size)
    return data, hashlib.sha256(data).hexdigest()


@pytest.fixture
def secret(api: Api, user: Users) -> dict[str, Any]:
    """An attachment of an office draft that only the office may read."""
    clerk = user("office.clerk")
    data, _ = _content(1)
    attachment = upload(api, clerk, data, "内部请示.pdf")
    clerk.create(attachments=[attachment])
    return attachment


def _answers(api: Api, who: User, sha256: str, size: int) -> list[tuple[int, Any]]:
    """What an outsider learns of a hash: HEAD, GET, an announce, a chunk, and HEAD again."""
    head = api.request("HEAD", f"{BLOBS}/{sha256}", headers=who.headers)
    get = api.get(f"{BLOBS}/{sha256}", headers=who.headers)
    announced = api.post(BLOBS, json={"sha256": sha256, "size": size}, headers=who.headers)
    chunk = api.request("PATCH", f"{BLOBS}/{sha256}", content=b"x" * 10,
                        headers={**who.headers, "Upload-Offset": "5"})
    again = api.request("HEAD", f"{BLOBS}/{sha256}", headers=who.headers)
    return [(r.status_code, _without_hash(r.json() if r.content else dict(r.headers), sha256))
            for r in (head, get, announced, chunk, again)]


def _without_hash(answer: dict[str, Any], sha256: str) -> Any:
    keep = {k: v for k, v in answer.items()
            if k.lower() not in ("date", "content-length", "etag", "sha256")}
    assert sha256 not in str(keep)
    return keep


def test_an_outsider_learns_the_same_of_a_held_hash_as_of_an_absent_one(
        api: Api, user: Users, secret: dict[str, Any]) -> None:
    outsider = user("edu.clerk")
    _, absent = _content(2)
    held = _answers(api, outsider, secret["sha256"], secret["size"])
    assert held == _answers(api, outsider, absent, secret["size"])
    assert held[0][0] == 404 and held[1][0] == 404  # HEAD and GET before announcing
    assert held[2] == (200, {"size": secret["size"], "offset": 0, "complete": False})
    # A wrong size for a held hash is no conflict either: it is the outsider's own upload.
    _, other = _content(3)
    for sha256 in (secret["sha256"], other):
        wrong = api.post(BLOBS, json={"sha256": sha256, "size": 7}, headers=user("edu.leader")
                         .headers)
        assert wrong.status_code == 200 and not wrong.json()["complete"]


def _references(who: User, clock: Clock, attachment: dict[str, Any]) -> list[dict[str, Any]]:
    """Push one record of each kind that newly names `attachment`; return the results."""
    start = at_hour(clock, timedelta(days=3))
    document = who.push_one("document.create_outgoing", document_id=str(uuid.uuid4()),
                            fields={"doc_type": "通知", "title": "引用附件",
                                    "attachments": [attachment]})
    meeting = who.push_one("meeting.create", meeting_id=str(uuid.uuid4()),
                           fields=meeting_fields(start, location="三楼会议室", agenda=[
                               {"title": "汇报", "materials": [attachment]}]))
    return [document, meeting]


def test_naming_a_known_hash_in_a_record_is_refused_like_an_absent_one(
        api: Api, user: Users, clock: Clock, secret: dict[str, Any]) -> None:
    outsider = user("edu.clerk")
    _, absent = _content(4)
    for attachment in (secret, {**secret, "sha256": absent}):
        for result in _references(outsider, clock, attachment):
            assert (result["status"], result["code"]) == ("rejected", "blob.unknown")
            assert result["message"] == "附件“内部请示.pdf”尚未上传完成，请稍后重试"
    assert download(api, outsider, secret["sha256"]) == 404


def test_a_progress_report_may_not_name_a_known_hash(
        api: Api, user: Users, clock: Clock, secret: dict[str, Any]) -> None:
    supervisor = user("office.supervisor")
    item_id = assigned_item(supervisor, clock() + timedelta(days=20))
    finance = user("finance.clerk")
    supervise_ok(finance, item_id, "receive")
    result = supervise(finance, item_id, "report", percent=10, text="进展", attachments=[secret])
    assert (result["status"], result["code"]) == ("rejected", "blob.unknown")
    assert download(api, finance, secret["sha256"]) == 404


def test_whoever_sends_the_content_or_can_read_it_may_name_it(
        api: Api, user: Users, clock: Clock, secret: dict[str, Any]) -> None:
    # A colleague who sees the draft may reuse its attachment without sending it again...
    reviewer = user("office.reviewer")
    announced = api.post(BLOBS, json={"sha256": secret["sha256"], "size": secret["size"]},
                         headers=reviewer.headers)
    assert announced.json()["complete"]
    assert all(r["status"] == "applied" for r in _references(reviewer, clock, secret))
    # ...and an outsider who really has the file proves it by sending it whole.
    outsider = user("finance.clerk")
    data, _ = _content(1)
    assert upload(api, outsider, data, "内部请示.pdf") == secret
    assert all(r["status"] == "applied" for r in _references(outsider, clock, secret))
    assert download(api, outsider, secret["sha256"]) == 200


def test_acting_on_a_record_needs_no_right_to_attachments_it_already_names(
        user: Users, secret: dict[str, Any]) -> None:
    clerk = user("office.clerk")
    clerk.sync()
    draft = next(d for d in clerk.documents().values() if d["attachments"])
    clerk.ok(draft["id"], "approve", expected_step="draft")
    user("office.reviewer").ok(draft["id"], "approve", expected_step="review")


def test_issued_copies_carry_attachments_their_recipients_may_read(
        api: Api, user: Users) -> None:
    clerk = user("office.clerk")
    data, _ = _content(5)
    attachment = upload(api, clerk, data, "附件1.pdf")
    document_id = clerk.create(attachments=[attachment], main_recipients=[FINANCE_ID])
    route = [("draft", clerk), ("review", user("office.reviewer")),
             ("sign", user("office.leader")), ("number", clerk), ("seal", clerk),
             ("issue", clerk)]
    for step, who in route:
        who.ok(document_id, "approve", expected_step=step)
    finance = user("finance.clerk")
    assert download(api, finance, attachment["sha256"]) == 200
    # Forwarding the received attachment in a new draft needs no second upload.
    reply = finance.push_one("document.create_outgoing", document_id=str(uuid.uuid4()),
                             fields={"doc_type": "函", "title": "复函", "attachments": [attachment],
                                     "agency_code": "萍财发"})
    assert reply["status"] == "applied", reply


def test_the_upgrade_keeps_each_uploaders_right_and_restarts_unfinished_uploads(
        database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        migrate.upgrade(engine, "0004")
        now = datetime.now(UTC)
        with engine.begin() as connection:
            connection.execute(sa.insert(t.blobs), [
                {"sha256": "a" * 64, "size": 10, "received": 10, "complete": True,
                 "created_by": "p-office.clerk", "created_at": now},
                {"sha256": "b" * 64, "size": 10, "received": 4, "complete": False,
                 "created_by": "p-edu.clerk", "created_at": now}])
        migrate.upgrade(engine)
        with engine.connect() as connection:
            uploads = connection.execute(sa.select(
                t.blob_uploads.c.sha256, t.blob_uploads.c.person_id,
                t.blob_uploads.c.complete)).all()
            stored = connection.execute(sa.select(t.blobs.c.sha256)).scalars().all()
        assert [tuple(u) for u in uploads] == [("a" * 64, "p-office.clerk", True)]
        assert stored == ["a" * 64]
    finally:
        engine.dispose()
