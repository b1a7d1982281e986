"""One registry of mutations (`sync.protocol.MUTATORS`): the server dispatches, the client
queues and the local rebase replays exactly the names it holds, and both sides read args with
the same models."""

from __future__ import annotations

import ast
import uuid
from pathlib import Path

import pytest

from officeapp.errors import ValidationError
from officeapp.store import pull
from sync.client.actions import wire_args
from sync.protocol import MUTATOR_VERSIONS, MUTATORS
from sync.server.mutations import push

ROOT = Path(__file__).parents[2]


def _names_in(path: Path) -> set[str]:
    """Return every string literal in a module that names a registered mutation."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and node.value in MUTATORS}


def test_the_server_dispatches_exactly_the_registered_mutations() -> None:
    assert set(push._HANDLERS) == set(MUTATORS)
    assert {name: m.version for name, m in MUTATORS.items()} == MUTATOR_VERSIONS


def test_the_client_queues_and_replays_only_registered_mutations() -> None:
    replayed = (pull.DOCUMENT_MUTATIONS | pull.MEETING_MUTATIONS | pull.SUPERVISION_MUTATIONS
                | {"delegation.create", "delegation.end"})
    assert replayed == set(MUTATORS)
    assert _names_in(ROOT / "sync" / "client" / "actions.py") == set(MUTATORS)


def test_the_client_refuses_to_queue_args_the_server_would_refuse() -> None:
    good = wire_args("document.create_outgoing", document_id=str(uuid.uuid4()), fields={})
    assert set(good) == {"document_id", "fields"}
    assert "parent_id" not in wire_args("supervision.create", item_id=str(uuid.uuid4()),
                                        fields={}, parent_id=None)
    with pytest.raises(ValidationError) as refused:
        wire_args("document.create_outgoing", document_id=str(uuid.uuid5(uuid.NAMESPACE_DNS,
                                                                           "x")), fields={})
    assert refused.value.code == "mutation.invalid_args"
    assert refused.value.details["fields"] == ["document_id"]
