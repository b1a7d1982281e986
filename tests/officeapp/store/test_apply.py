"""The optimistic local path: document, outbox row and draft change in one transaction."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from officeapp.core.verdict import Accepted, Rejected
from officeapp.errors import ConflictError, DomainError
from officeapp.store import LocalStore, outbox
from officeapp.workflow import Action, ActionKind

if TYPE_CHECKING:
    from conftest import Office


def _outbox_size(store: LocalStore) -> int:
    return int(store.db.conn.execute("SELECT count(*) FROM outbox").fetchone()[0])


def test_accepted_action_writes_document_outbox_and_drops_the_draft(office: Office) -> None:
    store = office.store
    doc_id = office.draft()
    office.accept(doc_id, "office.clerk", "approve", opinion="请核稿")
    store.save_opinion_draft(document_id=doc_id, person_id="p-office.reviewer", step="review",
                             text="同意，建议修改标题")
    decision = office.act(doc_id, "office.reviewer", "approve", opinion="同意，建议修改标题")
    assert isinstance(decision, Accepted)
    assert store.get_document(doc_id) == decision.record
    assert store.get_opinion_draft(document_id=doc_id, person_id="p-office.reviewer") is None
    last = store.pending_mutations()[-1]
    assert (last.mutation_id, last.name, last.document_id) == (3, "document.approve", doc_id)
    assert last.args["action"]["opinion"] == "同意，建议修改标题"
    (pending,) = store.db.conn.execute("SELECT pending FROM documents WHERE id = ?",
                                       (doc_id,)).fetchone()
    assert pending == 1


def test_an_action_without_opinion_keeps_the_draft(office: Office) -> None:
    doc_id = office.draft()
    office.accept(doc_id, "office.clerk", "approve", opinion="请核稿")
    office.store.save_opinion_draft(document_id=doc_id, person_id="p-office.reviewer",
                                    step="review", text="正在斟酌的意见")
    office.accept(doc_id, "office.reviewer", "claim")
    draft = office.store.get_opinion_draft(document_id=doc_id, person_id="p-office.reviewer")
    assert draft is not None and draft.text == "正在斟酌的意见"


def test_a_rejected_action_writes_nothing(office: Office) -> None:
    store = office.store
    doc_id = office.draft()
    office.accept(doc_id, "office.clerk", "approve", opinion="请核稿")
    before, size = store.get_document(doc_id), _outbox_size(store)
    store.save_opinion_draft(document_id=doc_id, person_id="p-finance.leader", step="review",
                             text="越权的意见")
    decision = office.act(doc_id, "finance.leader", "approve", opinion="越权的意见")
    assert isinstance(decision, Rejected)
    assert decision.rejection.code == "workflow.not_holder"
    assert store.get_document(doc_id) == before
    assert _outbox_size(store) == size
    assert store.get_opinion_draft(document_id=doc_id, person_id="p-finance.leader") is not None


def test_an_unknown_document_is_a_rejection(office: Office) -> None:
    decision = office.act("missing", "office.clerk", "approve")
    assert isinstance(decision, Rejected)
    assert decision.rejection.code == "document.not_found"
    assert _outbox_size(office.store) == 0


def test_args_that_are_not_json_are_refused_before_anything_is_written(office: Office) -> None:
    doc_id = office.draft()
    before = office.store.get_document(doc_id)
    with pytest.raises(DomainError) as caught:
        office.store.apply_record_action(
            "document", record_id=doc_id, actor=office.actor("office.clerk"),
            action=Action(ActionKind.APPROVE, opinion="请核稿"), now=office.tick(),
            mutation_name="document.approve", mutation_args={"when": object()})
    assert caught.value.code == "store.not_json"
    assert office.store.get_document(doc_id) == before and _outbox_size(office.store) == 1


def test_a_crash_after_the_document_write_leaves_nothing_behind(
    office: Office, monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = office.store
    doc_id = office.draft()
    store.save_opinion_draft(document_id=doc_id, person_id="p-office.clerk", step="draft",
                             text="请核稿")
    before, size = store.get_document(doc_id), _outbox_size(store)

    def crash(*args: object, **kwargs: object) -> int:
        raise RuntimeError("power cut between the two writes")

    monkeypatch.setattr(outbox, "append", crash)
    with pytest.raises(RuntimeError):
        office.act(doc_id, "office.clerk", "approve", opinion="请核稿")
    monkeypatch.undo()
    assert store.get_document(doc_id) == before
    assert _outbox_size(store) == size
    assert store.search("请核稿") == []  # no FTS row for the lost opinion either
    draft = store.get_opinion_draft(document_id=doc_id, person_id="p-office.clerk")
    assert draft is not None and draft.text == "请核稿"
    office.accept(doc_id, "office.clerk", "approve", opinion="请核稿")  # and it still works
    assert [m.mutation_id for m in store.pending_mutations()] == [1, 2]


def test_a_killed_process_mid_transaction_loses_the_whole_action(office: Office) -> None:
    doc_id = office.draft()
    path = office.store.db.conn.execute("PRAGMA database_list").fetchone()[2]
    before = office.store.get_document(doc_id)
    office.store.close()
    # A real kill: the child dies inside apply_action after the document write, no rollback.
    script = textwrap.dedent(f"""
        import os
        from datetime import UTC, datetime
        from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS
        from officeapp.org import Organisation
        from officeapp.store import LocalStore, outbox
        from officeapp.workflow import Action, ActionKind
        outbox.append = lambda *a, **k: os._exit(9)
        store = LocalStore.open({path!r})
        now = datetime(2024, 3, 2, tzinfo=UTC)
        actor = Organisation(DEMO_UNITS, DEMO_PEOPLE).actor("p-office.clerk", now)
        store.apply_record_action("document", record_id={doc_id!r}, actor=actor,
                           action=Action(ActionKind.APPROVE, opinion="请核稿"), now=now,
                           mutation_name="document.approve", mutation_args={{}})
    """)
    result = subprocess.run([sys.executable, "-c", script], check=False)
    assert result.returncode == 9
    with LocalStore.open(Path(path)) as reopened:
        assert reopened.get_document(doc_id) == before
        assert [m.mutation_id for m in reopened.pending_mutations()] == [1]


def test_create_document_writes_the_draft_and_its_outbox_row(office: Office) -> None:
    doc_id = office.draft()
    (mutation,) = office.store.pending_mutations()
    assert (mutation.name, mutation.document_id, mutation.args["id"]) == (
        "document.create", doc_id, doc_id)
    document = office.store.get_document(doc_id)
    assert document is not None and document.step == "draft"
    with pytest.raises(ConflictError):
        office.store.create_record("document", record=replace(document, title="重复"),
                                   mutation_name="document.create", mutation_args={})
    assert _outbox_size(office.store) == 1
