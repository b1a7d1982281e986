"""Random action sequences by random people never break the workflow's invariants."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from officeapp.core.verdict import Accepted
from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS, EDU_ID, FINANCE_ID, OFFICE_ID
from officeapp.org import Organisation
from officeapp.workflow import (
    Action,
    ActionKind,
    AllocateNumber,
    Distribute,
    Document,
    Retention,
    available_actions,
    create_outgoing,
    current_step,
    decide,
    register_incoming,
)
from officeapp.workflow.codec import assignee_resolver, document_from_dict, document_to_dict
from officeapp.workflow.definitions import WORKFLOWS, HolderRule
from tests.flows import NOTICE_FIELDS

ORG = Organisation(DEMO_UNITS, DEMO_PEOPLE)
RESOLVE = assignee_resolver(ORG)
PEOPLE = [p.id for p in DEMO_PEOPLE if p.username != "office.admin"]
UNITS = [OFFICE_ID, FINANCE_ID, EDU_ID]
START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)

actions = st.fixed_dictionaries({
    "who": st.sampled_from(PEOPLE),
    "kind": st.sampled_from([k for k in ActionKind if k is not ActionKind.CREATE]),
    "opinion": st.sampled_from(["", "同意", "请修改后再报", "拟同意，请领导审定"]),
    "people": st.lists(st.sampled_from(PEOPLE), max_size=2),
    "units": st.lists(st.sampled_from(UNITS), max_size=2),
    "lead": st.none() | st.sampled_from(UNITS),
    "target": st.none() | st.sampled_from(["draft", "review", "sign", "register",
                                           "propose", "instruct", "handle"]),
    "stale": st.booleans(),
})


def build(raw: dict[str, object], doc: Document) -> Action:
    people = tuple(RESOLVE(p) for p in raw["people"])  # type: ignore[attr-defined]
    kind = raw["kind"]
    assert isinstance(kind, ActionKind)
    return Action(
        kind, opinion=str(raw["opinion"]), target_step=raw["target"],  # type: ignore[arg-type]
        assignees=people, unit_ids=tuple(raw["units"]),  # type: ignore[arg-type]
        lead_unit_id=raw["lead"],  # type: ignore[arg-type]
        retention=Retention.YEARS_10,
        expected_step=None if raw["stale"] else doc.step,
    )


def next_steps(doc: Document, key: str) -> list[str]:
    """Return the steps a forward move from `key` may land on (skipping empty ones)."""
    workflow = WORKFLOWS[doc.direction]
    found: list[str] = []
    step = workflow.after(key)
    while step is not None:
        found.append(step.key)
        if not step.skip_when_empty:
            break
        step = workflow.after(step.key)
    return found


def check_invariants(before: Document, decision: Accepted[Document], once: dict[type, int]) -> None:
    after = decision.record
    if not decision.trace:
        # Only an idempotent 已阅 of a 知会 read already is accepted with nothing to append:
        # then nothing at all changes.
        assert decision.effects == () and after == before
        return
    # Opinions and trace are append-only: nothing earlier changes, nothing is lost.
    assert after.trace[: len(before.trace)] == before.trace
    assert after.trace[len(before.trace):] == decision.trace
    assert [e.seq for e in after.trace] == list(range(1, len(after.trace) + 1))
    assert after.version == before.version + 1
    step = current_step(after)
    pending = [h for h in after.holders if not h.done]
    # A live document always has someone to act; a finished one has nobody.
    assert bool(pending) != step.final
    if step.holders is HolderRule.OWNER:
        assert len([h for h in after.holders if not h.added]) <= 1
    # Moving forward never skips a step that somebody would have had to do.
    for entry in decision.trace:
        if entry.action in (ActionKind.APPROVE, ActionKind.ACKNOWLEDGE) and entry.target_step:
            assert entry.target_step in next_steps(before, entry.step)
            for skipped in next_steps(before, entry.step)[:-1]:
                assert WORKFLOWS[after.direction].step(skipped).skip_when_empty
    for effect in decision.effects:
        if isinstance(effect, AllocateNumber | Distribute):
            once[type(effect)] = once.get(type(effect), 0) + 1
            assert once[type(effect)] == 1, "a document is numbered and distributed once"


def run(doc: Document, data: st.DataObject, steps: int) -> None:
    clock = START
    once: dict[type, int] = {}
    furthest = 0
    for _ in range(steps):
        raw = dict(data.draw(actions))
        clock += timedelta(minutes=5)
        offered = [(p, k) for p in PEOPLE
                   for k in available_actions(doc, ORG.actor(p, clock), clock)]
        forward = [(p, k) for p, k in offered if k in (ActionKind.APPROVE, ActionKind.ACKNOWLEDGE)]
        roll = data.draw(st.integers(0, 9))
        # Mostly do what someone may do now, often moving on, so sequences reach the end.
        if forward and roll < 5:
            raw["who"], raw["kind"] = data.draw(st.sampled_from(forward))
        elif offered and roll < 8:
            raw["who"], raw["kind"] = data.draw(st.sampled_from(offered))
        try:
            action = build(raw, doc)
        except Exception:  # an unknown person never reaches decide
            continue
        actor = ORG.actor(str(raw["who"]), clock)
        decision = decide(doc, actor, action, clock)
        if isinstance(decision, Accepted):
            check_invariants(doc, decision, once)
            doc = decision.record
            furthest = max(furthest, WORKFLOWS[doc.direction].index(doc.step))
        else:
            assert decision.rejection.code and decision.rejection.message
    event(f"furthest {WORKFLOWS[doc.direction].steps[furthest].key}")
    assert document_from_dict(document_to_dict(doc)) == doc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_outgoing_random_sequences_keep_invariants(data: st.DataObject) -> None:
    actor = ORG.actor("p-office.clerk", START)
    doc = create_outgoing(document_id="d", actor=actor, fields=NOTICE_FIELDS, now=START)
    run(doc, data, 40)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_incoming_random_sequences_keep_invariants(data: st.DataObject) -> None:
    actor = ORG.actor("p-office.clerk", START)
    fields = {"doc_type": "请示", "title": "关于拨付维修经费的请示", "sender_unit": "市教育局"}
    doc = register_incoming(document_id="i", actor=actor, fields=fields, now=START)
    run(doc, data, 40)
