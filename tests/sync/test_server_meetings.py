"""Meetings through the server: the whole flow by push and pull, the double-booking race,
visibility and revokes, the check-in code, sittings, bad input and agenda downloads."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event

from officeapp.demo import EDU_ID, FINANCE_ID
from officeapp.meetings import decision_item_id
from sync.server.storage import tables as t

from .conftest import Api, Clock, User
from .office_work import (
    at_hour,
    create_meeting,
    download,
    kind_of,
    meet,
    meet_ok,
    meeting_fields,
    upload,
)

Users = Callable[[str], User]
POSTGRES_ONLY = pytest.mark.parametrize(
    "database_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)


def _relogin(*people: User) -> None:
    for who in people:
        who.relogin()


def test_meeting_from_booking_to_supervision_through_push_and_pull(user: Users,
                                                                    clock: Clock) -> None:
    secretary = user("office.secretary")
    start = at_hour(clock, timedelta(days=2))
    deadline = (start + timedelta(days=30)).date().isoformat()
    meeting_id = create_meeting(
        secretary, start, host_id="p-office.leader", recorder_id="p-office.secretary",
        attendees=[{"kind": "person", "id": "p-office.deputy"},
                   {"kind": "unit", "id": FINANCE_ID}],
        agenda=[{"title": "预算执行情况", "reporting_unit_id": FINANCE_ID}])
    meet_ok(secretary, meeting_id, "book", room_id="r-1")
    assert kind_of(secretary, "meeting")[meeting_id]["booking"]["state"] == "booked"
    meet_ok(secretary, meeting_id, "send_notice", check_in_code="1357")

    finance = user("finance.clerk")
    seen = kind_of(finance, "meeting")[meeting_id]
    assert seen["status"] == "notified"
    assert seen["check_in_code"] is None  # the code stays with the organisers
    meet_ok(finance, meeting_id, "reply", reply="attend",
            attendee={"kind": "unit", "id": FINANCE_ID}, people=["p-finance.leader"])
    deputy = user("office.deputy")
    assert meet(deputy, meeting_id, "reply", reply="leave")["code"] == "meeting.reason_required"
    meet_ok(deputy, meeting_id, "reply", reply="leave", reason="外出调研")

    clock.advance(start - clock() - timedelta(minutes=10))  # sign-in opens 30 min before
    finance_leader = user("finance.leader")
    _relogin(secretary)
    wrong = meet(finance_leader, meeting_id, "check_in", check_in_code="0000")
    assert (wrong["status"], wrong["code"]) == ("rejected", "meeting.bad_code")
    meet_ok(finance_leader, meeting_id, "check_in", check_in_code="1357")
    meet_ok(secretary, meeting_id, "check_in", person="p-office.leader")

    clock.advance(timedelta(minutes=40))
    _relogin(secretary)
    meet_ok(secretary, meeting_id, "record_minutes", text="会议研究了预算执行有关事项。",
            decisions=[{"text": "市财政局牵头加快预算执行进度", "lead_unit_id": FINANCE_ID,
                        "co_unit_ids": [EDU_ID], "deadline": deadline}])
    meet_ok(secretary, meeting_id, "publish_minutes")

    supervisor = user("office.supervisor")
    meet_ok(supervisor, meeting_id, "open_supervision", decision_no=1,
            supervision_item_id="chosen-by-the-client")
    again = meet(supervisor, meeting_id, "open_supervision", decision_no=1,
                 supervision_item_id="another")
    assert again["code"] == "meeting.already_supervised"

    minuted = kind_of(supervisor, "meeting")[meeting_id]
    assert minuted["status"] == "minuted"
    present = {e["person_id"] for e in minuted["minutes"]["attendance"]["present"]}
    assert present == {"p-finance.leader", "p-office.leader"}
    assert [e["person_id"] for e in minuted["minutes"]["attendance"]["on_leave"]] == [
        "p-office.deputy"]
    item_id = decision_item_id(meeting_id, 1)
    assert minuted["minutes"]["decisions"][0]["supervision_item_id"] == item_id
    items = kind_of(supervisor, "supervision")
    assert list(items) == [item_id]
    assert items[item_id]["source"] == "会议议定"
    assert items[item_id]["status"] == "draft"
    assert items[item_id]["source_link"]["record_id"] == meeting_id
    assert items[item_id]["deadline"].startswith(deadline)
    assert [e["action"] for e in minuted["trace"]] == [
        "create", "book", "send_notice", "reply", "reply", "check_in", "check_in",
        "record_minutes", "publish_minutes", "open_supervision"]


def _race_meetings(user: Users, clock: Clock) -> tuple[User, str, User, str]:
    """Two secretaries of two units, each with a drafted meeting in the same slot."""
    start = at_hour(clock, timedelta(days=3))
    office, finance = user("office.secretary"), user("finance.clerk")
    first = create_meeting(office, start, title="办公室周例会")
    second = create_meeting(finance, start, title="财政局党组会")
    return office, first, finance, second


def test_offline_double_booking_one_wins_the_other_hears_who(user: Users,
                                                             clock: Clock) -> None:
    office, first, finance, second = _race_meetings(user, clock)
    # Both booked offline (their clients accepted it); the outboxes reach the server in turn.
    won = office.push(office.mutation("meeting.act", meeting_id=first,
                                      action={"kind": "book", "room_id": "r-1"})).json()
    lost = finance.push(finance.mutation("meeting.act", meeting_id=second,
                                         action={"kind": "book", "room_id": "r-1"})).json()
    assert won["results"][0]["status"] == "applied"
    result = lost["results"][0]
    assert (result["status"], result["code"]) == ("rejected", "meeting.room_taken")
    details = result["details"]
    assert details["holder_meeting_id"] == first
    assert details["holder_title"] == "办公室周例会"
    assert details["holder_booked_by_name"] == "王秘书"
    free = [r["id"] for r in details["free_rooms"]]
    assert "r-1" not in free and free[0] == "r-2"  # rooms without approval first
    assert "第一会议室" in result["message"] and "第二会议室" in result["message"]
    # The loser's meeting stays a draft without a room; booking another room works.
    assert kind_of(finance, "meeting")[second]["booking"] is None
    meet_ok(finance, second, "book", room_id="r-2")


def _slow_bookings_read(connection: Any, cursor: Any, statement: str, *args: Any) -> None:
    # Widen the window between reading the bookings and committing, where a check without
    # the room lock would let both bookers see an empty room.
    if "FROM meetings" in statement and "start_at <" in statement:
        time.sleep(0.3)


@POSTGRES_ONLY
def test_concurrent_bookings_of_one_room_have_one_winner(user: Users, clock: Clock,
                                                        api: Api, engine: sa.Engine) -> None:
    office, first, finance, second = _race_meetings(user, clock)
    clerk = user("office.clerk")
    third = create_meeting(clerk, at_hour(clock, timedelta(days=3)), title="文秘科会议")
    rivals = [(office, first), (finance, second), (clerk, third)]

    async def race() -> list[httpx.Response]:
        return list(await asyncio.gather(*(
            api.client.post("/api/v1/sync/push", headers=who.headers, json=who.push_body(
                who.mutation("meeting.act", meeting_id=meeting_id,
                             action={"kind": "book", "room_id": "r-1"})))
            for who, meeting_id in rivals)))

    event.listen(engine, "after_cursor_execute", _slow_bookings_read)
    try:
        results = [r.json()["results"][0] for r in api.run(race())]
    finally:
        event.remove(engine, "after_cursor_execute", _slow_bookings_read)
    assert sorted(r["status"] for r in results) == ["applied", "rejected", "rejected"]
    winner = rivals[[r["status"] for r in results].index("applied")][1]
    for lost in (r for r in results if r["status"] == "rejected"):
        assert lost["code"] == "meeting.room_taken"
        assert lost["details"]["holder_meeting_id"] == winner
    with engine.connect() as connection:
        rows = connection.execute(sa.select(t.meetings.c.id, t.meetings.c.data)).all()
    booked = [row.id for row in rows if row.data["booking"] is not None]
    assert booked == [winner]


def test_a_draft_is_the_organisers_own_and_outsiders_neither_pull_nor_act(
        user: Users, clock: Clock) -> None:
    secretary = user("office.secretary")
    meeting_id = create_meeting(secretary, at_hour(clock, timedelta(days=2)), attendees=[
        {"kind": "unit", "id": FINANCE_ID}, {"kind": "person", "id": "p-edu.clerk"}])
    finance, edu, outsider = user("finance.clerk"), user("edu.clerk"), user("edu.leader")
    # Invited, but nothing was sent yet: the plan does not reach other units.
    assert kind_of(finance, "meeting") == {} and kind_of(edu, "meeting") == {}
    hidden = meet(finance, meeting_id, "edit", changes={"title": "改个名字"})
    missing = meet(finance, str(uuid.uuid4()), "edit", changes={"title": "改个名字"})
    assert hidden["code"] == missing["code"] == "meeting.not_found"
    assert hidden["message"] == missing["message"]

    meet_ok(secretary, meeting_id, "book", room_id="r-1")
    meet_ok(secretary, meeting_id, "send_notice")
    assert meeting_id in kind_of(finance, "meeting")
    assert meeting_id in kind_of(edu, "meeting")
    assert kind_of(outsider, "meeting") == {}  # same unit as an invited person, not invited
    refused = meet(outsider, meeting_id, "reply", reply="attend")
    assert refused["code"] == "meeting.not_found"


def test_a_meeting_cancelled_in_draft_never_reaches_invitees_one_cancelled_later_does(
        user: Users, clock: Clock) -> None:
    secretary, finance = user("office.secretary"), user("finance.clerk")
    invited = {"attendees": [{"kind": "unit", "id": FINANCE_ID}]}
    quiet = create_meeting(secretary, at_hour(clock, timedelta(days=2)), **invited)
    meet_ok(secretary, quiet, "cancel", reason="改期")
    loud = create_meeting(secretary, at_hour(clock, timedelta(days=3)), **invited)
    meet_ok(secretary, loud, "book", room_id="r-1")
    meet_ok(secretary, loud, "send_notice")
    meet_ok(secretary, loud, "cancel", reason="领导另有安排")
    seen = kind_of(finance, "meeting")
    assert quiet not in seen and seen[loud]["status"] == "cancelled"


def test_room_approver_sees_a_pending_booking_only_while_it_waits(user: Users,
                                                                  clock: Clock) -> None:
    finance = user("finance.clerk")
    meeting_id = create_meeting(finance, at_hour(clock, timedelta(days=4)))
    approver = user("office.leader")  # 常务会议室's approver, of another unit
    meet_ok(finance, meeting_id, "book", room_id="r-big")
    pending = kind_of(approver, "meeting")[meeting_id]
    assert pending["booking"]["state"] == "pending"
    meet_ok(approver, meeting_id, "approve_room", reason="同意")
    assert meeting_id not in kind_of(approver, "meeting")
    assert kind_of(finance, "meeting")[meeting_id]["booking"]["state"] == "booked"


def test_check_in_code_reaches_only_the_organising_unit(user: Users, clock: Clock,
                                                        engine: sa.Engine) -> None:
    secretary = user("office.secretary")
    meeting_id = create_meeting(secretary, at_hour(clock, timedelta(days=2)), location="三楼",
                                attendees=[{"kind": "unit", "id": FINANCE_ID}])
    meet_ok(secretary, meeting_id, "send_notice", check_in_code="8642")
    office_clerk, finance = user("office.clerk"), user("finance.clerk")
    codes = kind_of(office_clerk, "meeting_code")
    assert codes == {meeting_id: {"meeting_id": meeting_id, "check_in_code": "8642"}}
    assert kind_of(office_clerk, "meeting")[meeting_id]["check_in_code"] is None
    assert kind_of(finance, "meeting_code") == {}
    assert kind_of(finance, "meeting")[meeting_id]["check_in_code"] is None
    with engine.connect() as connection:
        payloads = connection.execute(sa.select(t.changes.c.payload).where(
            t.changes.c.kind == "meeting")).scalars().all()
    assert payloads and all(p["check_in_code"] is None for p in payloads)


def test_sittings_of_a_series_are_made_once_per_occurrence(user: Users, clock: Clock) -> None:
    secretary = user("office.secretary")
    start = at_hour(clock, timedelta(days=1))
    series = create_meeting(secretary, start, recurrence="FREQ=WEEKLY;COUNT=4",
                            location="二楼", attendees=[{"kind": "unit", "id": FINANCE_ID}])
    meet_ok(secretary, series, "send_notice")
    second = (start + timedelta(days=7)).isoformat()
    sitting = str(uuid.uuid4())
    made = secretary.push_one("meeting.create_sitting", meeting_id=sitting, series_id=series,
                              start=second)
    assert made["status"] == "applied", made
    twice = secretary.push_one("meeting.create_sitting", meeting_id=str(uuid.uuid4()),
                               series_id=series, start=second)
    assert (twice["code"], twice["details"]["meeting_id"]) == ("meeting.sitting_exists", sitting)
    finance = user("finance.clerk")
    forbidden = finance.push_one("meeting.create_sitting", meeting_id=str(uuid.uuid4()),
                                 series_id=series, start=(start + timedelta(days=14)).isoformat())
    assert forbidden["code"] == "meeting.forbidden"
    stored = kind_of(finance, "meeting")[sitting]
    assert (stored["series_id"], stored["recurrence"]) == (series, None)


def test_malformed_meeting_mutations_are_rejected_never_a_500(user: Users,
                                                              clock: Clock) -> None:
    secretary = user("office.secretary")
    meeting_id = create_meeting(secretary, at_hour(clock, timedelta(days=2)))
    start = at_hour(clock, timedelta(days=2))
    naive = start.replace(tzinfo=None).isoformat()
    mutations = [
        ("meeting.create", {"meeting_id": "not-a-uuid", "fields": {}}),
        ("meeting.create", {"meeting_id": str(uuid.uuid4()), "fields": "标题"}),
        ("meeting.create", {"meeting_id": str(uuid.uuid4())}),
        ("meeting.act", {"meeting_id": meeting_id, "action": ["book"]}),
        ("meeting.act", {"meeting_id": "x" * 65, "action": {"kind": "book"}}),
        ("meeting.create_sitting", {"meeting_id": str(uuid.uuid4()), "series_id": meeting_id,
                                    "start": "明天上午九点钟开会"}),
        ("meeting.create_sitting", {"meeting_id": str(uuid.uuid4()), "series_id": meeting_id,
                                    "start": naive}),
    ]
    results = secretary.push(*(secretary.mutation(n, **a) for n, a in mutations)).json()
    assert [r["code"] for r in results["results"]] == ["mutation.invalid_args"] * len(mutations)
    domain = [
        ("meeting.act", {"meeting_id": meeting_id, "action": {"kind": "fly"}}),
        ("meeting.act", {"meeting_id": meeting_id, "action": {"kind": "reply",
                                                               "people": [1, 2]}}),
        ("meeting.act", {"meeting_id": meeting_id, "action": {"kind": "reply",
                                                               "deputy": "p-nobody"}}),
        ("meeting.create", {"meeting_id": str(uuid.uuid4()),
                            "fields": meeting_fields(start, start=naive)}),
        ("meeting.create", {"meeting_id": str(uuid.uuid4()), "fields": meeting_fields(
            start, attendees=[{"kind": "unit", "id": "u-nowhere"}])}),
        ("meeting.create", {"meeting_id": str(uuid.uuid4()),
                            "fields": meeting_fields(start, room_id="r-nowhere")}),
        ("meeting.create", {"meeting_id": meeting_id, "fields": meeting_fields(start)}),
    ]
    results = secretary.push(*(secretary.mutation(n, **a) for n, a in domain)).json()
    assert [r["code"] for r in results["results"]] == [
        "action.malformed", "action.malformed", "org.unknown_person", "meeting.naive_time",
        "meeting.unknown_unit", "meeting.unknown_room", "meeting.exists"]


def test_agenda_material_downloads_for_invitees_only(user: Users, clock: Clock,
                                                     api: Api) -> None:
    secretary = user("office.secretary")
    material = upload(api, secretary, "预算执行情况汇报材料".encode() * 500, "汇报材料.pdf")
    start = at_hour(clock, timedelta(days=2))
    unknown = {**material, "sha256": "0" * 64}
    refused = secretary.push_one("meeting.create", meeting_id=str(uuid.uuid4()),
                                 fields=meeting_fields(start, agenda=[
                                     {"title": "预算", "materials": [unknown]}]))
    assert refused["code"] == "blob.unknown"
    meeting_id = create_meeting(secretary, start, attendees=[{"kind": "unit", "id": FINANCE_ID}],
                                agenda=[{"title": "预算执行情况", "materials": [material]}])
    assert download(api, user("finance.clerk"), material["sha256"]) == 404  # still a draft
    meet_ok(secretary, meeting_id, "book", room_id="r-1")
    meet_ok(secretary, meeting_id, "send_notice")
    assert download(api, user("finance.clerk"), material["sha256"]) == 200
    assert download(api, secretary, material["sha256"]) == 200
    assert download(api, user("edu.clerk"), material["sha256"]) == 404


def test_migrations_build_exactly_the_tables_the_code_uses(engine: sa.Engine) -> None:
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), t.metadata)
    assert diff == []


def test_a_change_after_the_notice_voids_replies_and_the_room_is_booked_again(
        user: Users, clock: Clock) -> None:
    secretary = user("office.secretary")
    start = at_hour(clock, timedelta(days=2))
    meeting_id = create_meeting(secretary, start, attendees=[
        {"kind": "person", "id": "p-office.deputy"}, {"kind": "unit", "id": FINANCE_ID}])
    meet_ok(secretary, meeting_id, "book", room_id="r-1")
    meet_ok(secretary, meeting_id, "send_notice", check_in_code="1357")
    deputy = user("office.deputy")
    meet_ok(deputy, meeting_id, "reply", reply="attend")
    later = start + timedelta(days=1)
    meet_ok(secretary, meeting_id, "edit", changes={
        "start": later.isoformat(), "end": (later + timedelta(hours=1)).isoformat()})
    seen = kind_of(deputy, "meeting")[meeting_id]
    assert seen["status"] == "notified" and seen["replies"] == []
    change = seen["trace"][-1]
    assert change["action"] == "edit" and set(change["details"]["changed"]) == {"start", "end"}
    assert [r["kind"] for r in change["details"]["replies_reset"]] == ["attend"]
    assert seen["booking"] is None
    meet_ok(secretary, meeting_id, "book", room_id="r-1")  # booked again for the new time
    assert kind_of(secretary, "meeting")[meeting_id]["booking"]["state"] == "booked"
    meet_ok(deputy, meeting_id, "reply", reply="attend")  # and replied again
