"""Load test of the sync server: N simulated clients pulling and pushing over loopback.

    .venv/bin/python benchmarks/bench_server_load.py --clients 1000 [--duration 60]
        [--interval 5] [--push-ratio 0.1] [--database-url URL]

Starts `officeapp-server --demo` with uvicorn on 127.0.0.1 (SQLite in a temporary folder, or
the given database, which it migrates and seeds), logs the 11 demo users in once, then runs N
clients (asyncio + httpx) for a bounded time. Each client first pulls everything, then
every `interval` seconds on average (jittered) pulls until up to date and, on a `push-ratio`
share of those syncs, first pushes a new 发文 draft. Only loopback is ever contacted; the
request count is bounded.

Prints one JSON object per line: {"name": ..., "value": ..., "unit": ...}.
Bar (DESIGN.md §5, 1000 clients on 2 cores): p99_ms < 250, errors == 0.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from officeapp.demo import DEMO_PASSWORD, DEMO_PEOPLE

ROOT = Path(__file__).resolve().parents[1]
DRAFTERS = [p.username for p in DEMO_PEOPLE if p.username != "office.admin"]
MAX_REQUESTS_PER_CLIENT = 200


@dataclass
class Stats:
    """Latencies and failures of every request."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)

    def failed(self, kind: str) -> None:
        self.errors += 1
        self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1


@dataclass
class SimClient:
    """One simulated desktop client: its login, outbox counter and cursor."""

    username: str
    headers: dict[str, str]
    client_id: str = field(default_factory=lambda: f"bench-{uuid.uuid4()}")
    cursor: int = 0
    next_id: int = 1
    requests: int = 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(port: int, data_dir: Path, database_url: str | None) -> subprocess.Popen[bytes]:
    """Start the demo server on loopback."""
    command = [sys.executable, "-m", "sync.server.cli", "--demo", "--host", "127.0.0.1",
               "--port", str(port), "--data-dir", str(data_dir)]
    if database_url:
        command += ["--database-url", database_url]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def wait_healthy(base: str, process: subprocess.Popen[bytes]) -> None:
    """Wait until the server answers /health."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("server exited during start")
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not start")


async def timed(http: httpx.AsyncClient, stats: Stats, client: SimClient, path: str,
                body: dict[str, Any]) -> dict[str, Any] | None:
    """Post `body`, record the latency, and return the JSON answer (None on failure)."""
    client.requests += 1
    started = time.perf_counter()
    try:
        response = await http.post(path, json=body, headers=client.headers)
    except httpx.HTTPError as error:
        stats.failed(type(error).__name__)
        return None
    stats.latencies.append((time.perf_counter() - started) * 1000)
    if response.status_code != 200:
        stats.failed(f"http_{response.status_code}")
        return None
    answer: dict[str, Any] = response.json()
    return answer


async def pull_all(http: httpx.AsyncClient, stats: Stats, client: SimClient) -> None:
    """Pull pages until the client is up to date."""
    while client.requests < MAX_REQUESTS_PER_CLIENT:
        page = await timed(http, stats, client, "/sync/pull", {
            "client_id": client.client_id, "cursor": client.cursor, "schema_version": 1,
            "limit": 500})
        if page is None:
            return
        client.cursor = 0 if page["reset"] else page["cursor"]
        if not page["has_more"]:
            return


async def push_draft(http: httpx.AsyncClient, stats: Stats, client: SimClient) -> None:
    """Push one new 发文 draft."""
    mutation = {"id": client.next_id, "name": "document.create_outgoing", "v": 1, "args": {
        "document_id": str(uuid.uuid4()),
        "fields": {"doc_type": "通知", "title": f"压力测试{client.client_id[-6:]}-{client.next_id}",
                   "body": "正文" * 50, "main_recipients": ["u-finance"]}}}
    answer = await timed(http, stats, client, "/sync/push", {
        "client_id": client.client_id, "schema_version": 1, "mutations": [mutation]})
    if answer is not None:
        client.next_id += 1
        if answer["results"][0]["status"] not in ("applied", "duplicate"):
            stats.failed(f"push_{answer['results'][0]['status']}")


async def run_client(http: httpx.AsyncClient, stats: Stats, client: SimClient,
                     deadline: float, interval: float, push_ratio: float,
                     rng: random.Random) -> None:
    """Sync at start, then every `interval` seconds on average until the deadline."""
    await asyncio.sleep(rng.random() * interval)
    await pull_all(http, stats, client)
    while time.monotonic() < deadline and client.requests < MAX_REQUESTS_PER_CLIENT:
        left = deadline - time.monotonic()
        await asyncio.sleep(min(rng.expovariate(1 / interval), max(left, 0.0)))
        if time.monotonic() >= deadline:
            return
        if rng.random() < push_ratio:
            await push_draft(http, stats, client)
        await pull_all(http, stats, client)


async def login_all(http: httpx.AsyncClient) -> dict[str, dict[str, str]]:
    """Log every demo user in once; clients of one user share its token (many devices)."""
    headers = {}
    for username in DRAFTERS:
        response = await http.post("/auth/login", json={"username": username,
                                                         "password": DEMO_PASSWORD})
        response.raise_for_status()
        headers[username] = {"Authorization": f"Bearer {response.json()['access_token']}"}
    return headers


async def load(base: str, clients: int, duration: float, interval: float,
               push_ratio: float) -> Stats:
    """Run the simulated clients against `base` and return what they measured."""
    stats = Stats()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as http:
        tokens = await login_all(http)
        sims = [SimClient(DRAFTERS[n % len(DRAFTERS)], tokens[DRAFTERS[n % len(DRAFTERS)]])
                for n in range(clients)]
        deadline = time.monotonic() + duration
        rng = random.Random(1)
        await asyncio.gather(*(run_client(http, stats, sim, deadline, interval, push_ratio,
                                          random.Random(rng.random())) for sim in sims))
    return stats


def cpu_seconds(pid: int) -> float:
    """Return the CPU time a process has used (Linux /proc), 0 where unavailable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], fraction: float) -> float:
    """Return the `fraction` percentile of `values`."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report(stats: Stats, clients: int, elapsed: float, server_cpu: float) -> None:
    """Print the figures as JSON lines."""
    served = max(len(stats.latencies), 1)
    figures = [
        ("clients", clients, "clients"),
        ("requests", len(stats.latencies) + stats.errors, "requests"),
        ("throughput", round(len(stats.latencies) / elapsed, 1), "req/s"),
        ("p50_ms", round(percentile(stats.latencies, 0.50), 1), "ms"),
        ("p99_ms", round(percentile(stats.latencies, 0.99), 1), "ms"),
        ("max_ms", round(max(stats.latencies, default=0.0), 1), "ms"),
        ("mean_ms", round(statistics.fmean(stats.latencies), 1) if stats.latencies else 0,
         "ms"),
        ("errors", stats.errors, "requests"),
        # The server's own CPU per request: the load generator shares the machine's cores.
        ("server_cpu_ms_per_request", round(server_cpu * 1000 / served, 2), "ms"),
        ("server_cpu_share", round(server_cpu / elapsed, 2), "cores"),
    ]
    for name, value, unit in figures:
        print(json.dumps({"name": name, "value": value, "unit": unit}), flush=True)
    if stats.error_kinds:
        print(json.dumps({"name": "error_kinds", "value": stats.error_kinds, "unit": "count"}))


def main() -> None:
    """Parse arguments, start the server, run the load, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    parser.add_argument("--interval", type=float, default=5.0,
                        help="mean seconds between one client's syncs")
    parser.add_argument("--push-ratio", type=float, default=0.1,
                        help="share of syncs that first push a new draft")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="officeapp-bench-") as folder:
        port = _free_port()
        process = start_server(port, Path(folder), args.database_url)
        base = f"http://127.0.0.1:{port}/api/v1"
        try:
            wait_healthy(base, process)
            started, cpu = time.monotonic(), cpu_seconds(process.pid)
            stats = asyncio.run(load(base, args.clients, args.duration, args.interval,
                                     args.push_ratio))
            report(stats, args.clients, time.monotonic() - started,
                   cpu_seconds(process.pid) - cpu)
        finally:
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
