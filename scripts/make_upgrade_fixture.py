"""Make the upgrade fixture: data made BY THE PREVIOUS RELEASE, for tests/upgrade.

Run it with the previous release's code first on the path (nothing is installed for it; the
project's own virtual environment supplies the libraries), from the repository root:

    git worktree add /tmp/wave1 524761f
    PYTHONPATH=/tmp/wave1 .venv/bin/python scripts/make_upgrade_fixture.py
    git worktree remove --force /tmp/wave1

It starts that release's server (`python -m sync.server.cli --demo`) twice, once on SQLite
and once on a throw-away PostgreSQL database, and drives that release's client sync engine
(`sync.client`) as office.clerk, office.reviewer, office.leader, finance.clerk,
office.secretary and office.supervisor (password `demo-password`): 公文 at several steps
(issued with incoming copies, numbered, awaiting signature, returned, a registered 收文),
opinions, an attachment, a meeting with replies, a supervision item with a progress report
and a standing delegation. Then office.clerk works offline: two actions stay in the outbox.

Written to --out (default tests/fixtures/upgrade/wave1), per database (`sqlite/`,
`postgres/`): the server's database (`server.sqlite3`, or `dump.sql` from `pg_dump
--no-owner`), its blob folder (`blobs/`), the client stores (`clients/<username>.sqlite3`)
and `manifest.json`: every record each person pulled (kind/id and data), the attachment,
and each saved client's outbox, which tests/upgrade/test_upgrade_from_wave1.py checks after
migrating with the current release. README.md says which commit made it and what it holds.

Ids are the same on every run (the client's random ids come from a seeded generator); times
are those of the run.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as day_time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import sqlalchemy as sa

import sync
from officeapp.demo import DEMO_PASSWORD, EDU_ID, FINANCE_ID
from officeapp.meetings import (
    Attendee,
    MeetingAccepted,
    MeetingAction,
    MeetingActionKind,
    ReplyKind,
)
from officeapp.store import LocalStore
from officeapp.supervision import ActionKind as ItemAction
from officeapp.supervision import Source, SupervisionAccepted, SupervisionAction
from officeapp.workflow import Accepted, Action
from officeapp.workflow import ActionKind as DocAction
from sync.client import actions
from sync.client.api import Api, Connection, Offline, make_http
from sync.client.blobs import Blobs
from sync.client.engine import SyncEngine
from sync.protocol import SCHEMA_VERSION, PullRequest
from sync.server.push import copy_id

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "tests" / "fixtures" / "upgrade" / "wave1"
PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
LOCAL = ZoneInfo("Asia/Shanghai")
# Who works; edu.clerk only installs and syncs, so that 市教育局's unclaimed copy is in the
# manifest too.
PEOPLE = ("office.clerk", "office.reviewer", "office.leader", "finance.clerk",
          "office.secretary", "office.supervisor", "edu.clerk")
# The saved installation: the clerk's, with work queued offline. (A store is at least 1 MiB,
# one 16 KiB page per table and index, so one per database keeps the fixture under 3 MB.)
SAVED_CLIENTS = ("office.clerk",)
MAX_BYTES = 3_000_000
SEED = 20261206

NOTICE: dict[str, Any] = {
    "doc_type": "通知",
    "title": "关于印发防汛抗旱应急预案的通知",
    "main_recipients": [FINANCE_ID],
    "cc_recipients": [EDU_ID],
    "body": "各单位：\n\n现将《防汛抗旱应急预案》印发给你们，请认真贯彻执行。",
    "agency_code": "萍府办发",
}
ATTACHMENT_NAME = "防汛抗旱应急预案.txt"
ATTACHMENT = ("防汛抗旱应急预案\n\n一、总则\n为做好全市防汛抗旱工作，最大限度减少灾害损失，"
              "制定本预案。\n二、组织体系\n市防汛抗旱指挥部负责全市防汛抗旱工作。\n"
              * 40).encode()


# --- the old release's processes ------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def old_server(database_url: str, data_dir: Path) -> Iterator[str]:
    """Run the old release's demo server on `database_url`; yield its URL."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "sync.server.cli", "--demo", "--database-url", database_url,
         "--data-dir", str(data_dir), "--port", str(port), "--jobs-interval", "0"],
        cwd=data_dir.parent, start_new_session=True, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise SystemExit(f"the old server stopped while starting ({process.returncode})")
            try:
                if httpx.get(f"{url}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("the old server did not start within 60 s")
            time.sleep(0.2)
        yield url
    finally:
        # Stopped before anything is saved, so the database files are closed and complete.
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextmanager
def throwaway_postgres(admin_url: str) -> Iterator[str]:
    """Create an empty PostgreSQL database; yield its URL; drop it afterwards."""
    name = f"officeapp_fixture_{uuid.UUID(int=random.getrandbits(128)).hex[:12]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# --- the old release's client ---------------------------------------------------------------


@dataclass
class Person:
    """One person's installation of the old client: store, API, engine and attachments."""

    username: str
    store: LocalStore
    api: Api
    engine: SyncEngine
    blobs: Blobs

    @property
    def person_id(self) -> str:
        return f"p-{self.username}"

    def now(self) -> datetime:
        return self.store.corrected_now()

    async def sync(self) -> None:
        """Push and pull; everything queued must be accepted."""
        await self.engine.sync_once()
        rejected = [(r.code, r.message) for r in self.store.rejections()]
        assert not rejected, f"{self.username}: {rejected}"
        assert self.store.pending_mutations() == [], self.username

    def act(self, document_id: str, kind: DocAction, **values: Any) -> None:
        """Take a workflow action, which the old client's own rules must accept."""
        decision = actions.act(self.store, person_id=self.person_id, document_id=document_id,
                               action=Action(kind, **values), now=self.now())
        assert isinstance(decision, Accepted), decision

    def draft(self, **fields: Any) -> str:
        return actions.draft_outgoing(self.store, person_id=self.person_id,
                                      fields={**NOTICE, **fields}, now=self.now()).id


async def install(username: str, url: str, root: Path) -> Person:
    """Log `username` in on a new installation and sync it once."""
    api = Api(make_http(Connection(url)))
    (root / "clients").mkdir(exist_ok=True)
    store = LocalStore.open(root / "clients" / f"{username}.sqlite3")
    blobs = Blobs(api=api, store=store, root=root / "client-blobs" / username)
    person = Person(username, store, api, SyncEngine(api=api, store=store, blobs=blobs), blobs)
    await api.login(username, DEMO_PASSWORD)
    store.record_person(person.person_id)
    await person.sync()
    return person


def _seeded_uuid4(rng: random.Random) -> Any:
    def uuid4() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)
    return uuid4


# --- the office's work ----------------------------------------------------------------------


async def office_work(people: dict[str, Person], tmp: Path) -> dict[str, str]:
    """Do a few days of an office's work through the old clients; return the records' roles."""
    clerk, reviewer, leader = (people[n] for n in ("office.clerk", "office.reviewer",
                                                   "office.leader"))
    finance, secretary, supervisor = (people[n] for n in ("finance.clerk", "office.secretary",
                                                          "office.supervisor"))
    A = DocAction
    roles: dict[str, str] = {}

    # 发文 with an attachment, through review, signature, number, seal and issue.
    source = tmp / ATTACHMENT_NAME
    source.write_bytes(ATTACHMENT)
    attachment = await clerk.blobs.attach(source, name=ATTACHMENT_NAME)
    issued = roles["issued"] = clerk.draft(attachments=[attachment])
    # Numbered, waiting for the seal; waiting for the signature; returned to the drafter.
    numbered = roles["numbered"] = clerk.draft(title="关于开展安全生产大检查的通知",
                                               cc_recipients=[])
    at_sign = roles["at_sign"] = clerk.draft(title="关于做好2027年元旦春节期间有关工作的通知")
    returned = roles["returned"] = clerk.draft(title="关于报送2026年度工作总结的通知",
                                               main_recipients=[FINANCE_ID, EDU_ID],
                                               cc_recipients=[])
    for document_id in (issued, numbered, at_sign, returned):
        clerk.act(document_id, A.APPROVE, opinion="请核稿")
    await clerk.sync()
    await reviewer.sync()
    for document_id in (issued, numbered, at_sign):
        reviewer.act(document_id, A.APPROVE, opinion="核稿无误")
    reviewer.act(returned, A.RETURN, opinion="请补充报送时限", target_step="draft")
    await reviewer.sync()
    await leader.sync()
    leader.act(issued, A.APPROVE, opinion="同意印发")
    leader.act(numbered, A.APPROVE, opinion="同意")
    await leader.sync()
    await clerk.sync()
    clerk.act(issued, A.APPROVE)  # 编号: the server allocates the 发文字号
    clerk.act(numbered, A.APPROVE)
    await clerk.sync()
    clerk.act(issued, A.APPROVE)  # 用印
    clerk.act(issued, A.APPROVE)  # 印发: copies to 市财政局 (主送) and 市教育局 (抄送)
    await clerk.sync()

    # A 收文 registered at the office, sent on to 拟办.
    incoming = actions.register(clerk.store, person_id=clerk.person_id, now=clerk.now(), fields={
        "doc_type": "请示", "title": "关于拨付学校维修经费的请示", "sender_unit": "市教育局",
        "received_number": "收〔2026〕8号", "body": "市政府办公室：\n\n请拨付维修经费。"})
    roles["incoming"] = incoming.id
    await clerk.sync()
    clerk.act(incoming.id, A.APPROVE, opinion="请张主任阅示")
    await clerk.sync()

    # 市财政局 signs for its copy.
    await finance.sync()
    copy = roles["copy_finance"] = copy_id(issued, FINANCE_ID)
    roles["copy_edu"] = copy_id(issued, EDU_ID)
    assert finance.store.get_document(copy) is not None
    finance.act(copy, A.APPROVE, opinion="已签收")
    await finance.sync()

    # A meeting: booked, notified, two replies.
    today = datetime.now(LOCAL).date()
    tuesday = today + timedelta(days=8 - today.weekday())
    start = _at(tuesday, 14)
    meeting = actions.create_meeting(secretary.store, person_id=secretary.person_id,
                                     now=secretary.now(), fields={
        "title": "全市防汛工作调度会", "meeting_type": "专题会议",
        "start": start, "end": start + timedelta(hours=2), "host_id": "p-office.leader",
        "attendees": [Attendee.person("p-finance.clerk"), Attendee.person("p-office.reviewer")],
        "notes": "请携带本单位防汛物资清单。"})
    roles["meeting"] = meeting.id
    K = MeetingActionKind
    for action in (MeetingAction(K.BOOK, room_id="r-2"),
                   MeetingAction(K.SEND_NOTICE, check_in_code="1357")):
        done = actions.act_meeting(secretary.store, person_id=secretary.person_id,
                                   meeting_id=meeting.id, action=action, now=secretary.now())
        assert isinstance(done, MeetingAccepted), done
    await secretary.sync()
    for who, reply in ((finance, MeetingAction(K.REPLY, reply=ReplyKind.ATTEND)),
                       (reviewer, MeetingAction(K.REPLY, reply=ReplyKind.LEAVE,
                                                reason="当天外出参加培训"))):
        await who.sync()
        done = actions.act_meeting(who.store, person_id=who.person_id,
                                   meeting_id=meeting.id, action=reply, now=who.now())
        assert isinstance(done, MeetingAccepted), done
        await who.sync()

    # A supervision item, assigned, received and reported on.
    item = actions.create_supervision_item(
        supervisor.store, person_id=supervisor.person_id, now=supervisor.now(), fields={
            "title": "推进数字政府建设一期工程", "source": Source.LEADER_INSTRUCTION,
            "content": "按期完成一期工程建设，每两周报送进展。", "lead_unit_id": FINANCE_ID,
            "deadline": supervisor.now() + timedelta(days=30)})
    roles["supervision"] = item.id
    for kind in (ItemAction.OPEN, ItemAction.ASSIGN):
        assert isinstance(actions.act_supervision(
            supervisor.store, person_id=supervisor.person_id, item_id=item.id,
            action=SupervisionAction(kind), now=supervisor.now()), SupervisionAccepted)
    await supervisor.sync()
    await finance.sync()
    for action in (SupervisionAction(ItemAction.RECEIVE),
                   SupervisionAction(ItemAction.REPORT, text="已完成招标", percent=30)):
        assert isinstance(actions.act_supervision(
            finance.store, person_id=finance.person_id, item_id=item.id, action=action,
            now=finance.now()), SupervisionAccepted)
    await finance.sync()

    # A standing delegation: 张主任 hands his work to 陈副主任 for a week from tomorrow.
    begins = _at(today + timedelta(days=1), 8)
    delegation = actions.create_delegation(
        leader.store, person_id=leader.person_id, delegate_id="p-office.deputy",
        start=begins, end=begins + timedelta(days=7), now=leader.now())
    roles["delegation"] = delegation.id
    await leader.sync()

    for person in people.values():
        await person.sync()
    return roles


async def work_offline(clerk: Person) -> list[dict[str, Any]]:
    """The clerk drafts and sends a notice on with the server gone: both stay queued."""
    draft = clerk.draft(title="关于做好节前安全检查的通知")
    clerk.store.save_opinion_draft(document_id=draft, person_id=clerk.person_id,
                                   step="draft", text="请周科长核稿")
    clerk.act(draft, DocAction.APPROVE, opinion="请周科长核稿")
    try:
        await clerk.engine.sync_once()
    except Offline:
        pass  # the attempt is recorded on the first queued action, as on a real laptop
    else:
        raise SystemExit("the clerk's offline sync reached a server")
    return [{"mutation_id": m.mutation_id, "name": m.name,
             "document_id": m.args.get("document_id"), "state": m.state}
            for m in clerk.store.pending_mutations()]


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, day_time(hour), tzinfo=LOCAL)


# --- what the server holds ------------------------------------------------------------------


async def pulled(person: Person) -> tuple[dict[str, dict[str, Any]], int]:
    """Everything the person's installation pulls from cursor 0: records by kind/id, and the
    server's last mutation id of that installation."""
    records: dict[str, dict[str, Any]] = {}
    cursor, last = 0, 0
    while True:
        page = await person.api.pull(PullRequest(client_id=person.store.client_id,
                                                 cursor=cursor, schema_version=SCHEMA_VERSION,
                                                 limit=1000))
        for change in page.changes:
            key = f"{change.kind}/{change.id}"
            if change.op == "put":
                assert change.data is not None
                records[key] = change.data
            else:
                records.pop(key, None)
        cursor, last = page.cursor, page.last_mutation_id
        if not page.has_more:
            return records, last


async def scenario(url: str, work: Path) -> tuple[dict[str, Any], dict[str, Person]]:
    """Run the office's work against the old server at `url`; return the manifest and the
    installations."""
    # The old client makes its ids (records, installations) with uuid.uuid4(): seeded, they
    # are the same on every run and in both databases, so a remade fixture differs in times.
    uuid.uuid4 = _seeded_uuid4(random.Random(SEED))
    people = {name: await install(name, url, work) for name in PEOPLE}
    roles = await office_work(people, work)
    records: dict[str, dict[str, Any]] = {}
    seen_by: dict[str, list[str]] = {}
    last_ids: dict[str, int] = {}
    for name, person in people.items():
        found, last_ids[name] = await pulled(person)
        records.update(found)
        seen_by[name] = sorted(found)
    counts: dict[str, int] = {}
    for key in records:
        counts[key.split("/")[0]] = counts.get(key.split("/")[0], 0) + 1
    return {"roles": roles, "records": dict(sorted(records.items())), "seen_by": seen_by,
            "counts": dict(sorted(counts.items())), "last_mutation_ids": last_ids}, people


async def finish(manifest: dict[str, Any], people: dict[str, Person]) -> None:
    """After the server stopped: the clerk's offline work, then every installation closed."""
    outbox = await work_offline(people["office.clerk"])
    clients = {}
    for name, person in people.items():
        if name in SAVED_CLIENTS:
            clients[name] = {
                "file": f"clients/{name}.sqlite3", "client_id": person.store.client_id,
                "cursor": person.store.get_cursor(),
                "store_version": person.store.schema_version,
                "documents": person.store.document_count(),
                "server_last_mutation_id": manifest["last_mutation_ids"][name],
                "outbox": outbox if name == "office.clerk" else []}
        await person.api.http.aclose()
        person.store.close()
    manifest["clients"] = clients
    manifest["offline_draft"] = outbox[0]["document_id"]


# --- saving ---------------------------------------------------------------------------------


def copy_sqlite(source: Path, target: Path) -> None:
    """Copy a SQLite database whole (WAL included) into one file, page by page (a VACUUM
    could renumber rowids that the full-text index refers to)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    # sqlite3's context manager commits, it does not close.
    src.close()
    dst.close()


def save(manifest: dict[str, Any], work: Path, out: Path) -> None:
    """Copy the blob folder, the saved client stores and the manifest into `out`."""
    blobs = work / "data" / "blobs"
    shutil.copytree(blobs, out / "blobs")
    for name, client in manifest["clients"].items():
        copy_sqlite(work / "clients" / f"{name}.sqlite3", out / client["file"])
    (out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


async def make(kind: str, out: Path, made_by: dict[str, Any],
               admin_url: str) -> dict[str, Any]:
    """Make the fixture of one database kind into `out/<kind>`; return its manifest."""
    target = out / kind
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix=f"officeapp-fixture-{kind}-") as name:
        work = Path(name)
        (work / "data").mkdir()
        with _database(kind, work, admin_url) as url:
            with old_server(url, work / "data") as server:
                manifest, people = await scenario(server, work)
            await finish(manifest, people)  # the server is gone: the clerk works offline
            if kind == "sqlite":
                copy_sqlite(work / "data" / "officeapp.sqlite3", target / "server.sqlite3")
            else:
                libpq = sa.make_url(url).set(drivername="postgresql").render_as_string(
                    hide_password=False)
                subprocess.run(["pg_dump", "--no-owner", "--no-privileges", "--file",
                                str(target / "dump.sql"), libpq], check=True)
        manifest["made_by"] = {**made_by, "database": kind}
        manifest["blob"] = {"sha256": hashlib.sha256(ATTACHMENT).hexdigest(),
                            "size": len(ATTACHMENT), "name": ATTACHMENT_NAME,
                            "document_id": manifest["roles"]["issued"],
                            "seen_by": "office.clerk"}
        manifest["password"] = DEMO_PASSWORD
        save(manifest, work, target)
    return manifest


@contextmanager
def _database(kind: str, work: Path, admin_url: str) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{work / 'data' / 'officeapp.sqlite3'}"
        return
    with throwaway_postgres(admin_url) as url:
        yield url


# The args model of each mutation, by name, for a release whose protocol has no MUTATORS.
ARGS_MODELS = {
    "document.create_outgoing": "CreateDocumentArgs",
    "document.register_incoming": "CreateDocumentArgs", "document.act": "ActArgs",
    "meeting.create": "CreateMeetingArgs", "meeting.create_sitting": "CreateSittingArgs",
    "meeting.act": "MeetingActArgs", "supervision.create": "CreateSupervisionArgs",
    "supervision.act": "SupervisionActArgs", "delegation.create": "CreateDelegationArgs",
    "delegation.end": "EndDelegationArgs",
}


def wire() -> dict[str, Any]:
    """What this release's server accepts of each mutation: its version and its args' fields
    (it refuses any other field). The upgrade test compares it with the current wire."""
    from sync import protocol

    found: dict[str, Any] = {}
    for name, version in protocol.MUTATOR_VERSIONS.items():
        mutators = getattr(protocol, "MUTATORS", None)
        model = mutators[name].args if mutators else getattr(protocol, ARGS_MODELS[name])
        found[name] = {"v": version, "args": sorted(model.model_fields)}
    return found


def _made_by() -> dict[str, Any]:
    """Which code runs: refuse this checkout, name the commit of the old release's tree."""
    code = Path(sync.__file__).resolve().parents[1]
    if code == REPO:
        raise SystemExit("this is the current code: put the previous release first on "
                         "PYTHONPATH (see the top of this script)")
    commit = subprocess.run(["git", "-C", str(code), "rev-parse", "HEAD"], check=True,
                            capture_output=True, text=True).stdout.strip()
    revisions = sorted(p.name.split("_")[0] for p in
                       (code / "sync" / "server" / "migrations" / "versions").glob("0*.py"))
    return {"commit": commit, "code": str(code), "server_schema": revisions[-1],
            "protocol": SCHEMA_VERSION, "wire": wire(),
            "command": f"PYTHONPATH={code} .venv/bin/python scripts/make_upgrade_fixture.py"}


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def readme(out: Path, made_by: dict[str, Any], manifests: dict[str, dict[str, Any]]) -> str:
    """The fixture's README: who made it, how, and what it holds."""
    store_version = next(iter(manifests.values()))["clients"]["office.clerk"]["store_version"]
    lines = [
        "# Upgrade fixture: data made by the previous release (wave 1)",
        "",
        f"Made by commit `{made_by['commit']}` (server schema {made_by['server_schema']}, "
        f"client store schema {store_version}, protocol {made_by['protocol']}) with its own "
        "server and client code:",
        "",
        "```sh",
        f"git worktree add /tmp/wave1 {made_by['commit'][:7]}",
        "PYTHONPATH=/tmp/wave1 .venv/bin/python scripts/make_upgrade_fixture.py",
        "git worktree remove --force /tmp/wave1",
        "```",
        "",
        "Do not edit these files by hand: they stand for what an office's server and laptops",
        "hold when the new release is installed. `tests/upgrade/test_upgrade_from_wave1.py`",
        "migrates copies of them with the current release and checks nothing is lost.",
        "",
        "| path | what |",
        "| --- | --- |",
        "| `sqlite/server.sqlite3` | the server's SQLite database (`--demo`) |",
        "| `postgres/dump.sql` | the server's PostgreSQL database, `pg_dump --no-owner "
        "--no-privileges` |",
        "| `*/blobs/` | the server's blob folder (`<data-dir>/blobs`) |",
        "| `*/clients/office.clerk.sqlite3` | 李文书's client store, two actions queued "
        "offline (never pushed) |",
        "| `*/manifest.json` | every record each person pulled from the old server (kind/id "
        "and data), the attachment, the saved clients' cursors and outboxes |",
        "",
        "The work (both databases, the same ids): 发文 issued with an attachment (copies to "
        "市财政局, signed for, and 市教育局), one numbered and waiting for the seal, one "
        "waiting for the signature, one returned to the drafter, a registered 收文; opinions "
        "at each step; the demo's meetings and supervision items plus a meeting booked, "
        "notified and replied to (attend, leave), a supervision item received and reported "
        "on (30 %), a standing delegation 张主任 → 陈副主任; then 李文书 drafts a notice and "
        "sends it on while the server is gone.",
        "",
        "| database | " + " | ".join(sorted(next(iter(manifests.values()))["counts"]))
        + " | outbox | size |",
        "| --- " * (len(next(iter(manifests.values()))["counts"]) + 3) + "|",
    ]
    for kind, manifest in manifests.items():
        counts = manifest["counts"]
        outbox = ", ".join(m["name"] for m in manifest["clients"]["office.clerk"]["outbox"])
        lines.append(f"| {kind} | " + " | ".join(str(counts[k]) for k in sorted(counts))
                     + f" | {outbox} | {_size(out / kind) // 1024} KiB |")
    lines += ["", "`dump.sql` starts with `\\restrict` (pg_dump 15.14 and later): load it with "
              "a psql at least as new.",
              "", f"Attachment: `{ATTACHMENT_NAME}`, {len(ATTACHMENT)} bytes, SHA-256 "
              f"`{hashlib.sha256(ATTACHMENT).hexdigest()}`.", ""]
    return "\n".join(lines)


def main() -> int:
    """Make both databases' fixtures and the README; refuse a fixture over 3 MB."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--pg-admin-url", default=PG_ADMIN_URL,
                        help="a PostgreSQL database to create the throw-away one from")
    args = parser.parse_args()
    made_by = _made_by()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    manifests = {kind: asyncio.run(make(kind, out, made_by, args.pg_admin_url))
                 for kind in ("sqlite", "postgres")}
    (out / "README.md").write_text(readme(out, made_by, manifests))
    total = _size(out)
    print(f"fixture written to {out}: {total / 1024:.0f} KiB")
    if total > MAX_BYTES:
        print(f"too big: {total} bytes > {MAX_BYTES}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
