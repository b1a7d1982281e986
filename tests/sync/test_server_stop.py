"""A stopping server ends its event streams at once: SIGTERM stops it within 5 s while clients
hold streams, a push in flight is finished or refused cleanly (never half-applied), and the
client engine reconnects by itself when the server is back."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from officeapp.demo import DEMO_PASSWORD
from officeapp.store import LocalStore
from sync.client.api import Api, Connection, make_http
from sync.client.engine import SyncEngine

from .conftest import NOTICE, require_postgres
from .processes import free_port, start_server

STOP_WITHIN = 5.0


class Served:
    """An `officeapp-server --demo` process on a database, restartable on the same port."""

    def __init__(self, url: str, data_dir: Path, workers: int) -> None:
        self.url, self.data_dir, self.workers = url, data_dir, workers
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/api/v1"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = start_server(self.url, self.data_dir, self.port, workers=self.workers)

    def terminate(self) -> float:
        """Send SIGTERM; return how long the server took to exit."""
        assert self.process is not None
        started = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        return time.monotonic() - started

    def close(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def served(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Served]:
    """The demo server on SQLite (one process) or PostgreSQL (two worker processes)."""
    if request.param == "sqlite":
        server = Served(f"sqlite:///{tmp_path / 'server.sqlite3'}", tmp_path, 1)
    else:
        require_postgres(request.getfixturevalue("pg_problem"))
        server = Served(request.getfixturevalue("pg_url"), tmp_path, 2)
    server.start()
    yield server
    server.close()


def _login(base: str, username: str) -> dict[str, str]:
    tokens = httpx.post(f"{base}/auth/login", timeout=10,
                        json={"username": username, "password": DEMO_PASSWORD}).json()
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def _listen(base: str, headers: dict[str, str], events: list[str],
            ready: threading.Event) -> None:
    try:
        with httpx.stream("GET", f"{base}/sync/events", headers=headers, timeout=60) as stream:
            for line in stream.iter_lines():
                if line.startswith("event: "):
                    events.append(line[7:])
                    ready.set()
        events.append("closed")
    except httpx.HTTPError as error:
        events.append(f"error {type(error).__name__}")


def test_sigterm_stops_the_server_promptly_while_clients_hold_streams(served: Served) -> None:
    streams = []
    for username in ("office.clerk", "office.leader", "finance.clerk", "edu.clerk"):
        events: list[str] = []
        ready = threading.Event()
        thread = threading.Thread(target=_listen, daemon=True,
                                  args=(served.base, _login(served.base, username), events,
                                        ready))
        thread.start()
        assert ready.wait(10), "the stream did not open"
        streams.append((thread, events))
    took = served.terminate()
    assert took < STOP_WITHIN, f"the server took {took:.1f} s to stop"
    for thread, events in streams:
        thread.join(5)
        assert events[0] == "ready" and events[-1] == "closed", events  # a clean end


def test_a_push_in_flight_at_sigterm_is_applied_once_or_not_at_all(served: Served) -> None:
    headers = _login(served.base, "office.clerk")
    client_id = f"client-{uuid.uuid4()}"
    mutations = [{"id": n, "name": "document.create_outgoing", "v": 1,
                  "args": {"document_id": str(uuid.uuid4()), "fields": NOTICE}}
                 for n in range(1, 51)]
    body = {"client_id": client_id, "schema_version": 1, "mutations": mutations}
    answer: list[httpx.Response | Exception] = []

    def push() -> None:
        try:
            answer.append(httpx.post(f"{served.base}/sync/push", json=body, headers=headers,
                                     timeout=30))
        except httpx.HTTPError as error:
            answer.append(error)

    thread = threading.Thread(target=push)
    thread.start()
    time.sleep(0.05)
    took = served.terminate()
    thread.join()
    assert took < STOP_WITHIN
    served.start()
    headers = _login(served.base, "office.clerk")
    again = httpx.post(f"{served.base}/sync/push", json=body, headers=headers, timeout=30)
    assert again.status_code == 200
    results = again.json()["results"]
    # Whatever the first attempt got through is answered as a duplicate, the rest applied.
    assert [r["id"] for r in results] == list(range(1, 51))
    assert {r["status"] for r in results} <= {"applied", "duplicate"}
    first = answer[0]
    if isinstance(first, httpx.Response) and first.status_code == 200:
        assert all(r["status"] == "duplicate" for r in results)


def test_the_client_engine_reconnects_by_itself_after_a_restart(served: Served,
                                                               tmp_path: Path) -> None:
    async def scenario() -> bool:
        api = Api(make_http(Connection(f"http://127.0.0.1:{served.port}")))
        store = LocalStore.open(tmp_path / "finance.sqlite3")
        engine = SyncEngine(api=api, store=store)
        try:
            await api.login("finance.clerk", DEMO_PASSWORD)
            store.record_person("p-finance.clerk")
            engine.start()
            await asyncio.sleep(1.0)
            await asyncio.to_thread(served.terminate)
            await asyncio.to_thread(served.start)
            # An office draft naming finance for 会签 reaches finance by a poke, not a poll.
            headers = await asyncio.to_thread(_login, served.base, "office.clerk")
            document_id = str(uuid.uuid4())
            await asyncio.to_thread(_create_for_finance, served.base, headers, document_id)
            deadline = asyncio.get_running_loop().time() + 30
            while asyncio.get_running_loop().time() < deadline:
                if store.get_document(document_id) is not None:
                    return True
                await asyncio.sleep(0.2)
            return False
        finally:
            await engine.stop()
            await api.http.aclose()
            store.close()

    assert asyncio.run(scenario()), "the engine did not reconnect and sync by itself"


def _create_for_finance(base: str, headers: dict[str, str], document_id: str) -> None:
    body = {"client_id": f"client-{uuid.uuid4()}", "schema_version": 1, "mutations": [
        {"id": 1, "name": "document.create_outgoing", "v": 1,
         "args": {"document_id": document_id,
                  "fields": {**NOTICE, "countersign_units": ["u-finance"]}}},
        {"id": 2, "name": "document.act", "v": 1,
         "args": {"document_id": document_id,
                  "action": {"kind": "approve", "expected_step": "draft"}}}]}
    results = httpx.post(f"{base}/sync/push", json=body, headers=headers,
                         timeout=30).json()["results"]
    assert [r["status"] for r in results] == ["applied", "applied"], results
