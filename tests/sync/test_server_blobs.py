"""Blobs: announce, resumable upload, hash verification, ranged download, who may download;
content in the database, shared by every server host, and the move of an older release's blob
folder into it."""

from __future__ import annotations

import hashlib
import random
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI

from sync.server import create_app
from sync.server.ops import admin, migrate
from sync.server.ops.cli import main
from sync.server.settings import Settings
from sync.server.storage import tables as t
from sync.server.storage.blobs import CHUNK
from sync.server.storage.db import make_engine

from .conftest import Api, User, login

Users = Callable[[str], User]
BLOBS = "/api/v1/blobs"


def _blob(size: int = 300_000, seed: int = 7) -> tuple[bytes, str]:
    data = random.Random(seed).randbytes(size)
    return data, hashlib.sha256(data).hexdigest()


def _patch(api: Api, who: User, sha: str, offset: int, chunk: bytes) -> httpx.Response:
    return api.request("PATCH", f"{BLOBS}/{sha}", content=chunk,
                       headers={**who.headers, "Upload-Offset": str(offset),
                                "Content-Type": "application/offset+octet-stream"})


def stored(engine: sa.Engine, sha: str) -> bytes | None:
    """Return a complete blob's content as the database holds it, or None."""
    with engine.connect() as connection:
        owner = connection.execute(sa.select(t.blobs.c.created_by).where(
            t.blobs.c.sha256 == sha, t.blobs.c.complete)).scalar()
        if owner is None:
            return None
        c = t.blob_chunks.c
        return b"".join(connection.execute(sa.select(c.data).where(
            c.sha256 == sha, c.person_id == owner).order_by(c.start)).scalars())


def pieces(engine: sa.Engine, sha: str) -> list[tuple[str, int, int]]:
    """Return every stored piece of a hash: (uploader, first byte, length)."""
    c = t.blob_chunks.c
    with engine.connect() as connection:
        rows = connection.execute(sa.select(c.person_id, c.start, sa.func.length(c.data))
                                  .where(c.sha256 == sha).order_by(c.person_id, c.start))
        return [(str(r[0]), int(r[1]), int(r[2])) for r in rows]


def _offset(api: Api, who: User, sha: str) -> int:
    response = api.request("HEAD", f"{BLOBS}/{sha}", headers=who.headers)
    assert response.status_code == 200
    return int(response.headers["Upload-Offset"])


def test_upload_cut_at_random_offsets_resumes_and_verifies(api: Api, user: Users,
                                                          engine: sa.Engine) -> None:
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
    assert stored(engine, sha) == data
    # One piece per chunk sent, each starting where the previous ended.
    assert [start for _, start, _ in pieces(engine, sha)] == [0, *cuts[:-1]]
    again = api.post(BLOBS, json={"sha256": sha, "size": len(data)}, headers=clerk.headers)
    assert again.json()["complete"]  # the same hash twice: nothing to upload
    assert _patch(api, clerk, sha, 0, data[:10]).json()["complete"]
    assert stored(engine, sha) == data


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
                                             engine: sa.Engine) -> None:
    clerk = user("office.clerk")
    data, _ = _blob(5000)
    lie = hashlib.sha256(b"something else").hexdigest()
    api.post(BLOBS, json={"sha256": lie, "size": len(data)}, headers=clerk.headers)
    response = _patch(api, clerk, lie, 0, data)
    assert response.status_code == 422
    assert response.json()["code"] == "blob.hash_mismatch"
    assert _offset(api, clerk, lie) == 0
    assert stored(engine, lie) is None and pieces(engine, lie) == []  # nothing kept
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


def _upload(api: Api, who: User, data: bytes) -> str:
    sha = hashlib.sha256(data).hexdigest()
    announced = api.post(BLOBS, json={"sha256": sha, "size": len(data)}, headers=who.headers)
    assert announced.status_code == 200, announced.text
    response = _patch(api, who, sha, 0, data)
    assert response.status_code == 200 and response.json()["complete"], response.text
    return sha


def test_a_large_chunk_is_stored_in_pieces_and_ranges_cross_them(
        api: Api, user: Users, engine: sa.Engine) -> None:
    clerk = user("office.clerk")
    data, _ = _blob(2 * CHUNK + 12_345, seed=21)
    sha = _upload(api, clerk, data)  # one PATCH of 2.01 MiB
    assert pieces(engine, sha) == [(clerk.person_id, 0, CHUNK), (clerk.person_id, CHUNK, CHUNK),
                                   (clerk.person_id, 2 * CHUNK, 12_345)]
    clerk.create(attachments=[{"name": "大附件.pdf", "sha256": sha, "size": len(data)}])
    assert api.get(f"{BLOBS}/{sha}", headers=clerk.headers).content == data
    first, last = CHUNK - 5, 2 * CHUNK + 4  # from the end of one piece into the third
    part = api.get(f"{BLOBS}/{sha}", headers={**clerk.headers, "Range": f"bytes={first}-{last}"})
    assert part.status_code == 206 and part.content == data[first:last + 1]


def test_the_same_content_from_two_people_is_stored_once(api: Api, user: Users,
                                                          engine: sa.Engine) -> None:
    clerk, reviewer = user("office.clerk"), user("office.reviewer")
    data, sha = _blob(50_000, seed=31)
    for who in (clerk, reviewer):
        api.post(BLOBS, json={"sha256": sha, "size": len(data)}, headers=who.headers)
        _patch(api, who, sha, 0, data[:20_000])
    assert {owner for owner, _, _ in pieces(engine, sha)} == {clerk.person_id,
                                                              reviewer.person_id}
    for who in (reviewer, clerk):  # the reviewer completes first: theirs is kept
        assert _patch(api, who, sha, 20_000, data[20_000:]).json()["complete"]
    assert {owner for owner, _, _ in pieces(engine, sha)} == {reviewer.person_id}
    assert stored(engine, sha) == data
    clerk.create(attachments=[{"name": "同一份.pdf", "sha256": sha, "size": len(data)}])
    assert api.get(f"{BLOBS}/{sha}", headers=clerk.headers).content == data


@pytest.fixture
def second_host(settings: Settings, engine: sa.Engine, tmp_path: Path) -> Iterator[Api]:
    """Another server host on the same database, with a data folder of its own."""
    other = make_engine(settings.database_url)
    app: FastAPI = create_app(Settings(
        database_url=settings.database_url, data_dir=tmp_path / "host-b",
        password_cost=settings.password_cost, heartbeat_interval=0.2, clock=settings.clock),
        engine=other)
    client = Api(app)
    yield client
    client.close()
    app.state.server.notifier.close()
    other.dispose()


def test_an_upload_begun_on_one_host_is_finished_and_downloaded_on_another(
        api: Api, user: Users, second_host: Api) -> None:
    clerk = user("office.clerk")
    data, sha = _blob(CHUNK + 300_000, seed=41)
    api.post(BLOBS, json={"sha256": sha, "size": len(data)}, headers=clerk.headers)
    assert _patch(api, clerk, sha, 0, data[:CHUNK]).status_code == 200
    # The link drops; the client comes back through the other host and resumes there.
    on_b = User(second_host, clerk.username, clerk.tokens, client_id=clerk.client_id)
    assert _offset(second_host, on_b, sha) == CHUNK
    assert _patch(second_host, on_b, sha, CHUNK, data[CHUNK:]).json()["complete"]
    clerk.create(attachments=[{"name": "跨主机.pdf", "sha256": sha, "size": len(data)}])
    leader = User(second_host, "office.leader",
                  login(second_host, "office.leader").json())
    assert second_host.get(f"{BLOBS}/{sha}", headers=leader.headers).content == data


def _older_release(engine: sa.Engine, data_dir: Path,
                   files: dict[str, bytes]) -> None:
    """Write what a release before 0007 left: complete blobs as files with their rows and
    office.clerk's uploads, and edu.clerk's unfinished upload with its partial file."""
    now = datetime.now(UTC)
    for sha, data in files.items():
        path = data_dir / "blobs" / "objects" / sha[:2] / sha
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    partial, partial_sha = _blob(5000, seed=51)
    (data_dir / "blobs" / "partial").mkdir(parents=True)
    (data_dir / "blobs" / "partial" / f"{partial_sha}.0123").write_bytes(partial[:3000])
    with engine.begin() as connection:
        for sha, data in files.items():
            row = {"sha256": sha, "size": len(data), "received": len(data), "complete": True,
                   "created_at": now}
            connection.execute(sa.insert(t.blobs).values(created_by="p-office.clerk", **row))
            connection.execute(sa.insert(t.blob_uploads).values(person_id="p-office.clerk",
                                                                **row))
        connection.execute(sa.insert(t.blob_uploads).values(
            sha256=partial_sha, person_id="p-edu.clerk", size=5000, received=3000,
            complete=False, created_at=now))


def test_migrate_moves_an_older_releases_blob_folder_into_the_database(
        database_url: str, settings: Settings, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    engine = make_engine(database_url)
    try:
        migrate.upgrade(engine, "0006")
        big, big_sha = _blob(CHUNK + 500_000, seed=61)
        small, small_sha = _blob(777, seed=62)
        _older_release(engine, settings.data_dir, {big_sha: big, small_sha: small})
        command = ["migrate", "--database-url", database_url,
                   "--data-dir", str(settings.data_dir)]
        assert main(command) == 0
        out = capsys.readouterr().out
        assert "数据库已是最新结构" in out and "已把2个附件（1.5 MB）" in out
        assert stored(engine, big_sha) == big and stored(engine, small_sha) == small
        assert [n for _, _, n in pieces(engine, big_sha)] == [CHUNK, 500_000]
        with engine.connect() as connection:
            unfinished = connection.execute(sa.select(t.blob_uploads.c.received).where(
                t.blob_uploads.c.person_id == "p-edu.clerk")).scalar_one()
        assert unfinished == 0  # its bytes were in a partial file: it starts again
        # Again: nothing left to move, nothing moved twice.
        assert main(command) == 0
        assert "已把" not in capsys.readouterr().out
        assert len(pieces(engine, big_sha)) == 2
        # A blob whose file is not in the folder: said, with the way out, and exit 1.
        lost, lost_sha = _blob(100, seed=63)
        with engine.begin() as connection:
            connection.execute(sa.insert(t.blobs).values(
                sha256=lost_sha, size=100, received=100, complete=True,
                created_by="p-office.clerk", created_at=datetime.now(UTC)))
        assert main(command) == 1
        refusal = capsys.readouterr().err
        assert "1个附件的内容既不在数据库中" in refusal and lost_sha in refusal
        (settings.data_dir / "blobs" / "objects" / lost_sha[:2]).mkdir(exist_ok=True)
        (settings.data_dir / "blobs" / "objects" / lost_sha[:2] / lost_sha).write_bytes(lost)
        assert main(command) == 0
        assert "已把1个附件" in capsys.readouterr().out and stored(engine, lost_sha) == lost
    finally:
        engine.dispose()


def test_a_moved_blob_downloads_and_may_be_attached_by_its_uploader(
        database_url: str, settings: Settings, tmp_path: Path) -> None:
    engine = make_engine(database_url)
    try:
        migrate.upgrade(engine, "0006")
        admin.seed_demo(engine, settings)
        data, sha = _blob(40_000, seed=71)
        _older_release(engine, settings.data_dir, {sha: data})
        assert migrate.upgrade(engine, blob_dir=settings.blob_dir).blobs == 1
        app = create_app(settings, engine=engine)
        api = Api(app)
        try:
            clerk = User(api, "office.clerk", login(api, "office.clerk").json())
            clerk.create(attachments=[{"name": "旧附件.pdf", "sha256": sha, "size": len(data)}])
            assert api.get(f"{BLOBS}/{sha}", headers=clerk.headers).content == data
        finally:
            api.close()
            app.state.server.notifier.close()
    finally:
        engine.dispose()
