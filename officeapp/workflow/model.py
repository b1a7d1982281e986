"""The data the workflow rules work on: documents, holders, trace entries, actions, effects.

`decide` returns `officeapp.core.verdict.Verdict[Document]`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from officeapp.core.labels import LabelledEnum, labels
from officeapp.core.trace import TraceRecord
from officeapp.documents import Classification, Direction, DocType, Urgency
from officeapp.org import Role


class ActionKind(LabelledEnum):
    """Everything a person can do to a document; the value is the mutation's action name."""

    EDIT = "edit", "修改"
    APPROVE = "approve", "同意"
    RETURN = "return", "退回"
    WITHDRAW = "withdraw", "撤回"
    DELEGATE = "delegate", "委托"
    ADD_SIGNER = "add_signer", "加签"
    CLAIM = "claim", "签收任务"
    CIRCULATE = "circulate", "传阅"
    ACKNOWLEDGE = "acknowledge", "已阅"
    INFORM = "inform", "知会"
    # Reading a 知会 is 已阅 as well; a kind of its own so that opening a document never
    # acknowledges a 传阅 (which at the 传阅 step completes the reader's work).
    READ = "read", "已阅"
    URGE = "urge", "催办"
    ARCHIVE = "archive", "归档"
    # Written by the rules themselves, never requested: creation and receipt of a copy.
    CREATE = "create", "创建"


ACTION_LABELS = labels(ActionKind)


class Status(StrEnum):
    """Where a document is in its life, derived from its step."""

    ACTIVE = "active"
    COMPLETED = "completed"
    ARCHIVED = "archived"


class Retention(StrEnum):
    """保管期限 of DA/T 22-2015."""

    PERMANENT = "永久"
    YEARS_30 = "30年"
    YEARS_10 = "10年"


@dataclass(frozen=True)
class Holder:
    """One open (or finished) piece of work at the current step.

    A pool holder (`person_id` None) may be taken by anyone in `unit_id` (or below) with one of
    `roles`; claiming or acting turns it into a personal holder.
    """

    unit_id: str
    roles: frozenset[Role] = frozenset()
    person_id: str | None = None
    on_behalf_of: str | None = None
    added: bool = False
    lead: bool = False
    done: bool = False
    claimed_at: datetime | None = None


@dataclass(frozen=True)
class Assignee:
    """A person the rules may hand work to, as the adapter found them in the directory."""

    person_id: str
    unit_id: str
    unit_path: tuple[str, ...]
    roles: frozenset[Role]


@dataclass(frozen=True)
class Attachment:
    """An attachment (附件) by name, its content addressed by SHA-256."""

    name: str
    sha256: str = ""
    size: int = 0


@dataclass(frozen=True)
class BodyVersion:
    """One saved version of the 正文 file (正文历史版本), numbered by the rules in the order
    the server took them; `based_on` is the version its saver was editing (0: none)."""

    number: int
    file: Attachment
    saved_by: str
    saved_by_name: str
    saved_at: datetime
    based_on: int = 0


@dataclass(frozen=True)
class Circulation:
    """A read-and-acknowledge (传阅) request to one person."""

    person_id: str
    sent_by: str
    sent_at: datetime
    read_at: datetime | None = None


@dataclass(frozen=True)
class Informed:
    """A 知会 to one person: for their information only, never a step or a task.

    Kept apart from `Circulation` (传阅), not as a kind of it: a 传阅 is work (it sits in 待办,
    its 已阅 may complete the 传阅 step and move the document on, it may be sent again once
    read), while a 知会 blocks nothing and is read by opening the document. Every reader of
    `circulations` (the 待办 folder, the step's readers, re-sending) stays as it is, and a
    client that does not know 知会 never mistakes one for work in its 待办.
    """

    person_id: str
    sent_by: str
    sent_at: datetime
    read_at: datetime | None = None


@dataclass(frozen=True)
class ArchiveInfo:
    """归档 data: year, retention, and the 件号 (assigned by the server, 0 until then)."""

    year: int
    retention: Retention
    item_number: int = 0


@dataclass(frozen=True, kw_only=True)
class TraceEntry(TraceRecord):
    """One append-only record of who did what at which step, with their opinion (留痕)."""

    step: str
    action: ActionKind
    target_step: str | None = None


@dataclass(frozen=True)
class Document:
    """A 公文 with its workflow state. Unit fields hold unit ids."""

    id: str
    direction: Direction
    doc_type: DocType
    title: str
    owner_unit_id: str
    created_by: str
    created_at: datetime
    step: str
    urgency: Urgency = Urgency.NORMAL
    classification: Classification = Classification.PUBLIC
    agency_code: str = ""
    doc_number: str | None = None
    main_recipients: tuple[str, ...] = ()
    cc_recipients: tuple[str, ...] = ()
    countersign_units: tuple[str, ...] = ()
    signer_id: str | None = None
    signer_name: str = ""
    body: str = ""
    attachments: tuple[Attachment, ...] = ()
    note: str = ""
    written_date: date | None = None
    issuer: str = ""
    print_unit: str = ""
    print_date: date | None = None
    source_document_id: str | None = None
    sender_unit: str = ""
    received_number: str = ""
    lead_unit_id: str | None = None
    co_unit_ids: tuple[str, ...] = ()
    deadline: datetime | None = None
    circulate_to: tuple[str, ...] = ()
    holders: tuple[Holder, ...] = ()
    trace: tuple[TraceEntry, ...] = ()
    circulations: tuple[Circulation, ...] = ()
    informed: tuple[Informed, ...] = ()  # 知会
    archive: ArchiveInfo | None = None
    # The signed official PDF (the 正文 as issued), made by the server at 用印; None before.
    official_pdf: Attachment | None = None
    version: int = 1
    updated_at: datetime | None = None
    # The 正文 as a Word/WPS file, every saved version in order (officeapp.workflow.body).
    body_versions: tuple[BodyVersion, ...] = ()

    @property
    def body_file(self) -> Attachment | None:
        """Return the current 正文 file (the last version), or None."""
        return self.body_versions[-1].file if self.body_versions else None


@dataclass(frozen=True)
class Action:
    """A request to act on a document; only the fields its kind needs are read."""

    kind: ActionKind
    opinion: str = ""
    target_step: str | None = None
    assignees: tuple[Assignee, ...] = ()
    unit_ids: tuple[str, ...] = ()
    lead_unit_id: str | None = None
    deadline: datetime | None = None
    changes: Mapping[str, Any] = field(default_factory=dict)
    retention: Retention | None = None
    year: int | None = None
    # The step the person saw when they acted. An action meant for one step must never be
    # applied to another (an offline "approve" at 核稿 is not a signature at 签发).
    expected_step: str | None = None
    # When the person acted (the client's server-corrected clock), for the trace.
    acted_at: datetime | None = None


@dataclass(frozen=True)
class AllocateNumber:
    """Effect: the server assigns the next 发文字号 in the register (agency code, year)."""

    agency_code: str
    year: int


@dataclass(frozen=True)
class Distribute:
    """Effect: deliver an incoming copy of the issued document to each unit (公文交换)."""

    main_units: tuple[str, ...]
    cc_units: tuple[str, ...]


@dataclass(frozen=True)
class AllocateItemNumber:
    """Effect: the server assigns the next 件号 for (owner unit, year, retention)."""

    unit_id: str
    year: int
    retention: Retention


@dataclass(frozen=True)
class Notify:
    """Effect: tell these people (and pools) that something needs them."""

    reason: str
    person_ids: tuple[str, ...] = ()
    holders: tuple[Holder, ...] = ()


@dataclass(frozen=True)
class SealDocument:
    """Effect: the server renders the 公文, places the unit's seal and signs it (用印)."""

    unit_id: str


Effect = AllocateNumber | Distribute | AllocateItemNumber | Notify | SealDocument
