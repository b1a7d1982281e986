"""Every mutation, declared once: its name, version, typed arguments, the record it writes and
the ids the server fills in.

The wire's version table (`sync.protocol.MUTATORS`), the client's actions
(`sync.client.actions`), the local apply and rebase (`officeapp.store.mutations`) and the
server's dispatch all read this module; a mutation missing from any of them fails
tests/sync/test_mutators.py. See docs/sync.md, "Adding a mutation".
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

import pydantic
from pydantic import BaseModel, ConfigDict, StringConstraints

from officeapp.errors import ValidationError
from officeapp.meetings import decision_item_id

# The id of a record a client creates: a random UUID (version 4), lower-case. Every id the
# server derives itself (`ServerId`) is a name-based UUID (version 5), so no client can take
# one of them first.
RANDOM_ID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
RandomId = Annotated[str, StringConstraints(pattern=RANDOM_ID_PATTERN)]
RecordId = Annotated[str, StringConstraints(min_length=1, max_length=64)]
# An ISO 8601 time with its offset (parse_moment reads it).
Moment = Annotated[str, StringConstraints(min_length=10, max_length=40)]


def invalid_args(error: pydantic.ValidationError) -> ValidationError:
    """Return the refusal of malformed args (`mutation.invalid_args`), naming every field."""
    fields = sorted({".".join(str(p) for p in e["loc"]) for e in error.errors()})
    return ValidationError("mutation.invalid_args", f"操作参数不正确：{'、'.join(fields)}",
                           fields=fields)


class MutationArgs(BaseModel):
    """Base of every mutation's arguments: unknown fields are refused, values are not coerced,
    and building malformed ones raises `mutation.invalid_args` (never a pydantic error)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    def __init__(self, **values: Any) -> None:
        try:
            super().__init__(**values)
        except pydantic.ValidationError as error:
            raise invalid_args(error) from None


ArgsModel = TypeVar("ArgsModel", bound=MutationArgs)


def parse_args(model: type[ArgsModel], args: Mapping[str, Any]) -> ArgsModel:
    """Return `args` read into `model`, refusing malformed ones as `mutation.invalid_args`
    (the client before it queues a mutation, the rebase and the server before they apply)."""
    try:
        return model.model_validate(dict(args))
    except pydantic.ValidationError as error:
        raise invalid_args(error) from None


def parse_moment(text: str, field: str) -> datetime:
    """Return a mutation's ISO 8601 time, which must carry its offset; anything else is
    refused as `mutation.invalid_args` naming `field`."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise ValidationError("mutation.invalid_args", f"操作参数不正确：{field}",
                              fields=[field])
    return moment


def acted_moment(text: str | None) -> datetime | None:
    """Return a creating mutation's `acted_at`, if it has one."""
    return None if text is None else parse_moment(text, "acted_at")


# --- the arguments of each mutation -----------------------------------------------------------


class CreateDocumentArgs(MutationArgs):
    """Args of `document.create_outgoing` and `document.register_incoming`; `acted_at` is
    when the person acted (ISO 8601 with offset, the client's server-corrected clock), as in
    every creating mutation and in every action's own JSON."""

    document_id: RandomId
    fields: dict[str, Any]
    acted_at: Moment | None = None


class ActArgs(MutationArgs):
    """Args of `document.act`: the action in `officeapp.workflow.codec.action_to_dict` form."""

    document_id: RecordId
    action: dict[str, Any]


class CreateMeetingArgs(MutationArgs):
    """Args of `meeting.create`: the fields in `officeapp.meetings.create_meeting` form."""

    meeting_id: RandomId
    fields: dict[str, Any]
    acted_at: Moment | None = None


class CreateSittingArgs(MutationArgs):
    """Args of `meeting.create_sitting`: one sitting of a recurring series (for sign-in and
    minutes), starting at the occurrence `start` (ISO 8601 with offset)."""

    meeting_id: RandomId
    series_id: RecordId
    start: Moment


class MeetingActArgs(MutationArgs):
    """Args of `meeting.act`: the action in `officeapp.meetings.codec` form."""

    meeting_id: RecordId
    action: dict[str, Any]


class CreateSupervisionArgs(MutationArgs):
    """Args of `supervision.create`: a new item, or a sub-item (分解) of `parent_id`."""

    item_id: RandomId
    fields: dict[str, Any]
    parent_id: RecordId | None = None
    acted_at: Moment | None = None


class SupervisionActArgs(MutationArgs):
    """Args of `supervision.act`: the action in `officeapp.supervision.codec` form."""

    item_id: RecordId
    action: dict[str, Any]


class CreateDelegationArgs(MutationArgs):
    """Args of `delegation.create`: the pusher delegates their own work to `delegate_id`
    from `start` to `end` (ISO 8601 with offset)."""

    delegation_id: RandomId
    delegate_id: RecordId
    start: Moment
    end: Moment


class EndDelegationArgs(MutationArgs):
    """Args of `delegation.end`: end a delegation now (its principal or an administrator)."""

    delegation_id: RecordId


# --- ids the server fills in ---------------------------------------------------------------------

# Incoming copies get ids derived from (issued document, recipient unit): a retried or
# replayed distribution can never deliver twice.
COPY_NAMESPACE = uuid.UUID("5b0f7a52-3c1e-4f0e-9a51-6f3a8f1d2c44")


def copy_id(document_id: str, unit_id: str) -> str:
    """Return the id of the incoming copy of `document_id` delivered to `unit_id`."""
    return str(uuid.uuid5(COPY_NAMESPACE, f"{document_id}/{unit_id}"))


@dataclass(frozen=True)
class ServerId:
    """An id the server derives (a name-based UUID) for a record a mutation makes as a side
    effect, so a retry or a replay finds the same record instead of making a second one."""

    kind: str  # the kind of record it names
    of: str  # what the name is made of, for people
    derive: Callable[..., str]


INCOMING_COPY = ServerId("document", "issued document id / recipient unit id", copy_id)
DECISION_ITEM = ServerId("supervision", "meeting id / decision number", decision_item_id)


# --- the declaration -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Mutator(Generic[ArgsModel]):
    """One mutation as every layer needs to know it.

    - `name`: on the wire and in the outbox ("area.verb").
    - `args`: the typed argument model; the client builds it, the rebase and server parse it.
    - `kind`: the kind of record it writes; `record`: the argument that holds that record's id.
    - `creates`: whether it makes that record (else it acts on one that exists).
    - `refers`: arguments naming another existing record, with that record's kind.
    - `version`: what this release writes; `oldest`: the oldest the server still applies (an
      older one turns its client away, `sync.client_too_old`). Raise `oldest` only together
      with a client store migration that rewrites queued mutations of older versions, or an
      upgraded client could never push them.
    - `server_ids`: records the server makes as it applies the mutation, with derived ids.
    """

    name: str
    args: type[ArgsModel]
    kind: str
    record: str
    creates: bool
    refers: Mapping[str, str] = field(default_factory=dict)
    version: int = 1
    oldest: int = 1
    server_ids: tuple[ServerId, ...] = ()

    def wire(self, args: ArgsModel) -> dict[str, Any]:
        """Return `args` as the wire and the outbox carry them (absent optional ones left out)."""
        if not isinstance(args, self.args):
            raise TypeError(f"{self.name} takes {self.args.__name__}, not {type(args).__name__}")
        return args.model_dump(exclude_none=True)

    def parse(self, args: Mapping[str, Any]) -> ArgsModel:
        """Return wire `args` read into this mutation's model (`mutation.invalid_args`)."""
        return parse_args(self.args, args)


CREATE_OUTGOING = Mutator("document.create_outgoing", CreateDocumentArgs, "document",
                          "document_id", creates=True)
REGISTER_INCOMING = Mutator("document.register_incoming", CreateDocumentArgs, "document",
                            "document_id", creates=True)
DOCUMENT_ACT = Mutator("document.act", ActArgs, "document", "document_id", creates=False,
                       server_ids=(INCOMING_COPY,))
CREATE_MEETING = Mutator("meeting.create", CreateMeetingArgs, "meeting", "meeting_id",
                         creates=True)
CREATE_SITTING = Mutator("meeting.create_sitting", CreateSittingArgs, "meeting", "meeting_id",
                         creates=True, refers={"series_id": "meeting"})
MEETING_ACT = Mutator("meeting.act", MeetingActArgs, "meeting", "meeting_id", creates=False,
                      server_ids=(DECISION_ITEM,))
CREATE_SUPERVISION = Mutator("supervision.create", CreateSupervisionArgs, "supervision",
                             "item_id", creates=True, refers={"parent_id": "supervision"})
SUPERVISION_ACT = Mutator("supervision.act", SupervisionActArgs, "supervision", "item_id",
                          creates=False)
CREATE_DELEGATION = Mutator("delegation.create", CreateDelegationArgs, "delegation",
                            "delegation_id", creates=True)
END_DELEGATION = Mutator("delegation.end", EndDelegationArgs, "delegation", "delegation_id",
                         creates=False)

# Every mutation the server accepts, in every version from `oldest` up to `version`.
MUTATORS: dict[str, Mutator[Any]] = {m.name: m for m in (
    CREATE_OUTGOING, REGISTER_INCOMING, DOCUMENT_ACT, CREATE_MEETING, CREATE_SITTING,
    MEETING_ACT, CREATE_SUPERVISION, SUPERVISION_ACT, CREATE_DELEGATION, END_DELEGATION)}


def mutator(name: str) -> Mutator[Any]:
    """Return the declaration of mutation `name` (KeyError if there is none)."""
    return MUTATORS[name]
