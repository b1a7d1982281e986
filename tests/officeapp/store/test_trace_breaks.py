"""Pulled traces are checked against the server's chain hashes, on both pull paths."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from officeapp.demo import DEMO_PEOPLE, DEMO_ROOMS, DEMO_UNITS
from officeapp.store import LocalStore, PulledChange, PullPage
from officeapp.tracechain import Break, BreakKind, chain
from officeapp.workflow.codec import document_to_dict

from .test_bulk import KINDS, apply_staged
from .test_rows import documents as codec_documents


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    with LocalStore.open(tmp_path / "client.db") as opened:
        opened.save_directory(units=DEMO_UNITS, people=DEMO_PEOPLE, rooms=DEMO_ROOMS)
        yield opened


def _served(document_id: str) -> dict[str, Any]:
    """A document as a current server serves it: its JSON with the chain hashes."""
    found = max(codec_documents(), key=lambda d: len(d.trace))
    assert len(found.trace) >= 3
    data = document_to_dict(replace(found, id=document_id))
    return {**data, "trace_hashes": chain("document", document_id, data["trace"])}


def _tampered(document_id: str) -> dict[str, Any]:
    data = _served(document_id)
    trace = [dict(e) for e in data["trace"]]
    trace[1]["opinion"] = "篡改的意见"
    return {**data, "trace": trace}


def _body(cursor: int, changes: list[dict[str, Any]]) -> str:
    return json.dumps({"cursor": cursor, "last_mutation_id": 0, "has_more": False,
                       "reset": False, "results": [], "changes": changes}, ensure_ascii=False)


def _put(seq: int, kind: str, record_id: str, data: dict[str, Any] | None) -> dict[str, Any]:
    return {"seq": seq, "kind": kind, "id": record_id, "op": "put" if data else "revoke",
            "data": data}


def test_the_bulk_path_records_a_tampered_document_and_not_a_clean_one(
        store: LocalStore) -> None:
    old = {k: v for k, v in _served("d-old").items() if k != "trace_hashes"}
    body = _body(3, [_put(1, "document", "d-clean", _served("d-clean")),
                     _put(2, "document", "d-bad", _tampered("d-bad")),
                     _put(3, "document", "d-old", old)])
    staged = apply_staged(store, body)
    assert staged is not None and staged[1] == 3  # all three written by SQL
    assert store.trace_break("document", "d-bad") == Break(2, BreakKind.CHANGED)
    assert store.trace_break("document", "d-clean") is None
    assert store.trace_break("document", "d-old") is None  # an older server: not judged
    # A later put that agrees with its chain clears the mark; a revoke too.
    assert apply_staged(store, _body(4, [_put(4, "document", "d-bad", _served("d-bad"))]))
    assert store.trace_break("document", "d-bad") is None


def test_the_python_path_checks_meetings_and_items_and_forgets_revoked_ones(
        store: LocalStore, caplog: pytest.LogCaptureFixture) -> None:
    document = _tampered("d-1")
    trace = [dict(e) for e in document["trace"]]
    trace[0], trace[2] = trace[2], trace[0]
    swapped = {**document, "trace": trace, "trace_hashes": _served("d-1")["trace_hashes"]}
    page = PullPage(cursor=1, last_mutation_id=0, changes=[
        PulledChange("document", "d-1", "put", swapped)])
    with caplog.at_level("WARNING"):
        store.apply_pull(page)
    assert store.trace_break("document", "d-1") == Break(1, BreakKind.REORDERED)
    assert "breaks the server's hash chain" in caplog.text
    store.apply_pull(PullPage(cursor=2, last_mutation_id=0,
                              changes=[PulledChange("document", "d-1", "revoke")]))
    assert store.trace_break("document", "d-1") is None


def test_a_reset_forgets_every_break(store: LocalStore) -> None:
    store.apply_pull(PullPage(cursor=1, last_mutation_id=0, changes=[
        PulledChange("document", "d-1", "put", _tampered("d-1"))]))
    assert store.trace_break("document", "d-1") is not None
    store.wipe_mirror()
    assert store.trace_break("document", "d-1") is None


def test_kinds_are_the_protocols() -> None:
    assert {"document", "meeting", "supervision"} <= set(KINDS)


def two_documents() -> str:
    """A page with a clean document ("d-clean") and one whose second entry was edited
    after the server chained it ("d-bad")."""
    return _body(2, [_put(1, "document", "d-clean", _served("d-clean")),
                     _put(2, "document", "d-bad", _tampered("d-bad"))])


def test_the_bulk_path_checks_after_the_page_and_shows_a_break_meanwhile(
        store: LocalStore) -> None:
    assert apply_staged(store, two_documents())
    assert store.unchecked_traces() == 2
    assert store.get_meta("trace_breaks") is None  # not checked yet…
    assert store.trace_break("document", "d-bad") == Break(2, BreakKind.CHANGED)  # …but shown
    assert store.trace_break("document", "d-clean") is None
    assert store.verify_traces(limit=1) == 1
    assert store.verify_traces() == 1
    assert store.verify_traces() == 0
    assert store.unchecked_traces() == 0
    assert store.get_meta("trace_breaks") is not None
    assert store.trace_break("document", "d-bad") == Break(2, BreakKind.CHANGED)
    assert store.trace_break("document", "d-clean") is None


def test_a_store_closed_before_the_check_checks_at_the_next_start(tmp_path: Path) -> None:
    path = tmp_path / "client.db"
    with LocalStore.open(path) as first:
        first.save_directory(units=DEMO_UNITS, people=DEMO_PEOPLE, rooms=DEMO_ROOMS)
        assert apply_staged(first, two_documents())
    with LocalStore.open(path) as second:
        assert second.unchecked_traces() == 2
        assert second.trace_break("document", "d-bad") == Break(2, BreakKind.CHANGED)
        while second.verify_traces():
            pass
        assert second.trace_break("document", "d-bad") == Break(2, BreakKind.CHANGED)


def test_a_rewrite_before_the_check_is_judged_by_its_new_trace(store: LocalStore) -> None:
    assert apply_staged(store, two_documents())
    assert apply_staged(store, _body(3, [_put(3, "document", "d-bad", _served("d-bad"))]))
    assert store.unchecked_traces() == 2  # listed once
    assert store.trace_break("document", "d-bad") is None
    while store.verify_traces():
        pass
    assert store.trace_break("document", "d-bad") is None
    # A recorded break is forgotten when the document is written again, then judged anew.
    assert apply_staged(store, _body(4, [_put(4, "document", "d-bad", _tampered("d-bad"))]))
    while store.verify_traces():
        pass
    assert store.trace_break("document", "d-bad") is not None
    assert apply_staged(store, _body(5, [_put(5, "document", "d-bad", _served("d-bad"))]))
    assert store.get_meta("trace_breaks") == "{}"
    assert store.trace_break("document", "d-bad") is None


def test_revoked_and_wiped_documents_leave_the_list(store: LocalStore) -> None:
    assert apply_staged(store, two_documents())
    store.apply_pull(PullPage(cursor=3, last_mutation_id=0,
                              changes=[PulledChange("document", "d-bad", "revoke")]))
    assert store.unchecked_traces() == 1
    assert store.trace_break("document", "d-bad") is None
    store.wipe_mirror()
    assert store.unchecked_traces() == 0


# --- the chain's head only (`trace_chain`, what servers send since issue 18) ------------------


def _headed(document_id: str, trace: list[dict[str, Any]] | None = None,
            chained: int | None = None) -> dict[str, Any]:
    """A document as the server serves it now: [length, last hash] of its chain, over the
    first `chained` entries as the server chained them; its trace may be `trace`."""
    data = {k: v for k, v in _served(document_id).items() if k != "trace_hashes"}
    hashes = chain("document", document_id, data["trace"])
    length = len(hashes) if chained is None else chained
    data["trace_chain"] = [length, hashes[length - 1]]
    if trace is not None:
        data["trace"] = trace
    return data


def _cases() -> list[tuple[str, dict[str, Any], Break | None]]:
    clean = _headed("d-clean")
    entries = [dict(e) for e in clean["trace"]]
    changed = [dict(e) for e in entries]
    changed[1]["opinion"] = "篡改的意见"
    swapped = [entries[2], entries[1], entries[0], *entries[3:]]
    return [
        ("d-clean", clean, None),
        ("d-changed", _headed("d-changed", changed), Break(len(entries), BreakKind.ALTERED)),
        ("d-swapped", _headed("d-swapped", swapped), Break(len(entries), BreakKind.ALTERED)),
        ("d-removed", _headed("d-removed", entries[:-1]), Break(len(entries), BreakKind.REMOVED)),
        # One entry the server never chained, after the chained ones.
        ("d-added", _headed("d-added", chained=len(entries) - 1),
         Break(len(entries), BreakKind.INSERTED)),
    ]


def test_the_head_alone_catches_a_changed_swapped_removed_or_added_entry() -> None:
    from officeapp.store import traces
    for record_id, data, expected in _cases():
        assert traces.check("document", record_id, data) == expected, record_id


@pytest.mark.parametrize("path", ["bulk", "python"])
def test_both_pull_paths_judge_by_the_head(store: LocalStore, path: str) -> None:
    cases = _cases()
    changes = [_put(n, "document", record_id, data)
               for n, (record_id, data, _) in enumerate(cases, start=1)]
    if path == "bulk":
        assert apply_staged(store, _body(len(cases), changes)) is not None
        store.verify_traces()
    else:
        store.apply_pull(PullPage(cursor=len(cases), last_mutation_id=0, changes=[
            PulledChange("document", c["id"], "put", c["data"]) for c in changes]))
    for record_id, _, expected in cases:
        assert store.trace_break("document", record_id) == expected, record_id


def test_a_malformed_chain_head_is_not_judged_and_breaks_nothing(store: LocalStore) -> None:
    from officeapp.store import traces
    clean = _headed("d-1")
    for bad in ([], [3], ["3", "x"], [-1, "x"], [True, "x"], {"n": 3}, "abc", [3, 4]):
        assert traces.check("document", "d-1", {**clean, "trace_chain": bad}) is None
