"""The trace keeps when a person acted (their client's server-corrected clock) beside when the
server accepted it, where they differ by a minute or more: an action taken offline (留痕)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from officeapp.core.verdict import Accepted
from officeapp.errors import ValidationError
from officeapp.workflow import ActionKind, create_outgoing, decide
from officeapp.workflow.codec import (
    action_from_dict,
    action_to_dict,
    document_from_dict,
    document_to_dict,
)
from tests.flows import NOTICE_FIELDS, Flow


def test_an_action_taken_offline_keeps_both_times(flow: Flow) -> None:
    doc = flow.draft("office.clerk")
    now = flow.tick()
    offline = now - timedelta(minutes=2)
    action = flow.action(ActionKind.APPROVE, expected_step="draft", acted_at=offline)
    decision = decide(doc, flow.actor("office.clerk"), action, now)
    assert isinstance(decision, Accepted)
    entry = decision.record.trace[-1]
    assert (entry.at, entry.acted_at) == (now, offline)
    assert decision.trace[-1] == entry
    assert all(e.acted_at is None for e in decision.record.trace[:-1])
    back = document_from_dict(document_to_dict(decision.record))
    assert back.trace[-1].acted_at == offline


def test_close_future_or_missing_claims_keep_only_the_servers_time(flow: Flow) -> None:
    doc = flow.draft("office.clerk")
    now = flow.tick()
    for claimed in (None, now - timedelta(seconds=59), now, now + timedelta(hours=1)):
        action = flow.action(ActionKind.APPROVE, expected_step="draft", acted_at=claimed)
        decision = decide(doc, flow.actor("office.clerk"), action, now)
        assert isinstance(decision, Accepted)
        assert decision.record.trace[-1].acted_at is None, claimed


def test_a_draft_made_offline_keeps_when_it_was_made(flow: Flow) -> None:
    now = flow.tick()
    made = now - timedelta(minutes=2)
    doc = create_outgoing(document_id="d-1", actor=flow.actor("office.clerk"),
                          fields=NOTICE_FIELDS, now=now, acted=made)
    assert (doc.trace[0].at, doc.trace[0].acted_at, doc.created_at) == (now, made, now)


def test_the_claim_travels_with_the_action_and_must_carry_its_zone(flow: Flow) -> None:
    when = flow.tick()
    action = flow.action(ActionKind.APPROVE, acted_at=when)
    assert action_from_dict(action_to_dict(action)).acted_at == when
    data = {**action_to_dict(action), "acted_at": when.replace(tzinfo=None).isoformat()}
    with pytest.raises(ValidationError) as refused:
        action_from_dict(data)
    assert refused.value.code == "action.malformed"
