"""督办事项 as a record kind: its inbox entries say what `supervision.inbox` says waits for
whom (on time: a late item's reasons change, not who it waits for)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from officeapp.core.inbox import reaches
from officeapp.demo import DEMO_PEOPLE
from officeapp.supervision import ActionKind, Status, SupervisionItem, inbox_entries
from officeapp.supervision.codec import item_from_dict, item_to_dict
from officeapp.supervision.kind import SUPERVISION, files
from officeapp.workflow import Attachment

from .conftest import DEADLINE, Sup

A = ActionKind
PEOPLE = [p.username for p in DEMO_PEOPLE]


def items(sup: Sup) -> list[SupervisionItem]:
    approval = sup.do(sup.draft(needs_approval=True), "office.supervisor", A.OPEN)
    extension = sup.do(sup.to(Status.IN_PROGRESS), "finance.clerk", A.REQUEST_EXTENSION,
                       text="x", deadline=DEADLINE + timedelta(days=5))
    found = [sup.draft(), sup.to(Status.OPENED), sup.to(Status.ASSIGNED),
             sup.to(Status.IN_PROGRESS), sup.to(Status.COMPLETION_REQUESTED), approval,
             extension, sup.to(Status.COMPLETED)]
    return [replace(item, id=f"s-{n}") for n, item in enumerate(found)]


def test_an_item_waits_for_whom_the_supervision_inbox_says(sup: Sup) -> None:
    walked = items(sup)
    for username in PEOPLE:
        actor = sup.actor(username)
        rule = {e.item_id for e in inbox_entries(walked, actor, sup.clock)}
        kind = {item.id for item in walked
                if any(reaches(e, actor) and not e.done for e in SUPERVISION.inbox(item))}
        assert kind == rule, username


def test_the_tasks_are_named_for_what_is_asked(sup: Sup) -> None:
    tasks = [sorted({e.task for e in SUPERVISION.inbox(item) if not e.done})
             for item in items(sup)]
    assert tasks == [["open"], ["assign"], ["sign_for"], ["assist", "report"],
                     ["review"], ["approve"], ["assist", "decide_extension", "report"], []]


def test_who_acted_has_it_done(sup: Sup) -> None:
    item = sup.to(Status.IN_PROGRESS)
    done = {e.person_id: e.task for e in SUPERVISION.inbox(item) if e.done}
    assert done == {"p-office.supervisor": "assign", "p-finance.clerk": "report"}


def test_the_kind_codec_and_files_are_the_items(sup: Sup) -> None:
    file = Attachment("进展.pdf", "c" * 64, 5)
    item = sup.do(sup.to(Status.RECEIVED), "finance.clerk", A.REPORT, percent=10, text="t",
                  attachments=(file,))
    assert SUPERVISION.to_dict is item_to_dict and SUPERVISION.from_dict is item_from_dict
    assert SUPERVISION.from_dict(SUPERVISION.to_dict(item)) == item
    assert files(item) == (file,) and list(SUPERVISION.attachments(item)) == [file.sha256]
    assert SUPERVISION.columns["status"](item) is Status.IN_PROGRESS
