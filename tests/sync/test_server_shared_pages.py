"""Pages that everyone sees are read once per process and served again while they stay true."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import pytest
import sqlalchemy as sa

from officeapp.demo import FINANCE_ID
from officeapp.org import Person, Role
from sync.server.settings import Settings
from sync.server.storage import db, pull, shared_pages
from sync.server.storage.directory import load_organisation, save_directory

from .conftest import User

Users = Callable[[str], User]


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The cursors at which a pull read its rows from the log (not from a shared page)."""
    cursors: list[int] = []
    read = pull._visible

    def counted(connection: sa.Connection, scopes: frozenset[str], cursor: int,
                *args: Any) -> Sequence[sa.Row[Any]]:
        cursors.append(cursor)
        return read(connection, scopes, cursor, *args)

    monkeypatch.setattr(pull, "_visible", counted)
    return cursors


def _without_mutation_id(page: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in page.items() if k != "last_mutation_id"}


def _add_person(engine: sa.Engine, settings: Settings, person_id: str, name: str) -> None:
    newcomer = Person(id=person_id, name=name, unit_id=FINANCE_ID,
                      roles=frozenset({Role.CLERK}), username=person_id)
    with db.write(engine) as connection:
        save_directory(connection, people=[newcomer], now=settings.clock())


def test_a_directory_page_is_read_once_and_the_same_for_users_of_other_units(
        user: Users, engine: sa.Engine, reads: list[int]) -> None:
    clerk, other = user("office.clerk"), user("edu.clerk")
    first = clerk.pull(cursor=0, limit=4)
    assert first["has_more"] and {c["kind"] for c in first["changes"]} <= {"unit", "person"}
    shared = other.pull(cursor=0, limit=4)
    assert reads == [0]  # the second page came from the first
    assert _without_mutation_id(shared) == _without_mutation_id(first)
    shared_pages._caches.pop(engine)  # as in a process that has not read it yet
    assert _without_mutation_id(other.pull(cursor=0, limit=4)) == _without_mutation_id(first)
    assert reads == [0, 0]


def test_a_page_whose_range_holds_a_row_not_everyone_sees_is_not_shared(
        user: Users, engine: sa.Engine, settings: Settings, reads: list[int]) -> None:
    """The office clerk's page skips a finance draft it may not see: served to the finance
    clerk, it would skip that draft for good."""
    office, finance = user("office.clerk"), user("finance.clerk")
    head = office.sync()["cursor"]
    draft = finance.create()
    _add_person(engine, settings, "p-one", "新同事甲")
    _add_person(engine, settings, "p-two", "新同事乙")
    seen = office.pull(cursor=head, limit=1)
    assert [c["id"] for c in seen["changes"]] == ["p-one"] and seen["has_more"]
    page = finance.pull(cursor=head, limit=1)
    assert [c["id"] for c in page["changes"]] == [draft]
    assert reads[-2:] == [head, head]


def test_a_page_holding_a_row_not_everyone_sees_is_not_shared(
        user: Users, reads: list[int]) -> None:
    office, edu = user("office.clerk"), user("edu.clerk")
    directory = [c["seq"] for c in office.pull(cursor=0)["changes"]]
    office.create()
    office.create()
    cursor = directory[-2]
    mine = office.pull(cursor=cursor, limit=2)
    assert [c["kind"] for c in mine["changes"]][1:] == ["document"] and mine["has_more"]
    theirs = edu.pull(cursor=cursor, limit=2)
    assert [c["seq"] for c in theirs["changes"]] == directory[-1:] and not theirs["has_more"]
    assert reads[-2:] == [cursor, cursor]


def test_a_change_to_a_shared_page_is_seen_at_the_next_pull(
        user: Users, engine: sa.Engine, settings: Settings, reads: list[int]) -> None:
    clerk, other = user("office.clerk"), user("edu.clerk")
    before = clerk.pull(cursor=0, limit=10)
    person_id = next(c["id"] for c in before["changes"] if c["kind"] == "person")
    _add_person(engine, settings, "p-new", "新同事")  # above the page: it is still true
    assert _without_mutation_id(other.pull(cursor=0, limit=10)) == (
        _without_mutation_id(before))
    assert reads == [0]
    with db.write(engine) as connection:
        person = load_organisation(connection).people[person_id]
        save_directory(connection, people=[replace(person, name="改过的名字")],
                       now=settings.clock())
    after = other.pull(cursor=0, limit=10)
    assert reads == [0, 0]  # its old put left the page's range: read again
    assert person_id not in {c["id"] for c in after["changes"]}
    other.sync()
    assert other.mirror[("person", person_id)]["name"] == "改过的名字"
    assert ("person", "p-new") in other.mirror
    read = len(reads)
    again = clerk.pull(cursor=0, limit=10)
    assert _without_mutation_id(again) == _without_mutation_id(after) and len(reads) == read


def test_a_shared_page_is_answered_compressed_with_each_pullers_last_mutation(
        user: Users) -> None:
    fresh, busy = user("edu.clerk"), user("office.clerk")
    busy.create()
    body = {"client_id": fresh.client_id, "schema_version": 1, "cursor": 0, "limit": 4}
    pages = [fresh.api.post("/api/v1/sync/pull", json=body,
                            headers={**fresh.headers, "Accept-Encoding": accept})
             for accept in ("zstd", "zstd", "identity")]
    assert [p.headers.get("content-encoding") for p in pages] == ["zstd", "zstd", None]
    assert pages[0].content == pages[1].content  # decoded by httpx
    assert pages[0].json() == pages[2].json()
    assert pages[0].json()["last_mutation_id"] == 0 and pages[0].json()["has_more"]
    theirs = busy.pull(cursor=0, limit=4)
    assert theirs["last_mutation_id"] == 1
    assert _without_mutation_id(theirs) == _without_mutation_id(pages[0].json())
