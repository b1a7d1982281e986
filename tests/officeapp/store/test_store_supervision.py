"""Supervision items in the local store: the SQL list filter agrees with filter_rows, the
inbox with inbox_entries; pull, rebase, rejections and resets."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from officeapp.core.verdict import Accepted, Rejected
from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS, EDU_ID, FINANCE_ID, OFFICE_ID
from officeapp.documents import Urgency
from officeapp.org import Delegation, Organisation
from officeapp.store import LocalStore, PulledChange, PulledRejection, PullPage
from officeapp.store import supervision as supervision_store
from officeapp.supervision import (
    ActionKind,
    CompletionRequest,
    ItemQuery,
    ItemRow,
    Light,
    ProgressReport,
    Source,
    Status,
    SupervisionAction,
    SupervisionItem,
    create_item,
    decide_supervision,
    filter_rows,
    inbox_entries,
    item_row,
    unit_statistics,
)
from officeapp.supervision.codec import action_to_dict, item_to_dict
from officeapp.supervision.stats import PressingStats, pressing_items, pressing_statistics

ORG = Organisation(DEMO_UNITS, DEMO_PEOPLE)
NOW = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
BEIJING = timezone(timedelta(hours=8))
UNITS = ("u-city", OFFICE_ID, FINANCE_ID, EDU_ID)
FIELDS: dict[str, Any] = {
    "title": "推进数字政府建设一期工程", "source": Source.LEADER_INSTRUCTION.value,
    "content": "按期完成一期工程建设并报送进展", "lead_unit_id": FINANCE_ID,
    "co_unit_ids": [EDU_ID], "deadline": (NOW + timedelta(days=30)).isoformat(),
}


def _order(row: ItemRow) -> tuple[Any, ...]:
    return (row.deadline is None, row.deadline or NOW, row.title, row.id)


def reference(items: list[SupervisionItem], query: ItemQuery, now: datetime) -> list[ItemRow]:
    """Return what store.supervision.rows must return: filter_rows, ordered like the store."""
    return sorted(filter_rows([item_row(i) for i in items], query, now), key=_order)


# --- random items and queries, times on a grid with boundary neighbours ---------------------

BASE = datetime(2024, 3, 10, tzinfo=UTC)
TICK = timedelta(microseconds=1)


@st.composite
def moments(draw: st.DrawFn) -> datetime:
    moment = BASE + timedelta(hours=12 * draw(st.integers(-6, 10)))
    moment += TICK * draw(st.sampled_from((-1, 0, 0, 0, 1)))
    return moment.astimezone(draw(st.sampled_from((UTC, BEIJING))))


TITLE_LETTERS = "aAbBßSsİiΣσς数字政府"


@st.composite
def items(draw: st.DrawFn, ident: str) -> SupervisionItem:
    # An item's times come from two moments (give or take a microsecond), so a completion
    # request at its deadline, or a report due with it, happens often.
    pool = [draw(moments()), draw(moments())]

    def when() -> datetime | None:
        if not draw(st.integers(0, 3)):
            return None
        return draw(st.sampled_from(pool)) + TICK * draw(st.sampled_from((-1, 0, 0, 1)))

    def at() -> datetime:
        return when() or pool[0]

    status = draw(st.sampled_from(list(Status)))
    lead = draw(st.one_of(st.none(), st.sampled_from(UNITS)))
    co = tuple(u for u in draw(st.lists(st.sampled_from(UNITS), max_size=3, unique=True))
               if u != lead)
    request = None
    if draw(st.booleans()):
        request = CompletionRequest("已完成", "p-finance.clerk", "刘会计", FINANCE_ID, at())
    reports: tuple[ProgressReport, ...] = ()
    if lead is not None and draw(st.booleans()):
        reports = (ProgressReport(1, draw(st.integers(0, 100)), "进展", lead, "p-finance.clerk",
                                  "刘会计", at()),)
    return SupervisionItem(
        id=ident, title=draw(st.text(TITLE_LETTERS, min_size=1, max_size=6)),
        source=draw(st.sampled_from(list(Source))),
        supervisor_unit_id=draw(st.sampled_from(UNITS)), created_by="p-office.supervisor",
        created_at=at(), status=status, urgency=draw(st.sampled_from(list(Urgency))),
        lead_unit_id=lead, co_unit_ids=co, deadline=when(), next_report_due=when(),
        assigned_at=when(), completed_at=when(), completion_request=request,
        progress_reports=reports, parent_id=draw(st.one_of(st.none(), st.just("parent"))),
    )


@st.composite
def item_lists(draw: st.DrawFn) -> list[SupervisionItem]:
    count = draw(st.integers(0, 12))
    return [draw(items(f"item-{n:02d}")) for n in range(count)]


def _subset(values: list[Any]) -> st.SearchStrategy[frozenset[Any]]:
    # Half the time a filter is off, so the others are exercised together often enough.
    return st.one_of(st.just(frozenset()), st.frozensets(st.sampled_from(values), min_size=1,
                                                          max_size=3))


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def queries(draw: st.DrawFn) -> ItemQuery:
    return ItemQuery(
        unit_id=draw(_maybe(st.sampled_from(UNITS))), lead_only=draw(st.booleans()),
        sources=draw(_subset(list(Source))), statuses=draw(_subset(list(Status))),
        lights=draw(_subset(list(Light))), due_from=draw(_maybe(moments())),
        due_to=draw(_maybe(moments())),
        text=draw(st.one_of(st.just(""), st.text(TITLE_LETTERS, min_size=1, max_size=2))),
        warn_days=draw(st.integers(0, 4)),
    )


def boundaries(stored: list[SupervisionItem], warn_days: int) -> list[datetime]:
    """Return every moment at which a light may change, and a microsecond either side."""
    marks = {m for i in stored for m in (i.deadline, i.next_report_due, i.requested_at)
             if m is not None}
    return sorted({m - timedelta(days=days) + TICK * tick for m in marks
                   for days in {0, warn_days} for tick in (-1, 0, 1)})


@st.composite
def boundary_now(draw: st.DrawFn, stored: list[SupervisionItem], warn_days: int) -> datetime:
    """Return a moment at, or a microsecond off, a deadline or report date (or its warning)."""
    found = boundaries(stored, warn_days)
    if not found or not draw(st.integers(0, 3)):
        return draw(moments())
    return draw(st.sampled_from(found))


@st.composite
def stats_moment(draw: st.DrawFn, stored: list[SupervisionItem]) -> datetime:
    """A moment at, or a microsecond off, one the statistics turn on, or any moment."""
    marks = sorted({m + TICK * tick for i in stored
                    for m in (i.assigned_at, i.deadline, i.requested_at, i.finished_at,
                              i.completed_at) if m is not None for tick in (-1, 0, 1)})
    if not marks or not draw(st.integers(0, 3)):
        return draw(moments())
    return draw(st.sampled_from(marks))


def refill(store: LocalStore, stored: list[SupervisionItem]) -> None:
    """Replace every item of `store` with `stored`."""
    store.db.conn.execute("DELETE FROM supervision_items")
    store.put_records("supervision", stored)


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_sql_filter_agrees_with_filter_rows(memory_store: LocalStore, data: st.DataObject) -> None:
    stored = data.draw(item_lists())
    query = data.draw(queries())
    now = data.draw(boundary_now(stored, query.warn_days))
    refill(memory_store, stored)
    assert memory_store.supervision.rows(query, now=now) == reference(stored, query, now)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_pages_and_count_agree_with_filter_rows(memory_store: LocalStore,
                                                data: st.DataObject) -> None:
    stored = data.draw(item_lists())
    query = data.draw(queries())
    now = data.draw(boundary_now(stored, query.warn_days))
    refill(memory_store, stored)
    expected = reference(stored, query, now)
    assert memory_store.supervision.count(query, now=now) == len(expected)
    size = data.draw(st.integers(1, 4))
    pages = [memory_store.supervision.rows(query, now=now, limit=size, offset=start)
             for start in range(0, len(expected) + size, size)]
    assert [row for page in pages for row in page] == expected


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_statistics_read_from_the_store_equal_unit_statistics(memory_store: LocalStore,
                                                              data: st.DataObject) -> None:
    stored = data.draw(item_lists())
    # Each at, or a microsecond off, a moment the figures turn on, or anywhere; half the
    # periods are open-ended, so that most items count.
    start, end, now = (data.draw(stats_moment(stored)) for _ in range(3))
    if data.draw(st.booleans()):
        start, end = BASE - timedelta(days=30), BASE + timedelta(days=30)
    refill(memory_store, stored)
    found = memory_store.supervision.statistics(period_start=start, period_end=end, now=now)
    expected = unit_statistics(stored, period_start=start, period_end=end, now=now)
    assert len(found) == len(expected)
    for got, want in zip(found, expected, strict=True):
        assert replace(got, average_days=None) == replace(want, average_days=None)
        # SQLite sums the days in another order: the last bits of a float may differ.
        days = want.average_days
        assert got.average_days == (None if days is None else pytest.approx(days, rel=1e-12))


def _one(status: Status, *, finished: datetime | None = None, **times: Any) -> SupervisionItem:
    request = (None if finished is None else
               CompletionRequest("已完成", "p-finance.clerk", "刘会计", FINANCE_ID, finished))
    return SupervisionItem(
        id="item-0", title="推进", source=Source.LEADER_INSTRUCTION, supervisor_unit_id=OFFICE_ID,
        created_by="p-office.supervisor", created_at=BASE, status=status,
        lead_unit_id=FINANCE_ID, completion_request=request, **times)


DAY = timedelta(days=1)


@pytest.mark.parametrize(("item", "moment"), [
    # Completed: counted as completed from the moment it was (not before).
    (_one(Status.COMPLETED, assigned_at=BASE, deadline=BASE + 2 * DAY,
          finished=BASE + DAY, completed_at=BASE + DAY), BASE + DAY),
    # Finished exactly at the deadline is on time; a microsecond later is late.
    (_one(Status.COMPLETED, assigned_at=BASE, deadline=BASE + DAY, finished=BASE + DAY,
          completed_at=BASE + 2 * DAY), BASE + 2 * DAY),
    (_one(Status.COMPLETED, assigned_at=BASE, deadline=BASE + DAY - TICK,
          finished=BASE + DAY, completed_at=BASE + 2 * DAY), BASE + 2 * DAY),
    # Open: overdue once the clock passes the deadline, not at it.
    (_one(Status.IN_PROGRESS, assigned_at=BASE, deadline=BASE + DAY), BASE + DAY),
    # Asked to finish before the deadline: the clock stopped then.
    (_one(Status.COMPLETION_REQUESTED, assigned_at=BASE, deadline=BASE + DAY,
          finished=BASE + DAY - TICK), BASE + 3 * DAY),
    # Assigned at the moment the figures are taken: it counts.
    (_one(Status.IN_PROGRESS, assigned_at=BASE + DAY), BASE + DAY),
])
@pytest.mark.parametrize("tick", [-1, 0, 1])
def test_statistics_at_the_moments_they_turn_on(memory_store: LocalStore, item: SupervisionItem,
                                                moment: datetime, tick: int) -> None:
    refill(memory_store, [item])
    now = moment + TICK * tick
    for start, end in ((BASE - DAY, BASE + 9 * DAY), (BASE - DAY, now), (now, now + DAY)):
        found = memory_store.supervision.statistics(period_start=start, period_end=end, now=now)
        assert found == unit_statistics([item], period_start=start, period_end=end, now=now)


@st.composite
def pressing_moment(draw: st.DrawFn, stored: list[SupervisionItem], warn_days: int) -> datetime:
    """A moment the overdue and due-soon counts turn on (or a microsecond off), or any."""
    marks = sorted({m - timedelta(days=days) + TICK * tick for i in stored
                    for m in (i.assigned_at, i.deadline, i.requested_at) if m is not None
                    for days in {0, warn_days} for tick in (-1, 0, 1)})
    if not marks or not draw(st.integers(0, 3)):
        return draw(moments())
    return draw(st.sampled_from(marks))


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_pressing_read_from_the_store_equals_pressing_statistics(memory_store: LocalStore,
                                                                 data: st.DataObject) -> None:
    stored = data.draw(item_lists())
    warn_days = data.draw(st.integers(0, 4))
    now = data.draw(pressing_moment(stored, warn_days))
    refill(memory_store, stored)
    conn = memory_store.db.conn
    found = supervision_store.pressing_statistics(conn, now=now, warn_days=warn_days)
    assert found == pressing_statistics(stored, now=now, warn_days=warn_days)
    rows = supervision_store.pressing_rows(conn, now=now, warn_days=warn_days)
    expected = sorted(pressing_items([item_row(i) for i in stored], now=now,
                                     warn_days=warn_days), key=_order)
    assert rows == expected
    assert supervision_store.pressing_rows(conn, now=now, warn_days=warn_days,
                                           limit=2) == expected[:2]


def test_pressing_counts_items_assigned_long_before_the_period(memory_store: LocalStore) -> None:
    # Assigned three months ago, its deadline passed yesterday: this month's statistics do
    # not count it (they count what was assigned this month), the overdue count does.
    late = _one(Status.IN_PROGRESS, assigned_at=NOW - 90 * DAY, deadline=NOW - DAY)
    soon = replace(_one(Status.RECEIVED, assigned_at=NOW - 90 * DAY, deadline=NOW + 2 * DAY),
                   id="item-1", lead_unit_id=EDU_ID)
    done = replace(_one(Status.COMPLETED, assigned_at=NOW - 90 * DAY, deadline=NOW - DAY,
                        finished=NOW - 2 * DAY, completed_at=NOW - 2 * DAY), id="item-2")
    memory_store.put_records("supervision", [late, soon, done])
    month = NOW.replace(day=1, hour=0)
    assert memory_store.supervision.statistics(period_start=month, period_end=NOW + DAY,
                                               now=NOW) == []
    conn = memory_store.db.conn
    assert supervision_store.pressing_statistics(conn, now=NOW, warn_days=3) == [
        PressingStats(EDU_ID, overdue=0, due_soon=1), PressingStats(FINANCE_ID, overdue=1,
                                                                     due_soon=0)]
    assert [r.id for r in supervision_store.pressing_rows(conn, now=NOW, warn_days=3)] == [
        "item-0", "item-1"]
    assert supervision_store.pressing_statistics(conn, now=NOW, warn_days=1) == [
        PressingStats(FINANCE_ID, overdue=1, due_soon=0)]
    with pytest.raises(Exception) as caught:
        supervision_store.pressing_statistics(conn, now=datetime(2024, 1, 1), warn_days=3)
    assert getattr(caught.value, "code", None) == "clock.naive"


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_each_filter_alone_agrees(memory_store: LocalStore, data: st.DataObject) -> None:
    stored = data.draw(item_lists())
    warn = data.draw(st.integers(0, 4))
    now = data.draw(boundary_now(stored, warn))
    refill(memory_store, stored)
    light = data.draw(st.sampled_from(list(Light)))
    for query in (ItemQuery(), ItemQuery(lights=frozenset({light}), warn_days=warn),
                  ItemQuery(due_from=data.draw(moments())), ItemQuery(due_to=data.draw(moments())),
                  ItemQuery(text=data.draw(st.text(TITLE_LETTERS, min_size=1, max_size=2))),
                  ItemQuery(unit_id=data.draw(st.sampled_from(UNITS)), lead_only=True)):
        assert memory_store.supervision.rows(query, now=now) == reference(stored, query, now)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stored=item_lists(), warn_days=st.integers(0, 4))
def test_every_light_agrees_at_every_boundary(memory_store: LocalStore,
                                               stored: list[SupervisionItem],
                                               warn_days: int) -> None:
    refill(memory_store, stored)
    for now in boundaries(stored, warn_days):
        for light in Light:
            query = ItemQuery(lights=frozenset({light}), warn_days=warn_days)
            assert memory_store.supervision.rows(query, now=now) == reference(stored, query, now)


def test_boundaries_by_hand(memory_store: LocalStore) -> None:
    deadline = BASE
    item = SupervisionItem(id="a", title="Straße 数字", source=Source.PROPOSAL,
                           supervisor_unit_id=OFFICE_ID, created_by="p-office.supervisor",
                           created_at=NOW, status=Status.IN_PROGRESS, lead_unit_id=FINANCE_ID,
                           deadline=deadline, next_report_due=deadline - timedelta(days=5))
    memory_store.put_records("supervision", [item])

    def lit(light: Light, now: datetime) -> bool:
        return bool(memory_store.supervision.rows(ItemQuery(lights=frozenset({light})), now=now))

    assert lit(Light.RED, deadline - timedelta(days=5) + TICK)  # report overdue
    assert lit(Light.YELLOW, deadline - timedelta(days=8))  # report due in exactly 3 days
    assert lit(Light.GREEN, deadline - timedelta(days=8) - TICK)
    at_deadline = replace(item, next_report_due=None)
    memory_store.put_records("supervision", [at_deadline])
    assert lit(Light.YELLOW, deadline)  # exactly at the deadline: not yet overdue
    assert lit(Light.RED, deadline + TICK)
    text = ItemQuery(text="STRASSE")  # casefold, not ASCII lower()
    assert [r.id for r in memory_store.supervision.rows(text, now=NOW)] == ["a"]
    assert memory_store.supervision.rows(ItemQuery(due_from=deadline, due_to=deadline),
                                         now=NOW) == [item_row(at_deadline)]
    assert memory_store.supervision.rows(ItemQuery(due_to=deadline - TICK), now=NOW) == []


def test_rows_are_ordered_by_deadline_then_title(memory_store: LocalStore) -> None:
    def item(ident: str, title: str, deadline: datetime | None) -> SupervisionItem:
        return SupervisionItem(id=ident, title=title, source=Source.PROPOSAL,
                               supervisor_unit_id=OFFICE_ID, created_by="p-office.supervisor",
                               created_at=NOW, deadline=deadline)

    memory_store.put_records("supervision", [
        item("1", "乙", None), item("2", "甲", BASE), item("3", "甲", None),
        item("4", "乙", BASE - timedelta(days=1)), item("5", "丙", BASE.astimezone(BEIJING))])
    # Titles in code-point order: 丙 < 乙 < 甲.
    assert [r.id for r in memory_store.supervision.rows(now=NOW)] == ["4", "5", "2", "1", "3"]
    assert [i.id for i in memory_store.supervision.items(["1", "2", "missing"])] == ["2", "1"]
    assert len(memory_store.supervision.items()) == 5


def test_naive_now_is_refused(memory_store: LocalStore) -> None:
    with pytest.raises(Exception) as caught:
        memory_store.supervision.rows(now=datetime(2024, 1, 1))
    assert getattr(caught.value, "code", None) == "clock.naive"


# --- the inbox ---------------------------------------------------------------------------------

PEOPLE = [p.id for p in DEMO_PEOPLE]


@st.composite
def demo_items(draw: st.DrawFn) -> list[SupervisionItem]:
    found = []
    for n in range(draw(st.integers(1, 10))):
        item = draw(items(f"item-{n:02d}"))
        approver = draw(st.one_of(st.none(), st.sampled_from(PEOPLE)))
        informed = tuple(draw(st.lists(st.sampled_from(PEOPLE), max_size=2, unique=True)))
        found.append(replace(item, created_by=draw(st.sampled_from(PEOPLE)),
                             approver_id=approver, informed_ids=informed))
    return found


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_inbox_agrees_with_inbox_entries(memory_store: LocalStore, data: st.DataObject) -> None:
    stored = data.draw(demo_items())
    now = data.draw(boundary_now(stored, 3))
    refill(memory_store, stored)
    org = Organisation(DEMO_UNITS, DEMO_PEOPLE, delegations=(
        Delegation("p-office.leader", "p-office.deputy", BASE - timedelta(days=30),
                   BASE + timedelta(days=30)),))
    for person in PEOPLE:
        actor = org.actor(person, now)
        assert memory_store.supervision.inbox(actor, now=now) == inbox_entries(stored, actor, now)


# --- the optimistic path, pull, rebase, rejections ---------------------------------------------


def _create(store: LocalStore, item_id: str = "item-1", **fields: Any) -> SupervisionItem:
    values = {**FIELDS, **fields}
    item = create_item(item_id=item_id, actor=ORG.actor("p-office.supervisor", NOW),
                       fields=values, now=NOW)
    store.create_record("supervision", record=item, mutation_name="supervision.create",
                        mutation_args={"item_id": item_id, "fields": values})
    return item


def _act(store: LocalStore, item_id: str, username: str, kind: ActionKind, now: datetime,
         **kwargs: Any) -> Accepted[SupervisionItem] | Rejected:
    action = SupervisionAction(kind, **kwargs)
    return store.apply_record_action(
        "supervision", record_id=item_id, actor=ORG.actor(f"p-{username}", now), action=action,
        now=now,
        mutation_name="supervision.act",
        mutation_args={"item_id": item_id, "action": action_to_dict(action)})


def _page(cursor: int, *changes: PulledChange, last: int = 0,
          rejected: tuple[PulledRejection, ...] = (), has_more: bool = False) -> PullPage:
    return PullPage(cursor=cursor, last_mutation_id=last, changes=list(changes),
                    rejected=rejected, has_more=has_more)


def _put(item: SupervisionItem) -> PulledChange:
    return PulledChange("supervision", item.id, "put", item_to_dict(item))


def _pending(store: LocalStore, item_id: str) -> tuple[int, str | None]:
    row = store.db.conn.execute("SELECT pending, base FROM supervision_items WHERE id = ?",
                                (item_id,)).fetchone()
    return int(row[0]), row[1]


def test_create_and_act_write_the_item_and_its_outbox_row(store: LocalStore) -> None:
    item = _create(store)
    assert store.get_record("supervision", item.id) == item
    opened = _act(store, item.id, "office.supervisor", ActionKind.OPEN, NOW)
    assert isinstance(opened, Accepted)
    refused = _act(store, item.id, "finance.clerk", ActionKind.ASSIGN, NOW)
    assert isinstance(refused, Rejected)
    assert [(m.name, m.record_id, m.document_id) for m in store.pending_mutations()] == [
        ("supervision.create", item.id, None), ("supervision.act", item.id, None)]
    assert _pending(store, item.id) == (1, None)  # never synced: no base
    missing = _act(store, "nope", "office.supervisor", ActionKind.OPEN, NOW)
    assert isinstance(missing, Rejected)
    assert missing.rejection.code == "supervision.not_found"
    with pytest.raises(Exception) as caught:
        _create(store)
    assert getattr(caught.value, "code", None) == "supervision.exists"


def test_pull_puts_revokes_and_skips_malformed(store: LocalStore,
                                                caplog: pytest.LogCaptureFixture) -> None:
    first = create_item(item_id="s-1", actor=ORG.actor("p-office.supervisor", NOW),
                        fields=FIELDS, now=NOW)
    second = replace(first, id="s-2", title="第二项")
    broken = {**item_to_dict(first), "id": "s-3", "status": "no-such-status"}
    with caplog.at_level(logging.WARNING):
        outcome = store.apply_pull(_page(3, _put(first), _put(second),
                                         PulledChange("supervision", "s-3", "put", broken)))
    assert "skipped malformed supervision s-3" in caplog.text
    assert outcome.of("supervision") == {"s-1", "s-2"} and outcome.skipped == ("s-3",)
    assert [r.id for r in store.supervision.rows(now=NOW)] == ["s-1", "s-2"]
    outcome = store.apply_pull(_page(5, PulledChange("supervision", "s-1", "revoke"),
                                     PulledChange("supervision", "s-2", "revoke"), _put(second)))
    # A revoke then a put of the same record in one page leaves the record.
    assert [r.id for r in store.supervision.rows(now=NOW)] == ["s-2"]
    assert outcome.of("supervision") == {"s-1", "s-2"}
    lead = ORG.actor("p-finance.clerk", NOW)
    assert store.supervision.inbox(lead, now=NOW) == []  # still a draft


def test_a_pending_action_is_rebased_on_the_server_version(store: LocalStore) -> None:
    item = create_item(item_id="s-1", actor=ORG.actor("p-office.supervisor", NOW),
                       fields=FIELDS, now=NOW)
    store.apply_pull(_page(1, _put(item)))
    later = NOW + timedelta(minutes=5)
    assert isinstance(_act(store, "s-1", "office.supervisor", ActionKind.OPEN, later),
                      Accepted)
    assert _pending(store, "s-1")[0] == 1
    # Meanwhile someone else edited the title on the server.
    edited = decide_supervision(item, ORG.actor("p-office.supervisor", NOW),
                                SupervisionAction(ActionKind.EDIT, changes={"title": "新标题"}),
                                NOW + timedelta(minutes=1))
    assert isinstance(edited, Accepted)
    outcome = store.apply_pull(_page(2, _put(edited.record)))
    assert "s-1" in outcome.of("supervision")
    shown = store.get_record("supervision", "s-1")
    assert shown is not None and shown.title == "新标题" and shown.status is Status.OPENED
    pending, base = _pending(store, "s-1")
    assert pending == 1 and base is not None and '"新标题"' in base
    # The server refuses the open: the local effect goes, the text is kept.
    mutation = store.pending_mutations()[0].mutation_id
    outcome = store.apply_rejections([PulledRejection(mutation, "supervision.status_moved",
                                                      "事项状态已变化")])
    assert outcome.rejected == (mutation,) and outcome.of("supervision") == {"s-1"}
    reverted = store.get_record("supervision", "s-1")
    assert reverted == edited.record and _pending(store, "s-1") == (0, None)
    (rejection,) = store.rejections()
    assert (rejection.record_id, rejection.kind, rejection.document_id) == ("s-1", "supervision",
                                                                            None)
    assert rejection.args["action"]["kind"] == "open"


def test_a_refused_creation_removes_the_item(store: LocalStore) -> None:
    item = _create(store)
    outcome = store.apply_pull(_page(1, last=1, rejected=(
        PulledRejection(1, "supervision.forbidden", "无权新建"),)))
    assert outcome.of("supervision") == {item.id}
    assert store.get_record("supervision", item.id) is None
    assert store.rejections()[0].args["fields"]["title"] == FIELDS["title"]


def test_a_reset_keeps_local_items_and_replays_their_actions(store: LocalStore) -> None:
    item = _create(store)
    _act(store, item.id, "office.supervisor", ActionKind.OPEN, NOW)
    store.apply_pull(_page(4, _put(replace(item, id="server-item"))))
    store.wipe_mirror()
    assert store.supervision.items() == []
    store.save_directory(units=DEMO_UNITS, people=DEMO_PEOPLE, rooms=())  # pulled again
    outcome = store.apply_pull(_page(9))
    assert outcome.of("supervision") == {item.id}
    restored = store.get_record("supervision", item.id)
    assert restored is not None and restored.status is Status.OPENED
    assert len(store.pending_mutations()) == 2


def test_corrected_now_adds_the_stored_server_offset(tmp_path: Path) -> None:
    local = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
    with LocalStore.open(tmp_path / "s.db", clock=lambda: local) as store:
        assert store.corrected_now() == local
        store.set_server_offset(timedelta(days=-1, seconds=1.5))
        assert store.get_meta("server_offset_seconds") == "-86398.5"
        assert store.corrected_now() == local - timedelta(days=1) + timedelta(seconds=1.5)
        assert store.corrected_now(local + timedelta(hours=1)) == (
            local + timedelta(hours=1) - timedelta(seconds=86398.5))
        with pytest.raises(Exception) as caught:
            store.corrected_now(datetime(2024, 3, 1, 8, 0))
        assert getattr(caught.value, "code", None) == "clock.naive"
