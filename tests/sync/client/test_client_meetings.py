"""Meetings and supervision items from the client, against the real server app: offline work
pushed later, the room race between two secretaries, and a supervision item's first steps."""

from __future__ import annotations

import email.utils
from datetime import date, datetime, timedelta
from typing import Any

import httpx

from officeapp.core.verdict import Accepted
from officeapp.demo import DEMO_ROOMS, FINANCE_ID
from officeapp.meetings import (
    Attendee,
    BookingState,
    Decision,
    Meeting,
    MeetingAction,
    MeetingActionKind,
    MeetingStatus,
    ReplyKind,
    create_meeting,
    decide_meeting,
    decision_item_id,
)
from officeapp.store import LocalStore
from officeapp.supervision import (
    ActionKind,
    InboxReason,
    ItemQuery,
    Source,
    Status,
    SupervisionAction,
)
from sync.client import actions

from ..conftest import Clock
from .links import Hooked

K = MeetingActionKind


def _when(client: Any, days: int = 2, hour: int = 2) -> datetime:
    """Return a time `days` ahead of the client's clock, on the hour (UTC)."""
    now = client.engine._clock()
    return now.replace(minute=0, second=0, microsecond=0) + timedelta(days=days, hours=hour)


def _fields(start: datetime, **more: Any) -> dict[str, Any]:
    return {"title": "全市防汛工作调度会", "meeting_type": "专题会议", "start": start,
            "end": start + timedelta(hours=2), **more}


def _act(client: Any, meeting_id: str, action: MeetingAction) -> Any:
    return actions.act_meeting(client.store, person_id=client.person_id, meeting_id=meeting_id,
                               action=action, now=client.engine._clock())


def _meeting(client: Any, meeting_id: str) -> Meeting:
    found = client.store.get_record("meeting", meeting_id)
    assert found is not None
    return found


def test_a_meeting_made_offline_reaches_its_invitee_who_replies(make_client: Any) -> None:
    secretary, invitee = make_client("office.secretary"), make_client("finance.leader")
    secretary.link.up = False
    start = _when(secretary)
    draft = actions.create_meeting(
        secretary.store, person_id=secretary.person_id, now=secretary.engine._clock(),
        fields=_fields(start, host_id="p-office.leader",
                       attendees=[Attendee.person("p-finance.leader")]))
    assert isinstance(_act(secretary, draft.id, MeetingAction(K.BOOK, room_id="r-1")),
                      Accepted)
    notice = MeetingAction(K.SEND_NOTICE, check_in_code="2468")
    assert isinstance(_act(secretary, draft.id, notice), Accepted)
    assert [m.name for m in secretary.store.pending_mutations()] == [
        "meeting.create", "meeting.act", "meeting.act"]
    secretary.link.up = True
    secretary.sync()
    assert secretary.store.pending_mutations() == [] and secretary.store.rejections() == []
    sent = _meeting(secretary, draft.id)
    assert sent.status is MeetingStatus.NOTIFIED and sent.check_in_code == "2468"
    assert sent.booking is not None and sent.booking.state is BookingState.BOOKED
    invitee.sync()
    seen = _meeting(invitee, draft.id)
    assert seen.status is MeetingStatus.NOTIFIED and seen.check_in_code is None  # not staff
    actor = invitee.store.organisation().actor(invitee.person_id, invitee.engine._clock())
    assert [m.id for m in invitee.store.meetings.concerning(actor)] == [draft.id]
    day = (start - timedelta(hours=1), start + timedelta(hours=1))
    assert [b.room_id for b in invitee.store.meetings.bookings(*day)] == ["r-1"]
    reply = MeetingAction(K.REPLY, reply=ReplyKind.ATTEND)
    assert isinstance(_act(invitee, draft.id, reply), Accepted)
    invitee.sync()
    assert invitee.store.rejections() == []
    secretary.sync()
    (answer,) = _meeting(secretary, draft.id).replies
    assert (answer.replied_by, answer.kind) == ("p-finance.leader", ReplyKind.ATTEND)


def test_two_offline_bookings_of_one_room_the_second_is_reverted(make_client: Any) -> None:
    first, second = make_client("office.secretary"), make_client("finance.clerk")
    start = _when(first, days=3)
    made = []
    for client in (first, second):
        client.link.up = False
        meeting = actions.create_meeting(client.store, person_id=client.person_id,
                                         fields=_fields(start), now=client.engine._clock())
        booked = _act(client, meeting.id, MeetingAction(K.BOOK, room_id="r-1"))
        assert isinstance(booked, Accepted)  # each client only knows its own booking
        made.append(meeting.id)
    for client in (first, second):
        client.link.up = True
        client.sync()
    assert _meeting(first, made[0]).booking is not None
    lost = _meeting(second, made[1])
    assert lost.booking is None and lost.room_id is None  # the server kept the draft only
    (rejection,) = second.store.rejections()
    assert (rejection.code, rejection.kind, rejection.record_id) == (
        "meeting.room_taken", "meeting", made[1])
    assert rejection.document_id is None and rejection.args["action"]["room_id"] == "r-1"
    assert second.store.pending_mutations() == []
    second.sync()  # a second round changes nothing
    assert _meeting(second, made[1]).booking is None and len(second.store.rejections()) == 1
    # The loser picks another room.
    retry = _act(second, made[1], MeetingAction(K.BOOK, room_id="r-2"))
    assert isinstance(retry, Accepted)
    second.sync()
    assert second.store.rejections()[0].mutation_id == rejection.mutation_id
    rebooked = _meeting(second, made[1]).booking
    assert rebooked is not None and rebooked.room_id == "r-2"


def test_a_supervision_item_made_offline_is_received_and_reported_on(make_client: Any) -> None:
    supervisor, lead = make_client("office.supervisor"), make_client("finance.clerk")
    supervisor.link.up = False
    now = supervisor.store.corrected_now()
    item = actions.create_supervision_item(
        supervisor.store, person_id=supervisor.person_id, now=now, fields={
            "title": "推进数字政府建设一期工程", "source": Source.LEADER_INSTRUCTION,
            "content": "按期完成一期工程建设", "lead_unit_id": FINANCE_ID,
            "deadline": now + timedelta(days=30)})
    for kind in (ActionKind.OPEN, ActionKind.ASSIGN):
        done = actions.act_supervision(supervisor.store, person_id=supervisor.person_id,
                                       item_id=item.id, action=SupervisionAction(kind),
                                       now=supervisor.store.corrected_now())
        assert isinstance(done, Accepted), done
    assert supervisor.store.pending_mutations()[-1].args["action"]["expected_status"] == "opened"
    supervisor.link.up = True
    supervisor.sync()
    assert supervisor.store.pending_mutations() == [] and supervisor.store.rejections() == []
    lead.sync()
    now = lead.store.corrected_now()
    actor = lead.store.organisation().actor(lead.person_id, now)
    (entry,) = lead.store.supervision.inbox(actor, now=now)
    assert (entry.item_id, entry.reason) == (item.id, InboxReason.TO_RECEIVE)
    for action in (SupervisionAction(ActionKind.RECEIVE),
                   SupervisionAction(ActionKind.REPORT, text="已完成招标", percent=30)):
        done = actions.act_supervision(lead.store, person_id=lead.person_id, item_id=item.id,
                                       action=action, now=lead.store.corrected_now())
        assert isinstance(done, Accepted), done
    lead.sync()
    assert lead.store.rejections() == []
    supervisor.sync()
    now = supervisor.store.corrected_now()
    (row,) = supervisor.store.supervision.rows(ItemQuery(unit_id=FINANCE_ID, lead_only=True),
                                               now=now)
    assert (row.id, row.status, row.percent) == (item.id, Status.IN_PROGRESS, 30)
    reported = supervisor.store.get_record("supervision", item.id)
    assert reported is not None and reported.progress_reports[0].text == "已完成招标"


def test_a_stale_supervision_action_is_refused_and_reverted(make_client: Any) -> None:
    supervisor, lead = make_client("office.supervisor"), make_client("finance.clerk")
    now = supervisor.store.corrected_now()
    item = actions.create_supervision_item(
        supervisor.store, person_id=supervisor.person_id, now=now, fields={
            "title": "办理人大建议第12号", "source": Source.PROPOSAL, "content": "答复代表",
            "lead_unit_id": FINANCE_ID, "deadline": (now + timedelta(days=20)).date()})
    for kind in (ActionKind.OPEN, ActionKind.ASSIGN):
        actions.act_supervision(supervisor.store, person_id=supervisor.person_id,
                                item_id=item.id, action=SupervisionAction(kind),
                                now=supervisor.store.corrected_now())
    supervisor.sync()
    lead.sync()
    lead.link.up = False
    received = actions.act_supervision(lead.store, person_id=lead.person_id, item_id=item.id,
                                       action=SupervisionAction(ActionKind.RECEIVE),
                                       now=lead.store.corrected_now())
    assert isinstance(received, Accepted)
    # Meanwhile the bureau's leader signs for it on another installation.
    other = make_client("finance.leader")
    first = actions.act_supervision(other.store, person_id=other.person_id, item_id=item.id,
                                    action=SupervisionAction(ActionKind.RECEIVE),
                                    now=other.store.corrected_now())
    assert isinstance(first, Accepted), first
    other.sync()
    lead.link.up = True
    lead.sync()
    (rejection,) = lead.store.rejections()
    assert (rejection.kind, rejection.record_id, rejection.code) == (
        "supervision", item.id, "supervision.status_moved")
    shown = lead.store.get_record("supervision", item.id)
    assert shown is not None and shown.status is Status.RECEIVED
    assert shown.received_by == "p-finance.leader"
    assert lead.store.pending_mutations() == []


def test_the_engine_keeps_the_server_clock_offset(make_client: Any, clock: Clock) -> None:
    supervisor = make_client("office.supervisor")
    assert abs(supervisor.store.corrected_now() - clock()) < timedelta(seconds=30)

    async def ahead(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        # As if the server's clock were five hours ahead of this machine's.
        stamp = clock() + timedelta(hours=5)
        response.headers["Date"] = email.utils.format_datetime(stamp, usegmt=True)
        return response

    supervisor.link.inner = Hooked(supervisor.link.inner, after=ahead)
    supervisor.sync()
    offset = float(supervisor.store.get_meta("server_offset_seconds") or 0)
    assert abs(offset - 5 * 3600) < 30
    expected = clock() + timedelta(hours=5)
    assert abs(supervisor.store.corrected_now() - expected) < timedelta(seconds=30)


def test_a_decision_opened_offline_names_the_item_the_server_will_make(
        tmp_path: Any, org: Any) -> None:
    start = datetime.fromisoformat("2026-11-25T09:00:00+08:00")
    store = LocalStore.open(tmp_path / "supervisor.sqlite3")
    store.save_directory(units=org.units.values(), people=org.people.values(),
                         rooms=DEMO_ROOMS)
    secretary = org.actor("p-office.secretary", start)
    meeting = create_meeting(meeting_id="m-1", actor=secretary, now=start - timedelta(days=2),
                             fields={"title": "市政府第12次常务会议", "meeting_type": "常务会议",
                                     "start": start.isoformat(),
                                     "end": (start + timedelta(hours=1)).isoformat(),
                                     "location": "市委党校",
                                     "attendees": [{"kind": "person", "id": "p-finance.leader"}]})
    decision = Decision(no=1, text="市财政局牵头完成预算草案修改。", lead_unit_id=FINANCE_ID,
                        deadline=date(2026, 12, 31))
    steps = [(MeetingAction(K.SEND_NOTICE), start - timedelta(days=1)),
             (MeetingAction(K.RECORD_MINUTES, text="纪要", decisions=(decision,)),
              start + timedelta(hours=2)),
             (MeetingAction(K.PUBLISH_MINUTES), start + timedelta(hours=3))]
    for action, at in steps:
        outcome = decide_meeting(meeting, secretary, action, at)
        assert isinstance(outcome, Accepted), outcome
        meeting = outcome.record
    store.put_records("meeting", [meeting])
    opened = actions.act_meeting(
        store, person_id="p-office.supervisor", meeting_id="m-1",
        action=MeetingAction(K.OPEN_SUPERVISION, decision_no=1, supervision_item_id="mine"),
        now=start + timedelta(hours=4))
    assert isinstance(opened, Accepted)
    expected = decision_item_id("m-1", 1)
    assert opened.record.minutes is not None
    assert opened.record.minutes.decisions[0].supervision_item_id == expected
    (mutation,) = store.pending_mutations()
    assert mutation.args["action"]["supervision_item_id"] == expected
    store.close()
