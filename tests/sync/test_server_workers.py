"""`officeapp-server --workers N`: several processes on PostgreSQL, refused on SQLite."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import httpx
import pytest

from sync.server.ops.cli import main

from .conftest import NOTICE


def test_several_workers_need_postgresql(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    assert main(["--workers", "2", "--database-url", url]) == 2
    assert "PostgreSQL" in capsys.readouterr().err


def test_a_bad_trusted_proxy_setting_stops_the_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFFICEAPP_TRUSTED_PROXIES", "10.0.0.1, nginx")
    with pytest.raises(SystemExit, match="nginx"):
        main(["--demo"])


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


@pytest.mark.postgres
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_two_workers_serve_and_poke(pg_url: str, tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    process = subprocess.Popen(
        [sys.executable, "-m", "sync.server.ops.cli", "--demo", "--database-url", pg_url,
         "--data-dir", str(tmp_path), "--port", str(port), "--workers", "2",
         "--jobs-interval", "0"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        assert len(_children(process.pid)) >= 2  # the uvicorn worker processes
        tokens = httpx.post(f"{base}/auth/login", timeout=10, json={
            "username": "office.clerk", "password": "demo-password"}).json()
        headers = {"Authorization": f"Bearer {tokens['access_token']}"}
        events: list[str] = []
        ready, poked = threading.Event(), threading.Event()

        def listen() -> None:
            with httpx.stream("GET", f"{base}/sync/events", headers=headers,
                              timeout=30) as stream:
                for line in stream.iter_lines():
                    if line.startswith("event: "):
                        events.append(line[7:])
                        (poked if line == "event: poke" else ready).set()
                        if poked.is_set():
                            return

        listener = threading.Thread(target=listen, daemon=True)
        listener.start()
        assert ready.wait(15)
        # Fresh connections: the push may land on either worker; the poke reaches the
        # stream either way (through LISTEN/NOTIFY when it is the other one).
        for n in range(3):
            mutation = {"id": n + 1, "name": "document.create_outgoing", "v": 1, "args": {
                "document_id": str(uuid.uuid4()), "fields": NOTICE}}
            answer = httpx.post(f"{base}/sync/push", headers=headers, timeout=10, json={
                "client_id": "client-workers", "schema_version": 1, "mutations": [mutation]})
            assert answer.json()["results"][0]["status"] == "applied"
        assert poked.wait(15), events
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=30)
