"""Attachments on the client: content store, resumable upload before the push, verified and
resumable download, refusals, and opening offline once cached."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path
from typing import Any

import httpx
import pytest

from officeapp.demo import FINANCE_ID
from sync.client import actions
from sync.client.api import Offline
from sync.client.blobs import BlobError, Blobs, content_path, referenced_hashes
from sync.server.settings import Settings

from .links import Hooked, answered, cut, lose, truncate

NOTICE: dict[str, Any] = {
    "doc_type": "通知",
    "title": "关于印发防汛抗旱应急预案的通知",
    "main_recipients": [FINANCE_ID],
    "body": "各单位：\n\n现将应急预案印发给你们，请认真贯彻执行。",
}


def with_blobs(client: Any, root: Path) -> Blobs:
    """Give a test client a content store and let its engine upload through it."""
    blobs = Blobs(api=client.api, store=client.store, root=root)
    client.engine.blobs = blobs
    return blobs


def attach(client: Any, blobs: Blobs, tmp_path: Path, data: bytes,
           name: str = "应急预案.pdf") -> dict[str, Any]:
    source = tmp_path / f"source-{hashlib.sha256(data).hexdigest()[:8]}"
    source.write_bytes(data)
    attachment: dict[str, Any] = client.run(blobs.attach(source, name=name))
    return attachment


def draft(client: Any, *attachments: dict[str, Any]) -> str:
    fields = {**NOTICE, "attachments": list(attachments)}
    document = actions.draft_outgoing(client.store, person_id=client.person_id, fields=fields,
                                      now=client.engine._clock())
    return document.id


def server_content(settings: Settings, sha256: str) -> bytes | None:
    """Return a complete blob's content as the server's database holds it, or None."""
    import sqlalchemy as sa

    from sync.server.storage import tables as t

    engine = sa.create_engine(settings.database_url, poolclass=sa.NullPool)
    try:
        with engine.connect() as connection:
            owner = connection.execute(sa.select(t.blobs.c.created_by).where(
                t.blobs.c.sha256 == sha256, t.blobs.c.complete)).scalar()
            c = t.blob_chunks.c
            return None if owner is None else b"".join(connection.execute(
                sa.select(c.data).where(c.sha256 == sha256, c.person_id == owner)
                .order_by(c.start)).scalars())
    finally:
        engine.dispose()


def test_upload_cut_at_random_offsets_resumes_before_the_push(
        make_client: Any, tmp_path: Path, settings: Settings) -> None:
    rng = random.Random(20240611)
    clerk = make_client("office.clerk")
    blobs = with_blobs(clerk, tmp_path / "clerk-blobs")
    data = rng.randbytes(1_200_017)
    attachment = attach(clerk, blobs, tmp_path, data)
    sha = hashlib.sha256(data).hexdigest()
    assert attachment == {"name": "应急预案.pdf", "sha256": sha, "size": len(data)}
    assert content_path(blobs.root, sha).read_bytes() == data
    assert clerk.store.get_blob(sha).state == "queued_upload"
    doc_id = draft(clerk, attachment)

    seen: list[tuple[str, str, int]] = []  # method, path, Upload-Offset
    plan = {"cut_at": 0, "lose": False}

    async def before(request: httpx.Request) -> None:
        offset = int(request.headers.get("Upload-Offset", -1))
        seen.append((request.method, request.url.path, offset))
        patches = sum(1 for s in seen if s[0] == "PATCH")
        if request.method == "PATCH" and patches == plan["cut_at"] and not plan["lose"]:
            raise cut(request)

    async def after(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        patches = sum(1 for s in seen if s[0] == "PATCH")
        if request.method == "PATCH" and patches == plan["cut_at"] and plan["lose"]:
            return await lose(request, response)  # the server kept the chunk
        return response

    clerk.link.inner = Hooked(clerk.link.inner, before=before, after=after)
    cuts = 0
    while True:
        blobs.chunk_size = rng.randint(40_000, 160_000)
        plan["cut_at"] = sum(1 for s in seen if s[0] == "PATCH") + rng.randint(1, 3)
        plan["lose"] = rng.random() < 0.5
        try:
            clerk.sync()
            break
        except Offline:
            cuts += 1
            assert clerk.store.get_blob(sha).state == "uploading"
    assert cuts >= 3
    assert server_content(settings, sha) == data
    assert clerk.store.get_blob(sha).state == "synced"
    assert clerk.store.pending_mutations() == []
    methods = [m for m, _, _ in seen]
    assert "POST" in methods and max(i for i, m in enumerate(methods) if m == "PATCH") < min(
        i for i, (m, p, _) in enumerate(seen) if p.endswith("/sync/push"))
    # Every attempt resumed where the server was; no byte went up more than twice.
    sent = sum(1 for m, _, _ in seen if m == "PATCH")
    assert sent * 160_000 < 2 * len(data) + cuts * 160_000
    reviewer = make_client("office.reviewer")
    shown = reviewer.store.get_document(doc_id)
    path = reviewer.run(with_blobs(reviewer, tmp_path / "reviewer").open(shown.attachments[0]))
    assert path.read_bytes() == data


def test_a_damaged_local_file_is_refused_and_the_document_comes_back(
        make_client: Any, tmp_path: Path, settings: Settings) -> None:
    clerk = make_client("office.clerk")
    blobs = with_blobs(clerk, tmp_path / "clerk-blobs")
    data = random.Random(5).randbytes(70_000)
    attachment = attach(clerk, blobs, tmp_path, data)
    sha = attachment["sha256"]
    content_path(blobs.root, sha).write_bytes(b"tampered" + data[8:])
    doc_id = draft(clerk, attachment)
    refused = clerk.run(blobs.upload_queued())
    assert [(e.code, e.sha256) for e in refused] == [("blob.corrupt", sha)]
    clerk.sync()  # pushed anyway, so the queue moves on; the server refuses the unknown blob
    (rejection,) = clerk.store.rejections()
    assert rejection.code == "blob.unknown" and "应急预案.pdf" in rejection.message
    assert rejection.args["fields"]["attachments"] == [attachment]
    assert clerk.store.get_document(doc_id) is None
    assert server_content(settings, sha) is None
    assert not clerk.run(clerk.api.announce_blob(sha, len(data))).complete


def test_a_file_changed_during_upload_is_refused_by_the_hash(
        make_client: Any, tmp_path: Path, settings: Settings) -> None:
    clerk = make_client("office.clerk")
    blobs = with_blobs(clerk, tmp_path / "clerk-blobs")
    blobs.chunk_size = 20_000
    data = random.Random(6).randbytes(50_000)
    sha = attach(clerk, blobs, tmp_path, data)["sha256"]
    path = content_path(blobs.root, sha)

    async def before(request: httpx.Request) -> None:
        if request.method == "PATCH" and request.headers["Upload-Offset"] == "20000":
            path.write_bytes(data[:40_000] + b"x" * 10_000)  # after the local check passed

    clerk.link.inner = Hooked(clerk.link.inner, before=before)
    refused = clerk.run(blobs.upload_queued())
    assert [e.code for e in refused] == ["blob.corrupt"]
    status = clerk.run(clerk.api.announce_blob(sha, len(data)))
    assert (status.offset, status.complete) == (0, False)  # the server discarded it
    assert server_content(settings, sha) is None


def test_download_resumes_is_verified_cached_and_opens_offline(
        make_client: Any, tmp_path: Path) -> None:
    clerk = make_client("office.clerk")
    data = random.Random(8).randbytes(700_001)
    attachment = attach(clerk, with_blobs(clerk, tmp_path / "clerk"), tmp_path, data)
    doc_id = draft(clerk, attachment)
    clerk.sync()
    reviewer = make_client("office.reviewer")
    blobs = with_blobs(reviewer, tmp_path / "reviewer")
    (shown,) = reviewer.store.get_document(doc_id).attachments
    ranges: list[str | None] = []

    async def before(request: httpx.Request) -> None:
        if request.method == "GET" and "/blobs/" in request.url.path:
            ranges.append(request.headers.get("Range"))

    async def after(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        return truncate(response, 300_000) if len(ranges) == 1 else response

    reviewer.link.inner = Hooked(reviewer.link.inner, before=before, after=after)
    with pytest.raises(Offline):
        reviewer.run(blobs.open(shown))
    assert (blobs.root / "partial" / shown.sha256).stat().st_size == 300_000
    record = reviewer.store.get_blob(shown.sha256)
    assert (record.state, record.offset) == ("queued_download", 300_000)
    path = reviewer.run(blobs.open(shown))
    assert ranges == [None, "bytes=300000-"]
    assert path.read_bytes() == data and path == content_path(blobs.root, shown.sha256)
    assert reviewer.store.get_blob(shown.sha256).state == "cached"
    reviewer.link.up = False
    again = Blobs(api=reviewer.api, store=reviewer.store, root=blobs.root)  # after a restart
    assert reviewer.run(again.open(shown)).read_bytes() == data


def test_a_corrupted_download_is_discarded(make_client: Any, tmp_path: Path) -> None:
    clerk = make_client("office.clerk")
    data = random.Random(9).randbytes(40_000)
    doc_id = draft(clerk, attach(clerk, with_blobs(clerk, tmp_path / "clerk"), tmp_path, data))
    clerk.sync()
    reviewer = make_client("office.reviewer")
    blobs = with_blobs(reviewer, tmp_path / "reviewer")
    (shown,) = reviewer.store.get_document(doc_id).attachments

    async def flip(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        body = bytearray(await response.aread())
        body[1000] ^= 0xFF
        return answered(response, bytes(body))

    reviewer.link.inner = Hooked(reviewer.link.inner, after=flip)
    with pytest.raises(BlobError) as refused:
        reviewer.run(blobs.open(shown))
    assert refused.value.code == "blob.corrupt"
    assert not (blobs.root / "partial" / shown.sha256).exists()
    assert blobs.cached(shown.sha256) is None


def test_a_user_of_another_unit_cannot_download(make_client: Any, tmp_path: Path) -> None:
    clerk = make_client("office.clerk")
    data = b"%PDF-1.7 internal draft"
    doc_id = draft(clerk, attach(clerk, with_blobs(clerk, tmp_path / "clerk"), tmp_path, data))
    clerk.sync()
    (attachment,) = clerk.store.get_document(doc_id).attachments
    finance = make_client("finance.clerk")
    assert finance.store.get_document(doc_id) is None
    blobs = with_blobs(finance, tmp_path / "finance")
    with pytest.raises(BlobError) as refused:
        finance.run(blobs.open(attachment))
    assert refused.value.code == "blob.not_found"
    assert refused.value.message == "附件不存在，或您无权查看该附件"
    assert blobs.cached(attachment.sha256) is None


def test_names_never_reach_the_file_system_and_one_content_is_stored_once(
        make_client: Any, tmp_path: Path) -> None:
    clerk = make_client("office.clerk")
    blobs = with_blobs(clerk, tmp_path / "store" / "blobs")
    first = attach(clerk, blobs, tmp_path, b"same bytes", name="../../escape.txt")
    second = attach(clerk, blobs, tmp_path, b"same bytes", name="另一个名字.txt")
    assert first["sha256"] == second["sha256"]
    files = sorted(p.relative_to(blobs.root) for p in blobs.root.rglob("*") if p.is_file())
    assert files == [Path(first["sha256"][:2]) / first["sha256"]]
    assert not list(tmp_path.rglob("escape.txt"))
    for bad in ("../../etc/passwd", "ab" * 32 + "/x", "A" * 64):
        with pytest.raises(BlobError):
            content_path(blobs.root, bad)
    assert referenced_hashes({"fields": {"attachments": [first, second]}}) == {first["sha256"]}


def test_a_blob_the_server_lost_is_sent_again_from_the_local_copy(
        make_client: Any, tmp_path: Path, settings: Settings, engine: Any) -> None:
    import sqlalchemy as sa

    from sync.server.storage import tables as t

    clerk = make_client("office.clerk")
    blobs = with_blobs(clerk, tmp_path / "clerk-blobs")
    data = random.Random(5).randbytes(50_000)
    attachment = attach(clerk, blobs, tmp_path, data)
    draft(clerk, attachment)
    clerk.sync()
    assert clerk.store.get_blob(attachment["sha256"]).state == "synced"
    # As after a restore from a backup taken before the upload: the server has no trace of it.
    with engine.begin() as connection:
        for table in (t.document_blobs, t.blob_uploads, t.blobs, t.blob_chunks):
            connection.execute(sa.delete(table))
    again = draft(clerk, attachment)
    clerk.sync()
    assert clerk.store.pending_mutations() == []
    assert clerk.store.get_document(again) is not None
    assert server_content(settings, attachment["sha256"]) == data
    assert clerk.store.get_blob(attachment["sha256"]).state == "synced"


def test_a_received_attachment_is_forwarded_without_a_second_upload(
        make_client: Any, tmp_path: Path) -> None:
    clerk = make_client("office.clerk")
    clerk_blobs = with_blobs(clerk, tmp_path / "clerk-blobs")
    attachment = attach(clerk, clerk_blobs, tmp_path, b"received " * 3000)
    original = draft(clerk, attachment)
    clerk.sync()
    reviewer = make_client("office.reviewer")
    reviewer_blobs = with_blobs(reviewer, tmp_path / "reviewer-blobs")
    document = reviewer.store.get_document(original)
    reviewer.run(reviewer_blobs.open(document.attachments[0]))
    assert reviewer.store.get_blob(attachment["sha256"]).state == "cached"
    sent: list[str] = []

    async def before(request: httpx.Request) -> None:
        sent.append(request.method)

    reviewer.link.inner = Hooked(reviewer.link.inner, before=before)
    forwarded = draft(reviewer, attachment)
    reviewer.sync()
    assert reviewer.store.pending_mutations() == []
    assert reviewer.store.get_document(forwarded) is not None
    assert "PATCH" not in sent  # announced, found readable, nothing sent again
    assert reviewer.store.get_blob(attachment["sha256"]).state == "cached"
