"""The 发文 and 收文 workflows declared as data: steps, who may hold them, what they allow."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from officeapp.documents import Direction
from officeapp.org import Role
from officeapp.workflow.model import ActionKind as A


class HolderRule(StrEnum):
    """How a step finds who holds it when the document enters the step."""

    OWNER = "owner"  # a pool in the drafting (or receiving) unit
    COUNTERSIGN = "countersign"  # one pool per countersigning unit, in parallel
    HANDLING = "handling"  # the lead unit and each co-unit, in parallel
    READERS = "readers"  # each person the document is circulated to, in parallel
    NOBODY = "nobody"  # a final step


class StepEffect(StrEnum):
    """What leaving a step makes the server do."""

    NONE = "none"
    NUMBER = "number"
    SEAL = "seal"
    DISTRIBUTE = "distribute"


@dataclass(frozen=True)
class StepDef:
    """One step (环节) of a workflow."""

    key: str
    label: str
    roles: frozenset[Role]
    holders: HolderRule
    actions: frozenset[A]
    returns_to: tuple[str, ...] = ()
    skip_when_empty: bool = False
    editable: bool = False
    effect: StepEffect = StepEffect.NONE
    # Once a step with an irreversible effect is left, the sender can no longer withdraw.
    withdrawable: bool = True
    # Nobody checks their own draft: the drafter cannot take a pool of this step.
    excludes_creator: bool = False

    @property
    def final(self) -> bool:
        """Return whether nobody holds this step (the document is finished)."""
        return self.holders is HolderRule.NOBODY


@dataclass(frozen=True)
class WorkflowDef:
    """An ordered list of steps; the document moves forward through them one at a time."""

    direction: Direction
    steps: tuple[StepDef, ...]

    def step(self, key: str) -> StepDef:
        """Return the step named `key`."""
        return self._by_key[key]

    def has_step(self, key: str) -> bool:
        """Return whether the workflow has a step named `key`."""
        return key in self._by_key

    def index(self, key: str) -> int:
        """Return the position of step `key`."""
        return self.steps.index(self._by_key[key])

    def after(self, key: str) -> StepDef | None:
        """Return the step that follows `key`, or None after the last."""
        position = self.index(key) + 1
        return self.steps[position] if position < len(self.steps) else None

    @property
    def _by_key(self) -> Mapping[str, StepDef]:
        return {s.key: s for s in self.steps}


_HOLDER_ACTIONS = frozenset({A.APPROVE, A.DELEGATE, A.ADD_SIGNER, A.CLAIM, A.CIRCULATE})
_CLERKS = frozenset({Role.CLERK})
_LEADERS = frozenset({Role.LEADER})
_DRAFTERS = frozenset({Role.CLERK, Role.SECRETARY, Role.SUPERVISOR, Role.LEADER})
_HANDLERS = frozenset({Role.CLERK, Role.LEADER})
_REVIEWERS = frozenset({Role.CLERK, Role.LEADER})

OUTGOING = WorkflowDef(
    Direction.OUTGOING,
    (
        StepDef("draft", "拟稿", _DRAFTERS, HolderRule.OWNER,
                frozenset({A.EDIT, A.APPROVE, A.DELEGATE, A.CIRCULATE}), editable=True),
        StepDef("review", "核稿", _REVIEWERS, HolderRule.OWNER,
                _HOLDER_ACTIONS | {A.EDIT, A.RETURN}, returns_to=("draft",), editable=True,
                excludes_creator=True),
        StepDef("countersign", "会签", _LEADERS, HolderRule.COUNTERSIGN,
                _HOLDER_ACTIONS | {A.RETURN}, returns_to=("draft", "review"),
                skip_when_empty=True),
        StepDef("sign", "签发", _LEADERS, HolderRule.OWNER,
                _HOLDER_ACTIONS | {A.RETURN}, returns_to=("draft", "review")),
        StepDef("number", "编号", _CLERKS, HolderRule.OWNER,
                frozenset({A.APPROVE, A.CLAIM, A.DELEGATE, A.RETURN}),
                returns_to=("draft", "review", "sign"), effect=StepEffect.NUMBER),
        StepDef("seal", "用印", _CLERKS, HolderRule.OWNER,
                frozenset({A.APPROVE, A.CLAIM, A.DELEGATE}), withdrawable=False,
                effect=StepEffect.SEAL),
        StepDef("issue", "印发", _CLERKS, HolderRule.OWNER,
                frozenset({A.APPROVE, A.CLAIM, A.DELEGATE}), effect=StepEffect.DISTRIBUTE),
        StepDef("done", "已印发", frozenset(), HolderRule.NOBODY,
                frozenset({A.ARCHIVE, A.CIRCULATE}), withdrawable=False),
        StepDef("archived", "已归档", frozenset(), HolderRule.NOBODY, frozenset(),
                withdrawable=False),
    ),
)

INCOMING = WorkflowDef(
    Direction.INCOMING,
    (
        StepDef("receive", "签收", _CLERKS, HolderRule.OWNER,
                frozenset({A.APPROVE, A.CLAIM, A.DELEGATE}), withdrawable=False),
        StepDef("register", "登记", _CLERKS, HolderRule.OWNER,
                frozenset({A.EDIT, A.APPROVE, A.CLAIM, A.DELEGATE}), editable=True,
                withdrawable=False),
        StepDef("propose", "拟办", _HANDLERS, HolderRule.OWNER,
                _HOLDER_ACTIONS | {A.RETURN}, returns_to=("register",)),
        StepDef("instruct", "批办", _LEADERS, HolderRule.OWNER,
                _HOLDER_ACTIONS | {A.RETURN}, returns_to=("register", "propose")),
        StepDef("handle", "承办", _HANDLERS, HolderRule.HANDLING,
                _HOLDER_ACTIONS | {A.RETURN}, returns_to=("propose", "instruct")),
        StepDef("circulate", "传阅", frozenset(), HolderRule.READERS,
                frozenset({A.ACKNOWLEDGE, A.DELEGATE}), skip_when_empty=True),
        StepDef("complete", "办结", _CLERKS, HolderRule.OWNER,
                frozenset({A.APPROVE, A.CLAIM, A.DELEGATE, A.RETURN, A.CIRCULATE}),
                returns_to=("handle",)),
        StepDef("done", "已办结", frozenset(), HolderRule.NOBODY,
                frozenset({A.ARCHIVE, A.CIRCULATE}), withdrawable=False),
        StepDef("archived", "已归档", frozenset(), HolderRule.NOBODY, frozenset(),
                withdrawable=False),
    ),
)

WORKFLOWS: Mapping[Direction, WorkflowDef] = {
    Direction.OUTGOING: OUTGOING,
    Direction.INCOMING: INCOMING,
}

# Who may urge (催办) a document besides the people who sent it on.
URGERS = frozenset({Role.SUPERVISOR, Role.LEADER, Role.CLERK})
