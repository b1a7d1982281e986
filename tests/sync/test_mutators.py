"""One declaration of every mutation (`officeapp.mutators`): the wire's version table comes
from it, and the client queues, the local store replays and the server dispatches exactly the
names it declares, reading args with the same typed models."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from officeapp import mutators
from officeapp.demo import DEMO_PEOPLE, DEMO_ROOMS, DEMO_UNITS, EDU_ID
from officeapp.errors import ValidationError
from officeapp.meetings import decision_item_id
from officeapp.mutators import MUTATORS
from officeapp.store import LocalStore
from officeapp.store import mutations as local
from officeapp.store.pull import PullPage
from officeapp.workflow import Action, ActionKind
from sync import protocol
from sync.client import actions
from sync.server.mutations import dispatch

from .conftest import User

# The wire as the previous release's server reads it: a change here needs a new
# `protocol.SCHEMA_VERSION` (tests/upgrade checks it against the recorded release).
WIRE = {
    "document.create_outgoing": (1, ["acted_at", "document_id", "fields"]),
    "document.register_incoming": (1, ["acted_at", "document_id", "fields"]),
    "document.act": (1, ["action", "document_id"]),
    "meeting.create": (1, ["acted_at", "fields", "meeting_id"]),
    "meeting.create_sitting": (1, ["meeting_id", "series_id", "start"]),
    "meeting.act": (1, ["action", "meeting_id"]),
    "supervision.create": (1, ["acted_at", "fields", "item_id", "parent_id"]),
    "supervision.act": (1, ["action", "item_id"]),
    "delegation.create": (1, ["delegate_id", "delegation_id", "end", "start"]),
    "delegation.end": (1, ["delegation_id"]),
}


def test_the_protocol_table_is_the_declaration() -> None:
    assert protocol.MUTATORS is MUTATORS
    assert {name: m.version for name, m in MUTATORS.items()} == protocol.MUTATOR_VERSIONS
    assert {name: (m.version, sorted(m.args.model_fields)) for name, m in MUTATORS.items()} \
        == WIRE
    assert all(name == m.name and 1 <= m.oldest <= m.version for name, m in MUTATORS.items())


def test_each_declaration_names_its_record_and_what_it_refers_to() -> None:
    for m in MUTATORS.values():
        assert m.name.startswith(f"{m.kind}."), m.name
        fields = m.args.model_fields
        assert m.record in fields and fields[m.record].is_required(), m.name
        # A record a client creates has a random id, checked as such on both sides.
        random = any(getattr(c, "pattern", None) == mutators.RANDOM_ID_PATTERN
                     for c in fields[m.record].metadata)
        assert random == m.creates, m.name
        assert set(m.refers) <= set(fields) - {m.record}, m.name
        assert set(m.refers.values()) <= {d.kind for d in MUTATORS.values()}, m.name


def test_ids_the_server_fills_are_name_based_so_no_client_can_take_them() -> None:
    declared = {m.name: m.server_ids for m in MUTATORS.values() if m.server_ids}
    assert declared == {"document.act": (mutators.INCOMING_COPY,),
                        "meeting.act": (mutators.DECISION_ITEM,)}
    assert mutators.DECISION_ITEM.derive is decision_item_id
    copy = mutators.INCOMING_COPY.derive(str(uuid.uuid4()), "u-finance")
    item = mutators.DECISION_ITEM.derive(str(uuid.uuid4()), 1)
    assert uuid.UUID(copy).version == uuid.UUID(item).version == 5
    assert {s.kind for ids in declared.values() for s in ids} <= {m.kind for m in MUTATORS.values()}


@pytest.mark.parametrize("layer", ["client builders", "local appliers", "server handlers"])
def test_every_declared_mutation_has_a_builder_an_applier_and_a_handler(layer: str) -> None:
    registries: dict[str, dict[str, Callable[..., object]]] = {
        "client builders": dict(actions.BUILDERS), "local appliers": dict(local.APPLIERS),
        "server handlers": dict(dispatch.HANDLERS)}
    assert set(registries[layer]) == set(MUTATORS)


def test_the_server_refuses_a_name_it_does_not_declare(user: Callable[[str], User]) -> None:
    clerk = user("office.clerk")
    for name in ("document.delete", "document", "meeting.cancel_all"):
        assert name not in MUTATORS
        result = clerk.push_one(name, document_id=str(uuid.uuid4()))
        assert (result["status"], result["code"]) == ("rejected", "mutation.unknown"), name
    # The queue moved on: a declared mutation after them applies.
    assert clerk.create()


def test_the_client_refuses_to_build_args_the_server_would_refuse() -> None:
    good = mutators.CreateDocumentArgs(document_id=str(uuid.uuid4()), fields={})
    assert set(mutators.CREATE_OUTGOING.wire(good)) == {"document_id", "fields"}
    item = mutators.CreateSupervisionArgs(item_id=str(uuid.uuid4()), fields={}, parent_id=None)
    assert "parent_id" not in mutators.CREATE_SUPERVISION.wire(item)
    with pytest.raises(ValidationError) as refused:
        mutators.CreateDocumentArgs(document_id=str(uuid.uuid5(uuid.NAMESPACE_DNS, "x")),
                                    fields={})
    assert refused.value.code == "mutation.invalid_args"
    assert refused.value.details["fields"] == ["document_id"]
    with pytest.raises(TypeError):
        mutators.DOCUMENT_ACT.wire(good)  # the args of another mutation


def test_wire_args_read_back_into_the_same_model() -> None:
    args = mutators.CreateSittingArgs(meeting_id=str(uuid.uuid4()), series_id="m-1",
                                      start="2030-01-07T09:00+08:00")
    assert mutators.CREATE_SITTING.parse(mutators.CREATE_SITTING.wire(args)) == args
    with pytest.raises(ValidationError) as refused:
        mutators.CREATE_SITTING.parse({**mutators.CREATE_SITTING.wire(args), "extra": 1})
    assert refused.value.details["fields"] == ["extra"]


# --- the optimistic write and the replay agree ---------------------------------------------

NOW = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)


def _queue_one_of_each(store: LocalStore) -> dict[tuple[str, str], Any]:
    """Queue a mutation of most names through the client's builders; return the records
    they wrote, by (kind, id)."""
    made = actions.draft_outgoing(store, person_id="p-office.clerk", now=NOW, fields={
        "doc_type": "通知", "title": "重放", "body": "正文", "main_recipients": [EDU_ID]})
    sent = actions.act(store, person_id="p-office.clerk", document_id=made.id,
                       action=Action(ActionKind.APPROVE, opinion="请核稿"),
                       now=NOW + timedelta(minutes=1))
    assert sent.ok, sent
    incoming = actions.register(store, person_id="p-office.clerk", now=NOW, fields={
        "doc_type": "函", "title": "来函", "sender_unit": "外单位"})
    start = NOW + timedelta(days=2)
    meeting = actions.create_meeting(store, person_id="p-office.secretary", now=NOW, fields={
        "title": "周例会", "meeting_type": "办公会", "location": "三楼", "start": start,
        "end": start + timedelta(hours=1)})
    item = actions.create_supervision_item(store, person_id="p-office.supervisor", now=NOW,
                                           fields={"title": "落实", "source": "领导批示",
                                                   "content": "x", "lead_unit_id": EDU_ID,
                                                   "deadline": NOW + timedelta(days=9)})
    delegation = actions.create_delegation(store, person_id="p-office.leader",
                                           delegate_id="p-office.deputy", start=NOW,
                                           end=NOW + timedelta(days=3), now=NOW)
    actions.end_delegation(store, person_id="p-office.leader", delegation_id=delegation.id,
                           now=NOW + timedelta(hours=1))
    return {(kind, record_id): store.get_record(kind, record_id) for kind, record_id in (
        ("document", made.id), ("document", incoming.id), ("meeting", meeting.id),
        ("supervision", item.id))}


def test_a_reset_replays_each_queued_mutation_to_what_the_client_wrote(tmp_path: Path) -> None:
    store = LocalStore.open(tmp_path / "client.db")
    directory = {"units": DEMO_UNITS, "people": DEMO_PEOPLE, "rooms": DEMO_ROOMS}
    store.save_directory(**directory)
    written = _queue_one_of_each(store)
    queued = {m.name for m in store.pending_mutations()}
    assert queued == set(MUTATORS) - {"meeting.create_sitting", "meeting.act", "supervision.act"}
    delegations = store.delegations()
    store.wipe_mirror()
    store.save_directory(**directory)
    assert all(store.get_record(*key) is None for key in written)
    store.apply_pull(PullPage(cursor=1, last_mutation_id=0, changes=[]))
    assert {key: store.get_record(*key) for key in written} == written
    assert store.delegations() == delegations
    store.close()
