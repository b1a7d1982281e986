"""The login throttle holds against parallel guesses sent to several server processes: at most
`login_max_failures` of them get a password check (401); every other one is throttled (429).
Parallel logins of many people from one address are not throttled."""

from __future__ import annotations

import subprocess
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from officeapp.demo import DEMO_PASSWORD, DEMO_PEOPLE
from sync.server.settings import Settings
from sync.server.storage import tables as t

from .conftest import require_postgres
from .processes import free_port, start_server

ATTEMPTS = 40


def _serve(url: str, data_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    return start_server(url, data_dir, port), f"http://127.0.0.1:{port}/api/v1"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def two_servers(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    """Two server processes on one database (the second starts once the first has seeded it);
    yield the database URL and their base URLs."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    else:
        require_postgres(request.getfixturevalue("pg_problem"))
        url = request.getfixturevalue("pg_url")
    servers = [_serve(url, tmp_path)]
    servers.append(_serve(url, tmp_path))
    try:
        yield url, [base for _, base in servers]
    finally:
        for process, _ in servers:
            process.terminate()
        for process, _ in servers:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def test_parallel_wrong_passwords_across_processes_get_only_the_allowed_checks(
        two_servers: tuple[str, list[str]]) -> None:
    url, bases = two_servers
    allowed = Settings().login_max_failures
    # First, a whole office behind one address logs in at once: nobody is throttled.
    people = [p.username for p in DEMO_PEOPLE] * 2

    def log_in(number: int) -> int:
        response = httpx.post(f"{bases[number % len(bases)]}/auth/login", timeout=60, json={
            "username": people[number], "password": DEMO_PASSWORD})
        return response.status_code

    with ThreadPoolExecutor(len(people)) as pool:
        assert set(pool.map(log_in, range(len(people)))) == {200}

    def guess(number: int) -> int:
        base = bases[number % len(bases)]
        response = httpx.post(f"{base}/auth/login", timeout=60, json={
            "username": "office.clerk", "password": f"guess-{number}"})
        return response.status_code

    with ThreadPoolExecutor(ATTEMPTS) as pool:
        answers = Counter(pool.map(guess, range(ATTEMPTS)))
    assert answers[401] == allowed, answers  # the password was checked this often, no more
    assert answers[429] == ATTEMPTS - allowed, answers
    engine = sa.create_engine(url, poolclass=sa.NullPool)
    try:
        with engine.connect() as connection:
            failures = connection.execute(sa.select(sa.func.count()).where(
                t.login_attempts.c.username == "office.clerk",
                t.login_attempts.c.success.is_(False))).scalar_one()
    finally:
        engine.dispose()
    assert failures == allowed
    # The right password waits out the window too.
    right = httpx.post(f"{bases[0]}/auth/login", timeout=60, json={
        "username": "office.clerk", "password": "demo-password"})
    assert right.status_code == 429
