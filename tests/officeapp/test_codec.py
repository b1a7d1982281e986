"""The JSON form of documents and actions refuses malformed input with a code."""

from __future__ import annotations

from typing import Any

import pytest

from officeapp.errors import ValidationError
from officeapp.workflow.codec import action_from_dict, document_from_dict, document_to_dict
from tests.flows import Flow, to_step


@pytest.mark.parametrize("data", [
    {"kind": "approve", "lead_unit_id": 5},
    {"kind": "approve", "unit_ids": "abc"},
    {"kind": "approve", "expected_step": ["review"]},
    {"kind": "approve", "opinion": 12},
    {"kind": "archive", "retention": "5年"},
    {"kind": "archive", "year": "2026"},
    {"kind": "fly"},
    {"kind": "approve", "assignees": "p-office.clerk"},
    {"kind": "approve", "changes": ["title"]},
    {"kind": "approve", "deadline": "tomorrow"},
])
def test_malformed_actions_are_refused(data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as caught:
        action_from_dict(data)
    assert caught.value.code == "action.malformed"


def test_documents_round_trip_and_missing_fields_are_refused(flow: Flow) -> None:
    doc = to_step(flow, "done")
    data = document_to_dict(doc)
    assert document_from_dict(data) == doc
    for key in ("created_at", "id", "step"):
        broken = {k: v for k, v in data.items() if k != key}
        with pytest.raises(ValidationError):
            document_from_dict(broken)
    with pytest.raises(ValidationError):
        document_from_dict({**data, "created_at": None})


def test_unit_default_agency_code_is_used(flow: Flow) -> None:
    from officeapp.workflow import create_outgoing
    from tests.flows import NOTICE_FIELDS

    fields = {k: v for k, v in NOTICE_FIELDS.items() if k != "agency_code"}
    doc = create_outgoing(document_id="x", actor=flow.actor("office.clerk"), fields=fields,
                          now=flow.clock, agency_code="萍府办发")
    assert doc.agency_code == "萍府办发"
