"""离职交接 on the server: open work found, moved once to a successor who then pulls it into
their 待办, the trace chain intact, refusals clear, a dry run that writes nothing; on SQLite and
PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from officeapp.demo import DEMO_ROOMS, OFFICE_ID
from officeapp.errors import ValidationError
from officeapp.meetings.rules import replyable_attendees
from officeapp.org import Organisation, Person, Role
from officeapp.store import LocalStore
from sync.client.pages import page_of
from sync.protocol import PullResponse
from sync.server.ops import admin, cli
from sync.server.ops.handover import HandoverReport, hand_over, open_work, open_work_counts
from sync.server.settings import Settings
from sync.server.storage import db, tracechain
from sync.server.storage import tables as t
from sync.server.storage.directory import load_organisation, save_directory

from .conftest import Clock, User, walk_to
from .office_work import at_hour, create_item, create_meeting, kind_of, meet_ok, supervise_ok

Users = Callable[[str], User]


def _leave(engine: sa.Engine, settings: Settings, username: str) -> None:
    """Stop a person's account as the directory sync (or an administrator) does."""
    with db.write(engine) as connection:
        person = _person(load_organisation(connection), username)
        save_directory(connection, people=[replace(person, active=False)],
                       now=settings.clock())
        connection.execute(sa.update(t.people).where(t.people.c.id == person.id)
                           .values(left_at=settings.clock()))


def _person(org: Organisation, username: str) -> Person:
    return next(p for p in org.people.values() if p.username == username)


def _org(engine: sa.Engine) -> Organisation:
    with db.read(engine) as connection:
        return load_organisation(connection)


def _move(engine: sa.Engine, settings: Settings, leaver: str, successor: str,
          **options: Any) -> HandoverReport:
    org = _org(engine)
    return hand_over(engine, settings, None, leaver_id=_person(org, leaver).id,
                     successor_id=_person(org, successor).id, admin_name="系统管理员",
                     **options)


def _counts(engine: sa.Engine) -> tuple[int, int]:
    """Return how many change-log and trace-chain rows exist."""
    with engine.connect() as connection:
        changes = connection.execute(sa.select(sa.func.count()).select_from(t.changes))
        chained = connection.execute(sa.select(sa.func.count()).select_from(t.trace_chain))
        return int(changes.scalar_one()), int(chained.scalar_one())


def _client(who: User, engine: sa.Engine, tmp_path: Path) -> LocalStore:
    """Return a real client store holding everything `who` pulls."""
    store = LocalStore.open(tmp_path / f"{who.username}.sqlite3")
    org = _org(engine)
    store.save_directory(units=org.units.values(), people=org.people.values(),
                         rooms=DEMO_ROOMS)
    cursor = 0
    while True:
        page = who.pull(cursor=cursor)
        store.apply_pull(page_of(PullResponse.model_validate(page)))
        cursor = page["cursor"]
        if not page["has_more"]:
            return store


def _todo(store: LocalStore, engine: sa.Engine, settings: Settings, username: str) -> set[str]:
    actor = _org(engine).actor(f"p-{username}", settings.clock())
    return {row.id for row in store.inbox(actor=actor, folder="todo", limit=500)}


def _assert_chains_verify(engine: sa.Engine, settings: Settings) -> None:
    verified = tracechain.verify(engine, settings)
    assert verified.exit_code == 0, verified.lines()


# --- documents -------------------------------------------------------------------------------


def test_documents_move_once_and_land_in_the_successors_inbox(
        engine: sa.Engine, settings: Settings, user: Users, tmp_path: Path) -> None:
    clerk = user("office.clerk")
    assigned = clerk.create(title="关于调整值班安排的通知")
    clerk.ok(assigned, "approve", expected_step="draft", assignees=["p-office.reviewer"])
    circulated, _ = walk_to(user, "sign")
    user("office.leader").ok(circulated, "circulate", assignees=["p-office.reviewer"])
    history, _ = walk_to(user, "number")  # reviewed by the leaver: history only
    tracechain.checkpoint(engine, settings)
    before = {d: clerk.doc(d) for d in (assigned, circulated, history)}
    _leave(engine, settings, "office.reviewer")

    with db.read(engine) as connection:
        found = open_work(connection, "p-office.reviewer", now=settings.clock())
        counts = open_work_counts(connection, ["p-office.reviewer", "p-office.clerk"],
                                  now=settings.clock())
    assert {(i.kind, i.record_id, i.pending) for i in found} == {
        ("document", assigned, ("核稿（待办理）",)), ("document", circulated, ("传阅（未阅）",))}
    assert counts == {"p-office.reviewer": 2, "p-office.clerk": 0}

    report = _move(engine, settings, "office.reviewer", "office.secretary")
    assert {i.record_id for i in report.moved} == {assigned, circulated}
    assert report.refused == ()
    after = {d: clerk.doc(d) for d in (assigned, circulated, history)}
    assert [h["person_id"] for h in after[assigned]["holders"]] == ["p-office.secretary"]
    assert {c["person_id"] for c in after[circulated]["circulations"]} == {"p-office.secretary"}
    for doc_id in (assigned, circulated):
        old, new = before[doc_id]["trace"], after[doc_id]["trace"]
        assert new[:-1] == old  # history untouched
        assert (new[-1]["action"], new[-1]["actor_name"]) == ("delegate", "系统")
        assert new[-1]["opinion"] == "离职交接：周核稿的待办移交给王秘书（管理员 系统管理员）"
    assert after[history] == before[history]  # nothing of the leaver's waited there
    _assert_chains_verify(engine, settings)

    secretary = user("office.secretary")
    store = _client(secretary, engine, tmp_path)
    assert {assigned, circulated} <= _todo(store, engine, settings, "office.secretary")
    with db.read(engine) as connection:
        assert open_work(connection, "p-office.reviewer", now=settings.clock()) == []

    changed = _counts(engine)
    again = _move(engine, settings, "office.reviewer", "office.secretary")
    assert (again.moved, again.refused) == ((), ())
    assert again.lines() == [
        "周核稿（office.reviewer）→ 王秘书（office.secretary）：没有需要移交的待办"]
    assert _counts(engine) == changed  # idempotent: nothing written twice
    secretary.ok(assigned, "approve", expected_step="review")


def test_two_handovers_at_once_move_each_record_once(
        engine: sa.Engine, settings: Settings, user: Users) -> None:
    clerk = user("office.clerk")
    drafts = [clerk.create(title=f"关于调整值班安排的通知（{n}）") for n in range(3)]
    for doc_id in drafts:
        clerk.ok(doc_id, "approve", expected_step="draft", assignees=["p-office.reviewer"])
    _leave(engine, settings, "office.reviewer")
    start = threading.Barrier(2)
    reports: list[HandoverReport] = []
    errors: list[str] = []

    def runner() -> None:
        try:
            start.wait()
            reports.append(_move(engine, settings, "office.reviewer", "office.secretary"))
        except Exception as error:  # reported by the test, not lost in the thread
            errors.append(repr(error))

    threads = [threading.Thread(target=runner) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(i.record_id for r in reports for i in r.moved) == sorted(drafts)
    for doc_id in drafts:
        trace = clerk.doc(doc_id)["trace"]
        assert [e["opinion"].startswith("离职交接") for e in trace].count(True) == 1
    _assert_chains_verify(engine, settings)


def test_a_successor_of_another_unit_gains_sight_of_the_record(
        engine: sa.Engine, settings: Settings, user: Users, tmp_path: Path) -> None:
    circulated, _ = walk_to(user, "sign")
    user("office.leader").ok(circulated, "circulate", assignees=["p-finance.clerk"])
    _leave(engine, settings, "finance.clerk")
    teacher = user("edu.clerk")
    assert circulated not in teacher.documents() | kind_of(teacher, "document")
    with pytest.raises(ValidationError) as refused:
        _move(engine, settings, "finance.clerk", "edu.clerk")
    assert refused.value.code == "handover.other_unit"

    report = _move(engine, settings, "finance.clerk", "edu.clerk", allow_other_unit=True)
    assert [i.record_id for i in report.moved] == [circulated]
    assert circulated in kind_of(teacher, "document")
    assert circulated in _todo(_client(teacher, engine, tmp_path), engine, settings, "edu.clerk")
    teacher.ok(circulated, "acknowledge")
    _assert_chains_verify(engine, settings)


# --- meetings --------------------------------------------------------------------------------


def test_an_invitation_moves_after_a_dry_run_that_wrote_nothing(
        engine: sa.Engine, settings: Settings, user: Users, clock: Clock,
        tmp_path: Path) -> None:
    secretary = user("office.secretary")
    meeting_id = create_meeting(secretary, at_hour(clock, timedelta(days=2)),
                                host_id="p-office.leader", recorder_id="p-office.secretary",
                                attendees=[{"kind": "person", "id": "p-finance.clerk"}])
    meet_ok(secretary, meeting_id, "book", room_id="r-1")
    meet_ok(secretary, meeting_id, "send_notice")
    meet_ok(user("finance.clerk"), meeting_id, "reply", reply="attend")
    _leave(engine, settings, "finance.clerk")
    boss = user("finance.leader")
    assert meeting_id not in kind_of(boss, "meeting")

    unchanged = _counts(engine)
    dry = _move(engine, settings, "finance.clerk", "finance.leader", dry_run=True)
    assert [i.record_id for i in dry.moved] == [meeting_id] and dry.dry_run
    assert dry.lines()[-1] == "（试运行，未做任何修改）"
    assert _counts(engine) == unchanged
    assert meeting_id not in kind_of(boss, "meeting")

    report = _move(engine, settings, "finance.clerk", "finance.leader")
    assert [i.pending for i in report.moved] == [("参加会议（待回执）",)]
    seen = kind_of(boss, "meeting")[meeting_id]
    assert {"kind": "person", "id": "p-finance.leader"} in seen["attendees"]
    assert {"kind": "person", "id": "p-finance.clerk"} not in seen["attendees"]
    assert seen["trace"][-1]["opinion"].startswith("离职交接：刘会计的待办移交给孙局长")
    store = _client(boss, engine, tmp_path)
    actor = _org(engine).actor("p-finance.leader", settings.clock())
    stored = store.get_record("meeting", meeting_id)
    assert stored is not None and replyable_attendees(stored, actor)
    meet_ok(boss, meeting_id, "reply", reply="attend")
    _assert_chains_verify(engine, settings)


# --- supervision -----------------------------------------------------------------------------


def test_a_draft_and_an_approval_move_to_people_who_may_act_on_them(
        engine: sa.Engine, settings: Settings, user: Users, clock: Clock) -> None:
    inspector = Person(id="p-office.inspector", name="钱督查", unit_id=OFFICE_ID,
                       roles=frozenset({Role.SUPERVISOR}), username="office.inspector")
    admin.create_user(engine, settings, inspector, "correct-horse-battery-9")
    supervisor = user("office.supervisor")
    deadline = clock() + timedelta(days=20)
    draft = create_item(supervisor, deadline)
    waiting = create_item(supervisor, deadline, needs_approval=True,
                          approver_id="p-office.leader")
    supervise_ok(supervisor, waiting, "open")
    _leave(engine, settings, "office.supervisor")
    _leave(engine, settings, "office.leader")

    moved = _move(engine, settings, "office.supervisor", "office.inspector")
    assert [(i.record_id, i.pending) for i in moved.moved] == [(draft, ("待立项（草稿）",))]
    approvals = _move(engine, settings, "office.leader", "office.deputy")
    assert [(i.record_id, i.pending) for i in approvals.moved] == [(waiting, ("待审批立项",))]

    deputy = user("office.deputy")
    item = kind_of(deputy, "supervision")[waiting]
    assert item["approver_id"] == "p-office.deputy"
    supervise_ok(deputy, waiting, "approve")
    response = deputy.api.post("/api/v1/auth/login", json={
        "username": "office.inspector", "password": "correct-horse-battery-9"})
    assert response.status_code == 200, response.text
    newcomer = User(deputy.api, "office.inspector", response.json())
    assert kind_of(newcomer, "supervision")[draft]["created_by"] == "p-office.inspector"
    supervise_ok(newcomer, draft, "open")
    _assert_chains_verify(engine, settings)


# --- refusals and the command line -----------------------------------------------------------


@pytest.mark.parametrize(("leaver", "successor", "code"), [
    ("office.reviewer", "office.reviewer", "handover.same_person"),
    ("office.clerk", "office.secretary", "handover.leaver_active"),
    ("office.reviewer", "office.leader", "handover.successor_inactive"),
])
def test_people_who_do_not_fit_are_refused_before_anything_is_written(
        engine: sa.Engine, settings: Settings, leaver: str, successor: str,
        code: str) -> None:
    _leave(engine, settings, "office.reviewer")
    _leave(engine, settings, "office.leader")
    unchanged = _counts(engine)
    with pytest.raises(ValidationError) as refused:
        _move(engine, settings, leaver, successor)
    assert refused.value.code == code and refused.value.message
    assert _counts(engine) == unchanged


def _cli(settings: Settings, capsys: pytest.CaptureFixture[str],
         *args: str) -> tuple[int, str, str]:
    code = cli.main([args[0], "--database-url", settings.database_url,
                     "--data-dir", str(settings.data_dir), *args[1:]])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_commands_list_and_move_open_work(
        engine: sa.Engine, settings: Settings, user: Users,
        capsys: pytest.CaptureFixture[str]) -> None:
    clerk = user("office.clerk")
    assigned = clerk.create(title="关于调整值班安排的通知")
    clerk.ok(assigned, "approve", expected_step="draft", assignees=["p-office.reviewer"])
    _leave(engine, settings, "office.reviewer")

    code, out, _ = _cli(settings, capsys, "open-work", "--left")
    assert code == 0
    assert "周核稿（office.reviewer，" in out and "1 项待办" in out
    assert "《关于调整值班安排的通知》  核稿（待办理）" in out and assigned in out
    code, out, _ = _cli(settings, capsys, "open-work", "--person", "office.clerk")
    assert (code, out.strip()) == (0, "李文书（office.clerk）：0 项待办")

    code, _, err = _cli(settings, capsys, "handover", "--from", "office.reviewer",
                        "--to", "nobody")
    assert code == 1 and "用户名不存在：nobody" in err
    code, _, err = _cli(settings, capsys, "handover", "--from", "office.reviewer",
                        "--to", "office.secretary", "--by", "office.clerk")
    assert code == 1 and "不是管理员" in err
    code, out, _ = _cli(settings, capsys, "handover", "--from", "office.reviewer",
                        "--to", "office.clerk")  # the drafter may not review their draft
    assert code == 1 and "不能移交" in out and "拟稿人" in out
    code, out, _ = _cli(settings, capsys, "handover", "--from", "office.reviewer",
                        "--to", "office.secretary", "--by", "office.admin", "--dry-run")
    assert code == 0 and "将移交 1 项" in out and "试运行" in out
    assert clerk.doc(assigned)["holders"][0]["person_id"] == "p-office.reviewer"
    code, out, _ = _cli(settings, capsys, "handover", "--from", "office.reviewer",
                        "--to", "office.secretary", "--by", "office.admin")
    assert code == 0 and "已移交 1 项" in out
    trace = clerk.doc(assigned)["trace"]
    assert trace[-1]["opinion"] == "离职交接：周核稿的待办移交给王秘书（管理员 系统管理员）"
    code, out, _ = _cli(settings, capsys, "open-work")
    assert (code, out.strip()) == (0, "没有已停用人员仍有待办")
