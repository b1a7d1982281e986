"""`officeapp-server sync-directory`: the province's directory (LDAP / AD) onto our units and
people, in one transaction, with a report of what changed.

The directory is read in full first (`ldap_directory.read_snapshot`); only then is anything
written, all in one transaction, so a failed read changes nothing. Units come from the OU tree,
people from the entries under `people_base`, roles from the groups of `[ldap.roles]`. A
person is the same person for as long as their directory entry is (entryUUID / objectGUID,
kept in `external_identities`), whatever their DN or username becomes. Nobody is deleted:
someone who is gone from the directory, or disabled there, is marked as left and loses every
login at once. Local people (`source == "local"`) are never touched; a directory entry with
the username of one is reported as a conflict, unless `adopt_local` says to take it over.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from officeapp.errors import ValidationError
from officeapp.org import ROLE_LABELS, Person, Role, Unit
from sync.server.config import LdapSettings
from sync.server.identity import ldap_directory
from sync.server.identity.auth import revoke_person
from sync.server.identity.ldap_directory import Entry, Snapshot, normal_dn, parent_dn
from sync.server.identity.ldap_login import DIRECTORY
from sync.server.ops.handover import open_work_counts
from sync.server.settings import Settings
from sync.server.storage import db
from sync.server.storage import tables as t
from sync.server.storage.directory import person_from_row, save_directory

# Ids of units and people made from the directory: uuid5 of their subject in this namespace,
# so the same entry always gets the same id, on any server.
NAMESPACE = uuid.UUID("5b0f6c52-8d1e-4b7a-9a43-3f2d7f0c1e19")
LEFT = "left"  # token_families.revoked_reason of a leaver's logins
DERIVED = re.compile(r"[up]-[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass
class Report:
    """What a run changed (or, dry, would change), as lines an administrator reads."""

    dry_run: bool = False
    units_added: list[str] = field(default_factory=list)
    units_renamed: list[str] = field(default_factory=list)
    units_moved: list[str] = field(default_factory=list)
    units_gone: list[str] = field(default_factory=list)
    people_added: list[str] = field(default_factory=list)
    people_changed: list[str] = field(default_factory=list)
    people_back: list[str] = field(default_factory=list)
    people_left: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    handover: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Return the report, section by section, and a summary line."""
        sections = [("新增单位", self.units_added), ("单位改名", self.units_renamed),
                    ("单位调整上级", self.units_moved),
                    ("目录中已没有的单位（保留，未删除）", self.units_gone),
                    ("新增人员", self.people_added), ("人员信息变更", self.people_changed),
                    ("重新启用的人员", self.people_back),
                    ("离职或已停用的人员（停用账号并注销全部登录）", self.people_left),
                    ("离职交接（officeapp-server open-work 查看，handover 移交）", self.handover),
                    ("冲突（未处理，请管理员核对）", self.conflicts),
                    ("未同步的目录条目", self.skipped)]
        lines = []
        for title, items in sections:
            if items:
                lines.append(f"{title}：")
                lines += [f"  {item}" for item in items]
        verb = "将" if self.dry_run else "已"
        lines.append(
            f"{'试运行，未写入任何修改。' if self.dry_run else ''}目录同步{verb}新增单位 "
            f"{len(self.units_added)} 个、改名 {len(self.units_renamed)} 个、调整上级 "
            f"{len(self.units_moved)} 个；新增人员 {len(self.people_added)} 名、变更 "
            f"{len(self.people_changed)} 名、重新启用 {len(self.people_back)} 名、离职 "
            f"{len(self.people_left)} 名；冲突 {len(self.conflicts)} 项")
        return lines


@dataclass
class Plan:
    """The writes a run makes, all computed before the first one."""

    units: list[Unit] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    # Columns a Person does not carry, per person id: source, email, left_at, password_hash.
    extra: dict[str, dict[str, Any]] = field(default_factory=dict)
    identities: dict[str, str] = field(default_factory=dict)  # new subject → person id
    leavers: list[str] = field(default_factory=list)
    report: Report = field(default_factory=Report)


def derived_id(prefix: str, kind: str, subject: str) -> str:
    """Return the stable id of a unit or person made from a directory entry."""
    return f"{prefix}-{uuid.uuid5(NAMESPACE, f'{kind}:{subject}')}"


def _rdn_value(dn: str) -> str:
    first = dn.split(",", 1)[0]
    return first.split("=", 1)[1].strip() if "=" in first else first


class _Mapper:
    """Reads a snapshot against the database's units and people, building the plan."""

    def __init__(self, connection: sa.Connection, snapshot: Snapshot, ldap: LdapSettings,
                 adopt_local: bool) -> None:
        self.ldap = ldap
        self.snapshot = snapshot
        self.adopt_local = adopt_local
        self.plan = Plan()
        self.report = self.plan.report
        self.units = {row.id: Unit(row.id, row.name, row.parent_id, row.agency_code,
                                   row.sort_order)
                      for row in connection.execute(sa.select(t.units))}
        self.rows = {row.id: row for row in connection.execute(
            sa.select(*(c for c in t.people.c if c.name != "password_hash")))}
        self.by_username = {row.username: row for row in self.rows.values()}
        x = t.external_identities.c
        self.ids: dict[str, str] = {row.subject: row.person_id for row in connection.execute(
            sa.select(x.subject, x.person_id).where(x.provider == DIRECTORY))}
        self.ou_ids: dict[str, str] = {}  # normalised OU DN → unit id
        self.names = {u.id: u.name for u in self.units.values()}

    # --- units -----------------------------------------------------------------------------

    def unit_id(self, entry: Entry) -> str:
        own = entry.first(self.ldap.unit_id_attribute) if self.ldap.unit_id_attribute else ""
        return own or derived_id("u", "unit", entry.subject)

    def enclosing_unit(self, dn: str) -> str | None:
        """Return the unit of the nearest OU above `dn`, or None."""
        above = parent_dn(dn)
        while above:
            found = self.ou_ids.get(normal_dn(above))
            if found is not None:
                return found
            above = parent_dn(above)
        return None

    def map_units(self) -> None:
        root = self.ldap.root_unit or None
        if root is not None and root not in self.units:
            raise ValidationError("directory.unknown_root_unit",
                                  f"配置文件 [ldap] 的 root_unit 单位不存在：{root}")
        entries = sorted(self.snapshot.units, key=lambda e: normal_dn(e.dn).count(","))
        self.ou_ids = {normal_dn(e.dn): self.unit_id(e) for e in entries}
        names = {self.ou_ids[normal_dn(e.dn)]: self._unit_name(e) for e in entries}
        for entry in entries:
            unit_id = self.ou_ids[normal_dn(entry.dn)]
            parent = self.enclosing_unit(entry.dn) or root
            old = self.units.get(unit_id)
            unit = Unit(unit_id, names[unit_id], parent, old.agency_code if old else "",
                        old.sort_order if old else 0)
            self._report_unit(old, unit, names)
            if unit != old:
                self.plan.units.append(unit)
        self.names.update(names)
        mapped = set(self.ou_ids.values())
        # Only units made from the directory (derived ids): those of an import or the demo
        # are not the directory's to report.
        self.report.units_gone += [f"{u.name}（{u.id}）" for u in self.units.values()
                                   if u.id not in mapped and DERIVED.fullmatch(u.id)]

    def _unit_name(self, entry: Entry) -> str:
        return (entry.first(self.ldap.unit_name_attribute) or _rdn_value(entry.dn))[:200]

    def _name_of(self, unit_id: str | None, names: Mapping[str, str] | None = None) -> str:
        if unit_id is None:
            return "（无）"
        return (names or {}).get(unit_id) or self.names.get(unit_id) or unit_id

    def _report_unit(self, old: Unit | None, unit: Unit, names: Mapping[str, str]) -> None:
        if old is None:
            self.report.units_added.append(
                f"{unit.name}（上级：{self._name_of(unit.parent_id, names)}）")
            return
        if old.name != unit.name:
            self.report.units_renamed.append(f"{old.name} → {unit.name}")
        if old.parent_id != unit.parent_id:
            self.report.units_moved.append(
                f"{unit.name}：{self._name_of(old.parent_id)} → "
                f"{self._name_of(unit.parent_id, names)}")

    # --- people ----------------------------------------------------------------------------

    def roles_of(self, entry: Entry, old: sa.Row[Any] | None) -> frozenset[Role]:
        if not self.ldap.roles:
            # Roles are the administrator's here, not the directory's.
            return (frozenset(Role(r) for r in old.roles) if old is not None
                    else frozenset(Role(r) for r in self.ldap.default_roles))
        dn = normal_dn(entry.dn)
        granted = {Role(role) for group, members in self.snapshot.members.items()
                   if dn in members for role in self.ldap.roles[group]}
        return frozenset(granted or (Role(r) for r in self.ldap.default_roles))

    def map_people(self) -> set[str]:
        """Plan every person of the directory; return the ids of those it still holds."""
        seen: set[str] = set()
        claimed: dict[str, str] = {}  # username → the DN that took it in this run
        for entry in sorted(self.snapshot.people, key=lambda e: normal_dn(e.dn)):
            person_id = self._person(entry, claimed)
            if person_id is not None:
                seen.add(person_id)
        return seen

    def _person(self, entry: Entry, claimed: dict[str, str]) -> str | None:
        ldap = self.ldap
        username = entry.first(ldap.username_attribute)
        if not username or len(username) > 64:
            self.report.skipped.append(f"{entry.dn}：没有 {ldap.username_attribute} 或过长")
            return None
        known = self.ids.get(entry.subject)
        if username in claimed:
            self.report.conflicts.append(
                f"用户名 {username} 同时属于 {claimed[username]} 和 {entry.dn}，后者未同步")
            return known
        claimed[username] = entry.dn
        holder = self.by_username.get(username)
        if holder is not None and holder.id != known:
            if known is None and holder.source != DIRECTORY and self.adopt_local:
                known = holder.id
                self.plan.identities[entry.subject] = holder.id
                self.plan.extra[holder.id] = {"password_hash": None}
                self.report.people_changed.append(
                    f"{holder.name}（{username}）：本地账号转为统一身份认证账号")
            else:
                whose = "本地账号" if holder.source != DIRECTORY else "另一目录人员"
                self.report.conflicts.append(
                    f"目录中的 {entry.dn} 的用户名 {username} 已是{whose}“{holder.name}”"
                    f"（{holder.id}）的用户名，未同步"
                    + ("；确认是同一人后可用 --adopt-local 接管" if whose == "本地账号" else ""))
                return known
        disabled = ldap_directory.is_disabled(ldap, entry)
        unit_id = self.enclosing_unit(entry.dn)
        if unit_id is None:
            self.report.skipped.append(f"{entry.dn}：不在 units_base 的任何单位（OU）下")
            return known
        if known is None and disabled:
            return None  # never synced, already disabled: nothing to do
        person_id = known or derived_id("p", "person", entry.subject)
        if known is None:
            self.plan.identities[entry.subject] = person_id
        old = self.rows.get(person_id)
        person = Person(id=person_id, name=(entry.first(ldap.name_attribute) or username)[:100],
                        unit_id=unit_id, roles=self.roles_of(entry, old), username=username,
                        title=entry.first(ldap.title_attribute)[:100],
                        phone=entry.first(ldap.phone_attribute)[:50], active=not disabled)
        email = entry.first(ldap.email_attribute)[:200]
        self._compare(old, person, email)
        return None if disabled else person_id

    def _compare(self, old: sa.Row[Any] | None, person: Person, email: str) -> None:
        extra = self.plan.extra.setdefault(person.id, {})
        extra.update(source=DIRECTORY, email=email)
        label = f"{person.name}（{person.username}）"
        if old is None:
            self.plan.people.append(person)
            roles = "、".join(ROLE_LABELS[r] for r in sorted(person.roles))
            self.report.people_added.append(
                f"{label}：{self._name_of(person.unit_id)}，{roles or '无角色'}")
            return
        before = person_from_row(old)
        if not person.active:
            if before.active:
                self.plan.leavers.append(person.id)
                self.plan.people.append(person)
                extra["left_at"] = True
            return
        if not before.active:
            extra["left_at"] = None
            self.report.people_back.append(label)
        differences = self._differences(before, person, old.email or "", email)
        if differences:
            self.report.people_changed.append(f"{label}：{'；'.join(differences)}")
        if person != before:
            self.plan.people.append(person)
        elif not differences and "password_hash" not in extra and old.source == DIRECTORY:
            del self.plan.extra[person.id]

    def _differences(self, before: Person, after: Person, old_email: str,
                     email: str) -> list[str]:
        found = []
        for label, old, new in (("姓名", before.name, after.name),
                                ("用户名", before.username, after.username),
                                ("单位", self._name_of(before.unit_id),
                                 self._name_of(after.unit_id)),
                                ("角色", _roles(before.roles), _roles(after.roles)),
                                ("职务", before.title, after.title),
                                ("电话", before.phone, after.phone), ("邮箱", old_email, email)):
            if old != new:
                found.append(f"{label} {old or '（空）'} → {new or '（空）'}")
        return found

    def map_leavers(self, seen: set[str]) -> None:
        """Plan the directory people the directory no longer holds (or has disabled)."""
        for row in self.rows.values():
            if row.source == DIRECTORY and row.active and row.id not in seen and (
                    row.id not in self.plan.leavers):
                self.plan.leavers.append(row.id)
                self.plan.people.append(replace(person_from_row(row), active=False))
                self.plan.extra.setdefault(row.id, {})["left_at"] = True
        for person_id in self.plan.leavers:
            row = self.rows[person_id]
            self.report.people_left.append(f"{row.name}（{row.username}）")


def _roles(roles: Iterable[Role]) -> str:
    return "、".join(ROLE_LABELS[r] for r in sorted(roles))


def plan_sync(connection: sa.Connection, snapshot: Snapshot, ldap: LdapSettings, *,
              adopt_local: bool = False) -> Plan:
    """Return the plan that brings the database in line with `snapshot`."""
    mapper = _Mapper(connection, snapshot, ldap, adopt_local)
    if not snapshot.people and any(r.source == DIRECTORY and r.active
                                   for r in mapper.rows.values()):
        # A wrong base or filter must not mark the whole organisation as left.
        raise ValidationError("directory.no_people",
                              "目录中没有找到任何人员，为防止把全部人员误标为离职，未做任何修改；"
                              "请检查配置文件 [ldap] 的 people_base 和 people_filter")
    mapper.map_units()
    seen = mapper.map_people()
    mapper.map_leavers(seen)
    return mapper.plan


def apply_plan(connection: sa.Connection, plan: Plan, now: datetime) -> None:
    """Write the plan in the caller's transaction: units and people with their changes (the
    clients receive them like any directory change), identities, and leavers' logins."""
    save_directory(connection, units=plan.units, people=plan.people, now=now)
    p = t.people.c
    for person_id, values in plan.extra.items():
        if "left_at" in values:
            values = {**values, "left_at": now if values["left_at"] else None}
        connection.execute(sa.update(t.people).where(p.id == person_id).values(values))
    for subject, person_id in plan.identities.items():
        connection.execute(sa.insert(t.external_identities).values(
            provider=DIRECTORY, subject=subject, person_id=person_id, created_at=now))
    for person_id in plan.leavers:
        revoke_person(connection, person_id, now, LEFT)


def open_work_lines(connection: sa.Connection, plan: Plan, now: datetime) -> list[str]:
    """Return "N 项待办需要交接" for each leaver with open work (离职交接: open-work, handover)."""
    if not plan.leavers:
        return []
    counts = open_work_counts(connection, plan.leavers, now=now)
    names = {row.id: f"{row.name}（{row.username}）" for row in connection.execute(
        sa.select(t.people.c.id, t.people.c.name, t.people.c.username).where(
            t.people.c.id.in_(plan.leavers)))}
    return [f"{names.get(pid, pid)}：{n} 项待办需要交接" for pid, n in sorted(counts.items()) if n]


def _one_at_a_time(connection: sa.Connection) -> None:
    """Hold the sync's lock (a row of login_locks, the server's named locks) until commit: a
    second run at the same time (cron and an administrator) waits, then plans afresh."""
    key = "sync-directory"
    db.insert_ignore(connection, t.login_locks, {"key": key})
    connection.execute(sa.select(t.login_locks.c.key).where(t.login_locks.c.key == key)
                       .with_for_update())


def sync_directory(engine: sa.Engine, settings: Settings, *, dry_run: bool = False,
                   adopt_local: bool = False) -> Report:
    """Read the whole directory, then apply it in one transaction (or, dry, only report)."""
    ldap = settings.integrations.ldap
    if ldap is None:
        raise ValidationError("directory.not_configured",
                              "配置文件中没有 [ldap]：请先配置统一身份认证目录"
                              "（见 docs/integration.md）")
    try:
        snapshot = ldap_directory.read_snapshot(ldap)
    except ldap_directory.DirectoryUnavailable as error:
        raise ValidationError("directory.unavailable",
                              f"无法读取统一身份认证目录，未做任何修改：{error}") from None
    now = settings.clock()
    with (db.read(engine) if dry_run else db.write(engine)) as connection:
        if not dry_run:
            _one_at_a_time(connection)
        plan = plan_sync(connection, snapshot, ldap, adopt_local=adopt_local)
        if not dry_run:
            apply_plan(connection, plan, now)
        plan.report.handover = open_work_lines(connection, plan, now)
    plan.report.dry_run = dry_run
    return plan.report
