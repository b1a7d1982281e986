"""The operation runner: busy state, the one clock, refusals, the dead-pane guard and the
typed change broadcast — with a real context (store, worker), no server."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from officeapp.clock import Clock
from officeapp.core.verdict import Accepted, Rejected
from officeapp.errors import DomainError, Rejection, ValidationError
from officeapp.store.pull import PullOutcome
from officeapp.store.tables import TABLES
from sync.client.api import ApiError, Offline
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_loop
from ui.common.context import AppContext, ChangeKind, Changes
from ui.common.messages import Refusal
from ui.common.operations import Operation, on_store
from ui.common.qt import QMessageBox, QPushButton, QWidget

__all__ = ["doc_env", "doc_loop"]  # fixtures used by the tests below

MOMENT = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)


class Pane(QWidget):
    """A stand-in view: one button, a busy flag it records, refusals and results it keeps."""

    def __init__(self) -> None:
        super().__init__()
        self.button = QPushButton("办理", self)
        self.busy_seen: list[bool] = []
        self.refusals: list[Refusal] = []
        self.results: list[Any] = []


def _finish(env: DocEnv, task: asyncio.Task[Any]) -> None:
    env.loop.run_until_complete(asyncio.wait_for(asyncio.shield(task), 5))


def _context(env: DocEnv) -> tuple[AppContext, list[Changes]]:
    ctx = env.ctx("office.clerk")
    heard: list[Changes] = []
    ctx.changed.connect(heard.append)
    return ctx, heard


def _operation(pane: Pane, ctx: AppContext, result: Any, *,
               gate: asyncio.Event | None = None) -> Operation[Any]:
    async def action(now: datetime) -> Any:
        pane.results.append(("now", now))
        if gate is not None:
            await gate.wait()
        if isinstance(result, BaseException):
            raise result
        return result

    return (Operation(pane, ctx, what="办理", action=action)
            .busy(pane.button, flag=pane.busy_seen.append)
            .changes(ChangeKind.DOCUMENT, ids={ChangeKind.DOCUMENT: ("d1",)})
            .refused(pane.refusals.append)
            .success(lambda r: pane.results.append(("ok", r))))


def test_busy_while_running_then_cleared_and_broadcast(doc_env: DocEnv) -> None:
    ctx, heard = _context(doc_env)
    pane = doc_env.keep(Pane())
    assert isinstance(pane, Pane)
    gate = asyncio.Event()
    task = _operation(pane, ctx, Accepted("record"), gate=gate).run()
    doc_env.settle()
    assert pane.busy_seen == [True]
    assert not pane.button.isEnabled()
    gate.set()
    _finish(doc_env, task)
    assert pane.busy_seen == [True, False]
    assert pane.button.isEnabled()
    assert pane.results[-1] == ("ok", Accepted("record"))
    [changes] = heard
    assert changes.kinds == {ChangeKind.DOCUMENT, ChangeKind.OUTBOX}
    assert changes.of(ChangeKind.DOCUMENT) == {"d1"}
    assert changes.origin is pane


def test_the_action_reads_the_one_clock(doc_env: DocEnv) -> None:
    ctx, _heard = _context(doc_env)
    ctx.clock = Clock(offset=timedelta(minutes=5), machine=lambda: MOMENT)
    pane = doc_env.keep(Pane())
    assert isinstance(pane, Pane)
    _finish(doc_env, _operation(pane, ctx, "done").run())
    assert pane.results[0] == ("now", MOMENT + timedelta(minutes=5))


@pytest.mark.parametrize("result", [
    Rejected(Rejection("document.wrong_step", "该文件已不在此环节")),
    ValidationError("document.wrong_step", "该文件已不在此环节"),
    ApiError(409, "document.wrong_step", "该文件已不在此环节"),  # the server's refusal
])
def test_a_rejection_or_a_domain_error_is_refused_and_nothing_broadcast(
        doc_env: DocEnv, result: Any) -> None:
    ctx, heard = _context(doc_env)
    pane = doc_env.keep(Pane())
    assert isinstance(pane, Pane)
    _finish(doc_env, _operation(pane, ctx, result).run())
    [refusal] = pane.refusals
    assert (refusal.code, refusal.message) == ("document.wrong_step", "该文件已不在此环节")
    assert pane.busy_seen == [True, False]
    assert pane.button.isEnabled()
    assert heard == []
    assert [r for r in pane.results if r[0] == "ok"] == []


def test_the_default_refusal_shows_the_message(doc_env: DocEnv) -> None:
    ctx, _heard = _context(doc_env)
    pane = doc_env.keep(Pane())

    async def refuse(now: datetime) -> None:
        raise DomainError("document.wrong_step", "该文件已不在此环节")

    _finish(doc_env, Operation(pane, ctx, what="办理", action=refuse).run())
    [box] = pane.findChildren(QMessageBox)
    assert box.text() == "该文件已不在此环节"
    assert box.windowTitle() == "办理"
    box.close()


def test_a_pane_gone_meanwhile_is_not_touched_but_the_write_is_broadcast(
        doc_env: DocEnv) -> None:
    ctx, heard = _context(doc_env)
    pane = Pane()
    gate = asyncio.Event()
    task = _operation(pane, ctx, Accepted("record"), gate=gate).run()
    doc_env.settle()
    busy_seen, results = pane.busy_seen, pane.results
    pane.deleteLater()
    doc_env.settle()
    gate.set()
    _finish(doc_env, task)  # no RuntimeError from a dead pane
    assert busy_seen == [True]
    assert [r for r in results if r[0] == "ok"] == []
    assert [c.kinds for c in heard] == [{ChangeKind.DOCUMENT, ChangeKind.OUTBOX}]


def test_other_errors_reach_the_status_bar(doc_env: DocEnv) -> None:
    ctx, heard = _context(doc_env)
    errors: list[str] = []
    ctx.error.connect(errors.append)
    pane = doc_env.keep(Pane())
    assert isinstance(pane, Pane)
    task = _operation(pane, ctx, OSError("磁盘已满")).run()
    doc_env.loop.run_until_complete(asyncio.wait([task]))  # it fails: the context says so
    doc_env.settle()
    assert errors == ["办理失败：磁盘已满"]
    assert pane.button.isEnabled()
    assert heard == []


def test_an_expected_failure_goes_to_its_callback_not_the_status_bar(doc_env: DocEnv) -> None:
    ctx, heard = _context(doc_env)
    errors: list[str] = []
    ctx.error.connect(errors.append)
    pane = doc_env.keep(Pane())
    assert isinstance(pane, Pane)
    failures: list[Exception] = []
    operation = (_operation(pane, ctx, OSError("磁盘已满"))
                 .expect(Offline, lambda _error: failures.append(Offline()))
                 .expect(OSError, failures.append))
    _finish(doc_env, operation.run())
    doc_env.settle()
    assert [str(f) for f in failures] == ["磁盘已满"]
    assert pane.busy_seen == [True, False]
    assert pane.button.isEnabled()
    assert (errors, heard, pane.refusals) == ([], [], [])


def test_a_change_of_this_client_alone_is_broadcast_without_the_outbox(
        doc_env: DocEnv) -> None:
    ctx, heard = _context(doc_env)
    pane = doc_env.keep(Pane())
    assert isinstance(pane, Pane)
    operation = _operation(pane, ctx, None).changes(ChangeKind.REJECTION, queued=False)
    _finish(doc_env, operation.run())
    [changes] = heard
    assert changes.kinds == {ChangeKind.REJECTION}
    assert changes.origin is pane


def test_on_store_runs_on_the_database_thread_with_now(doc_env: DocEnv) -> None:
    ctx, _heard = _context(doc_env)
    ctx.clock = Clock(machine=lambda: MOMENT)

    def read(store: Any, *, now: datetime, person_id: str) -> tuple[datetime, str]:
        return now, store.organisation().people[person_id].name

    pane = doc_env.keep(Pane())
    assert isinstance(pane, Pane)
    _finish(doc_env, _operation_of(pane, ctx, on_store(ctx, read, person_id=ctx.person_id)).run())
    assert pane.results[0][0] == "ok"
    assert pane.results[0][1][0] == MOMENT


def _operation_of(pane: Pane, ctx: AppContext, action: Any) -> Operation[Any]:
    return Operation(pane, ctx, what="读取", action=action).success(
        lambda r: pane.results.append(("ok", r)))


def test_plain_kind_names_still_match_typed_changes() -> None:
    changes = Changes(frozenset({ChangeKind.MEETING}))
    assert "meeting" in changes.kinds
    assert ChangeKind("supervision") is ChangeKind.SUPERVISION


def test_every_record_kind_of_the_store_is_a_change_kind() -> None:
    assert set(TABLES) <= {kind.value for kind in ChangeKind}  # AppContext.pulled relies on it


def test_a_pull_is_broadcast_with_its_ids_by_kind(doc_env: DocEnv) -> None:
    ctx, heard = _context(doc_env)
    ctx.pulled(PullOutcome({"meeting": {"m1"}, "supervision": {"s1"}}, rejected=(4,)))
    [changes] = heard
    assert changes.kinds == {ChangeKind.MEETING, ChangeKind.SUPERVISION, ChangeKind.REJECTION,
                             ChangeKind.OUTBOX}
    assert changes.of(ChangeKind.MEETING) == {"m1"} and changes.of(ChangeKind.DOCUMENT) == set()
    assert changes.origin is None
