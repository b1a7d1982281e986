"""Helpers for the server tests of meetings and supervision: pushing their mutations and
reading what a user pulled."""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

from officeapp.demo import FINANCE_ID

from .conftest import Api, Clock, User

CST = timezone(timedelta(hours=8))
BLOBS = "/api/v1/blobs"


def at_hour(clock: Clock, ahead: timedelta) -> datetime:
    """Return a whole hour about `ahead` of the server clock, in Beijing time."""
    return (clock() + ahead).astimezone(CST).replace(minute=0, second=0, microsecond=0)


def meeting_fields(start: datetime, /, **fields: Any) -> dict[str, Any]:
    """Return `meeting.create` fields for a one-hour 办公会 at `start`."""
    return {"title": "财政预算执行调度会", "meeting_type": "办公会",
            "start": start.isoformat(), "end": (start + timedelta(hours=1)).isoformat(),
            **fields}


def create_meeting(who: User, start: datetime, **fields: Any) -> str:
    """Push `meeting.create` and return the new meeting's id."""
    meeting_id = str(uuid.uuid4())
    result = who.push_one("meeting.create", meeting_id=meeting_id,
                          fields=meeting_fields(start, **fields))
    assert result["status"] == "applied", result
    return meeting_id


def meet(who: User, meeting_id: str, kind: str, **action: Any) -> dict[str, Any]:
    """Push one `meeting.act` and return its result."""
    return who.push_one("meeting.act", meeting_id=meeting_id, action={"kind": kind, **action})


def meet_ok(who: User, meeting_id: str, kind: str, **action: Any) -> None:
    """Push one `meeting.act` that must be applied."""
    result = meet(who, meeting_id, kind, **action)
    assert result["status"] == "applied", result


def kind_of(who: User, kind: str) -> dict[str, dict[str, Any]]:
    """Sync and return the user's mirrored records of one kind, by id."""
    who.sync()
    return {key[1]: data for key, data in who.mirror.items() if key[0] == kind}


def item_fields(deadline: datetime, /, **fields: Any) -> dict[str, Any]:
    """Return `supervision.create` fields for an item led by the finance bureau."""
    return {"title": "加快推进老旧小区改造资金拨付", "source": "领导批示",
            "content": "请于期限内完成第二批资金拨付并反馈。", "lead_unit_id": FINANCE_ID,
            "deadline": deadline.isoformat(), **fields}


def create_item(who: User, deadline: datetime, **fields: Any) -> str:
    """Push `supervision.create` and return the new item's id."""
    item_id = str(uuid.uuid4())
    result = who.push_one("supervision.create", item_id=item_id,
                          fields=item_fields(deadline, **fields))
    assert result["status"] == "applied", result
    return item_id


def supervise(who: User, item_id: str, kind: str, **action: Any) -> dict[str, Any]:
    """Push one `supervision.act` and return its result."""
    return who.push_one("supervision.act", item_id=item_id, action={"kind": kind, **action})


def supervise_ok(who: User, item_id: str, kind: str, **action: Any) -> None:
    """Push one `supervision.act` that must be applied."""
    result = supervise(who, item_id, kind, **action)
    assert result["status"] == "applied", result


def assigned_item(supervisor: User, deadline: datetime, **fields: Any) -> str:
    """Create, open and assign an item; return its id."""
    item_id = create_item(supervisor, deadline, **fields)
    supervise_ok(supervisor, item_id, "open")
    supervise_ok(supervisor, item_id, "assign")
    return item_id


def upload(api: Api, who: User, data: bytes, name: str) -> dict[str, Any]:
    """Upload a blob in one chunk; return the attachment field naming it."""
    sha = hashlib.sha256(data).hexdigest()
    announced = api.post(BLOBS, json={"sha256": sha, "size": len(data)}, headers=who.headers)
    assert announced.status_code == 200, announced.text
    sent = api.request("PATCH", f"{BLOBS}/{sha}", content=data,
                       headers={**who.headers, "Upload-Offset": "0",
                                "Content-Type": "application/offset+octet-stream"})
    assert sent.status_code == 200, sent.text
    return {"name": name, "sha256": sha, "size": len(data)}


def download(api: Api, who: User, sha256: str) -> int:
    """Return the status of downloading a blob."""
    return api.get(f"{BLOBS}/{sha256}", headers=who.headers).status_code
