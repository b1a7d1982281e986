"""Outbox, acknowledgements, rejections that keep the user's text, and opinion drafts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from officeapp.errors import ConflictError
from officeapp.store import LocalStore, NotFoundError

if TYPE_CHECKING:
    from conftest import Office

TEXT = "同意。建议第三段“原则上”删去，并请财政局明确资金来源。"


def _states(store: LocalStore) -> list[tuple[int, str]]:
    return store.db.conn.execute(
        "SELECT mutation_id, state FROM outbox ORDER BY mutation_id").fetchall()


@pytest.fixture
def reviewed(office: Office) -> Office:
    """A draft sent to review, then approved by the reviewer with a typed opinion."""
    doc_id = office.draft()
    office.accept(doc_id, "office.clerk", "approve", opinion="请核稿")
    office.store.save_opinion_draft(document_id=doc_id, person_id="p-office.reviewer",
                                    step="review", text=TEXT)
    office.accept(doc_id, "office.reviewer", "approve", opinion=TEXT)
    return office


def test_mutations_are_pushed_in_order_and_acked_up_to_the_servers_id(reviewed: Office) -> None:
    store = reviewed.store
    assert [m.mutation_id for m in store.pending_mutations()] == [1, 2, 3]
    assert [m.mutation_id for m in store.pending_mutations(limit=2)] == [1, 2]
    assert store.mark_acked(up_to=2) == 2
    assert [m.mutation_id for m in store.pending_mutations()] == [3]
    assert store.mark_acked(up_to=2) == 0  # the same pull page again changes nothing
    assert _states(store) == [(1, "acked"), (2, "acked"), (3, "pending")]


def test_an_ack_beyond_what_this_client_sent_is_refused(reviewed: Office) -> None:
    with pytest.raises(ConflictError) as caught:
        reviewed.store.mark_acked(up_to=4)
    assert caught.value.code == "outbox.ack_ahead"
    assert len(reviewed.store.pending_mutations()) == 3


def test_attempts_and_errors_are_counted(reviewed: Office) -> None:
    store = reviewed.store
    store.record_attempt(mutation_id=1, error="连接超时")
    store.record_attempt(mutation_id=1, error="503 服务暂不可用")
    first = store.pending_mutations()[0]
    assert (first.attempts, first.last_error) == (2, "503 服务暂不可用")
    with pytest.raises(NotFoundError):
        store.record_attempt(mutation_id=99)


def test_a_rejection_keeps_the_users_text_and_returns_it_as_a_draft(reviewed: Office) -> None:
    store = reviewed.store
    assert store.get_opinion_draft(document_id="doc-1", person_id="p-office.reviewer") is None
    record = store.record_rejection(
        mutation_id=3, code="workflow.already_claimed",
        message="该环节已由陈副主任于2024-03-01 09:20签收办理",
        details={"winner_id": "p-office.deputy"})
    assert record.args["action"]["opinion"] == TEXT
    assert (record.name, record.document_id, record.dismissed) == (
        "document.approve", "doc-1", False)
    assert store.rejections() == [record]
    assert [m.mutation_id for m in store.pending_mutations()] == [1, 2]
    draft = store.get_opinion_draft(document_id="doc-1", person_id="p-office.reviewer")
    assert draft is not None and (draft.text, draft.step) == (TEXT, "review")


def test_recording_a_rejection_twice_or_after_the_ack_is_harmless(reviewed: Office) -> None:
    store = reviewed.store
    store.mark_acked(up_to=3)
    first = store.record_rejection(mutation_id=3, code="workflow.forbidden", message="不允许")
    again = store.record_rejection(mutation_id=3, code="workflow.forbidden", message="不允许")
    assert first == again and len(store.rejections()) == 1
    assert _states(store)[-1] == (3, "rejected")
    with pytest.raises(NotFoundError):
        store.record_rejection(mutation_id=42, code="x", message="y")


def test_a_newer_draft_is_not_overwritten_by_the_rejected_text(reviewed: Office) -> None:
    store = reviewed.store
    store.save_opinion_draft(document_id="doc-1", person_id="p-office.reviewer", step="review",
                             text="重新写的意见")
    store.record_rejection(mutation_id=3, code="workflow.forbidden", message="不允许")
    draft = store.get_opinion_draft(document_id="doc-1", person_id="p-office.reviewer")
    assert draft is not None and draft.text == "重新写的意见"
    assert store.rejections()[0].args["action"]["opinion"] == TEXT


def test_dismissed_rejections_are_hidden_but_kept(reviewed: Office) -> None:
    store = reviewed.store
    record = store.record_rejection(mutation_id=3, code="workflow.forbidden", message="不允许")
    store.dismiss_rejection(record.id)
    assert store.rejections() == []
    (kept,) = store.rejections(include_dismissed=True)
    assert kept.dismissed and kept.args["action"]["opinion"] == TEXT
    with pytest.raises(NotFoundError):
        store.dismiss_rejection(12345)


def test_a_rejected_action_is_rolled_back_to_the_server_version(reviewed: Office) -> None:
    store = reviewed.store
    server = store.get_document("doc-1")
    assert server is not None
    store.put_records("document", [server])  # a pull confirmed everything up to the review
    reviewed.accept("doc-1", "office.leader", "approve", opinion="同意印发")
    store.record_rejection(mutation_id=4, code="workflow.not_holder", message="已被他人办理")
    assert store.revert_records("document", ["doc-1"]) == ["doc-1"]
    assert store.get_document("doc-1") == server


def test_mutation_ids_keep_rising(reviewed: Office) -> None:
    assert reviewed.store.last_mutation_id() == 3
    reviewed.store.mark_acked(up_to=3)
    reviewed.draft()
    assert reviewed.store.pending_mutations()[0].mutation_id == 4


def test_opinion_drafts_are_saved_replaced_and_cleared(store: LocalStore) -> None:
    when = datetime(2024, 3, 1, 10, 0, tzinfo=UTC)
    store.save_opinion_draft(document_id="d", person_id="p", step="review", text="同", now=when)
    store.save_opinion_draft(document_id="d", person_id="p", step="review", text="同意", now=when)
    draft = store.get_opinion_draft(document_id="d", person_id="p")
    assert draft is not None and (draft.text, draft.updated_at) == ("同意", when)
    assert store.get_opinion_draft(document_id="d", person_id="someone else") is None
    store.save_opinion_draft(document_id="d", person_id="p", step="review", text="  ")
    assert store.get_opinion_draft(document_id="d", person_id="p") is None


def test_a_draft_outlives_the_document_being_revoked(reviewed: Office) -> None:
    store = reviewed.store
    store.save_opinion_draft(document_id="doc-1", person_id="p-office.leader", step="sign",
                             text="拟同意")
    store.delete_records("document", ["doc-1"])
    draft = store.get_opinion_draft(document_id="doc-1", person_id="p-office.leader")
    assert draft is not None and draft.text == "拟同意"
