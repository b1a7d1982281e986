"""Fixtures for the local store: a real SQLite file with the demo organisation in it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import count
from pathlib import Path
from typing import Any

import pytest

from officeapp.core.verdict import Accepted, Verdict
from officeapp.demo import DEMO_PEOPLE, DEMO_ROOMS, DEMO_UNITS, EDU_ID, FINANCE_ID
from officeapp.org import Actor, Organisation
from officeapp.store import LocalStore
from officeapp.store.search import index_text
from officeapp.workflow import (
    Action,
    ActionKind,
    Document,
    create_outgoing,
    register_incoming,
)
from officeapp.workflow.codec import action_to_dict, assignee_resolver

START = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)

OUTGOING_FIELDS: dict[str, Any] = {
    "doc_type": "通知",
    "title": "萍乡市数字政府建设总体方案",
    "body": "为加快推进数字政府建设，提升政务服务效能，现将有关事项通知如下。",
    "main_recipients": [EDU_ID],
    "cc_recipients": [],
    "agency_code": "萍府办发",
    "urgency": "加急",
}


@dataclass
class Office:
    """The demo organisation working through a LocalStore, on a clock that ticks per action."""

    store: LocalStore
    org: Organisation = field(default_factory=lambda: Organisation(DEMO_UNITS, DEMO_PEOPLE))
    now: datetime = START
    _ids: Iterator[int] = field(default_factory=lambda: count(1))

    def tick(self) -> datetime:
        """Advance the clock and return the new time."""
        self.now += timedelta(minutes=7)
        return self.now

    def actor(self, username: str) -> Actor:
        """Return the demo person `username` as an Actor now."""
        return self.org.actor(f"p-{username}", self.now)

    def draft(self, username: str = "office.clerk", **fields: Any) -> str:
        """Create a 发文 draft through the store and return its id."""
        document = create_outgoing(document_id=f"doc-{next(self._ids)}",
                                   actor=self.actor(username),
                                   fields={**OUTGOING_FIELDS, **fields}, now=self.tick())
        self.store.create_record("document", record=document, mutation_name="document.create",
                                 mutation_args={"fields": fields, "id": document.id})
        return document.id

    def register(self, username: str = "office.clerk", **fields: Any) -> str:
        """Register a 收文 through the store and return its id."""
        values = {"doc_type": "请示", "title": "关于申请拨付2024年防汛抗旱经费的请示",
                  "body": "市财政局：今年入汛以来……", "sender_unit": "市水利局", **fields}
        document = register_incoming(document_id=f"doc-{next(self._ids)}",
                                     actor=self.actor(username), fields=values, now=self.tick())
        self.store.create_record("document", record=document, mutation_name="document.register",
                                 mutation_args={"fields": values, "id": document.id})
        return document.id

    def act(self, document_id: str, username: str, kind: str, **kwargs: Any) -> Verdict[Document]:
        """Apply an action through the optimistic local path; assignees are usernames."""
        resolve = assignee_resolver(self.org)
        people = kwargs.pop("assignees", ())
        action = Action(ActionKind(kind), assignees=tuple(resolve(f"p-{p}") for p in people),
                        **kwargs)
        return self.store.apply_record_action(
            "document", record_id=document_id, actor=self.actor(username), action=action,
            now=self.tick(),
            mutation_name=f"document.{kind}",
            mutation_args={"document_id": document_id, "action": action_to_dict(action)})

    def accept(self, document_id: str, username: str, kind: str, **kwargs: Any) -> Document:
        """Apply an action that must be accepted; return the new document."""
        decision = self.act(document_id, username, kind, **kwargs)
        assert isinstance(decision, Accepted), decision
        return decision.record

    def issue(self, document_id: str) -> Document:
        """Walk a draft through review, countersign, sign, number, seal and issue."""
        self.accept(document_id, "office.clerk", "approve", opinion="请核稿",
                    unit_ids=(FINANCE_ID,))
        self.accept(document_id, "office.reviewer", "approve", opinion="已核稿，文字无误。")
        self.accept(document_id, "finance.leader", "approve", opinion="同意，财政局无意见。")
        self.accept(document_id, "office.leader", "approve", opinion="同意印发。")
        for _ in ("number", "seal", "issue"):
            last = self.accept(document_id, "office.clerk", "approve")
        return last


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Return where the test's store lives."""
    return tmp_path / "store.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[LocalStore]:
    """Return a fresh store holding the demo directory."""
    with LocalStore.open(db_path) as opened:
        opened.save_directory(units=DEMO_UNITS, people=DEMO_PEOPLE, rooms=DEMO_ROOMS)
        yield opened


@pytest.fixture
def office(store: LocalStore) -> Office:
    """Return the demo organisation acting through `store`."""
    return Office(store)


def check_fts(store: LocalStore) -> None:
    """Raise unless the text index holds exactly the text of the content view."""
    conn = store.db.conn
    # The character index is contentless: compare every token and position it holds with
    # what index_text makes of the documents' text now.
    conn.execute("INSERT INTO documents_chars(documents_chars) VALUES ('integrity-check')")
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.chars_held USING"
                 " fts5vocab(main, documents_chars, instance)")
    held = sorted(conn.execute("SELECT doc, term, offset FROM temp.chars_held"))
    texts = conn.execute("SELECT doc_key, title, doc_number, body, opinions"
                         " FROM documents_fts_content")
    wanted = sorted((key, token.lower() if token.isascii() else token, offset)
                    for key, *values in texts
                    for offset, token in enumerate(index_text(*values).split(" ")))
    assert held == wanted


@pytest.fixture(name="check_fts")
def check_fts_fixture() -> Callable[[LocalStore], None]:
    """Return the FTS consistency check."""
    return check_fts


@pytest.fixture
def memory_store() -> Iterator[LocalStore]:
    """An empty store in memory (property tests fill it anew for each example)."""
    with LocalStore.open(":memory:") as store:
        yield store
