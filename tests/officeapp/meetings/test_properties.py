"""Random action sequences by random people never break the meeting rules' invariants."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from officeapp.core.verdict import Accepted
from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS, EDU_ID, FINANCE_ID
from officeapp.meetings import (
    BookingIndex,
    Decision,
    Meeting,
    MeetingAction,
    MeetingActionKind,
    MeetingStatus,
    ReplyKind,
    Schedule,
    available_meeting_actions,
    create_meeting,
    decide_meeting,
    invitation_for,
)
from officeapp.meetings.codec import meeting_from_dict, meeting_to_dict
from officeapp.org import Organisation
from officeapp.workflow.codec import assignee_resolver

from .conftest import MEETING_FIELDS, ROOMS, START

ORG = Organisation(DEMO_UNITS, DEMO_PEOPLE)
RESOLVE = assignee_resolver(ORG)
PEOPLE = [p.id for p in DEMO_PEOPLE]
S = MeetingStatus
K = MeetingActionKind

# Where each status may lead by one accepted action.
NEXT: dict[MeetingStatus, set[MeetingStatus]] = {
    S.DRAFT: {S.DRAFT, S.NOTIFIED, S.CANCELLED},
    S.NOTIFIED: {S.NOTIFIED, S.HELD, S.CANCELLED},
    S.HELD: {S.HELD, S.MINUTED},
    S.MINUTED: {S.MINUTED},
    S.CANCELLED: {S.CANCELLED},
}

steps = st.fixed_dictionaries({
    "who": st.sampled_from(PEOPLE),
    "kind": st.sampled_from([k for k in MeetingActionKind if k is not K.CREATE]),
    "wait": st.sampled_from([0, 0, 1, 1, 5, 30, 60 * 6, 60 * 20]),
    "reply": st.none() | st.sampled_from(list(ReplyKind)),
    "reason": st.sampled_from(["", "出差"]),
    "person": st.none() | st.sampled_from(PEOPLE),
    "people": st.lists(st.sampled_from(PEOPLE), max_size=2),
    "code": st.sampled_from(["", "4821", "0000"]),
    "room": st.none() | st.sampled_from(sorted(ROOMS)),
    "decision_no": st.none() | st.integers(min_value=1, max_value=3),
})

DECISIONS = (Decision(0, "抓好落实", FINANCE_ID, (EDU_ID,), date(2026, 12, 31)),
             Decision(0, "原则同意"))


def build(raw: dict[str, Any]) -> MeetingAction:
    kind = raw["kind"]
    person = raw["person"]
    return MeetingAction(
        kind, reply=raw["reply"], reason=raw["reason"],
        deputy=None if person is None else RESOLVE(person),
        person=None if person is None else RESOLVE(person),
        people=tuple(RESOLVE(p) for p in raw["people"]), check_in_code=raw["code"],
        room_id=raw["room"], text="纪要正文", decisions=DECISIONS,
        decision_no=raw["decision_no"], supervision_item_id="sup-1",
        changes={"notes": "改"} if kind is K.EDIT else {},
    )


def check_step(before: Meeting, outcome: Accepted[Meeting], offered: list[MeetingActionKind],
               kind: MeetingActionKind) -> None:
    after = outcome.record
    assert kind in offered, f"{kind} succeeded but was not offered"
    assert after.trace[: len(before.trace)] == before.trace and len(outcome.trace) == 1
    assert after.trace[-1] is outcome.trace[0] and after.trace[-1].seq == len(after.trace)
    assert after.version == before.version + 1 == len(after.trace)
    assert after.replies[: len(before.replies)] == before.replies
    assert after.check_ins[: len(before.check_ins)] == before.check_ins
    assert after.status in NEXT[before.status]
    assert len({c.person_id for c in after.check_ins}) == len(after.check_ins)
    if before.status is S.MINUTED:
        assert before.minutes is not None and after.minutes is not None
        assert after.minutes.text == before.minutes.text
        assert [d.text for d in after.minutes.decisions] == [
            d.text for d in before.minutes.decisions]
    assert meeting_from_dict(meeting_to_dict(after)) == after


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), length=st.integers(min_value=1, max_value=30), series=st.booleans())
def test_random_actions_keep_the_invariants(data: st.DataObject, length: int,
                                            series: bool) -> None:
    clock = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    fields = {**MEETING_FIELDS, **({"recurrence": "FREQ=WEEKLY;COUNT=3"} if series else {})}
    meeting = create_meeting(meeting_id="m-p", actor=ORG.actor("p-office.secretary", clock),
                             fields=fields, now=clock)
    schedule = Schedule(ROOMS, BookingIndex())
    for _ in range(length):
        raw = data.draw(steps)
        clock += timedelta(minutes=raw["wait"] + 1)
        if data.draw(st.integers(0, 3)):
            _follow_the_buttons(data, raw, meeting, clock)
        actor = ORG.actor(raw["who"], clock)
        offered = available_meeting_actions(meeting, actor, clock)
        outcome = decide_meeting(meeting, actor, build(raw), clock, schedule=schedule)
        if isinstance(outcome, Accepted):
            check_step(meeting, outcome, offered, raw["kind"])
            meeting = outcome.record
            event(f"accepted {raw['kind']}")
        else:
            assert outcome.rejection.code and outcome.rejection.message
    event(f"ended {meeting.status}")


def _follow_the_buttons(data: st.DataObject, raw: dict[str, Any], meeting: Meeting,
                        now: datetime) -> None:
    """Mostly press a button on offer to someone, so that sequences get past the draft."""
    offers = [(p, k) for p in PEOPLE
              for k in available_meeting_actions(meeting, ORG.actor(p, now), now)
              if k is not K.CANCEL]
    if offers:
        raw["who"], raw["kind"] = data.draw(st.sampled_from(offers))


def test_check_ins_are_by_people_invited_at_the_time() -> None:
    clock = START - timedelta(minutes=10)
    meeting = create_meeting(meeting_id="m", actor=ORG.actor("p-office.secretary", clock),
                             fields=MEETING_FIELDS, now=clock)
    meeting = replace(meeting, status=S.NOTIFIED, check_in_code="4821")
    for person in PEOPLE:
        actor = ORG.actor(person, clock)
        outcome = decide_meeting(meeting, actor, MeetingAction(K.CHECK_IN, check_in_code="4821"),
                                 clock)
        invited = invitation_for(meeting, actor) is not None
        assert isinstance(outcome, Accepted) == invited, person
