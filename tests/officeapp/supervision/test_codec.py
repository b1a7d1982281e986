"""Items and actions to and from JSON dicts; malformed input is refused with a code."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest

from officeapp.core.verdict import Accepted
from officeapp.errors import ValidationError
from officeapp.supervision import (
    ActionKind,
    Status,
    SupervisionAction,
    apply_urging,
    due_urgings,
)
from officeapp.supervision.codec import (
    action_from_dict,
    action_to_dict,
    item_from_dict,
    item_to_dict,
)
from officeapp.workflow.model import Attachment

from .conftest import DEADLINE, SHA, Sup

A = ActionKind


def full_item(sup: Sup) -> Any:
    item = sup.to(Status.IN_PROGRESS)
    item = sup.do(item, "office.leader", A.URGE, text="请加快")
    item = sup.do(item, "finance.clerk", A.REQUEST_EXTENSION, text="等资金",
                  deadline=DEADLINE + timedelta(days=5))
    item = sup.do(item, "office.supervisor", A.REFUSE_EXTENSION, text="不同意")
    item = sup.do(item, "finance.clerk", A.REQUEST_COMPLETION, text="已完成",
                  attachments=(Attachment("凭证.pdf", SHA, 3),))
    item = sup.do(item, "office.supervisor", A.RETURN, text="补材料")
    [urging, *_] = due_urgings([item], DEADLINE + timedelta(days=1))
    decision = apply_urging(item, urging)
    assert isinstance(decision, Accepted)
    return decision.record


def test_an_item_survives_a_round_trip_through_json(sup: Sup) -> None:
    item = full_item(sup)
    text = json.dumps(item_to_dict(item), ensure_ascii=False)
    assert item_from_dict(json.loads(text)) == item
    draft = sup.draft()
    assert item_from_dict(json.loads(json.dumps(item_to_dict(draft)))) == draft


def test_an_action_survives_a_round_trip(sup: Sup) -> None:
    action = SupervisionAction(A.REPORT, text="进展", percent=40, expected_status=Status.RECEIVED,
                               deadline=DEADLINE, changes={"title": "x"})
    back = action_from_dict(json.loads(json.dumps(action_to_dict(action))))
    assert back == action


@pytest.mark.parametrize("data", [
    None, [], "report", {}, {"kind": "fly"}, {"kind": 3},
    {"kind": "report", "percent": "50"}, {"kind": "report", "percent": True},
    {"kind": "report", "percent": 4.5}, {"kind": "report", "text": ["x"]},
    {"kind": "report", "attachments": "a.pdf"},
    {"kind": "report", "attachments": [{"name": "a", "sha256": "x"}]},
    {"kind": "request_extension", "deadline": "2026-13-01"},
    {"kind": "request_extension", "deadline": "2026-12-01T10:00:00"},
    {"kind": "edit", "changes": ["title"]},
    {"kind": "receive", "expected_status": "flying"},
])
def test_malformed_actions_are_refused_with_a_code(data: Any) -> None:
    with pytest.raises(ValidationError) as error:
        action_from_dict(data)
    assert error.value.code == "supervision.malformed_action" and error.value.message


@pytest.mark.parametrize("change", [
    {"id": None}, {"status": "lost"}, {"created_at": "yesterday"},
    {"created_at": "2026-11-02T09:00:00"}, {"progress_reports": [{"seq": 1}]},
    {"progress_reports": "x"}, {"trace": [1]}, {"cycle": {"kind": "hourly"}},
    {"version": "2"}, {"co_unit_ids": [1]}, {"review": "ok"}, {"urgings": [{"at": 1}]},
    {"extension_requests": [{"seq": 1, "reason": "x"}]},
])
def test_malformed_items_are_refused_with_a_code(sup: Sup, change: dict[str, Any]) -> None:
    data = {**item_to_dict(full_item(sup)), **change}
    with pytest.raises(ValidationError) as error:
        item_from_dict(data)
    assert error.value.code == "supervision.malformed_item"


def test_a_decoded_action_with_a_bad_percent_is_refused_by_the_rules(sup: Sup) -> None:
    item = sup.to(Status.RECEIVED)
    action = action_from_dict({"kind": "report", "percent": 150, "text": "x"})
    decision = sup.try_(item, "finance.clerk", action.kind, percent=action.percent,
                        text=action.text)
    assert not isinstance(decision, Accepted)
    assert decision.rejection.code == "supervision.invalid_percent"
