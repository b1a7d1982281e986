"""One JSON form for meetings and actions; malformed input is refused, never a crash."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS
from officeapp.errors import ValidationError
from officeapp.meetings import Attendee, Decision, MeetingAction, MeetingActionKind, ReplyKind
from officeapp.meetings.codec import (
    meeting_action_from_dict,
    meeting_action_to_dict,
    meeting_from_dict,
    meeting_to_dict,
)
from officeapp.org import Organisation
from officeapp.workflow.codec import assignee_resolver

from .conftest import Desk
from .test_minutes import published_meeting

K = MeetingActionKind


def test_a_meeting_with_everything_survives_json(desk: Desk) -> None:
    meeting = desk.do(published_meeting(desk), "office.supervisor", K.OPEN_SUPERVISION,
                      decision_no=1, supervision_item_id="sup-1")
    data = json.loads(json.dumps(meeting_to_dict(meeting), ensure_ascii=False))
    assert meeting_from_dict(data) == meeting


def test_a_series_with_a_pending_booking_survives_json(desk: Desk) -> None:
    meeting = desk.do(desk.create(recurrence="RRULE:FREQ=WEEKLY;COUNT=3"), "office.secretary",
                      K.BOOK, schedule=desk.schedule(), room_id="r-big")
    assert meeting.recurrence == "FREQ=WEEKLY;COUNT=3"
    assert meeting_from_dict(json.loads(json.dumps(meeting_to_dict(meeting)))) == meeting


def test_the_code_can_be_hidden_from_attendees(desk: Desk) -> None:
    meeting = desk.notified()
    assert meeting_to_dict(meeting)["check_in_code"] == "4821"
    hidden = meeting_from_dict(meeting_to_dict(meeting, hide_code=True))
    assert hidden.check_in_code is None


@pytest.mark.parametrize("damage", [
    lambda d: d.pop("title"),
    lambda d: d.update(start="昨天"),
    lambda d: d.update(start="2026-11-25T09:00:00"),
    lambda d: d.update(status="lost"),
    lambda d: d.update(attendees=[{"kind": "robot", "id": "x"}]),
    lambda d: d.update(attendees="everyone"),
    lambda d: d.update(replies=[{"seq": "one"}]),
    lambda d: d.update(version="2"),
    lambda d: d.update(minutes={"text": 5}),
    lambda d: d.update(trace=[None]),
])
def test_malformed_meetings_are_refused_with_a_code(desk: Desk, damage: Any) -> None:
    data = meeting_to_dict(desk.notified())
    damage(data)
    with pytest.raises(ValidationError) as error:
        meeting_from_dict(data)
    assert error.value.code == "meeting.malformed"


def test_a_stored_meeting_with_reversed_times_is_refused(desk: Desk) -> None:
    data = meeting_to_dict(desk.create())
    data["end"] = data["start"]
    with pytest.raises(ValidationError) as error:
        meeting_from_dict(data)
    assert error.value.code == "meeting.bad_time"


def test_actions_travel_with_people_as_ids(org: Organisation) -> None:
    resolve = assignee_resolver(org)
    action = MeetingAction(
        K.REPLY, reply=ReplyKind.ATTEND, attendee=Attendee.unit("u-edu"),
        people=(resolve("p-edu.clerk"), resolve("p-edu.leader")), deputy=resolve("p-edu.clerk"),
        person=resolve("p-office.deputy"), reason="r", check_in_code="1234",
        decisions=(Decision(1, "做某事", "u-finance", ("u-edu",), date(2026, 12, 1)),),
        decision_no=1, supervision_item_id="s", changes={"title": "t"}, room_id="r-1",
        text="纪要")
    data = json.loads(json.dumps(meeting_action_to_dict(action)))
    assert data["people"] == ["p-edu.clerk", "p-edu.leader"]
    assert meeting_action_from_dict(data, resolve) == action


def test_unknown_people_in_actions_are_refused(org: Organisation) -> None:
    with pytest.raises(ValidationError) as error:
        meeting_action_from_dict({"kind": "reply", "deputy": "p-nobody"}, assignee_resolver(org))
    assert error.value.code == "org.unknown_person"


@pytest.mark.parametrize("data", [
    None, [], {"kind": "fly"}, {"kind": "reply", "reply": "maybe"},
    {"kind": "reply", "people": "p-edu.clerk"}, {"kind": "check_in", "decision_no": "1"},
    {"kind": "record_minutes", "decisions": [{"text": "x", "deadline": "下周"}]},
    {"kind": "reply", "attendee": {"kind": "unit"}}, {"kind": "edit", "changes": []},
])
def test_malformed_actions_are_refused_with_a_code(org: Organisation, data: Any) -> None:
    with pytest.raises(ValidationError) as error:
        meeting_action_from_dict(data, assignee_resolver(org))
    assert error.value.code == "action.malformed"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner,
                                                                max_size=3),
    max_leaves=10,
)


@settings(max_examples=150, deadline=None)
@given(key=st.sampled_from(["id", "title", "meeting_type", "start", "end", "status", "room_id",
                            "attendees", "sit_in", "agenda", "booking", "replies", "check_ins",
                            "minutes", "trace", "version", "recurrence", "check_in_code"]),
       value=json_values)
def test_any_damaged_field_is_refused_or_read_never_a_crash(key: str, value: Any) -> None:
    data = meeting_to_dict(_SAMPLE)
    data[key] = value
    try:
        meeting_from_dict(data)
    except ValidationError as error:
        assert error.code.startswith("meeting.")


@settings(max_examples=150, deadline=None)
@given(data=st.dictionaries(st.sampled_from(["kind", "reply", "attendee", "people", "person",
                                             "deputy", "decisions", "decision_no", "changes",
                                             "reason", "text"]), json_values, max_size=6))
def test_any_action_input_is_refused_or_read_never_a_crash(data: dict[str, Any]) -> None:
    org = _ORG
    try:
        meeting_action_from_dict({"kind": "reply", **data}, assignee_resolver(org))
    except ValidationError as error:
        assert error.code in ("action.malformed", "org.unknown_person")


def _sample() -> Any:
    org = Organisation(DEMO_UNITS, DEMO_PEOPLE)
    desk = Desk(org, datetime(2026, 11, 23, 9, 30, tzinfo=UTC))
    return org, published_meeting(desk)


_ORG, _SAMPLE = _sample()
