"""The server behind a real nginx with TLS under a throw-away CA, as an office deploys it.

A test CA and a server certificate for 127.0.0.1/localhost are made with `cryptography`. A
real `officeapp-server --demo` process runs on a loopback port, trusting 127.0.0.1 as its
proxy (OFFICEAPP_TRUSTED_PROXIES), and a real nginx runs in front of it with the sample
installer/server/nginx/officeapp.conf itself: the test replaces only its upstream servers,
its two listen ports and its certificate paths, so what passes here is what administrators
install. The real client sync engine, trusting the CA through its `ca_bundle` setting, logs
in, pulls, pushes a draft with an attachment and is poked through the proxy's event stream.

The CA, nginx and client helpers are in tests/deploy/nginx.py. Under CI=true a missing nginx
or openssl fails the tests; elsewhere they are skipped.
"""

from __future__ import annotations

import asyncio
import hashlib
import random
import socket
import ssl
import subprocess
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from officeapp.demo import DEMO_PASSWORD, DEMO_PEOPLE, FINANCE_ID
from officeapp.workflow import Action, ActionKind
from sync.client import actions
from sync.client.api import Api, Connection, Offline, make_http
from sync.client.engine import SyncEngine
from sync.server.settings import Settings
from sync.server.storage import tables as t
from tests.deploy.nginx import (
    WAIT,
    Certificates,
    install,
    make_certificates,
    serve_sample,
    stop,
    tool,
    until,
)
from tests.sync.processes import free_port, start_server
from ui.login import explain

# A client's own address, other than nginx's (127.0.0.1): all of 127.0.0.0/8 is loopback.
CLIENT_ADDRESS = "127.0.0.2"
FORGED = "198.51.100.7"  # what a client writes into X-Forwarded-For itself
NOTICE: dict[str, Any] = {
    "doc_type": "通知",
    "title": "关于印发防汛抗旱应急预案的通知",
    "main_recipients": [FINANCE_ID],
    "body": "各单位：\n\n现将应急预案印发给你们，请认真贯彻执行。",
}


# --- the deployment ------------------------------------------------------------------------


@dataclass(frozen=True)
class Deployment:
    """A server behind nginx: the https URL clients use and what the test looks into."""

    url: str
    http_url: str
    https_port: int
    server_url: str
    database_url: str
    certificates: Certificates
    openssl: str

    @property
    def trusting(self) -> ssl.SSLContext:
        """A TLS context that trusts the test CA only, as the client's `ca_bundle` does."""
        return ssl.create_default_context(cafile=self.certificates.ca)


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    """Start `officeapp-server --demo` and nginx with the rendered sample in front of it."""
    nginx, openssl = tool("nginx"), tool("openssl")
    folder = tmp_path_factory.mktemp("deploy")
    certificates = make_certificates(folder)
    server_port, https_port, http_port = free_port(), free_port(), free_port()
    database_url = f"sqlite:///{folder / 'server.sqlite3'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OFFICEAPP_TRUSTED_PROXIES", "127.0.0.1")  # nginx's address, as documented
        server = start_server(database_url, folder / "data", server_port)
    try:
        process = serve_sample(folder / "nginx", nginx, upstreams=[f"127.0.0.1:{server_port}"],
                               https_port=https_port, http_port=http_port,
                               certificates=certificates)
        try:
            yield Deployment(f"https://127.0.0.1:{https_port}", f"http://127.0.0.1:{http_port}",
                             https_port, f"http://127.0.0.1:{server_port}", database_url,
                             certificates, openssl)
        finally:
            stop(process)
    finally:
        stop(server)


# --- the tests -----------------------------------------------------------------------------


def _negotiate(deployment: Deployment, version: ssl.TLSVersion) -> str | None:
    context = deployment.trusting
    context.minimum_version = context.maximum_version = version
    with socket.create_connection(("127.0.0.1", deployment.https_port), timeout=5) as raw, \
            context.wrap_socket(raw, server_hostname="localhost") as tls:
        return tls.version()


def test_the_sample_serves_tls_1_2_and_1_3_under_the_extranet_ca(
        deployment: Deployment) -> None:
    assert _negotiate(deployment, ssl.TLSVersion.TLSv1_2) == "TLSv1.2"
    assert _negotiate(deployment, ssl.TLSVersion.TLSv1_3) == "TLSv1.3"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # TLS 1.1 is deprecated, rightly
        old = deployment.trusting
        old.set_ciphers("DEFAULT:@SECLEVEL=0")  # so that this client offers TLS 1.1 at all
        old.minimum_version = old.maximum_version = ssl.TLSVersion.TLSv1_1
    # This client can speak TLS 1.1; nginx refuses it (ssl_protocols, and the cipher list has
    # nothing older TLS could use).
    with socket.create_connection(("127.0.0.1", deployment.https_port), timeout=5) as raw, \
            pytest.raises(ssl.SSLError):
        old.wrap_socket(raw, server_hostname="localhost")
    # The check docs/deploy.md gives administrators: the chain and the name verify.
    checked = subprocess.run(
        [deployment.openssl, "s_client", "-connect", f"127.0.0.1:{deployment.https_port}",
         "-servername", "localhost", "-verify_hostname", "localhost",
         "-CAfile", str(deployment.certificates.ca), "-verify_return_error", "-brief"],
        input="", capture_output=True, text=True, timeout=WAIT, check=False)
    assert checked.returncode == 0, checked.stderr
    assert "Verification: OK" in checked.stderr
    with httpx.Client(verify=deployment.trusting, timeout=10) as http:
        health = http.get(f"{deployment.url}/api/v1/health")
        assert health.status_code == 200 and health.json()["status"] == "ok"
        assert http.get(f"{deployment.url}/docs").status_code == 404  # only the API is public
        moved = http.get(f"{deployment.http_url}/api/v1/health")
    assert moved.status_code == 301
    assert moved.headers["location"].startswith("https://")


def test_the_client_engine_syncs_through_the_proxy_and_is_poked(
        deployment: Deployment, tmp_path: Path) -> None:
    data = random.Random(16).randbytes(2_500_001)  # three upload chunks of the real client
    source = tmp_path / "预案.pdf"
    source.write_bytes(data)

    async def scenario() -> None:
        clerk = await install(deployment.url, deployment.certificates.ca, tmp_path,
                              "office.clerk")
        reviewer = await install(deployment.url, deployment.certificates.ca, tmp_path,
                                 "office.reviewer")
        try:
            # Pull: the whole demo directory and the clerk's demo work arrive.
            await clerk.engine.sync_once()
            assert clerk.engine.status.online and clerk.engine.status.error is None
            people = clerk.store.organisation().people
            assert {p.id for p in DEMO_PEOPLE} <= set(people)
            assert clerk.store.get_cursor() > 0
            # The reviewer's client runs as the desktop runs it: event stream and sync loop.
            reviewer.engine.start()
            await until(lambda: "ready" in reviewer.api.heard
                        and reviewer.engine.status.last_sync is not None,
                        "the reviewer's event stream and first sync")
            heard = len(reviewer.api.heard)
            # Push: a draft with an attachment, sent on to 核稿.
            now = datetime.now(UTC)
            attachment = await clerk.blobs.attach(source, name="预案.pdf")
            document = actions.draft_outgoing(clerk.store, person_id=clerk.person_id,
                                              fields={**NOTICE, "attachments": [attachment]},
                                              now=now)
            actions.act(clerk.store, person_id=clerk.person_id, document_id=document.id,
                        action=Action(ActionKind.APPROVE, opinion="请核稿"), now=now)
            await clerk.engine.sync_once()
            assert clerk.store.pending_mutations() == []
            assert clerk.store.rejections() == []
            blob = clerk.store.get_blob(hashlib.sha256(data).hexdigest())
            assert blob is not None and blob.state == "synced"
            # The push pokes the reviewer through nginx's event stream, and the poke's sync
            # (the only one: no polling) brings the document.
            await until(lambda: "poke" in reviewer.api.heard[heard:]
                        and document.id in reviewer.todo(), "the poke and the document")
            received = reviewer.store.get_document(document.id)
            assert received is not None and received.trace[-1].opinion == "请核稿"
            opened = await reviewer.blobs.open(received.attachments[0])
            assert opened.read_bytes() == data  # downloaded through the proxy, verified
        finally:
            await reviewer.close()
            await clerk.close()

    asyncio.run(scenario())


def test_without_the_extranet_ca_the_client_refuses_with_a_certificate_error(
        deployment: Deployment, tmp_path: Path) -> None:
    async def scenario() -> None:
        trusting = await install(deployment.url, deployment.certificates.ca, tmp_path,
                                 "finance.clerk")
        untrusting = Api(make_http(Connection(server_url=deployment.url)))  # no CA setting
        engine = SyncEngine(api=untrusting, store=trusting.store, poll_seconds=3600)
        try:
            with pytest.raises(Offline, match="CERTIFICATE_VERIFY_FAILED") as refused:
                await untrusting.login("finance.clerk", DEMO_PASSWORD)
            # The person is told what to fix, not that the network is down.
            assert refused.value.certificate
            assert "CA证书文件" in explain(refused.value)
            # A client holding a login whose CA setting no longer fits the server's
            # certificate works offline and says so: no crash, nothing lost.
            untrusting.access_token = trusting.api.access_token
            untrusting.refresh_token = trusting.api.refresh_token
            with pytest.raises(Offline, match="CERTIFICATE_VERIFY_FAILED"):
                await engine.sync_once()
            assert not engine.status.online
            assert engine.status.error == "服务器证书无法验证，已离线工作：请在设置中检查CA证书文件"
        finally:
            await engine.stop()
            await untrusting.http.aclose()
            await trusting.close()

    asyncio.run(scenario())


def _failed_login(url: str, username: str, verify: ssl.SSLContext | bool) -> None:
    """Log in with a wrong password from CLIENT_ADDRESS, with a forged X-Forwarded-For."""
    transport = httpx.HTTPTransport(verify=verify, local_address=CLIENT_ADDRESS)
    with httpx.Client(transport=transport, timeout=10) as http:
        answer = http.post(f"{url}/api/v1/auth/login", headers={"X-Forwarded-For": FORGED},
                           json={"username": username, "password": "wrong-password"})
    assert answer.status_code == 401, answer.text


def test_the_server_sees_the_client_address_only_through_the_trusted_proxy(
        deployment: Deployment) -> None:
    _failed_login(deployment.url, "nobody.proxied", deployment.trusting)
    _failed_login(deployment.server_url, "nobody.direct", False)
    engine = sa.create_engine(deployment.database_url, poolclass=sa.NullPool)
    try:
        with engine.connect() as connection:
            a = t.login_attempts.c
            rows = connection.execute(sa.select(a.username, a.address).where(
                a.username.in_(["nobody.proxied", "nobody.direct"])))
            seen = {row.username: row.address for row in rows}
    finally:
        engine.dispose()
    # Through nginx (a trusted proxy) the client's real address counts, never what it wrote;
    # straight from a client the header is ignored and the peer's address counts.
    assert seen == {"nobody.proxied": CLIENT_ADDRESS, "nobody.direct": CLIENT_ADDRESS}


def test_a_chunk_at_the_servers_limit_passes_the_proxy_and_the_server_answers_past_it(
        deployment: Deployment) -> None:
    with httpx.Client(verify=deployment.trusting, timeout=30,
                      base_url=f"{deployment.url}/api/v1") as http:
        tokens = http.post("/auth/login", json={"username": "edu.clerk",
                                                "password": DEMO_PASSWORD}).json()
        answer = http.patch(f"/blobs/{'0' * 64}", content=b"\0" * (Settings.max_chunk + 1),
                            headers={"Authorization": f"Bearer {tokens['access_token']}",
                                     "Upload-Offset": "0",
                                     "Content-Type": "application/offset+octet-stream"})
    # The server's own refusal (JSON, Chinese message) reaches the client, not nginx's page.
    assert answer.status_code == 413
    assert answer.json()["code"] == "request.too_large"
