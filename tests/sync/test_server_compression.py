"""zstd on the wire: pull pages compressed for clients that accept it, pushes decoded with a
bound, damaged data refused with a 4xx, blobs and the event stream left as they are."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

import httpx
import zstandard

from .conftest import Api, User

Users = Callable[[str], User]
PUSH = "/api/v1/sync/push"
PULL = "/api/v1/sync/pull"


def _pull_body(clerk: User) -> dict[str, object]:
    return {"client_id": clerk.client_id, "schema_version": 2, "cursor": 0, "limit": 500}


def test_a_pull_page_goes_zstd_compressed_and_reads_back_the_same(user: Users,
                                                                   api: Api) -> None:
    clerk = user("office.clerk")
    for number in range(5):
        clerk.create(title=f"关于做好第{number}批防汛工作的通知")
    plain = api.post(PULL, json=_pull_body(clerk),
                     headers={**clerk.headers, "Accept-Encoding": "identity"})
    packed = api.post(PULL, json=_pull_body(clerk),
                      headers={**clerk.headers, "Accept-Encoding": "zstd"})
    assert plain.status_code == packed.status_code == 200
    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "zstd"
    assert packed.json()["changes"] == plain.json()["changes"]


def test_the_compressed_bytes_are_smaller_and_a_second_reader_decodes_them(
        user: Users, api: Api) -> None:
    clerk = user("office.clerk")
    for number in range(20):
        clerk.create(title=f"关于做好第{number}批防汛工作的通知")

    async def raw_bytes() -> tuple[bytes, httpx.Headers]:
        request = api.client.build_request(
            "POST", PULL, json=_pull_body(clerk),
            headers={**clerk.headers, "Accept-Encoding": "zstd"})
        response = await api.client.send(request, stream=True)
        body = b"".join([part async for part in response.aiter_raw()])
        await response.aclose()
        return body, response.headers

    body, headers = api.run(raw_bytes())
    assert headers["content-encoding"] == "zstd"
    decoded = zstandard.ZstdDecompressor().decompressobj().decompress(body)
    assert len(body) < len(decoded) / 3
    assert len(json.loads(decoded)["changes"]) >= 20


def test_every_answer_says_a_push_may_come_compressed(user: Users, api: Api) -> None:
    clerk = user("office.clerk")
    answer = api.post(PULL, json=_pull_body(clerk), headers=clerk.headers)
    assert "zstd" in answer.headers["accept-encoding"]
    refused = api.post(PULL, json={}, headers=clerk.headers)
    assert refused.status_code == 422
    assert "zstd" in refused.headers["accept-encoding"]


def test_a_compressed_push_is_applied(user: Users, api: Api) -> None:
    clerk = user("office.clerk")
    body = json.dumps(clerk.push_body(clerk.mutation(
        "document.create_outgoing", document_id="6f1c7a52-2a8e-4c53-9d4e-5b0f4bd0a001",
        fields={"title": "压缩推送的通知", "doc_type": "通知", "main_recipients": ["u-edu"],
                "body": "各单位：" + "请认真贯彻执行。" * 50}))).encode()
    answer = api.post(PUSH, content=zstandard.ZstdCompressor().compress(body),
                      headers={**clerk.headers, "Content-Type": "application/json",
                               "Content-Encoding": "zstd"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["results"][0]["status"] == "applied"


def _push_raw(clerk: User, api: Api, content: bytes, encoding: str) -> httpx.Response:
    return api.post(PUSH, content=content, headers={
        **clerk.headers, "Content-Type": "application/json", "Content-Encoding": encoding})


def test_damaged_truncated_and_foreign_encodings_are_refused(user: Users, api: Api) -> None:
    clerk = user("office.clerk")
    body = json.dumps(clerk.push_body()).encode()
    packed = zstandard.ZstdCompressor().compress(body)
    damaged = packed[:8] + bytes(b ^ 0x5A for b in packed[8:])
    for content, encoding, status, code in [
            (damaged, "zstd", 400, "request.bad_encoding"),
            (packed[:-3], "zstd", 400, "request.bad_encoding"),
            (b"", "zstd", 400, "request.bad_encoding"),
            (b"not zstd at all", "zstd", 400, "request.bad_encoding"),
            (body, "gzip", 415, "request.unsupported_encoding"),
            (body, "br, zstd", 415, "request.unsupported_encoding")]:
        answer = _push_raw(clerk, api, content, encoding)
        assert answer.status_code == status, (encoding, answer.text)
        assert answer.json()["code"] == code
        assert answer.json()["message"]


def test_a_small_bomb_cannot_make_the_server_hold_more_than_the_limit(user: Users,
                                                                       api: Api) -> None:
    clerk = user("office.clerk")
    bomb = zstandard.ZstdCompressor(level=19).compress(b" " * (64 * 1024 * 1024))
    assert len(bomb) < 64 * 1024
    answer = _push_raw(clerk, api, bomb, "zstd")
    assert answer.status_code == 413
    assert answer.json()["code"] == "request.too_large"
    # A frame that claims a small size but holds more is cut at the limit all the same.
    unsized = zstandard.ZstdCompressor(write_content_size=False).compress(b"[" * 5_000_000)
    assert _push_raw(clerk, api, unsized, "zstd").status_code == 413


def test_blob_downloads_are_not_recompressed(user: Users, api: Api) -> None:
    clerk = user("office.clerk")
    data = b"%PDF-1.7 " + b"compressible " * 20_000
    digest = hashlib.sha256(data).hexdigest()
    announced = api.post("/api/v1/blobs", json={"sha256": digest, "size": len(data)},
                         headers=clerk.headers)
    assert announced.status_code == 200, announced.text
    uploaded = api.request("PATCH", f"/api/v1/blobs/{digest}", content=data,
                           headers={**clerk.headers, "Upload-Offset": "0",
                                    "Content-Type": "application/offset+octet-stream"})
    assert uploaded.status_code == 200, uploaded.text
    clerk.create(attachments=[{"name": "a.pdf", "sha256": digest, "size": len(data)}])
    got = api.get(f"/api/v1/blobs/{digest}",
                  headers={**clerk.headers, "Accept-Encoding": "zstd"})
    assert got.status_code == 200 and got.content == data
    assert "content-encoding" not in got.headers
