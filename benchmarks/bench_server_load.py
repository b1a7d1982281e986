"""Load test of the sync server: N simulated desktop clients on loopback.

    .venv/bin/python benchmarks/bench_server_load.py --clients 1000
        [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres]
        [--workers 2] [--generators 2] [--duration 60] [--ramp 20] [--poll 30]
        [--stream-poll 300]
        [--push-every 300] [--unit-size 20] [--cold-share 0.05]
        [--saturate 20] [--saturate-concurrency 32]

Sets up a fresh database (SQLite in a temporary folder; with a PostgreSQL URL, a new database
`officeapp_bench_…` on that server, dropped afterwards), seeds an organisation of N people in
units of `--unit-size` under one root, gives each person a login (tokens written directly: a
thousand argon2 logins would take minutes of CPU), starts `officeapp-server --workers W` on
127.0.0.1 and runs two phases. Only loopback is ever contacted.

1. **Realistic** (`--duration` s). Each client behaves like `sync.client.SyncEngine` on a
   desktop: it holds its event stream (`GET /sync/events`) open all the time; it syncs (push
   what is pending, then pull until up to date) when its stream first says `ready` (or 2 s
   after it starts, if the stream is slower), when the stream says `poke` or `ready` again,
   and after `--stream-poll` s without a sync while the stream is open (300, the client's
   default; `--poll` s, 30, while it is not); its user makes a
   change (a new 发文 draft: one push, which pokes the drafter's unit, about 20 people) every
   `--push-every` s on average (Poisson). Clients start evenly over `--ramp` s. Most synced
   before (yesterday: the server has their installation and the scopes their mirror was
   pulled under) and start at the head of the log; a `--cold-share` are new installations
   that first pull the whole directory (N people, in pages of 1,000 as the client asks).
   Connections are HTTP/1.1 keep-alive, reopened once the server has closed an idle one, as
   httpx does. This comes to about 0.07 request/s per client.
2. **Saturation** (`--saturate` s, 0 to skip): `--saturate-concurrency` connections pull (and
   push, in the realistic phase's proportion) back to back: the most requests per second the
   server sustains, its latency there, and how many such clients that would carry.

The generator is `--generators` processes of raw asyncio connections (no HTTP library, no
pydantic, pull answers read by their head and tail only): about 0.2 ms of CPU per request back
to back, 0.75 ms in the realistic phase (which also opens connections and holds the streams),
so it is not what is measured. CPU is read from /proc for the server's processes, PostgreSQL's,
the generators' and the whole machine (`other_cpu` is whatever else ran meanwhile: the
figures are only as clean as that is small).

Prints one JSON object per line: {"name": ..., "value": ..., "unit": ...}; realistic-phase
figures are plain (`p50_ms`, `p99_ms`, `errors`; stream openings are not requests;
`after_ramp` is the same for the requests sent once every client has started),
saturation figures start with `max_`.
Bar (DESIGN.md §5, 1000 clients on 2 cores): p99_ms < 250, errors == 0.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import multiprocessing
import os
import random
import re
import resource
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

import zstandard

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from sync.client.engine import (  # noqa: E402
    FIRST_READY_WAIT_SECONDS,
    PAGE_SIZE,
    STREAM_POLL_SECONDS,
)

API = "/api/v1"
PAGE = PAGE_SIZE  # what the desktop client asks for
TIMEOUT = 30.0
# httpx lets an idle keep-alive connection go after 5 s (the server keeps it 20 s) and opens
# a new one for the next request.
KEEPALIVE = 5.0


# --- setup: database, organisation, tokens, server ------------------------------------------


@dataclass(frozen=True)
class ClientSpec:
    """One simulated client installation: its person, unit, token, client id and cursor."""

    person_id: str
    unit_id: str
    token: str
    client_id: str
    cursor: int = 0


@contextlib.contextmanager
def database(url: str | None, folder: Path) -> Iterator[str]:
    """Yield the URL of a fresh database: SQLite in `folder`, or a new PostgreSQL database."""
    from sync.server.storage.db import scratch_database

    if url is None or url.startswith("sqlite"):
        yield f"sqlite:///{folder / 'bench.sqlite3'}"
        return
    with scratch_database(url, f"officeapp_bench_{uuid.uuid4().hex[:10]}") as scratch:
        yield scratch


def seed(url: str, data_dir: Path, clients: int, unit_size: int,
         cold_share: float) -> list[ClientSpec]:
    """Migrate, create N people in units of `unit_size`, and log each one in.

    A `cold_share` of the clients are new installations (cursor 0: a full first sync); the
    others synced before (yesterday, say) and start at the head of the change log.
    """
    import sqlalchemy as sa

    from officeapp.org import Person, Role, Unit
    from sync.server.identity.auth import Auth, hash_password
    from sync.server.ops import migrate
    from sync.server.settings import Settings
    from sync.server.storage import changelog, db
    from sync.server.storage import tables as t
    from sync.server.storage.db import make_engine
    from sync.server.storage.directory import save_directory
    from sync.server.storage.pull import scopes_key
    from sync.server.storage.visibility import user_scopes

    data_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings(database_url=url, data_dir=data_dir)
    engine = make_engine(url, pool_size=2)
    try:
        migrate.upgrade(engine)
        units = [Unit("u-root", "压测市人民政府", None, "压府发", 0)]
        units += [Unit(f"u-{n:04d}", f"压测单位{n}", "u-root", f"压{n}发", n + 1)
                  for n in range(math.ceil(clients / unit_size))]
        people = [Person(id=f"p-bench{n:05d}", name=f"压测用户{n}",
                         unit_id=units[1 + n // unit_size].id, roles=frozenset({Role.CLERK}),
                         username=f"bench{n:05d}")
                  for n in range(clients)]
        with db.write(engine) as connection:
            save_directory(connection, units=units, people=people,
                           password_hash=hash_password(secrets.token_hex(16),
                                                       settings.password_cost),
                           now=settings.clock())
        auth = Auth(engine, settings)
        specs = []
        cold = random.Random(3)
        with db.write(engine) as connection:
            head, _ = changelog.head(connection)
            for person in people:
                # What a successful login does, minus the deliberately slow argon2 check.
                issued = auth._start_family(connection, person, settings.clock())
                cursor = 0 if cold.random() < cold_share else head
                spec = ClientSpec(person.id, person.unit_id, issued.access_token,
                                  f"bench-{uuid.uuid4()}", cursor)
                if cursor:
                    # Synced yesterday: the server knows the installation and the scopes
                    # its mirror was pulled under, as its first pull at 0 recorded them.
                    scopes = user_scopes(connection, person_id=person.id,
                                         unit_id=person.unit_id)
                    connection.execute(sa.insert(t.clients).values(
                        client_id=spec.client_id, person_id=person.id, last_mutation_id=0,
                        created_at=settings.clock(), scopes_key=scopes_key(scopes)))
                specs.append(spec)
        if engine.dialect.name == "postgresql":
            # A server that has run for a while has planner statistics: autovacuum analyzes a
            # table within a minute of a bulk load. Started at once on tables it has never
            # analyzed, PostgreSQL would plan every pull for empty tables.
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.execute(sa.text("ANALYZE"))
        return specs
    finally:
        engine.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(url: str, data_dir: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    """Start `officeapp-server` on loopback (its own process group, to stop it whole)."""
    command = [sys.executable, "-m", "sync.server.ops.cli", "--host", "127.0.0.1",
               "--port", str(port), "--data-dir", str(data_dir), "--database-url", url,
               "--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                            start_new_session=True)


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """Stop the server's whole process group: politely, then for good after 30 s."""
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def wait_healthy(port: int, process: subprocess.Popen[bytes], workers: int) -> None:
    """Wait until every worker can answer /health (a few rounds of fresh connections)."""
    deadline = time.monotonic() + 60
    answered = 0
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("server exited during start")
        try:
            status, _ = asyncio.run(_one_get(port, f"{API}/health"))
            answered = answered + 1 if status == 200 else 0
        except (OSError, HttpError):
            answered = 0
        if answered >= 4 * workers:
            return
        time.sleep(0.1 if answered else 0.3)
    raise SystemExit("server did not start")


async def _one_get(port: int, path: str) -> tuple[int, bytes]:
    http = Http(port, "")
    try:
        return await http.request("GET", path, b"")
    finally:
        http.close()


# --- a minimal HTTP/1.1 client ---------------------------------------------------------------


class HttpError(Exception):
    """A request that got no usable answer."""


class Http:
    """One keep-alive HTTP/1.1 connection to the server, opened on demand."""

    def __init__(self, port: int, token: str) -> None:
        self.port = port
        self.auth = f"Authorization: Bearer {token}\r\n" if token else ""
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.last = 0.0

    async def _connection(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        fresh = time.monotonic() - self.last < KEEPALIVE
        if self.reader is None or self.writer is None or self.reader.at_eof() or not fresh:
            self.close()
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        return self.reader, self.writer

    async def request(self, method: str, path: str, body: bytes) -> tuple[int, bytes]:
        """Send one request; return its status and body."""
        try:
            async with asyncio.timeout(TIMEOUT):
                return await self._request(method, path, body)
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                TimeoutError) as error:
            self.close()
            raise HttpError(type(error).__name__) from error

    async def _request(self, method: str, path: str, body: bytes) -> tuple[int, bytes]:
        reader, writer = await self._connection()
        # As the desktop client (httpx with zstandard installed) asks: pages come compressed.
        head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{self.auth}"
                f"Accept-Encoding: zstd\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
        writer.write(head.encode() + body)
        status, headers = await read_head(reader)
        length = int(headers.get("content-length", "0"))
        answer = await reader.readexactly(length) if length else b""
        if headers.get("content-encoding") == "zstd":
            answer = zstandard.ZstdDecompressor().decompressobj().decompress(answer)
        self.last = time.monotonic()
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, answer

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def read_head(reader: asyncio.StreamReader) -> tuple[int, dict[str, str]]:
    """Read a response's status line and headers."""
    raw = await reader.readuntil(b"\r\n\r\n")
    lines = raw.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name:
            headers[name.strip().lower()] = value.strip()
    return status, headers


_PULL_HEAD = re.compile(rb'^\{"has_more":(true|false),"reset":(true|false),"cursor":(\d+),')


def pull_summary(body: bytes) -> tuple[int, bool, bool]:
    """Return (cursor, has_more, reset) of a pull answer, read from its start when possible."""
    head = _PULL_HEAD.match(body)
    if head:
        return int(head.group(3)), head.group(1) == b"true", head.group(2) == b"true"
    page = json.loads(body)
    return int(page["cursor"]), bool(page["has_more"]), bool(page["reset"])


# --- the generator process -------------------------------------------------------------------


@dataclass
class Recorder:
    """Latencies (ms) per request kind, and failures by kind; apart, the latencies of the
    requests (not stream openings) sent once every client has started (`steady_from`, wall
    clock), which tell the steady state from the queue the start of the day builds."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    steady: list[float] = field(default_factory=list)
    steady_from: float = math.inf

    def ok(self, kind: str, started: float) -> None:
        took = time.perf_counter() - started
        self.latencies.setdefault(kind, []).append(took * 1000)
        if kind != "events_ready" and time.time() - took >= self.steady_from:
            self.steady.append(took * 1000)

    def failed(self, what: str) -> None:
        self.errors[what] = self.errors.get(what, 0) + 1

    def count(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1


@dataclass(frozen=True)
class Plan:
    """What one generator process does."""

    port: int
    phase: str  # "realistic" or "saturate"
    start_at: float  # wall clock, shared by every generator
    duration: float
    ramp: float
    poll: float
    stream_poll: float
    push_every: float
    push_share: float
    concurrency: int
    seed: int


class SimClient:
    """One desktop client: outbox counter, cursor, a request connection and a wake event."""

    def __init__(self, spec: ClientSpec, plan: Plan, rec: Recorder, rng: random.Random,
                 sibling_unit: str) -> None:
        self.spec = spec
        self.plan = plan
        self.rec = rec
        self.rng = rng
        self.sibling_unit = sibling_unit
        self.http = Http(plan.port, spec.token)
        self.cursor = spec.cursor
        self.next_id = 1
        self.pending = 0
        self.wake = asyncio.Event()
        # As SyncEngine: set once the stream first said ready (or the first sync stopped
        # waiting for it); `streaming` while the stream is open.
        self.listening = asyncio.Event()
        self.streaming = False
        self.pull_body_prefix = (f'{{"client_id":"{spec.client_id}","schema_version":1,'
                                 f'"limit":{PAGE},"cursor":')

    async def post(self, kind: str, path: str, body: bytes) -> bytes | None:
        started = time.perf_counter()
        try:
            status, answer = await self.http.request("POST", f"{API}{path}", body)
        except HttpError as error:
            self.rec.failed(f"{kind}:{error}")
            return None
        if status != 200:
            self.rec.failed(f"{kind}:http_{status}")
            return None
        self.rec.ok(kind, started)
        return answer

    async def pull_all(self, kind: str = "pull") -> None:
        for _ in range(100):
            answer = await self.post(kind, "/sync/pull",
                                     f"{self.pull_body_prefix}{self.cursor}}}".encode())
            if answer is None:
                return
            cursor, has_more, reset = pull_summary(answer)
            self.cursor = 0 if reset else cursor
            if not has_more:
                return

    async def push(self) -> bool:
        mutation = {"id": self.next_id, "name": "document.create_outgoing", "v": 1, "args": {
            "document_id": str(uuid.uuid4()),
            "fields": {"doc_type": "通知", "title": f"压力测试{self.spec.person_id}-{self.next_id}",
                       "body": "正文" * 200, "main_recipients": [self.sibling_unit]}}}
        body = json.dumps({"client_id": self.spec.client_id, "schema_version": 1,
                           "mutations": [mutation]}, ensure_ascii=False).encode()
        answer = await self.post("push", "/sync/push", body)
        if answer is None:
            return False
        status = json.loads(answer)["results"][0]["status"]
        if status not in ("applied", "duplicate"):
            self.rec.failed(f"push:{status}")
        self.next_id += 1
        return True

    async def sync_once(self) -> None:
        """What SyncEngine.sync_once does: push what is pending, then pull until current."""
        while self.pending:
            if not await self.push():
                return
            self.pending -= 1
        await self.pull_all()

    async def run(self, deadline: float) -> None:
        """Start within the ramp; then sync once the stream is ready, on pokes, and after the
        idle seconds of a poll."""
        await asyncio.sleep(self.rng.random() * self.plan.ramp)
        tasks = [asyncio.ensure_future(self.events(deadline)),
                 asyncio.ensure_future(self.user(deadline))]
        try:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(FIRST_READY_WAIT_SECONDS):
                    await self.listening.wait()
            self.listening.set()
            self.wake.clear()
            await self.pull_all("initial_pull" if self.cursor == 0 else "start_pull")
            while time.monotonic() < deadline:
                idle = self.plan.stream_poll if self.streaming else self.plan.poll
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(min(idle, deadline - time.monotonic())):
                        await self.wake.wait()
                if time.monotonic() >= deadline:
                    break
                # Cleared before the round: a poke during it brings one more round.
                self.wake.clear()
                await self.sync_once()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self.http.close()

    async def user(self, deadline: float) -> None:
        """The person at the desk: a change every `push_every` seconds on average."""
        while True:
            await asyncio.sleep(self.rng.expovariate(1 / self.plan.push_every))
            if time.monotonic() < deadline:
                self.pending += 1
                self.wake.set()

    async def events(self, deadline: float) -> None:
        """Hold the event stream open; a poke (or ready) wakes the sync loop."""
        while time.monotonic() < deadline:
            writer = None
            started = time.perf_counter()
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", self.plan.port)
                writer.write((f"GET {API}/sync/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                              f"{self.http.auth}Accept: text/event-stream\r\n\r\n").encode())
                async with asyncio.timeout(TIMEOUT):
                    status, _ = await read_head(reader)
                    if status != 200:
                        raise HttpError(f"http_{status}")
                    first = await reader.readuntil(b"\n\n")
                if b"event: ready" not in first:
                    raise HttpError("no_ready")
                self.rec.ok("events_ready", started)
                self.streaming = True
                if self.listening.is_set():
                    self.wake.set()  # reconnected: a poke may have been lost meanwhile
                else:
                    self.listening.set()  # the first sync waits for this
                while True:
                    chunk = await reader.read(4096)
                    if not chunk:
                        raise HttpError("stream_closed")
                    if b"event: poke" in chunk:
                        self.rec.count("pokes")
                        self.wake.set()
            except (HttpError, OSError, asyncio.IncompleteReadError,
                    asyncio.LimitOverrunError, TimeoutError) as error:
                if time.monotonic() < deadline:
                    self.rec.failed(f"events:{error or type(error).__name__}")
                    await asyncio.sleep(1.0)
            finally:
                self.streaming = False
                self.listening.set()
                if writer is not None:
                    writer.close()


async def saturate_worker(client: SimClient, deadline: float) -> None:
    """Pull back to back (pushing in the realistic proportion) until the deadline."""
    await client.pull_all("initial_pull")
    while time.monotonic() < deadline:
        if client.rng.random() < client.plan.push_share:
            await client.push()
        await client.pull_all()
    client.http.close()


async def generate(specs: list[ClientSpec], siblings: dict[str, str], plan: Plan,
                   rec: Recorder) -> None:
    await asyncio.sleep(max(0.0, plan.start_at - time.time()))
    deadline = time.monotonic() + plan.duration
    rng = random.Random(plan.seed)
    clients = [SimClient(spec, plan, rec, random.Random(rng.random()), siblings[spec.unit_id])
               for spec in specs]
    if plan.phase == "realistic":
        await asyncio.gather(*(c.run(deadline) for c in clients))
    else:
        await asyncio.gather(*(saturate_worker(c, deadline) for c in clients))


def generator_main(pipe: Connection, specs: list[ClientSpec], siblings: dict[str, str],
                   plan: Plan) -> None:
    """Entry point of one generator process: run the plan, send back what it measured."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    rec = Recorder(steady_from=plan.start_at + plan.ramp)
    before = resource.getrusage(resource.RUSAGE_SELF)
    asyncio.run(generate(specs, siblings, plan, rec))
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    pipe.send({"latencies": rec.latencies, "errors": rec.errors, "counts": rec.counts,
               "steady": rec.steady, "cpu": cpu})
    pipe.close()


# --- CPU accounting --------------------------------------------------------------------------


def _stat(pid: int) -> tuple[int, str, float] | None:
    """Return (parent pid, command, CPU seconds) of a process, None if it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    name = text[text.index("(") + 1:text.rindex(")")]
    fields = text.rsplit(")", 1)[1].split()
    return int(fields[1]), name, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_cpu(root: int) -> tuple[float, float]:
    """Return CPU seconds of `root` with its descendants, and of every `postgres` process."""
    stats = {int(p): s for p in os.listdir("/proc") if p.isdigit() and (s := _stat(int(p)))}
    children: dict[int, list[int]] = {}
    for pid, (parent, _, _) in stats.items():
        children.setdefault(parent, []).append(pid)
    tree, stack = 0.0, [root]
    while stack:
        pid = stack.pop()
        if pid in stats:
            tree += stats[pid][2]
        stack += children.get(pid, [])
    postgres = sum(cpu for _, name, cpu in stats.values() if name.startswith("postgres"))
    return tree, postgres


def machine_busy() -> float:
    """Return the busy CPU seconds of the whole machine since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(values[:8]) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")


# --- running a phase and reporting -----------------------------------------------------------


@dataclass
class PhaseResult:
    latencies: dict[str, list[float]]
    errors: dict[str, int]
    counts: dict[str, int]
    elapsed: float
    generator_cpu: float
    server_cpu: float
    postgres_cpu: float
    machine_cores: float
    steady: list[float] = field(default_factory=list)


def run_phase(specs: list[ClientSpec], siblings: dict[str, str], plan: Plan, generators: int,
              server_pid: int) -> PhaseResult:
    """Run `plan` spread over `generators` processes; merge what they measured."""
    context = multiprocessing.get_context("fork")
    shares = [specs[n::generators] for n in range(generators)]
    procs, pipes = [], []
    for n, share in enumerate(shares):
        mine, theirs = context.Pipe(duplex=False)
        proc = context.Process(target=generator_main, args=(theirs, share, siblings,
                                                            _with_seed(plan, n)))
        proc.start()
        procs.append(proc)
        pipes.append(mine)
    time.sleep(max(0.0, plan.start_at - time.time()))
    server0, postgres0 = process_cpu(server_pid)
    busy0 = machine_busy()
    started = time.monotonic()
    results = [pipe.recv() for pipe in pipes]
    elapsed = time.monotonic() - started
    server1, postgres1 = process_cpu(server_pid)
    busy1 = machine_busy()
    for proc in procs:
        proc.join()
    merged = PhaseResult({}, {}, {}, elapsed, sum(r["cpu"] for r in results),
                         server1 - server0, postgres1 - postgres0,
                         (busy1 - busy0) / elapsed)
    for result in results:
        for kind, values in result["latencies"].items():
            merged.latencies.setdefault(kind, []).extend(values)
        merged.steady.extend(result["steady"])
        for name in ("errors", "counts"):
            target = getattr(merged, name)
            for key, value in result[name].items():
                target[key] = target.get(key, 0) + value
    return merged


def _with_seed(plan: Plan, n: int) -> Plan:
    return Plan(**{**plan.__dict__, "seed": plan.seed * 1000 + n})


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def emit(name: str, value: object, unit: str) -> None:
    print(json.dumps({"name": name, "value": value, "unit": unit}, ensure_ascii=False),
          flush=True)


def report(result: PhaseResult, prefix: str, leave_out: tuple[str, ...] = ()) -> float:
    """Print a phase's figures; return its request rate (requests, not stream openings)."""
    skip = ("events_ready", *leave_out)
    requests = [v for kind, vs in result.latencies.items() if kind not in skip for v in vs]
    errors = sum(result.errors.values())
    rate = len(requests) / result.elapsed
    emit(f"{prefix}requests", len(requests) + errors, "requests")
    emit(f"{prefix}request_rate", round(rate, 1), "req/s")
    emit(f"{prefix}p50_ms", round(percentile(requests, 0.50), 1), "ms")
    emit(f"{prefix}p99_ms", round(percentile(requests, 0.99), 1), "ms")
    emit(f"{prefix}max_ms", round(max(requests, default=0.0), 1), "ms")
    emit(f"{prefix}errors", errors, "requests")
    if result.steady and prefix == "":
        # Not the bar (that is p99_ms, over the whole phase): what the run looks like once
        # every client has started, to tell the steady state from the start's queue.
        emit("after_ramp", {"count": len(result.steady),
                            "p50_ms": round(percentile(result.steady, 0.5), 1),
                            "p99_ms": round(percentile(result.steady, 0.99), 1)}, "requests")
    for kind in sorted(result.latencies):
        values = result.latencies[kind]
        emit(f"{prefix}{kind}", {"count": len(values),
                                 "p50_ms": round(percentile(values, 0.5), 1),
                                 "p99_ms": round(percentile(values, 0.99), 1)}, "requests")
    if result.counts:
        emit(f"{prefix}events", result.counts, "count")
    if result.errors:
        emit(f"{prefix}error_kinds", result.errors, "count")
    elapsed = result.elapsed
    emit(f"{prefix}server_cpu", round(result.server_cpu / elapsed, 2), "cores")
    emit(f"{prefix}postgres_cpu", round(result.postgres_cpu / elapsed, 2), "cores")
    emit(f"{prefix}generator_cpu", round(result.generator_cpu / elapsed, 2), "cores")
    emit(f"{prefix}machine_cpu", round(result.machine_cores, 2), "cores")
    # Whatever else ran on the machine meanwhile: the figures are only as clean as this.
    ours = (result.server_cpu + result.postgres_cpu + result.generator_cpu) / elapsed
    emit(f"{prefix}other_cpu", round(max(0.0, result.machine_cores - ours), 2), "cores")
    served = max(len(requests), 1)
    emit(f"{prefix}server_cpu_ms_per_request",
         round((result.server_cpu + result.postgres_cpu) * 1000 / served, 2), "ms")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--database-url", default=None,
                        help="PostgreSQL server to create a scratch database on (default: "
                             "SQLite in a temporary folder)")
    parser.add_argument("--workers", type=int, default=None,
                        help="server processes (default: 2 on PostgreSQL, 1 on SQLite)")
    parser.add_argument("--generators", type=int, default=2, help="load generator processes")
    parser.add_argument("--duration", type=float, default=60.0,
                        help="seconds of the realistic phase, ramp included")
    parser.add_argument("--ramp", type=float, default=20.0,
                        help="seconds over which clients start")
    parser.add_argument("--poll", type=float, default=30.0,
                        help="seconds after a client's last sync before it polls")
    parser.add_argument("--stream-poll", type=float, default=STREAM_POLL_SECONDS,
                        help="seconds after a client's last sync before it polls while its "
                             "event stream is open")
    parser.add_argument("--push-every", type=float, default=300.0,
                        help="mean seconds between one user's changes")
    parser.add_argument("--unit-size", type=int, default=20, help="people per unit")
    parser.add_argument("--cold-share", type=float, default=0.05,
                        help="share of clients that are new installations (full first sync)")
    parser.add_argument("--saturate", type=float, default=20.0,
                        help="seconds of the saturation phase (0: skip)")
    parser.add_argument("--saturate-concurrency", type=int, default=32)
    args = parser.parse_args()
    postgres = bool(args.database_url) and not args.database_url.startswith("sqlite")
    workers = args.workers or (2 if postgres else 1)
    with tempfile.TemporaryDirectory(prefix="officeapp-bench-") as folder, \
            database(args.database_url, Path(folder)) as url:
        data_dir = Path(folder) / "data"
        specs = seed(url, data_dir, args.clients, args.unit_size, args.cold_share)
        units = sorted({s.unit_id for s in specs})
        siblings = {u: units[(n + 1) % len(units)] for n, u in enumerate(units)}
        port = free_port()
        server = start_server(url, data_dir, port, workers)
        try:
            wait_healthy(port, server, workers)
            emit("clients", args.clients, "clients")
            emit("database", "postgresql" if postgres else "sqlite", "")
            emit("server_workers", workers, "processes")
            emit("generators", args.generators, "processes")
            emit("client_model", {"poll_s": args.poll, "stream_poll_s": args.stream_poll,
                                  "push_every_s": args.push_every,
                                  "unit_size": args.unit_size, "ramp_s": args.ramp,
                                  "cold_share": args.cold_share,
                                  "event_stream": True}, "")
            plan = Plan(port=port, phase="realistic", start_at=time.time() + 1.0,
                        duration=args.duration, ramp=args.ramp, poll=args.poll,
                        stream_poll=args.stream_poll,
                        push_every=args.push_every, push_share=0.0, concurrency=0, seed=1)
            realistic = run_phase(specs, siblings, plan, args.generators, server.pid)
            rate = report(realistic, "")
            emit("request_rate_per_client", round(rate / args.clients, 3), "req/s")
            pushes = len(realistic.latencies.get("push", []))
            share = pushes / max(1, sum(len(v) for k, v in realistic.latencies.items()
                                        if k != "events_ready"))
            if args.saturate > 0:
                concurrency = min(args.saturate_concurrency, len(specs))
                # Fresh client ids: the realistic phase's mutation counters stay its own.
                fresh = [ClientSpec(s.person_id, s.unit_id, s.token, f"bench-{uuid.uuid4()}",
                                    s.cursor) for s in specs[:concurrency]]
                plan = Plan(port=port, phase="saturate", start_at=time.time() + 1.0,
                            duration=args.saturate, ramp=0, poll=0, stream_poll=0, push_every=1,
                            push_share=share, concurrency=concurrency, seed=2)
                saturated = run_phase(fresh, siblings, plan, args.generators, server.pid)
                # Each connection's first full pull is not the steady load being measured.
                max_rate = report(saturated, "max_", leave_out=("initial_pull",))
                emit("max_concurrency", concurrency, "connections")
                emit("max_clients_at_this_rate", int(max_rate / max(rate / args.clients, 1e-9)),
                     "clients")
        finally:
            stop_server(server)


if __name__ == "__main__":
    main()
