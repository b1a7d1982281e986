"""The one 待办/已办 across record kinds: the inbox entries of meetings and supervision items
follow every put and revoke, agree with each area's rules, and page with the documents."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from officeapp.core.inbox import audiences, pool
from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS, EDU_ID, FINANCE_ID, OFFICE_ID
from officeapp.documents import Urgency
from officeapp.meetings import Attendee, Meeting, MeetingStatus, MeetingType, ReplyKind
from officeapp.meetings.kind import meeting_inbox
from officeapp.meetings.model import Reply
from officeapp.org import Delegation, Organisation
from officeapp.store import InboxFilter, InboxSort, LocalStore
from officeapp.store import inbox_entries as entries_table
from officeapp.store.inbox import SORT_KEYS
from officeapp.supervision import Source, Status, SupervisionItem, inbox_entries
from officeapp.supervision.kind import item_inbox
from officeapp.supervision.model import CompletionRequest

if TYPE_CHECKING:
    from conftest import Office

ORG = Organisation(DEMO_UNITS, DEMO_PEOPLE)
NOW = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
UNITS = ("u-city", OFFICE_ID, FINANCE_ID, EDU_ID)
PEOPLE = tuple(p.id for p in DEMO_PEOPLE)


def item(ident: str, status: Status, **more: object) -> SupervisionItem:
    values: dict[str, object] = {
        "title": f"督办{ident}", "source": Source.LEADER_INSTRUCTION,
        "supervisor_unit_id": OFFICE_ID, "created_by": "p-office.supervisor",
        "created_at": NOW, "status": status, "lead_unit_id": FINANCE_ID,
        "co_unit_ids": (EDU_ID,), "deadline": NOW + timedelta(days=30),
        "updated_at": NOW, **more}
    return SupervisionItem(id=ident, **values)  # type: ignore[arg-type]


def meeting(ident: str, **more: object) -> Meeting:
    values: dict[str, object] = {
        "title": f"会议{ident}", "meeting_type": MeetingType.OFFICE,
        "start": NOW + timedelta(days=2), "end": NOW + timedelta(days=2, hours=2),
        "organiser_unit_id": OFFICE_ID, "created_by": "p-office.secretary",
        "created_at": NOW, "status": MeetingStatus.NOTIFIED, "updated_at": NOW,
        "attendees": (Attendee.person("p-edu.leader"), Attendee.unit(FINANCE_ID)), **more}
    return Meeting(id=ident, **values)  # type: ignore[arg-type]


def todo(store: LocalStore, username: str, **filters: object) -> list[tuple[str, str, str]]:
    actor = ORG.actor(f"p-{username}", NOW)
    found = store.inbox_lines(actor=actor, folder="todo", now=NOW,
                              filters=InboxFilter(**filters))  # type: ignore[arg-type]
    return [(line.kind, line.record_id, line.task) for line in found]


def test_a_notified_meeting_asks_its_invitees_to_reply_and_the_unit_by_its_pool(
    store: LocalStore,
) -> None:
    store.put_records("meeting", [meeting("m-1")])
    assert todo(store, "edu.leader") == [("meeting", "m-1", "reply")]
    # A unit's invitation is answered by its clerks and leaders (UNIT_REPLIERS).
    assert todo(store, "finance.clerk") == [("meeting", "m-1", "reply")]
    assert todo(store, "finance.leader") == [("meeting", "m-1", "reply")]
    assert todo(store, "edu.clerk") == []


def test_a_reply_moves_the_meeting_to_done_and_a_revoke_removes_it(store: LocalStore) -> None:
    reply = Reply(1, Attendee.person("p-edu.leader"), ReplyKind.ATTEND, "p-edu.leader",
                  "郑局长", NOW)
    store.put_records("meeting", [meeting("m-1")])
    store.put_records("meeting", [meeting("m-1", replies=(reply,), check_in_code="")])
    assert todo(store, "edu.leader") == []
    leader = ORG.actor("p-edu.leader", NOW)
    done = store.inbox_lines(actor=leader, folder="done", now=NOW)
    assert [(d.kind, d.record_id) for d in done] == [("meeting", "m-1")]
    assert store.folder_counts(leader)["done"] == 1
    store.delete_records("meeting", ["m-1"])
    assert store.inbox_lines(actor=leader, folder="done", now=NOW) == []
    assert todo(store, "finance.clerk") == []


def test_a_reply_is_asked_until_the_meeting_ends(store: LocalStore) -> None:
    store.put_records("meeting", [meeting("m-1")])
    leader = ORG.actor("p-edu.leader", NOW)
    after = NOW + timedelta(days=3)
    assert store.inbox_lines(actor=leader, folder="todo", now=after) == []
    assert store.inbox_line_count(actor=leader, folder="todo", now=after) == 0


def test_a_delegate_sees_what_is_asked_of_whom_they_act_for(store: LocalStore) -> None:
    store.put_records("meeting", [meeting("m-1")])
    away = Delegation("p-edu.leader", "p-edu.clerk", NOW - timedelta(days=1),
                      NOW + timedelta(days=1))
    org = Organisation(DEMO_UNITS, DEMO_PEOPLE, (away,))
    clerk = org.actor("p-edu.clerk", NOW)
    assert "p-edu.leader" in audiences(clerk)
    found = store.inbox_lines(actor=clerk, folder="todo", now=NOW)
    assert [(f.kind, f.record_id, f.task) for f in found] == [("meeting", "m-1", "reply")]


def test_a_pending_write_and_its_revert_keep_the_entries_in_step(store: LocalStore) -> None:
    store.put_records("supervision", [item("s-1", Status.ASSIGNED)])
    assert todo(store, "finance.clerk") == [("supervision", "s-1", "sign_for")]
    store.put_records("supervision", [item("s-1", Status.RECEIVED)], pending=True)
    assert todo(store, "finance.clerk") == [("supervision", "s-1", "report")]
    assert todo(store, "edu.clerk") == [("supervision", "s-1", "assist")]
    store.revert_records("supervision", ["s-1"])
    assert todo(store, "finance.clerk") == [("supervision", "s-1", "sign_for")]
    assert todo(store, "edu.clerk") == []


def test_supervision_tasks_by_status(store: LocalStore) -> None:
    request = CompletionRequest("已完成", "p-finance.clerk", "刘会计", FINANCE_ID, NOW)
    store.put_records("supervision", [
        item("s-draft", Status.DRAFT), item("s-opened", Status.OPENED),
        item("s-review", Status.COMPLETION_REQUESTED, completion_request=request),
        item("s-approve", Status.PENDING_APPROVAL, approver_id="p-office.leader"),
    ])
    assert sorted(todo(store, "office.supervisor")) == [
        ("supervision", "s-draft", "open"), ("supervision", "s-opened", "assign"),
        ("supervision", "s-review", "review")]
    assert todo(store, "office.leader") == [("supervision", "s-approve", "approve")]
    assert pool(OFFICE_ID, "supervisor") in audiences(ORG.actor("p-office.supervisor", NOW))


def test_pages_merge_documents_and_other_kinds_in_one_order(store: LocalStore) -> None:
    store.put_records("supervision", [
        item("s-1", Status.ASSIGNED, deadline=NOW + timedelta(days=3), urgency=Urgency.URGENT),
        item("s-2", Status.ASSIGNED, deadline=NOW + timedelta(days=1)),
        item("s-3", Status.ASSIGNED, deadline=None, urgency=Urgency.EXTRA_URGENT)])
    store.put_records("meeting", [meeting("m-1")])
    clerk = ORG.actor("p-finance.clerk", NOW)
    by_deadline = store.inbox_lines(actor=clerk, folder="todo", now=NOW,
                                    sort=InboxSort("deadline", False))
    assert [line.record_id for line in by_deadline] == ["s-2", "m-1", "s-1", "s-3"]
    by_urgency = store.inbox_lines(actor=clerk, folder="todo", now=NOW,
                                   sort=InboxSort("urgency", True))
    assert [line.record_id for line in by_urgency][:2] == ["s-3", "s-1"]
    pages = [store.inbox_lines(actor=clerk, folder="todo", now=NOW, offset=n, limit=1,
                               sort=InboxSort("deadline", False))[0].record_id
             for n in range(4)]
    assert pages == ["s-2", "m-1", "s-1", "s-3"]
    assert store.inbox_line_count(actor=clerk, folder="todo", now=NOW) == 4
    assert store.todo_by_kind(clerk, now=NOW) == {"document": 0, "meeting": 1,
                                                  "supervision": 3}
    assert todo(store, "finance.clerk", kind="meeting") == [("meeting", "m-1", "reply")]
    assert todo(store, "finance.clerk", urgency=Urgency.EXTRA_URGENT) == [
        ("supervision", "s-3", "sign_for")]
    # A documents-only filter (高级搜索) lists documents alone.
    assert todo(store, "finance.clerk", created_by="p-office.clerk") == []


def test_pages_of_documents_and_entries_tile_the_whole_list(office: Office) -> None:
    drafts = [office.draft(title=f"文件{n}", urgency=u) for n, u in
              enumerate(("特急", "普通", "加急", "普通", "普通"))]
    office.store.put_records("supervision", [
        item(f"s-{n}", Status.ASSIGNED, lead_unit_id=OFFICE_ID, updated_at=office.tick(),
             deadline=NOW + timedelta(days=n % 3) if n % 2 else None,
             urgency=list(Urgency)[n % 3]) for n in range(5)])
    clerk = office.actor("office.clerk")
    for key in SORT_KEYS:
        for descending in (False, True):
            sort = InboxSort(key, descending)
            whole = office.store.inbox_lines(actor=clerk, folder="todo", sort=sort, limit=50,
                                             now=NOW)
            assert len(whole) == 10 and {w.record_id for w in whole} >= set(drafts)
            for size in (1, 3, 4):
                tiled = [line for offset in range(0, 10, size)
                         for line in office.store.inbox_lines(
                             actor=clerk, folder="todo", sort=sort, offset=offset,
                             limit=size, now=NOW)]
                assert tiled == whole, (key, descending, size)
    by_urgency = office.store.inbox_lines(actor=clerk, folder="todo", now=NOW,
                                          sort=InboxSort("urgency", True))
    ranks = [line.urgency_rank for line in by_urgency]
    assert ranks == sorted(ranks)


def test_a_line_asked_of_two_of_ones_audiences_shows_once_on_every_page(
    store: LocalStore,
) -> None:
    # The secretary is a clerk too: a unit's invitation asks both pools of the office.
    store.put_records("meeting", [
        meeting(f"m-{n}", attendees=(Attendee.unit(OFFICE_ID),), check_in_code="",
                start=NOW + timedelta(days=2, hours=n), end=NOW + timedelta(days=2, hours=n + 1))
        for n in range(7)])
    secretary = ORG.actor("p-office.secretary", NOW)
    assert len({pool(OFFICE_ID, "clerk"), pool(OFFICE_ID, "secretary")}
               & set(audiences(secretary))) == 2
    for sort in (InboxSort("deadline", False), InboxSort("deadline", True),
                 InboxSort("title", False)):
        whole = store.inbox_lines(actor=secretary, folder="todo", sort=sort, now=NOW)
        assert sorted(w.record_id for w in whole) == [f"m-{n}" for n in range(7)]
        for size in (1, 2, 3):
            tiled = [line for offset in range(0, 7, size)
                     for line in store.inbox_lines(actor=secretary, folder="todo", sort=sort,
                                                   offset=offset, limit=size, now=NOW)]
            assert tiled == whole, (sort, size)
    assert store.inbox_line_count(actor=secretary, folder="todo", now=NOW) == 7


def test_the_migration_fills_the_entries_of_stored_records(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with LocalStore.open(path) as store:
        store.put_records("supervision", [item("s-1", Status.ASSIGNED)])
        store.db.conn.execute("DELETE FROM inbox_entries")
        assert todo(store, "finance.clerk") == []
        entries_table.fill(store.db.conn)
        assert todo(store, "finance.clerk") == [("supervision", "s-1", "sign_for")]


# --- the entries agree with the areas' own rules ---------------------------------------------

LONG_BEFORE = NOW - timedelta(days=1000)  # nothing is late yet: lights are all green


@st.composite
def items(draw: st.DrawFn, ident: str) -> SupervisionItem:
    status = draw(st.sampled_from(list(Status)))
    lead = draw(st.one_of(st.none(), st.sampled_from(UNITS)))
    co = tuple(u for u in draw(st.lists(st.sampled_from(UNITS), max_size=3, unique=True))
               if u != lead)
    request = (CompletionRequest("已完成", "p-finance.clerk", "刘会计", FINANCE_ID, NOW)
               if status is Status.COMPLETION_REQUESTED else None)
    return item(ident, status, lead_unit_id=lead, co_unit_ids=co, completion_request=request,
                supervisor_unit_id=draw(st.sampled_from(UNITS)),
                approver_id=draw(st.sampled_from((None, "p-office.leader", "p-edu.leader"))),
                created_by=draw(st.sampled_from(("p-office.supervisor", "p-edu.clerk"))))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, 10**6), min_size=0, max_size=8, unique=True), st.data())
def test_supervision_entries_list_what_the_supervision_inbox_lists(
    numbers: list[int], data: st.DataObject,
) -> None:
    records = [data.draw(items(f"s-{n}")) for n in numbers]
    entries = [e for r in records for e in item_inbox(r) if not e.done]
    for person in PEOPLE:
        actor = ORG.actor(person, LONG_BEFORE)
        mine = set(audiences(actor))
        expected = {e.item_id for e in inbox_entries(records, actor, LONG_BEFORE)}
        assert {e.record_id for e in entries if e.person_id in mine} == expected, person


def test_meeting_entries_of_a_draft_ask_nothing() -> None:
    draft = meeting("m-1", status=MeetingStatus.DRAFT)
    assert [e for e in meeting_inbox(draft) if not e.done] == []
    notified = replace(draft, status=MeetingStatus.NOTIFIED, check_in_code="1234",
                       host_id="p-office.leader")
    tasks = {(e.person_id, e.task) for e in meeting_inbox(notified)}
    assert ("p-office.leader", "check_in") in tasks
    assert ("p-edu.leader", "reply") in tasks
