"""Measure one large attachment through the real client engine: upload, then download.

    .venv/bin/python tests/deploy/measure_blobs.py [--megabytes 50] [--runs 3] [--sqlite]
        [--server-tree DIR]

Starts a real `officeapp-server --demo` on a throw-away PostgreSQL database (127.0.0.1:5432,
user postgres; `--sqlite` for the embedded database) and drives the client sync engine over
loopback: office.clerk attaches a file of random (incompressible) bytes to a draft, and the
time of `Blobs.upload_queued()` (announce and 1 MiB PATCHes, the last one verified by the
server) is the upload; office.reviewer then pulls the draft's copy and `Blobs.open()` (the
streamed GET, the client's hash check, the file moved into its content store) is the
download. Each run uses a new file. `--server-tree` runs the server from another checkout
(e.g. `git archive HEAD | tar -x -C /tmp/old` for the release before blobs moved into the
database), the client always from this one.

Prints one JSON object per line: {"name": ..., "value": ..., "unit": ...}: median upload and
download seconds and MB/s (MB = MiB here), the server's peak resident memory, and where the
bytes ended up (the database's size, the blob folder's size). It lives here rather than in
benchmarks/ because docs/sync.md § Blobs quotes it next to the deployment tests.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from officeapp.demo import DEMO_PASSWORD, FINANCE_ID  # noqa: E402
from officeapp.store import LocalStore  # noqa: E402
from officeapp.workflow import Action, ActionKind  # noqa: E402
from sync.client import actions  # noqa: E402
from sync.client.api import Api, Connection, make_http  # noqa: E402
from sync.client.blobs import Blobs  # noqa: E402
from sync.client.engine import SyncEngine  # noqa: E402

PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def emit(name: str, value: float, unit: str) -> None:
    """Print one figure as a JSON line."""
    print(json.dumps({"name": name, "value": round(value, 3), "unit": unit}), flush=True)


def free_port() -> int:
    """Return a loopback port nobody listens on now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(tree: Path, url: str, data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    """Start `officeapp-server --demo` from `tree`; wait until /health answers."""
    process = subprocess.Popen(
        [sys.executable, "-m", "sync.server.ops.cli", "--demo", "--database-url", url,
         "--data-dir", str(data_dir), "--port", str(port), "--jobs-interval", "0"],
        env={**os.environ, "PYTHONPATH": str(tree)}, cwd=tree, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the server stopped while starting")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).is_success:
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


def peak_rss_mb(pid: int) -> float:
    """Return a process's peak resident memory (VmHWM) in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def folder_mb(folder: Path) -> float:
    """Return the size of the files under `folder` in MB."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1024 / 1024


class Person:
    """One logged-in client: store, content store, engine."""

    def __init__(self, url: str, folder: Path, username: str) -> None:
        self.api = Api(make_http(Connection(server_url=url, timeout=120)))
        self.folder, self.username = folder, username
        self.person_id = ""
        self.store: LocalStore | None = None

    async def start(self) -> None:
        await self.api.login(self.username, DEMO_PASSWORD)
        assert self.api.person is not None
        self.person_id = str(self.api.person["id"])
        self.store = LocalStore.open(self.folder / f"{self.username}.sqlite3")
        self.store.record_person(self.person_id)
        self.blobs = Blobs(api=self.api, store=self.store, root=self.folder / self.username)
        self.engine = SyncEngine(api=self.api, store=self.store, blobs=self.blobs,
                                 poll_seconds=3600)
        await self.engine.sync_once()

    async def close(self) -> None:
        await self.engine.stop()
        await self.api.http.aclose()
        assert self.store is not None
        self.store.close()


async def measure(url: str, folder: Path, size: int, runs: int) -> dict[str, list[float]]:
    """Upload and download `runs` files of `size` bytes; return the seconds of each."""
    clerk = Person(url, folder, "office.clerk")
    reviewer = Person(url, folder, "office.reviewer")
    await clerk.start()
    await reviewer.start()
    times: dict[str, list[float]] = {"upload": [], "download": []}
    try:
        for run in range(runs):
            source = folder / f"attachment-{run}.bin"
            source.write_bytes(random.Random(run).randbytes(size))
            attachment = await clerk.blobs.attach(source, name=f"材料{run}.pdf")
            assert clerk.store is not None and reviewer.store is not None
            now = datetime.now(UTC)
            document = actions.draft_outgoing(
                clerk.store, person_id=clerk.person_id, now=now,
                fields={"doc_type": "通知", "title": f"大附件{run}", "body": "正文",
                        "main_recipients": [FINANCE_ID], "attachments": [attachment]})
            actions.act(clerk.store, person_id=clerk.person_id, document_id=document.id,
                        action=Action(ActionKind.APPROVE, opinion="请核稿"), now=now)
            began = time.perf_counter()
            assert await clerk.blobs.upload_queued() == []
            times["upload"].append(time.perf_counter() - began)
            await clerk.engine.sync_once()
            assert clerk.store.pending_mutations() == [] and clerk.store.rejections() == []
            await reviewer.engine.sync_once()
            received = reviewer.store.get_document(document.id)
            assert received is not None
            began = time.perf_counter()
            path = await reviewer.blobs.open(received.attachments[0])
            times["download"].append(time.perf_counter() - began)
            assert path.stat().st_size == size
    finally:
        await reviewer.close()
        await clerk.close()
    return times


def main() -> None:
    """Run the measurement and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    parser.add_argument("--server-tree", type=Path, default=ROOT,
                        help="the checkout the server runs from (default: this one)")
    args = parser.parse_args()
    size = args.megabytes * 1024 * 1024
    with tempfile.TemporaryDirectory(prefix="measure-blobs-") as work:
        folder = Path(work)
        admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT",
                                 poolclass=sa.NullPool)
        name = f"officeapp_measure_{uuid.uuid4().hex[:12]}"
        if args.sqlite:
            url = f"sqlite:///{folder / 'server.sqlite3'}"
        else:
            with admin.connect() as connection:
                connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
            url = sa.make_url(PG_ADMIN_URL).set(database=name).render_as_string(
                hide_password=False)
        try:
            _measure(args, size, folder, url)
        finally:
            if not args.sqlite:
                with admin.connect() as connection:
                    connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


def _measure(args: argparse.Namespace, size: int, folder: Path, url: str) -> None:
    port = free_port()
    server = start_server(args.server_tree.resolve(), url, folder / "data", port)
    try:
        times = asyncio.run(measure(f"http://127.0.0.1:{port}", folder, size, args.runs))
        rss = peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(30)
    megabytes = size / 1024 / 1024
    for what in ("upload", "download"):
        median = statistics.median(times[what])
        emit(f"{what}_seconds", median, "s")
        emit(f"{what}_mb_per_s", megabytes / median, "MB/s")
    emit("server_peak_rss", rss, "MB")
    emit("blob_folder", folder_mb(folder / "data" / "blobs"), "MB")
    if args.sqlite:
        emit("database", (folder / "server.sqlite3").stat().st_size / 1024 / 1024, "MB")
        return
    measured = sa.create_engine(url, poolclass=sa.NullPool)
    with measured.connect() as connection:
        emit("database", connection.execute(sa.text(
            "select pg_database_size(current_database())")).scalar_one() / 1024 / 1024, "MB")
    measured.dispose()

if __name__ == "__main__":
    main()
