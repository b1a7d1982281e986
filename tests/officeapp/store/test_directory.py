"""The directory (通讯录) and attachment blobs."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from officeapp.demo import DEMO_PEOPLE, DEMO_ROOMS, DEMO_UNITS
from officeapp.errors import DomainError, ValidationError
from officeapp.org import Delegation, Unit
from officeapp.store import LocalStore, NotFoundError


def test_the_directory_round_trips_as_an_organisation(store: LocalStore) -> None:
    start = datetime(2024, 3, 1, tzinfo=UTC)
    away = Delegation("p-office.leader", "p-office.deputy", start, datetime(2024, 3, 8, tzinfo=UTC),
                      id="d-away")
    store.save_directory(units=DEMO_UNITS, people=DEMO_PEOPLE, rooms=DEMO_ROOMS,
                         delegations=[away])
    org = store.organisation()
    assert org.units == {u.id: u for u in DEMO_UNITS}
    assert org.people == {p.id: p for p in DEMO_PEOPLE}
    assert org.delegations == (away,)
    assert org.actor("p-office.deputy", start).acting_for == {"p-office.leader"}
    assert store.rooms() == sorted(DEMO_ROOMS, key=lambda r: r.id)


def test_saving_replaces_the_whole_directory(store: LocalStore) -> None:
    store.save_directory(units=DEMO_UNITS[:2], people=DEMO_PEOPLE[:1], rooms=())
    org = store.organisation()
    assert set(org.units) == {"u-city", "u-office"} and set(org.people) == {"p-office.clerk"}
    assert store.rooms() == []


def test_a_broken_unit_tree_is_refused_and_nothing_changes(store: LocalStore) -> None:
    orphan = Unit("u-lost", "失联单位", parent_id="u-nowhere")
    with pytest.raises(ValidationError) as caught:
        store.save_directory(units=[*DEMO_UNITS, orphan], people=DEMO_PEOPLE, rooms=DEMO_ROOMS)
    assert caught.value.code == "org.unknown_parent"
    assert set(store.organisation().units) == {u.id for u in DEMO_UNITS}


def test_a_person_outside_every_unit_is_refused(store: LocalStore) -> None:
    stray = replace(DEMO_PEOPLE[0], id="p-stray", unit_id="u-gone")
    with pytest.raises(ValidationError) as caught:
        store.save_directory(units=DEMO_UNITS, people=[*DEMO_PEOPLE, stray], rooms=())
    assert caught.value.code == "org.unknown_unit"
    assert "p-stray" not in store.organisation().people


def test_an_empty_put_changes_nothing(store: LocalStore) -> None:
    store.put_records("document", [])
    assert store.record_count("document") == 0


SHA = "ab" * 32


def test_blobs_track_their_transfer(store: LocalStore) -> None:
    store.put_blob(sha256=SHA, size=4096, state="queued_upload", local_path="/data/blobs/ab")
    store.set_blob_state(sha256=SHA, state="uploading", offset=1024)
    blob = store.get_blob(SHA)
    assert blob is not None and (blob.state, blob.offset, blob.size) == ("uploading", 1024, 4096)
    assert [b.sha256 for b in store.blobs_in_state("uploading")] == [SHA]
    assert store.blobs_in_state("cached") == []
    assert store.get_blob("cd" * 32) is None


@pytest.mark.parametrize("kwargs", [
    {"sha256": "not-a-hash", "size": 1, "state": "cached"},
    {"sha256": SHA, "size": 10, "state": "cached", "offset": 11},
    {"sha256": SHA, "size": 1, "state": "lost"},
])
def test_bad_blob_records_are_refused(store: LocalStore, kwargs: dict[str, object]) -> None:
    with pytest.raises(DomainError):
        store.put_blob(**kwargs)  # type: ignore[arg-type]
    assert store.get_blob(SHA) is None


def test_unknown_blobs_cannot_change_state(store: LocalStore) -> None:
    with pytest.raises(NotFoundError):
        store.set_blob_state(sha256=SHA, state="synced")
