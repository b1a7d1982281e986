"""离职交接: the open work of a person who left, moved to a successor, as pure rules.

Open work is exactly what puts a record in the person's 待办: a personal holder of a step or
an unread 传阅 of a document (`officeapp.store.inbox.todo_keys`); a meeting not yet held that
invites them in person, that they host or minute, or whose room booking waits for their
approval; a supervision draft they must open (`officeapp.supervision.inbox`, TO_OPEN) or an
opening that waits for their approval (TO_APPROVE). Work that waits for a unit (a pool) stays
with the unit. Finished history (approved steps, read circulations, replies, the trace) is
never rewritten: only what still waits moves, and each record gains one trace entry, made by
the system in the administrator's name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, TypeVar

from officeapp.core.verdict import Rejected, Verdict, accept
from officeapp.errors import Rejection, ValidationError
from officeapp.meetings.conflicts import booking_window
from officeapp.meetings.model import (
    Attendee,
    BookingState,
    Meeting,
    MeetingActionKind,
    MeetingStatus,
    MeetingTraceEntry,
)
from officeapp.org import Organisation, Person, Role
from officeapp.supervision.model import (
    SYSTEM_ID,
    SYSTEM_NAME,
    Status,
    SupervisionItem,
    SupervisionTraceEntry,
)
from officeapp.supervision.model import ActionKind as SupervisionActionKind
from officeapp.workflow.definitions import WORKFLOWS
from officeapp.workflow.model import (
    ActionKind,
    Circulation,
    Document,
    Holder,
    Notify,
    TraceEntry,
)

NOTHING = "handover.nothing_to_hand_over"
CANNOT_TAKE = "handover.cannot_take"
# Meetings whose people may still change: not yet held (the minute-taker until published).
_MEETING_OPEN = frozenset({MeetingStatus.DRAFT, MeetingStatus.NOTIFIED})
_MINUTES_OPEN = _MEETING_OPEN | {MeetingStatus.HELD}

R = TypeVar("R")


@dataclass(frozen=True)
class Handover:
    """Who hands over to whom, on whose decision; `successor_path` runs root → home unit."""

    leaver: Person
    successor: Person
    successor_path: tuple[str, ...]
    admin_name: str = ""
    admin_id: str = ""

    @property
    def text(self) -> str:
        """Return the trace opinion: 离职交接：张三的待办移交给李四（管理员 王五）."""
        by = f"管理员 {self.admin_name}" if self.admin_name else "管理员操作"
        return f"离职交接：{self.leaver.name}的待办移交给{self.successor.name}（{by}）"

    def details(self, moved: Iterable[str]) -> dict[str, Any]:
        """Return the trace details: who to whom, by whom, and what moved."""
        return {"handover": {"from": self.leaver.id, "from_name": self.leaver.name,
                             "to": self.successor.id, "to_name": self.successor.name,
                             "admin_id": self.admin_id, "admin_name": self.admin_name,
                             "moved": list(moved)}}

    def fits(self, unit_id: str) -> bool:
        """Return whether the successor works in `unit_id` (or below it)."""
        return unit_id in self.successor_path

    def has_role(self, roles: Iterable[Role]) -> bool:
        """Return whether the successor holds any of `roles`."""
        return bool(self.successor.roles.intersection(roles))


def plan_handover(org: Organisation, *, leaver_id: str, successor_id: str,
                  admin_name: str = "", admin_id: str = "",
                  allow_other_unit: bool = False) -> Handover:
    """Return the handover from `leaver_id` to `successor_id`, or raise why it is refused.

    The leaver must have left (account stopped); the successor must be another, active person
    of the leaver's unit (or a unit below it), unless `allow_other_unit`.
    """
    leaver, successor = _person(org, leaver_id), _person(org, successor_id)
    if leaver.id == successor.id:
        raise ValidationError("handover.same_person", "交接人和接收人不能是同一人",
                              person_id=leaver.id)
    if leaver.active:
        raise ValidationError("handover.leaver_active",
                              f"{leaver.name}的账号仍在使用，请先停用（离职）后再交接其待办",
                              person_id=leaver.id, name=leaver.name)
    if not successor.active:
        raise ValidationError("handover.successor_inactive",
                              f"接收人{successor.name}的账号已停用，不能接收待办",
                              person_id=successor.id, name=successor.name)
    path = org.unit_path(successor.unit_id)
    if leaver.unit_id not in path and not allow_other_unit:
        unit = org.units[leaver.unit_id].name
        raise ValidationError(
            "handover.other_unit",
            f"接收人{successor.name}不在{leaver.name}所在的{unit}；确需跨单位交接时请加 "
            "--allow-other-unit", person_id=successor.id, name=successor.name, unit=unit)
    return Handover(leaver, successor, path, admin_name=admin_name, admin_id=admin_id)


def _person(org: Organisation, person_id: str) -> Person:
    person = org.people.get(person_id)
    if person is None:
        raise ValidationError("handover.unknown_person", f"人员不存在：{person_id}",
                              person_id=person_id)
    return person


def _refused(message: str, **details: Any) -> Rejection:
    return Rejection(CANNOT_TAKE, message, details)


def _nothing(handover: Handover) -> Rejection:
    return Rejection(NOTHING, f"该记录没有{handover.leaver.name}的待办",
                     {"person_id": handover.leaver.id})


def _swap(values: Iterable[R], old: R, new: R) -> tuple[R, ...]:
    """Return `values` with `old` replaced by `new`, each kept once, in order."""
    return tuple(dict.fromkeys(new if v == old else v for v in values))


# --- documents -----------------------------------------------------------------------------


def _step_label(document: Document) -> str:
    return WORKFLOWS[document.direction].step(document.step).label


def document_pending(document: Document, person_id: str) -> tuple[str, ...]:
    """Return what of `document` waits for the person in their 待办 (empty: nothing)."""
    found = [f"{_step_label(document)}（待办理）" for h in document.holders
             if not h.done and h.person_id == person_id]
    if any(c.person_id == person_id and c.read_at is None for c in document.circulations):
        found.append("传阅（未阅）")
    return tuple(found)


def _holder_problem(document: Document, holder: Holder, handover: Handover) -> str | None:
    """Return why the successor cannot take this holder, or None."""
    step = WORKFLOWS[document.direction].step(document.step)
    name = handover.successor.name
    if holder.roles and not handover.has_role(holder.roles):
        return f"{name}没有办理“{step.label}”环节的角色"
    if holder.roles and holder.unit_id and not handover.fits(holder.unit_id):
        return f"{name}不在“{step.label}”环节的办理单位"
    if step.excludes_creator and document.created_by == handover.successor.id:
        return f"{name}是拟稿人，不能{step.label}自己的文件"
    return None


def _moved_holder(holder: Holder, handover: Handover) -> Holder:
    behalf = None if holder.on_behalf_of == handover.successor.id else holder.on_behalf_of
    # A claim was the leaver's act; the successor holds the work as if assigned to them.
    return replace(holder, person_id=handover.successor.id, on_behalf_of=behalf,
                   claimed_at=None)


def _moved_circulations(document: Document, handover: Handover) -> tuple[Circulation, ...]:
    """Return the circulations with the leaver's unread ones moved (merged into the
    successor's own unread one, if any)."""
    leaver, successor = handover.leaver.id, handover.successor.id
    waiting = any(c.person_id == successor and c.read_at is None for c in document.circulations)
    kept: list[Circulation] = []
    for c in document.circulations:
        if c.person_id != leaver or c.read_at is not None:
            kept.append(c)
        elif not waiting:
            kept.append(replace(c, person_id=successor))
            waiting = True
    return tuple(kept)


def hand_over_document(document: Document, handover: Handover, now: datetime) -> Verdict[Document]:
    """Move the leaver's open work of `document` to the successor, with a trace entry."""
    pending = document_pending(document, handover.leaver.id)
    if not pending:
        return Rejected(_nothing(handover))
    holders = list(document.holders)
    for index, holder in enumerate(holders):
        if holder.done or holder.person_id != handover.leaver.id:
            continue
        problem = _holder_problem(document, holder, handover)
        if problem is not None:
            return Rejected(_refused(problem, person_id=handover.successor.id,
                                     step=document.step))
        holders[index] = _moved_holder(holder, handover)
    after = replace(document, holders=tuple(holders),
                    circulations=_moved_circulations(document, handover))
    if not WORKFLOWS[document.direction].step(document.step).final:
        # Readers chosen at 批办/承办 become holders when the document reaches 传阅.
        after = replace(after, circulate_to=_swap(document.circulate_to, handover.leaver.id,
                                                  handover.successor.id))
    # Recorded as a 委托 by the system: clients of every version know the action, and
    # the administrator gains no sight of the record by having handed it over.
    entry = TraceEntry(seq=len(document.trace) + 1, step=document.step,
                       action=ActionKind.DELEGATE, actor_id=SYSTEM_ID, actor_name=SYSTEM_NAME,
                       at=now, opinion=handover.text,
                       details={"to": handover.successor.id, **handover.details(pending)})
    return accept(document, after, (entry,), now,
                  (Notify("todo", person_ids=(handover.successor.id,)),))


# --- meetings ------------------------------------------------------------------------------


def _not_over(meeting: Meeting, now: datetime) -> bool:
    return booking_window(meeting)[1] > now


def _invited(meeting: Meeting, person_id: str) -> bool:
    me = Attendee.person(person_id)
    return me in meeting.attendees or me in meeting.sit_in


def _checked_in(meeting: Meeting, person_id: str) -> bool:
    return any(c.person_id == person_id for c in meeting.check_ins)


def meeting_pending(meeting: Meeting, person_id: str, now: datetime) -> tuple[str, ...]:
    """Return what of `meeting` still waits for the person (empty: nothing).

    Only a meeting not yet over counts: its invitation (answered or not: whoever left will
    not come), hosting it, minuting it until the minutes are out, approving its room.
    """
    if not _not_over(meeting, now) and meeting.status is not MeetingStatus.HELD:
        return ()
    found: list[str] = []
    if meeting.status in _MEETING_OPEN:
        if _invited(meeting, person_id) and not _checked_in(meeting, person_id):
            found.append("参加会议（待回执）" if meeting.status is MeetingStatus.NOTIFIED
                         else "参加会议（通知未发）")
        if meeting.host_id == person_id:
            found.append("主持会议")
        booking = meeting.booking
        if (booking is not None and booking.state is BookingState.PENDING
                and booking.approver_id == person_id):
            found.append("审批会议室预订")
    if meeting.status in _MINUTES_OPEN and meeting.recorder_id == person_id:
        found.append("记录会议纪要")
    return tuple(found)


def _moved_meeting(meeting: Meeting, handover: Handover) -> Meeting:
    leaver, successor = handover.leaver.id, handover.successor.id
    after = meeting
    if meeting.status in _MEETING_OPEN and not _checked_in(meeting, leaver):
        old, new = Attendee.person(leaver), Attendee.person(successor)
        sit_in = _swap(meeting.sit_in, old, new)
        attendees = _swap(meeting.attendees, old, new)
        # Invited to attend and to sit in: attending wins.
        after = replace(after, attendees=attendees,
                        sit_in=tuple(a for a in sit_in if a not in attendees))
    if meeting.status in _MEETING_OPEN and meeting.host_id == leaver:
        after = replace(after, host_id=successor)
    booking = meeting.booking
    if (meeting.status in _MEETING_OPEN and booking is not None
            and booking.state is BookingState.PENDING and booking.approver_id == leaver):
        after = replace(after, booking=replace(booking, approver_id=successor))
    if meeting.status in _MINUTES_OPEN and meeting.recorder_id == leaver:
        after = replace(after, recorder_id=successor)
    return after


def hand_over_meeting(meeting: Meeting, handover: Handover, now: datetime) -> Verdict[Meeting]:
    """Move the leaver's part in a meeting not yet over to the successor, with a trace entry.

    Their replies stay in the record as they were: the successor's invitation is new and
    waits for the successor's own 回执.
    """
    pending = meeting_pending(meeting, handover.leaver.id, now)
    if not pending:
        return Rejected(_nothing(handover))
    after = _moved_meeting(meeting, handover)
    entry = MeetingTraceEntry(seq=len(meeting.trace) + 1, status=meeting.status,
                              action=MeetingActionKind.EDIT, actor_id=SYSTEM_ID,
                              actor_name=SYSTEM_NAME, at=now, opinion=handover.text,
                              details=handover.details(pending))
    reason = "meeting.notice" if meeting.status is MeetingStatus.NOTIFIED else "todo"
    return accept(meeting, after, (entry,), now,
                  (Notify(reason, person_ids=(handover.successor.id,)),))


# --- supervision ---------------------------------------------------------------------------


def item_pending(item: SupervisionItem, person_id: str) -> tuple[str, ...]:
    """Return what of a supervision item waits for the person personally (empty: nothing).

    Everything after opening waits for units (the lead unit's clerks and leaders, the
    supervising unit's supervisors), never for one person, and stays with the unit.
    """
    if item.status is Status.DRAFT and item.created_by == person_id:
        return ("待立项（草稿）",)
    if item.status is Status.PENDING_APPROVAL and item.approver_id == person_id:
        return ("待审批立项",)
    return ()


def _item_problem(item: SupervisionItem, handover: Handover) -> str | None:
    name = handover.successor.name
    if item.status is Status.DRAFT and not (
            Role.SUPERVISOR in handover.successor.roles
            and handover.fits(item.supervisor_unit_id)):
        return f"{name}不是本事项督查单位的督查人员，不能立项"
    if item.status is Status.PENDING_APPROVAL and Role.LEADER not in handover.successor.roles:
        return f"{name}不是领导，不能审批立项"
    return None


def hand_over_item(item: SupervisionItem, handover: Handover,
                   now: datetime) -> Verdict[SupervisionItem]:
    """Move the leaver's draft or pending approval of an item to the successor."""
    pending = item_pending(item, handover.leaver.id)
    if not pending:
        return Rejected(_nothing(handover))
    problem = _item_problem(item, handover)
    if problem is not None:
        return Rejected(_refused(problem, person_id=handover.successor.id))
    successor = handover.successor.id
    # A draft waits for whoever drafted it (created_by); the creation stays in the trace.
    after = (replace(item, created_by=successor) if item.status is Status.DRAFT
             else replace(item, approver_id=successor))
    entry = SupervisionTraceEntry(seq=len(item.trace) + 1,
                                  action=SupervisionActionKind.EDIT, actor_id=SYSTEM_ID,
                                  actor_name=SYSTEM_NAME, at=now, status=item.status,
                                  target_status=item.status, opinion=handover.text,
                                  details=handover.details(pending))
    return accept(item, after, (entry,), now, (Notify("todo", person_ids=(successor,)),))

