"""The store's one loop over record kinds: every registered kind has a table, and the generic
put/get/delete/revert/create/act of LocalStore behave alike for each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from officeapp.core.kinds import KINDS
from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS, EDU_ID, FINANCE_ID
from officeapp.errors import ConflictError
from officeapp.kinds import ALL
from officeapp.meetings import create_meeting
from officeapp.org import Organisation
from officeapp.store import LocalStore, PulledChange, PullOutcome, PullPage
from officeapp.store.tables import TABLES
from officeapp.supervision import create_item
from officeapp.workflow import create_outgoing

ORG = Organisation(DEMO_UNITS, DEMO_PEOPLE)
NOW = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def _document(ident: str) -> Any:
    return create_outgoing(document_id=ident, actor=ORG.actor("p-office.clerk", NOW),
                           fields={"doc_type": "通知", "title": "关于防汛工作的通知"}, now=NOW)


def _meeting(ident: str) -> Any:
    start = NOW + timedelta(days=3)
    return create_meeting(meeting_id=ident, actor=ORG.actor("p-office.secretary", NOW),
                          fields={"title": "防汛工作专题会议", "meeting_type": "专题会议",
                                  "start": start.isoformat(),
                                  "end": (start + timedelta(hours=2)).isoformat()}, now=NOW)


def _item(ident: str) -> Any:
    return create_item(item_id=ident, actor=ORG.actor("p-office.supervisor", NOW),
                       fields={"title": "推进数字政府建设", "source": "leader_instruction",
                               "content": "按期完成", "lead_unit_id": FINANCE_ID,
                               "co_unit_ids": [EDU_ID],
                               "deadline": (NOW + timedelta(days=30)).isoformat()}, now=NOW)


MAKERS: dict[str, Callable[[str], Any]] = {
    "document": _document, "meeting": _meeting, "supervision": _item}


def test_every_registered_kind_has_one_table_in_the_store() -> None:
    assert {kind.name for kind in ALL} == set(KINDS) == set(TABLES) == set(MAKERS)


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_put_get_count_and_delete_go_through_one_path(store: LocalStore,
                                                      kind: str) -> None:
    record = MAKERS[kind]("r-1")
    store.put_records(kind, [record, MAKERS[kind]("r-2")])
    assert store.record_count(kind) == 2
    assert store.get_record(kind, "r-1") == record
    assert store.get_record(kind, "missing") is None
    assert store.delete_records(kind, ["r-1", "missing"]) == 1
    assert store.get_record(kind, "r-1") is None
    assert store.record_count(kind) == 1


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_a_revert_returns_to_the_server_version_or_drops_a_local_record(
        store: LocalStore, kind: str) -> None:
    server = MAKERS[kind]("r-1")
    store.put_records(kind, [server])
    store.put_records(kind, [replace(server, title="本地修改")], pending=True)
    store.put_records(kind, [MAKERS[kind]("local")], pending=True)
    assert store.revert_records(kind, ["r-1", "local", "missing"]) == ["r-1", "local"]
    assert store.get_record(kind, "r-1") == server
    assert store.get_record(kind, "local") is None
    assert store.revert_records(kind, ["r-1"]) == []  # nothing pending any more


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_a_created_record_is_pending_with_its_outbox_row_and_only_once(
        store: LocalStore, kind: str) -> None:
    record = MAKERS[kind]("r-1")
    store.create_record(kind, record=record, mutation_name=f"{kind}.create",
                               mutation_args={"id": "r-1"})
    (mutation,) = store.pending_mutations()
    assert (mutation.name, mutation.record_id, mutation.person_id) == (
        f"{kind}.create", "r-1", record.created_by)
    assert mutation.document_id == ("r-1" if kind == "document" else None)
    with pytest.raises(ConflictError) as caught:
        store.create_record(kind, record=record, mutation_name=f"{kind}.create",
                                   mutation_args={})
    assert caught.value.code == f"{kind}.exists"
    assert store.revert_records(kind, ["r-1"]) == ["r-1"]  # never synced: gone


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_an_action_on_a_record_the_store_lacks_is_refused_by_its_kind(
        store: LocalStore, kind: str) -> None:
    verdict = store.apply_record_action(
        kind, record_id="missing", actor=ORG.actor("p-office.clerk", NOW), action=None,
        now=NOW, mutation_name=f"{kind}.act", mutation_args={})
    assert not verdict.ok and verdict.rejection.code == f"{kind}.not_found"
    assert store.pending_mutations() == []


def test_one_pulled_page_puts_and_revokes_every_kind(store: LocalStore) -> None:
    kept = {kind: make("kept") for kind, make in MAKERS.items()}
    store.put_records("meeting", [MAKERS["meeting"]("gone")])
    changes = [PulledChange(kind, "kept", "put", KINDS[kind].to_dict(record))
               for kind, record in kept.items()]
    changes += [PulledChange("meeting", "gone", "revoke"),
                PulledChange("supervision", "bad", "put", {"id": "bad"})]
    outcome = store.apply_pull(PullPage(cursor=3, last_mutation_id=0, changes=changes))
    assert outcome.of("document") == {"kept"} and outcome.of("supervision") == {"kept"}
    assert outcome.of("meeting") == {"kept", "gone"}
    assert outcome.skipped == ("bad",)
    for kind, record in kept.items():
        assert store.get_record(kind, "kept") == record
    assert store.get_record("meeting", "gone") is None


def test_an_outcome_holds_ids_by_kind_and_merges_each_kind() -> None:
    first = PullOutcome({"document": {"d1"}, "meeting": set()}, directory=False, rejected=(1,))
    later = PullOutcome({"meeting": {"m1"}, "supervision": {"s1"}}, directory=True,
                        rejected=(2,), skipped=("bad",))
    merged = first.merged(later)
    assert merged == PullOutcome({"document": {"d1"}, "meeting": {"m1"}, "supervision": {"s1"}},
                                 directory=True, rejected=(1, 2), skipped=("bad",))
    assert first.of("meeting") == frozenset() and merged.of("supervision") == {"s1"}
    assert first == PullOutcome({"document": {"d1"}}, rejected=(1,))  # empty kinds drop out
    assert hash(first) == hash(PullOutcome({"document": {"d1"}}, rejected=(1,)))


def test_an_outcome_has_changed_only_if_it_names_something() -> None:
    assert not PullOutcome(skipped=("bad",)).changed
    assert PullOutcome({"meeting": {"m1"}}).changed
    assert PullOutcome(directory=True).changed and PullOutcome(rejected=(3,)).changed
