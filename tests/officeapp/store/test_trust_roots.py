"""Trusted roots (验章's anchors) pulled like the directory: puts, revokes, malformed ones
skipped, the bulk path, a reset; and the inbox's 待用印 for a 发文 sealed offline."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

import pytest

from officeapp import seals
from officeapp.store import InboxFilter, LocalStore, PulledChange, PullPage
from officeapp.store.bulk import StagedPage
from officeapp.store.trust import META_KEY

from .conftest import Office

NOW = datetime(2026, 3, 1, tzinfo=UTC)
KINDS = ("document", "unit", "person", "room", "trust_root")


def root(name: str) -> dict[str, str]:
    """Return a trusted root's payload as the server sends it."""
    ca = seals.create_org_ca(name, now=NOW)
    return {"id": seals.certificate_fingerprint(ca.cert_pem), "name": ca.subject,
            "pem": ca.cert_pem.decode()}


def put(data: dict[str, Any], record_id: str | None = None) -> PulledChange:
    return PulledChange("trust_root", record_id or str(data.get("id")), "put", data)


def revoke(record_id: str) -> PulledChange:
    return PulledChange("trust_root", record_id, "revoke")


def pull(store: LocalStore, *changes: PulledChange, reset: bool = False) -> bool:
    """Apply one page; return whether it reported a directory change."""
    cursor = store.get_cursor() + 1 if not reset else 1
    page = PullPage(cursor=cursor, last_mutation_id=0, changes=list(changes), reset=reset)
    return store.apply_pull(page).directory


def test_pulled_roots_are_kept_and_revoked(store: LocalStore) -> None:
    first, second = root("萍乡市"), root("江西省")
    assert store.trust_roots() == []
    assert pull(store, put(first), put(second))
    assert sorted(store.trust_roots()) == sorted(
        [first["pem"].encode(), second["pem"].encode()])
    assert {r.name for r in store.trust_root_records()} == {first["name"], second["name"]}
    assert pull(store, revoke(first["id"]))
    assert store.trust_roots() == [second["pem"].encode()]


def test_a_later_put_replaces_the_root_and_order_counts(store: LocalStore) -> None:
    first = root("萍乡市")
    renamed = {**first, "name": "萍乡市电子印章根证书（新名称）"}
    pull(store, put(first), revoke(first["id"]), put(renamed))
    assert [r.name for r in store.trust_root_records()] == [renamed["name"]]
    pull(store, put(first), revoke(first["id"]))
    assert store.trust_roots() == []


def test_pages_without_roots_leave_them_alone(store: LocalStore) -> None:
    first = root("萍乡市")
    pull(store, put(first))
    assert not pull(store)
    assert store.trust_roots() == [first["pem"].encode()]


FAKE_PEM = "-----BEGIN CERTIFICATE-----\nAA\n-----END CERTIFICATE-----"


@pytest.mark.parametrize("data", [
    None,
    {"id": "other", "name": "x", "pem": FAKE_PEM},
    {"id": "bad", "name": "x", "pem": "not a certificate"},
    {"id": "bad", "name": "x", "pem": 42},
    {"id": "bad", "name": ["x"], "pem": FAKE_PEM},
    {"id": "bad", "name": "x"},
])
def test_a_malformed_root_is_skipped_with_a_log_line(store: LocalStore, data: Any,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    good = root("萍乡市")
    with caplog.at_level(logging.WARNING):
        pull(store, PulledChange("trust_root", "bad", "put", data), put(good))
    assert store.trust_roots() == [good["pem"].encode()]
    assert "skipped malformed trusted root bad" in caplog.text


def test_an_unreadable_stored_value_counts_as_no_roots(store: LocalStore) -> None:
    store.set_meta(META_KEY, "{not json")
    assert store.trust_roots() == []
    store.set_meta(META_KEY, json.dumps([{"id": "x"}, "text", 3]))
    assert store.trust_roots() == []
    good = root("萍乡市")
    pull(store, put(good))  # the next sync writes a good list again
    assert store.trust_roots() == [good["pem"].encode()]


def test_a_reset_forgets_roots_the_snapshot_no_longer_has(store: LocalStore) -> None:
    first, second = root("萍乡市"), root("江西省")
    pull(store, put(first), put(second))
    pull(store, put(second), reset=True)
    assert store.trust_roots() == [second["pem"].encode()]


def test_the_bulk_path_applies_roots_too(store: LocalStore) -> None:
    good = root("萍乡市")
    changes = [{"seq": 1, "kind": "trust_root", "id": good["id"], "op": "put", "data": good},
               {"seq": 2, "kind": "trust_root", "id": "bad", "op": "put",
                "data": {"id": "bad", "name": "x", "pem": "x"}}]
    body = json.dumps({"cursor": 2, "last_mutation_id": 0, "changes": changes, "results": [],
                       "has_more": False, "reset": False}, ensure_ascii=False,
                      separators=(",", ":"))
    staged = store.stage_pull(body, kinds=KINDS)
    assert staged is not None
    head = json.loads(staged.head)
    outcome = store.apply_pull(StagedPage(staged.token, head["cursor"], 0, (), False, False))
    assert outcome.directory
    assert store.trust_roots() == [good["pem"].encode()]


def test_the_inbox_marks_a_document_sealed_offline(office: Office) -> None:
    doc = office.draft()
    office.accept(doc, "office.clerk", "approve", opinion="请核稿", unit_ids=())
    office.accept(doc, "office.reviewer", "approve", opinion="已核稿")
    office.accept(doc, "office.leader", "approve", opinion="同意")
    office.accept(doc, "office.clerk", "approve")  # 编号
    rows = office.store.inbox(actor=office.actor("office.clerk"), folder="all",
                              filters=InboxFilter())
    assert [r.awaiting_seal for r in rows if r.id == doc] == [False]
    sealed = office.accept(doc, "office.clerk", "approve")  # 用印, not yet on the server
    assert sealed.step == "issue" and sealed.official_pdf is None
    rows = office.store.inbox(actor=office.actor("office.clerk"), folder="all",
                              filters=InboxFilter())
    assert [r.awaiting_seal for r in rows if r.id == doc] == [True]
