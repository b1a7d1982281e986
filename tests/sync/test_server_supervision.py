"""Supervision items through the server: the whole flow by push and pull, who sees and who may
act, sub-items, progress-report downloads and malformed input."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta

from officeapp.demo import EDU_ID, FINANCE_ID

from .conftest import Api, Clock, User
from .office_work import (
    assigned_item,
    create_item,
    download,
    item_fields,
    kind_of,
    supervise,
    supervise_ok,
    upload,
)

Users = Callable[[str], User]


def test_item_from_drafting_to_completion_with_a_forbidden_actor(user: Users,
                                                                 clock: Clock) -> None:
    supervisor = user("office.supervisor")
    deadline = clock() + timedelta(days=10)
    item_id = create_item(supervisor, deadline, co_unit_ids=[EDU_ID],
                          cycle={"kind": "weekly"})
    finance, edu = user("finance.clerk"), user("edu.clerk")
    assert kind_of(finance, "supervision") == {}  # a draft is the supervisors' own
    hidden = supervise(finance, item_id, "receive")
    missing = supervise(finance, str(uuid.uuid4()), "receive")
    assert hidden["code"] == missing["code"] == "supervision.not_found"
    assert hidden["message"] == missing["message"]

    supervise_ok(supervisor, item_id, "open")
    supervise_ok(supervisor, item_id, "assign", text="请抓紧办理")
    assert kind_of(finance, "supervision")[item_id]["status"] == "assigned"
    assert kind_of(edu, "supervision")[item_id]["status"] == "assigned"
    wrong = supervise(edu, item_id, "receive")  # a co-unit sees it but may not receive it
    assert (wrong["status"], wrong["code"]) == ("rejected", "supervision.forbidden")
    supervise_ok(finance, item_id, "receive", expected_status="assigned")
    moved = supervise(finance, item_id, "receive", expected_status="assigned")
    assert moved["code"] == "supervision.status_moved"
    assert moved["details"]["last_actor_name"] == "刘会计"

    supervise_ok(finance, item_id, "report", percent=40, text="第一批资金已拨付")
    supervise_ok(edu, item_id, "report", percent=20, text="配合完成学校名单核对")
    later = (deadline + timedelta(days=7)).isoformat()
    supervise_ok(finance, item_id, "request_extension", text="第二批需等待审计", deadline=later)
    supervise_ok(supervisor, item_id, "approve_extension", text="同意")
    supervise_ok(finance, item_id, "request_completion", text="资金已全部拨付到位")
    assert supervise(edu, item_id, "complete")["code"] == "supervision.forbidden"
    supervise_ok(supervisor, item_id, "complete", text="同意办结")

    done = kind_of(finance, "supervision")[item_id]
    assert done["status"] == "completed"
    assert done["deadline"] == later
    assert [r["percent"] for r in done["progress_reports"]] == [40, 20]
    assert [e["action"] for e in done["trace"]] == [
        "create", "open", "assign", "receive", "report", "report", "request_extension",
        "approve_extension", "request_completion", "complete"]
    assert kind_of(supervisor, "supervision")[item_id] == done


def test_sub_items_need_a_visible_parent(user: Users, clock: Clock) -> None:
    supervisor = user("office.supervisor")
    deadline = clock() + timedelta(days=10)
    parent = assigned_item(supervisor, deadline)
    child = str(uuid.uuid4())
    made = supervisor.push_one("supervision.create", item_id=child, parent_id=parent,
                               fields={"title": "分解：第一批资金拨付", "lead_unit_id": EDU_ID})
    assert made["status"] == "applied", made
    stored = kind_of(supervisor, "supervision")[child]
    assert (stored["parent_id"], stored["source"]) == (parent, "领导批示")
    too_late = supervisor.push_one(
        "supervision.create", item_id=str(uuid.uuid4()), parent_id=parent,
        fields={"title": "分解", "deadline": (deadline + timedelta(days=1)).isoformat()})
    assert too_late["code"] == "supervision.invalid_deadline"
    outsider = user("edu.leader")  # the parent is not the education bureau's to see
    answers = [outsider.push_one("supervision.create", item_id=str(uuid.uuid4()),
                                 parent_id=parent_id, fields={"title": "分解"})
               for parent_id in (parent, str(uuid.uuid4()))]
    assert [a["code"] for a in answers] == ["supervision.not_found"] * 2
    assert answers[0]["message"] == answers[1]["message"]


def test_progress_report_attachment_downloads_for_who_sees_the_item(user: Users, clock: Clock,
                                                                    api: Api) -> None:
    supervisor = user("office.supervisor")
    item_id = assigned_item(supervisor, clock() + timedelta(days=10))
    finance = user("finance.clerk")
    supervise_ok(finance, item_id, "receive")
    photo = upload(api, finance, b"\x89PNG" + bytes(range(256)) * 40, "现场照片.png")
    supervise_ok(finance, item_id, "report", percent=60, text="现场已完工", attachments=[photo])
    assert download(api, supervisor, photo["sha256"]) == 200
    assert download(api, user("finance.leader"), photo["sha256"]) == 200
    assert download(api, user("edu.clerk"), photo["sha256"]) == 404


def test_malformed_supervision_mutations_are_rejected_never_a_500(user: Users,
                                                                  clock: Clock) -> None:
    supervisor = user("office.supervisor")
    deadline = clock() + timedelta(days=10)
    item_id = create_item(supervisor, deadline)
    invalid = [
        ("supervision.create", {"item_id": "42", "fields": item_fields(deadline)}),
        ("supervision.create", {"item_id": str(uuid.uuid4()), "fields": ["督办"]}),
        ("supervision.create", {"item_id": str(uuid.uuid4()), "fields": {}, "parent_id": ""}),
        ("supervision.act", {"item_id": item_id}),
        ("supervision.act", {"item_id": item_id, "action": "open"}),
    ]
    results = supervisor.push(*(supervisor.mutation(n, **a) for n, a in invalid)).json()
    assert [r["code"] for r in results["results"]] == ["mutation.invalid_args"] * len(invalid)
    domain = [
        ("supervision.act", {"item_id": item_id, "action": {"kind": "fly"}}),
        ("supervision.act", {"item_id": item_id, "action": {"kind": "report", "percent": "x"}}),
        ("supervision.create", {"item_id": str(uuid.uuid4()),
                                "fields": item_fields(deadline, lead_unit_id="u-nowhere")}),
        ("supervision.create", {"item_id": str(uuid.uuid4()),
                                "fields": item_fields(deadline, informed_ids=["p-nobody"])}),
        ("supervision.create", {"item_id": str(uuid.uuid4()),
                                "fields": item_fields(deadline, deadline="下周五")}),
        ("supervision.create", {"item_id": item_id, "fields": item_fields(deadline)}),
        ("supervision.act", {"item_id": item_id, "action": {"kind": "edit", "changes": {
            "co_unit_ids": [FINANCE_ID, "u-nowhere"]}}}),
    ]
    results = supervisor.push(*(supervisor.mutation(n, **a) for n, a in domain)).json()
    assert [r["code"] for r in results["results"]] == [
        "supervision.malformed_action", "supervision.malformed_action",
        "supervision.unknown_unit", "supervision.unknown_person", "supervision.invalid_deadline",
        "supervision.exists", "supervision.unknown_unit"]
