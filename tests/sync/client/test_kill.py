"""SIGKILLs of a real client process at random points of push and pull (SYNC.md fault 16).

A real server (`officeapp-server --demo`, uvicorn on a free loopback port) runs in a
subprocess. `kill_worker.py` acts and syncs in a loop on one local database; the test kills
it with SIGKILL — at a random moment, or just after it sent a push, sent a pull, or received
a page it is about to apply — and starts it again on the same database. Meanwhile a reviewer
moves some documents on, so some queued actions are refused. At the end the worker syncs
cleanly and the test checks that nothing was lost or applied twice, and that the killed
client's store equals a fresh client's view.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import queue
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

import httpx
import pytest
import sqlalchemy as sa

from officeapp.core.verdict import Accepted
from officeapp.demo import DEMO_PASSWORD
from officeapp.store import LocalStore
from officeapp.workflow import Action, ActionKind, Document
from sync.client import actions
from sync.client.api import Api, Connection, make_http
from sync.client.engine import SyncEngine
from sync.server.storage import tables as t

KILLS = 55
SEED = 20240611
WORKER = Path(__file__).with_name("kill_worker.py")
ROOT = Path(__file__).resolve().parents[3]
# Where a kill lands: at a random moment, or just after the worker reached a point.
TARGETS = ("any", "any", "push", "push", "pull", "pulled", "pulled", "act")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class RealServer:
    """A server process on loopback and the database it writes."""

    url: str
    database_url: str


@pytest.fixture
def real_server(tmp_path: Path) -> Iterator[RealServer]:
    """Start `officeapp-server --demo` (SQLite in a temp dir) and wait until it answers."""
    data = tmp_path / "server"
    port = free_port()
    log = open(tmp_path / "server.log", "wb")  # noqa: SIM115
    process = subprocess.Popen(
        [sys.executable, "-m", "sync.server.ops.cli", "--demo", "--port", str(port),
         "--data-dir", str(data)], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, tmp_path / "server.log")
        yield RealServer(url, f"sqlite:///{data / 'officeapp.sqlite3'}")
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited: {log.read_text(errors='replace')}")
        with contextlib.suppress(httpx.TransportError):
            if httpx.get(f"{url}/api/v1/health", timeout=1).status_code == 200:
                return
        time.sleep(0.1)
    pytest.fail("server did not start within 30 s")


def login(url: str, username: str) -> dict[str, Any]:
    response = httpx.post(f"{url}/api/v1/auth/login",
                          json={"username": username, "password": DEMO_PASSWORD}, timeout=10)
    assert response.status_code == 200, response.text
    tokens: dict[str, Any] = response.json()
    return tokens


class Lines:
    """The worker's marker lines, read by a thread so the test can wait for one."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.queue: queue.Queue[str | None] = queue.Queue()
        self.last = ""
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self.queue.put(line.strip())
        self.queue.put(None)

    def wait_for(self, marker: str, timeout: float) -> bool:
        """Wait for the next `marker`; return False on timeout or when the worker ended."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.queue.get(timeout=left)
            except queue.Empty:
                return False
            if line is None:
                return False
            self.last = line
            if line == marker:
                return True
        return False

    def close(self) -> None:
        """Read to the end (the worker is gone) and close the pipe."""
        self.thread.join(10)
        self.stream.close()
        self.drain()

    def drain(self) -> None:
        """Take in what the worker printed up to now (to know where it was killed)."""
        with contextlib.suppress(queue.Empty):
            while (line := self.queue.get_nowait()) is not None:
                self.last = line


class Worker:
    """Starts kill_worker.py runs on one local database."""

    def __init__(self, server: RealServer, workdir: Path) -> None:
        self.server = server
        self.workdir = workdir
        self.db = workdir / "client.sqlite3"
        self.journal = workdir / "journal.jsonl"
        self.tokens = workdir / "tokens.json"
        self.tokens.write_text(json.dumps(login(server.url, "office.clerk")))

    def start(self, run: int, *, clean: bool = False) -> tuple[subprocess.Popen[str], Lines]:
        command = [sys.executable, str(WORKER), "--server", self.server.url, "--db", str(self.db),
                   "--tokens", str(self.tokens), "--journal", str(self.journal),
                   "--run", str(run), "--seed", str(SEED)]
        errors = open(self.workdir / f"worker-{run}.err", "w")  # noqa: SIM115
        process = subprocess.Popen(command + (["--clean"] if clean else []), cwd=ROOT,
                                   stdout=subprocess.PIPE, stderr=errors, text=True)
        errors.close()
        assert process.stdout is not None
        return process, Lines(process.stdout)

    def stderr(self, run: int) -> str:
        return (self.workdir / f"worker-{run}.err").read_text(errors="replace")


class Reviewer:
    """office.reviewer on a plain HTTP client: moves documents from 核稿 to 签发 now and then,
    so some of the clerk's queued urges are refused."""

    def __init__(self, url: str) -> None:
        self.tokens = login(url, "office.reviewer")
        self.http = httpx.Client(base_url=f"{url}/api/v1", timeout=10, headers={
            "Authorization": f"Bearer {self.tokens['access_token']}"})
        self.client_id = f"reviewer-{uuid.uuid4()}"
        self.next_id = 1
        self.cursor = 0
        self.documents: dict[str, dict[str, Any]] = {}
        self.opinions: list[str] = []

    def pull(self) -> None:
        while True:
            page = self.http.post("/sync/pull", json={
                "client_id": self.client_id, "cursor": self.cursor, "schema_version": 1,
                "limit": 1000}).json()
            for change in page["changes"]:
                if change["kind"] == "document" and change["op"] == "put":
                    self.documents[change["id"]] = change["data"]
            self.cursor = page["cursor"]
            if not page["has_more"]:
                return

    def approve_one(self, rng: random.Random, urged: set[str]) -> None:
        """Approve a document at 核稿, preferably one the clerk has a queued urge on."""
        self.pull()
        waiting = sorted(i for i, d in self.documents.items() if d["step"] == "review")
        if not waiting:
            return
        opinion = f"核稿意见{self.next_id}"
        mutation = {"id": self.next_id, "name": "document.act", "v": 1, "args": {
            "document_id": rng.choice(sorted(urged & set(waiting)) or waiting),
            "action": {"kind": "approve", "opinion": opinion, "expected_step": "review"}}}
        answer = self.http.post("/sync/push", json={
            "client_id": self.client_id, "schema_version": 1, "mutations": [mutation]}).json()
        self.next_id += 1
        if answer["results"][0]["status"] == "applied":
            self.opinions.append(opinion)


def kill_runs(worker: Worker, reviewer: Reviewer, rng: random.Random) -> Counter[str]:
    """Start and SIGKILL the worker KILLS times; return where the kills landed."""
    landed: Counter[str] = Counter()
    for run in range(KILLS):
        process, lines = worker.start(run)
        assert lines.wait_for("ready", 20), worker.stderr(run)
        target = rng.choice(TARGETS)
        if target == "any":
            time.sleep(rng.uniform(0.0, 0.5))
        elif lines.wait_for(target, 10):
            time.sleep(rng.uniform(0.0, 0.012))
        lines.drain()
        assert process.poll() is None, f"worker {run} ended by itself: {worker.stderr(run)}"
        process.send_signal(signal.SIGKILL)
        assert process.wait(10) == -signal.SIGKILL
        lines.close()
        landed[lines.last] += 1
        if run % 3 == 2:
            reviewer.approve_one(rng, queued_urges(worker.db))
    return landed


def stale_urge(worker: Worker, reviewer: Reviewer) -> None:
    """Queue an urge on the (dead) worker's database and move its document on at the server,
    so the clean run surely has one queued action refused, however the kills fell."""
    store = LocalStore.open(worker.db)
    try:
        now = datetime.now(UTC)
        actor = store.organisation().actor("p-office.clerk", now)
        waiting = sorted(r.id for r in store.inbox(actor=actor, folder="mine", limit=500)
                         if r.step == "review")
        reviewer.pull()
        at_review = [i for i in waiting if reviewer.documents.get(i, {}).get("step") == "review"]
        if not at_review:
            return  # nothing the reviewer could move; the random runs must have done it
        document_id, opinion = at_review[0], "意见stale-urge"
        with worker.journal.open("a", encoding="utf-8") as journal:
            journal.write(json.dumps({"run": KILLS, "key": "stale-urge", "kind": "urge",
                                      "document_id": document_id, "opinion": opinion},
                                     ensure_ascii=False) + "\n")
            decision = actions.act(store, person_id="p-office.clerk", document_id=document_id,
                                   action=Action(ActionKind.URGE, opinion=opinion), now=now)
            outcome = "ok" if isinstance(decision, Accepted) else "refused"
            journal.write(json.dumps({"run": KILLS, "key": "stale-urge",
                                      "outcome": outcome}) + "\n")
    finally:
        store.close()
    reviewer.approve_one(random.Random(0), {document_id})


def queued_urges(path: Path) -> set[str]:
    """Return the documents the (dead) worker has an unpushed urge on."""
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        rows = conn.execute("SELECT args FROM outbox WHERE state = 'pending'").fetchall()
    found = (json.loads(row[0]) for row in rows)
    return {a["document_id"] for a in found if a.get("action", {}).get("kind") == "urge"}


def read_journal(path: Path) -> tuple[dict[str, dict[str, Any]], dict[int, str]]:
    """Return the journal's entries by key, and the last key of each run."""
    entries: dict[str, dict[str, Any]] = {}
    last: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        with contextlib.suppress(json.JSONDecodeError):  # a line cut by the kill
            entry = json.loads(line)
            entries.setdefault(entry["key"], {}).update(entry)
            last[entry["run"]] = entry["key"]
    return entries, last


def documents(store: LocalStore) -> dict[str, Document]:
    ids = [row[0] for row in store.db.conn.execute("SELECT id FROM documents")]
    return {i: doc for i in ids if (doc := store.get_document(i)) is not None}


def fresh_view(url: str, path: Path) -> LocalStore:
    """Return a new client's store for office.clerk, synced from zero."""
    store = LocalStore.open(path)

    async def run() -> None:
        api = Api(make_http(Connection(url)))
        await api.login("office.clerk", DEMO_PASSWORD)
        store.record_person("p-office.clerk")
        await SyncEngine(api=api, store=store).sync_once()
        await api.http.aclose()

    asyncio.run(run())
    return store


def committed(entry: dict[str, Any], store: LocalStore) -> bool:
    """Return whether a journaled action reached the store (its outbox row exists)."""
    for row in store.db.conn.execute("SELECT args FROM outbox"):
        args = json.loads(row[0])
        if entry["kind"] == "draft" and args.get("fields", {}).get("title") == entry["title"]:
            return True
        if entry["kind"] != "draft" and args.get("action", {}).get("opinion") == entry["opinion"]:
            return True
    return False


def test_sigkills_during_push_and_pull_lose_and_duplicate_nothing(
        real_server: RealServer, tmp_path: Path) -> None:
    started = time.monotonic()
    rng = random.Random(SEED)
    worker, reviewer = Worker(real_server, tmp_path), Reviewer(real_server.url)
    try:
        landed = kill_runs(worker, reviewer, rng)
        stale_urge(worker, reviewer)
    finally:
        reviewer.http.close()
    process, lines = worker.start(KILLS, clean=True)
    assert process.wait(60) == 0, worker.stderr(KILLS)
    lines.close()
    print(f"\n{KILLS} SIGKILLs in {time.monotonic() - started:.1f} s, last marker before "
          f"each: {dict(landed)}")
    assert landed["push"] >= 5 and landed["pulled"] + landed["pull"] >= 5

    killed = LocalStore.open(worker.db)
    fresh = fresh_view(real_server.url, tmp_path / "fresh.sqlite3")
    try:
        check_against_server(killed, fresh, worker, reviewer, real_server)
    finally:
        killed.close()
        fresh.close()


def check_against_server(killed: LocalStore, fresh: LocalStore, worker: Worker,
                         reviewer: Reviewer, server: RealServer) -> None:
    """Nothing lost, nothing twice, nothing pending, and the same view as a fresh client."""
    entries, last = read_journal(worker.journal)
    shown = documents(fresh)
    titles = Counter(d.title for d in shown.values())
    opinions = Counter(e.opinion for d in shown.values() for e in d.trace if e.opinion)
    refused = {r.args["action"]["opinion"]: r.code for r in killed.rejections()
               if r.name == "document.act"}
    counted = Counter()
    for key, entry in entries.items():
        done = committed(entry, killed)
        assert done or entry.get("outcome") != "ok", f"{key} was taken but its outbox row is gone"
        assert done or entry.get("outcome") == "refused" or last[entry["run"]] == key, key
        if entry["kind"] == "draft":
            assert titles[entry["title"]] == (1 if done else 0), entry
        elif done and entry["opinion"] in refused:
            assert opinions[entry["opinion"]] == 0, entry
            assert refused[entry["opinion"]] == "workflow.step_moved", entry
        else:
            assert opinions[entry["opinion"]] == (1 if done else 0), entry
        counted[(entry["kind"], done, entry["opinion"] in refused if "opinion" in entry
                 else False)] += 1
    print(f"journal (kind, committed, refused by the server): {dict(counted)}; "
          f"reviewer approvals {len(reviewer.opinions)}")
    assert counted[("draft", True, False)] >= 20 and counted[("urge", True, True)] >= 1
    assert all(opinions[o] == 1 for o in reviewer.opinions)
    for document in shown.values():  # no trace entry was written twice
        assert [e.seq for e in document.trace] == list(range(1, len(document.trace) + 1))
        assert sum(e.action.value == "create" for e in document.trace) == 1
    assert killed.pending_mutations() == []
    check_server_results(killed, server)
    assert documents(killed) == shown
    assert killed.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    killed.db.conn.execute(
        "INSERT INTO documents_chars(documents_chars) VALUES ('integrity-check')")


def check_server_results(store: LocalStore, server: RealServer) -> None:
    """Every mutation id of the client was processed once, in order, none missing."""
    engine = sa.create_engine(server.database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(sa.select(t.mutation_results).where(
                t.mutation_results.c.client_id == store.client_id)).all()
            last = connection.execute(sa.select(t.clients.c.last_mutation_id).where(
                t.clients.c.client_id == store.client_id)).scalar_one()
    finally:
        engine.dispose()
    assert sorted(r.mutation_id for r in rows) == list(range(1, store.last_mutation_id() + 1))
    assert last == store.last_mutation_id()
    rejected = {r.mutation_id for r in rows if r.status == "rejected"}
    assert rejected == {r.mutation_id for r in store.rejections()}


def test_the_server_offset_is_measured_behind_uvicorn(real_server: RealServer) -> None:
    """uvicorn sends a Date header; a client clock a day fast measures the day."""
    def fast() -> datetime:
        return datetime.now(UTC) + timedelta(days=1)

    async def run() -> timedelta:
        api = Api(make_http(Connection(real_server.url)), clock=fast)
        await api.login("office.clerk", DEMO_PASSWORD)
        await api.http.aclose()
        return api.server_offset

    offset = asyncio.run(run())
    assert abs((offset + timedelta(days=1)).total_seconds()) < 5

