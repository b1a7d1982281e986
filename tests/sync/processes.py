"""Real server processes for the tests that need them (signals, several processes)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).parents[2]


def free_port() -> int:
    """Return a TCP port of 127.0.0.1 that nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(url: str, data_dir: Path, port: int, *,
                 workers: int = 1) -> subprocess.Popen[bytes]:
    """Start `officeapp-server --demo` on a database and wait until it answers /health."""
    process = subprocess.Popen(
        [sys.executable, "-m", "sync.server.ops.cli", "--demo", "--database-url", url,
         "--data-dir", str(data_dir), "--port", str(port), "--workers", str(workers),
         "--jobs-interval", "0"],
        env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server stopped while starting"
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health",
                         timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("the server did not start")
