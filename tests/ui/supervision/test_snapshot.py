"""The worker-side reads of the 督办 screens: an item with its parent and sub-items, and
我的督办 cut at a limit with the count of everything that waits."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS, EDU_ID, FINANCE_ID
from officeapp.org import Organisation
from officeapp.store import LocalStore
from officeapp.supervision import Status, SupervisionItem, create_item, explain_light
from ui.supervision.snapshot import load_inbox, load_item

ORG = Organisation(DEMO_UNITS, DEMO_PEOPLE)
NOW = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
SUPERVISOR = "p-office.supervisor"


def _item(item_id: str, *, days: int, parent: str | None = None) -> SupervisionItem:
    """Return an item handed to the finance bureau, due in `days` days (negative: overdue)."""
    fields = {"title": f"事项{item_id}", "source": "领导批示", "content": "按期推进",
              "lead_unit_id": FINANCE_ID, "co_unit_ids": [EDU_ID],
              "deadline": (NOW + timedelta(days=90)).isoformat()}
    item = create_item(item_id=item_id, actor=ORG.actor(SUPERVISOR, NOW), fields=fields,
                       now=NOW)
    return replace(item, status=Status.RECEIVED, assigned_at=NOW, parent_id=parent,
                   deadline=NOW + timedelta(days=days))


@pytest.fixture
def store() -> Iterator[LocalStore]:
    with LocalStore.open(":memory:") as opened:
        opened.put_records("supervision", [
            _item("parent", days=20), _item("child-b", days=10, parent="parent"),
            _item("child-a", days=-2, parent="parent"), _item("other", days=5),
            _item("grandchild", days=1, parent="child-a")])
        yield opened


def test_an_item_shows_its_parent_and_its_own_children(store: LocalStore,
                                                       tmp_path: Path) -> None:
    parent = load_item(store, item_id="parent", org=ORG, person_id=SUPERVISOR,
                       root=tmp_path, now=NOW)
    assert parent is not None and parent.parent is None
    assert [(r.id, light) for r, light in parent.children] == [
        ("child-a", explain_light(_item("child-a", days=-2), NOW)),
        ("child-b", explain_light(_item("child-b", days=10), NOW))]
    child = load_item(store, item_id="child-a", org=ORG, person_id=SUPERVISOR,
                      root=tmp_path, now=NOW)
    assert child is not None and child.parent is not None and child.parent.id == "parent"
    assert [r.id for r, _light in child.children] == ["grandchild"]


def test_my_inbox_is_cut_at_the_limit_and_counts_everything(store: LocalStore) -> None:
    whole = load_inbox(store, org=ORG, person_id="p-finance.clerk", now=NOW)
    assert [e.item_id for e in whole.entries] == [
        "child-a", "grandchild", "other", "child-b", "parent"]
    assert whole.total == 5
    cut = load_inbox(store, org=ORG, person_id="p-finance.clerk", now=NOW, limit=2)
    assert (cut.entries, cut.total) == (whole.entries[:2], 5)
    assert load_inbox(store, org=ORG, person_id="nobody", now=NOW).entries == []
