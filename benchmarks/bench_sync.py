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

`traces_checked_seconds` runs on until every pulled trace is checked against its chain hashes
too (in the background, after the round: officeapp/store/traces.py).
`initial_sync_client_cpu_seconds` is the client process's CPU time for the round (all its
threads): other work on the machine disturbs it less than the wall time.
`client_db_bytes_per_document` is the client's database file (and WAL) once closed, per
document (issue 18's bar: ≤ 3000 B at 100k).

With `--link RATE:RTT` (e.g. 20mbit:30ms; root only) the server runs in one network namespace
and the client in another, across a rate-limited veth pair and a relay that adds the round
trip (benchmarks/netlink.py); it prints `wire_bytes` (counted on the client's interface),
`wire_bytes_per_document`, `client_db_bytes_per_document`, `round_trips` and
`link_floor_seconds` = wire_bytes × 8 ÷ rate + round_trips × RTT (docs/store.md, "On a real
link"). `--encoding identity` asks for uncompressed answers.

Prints one JSON object per line: {"name": ..., "value": ..., "unit": ...}.
Bars (DESIGN.md §5, at 100k): initial_sync_seconds < 30, initial_sync_ratio_to_bulk_insert ≤ 2.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import json
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
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import httpx
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))

import netlink
from bench_store import BATCH, Generator, bulk_insert, emit, raw_database

from officeapp.demo import DEMO_PASSWORD, DEMO_PEOPLE, DEMO_UNITS, FINANCE_ID, OFFICE_ID
from officeapp.org import Organisation
from officeapp.store import LocalStore
from officeapp.tracechain import chain
from officeapp.workflow import Action, ActionKind, Document
from sync.client import actions
from sync.client.api import Api, Connection, make_http
from sync.client.engine import SyncEngine
from sync.server.ops import admin, migrate
from sync.server.settings import Settings
from sync.server.storage import db
from sync.server.storage import tables as t
from sync.server.storage.db import make_engine
from sync.server.storage.documents import _columns
from sync.server.storage.tracechain import with_hashes
from sync.server.storage.visibility import document_scopes

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


def wait_healthy(api: str, process: subprocess.Popen[bytes] | None) -> None:
    """Wait until the server answers /health."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit("server exited during start")
        try:
            if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not start")


def server_command(port: int, settings: Settings) -> list[str]:
    """The command that serves the seeded database on 127.0.0.1:`port`."""
    return [sys.executable, "-m", "sync.server.ops.cli", "--host", "127.0.0.1", "--port",
            str(port), "--data-dir", str(settings.data_dir), "--database-url",
            settings.database_url]


def start_server(port: int, settings: Settings) -> subprocess.Popen[bytes]:
    """Start the real server (uvicorn) on the seeded database."""
    return subprocess.Popen(server_command(port, settings), cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@dataclass(frozen=True)
class SyncRun:
    """One fresh client's initial sync."""

    seconds: float  # until the round returns: stored, visible, searchable
    cpu_seconds: float  # the client process's CPU time (all threads) meanwhile
    checked_seconds: float  # until every trace is checked against its chain hashes too
    documents: int
    requests: int  # HTTP requests during the round, each after the answer before it
    pull_pages: int
    pull_body_bytes: int  # the pull answers' bodies as the client read them (decoded)
    wire_rx: int  # bytes in on the client's interface during the round (0: not measured)
    wire_tx: int  # bytes out
    db_bytes: int  # the client's database file(s) once closed
    first_page: str  # the first page's body, for anatomy()


def _wire(dev: str | None) -> tuple[int, int]:
    return (0, 0) if dev is None else netlink.wire_bytes(dev)


def _count_requests(api: Api, sent: list[int]) -> None:
    async def count(request: httpx.Request) -> None:
        sent.append(1)
    api.http.event_hooks["request"].append(count)


class _Pages:
    """Counts the pull answers and their sizes (decoded); keeps the first one whole."""

    def __init__(self, api: Api) -> None:
        self.sizes: list[int] = []
        self.first = b""
        pull_raw = api.pull_raw

        async def kept(request: Any, on_prefix: Any = None) -> bytes:
            body = await pull_raw(request, on_prefix)
            if not self.sizes:
                self.first = body
            self.sizes.append(len(body))
            return body
        api.pull_raw = kept  # type: ignore[method-assign]


async def initial_sync(base: str, path: Path, *, wire_dev: str | None = None,
                       encoding: str | None = None) -> SyncRun:
    """Time a fresh client until every record is stored, visible and searchable (the
    engine's round returns), then until every trace is checked against its chain hashes too
    (in the background, after the round)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.sync()  # the last run's writeback must not land on this one
    store = LocalStore.open(path)
    worker = StoreThread()
    api = Api(make_http(Connection(base)))
    if encoding is not None:
        api.http.headers["Accept-Encoding"] = encoding
    try:
        await api.login(USER, DEMO_PASSWORD)
        store.record_person(f"p-{USER}")
        engine = SyncEngine(api=api, store=store, call=worker)
        sent: list[int] = []
        _count_requests(api, sent)
        pages = _Pages(api)
        wire_before = _wire(wire_dev)
        cpu = time.process_time()
        started = time.perf_counter()
        await engine.sync_once()
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
        wire_after = _wire(wire_dev)
        await engine.traces_checked()
        checked = time.perf_counter() - started
        await engine.stop()
        if store.unchecked_traces():
            raise SystemExit("traces left unchecked")
        documents = store.record_count("document")
    finally:
        await api.http.aclose()
        worker.pool.shutdown()
        store.close()
    db_bytes = sum(Path(f"{path}{s}").stat().st_size for s in ("", "-wal")
                   if Path(f"{path}{s}").exists())
    return SyncRun(seconds, cpu, checked, documents, len(sent), len(pages.sizes), sum(pages.sizes),
                   wire_after[0] - wire_before[0], wire_after[1] - wire_before[1], db_bytes,
                   pages.first.decode())


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


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The benchmark's options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--pushes", type=int, default=1000, help="mutations to push")
    parser.add_argument("--runs", type=int, default=1,
                        help="initial syncs to time (a fresh client each; the median is shown)")
    parser.add_argument("--database-url", default=None, help="server database (default SQLite)")
    parser.add_argument("--seed", type=int, default=20240301)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--link", type=netlink.argument, default=None, metavar="RATE:RTT",
                        help="sync across a real link, e.g. 20mbit:30ms (root only; "
                             "benchmarks/netlink.py)")
    parser.add_argument("--encoding", default=None, metavar="ACCEPT_ENCODING",
                        help="the Accept-Encoding the client sends (identity: uncompressed "
                             "answers; default: the client's own)")
    # The client's half of a --link run, started by the benchmark inside its namespace.
    parser.add_argument("--client-of", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--client-db", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--wire-dev", default=None, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    args = parse_args(argv)
    if args.client_of is not None:
        return client_half(args)
    workdir = Path(tempfile.mkdtemp(prefix="bench_sync_"))
    try:
        with netlink.terminated_on_signal():
            if args.link is None:
                run(workdir, args)
            else:
                run_link(workdir, args)
    except netlink.LinkUnavailable as error:
        print(f"bench_sync --link: no network namespaces here: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # what the run made is removed by now
        print("bench_sync: interrupted", file=sys.stderr)
        return 130
    finally:
        if args.keep:
            print(f"kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


def seed_server(workdir: Path, args: argparse.Namespace) -> tuple[Settings, int, float]:
    """Migrate and seed the server's database; return its settings, the documents and the
    baseline's bulk-insert seconds."""
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
    return settings, records, bulk


def run(workdir: Path, args: argparse.Namespace) -> None:
    """Seed, serve on loopback, sync, push; print the figures."""
    settings, records, bulk = seed_server(workdir, args)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(port, settings)
    try:
        wait_healthy(f"{base}/api/v1", server)
        runs = [_checked_run(records, asyncio.run(initial_sync(
            base, workdir / "client.sqlite3", encoding=args.encoding)))
            for _ in range(args.runs)]
        seconds = _emit_times(runs)
        emit("client_db_bytes_per_document",
             statistics.median(r.db_bytes for r in runs) / records, "B")
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


def _checked_run(records: int, result: SyncRun) -> SyncRun:
    if result.documents != records:
        raise SystemExit(f"pulled {result.documents} documents, expected {records}")
    return result


def _emit_times(runs: Sequence[SyncRun]) -> float:
    """Print the initial sync's times; return the median."""
    seconds = statistics.median(r.seconds for r in runs)
    emit("initial_sync_seconds", seconds, "s")
    emit("traces_checked_seconds", statistics.median(r.checked_seconds for r in runs), "s")
    # Less sensitive than the wall time to other work on the machine.
    emit("initial_sync_client_cpu_seconds", statistics.median(r.cpu_seconds for r in runs), "s")
    if len(runs) > 1:
        emit("initial_sync_seconds_min", min(r.seconds for r in runs), "s")
        emit("initial_sync_seconds_max", max(r.seconds for r in runs), "s")
    return seconds


def run_link(workdir: Path, args: argparse.Namespace) -> None:
    """Seed, serve in one namespace, sync from the other across the link; print the figures."""
    spec: netlink.Spec = args.link
    port = 8000  # the server's namespace is new: nothing else listens there
    with netlink.Link(spec) as link:  # first: where it cannot be made, say so at once
        settings, records, _ = seed_server(workdir, args)
        link.start(link.server_exec(server_command(port, settings)), cwd=ROOT)
        base = link.start_relay(upstream_port=port)
        command = [sys.executable, str(Path(__file__).resolve()), "--client-of", base,
                   "--client-db", str(workdir / "client.sqlite3"), "--wire-dev",
                   link.client_dev, "--runs", str(args.runs), "--pushes", str(args.pushes)]
        if args.encoding is not None:
            command += ["--encoding", args.encoding]
        done = subprocess.run(link.client_exec(command), cwd=ROOT, stdout=subprocess.PIPE,
                              text=True, check=True)
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    runs = [_checked_run(records, SyncRun(**line)) for line in lines if "seconds" in line]
    _emit_link(spec, records, runs)
    for line in lines:
        if "push" in line:
            emit("push_mutations_per_second", line["push"], "mutations/s")


def _emit_link(spec: netlink.Spec, records: int, runs: Sequence[SyncRun]) -> None:
    """The link's figures: time, bytes on the wire and in the database, the floor."""
    emit("link_rate_bits_per_second", spec.rate_bits, "bit/s")
    emit("link_rtt_seconds", spec.rtt_seconds, "s")
    seconds = _emit_times(runs)
    run = sorted(runs, key=lambda r: r.seconds)[len(runs) // 2]  # the median run
    wire = run.wire_rx + run.wire_tx
    emit("wire_bytes", wire, "B")
    emit("wire_bytes_down", run.wire_rx, "B")
    emit("wire_bytes_up", run.wire_tx, "B")
    emit("wire_bytes_per_document", wire / records, "B")
    emit("pull_body_bytes_per_document", run.pull_body_bytes / records, "B")
    emit("client_db_bytes_per_document", run.db_bytes / records, "B")
    # Every request of the round waits for the answer before it (a page's cursor comes
    # from the page before), on the connection the login opened: one round trip each.
    emit("pull_pages", run.pull_pages, "pages")
    emit("round_trips", run.requests, "round trips")
    floor = spec.floor_seconds(wire_bytes=wire, round_trips=run.requests)
    emit("link_floor_seconds", floor, "s")
    emit("initial_sync_ratio_to_link_floor", seconds / floor, "x")
    for name, value in anatomy(run.first_page).items():
        emit(f"first_page_{name}", value, "B")


def anatomy(page: str) -> dict[str, int]:
    """Where a pull answer's bytes go: key names (with their quotes and colon), chain hashes,
    other values, JSON punctuation; and the page's size compressed (zlib 6, zstd 3)."""
    import zlib

    import zstandard
    found = {"keys": 0, "trace_hashes": 0, "values": 0}

    def walk(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                found["keys"] += len(json.dumps(k, ensure_ascii=False).encode()) + 1
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        else:
            size = len(json.dumps(value, ensure_ascii=False).encode())
            found["trace_hashes" if key == "trace_hashes" else "values"] += size
    walk(json.loads(page))
    total = len(page.encode())
    found["punctuation"] = total - sum(found.values())
    found["total"] = total
    found["zlib6"] = len(zlib.compress(page.encode(), 6))
    found["zstd3"] = len(zstandard.ZstdCompressor(level=3).compress(page.encode()))
    return found


def client_half(args: argparse.Namespace) -> int:
    """The client's half of a --link run, inside its namespace: one JSON line per sync."""
    wait_healthy(f"{args.client_of}/api/v1", None)
    for _ in range(args.runs):
        result = asyncio.run(initial_sync(args.client_of, args.client_db,
                                          wire_dev=args.wire_dev, encoding=args.encoding))
        print(json.dumps(asdict(result), ensure_ascii=False), flush=True)
    if args.pushes:
        rate = asyncio.run(push_throughput(args.client_of, args.client_db, args.pushes))
        print(json.dumps({"push": rate}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
