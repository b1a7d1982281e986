"""Meetings in the local store: windows, "my meetings", bookings, codes, pull, rebase, revert."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from officeapp.core.verdict import Accepted, Rejected
from officeapp.demo import DEMO_PEOPLE, DEMO_ROOMS, DEMO_UNITS, EDU_ID, FINANCE_ID, OFFICE_ID
from officeapp.meetings import (
    Attendee,
    BookingState,
    Meeting,
    MeetingAction,
    MeetingActionKind,
    MeetingStatus,
    Reply,
    ReplyKind,
    RoomBooking,
    create_meeting,
    sitting_of,
)
from officeapp.meetings.codec import meeting_action_to_dict, meeting_to_dict
from officeapp.org import Delegation, Organisation
from officeapp.store import LocalStore, PulledChange, PulledRejection, PullPage
from officeapp.store.meetings import people_of, units_of

ORG = Organisation(DEMO_UNITS, DEMO_PEOPLE)
NOW = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
T0 = datetime(2024, 3, 4, 1, 0, tzinfo=UTC)  # Monday 09:00 in Beijing
HOUR = timedelta(hours=1)
K = MeetingActionKind


def fields(*, start: datetime = T0, hours: float = 2, **more: Any) -> dict[str, Any]:
    """Return create_meeting fields in their JSON form (as a mutation carries them)."""
    return {"title": "防汛工作专题会议", "meeting_type": "专题会议", "start": start.isoformat(),
            "end": (start + hours * HOUR).isoformat(), **more}


def meeting(ident: str, username: str = "office.secretary", **more: Any) -> Meeting:
    return create_meeting(meeting_id=ident, actor=ORG.actor(f"p-{username}", NOW),
                          fields=fields(**more), now=NOW)


def booked(item: Meeting, room: str = "r-1", by: str = "p-office.secretary") -> Meeting:
    return replace(item, room_id=room, booking=RoomBooking(room, BookingState.BOOKED, by, "王秘书",
                                                           NOW))


def ids(found: list[Meeting]) -> list[str]:
    return [m.id for m in found]


def page(cursor: int, *changes: PulledChange, last: int = 0,
         rejected: tuple[PulledRejection, ...] = (), has_more: bool = False) -> PullPage:
    return PullPage(cursor=cursor, last_mutation_id=last, changes=list(changes),
                    rejected=rejected, has_more=has_more)


def put(item: Meeting) -> PulledChange:
    return PulledChange("meeting", item.id, "put", meeting_to_dict(item, hide_code=True))


def state(store: LocalStore, meeting_id: str) -> tuple[int, str | None]:
    row = store.db.conn.execute("SELECT pending, base FROM meetings WHERE id = ?",
                                (meeting_id,)).fetchone()
    return int(row[0]), row[1]


# --- windows -------------------------------------------------------------------------------


def test_a_meeting_round_trips(store: LocalStore) -> None:
    item = replace(meeting("m-1", host_id="p-office.leader"), check_in_code="2468")
    store.put_records("meeting", [item])
    assert store.get_record("meeting", "m-1") == item
    assert store.get_record("meeting", "missing") is None
    assert state(store, "m-1") == (0, None)


def test_meetings_between_is_half_open_and_sorted(store: LocalStore) -> None:
    store.put_records("meeting", [
        meeting("late", start=T0 + 2 * HOUR, hours=1), meeting("early", start=T0, hours=2),
        replace(meeting("gone", start=T0, hours=1), status=MeetingStatus.CANCELLED),
    ])
    assert ids(store.meetings.between(T0 + 2 * HOUR, T0 + 3 * HOUR)) == ["late"]
    assert ids(store.meetings.between(T0 - HOUR, T0)) == []
    assert ids(store.meetings.between(T0, T0 + 3 * HOUR)) == ["early", "late"]
    assert ids(store.meetings.between(T0, T0 + 3 * HOUR, include_cancelled=True)) == [
        "early", "gone", "late"]
    with pytest.raises(Exception) as caught:
        store.meetings.between(datetime(2024, 3, 4), datetime(2024, 3, 5))
    assert getattr(caught.value, "code", None) == "meeting.naive_time"


def test_a_series_is_found_only_when_an_occurrence_falls_in_the_window(store: LocalStore) -> None:
    store.put_records("meeting", [meeting("weekly", recurrence="FREQ=WEEKLY;COUNT=3")])
    second = T0 + timedelta(days=7)
    assert ids(store.meetings.between(second + HOUR, second + 5 * HOUR)) == ["weekly"]
    assert ids(store.meetings.between(T0 + timedelta(days=2), T0 + timedelta(days=5))) == []
    assert ids(store.meetings.between(T0, T0 + timedelta(days=30))) == ["weekly"]  # once
    assert ids(store.meetings.between(T0 + timedelta(days=14, hours=2), T0 + timedelta(days=30))
               ) == []  # the last occurrence has ended


def test_meeting_bookings_are_the_occurrences_in_the_window(store: LocalStore) -> None:
    series = booked(meeting("weekly", recurrence="FREQ=WEEKLY;COUNT=3"), "r-2")
    one = booked(meeting("one", start=T0 + timedelta(days=7, hours=3)))
    cancelled = replace(booked(meeting("gone", start=T0 + timedelta(days=7))),
                        status=MeetingStatus.CANCELLED)
    store.put_records("meeting", [series, one, cancelled])
    week = (T0 + timedelta(days=6), T0 + timedelta(days=8))
    found = store.meetings.bookings(*week)
    assert [(b.meeting_id, b.start, b.room_id) for b in found] == [
        ("weekly", T0 + timedelta(days=7), "r-2"), ("one", T0 + timedelta(days=7, hours=3), "r-1")]
    assert len(store.meetings.bookings(T0, T0 + timedelta(days=30))) == 4


# --- my meetings -----------------------------------------------------------------------------


def reply(seq: int, attendee: Attendee, kind: ReplyKind, *, deputy: str | None = None,
          people: tuple[str, ...] = ()) -> Reply:
    return Reply(seq, attendee, kind, attendee.id, "", NOW, "", deputy, people)


def test_my_meetings_finds_every_way_a_meeting_concerns_someone(store: LocalStore) -> None:
    leader = Attendee.person("p-edu.leader")
    # Organised by the finance bureau: nobody in the office is in by their unit.
    named = replace(
        meeting("named", "finance.clerk", host_id="p-office.leader",
                recorder_id="p-office.reviewer", attendees=[Attendee.person("p-office.clerk"),
                                                            leader],
                sit_in=[Attendee.person("p-office.admin")]),
        replies=(reply(1, leader, ReplyKind.DELEGATE, deputy="p-office.secretary"),
                 reply(2, leader, ReplyKind.DELEGATE, deputy="p-office.deputy")))
    unit = meeting("unit", "finance.clerk", start=T0 + 3 * HOUR, attendees=[Attendee.unit(EDU_ID)])
    everyone = meeting("city", "finance.clerk", start=T0 + 6 * HOUR,
                       sit_in=[Attendee.unit("u-city")])
    called_off = replace(meeting("off", "finance.clerk", host_id="p-office.clerk"),
                         status=MeetingStatus.CANCELLED)
    store.put_records("meeting", [named, unit, everyone, called_off])
    store.save_directory(units=DEMO_UNITS, people=DEMO_PEOPLE, rooms=DEMO_ROOMS, delegations=[
        Delegation("p-office.reviewer", "p-office.supervisor", NOW - HOUR, NOW + HOUR)])
    org = store.organisation()

    def mine(person: str, **kwargs: Any) -> list[str]:
        return ids(store.meetings.concerning(org.actor(f"p-{person}", NOW), **kwargs))

    for person in ("office.leader", "office.reviewer", "office.clerk", "office.admin",
                   "office.deputy", "finance.leader", "finance.clerk"):
        assert "named" in mine(person), person
    # The deputy of a reply no longer in force; acting for the recorder counts.
    assert mine("office.secretary") == ["city"]
    assert mine("office.supervisor") == ["named", "city"]
    assert mine("edu.clerk") == ["unit", "city"]
    assert mine("edu.leader") == ["named", "unit", "city"]
    assert mine("office.clerk", include_cancelled=True) == ["named", "off", "city"]
    assert mine("edu.leader", start=T0 + 2 * HOUR, end=T0 + 4 * HOUR) == ["unit"]
    unit_reply = replace(unit, replies=(reply(1, Attendee.unit(EDU_ID), ReplyKind.ATTEND,
                                              people=("p-edu.leader",)),))
    assert people_of(unit_reply) == {"p-finance.clerk", "p-edu.leader"}
    assert units_of(unit_reply) == {FINANCE_ID, EDU_ID}


# --- codes and pull --------------------------------------------------------------------------


def test_a_pulled_code_fills_a_hidden_one(store: LocalStore) -> None:
    item = meeting("m-1")
    code = PulledChange("meeting_code", "m-1", "put", {"meeting_id": "m-1",
                                                       "check_in_code": "4821"})
    outcome = store.apply_pull(page(1, put(item), code))
    assert outcome.of("meeting") == {"m-1"}
    found = store.get_record("meeting", "m-1")
    assert found is not None and found.check_in_code == "4821"
    store.apply_pull(page(2, PulledChange("meeting_code", "m-1", "revoke")))
    found = store.get_record("meeting", "m-1")
    assert found is not None and found.check_in_code is None
    store.apply_pull(page(3, code))
    store.put_records("meeting", [replace(item, check_in_code="1357")], pending=True)
    found = store.get_record("meeting", "m-1")
    assert found is not None and found.check_in_code == "1357"  # a code set here stays


def test_pull_puts_revokes_and_skips_malformed(store: LocalStore,
                                                caplog: pytest.LogCaptureFixture) -> None:
    first, second = meeting("m-1"), meeting("m-2", start=T0 + 3 * HOUR)
    bad_rule = {**meeting_to_dict(meeting("m-3")), "recurrence": "FREQ=WEEKLY"}
    no_title = {k: v for k, v in meeting_to_dict(meeting("m-4")).items() if k != "title"}
    with caplog.at_level(logging.WARNING):
        outcome = store.apply_pull(page(
            4, put(first), put(second), PulledChange("meeting", "m-3", "put", bad_rule),
            PulledChange("meeting", "m-4", "put", no_title),
            PulledChange("meeting_code", "m-1", "put", {"meeting_id": "m-1"})))
    assert "skipped malformed meeting m-3" in caplog.text
    assert "skipped malformed meeting_code m-1" in caplog.text
    assert outcome.of("meeting") == {"m-1", "m-2"}
    assert set(outcome.skipped) == {"m-3", "m-4", "m-1"}
    assert ids(store.meetings.between(T0, T0 + 9 * HOUR)) == ["m-1", "m-2"]
    store.apply_pull(page(5, PulledChange("meeting", "m-1", "revoke"),
                          PulledChange("meeting", "m-2", "revoke"), put(second),
                          put(replace(first, title="改期"))))
    # Within a page the last change of a record wins: revoke then put leaves it...
    assert ids(store.meetings.between(T0, T0 + 9 * HOUR)) == ["m-1", "m-2"]
    store.apply_pull(page(6, put(first), PulledChange("meeting", "m-1", "revoke")))
    # ...put then revoke removes it.
    assert ids(store.meetings.between(T0, T0 + 9 * HOUR)) == ["m-2"]
    assert store.delete_records("meeting", ["m-2", "nope"]) == 1
    assert store.meetings.between(T0, T0 + 9 * HOUR) == []


def test_a_reset_wipes_meetings_codes_and_items_but_keeps_the_outbox(store: LocalStore) -> None:
    store.apply_pull(page(1, put(meeting("m-1")), PulledChange(
        "meeting_code", "m-1", "put", {"meeting_id": "m-1", "check_in_code": "4821"})))
    create(store, "mine", start=T0 + 4 * HOUR)
    store.wipe_mirror()
    for table in ("meetings", "meeting_codes", "meeting_people", "supervision_items"):
        assert store.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert len(store.pending_mutations()) == 1
    store.save_directory(units=DEMO_UNITS, people=DEMO_PEOPLE, rooms=DEMO_ROOMS)
    outcome = store.apply_pull(page(6, put(meeting("m-1"))))
    assert outcome.of("meeting") == {"m-1", "mine"}  # the local draft is created again
    assert ids(store.meetings.between(T0, T0 + 9 * HOUR)) == ["m-1", "mine"]


# --- the optimistic path, rebase and rejections ------------------------------------------------


def act(store: LocalStore, meeting_id: str, username: str, action: MeetingAction,
        now: datetime = NOW) -> Accepted[Meeting] | Rejected:
    return store.apply_record_action(
        "meeting", record_id=meeting_id, actor=store.organisation().actor(f"p-{username}", now),
        action=action, now=now, mutation_name="meeting.act",
        mutation_args={"meeting_id": meeting_id, "action": meeting_action_to_dict(action)})


def create(store: LocalStore, ident: str, **more: Any) -> Meeting:
    item = meeting(ident, **more)
    store.create_record("meeting", record=item, mutation_name="meeting.create",
                        mutation_args={"meeting_id": ident, "fields": fields(**more)})
    return item


BOOK = MeetingAction(K.BOOK, room_id="r-1")


def test_booking_is_checked_against_local_bookings(store: LocalStore) -> None:
    create(store, "a")
    create(store, "b", start=T0 + HOUR)
    assert isinstance(act(store, "a", "office.secretary", BOOK), Accepted)
    taken = act(store, "b", "office.secretary", BOOK)
    assert isinstance(taken, Rejected)
    assert taken.rejection.code == "meeting.room_taken"
    assert isinstance(act(store, "b", "office.secretary", MeetingAction(K.BOOK, room_id="r-2")),
                      Accepted)
    assert [(m.name, m.record_id, m.document_id) for m in store.pending_mutations()] == [
        ("meeting.create", "a", None), ("meeting.create", "b", None), ("meeting.act", "a", None),
        ("meeting.act", "b", None)]
    missing = act(store, "nope", "office.secretary", BOOK)
    assert isinstance(missing, Rejected) and missing.rejection.code == "meeting.not_found"
    with pytest.raises(Exception) as caught:
        create(store, "a")
    assert getattr(caught.value, "code", None) == "meeting.exists"


def test_a_refused_booking_is_reverted_and_its_text_kept(store: LocalStore) -> None:
    create(store, "a")
    act(store, "a", "office.secretary", BOOK)
    book_id = store.last_mutation_id()
    outcome = store.apply_rejections([PulledRejection(book_id, "meeting.room_taken",
                                                      "第一会议室已被占用", {"room": "r-1"})])
    assert outcome.of("meeting") == {"a"} and outcome.rejected == (book_id,)
    shown = store.get_record("meeting", "a")
    # The creation is still pending, so the draft stays, without the booking.
    assert shown is not None and shown.booking is None and shown.room_id is None
    (rejection,) = store.rejections()
    assert (rejection.record_id, rejection.kind, rejection.code) == ("a", "meeting",
                                                                     "meeting.room_taken")
    assert rejection.args["action"]["room_id"] == "r-1"


def test_a_pending_booking_replays_against_what_the_pull_brought(store: LocalStore) -> None:
    mine = create(store, "mine")
    act(store, "mine", "office.secretary", BOOK)
    # The server has applied the creation (not the booking yet); someone else holds the room.
    other = booked(meeting("other", "office.clerk", start=T0 + HOUR), by="p-office.clerk")
    outcome = store.apply_pull(page(3, put(mine), put(other)))
    assert outcome.of("meeting") == {"mine", "other"}
    shown = store.get_record("meeting", "mine")
    assert shown is not None and shown.booking is None  # the local replay met the clash
    assert [m.name for m in store.pending_mutations()] == ["meeting.create", "meeting.act"]
    assert state(store, "mine") == (0, None)


def test_a_pending_reply_is_rebased_and_reverted_to_the_server_version(
        store: LocalStore) -> None:
    notified = replace(booked(meeting("m-1", attendees=[Attendee.person("p-finance.leader")])),
                       status=MeetingStatus.NOTIFIED)
    store.apply_pull(page(1, put(notified)))
    attend = MeetingAction(K.REPLY, reply=ReplyKind.ATTEND)
    assert isinstance(act(store, "m-1", "finance.leader", attend), Accepted)
    pending, base = state(store, "m-1")
    assert pending == 1 and base is not None
    moved = replace(notified, title="改在第二会议室", version=2)
    outcome = store.apply_pull(page(2, put(moved)))
    assert outcome.of("meeting") == {"m-1"}
    shown = store.get_record("meeting", "m-1")
    assert shown is not None and shown.title == "改在第二会议室" and len(shown.replies) == 1
    assert state(store, "m-1")[0] == 1
    assert store.revert_records("meeting", ["m-1"]) == ["m-1"]
    assert store.get_record("meeting", "m-1") == replace(moved, check_in_code=None)
    assert state(store, "m-1") == (0, None)
    assert "m-1" in ids(store.meetings.concerning(ORG.actor("p-finance.leader", NOW)))


def test_a_refused_creation_removes_the_meeting(store: LocalStore) -> None:
    create(store, "a")
    store.apply_pull(page(1, last=1, rejected=(PulledRejection(1, "meeting.forbidden", "无权"),)))
    assert store.get_record("meeting", "a") is None
    assert store.rejections()[0].args["fields"]["title"] == "防汛工作专题会议"


def test_sitting_creation_is_replayed_after_a_reset(store: LocalStore) -> None:
    series = replace(booked(meeting("weekly", recurrence="FREQ=WEEKLY;COUNT=3",
                                    attendees=[Attendee.person("p-office.leader")])),
                     status=MeetingStatus.NOTIFIED)
    store.apply_pull(page(1, put(series)))
    start = T0 + timedelta(days=7)
    sitting = sitting_of(series, start, meeting_id="sitting", actor=ORG.actor(
        "p-office.secretary", NOW), now=NOW)
    store.create_record("meeting", record=sitting, mutation_name="meeting.create_sitting",
                        mutation_args={"meeting_id": "sitting", "series_id": "weekly",
                                       "start": start.isoformat()})
    store.wipe_mirror()
    store.save_directory(units=DEMO_UNITS, people=DEMO_PEOPLE, rooms=DEMO_ROOMS)
    outcome = store.apply_pull(page(2, put(series)))
    assert outcome.of("meeting") == {"weekly", "sitting"}
    again = store.get_record("meeting", "sitting")
    assert again is not None and again.series_id == "weekly" and again.start == start
    assert OFFICE_ID in units_of(again) and FINANCE_ID not in units_of(again)


def test_a_code_alone_does_not_replay_pending_work_twice(store: LocalStore) -> None:
    notified = replace(booked(meeting("m-1", attendees=[Attendee.person("p-finance.leader")])),
                       status=MeetingStatus.NOTIFIED)
    store.apply_pull(page(1, put(notified)))
    act(store, "m-1", "finance.leader", MeetingAction(K.REPLY, reply=ReplyKind.ATTEND))
    outcome = store.apply_pull(page(2, PulledChange(
        "meeting_code", "m-1", "put", {"meeting_id": "m-1", "check_in_code": "4821"})))
    assert outcome.of("meeting") == {"m-1"}
    shown = store.get_record("meeting", "m-1")
    assert shown is not None and len(shown.replies) == 1 and shown.check_in_code == "4821"
