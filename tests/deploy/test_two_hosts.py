"""Two server hosts behind nginx on one PostgreSQL database, as an office grows to two.

Two real `officeapp-server` processes, hosts A and B, run on their own ports with data folders
of their own (nothing is shared but the database, a throw-away PostgreSQL database of this
test), behind a real nginx running the sample installer/server/nginx/officeapp.conf with both
in its upstream (tests/deploy/nginx.py renders it). Real client sync engines work through
nginx, each from a loopback address of its own, and prove:
- a push through one host pokes clients whose event streams are on the other (pokes cross
  processes through PostgreSQL's LISTEN/NOTIFY, sync/server/storage/pokes.py);
- an attachment uploaded through host A downloads through host B (blob content lives in the
  database, sync/server/storage/blobs.py);
- host A stopped with SIGTERM as a push leaves for it loses nothing: the push is applied once,
  and A's clients reconnect through B and carry on.

Which host serves a request is nginx's choice (least_conn: the host with the fewest requests
in progress). The test makes it predictable: three clients open their event streams one at a
time while every other request waits, so one host holds two streams and the other one, and
from then on every short request goes to the host with one; that host is A. nginx's access
log names the upstream of every request, which is how the test knows (and checks) which host
answered what.
"""

from __future__ import annotations

import asyncio
import hashlib
import random
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from officeapp.demo import FINANCE_ID
from officeapp.workflow import Action, ActionKind
from sync.client import actions
from sync.server.storage import tables as t
from tests.deploy.nginx import (
    Installation,
    Link,
    Logged,
    access_log,
    install,
    make_certificates,
    serve_sample,
    stop,
    tool,
    until,
)
from tests.sync.conftest import PG_ADMIN_URL, _pg_admin, _pg_reachable, require_postgres
from tests.sync.processes import free_port, start_server

pytestmark = pytest.mark.postgres

CLERK = "127.0.0.2"
# The clients that keep an event stream open from the start, by their loopback address.
WATCHERS = {"127.0.0.3": "office.reviewer", "127.0.0.4": "office.leader",
            "127.0.0.5": "office.secretary"}
NOTICE: dict[str, Any] = {
    "doc_type": "通知",
    "title": "关于做好汛期值班工作的通知",
    "main_recipients": [FINANCE_ID],
    "body": "各单位：\n\n现将汛期值班有关事项通知如下。",
}
EVENTS = "/api/v1/sync/events"


@pytest.fixture
def database_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database, dropped afterwards."""
    require_postgres(_pg_reachable())
    name = f"officeapp_test_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin()
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.make_url(PG_ADMIN_URL).set(database=name).render_as_string(
            hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@dataclass(frozen=True)
class Hosts:
    """Two server hosts behind nginx: the https URL clients use and what the test looks into."""

    url: str
    ca: Path
    proxy: Path  # nginx's folder, with its access log
    servers: dict[str, subprocess.Popen[bytes]]  # by upstream address, as nginx logs it
    data_dirs: tuple[Path, ...]
    database_url: str


@pytest.fixture
def hosts(database_url: str, tmp_path: Path) -> Iterator[Hosts]:
    """Start hosts A and B on one database and nginx with the sample in front of both."""
    nginx = tool("nginx")
    certificates = make_certificates(tmp_path)
    data_dirs = (tmp_path / "host-1", tmp_path / "host-2")
    servers: dict[str, subprocess.Popen[bytes]] = {}
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("OFFICEAPP_TRUSTED_PROXIES", "127.0.0.1")  # nginx's address
            for data_dir in data_dirs:  # one after the other: the first migrates and seeds
                port = free_port()
                servers[f"127.0.0.1:{port}"] = start_server(database_url, data_dir, port)
        https_port, http_port = free_port(), free_port()
        proxy = tmp_path / "nginx"
        process = serve_sample(proxy, nginx, upstreams=list(servers), https_port=https_port,
                               http_port=http_port, certificates=certificates)
        try:
            yield Hosts(f"https://127.0.0.1:{https_port}", certificates.ca, proxy, servers,
                        data_dirs, database_url)
        finally:
            stop(process)
    finally:
        for server in servers.values():
            stop(server)


def _send_for_review(client: Installation, title: str,
                     attachments: Sequence[dict[str, Any]] = ()) -> str:
    """Draft a notice and send it to 核稿 in the client's store; return its id."""
    now = datetime.now(UTC)
    document = actions.draft_outgoing(client.store, person_id=client.person_id, now=now,
                                      fields={**NOTICE, "title": title,
                                              "attachments": list(attachments)})
    actions.act(client.store, person_id=client.person_id, document_id=document.id,
                action=Action(ActionKind.APPROVE, opinion="请核稿"), now=now)
    return document.id


async def _settle(links: list[Link], clients: list[Installation]) -> None:
    """Wait until no request is in progress and no sync runs, for a moment together."""
    calm_since: float | None = None
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        calm = (all(link.in_flight == 0 for link in links)
                and not any(c.engine.status.syncing for c in clients))
        if not calm:
            calm_since = None
        elif calm_since is None:
            calm_since = time.monotonic()
        elif time.monotonic() - calm_since > 0.3:
            return
        await asyncio.sleep(0.02)
    pytest.fail("the clients did not settle")


def _requests(hosts: Hosts, which: Callable[[Logged], bool]) -> list[Logged]:
    return [entry for entry in access_log(hosts.proxy) if which(entry)]


def test_two_hosts_share_pokes_and_blobs_and_one_stops_without_loss(
        hosts: Hosts, tmp_path: Path) -> None:
    data = random.Random(6).randbytes(2_500_001)  # three upload chunks of the real client
    source = tmp_path / "值班表.pdf"
    source.write_bytes(data)
    began = time.monotonic()

    async def scenario() -> None:
        gate = asyncio.Event()
        gate.set()
        links = {address: Link(hosts.ca, address, gate) for address in [CLERK, *WATCHERS]}
        clients: dict[str, Installation] = {}
        try:
            clerk = clients[CLERK] = await install(hosts.url, hosts.ca, tmp_path,
                                                   "office.clerk", link=links[CLERK])
            for address, username in WATCHERS.items():
                clients[address] = await install(hosts.url, hosts.ca, tmp_path, username,
                                                 link=links[address])
            for client in clients.values():  # the first pull, one client at a time
                await client.engine.sync_once()
            watchers = [clients[address] for address in WATCHERS]

            # The watchers' event streams open one at a time, every other request held: the
            # first lands on either host, the second on the other, the third on either.
            gate.clear()
            for watcher in watchers:
                watcher.engine.start()
                await until(lambda w=watcher: "ready" in w.api.heard,
                            "an event stream")
            gate.set()
            await _settle(list(links.values()), watchers)

            # A push with an attachment: every request of it goes to the host with one stream.
            heard = {address: len(clients[address].api.heard) for address in WATCHERS}
            since = time.time()
            attachment = await clerk.blobs.attach(source, name="值班表.pdf")
            first = _send_for_review(clerk, "汛期值班安排", [attachment])
            await clerk.engine.sync_once()
            assert clerk.store.pending_mutations() == [] and clerk.store.rejections() == []
            sent = _requests(hosts, lambda r: r.client == CLERK and r.started >= since)
            push = next(r for r in sent if r.path.endswith("/sync/push"))
            # Up to the push (after it, the poked clients' pulls are in progress too).
            upload = [r for r in sent if r.started <= push.started]
            assert [r.method for r in upload] == ["POST", "PATCH", "PATCH", "PATCH", "POST"]
            assert len({r.upstream for r in upload}) == 1, upload
            a = push.upstream
            (b,) = set(hosts.servers) - {a}
            # Every watcher is poked, wherever its stream is, and pulls the document.
            for address in WATCHERS:
                watcher = clients[address]
                await until(lambda w=watcher, n=heard[address]: (
                    "poke" in w.api.heard[n:] and w.store.get_document(first) is not None),
                    f"{WATCHERS[address]} poked")

            # Host A is told to stop as the clerk's next push leaves for it; the clerk's engine
            # now runs as on a desktop (event stream, retries with backoff).
            more = [_send_for_review(clerk, f"第{n}批值班人员") for n in range(1, 6)]
            stopped: list[float] = []

            async def stop_a(request: httpx.Request) -> None:
                if request.url.path.endswith("/sync/push") and not stopped:
                    stopped.append(time.time())
                    hosts.servers[a].send_signal(signal.SIGTERM)

            links[CLERK].before = stop_a
            clerk.engine.start()
            await until(lambda: hosts.servers[a].poll() is not None, "host A to stop")
            gone = time.time()
            await until(lambda: clerk.store.pending_mutations() == [], "the clerk's outbox",
                        wait=30)
            assert clerk.store.rejections() == []
            assert clerk.engine.status.error is None
            # A's client lost its stream when A stopped, and reconnected through B.
            ended = _requests(hosts, lambda r: r.path == EVENTS and r.upstream == a
                              and r.client in WATCHERS)
            assert len(ended) == 1, ended
            moved = clients[ended[0].client]
            await until(lambda: moved.api.heard.count("ready") >= 2, "A's client reconnecting")
            # Nothing lost, nothing twice: every document reaches every watcher once.
            for watcher in watchers:
                await until(lambda w=watcher: all(
                    w.store.get_document(d) is not None for d in more), "the new documents")
            assert set(more) | {first} <= set(clients["127.0.0.3"].todo())
            # The attachment uploaded through A downloads through B.
            received = moved.store.get_document(first)
            assert received is not None
            opened = await moved.blobs.open(received.attachments[0])
            assert opened.read_bytes() == data
            def downloads() -> list[Logged]:
                return _requests(hosts, lambda r: r.path.startswith("/api/v1/blobs/")
                                 and r.method == "GET")

            await until(lambda: bool(downloads()), "nginx to log the download")
            assert [(r.client, r.upstream, r.status) for r in downloads()] == [
                (ended[0].client, b, 200)]
            # After the stop, everything went through B.
            late = _requests(hosts, lambda r: r.started > gone)
            assert late and {r.upstream for r in late} == {b}
        finally:
            for client in clients.values():
                await client.close()
            for link in links.values():
                await link.aclose()

        # The poke crossed hosts: at the push through A, the other two watchers' streams were
        # on B (logged now that the clients closed them).
        await until(lambda: len(_requests(hosts, lambda r: r.path == EVENTS
                                          and r.client in WATCHERS)) >= 4,
                    "nginx to log the closed streams")
        on_b = {r.client for r in _requests(hosts, lambda r: r.path == EVENTS
                                            and r.upstream == b and r.started < push.started
                                            and r.ended > push.ended)}
        assert on_b == set(WATCHERS) - {ended[0].client}

    asyncio.run(scenario())
    engine = sa.create_engine(hosts.database_url, poolclass=sa.NullPool)
    try:
        with engine.connect() as connection:
            titles = connection.execute(sa.select(t.documents.c.title).where(
                t.documents.c.title.like("第%批值班人员"))).scalars().all()
            blobs = connection.execute(sa.select(t.blobs.c.sha256)).scalars().all()
    finally:
        engine.dispose()
    assert sorted(titles) == sorted(f"第{n}批值班人员" for n in range(1, 6))
    assert blobs == [hashlib.sha256(data).hexdigest()]
    # No host kept anything on its own disk: the blob is only in the database.
    assert not any((data_dir / "blobs").exists() for data_dir in hosts.data_dirs)
    assert time.monotonic() - began < 60
