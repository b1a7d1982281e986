"""The inbox: 待办 / 已办 / 我发起的 as SQL pages, with filters, sorting, paging and counts."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS, EDU_ID, FINANCE_ID, OFFICE_ID
from officeapp.documents import URGENCY_RANK, Direction, DocType, Urgency
from officeapp.errors import ValidationError
from officeapp.org import Actor, Organisation
from officeapp.store import InboxFilter, InboxSort, LocalStore, inbox
from officeapp.store.db import timestamp
from officeapp.store.rows import status_of
from officeapp.workflow import (
    WORKFLOWS,
    ActionKind,
    Circulation,
    Document,
    Informed,
    Status,
    TraceEntry,
    may_hold,
)
from officeapp.workflow.engine import holders_for

if TYPE_CHECKING:
    from conftest import Office


def _ids(store: LocalStore, actor: Actor, folder: inbox.Folder, **kwargs: object) -> list[str]:
    return [row.id for row in store.inbox(actor=actor, folder=folder, **kwargs)]  # type: ignore[arg-type]


def test_a_submitted_draft_waits_for_the_reviewer_not_for_its_drafter(office: Office) -> None:
    doc_id = office.draft()
    clerk, reviewer = office.actor("office.clerk"), office.actor("office.reviewer")
    assert _ids(office.store, clerk, "todo") == [doc_id]  # the drafter holds the draft
    office.accept(doc_id, "office.clerk", "approve", opinion="请核稿")
    assert _ids(office.store, reviewer, "todo") == [doc_id]
    assert _ids(office.store, office.actor("office.leader"), "todo") == [doc_id]
    # The review pool is the drafter's own unit and role, but nobody checks their own draft.
    assert _ids(office.store, clerk, "todo") == []
    assert _ids(office.store, clerk, "done") == [doc_id]
    assert _ids(office.store, clerk, "mine") == [doc_id]
    assert _ids(office.store, reviewer, "mine") == []
    assert _ids(office.store, office.actor("finance.clerk"), "todo") == []


def test_countersigning_moves_the_document_to_done(office: Office) -> None:
    doc_id = office.draft()
    office.accept(doc_id, "office.clerk", "approve", opinion="请核稿", unit_ids=(FINANCE_ID,))
    office.accept(doc_id, "office.reviewer", "approve", opinion="同意")
    leader = office.actor("finance.leader")
    assert _ids(office.store, leader, "todo") == [doc_id]
    assert _ids(office.store, leader, "done") == []
    office.accept(doc_id, "finance.leader", "approve", opinion="无意见")
    assert _ids(office.store, leader, "todo") == []
    assert _ids(office.store, leader, "done") == [doc_id]
    assert office.store.folder_counts(leader) == {"todo": 0, "done": 1, "mine": 0, "all": 1,
                                                  "informed": 0, "informed_unread": 0}
    assert _ids(office.store, office.actor("office.leader"), "todo") == [doc_id]  # 签发


def test_a_claimed_pool_leaves_the_others_inboxes(office: Office) -> None:
    doc_id = office.draft()
    office.accept(doc_id, "office.clerk", "approve", opinion="请核稿")
    office.accept(doc_id, "office.reviewer", "claim")
    assert _ids(office.store, office.actor("office.reviewer"), "todo") == [doc_id]
    assert _ids(office.store, office.actor("office.secretary"), "todo") == []
    assert _ids(office.store, office.actor("office.leader"), "todo") == []


def test_unread_circulations_are_todo_until_acknowledged(office: Office) -> None:
    doc_id = office.draft()
    office.issue(doc_id)
    reader = office.actor("edu.leader")
    assert _ids(office.store, reader, "todo") == []
    office.accept(doc_id, "office.leader", "circulate", assignees=("edu.leader",))
    assert _ids(office.store, reader, "todo") == [doc_id]
    office.accept(doc_id, "edu.leader", "acknowledge", opinion="已阅")
    assert _ids(office.store, reader, "todo") == []
    assert _ids(office.store, reader, "done") == [doc_id]


def test_informed_documents_are_in_their_own_folder_never_in_todo(office: Office) -> None:
    doc_id = office.draft()
    office.accept(doc_id, "office.clerk", "approve", opinion="请核稿")
    reader = office.actor("edu.leader")
    office.accept(doc_id, "office.clerk", "inform", assignees=("edu.leader",), opinion="请知悉")
    assert _ids(office.store, reader, "informed") == [doc_id]
    assert _ids(office.store, reader, "todo") == []
    counts = office.store.folder_counts(reader)
    assert (counts["informed"], counts["informed_unread"], counts["todo"]) == (1, 1, 0)
    assert office.store.unread_informed_ids(reader, [doc_id, "other"]) == {doc_id}
    assert office.store.inbox_count(actor=reader, folder="informed",
                                    filters=InboxFilter(text="预算")) == 0
    office.accept(doc_id, "edu.leader", "read")
    # Read: still in 知会我的 (to find it again), no longer counted as unread.
    assert _ids(office.store, reader, "informed") == [doc_id]
    counts = office.store.folder_counts(reader)
    assert (counts["informed"], counts["informed_unread"]) == (1, 0)
    assert office.store.unread_informed_ids(reader, [doc_id]) == set()
    assert _ids(office.store, office.actor("office.leader"), "informed") == []


def test_a_delegate_sees_the_principals_personal_work(office: Office) -> None:
    doc_id = office.draft()
    office.accept(doc_id, "office.clerk", "approve", opinion="请核稿")
    office.accept(doc_id, "office.reviewer", "claim")
    deputy = office.actor("office.supervisor")
    assert _ids(office.store, deputy, "todo") == []
    acting = replace(deputy, acting_for=frozenset({"p-office.reviewer"}))
    assert _ids(office.store, acting, "todo") == [doc_id]


def test_incoming_handling_reaches_lead_and_co_units(office: Office) -> None:
    doc_id = office.register()
    office.accept(doc_id, "office.clerk", "approve")
    office.accept(doc_id, "office.clerk", "approve", opinion="拟请财政局牵头办理")
    office.accept(doc_id, "office.leader", "approve", opinion="请财政局牵头，教育局配合",
                  lead_unit_id=FINANCE_ID, unit_ids=(EDU_ID,))
    for username in ("finance.clerk", "finance.leader", "edu.clerk", "edu.leader"):
        assert _ids(office.store, office.actor(username), "todo") == [doc_id], username
    assert _ids(office.store, office.actor("office.leader"), "done") == [doc_id]


# --- filters, sorting, paging ----------------------------------------------------------------


@pytest.fixture
def filled(office: Office) -> Office:
    """Six documents of different types, urgencies, deadlines and titles."""
    specs = [
        ("关于做好安全生产工作的通知", "通知", "特急", "2024-03-05T17:00:00+08:00"),
        ("关于申请拨付专项经费的请示", "请示", "普通", None),
        ("关于推进数字政府建设的意见", "意见", "加急", "2024-03-03T12:00:00+08:00"),
        ("关于开展防汛抗旱检查的通知", "通知", "普通", "2024-04-01T09:00:00+08:00"),
        ("关于2023年财政预算执行情况的报告", "报告", "加急", None),
        ("关于表彰先进集体的决定", "决定", "特急", None),
    ]
    for title, doc_type, urgency, deadline in specs:
        fields: dict[str, object] = {"title": title, "doc_type": doc_type, "urgency": urgency,
                                     "body": f"{title}，请认真贯彻执行。"}
        if deadline:
            fields["deadline"] = deadline
        office.draft(**fields)
    return office


def _titles(store: LocalStore, actor: Actor, **kwargs: object) -> list[str]:
    rows = store.inbox(actor=actor, folder="mine", **kwargs)  # type: ignore[arg-type]
    return [row.title for row in rows]


def test_filters_narrow_the_folder_and_the_count(filled: Office) -> None:
    clerk, store = filled.actor("office.clerk"), filled.store
    cases = {
        InboxFilter(urgency=Urgency.EXTRA_URGENT): 2,
        InboxFilter(doc_type=DocType.NOTICE): 2,
        InboxFilter(doc_type=DocType.NOTICE, urgency=Urgency.NORMAL): 1,
        InboxFilter(status=Status.ACTIVE): 6,
        InboxFilter(status=Status.COMPLETED): 0,
        InboxFilter(direction=Direction.INCOMING): 0,
        InboxFilter(due_before=datetime(2024, 3, 6, tzinfo=UTC)): 2,
        InboxFilter(text="数字政府"): 1,
        InboxFilter(text="通知"): 2,  # two characters: title and number only
        InboxFilter(text="关于 请示"): 1,
    }
    for filters, expected in cases.items():
        assert len(store.inbox(actor=clerk, folder="mine", filters=filters)) == expected, filters
        assert store.inbox_count(actor=clerk, folder="mine", filters=filters) == expected


def test_each_sort_orders_the_page(filled: Office) -> None:
    clerk, store = filled.actor("office.clerk"), filled.store
    newest_first = _titles(store, clerk)
    assert newest_first[0] == "关于表彰先进集体的决定"
    assert _titles(store, clerk, sort=InboxSort("created_at", descending=False)) == (
        newest_first[::-1])
    urgent = _titles(store, clerk, sort=InboxSort("urgency"))
    # 特急 first, and within one urgency the longest waiting first.
    assert urgent[:2] == ["关于做好安全生产工作的通知", "关于表彰先进集体的决定"]
    assert urgent[-2:] == ["关于申请拨付专项经费的请示", "关于开展防汛抗旱检查的通知"]
    due = _titles(store, clerk, sort=InboxSort("deadline", descending=False))
    assert due[:3] == ["关于推进数字政府建设的意见", "关于做好安全生产工作的通知",
                       "关于开展防汛抗旱检查的通知"]
    by_title = _titles(store, clerk, sort=InboxSort("title", descending=False))
    assert by_title == sorted(by_title)


def test_pages_do_not_overlap_and_cover_the_folder(filled: Office) -> None:
    clerk, store = filled.actor("office.clerk"), filled.store
    whole = _titles(store, clerk, sort=InboxSort("urgency"))
    pages = [_titles(store, clerk, sort=InboxSort("urgency"), offset=o, limit=4) for o in (0, 4)]
    assert pages[0] + pages[1] == whole and len(pages[1]) == 2
    assert _titles(store, clerk, offset=6) == []


def test_rows_carry_what_the_list_shows(filled: Office) -> None:
    (row,) = filled.store.inbox(actor=filled.actor("office.clerk"), folder="mine",
                                filters=InboxFilter(text="数字政府"))
    assert (row.title, row.doc_number, row.doc_type, row.urgency) == (
        "关于推进数字政府建设的意见", None, DocType.OPINION, Urgency.URGENT)
    assert (row.step, row.step_label, row.status, row.pending) == (
        "draft", "拟稿", Status.ACTIVE, True)
    assert row.deadline == datetime(2024, 3, 3, 4, 0, tzinfo=UTC)
    assert row.updated_at.tzinfo is not None


def test_bad_folder_sort_or_page_is_a_domain_error(filled: Office) -> None:
    clerk, store = filled.actor("office.clerk"), filled.store
    with pytest.raises(ValidationError):
        store.inbox(actor=clerk, folder="trash")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        store.inbox(actor=clerk, folder="todo", sort=InboxSort("colour"))  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        store.inbox(actor=clerk, folder="todo", limit=0)
    with pytest.raises(ValidationError):
        store.inbox_count(actor=clerk, folder="nope")  # type: ignore[arg-type]


# --- the SQL agrees with the workflow rules, whichever plan runs ------------------------------

_ORG = Organisation(DEMO_UNITS, DEMO_PEOPLE)
_START = datetime(2023, 6, 1, tzinfo=UTC)
_WORDS = ("安全生产", "数字政府", "防汛抗旱", "财政预算", "政务公开")


def _random_document(rng: random.Random, index: int) -> Document:
    direction = rng.choice(list(Direction))
    workflow = WORKFLOWS[direction]
    step = rng.choice(workflow.steps)
    people = list(_ORG.people.values())
    creator = rng.choice(people)
    created = _START + timedelta(hours=rng.randint(0, 5000))
    doc = Document(
        id=f"r-{index}", direction=direction, doc_type=rng.choice(list(DocType)),
        title=f"关于{rng.choice(_WORDS)}的{rng.choice(['通知', '报告', '请示'])}{index % 7}",
        owner_unit_id=rng.choice([OFFICE_ID, FINANCE_ID, EDU_ID]), created_by=creator.id,
        created_at=created, step=step.key, urgency=rng.choice(list(Urgency)),
        doc_number=rng.choice([None, f"萍府办发〔2023〕{index}号"]),
        countersign_units=(FINANCE_ID,), lead_unit_id=EDU_ID, co_unit_ids=(FINANCE_ID,),
        circulate_to=(rng.choice(people).id,), body=f"正文{rng.choice(_WORDS)}……",
        deadline=rng.choice([None, created + timedelta(days=rng.randint(1, 30))]),
        updated_at=rng.choice([None, created + timedelta(hours=rng.randint(1, 300))]),
    )
    holders = [replace(h, person_id=rng.choice([None, rng.choice(people).id]),
                       done=rng.random() < 0.2) for h in holders_for(doc, step)]
    trace = tuple(TraceEntry(seq=seq, step=step.key, action=ActionKind.APPROVE, actor_id=p.id,
                             actor_name=p.name, at=created,
                             opinion=rng.choice(["同意", "请阅", f"关于{rng.choice(_WORDS)}"]))
                  for seq, p in enumerate(rng.sample(people, rng.randint(1, 3)), start=1))
    circulations = tuple(Circulation(p.id, creator.id, created,
                                     rng.choice([None, created + timedelta(hours=1)]))
                         for p in rng.sample(people, rng.randint(0, 2)))
    informed = tuple(Informed(p.id, creator.id, created,
                              rng.choice([None, created + timedelta(hours=2)]))
                     for p in rng.sample(people, rng.randint(0, 2)))
    return replace(doc, holders=tuple(holders), trace=trace, circulations=circulations,
                   informed=informed)


def _may_take(doc: Document, actor: Actor) -> bool:
    step = WORKFLOWS[doc.direction].step(doc.step)
    own = step.excludes_creator and doc.created_by == actor.person_id
    holds = any(may_hold(h, actor) and not (own and h.person_id is None) for h in doc.holders)
    unread = any(c.person_id == actor.person_id and c.read_at is None for c in doc.circulations)
    return holds or unread


def _in_folder(doc: Document, actor: Actor, folder: str) -> bool:
    if folder == "all":
        return True
    if folder == "mine":
        return doc.created_by == actor.person_id
    if folder == "informed":
        return any(i.person_id == actor.person_id for i in doc.informed)
    acted = {e.actor_id for e in doc.trace} | {e.on_behalf_of for e in doc.trace}
    return _may_take(doc, actor) if folder == "todo" else (
        actor.person_id in acted and not _may_take(doc, actor))


def _passes(doc: Document, filters: InboxFilter) -> bool:
    checks = [filters.urgency in (None, doc.urgency), filters.doc_type in (None, doc.doc_type),
              filters.direction in (None, doc.direction),
              filters.status in (None, status_of(doc.step))]
    if filters.due_before is not None:
        checks.append(doc.deadline is not None and doc.deadline < filters.due_before)
    if filters.text:
        opinions = "\n".join(e.opinion for e in doc.trace)
        checks.append(filters.text in f"{doc.title}|{doc.doc_number}|{doc.body}|{opinions}")
    return all(checks)


def _sort_key(doc: Document, key: str, position: int) -> tuple[object, ...]:
    updated = timestamp(doc.updated_at or doc.created_at)
    return {
        "updated_at": (updated,), "created_at": (timestamp(doc.created_at),),
        "title": (doc.title,),
        "deadline": (timestamp(doc.deadline) if doc.deadline else "~" + updated,),
        "urgency": (URGENCY_RANK[doc.urgency], updated),
    }[key] + (position,)


def _expected(docs: list[Document], actor: Actor, folder: str, filters: InboxFilter,
              sort: InboxSort) -> list[str]:
    found = [(i, d) for i, d in enumerate(docs) if _in_folder(d, actor, folder)
             and _passes(d, filters)]
    forwards = sort.descending if sort.key == "urgency" else not sort.descending
    found.sort(key=lambda pair: _sort_key(pair[1], sort.key, pair[0]), reverse=not forwards)
    return [d.id for _, d in found]


@pytest.mark.parametrize(("window", "text_tests", "small"), [
    (3, 1, 0), (2_000, 1, 0), (2_000, 300, 0), (2_000, 300, 15), (2_000, 300, 10**6)])
def test_inbox_pages_agree_with_the_workflow_rules(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch, window: int, text_tests: int,
    small: int,
) -> None:
    # A tiny window makes most pages take the walk-then-collect fallback; a big one walks.
    # Testing the text on few walked rows makes most text pages collect; on many, they walk.
    # A folder smaller than `small` is collected at once, its text tested row by row.
    monkeypatch.setattr(inbox, "SMALL_FOLDER", small)
    monkeypatch.setattr(inbox, "SMALL_TEXT_FOLDER", small)
    monkeypatch.setattr(inbox, "MIN_WINDOW", window)
    monkeypatch.setattr(inbox, "WIDE_WINDOW", window)
    monkeypatch.setattr(inbox, "WINDOW_PER_ROW", 1)
    monkeypatch.setattr(inbox, "FOLDER_TESTS", window)
    monkeypatch.setattr(inbox, "FOLDER_TESTS_PER_ROW", 1)
    monkeypatch.setattr(inbox, "TEXT_TESTS", text_tests)
    monkeypatch.setattr(inbox, "TEXT_TESTS_PER_ROW", 1)
    rng = random.Random(window + text_tests + small)
    docs = [_random_document(rng, i) for i in range(120)]
    store.put_records("document", docs)
    filters = [InboxFilter(), InboxFilter(urgency=Urgency.NORMAL),
               InboxFilter(doc_type=DocType.NOTICE, direction=Direction.OUTGOING),
               InboxFilter(due_before=_START + timedelta(days=60)), InboxFilter(text="数字政府"),
               # a phrase in few documents, and one with a test on the table beside the index
               InboxFilter(text="防汛抗旱的报告", urgency=Urgency.NORMAL),
               InboxFilter(text="请阅"), InboxFilter(text="〔2023〕1"),
               # sparse combinations of the facets (tested in the sort's index)
               InboxFilter(status=Status.ACTIVE, urgency=Urgency.EXTRA_URGENT,
                           direction=Direction.INCOMING),
               InboxFilter(status=Status.COMPLETED, doc_type=DocType.REPORT, text="关于")]
    for person in _ORG.people:
        actor = _ORG.actor(person, _START)
        for folder in inbox.FOLDERS:
            for sort in (InboxSort(k, d) for k in inbox.SORT_KEYS for d in (True, False)):
                for f in filters:
                    want = _expected(docs, actor, folder, f, sort)
                    rows = store.inbox(actor=actor, folder=folder, filters=f, sort=sort,
                                       limit=7, offset=2)
                    assert [r.id for r in rows] == want[2:9], (person, folder, sort, f)
                    count = store.inbox_count(actor=actor, folder=folder, filters=f)
                    assert count == len(want), (person, folder, f)


def test_the_all_folder_lists_every_cached_document_by_direction(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from officeapp.demo import DEMO_PEOPLE, DEMO_ROOMS, DEMO_UNITS
    from officeapp.documents import Direction
    from officeapp.store import InboxFilter, LocalStore
    from sync.client import actions

    store = LocalStore.open(tmp_path / "all.sqlite3")
    store.save_directory(units=DEMO_UNITS, people=DEMO_PEOPLE, rooms=DEMO_ROOMS)
    now = datetime(2026, 11, 23, 9, tzinfo=UTC)
    actions.draft_outgoing(store, person_id="p-office.clerk", now=now, fields={
        "doc_type": "函", "title": "关于商请支持的函", "main_recipients": ["u-edu"], "body": "x"})
    actions.register(store, person_id="p-office.clerk", now=now, fields={
        "doc_type": "请示", "title": "关于经费的请示", "sender_unit": "市教育局"})
    viewer = store.organisation().actor("p-office.leader", now)
    assert store.inbox_count(actor=viewer, folder="all") == 2
    outgoing = store.inbox(actor=viewer, folder="all",
                           filters=InboxFilter(direction=Direction.OUTGOING))
    assert [row.title for row in outgoing] == ["关于商请支持的函"]
    assert store.folder_counts(viewer)["all"] == 2
