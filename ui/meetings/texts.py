"""Meetings as people read them: names, places, replies, the rule of a series, the labels of
the actions and prints.

Qt-free (texts go through `ui.common.translate`), so these are tested without a widget.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from officeapp.meetings import (
    Attendee,
    AttendeeKind,
    BookingState,
    Meeting,
    MeetingActionKind,
    MeetingStatus,
    Reply,
    ReplyKind,
    current_replies,
    invitation_for,
)
from officeapp.meetings.model import MEETING_ACTION_LABELS
from officeapp.org import Actor, Organisation, Room
from ui.common.names import person_name, unit_name
from ui.common.translate import QT_TRANSLATE_NOOP, tr
from ui.common.values import labelled, listed, qualified, value_text
from ui.common.values import parts as parts_text

__all__ = [
    "PRINTS", "REPLY_LABELS", "action_text", "attendee_name", "booked", "my_reply", "names",
    "person_name", "place_text", "recurrence_text", "reply_text", "room_label", "short_place",
    "tr", "unit_name",
]

K = MeetingActionKind
_BUTTON_TEXT = {K.REPLY: QT_TRANSLATE_NOOP("", "回执…"), K.CHECK_IN: QT_TRANSLATE_NOOP("", "签到…"),
                K.CANCEL: QT_TRANSLATE_NOOP("", "取消会议…"),
                K.REFUSE_ROOM: QT_TRANSLATE_NOOP("", "不同意使用会议室…"),
                K.SEND_NOTICE: QT_TRANSLATE_NOOP("", "发送会议通知…"),
                K.OPEN_SUPERVISION: QT_TRANSLATE_NOOP("", "立项督办…"),
                K.EDIT: QT_TRANSLATE_NOOP("", "修改…")}
PRINTS = (("notice", QT_TRANSLATE_NOOP("", "会议通知")),
          ("agenda", QT_TRANSLATE_NOOP("", "会议议程")),
          ("sign_in", QT_TRANSLATE_NOOP("", "签到表")),
          ("seat_cards", QT_TRANSLATE_NOOP("", "桌签")),
          ("minutes", QT_TRANSLATE_NOOP("", "会议纪要")))
REPLY_LABELS = {ReplyKind.ATTEND: "参加", ReplyKind.LEAVE: "请假", ReplyKind.DELEGATE: "委派"}
_BOOKING_LABELS = {BookingState.PENDING: "待审批", BookingState.BOOKED: "已预订",
                   BookingState.REFUSED: "预订未获同意"}


def action_text(kind: MeetingActionKind) -> str:
    """Return the label of a meeting action (its button)."""
    if kind in _BUTTON_TEXT:
        return tr(_BUTTON_TEXT[kind])
    return value_text(MEETING_ACTION_LABELS[kind])


def attendee_name(org: Organisation, attendee: Attendee) -> str:
    """Return who an invitation is for: a person, or a unit marked as such."""
    if attendee.kind is AttendeeKind.UNIT:
        return tr("{0}（单位）").format(unit_name(org, attendee.id))
    return person_name(org, attendee.id)


def names(org: Organisation, attendees: Iterable[Attendee]) -> str:
    """Return invitations as one line."""
    found = [attendee_name(org, a) for a in attendees]
    return listed(found) if found else "—"


def room_label(room: Room) -> str:
    """Return a room as offered in lists: name, building, seats, whether it needs approval."""
    parts = [p for p in (room.building, tr("{0}人").format(room.capacity)
                         if room.capacity else "") if p]
    text = qualified(room.name, parts_text(parts)) if parts else room.name
    return text + (tr("·需审批") if room.needs_approval else "")


def place_text(meeting: Meeting, rooms: Mapping[str, Room]) -> str:
    """Return where the meeting is, with the state of its room booking."""
    if meeting.room_id is None:
        return meeting.location or tr("（未定）")
    room = rooms.get(meeting.room_id)
    text = f"{room.building}{room.name}" if room else meeting.room_id
    booking = meeting.booking
    if booking is None or booking.room_id != meeting.room_id:
        return text + tr("（未预订）")
    state = value_text(_BOOKING_LABELS[booking.state])
    if booking.state is BookingState.REFUSED and booking.reason:
        state = labelled(state, booking.reason)
    return qualified(text, state)


def booked(meeting: Meeting) -> bool:
    """Return whether the meeting holds its room (booked, or waiting for approval)."""
    booking = meeting.booking
    return booking is not None and booking.holds_room and booking.room_id == meeting.room_id


def short_place(meeting: Meeting, rooms: Mapping[str, Room]) -> str:
    """Return where the meeting is, briefly: the room and whether it is confirmed."""
    if meeting.room_id is None:
        return meeting.location or tr("（未定）")
    room = rooms.get(meeting.room_id)
    name = room.name if room else meeting.room_id
    if not booked(meeting):
        return name + tr("（未预订）")
    pending = meeting.booking is not None and meeting.booking.state is BookingState.PENDING
    return name + (tr("（待审批）") if pending else "")


def reply_text(org: Organisation, reply: Reply | None) -> str:
    """Return a reply as read: 参加 (with the unit's people), 请假：reason, 委派某某参加."""
    if reply is None:
        return tr("未回执")
    if reply.kind is ReplyKind.LEAVE:
        return tr("请假：{0}").format(reply.reason) if reply.reason else tr("请假")
    if reply.kind is ReplyKind.DELEGATE:
        return tr("委派{0}参加").format(person_name(org, reply.deputy_id))
    if reply.people:
        return tr("参加：{0}").format(listed(person_name(org, p) for p in reply.people))
    return tr("参加")


def my_reply(meeting: Meeting, actor: Actor) -> str:
    """Return how the person stands: their invitation's reply in force, 未回执, or their role."""
    invitation = invitation_for(meeting, actor)
    if invitation is None:
        return ""
    attendee = invitation.attendee
    if attendee not in meeting.attendees and attendee not in meeting.sit_in:
        return tr("主持") if meeting.host_id == actor.person_id else tr("记录")
    if meeting.status is not MeetingStatus.NOTIFIED and not meeting.replies:
        return ""  # nothing to reply to before the notice, nor after a meeting without any
    if invitation.on_behalf_of:
        return tr("代为参会")
    reply = current_replies(meeting).get(attendee)
    return tr("未回执") if reply is None else value_text(REPLY_LABELS[reply.kind])


def recurrence_text(meeting: Meeting) -> str:
    """Return a series' rule as read (每周一次，共4次), or ""."""
    rule = meeting.recurrence
    if not rule:
        return ""
    parts = dict(p.partition("=")[::2] for p in rule.split(";"))
    every = {"DAILY": "每天", "WEEKLY": "每周", "MONTHLY": "每月", "YEARLY": "每年"}.get(
        parts.get("FREQ", ""), rule)
    count = tr("，共{0}次").format(parts["COUNT"]) if "COUNT" in parts else ""
    return tr(every) + count
