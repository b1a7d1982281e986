"""留痕 for 会议 and 督办 as for 公文: an action taken offline keeps, in the record's trace, when
the person acted (their client's server-corrected clock) beside when the server accepted it;
a claim without its zone is refused, one in the future or within a minute is dropped."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from .conftest import User
from .office_work import item_fields, kind_of, meeting_fields

Users = Callable[[str], User]


def _trace(who: User, kind: str, record_id: str) -> list[dict[str, Any]]:
    trace: list[dict[str, Any]] = kind_of(who, kind)[record_id]["trace"]
    return trace


def test_a_meeting_made_and_edited_offline_keeps_when(user: Users) -> None:
    secretary = user("office.secretary")
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
    made = (datetime.now(UTC) - timedelta(minutes=40)).isoformat()
    sent = (datetime.now(UTC) - timedelta(minutes=30)).isoformat()
    meeting_id = str(uuid.uuid4())
    created = secretary.push_one("meeting.create", meeting_id=meeting_id,
                                 fields=meeting_fields(start), acted_at=made)
    assert created["status"] == "applied", created
    edited = secretary.push_one("meeting.act", meeting_id=meeting_id,
                                  action={"kind": "edit", "acted_at": sent,
                                          "changes": {"title": "财政预算执行调度会（调整）"}})
    assert edited["status"] == "applied", edited
    first, last = _trace(secretary, "meeting", meeting_id)
    assert (first["acted_at"], last["acted_at"]) == (made, sent)
    assert first["at"] > made and last["at"] > sent


def test_a_supervision_item_made_and_opened_offline_keeps_when(user: Users) -> None:
    supervisor = user("office.supervisor")
    deadline = datetime.now(UTC) + timedelta(days=30)
    made = (datetime.now(UTC) - timedelta(minutes=40)).isoformat()
    opened = (datetime.now(UTC) - timedelta(minutes=30)).isoformat()
    item_id = str(uuid.uuid4())
    created = supervisor.push_one("supervision.create", item_id=item_id,
                                  fields=item_fields(deadline), acted_at=made)
    assert created["status"] == "applied", created
    result = supervisor.push_one("supervision.act", item_id=item_id,
                                 action={"kind": "open", "acted_at": opened})
    assert result["status"] == "applied", result
    first, last = _trace(supervisor, "supervision", item_id)
    assert (first["acted_at"], last["acted_at"]) == (made, opened)


def test_claims_without_a_zone_are_refused_and_future_ones_dropped(user: Users) -> None:
    secretary, supervisor = user("office.secretary"), user("office.supervisor")
    start = datetime.now(UTC) + timedelta(days=3)
    for bad in ("yesterday", "2026-12-06T02:49:00"):
        result = secretary.push_one("meeting.create", meeting_id=str(uuid.uuid4()),
                                    fields=meeting_fields(start), acted_at=bad)
        assert (result["status"], result["code"]) == ("rejected", "mutation.invalid_args")
        result = supervisor.push_one("supervision.create", item_id=str(uuid.uuid4()),
                                     fields=item_fields(start), acted_at=bad)
        assert (result["status"], result["code"]) == ("rejected", "mutation.invalid_args")
    future = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    meeting_id = str(uuid.uuid4())
    result = secretary.push_one("meeting.create", meeting_id=meeting_id,
                                fields=meeting_fields(start), acted_at=future)
    assert result["status"] == "applied"
    assert _trace(secretary, "meeting", meeting_id)[0]["acted_at"] is None
