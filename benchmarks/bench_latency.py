"""Latency people feel: a change made in one client, visible in another's store and inbox;
and a 传阅 to 200 people, until every one of them has it.

    .venv/bin/python benchmarks/bench_latency.py [--changes 30] [--load 1000]
        [--circulate 200] [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres]

Sets up a fresh database (SQLite in a temporary folder, or a scratch PostgreSQL database
dropped afterwards) with the demo organisation and `--load` + `--circulate` more people
(units of 20, as `bench_server_load.py` makes them), and starts the real server
(`officeapp-server`, 1 worker on SQLite, 2 on PostgreSQL) on loopback.

1. **Change visible in another client.** Two real desktop engines (`SyncEngine`, each with
   its own local store on its own thread, event stream open, as the desktop client runs
   them): 科员 office.clerk drafts a 发文 and sends it to 核稿 (`actions.act`, then
   `engine.trigger()`, as the UI does after an action). The clock starts when the action is
   stored locally and stops when the reviewer's engine reports the change and the
   reviewer's 待办 inbox query (what the inbox model runs on that signal) lists the document.
   `--changes` times, one after another.
2. **The same under load**, with `--load` simulated clients (`bench_server_load.py`'s
   realistic model: event stream held, sync on poke and every 5 minutes, a change every
   300 s)
   running against the same server, measured after their ramp.
3. **传阅 to `--circulate` people.** office.clerk circulates a document of its unit to that
   many people; each holds its event stream open and pulls on the poke (the lightweight
   client of the load benchmark). The clock runs from the action until the last of them has
   pulled a page holding the document.

Prints one JSON object per line: {"name": ..., "value": ..., "unit": ...}.
Bars (issue 18): change visible p95 < 1 s, also under the 1,000-client load; 传阅 to 200
people end to end < 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_server_load import (  # noqa: E402
    API,
    ClientSpec,
    Http,
    HttpError,
    Plan,
    database,
    emit,
    free_port,
    percentile,
    read_head,
    run_phase,
    start_server,
    stop_server,
    wait_healthy,
)
from bench_server_load import seed as seed_people  # noqa: E402
from bench_sync import StoreThread  # noqa: E402

from officeapp.demo import DEMO_PASSWORD, FINANCE_ID  # noqa: E402
from officeapp.store import LocalStore  # noqa: E402
from officeapp.workflow import Action, ActionKind  # noqa: E402
from officeapp.workflow.codec import assignee_resolver  # noqa: E402
from sync.client import actions  # noqa: E402
from sync.client.api import Api, Connection, make_http  # noqa: E402
from sync.client.engine import STREAM_POLL_SECONDS, SyncEngine  # noqa: E402

T = TypeVar("T")
SENDER, RECEIVER = "office.clerk", "office.reviewer"
RAMP = 20.0


class Desk:
    """One person's desktop client: store, API, engine, started as the app starts it."""

    def __init__(self, base: str, folder: Path, username: str) -> None:
        self.username = username
        self.person_id = f"p-{username}"
        self.store = LocalStore.open(folder / f"{username}.sqlite3")
        self.thread = StoreThread()
        self.api = Api(make_http(Connection(base)))
        self.changed = asyncio.Event()
        self.engine = SyncEngine(api=self.api, store=self.store, call=self.thread,
                                 on_changed=lambda _outcome: self.changed.set())

    async def start(self) -> None:
        await self.api.login(self.username, DEMO_PASSWORD)
        await self.thread(self.store.record_person, self.person_id)
        await self.engine.sync_once()
        self.engine.start()

    async def todo_ids(self) -> set[str]:
        """The ids in the person's 待办, by the query the inbox model runs."""

        def query(store: LocalStore) -> set[str]:
            actor = store.organisation().actor(self.person_id, datetime.now(UTC))
            return {row.id for row in store.inbox(actor=actor, folder="todo", limit=50)}

        return await self.thread(query, self.store)

    async def close(self) -> None:
        await self.engine.stop()
        await self.api.http.aclose()
        self.thread.pool.shutdown()
        self.store.close()


def _send_to_review(desk: Desk, number: int) -> str:
    """Draft a 发文 and send it to 核稿 (runs on the sender's store thread)."""
    now = datetime.now(UTC)
    doc = actions.draft_outgoing(desk.store, person_id=desk.person_id, now=now, fields={
        "doc_type": "通知", "title": f"关于延迟测试第{number}号的通知",
        "main_recipients": [FINANCE_ID], "body": "各单位：请认真贯彻落实。" * 20})
    actions.act(desk.store, person_id=desk.person_id, document_id=doc.id,
                action=Action(ActionKind.APPROVE, opinion="请核稿"), now=now)
    return doc.id


async def change_visible(sender: Desk, receiver: Desk, changes: int) -> list[float]:
    """Seconds from each send until the receiver's inbox lists the document."""
    seconds = []
    for number in range(changes):
        started = time.perf_counter()
        document_id = await sender.thread(_send_to_review, sender, number)
        sender.engine.trigger()
        while True:
            receiver.changed.clear()
            if document_id in await receiver.todo_ids():
                break
            async with asyncio.timeout(30):
                await receiver.changed.wait()
        seconds.append(time.perf_counter() - started)
        await asyncio.sleep(0.2)  # one change after another, not a burst
    return seconds


# --- 传阅 to many ----------------------------------------------------------------------------


async def _hold_stream(port: int, spec: ClientSpec, poked: asyncio.Event,
                       ready: asyncio.Event) -> None:
    """Hold one person's event stream open; set `poked` on every poke."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write((f"GET {API}/sync/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      f"Authorization: Bearer {spec.token}\r\n"
                      "Accept: text/event-stream\r\n\r\n").encode())
        status, _ = await read_head(reader)
        if status != 200:
            raise HttpError(f"events http_{status}")
        await reader.readuntil(b"\n\n")  # `ready`
        ready.set()
        while chunk := await reader.read(4096):
            if b"event: poke" in chunk:
                poked.set()
    finally:
        writer.close()


async def _reader(port: int, spec: ClientSpec, cursor: int, document_id: str,
                  ready: asyncio.Event) -> float:
    """One person: on each poke pull until current; return when a page holds the document."""
    poked = asyncio.Event()
    stream = asyncio.ensure_future(_hold_stream(port, spec, poked, ready))
    http = Http(port, spec.token)
    try:
        while True:
            await poked.wait()
            poked.clear()
            more = True
            while more:
                page = await _pull(http, spec, cursor)
                if any(c["id"] == document_id for c in page["changes"]):
                    return time.perf_counter()
                cursor, more = page["cursor"], page["has_more"]
    finally:
        stream.cancel()
        with contextlib.suppress(asyncio.CancelledError, HttpError, OSError):
            await stream
        http.close()


async def circulate(sender: Desk, port: int, specs: list[ClientSpec]) -> float:
    """Seconds from a 传阅 to `specs` until the last of them has pulled the document."""
    document_id = await sender.thread(_send_to_review, sender, 10_000)
    await sender.engine.sync_once()
    cursor = await _head(port, specs[0])
    readies = [asyncio.Event() for _ in specs]
    readers = [asyncio.ensure_future(_reader(port, spec, cursor, document_id, ready))
               for spec, ready in zip(specs, readies, strict=True)]
    await asyncio.gather(*(ready.wait() for ready in readies))

    def act(store: LocalStore) -> None:
        resolve = assignee_resolver(store.organisation())
        actions.act(store, person_id=sender.person_id, document_id=document_id,
                    action=Action(ActionKind.CIRCULATE, opinion="请阅",
                                  assignees=tuple(resolve(s.person_id) for s in specs)),
                    now=datetime.now(UTC))

    started = time.perf_counter()
    await sender.thread(act, sender.store)
    sender.engine.trigger()
    done, late = await asyncio.wait(readers, timeout=60)
    for task in late:
        task.cancel()
    if late:
        emit("circulate_readers_without_it_after_60s", len(late), "people")
        raise SystemExit(f"{len(late)} of {len(specs)} readers never got the 传阅")
    return max(task.result() for task in done) - started


async def _pull(http: Http, spec: ClientSpec, cursor: int) -> dict[str, Any]:
    """One pull page of `spec`'s client from `cursor`, decoded."""
    status, answer = await http.request("POST", f"{API}/sync/pull", json.dumps(
        {"client_id": spec.client_id, "schema_version": 2, "limit": 500,
         "cursor": cursor}).encode())
    if status != 200:
        raise HttpError(f"pull http_{status}")
    page: dict[str, Any] = json.loads(answer)
    return page


async def _head(port: int, spec: ClientSpec) -> int:
    """The change log's head as one of the readers sees it (they start there)."""
    http = Http(port, spec.token)
    try:
        page = await _pull(http, spec, 0)
        while page["has_more"]:
            page = await _pull(http, spec, page["cursor"])
        return int(page["cursor"])
    finally:
        http.close()


# --- running it ------------------------------------------------------------------------------


def _report(name: str, seconds: list[float]) -> None:
    emit(f"{name}_p50_ms", round(percentile([s * 1000 for s in seconds], 0.5), 1), "ms")
    emit(f"{name}_p95_ms", round(percentile([s * 1000 for s in seconds], 0.95), 1), "ms")
    emit(f"{name}_max_ms", round(max(seconds) * 1000, 1), "ms")


async def measure(base: str, port: int, folder: Path, changes: int,
                  readers: list[ClientSpec], label: str) -> None:
    folder = folder / f"desks{label}"
    folder.mkdir()
    sender, receiver = Desk(base, folder, SENDER), Desk(base, folder, RECEIVER)
    try:
        await sender.start()
        await receiver.start()
        _report(f"change_visible{label}", await change_visible(sender, receiver, changes))
        if readers:
            seconds = await circulate(sender, port, readers)
            emit(f"circulate_{len(readers)}{label}_ms", round(seconds * 1000, 1), "ms")
    finally:
        await sender.close()
        await receiver.close()


def _load_in_background(specs: list[ClientSpec], port: int, duration: float,
                        server_pid: int) -> threading.Thread:
    units = sorted({s.unit_id for s in specs})
    siblings = {u: units[(n + 1) % len(units)] for n, u in enumerate(units)}
    plan = Plan(port=port, phase="realistic", start_at=time.time() + 0.5, duration=duration,
                ramp=RAMP, poll=30.0, stream_poll=STREAM_POLL_SECONDS, push_every=300.0,
                push_share=0.0, concurrency=0, seed=7)
    outcome: dict[str, Any] = {}

    def run() -> None:
        outcome["result"] = run_phase(specs, siblings, plan, 2, server_pid)

    thread = threading.Thread(target=run, daemon=True)
    thread.outcome = outcome  # type: ignore[attr-defined]
    thread.start()
    return thread


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--load", type=int, default=1000,
                        help="simulated clients for the loaded run (0: skip it)")
    parser.add_argument("--circulate", type=int, default=200)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    postgres = bool(args.database_url) and not args.database_url.startswith("sqlite")
    workers = 2 if postgres else 1
    with tempfile.TemporaryDirectory(prefix="officeapp-latency-") as name, \
            database(args.database_url, Path(name)) as url:
        folder = Path(name)
        data_dir = folder / "data"
        from sync.server.ops import admin, migrate
        from sync.server.settings import Settings
        from sync.server.storage.db import make_engine

        engine = make_engine(url)
        migrate.upgrade(engine)
        admin.seed_demo(engine, Settings(database_url=url, data_dir=data_dir))
        engine.dispose()
        # The readers of the 传阅 are people of their own, not clients of the load.
        specs = seed_people(url, data_dir, args.load + args.circulate, 20, 0.0)
        readers, loaders = specs[args.load:], specs[:args.load]
        port = free_port()
        server = start_server(url, data_dir, port, workers)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(port, server, workers)
            emit("database", "postgresql" if postgres else "sqlite", "")
            emit("server_workers", workers, "processes")
            asyncio.run(measure(base, port, folder, args.changes, readers, ""))
            if args.load:
                emit("load_clients", args.load, "clients")
                load = _load_in_background(loaders, port, RAMP + 90.0, server.pid)
                time.sleep(RAMP + 2.0)
                asyncio.run(measure(base, port, folder, args.changes, readers, "_under_load"))
                load.join()
                result = load.outcome["result"]  # type: ignore[attr-defined]
                requests = [v for k, vs in result.latencies.items() if k != "events_ready"
                            for v in vs]
                emit("load_p99_ms", round(percentile(requests, 0.99), 1), "ms")
                emit("load_errors", sum(result.errors.values()), "requests")
        finally:
            stop_server(server)


if __name__ == "__main__":
    main()
