"""The organisation a push decides with is reused while the directory stays the same."""

from __future__ import annotations

import sqlalchemy as sa

from officeapp.demo import FINANCE_ID
from officeapp.org import Person, Role, Unit
from sync.server.settings import Settings
from sync.server.storage import db
from sync.server.storage.directory import load_organisation, save_directory


def test_the_organisation_is_reloaded_after_every_directory_change(
        engine: sa.Engine, settings: Settings) -> None:
    with db.read(engine) as connection:
        first = load_organisation(connection)
    with db.read(engine) as connection:
        assert load_organisation(connection) is first  # nothing changed: the same one
    newcomer = Person(id="p-new", name="新同事", unit_id=FINANCE_ID,
                      roles=frozenset({Role.CLERK}), username="new.clerk")
    with db.write(engine) as connection:
        save_directory(connection, people=[newcomer], now=settings.clock())
    with db.read(engine) as connection:
        second = load_organisation(connection)
    assert second.people["p-new"] == newcomer
    renamed = Unit(FINANCE_ID, "市财政局（改）", first.units[FINANCE_ID].parent_id,
                   first.units[FINANCE_ID].agency_code)
    with db.write(engine) as connection:
        save_directory(connection, units=[renamed], now=settings.clock())
    with db.read(engine) as connection:
        third = load_organisation(connection)
    assert third.units[FINANCE_ID].name == "市财政局（改）"
    assert "p-new" not in first.people  # an Organisation once built never changes
