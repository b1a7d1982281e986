"""Meetings (办会): booking with conflict checks, notices, replies, sign-in, minutes, iCalendar."""

from officeapp.meetings.attendance import (
    attendance,
    current_replies,
    expected_people,
    invitation_for,
    pending_replies,
)
from officeapp.meetings.conflicts import (
    Booking,
    BookingIndex,
    BusySlot,
    Conflict,
    ConflictKind,
    booking_window,
    bookings_of,
    conflict_message,
    conflict_to_dict,
    find_conflicts,
    free_rooms,
    free_rooms_over,
    room_grid,
)
from officeapp.meetings.fields import create_meeting, sitting_of
from officeapp.meetings.model import (
    SUPERVISION_SOURCE,
    AgendaItem,
    Attendance,
    AttendanceEntry,
    Attendee,
    AttendeeKind,
    BookingState,
    CheckIn,
    CheckInMethod,
    Decision,
    Meeting,
    MeetingAccepted,
    MeetingAction,
    MeetingActionKind,
    MeetingEffect,
    MeetingOutcome,
    MeetingRejected,
    MeetingStatus,
    MeetingTraceEntry,
    MeetingType,
    Minutes,
    OpenSupervisionItem,
    Reply,
    ReplyKind,
    RequestRoomApproval,
    RoomBooking,
)
from officeapp.meetings.recurrence import occurrences
from officeapp.meetings.rules import (
    Reminder,
    Schedule,
    available_meeting_actions,
    decide_meeting,
    due_reminders,
    replyable_attendees,
)

__all__ = [
    "SUPERVISION_SOURCE", "AgendaItem", "Attendance", "AttendanceEntry", "Attendee",
    "AttendeeKind", "Booking", "BookingIndex", "BookingState", "BusySlot", "CheckIn",
    "CheckInMethod", "Conflict", "ConflictKind", "Decision", "Meeting", "MeetingAccepted",
    "MeetingAction", "MeetingActionKind", "MeetingEffect", "MeetingOutcome", "MeetingRejected",
    "MeetingStatus", "MeetingTraceEntry", "MeetingType", "Minutes", "OpenSupervisionItem",
    "Reminder", "Reply", "ReplyKind", "RequestRoomApproval", "RoomBooking", "Schedule",
    "attendance", "available_meeting_actions", "booking_window", "bookings_of",
    "conflict_message", "conflict_to_dict", "create_meeting", "current_replies",
    "decide_meeting", "due_reminders", "expected_people", "find_conflicts", "free_rooms",
    "free_rooms_over", "invitation_for", "occurrences", "pending_replies", "replyable_attendees",
    "room_grid", "sitting_of",
]
