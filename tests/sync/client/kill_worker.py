"""A client process for test_kill.py: acts and syncs in a loop until it is SIGKILLed.

    python kill_worker.py --server URL --db PATH --tokens FILE --journal FILE --run N [--clean]

Each action is chosen from a seeded generator and written to the journal (one JSON line,
flushed) before it is taken, and its outcome after; the test compares the journal with the
server. The worker prints a marker line as it reaches each point the test may kill it at:
`ready`, `act`, `push` (a push request leaves), `pull` (a pull request leaves) and `pulled`
(a page arrived and is about to be applied). `--clean` syncs until nothing is pending and exits.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

import httpx

from officeapp.core.verdict import Accepted
from officeapp.demo import FINANCE_ID
from officeapp.store import LocalStore
from officeapp.workflow import Action, ActionKind
from sync.client import actions
from sync.client.api import Api, ApiError, Connection, Offline, make_http
from sync.client.engine import OutOfOrder, SyncEngine

PERSON = "p-office.clerk"


def mark(name: str) -> None:
    """Tell the test where the worker is."""
    print(name, flush=True)


class Marking(httpx.AsyncBaseTransport):
    """The real network, announcing pushes and pulls to the test."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        name = request.url.path.rsplit("/", 1)[-1]
        mark(name)
        response = await self.inner.handle_async_request(request)
        if name == "pull":
            await response.aread()
            mark("pulled")
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


class Journal:
    """What the worker set out to do and what came of it, one flushed JSON line each."""

    def __init__(self, path: Path, run: int) -> None:
        self.handle: TextIO = open(path, "a", encoding="utf-8")  # noqa: SIM115
        self.run = run
        self.count = 0

    def next_key(self) -> str:
        """Return the key of the next action (unique across runs)."""
        self.count += 1
        return f"r{self.run}-{self.count}"

    def write(self, entry: dict[str, Any]) -> None:
        """Append one line; after flush() it is in the kernel, which a SIGKILL cannot undo."""
        self.handle.write(json.dumps({"run": self.run, **entry}, ensure_ascii=False) + "\n")
        self.handle.flush()


def act_once(store: LocalStore, rng: random.Random, journal: Journal) -> None:
    """Take one random action: a new draft, sending a draft on, or urging the reviewer."""
    now = datetime.now(UTC)
    actor = store.organisation().actor(PERSON, now)
    mine = store.inbox(actor=actor, folder="mine", limit=500)
    drafts = [r.id for r in mine if r.step == "draft"]
    waiting = [r.id for r in mine if r.step == "review"]
    choice = rng.choices(("draft", "approve", "urge"),
                         weights=(3, 3 if drafts else 0, 2 if waiting else 0))[0]
    mark("act")
    key = journal.next_key()
    if choice == "draft":
        title = f"关于压力测试{key}的通知"
        journal.write({"key": key, "kind": "draft", "title": title})
        actions.draft_outgoing(store, person_id=PERSON, now=now, fields={
            "doc_type": "通知", "title": title, "main_recipients": [FINANCE_ID],
            "body": f"正文{key}：" + "各单位要高度重视。" * 20})
        journal.write({"key": key, "outcome": "ok"})
        return
    document_id = rng.choice(drafts if choice == "approve" else waiting)
    opinion = f"意见{key}"
    journal.write({"key": key, "kind": choice, "document_id": document_id, "opinion": opinion})
    kind = ActionKind.APPROVE if choice == "approve" else ActionKind.URGE
    decision = actions.act(store, person_id=PERSON, document_id=document_id,
                           action=Action(kind, opinion=opinion), now=now)
    if isinstance(decision, Accepted):
        journal.write({"key": key, "outcome": "ok"})
    else:
        journal.write({"key": key, "outcome": "refused", "code": decision.rejection.code})


async def sync(engine: SyncEngine) -> bool:
    """Run one sync round; return whether it worked."""
    try:
        await engine.sync_once()
        return True
    except (Offline, ApiError, OutOfOrder) as error:
        print(f"error {error}", file=sys.stderr, flush=True)
        return False


async def settle(engine: SyncEngine, store: LocalStore) -> int:
    """Sync until nothing is pending; return the exit status."""
    for _ in range(50):
        if await sync(engine) and not store.pending_mutations():
            return 0
        await asyncio.sleep(0.1)
    return 1


async def work(args: argparse.Namespace) -> int:
    """Act and sync until killed (or settle with --clean)."""
    tokens = json.loads(Path(args.tokens).read_text())
    api = Api(make_http(Connection(args.server), transport=Marking()))
    api.access_token, api.refresh_token = tokens["access_token"], tokens["refresh_token"]
    store = LocalStore.open(args.db)
    rng = random.Random(f"{args.seed}/{args.run}")
    engine = SyncEngine(api=api, store=store, page_size=rng.choice((5, 20, 100)))
    store.record_person(PERSON)
    mark("ready")
    try:
        if args.clean:
            return await settle(engine, store)
        journal = Journal(Path(args.journal), args.run)
        while not await sync(engine):  # the start-up sync brings the directory
            await asyncio.sleep(0.05)
        while True:
            for _ in range(rng.randint(1, 3)):
                act_once(store, rng, journal)
            await sync(engine)
    finally:
        await api.http.aclose()
        store.close()


def main() -> int:
    """Parse the arguments and run."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--tokens", required=True)
    parser.add_argument("--journal", required=True)
    parser.add_argument("--run", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--clean", action="store_true")
    return asyncio.run(work(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
