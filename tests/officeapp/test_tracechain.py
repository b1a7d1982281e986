"""The trace hash chain: the formula, the canonical JSON, and naming the first break."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from officeapp.tracechain import (
    GENESIS,
    Break,
    BreakKind,
    canonical,
    chain,
    entry_hash,
    locate,
    verify,
)

ENTRY = {"seq": 1, "step": "draft", "action": "create", "actor_id": "p-1", "actor_name": "李文书",
         "at": "2026-12-06T23:12:13.600072+00:00", "opinion": "拟稿", "details": {},
         "on_behalf_of": None, "target_step": None}


def test_the_formula() -> None:
    text = json.dumps({"entry": {k: v for k, v in ENTRY.items() if v is not None},
                       "kind": "document", "record_id": "d-1"},
                      sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(text.encode()).hexdigest()
    assert entry_hash("document", "d-1", ENTRY) == digest
    assert chain("document", "d-1", [ENTRY]) == [
        hashlib.sha256((GENESIS + digest).encode()).hexdigest()]


def test_key_order_spacing_and_nulls_do_not_matter_but_values_do() -> None:
    reordered = dict(reversed(list(ENTRY.items())))
    assert entry_hash("document", "d-1", reordered) == entry_hash("document", "d-1", ENTRY)
    # A field added later as null (acted_at was one) leaves older entries' hashes alone.
    assert entry_hash("document", "d-1", {**ENTRY, "acted_at": None}) == entry_hash(
        "document", "d-1", ENTRY)
    assert canonical(json.loads(json.dumps(ENTRY, indent=2))) == canonical(ENTRY)
    for changed in ({**ENTRY, "opinion": "同意"}, {**ENTRY, "opinion": None},
                    {**ENTRY, "details": {"x": 1}}):
        assert entry_hash("document", "d-1", changed) != entry_hash("document", "d-1", ENTRY)
    # The record and its kind are hashed too: an entry cannot be moved to another record.
    assert entry_hash("meeting", "d-1", ENTRY) != entry_hash("document", "d-1", ENTRY)
    assert entry_hash("document", "d-2", ENTRY) != entry_hash("document", "d-1", ENTRY)


def test_break_text() -> None:
    assert Break(2, BreakKind.CHANGED).text == "第2条记录已被修改"


entries_strategy = st.lists(
    st.fixed_dictionaries({"seq": st.integers(1, 50), "opinion": st.text(max_size=8),
                           "actor_id": st.sampled_from(["p-1", "p-2", "p-3"]),
                           "details": st.dictionaries(st.text(max_size=3),
                                                      st.integers() | st.none(), max_size=2)}),
    min_size=1, max_size=8, unique_by=lambda e: canonical(e))


def _kind(entries: list[Any], tampered: list[Any]) -> Break | None:
    return verify("supervision", "s-1", tampered, chain("supervision", "s-1", entries))


@given(entries_strategy)
def test_an_untouched_trace_verifies_and_grows(entries: list[Any]) -> None:
    assert _kind(entries, entries) is None
    # What the server sends after a later save extends what it sent before.
    assert chain("supervision", "s-1", entries[:-1]) == chain("supervision", "s-1", entries)[:-1]


@given(entries_strategy, st.data())
def test_a_changed_entry_is_named(entries: list[Any], data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(entries) - 1))
    tampered = [*entries]
    tampered[at] = {**entries[at], "opinion": entries[at]["opinion"] + "改"}
    if canonical(tampered[at]) in {canonical(e) for e in entries}:
        return
    assert _kind(entries, tampered) == Break(at + 1, BreakKind.CHANGED)


@given(entries_strategy, st.data())
def test_a_removed_entry_is_named(entries: list[Any], data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(entries) - 1))
    tampered = entries[:at] + entries[at + 1:]
    assert _kind(entries, tampered) == Break(at + 1, BreakKind.REMOVED)


@given(entries_strategy, st.data())
def test_swapped_entries_are_named(entries: list[Any], data: st.DataObject) -> None:
    if len(entries) < 2:
        return
    at = data.draw(st.integers(0, len(entries) - 2))
    later = data.draw(st.integers(at + 1, len(entries) - 1))
    tampered = [*entries]
    tampered[at], tampered[later] = tampered[later], tampered[at]
    assert _kind(entries, tampered) == Break(at + 1, BreakKind.REORDERED)


@given(entries_strategy, st.data())
def test_an_inserted_entry_is_named(entries: list[Any], data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(entries)))
    extra = {"seq": 99, "opinion": "补记", "actor_id": "p-9", "details": {"forged": 1}}
    tampered = entries[:at] + [extra] + entries[at:]
    assert _kind(entries, tampered) == Break(at + 1, BreakKind.INSERTED)


def test_locate_with_no_chain_names_the_first_entry_as_unchained() -> None:
    assert locate([entry_hash("document", "d", ENTRY)], []) == Break(1, BreakKind.INSERTED)
    assert locate([], []) is None
