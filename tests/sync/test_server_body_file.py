"""The 正文 file and its versions through the real push path: each version's blob is checked
like an attachment, linked for download, and two clients' versions are both kept."""

from __future__ import annotations

import hashlib
import random
import uuid
from collections.abc import Callable
from typing import Any

from .conftest import Api, User
from .office_work import download, upload

Users = Callable[[str], User]


def _content(seed: int) -> bytes:
    return random.Random(seed).randbytes(2048)


def _as_body(attachment: dict[str, Any], based_on: int = 0) -> dict[str, Any]:
    return {**attachment, "based_on": based_on}


def test_versions_are_numbered_by_the_server_and_readable_by_who_sees_the_document(
        api: Api, user: Users) -> None:
    clerk = user("office.clerk")
    first = upload(api, clerk, _content(1), "正文.docx")
    document_id = clerk.create(body_file=_as_body(first))
    second = upload(api, clerk, _content(2), "正文.docx")
    result = clerk.act(document_id, "edit", changes={"body_file": _as_body(second, 1)})
    assert result["status"] == "applied", result
    doc = clerk.doc(document_id)
    assert [(v["number"], v["file"]["sha256"]) for v in doc["body_versions"]] == [
        (1, first["sha256"]), (2, second["sha256"])]
    assert doc["trace"][-1]["details"] == {"fields": ["body_file"], "body_version": 2}
    clerk.ok(document_id)  # 送核稿: the reviewer now sees the document and both versions
    reviewer = user("office.reviewer")
    assert download(api, reviewer, first["sha256"]) == 200
    assert download(api, reviewer, second["sha256"]) == 200
    assert download(api, user("edu.clerk"), second["sha256"]) == 404


def test_a_client_may_not_name_a_blob_it_did_not_upload_as_the_body_file(
        api: Api, user: Users) -> None:
    office = user("office.clerk")
    secret = upload(api, office, _content(3), "内部.docx")
    office.create(body_file=_as_body(secret))
    hostile = user("edu.clerk")
    absent = {"name": "x.docx", "sha256": hashlib.sha256(b"nothing").hexdigest(), "size": 7}
    for named in (secret, absent):
        created = hostile.push_one("document.create_outgoing", document_id=str(uuid.uuid4()),
                                   fields={"doc_type": "通知", "title": "试探",
                                           "body_file": _as_body(named)})
        assert (created["status"], created["code"]) == ("rejected", "blob.unknown")
        own = hostile.create()
        edited = hostile.act(own, "edit", changes={"body_file": _as_body(named)})
        assert (edited["status"], edited["code"]) == ("rejected", "blob.unknown")
    assert download(api, hostile, secret["sha256"]) == 404


def test_the_version_list_cannot_be_written_directly(api: Api, user: Users) -> None:
    clerk = user("office.clerk")
    document_id = clerk.create()
    forged = [{"number": 1, "file": {"name": "a.docx", "sha256": "a" * 64, "size": 1},
               "saved_by": "p-office.leader", "saved_at": "2026-01-01T00:00:00+08:00"}]
    result = clerk.act(document_id, "edit", changes={"body_versions": forged})
    assert (result["status"], result["code"]) == ("rejected", "document.unknown_field")


def test_two_clients_saving_from_the_same_version_keep_both(api: Api, user: Users) -> None:
    clerk = user("office.clerk")
    first = upload(api, clerk, _content(4), "正文.docx")
    document_id = clerk.create(body_file=_as_body(first))
    other_machine = user("office.clerk")  # a second installation of the same person
    mine = upload(api, clerk, _content(5), "正文.docx")
    theirs = upload(api, other_machine, _content(6), "正文.docx")
    for who, attachment in ((clerk, mine), (other_machine, theirs)):
        result = who.act(document_id, "edit", changes={"body_file": _as_body(attachment, 1)})
        assert result["status"] == "applied", result
    versions = clerk.doc(document_id)["body_versions"]
    assert [(v["number"], v["based_on"], v["file"]["sha256"]) for v in versions] == [
        (1, 0, first["sha256"]), (2, 1, mine["sha256"]), (3, 1, theirs["sha256"])]
