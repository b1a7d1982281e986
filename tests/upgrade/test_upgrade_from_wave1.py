"""Upgrading from the previous release (wave 1, commit 524761f) loses nothing.

`tests/fixtures/upgrade/wave1` holds what that release's own server and client made
(`scripts/make_upgrade_fixture.py`): the server's database (SQLite file, PostgreSQL dump) with
its blob folder, a client store with two actions queued offline, and a manifest of every
record each person pulled. Per database, a copy is migrated by the current
`officeapp-server migrate` and served by the current `officeapp-server`, run as an
administrator would (subprocesses), and checked through the HTTP API only (so the checks hold
whatever the server does with its files): every record each person pulled is served with
everything it had, the attachment downloads with its hash, every person logs in with their
password, `doctor` passes, and the old client store, opened by the current client, keeps its
outbox, pushes it once and pulls on without a reset.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from officeapp.store import LocalStore
from officeapp.store.schema import LATEST_VERSION
from sync.client.api import Api, Connection, make_http
from sync.client.engine import SyncEngine
from sync.protocol import MUTATORS, OLDEST_SCHEMA_VERSION, SCHEMA_VERSION

ROOT = Path(__file__).parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "upgrade" / "wave1"
PG_ADMIN_URL = os.environ.get("OFFICEAPP_TEST_PG",
                              "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
API = "/api/v1"


def _unavailable(message: str) -> None:
    """Fail under CI=true (a missing tool or database must not pass quietly), skip elsewhere."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def _server_command() -> list[str]:
    """`officeapp-server` as installed beside this interpreter (what an administrator runs)."""
    script = Path(sys.executable).with_name("officeapp-server")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sync.server.ops.cli"]


@dataclass(frozen=True)
class Upgraded:
    """A copy of one database's fixture, migrated to the current release and served."""

    kind: str
    database_url: str
    data_dir: Path
    manifest: dict[str, Any]
    url: str = ""

    def admin(self, *command: str) -> subprocess.CompletedProcess[str]:
        """Run `officeapp-server <command>` on this server's database and data folder."""
        # The environment names the same data folder, for any part that reads it there.
        env = {**os.environ, "OFFICEAPP_DATA_DIR": str(self.data_dir)}
        env.pop("OFFICEAPP_DATABASE_URL", None)
        return subprocess.run(
            [*_server_command(), *command, "--database-url", self.database_url,
             "--data-dir", str(self.data_dir)],
            env=env, cwd=self.data_dir.parent, capture_output=True, text=True, timeout=120)


# --- the previous release's data, copied and migrated ----------------------------------------


@contextmanager
def _postgres_from(dump: Path) -> Iterator[str]:
    """A fresh PostgreSQL database loaded from a plain-SQL dump with psql; dropped after."""
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
    try:
        with admin.connect() as connection:
            connection.execute(sa.text("select 1"))
    except sa.exc.OperationalError as error:
        admin.dispose()
        where = sa.make_url(PG_ADMIN_URL)
        _unavailable(f"PostgreSQL at {where.host}:{where.port} unreachable: {error.orig}")
    psql = shutil.which("psql")
    if psql is None:
        admin.dispose()
        _unavailable("psql is not installed (bash scripts/bootstrap.sh installs it)")
    assert psql is not None
    name = f"officeapp_upgrade_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.make_url(PG_ADMIN_URL).set(database=name)
    try:
        libpq = url.set(drivername="postgresql").render_as_string(hide_password=False)
        subprocess.run([psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", libpq, "-f", str(dump)],
                       check=True, capture_output=True, timeout=120)
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def _copy_of(kind: str, folder: Path) -> Iterator[Upgraded]:
    """The fixture's server data in `folder`: the database and the blob folder."""
    source = FIXTURE / kind
    manifest = json.loads((source / "manifest.json").read_text())
    data_dir = folder / "data"
    shutil.copytree(source / "blobs", data_dir / "blobs")
    if kind == "sqlite":
        shutil.copyfile(source / "server.sqlite3", data_dir / "officeapp.sqlite3")
        yield Upgraded(kind, f"sqlite:///{data_dir / 'officeapp.sqlite3'}", data_dir, manifest)
        return
    with _postgres_from(source / "dump.sql") as url:
        yield Upgraded(kind, url, data_dir, manifest)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _serving(upgraded: Upgraded) -> Iterator[str]:
    """Run the current `officeapp-server` (not --demo: it refuses an unmigrated database)."""
    port = _free_port()
    env = {**os.environ, "OFFICEAPP_DATA_DIR": str(upgraded.data_dir)}
    log = upgraded.data_dir.parent / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*_server_command(), "--database-url", upgraded.database_url, "--data-dir",
             str(upgraded.data_dir), "--port", str(port), "--jobs-interval", "0"],
            env=env, cwd=upgraded.data_dir.parent, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, f"the server stopped: {log.read_text()}"
            try:
                if httpx.get(f"{url}{API}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, f"the server did not start: {log.read_text()}"
            time.sleep(0.1)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module",
                params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def upgraded(request: pytest.FixtureRequest,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[Upgraded]:
    """The previous release's server data, migrated by `officeapp-server migrate` and served
    by the current server (one per database kind, shared by the tests of this module)."""
    folder = tmp_path_factory.mktemp(f"upgrade-{request.param}")
    with _copy_of(request.param, folder) as copy:
        migrated = copy.admin("migrate")
        assert migrated.returncode == 0, migrated.stdout + migrated.stderr
        with _serving(copy) as url:
            yield Upgraded(copy.kind, copy.database_url, copy.data_dir, copy.manifest, url)


# --- reading it back through the API -------------------------------------------------------


def _login(http: httpx.Client, username: str, password: str) -> dict[str, str]:
    response = http.post(f"{API}/auth/login", json={"username": username, "password": password})
    assert response.status_code == 200, (username, response.text)
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def _pull_all(http: httpx.Client, headers: dict[str, str],
              client_id: str) -> dict[str, dict[str, Any]]:
    """Every record a fresh installation pulls from cursor 0, by kind/id; a record put twice
    in one pull is an error (the log keeps one put per record)."""
    records: dict[str, dict[str, Any]] = {}
    cursor = 0
    while True:
        response = http.post(f"{API}/sync/pull", headers=headers, json={
            "client_id": client_id, "cursor": cursor, "schema_version": SCHEMA_VERSION,
            "limit": 1000})
        assert response.status_code == 200, response.text
        page = response.json()
        assert not page["reset"]
        for change in page["changes"]:
            key = f"{change['kind']}/{change['id']}"
            if change["op"] == "put":
                assert key not in records, f"{key} put twice"
                records[key] = change["data"]
            else:
                records.pop(key, None)
        cursor = page["cursor"]
        if not page["has_more"]:
            return records


def lost(old: Any, new: Any, where: str = "") -> list[str]:
    """Where `new` lacks or changed something of `old` (a record as the previous release
    served it). Fields the current release added are not losses."""
    if isinstance(old, dict):
        if not isinstance(new, dict):
            return [where or "."]
        return [path for key, value in old.items()
                for path in (lost(value, new[key], f"{where}.{key}") if key in new
                             else [f"{where}.{key} (gone)"])]
    if isinstance(old, list):
        if not isinstance(new, list) or len(new) != len(old):
            return [f"{where} (length)"]
        return [path for i, (a, b) in enumerate(zip(old, new, strict=True))
                for path in lost(a, b, f"{where}[{i}]")]
    return [] if old == new and type(old) is type(new) else [f"{where}: {old!r} → {new!r}"]


def test_lost_sees_a_missing_field_a_changed_value_and_a_shorter_list() -> None:
    old: dict[str, Any] = {"id": "d", "version": 3,
                           "trace": [{"opinion": "同意"}, {"opinion": ""}]}
    assert lost(old, {**old, "acted_at": None}) == []
    assert lost(old, {"id": "d", "trace": old["trace"]}) == [".version (gone)"]
    assert lost(old, {**old, "version": 4}) == [".version: 3 → 4"]
    assert lost(old, {**old, "trace": old["trace"][:1]}) == [".trace (length)"]


# --- the checks ------------------------------------------------------------------------------


def test_a_wire_the_previous_server_would_refuse_has_a_newer_protocol_number() -> None:
    """The previous release's server refuses a mutation of another version or with a field it
    does not know (a client's draft would be rejected and lost); it refuses a newer protocol
    number whole, before anything is applied. So a changed wire needs a new number; and this
    release's server still serves the previous release's clients (servers upgrade first)."""
    made_by = json.loads((FIXTURE / "sqlite" / "manifest.json").read_text())["made_by"]
    now = {name: {"v": m.version, "args": sorted(m.args.model_fields)}
           for name, m in MUTATORS.items()}
    changed = sorted(name for name, shape in now.items() if made_by["wire"].get(name) != shape)
    assert not changed or made_by["protocol"] < SCHEMA_VERSION, (
        f"{changed} changed since the previous release: raise sync.protocol.SCHEMA_VERSION")
    assert OLDEST_SCHEMA_VERSION <= made_by["protocol"] <= SCHEMA_VERSION


def test_migrate_reaches_the_latest_schema_and_doctor_passes(upgraded: Upgraded) -> None:
    assert upgraded.manifest["made_by"]["commit"].startswith("524761f")
    health = httpx.get(f"{upgraded.url}{API}/health", timeout=5).json()
    assert health["status"] == "ok"
    doctor = upgraded.admin("doctor")
    # Exit 0 is the doctor's own verdict: no check is an error (a warning, such as a small
    # disk on a test machine, is not).
    assert doctor.returncode == 0 and "【错误】" not in doctor.stdout, doctor.stdout


def test_migrate_chains_every_trace_and_verify_trace_finds_it_clean(upgraded: Upgraded) -> None:
    """The previous release had no trace chain: migrate chains every record's trace as it
    stands, so verify-trace passes, and what clients pull carries the chain's head."""
    verified = upgraded.admin("verify-trace")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "留痕校验通过" in verified.stdout and "✘" not in verified.stdout
    with httpx.Client(base_url=upgraded.url, timeout=30) as http:
        headers = _login(http, "office.clerk", upgraded.manifest["password"])
        records = _pull_all(http, headers, "upgrade-check-trace")
    traced = [r for k, r in records.items() if k.split("/")[0] in ("document", "supervision")]
    assert traced and all(r["trace_chain"][0] == len(r["trace"]) for r in traced)


def test_every_person_logs_in_and_pulls_every_record_with_all_it_had(
        upgraded: Upgraded) -> None:
    manifest = upgraded.manifest
    # The only record that may be new: the clerk's offline draft, once a test pushed it.
    pushed = f"document/{manifest['offline_draft']}"
    served: dict[str, dict[str, Any]] = {}
    with httpx.Client(base_url=upgraded.url, timeout=30) as http:
        for username, keys in manifest["seen_by"].items():
            headers = _login(http, username, manifest["password"])
            records = _pull_all(http, headers, f"upgrade-check-{username}")
            records.pop(pushed, None)
            assert sorted(records) == keys, username
            served.update(records)
    problems = {key: found for key, old in manifest["records"].items()
                if (found := lost(old, served[key], key))}
    assert problems == {}
    counts: dict[str, int] = {}
    for key in served:
        counts[key.split("/")[0]] = counts.get(key.split("/")[0], 0) + 1
    assert counts == manifest["counts"]
    versions = {k: v["version"] for k, v in served.items() if "version" in v}
    assert versions == {k: v["version"] for k, v in manifest["records"].items()
                        if "version" in v}


def test_the_attachment_downloads_with_its_hash(upgraded: Upgraded) -> None:
    blob = upgraded.manifest["blob"]
    with httpx.Client(base_url=upgraded.url, timeout=30) as http:
        headers = _login(http, blob["seen_by"], upgraded.manifest["password"])
        response = http.get(f"{API}/blobs/{blob['sha256']}", headers=headers)
        assert response.status_code == 200, response.text
        assert hashlib.sha256(response.content).hexdigest() == blob["sha256"]
        assert len(response.content) == blob["size"]
        tail = http.get(f"{API}/blobs/{blob['sha256']}",
                        headers={**headers, "Range": "bytes=100-"})
        assert tail.status_code == 206 and tail.content == response.content[100:]


class Pages:
    """Every pull page and push answer the client's HTTP client receives."""

    def __init__(self) -> None:
        self.pulls: list[dict[str, Any]] = []
        self.pushes: list[dict[str, Any]] = []

    async def __call__(self, response: httpx.Response) -> None:
        path = response.request.url.path
        if path.endswith(("/sync/pull", "/sync/push")) and response.status_code == 200:
            await response.aread()
            body = json.loads(response.content)
            (self.pulls if path.endswith("/sync/pull") else self.pushes).append(body)


def test_the_old_client_store_keeps_its_outbox_and_pushes_it_once(
        upgraded: Upgraded, tmp_path: Path) -> None:
    client = upgraded.manifest["clients"]["office.clerk"]
    queued = [(m["mutation_id"], m["name"]) for m in client["outbox"]]
    path = tmp_path / "office.clerk.sqlite3"
    shutil.copyfile(FIXTURE / upgraded.kind / client["file"], path)
    store = LocalStore.open(path)  # migrates the old client's store
    runner = asyncio.Runner()
    pages = Pages()
    http = make_http(Connection(upgraded.url))
    http.event_hooks["response"].append(pages)
    try:
        assert store.schema_version == LATEST_VERSION > client["store_version"]
        assert store.client_id == client["client_id"]
        assert store.get_cursor() == client["cursor"]
        assert [(m.mutation_id, m.name) for m in store.pending_mutations()] == queued
        assert store.record_count("document") == client["documents"]
        draft_id = upgraded.manifest["offline_draft"]
        local = store.get_document(draft_id)
        assert local is not None and local.step == "review"  # what the clerk saw offline

        api = Api(http)
        engine = SyncEngine(api=api, store=store)
        runner.run(api.login("office.clerk", upgraded.manifest["password"]))
        runner.run(engine.sync_once())
        assert engine.status.error is None and engine.status.upgrade is None
        assert store.pending_mutations() == [] and store.rejections() == []
        (push,) = pages.pushes
        assert [(r["id"], r["status"]) for r in push["results"]] == [
            (i, "applied") for i, _ in queued]
        assert pages.pulls and not any(p["reset"] for p in pages.pulls)
        assert store.get_cursor() > client["cursor"]
        assert store.record_count("document") == client["documents"]  # the same draft, not a copy
        pushed = store.get_document(draft_id)
        assert pushed is not None and pushed.step == "review"
        assert pushed.version == 2 and pushed.trace[-1].opinion == "请周科长核稿"

        # A second round has nothing to send and nothing new to pull.
        before = store.get_cursor()
        runner.run(engine.sync_once())
        assert len(pages.pushes) == 1 and store.get_cursor() == before
    finally:
        runner.run(http.aclose())
        runner.close()
        store.close()

    # The server applied each queued action once: one draft, at 核稿, in 周核稿's view.
    with httpx.Client(base_url=upgraded.url, timeout=30) as plain:
        headers = _login(plain, "office.reviewer", upgraded.manifest["password"])
        records = _pull_all(plain, headers, "upgrade-check-reviewer-after")
    title = local.title
    drafts = [v for k, v in records.items() if k.startswith("document/") and v["title"] == title]
    assert [(d["id"], d["step"], d["version"]) for d in drafts] == [(draft_id, "review", 2)]
