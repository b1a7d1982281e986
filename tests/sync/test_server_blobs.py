"""Blobs: announce, resumable upload, hash verification, ranged download, who may download."""

from __future__ import annotations

import hashlib
import random
import uuid
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from sync.server.settings import Settings

from .conftest import Api, User

Users = Callable[[str], User]
BLOBS = "/api/v1/blobs"


def _blob(size: int = 300_000, seed: int = 7) -> tuple[bytes, str]:
    data = random.Random(seed).randbytes(size)
    return data, hashlib.sha256(data).hexdigest()


def _patch(api: Api, who: User, sha: str, offset: int, chunk: bytes) -> httpx.Response:
    return api.request("PATCH", f"{BLOBS}/{sha}", content=chunk,
                       headers={**who.headers, "Upload-Offset": str(offset),
                                "Content-Type": "application/offset+octet-stream"})


def _offset(api: Api, who: User, sha: str) -> int:
    response = api.request("HEAD", f"{BLOBS}/{sha}", headers=who.headers)
    assert response.status_code == 200
    return int(response.headers["Upload-Offset"])


def test_upload_cut_at_random_offsets_resumes_and_verifies(api: Api, user: Users,
                                                          settings: Settings) -> None:
    clerk = user("office.clerk")
    data, sha = _blob()
    announced = api.post(BLOBS, json={"sha256": sha, "size": len(data)}, headers=clerk.headers)
    assert announced.json() == {"sha256": sha, "size": len(data), "offset": 0, "complete": False}
    cuts = sorted(random.Random(3).sample(range(1, len(data)), 5)) + [len(data)]
    for cut in cuts:
        offset = _offset(api, clerk, sha)  # what a client asks after losing its connection
        response = _patch(api, clerk, sha, offset, data[offset:cut])
        assert response.status_code == 200, response.text
    assert _offset(api, clerk, sha) == len(data)
    stored = settings.blob_dir / "objects" / sha[:2] / sha
    assert stored.read_bytes() == data
    again = api.post(BLOBS, json={"sha256": sha, "size": len(data)}, headers=clerk.headers)
    assert again.json()["complete"]  # the same hash twice: nothing to upload
    assert _patch(api, clerk, sha, 0, data[:10]).json()["complete"]
    assert stored.read_bytes() == data


def test_wrong_offset_is_refused_with_the_stored_one(api: Api, user: Users) -> None:
    clerk = user("office.clerk")
    data, sha = _blob(1000)
    api.post(BLOBS, json={"sha256": sha, "size": len(data)}, headers=clerk.headers)
    _patch(api, clerk, sha, 0, data[:400])
    response = _patch(api, clerk, sha, 100, data[100:500])
    assert response.status_code == 409
    assert response.headers["Upload-Offset"] == "400"
    too_long = _patch(api, clerk, sha, 400, data[400:] + b"extra")
    assert too_long.status_code == 413


def test_wrong_hash_is_refused_and_discarded(api: Api, user: Users,
                                             settings: Settings) -> None:
    clerk = user("office.clerk")
    data, _ = _blob(5000)
    lie = hashlib.sha256(b"something else").hexdigest()
    api.post(BLOBS, json={"sha256": lie, "size": len(data)}, headers=clerk.headers)
    response = _patch(api, clerk, lie, 0, data)
    assert response.status_code == 422
    assert response.json()["code"] == "blob.hash_mismatch"
    assert _offset(api, clerk, lie) == 0
    assert not (settings.blob_dir / "objects" / lie[:2] / lie).exists()
    empty = api.post(BLOBS, json={"sha256": lie, "size": 0}, headers=clerk.headers)
    assert empty.status_code == 409  # size conflicts with the announced one


def test_document_referencing_an_unuploaded_blob_is_rejected(user: Users) -> None:
    clerk = user("office.clerk")
    _, sha = _blob(10)
    result = clerk.push_one("document.create_outgoing", document_id=str(uuid.uuid4()),
                            fields={"doc_type": "通知", "title": "附件未上传",
                                    "attachments": [{"name": "a.pdf", "sha256": sha,
                                                     "size": 10}]})
    assert result["code"] == "blob.unknown"


@pytest.fixture
def shared_blob(api: Api, user: Users) -> tuple[bytes, str, User]:
    clerk = user("office.clerk")
    data, sha = _blob(100_000, seed=11)
    api.post(BLOBS, json={"sha256": sha, "size": len(data)}, headers=clerk.headers)
    _patch(api, clerk, sha, 0, data)
    clerk.create(attachments=[{"name": "../../etc/passwd", "sha256": sha, "size": len(data)}])
    return data, sha, clerk


def test_ranged_download(api: Api, shared_blob: tuple[bytes, str, User]) -> None:
    data, sha, clerk = shared_blob
    full = api.get(f"{BLOBS}/{sha}", headers=clerk.headers)
    assert full.status_code == 200 and full.content == data
    assert full.headers["Accept-Ranges"] == "bytes"
    part = api.get(f"{BLOBS}/{sha}", headers={**clerk.headers, "Range": "bytes=1000-1999"})
    assert part.status_code == 206
    assert part.content == data[1000:2000]
    assert part.headers["Content-Range"] == f"bytes 1000-1999/{len(data)}"
    tail = api.get(f"{BLOBS}/{sha}", headers={**clerk.headers, "Range": "bytes=99000-"})
    assert tail.content == data[99000:]
    suffix = api.get(f"{BLOBS}/{sha}", headers={**clerk.headers, "Range": "bytes=-10"})
    assert suffix.content == data[-10:]
    bad = api.get(f"{BLOBS}/{sha}", headers={**clerk.headers, "Range": "bytes=200000-"})
    assert bad.status_code == 416
    assert bad.headers["Content-Range"] == f"bytes */{len(data)}"
    junk = api.get(f"{BLOBS}/{sha}", headers={**clerk.headers, "Range": "lines=1-2"})
    assert junk.status_code == 416


def test_download_only_for_who_sees_a_referencing_document(
        api: Api, user: Users, shared_blob: tuple[bytes, str, User], tmp_path: Path) -> None:
    data, sha, _ = shared_blob
    assert api.get(f"{BLOBS}/{sha}", headers=user("office.leader").headers).content == data
    denied = api.get(f"{BLOBS}/{sha}", headers=user("finance.clerk").headers)
    assert denied.status_code == 404
    assert denied.json()["code"] == "blob.not_found"
    # An uploaded but unreferenced blob is nobody's to download, not even the uploader's.
    clerk = user("office.clerk")
    other, other_sha = _blob(100, seed=5)
    api.post(BLOBS, json={"sha256": other_sha, "size": 100}, headers=clerk.headers)
    _patch(api, clerk, other_sha, 0, other)
    assert api.get(f"{BLOBS}/{other_sha}", headers=clerk.headers).status_code == 404


@pytest.mark.parametrize("name", ["../../etc/passwd", "ABC", "0" * 63, "g" * 64])
def test_blob_names_never_reach_the_file_system(api: Api, user: Users, name: str) -> None:
    clerk = user("office.clerk")
    response = api.get(f"{BLOBS}/{name}", headers=clerk.headers)
    assert response.status_code in (404, 422)
    announce = api.post(BLOBS, json={"sha256": name, "size": 1}, headers=clerk.headers)
    assert announce.status_code == 422
