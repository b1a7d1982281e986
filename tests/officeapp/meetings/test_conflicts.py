"""Conflicts for rooms, hosts and attendees; recurrence; free rooms; the room grid."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from officeapp.demo import DEMO_ROOMS, EDU_ID
from officeapp.errors import ValidationError
from officeapp.meetings import (
    Attendee,
    Booking,
    BookingIndex,
    BookingState,
    ConflictKind,
    Meeting,
    MeetingActionKind,
    MeetingType,
    RoomBooking,
    bookings_of,
    bookings_within,
    conflict_message,
    find_conflicts,
    free_rooms,
    occurrences,
    room_grid,
)
from officeapp.meetings.recurrence import MAX_OCCURRENCES

from .conftest import END, ROOMS, SHANGHAI, START, Desk

K = MeetingActionKind


def plain(meeting_id: str = "new", *, start: datetime = START, end: datetime = END,
          room_id: str | None = "r-1", host_id: str | None = None,
          people: tuple[str, ...] = (), recurrence: str | None = None) -> Meeting:
    """A bare proposed meeting."""
    return Meeting(id=meeting_id, title="新会议", meeting_type=MeetingType.OTHER, start=start,
                   end=end, organiser_unit_id="u-office", created_by="p-office.secretary",
                   created_at=START, room_id=room_id, host_id=host_id,
                   attendees=tuple(Attendee.person(p) for p in people), recurrence=recurrence)


def held(meeting_id: str, start: datetime, end: datetime, *, room_id: str | None = "r-1",
         people: frozenset[str] = frozenset(), host_id: str | None = None) -> Booking:
    return Booking(meeting_id, f"会议{meeting_id}", start, end, room_id=room_id,
                   host_id=host_id, people=people | ({host_id} if host_id else set()),
                   booked_by="p-office.secretary", booked_by_name="王秘书")


def at(hour: int, minute: int = 0, day: int = 25) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=SHANGHAI)


def test_room_clash_names_the_holder_and_the_time() -> None:
    other = held("a", at(10), at(11))
    found = find_conflicts(plain(start=at(10, 30), end=at(11, 30)), [other])
    assert [(c.kind, c.subject_id, c.holder.meeting_id) for c in found] == [
        (ConflictKind.ROOM, "r-1", "a")]
    text = conflict_message(found[0], subject_name="第一会议室")
    assert "第一会议室" in text and "会议a" in text and "王秘书" in text
    assert "2026-11-25 10:00–11:00" in text


def test_edge_touching_meetings_do_not_clash() -> None:
    bookings = [held("before", at(9), at(10)), held("after", at(11), at(12))]
    assert find_conflicts(plain(start=at(10), end=at(11)), bookings) == ()
    assert len(find_conflicts(plain(start=at(10), end=at(11, 1)), bookings)) == 1
    assert len(find_conflicts(plain(start=at(9, 59), end=at(11)), bookings)) == 1


def test_end_at_or_before_start_is_refused() -> None:
    for end in (at(9), at(8)):
        with pytest.raises(ValidationError) as error:
            find_conflicts(plain(start=at(9), end=end), [])
        assert error.value.code == "meeting.bad_time"


def test_other_rooms_do_not_clash() -> None:
    assert find_conflicts(plain(room_id="r-2"), [held("a", START, END)]) == ()


def test_host_and_attendee_clashes_are_reported_per_person() -> None:
    other = held("a", at(9, 30), at(10), room_id="r-2", people=frozenset({"p-edu.leader"}),
                 host_id="p-office.leader")
    found = find_conflicts(plain(room_id="r-1", host_id="p-office.leader",
                                 people=("p-edu.leader", "p-finance.leader")), [other])
    assert {(c.kind, c.subject_id) for c in found} == {
        (ConflictKind.HOST, "p-office.leader"), (ConflictKind.PERSON, "p-edu.leader")}
    person = next(c for c in found if c.kind is ConflictKind.PERSON)
    assert "与本会议时间冲突" in conflict_message(person, subject_name="郑局长")


def test_a_unit_attendee_counts_through_the_people_it_named(desk: Desk) -> None:
    existing = desk.notified()
    proposed = plain(room_id="r-2", people=("p-edu.clerk",))
    assert find_conflicts(proposed, BookingIndex.of_meetings([existing])) == ()
    replied = desk.do(existing, "edu.clerk", K.REPLY, reply="attend", people=["edu.clerk"],
                      attendee=existing.attendees[2])
    found = find_conflicts(proposed, BookingIndex.of_meetings([replied]))
    assert [(c.kind, c.subject_id) for c in found] == [(ConflictKind.PERSON, "p-edu.clerk")]


def test_people_on_leave_and_delegating_free_their_slot(desk: Desk) -> None:
    existing = desk.notified()
    proposed = plain(room_id="r-2", people=("p-finance.leader", "p-office.deputy"))
    assert len(find_conflicts(proposed, bookings_of(existing))) == 2
    existing = desk.do(existing, "finance.leader", K.REPLY, reply="leave", reason="出差")
    existing = desk.do(existing, "office.deputy", K.REPLY, reply="delegate",
                       deputy="office.reviewer")
    assert find_conflicts(proposed, bookings_of(existing)) == ()
    deputy = plain(room_id="r-2", people=("p-office.reviewer",))
    assert len(find_conflicts(deputy, bookings_of(existing))) == 1


def test_a_meeting_never_clashes_with_itself_nor_a_cancelled_one(desk: Desk) -> None:
    meeting = desk.notified()
    assert find_conflicts(meeting, bookings_of(meeting)) == ()
    cancelled = desk.do(meeting, "office.secretary", K.CANCEL, reason="改期")
    assert bookings_of(cancelled) == ()


def test_bookings_within_keeps_the_occurrences_overlapping_the_window() -> None:
    series = plain(recurrence="FREQ=WEEKLY;COUNT=4")
    second, third = START + timedelta(weeks=1), START + timedelta(weeks=2)
    found = bookings_within([series, plain("other")], second, third)
    assert [b.start for b in found] == [second], "a window's end touching a start is no overlap"
    assert bookings_within([series], second + timedelta(minutes=1), third + timedelta(minutes=1)) \
        == [b for b in bookings_of(series) if b.start in (second, third)]


def test_weekly_series_is_checked_occurrence_by_occurrence() -> None:
    series = plain(recurrence="FREQ=WEEKLY;COUNT=6")
    third = START + timedelta(weeks=2)
    one_off = held("one-off", third + timedelta(minutes=30), third + timedelta(hours=2))
    found = find_conflicts(series, [one_off])
    assert [c.at for c in found] == [third]
    other_series = plain("other", start=START + timedelta(weeks=4, hours=1),
                         end=END + timedelta(weeks=4, hours=1), recurrence="FREQ=WEEKLY;COUNT=3")
    assert find_conflicts(series, bookings_of(other_series)) == (), "a draft holds no room"
    holding = replace(other_series, booking=RoomBooking("r-1", BookingState.BOOKED,
                                                        "p-finance.clerk", "刘会计", START))
    clashes = find_conflicts(series, bookings_of(holding))
    assert [c.at for c in clashes] == [START + timedelta(weeks=4), START + timedelta(weeks=5)]


def test_series_that_overlaps_itself_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        occurrences(START, START + timedelta(days=2), "FREQ=DAILY;COUNT=3")
    assert error.value.code == "meeting.recurrence_overlaps"


@pytest.mark.parametrize(("rule", "code"), [
    ("FREQ=WEEKLY", "meeting.unbounded_recurrence"),
    ("FREQ=DAILY;COUNT=501", "meeting.recurrence_too_long"),
    ("FREQ=WEEKLY;UNTIL=20300101T000000Z", "meeting.recurrence_too_long"),
    ("FREQ=HOURLY;COUNT=3", "meeting.bad_recurrence"),
    ("FREQ=WEEKLY;COUNT=3;BYHOUR=9,10", "meeting.bad_recurrence"),
    ("FREQ=WEEKLY;UNTIL=20270101", "meeting.bad_recurrence"),
    ("FREQ=MONTHLY;BYDAY=1MO;COUNT=3", "meeting.bad_recurrence"),
    ("不是规则", "meeting.bad_recurrence"),
    ("FREQ=WEEKLY;COUNT=3\nDTSTART:20200101T000000Z", "meeting.bad_recurrence"),
])
def test_bad_or_unbounded_rules_are_refused_clearly(rule: str, code: str) -> None:
    with pytest.raises(ValidationError) as error:
        occurrences(START, END, rule)
    assert error.value.code == code
    assert error.value.message


def test_bounded_rules_expand_within_the_limits() -> None:
    assert len(occurrences(START, END, f"FREQ=DAILY;COUNT={MAX_OCCURRENCES}")) == 500
    weekly = occurrences(START, END, "RRULE:FREQ=WEEKLY;UNTIL=20261216T000000Z")
    assert [s.date() for s, _ in weekly] == [date(2026, 11, 25), date(2026, 12, 2),
                                             date(2026, 12, 9)]
    assert all(e - s == END - START for s, e in weekly)


def test_free_rooms_offers_rooms_free_at_that_time_smallest_first() -> None:
    bookings = [held("a", at(9), at(10), room_id="r-1")]
    free = free_rooms(at(9, 30), at(10, 30), DEMO_ROOMS, bookings)
    assert [r.id for r in free] == ["r-2", "r-big"]
    assert [r.id for r in free_rooms(at(9, 30), at(10, 30), DEMO_ROOMS, bookings,
                                     min_capacity=20)] == ["r-big"]
    assert [r.id for r in free_rooms(at(10), at(11), DEMO_ROOMS, bookings)] == [
        "r-2", "r-1", "r-big"]


def test_room_grid_lists_busy_slots_per_room_per_day() -> None:
    overnight = held("night", at(22, day=24), at(2, day=25), room_id="r-2")
    bookings = [held("a", at(9), at(10)), held("b", at(14), at(15)), overnight,
                held("c", at(9, day=30), at(10, day=30))]
    grid = room_grid(DEMO_ROOMS, bookings, date(2026, 11, 23))
    assert set(grid) == {"r-1", "r-2", "r-big"} and all(len(d) == 7 for d in grid.values())
    assert [s.meeting_id for s in grid["r-1"][2]] == ["a", "b"]
    assert [(s.start, s.end) for s in grid["r-2"][1]] == [(at(22, day=24), at(0, day=25))]
    assert [(s.start, s.end) for s in grid["r-2"][2]] == [(at(0, day=25), at(2, day=25))]
    assert all(not day for day in grid["r-big"])
    assert "c" not in {s.meeting_id for day in grid["r-1"] for s in day}


def test_index_accepts_bookings_in_any_order_and_later_additions() -> None:
    index = BookingIndex([held("late", at(15), at(16)), held("early", at(8), at(9))])
    index.add(held("mid", at(11), at(12)))
    assert len(index) == 3
    assert [b.meeting_id for b in index.in_room("r-1", at(0), at(23))] == [
        "early", "mid", "late"]


def test_a_long_booking_is_found_from_far_after_its_start() -> None:
    index = BookingIndex([held("conference", at(8, day=20), at(18, day=27)),
                          held("short", at(9, day=26), at(10, day=26))])
    assert {b.meeting_id for b in index.in_room("r-1", at(12, day=26), at(13, day=26))} == {
        "conference"}


minutes = st.integers(min_value=0, max_value=24 * 60 * 3)
intervals = st.tuples(minutes, st.integers(min_value=1, max_value=600))
BASE = datetime(2026, 11, 23, 0, 0, tzinfo=SHANGHAI)


@settings(max_examples=200, deadline=None)
@given(existing=st.lists(st.tuples(intervals, st.sampled_from(["r-1", "r-2"]),
                                   st.sets(st.sampled_from(["a", "b", "c"]), max_size=2)),
                         max_size=40),
       proposed=intervals, people=st.sets(st.sampled_from(["a", "b", "c"]), max_size=3))
def test_index_agrees_with_checking_every_booking(
    existing: list[tuple[tuple[int, int], str, set[str]]], proposed: tuple[int, int],
    people: set[str],
) -> None:
    bookings = [
        Booking(f"m{i}", "x", BASE + timedelta(minutes=s), BASE + timedelta(minutes=s + d),
                room_id=room, people=frozenset(who))
        for i, ((s, d), room, who) in enumerate(existing)
    ]
    start = BASE + timedelta(minutes=proposed[0])
    end = start + timedelta(minutes=proposed[1])
    meeting = plain(start=start, end=end, people=tuple(sorted(people)))
    found = {(c.kind.value, c.subject_id, c.holder.meeting_id)
             for c in find_conflicts(meeting, bookings)}
    expected = {("room", "r-1", b.meeting_id) for b in bookings
                if b.room_id == "r-1" and b.start < end and start < b.end}
    expected |= {("person", p, b.meeting_id) for b in bookings for p in people
                 if p in b.people and b.start < end and start < b.end}
    assert found == expected


def test_demo_rooms_are_what_the_tests_expect() -> None:
    assert ROOMS["r-big"].needs_approval and ROOMS["r-big"].approver_id == "p-office.leader"
    assert EDU_ID == "u-edu"
