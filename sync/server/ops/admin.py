"""Administration: seeding the demo organisation, importing the directory, creating users."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from officeapp.demo import DEMO_PASSWORD, DEMO_PEOPLE, DEMO_ROOMS, DEMO_UNITS
from officeapp.errors import ValidationError
from officeapp.org import Delegation, Person, Unit
from officeapp.orgimport import parse_org_file
from sync.server.identity.auth import check_new_password, hash_password
from sync.server.mutations import delegations
from sync.server.ops import demo
from sync.server.settings import Settings
from sync.server.storage import changelog, db, seals
from sync.server.storage import tables as t
from sync.server.storage.changelog import ChangeRow
from sync.server.storage.directory import load_organisation, save_directory
from sync.server.storage.pokes import CHANNEL, encode
from sync.server.storage.visibility import EVERYONE

# `created_by` of delegations recorded with the command line.
ADMIN_COMMAND = "admin-cli"


def seed_demo(engine: sa.Engine, settings: Settings) -> bool:
    """Load the demo organisation (password `demo-password` for all), with a seal for each
    unit, unless units exist."""
    with db.write(engine) as connection:
        if connection.execute(sa.select(t.units.c.id).limit(1)).first() is not None:
            return False
        # One hash for every demo login: they share one well-known password anyway.
        save_directory(connection, units=DEMO_UNITS, people=DEMO_PEOPLE, rooms=DEMO_ROOMS,
                       password_hash=hash_password(DEMO_PASSWORD, settings.password_cost),
                       now=settings.clock())
        demo.add_seals(connection, now=settings.clock())
    return True


def import_org(engine: sa.Engine, settings: Settings, path: Path) -> tuple[int, int]:
    """Import units and people from a CSV/XLSX file in one transaction; return the counts."""
    with db.write(engine) as connection:
        parsed = parse_org_file(path, existing=load_organisation(connection))
        save_directory(connection, units=parsed.units, people=parsed.people,
                       now=settings.clock())
    return len(parsed.units), len(parsed.people)


def create_user(engine: sa.Engine, settings: Settings, person: Person, password: str) -> None:
    """Add (or update) a person with a password."""
    check_new_password(password, username=person.username)
    with db.write(engine) as connection:
        org = load_organisation(connection)
        if person.unit_id not in org.units:
            raise ValidationError("org.unknown_unit", f"单位不存在：{person.unit_id}",
                                  unit_id=person.unit_id)
        taken = connection.execute(sa.select(t.people.c.id).where(
            t.people.c.username == person.username, t.people.c.id != person.id)).first()
        if taken is not None:
            raise ValidationError("org.username_taken", f"用户名已被使用：{person.username}")
        save_directory(connection, people=[person],
                       password_hash=hash_password(password, settings.password_cost),
                       now=settings.clock())


def prune(engine: sa.Engine, settings: Settings) -> int:
    """Delete tombstones older than the retention; return how many went."""
    with db.write(engine) as connection:
        return changelog.prune(connection, settings.clock(), settings.tombstone_retention)


def _person_by_username(connection: sa.Connection, username: str) -> str:
    p = t.people.c
    row = connection.execute(sa.select(p.id).where(p.username == username)).first()
    if row is None:
        raise ValidationError("org.unknown_username", f"用户名不存在：{username}",
                              username=username)
    return str(row.id)


def delegate(engine: sa.Engine, settings: Settings, *, principal: str, delegate_to: str,
             start: datetime, end: datetime) -> str:
    """Record a delegation between two usernames (checked like the mutation); return its id."""
    now = settings.clock()
    with db.write(engine) as connection:
        delegation = Delegation(principal_id=_person_by_username(connection, principal),
                                delegate_id=_person_by_username(connection, delegate_to),
                                start=start, end=end, id=str(uuid.uuid4()))
        rows = delegations.save_new(connection, load_organisation(connection), delegation,
                                    created_by=ADMIN_COMMAND, now=now)
        _commit_changes(connection, rows, now)
    return delegation.id


def end_delegation(engine: sa.Engine, settings: Settings, delegation_id: str) -> None:
    """End a delegation now."""
    now = settings.clock()
    with db.write(engine) as connection:
        rows = delegations.end_stored(connection, delegation_id, actor=None, now=now)
        _commit_changes(connection, rows, now)


def _commit_changes(connection: sa.Connection, rows: list[ChangeRow], now: datetime) -> None:
    changelog.append(connection, rows, now)
    if connection.dialect.name == "postgresql":
        # Admin commands run in their own process: wake every server's streams at commit.
        connection.execute(sa.select(sa.func.pg_notify(CHANNEL, encode([EVERYONE]))))


# --- 电子印章 ------------------------------------------------------------------------------------


def create_seal_ca(engine: sa.Engine, settings: Settings, org_name: str) -> seals.TrustRoot:
    """Make the organisation CA (its key kept on the server) and trust it."""
    with db.write(engine) as connection:
        return seals.create_ca(connection, org_name, now=settings.clock())


def issue_seal(engine: sa.Engine, settings: Settings, unit_id: str,
               image: bytes | None) -> seals.SealInfo:
    """Issue a unit's seal from the organisation CA (its image given, or drawn)."""
    with db.write(engine) as connection:
        return seals.issue_seal(connection, load_organisation(connection), unit_id,
                                image=image, now=settings.clock())


def import_seal(engine: sa.Engine, settings: Settings, unit_id: str, *, p12: bytes,
                password: str, image: bytes, root_pem: bytes | None) -> seals.SealInfo:
    """Store a province-issued PKCS#12 and seal image as a unit's seal and trust its root;
    every input is checked before anything is written."""
    now = settings.clock()
    with db.read(engine) as connection:
        seals.known_unit(load_organisation(connection), unit_id)
    imported = seals.check_import(p12, password, image, root_pem=root_pem, now=now)
    with db.write(engine) as connection:
        return seals.import_seal(connection, load_organisation(connection), unit_id, imported,
                                 now=now)


@dataclass(frozen=True)
class SealReport:
    """The seals and trusted roots as an administrator reads them."""

    units: list[Unit]
    sealed: dict[str, seals.SealInfo]
    roots: list[seals.TrustRoot]


def seal_report(engine: sa.Engine) -> SealReport:
    """Return every unit with its seal, if any, and the trusted roots."""
    with db.read(engine) as connection:
        org = load_organisation(connection)
        found = {s.unit_id: s for s in seals.list_seals(connection)}
        roots = seals.trust_roots(connection)
    units = sorted(org.units.values(), key=lambda u: (u.sort_order, u.id))
    return SealReport(units, found, roots)
