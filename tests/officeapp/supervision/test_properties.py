"""Random action sequences by random people never break the supervision flow's invariants."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from officeapp.core.verdict import Accepted
from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS
from officeapp.org import Organisation
from officeapp.supervision import (
    ActionKind,
    ExtensionState,
    Status,
    SupervisionAction,
    SupervisionItem,
    apply_urging,
    available_actions,
    create_item,
    decide_supervision,
    due_urgings,
)
from officeapp.supervision.codec import item_from_dict, item_to_dict
from officeapp.workflow.model import Attachment

from .conftest import DEADLINE, ITEM_FIELDS, SHA, START

ORG = Organisation(DEMO_UNITS, DEMO_PEOPLE)
PEOPLE = [p.id for p in DEMO_PEOPLE]
KINDS = [k for k in ActionKind if k is not ActionKind.CREATE]

actions = st.fixed_dictionaries({
    "who": st.sampled_from(PEOPLE),
    "kind": st.sampled_from(KINDS),
    "text": st.sampled_from(["", "同意", "理由充分", "x" * 10]),
    "percent": st.none() | st.integers(-5, 105),
    "deadline_days": st.none() | st.integers(-10, 40),
    "attach": st.booleans(),
    "stale": st.booleans(),
    "minutes": st.integers(1, 3 * 24 * 60),
})


def build(raw: dict[str, Any], item: SupervisionItem) -> SupervisionAction:
    days = raw["deadline_days"]
    return SupervisionAction(
        raw["kind"], text=raw["text"], percent=raw["percent"],
        attachments=(Attachment("a.pdf", SHA, 1),) if raw["attach"] else (),
        deadline=None if days is None else DEADLINE + timedelta(days=days),
        changes={"title": "新标题"} if raw["kind"] is ActionKind.EDIT else {},
        expected_status=None if raw["stale"] else item.status,
    )


def check(before: SupervisionItem, decision: Accepted[SupervisionItem]) -> None:
    after = decision.record
    # Trace and reports are append-only: nothing earlier changes, nothing is lost.
    assert after.trace[: len(before.trace)] == before.trace
    assert after.trace[len(before.trace):] == decision.trace and len(decision.trace) == 1
    assert [e.seq for e in after.trace] == list(range(1, len(after.trace) + 1))
    assert after.progress_reports[: len(before.progress_reports)] == before.progress_reports
    assert after.urgings[: len(before.urgings)] == before.urgings
    assert len(after.extension_requests) >= len(before.extension_requests)
    assert after.version == before.version + 1
    assert decision.trace[0].status is before.status
    assert decision.trace[0].target_status is after.status
    # A completed item always has the completion request it was reviewed on.
    if after.status is Status.COMPLETED:
        assert after.completion_request is not None and after.review is not None
        assert before.status is Status.COMPLETION_REQUESTED
        assert after.completed_at is not None
    assert all(0 <= r.percent <= 100 for r in after.progress_reports)
    pending = [e for e in after.extension_requests if e.state is ExtensionState.PENDING]
    assert len(pending) <= 1
    if after.status in (Status.COMPLETION_REQUESTED, Status.COMPLETED):
        assert not pending
    # The deadline moves only by an edit or an approved extension, and only later on approval.
    if after.deadline != before.deadline:
        assert decision.trace[0].action in (ActionKind.EDIT, ActionKind.APPROVE_EXTENSION)
    if decision.trace[0].action is ActionKind.APPROVE_EXTENSION:
        assert before.deadline is not None and after.deadline is not None
        assert after.deadline > before.deadline


def run(data: st.DataObject, steps: int) -> SupervisionItem:
    clock = START
    item = create_item(item_id="s-1", actor=ORG.actor("p-office.supervisor", clock),
                       fields={**ITEM_FIELDS, "needs_approval": data.draw(st.booleans())},
                       now=clock)
    for _ in range(steps):
        raw = dict(data.draw(actions))
        clock += timedelta(minutes=raw["minutes"])
        offered = [(p, k) for p in PEOPLE
                   for k in available_actions(item, ORG.actor(p, clock), clock)]
        # Mostly do what someone may do now, so that sequences reach the end of the flow.
        if offered and data.draw(st.integers(0, 9)) < 7:
            raw["who"], raw["kind"] = data.draw(st.sampled_from(offered))
        if data.draw(st.integers(0, 9)) == 0:
            for urging in due_urgings([item], clock):
                urged = apply_urging(item, urging)
                assert isinstance(urged, Accepted)
                check(item, urged)
                item = urged.record
        decision = decide_supervision(item, ORG.actor(raw["who"], clock), build(raw, item),
                                      clock)
        if isinstance(decision, Accepted):
            check(item, decision)
            item = decision.record
        else:
            assert decision.rejection.code.startswith("supervision.")
            assert decision.rejection.message
    return item


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), steps=st.integers(1, 40))
def test_random_sequences_keep_the_invariants(data: st.DataObject, steps: int) -> None:
    item = run(data, steps)
    event(f"ended {item.status.value}")
    assert item_from_dict(item_to_dict(item)) == item
