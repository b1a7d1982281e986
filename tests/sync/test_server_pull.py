"""Pull: paging and cursors, visibility, revokes when access is lost, and resets."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

import pytest
import sqlalchemy as sa

from officeapp.demo import EDU_ID, FINANCE_ID, OFFICE_ID
from sync.protocol import PullResponse
from sync.server.ops import admin
from sync.server.settings import Settings
from sync.server.storage import db
from sync.server.storage.directory import load_organisation, save_directory

from .conftest import Api, Clock, User, walk_to

Users = Callable[[str], User]


def test_pull_answers_are_valid_protocol_messages(user: Users) -> None:
    clerk = user("office.clerk")
    clerk.create()
    clerk.push_one("document.register_incoming", document_id="bad", fields={})  # a result
    body = {"client_id": clerk.client_id, "cursor": 0, "schema_version": 1, "limit": 500}
    response = clerk.api.post("/api/v1/sync/pull", json=body, headers=clerk.headers)
    page = PullResponse.model_validate_json(response.text)
    assert {c.kind for c in page.changes} == {"unit", "person", "room", "document"}
    assert [r.code for r in page.results] == ["mutation.invalid_args"]
    assert page.cursor > 0 and not page.has_more and not page.reset


def test_directory_is_visible_to_everyone_without_password_hashes(user: Users) -> None:
    edu = user("edu.clerk")
    page = edu.pull(cursor=0)
    kinds = {c["kind"] for c in page["changes"]}
    assert kinds == {"unit", "person", "room"}
    people = [c["data"] for c in page["changes"] if c["kind"] == "person"]
    assert len(people) == 11
    assert all("password" not in key for person in people for key in person)
    assert "argon2" not in str(page)


def test_paging_returns_every_change_once_in_order(user: Users) -> None:
    clerk = user("office.clerk")
    created = [clerk.create(title=f"分页测试{n}") for n in range(7)]
    seen: list[int] = []
    cursor, pages = 0, 0
    while True:
        page = clerk.pull(cursor=cursor, limit=4)
        pages += 1
        seen += [c["seq"] for c in page["changes"]]
        assert page["cursor"] >= cursor
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert seen == sorted(set(seen))
    assert pages == 7  # 18 directory entries + 7 documents, 4 a page
    clerk.sync()
    assert set(clerk.documents()) == set(created)
    again = clerk.pull(cursor=cursor)
    assert again["changes"] == [] and not again["has_more"] and again["cursor"] == cursor


def test_later_versions_supersede_earlier_ones_in_the_log(user: Users) -> None:
    clerk = user("office.clerk")
    doc_id = clerk.create()
    clerk.ok(doc_id, "edit", changes={"title": "改过的标题"})
    docs = [c for c in clerk.pull(cursor=0)["changes"] if c["kind"] == "document"]
    assert [d["data"]["title"] for d in docs] == ["改过的标题"]
    assert docs[0]["data"]["version"] == 2


def test_other_units_see_nothing_of_a_draft(user: Users) -> None:
    user("office.clerk").create()
    for name in ("finance.clerk", "edu.leader"):
        outsider = user(name)
        outsider.sync()
        assert outsider.documents() == {}


def test_sub_units_and_route_members_see_the_document(user: Users) -> None:
    doc_id, _ = walk_to(user, "review")
    colleague = user("office.supervisor")  # same unit, not on the route
    colleague.sync()
    assert doc_id in colleague.documents()
    reviewer = user("office.reviewer")
    reviewer.ok(doc_id, "circulate", assignees=["p-edu.leader"], opinion="请阅")
    reader = user("edu.leader")
    reader.sync()
    assert doc_id in reader.documents()
    assert doc_id not in _docs(user("edu.clerk"))  # the reader's unit does not see it


def _docs(someone: User) -> dict[str, object]:
    someone.sync()
    return dict(someone.documents())


def test_losing_visibility_sends_a_revoke(user: Users) -> None:
    clerk = user("office.clerk")
    doc_id = clerk.create()
    clerk.ok(doc_id, "approve", expected_step="draft", unit_ids=[FINANCE_ID])  # 会签: 财政局
    finance = user("finance.clerk")
    finance.sync()
    assert doc_id in finance.documents()
    reviewer = user("office.reviewer")
    reviewer.ok(doc_id, "return", target_step="draft", opinion="会签单位改为教育局")
    clerk.ok(doc_id, "approve", expected_step="draft", unit_ids=[EDU_ID])
    page = finance.sync()
    assert doc_id not in finance.documents()
    assert page["cursor"] == finance.cursor
    revokes = [c for c in finance.pull(cursor=0)["changes"] if c["op"] == "revoke"]
    assert [(c["id"], c["data"]) for c in revokes] == [(doc_id, None)]
    edu = user("edu.clerk")
    edu.sync()
    assert doc_id in edu.documents()
    clerk.sync()
    assert doc_id in clerk.documents()  # the owner keeps it although a scope left


def test_cursor_older_than_tombstone_retention_resets_once(user: Users, engine: sa.Engine,
                                                          settings: Settings,
                                                          clock: Clock) -> None:
    finance = user("finance.clerk")
    finance.sync()
    old_cursor = finance.cursor
    clerk = user("office.clerk")
    doc_id = clerk.create()
    clerk.ok(doc_id, "approve", expected_step="draft", unit_ids=[FINANCE_ID])
    user("office.reviewer").ok(doc_id, "return", target_step="draft", opinion="改")
    clerk.ok(doc_id, "approve", expected_step="draft", unit_ids=[EDU_ID])  # revoke for 财政局
    clock.advance(timedelta(days=91))
    assert admin.prune(engine, settings) == 1
    finance.relogin()
    page = finance.pull(cursor=old_cursor)
    assert page["reset"] and page["cursor"] == 0 and page["changes"] == []
    fresh = finance.pull(cursor=0)
    assert not fresh["reset"]  # cursor 0 never resets: no loop
    finance.cursor = 0
    finance.mirror.clear()
    finance.sync()
    assert doc_id not in finance.documents()
    assert not finance.pull()["reset"]


def test_cursor_ahead_of_the_server_resets(user: Users) -> None:
    clerk = user("office.clerk")
    assert clerk.pull(cursor=10**9)["reset"]


@pytest.mark.parametrize("limit", [0, 1001, -1])
def test_pull_limit_is_bounded(user: Users, limit: int) -> None:
    clerk = user("office.clerk")
    body = {"client_id": clerk.client_id, "cursor": 0, "schema_version": 1, "limit": limit}
    response = clerk.api.post("/api/v1/sync/pull", json=body, headers=clerk.headers)
    assert response.status_code == 422
    assert response.json()["code"] == "request.invalid"


def test_authorisation_matrix_another_unit_gets_nothing(user: Users, api: Api) -> None:
    """Every endpoint, called by a user of another unit, is denied or shows nothing."""
    clerk = user("office.clerk")
    content = b"office-only attachment"
    sha = hashlib.sha256(content).hexdigest()
    announce = api.post("/api/v1/blobs", json={"sha256": sha, "size": len(content)},
                        headers=clerk.headers)
    assert announce.status_code == 200
    patch = api.request("PATCH", f"/api/v1/blobs/{sha}", content=content,
                        headers={**clerk.headers, "Upload-Offset": "0"})
    assert patch.json()["complete"]
    doc_id = clerk.create(attachments=[{"name": "附件1.pdf", "sha256": sha,
                                        "size": len(content)}])
    outsider = user("edu.clerk")
    outsider.sync()
    assert outsider.documents() == {}
    assert outsider.act(doc_id, "approve")["code"] == "document.not_found"
    assert outsider.act(doc_id, "edit", changes={"title": "x"})["code"] == "document.not_found"
    download = api.get(f"/api/v1/blobs/{sha}", headers=outsider.headers)
    assert download.status_code == 404
    ranged = api.get(f"/api/v1/blobs/{sha}", headers={**outsider.headers, "Range": "bytes=0-3"})
    assert ranged.status_code == 404
    assert api.get(f"/api/v1/blobs/{sha}", headers=clerk.headers).content == content
    foreign = {"client_id": clerk.client_id, "cursor": 0, "schema_version": 1}
    assert api.post("/api/v1/sync/pull", json=foreign,
                    headers=outsider.headers).status_code == 403
    assert outsider.push(outsider.mutation("document.act", document_id=doc_id,
                                           action={"kind": "urge"})).status_code == 200
    for method, path in (("POST", "/api/v1/sync/push"), ("POST", "/api/v1/sync/pull"),
                         ("GET", "/api/v1/sync/events"), ("POST", "/api/v1/blobs"),
                         ("HEAD", f"/api/v1/blobs/{sha}"), ("PATCH", f"/api/v1/blobs/{sha}"),
                         ("GET", f"/api/v1/blobs/{sha}"), ("POST", "/api/v1/auth/logout")):
        assert api.request(method, path).status_code == 401, (method, path)


def test_a_person_moved_to_another_unit_resets_and_loses_the_old_units_records(
        user: Users, engine: sa.Engine, clock: Clock) -> None:
    doc_id = user("office.clerk").create()
    mover, stayer = user("office.reviewer"), user("office.leader")
    for reader in (mover, stayer):
        reader.sync()
        assert doc_id in reader.documents()
    with db.write(engine) as connection:
        person = load_organisation(connection).people["p-office.reviewer"]
        save_directory(connection, people=[replace(person, unit_id=FINANCE_ID)],
                       now=clock())
    page = mover.pull()
    assert page["reset"] and page["changes"] == []  # the mirror was built under old scopes
    mover.sync()
    assert doc_id not in mover.documents()
    assert not mover.pull()["reset"]  # recorded again from the pull at 0: no loop
    assert not stayer.pull()["reset"]  # the directory change alone resets nobody else
    stayer.sync()
    assert doc_id in stayer.documents()


def test_a_client_at_the_head_pulls_nothing_and_keeps_its_cursor(user: Users) -> None:
    clerk = user("office.clerk")
    clerk.sync()
    head = clerk.cursor
    page = clerk.pull()
    assert (page["cursor"], page["changes"], page["results"]) == (head, [], [])
    assert not page["has_more"] and not page["reset"]


def test_a_unit_moved_under_another_is_seen_by_its_members_at_the_next_pull(
        user: Users, engine: sa.Engine, clock: Clock) -> None:
    """Pulls reuse the unit tree of one head of the log: re-parenting a unit moves the head,
    so its members are answered under the new tree (a reset, then the new unit's records)."""
    doc_id = user("office.clerk").create()
    reader = user("edu.clerk")
    reader.sync()
    assert doc_id not in reader.documents()
    assert not reader.pull()["reset"]  # at the head, the tree of that head read once more
    with db.write(engine) as connection:
        edu = load_organisation(connection).units[EDU_ID]
        save_directory(connection, units=[replace(edu, parent_id=OFFICE_ID)], now=clock())
    assert reader.pull()["reset"]
    reader.sync()
    assert doc_id in reader.documents()
