"""A small driver for walking documents through their workflow in tests (shared by all suites)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, TypeVar

from officeapp.core.verdict import Accepted, Rejected, Verdict
from officeapp.demo import EDU_ID, FINANCE_ID
from officeapp.org import Actor, Organisation
from officeapp.workflow import (
    Action,
    ActionKind,
    Document,
    create_outgoing,
    decide,
    register_incoming,
)
from officeapp.workflow.codec import assignee_resolver

NOTICE_FIELDS: dict[str, Any] = {
    "doc_type": "通知",
    "title": "关于做好2027年元旦春节期间有关工作的通知",
    "main_recipients": [FINANCE_ID],
    "cc_recipients": [EDU_ID],
    "body": "各单位：\n\n为切实做好元旦春节期间各项工作，现将有关事项通知如下。"
            "\n\n一、加强值班值守",
    "agency_code": "萍府办发",
}


R = TypeVar("R")


def accepted(verdict: Verdict[R]) -> R:
    """Return the record of a verdict that must be an acceptance (any record kind)."""
    assert isinstance(verdict, Accepted), verdict
    return verdict.record


def refused(verdict: Verdict[R], what: str) -> str:
    """Return the code of a verdict that must be a refusal, which people can read."""
    assert isinstance(verdict, Rejected), f"{what} should be refused"
    assert verdict.rejection.message, "every rejection has a message for people"
    return verdict.rejection.code


class Flow:
    """Applies actions as named demo users, with a clock that ticks a minute per action."""

    def __init__(self, org: Organisation, start: datetime) -> None:
        self.org = org
        self.clock = start
        self.resolve = assignee_resolver(org)

    def tick(self) -> datetime:
        self.clock += timedelta(minutes=1)
        return self.clock

    def actor(self, username: str) -> Actor:
        return self.org.actor(f"p-{username}", self.clock)

    def action(self, kind: ActionKind, **kwargs: Any) -> Action:
        people = kwargs.pop("people", ())
        return Action(kind, assignees=tuple(self.resolve(f"p-{p}") for p in people), **kwargs)

    def try_(self, doc: Document, username: str, kind: ActionKind,
             **kwargs: Any) -> Verdict[Document]:
        kwargs.setdefault("expected_step", doc.step)
        return decide(doc, self.actor(username), self.action(kind, **kwargs), self.tick())

    def do(self, doc: Document, username: str, kind: ActionKind, **kwargs: Any) -> Document:
        return accepted(self.try_(doc, username, kind, **kwargs))

    def refuse(self, doc: Document, username: str, kind: ActionKind, **kwargs: Any) -> str:
        return refused(self.try_(doc, username, kind, **kwargs), f"{username} {kind}")

    def draft(self, username: str = "office.clerk", **fields: Any) -> Document:
        return create_outgoing(document_id="doc-1", actor=self.actor(username),
                               fields={**NOTICE_FIELDS, **fields}, now=self.tick())

    def incoming(self, username: str = "office.clerk", **fields: Any) -> Document:
        values = {"doc_type": "请示", "title": "关于拨付学校维修经费的请示",
                  "sender_unit": "市教育局", "received_number": "收〔2026〕8号", **fields}
        return register_incoming(document_id="in-1", actor=self.actor(username), fields=values,
                                 now=self.tick())


def to_step(flow: Flow, step: str) -> Document:
    """Walk a notice (countersigned by 财政局) up to outgoing step `step`."""
    route = [
        ("draft", "office.clerk", {"unit_ids": (FINANCE_ID,)}),
        ("review", "office.reviewer", {"opinion": "核稿无误"}),
        ("countersign", "finance.leader", {"opinion": "同意"}),
        ("sign", "office.leader", {"opinion": "同意印发"}),
        ("number", "office.clerk", {}),
        ("seal", "office.clerk", {}),
        ("issue", "office.clerk", {}),
    ]
    doc = flow.draft()
    for key, who, args in route:
        if doc.step == step:
            return doc
        assert doc.step == key
        doc = flow.do(doc, who, ActionKind.APPROVE, **args)
    assert doc.step == step
    return doc
