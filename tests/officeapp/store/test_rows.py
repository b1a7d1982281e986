"""rows_from_data: a document's rows straight from its JSON, as a pull stores them, and the JSON
it refuses (never anything the codec could not read back)."""

from __future__ import annotations

import copy
import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS
from officeapp.documents import URGENCY_RANK
from officeapp.errors import DomainError
from officeapp.org import Organisation
from officeapp.store.db import timestamp
from officeapp.store.rows import NO_DEADLINE, document_rows, rows_from_data, status_of
from officeapp.workflow import ActionKind, Attachment, Document
from officeapp.workflow.codec import document_from_dict, document_to_dict
from officeapp.workflow.model import ArchiveInfo, Circulation, Informed, Retention

from ...flows import Flow, to_step

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
STEPS = ("draft", "review", "countersign", "sign", "number", "seal", "issue", "done")


def documents() -> list[Document]:
    """Documents at every outgoing step, an incoming one, and one with every optional part."""
    found = []
    for step in STEPS:
        flow = Flow(Organisation(DEMO_UNITS, DEMO_PEOPLE), START)
        found.append(to_step(flow, step))
    flow = Flow(Organisation(DEMO_UNITS, DEMO_PEOPLE), START)
    incoming = flow.do(flow.incoming(), "office.clerk", ActionKind.APPROVE)
    full = replace(
        found[3], deadline=START + timedelta(days=9), written_date=START.date(),
        attachments=(Attachment("预案.pdf", "a" * 64, 120),),
        circulations=(Circulation("p-edu.clerk", "p-office.clerk", START, START),
                      Circulation("p-finance.clerk", "p-office.clerk", START, None)),
        archive=ArchiveInfo(2026, Retention.PERMANENT, 7),
        official_pdf=Attachment("关于开展安全检查的通知.pdf", "b" * 64, 201948))
    return [*found, incoming, full]


def informed_document() -> Document:
    """A document 知会'd to two people, one of whom has read it (the bulk path leaves such a
    document to Python)."""
    return replace(documents()[3], informed=(
        Informed("p-edu.leader", "p-office.clerk", START, None),
        Informed("p-finance.leader", "p-office.clerk", START, START)))


@pytest.mark.parametrize("document", [*documents(), informed_document()],
                         ids=lambda d: f"{d.direction}-{d.step}-{len(d.informed)}")
def test_the_rows_from_json_describe_the_document(document: Document) -> None:
    rows = rows_from_data(document_to_dict(document))
    assert rows == document_rows(document)
    updated = timestamp(document.updated_at or document.created_at)
    deadline = None if document.deadline is None else timestamp(document.deadline)
    assert rows.listing == (
        document.id, document.direction.value, document.doc_type.value, document.title,
        document.doc_number, document.urgency.value, URGENCY_RANK[document.urgency],
        document.classification.value, document.owner_unit_id, document.created_by,
        document.step, status_of(document.step).value, deadline,
        deadline or f"{NO_DEADLINE}{updated}", timestamp(document.created_at), updated,
        document.version)
    pools = [h for h in document.holders if h.person_id is None]
    assert len(rows.holders) == (len(document.holders) - len(pools)
                                 + sum(len(h.roles) for h in pools))
    assert rows.participants == {e.actor_id for e in document.trace} | {
        e.on_behalf_of for e in document.trace if e.on_behalf_of}
    assert rows.circulations == tuple((c.person_id, int(c.read_at is not None))
                                      for c in document.circulations)
    assert document_from_dict(document_to_dict(document)) == document


def _paths(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Return every key path of the document's JSON, nested records included."""
    found: list[tuple[Any, ...]] = [(key,) for key in data]
    for part in ("holders", "trace", "circulations", "attachments"):
        for index, item in enumerate(data.get(part) or []):
            found += [(part, index, key) for key in item]
    if isinstance(data.get("archive"), dict):
        found += [("archive", key) for key in data["archive"]]
    return found


def _set(data: dict[str, Any], path: tuple[Any, ...], value: Any, *, drop: bool) -> None:
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    if drop:
        del target[path[-1]]
    else:
        target[path[-1]] = value


BAD_VALUES: tuple[Any, ...] = (None, "", "not a value", 17, -1.5, [], {}, ["x"], {"a": 1},
                               "2026-13-45", True)


def test_json_the_codec_could_not_read_back_is_refused() -> None:
    """A pulled record the rows accept is one the store can always open again."""
    rng = random.Random(4)
    refused = accepted = 0
    for document in [*documents(), informed_document()]:
        valid = document_to_dict(document)
        for path in _paths(valid):
            for value in (*rng.sample(BAD_VALUES, 4), "drop"):
                data = copy.deepcopy(valid)
                _set(data, path, value, drop=value == "drop")
                try:
                    rows_from_data(data)
                except (KeyError, ValueError, TypeError, DomainError):
                    refused += 1
                    continue
                accepted += 1
                document_from_dict(data)  # must not raise
    assert refused > 300 and accepted > 300


@pytest.mark.parametrize(("path", "value"), [
    (("direction",), "sideways"), (("urgency",), "急"), (("doc_type",), "便条"),
    (("classification",), None), (("created_at",), "yesterday"), (("deadline",), "soon"),
    (("holders", 0, "roles"), ["king"]), (("trace", 0, "action"), "teleport"),
    (("trace", 0, "at"), None), (("trace", 0, "seq"), "first"), (("archive",), {"year": 1}),
    (("attachments",), [{"size": 3}]), (("written_date",), "2026-02-30"),
    (("circulations",), [{"person_id": "p-x", "sent_by": "p-y"}]),
    (("informed",), [{"person_id": "p-x", "sent_by": "p-y"}]),
    (("informed",), [{"person_id": 7, "sent_by": "p-y", "sent_at": "2026-01-05T09:00:00"}]),
])
def test_records_the_codec_refuses_are_refused(path: tuple[Any, ...], value: Any) -> None:
    data = document_to_dict(documents()[3])
    _set(data, path, value, drop=False)
    with pytest.raises((KeyError, ValueError, TypeError)):
        document_from_dict_raw(data)
    with pytest.raises((KeyError, ValueError, TypeError)):
        rows_from_data(data)


def document_from_dict_raw(data: dict[str, Any]) -> Document:
    """Decode like the codec, re-raising its refusal as the plain error the rows raise."""
    try:
        return document_from_dict(data)
    except DomainError as error:
        raise ValueError(error.message) from None
