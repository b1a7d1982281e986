"""The record kinds are registered once, each with its codec, files and inbox."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from officeapp.core.inbox import InboxEntry, audiences, pool, reaches, urgency_level
from officeapp.core.kinds import KINDS, RecordKind, kind_of, register
from officeapp.demo import FINANCE_ID
from officeapp.documents import Urgency
from officeapp.kinds import ALL
from officeapp.org import Organisation, Role


def test_every_area_registers_its_kind_once() -> None:
    assert [kind.name for kind in ALL] == ["document", "meeting", "supervision"]
    assert {name: kind.label for name, kind in KINDS.items()} == {
        "document": "公文", "meeting": "会议", "supervision": "督办"}
    assert all(kind_of(kind.name) is kind for kind in ALL)
    with pytest.raises(ValueError, match="registered twice"):
        register(RecordKind("document", "公文", "文件", "document_id", dict, dict, str, str))


def test_an_actor_sees_their_own_entries_theirs_by_delegation_and_their_pools(
        org: Organisation) -> None:
    clerk = org.actor("p-finance.clerk", datetime(2026, 11, 23, tzinfo=UTC))
    assert audiences(clerk)[0] == "p-finance.clerk"
    assert pool(FINANCE_ID, Role.CLERK) in audiences(clerk)
    entry = InboxEntry("document", "d-1", pool(FINANCE_ID, Role.CLERK), "handle", "t")
    assert reaches(entry, clerk)
    assert not reaches(InboxEntry("document", "d-1", pool(FINANCE_ID, Role.CLERK), "handle",
                                  "t", excluded="p-finance.clerk"), clerk)
    assert not reaches(InboxEntry("document", "d-1", "p-office.clerk", "handle", "t"), clerk)


def test_urgency_levels_put_the_most_urgent_highest() -> None:
    assert [urgency_level(u) for u in (Urgency.NORMAL, Urgency.URGENT,
                                       Urgency.EXTRA_URGENT)] == [0, 1, 2]


@pytest.mark.parametrize("kind", ALL, ids=lambda k: k.name)
def test_the_codec_of_every_kind_is_the_areas_codec(kind: RecordKind) -> None:
    assert callable(kind.to_dict) and callable(kind.from_dict)
    assert kind.columns and "id" in kind.columns and "title" in kind.columns
