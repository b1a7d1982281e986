"""The 正文 as a Word/WPS file: versions added through EDIT, only at editable steps."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from officeapp.errors import ValidationError
from officeapp.workflow import ActionKind, Document
from officeapp.workflow.body import has_readable_text, parallel, parse_body_file
from officeapp.workflow.codec import document_from_dict, document_to_dict
from officeapp.workflow.fields import parse_changes
from tests.flows import Flow, to_step

A = ActionKind


def body_file(content: bytes, name: str = "正文.docx", based_on: int = 0) -> dict[str, Any]:
    return {"name": name, "sha256": hashlib.sha256(content).hexdigest(), "size": len(content),
            "based_on": based_on}


def test_a_draft_starts_with_its_first_version(flow: Flow) -> None:
    doc = flow.draft(body_file=body_file(b"v1"))
    assert [v.number for v in doc.body_versions] == [1]
    assert doc.body_file is not None and doc.body_file.name == "正文.docx"
    assert doc.body_versions[0].saved_by == "p-office.clerk"
    assert doc.body_versions[0].saved_by_name


def test_each_saved_file_is_the_next_version_with_an_edit_in_the_trace(flow: Flow) -> None:
    doc = flow.draft()
    assert doc.body_file is None
    doc = flow.do(doc, "office.clerk", A.EDIT, changes={"body_file": body_file(b"v1")})
    doc = flow.do(doc, "office.clerk", A.EDIT, changes={"body_file": body_file(b"v2", "正文.wps",
                                                                               1)})
    assert [v.number for v in doc.body_versions] == [1, 2]
    assert doc.body_file == doc.body_versions[-1].file and doc.body_file.name == "正文.wps"
    entry = doc.trace[-1]
    assert entry.action is A.EDIT and entry.details == {"fields": ["body_file"], "body_version": 2}
    assert doc.body_versions[1].saved_at == entry.at


def test_the_reviewer_may_save_a_version_but_not_after_review(flow: Flow) -> None:
    doc = flow.do(flow.draft(body_file=body_file(b"v1")), "office.clerk", A.APPROVE)
    doc = flow.do(doc, "office.reviewer", A.CLAIM)
    doc = flow.do(doc, "office.reviewer", A.EDIT, changes={"body_file": body_file(b"v2")})
    assert doc.body_versions[-1].saved_by == "p-office.reviewer"
    signing = to_step(flow, "sign")
    assert flow.refuse(signing, "office.leader", A.EDIT,
                       changes={"body_file": body_file(b"v3")}) == "workflow.action_not_allowed"


def test_a_clerk_may_attach_the_file_of_a_registered_incoming_document(flow: Flow) -> None:
    doc = flow.incoming(body_file=body_file(b"in", "来文.doc"))
    doc = flow.do(doc, "office.clerk", A.EDIT, changes={"body_file": body_file(b"in2",
                                                                               "来文.docx")})
    assert [v.file.name for v in doc.body_versions] == ["来文.doc", "来文.docx"]


def test_two_offline_versions_of_the_same_base_are_both_kept(flow: Flow) -> None:
    """Two people edit version 1 offline: the server numbers them 2 and 3, nothing is lost."""
    doc = flow.draft(body_file=body_file(b"v1"))
    for content in (b"mine", b"theirs"):
        doc = flow.do(doc, "office.clerk", A.EDIT,
                      changes={"body_file": body_file(content, based_on=1)})
    assert [(v.number, v.based_on) for v in doc.body_versions] == [(1, 0), (2, 1), (3, 1)]
    assert [parallel(v) for v in doc.body_versions] == [False, False, True]


def test_the_version_list_is_not_a_field_a_client_may_set(flow: Flow) -> None:
    doc = flow.draft(body_file=body_file(b"v1"))
    assert flow.refuse(doc, "office.clerk", A.EDIT, changes={"body_versions": []}) == (
        "document.unknown_field")


@pytest.mark.parametrize("value", [
    "正文.docx", {"name": "正文.pdf", "sha256": "a" * 64, "size": 3},
    {"name": "正文.docx", "sha256": "xyz", "size": 3},
    {"name": "正文.docx", "sha256": "a" * 64, "size": 0},
    {"name": "正文.docx", "sha256": "a" * 64, "size": 300 * 1024 * 1024},
    {"name": "正文.docx", "sha256": "a" * 64, "size": 3, "based_on": -1},
    {"name": "", "sha256": "a" * 64, "size": 3},
])
def test_a_bad_body_file_is_refused_with_its_field(value: Any) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_changes({"body_file": value})
    assert raised.value.code == "document.invalid_body_file"
    assert raised.value.details["field"] == "body_file"


def test_only_docx_text_can_be_read() -> None:
    assert has_readable_text("a.DOCX")
    assert not any(has_readable_text(n) for n in ("a.doc", "a.wps", "a.odt", "a"))
    assert parse_body_file({"name": "x.RTF", "sha256": "b" * 64, "size": 1}).file.name == "x.RTF"


def test_the_versions_survive_the_codec(flow: Flow) -> None:
    doc = flow.draft(body_file=body_file(b"v1"))
    doc = flow.do(doc, "office.clerk", A.EDIT, changes={"body_file": body_file(b"v2",
                                                                               based_on=1)})
    again: Document = document_from_dict(document_to_dict(doc))
    assert again == doc and again.body_versions[1].based_on == 1


def test_old_json_without_versions_reads_as_none(flow: Flow) -> None:
    data = document_to_dict(flow.draft())
    del data["body_versions"]
    assert document_from_dict(data).body_versions == ()
    data["body_versions"] = [{"number": 1, "file": {"name": 3}, "saved_by": "p",
                              "saved_at": "2026-01-01T00:00:00+08:00"}]
    with pytest.raises(ValidationError):
        document_from_dict(data)
