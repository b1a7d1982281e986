"""sync.client.pages: a pull answer is staged by the store or decoded whole, and judged the same
either way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from officeapp.store import LocalStore, PullPage
from officeapp.store.bulk import StagedPage
from sync.client.api import ApiError
from sync.client.pages import KINDS, PullHead, read_page
from sync.protocol import EntityKind, PullResponse


def test_the_head_is_the_answer_without_its_changes() -> None:
    fields = {k: (f.annotation, f.default) for k, f in PullResponse.model_fields.items()}
    del fields["changes"]
    assert {k: (f.annotation, f.default) for k, f in PullHead.model_fields.items()} == fields
    assert PullHead.model_config == PullResponse.model_config
    assert set(EntityKind.__args__) == KINDS


def answer(**changes: object) -> bytes:
    body = {"cursor": 3, "last_mutation_id": 0, "changes": [], "results": [
        {"id": 1, "status": "rejected", "code": "workflow.already_claimed", "message": "已被认领"},
        {"id": 2, "status": "applied"}], "has_more": False, "reset": False, **changes}
    return json.dumps(body, ensure_ascii=False).encode()


def test_a_usual_answer_is_staged(tmp_path: Path) -> None:
    with LocalStore.open(tmp_path / "store.db") as store:
        page = read_page(store, answer())
        assert isinstance(page, StagedPage)
        assert (page.cursor, page.has_more, [r.mutation_id for r in page.rejected]) == (
            3, False, [1])
        store.apply_pull(page)
        assert store.get_cursor() == 3


def test_an_unusual_answer_is_decoded_whole(tmp_path: Path) -> None:
    with LocalStore.open(tmp_path / "store.db") as store:
        body = answer(changes=[{"seq": 1, "kind": "room", "id": "r-1\u0000", "op": "revoke"}])
        page = read_page(store, body)
        assert isinstance(page, PullPage) and page.changes[0].id == "r-1\u0000"


@pytest.mark.parametrize("body", [
    b"", b"not json", b"\xff\xfe", answer(cursor="3"), answer(has_more=1), answer(extra=1),
    answer(changes=[{"seq": 1, "kind": "galaxy", "id": "x", "op": "put"}]),
    answer(results=[{"id": 1, "status": "maybe"}]),
])
def test_a_malformed_answer_is_a_bad_response_either_way(body: bytes, tmp_path: Path) -> None:
    with LocalStore.open(tmp_path / "store.db") as store, pytest.raises(ApiError) as raised:
        read_page(store, body)
    assert raised.value.code == "client.bad_response"
