"""Benchmark of the sync engine: initial sync of N records on loopback, and push throughput.

    .venv/bin/python benchmarks/bench_sync.py --records 100000 [--database-url URL] [--keep]

Seeds the server database directly (migrations, the demo organisation, then N realistic
documents owned by 市政府办公室 with their change-log rows, written with the server's own
column mapping, scopes and tables — not N pushes), starts the real server (uvicorn) on a free
loopback port, and times a fresh client's full pull with the sync engine, the local store
running on its own thread as in the desktop client. `initial_sync_seconds` runs until the
engine's round returns: every record stored, visible and searchable, the search index merged
(with `--runs N`, the median of N fresh clients, with the min and max). The baseline is the
time to bulk-insert the same documents' JSON into a plain SQLite table
(`bench_store.bulk_insert`).
Then it queues drafts and approvals locally and times pushing them.

Prints one JSON object per line: {"name": ..., "value": ..., "unit": ...}.
Bars (DESIGN.md §5, at 100k): initial_sync_seconds < 30, initial_sync_ratio_to_bulk_insert ≤ 2.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import httpx
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import BATCH, Generator, bulk_insert, emit, raw_database

from officeapp.demo import DEMO_PASSWORD, DEMO_PEOPLE, DEMO_UNITS, FINANCE_ID, OFFICE_ID
from officeapp.org import Organisation
from officeapp.store import LocalStore
from officeapp.tracechain import chain
from officeapp.workflow import Action, ActionKind, Document
from sync.client import actions
from sync.client.api import Api, Connection, make_http
from sync.client.engine import SyncEngine
from sync.server import admin, db, migrate
from sync.server import tables as t
from sync.server.db import make_engine
from sync.server.documents import _columns
from sync.server.settings import Settings
from sync.server.tracechain import with_hashes
from sync.server.visibility import document_scopes

ROOT = Path(__file__).resolve().parents[1]
USER = "office.clerk"
T = TypeVar("T")


class StoreThread:
    """The desktop client's database worker: one thread runs every store call."""

    def __init__(self) -> None:
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)

    async def __call__(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return await asyncio.wrap_future(self.pool.submit(fn, *args, **kwargs))


def office_documents(count: int, rng: random.Random) -> Iterator[list[Document]]:
    """Yield batches of realistic documents, all owned by the user's unit (so all visible)."""
    org = Organisation(DEMO_UNITS, DEMO_PEOPLE)
    gen = Generator(org, rng)
    office = [p.id for p in DEMO_PEOPLE if p.unit_id == OFFICE_ID]
    for start in range(0, count, BATCH):
        yield [replace(doc, owner_unit_id=OFFICE_ID, created_by=rng.choice(office),
                       id=f"00000000-0000-4000-8000-{i:012d}")
               for i in range(start, min(count, start + BATCH))
               for doc in [gen.document(i)]]


def seed(engine: sa.Engine, batches: Iterator[list[Document]], raw: Path) -> tuple[int, float]:
    """Write documents and their change rows; return (count, bulk-insert seconds of the JSON)."""
    now = datetime.now(UTC)
    conn = raw_database(raw)
    count, bulk_seconds = 0, 0.0
    for batch in batches:
        with db.write(engine) as connection:
            head = connection.execute(sa.select(t.sync_counter.c.seq)).scalar_one()
            _insert(connection, batch, head + 1, now)
            connection.execute(sa.update(t.sync_counter).values(seq=head + len(batch)))
        bulk_seconds += bulk_insert(conn, batch)
        count += len(batch)
    conn.close()
    return count, bulk_seconds


def _insert(connection: sa.Connection, batch: Sequence[Document], first: int,
            now: datetime) -> None:
    """Insert documents, change rows and their scopes as `documents.save` would: the pulled
    payload carries the trace's chain hashes, which the client checks (the chain rows the
    server keeps are not needed to serve a pull)."""
    docs, changes, scopes = [], [], []
    for seq, doc in enumerate(batch, start=first):
        visible = document_scopes(doc)
        values = _columns(doc, visible, now)
        docs.append(values)
        payload = with_hashes(values["data"],
                              chain("document", doc.id, values["data"].get("trace", ())))
        changes.append({"seq": seq, "kind": "document", "entity_id": doc.id, "op": "put",
                        "payload": payload, "created_at": now})
        scopes += [{"seq": seq, "scope": scope} for scope in sorted(visible)]
    connection.execute(sa.insert(t.documents), docs)
    connection.execute(sa.insert(t.changes), changes)
    connection.execute(sa.insert(t.change_scopes), scopes)


def free_port() -> int:
    """Return a loopback port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(api: str, process: subprocess.Popen[bytes]) -> None:
    """Wait until the server answers /health."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("server exited during start")
        try:
            if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not start")


def start_server(port: int, settings: Settings) -> subprocess.Popen[bytes]:
    """Start the real server (uvicorn) on the seeded database."""
    command = [sys.executable, "-m", "sync.server.cli", "--host", "127.0.0.1", "--port",
               str(port), "--data-dir", str(settings.data_dir), "--database-url",
               settings.database_url]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


async def initial_sync(base: str, path: Path) -> tuple[float, int]:
    """Return the seconds a fresh client takes until every record is stored, visible and
    searchable (the engine's round returns), and how many documents it holds."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.sync()  # the last run's writeback must not land on this one
    store = LocalStore.open(path)
    worker = StoreThread()
    api = Api(make_http(Connection(base)))
    try:
        await api.login(USER, DEMO_PASSWORD)
        store.record_person(f"p-{USER}")
        engine = SyncEngine(api=api, store=store, call=worker)
        started = time.perf_counter()
        await engine.sync_once()
        seconds = time.perf_counter() - started
        await engine.stop()
        return seconds, store.document_count()
    finally:
        await api.http.aclose()
        worker.pool.shutdown()
        store.close()


async def push_throughput(base: str, path: Path, count: int) -> float:
    """Queue `count` mutations (drafts, each sent on once) offline; return pushed per second."""
    store = LocalStore.open(path)
    api = Api(make_http(Connection(base)))
    try:
        await api.login(USER, DEMO_PASSWORD)
        engine = SyncEngine(api=api, store=store)
        person = f"p-{USER}"
        now = datetime.now(UTC)
        for index in range(count // 2):
            doc = actions.draft_outgoing(store, person_id=person, now=now, fields={
                "doc_type": "通知", "title": f"关于推送测试{index}的通知",
                "main_recipients": [FINANCE_ID], "body": "各单位：请认真贯彻落实。" * 10})
            actions.act(store, person_id=person, document_id=doc.id,
                        action=Action(ActionKind.APPROVE, opinion=f"请核稿{index}"), now=now)
        queued = len(store.pending_mutations())
        started = time.perf_counter()
        await engine.push()
        seconds = time.perf_counter() - started
        if store.rejections():
            raise SystemExit(f"the server refused: {store.rejections()[0].message}")
        return queued / seconds
    finally:
        await api.http.aclose()
        store.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--pushes", type=int, default=1000, help="mutations to push")
    parser.add_argument("--runs", type=int, default=1,
                        help="initial syncs to time (a fresh client each; the median is shown)")
    parser.add_argument("--database-url", default=None, help="server database (default SQLite)")
    parser.add_argument("--seed", type=int, default=20240301)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="bench_sync_"))
    try:
        run(workdir, args)
    finally:
        if args.keep:
            print(f"kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


def run(workdir: Path, args: argparse.Namespace) -> None:
    """Seed, serve, sync, push; print the figures."""
    data = workdir / "server"
    data.mkdir()
    url = args.database_url or f"sqlite:///{data / 'officeapp.sqlite3'}"
    settings = Settings(database_url=url, data_dir=data)
    engine = make_engine(url)
    migrate.upgrade(engine)
    admin.seed_demo(engine, settings)
    started = time.perf_counter()
    records, bulk = seed(engine, office_documents(args.records, random.Random(args.seed)),
                         workdir / "raw.db")
    engine.dispose()
    os.sync()  # the seeding's writeback must not land on the timed sync
    emit("records", records, "documents")
    emit("seed_seconds", time.perf_counter() - started, "s")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(port, settings)
    try:
        wait_healthy(f"{base}/api/v1", server)
        runs = []
        for _ in range(args.runs):
            seconds, pulled = asyncio.run(initial_sync(base, workdir / "client.sqlite3"))
            if pulled != records:
                raise SystemExit(f"pulled {pulled} documents, expected {records}")
            runs.append(seconds)
        seconds = statistics.median(runs)
        emit("initial_sync_seconds", seconds, "s")
        if args.runs > 1:
            emit("initial_sync_seconds_min", min(runs), "s")
            emit("initial_sync_seconds_max", max(runs), "s")
        emit("bulk_insert_seconds", bulk, "s")
        emit("initial_sync_ratio_to_bulk_insert", seconds / bulk, "x")
        rate = asyncio.run(push_throughput(base, workdir / "client.sqlite3", args.pushes))
        emit("push_mutations_per_second", rate, "mutations/s")
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
