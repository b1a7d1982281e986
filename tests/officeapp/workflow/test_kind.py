"""公文 as a record kind: its inbox entries say what the workflow rules say waits for whom."""

from __future__ import annotations

from officeapp.core.inbox import reaches
from officeapp.demo import DEMO_PEOPLE
from officeapp.org import Actor
from officeapp.workflow import ActionKind, Attachment, Document, current_step, may_hold
from officeapp.workflow.codec import document_from_dict, document_to_dict
from officeapp.workflow.engine import pending_holders
from officeapp.workflow.kind import DOCUMENT, files
from tests.flows import Flow, to_step

A = ActionKind
PEOPLE = [p.username for p in DEMO_PEOPLE]


def holds(document: Document, actor: Actor) -> bool:
    """The engine's rule: an open holder the actor may take (not the drafter's own pool)."""
    own_draft = (current_step(document).excludes_creator
                 and document.created_by == actor.person_id)
    return any(may_hold(h, actor) and not (own_draft and h.person_id is None)
               for h in pending_holders(document))


def todo(document: Document, actor: Actor, task: str = "handle") -> bool:
    return any(reaches(e, actor) and not e.done and e.task == task
               for e in DOCUMENT.inbox(document))


def test_the_holders_of_the_current_step_have_it_to_handle(flow: Flow) -> None:
    for step in ("draft", "review", "countersign", "sign", "number", "seal", "issue"):
        document = to_step(flow, step)
        for username in PEOPLE:
            actor = flow.actor(username)
            assert todo(document, actor) == holds(document, actor), (step, username)


def test_who_acted_has_it_done(flow: Flow) -> None:
    document = to_step(flow, "sign")
    done = {e.person_id: e.task for e in DOCUMENT.inbox(document) if e.done}
    assert done == {"p-office.clerk": "approve", "p-office.reviewer": "approve",
                    "p-finance.leader": "approve"}


def test_a_circulation_waits_for_its_reader_until_read(flow: Flow) -> None:
    document = flow.do(to_step(flow, "sign"), "office.leader", A.CIRCULATE,
                       people=("office.supervisor",))
    reader = flow.actor("office.supervisor")
    assert todo(document, reader, "circulate")
    read = flow.do(document, "office.supervisor", A.ACKNOWLEDGE)
    assert not todo(read, reader, "circulate")


def test_the_kind_codec_and_files_are_the_documents(flow: Flow) -> None:
    file = Attachment("附件1.pdf", "a" * 64, 10)
    document = flow.draft(attachments=[{"name": file.name, "sha256": file.sha256,
                                        "size": file.size}])
    assert DOCUMENT.to_dict is document_to_dict and DOCUMENT.from_dict is document_from_dict
    assert DOCUMENT.from_dict(DOCUMENT.to_dict(document)) == document
    assert files(document) == (file,) and list(DOCUMENT.attachments(document)) == [file.sha256]
    assert DOCUMENT.record_id(document) == "doc-1" and DOCUMENT.title(document) == document.title
    assert DOCUMENT.columns["step"](document) == "draft"
