"""Workflows of official documents: declared as data, decided by one pure function."""

from officeapp.workflow.create import create_outgoing, incoming_copy, register_incoming
from officeapp.workflow.definitions import INCOMING, OUTGOING, WORKFLOWS, StepDef, WorkflowDef
from officeapp.workflow.engine import (
    available_actions,
    current_step,
    decide,
    may_hold,
    may_inform,
    may_undo,
    pending_holders,
    unread_inform,
)
from officeapp.workflow.model import (
    Action,
    ActionKind,
    AllocateItemNumber,
    AllocateNumber,
    ArchiveInfo,
    Assignee,
    Attachment,
    Circulation,
    Distribute,
    Document,
    Effect,
    Holder,
    Informed,
    Notify,
    Retention,
    SealDocument,
    Status,
    TraceEntry,
)

__all__ = [
    "INCOMING", "OUTGOING", "WORKFLOWS", "Action", "ActionKind",
    "AllocateItemNumber", "AllocateNumber", "ArchiveInfo", "Assignee", "Attachment",
    "Circulation", "Distribute", "Document", "Effect", "Holder", "Informed", "Notify",
    "Retention", "SealDocument", "Status", "StepDef", "TraceEntry", "WorkflowDef",
    "available_actions", "create_outgoing", "current_step", "decide", "incoming_copy",
    "may_hold", "may_inform", "may_undo", "pending_holders", "register_incoming",
    "unread_inform",
]
