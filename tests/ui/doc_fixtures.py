"""Fixtures of the document pane tests: a real store with the demo organisation, no server.

Import them explicitly into a test module (`from tests.ui.doc_fixtures import doc_env`).
The store holds everyone's view, so documents are walked through their steps by acting as
different demo people against it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import qasync

from officeapp.clock import Clock
from officeapp.core.verdict import Accepted, Verdict
from officeapp.demo import DEMO_PEOPLE, DEMO_ROOMS, DEMO_UNITS, EDU_ID, FINANCE_ID
from officeapp.store import LocalStore
from officeapp.workflow import Action, ActionKind, Document
from officeapp.workflow.codec import assignee_resolver
from sync.client import actions
from ui.common.context import AppContext
from ui.common.qt import QWidget
from ui.common.settings import Settings
from ui.common.worker import Worker

NOTICE: dict[str, Any] = {
    "doc_type": "通知",
    "title": "关于做好2027年元旦春节期间有关工作的通知",
    "main_recipients": [FINANCE_ID],
    "cc_recipients": [EDU_ID],
    "body": "各单位：\n\n为切实做好元旦春节期间各项工作，现将有关事项通知如下。"
            "\n\n一、加强值班值守",
}


@dataclass
class DocEnv:
    """One test's client: a qasync loop, the worker, a store, and contexts per person."""

    loop: qasync.QEventLoop
    worker: Worker
    store: LocalStore
    settings: Settings
    tmp_path: Path
    contexts: dict[str, AppContext] = field(default_factory=dict)
    widgets: list[QWidget] = field(default_factory=list)
    clock: datetime = field(default_factory=lambda: datetime.now(UTC) - timedelta(hours=2))
    # The one server-corrected clock of this machine, shared by every person's context.
    session_clock: Clock = field(default_factory=Clock)

    def ctx(self, username: str) -> AppContext:
        """Return the context of a demo person (all share the one store and worker)."""
        if username not in self.contexts:
            self.contexts[username] = AppContext(
                settings=self.settings, worker=self.worker, store=self.store,
                person_id=f"p-{username}", clock=self.session_clock)
        return self.contexts[username]

    def set_server_offset(self, offset: timedelta) -> None:
        """Say the server's clock runs `offset` ahead of this machine's, as a sync measures it:
        the store keeps it for the next start, and the session's clock reads it now."""
        self.worker.call(self.store.set_server_offset, offset)
        self.session_clock.offset = offset

    def keep(self, widget: QWidget) -> QWidget:
        """Close and delete `widget` before the loop ends."""
        self.widgets.append(widget)
        return widget

    def run(self, coroutine: Coroutine[Any, Any, Any], *, timeout: float = 15.0) -> Any:
        """Run a coroutine on the loop; Qt events are processed meanwhile."""
        return self.loop.run_until_complete(asyncio.wait_for(coroutine, timeout))

    def until(self, predicate: Callable[[], Any], *, timeout: float = 15.0,
              what: str = "") -> None:
        """Let the loop run until `predicate()` holds, or fail after `timeout` seconds."""

        async def poll() -> None:
            deadline = time.monotonic() + timeout
            while not predicate():
                if time.monotonic() > deadline:
                    raise AssertionError(f"timed out waiting for {what or predicate}")
                await asyncio.sleep(0.02)

        self.loop.run_until_complete(poll())

    def settle(self, seconds: float = 0.05) -> None:
        """Let pending background work run for a moment."""
        self.loop.run_until_complete(asyncio.sleep(seconds))

    # --- walking documents as demo people --------------------------------------------------

    def tick(self) -> datetime:
        """Return the next moment of the test clock (a minute per action, in the past)."""
        self.clock += timedelta(minutes=1)
        return self.clock

    def draft(self, username: str = "office.clerk", **fields: Any) -> str:
        """Draft a 发文 as `username`; return its id."""
        document: Document = self.worker.call(
            actions.draft_outgoing, self.store, person_id=f"p-{username}",
            fields={**NOTICE, **fields}, now=self.tick())
        return document.id

    def register(self, username: str = "office.clerk", **fields: Any) -> str:
        """Register a 收文 as `username`; return its id."""
        values = {"doc_type": "请示", "title": "关于拨付学校维修经费的请示",
                  "sender_unit": "市教育局", "received_number": "收〔2026〕8号", **fields}
        document: Document = self.worker.call(
            actions.register, self.store, person_id=f"p-{username}", fields=values,
            now=self.tick())
        return document.id

    def act(self, document_id: str, username: str, kind: ActionKind, **kwargs: Any) -> Document:
        """Take an action as `username`; it must be accepted."""
        decision = self.try_act(document_id, username, kind, **kwargs)
        assert isinstance(decision, Accepted), decision
        return decision.record

    def try_act(self, document_id: str, username: str, kind: ActionKind,
                **kwargs: Any) -> Verdict[Document]:
        """Take an action as `username` and return the decision."""
        people = kwargs.pop("people", ())
        resolve = assignee_resolver(self.store.organisation())
        action = Action(kind, assignees=tuple(resolve(f"p-{p}") for p in people), **kwargs)
        decision: Verdict[Document] = self.worker.call(
            actions.act, self.store, person_id=f"p-{username}", document_id=document_id,
            action=action, now=self.tick())
        return decision

    def document(self, document_id: str) -> Document:
        """Return the document as the store holds it."""
        found: Document | None = self.worker.call(self.store.get_document, document_id)
        assert found is not None
        return found

    def outbox(self) -> list[Any]:
        """Return the pending outbox rows."""
        rows: list[Any] = self.worker.call(self.store.pending_mutations)
        return rows


@pytest.fixture
def doc_loop(loop: qasync.QEventLoop) -> qasync.QEventLoop:
    """The suite's qasync loop (tests/ui/conftest.py), under the name these tests use."""
    return loop


@pytest.fixture
def doc_env(doc_loop: qasync.QEventLoop, tmp_path: Path) -> Iterator[DocEnv]:
    """A store in tmp_path with the demo organisation, a worker, and no server."""
    worker = Worker()
    store: LocalStore = worker.call(LocalStore.open, tmp_path / "client.db")
    worker.call(store.save_directory, units=DEMO_UNITS, people=DEMO_PEOPLE, rooms=DEMO_ROOMS)
    settings = Settings(tmp_path / "settings.ini")
    settings.set("data_dir", str(tmp_path / "data"))
    env = DocEnv(doc_loop, worker, store, settings, tmp_path)
    yield env
    for widget in env.widgets:
        widget.close()
        widget.deleteLater()
    env.settle()
    doc_loop.run_until_complete(_cancel_background(doc_loop))
    worker.call(store.close)  # after every job the cancelled tasks left on the worker
    worker.shutdown()


@pytest.fixture
def doc_idle(doc_env: DocEnv) -> Iterator[None]:
    """Let the windows' background work (counts, reloads) end before they are deleted: a
    main window's tasks may outlive it in a test's teardown."""
    yield
    for ctx in doc_env.contexts.values():
        doc_env.until(lambda c=ctx: not c._tasks, what="the background work to end")


async def _cancel_background(loop: asyncio.AbstractEventLoop) -> None:
    """Cancel what the widgets left running and wait until it has stopped."""
    current = asyncio.current_task()
    tasks = [t for t in asyncio.all_tasks(loop) if t is not current and not t.done()]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
